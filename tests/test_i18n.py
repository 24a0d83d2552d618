"""Every generated label exists in English and Brazilian Portuguese."""

from __future__ import annotations

import dataclasses
import re
from html import unescape
from pathlib import Path

import pytest

from mkdocs_journey.analysis import analyse
from mkdocs_journey.history import HandbookHistory
from mkdocs_journey.i18n import ENGLISH, PORTUGUESE, labels_for
from mkdocs_journey.load import Loader
from mkdocs_journey.render.site import generate

REPO = Path(__file__).parent.parent


def label_fragments(value: object) -> list[str]:
    """The literal words of a label (format placeholders removed)."""
    texts = value if isinstance(value, tuple) else (value,)
    return [
        part.strip()
        for text in texts
        for part in re.split(r"\{\w+\}", str(text))
        if len(part.strip()) > 3
    ]


def test_both_languages_define_every_label() -> None:
    """No label is empty, and every Portuguese label is translated (not the English one)."""
    identical_on_purpose = {"personas", "persona", "kpis"}
    for field in dataclasses.fields(ENGLISH):
        english, portuguese = getattr(ENGLISH, field.name), getattr(PORTUGUESE, field.name)
        assert english and portuguese, field.name
        if field.name not in identical_on_purpose:
            assert english != portuguese, field.name


def test_placeholders_match_across_languages() -> None:
    """A translated label uses the same placeholders as the English one."""
    for field in dataclasses.fields(ENGLISH):
        english, portuguese = (
            str(getattr(ENGLISH, field.name)),
            str(getattr(PORTUGUESE, field.name)),
        )
        assert sorted(re.findall(r"\{\w+\}", english)) == sorted(
            re.findall(r"\{\w+\}", portuguese)
        ), field.name


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("pt-BR", PORTUGUESE),
        ("pt", PORTUGUESE),
        ("pt_BR", PORTUGUESE),
        ("en", ENGLISH),
        ("de", ENGLISH),
        (None, ENGLISH),
    ],
)
def test_language_codes(code: str | None, expected: object) -> None:
    """Theme language codes map to the supported label sets, English otherwise."""
    assert labels_for(code) is expected


HISTORY_ENTRIES = {
    "last_changed",
    "uncommitted",
    "history_no_git",
    "history_no_repository",
    "history_shallow",
    "does_not_load",
    "added_word",
    "removed_word",
    "changed_word",
    "journey_added",
    "journey_removed",
    "catalogue_word",
    "steps_added",
    "steps_removed",
    "steps_renamed",
    "steps_moved",
    "steps_changed",
}
"""Labels of the history's entries, which a handbook without commits does not show."""


def test_portuguese_pages_show_no_english_label() -> None:
    """Built in pt-BR, the sample's generated pages hold no English label text (the
    handbook's own content is English, so text that also occurs in the YAML is allowed)."""
    graph, _ = analyse(Loader(), REPO / "journeys", REPO, metrics_dir=REPO / "metrics")
    assert graph is not None
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "journeys").glob("*.yml"))
    history = HandbookHistory(missing="no-commit")  # the Changes sections and page, empty
    pages = unescape(
        "\n".join(page.document for page in generate(graph, PORTUGUESE, history=history))
    )
    pages = re.sub(r"%%\{init.*?\}%%", "", pages)  # Mermaid's own configuration keys
    english_pages = unescape(
        "\n".join(page.document for page in generate(graph, ENGLISH, history=history))
    )
    leftovers = []
    for field in dataclasses.fields(ENGLISH):
        portuguese = label_fragments(getattr(PORTUGUESE, field.name))
        for fragment in label_fragments(getattr(ENGLISH, field.name)):
            if fragment in portuguese or fragment in sources:
                continue
            assert fragment in english_pages or field.name in {
                "no_journeys",
                "no_departments",
                "no_touchpoints",
                "no_personas",
                "not_used",
                "no_channel",
                "diagram_part",
                "diagram_split_note",
                "more_steps",
                "diagram_simplified",
                "folded_step",
                "serve_errors",
                "folded_steps",
                "folded_stage",
                "end_of_path",
                "stage_map_of",  # journeys over map_max_steps: none at the default
                "experience_average",
                "map_by_stage_note",
                "stage_share",  # department maps folded by stage: larger handbooks only
                "status_no_data",  # every metric of the sample has data and a target
                "status_no_target",
                "not_reviewed",  # and every journey a review date
                *HISTORY_ENTRIES,  # test_history builds them in both languages
            }, (field.name, fragment)
            if fragment in pages:
                leftovers.append((field.name, fragment))
    assert leftovers == []


def test_sample_builds_in_portuguese(tmp_path: Path) -> None:
    """The sample handbook builds strictly in pt-BR, with Portuguese page labels."""
    from tests.conftest import BASE_CONFIG, Project

    project = Project(tmp_path)
    project.copy_journeys_from(REPO / "journeys")
    project.build(BASE_CONFIG.replace("  - journey\n", "  - journey:\n      language: pt-BR\n"))
    index = unescape(project.html("journeys/"))
    assert "Mapa das jornadas" in index and "Todas as áreas" in index
    assert "Map of the journeys" not in index and "All departments" not in index
    department = unescape(project.html("departments/sales/"))
    assert "Passagens de bastão" in department and "Hand-overs" not in department
