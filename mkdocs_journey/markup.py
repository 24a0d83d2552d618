"""What user Markdown may do: links to http, https, mailto, relative targets and entity
links; no raw HTML, attribute lists, math or other link schemes. Anything else is
neutralised (shown as text) and reported."""

from __future__ import annotations

import functools
import html
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

ENTITY_SCHEMES = (
    "journey",
    "stage",
    "step",
    "department",
    "touchpoint",
    "persona",
    "milestone",
    "phase",
    "metric",
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto", *ENTITY_SCHEMES})

_CODE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n.*?"
    r"(?:\n[ \t]*(?P=fence)[`~]*[ \t]*(?=\n|$)|$)"
    r"|(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)",
    re.S,
)
"""Fenced blocks (any indentation, closed by a fence at least as long) and code spans."""
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)>\"']*)")
_REFERENCE = re.compile(r"^( {0,3})\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?=\s|$)", re.M)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
_ATTR_LIST = re.compile(r"\{(?=:|\s*[#.]|\s*[\w-]+\s*=)")
_MATH = re.compile(r"\$")
_ALLOWED = "only http, https, mailto, relative and entity links"
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")
_MARKUP_CHARS = re.compile(r"[<\[\]{$]")
"""Characters without which no link, tag, attribute list or math can be written."""


@dataclass(frozen=True, slots=True)
class Markup:
    """User Markdown made safe, with a note of each thing that was neutralised."""

    text: str
    problems: tuple[str, ...]


def link_scheme(url: str) -> str:
    """The scheme of a link target as a browser would read it ('' when relative)."""
    cleaned = _INVISIBLE.sub("", html.unescape(url)).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else ""


def safe_link(url: str) -> bool:
    """Whether a link target is allowed: no scheme (relative) or a safe one."""
    scheme = link_scheme(url)
    return scheme == "" or scheme in SAFE_SCHEMES


def neutralise(text: str) -> Markup:
    """Keep safe Markdown as it is; turn everything else into visible text."""
    if not _MARKUP_CHARS.search(text):
        return Markup(text, ())
    problems: list[str] = []
    parts = []
    for prose, code in split_code(text):
        parts.append(_neutralise_prose(prose, problems))
        parts.append(code)
    return Markup("".join(parts), tuple(dict.fromkeys(problems)))


@functools.cache
def prepared(text: str) -> Markup:
    """A Markdown field as every page and lint read it, made once: line ends as LF, a
    common indentation removed, blank lines around it dropped, then neutralised.

    Unbounded, and emptied by each analysis: lint reads every text of the handbook,
    then the pages read them again. A bounded cache smaller than the handbook kept
    none of them for the pages (lint's pass evicted each before the pages asked), so
    past 16 384 texts the work grew faster than the handbook."""
    cleaned = text.replace("\r\n", "\n")
    if cleaned[:1] in (" ", "\t", "\n"):
        cleaned = textwrap.dedent(cleaned)
    cleaned = cleaned.strip("\n")
    if not cleaned.strip():
        return Markup("", ())
    return neutralise(cleaned)


def split_code(text: str) -> Iterator[tuple[str, str]]:
    """Pairs of (prose, code that follows it): fenced blocks and code spans."""
    position = 0
    for match in _CODE.finditer(text):
        yield text[position : match.start()], match.group()
        position = match.end()
    yield text[position:], ""


def _neutralise_prose(text: str, problems: list[str]) -> str:
    stash: list[str] = []

    def keep(fragment: str) -> str:
        stash.append(fragment)
        return f"\x00{len(stash) - 1}\x00"

    def link(match: re.Match[str]) -> str:
        if safe_link(match.group(1)):
            return keep(match.group())
        problems.append(f"a '{link_scheme(match.group(1))}:' link ({_ALLOWED})")
        return "]&#40;" + match.group()[2:]

    def reference(match: re.Match[str]) -> str:
        if safe_link(match.group(3)):
            return keep(match.group())
        problems.append(f"a '{link_scheme(match.group(3))}:' link ({_ALLOWED})")
        return match.group(1) + "&#91;" + match.group()[len(match.group(1)) + 1 :]

    text = _AUTOLINK.sub(lambda m: keep(m.group()), text)
    text = _LINK_TARGET.sub(link, text)
    text = _REFERENCE.sub(reference, text)
    if _TAG.search(text):
        problems.append("raw HTML")
    text = _TAG_START.sub("&lt;", text)
    if _ATTR_LIST.search(text):
        problems.append("an attribute list")
        text = _ATTR_LIST.sub("&#123;", text)
    if _MATH.search(text):
        text = _MATH.sub("&#36;", text)
    return re.sub("\x00(\\d+)\x00", lambda m: stash[int(m.group(1))], text)
