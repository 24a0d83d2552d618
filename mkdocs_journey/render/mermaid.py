"""Mermaid diagrams built from user text that can never become Mermaid syntax.

Node ids are generated (`n1`, `n2`, ...); labels are quoted with every character
outside letters, digits and spaces written as a numeric entity; class names, styles
and link targets come only from this module and from validated ids.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..text import one_line

MAX_TEXT = 50_000
MAX_EDGES = 500
SAFE_TEXT = 40_000
"""Budget kept per diagram, well below Mermaid's `maxTextSize`."""
SAFE_EDGES = 400
LABEL_LIMIT = 60

_LABEL_UNSAFE = re.compile(r"[^\w ]|_")
_END_WORD = re.compile(r"\bend\b")
_ACC_UNSAFE = re.compile(r"[^\w .,()'\-/]")

CLASS_STYLES = {
    "milestone": "fill:#fff3c4,stroke:#c99a00,stroke-width:2px,color:#3d2f00",
    "exit": "fill:#fde2e1,stroke:#b3261e,color:#410e0b",
    "external": "fill:#eef1f5,stroke:#8a94a6,stroke-dasharray:4 3,color:#2b3340",
    "focus": "fill:#d7ecff,stroke:#1565c0,stroke-width:2px,color:#0b2540",
    "dimmed": "fill:#f4f5f7,stroke:#c3c8d0,color:#6b7380",
    "current": "fill:#d7ecff,stroke:#1565c0,stroke-width:3px,color:#0b2540",
    "added": "fill:#dcf5dc,stroke:#2e7d32,color:#0f2e10",
    "removed": "fill:#fde2e1,stroke:#b3261e,color:#410e0b",
    "changed": "fill:#fff3c4,stroke:#c99a00,color:#3d2f00",
}


def shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip() + "…"


@functools.lru_cache(maxsize=1 << 16)
def label(text: str, limit: int = LABEL_LIMIT) -> str:
    """A quoted flowchart label showing `text` (shortened) and nothing else."""
    escaped = _LABEL_UNSAFE.sub(lambda m: f"#{ord(m.group())};", shorten(text, limit))
    return '"' + _END_WORD.sub("#101;nd", escaped) + '"'


def accessible(text: str) -> str:
    """Text for `accTitle` / `accDescr`: one line of harmless characters."""
    return _ACC_UNSAFE.sub(" ", one_line(text)).strip() or "diagram"


@dataclass
class Flowchart:
    """A flowchart under construction; `render` returns the fenced block."""

    title: str
    description: str
    direction: str = "LR"
    wide_limit: int = 5
    """Above this many nodes a left-to-right flow turns top-to-bottom, rather than
    shrinking to fit the page width."""
    lines: list[str] = field(default_factory=list)
    clicks: list[str] = field(default_factory=list)
    classes: dict[str, list[str]] = field(default_factory=dict)
    edges: int = 0
    _count: int = 0
    _indent: str = "  "
    _source: str = ""
    """The source as last made; emptied by every change (`fits` and the page that
    prints the diagram both need it)."""

    def node(self, text: str, url: str = "", css: str = "", shape: str = "box") -> str:
        """Add a node; returns its generated id."""
        self._count += 1
        self._source = ""
        node_id = f"n{self._count}"
        opening, closing = {"box": ("[", "]"), "round": ("(", ")"), "stadium": ("([", "])")}[shape]
        self.lines.append(f"{self._indent}{node_id}{opening}{label(text)}{closing}")
        if url:
            self.clicks.append(f'  click {node_id} href "{url}"')
        if css:
            self.classes.setdefault(css, []).append(node_id)
        return node_id

    def edge(self, source: str, target: str, dotted: bool = False) -> None:
        """Add an arrow between two generated node ids."""
        self.edges += 1
        self._source = ""
        arrow = "-.->" if dotted else "-->"
        self.lines.append(f"{self._indent}{source} {arrow} {target}")

    def open_group(self, text: str) -> None:
        """Start a subgraph titled `text`."""
        self._count += 1
        self._source = ""
        self.lines.append(f"  subgraph g{self._count}[{label(text)}]")
        self._indent = "    "

    def close_group(self) -> None:
        """End the current subgraph."""
        self._source = ""
        self.lines.append("  end")
        self._indent = "  "

    def size(self) -> int:
        """Characters of the rendered diagram, as Mermaid counts them."""
        return len(self.source())

    def source(self) -> str:
        """The diagram text; left to right when short, top to bottom when it would
        otherwise shrink to fit the page width."""
        if self._source:
            return self._source
        direction = self.direction
        if direction == "LR" and self._count > self.wide_limit:
            direction = "TB"
        head = [
            f"flowchart {direction}",
            f"  accTitle: {accessible(self.title)}",
            f"  accDescr: {accessible(self.description)}",
        ]
        styles = [f"  classDef {name} {CLASS_STYLES[name]}" for name in self.classes]
        members = [f"  class {','.join(ids)} {name}" for name, ids in self.classes.items()]
        self._source = "\n".join(head + self.lines + styles + members + self.clicks)
        return self._source

    def render(self) -> list[str]:
        """The diagram as a fenced Markdown block."""
        return ["```mermaid", self.source(), "```", ""]

    def fits(self) -> bool:
        """Whether the diagram is within the budget kept below Mermaid's limits."""
        return self.edges <= SAFE_EDGES and self.size() <= SAFE_TEXT
