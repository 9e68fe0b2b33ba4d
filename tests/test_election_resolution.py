"""Which election an article, and each figure in it, is about."""

from __future__ import annotations

import datetime as dt

from factcheck.extract.election import dateline, resolve_article
from factcheck.nlp.pipeline import build_pipeline, to_mentions


def resolve(text: str, index, **kw):
    return resolve_article(text, to_mentions(build_pipeline()(text)), index, **kw)


def test_article_without_a_year_resolves_by_names_and_term(index):
    text = "Boris Johnson has won a second term, beating Ken Livingstone. Jenny Jones came third."
    assert resolve(text, index).election == "london-mayor-2012"


def test_dateline_decides_between_elections_the_names_share(index):
    assert resolve("date 2021-05-08 Sadiq Khan was re-elected.", index).election == "london-mayor-2021"
    assert resolve("Sadiq Khan won.", index, published=dt.date(2024, 5, 4)).election == "london-mayor-2024"


def test_verbatim_figures_point_to_their_election(index):
    assert resolve("Livingstone took 667,877 first preferences.", index).election == "london-mayor-2000"


def test_too_little_evidence_gives_no_election(index):
    choice = resolve("Sadiq Khan spoke to reporters.", index)
    assert choice.election is None
    assert "does not single out" in choice.basis


def test_forced_election_wins(index):
    assert resolve("Khan won.", index, forced="london-mayor-2016").election == "london-mayor-2016"


def test_dateline_formats():
    assert dateline("Published: 8 May 2021\nKhan wins") == dt.date(2021, 5, 8)
    assert dateline("Updated May 3, 2008 - Johnson") == dt.date(2008, 5, 3)
    assert dateline("Khan wins") is None


def test_a_handful_of_assembly_seats_does_not_point_to_a_general_election(index):
    text = ("The mayoral count is over. On the London Elects figures Boris Johnson took 1,043,761 first preferences.\n\n"
            "In the Assembly the Greens kept their 2 seats, the Lib Dems fell from 5 seats to 3 and UKIP lost both "
            "of its 2 seats, while Labour went from 7 seats to 8.")
    choice = resolve(text, index)
    assert choice.election == "london-mayor-2008"
    assert "seat count" not in choice.basis


def test_a_seat_total_in_a_record_still_points_to_that_general_election(index):
    choice = resolve("The Conservatives won 365 seats and Labour 202 seats.", index)
    assert choice.election == "uk-general-2019" and "seat count" in choice.basis


def test_a_year_the_opening_only_compares_with_does_not_compete_with_its_election(index):
    text = ("Analysis: the numbers in Wales\n"
            "The 2024 election cut the number of MPs from Wales from 40 to 32. Labour's share fell from 2019.")
    choice = resolve(text, index)
    assert choice.election == "uk-general-2024" and choice.firm
