"""The `diff` report as GitHub shows a pull-request comment: rendered with GitHub's own
Markdown renderer (cmark-gfm), no user text becomes a mention or an issue reference,
while the reviewers to request are still mentioned; a broken side puts its positioned
errors into the report."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm  # GitHub's own renderer, from the test extras: never skipped
import pytest
import yaml

from mkdocs_journey.cli import main
from mkdocs_journey.text import WORD_JOINER
from tests.conftest import FIXTURES

MENTION = re.compile(r"(?:^|[^\w`])@[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?", re.I)
"""GitHub's mention pattern: `@` and a user or `org/team` name."""
ISSUE = re.compile(r"#\d+\b|\bGH-\d+\b", re.I)
"""GitHub's issue and pull-request references: `#123`, `owner/repo#123`, `GH-123`."""
LINKED_ELSEWHERE = frozenset({"a", "code", "pre"})
"""GitHub's linkers skip text inside these."""


class _LinkableText(HTMLParser):
    """Text that GitHub's mention and issue linkers read: not in links or code. Each
    block's text is kept apart, so that a paragraph can be found by its words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = [""]
        self.inside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "td", "th", "h2", "h3", "summary"):
            self.blocks.append("")
        self.inside.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.inside:
            del self.inside[len(self.inside) - 1 - self.inside[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if not LINKED_ELSEWHERE.intersection(self.inside):
            self.blocks[-1] += data


def as_github_renders(report: str) -> list[str]:
    """The report through cmark-gfm with GitHub's extensions, as blocks of linkable text."""
    html = cmarkgfm.github_flavored_markdown_to_html(
        report, options=cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE
    )
    parser = _LinkableText()
    parser.feed(html)
    return [block for block in parser.blocks if block.strip()]


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _rename_everything(data: dict) -> None:
    journey = data["journey"]
    journey["name"] = "Buying @everyone #7"
    journey["success"] = "Paid, see GH-12 and acme/handbook#3"
    discover, use = journey["stages"]
    discover["name"] = "Etapa @time GH-12"
    discover["steps"][0]["name"] = "Avisa @everyone sobre #1"
    discover["steps"][0]["pain_points"] = ["Slow, see #42 and @support"]
    discover["steps"].append(
        {"id": "pings", "name": "Pings @octocat/team #9", "departments": "sales"}
    )
    use["steps"][0]["milestone"]["id"] = "first-payroll"
    use["steps"][0]["milestone"]["name"] = "First payroll @m #5"
    use["steps"][0]["milestone"]["target"] = "within 14 days gh-77"


def _rename_catalogue(data: dict) -> None:
    data["departments"][0]["name"] = "Sales @sales-team"
    data["touchpoints"] += [{"id": "chat", "name": "Chat #4 @bot", "channel": "chat"}]


@pytest.fixture
def sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal handbook before and after a change full of would-be references."""
    shutil.copytree(FIXTURES / "minimal" / "journeys", tmp_path / "old")
    shutil.copytree(FIXTURES / "minimal" / "journeys", tmp_path / "new")
    _edit(tmp_path / "new" / "buy.yml", _rename_everything)
    _edit(tmp_path / "new" / "catalogue.yml", _rename_catalogue)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["diff", *args])
    return code, capsys.readouterr().out


def test_no_user_text_mentions_or_links_an_issue(
    sides: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Renamed steps, stages, journeys, milestones, catalogue entries and changed fields
    that look like `@name`, `#123` or `GH-123` reach no linker; they still read as written."""
    code, report = _report(capsys, "old", "new", "--config", "new")
    assert code == 0, report
    blocks = as_github_renders(report)
    reviewers = [b for b in blocks if b.startswith("Reviewers to request")]
    checked = [b for b in blocks if b not in reviewers and not b.startswith("@acme")]
    leaks = [(m.group(), b) for b in checked for m in (*MENTION.finditer(b), *ISSUE.finditer(b))]
    assert leaks == []
    shown = " ".join(blocks).replace(WORD_JOINER, "")
    for text in (
        "Avisa @everyone sobre #1",
        "Etapa @time GH-12",
        "Buying @everyone #7",
        "Pings @octocat/team #9",
        "First payroll @m #5",
        "Sales @sales-team",
        "Chat #4 @bot",
        "Slow, see #42 and @support",
        "within 14 days gh-77",
    ):
        assert text in shown, text


def test_reviewers_are_still_mentioned(sides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The "ask for review" line and the reviewers column mention the handles: that is
    their purpose."""
    _, report = _report(capsys, "old", "new", "--config", "new")
    blocks = as_github_renders(report)
    (line,) = [b for b in blocks if b.startswith("Reviewers to request")]
    handles = ["@acme/sales", "@acme/support", "@caio"]  # the affected departments' reviewers
    assert [m.group().strip() for m in MENTION.finditer(line)] == handles
    in_table = [m.group().strip() for b in blocks if b.startswith("@") for m in MENTION.finditer(b)]
    assert in_table == handles


def test_a_broken_side_puts_its_errors_into_the_report(
    sides: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The comment says why nothing was compared: each error as `check` prints it, inside
    a code block, and the exit status is 1."""
    buy = sides / "new" / "buy.yml"
    text = buy.read_text()
    broken = text.count("departments: sales")
    buy.write_text(text.replace("departments: sales", "departments: sals @everyone"))
    code, report = _report(capsys, "old", "new", "--config", "new")
    assert code == 1
    assert report.startswith(
        f"## Journey changes\n\n**The journeys do not load**: {broken} errors,"
    )
    assert "**Errors in head (new):**\n\n```text\nnew/buy.yml:" in report
    errors = re.findall(r"^new/buy\.yml:\d+:\d+: error: .*$", report, re.M)
    assert len(errors) == broken > 1
    assert all("unknown department 'sals @everyone'" in e for e in errors)
    assert "Errors in base" not in report
    assert not [b for b in as_github_renders(report) if MENTION.search(b)]


def test_a_broken_side_as_json(sides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` carries the errors as data, by side."""
    import json

    (sides / "old" / "buy.yml").write_text("journey: [\n")
    code, report = _report(capsys, "old", "new", "--config", "new", "--format", "json")
    assert code == 1
    errors = json.loads(report)["errors"]
    assert errors["head"] == []
    assert [e["path"] for e in errors["base"]] == ["old/buy.yml"]
    assert errors["base"][0]["message"].startswith("YAML syntax:")
