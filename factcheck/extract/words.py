"""Claims without a number: who won, who came second, who beat whom, who lost a deposit.

Each finder returns `WordCue`s (the words, their subject and what they claim); readings.py turns them into
claims the same way as figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.claims import Strength
from factcheck.extract.frame import speculative
from factcheck.extract.who import Anchor
from factcheck.kinds import Kind
from factcheck.numbers import ordinal_value

I = re.IGNORECASE

RUNNER_UP = re.compile(r"\brunners?[\s-]up\b", I)
MORE_VOTES_THAN = re.compile(r"\b(?:won|got|received|polled|secured|took|gained|attracted)\s+more\s+"
                             r"(?:first[\s-]preference\s+|second[\s-]preference\s+)?votes\s+than\b|\boutpolled\b|"
                             r"\b(?:finished|came|ended(?:\s+up)?|was|were|placed|polled)\s+(?:\w+\s+){0,2}?ahead\s+of\b|"
                             r"\bahead\s+of\b", I)
FEWER_VOTES_THAN = re.compile(r"\b(?:won|got|received|polled|secured|took)\s+fewer\s+(?:\w+\s+)?votes\s+than\b|"
                              r"\b(?:finished|came|ended(?:\s+up)?|was|were|placed|trailed|trailing|trails)\s+"
                              r"(?:\w+\s+){0,2}?behind\b|\btrailed\b|\blost\s+(?:out\s+)?to\b|\bwas\s+beaten\s+by\b", I)
BEAT = re.compile(r"\b(?:beat|beats|beating|defeated|defeating|defeats|ousted|ousting|saw\s+off|edged\s+out|"
                  r"edging\s+out|trounced|trouncing|thrashed|thrashing|pipped|pipping|outpolled|outpolling|"
                  r"squeezed\s+out)\b", I)
WINNER = re.compile(r"\b(?:(?:has\s+been|was|is|been|got|being)\s+(?:(?:first|duly|comfortably|narrowly|easily|"
                    r"finally|officially|again)\s+)?(?:re-?)?elected|(?:re-?)?elected\s+(?:as\s+)?(?:the\s+)?"
                    r"(?:mayor|Mayor|MP)\b|(?:won|wins|win|secured|secures|clinched|clinches|claimed|claims)\s+(?:a|an|"
                    r"another|his|her|the)\s+(?:(?:second|third|fourth|2nd|3rd|4th|historic|record|new|further|"
                    r"consecutive|successive|straight|full|four-year|landslide|comfortable|narrow|resounding|convincing|"
                    r"decisive)\s+)*(?:term|election|mayoralty|race|contest|victory)|(?:won|wins|win)\s+re-?election)", I)
LOST_OWN_DEPOSIT = re.compile(r"\b(?:lost|lose|loses|losing|forfeited|forfeit|forfeits)\s+(?:his|her|their|the)\s+"
                              r"(?:£[\d,]+\s+)?deposits?\b", I)
KEPT_OWN_DEPOSIT = re.compile(r"\b(?:kept|keep|keeps|retained|retain|saved|save|held\s+onto)\s+(?:his|her|their|the)\s+"
                              r"(?:£[\d,]+\s+)?deposits?\b", I)
TERM = re.compile(r"\b(?P<n>second|third|fourth|2nd|3rd|4th)\s+(?:consecutive\s+|successive\s+|straight\s+|"
                  r"four-year\s+|full\s+)?term\b", I)
# Any word that can start a claim without a number; a sentence without one needs no further look.
TRIGGER = re.compile(r"runner|more\s|fewer\s|outpolled|ahead|behind|trail|lost|beat|defeat|ousted|saw\s+off|"
                     r"edg|troun|thrash|pipp|squeezed|elect|won|win|secur|clinch|claim|deposit|keep|kept|"
                     r"retain|saved|held", I)


@dataclass(frozen=True, slots=True)
class WordCue:
    kind: Kind
    start: int
    end: int
    anchor: Anchor
    value: float = 1.0
    relation: str | None = None
    other: Anchor | None = None  # the second party to a comparison
    strength: Strength = Strength.FIRM  # how firmly the words bind their subject


def word_cues(text: str, start: int, end: int, anchors: list[Anchor], clause_of, pick) -> list[WordCue]:
    """Word claims in the sentence [start, end). `clause_of(a, b)` gives a clause; `pick(anchors, a, b, clause)` the
    subject for words at [a, b)."""
    sentence = text[start:end]
    if not TRIGGER.search(sentence):
        return []
    out: list[WordCue] = []
    for m in RUNNER_UP.finditer(text, start, end):
        clause = clause_of(m.start(), m.end())
        if speculative(text, clause[0], m.start()):
            continue
        offer = pick(anchors, m.start(), m.end(), clause)
        if offer is not None:
            out.append(WordCue(Kind.RANK, m.start(), m.end(), offer.anchor, value=2.0, strength=offer.strength))
    for pattern, relation in ((MORE_VOTES_THAN, "more"), (FEWER_VOTES_THAN, "fewer"), (BEAT, "beat")):
        for m in pattern.finditer(text, start, end):
            clause = clause_of(m.start(), m.end())
            if speculative(text, clause[0], m.start()):
                continue
            offer = pick([a for a in anchors if a.end <= m.start()], m.start(), m.end(), clause)
            first = offer.anchor if offer else None
            second = next((a for a in anchors if m.end() <= a.start <= m.end() + 60 and a.usable), None)
            if first is None or second is None or first.role or second.role or first.unknown or second.unknown:
                continue  # a comparison with someone outside the ledger is about another contest
            out.append(WordCue(Kind.COMPARISON, m.start(), m.end(), first, relation=relation, other=second,
                               strength=offer.strength))
    for m in WINNER.finditer(text, start, end):
        clause = clause_of(m.start(), m.end())
        if speculative(text, clause[0], m.start()):
            continue
        offer = pick([a for a in anchors if a.end <= m.start()], m.start(), m.end(), clause)
        if offer is None or offer.anchor.unknown:
            continue
        term = TERM.search(text, m.start(), min(clause[1], m.end() + 40))
        out.append(WordCue(Kind.WINNER, m.start(), m.end(), offer.anchor, strength=offer.strength,
                           relation=f"term:{ordinal_value(term.group('n'))}" if term else None))
    for pattern, relation in ((LOST_OWN_DEPOSIT, "lost"), (KEPT_OWN_DEPOSIT, "kept")):
        for m in pattern.finditer(text, start, end):
            clause = clause_of(m.start(), m.end())
            if speculative(text, clause[0], m.start()):
                continue
            offer = pick([a for a in anchors if a.end <= m.start()], m.start(), m.end(), clause)
            if offer is not None and offer.anchor.party is None and not offer.anchor.role:
                out.append(WordCue(Kind.DEPOSITS, m.start(), m.end(), offer.anchor, relation=relation,
                                   strength=offer.strength))
    return out
