"""The vocabulary shared by ledger facts, claims and findings."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    VOTES = "votes"
    TRANSFERS = "transfers"
    SHARE = "share"
    MARGIN_VOTES = "margin_votes"
    MARGIN_POINTS = "margin_points"
    SHARE_CHANGE = "share_change"
    TURNOUT = "turnout"
    TURNOUT_CHANGE = "turnout_change"
    ELECTORATE = "electorate"
    BALLOTS = "ballots"
    REJECTED = "rejected"
    VALID_VOTES = "valid_votes"
    RANK = "rank"
    CANDIDATES = "candidates"
    DEPOSITS = "deposits"  # how many candidates kept (or lost) their deposits, or whether one did
    COMPARISON = "comparison"  # one candidate won more votes than another
    WINNER = "winner"
    SEATS = "seats"  # seats a party won, across an election or a nation
    SEAT_CHANGE = "seat_change"  # seats gained (+) or lost (-) against the base election
    MAJORITY_SEATS = "majority_seats"  # a party's seats minus everyone else's ("a Commons majority of 174")
    PLACE_COUNT = "place_count"  # in how many contests a candidate or party came a given place
    GAINS = "gains"  # seats a party won from another party (against the base election)
    LOSSES = "losses"  # seats a party lost to another party
    HOLDS = "holds"  # seats a party won again
    UNKNOWN = "unknown"  # a result-sized figure whose meaning the text does not make clear


# Kinds the ledger derives that no extractor yields yet: the example-table test exempts these until
# extraction for them lands.
NOT_YET_EXTRACTED = frozenset({Kind.GAINS, Kind.LOSSES, Kind.HOLDS})


class Round(StrEnum):
    FIRST = "first"
    FINAL = "final"
    UNSTATED = "unstated"  # claims only: the text does not say which count


class Unit(StrEnum):
    VOTES = "votes"
    PERCENT = "percent"
    POINTS = "points"
    RANK = "rank"
    COUNT = "count"
    FLAG = "flag"  # 1 for true, 0 for false


KIND_LABELS: dict[Kind, str] = {
    Kind.VOTES: "votes",
    Kind.TRANSFERS: "second-preference transfers",
    Kind.SHARE: "share of the vote",
    Kind.MARGIN_VOTES: "margin in votes",
    Kind.MARGIN_POINTS: "margin in percentage points",
    Kind.SHARE_CHANGE: "change in share",
    Kind.TURNOUT: "turnout",
    Kind.TURNOUT_CHANGE: "change in turnout",
    Kind.ELECTORATE: "electorate",
    Kind.BALLOTS: "ballot papers",
    Kind.REJECTED: "rejected ballots",
    Kind.VALID_VOTES: "valid votes",
    Kind.RANK: "rank",
    Kind.CANDIDATES: "number of candidates",
    Kind.DEPOSITS: "deposits",
    Kind.COMPARISON: "comparison",
    Kind.WINNER: "winner",
    Kind.SEATS: "seats",
    Kind.SEAT_CHANGE: "change in seats",
    Kind.MAJORITY_SEATS: "majority in seats",
    Kind.PLACE_COUNT: "contests by place",
    Kind.GAINS: "seats gained",
    Kind.LOSSES: "seats lost",
    Kind.HOLDS: "seats held",
    Kind.UNKNOWN: "figure of unclear meaning",
}

ROUND_LABELS: dict[Round, str] = {
    Round.FIRST: "first-round",
    Round.FINAL: "final-round",
    Round.UNSTATED: "",
}


def describe(kind: Kind, round_: Round | None) -> str:
    """A human label such as "first-round share of the vote"."""
    prefix = ROUND_LABELS.get(round_, "") if round_ else ""
    return f"{prefix} {KIND_LABELS[kind]}".strip()
