"""Entity links from hand-written pages and description fields."""

from __future__ import annotations

import re
from html import unescape

from mkdocs_journey.graph import HandbookGraph
from mkdocs_journey.links import EntityLinks
from mkdocs_journey.load import Loader
from mkdocs_journey.render.entity_links import rewrite
from tests.conftest import FIXTURES, Project


def minimal_links() -> EntityLinks:
    """Entity links against the minimal fixture handbook."""
    fixture = FIXTURES / "minimal"
    handbook, _ = Loader().load(fixture / "journeys", fixture)
    return EntityLinks(HandbookGraph(handbook))


PAGE = """\
# Guide

Ask [](department:sales) first, then [the call](step:buy/call).
The [first payroll](milestone:buy/first-payroll) matters; see [](phase:using),
[](journey:renew), [](stage:buy/use), [](touchpoint:phone) and [](persona:owner).

Broken: [x](department:sals).

`[](department:sales)` in code stays as written.

Reference style: [the team][sales-team], [Using][] and [gone][].

[sales-team]: department:sales "Sales"
[using]: <phase:using>
[gone]: step:buy/nowhere
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
    assert '<a href="../departments/sales/" title="Sales">the team</a>' in html
    assert '<a href="../phases/#using">Using</a>' in html
    assert mkdocs_warnings() == [
        "docs/guide.md:7:9: warning: unknown entity link 'department:sals' [unknown-link] "
        "(did you mean 'department:sales'?)",
        "docs/guide.md:15:9: warning: unknown entity link 'step:buy/nowhere' [unknown-link]",
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
    links = minimal_links()
    text = (
        '[t](department:sales "Sales team") ![i](department:sales)\n'
        "````\n```\n[](department:sales)\n```\n````\n"
        "[](department:nope) and [](department:nope)\n"
        "    ```\n    [](phase:nope)\n    ```\n"
    )
    rewritten, unknown = rewrite(links, text, "guide.md")
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


def test_reference_definitions() -> None:
    """A reference definition to an entity is resolved like an inline link (angle
    brackets and title kept); one to nothing is reported at its target; footnotes,
    indented code, fenced code and text after code on the same line are left alone."""
    links = minimal_links()
    text = (
        "See [Sales][s] and [the call][c].\n\n"
        '[s]: department:sales "The team"\n'
        "   [c]: <step:buy/call>\n"
        "[x]: department:sals\n"
        "[^n]: department:sales is a footnote\n"
        "    [i]: department:sales\n"
        "```\n[f]: department:sales\n```\n"
        "`code` [m]: department:sales\n"
    )
    rewritten, unknown = rewrite(links, text, "guide/index.md")
    lines = rewritten.splitlines()
    assert lines[2] == '[s]: ../departments/sales.md "The team"'
    assert lines[3] == "   [c]: <../journeys/buy/discover.md#call>"
    assert lines[4] == "[x]: department:sals"
    assert lines[5:] == text.splitlines()[5:]
    assert [(u.link, u.hint, u.offset) for u in unknown] == [
        ("department:sals", "did you mean 'department:sales'?", text.index("department:sals\n"))
    ]
