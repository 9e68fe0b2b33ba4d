"""General election facts on the synthetic ledger, against figures worked out by hand from its files.

2035 (base: the notional 2030 result on the 2035 boundaries):
  Northtown   Lab 19,000  Con 14,000  RUK 6,000  LD 2,000  Ind 150   valid 41,150 invalid 120 electorate 62,000
  Southville  Lab 20,000  RUK 7,000   Con 5,000                      valid 32,000 invalid  70 electorate 56,000
  Westham     Spk 22,000  RUK 8,000   Green 3,000                    valid 33,000 invalid  50 electorate 51,000
  Glenmore    Lab 15,000  SNP 14,000  Con 3,000  Ind 200             valid 32,200 invalid 100 electorate 59,000
Notional 2030: Northtown Con 21,000 Lab 16,000 LD 3,000 BRX 1,000; Southville Lab 19,000 Con 9,500 BRX 3,500;
  Westham Spk 24,000 Green 5,500 MRLP 500; Glenmore SNP 16,000 Lab 13,000 Con 6,500.
The Speaker's former party is Labour in 2035 and in the notional result, Conservative in 2030.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.kinds import Kind, Round

SPEAKER = "speaker-under-former-party"
E35, E30, NOTIONAL = "uk-general-2035", "uk-general-2030", "uk-general-2030-notional"


@pytest.fixture(scope="module")
def f35(uk_index):
    return uk_index.facts(E35)


@pytest.fixture(scope="module")
def base(uk_index):
    return uk_index.base(E35)


def test_candidate_votes_share_majority_and_rank_within_a_seat(f35):
    assert f35.votes("bob-baker", Round.FIRST, "northtown").value == 19_000
    assert f35.votes("bob-baker", Round.FIRST).scope == "northtown"  # the one seat he stood in
    assert f35.share("bob-baker", Round.FIRST).value == pytest.approx(100 * 19_000 / 41_150)
    majority = f35.margin_votes(Round.FIRST, contest="northtown")
    assert (majority.value, majority.subject) == (5_000, ("bob-baker", "alice-able"))
    assert f35.margin_points(Round.FIRST, contest="glenmore").value == pytest.approx(100 * 1_000 / 32_200)
    assert f35.rank("fay-finch", Round.FIRST).value == 3
    assert f35.winner("glenmore") == "lee-lamb"
    assert f35.order(Round.FIRST, "westham-downs") == ["hal-hart", "ola-orr", "ivy-ingram"]
    assert f35.margin_votes(Round.FIRST) is None  # no seat named and no candidate to find it by


def test_contests_candidates_and_parties_of_people(f35):
    assert f35.contests() == ["northtown", "southville-east", "westham-downs", "glenmore"]
    assert f35.contests_of("kai-kerr") == ["glenmore"]
    assert f35.candidates("westham-downs") == ("hal-hart", "ola-orr", "ivy-ingram")
    assert len(f35.candidates()) == 15
    assert f35.party_of("dan-dyer") == "labour"
    assert f35.persons_of_party("reform-uk") == ("fay-finch", "ned-nash", "ola-orr")
    assert f35.candidate_count().value == 15 and f35.candidate_count("glenmore").value == 4


def test_turnout_on_the_valid_basis_with_invalid_votes_as_the_documented_alternative(f35):
    assert f35.turnout("northtown").value == pytest.approx(100 * 41_150 / 62_000)
    [(alternative, variant)] = f35.turnout_alternatives("northtown")
    assert variant == "turnout-including-invalid"
    assert alternative.value == pytest.approx(100 * 41_270 / 62_000)
    national = f35.turnout()
    assert national.value == pytest.approx(100 * 138_350 / 228_000)
    assert f35.turnout_alternatives()[0][0].value == pytest.approx(100 * 138_690 / 228_000)
    assert f35.ballots().value == 138_690 and f35.rejected().value == 340
    assert f35.national_electorate().value == f35.electorate().value == 228_000


def test_deposits_are_lost_below_five_per_cent_of_the_seats_valid_votes(f35):
    assert f35.lost_deposit("cara-cole").value == 1  # 2,000 / 41,150 = 4.86%
    assert f35.lost_deposit("ivy-ingram").value == 0  # 3,000 / 33,000 = 9.09%
    assert f35.deposits(kept=False).value == 3  # Cole and both Sam Smiths
    assert f35.deposits(kept=False, party="liberal-democrats").value == 1


def test_party_totals_seats_and_ranks(f35):
    assert f35.party_votes("labour").value == 54_000
    assert f35.party_share("labour").value == pytest.approx(100 * 54_000 / 138_350)
    assert f35.party_seats("labour").value == 3
    assert f35.party_seats("conservative").value == 0
    assert f35.total_seats().value == 4
    assert f35.party_rank("labour", "seats").value == 1
    # by votes: Labour 54,000, Conservatives and the Speaker 22,000 each, Reform 21,000: ties share a place
    assert f35.party_rank("reform-uk", "votes").value == 4
    assert f35.place_count("reform-uk", 2).value == 2  # Southville and Westham
    assert f35.commons_majority("labour").value == 2  # 3 seats against 1
    assert f35.largest_party() == "labour"


def test_nation_and_region_totals(f35):
    assert f35.total_seats("scotland").value == 1
    assert f35.party_seats("labour", "scotland").value == 1
    assert f35.party_share("snp", "scotland").value == pytest.approx(100 * 14_000 / 32_200)
    assert f35.party_seats("labour", "england").value == 2
    assert f35.total_seats("north-east").value == 1
    assert f35.party_votes("labour", "england").value == 39_000


def test_speaker_counted_under_his_former_party_is_a_documented_other_basis_variant(uk_index, f35):
    variant = uk_index.facts(E35, SPEAKER)
    assert f35.party_seats("speaker").value == 1
    seats = variant.party_seats("labour")
    assert (seats.value, seats.variant) == (4, SPEAKER)
    assert "before he became Speaker" in seats.note
    assert variant.commons_majority("labour").value == 4
    assert uk_index.elections[E35].variants[SPEAKER].status.value == "other-basis"
    assert uk_index.facts(E30, SPEAKER).party_seats("conservative").value == 2  # Bercow-style: 2030's Speaker was a Tory


def test_changes_are_measured_against_the_notional_base(uk_index, f35, base):
    assert uk_index.base_id(E35) == NOTIONAL and base.election.notional
    assert NOTIONAL not in uk_index.order and NOTIONAL not in uk_index.elections
    assert uk_index.previous(E35) == E30  # the previous actual election is still known
    assert f35.party_seat_change("labour", base).value == 2  # 3 - 1 (notional: Southville only)
    assert f35.gains("labour", base).value == 2  # Northtown from the Conservatives, Glenmore from the SNP
    assert f35.holds("labour", base).value == 1
    assert f35.losses("conservative", base).value == 1
    assert f35.losses("snp", base).value == 1
    assert f35.gains("labour", base, "scotland").value == 1
    change = f35.share_change("bob-baker", Round.FIRST, base)
    assert change.value == pytest.approx(100 * (19_000 / 41_150 - 16_000 / 41_000))
    assert "same party" in change.formula
    # Reform is compared with its earlier name, the Brexit Party: 21,000/138,350 against 4,500/138,500
    assert f35.party_share_change("reform-uk", base).value == pytest.approx(100 * (21_000 / 138_350 - 4_500 / 138_500))
    assert f35.party_share_change("snp", base, "scotland").value == pytest.approx(100 * (14_000 / 32_200 - 16 / 35.5))


def test_speaker_variant_changes_are_measured_against_the_same_variant_of_the_base(uk_index):
    variant = uk_index.facts(E35, SPEAKER)
    variant_base = uk_index.base(E35, SPEAKER)
    assert variant_base.variant == SPEAKER
    assert variant.party_seat_change("labour", variant_base).value == 2  # 4 - 2


def test_a_year_holding_a_mayoral_and_a_general_election_lists_both(uk_index):
    assert uk_index.by_year[2035] == ["testcity-mayor-2035", E35]
    assert uk_index.in_year(2035, family="uk-general") == [E35]
    assert uk_index.family("testcity-mayor-2035") == "testcity-mayor"
    assert uk_index.facts("testcity-mayor-2035").winner() == "quinn-quarry"
    assert uk_index.facts(E35).winner() is None  # a general election has no single winner
    assert [eid for eid, _ in uk_index.winners()] == ["testcity-mayor-2035"]


def test_election_level_properties(uk_index, f35):
    assert (f35.family, f35.system.value, f35.is_runoff) == ("uk-general", "first-past-the-post", False)
    assert uk_index.facts("testcity-mayor-2035").party_votes("labour").value == 2_500  # a mayoralty: its candidate


def test_standard_facts_include_party_seats_and_the_speaker_variant(uk_index):
    facts = uk_index.standard_facts(E35)
    seats = {f.subject: f.value for f in facts if f.kind is Kind.SEATS}
    assert seats[("labour",)] == 3 and seats[()] == 4
    changed = uk_index.variant_facts(E35)
    assert any(f.kind is Kind.SEATS and f.subject == ("labour",) and f.value == 4 for f in changed[SPEAKER])
    assert "turnout-including-invalid" in changed


def _cli(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_show_and_list_on_an_imported_ledger(uk_index):
    directory = uk_index.ledger.directory
    data = json.loads(_cli("ledger", "show", E35, "--ledger", directory, "--contest", "Southville East", "--format",
                           "json"))
    assert data["contest"]["id"] == "southville-east" and data["contest"]["winner"] == "dan-dyer"
    majority = next(f for f in data["derived"] if f["kind"] == "margin_votes" and f["round"] == "first")
    assert majority["value"] == 13_000
    listed = json.loads(_cli("ledger", "list", "--ledger", directory, "--format", "json"))
    assert [(row["id"], row["family"]) for row in listed] == [(E30, "uk-general"), ("testcity-mayor-2035", "testcity-mayor"),
                                                             (E35, "uk-general")]
    assert listed[2]["seats"]["labour"] == 3 and listed[2]["base"] == NOTIONAL
    table = _cli("ledger", "show", E35, "--ledger", directory)
    assert "Labour Party" in table and "Alternative: the Speaker counted under his former party" in table


def test_a_year_with_two_elections_names_one_only_within_a_family(uk_index):
    assert uk_index.in_year(2035) == ["testcity-mayor-2035", E35]
    assert uk_index.in_year(2035, "testcity-mayor") == ["testcity-mayor-2035"]
    assert uk_index.in_year(2030) == [E30]
    assert uk_index.people_of_family("testcity-mayor") == {"quinn-quarry", "rhea-ross"}
