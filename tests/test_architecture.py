"""The layers stay one-way, read from the imports themselves (module level and inside
functions alike): files -> model -> diagnostics -> graph -> pages -> delivery. See
docs/architecture.md for what each layer is for."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "mkdocs_journey"
MAX_LINES = 400

LAYERS = {
    "model": {
        "mkdocs_journey.diagnostics",
        "mkdocs_journey.ids",
        "mkdocs_journey.schema",
        "mkdocs_journey.model",
        "mkdocs_journey.text",
        "mkdocs_journey.paths",
        "mkdocs_journey.markup",
        "mkdocs_journey.metrics",
        "mkdocs_journey.i18n",
    },
    "load": {"mkdocs_journey.load"},
    "check": {
        "mkdocs_journey.validate",
        "mkdocs_journey.graph",
        "mkdocs_journey.links",
        "mkdocs_journey.lint",
        "mkdocs_journey.lint_metrics",
        "mkdocs_journey.analysis",
        "mkdocs_journey.diff",
        "mkdocs_journey.diff_metrics",
        "mkdocs_journey.history",
    },
    "render": {"mkdocs_journey.render"},
    "delivery": {
        "mkdocs_journey.delivery",
        "mkdocs_journey.config",
        "mkdocs_journey.plugin",
        "mkdocs_journey.project",
        "mkdocs_journey.revisions",
        "mkdocs_journey.commands",
        "mkdocs_journey.cli",
        "mkdocs_journey",
    },
}
ORDER = list(LAYERS)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every module `name` imports, anywhere in its body, as absolute names; for
    `from package import module`, the module."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                module = f"{source}.{alias.name}"
                found.add(module if module in MODULES else source)
    return found


IMPORTS = {name: _imports(name) for name in MODULES}


def _ours(imported: set[str]) -> set[str]:
    return {name for name in imported if name in MODULES}


def _reach(start: str) -> set[str]:
    """Every module of the package that importing `start` may import, transitively."""
    seen: set[str] = set()
    stack = [start]
    while stack:
        for name in _ours(IMPORTS[stack.pop()]):
            if name not in seen:
                seen.add(name)
                stack.append(name)
    return seen


def _layer(name: str) -> str:
    best = ""
    for layer, prefixes in LAYERS.items():
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > len(best):
                best, found = prefix, layer
    assert best, f"{name} is in no layer: add it to LAYERS"
    return found


def test_every_module_has_a_layer() -> None:
    """A new module is placed on purpose."""
    for name in MODULES:
        _layer(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down_the_layers(name: str) -> None:
    """A module imports only from its own layer and those below it."""
    own = ORDER.index(_layer(name))
    upward = sorted(other for other in _ours(IMPORTS[name]) if ORDER.index(_layer(other)) > own)
    assert upward == [], f"{name} ({_layer(name)}) imports from above: {upward}"


def test_no_import_cycle() -> None:
    """No module reaches itself through its imports (package __init__ files aside, which
    only re-export their own modules)."""
    for name in MODULES:
        if MODULES[name].name == "__init__.py":
            continue
        assert name not in _reach(name), f"{name} imports itself through others"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _layer(n) == "render"))
def test_render_knows_nothing_of_mkdocs_the_plugin_or_the_commands(name: str) -> None:
    """Pages are content: no MkDocs, plugin, commands or delivery, even indirectly."""
    reached = _reach(name) | {name}
    external = {i for n in reached for i in IMPORTS[n]}
    assert not [i for i in external if i == "mkdocs" or i.startswith("mkdocs.")]
    forbidden = [n for n in reached if _layer(n) == "delivery"]
    assert forbidden == []


@pytest.mark.parametrize(
    "name",
    sorted(n for n in MODULES if n.startswith(("mkdocs_journey.commands", "mkdocs_journey.cli"))),
)
def test_commands_never_import_the_plugin(name: str) -> None:
    """The command line reads the options without the plugin, even through other modules."""
    assert "mkdocs_journey.plugin" not in _reach(name) | {name}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _layer(n) in ("load", "check")))
def test_loading_and_checking_import_nothing_from_render(name: str) -> None:
    """Loading, validation, lint, links and the graph never render."""
    assert [n for n in _reach(name) if _layer(n) == "render"] == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_400_lines(name: str) -> None:
    """Small modules: one concept each."""
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_the_rules_see_real_imports() -> None:
    """Guard for the test itself: the import reader finds known edges, relative ones
    and imports inside functions included."""
    assert "mkdocs_journey.load" in IMPORTS["mkdocs_journey.analysis"]
    assert "mkdocs_journey.lint" in IMPORTS["mkdocs_journey.cli"]  # inside _parser()
    assert "mkdocs_journey.paths" in IMPORTS["mkdocs_journey.render.context"]  # from .. import
