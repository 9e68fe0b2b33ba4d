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
