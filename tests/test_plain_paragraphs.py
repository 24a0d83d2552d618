"""Plain sentences reach the page as finished paragraphs, exactly as Markdown would
have made them, and only when no Markdown extension of the site could read them."""

from __future__ import annotations

import re
from html import unescape
from types import SimpleNamespace

import pytest

from mkdocs_journey.delivery import extensions
from mkdocs_journey.render.markdown import is_plain
from tests.conftest import BASE_CONFIG, REPO, Project

MARKDOWN = [
    "1. An ordered list",
    "2) Another",
    "- a list item",
    "An *emphasis*",
    "A snake_case name",
    "Code `x`",
    "A [link](https://example.com)",
    "See www.example.com now",
    "See https://example.com",
    "Thanks :smile: for it",
    "Merge !12 today",
    "Two\nlines",
    "Ctrl++Alt",
    "A ~~strike~~",
    "An ==highlight==",
    "Math $x$",
    "A & B",
    "Tags <b>",
    "Escapes \\*",
    "# heading",
    "!!! note",
    ": definition",
    "(c) symbols",
    "'quoted' start",
    "{: .class}",
]


@pytest.mark.parametrize("text", MARKDOWN)
def test_text_that_markdown_reads_is_not_plain(text: str) -> None:
    assert not is_plain(text)


@pytest.mark.parametrize(
    "text",
    [
        "Signs the order form, then waits for the welcome e-mail.",
        "Ação do cliente: assinatura (digital) em 50% dos casos; e/ou presencial!",
        'The admin asks "why?" and the team answers within 2 hours.',
        "Step 3 of 10: it's fine at 10.30 too.",
    ],
)
def test_a_sentence_is_plain(text: str) -> None:
    assert is_plain(text)


def test_safe_extensions_are_known_and_the_others_are_not() -> None:
    config = SimpleNamespace(markdown_extensions=["toc", "tables", "markdown.extensions.attr_list"])
    assert extensions.plain_paragraphs_unchanged(config)  # type: ignore[arg-type]
    for risky in ("abbr", "smarty", "extra", "pymdownx.smartsymbols", "my_company.glossary"):
        config.markdown_extensions = ["toc", risky]
        assert not extensions.plain_paragraphs_unchanged(config)  # type: ignore[arg-type]


def page_texts(project: Project) -> dict[str, str]:
    """Each page's article, unescaped, whitespace between tags dropped."""
    texts = {}
    for page in project.site.rglob("*.html"):
        if page.relative_to(project.site).parts[0] in {"assets", "search", "404.html"}:
            continue
        html = page.read_text("utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        texts[page.relative_to(project.site).as_posix()] = re.sub(r">\s+<", "><", unescape(article))
    return texts


def test_finished_paragraphs_are_what_markdown_makes(
    project: Project, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample built with plain sentences as finished paragraphs and built with all
    of them converted by Python-Markdown: the same pages."""
    project.copy_journeys_from(REPO / "journeys")
    project.build()
    finished = page_texts(project)
    monkeypatch.setattr(extensions, "plain_paragraphs_unchanged", lambda config: False)
    from mkdocs_journey import plugin

    monkeypatch.setattr(plugin, "plain_paragraphs_unchanged", lambda config: False)
    converted = Project(tmp_path_factory.mktemp("converted"))
    converted.copy_journeys_from(REPO / "journeys")
    converted.build()
    assert len(finished) > 20
    assert finished == page_texts(converted)


def test_an_extension_that_reads_words_sees_every_sentence(project: Project) -> None:
    """With `smarty`, a plain sentence is still converted: its quotes are curled."""
    project.copy_journeys("minimal")
    buy = project.root / "journeys" / "buy.yml"
    text = buy.read_text("utf-8")
    described = (
        '          name: Visits the site\n          description: The buyer\'s "first" visit.\n'
    )
    buy.write_text(text.replace("          name: Visits the site\n", described), "utf-8")
    project.build(BASE_CONFIG + "markdown_extensions:\n  - smarty\n")
    stage = project.html("journeys/buy/discover/")
    assert "The buyer&rsquo;s &ldquo;first&rdquo; visit." in stage
    project.build()
    assert "The buyer&#x27;s &quot;first&quot; visit." in project.html("journeys/buy/discover/")
