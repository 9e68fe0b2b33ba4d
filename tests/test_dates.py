"""Datelines and dates: an article's opening lines date it as surely as a "Published:" line does."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.ingest import read_article
from factcheck.ingest.dates import dateline_date, parse_date

MAY_8 = dt.date(2021, 5, 8)


@pytest.mark.parametrize("written", ["8 May 2021", "8th May 2021", "8 May, 2021", "May 8, 2021", "May 8th 2021",
                                     "Saturday 8 May 2021", "Sat, 8 May 2021", "Saturday, May 8, 2021", "2021-05-08",
                                     "8 MAY 2021", "08 May 2021", "8th of May 2021"])
def test_written_dates_parse(written: str):
    assert parse_date(written) == MAY_8


@pytest.mark.parametrize("written", ["31 February 2021", "May 2021", "8/5/2021", "in May 8, 2021", "8 Mayo 2021"])
def test_impossible_partial_and_ambiguous_dates_do_not_parse(written: str):
    assert parse_date(written) is None


@pytest.mark.parametrize("opening", [
    "LONDON, 8 May 2021 - Sadiq Khan has won a second term.",
    "LONDON, 8 May 2021 — Sadiq Khan has won a second term.",
    "LONDON (Reuters), May 8, 2021 - Sadiq Khan has won a second term.",
    "May 8, 2021 - Sadiq Khan has won a second term.",
    "Khan wins again\n\nSaturday 8 May 2021\n\nSadiq Khan has won a second term.",
    "Khan wins again\nPublished: 8 May 2021\n\nSadiq Khan has won a second term.",
    "Khan wins again\nLast updated on 8th May 2021 10:32 BST\n\nSadiq Khan has won a second term.",
    "8 May 2021 | 10:32\nSadiq Khan has won a second term.",
])
def test_datelines_date_the_article(opening: str):
    assert dateline_date(opening) == MAY_8


@pytest.mark.parametrize("opening", [
    "Sadiq Khan, first elected on 5 May 2016, has won again.",
    "On Saturday, 8 May 2021, Sadiq Khan was declared the winner.",
    "yesterday, 8 May 2021 - a lower-case word is not a place name",
    "Khan wins again\n\n" + "\n".join(f"Paragraph {i}." for i in range(10)) + "\nLONDON, 8 May 2021 - too late to be a dateline",
])
def test_dates_inside_sentences_or_far_down_do_not_date_the_article(opening: str):
    assert dateline_date(opening) is None


def test_reading_a_plain_text_article_sets_its_published_date_from_the_dateline(tmp_path: Path):
    article = tmp_path / "wire.txt"
    article.write_text("LONDON, 8 May 2021 - Sadiq Khan won 1,206,034 votes after second preferences.\n")
    assert read_article(str(article)).published == MAY_8


def test_front_matter_date_still_wins_over_a_dateline(tmp_path: Path):
    article = tmp_path / "story.md"
    article.write_text("---\ndate: 2021-05-09\n---\n\nLONDON, 8 May 2021 - Sadiq Khan won.\n")
    assert read_article(str(article)).published == dt.date(2021, 5, 9)


def test_a_dateline_chooses_the_election_when_nothing_else_does(tmp_path: Path):
    # names a candidate who stood twice, with no other clue: the dateline decides between his elections
    body = "Sadiq Khan won 55 per cent of the vote after second preferences.\n"
    undated, dated = tmp_path / "undated.txt", tmp_path / "dated.txt"
    undated.write_text(body)
    dated.write_text("LONDON, 8 May 2021 - " + body)

    def election(path: Path) -> str | None:
        data = json.loads(CliRunner().invoke(cli, ["check", str(path), "--format", "json"]).stdout)
        return data["articles"][0]["election"]

    assert election(undated) is None
    assert election(dated) == "london-mayor-2021"
