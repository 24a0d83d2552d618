"""Escaping at each boundary: hostile text stays text in Markdown, HTML titles and Mermaid."""

from __future__ import annotations

import json
import re

import markdown
import pytest

from mkdocs_journey.render import mermaid
from mkdocs_journey.text import front_matter_title, md, one_line

HOSTILE = [
    "Quote \" and ' apostrophe",
    "Brackets [x] (y) {z} <b>bold</b>",
    "Pipes | and & ampersand; semicolon",
    "Hash #tag, percent %% comment, `code`",
    "*stars* _under_ ~~strike~~ ==mark== ^^ins^^ ++key++",
    "$math$ @mention :smile: \\backslash",
    "end",
    "- list start",
    "1. numbered",
    "> quote",
    "!!! note",
    "Línea con acentos — emoji 🚀 and עברית",
    "</title><script>alert(1)</script>",
    "[link](javascript:alert(1))",
    "{: onclick=alert(1) }",
    "line\nbreak",
]
EXTENSIONS = ["tables", "attr_list", "toc", "pymdownx.tilde", "pymdownx.mark", "pymdownx.caret"]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_shows_exactly_the_text(text: str) -> None:
    """Rendered with Markdown and common extensions, escaped text is just that text."""
    html = markdown.markdown(f"Before {md(text)} after", extensions=EXTENSIONS)
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[3:-4]
    assert "<" not in inner.replace("&lt;", "")
    from html import unescape

    assert unescape(inner) == f"Before {one_line(text)} after"


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_in_a_heading_with_an_anchor(text: str) -> None:
    """A heading keeps its generated anchor whatever the name: braces cannot reach attr_list."""
    html = markdown.markdown(f"## {md(text)} {{#step-1}}", extensions=EXTENSIONS)
    assert html.startswith('<h2 id="step-1">')
    assert html.count("<h2") == 1


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_at_line_start(text: str) -> None:
    """Escaped text at the start of a line never opens a list, quote or admonition."""
    html = markdown.markdown(md(text), extensions=[*EXTENSIONS, "admonition"])
    assert html.startswith("<p>")


def test_front_matter_title_is_html_escaped_json() -> None:
    """Titles are printed unescaped by themes: they are HTML-escaped, as a YAML string."""
    line = front_matter_title('</title><script>x</script> & "q"')
    assert line.startswith("title: ")
    value = json.loads(line.removeprefix("title: "))
    assert "<" not in value and ">" not in value
    assert value == "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;"


@pytest.mark.parametrize("text", HOSTILE)
def test_mermaid_label_has_only_safe_characters(text: str) -> None:
    """A label is quoted and holds letters, digits, spaces and numeric entities only."""
    label = mermaid.label(text)
    assert label.startswith('"') and label.endswith('"')
    body = re.sub(r"#\d+;", "", label[1:-1])
    assert re.fullmatch(r"[^\W_]*(?: [^\W_]*)*", body), label
    assert "end" not in re.findall(r"\b\w+\b", body)


def test_mermaid_label_round_trips() -> None:
    """Decoding the entities gives back the (one-line) text."""
    text = 'A "quoted" [name] & <more>'
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), mermaid.label(text)[1:-1])
    assert decoded == text


def test_long_labels_are_shortened_at_a_word() -> None:
    """Very long names are cut with an ellipsis; the page keeps the full name."""
    short = mermaid.shorten("word " * 40, 30)
    assert len(short) <= 30 and short.endswith("…")
    assert mermaid.shorten("x" * 100, 10) == "x" * 9 + "…"


def test_flowchart_never_puts_user_text_outside_labels() -> None:
    """Node ids, classes and links are generated; user text only appears quoted."""
    chart = mermaid.Flowchart("click n1 call evil()", "%%{init: {}}%%\nstyle")
    first = chart.node("click x callback; style n1 fill:red", url="../a/#b", css="milestone")
    second = chart.node("end", shape="stadium")
    chart.edge(first, second, dotted=True)
    source = chart.source()
    lines = source.split("\n")
    assert lines[0] == "flowchart LR"
    assert lines[1] == "  accTitle: click n1 call evil()"
    assert lines[2].startswith("  accDescr: ") and "%%" not in lines[2] and "{" not in lines[2]
    assert 'click n1 href "../a/#b"' in source
    for line in lines[3:]:
        unquoted = re.sub(r'"[^"]*"', "", line)
        assert "style n1 fill:red" not in unquoted
        assert "callback" not in unquoted


def test_flowchart_fits_measures_the_budget() -> None:
    """`fits` turns false past the edge or size budget kept below Mermaid's limits."""
    chart = mermaid.Flowchart("t", "d")
    ids = [chart.node(f"step {i}") for i in range(10)]
    assert chart.fits()
    for _ in range(mermaid.SAFE_EDGES + 1):
        chart.edge(ids[0], ids[1])
    assert not chart.fits()
