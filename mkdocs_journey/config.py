"""The plugin's options, as written under `plugins: - journey:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from .delivery.nav import NAV_DETAILS
from .i18n import LANGUAGES
from .lint import RULES


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
    mermaid_js = opt.Optional(opt.Type(str))
    """A local Mermaid script (e.g. node_modules/mermaid/dist/mermaid.min.js), relative to
    mkdocs.yml, served with the site so diagrams draw without internet."""
