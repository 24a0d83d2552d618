"""`render OUT --config-out FILE`: a configuration that builds OUT without the plugin.

The project's `mkdocs.yml` is read as YAML nodes, never constructed, so that every tag
(`!!python/name:`, `!ENV`, a theme's own) is written back as it was. From it the
`journey` plugin is dropped, `docs_dir` points at OUT, the nav placeholders become the
generated pages' paths (with no `nav`, the plugin's automatic nav is spelled out), the
plugin's stylesheet (and local Mermaid) are listed, the Markdown extensions the pages
need are added, the hook that MkDocs and ProperDocs need for the pages' HTML links is
listed (`delivery.rendered_hook`; written beside the file), and the paths that are
relative to the configuration's folder are rewritten for the new file's folder.
Everything else is kept."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..delivery import nav
from ..graph import HandbookGraph
from ..i18n import Labels
from ..paths import LOCAL_MERMAID
from ..project import UsageError
from ..render.style import STYLESHEET

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_FENCE = "tag:yaml.org,2002:python/name:pymdownx.superfences.fence_code_format"
_PATH_KEYS = ("site_dir", "INHERIT")
"""Top-level options holding a path relative to the configuration's folder."""
HOOK = "mkdocs_journey_hook.py"
"""The hook written beside the configuration (see `delivery.rendered_hook`)."""


def _scalar(value: str, tag: str = _STR) -> yaml.ScalarNode:
    return yaml.ScalarNode(tag, value)


def _node(value: Any) -> yaml.Node:
    """A node for plain data: strings, lists and dicts of them."""
    if isinstance(value, dict):
        return yaml.MappingNode(_MAP, [(_scalar(str(k)), _node(v)) for k, v in value.items()])
    if isinstance(value, list):
        return yaml.SequenceNode(_SEQ, [_node(item) for item in value])
    return _scalar(str(value))


def _get(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in mapping.value if getattr(k, "value", None) == key), None)


def _set(mapping: yaml.MappingNode, key: str, value: yaml.Node) -> None:
    for index, (k, _) in enumerate(mapping.value):
        if getattr(k, "value", None) == key:
            mapping.value[index] = (k, value)
            return
    mapping.value.append((_scalar(key), value))


def _name(item: yaml.Node) -> str:
    """The name of one plugin or extension entry (`name` or `{name: options}`)."""
    if isinstance(item, yaml.ScalarNode):
        return str(item.value)
    if isinstance(item, yaml.MappingNode) and item.value:
        return str(getattr(item.value[0][0], "value", ""))
    return ""


def _without_journey(plugins: yaml.Node) -> None:
    if isinstance(plugins, yaml.SequenceNode):
        plugins.value = [item for item in plugins.value if _name(item) != "journey"]
    elif isinstance(plugins, yaml.MappingNode):
        plugins.value = [(k, v) for k, v in plugins.value if getattr(k, "value", "") != "journey"]


def _expanded(node: yaml.Node, parts: dict[str, list[Any]]) -> list[yaml.Node]:
    """A nav item with its placeholders replaced by their items (as nodes)."""
    if isinstance(node, yaml.ScalarNode) and node.value in parts:
        return [_node(item) for item in parts[node.value]]
    if isinstance(node, yaml.SequenceNode):
        node.value = [item for child in node.value for item in _expanded(child, parts)]
    elif isinstance(node, yaml.MappingNode):
        for index, (key, value) in enumerate(node.value):
            if isinstance(value, yaml.ScalarNode) and value.value in parts:
                value = _node(parts[value.value])
            else:
                _expanded(value, parts)
            node.value[index] = (key, value)
    return [node]


def _relative(path: str, old: Path, new: Path) -> str:
    """A path written relative to folder `old`, rewritten relative to folder `new`."""
    if Path(path).is_absolute():
        return path
    return Path(os.path.relpath((old / path).resolve(), new.resolve())).as_posix()


def _ensure_extensions(root: yaml.MappingNode) -> None:
    """Tables, attribute lists and the Mermaid fence of superfences, as the plugin adds."""
    extensions = _get(root, "markdown_extensions")
    if not isinstance(extensions, yaml.SequenceNode):
        extensions = yaml.SequenceNode(_SEQ, [])
        _set(root, "markdown_extensions", extensions)
    names = [_name(item) for item in extensions.value]
    for name in ("tables", "attr_list"):
        if name not in names:
            extensions.value.append(_scalar(name))
    fence = yaml.MappingNode(
        _MAP,
        [
            (_scalar("name"), _scalar("mermaid")),
            (_scalar("class"), _scalar("mermaid")),
            (_scalar("format"), _scalar("", _FENCE)),
        ],
    )
    for item in extensions.value:
        if isinstance(item, yaml.MappingNode) and _name(item) == "pymdownx.superfences":
            options = item.value[0][1]
            if not isinstance(options, yaml.MappingNode):
                options = yaml.MappingNode(_MAP, [])
                item.value[0] = (item.value[0][0], options)
            fences = _get(options, "custom_fences")
            if not isinstance(fences, yaml.SequenceNode):
                _set(options, "custom_fences", yaml.SequenceNode(_SEQ, [fence]))
            elif "mermaid" not in {
                getattr(_get(f, "name"), "value", "")
                for f in fences.value
                if isinstance(f, yaml.MappingNode)
            }:
                fences.value.append(fence)
            return
        if isinstance(item, yaml.ScalarNode) and item.value == "pymdownx.superfences":
            extensions.value.remove(item)
            break
    options = yaml.MappingNode(_MAP, [(_scalar("custom_fences"), yaml.SequenceNode(_SEQ, [fence]))])
    extensions.value.append(yaml.MappingNode(_MAP, [(_scalar("pymdownx.superfences"), options)]))


def _add_to_list(root: yaml.MappingNode, key: str, entry: str) -> None:
    entries = _get(root, key)
    if not isinstance(entries, yaml.SequenceNode):
        entries = yaml.SequenceNode(_SEQ, [])
        _set(root, key, entries)
    if entry not in [getattr(e, "value", None) for e in entries.value]:
        entries.value.append(_scalar(entry))


def user_pages(docs: Iterable[str]) -> list[Any]:
    """Hand-written pages as MkDocs' automatic nav lists them: index first, then the
    others by name, each folder a section."""
    tree: dict[str, Any] = {}
    for page in sorted(docs):
        parts = page.split("/")
        node = tree
        for folder in parts[:-1]:
            node = node.setdefault(folder + "/", {})
        node[parts[-1]] = page

    def items(node: dict[str, Any]) -> list[Any]:
        pages = sorted((k for k in node if not k.endswith("/")), key=lambda k: k != "index.md")
        found: list[Any] = [node[k] for k in pages]
        for folder in sorted(k for k in node if k.endswith("/")):
            found.append({folder[:-1].replace("-", " ").capitalize(): items(node[folder])})
        return found

    return items(tree)


def written_config(
    source: str,
    config_path: Path | None,
    config_out: Path,
    out: Path,
    graph: HandbookGraph,
    labels: Labels,
    generated: set[str],
    hand_written: list[str],
    detail: str,
    mermaid: bool,
) -> str:
    """The configuration text for building OUT without the plugin."""
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader) if source.strip() else None
    except yaml.YAMLError as error:
        raise UsageError(f"{config_path}: cannot read it as YAML: {error}") from error
    if root is None:
        root = yaml.MappingNode(_MAP, [(_scalar("site_name"), _scalar("Handbook"))])
    if not isinstance(root, yaml.MappingNode):
        raise UsageError(f"{config_path}: a configuration is a mapping")
    old_folder = config_path.parent if config_path else Path.cwd()
    new_folder = config_out.parent
    plugins = _get(root, "plugins")
    if plugins is not None:
        _without_journey(plugins)
    docs_dir = Path(os.path.relpath(out.resolve(), new_folder.resolve())).as_posix()
    _set(root, "docs_dir", _scalar(docs_dir))
    for key in _PATH_KEYS:
        value = _get(root, key)
        if isinstance(value, yaml.ScalarNode) and value.tag == _STR:
            value.value = _relative(value.value, old_folder, new_folder)
    hooks = _get(root, "hooks")
    if isinstance(hooks, yaml.SequenceNode):
        for hook in hooks.value:
            if isinstance(hook, yaml.ScalarNode) and hook.tag == _STR:
                hook.value = _relative(hook.value, old_folder, new_folder)
    _add_to_list(root, "hooks", HOOK)
    theme = _get(root, "theme")
    if isinstance(theme, yaml.MappingNode):
        custom = _get(theme, "custom_dir")
        if isinstance(custom, yaml.ScalarNode) and custom.tag == _STR:
            custom.value = _relative(custom.value, old_folder, new_folder)
    parts = nav.sections(graph, labels, generated, detail)
    written_nav = _get(root, "nav")
    if written_nav is not None:
        _expanded(written_nav, parts)
    else:
        automatic = nav.automatic(user_pages(hand_written), graph, labels, generated, detail)
        _set(root, "nav", _node(automatic))
    _add_to_list(root, "extra_css", STYLESHEET)
    if mermaid:
        _add_to_list(root, "extra_javascript", LOCAL_MERMAID)
    _ensure_extensions(root)
    return str(yaml.serialize(root, allow_unicode=True))
