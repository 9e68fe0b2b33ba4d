"""The authoritative results ledger: model, loader, derived facts and the lookup index."""

from factcheck.ledger.fact import Fact
from factcheck.ledger.facts import Facts
from factcheck.ledger.index import LedgerIndex, default_ledger_dir, load_index
from factcheck.ledger.model import Election, Ledger


def load_ledger(directory):
    """Validate and load a ledger directory (see `factcheck.ledger.loader`)."""
    from factcheck.ledger.loader import load_ledger as load

    return load(directory)


__all__ = ["Election", "Fact", "Facts", "Ledger", "LedgerIndex", "default_ledger_dir", "load_index", "load_ledger"]
