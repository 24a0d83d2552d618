"""User Markdown (`description` and similar fields) placed into generated pages."""

from __future__ import annotations

import textwrap

from ..markup import neutralise


def block(text: str) -> list[str]:
    """A Markdown field as lines of a page; unsafe markup is shown as text."""
    cleaned = textwrap.dedent(text.replace("\r\n", "\n")).strip("\n")
    if not cleaned.strip():
        return []
    return [*neutralise(cleaned).text.split("\n"), ""]


def inline(text: str) -> str:
    """A short Markdown field (success, value, ...) squeezed into one line."""
    return " ".join(line.strip() for line in block(text) if line.strip())
