"""The Markdown extensions the generated pages rely on, enabled when missing."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

SUPERFENCES = "pymdownx.superfences"


def mermaid_fence() -> dict[str, Any]:
    """The superfences custom fence that Material turns into a Mermaid diagram."""
    from pymdownx.superfences import fence_code_format

    return {"name": "mermaid", "class": "mermaid", "format": fence_code_format}


def ensure_extensions(config: MkDocsConfig) -> None:
    """Enable tables, attribute lists (step anchors) and Mermaid fences if the user has not."""
    extensions = config.markdown_extensions
    for name in ("tables", "attr_list"):
        if name not in extensions:
            extensions.append(name)
    if SUPERFENCES not in extensions:
        extensions.append(SUPERFENCES)
    settings = config.mdx_configs.setdefault(SUPERFENCES, {})
    fences = settings.setdefault("custom_fences", [])
    if not any(isinstance(f, dict) and f.get("name") == "mermaid" for f in fences):
        fences.append(mermaid_fence())


PLAIN_SAFE = frozenset(
    {
        *("toc", "tables", "fenced_code", "attr_list", "def_list", "admonition"),
        *("codehilite", "footnotes", "md_in_html", "meta", "nl2br", "sane_lists"),
        *("wikilinks", "legacy_attrs", "legacy_em"),
        *(f"pymdownx.{name}" for name in ("arithmatex", "betterem", "caret", "critic")),
        *(f"pymdownx.{name}" for name in ("details", "emoji", "escapeall", "highlight")),
        *(f"pymdownx.{name}" for name in ("inlinehilite", "keys", "magiclink", "mark")),
        *(f"pymdownx.{name}" for name in ("progressbar", "saneheaders", "snippets")),
        *(f"pymdownx.{name}" for name in ("striphtml", "superfences", "tabbed")),
        *(f"pymdownx.{name}" for name in ("tasklist", "tilde")),
        *(f"pymdownx.blocks.{name}" for name in ("admonition", "details", "html", "tab")),
        *(f"pymdownx.blocks.{name}" for name in ("definition", "caption")),
    }
)
"""Markdown extensions that leave a plain sentence (`render.markdown.is_plain`) as it
is: each reads only characters or line starts such a sentence cannot have. Left out on
purpose: `abbr` and `extra` (an abbreviation can be any word), `smarty` and
`pymdownx.smartsymbols` (quotes, dashes, `(c)`), `pymdownx.fancylists` (`a.` starts a
list), and every extension not named here."""


def plain_paragraphs_unchanged(config: MkDocsConfig) -> bool:
    """Whether every Markdown extension of the site is in `PLAIN_SAFE`, so that a plain
    sentence may reach the page as its finished paragraph."""
    names = (name.removeprefix("markdown.extensions.") for name in config.markdown_extensions)
    return all(name in PLAIN_SAFE for name in names)
