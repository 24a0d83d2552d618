"""The metrics folder -> each metric's readings: CSV and JSON files a BI tool exports.

Every bad cell or value is an error at its line and column: an unknown metric (with a
did-you-mean hint), a malformed date or number, a missing column, a repeated
(metric, date) pair (naming the first), a file too large or not UTF-8. A row is never
dropped without one."""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from ..diagnostics import Diagnostics, Pos, did_you_mean
from ..metrics import Reading, parse_date, parse_number
from . import source
from .loader import SourceFile, relative_name

DATA_SUFFIXES = (".csv", ".json")
COLUMNS = ("metric", "date", "value")
Cell = tuple[str, Pos]
"""A value as written, and where."""


def data_files(folder: Path, root: Path) -> list[SourceFile]:
    """The data files of a metrics folder (none when it does not exist), sorted."""
    if not folder.is_dir():
        return []
    found = [
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in DATA_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    found.sort(key=lambda path: path.relative_to(folder).as_posix())
    return [SourceFile(relative_name(p, root), p.stat().st_size, p.read_bytes) for p in found]


def read_readings(
    files: Iterable[SourceFile], known: Collection[str]
) -> tuple[dict[str, list[Reading]], Diagnostics]:
    """Each known metric's readings, oldest first, and the problems of every file."""
    diagnostics = Diagnostics()
    readings: dict[str, list[Reading]] = {}
    first: dict[tuple[str, str], Pos] = {}
    for file in files:
        for row in _rows(file, diagnostics):
            reading = _reading(row, known, diagnostics)
            if reading is None:
                continue
            pair = (reading.metric, reading.date.isoformat())
            if pair in first:
                diagnostics.error(
                    row["date"][1],
                    f"metric '{reading.metric}' already has a value for {pair[1]}, "
                    f"at {first[pair]}",
                    "keep one row per metric and date",
                )
                continue
            first[pair] = row["date"][1]
            readings.setdefault(reading.metric, []).append(reading)
    for series in readings.values():
        series.sort(key=lambda reading: reading.date)
    return readings, diagnostics


def _reading(
    row: dict[str, Cell], known: Collection[str], diagnostics: Diagnostics
) -> Reading | None:
    (metric, metric_pos), (date_text, date_pos), (value_text, value_pos) = (
        row[column] for column in COLUMNS
    )
    ok = True
    if not metric:
        diagnostics.error(metric_pos, "this row names no metric", "write the metric's id")
        ok = False
    elif metric not in known:
        hint = did_you_mean(metric, known) or (
            "define it under 'metrics' in a journeys file" if known else "no metric is defined yet"
        )
        diagnostics.error(metric_pos, f"unknown metric '{metric}'", hint)
        ok = False
    date = parse_date(date_text)
    if date is None:
        diagnostics.error(date_pos, f"'{date_text}' is not a date YYYY-MM-DD", "e.g. 2026-11-30")
        ok = False
    value = parse_number(value_text)
    if not value_text:
        diagnostics.error(value_pos, "this row has no value", "write the number, or drop the row")
        ok = False
    elif value is None:
        diagnostics.error(
            value_pos,
            f"'{value_text}' is not a number",
            "write digits with '.' as the decimal point and no thousands separator, e.g. 1234.5",
        )
        ok = False
    if not ok or date is None or value is None:
        return None
    return Reading(metric, date, value, value_pos)


def _rows(file: SourceFile, diagnostics: Diagnostics) -> Iterator[dict[str, Cell]]:
    try:
        if file.size > source.MAX_FILE_BYTES:
            diagnostics.append(source.too_large(file.path, file.size))
            return
        data = file.read()
    except OSError as error:
        diagnostics.error(Pos(file.path), f"cannot read file: {error.strerror or error}")
        return
    text = source.decode(file.path, data, diagnostics)
    if text is None:
        return
    if file.path.lower().endswith(".json"):
        yield from _json_rows(text, diagnostics)
    else:
        yield from _csv_rows(text, diagnostics)


def _csv_rows(text: source.SourceText, diagnostics: Diagnostics) -> Iterator[dict[str, Cell]]:
    lines = text.text.splitlines()
    if not any(line.strip() for line in lines):
        return
    header_line = next(number for number, line in enumerate(lines) if line.strip())
    delimiter = ";" if ";" in lines[header_line] and "," not in lines[header_line] else ","
    reader = csv.reader(lines[header_line:], delimiter=delimiter, strict=True)
    first_line = header_line + 1
    try:
        header = next(reader)
        names = [name.strip().lower() for name in header]
        problem = _header_problem(names)
        if problem:
            diagnostics.error(Pos(text.path, first_line, 1), *problem)
            return
        indexes = [names.index(column) for column in COLUMNS]
        end = reader.line_num
        for cells in reader:
            line = header_line + end + 1
            end = reader.line_num
            if not cells or not any(cell.strip() for cell in cells):
                continue
            starts = _cell_columns(lines[line - 1], delimiter)
            if len(cells) <= max(indexes):
                diagnostics.error(
                    Pos(text.path, line, 1),
                    f"this row has {len(cells)} cells; the header names {len(header)}",
                    "give every row a metric, a date and a value",
                )
                continue
            yield {
                column: (
                    cells[index].strip(),
                    Pos(text.path, line, starts[index] if index < len(starts) else 1),
                )
                for column, index in zip(COLUMNS, indexes, strict=True)
            }
    except csv.Error as error:
        diagnostics.error(
            Pos(text.path, header_line + reader.line_num, 1),
            f"unreadable CSV: {error}",
            "quote a cell that holds the delimiter, and close every quote",
        )


def _header_problem(names: list[str]) -> tuple[str, str] | None:
    """What is wrong with a header row (message, hint), if anything."""
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        return (
            f"the header row has no {', '.join(repr(m) for m in missing)} column",
            "the first row names the columns: metric,date,value; others are ignored",
        )
    repeated = [column for column in COLUMNS if names.count(column) > 1]
    if repeated:
        return (
            f"the header row names the {repeated[0]!r} column twice",
            "keep one column of each name",
        )
    return None


def _cell_columns(line: str, delimiter: str) -> list[int]:
    """The 1-based column where each cell of a CSV line starts."""
    starts = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


def _json_rows(text: source.SourceText, diagnostics: Diagnostics) -> Iterator[dict[str, Cell]]:
    body = text.text
    try:
        json.loads(body)
    except json.JSONDecodeError as error:
        diagnostics.error(
            Pos(text.path, error.lineno, error.colno),
            f"invalid JSON: {error.msg}",
            "export a list of objects with metric, date and value",
        )
        return
    decoder = json.JSONDecoder()
    index = _skip(body, 0)
    if body[index : index + 1] != "[":
        diagnostics.error(
            Pos(text.path, 1, 1),
            "a metrics JSON file holds a list of objects",
            'write [{"metric": "...", "date": "YYYY-MM-DD", "value": 1.5}, ...]',
        )
        return
    index = _skip(body, index + 1)
    while body[index] != "]":
        start = index
        if body[index] != "{":
            _, end = decoder.raw_decode(body, index)
            diagnostics.error(
                text.pos(start), "each entry of the list must be an object", "write {...}"
            )
        else:
            row, end = _json_object(body, index, decoder, text, diagnostics)
            missing = [column for column in COLUMNS if column not in row]
            if missing:
                diagnostics.error(
                    text.pos(start),
                    f"this object has no {', '.join(repr(m) for m in missing)}",
                    "give every object a metric, a date and a value",
                )
            else:
                cells = _json_cells(row, text, diagnostics)
                if cells is not None:
                    yield cells
        index = _skip(body, end)
        if body[index] == ",":
            index = _skip(body, index + 1)


def _json_object(
    body: str,
    index: int,
    decoder: json.JSONDecoder,
    text: source.SourceText,
    diagnostics: Diagnostics,
) -> tuple[dict[str, tuple[object, str, int]], int]:
    """An object's values by key, each with its source text and offset."""
    found: dict[str, tuple[object, str, int]] = {}
    keys: dict[str, int] = {}
    index = _skip(body, index + 1)
    while body[index] != "}":
        key_at = index
        key, index = decoder.raw_decode(body, index)
        index = _skip(body, _skip(body, index) + 1)  # past the colon
        value, end = decoder.raw_decode(body, index)
        if key in found:
            diagnostics.error(
                text.pos(key_at),
                f"duplicated key '{key}', first written at {text.pos(keys[key])}",
                "JSON readers would silently keep only one; remove one",
            )
        else:
            found[key] = (value, body[index:end], index)
            keys[key] = key_at
        index = _skip(body, end)
        if body[index] == ",":
            index = _skip(body, index + 1)
    return found, index + 1


def _json_cells(
    row: dict[str, tuple[object, str, int]], text: source.SourceText, diagnostics: Diagnostics
) -> dict[str, Cell] | None:
    cells: dict[str, Cell] = {}
    for column in COLUMNS:
        value, raw, offset = row[column]
        pos = text.pos(offset)
        if isinstance(value, str):
            cells[column] = (value, pos)
        elif column == "value" and isinstance(value, int | float) and not isinstance(value, bool):
            cells[column] = (raw, pos)
        else:
            what = "a number" if column == "value" else "text"
            hint = "write the number, e.g. 12.5" if column == "value" else 'quote it: "..."'
            diagnostics.error(pos, f"'{column}' must be {what}, not {raw}", hint)
            return None
    return cells


def _skip(body: str, index: int) -> int:
    """The index of the next character that is not JSON whitespace."""
    while index < len(body) and body[index] in " \t\r\n":
        index += 1
    return index
