"""The handbook's history on its pages: a Changes section on each journey overview,
`changes.md`, and the date each journey and stage last changed.

Each change is an element with `data-commit` (the full hash, or `uncommitted`), its
date, author name, short hash (linked to the commit when the repository's host is
known) and subject, then what it did in the `diff` command's terms. Views: a search
finds the journeys themselves, not every commit that named them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .. import paths
from ..diff import DepartmentImpact, FieldChange, JourneyChange
from ..history import UNCOMMITTED, Change
from ..i18n import Labels
from ..model import Journey, Stage
from ..text import html_text, md
from . import html
from .context import Context, HtmlLinker, Linker
from .html import Line
from .metric_views import time

_MISSING = {
    "no-git": "history_no_git",
    "no-repository": "history_no_repository",
}


def last_changed(context: Context, journey: Journey, stage: Stage | None = None) -> list[Line]:
    """ "Last changed 2026-11-02", when a commit of the history changed the page's data."""
    history = context.history
    if history is None:
        return []
    if stage is None:
        date = history.journey_dates.get(journey.id)
    else:
        date = history.stage_dates.get((journey.id, stage.id))
    if not date:
        return []
    text = html_text(context.labels.last_changed).replace("{date}", time(date))
    return [html.paragraph(f'<span class="journey-last-changed">{text}</span>')]


def journey_changes(context: Context, link: HtmlLinker, journey: Journey) -> Iterator[Line]:
    """The Changes section of a journey overview: its latest `history` changes."""
    history = context.history
    if history is None:
        return
    t = context.labels
    yield f"## {md(t.changes)}"
    yield ""
    notice = _notice(context)
    if notice:
        yield html.view(html.paragraph(notice))
    changes = history.of_journey(journey.id)
    committed = [c for c in changes if c[0].commit != UNCOMMITTED][: context.history_count]
    shown = [c for c in changes if c[0].commit == UNCOMMITTED] + committed
    if not shown:
        return
    entries = [
        _entry(context, link, change, _journey_summary(context, link, change, moved))
        for change, moved in shown
    ]
    yield html.view(html.Html(f'<ul class="journey-changes">{"".join(entries)}</ul>'))


def changes_page(context: Context) -> Iterator[Line]:
    """`changes.md`: the latest 2 x `history` changes across the handbook."""
    t, history = context.labels, context.history
    link = Linker(context, paths.CHANGES).html
    yield f"# {md(t.changes)}"
    yield ""
    yield md(t.changes_intro)
    yield ""
    notice = _notice(context)
    if notice:
        yield html.paragraph(notice)
    if history is None:
        return
    entries = []
    for change in history.changes[: 2 * context.history_count + 1]:
        parts = [
            f"{link.journey(context.graph.journeys[j.journey])}: "
            f"{_journey_summary(context, link, change, j)}"
            if j.journey in context.graph.journeys
            else f"{html_text(j.name)}: {_journey_summary(context, link, change, j)}"
            for j in change.diff.journeys
        ]
        parts += [
            f"{html_text(t.catalogue_word)}: {html_text(c.kind)} "
            f"{_entity(context, link, c.kind, c.id, c.name)} {_word(t, c.change)}"
            f"{_fields_text(c.fields)}"
            for c in change.diff.catalogue
        ]
        parts += _metric_parts(context, link, change)
        entries.append(_entry(context, link, change, "<br>".join(parts)))
    if entries:
        yield html.view(html.Html(f'<ul class="journey-changes">{"".join(entries)}</ul>'))


def _notice(context: Context) -> str:
    """Why the history is missing or partial, as finished HTML, or nothing."""
    history, t = context.history, context.labels
    if history is None:
        return ""
    if history.missing:
        return html_text(getattr(t, _MISSING.get(history.missing, "history_no_commit")))
    if history.shallow:
        dates = [c.date for c in history.changes if c.date]
        oldest = min(dates) if dates else ""
        return html_text(t.history_shallow).replace("{date}", time(oldest) if oldest else "—")
    return ""


def _entry(context: Context, link: HtmlLinker, change: Change, what: str) -> str:
    t = context.labels
    if change.commit == UNCOMMITTED:
        head = f"<strong>{html_text(t.uncommitted)}</strong>"
    else:
        short = f"<code>{change.short}</code>"
        if context.commit_url:
            short = f'<a href="{context.commit_url}{change.commit}">{short}</a>'
        head = " · ".join(
            [time(change.date), html_text(change.author), short, html_text(change.subject)]
        )
    if change.errors:
        lines = "\n".join(html_text(line) for line in change.errors)
        what = f"{html_text(t.does_not_load)}<pre><code>{lines}</code></pre>"
    return f'<li data-commit="{change.commit}">{head}<br>{what}</li>'


def _word(t: Labels, change: str) -> str:
    words = {
        "added": t.added_word,
        "removed": t.removed_word,
        "changed": t.changed_word,
    }
    return html_text(words.get(change, change))


def _fields_text(fields: tuple[FieldChange, ...]) -> str:
    if not fields:
        return ""
    shown = [
        f"{html_text(f.field)}: {html_text(_short(f.old))} → {html_text(_short(f.new))}"
        for f in fields
    ]
    return f" ({'; '.join(shown)})"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _entity(context: Context, link: HtmlLinker, kind: str, entity_id: str, name: str) -> str:
    graph = context.graph
    records: dict[str, Mapping[str, object]] = {
        "department": graph.departments,
        "touchpoint": graph.touchpoints,
        "persona": graph.personas,
        "phase": graph.phases,
        "metric": graph.metrics,
    }
    if entity_id in records.get(kind, {}):
        return str(getattr(link, kind)(entity_id))
    return html_text(name)


def _step(context: Context, link: HtmlLinker, journey_id: str, step_id: str, name: str) -> str:
    place = context.graph.places.get((journey_id, step_id))
    return link.step(place) if place is not None else html_text(name)


def _journey_summary(
    context: Context, link: HtmlLinker, change: Change, moved: JourneyChange
) -> str:
    """What a change did to one journey, compact: its fields, stages, steps (added,
    removed, renamed, moved, changed), milestones, the departments affected, and the
    targets of its metrics."""
    t = context.labels
    if moved.change == "added":
        return html_text(t.journey_added.format(count=len(moved.steps)))
    if moved.change == "removed":
        return html_text(t.journey_removed)
    parts = [
        f"{html_text(f.field)}: {html_text(_short(f.old))} → {html_text(_short(f.new))}"
        for f in moved.fields
    ]
    parts += [
        f"{html_text(t.stage.lower())} {html_text(s.name)} {_word(t, s.change)}"
        f"{_fields_text(s.fields)}"
        for s in moved.stages
    ]
    groups: dict[str, list[str]] = {}
    for step in moved.steps:
        name = _step(context, link, moved.journey, step.step, step.name)
        if step.change != "changed":
            groups.setdefault(step.change, []).append(name)
            continue
        if step.renamed:
            groups.setdefault("renamed", []).append(f"{html_text(step.old_name)} → {name}")
        if step.moved:
            groups.setdefault("moved", []).append(
                f"{name} ({html_text(step.old_stage)} → {html_text(step.stage)})"
            )
        if step.fields:
            keys = ", ".join(html_text(f.field) for f in step.fields)
            groups.setdefault("changed", []).append(f"{name} ({keys})")
    phrases = {
        "added": t.steps_added,
        "removed": t.steps_removed,
        "renamed": t.steps_renamed,
        "moved": t.steps_moved,
        "changed": t.steps_changed,
    }
    for kind, phrase in phrases.items():
        if kind in groups:
            parts.append(f"{html_text(phrase)}: {', '.join(groups[kind])}")
    parts += [
        f"{html_text(t.milestone.lower())} {html_text(m.name)} {_word(t, m.change)}"
        f"{_fields_text(m.fields)}"
        for m in moved.milestones
    ]
    impact = [
        f"{_entity(context, link, 'department', d.department, d.name)} {_impact(t, d)}"
        for d in change.diff.departments
    ]
    if impact:
        parts.append(f"{html_text(t.departments.lower())}: {', '.join(impact)}")
    journey = context.graph.journeys.get(moved.journey)
    measured = set(context.graph.journey_metrics(journey)) if journey else set()
    parts += _metric_parts(context, link, change, measured)
    return "; ".join(parts)


def _impact(t: Labels, department: DepartmentImpact) -> str:
    """`+1/−0`, `1 changed`, or both: what a change did to a department's steps."""
    counts = []
    if department.added or department.removed:
        counts.append(f"+{len(department.added)}/−{len(department.removed)}")
    if department.changed:
        counts.append(f"{len(department.changed)} {_word(t, 'changed')}")
    if department.gained_ownership or department.lost_ownership:
        owner = f"{html_text(t.owner_mark)} +{len(department.gained_ownership)}"
        counts.append(f"{owner}/−{len(department.lost_ownership)}")
    return ", ".join(counts)


def _metric_parts(
    context: Context, link: HtmlLinker, change: Change, only: set[str] | None = None
) -> list[str]:
    """The metric targets a change moved (of the metrics in `only`, when given)."""
    t = context.labels
    return [
        f"{html_text(t.metric.lower())} {_entity(context, link, 'metric', m.metric, m.name)}: "
        f"{html_text(t.target.lower())} {html_text(m.target_before)} → "
        f"{html_text(m.target_after)}"
        for m in change.diff.metrics
        if m.target_before != m.target_after and (only is None or m.metric in only)
    ]
