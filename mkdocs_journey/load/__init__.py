"""Files -> model: reading the journeys folder (or a Git revision) into one Handbook.

`source` checks and parses one file's text, `reader` turns its node tree into model
records, `loader` reads every file of a folder at most once per change."""

from .loader import (
    CATALOGUES,
    YAML_SUFFIXES,
    FileResult,
    Loader,
    SourceFile,
    journey_files,
    read_file_bytes,
    relative_name,
)

__all__ = [
    "CATALOGUES",
    "YAML_SUFFIXES",
    "FileResult",
    "Loader",
    "SourceFile",
    "journey_files",
    "read_file_bytes",
    "relative_name",
]
