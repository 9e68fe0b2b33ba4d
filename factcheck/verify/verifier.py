"""Claims in, findings out: each claim's readings tried against the ledger, and a verdict an editor can trust.

- supported: a reading among the strongest the sentence allows matches; or, when none is firm, any reading
  the sentence allows matches at a precision where a chance match is implausible (see `precise`).
- contradicted: the strongest readings are firm (subject, kind and election fixed by cues in the same clause
  or table row) and none matches; the finding names the cues, and says when the figure is someone else's.
- unverifiable: otherwise, naming the readings tried.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.claims import Claim, Reading, Strength
from factcheck.kinds import Kind
from factcheck.ledger.facts import Fact, Facts
from factcheck.ledger.index import LedgerIndex
from factcheck.numbers import format_like, format_ordinal
from factcheck.verify.alternatives import documented_alternative, same_figure_elsewhere, sources, variant_ref
from factcheck.verify.expect import expected_facts, facts_for, other_basis_facts
from factcheck.verify.findings import AlternativeRef, Finding, Verdict
from factcheck.verify.rules import Outcome, compare
from factcheck.verify.words import verify_comparison, verify_winner

# An exact count of five or more digits, or a share to two decimals, matches some other ledger figure of the
# same election by chance about once in a thousand moved figures (benchmarks/chance.py measures it).
PRECISE_COUNT = 10_000


@dataclass(frozen=True, slots=True)
class Tried:
    reading: Reading
    facts: Facts | None
    outcomes: tuple[tuple[Fact, Outcome], ...]
    why_not: str | None  # why the reading could not be checked
    other_basis: frozenset[int] = frozenset()  # ids of facts on another legitimate definition


def verify_claim(claim: Claim, index: LedgerIndex) -> Finding:
    if not claim.readings:
        return unverifiable(claim, claim.unsure or "the text does not say what this figure counts")
    if claim.kind is Kind.COMPARISON:
        return _word(claim, index, verify_comparison)
    if claim.kind is Kind.WINNER:
        return _word(claim, index, verify_winner)
    tried = [_try(claim, r, index) for r in claim.readings]
    checkable = [t for t in tried if t.why_not is None]
    if not checkable:
        return unverifiable(claim.shown_as(claim.readings[0]), tried[0].why_not or "not checked")
    strongest = max(t.reading.strength for t in checkable)
    top = [t for t in checkable if t.reading.strength == strongest]
    for t in top:
        for fact, outcome in t.outcomes:
            if outcome.passed:
                return _finding(claim.shown_as(t.reading), Verdict.SUPPORTED, fact, _rule(t, fact, outcome), index,
                                reason=_why(t.reading),
                                alternative=variant_ref(fact, index) if id(fact) in t.other_basis else None)
    if strongest is not Strength.FIRM:
        return _weak(claim, checkable, tried, index)
    return _firm_miss(claim, top, index)


def verify_claims(claims: list[Claim] | tuple[Claim, ...], index: LedgerIndex) -> list[Finding]:
    return [verify_claim(c, index) for c in claims]


# -- the three paths ---------------------------------------------------------------------------------------
def _firm_miss(claim: Claim, top: list[Tried], index: LedgerIndex) -> Finding:
    """The sentence fixes what the figure is, and the ledger disagrees: contradicted, unless a documented
    alternative on another legitimate basis, or the written rounding, explains it."""
    best = top[0]
    shown = claim.shown_as(best.reading)
    facts = best.facts
    assert facts is not None
    expected = [f for f, _ in best.outcomes if id(f) not in best.other_basis]
    alternative = documented_alternative(shown, best.reading, facts, index)
    if alternative is not None:
        fact, alt_fact, alt = alternative
        if alt.status == "other-basis":
            return _finding(shown, Verdict.SUPPORTED, alt_fact, f"matches {alt.label}", index, reason=alt.note,
                            alternative=alt)
        nearest = _nearest(shown, expected)
        return _finding(shown, Verdict.CONTRADICTED, nearest, f"matches {alt.label}, not the ledger's figure", index,
                        reason=f"{claim.text} matches {alt.label} ({alt.status}); the ledger has {nearest.derivation()}",
                        alternative=alt, suggest=True)
    for t in top:
        for fact, outcome in t.outcomes:
            if outcome.imprecise:
                return _finding(claim.shown_as(t.reading), Verdict.IMPRECISE, fact, outcome.rule, index, suggest=True,
                                reason=_why(t.reading))
    nearest = _nearest(shown, expected)
    rule = next(o.rule for f, o in best.outcomes if f is nearest)
    elsewhere = same_figure_elsewhere(shown, facts, nearest, index) if precise(shown) else None
    reason = _why(best.reading) + (f"; {claim.text} is {elsewhere}" if elsewhere else "")
    return _finding(shown, Verdict.CONTRADICTED, nearest, rule, index, suggest=True, reason=reason)


def _weak(claim: Claim, checkable: list[Tried], tried: list[Tried], index: LedgerIndex) -> Finding:
    """No firm reading: a match on any allowed reading supports the figure only where chance cannot explain it,
    and a precise figure a whisker from exactly one reading's figure is that figure misstated."""
    for t in checkable:
        if t.reading.strength < Strength.LIKELY:
            continue  # a name merely elsewhere in the sentence licenses no reading: a swapped figure would pass
        for fact, outcome in t.outcomes:
            if outcome.passed and precise(claim):
                return _finding(claim.shown_as(t.reading), Verdict.SUPPORTED, fact, _rule(t, fact, outcome), index,
                                reason=f"{_why(t.reading)}; a figure this precise is unlikely to match by chance")
    matching = [t for t in checkable for f, o in t.outcomes if o.passed]
    near = _near_miss(claim, checkable) if not matching else None
    if near is not None:
        t, fact = near
        shown = claim.shown_as(t.reading)
        reason = (f"{_why(t.reading)}; {claim.text} is within {abs(claim.value - fact.value) / fact.value:.1%} of "
                  f"{_who(t)}'s {fact.value:,.0f} and fits no other reading, so it is that figure misstated")
        return _finding(shown, Verdict.CONTRADICTED, fact, f"{claim.text} is not {fact.value:,.0f}", index,
                        suggest=True, reason=reason)
    top = checkable[0]
    if matching:
        m = matching[0]
        why = (f"it fits {m.reading.label} ({_who(m)}), but the sentence does not firmly say that is what it is; "
               f"it does not fit {top.reading.label} ({_who(top)})")
        return unverifiable(claim.shown_as(top.reading), why)
    if all(not t.outcomes for t in tried):
        return unverifiable(claim.shown_as(top.reading), "the ledger has no such figure")
    readings = "; ".join(f"{t.reading.label} ({_who(t)})" for t in checkable[:3])
    return unverifiable(claim.shown_as(top.reading),
                        f"no reading the sentence firmly supports; tried {readings}: none matches the ledger")


NEAR = 0.03  # how close a precise count must be to one reading's figure to count as that figure misstated


def _near_miss(claim: Claim, checkable: list[Tried]) -> tuple[Tried, Fact] | None:
    """The one reading whose figure an exact count of five or more digits nearly equals (within NEAR), when the
    reading's election and contest are settled. A count that close to one candidate's and no one else's is about
    them: chance puts a figure that near another candidate's result far less often (benchmarks/chance.py)."""
    if not precise(claim) or claim.unit.value != "votes":
        return None
    near = [(t, f) for t in checkable if t.reading.settled for f, _ in t.outcomes
            if f.unit.value == "votes" and f.value and abs(claim.value - f.value) <= NEAR * f.value]
    subjects = {(t.reading.subject, t.reading.party, f.value) for t, f in near}
    return near[0] if len(subjects) == 1 else None


def precise(claim: Claim) -> bool:
    """Whether a match is unlikely to be chance: an exact count of five or more digits, or two decimals."""
    m = claim.mention
    if m is None or claim.qualifier is not None:
        return False
    if claim.unit.value in ("votes", "count"):
        return m.hi - m.lo <= 1 and abs(m.value) >= PRECISE_COUNT
    return m.decimals >= 2


# -- helpers ------------------------------------------------------------------------------------------------
def _try(claim: Claim, reading: Reading, index: LedgerIndex) -> Tried:
    if reading.unsure:
        return Tried(reading, None, (), reading.unsure)
    facts = facts_for(reading, index)
    if facts is None:
        return Tried(reading, None, (), "could not tell which election this is about")
    if claim.value is None:
        return Tried(reading, facts, (), "no figure to check")
    expected = expected_facts(reading, facts, index)
    if not expected:
        return Tried(reading, facts, (), _missing(reading, facts))
    # the same quantity on another legitimate definition (turnout on valid votes) is tried after the ledger's own
    # a figure printed less precisely than the claim cannot vouch for it ("41.86%" is not a printed "42%")
    written = ((claim.hi or 0) - (claim.lo or 0)) / 2
    other = [f for f in other_basis_facts(reading, facts) + _other_basis_variants(reading, facts, index, expected)
             if f.precision <= written + 1e-9]
    return Tried(reading, facts, tuple((f, compare(claim, f)) for f in expected + other), None,
                 frozenset(id(f) for f in other))


def _other_basis_variants(reading: Reading, facts: Facts, index: LedgerIndex, official: list[Fact]) -> list[Fact]:
    """The same figure as a documented other basis gives it ("Labour won 412 seats", counting the Speaker)."""
    out = []
    for variant_id, variant in facts.election.variants.items():
        if variant.status.value != "other-basis":
            continue
        for fact in expected_facts(reading, index.facts(facts.election.id, variant_id), index):
            if not any(abs(fact.value - f.value) < 1e-9 for f in official):
                out.append(fact.model_copy(update={"note": fact.note or variant.label}))
    return out


def _word(claim: Claim, index: LedgerIndex, check) -> Finding:
    reading = claim.readings[0]
    if reading.unsure:
        return unverifiable(claim, reading.unsure)
    facts = facts_for(reading, index)
    if facts is None:
        return unverifiable(claim, "could not tell which election this is about")
    finding = check(claim, reading, facts, index)
    if finding.verdict is Verdict.CONTRADICTED and not reading.firm:
        return unverifiable(claim, f"{finding.rule}; but the sentence does not firmly say whom it means")
    return finding


def unverifiable(claim: Claim, reason: str) -> Finding:
    return Finding.model_construct(claim=claim, verdict=Verdict.UNVERIFIABLE, rule="not checked", reason=reason)


def _missing(reading: Reading, facts: Facts) -> str:
    if reading.kind in (Kind.VOTES, Kind.SHARE, Kind.RANK, Kind.TRANSFERS, Kind.SHARE_CHANGE) and not (
            reading.subject or reading.party):
        return "no candidate or party is named with this figure"
    where = f" in {reading.scope_text}" if reading.scope_text else ""
    return f"the ledger has no {reading.label}{' for ' + reading.subject_text if reading.subject_text else ''}" \
           f"{where} in {facts.election.name}"


def _who(t: Tried) -> str:
    r = t.reading
    if r.subject and t.facts is not None:
        return " v ".join(t.facts.name(p) for p in r.subject)
    return r.subject_text or "the whole election"


def _why(reading: Reading) -> str:
    return "read as " + reading.label + ": " + ", ".join(reading.cues)


def _rule(t: Tried, fact: Fact, outcome: Outcome) -> str:
    if id(fact) in t.other_basis:
        return f"{outcome.rule} ({fact.note})"
    facts = t.facts
    if facts is not None and facts.is_runoff and fact.round and t.reading.round.value != fact.round.value and \
            t.reading.kind in (Kind.VOTES, Kind.SHARE, Kind.MARGIN_VOTES, Kind.MARGIN_POINTS):
        return f"{outcome.rule} ({fact.round.value}-round figure)"
    return outcome.rule


def _finding(claim: Claim, verdict: Verdict, fact: Fact, rule: str, index: LedgerIndex, *, reason: str | None = None,
             alternative: AlternativeRef | None = None, suggest: bool = False) -> Finding:
    return Finding.model_construct(
        claim=claim, verdict=verdict, expected=fact.value, unit=fact.unit, rule=rule, derivation=fact.derivation(),
        sources=sources(index, fact.election, fact.sources), reason=reason, alternative=alternative,
        suggestion=_suggestion(claim, fact) if suggest else None,
    )


def _suggestion(claim: Claim, fact: Fact) -> str | None:
    if claim.kind is Kind.RANK:
        return format_ordinal(int(fact.value), words=bool(claim.mention and claim.mention.words))
    if claim.mention is None or fact.unit.value == "flag":
        return None
    return format_like(fact.value, claim.mention)


def _nearest(claim: Claim, facts: list[Fact]) -> Fact:
    stated = claim.value or 0.0
    return min(facts, key=lambda f: abs(f.value - stated))
