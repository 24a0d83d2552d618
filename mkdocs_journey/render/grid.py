"""What the journey map and the service blueprint share: columns split into parts that
fit a printed page, lane rows with their header, the cells' data attributes, the
experience curve as inline SVG, and the CSS-only department lens.

Both are HTML tables with no script: they print, work offline, are read by screen
readers as tables, and build in any builder that takes the pages of `render`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..text import html_text

PART_COLUMNS = 8
"""Columns of one table: a wider map breaks into stacked parts, each of which fits the
width of an A4 landscape page when printed (and reads without scrolling on a laptop)."""
LANE_WIDTH_REM = 6
COLUMN_WIDTH_REM = 5.5


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a map: a step or a stage, and the data attributes every cell of it
    carries (made once per column: a map writes them into each of its cells)."""

    attribute: str
    """`data-step` or `data-stage`."""
    key: str
    """The step's or stage's id."""
    attributes: str


def column(attribute: str, key: str, departments: Sequence[str], owner: str | None) -> Column:
    """A column whose cells name its departments and owner (ids are safe in attributes)."""
    owned = f' data-owner="{owner}"' if owner else ""
    written = f' {attribute}="{key}" data-departments="{" ".join(departments)}"{owned}'
    return Column(attribute, key, written)


Cell = Callable[[int], str]
"""A lane's cell content for the column at an index of the map (finished HTML)."""


def parts(count: int) -> list[range]:
    """The columns of each part: as even as possible, none over `PART_COLUMNS`."""
    if count == 0:
        return []
    number = -(-count // PART_COLUMNS)
    bounds = [index * count // number for index in range(number + 1)]
    return [range(bounds[i], bounds[i + 1]) for i in range(number)]


def lane_row(
    lane: str, label: str, columns: Sequence[Column], span: range, cell: Cell, first: str = ""
) -> str:
    """A lane: its header cell, then one cell per column of the part, each cell's content
    in a `div` (the lens dims the content, never what `first` puts in the part's first
    cell: the curve, drawn across the part)."""
    cells = [
        f"<td{columns[index].attributes}>{first if index == span[0] else ''}"
        f"<div>{cell(index)}</div></td>"
        for index in span
    ]
    return _row(lane, label, cells)


def header_row(lane: str, label: str, columns: Sequence[Column], span: range, cell: Cell) -> str:
    """The lane that names each column (the steps, or the stages): header cells."""
    cells = [
        f'<th scope="col"{columns[index].attributes}><div>{cell(index)}</div></th>'
        for index in span
    ]
    return _row(lane, label, cells)


def _row(lane: str, label: str, cells: list[str]) -> str:
    head = f'<th scope="row" class="jm-lane">{html_text(label)}</th>'
    return f'<tr data-lane="{lane}">{head}{"".join(cells)}</tr>'


def table(css_class: str, attributes: str, caption: str, span: range, rows: list[str]) -> str:
    """One part: a table as wide as its columns need, scrolling inside the page."""
    width = LANE_WIDTH_REM + COLUMN_WIDTH_REM * len(span)
    return (
        f'<div class="jm-scroll"><table class="{css_class}"{attributes} '
        f'style="min-width:{width}rem"><caption>{html_text(caption)}</caption>'
        f'<colgroup><col class="jm-lane-col"><col span="{len(span)}"></colgroup>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def filled(lanes: Sequence[tuple[str, str, Cell]], count: int) -> list[tuple[str, str, Cell]]:
    """The lanes with something in some column (an empty lane is left out), each cell
    made once: the lanes returned read their cells from a list."""
    shown: list[tuple[str, str, Cell]] = []
    for lane, label, cell in lanes:
        contents = [cell(index) for index in range(count)]
        if any(contents):
            shown.append((lane, label, contents.__getitem__))
    return shown


def band(score: float) -> str:
    """The band of a score, as a class name: low (1-2), mid (3, neutral) or high (4-5)."""
    rounded = round(score)
    return "low" if rounded <= 2 else "high" if rounded >= 4 else "mid"


def score_text(score: float, words: Sequence[str]) -> str:
    """A score as text, for print and screen readers, with its band named as well as
    coloured: `4 · satisfied`."""
    return (
        f'<span class="jm-score jm-{band(score)}">{score:g} · '
        f"{html_text(words[round(score) - 1])}</span>"
    )


def score_y(score: float) -> float:
    """The curve's height for a score (an average falls between two whole scores)."""
    return 110 - 20 * score


def curve(
    title: str,
    columns: Sequence[Column],
    span: range,
    scores: Sequence[float | None],
    texts: Sequence[str],
) -> str:
    """The experience curve of one part as inline SVG: a point at the centre of each
    scored column, a continuous line through consecutive scored columns, a gap at an
    unscored one, and a dashed neutral line at 3. One unit of width per hundredth of a
    column, stretched to the part's width; strokes keep their size."""
    width = 100 * len(span)
    runs: list[list[str]] = [[]]
    points = []
    for offset, index in enumerate(span):
        score = scores[index]
        if score is None:
            runs.append([])
            continue
        x, y = offset * 100 + 50, score_y(score)
        runs[-1].append(f"{x},{y:g}")
        column = columns[index]
        points.append(
            f'<path class="jm-point jm-{band(score)}" {column.attribute}="{column.key}" '
            f'data-score="{score:g}" d="M{x} {y:g}h0">'
            f"<title>{html_text(texts[index])}</title></path>"
        )
    lines = [
        f'<polyline class="jm-line" points="{" ".join(run)}"/>' for run in runs if len(run) > 1
    ]
    return (
        f'<svg class="journey-curve" role="img" viewBox="0 0 {width} 100" '
        f'preserveAspectRatio="none" style="width:calc({len(span)} * 100%)">'
        f"<title>{html_text(title)}</title>"
        f'<line class="jm-midline" x1="0" y1="50" x2="{width}" y2="50"/>'
        f"{''.join(lines)}{''.join(points)}</svg>"
    )


def lens(label: str, everyone: str, departments: Sequence[tuple[str, str]]) -> str:
    """The page's department lens: one radio button per department (and one for all),
    each inside its label. The stylesheet holds the rules that, once a department is
    chosen, highlight its columns on the whole page (maps and blueprint alike), its own
    steps more strongly, and dim the others (`style.stylesheet`)."""
    choices = [f'<label><input type="radio" name="jm-lens" checked>{html_text(everyone)}</label>']
    choices += [
        f'<label><input type="radio" name="jm-lens" data-department="{department}">'
        f"{html_text(title)}</label>"
        for department, title in departments
    ]
    legend = html_text(label)
    return (
        f'<div class="jm-lens" role="radiogroup" aria-label="{legend}">'
        f'<span class="jm-lens-label">{legend}</span>{"".join(choices)}</div>'
    )
