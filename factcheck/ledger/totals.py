"""Totals of a contest or of a whole election: valid votes, electorate, ballots, turnout, deposits.

For a general election (no area contest) `contest=None` adds up every constituency. Turnout is
derived on the election's stated basis (ballot papers or valid votes over electorate); the other
basis, where the ledger documents it as a variant, is offered by `turnout_alternatives`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.kinds import Kind, Round, Unit
from factcheck.ledger.fact import Fact, entry, memo, percent_of, union_sources
from factcheck.ledger.model import Candidacy, Contest, ContestKind, TurnoutBasis

if TYPE_CHECKING:
    from factcheck.ledger.facts import Facts


class TotalFacts:
    """Mixed into `Facts`."""

    def _national(self: Facts, kind: Kind, field: str, label: str) -> Fact | None:
        """A count added up over every constituency of a general election (None if any is missing)."""
        counts = [getattr(c, field) for c in self.election.contests]
        if not counts or any(n is None for n in counts):
            return None
        figs = [self._count(n, label) for n in counts]
        total = sum(f.value for f in figs if f)
        fig = entry(f"{label}, {len(figs)} constituencies", total, union_sources(*(f for f in figs if f)))
        return self._fact(kind, total, Unit.VOTES, f"sum of {label} over {len(figs)} constituencies", (fig,))

    # -- totals ---------------------------------------------------------------------------------
    @memo
    def valid_votes(self: Facts, contest: str | None = None) -> Fact | None:
        c = self.contest(contest)
        if c is None:
            return self._national(Kind.VALID_VOTES, "valid", "valid votes") if contest is None else None
        scope = self._scope(c)
        stored = self._count(c.valid, "valid first preferences" if c.kind is ContestKind.AREA
                             else f"valid votes in {c.name}")
        if stored is not None:
            return self._stored(Kind.VALID_VOTES, stored, stored.label, scope=scope)
        if c.kind is not ContestKind.AREA:
            if not c.complete:
                return None
            total = sum(k.votes.value for k in c.candidacies)
            fig = entry(f"all candidates in {c.name}", total, c.sources)
            return self._fact(Kind.VALID_VOTES, total, Unit.VOTES, "sum of all candidates' first preferences",
                              (fig,), scope=scope)
        inputs = tuple(self._input(c, k, Round.FIRST) for k in c.candidacies)
        total = sum(f.value for f in inputs if f)
        return self._fact(Kind.VALID_VOTES, total, Unit.VOTES,
                          f"sum of all {len(inputs)} candidates' first-round votes (no published valid total)",
                          tuple(f for f in inputs if f))

    @memo
    def final_total(self: Facts) -> Fact | None:
        c = self.area_contest
        if c is None:
            return None
        finals = [self._input(c, k, Round.FINAL) for k in c.candidacies if k.final is not None]
        if len(finals) < 2 or any(f is None for f in finals):
            return None
        total = sum(f.value for f in finals if f)
        return self._fact(Kind.VALID_VOTES, total, Unit.VOTES,
                          " + ".join(f"{f.value:,.0f}" for f in finals if f), tuple(f for f in finals if f),
                          round_=Round.FINAL)

    @memo
    def electorate(self: Facts, contest: str | None = None) -> Fact | None:
        c = self.contest(contest)
        if c is None:
            return self._national(Kind.ELECTORATE, "electorate", "electorate") if contest is None else None
        label = "electorate" if c.kind is ContestKind.AREA else f"electorate in {c.name}"
        return self._stored(Kind.ELECTORATE, self._count(c.electorate, label), label, scope=self._scope(c))

    def national_electorate(self: Facts) -> Fact | None:
        return self.electorate(None) if self.area_contest is None else None

    @memo
    def rejected(self: Facts, contest: str | None = None) -> Fact | None:
        c = self.contest(contest)
        if c is None:
            return self._national(Kind.REJECTED, "rejected", "invalid votes") if contest is None else None
        label = "rejected ballot papers" if c.kind is ContestKind.AREA else f"invalid votes in {c.name}"
        return self._stored(Kind.REJECTED, self._count(c.rejected, label), label, scope=self._scope(c))

    @memo
    def ballots(self: Facts, contest: str | None = None) -> Fact | None:
        c = self.contest(contest)
        if c is not None:
            stored = self._count(c.ballots, "ballot papers counted")
            if stored is not None:
                return self._stored(Kind.BALLOTS, stored, "ballot papers counted", scope=self._scope(c))
        elif contest is not None:
            return None
        valid, rejected = self.valid_votes(contest), self.rejected(contest)
        if valid is None or rejected is None:
            return None
        v = entry("valid votes", valid.value, valid.sources)
        r = entry("rejected ballot papers" if self.area_contest else "invalid votes", rejected.value, rejected.sources)
        return self._fact(Kind.BALLOTS, v.value + r.value, Unit.VOTES,
                          f"{v.value:,.0f} + {r.value:,.0f} ({v.label} + {r.label})", (v, r),
                          scope=self._scope(c) if c else None)

    def _ratio(self: Facts, num: Fact, den: Fact, num_label: str, note: str, scope: str | None) -> Fact:
        n = entry(num_label, num.value, num.sources)
        d = entry("electorate", den.value, den.sources)
        return self._fact(Kind.TURNOUT, 100.0 * n.value / d.value, Unit.PERCENT,
                          f"{n.value:,.0f} / {d.value:,.0f} ({num_label} / electorate)", (n, d), note=note,
                          scope=scope)

    @memo
    def turnout(self: Facts, contest: str | None = None) -> Fact | None:
        """Turnout on the ledger's stated basis: derived where the counts are known, else as published."""
        c = self.contest(contest)
        if c is None and contest is not None:
            return None
        definition = self.election.turnout_definition
        scope = self._scope(c) if c else None
        electorate = self.electorate(contest)
        if self.election.turnout_basis is TurnoutBasis.VALID:
            valid = self.valid_votes(contest)
            if valid is None or electorate is None or not electorate.value:
                return None
            return self._ratio(valid, electorate, "valid votes", definition, scope)
        ballots = self.ballots(contest)
        if ballots is not None and electorate is not None and electorate.value:
            return self._ratio(ballots, electorate, "ballot papers", definition, scope)
        t = c.turnout if c else None
        if t is None or t.value is None:
            return None
        value, precision = percent_of(t.value)
        return self._fact(Kind.TURNOUT, value, Unit.PERCENT, f"{t.value}% as published ({definition})", (),
                          precision=precision, sources=t.sources, note=definition, scope=scope)

    @memo
    def turnout_valid_basis(self: Facts) -> Fact | None:
        """A mayoralty's turnout counted as valid votes over electorate, a basis some sources use."""
        c = self.area_contest
        valid, electorate = self.valid_votes(), self.electorate()
        if c is None or valid is None or electorate is None or c.valid is None:
            return None
        return self._ratio(valid, electorate, "valid votes", "valid votes over electorate", None)

    def turnout_alternatives(self: Facts, contest: str | None = None) -> list[tuple[Fact, str]]:
        """Turnout on other definitions, with their variant ids: published ones, or the other basis derived."""
        c = self.contest(contest)
        out = []
        for alt in (c.turnout.alternatives if c is not None and c.turnout is not None else ()):
            value, precision = percent_of(alt.value)
            variant = self.election.variants[alt.variant]
            out.append((Fact.model_construct(
                election=self.election.id, kind=Kind.TURNOUT, variant=alt.variant, value=value, unit=Unit.PERCENT,
                precision=precision, formula=f"{alt.value}% ({alt.definition})", sources=variant.sources,
                note=variant.note), alt.variant))
        other = self.election.turnout_other_basis
        if other and self.election.turnout_basis is TurnoutBasis.VALID:
            ballots, electorate = self.ballots(contest), self.electorate(contest)
            if ballots is not None and electorate is not None and electorate.value:
                fact = self._ratio(ballots, electorate, "valid and invalid votes",
                                   self.election.variants[other].label, self._scope(c) if c else None)
                out.append((fact.model_copy(update={"variant": other}), other))
        return out

    # -- candidates and deposits ------------------------------------------------------------------
    def _contests_for(self: Facts, contest: str | None) -> list[Contest]:
        c = self.contest(contest)
        if c is not None:
            return [c]
        return [] if contest is not None else [c for c in self.election.contests if c.kind is ContestKind.CONSTITUENCY]

    @memo
    def candidate_count(self: Facts, contest: str | None = None) -> Fact | None:
        contests = self._contests_for(contest)
        if not contests:
            return None
        n = sum(len(c.candidacies) for c in contests)
        where = f" in {len(contests)} constituencies" if len(contests) > 1 else ""
        return self._fact(Kind.CANDIDATES, n, Unit.COUNT, f"{n} candidates on the ballot{where}", (),
                          sources=contests[0].candidacies[0].votes.sources,
                          scope=self._scope(contests[0]) if contest else None)

    def _keeps(self: Facts, c: Contest, k: Candidacy) -> tuple[bool, Fact] | None:
        share = self._share_of(c, k, Round.FIRST, (k.person,) if k.person else ())
        return None if share is None else (share.value >= float(self.election.deposit_threshold), share)

    @memo
    def deposits(self: Facts, kept: bool, contest: str | None = None, party: str | None = None) -> Fact | None:
        """How many candidates kept (or lost) their deposit: at least the threshold share of valid votes."""
        threshold = float(self.election.deposit_threshold)
        contests = self._contests_for(contest)
        rows = [(c, k) for c in contests for k in c.candidacies if party is None or self.party(k) == party]
        outcomes = [self._keeps(c, k) for c, k in rows]
        if not rows or any(o is None for o in outcomes):
            return None
        group = [k for (c, k), o in zip(rows, outcomes) if o[0] == kept]
        verb, sign = ("kept", "≥") if kept else ("lost", "<")
        if len(contests) == 1:
            names = ", ".join(self._label(contests[0], k) for k in group) or "none"
            formula = f"{len(group)} {verb} (first-round share {sign} {threshold:g}%: {names})"
        else:
            formula = (f"{len(group)} of {len(rows)} {self.party_name(party) + ' ' if party else ''}candidates {verb} "
                       f"their deposit (share {sign} {threshold:g}% of valid votes in their constituency)")
        return self._fact(Kind.DEPOSITS, len(group), Unit.COUNT, formula, (),
                          sources=contests[0].candidacies[0].votes.sources,
                          subject=(party,) if party else (), scope=self._scope(contests[0]) if contest else None)

    @memo
    def lost_deposit(self: Facts, person: str, contest: str | None = None) -> Fact | None:
        found = self._candidacy(person, contest)
        outcome = self._keeps(*found) if found else None
        if outcome is None:
            return None
        keeps, share = outcome
        threshold = float(self.election.deposit_threshold)
        return self._fact(Kind.DEPOSITS, 0.0 if keeps else 1.0, Unit.FLAG,
                          f"{'first-round ' if self.is_runoff else ''}share {share.value:.2f}% {'≥' if keeps else '<'} {threshold:g}% threshold",
                          share.inputs, subject=(person,), scope=share.scope)
