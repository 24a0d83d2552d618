"""The `mkdocs-journey` command line: thin commands over the loader and validator."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .analysis import analyse
from .lint import RULES
from .loader import Loader


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; the return value is the exit code (0 clean, 1 problems, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="mkdocs-journey", description="Customer journeys as code."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the journeys")
    check.add_argument("path", nargs="?", default="journeys", help="the journeys folder")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        choices=sorted(RULES),
        help="switch a lint rule off (repeatable)",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    _, diagnostics = analyse(Loader(), Path(args.path), Path.cwd(), args.disable)
    for diagnostic in diagnostics.sorted():
        print(diagnostic)
    failed = diagnostics.errors or (args.strict and diagnostics.warnings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
