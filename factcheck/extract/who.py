"""Whose figure it is: the names, parties, pronouns and roles a sentence offers, and how firmly each binds.

A name binds a figure FIRMLY when a results row starts with it, when it owns the figure ("Khan's 40%"), when
the figure is "for" it, when only a vote verb stands between them ("Khan took 40%"), or when a participle
clause hangs off it (", taking 40%"). A pronoun, a name elsewhere in the clause or a party that stands for its
candidate binds LIKELY; any other name in the sentence is POSSIBLE.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.extract.claims import Strength
from factcheck.nlp.mentions import EntityKind, EntityMention

I = re.IGNORECASE
FIRM, LIKELY, POSSIBLE = Strength.FIRM, Strength.LIKELY, Strength.POSSIBLE

# Between a party and the person it describes: "Labour's Sadiq Khan", "Tory candidate Shaun Bailey".
PARTY_BEFORE_PERSON = re.compile(r"(?<!\s)(?:['’]s?)?(?:\s+[\w-]+){0,3}\s+")
# Between a person and their party label: "Sian Berry (Green)", "Count Binface, Independent:".
PARTY_AFTER_PERSON = re.compile(r"(?<!\s)(?:\s*+[(,:/]\s*+|,?\s+(?:of|for|from)\s+(?:the\s+)?)")
FOR_AFTER = re.compile(r"(?<!\s)\s+(?:votes?\s+|first[\s-]preferences?\s+|second[\s-]preferences?\s+|of\s+the\s+vote\s+)?"
                       r"(?:for|going\s+to|went\s+to|backing|(?:were\s+)?cast\s+for|(?:were\s+|was\s+)?(?:received|won|"
                       r"polled|taken|secured|gained|garnered|attracted)\s+by)\s+(?:(?:the|his|her|their)\s+)?"
                       r"(?:(?:[\w-]+\s+){0,2}?(?:rival|opponent|challenger|candidate|contender)\s+|(?-i:[A-Z])[\w-]+\s+)?"
                       r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord)\.?\s+)?", I)
POSSESSIVE = re.compile(r"(?:['’]s?|['’])\s*(?:(?:own|tally\s+of|total\s+of|share\s+of|haul\s+of)\s+)?")
# Only these may stand between a name and its figure for the name to own it outright.
GLUE = re.compile(r"(?<!\s)(?:['’]s?)?\s*+(?:\([^)]{0,40}\)|,\s*+[^,:;.\d]{1,45}:)?\s*+[:,–-]?\s*+(?:\([^)]{0,25}\)\s*+)?"
                  r"(?:on|at|with|polled|got|won|took|received|secured|had|scored)?\s*+", I)
# "Labour won 262 and took 40 per cent": one subject, two vote verbs joined by "and", each with its figure.
_VOTE_VERB = r"(?:won|took|polled|got|secured|gained|received|lost|captured|attracted)"
TWO_VERBS = re.compile(rf"(?<!\s)\s+(?:[a-z]+ly\s+)?{_VOTE_VERB}\s+[\d,.]+(?:\s+(?:seats?|votes?|per\s*cent|%|MPs))?,?\s+and\s+"
                       rf"(?:[a-z]+ly\s+)?{_VOTE_VERB}\s+(?:just\s+|only\s+|about\s+|around\s+|nearly\s+|almost\s+)?")
# "... beating the incumbent Jane Smith, who polled 13,000": a relative clause's figure is its antecedent's.
RELATIVE_VERB = re.compile(rf"(?<!\s),\s+who\s+(?:[a-z]+ly\s+|had\s+|has\s+|then\s+)*(?:{_VOTE_VERB}|garnered|scored|"
                           rf"amassed|collected|mustered|picked\s+up|managed)\s+(?:just\s+|only\s+|about\s+|"
                           rf"around\s+|nearly\s+|almost\s+|some\s+)?", I)
VERB_BRIDGE = re.compile(
    r"(?<!\s)(?:,?\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,5}?,|,\s+[^,;\d]{1,70}?,|,\s+(?:who|whose|which)\b[^,;\d]{0,120},|"
    r"\s+(?:of|for|from)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?|"
    r"\s*+\([^()]{1,40}\)|\s+(?:incumbent|candidate|challenger|mayor|leader|nominee|rival|MP|contender|hopeful|"
    r"party|chief|boss))?(?:\s+(?:behind|ahead\s+of|after)\s+\w+)?\s+(?:(?:also|then|eventually|finally|only|just|"
    r"[a-z]+ly|had|has|have|was|were|who)\s+)*(?:polled|won|wins|took|takes|received|got|gets|secured|lost|gained|held|"
    r"retained|kept|shed|(?:came|finished|was|were)\s+(?:first|second|third|fourth|fifth|top|last)\s+in|"
    r"gained|attracted|garnered|scored|amassed|collected|picked\s+up|bagged|managed|mustered|scraped|drew|notched\s+up|"
    r"grabbed|claimed|finished\s+(?:on|with)|ended\s+(?:up\s+)?(?:on|with)|came\s+(?:\w+\s+)?(?:on|with)|"
    r"(?:was|is)\s+on|stood\s+at|had|held\s+on\s+(?:with|by)|(?:was\s+)?elected\s+with|on|at|with|"
    r"(?:led|won|finished|came|ended(?:\s+up)?|topped\s+the\s+poll|placed)(?:\s+\w+)?\s+(?:(?:on|in|after)\s+"
    r"(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s+)?(?:with|on)|"
    r"(?:came|come|comes|finished|finishes|placed|ended(?:\s+up)?|was|were|is|slipped\s+to|fell\s+to|dropped\s+to|"
    r"rose\s+to|climbed\s+to|trailed\s+in)(?:\s+(?:a|the|in|at))?(?:\s+(?:distant|close|strong|respectable|"
    r"disappointing|creditable|surprise|joint|equal|narrow|poor|lowly|humiliating|impressive|solid|clear|remote))?|"
    r"(?:was\s+)?(?:re-?)?elected\s+(?:\w+\s+){0,3}?with|increased\s+(?:his|her|their)\s+\w+\s+to|"
    r"saw\s+(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:rise|fall|drop|climb)\s+(?:to|by)|"
    r"[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,5}?\s+(?:with|on)|"
    r"[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,8}?\s+(?:win|won|take|took|get|got|poll|polled|secure|secured|gain|"
    r"gained|attract|attracted|muster|mustered|manage|managed|reach|reached|top|topped))"
    r"(?:\s+(?:a|an)(?:\s+(?!of\b)[\w-]+){1,2}?)?"  # "won a massive 39 per cent" (no lookahead: endpos hides the figure)
    r"(?:\s+(?:a\s+total\s+of|a\s+share\s+of|some|just|only|a\s+mere|nearly|almost|around|about|over|more\s+than|"
    r"fewer\s+than|less\s+than|under|up\s+to|at\s+least|just\s+over|just\s+under|roughly))*\s*+", I)
# "Berry's share rose by 5 points", "Khan's majority was 62,538": a measure the name owns, then the figure.
MEASURE_BRIDGE = re.compile(
    r"(?<!\s)(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}?(?:share|vote|tally|total|support|majority|lead|margin|turnout|haul|result)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:rose|fell|increased|decreased|dropped|climbed|slipped|grew|shrank|went\s+(?:up|down)|"
    r"was\s+(?:up|down)|is|was|of|stood\s+at|reached|hit|to|narrowed|widened|collapsed|slumped|jumped)"
    r"(?:\s+by\s+(?:[\w-]+\s+){1,5}?(?:percentage\s+)?(?:points?|per\s*cent)\s+to)?"  # "rose by two points to"
    r"(?:\s+(?:by|to|at))?(?:\s+(?:just|only|some|a\s+mere|nearly|almost|around|about|over|more\s+than|under))*\s*+", I)
# Between a subject and the words of a claim without a figure: "Khan has won a second term", "Hall, the Tory, was".
AUXILIARY = re.compile(r"(?<!\s)(?:['’]s)?(?:,\s+[^,;]{1,80},)?\s+(?:(?:has|have|had|was|were|is|are|been|being|also|then|"
                       r"duly|finally|eventually|comfortably|narrowly|easily|again|now|ultimately|just)\s+)*", I)
PARTICIPLE_OPEN = re.compile(r",\s+(?:\w+ly\s+)?(?:a\s+(?:\w+\s+)?(?:majority|margin|lead|gain|loss|haul|tally|total)\b|"
                             r"taking|winning|securing|polling|gaining|finishing|picking\s+up|"
                             r"getting|receiving|claiming|collecting|scoring|bagging|grabbing|ending\s+(?:up\s+)?"
                             r"(?:on|with)|coming|placing|with|on)\b", I)
ROLE_PATTERNS = (
    (re.compile(r"\bthe\s+(?:winner|victor|winning\s+candidate|successful\s+candidate)\b", I), "winner"),
    (re.compile(r"\bthe\s+(?:runner[\s-]up|second[\s-]placed\s+candidate)\b", I), "runner-up"),
    (re.compile(r"\b(?:no|none\s+of\s+the)\s+(?:other\s+)?(?:candidates?|one|contenders?)\b", I), "leader"),
)
# "his" and "her" stand for a candidate only before a figure or a word for one ("her 40%", "his share"),
# not as a determiner ("his Tory rival").
PRONOUN = re.compile(r"\b(?:he|she|him)\b|\b(?:his|her)\b(?=\s+(?:[\w-]+\s+)?(?:[\d£]|share|vote|votes|total|tally|"
                     r"haul|majority|lead|margin|support|result|showing|tally|count|first|second|final))", I)
# "It" only where it plainly stands for a party that wins something: "It achieved 14.3% ...", "its share".
PERSONS_PARTY = re.compile(r"['’]s?\s+(?:party|side|troops|MPs)\b", I)
PARTY_PRONOUN = re.compile(r"\b(?:they|their|the\s+party)\b|\b(?-i:It)(?=\s+(?:also\s+)?(?:won|took|achieved|secured|"
                           r"gained|polled|received|got|captured|came|finished|holds|held|lost)\b)|"
                           r"\bits(?=\s+(?:[\w-]+\s+){0,2}?(?:share|vote|seats|tally|total)\b)", I)

# People the ledger does not know: "Mr Smith", "Andy Burnham", or a capitalised word that wins votes.
UNKNOWN_PERSON = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s+(?P<t>[A-Z][\w’'-]*+)"
    r"|(?<![\w’'])(?P<full>[A-Z][a-z]++(?:[\s-][A-Z][a-z’'-]++)+)"
    r"|(?<![\w’'])(?P<single>[A-Z][a-z’'-]{2,}+)(?=\s+(?:won|took|polled|got|received|secured|had|gained|came|finished|"
    r"was\s+(?:second|third|fourth|fifth)|on\s+\d|with\s+\d)))")
APPOSITIVE = re.compile(r",\s+(?:the|a|an|who|whose|which|brother|sister|son|daughter|wife|husband|[a-z][\w-]*)\b"
                        r"[^,;]{0,120},\s", I)
# A party word followed by a role stands for one person: "the Labour leader", "the Conservative incumbent".
PARTY_ROLE = re.compile(r"(?<!\s)(?:['’]s)?\s+(?:candidate|leader|incumbent|MP|member|challenger|nominee|hopeful|contender|"
                        r"chairman|chair|frontbencher|minister|veteran|mayor)\b(?!\s+(?-i:[A-Z]))", I)
OBJECT_PRONOUN = re.compile(r"\b(?:behind|ahead\s+of|than|over|against|beat|beating|defeated|defeating|to|with|for|"
                            r"from|like|unlike|trailing|trailed)\s+$", I)
OBJECT_BEFORE = re.compile(r"\b(?:beat|beating|beaten|defeated|defeating|ousted|led|leads|leading|trailed|trailing|pipped|"
                           r"edged|overtook|outpolled|unseated|knocked|than|over|against|to|of|by|with|"
                           r"ahead\s+of|behind|for|from|and|like|unlike|including)\s+(?:\w+\s+){0,2}$", I)
PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|across|around|outside|inside|within|towards?|of)\s+$", I)
UNKNOWN_AFTER_PARTY = re.compile(r"(?<!\s)(?:['’]s?)?(?:\s+[a-z-]+){0,3}\s+(?P<name>[A-Z][a-z]++(?:\s+[A-Z][a-z’'-]++)+)")
NOT_NAMES = re.compile(
    r"^(?:The|A|An|In|On|At|After|Before|But|And|Or|For|With|While|When|This|That|It|He|She|They|We|His|Her|"
    r"Their|City|Hall|Mayor|Greater|Britain|British|English|UK|EU|Brexit|Covid|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Elects|Assembly|Government|Parliament|Westminster|Downing|Street|First|Second|Third|Full|Count|Turnout|"
    r"Party|Independent|Official|Results?|Election|Mayoral|General|Prime|Minister|Commons|House|Lords|Cabinet|"
    r"Shadow|Secretary|Chancellor|Leader|Deputy|Sir|Dame|Lord|North|South|East|West|Central|Labour|Conservative|"
    r"Conservatives|Tory|Tories|Liberal|Democrats?|Greens?|Reform|Scottish|Welsh|Irish|National|Kingdom|United)\b")


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    text: str
    persons: tuple[str, ...] = ()
    party: str | None = None
    role: str | None = None  # "winner", "runner-up", "leader" (for "no candidate won more than ...")
    pronoun: bool = False
    fuzzy: bool = False
    unknown: bool = False  # someone the ledger does not know ("Andy Burnham"); figures about them abstain
    ambiguous: bool = False  # a pronoun with more than one person it could refer to
    candidate: bool = False  # a party standing for its candidate ("the Labour leader", "the Tory candidate")

    @property
    def usable(self) -> bool:
        return bool(self.persons or self.party or self.role or self.pronoun or self.unknown)


@dataclass(frozen=True, slots=True)
class SubjectCue:
    anchor: Anchor
    strength: Strength
    cue: str
    adjacent: bool = False  # the name sits right by the figure (a row, "Khan's", "Khan 40%", "for Khan")


def sentence_anchors(text: str, start: int, end: int, entities: list[EntityMention],
                     previous_persons: tuple[str, ...], previous_party: str | None = None,
                     party_of: Callable[[str], str | None] | None = None) -> list[Anchor]:
    """Subjects a sentence offers, in order; party labels that only describe a named person are dropped.
    `party_of`: the party a person stood for in the article's election, for "Corbyn's party"."""
    people = [e for e in entities if e.kind is EntityKind.PERSON]
    anchors: list[Anchor] = []
    covered = [(e.start, e.end) for e in entities]
    for e in entities:
        if e.kind is EntityKind.PERSON:
            led = PERSONS_PARTY.match(text, e.end, end) if party_of is not None and len(e.ids) == 1 else None
            party = party_of(e.ids[0]) if led else None
            if led and party:
                # "Jeremy Corbyn's party took 12.9 million votes": the party, not the person
                anchors.append(Anchor(e.start, led.end(), text[e.start:led.end()], party=party))
                continue
            anchors.append(Anchor(e.start, e.end, e.text, persons=e.ids, fuzzy=e.fuzzy))
        elif e.kind is EntityKind.PARTY and not _describes_a_person(text, e, people):
            stranger = UNKNOWN_AFTER_PARTY.match(text, e.end, end)
            if stranger and not _overlaps(covered, stranger.start("name"), stranger.end("name")):
                anchors.append(Anchor(e.start, stranger.end("name"), text[e.start:stranger.end("name")], unknown=True))
            else:
                role = PARTY_ROLE.match(text, e.end, end)
                anchors.append(Anchor(e.start, role.end() if role else e.end, text[e.start:role.end()] if role else e.text,
                                      party=e.ids[0], candidate=bool(role)))
    for m in UNKNOWN_PERSON.finditer(text, start, end):
        group = next(g for g in ("t", "full", "single") if m.group(g))
        s0, s1 = m.start(group), m.end(group)
        name = m.group(group)
        if m.start() == start and group == "single":
            continue  # one capitalised word opening a sentence is not evidence of a name
        if group == "full" and PLACE_BEFORE.search(text, max(start, s0 - 12), s0):
            continue  # "born in Ladbroke Grove": a place, not a person
        if not _overlaps(covered, s0, s1) and not NOT_NAMES.match(name):
            anchors.append(Anchor(s0, s1, name, unknown=True))
    for pattern, role in ROLE_PATTERNS:
        for m in pattern.finditer(text, start, end):
            anchors.append(Anchor(m.start(), m.end(), m.group(0), role=role))
    for m in PRONOUN.finditer(text, start, end):
        if OBJECT_PRONOUN.search(text, max(start, m.start() - 20), m.start()):
            continue  # "behind him on 11.6%": the figure is not his
        # A pronoun refers to the nearest person named before it as a subject (not "beat Bailey", "than Fox"),
        # else to the previous sentence's subject; with two people named before it, it is a guess.
        named_before = [a for a in anchors if a.persons and not a.pronoun and a.end <= m.start() and len(a.persons) == 1]
        subjects_before = [a for a in named_before if not OBJECT_BEFORE.search(text, max(start, a.start - 25), a.start)]
        earlier = [a for a in anchors if a.pronoun and a.persons and a.end <= m.start()]
        referent = (subjects_before[-1].persons if subjects_before else earlier[-1].persons if earlier
                    else previous_persons)
        # "a blow for Fox, he ...": a person named as an object before it may still be who it means
        ambiguous = len({a.persons for a in subjects_before} | {referent}) > 1 or (
            not subjects_before and any(a.persons != referent for a in named_before))
        anchors.append(Anchor(m.start(), m.end(), m.group(0), persons=referent, pronoun=True, ambiguous=ambiguous))
    if previous_party:
        for m in PARTY_PRONOUN.finditer(text, start, end):
            if not any(a.party for a in anchors if a.end <= m.start()):
                # "it" may stand for much else than a party: what it gives is never firm
                anchors.append(Anchor(m.start(), m.end(), m.group(0), party=previous_party, pronoun=True,
                                      ambiguous=m.group(0).lower() in ("it", "its")))

    anchors.sort(key=lambda a: a.start)
    return anchors


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _describes_a_person(text: str, party: EntityMention, people: list[EntityMention]) -> bool:
    for person in people:
        if 0 <= person.start - party.end <= 40 and PARTY_BEFORE_PERSON.fullmatch(text, party.end, person.start):
            return True
        if 0 <= party.start - person.end <= 12 and PARTY_AFTER_PERSON.fullmatch(text, person.end, party.start):
            return True
    return False


def subjects(text: str, anchors: list[Anchor], start: int, end: int, clause: tuple[int, int],
             sentence: tuple[int, int], groupings: frozenset[str], row_label: int | None = None,
             carried: Anchor | None = None, coordinated: bool = False) -> list[SubjectCue]:
    """Who the figure at [start, end) may be about, strongest first.

    `row_label`: where the results row holding the figure names its candidate, if it is in one.
    Labels shared by unrelated candidates ("an independent") are never a subject.
    """
    usable = [a for a in anchors if a.usable and a.party not in groupings]
    # a name inside an aside ("Livingstone, expelled from the Labour Party for standing against its candidate,
    # was elected") describes the subject; it is not the subject
    asides = [(m.start(), m.end()) for m in APPOSITIVE.finditer(text, clause[0] + 1, start)]
    usable = [a for a in usable if not any(s0 < a.start and a.end < s1 for s0, s1 in asides)
              or not any(clause[0] <= a2.start < s0 for a2 in usable for s0, _ in asides)]
    found: dict[int, SubjectCue] = {}

    def offer(anchor: Anchor, strength: Strength, cue: str, adjacent: bool = False) -> None:
        if anchor.pronoun and strength is FIRM and (anchor.ambiguous or len(anchor.persons) != 1 and not anchor.party):
            strength = LIKELY
        current = found.get(anchor.start)
        if current is None or current.strength < strength or (current.strength == strength and adjacent):
            found[anchor.start] = SubjectCue(anchor, strength, cue, adjacent)

    antecedent = next((a for a in reversed(anchors) if a.usable and a.end <= start), None)
    if antecedent is not None and RELATIVE_VERB.fullmatch(text, antecedent.end, start):
        offer(antecedent, FIRM, f"'{antecedent.text}', who has the figure", adjacent=True)  # even inside an aside
    if coordinated and carried is not None:
        offer(carried, FIRM, f"'{carried.text}', like the figure before it in the clause")
    if row_label is not None:
        for a in usable:
            if a.start == row_label:
                offer(a, FIRM, "the name heading its results row", adjacent=True)
    before = [a for a in usable if a.end <= start]
    owner = before[-1] if before else None
    if owner is not None and POSSESSIVE.fullmatch(text, owner.end, start):
        offer(owner, FIRM, f"'{owner.text}'s' before it", adjacent=True)
    for a in usable:
        if a.start >= end and FOR_AFTER.fullmatch(text, end, a.start):
            offer(a, FIRM, f"'for {a.text}' after it", adjacent=True)
            break
    if owner is not None and owner.start >= clause[0] and GLUE.fullmatch(text, owner.end, start):
        offer(owner, FIRM, f"'{owner.text}' right before it", adjacent=True)
    if owner is not None and owner.start >= clause[0] and VERB_BRIDGE.fullmatch(text, owner.end, start):
        offer(owner, FIRM, f"'{owner.text}' with a vote verb")
    if owner is not None and owner.start >= clause[0] and TWO_VERBS.fullmatch(text, owner.end, start):
        offer(owner, FIRM, f"'{owner.text}' with a vote verb, after another")
    if owner is not None and owner.start >= clause[0] and AUXILIARY.fullmatch(text, owner.end, start):
        offer(owner, FIRM, f"'{owner.text}' as the subject")
    if owner is not None and owner.start >= clause[0] and MEASURE_BRIDGE.fullmatch(text, owner.end, start):
        offer(owner, FIRM, f"'{owner.text}'s' measure before it")
    in_clause = [a for a in before if a.start >= clause[0]]
    participle = PARTICIPLE_OPEN.match(text, clause[0]) if clause[0] > sentence[0] else None
    if participle and not any(a.persons or a.party or a.unknown for a in in_clause):
        # the participle shares the subject of the figure before it in the sentence, else of the main clause
        main = carried or main_subject(text, anchors, sentence[0], clause[0])
        if main is not None:
            offer(main, FIRM, f"'{main.text}', whose clause the participle continues")
    if in_clause:
        offer(in_clause[-1], LIKELY, f"'{in_clause[-1].text}' earlier in the clause")
        first = in_clause[0]
        if first is not in_clause[-1]:
            offer(first, LIKELY, f"'{first.text}' opening the clause")
    after = [a for a in usable if end <= a.start < clause[1] and a.start - end <= 60
             and not re.match(r"['’]s?\s+[\d£$]", text[a.end:a.end + 4])]
    if after:
        offer(after[0], LIKELY if not in_clause else POSSIBLE, f"'{after[0].text}' after it")
    for a in usable:
        if sentence[0] <= a.start < sentence[1]:
            offer(a, POSSIBLE, f"'{a.text}' in the sentence")
    return sorted(found.values(), key=lambda c: (-c.strength, abs(c.anchor.start - start)))


# A fronted phrase before the subject: "Following the Greens and the Lib Dems, Niko got ...".
FRONTED = re.compile(r"[“\x22'‘(]?(?:following|after|behind|ahead\s+of|like|unlike|with|in|on|despite|beating|trailing|"
                     r"alongside|besides|as\s+with|compared\s+(?:with|to))\b[^,;]{0,80},\s*", I)


def main_subject(text: str, anchors: list[Anchor], sentence_start: int, clause_start: int) -> Anchor | None:
    """The subject of the sentence's main clause: the first person or party named after any fronted phrase,
    and not a possessive modifier ("Livingstone's run")."""
    fronted = FRONTED.match(text, sentence_start, clause_start)
    begin = fronted.end() if fronted else sentence_start
    for a in anchors:
        if a.start < begin or a.start >= clause_start or a.unknown:
            continue
        if (a.persons or a.party) and not re.match(r"['’]s?\b", text[a.end:a.end + 2]):
            return a
    return None
