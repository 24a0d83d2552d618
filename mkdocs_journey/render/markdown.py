"""User Markdown (`description` and similar fields) placed into generated pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..markup import prepared
from .entity_links import rewrite

if TYPE_CHECKING:
    from ..links import EntityLinks


def block(text: str, links: EntityLinks, page: str) -> list[str]:
    """A Markdown field as lines of `page`: entity links resolved, unsafe markup shown
    as text."""
    safe = prepared(text).text
    if not safe:
        return []
    resolved, _ = rewrite(links, safe, page)
    return [*resolved.split("\n"), ""]
