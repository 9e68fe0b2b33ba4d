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
    assert Path("out/summary.md").read_text().startswith("## Summary")
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
