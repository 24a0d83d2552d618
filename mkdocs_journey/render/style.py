"""The plugin's stylesheet: the department switcher, the journey map, the service
blueprint and the metrics (status in words and colour, values, sparklines). Material's
colour variables throughout, so both palettes work; a print section lays the maps out
for A4 landscape."""

from __future__ import annotations

from collections.abc import Iterable

STYLESHEET = "assets/journey/journey.css"
CSS = """\
:root { --jm-lens: rgba(255, 179, 0, .16); --jm-lens-owner: rgba(255, 179, 0, .42); }
[data-md-color-scheme="slate"] {
  --jm-lens: rgba(255, 202, 40, .14); --jm-lens-owner: rgba(255, 202, 40, .34);
}
.jm-switcher > input, .jm-lens input { position: absolute; opacity: 0; pointer-events: none; }
.jm-switcher > label, .jm-lens label {
  display: inline-block; margin: 0 .3em .4em 0; padding: .15em .7em; cursor: pointer;
  border: .05rem solid var(--md-default-fg-color--lighter); border-radius: 1em;
  font-size: .7rem;
}
.jm-switcher > input:checked + label, .jm-lens label:has(input:checked) {
  background: var(--md-primary-fg-color); border-color: var(--md-primary-fg-color);
  color: var(--md-primary-bg-color);
}
.jm-switcher > input:focus-visible + label, .jm-lens label:has(input:focus-visible) {
  outline: .1rem solid var(--md-accent-fg-color);
}
.jm-panel { visibility: hidden; height: 0; overflow: hidden; }
.jm-panel > h3 { margin-top: 1em; }
.jm-map { margin: .8em 0 1.6em; }
.jm-lens-label { font-size: .7rem; margin-right: .5em; color: var(--md-default-fg-color--light); }
.jm-scroll { overflow-x: auto; max-width: 100%; margin: .4em 0 1em; }
.md-typeset table.journey-map, .md-typeset table.service-blueprint {
  display: table; width: 100%; table-layout: fixed; border-collapse: collapse;
  font-size: .62rem; line-height: 1.35; margin: 0;
}
.md-typeset .journey-map caption, .md-typeset .service-blueprint caption {
  caption-side: top; text-align: left; font-weight: 700; padding: 0 0 .3em;
}
.md-typeset .journey-map :is(th, td), .md-typeset .service-blueprint :is(th, td) {
  border: .05rem solid var(--md-default-fg-color--lightest); padding: .35em .45em;
  vertical-align: top; text-align: left; overflow-wrap: anywhere; min-width: 0;
}
.md-typeset .jm-lane-col { width: 6rem; }
.md-typeset th.jm-lane {
  position: sticky; left: 0; z-index: 2; background: var(--md-default-bg-color);
  font-weight: 700; color: var(--md-default-fg-color--light);
}
.md-typeset :is(.journey-map, .service-blueprint) p { margin: 0 0 .3em; }
.md-typeset :is(.journey-map, .service-blueprint) :is(td, th) > div { opacity: var(--jm-dim, 1); }
body:has(.jm-lens input[data-department]:checked) :is(.journey-map, .service-blueprint)
  [data-departments] { --jm-dim: .3; }
.md-typeset .journey-map tr[data-lane="stage"] th:not(.jm-lane) {
  background: var(--md-primary-fg-color--transparent, rgba(63, 81, 181, .1));
}
.md-typeset .jm-phase { font-weight: 400; font-size: .9em; }
.md-typeset .jm-milestone { display: block; margin-top: .3em; font-weight: 400; }
.md-typeset .jm-channel { color: var(--md-default-fg-color--light); }
.md-typeset .handover {
  display: inline-block; padding: 0 .3em; border: .05rem dashed currentcolor;
  border-radius: .2em; font-size: .9em;
}
.md-typeset .journey-map tr[data-lane="experience"] td {
  position: relative; height: 6.2rem; padding: 0; vertical-align: bottom;
  border-left-width: 0; border-right-width: 0;
}
.md-typeset .journey-curve {
  position: absolute; left: 0; top: .3rem; height: 4.2rem; max-width: none; overflow: visible;
  pointer-events: none; z-index: 1;
}
.journey-curve .jm-midline {
  stroke: var(--md-default-fg-color--lighter); stroke-width: 1px; stroke-dasharray: 4 4;
  vector-effect: non-scaling-stroke;
}
.journey-curve .jm-line {
  fill: none; stroke: var(--md-default-fg-color--light); stroke-width: 2px;
  vector-effect: non-scaling-stroke;
}
.journey-curve .jm-point {
  stroke-width: 12px; stroke-linecap: round; vector-effect: non-scaling-stroke;
}
.journey-curve .jm-point.jm-low { stroke: #c62828; stroke-linecap: square; }
.journey-curve .jm-point.jm-mid { stroke: #8d8d8d; }
.journey-curve .jm-point.jm-high { stroke: #2e7d32; }
.md-typeset .jm-score { display: block; padding: .25em .45em; font-weight: 600; }
.md-typeset .jm-score.jm-low { color: #c62828; }
.md-typeset .jm-score.jm-high { color: #2e7d32; }
[data-md-color-scheme="slate"] .md-typeset .jm-score.jm-low { color: #ef9a9a; }
[data-md-color-scheme="slate"] .md-typeset .jm-score.jm-high { color: #a5d6a7; }
[data-md-color-scheme="slate"] .journey-curve .jm-point.jm-low { stroke: #ef9a9a; }
.md-typeset .journey-status { white-space: nowrap; }
.md-typeset .journey-status[data-status="on"] { color: #2e7d32; }
.md-typeset .journey-status[data-status="off"] { color: #c62828; font-weight: 700; }
[data-md-color-scheme="slate"] .md-typeset .journey-status[data-status="on"] { color: #a5d6a7; }
[data-md-color-scheme="slate"] .md-typeset .journey-status[data-status="off"] { color: #ef9a9a; }
.md-typeset .journey-health[data-status="off"] { font-weight: 700; }
.md-typeset .journey-value { font-weight: 700; white-space: nowrap; }
.md-typeset .journey-change, .md-typeset .journey-metric time { white-space: nowrap; }
.md-typeset .journey-sparkline { vertical-align: middle; overflow: visible; }
.md-typeset .journey-map tr[data-lane="metrics"] .journey-metric { display: block; }
[data-md-color-scheme="slate"] .journey-curve .jm-point.jm-high { stroke: #a5d6a7; }
.md-typeset .service-blueprint tr[data-line] td {
  padding: .1em .45em; font-size: .56rem; letter-spacing: .06em; text-transform: uppercase;
  color: var(--md-default-fg-color--light); border-left: 0; border-right: 0;
  border-top: .12rem dashed var(--md-default-fg-color--light);
}
@media print {
  .jm-lens { display: none; }
  .jm-scroll { overflow: visible; break-inside: avoid; }
  .md-typeset table.journey-map, .md-typeset table.service-blueprint {
    min-width: 0 !important; font-size: 6.5pt;
  }
  .md-typeset th.jm-lane { position: static; }
  .md-typeset :is(.journey-map, .service-blueprint) tr { break-inside: avoid; }
  .md-typeset .jm-lane-col { width: 5.5rem; }
}
"""


def stylesheet(departments: Iterable[str]) -> str:
    """The stylesheet of a handbook: the rules above, and for each department the lens
    rules that light its columns on any page (maps and blueprints alike, its own steps
    more strongly) once it is chosen. Written once per build, so pages carry only the
    lens buttons."""
    rules = []
    for department in departments:
        chosen = f'body:has(.jm-lens input[data-department="{department}"]:checked)'
        grids = ":is(.journey-map, .service-blueprint)"
        rules.append(
            f'{chosen} {grids} [data-departments~="{department}"] '
            "{ --jm-dim: 1; background: var(--jm-lens); }\n"
            f'{chosen} {grids} :is(td, th)[data-owner="{department}"] '
            "{ background: var(--jm-lens-owner); }\n"
        )
    return CSS + "".join(rules)
