"""From the words that name someone to the ledger's candidates in one election (and contest)."""

from __future__ import annotations

from factcheck.extract.who import Anchor
from factcheck.kinds import Round
from factcheck.ledger.facts import Facts


def resolve(anchor: Anchor, facts: Facts, contest: str | None = None) -> tuple[tuple[str, ...], str | None]:
    """The candidates of this election the anchor names, or why that is unsure."""
    e = facts.election
    if anchor.role == "winner":
        winner = facts.winner(contest)
        return ((winner,), None) if winner else ((), "no winner in the ledger")
    if anchor.role in ("runner-up", "leader"):
        ordering = facts.order(Round.FINAL if anchor.role == "runner-up" else Round.FIRST, contest)
        index = 1 if anchor.role == "runner-up" else 0
        return ((ordering[index],), None) if len(ordering) > index else ((), f"no {anchor.role} in the ledger")
    if anchor.party:
        party = facts.registry.parties[anchor.party]
        if party.grouping:
            return (), f"{anchor.text!r} does not identify one candidate"
        people = [p for p in facts.persons_of_party(anchor.party) if contest is None or _stood(facts, p, contest)]
        if len(people) != 1:
            return (), f"no single {party.name} candidate in {e.name}"
        return (people[0],), None
    if anchor.unknown:
        return (), f"{anchor.text!r} is not a candidate in the ledger"
    if anchor.pronoun and not anchor.persons:
        return (), f"cannot tell who {anchor.text!r} refers to"
    candidates = set(facts.candidates())
    stood = tuple(p for p in anchor.persons if p in candidates)
    if len(stood) > 1 and contest is not None:
        stood = tuple(p for p in stood if _stood(facts, p, contest))
    if len(stood) == 1:
        return stood, None
    if not stood:
        names = " or ".join(facts.name(p) for p in anchor.persons)
        return (), f"{names} did not stand in {e.name}"
    return (), f"{anchor.text!r} could be " + " or ".join(facts.name(p) for p in stood)


def _stood(facts: Facts, person: str, contest: str) -> bool:
    return facts.votes(person, Round.FIRST, contest) is not None
