"""The journey map and the service blueprint in a real browser: the curve's points sit
in their columns at heights ordered by score, the department lens highlights exactly the
right columns, lane headers stay in view when a map scrolls, the page body never
scrolls sideways, and printed (A4 landscape) every cell lies within the page."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from mkdocs_journey.text import one_line
from tests import hostile
from tests.browser import serve
from tests.conftest import REPO
from tests.expected import read

SAMPLE = read(REPO / "journeys")
OVERVIEWS = [f"journeys/{journey}/" for journey in SAMPLE.stages]

POINTS = """() => [...document.querySelectorAll('svg.journey-curve')].flatMap((svg) => {
  const table = svg.closest('table');
  return [...svg.querySelectorAll('[data-score]')].map((point) => {
    const key = point.dataset.step ? 'data-step' : 'data-stage';
    const value = point.getAttribute(key);
    const cell = table.querySelector(`tr[data-lane="experience"] td[${key}="${value}"]`);
    const p = point.getBoundingClientRect(), c = cell.getBoundingClientRect();
    const box = svg.getBoundingClientRect();
    return {step: value, score: Number(point.dataset.score), x: p.x + p.width / 2,
            y: p.y + p.height / 2, height: (p.y + p.height / 2 - box.top) / box.height,
            left: c.left, right: c.right, top: c.top, bottom: c.bottom};
  });
})"""
HIGHLIGHTED = """(table) => [...document.querySelectorAll(`${table} tr[data-lane="step"] th[data-step]`)]
  .map((th) => ({step: th.dataset.step, background: getComputedStyle(th).backgroundColor,
                 opacity: getComputedStyle(th.firstElementChild).opacity}))"""


def test_curve_points_sit_in_their_columns_ordered_by_score(
    browser: Any, sample_site: Path
) -> None:
    """Every scored step has a point horizontally inside its column, and a higher score
    is drawn higher within each table."""
    with serve(sample_site) as base:
        for page in OVERVIEWS:
            browser.goto(base + page)
            points = browser.evaluate(POINTS)
            journey = page.split("/")[1]
            steps = sum(len(SAMPLE.steps[(journey, stage)]) for stage in SAMPLE.stages[journey])
            assert 0 < len(points) <= steps
            for point in points:
                assert point["left"] < point["x"] < point["right"], (page, point)
                assert point["top"] <= point["y"] <= point["bottom"], (page, point)
            by_score: dict[float, set[float]] = {}
            for point in points:
                by_score.setdefault(point["score"], set()).add(round(point["height"], 3))
            assert all(len(heights) == 1 for heights in by_score.values()), (page, by_score)
            heights = [heights.pop() for _, heights in sorted(by_score.items())]
            assert heights == sorted(heights, reverse=True) and len(set(heights)) == len(heights)


def test_lens_highlights_exactly_each_departments_columns(browser: Any, sample_site: Path) -> None:
    """For every department of every sample journey, choosing it highlights the columns
    of the steps it is involved in, its own steps more strongly, and dims the others."""
    with serve(sample_site) as base:
        for page in OVERVIEWS:
            journey = page.split("/")[1]
            browser.goto(base + page)
            departments = browser.evaluate(
                "[...document.querySelectorAll('.jm-lens input[data-department]')]"
                ".map((i) => i.dataset.department)"
            )
            expected_departments = {
                d
                for d, steps in SAMPLE.involvement.items()
                if any(j == journey for j, _, _ in steps)
            }
            assert set(departments) == expected_departments
            for department in departments:
                browser.click(f'.jm-lens label:has(input[data-department="{department}"])')
                cells = browser.evaluate(HIGHLIGHTED, "table.journey-map")
                involved = {s for j, _, s in SAMPLE.involvement[department] if j == journey}
                owned = {
                    s
                    for (j, s), owner in SAMPLE.owners.items()
                    if j == journey and owner == department
                }
                plain = {c["background"] for c in cells if c["step"] not in involved}
                lit = {c["background"] for c in cells if c["step"] in involved - owned}
                strong = {c["background"] for c in cells if c["step"] in owned}
                assert {c["step"] for c in cells if float(c["opacity"]) < 1} == {
                    c["step"] for c in cells
                } - involved, (journey, department)
                assert len(plain) <= 1 and not (plain & (lit | strong)), (journey, department)
                assert not (lit & strong), (journey, department)
            browser.click(".jm-lens label:has(input:not([data-department]))")
            cells = browser.evaluate(HIGHLIGHTED, "table.journey-map")
            assert all(float(c["opacity"]) == 1 for c in cells)


def test_lane_headers_stay_in_view_when_a_map_scrolls(browser: Any, sample_site: Path) -> None:
    """On a narrow screen a part scrolls sideways inside the page and its lane headers
    stay at its left edge."""
    browser.set_viewport_size({"width": 760, "height": 900})
    try:
        with serve(sample_site) as base:
            browser.goto(base + OVERVIEWS[0])
            state = browser.evaluate(
                """() => { const box = document.querySelector('.jm-scroll');
                box.scrollLeft = 400;
                const header = box.querySelector('th.jm-lane').getBoundingClientRect();
                return {scrolled: box.scrollLeft, left: box.getBoundingClientRect().left,
                        header: header.left}; }"""
            )
            assert state["scrolled"] > 0
            assert abs(state["header"] - state["left"]) < 2
    finally:
        browser.set_viewport_size({"width": 1400, "height": 1000})


BODY_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_the_page_body_never_scrolls_sideways(
    browser: Any, sample_site: Path, hostile_site: Path
) -> None:
    """At 1280 px, maps and blueprints scroll inside the page, never the page itself:
    the sample's overviews and stage pages, a 60-stage journey, a 200-step stage and
    hostile names."""
    browser.set_viewport_size({"width": 1280, "height": 900})
    try:
        pages = [(sample_site, page) for page in OVERVIEWS]
        pages += [
            (sample_site, f"journeys/{j}/{stages[0]}/") for j, stages in SAMPLE.stages.items()
        ]
        pages += [
            (hostile_site, "journeys/hostile/"),
            (hostile_site, "journeys/hostile/st0/"),
            (hostile_site, "journeys/many-stages/"),
            (hostile_site, "journeys/long-stage/only/"),
        ]
        for site, page in pages:
            with serve(site) as base:
                browser.goto(base + page)
                assert browser.evaluate(BODY_OVERFLOW) <= 0, page
                assert browser.evaluate("document.querySelectorAll('.jm-map').length") >= 1, page
    finally:
        browser.set_viewport_size({"width": 1400, "height": 1000})


A4_LANDSCAPE_CSS_PX = round((297 - 2 * 10) / 25.4 * 96)
"""The printable width of an A4 landscape page with Chromium's default margins (about
10 mm each side), in CSS pixels."""
CELLS_OUTSIDE = """(width) => [...document.querySelectorAll(
  'table.journey-map th, table.journey-map td, table.service-blueprint th, table.service-blueprint td')]
  .filter((cell) => { const r = cell.getBoundingClientRect(); return r.width && (r.left < -1 || r.right > width + 1); })
  .map((cell) => cell.textContent.slice(0, 40))"""


def test_printed_maps_fit_an_a4_landscape_page(
    browser: Any, sample_site: Path, hostile_site: Path
) -> None:
    """In print media at A4 landscape width, every cell of every map and blueprint lies
    within the page, hostile names and the longest stage included."""
    browser.set_viewport_size({"width": A4_LANDSCAPE_CSS_PX, "height": 900})
    browser.emulate_media(media="print")
    try:
        pages = [(sample_site, page) for page in OVERVIEWS[:2]]
        pages += [(sample_site, "journeys/self-serve-trial/getting-started/")]
        pages += [
            (hostile_site, "journeys/hostile/st0/"),
            (hostile_site, "journeys/long-stage/only/"),
        ]
        for site, page in pages:
            with serve(site) as base:
                browser.goto(base + page)
                outside = browser.evaluate(CELLS_OUTSIDE, A4_LANDSCAPE_CSS_PX)
                assert outside == [], (page, outside[:5])
    finally:
        browser.emulate_media(media="no-override")  # screen again; print for a PDF
        browser.set_viewport_size({"width": 1400, "height": 1000})


def test_a_printed_journey_overview_names_every_step(browser: Any, sample_site: Path) -> None:
    """A PDF of a journey overview (A4 landscape) holds every step's name."""
    from pypdf import PdfReader

    journey = "self-serve-trial"
    with serve(sample_site) as base:
        browser.goto(base + f"journeys/{journey}/")
        pdf = browser.pdf(format="A4", landscape=True, print_background=True)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", "", text)
    names = re.findall(
        r"^        - id: \S+\n          name: (.+)$",
        (REPO / "journeys" / f"{journey}.yml").read_text(encoding="utf-8"),
        re.M,
    )
    assert len(names) == sum(len(SAMPLE.steps[(journey, s)]) for s in SAMPLE.stages[journey])
    missing = [name for name in names if re.sub(r"\s+", "", name.strip('"')) not in flat]
    assert missing == []


def test_hostile_names_in_every_lane_stay_text(browser: Any, hostile_site: Path) -> None:
    """Hostile names in every lane of a map and a blueprint are shown as text and add no
    element: the maps hold only the elements the plugin writes."""
    with serve(hostile_site) as base:
        browser.goto(base + "journeys/hostile/st0/")
        text = browser.evaluate(
            "[...document.querySelectorAll('.jm-map')].map((m) => m.innerText).join(' ')"
        )
        for name in hostile.NAMES:
            assert one_line(name) in text, name
        tags = browser.evaluate(
            "[...new Set([...document.querySelectorAll('.jm-map *')].map((e) => e.localName))]"
        )
        allowed = {
            "style", "span", "input", "label", "div", "table", "caption", "colgroup", "col",
            "tbody", "tr", "th", "td", "a", "br", "p", "q", "code", "svg", "title", "line",
            "polyline", "path",
        }  # fmt: skip
        assert set(tags) <= allowed, set(tags) - allowed


def test_one_lens_lights_the_stage_pages_blueprint(browser: Any, sample_site: Path) -> None:
    """A stage page has one lens; choosing a department there highlights exactly its
    columns in the blueprint too."""
    journey, stage = "self-serve-trial", SAMPLE.stages["self-serve-trial"][4]
    steps = SAMPLE.steps[(journey, stage)]
    with serve(sample_site) as base:
        browser.goto(base + f"journeys/{journey}/{stage}/")
        assert browser.evaluate("document.querySelectorAll('.jm-lens').length") == 1
        for department in {
            d
            for d, found in SAMPLE.involvement.items()
            if any((j, s) == (journey, stage) for j, s, _ in found)
        }:
            browser.click(f'.jm-lens label:has(input[data-department="{department}"])')
            cells = browser.evaluate(
                """() => [...document.querySelectorAll(
                  'table.service-blueprint tr[data-lane="customer"] th[data-step]')]
                  .map((th) => ({step: th.dataset.step,
                                 opacity: getComputedStyle(th.firstElementChild).opacity}))"""
            )
            assert {c["step"] for c in cells} == set(steps)
            involved = {
                s for j, st, s in SAMPLE.involvement[department] if (j, st) == (journey, stage)
            }
            dimmed = {c["step"] for c in cells if float(c["opacity"]) < 1}
            assert dimmed == set(steps) - involved, department
