"""Every diagnostic is one line, whatever the user's text: a key or a value holding line
breaks (escaped CR-LF, U+2028, NEL) never splits a diagnostic in any output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_journey.cli import main

BREAKS = {
    "crlf": ("\\r\\n", "\r\n"),
    "line-separator": ("\\L", "\u2028"),
    "paragraph-separator": ("\\P", "\u2029"),
    "lone-cr": ("\\r", "\r"),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
@pytest.mark.parametrize("output_format", ["text", "github"])
def test_a_key_with_line_breaks_gives_one_line_per_diagnostic(
    name: str,
    output_format: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unknown key written with a line break inside is reported on one line, with the
    break shown as its escape."""
    escape, _ = BREAKS[name]
    journeys = tmp_path / "journeys"
    journeys.mkdir()
    (journeys / "catalogue.yml").write_text(
        f'departments:\n  - id: d\n    name: D\n    "lead{escape}er": Ana\n'
        f'    contact: "x"\n    "r{escape}": [a]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code = main(["check", "journeys", "--format", output_format])
    out = capsys.readouterr().out
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2, out
    assert all(line.startswith(("journeys/catalogue.yml:", "::error file=")) for line in lines)
    shown = escape if escape.startswith("\\r") else repr(BREAKS[name][1])[1:-1]
    assert f"unknown key 'lead{shown}er' in department" in lines[0]


def test_json_keeps_the_exact_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON escapes line breaks itself, so its message keeps the key exactly."""
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "c.yml").write_text(
        'departments:\n  - id: d\n    name: D\n    "a\\r\\nb": 1\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "journeys", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["diagnostics"][0]["message"] == "unknown key 'a\r\nb' in department"
