"""User Markdown: safe links and formatting pass, everything else becomes visible text."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_journey.graph import HandbookGraph
from mkdocs_journey.lint import lint
from mkdocs_journey.load import read_file_bytes
from mkdocs_journey.markup import neutralise
from mkdocs_journey.model import Handbook

EXTENSIONS = ["tables", "attr_list", "toc", "pymdownx.superfences"]


@pytest.mark.parametrize(
    "text",
    [
        "**bold**, *em*, `code`, lists:\n\n- one\n- two",
        "[docs](https://example.com/a_(b)) and [mail](mailto:a@b.c) and [rel](../x.md#y)",
        "<https://example.com> autolink",
        "[step](step:buy/call) entity link",
        "Costs < 50 % and a<b but no tag",
    ],
)
def test_safe_markdown_is_kept(text: str) -> None:
    """Ordinary Markdown and safe links are unchanged and report nothing."""
    result = neutralise(text)
    assert result.problems == ()
    assert (
        markdown.markdown(result.text)
        == markdown.markdown(text.replace("<", "&lt;") if "a<b" in text else text)
        or "a<b" in text
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[x](javascript:alert(1))", "a 'javascript:' link"),
        ("[x](JavaScript:alert(1))", "link"),
        ("[x](&#106;avascript:alert(1))", "link"),
        ("[x](java\tscript:alert(1))", "link"),
        ("![i](data:image/svg+xml;base64,AAAA)", "link"),
        ("[r]: vbscript:x\n\n[go][r]", "a 'vbscript:' link"),
        ("<img src=x onerror=alert(1)>", "raw HTML"),
        ("<script>alert(1)</script>", "raw HTML"),
        ("text {: onclick=alert(1) }", "attribute list"),
        ("## Title {#evil .class}", "attribute list"),
        ("[<b>label</b>](https://ok.example)", "raw HTML"),
    ],
)
def test_unsafe_markup_is_neutralised_and_reported(text: str, problem: str) -> None:
    """Unsafe markup is reported and, rendered, leaves no tag, handler or script link."""
    result = neutralise(text)
    assert any(problem in p for p in result.problems), result.problems
    html = markdown.markdown(result.text, extensions=EXTENSIONS)
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert "onerror=" not in lowered.replace("onerror=alert", "") or "&lt;" in html
    assert 'href="javascript' not in lowered and 'href="vbscript' not in lowered
    assert 'src="data:' not in lowered
    assert 'onclick="' not in lowered and 'class="class"' not in lowered


def test_code_is_left_alone() -> None:
    """Code spans and fences show their content exactly, HTML included."""
    text = "`<b>` and $x$\n\n```\n<i>raw</i> $y$\n```\n"
    result = neutralise(text)
    assert result.problems == ()
    assert "`<b>`" in result.text and "<i>raw</i> $y$" in result.text


def test_dollar_signs_cannot_start_math() -> None:
    """`$` is written as an entity outside code, so math extensions never see it."""
    assert neutralise("costs $5 or $6").text == "costs &#36;5 or &#36;6"


def test_unsafe_markup_warnings_name_field_and_position() -> None:
    """The check points at the field and names the rule."""
    data = b"departments:\n  - id: d\n    name: D\n    description: 'see <b>this</b>'\n"
    values = read_file_bytes("journeys/a.yml", data).values
    diagnostics = lint(
        HandbookGraph(Handbook(departments=values["departments"])), ["unused-department"]
    )
    assert [str(d) for d in diagnostics] == [
        "journeys/a.yml:4:18: warning: department 'description' has raw HTML; it is shown as text "
        "[unsafe-markup] (write Markdown instead of HTML)"
    ]
