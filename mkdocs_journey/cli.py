"""The `mkdocs-journey` command line: thin commands over the loader, validator, pages
and diff. Exit codes: 0 clean, 1 problems, 2 usage error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    from .lint import RULES

    parser = argparse.ArgumentParser(
        prog="mkdocs-journey", description="Customer journeys as code."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate and lint the journeys")
    check.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="an mkdocs.yml or a journeys folder (default: ./mkdocs.yml)",
    )
    check.add_argument(
        "--format", choices=("text", "github", "json"), default="text", help="output format"
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--disable", action="append", default=[], metavar="RULE", choices=sorted(RULES),
        help="switch a lint rule off (repeatable)",
    )  # fmt: skip
    diff = commands.add_parser("diff", help="what changed between two revisions or folders")
    diff.add_argument(
        "base", help="a Git revision, a journeys folder, or a project folder (with mkdocs.yml)"
    )
    diff.add_argument("head", nargs="?", help="the same kinds as BASE (default: the working tree)")
    diff.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="output format"
    )
    diff.add_argument(
        "--config", type=Path, help="an mkdocs.yml or a journeys folder (default: ./mkdocs.yml)"
    )
    commands.add_parser("schema", help="print the JSON Schema of a journeys file")
    render = commands.add_parser("render", help="write a complete docs folder without the plugin")
    render.add_argument("out", type=Path, help="the folder to write")
    render.add_argument(
        "--config", type=Path, help="the mkdocs.yml to read (default: ./mkdocs.yml)"
    )
    render.add_argument("--force", action="store_true", help="replace OUT if it is not empty")
    render.add_argument(
        "--config-out",
        type=Path,
        help="also write a configuration that builds OUT without the plugin (in a folder "
        "holding OUT), for Zensical, ProperDocs or MkDocs",
    )
    render.add_argument(
        "--watch",
        action="store_true",
        help="then render again whenever a journey, metric data file or page changes",
    )
    return parser


def _say(text: str) -> None:
    """Print at once (a watch loop talks while it runs)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; the return value is the exit code."""
    from .project import UsageError, default_path, settings_for

    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.command == "schema":
            from .commands import schema

            output, code = schema.run(), 0
        elif args.command == "check":
            from .commands import check

            settings = settings_for(args.path or default_path())
            output, code = check.run(settings, args.format, args.strict, args.disable)
        elif args.command == "diff":
            from .commands import diff

            settings = settings_for(args.config or default_path())
            output, code = diff.run(settings, args.base, args.head, args.format)
        else:
            from .commands import render

            settings = settings_for(args.config or Path("mkdocs.yml"))
            if args.watch:
                from .commands.watch import watch

                return watch(settings, args.out, args.force, args.config_out, _say)
            output, code = render.run(settings, args.out, args.force, args.config_out)
    except UsageError as error:
        print(f"mkdocs-journey: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(output)
    return code


if __name__ == "__main__":
    sys.exit(main())
