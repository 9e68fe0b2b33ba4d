"""From the words that name someone to the ledger's candidates in one election (and contest)."""

from __future__ import annotations

from rapidfuzz import fuzz

from factcheck.extract.who import Anchor
from factcheck.kinds import Round
from factcheck.ledger.facts import Facts

MISSPELT = 88  # rapidfuzz ratio for a full name misspelt by a letter or two


def resolve(anchor: Anchor, facts: Facts, contest: str | None = None,
            prefer: str | None = None) -> tuple[tuple[str, ...], str | None]:
    """The candidates of this election the anchor names, or why that is unsure.

    `prefer` is the contest the article is about: a surname several candidates share means the one standing there,
    and a name the ledger does not know may be a misspelling of one of its candidates."""
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
        people = [p for p in facts.persons_of_party(anchor.party, contest) if contest is None or _stood(facts, p, contest)]
        if len(people) != 1:
            return (), f"no single {party.name} candidate in {e.name}"
        return (people[0],), None
    if anchor.unknown:
        near = _misspelt(anchor.text, facts, prefer) if prefer else None
        if near is not None:
            return (near,), None
        return (), f"{anchor.text!r} is not a candidate in the ledger"
    if anchor.pronoun and not anchor.persons:
        return (), f"cannot tell who {anchor.text!r} refers to"
    candidates = facts.stood()
    stood = tuple(p for p in anchor.persons if p in candidates)
    if len(stood) > 1 and (contest or prefer) is not None:
        stood = tuple(p for p in stood if _stood(facts, p, contest or prefer))
    if len(stood) == 1:
        return stood, None
    if not stood:
        names = " or ".join(facts.name(p) for p in anchor.persons)
        return (), f"{names} did not stand in {e.name}"
    return (), f"{anchor.text!r} could be " + " or ".join(facts.name(p) for p in stood)


def _misspelt(name: str, facts: Facts, contest: str) -> str | None:
    """The one candidate in `contest` whose name is spelt almost like `name` ("Mehreem" for "Mehreen")."""
    close = [p for p in facts.candidates(contest) if fuzz.ratio(name.lower(), facts.name(p).lower()) >= MISSPELT]
    return close[0] if len(close) == 1 else None


def _stood(facts: Facts, person: str, contest: str) -> bool:
    return facts.votes(person, Round.FIRST, contest) is not None
