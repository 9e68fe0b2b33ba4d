"""Internal consistency: stated figures must agree with each other, with or without the ledger."""

from __future__ import annotations

from factcheck.check import Checker, CheckOptions
from factcheck.extract.readings import extract_claims
from factcheck.nlp.pipeline import build_pipeline, to_mentions
from factcheck.verify.consistency import apply_consistency, clashes
from factcheck.verify.findings import Finding, Verdict

RUNOFF = {"london-mayor-2021": True}


def claims(text: str, index):
    return extract_claims(text, to_mentions(build_pipeline()(text)), index, forced_election="london-mayor-2021").claims


def test_stated_majority_must_equal_the_difference_of_stated_totals(index):
    text = "After second preferences Khan won 1,206,034 votes to Bailey's 977,601, a majority of 238,433."
    [(claim, others, why)] = clashes(claims(text, index), RUNOFF)
    assert claim.text == "238,433" and {o.text for o in others} == {"1,206,034", "977,601"}
    assert "1,206,034 − 977,601 = 228,433" in why


def test_first_round_plus_transfers_must_equal_the_total(index):
    text = "Sadiq Khan, Labour: (first round) 1,013,721, (second round) 192,313 = (total) 1,206,043"
    found = clashes(claims(text, index), RUNOFF)
    assert any("1,013,721 + 192,313 = 1,206,034" in why for _, _, why in found)


def test_the_same_figure_stated_twice_must_agree(index):
    text = "Turnout was 42.7 per cent. Later the count confirmed turnout was 45.1 per cent."
    [(claim, others, _)] = clashes(claims(text, index), RUNOFF)
    assert (claim.text, others[0].text) == ("45.1 per cent", "42.7 per cent")


def test_a_clash_is_reported_only_where_the_ledger_could_not_judge(index):
    text = "After second preferences Khan won 1,206,034 votes to Bailey's 977,601, a majority of 238,433."
    found = claims(text, index)
    undecided = [Finding(claim=c, verdict=Verdict.UNVERIFIABLE, rule="not checked") for c in found]
    result = apply_consistency(undecided, RUNOFF)
    [clash] = [f for f in result if f.verdict is Verdict.CONTRADICTED]
    assert clash.rule == "internal consistency" and {p.text for p in clash.related} == {"1,206,034", "977,601"}
    # with the ledger the wrong majority is already contradicted, so no second report
    report = Checker(CheckOptions(election="london-mayor-2021")).check_text(text)
    assert [f.rule for f in report.findings if f.verdict is Verdict.CONTRADICTED] != ["internal consistency"]
