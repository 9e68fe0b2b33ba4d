"""factcheck check: exit codes, the JSON contract, formats, folders, standard input and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((Path(__file__).parents[1] / "docs" / "report.schema.json").read_text())


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, ["check", *args], input=input)


def as_json(*args: str, input=None) -> dict:
    result = run(*args, "--format", "json", input=input)
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    return data | {"exit_code": result.exit_code}


def test_clean_article_exits_0():
    assert run(str(FIXTURES / "clean-2021.txt")).exit_code == 0


def test_contradicted_claim_exits_1_and_never_passes():
    path = str(FIXTURES / "classic-2004.txt")
    assert run(path).exit_code == 1
    assert run(path, "--fail-on", "never").exit_code == 0


def test_fail_on_imprecise_fails_on_an_imprecise_claim():
    path = str(FIXTURES / "imprecise-2021.txt")
    assert run(path).exit_code == 0
    assert run(path, "--fail-on", "imprecise").exit_code == 1


def test_classic_error_in_json_shows_certified_margin_derivation_and_night_of_note():
    data = as_json(str(FIXTURES / "classic-2004.txt"))
    assert data["exit_code"] == 1
    [article] = data["articles"]
    assert article["election"] == "london-mayor-2004"
    [margin] = [f for f in article["findings"] if f["text"] == "161,202"]
    text = (FIXTURES / "classic-2004.txt").read_text()
    assert text[margin["start"]:margin["end"]] == "161,202"
    assert (margin["line"], margin["column"]) == (3, text.splitlines()[2].index("161,202") + 1)
    assert margin["verdict"] == "contradicted" and margin["expected"] == 161210
    assert margin["derivation"].startswith("161,210 = 828,390 − 667,180")
    assert margin["suggestion"] == "161,210"
    assert margin["alternative"]["variant"] == "night-of"
    assert {s["id"] for s in margin["sources"]} >= {"gla-2006"}
    verdicts = {f["text"]: f["verdict"] for f in article["findings"]}
    assert verdicts["828,380"] == verdicts["667,178"] == "contradicted"
    assert verdicts["685,548"] == "supported"
    assert data["summary"]["contradicted"] == 3 and data["summary"]["failed"] is True


def test_json_output_is_deterministic():
    path = str(FIXTURES / "classic-2004.txt")
    assert run(path, "--format", "json").stdout == run(path, "--format", "json").stdout


def test_forced_election_overrides_resolution():
    data = as_json(str(FIXTURES / "clean-2021.txt"), "--election", "london-mayor-2016")
    assert data["articles"][0]["election"] == "london-mayor-2016"
    assert data["exit_code"] == 1  # 2021 figures are wrong for 2016


def test_unknown_forced_election_is_a_usage_error():
    result = run(str(FIXTURES / "clean-2021.txt"), "--election", "london-mayor-1999")
    assert result.exit_code == 2 and "unknown election" in result.output


def test_standard_input_is_checked():
    data = as_json("-", input=(FIXTURES / "classic-2004.txt").read_bytes())
    assert data["articles"][0]["path"] == "-"
    assert data["summary"]["contradicted"] == 3


def test_folders_are_walked_for_articles(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text((FIXTURES / "clean-2021.txt").read_text())
    (tmp_path / "b.md").write_text("# Result\n\n" + (FIXTURES / "classic-2004.txt").read_text())
    (tmp_path / "notes.csv").write_text("1,206,034")
    data = as_json(str(tmp_path))
    assert [Path(a["path"]).name for a in data["articles"]] == ["b.md", "a.txt"]


def test_bad_input_is_one_line_exit_2_and_the_batch_goes_on(tmp_path: Path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    good = FIXTURES / "clean-2021.txt"
    result = run(str(binary), str(empty), str(tmp_path / "missing.txt"), str(good), "--format", "json")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines()]
    assert len(errors) == 3 and all(line.startswith("factcheck: ") for line in errors)
    assert "photo.txt: binary file (NUL byte at byte 4)" in errors[0]
    assert "empty.txt: empty file" in errors[1]
    assert "missing.txt: no such file or folder" in errors[2]
    data = json.loads(result.stdout)
    assert [a["error"] is None for a in data["articles"]] == [False, False, False, True]
    assert data["articles"][3]["findings"]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt, needle", [("text", "CONTRADICTED 161,202"), ("markdown", "| where | verdict |")])
def test_human_formats_show_the_flagged_claim(fmt: str, needle: str):
    result = run(str(FIXTURES / "classic-2004.txt"), "--format", fmt)
    assert needle in result.stdout and "161,210" in result.stdout


def test_text_report_is_plain_when_not_a_terminal():
    result = run(str(FIXTURES / "classic-2004.txt"))
    assert "\x1b[" not in result.stdout


def test_extract_lists_claims_with_offsets_in_the_check_report_shape():
    result = CliRunner().invoke(cli, ["extract", str(FIXTURES / "classic-2004.txt"), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1 and data["ledger"]["elections"]
    [article] = data["articles"]
    text = (FIXTURES / "classic-2004.txt").read_text()
    assert {c["text"] for c in article["claims"]} >= {"161,202", "828,380", "667,178", "685,548"}
    for c in article["claims"]:
        assert text[c["start"]:c["end"]] == c["text"]
        line = text.splitlines()[c["line"] - 1]
        assert line[c["column"] - 1:].startswith(c["text"])
    assert [c["start"] for c in article["claims"]] == sorted(c["start"] for c in article["claims"])
    checked = as_json(str(FIXTURES / "classic-2004.txt"))["articles"][0]["findings"]
    [margin] = [c for c in article["claims"] if c["text"] == "161,202"]
    [finding] = [f for f in checked if f["text"] == "161,202"]
    assert margin["claim"] == finding["claim"]  # the same claim object as a finding's
    assert {k: margin[k] for k in ("start", "end", "line", "column")} == {k: finding[k] for k in ("start", "end", "line", "column")}
