"""How a metric is shown wherever it is named: its latest value with unit and date, the
target and the status in words, the change since the previous value, a sparkline.

Every shown metric is an element with `data-metric` and `data-status`; the status is
a word (and an icon with that word as its text alternative), never colour alone; dates
are those of the data, in `<time datetime>`, so that pages never depend on the day of
the build."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence

from .. import paths
from ..graph import HandbookGraph
from ..i18n import Labels
from ..metrics import Reading, Status, change_text, with_unit
from ..model import Journey, Metric, Review
from ..text import html_text, md
from . import html
from .context import Context, HtmlLinker, Linker
from .html import Line

SPARK_VALUES = 12
"""Values a sparkline draws: the last year of monthly data."""
_SPARK_WIDTH, _SPARK_HEIGHT = 60, 16
_ICONS = {Status.ON: "✓", Status.OFF: "✗", Status.NO_DATA: "–", Status.NO_TARGET: "·"}


def status_word(labels: Labels, status: Status) -> str:
    """The status in words, in the page's language."""
    return {
        Status.ON: labels.status_on,
        Status.OFF: labels.status_off,
        Status.NO_DATA: labels.status_no_data,
        Status.NO_TARGET: labels.status_no_target,
    }[status]


def time(date_text: str) -> str:
    """A date of the data as `<time>`."""
    return f'<time datetime="{date_text}">{date_text}</time>'


def status_badge(labels: Labels, status: Status) -> str:
    """The status as an icon whose text alternative is the word, then the word."""
    word = html_text(status_word(labels, status))
    return (
        f'<span class="journey-status" data-status="{status}">'
        f'<span aria-hidden="true">{_ICONS[status]}</span> {word}</span>'
    )


def latest_text(metric: Metric, readings: Sequence[Reading]) -> str:
    """The latest value with its unit and date, as finished HTML."""
    latest = readings[-1]
    value = html_text(with_unit(latest.value, metric.unit))
    return f'<span class="journey-value">{value}</span> ({time(latest.date.isoformat())})'


def change(labels: Labels, metric: Metric, readings: Sequence[Reading]) -> str:
    """The change since the previous value, signed, or nothing for a single value."""
    if len(readings) < 2:
        return ""
    latest, previous = readings[-1], readings[-2]
    since = labels.since.format(date=time(previous.date.isoformat()))
    shown = html_text(change_text(latest.value, previous.value, metric.unit))
    return f'<span class="journey-change">{shown}</span> {since}'


def sparkline(labels: Labels, metric: Metric, readings: Sequence[Reading]) -> str:
    """The last values as a line, an inline SVG whose `<title>` lists them."""
    shown = list(readings[-SPARK_VALUES:])
    if len(shown) < 2:
        return ""
    values = [float(reading.value) for reading in shown]
    low, high = min(values), max(values)
    spread = high - low or 1.0
    step = _SPARK_WIDTH / (len(values) - 1)
    points = " ".join(
        f"{index * step:.1f},{_SPARK_HEIGHT - 1 - (value - low) / spread * (_SPARK_HEIGHT - 2):.1f}"
        for index, value in enumerate(values)
    )
    listed = ", ".join(
        f"{reading.date.isoformat()}: {with_unit(reading.value, metric.unit)}" for reading in shown
    )
    title = labels.trend_of.format(name=metric.name, count=len(shown), values=listed)
    return (
        f'<svg class="journey-sparkline" role="img" width="{_SPARK_WIDTH}" '
        f'height="{_SPARK_HEIGHT}" viewBox="0 0 {_SPARK_WIDTH} {_SPARK_HEIGHT}">'
        f"<title>{html_text(title)}</title>"
        f'<polyline points="{points}" fill="none" stroke="currentColor" stroke-width="1.5"/>'
        "</svg>"
    )


def metric_summary(
    labels: Labels, graph: HandbookGraph, link: HtmlLinker, metric_id: str, full: bool = True
) -> str:
    """One metric as a line: its name linked, latest value and date, target, status,
    and (when `full`) the change and the sparkline. All but the link is made once per
    metric and kept in the context: a metric is named on many pages."""
    key = (metric_id, full)
    rest = link.context.shown.get(key)
    if rest is None:
        rest = link.context.shown[key] = _summary_rest(labels, graph, metric_id, full)
    status = graph.metric_status(metric_id)
    return (
        f'<span class="journey-metric" data-metric="{metric_id}" data-status="{status}">'
        f"{link.metric(metric_id)}{rest}</span>"
    )


def _summary_rest(labels: Labels, graph: HandbookGraph, metric_id: str, full: bool) -> str:
    metric = graph.metrics[metric_id]
    readings = graph.metric_readings(metric_id)
    parts = []
    if readings:
        parts.append(latest_text(metric, readings))
    if metric.target:
        target = html_text(metric.target.text(metric.unit))
        parts.append(f"{html_text(labels.target)}: {target}")
    parts.append(status_badge(labels, graph.metric_status(metric_id)))
    if full and readings:
        parts += [piece for piece in (change(labels, metric, readings),) if piece]
        parts.append(sparkline(labels, metric, readings))
    return "".join(f" · {part}" for part in parts if part)


def on_target_count(graph: HandbookGraph, metric_ids: Sequence[str]) -> tuple[int, int]:
    """(on target, counted): counted are the metrics with both a target and data."""
    statuses = [graph.metric_status(metric_id) for metric_id in metric_ids]
    counted = [s for s in statuses if s in (Status.ON, Status.OFF)]
    return sum(1 for s in counted if s is Status.ON), len(counted)


def health_line(labels: Labels, graph: HandbookGraph, metric_ids: Sequence[str]) -> str:
    """`4 of 6 metrics on target`, or nothing when no metric has a target and data."""
    on, total = on_target_count(graph, metric_ids)
    if not total:
        return ""
    text = labels.metrics_on_target.format(on=on, total=total)
    state = "on" if on == total else "off"
    return f'<span class="journey-health" data-status="{state}">{html_text(text)}</span>'


def metrics_page(context: Context) -> Iterator[Line]:
    """Every metric, anchored by id: owner, unit, target, latest value and date, status,
    change, trend, and the stages and steps it measures; a summary line on top."""
    t, graph = context.labels, context.graph
    link = Linker(context, paths.METRICS)
    h = link.html
    yield f"# {md(t.metrics)}"
    yield ""
    yield md(t.metrics_intro)
    yield ""
    summary = health_line(t, graph, list(graph.metrics))
    if summary:
        yield html.paragraph(summary)
    for metric in graph.metrics.values():
        yield f"## {md(metric.name)} {{#{metric.id}}}"
        yield ""
        readings = graph.metric_readings(metric.id)
        status = graph.metric_status(metric.id)
        facts = [(t.status, status_badge(t, status))]
        if metric.owner:
            facts.append((t.owner, h.department(metric.owner.target)))
        if metric.unit:
            facts.append((t.unit, h.text(metric.unit)))
        if metric.target:
            facts.append((t.target, h.text(metric.target.text(metric.unit))))
        if readings:
            facts.append((t.latest_value, latest_text(metric, readings)))
            moved = change(t, metric, readings)
            if moved:
                facts.append((t.change, moved))
            line = sparkline(t, metric, readings)
            if line:
                facts.append((t.trend, line))
        element = f'<ul class="journey-metric" data-metric="{metric.id}" data-status="{status}">'
        yield html.Html(html.facts(facts).html.replace("<ul>", element, 1))
        yield from link.block(metric.description)
        measured = [
            f"{h.stage(journey, journey.stages[number - 1])} ({h.journey(journey)})"
            for journey, number in graph.metric_stages.get(metric.id, [])
        ]
        measured += [
            f"{h.step(place)} ({h.journey(place.journey)})"
            for place in graph.metric_places.get(metric.id, [])
        ]
        if measured:
            yield html.view(html.items(measured, t.measures))


def review_text(labels: Labels, review: Review | None, review_every: int) -> str:
    """`Last reviewed 2026-10-01 by Ana; next review due 2027-03-30`: text that reads the
    same as HTML and as Markdown (it goes into tables and fact lists of both). Whether
    the next review is overdue is the `review-overdue` warning's to say: a page never
    depends on the day it was built."""
    if review is None:
        return md(labels.not_reviewed)
    label = labels.reviewed_by if review.by else labels.reviewed
    done = md(label.format(date="\x00D", name="\x00N"))
    done = done.replace("\x00D", time(review.date.isoformat())).replace("\x00N", md(review.by))
    due = time((review.date + datetime.timedelta(days=review_every)).isoformat())
    return f"{done}; " + md(labels.next_review.format(date="\x00D")).replace("\x00D", due)


def journey_metrics(context: Context, link: HtmlLinker, journey: Journey) -> Iterator[Line]:
    """A journey's metrics with their status, under a heading, when it has any."""
    t, graph = context.labels, context.graph
    measured = graph.journey_metrics(journey)
    if not measured:
        return
    yield f"## {md(t.metrics)}"
    yield ""
    summary = health_line(t, graph, measured)
    if summary:
        yield html.paragraph(summary)
    yield html.items(metric_summary(t, graph, link, metric_id) for metric_id in measured)
