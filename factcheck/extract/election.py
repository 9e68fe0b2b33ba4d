"""Which election an article is about.

Evidence is weighed, never taken from one cue: a published date or dateline, "second/third term" with the
winner's name, the candidates named (a name that stood once says more than one that stood four times), the
contests named, result figures that appear verbatim in one election's record, years, and the words for what
the election is for ("mayoral", "general election", taken from the ledger's office names). An article needs
evidence of identity (its people, contests or figures) before a date can choose between elections; one about
an election the ledger does not hold (another city's mayor, an earlier general election) gets none.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict

from pydantic import BaseModel, ConfigDict

from factcheck.extract.bodies import other_mayoralty
from factcheck.extract.what import SEATS_AFTER
from factcheck.nlp.mentions import EntityKind, EntityMention, Mentions
from factcheck.ledger.index import LedgerIndex
from factcheck.numbers import NumUnit, ordinal_value

I = re.IGNORECASE
_LEDE_CHARS = 400
COMPARED_YEAR = re.compile(r"\b(?:from|since|on|than|over|compared\s+(?:with|to)|against|versus)\s+(?:in\s+)?"
                           r"(?:the\s+)?$", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%B %d, %Y", "%b %d, %Y",
                 "%A %d %B %Y", "%A, %d %B %Y", "%A %B %d, %Y", "%A, %B %d, %Y")
DATELINE = re.compile(r"\b(?:date|published|posted|updated|first\s+published)\b\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2}|"
                      r"\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4})|^[A-Z][A-Z ]{2,30},\s+(?P<wire>\d{1,2}\s+\w+\s+\d{4}|"
                      r"\w+\s+\d{1,2},?\s+\d{4})\s*[-–—(]", I | re.MULTILINE)
TERM = re.compile(r"\b(?P<n>second|third|fourth|2nd|3rd|4th)\s+(?:consecutive\s+|successive\s+|straight\s+|"
                  r"four-year\s+|full\s+)?term\b", I)
REELECTED = re.compile(r"\b(?:re-?elect(?:ed|ion)|held\s+on|hold\s+on|retain(?:ed|s)?|kept\s+(?:his|her)\s+job|"
                       r"another\s+term|(?:second|third|fourth)\s+(?:successive|consecutive|straight)\s+"
                       r"(?:win|victory|term))\b", I)


class ElectionChoice(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    election: str | None
    basis: str  # the evidence, for the report
    firm: bool = False  # the evidence clearly singles this election out
    scores: dict[str, float] = {}
    candidates: tuple[str, ...] = ()  # when undecided: the elections the evidence points between


def parse_date(text: str) -> dt.date | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def dateline(text: str) -> dt.date | None:
    """A published date near the top of the article ("date 2021-05-08", "Published: 8 May 2021", "LONDON, 8 May 2021 -")."""
    m = DATELINE.search(text[:600])
    if not m:
        return None
    return parse_date(m.group("date") or m.group("wire"))


def resolve_article(text: str, mentions: Mentions, index: LedgerIndex, forced: str | None = None,
                    published: dt.date | None = None) -> ElectionChoice:
    if forced:
        return ElectionChoice.model_construct(election=forced, basis="forced with --election", firm=True)
    scores: dict[str, float] = defaultdict(float)
    identity: dict[str, float] = defaultdict(float)  # evidence that the article is about this very election
    reasons: dict[str, list[str]] = defaultdict(list)

    def add(eid: str, score: float, reason: str, identifies: bool = True) -> None:
        scores[eid] += score
        if identifies:
            identity[eid] += score
        reasons[eid].append(reason)

    persons = _named_people(mentions, index)
    for person in persons:
        stood = index.candidacies.get(person, [])
        for eid in stood:
            add(eid, 1.0 / len(stood), f"names {index.registry.people[person].name}")
    places = {e.ids[0] for e in mentions.entities if e.kind is EntityKind.CONSTITUENCY and len(e.ids) == 1}
    for eid in index.order:
        held = places & index.contest_ids(eid)
        if held:
            add(eid, min(1.5, 0.5 * len(held)) / max(1, len(index.elections_with_contests(held))),
                f"names {len(held)} of its contests")
    people = _People(mentions)
    for m in TERM.finditer(text):
        term = ordinal_value(m.group("n"))
        for mention in people.near(m.start()):
            for person in mention.ids:
                won = index.term_won(person, term)
                if won:
                    add(won, 4.0, f"{m.group(0)} for {index.registry.people[person].name}")
    for m in REELECTED.finditer(text):
        for mention in people.near(m.start())[:1]:
            for person in mention.ids:
                repeats = [eid for eid, w in index.winners() if w == person][1:]
                for eid in repeats:
                    add(eid, 3.0 / len(repeats), f"{m.group(0)} ({index.registry.people[person].name})")
    counts = {int(n.value) for n in mentions.numbers if n.unit is NumUnit.COUNT and n.value >= 10_000
              and n.hi - n.lo <= 1}
    for eid, figures in index.vote_counts.items():
        hits = len(counts & figures)
        if hits:
            add(eid, min(6.0, 2.0 * hits), f"{hits} figure{'s' if hits > 1 else ''} found in its record")
    # Years in the headline and lede name the election; later ones usually compare with another. A year beside
    # the words for what an election is for ("the 2024 general election") names that election outright.
    families = {family: pattern for family, pattern in index.family_words().items() if pattern.search(text[:3000])}
    lede_families = {family for family, pattern in families.items() if pattern.search(text[:_LEDE_CHARS])}
    lede_mentions = [n for n in mentions.numbers if n.unit is NumUnit.YEAR and n.start < _LEDE_CHARS]
    lede_years = list(dict.fromkeys(int(n.value) for n in lede_mentions))
    # "an increase from 2019", "up on 2017": a year the opening only compares with
    compared = {year for year in lede_years if all(
        COMPARED_YEAR.search(text, max(0, n.start - 25), n.start) for n in lede_mentions if int(n.value) == year)}
    unheld = [y for y in lede_years if lede_families and not any(
        index.family(e) in lede_families for e in index.by_year.get(y, []))]
    for order, year in enumerate(lede_years):
        for eid in index.by_year.get(year, []):
            named = index.family(eid) in lede_families
            if year in compared and order > 0:
                add(eid, 0.5, f"{year} compared with in the opening lines", identifies=False)
                continue
            add(eid, (2.5 + (0.5 if order == 0 else 0.0)) if named else 1.0 / len(index.by_year[year]),
                f"{year} {'and its kind of election ' if named else ''}in the opening lines", identifies=bool(named))
    for family, pattern in families.items():
        said = len(pattern.findall(text[:3000]))
        for eid in index.order:
            if index.family(eid) == family:
                add(eid, min(1.0, 0.25 * said), f"speaks of a {family} election", identifies=False)
    # a handful of seats ("down from 5 seats to 3") turns up in any record, often another body's
    seat_counts = {int(n.value) for n in mentions.numbers if n.unit is NumUnit.COUNT and 20 <= n.value <= 650
                   and n.hi - n.lo <= 1 and SEATS_AFTER.match(text[n.end:n.end + 60])}
    for eid in index.order:
        hits = len(seat_counts & index.seat_totals(eid)) if seat_counts else 0
        if hits:
            add(eid, min(4.0, 1.5 * hits), f"{hits} seat count{'s' if hits > 1 else ''} found in its record")
    published = published or dateline(text)
    if published:
        # a date picks the latest election of a family the article otherwise points to (with two families, a
        # mayoral article dated 2021 must not also point at the 2019 general election)
        named = {index.family(e) for e, score in identity.items() if score > 0}
        for family in named or {index.family(e) for e in index.order}:
            held = [e for e in index.order if index.family(e) == family
                    and index.elections[e].date <= published + dt.timedelta(days=3)]
            if held:
                add(held[-1], 2.0, f"published {published.isoformat()}", identifies=False)

    if unheld and unheld[0] == lede_years[0] and not any(r.startswith("figures") or "found in its record" in r
                                                          for rs in reasons.values() for r in rs):
        return ElectionChoice.model_construct(
            election=None, scores=dict(scores),
            basis=f"the article is about an election in {unheld[0]}, which the ledger does not hold")
    stranger = other_mayoralty(text[:3000], index)
    lede_stranger = other_mayoralty(text[:_LEDE_CHARS], index)
    # the family's words ("mayoral election") fit any mayoralty; the place the ledger's office is for does not
    places = [office.split(" of ", 1)[1] for office in index.offices() if " of " in office]
    names_ours = any(re.search(rf"\b{re.escape(place)}(?:['’]s)?\s+mayor|\bmayor(?:alty)?\s+of\s+{re.escape(place)}\b",
                               text[:_LEDE_CHARS], re.IGNORECASE) for place in places)
    if lede_stranger and not names_ours:
        return ElectionChoice.model_construct(
            election=None, scores=dict(scores),
            basis=f"the article is about another election than the ledger holds ({lede_stranger})")
    if not scores:
        return ElectionChoice.model_construct(election=None, basis="no names, dates or figures point to an election")
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if identity[best] <= 0.0:
        return ElectionChoice.model_construct(
            election=None, scores=dict(scores),
            basis="nothing in the text ties it to an election the ledger holds" + (f" ({stranger})" if stranger else ""))
    if best_score - runner_up < 0.5:
        # with weak evidence all round (names shared with another family), the figures may still decide
        tied = [e for e, s in ranked if s >= (max(1.0, best_score - 1.5) if best_score >= 1.0 else best_score - 1.5)][:3]
        return ElectionChoice.model_construct(election=None, scores=dict(scores), candidates=tuple(tied),
                                              basis=f"evidence does not single out one election ({', '.join(tied)})")
    firm = best_score - runner_up >= 1.5 and identity[best] >= (3.0 if stranger else 0.9)
    return ElectionChoice.model_construct(election=best, basis="; ".join(dict.fromkeys(reasons[best])), firm=firm,
                                          scores=dict(scores))


def within_family(mentions: Mentions, index: LedgerIndex, election: str | None) -> Mentions:
    """A bare surname names people of every election family ("Khan": the mayor and a dozen MPs); once the
    article's election is known, a name keeps only the people who stood in that family, if any did, and a
    place is a contest only if the family has one of that name ("Brent East" is a seat, not a London
    Assembly constituency)."""
    if election is None:
        return mentions
    family = index.family(election)
    stood = index.people_of_family(family)
    places = index.places_of_family(family)
    entities = []
    for e in mentions.entities:
        if e.kind is EntityKind.PERSON and len(e.ids) > 1:
            kept = tuple(p for p in e.ids if p in stood)
            # a bare surname two candidates of the family share: the one who stood in this election, if only one did
            here = tuple(p for p in kept if election in index.candidacies.get(p, ()))
            kept = here if len(here) == 1 else kept
            if kept and len(kept) < len(e.ids):
                e = e.model_copy(update={"ids": kept})
        elif e.kind is EntityKind.CONSTITUENCY and not set(e.ids) & places:
            continue
        entities.append(e)
    return mentions.model_copy(update={"entities": tuple(entities)})


def _named_people(mentions: Mentions, index: LedgerIndex) -> list[str]:
    """People named unambiguously, in order of first mention (so reports read the same on every run)."""
    out: dict[str, None] = {}
    for e in mentions.entities:
        if e.kind is EntityKind.PERSON and not e.fuzzy:
            ids = e.ids if len(e.ids) == 1 else [p for p in e.ids if _hand_kept(index, p)]
            if len(ids) == 1:  # "Livingstone": the mayor, not a general election namesake
                out.setdefault(ids[0], None)
    return list(out)


def _hand_kept(index: LedgerIndex, person: str) -> bool:
    entry = index.registry.people.get(person)
    return bool(entry and entry.hand_kept)


class _People:
    """People named in the sentence holding a position, found by bisection so a long article costs no more."""

    def __init__(self, mentions: Mentions):
        self.mentions = mentions
        self.sentence_starts = [s.start for s in mentions.sentences]
        self.entity_starts = [e.start for e in mentions.entities]

    def near(self, position: int) -> list[EntityMention]:
        i = bisect.bisect_right(self.sentence_starts, position) - 1
        if i < 0 or position >= self.mentions.sentences[i].end:
            return []
        sentence = self.mentions.sentences[i]
        lo = bisect.bisect_left(self.entity_starts, sentence.start)
        hi = bisect.bisect_left(self.entity_starts, sentence.end)
        return [e for e in self.mentions.entities[lo:hi] if e.kind is EntityKind.PERSON]
