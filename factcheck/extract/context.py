"""The article as claim building sees it: sentences holding their figures and names, split into clauses.

Built once per article, independent of which election the article turns out to be about.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.nlp.mentions import EntityKind, EntityMention, Mentions, Sentence
from factcheck.numbers import NumberMention

MAX_SENTENCE = 1_000  # longer "sentences" are run-on text (a pasted feed, a table on one line)

# Where one claim's context ends inside a sentence: "Khan won, taking 40 per cent" is one subject, but
# "; Bailey took 35" or ", while Bailey ..." starts another.
PARTICIPLES = (r"taking|winning|securing|polling|gaining|finishing|picking\s+up|getting|receiving|claiming|collecting|"
               r"scoring|bagging|grabbing|ending\s+(?:up\s+)?(?:on|with)|coming|placing|leaving|giving")
CLAUSE_BREAK = re.compile(
    r";|\s[–—-]\s|\s\((?=(?-i:[a-z]))|, (?:(?:and|but|just|only|well|far|still|now|then|so|yet) )?(?=(?:after|while|whereas|"
    r"but|although|though|compared|against|followed|"
    r"ahead|behind|down|up|a\s+(?:\w+\s+)?majority|a\s+margin|beating|meaning|making|well|far|just|only|with|"
    + PARTICIPLES + r")\b)|,\s+and\s+(?=(?:the\s+)?[A-Z])|\swhile\s|\swhereas\s",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Sent:
    start: int
    end: int
    index: int
    numbers: list[NumberMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): from the last break before it to the first after it."""
        lo, hi = self.start, self.end
        for b in self.breaks:
            if b <= start:
                lo = b
            elif b >= end:
                hi = b
                break
        return lo, hi

    def people(self) -> list[EntityMention]:
        return [e for e in self.entities if e.kind is EntityKind.PERSON]


@dataclass(slots=True)
class ArticleText:
    text: str
    sentences: list[Sent]
    lines: list[int]  # offsets where lines start

    def entity_at(self, start: int, end: int) -> EntityMention | None:
        """The first entity starting in [start, end), from whichever sentence holds it."""
        i = bisect.bisect_right(self.sentences, start, key=lambda s: s.start) - 1
        for s in self.sentences[max(0, i):i + 2]:
            for e in s.entities:
                if start <= e.start < end:
                    return e
        return None

    def line_of(self, position: int) -> tuple[int, int]:
        """[start, end) of the line holding `position`."""
        i = bisect.bisect_right(self.lines, position) - 1
        start = self.lines[i]
        end = self.text.find("\n", start)
        return start, (end if end >= 0 else len(self.text))


def paragraph_break(text: str) -> str:
    """What ends a paragraph: a blank line, or in copy that never leaves one (web text), a line end."""
    return "\n\n" if "\n\n" in text else "\n"


def build(text: str, mentions: Mentions) -> ArticleText:
    sentences = [Sent(s.start, s.end, i) for i, s in enumerate(_bounded(text, mentions.sentences))]
    starts = [s.start for s in sentences]
    for number in mentions.numbers:
        i = bisect.bisect_right(starts, number.start) - 1
        if i >= 0:
            sentences[i].numbers.append(number)
    for entity in mentions.entities:
        i = bisect.bisect_right(starts, entity.start) - 1
        if i >= 0:
            sentences[i].entities.append(entity)
    for s in sentences:
        if s.numbers or s.entities:
            s.breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, s.start, s.end)]
    lines = [0] + [m.end() for m in re.finditer("\n", text)]
    return ArticleText(text=text, sentences=sentences, lines=lines)


def _bounded(text: str, sentences: tuple[Sentence, ...]) -> list[Sentence]:
    """Sentences, with any run-on one cut at clause or word breaks, so work per figure stays bounded."""
    out: list[Sentence] = []
    for s in sentences:
        start = s.start
        while s.end - start > MAX_SENTENCE:
            window = text[start + MAX_SENTENCE // 2:start + MAX_SENTENCE]
            cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
            end = start + MAX_SENTENCE // 2 + cut + 1 if cut >= 0 else start + MAX_SENTENCE
            out.append(Sentence.model_construct(start=start, end=end))
            start = end
        out.append(Sentence.model_construct(start=start, end=s.end) if start != s.start else s)
    return out
