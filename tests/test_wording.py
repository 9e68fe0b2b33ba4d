"""Reports put findings in an editor's words whatever the verifier's own phrasing: no verdict said twice,
no yes/no fact shown as a figure, and a figure about another election carries its year."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.extract.claims import Claim
from factcheck.kinds import Kind, Unit
from factcheck.report.wording import message, what, why
from factcheck.verify.findings import Finding, Verdict

SENTENCE = "Khan finished ahead of Bailey."


def finding(verdict: Verdict, *, kind=Kind.COMPARISON, unit=Unit.FLAG, text="ahead of", expected=None,
            rule="rule", reason=None, election="london-mayor-2021", subject=("sadiq-khan", "shaun-bailey")) -> Finding:
    claim = Claim(kind=kind, unit=unit, text=text, start=13, end=13 + len(text), sentence_start=0,
                  sentence_end=len(SENTENCE), election=election, subject=subject)
    return Finding(claim=claim, verdict=verdict, expected=expected, unit=unit if expected is not None else None,
                   rule=rule, reason=reason)


@pytest.mark.parametrize("reason", ["unverifiable: the ledger has no electorate",
                                    "Unverifiable - unverifiable: the ledger has no electorate",
                                    "the ledger has no electorate"])
def test_an_unverifiable_reason_is_never_prefixed_by_the_verdict_twice(index, reason: str):
    f = finding(Verdict.UNVERIFIABLE, kind=Kind.ELECTORATE, unit=Unit.COUNT, text="5.2 million", reason=reason,
                subject=())
    text = message(f, index, "london-mayor-2021")
    assert text == "electorate: 5.2 million: the ledger has no electorate"
    assert why(f) == "the ledger has no electorate"


def test_a_contradicted_yes_no_claim_is_not_shown_as_a_figure(index):
    f = finding(Verdict.CONTRADICTED, expected=0.0, rule="Bailey 893,051 v Khan 1,013,721: Bailey did not win more votes")
    text = message(f, index, "london-mayor-2021")
    assert "ledger's no" not in text and "ledger has 0" not in text and " 0;" not in text
    assert text.startswith("comparison: Sadiq Khan v Shaun Bailey: \u201cahead of\u201d is contradicted by the ledger (Bailey")


def test_a_wrong_figure_names_the_ledger_figure_and_the_suggestion(index):
    f = finding(Verdict.CONTRADICTED, kind=Kind.VOTES, unit=Unit.VOTES, text="1,209,034", expected=1_206_034,
                subject=("sadiq-khan",)).model_copy(update={"suggestion": "1,206,034"})
    assert message(f, index, "london-mayor-2021") == ("votes: Sadiq Khan: 1,209,034 is wrong; the ledger has 1,206,034; "
                                                      "suggest 1,206,034")


def test_a_figure_about_another_election_shows_its_year(index):
    f = finding(Verdict.SUPPORTED, kind=Kind.TURNOUT, unit=Unit.PERCENT, text="37 per cent", expected=36.95,
                election="london-mayor-2004", subject=())
    assert what(f, index, "london-mayor-2008") == "turnout (2004)"
    assert what(f, index, "london-mayor-2004") == "turnout"


def test_no_report_line_repeats_its_verdict():
    claims = Path(__file__).parents[1] / "claims"
    lines = CliRunner().invoke(cli, ["check", str(claims), "--format", "line"]).stdout.splitlines()
    assert lines
    for line in lines:
        verdict = line.split(": ", 2)[1]
        assert f"{verdict}: {verdict}" not in line and line.count(f"{verdict}:") == 1, line
