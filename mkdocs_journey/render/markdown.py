"""User Markdown (`description` and similar fields) placed into generated pages."""

from __future__ import annotations

import re
import textwrap

_RAW_HTML = re.compile(r"<(?!(?:https?://|mailto:)[^<>\s]+>)")
_ATTR_LIST = re.compile(r"\{:?(?=\s*[#.:\w-]+\s*=?)")


def block(text: str) -> list[str]:
    """A Markdown field as lines of a page, raw HTML and attribute lists shown as text."""
    cleaned = textwrap.dedent(text.replace("\r\n", "\n")).strip("\n")
    if not cleaned.strip():
        return []
    cleaned = _RAW_HTML.sub("&lt;", cleaned)
    cleaned = _ATTR_LIST.sub(lambda m: m.group().replace("{", "&#123;"), cleaned)
    return [*cleaned.split("\n"), ""]


def inline(text: str) -> str:
    """A short Markdown field (success, value, ...) squeezed into one table cell."""
    return " ".join(line.strip() for line in block(text) if line.strip())
