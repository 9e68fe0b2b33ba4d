"""Derived facts against figures worked out by hand from the published counts."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.kinds import Round


def test_2004_final_margin_is_the_difference_of_certified_totals(index):
    fact = index.facts("london-mayor-2004").margin_votes(Round.FINAL)
    assert fact.value == 828_390 - 667_180 == 161_210
    assert fact.subject == ("ken-livingstone", "steven-norris")
    assert fact.derivation().startswith("161,210 = 828,390 − 667,180")
    assert "gla-2006" in fact.sources


def test_2004_night_of_variant_gives_the_declared_margin(index):
    fact = index.facts("london-mayor-2004", "night-of").margin_votes(Round.FINAL)
    assert fact.value == 828_380 - 667_178 == 161_202
    assert fact.variant == "night-of"
    assert set(fact.sources) >= {"bbc-2004", "local-london-2004"}


def test_2004_valid_total_is_the_sum_of_candidates_when_unpublished(index):
    fact = index.facts("london-mayor-2004").valid_votes()
    assert fact.value == 1_863_681  # 685,548 + 542,423 + ... + 6,692
    assert "no published valid total" in fact.formula


def test_2021_final_share_and_majority(index):
    facts = index.facts("london-mayor-2021")
    share = facts.share("sadiq-khan", Round.FINAL)
    assert share.value == pytest.approx(100 * 1_206_034 / (1_206_034 + 977_601))
    assert round(share.value, 1) == 55.2
    assert facts.margin_votes(Round.FINAL).value == 228_433


def test_first_round_share_uses_valid_first_preferences(index):
    share = index.facts("london-mayor-2021").share("laurence-fox", Round.FIRST)
    assert share.value == pytest.approx(100 * 47_634 / 2_531_357)  # 1.88%


def test_share_change_compares_same_person_or_same_party(index):
    now, before = index.facts("london-mayor-2021"), index.facts("london-mayor-2016")
    khan = now.share_change("sadiq-khan", Round.FIRST, before)
    assert khan.value == pytest.approx(100 * (1_013_721 / 2_531_357 - 1_148_716 / 2_596_961))  # -4.19
    ukip = now.share_change("peter-gammons", Round.FIRST, before)  # against Whittle, UKIP's 2016 candidate
    assert ukip.value == pytest.approx(100 * (14_393 / 2_531_357 - 94_373 / 2_596_961))  # -3.07
    assert "Peter Whittle" in ukip.formula


def test_rank_deposits_and_candidate_count(index):
    facts = index.facts("london-mayor-2021")
    assert facts.rank("sian-berry").value == 3
    assert facts.rank("laurence-fox").value == 6
    assert facts.candidate_count().value == 20
    assert facts.deposits(kept=True).value == 3  # Khan 40.0%, Bailey 35.3%, Berry 7.8%; Porritt 4.4%
    assert facts.lost_deposit("luisa-porritt").value == 1


def test_first_past_the_post_has_one_round(index):
    facts = index.facts("london-mayor-2024")
    assert facts.margin_votes(Round.FINAL).value == 1_088_225 - 812_397 == 275_828
    assert facts.margin_votes(Round.FINAL).round is Round.FIRST
    assert facts.transfers("sadiq-khan") is None


def test_2024_early_hall_figure_gives_its_own_margin(index):
    assert index.facts("london-mayor-2024", "early-hall").margin_votes(Round.FIRST).value == 1_088_225 - 811_518


def test_turnout_is_derived_where_ballots_and_electorate_are_known(index):
    assert index.facts("london-mayor-2000").turnout().value == pytest.approx(100 * 1_752_303 / 5_093_464)
    stored = index.facts("london-mayor-2016").turnout()
    assert (stored.value, stored.precision) == (46.1, pytest.approx(0.05))


def test_2012_ballots_are_valid_plus_rejected(index):
    assert index.facts("london-mayor-2012").ballots().value == 2_208_475 + 40_210


def test_constituency_share_rank_and_margin(index):
    facts = index.facts("london-mayor-2021")
    scope = "barnet-and-camden"
    assert facts.share("sadiq-khan", Round.FIRST, scope).value == pytest.approx(100 * 67_610 / 174_875, abs=0.01)
    assert facts.rank("shaun-bailey", Round.FIRST, scope).value == 2
    assert facts.margin_votes(Round.FIRST, contest=scope).value == 67_610 - 65_822
    # 2024 constituency sheets list only Khan and Hall: no total, so no shares
    assert index.facts("london-mayor-2024").share("sadiq-khan", Round.FIRST, scope) is None


def test_terms_and_previous_elections(index):
    assert index.term_won("ken-livingstone", 2) == "london-mayor-2004"
    assert index.term_won("boris-johnson", 2) == "london-mayor-2012"
    assert index.term_won("sadiq-khan", 3) == "london-mayor-2024"
    assert index.term_won("shaun-bailey", 1) is None
    assert index.previous("london-mayor-2021") == "london-mayor-2016"
    assert index.previous("london-mayor-2000") is None


def _show(election_id: str) -> dict:
    result = CliRunner().invoke(cli, ["ledger", "show", election_id, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_show_2004_json_has_final_votes_margin_and_night_of_alternatives():
    data = _show("london-mayor-2004")
    finals = {f["subject"][0]: f["value"] for f in data["derived"] if f["kind"] == "votes" and f["round"] == "final"}
    assert finals == {"ken-livingstone": 828390, "steven-norris": 667180}
    [margin] = [f for f in data["derived"] if f["kind"] == "margin_votes" and f["round"] == "final"]
    assert margin["value"] == 161210
    [night] = [v for v in data["variants"] if v["variant"] == "night-of"]
    assert night["status"] == "superseded"
    assert "bbc-2004" in {s["id"] for s in night["sources"]}
    night_values = {(f["kind"], f.get("round")): f["value"] for f in night["derived"] if not f.get("scope")}
    assert night_values[("margin_votes", "final")] == 161202
    livingstone = data["election"]["candidates"][0]
    assert livingstone["final"]["alternatives"] == [{"value": 828380, "variant": "night-of"}]


def test_show_2021_json_has_khan_final_share_and_majority():
    data = _show("london-mayor-2021")
    [share] = [f for f in data["derived"] if f["kind"] == "share" and f["round"] == "final"
               and f["subject"] == ["sadiq-khan"]]
    assert round(share["value"], 1) == 55.2
    [margin] = [f for f in data["derived"] if f["kind"] == "margin_votes" and f["round"] == "final"
                and "scope" not in f]
    assert margin["value"] == 228433


def test_show_unknown_election_exits_2():
    result = CliRunner().invoke(cli, ["ledger", "show", "london-mayor-1999"])
    assert result.exit_code == 2
    assert "unknown election" in result.output


def test_list_prints_every_election_with_its_winner():
    result = CliRunner().invoke(cli, ["ledger", "list"])
    assert result.exit_code == 0
    lines = [line for line in result.output.strip().splitlines() if line.startswith("london-mayor-")]
    assert len(lines) == 7
    assert "london-mayor-2008" in lines[2] and "Boris Johnson" in lines[2]
