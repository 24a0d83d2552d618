"""The Markdown extensions the generated pages rely on, enabled when missing."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

SUPERFENCES = "pymdownx.superfences"


def mermaid_fence() -> dict[str, Any]:
    """The superfences custom fence that Material turns into a Mermaid diagram."""
    from pymdownx.superfences import fence_code_format

    return {"name": "mermaid", "class": "mermaid", "format": fence_code_format}


def ensure_extensions(config: MkDocsConfig) -> None:
    """Enable tables, attribute lists (step anchors) and Mermaid fences if the user has not."""
    extensions = config.markdown_extensions
    for name in ("tables", "attr_list"):
        if name not in extensions:
            extensions.append(name)
    if SUPERFENCES not in extensions:
        extensions.append(SUPERFENCES)
    settings = config.mdx_configs.setdefault(SUPERFENCES, {})
    fences = settings.setdefault("custom_fences", [])
    if not any(isinstance(f, dict) and f.get("name") == "mermaid" for f in fences):
        fences.append(mermaid_fence())
