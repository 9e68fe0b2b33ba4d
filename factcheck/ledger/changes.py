"""Changes since a base election: a candidate's share against the same party's (or person's) earlier
result, and turnout. For a general election the contest is matched by its official code, so a seat
on new boundaries is compared with the notional result for those boundaries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.kinds import Kind, Round, Unit
from factcheck.ledger.fact import Fact, memo, union_sources
from factcheck.ledger.model import Candidacy, Contest, ContestKind

if TYPE_CHECKING:
    from factcheck.ledger.facts import Facts


class ChangeFacts:
    """Mixed into `Facts`."""

    # -- change since the base election --------------------------------------------------------------
    @memo
    def share_change(self: Facts, person: str, round_: Round, base_facts: Facts, contest: str | None = None) -> Fact | None:
        """Change in share since the base: against the same party's candidate, else the same person."""
        found = self._candidacy(person, contest)
        now = self._share_of(found[0], found[1], round_, (person,)) if found else None
        if now is None:
            return None
        before_c = base_facts.counterpart_contest(found[0])
        before_k, basis = base_facts.counterpart(before_c, self.party(found[1]), person) if before_c else (None, "")
        if before_k is None:
            return None
        before = base_facts._share_of(before_c, before_k, round_, ())
        if before is None:
            return None
        who = base_facts.name(before_k.person) if before_k.person else base_facts._label(before_c, before_k)
        return self._fact(Kind.SHARE_CHANGE, now.value - before.value, Unit.POINTS,
                          f"{now.value:.2f}% − {before.value:.2f}% ({self.election.id} − {base_facts.election.id}, "
                          f"{basis}: {who})",
                          now.inputs + before.inputs, round_=now.round, subject=(person,), scope=now.scope,
                          sources=union_sources(*now.inputs, *before.inputs))

    def counterpart_contest(self: Facts, c: Contest) -> Contest | None:
        """This election's contest for the same place: the area contest, or the seat with the same code or id."""
        if c.kind is ContestKind.AREA:
            return self.area_contest
        for other in self.election.contests:
            if (c.code and other.code == c.code) or other.id == c.id:
                return other
        return None

    def counterpart(self: Facts, c: Contest, party: str, person: str | None) -> tuple[Candidacy | None, str]:
        """The candidacy in `c` that a later candidacy is compared with: one of the same party, else the person."""
        parties = self._lineage(party)
        info = self.registry.parties.get(party)
        if info is not None and not info.grouping:
            same = [k for k in c.candidacies if self.party(k) in parties]
            if len(same) == 1:
                return same[0], "same person" if person and same[0].person == person else "same party"
        same_person = [k for k in c.candidacies if person and k.person == person]
        return (same_person[0], "same person") if same_person else (None, "")

    def _lineage(self: Facts, party: str) -> set[str]:
        """A party and the earlier names it stood under (Reform UK was the Brexit Party)."""
        out, seen = {party}, party
        while seen in self.registry.parties and self.registry.parties[seen].successor_of:
            seen = self.registry.parties[seen].successor_of
            out.add(seen)
        return out

    def turnout_change(self: Facts, previous: Facts, now: Fact | None = None, then: Fact | None = None) -> Fact | None:
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
