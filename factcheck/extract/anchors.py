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
_PARTY_AFTER_PERSON = re.compile(r"^\s*[(,:/]\s*$|^\s*,?\s+(?:of|for|from)\s+(?:the\s+)?$|^\s*\(\s*$")
_FOR_AFTER = re.compile(r"^\s+(?:votes?\s+|first[\s-]preferences?\s+)?(?:for|going\s+to)\s+(?:the\s+)?"
                        r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord)\.?\s+)?$", re.IGNORECASE)
# "Zac Goldsmith's 73,722": a possessive name that owns the figure right after it
_OWNS_A_FIGURE = re.compile(r"['’]s?\s+[\d£$]")
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
    unknown: bool = False  # someone the ledger does not know ("Andy Burnham"); figures about them abstain

    def possessive_before(self, text: str, position: int) -> bool:
        return bool(_POSSESSIVE.match(text[self.end:position]))


def sentence_anchors(text: str, start: int, end: int, entities: list[EntityMention],
                     previous_persons: tuple[str, ...]) -> list[Anchor]:
    """Subjects a sentence offers, in order; party labels that only describe a named person are dropped."""
    people = [e for e in entities if e.kind is EntityKind.PERSON]
    anchors: list[Anchor] = []
    covered = [(e.start, e.end) for e in entities]
    for e in entities:
        if e.kind is EntityKind.PERSON:
            anchors.append(Anchor(e.start, e.end, e.text, persons=e.ids, fuzzy=e.fuzzy))
        elif e.kind is EntityKind.PARTY and not _describes_a_person(text, e, people):
            stranger = _UNKNOWN_AFTER_PARTY.match(text, e.end, end)
            if stranger and not _overlaps(covered, stranger.start("name"), stranger.end("name")):
                anchors.append(Anchor(e.start, stranger.end("name"), text[e.start:stranger.end("name")], unknown=True))
            else:
                anchors.append(Anchor(e.start, e.end, e.text, party=e.ids[0]))
    sentence = text[start:end]
    for m in _UNKNOWN_PERSON.finditer(sentence):
        group = next(g for g in ("t", "full", "single") if m.group(g))
        s0, s1 = start + m.start(group), start + m.end(group)
        name = m.group(group)
        if m.start() == 0 and group == "single":
            continue  # one capitalised word opening a sentence is not evidence of a name
        if group == "full" and _PLACE_BEFORE.search(sentence[:m.start()]):
            continue  # "born in Ladbroke Grove": a place, not a person
        if not _overlaps(covered, s0, s1) and not _NOT_NAMES.search(name):
            anchors.append(Anchor(s0, s1, name, unknown=True))
    for pattern, role in ((cues.ROLE_WINNER, "winner"), (cues.ROLE_RUNNER_UP, "runner-up")):
        for m in pattern.finditer(sentence):
            anchors.append(Anchor(start + m.start(), start + m.end(), m.group(0), role=role))
    for m in cues.PRONOUN.finditer(sentence):
        # A pronoun refers to the sentence's first-named person, else to the previous sentence's subject.
        p0 = start + m.start()
        named_before = [a for a in anchors if a.persons and not a.pronoun and a.end <= p0 and len(a.persons) == 1]
        referent = named_before[0].persons if named_before else previous_persons
        anchors.append(Anchor(p0, p0 + len(m.group(0)), m.group(0), persons=referent, pronoun=True))
    anchors.sort(key=lambda a: a.start)
    return anchors


# People the ledger does not know: "Mr Smith", "Andy Burnham", or a capitalised word that wins votes.
_UNKNOWN_PERSON = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s+(?P<t>[A-Z][\w’'-]+)"
    r"|(?<![\w’'])(?P<full>[A-Z][a-z]+(?:[\s-][A-Z][a-z’'-]+)+)"
    r"|(?<![\w’'])(?P<single>[A-Z][a-z’'-]{2,})(?=\s+(?:won|took|polled|got|received|secured|had|gained|came|finished|"
    r"was\s+(?:second|third|fourth|fifth)|on\s+\d|with\s+\d)))")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|across|around|outside|inside|within|towards?|of)\s+$", re.IGNORECASE)
_UNKNOWN_AFTER_PARTY = re.compile(r"(?:['’]s?)?\s*(?:[a-z-]+\s+){0,3}(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z’'-]+)+)")
_NOT_NAMES = re.compile(
    r"^(?:The|A|An|In|On|At|After|Before|But|And|Or|For|With|While|When|This|That|It|He|She|They|We|His|Her|"
    r"Their|London|Londoners|City|Hall|Mayor|Greater|Britain|British|England|English|UK|EU|Brexit|Covid|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Elects|Assembly|Government|Parliament|Westminster|Downing|"
    r"Street|First|Second|Third|Full|Count|Turnout|Labour|Conservative|Conservatives|Tory|Tories|Green|Greens|"
    r"Liberal|Democrat|Democrats|Party|Reform|Independent|Official|Results?|Election|Mayoral)\b")


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _describes_a_person(text: str, party: EntityMention, people: list[EntityMention]) -> bool:
    for person in people:
        if 0 <= person.start - party.end <= 40 and _PARTY_BEFORE_PERSON.match(text[party.end:person.start]):
            return True
        if 0 <= party.start - person.end <= 12 and _PARTY_AFTER_PERSON.match(text[person.end:party.start]):
            return True
    return False


def pick_anchor(text: str, anchors: list[Anchor], position: int, end: int, clause: tuple[int, int],
                sentence_start: int, groupings: frozenset[str] = frozenset()) -> Anchor | None:
    """The anchor a figure at [position, end) is most likely about.

    Labels shared by unrelated candidates ("an independent") are never a subject, so they are skipped.
    """
    usable = [a for a in anchors if (a.persons or a.party or a.role or a.pronoun or a.unknown)
              and a.party not in groupings]
    for a in reversed(usable):
        if a.end <= position and a.possessive_before(text, position):
            return a
    for a in usable:
        if a.start >= end and _FOR_AFTER.match(text[end:a.start]):
            return a  # "44.8% for Bailey", "1,028,966 votes for Mr Livingstone"
    before_in_clause = [a for a in usable if clause[0] <= a.start and a.end <= position]
    if before_in_clause:
        best = before_in_clause[-1]
        aside = _last_appositive(text, clause[0], position)
        if aside and aside[0] <= best.start and best.end <= aside[1]:
            outside = [a for a in before_in_clause if a.end <= aside[0]]
            if outside:
                return outside[-1]  # "Piers Corbyn, brother of Jeremy Corbyn, won ...": the subject precedes the aside
        return best
    after_in_clause = [a for a in usable if end <= a.start < clause[1] and a.start - end <= 60
                       and not _OWNS_A_FIGURE.match(text, a.end)]
    if after_in_clause:
        return after_in_clause[0]
    before = [a for a in usable if sentence_start <= a.start and a.end <= position]
    return before[-1] if before else None


# ", brother of the former leader Jeremy Corbyn," or ", the Tory candidate,": an aside that describes the subject
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|who|whose|brother|sister|son|daughter|wife|husband|[a-z][\w-]*)\b[^,;]{0,90},\s")


def _last_appositive(text: str, start: int, end: int) -> tuple[int, int] | None:
    found = None
    for m in _APPOSITIVE.finditer(text, start, end):
        found = (m.start(), m.end())
    return found


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
    if anchor.unknown:
        return (), f"{anchor.text!r} is not a candidate in the ledger"
    if anchor.pronoun and not anchor.persons:
        return (), f"cannot tell who {anchor.text!r} refers to"
    stood = tuple(p for p in anchor.persons if p in facts.candidates)
    if len(stood) == 1:
        return stood, None
    if not stood:
        names = " or ".join(facts.name(p) for p in anchor.persons)
        return (), f"{names} did not stand in {e.name}"
    return (), f"{anchor.text!r} could be " + " or ".join(facts.name(p) for p in stood)
