"""Verdicts on claims without a figure: who beat whom, and who won (and for which term)."""

from __future__ import annotations

from factcheck.extract.claims import Claim, Reading
from factcheck.kinds import Round, Unit
from factcheck.ledger.facts import Facts
from factcheck.ledger.index import LedgerIndex
from factcheck.numbers import format_ordinal
from factcheck.verify.alternatives import sources
from factcheck.verify.findings import Finding, Verdict


def _unverifiable(claim: Claim, reason: str) -> Finding:
    return Finding.model_construct(claim=claim, verdict=Verdict.UNVERIFIABLE, rule="not checked", reason=reason)


def verify_comparison(claim: Claim, reading: Reading, facts: Facts, index: LedgerIndex) -> Finding:
    if len(reading.subject) != 2:
        return _unverifiable(claim, "the comparison does not name two candidates of this election")
    a, b = reading.subject
    contest = reading.scope
    both_final = facts.is_runoff and not contest and {a, b} <= set(facts.finalists())
    round_ = Round.FINAL if both_final and reading.relation in ("beat", "fewer") else Round.FIRST
    va, vb = facts.votes(a, round_, contest), facts.votes(b, round_, contest)
    if va is None or vb is None:
        return _unverifiable(claim, f"the ledger cannot compare {facts.name(a)} and {facts.name(b)} here")
    ahead = va.value > vb.value if reading.relation in ("more", "beat") else va.value < vb.value
    verb = "more" if reading.relation in ("more", "beat") else "fewer"
    rule = (f"{facts.surname(a)} {va.value:,.0f} v {facts.surname(b)} {vb.value:,.0f} "
            f"({va.round.value if va.round else 'first'} round): {facts.surname(a)} {'did' if ahead else 'did not'} "
            f"win {verb} votes")
    both = va.sources + tuple(s for s in vb.sources if s not in va.sources)
    return Finding.model_construct(
        claim=claim, verdict=Verdict.SUPPORTED if ahead else Verdict.CONTRADICTED, expected=1.0 if ahead else 0.0,
        unit=Unit.FLAG, rule=rule, derivation=f"{va.derivation()}; {vb.derivation()}",
        sources=sources(index, facts.election.id, both))


def verify_winner(claim: Claim, reading: Reading, facts: Facts, index: LedgerIndex) -> Finding:
    if not reading.subject:
        return _unverifiable(claim, reading.unsure or "no candidate named")
    person = reading.subject[0]
    winner = facts.winner(reading.scope)
    if winner is None:
        return _unverifiable(claim, "the ledger has no winner here")
    ok = winner == person
    rule = f"{facts.name(winner)} won {facts.election.name}"
    if ok and reading.relation and reading.relation.startswith("term:"):
        term = int(reading.relation.split(":")[1])
        ok = index.term_won(person, term) == facts.election.id
        rule += f"; it was {facts.name(person)}'s {format_ordinal(term, words=True)} term" if ok else (
            f"; but it was not {facts.name(person)}'s {format_ordinal(term, words=True)} term")
    runoff = facts.is_runoff and not reading.scope
    margin = facts.margin_votes(Round.FINAL if runoff else Round.FIRST, None, reading.scope)
    return Finding.model_construct(
        claim=claim, verdict=Verdict.SUPPORTED if ok else Verdict.CONTRADICTED, expected=1.0 if ok else 0.0,
        unit=Unit.FLAG, rule=rule, derivation=margin.derivation() if margin else None,
        sources=sources(index, facts.election.id, margin.sources if margin else ()))
