"""User Markdown (`description` and similar fields) placed into generated pages."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from ..markup import neutralise
from .entity_links import rewrite

if TYPE_CHECKING:
    from ..links import EntityLinks


def block(text: str, links: EntityLinks, page: str) -> list[str]:
    """A Markdown field as lines of `page`: entity links resolved, unsafe markup shown
    as text."""
    cleaned = text.replace("\r\n", "\n")
    if cleaned[:1] in (" ", "\t", "\n"):
        cleaned = textwrap.dedent(cleaned)
    cleaned = cleaned.strip("\n")
    if not cleaned.strip():
        return []
    resolved, _ = rewrite(links, neutralise(cleaned).text, page)
    return [*resolved.split("\n"), ""]
