"""The `unsafe-markup` check: every Markdown field whose markup had to be neutralised."""

from __future__ import annotations

from collections.abc import Iterator

from .diagnostics import Diagnostics
from .model import Entity, Handbook
from .schema import (
    DEPARTMENT,
    JOURNEY,
    MILESTONE,
    PERSONA,
    PHASE,
    STAGE,
    STEP,
    TOUCHPOINT,
    Kind,
    Shape,
)

RULE = "unsafe-markup"


def _markdown_keys(shape: Shape) -> tuple[str, ...]:
    return tuple(key for key, spec in shape.keys.items() if spec.kind is Kind.MARKDOWN)


_KEYS = {
    shape.name: _markdown_keys(shape)
    for shape in (DEPARTMENT, TOUCHPOINT, PERSONA, PHASE, JOURNEY, STAGE, STEP, MILESTONE)
}


def _records(handbook: Handbook) -> Iterator[tuple[str, Entity]]:
    yield from (("department", d) for d in handbook.departments)
    yield from (("touchpoint", t) for t in handbook.touchpoints)
    yield from (("persona", p) for p in handbook.personas)
    yield from (("phase", p) for p in handbook.phases)
    for journey in handbook.journeys:
        yield "journey", journey
        for stage in journey.stages:
            yield "stage", stage
            for step in stage.steps:
                yield "step", step
                if step.milestone:
                    yield "milestone", step.milestone


def check_markup(handbook: Handbook) -> Diagnostics:
    """A warning per Markdown field with markup that will be shown as text."""
    from .markup import neutralise

    diagnostics = Diagnostics()
    for kind, record in _records(handbook):
        for key in _KEYS[kind]:
            text = getattr(record, key)
            if not text:
                continue
            for problem in neutralise(text).problems:
                diagnostics.warning(
                    record.at(key),
                    f"{kind} '{key}' has {problem}; it is shown as text",
                    "use Markdown links to http(s), mailto or entity targets, no HTML",
                    rule=RULE,
                )
    return diagnostics
