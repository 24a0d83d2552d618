"""Metric values as the handbook reads them: targets, readings, status and change.

Numbers are `Decimal`s read from their text, so that `72.5` stays 72.5 and a change
is the exact difference of two values as written."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from .diagnostics import Pos

_TARGET = re.compile(r"\s*(>=|<=|>|<|=|≥|≤)\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SYMBOLS = {">=": "≥", "<=": "≤", "≥": "≥", "≤": "≤", ">": ">", "<": "<", "=": "="}
TARGET_EXAMPLE = "write a comparison and a number, e.g. '>= 18', '<= 2', '> 0', '= 100'"
MINUS = "\u2212"
"""The minus sign of a shown negative number or change (−5, not -5)."""


class Status(StrEnum):
    """What the latest value says about the target (`data-status` on the page)."""

    ON = "on"
    OFF = "off"
    NO_DATA = "no-data"
    NO_TARGET = "no-target"


@dataclass(frozen=True, slots=True)
class Target:
    """A comparison of a metric's latest value with a number: `>= 18`."""

    comparison: str
    """One of ≥ ≤ > < = (the ASCII spellings are read as these)."""
    number: Decimal

    def met_by(self, value: Decimal) -> bool:
        """Whether `value` is on target."""
        comparison, number = self.comparison, self.number
        if comparison == "≥":
            return value >= number
        if comparison == "≤":
            return value <= number
        if comparison == ">":
            return value > number
        if comparison == "<":
            return value < number
        return value == number

    def text(self, unit: str = "") -> str:
        """The target as shown: `≥ 18 %`."""
        return f"{self.comparison} {with_unit(self.number, unit)}"


@dataclass(frozen=True, slots=True)
class Reading:
    """One value of a metric, from a row of a data file."""

    metric: str
    date: datetime.date
    value: Decimal
    pos: Pos
    """Where the row's value was written."""


Readings = Mapping[str, Sequence[Reading]]
"""Each metric's readings, oldest first."""


def reference_date(environ: Mapping[str, str]) -> datetime.date:
    """The day rules compare with: `SOURCE_DATE_EPOCH` (seconds since 1970, the
    reproducible-builds convention) when set, else today in UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.datetime.now(datetime.UTC)
    if epoch.isdigit():
        moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return moment.date()


@dataclass(frozen=True, slots=True)
class Freshness:
    """What the dated rules compare with: the reference date and the allowed ages."""

    today: datetime.date
    metrics_max_age: int = 45
    """Days after which a metric's newest value is stale."""
    review_every: int = 180
    """Days after which a journey's review is overdue."""


def parse_target(text: str) -> Target | None:
    """The target written as `text`, or None when it is not a comparison and a number."""
    match = _TARGET.fullmatch(text)
    if match is None:
        return None
    return Target(_SYMBOLS[match.group(1)], Decimal(match.group(2)))


def parse_number(text: str) -> Decimal | None:
    """A value written with `.` as the decimal point (no thousands separator)."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
    return number if number.is_finite() else None


def parse_date(text: str) -> datetime.date | None:
    """A calendar date written `YYYY-MM-DD`."""
    text = text.strip()
    if not _DATE.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def number_text(number: Decimal) -> str:
    """A number as shown: as written, without an exponent, a true minus sign."""
    text = format(number, "f")
    return MINUS + text[1:] if text.startswith("-") else text


def with_unit(number: Decimal, unit: str) -> str:
    """`72.5 %`, `12 days`: the number, then the unit as written."""
    return f"{number_text(number)} {unit}" if unit else number_text(number)


def change_text(latest: Decimal, previous: Decimal, unit: str) -> str:
    """The change from `previous` to `latest`, signed: `+3.5 %`, `−5`, `±0`."""
    difference = latest - previous
    if not difference:
        return "±0" + (f" {unit}" if unit else "")
    sign = "+" if difference > 0 else ""
    return sign + with_unit(difference, unit)


def status(target: Target | None, readings: Sequence[Reading]) -> Status:
    """The status of a metric given its readings, oldest first."""
    if not readings:
        return Status.NO_DATA
    if target is None:
        return Status.NO_TARGET
    return Status.ON if target.met_by(readings[-1].value) else Status.OFF
