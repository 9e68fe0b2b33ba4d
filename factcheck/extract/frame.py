"""Negation, modality and time: whether a sentence states a figure as a result at all.

Polls, forecasts, targets and rules state no result; a figure from part-way through a count, or a swing,
is about the result but not a figure the ledger holds; a negated hedge states the opposite bound
("failing to win more than 50%" claims at most 50%). Every cue here applies to number claims and
word claims alike, and is read in the figure's own clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.numbers import NumberMention, Qualifier

I = re.IGNORECASE

POLL = re.compile(
    r"\b(?:opinion\s+polls?|exit\s+polls?|polls?\s+(?:of|by|for|from|suggest\w*|show\w*|put|puts|gave|gives|had|has|"
    r"found|finds|predict\w*|average|lead)|(?:a|an|the|one|latest|recent|new|final|last|another|this|that)\s+"
    r"(?:\w+\s+){0,2}?(?:poll|survey)s?\b(?!\s+(?:station|card|clerk|tax|day|\d|a\s|an\s|more|just|only|fewer|less|"
    r"over|under|around|about|some|nearly|almost|closed|opened))(?<!at\sthe\spolls)(?<!to\sthe\spolls)|"
    r"polling\s+(?:by|from|for|suggests|shows|"
    r"average|company|firm|data)|surveys?|surveyed|yougov|ipsos|mori|savanta|comres|opinium|survation|redfield|"
    r"deltapoll|techne|panelbase|more\s+in\s+common|forecasts?|forecasters?|projections?|projected|predicted|"
    r"predicts?|predicting|projects?|projecting|bookmakers?|bookies|odds|models?\s+(?:suggest|show|put))\b", I)
POLL_AFTER = re.compile(r"\b(?:in|according\s+to|by|from)\s+(?:a|an|the|one|some|latest)?\s*(?:\w+\s+){0,3}?"
                        r"(?:poll|survey|forecast|projection)s?\b", I)
# Modal or future framing before a figure: it is hoped for, expected or needed, not won.
SPECULATIVE = re.compile(
    r"\b(?:would|could(?!\s+(?:only|manage|muster|scrape|not))|might|may\s+(?:well\s+)?(?:win|get|take|finish|come)|"
    r"(?:is|are|was|were)\s+(?:expected|likely|set|tipped|predicted|forecast|projected)\s+to|"
    r"expects?\s+to|on\s+(?:course|track)\s+(?:to|for)|hopes?\s+to|hoping\s+to|hoped\s+to|needs?\s+to|needed|"
    r"aims?\s+to|aiming|targets?\s+(?:of|to)\b|targeting|bid\s+to|wants?\s+to|wanted\s+to|seeks?\s+to|sought\s+to|"
    r"if\b|unless|will(?!\s+have\s+been)|going\s+to|poised\s+to|in\s+line\s+to|required|requires?|"
    r"to\s+(?:keep|retain|save|avoid\s+losing)|threshold|minimum|imagine|suppose|supposing|"
    r"(?-i:Had)\s+(?:[\w’'-]+\s+){1,3}?(?:won|taken|took|got|polled|secured|held|gained|finished|come|managed))\b", I)
# A count in progress or a snapshot: about the result, but not the declared figure.
MID_COUNT = re.compile(
    r"\b(?:at\s+the\s+time\s+of\s+writing|(?<!elections\s)(?<!election\s)(?<!contests\s)(?<!contest\s)so\s+far|as\s+(?:things\s+)?stand|as\s+it\s+stands|at\s+this\s+stage|"
    r"currently|still\s+being\s+counted|as\s+counting\s+(?:continues|goes\s+on)|running\s+(?:tally|total|count)|"
    r"partial\s+figures|with\s+(?:\w+\s+){0,4}?"
    r"(?:boroughs?|constituencies|seats|results?|counts?|areas?|wards?)\s+(?:\w+\s+)?(?:declared|in|counted|reported|"
    r"left|to\s+go|remaining)|after\s+the\s+first\s+day\s+of\s+counting|early\s+(?:results|counts?|returns|figures)|"
    r"partial\s+(?:results|count)|(?:is|was|were|are)\s+(?:now\s+)?(?:leading|ahead)\s+(?:in\s+the\s+count|with)|"
    r"with\s+\d+(?:\.\d+)?\s*(?:%|per\s*cent)\s+of\s+(?:the\s+)?(?:votes?|ballots?|results?)\s+(?:counted|in|declared)|"
    r"exit\s+poll)\b", I)
SWING = re.compile(r"\bswings?\b", I)
# Negation that governs a figure in its clause. "no fewer than" is a hedge, read by the number parser.
NEGATION = re.compile(r"\b(?:not|never|no(?!\s+(?:fewer|less|more)\s+than)|nor|n['’]t|failed\s+to|failing\s+to|"
                      r"fails?\s+to|without|unable\s+to|short\s+of)\b", I)
NO_ONE = re.compile(r"\b(?:no|none\s+of\s+the)\s+(?:other\s+)?(?:candidates?|one|party|parties|contenders?)\b", I)
_FLIP = {Qualifier.MORE_THAN: Qualifier.AT_MOST, Qualifier.AT_LEAST: Qualifier.LESS_THAN,
         Qualifier.LESS_THAN: Qualifier.AT_LEAST, Qualifier.AT_MOST: Qualifier.MORE_THAN,
         Qualifier.JUST_OVER: Qualifier.AT_MOST}


@dataclass(frozen=True, slots=True)
class Frame:
    skip: str | None = None  # states no result at all: yields no claim
    unsure: str | None = None  # about the result, but not a figure the ledger holds as written
    qualifier: Qualifier | None = None  # the bound a negated hedge claims, replacing the written one
    no_one: bool = False  # "no candidate won more than ...": a bound on the leading candidate
    cues: tuple[str, ...] = ()


def frame_of(text: str, clause: tuple[int, int], sentence: tuple[int, int], start: int, end: int,
             qualifier: Qualifier | None = None, qualifier_text: str | None = None) -> Frame:
    """How the sentence frames the words at [start, end) of `text` in their clause."""
    lead = text[clause[0]:start]
    lead_words = lead[:len(lead) - len(qualifier_text or "")] if qualifier_text and lead.rstrip().lower().endswith(
        qualifier_text.lower()) else lead
    # read on past the figure so "the candidate poll 27 per cent" is seen as a verb, not a survey
    earlier_poll = any(m.start() < start for m in POLL.finditer(text, sentence[0], min(sentence[1], end + 20)))
    after = text[end:min(clause[1], end + 90)]
    after = after[:next((i for i, c in enumerate(after) if c in ".;"), len(after))]
    poll_after = POLL_AFTER.search(after)
    if earlier_poll or (poll_after is not None and poll_after.start() <= 40):
        return Frame(skip="a poll or forecast, not a result")
    sentence_text = text[sentence[0]:sentence[1]]
    if MID_COUNT.search(sentence_text):
        return Frame(unsure="a figure from part-way through the count, not the declared result",
                     cues=("mid-count wording",))
    if _speculative(lead):
        return Frame(skip="a hope, forecast, target or rule, not a result")
    if SWING.search(text, max(clause[0], start - 30), min(clause[1], end + 30)):
        return Frame(unsure="a swing between two parties, which the ledger does not derive", cues=("'swing'",))
    negation = NEGATION.search(lead_words[-45:])
    if negation is None:
        return Frame()
    no_one = bool(NO_ONE.search(text, clause[0], start))
    if qualifier in _FLIP:
        return Frame(qualifier=_FLIP[qualifier], no_one=no_one, cues=(f"negated '{negation.group(0)}'",))
    return Frame(skip="a negated figure states no result")


def speculative(text: str, clause_start: int, start: int) -> bool:
    """For word claims ("is likely to finish third"): a poll, hope, forecast or denial."""
    lead = text[clause_start:start]
    return bool(POLL.search(lead) or _speculative(lead) or NEGATION.search(lead[-25:]))


# Words after a modal that bring back a completed event: "will serve a third term after winning 44%".
_COMPLETED = re.compile(r"\b(?:after|having|since|when|once|with|as|by)\b", I)


def _speculative(lead: str) -> bool:
    window = lead[-70:]
    last = None
    for last in SPECULATIVE.finditer(window):
        pass
    return last is not None and not _COMPLETED.search(window, last.end())


def stated(number: NumberMention, frame: Frame) -> Qualifier | None:
    """The bound the sentence claims for a number."""
    return frame.qualifier if frame.qualifier is not None else number.qualifier
