"""`factcheck ledger list` and `ledger show`: elections, their stored figures and derived facts."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from factcheck.kinds import Kind, Round, describe
from factcheck.ledger.fact import Fact, fmt
from factcheck.ledger.index import LedgerIndex
from factcheck.ledger.model import Contest, ContestKind, Count, Election


def plain(value: Any) -> Any:
    """A model object as JSON-ready data, leaving out empty fields."""
    if is_dataclass(value):
        out = {}
        for f in fields(value):
            v = plain(getattr(value, f.name))
            if v not in (None, [], {}):
                out[f.name] = v
        return out
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def source_json(index: LedgerIndex, election_id: str, source_id: str) -> dict[str, Any]:
    source = index.source(election_id, source_id)
    if source is None:
        return {"id": source_id}
    return {"id": source_id, **plain(source), "citation": source.citation()}


def fact_json(index: LedgerIndex, fact: Fact) -> dict[str, Any]:
    out = fact.model_dump(mode="json", exclude_none=True)
    out["derivation"] = fact.derivation()
    out["sources"] = [source_json(index, fact.election, s) for s in fact.sources]
    return out


def election_summaries(index: LedgerIndex) -> list[dict[str, Any]]:
    """One row per checkable election: `ledger list`."""
    rows = []
    for eid in index.order:
        e = index.elections[eid]
        facts = index.facts(eid)
        turnout = facts.turnout()
        if facts.area_contest is not None:
            winner = facts.winner()
            summary = (f"{len(facts.area_contest.candidacies)} candidates\twinner: "
                       f"{facts.name(winner) if winner else '?'}")
            seats = None
        else:
            largest = facts.largest_party()
            summary = (f"{len(e.contests)} constituencies\tlargest party: "
                       f"{facts.party_name(largest) if largest else '?'}")
            seats = {p: int(facts.party_seats(p).value) for p in index.main_parties(eid) if facts.party_seats(p).value}
        rows.append({"id": eid, "family": e.family, "name": e.name, "date": e.date.isoformat(),
                     "system": e.system.value, "base": index.base_id(eid), "summary": summary,
                     "turnout": round(turnout.value, 2) if turnout else None, "seats": seats})
    return rows


def _mayoral_record(e: Election) -> dict[str, Any]:
    """A mayoralty in the shape of its YAML file: the area contest's candidates and the breakdowns."""
    area = e.area
    assert area is not None

    def count(c: Count | None) -> Any:
        return plain(c) if c is not None else None

    candidates = []
    for k in area.candidacies:
        candidates.append({key: value for key, value in {
            "person": k.person, "party": k.party, "ballot_name": k.ballot_name, "description": k.description,
            "first_round": count(k.votes), "transfers": count(k.transfers), "final": count(k.final),
            "first_round_share_printed": plain(k.first_share_printed),
            "final_share_printed": plain(k.final_share_printed), "note": k.note}.items() if value is not None})
    record = _header(e)
    record.update({key: value for key, value in {
        "electorate": count(area.electorate), "ballots": count(area.ballots), "rejected": count(area.rejected),
        "valid_first_preferences": count(area.valid), "turnout": plain(area.turnout) or None}.items()
        if value is not None})
    record["candidates"] = candidates
    record["constituencies"] = [
        {"constituency": c.id, "complete": c.complete, "sources": list(c.sources),
         "votes": {k.person: k.votes.value for k in c.candidacies},
         **({"shares_printed": {p: plain(s) for p, s in c.shares_printed}} if c.shares_printed else {})}
        for c in e.contests[1:]]
    return record


def _header(e: Election) -> dict[str, Any]:
    return plain({"id": e.id, "name": e.name, "family": e.family, "office": e.office, "date": e.date,
                  "system": e.system, "base": e.base, "deposit_threshold": e.deposit_threshold,
                  "turnout_definition": e.turnout_definition, "turnout_basis": e.turnout_basis,
                  "sources": e.sources, "variants": e.variants, "provenance": e.provenance, "notes": e.notes})


def contest_record(index: LedgerIndex, election_id: str, contest: Contest) -> dict[str, Any]:
    facts = index.facts(election_id)
    record = plain(contest)
    for row, k in zip(record["candidacies"], contest.candidacies):
        if k.person:
            row["name"] = facts.name(k.person)
    winner = facts.winner(contest.id)
    record["winner"] = winner
    return record


def election_json(index: LedgerIndex, election_id: str, contest: str | None = None) -> dict[str, Any]:
    election = index.elections.get(election_id) or index.facts(election_id).election
    variants = []
    for vid, facts in ({} if contest else index.variant_facts(election_id)).items():
        v = election.variants[vid]
        variants.append({
            "variant": vid, "label": v.label, "status": v.status.value, "note": v.note,
            "sources": [source_json(index, election_id, s) for s in v.sources],
            "derived": [fact_json(index, f) for f in facts],
        })
    if contest is not None:
        c = index.facts(election_id).contest(contest)
        assert c is not None
        return {"election": _header(election), "contest": contest_record(index, election_id, c),
                "derived": [fact_json(index, f) for f in index.contest_facts(election_id, contest)]}
    record = _mayoral_record(election) if election.area is not None else _header(election)
    return {"election": record, "derived": [fact_json(index, f) for f in index.standard_facts(election_id)],
            "variants": variants}


def print_election_table(index: LedgerIndex, election_id: str, contest: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    election = index.facts(election_id).election
    facts = index.facts(election_id)
    console.print(f"[bold]{election.name}[/] ({election.id}, {election.family}), {election.date.isoformat()}, "
                  f"{election.system.value}" + (f"; changes measured against {index.base_id(election_id)}"
                                                if index.base_id(election_id) else ""))
    if contest is not None:
        _print_contest(console, index, election_id, contest)
        derived_facts = index.contest_facts(election_id, contest)
    elif election.area is not None:
        table = Table(title="Candidates (as published)")
        for col in ("candidate", "party", "first round", "transfers", "final"):
            table.add_column(col, justify="right" if col not in ("candidate", "party") else "left")
        for k in election.area.candidacies:
            table.add_row(facts.name(k.person), facts.party_name(k.party), f"{k.votes.value:,}",
                          f"{k.transfers.value:,}" if k.transfers else "", f"{k.final.value:,}" if k.final else "")
        console.print(table)
        derived_facts = index.standard_facts(election_id)
    else:
        _print_parties(console, index, election_id)
        derived_facts = index.standard_facts(election_id)

    derived = Table(title="Derived facts")
    for col in ("fact", "subject", "scope", "value", "derivation"):
        derived.add_column(col, overflow="fold")
    for fact in derived_facts:
        derived.add_row(describe(fact.kind, fact.round), _subject(facts, fact), _scope(index, fact),
                        fmt(fact.value, fact.unit), fact.formula)
    console.print(derived)

    for vid, changed in ({} if contest else index.variant_facts(election_id)).items():
        v = election.variants[vid]
        console.print(f"[yellow]Alternative:[/] {v.label} ({v.status.value}; sources: {', '.join(v.sources)})")
        if v.note:
            console.print(f"  {v.note}")
        for fact in changed:
            console.print(f"  {describe(fact.kind, fact.round)} {_subject(facts, fact)}: {fact.derivation()}")
    console.print("Sources:")
    for sid, source in election.sources.items():
        console.print(f"  {sid}: {source.citation()}", soft_wrap=True)


def _subject(facts, fact: Fact) -> str:
    if fact.kind in (Kind.SEATS, Kind.SEAT_CHANGE, Kind.GAINS, Kind.LOSSES, Kind.HOLDS, Kind.PLACE_COUNT,
                     Kind.MAJORITY_SEATS) or fact.area is not None or (fact.subject and fact.subject[0] in
                                                                          facts.registry.parties):
        return " v ".join(facts.party_name(p) for p in fact.subject)
    return " v ".join(facts.surname(p) if p in facts.registry.people else facts.party_name(p) for p in fact.subject)


def _scope(index: LedgerIndex, fact: Fact) -> str:
    if fact.scope:
        place = index.registry.constituencies.get(fact.scope)
        return place.name if place else fact.scope
    return index.registry.areas[fact.area].name if fact.area in index.registry.areas else (fact.area or "")


def _print_parties(console, index: LedgerIndex, election_id: str) -> None:
    from rich.table import Table

    facts = index.facts(election_id)
    base = index.base(election_id)
    table = Table(title="Parties (derived from the constituency results)")
    for col in ("party", "seats", "change", "votes", "share"):
        table.add_column(col, justify="left" if col == "party" else "right")
    for p in index.main_parties(election_id):
        seats, votes, share = facts.party_seats(p), facts.party_votes(p), facts.party_share(p)
        change = facts.party_seat_change(p, base) if base else None
        table.add_row(facts.party_name(p), f"{seats.value:.0f}", f"{change.value:+.0f}" if change else "",
                      f"{votes.value:,.0f}", f"{share.value:.1f}%")
    console.print(table)


def _print_contest(console, index: LedgerIndex, election_id: str, contest: str) -> None:
    from rich.table import Table

    facts = index.facts(election_id)
    c = facts.contest(contest)
    assert c is not None
    kind = "constituency" if c.kind is ContestKind.CONSTITUENCY else "breakdown of the area-wide contest"
    console.print(f"[bold]{c.name}[/] ({kind}{', ' + c.result if c.result else ''})")
    table = Table()
    for col in ("candidate", "party", "votes", "share"):
        table.add_column(col, justify="left" if col in ("candidate", "party") else "right")
    for k in facts._ordered(c, Round.FIRST) or c.candidacies:
        share = facts.share(k.person, Round.FIRST, contest) if k.person else None
        table.add_row(facts.name(k.person) if k.person else "", k.description or facts.party_name(k.party),
                      f"{k.votes.value:,}", f"{share.value:.1f}%" if share else "")
    console.print(table)
