"""Dates as newsrooms write them, and the date an article's opening lines give it.

`parse_date` reads one written date ("8 May 2021", "May 8, 2021", "Saturday 8th May 2021", "2021-05-08").
`dateline_date` finds the article's own date in its first lines: a labelled date ("Published: 8 May 2021",
"Updated on May 9, 2021"), a wire dateline ("LONDON, 8 May 2021 -", "LONDON (Reuters), May 8, 2021 -"),
or a line that starts with a date ("May 8, 2021 - ...", "Saturday 8 May 2021"). A date inside a sentence
("Khan, first elected on 5 May 2016, ...") never dates the article.

Month and day names are matched here, not by `strptime`, whose names follow the machine's locale.
All-numeric dates other than ISO ("08/05/2021") are day-month or month-day by country, so they are not read.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for name in names}
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
DATE = (rf"(?i:(?:{_WEEKDAY},?\s+)?(?:(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})"
        rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})"
        rf"|(?P<iso>{_YEAR}-\d\d-\d\d)))")
_DATE = re.compile(DATE)
_TIME = r"(?:\s*(?:,|at)?\s*\d{1,2}[:.]\d\d(?:\s*(?i:[ap]\.?m\.?))?(?:\s*[A-Z]{2,5})?)?"
_END = rf"{_TIME}\s*(?:[-–—|:(]|$)"  # a dateline's date is followed by a dash, a bar, a bracket or the line's end
_OPENING_LINES = 8
_OPENING_CHARS = 1200
_DATELINES = [
    # "Published: 8 May 2021", "Last updated on May 9, 2021 10:32 BST"
    re.compile(rf"^\W*(?i:(?:(?:first|last)\s+)?(?:published|posted|updated|dated?)\b(?:\s+on)?)\s*[:\-–—]?\s*"
               rf"(?P<date>{DATE})"),
    # "LONDON, 8 May 2021 -", "LONDON (Reuters), May 8, 2021 -": a place of at most four capitalised words
    re.compile(rf"^\W*(?:[A-Z][\w.'’&-]*\s+){{0,3}}[A-Z][\w.'’&-]*(?:\s*\([^)\n]{{1,30}}\))?\s*[,:]\s*"
               rf"(?P<date>{DATE}){_END}"),
    # "May 8, 2021 - Sadiq Khan ...", "Saturday 8 May 2021" on a line of its own
    re.compile(rf"^\W*(?P<date>{DATE}){_END}"),
]


def parse_date(text: str) -> dt.date | None:
    """A date written in any of the forms above, and nothing else; None for anything else or an impossible date."""
    m = _DATE.fullmatch(text.strip())
    return _to_date(m) if m else None


def dateline_date(text: str) -> dt.date | None:
    """The date the article's opening lines give it, or None."""
    lines = [line for line in text[:_OPENING_CHARS].splitlines() if line.strip()][:_OPENING_LINES]
    for line in lines:
        for pattern in _DATELINES:
            m = pattern.match(line.strip())
            if m and (found := parse_date(m.group("date"))):
                return found
    return None


def _to_date(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        day, month, year = (m.group("d1"), m.group("m1"), m.group("y1")) if m.group("d1") else \
            (m.group("d2"), m.group("m2"), m.group("y2"))
        return dt.date(int(year), MONTHS[month.lower().rstrip(".")], int(re.sub(r"\D", "", day)))
    except ValueError:
        return None
