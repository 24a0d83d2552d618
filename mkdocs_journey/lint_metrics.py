"""The method's rules about numbers and dates: metrics off target, without data or
stale, and journeys whose review is overdue (`lint` registers them with the others)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .diagnostics import Diagnostic, Pos, Severity
from .graph import HandbookGraph
from .metrics import Freshness, Status, with_unit


def _warning(pos: Pos, message: str, hint: str, name: str) -> Diagnostic:
    return Diagnostic(pos, Severity.WARNING, message, hint, name)


def unused_metrics(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A metric that measures no stage or step is a number nobody reads on the map."""
    for metric in graph.metrics.values():
        if metric.id not in graph.metric_places and metric.id not in graph.metric_stages:
            yield _warning(
                metric.at("id"),
                f"metric '{metric.id}' measures no stage or step",
                "add it to the 'metrics' of the stages or steps it measures, or remove it",
                "unused-metric",
            )


def metrics_off_target(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A number off its target is where the journey needs attention now."""
    for metric in graph.metrics.values() if graph.data_read else ():
        if metric.target and graph.metric_status(metric.id) is Status.OFF:
            latest = graph.metric_readings(metric.id)[-1]
            value = with_unit(latest.value, metric.unit)
            yield _warning(
                metric.at("target"),
                f"metric '{metric.id}' is off target: {value} on {latest.date.isoformat()}, "
                f"target {metric.target.text(metric.unit)}",
                f"{where_measured(graph, metric.id)}: act there, or revise the target",
                "metric-off-target",
            )


def metrics_without_data(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A metric on the map without numbers promises a measurement nobody makes."""
    for metric in graph.metrics.values() if graph.data_read else ():
        used = metric.id in graph.metric_places or metric.id in graph.metric_stages
        if used and not graph.metric_readings(metric.id):
            yield _warning(
                metric.at("id"),
                f"metric '{metric.id}' has no data",
                "export its values to the metrics folder (metric,date,value)",
                "metric-no-data",
            )


def stale_metrics(graph: HandbookGraph, freshness: Freshness) -> Iterator[Diagnostic]:
    """Old numbers are worse than none: they look current."""
    for metric in graph.metrics.values():
        readings = graph.metric_readings(metric.id)
        if not readings:
            continue
        age = (freshness.today - readings[-1].date).days
        if age > freshness.metrics_max_age:
            yield _warning(
                metric.at("id"),
                f"metric '{metric.id}' is stale: its newest value is from "
                f"{readings[-1].date.isoformat()}, {age} days before "
                f"{freshness.today.isoformat()} (metrics_max_age: {freshness.metrics_max_age})",
                "refresh the data files; a scheduled CI job can export them",
                "metric-stale",
            )


def overdue_reviews(graph: HandbookGraph, freshness: Freshness) -> Iterator[Diagnostic]:
    """A map nobody checked against reality for long turns into fiction."""
    for journey in graph.journeys.values():
        review = journey.reviewed
        if review is None:
            continue
        age = (freshness.today - review.date).days
        if age > freshness.review_every:
            yield _warning(
                journey.at("reviewed"),
                f"journey '{journey.id}' was last reviewed on {review.date.isoformat()}, "
                f"{age} days before {freshness.today.isoformat()} "
                f"(review_every: {freshness.review_every})",
                "walk the journey with the teams in it, then update 'reviewed'",
                "review-overdue",
            )


def where_measured(graph: HandbookGraph, metric_id: str) -> str:
    """Where a metric is used, for a hint: `it measures 1 stage and 2 steps of journey
    'buy'`."""
    journeys: dict[str, list[int]] = {}
    for journey, _ in graph.metric_stages.get(metric_id, []):
        journeys.setdefault(journey.id, [0, 0])[0] += 1
    for place in graph.metric_places.get(metric_id, []):
        journeys.setdefault(place.journey.id, [0, 0])[1] += 1
    if not journeys:
        return "it measures no stage or step yet"
    parts = [
        " and ".join(c for c in (_count(stages, "stage"), _count(steps, "step")) if c)
        + f" of journey '{journey}'"
        for journey, (stages, steps) in journeys.items()
    ]
    return "it measures " + "; ".join(parts)


def _count(number: int, noun: str) -> str:
    return "" if not number else f"{number} {noun}{'s' if number > 1 else ''}"


METRIC_RULES: dict[str, tuple[Callable[..., Iterator[Diagnostic]], bool]] = {
    "unused-metric": (unused_metrics, False),
    "metric-off-target": (metrics_off_target, False),
    "metric-no-data": (metrics_without_data, False),
    "metric-stale": (stale_metrics, True),
    "review-overdue": (overdue_reviews, True),
}
"""Each rule by name, and whether it is dated (given the `Freshness` to compare with)."""
