"""`render OUT --config-out FILE`: the written configuration keeps everything of the
user's (tags, `!ENV`, other plugins, extensions), drops the journey plugin, expands the
nav placeholders (or spells out the automatic nav), rewrites relative paths for its own
folder, and builds OUT with plain MkDocs into the same pages as the plugin."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from mkdocs_journey.cli import main
from tests.builders import edit_link, link_problems
from tests.conftest import Project

CONFIG = """\
site_name: Handbook
site_dir: public
repo_url: https://github.com/acme/handbook
theme:
  name: material
  font: false
  custom_dir: overrides
  features: [content.action.edit]
extra:
  analytics:
    property: !ENV [ANALYTICS_ID, "none"]
plugins:
  - search:
      lang: en
  - journey:
      history: 0
  - tags
hooks:
  - hooks/own.py
markdown_extensions:
  - admonition
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
nav:
  - Home: index.md
  - Guide:
      - guide.md
  - Journeys: "@journeys"
  - Teams:
      - "@departments"
  - "@touchpoints"
"""


class Tagged(yaml.SafeLoader):
    """Reads any tag as a (tag, value) pair, to look at the written file."""


Tagged.add_multi_constructor(
    "",
    lambda loader, tag, node: (
        tag,
        loader.construct_scalar(node)
        if isinstance(node, yaml.ScalarNode)
        else loader.construct_sequence(node),
    ),
)


def written(project: Project, config: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    project.copy_journeys("minimal")
    project.write("mkdocs.yml", config)
    project.write("docs/index.md", "# Home\n")
    project.write("docs/guide.md", "# Guide\n\nSee [the journey](journey:buy).\n")
    (project.root / "overrides").mkdir(exist_ok=True)
    project.write("hooks/own.py", "")
    out = project.root / "build" / "docs"
    target = project.root / "build" / "mkdocs.yml"
    code = main(
        [
            "render",
            str(out),
            "--config",
            str(project.root / "mkdocs.yml"),
            "--config-out",
            str(target),
        ]
    )
    assert code == 0, capsys.readouterr()
    loaded: dict[str, Any] = yaml.load(target.read_text("utf-8"), Loader=Tagged)
    return loaded


def test_the_users_configuration_is_kept_and_the_plugin_dropped(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    data = written(project, CONFIG, capsys)
    assert data["plugins"] == [{"search": {"lang": "en"}}, "tags"]
    assert data["extra"]["analytics"]["property"] == ("!ENV", ["ANALYTICS_ID", "none"])
    emoji = data["markdown_extensions"][1]["pymdownx.emoji"]
    assert emoji["emoji_index"] == (
        "tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji",
        "",
    )
    assert data["repo_url"] == "https://github.com/acme/handbook"


def test_paths_work_from_the_new_folder(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    data = written(project, CONFIG, capsys)
    assert data["docs_dir"] == "docs"
    assert data["site_dir"] == "../public"
    assert data["theme"]["custom_dir"] == "../overrides"
    assert data["extra_css"] == ["assets/journey/journey.css"]
    assert data["hooks"] == ["../hooks/own.py", "mkdocs_journey_hook.py"]
    hook = project.root / "build" / "mkdocs_journey_hook.py"
    assert "def on_page_content(" in hook.read_text("utf-8")


def test_placeholders_become_the_generated_pages(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    nav = written(project, CONFIG, capsys)["nav"]
    assert nav[0] == {"Home": "index.md"} and nav[1] == {"Guide": ["guide.md"]}
    journeys = nav[2]["Journeys"]
    assert journeys[0] == "journeys/index.md"
    title = "Buying: the &quot;first&quot; call (1:1)"  # escaped, as the plugin's nav titles
    assert {
        title: ["journeys/buy/index.md", "journeys/buy/discover.md", "journeys/buy/use.md"]
    } in (journeys)
    assert nav[3] == {
        "Teams": [
            "departments/index.md",
            "departments/sales.md",
            "departments/atencao-ao-cliente.md",
        ]
    }
    assert nav[4] == "touchpoints/index.md"
    assert "@" not in str(nav)


def test_without_a_nav_the_automatic_nav_is_spelled_out(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    config = CONFIG[: CONFIG.index("nav:")]
    nav = written(project, config, capsys)["nav"]
    assert nav[:2] == ["index.md", "guide.md"]
    assert nav[2]["Journeys"][0] == "journeys/index.md"
    assert "milestones.md" in nav[2]["Journeys"]
    assert nav[3]["Departments"][0] == "departments/index.md"


def test_the_extensions_the_pages_need_are_added(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    extensions = written(project, CONFIG, capsys)["markdown_extensions"]
    names = [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    assert names[:2] == ["admonition", "pymdownx.emoji"]
    assert {"tables", "attr_list", "pymdownx.superfences"} <= set(names)
    fence = extensions[-1]["pymdownx.superfences"]["custom_fences"][0]
    assert fence["name"] == "mermaid" and fence["format"][0].endswith("fence_code_format")


def test_the_written_configuration_builds_the_same_pages(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Built with plain MkDocs, no plugin: the same HTML pages as the plugin's build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    simple = (
        "site_name: Handbook\nrepo_url: https://github.com/acme/handbook\n"
        "theme:\n  name: material\n  font: false\n  features: [content.action.edit]\n"
        "plugins:\n  - journey\n"
    )
    written(project, simple, capsys)
    project.build(simple)
    with_plugin = {p.relative_to(project.site).as_posix() for p in project.site.rglob("*.html")}
    site = project.root / "plain-site"
    config = load_config(
        str(project.root / "build" / "mkdocs.yml"), site_dir=str(site), strict=True
    )
    assert "journey" not in config.plugins
    build(config)
    without = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert without == with_plugin
    assert (site / "assets" / "journey" / "journey.css").is_file()
    page = (site / "journeys" / "buy" / "discover" / "index.html").read_text("utf-8")
    assert 'class="service-blueprint"' in page and 'id="visit"' in page
    # The hook resolves the HTML blocks' links, written from the source file.
    checked, problems = link_problems(site)
    assert checked > 100 and problems == []
    for path in ("journeys/buy/discover/index.html", "departments/sales/index.html", "index.html"):
        assert edit_link(site / path) == edit_link(project.site / path)
    assert edit_link(site / "journeys/buy/discover/index.html") == (
        "https://github.com/acme/handbook/edit/master/journeys/buy.yml"
    )


def test_the_configuration_must_be_in_a_folder_holding_out(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.copy_journeys("minimal")
    project.write("mkdocs.yml", "site_name: H\nplugins:\n  - journey\n")
    project.write("docs/index.md", "# Home\n")
    code = main(
        [
            "render", str(project.root / "out"), "--config", str(project.root / "mkdocs.yml"),
            "--config-out", str(project.root / "elsewhere" / "mkdocs.yml"),
        ]
    )  # fmt: skip
    assert code == 2
    assert "Zensical requires docs_dir" in capsys.readouterr().err


def test_html_links_are_written_from_the_source_file() -> None:
    """`render` writes an HTML block's link as a link to the target's source file,
    relative to the page's own, as Zensical resolves it (and the written hook, for
    MkDocs and ProperDocs): resolved that way, every link of every generated page
    reaches a generated page, and none climbs above the site root. Mermaid click links,
    which the browser resolves from the page's URL, are browser URLs still."""
    import posixpath
    import re

    from mkdocs_journey.analysis import analyse
    from mkdocs_journey.i18n import ENGLISH
    from mkdocs_journey.load import Loader
    from mkdocs_journey.render.site import generate
    from tests.conftest import REPO

    graph, _ = analyse(Loader(), REPO / "journeys", REPO, metrics_dir=REPO / "metrics")
    assert graph is not None
    rendered = {p.path: p.document for p in generate(graph, ENGLISH, html_from_source=True)}
    served = {p.path: p.document for p in generate(graph, ENGLISH)}
    checked = 0
    for path, document in rendered.items():
        folder = posixpath.dirname(path)
        for href in re.findall(r'<a href="([^"#]+)', document):
            if href.startswith(("http", "mailto")):
                continue
            target = posixpath.normpath(posixpath.join(folder, href))
            assert target in rendered, (path, href)
            checked += 1
        clicks = re.findall(r'click \w+ href "([^"]+)"', document)
        assert clicks == re.findall(r'click \w+ href "([^"]+)"', served[path])
        assert not [click for click in clicks if ".md" in click]
    assert checked > 1000


def test_the_hook_warns_of_an_html_link_to_no_page(
    project: Project, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A hand-written page's HTML link to a Markdown file that does not exist is a
    warning of the written hook (so `--strict` fails on it), as MkDocs warns of a
    Markdown link; one that exists is resolved like the generated pages' links."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    simple = "site_name: Handbook\ntheme:\n  name: material\n  font: false\nplugins:\n  - journey\n"
    written(project, simple, capsys)
    guide = project.root / "build" / "docs" / "guide.md"
    guide.write_text(
        '# Guide\n\n<p><a href="journeys/buy/index.md#visit">ok</a> '
        "<a title='1 > 0' href='journeys/buy/use.md?tab=2'>quoted</a> "
        '<a data-href="gone.md" href="journeys/buy/discover.md">data</a> '
        '<a href="gone.md">gone</a></p>\n\n<!-- <a href="draft.md">later</a> -->\n',
        "utf-8",
    )
    site = project.root / "hooked"
    config = load_config(str(project.root / "build" / "mkdocs.yml"), site_dir=str(site))
    build(config)
    page = (site / "guide" / "index.html").read_text("utf-8")
    assert 'href="../journeys/buy/#visit"' in page and 'href="gone.md"' in page
    assert "href='../journeys/buy/use/?tab=2'" in page
    assert 'data-href="gone.md" href="../journeys/buy/discover/"' in page
    assert '<!-- <a href="draft.md">later</a> -->' in page  # a comment is left alone
    strict = load_config(
        str(project.root / "build" / "mkdocs.yml"), site_dir=str(site), strict=True
    )
    with pytest.raises(Abort):
        build(strict)
    warned = [r.getMessage() for r in caplog.records if r.name == "mkdocs.hooks.journey"]
    assert warned and all("HTML link to 'gone.md', which is not found" in w for w in warned)
