"""Which ledger facts a claim should be compared with, in order of preference."""

from __future__ import annotations

from factcheck.extract.claims import Claim
from factcheck.kinds import Kind, Round
from factcheck.ledger.facts import Fact, Facts
from factcheck.ledger.index import LedgerIndex


def rounds_to_try(claim: Claim, facts: Facts) -> list[Round]:
    """The stated round alone when it was stated next to the figure; otherwise both, stated first."""
    if not facts.is_runoff or claim.scope:
        return [Round.FIRST]
    if claim.round is Round.UNSTATED:
        return [Round.FIRST, Round.FINAL]
    if claim.round_explicit:
        return [claim.round]
    other = Round.FINAL if claim.round is Round.FIRST else Round.FIRST
    return [claim.round, other]


def expected_facts(claim: Claim, facts: Facts, index: LedgerIndex) -> list[Fact]:
    """Facts the claim may be stating; empty when the ledger holds no such figure."""
    kind, scope = claim.kind, claim.scope
    person = claim.subject[0] if claim.subject else None
    out: list[Fact | None] = []
    if kind is Kind.VOTES and person:
        out = [facts.votes(person, r, scope) for r in rounds_to_try(claim, facts)]
    elif kind is Kind.TRANSFERS and person:
        out = [facts.transfers(person)]
    elif kind is Kind.SHARE and person:
        out = [facts.share(person, r, scope) for r in rounds_to_try(claim, facts)]
    elif kind in (Kind.MARGIN_VOTES, Kind.MARGIN_POINTS):
        pair = (claim.subject[0], claim.subject[1]) if len(claim.subject) == 2 else None
        method = facts.margin_votes if kind is Kind.MARGIN_VOTES else facts.margin_points
        out = [method(r, pair, scope) for r in rounds_to_try(claim, facts)]
    elif kind is Kind.SHARE_CHANGE and person:
        previous = index.previous(facts.election.id)
        if previous:
            before = index.facts(previous)
            out = [facts.share_change(person, r, before) for r in rounds_to_try(claim, facts)]
    elif kind is Kind.TURNOUT:
        out = [facts.turnout()]
    elif kind is Kind.TURNOUT_CHANGE:
        previous = index.previous(facts.election.id)
        out = [facts.turnout_change(index.facts(previous))] if previous else []
    elif kind is Kind.ELECTORATE:
        out = [facts.electorate()]
    elif kind is Kind.BALLOTS:
        out = [facts.ballots()]
    elif kind is Kind.REJECTED:
        out = [facts.rejected()]
    elif kind is Kind.VALID_VOTES:
        out = [facts.valid_votes(scope)]
    elif kind is Kind.RANK and person:
        out = [facts.rank(person, Round.FIRST, scope)]
    elif kind is Kind.CANDIDATES:
        out = [facts.candidate_count()]
    elif kind is Kind.DEPOSITS:
        if claim.subject:
            out = [facts.lost_deposit(claim.subject[0])]
        else:
            out = [facts.deposits(kept=claim.relation != "lost")]
    return [f for f in out if f is not None]


def other_basis_facts(claim: Claim, facts: Facts) -> list[Fact]:
    """Figures on another legitimate definition: turnout on valid votes, or valid votes as 'turnout'."""
    if claim.kind is Kind.TURNOUT:
        valid = facts.turnout_valid_basis()
        return [valid] if valid else []
    if claim.kind is Kind.BALLOTS:
        valid = facts.valid_votes()
        if valid is not None and facts.election.valid_first_preferences is not None:
            return [valid.model_copy(update={"note": "valid first-preference votes, which some outlets call turnout"})]
    return []
