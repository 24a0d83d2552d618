"""Where a command finds the journeys and the plugin options: an mkdocs.yml (its
`journey` plugin settings) or a journeys folder with default settings.

MkDocs is imported only to read an mkdocs.yml: `check journeys` in a pre-commit hook
starts without it. The options are read as the `JourneyConfig` MkDocs validated; the
plugin class itself is never imported here."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .metrics import Freshness, reference_date

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class UsageError(Exception):
    """A command was called with something it cannot use (exit code 2)."""


@dataclass
class Settings:
    """What the commands need to know about a handbook project."""

    journeys_dir: Path
    disabled_rules: list[str] = field(default_factory=list)
    language: str | None = None
    config: MkDocsConfig | None = None
    mermaid_js: Path | None = None
    map_max_steps: int = 40
    metrics_dir: Path | None = None
    """None when the command was given a journeys folder: no data is read, and the
    rules about data stay silent."""
    metrics_max_age: int = 45
    review_every: int = 180
    nav_detail: str = "auto"
    history: int = 10

    def freshness(self, environ: Mapping[str, str]) -> Freshness:
        """What the dated rules compare with: the reference date of `environ`."""
        return Freshness(reference_date(environ), self.metrics_max_age, self.review_every)


def default_path() -> Path:
    """./mkdocs.yml, else ./journeys: what a command reads when given no path."""
    config = Path("mkdocs.yml")
    if config.is_file() or not Path("journeys").is_dir():
        return config
    return Path("journeys")


def settings_for(path: Path) -> Settings:
    """Settings from an mkdocs.yml, or defaults for a journeys folder."""
    if path.is_dir():
        return Settings(journeys_dir=path)
    if not path.is_file():
        raise UsageError(f"no such file or folder: {path}")
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from .config import JourneyConfig

    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # MkDocs' own notices would clutter the report
    try:
        config = load_config(str(path))
    except (ConfigurationError, Abort) as error:
        raise UsageError(f"{path}: {error}") from error
    finally:
        logger.setLevel(level)
    root = path.resolve().parent
    options = getattr(config.plugins.get("journey"), "config", None)
    if not isinstance(options, JourneyConfig):
        return Settings(journeys_dir=root / "journeys", config=config, metrics_dir=root / "metrics")
    language = options.language or config.theme.get("language")
    return Settings(
        journeys_dir=root / options.journeys_dir,
        disabled_rules=list(options.disabled_rules),
        language=language,
        config=config,
        mermaid_js=root / options.mermaid_js if options.mermaid_js else None,
        map_max_steps=options.map_max_steps,
        metrics_dir=root / options.metrics_dir,
        metrics_max_age=options.metrics_max_age,
        review_every=options.review_every,
        nav_detail=options.nav_detail,
        history=options.history,
    )
