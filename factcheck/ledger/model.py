"""The ledger in memory: elections hold contests, contests hold candidacies.

These are plain slotted dataclasses rather than pydantic models: the ledger's files are validated
by the loader (`loader.py` for YAML, `tables.py` for CSV), and the in-memory model is rebuilt from a
trusted JSON cache on every run, where constructing ~15,000 candidacies must cost milliseconds. They
are not frozen for the same reason (a frozen dataclass is several times slower to build); nothing
changes them after loading.

One model for every election family. A mayoralty is one `area` contest (the whole electoral area)
plus `breakdown` contests: first preferences of the same contest counted in one part of the area.
A general election is one `constituency` contest per seat. The voting system is data on the election.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class SourceKind(StrEnum):
    OFFICIAL = "official"  # the returning officer's declaration, the GLA's own data, Commons Library results
    OFFICIAL_REPORT = "official-report"  # Electoral Commission, GLA papers, Hansard, Commons Library briefings
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


class System(StrEnum):
    SUPPLEMENTARY_VOTE = "supplementary-vote"
    FIRST_PAST_THE_POST = "first-past-the-post"


class ContestKind(StrEnum):
    AREA = "area"  # the whole electoral area of a mayoralty
    CONSTITUENCY = "constituency"  # one seat of a general election
    BREAKDOWN = "breakdown"  # first preferences of the area contest counted in one constituency


class TurnoutBasis(StrEnum):
    BALLOTS = "ballots"  # ballot papers counted, rejected ones included, over electorate
    VALID = "valid"  # valid votes over electorate (the House of Commons Library's basis)


@dataclass(slots=True)
class Via:
    """A copy a source was read through: a mirror, a transcription, a repository."""

    title: str
    url: str


@dataclass(slots=True)
class Source:
    """A primary publication, cited by its official title and address; `via` says how it was read.

    `url` is None when the publication's own address is not known; `seen` is False when the
    publication itself was not read, only copies of it or citations.
    """

    title: str
    publisher: str
    kind: SourceKind
    url: str | None = None
    via: tuple[Via, ...] = ()
    seen: bool = True
    note: str | None = None

    def label(self) -> str:
        """The title with how it was read: "Title (read via X; primary document not seen)"."""
        notes = ["read via " + "; ".join(v.title for v in self.via)] if self.via else []
        if not self.seen:
            notes.append("primary document not seen")
        return self.title + (f" ({'; '.join(notes)})" if notes else "")

    def link(self) -> str:
        """The publication's own address, else the copy it was read through, else "" (none known)."""
        return self.url or (self.via[0].url if self.via else "")

    def citation(self) -> str:
        """"Title, <address> (read via ...)": the primary first, copies after."""
        text = self.title + (f" <{self.url}>" if self.url else " (no official address known)")
        if self.via:
            text += " (read via " + "; ".join(f"{v.title} <{v.url}>" for v in self.via) + ")"
        if not self.seen:
            text += " [primary document not seen]"
        return text


@dataclass(slots=True)
class Variant:
    """A named set of alternative figures, such as the count declared on the night."""

    label: str
    status: VariantStatus
    sources: tuple[str, ...]
    note: str | None = None


@dataclass(slots=True)
class Alternative:
    value: int
    variant: str


@dataclass(slots=True)
class Count:
    """A number of votes, ballot papers or electors, as printed by its sources."""

    value: int
    sources: tuple[str, ...]
    note: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    discrepancy: str | None = None  # documents a known arithmetic mismatch


@dataclass(slots=True)
class Printed:
    """A percentage as a source printed it; the printed decimals are its precision."""

    value: Decimal
    sources: tuple[str, ...]
    note: str | None = None
    discrepancy: str | None = None


@dataclass(slots=True)
class TurnoutAlternative:
    value: Decimal
    variant: str
    definition: str


@dataclass(slots=True)
class Turnout:
    """A published turnout; stored only where it cannot be derived from the counts."""

    sources: tuple[str, ...]
    value: Decimal | None = None
    note: str | None = None
    alternatives: tuple[TurnoutAlternative, ...] = ()
    discrepancy: str | None = None


@dataclass(slots=True)
class Candidacy:
    """One candidate (or, in a notional result, one party) in one contest."""

    person: str | None  # None for party-level rows such as notional results
    party: str
    votes: Count  # first-round votes; the only round under first past the post
    ballot_name: str | None = None
    description: str | None = None  # the ballot-paper description, as printed ("Labour and Co-operative")
    transfers: Count | None = None  # second preferences transferred to a finalist
    final: Count | None = None
    first_share_printed: Printed | None = None
    final_share_printed: Printed | None = None
    party_alternatives: tuple[tuple[str, str], ...] = ()  # (party, variant): the Speaker under his former party
    note: str | None = None


@dataclass(slots=True)
class Contest:
    id: str
    name: str
    kind: ContestKind
    candidacies: tuple[Candidacy, ...]
    sources: tuple[str, ...]
    complete: bool = True  # every candidate's votes are present, so shares and ranks can be derived
    code: str | None = None  # the official area code (ONS id), which survives a change of name
    nation: str | None = None
    region: str | None = None
    electorate: Count | None = None
    ballots: Count | None = None  # ballot papers counted, including rejected ones
    rejected: Count | None = None  # rejected ballot papers ("invalid votes")
    valid: Count | None = None  # valid (first-preference) votes, as published
    turnout: Turnout | None = None
    result: str | None = None  # as published, e.g. "Lab gain from Con"
    shares_printed: tuple[tuple[str, Printed], ...] = ()  # (person, share some source printed)


@dataclass(slots=True)
class Provenance:
    """Where imported data came from, so anyone can fetch the same files and check them."""

    importer: str
    imported: str  # ISO date of the import
    repository: str | None = None
    commit: str | None = None
    folder: str | None = None
    files: tuple[tuple[str, str], ...] = ()  # (file name, sha256)


@dataclass(slots=True)
class Election:
    id: str
    name: str
    family: str  # "london-mayor", "uk-general": which cues and conventions apply
    office: str
    date: dt.date
    system: System
    sources: dict[str, Source]
    contests: tuple[Contest, ...]
    turnout_definition: str
    turnout_basis: TurnoutBasis = TurnoutBasis.BALLOTS
    turnout_other_basis: str | None = None  # the variant documenting turnout derived on the other basis
    deposit_threshold: Decimal = Decimal(5)  # share of valid (first-preference) votes needed to keep a deposit
    variants: dict[str, Variant] = field(default_factory=dict)
    base: str | None = None  # the election changes are measured against; None: the previous one for the office
    notional: bool = False  # a re-estimated result (a base for changes), never itself checked
    base_only: bool = False  # a counted result held only as a base for a later election's changes, never checked

    @property
    def checkable(self) -> bool:
        """Whether an article can be about this election (a base-only or notional result is never checked)."""
        return not (self.notional or self.base_only)
    notes: tuple[str, ...] = ()
    provenance: Provenance | None = None

    @property
    def area(self) -> Contest | None:
        """The contest for the whole electoral area (a mayoralty), or None (a general election)."""
        first = self.contests[0] if self.contests else None
        return first if first is not None and first.kind is ContestKind.AREA else None


@dataclass(slots=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    # Phrases that contain one of the aliases but do not name this person ("City Hall" for Hall).
    not_in: tuple[str, ...] = ()
    mnis: int | None = None  # UK Parliament member id, which tells two people of one name apart
    # In the hand-kept registry (people.yaml), not imported: the people the press names by surname alone.
    # Misspelt-surname matching is for them only (among thousands of imported names any capitalised word
    # is near some surname), and a bare surname shared with imported namesakes means them first when
    # working out which election an article is about.
    hand_kept: bool = True


@dataclass(slots=True)
class Party:
    name: str
    aliases: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()  # short labels such as "C" or "LD", trusted only in brackets
    grouping: bool = False  # a label shared by unrelated candidates, such as "Independent"
    hoc: tuple[str, ...] = ()  # House of Commons Library party abbreviations ("Lab", "Lab Coop")
    successor_of: str | None = None  # the same registered party under its earlier name


@dataclass(slots=True)
class Constituency:
    name: str
    aliases: tuple[str, ...] = ()
    boroughs: tuple[str, ...] = ()
    nation: str | None = None
    region: str | None = None


@dataclass(slots=True)
class Area:
    """A nation or region results are aggregated over."""

    name: str
    kind: str  # "nation" or "region"
    aliases: tuple[str, ...] = ()
    nation: str | None = None  # the nation a region belongs to


@dataclass(frozen=True, slots=True)
class Family:
    """An election family and the words that say an article is about one of its elections."""

    name: str
    words: tuple[str, ...] = ()


@dataclass(slots=True)
class Registry:
    people: dict[str, Person]
    parties: dict[str, Party]
    constituencies: dict[str, Constituency]
    areas: dict[str, Area] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)


@dataclass(slots=True)
class Ledger:
    """Everything in a ledger directory, validated; elections are in date order."""

    directory: str
    registry: Registry
    elections: tuple[Election, ...]
