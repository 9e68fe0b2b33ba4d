"""Verdict rules: written precision, hedges, imprecision, alternatives, and reasons to abstain."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check import Checker, CheckOptions
from factcheck.extract.claims import Claim
from factcheck.kinds import Kind, Round, Unit
from factcheck.numbers import find_numbers
from factcheck.verify.findings import Verdict
from factcheck.verify.rules import compare


def claim_for(written: str, kind=Kind.SHARE, unit=Unit.PERCENT) -> Claim:
    n = find_numbers(written)[-1]
    return Claim(kind=kind, value=n.value, lo=n.lo, hi=n.hi, unit=unit, qualifier=n.qualifier, mention=n,
                 text=n.text, start=n.start, end=n.end, sentence_start=0, sentence_end=len(written))


def fact(index, election="london-mayor-2021", person="sadiq-khan", round_=Round.FINAL):
    return index.facts(election).share(person, round_)


def test_rounding_the_text_declares_is_never_contradicted(index):
    truth = fact(index)  # 55.23%
    for written in ("55 per cent", "55.2%", "55.23%"):
        assert compare(claim_for(written), truth).passed, written


@settings(max_examples=200, deadline=None)
@given(election=st.sampled_from(["london-mayor-2000", "london-mayor-2008", "london-mayor-2016", "london-mayor-2021",
                                 "london-mayor-2024"]),
       position=st.integers(min_value=0, max_value=5), decimals=st.integers(min_value=0, max_value=2),
       style=st.sampled_from([" per cent", "%", "pc", " percent"]))
def test_any_correctly_rounded_share_passes(index, election, position, decimals, style):
    facts = index.facts(election)
    person = facts.candidates()[position]
    truth = facts.share(person, Round.FIRST)
    written = f"{round(truth.value, decimals):.{decimals}f}{style}"
    assert compare(claim_for(written), truth).passed, (written, truth.value)


def test_truncation_and_last_digit_slips_are_imprecise_not_contradicted(index):
    fox = index.facts("london-mayor-2021").share("laurence-fox", Round.FIRST)  # 1.88%
    outcome = compare(claim_for("1.8 per cent"), fox)
    assert (outcome.passed, outcome.imprecise) == (False, True)
    bailey = index.facts("london-mayor-2021").share("shaun-bailey", Round.FIRST)  # 35.28%
    assert compare(claim_for("35.4%"), bailey).imprecise
    assert not compare(claim_for("38.3%"), bailey).imprecise


def test_hedges_set_the_test(index):
    margin = index.facts("london-mayor-2021").margin_votes(Round.FINAL)  # 228,433
    assert compare(claim_for("more than 200,000", Kind.MARGIN_VOTES, Unit.VOTES), margin).passed
    assert not compare(claim_for("more than 230,000", Kind.MARGIN_VOTES, Unit.VOTES), margin).passed
    assert compare(claim_for("almost 230,000", Kind.MARGIN_VOTES, Unit.VOTES), margin).passed
    assert not compare(claim_for("almost 200,000", Kind.MARGIN_VOTES, Unit.VOTES), margin).passed
    assert compare(claim_for("around 225,000", Kind.MARGIN_VOTES, Unit.VOTES), margin).passed
    assert compare(claim_for("fewer than 250,000", Kind.MARGIN_VOTES, Unit.VOTES), margin).passed


def test_a_count_written_in_full_must_be_exact(index):
    votes = index.facts("london-mayor-2021").votes("sadiq-khan", Round.FINAL)
    outcome = compare(claim_for("1,206,035", Kind.VOTES, Unit.VOTES), votes)
    assert not outcome.passed and not outcome.imprecise


def check(text: str, election: str):
    return Checker(CheckOptions(election=election)).check_text(text)


def test_night_of_figure_is_contradicted_and_named_with_its_sources():
    [f] = [f for f in check("He won by a margin of 161,202 votes.", "london-mayor-2004").findings]
    assert f.verdict is Verdict.CONTRADICTED
    assert f.expected == 161_210
    assert f.derivation.startswith("161,210 = 828,390 − 667,180")
    assert f.alternative.variant == "night-of" and f.alternative.status == "superseded"
    assert {s.publisher for s in f.alternative.sources} >= {"BBC News", "This is Local London"}
    assert f.suggestion == "161,210"


def test_turnout_on_another_basis_is_supported_with_a_note():
    [f] = check("Turnout was 45.3 per cent.", "london-mayor-2016").findings
    assert f.verdict is Verdict.SUPPORTED and f.alternative.status == "other-basis"


def test_unverifiable_claims_say_why():
    reasons = {f.claim.text: f.reason for f in check(
        "Some 5.2 million people were registered to vote. Andy Burnham won 63 per cent.", "london-mayor-2004").findings}
    assert reasons["5.2 million"] == "the ledger has no electorate in 2004 Mayor of London election"
    assert "not a candidate" in reasons["63 per cent"]
    [f] = Checker().check_text("The winner took 51 per cent.").findings
    assert f.verdict is Verdict.UNVERIFIABLE and "which election" in f.reason


def test_suggestion_keeps_the_article_style():
    [f] = check("Laurence Fox won 1.8 per cent of the vote.", "london-mayor-2021").findings
    assert (f.verdict, f.suggestion) == (Verdict.IMPRECISE, "1.9 per cent")
    [f] = check("The Tories took 51pc in Havering & Redbridge.", "london-mayor-2021").findings
    assert (f.verdict, f.suggestion) == (Verdict.CONTRADICTED, "50pc")
    assert "Romford Recorder" in f.alternative.label


def test_a_turnout_change_matching_the_earlier_elections_variant_cites_that_variant(ledger_copy):
    directory, edit = ledger_copy
    # make 2024's own alternative merely another definition, so the 2021 disputed figure is the better match
    edit("elections/london-mayor-2024.yaml", "    status: misprint\n    sources: [bbc-yahoo-2024]",
         "    status: other-basis\n    sources: [bbc-yahoo-2024]")
    checker = Checker(CheckOptions(ledger=str(directory), election="london-mayor-2024"))
    [finding] = [f for f in checker.check_text("Turnout rose 0.6 points on 2021.").findings
                 if f.claim.kind is Kind.TURNOUT_CHANGE]
    assert finding.alternative is not None
    assert finding.alternative.variant == "widely-quoted-turnout"  # 42.8% (2024, other basis) - 42.2% (2021)
    assert {s.id for s in finding.alternative.sources} == {"wikipedia-2021", "binlabour-2021"}
