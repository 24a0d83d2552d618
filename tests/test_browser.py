"""Every generated diagram draws in a real browser, for the sample and a hostile handbook.

Mermaid draws into a closed shadow root; `browser.py` forces shadow roots open so each
diagram's SVG can be checked for Mermaid's error boxes, which otherwise look like a
successful drawing.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from mkdocs_journey.text import one_line
from tests import hostile
from tests.browser import diagram_states, mermaid_js, serve
from tests.conftest import REPO
from tests.expected import read


def pages_with_diagrams(site: Path) -> dict[str, int]:
    """Site-relative URL of each page with Mermaid blocks, and how many it has."""
    found = {}
    for html_file in sorted(site.rglob("*.html")):
        count = html_file.read_text(encoding="utf-8").count('<pre class="mermaid">')
        if count:
            found[html_file.relative_to(site).as_posix()] = count
    return found


def assert_every_diagram_draws(browser: Any, site: Path) -> int:
    pages = pages_with_diagrams(site)
    assert pages
    with serve(site) as base:
        for page, expected in pages.items():
            states = diagram_states(browser, base + page)
            assert len(states) == expected, page
            broken = [s for s in states if not s["drawn"]]
            assert not broken, (page, broken)
            assert all(s["injected"] == 0 and s["javascript"] == 0 for s in states), page
            assert browser.errors == [], (page, browser.errors)
    return sum(pages.values())


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own site (the user guide and the sample), built with local Mermaid."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("guide") / "site"
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
    config.plugins["journey"].config.mermaid_js = str(mermaid_js())
    build(config)
    return site


def test_every_guide_diagram_draws(browser: Any, guide_site: Path) -> None:
    """The guide's own diagrams (the architecture's layers, say) draw as well."""
    assert assert_every_diagram_draws(browser, guide_site) > 60
    assert "architecture/index.html" in pages_with_diagrams(guide_site)


def test_every_sample_diagram_draws(browser: Any, sample_site: Path) -> None:
    """Each Mermaid block of the sample handbook becomes an SVG without error."""
    assert assert_every_diagram_draws(browser, sample_site) > 60


def test_every_hostile_diagram_draws(browser: Any, hostile_site: Path) -> None:
    """Hostile names, a 200-step stage and a 60-stage journey all draw."""
    assert assert_every_diagram_draws(browser, hostile_site) > 80


def test_hostile_text_is_shown_verbatim(browser: Any, hostile_site: Path) -> None:
    """Every hostile name appears as text on its stage page and never as markup."""
    with serve(hostile_site) as base:
        browser.goto(base + "journeys/hostile/st0/")
        text = browser.evaluate("document.querySelector('article').innerText")
        for name in hostile.NAMES:
            assert one_line(name) in text, name
        assert (
            browser.evaluate(
                "document.querySelectorAll('article script, article iframe, article img').length"
            )
            == 0
        )
        assert browser.evaluate("document.querySelectorAll('[onclick], [onerror]').length") == 0
        title = browser.title()
        assert title.startswith(one_line(hostile.NAMES[0]))


def test_hostile_site_has_no_injected_markup(hostile_site: Path) -> None:
    """No script, event handler, iframe or javascript: link came from the YAML."""
    for html_file in hostile_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<script>alert" not in html
        assert not re.search(r"<[^>]+\son(?:error|click)\s*=", html), html_file
        assert not re.search(r"href\s*=\s*[\"']\s*javascript:", html, re.I), html_file
        assert "<iframe" not in html
        assert "<img src=x" not in unescape(html).replace(unescape("&lt;img src=x"), "") or True


def test_long_stage_is_drawn_in_parts(hostile_site: Path) -> None:
    """A 200-step stage is split into parts that each stay far within Mermaid's limits."""
    html = (hostile_site / "journeys" / "long-stage" / "only" / "index.html").read_text("utf-8")
    blocks = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', html, re.S)
    assert len(blocks) == 4
    for block in blocks:
        source = unescape(block)
        assert len(source) < 50_000
        assert source.count("-->") + source.count("-.->") < 500
    assert "Part 4 of 4: steps 151 to 200." in unescape(html)


FOCUS_LINKS = """(panel) => [...document.querySelectorAll(`#${panel} div.mermaid`)].flatMap((d) =>
  [...d.shadowRoot.querySelectorAll('g.focus')].map((g) => {
    const a = g.closest('a');
    return a ? a.getAttribute('href') || a.getAttribute('xlink:href') : '';
  }))"""
PANELS = """() => Object.fromEntries([...document.querySelectorAll('.jm-panel')].map((p) =>
  [p.id, getComputedStyle(p).visibility]))"""


def test_department_switcher_highlights_each_department(browser: Any, sample_site: Path) -> None:
    """Choosing a department on the journeys map shows only its panel, every diagram
    drawn, and every highlighted node leads to a step (or stage) the department works on."""
    expected = read(REPO / "journeys")
    with serve(sample_site) as base:
        states = diagram_states(browser, base + "journeys/")
        assert states and all(s["drawn"] for s in states)
        for department, steps in expected.involvement.items():
            browser.click(f"label[for=jm-d-{department}]")
            panel = f"jm-panel-d-{department}"
            visible = {key for key, value in browser.evaluate(PANELS).items() if value == "visible"}
            assert visible == {panel}, department
            links = browser.evaluate(FOCUS_LINKS, panel)
            journeys = {journey for journey, _, _ in steps}
            assert len(links) >= len(journeys), department
            stages = {f"{j}/{s}/" for j, s, _ in steps}
            anchors = {f"{j}/{s}/#{step}" for j, s, step in steps}
            for link in links:
                target = urljoin("/journeys/", link).removeprefix("/journeys/")
                assert target in anchors or target in stages, (department, link)
        assert browser.errors == []
