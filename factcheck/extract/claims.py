"""The typed claim: what one sentence says about one figure of one election."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from factcheck.kinds import Kind, Round, Unit, describe
from factcheck.numbers import NumberMention, Qualifier


class Claim(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    kind: Kind
    round: Round = Round.UNSTATED
    round_explicit: bool = False  # stated next to the figure (or by a table heading), not just nearby
    subject: tuple[str, ...] = ()  # person ids: one candidate, or two for margins and comparisons
    subject_text: str | None = None  # how the text named the subject ("Mr Bailey", "the Tories", "he")
    party: str | None = None  # set when the text named a party rather than a person
    scope: str | None = None  # constituency id; None for London-wide
    scope_text: str | None = None
    election: str | None = None
    election_basis: str | None = None
    value: float | None = None  # the stated figure; a rank; 1 or 0 for a yes/no claim
    lo: float | None = None  # the interval the written figure stands for: [lo, hi)
    hi: float | None = None
    unit: Unit = Unit.VOTES
    qualifier: Qualifier | None = None
    relation: str | None = None  # "more"/"fewer" (comparison), "kept"/"lost" (deposits), "previous"
    mention: NumberMention | None = None  # the number as written, for corrections in the same style
    text: str  # the words the claim rests on (the number, or the rank or comparison words)
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    unsure: str | None = None  # why attribution is unsure; such a claim is reported unverifiable

    @property
    def label(self) -> str:
        return describe(self.kind, self.round if self.round is not Round.UNSTATED else None)
