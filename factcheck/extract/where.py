"""Which contest or area a figure is about: a constituency named beside it, "the seat" for the one last named,
a heading over a table, a nation or region ("in Wales", "Scotland's 57 seats"), or the whole election ("across
London", "nationally"). A candidate who stood in only one contest carries it with them (decided when readings
meet the ledger). In an article about one contest, a total with no place named is most likely that contest's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from factcheck.extract.claims import Strength
from factcheck.extract.context import Sent
from factcheck.nlp.mentions import EntityKind, EntityMention

I = re.IGNORECASE

WHOLE_AREA = re.compile(r"\b(?:overall|nationally|nationwide|across\s+(?:the\s+)?(?:country|nation|capital|city|uk|"
                        r"britain|great\s+britain)|(?:uk|city|area|country)[\s-]wide|in\s+the\s+(?:country|uk)\s+as\s+a\s+"
                        r"whole|national\s+(?:vote|share|picture|result|level|turnout)|across\s+all\s+\d+\s+\w+)\b", I)
# "Across the country, ...": an opening that frames every clause of its sentence.
WHOLE_OPENING = re.compile(r"(?:(?:and|but|meanwhile),?\s+)?(?:(?:across|in)\s+(?:the\s+)?(?:country|nation|uk|britain|"
                           r"great\s+britain|united\s+kingdom)\b(?!\s+(?:general\s+)?election)|nationally|nationwide|"
                           r"overall)\b", I)
# "60% in England, as opposed to 56% in Wales": a place right after the figure is its own
IN_RIGHT_AFTER = re.compile(r"(?<!\s)\s+(?:in|across|for)\s+(?:the\s+)?", I)
THE_CONTEST = re.compile(r"\b(?:the\s+(?:constituency|seat|division)|there|locally|this\s+seat)\b", I)
BOROUGH_BEFORE = re.compile(r"\b(?:in|across|of|for)\s+(?:the\s+)?$", I)


@dataclass(frozen=True, slots=True)
class ScopeCue:
    scope: str | None  # contest or area id; None for the whole election
    text: str | None
    strength: Strength
    unsure: str | None = None
    whole: bool = False  # the text says the whole election ("nationally", "across London")
    area: bool = False  # the scope is a nation or region, not a contest
    fallback: bool = False  # the whole election, offered beside a contest or area the article is about


@dataclass(frozen=True, slots=True)
class Focus:
    """The one contest an article is about, when it is about one: where its unplaced totals belong."""

    contest: str
    name: str
    firm: bool  # named often and nearly alone, so a total with no place named is surely its


def scope_for(text: str, sent: Sent, clause: tuple[int, int], position: int, section: EntityMention | None,
              last_place: EntityMention | None, areas: bool = True) -> ScopeCue:
    """`areas`: whether the election's results add up over nations and regions (a general election's do)."""
    clause_text = text[clause[0]:clause[1]]
    opening = text[sent.start:sent.start + 60]
    places = [e for e in sent.entities if e.kind is EntityKind.CONSTITUENCY]
    in_clause = [e for e in places if clause[0] <= e.start < clause[1]]
    clause_areas = [e for e in sent.entities if areas and e.kind is EntityKind.AREA and clause[0] <= e.start < clause[1]]
    # "Across the UK ..., but turnout in Kensington was 67.9 per cent": a place in the figure's clause wins
    if not in_clause and not clause_areas and (
            WHOLE_AREA.search(clause_text) or WHOLE_OPENING.match(opening, len(opening) - len(opening.lstrip()))):
        return ScopeCue(None, None, Strength.FIRM, whole=True)
    end = next((n.end for n in sent.numbers if n.start == position), None)
    if end is not None:
        for e in sent.entities:
            if e.start > end and (e.kind is EntityKind.CONSTITUENCY or areas and e.kind is EntityKind.AREA) and \
                    IN_RIGHT_AFTER.fullmatch(text, end, e.start):
                return ScopeCue(e.ids[0], e.text, Strength.FIRM, area=e.kind is EntityKind.AREA)
    if last_place is not None and not any(e.start < position for e in in_clause) and \
            THE_CONTEST.search(text, clause[0], position):
        return ScopeCue(last_place.ids[0], last_place.text, Strength.LIKELY)  # "Turnout in the seat, 80.3 per cent"
    if in_clause:
        chosen = min(in_clause, key=lambda e: (e.start > position, abs(e.start - position)))
        return ScopeCue(chosen.ids[0], chosen.text, Strength.FIRM)
    named_areas = [e for e in sent.entities if e.kind is EntityKind.AREA] if areas else []
    in_clause_areas = [e for e in named_areas if clause[0] <= e.start < clause[1]]
    if in_clause_areas:
        chosen = min(in_clause_areas, key=lambda e: (e.start > position, abs(e.start - position)))
        return ScopeCue(chosen.ids[0], chosen.text, Strength.FIRM, area=True)
    if places:
        # one place named earlier in the sentence covers the clauses after it ("won Barnet and Camden, taking ...")
        chosen = min(places, key=lambda e: abs(e.start - position))
        only = len({e.ids[0] for e in places}) == 1 and chosen.start < position
        return ScopeCue(chosen.ids[0], chosen.text, Strength.FIRM if only else Strength.LIKELY)
    if named_areas and len({e.ids[0] for e in named_areas}) == 1 and named_areas[0].start < position:
        return ScopeCue(named_areas[0].ids[0], named_areas[0].text, Strength.FIRM, area=True)
    if last_place is not None and THE_CONTEST.search(clause_text):
        return ScopeCue(last_place.ids[0], last_place.text, Strength.LIKELY)
    boroughs = [e for e in sent.entities if e.kind is EntityKind.BOROUGH
                and BOROUGH_BEFORE.search(text, max(0, e.start - 12), e.start)]
    if boroughs:
        b = boroughs[0]
        return ScopeCue(None, b.text, Strength.FIRM, unsure=f"the figure is for {b.text}, and the ledger has no "
                                                             f"results for it")
    if section is not None:
        return ScopeCue(section.ids[0], section.text, Strength.FIRM)
    return ScopeCue(None, None, Strength.FIRM)  # no place named: the whole election (see readings._scopes)


def area_focus_of(entities: list[EntityMention]) -> tuple[str, str] | None:
    """The nation or region an article is about ("Wales" named again and again), as (id, name)."""
    weight: Counter[str] = Counter(e.ids[0] for e in entities if e.kind is EntityKind.AREA)
    if not weight:
        return None
    (best, top), total = weight.most_common(1)[0], sum(weight.values())
    if top < 2 or top < 0.75 * total:
        return None
    return best, next(e.text for e in entities if e.kind is EntityKind.AREA and e.ids[0] == best)


def focus_of(entities: list[EntityMention], contests: frozenset[str], person_contests: dict[str, str],
             names: dict[str, str], lede_end: int) -> Focus | None:
    """The contest an article is about: the one its constituency names and its candidates point to, if one stands
    out and the opening lines (before `lede_end`) name it or its candidates. `person_contests` maps the
    election's candidates named in the article to their one contest."""
    weight: Counter[str] = Counter()
    in_lede: set[str] = set()
    for e in entities:
        contest = e.ids[0] if e.kind is EntityKind.CONSTITUENCY and e.ids[0] in contests else \
            person_contests.get(e.ids[0]) if e.kind is EntityKind.PERSON and len(e.ids) == 1 else None
        if contest is None:
            continue
        weight[contest] += 1.0 if e.kind is EntityKind.CONSTITUENCY else 0.5
        if e.start < lede_end:
            in_lede.add(contest)
    if not weight:
        return None
    (best, top), total = weight.most_common(1)[0], sum(weight.values())
    if top < 1.5 or top < 0.6 * total or best not in in_lede:
        return None
    return Focus(best, names.get(best, best), firm=top >= 3 and top >= 0.75 * total)
