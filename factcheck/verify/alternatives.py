"""Figures other than the ledger's own that a wrong-looking figure may be: a documented alternative (declared
on the night, misprinted, another basis), or another candidate's or another round's figure."""

from __future__ import annotations

from functools import lru_cache

from factcheck.extract.claims import Claim, Reading
from factcheck.kinds import Kind, Round, Unit, describe
from factcheck.ledger.facts import Fact, Facts, percent_of
from factcheck.ledger.index import LedgerIndex
from factcheck.ledger.model import VariantStatus
from factcheck.verify.expect import expected_facts
from factcheck.verify.findings import AlternativeRef, SourceRef
from factcheck.verify.rules import compare


def documented_alternative(claim: Claim, reading: Reading, facts: Facts,
                           index: LedgerIndex) -> tuple[Fact, Fact, AlternativeRef] | None:
    """The closest documented alternative the claim matches, if any.

    An alternative counts only if it is at least as precise as the claim: "41.86%" does not match a printed "42%".
    """
    eid = facts.election.id
    official = expected_facts(reading, facts, index)
    written = ((claim.hi or 0) - (claim.lo or 0)) / 2
    matches: list[tuple[float, Fact, str]] = []
    for variant_id in facts.election.variants:
        for alt_fact in expected_facts(reading, index.facts(eid, variant_id), index):
            if not any(abs(alt_fact.value - f.value) < 1e-9 for f in official):
                matches.append((alt_fact.precision, alt_fact, variant_id))
    if reading.kind is Kind.TURNOUT and not reading.scope:
        matches += [(f.precision, f, v) for f, v in facts.turnout_alternatives()]
    if reading.kind is Kind.TURNOUT_CHANGE:
        # a difference of two printed figures is never as precise as either; judge it by the rounding alone
        matches += [(0.0, f, v) for _, f, v in turnout_change_alternatives(facts, index)]
    passing = [(abs(f.value - (claim.value or 0)), f, v) for precision, f, v in matches
               if precision <= written + 1e-9 and compare(claim, f).passed]
    if passing:
        _, alt_fact, variant_id = min(passing, key=lambda m: m[0])
        variant = index.elections[alt_fact.election].variants[variant_id]
        ref = AlternativeRef.model_construct(
            variant=variant_id, label=variant.label, status=variant.status.value, value=alt_fact.value,
            sources=sources(index, alt_fact.election, variant.sources), note=variant.note)
        return (official[0] if official else alt_fact), alt_fact, ref
    if reading.kind is Kind.SHARE and reading.subject:
        return _printed_share(claim, reading, facts, index) or _ballot_share(claim, reading, facts, index)
    return None


def _ballot_share(claim: Claim, reading: Reading, facts: Facts,
                  index: LedgerIndex) -> tuple[Fact, Fact, AlternativeRef] | None:
    """A share worked out over every ballot paper, rejected ones included, where the official share is of valid
    votes: a wrong base, and said so. Only a figure printed to two decimals is taken to be one (with one, a
    truncated official share is as likely)."""
    if claim.mention is None or claim.mention.decimals < 2 or reading.scope:
        return None
    person = reading.subject[0]
    votes, ballots = facts.votes(person, Round.FIRST), facts.ballots()
    official = facts.share(person, Round.FIRST)
    if votes is None or ballots is None or official is None or not ballots.value:
        return None
    value = 100.0 * votes.value / ballots.value
    fact = official.model_copy(update={
        "value": value, "formula": f"{votes.value:,.0f} / {ballots.value:,.0f} (first-round votes / all ballot papers)",
        "sources": votes.sources + tuple(x for x in ballots.sources if x not in votes.sources)})
    if not compare(claim, fact).passed:
        return None
    ref = AlternativeRef.model_construct(
        variant="ballot-share", label="a share of all ballot papers, rejected ones included", status="wrong base",
        value=value, sources=sources(index, facts.election.id, fact.sources),
        note="the official share is of valid votes")
    return official, fact, ref


def variant_ref(fact: Fact, index: LedgerIndex) -> AlternativeRef | None:
    """The documented variant a fact comes from, for the finding's note and sources."""
    if not fact.variant:
        return None
    election = index.known(fact.election) and index.facts(fact.election).election
    variant = election.variants.get(fact.variant) if election else None
    if variant is None:
        return None
    return AlternativeRef.model_construct(
        variant=fact.variant, label=variant.label, status=variant.status.value, value=fact.value,
        sources=sources(index, fact.election, variant.sources), note=variant.note)


def turnout_change_alternatives(facts: Facts, index: LedgerIndex) -> list[tuple[float, Fact, str]]:
    """Turnout changes computed from a documented alternative turnout in either election."""
    previous = index.counted_previous(facts.election.id)
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


def _printed_share(claim: Claim, reading: Reading, facts: Facts,
                   index: LedgerIndex) -> tuple[Fact, Fact, AlternativeRef] | None:
    """A share some source printed that the ledger documents as not matching the votes."""
    person = reading.subject[0]
    for printed in facts.printed_shares(person, reading.scope):
        if not printed.discrepancy:
            continue
        value, precision = percent_of(printed.value)
        fact = Fact.model_construct(election=facts.election.id, kind=Kind.SHARE, subject=(person,), scope=reading.scope,
                                    value=value, unit=Unit.PERCENT, precision=precision,
                                    formula=f"{printed.value}% as printed", sources=printed.sources)
        if compare(claim, fact).passed:
            refs = sources(index, facts.election.id, printed.sources)
            label = "the share printed by " + ", ".join(r.publisher for r in refs)
            ref = AlternativeRef.model_construct(variant="printed-share", label=label, status="misprint", value=value,
                                                 sources=refs, note=printed.discrepancy)
            official = facts.share(person, Round.FIRST, reading.scope)
            return (official or fact), fact, ref
    return None


def same_figure_elsewhere(claim: Claim, facts: Facts, expected: Fact, index: LedgerIndex) -> str | None:
    """"Bailey's final-round votes" when a wrong figure is exactly another figure of the same election."""
    if claim.mention is None or claim.qualifier is not None:
        return None
    for fact in index.standard_facts(facts.election.id):
        if fact.unit is not expected.unit or fact is expected or abs(fact.value - expected.value) < 1e-9:
            continue
        if compare(claim, fact).passed and fact.subject:
            who = " v ".join(facts.name(p) for p in fact.subject)
            return f"{who}'s {describe(fact.kind, fact.round)}"
    return None


@lru_cache(maxsize=4096)  # a run cites the same few sources thousands of times
def sources(index: LedgerIndex, election_id: str, ids: tuple[str, ...]) -> tuple[SourceRef, ...]:
    out = []
    for sid in ids:
        source = index.source(election_id, sid)
        if source is not None:
            # the primary publication's title and address, with any copy it was read from as "read via"
            out.append(SourceRef.model_construct(id=sid, title=source.label(), url=source.link(),
                                                 publisher=source.publisher))
    return tuple(out)
