"""Plain-text fields are shown exactly, everywhere: every text field of the format (taken
from the schema, so a new one is covered the day it is added) holds Markdown- and
HTML-looking text, and every place a built page shows it, it reads back verbatim."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_journey.schema import FILE, Kind, Shape
from tests.conftest import Project

LOOKS_LIKE_MARKUP = (
    r"%*.*s \\ two backslashes `code` &lt;script&gt; <b>bold</b> **strong** _em_ "
    r"[a link](https://example.invalid) ~~gone~~ ==mark== :smile: $x^2$ {: .cls } | pipe"
)
"""Each piece would change if the field went through Markdown or HTML: emphasis eats
its stars, a backslash escape eats a backslash, a character reference is decoded."""


def _text_fields(shape: Shape, seen: set[str]) -> list[tuple[str, str]]:
    found = []
    for name, key in shape.keys.items():
        if key.kind in (Kind.TEXT, Kind.TEXTS):
            found.append((shape.name, name))
        if key.shape is not None and key.shape.name not in seen:
            seen.add(key.shape.name)
            found += _text_fields(key.shape, seen)
    return found


FIELDS = _text_fields(FILE, set())
"""(shape, key) of every plain-text field of the format."""


def _value(shape: str, key: str) -> str:
    """A field's text: a marker naming the field, then the markup-looking text."""
    return f"Q{FIELDS.index((shape, key))}Q {LOOKS_LIKE_MARKUP}"


def _q(shape: str, key: str) -> str:
    return json.dumps(_value(shape, key), ensure_ascii=False)


def _handbook() -> str:
    v = _q
    return f"""\
departments:
  - id: d
    name: {v("department", "name")}
    lead: {v("department", "lead")}
    contact: {v("department", "contact")}
    reviewers: [{v("department", "reviewers")}]
  - id: e
    name: Second
touchpoints:
  - id: t
    name: {v("touchpoint", "name")}
    channel: {v("touchpoint", "channel")}
    owner: d
personas:
  - id: p
    name: {v("persona", "name")}
    success: Success.
    evidence:
      - source: {v("evidence", "source")}
        kind: {v("evidence", "kind")}
        date: {v("evidence", "date")}
        link: {v("evidence", "link")}
phases:
  - id: ph
    name: {v("phase", "name")}
metrics:
  - id: mt
    name: {v("metric", "name")}
    unit: {v("metric", "unit")}
    owner: d
    target: ">= 1"
journey:
  id: j
  name: {v("journey", "name")}
  persona: p
  owner: d
  reviewed:
    date: 2026-11-02
    by: {v("review", "by")}
  stages:
    - id: s
      name: {v("stage", "name")}
      goal: {v("stage", "goal")}
      phase: ph
      kpis: [{v("stage", "kpis")}]
      metrics: [mt]
      steps:
        - id: a
          name: {v("step", "name")}
          departments: [d]
          touchpoints: [t]
          experience: 2
          frontstage:
            - name: {v("frontstage", "name")}
              department: d
          thoughts: [{v("step", "thoughts")}]
          backstage:
            - name: {v("backstage", "name")}
              department: d
              systems: [{v("backstage", "systems")}]
          pain_points: [{v("step", "pain_points")}]
          opportunities: [{v("step", "opportunities")}]
          metrics: [mt]
          milestone:
            id: m
            name: {v("milestone", "name")}
            target: {v("milestone", "target")}
            when_stuck: Call them.
        - id: b
          name: Plain next step
          departments: [e]
          touchpoints: [t]
"""


class _VisibleText(HTMLParser):
    """The text a reader sees (and the page title), without scripts, styles and the
    Mermaid source (diagram labels are shortened and encoded on purpose)."""

    SKIPPED = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.skipping or tag in self.SKIPPED or (tag == "pre" and "mermaid" in classes):
            self.skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _visible(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The visible text of every page of the built handbook, by page."""
    project = Project(tmp_path_factory.mktemp("plain"))
    project.write("journeys/handbook.yml", _handbook())
    project.build(strict=False)
    return {
        page.relative_to(project.site).as_posix(): _visible(page.read_text(encoding="utf-8"))
        for page in project.site.rglob("*.html")
        if page.relative_to(project.site).parts[0] not in ("assets", "search")
    }


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: ".".join(field))
def test_plain_field_reads_back_verbatim_wherever_shown(
    field: tuple[str, str], site: dict[str, str]
) -> None:
    """The field is shown at least once, and every place showing it shows it exactly."""
    value = _value(*field)
    marker = value.split(" ", 1)[0] + " "
    shown = 0
    for page, text in site.items():
        for found in re.finditer(re.escape(marker), text):
            shown += 1
            written = text[found.start() : found.start() + len(value)]
            assert written == value, f"{'.'.join(field)} on {page}: {written!r}"
    assert shown, f"{'.'.join(field)} is shown on no page"


def test_every_plain_field_is_covered() -> None:
    """The handbook above sets every plain-text field the schema has."""
    handbook = _handbook()
    assert all(_q(*field) in handbook for field in FIELDS)
    assert len(FIELDS) >= 20


def test_the_markup_looking_text_would_change_if_rendered(tmp_path: Path) -> None:
    """Guard for the test itself: rendered as Markdown, the text does not survive."""
    import markdown

    html = markdown.markdown(LOOKS_LIKE_MARKUP)
    assert _visible(html).strip() != LOOKS_LIKE_MARKUP
