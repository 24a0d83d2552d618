"""The service blueprint of a stage: for each of its steps, what the customer sees and
does, and what happens behind the line of visibility, in the lanes of Shostack's
blueprint as NN/g describes them: physical evidence, customer actions, the line of
interaction, front-stage actions, the line of visibility, back-stage actions, the line of
internal interaction, support processes.

DOM contract: `table.service-blueprint[data-journey][data-stage]`, lane rows
`tr[data-lane]`, separator rows `tr[data-line="interaction|visibility|internal"]`, and
every cell of a step column with `data-step`, `data-departments` and `data-owner`."""

from __future__ import annotations

from collections.abc import Iterator

from ..graph import Place
from ..model import Journey, Stage
from . import grid, html
from .context import Context, HtmlLinker
from .html import Line
from .journey_map import handover_mark, lens_of, step_cells


def service_blueprint(
    context: Context,
    link: HtmlLinker,
    journey: Journey,
    stage: Stage,
    places: list[Place],
    lens: bool,
) -> Iterator[Line]:
    """The blueprint of one stage's steps: always five lanes and three lines; with the
    page's department lens unless the page's map has it."""
    t = context.labels
    columns = [
        grid.column("data-step", p.step.id, p.step.involved, p.step.owner_id) for p in places
    ]

    cells = step_cells(context, link)

    def evidence(index: int) -> str:
        return cells.touchpoints[places[index].key]

    def frontstage(index: int) -> str:
        key = places[index].key
        own = cells.frontstage[key] if places[index].step.frontstage else cells.departments[key]
        return own + handover_mark(context, link, places, index)

    def backstage(index: int) -> str:
        return cells.backstage[places[index].key]

    def support(index: int) -> str:
        systems = dict.fromkeys(s for work in places[index].step.backstage for s in work.systems)
        return "".join([f"<p>{link.code(system)}</p>" for system in systems])

    caption = t.blueprint_of.format(name=stage.name)
    lines = (
        ("interaction", t.line_of_interaction),
        ("visibility", t.line_of_visibility),
        ("internal", t.line_of_internal_interaction),
    )
    tables = []
    for span in grid.parts(len(places)):

        def line(kind: str, label: str, span: range = span) -> str:
            return (
                f'<tr data-line="{kind}" class="jm-line-row"><td colspan="{len(span) + 1}">'
                f"{link.text(label)}</td></tr>"
            )

        rows = [
            grid.lane_row("evidence", t.physical_evidence, columns, span, evidence),
            grid.header_row(
                "customer", t.customer_actions, columns, span, lambda i: link.step(places[i])
            ),
            line(*lines[0]),
            grid.lane_row("frontstage", t.frontstage, columns, span, frontstage),
            line(*lines[1]),
            grid.lane_row("backstage", t.backstage, columns, span, backstage),
            line(*lines[2]),
            grid.lane_row("support", t.support_processes, columns, span, support),
        ]
        attributes = f' data-journey="{journey.id}" data-stage="{stage.id}"'
        tables.append(grid.table("service-blueprint", attributes, caption, span, rows))
    chooser = lens_of(context, places) if lens else ""
    yield html.view(html.Html(f'<div class="jm-map">{chooser}{"".join(tables)}</div>'))
