"""What a figure counts: votes, a share, a margin, seats, a place ... read from the words around it.

Patterns ending in `$` read backwards from the figure (they match the end of the text before it); patterns
starting with `^` read forwards from its end. Each rule that fires proposes a kind with a strength: FIRM when
a unit word sits beside the figure ("412 votes", "55% of the vote", "a majority of 9,000", "411 seats") or a
table column names it, LIKELY when only a verb or the figure's own unit says so ("took 41%"), POSSIBLE when
only the sentence's subject matter does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.claims import Strength
from factcheck.kinds import Kind, Round
from factcheck.numbers import NumberMention, NumUnit, ordinal_value

I = re.IGNORECASE
FIRM, LIKELY, POSSIBLE = Strength.FIRM, Strength.LIKELY, Strength.POSSIBLE


def _before(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})[\s,:(]*$", I)


def _after(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^[\s,:)-]*+(?:{pattern})", I)


# -- counts -------------------------------------------------------------------------------------------
VOTES_AFTER = _after(r"(?:(?:first|second|1st|2nd|final)[\s-](?:preference|choice|round)\s+|popular\s+|personal\s+)?"
                     r"(?:votes?|ballots)\b|(?:first|1st)[\s-](?:preferences?|choices?)\b")
VOTE_VERB_BEFORE = re.compile(
    r"\b(?:polled|poll|polling|won|wins|win|winning|took|takes|taking|received|receives|receiving|got|gets|getting|"
    r"secured|securing|gained|gaining|attracted|garnered|scored|amassed|collected|picked\s+up|tallied|bagged|"
    r"managed|mustered|scraped|drew|notched\s+up|grabbed|claimed|claiming|took\s+home|finished\s+(?:on|with)|"
    r"ended\s+(?:up\s+)?(?:on|with)|came\s+(?:\w+\s+)?(?:on|with)|on|with|had|against|versus|vs\.?|total\s+of|"
    r"tally\s+of|haul\s+of|backed\s+by|support\s+of)\b[^.;\d]{0,30}$", I)
OWN_VOTE_VERB = re.compile(r"\b(?:polled|won|took|received|got|secured|gained|attracted|garnered)\b[^.;\d]{0,30}$", I)
TOTAL_BEFORE = re.compile(r"\b(?:total|tally|haul|count)\s+(?:was|of|stood\s+at|reached|rose\s+to|to|:)\s*$|"
                          r"\btaking\s+(?:his|her|their|the)\s+(?:\w+\s+)?total\s+to\s*$", I)
BACKED_AFTER = re.compile(r"^\s+(?:londoners|voters|people|electors|constituents)\s+(?:backed|voted\s+for|"
                          r"supported|chose|picked)\b", I)
MARGIN_BEFORE = _before(
    r"\b(?:majority|margin|lead|gap|advantage|cushion)(?:\s+(?:of|was|is|stood\s+at|at|to|:|had\s+been|"
    r"over\s+\w+(?:\s+\w+)?\s+(?:of|was|is)))?(?:\s+(?:just|only|some|a\s+mere|a\s+slim|a\s+narrow))?|"
    r"\b(?:majority|margin|lead|gap)(?:\s+(?![\d£$])[\w’'-]+){1,4}?\s+(?:was|were|is|of|stood\s+at|at|to|:)"
    r"(?:\s+(?:just|only|some|a\s+mere))?|"
    r"\b(?:won|win|wins|winning|beat|beating|beats|defeated|defeating|ahead|led|leads|leading|trailed|trailing|"
    r"lost|losing|trounced|trouncing|thrashed|edged|edging|pipped|outpolled|clear|victory|triumphed|romped|lead|"
    r"cruised|squeaked|scraped|winner|victor|victorious|changed\s+hands|(?:goes|went)(?!\s+(?:\w+ly\s+)?(?:up|down|higher|lower))|held\s+on|hung\s+on|clung\s+on|holding\s+on|held|retained|kept|gained|took)\b"
    r"(?:\s+(?!by\b)[\w’'.-]+){0,8}?\s+by(?:\s+(?:just|only|some|a\s+mere|a\s+slim|a\s+total\s+of))?|"
    r"^\s*by(?:\s+(?:just|only|some))?|\boverturn(?:ed|ing)?\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?majority\s+of")
MARGIN_AFTER = _after(r"(?:votes?\s+)?(?:more|fewer|less)\s+than\b|"
                      r"[\s-]*votes?[\s-]+(?:majority|margin|lead|win|victory|gap|advantage|ahead|clear|behind|short)|"
                      r"(?:majority|margin|lead|win|victory|gap|advantage)\b|(?:votes?\s+)?(?:ahead|clear)\b")
THAN_ANOTHER_TIME = _after(r"(?:votes?\s+)?(?:more|fewer|less)\s+than\s+(?:(?:he|she|they|it)\s+(?:won|got|had|polled)\s+)?"
                           r"(?:in|at)\s+(?:(?:19|20)\d\d|the\s+(?:last|previous)|that)|(?:more|fewer|less)\s+than\s+"
                           r"(?:last\s+time|(?:four|five)\s+years\s+(?:ago|earlier|before)|(?:his|her|their|its)\s+"
                           r"(?:own\s+)?(?:[\w-]+\s+){0,3}?(?:tally|total|vote|votes|share|result))")
TRANSFER_BEFORE = _before(r"\(\s*(?:second|2nd)\s+(?:round|preferences?|count)\s*\)|\btransfers?\s+(?:of\s+)?|"
                          r"\btransferred\s+|\b(?:second|2nd)[\s-]preferences?\s*[:=]?|\bfurther|\bextra|\badditional")
TRANSFER_AFTER = _after(r"(?:more\s+|extra\s+|additional\s+|further\s+)?(?:second|2nd)[\s-]*(?:preference|choice)s?"
                        r"(?:\s+votes)?(?!\s+(?:were|was)\s+(?:included|counted|added))|transfers?\b|transferred")
ELECTORATE_BEFORE = _before(r"\b(?:electorate|registered\s+voters|electors|eligible\s+voters)\s*(?:of|was|were|"
                            r"stood\s+at|numbered|totalled|:)?")
ELECTORATE_AFTER = _after(r"(?:registered\s+voters|electors|people\s+(?:were\s+)?(?:registered|eligible)|"
                          r"(?:[\w’'-]+\s+){0,2}(?:were\s+|are\s+)?(?:registered|eligible)\s+(?:to\s+vote|voters))\b")
REJECTED_BEFORE = _before(r"\b(?:rejected|spoilt|spoiled|invalid|void)\s+(?:ballot\s+)?(?:papers|ballots|votes)?\s*"
                          r"(?:numbered|totalled|of|were|was|:)?")
REJECTED_AFTER = _after(r"(?:ballot\s+)?(?:papers|ballots|votes)?\s*(?:were\s+)?(?:rejected|spoilt|spoiled|"
                        r"declared\s+invalid|void|invalid)")
VALID_BEFORE = _before(r"\bvalid\s+(?:votes|first[\s-]preferences?|ballots)\s*(?:of|was|were|totalled|:)?")
VALID_AFTER = _after(r"valid\s+(?:votes|first[\s-]preferences?|ballots)")
BALLOTS_BEFORE = _before(r"\b(?:turnout|ballot\s+papers|ballots\s+cast|votes\s+cast|papers\s+counted|total\s+vote)\s*"
                         r"(?:of|was|were|stood\s+at|totalled|:)?")
BALLOTS_AFTER = _after(r"(?:people\s+|voters\s+|londoners\s+|electors\s+)?(?:turned\s+out|voted\b|cast\s+(?:a|their)\s+"
                       r"(?:vote|ballot))|(?:ballot\s+papers|ballots|votes)\s+(?:were\s+)?(?:cast|counted|issued|verified)")
CANDIDATES_AFTER = _after(r"(?:\w+\s+){0,2}?(?:candidates|contenders|hopefuls|runners|names\s+on\s+the\s+ballot|"
                          r"people\s+(?:stood|standing|ran|running))\b")
CANDIDATES_BEFORE = _before(r"\bfield\s+of|\b(?:total|record|list)\s+of")
PART_OF_FIELD = re.compile(r"\b(?:first|top|last|leading|main|other|remaining|final|both|major|front-?running|"
                           r"bottom|two|three|all)\s+$|\bothers?\s*\(\s*$", I)
DEPOSIT = re.compile(r"\bdeposits?\b", I)
DEPOSIT_LOST = re.compile(r"\b(?:lost|lose|loses|losing|forfeit(?:ed|s)?|forced\s+to\s+(?:repay|hand\s+back|give\s+up)|"
                          r"(?:failed|fail)\s+to\s+(?:keep|retain|save)|did\s+not\s+(?:keep|retain|save))\b", I)
DEPOSIT_COUNT_AFTER = _after(r"(?:(?:other|more)\s+)?(?:of\s+(?:the|all)\s+(?:\w+\s+)?)?(?:\w+\s+){0,2}?(?:candidates?\s+)?(?:(?:all\s+)?(?:lost|forfeited|"
                             r"kept|retained|saved|keep|lose|losing|keeping)\s+(?:their|his|her)\s+)?(?:£[\d,]+\s+)?deposits?\b")
DEPOSIT_COUNT_BEFORE = _before(r"\bdeposits?\s+(?:were\s+)?(?:lost|forfeited|kept|retained)(?:\s+by)?(?:\s+(?:just|only|all))?")
# A clause that opens on second preferences: "In second preference votes, Khan got 192,313 ...".
TRANSFER_FRAME = re.compile(r"(?<![\s,;:(“\x22'‘–—-])[\s,;:(“\x22'‘–—-]*+(?:in|on|with|from|of|after|among)\s+(?:the\s+)?(?:second|2nd)[\s-](?:preference|choice)s?"
                            r"(?:\s+votes)?\s*,|(?<![\s“\x22'‘(])[\s“\x22'‘(]*+(?:second|2nd)[\s-](?:preference|choice)s?(?:\s+votes)?\s*:", I)
SEATS_AFTER = _after(r"(?:\(\s*[+\-−–]?\d+\s*\)\s*)?(?:(?:of\s+)?(?:\w+['’]s?|[\d,]+|the)\s+){0,3}?(?:seats?|mps|members\s+of\s+parliament|"
                     r"constituencies)\b")
LEFT_WITH = re.compile(r"\b(?:left\s+with|down\s+to|reduced\s+to|cut\s+to|up\s+to|rose\s+to|fell\s+to|total\s+(?:of|to))"
                       r"\s+(?:just\s+|only\s+)?$", I)
TURNOUT_AFTER = _after(r"(?:\w+\s+){0,2}?(?:turnout|turned\s+out|of\s+(?:the\s+)?(?:electorate|registered\s+voters|"
                       r"those\s+eligible|eligible\s+voters)|voted(?!\s+(?:for|against|to|in\s+favour|(?-i:[A-Z])))|"
                       r"cast\s+(?:a|their)\s+(?:vote|ballot))\b")
SEAT_CHANGE_BEFORE = _before(r"\b(?:gained|gaining|gains?|lost|losing|loses|lose|picked\s+up|"
                             r"shed|shedding|net\s+(?:gain|loss)\s+of|(?:gain|loss)\s+of|up|down|increase\s+of|"
                             r"decrease\s+of|fell\s+by|rose\s+by)(?:\s+(?:a\s+further|another|a\s+net|net|just|only))?")
SEAT_LOSS = re.compile(r"\b(?:lost|losing|loses|lose|shed|shedding|loss|down|fell|decrease)\b", I)
SEAT_GAIN = re.compile(r"\b(?:gained|gaining|gains?|picked\s+up|up|rose|increase|net\s+gain)\b", I)
COMMONS_MAJORITY = re.compile(r"\b(?:(?:commons|overall|working|parliamentary|absolute)\s+)?majority\s+(?:of|was|is)\s*$", I)
SEAT_MAJORITY_AFTER = _after(r"[\s-]*seats?[\s-]+majority|-seat\s+majority|seat\s+majority")
WON_OF = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:\w+\s+)?(?:constituencies|seats|"
                    r"boroughs|wards|areas|contests)\b", I)
PLACE_IN = re.compile(r"\b(?:came|come|comes|finished|finishing|placed|were|was|is|are|came\s+in)\s+(?P<place>first|second|"
                      r"third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+(?:place\s+)?in\s+(?:just\s+|only\s+|some\s+)?$", I)
CONTESTS_AFTER = _after(r"(?:\w+\s+){0,2}?(?:constituencies|seats|boroughs|contests)\b")
WON_VERB_BEFORE = re.compile(r"\b(?:won|carried|took|topped\s+the\s+poll\s+in|came\s+(?:first|top)\s+in|"
                             r"led\s+in|was\s+ahead\s+in|finished\s+(?:first|top)\s+in)\s+(?:just\s+|only\s+)?$", I)

# -- shares and points --------------------------------------------------------------------------------
SHARE_AFTER = _after(r"(?:of\s+(?:the|all|his|her|their)\s+(?:\w+\s+){0,3}?(?:votes?|ballots?|preferences?|support|"
                     r"share)|of\s+(?:first|second|1st|2nd)[\s-](?:preferences?|choices?)|of\s+votes?\s+cast|"
                     r"of\s+(?:total|valid)\s+(?:votes?|ballots)|"
                     r"(?:vote\s+)?share|of\s+the\s+poll|of\s+valid|of\s+the\s+(?:popular\s+)?vote|support)\b")
SHARE_BEFORE = _before(r"\b(?:share|vote\s+share|share\s+of\s+the\s+vote)(?:\s+(?:of|was|to|stood\s+at|at|is|:))?|"
                       r"\bpercentage\s+(?:of|was)")
TURNOUT = re.compile(r"\b(?:turnout|turned\s+out|turn[\s-]out|went\s+to\s+the\s+polls|cast\s+(?:a|their)\s+"
                     r"(?:vote|ballot)s?|voted|of\s+(?:the\s+)?(?:electorate|registered\s+voters|those\s+eligible)"
                     r"(?:\s+(?:voting|voted|turning\s+out))?)\b", I)
CHANGE_BEFORE = _before(
    r"\b(?:up|down|rose|fell|risen|fallen|increased?|decreased?|dropped|climbed|gained|slipped|improved|slumped|"
    r"plunged|surged|jumped|grew|shrank|collapsed|change|rise|fall|drop|increase|decrease|improvement|"
    r"swing|dip|boost|slump|surge|jump)\b(?:\s+(?:of|by))?(?:\s+(?:just|only|some|a\s+further|another))?")
SHARE_REACHED = re.compile(r"\bshare\b[^.;%\n]{0,70}?\b(?:rose|fell|climbed|dropped|slipped|increased|decreased|went\s+"
                           r"(?:up|down)|grew|shrank|jumped|slumped)\b[^.;%\n]{0,50}?\bto\s+$", I)
CHANGE_AFTER = _after(r"(?:percentage\s+)?(?:points?\s+)?(?:up|down|higher|lower|increase|decrease|rise|fall|"
                      r"improvement|drop|swing|on\s+(?:\d{4}|the\s+last|last\s+time|four\s+years|five\s+years|the\s+previous)|"
                      r"(?:compared\s+)?(?:with|to|from|since)\s+(?:\d{4}|the\s+last|last\s+time|four\s+years|five\s+years))\b")
FROM_BEFORE = _before(r"\b(?:down|up|fallen|risen|rose|fell|dropped|climbed|slipped|increased|decreased|cut|reduced|"
                      r"grew|shrunk|shrank|slumped|plunged|jumped)\s+from|\bfrom\s+a\s+(?:high|peak|low)\s+of|"
                      r"\bcompared\s+(?:with|to)|\bthan\s+(?:the|his|her|their)?\s*")
MARGIN_POINTS_BEFORE = _before(r"\b(?:lead|majority|margin|gap|advantage)(?:\s+[\w’'-]+){0,3}?\s+(?:of|was|is|stood\s+at|"
                               r"to|at|:)|"
                               r"\b(?:won|win|beat|beating|ahead|led|leads|trailed|trailing|defeated|edged|clear)\b"
                               r"(?:\s+(?!by\b)[\w’'.-]+){0,6}?\s+by(?:\s+(?:just|only|some))?")
MARGIN_POINTS_AFTER = _after(r"(?:percentage\s+)?points?\s+(?:ahead|clear|behind|lead|majority|margin|gap)|"
                             r"-?(?:point|percentage-point)\s+(?:lead|majority|margin|gap|win|victory|advantage)|"
                             r"(?:lead|majority|margin|gap|advantage|win|victory)\b|ahead\b|clear\b")
THRESHOLD = re.compile(r"\b(?:required|threshold|needed|necessary|minimum|qualify|cut-?off)\b", I)

# -- places -------------------------------------------------------------------------------------------
RANK_BEFORE = _before(r"\b(?:came|come|comes|coming|finished|finish|finishes|finishing|placed|placing|ended(?:\s+up)?|"
                      r"was|were|is|are|in|into|to|took|taking|claimed|claiming|secured|securing|slipped\s+to|"
                      r"fell\s+to|dropped\s+to|rose\s+to|climbed\s+to|relegated\s+to|pushed\s+into)"
                      r"(?:\s+(?:a|the|in|at))?(?:\s+(?:distant|close|strong|respectable|disappointing|creditable|"
                      r"surprise|joint|equal|narrow|poor|lowly|humiliating|impressive|solid|clear|remote))?")
RANK_AFTER_PLACE = _after(r"[\s-]*(?:place[ds]?|position|spot)\b")
RANK_AFTER_END = re.compile(r"^\s*(?:[,.;:)–—&-]|$|with\b|behind\b|ahead\b|on\b|after\b|out\s+of\b|in\s+(?-i:[A-Z])|in\s+(?:the\s+)?"
                            r"(?:overall\s+)?(?:race|contest|first\s+round|constituency|seat|count|poll\b|vote|share|tally|"
                            r"standings|results?)|overall\b|place\b|position\b|"
                            r"and\b|as\b|but\b|while\b|despite\b|for\s+the\b|of\s+(?:the\s+)?\d+\b|by\b)", I)
RANK_FORCED = _before(r"\b(?:beat|beating|beaten|pushed|pushing|push|relegated|relegating|knocked|knocking|forced|"
                      r"forcing|squeezed|squeezing|bumped)\b[^.;]{0,60}?\binto(?:\s+(?:a|the))?(?:\s+(?:distant|close))?")
NOT_A_PLACE = _after(r"[\s-]*(?:term|time|elected|ever|round|preferences?|choices?|count|stage|day|week|year|"
                     r"minister|lady|muslim|woman|black|female|person|mayor|leader|past|world|world\s+war|half|"
                     r"quarter|world|class|degree|-?generation|reading)\b")


@dataclass(frozen=True, slots=True)
class KindCue:
    kind: Kind
    strength: Strength
    cue: str
    relation: str | None = None
    round: Round | None = None  # a round the same cue states ("first preferences", a column heading)

    def _replace_strength(self, strength: Strength) -> KindCue:
        return KindCue(self.kind, strength, self.cue, self.relation, self.round)


def kinds(number: NumberMention, before: str, after: str, sentence: str, *, seats: bool) -> list[KindCue]:
    """Proposed kinds for a figure, strongest first. `seats`: whether this family elects seats."""
    unit = number.unit
    if unit is NumUnit.ORDINAL:
        return _ordinal(before, after)
    if unit in (NumUnit.PERCENT, NumUnit.POINTS, NumUnit.FRACTION):
        return _percent(number, before, after, sentence)
    return _count(number, before, after, sentence, seats)


def _ordinal(before: str, after: str) -> list[KindCue]:
    if NOT_A_PLACE.match(after):
        return []
    if RANK_AFTER_PLACE.match(after):
        return [KindCue(Kind.RANK, FIRM, "'place'")]
    if RANK_FORCED.search(before):
        return [KindCue(Kind.RANK, FIRM, "pushed into a place", relation="forced")]
    if RANK_BEFORE.search(before[-60:]) and RANK_AFTER_END.match(after):
        return [KindCue(Kind.RANK, FIRM, "finishing words before the place")]
    return []


def _percent(number: NumberMention, before: str, after: str, sentence: str) -> list[KindCue]:
    near = before[-70:]
    if THRESHOLD.search(near[-30:]):
        return []
    out: list[KindCue] = []
    # after the figure only a turnout phrase right there counts: "44 per cent because fewer people voted" is a share
    turnout = _cue_before(TURNOUT, before[-120:]) or TURNOUT_AFTER.match(after)
    changed = number.signed or CHANGE_BEFORE.search(near) or CHANGE_AFTER.match(after)
    if FROM_BEFORE.search(near):
        kind = Kind.TURNOUT if turnout else Kind.SHARE
        return [KindCue(kind, LIKELY, "'from' an earlier figure", relation="previous")]
    if turnout:
        kind = Kind.TURNOUT_CHANGE if changed else Kind.TURNOUT
        return [KindCue(kind, FIRM, "'turnout'")]
    if SHARE_REACHED.search(near) and not number.signed:
        # "its share fell to 37.0 per cent", "the vote share ... rose by two points to 34%": the level reached
        return [KindCue(Kind.SHARE, FIRM, "a share's new level", round=_round_in(after[:40]))]
    if MARGIN_POINTS_BEFORE.search(near) or MARGIN_POINTS_AFTER.match(after):
        out.append(KindCue(Kind.MARGIN_POINTS, FIRM if number.unit is NumUnit.POINTS or "by" not in near[-12:] else LIKELY,
                           "margin words"))
        if number.unit is not NumUnit.POINTS and not MARGIN_POINTS_AFTER.match(after):
            out.append(KindCue(Kind.SHARE, POSSIBLE, "a share"))
        return out
    if changed:
        out.append(KindCue(Kind.SHARE_CHANGE, FIRM if number.signed or CHANGE_BEFORE.search(near) else LIKELY,
                           "change words"))
        return out
    if SHARE_AFTER.match(after) or SHARE_BEFORE.search(near):
        return [KindCue(Kind.SHARE, FIRM, "share words", round=_round_in(after[:40]))]
    if number.unit is NumUnit.POINTS:
        return [KindCue(Kind.SHARE_CHANGE, LIKELY, "points"), KindCue(Kind.MARGIN_POINTS, POSSIBLE, "points")]
    if VOTE_VERB_BEFORE.search(near[-45:]):
        return [KindCue(Kind.SHARE, FIRM, "a vote verb before a percentage", round=_round_in(after[:40]))]
    return [KindCue(Kind.SHARE, POSSIBLE, "a percentage", round=_round_in(after[:40]))]


NOT_A_RESULT_AFTER = _after(r"(?:\w+\s+){0,2}?(?:elections?|contests?|races?|times|years?|terms?|campaigns?|"
                            r"attempts?|bids?|days?|weeks?|months?|hours?|decades?|people|residents|homes|jobs|"
                            r"constituents|members|staff|officers|stations|boroughs)\b")


def _count(number: NumberMention, before: str, after: str, sentence: str, seats: bool) -> list[KindCue]:
    near = before[-70:]
    small = abs(number.value) < 1000 and number.hi - number.lo <= 1
    if small and re.search(r"\bof\s+(?:the|all)\s*$", near) and CANDIDATES_AFTER.match(after):
        return [KindCue(Kind.CANDIDATES, FIRM, "'of the ... candidates'")]
    if re.search(r"\bof\s+(?:the|all|its|their|\w+['’]s?|(?:\w+\s+){0,2})\s*$", near) and SEATS_AFTER.match(after) and \
            re.search(r"\b\d+\s+of\s+|\b(?:won|took|holds?|held)\s+\w+\s+of\s", near[-40:] + " "):
        return []  # "412 of the 650 seats": the second figure is how many seats there are
    if CANDIDATES_AFTER.match(after) and not PART_OF_FIELD.search(near) and not DEPOSIT.search(after[:40]):
        if re.match(r"\s+(?:other|remaining|more|further|minor|fringe|independent)\b", after, I):
            return []  # "five other candidates": how many others depends on who was named before
        return [KindCue(Kind.CANDIDATES, FIRM, "'candidates'")] if small else []
    if CANDIDATES_BEFORE.search(near) and small and not SEATS_AFTER.match(after) and not VOTES_AFTER.match(after):
        return [KindCue(Kind.CANDIDATES, FIRM, "'field of'")]
    if small and (DEPOSIT_COUNT_AFTER.match(after) or DEPOSIT_COUNT_BEFORE.search(near)):
        relation = "lost" if DEPOSIT_LOST.search(after[:80]) or DEPOSIT_LOST.search(near[-30:]) else "kept"
        return [KindCue(Kind.DEPOSITS, FIRM, "'deposits'", relation=relation)]
    if TRANSFER_FRAME.match(before):
        return [KindCue(Kind.TRANSFERS, FIRM, "a clause about second preferences")]
    if seats and small and SEATS_AFTER.match(after) and not PLACE_IN.search(near) and not SEAT_MAJORITY_AFTER.match(after):
        if number.signed or SEAT_CHANGE_BEFORE.search(near[-40:]):
            sign = (-1 if number.value < 0 else 1) if number.signed else _last_direction(near[-40:])
            return [KindCue(Kind.SEAT_CHANGE, FIRM, "seats gained or lost", relation="loss" if sign < 0 else "gain")]
        return [KindCue(Kind.SEATS, FIRM, "'seats'")]
    if seats and small and LEFT_WITH.search(near) and re.search(r"\bseats?\b|\bMPs\b", sentence, I):
        return [KindCue(Kind.SEATS, FIRM, "the seats left or reached")]
    place = PLACE_IN.search(near)
    if small and place and CONTESTS_AFTER.match(after):
        return [KindCue(Kind.PLACE_COUNT, FIRM, f"'{place.group(0).strip()} ... seats'",
                        relation=f"place:{ordinal_value(place.group('place'))}")]
    if small and WON_VERB_BEFORE.search(near) and (WON_OF.match(after) or CONTESTS_AFTER.match(after)):
        return [KindCue(Kind.PLACE_COUNT, FIRM, "contests won", relation="place:1")]
    if seats and small:
        if SEAT_MAJORITY_AFTER.match(after) or (COMMONS_MAJORITY.search(near) and not VOTES_AFTER.match(after)):
            strong = SEAT_MAJORITY_AFTER.match(after) or re.search(r"commons|overall|working", near[-30:], I)
            out = [KindCue(Kind.MAJORITY_SEATS, FIRM if strong else LIKELY, "a majority in seats")]
            if not strong:
                out.append(KindCue(Kind.MARGIN_VOTES, LIKELY, "'majority'"))
            return out
        if SEATS_AFTER.match(after):
            if number.signed or SEAT_CHANGE_BEFORE.search(near[-40:]) and not re.search(r"\bwon\s*$|\btook\s*$", near, I):
                sign = (-1 if number.value < 0 else 1) if number.signed else _last_direction(near[-40:])
                return [KindCue(Kind.SEAT_CHANGE, FIRM, "seats gained or lost", relation="loss" if sign < 0 else "gain")]
            return [KindCue(Kind.SEATS, FIRM, "'seats'")]
    elif SEATS_AFTER.match(after) and small:
        return []  # seats belong to another body in a family that elects no seats
    if re.match(r"\s+(?:more|fewer)\s+than\b", after, I) and re.search(r"\bseats?\b|\bMPs\b", sentence, I):
        return [KindCue(Kind.SEAT_CHANGE, LIKELY, "'more than' beside a seat count")] if seats else []
    by_margin = MARGIN_BEFORE.search(near)
    if by_margin and (VOTES_AFTER.match(after) or not small or re.search(r"majority|margin|lead", by_margin.group(0), I)):
        return [KindCue(Kind.MARGIN_VOTES, FIRM, "margin words")]
    if MARGIN_AFTER.match(after):
        if THAN_ANOTHER_TIME.match(after):
            return []  # "71,830 fewer than in 2008": a change on another election, not a lead over a rival
        return [KindCue(Kind.MARGIN_VOTES, FIRM, "margin words after the figure")]
    if ELECTORATE_BEFORE.search(near) or ELECTORATE_AFTER.match(after):
        return [KindCue(Kind.ELECTORATE, FIRM, "'electorate'")]
    if REJECTED_BEFORE.search(near) or REJECTED_AFTER.match(after):
        return [KindCue(Kind.REJECTED, FIRM, "'rejected'")]
    if (VALID_BEFORE.search(near) or VALID_AFTER.match(after)) and not OWN_VOTE_VERB.search(near[-30:]):
        return [KindCue(Kind.VALID_VOTES, FIRM, "'valid votes'")]
    if BALLOTS_BEFORE.search(near) or BALLOTS_AFTER.match(after):
        return [KindCue(Kind.BALLOTS, FIRM, "ballots cast")]
    if TRANSFER_BEFORE.search(near[-40:]) or TRANSFER_AFTER.match(after):
        return [KindCue(Kind.TRANSFERS, FIRM, "second preferences")]
    if NOT_A_RESULT_AFTER.match(after) and not re.match(r"^\s+(?:\w+\s+)?(?:votes|seats)", after, I):
        return []
    if number.words and small:
        return []
    if VOTES_AFTER.match(after):
        return [KindCue(Kind.VOTES, FIRM, "'votes'", round=_round_in(after[:40]))]
    if TOTAL_BEFORE.search(near):
        if seats and small and re.search(r"\bseats?\b|\bMPs\b", sentence, I):
            return [KindCue(Kind.SEATS, FIRM, "a total of seats")]
        return [KindCue(Kind.VOTES, FIRM, "a total", round=Round.FINAL if re.search(r"taking", near, I) else None)]
    if seats and small and VOTE_VERB_BEFORE.search(near[-20:]) and re.search(r"\bseats?\b|\bMPs\b", sentence, I):
        return [KindCue(Kind.SEATS, LIKELY, "a small count won, beside seats")]  # "317 seats ...; Labour won 262"
    if (BACKED_AFTER.match(after) or VOTE_VERB_BEFORE.search(near[-45:])) and not small:
        return [KindCue(Kind.VOTES, FIRM, "a vote verb")]
    if not small and ELECTION_WORDS.search(sentence):
        return [KindCue(Kind.VOTES, POSSIBLE, "a result-sized count")]
    return []


ELECTION_WORDS = re.compile(r"vot|elect|ballot|\bfinal\b|mayor|candidat|preference|turnout|majority|margin|share|"
                            r"result|\bwon\b|\bwin|beat|defeat|runner|\bplace|seat|poll|\bround\b|\bcount\b|declar", I)


def _last_direction(near: str) -> int:
    """The direction the nearest loss or gain word gives: "lost 13 seats, Labour have gained 30" is a gain."""
    loss = [m.start() for m in SEAT_LOSS.finditer(near)]
    gain = [m.start() for m in SEAT_GAIN.finditer(near)]
    return -1 if loss and (not gain or loss[-1] > gain[-1]) else 1


def _cue_before(pattern: re.Pattern[str], before: str) -> bool:
    """The cue occurs before the figure with no other percentage in between."""
    last = None
    for last in pattern.finditer(before):
        pass
    return last is not None and not re.search(r"\d\s*(?:%|per\s*cent|pc\b|points?)", before[last.end():], I)


_FIRST = re.compile(r"^[\s,)]*(?:of\s+(?:the\s+)?)?(?:first|1st)[\s-](?:preference|choice|round)", I)
_FINAL = re.compile(r"^[\s,)]*(?:of\s+(?:the\s+)?)?(?:final|second[\s-]round|run-?off|total)\b", I)


def _round_in(after: str) -> Round | None:
    if _FIRST.match(after):
        return Round.FIRST
    if _FINAL.match(after):
        return Round.FINAL
    return None
