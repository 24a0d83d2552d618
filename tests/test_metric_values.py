"""Targets, status, change and the reference date: the arithmetic behind every shown
metric and the dated warnings."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from mkdocs_journey.diagnostics import Pos
from mkdocs_journey.metrics import (
    Reading,
    Status,
    Target,
    change_text,
    number_text,
    parse_number,
    parse_target,
    reference_date,
    status,
    with_unit,
)


@pytest.mark.parametrize(
    ("text", "comparison", "number"),
    [
        (">= 18", "≥", "18"),
        (">=18", "≥", "18"),
        ("<= 2.5", "≤", "2.5"),
        ("> 0", ">", "0"),
        ("< -5", "<", "-5"),
        ("= 100", "=", "100"),
        ("≥ .5", "≥", ".5"),
        ("  ≤ 14  ", "≤", "14"),
    ],
)
def test_targets_are_a_comparison_and_a_number(text: str, comparison: str, number: str) -> None:
    assert parse_target(text) == Target(comparison, Decimal(number))


@pytest.mark.parametrize("text", ["18", "at least 18", ">= 1,5", "=> 3", ">= 18 %", "", "> x"])
def test_anything_else_is_no_target(text: str) -> None:
    assert parse_target(text) is None


@pytest.mark.parametrize(
    ("target", "value", "met"),
    [
        (">= 18", "18", True),
        (">= 18", "17.99", False),
        ("> 0", "0", False),
        ("<= 2", "2.0", True),
        ("< 5", "5", False),
        ("= 100", "100.00", True),
        ("= 100", "99.9", False),
    ],
)
def test_a_target_compares_exactly(target: str, value: str, met: bool) -> None:
    parsed = parse_target(target)
    assert parsed is not None and parsed.met_by(Decimal(value)) is met


def reading(day: int, value: str) -> Reading:
    return Reading("nps", datetime.date(2026, 1, day), Decimal(value), Pos("m.csv", day))


def test_status_reads_the_newest_value() -> None:
    target = parse_target(">= 40")
    assert status(target, []) is Status.NO_DATA
    assert status(None, [reading(1, "45")]) is Status.NO_TARGET
    assert status(target, [reading(1, "45"), reading(2, "39")]) is Status.OFF
    assert status(target, [reading(1, "39"), reading(2, "40")]) is Status.ON


@pytest.mark.parametrize(
    ("latest", "previous", "unit", "shown"),
    [
        ("72.5", "69", "%", "+3.5 %"),
        ("3", "8", "", "−5"),
        ("4.5", "4.5", "/ 5", "±0 / 5"),
        ("0.1", "0.3", "days", "−0.2 days"),
    ],
)
def test_change_is_signed_with_the_unit(latest: str, previous: str, unit: str, shown: str) -> None:
    assert change_text(Decimal(latest), Decimal(previous), unit) == shown


def test_numbers_are_shown_as_written() -> None:
    assert number_text(Decimal("72.50")) == "72.50"
    assert number_text(Decimal("-5")) == "−5"
    assert with_unit(Decimal("1E+3"), "BRL") == "1000 BRL"
    assert parse_number(" 12.5 ") == Decimal("12.5")
    assert parse_number("1.234,5") is None
    assert parse_number("NaN") is None


def test_the_reference_date_is_source_date_epoch_when_set() -> None:
    assert reference_date({"SOURCE_DATE_EPOCH": "1800000000"}) == datetime.date(2027, 1, 15)
    today = datetime.datetime.now(datetime.UTC).date()
    assert reference_date({}) == today
