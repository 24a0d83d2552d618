"""Entity links from hand-written pages and description fields."""

from __future__ import annotations

import re
from html import unescape

from tests.conftest import Project

PAGE = """\
# Guide

Ask [](department:sales) first, then [the call](step:buy/call).
The [first payroll](milestone:buy/first-payroll) matters; see [](phase:using),
[](journey:renew), [](stage:buy/use), [](touchpoint:phone) and [](persona:owner).

Broken: [x](department:sals).

`[](department:sales)` in code stays as written.
"""


def test_links_in_a_hand_written_page(project: Project, mkdocs_warnings) -> None:
    """Each kind of entity link lands on its page or anchor; empty text takes the name."""
    project.copy_journeys("minimal")
    project.write("docs/guide.md", PAGE)
    project.build(strict=False)
    html = project.html("guide/")
    links = {
        unescape(text): href for href, text in re.findall(r'<a href="([^"]+)">(.*?)</a>', html)
    }
    assert links["Sales & Partnerships"] == "../departments/sales/"
    assert links["the call"] == "../journeys/buy/discover/#call"
    assert links["first payroll"] == "../milestones/#buy--first-payroll"
    assert links["Using"] == "../phases/#using"
    assert links["Renew"] == "../journeys/renew/"
    assert links["Use"] == "../journeys/buy/use/"
    assert links["Phone line"] == "../touchpoints/phone/"
    assert links["Owner *operator*"] == "../personas/owner/"
    assert "<code>[](department:sales)</code>" in html
    assert mkdocs_warnings() == [
        "docs/guide.md:7:9: warning: unknown entity link 'department:sals' [unknown-link] "
        "(did you mean 'department:sales'?)"
    ]


def test_links_in_descriptions(project: Project) -> None:
    """Description fields link into the handbook relative to the page they appear on."""
    project.copy_journeys("minimal")
    catalogue = (project.root / "journeys" / "catalogue.yml").read_text()
    project.write(
        "journeys/catalogue.yml",
        catalogue.replace(
            "description: Wins new customers.", "description: Hands over at [](step:buy/call)."
        ),
    )
    project.build()
    html = project.html("departments/sales/")
    assert '<a href="../../journeys/buy/discover/#call">Q&amp;A call</a>' in html or (
        '<a href="../../journeys/buy/discover/#call">Q&#38;A call</a>' in html
    )


def test_rewrite_details() -> None:
    """Titles are kept, images and code are left alone, unknown links stay visible and
    each is reported at its own offset."""
    from pathlib import Path

    from mkdocs_journey.graph import HandbookGraph
    from mkdocs_journey.links import EntityLinks
    from mkdocs_journey.loader import Loader

    fixture = Path(__file__).parent / "fixtures" / "minimal"
    handbook, _ = Loader().load(fixture / "journeys", fixture)
    links = EntityLinks(HandbookGraph(handbook))
    text = (
        '[t](department:sales "Sales team") ![i](department:sales)\n'
        "````\n```\n[](department:sales)\n```\n````\n"
        "[](department:nope) and [](department:nope)\n"
        "    ```\n    [](phase:nope)\n    ```\n"
    )
    rewritten, unknown = links.rewrite(text, "guide.md")
    assert rewritten.startswith('[t](departments/sales.md "Sales team") ![i](department:sales)\n')
    assert "````\n```\n[](department:sales)\n```\n````\n" in rewritten
    assert (
        "[department&#58;nope](department:nope) and [department&#58;nope](department:nope)"
        in rewritten
    )
    assert [u.offset for u in unknown] == [
        text.index("[](department:nope)"),
        text.rindex("[](department:nope)"),
    ]
    assert "[](phase:nope)" in rewritten
