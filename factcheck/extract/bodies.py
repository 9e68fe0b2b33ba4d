"""Figures about another body or another contest in the same article: an assembly, councils, a by-election, a
party leadership race, national results in a local story. They state no result of the election checked.

Which bodies count as "other" depends on what the election is for, read from the ledger's office name: a
mayoral article's seats and MPs are another body's, a general-election article's mayors and assemblies are.
"""

from __future__ import annotations

import re
from functools import lru_cache

I = re.IGNORECASE

_ALWAYS_OTHER = (r"police\s+and\s+crime\s+commissioner|PCC\b|by-?elections?|council\s+(?:seats?|elections?|"
                 r"candidates?|by-?elections?)|councillors?|local\s+elections|european\s+(?:parliament|elections?)|"
                 r"MEPs?\b|referendum|leadership\s+(?:election|contest|race|ballot|vote)|primary|primaries|"
                 r"deputy\s+leadership")
_MAYORAL_OTHER = (r"assembly\s+(?:members?|candidates?|seats?|elections?|votes?|results?|list|race|contest)|"
                  r"(?:at|in|on|to|for)\s+the\s+(?:{area}\s+)?assembly\b|seats?\b|"
                  r"{area}-wide\s+(?:list|assembly)|list\s+(?:vote|seats?|members?)|AMs?\b|general\s+election|MPs\b|"
                  r"parliamentary|house\s+of\s+commons|westminster\s+(?:seats?|election)|metro\s+mayors?|combined\s+authority|"
                  r"mayor\s+of\s+(?!{area}\b)(?-i:[A-Z])\w+|(?!{area}\b)(?-i:[A-Z])\w+\s+(?:mayoral\s+(?:election|race|contest)|"
                  r"metro\s+mayor)|"
                  r"nationally|national\s+(?:polls?|vote|share|swing)|across\s+(?:the\s+country|england|britain|the\s+uk)|"
                  r"outside\s+(?:the\s+capital|{area})|in\s+(?:scotland|wales)")
_PARLIAMENTARY_OTHER = (r"mayor(?:al|alty)?\b|mayors\b|city\s+hall|assembly\s+(?:members?|elections?|seats?|votes?)|"
                        r"holyrood|senedd|stormont|scottish\s+parliament|welsh\s+(?:parliament|assembly)|"
                        r"northern\s+ireland\s+assembly|MSPs?\b|AMs?\b|MLAs?\b")


@lru_cache(maxsize=16)
def other_body_pattern(office: str) -> re.Pattern[str]:
    """The cues that a sentence is about another body, for an election to `office` ("Mayor of London")."""
    lowered = office.lower()
    if "mayor" in lowered:
        area = office.split(" of ", 1)[1] if " of " in office else "the area"
        specific = _MAYORAL_OTHER.format(area=re.escape(area))
    else:
        specific = _PARLIAMENTARY_OTHER
    return re.compile(rf"\b(?:{_ALWAYS_OTHER}|{specific})", I)


def about_another_body(text: str, start: int, end: int, offices: tuple[str, ...]) -> bool:
    """Whether [start, end) speaks of another body than an election to any of `offices` (the article's office,
    or every office the ledger holds when the article's election is not known)."""
    return bool(offices) and all(other_body_pattern(office).search(text, start, end) for office in offices)


_MAYORALTY = re.compile(r"\bmayor\s+of\s+(?P<a>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)|"
                        r"\b(?P<b>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)\s+(?:metro\s+mayor(?:al|alty)?|"
                        r"mayoral\s+(?:election|race|contest|poll)|(?-i:mayor)(?!\s+of\b))\b", I)
# Capitalised words before "mayor" that name a role, not a place ("Lord Mayor", "Deputy Mayor", "Tory mayor").
_NOT_PLACES = frozenset({"lord", "deputy", "metro", "city", "elected", "interim", "acting", "directly", "tory", "lady"})


def other_mayoralty(text: str, index) -> str | None:
    """"mentions the Mayor of Bristol" when the text is about a mayoralty the ledger does not hold."""
    areas = {office.split(" of ", 1)[1].lower() for office in index.offices() if " of " in office}
    known = _party_words(index)
    for m in _MAYORALTY.finditer(text):
        place = (m.group("a") or m.group("b")).strip()
        words = place.lower().split()
        if not words or words[-1] in areas or " ".join(words) in areas or place.lower() in known or \
                words[0] in ("the", "a", "new", "former", "deputy", "first", "next", "current") or \
                words[-1] in _NOT_PLACES or (m.group(0).lower().endswith(" mayor") and len(words) < 2):
            # one capitalised word before a bare "mayor" is as often an adjective ("Muslim mayor") as a place
            continue
        return f"mentions the {place} mayoralty"
    return None


@lru_cache(maxsize=4)
def _party_words(index) -> frozenset[str]:
    """Whole party names and aliases ("lib dem"): "Lib Dem mayoral candidate" is no other mayoralty. Their single
    words are not enough: local parties' names hold place names ("Greater Manchester mayor" is another office)."""
    out = set()
    for party in index.registry.parties.values():
        for alias in (party.name, *party.aliases):
            out.add(alias.lower())
    for person in index.registry.people.values():
        out.update(alias.lower() for alias in (person.name, *person.aliases))
    return frozenset(out)
