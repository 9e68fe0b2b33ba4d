"""The ledger index: lookups the extractor and verifier need, built once per process."""

from __future__ import annotations

import hashlib
import re
import os
import pickle
from functools import cached_property, lru_cache
from pathlib import Path

from factcheck.kinds import Round
from factcheck.ledger.facts import Fact, Facts
from factcheck.ledger.schema import Election, Ledger, Source


def default_ledger_dir() -> Path:
    """The ledger bundled with the project (the repository's `reference/`)."""
    return Path(__file__).resolve().parents[2] / "reference"


class LedgerIndex:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.registry = ledger.registry
        self.elections: dict[str, Election] = {e.id: e for e in ledger.elections}
        self.order: list[str] = [e.id for e in ledger.elections]
        self._facts: dict[tuple[str, str | None], Facts] = {}
        self.by_year: dict[int, list[str]] = {}
        for e in ledger.elections:
            self.by_year.setdefault(e.date.year, []).append(e.id)
        self.candidacies: dict[str, list[str]] = {}  # person -> elections they stood in
        for e in ledger.elections:
            for c in e.candidates:
                self.candidacies.setdefault(c.person, []).append(e.id)

    # -- families and contests (what claim building asks of an election) -----------------------------
    def family(self, election_id: str) -> str:
        return self.elections[election_id].office

    def offices(self) -> list[str]:
        return sorted({e.office for e in self.elections.values()})

    def family_words(self) -> dict[str, re.Pattern[str]]:
        """For each family, the words that say an article is about one of its elections."""
        out = {}
        for office in self.offices():
            role, _, area = office.partition(" of ")
            words = [rf"{re.escape(role)}(?:al|alty)?\s+of\s+{re.escape(area)}", rf"{re.escape(area)}\s+{re.escape(role)}(?:al|alty)?"]
            out[office] = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
        return out

    def contest_ids(self, election_id: str) -> frozenset[str]:
        return frozenset(b.constituency for b in self.elections[election_id].constituencies)

    def elections_with_contests(self, ids: set[str]) -> list[str]:
        return [e for e in self.order if ids & self.contest_ids(e)]

    def deposit_thresholds(self) -> frozenset[float]:
        return frozenset(float(e.deposit_threshold) for e in self.elections.values())

    def elects_seats(self, election_id: str) -> bool:
        return False

    def single_contest(self, election_id: str) -> bool:
        return True

    def area_names(self, election_id: str) -> dict[str, str]:
        return {}

    def facts(self, election_id: str, variant: str | None = None) -> Facts:
        key = (election_id, variant)
        view = self._facts.get(key)
        if view is None:
            view = self._facts[key] = Facts(self.elections[election_id], self.registry, variant)
        return view

    def previous(self, election_id: str) -> str | None:
        """The previous election for the same office."""
        office = self.elections[election_id].office
        earlier = [e for e in self.order[: self.order.index(election_id)] if self.elections[e].office == office]
        return earlier[-1] if earlier else None

    def source(self, election_id: str, source_id: str) -> Source | None:
        return self.elections[election_id].sources.get(source_id)

    def winners(self) -> list[tuple[str, str]]:
        """(election, winning person) in date order."""
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
        """Every derived fact `ledger show` lists, in reading order."""
        f = self.facts(election_id, variant)
        out: list[Fact | None] = []
        rounds = [Round.FIRST, Round.FINAL] if f.is_runoff else [Round.FIRST]
        prev = self.previous(election_id)
        for person in f.candidates:
            for r in rounds:
                out += [f.votes(person, r), f.share(person, r)]
            out += [f.transfers(person), f.rank(person)]
            if prev:
                out.append(f.share_change(person, Round.FIRST, self.facts(prev)))
        for r in rounds:
            out += [f.margin_votes(r), f.margin_points(r)]
        out += [f.valid_votes(), f.ballots(), f.rejected(), f.electorate(), f.turnout(), f.turnout_valid_basis(),
                f.candidate_count(), f.deposits(kept=True), f.deposits(kept=False)]
        for block in f.election.constituencies:
            scope = block.constituency
            for person in block.votes:
                out += [f.votes(person, Round.FIRST, scope), f.share(person, Round.FIRST, scope),
                        f.rank(person, Round.FIRST, scope)]
            out.append(f.margin_votes(Round.FIRST, scope=scope))
        return [fact for fact in out if fact is not None]

    @cached_property
    def vote_counts(self) -> dict[str, set[int]]:
        """Every vote count of 10,000 or more in each election's record, documented alternatives included."""
        out: dict[str, set[int]] = {}
        for eid, e in self.elections.items():
            figures: set[int] = set()
            for c in e.candidates:
                for count in (c.first_round, c.transfers, c.final):
                    if count is not None:
                        figures.add(count.value)
                        figures.update(a.value for a in count.alternatives)
            for block in e.constituencies:
                figures.update(block.votes.values())
            out[eid] = {f for f in figures if f >= 10_000}
        return out

    def variant_facts(self, election_id: str) -> dict[str, list[Fact]]:
        """For each documented variant, the derived facts whose value differs from the ledger's."""
        official = {_key(f): f.value for f in self.standard_facts(election_id)}
        out: dict[str, list[Fact]] = {}
        for variant in self.elections[election_id].variants:
            changed = [f for f in self.standard_facts(election_id, variant)
                       if _key(f) in official and abs(official[_key(f)] - f.value) > 1e-9]
            if changed:
                out[variant] = changed
        return out


def _key(f: Fact) -> tuple:
    return (f.kind, f.round, f.subject, f.scope, f.unit)


@lru_cache(maxsize=4)
def load_index(directory: str | None = None) -> LedgerIndex:
    """Load and index a ledger directory once per process (validated once per content, then cached)."""
    return LedgerIndex(cached_ledger(Path(directory) if directory else default_ledger_dir()))


def cached_ledger(directory: Path) -> Ledger:
    """The validated ledger, from a cache keyed by the files' contents and this code, or loaded afresh.

    Validation (YAML, schema, arithmetic) is most of a one-article run's start-up time; an unchanged
    ledger need not be validated again. Any problem with the cache just means loading afresh.
    """
    try:
        key = _fingerprint(directory)
    except OSError:
        from factcheck.ledger.loader import load_ledger  # YAML and validation only when the cache cannot serve

        return load_ledger(directory)
    cache = _cache_dir() / f"ledger-{key}.pickle"
    try:
        with open(cache, "rb") as fh:
            ledger = pickle.load(fh)
        if isinstance(ledger, Ledger) and ledger.directory == str(directory):
            return ledger
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    from factcheck.ledger.loader import load_ledger

    ledger = load_ledger(directory)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(ledger, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass
    return ledger


def _fingerprint(directory: Path) -> str:
    digest = hashlib.sha256()
    code = Path(__file__).parent
    for path in sorted(code.glob("*.py")) + sorted(directory.rglob("*.yaml")):
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    digest.update(str(directory.resolve()).encode())
    return digest.hexdigest()[:20]


def _cache_dir() -> Path:
    base = os.environ.get("FACTCHECK_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"

