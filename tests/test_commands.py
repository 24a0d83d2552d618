"""The command line: check (text, GitHub annotations, JSON), diff on a real Git
repository, schema against the sample files, render built by plain MkDocs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_journey.cli import main
from mkdocs_journey.commands.render import Writer
from mkdocs_journey.project import UsageError
from tests.conftest import FIXTURES, REPO


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def misspelled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal handbook with a misspelled department, as the working folder."""
    shutil.copytree(FIXTURES / "minimal" / "journeys", tmp_path / "journeys")
    buy = tmp_path / "journeys" / "buy.yml"
    buy.write_text(
        buy.read_text().replace("departments: [sales, atencao", "departments: [sals, atencao")
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_github_annotation_points_at_the_line(
    misspelled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--format github` annotates the right file and line, with the did-you-mean hint."""
    code, out, _ = run(capsys, "check", "journeys", "--format", "github")
    assert code == 1
    assert out == (
        "::error file=journeys/buy.yml,line=25,col=25,title=journey::"
        "unknown department 'sals' (did you mean 'sales'?)\n"
    )


def test_check_json(misspelled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` gives the same facts as data."""
    code, out, _ = run(capsys, "check", "journeys", "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["errors"] == 1 and report["warnings"] == 0
    assert report["diagnostics"][0] == {
        "path": "journeys/buy.yml", "line": 25, "column": 25, "severity": "error",
        "message": "unknown department 'sals'", "hint": "did you mean 'sales'?", "rule": "",
    }  # fmt: skip


def test_check_reads_plugin_options_from_mkdocs_yml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given an mkdocs.yml, check uses its journeys_dir and disabled_rules."""
    shutil.copytree(FIXTURES / "minimal" / "journeys", tmp_path / "handbook")
    (tmp_path / "handbook" / "extra.yml").write_text("touchpoints:\n  - id: fax\n    name: Fax\n")
    (tmp_path / "docs").mkdir()
    config = "site_name: x\nplugins:\n  - journey:\n      journeys_dir: handbook\n"
    (tmp_path / "mkdocs.yml").write_text(config)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--strict")
    assert code == 1 and "[unused-touchpoint]" in out and out.startswith("handbook/extra.yml:2:9:")
    (tmp_path / "mkdocs.yml").write_text(config + "      disabled_rules: [unused-touchpoint]\n")
    assert run(capsys, "check", "--strict") == (0, "", "")


def test_check_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing path or an unknown option is a usage error (exit 2)."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "nowhere")
    assert code == 2 and "no such file or folder: nowhere" in err
    assert run(capsys, "check", "--format", "xml")[0] == 2


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout


def edit_partner_journey(path: Path) -> None:
    """Move, rename, add a department, remove a step and a milestone, add a step."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    stages = {stage["id"]: stage for stage in data["journey"]["stages"]}

    def step(stage: str, step_id: str) -> dict:
        return next(s for s in stages[stage]["steps"] if s["id"] == step_id)

    moved = step("partner-signup", "certification")
    stages["partner-signup"]["steps"].remove(moved)
    stages["client-migration"]["steps"].insert(0, moved)
    step("partner-discovery", "partner-webinar")["name"] = "Joins the monthly partner webinar"
    pilot = step("partner-evaluation", "pilot-clients")
    pilot["departments"] = [*pilot["departments"], "legal"]
    stages["multi-client-use"]["steps"].remove(step("multi-client-use", "priority-line"))
    del step("multi-client-use", "closes-all-clients")["milestone"]
    stages["tier-review"]["steps"].append(
        {
            "id": "asks-for-case-study",
            "name": "Is asked for a case study",
            "departments": ["marketing"],
        }
    )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def sample_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Git repository with the sample handbook committed, then edited in the work tree."""
    shutil.copytree(REPO / "journeys", tmp_path / "journeys")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    edit_partner_journey(tmp_path / "journeys" / "partner-accountant.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_names_every_change_and_nothing_else(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Moves, renames, department changes, removals and additions are each named, with
    the departments affected and their reviewers, a diagram, and no untouched journey."""
    code, out, _ = run(capsys, "diff", "HEAD", "--config", "journeys")
    assert code == 0
    assert out.startswith(
        "## Journey changes\n\n**1 journey changed**: steps 1 added, 1 removed, 1 renamed, 1 moved, 2 changed; 1 milestone change;"
    )
    assert "| `certification` | Gets the team certified" in out
    assert "moved from stage `partner-signup` to `client-migration`" in out
    assert "renamed from “Joins the partner webinar&#58; the multi-client console”" in out
    assert "departments: onboarding, product → onboarding, product, legal" in out
    assert (
        "| `priority-line` | Uses the priority partner line | `multi-client-use` | **removed** |"
        in out
    )
    assert (
        "| `asks-for-case-study` | Is asked for a case study | `tier-review` | **added** |" in out
    )
    assert (
        "- `all-clients-one-console` (Month-end for all clients in one place, step `closes-all-clients`): removed"
        in out
    )
    assert "| Legal &#38; Privacy (LGPD) | +1 / −0 | +0 / −0 | @brightpath/legal |" in out
    assert "**Reviewers to request:**" in out and "@brightpath/legal" in out
    assert (
        "```mermaid" in out
        and re.search(r"class n\d+ added", out)
        and "removed#58; Uses the priority partner line" in out
    )
    for untouched in ("self-serve-trial", "mid-market-purchase", "at-risk-save"):
        assert f"(`{untouched}`)" not in out


def test_diff_between_commits_and_as_json(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two revisions are read with git itself; JSON carries the same facts; output is stable."""
    git(sample_repo, "commit", "-qam", "edit")
    code, out, _ = run(capsys, "diff", "HEAD~1", "HEAD", "--config", "journeys", "--format", "json")
    data = json.loads(out)
    assert code == 0
    steps = {s["step"]: s for s in data["journeys"][0]["steps"]}
    assert steps["certification"]["old_stage"] == "partner-signup"
    assert steps["priority-line"]["change"] == "removed"
    assert (
        run(capsys, "diff", "HEAD~1", "HEAD", "--config", "journeys", "--format", "json")[1] == out
    )
    assert run(capsys, "diff", "HEAD", "HEAD", "--config", "journeys")[1].count("No change") == 1


def test_diff_unknown_revision_is_a_usage_error(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A revision git does not know is exit 2 with git's reason."""
    code, _, err = run(capsys, "diff", "no-such-rev", "--config", "journeys")
    assert code == 2 and err.startswith("mkdocs-journey:")


def test_diff_of_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """BASE and HEAD may be folders."""
    shutil.copytree(REPO / "journeys", tmp_path / "old")
    shutil.copytree(REPO / "journeys", tmp_path / "new")
    edit_partner_journey(tmp_path / "new" / "partner-accountant.yml")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "diff", "old", "new", "--config", "new")
    assert code == 0 and "**1 journey changed**" in out


def yaml_as_editors_read_it(text: str) -> object:
    """YAML 1.2 core schema, as editors' language servers read it: dates stay text."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml.load(text, Loader=Loader)


def test_schema_validates_the_sample_and_rejects_unknown_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every sample file validates; an unknown key, a bad id or a quoted score does not."""
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((REPO / "journeys").glob("*.yml"))
    assert code == 0 and len(files) >= 4
    for file in files:
        assert (
            list(validator.iter_errors(yaml_as_editors_read_it(file.read_text("utf-8")))) == []
        ), file
    for bad in (
        {"departmens": []},
        {"departments": [{"id": "Bad Id", "name": "x"}]},
        {
            "journey": {
                "name": "J",
                "stages": [{"name": "S", "steps": [{"name": "x", "experience": "4"}]}],
            }
        },
        {
            "journey": {
                "name": "J",
                "stages": [{"name": "S", "steps": [{"name": "x", "colour": "red"}]}],
            }
        },
    ):
        assert not validator.is_valid(bad), bad


def test_render_builds_with_plain_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`render OUT` writes a docs folder that MkDocs builds strictly with no plugin."""
    shutil.copytree(FIXTURES / "minimal" / "journeys", tmp_path / "journeys")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(
        "# Home\n\nSee [](department:sales) and [the call](step:buy/call).\nAsk [](department:sals).\n"
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ntheme:\n  name: material\nplugins:\n  - journey\n"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "render", "out")
    assert code == 0 and out == (
        "docs/index.md:4:5: warning: unknown entity link 'department:sals' [unknown-link] "
        "(did you mean 'department:sales'?)\n"
        "wrote 17 generated and 1 hand-written files to out\n"
    )
    assert (
        "[Sales &#38; Partnerships](departments/sales.md)"
        in (tmp_path / "out" / "index.md").read_text()
    )
    plain = tmp_path / "plain.yml"
    plain.write_text(
        "site_name: x\ndocs_dir: out\ntheme:\n  name: material\nplugins: []\n"
        "markdown_extensions:\n  - tables\n  - attr_list\n  - pymdownx.superfences\n"
    )
    build(load_config(str(plain), site_dir=str(tmp_path / "site"), strict=True))
    assert (tmp_path / "site" / "journeys" / "buy" / "discover" / "index.html").exists()
    assert run(capsys, "render", "out")[0] == 2
    assert run(capsys, "render", "out", "--force")[0] == 0


def test_render_never_replaces_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """OUT may not be the project, its docs or journeys, a file, or a folder render did
    not write; broken journeys leave a previous OUT untouched."""
    shutil.copytree(FIXTURES / "minimal" / "journeys", tmp_path / "journeys")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - journey\n")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep me")
    (tmp_path / "file.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    for out in (".", "docs", "journeys", "journeys/sub", "notes", "file.txt", ".."):
        code, _, err = run(capsys, "render", out, "--force")
        assert code == 2, (out, err)
    assert (tmp_path / "notes" / "mine.txt").read_text() == "keep me"
    assert (tmp_path / "docs" / "index.md").exists() and (
        tmp_path / "journeys" / "buy.yml"
    ).exists()
    assert run(capsys, "render", "out")[0] == 0
    buy = tmp_path / "journeys" / "buy.yml"
    buy.write_text(buy.read_text().replace("touchpoints: [phone]", "touchpoints: [phon]"))
    code, out, _ = run(capsys, "render", "out", "--force")
    assert code == 1 and "unknown touchpoint 'phon'" in out
    assert (tmp_path / "out" / "journeys" / "buy" / "index.md").exists()


def test_render_writes_only_inside_its_folder(tmp_path: Path) -> None:
    """Nested paths get their folders; a path that would climb out is refused."""
    write = Writer(tmp_path / "out")
    write.target("a/b/page.md").write_text("one")
    write.target("a/b/other.md").write_text("two")
    write.target("a/c/../top.md").write_text("three")
    assert (tmp_path / "out" / "a" / "b" / "page.md").read_text() == "one"
    assert (tmp_path / "out" / "a" / "top.md").read_text() == "three"
    for outside in ("../x.md", "a/../../x.md", "/tmp/x.md", "", ".", "a/.."):
        with pytest.raises(UsageError, match="refusing to write outside"):
            write.target(outside)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_diff_ignores_positions_and_sees_reordering(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shifting lines changes nothing; swapping stages or steps is a change of order."""
    shutil.copytree(REPO / "journeys", tmp_path / "old")
    shutil.copytree(REPO / "journeys", tmp_path / "new")
    catalogue = tmp_path / "new" / "catalogue.yml"
    catalogue.write_text("# a comment that shifts every line\n\n" + catalogue.read_text())
    monkeypatch.chdir(tmp_path)
    assert (
        run(capsys, "diff", "old", "new", "--config", "new")[1]
        == "## Journey changes\n\n**No change to the journeys.**\n\n"
    )
    path = tmp_path / "new" / "partner-accountant.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    stages = data["journey"]["stages"]
    stages[0], stages[1] = stages[1], stages[0]
    stages[2]["steps"].reverse()
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = run(capsys, "diff", "old", "new", "--config", "new")[1]
    assert "- stage order: partner-discovery, partner-evaluation," in out
    assert (
        "- step order in partner-signup: signs-partner-agreement, certification → certification, signs-partner-agreement"
        in out
    )


def test_diff_of_catalogue_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalogue-only change says no journey changed and lists the entry."""
    shutil.copytree(REPO / "journeys", tmp_path / "old")
    shutil.copytree(REPO / "journeys", tmp_path / "new")
    catalogue = tmp_path / "new" / "catalogue.yml"
    catalogue.write_text(
        catalogue.read_text().replace("reviewers:", "reviewers:\n      - '@new-reviewer'", 1)
    )
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "diff", "old", "new", "--config", "new")[1]
    assert "**No journey changed**; 1 catalogue change." in out
    assert "| department |" in out and "&#64;\u2060new-reviewer" in out  # shown, not pinged
