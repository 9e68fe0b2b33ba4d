from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.ledger import default_ledger_dir, load_index

REFERENCE = default_ledger_dir()


@pytest.fixture(scope="session")
def index():
    return load_index()


@pytest.fixture
def ledger_copy(tmp_path: Path):
    """A writable copy of the bundled ledger, and a helper that edits one of its files."""
    target = tmp_path / "ledger"
    shutil.copytree(REFERENCE, target)

    def edit(relative: str, old: str, new: str, count: int = 1) -> Path:
        path = target / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return path

    return target, edit


FIXTURES = Path(__file__).parent / "fixtures"
HOC_FILES = FIXTURES / "hoc"  # synthetic House of Commons Library-style results files


@pytest.fixture
def uk_ledger(tmp_path: Path) -> Path:
    """A writable copy of the synthetic ledger skeleton (registry, settings, one mayoralty), not yet imported."""
    target = tmp_path / "ledger-uk"
    shutil.copytree(FIXTURES / "ledger-uk", target)
    return target


@pytest.fixture(scope="session")
def uk_index(tmp_path_factory):
    """The synthetic ledger after `ledger import hoc-results`, loaded and indexed (cache in a temp folder)."""
    from factcheck.ledger.hoc.build import import_hoc_results
    from factcheck.ledger.index import LedgerIndex
    from factcheck.ledger.loader import load_ledger

    target = tmp_path_factory.mktemp("uk") / "ledger"
    shutil.copytree(FIXTURES / "ledger-uk", target)
    import_hoc_results(HOC_FILES, target)
    return LedgerIndex(load_ledger(target))
