"""The plugin's options, as written under `plugins: - journey:` in mkdocs.yml."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError

from .delivery.nav import NAV_DETAILS
from .i18n import LANGUAGES
from .lint import RULES


class _Count(opt.Type[int]):
    """A whole number of at least `minimum` (YAML's `true` is no number here)."""

    def __init__(self, default: int, minimum: int = 1) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum:
            raise ValidationError(
                f"expected a whole number of at least {self.minimum}, not {value!r}"
            )
        return value


class JourneyConfig(Config):
    """Options of the `journey` plugin."""

    journeys_dir = opt.Type(str, default="journeys")
    """Folder of the journey YAML files, relative to mkdocs.yml."""
    language = opt.Optional(opt.Choice(tuple(LANGUAGES)))
    """Language of generated labels; default: the theme's language when supported, else English."""
    nav_detail = opt.Choice(NAV_DETAILS, default="auto")
    """How deep the generated nav goes: stages, journeys, indexes, or auto (stages for
    small handbooks, journeys while there are at most 40, else the index pages only)."""
    disabled_rules = opt.ListOfItems(opt.Choice(tuple(RULES)), default=[])
    """Lint rules to switch off, by name (e.g. [step-touchpoint, unused-persona])."""
    map_max_steps = _Count(default=40)
    """Above this many steps a journey's overview maps its stages, one column each, and
    every stage page maps its own steps."""
    metrics_dir = opt.Type(str, default="metrics")
    """Folder of the metric data files (CSV, JSON), relative to mkdocs.yml; a missing
    folder holds no data."""
    metrics_max_age = _Count(default=45)
    """Days after which a metric's newest value is stale (the `metric-stale` warning)."""
    review_every = _Count(default=180)
    """Days from a journey's `reviewed` date to its next review (`review-overdue`)."""
    history = _Count(default=10, minimum=0)
    """Commits shown per journey in its Changes section (0 turns history off)."""
    mermaid_js = opt.Optional(opt.Type(str))
    """A local Mermaid script (e.g. node_modules/mermaid/dist/mermaid.min.js), relative to
    mkdocs.yml, served with the site so diagrams draw without internet."""
