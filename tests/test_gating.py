"""CI gating that cannot lie: an input that could not be checked fails the run in every output, and a
folder check never reads factcheck's own reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "clean-2021.txt"


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def batch_with_one_unreadable_file(tmp_path: Path) -> Path:
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "a-clean.txt")
    (folder / "b-photo.txt").write_bytes(b"\x89PNG\x00\x00")
    return folder


@pytest.mark.parametrize("fmt, says_fail", [
    ("text", lambda out: "FAIL: 1 of 2 inputs could not be checked" in out and "\npass" not in out),
    ("json", lambda out: json.loads(out)["summary"]["failed"] is True and json.loads(out)["summary"]["errors"] == 1),
    ("markdown", lambda out: "**FAIL: 1 of 2 inputs could not be checked" in out),
    ("github", lambda out: "::error file=" in out and "FAIL: 1 of 2 inputs could not be checked" in out),
    ("sarif", lambda out: json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"] is False),
    ("junit", lambda out: 'errors="1"' in out and "b-photo.txt" in out),
])
def test_an_unreadable_file_fails_the_run_in_every_format(tmp_path: Path, fmt: str, says_fail):
    folder = batch_with_one_unreadable_file(tmp_path)
    result = run(str(folder), "--format", fmt, "--fail-on", "never")  # even when no finding could fail it
    assert result.exit_code == 2
    assert says_fail(result.stdout), result.stdout


def test_an_unreadable_file_fails_report_json_summary_md_and_index_html(tmp_path: Path):
    folder = batch_with_one_unreadable_file(tmp_path)
    out = tmp_path / "out"
    assert run(str(folder), "--out", str(out)).exit_code == 2
    summary = json.loads((out / "report.json").read_text())["summary"]
    assert summary["failed"] is True and summary["errors"] == 1 and summary["articles"] == 2
    assert "FAIL: 1 of 2 inputs could not be checked" in (out / "summary.md").read_text()
    index = (out / "index.html").read_text()
    assert "FAIL: 1 of 2 inputs could not be checked" in index and ">pass" not in index
    assert "Could not be checked: 1" in index and "b-photo.txt" in index and "binary file" in index


def test_a_clean_run_passes_and_says_so(tmp_path: Path):
    out = tmp_path / "out"
    result = run(str(CLEAN), "--out", str(out))
    assert result.exit_code == 0 and "pass (fail on: contradicted)" in result.stdout
    assert json.loads((out / "report.json").read_text())["summary"]["failed"] is False


def test_fail_on_unverifiable_fails_on_a_figure_the_ledger_cannot_check(tmp_path: Path):
    article = tmp_path / "a.txt"  # the ledger has no electorate for 2004
    article.write_text("Ken Livingstone won a second term as Mayor of London.\n\n"
                       "On first preferences Mr Livingstone polled 685,548.\n\n"
                       "Some 5.2 million Londoners were registered to vote.\n")
    data = json.loads(run(str(article), "--format", "json").stdout)
    assert data["summary"]["unverifiable"] >= 1 and data["summary"]["contradicted"] == 0
    assert run(str(article)).exit_code == 0
    assert run(str(article), "--fail-on", "imprecise").exit_code == 0
    failed = run(str(article), "--fail-on", "unverifiable")
    assert failed.exit_code == 1 and "at or above unverifiable" in failed.stdout


def test_checking_a_folder_twice_with_reports_inside_it_gives_the_same_counts(tmp_path: Path):
    folder = tmp_path / "claims"
    shutil.copytree(Path(__file__).parents[1] / "claims", folder)
    first = run(str(folder), "--out", str(folder / "reports"), "--format", "json")
    second = run(str(folder), "--out", str(folder / "reports"), "--format", "json")
    assert first.exit_code == second.exit_code == 1
    assert json.loads(first.stdout)["summary"] == json.loads(second.stdout)["summary"]
    assert not any("reports" in a["path"] for a in json.loads(second.stdout)["articles"])


def test_reports_moved_elsewhere_in_a_folder_are_still_skipped(tmp_path: Path):
    folder = tmp_path / "desk"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "story.txt")
    assert run(str(folder), "--out", str(tmp_path / "out")).exit_code == 0
    shutil.copytree(tmp_path / "out", folder / "old-reports")  # someone copied the reports in with the copy
    data = json.loads(run(str(folder), "--format", "json").stdout)
    assert [Path(a["path"]).name for a in data["articles"]] == ["story.txt"]


def test_exclude_globs_from_the_option_and_the_configuration_leave_files_out(tmp_path: Path, monkeypatch):
    folder = tmp_path / "copy"
    (folder / "drafts").mkdir(parents=True)
    for name in ("a.txt", "b.md", "drafts/c.txt"):
        shutil.copy(CLEAN, folder / name)
    monkeypatch.chdir(tmp_path)

    def names(*args: str) -> list[str]:
        data = json.loads(run("copy", "--format", "json", *args).stdout)
        return sorted(Path(a["path"]).relative_to("copy").as_posix() for a in data["articles"])

    assert names() == ["a.txt", "b.md", "drafts/c.txt"]
    assert names("--exclude", "drafts") == ["a.txt", "b.md"]
    assert names("--exclude", "*.md", "--exclude", "drafts/*") == ["a.txt"]
    (tmp_path / "factcheck.toml").write_text('exclude = ["*.md"]\n')
    assert names() == ["a.txt", "drafts/c.txt"]
    assert names("--exclude", "a.txt") == ["drafts/c.txt"]  # the option adds to the configuration


def test_out_removes_its_own_stale_reports_and_nothing_else(tmp_path: Path):
    out = tmp_path / "out"
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    shutil.copy(CLEAN, first)
    shutil.copy(CLEAN, second)
    run(str(first), str(second), "--out", str(out))
    mine = out / "notes.md"
    mine.write_text("# my notes\n")
    run(str(second), "--out", str(out))
    names = sorted(p.name for p in out.iterdir())
    assert not any("first" in n for n in names), names
    assert any(n.endswith("second.txt.html") for n in names) and mine.exists()


def test_an_unwritable_out_folder_is_one_line_naming_it(tmp_path: Path):
    (tmp_path / "file").write_text("x")
    bad = tmp_path / "file" / "reports"  # a folder cannot be made under a file
    result = run(str(CLEAN), "--out", str(bad))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line == f"factcheck: --out {bad}: cannot write there (Not a directory)"
    assert run(str(CLEAN), "--out", str(tmp_path / "file")).exit_code == 2  # click names a file given for a folder


def test_an_unwritable_output_file_is_one_line_naming_it(tmp_path: Path):
    bad = tmp_path / "missing-folder" / "out.txt"
    result = run(str(CLEAN), "-o", str(bad))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"factcheck: {bad}: cannot write (No such file or directory)"]
