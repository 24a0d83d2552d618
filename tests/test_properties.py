"""Property tests (Hypothesis): random handbooks build deterministically, random text
stays text everywhere, and random bytes never crash the loader."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_journey.analysis import analyse_sources
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.loader import Loader, SourceFile, read_file_bytes
from mkdocs_journey.render import mermaid
from mkdocs_journey.render.site import generate
from mkdocs_journey.render.text import one_line
from tests.conftest import Project

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), exclude_characters=BIDI
) | st.sampled_from(list("<>&\"'`*_[](){}#|:;%$@!~^=+-\\"))
TEXT = st.builds(
    lambda first, rest: first + rest,
    CHARS.filter(lambda c: not c.isspace() and c not in "~"),
    st.text(CHARS, max_size=40),
)


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@st.composite
def handbooks(draw: st.DrawFn) -> str:
    """A valid handbook as one YAML file, with random names and random paths."""
    departments = [f"d{i}" for i in range(draw(st.integers(1, 4)))]
    touchpoints = [f"t{i}" for i in range(draw(st.integers(1, 3)))]
    lines = ["departments:"]
    lines += [
        f"  - id: {d}\n    name: {q(draw(TEXT))}\n    description: {q(draw(TEXT))}"
        for d in departments
    ]
    lines.append("touchpoints:")
    lines += [
        f"  - id: {t}\n    name: {q(draw(TEXT))}\n    channel: {q(draw(TEXT))}" for t in touchpoints
    ]
    lines += ["personas:", f"  - id: p\n    name: {q(draw(TEXT))}"]
    steps = [f"s{i}" for i in range(draw(st.integers(1, 8)))]
    lines += ["journey:", "  id: j", f"  name: {q(draw(TEXT))}", "  persona: p", "  stages:"]
    per_stage = draw(st.integers(1, 3))
    for index, step in enumerate(steps):
        if index % per_stage == 0:
            lines.append(f"    - id: st{index}\n      name: {q(draw(TEXT))}\n      steps:")
        involved = draw(st.lists(st.sampled_from(departments), max_size=3, unique=True))
        used = draw(st.lists(st.sampled_from(touchpoints), max_size=2, unique=True))
        lines.append(f"        - id: {step}\n          name: {q(draw(TEXT))}")
        lines.append(
            f"          departments: {json.dumps(involved)}\n          touchpoints: {json.dumps(used)}"
        )
        if draw(st.booleans()):
            lines.append(f"          experience: {draw(st.integers(1, 5))}")
        if draw(st.booleans()):
            lines.append(
                f"          next: {json.dumps(draw(st.lists(st.sampled_from(steps), max_size=3)))}"
            )
        if draw(st.booleans()):
            lines.append(
                f"          milestone:\n            id: m{index}\n            name: {q(draw(TEXT))}"
            )
    return "\n".join(lines) + "\n"


def pages_of(text: str) -> dict[str, str]:
    source = SourceFile("journeys/h.yml", len(text.encode()), lambda: text.encode())
    graph, diagnostics = analyse_sources(Loader(), [source])
    assert graph is not None, [str(d) for d in diagnostics.errors]
    return {page.path: page.document for page in generate(graph, ENGLISH)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(handbooks())
def test_random_valid_handbooks_render_deterministically(text: str) -> None:
    """Any valid handbook loads without error and renders byte-identical pages twice."""
    assert pages_of(text) == pages_of(text)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=handbooks())
def test_random_valid_handbooks_build(text: str, tmp_path_factory) -> None:
    """Any valid handbook survives a real (non-strict) mkdocs build."""
    project = Project(tmp_path_factory.mktemp("prop"))
    project.write("journeys/h.yml", text)
    project.build(strict=False)
    assert (project.site / "journeys" / "j" / "index.html").exists()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag + "".join(sorted(f" {name}" for name, _ in attrs)))


def _tags(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


EXTENSIONS = [
    "tables",
    "attr_list",
    "toc",
    "pymdownx.superfences",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.mark",
]
NEUTRAL = "Neutral name"


def _stage_html(name: str) -> str:
    text = (
        "departments:\n  - id: d\n    name: D\ntouchpoints:\n  - id: t\n    name: T\n"
        f"journey:\n  id: j\n  name: J\n  stages:\n    - id: s\n      name: {q(name)}\n      steps:\n"
        f"        - id: a\n          name: {q(name)}\n          departments: d\n          touchpoints: t\n"
        f"          pain_points: [{q(name)}]\n"
    )
    body = pages_of(text)["journeys/j/s.md"].split("---\n", 2)[2]
    return markdown.markdown(body, extensions=EXTENSIONS)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_random_text_stays_text(name: str) -> None:
    """A random name shows verbatim in the page text and adds no element or attribute."""
    html = _stage_html(name)
    assert _tags(html) == _tags(_stage_html(NEUTRAL).replace(NEUTRAL, "x"))
    visible = unescape(re.sub(r"<[^>]+>", "", re.sub(r"<pre.*?</pre>", "", html, flags=re.S)))
    assert visible.count(one_line(name)) >= 3


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_random_text_never_becomes_mermaid_syntax(name: str) -> None:
    """A label holds nothing but letters, digits, spaces and numeric entities."""
    label = mermaid.label(name)
    body = re.sub(r"#\d+;", "", label[1:-1])
    assert re.fullmatch(r"[^\W_]*(?: [^\W_]*)*", body)
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label[1:-1])
    assert decoded == mermaid.shorten(name)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(data: bytes) -> None:
    """Whatever the bytes, the loader returns values or positioned diagnostics."""
    result = read_file_bytes("journeys/x.yml", data)
    for diagnostic in result.diagnostics:
        assert re.match(r"journeys/x\.yml:\d+:\d+: (error|warning): ", str(diagnostic))


YAMLISH = st.lists(
    st.sampled_from(
        [*"abc -:[]{}&*!|>'\"#%@`\n\t,?~0", "  ", "- ", ": ", "\n  ", "<<", "!!str", "&a", "*a"]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(YAMLISH)
def test_random_yaml_like_text_never_crashes(text: str) -> None:
    """Text made of YAML's own punctuation never crashes the loader either."""
    for prefix in ("", "departments:\n  - ", "journey:\n  stages:\n    - "):
        result = read_file_bytes("journeys/x.yml", (prefix + text).encode())
        assert all(str(d).startswith("journeys/x.yml:") for d in result.diagnostics)
