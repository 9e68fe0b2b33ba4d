"""`factcheck ledger show`: an election's stored figures and derived facts, as JSON or a table."""

from __future__ import annotations

from typing import Any

from factcheck.kinds import describe
from factcheck.ledger.facts import Fact, fmt
from factcheck.ledger.index import LedgerIndex


def fact_json(index: LedgerIndex, fact: Fact) -> dict[str, Any]:
    out = fact.model_dump(mode="json", exclude_none=True)
    out["derivation"] = fact.derivation()
    out["sources"] = [_source_json(index, fact.election, s) for s in fact.sources]
    return out


def _source_json(index: LedgerIndex, election_id: str, source_id: str) -> dict[str, Any]:
    source = index.source(election_id, source_id)
    return {"id": source_id, **(source.model_dump(mode="json") if source else {})}


def election_json(index: LedgerIndex, election_id: str) -> dict[str, Any]:
    election = index.elections[election_id]
    variants = []
    for vid, facts in index.variant_facts(election_id).items():
        v = election.variants[vid]
        variants.append({
            "variant": vid, "label": v.label, "status": v.status.value, "note": v.note,
            "sources": [_source_json(index, election_id, s) for s in v.sources],
            "derived": [fact_json(index, f) for f in facts],
        })
    return {
        "election": election.model_dump(mode="json", exclude_none=True),
        "derived": [fact_json(index, f) for f in index.standard_facts(election_id)],
        "variants": variants,
    }


def print_election_table(index: LedgerIndex, election_id: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    election = index.elections[election_id]
    facts = index.facts(election_id)
    console.print(f"[bold]{election.name}[/] ({election.id}), {election.date.isoformat()}, {election.system.value}")

    table = Table(title="Candidates (as published)")
    for col in ("candidate", "party", "first round", "transfers", "final"):
        table.add_column(col, justify="right" if col not in ("candidate", "party") else "left")
    for c in election.candidates:
        table.add_row(facts.name(c.person), index.registry.parties[c.party].name, f"{c.first_round.value:,}",
                      f"{c.transfers.value:,}" if c.transfers else "", f"{c.final.value:,}" if c.final else "")
    console.print(table)

    derived = Table(title="Derived facts")
    for col in ("fact", "subject", "scope", "value", "derivation"):
        derived.add_column(col, overflow="fold")
    for fact in index.standard_facts(election_id):
        derived.add_row(describe(fact.kind, fact.round), " v ".join(facts.surname(p) for p in fact.subject),
                        index.registry.constituencies[fact.scope].name if fact.scope else "",
                        fmt(fact.value, fact.unit), fact.formula)
    console.print(derived)

    for vid, changed in index.variant_facts(election_id).items():
        v = election.variants[vid]
        console.print(f"[yellow]Alternative:[/] {v.label} ({v.status.value}; sources: {', '.join(v.sources)})")
        for fact in changed:
            console.print(f"  {describe(fact.kind, fact.round)}: {fact.derivation()}")
