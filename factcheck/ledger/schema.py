"""The ledger file format: pydantic models, frozen, with unknown keys rejected.

A ledger directory holds `people.yaml`, `parties.yaml`, `constituencies.yaml` (the names the press
uses for everyone and everything) and `elections/<election-id>.yaml`, one file per election.
Only figures a source printed are stored; everything computable is derived (see `facts.py`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, StrictInt, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
SourceIds = Annotated[tuple[Id, ...], Field(min_length=1)]
Text = Annotated[str, StringConstraints(min_length=1)]
Votes = Annotated[StrictInt, Field(ge=0)]
# Printed percentages stay Decimal so "36.80" keeps its two places; JSON shows them as numbers.
Percent = Annotated[Decimal, Field(ge=0, le=100), PlainSerializer(float, when_used="json")]


class Model(BaseModel):
    # Validators are built on first use: a run that loads the ledger from its cache never validates.
    model_config = ConfigDict(frozen=True, defer_build=True, extra="forbid")


class SourceKind(StrEnum):
    OFFICIAL = "official"  # the returning officer's declaration or the GLA's own data
    OFFICIAL_REPORT = "official-report"  # Electoral Commission, GLA papers, Hansard, Commons Library
    COMPILATION = "compilation"  # careful secondary tables (Teale, politicsresources)
    ENCYCLOPEDIA = "encyclopedia"
    PRESS = "press"
    BLOG = "blog"


class VariantStatus(StrEnum):
    """How a documented alternative figure relates to the ledger's figure."""

    SUPERSEDED = "superseded"  # once declared, later revised: quoting it is an error
    MISPRINT = "misprint"  # a source's typo or miscount
    DISPUTED = "disputed"  # printed somewhere but not reproducible from official figures
    OTHER_BASIS = "other-basis"  # the same quantity on another legitimate definition


class Source(Model):
    title: Text
    url: Text
    publisher: Text
    kind: SourceKind


class Variant(Model):
    """A named set of alternative figures, such as the count declared on the night."""

    label: Text
    status: VariantStatus
    sources: SourceIds
    note: str | None = None


class CountAlternative(Model):
    value: Votes
    variant: Id


class Count(Model):
    """A number of votes, ballot papers or electors, as printed by its sources."""

    value: Votes
    sources: SourceIds
    note: str | None = None
    alternatives: tuple[CountAlternative, ...] = ()
    discrepancy: str | None = None  # documents a known arithmetic mismatch


class Percentage(Model):
    """A percentage as a source printed it; the printed decimals are its precision."""

    value: Percent
    sources: SourceIds
    note: str | None = None
    discrepancy: str | None = None  # documents why it differs from the recomputed share


class TurnoutAlternative(Model):
    value: Percent
    variant: Id
    definition: Text


class Turnout(Model):
    definition: Text
    value: Percent | None = None  # required when it cannot be derived from ballots and electorate
    sources: SourceIds
    note: str | None = None
    alternatives: tuple[TurnoutAlternative, ...] = ()
    discrepancy: str | None = None


class System(StrEnum):
    SUPPLEMENTARY_VOTE = "supplementary-vote"
    FIRST_PAST_THE_POST = "first-past-the-post"


class Candidate(Model):
    person: Id
    party: Id
    ballot_name: Text
    description: str | None = None  # the ballot-paper description, as printed
    first_round: Count
    transfers: Count | None = None  # second preferences transferred to a finalist
    final: Count | None = None
    first_round_share_printed: Percentage | None = None
    final_share_printed: Percentage | None = None
    note: str | None = None


class ConstituencyResult(Model):
    constituency: Id
    complete: bool  # every candidate's votes are present, so shares and ranks can be derived
    sources: SourceIds
    votes: dict[Id, Votes]
    shares_printed: dict[Id, Percentage] = {}


class Election(Model):
    id: Id
    name: Text
    office: Text
    date: dt.date
    system: System
    deposit_threshold: Percent = Decimal(5)  # share of valid first preferences to keep a deposit
    sources: dict[Id, Source]
    variants: dict[Id, Variant] = {}
    electorate: Count | None = None
    ballots: Count | None = None  # ballot papers counted, including rejected ones
    rejected: Count | None = None
    valid_first_preferences: Count | None = None
    turnout: Turnout
    candidates: Annotated[tuple[Candidate, ...], Field(min_length=1)]
    constituencies: tuple[ConstituencyResult, ...] = ()
    notes: tuple[str, ...] = ()


class Person(Model):
    name: Text
    aliases: tuple[Text, ...] = ()
    # Phrases that contain one of the aliases but do not name this person ("City Hall" for Hall).
    not_in: tuple[Text, ...] = ()


class Party(Model):
    name: Text
    aliases: tuple[Text, ...] = ()
    codes: tuple[Text, ...] = ()  # short labels such as "C" or "LD", trusted only in brackets
    grouping: bool = False  # a label shared by unrelated candidates, such as "Independent"


class Constituency(Model):
    name: Text
    aliases: tuple[Text, ...] = ()
    boroughs: tuple[Text, ...] = ()


class Registry(Model):
    people: dict[Id, Person]
    parties: dict[Id, Party]
    constituencies: dict[Id, Constituency]


class Ledger(Model):
    """Everything in a ledger directory, validated; elections are in date order."""

    directory: str
    registry: Registry
    elections: tuple[Election, ...]
