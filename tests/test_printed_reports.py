"""Reports an editor can use on paper and at a glance, seen as a reader sees them: in headless Chromium,
as a screenshot, and printed to PDF."""

from __future__ import annotations

import json
import re
import shutil
import struct
from html import escape as html_escape
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.browser import dom, printed, screenshot

ROOT = Path(__file__).parents[1]
ARTICLE_2004 = ROOT / "claims" / "2004-night-of-count.txt"


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """The --out folder for the 2004 article and one input that cannot be read."""
    work = tmp_path_factory.mktemp("reports")
    shutil.copy(ARTICLE_2004, work / "2004-night-of-count.txt")
    (work / "unreadable.txt").write_bytes(b"\x00\x01\x02")
    out = work / "out"
    result = CliRunner().invoke(cli, ["check", str(work / "2004-night-of-count.txt"), str(work / "unreadable.txt"),
                                      "--out", str(out)])
    assert result.exit_code == 2
    return out


def page_2004(reports: Path) -> Path:
    [page] = reports.glob("*2004-night-of-count.txt.html")
    return page


def test_printed_2004_report_shows_the_wrong_margin_its_ledger_figure_derivation_and_sources(reports, tmp_path):
    pages = printed(page_2004(reports), tmp_path)
    text = "\n".join(pages)
    first = pages[0]
    # problems come first: the wrong margin and its evidence are on the first page
    assert "Problems: 3" in first and "WRONG" in first and "161,202" in first
    assert re.search(r"Ledger ﬁ?f?i?gure\s*161,210", first.replace("ﬁ", "fi")), first
    assert "161,210 = 828,390 − 667,180" in first
    assert "The 2004 London Elections" in first or "2004 London mayoral election" in first  # a source, by title
    assert re.search(r"https?://\S+", first)  # and its address, printed, not hidden behind a link
    assert "2004 Mayor of London election, 10 June 2004" in first and "version sha256:" in first
    # beside the figure in the article, a label says it is wrong and gives the ledger's figure
    assert "✗ wrong: ledger 161,210" in text
    # the correct figures' table rows are left out of print (the article text still shows them)
    assert "CORRECT" not in text.upper().replace("CORRECT (SUPPORTED)", "")
    assert len(pages) <= 4


def test_printing_can_leave_out_the_article_text(reports, tmp_path):
    page = page_2004(reports)
    html = page.read_text().replace('id="print-article" checked', 'id="print-article"')
    short = tmp_path / "short.html"
    short.write_text(html)
    text = "\n".join(printed(short, tmp_path))
    assert "161,210 = 828,390 − 667,180" in text and "The article, every" not in text.replace("ﬁ", "fi")


def test_html_report_on_screen_has_problems_first_and_every_figure_in_the_table(reports, tmp_path):
    html = dom(page_2004(reports), tmp_path)
    assert html.index('class="problems"') < html.index('class="article"') < html.index("Every figure")
    problems = re.findall(r'<article class="problem v-(\w+)"', html)
    assert problems == ["contradicted"] * 3
    assert html.count('<tr class="v-') == len(re.findall(r'<mark class="claim', html))  # every figure listed
    [article] = [a for a in json.loads((reports / "report.json").read_text())["articles"] if not a["error"]]
    unchecked = [f for f in article["findings"] if f["verdict"] == "unverifiable"]
    assert unchecked and f"Could not be checked: {len(unchecked)}" in html  # each listed with its reason
    assert all(html_escape(f["reason"]) in html for f in unchecked)


def test_index_shows_counts_by_verdict_and_what_could_not_be_checked(reports, tmp_path):
    html = dom(reports / "index.html", tmp_path)
    status = re.search(r'<p class="status (\w+)">(.*?)</p>', html, re.S)
    assert status and status.group(1) == "fail" and "1 of 2 inputs could not be checked" in status.group(2)
    counts = re.findall(r'<li class="(contradicted|imprecise|unverifiable|supported)">.*?<span class="n">(\d+)</span>',
                        html)
    summary = json.loads((reports / "report.json").read_text())["summary"]
    assert dict(counts) == {v: str(summary[v]) for v in ("contradicted", "imprecise", "unverifiable", "supported")}
    assert summary["contradicted"] == 3
    assert "Could not be checked: 1" in html and "unreadable.txt" in html
    assert "2004 Mayor of London election" in html and "version sha256:" in html


def test_screenshots_of_the_report_and_index_are_drawn(reports, tmp_path):
    for page in (page_2004(reports), reports / "index.html"):
        png = screenshot(page, tmp_path, width=1000, height=1200)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (1000, 1200)
        assert len(png) > 20_000  # a drawn page, not a blank one
