"""Which count a figure belongs to, where the voting system has more than one (first preferences, the final
round after second preferences). A cue beside the figure fixes the round; one elsewhere in the sentence is
only a hint, so the verifier tries the other round too.
"""

from __future__ import annotations

import re

from factcheck.kinds import Kind, Round

I = re.IGNORECASE

FIRST_ROUND = re.compile(
    r"\b(?:first[\s-]*(?:preference|pref|choice|round|count|ballot)s?|1st[\s-]*(?:preference|choice|round)s?|"
    r"initial\s+(?:count|round)|first\s+preferences?\s+alone|before\s+(?:second|2nd)[\s-]preferences|"
    r"(?:going|heading|went|go|goes)\s+into\s+the\s+(?:second|final|run-?off)\s*(?:round|count|stage)?|"
    r"before\s+(?:the\s+)?(?:second|final)\s+(?:round|count))\b", I)
FINAL_ROUND = re.compile(
    r"\b(?:(?:after|with|including|once|when)\s+(?:the\s+)?(?:second|2nd)[\s-]*(?:preference|choice)s?(?:\s+votes?)?"
    r"(?:\s+(?:were|was|had\s+been)\s+(?:included|counted|added|taken\s+into\s+account|redistributed|distributed))?|"
    r"(?:second|2nd)[\s-]*(?:preference|choice)s?\s+(?:votes\s+)?(?:were\s+)?(?:included|counted|added|taken\s+into\s+account)|"
    r"(?<!into the )(?<!before the )(?:final\s+(?:round|count|tally|total|result|stage|figures?)|"
    r"second\s+(?:round|count|stage)|run-?off)|"
    r"after\s+transfers|head[\s-]to[\s-]head|\(\s*total\s*\)|in\s+total|overall\s+total|total\s+votes?)\b", I)

ROUNDED = frozenset({Kind.VOTES, Kind.SHARE, Kind.MARGIN_VOTES, Kind.MARGIN_POINTS, Kind.SHARE_CHANGE,
                     Kind.TRANSFERS, Kind.RANK, Kind.COMPARISON})


def round_for(kind: Kind, before: str, after: str, sentence: str, position: int,
              stated: Round | None = None, section: Round | None = None) -> tuple[Round, bool]:
    """(round, explicit): `stated` is a round the kind's own cue gave; `section` one a heading gave."""
    if kind not in ROUNDED:
        return Round.UNSTATED, False
    if kind is Kind.TRANSFERS:
        return Round.FINAL, True
    if stated is not None:
        return stated, True
    found = _cues(before[-70:], after[:50])
    if found:
        distance, round_ = min(found)
        return round_, distance <= 25 or len({r for _, r in found}) == 1
    if section is not None:
        return section, True
    return _nearest(sentence, position), False


def _cues(before: str, after: str) -> list[tuple[int, Round]]:
    """(distance, round) for each round cue near a figure; labels before a figure count as nearer."""
    found = []
    for pattern, round_ in ((FIRST_ROUND, Round.FIRST), (FINAL_ROUND, Round.FINAL)):
        found += [(len(before) - m.end(), round_) for m in pattern.finditer(before)]
        found += [(m.start() + 10, round_) for m in pattern.finditer(after)]
    return found


def _nearest(sentence: str, position: int) -> Round:
    best, distance = Round.UNSTATED, 10**9
    for pattern, round_ in ((FIRST_ROUND, Round.FIRST), (FINAL_ROUND, Round.FINAL)):
        for m in pattern.finditer(sentence):
            d = min(abs(m.start() - position), abs(m.end() - position))
            if d < distance:
                best, distance = round_, d
    return best
