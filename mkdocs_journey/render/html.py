"""Generated blocks written as finished HTML.

Tables and lists of links make up most of a handbook page. Written as Markdown, every
link is parsed again by Python-Markdown's inline patterns and checked by MkDocs, which
made a large handbook's build fifty times slower than a site of plain pages. Written
here as HTML (URLs already final, text escaped once), they cost nothing to convert.
Headings, user Markdown and anything MkDocs must see (the table of contents, anchors,
links to hand-written pages) stay Markdown.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text import html_text


@dataclass(frozen=True, slots=True)
class Html:
    """A block of finished HTML among a page's Markdown lines."""

    html: str
    indexed: bool = True
    """False for a view of facts that live elsewhere (matrices, hand-over tables, a
    department's step list, diagram sources): shown on the page, left out of the search
    index so that a search finds each step once, in its own section."""


Line = str | Html
"""What page renderers yield: a line of Markdown or a block of HTML."""


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> Html:
    """A table: header labels are plain text, cells finished HTML."""
    head = "".join([f"<th>{html_text(label)}</th>" for label in header])
    body = "".join([f"<tr><td>{'</td><td>'.join(row)}</td></tr>" for row in rows])
    return Html(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def facts(labelled: Iterable[tuple[str, str]]) -> Html:
    """Labelled facts as a list: plain-text labels, finished-HTML values."""
    entries = [
        f"<li><strong>{html_text(label)}:</strong> {value}</li>" for label, value in labelled
    ]
    return Html(f"<ul>{''.join(entries)}</ul>")


def items(entries: Iterable[str], title: str = "", ordered: bool = False) -> Html:
    """A list of finished-HTML entries, under an optional plain-text title."""
    head = f"<p><strong>{html_text(title)}</strong></p>" if title else ""
    return Html(head + _list(entries, "ol" if ordered else "ul"))


def groups(grouped: Iterable[tuple[str, str, Iterable[str]]]) -> Html:
    """A two-level list: each finished-HTML heading entry, anchored by its id, with its
    entries."""
    return Html(
        "<ul>"
        + "".join(
            [f'<li id="{anchor}">{head}{_list(entries)}</li>' for anchor, head, entries in grouped]
        )
        + "</ul>"
    )


def _list(entries: Iterable[str], tag: str = "ul") -> str:
    listed = entries if entries.__class__ is list else list(entries)
    if not listed:
        return f"<{tag}></{tag}>"
    return f"<{tag}><li>{'</li><li>'.join(listed)}</li></{tag}>"


def paragraph(content: str) -> Html:
    """A paragraph of finished HTML."""
    return Html(f"<p>{content}</p>")


def view(block: Html) -> Html:
    """The block as a view: on the page, not in the search index."""
    return Html(block.html, indexed=False)


def mermaid(source: str) -> Html:
    """A Mermaid diagram as Material draws it (what the superfences `mermaid` fence
    makes of the same source); its source is no text to search."""
    escaped = html.escape(source, quote=False)
    return Html(f'<pre class="mermaid"><code>{escaped}</code></pre>', indexed=False)
