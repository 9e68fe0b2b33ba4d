"""Derived facts: every figure the ledger can compute, with its formula and the figures it used.

Nothing derived is stored in the ledger files. A `Facts` object answers questions about one election
as one variant reports it (None: the ledger's own figures; otherwise a documented alternative such as
the count declared on the night or the Speaker counted under his former party), so a claim can be
matched against both. This module answers questions about candidates in contests; totals of votes,
turnout and deposits are in `totals.py`, changes since a base election in `changes.py`, and party
totals over an election or a nation in `aggregate.py`.

`contest=None` means the area contest of a mayoralty. A general election has no area contest: a
candidate's figures come from the one contest they stood in, and totals (valid votes, electorate,
turnout, candidates, deposits) add up every constituency.
"""

from __future__ import annotations

from factcheck.kinds import Kind, Round, Unit
from factcheck.ledger.aggregate import PartyFacts
from factcheck.ledger.changes import ChangeFacts
from factcheck.ledger.fact import Fact, FactInput, entry, fmt, memo, percent_of, printed_mismatch, union_sources
from factcheck.ledger.model import Candidacy, Contest, ContestKind, Count, Election, Printed, Registry, System
from factcheck.ledger.totals import TotalFacts


class Facts(TotalFacts, ChangeFacts, PartyFacts):
    """Questions about one election, answered from its figures (as `variant` reports them)."""

    def __init__(self, election: Election, registry: Registry, variant: str | None = None):
        self.election = election
        self.registry = registry
        self.variant = variant
        self.area_contest = election.area
        self._by_id: dict[str, Contest] | None = None  # built on first use: most runs never look inside most elections
        self._answers: dict[tuple, object] = {}
        self._stood: dict[str, list[str]] | None = None  # person -> contests, built on first use

    # -- names and structure --------------------------------------------------------------------
    def name(self, person: str) -> str:
        return self.registry.people[person].name if person in self.registry.people else person

    def surname(self, person: str) -> str:
        return self.name(person).split()[-1]

    def party_name(self, party: str) -> str:
        return self.registry.parties[party].name if party in self.registry.parties else party

    @property
    def is_runoff(self) -> bool:
        return self.election.system is System.SUPPLEMENTARY_VOTE

    @property
    def system(self) -> System:
        return self.election.system

    @property
    def family(self) -> str:
        return self.election.family

    @property
    def _contests(self) -> dict[str, Contest]:
        if self._by_id is None:
            self._by_id = {c.id: c for c in self.election.contests}
        return self._by_id

    def areas(self) -> dict:
        """Nations and regions party totals can be taken over (none for a mayoralty: its area is one contest)."""
        return self.registry.areas if self.area_contest is None else {}

    def contests(self) -> list[str]:
        return list(self._contests)

    def contest(self, contest: str | None) -> Contest | None:
        return self.area_contest if contest is None else self._contests.get(contest)

    def contests_of(self, person: str) -> list[str]:
        if self._stood is None:
            where: dict[str, list[str]] = {}
            for c in self.election.contests:
                for k in c.candidacies:
                    if k.person is not None:
                        where.setdefault(k.person, []).append(c.id)
            self._stood = where
        return list(self._stood.get(person, ()))

    def _resolve(self, person: str | None, contest: str | None) -> Contest | None:
        """The contest meant: the one named, the area contest, or the one contest the person stood in."""
        if contest is not None or self.area_contest is not None:
            return self.contest(contest)
        where = self.contests_of(person) if person else []
        return self._contests[where[0]] if len(where) == 1 else None

    def _candidacy(self, person: str, contest: str | None) -> tuple[Contest, Candidacy] | None:
        c = self._resolve(person, contest)
        if c is None:
            return None
        for k in c.candidacies:
            if k.person == person:
                return c, k
        return None

    def _scope(self, c: Contest) -> str | None:
        return None if c.kind is ContestKind.AREA else c.id

    def party(self, k: Candidacy) -> str:
        """A candidacy's party as this view counts it (the Speaker under his former party, for example)."""
        if self.variant:
            for party, variant in k.party_alternatives:
                if variant == self.variant:
                    return party
        return k.party

    @memo
    def candidates(self, contest: str | None = None) -> tuple[str, ...]:
        c = self.contest(contest)
        if c is None and contest is None:  # a general election: everyone who stood anywhere
            return tuple(k.person for c in self.election.contests for k in c.candidacies if k.person)
        return tuple(k.person for k in c.candidacies if k.person) if c else ()

    @memo
    def stood(self) -> frozenset[str]:
        """Everyone who stood anywhere in this election (asked for every name in an article)."""
        return frozenset(self.candidates())

    def party_of(self, person: str, contest: str | None = None) -> str | None:
        found = self._candidacy(person, contest)
        return self.party(found[1]) if found else None

    @memo
    def persons_of_party(self, party: str, contest: str | None = None) -> tuple[str, ...]:
        c = self.contest(contest)
        contests = [c] if c is not None else ([] if contest is not None else list(self.election.contests))
        return tuple(k.person for c in contests for k in c.candidacies if k.person and self.party(k) == party)

    def finalists(self) -> list[str]:
        c = self.area_contest
        return [k.person for k in c.candidacies if k.final is not None and k.person] if c else []

    def printed_shares(self, person: str, contest: str | None = None) -> list[Printed]:
        """Shares some source printed for this person, documented mismatches included."""
        c = self.contest(contest)
        if c is None:
            return []
        if c.kind is ContestKind.BREAKDOWN:
            return [p for who, p in c.shares_printed if who == person]
        return [p for k in c.candidacies if k.person == person
                for p in (k.first_share_printed, k.final_share_printed) if p is not None]

    def valid_votes_published(self, contest: str | None = None) -> bool:
        c = self.contest(contest)
        return c is not None and c.valid is not None

    # -- figures as this view reports them ------------------------------------------------------------
    def _count(self, count: Count | None, label: str) -> FactInput | None:
        if count is None:
            return None
        value, sources = count.value, count.sources
        if self.variant:
            for alt in count.alternatives:
                if alt.variant == self.variant:
                    value, sources = alt.value, self.election.variants[self.variant].sources
        return entry(label, value, sources)

    def _value(self, count: Count) -> int:
        """A count's value in this view, without building an input (for totals over thousands of rows)."""
        if self.variant:
            for alt in count.alternatives:
                if alt.variant == self.variant:
                    return alt.value
        return count.value

    def _label(self, c: Contest, k: Candidacy) -> str:
        return self.surname(k.person) if k.person else self.party_name(self.party(k))

    def _input(self, c: Contest, k: Candidacy, round_: Round) -> FactInput | None:
        if c.kind is ContestKind.BREAKDOWN:
            return self._count(k.votes, f"{self._label(c, k)}, first preferences in {c.name}")
        if c.kind is ContestKind.CONSTITUENCY:
            return self._count(k.votes, f"{self._label(c, k)}, votes in {c.name}")
        if round_ is Round.FIRST or not self.is_runoff:
            return self._count(k.votes, f"{self._label(c, k)}, first round")
        return self._count(k.final, f"{self._label(c, k)}, final round")

    def _round_input(self, person: str, round_: Round, contest: str | None = None) -> FactInput | None:
        found = self._candidacy(person, contest)
        return self._input(found[0], found[1], round_) if found else None

    def _effective_round(self, round_: Round, c: Contest | None = None) -> Round:
        return round_ if self.is_runoff and (c is None or c.kind is ContestKind.AREA) else Round.FIRST

    def _fact(self, kind: Kind, value: float, unit: Unit, formula: str, inputs: tuple[FactInput, ...], *,
              round_: Round | None = None, subject: tuple[str, ...] = (), scope: str | None = None,
              area: str | None = None, place: int | None = None, precision: float = 0.0,
              note: str | None = None, sources: tuple[str, ...] | None = None) -> Fact:
        return Fact.model_construct(
            election=self.election.id, kind=kind, round=round_, subject=subject, scope=scope, area=area,
            place=place, variant=self.variant, value=value, unit=unit, precision=precision, formula=formula,
            inputs=inputs, sources=sources if sources is not None else union_sources(*inputs), note=note)

    def _stored(self, kind: Kind, fig: FactInput | None, what: str, **kw) -> Fact | None:
        if fig is None:
            return None
        return self._fact(kind, fig.value, Unit.VOTES, f"{what}, as published", (fig,), **kw)

    # -- candidate votes ----------------------------------------------------------------------------
    @memo
    def votes(self, person: str, round_: Round, contest: str | None = None) -> Fact | None:
        found = self._candidacy(person, contest)
        if found is None:
            return None
        c, k = found
        fig = self._input(c, k, round_)
        if fig is None:
            return None
        return self._stored(Kind.VOTES, fig, fig.label, round_=self._effective_round(round_, c), subject=(person,),
                            scope=self._scope(c))

    @memo
    def transfers(self, person: str) -> Fact | None:
        found = self._candidacy(person, None) if self.area_contest else None
        if found is None or found[1].final is None:
            return None
        c, k = found
        stored = self._count(k.transfers, f"{self.surname(person)}, transfers")
        if stored is not None:
            return self._stored(Kind.TRANSFERS, stored, stored.label, subject=(person,))
        first, final = self._input(c, k, Round.FIRST), self._input(c, k, Round.FINAL)
        assert first is not None and final is not None
        return self._fact(Kind.TRANSFERS, final.value - first.value, Unit.VOTES,
                          f"{final.value:,.0f} − {first.value:,.0f} ({final.label} − {first.label})",
                          (final, first), subject=(person,))

    # -- shares, margins, ranks ------------------------------------------------------------------
    def _denominator(self, c: Contest, round_: Round) -> Fact | None:
        if round_ is Round.FINAL and self.is_runoff and c.kind is ContestKind.AREA:
            return self.final_total()
        return self.valid_votes(self._scope(c))

    def _share_of(self, c: Contest, k: Candidacy, round_: Round, subject: tuple[str, ...]) -> Fact | None:
        round_ = self._effective_round(round_, c)
        if round_ is Round.FINAL and k.final is None:
            return None
        num, den = self._input(c, k, round_), self._denominator(c, round_)
        if num is None or den is None or not den.value:
            return None
        d = entry(_denominator_label(round_, c, self.is_runoff), den.value, den.sources)
        return self._fact(Kind.SHARE, 100.0 * num.value / d.value, Unit.PERCENT,
                          f"{num.value:,.0f} / {d.value:,.0f} ({num.label} / {d.label})", (num, d),
                          round_=round_, subject=subject, scope=self._scope(c))

    @memo
    def share(self, person: str, round_: Round, contest: str | None = None) -> Fact | None:
        found = self._candidacy(person, contest)
        return self._share_of(found[0], found[1], round_, (person,)) if found else None

    def _ordered(self, c: Contest, round_: Round) -> list[Candidacy]:
        """Candidacies from most to fewest votes (finalists only for a final round); [] if some are missing."""
        if not c.complete:
            return []
        if self._effective_round(round_, c) is Round.FINAL:
            return sorted((k for k in c.candidacies if k.final is not None), key=lambda k: -self._value(k.final))
        return sorted(c.candidacies, key=lambda k: -self._value(k.votes))

    @memo
    def order(self, round_: Round, contest: str | None = None) -> list[str]:
        """Candidates from most to fewest votes in a round (finalists only for a final round)."""
        c = self.contest(contest)
        return [k.person for k in self._ordered(c, round_) if k.person] if c else []

    @memo
    def rank(self, person: str, round_: Round = Round.FIRST, contest: str | None = None) -> Fact | None:
        c = self._resolve(person, contest)
        ordering = self._ordered(c, round_) if c else []
        position = next((i for i, k in enumerate(ordering, 1) if k.person == person), None)
        if c is None or position is None:
            return None
        round_ = self._effective_round(round_, c)
        inputs = tuple(self._input(c, k, round_) for k in ordering[: max(position + 1, 3)])
        listing = ", ".join(f"{f.label.split(',')[0]} {f.value:,.0f}" for f in inputs if f)
        return self._fact(Kind.RANK, position, Unit.RANK, f"position {position} of {len(ordering)} by votes ({listing}, ...)",
                          tuple(f for f in inputs if f), round_=round_, subject=(person,), scope=self._scope(c))

    def _pair(self, round_: Round, pair: tuple[str, str] | None, contest: str | None):
        c = self._resolve(pair[0] if pair else None, contest)
        if c is None:
            return None
        if pair is None:
            ordering = self._ordered(c, round_)
            return (c, ordering[0], ordering[1]) if len(ordering) >= 2 else None
        rows = {k.person: k for k in c.candidacies if k.person in pair}
        return (c, rows[pair[0]], rows[pair[1]]) if len(rows) == 2 else None

    @memo
    def margin_votes(self, round_: Round, pair: tuple[str, str] | None = None,
                     contest: str | None = None) -> Fact | None:
        """Votes between two candidates (the top two by default): a general election seat's "majority"."""
        found = self._pair(round_, pair, contest)
        if found is None:
            return None
        c, ka, kb = found
        round_ = self._effective_round(round_, c)
        a, b = self._input(c, ka, round_), self._input(c, kb, round_)
        if a is None or b is None:
            return None
        if b.value > a.value:
            a, b, ka, kb = b, a, kb, ka
        return self._fact(Kind.MARGIN_VOTES, a.value - b.value, Unit.VOTES,
                          f"{a.value:,.0f} − {b.value:,.0f} ({a.label} − {b.label})", (a, b),
                          round_=round_, subject=(ka.person or ka.party, kb.person or kb.party), scope=self._scope(c))

    @memo
    def margin_points(self, round_: Round, pair: tuple[str, str] | None = None,
                      contest: str | None = None) -> Fact | None:
        found = self._pair(round_, pair, contest)
        if found is None:
            return None
        c, ka, kb = found
        sa, sb = self._share_of(c, ka, round_, ()), self._share_of(c, kb, round_, ())
        if sa is None or sb is None:
            return None
        if sb.value > sa.value:
            sa, sb, ka, kb = sb, sa, kb, ka
        return self._fact(Kind.MARGIN_POINTS, sa.value - sb.value, Unit.POINTS,
                          f"{sa.value:.2f}% − {sb.value:.2f}% ({self._label(c, ka)} share − "
                          f"{self._label(c, kb)} share; {sa.formula}; {sb.formula})", sa.inputs + sb.inputs[:1],
                          round_=sa.round, subject=(ka.person or ka.party, kb.person or kb.party), scope=self._scope(c))

    @memo
    def winner(self, contest: str | None = None) -> str | None:
        c = self.contest(contest)
        if c is None:
            return None
        ordering = self._ordered(c, Round.FINAL if self.is_runoff and c.kind is ContestKind.AREA else Round.FIRST)
        return ordering[0].person if ordering else None

    def winning_candidacy(self, c: Contest) -> Candidacy | None:
        ordering = self._ordered(c, Round.FINAL if self.is_runoff and c.kind is ContestKind.AREA else Round.FIRST)
        return ordering[0] if ordering else None

def _denominator_label(round_: Round, c: Contest, runoff: bool) -> str:
    if round_ is Round.FINAL and runoff and c.kind is ContestKind.AREA:
        return "both finalists' final votes"
    if c.kind is ContestKind.AREA:
        return "valid first preferences"
    if c.kind is ContestKind.BREAKDOWN:
        return "all first preferences in the constituency"
    return f"valid votes in {c.name}"


# Fact, fmt, percent_of and printed_mismatch are re-exported: callers import them from here.
__all__ = ["Fact", "FactInput", "Facts", "fmt", "percent_of", "printed_mismatch"]
