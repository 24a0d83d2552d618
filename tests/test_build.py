"""Real `mkdocs build` of temporary projects: every promised page, anchor and link."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape

import pytest
import yaml

from mkdocs_journey.delivery import search
from mkdocs_journey.render.site import PLACEHOLDER, GeneratedPage
from tests.conftest import BASE_CONFIG, REPO, Project
from tests.expected import Expected, read


def built_files(project: Project) -> set[str]:
    """The HTML files of the built site, except the theme's own."""
    return {
        html.relative_to(project.site).as_posix()
        for html in project.site.rglob("*.html")
        if html.relative_to(project.site).parts[0] not in {"assets", "search", "404.html"}
    }


def html_file(page: str, directory_urls: bool) -> str:
    """Where MkDocs writes a .md page."""
    target = url(page, directory_urls)
    return target + "index.html" if target.endswith("/") or not target else target


def url(page: str, directory_urls: bool) -> str:
    stem = page.removesuffix(".md")
    if stem.endswith("index"):
        return stem.removesuffix("index") + ("" if directory_urls else "index.html")
    return stem + ("/" if directory_urls else ".html")


def html_of(project: Project, page: str, directory_urls: bool) -> str:
    return (project.site / html_file(page, directory_urls)).read_text(encoding="utf-8")


def primary_nav(html: str) -> str:
    """The HTML of Material's primary (site) navigation sidebar."""
    return html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]


def config(directory_urls: bool, extra: str = "") -> str:
    return BASE_CONFIG + f"use_directory_urls: {str(directory_urls).lower()}\n" + extra


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "html-urls"])
def sample(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Project, Expected, bool]:
    """The repository's sample handbook, built once per URL style."""
    project = Project(tmp_path_factory.mktemp("sample"))
    project.copy_journeys_from(REPO / "journeys")
    with_search = config(request.param).replace("plugins:\n", "plugins:\n  - search\n")
    project.build(with_search)
    return project, read(REPO / "journeys"), request.param


def test_every_page_of_the_spec_exists(sample: tuple[Project, Expected, bool]) -> None:
    """Each row of the SPEC's page table exists, for every journey, stage and entity."""
    project, expected, directory_urls = sample
    promised = {html_file(page, directory_urls) for page in expected.pages()}
    assert built_files(project) == promised | {"index.html"}


def test_every_step_has_its_anchor(sample: tuple[Project, Expected, bool]) -> None:
    """Each stage page has one section anchored by each of its step ids."""
    project, expected, directory_urls = sample
    for (journey, stage), steps in expected.steps.items():
        html = html_of(project, f"journeys/{journey}/{stage}.md", directory_urls)
        for step in steps:
            assert html.count(f'id="{step}"') == 1, (journey, stage, step)


def test_department_pages_link_every_step_they_are_involved_in(
    sample: tuple[Project, Expected, bool],
) -> None:
    """A department's page links each step whose departments or owner name it."""
    project, expected, directory_urls = sample
    assert set(expected.involvement) == set(expected.departments)
    for department, steps in expected.involvement.items():
        html = html_of(project, f"departments/{department}.md", directory_urls)
        links = set(re.findall(r'href="([^"]+)"', html))
        for journey, stage, step in steps:
            target = url(f"journeys/{journey}/{stage}.md", directory_urls) + f"#{step}"
            assert any(link.endswith(target) for link in links), (department, target)


def test_department_matrix_cells_lead_to_the_steps_behind_them(
    sample: tuple[Project, Expected, bool],
) -> None:
    """Each cell of a journey's departments-by-stage matrix links to the one step behind
    it, or to the department's list of its steps in that stage, which links each of
    them and no other."""
    project, expected, directory_urls = sample
    checked = {"one": 0, "several": 0}
    for journey, stages in expected.stages.items():
        page = f"journeys/{journey}/index.md"
        overview = html_of(project, page, directory_urls)
        table = overview[overview.index('id="departments-by-stage"') :]
        table = table[: table.index("</table>")]
        rows = re.findall(r"<tr><td>(.*?)</td></tr>", table)
        assert rows, journey
        for row in rows:
            first, *cells = row.split("</td><td>")
            department = re.search(r'href="[^"]*departments/([a-z0-9-]+)', first)
            assert department, row
            steps_in = {
                stage: [
                    s
                    for j, st, s in expected.involvement[department[1]]
                    if (j, st) == (journey, stage)
                ]
                for stage in stages
            }
            assert len(cells) == len(stages)
            for stage, cell in zip(stages, cells, strict=True):
                steps = steps_in[stage]
                if not steps:
                    assert cell == "", (journey, department[1], stage)
                    continue
                assert re.sub(r"<[^>]+>", "", cell) == str(len(steps))
                href = re.search(r'href="([^"]+)"', cell)
                assert href, cell
                if len(steps) == 1:
                    target = url(f"journeys/{journey}/{stage}.md", directory_urls)
                    assert href[1].endswith(f"{target}#{steps[0]}"), (href[1], steps)
                    checked["one"] += 1
                    continue
                target = url(f"departments/{department[1]}.md", directory_urls)
                assert href[1].endswith(f"{target}#{journey}--{stage}"), href[1]
                listing = html_of(project, f"departments/{department[1]}.md", directory_urls)
                group = listing[listing.index(f'<li id="{journey}--{stage}">') :]
                group = group[: group.index("</ul>")]
                entries = re.findall(r"<li>(.*?)(?=</li>|<ul>)", group)
                stage_url = url(f"journeys/{journey}/{stage}.md", directory_urls)
                listed = [re.search(r'href="([^"]+)"', e)[1] for e in entries]  # type: ignore[index]
                assert [link.rsplit("#", 1)[1] for link in listed] == steps
                assert all(link.split("#")[0].endswith(stage_url) for link in listed)
                checked["several"] += 1
    assert checked["one"] > 20 and checked["several"] > 20, checked


def test_milestone_anchors(sample: tuple[Project, Expected, bool]) -> None:
    """The milestone index anchors each milestone as `journey--milestone`."""
    project, expected, directory_urls = sample
    html = html_of(project, "milestones.md", directory_urls)
    for journey, milestone in expected.milestones:
        assert f'id="{journey}--{milestone}"' in html


def test_edit_links_open_the_yaml(sample: tuple[Project, Expected, bool]) -> None:
    """A generated page's edit link opens the YAML file that defines it."""
    project, expected, directory_urls = sample
    for journey, source in expected.sources.items():
        html = html_of(project, f"journeys/{journey}/index.md", directory_urls)
        assert f'href="https://example.invalid/acme/handbook/edit/main/journeys/{source}"' in html


def test_nav_lists_journeys_and_stages_but_not_touchpoint_details(
    sample: tuple[Project, Expected, bool],
) -> None:
    """The automatic nav holds journeys and stages; detail pages stay out of it."""
    project, expected, directory_urls = sample
    html = html_of(project, "journeys/index.md", directory_urls)
    nav = primary_nav(html)
    journey, stages = next(iter(expected.stages.items()))
    assert (
        url(f"journeys/{journey}/{stages[-1]}.md", directory_urls).split("/")[
            -2 if directory_urls else -1
        ]
        in nav
    )
    for touchpoint in expected.touchpoints:
        assert f"touchpoints/{touchpoint}" not in nav


def test_internal_links_all_resolve(sample: tuple[Project, Expected, bool]) -> None:
    """Every relative link of every generated page points at a built file."""
    project, _, _ = sample
    for html_file in project.site.rglob("*.html"):
        if html_file.relative_to(project.site).parts[0] in {"assets", "search", "404.html"}:
            continue
        html = html_file.read_text(encoding="utf-8")
        for link in re.findall(r'href="([^"#:?]+)(?:#[^"]*)?"', html):
            target = (html_file.parent / link).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), (html_file, link)


def test_portuguese_handbook_builds_with_portuguese_labels(project: Project) -> None:
    """Accents, quotes and parentheses in names build; labels follow `language`."""
    project.copy_journeys("portugues")
    project.build(BASE_CONFIG.replace("  - journey\n", "  - journey:\n      language: pt-BR\n"))
    stage = unescape(project.html("journeys/contratacao/descoberta/"))
    assert "Passo 1: liga para a central" in stage
    assert "Atenção ao Cliente (SAC)" in stage
    assert "Pontos de contato" in stage and "Touchpoints" not in stage
    overview = unescape(project.html("journeys/contratacao/"))
    assert 'Contratação (do "oi" ao primeiro mês)' in overview
    assert (project.site / "departments" / "atencao-ao-cliente-sac" / "index.html").exists()


def test_theme_language_picks_the_labels(project: Project) -> None:
    """Without `language`, a Portuguese theme gets Portuguese labels."""
    project.copy_journeys("portugues")
    project.build(BASE_CONFIG.replace("  font: false\n", "  font: false\n  language: pt-BR\n"))
    assert "Passos de Descoberta" in project.html("journeys/contratacao/descoberta/")


def test_explicit_nav_with_placeholders(
    project: Project, mkdocs_warnings: Callable[[], list[str]]
) -> None:
    """Placeholders in a hand-written nav expand to the generated sections."""
    project.copy_journeys("minimal")
    nav = 'nav:\n  - Home: index.md\n  - Journeys: "@journeys"\n  - "@departments"\n'
    project.build(BASE_CONFIG + nav + "validation:\n  omitted_files: warn\n")
    assert mkdocs_warnings() == []
    html = project.html("")
    nav_html = primary_nav(html)
    assert "journeys/buy/discover/" in nav_html
    assert "departments/sales/" in nav_html
    assert "touchpoints/" not in nav_html


def test_generated_page_cannot_replace_a_hand_written_one(project: Project) -> None:
    """A docs page at a generated path is a clear error naming it."""
    project.copy_journeys("minimal")
    project.write("docs/journeys/index.md", "# Mine\n")
    project.write("mkdocs.yml", BASE_CONFIG)
    result = project.run_mkdocs_build()
    assert result.returncode != 0
    assert (
        "docs/journeys/index.md:1:1: error: page 'journeys/index.md' would be replaced by the generated"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_generated_page_cannot_replace_a_page_with_the_same_url(project: Project) -> None:
    """docs/departments.md and the generated departments/index.md share one output file."""
    project.copy_journeys("minimal")
    project.write("docs/index.md", "# Home\n")
    project.write("docs/departments.md", "# Mine\n")
    project.write("mkdocs.yml", BASE_CONFIG)
    result = project.run_mkdocs_build()
    assert result.returncode == 1
    assert (
        "docs/departments.md:1:1: error: page 'departments.md' would be replaced by the generated 'departments/index.md' (both become 'departments/index.html')"
        in result.stderr
    )


def test_invalid_reference_fails_the_build_with_position_and_hint(project: Project) -> None:
    """An unknown department fails `mkdocs build` with one positioned line, no traceback."""
    project.copy_journeys("minimal")
    buy = (project.root / "journeys" / "buy.yml").read_text()
    project.write(
        "journeys/buy.yml",
        buy.replace("departments: [sales, atencao", "departments: [sals, atencao"),
    )
    project.write("docs/index.md", "# Home\n")
    project.write("mkdocs.yml", BASE_CONFIG)
    result = project.run_mkdocs_build()
    assert result.returncode == 1
    assert (
        "journeys/buy.yml:25:25: error: unknown department 'sals' (did you mean 'sales'?)"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_hostile_names_stay_text(project: Project) -> None:
    """A name made of HTML stays text in titles, nav and content."""
    project.copy_journeys("minimal")
    catalogue = (project.root / "journeys" / "catalogue.yml").read_text()
    hostile = "'</title><script>alert(1)</script> *x* [y](javascript:alert(2)) {: onclick=z}'"
    project.write(
        "journeys/catalogue.yml",
        catalogue.replace("name: Sales & Partnerships", f"name: {hostile}"),
    )
    project.build()
    for html_file in project.site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html
        assert 'href="javascript:' not in html
        assert not re.search(r"<[^>]*\sonclick=", html)
    page = project.html("departments/sales/")
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unknown_plugin_option_is_an_error(project: Project) -> None:
    """A misspelled option fails the build, naming the option and the known ones."""
    project.copy_journeys("minimal")
    project.write("docs/index.md", "# Home\n")
    project.write(
        "mkdocs.yml", BASE_CONFIG.replace("  - journey\n", "  - journey:\n      journey_dir: x\n")
    )
    result = project.run_mkdocs_build()
    assert result.returncode == 1
    assert "journey_dir" in result.stderr and "known options: journeys_dir" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["0", "-3", "true", "'40'", "2.5"])
def test_map_max_steps_must_be_a_count(project: Project, value: str) -> None:
    """`map_max_steps` is a whole number of at least 1: anything else fails the build,
    naming the option."""
    project.copy_journeys("minimal")
    project.write("docs/index.md", "# Home\n")
    option = f"  - journey:\n      map_max_steps: {value}\n"
    project.write("mkdocs.yml", BASE_CONFIG.replace("  - journey\n", option))
    result = project.run_mkdocs_build()
    assert result.returncode == 1, value
    assert "map_max_steps" in result.stderr and "at least 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_map_max_steps_chooses_the_map_level(project: Project) -> None:
    """Below the option's value a journey's overview maps steps; above it, stages, and
    its stage pages map their steps."""
    project.copy_journeys("minimal")
    project.build(BASE_CONFIG.replace("  - journey\n", "  - journey:\n      map_max_steps: 3\n"))
    overview = project.html("journeys/buy/")
    assert 'data-level="stage"' in overview
    assert 'class="journey-map"' in project.html("journeys/buy/discover/")
    assert 'class="service-blueprint"' in project.html("journeys/buy/discover/")
    assert 'data-level="stage"' not in project.html("journeys/renew/")


def test_diagram_links_resolve(sample: tuple[Project, Expected, bool]) -> None:
    """Every Mermaid node link leads to a built page, and to an anchor that exists there."""
    project, _, _ = sample
    checked = 0
    for html_file in project.site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for href in re.findall(r'click n\d+ href "([^"]+)"', html):
            path, _, anchor = href.partition("#")
            target = (html_file.parent / path).resolve() if path else html_file
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), (html_file, href)
            if anchor:
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (html_file, href)
            checked += 1
    assert checked > 300


def test_every_handover_is_on_both_department_pages(sample: tuple[Project, Expected, bool]) -> None:
    """Each owner change along a path (computed from the YAML) is listed in the
    hand-overs of both departments, linking both steps."""
    project, expected, directory_urls = sample
    stage_of = {(j, step): s for (j, s), steps in expected.steps.items() for step in steps}
    handovers = expected.handovers()
    assert len(handovers) > 40
    for source, target, giver, receiver in handovers:
        links = [
            url(f"journeys/{key[0]}/{stage_of[key]}.md", directory_urls) + f"#{key[1]}"
            for key in (source, target)
        ]
        for department in (giver, receiver):
            html = html_of(project, f"departments/{department}.md", directory_urls)
            section = html[html.index('id="hand-overs"') :]
            hrefs = re.findall(r'href="([^"]+)"', section)
            for link in links:
                assert any(h.endswith(link) for h in hrefs), (department, source, target)


def search_entries(project: Project) -> list[dict[str, str]]:
    index = json.loads((project.site / "search" / "search_index.json").read_text("utf-8"))
    return list(index["docs"])


def test_no_placeholder_is_left(sample: tuple[Project, Expected, bool]) -> None:
    """Every HTML block and view of every generated page is in place in the site."""
    project, _, _ = sample
    for html_file in project.site.rglob("*.html"):
        assert "<!--journey-" not in html_file.read_text("utf-8"), html_file


def test_search_finds_each_step_in_its_own_section(
    sample: tuple[Project, Expected, bool],
) -> None:
    """A step's section is in the search index with its facts (departments,
    touchpoints, pain points); the pages that only list it (departments, touchpoints,
    matrices, hand-overs) and diagram sources are not, so a search has one hit per
    step rather than one per mention."""
    project, expected, directory_urls = sample
    entries = search_entries(project)
    by_location = {entry["location"]: entry for entry in entries}
    for (journey, stage), steps in expected.steps.items():
        page = url(f"journeys/{journey}/{stage}.md", directory_urls)
        for step in steps:
            entry = by_location[f"{page}#{step}"]
            assert "Departments:" in entry["text"] or "Next" in entry["text"], entry
    raw = yaml.safe_load((REPO / "journeys" / "self-serve-trial.yml").read_text("utf-8"))
    steps = [step for stage in raw["journey"]["stages"] for step in stage["steps"]]
    pain = next(step["pain_points"][0] for step in steps if step.get("pain_points"))
    hits = [e["location"] for e in entries if pain in unescape(e["text"])]
    assert len(hits) == 1 and hits[0].startswith("journeys/self-serve-trial/"), hits
    for entry in entries:
        assert "accTitle" not in entry["text"] and "flowchart" not in entry["text"], entry
        assert "At step" not in entry["text"], entry
    department_page = url("departments/onboarding.md", directory_urls)
    listed = [e for e in entries if e["location"].startswith(department_page)]
    assert listed and all("journeys/" not in e["text"] for e in listed)
    html = html_of(project, "departments/onboarding.md", directory_urls)
    assert "<table>" in html and html.count("<li>") > 10


def test_search_index_reads_the_same_as_the_full_blocks(
    project: Project, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The search plugin gets generated blocks without their links and their lists as
    paragraphs, which it parses much faster; the index has the sections, titles and
    words it would have from the full blocks."""
    project.copy_journeys_from(REPO / "journeys")
    with_search = BASE_CONFIG.replace("plugins:\n", "plugins:\n  - search\n")
    project.build(with_search)
    light = search_entries(project)

    def full_blocks(page: GeneratedPage, converted: str) -> str:
        """The blocks as they are, less sparklines (whose titles are not indexed)."""
        return PLACEHOLDER.sub(
            lambda m: (
                SPARKLINE.sub("", page.blocks[int(m.group(2))])
                if m.group(1) == "block"
                else m.group()
            ),
            converted,
        )

    monkeypatch.setattr(search, "for_search", full_blocks)
    full = Project(tmp_path_factory.mktemp("full"))
    full.copy_journeys_from(REPO / "journeys")
    full.build(with_search)
    assert len(light) > 100
    full_index = search_entries(full)
    assert [words_of(entry) for entry in light] == [words_of(entry) for entry in full_index]
    items = [sum(e["text"].count("<li>") for e in index) for index in (light, full_index)]
    assert items[0] < items[1] / 3, items  # generated lists are paragraphs; yours are lists


SPARKLINE = re.compile(r'<svg class="journey-sparkline".*?</svg>', re.S)


def words_of(entry: dict[str, str]) -> tuple[str, str, list[str]]:
    """A search entry's location, title and words, whatever tags hold them."""
    text = re.sub(r"<[^>]+>|·", " ", unescape(entry["text"]))
    return entry["location"], entry["title"], text.split()


def test_blocks_are_in_place_with_another_theme(project: Project) -> None:
    """HTML blocks and views go through any theme that prints the page's content: with
    MkDocs' own theme and search plugin, no marker is left and the views are there."""
    project.copy_journeys("minimal")
    project.build("site_name: Plain theme\ntheme: mkdocs\nplugins:\n  - search\n  - journey\n")
    for html_file in project.site.rglob("*.html"):
        assert "<!--journey-" not in html_file.read_text("utf-8"), html_file
    department = project.html("departments/sales/")
    assert "<table>" in department and 'href="../../journeys/buy/discover/#visit"' in department
    entries = search_entries(project)
    assert any(e["location"] == "journeys/buy/discover/#visit" for e in entries)
