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
                  r"{area}-wide\s+(?:list|assembly)|list\s+(?:vote|seats?|members?)|AMs?\b|general\s+election|MPs?\b|"
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


def about_another_body(text: str, start: int, end: int, office: str | None) -> bool:
    if office is None:
        return bool(re.compile(rf"\b(?:{_ALWAYS_OTHER})", I).search(text, start, end))
    return bool(other_body_pattern(office).search(text, start, end))


_MAYORALTY = re.compile(r"\bmayor\s+of\s+(?P<a>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)|"
                        r"\b(?P<b>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)\s+(?:metro\s+)?mayor(?:al|alty)?\b", I)


def other_mayoralty(text: str, index) -> str | None:
    """"mentions the Mayor of Bristol" when the text is about a mayoralty the ledger does not hold."""
    areas = {office.split(" of ", 1)[1].lower() for office in index.offices() if " of " in office}
    for m in _MAYORALTY.finditer(text):
        place = (m.group("a") or m.group("b")).strip()
        words = place.lower().split()
        if words and words[-1] not in areas and " ".join(words) not in areas and words[0] not in (
                "the", "a", "labour", "tory", "conservative", "green", "new", "former", "deputy", "first"):
            return f"mentions the {place} mayoralty"
    return None
