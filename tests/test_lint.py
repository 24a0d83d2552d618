"""The method as a linter: one positioned, named warning per gap; rules can be switched off."""

from __future__ import annotations

import datetime
import shutil
import textwrap
from pathlib import Path

import pytest

from mkdocs_journey.analysis import analyse
from mkdocs_journey.cli import main
from mkdocs_journey.lint import RULES
from mkdocs_journey.load import Loader
from mkdocs_journey.metrics import Freshness
from tests.conftest import BASE_CONFIG, FIXTURES, Project

GAPS = """\
departments:
  - id: sales
    name: Sales
  - id: legal
    name: Legal
touchpoints:
  - id: web
    name: Web
  - id: fax
    name: Fax
personas:
  - id: owner
    name: Owner
  - id: ghost
    name: Ghost
    success: Never seen
    evidence: [nothing]
phases:
  - id: aware
    name: Aware
  - id: leaving
    name: Leaving
journey:
  id: buy
  name: Buy
  persona: owner
  stages:
    - id: find
      name: Find
      phase: aware
      steps:
        - id: visit
          name: Visit
          touchpoints: web
          departments: sales
          next: [call]
        - id: orphan
          name: Orphan
          departments: sales
        - id: call
          name: Call
          touchpoints: web
          milestone:
            name: Called
"""


METRIC_GAPS = """\
departments:
  - id: cs
    name: Customer success
metrics:
  - id: churn
    name: Churn
    unit: "%"
    target: "<= 2"
  - id: nps
    name: NPS
  - id: csat
    name: CSAT
    target: ">= 4"
  - id: idle
    name: Idle
journey:
  id: keep
  name: Keep
  reviewed:
    date: 2026-06-01
    by: CS leads
  stages:
    - id: use
      name: Use
      metrics: [churn, nps]
      steps:
        - id: works
          name: Works
          departments: cs
          touchpoints: []
          metrics: [csat]
          milestone:
            name: Value
            when_stuck: Call.
"""
METRIC_DATA = "metric,date,value\nchurn,2026-11-30,3.5\ncsat,2026-09-30,4.4\n"
"""Churn off target and fresh; CSAT on target but stale on 2026-12-01; NPS without data."""
TODAY = Freshness(datetime.date(2026, 12, 1))


def warnings_of(
    tmp_path: Path,
    text: str,
    disabled: tuple[str, ...] = (),
    extra: str = "",
    metrics: bool = False,
) -> list[str]:
    folder = tmp_path / "journeys"
    folder.mkdir(exist_ok=True)
    (folder / "gaps.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    if extra:
        (folder / "more.yml").write_text(extra, encoding="utf-8")
    data = None
    if metrics:
        (folder / "metrics.yml").write_text(METRIC_GAPS, encoding="utf-8")
        data = tmp_path / "metrics"
        data.mkdir(exist_ok=True)
        (data / "data.csv").write_text(METRIC_DATA, encoding="utf-8")
    _, diagnostics = analyse(
        Loader(), folder, tmp_path, disabled, metrics_dir=data, freshness=TODAY
    )
    assert not diagnostics.errors
    return [str(d) for d in diagnostics]


def test_every_gap_is_one_positioned_named_warning(tmp_path: Path) -> None:
    """Each rule fires once, at the record it is about, with its name and a hint."""
    assert warnings_of(tmp_path, GAPS) == [
        "journeys/gaps.yml:4:9: warning: department 'legal' is not used: no step, front- or back-stage work, "
        "touchpoint or journey names it [unused-department] (add it to the steps it works on, "
        "or remove it)",
        "journeys/gaps.yml:9:9: warning: touchpoint 'fax' is not used by any step "
        "[unused-touchpoint] (add it to a step's 'touchpoints', or remove it)",
        "journeys/gaps.yml:12:9: warning: persona 'owner' does not say what success means to "
        "them [persona-success] (add 'success' in the customer's own words)",
        "journeys/gaps.yml:12:9: warning: persona 'owner' has no evidence [persona-evidence] "
        "(add 'evidence': interviews, surveys, analytics, market data)",
        "journeys/gaps.yml:14:9: warning: persona 'ghost' takes no journey [unused-persona] "
        "(name it in a journey's 'persona', or remove it)",
        "journeys/gaps.yml:21:9: warning: no stage maps to lifecycle phase 'leaving' "
        "[unmapped-phase] (set 'phase' on the stages that fall in it)",
        "journeys/gaps.yml:37:15: warning: step 'orphan' cannot be reached from the first step "
        "of journey 'buy' [unreachable-step] (point a 'next' at it, or remove it)",
        "journeys/gaps.yml:37:15: warning: step 'orphan' of journey 'buy' has no touchpoint "
        "[step-touchpoint] (add 'touchpoints': where the customer meets us here)",
        "journeys/gaps.yml:40:15: warning: step 'call' of journey 'buy' has no department "
        "[step-department] (add 'departments' (the first one owns the step))",
        "journeys/gaps.yml:44:19: warning: milestone 'called' of journey 'buy' has no "
        "'when_stuck' [milestone-when-stuck] (say what to do when a customer does not get there)",
    ]


def test_metric_and_review_gaps(tmp_path: Path) -> None:
    """Off target (value, target and date, at the target), without data and stale (at
    the id), unused, and a review older than `review_every` (at the review)."""
    rules = ("[metric-", "[unused-metric]", "[review-overdue]")
    found = [w for w in warnings_of(tmp_path, GAPS, metrics=True) if any(r in w for r in rules)]
    assert found == [
        "journeys/metrics.yml:8:13: warning: metric 'churn' is off target: 3.5 % on "
        "2026-11-30, target ≤ 2 % [metric-off-target] (it measures 1 stage of journey "
        "'keep': act there, or revise the target)",
        "journeys/metrics.yml:9:9: warning: metric 'nps' has no data [metric-no-data] "
        "(export its values to the metrics folder (metric,date,value))",
        "journeys/metrics.yml:11:9: warning: metric 'csat' is stale: its newest value is "
        "from 2026-09-30, 62 days before 2026-12-01 (metrics_max_age: 45) [metric-stale] "
        "(refresh the data files; a scheduled CI job can export them)",
        "journeys/metrics.yml:14:9: warning: metric 'idle' measures no stage or step "
        "[unused-metric] (add it to the 'metrics' of the stages or steps it measures, or "
        "remove it)",
        "journeys/metrics.yml:20:5: warning: journey 'keep' was last reviewed on "
        "2026-06-01, 183 days before 2026-12-01 (review_every: 180) [review-overdue] "
        "(walk the journey with the teams in it, then update 'reviewed')",
    ]


def test_dated_warnings_follow_the_reference_date(tmp_path: Path) -> None:
    """The same files, a month earlier: nothing is stale or overdue yet."""
    global TODAY
    earlier, TODAY = TODAY, Freshness(datetime.date(2026, 10, 15))
    try:
        found = warnings_of(tmp_path, GAPS, metrics=True)
    finally:
        TODAY = earlier
    assert not [w for w in found if "[metric-stale]" in w or "[review-overdue]" in w]
    assert [w for w in found if "[metric-off-target]" in w]


def test_journey_without_milestones(tmp_path: Path) -> None:
    """A journey with no milestone step is warned about at its id."""
    text = GAPS.replace("          milestone:\n            name: Called\n", "")
    found = [w for w in warnings_of(tmp_path, text) if "[journey-milestones]" in w]
    assert found == [
        "journeys/gaps.yml:24:7: warning: journey 'buy' has no milestones [journey-milestones] "
        "(mark the steps that deliver value with 'milestone')"
    ]


def test_unknown_entity_link_in_a_description(tmp_path: Path) -> None:
    """A description linking to a missing entity is warned about with a did-you-mean."""
    text = GAPS.replace(
        "    name: Legal\n", "    name: Legal\n    description: See [](department:sals).\n"
    )
    found = [w for w in warnings_of(tmp_path, text) if "[unknown-link]" in w]
    assert found == [
        "journeys/gaps.yml:6:18: warning: department 'description' links to unknown "
        "'department:sals' [unknown-link] (did you mean 'department:sales'?)"
    ]


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_rule_can_be_switched_off(tmp_path: Path, name: str) -> None:
    """Disabling a rule removes exactly its warnings."""
    text = GAPS.replace(
        "    name: Legal\n", "    name: Legal\n    description: '<b>x</b> [](phase:nope)'\n"
    )
    extra = "journey:\n  id: more\n  name: More\n  persona: owner\n  stages:\n    - name: S\n      steps:\n        - name: X\n          departments: sales\n          touchpoints: web\n"
    every = warnings_of(tmp_path, text, extra=extra, metrics=True)
    assert any(f"[{name}]" in w for w in every), name
    remaining = warnings_of(tmp_path, text, (name,), extra=extra, metrics=True)
    assert remaining == [w for w in every if f"[{name}]" not in w]


def test_sample_handbook_is_clean() -> None:
    """The sample handbook applies the method fully: no warning at all."""
    repo = Path(__file__).parent.parent
    _, diagnostics = analyse(Loader(), repo / "journeys", repo)
    assert [str(d) for d in diagnostics] == []


def test_check_strict_fails_on_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` prints warnings and passes; `--strict` fails; `--disable` silences."""
    warnings_of(tmp_path, GAPS)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "journeys"]) == 0
    assert capsys.readouterr().out.count("warning:") == 10
    assert main(["check", "journeys", "--strict"]) == 1
    capsys.readouterr()
    disable = [f"--disable={name}" for name in RULES]
    assert main(["check", "journeys", "--strict", *disable]) == 0
    assert capsys.readouterr().out == ""


def test_disabled_rules_option_in_mkdocs(project: Project) -> None:
    """`disabled_rules` switches rules off in a strict build; unknown names are errors."""
    project.write("journeys/gaps.yml", GAPS)
    disabled = ", ".join(sorted(RULES))
    project.build(
        BASE_CONFIG.replace("  - journey\n", f"  - journey:\n      disabled_rules: [{disabled}]\n")
    )
    assert (project.site / "journeys" / "buy" / "find" / "index.html").exists()
    project.write(
        "mkdocs.yml",
        BASE_CONFIG.replace(
            "  - journey\n", "  - journey:\n      disabled_rules: [no-such-rule]\n"
        ),
    )
    result = project.run_mkdocs_build()
    assert result.returncode == 1 and "no-such-rule" in result.stderr


def test_strict_build_fails_on_lint_warnings(project: Project) -> None:
    """A method gap fails `mkdocs build --strict` with the positioned warning."""
    project.write("journeys/gaps.yml", GAPS)
    project.write("docs/index.md", "# Home\n")
    project.write("mkdocs.yml", BASE_CONFIG)
    result = project.run_mkdocs_build(strict=True)
    assert result.returncode == 1
    assert (
        "journeys/gaps.yml:9:9: warning: touchpoint 'fax' is not used by any step" in result.stderr
    )


def test_minimal_fixture_copied_is_clean(tmp_path: Path) -> None:
    """Fixtures used for golden pages raise no warning either."""
    shutil.copytree(FIXTURES / "minimal" / "journeys", tmp_path / "journeys")
    _, diagnostics = analyse(Loader(), tmp_path / "journeys", tmp_path)
    assert list(diagnostics) == []


def test_front_stage_work_counts_as_a_departments_use(tmp_path: Path) -> None:
    """A department that only does front-stage work (the demo call) is in use."""
    with_frontstage = GAPS.replace(
        "          departments: sales\n          next: [call]",
        "          departments: sales\n          frontstage:\n"
        "            - name: Legal review call\n              department: legal\n"
        "          next: [call]",
    )
    assert with_frontstage != GAPS
    unused = [w for w in warnings_of(tmp_path, with_frontstage) if "[unused-department]" in w]
    assert unused == []
    assert [w for w in warnings_of(tmp_path, GAPS) if "[unused-department]" in w]
