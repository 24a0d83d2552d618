"""A synthetic handbook at any scale, shaped like a real one: descriptions, back-stage
work, pain points, branches, exits, cross-journey edges and milestones."""

from __future__ import annotations

import random
from pathlib import Path

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
    default: 40 x 10 x 15 = 6 000 steps, 25 departments, 60 touchpoints, 400 milestones."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    departments = [f"dept-{i}" for i in range(25)]
    touchpoints = [f"touch-{i}" for i in range(60)]
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
    (folder / "catalogue.yml").write_text("\n".join(catalogue) + "\n", encoding="utf-8")
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
