"""Journeys as they are in a folder or at a Git revision (read with git itself, without
touching the working tree)."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

from .load import YAML_SUFFIXES, SourceFile, journey_files, relative_name
from .project import UsageError


def _git(repo: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise UsageError("git is not installed") from error
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise UsageError(message[-1] if message else f"git {' '.join(args)} failed")
    return result.stdout


def _blob(repo: Path, obj: str) -> bytes:
    return _git(repo, "cat-file", "blob", obj)


def repository_root(folder: Path) -> Path:
    """The top of the Git repository holding `folder`."""
    start = folder if folder.is_dir() else folder.parent
    while not start.exists():
        start = start.parent
    return Path(_git(start, "rev-parse", "--show-toplevel").decode().strip())


def folder_sources(folder: Path, root: Path) -> list[SourceFile]:
    """The journeys files of a folder, named relative to `root` when inside it."""
    if not folder.is_dir():
        raise UsageError(f"no journeys folder at {folder}")
    sources = []
    for file in journey_files(folder):
        name = relative_name(file, root)
        sources.append(SourceFile(name, file.stat().st_size, file.read_bytes))
    return sources


def revision_sources(
    repo: Path, revision: str, journeys: str, suffixes: tuple[str, ...] = YAML_SUFFIXES
) -> list[SourceFile]:
    """The journeys files at a revision; `journeys` is the folder relative to `repo`
    (with `suffixes`, the files of another folder: the metrics data files)."""
    try:
        _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except UsageError as error:
        raise UsageError(
            f"unknown revision '{revision}' (in a shallow clone, fetch it first: "
            "git fetch --unshallow, or actions/checkout with fetch-depth: 0)"
        ) from error
    listing = _git(repo, "ls-tree", "-r", "-l", "-z", revision, "--", f"{journeys.rstrip('/')}/")
    sources = []
    for entry in sorted(filter(None, listing.split(b"\0")), key=lambda e: e.split(b"\t", 1)[1]):
        meta, path = entry.split(b"\t", 1)
        _, kind, obj, size = meta.split()
        name = path.decode()
        hidden = any(part.startswith(".") for part in name[len(journeys) :].split("/"))
        if kind != b"blob" or not name.lower().endswith(suffixes) or hidden:
            continue
        sources.append(SourceFile(name, int(size), functools.partial(_blob, repo, obj.decode())))
    return sources
