"""Findings: a verdict for a claim, with the ledger figure, the rule that decided and its evidence."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from factcheck.extract.claims import Claim
from factcheck.kinds import Unit


class Verdict(StrEnum):
    SUPPORTED = "supported"
    IMPRECISE = "imprecise"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"


SEVERITY = {Verdict.CONTRADICTED: 3, Verdict.IMPRECISE: 2, Verdict.UNVERIFIABLE: 1, Verdict.SUPPORTED: 0}


class SourceRef(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    title: str
    url: str
    publisher: str


class AlternativeRef(BaseModel):
    """A documented alternative figure the claim matches instead of the ledger's."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    variant: str
    label: str
    status: str
    value: float
    sources: tuple[SourceRef, ...]
    note: str | None = None


class Place(BaseModel):
    """Another place in the same article, for internal-consistency clashes."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    start: int
    end: int
    text: str


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    claim: Claim
    verdict: Verdict
    expected: float | None = None
    unit: Unit | None = None
    rule: str
    derivation: str | None = None
    sources: tuple[SourceRef, ...] = ()
    suggestion: str | None = None
    reason: str | None = None
    alternative: AlternativeRef | None = None
    related: tuple[Place, ...] = ()
    suppressed: bool = False  # silenced by an inline `factcheck: ignore`
