"""The journeys folder -> one Handbook, reading each file at most once per change."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Diagnostics, Pos, Severity
from ..model import Handbook
from . import source, splice
from .reader import FileReader

YAML_SUFFIXES = (".yml", ".yaml")
CATALOGUES = ("departments", "touchpoints", "personas", "phases", "metrics")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A journeys file to read: how diagnostics name it, its size, and how to read it."""

    path: str
    size: int
    read: Callable[[], bytes]
    version: str = ""
    """An id of the content when the source knows one (a Git blob id), which then
    stands for its digest."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file contributed: its top-level values and its own diagnostics."""

    values: dict[str, Any]
    diagnostics: tuple[Diagnostic, ...]
    exact: bool = True
    """False for a version read from the last one (`load.splice`): its values are
    right, the positions of the steps after the ones it read are the last version's."""


@dataclass
class Loader:
    """Loads handbooks; keeps each file's result keyed by its content, so that under
    `mkdocs serve` only the files that changed are parsed again."""

    cache: dict[str, tuple[str, FileResult]] = field(default_factory=dict)
    parsed: list[str] = field(default_factory=list)
    """Paths parsed by the last load (for tests and benchmarks)."""
    every_version: bool = False
    """Keep every version of a file, not just the last one (for replaying history: a
    file's versions are met again at each rebuild of `mkdocs serve`)."""
    fallback: Loader | None = None
    """Another loader whose file results may be taken when the content is the same
    (replaying history: most files at the last commit are the working tree's)."""
    versions: dict[str, splice.Version | None] = field(default_factory=dict)
    """With `every_version`, each kept version's lines and steps, by cache key."""
    last: dict[str, splice.Version | None] = field(default_factory=dict)
    """With `every_version`, the version of each path read last: the next one is read
    from it when only a few of its steps changed (`load.splice`)."""

    def load(self, folder: Path, root: Path) -> tuple[Handbook, Diagnostics]:
        """Read every YAML file under `folder`; paths in diagnostics are relative to `root`."""
        if not folder.is_dir():
            where = relative_name(folder, root)
            diagnostics = Diagnostics()
            diagnostics.error(
                Pos(where),
                f"journeys folder '{where}' does not exist",
                "create it or set journeys_dir",
            )
            return Handbook(), diagnostics
        return self.load_sources(
            SourceFile(relative_name(file, root), file.stat().st_size, file.read_bytes)
            for file in journey_files(folder)
        )

    def load_sources(
        self, sources: Iterable[SourceFile], exact: bool = False
    ) -> tuple[Handbook, Diagnostics]:
        """Read files from anywhere (a folder, a Git revision), in the order given.
        `exact`: every position as written (a version read from the last one is then
        parsed in full)."""
        diagnostics = Diagnostics()
        self.parsed = []
        collected: dict[str, list[Any]] = {key: [] for key in (*CATALOGUES, "journey")}
        for file in sources:
            result = self._file(file, exact)
            diagnostics.extend(result.diagnostics)
            for key, value in result.values.items():
                if key == "journey":
                    collected[key].append(value)
                else:
                    collected[key].extend(value)
        handbook = Handbook(
            departments=tuple(collected["departments"]),
            touchpoints=tuple(collected["touchpoints"]),
            personas=tuple(collected["personas"]),
            phases=tuple(collected["phases"]),
            metrics=tuple(collected["metrics"]),
            journeys=tuple(collected["journey"]),
        )
        return handbook, diagnostics

    def read_each(self, files: Iterable[SourceFile]) -> None:
        """Read and keep files, in the order given: with `every_version`, the versions
        of a file newest first, so that each is read from the one after it, and the
        newest from the working tree's (`load.splice`)."""
        for file in files:
            self._file(file)

    def _key(self, path: str, digest: str) -> str:
        return f"{path}\x00{digest}" if self.every_version else path

    def _cached(self, path: str, digest: str) -> FileResult | None:
        """The result kept for this version of a file, if any."""
        found = self.cache.get(self._key(path, digest))
        return found[1] if found and found[0] == digest else None

    def _file(self, file: SourceFile, exact: bool = False) -> FileResult:
        path = file.path
        found = self._cached(path, file.version) if file.version else None
        if found is not None and (found.exact or not exact):
            if self.every_version:
                self.last[path] = self.versions.get(self._key(path, file.version))
            return found  # a known version: found without reading the content
        try:
            if file.size > source.MAX_FILE_BYTES:
                return FileResult({}, (source.too_large(path, file.size),))
            data = file.read()
        except OSError as error:
            return FileResult({}, (_unreadable(path, error),))
        content = hashlib.blake2b(data, digest_size=16).hexdigest()
        digest = file.version or content
        if not file.version and (found := self._cached(path, digest)):
            return found
        result = None
        if self.fallback is not None:
            result = self.fallback._cached(path, content)
        made = None
        if result is None and self.every_version and not exact:
            made = self._from_last(path, data)
            result = None if made is None else FileResult(made.values, (), exact=False)
        if result is None:
            self.parsed.append(path)
            result = read_file_bytes(path, data)
        key = self._key(path, digest)
        if self.every_version:
            if made is None and not result.diagnostics and "journey" in result.values:
                made = splice.version(data.decode("utf-8", "replace"), result.values)
            self.versions[key] = self.last[path] = made
        self.cache[key] = (digest, result)
        return result

    def _from_last(self, path: str, data: bytes) -> splice.Version | None:
        """This version read from the last one of its path, when only steps changed."""
        last = self.last.get(path)
        if last is None or data.startswith(b"\xef\xbb\xbf"):
            return None
        problems = Diagnostics()
        text = source.decode(path, data, problems)
        return None if text is None else splice.spliced(path, last, text.text)


def read_file_bytes(path: str, data: bytes) -> FileResult:
    """Check, parse and read one file's bytes into its top-level values."""
    diagnostics = Diagnostics()
    text = source.decode(path, data, diagnostics)
    values: dict[str, Any] = {}
    if text is not None:
        root = source.parse(text, diagnostics)
        if root is not None:
            reader = FileReader(path, diagnostics, len(text.text))
            values = reader.read_file(root)
    return FileResult(values, tuple(dict.fromkeys(diagnostics)))


def journey_files(folder: Path) -> list[Path]:
    """Every YAML file below `folder`, in sorted path order, hidden folders skipped."""
    found = [
        path
        for path in folder.rglob("*")
        if path.suffix in YAML_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def relative_name(path: Path, root: Path) -> str:
    """How diagnostics name a file: relative to `root` when inside it, else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _unreadable(path: str, error: OSError) -> Diagnostic:
    return Diagnostic(Pos(path), Severity.ERROR, f"cannot read file: {error.strerror or error}")
