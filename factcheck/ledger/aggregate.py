"""Party facts over an area: votes, shares, seats, changes, gains, places, majorities.

`area=None` is the whole election (the UK); otherwise a nation or region id from `areas.yaml`
(`scotland`, `london`). For a mayoralty a party's figures are its candidate's in the area contest
and there are no seats. Every total is added up from the contests, never stored.

Changes are measured against a base election's `Facts` (passed in): for 2024 the notional 2019
result on the new boundaries, contest by contest, so a "gain" is a seat whose base winner was
another party. A party is matched in the base by its id or an earlier name (`successor_of`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.kinds import Kind, Round, Unit
from factcheck.ledger.fact import Fact, entry, memo
from factcheck.ledger.model import Candidacy, Contest, ContestKind

if TYPE_CHECKING:
    from factcheck.ledger.facts import Facts

_LISTED = 6  # seats named in a gains/losses formula before "..."


class PartyFacts:
    """Mixed into `Facts`; relies on its `election`, `registry`, `party()` and `_fact()`."""

    # -- which contests ----------------------------------------------------------------------------
    @memo
    def _seats(self: Facts, area: str | None) -> list[Contest]:
        return [c for c in self.election.contests if c.kind is ContestKind.CONSTITUENCY
                and (area is None or area in (c.nation, c.region))]

    def _where(self: Facts, area: str | None, n: int) -> str:
        place = self.registry.areas[area].name if area in self.registry.areas else area
        return f"{n} constituencies" + (f" in {place}" if area else "")

    @memo
    def _winners(self: Facts) -> dict[str, tuple[str, Candidacy]]:
        """Contest id -> (winning party as this view counts it, winning candidacy)."""
        out = {}
        for c in self.election.contests:
            if c.kind is ContestKind.CONSTITUENCY:
                k = self.winning_candidacy(c)
                if k is not None:
                    out[c.id] = (self.party(k), k)
        return out

    @memo
    def _tally(self: Facts, area: str | None) -> tuple[dict[str, int], dict[str, int], int]:
        """Votes and candidacies per party, and valid votes, over the area's constituencies."""
        votes: dict[str, int] = {}
        stood: dict[str, int] = {}
        valid = 0
        for c in self._seats(area):
            for k in c.candidacies:
                party = self.party(k)
                votes[party] = votes.get(party, 0) + self._value(k.votes)
                stood[party] = stood.get(party, 0) + 1
            valid += self._value(c.valid) if c.valid else sum(self._value(k.votes) for k in c.candidacies)
        return votes, stood, valid

    @memo
    def _seat_tally(self: Facts, area: str | None) -> dict[str, int]:
        winners = self._winners()
        out: dict[str, int] = {}
        for c in self._seats(area):
            if c.id in winners:
                out[winners[c.id][0]] = out.get(winners[c.id][0], 0) + 1
        return out

    def _mayoral(self: Facts, party: str) -> str | None:
        """A mayoralty's single candidate for the party, if it had exactly one."""
        people = self.persons_of_party(party)
        return people[0] if len(people) == 1 else None

    def _sources(self: Facts, contests: list[Contest]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for c in contests for s in c.sources))

    # -- votes and shares ------------------------------------------------------------------------------
    @memo
    def party_votes(self: Facts, party: str, area: str | None = None) -> Fact | None:
        if self.area_contest is not None:
            person = self._mayoral(party)
            return self.votes(person, Round.FIRST) if person and area is None else None
        seats = self._seats(area)
        votes, stood, _ = self._tally(area)
        count = stood.get(party, 0)
        if not count:
            return None
        total = votes[party]
        label = f"{self.party_name(party)}, {count} candidates' votes in {self._where(area, len(seats))}"
        fig = entry(label, total, self._sources(seats))
        return self._fact(Kind.VOTES, total, Unit.VOTES, f"sum of {label}", (fig,), round_=Round.FIRST,
                          subject=(party,), area=area)

    @memo
    def party_share(self: Facts, party: str, area: str | None = None) -> Fact | None:
        if self.area_contest is not None:
            person = self._mayoral(party)
            return self.share(person, Round.FIRST) if person and area is None else None
        votes = self.party_votes(party, area)
        seats = self._seats(area)
        valid = self._tally(area)[2]
        if votes is None or not valid:
            return None
        d = entry(f"valid votes in {self._where(area, len(seats))}", valid, self._sources(seats))
        n = votes.inputs[0]
        return self._fact(Kind.SHARE, 100.0 * n.value / valid, Unit.PERCENT,
                          f"{n.value:,.0f} / {valid:,.0f} ({n.label} / {d.label})", (n, d), round_=Round.FIRST,
                          subject=(party,), area=area)

    @memo
    def party_share_change(self: Facts, party: str, base_facts: Facts, area: str | None = None) -> Fact | None:
        now = self.party_share(party, area)
        then_party = base_facts._base_party(party, self)
        then = base_facts.party_share(then_party, area) if then_party else None
        if now is None or then is None:
            return None
        return self._fact(Kind.SHARE_CHANGE, now.value - then.value, Unit.POINTS,
                          f"{now.value:.2f}% − {then.value:.2f}% ({self.election.id} − {base_facts.election.id}; "
                          f"{now.formula}; {then.formula})", now.inputs + then.inputs, round_=Round.FIRST,
                          subject=(party,), area=area)

    def _base_party(self: Facts, party: str, later: Facts) -> str | None:
        """The party id this (base) election knows `party` by: itself or an earlier name."""
        stood = {self.party(k) for c in self.election.contests for k in c.candidacies}
        return next((p for p in sorted(later._lineage(party), key=lambda p: p != party) if p in stood), None)

    # -- seats ----------------------------------------------------------------------------------------
    @memo
    def total_seats(self: Facts, area: str | None = None) -> Fact | None:
        seats = self._seats(area)
        if not seats:
            return None
        return self._fact(Kind.SEATS, len(seats), Unit.COUNT, f"{self._where(area, len(seats))}", (),
                          sources=self._sources(seats), area=area)

    @memo
    def area_turnout(self: Facts, area: str, with_invalid: bool = False) -> Fact | None:
        """Turnout over a nation's or region's constituencies: their valid votes (with invalid ones too, the other
        published basis) over their electorates."""
        seats = self._seats(area)
        if not seats or any(c.electorate is None or c.valid is None for c in seats):
            return None
        electorate = sum(self._value(c.electorate) for c in seats)
        valid = sum(self._value(c.valid) for c in seats)
        invalid = sum(self._value(c.rejected) for c in seats if c.rejected is not None) if with_invalid else 0
        if not electorate:
            return None
        what = "valid and invalid votes" if with_invalid else "valid votes"
        n = entry(f"{what} in {self._where(area, len(seats))}", valid + invalid, self._sources(seats))
        d = entry(f"electorate in {self._where(area, len(seats))}", electorate, self._sources(seats))
        return self._fact(Kind.TURNOUT, 100.0 * n.value / d.value, Unit.PERCENT,
                          f"{n.value:,.0f} / {d.value:,.0f} ({n.label} / {d.label})", (n, d), area=area,
                          note="including invalid votes, as the press often counts it" if with_invalid else None)

    @memo
    def party_seats(self: Facts, party: str, area: str | None = None) -> Fact | None:
        seats = self._seats(area)
        if not seats:
            return None
        won = self._seat_tally(area).get(party, 0)
        note = None
        if self.variant and self.election.variants.get(self.variant):
            note = self.election.variants[self.variant].note
        return self._fact(Kind.SEATS, won, Unit.COUNT,
                          f"{won} of {self._where(area, len(seats))} won by {self.party_name(party)} candidates "
                          f"(most votes in the seat)", (), sources=self._sources(seats), subject=(party,), area=area,
                          note=note)

    @memo
    def party_seat_change(self: Facts, party: str, base_facts: Facts, area: str | None = None) -> Fact | None:
        now = self.party_seats(party, area)
        then_party = base_facts._base_party(party, self)
        then = base_facts.party_seats(then_party, area) if then_party else None
        if now is None:
            return None
        before = then.value if then is not None else 0.0
        then_sources = then.sources if then is not None else ()
        return self._fact(Kind.SEAT_CHANGE, now.value - before, Unit.COUNT,
                          f"{now.value:.0f} − {before:.0f} (seats in {self.election.id} − seats in "
                          f"{base_facts.election.id})",
                          (entry(f"{self.party_name(party)} seats, {self.election.id}", now.value, now.sources),
                           entry(f"seats, {base_facts.election.id}", before, then_sources)),
                          subject=(party,), area=area)

    def _changes(self: Facts, party: str, base_facts: Facts, area: str | None, which: str) -> Fact | None:
        seats = self._seats(area)
        if not seats:
            return None
        winners, base_winners = self._winners(), base_facts._winners()
        lineage = self._lineage(party)
        hits, unmatched = [], 0
        for c in seats:
            before_c = base_facts.counterpart_contest(c)
            if before_c is None or before_c.id not in base_winners:
                unmatched += 1
                continue
            now_party, then_party = winners[c.id][0], base_winners[before_c.id][0]
            then_ours = then_party in lineage
            if ((which == "gains" and now_party == party and not then_ours)
                    or (which == "losses" and then_ours and now_party != party)
                    or (which == "holds" and now_party == party and then_ours)):
                hits.append(c.name)
        listed = ", ".join(hits[:_LISTED]) + (", ..." if len(hits) > _LISTED else "")
        verb = {"gains": "won from another party", "losses": "lost to another party", "holds": "held"}[which]
        formula = (f"{len(hits)} seats {verb} since {base_facts.election.id} (winner in each seat compared with the "
                   f"{base_facts.election.id} winner){': ' + listed if hits else ''}")
        if unmatched:
            formula += f"; {unmatched} seats have no counterpart in {base_facts.election.id}"
        kind = {"gains": Kind.GAINS, "losses": Kind.LOSSES, "holds": Kind.HOLDS}[which]
        sources = tuple(dict.fromkeys(self._sources(seats) + base_facts._sources(list(base_facts.election.contests))))
        return self._fact(kind, len(hits), Unit.COUNT, formula, (), sources=sources, subject=(party,), area=area)

    @memo
    def gains(self: Facts, party: str, base_facts: Facts, area: str | None = None) -> Fact | None:
        return self._changes(party, base_facts, area, "gains")

    @memo
    def losses(self: Facts, party: str, base_facts: Facts, area: str | None = None) -> Fact | None:
        return self._changes(party, base_facts, area, "losses")

    @memo
    def holds(self: Facts, party: str, base_facts: Facts, area: str | None = None) -> Fact | None:
        return self._changes(party, base_facts, area, "holds")

    # -- ranks, places, majorities -------------------------------------------------------------------
    @memo
    def party_rank(self: Facts, party: str, by: str = "seats", area: str | None = None) -> Fact | None:
        """Position among parties (labels such as Independent excluded) by seats or votes; ties share a place."""
        if by not in ("seats", "votes"):
            raise ValueError(f"rank parties by 'seats' or 'votes', not {by!r}")
        seats = self._seats(area)
        if not seats:
            return None
        if by == "votes":
            figures = dict(self._tally(area)[0])
        else:
            figures = dict(self._seat_tally(area))
        figures = {p: v for p, v in figures.items() if not self._grouping(p)}
        if party not in figures:
            return None
        position = 1 + sum(1 for v in figures.values() if v > figures[party])
        top = sorted(figures.items(), key=lambda kv: -kv[1])[: max(position + 1, 3)]
        listing = ", ".join(f"{self.party_name(p)} {v:,}" for p, v in top)
        return self._fact(Kind.RANK, position, Unit.RANK,
                          f"position {position} of {len(figures)} parties by {by} ({listing}, ...)", (),
                          sources=self._sources(seats), subject=(party,), area=area)

    def _grouping(self: Facts, party: str) -> bool:
        info = self.registry.parties.get(party)
        return bool(info and info.grouping)

    @memo
    def place_count(self: Facts, party: str, place: int, area: str | None = None) -> Fact | None:
        """In how many contests the party's best candidate came `place` (1 = won)."""
        seats = self._seats(area)
        if not seats or place < 1:
            return None
        n = 0
        for c in seats:
            parties = [self.party(k) for k in self._ordered(c, Round.FIRST)]
            if party in parties and parties.index(party) + 1 == place:
                n += 1
        return self._fact(Kind.PLACE_COUNT, n, Unit.COUNT,
                          f"{n} of {self._where(area, len(seats))} with the {self.party_name(party)} candidate "
                          f"placed {place}", (), sources=self._sources(seats), subject=(party,), area=area,
                          place=place)

    @memo
    def commons_majority(self: Facts, party: str) -> Fact | None:
        """Seats won minus all other seats; None when the party has no majority."""
        seats, total = self.party_seats(party), self.total_seats()
        if seats is None or total is None or 2 * seats.value - total.value <= 0:
            return None
        others = total.value - seats.value
        return self._fact(Kind.MAJORITY_SEATS, seats.value - others, Unit.COUNT,
                          f"{seats.value:.0f} − {others:.0f} ({self.party_name(party)} seats − all other seats of "
                          f"{total.value:.0f})",
                          (entry(f"{self.party_name(party)} seats", seats.value, seats.sources),
                           entry("all other seats", others, total.sources)), subject=(party,), note=seats.note)

    @memo
    def largest_party(self: Facts, area: str | None = None) -> str | None:
        """The party with the most seats, or None on a tie."""
        ranked = [p for p in {w[0] for w in self._winners().values()} if not self._grouping(p)]
        counts = {p: self.party_seats(p, area).value for p in ranked if self.party_seats(p, area)}
        if not counts:
            return None
        best = max(counts.values())
        top = [p for p, v in counts.items() if v == best]
        return top[0] if len(top) == 1 else None
