"""Claims in, findings out: a verdict for every claim, with the ledger figure and its evidence."""

from __future__ import annotations

from functools import lru_cache

from factcheck.extract.claims import Claim
from factcheck.kinds import Kind, Round, Unit
from factcheck.ledger.facts import Fact, Facts, percent_of
from factcheck.ledger.index import LedgerIndex
from factcheck.ledger.schema import VariantStatus
from factcheck.numbers import format_like, format_ordinal
from factcheck.verify.expect import expected_facts, other_basis_facts, rounds_to_try
from factcheck.verify.findings import AlternativeRef, Finding, SourceRef, Verdict
from factcheck.verify.rules import compare


def verify_claim(claim: Claim, index: LedgerIndex) -> Finding:
    if claim.kind is Kind.UNKNOWN:
        return _unverifiable(claim, claim.unsure or "the text does not say what this figure counts")
    if claim.unsure:
        return _unverifiable(claim, claim.unsure)
    if claim.election is None or claim.election not in index.elections:
        return _unverifiable(claim, "could not tell which election this is about")
    facts = index.facts(claim.election)
    if claim.kind is Kind.COMPARISON:
        return _comparison(claim, facts, index)
    if claim.kind is Kind.WINNER:
        return _winner(claim, facts, index)
    if claim.relation == "swing":
        return _unverifiable(claim, "swing between two parties is not derived by the ledger")
    if claim.value is None:
        return _unverifiable(claim, "no figure to check")
    expected = expected_facts(claim, facts, index)
    if not expected:
        return _unverifiable(claim, _missing(claim, facts))
    outcomes = [(fact, compare(claim, fact)) for fact in expected]
    for fact, outcome in outcomes:
        if outcome.passed:
            return _finding(claim, Verdict.SUPPORTED, fact, _with_round_note(claim, fact, outcome.rule, facts), index)
    alternative = _alternative(claim, facts, index)
    if alternative is not None:
        fact, alt_fact, alt = alternative
        if alt.status == VariantStatus.OTHER_BASIS.value:
            return _finding(claim, Verdict.SUPPORTED, alt_fact, f"matches {alt.label}", index,
                            reason=alt.note, alternative=alt)
        nearest = _nearest(claim, expected)
        return _finding(claim, Verdict.CONTRADICTED, nearest, f"matches {alt.label}, not the ledger's figure", index,
                        reason=f"{claim.text} matches {alt.label} ({alt.status}); the ledger has "
                               f"{nearest.derivation()}", alternative=alt, suggest=True)
    for fact in other_basis_facts(claim, facts):
        outcome = compare(claim, fact)
        if outcome.passed:
            return _finding(claim, Verdict.SUPPORTED, fact, f"{outcome.rule} ({fact.note})", index, reason=fact.note)
    for fact, outcome in outcomes + [(f, compare(claim, f)) for f in other_basis_facts(claim, facts)]:
        if outcome.imprecise:
            return _finding(claim, Verdict.IMPRECISE, fact, outcome.rule, index, suggest=True)
    nearest = _nearest(claim, expected)
    rule = dict((id(f), o) for f, o in outcomes)[id(nearest)].rule
    return _finding(claim, Verdict.CONTRADICTED, nearest, rule, index, suggest=True)


def verify_claims(claims: list[Claim] | tuple[Claim, ...], index: LedgerIndex) -> list[Finding]:
    return [verify_claim(c, index) for c in claims]


# -- helpers ---------------------------------------------------------------------------------------
def _unverifiable(claim: Claim, reason: str) -> Finding:
    return Finding.model_construct(claim=claim, verdict=Verdict.UNVERIFIABLE, rule="not checked", reason=reason)


def _missing(claim: Claim, facts: Facts) -> str:
    who = ", ".join(facts.name(p) for p in claim.subject) if claim.subject else ""
    where = f" in {facts.registry.constituencies[claim.scope].name}" if claim.scope else ""
    if claim.kind in (Kind.VOTES, Kind.SHARE, Kind.RANK, Kind.TRANSFERS, Kind.SHARE_CHANGE) and not claim.subject:
        return "no candidate or party is named with this figure"
    if claim.scope and claim.kind in (Kind.SHARE, Kind.RANK):
        return f"the ledger has only some candidates' votes{where} in {facts.election.name}, so no shares or ranks"
    return f"the ledger has no {claim.label}{' for ' + who if who else ''}{where} in {facts.election.name}"


@lru_cache(maxsize=4096)  # a run checks the same few sources thousands of times
def sources(index: LedgerIndex, election_id: str, ids: tuple[str, ...]) -> tuple[SourceRef, ...]:
    out = []
    for sid in ids:
        source = index.source(election_id, sid)
        if source is not None:
            out.append(SourceRef.model_construct(id=sid, title=source.title, url=source.url, publisher=source.publisher))
    return tuple(out)


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
    if claim.mention is None or fact.unit is Unit.FLAG:
        return None
    return format_like(fact.value, claim.mention)


def _nearest(claim: Claim, facts: list[Fact]) -> Fact:
    stated = claim.value or 0.0
    return min(facts, key=lambda f: abs(f.value - stated))


def _with_round_note(claim: Claim, fact: Fact, rule: str, facts: Facts) -> str:
    if (claim.round not in (Round.UNSTATED,) and fact.round and fact.round is not claim.round
            and len(rounds_to_try(claim, facts)) > 1):
        return f"{rule}; the {fact.round.value}-round figure (the round the sentence mentions is not next to the figure)"
    if claim.round is Round.UNSTATED and fact.round and facts.is_runoff and claim.kind in (
            Kind.VOTES, Kind.SHARE, Kind.MARGIN_VOTES, Kind.MARGIN_POINTS) and not claim.scope:
        return f"{rule} ({fact.round.value}-round figure)"
    return rule


def _alternative(claim: Claim, facts: Facts, index: LedgerIndex) -> tuple[Fact, Fact, AlternativeRef] | None:
    """The closest documented alternative (declared on the night, misprinted, other basis) the claim matches.

    An alternative counts only if it is at least as precise as the claim: "41.86%" does not match a
    printed "42%".
    """
    eid = facts.election.id
    official = expected_facts(claim, facts, index)
    written = ((claim.hi or 0) - (claim.lo or 0)) / 2
    matches: list[tuple[float, Fact, str]] = []
    for variant_id in facts.election.variants:
        for alt_fact in expected_facts(claim, index.facts(eid, variant_id), index):
            if not any(abs(alt_fact.value - f.value) < 1e-9 for f in official):
                matches.append((alt_fact.precision, alt_fact, variant_id))
    if claim.kind is Kind.TURNOUT:
        matches += [(f.precision, f, v) for f, v in facts.turnout_alternatives()]
    if claim.kind is Kind.TURNOUT_CHANGE:
        # a difference of two printed figures is never as precise as either; judge it by the rounding alone
        matches += [(0.0, f, v) for _, f, v in turnout_change_alternatives(facts, index)]
    passing = [(abs(f.value - (claim.value or 0)), f, v) for precision, f, v in matches
               if precision <= written + 1e-9 and compare(claim, f).passed]
    if passing:
        _, alt_fact, variant_id = min(passing, key=lambda m: m[0])
        election = index.elections[alt_fact.election]
        variant = election.variants[variant_id]
        ref = AlternativeRef.model_construct(
            variant=variant_id, label=variant.label, status=variant.status.value, value=alt_fact.value,
            sources=sources(index, alt_fact.election, variant.sources), note=variant.note)
        return (official[0] if official else alt_fact), alt_fact, ref
    if claim.kind is Kind.SHARE and claim.subject:
        return _printed_share(claim, facts, index)
    return None


def turnout_change_alternatives(facts: Facts, index: LedgerIndex) -> list[tuple[float, Fact, str]]:
    """Turnout changes computed from a documented alternative turnout in either election."""
    previous = index.previous(facts.election.id)
    if previous is None:
        return []
    before = index.facts(previous)
    now_official, before_official = facts.turnout(), before.turnout()
    now_options = facts.turnout_alternatives() + ([(now_official, None)] if now_official else [])
    before_options = before.turnout_alternatives() + ([(before_official, None)] if before_official else [])
    out = []
    for now, now_variant in now_options:
        for then, then_variant in before_options:
            choices = [(v, owner) for v, owner in ((now_variant, facts), (then_variant, before)) if v]
            if not choices:
                continue
            # a figure on another definition says less about the article than one that was superseded or misprinted
            variant, owner = next(((v, o) for v, o in choices
                                   if o.election.variants[v].status is not VariantStatus.OTHER_BASIS), choices[0])
            fact = facts.turnout_change(before, now, then)
            assert fact is not None
            # the variant's label and sources are filed under the election it belongs to
            out.append((fact.precision, fact.model_copy(update={"election": owner.election.id}), variant))
    return out


def _printed_share(claim: Claim, facts: Facts, index: LedgerIndex) -> tuple[Fact, Fact, AlternativeRef] | None:
    """A share some source printed that the ledger documents as not matching the votes."""
    person = claim.subject[0]
    printed_list = []
    if claim.scope:
        for block in facts.election.constituencies:
            if block.constituency == claim.scope and person in block.shares_printed:
                printed_list.append(block.shares_printed[person])
    else:
        for cand in facts.election.candidates:
            if cand.person == person:
                printed_list += [p for p in (cand.first_round_share_printed, cand.final_share_printed) if p]
    for printed in printed_list:
        if not printed.discrepancy:
            continue
        value, precision = percent_of(printed.value)
        fact = Fact.model_construct(election=facts.election.id, kind=Kind.SHARE, subject=(person,), scope=claim.scope, value=value,
                                    unit=Unit.PERCENT, precision=precision, formula=f"{printed.value}% as printed",
                                    sources=printed.sources)
        if compare(claim, fact).passed:
            refs = sources(index, facts.election.id, printed.sources)
            label = "the share printed by " + ", ".join(r.publisher for r in refs)
            ref = AlternativeRef.model_construct(variant="printed-share", label=label, status="misprint", value=value,
                                                 sources=refs, note=printed.discrepancy)
            official = facts.share(person, Round.FIRST, claim.scope)
            return (official or fact), fact, ref
    return None


def _comparison(claim: Claim, facts: Facts, index: LedgerIndex) -> Finding:
    if len(claim.subject) != 2:
        return _unverifiable(claim, "the comparison does not name two candidates of this election")
    a, b = claim.subject
    both_final = facts.is_runoff and not claim.scope and {a, b} <= set(facts.finalists())
    round_ = Round.FINAL if both_final and claim.relation in ("beat", "fewer") else Round.FIRST
    va, vb = facts.votes(a, round_, claim.scope), facts.votes(b, round_, claim.scope)
    if va is None or vb is None:
        return _unverifiable(claim, f"the ledger cannot compare {facts.name(a)} and {facts.name(b)} here")
    ahead = va.value > vb.value if claim.relation in ("more", "beat") else va.value < vb.value
    fact = facts.margin_votes(round_, (a, b), claim.scope)
    assert fact is not None
    verb = "more" if claim.relation in ("more", "beat") else "fewer"
    rule = (f"{facts.surname(a)} {va.value:,.0f} v {facts.surname(b)} {vb.value:,.0f} "
            f"({va.round.value if va.round else 'first'} round): {facts.surname(a)} {'did' if ahead else 'did not'} "
            f"win {verb} votes")
    verdict = Verdict.SUPPORTED if ahead else Verdict.CONTRADICTED
    both = va.sources + tuple(s for s in vb.sources if s not in va.sources)
    return Finding.model_construct(
        claim=claim, verdict=verdict, expected=1.0 if ahead else 0.0, unit=Unit.FLAG, rule=rule,
        derivation=f"{va.derivation()}; {vb.derivation()}", sources=sources(index, facts.election.id, both))


def _winner(claim: Claim, facts: Facts, index: LedgerIndex) -> Finding:
    if not claim.subject:
        return _unverifiable(claim, claim.unsure or "no candidate named")
    person = claim.subject[0]
    winner = facts.winner(claim.scope)
    if winner is None:
        return _unverifiable(claim, "the ledger has no winner here")
    ok = winner == person
    rule = f"{facts.name(winner)} won {facts.election.name}"
    if ok and claim.relation and claim.relation.startswith("term:"):
        term = int(claim.relation.split(":")[1])
        won = index.term_won(person, term)
        ok = won == facts.election.id
        rule += f"; it was {facts.name(person)}'s {format_ordinal(term, words=True)} term" if ok else (
            f"; but it was not {facts.name(person)}'s {format_ordinal(term, words=True)} term")
    margin = facts.margin_votes(Round.FINAL if facts.is_runoff and not claim.scope else Round.FIRST, scope=claim.scope)
    return Finding.model_construct(claim=claim, verdict=Verdict.SUPPORTED if ok else Verdict.CONTRADICTED, expected=1.0 if ok else 0.0,
                                   unit=Unit.FLAG, rule=rule, derivation=margin.derivation() if margin else None,
                                   sources=sources(index, facts.election.id, margin.sources if margin else ()))

