"""Who a figure is about: the names, parties, pronouns and roles a sentence offers as its subject."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract import cues
from factcheck.extract.mentions import EntityKind, EntityMention
from factcheck.kinds import Round
from factcheck.ledger.facts import Facts

# Between a party and the person it describes: "Labour's Sadiq Khan", "Tory candidate Shaun Bailey".
_PARTY_BEFORE_PERSON = re.compile(r"^(?:['’]s?)?\s*(?:[\w-]+\s+){0,3}$")
# Between a person and their party label: "Sian Berry (Green)", "Count Binface, Independent:".
_PARTY_AFTER_PERSON = re.compile(r"^\s*[(,:/]\s*$|^\s+of\s+the\s+$|^\s+for\s+the\s+$|^\s*\(\s*$")
_POSSESSIVE = re.compile(r"^(?:['’]s?|['’])\s*$")


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    text: str
    persons: tuple[str, ...] = ()
    party: str | None = None
    role: str | None = None  # "winner" or "runner-up"
    pronoun: bool = False
    fuzzy: bool = False

    def possessive_before(self, text: str, position: int) -> bool:
        return bool(_POSSESSIVE.match(text[self.end:position]))


def sentence_anchors(text: str, start: int, end: int, entities: list[EntityMention],
                     previous_persons: tuple[str, ...]) -> list[Anchor]:
    """Subjects a sentence offers, in order; party labels that only describe a named person are dropped."""
    people = [e for e in entities if e.kind is EntityKind.PERSON]
    anchors: list[Anchor] = []
    for e in entities:
        if e.kind is EntityKind.PERSON:
            anchors.append(Anchor(e.start, e.end, e.text, persons=e.ids, fuzzy=e.fuzzy))
        elif e.kind is EntityKind.PARTY and not _describes_a_person(text, e, people):
            anchors.append(Anchor(e.start, e.end, e.text, party=e.ids[0]))
    sentence = text[start:end]
    for pattern, role in ((cues.ROLE_WINNER, "winner"), (cues.ROLE_RUNNER_UP, "runner-up")):
        for m in pattern.finditer(sentence):
            anchors.append(Anchor(start + m.start(), start + m.end(), m.group(0), role=role))
    for m in cues.PRONOUN.finditer(sentence):
        p0 = start + m.start()
        before = [a for a in anchors if a.persons and a.end <= p0]
        referents = {a.persons for a in before} or ({previous_persons} if previous_persons else set())
        if len(referents) == 1:
            anchors.append(Anchor(p0, p0 + len(m.group(0)), m.group(0), persons=next(iter(referents)), pronoun=True))
        else:
            anchors.append(Anchor(p0, p0 + len(m.group(0)), m.group(0), pronoun=True))
    anchors.sort(key=lambda a: a.start)
    return anchors


def _describes_a_person(text: str, party: EntityMention, people: list[EntityMention]) -> bool:
    for person in people:
        if 0 <= person.start - party.end <= 40 and _PARTY_BEFORE_PERSON.match(text[party.end:person.start]):
            return True
        if 0 <= party.start - person.end <= 6 and _PARTY_AFTER_PERSON.match(text[person.end:party.start]):
            return True
    return False


def pick_anchor(text: str, anchors: list[Anchor], position: int, end: int, clause: tuple[int, int],
                sentence_start: int) -> Anchor | None:
    """The anchor a figure at [position, end) is most likely about."""
    usable = [a for a in anchors if a.persons or a.party or a.role or a.pronoun]
    for a in reversed(usable):
        if a.end <= position and a.possessive_before(text, position):
            return a
    before_in_clause = [a for a in usable if clause[0] <= a.start and a.end <= position]
    if before_in_clause:
        return before_in_clause[-1]
    after_in_clause = [a for a in usable if end <= a.start < clause[1] and a.start - end <= 60]
    if after_in_clause:
        return after_in_clause[0]
    before = [a for a in usable if sentence_start <= a.start and a.end <= position]
    return before[-1] if before else None


def resolve(anchor: Anchor, facts: Facts) -> tuple[tuple[str, ...], str | None]:
    """The candidates of this election the anchor names, or why that is unsure."""
    e = facts.election
    if anchor.role == "winner":
        winner = facts.winner()
        return ((winner,), None) if winner else ((), "no winner in the ledger")
    if anchor.role == "runner-up":
        ordering = facts.order(Round.FINAL)
        return ((ordering[1],), None) if len(ordering) > 1 else ((), "no runner-up in the ledger")
    if anchor.party:
        party = facts.registry.parties[anchor.party]
        if party.grouping:
            return (), f"{anchor.text!r} does not identify one candidate"
        people = facts.persons_of_party(anchor.party)
        if len(people) != 1:
            return (), f"no single {party.name} candidate in {e.name}"
        return (people[0],), None
    if anchor.pronoun and not anchor.persons:
        return (), f"cannot tell who {anchor.text!r} refers to"
    stood = tuple(p for p in anchor.persons if p in facts.candidates)
    if len(stood) == 1:
        return stood, None
    if not stood:
        names = " or ".join(facts.name(p) for p in anchor.persons)
        return (), f"{names} did not stand in {e.name}"
    return (), f"{anchor.text!r} could be " + " or ".join(facts.name(p) for p in stood)
