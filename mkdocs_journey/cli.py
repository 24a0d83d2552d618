"""The `mkdocs-journey` command line: thin commands over the loader and validator."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .loader import Loader
from .validate import check_references


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; the return value is the exit code (0 clean, 1 problems, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="mkdocs-journey", description="Customer journeys as code."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the journeys")
    check.add_argument("path", nargs="?", default="journeys", help="the journeys folder")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    folder = Path(args.path)
    handbook, diagnostics = Loader().load(folder, Path.cwd())
    if not diagnostics.errors:
        diagnostics.extend(check_references(handbook))
    for diagnostic in diagnostics.sorted():
        print(diagnostic)
    return 1 if diagnostics.errors else 0


if __name__ == "__main__":
    sys.exit(main())
