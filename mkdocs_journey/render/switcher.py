"""The department switcher of the journeys map: choose a department and the map shows
its steps highlighted, without leaving the page.

Pure HTML and CSS (radio buttons and sibling selectors): it needs no script, so it
works offline and with Material's instant navigation. Hidden panels are laid out but
invisible (not `display: none`), so Mermaid can measure and draw their diagrams."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .. import paths
from ..model import Journey
from ..text import html_text
from .context import Context, Linker
from .diagrams import department_map, journey_stage_flow
from .html import Html, Line

MAX_PANELS = 200
"""Department x journey maps above which the switcher is left out (each department's
page still has its maps): a page of a thousand diagrams helps nobody."""
SHOWN = "visibility: visible; height: auto; overflow: visible;"


def _panel(panel_id: str, maps: Sequence[tuple[str, str, Iterable[Line]]]) -> list[str]:
    """One department's panel: each journey's title and its diagrams (notes under a
    diagram are left out: the journey's own page has them)."""
    parts = [f'<div class="jm-panel" id="jm-panel-{panel_id}">']
    for url, title, diagram in maps:
        parts.append(f'<h3><a href="{url}">{html_text(title)}</a></h3>')
        parts += [line.html for line in diagram if isinstance(line, Html)]
    parts.append("</div>")
    return parts


def journey_switcher(context: Context, link: Linker) -> Iterator[Line]:
    """The journeys map with one panel per department; plain maps when too large."""
    t, graph = context.labels, context.graph
    journeys = list(graph.journeys.values())
    involved = {d: set(graph.parts.get(d, {})) for d in graph.departments}
    panels = sum(len(ids) for ids in involved.values())
    if not graph.departments or panels > MAX_PANELS:
        for journey in journeys:
            yield f"### {link.journey(journey)}"
            yield ""
            yield from journey_stage_flow(context, link, journey)
        return
    choices = [("all", t.all_departments)]
    choices += [(f"d-{d}", graph.departments[d].name) for d in graph.departments]
    lines = ['<div class="jm-switcher">', "<style>"]
    lines += [f"#jm-{key}:checked ~ #jm-panel-{key} {{ {SHOWN} }}" for key, _ in choices]
    lines.append("</style>")
    for key, name in choices:
        checked = " checked" if key == "all" else ""
        lines.append(f'<input type="radio" name="jm-department" id="jm-{key}"{checked}>')
        lines.append(f'<label for="jm-{key}">{html_text(name)}</label>')
    lines += _panel(
        "all", [(_url(link, j), j.name, journey_stage_flow(context, link, j)) for j in journeys]
    )
    for department in graph.departments:
        maps = [
            (_url(link, j), j.name, department_map(context, link, j, department))
            for j in journeys
            if j.id in involved[department]
        ]
        lines += _panel(f"d-{department}", maps)
    lines.append("</div>")
    yield Html("\n".join(lines), indexed=False)


def _url(link: Linker, journey: Journey) -> str:
    return link.html_url(paths.journey_page(journey.id))
