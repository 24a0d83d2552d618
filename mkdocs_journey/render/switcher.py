"""The department switcher of the journeys map: choose a department and the map shows
its steps highlighted, without leaving the page.

Pure HTML and CSS (radio buttons and sibling selectors): it needs no script, so it
works offline and with Material's instant navigation. Hidden panels are laid out but
invisible (not `display: none`), so Mermaid can measure and draw their diagrams."""

from __future__ import annotations

import html
from collections.abc import Iterator

from ..model import Journey
from . import paths
from .context import Context, Linker
from .diagrams import department_map, journey_stage_flow
from .text import html_text

MAX_PANELS = 200
"""Department x journey maps above which the switcher is left out (each department's
page still has its maps): a page of a thousand diagrams helps nobody."""
STYLESHEET = "assets/journey/journey.css"
SHOWN = "visibility: visible; height: auto; overflow: visible;"
CSS = """\
.jm-switcher > input { position: absolute; opacity: 0; pointer-events: none; }
.jm-switcher > label {
  display: inline-block; margin: 0 .3em .4em 0; padding: .15em .7em; cursor: pointer;
  border: .05rem solid var(--md-default-fg-color--lighter); border-radius: 1em;
  font-size: .7rem;
}
.jm-switcher > input:checked + label {
  background: var(--md-primary-fg-color); border-color: var(--md-primary-fg-color);
  color: var(--md-primary-bg-color);
}
.jm-switcher > input:focus-visible + label { outline: .1rem solid var(--md-accent-fg-color); }
.jm-panel { visibility: hidden; height: 0; overflow: hidden; }
.jm-panel > h3 { margin-top: 1em; }
"""


def _mermaid_html(lines: list[str]) -> str:
    """A fenced Mermaid block as the HTML superfences would make of it."""
    source = "\n".join(lines[1 : lines.index("```", 1)])
    return f'<pre class="mermaid"><code>{html.escape(source, quote=False)}</code></pre>'


def _panel(panel_id: str, heading_lines: list[tuple[str, str, list[str]]]) -> list[str]:
    parts = [f'<div class="jm-panel" id="jm-panel-{panel_id}">']
    for url, title, diagram in heading_lines:
        parts.append(f'<h3><a href="{url}">{html_text(title)}</a></h3>')
        parts.append(_mermaid_html(diagram))
    parts.append("</div>")
    return parts


def journey_switcher(context: Context, link: Linker) -> Iterator[str]:
    """The journeys map with one panel per department; plain maps when too large."""
    t, graph = context.labels, context.graph
    journeys = list(graph.journeys.values())
    involved = {
        d: {p.journey.id for p in graph.by_department.get(d, [])} for d in graph.departments
    }
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
        "all",
        [(_url(link, j), j.name, list(journey_stage_flow(context, link, j))) for j in journeys],
    )
    for department in graph.departments:
        maps = [
            (_url(link, j), j.name, list(department_map(context, link, j, department)))
            for j in journeys
            if j.id in involved[department]
        ]
        lines += _panel(f"d-{department}", maps)
    lines.append("</div>")
    yield from lines
    yield ""


def _url(link: Linker, journey: Journey) -> str:
    return link.url(paths.journey_page(journey.id))
