"""What a change does to the metrics: targets changed, and, when both sides read their
data files, each metric whose latest value moved, with its status before and after."""

from __future__ import annotations

from dataclasses import dataclass

from .graph import HandbookGraph
from .metrics import Status, with_unit
from .model import Metric

ABSENT = "—"


@dataclass(frozen=True)
class MetricChange:
    """One metric's target, latest value and status on both sides, as short text."""

    metric: str
    change: str
    """added, removed or changed."""
    name: str
    target_before: str
    target_after: str
    latest_before: str
    """The latest value with its unit and date (`16.9 % on 2026-10-31`), or —."""
    latest_after: str
    status_before: str
    """on, off, no-data or no-target (— when the metric or the data is absent)."""
    status_after: str
    status_flipped: bool
    """On target on one side and off target on the other."""


def _target(graph: HandbookGraph, metric: Metric | None) -> str:
    if metric is None or metric.target is None:
        return ABSENT
    return metric.target.text(metric.unit)


def _latest(graph: HandbookGraph, metric: Metric | None) -> str:
    if metric is None or not graph.data_read:
        return ABSENT
    readings = graph.metric_readings(metric.id)
    if not readings:
        return ABSENT
    latest = readings[-1]
    return f"{with_unit(latest.value, metric.unit)} on {latest.date.isoformat()}"


def _status(graph: HandbookGraph, metric: Metric | None) -> str:
    if metric is None or not graph.data_read:
        return ABSENT
    return str(graph.metric_status(metric.id))


def metric_changes(old: HandbookGraph, new: HandbookGraph) -> tuple[MetricChange, ...]:
    """Every metric added, removed, retargeted or (both sides' data read) moved, in the
    order of the new catalogue, then the removed ones."""
    values = old.data_read and new.data_read
    changes = []
    for metric_id in dict.fromkeys([*new.metrics, *old.metrics]):
        before, after = old.metrics.get(metric_id), new.metrics.get(metric_id)
        change = "added" if before is None else "removed" if after is None else "changed"
        targets = _target(old, before), _target(new, after)
        latest = _latest(old, before), _latest(new, after)
        statuses = _status(old, before), _status(new, after)
        moved = values and latest[0] != latest[1]
        if change == "changed" and targets[0] == targets[1] and not moved:
            continue
        flipped = {statuses[0], statuses[1]} == {Status.ON.value, Status.OFF.value}
        record = after or before
        assert record is not None
        changes.append(
            MetricChange(
                metric_id,
                change,
                record.name,
                *targets,
                *(latest if values else (ABSENT, ABSENT)),
                *(statuses if values else (ABSENT, ABSENT)),
                flipped,
            )
        )
    return tuple(changes)
