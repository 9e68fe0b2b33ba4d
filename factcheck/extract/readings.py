"""From mentions to claims: each figure with the readings its sentence allows, strongest first.

The decisions live in their own modules (what the figure counts: what.py; whose it is: who.py; which
round: rounds.py; which election: when.py; which contest: where.py; negation, modality and time:
frame.py; rows, tables and headings: structure.py; other bodies: bodies.py; figures read against the one
before them: sequence.py). This module only walks the
article and combines their proposals into readings. A pure function of the text, its mentions and the ledger.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from factcheck.extract import sequence, structure, what, who
from factcheck.extract.bodies import about_another_body
from factcheck.extract.claims import Claim, Reading, Strength
from factcheck.extract.context import ArticleText, Sent, build, paragraph_break
from factcheck.extract.election import ElectionChoice, resolve_article, within_family
from factcheck.extract.frame import Frame, frame_of, stated
from factcheck.nlp.mentions import EntityKind, EntityMention, Mentions
from factcheck.extract.resolve import resolve
from factcheck.extract.rounds import round_for
from factcheck.extract.when import Timeline
from factcheck.extract.where import Focus, ScopeCue, area_focus_of, focus_of, scope_for
from factcheck.extract.words import WordCue, word_cues
from factcheck.kinds import Kind, Round, Unit
from factcheck.ledger.index import LedgerIndex
from factcheck.numbers import NON_RESULT_UNITS, NumberMention, NumUnit

I = re.IGNORECASE
# Figures a general election has per contest as well as in total: with no place named, either may be meant.
# Figures only a whole election or a nation has: seats and their changes.
NATIONAL_ONLY = frozenset({Kind.SEATS, Kind.SEAT_CHANGE, Kind.MAJORITY_SEATS, Kind.PLACE_COUNT})
CONTEST_TOTALS = frozenset({Kind.TURNOUT, Kind.ELECTORATE, Kind.BALLOTS, Kind.REJECTED, Kind.VALID_VOTES,
                            Kind.CANDIDATES, Kind.DEPOSITS, Kind.MARGIN_VOTES, Kind.MARGIN_POINTS})
# Totals a general-election article that names no constituency can only mean for the whole election.
WHOLE_TOTALS = frozenset({Kind.TURNOUT, Kind.ELECTORATE, Kind.BALLOTS, Kind.REJECTED, Kind.VALID_VOTES})
NO_SUBJECT = frozenset({Kind.TURNOUT, Kind.TURNOUT_CHANGE, Kind.ELECTORATE, Kind.BALLOTS, Kind.REJECTED,
                        Kind.VALID_VOTES, Kind.CANDIDATES, Kind.UNKNOWN})
MARGINS = frozenset({Kind.MARGIN_VOTES, Kind.MARGIN_POINTS})
ASIDE_PARTY = re.compile(r"\b(?:counting|including|excluding|plus|without|besides)\s+(?:the\s+)?$", I)
# An article about one contest names it, or its candidates, in its headline or first lines.
LEDE_SENTENCES, LEDE_CHARS = 4, 300
COMPARED = re.compile(r"\b(?:ahead\s+of|over|behind|than|beat(?:ing)?|defeat(?:ed|ing)?|clear\s+of|short\s+of)\b", I)
SUM_BEFORE = re.compile(r"=\s*(?:\(?\s*total\s*\)?\s*)?$", I)


class Extraction(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    election: ElectionChoice
    claims: tuple[Claim, ...]


def extract_claims(text: str, mentions: Mentions, index: LedgerIndex, *, forced_election: str | None = None,
                   published=None, choice: ElectionChoice | None = None) -> Extraction:
    """`choice`, when given, is the article's election decided elsewhere (a best fit on its figures)."""
    choice = choice or resolve_article(text, mentions, index, forced_election, published)
    mentions = within_family(mentions, index, choice.election)
    claims = _Builder(build(text, mentions), mentions, index, choice).run()
    return Extraction.model_construct(election=choice, claims=tuple(claims))


class _Builder:
    def __init__(self, article: ArticleText, mentions: Mentions, index: LedgerIndex, choice: ElectionChoice):
        self.article, self.text, self.index, self.choice = article, article.text, index, choice
        election = choice.election
        self.offices = (index.elections[election].office,) if election else tuple(index.offices())
        # a family that fills seats contest by contest (a general election); unknown election: any that does
        self.contested = bool(election and index.elects_seats(election))
        self.seats = self.contested or (not election and any(index.elects_seats(e) for e in index.order))
        self.runoff = bool(election and index.facts(election).is_runoff)
        self.timeline = Timeline(self.text, list(mentions.numbers), index, election, choice.basis,
                                 Strength.FIRM if choice.firm else Strength.LIKELY)
        self.groupings = frozenset(pid for pid, p in index.registry.parties.items() if p.grouping)
        self.focus = self._focus(mentions, election) if self.contested else None
        self.area_focus = area_focus_of(list(mentions.entities)) if self.contested else None
        self.unplaced = self.contested and not any(e.kind is EntityKind.CONSTITUENCY for e in mentions.entities)
        self.breaks = paragraph_break(self.text)
        self.paragraph: tuple[int, list[EntityMention]] = (-1, [])  # the paragraph's start and the contests it names
        self.paragraph_areas: list[EntityMention] = []  # the nations and regions its earlier sentences name
        self.heading_place: EntityMention | None = None  # the one seat the last results subheading names
        self.last_place: EntityMention | None = None
        self.last_place_paragraph = -1  # where the paragraph that named it starts
        self.carried: who.Anchor | None = None
        self.carried_at: int | None = None

    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        section = structure.Section()
        previous_persons: tuple[str, ...] = ()
        previous_party: str | None = None
        for s in self.article.sentences:
            text = self.text[s.start:s.end]
            self.sentence = s
            heading = structure.heading(self.article, s)
            if heading is not None or self._subheading(s):
                # a results heading naming one seat ("Kirkcaldy and Cowdenbeath") heads the prose under it; any other
                # subheading ("What it means"), or a headline, ends that
                seats = {e.ids[0] for e in s.entities if e.kind is EntityKind.CONSTITUENCY}
                self.heading_place = next((e for e in s.entities if e.kind is EntityKind.CONSTITUENCY), None) \
                    if len(seats) == 1 and heading is not None else None
            if heading is not None:
                section = _merge(section, heading)
                if not heading.rows_follow:
                    continue
            elif not s.numbers and not s.entities:
                if len(text.strip()) > 80:
                    section = structure.Section()  # prose with nothing to claim ends any table section
                continue
            elif text.rstrip().endswith(".") and len(text.split()) >= 12:
                section = structure.Section()
            places = [e for e in s.entities if e.kind is EntityKind.CONSTITUENCY]
            if places:
                self.last_place, self.last_place_paragraph = places[-1], self.text.rfind(self.breaks, 0, s.start)
            paragraph = self.text.rfind(self.breaks, 0, s.start)
            if paragraph != self.paragraph[0]:
                self.paragraph = (paragraph, [])
                self.paragraph_areas = []
            self.paragraph[1].extend(places)
            self.timeline.open_sentence(s.start, s.end)
            anchors = who.sentence_anchors(self.text, s.start, s.end, s.entities, previous_persons, previous_party,
                                           self._party_of)
            previous = sequence.Previous()
            self.carried, self.carried_at = None, None  # the firm subject of the last figure in this sentence
            for number in s.numbers:
                claim = self._figure(s, number, anchors, section, previous)
                if claim is not None:
                    claims.append(claim)
                bracketed = previous.number is not None and sequence.BRACKET_OPEN.fullmatch(self.text, previous.number.end,
                                                                                   number.start)
                if not bracketed and (claim is not None or number.unit not in NON_RESULT_UNITS | {NumUnit.ORDINAL}):
                    # a bracketed figure annotates the one before it; a list goes on from that one:
                    # "297 (-22) seats, Labour 227 (+21)"
                    previous = sequence.Previous(claim, number)
            if anchors and not about_another_body(self.text, s.start, s.end, self.offices):
                claims.extend(self._word_claim(s, cue, anchors, section) for cue in
                              word_cues(self.text, s.start, s.end, anchors, s.clause, self._pick))
            self.timeline.close_sentence(s.start, s.end)
            self.paragraph_areas.extend(e for e in s.entities if e.kind is EntityKind.AREA)
            # the next sentence's pronouns usually refer to this sentence's subject: its first person, named or not
            named = [a.persons for a in anchors if a.persons and len(a.persons) == 1 and s.start <= a.start]
            if named:
                previous_persons = named[0]
            # "It achieved ... behind the Tories": still the party; "Counting the Speaker as one of them, they ...": not him
            parties = [a.party for a in anchors if a.party and not ASIDE_PARTY.search(self.text, max(0, a.start - 20), a.start)]
            if parties:
                previous_party = parties[0]
        return sorted(claims, key=lambda c: (c.start, c.end))

    # -- figures -------------------------------------------------------------------------------------
    def _figure(self, s: Sent, number: NumberMention, anchors: list[who.Anchor], section: structure.Section,
                previous: sequence.Previous) -> Claim | None:
        if number.unit in NON_RESULT_UNITS or section.other_body:
            return None
        text = self.text
        clause = s.clause(number.start, number.end)
        if about_another_body(text, s.start, s.end, self.offices):
            return None
        frame = frame_of(text, clause, (s.start, s.end), number.start, number.end, number.qualifier,
                         number.qualifier_text)
        if frame.skip:
            return None
        before = _strip_hedge(text[clause[0]:number.start], number)
        after = text[number.end:clause[1]]
        row = structure.row_of(self.article, s, number, section)
        if row is None:
            row, anchors = self._card(number, anchors)
        inherited = sequence.inherited(text, s, number, before, previous, self.timeline)
        if inherited is not None:
            return self._claim(s, number, Frame(), inherited)
        pair = sequence.scoreline(self.text, s, number, anchors)
        listed = sequence.listed(self.text, number, previous, anchors)
        if row is not None and row.column is not None and row.column.kind is not None:
            kinds = [what.KindCue(row.column.kind, Strength.FIRM, "its table column", round=row.column.round)]
        elif row is not None and row.label is None:
            # a row of totals: its opening words say what the figures count
            kinds = [k._replace_strength(Strength.FIRM) for k in
                     what.kinds(number, row.label_text + " ", "", row.label_text, seats=self.seats)]
        elif row is not None and SUM_BEFORE.search(text, row.start, number.start):
            kinds = [what.KindCue(Kind.VOTES, Strength.FIRM, "the total of a sum", round=Round.FINAL)]
        elif listed is not None:
            kinds = [listed]
        else:
            kinds = what.kinds(number, before, after, text[s.start:s.end], seats=self.seats)
            if pair is not None:
                kinds = [k._replace_strength(Strength.FIRM) if k.kind in (Kind.VOTES, Kind.SHARE) else k
                         for k in kinds if k.kind not in MARGINS] or [
                    what.KindCue(Kind.SHARE if number.unit is NumUnit.PERCENT else Kind.VOTES, Strength.FIRM, "a score")]
            if row is not None:
                # a row without a header it fits says little of a figure that is signed, a decimal count, or
                # small enough to be seats
                loose = number.signed or (number.unit is NumUnit.COUNT and number.decimals > 0)
                sure = Strength.LIKELY if self.seats and number.unit is NumUnit.COUNT and number.value < 1000 \
                    else Strength.FIRM
                kinds = [k if k.kind not in (Kind.VOTES, Kind.SHARE) else
                         what.KindCue(k.kind, sure, "a results row", k.relation, k.round) for k in kinds]
                if not kinds and not loose and number.unit in (NumUnit.COUNT, NumUnit.PERCENT) and number.value >= 1:
                    kinds = [what.KindCue(Kind.VOTES if number.unit is NumUnit.COUNT else Kind.SHARE,
                                          sure, "a results row")]
                if row.counts > 1 and self.runoff and kinds and kinds[0].kind is Kind.VOTES and kinds[0].round is None:
                    # a row of several counts without headings: first round, transfers, final round
                    kinds.append(what.KindCue(Kind.TRANSFERS, Strength.FIRM, "a results row of several counts"))
        if not kinds and number.unit is NumUnit.ORDINAL and _listed_place(text, anchors, number, after):
            kinds = [what.KindCue(Kind.RANK, Strength.FIRM, "a place straight after a name")]
        if any(k.kind is Kind.SHARE for k in kinds) and DEPOSIT.search(text, s.start, s.end) and \
                number.value in self.index.deposit_thresholds():
            return None  # "returned to anyone who wins 5 per cent": the rule, not a result
        if not kinds:
            return None
        readings: list[Reading] = []
        for cue in kinds:
            readings += self._readings(s, number, cue, anchors, clause, before, after, section, row, pair, frame)
        return self._claim(s, number, frame, readings) if readings else None

    def _readings(self, s: Sent, number: NumberMention, cue: what.KindCue, anchors: list[who.Anchor],
                  clause: tuple[int, int], before: str, after: str, section: structure.Section,
                  row: structure.Row | None, pair: who.Anchor | None, frame: Frame) -> list[Reading]:
        kind, relation = cue.kind, cue.relation
        if kind in (Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE) and not number.signed:
            direction = sequence.direction(before[-40:] + " " + after[:30])
            relation = relation or ("magnitude" if direction == 0 else None)
        if row is not None and row.column is not None and row.column.year is not None:
            when = self.timeline.dated(row.column.year, Strength.FIRM)  # a column headed by an election's year
        else:
            when = self.timeline.when(clause, number.start, number.end, kind, relation)
        round_, explicit = round_for(kind, before, after, self.text[s.start:s.end], number.start - s.start,
                                     cue.round, section.round)
        out: list[Reading] = []
        whens = [when] + [w for w in [self.timeline.notional(when), self.timeline.carried(when)] if w is not None]
        scopes = self._scopes(kind, scope_for(self.text, s, clause, number.start, section.scope, self.last_place,
                                              self.seats))
        for when in whens:
            for scope in scopes:
                out += self._scoped(s, number, cue, kind, relation, when, round_, explicit, scope, anchors, clause,
                                    row, pair, frame)
        return out

    def _subheading(self, s: Sent) -> bool:
        """A short line standing alone, without a full stop: "What it means", "Kirkcaldy and Cowdenbeath"."""
        start, end = self.article.line_of(s.start)
        line = self.text[start:end].strip()
        return 0 < len(line) <= 60 and line[-1] not in ".!?;:," and self.text[s.start:s.end].strip() == line

    def _party_of(self, person: str) -> str | None:
        """The party a person stood for in the article's election."""
        election = self.choice.election
        return self.index.facts(election).party_of(person) if election else None

    def _card(self, number: NumberMention, anchors: list[who.Anchor]) -> tuple[structure.Row | None, list[who.Anchor]]:
        """A value of a results card ("LAB / 411 / +211"), read as a row headed by the card's name, when the page
        says what the cards count."""
        card = structure.card_of(self.article, number)
        if card is None:
            return None, anchors
        label, position = card
        kind = structure.card_kind(self.article, number, position, self.seats)
        if kind is None:
            return None, anchors
        start, end = self.article.line_of(number.start)
        person = label.kind is EntityKind.PERSON
        name = who.Anchor(label.start, label.end, label.text, persons=label.ids if person else (),
                          party=None if person else label.ids[0])
        return structure.Row(label=label, start=start, end=end, column=structure.Column(kind)), [name, *anchors]

    def _scopes(self, kind: Kind, scope: ScopeCue) -> list[ScopeCue]:
        """Where a general election's figure with no place named belongs: the one contest its paragraph names, else
        the contest or nation the article is about, each beside the whole election as the other reading."""
        if not self.contested or scope.scope is not None or scope.whole or scope.unsure:
            return [scope]
        national = ScopeCue(None, None, Strength.LIKELY if kind in CONTEST_TOTALS else Strength.FIRM, fallback=True)
        named = {e.ids[0] for e in self.paragraph[1]}
        if self.heading_place is not None and kind not in NATIONAL_ONLY and named <= {self.heading_place.ids[0]}:
            place = self.heading_place
            return [ScopeCue(place.ids[0], place.text, Strength.FIRM), national]
        if len(named) == 1 and kind not in NATIONAL_ONLY:
            place = self.paragraph[1][-1]
            return [ScopeCue(place.ids[0], place.text, Strength.FIRM), national]
        if len({e.ids[0] for e in self.paragraph_areas}) == 1:
            # "Across Scotland ... . Labour won seven seats": the nation an earlier sentence of the paragraph names,
            # or the whole election; neither is fixed by this sentence
            area = self.paragraph_areas[-1]
            return [ScopeCue(area.ids[0], area.text, Strength.LIKELY, area=True),
                    ScopeCue(None, None, Strength.LIKELY, fallback=True)]
        if kind in NATIONAL_ONLY:
            return [scope]
        if self.focus is not None:
            return [ScopeCue(self.focus.contest, self.focus.name, Strength.FIRM if self.focus.firm else Strength.LIKELY),
                    national]
        if self.area_focus is not None and kind not in CONTEST_TOTALS:
            aid, name = self.area_focus
            return [ScopeCue(aid, name, Strength.LIKELY, area=True), national]
        if kind in WHOLE_TOTALS and self.unplaced:
            return [scope]  # no contest named anywhere in the article: the whole election's turnout
        if kind in CONTEST_TOTALS:
            return [national]
        if self.last_place is not None and self._recent(self.last_place_paragraph):
            # "... won Sheffield Hallam. // Labour's vote increased by 2.6 per cent": that seat, or the whole
            # election; the sentence does not say which
            place = self.last_place
            return [ScopeCue(place.ids[0], place.text, Strength.LIKELY), ScopeCue(None, None, Strength.LIKELY,
                                                                                 fallback=True)]
        return [scope]

    def _recent(self, paragraph: int) -> bool:
        """Whether the paragraph starting at `paragraph` is this one or the one just before it."""
        here = self.paragraph[0]
        return paragraph == here or self.text.rfind(self.breaks, 0, max(0, here)) == paragraph

    def _scoped(self, s: Sent, number: NumberMention, cue: what.KindCue, kind: Kind, relation: str | None, when,
                round_: Round, explicit: bool, scope: ScopeCue, anchors: list[who.Anchor], clause: tuple[int, int],
                row: structure.Row | None, pair: who.Anchor | None, frame: Frame) -> list[Reading]:
        base = dict(kind=kind, round=round_, round_explicit=explicit, election=when.election,
                    election_basis=when.basis, relation=relation, scope=scope.scope, scope_text=scope.text)
        strength = min(cue.strength, when.strength, scope.strength)
        base["settled"] = when.strength is Strength.FIRM and (not scope.scope or scope.strength is Strength.FIRM)
        cues = (cue.cue,) + ((f"election: {when.basis}",) if when.basis else ()) + (
            (f"contest: {scope.text}",) if scope.text else ())
        unsure = when.unsure or scope.unsure or (frame.unsure if frame else None)
        if kind in NO_SUBJECT or (kind is Kind.DEPOSITS and relation in ("kept", "lost") and number.unit is NumUnit.COUNT):
            return [Reading.model_construct(**base, strength=strength, cues=cues, unsure=unsure)]
        if kind in MARGINS:
            return [self._margin(base, clause, s.start, anchors, strength, cues, unsure)]
        offers = ([who.SubjectCue(pair, Strength.FIRM, "its place in a score")] if pair is not None else
                  who.subjects(self.text, anchors, number.start, number.end, clause, (s.start, s.end), self.groupings,
                               row.label.start if row is not None and row.label else None, self.carried,
                               sequence.coordinated(self.text, self.carried_at if self.carried else None, clause, number, anchors)))
        if frame.no_one:
            offers = [o for o in offers if o.anchor.role == "leader"] or offers
        if not offers:
            if kind in NATIONAL_ONLY:
                return []  # "the Commons has 650 seats": seats no party won are how many there are
            return [Reading.model_construct(**base, strength=Strength.POSSIBLE, cues=cues,
                                            unsure=unsure or "no candidate or party is named with this figure")]
        if offers[0].strength is Strength.FIRM:
            self.carried, self.carried_at = offers[0].anchor, number.end
        out = []
        # ... unless it is small enough to count a party's seats where seats are elected ("SF 7 (+3)")
        maybe_seats = self.seats and kind is Kind.VOTES and number.value < 1000
        for offer in offers[:4]:
            # a bare count or percentage right by a name ("Khan 1,013,721", "Bailey's 35%") is that name's result
            party_only = offer.anchor.party is not None and not offer.anchor.persons
            loose = not (offer.adjacent and kind in (Kind.VOTES, Kind.SHARE)) or (maybe_seats and party_only)
            own = strength if loose else min(Strength.FIRM, when.strength, scope.strength)
            out.append(self._attribute(base, offer, min(own, offer.strength), cues + (offer.cue,), unsure, scope))
        return out

    def _attribute(self, base: dict, offer: who.SubjectCue, strength: Strength, cues: tuple[str, ...],
                   unsure: str | None, scope: ScopeCue) -> Reading:
        anchor, election = offer.anchor, base["election"]
        fields = dict(base, subject_text=anchor.text, party=anchor.party)
        if election is None:
            return Reading.model_construct(**fields, strength=strength, cues=cues,
                                           unsure=unsure or "could not tell which election this is about")
        if anchor.persons and not anchor.party and base["kind"] in NATIONAL_ONLY and len(anchor.persons) == 1 and \
                self.index.elects_seats(election):
            # "Starmer's party won a majority of 172": seats are the person's party's
            party = self.index.facts(election).party_of(anchor.persons[0])
            if party is not None:
                anchor = who.Anchor(anchor.start, anchor.end, anchor.text, party=party)
                fields = dict(fields, party=party)
        if anchor.candidate and self.index.elects_seats(election):
            # "the Labour leader won 18,884 votes": the party's candidate where the article is
            contest = base["scope"] if base["scope"] and not scope.area else self._local_contest()
            if contest is None:
                return Reading.model_construct(**fields, strength=strength, cues=cues,
                                               unsure=unsure or f"cannot tell which candidate {anchor.text!r} means")
            people, why = resolve(anchor, self.index.facts(election), contest)
            return Reading.model_construct(**dict(fields, scope=contest), subject=people, strength=min(strength, Strength.LIKELY),
                                           cues=cues, unsure=unsure or why)
        if anchor.party and self.index.elects_seats(election) and (not scope.scope or scope.area):
            if scope.fallback:
                strength = min(strength, Strength.LIKELY)  # the article is about a contest or nation: maybe that
            return Reading.model_construct(**fields, strength=strength, cues=cues, unsure=unsure)  # a party's total
        facts = self.index.facts(election)
        prefer = self.focus.contest if self.focus is not None and election == self.choice.election else None
        people, why = resolve(anchor, facts, None if scope.area else base["scope"], prefer)
        return Reading.model_construct(**fields, subject=people, strength=strength, cues=cues, unsure=unsure or why)

    def _margin(self, base: dict, clause: tuple[int, int], sentence_start: int, anchors: list[who.Anchor],
                strength: Strength, cues: tuple[str, ...], unsure: str | None) -> Reading:
        """A margin is between the top two, unless the sentence names two others ("third place by 70 votes")."""
        election = base["election"]
        if election is None:
            return Reading.model_construct(**base, strength=strength, cues=cues,
                                           unsure=unsure or "could not tell which election this is about")
        facts = self.index.facts(election)
        named: list[str] = []
        for a in anchors:
            if clause[0] <= a.start < clause[1] and (a.persons or a.party):
                people, _ = resolve(a, facts, base["scope"])
                named.extend(p for p in people if p not in named)
        compared = COMPARED.search(self.text, clause[0], clause[1])
        if len(named) == 1 and compared:
            # "- just 20,000 votes ahead of Mrs Kramer": the other side is the sentence's subject
            subject = self.carried or who.main_subject(self.text, anchors, sentence_start, clause[0])
            if any(clause[0] <= a.start < compared.start() and (a.persons or a.party) for a in anchors):
                subject = None  # the clause names its own subject: "Boris' 3-point margin over Ken"
            if subject is not None:
                people, _ = resolve(subject, facts, base["scope"])
                named = [p for p in people if p not in named] + named
        if (base["scope"] is None or base["scope"] in self.index.registry.areas) and self.index.elects_seats(election):
            # a general election's majority is a contest's: the one its candidates stood in, or the article's
            seats = {c for p in named for c in facts.contests_of(p)}
            contest = next(iter(seats)) if len(seats) == 1 else self._local_contest()
            base = dict(base, scope=contest, scope_text=facts.contest(contest).name if contest else None)
            if contest is None:
                return Reading.model_construct(**base, strength=strength, cues=cues,
                                               unsure=unsure or "no constituency is named with this majority")
        round_ = Round.FINAL if facts.is_runoff and not base["scope"] else Round.FIRST
        top_two = set(facts.order(round_, base["scope"])[:2])
        # "Blackie edged out Garbett for third by 70 votes": a margin between two others, named in its clause
        subject = tuple(named[:2]) if len(named) >= 2 and not set(named[:2]) <= top_two else ()
        return Reading.model_construct(**base, subject=subject, strength=strength, cues=cues, unsure=unsure)

    def _local_contest(self) -> str | None:
        """The contest the current paragraph names alone, else the one the article is about."""
        named = {e.ids[0] for e in self.paragraph[1]}
        if len(named) == 1:
            return next(iter(named))
        return self.focus.contest if self.focus is not None else None

    def _focus(self, mentions: Mentions, election: str) -> Focus | None:
        facts = self.index.facts(election)
        persons = {e.ids[0] for e in mentions.entities if e.kind is EntityKind.PERSON and len(e.ids) == 1}
        contests_of = {p: c[0] for p in persons for c in [facts.contests_of(p)] if len(c) == 1}
        names = {c: facts.contest(c).name for c in set(contests_of.values()) | {
            e.ids[0] for e in mentions.entities if e.kind is EntityKind.CONSTITUENCY} if facts.contest(c) is not None}
        lede = [x for x in self.article.sentences if self.text[x.start:x.end].strip()][:LEDE_SENTENCES]
        lede_end = max(lede[-1].end if lede else 0, LEDE_CHARS)
        return focus_of(list(mentions.entities), frozenset(names), contests_of, names, lede_end)

    def _claim(self, s: Sent, number: NumberMention, frame: Frame, readings: list[Reading],
               unsure: str | None = None) -> Claim:
        readings.sort(key=lambda r: (-r.strength, r.unsure is not None))
        top = readings[0] if readings else None
        kind = top.kind if top else Kind.UNKNOWN
        value, lo, hi = number.value, number.lo, number.hi
        if top and top.kind in (Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE, Kind.SEAT_CHANGE) and not number.signed:
            # the same words as the readings were given: the figure's clause ("fell by 15 points, while ... climbed")
            lo_end, hi_end = s.clause(number.start, number.end)
            direction = (-1 if top.relation == "loss" else 1) if top.kind is Kind.SEAT_CHANGE else sequence.direction(
                self.text[max(lo_end, number.start - 40):number.start] + " " + self.text[number.end:min(hi_end,
                                                                                                  number.end + 30)])
            if direction < 0:
                value, lo, hi = -value, -hi, -lo
        fields = top.model_dump(exclude={"strength", "cues", "unsure", "settled"}) if top else {}
        return Claim.model_construct(
            **{"kind": kind, **fields}, value=value, lo=lo, hi=hi, unit=_unit_for(kind, number),
            qualifier=stated(number, frame), mention=number, text=number.text, start=number.start, end=number.end,
            sentence_start=s.start, sentence_end=s.end, readings=tuple(readings),
            unsure=unsure or (top.unsure if top and all(r.unsure for r in readings) else None))

    # -- figures that lean on the one before --------------------------------------------------------------
    # -- word claims ------------------------------------------------------------------------------------
    def _pick(self, anchors: list[who.Anchor], start: int, end: int, clause: tuple[int, int]) -> who.SubjectCue | None:
        s = self.sentence
        offers = who.subjects(self.text, anchors, start, end, clause, (s.start, s.end), self.groupings)
        likely = [o for o in offers if o.strength >= Strength.LIKELY]
        return likely[0] if likely else None

    def _word_claim(self, s: Sent, cue: WordCue, anchors: list[who.Anchor], section: structure.Section) -> Claim:
        clause = s.clause(cue.start, cue.end)
        when = self.timeline.when(clause, cue.start, cue.end, cue.kind, None)
        scope = scope_for(self.text, s, clause, cue.start, section.scope, self.last_place, self.seats)
        base = dict(kind=cue.kind, election=when.election, election_basis=when.basis, relation=cue.relation,
                    scope=scope.scope, scope_text=scope.text)
        strength = min(cue.strength, when.strength)
        reading = self._attribute(base, who.SubjectCue(cue.anchor, cue.strength, f"'{cue.anchor.text}'"), strength,
                                  (f"'{self.text[cue.start:cue.end]}'",), when.unsure or scope.unsure, scope)
        if cue.other is not None and reading.election and not reading.unsure:
            other, why = resolve(cue.other, self.index.facts(reading.election), base["scope"])
            if why or other == reading.subject:
                reading = reading.model_copy(update={"unsure": why or "compares a candidate with themself"})
            else:
                reading = reading.model_copy(update={"subject": reading.subject + other,
                                                     "subject_text": f"{reading.subject_text} / {cue.other.text}"})
        unit = Unit.RANK if cue.kind is Kind.RANK else Unit.FLAG
        return Claim.model_construct(
            **reading.model_dump(exclude={"strength", "cues", "unsure", "settled"}), value=cue.value, lo=cue.value, hi=cue.value,
            unit=unit, text=self.text[cue.start:cue.end], start=cue.start, end=cue.end, sentence_start=s.start,
            sentence_end=s.end, readings=(reading,), unsure=reading.unsure)


DEPOSIT = re.compile(r"\bdeposits?\b", I)
LISTED_GAP = re.compile(r"(?<![\s,])[\s,]*+")


def _listed_place(text: str, anchors: list[who.Anchor], number: NumberMention, after: str) -> bool:
    """"Brian Paddick fourth on 4.2 per cent": an ordinal straight after a name."""
    return any((a.persons or a.party) and a.end <= number.start and LISTED_GAP.fullmatch(text, a.end, number.start)
               for a in anchors) and bool(what.RANK_AFTER_END.match(after))


def _merge(section: structure.Section, heading: structure.Section) -> structure.Section:
    if heading.columns is not None:
        return structure.Section(round=section.round, scope=section.scope, columns=heading.columns,
                                 label_cells=heading.label_cells)
    return heading


def _unit_for(kind: Kind, number: NumberMention) -> Unit:
    if kind is Kind.RANK:
        return Unit.RANK
    if kind in (Kind.CANDIDATES, Kind.DEPOSITS, Kind.SEATS, Kind.SEAT_CHANGE, Kind.MAJORITY_SEATS, Kind.PLACE_COUNT):
        return Unit.COUNT
    if kind in (Kind.MARGIN_POINTS, Kind.SHARE_CHANGE, Kind.TURNOUT_CHANGE):
        return Unit.POINTS
    if kind in (Kind.SHARE, Kind.TURNOUT) or number.unit in (NumUnit.PERCENT, NumUnit.FRACTION):
        return Unit.PERCENT  # a share printed without its sign in a column or list of shares is still a share
    if number.unit is NumUnit.POINTS:
        return Unit.POINTS
    return Unit.VOTES


def _strip_hedge(before: str, number: NumberMention) -> str:
    """Text before a figure without its hedge, so "by more than 300,000" still reads "by"."""
    if number.qualifier_text and not number.qualifier_text.startswith(("+", "-plus", "or")):
        hedge = number.qualifier_text.lower()
        stripped = before.rstrip()
        if stripped.lower().endswith(hedge):
            return stripped[:len(stripped) - len(hedge)].rstrip() + " "
        if stripped.lower().endswith(hedge + " a"):
            return stripped[:len(stripped) - len(hedge) - 2].rstrip() + " "
    return before
