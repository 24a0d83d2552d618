"""User Markdown (`description` and similar fields) placed into generated pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..markup import prepared
from ..text import html_text
from .entity_links import rewrite
from .html import Html, Line

if TYPE_CHECKING:
    from ..links import EntityLinks

_PLAIN = re.compile(r"""[^\W_][\w ,.;:?!()'"%/-]*""")
"""A one-line text of words and everyday punctuation, starting with a letter or digit
(an underscore, which a word character may be, is refused on its own)."""
_ORDERED_LIST = re.compile(r"\d+[.)](?:\s|$)")
_SHORTCODE = re.compile(r":[^\s:]+:")
_MERGE_REQUEST = re.compile(r"!\d")


def block(text: str, links: EntityLinks, page: str, finished: bool = False) -> list[Line]:
    """A Markdown field as lines of `page`: entity links resolved, unsafe markup shown
    as text. With `finished`, a plain one-line text is its paragraph of finished HTML,
    which Python-Markdown then never parses (see `is_plain`)."""
    safe = prepared(text).text
    if not safe:
        return []
    plain = plain_html(text) if finished else None
    if plain is not None:
        return [Html(f"<p>{plain}</p>"), ""]
    resolved, _ = rewrite(links, safe, page)
    return [*resolved.split("\n"), ""]


def plain_html(text: str) -> str | None:
    """A Markdown field as finished inline HTML when it is a plain sentence (see
    `is_plain`), else None: it must go through Markdown."""
    safe = prepared(text).text
    return html_text(safe) if safe and is_plain(safe) else None


def is_plain(text: str) -> bool:
    """Whether Markdown makes a paragraph of exactly this text, escaped: words and
    everyday punctuation on one line, nothing that Markdown or an extension of
    `delivery.extensions.PLAIN_SAFE` reads (an ordered-list number at the start, a web
    address for magic links, an emoji shortcode, a merge-request shorthand). Most
    descriptions are such sentences, and a handbook has thousands of them: converting
    each took a sixth of a large build's Markdown time. Cheap tests first: this runs
    for every description of every build."""
    if "_" in text or _PLAIN.fullmatch(text) is None:
        return False
    if text[0].isdigit() and _ORDERED_LIST.match(text):
        return False
    lowered = text.lower()
    if "://" in text or "www." in lowered or "ftp." in lowered:
        return False
    if text.count(":") > 1 and _SHORTCODE.search(text):
        return False
    return "!" not in text or _MERGE_REQUEST.search(text) is None
