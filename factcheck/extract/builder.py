"""From mentions to claims: what each figure in each sentence claims, about whom, in which election.

A pure function of the article text, its mentions and the ledger index. Attribution is cautious:
when the subject or election is unsure the claim says why, and is later reported unverifiable.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from factcheck.extract import cues
from factcheck.extract.anchors import Anchor, pick_anchor, resolve, sentence_anchors
from factcheck.extract.claims import Claim
from factcheck.extract.election import ElectionChoice, election_for_year, resolve_article
from factcheck.extract.mentions import EntityKind, EntityMention, Mentions, Sentence
from factcheck.kinds import Kind, Round, Unit
from factcheck.ledger.index import LedgerIndex
from factcheck.numbers import NON_RESULT_UNITS, NumberMention, NumUnit, ordinal_value

_ROW_LABEL = re.compile(r"^[\s,:|–-]*(?:\(?[A-Z][\w'’&.-]*\)?[\s,:|–-]+){0,4}$")
_HEADING_WORDS = re.compile(r"^[\w&’'(),\s:-]{1,60}$")


class Extraction(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    election: ElectionChoice
    claims: tuple[Claim, ...]


def extract_claims(text: str, mentions: Mentions, index: LedgerIndex, *, forced_election: str | None = None,
                   published=None) -> Extraction:
    choice = resolve_article(text, mentions, index, forced_election, published)
    claims = _Builder(text, mentions, index, choice).run()
    return Extraction.model_construct(election=choice, claims=tuple(claims))


@dataclass
class _Section:
    """Context a table heading sets for the lines below it ("First Count", "Barnet & Camden")."""

    round: Round | None = None
    scope: str | None = None
    scope_text: str | None = None


@dataclass
class _Sentence:
    span: Sentence
    numbers: list[NumberMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    marks: dict[str, list[int]] = field(default_factory=dict)  # where each context cue starts, found once

    def cue_between(self, text: str, name: str, pattern: re.Pattern[str], start: int, end: int) -> bool:
        if name not in self.marks:
            self.marks[name] = [m.start() for m in pattern.finditer(text, self.span.start, self.span.end)]
        return any(start <= p < end for p in self.marks[name])


class _Builder:
    def __init__(self, text: str, mentions: Mentions, index: LedgerIndex, choice: ElectionChoice):
        self.text = text
        self.mentions = mentions
        self.index = index
        self.article = choice.election
        self.article_basis = choice.basis
        self.years = [n for n in mentions.numbers if n.unit is NumUnit.YEAR]
        self._sentence_year: int | None = None  # "In 2008 ..." or "Four years later ..." opening a sentence
        self._last_year: int | None = None
        self._last_place: EntityMention | None = None
        self._election_years = set(index.by_year)

    # -- driver --------------------------------------------------------------------------------
    def run(self) -> list[Claim]:
        sentences = self._bucket()
        claims: list[Claim] = []
        section = _Section()
        previous_persons: tuple[str, ...] = ()
        for s in sentences:
            if not s.numbers and not s.entities and s.span.end - s.span.start > 80:
                section = _Section()  # prose with nothing to claim ends any table section
                continue
            sentence_text = self.text[s.span.start:s.span.end]
            self._sentence_year = self._opening_year(s, sentence_text)
            places = [e for e in s.entities if e.kind is EntityKind.CONSTITUENCY]
            if places:
                self._last_place = places[-1]
            heading = self._heading(s, sentence_text)
            if heading is not None:
                section = heading
                continue
            if sentence_text.rstrip().endswith(".") and len(sentence_text.split()) >= 12:
                section = _Section()
            anchors = (sentence_anchors(self.text, s.span.start, s.span.end, s.entities, previous_persons)
                       if s.entities or s.numbers else [])
            previous_claim: Claim | None = None
            previous_number: NumberMention | None = None
            for number in s.numbers:
                claim = self._number_claim(s, number, anchors, section, previous_claim, previous_number)
                if claim is not None:
                    claims.append(claim)
                if claim is not None or number.unit not in _WORDS_AND_DATES:
                    previous_claim, previous_number = claim, number
            if anchors and cues.WORD_CLAIM_TRIGGER.search(sentence_text):
                claims.extend(self._word_claims(s, anchors, section))
            mentioned = [int(n.value) for n in s.numbers if n.unit is NumUnit.YEAR and n.value in self._election_years]
            if mentioned or self._sentence_year:
                self._last_year = mentioned[-1] if mentioned else self._sentence_year
            # the next sentence's pronouns usually refer to this sentence's subject (its first person, named or not)
            named = [a.persons for a in anchors if a.persons and len(a.persons) == 1 and s.span.start <= a.start]
            if named:
                previous_persons = named[0]
        return claims

    def _bucket(self) -> list[_Sentence]:
        out = [_Sentence(span) for span in _bounded(self.text, self.mentions.sentences)]
        starts = [s.span.start for s in out]
        for number in self.mentions.numbers:
            i = bisect.bisect_right(starts, number.start) - 1
            if i >= 0:
                out[i].numbers.append(number)
        for entity in self.mentions.entities:
            i = bisect.bisect_right(starts, entity.start) - 1
            if i >= 0:
                out[i].entities.append(entity)
        for s in out:
            if s.numbers or s.entities:
                sentence_text = self.text[s.span.start:s.span.end]
                s.breaks = [s.span.start + m.start() for m in cues.CLAUSE_BREAK.finditer(sentence_text)]
        return out

    def _heading(self, s: _Sentence, sentence_text: str) -> _Section | None:
        stripped = sentence_text.strip()
        if s.numbers and any(n.unit not in (NumUnit.ORDINAL,) for n in s.numbers):
            return None
        if not stripped or len(stripped.split()) > 8 or stripped.endswith(".") or not _HEADING_WORDS.match(stripped):
            return None
        if cues.FIRST_ROUND.search(stripped):
            return _Section(round=Round.FIRST)
        if cues.FINAL_ROUND.search(stripped):
            return _Section(round=Round.FINAL)
        places = [e for e in s.entities if e.kind is EntityKind.CONSTITUENCY]
        if len(places) == 1 and not [e for e in s.entities if e.kind is EntityKind.PERSON]:
            return _Section(scope=places[0].ids[0], scope_text=places[0].text)
        return None

    # -- numbers -------------------------------------------------------------------------------
    def _clause(self, s: _Sentence, start: int, end: int) -> tuple[int, int]:
        lo, hi = s.span.start, s.span.end
        for b in s.breaks:
            if b <= start:
                lo = b
            elif b >= end:
                hi = b
                break
        return lo, hi

    def _number_claim(self, s: _Sentence, number: NumberMention, anchors: list[Anchor], section: _Section,
                      previous_claim: Claim | None, previous_number: NumberMention | None) -> Claim | None:
        if number.unit in NON_RESULT_UNITS:
            return None
        text = self.text
        clause = self._clause(s, number.start, number.end)
        before, after = text[clause[0]:number.start], text[number.end:clause[1]]
        sentence_text = text[s.span.start:s.span.end]
        if (s.cue_between(text, "poll", cues.POLL, clause[0], number.start) or cues.POLL_AFTER.match(after)
                or s.cue_between(text, "national", cues.NATIONAL, s.span.start, s.span.end)
                or s.cue_between(text, "forecast", cues.FORECAST, clause[0], number.start)
                or s.cue_between(text, "other", cues.OTHER_CONTEST, s.span.start, max(number.start, clause[1]))):
            return None
        if number.unit is NumUnit.COUNT and cues.SEATS.match(after):
            return None
        if number.unit is NumUnit.PERCENT and cues.DEPOSIT.search(sentence_text) and self._is_threshold(number):
            return None  # "returned to anyone who wins 5 per cent": the rule, not a result
        before = _strip_hedge(before, number)
        annotation = self._annotates(previous_claim, previous_number, number)
        inherited = None if annotation else self._inherits(number, before, previous_claim, s)
        scoreline = None if annotation or inherited else self._scoreline(s, number, anchors)
        if annotation:
            kind, relation = annotation
        elif inherited:
            kind, relation = inherited.kind, "previous"
        elif scoreline:
            kind, relation = (Kind.SHARE if number.unit is NumUnit.PERCENT else Kind.VOTES), None
        else:
            kind, relation = self._kind(number, before, after, sentence_text)
        if kind is None and number.unit is NumUnit.ORDINAL and self._listed_rank(number, after, anchors):
            kind = Kind.RANK
        if kind is Kind.VOTES and self._continues_list(number, after, previous_claim, previous_number, anchors):
            kind, relation = previous_claim.kind, previous_claim.relation  # type: ignore[union-attr]
        if kind is None:
            return None
        anchor = self._subject_anchor(kind, number, before, clause, s, anchors) if not scoreline else scoreline
        if kind in (Kind.VOTES, Kind.SHARE) and annotation is None and not scoreline and not self._has_result_context(
                kind, number, before, after, anchor, sentence_text, section):
            kind, relation = Kind.UNKNOWN, None
        if kind is Kind.UNKNOWN and not cues.ELECTION_WORDS.search(sentence_text):
            return None
        election, basis, base_unsure = self._election(s, number, clause, relation, kind)
        round_, explicit = self._round(kind, before, after, sentence_text, section, previous_claim, annotation)
        scope, scope_text, scope_unsure = self._scope(s, number.start, clause, section)
        value, lo, hi = number.value, number.lo, number.hi
        unit = _unit_for(kind, number)
        if kind in (Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE) and not number.signed:
            direction = _direction(before[-40:] + " " + after[:30])
            if direction < 0:
                value, lo, hi = -value, -hi, -lo
            elif direction == 0:
                relation = "magnitude"
        claim = dict(kind=kind, round=round_, round_explicit=explicit, election=election, election_basis=basis,
                     value=value, lo=lo, hi=hi, unit=unit, qualifier=number.qualifier, relation=relation,
                     mention=number, text=number.text, start=number.start, end=number.end,
                     sentence_start=s.span.start, sentence_end=s.span.end, scope=scope, scope_text=scope_text,
                     unsure=scope_unsure or base_unsure)
        if kind is Kind.UNKNOWN:
            claim["unsure"] = "the text does not say what this figure counts"
        elif (annotation or inherited) and previous_claim is not None and kind not in _NO_SUBJECT:
            claim.update(subject=previous_claim.subject, subject_text=previous_claim.subject_text,
                         party=previous_claim.party)
            claim["unsure"] = claim["unsure"] or previous_claim.unsure
            if inherited and claim["election"] != previous_claim.election and previous_claim.subject and claim["election"]:
                self._reattribute(claim, previous_claim)
        else:
            self._attribute(claim, kind, anchor, anchors, clause, s)
        return Claim.model_construct(**claim)

    def _annotates(self, previous_claim: Claim | None, previous_number: NumberMention | None,
                   number: NumberMention) -> tuple[Kind, str | None] | None:
        """A percentage bracketed after a count describes it: "1,013,721 (40.05%, -4.19%)"."""
        if previous_claim is None or previous_number is None:
            return None
        if number.unit not in (NumUnit.PERCENT, NumUnit.POINTS):
            return None
        gap = self.text[previous_number.end:number.start]
        if not re.fullmatch(r"\s*[(,]?\s*(?:or|which\s+(?:was|is)|representing|equivalent\s+to|that\s+is|some|about)?"
                            r"\s*(?:first\s+preferences?|of\s+the\s+vote)?\s*", gap, re.IGNORECASE):
            return None
        derived = {
            Kind.VOTES: Kind.SHARE, Kind.BALLOTS: Kind.TURNOUT, Kind.MARGIN_VOTES: Kind.MARGIN_POINTS,
            Kind.SHARE: Kind.SHARE_CHANGE, Kind.TURNOUT: Kind.TURNOUT_CHANGE,
        }.get(previous_claim.kind)
        if derived is None:
            return None
        if previous_claim.kind in (Kind.SHARE, Kind.TURNOUT) and not number.signed:
            return None
        if previous_claim.kind in (Kind.VOTES, Kind.BALLOTS) and number.signed:
            return None
        return derived, None

    def _kind(self, number: NumberMention, before: str, after: str, sentence: str) -> tuple[Kind | None, str | None]:
        unit = number.unit
        near = before[-60:]
        if unit is NumUnit.ORDINAL:
            if (cues.RANK_AFTER_PLACE.match(after) or cues.RANK_FORCED.search(before)
                    or (cues.RANK_BEFORE.search(near) and cues.RANK_AFTER_END.match(after))):
                return Kind.RANK, None
            return None, None
        if unit in (NumUnit.PERCENT, NumUnit.POINTS, NumUnit.FRACTION):
            if cues.THRESHOLD.search(near[-30:]):
                return None, None
            turnout = _cue_before(cues.TURNOUT, before[-120:]) or cues.TURNOUT.search(after[:45])
            if cues.FROM_BEFORE.search(near):
                return (Kind.TURNOUT if turnout else Kind.SHARE), "previous"
            changed = number.signed or cues.CHANGE_BEFORE.search(near) or cues.CHANGE_AFTER.match(after)
            if cues.SWING.search(near[-20:] + after[:20]):
                return Kind.SHARE_CHANGE, "swing"
            if turnout:
                return (Kind.TURNOUT_CHANGE if changed else Kind.TURNOUT), None
            if cues.MARGIN_BEFORE.search(near) or cues.MARGIN_AFTER.match(after):
                return Kind.MARGIN_POINTS, None
            if changed:
                return Kind.SHARE_CHANGE, None
            if unit is NumUnit.POINTS:
                return Kind.UNKNOWN, None
            return Kind.SHARE, None
        # counts
        if abs(number.value) < 1000 and number.hi - number.lo <= 1:
            if (cues.CANDIDATES_AFTER.match(after) or cues.CANDIDATES_BEFORE.search(near)) and not cues.PART_OF_FIELD.search(near):
                if not cues.DEPOSIT.search(after[:40]):
                    return Kind.CANDIDATES, None
            if cues.DEPOSIT.search(after[:80]) or cues.DEPOSIT.search(near[-30:]):
                return Kind.DEPOSITS, "lost" if cues.DEPOSIT_LOST.search(after[:80]) else "kept"
            if (cues.MARGIN_BEFORE.search(near) or cues.BY_BEFORE.search(near)) and cues.VOTES_AFTER.match(after):
                return Kind.MARGIN_VOTES, None
            if number.value >= 100 and not number.words and cues.VOTES_AFTER.match(after):
                return Kind.VOTES, None
            return None, None
        if (cues.MARGIN_BEFORE.search(near) or cues.MARGIN_AFTER.match(after)
                or (cues.BY_BEFORE.search(near) and cues.VOTES_AFTER.match(after) and not cues.CHANGE_BEFORE.search(near))):
            return Kind.MARGIN_VOTES, None
        if cues.ELECTORATE_BEFORE.search(near) or cues.ELECTORATE_AFTER.match(after):
            return Kind.ELECTORATE, None
        if cues.REJECTED_BEFORE.search(near) or cues.REJECTED_AFTER.match(after):
            return Kind.REJECTED, None
        if (cues.VALID_BEFORE.search(near) or cues.VALID_AFTER.match(after)) and not cues.VOTE_VERB_BEFORE.search(near[-30:]):
            return Kind.VALID_VOTES, None
        if cues.BALLOTS_BEFORE.search(near) or cues.BALLOTS_AFTER.match(after):
            return Kind.BALLOTS, None
        if cues.TRANSFER_BEFORE.search(near) or cues.TRANSFER_AFTER.match(after):
            return Kind.TRANSFERS, None
        return Kind.VOTES, None

    def _has_result_context(self, kind: Kind, number: NumberMention, before: str, after: str,
                            anchor: Anchor | None, sentence: str, section: _Section) -> bool:
        """A bare figure is a vote count or share only if the words around it say so."""
        glued = anchor is not None and anchor.end <= number.start and cues.GLUE.match(self.text[anchor.end:number.start])
        glued = glued or (anchor is not None and anchor.start >= number.end
                          and cues.FOR_ANCHOR.match(self.text[number.end:anchor.start]))
        # a results row: "Ram Gidoomal  CPA  42,060" (a short line of a name, a label and a figure)
        glued = glued or (anchor is not None and anchor.end <= number.start and len(sentence.split()) <= 10
                          and _ROW_LABEL.match(self.text[anchor.end:number.start]))
        if kind is Kind.VOTES:
            return bool(cues.VOTES_AFTER.match(after) or cues.VOTE_VERB_BEFORE.search(before[-60:]) or glued
                        or section.round or cues.FIRST_ROUND.search(after[:40]) or cues.FINAL_ROUND.search(before)
                        or cues.FIRST_ROUND.search(before[-50:]) or cues.TOTAL_BEFORE.search(before[-40:])
                        or cues.BACKED_AFTER.match(after))
        return bool(glued or cues.SHARE_CONTEXT.search(sentence) or section.round)

    def _election(self, s: _Sentence, number: NumberMention, clause: tuple[int, int], relation: str | None,
                  kind: Kind | None = None) -> tuple[str | None, str | None, str | None]:
        """(election, why, unsure): a year beside the figure wins; a change's year is its baseline."""
        year, base = self._year_for(number, clause)
        if kind in (Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE) and year is not None and base:
            base_election = election_for_year(self.index, year)
            if base_election and self.article and self.index.previous(self.article) == base_election:
                return self.article, self.article_basis, None
            if base_election and not self.article:
                later = self.index.order[self.index.order.index(base_election) + 1:]
                if later:
                    return later[0], f"change since {year}", None
            return self.article, self.article_basis, (
                f"the change is measured from {year}; the ledger derives change since the previous election")
        if year is not None and not base:
            eid = election_for_year(self.index, year)
            if eid:
                return eid, f"{year} named beside the figure", None
        clause_text = self.text[clause[0]:clause[1]]
        if kind in (Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE):
            return self.article, self.article_basis, None  # "down 4 points on four years ago": the baseline
        if relation == "previous" or cues.PREVIOUS_ELECTION.search(clause_text):
            if self.article:
                previous = self.index.previous(self.article)
                return previous, (f"the election before {self.article}" if previous else None), None
            return None, None, None
        return self.article, self.article_basis, None

    def _opening_year(self, s: _Sentence, sentence_text: str) -> int | None:
        """A year that frames a whole sentence: "In 2008 ...", "Four years later ..."."""
        lead = sentence_text.lstrip()[:40]
        offset = s.span.start + len(sentence_text) - len(sentence_text.lstrip())
        for y in self.years:
            if offset <= y.start < offset + 30 and re.match(r"\W*(?:(?:and|but|then|by)\s+)?(?:in|at|for|by)\s+(?:the\s+)?$",
                                                            self.text[offset:y.start], re.IGNORECASE):
                return int(y.value)
        later = cues.YEARS_LATER.match(lead) or cues.YEARS_LATER.search(lead[:25])
        if later and self._last_year:
            n = later.group("n").lower()
            years = int(n) if n.isdigit() else {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8}[n]
            sign = -1 if later.group("dir").lower() in ("earlier", "before") else 1
            return self._last_year + sign * years
        return None

    def _year_for(self, number: NumberMention, clause: tuple[int, int]) -> tuple[int | None, bool]:
        """The election year written beside a figure, and whether it is a baseline ("up on 2016", "than in 2016").

        A year after the figure counts when nothing but words lies between; a year before it only
        when it opens the clause ("In 2016, Khan won ...") or is possessive ("2016's 57 per cent").
        """
        after = [y for y in self.years if number.end <= y.start < clause[1]]
        for y in after:
            between = self.text[number.end:y.start]
            if (not re.search(r"\d", between) and len(between) <= 60 and not re.search(r"[,;]\s+(?:and|but|while)\b", between)
                    and not cues.SINCE_BEFORE.search(self.text[max(0, y.start - 20):y.start])):
                return int(y.value), bool(cues.BASE_BEFORE_YEAR.search(between))
        if cues.THIS_TIME.search(self.text[clause[0]:number.start]):
            return self._sentence_year, False
        before = [y for y in self.years if clause[0] <= y.start and y.end <= number.start]
        for y in reversed(before):
            if re.search(r"\d", self.text[y.end:number.start]) or cues.SINCE_BEFORE.search(self.text[max(0, y.start - 20):y.start]):
                continue
            if _inside_aside(self.text, clause[0], y.start, number.start):
                continue  # "Khan, first elected in 2016, won ...": the year belongs to the aside
            if re.search(r"\d\s*(?:%|per\s*cent|pc|votes?|points?|preferences?)?\s+(?:in|of)\s+$",
                         self.text[max(clause[0], y.start - 30):y.start], re.IGNORECASE):
                continue  # "from 44.2 per cent in 2016 to 40 per cent": the year belongs to the earlier figure
            return int(y.value), False
        if self._sentence_year:
            return self._sentence_year, False
        return None, False

    def _continues_list(self, number: NumberMention, after: str, previous_claim: Claim | None,
                        previous_number: NumberMention | None, anchors: list[Anchor]) -> bool:
        """"102,355 second preferences, Johnson 82,880": a list keeps counting the same thing."""
        if previous_claim is None or previous_number is None or previous_claim.kind not in (Kind.TRANSFERS, Kind.VOTES):
            return False
        if previous_claim.sentence_start > number.start or cues.VOTES_AFTER.match(after):
            return False
        between = [a for a in anchors if previous_number.end <= a.start and a.end <= number.start and a.persons]
        if len(between) != 1:
            return False
        anchor = between[0]
        return bool(re.fullmatch(r"[^.;\d]{0,40}?,\s*(?:and\s+|while\s+|whereas\s+)?", self.text[previous_number.end:anchor.start])
                    and re.fullmatch(r"[\s:]*(?:on\s+|with\s+|(?:picked\s+up|got|received|took|gained|won|had|"
                                     r"secured|collected)\s+(?:just\s+|only\s+)?)?", self.text[anchor.end:number.start]))

    def _is_threshold(self, number: NumberMention) -> bool:
        thresholds = {float(e.deposit_threshold) for e in self.index.elections.values()}
        return any(t - 1e-9 <= number.value < t + 1e-9 for t in thresholds)

    def _inherits(self, number: NumberMention, before: str, previous_claim: Claim | None,
                  s: _Sentence) -> Claim | None:
        """"40.5 per cent, down from 42.2 per cent": the second figure is the same quantity, earlier."""
        if previous_claim is None or previous_claim.sentence_start != s.span.start:
            return None
        if not cues.FROM_BEFORE.search(before[-40:]):
            return None
        if previous_claim.kind in _INHERITABLE and (previous_claim.unit is Unit.PERCENT) == (number.unit is NumUnit.PERCENT):
            return previous_claim
        return None

    def _reattribute(self, claim: dict, previous_claim: Claim) -> None:
        """The earlier figure belongs to the same candidate or, failing that, the same party's candidate."""
        facts = self.index.facts(claim["election"])
        person = previous_claim.subject[0]
        if person in facts.candidates:
            return
        party = self.index.facts(previous_claim.election).party_of(person) if previous_claim.election else None
        same_party = facts.persons_of_party(party) if party else []
        if party and len(same_party) == 1 and not self.index.registry.parties[party].grouping:
            claim["subject"] = (same_party[0],)
        else:
            claim["unsure"] = claim["unsure"] or f"{facts.name(person)} did not stand in {facts.election.name}"

    def _scoreline(self, s: _Sentence, number: NumberMention, anchors: list[Anchor]) -> Anchor | None:
        """"145,184 to 145,114" after two names: the figures go to the names in order."""
        if number.unit not in (NumUnit.COUNT, NumUnit.PERCENT) or number.qualifier:
            return None
        numbers = [n for n in s.numbers if n.unit is number.unit]
        i = next(k for k, n in enumerate(numbers) if n is number)
        position = None
        if i + 1 < len(numbers) and cues.SCORELINE.match(self.text[number.end:numbers[i + 1].start]):
            position, first = 0, number
        elif i > 0 and cues.SCORELINE.match(self.text[numbers[i - 1].end:number.start]):
            position, first = 1, numbers[i - 1]
        if position is None:
            return None
        people: list[Anchor] = []
        for a in anchors:
            if a.persons and not a.pronoun and a.end <= first.start and a.persons not in [p.persons for p in people]:
                people.append(a)
        if len(people) < 2:
            return None
        second_start = numbers[i + 1].start if position == 0 else number.start
        if any(a.end <= second_start and a.start > first.end for a in anchors if a.persons):
            return None  # "Khan 1,206,034 to Bailey's 977,601": each figure has its own name
        return people[-2] if position == 0 else people[-1]

    def _listed_rank(self, number: NumberMention, after: str, anchors: list[Anchor]) -> bool:
        """"Brian Paddick fourth on 4.2 per cent": an ordinal straight after a name."""
        return any(a.persons and a.end <= number.start and re.fullmatch(r"[\s,]*", self.text[a.end:number.start])
                   for a in anchors) and bool(cues.RANK_AFTER_END.match(after))

    def _subject_anchor(self, kind: Kind, number: NumberMention, before: str, clause: tuple[int, int],
                        s: _Sentence, anchors: list[Anchor]) -> Anchor | None:
        text = self.text
        groupings = self._groupings
        if kind is Kind.RANK and cues.FOR_PLACE.search(before[-30:]):
            beat = None
            for beat in cues.BEAT.finditer(text, clause[0], number.start):
                pass
            if beat is not None:
                winner = pick_anchor(text, [a for a in anchors if a.end <= beat.start()], beat.start(), beat.end(),
                                     clause, s.span.start, groupings)
                if winner is not None:
                    return winner
        if kind in (Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE):
            return pick_anchor(text, [a for a in anchors if a.end <= number.start], number.start, number.end, clause,
                               s.span.start, groupings)
        if cues.PARTICIPLE_CLAUSE.match(text, clause[0]) and not any(
                clause[0] <= a.start and a.end <= number.start and (a.persons or a.party) for a in anchors):
            subject = _main_subject(text, anchors, s.span.start, clause[0])
            if subject is not None:
                return subject  # "Khan won Barnet and Camden, taking 74,927 votes": the main clause's subject
        chosen = pick_anchor(text, anchors, number.start, number.end, clause, s.span.start, groupings)
        if chosen is not None and chosen.end <= number.start and cues.AND_VERB.search(text[chosen.end:number.start]):
            subject = next((a for a in anchors if a.start >= s.span.start and (a.persons or a.party) and not a.pronoun
                            and not a.unknown), None)
            if subject is not None and subject is not chosen:
                return subject
        return chosen

    @cached_property
    def _groupings(self) -> frozenset[str]:
        return frozenset(pid for pid, p in self.index.registry.parties.items() if p.grouping)

    def _round(self, kind: Kind, before: str, after: str, sentence: str, section: _Section,
               previous_claim: Claim | None, annotation) -> tuple[Round, bool]:
        if kind not in _ROUNDED:
            return Round.UNSTATED, False
        if annotation is not None and previous_claim is not None:
            return previous_claim.round, previous_claim.round_explicit
        if kind is Kind.TRANSFERS:
            return Round.FINAL, True
        window_before, window_after = before[-70:], after[:50]
        cues_found = _round_cues(window_before, window_after)
        if cues_found:
            distance, round_ = min(cues_found)
            return round_, distance <= 25 or len({r for _, r in cues_found}) == 1
        if section.round:
            return section.round, True
        # A cue elsewhere in the sentence is a hint only: the verifier may try the other round.
        return _nearest_round(sentence, len(before)), False

    def _scope(self, s: _Sentence, position: int, clause: tuple[int, int],
               section: _Section) -> tuple[str | None, str | None, str | None]:
        if cues.LONDON_WIDE.search(self.text[clause[0]:clause[1]]):
            return None, None, None
        places = [e for e in s.entities if e.kind is EntityKind.CONSTITUENCY]
        if places:
            chosen = min(places, key=lambda e: (e.start > position, abs(e.start - position)))
            return chosen.ids[0], chosen.text, None
        if self._last_place is not None and cues.THE_CONSTITUENCY.search(self.text[clause[0]:clause[1]]):
            return self._last_place.ids[0], self._last_place.text, None
        boroughs = [e for e in s.entities if e.kind is EntityKind.BOROUGH
                    and re.search(r"\b(?:in|across|of|for)\s+(?:the\s+)?$", self.text[max(0, e.start - 12):e.start])]
        if boroughs:
            b = boroughs[0]
            return None, b.text, f"the figure is for {b.text}, and the ledger has no borough-level results"
        if section.scope:
            return section.scope, section.scope_text, None
        return None, None, None

    def _attribute(self, claim: dict, kind: Kind, anchor: Anchor | None, anchors: list[Anchor],
                   clause: tuple[int, int], s: _Sentence) -> None:
        election = claim["election"]
        if kind in _NO_SUBJECT or (kind is Kind.DEPOSITS and claim["unit"] is Unit.COUNT):
            return
        if election is None:
            claim["unsure"] = claim["unsure"] or "could not tell which election the article is about"
            return
        facts = self.index.facts(election)
        if kind in (Kind.MARGIN_VOTES, Kind.MARGIN_POINTS):
            named: list[str] = []
            for a in anchors:
                if s.span.start <= a.start < s.span.end and (a.persons or a.party) and not a.pronoun:
                    people, _ = resolve(a, facts)
                    named.extend(p for p in people if p not in named)
            scope = claim["scope"]
            top_two = set(facts.order(Round.FINAL if facts.is_runoff and not scope else Round.FIRST, scope)[:2])
            if len(named) >= 2 and not set(named[:2]) <= top_two:
                claim["subject"] = tuple(named[:2])
            return
        if anchor is None:
            claim["unsure"] = claim["unsure"] or "no candidate or party is named with this figure"
            return
        people, why = resolve(anchor, facts)
        claim.update(subject=people, subject_text=anchor.text, party=anchor.party)
        if why:
            claim["unsure"] = claim["unsure"] or why

    # -- claims without a number -----------------------------------------------------------------
    def _word_claims(self, s: _Sentence, anchors: list[Anchor], section: _Section) -> list[Claim]:
        text = self.text
        sentence = text[s.span.start:s.span.end]
        if cues.NATIONAL.search(sentence) or cues.OTHER_CONTEST.search(sentence):
            return []
        out: list[Claim] = []
        for m in cues.RUNNER_UP.finditer(sentence):
            start, end = s.span.start + m.start(), s.span.start + m.end()
            if _speculative(sentence[:m.start()][-40:]):
                continue
            clause = self._clause(s, start, end)
            anchor = pick_anchor(text, anchors, start, end, clause, s.span.start, self._groupings)
            out.append(self._word_claim(s, Kind.RANK, start, end, anchor, clause, section, value=2.0))
        for pattern, relation in ((cues.MORE_VOTES_THAN, "more"), (cues.FEWER_VOTES_THAN, "fewer"), (cues.BEAT, "beat")):
            for m in pattern.finditer(sentence):
                claim = self._comparison(s, anchors, section, s.span.start + m.start(), s.span.start + m.end(), relation)
                if claim is not None:
                    out.append(claim)
        for m in cues.WINNER.finditer(sentence):
            start, end = s.span.start + m.start(), s.span.start + m.end()
            clause = self._clause(s, start, end)
            lead = text[clause[0]:start]
            if _speculative(lead):
                continue
            anchor = pick_anchor(text, [a for a in anchors if a.end <= start], start, end, clause, s.span.start,
                                     self._groupings)
            if anchor is None or anchor.unknown:
                continue
            term = cues.TERM.search(text[start:min(clause[1], end + 40)])
            out.append(self._word_claim(s, Kind.WINNER, start, end, anchor, clause, section, value=1.0,
                                        relation=f"term:{ordinal_value(term.group('n'))}" if term else None))
        for pattern, relation in ((cues.LOST_OWN_DEPOSIT, "lost"), (cues.KEPT_OWN_DEPOSIT, "kept")):
            for m in pattern.finditer(sentence):
                start, end = s.span.start + m.start(), s.span.start + m.end()
                clause = self._clause(s, start, end)
                if _speculative(text[clause[0]:start]):
                    continue
                anchor = pick_anchor(text, [a for a in anchors if a.end <= start], start, end, clause, s.span.start,
                                     self._groupings)
                if anchor is not None and anchor.party is None and not anchor.role:
                    out.append(self._word_claim(s, Kind.DEPOSITS, start, end, anchor, clause, section,
                                                value=1.0, relation=relation))
        return out

    def _comparison(self, s: _Sentence, anchors: list[Anchor], section: _Section, start: int, end: int,
                    relation: str) -> Claim | None:
        clause = self._clause(s, start, end)
        if _speculative(self.text[clause[0]:start]):
            return None
        first = pick_anchor(self.text, [a for a in anchors if a.end <= start], start, end, clause, s.span.start,
                            self._groupings)
        second = next((a for a in anchors if end <= a.start <= end + 60), None)
        if first is None or second is None or first.role or second.role or first.unknown or second.unknown:
            return None  # a comparison with someone outside the ledger is about another contest
        claim = self._word_claim(s, Kind.COMPARISON, start, end, first, clause, section, value=1.0, relation=relation)
        if claim.election is None or claim.unsure:
            return claim
        b, why = resolve(second, self.index.facts(claim.election))
        if why or b == claim.subject:
            return claim.model_copy(update={"unsure": why or "compares a candidate with themself"})
        return claim.model_copy(update={"subject": claim.subject + b,
                                        "subject_text": f"{claim.subject_text} / {second.text}"})

    def _word_claim(self, s: _Sentence, kind: Kind, start: int, end: int, anchor: Anchor | None,
                    clause: tuple[int, int], section: _Section, value: float, relation: str | None = None) -> Claim:
        pseudo = NumberMention.model_construct(start=start, end=end, text=self.text[start:end], value=value,
                                               lo=value, hi=value, unit=NumUnit.ORDINAL)
        election, basis, _ = self._election(s, pseudo, clause, None)
        scope, scope_text, scope_unsure = self._scope(s, start, clause, section)
        claim = dict(kind=kind, round=Round.UNSTATED, election=election, election_basis=basis, value=value,
                     lo=value, hi=value, unit=Unit.RANK if kind is Kind.RANK else Unit.FLAG, relation=relation,
                     text=self.text[start:end], start=start, end=end, sentence_start=s.span.start,
                     sentence_end=s.span.end, scope=scope, scope_text=scope_text, unsure=scope_unsure)
        self._attribute(claim, kind, anchor, [], clause, s)
        return Claim.model_construct(**claim)


# Mentions that never break a list of figures ("102,355 second preferences, Johnson 82,880").
_WORDS_AND_DATES = NON_RESULT_UNITS | {NumUnit.ORDINAL}
_INHERITABLE = frozenset({Kind.SHARE, Kind.VOTES, Kind.TURNOUT, Kind.MARGIN_VOTES, Kind.MARGIN_POINTS, Kind.ELECTORATE,
                          Kind.BALLOTS})
_NO_SUBJECT = frozenset({Kind.TURNOUT, Kind.TURNOUT_CHANGE, Kind.ELECTORATE, Kind.BALLOTS, Kind.REJECTED,
                         Kind.VALID_VOTES, Kind.CANDIDATES, Kind.UNKNOWN})
_ROUNDED = frozenset({Kind.VOTES, Kind.SHARE, Kind.MARGIN_VOTES, Kind.MARGIN_POINTS, Kind.SHARE_CHANGE,
                      Kind.TRANSFERS, Kind.RANK})


def _unit_for(kind: Kind, number: NumberMention) -> Unit:
    if kind is Kind.RANK:
        return Unit.RANK
    if kind in (Kind.CANDIDATES, Kind.DEPOSITS):
        return Unit.COUNT
    if number.unit in (NumUnit.PERCENT, NumUnit.FRACTION):
        return Unit.POINTS if kind in (Kind.MARGIN_POINTS, Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE) else Unit.PERCENT
    if number.unit is NumUnit.POINTS:
        return Unit.POINTS
    return Unit.VOTES


def _direction(context: str) -> int:
    negative = bool(cues.NEGATIVE.search(context))
    positive = bool(cues.POSITIVE.search(context))
    return -1 if negative and not positive else 1 if positive and not negative else 0




def _main_subject(text: str, anchors: list[Anchor], sentence_start: int, clause_start: int) -> Anchor | None:
    """The first person or party named in the sentence that is not a possessive modifier ("Livingstone's run")."""
    for a in anchors:
        if a.start < sentence_start or a.start >= clause_start or a.unknown:
            continue
        if (a.persons or a.party) and not re.match(r"['’]s?\b", text[a.end:a.end + 2]):
            return a
    return None


MAX_SENTENCE = 1_000  # longer "sentences" are run-on text (a pasted feed, a table on one line)


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


def _inside_aside(text: str, clause_start: int, year_start: int, number_start: int) -> bool:
    """Whether a year sits in a comma-delimited aside ("Khan, first elected in 2016, won ...") that closes
    before the figure; a bare time phrase (", in 2016,") dates the main clause instead."""
    opening = text.rfind(",", clause_start, year_start)
    closing = text.find(",", year_start, number_start)
    if opening < 0 or closing < 0 or re.match(r",\s+(?:and|but|while|then)\b", text[opening:opening + 8]):
        return False
    return not re.fullmatch(r",\s*(?:in|at|by)\s+(?:the\s+)?\d{4}(?:\s+(?:election|contest|race|poll))?\s*,",
                            text[opening:closing + 1])


def _strip_hedge(before: str, number: NumberMention) -> str:
    """Text before a figure without its hedge, so "by more than 300,000" still reads "by"."""
    if number.qualifier_text and not number.qualifier_text.startswith(("+", "-plus", "or")):
        return re.sub(rf"{re.escape(number.qualifier_text)}\s+(?:a\s+)?$", "", before, flags=re.IGNORECASE)
    return before


def _speculative(lead: str) -> bool:
    """Polls, predictions, hopes and denials do not claim a result."""
    return bool(cues.POLL.search(lead) or cues.HYPOTHETICAL.search(lead) or cues.NEGATION.search(lead[-25:]))


def _round_cues(before: str, after: str) -> list[tuple[int, Round]]:
    """(distance, round) for each round cue near a figure; labels before a figure count as nearer."""
    found = []
    for pattern, round_ in ((cues.FIRST_ROUND, Round.FIRST), (cues.FINAL_ROUND, Round.FINAL)):
        found += [(len(before) - m.end(), round_) for m in pattern.finditer(before)]
        found += [(m.start() + 10, round_) for m in pattern.finditer(after)]
    return found


def _nearest_round(sentence: str, position: int) -> Round:
    best, distance = Round.UNSTATED, 10**9
    for pattern, round_ in ((cues.FIRST_ROUND, Round.FIRST), (cues.FINAL_ROUND, Round.FINAL)):
        for m in pattern.finditer(sentence):
            d = min(abs(m.start() - position), abs(m.end() - position))
            if d < distance:
                best, distance = round_, d
    return best


def _cue_before(pattern: re.Pattern[str], before: str) -> bool:
    """The cue occurs before the figure with no other percentage in between."""
    last = None
    for last in pattern.finditer(before):
        pass
    return last is not None and not re.search(r"\d\s*(?:%|per\s*cent|pc\b|points?)", before[last.end():], re.IGNORECASE)
