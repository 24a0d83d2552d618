"""A synthetic handbook at any scale, shaped like a real one: descriptions, front- and
back-stage work, thoughts, pain points, branches, exits, cross-journey edges,
milestones, and metrics with a year of monthly data in the metrics folder beside it."""

from __future__ import annotations

import calendar
import random
import re
from pathlib import Path

MONTHS = [(2025, 12)] + [(2026, month) for month in range(1, 12)]
"""A year of monthly values, each dated the last day of its month."""

WORDS = [
    "customer",
    "account",
    "invoice",
    "payroll",
    "onboarding",
    "renewal",
    "contract",
    "portal",
    "support",
    "ticket",
    "health",
    "score",
    "usage",
    "report",
    "adoption",
    "billing",
    "migration",
    "training",
    "kickoff",
    "review",
    "plan",
]


def _sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write(
    folder: Path, journeys: int = 40, stages: int = 10, steps: int = 15, seed: int = 7
) -> int:
    """Write the handbook; returns the number of steps. The reference load is the
    default: 40 x 10 x 15 = 6 000 steps, 25 departments, 60 touchpoints, 400 milestones,
    100 metrics (2.5 per journey) with a year of monthly values in `folder/../metrics`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    departments = [f"dept-{i}" for i in range(25)]
    touchpoints = [f"touch-{i}" for i in range(60)]
    metrics = [f"metric-{i}" for i in range(max(1, journeys * 5 // 2))]
    catalogue = ["departments:"]
    for department in departments:
        catalogue += [
            f"  - id: {department}",
            f"    name: Department {department[5:]}",
            f"    description: {_sentence(rng)}",
            f"    lead: Lead {department[5:]}",
            f"    reviewers: ['@acme/{department}']",
        ]
    catalogue.append("touchpoints:")
    for touchpoint in touchpoints:
        catalogue += [
            f"  - id: {touchpoint}",
            f"    name: Touchpoint {touchpoint[6:]}",
            f"    channel: {rng.choice(['web', 'email', 'phone', 'chat', 'app', 'event'])}",
            f"    owner: {rng.choice(departments)}",
        ]
    catalogue += ["personas:"] + [
        f"  - id: persona-{i}\n    name: Persona {i}\n    success: {_sentence(rng)}\n"
        f"    evidence: ['Interviews {i}']"
        for i in range(8)
    ]
    catalogue += ["phases:"] + [f"  - id: phase-{i}\n    name: Phase {i}" for i in range(stages)]
    catalogue += ["metrics:"] + [
        f"  - id: {metric}\n    name: Metric {metric[7:]}\n    unit: '%'\n"
        f"    owner: {rng.choice(departments)}\n    target: '>= 50'\n"
        f"    description: {_sentence(rng)}"
        for metric in metrics
    ]
    (folder / "catalogue.yml").write_text("\n".join(catalogue) + "\n", encoding="utf-8")
    _write_metric_data(folder.parent / "metrics", metrics, rng)
    for j in range(journeys):
        lines = [
            "journey:",
            f"  id: journey-{j}",
            f"  name: Journey {j}",
            f"  description: {_sentence(rng, 30)}",
            f"  persona: persona-{j % 8}",
            f"  owner: {rng.choice(departments)}",
            "  stages:",
        ]
        for s in range(stages):
            lines += [
                f"    - id: stage-{s}",
                f"      name: Stage {s} of journey {j}",
                f"      goal: {_sentence(rng, 8)}",
                f"      phase: phase-{s}",
                f"      metrics: [{metrics[(j * stages + s) % len(metrics)]}]",
                "      steps:",
            ]
            for t in range(steps):
                step = f"s{s}-{t}"
                involved = rng.sample(departments, rng.randint(1, 3))
                lines += [
                    f"        - id: {step}",
                    f"          name: Step {t} of stage {s}",
                    f"          description: {_sentence(rng, 20)}",
                    f"          departments: [{', '.join(involved)}]",
                    f"          touchpoints: [{', '.join(rng.sample(touchpoints, 2))}]",
                    f"          experience: {rng.randint(1, 5)}",
                    f"          backstage: [{{name: {_sentence(rng, 5)}, "
                    f"department: {involved[0]}, systems: [CRM]}}]",
                    f"          pain_points: ['{_sentence(rng, 8)}']",
                ]
                if t % 2 == 0:
                    lines.append(
                        f"          frontstage: [{{name: {_sentence(rng, 5)}, "
                        f"department: {involved[-1]}}}]"
                    )
                if t % 3 == 0:
                    lines.append(f"          thoughts: ['{_sentence(rng, 10)}']")
                if t == 0:
                    lines.append(f"          metrics: [{rng.choice(metrics)}]")
                if t == 7 and s < stages - 1:
                    lines.append(f"          next: [s{s}-{t + 1}, s{s + 1}-0]")
                if t == steps - 1 and s == stages - 1 and j + 1 < journeys:
                    lines.append(f"          next: [journey-{j + 1}/s0-0]")
                if t == 3:
                    lines += [
                        "          milestone:",
                        f"            id: m{s}",
                        f"            name: Milestone {s} of journey {j}",
                        f"            value: {_sentence(rng)}",
                        f"            when_stuck: {_sentence(rng)}",
                    ]
        (folder / f"journey-{j:03d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return journeys * stages * steps


def _write_metric_data(folder: Path, metrics: list[str], rng: random.Random) -> None:
    """A year of monthly values per metric, as a BI tool exports them: two CSV files."""
    folder.mkdir(parents=True, exist_ok=True)
    half = len(metrics) // 2 or 1
    for name, part in (("product.csv", metrics[:half]), ("operations.csv", metrics[half:])):
        rows = ["metric,date,value,source"]
        for metric in part:
            value = rng.uniform(30, 70)
            for year, month in MONTHS:
                value = min(100.0, max(0.0, value + rng.uniform(-4, 4)))
                day = calendar.monthrange(year, month)[1]
                rows.append(f"{metric},{year}-{month:02d}-{day},{value:.1f},warehouse")
        (folder / name).write_text("\n".join(rows) + "\n", encoding="utf-8")


def commit_history(root: Path, commits: int, seed: int = 11) -> None:
    """Put the project under Git with `commits` commits: the handbook as it was written,
    then edits as a team makes them (a step renamed, a score changed), one journey file
    each. Authors and dates are fixed, so the history is the same on every run."""
    import os
    import subprocess

    rng = random.Random(seed)

    def git(*args: str, day: int = 1) -> None:
        stamp = f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}T09:00:00+00:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Bench Author", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
            "GIT_COMMITTER_NAME": "Bench Author", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
            "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
        }  # fmt: skip
        subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "The handbook")
    files = sorted((root / "journeys").glob("journey-*.yml"))
    for number in range(1, commits):
        path = rng.choice(files)
        text = path.read_text(encoding="utf-8")
        stage, step = rng.randrange(10), rng.randrange(15)
        name = re.compile(rf"(name: Step {step} of stage {stage})(, revised \d+)?\n")
        text = name.sub(rf"\1, revised {number}\n", text, count=1)
        score = f"experience: {rng.randint(1, 5)}\n"
        text = text.replace(score, f"experience: {rng.randint(1, 5)}\n", 1)
        path.write_text(text, encoding="utf-8")
        git("commit", "-q", "-am", f"Revise journey {path.stem[8:]}", day=number)
