"""Figures read against the figure before them in a sentence: a list that goes on ("Khan got 192,313 and
Bailey 84,550"), the two sides of a score ("145,184 to 145,114"), and a second figure of the same owner
("Goldsmith's 35 percent of first preferences and 43 percent of the total").

Gaps between two figures are read as "a short stretch without a full stop or another figure, ending in ...":
the length and the characters are checked in code, the ending by end-anchored patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract import what, who
from factcheck.extract.claims import Claim, Reading, Strength
from factcheck.extract.context import Sent
from factcheck.extract.when import Timeline
from factcheck.kinds import Kind, Unit
from factcheck.numbers import NumberMention, NumUnit

I = re.IGNORECASE
# A percentage bracketed after a figure describes it: "1,013,721 (40.05%, -4.19%)".
ANNOTATION_GAP = re.compile(r"(?<!\s)\s*+(?:(?:first[\s-]preference\s+|second[\s-]preference\s+)?votes?|(?:first|second)"
                            r"[\s-]preferences?|ballots|seats)?\s*+[(,–—-]?\s*+(?:or|which\s+(?:was|is)|representing|"
                            r"equivalent\s+to|that\s+is|some|about|a\s+share\s+of)?\s*+(?:just|only|around|about|nearly|almost)?"
                            r"\s*+(?:first\s+preferences?|of\s+the\s+vote)?\s*+", I)
BRACKET_OPEN = re.compile(r"(?<!\s)\s*\(\s*")
BRACKET_GAP = re.compile(r"(?<!\s)\s*+(?:of\s+the\s+vote\s*+)?\(\s*+(?:or\s+|with\s+)?", I)
ANNOTATES = {Kind.VOTES: Kind.SHARE, Kind.BALLOTS: Kind.TURNOUT, Kind.MARGIN_VOTES: Kind.MARGIN_POINTS,
             Kind.SHARE: Kind.SHARE_CHANGE, Kind.TURNOUT: Kind.TURNOUT_CHANGE, Kind.SEATS: Kind.SEAT_CHANGE}
FROM_EARLIER = re.compile(r"\b(?:down|up|fallen|risen|rose|fell|dropped|climbed|slipped|increased|decreased|cut|"
                          r"reduced|grew|shrank|slumped|jumped)\s+from\s+(?:a\s+|his\s+|her\s+|their\s+)?$|"
                          r"\bfrom\s+a\s+(?:high|peak|low)\s+of\s+$|\bcompared\s+(?:with|to)\s+$", I)
CHANGE_OPEN = re.compile(r"(?<![\s,;(])[,;(]?\s*+(?:which\s+(?:was|is)\s+)?(?:up|down|(?<=[,;(]\s)(?:losing|gaining)|a\s+(?:net\s+)?(?:rise|fall|drop|gain|loss|increase|decrease|"
                         r"swing)\s+of|(?:an?\s+)?(?:increase|decrease|rise|fall|drop)\s+of)\s+(?:by\s+)?"
                         r"(?:just\s+|only\s+|some\s+|nearly\s+|almost\s+|around\s+|about\s+|over\s+)?$", I)
NEGATIVE = re.compile(r"\b(?:down|fell|fallen|dropped|decrease[ds]?|lost|losing|loss|slipped|lower|fall|drop|shrank|shrunk|"
                      r"declined?|cut|reduced|slumped|plunged|collapsed)\b", I)
POSITIVE = re.compile(r"\b(?:up|rose|risen|increase[ds]?|gained|gaining|gain|climbed|higher|rise|grew|improved|surged|jumped)\b", I)
BRACKETED_AFTER = re.compile(r"(?<!\s)\s*\([^()\n]{0,12}\)")
LOST_TO = re.compile(r"\b(?:lost|losing|loses|defeated\s+by|beaten\s+by|ousted\s+by|unseated\s+by|fell\s+to)\b", I)
WON_BY = re.compile(r"\b(?:won|wins|winning|beat|beating|defeated|defeating|triumphed|carried|held|retained|took)\b"
                    r"[^.;\d]{0,40}?\bby\s+(?:just\s+|only\s+)?$", I)
COORDINATED = re.compile(r"\b(?:and|with|or)\s+(?:(?:just|only|a|an|some|nearly|almost|about|around)\s+)*$", I)
IN_YEAR_BRACKET = re.compile(r"\b(?:in|of|for)\s+(?:19|20)\d\d\s*\(\s*$", I)
SCORE_TO = re.compile(r"\b(?:to|against|versus|vs\.?)\s+$", I)
LIST_JOIN = re.compile(r"(?:,|\band|\bwhile|\bwhereas|\bwith|\bto|\bagainst|\bversus)\s*(?:(?:and|while|with)\s+)?"
                       r"(?:the\s+|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+)?$", I)
LIST_GLUE = re.compile(r"(?<!\s)(?:['’]s?)?(?:\s+party)?\s*+(?:\([^()]{0,30}\)\s*+)?[:,]?\s*+(?:(?:on|with|got|had|took|polled|received|secured|"
                       r"picked\s+up|gained|won|have|has|hold|holds|held|kept|retained|captured|claimed|ended\s+up\s+with|"
                       r"finished\s+with)\s+(?:just\s+|only\s+)?)?", I)
SEMICOLON = re.compile(r"(?<!\s)\s*;\s*")  # "Khan 192,313; Bailey 84,550": a listing's items
SCORELINE = re.compile(r"(?<!\s)\s*+(?:votes?\s+|per\s*cent\s+|%\s*|pc\s+)?(?:\([^()]{1,20}\)\s*)?(?:to|v\.?|vs\.?|versus|against)\s*",
                       I)


@dataclass(slots=True)
class Previous:
    claim: Claim | None = None
    number: NumberMention | None = None


def coordinated(text: str, carried_at: int | None, clause: tuple[int, int], number: NumberMention,
                anchors: list[who.Anchor]) -> bool:
    """"Goldsmith's 35.6 percent of first preferences and 43 percent of the total": a second figure in the clause
    of a firmly owned one, with no other name between them, has the same owner."""
    if carried_at is None or not (clause[0] <= carried_at < number.start):
        return False
    return not any(carried_at < a.start < number.start and (a.persons or a.party or a.unknown)
                   for a in anchors) and gap(text, carried_at, number.start, 65, ".;:", COORDINATED)


def listed(text: str, number: NumberMention, previous: Previous, anchors: list[who.Anchor]) -> what.KindCue | None:
    """"Khan got 192,313 and Bailey 84,550": a figure listed after another, with its own name, counts the same."""
    prior, prior_number = previous.claim, previous.number
    if prior is None or prior_number is None or not prior.readings or (
            prior_number.unit is not number.unit and not (prior_number.unit is NumUnit.PERCENT and
                                                          number.unit is NumUnit.COUNT and number.value < 100)):
        return None
    own = text[number.end:number.end + 60]  # the patterns are anchored at the start of the text they are given
    if prior_number.unit is not number.unit and (what.SEATS_AFTER.match(own) or what.VOTES_AFTER.match(own)):
        return None  # "32 per cent of the vote, and the SNP won 48 seats": its own words say what it counts
    top = prior.readings[0]
    # the kind must be settled; who the earlier figure belongs to need not be ("365 seats, while Labour have 203")
    if top.kind in (Kind.RANK, Kind.CANDIDATES, Kind.DEPOSITS, Kind.UNKNOWN) or (
            top.strength is not Strength.FIRM and any(r.kind is not top.kind for r in prior.readings)):
        return None
    between = [a for a in anchors if prior_number.end <= a.start and a.end <= number.start and (a.persons or a.party)]
    strength = top.strength  # as sure as the figure the list goes on from
    if not between and gap(text, prior_number.end, number.start, 55, ".;", SCORE_TO) and \
            not what.TOTAL_BEFORE.search(text, max(0, number.start - 40), number.start):
        return what.KindCue(top.kind, Strength.FIRM, "the other side of a score", round=None)
    if not between and gap(text, prior_number.end, number.start, 85, ".;", IN_YEAR_BRACKET, digits=True):
        return what.KindCue(top.kind, Strength.FIRM, "the same measure for another year, in brackets", round=None)
    if len(between) != 1:
        return None
    a = between[0]
    annotation = BRACKETED_AFTER.match(text, prior_number.end)  # "297 (-22) seats, Labour 227"
    start = annotation.end() if annotation else prior_number.end
    if (gap(text, start, a.start, 45, ".;", LIST_JOIN) or SEMICOLON.fullmatch(text, start, a.start)) and \
            LIST_GLUE.fullmatch(text, a.end, number.start):
        return what.KindCue(top.kind, strength, "listed after a figure of the same kind", round=None)
    return None


def scoreline(text: str, s: Sent, number: NumberMention, anchors: list[who.Anchor]) -> who.Anchor | None:
    """"145,184 to 145,114" after two names, "by 52 per cent to 48": the figures go to the names in order."""
    if number.unit not in (NumUnit.COUNT, NumUnit.PERCENT) or number.qualifier:
        return None
    # "by 57 per cent to 43": the second share may drop its sign
    same = [n for n in s.numbers if n.unit is number.unit or (
        number.unit is NumUnit.PERCENT and n.unit is NumUnit.COUNT and 0 < n.value < 100 and n.start > number.start)]
    i = next(k for k, n in enumerate(same) if n is number)
    if i + 1 < len(same) and SCORELINE.fullmatch(text, number.end, same[i + 1].start):
        position, first, second = 0, number, same[i + 1]
    elif i > 0 and SCORELINE.fullmatch(text, same[i - 1].end, number.start):
        position, first, second = 1, same[i - 1], number
    else:
        return None
    people: list[who.Anchor] = []
    for a in anchors:
        if (a.persons or a.party) and not a.pronoun and a.end <= first.start and \
                (a.persons, a.party) not in [(p.persons, p.party) for p in people]:
            people.append(a)
    if any(first.end < a.start < second.start for a in anchors if a.persons or a.party):
        return None  # "Khan 1,206,034 to Bailey's 977,601": each figure has its own name
    if sum(1 for n in s.numbers if n.unit is first.unit and n.end <= first.start) >= 2:
        return None  # "102,355 went to Livingstone and 82,880 to Johnson, leaving 1,054,811 to 992,273": names spent
    if len(people) < 2:
        won = WON_BY.search(text, s.clause(first.start, first.end)[0], first.start)
        if won is None:
            return None
        # "the MP won by 776,427 votes to 564,137": the winner's figure, then the runner-up's
        if position == 0 and people and people[-1].end <= won.start():
            return people[-1]
        role = "winner" if position == 0 else "runner-up"
        return who.Anchor(won.start(), won.end(), won.group(0), role=role)
    first_name, second_name = people[-2], people[-1]
    if LOST_TO.search(text, first_name.end, second_name.start):
        first_name, second_name = second_name, first_name  # "Swinson lost to Callaghan, 19,672 to 19,523"
    return first_name if position == 0 else second_name


def gap(text: str, start: int, end: int, longest: int, stops: str, ending: re.Pattern[str], digits: bool = False) -> bool:
    """Whether text[start:end] is short, holds none of `stops` (nor digits, unless allowed) and ends as `ending` says."""
    gap = text[start:end]
    if len(gap) > longest or any(c in stops for c in gap) or (not digits and any(c.isdigit() for c in gap)):
        return False
    return ending.search(gap) is not None


def inherited(text: str, s: Sent, number: NumberMention, before: str, previous: Previous,
              timeline: Timeline) -> list[Reading] | None:
    """A bracketed share after a count ("1,013,721 (40%)"), or the earlier value of the same quantity
    ("40.5 per cent, down from 42.2 per cent"): the figure takes the previous one's readings (None: it does not follow from it)."""
    prior, prior_number = previous.claim, previous.number
    if prior is None or prior_number is None or not prior.readings:
        return None
    gap = text[prior_number.end:number.start]
    if number.unit is NumUnit.COUNT and prior.kind is Kind.SHARE and BRACKET_GAP.fullmatch(gap):
        # "Goldsmith's 43 per cent (994,614 votes)": the count behind a share
        readings = [r.model_copy(update={"kind": Kind.VOTES, "cues": r.cues + ("bracketed after its share",)})
                    for r in prior.readings if r.kind is Kind.SHARE]
        return readings
    if number.unit in (NumUnit.PERCENT, NumUnit.POINTS) and ANNOTATION_GAP.fullmatch(gap):
        derived = ANNOTATES.get(prior.kind)
        changes = prior.kind in (Kind.SHARE, Kind.TURNOUT, Kind.SEATS)
        if derived is None or changes != number.signed:
            return None
        readings = [r.model_copy(update={"kind": derived, "cues": r.cues + ("bracketed after the figure it describes",)})
                    for r in prior.readings if r.kind is prior.kind]
        return readings
    if number.unit is NumUnit.COUNT and prior.kind is Kind.SEATS and (number.signed or number.value == 0) and \
            BRACKET_OPEN.fullmatch(gap):
        # "345 (+48)": a seat count's change since the base, in brackets after it
        readings = [r.model_copy(update={"kind": Kind.SEAT_CHANGE, "relation": None,
                                         "cues": r.cues + ("bracketed after the seats it changes",)})
                    for r in prior.readings if r.kind is Kind.SEATS]
        return readings
    if CHANGE_OPEN.search(before[-40:]) and number.unit in (NumUnit.POINTS, NumUnit.PERCENT, NumUnit.COUNT) and \
            prior.kind in (Kind.SHARE, Kind.TURNOUT, Kind.SEATS) and prior.sentence_start == s.start:
        derived = ANNOTATES[prior.kind]
        relation = None
        if derived is Kind.SEAT_CHANGE and not number.signed:
            # "121 seats, losing 251": the words give the sign a seat change is stored with
            sign = direction(before[-40:])
            relation = "loss" if sign < 0 else "gain" if sign > 0 else "magnitude"
        readings = [r.model_copy(update={"kind": derived, "relation": relation,
                                         "cues": r.cues + ("a change clause after the figure it changes",)})
                    for r in prior.readings if r.kind is prior.kind]
        return readings
    if FROM_EARLIER.search(before[-40:]) and prior.kind in (Kind.SHARE, Kind.VOTES, Kind.TURNOUT, Kind.MARGIN_VOTES,
                                                             Kind.MARGIN_POINTS, Kind.SEATS) and \
            (prior.unit is Unit.PERCENT) == (number.unit is NumUnit.PERCENT):
        when = timeline.when(s.clause(number.start, number.end), number.start, number.end, prior.kind, "previous")
        whens = [when] + [w for w in [timeline.notional(when)] if w is not None]
        readings = [r.model_copy(update={"election": w.election, "election_basis": w.basis,
                                         "relation": "previous", "strength": min(r.strength, w.strength),
                                         "unsure": r.unsure or w.unsure,
                                         "cues": r.cues + ("the earlier value of the figure before it",)})
                    for w in whens for r in prior.readings if r.kind is prior.kind]
        return readings
    return None


def direction(context: str) -> int:
    negative, positive = bool(NEGATIVE.search(context)), bool(POSITIVE.search(context))
    return -1 if negative and not positive else 1 if positive and not negative else 0
