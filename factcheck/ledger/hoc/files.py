"""The House of Commons Library results files, read and checked row by row.

Layouts (see the data folder's SOURCES.md): candidacies have 21 columns (22 with a Democracy Club
person id; the 2024 files have a header row, the 2017 and 2019 ones do not); constituencies have 32;
the notional 2019-on-2024-boundaries file has 16, one row per party per seat plus two summary rows
(TOTOTHV, MAXOTHV) that add up the minor parties and are not parties themselves.

Every check the ledger relies on is made here, and a failure names `file:line:column`: candidates'
votes add up to the seat's valid votes, the majority is first minus second, the member, first and
second parties are the top candidates, the party columns add up, and party codes are consistent.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.ledger.csvfile import Problems, Row, integer, read_rows

CANDIDACY_COLUMNS = 21
SEAT_COLUMNS = 32
NOTIONAL_COLUMNS = 16
NOTIONAL_SUMMARIES = frozenset({"TOTOTHV", "MAXOTHV"})  # all minor parties' total, and the largest of them
PARTY_COLUMNS_2024 = ("Con", "Lab", "LD", "RUK", "Green", "SNP", "PC", "DUP", "SF", "SDLP", "UUP", "APNI")


def clean_name(text: str) -> str:
    """A name as printed, with stray whitespace removed (some rows end in a tab)."""
    return " ".join(text.split())


@dataclass
class Candidacy:
    row: Row
    ons: str
    constituency: str
    region: str
    country: str
    party_name: str
    code: str  # party abbreviation
    mnis_party: str
    first: str
    surname: str
    mnis: int | None  # the candidate's UK Parliament member id, where they have one
    votes: int
    dc: str | None  # Democracy Club person id (2024)

    @property
    def name(self) -> str:
        return clean_name(f"{self.first} {self.surname}")


@dataclass
class Seat:
    row: Row
    ons: str
    name: str
    region: str
    country: str
    member: str
    result: str
    first: str
    second: str
    electorate: int
    valid: int
    invalid: int
    majority: int
    parties: list[int]  # the named party columns, in order
    others: int
    candidacies: list[Candidacy] = field(default_factory=list)


@dataclass
class NotionalParty:
    row: Row
    code: str  # without the trailing "V"
    votes: int
    abbreviation: str
    name: str


@dataclass
class NotionalSeat:
    row: Row
    ons: str
    name: str
    region_code: str
    country: str
    electorate: int
    valid: int
    majority: int
    parties: list[NotionalParty] = field(default_factory=list)


def read_candidacies(path: Path, problems: Problems, broken: set[str]) -> list[Candidacy]:
    """Candidacy rows; the ONS id of a seat with an unreadable row goes into `broken` (its totals are not checked)."""
    out = []
    width = CANDIDACY_COLUMNS
    for row in read_rows(path, problems):
        if row.fields and row.fields[0] == "ONS ID":  # a header row: the 2024 files have one, with a 22nd column
            width = len(row.fields)
            continue
        if len(row.fields) != width:
            problems.add(row, min(len(row.fields), width), f"expected {width} columns, found {len(row.fields)}")
            broken.add(row.fields[0].strip() if row.fields else "")
            continue
        votes = integer(row, 18, problems, "votes")
        mnis = integer(row, 17, problems, "member MNIS id", required=False)
        if not row.fields[8].strip():
            problems.add(row, 8, "party abbreviation is missing")
            votes = None
        if votes is None:
            broken.add(row.fields[0].strip())
            continue
        f = row.fields
        out.append(Candidacy(row, f[0].strip(), clean_name(f[2]), f[4].strip(), f[5].strip(), clean_name(f[7]),
                             f[8].strip(), f[10].strip(), f[12], f[13], mnis, votes,
                             f[21].strip() or None if len(f) > 21 else None))
    return out


def read_seats(path: Path, problems: Problems, broken: set[str]) -> list[Seat]:
    """Constituency rows; the ONS id of an unreadable row goes into `broken`."""
    out = []
    for row in read_rows(path, problems):
        if row.fields and row.fields[0] == "ONS ID":
            continue
        if len(row.fields) != SEAT_COLUMNS:
            problems.add(row, min(len(row.fields), SEAT_COLUMNS),
                         f"expected {SEAT_COLUMNS} columns, found {len(row.fields)}")
            broken.add(row.fields[0].strip() if row.fields else "")
            continue
        labels = {14: "electorate", 15: "valid votes", 16: "invalid votes", 17: "majority"}
        values = [integer(row, i, problems, labels.get(i, f"party column {i - 17}")) for i in range(14, 31)]
        if any(v is None for v in values):
            broken.add(row.fields[0].strip())
            continue
        f = row.fields
        out.append(Seat(row, f[0].strip(), clean_name(f[2]), f[4].strip(), f[5].strip(),
                        clean_name(f"{f[8]} {f[9]}"), f[11].strip(), f[12].strip(), f[13].strip(),
                        values[0], values[1], values[2], values[3], values[4:16], values[16]))
    return out


def read_notional(path: Path, problems: Problems) -> list[NotionalSeat]:
    seats: dict[str, NotionalSeat] = {}
    for row in read_rows(path, problems):
        f = row.fields
        if len(f) != NOTIONAL_COLUMNS:
            problems.add(row, min(len(f), NOTIONAL_COLUMNS), f"expected {NOTIONAL_COLUMNS} columns, found {len(f)}")
            continue
        values = [integer(row, i, problems, n) for i, n in ((8, "electorate"), (9, "valid votes"), (10, "majority"),
                                                           (12, "votes"))]
        if any(v is None for v in values):
            continue
        seat = seats.get(f[2])
        if seat is None:
            seat = seats[f[2]] = NotionalSeat(row, f[2].strip(), clean_name(f[0]), f[4].strip(), f[5].strip(),
                                              values[0], values[1], values[2])
        elif (seat.electorate, seat.valid, seat.majority) != tuple(values[:3]):
            problems.add(row, 8, f"seat totals differ from the first row of {seat.name} (line {seat.row.line})")
            continue
        code = f[11].strip()
        if code in NOTIONAL_SUMMARIES:
            continue
        code = code[:-1] if code.endswith("V") and not code.startswith("Commons") else code
        seat.parties.append(NotionalParty(row, code, values[3], f[13].strip(), clean_name(f[14])))
    return list(seats.values())


def check_seats(seats: list[Seat], candidacies: list[Candidacy], fourth_party: str, broken: set[str],
                problems: Problems) -> None:
    """Attach candidacies to seats and check every total the constituencies file prints.

    Seats in `broken` had an unreadable row, already reported: their totals would only repeat it."""
    by_ons = {s.ons: s for s in seats}
    for c in candidacies:
        seat = by_ons.get(c.ons)
        if seat is None and c.ons in broken:
            continue
        if seat is None:
            problems.add(c.row, 0, f"constituency {c.ons} ({c.constituency}) is not in the constituencies file")
            continue
        seat.candidacies.append(c)
    columns = tuple(fourth_party if name == "RUK" else name for name in PARTY_COLUMNS_2024)
    for seat in seats:
        if seat.ons in broken:
            continue
        rows = sorted(seat.candidacies, key=lambda c: -c.votes)
        if len(rows) < 1:
            problems.add(seat.row, 0, f"{seat.name} has no candidates in the candidacies file")
            continue
        total = sum(c.votes for c in rows)
        if total != seat.valid:
            problems.add(seat.row, 15, f"candidates' votes in {seat.name} sum to {total:,}, not {seat.valid:,}")
        if len(rows) > 1 and rows[0].votes - rows[1].votes != seat.majority:
            problems.add(seat.row, 17, f"majority {seat.majority:,} is not first minus second "
                                       f"({rows[0].votes:,} − {rows[1].votes:,} = {rows[0].votes - rows[1].votes:,})")
        if rows[0].name != seat.member:
            problems.add(seat.row, 8, f"member {seat.member!r} is not the candidate with most votes ({rows[0].name!r})")
        if seat.first != rows[0].code:
            problems.add(seat.row, 12, f"first party {seat.first!r} is not the winner's party code {rows[0].code!r}")
        if len(rows) > 1 and seat.second != rows[1].code:
            problems.add(seat.row, 13, f"second party {seat.second!r} is not the runner-up's party code "
                                       f"{rows[1].code!r}")
        for i, code in enumerate(columns):
            summed = sum(c.votes for c in rows if c.code == code)
            if summed != seat.parties[i]:
                problems.add(seat.row, 18 + i, f"{code} column {seat.parties[i]:,} is not the sum of {code} "
                                               f"candidates' votes ({summed:,})")
        rest = sum(c.votes for c in rows if c.code not in columns)
        if rest != seat.others:
            problems.add(seat.row, 30, f"other candidates' column {seat.others:,} is not their sum ({rest:,})")


RESULT = re.compile(r"^(?P<winner>.+?) (?:hold|gain from (?P<loser>.+))$")


def check_results(seats: list[Seat], known_codes: set[str], problems: Problems) -> None:
    """Results read "Lab hold" or "Lab gain from Con": the winner is the first party, both codes are known."""
    for seat in seats:
        m = RESULT.match(seat.result)
        if m is None:
            problems.add(seat.row, 11, f"result {seat.result!r} is not '<party> hold' or '<party> gain from <party>'")
            continue
        if m["winner"] != seat.first:
            problems.add(seat.row, 11, f"result {seat.result!r} does not name the first party {seat.first!r}")
        if m["loser"] and m["loser"] not in known_codes:
            problems.add(seat.row, 11, f"unknown party code {m['loser']!r} in result {seat.result!r}")


def check_party_codes(candidacies: list[Candidacy], problems: Problems) -> dict[str, str]:
    """Each MNIS party id has one abbreviation; a row that differs from the others is a wrong code.

    Returns MNIS party id -> abbreviation."""
    seen: dict[str, Counter] = {}
    for c in candidacies:
        seen.setdefault(c.mnis_party, Counter())[c.code] += 1
    usual = {mnis: codes.most_common(1)[0][0] for mnis, codes in seen.items()}
    for c in candidacies:
        if c.code != usual[c.mnis_party]:
            problems.add(c.row, 8, f"unknown party code {c.code!r}: MNIS party {c.mnis_party} ({c.party_name}) is "
                                   f"{usual[c.mnis_party]!r} in {seen[c.mnis_party][usual[c.mnis_party]]} other rows")
    return usual


def check_notional(seats: list[NotionalSeat], problems: Problems) -> None:
    for seat in seats:
        votes = sorted((p.votes for p in seat.parties), reverse=True)
        if sum(votes) != seat.valid:
            problems.add(seat.row, 9, f"party votes in {seat.name} sum to {sum(votes):,}, not {seat.valid:,}")
        if len(votes) > 1 and votes[0] - votes[1] != seat.majority:
            problems.add(seat.row, 10, f"majority {seat.majority:,} is not first minus second "
                                       f"({votes[0]:,} − {votes[1]:,})")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_checksums(folder: Path, files: list[Path], problems: Problems) -> dict[str, str]:
    """sha256 of each input, checked against SHA256SUMS where the folder has one."""
    listed: dict[str, str] = {}
    sums = folder / "SHA256SUMS"
    if sums.is_file():
        for row in read_rows(sums, problems):
            digest, _, name = row.raw.partition("  ")
            listed[name.strip().lstrip("*")] = digest.strip()
    out = {}
    for path in files:
        digest = sha256(path)
        out[path.name] = digest
        if path.name in listed and listed[path.name] != digest:
            problems.at_file(path, f"sha256 {digest} does not match SHA256SUMS ({listed[path.name]}): "
                                   "the file is not the published copy")
    return out


def provenance_from_sources_md(folder: Path) -> dict[str, str | None]:
    """Repository, commit and folder named in the data folder's SOURCES.md, where it has one."""
    path = folder / "SOURCES.md"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    repo = re.search(r"(?:https://)?github\.com/([\w.-]+/[\w.-]+)", text)
    commit = re.search(r"\bcommit\s+([0-9a-f]{40})\b", text)
    sub = re.search(r"\bfolder\s+([\w./-]+/)", text)
    return {"repository": f"https://github.com/{repo[1]}" if repo else None,
            "commit": commit[1] if commit else None, "folder": sub[1] if sub else None}
