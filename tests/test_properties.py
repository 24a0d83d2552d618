"""Property tests (Hypothesis): random handbooks build deterministically, random text
stays text everywhere, and random bytes never crash the loader."""

from __future__ import annotations

import datetime
import json
import re
from html import unescape
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_journey.analysis import analyse_sources
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.load import FileResult, Loader, SourceFile, read_file_bytes
from mkdocs_journey.render import mermaid
from mkdocs_journey.render.site import generate
from mkdocs_journey.schema import FILE
from mkdocs_journey.text import one_line
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
    metrics = [f"m{i}" for i in range(draw(st.integers(0, 3)))]
    lines += ["metrics:"] if metrics else []
    for metric in metrics:
        lines.append(f"  - id: {metric}\n    name: {q(draw(TEXT))}\n    unit: {q(draw(TEXT))}")
        if draw(st.booleans()):
            comparison = draw(st.sampled_from([">=", "<=", ">", "<", "=", "≥", "≤"]))
            lines.append(f"    target: {q(comparison + ' ' + str(draw(NUMBERS)))}")
    steps = [f"s{i}" for i in range(draw(st.integers(1, 8)))]
    lines += ["journey:", "  id: j", f"  name: {q(draw(TEXT))}", "  persona: p"]
    if draw(st.booleans()):
        day = draw(st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)))
        lines.append(f"  reviewed:\n    date: {day.isoformat()}\n    by: {q(draw(TEXT))}")
    lines.append("  stages:")
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
                f"          frontstage:\n            - name: {q(draw(TEXT))}\n"
                f"              department: {draw(st.sampled_from(departments))}\n"
                f"            - {q(draw(TEXT))}\n"
                f"          thoughts: [{q(draw(TEXT))}]"
            )
        if metrics and draw(st.booleans()):
            used_metrics = draw(st.lists(st.sampled_from(metrics), min_size=1, max_size=2))
            lines.append(f"          metrics: {json.dumps(used_metrics)}")
        if draw(st.booleans()):
            lines.append(
                f"          next: {json.dumps(draw(st.lists(st.sampled_from(steps), max_size=3)))}"
            )
        if draw(st.booleans()):
            lines.append(
                f"          milestone:\n            id: m{index}\n            name: {q(draw(TEXT))}"
            )
    return "\n".join(lines) + "\n"


NUMBERS = st.decimals(-1e6, 1e6, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def metric_data(draw: st.DrawFn) -> str:
    """A CSV export: random values on distinct random dates for the metrics m0 to m2
    (rows for a metric the handbook lacks are errors, so the metric ids are taken from
    the handbook by `pages_of`)."""
    rows = ["metric,date,value"]
    for metric in ("m0", "m1", "m2"):
        days = draw(st.lists(st.dates(datetime.date(2020, 1, 1)), max_size=14, unique=True))
        rows += [f"{metric},{day.isoformat()},{draw(NUMBERS)}" for day in days]
    return "\n".join(rows) + "\n"


def pages_of(text: str, data: str = "") -> dict[str, str]:
    source = SourceFile("journeys/h.yml", len(text.encode()), lambda: text.encode())
    defined = set(re.findall(r"^  - id: (m\d+)$", text, re.M))
    kept = [row for row in data.splitlines()[1:] if row.split(",")[0] in defined]
    csv = "\n".join(["metric,date,value", *kept]).encode()
    exported = SourceFile("metrics/export.csv", len(csv), lambda: csv)
    graph, diagnostics = analyse_sources(Loader(), [source], data=[exported])
    assert graph is not None, [str(d) for d in diagnostics.errors]
    return {page.path: page.document for page in generate(graph, ENGLISH)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(handbooks(), metric_data())
def test_random_valid_handbooks_load_and_render(text: str, data: str) -> None:
    """Any valid handbook, with any metric data, loads without error and gets its
    journey, stage and department pages, and a metrics page when it has metrics
    (determinism across processes is `test_determinism`'s)."""
    pages = pages_of(text, data)
    assert ("metrics.md" in pages) == ("\nmetrics:\n" in text)
    stages = re.findall(r"^    - id: (st\d+)$", text, re.M)
    departments = re.findall(r"^  - id: (d\d+)$", text, re.M)
    assert {"journeys/index.md", "journeys/j/index.md"} <= pages.keys()
    assert {f"journeys/j/{stage}.md" for stage in stages} <= pages.keys()
    assert {f"departments/{d}.md" for d in departments} <= pages.keys()


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
        f"          pain_points: [{q(name)}]\n          thoughts: [{q(name)}]\n"
        f"          frontstage: [{q(name)}]\n"
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


NULLS = ("", "~", "null", "Null", "NULL")


def assert_well_read(data: bytes, result: FileResult) -> None:
    """Each diagnostic is one positioned line inside the file; a file read without any
    diagnostic is one that libyaml composes to nothing or to a mapping of the format's
    top-level keys, and every key it holds with a value was read."""
    breaks = (b"\n", b"\r", "\x85".encode(), "\u2028".encode(), "\u2029".encode())
    lines = sum(data.count(mark) for mark in breaks) + 1  # as YAML counts them, at most
    for diagnostic in result.diagnostics:
        text = str(diagnostic)
        assert re.match(r"journeys/x\.yml:\d+:\d+: (error|warning): ", text)
        assert "\n" not in text and 1 <= diagnostic.pos.line <= lines
    if result.diagnostics:
        assert any(d.severity == "error" for d in result.diagnostics)
        return
    root = yaml.compose(data.decode("utf-8-sig"), Loader=yaml.CBaseLoader)
    null = isinstance(root, yaml.ScalarNode) and not root.style and root.value in NULLS
    assert root is None or null or isinstance(root, yaml.MappingNode), "a non-mapping accepted"
    pairs = root.value if isinstance(root, yaml.MappingNode) else []
    written = {key.value for key, value in pairs if value.value}
    assert set(result.values) <= set(FILE.keys)
    assert written <= set(result.values), "a top-level key was dropped without a word"


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(data: bytes) -> None:
    """Whatever the bytes, the loader returns values or positioned diagnostics."""
    assert_well_read(data, read_file_bytes("journeys/x.yml", data))


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
        data = (prefix + text).encode()
        assert_well_read(data, read_file_bytes("journeys/x.yml", data))
