"""Reports are safe to open and to write: article text and file names are text in every format, and --out
stays inside its folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.report.folder import report_name

GOOD = "Sadiq Khan won 1,206,034 votes after second preferences in 2021.\n"


def check(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def test_out_replaces_a_symlink_in_its_folder_instead_of_writing_through_it(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD)
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me\n")
    out = tmp_path / "out"
    out.mkdir()
    name = report_name(str(article))
    for suffix in (".md", ".html"):
        (out / f"{name}{suffix}").symlink_to(outside)
    (out / "index.html").symlink_to(outside)
    (out / "report.json").symlink_to(outside)
    assert check(str(article), "--out", str(out)).exit_code == 0
    assert outside.read_text() == "keep me\n"
    for written in (f"{name}.md", f"{name}.html", "index.html", "report.json"):
        assert not (out / written).is_symlink() and (out / written).stat().st_size > 100


def test_articles_named_index_or_summary_never_overwrite_the_runs_own_files(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    names = ["index", "summary", "report", "Index"]
    for name in names:
        Path(name).write_text(GOOD)
    result = CliRunner().invoke(cli, ["check", *names, "--out", "out"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "factcheck reports" in Path("out/index.html").read_text()
    assert "## Summary" in Path("out/summary.md").read_text()
    assert json.loads(Path("out/report.json").read_text())["summary"]["articles"] == 4
    reports = sorted(p.name for p in Path("out").iterdir())
    assert reports == ["Index_article_.html", "Index_article_.md", "index.html", "index_article.html",
                       "index_article.md", "report.json", "report_article.html", "report_article.md", "summary.md",
                       "summary_article.html", "summary_article.md"]


def test_a_report_name_over_255_bytes_is_shortened_and_stays_unique(tmp_path: Path):
    deep = tmp_path / ("é" * 60) / ("ü" * 60) / ("x" * 200)
    deep.mkdir(parents=True)
    first, second = deep / "first.txt", deep / "second.txt"
    first.write_text(GOOD)
    second.write_text(GOOD)
    out = tmp_path / "out"
    result = check(str(first), str(second), "--out", str(out))
    assert result.exit_code == 0, result.output
    reports = sorted(p.name for p in out.glob("*.html") if p.name != "index.html")
    assert len(reports) == 2 and all(len(name.encode()) <= 255 for name in reports)


WRONG = "Ken Livingstone won 828,380 votes after second preferences in 2004.\n"  # the ledger: 828,390
HOSTILE_SENTENCE = ('Ken Livingstone won 828,380 votes after second preferences in 2004 <script>alert(1)</script> '
                    '[click](javascript:alert(1)) '
                    '<a href="javascript:alert(2)">x</a> ![pixel](https://tracker.example/p.gif) <img src=x onerror=alert(3)> '
                    '<javascript:alert(4)>.\n')


def rendered(markdown: str) -> str:
    from markdown_it import MarkdownIt  # a CommonMark renderer (rich depends on it), with GitHub's tables

    return MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table").render(markdown)


def assert_inert(page: str) -> None:
    lowered = page.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<a href=\"javascript" not in lowered
    assert 'href="javascript' not in lowered and "<a href" not in lowered.replace('<a href="http', "")


def hostile_articles(tmp_path: Path) -> list[Path]:
    text = tmp_path / "<img src=x onerror=alert(9)>.txt"
    text.write_text(HOSTILE_SENTENCE)
    page = tmp_path / "escaped.html"
    page.write_text("<p>Ken Livingstone won 828,380 votes after second preferences in 2004 "
                    "&lt;script&gt;alert(5)&lt;/script&gt; &lt;img src=x onerror=alert(6)&gt;.</p>")
    markdown = tmp_path / "draft.md"
    markdown.write_text("Ken Livingstone won 828,380 votes after second preferences in 2004 "
                        "\\<script\\>alert(7)\\</script\\>.\n")
    return [text, page, markdown]


def test_markdown_output_shows_article_markup_and_file_names_as_text(tmp_path: Path):
    articles = hostile_articles(tmp_path)
    result = check(*map(str, articles), "--format", "markdown")
    assert result.exit_code == 1, result.output
    assert result.stdout.count(": line 1: 828,380") == 3  # every article's flagged sentence is shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout and "&lt;img src=x onerror=alert(9)&gt;" in result.stdout
    assert_inert(rendered(result.stdout))


def test_markdown_reports_in_the_out_folder_render_article_markup_as_text(tmp_path: Path):
    articles = hostile_articles(tmp_path)
    out = tmp_path / "out"
    assert check(*map(str, articles), "--out", str(out)).exit_code == 1
    reports = sorted(out.glob("*.md"))
    assert len(reports) == 4  # three articles and summary.md
    for report in reports:
        assert_inert(rendered(report.read_text()))


def test_a_newline_in_a_file_name_cannot_forge_output_lines(tmp_path: Path):
    forged = tmp_path / "a.txt:1:1: supported: all fine\nb.txt"
    forged.write_text(WRONG)
    missing = tmp_path / "gone\n.txt"
    line = check(str(forged), str(missing), "--format", "line")
    assert line.exit_code == 2
    [finding] = line.stdout.splitlines()
    assert finding.startswith(str(forged).replace("\n", "\\n") + ":1:21: contradicted: ")
    assert line.stderr.splitlines() == [f"factcheck: {tmp_path}/gone\\n.txt: no such file or folder"]
    extract = CliRunner().invoke(cli, ["extract", str(forged)])
    assert extract.exit_code == 0 and extract.stdout.splitlines()[0].startswith(str(forged).replace("\n", "\\n") + "\t")


def test_escape_characters_in_file_names_never_reach_github_annotations_raw(tmp_path: Path):
    named = tmp_path / "red\x1b[31m,title=x::.txt"
    named.write_text(WRONG)
    result = check(str(named), "--format", "github")
    assert result.exit_code == 1
    annotation = result.stdout.splitlines()[0]
    assert "\x1b" not in result.stdout and annotation.startswith("::error file=")
    assert "%2Ctitle=x%3A%3A.txt,line=1," in annotation


def test_sarif_results_that_do_not_fail_have_level_none(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Ken Livingstone won 828,380 votes after second preferences in 2004. Turnout was about 37 per "
                       "cent. Some 5.2 million Londoners were registered to vote.\n")
    run_ = json.loads(check(str(article), "--format", "sarif").stdout)["runs"][0]
    pairs = {(r["kind"], r["level"]) for r in run_["results"]}
    assert {("fail", "error"), ("pass", "none"), ("review", "none")} <= pairs
    assert all(level == "none" for kind, level in pairs if kind != "fail")


def test_a_figure_wrapped_across_lines_prints_on_one_line_of_the_text_report(tmp_path: Path):
    article = tmp_path / "wrapped.txt"
    article.write_text("Ken Livingstone won the 2004 London mayoral election, taking 36.8\n"
                       "per cent of first preferences. After the run-off he had 828,380\nvotes.\n")
    result = check(str(article), "--format", "text")
    assert result.exit_code == 1, result.output
    rows = [line for line in result.stdout.splitlines() if "36.8" in line]
    assert rows and all("36.8 per cent" in row for row in rows)
    quote = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("| ") and "828,380" in line)
    assert "[828,380] votes." in quote
