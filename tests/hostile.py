"""A handbook written to break things: every character class Markdown, HTML and Mermaid
care about, a 200-step stage and a 60-stage journey."""

from __future__ import annotations

import json
from pathlib import Path

NAMES = [
    "Double \"quotes\" and 'single' quotes",
    "Brackets [x] (y) {z} and <angle> & ampersand",
    "Pipes | hashes #1 and semicolons; here",
    "Percent %% comment and `backticks` and $dollars$",
    "end",
    "The end of the line end",
    "*Markdown* _markers_ **bold** ~~strike~~ ==mark== > quote",
    "- list marker",
    "1. numbered",
    "</title><script>alert(1)</script>",
    "[link](javascript:alert(1)) <img src=x onerror=alert(2)>",
    "{: onclick=alert(3) } :smile: @mention",
    "click n1 call alert(4)",
    "style n1 fill:#f00",
    "%%{init: {'securityLevel': 'loose'}}%%",
    "Emoji 🚀🎉 and accents Atenção, Ñandú, Zürich",
    "Right to left: עברית ועוד and العربية",
    "Very long name " + "that keeps going " * 18,
    "Line\nbreak inside",
    "graph TD; A-->B",
]


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write(folder: Path) -> None:
    """Write the hostile handbook into `folder` (the journeys folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    departments = "".join(
        f"  - id: d{i}\n    name: {_q(n)}\n    lead: {_q(n)}\n" for i, n in enumerate(NAMES)
    )
    touchpoints = "".join(
        f"  - id: t{i}\n    name: {_q(n)}\n    channel: {_q(n)}\n    owner: d{i}\n"
        for i, n in enumerate(NAMES)
    )
    personas = f"  - id: p\n    name: {_q(NAMES[1])}\n    success: {_q(NAMES[6])}\n    evidence: [{_q(NAMES[0])}]\n"
    phases = f"  - id: ph\n    name: {_q(NAMES[3])}\n"
    (folder / "catalogue.yml").write_text(
        f"departments:\n{departments}touchpoints:\n{touchpoints}personas:\n{personas}phases:\n{phases}",
        encoding="utf-8",
    )
    (folder / "hostile.yml").write_text(_hostile_journey(), encoding="utf-8")
    (folder / "long-stage.yml").write_text(_long_stage(200), encoding="utf-8")
    (folder / "many-stages.yml").write_text(_many_stages(60), encoding="utf-8")


def _step(index: int, name: str, extra: str = "") -> str:
    department = index % len(NAMES)
    return (
        f"        - id: s{index}\n          name: {_q(name)}\n"
        f"          departments: [d{department}, d{(department + 1) % len(NAMES)}]\n"
        f"          touchpoints: t{department}\n          experience: {index % 5 + 1}\n"
        f"          pain_points: [{_q(name)}]\n          opportunities: [{_q(name)}]\n"
        f"          backstage:\n            - name: {_q(name)}\n              department: d{department}\n"
        f"              systems: [{_q(name)}]\n{extra}"
    )


def _hostile_journey() -> str:
    stages = ""
    for stage_index, stage_name in enumerate(NAMES[:4]):
        steps = ""
        for offset, name in enumerate(NAMES):
            index = stage_index * len(NAMES) + offset
            extra = ""
            if offset == 2:
                extra = (
                    f"          milestone:\n            id: m{index}\n            name: {_q(name)}\n"
                    f"            value: {_q(name)}\n            signal: {_q(name)}\n"
                    f"            target: {_q(name)}\n            when_stuck: {_q(name)}\n"
                )
            if offset == 3:
                extra = f"          next: [s{index + 1}, many-stages/m0, long-stage/l100]\n"
            if offset == len(NAMES) - 1 and stage_index == 3:
                extra = "          next: []\n"
            steps += _step(index, name, extra)
        stages += f"    - id: st{stage_index}\n      name: {_q(stage_name)}\n      phase: ph\n"
        stages += (
            f"      goal: {_q(stage_name)}\n      kpis: [{_q(stage_name)}]\n      steps:\n{steps}"
        )
    return (
        f"journey:\n  id: hostile\n  name: {_q(NAMES[9])}\n  persona: p\n  owner: d0\n"
        f"  success: {_q(NAMES[10])}\n  description: {_q(NAMES[11])}\n  stages:\n{stages}"
    )


def _long_stage(count: int) -> str:
    steps = "".join(
        f"        - id: l{i}\n          name: {_q(f'Long stage step {i} ' + NAMES[i % len(NAMES)])}\n"
        f"          departments: d{i % len(NAMES)}\n          touchpoints: t0\n"
        + (
            f"          next: [l{i + 1}, l{(i + 7) % count}]\n"
            if i % 10 == 5 and i + 1 < count
            else ""
        )
        for i in range(count)
    )
    return f"journey:\n  id: long-stage\n  name: A stage of {count} steps\n  persona: p\n  stages:\n    - id: only\n      name: Only stage\n      steps:\n{steps}"


def _many_stages(count: int) -> str:
    stages = "".join(
        f"    - id: m{i}\n      name: {_q(f'Stage {i} ' + NAMES[i % len(NAMES)])}\n      steps:\n"
        f"        - id: m{i}\n          name: {_q(f'Step {i}')}\n          departments: d{i % 3}\n"
        f"          touchpoints: t1\n          experience: {i % 5 + 1}\n"
        for i in range(count)
    )
    return f"journey:\n  id: many-stages\n  name: A journey of {count} stages\n  persona: p\n  stages:\n{stages}"
