"""The 2015 general election as the base for 2017 changes: a party-level record that 2017 seats, shares and
turnout are measured against, and that no article is ever checked against itself. The sentences are the
team's own wording; the figures are the Commons Library's."""

from __future__ import annotations

import pytest

from factcheck.check import Checker, CheckOptions
from factcheck.errors import FactcheckError

G15, G17 = "uk-general-2015", "uk-general-2017"
BASE_SOURCE = "hoc-parl56-ge2015-constituencies"

_CHECKER: list[Checker] = []


def check(text: str):
    if not _CHECKER:
        _CHECKER.append(Checker(CheckOptions()))
    return _CHECKER[0].check_text(text)


def finding(report, text: str, kind: str):
    found = [f for f in report.findings if f.claim.text == text and f.claim.kind.value == kind]
    assert found, [(f.claim.text, f.claim.kind.value, f.verdict.value) for f in report.findings]
    return found[0]


OPENING = "At the 2017 general election on 8 June, Theresa May's Conservatives lost their majority. "


# -- the ledger --------------------------------------------------------------------------------------
def test_2015_is_2017s_base_and_never_an_election_an_article_is_about(index):
    assert index.base_id(G17) == G15
    assert index.known(G15) and G15 not in index.elections
    assert 2015 not in index.by_year


def test_2015_seats_are_the_known_result(index):
    f15 = index.facts(G15)
    seats = {p: f15.party_seats(p).value for p in (
        "conservative", "labour", "snp", "liberal-democrats", "dup", "sinn-fein", "plaid-cymru", "sdlp", "uup",
        "ukip", "green", "independent", "speaker")}
    assert seats == {"conservative": 330, "labour": 232, "snp": 56, "liberal-democrats": 8, "dup": 8, "sinn-fein": 4,
                     "plaid-cymru": 3, "sdlp": 3, "uup": 2, "ukip": 1, "green": 1, "independent": 1, "speaker": 1}
    speaker_counted = index.facts(G15, "speaker-under-former-party").party_seats("conservative")
    assert speaker_counted.value == 331


def test_2015_national_votes_add_up_to_the_published_totals(index):
    f15 = index.facts(G15)
    assert f15.valid_votes().value == 30_697_525
    assert f15.party_votes("conservative").value == 11_299_609
    assert f15.party_votes("labour").value == 9_347_273


def test_a_winner_inside_the_other_column_gets_votes_from_the_majority_and_says_so(index):
    f15 = index.facts(G15)
    [speaker] = [k for k in f15.contest("buckingham").candidacies if k.party == "speaker"]
    assert speaker.votes.value == 34_617 and "majority of 22,942" in speaker.note
    north_down = {k.party: k for k in f15.contest("north-down").candidacies}
    assert north_down["independent"].votes.value == 17_689  # DUP 8,487 + majority 9,202
    assert north_down["other-candidates"].votes.value == 1_024 and north_down["other-candidates"].note is None


def test_2015_contests_carry_the_2017_ids_for_the_same_ons_codes(index):
    f15, f17 = index.facts(G15), index.facts(G17)
    ids15 = {c.code: c.id for c in f15.election.contests}
    ids17 = {c.code: c.id for c in f17.election.contests}
    assert len(ids15) == 650 and ids15 == ids17


# -- 2017 changes, end to end ------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, text, verdict", [
    ("The Conservatives lost 13 seats.", "13", "supported"),
    ("The Conservatives lost 15 seats.", "15", "contradicted"),
    ("Labour gained 30 seats.", "30", "supported"),
    ("Labour gained 36 seats.", "36", "contradicted"),
])
def test_2017_seat_changes_are_measured_against_2015(sentence, text, verdict):
    report = check(OPENING + sentence)
    assert report.election == G17
    found = finding(report, text, "seat_change")
    assert found.verdict.value == verdict, found.reason


@pytest.mark.parametrize("sentence, text, verdict", [
    ("Labour's share of the vote rose by 9.5 points.", "9.5 points", "supported"),
    ("Labour's share of the vote rose by 12 points.", "12 points", "contradicted"),
])
def test_2017_national_share_change_is_measured_against_2015(sentence, text, verdict):
    found = finding(check(OPENING + sentence), text, "share_change")
    assert found.verdict.value == verdict, found.reason


@pytest.mark.parametrize("figure, verdict", [("19.2 points", "supported"), ("25 points", "contradicted")])
def test_2017_constituency_share_change_is_measured_against_the_same_seat_in_2015(figure, verdict):
    report = check(OPENING + f"In Aberavon, Stephen Kinnock held the seat for Labour and his share rose by {figure}.")
    found = finding(report, figure, "share_change")
    assert found.verdict.value == verdict, found.reason
    assert found.claim.scope == "aberavon"


def test_a_2017_change_cites_the_2015_publication_too():
    found = finding(check(OPENING + "The Conservatives lost 13 seats."), "13", "seat_change")
    assert BASE_SOURCE in [s.id for s in found.sources]


def test_2017_turnout_change_is_measured_against_the_2015_count(index):
    f17 = index.facts(G17)
    change = f17.turnout_change(index.facts(index.counted_previous(G17)))
    assert round(change.value, 1) == 2.5  # 68.76% − 66.22%, valid votes over electorate
    assert index.counted_previous("uk-general-2024") == "uk-general-2019"  # never the notional base


# -- an article about 2015 itself --------------------------------------------------------------------
def test_an_article_about_2015_gets_no_2015_verdicts():
    report = check("General election 2015: in the election of 7 May 2015 David Cameron's Conservatives won 330 "
                   "seats and a majority of 12, while the SNP took 56 seats in Scotland.")
    assert report.election is None
    assert report.findings  # the figures are found...
    assert all(f.verdict.value == "unverifiable" for f in report.findings)  # ...and none is judged
    assert all(f.claim.election != G15 for f in report.findings)


def test_the_2015_base_cannot_be_forced_as_an_articles_election():
    with pytest.raises(FactcheckError, match="unknown election 'uk-general-2015'"):
        Checker(CheckOptions(election=G15)).check_text("The Conservatives won 330 seats.")

