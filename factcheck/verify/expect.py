"""Which ledger facts a reading could be stating, in order of preference."""

from __future__ import annotations

from factcheck.extract.claims import Reading
from factcheck.kinds import Kind, Round
from factcheck.ledger.facts import Fact, Facts
from factcheck.ledger.index import LedgerIndex


def rounds_to_try(reading: Reading, facts: Facts) -> list[Round]:
    """The stated round alone when it was stated next to the figure; otherwise both, stated first."""
    if not facts.is_runoff or (reading.scope and not _is_area(facts, reading.scope)):
        return [Round.FIRST]
    if reading.round is Round.UNSTATED:
        return [Round.FIRST, Round.FINAL]
    if reading.round_explicit:
        return [reading.round]
    other = Round.FINAL if reading.round is Round.FIRST else Round.FIRST
    return [reading.round, other]


def facts_for(reading: Reading, index: LedgerIndex) -> Facts | None:
    if reading.election is None or not index.known(reading.election):
        return None
    return index.facts(reading.election)


def expected_facts(reading: Reading, facts: Facts, index: LedgerIndex) -> list[Fact]:
    """Facts the reading may be stating; empty when the ledger holds no such figure."""
    kind, scope = reading.kind, reading.scope
    contest = None if _is_area(facts, scope) else scope
    area = scope if _is_area(facts, scope) else None
    person = reading.subject[0] if reading.subject else None
    party = reading.party if not reading.subject else None
    rounds = rounds_to_try(reading, facts)
    out: list[Fact | None] = []
    if party is not None:
        out = _party_facts(reading, facts, index, party, area)
    elif kind is Kind.VOTES and person:
        out = [facts.votes(person, r, contest) for r in rounds]
    elif kind is Kind.TRANSFERS and person:
        out = [facts.transfers(person)]
    elif kind is Kind.SHARE and person:
        out = [facts.share(person, r, contest) for r in rounds]
    elif kind in (Kind.MARGIN_VOTES, Kind.MARGIN_POINTS):
        pair = (reading.subject[0], reading.subject[1]) if len(reading.subject) == 2 else None
        method = facts.margin_votes if kind is Kind.MARGIN_VOTES else facts.margin_points
        out = [method(r, pair, contest) for r in rounds]
    elif kind is Kind.SHARE_CHANGE and person:
        base = _base(reading, facts, index)
        if base is not None:
            out = [facts.share_change(person, r, base, contest) for r in rounds]
    elif kind is Kind.TURNOUT:
        out = [facts.area_turnout(area)] if area else [facts.turnout()] if contest is None else [
            _contest(facts, "turnout", contest)]
    elif kind is Kind.TURNOUT_CHANGE:
        previous = index.counted_previous(facts.election.id)  # turnout is compared with the last actual election
        out = [facts.turnout_change(index.facts(previous))] if previous and contest is None else []
    elif kind is Kind.ELECTORATE:
        out = [facts.electorate()] if contest is None else [_contest(facts, "electorate", contest)]
    elif kind is Kind.BALLOTS:
        out = [facts.ballots()] if contest is None else [_contest(facts, "ballots", contest)]
    elif kind is Kind.REJECTED:
        out = [facts.rejected()] if contest is None else [_contest(facts, "rejected", contest)]
    elif kind is Kind.VALID_VOTES:
        out = [facts.valid_votes(contest)]
    elif kind is Kind.RANK and person:
        out = [facts.rank(person, Round.FIRST, contest)]
    elif kind is Kind.CANDIDATES:
        out = [facts.candidate_count()] if contest is None else [_contest(facts, "candidate_count", contest)]
    elif kind is Kind.DEPOSITS:
        if reading.subject:
            out = [facts.lost_deposit(reading.subject[0])]
        else:
            out = [facts.deposits(kept=reading.relation != "lost", contest=contest)]
    return [f for f in out if f is not None]


def other_basis_facts(reading: Reading, facts: Facts) -> list[Fact]:
    """Figures on another legitimate definition: turnout on valid votes, or valid votes as 'turnout'."""
    if reading.kind is Kind.TURNOUT and _is_area(facts, reading.scope):
        other_area = facts.area_turnout(reading.scope, with_invalid=True)
        return [other_area] if other_area else []
    if reading.kind is Kind.TURNOUT:
        contest = reading.scope
        # another published definition (a general election's turnout counting invalid votes too, as the press does)
        other = [f for f, variant in facts.turnout_alternatives(contest)
                 if facts.election.variants[variant].status.value == "other-basis"]
        valid = facts.turnout_valid_basis() if not reading.scope else None
        return other + ([valid] if valid else [])
    if reading.kind is Kind.BALLOTS and not reading.scope:
        valid = facts.valid_votes()
        if valid is not None and facts.valid_votes_published():
            return [valid.model_copy(update={"note": "valid first-preference votes, which some outlets call turnout"})]
    return []


def _base(reading: Reading, facts: Facts, index: LedgerIndex) -> Facts | None:
    """What changes are measured against: for 2024, the notional 2019 result on the new boundaries."""
    return index.base(facts.election.id)


def _is_area(facts: Facts, scope: str | None) -> bool:
    """Whether a scope names an area (a nation) rather than a contest."""
    return scope is not None and scope in getattr(facts, "areas", lambda: {})()


def _contest(facts: Facts, what: str, contest: str) -> Fact | None:
    method = getattr(facts, what, None)
    try:
        return method(contest) if method else None
    except TypeError:
        return None


def _party_facts(reading: Reading, facts: Facts, index: LedgerIndex, party: str, area: str | None) -> list[Fact | None]:
    kind = reading.kind
    if not hasattr(facts, "party_seats"):
        return []
    base = _base(reading, facts, index)
    if kind is Kind.SEATS:
        return [facts.party_seats(party, area)]
    if kind is Kind.SEAT_CHANGE and base is not None:
        return [facts.party_seat_change(party, base, area)]
    if kind is Kind.MAJORITY_SEATS:
        return [facts.commons_majority(party)]
    if kind is Kind.VOTES:
        return [facts.party_votes(party, area)]
    if kind is Kind.SHARE:
        return [facts.party_share(party, area)]
    if kind is Kind.SHARE_CHANGE and base is not None:
        return [facts.party_share_change(party, base, area)]
    if kind is Kind.RANK:
        return [facts.party_rank(party, "seats", area), facts.party_rank(party, "votes", area)]
    if kind is Kind.PLACE_COUNT and reading.relation and reading.relation.startswith("place:"):
        return [facts.place_count(party, int(reading.relation.split(":")[1]), area)]
    return []
