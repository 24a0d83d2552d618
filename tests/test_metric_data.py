"""Metric data files (CSV and JSON): every bad cell is an error at its line and column,
with a hint; good rows become readings, oldest first; nothing is dropped silently."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from mkdocs_journey.load.metric_data import data_files, read_readings
from mkdocs_journey.load.source import MAX_FILE_BYTES

KNOWN = {"nps", "save-rate"}

CASES: dict[str, tuple[str, bytes, list[str]]] = {
    "unknown metric": (
        "a.csv",
        b"metric,date,value\nnsp,2026-01-31,40\n",
        ["metrics/a.csv:2:1: error: unknown metric 'nsp' (did you mean 'nps'?)"],
    ),
    "empty metric cell": (
        "a.csv",
        b"metric,date,value\n,2026-01-31,40\n",
        ["metrics/a.csv:2:1: error: this row names no metric (write the metric's id)"],
    ),
    "malformed date": (
        "a.csv",
        b"metric,date,value\nnps,31/01/2026,40\nnps,2026-02-30,41\n",
        [
            "metrics/a.csv:2:5: error: '31/01/2026' is not a date YYYY-MM-DD (e.g. 2026-11-30)",
            "metrics/a.csv:3:5: error: '2026-02-30' is not a date YYYY-MM-DD (e.g. 2026-11-30)",
        ],
    ),
    "malformed number": (
        "a.csv",
        b'metric,date,value\nnps,2026-01-31,"1,5"\nnps,2026-02-28,12%\n',
        [
            "metrics/a.csv:2:16: error: '1,5' is not a number (write digits with '.' as the "
            "decimal point and no thousands separator, e.g. 1234.5)",
            "metrics/a.csv:3:16: error: '12%' is not a number (write digits with '.' as the "
            "decimal point and no thousands separator, e.g. 1234.5)",
        ],
    ),
    "empty value": (
        "a.csv",
        b"metric,date,value\nnps,2026-01-31,\n",
        ["metrics/a.csv:2:16: error: this row has no value (write the number, or drop the row)"],
    ),
    "missing column": (
        "a.csv",
        b"metric,day,value\nnps,2026-01-31,40\n",
        [
            "metrics/a.csv:1:1: error: the header row has no 'date' column (the first row "
            "names the columns: metric,date,value; others are ignored)"
        ],
    ),
    "repeated column": (
        "a.csv",
        b"metric,date,value,value\nnps,2026-01-31,40,41\n",
        [
            "metrics/a.csv:1:1: error: the header row names the 'value' column twice "
            "(keep one column of each name)"
        ],
    ),
    "short row": (
        "a.csv",
        b"metric,date,value\nnps,2026-01-31\n",
        [
            "metrics/a.csv:2:1: error: this row has 2 cells; the header names 3 "
            "(give every row a metric, a date and a value)"
        ],
    ),
    "duplicate pair": (
        "a.csv",
        b"metric,date,value\nnps,2026-01-31,40\nsave-rate,2026-01-31,50\nnps,2026-01-31,41\n",
        [
            "metrics/a.csv:4:5: error: metric 'nps' already has a value for 2026-01-31, at "
            "metrics/a.csv:2:5 (keep one row per metric and date)"
        ],
    ),
    "unclosed quote": (
        "a.csv",
        b'metric,date,value\nnps,"2026-01-31,40\n',
        [
            "metrics/a.csv:2:1: error: unreadable CSV: unexpected end of data (quote a cell "
            "that holds the delimiter, and close every quote)"
        ],
    ),
    "invalid UTF-8": (
        "a.csv",
        b"metric,date,value\nnps,2026-01-31,4\xff0\n",
        ["metrics/a.csv:2:17: error: invalid UTF-8 byte sequence (save the file as UTF-8)"],
    ),
    "JSON not a list": (
        "b.json",
        b'{"metric": "nps"}',
        [
            "metrics/b.json:1:1: error: a metrics JSON file holds a list of objects (write "
            '[{"metric": "...", "date": "YYYY-MM-DD", "value": 1.5}, ...])'
        ],
    ),
    "JSON syntax": (
        "b.json",
        b'[\n  {"metric": "nps", "date": "2026-01-31", "value": 40,}\n]',
        [
            "metrics/b.json:2:55: error: invalid JSON: Expecting property name enclosed in "
            "double quotes (export a list of objects with metric, date and value)"
        ],
    ),
    "JSON row missing a key": (
        "b.json",
        b'[\n  {"metric": "nps", "value": 40}\n]',
        [
            "metrics/b.json:2:3: error: this object has no 'date' (give every object a "
            "metric, a date and a value)"
        ],
    ),
    "JSON wrong types": (
        "b.json",
        b'[\n  {"metric": "nps", "date": 20260131, "value": 40},\n'
        b'  {"metric": "nps", "date": "2026-02-28", "value": true}\n]',
        [
            "metrics/b.json:2:29: error: 'date' must be text, not 20260131 (quote it: \"...\")",
            "metrics/b.json:3:52: error: 'value' must be a number, not true "
            "(write the number, e.g. 12.5)",
        ],
    ),
    "JSON entry not an object": (
        "b.json",
        b'[\n  ["nps", "2026-01-31", 40]\n]',
        ["metrics/b.json:2:3: error: each entry of the list must be an object (write {...})"],
    ),
    "JSON duplicated key": (
        "b.json",
        b'[{"metric": "nps", "date": "2026-01-31", "value": 40, "value": 41}]',
        [
            "metrics/b.json:1:55: error: duplicated key 'value', first written at "
            "metrics/b.json:1:42 (JSON readers would silently keep only one; remove one)"
        ],
    ),
    "control character": (
        "a.csv",
        b"metric,date,value\nnps\x1b[31m,2026-01-31,40\n",
        [
            "metrics/a.csv:2:4: error: control character U+001B is not allowed "
            "(delete it; it is invisible and can disguise the text)"
        ],
    ),
}


def write(root: Path, name: str, data: bytes) -> None:
    folder = root / "metrics"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_data_is_a_positioned_error(tmp_path: Path, case: str) -> None:
    name, data, expected = CASES[case]
    write(tmp_path, name, data)
    _, diagnostics = read_readings(data_files(tmp_path / "metrics", tmp_path), KNOWN)
    assert [str(d) for d in diagnostics.sorted()] == expected


def test_too_large_a_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    write(tmp_path, "big.csv", b"metric,date,value\n" + b"#" * MAX_FILE_BYTES)
    _, diagnostics = read_readings(data_files(tmp_path / "metrics", tmp_path), KNOWN)
    assert [str(d) for d in diagnostics] == [
        "metrics/big.csv:1:1: error: file is 5.0 MiB, over the 5 MiB limit "
        "(split it into several files)"
    ]


def test_good_rows_become_readings_oldest_first(tmp_path: Path) -> None:
    """Any column order, other columns ignored, a BOM, `;` as delimiter, blank lines,
    JSON numbers and numeric strings: every row is read, and sorted by date."""
    write(tmp_path, "a.csv", b"\xef\xbb\xbfdate;note;VALUE;metric\n2026-03-31;x;42.50;nps\n\n")
    write(
        tmp_path,
        "b.json",
        b'[{"metric": "nps", "date": "2026-01-31", "value": 40, "source": "survey"},\n'
        b' {"metric": "nps", "date": "2026-02-28", "value": "41"},\n'
        b' {"metric": "save-rate", "date": "2026-02-28", "value": -1.5e1}]',
    )
    readings, diagnostics = read_readings(data_files(tmp_path / "metrics", tmp_path), KNOWN)
    assert not diagnostics
    nps = [(r.date, r.value, str(r.pos)) for r in readings["nps"]]
    assert nps == [
        (datetime.date(2026, 1, 31), Decimal("40"), "metrics/b.json:1:51"),
        (datetime.date(2026, 2, 28), Decimal("41"), "metrics/b.json:2:51"),
        (datetime.date(2026, 3, 31), Decimal("42.50"), "metrics/a.csv:2:14"),
    ]
    assert readings["save-rate"][0].value == Decimal("-15")


def test_a_missing_folder_holds_no_data(tmp_path: Path) -> None:
    assert data_files(tmp_path / "metrics", tmp_path) == []


def test_other_files_and_hidden_folders_are_not_data(tmp_path: Path) -> None:
    write(tmp_path, "README.md", b"# How we export\n")
    (tmp_path / "metrics" / ".cache").mkdir()
    (tmp_path / "metrics" / ".cache" / "old.csv").write_bytes(b"garbage")
    write(tmp_path, "Upper.CSV", b"metric,date,value\nnps,2026-01-31,40\n")
    files = data_files(tmp_path / "metrics", tmp_path)
    assert [f.path for f in files] == ["metrics/Upper.CSV"]
