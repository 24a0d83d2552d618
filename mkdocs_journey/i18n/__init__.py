"""Labels of the generated pages, in every supported language."""

from __future__ import annotations

from .en import ENGLISH
from .labels import Labels
from .pt_br import PORTUGUESE

__all__ = ["ENGLISH", "LANGUAGES", "PORTUGUESE", "Labels", "labels_for"]

LANGUAGES = {"en": ENGLISH, "pt-BR": PORTUGUESE}


def labels_for(language: str | None) -> Labels:
    """The labels of a language code ('pt-BR', 'pt', 'en', ...), English when unknown."""
    if not language:
        return ENGLISH
    if language in LANGUAGES:
        return LANGUAGES[language]
    if language.lower().replace("_", "-").startswith("pt"):
        return PORTUGUESE
    return ENGLISH
