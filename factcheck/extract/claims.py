"""The typed claim: one figure in one sentence, with the readings the sentence allows.

A figure is rarely unambiguous. Each `Reading` is one thing it may state (what it counts, whose it is,
which round, contest and election), with the cues behind it and how strongly they bind. The verifier
tries the readings; the claim's own fields mirror the reading that decided its verdict (or, before
verification, the strongest reading), so reports show what the figure was taken to mean.
"""

from __future__ import annotations

from enum import IntEnum

from pydantic import BaseModel, ConfigDict

from factcheck.kinds import Kind, Round, Unit, describe
from factcheck.numbers import NumberMention, Qualifier


class Strength(IntEnum):
    """How firmly cues bind one part of a reading. A contradiction needs FIRM on every part."""

    POSSIBLE = 1  # allowed by the sentence, nothing more
    LIKELY = 2  # the usual reading, but another is open (a pronoun, a subject in another clause)
    FIRM = 3  # fixed by cues in the same clause or the same table row


class Reading(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    kind: Kind
    round: Round = Round.UNSTATED
    round_explicit: bool = False  # stated next to the figure (or by a table heading), not just nearby
    subject: tuple[str, ...] = ()  # person ids: one candidate, or two for margins and comparisons
    subject_text: str | None = None  # how the text named the subject ("Mr Bailey", "the Tories", "he")
    party: str | None = None  # a party named instead of a person; alone it means the party's total
    scope: str | None = None  # a contest id, an area id (a nation), or None for the whole election
    scope_text: str | None = None
    election: str | None = None
    election_basis: str | None = None
    relation: str | None = None  # "more"/"fewer", "kept"/"lost", "magnitude", "place:2", "term:3" ...
    strength: Strength = Strength.POSSIBLE  # the weakest of its parts
    settled: bool = False  # the election and contest are fixed firmly, whatever the strength of the rest
    cues: tuple[str, ...] = ()  # why this reading, in words, for the report
    unsure: str | None = None  # a reason this reading cannot be checked (someone outside the ledger)

    @property
    def firm(self) -> bool:
        return self.strength is Strength.FIRM and self.unsure is None

    @property
    def label(self) -> str:
        return describe(self.kind, self.round if self.round is not Round.UNSTATED else None)


class Claim(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    # the reading shown (see the module docstring)
    kind: Kind
    round: Round = Round.UNSTATED
    round_explicit: bool = False
    subject: tuple[str, ...] = ()
    subject_text: str | None = None
    party: str | None = None
    scope: str | None = None
    scope_text: str | None = None
    election: str | None = None
    election_basis: str | None = None
    relation: str | None = None
    # the figure as written
    value: float | None = None  # the stated figure; a rank; 1 or 0 for a yes/no claim
    lo: float | None = None  # the interval the written figure stands for: [lo, hi)
    hi: float | None = None
    unit: Unit = Unit.VOTES
    qualifier: Qualifier | None = None
    mention: NumberMention | None = None  # the number as written, for corrections in the same style
    text: str  # the words the claim rests on (the number, or the rank or comparison words)
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    readings: tuple[Reading, ...] = ()  # strongest first
    unsure: str | None = None  # why no reading can be checked; such a claim is reported unverifiable

    @property
    def label(self) -> str:
        return describe(self.kind, self.round if self.round is not Round.UNSTATED else None)

    def shown_as(self, reading: Reading) -> Claim:
        """This claim, showing `reading` as what it states."""
        return self.model_copy(update={
            "kind": reading.kind, "round": reading.round, "round_explicit": reading.round_explicit,
            "subject": reading.subject, "subject_text": reading.subject_text, "party": reading.party,
            "scope": reading.scope, "scope_text": reading.scope_text, "election": reading.election,
            "election_basis": reading.election_basis, "relation": reading.relation,
        })
