"""The authoritative results ledger: schema, loader, derived facts and the lookup index."""

from factcheck.ledger.facts import Fact, Facts
from factcheck.ledger.index import LedgerIndex, default_ledger_dir, load_index
from factcheck.ledger.loader import load_ledger
from factcheck.ledger.schema import Election, Ledger

__all__ = ["Election", "Fact", "Facts", "Ledger", "LedgerIndex", "default_ledger_dir", "load_index", "load_ledger"]
