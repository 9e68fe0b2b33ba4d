"""Which contest or area a figure is about: a constituency named beside it, "the seat" for the one last named,
a heading over a table, a nation ("in Wales", "Scottish Labour"), or the whole election ("across London",
"nationally"). A candidate who stood in only one contest carries it with them (decided when readings meet
the ledger, in readings.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.claims import Strength
from factcheck.extract.context import Sent
from factcheck.extract.mentions import EntityKind, EntityMention

I = re.IGNORECASE

WHOLE_AREA = re.compile(r"\b(?:overall|nationally|nationwide|across\s+(?:the\s+)?(?:country|nation|capital|city|uk|"
                        r"britain|great\s+britain)|(?:uk|city|area|country)[\s-]wide|in\s+the\s+(?:country|uk)\s+as\s+a\s+"
                        r"whole|national\s+(?:vote|share|picture|result|level)|across\s+all\s+\d+\s+\w+)\b", I)
THE_CONTEST = re.compile(r"\b(?:the\s+(?:constituency|seat|division)|there|locally|this\s+seat)\b", I)
BOROUGH_BEFORE = re.compile(r"\b(?:in|across|of|for)\s+(?:the\s+)?$", I)


@dataclass(frozen=True, slots=True)
class ScopeCue:
    scope: str | None  # contest or area id; None for the whole election
    text: str | None
    strength: Strength
    unsure: str | None = None
    whole: bool = False  # the text says the whole election ("nationally", "across London")


def scope_for(text: str, sent: Sent, clause: tuple[int, int], position: int, section: EntityMention | None,
              last_place: EntityMention | None, areas: re.Pattern[str] | None, area_ids: dict[str, str]) -> ScopeCue:
    clause_text = text[clause[0]:clause[1]]
    if WHOLE_AREA.search(clause_text):
        return ScopeCue(None, None, Strength.FIRM, whole=True)
    places = [e for e in sent.entities if e.kind is EntityKind.CONSTITUENCY]
    in_clause = [e for e in places if clause[0] <= e.start < clause[1]]
    if in_clause:
        chosen = min(in_clause, key=lambda e: (e.start > position, abs(e.start - position)))
        return ScopeCue(chosen.ids[0], chosen.text, Strength.FIRM)
    if areas is not None:
        for m in areas.finditer(text, clause[0], clause[1]):
            return ScopeCue(area_ids[m.group(0).lower()], m.group(0), Strength.FIRM)
    if places:
        # one place named earlier in the sentence covers the clauses after it ("won Barnet and Camden, taking ...")
        chosen = min(places, key=lambda e: abs(e.start - position))
        only = len({e.ids[0] for e in places}) == 1 and chosen.start < position
        return ScopeCue(chosen.ids[0], chosen.text, Strength.FIRM if only else Strength.LIKELY)
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
    return ScopeCue(None, None, Strength.LIKELY)


def area_pattern(names: dict[str, str]) -> re.Pattern[str] | None:
    """A pattern for the areas (nations, regions) an election's results are grouped by, from the ledger:
    "in Wales", "Scottish" as in "Scottish Labour"."""
    if not names:
        return None
    words = sorted(names, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", I)
