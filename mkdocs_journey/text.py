"""Escaping at each boundary where user text enters a format: one function per format."""

from __future__ import annotations

import functools
import html
import json
import re

_MARKDOWN_ACTIVE = re.compile(r"[\\`*_{}\[\]#+<>&|~^=:$@]")
_BLOCK_START = re.compile(r"[-+*>!]|\d+[.)]")
_WHITESPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """A name as shown: line breaks and runs of spaces become one space."""
    return _WHITESPACE.sub(" ", text).strip()


@functools.lru_cache(maxsize=1 << 16)
def md(text: str) -> str:
    """Plain text as inline Markdown that shows exactly the text and nothing else.

    Every character that Markdown or a common extension (tables, attribute lists,
    emoji, mark, keys, magic links, math) could read as markup becomes a numeric
    character reference, which Python-Markdown passes through untouched; so does a
    first character that would start a list, quote or admonition.
    """
    escaped = _MARKDOWN_ACTIVE.sub(lambda m: f"&#{ord(m.group())};", one_line(text))
    start = _BLOCK_START.match(escaped)
    if start:
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return escaped


_GITHUB_REFERENCE = re.compile(r"&#(?:64|35);(?=\w)|(?i:\bgh-)(?=\d)")
WORD_JOINER = "\u2060"


def comment_md(text: str) -> str:
    """Plain text as inline Markdown for a pull-request comment on GitHub.

    `md` alone is not enough there: GitHub decodes character references before it links
    `@name` mentions and `#123` / `GH-123` references, so `&#64;everyone` still pings.
    An invisible word joiner after the `@`, the `#` or `GH-` leaves the text as it reads
    and gives GitHub's linker nothing to match.
    """
    return _GITHUB_REFERENCE.sub(lambda m: m.group() + WORD_JOINER, md(text))


@functools.lru_cache(maxsize=1 << 16)
def html_text(text: str) -> str:
    """Plain text as HTML (also safe inside a double-quoted attribute)."""
    return html.escape(one_line(text), quote=True)


def front_matter_title(text: str) -> str:
    """The `title:` line of a page's front matter.

    Themes print `page.meta.title` into `<title>` and the nav unescaped, so it is
    HTML-escaped here; quoting as JSON makes it a valid YAML string.
    """
    return "title: " + json.dumps(html_text(text), ensure_ascii=False)


def md_link(label: str, target: str) -> str:
    """A Markdown link to a generated target; the label is already Markdown."""
    return f"[{label}]({target})"


def md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; cells are already Markdown and must hold no line break."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def fact_list(facts: list[list[str]]) -> list[str]:
    """Labelled facts as a list: `- **Label:** value`; labels are plain text."""
    return [f"- **{md(label)}:** {value}" for label, value in facts]
