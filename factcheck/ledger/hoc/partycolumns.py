"""A constituencies file with one vote column per party and no candidacies, read and checked row by row.

The House of Commons Library's 2015 file is one: it has the later constituencies files' first 18
columns (code, names, region, result, first and second party, electorate, valid and invalid votes,
majority), then the votes of each named party and one column adding up everybody else. The import
settings list its columns by heading (the file has no header row), so this reader names no party.

Each seat becomes party rows: one per named party that stood, and the "other" column. Where the
winner or the runner-up is not a named party (the Speaker, an independent), the other column holds
them too; their votes are then derived from the majority (the runner-up's votes plus the majority,
or the winner's minus it), the rest of the column stays one row, and each derived row says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factcheck.ledger.csvfile import Problems, Row, integer, read_rows

# The headings the reader needs, as the publisher's later files print them; party columns follow "Majority".
NEEDED = ("ONS ID", "Constituency name", "Region name", "Country name", "Result", "First party", "Second party",
          "Electorate", "Valid votes", "Invalid votes", "Majority")


def _clean(text: str) -> str:
    return " ".join(text.split())


@dataclass
class PartyRow:
    code: str  # the party's abbreviation (a column heading or the first/second party named in the file)
    votes: int
    derived: str | None = None  # how the votes were worked out, where the file does not print them


@dataclass
class PartySeat:
    row: Row
    ons: str
    name: str
    region: str
    country: str
    result: str
    first: str
    second: str
    electorate: int
    valid: int
    invalid: int
    majority: int
    columns: list[tuple[str, int]]  # (party column heading, votes), the other column last
    parties: list[PartyRow] = field(default_factory=list)


def read_party_columns(path: Path, columns: tuple[str, ...], other: str, problems: Problems) -> list[PartySeat]:
    """Seat rows of a file laid out as `columns`; a missing heading is one problem at the file."""
    missing = [h for h in (*NEEDED, other) if h not in columns]
    if missing:
        problems.at_file(path, f"the import settings list no column {', '.join(map(repr, missing))}")
        return []
    at = {h: i for i, h in enumerate(columns)}
    party_columns = [i for i in range(at["Majority"] + 1, len(columns)) if columns[i] != other] + [at[other]]
    out = []
    for row in read_rows(path, problems):
        f = row.fields
        if f and f[0] == "ONS ID":  # a header row, should a later copy have one
            continue
        if len(f) != len(columns):
            problems.add(row, min(len(f), len(columns)), f"expected {len(columns)} columns, found {len(f)}")
            continue
        counts = {h: integer(row, at[h], problems, h.lower()) for h in ("Electorate", "Valid votes", "Invalid votes",
                                                                          "Majority")}
        votes = [(columns[i], integer(row, i, problems, f"{columns[i]} votes")) for i in party_columns]
        if any(v is None for v in counts.values()) or any(v is None for _, v in votes):
            continue
        out.append(PartySeat(row, f[at["ONS ID"]].strip(), _clean(f[at["Constituency name"]]),
                             _clean(f[at["Region name"]]), _clean(f[at["Country name"]]), _clean(f[at["Result"]]),
                             _clean(f[at["First party"]]), _clean(f[at["Second party"]]), counts["Electorate"],
                             counts["Valid votes"], counts["Invalid votes"], counts["Majority"], votes))
    return out


def check_party_columns(seats: list[PartySeat], columns: tuple[str, ...], codes: dict[str, str],
                        problems: Problems) -> None:
    """Check each seat's printed totals and fill in its party rows (see the module docstring)."""
    at = {h: i for i, h in enumerate(columns)}
    seen: dict[str, int] = {}
    for seat in seats:
        if seat.ons in seen:
            problems.add(seat.row, at["ONS ID"], f"{seat.ons} is also on line {seen[seat.ons]}")
            continue
        seen[seat.ons] = seat.row.line
        *named, (other_heading, other) = seat.columns
        total = sum(v for _, v in seat.columns)
        if total != seat.valid:
            problems.add(seat.row, at["Valid votes"], f"party columns in {seat.name} sum to {total:,}, "
                                                      f"not {seat.valid:,}")
            continue
        by_code = {codes.get(h, h): v for h, v in named if v > 0}
        first, second = codes.get(seat.first, seat.first), codes.get(seat.second, seat.second)
        rows = [PartyRow(code, v) for code, v in by_code.items()]
        rest = other
        if first in by_code and second in by_code:
            winner, runner_up = by_code[first], by_code[second]
        elif second in by_code and first not in by_code:
            winner, runner_up = by_code[second] + seat.majority, by_code[second]
            rows.append(PartyRow(first, winner, f"not printed: {seat.second}'s {runner_up:,} plus the majority of "
                                                f"{seat.majority:,}; the rest of the {other_heading} column is "
                                                f"{other - winner:,}"))
            rest -= winner
        elif first in by_code:
            winner, runner_up = by_code[first], by_code[first] - seat.majority
            rows.append(PartyRow(second, runner_up, f"not printed: {seat.first}'s {winner:,} less the majority of "
                                                    f"{seat.majority:,}; the rest of the {other_heading} column is "
                                                    f"{other - runner_up:,}"))
            rest -= runner_up
        else:
            problems.add(seat.row, at["First party"], f"neither the first party {seat.first!r} nor the second "
                                                      f"{seat.second!r} has a column of its own in {seat.name}")
            continue
        named_votes = sorted((v for c, v in by_code.items() if c not in (first, second)), reverse=True)
        if winner - runner_up != seat.majority:
            problems.add(seat.row, at["Majority"], f"majority {seat.majority:,} is not first minus second "
                                                   f"({winner:,} − {runner_up:,})")
        elif rest < 0 or runner_up < 0 or (named_votes and named_votes[0] > runner_up):
            problems.add(seat.row, at["Majority"], f"the first and second parties of {seat.name} cannot be the "
                                                   "top two with these columns")
        else:
            seat.parties = rows + ([PartyRow(other_heading, rest)] if rest else [])
