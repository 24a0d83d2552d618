"""Identifiers: the pattern every id must match and the derivation of ids from names."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 64
RESERVED_IDS = frozenset(
    {"index", "con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(1, 10)}
    | {f"lpt{n}" for n in range(1, 10)}
)
_NOT_ID_CHARS = re.compile(r"[^a-z0-9]+")


def id_from_name(name: str) -> str:
    """Derive an id from a display name: 'Atenção ao Cliente' -> 'atencao-ao-cliente'."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_ID_CHARS.sub("-", ascii_only.lower()).strip("-")


def id_problem(value: str) -> str:
    """Why `value` is not a valid id, or an empty string when it is one."""
    if not ID_PATTERN.fullmatch(value):
        return "lower-case letters, digits and single hyphens only"
    if len(value) > MAX_ID_LENGTH:
        return f"at most {MAX_ID_LENGTH} characters"
    if value in RESERVED_IDS:
        return "reserved name (it would collide with an index page or a device name)"
    return ""
