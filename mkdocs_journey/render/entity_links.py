"""Entity links written into a page: `[text](department:sales)` becomes a relative
link to the department's page from the page being written; empty link text takes the
entity's name; an unknown target is left as written (lint and the plugin report it)."""

from __future__ import annotations

from .. import paths
from ..links import EntityLinks, FoundLink, UnknownLink
from ..text import md


def rewrite(links: EntityLinks, markdown: str, from_page: str) -> tuple[str, list[UnknownLink]]:
    """`markdown` with its entity links made relative links from `from_page`; code is
    left alone. The links that lead nowhere are returned too."""
    found = links.scan(markdown)
    if not found:
        return markdown, []
    parts = []
    position = 0
    for link in found:
        parts.append(markdown[position : link.start])
        parts.append(_written(link, from_page))
        position = link.end
    parts.append(markdown[position:])
    return "".join(parts), links.unknown(found)


def _written(link: FoundLink, from_page: str) -> str:
    match, target = link.match, link.target
    if link.definition:
        if target is None:
            return match.group()
        url = paths.relative(from_page, target.page, target.anchor)
        return f"{match['label']}{match['open']}{url}{match['close']}"
    text, title = match.group("text", "title")
    if target is None:
        return match.group() if text else f"[{md(link.link)}]({link.link}{title})"
    url = paths.relative(from_page, target.page, target.anchor)
    return f"[{text or md(target.name)}]({url}{title})"
