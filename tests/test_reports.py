"""Reports: the --out folder, the HTML report in a real browser, SARIF, GitHub, line and ClaimReview."""

from __future__ import annotations

import filecmp
import json
import re
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from factcheck.cli import cli
from tests.browser import dom

ROOT = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CLASSIC = FIXTURES / "classic-2004.txt"


def run(*args: str, **kw):
    return CliRunner().invoke(cli, ["check", *args], **kw)


def test_reports_folder_matches_a_fresh_regeneration(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    fresh = tmp_path / "reports"
    assert run("claims/", "--out", str(fresh)).exit_code in (0, 1)
    comparison = filecmp.dircmp(ROOT / "reports", fresh)
    assert not comparison.left_only and not comparison.right_only, (comparison.left_only, comparison.right_only)
    _, mismatch, errors = filecmp.cmpfiles(ROOT / "reports", fresh, comparison.common_files, shallow=False)
    assert not mismatch and not errors, f"reports/ is stale: regenerate with `factcheck check claims/ --out reports` ({mismatch})"


def test_html_report_shows_the_classic_error_highlighted_with_the_certified_figure(tmp_path: Path):
    out = tmp_path / "out"
    run(str(CLASSIC), "--out", str(out))
    [page] = out.glob("*classic-2004.txt.html")
    html = dom(page, tmp_path)
    mark = re.search(r'<mark class="claim v-contradicted"[^>]*data-verdict="contradicted"[^>]*>161,202<span class="tip"'
                     r'.*?</span></mark>', html, re.S)
    assert mark, "the 161,202 highlight is missing or not marked contradicted"
    detail = mark.group(0)
    assert '<dd class="expected">161,210</dd>' in detail
    assert "828,390 − 667,180" in detail and '<dd class="suggestion">161,210</dd>' in detail
    assert "declared on the night" in detail
    assert 'href="#c' in html  # the summary links to each flagged claim
    flag = html[mark.end():mark.end() + 200]  # the label beside the figure, readable without colour
    assert re.match(r'<a class="flag v-contradicted" href="#p-c\d+">✗ wrong: ledger 161,210</a>', flag), flag


def test_article_markup_is_shown_as_text_and_runs_no_script(tmp_path: Path):
    article = tmp_path / "hostile.txt"
    article.write_text("<script>alert(1); document.title = 'pwned';</script>\n"
                       "<img src=x onerror=\"document.body.setAttribute('data-pwned', '1')\">\n"
                       "Sadiq Khan won 1,206,034 votes after second preferences in 2021.\n", encoding="utf-8")
    out = tmp_path / "out"
    run(str(article), "--out", str(out))
    html = dom(out / f"{str(article).strip('/').replace('/', '--')}.html", tmp_path)
    assert "pwned" not in re.sub(r"&lt;script&gt;.*?&lt;/script&gt;|onerror=\"[^\"]*\"|&lt;img[^<]*", "", html)
    assert "<title>factcheck: " in html and "data-pwned" not in html.split("<main", 1)[0]
    assert "&lt;script&gt;alert(1); document.title = 'pwned';&lt;/script&gt;" in html
    assert html.count("<script") == 1  # ours only


def sarif_log(*args: str) -> dict:
    """A SARIF log from `check`, validated against the official OASIS schema."""
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text())
    log = json.loads(run(*args, "--format", "sarif").stdout)
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    return log


def test_sarif_validates_against_the_official_schema_and_points_at_the_claim():
    log = sarif_log(str(CLASSIC))
    [run_] = log["runs"]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["contradicted", "imprecise", "unverifiable", "supported"]
    [margin] = [r for r in run_["results"] if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "161,202"]
    region = margin["locations"][0]["physicalLocation"]["region"]
    text = CLASSIC.read_text()
    line = text.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "161,202"
    assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == "161,202"
    assert margin["level"] == "error" and margin["ruleId"] == "contradicted"
    assert margin["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "161,210"


def test_sarif_uris_are_relative_to_the_repository_root(tmp_path: Path, monkeypatch):
    repo = tmp_path / "newsroom"
    (repo / ".git").mkdir(parents=True)
    (repo / "copy" / "politics").mkdir(parents=True)
    article = repo / "copy" / "politics" / "mayor 2004.txt"
    article.write_text(CLASSIC.read_text())
    monkeypatch.chdir(repo / "copy")  # run from a subfolder: URIs are still relative to the repository root
    log = sarif_log("politics/mayor 2004.txt")
    [run_] = log["runs"]
    assert run_["originalUriBaseIds"] == {"SRCROOT": {"uri": repo.resolve().as_uri() + "/"}}
    locations = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert locations == {"copy/politics/mayor%202004.txt"}
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "SRCROOT"
               for r in run_["results"])
    assert "informationUri" not in run_["tool"]["driver"]  # the project has no public home to point at


def test_sarif_fingerprints_survive_edits_elsewhere_in_the_article(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(CLASSIC.read_text())
    before = sarif_log(str(article))["runs"][0]["results"]
    article.write_text("Updated with a new opening paragraph.\n\n" + CLASSIC.read_text())
    after = sarif_log(str(article))["runs"][0]["results"]

    def prints(results):
        return {r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]:
                (r["partialFingerprints"]["factcheck/v1"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in results}

    old, new = prints(before), prints(after)
    assert old["161,202"][0] == new["161,202"][0] and old["161,202"][1] + 2 == new["161,202"][1]
    assert len({fp for fp, _ in new.values()}) == len(new)  # every finding has its own fingerprint


def test_github_annotations_are_escaped(tmp_path: Path):
    article = tmp_path / "draft, v2: final.txt"
    article.write_text(CLASSIC.read_text(), encoding="utf-8")
    result = run(str(article), "--format", "github")
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 3
    first = errors[0]
    assert "file=" + str(article).replace(",", "%2C").replace(":", "%3A") + ",line=3,col=" in first
    assert "title=factcheck%3A contradicted margin in votes::" in first
    assert "\n" not in first and "161,210" in first.split("::", 2)[2]


def test_line_format_is_path_line_column_verdict_message():
    result = run(str(CLASSIC), "--format", "line")
    lines = result.stdout.splitlines()
    assert any(re.fullmatch(rf"{re.escape(str(CLASSIC))}:3:\d+: contradicted: margin in votes: 161,202 .*161,210.*", l)
               for l in lines)


def test_claimreview_is_json_ld_marked_as_a_pre_publication_check():
    reviews = json.loads(run(str(CLASSIC), "--format", "claimreview").stdout)
    assert reviews and all(r["@type"] == "ClaimReview" and "pre-publication" in r["disambiguatingDescription"]
                           for r in reviews)
    [margin] = [r for r in reviews if r.get("correction") == "161,210"]
    assert margin["reviewRating"]["alternateName"] == "Contradicted by the results ledger"


def test_inline_ignore_silences_a_line_and_is_counted(tmp_path: Path):
    text = CLASSIC.read_text().replace("161,202 votes.", "161,202 votes. factcheck: ignore")
    article = tmp_path / "a.txt"
    article.write_text(text)
    data = json.loads(run(str(article), "--format", "json").stdout)
    assert data["summary"]["suppressed"] == 2 and data["summary"]["contradicted"] == 2  # the line holds two claims
    md = tmp_path / "b.md"
    md.write_text(CLASSIC.read_text().replace("161,202 votes.", "161,202 votes. <!-- factcheck: ignore -->"))
    assert json.loads(run(str(md), "--format", "json").stdout)["summary"]["suppressed"] == 2


def test_configuration_is_found_upward_and_overridden_by_options(tmp_path: Path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail_on = "never"\nformat = "line"\n')
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path / "drafts")
    result = run(str(CLASSIC))
    assert result.exit_code == 0 and ": contradicted: " in result.stdout
    assert run(str(CLASSIC), "--fail-on", "contradicted").exit_code == 1


def test_configuration_errors_name_the_file_and_key(tmp_path: Path, monkeypatch):
    (tmp_path / "factcheck.toml").write_text('fail_on = "never"\nfuzzy_cutof = 90\n')
    monkeypatch.chdir(tmp_path)
    result = run(str(CLASSIC))
    assert result.exit_code == 2
    assert "factcheck.toml: fuzzy_cutof: unknown key" in result.output
    (tmp_path / "factcheck.toml").write_text('fail_on = "sometimes"\n')
    assert "fail_on" in run(str(CLASSIC)).output


def test_configured_claim_kinds_limit_the_check(tmp_path: Path, monkeypatch):
    (tmp_path / "factcheck.toml").write_text('kinds = ["votes"]\n')
    monkeypatch.chdir(tmp_path)
    data = json.loads(run(str(CLASSIC), "--format", "json").stdout)
    assert {f["claim"]["kind"] for f in data["articles"][0]["findings"]} == {"votes"}
