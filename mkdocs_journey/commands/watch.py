"""`render OUT --watch`: render, then render again whenever a journey file, a metric data
file or a hand-written page changes, rewriting only the files whose content changed (so
that a builder's own `serve`, Zensical's for one, reloads only what changed). An error
is printed as its diagnostic lines and the last good output stays. Ctrl-C ends it.

Files are watched with `watchdog`, which MkDocs itself depends on."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..analysis import paused_gc
from ..project import Settings
from .render import Writer, render_files, run

QUIET = 0.25
"""Seconds without a change before rendering again: an editor's save is several events."""


class _Changed(FileSystemEventHandler):
    """Sets the flag on any change of a watched file (OUT's own files are not watched)."""

    def __init__(self, flag: threading.Event, out: Path) -> None:
        self.flag = flag
        self.out = out.resolve()

    def on_any_event(self, event: FileSystemEvent) -> None:
        path = Path(str(event.src_path)).resolve()
        if event.event_type in ("opened", "closed_no_write") or path.is_relative_to(self.out):
            return
        self.flag.set()


def update(out: Path, files: dict[str, bytes]) -> int:
    """Write the files whose content changed and remove those no longer rendered;
    returns how many files changed."""
    changed = 0
    write = Writer(out)
    for relative, data in files.items():
        target = write.target(relative)
        if target.is_file() and target.read_bytes() == data:
            continue
        target.write_bytes(data)
        changed += 1
    for existing in sorted(out.rglob("*"), reverse=True):
        relative = existing.relative_to(out).as_posix()
        if existing.is_file() and relative not in files:  # the marker is one of `files`
            existing.unlink()
            changed += 1
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return changed


def watch(
    settings: Settings,
    out: Path,
    force: bool,
    config_out: Path | None,
    say: Callable[[str], None],
    stop: threading.Event | None = None,
) -> int:
    """Render, then keep OUT up to date until Ctrl-C (or `stop`); the exit code."""
    text, _ = run(settings, out, force, config_out)
    say(text)
    folders = [settings.journeys_dir]
    if settings.metrics_dir is not None:
        folders.append(settings.metrics_dir)
    if settings.config is not None:
        folders.append(Path(settings.config.docs_dir))
    flag = threading.Event()
    observer = Observer()
    for folder in folders:
        if folder.is_dir():
            observer.schedule(_Changed(flag, out), str(folder), recursive=True)
    observer.start()
    stop = stop or threading.Event()
    say(f"watching {', '.join(str(f) for f in folders if f.is_dir())} (Ctrl-C to stop)\n")
    try:
        while not stop.is_set():
            if not flag.wait(0.2):
                continue
            while flag.is_set():  # wait for the edits to settle
                flag.clear()
                stop.wait(QUIET)
            with paused_gc():
                rendered, errors = render_files(settings)
            if rendered is None:
                say(errors + "the last good output stays\n")
                continue
            changed = update(out, rendered.files)
            notes = "".join(f"{line}\n" for line in rendered.notes)
            say(f"{notes}rendered again: {changed} file{'s' if changed != 1 else ''} changed\n")
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        observer.join()
    return 0
