"""What each commit did to the handbook, in the `diff` command's terms.

The commits of `load.git_history` are replayed oldest first: each state of the journeys
and metrics folders is loaded (a file version is parsed once, by the loader's cache)
and compared with the last state that loaded. A commit whose files do not load is kept
with its errors and changes nothing; the next commit is compared with the last good
state. Pages read the result newest first."""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Pos
from .diff import HandbookDiff, JourneyChange, compare
from .graph import HandbookGraph
from .load import Loader, SourceFile
from .load.git_history import BlobStore, Commit, History
from .load.loader import YAML_SUFFIXES
from .load.metric_data import DATA_SUFFIXES, read_readings
from .metrics import Readings
from .model import Handbook, Journey
from .validate import check_references, step_ids

UNCOMMITTED = "uncommitted"
"""The `data-commit` of the changes of the working tree not committed yet."""


@dataclass(frozen=True, slots=True)
class Change:
    """One commit (or the uncommitted edits) and what it did to the handbook."""

    commit: str
    """The full hash, or `UNCOMMITTED`."""
    author: str
    date: str
    """The author date, `YYYY-MM-DD` (UTC); empty for uncommitted edits."""
    subject: str
    diff: HandbookDiff
    errors: tuple[str, ...] = ()
    """The diagnostics of a commit whose files do not load (its diff is then empty)."""

    @property
    def short(self) -> str:
        """The abbreviated hash, as Git shows it."""
        return self.commit[:7] if self.commit != UNCOMMITTED else self.commit

    def journey(self, journey_id: str) -> JourneyChange | None:
        """What the change did to one journey, if anything."""
        return next((j for j in self.diff.journeys if j.journey == journey_id), None)


@dataclass(frozen=True)
class HandbookHistory:
    """The changes of the handbook, newest first, and the dates pages show."""

    changes: tuple[Change, ...] = ()
    missing: str = ""
    """Why there is no history, as `git_history.History.missing`'s reason code."""
    shallow: bool = False
    journey_dates: dict[str, str] = field(default_factory=dict)
    """Journey id -> the date of the last commit that changed it."""
    stage_dates: dict[tuple[str, str], str] = field(default_factory=dict)
    """(journey id, stage id) -> the date of the last commit that changed the stage."""

    def of_journey(self, journey_id: str) -> list[tuple[Change, JourneyChange]]:
        """The changes to one journey, newest first."""
        found = []
        for change in self.changes:
            journey = change.journey(journey_id)
            if journey is not None:
                found.append((change, journey))
        return found


def _date(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).date().isoformat()


def _sources(
    state: dict[str, str], store: BlobStore, folder: str, suffixes: tuple[str, ...]
) -> list[SourceFile]:
    """The files of one folder (repository-relative, `folder/`) in a state, sorted, each
    named by its blob id (the loader's cache key: a version is parsed once)."""
    prefix = folder.rstrip("/") + "/" if folder not in ("", ".") else ""
    found = []
    for path in sorted(state):
        inside = path[len(prefix) :] if path.startswith(prefix) else None
        if inside is None or not path.lower().endswith(suffixes):
            continue
        if any(part.startswith(".") for part in inside.split("/")):
            continue
        data = store.blobs.get(state[path], b"")
        found.append(SourceFile(path, len(data), functools.partial(bytes, data), state[path]))
    return found


@dataclass
class _Replay:
    """The last state that loaded, and what is needed to check the next one quickly:
    only the journeys of the files a commit changed are checked and compared, unless
    the catalogue changed."""

    loader: Loader
    handbook: Handbook | None = None
    readings: dict[tuple[tuple[str, str], ...], tuple[Readings, tuple[str, ...]]] = field(
        default_factory=dict
    )
    steps: dict[int, tuple[Journey, dict[str, Pos]]] = field(default_factory=dict)
    last_readings: Readings | None = None
    """The metric data of the last state that loaded."""
    graphs: dict[tuple[str, ...], tuple[HandbookGraph, Readings | None]] = field(
        default_factory=dict
    )
    """The last graph made of each set of journeys (see `graph_of`)."""

    def step_ids(self, journey: Journey) -> dict[str, Pos]:
        """A journey's step ids, read once per version of the journey."""
        found = self.steps.get(id(journey))
        if found is None or found[0] is not journey:
            found = self.steps[id(journey)] = (journey, step_ids(journey))
        return found[1]

    def readings_of(
        self, data: list[SourceFile] | None, handbook: Handbook
    ) -> tuple[Readings | None, tuple[str, ...]]:
        """The metric data of a state, read once per set of file versions."""
        if data is None:
            return None, ()
        key = tuple((f.path, f.version) for f in data) + tuple((m.id, "") for m in handbook.metrics)
        found = self.readings.get(key)
        if found is None:
            readings, problems = read_readings(data, {m.id for m in handbook.metrics})
            found = self.readings[key] = (readings, tuple(str(d) for d in problems.sorted()))
        return found

    def checked(
        self, sources: list[SourceFile], touched: set[str], exact: bool
    ) -> tuple[Handbook, list[str], set[str] | None]:
        """A state loaded and checked: its handbook, its errors, and the journeys to
        compare (None: all of them, as the catalogue changed). `exact`: every position
        as written (a version read from the last one is then parsed in full)."""
        handbook, diagnostics = self.loader.load_sources(sources, exact)
        errors = [str(d) for d in diagnostics.sorted() if d in diagnostics.errors]
        previous = self.handbook
        changed: set[str] | None = None
        if previous is not None and _same_catalogue(previous, handbook):
            journeys = (*handbook.journeys, *previous.journeys)
            changed = {j.id for j in journeys if j.pos.path in touched}
        if not errors:
            problems = check_references(handbook, changed, self.step_ids)
            errors += [str(d) for d in problems.sorted()]
        return handbook, errors, changed

    def step(
        self,
        sources: list[SourceFile],
        data: list[SourceFile] | None,
        touched: set[str],
        base: bool,
    ) -> tuple[HandbookDiff, tuple[str, ...]]:
        """Load the next state: its difference from the last good one (for the first,
        from an empty handbook, unless it is only the `base` of a shallow history), or
        its errors. `touched`: the paths the commit changed."""
        handbook, errors, changed = self.checked(sources, touched, exact=False)
        if errors:  # said with the positions of the versions as written
            handbook, errors, changed = self.checked(sources, touched, exact=True)
        previous = self.handbook
        journeys = (*handbook.journeys, *(previous.journeys if previous else ()))
        readings, data_errors = self.readings_of(data, handbook)
        errors += data_errors
        if errors:
            return HandbookDiff(), tuple(errors)
        previous_readings = self.last_readings
        self.handbook, self.last_readings = handbook, readings
        if previous is None:
            first = HandbookDiff() if base else compare(_EMPTY, HandbookGraph(handbook, readings))
            return first, ()
        shown = changed if changed is not None else {j.id for j in journeys}
        old = self.graph_of(_subset(previous, shown), previous_readings)
        new = self.graph_of(_subset(handbook, shown), readings)
        return compare(old, new), ()

    def graph_of(self, handbook: Handbook, readings: Readings | None) -> HandbookGraph:
        """The graph of some journeys of a state: a commit's old side is, most often,
        the new side of the last commit that changed those journeys."""
        key = tuple(j.id for j in handbook.journeys)
        found = self.graphs.get(key)
        if found and found[1] is readings and _same_records(found[0].handbook, handbook):
            return found[0]
        made = HandbookGraph(handbook, readings, partial=True)
        self.graphs[key] = (made, readings)
        return made


def _same_catalogue(old: Handbook, new: Handbook) -> bool:
    """Whether the catalogue records are the very same (read from the same files)."""
    return all(
        len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))
        for a, b in (
            (old.departments, new.departments),
            (old.touchpoints, new.touchpoints),
            (old.personas, new.personas),
            (old.phases, new.phases),
            (old.metrics, new.metrics),
        )
    )


def _same_records(old: Handbook, new: Handbook) -> bool:
    """Whether two handbooks hold the very same records, journeys too."""
    return (
        _same_catalogue(old, new)
        and len(old.journeys) == len(new.journeys)
        and all(x is y for x, y in zip(old.journeys, new.journeys, strict=True))
    )


def _subset(handbook: Handbook, journeys: set[str]) -> Handbook:
    return dataclasses.replace(
        handbook, journeys=tuple(j for j in handbook.journeys if j.id in journeys)
    )


def trace(
    history: History,
    store: BlobStore,
    loader: Loader,
    journeys: Path,
    metrics: Path | None,
    current: HandbookGraph | None = None,
) -> HandbookHistory:
    """Replay `history` (the commits of the journeys and metrics folders) into changes.
    With `current` (the working tree's handbook, under `mkdocs serve`), what differs
    from the last commit comes first, as uncommitted."""
    repository = history.repository
    if repository is None or not history.commits:
        return HandbookHistory(missing=history.missing or "no-commit")
    journeys_path = journeys.resolve().relative_to(repository).as_posix()
    metrics_path = None
    if metrics is not None and metrics.resolve().is_relative_to(repository):
        metrics_path = metrics.resolve().relative_to(repository).as_posix()
    store.fetch(repository, (f.after for c in history.commits for f in c.files if f.after))
    _read_newest_first(history, store, loader, journeys_path)
    state: dict[str, str] = {}
    replay = _Replay(loader)
    changes: list[Change] = []
    for index, commit in enumerate(history.commits):
        for change in commit.files:
            if change.after is None:
                state.pop(change.path, None)
            else:
                state[change.path] = change.after
        sources = _sources(state, store, journeys_path, YAML_SUFFIXES)
        data = _sources(state, store, metrics_path, DATA_SUFFIXES) if metrics_path else None
        base = history.shallow and index == 0  # where the available history starts
        difference, errors = replay.step(sources, data, {f.path for f in commit.files}, base)
        if errors or not difference.empty:
            changes.append(_change(commit, difference, errors))
    if current is not None and replay.handbook is not None:
        last = HandbookGraph(replay.handbook, replay.last_readings, partial=True)
        edited = compare(last, current)
        if not edited.empty:
            changes.append(Change(UNCOMMITTED, "", "", "", edited))
    changes.reverse()
    return _dated(tuple(changes), history.shallow)


def _read_newest_first(history: History, store: BlobStore, loader: Loader, folder: str) -> None:
    """Every version of every journeys file, read from the newest back: most versions
    are then read from the next one, which differs in a few steps (`load.splice`),
    and the newest from the working tree's, which is read already."""
    versions: dict[str, list[str]] = {}
    for commit in history.commits:
        for change in commit.files:
            if change.after is not None and change.path.lower().endswith(YAML_SUFFIXES):
                versions.setdefault(change.path, []).append(change.after)
    for path in sorted(versions):
        newest_first = dict.fromkeys(reversed(versions[path]))
        loader.read_each(
            file  # none when the path is not in the journeys folder
            for blob in newest_first
            for file in _sources({path: blob}, store, folder, YAML_SUFFIXES)
        )


_EMPTY = HandbookGraph(Handbook())


def _change(commit: Commit, difference: HandbookDiff, errors: Sequence[str] = ()) -> Change:
    return Change(
        commit.hash, commit.author, _date(commit.timestamp), commit.subject, difference,
        tuple(errors),
    )  # fmt: skip


def _dated(changes: tuple[Change, ...], shallow: bool) -> HandbookHistory:
    """The last-changed date of every journey and stage, from the newest change that
    touched it (uncommitted edits and commits that do not load date nothing)."""
    journeys: dict[str, str] = {}
    stages: dict[tuple[str, str], str] = {}
    for change in changes:
        if not change.date:
            continue
        for journey in change.diff.journeys:
            journeys.setdefault(journey.journey, change.date)
            touched = {s.stage for s in journey.stages}
            touched |= {s.stage for s in journey.steps} | {s.old_stage for s in journey.steps}
            for stage in touched - {""}:
                stages.setdefault((journey.journey, stage), change.date)
    return HandbookHistory(changes, "", shallow, journeys, stages)
