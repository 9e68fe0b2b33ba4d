"""The ledger index: lookups the extractor and verifier need, built once per process."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path

from factcheck.kinds import Round
from factcheck.ledger.cache import cached_ledger, vote_counts
from factcheck.ledger.fact import Fact
from factcheck.ledger.facts import Facts
from factcheck.ledger.model import ContestKind, Election, Ledger, Source
from factcheck.memory import paused_gc


def default_ledger_dir() -> Path:
    """The bundled ledger: `factcheck/reference` in an installed package, else the checkout's `reference/`."""
    here = Path(__file__).resolve()
    bundled = here.parents[1] / "reference"
    return bundled if bundled.is_dir() else here.parents[2] / "reference"


class LedgerIndex:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.registry = ledger.registry
        self._all: dict[str, Election] = {e.id: e for e in ledger.elections}
        # Checkable elections only: a notional or base-only result is a base for changes, never what an article
        # is about.
        self.elections: dict[str, Election] = {e.id: e for e in ledger.elections if e.checkable}
        self.order: list[str] = list(self.elections)
        self._facts: dict[tuple[str, str | None], Facts] = {}
        self._contest_ids: dict[str, frozenset[str]] = {}
        self.by_year: dict[int, list[str]] = {}  # a year may hold several elections (a mayoralty and a general election)
        for e in self.elections.values():
            self.by_year.setdefault(e.date.year, []).append(e.id)
        self.candidacies: dict[str, list[str]] = {}  # person -> elections they stood in
        for e in self.elections.values():
            for person in _persons(e):
                self.candidacies.setdefault(person, []).append(e.id)
        self._seat_totals: dict[str, frozenset[int]] = {}

    # -- families and contests (what claim building asks of an election) -----------------------------
    def family(self, election_id: str) -> str:
        return self._all[election_id].family

    def offices(self) -> list[str]:
        return sorted({e.office for e in self.elections.values()})

    def family_words(self) -> dict[str, re.Pattern[str]]:
        """For each family, the words that say an article is about one of its elections (from its offices)."""
        out = {}
        for family in sorted({e.family for e in self.elections.values()}):
            described = self.registry.families.get(family)
            if described is not None and described.words:
                out[family] = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in described.words)
                                         + r")\b", re.IGNORECASE)
                continue
            words = []
            for office in sorted({e.office for e in self.elections.values() if e.family == family}):
                role, _, area = office.partition(" of ")
                words += [rf"{re.escape(role)}(?:al|alty)?\s+of\s+{re.escape(area)}",
                          rf"{re.escape(area)}\s+{re.escape(role)}(?:al|alty)?"]
            out[family] = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
        return out

    def contest_ids(self, election_id: str) -> frozenset[str]:
        """The election's contests other than the area-wide one: constituencies, or a mayoralty's breakdowns."""
        found = self._contest_ids.get(election_id)
        if found is None:
            e = self._all[election_id]
            listed = getattr(e.contests, "contest_ids", None)  # from the cache, without decoding the contests
            found = frozenset(listed if listed is not None else
                              (c.id for c in e.contests if c.kind is not ContestKind.AREA))
            self._contest_ids[election_id] = found
        return found

    def elections_with_contests(self, ids: set[str]) -> list[str]:
        return [e for e in self.order if ids & self.contest_ids(e)]

    def deposit_thresholds(self) -> frozenset[float]:
        return frozenset(float(e.deposit_threshold) for e in self.elections.values())

    def elects_seats(self, election_id: str) -> bool:
        """Whether the election fills seats contest by contest (a general election) rather than one office."""
        return self._all[election_id].area is None

    def single_contest(self, election_id: str) -> bool:
        """Whether a party stood one candidate for the whole election (a mayoralty)."""
        return self._all[election_id].area is not None

    def area_names(self, election_id: str) -> dict[str, str]:
        """Names and aliases of the nations and regions the election's results add up over -> area id."""
        if not self.elects_seats(election_id):
            return {}
        out = {}
        for aid, area in self.registry.areas.items():
            for name in (area.name, *area.aliases):
                out[name] = aid
        return out

    def facts(self, election_id: str, variant: str | None = None) -> Facts:
        key = (election_id, variant)
        view = self._facts.get(key)
        if view is None:
            view = self._facts[key] = Facts(self._all[election_id], self.registry, variant)
        return view

    @lru_cache(maxsize=8)  # noqa: B019 - the index lives for the whole run
    def people_of_family(self, family: str) -> frozenset[str]:
        """Everyone who stood in a (checkable) election of the family."""
        return frozenset(p for e in self.elections.values() if e.family == family for p in _persons(e))

    @lru_cache(maxsize=8)  # noqa: B019 - the index lives for the whole run
    def places_of_family(self, family: str) -> frozenset[str]:
        """Every contest id (constituency or breakdown) of the family's elections."""
        return frozenset(c for e in self.elections.values() if e.family == family for c in self.contest_ids(e.id))

    def in_year(self, year: int, family: str | None = None) -> list[str]:
        return [e for e in self.by_year.get(year, []) if family is None or self.elections[e].family == family]

    def previous(self, election_id: str) -> str | None:
        """The previous (checkable) election for the same office."""
        office = self._all[election_id].office
        date = self._all[election_id].date
        earlier = [e for e in self.order if self.elections[e].office == office and self.elections[e].date < date]
        return earlier[-1] if earlier else None

    def counted_previous(self, election_id: str) -> str | None:
        """The last counted election before this one, as turnout is compared: the previous checkable one, else a
        base that is a count held only as a base (2015 for 2017), never a notional re-estimate."""
        previous = self.previous(election_id)
        base = self._all[election_id].base
        if previous is None and base is not None and self._all[base].base_only:
            return base
        return previous

    def seat_totals(self, election_id: str) -> frozenset[int]:
        """The seat counts of the parties that won seats: "411 seats" points to 2024 as surely as a vote count."""
        found = self._seat_totals.get(election_id)
        if found is None:
            found = frozenset()
            if self.elects_seats(election_id):
                f = self.facts(election_id)
                found = frozenset(int(fact.value) for p in self.main_parties(election_id)
                                  for fact in [f.party_seats(p)] if fact is not None and fact.value >= 2)
            self._seat_totals[election_id] = found
        return found

    def known(self, election_id: str) -> bool:
        """Whether the ledger holds this election, checkable or only a base (a notional or base-only result)."""
        return election_id in self._all

    def base_id(self, election_id: str) -> str | None:
        """The election changes are measured against: the one the ledger names, else the previous one."""
        return self._all[election_id].base or self.previous(election_id)

    def base_year(self, election_id: str) -> int | None:
        """The year of the election changes are measured against ("up on 2015"), base-only ones included."""
        base = self.base_id(election_id)
        return self._all[base].date.year if base is not None else None

    def base(self, election_id: str, variant: str | None = None) -> Facts | None:
        """Facts of the base election, in the same variant when the base documents it too."""
        base = self.base_id(election_id)
        if base is None:
            return None
        return self.facts(base, variant if variant in self._all[base].variants else None)

    def source(self, election_id: str, source_id: str) -> Source | None:
        """A source of the election, or of its base: a change is derived from both, and cites both."""
        found = self._all[election_id].sources.get(source_id)
        if found is None and (base := self.base_id(election_id)) is not None:
            found = self._all[base].sources.get(source_id)
        return found

    def winners(self) -> list[tuple[str, str]]:
        """(election, winning person) in date order, for elections with one area-wide winner."""
        out = []
        for eid in self.order:
            winner = self.facts(eid).winner()
            if winner:
                out.append((eid, winner))
        return out

    def term_won(self, person: str, term: int) -> str | None:
        """The election at which `person` won their `term`-th term, if they did."""
        won = [eid for eid, w in self.winners() if w == person]
        return won[term - 1] if 0 < term <= len(won) else None

    def standard_facts(self, election_id: str, variant: str | None = None) -> list[Fact]:
        """Every derived fact `ledger show` lists, in reading order (party totals for a general election)."""
        f = self.facts(election_id, variant)
        if f.area_contest is None:
            return self._national_facts(election_id, variant)
        out: list[Fact | None] = []
        rounds = [Round.FIRST, Round.FINAL] if f.is_runoff else [Round.FIRST]
        base = self.base(election_id, variant)
        for person in f.candidates():
            for r in rounds:
                out += [f.votes(person, r), f.share(person, r)]
            out += [f.transfers(person), f.rank(person)]
            if base:
                out.append(f.share_change(person, Round.FIRST, base))
        for r in rounds:
            out += [f.margin_votes(r), f.margin_points(r)]
        out += [f.valid_votes(), f.ballots(), f.rejected(), f.electorate(), f.turnout(), f.turnout_valid_basis(),
                f.candidate_count(), f.deposits(kept=True), f.deposits(kept=False)]
        for c in f.election.contests[1:]:
            for person in f.candidates(c.id):
                out += [f.votes(person, Round.FIRST, c.id), f.share(person, Round.FIRST, c.id),
                        f.rank(person, Round.FIRST, c.id)]
            out.append(f.margin_votes(Round.FIRST, contest=c.id))
        return [fact for fact in out if fact is not None]

    def main_parties(self, election_id: str) -> list[str]:
        """Parties that won a seat or at least 1% of the vote, by seats then votes."""
        f = self.facts(election_id)
        votes, _, valid = f._tally(None)
        seats = f._seat_tally(None)
        scored = [(-seats.get(p, 0), -v, p) for p, v in votes.items() if seats.get(p) or (valid and v >= valid / 100)]
        return [p for *_, p in sorted(scored)]

    def _national_facts(self, election_id: str, variant: str | None) -> list[Fact]:
        f = self.facts(election_id, variant)
        base = self.base(election_id, variant)
        parties = self.main_parties(election_id)
        for vid in ((variant,) if variant else ()):
            parties += [p for c in f.election.contests for k in c.candidacies for p, v in k.party_alternatives
                        if v == vid and p not in parties]
        out: list[Fact | None] = [f.total_seats()]
        for p in parties:
            out += [f.party_seats(p), f.party_votes(p), f.party_share(p), f.party_rank(p, "seats"),
                    f.party_rank(p, "votes"), f.commons_majority(p)]
            if base:
                out += [f.party_seat_change(p, base), f.party_share_change(p, base), f.gains(p, base),
                        f.losses(p, base)]
        out += [f.valid_votes(), f.rejected(), f.ballots(), f.electorate(), f.turnout(), f.candidate_count(),
                f.deposits(kept=False)]
        return [fact for fact in out if fact is not None]

    def contest_facts(self, election_id: str, contest: str, variant: str | None = None) -> list[Fact]:
        """Every derived fact about one contest: candidates' votes, shares, ranks, majority, turnout."""
        f = self.facts(election_id, variant)
        base = self.base(election_id, variant)
        out: list[Fact | None] = []
        for person in f.candidates(contest):
            out += [f.votes(person, Round.FIRST, contest), f.share(person, Round.FIRST, contest),
                    f.rank(person, Round.FIRST, contest), f.lost_deposit(person, contest)]
            if base:
                out.append(f.share_change(person, Round.FIRST, base, contest))
        out += [f.margin_votes(Round.FIRST, contest=contest), f.margin_points(Round.FIRST, contest=contest),
                f.valid_votes(contest), f.rejected(contest), f.ballots(contest), f.electorate(contest),
                f.turnout(contest), *(fact for fact, _ in f.turnout_alternatives(contest)), f.candidate_count(contest)]
        return [fact for fact in out if fact is not None]

    @cached_property
    def vote_counts(self) -> dict[str, set[int]]:
        """Every vote count of 10,000 or more in each election's record, documented alternatives included."""
        return {eid: getattr(e.contests, "counts", None) or vote_counts(e) for eid, e in self.elections.items()}

    def variant_facts(self, election_id: str) -> dict[str, list[Fact]]:
        """For each documented variant, the derived facts whose value differs from the ledger's."""
        official = {_key(f): f.value for f in self.standard_facts(election_id)}
        out: dict[str, list[Fact]] = {}
        for variant in self._all[election_id].variants:
            changed = [f for f in self.standard_facts(election_id, variant)
                       if _key(f) in official and abs(official[_key(f)] - f.value) > 1e-9]
            if variant == self._all[election_id].turnout_other_basis:  # derived, not an alternative figure
                changed += [f for f, v in self.facts(election_id).turnout_alternatives() if v == variant]
            if changed:
                out[variant] = changed
        return out

    def find_contest(self, election_id: str, name: str) -> str | None:
        """A contest of the election by id, official name or alias (case and punctuation ignored)."""
        wanted = _simple(name)
        e = self._all[election_id]
        for c in e.contests:
            if c.kind is ContestKind.AREA:
                continue
            place = self.registry.constituencies.get(c.id)
            names = (c.id, c.name, *(place.aliases if place else ()))
            if any(_simple(n) == wanted for n in names):
                return c.id
        return None


def _persons(e: Election) -> list[str]:
    """Who stood in an election, from the cache's summary when it has one (no contests decoded)."""
    listed = getattr(e.contests, "persons", None)
    if listed is not None:
        return listed
    return list(dict.fromkeys(k.person for c in e.contests for k in c.candidacies if k.person))


def _simple(text: str) -> str:
    return "".join(ch for ch in text.lower().replace("&", "and") if ch.isalnum())


def _key(f: Fact) -> tuple:
    return (f.kind, f.round, f.subject, f.scope, f.area, f.place, f.unit)


@lru_cache(maxsize=4)
def load_index(directory: str | None = None) -> LedgerIndex:
    """Load and index a ledger directory once per process (validated once per content, then cached)."""
    with paused_gc():
        return LedgerIndex(cached_ledger(Path(directory) if directory else default_ledger_dir()))
