"""Which election an article, and each figure in it, is about.

Evidence is weighed, never taken from one cue: a published date or dateline, "second/third term"
with the winner's name, the set of candidates named (a name that stood once says more than one
that stood four times), result figures that appear verbatim in one election's record, and years.
When the evidence does not single one election out, the answer is None and claims abstain.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from pydantic import BaseModel, ConfigDict

from factcheck.extract import cues
from factcheck.extract.mentions import EntityKind, EntityMention, Mentions
from factcheck.ledger.index import LedgerIndex
from factcheck.numbers import NumUnit, ordinal_value

_LEDE_CHARS = 400
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%B %d, %Y", "%b %d, %Y")


class ElectionChoice(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    election: str | None
    basis: str  # the evidence, for the report
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
    """A published date near the top of the article ("date 2021-05-08", "Published: 8 May 2021")."""
    m = cues.DATELINE.search(text[:600])
    return parse_date(m.group("date")) if m else None


def election_for_year(index: LedgerIndex, year: int) -> str | None:
    found = index.by_year.get(year, [])
    return found[0] if len(found) == 1 else None


def resolve_article(text: str, mentions: Mentions, index: LedgerIndex, forced: str | None = None,
                    published: dt.date | None = None) -> ElectionChoice:
    if forced:
        return ElectionChoice.model_construct(election=forced, basis="forced with --election")
    scores: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[str]] = defaultdict(list)

    published = published or dateline(text)
    if published:
        held = [e for e in index.order if index.elections[e].date <= published + dt.timedelta(days=3)]
        if held:
            scores[held[-1]] += 2.0
            reasons[held[-1]].append(f"published {published.isoformat()}")

    persons = _named_people(mentions)
    for person in persons:
        stood = index.candidacies.get(person, [])
        for eid in stood:
            scores[eid] += 1.0 / len(stood)
    for eid in list(scores):
        named = [index.registry.people[p].name for p in persons if eid in index.candidacies.get(p, [])]
        if named:
            reasons[eid].append("names " + ", ".join(named[:4]) + ("..." if len(named) > 4 else ""))

    for m in cues.TERM.finditer(text):
        term = ordinal_value(m.group("n"))
        for mention in _people_near(mentions, m.start()):
            for person in mention.ids:
                won = index.term_won(person, term)
                if won:
                    scores[won] += 4.0
                    reasons[won].append(f"{m.group(0)} for {index.registry.people[person].name}")

    for m in cues.REELECTED.finditer(text):
        for mention in _people_near(mentions, m.start())[:1]:
            for person in mention.ids:
                repeats = [eid for eid, w in index.winners() if w == person][1:]
                for eid in repeats:
                    scores[eid] += 3.0 / len(repeats)
                    reasons[eid].append(f"{m.group(0)} ({index.registry.people[person].name})")

    counts = {int(n.value) for n in mentions.numbers if n.unit is NumUnit.COUNT and n.value >= 10_000
              and n.hi - n.lo <= 1}
    for eid, figures in index.vote_counts.items():
        hits = len(counts & figures)
        if hits:
            scores[eid] += min(6.0, 2.0 * hits)
            reasons[eid].append(f"{hits} figure{'s' if hits > 1 else ''} found in its record")

    # Years in the headline and lede name the election; later ones usually compare with another.
    years = [int(n.value) for n in mentions.numbers if n.unit is NumUnit.YEAR and n.start < _LEDE_CHARS]
    for year in set(years):
        eid = election_for_year(index, year)
        if eid:
            scores[eid] += 1.0
            reasons[eid].append(f"{year} in the opening lines")

    if not scores:
        return ElectionChoice.model_construct(election=None, basis="no names, dates or figures point to an election")
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best_score < 1.0 or best_score - runner_up < 0.5:
        tied = [e for e, s in ranked if s >= max(1.0, best_score - 1.5)][:3]
        return ElectionChoice.model_construct(election=None, basis=f"evidence does not single out one election ({', '.join(tied)})",
                                              scores=dict(scores), candidates=tuple(tied))
    return ElectionChoice.model_construct(election=best, basis="; ".join(dict.fromkeys(reasons[best])), scores=dict(scores))


def _named_people(mentions: Mentions) -> list[str]:
    """People named unambiguously, in order of first mention (so reports read the same on every run)."""
    out: dict[str, None] = {}
    for e in mentions.entities:
        if e.kind is EntityKind.PERSON and len(e.ids) == 1 and not e.fuzzy:
            out.setdefault(e.ids[0], None)
    return list(out)


def _people_near(mentions: Mentions, position: int) -> list[EntityMention]:
    """People named in the sentence holding `position`."""
    start, end = next(((s.start, s.end) for s in mentions.sentences if s.start <= position < s.end),
                      (position, position))
    return [e for e in mentions.entities if e.kind is EntityKind.PERSON and start <= e.start < end]

