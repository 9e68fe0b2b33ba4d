"""Which election a figure is about: the article's, unless the sentence dates it.

A year beside the figure ("57 per cent in 2016", "2016's 57 per cent", "(2016: 44%)", "in 2012 (four
points)"), a sentence that opens with one ("In 2008 ...", "Four years later ..."), or a relative time ("last
time", "four years earlier", "down from ...") moves a figure to another election of the same family. For a
change, a year is its baseline ("up five points on 2019"), not its election. A year that names no election
the ledger holds leaves the figure unverifiable: it is about an election the ledger does not have.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.extract.claims import Strength
from factcheck.extract.context import paragraph_break
from factcheck.kinds import Kind
from factcheck.ledger.index import LedgerIndex
from factcheck.numbers import NumberMention, NumUnit

I = re.IGNORECASE

PREVIOUS = re.compile(r"\b(?:last\s+time|at\s+the\s+last\s+(?:election|contest|poll)|(?:the|a|that)\s+previous\s+"
                      r"(?:election|contest|race|poll|vote)|(?:two|three|four|five|six|seven|eight|\d)\s+years\s+"
                      r"(?:ago|earlier|before)|in\s+the\s+last\s+(?:contest|election|race|poll)|previously|"
                      r"(?:his|her|their)\s+(?:previous|last)\s+(?:result|showing|tally|share|total)|"
                      r"the\s+(?:last|previous)\s+(?:general\s+)?election|when\s+(?:he|she|they)\s+(?:first\s+)?"
                      r"(?:won|stood|ran))\b", I)
PREVIOUS_AFTER = re.compile(r"\b(?:last\s+time|at\s+the\s+last\s+(?:election|contest)|in\s+the\s+(?:last|previous)\s+"
                            r"(?:election|contest|race)|(?:two|three|four|five|six|\d)\s+years\s+(?:ago|earlier|before))\b", I)
NOTIONAL = re.compile(r"\b(?:notional(?:ly)?|on\s+(?:the\s+)?(?:new|redrawn|revised|current|2024)\s+boundaries|"
                      r"(?:new|redrawn|revised)\s+boundaries)\b", I)
BASE_BEFORE_NOTIONAL = re.compile(r"\b(?:on|from|since|than|compared\s+(?:with|to)|against|over)\s+(?:the\s+|its\s+|their\s+)?"
                                  r"(?:[\w’'-]+\s+)?$", I)
THIS_TIME = re.compile(r"\b(?:this\s+time|this\s+year|on\s+this\s+occasion|now|this\s+election)\b", I)
YEARS_LATER = re.compile(r"\b(?P<n>two|three|four|five|six|eight|\d)\s+years\s+(?P<dir>later|on|after(?:wards)?|"
                         r"earlier|before)\b", I)
SINCE_BEFORE = re.compile(r"\b(?:since|before|until|postponed\s+from|delayed\s+from|first\s+elected\s+in|"
                          r"elected\s+in|(?:MP|member)\s+(?:for\s+\w+\s+)?since)\s*$", I)
BASE_BEFORE_YEAR = re.compile(r"\b(?:on|from|since|than|compared\s+(?:with|to)|against|over)\s+(?:[\w’'.-]+\s+){0,3}$", I)
# After these, a year dates something else: "… to extend a rule that began in 2016".
RELATIVE = re.compile(r"\b(?:that|which|who|whose|whom|when|since|began|begun|started|first|ever|to\s+(?!the\b|a\b)"
                      r"[a-z]+\s)", I)
SAME_ELECTION = re.compile(r"[“\x22'‘(]?(?:at|in|during)\s+(?:the\s+)?same\s+(?:election|contest|poll|vote|time|race)\b", I)
THAT_ELECTION = re.compile(r"\bthat\s+(?:election|contest|poll|vote|race|year|time)\b", I)
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|"
          r"autumn|winter)")
# "In 2008", "In May 2008", "In the autumn of 2017", "On 3 May 2012": a date that frames the sentence
OPENING = re.compile(r"[“\x22'‘(]?(?:(?:and|but|then|by|back)\s+)?(?:(?:in|at|for|by|during)\s+(?:the\s+)?"
                     r"(?:(?:early|late|mid-?)\s*)?(?:" + _MONTH + r"\s+(?:of\s+)?)?|on\s+(?:\w+day\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
                     + _MONTH + r"\s+)$", I)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
CHANGES = frozenset({Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE, Kind.SEAT_CHANGE})


@dataclass(frozen=True, slots=True)
class When:
    election: str | None
    basis: str | None
    strength: Strength
    unsure: str | None = None
    base: bool = False  # measured against the article election's base (changes, "down from ... in 2019")
    carried: bool = False  # undated, after a sentence about another election: that one is the other reading


class Timeline:
    """The dates a reader carries through an article: the article's election, and a sentence's own year."""

    def __init__(self, text: str, numbers: list[NumberMention], index: LedgerIndex, election: str | None,
                 basis: str | None, strength: Strength):
        self.text = text
        self.index = index
        self.election, self.basis, self.strength = election, basis, strength
        self.family = index.family(election) if election else None
        self.years = [n for n in numbers if n.unit is NumUnit.YEAR]  # in text order
        self._year_starts = [y.start for y in self.years]
        self.sentence_year: int | None = None
        self.last_year: int | None = None
        self.framed: int | None = None  # the other election the paragraph so far is about
        self.carried_year: int | None = None
        self.closed_at: int | None = None  # where the last sentence ended
        self.breaks = paragraph_break(text)

    # -- per sentence --------------------------------------------------------------------------------
    def open_sentence(self, start: int, end: int) -> None:
        """A year that frames a whole sentence: "In 2008 ...", "Four years later ..."."""
        text = self.text[start:end]
        offset = start + len(text) - len(text.lstrip())
        self.sentence_year, self.carried_year = None, None
        framed = self.framed
        if framed is not None and self.closed_at is not None and self.breaks in self.text[self.closed_at:offset]:
            self.framed = None  # past the paragraph's end a frame carries one sentence more, no further
        if framed is not None and not THIS_TIME.search(self.text, offset, min(end, offset + 60)):
            self.carried_year = framed  # dropped below if this sentence dates itself
        years = self._between(offset, end)
        if len(years) == 1 and len(self.text[offset:end].split()) <= 5 and self._held(int(years[0].value)):
            # "Start with 2021." "Now 2024.": a sentence that is little more than a year frames what follows
            self.sentence_year, self.carried_year = int(years[0].value), None
            return
        for y in self._between(offset, offset + 30):
            if OPENING.fullmatch(self.text, offset, y.start):
                self.sentence_year, self.carried_year = int(y.value), None
                return
        if (SAME_ELECTION.match(self.text, offset, min(end, offset + 40))
                or THAT_ELECTION.search(self.text, offset, end)) and self.last_year:
            self.sentence_year, self.carried_year = self.last_year, None
            return
        later = YEARS_LATER.search(self.text, offset, min(end, offset + 25))
        if later and self.last_year:
            n = later.group("n").lower()
            years = int(n) if n.isdigit() else _COUNT_WORDS[n]
            sign = -1 if later.group("dir").lower() in ("earlier", "before") else 1
            self.sentence_year, self.carried_year = self.last_year + sign * years, None

    def close_sentence(self, start: int, end: int) -> None:
        mentioned = [int(y.value) for y in self._between(start, end) if self._held(int(y.value))]
        if mentioned or self.sentence_year:
            self.last_year = mentioned[-1] if mentioned else self.sentence_year
        # "The results of that election ... 318 seats. The Lib Dems had 12.": the next sentence may go on about it
        # it goes on through the paragraph until a sentence dates itself otherwise
        self.closed_at = end
        if self.sentence_year is not None:
            held = self._election_in(self.sentence_year)
            self.framed = self.sentence_year if held not in (None, self.election) else None
        elif mentioned and self.carried_year is None:
            self.framed = None

    # -- per figure ----------------------------------------------------------------------------------
    def notional(self, when: When) -> When | None:
        """The base an earlier figure may be given on: the previous result re-estimated on new boundaries."""
        if not (when.base and self.election and when.election):
            return None
        base = self.index.base_id(self.election)
        if base is None or base == when.election:
            return None
        return When(base, f"{when.basis}, as re-estimated on the later boundaries", when.strength, base=True)

    def when(self, clause: tuple[int, int], start: int, end: int, kind: Kind, relation: str | None) -> When:
        year, baseline = self._year_for(clause, start, end)
        if self._notional(clause, start) and self.election and kind not in CHANGES:
            base = self.index.base_id(self.election)
            if base is not None:
                return When(base, "a result re-estimated on new boundaries", self.strength, base=True)
        if kind in CHANGES:
            if year is not None and baseline and self.election:
                if self.index.base_year(self.election) == year:
                    return When(self.election, self.basis, self.strength)
                return When(self.election, self.basis, self.strength,
                            unsure=f"the change is measured from {year}; the ledger derives change since "
                                   f"the previous election")
            if year is not None and not baseline:
                return self.dated(year, Strength.FIRM)
            return When(self.election, self.basis, self.strength)
        if year is not None and baseline and relation != "previous":
            return When(self.election, self.basis, self.strength)  # "more than in 2016": compared with that year
        if year is not None:
            return self.dated(year, Strength.FIRM, base=bool(relation == "previous"))
        if PREVIOUS.search(self.text, clause[0], start) or PREVIOUS.match(self.text, end, min(clause[1], end + 40)) \
                or PREVIOUS_AFTER.search(_phrase_after(self.text, end, min(clause[1], end + 60))):
            return self._previous(self.strength)
        if relation == "previous":
            return self._previous(Strength.LIKELY)
        if THIS_TIME.search(self.text, clause[0], start):
            return When(self.election, self.basis, self.strength)
        if self.sentence_year is not None:
            return self.dated(self.sentence_year, Strength.FIRM)
        if self.carried_year is not None:
            return When(self.election, self.basis, min(self.strength, Strength.LIKELY), carried=True)
        return When(self.election, self.basis, self.strength)

    def carried(self, when: When) -> When | None:
        """The other reading of an undated figure after a sentence about another election: that election."""
        if not when.carried or self.carried_year is None:
            return None
        other = self.dated(self.carried_year, Strength.LIKELY)
        return When(other.election, f"{self.carried_year}, which the sentence before is about", Strength.LIKELY,
                    other.unsure, other.base)

    def _notional(self, clause: tuple[int, int], start: int) -> bool:
        """Whether the clause gives its figures on the re-estimated base. "411 seats, a gain of 211 on the
        notional result" names that base only as what the figure is compared with."""
        for m in NOTIONAL.finditer(self.text, clause[0], clause[1]):
            if m.start() > start and BASE_BEFORE_NOTIONAL.search(self.text, max(clause[0], m.start() - 30), m.start()):
                continue
            return True
        return False

    def dated(self, year: int, strength: Strength, base: bool = False) -> When:
        eid = self._election_in(year)
        if eid is None:
            family = self.family or "election"
            return When(None, None, strength, unsure=f"about {year}: the ledger has no {family} election that year")
        if self.election and eid == self.election:
            return When(eid, self.basis, min(strength, self.strength))
        is_base = bool(self.election and self.index.previous(self.election) == eid)
        return When(eid, f"{year} named beside the figure", strength, base=is_base or base)

    def _previous(self, strength: Strength) -> When:
        if not self.election:
            return When(None, None, Strength.POSSIBLE, unsure="an earlier election, but the article's is unknown")
        previous = self.index.previous(self.election)
        if previous is None:
            return When(None, None, Strength.POSSIBLE, unsure="about an earlier election the ledger does not hold")
        return When(previous, f"the election before {self.election}", min(strength, self.strength), base=True)

    def _between(self, start: int, end: int) -> list[NumberMention]:
        """The years written in [start, end), found by bisection so a long article costs no more per figure."""
        return self.years[bisect.bisect_left(self._year_starts, start):bisect.bisect_left(self._year_starts, end)]

    def _held(self, year: int) -> bool:
        return self._election_in(year) is not None

    def _election_in(self, year: int) -> str | None:
        found = self.index.by_year.get(year, [])
        if self.family:
            found = [e for e in found if self.index.family(e) == self.family]
        return found[0] if len(found) == 1 else None

    def _year_for(self, clause: tuple[int, int], start: int, end: int) -> tuple[int | None, bool]:
        """The year written beside a figure, and whether it is a baseline ("up on 2016", "than in 2016").

        A year after the figure counts when nothing but words lies between; a year before it when it
        opens the clause, is possessive ("2016's 57 per cent") or heads a bracket holding the figure.
        """
        text = self.text
        for y in self._between(end, clause[1]):
            between = text[end:y.start]
            if (not re.search(r"\d", between) and len(between) <= 60 and not RELATIVE.search(between)
                    and not re.search(r"[,;)]|['’]s\s+$", between)
                    and not SINCE_BEFORE.search(text, max(0, y.start - 25), y.start)):
                return int(y.value), bool(BASE_BEFORE_YEAR.search(between))
            break
        if THIS_TIME.search(text, clause[0], start):
            return self.sentence_year, False
        bracket_open = text.rfind("(", clause[0], start)
        for y in reversed([y for y in self._between(clause[0], start) if y.end <= start]):
            between = text[y.end:start]
            if bracket_open >= 0 and y.end <= bracket_open and re.fullmatch(r"\s*\(\s*(?:[:=–-]\s*)?(?:[\w’'.-]+\s+){0,3}",
                                                                              between):
                return int(y.value), False  # "in 2012 (four points)"
            if re.search(r"\d", between) or SINCE_BEFORE.search(text, max(0, y.start - 25), y.start):
                continue
            if _inside_aside(text, clause[0], y.start, start):
                continue  # "Khan, first elected in 2016, won ...": the year belongs to the aside
            if re.search(r"\d\s*(?:%|per\s*cent|pc|votes?|points?|preferences?|seats?)?\s+(?:in|of)\s+$",
                         text[max(clause[0], y.start - 30):y.start], I):
                continue  # "from 44.2 per cent in 2016 to 40 per cent": the year belongs to the earlier figure
            return int(y.value), bool(BASE_BEFORE_YEAR.search(text, max(clause[0], y.start - 40), y.start))
        return None, False


def _phrase_after(text: str, start: int, end: int) -> str:
    """The words after a figure up to the next comma, stop or figure: what still describes it."""
    window = text[start:end]
    cut = next((i for i, c in enumerate(window) if c in ",;." or c.isdigit()), len(window))
    return window[:cut]


def _inside_aside(text: str, clause_start: int, year_start: int, number_start: int) -> bool:
    """Whether a year sits in a comma-delimited aside ("Khan, first elected in 2016, won ...") that closes
    before the figure; a bare time phrase (", in 2016,") dates the main clause instead."""
    opening = text.rfind(",", clause_start, year_start)
    closing = text.find(",", year_start, number_start)
    if opening < 0 or closing < 0 or re.match(r",\s+(?:and|but|while|then)\b", text[opening:opening + 8]):
        return False
    return not re.fullmatch(r",\s*(?:in|at|by)\s+(?:the\s+)?\d{4}(?:\s+(?:election|contest|race|poll))?\s*,",
                            text[opening:closing + 1])
