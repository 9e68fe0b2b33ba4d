"""The example table, run end to end: every row's claims, kinds, subjects, elections and verdicts."""

from __future__ import annotations

import pytest

from factcheck.check import Checker, CheckOptions
from factcheck.kinds import NOT_YET_EXTRACTED, Kind
from tests.examples import EXAMPLES, Example

_CHECKERS: dict[str | None, Checker] = {}


def checker(election: str | None) -> Checker:
    if election not in _CHECKERS:
        _CHECKERS[election] = Checker(CheckOptions(election=election))
    return _CHECKERS[election]


def _id(example: Example) -> str:
    return example.sentence[:60]


@pytest.mark.parametrize("example", EXAMPLES, ids=_id)
def test_example_sentence_yields_the_expected_claims(example: Example):
    report = checker(example.election).check_text(example.sentence)
    findings = report.findings
    for expect in example.expect:
        matching = [f for f in findings if f.claim.text == expect.text and f.claim.kind.value == expect.kind]
        assert matching, (f"no {expect.kind} claim for {expect.text!r}; found "
                          f"{[(f.claim.text, f.claim.kind.value) for f in findings]}")
        finding = matching[0]
        assert finding.verdict.value == expect.verdict, (expect.text, finding.verdict, finding.rule, finding.reason)
        if expect.subject is not None:
            who = finding.claim.subject or ((finding.claim.party,) if finding.claim.party else ())
            assert who == expect.subject, (expect.text, who)  # candidates, else the party
        election = expect.election or example.election
        if election is not None:
            assert finding.claim.election == election, (expect.text, finding.claim.election)
        if expect.round is not None:
            assert finding.claim.round.value == expect.round, (expect.text, finding.claim.round)
    listed = {(x.text, x.kind) for x in example.expect if x.verdict == "contradicted"}
    unlisted = [(f.claim.text, f.claim.kind.value, f.reason) for f in findings
                if f.verdict.value == "contradicted" and (f.claim.text, f.claim.kind.value) not in listed]
    assert not unlisted, f"contradicted verdicts the example does not list: {unlisted}"
    for kind in example.absent:
        unwanted = [f for f in findings if kind == "*" or f.claim.kind.value == kind]
        assert not unwanted, [(f.claim.text, f.claim.kind.value) for f in unwanted]


def test_every_claim_kind_has_examples_that_must_and_must_not_yield_it():
    yielded = {x.kind for e in EXAMPLES for x in e.expect}
    refused = {k for e in EXAMPLES for k in e.absent}
    missing = [k.value for k in Kind if k.value not in yielded and k is not Kind.UNKNOWN and k not in NOT_YET_EXTRACTED]
    assert not missing, f"no example yields: {missing}"
    assert "*" in refused, "no example of a sentence that must yield nothing"
    unrefused = [k.value for k in Kind if k.value not in refused and k is not Kind.UNKNOWN
                 and k not in NOT_YET_EXTRACTED]
    assert not unrefused, f"no example that must not yield: {unrefused}"


def test_examples_cover_all_seven_elections():
    elections = {e.election for e in EXAMPLES} | {x.election for e in EXAMPLES for x in e.expect}
    assert {f"london-mayor-{y}" for y in (2000, 2004, 2008, 2012, 2016, 2021, 2024)} <= elections
