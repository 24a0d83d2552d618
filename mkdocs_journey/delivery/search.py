"""How a generated page's HTML blocks reach MkDocs: the search plugin reads a light
version of each page, then every block is put in place in the written page.

The search plugin parses every tag in Python and keeps the text of most of them (links,
bold labels, spans, dates, table cells) without the tag; a block without them reads the
same and parses several times faster. A sparkline is left out: its title lists a
metric's values, which say nothing a search is for. A generated list
reaches it as one paragraph, its entries separated by " · ", and a block's paragraphs
as one too: a step's facts are a handful of short entries, and each entry's two tags
cost the parser more than its words. Views (blocks that only repeat what the page says
elsewhere: matrices, maps) are left out of the index, so that a search finds each step
in its own section rather than on every page that lists it."""

from __future__ import annotations

import re

from ..render.site import PLACEHOLDER, GeneratedPage

_NOT_INDEXED_TAGS = re.compile(
    r"<svg\b.*?</svg>|</?(?!(?:p|code|pre|li|ol|ul|sub|sup|h[1-6])\b)[a-zA-Z][^>]*>", re.S
)
"""Tags whose text the search index keeps without the tag (every tag but those Material's
search keeps: paragraphs, code, lists, sub- and superscripts, and headings), and inline
SVG, left out with its text."""
_LIST_TAGS = re.compile(r"</li><li\b[^>]*>|<li\b[^>]*>|</li>|<(/?)[ou]l>")
"""The tags of a generated list, which the index reads as one paragraph."""
_SEARCH_TEXT = re.compile(r"<!--journey-text:(\d+)-->.*?<!--/journey-text-->", re.S)
_NEXT_PARAGRAPH = re.compile(r"</p>\s*<p\b[^>]*>")
"""Where one paragraph of a block ends and the next begins: the index reads a block's
paragraphs as one (a step's facts are a dozen short paragraphs, each two tags to
parse), separated by " · "."""


def for_search(page: GeneratedPage, converted: str) -> str:
    """The page as the search plugin should read it: views left out, and the other
    blocks as their text and kept tags (lists, code) only, between markers that `finish`
    replaces with the blocks themselves."""

    def searchable(match: re.Match[str]) -> str:
        if match.group(1) == "view":
            return match.group()
        text = _NOT_INDEXED_TAGS.sub("", page.blocks[int(match.group(2))])
        text = _NEXT_PARAGRAPH.sub(" · ", _LIST_TAGS.sub(_as_paragraph, text))
        return f"<!--journey-text:{match.group(2)}-->{text}<!--/journey-text-->"

    return PLACEHOLDER.sub(searchable, converted)


def _as_paragraph(tag: re.Match[str]) -> str:
    """A list as one paragraph: the list's tags become the paragraph's, an entry's
    end a separator (or a space, at the end of a nested list)."""
    found = tag.group()
    if found.startswith("</li><li"):
        return " · "
    if found.startswith("<li"):
        return ""
    if found == "</li>":
        return " "
    return f"<{tag.group(1)}p>"


def finish(page: GeneratedPage, output: str) -> str:
    """The written page (`for_search`'s HTML inside the theme), every block in place."""
    output = _SEARCH_TEXT.sub(lambda m: page.blocks[int(m.group(1))], output)
    return page.fill(output)
