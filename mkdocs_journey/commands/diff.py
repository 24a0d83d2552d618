"""`mkdocs-journey diff BASE [HEAD]`: what a change does to the journeys and to each
department, as Markdown for a pull-request comment or as JSON."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..analysis import validate_sources
from ..diagnostics import Diagnostic
from ..diff import HandbookDiff, JourneyChange, StepChange, compare
from ..graph import HandbookGraph
from ..load import Loader, SourceFile
from ..load.metric_data import DATA_SUFFIXES, data_files
from ..project import Settings, UsageError, settings_for
from ..render.mermaid import Flowchart
from ..revisions import folder_sources, repository_root, revision_sources
from ..text import comment_md, md, md_table
from .check import diagnostic_record

MAX_FIELD = 80
_BACKTICKS = re.compile("`+")


def load_side(
    settings: Settings, spec: str | None
) -> tuple[HandbookGraph | None, list[Diagnostic]]:
    """The handbook at a revision, in a folder, or (None) in the working tree, with the
    metric data beside it when the project says where that is. A folder holding an
    mkdocs.yml is a project (its journeys and metrics folders are read from it); any
    other folder is a journeys folder, without data."""
    folder, metrics = settings.journeys_dir, settings.metrics_dir
    data: list[SourceFile] | None = None
    if spec is not None and Path(spec).is_dir():
        config = Path(spec) / "mkdocs.yml"
        if config.is_file():
            side = settings_for(config)
            sources = folder_sources(side.journeys_dir, Path.cwd())
            data = data_files(side.metrics_dir, Path.cwd()) if side.metrics_dir else None
        else:
            sources = folder_sources(Path(spec), Path.cwd())
    elif spec is None:
        sources = folder_sources(folder, Path.cwd())
        data = data_files(metrics, Path.cwd()) if metrics is not None else None
    else:
        repo = repository_root(folder)
        sources = revision_sources(repo, spec, _inside(folder, repo))
        if metrics is not None and metrics.resolve().is_relative_to(repo.resolve()):
            data = revision_sources(repo, spec, _inside(metrics, repo), DATA_SUFFIXES)
    return _validated(sources, data)


def _inside(folder: Path, repo: Path) -> str:
    """A folder's path relative to the repository, as Git names it."""
    try:
        return folder.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError as error:
        raise UsageError(f"{folder} is not inside the Git repository {repo}") from error


def _validated(
    sources: list[SourceFile], data: list[SourceFile] | None
) -> tuple[HandbookGraph | None, list[Diagnostic]]:
    """The handbook of one side and its errors; no lint: warnings say nothing of a change."""
    graph, diagnostics = validate_sources(Loader(), sources, data)
    return graph, sorted(diagnostics.errors, key=lambda d: d.sort_key)


def run(settings: Settings, base: str, head: str | None, output_format: str) -> tuple[str, int]:
    """The report and the exit code (1 when a side has errors: the report then holds
    them instead of the changes)."""
    old, old_errors = load_side(settings, base)
    new, new_errors = load_side(settings, head)
    if old is None or new is None:
        sides = {"base": (base, old_errors), "head": (head or "the working tree", new_errors)}
        if output_format == "json":
            records = {
                side: [diagnostic_record(d) for d in errors] for side, (_, errors) in sides.items()
            }
            return json.dumps({"errors": records}, indent=2, ensure_ascii=False) + "\n", 1
        return "\n".join(error_report(sides)) + "\n", 1
    changes = compare(old, new)
    if output_format == "json":
        return json.dumps(dataclasses.asdict(changes), indent=2, ensure_ascii=False) + "\n", 0
    return "\n".join(markdown_report(changes, old, new)) + "\n", 0


def error_report(sides: dict[str, tuple[str, list[Diagnostic]]]) -> Iterator[str]:
    """The report when a side does not load: its errors, as `check` prints them, in a
    code block (where GitHub links no mention and renders nothing)."""
    count = sum(len(errors) for _, errors in sides.values())
    yield "## Journey changes"
    yield ""
    yield (
        f"**The journeys do not load**: {count} error{'s' if count != 1 else ''}, "
        "so nothing was compared. Fix them and push again; "
        "`mkdocs-journey check` shows them with the warnings."
    )
    yield ""
    for side, (revision, errors) in sides.items():
        if not errors:
            continue
        lines = [str(d) for d in errors]
        fence = "`" * max(
            [3, *(len(run) + 1 for line in lines for run in _BACKTICKS.findall(line))]
        )
        yield f"**Errors in {side} ({comment_md(revision)}):**"
        yield ""
        yield f"{fence}text"
        yield from lines
        yield fence
        yield ""


def _count(changes: HandbookDiff, change: str) -> int:
    return sum(1 for j in changes.journeys for s in j.steps if s.change == change)


def summary(changes: HandbookDiff) -> str:
    """The one-line summary at the top of the report."""
    if changes.empty:
        return "**No change to the journeys.**"
    if not changes.journeys:
        counts = [
            f"{count} {noun}{'s' if count != 1 else ''}"
            for count, noun in (
                (len(changes.catalogue), "catalogue change"),
                (len(changes.metrics), "metric change"),
            )
            if count
        ]
        return f"**No journey changed**; {', '.join(counts)}."
    steps = [s for j in changes.journeys for s in j.steps]
    parts = [
        f"{len(changes.journeys)} journey{'s' if len(changes.journeys) != 1 else ''} changed",
        ", ".join(
            f"{n} {word}"
            for n, word in (
                (_count(changes, "added"), "added"),
                (_count(changes, "removed"), "removed"),
                (sum(1 for s in steps if s.renamed), "renamed"),
                (sum(1 for s in steps if s.moved), "moved"),
                (sum(1 for s in steps if s.change == "changed" and s.fields), "changed"),
            )
            if n
        ),
    ]
    text = f"**{parts[0]}**" + (f": steps {parts[1]}" if parts[1] else "")
    milestones = sum(len(j.milestones) for j in changes.journeys)
    for count, one, many in (
        (milestones, "milestone change", "milestone changes"),
        (len(changes.catalogue), "catalogue change", "catalogue changes"),
        (len(changes.metrics), "metric change", "metric changes"),
        (len(changes.departments), "department affected", "departments affected"),
    ):
        if count:
            text += f"; {count} {one if count == 1 else many}"
    return text + "."


def _short(text: str) -> str:
    return comment_md(text if len(text) <= MAX_FIELD else text[: MAX_FIELD - 1] + "…")


def _what(step: StepChange) -> str:
    if step.change != "changed":
        return f"**{step.change}**"
    parts = []
    if step.renamed:
        parts.append(f"renamed from “{comment_md(step.old_name)}”")
    if step.moved:
        parts.append(f"moved from stage `{step.old_stage}` to `{step.stage}`")
    parts += [f"{f.field}: {_short(f.old)} → {_short(f.new)}" for f in step.fields]
    return "; ".join(parts)


def markdown_report(changes: HandbookDiff, old: HandbookGraph, new: HandbookGraph) -> Iterator[str]:
    """The report as Markdown lines."""
    yield "## Journey changes"
    yield ""
    yield summary(changes)
    yield ""
    for journey in changes.journeys:
        yield from _journey_section(journey, old, new)
    if changes.catalogue:
        yield "### Catalogue"
        yield ""
        rows = [
            [
                c.kind,
                f"`{c.id}`",
                comment_md(c.name),
                c.change
                + "".join(f"; {f.field}: {_short(f.old)} → {_short(f.new)}" for f in c.fields),
            ]
            for c in changes.catalogue
        ]
        yield from md_table(["Kind", "Id", "Name", "Change"], rows)
        yield ""
    if changes.metrics:
        yield from _metrics_section(changes)
    if changes.departments:
        yield from _departments_section(changes)


_STATUS_WORDS = {"on": "on target", "off": "off target", "no-data": "no data"}
_STATUS_WORDS["no-target"] = "no target"


def _cell(text: str) -> str:
    """Text for a table cell: a leading number is no list there, so it stays a digit."""
    escaped = comment_md(text)
    reference = f"&#{ord(text[0])};" if text else ""
    if text[:1].isdigit() and escaped.startswith(reference):
        return text[0] + escaped[len(reference) :]
    return escaped


def _moved(before: str, after: str, words: dict[str, str] | None = None) -> str:
    """`old → new`, or the value when it did not change."""
    shown = [_cell((words or {}).get(value, value)) for value in (before, after)]
    return shown[1] if before == after else f"{shown[0]} → {shown[1]}"


def _metrics_section(changes: HandbookDiff) -> Iterator[str]:
    yield "### Metrics"
    yield ""
    rows = [
        [
            f"`{m.metric}`",
            comment_md(m.name) + ("" if m.change == "changed" else f" ({m.change})"),
            _moved(m.target_before, m.target_after),
            _moved(m.latest_before, m.latest_after),
            ("**status flipped**: " if m.status_flipped else "")
            + _moved(m.status_before, m.status_after, _STATUS_WORDS),
        ]
        for m in changes.metrics
    ]
    yield from md_table(["Metric", "Name", "Target", "Latest value", "Status"], rows)
    yield ""


def _journey_section(
    journey: JourneyChange, old: HandbookGraph, new: HandbookGraph
) -> Iterator[str]:
    yield f"### {comment_md(journey.name)} (`{journey.journey}`): {journey.change}"
    yield ""
    for f in journey.fields:
        yield f"- {f.field}: {_short(f.old)} → {_short(f.new)}"
    for stage in journey.stages:
        details = "".join(f"; {f.field}: {_short(f.old)} → {_short(f.new)}" for f in stage.fields)
        yield f"- stage `{stage.stage}` ({comment_md(stage.name)}): {stage.change}{details}"
    if journey.fields or journey.stages:
        yield ""
    if journey.steps:
        rows = [
            [f"`{s.step}`", comment_md(s.name), f"`{s.stage}`", _what(s)] for s in journey.steps
        ]
        yield from md_table(["Step", "Name", "Stage", "Change"], rows)
        yield ""
    if journey.milestones:
        yield "**Milestones**"
        yield ""
        for m in journey.milestones:
            details = "".join(f"; {f.field}: {_short(f.old)} → {_short(f.new)}" for f in m.fields)
            yield f"- `{m.milestone}` ({comment_md(m.name)}, step `{m.step}`): {m.change}{details}"
        yield ""
    yield from _stage_diagrams(journey, old, new)


def _stage_diagrams(
    journey: JourneyChange, old: HandbookGraph, new: HandbookGraph
) -> Iterator[str]:
    if journey.journey not in new.journeys:
        return
    kinds = {
        s.step: ("added" if s.change == "added" else "changed")
        for s in journey.steps
        if s.change != "removed"
    }
    removed: dict[str, list[StepChange]] = {}
    for step in journey.steps:
        if step.change == "removed":
            removed.setdefault(step.stage, []).append(step)
    current = new.journeys[journey.journey]
    for number, stage in enumerate(current.stages, start=1):
        places = new.stage_places(current, number)
        if not any(p.step.id in kinds for p in places) and stage.id not in removed:
            continue
        chart = Flowchart(
            f"Changes in {stage.name}", "Added steps green, changed amber, removed red."
        )
        ids = {p.key: chart.node(p.step.name, css=kinds.get(p.step.id, "")) for p in places}
        for place in places:
            for target in new.next[place.key]:
                if target.key in ids:
                    chart.edge(ids[place.key], ids[target.key])
        for step in removed.get(stage.id, []):
            chart.node(f"removed: {step.name}", css="removed")
        if not chart.fits():
            continue
        yield f"<details><summary>Diagram of stage {comment_md(stage.name)}</summary>"
        yield ""
        yield from chart.render()
        yield "</details>"
        yield ""


def _departments_section(changes: HandbookDiff) -> Iterator[str]:
    yield "### Departments affected"
    yield ""
    rows = []
    for d in changes.departments:
        steps = f"+{len(d.added)} / −{len(d.removed)}" + (
            f" · {len(d.changed)} changed" if d.changed else ""
        )
        owner = f"+{len(d.gained_ownership)} / −{len(d.lost_ownership)}"
        rows.append([comment_md(d.name), steps, owner, _handles(d.reviewers) or "—"])
    yield from md_table(
        ["Department", "Steps (+added / −removed)", "Owner of (+/−)", "Reviewers"], rows
    )
    yield ""
    reviewers = sorted({r for d in changes.departments for r in d.reviewers})
    if reviewers:
        yield f"**Reviewers to request:** {_handles(reviewers)}"
        yield ""


def _handles(reviewers: Iterable[str]) -> str:
    """Review handles, meant to mention: escaped for Markdown, but `@` kept as it is."""
    return " ".join(md(reviewer).replace("&#64;", "@") for reviewer in reviewers)
