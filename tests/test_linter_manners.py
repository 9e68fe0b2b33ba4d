"""What ruff and Vale users expect: -q, -o, --stdin-filename, FORCE_COLOR and NO_COLOR, per-figure and
per-verdict suppression, a baseline file, and JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
CLASSIC = FIXTURES / "classic-2004.txt"
AFTER_TRANSFERS = "After transfers he had 828,380 votes to Steve Norris's 667,178."


def run(*args: str, input=None, env=None):
    return CliRunner().invoke(cli, ["check", *args], input=input, env=env)


def verdicts(*args: str, input=None) -> dict[str, tuple[str, bool]]:
    data = json.loads(run(*args, "--format", "json", input=input).stdout)
    return {f["text"]: (f["verdict"], f["suppressed"]) for a in data["articles"] for f in a["findings"]}


@pytest.mark.parametrize("fmt", ["text", "line", "markdown", "json", "sarif", "junit"])
def test_quiet_lists_only_the_problems(fmt: str):
    full = run(str(CLASSIC), "--format", fmt).stdout
    quiet = run(str(CLASSIC), "--format", fmt, "-q").stdout
    assert "685,548" in full and "685,548" not in quiet  # a supported figure
    assert "161,202" in quiet and "828,380" in quiet


def test_quiet_github_annotations_leave_out_the_summary_line():
    assert "supported;" in run(str(CLASSIC), "--format", "github").stdout
    quiet = run(str(CLASSIC), "--format", "github", "-q").stdout.splitlines()
    assert len(quiet) == 3 and all(line.startswith("::error ") for line in quiet)


def test_quiet_keeps_the_counts_and_says_nothing_for_a_clean_article():
    data = json.loads(run(str(CLASSIC), "--format", "json", "-q").stdout)
    assert data["summary"]["supported"] > 0 and {f["verdict"] for f in data["articles"][0]["findings"]} == {"contradicted"}
    clean = run(str(FIXTURES / "clean-2021.txt"), "--quiet")
    assert clean.exit_code == 0 and clean.stdout == ""


def test_output_file_takes_the_report_and_standard_output_stays_empty(tmp_path: Path):
    target = tmp_path / "report.sarif"
    result = run(str(CLASSIC), "--format", "sarif", "-o", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text())["runs"][0]["results"]


def test_stdin_filename_names_the_real_file_and_picks_its_format(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = Path("draft.md")
    draft.write_text("# Night of the count\n\nThe [mayor](https://example.org/mayor) won by a margin of **161,202** votes.\n"
                     "After transfers he had *828,380* votes to Steve Norris's 667,178.\n")
    on_disk = json.loads(run(str(draft), "--format", "json").stdout)["articles"]
    piped = json.loads(run("-", "--stdin-filename", str(draft), "--format", "json", input=draft.read_bytes()).stdout)
    assert piped["articles"] == on_disk  # same path, same Markdown reading, same offsets
    line = run("-", "--stdin-filename", "desk/draft.md", "--format", "line", input=draft.read_bytes()).stdout
    assert line.startswith("desk/draft.md:3:")


def test_stdin_filename_names_the_file_in_a_read_error():
    result = run("-", "--stdin-filename", "desk/empty.txt", input=b"")
    assert result.exit_code == 2 and result.stderr.startswith("factcheck: desk/empty.txt: empty file")


@pytest.mark.parametrize("env, coloured", [
    ({"FORCE_COLOR": "1"}, True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ({"FORCE_COLOR": "0"}, False),
    ({}, False),
])
def test_force_color_and_no_color(env: dict, coloured: bool):
    result = run(str(CLASSIC), env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert ("\x1b[" in result.stdout) is coloured
    assert "161,202" in result.stdout


def test_no_color_option_beats_force_color():
    assert "\x1b[" not in run(str(CLASSIC), "--no-color", env={"FORCE_COLOR": "1"}).stdout


def with_line(tmp_path: Path, old: str, new: str, suffix: str = ".txt") -> Path:
    article = tmp_path / f"article{suffix}"
    text = CLASSIC.read_text()
    assert old in text
    article.write_text(text.replace(old, new))
    return article


def test_ignore_names_one_figure_on_a_line_with_two(tmp_path: Path):
    article = with_line(tmp_path, AFTER_TRANSFERS, AFTER_TRANSFERS + " factcheck: ignore[828,380]")
    found = verdicts(str(article))
    assert found["828,380"] == ("contradicted", True)
    assert found["667,178"] == ("contradicted", False)


@pytest.mark.parametrize("items", ["828,380, 667,178", "828380; 667178", "828,380 ;667,178"])
def test_ignore_lists_several_figures_as_written_or_by_their_digits(tmp_path: Path, items: str):
    article = with_line(tmp_path, AFTER_TRANSFERS, AFTER_TRANSFERS + f" factcheck: ignore[{items}]")
    found = verdicts(str(article))
    assert found["828,380"][1] and found["667,178"][1] and not found["161,202"][1]


def test_ignore_by_verdict_leaves_other_verdicts_on_the_line(tmp_path: Path):
    line = "He had led on first preferences with 685,548, against 828,380 for nobody in particular."
    article = tmp_path / "a.md"
    article.write_text(CLASSIC.read_text() + f"\n{line} <!-- factcheck: ignore[unverifiable, contradicted] -->\n")
    data = json.loads(run(str(article), "--format", "json").stdout)
    last = [f for f in data["articles"][0]["findings"] if f["line"] == 7]
    assert last and all(f["suppressed"] is (f["verdict"] != "supported") for f in last)


def test_a_baseline_accepts_known_figures_until_their_sentence_changes(tmp_path: Path):
    article = tmp_path / "copy" / "story.txt"
    article.parent.mkdir()
    article.write_text(CLASSIC.read_text())
    baseline = tmp_path / "factcheck-baseline.json"
    written = run(str(article), "--write-baseline", str(baseline))
    assert written.exit_code == 0 and written.stdout == ""
    entries = json.loads(baseline.read_text())["findings"]
    assert {e["text"] for e in entries} == {"161,202", "828,380", "667,178"}
    assert {e["path"] for e in entries} == {"copy/story.txt"}  # relative to the baseline's folder

    accepted = run(str(article), "--baseline", str(baseline), "--format", "json")
    assert accepted.exit_code == 0 and json.loads(accepted.stdout)["summary"]["suppressed"] == 3

    article.write_text("A new first paragraph moves every line down.\n\n" + CLASSIC.read_text())
    assert run(str(article), "--baseline", str(baseline)).exit_code == 0
    article.write_text(CLASSIC.read_text().replace("667,178.", "667,178, a clear win."))
    still = verdicts(str(article), "--baseline", str(baseline))
    assert still["161,202"] == ("contradicted", True) and still["667,178"] == ("contradicted", False)


def test_a_baseline_named_in_the_configuration_is_applied_and_marked_external_in_sarif(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(CLASSIC.read_text())
    run("story.txt", "--write-baseline", "ci/baseline.json")
    Path("factcheck.toml").write_text('baseline = "ci/baseline.json"\n')
    log = json.loads(run("story.txt", "--format", "sarif").stdout)
    suppressed = [r for r in log["runs"][0]["results"] if "suppressions" in r]
    assert len(suppressed) == 3 and all(r["suppressions"][0]["kind"] == "external" for r in suppressed)


def test_a_broken_baseline_is_one_line_naming_it(tmp_path: Path):
    bad = tmp_path / "baseline.json"
    bad.write_text("{}")
    result = run(str(CLASSIC), "--baseline", str(bad))
    assert result.exit_code == 2 and result.stderr.startswith(f"factcheck: {bad}: not a factcheck baseline")


def junit(*args: str) -> ET.Element:
    return ET.fromstring(run(*args, "--format", "junit").stdout)


def test_junit_has_a_suite_per_article_and_a_failure_per_failing_figure(tmp_path: Path):
    (tmp_path / "bad.txt").write_bytes(b"")
    root = junit(str(CLASSIC), str(tmp_path / "bad.txt"))
    classic, bad = root.findall("testsuite")
    assert classic.get("name") == str(CLASSIC) and int(classic.get("tests")) == len(classic.findall("testcase"))
    failed = [c for c in classic.findall("testcase") if c.find("failure") is not None]
    assert sorted(c.get("name").split()[1] for c in failed) == ["161,202", "667,178", "828,380"]
    assert classic.get("failures") == "3" and failed[0].get("file") == str(CLASSIC) and failed[0].get("line") == "3"
    assert "161,210" in failed[0].find("failure").get("message")
    assert bad.get("errors") == "1" and "empty file" in bad.find("testcase/error").get("message")


def test_junit_failures_follow_the_fail_on_level():
    imprecise = str(FIXTURES / "imprecise-2021.txt")
    assert not junit(imprecise).findall(".//failure")
    assert [f.get("type") for f in junit(imprecise, "--fail-on", "imprecise").findall(".//failure")] == ["imprecise"]
