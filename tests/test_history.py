"""History from Git, built for real in repositories the tests make themselves (fixed
authors and dates): each journey's Changes section, `changes.md`, last-changed dates,
merges, renames, a commit that does not load, shallow clones, no repository, and the
`history` option."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import BASE_CONFIG, FIXTURES, Project

GITHUB = BASE_CONFIG.replace(
    "repo_url: https://example.invalid/acme/handbook", "repo_url: https://github.com/acme/handbook"
)
AUTHORS = {
    "ana": ("Ana Souza", "ana@example.invalid"),
    "bruno": ("Bruno Lima", "bruno@example.invalid"),
}


def git(root: Path, *args: str, author: str = "ana", day: int = 1) -> str:
    name, email = AUTHORS[author]
    stamp = f"2026-03-{day:02d}T10:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": stamp,
    }  # fmt: skip
    result = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, env=env
    )
    return result.stdout


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text("utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), "utf-8")


def commit(root: Path, subject: str, author: str = "ana", day: int = 1) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", subject, author=author, day=day)


@pytest.fixture
def repo(tmp_path: Path) -> Project:
    """A project with five commits: the handbook added, a step renamed and rescored, a
    step added and one moved, a department's lead changed, hand-written docs edited."""
    project = Project(tmp_path / "repo")
    project.copy_journeys("minimal")
    project.write("mkdocs.yml", GITHUB)
    project.write("docs/index.md", "# Home\n")
    git(project.root, "init", "-q", "-b", "main")
    commit(project.root, "Add the handbook", day=2)
    edit(project.root, "journeys/buy.yml", "name: Visits the site", "name: Visits the website")
    edit(project.root, "journeys/buy.yml", "experience: 3", "experience: 2")
    commit(project.root, "Rename the visit and rescore it", author="bruno", day=5)
    edit(
        project.root,
        "journeys/buy.yml",
        "        - id: leaves\n",
        "        - id: compares\n          name: Compares plans\n          departments: sales\n"
        "          touchpoints: web\n          next: [leaves]\n        - id: leaves\n",
    )
    edit(
        project.root, "journeys/buy.yml", "next: [first-use, leaves]", "next: [first-use, compares]"
    )
    commit(project.root, "Add the comparison step", day=9)
    edit(project.root, "journeys/catalogue.yml", "lead: Caio Lima", "lead: Carla Dias")
    commit(project.root, "New support lead", author="bruno", day=12)
    project.write("docs/index.md", "# Home, edited\n")
    commit(project.root, "Docs only", day=15)
    return project


def entries(html: str) -> list[tuple[str, str]]:
    """(data-commit, visible text) of each change listed on a page."""
    found = re.findall(r'<li data-commit="([^"]+)">(.*?)</li>', html, re.S)
    return [(commit, unescape(re.sub(r"<[^>]+>", "", text))) for commit, text in found]


def test_changes_section_lists_what_each_commit_did(repo: Project) -> None:
    repo.build(GITHUB)
    overview = repo.html("journeys/buy/")
    listed = entries(overview)
    hashes = git(repo.root, "log", "--format=%H").split()
    assert [commit for commit, _ in listed] == [hashes[2], hashes[3], hashes[4]]
    newest, renamed, added = (text for _, text in listed)
    assert newest.startswith("2026-03-09 · Ana Souza · ") and "Add the comparison step" in newest
    assert "steps added: Compares plans" in newest and "Sales & Partnerships +1/−0" in newest
    assert "2026-03-05 · Bruno Lima" in renamed
    assert "steps renamed: Visits the site → Visits the website" in renamed
    assert "steps changed: Visits the website (experience)" in renamed
    assert "journey added with 4 steps" in added
    link = f'<a href="https://github.com/acme/handbook/commit/{hashes[2]}"><code>{hashes[2][:7]}</code></a>'
    assert link in overview


def test_changes_page_has_catalogue_changes_and_no_docs_only_commit(repo: Project) -> None:
    repo.build(GITHUB)
    listed = entries(repo.html("changes/"))
    subjects = [text for _, text in listed]
    assert len(listed) == 4
    assert "New support lead" in subjects[0] and "lead: Caio Lima → Carla Dias" in subjects[0]
    assert not any("Docs only" in text for text in subjects)


def test_last_changed_dates(repo: Project) -> None:
    repo.build(GITHUB)
    date = re.compile(r'class="journey-last-changed">[^<]*<time datetime="([\d-]+)">')
    assert date.findall(repo.html("journeys/buy/")) == ["2026-03-09"]
    assert date.findall(repo.html("journeys/buy/discover/")) == ["2026-03-09"]
    assert date.findall(repo.html("journeys/buy/use/")) == ["2026-03-02"]
    assert date.findall(repo.html("journeys/renew/")) == ["2026-03-02"]


def test_no_email_address_is_published(repo: Project) -> None:
    repo.build(GITHUB)
    for page in repo.site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".json", ".xml"):
            assert "example.invalid" not in page.read_text("utf-8", "replace"), page


def test_history_option_limits_and_switches_off(repo: Project) -> None:
    repo.build(GITHUB.replace("  - journey\n", "  - journey:\n      history: 1\n"))
    assert len(entries(repo.html("journeys/buy/"))) == 1
    assert len(entries(repo.html("changes/"))) == 3  # 2 x 1, and the one before
    repo.build(GITHUB.replace("  - journey\n", "  - journey:\n      history: 0\n"))
    assert "data-commit" not in repo.html("journeys/buy/")
    assert not (repo.site / "changes").exists()


def test_a_commit_that_does_not_load_is_listed_and_skipped(repo: Project) -> None:
    edit(repo.root, "journeys/buy.yml", "departments: sales\n", "departments: sails\n")
    commit(repo.root, "Typo", day=20)
    edit(repo.root, "journeys/buy.yml", "departments: sails\n", "departments: sales\n")
    edit(repo.root, "journeys/buy.yml", "experience: 2", "experience: 1")
    commit(repo.root, "Fix the typo, rescore", author="bruno", day=21)
    repo.build(GITHUB)
    listed = entries(repo.html("changes/"))
    assert "Fix the typo, rescore" in listed[0][1] and "experience" in listed[0][1]
    assert "Typo" in listed[1][1] and "unknown department 'sails'" in listed[1][1]


def test_merges_compare_with_the_first_parent_and_renames_change_nothing(repo: Project) -> None:
    git(repo.root, "switch", "-q", "-c", "feature")
    edit(repo.root, "journeys/renew.yml", "name: Asks about renewal", "name: Asks to renew")
    commit(repo.root, "Reword the renewal", author="bruno", day=16)
    git(repo.root, "switch", "-q", "main")
    git(repo.root, "mv", "journeys/buy.yml", "journeys/purchase.yml")
    commit(repo.root, "Rename the file", day=17)
    git(repo.root, "merge", "-q", "--no-ff", "feature", "-m", "Merge the renewal wording", day=18)
    repo.build(GITHUB)
    renew = entries(repo.html("journeys/renew/"))
    assert "Merge the renewal wording" in renew[0][1]
    assert "Asks about renewal → Asks to renew" in renew[0][1]
    assert not any("Rename the file" in text for _, text in entries(repo.html("changes/")))


def test_a_shallow_clone_says_what_is_missing(repo: Project, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True
    )
    project = Project(clone)
    project.build(GITHUB)
    overview = project.html("journeys/buy/")
    assert "fetch-depth: 0" in overview
    assert "journey added" not in overview


def test_no_repository_no_error(project: Project) -> None:
    project.copy_journeys("minimal")
    project.build(GITHUB)
    assert "not in a Git repository" in project.html("journeys/buy/")


def test_uncommitted_edits_come_first_under_serve(repo: Project) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    edit(repo.root, "journeys/buy.yml", "experience: 2", "experience: 5")
    repo.write("mkdocs.yml", GITHUB)
    config = load_config(str(repo.root / "mkdocs.yml"), site_dir=str(repo.site))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    listed = entries(repo.html("journeys/buy/"))
    assert listed[0][0] == "uncommitted"
    assert "Not committed yet" in listed[0][1] and "experience" in listed[0][1]


def test_no_git_installed(repo: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo.root / "no-bin"))
    real = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **k: None if name == "git" else real(name)
    )
    repo.build(GITHUB)
    assert "Git is not installed" in repo.html("journeys/buy/")


def test_golden_changes_section(repo: Project) -> None:
    """The Changes section of a journey overview (commits made with fixed authors and
    dates have the same hashes on every run)."""
    repo.build(GITHUB)
    overview = repo.html("journeys/buy/")
    start = overview.index('<h2 id="changes"')
    section = overview[start : overview.index("</ul>", start) + 5] + "\n"
    golden = FIXTURES.parent / "golden" / "history" / "changes-section.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(section, "utf-8")
    assert section == golden.read_text("utf-8")


def test_history_in_portuguese(repo: Project) -> None:
    """Every word of the history in pt-BR: the section, the change kinds, the dates."""
    repo.build(GITHUB.replace("  - journey\n", "  - journey:\n      language: pt-BR\n"))
    html = repo.html("journeys/buy/")
    assert '<h2 id="alteracoes">Alterações' in html
    overview = unescape(re.sub(r"<[^>]+>", "", html[html.index("<article") :]))
    assert "passos adicionados: Compares plans" in overview
    assert "passos renomeados: Visits the site → Visits the website" in overview
    assert "passos alterados: Visits the website (experience)" in overview
    assert "jornada adicionada com 4 passos" in overview
    assert "Última alteração em" in overview
    for english in ("steps added", "Last changed", "journey added", "Changes"):
        assert english not in overview


def test_a_handbook_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    """mkdocs.yml and the journeys in `handbook/` of a larger repository; built from a
    second worktree of it."""
    root = tmp_path / "monorepo"
    project = Project(root / "handbook")
    project.copy_journeys("minimal")
    project.write("mkdocs.yml", GITHUB)
    project.write("docs/index.md", "# Home\n")
    (root / "app.py").write_text("print('the product')\n", "utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, "Product and handbook", day=2)
    edit(project.root, "journeys/buy.yml", "experience: 3", "experience: 4")
    (root / "app.py").write_text("print('the product, faster')\n", "utf-8")
    commit(root, "Faster product, happier visitors", author="bruno", day=3)
    (root / "app.py").write_text("print('the product, fastest')\n", "utf-8")
    commit(root, "Product only", day=4)
    project.build(GITHUB)
    listed = entries(project.html("journeys/buy/"))
    assert [text.split(" · ")[1] for _, text in listed] == ["Bruno Lima", "Ana Souza"]
    assert not any("Product only" in text for _, text in entries(project.html("changes/")))
    git(root, "worktree", "add", "-q", str(tmp_path / "second"), "HEAD")
    second = Project(tmp_path / "second" / "handbook")
    second.build(GITHUB)
    assert entries(second.html("journeys/buy/")) == listed


def test_history_is_deterministic(repo: Project, tmp_path: Path) -> None:
    """Two builds of the same repository state give the same pages."""
    repo.build(GITHUB)
    first = {p.relative_to(repo.site): p.read_bytes() for p in repo.site.rglob("*.html")}
    shutil.rmtree(repo.site)
    repo.build(GITHUB)
    second = {p.relative_to(repo.site): p.read_bytes() for p in repo.site.rglob("*.html")}
    assert first == second
