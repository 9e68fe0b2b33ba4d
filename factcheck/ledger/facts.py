"""Derived facts: every figure the ledger can compute, with its formula and the figures it used.

Nothing here is stored in the ledger files. A `Facts` object answers questions about one election as
one variant reports it (None: the ledger's own figures; otherwise a documented alternative such as
the count declared on the night), so a claim can be matched against both.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pydantic import BaseModel, ConfigDict, field_serializer

from factcheck.kinds import Kind, Round, Unit
from factcheck.ledger.schema import Count, Election, Registry, System


def _whole(value: float) -> float | int:
    """Counts serialise as integers (828390, not 828390.0)."""
    return int(value) if float(value).is_integer() else value


class FactInput(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    label: str
    value: float
    sources: tuple[str, ...] = ()

    @field_serializer("value")
    def _serialize_value(self, value: float) -> float | int:
        return _whole(value)


class Fact(BaseModel):
    """One derived or stored figure, carrying everything a report needs to show where it came from."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    election: str
    kind: Kind
    round: Round | None = None
    subject: tuple[str, ...] = ()  # person ids: one candidate, or (ahead, behind) for margins
    scope: str | None = None  # constituency id; None for the whole electoral area
    variant: str | None = None
    value: float
    unit: Unit
    precision: float = 0.0  # half-width of a printed figure's rounding; 0 when exact
    formula: str  # how `value` was obtained, in numbers
    inputs: tuple[FactInput, ...] = ()
    sources: tuple[str, ...] = ()
    note: str | None = None

    @field_serializer("value")
    def _serialize_value(self, value: float) -> float | int:
        return _whole(value) if self.unit in (Unit.VOTES, Unit.COUNT, Unit.RANK, Unit.FLAG) else value

    def derivation(self) -> str:
        """"161,210 = 828,390 − 667,180 (...)" for a computed figure, "828,390 (..., as published)" for a stored one."""
        if not self.inputs:
            return self.formula
        if any(op in self.formula for op in (" − ", " + ", " / ")):
            return f"{fmt(self.value, self.unit)} = {self.formula}"
        return f"{fmt(self.value, self.unit)} ({self.formula})"


def fmt(value: float, unit: Unit) -> str:
    """Figures as a report shows them: votes with separators, percentages to two places."""
    if unit in (Unit.VOTES, Unit.COUNT, Unit.RANK, Unit.FLAG):
        return f"{round(value):,}"
    if unit is Unit.POINTS:
        return f"{value:+.2f} points" if value < 0 else f"{value:.2f} points"
    return f"{value:.2f}%"


def percent_of(printed: Decimal) -> tuple[float, float]:
    """A printed percentage as (value, half-width of its last printed digit)."""
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return float(printed), 0.5 * 10.0**-places


def _sources(*figures: FactInput) -> tuple[str, ...]:
    out: list[str] = []
    for f in figures:
        out.extend(s for s in f.sources if s not in out)
    return tuple(out)


def _memo(method):
    """Answers never change for a loaded ledger, so each question is computed once per view."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        try:
            return self._answers[key]
        except KeyError:
            value = self._answers[key] = method(self, *args, **kwargs)
            return value

    return wrapper


class Facts:
    """Questions about one election, answered from its figures (as `variant` reports them)."""

    def __init__(self, election: Election, registry: Registry, variant: str | None = None):
        self.election = election
        self.registry = registry
        self.variant = variant
        self._by_person = {c.person: c for c in election.candidates}
        self._answers: dict[tuple, object] = {}

    # -- stored figures -------------------------------------------------------------------------
    def _count(self, count: Count | None, label: str) -> FactInput | None:
        if count is None:
            return None
        value = count.value
        sources = count.sources
        if self.variant:
            for alt in count.alternatives:
                if alt.variant == self.variant:
                    value = alt.value
                    sources = self.election.variants[self.variant].sources
        return FactInput.model_construct(label=label, value=value, sources=sources)

    def name(self, person: str) -> str:
        return self.registry.people[person].name if person in self.registry.people else person

    def surname(self, person: str) -> str:
        return self.name(person).split()[-1]

    @property
    def candidates(self) -> list[str]:
        return [c.person for c in self.election.candidates]

    @property
    def is_runoff(self) -> bool:
        return self.election.system is System.SUPPLEMENTARY_VOTE

    def party_of(self, person: str) -> str | None:
        c = self._by_person.get(person)
        return c.party if c else None

    def persons_of_party(self, party: str) -> list[str]:
        return [c.person for c in self.election.candidates if c.party == party]

    def finalists(self) -> list[str]:
        return [c.person for c in self.election.candidates if c.final is not None]

    def _round_input(self, person: str, round_: Round, scope: str | None = None) -> FactInput | None:
        if scope is not None:
            block = self._constituency(scope)
            if block is None or person not in block.votes:
                return None
            label = f"{self.surname(person)}, first preferences in {self.registry.constituencies[scope].name}"
            return FactInput.model_construct(label=label, value=block.votes[person], sources=block.sources)
        cand = self._by_person.get(person)
        if cand is None:
            return None
        if round_ is Round.FIRST or not self.is_runoff:
            return self._count(cand.first_round, f"{self.surname(person)}, first round")
        return self._count(cand.final, f"{self.surname(person)}, final round")

    def _constituency(self, scope: str):
        for block in self.election.constituencies:
            if block.constituency == scope:
                return block
        return None

    def _fact(self, kind: Kind, value: float, unit: Unit, formula: str, inputs: tuple[FactInput, ...],
              *, round_: Round | None = None, subject: tuple[str, ...] = (), scope: str | None = None,
              precision: float = 0.0, note: str | None = None, sources: tuple[str, ...] | None = None) -> Fact:
        return Fact.model_construct(
            election=self.election.id, kind=kind, round=round_, subject=subject, scope=scope, variant=self.variant,
            value=value, unit=unit, precision=precision, formula=formula, inputs=inputs,
            sources=sources if sources is not None else _sources(*inputs), note=note)

    def _stored(self, kind: Kind, fig: FactInput | None, what: str, **kw) -> Fact | None:
        if fig is None:
            return None
        return self._fact(kind, fig.value, Unit.VOTES, f"{what}, as published", (fig,), **kw)

    # -- candidate votes ------------------------------------------------------------------------
    @_memo
    def votes(self, person: str, round_: Round, scope: str | None = None) -> Fact | None:
        fig = self._round_input(person, round_, scope)
        if fig is None:
            return None
        round_ = self._effective_round(round_)
        return self._stored(Kind.VOTES, fig, fig.label, round_=round_, subject=(person,), scope=scope)

    def _effective_round(self, round_: Round) -> Round:
        return round_ if self.is_runoff else Round.FIRST

    @_memo
    def transfers(self, person: str) -> Fact | None:
        cand = self._by_person.get(person)
        if cand is None or cand.final is None:
            return None
        stored = self._count(cand.transfers, f"{self.surname(person)}, transfers")
        if stored is not None:
            return self._stored(Kind.TRANSFERS, stored, stored.label, subject=(person,))
        first = self._count(cand.first_round, f"{self.surname(person)}, first round")
        final = self._count(cand.final, f"{self.surname(person)}, final round")
        assert first is not None and final is not None
        return self._fact(Kind.TRANSFERS, final.value - first.value, Unit.VOTES,
                          f"{final.value:,.0f} − {first.value:,.0f} ({final.label} − {first.label})",
                          (final, first), subject=(person,))

    # -- totals ---------------------------------------------------------------------------------
    @_memo
    def valid_votes(self, scope: str | None = None) -> Fact | None:
        if scope is not None:
            block = self._constituency(scope)
            if block is None or not block.complete:
                return None
            total = sum(block.votes.values())
            fig = FactInput.model_construct(label=f"all candidates in {self.registry.constituencies[scope].name}", value=total,
                                            sources=block.sources)
            return self._fact(Kind.VALID_VOTES, total, Unit.VOTES, "sum of all candidates' first preferences",
                              (fig,), scope=scope)
        stored = self._count(self.election.valid_first_preferences, "valid first preferences")
        if stored is not None:
            return self._stored(Kind.VALID_VOTES, stored, "valid first preferences")
        inputs = tuple(self._count(c.first_round, f"{self.surname(c.person)}, first round")
                       for c in self.election.candidates)
        total = sum(f.value for f in inputs if f)
        return self._fact(Kind.VALID_VOTES, total, Unit.VOTES,
                          f"sum of all {len(inputs)} candidates' first-round votes (no published valid total)",
                          tuple(f for f in inputs if f))

    @_memo
    def final_total(self) -> Fact | None:
        finals = [self._count(self._by_person[p].final, f"{self.surname(p)}, final round") for p in self.finalists()]
        if len(finals) < 2 or any(f is None for f in finals):
            return None
        total = sum(f.value for f in finals if f)
        return self._fact(Kind.VALID_VOTES, total, Unit.VOTES,
                          " + ".join(f"{f.value:,.0f}" for f in finals if f), tuple(f for f in finals if f),
                          round_=Round.FINAL)

    @_memo
    def electorate(self) -> Fact | None:
        return self._stored(Kind.ELECTORATE, self._count(self.election.electorate, "electorate"), "electorate")

    @_memo
    def rejected(self) -> Fact | None:
        return self._stored(Kind.REJECTED, self._count(self.election.rejected, "rejected ballot papers"),
                            "rejected ballot papers")

    @_memo
    def ballots(self) -> Fact | None:
        stored = self._count(self.election.ballots, "ballot papers counted")
        if stored is not None:
            return self._stored(Kind.BALLOTS, stored, "ballot papers counted")
        valid, rejected = self.valid_votes(), self.rejected()
        if valid is None or rejected is None:
            return None
        v = FactInput.model_construct(label="valid first preferences", value=valid.value, sources=valid.sources)
        r = FactInput.model_construct(label="rejected ballot papers", value=rejected.value, sources=rejected.sources)
        return self._fact(Kind.BALLOTS, v.value + r.value, Unit.VOTES,
                          f"{v.value:,.0f} + {r.value:,.0f} (valid first preferences + rejected ballot papers)", (v, r))

    @_memo
    def turnout(self) -> Fact | None:
        """Turnout on the ledger's stated definition: derived where ballots and electorate are known."""
        t = self.election.turnout
        ballots, electorate = self.ballots(), self.electorate()
        if ballots is not None and electorate is not None:
            b = FactInput.model_construct(label="ballot papers", value=ballots.value, sources=ballots.sources)
            e = FactInput.model_construct(label="electorate", value=electorate.value, sources=electorate.sources)
            value = 100.0 * b.value / e.value
            return self._fact(Kind.TURNOUT, value, Unit.PERCENT,
                              f"{b.value:,.0f} / {e.value:,.0f} (ballot papers / electorate)", (b, e),
                              note=t.definition)
        if t.value is None:
            return None
        value, precision = percent_of(t.value)
        return self._fact(Kind.TURNOUT, value, Unit.PERCENT, f"{t.value}% as published ({t.definition})", (),
                          precision=precision, sources=t.sources, note=t.definition)

    @_memo
    def turnout_valid_basis(self) -> Fact | None:
        """Turnout counted as valid votes over electorate, a basis some sources use."""
        valid, electorate = self.valid_votes(), self.electorate()
        if valid is None or electorate is None or self.election.valid_first_preferences is None:
            return None
        v = FactInput.model_construct(label="valid first preferences", value=valid.value, sources=valid.sources)
        e = FactInput.model_construct(label="electorate", value=electorate.value, sources=electorate.sources)
        return self._fact(Kind.TURNOUT, 100.0 * v.value / e.value, Unit.PERCENT,
                          f"{v.value:,.0f} / {e.value:,.0f} (valid votes / electorate)", (v, e),
                          note="valid votes over electorate")

    def turnout_alternatives(self) -> list[tuple[Fact, str]]:
        """Published turnout figures on other definitions, with their variant ids."""
        out = []
        for alt in self.election.turnout.alternatives:
            value, precision = percent_of(alt.value)
            variant = self.election.variants[alt.variant]
            fact = Fact.model_construct(
                election=self.election.id, kind=Kind.TURNOUT, variant=alt.variant, value=value, unit=Unit.PERCENT,
                precision=precision, formula=f"{alt.value}% ({alt.definition})", sources=variant.sources,
                note=variant.note)
            out.append((fact, alt.variant))
        return out

    # -- shares, margins, ranks ------------------------------------------------------------------
    def _denominator(self, round_: Round, scope: str | None) -> Fact | None:
        if round_ is Round.FINAL and self.is_runoff and scope is None:
            return self.final_total()
        return self.valid_votes(scope)

    @_memo
    def share(self, person: str, round_: Round, scope: str | None = None) -> Fact | None:
        round_ = self._effective_round(round_)
        if round_ is Round.FINAL and person not in self.finalists():
            return None
        num = self._round_input(person, round_, scope)
        den = self._denominator(round_, scope)
        if num is None or den is None or not den.value:
            return None
        d = FactInput.model_construct(label=_denominator_label(round_, scope is not None, self.is_runoff), value=den.value,
                                      sources=den.sources)
        value = 100.0 * num.value / d.value
        return self._fact(Kind.SHARE, value, Unit.PERCENT,
                          f"{num.value:,.0f} / {d.value:,.0f} ({num.label} / {d.label})", (num, d),
                          round_=round_, subject=(person,), scope=scope)

    @_memo
    def order(self, round_: Round, scope: str | None = None) -> list[str]:
        """Candidates from most to fewest votes in a round (finalists only for a final round)."""
        round_ = self._effective_round(round_)
        if scope is not None:
            block = self._constituency(scope)
            if block is None or not block.complete:
                return []
            return sorted(block.votes, key=lambda p: -block.votes[p])
        people = self.finalists() if round_ is Round.FINAL else self.candidates
        figures = {p: self._round_input(p, round_) for p in people}
        return sorted((p for p in people if figures[p] is not None), key=lambda p: -figures[p].value)  # type: ignore[union-attr]

    @_memo
    def rank(self, person: str, round_: Round = Round.FIRST, scope: str | None = None) -> Fact | None:
        ordering = self.order(round_, scope)
        if person not in ordering:
            return None
        position = ordering.index(person) + 1
        round_ = self._effective_round(round_)
        inputs = tuple(self._round_input(p, round_, scope) for p in ordering[: max(position + 1, 3)])
        listing = ", ".join(f"{f.label.split(',')[0]} {f.value:,.0f}" for f in inputs if f)
        return self._fact(Kind.RANK, position, Unit.RANK, f"position {position} of {len(ordering)} by votes ({listing}, ...)",
                          tuple(f for f in inputs if f), round_=round_, subject=(person,), scope=scope)

    @_memo
    def margin_votes(self, round_: Round, pair: tuple[str, str] | None = None,
                     scope: str | None = None) -> Fact | None:
        round_ = self._effective_round(round_)
        pair = pair or self._top_two(round_, scope)
        if pair is None:
            return None
        a, b = (self._round_input(p, round_, scope) for p in pair)
        if a is None or b is None:
            return None
        if b.value > a.value:
            a, b, pair = b, a, (pair[1], pair[0])
        return self._fact(Kind.MARGIN_VOTES, a.value - b.value, Unit.VOTES,
                          f"{a.value:,.0f} − {b.value:,.0f} ({a.label} − {b.label})", (a, b),
                          round_=round_, subject=pair, scope=scope)

    @_memo
    def margin_points(self, round_: Round, pair: tuple[str, str] | None = None,
                      scope: str | None = None) -> Fact | None:
        round_ = self._effective_round(round_)
        pair = pair or self._top_two(round_, scope)
        if pair is None:
            return None
        sa, sb = (self.share(p, round_, scope) for p in pair)
        if sa is None or sb is None:
            return None
        if sb.value > sa.value:
            sa, sb, pair = sb, sa, (pair[1], pair[0])
        inputs = sa.inputs + sb.inputs[:1]
        return self._fact(Kind.MARGIN_POINTS, sa.value - sb.value, Unit.POINTS,
                          f"{sa.value:.2f}% − {sb.value:.2f}% ({self.surname(pair[0])} share − "
                          f"{self.surname(pair[1])} share; {sa.formula}; {sb.formula})", inputs,
                          round_=round_, subject=pair, scope=scope)

    def _top_two(self, round_: Round, scope: str | None) -> tuple[str, str] | None:
        ordering = self.order(round_, scope)
        return (ordering[0], ordering[1]) if len(ordering) >= 2 else None

    @_memo
    def winner(self, scope: str | None = None) -> str | None:
        final = Round.FINAL if self.is_runoff and scope is None else Round.FIRST
        ordering = self.order(final, scope)
        return ordering[0] if ordering else None

    @_memo
    def candidate_count(self) -> Fact:
        n = len(self.election.candidates)
        return self._fact(Kind.CANDIDATES, n, Unit.COUNT, f"{n} candidates on the ballot", (),
                          sources=self.election.candidates[0].first_round.sources)

    @_memo
    def deposits(self, kept: bool) -> Fact | None:
        """How many candidates kept (or lost) their deposit: at least the threshold share of first preferences."""
        threshold = float(self.election.deposit_threshold)
        shares = {p: self.share(p, Round.FIRST) for p in self.candidates}
        if any(s is None for s in shares.values()):
            return None
        group = [p for p, s in shares.items() if (s.value >= threshold) == kept]  # type: ignore[union-attr]
        names = ", ".join(self.surname(p) for p in group) or "none"
        verb = "kept" if kept else "lost"
        return self._fact(Kind.DEPOSITS, len(group), Unit.COUNT,
                          f"{len(group)} {verb} (first-round share {'≥' if kept else '<'} {threshold:g}%: {names})",
                          (), subject=tuple(group), sources=self.election.candidates[0].first_round.sources)

    @_memo
    def lost_deposit(self, person: str) -> Fact | None:
        share = self.share(person, Round.FIRST)
        if share is None:
            return None
        threshold = float(self.election.deposit_threshold)
        lost = share.value < threshold
        return self._fact(Kind.DEPOSITS, 1.0 if lost else 0.0, Unit.FLAG,
                          f"first-round share {share.value:.2f}% {'<' if lost else '≥'} {threshold:g}% threshold",
                          share.inputs, subject=(person,))

    # -- change since the previous election ----------------------------------------------------------
    @_memo
    def share_change(self, person: str, round_: Round, previous: Facts) -> Fact | None:
        """Change in share since `previous`, against the same party's candidate, else the same person."""
        now = self.share(person, round_)
        if now is None:
            return None
        before_person = self._counterpart(person, previous)
        if before_person is None:
            return None
        before = previous.share(before_person, round_)
        if before is None:
            return None
        basis = "same person" if before_person == person else "same party"
        return self._fact(Kind.SHARE_CHANGE, now.value - before.value, Unit.POINTS,
                          f"{now.value:.2f}% − {before.value:.2f}% ({self.election.id} − {previous.election.id}, "
                          f"{basis}: {previous.name(before_person)})",
                          now.inputs + before.inputs, round_=now.round, subject=(person,),
                          sources=_sources(*now.inputs, *before.inputs))

    def turnout_change(self, previous: Facts, now: Fact | None = None, then: Fact | None = None) -> Fact | None:
        """Change in turnout since `previous`: the official turnouts unless others (documented alternatives) are given."""
        now, then = now or self.turnout(), then or previous.turnout()
        if now is None or then is None:
            return None
        return now.model_copy(update={
            "kind": Kind.TURNOUT_CHANGE, "value": now.value - then.value, "precision": now.precision + then.precision,
            "unit": Unit.POINTS,
            "formula": f"{now.value:.2f}% − {then.value:.2f}% ({self.election.id}: {now.formula}; "
                       f"{previous.election.id}: {then.formula})",
            "inputs": now.inputs + then.inputs,
            "sources": now.sources + tuple(s for s in then.sources if s not in now.sources),
        })

    def _counterpart(self, person: str, previous: Facts) -> str | None:
        party = self.party_of(person)
        if party and not self.registry.parties[party].grouping:
            same_party = previous.persons_of_party(party)
            if len(same_party) == 1:
                return same_party[0]
        return person if person in previous.candidates else None


def _denominator_label(round_: Round, local: bool, runoff: bool) -> str:
    if round_ is Round.FINAL and runoff and not local:
        return "both finalists' final votes"
    return "valid first preferences" if not local else "all first preferences in the constituency"


def printed_mismatch(printed: Decimal, computed: float) -> str | None:
    """Why a printed percentage disagrees with the recomputed one at the printed precision, or None."""
    value, half = percent_of(printed)
    if abs(computed - value) <= half + 1e-9:
        return None
    return f"printed {printed}% but the figures give {computed:.2f}%"

