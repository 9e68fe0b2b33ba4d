"""The ledger's hand-edited file format: pydantic models, frozen, with unknown keys rejected.

A ledger directory holds `people.yaml`, `parties.yaml`, `constituencies.yaml` and `areas.yaml` (the
names the press uses for everyone and everything) and `elections/<election-id>.yaml`, one file per
election. An election's figures are either in its YAML file (a mayoralty: one area-wide candidate
list and constituency breakdowns) or, for imported elections with thousands of rows, in CSV tables
beside it (`tables:`; see `tables.py`). Imported registry entries live in `people.csv`, `parties.csv`
and `constituencies.csv`. Only figures a source printed are stored; everything computable is derived
(see `facts.py`). The loader turns these files into the in-memory model of `model.py`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, StrictInt, StringConstraints, model_validator

from factcheck.ledger.model import SourceKind, System, TurnoutBasis, VariantStatus

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
SourceIds = Annotated[tuple[Id, ...], Field(min_length=1)]
Text = Annotated[str, StringConstraints(min_length=1)]
Votes = Annotated[StrictInt, Field(ge=0)]
# Printed percentages stay Decimal so "36.80" keeps its two places; JSON shows them as numbers.
Percent = Annotated[Decimal, Field(ge=0, le=100), PlainSerializer(float, when_used="json")]

__all__ = ["SourceKind", "System", "TurnoutBasis", "VariantStatus"]


class Model(BaseModel):
    # Validators are built on first use: a run that loads the ledger from its cache never validates.
    model_config = ConfigDict(frozen=True, defer_build=True, extra="forbid")


class Via(Model):
    title: Text
    url: Text


class Source(Model):
    """A primary publication: its official title and address; copies it was read through go in `via`."""

    title: Text
    url: Text | None = None  # the publication's own address; omit (and say so in `note`) when unknown
    publisher: Text
    kind: SourceKind
    via: tuple[Via, ...] = ()
    seen: bool = True  # False: only copies or citations of the publication were read
    note: str | None = None


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
    basis: TurnoutBasis = TurnoutBasis.BALLOTS
    other_basis: Id | None = None  # a variant documenting turnout derived on the other basis
    value: Percent | None = None  # required when it cannot be derived from ballots and electorate
    sources: SourceIds
    note: str | None = None
    alternatives: tuple[TurnoutAlternative, ...] = ()
    discrepancy: str | None = None


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


class Tables(Model):
    """Contests and candidacies kept in CSV files in `elections/<folder>/` (see `tables.py`)."""

    folder: Text
    sources: SourceIds  # the sources of every figure in the tables, unless a row names its own


class ProvenanceFile(Model):
    name: Text
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Provenance(Model):
    importer: Text
    imported: dt.date
    repository: str | None = None
    commit: str | None = None
    folder: str | None = None
    files: tuple[ProvenanceFile, ...] = ()


class Election(Model):
    id: Id
    name: Text
    family: Id
    office: Text
    date: dt.date
    system: System
    deposit_threshold: Percent = Decimal(5)  # share of valid first preferences to keep a deposit
    base: Id | None = None  # the election changes are measured against (default: the previous one)
    notional: bool = False  # a re-estimated result used as a base, never itself checked
    base_only: bool = False  # a counted result held only as a base for a later election, never itself checked
    sources: dict[Id, Source]
    variants: dict[Id, Variant] = {}
    electorate: Count | None = None
    ballots: Count | None = None  # ballot papers counted, including rejected ones
    rejected: Count | None = None
    valid_first_preferences: Count | None = None
    turnout: Turnout
    candidates: tuple[Candidate, ...] = ()
    constituencies: tuple[ConstituencyResult, ...] = ()
    tables: Tables | None = None
    provenance: Provenance | None = None
    notes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _has_results(self) -> Election:
        if not self.candidates and self.tables is None:
            raise ValueError("an election needs `candidates` or `tables`")
        if self.candidates and self.tables is not None:
            raise ValueError("give `candidates` or `tables`, not both")
        return self


class Person(Model):
    name: Text
    aliases: tuple[Text, ...] = ()
    # Phrases that contain one of the aliases but do not name this person ("City Hall" for Hall).
    not_in: tuple[Text, ...] = ()
    mnis: StrictInt | None = None  # UK Parliament member id: links this entry to imported candidacies


class Party(Model):
    name: Text
    aliases: tuple[Text, ...] = ()
    codes: tuple[Text, ...] = ()  # short labels such as "C" or "LD", trusted only in brackets
    grouping: bool = False  # a label shared by unrelated candidates, such as "Independent"
    hoc: tuple[Text, ...] = ()  # House of Commons Library party abbreviations that mean this party
    successor_of: Id | None = None  # the same registered party under an earlier name


class Constituency(Model):
    name: Text
    aliases: tuple[Text, ...] = ()
    boroughs: tuple[Text, ...] = ()
    nation: Id | None = None
    region: Id | None = None


class Family(Model):
    """An election family and the English words that say an article is about one of its elections."""

    name: Text
    words: tuple[Text, ...] = ()  # phrases, matched whole and case-insensitively ("general election", "mayoral")


class Area(Model):
    name: Text
    kind: Annotated[str, StringConstraints(pattern=r"^(nation|region)$")]
    aliases: tuple[Text, ...] = ()
    nation: Id | None = None
