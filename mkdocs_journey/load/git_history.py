"""The handbook's history as Git has it: the commits that touched the journeys or the
metric data, oldest first, each with the files it changed, and the files' contents.

Two `git` processes do all the reading: `git log` streams every commit with its changed
files (blob ids included), and one `git cat-file --batch` streams the blobs. A blob is
read once and kept by its id (`BlobStore`), so that `mkdocs serve` reads only the new
ones on a rebuild. Merges are compared with their first parent: the history is the
sequence of states of the current branch. A build starts three processes: `rev-parse`
(the repository and whether the clone is shallow), `log` and `cat-file`. Nothing here
raises for a missing Git or a folder outside a repository: `read_history` says what is
missing instead."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

NO_BLOB = "0" * 40
_RECORD, _FIELD = "\x1e", "\x1f"
_FORMAT = f"--format={_RECORD}%H{_FIELD}%P{_FIELD}%an{_FIELD}%at{_FIELD}%s{_FIELD}"


@dataclass(frozen=True, slots=True)
class FileChange:
    """A file a commit added, changed or removed: its path in the repository, and its
    blob before and after (None when absent)."""

    path: str
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit that changed the handbook's files."""

    hash: str
    author: str
    """The author's name (never the e-mail address)."""
    timestamp: int
    """Author date, seconds since 1970."""
    subject: str
    merge: bool
    files: tuple[FileChange, ...]


@dataclass(frozen=True, slots=True)
class History:
    """The commits of the handbook's folders, oldest first, or why there are none."""

    commits: tuple[Commit, ...] = ()
    repository: Path | None = None
    missing: str = ""
    """Why history is unavailable, as a reason code: `no-git`, `no-repository`,
    `no-commit` (or `no-folder`, `log-failed`); empty when it is available."""
    shallow: bool = False
    """A shallow clone: the oldest commit is where the available history starts, not
    where the handbook did."""


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """A git command's output, or None when it fails (or Git is missing)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(cwd), *args], input=stdin, capture_output=True, check=False
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def read_history(folders: Iterable[Path]) -> History:
    """The first-parent history of the commits that touched `folders` (the journeys and
    metrics folders), in the repository that holds the first of them."""
    folders = [folder.resolve() for folder in folders]
    start = next((f for f in folders if f.is_dir()), None)
    if start is None:
        return History(missing="no-folder")
    if shutil.which("git") is None:
        return History(missing="no-git")
    found = _git(start, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if found is None:
        return History(missing="no-repository")
    top, shallow_flag = found.decode().strip().splitlines()
    repository, shallow = Path(top), shallow_flag == "true"
    paths = [f.relative_to(repository).as_posix() for f in folders if f.is_relative_to(repository)]
    output = _git(
        repository, "log", "--first-parent", "--reverse", "--raw", "-z", "--no-renames",
        "--no-abbrev", "--no-color", _FORMAT, "--", *(paths or ["."]),
    )  # fmt: skip
    if output is None:  # a repository without a commit, or a log git could not read
        head = _git(repository, "rev-parse", "--verify", "--quiet", "HEAD")
        return History(repository=repository, missing="log-failed" if head else "no-commit")
    return History(_parse_log(output.decode("utf-8", "replace")), repository, "", shallow)


def _parse_log(output: str) -> tuple[Commit, ...]:
    commits = []
    for record in output.split(_RECORD)[1:]:
        header, _, raw = record.partition(_FIELD + "\x00")
        hash_, parents, author, timestamp, subject = header.split(_FIELD, 4)
        tokens = raw.lstrip("\n").split("\x00")
        files = []
        for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
            parts = meta.split()
            if len(parts) < 5 or not meta.startswith(":"):
                continue
            before, after = parts[2], parts[3]
            files.append(
                FileChange(
                    path, None if before == NO_BLOB else before, None if after == NO_BLOB else after
                )
            )
        commits.append(
            Commit(hash_, author, int(timestamp), subject, len(parents.split()) > 1, tuple(files))
        )
    return tuple(commits)


@dataclass
class BlobStore:
    """File contents by blob id, read from one `git cat-file --batch` per call and kept:
    a blob never changes, so `mkdocs serve` reads only new ones."""

    blobs: dict[str, bytes] = field(default_factory=dict)

    def fetch(self, repository: Path, wanted: Iterable[str]) -> None:
        """Read every blob of `wanted` that is not kept yet."""
        missing = sorted({blob for blob in wanted if blob not in self.blobs})
        if not missing:
            return
        request = "".join(f"{blob}\n" for blob in missing).encode()
        output = _git(repository, "cat-file", "--batch", stdin=request)
        if output is None:
            return
        position = 0
        for blob in missing:
            end = output.index(b"\n", position)
            header = output[position:end].split()
            if len(header) < 3 or header[1] == b"missing":
                position = end + 1
                continue
            size = int(header[2])
            self.blobs[blob] = output[end + 1 : end + 1 + size]
            position = end + 1 + size + 1
