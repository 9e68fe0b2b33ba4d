"""The validated-ledger cache is JSON checked by sha256: planted or damaged files are never trusted or run."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from factcheck.kinds import Round
from factcheck.ledger.cache import cache_dir, cached_ledger, fingerprint
from factcheck.ledger.hoc.build import import_hoc_results
from factcheck.ledger.index import LedgerIndex
from factcheck.ledger.loader import load_ledger
from tests.conftest import HOC_FILES


@pytest.fixture
def imported(uk_ledger, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    import_hoc_results(HOC_FILES, uk_ledger)
    return uk_ledger


class _Planted:
    """Unpickling this would create a file: the proof a cache reader ran code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "code ran"))


def test_a_planted_pickle_in_the_cache_cannot_run_code(imported, tmp_path):
    marker = tmp_path / "marker"
    key = fingerprint(imported)
    folder = cache_dir() / f"ledger-{key}"
    folder.mkdir(parents=True)
    payload = pickle.dumps(_Planted(marker))
    (folder / "ledger.json").write_bytes(payload)
    (cache_dir() / f"ledger-{key[:20]}.pickle").write_bytes(payload)  # where the old pickle cache lived
    ledger = cached_ledger(imported)
    assert not marker.exists()
    assert {e.id for e in ledger.elections} >= {"uk-general-2035", "testcity-mayor-2035"}


def test_a_cache_file_whose_content_does_not_match_its_checksum_is_ignored(imported):
    cached_ledger(imported)  # writes the cache
    part = cache_dir() / f"ledger-{fingerprint(imported)}" / "ledger.json"
    header, body = part.read_bytes().split(b"\n", 1)
    part.write_bytes(header + b"\n" + body.replace(b'"Bob Baker"', b'"Bobby Baker"'))
    assert cached_ledger(imported).registry.people["bob-baker"].name == "Bob Baker"


def test_a_damaged_election_file_falls_back_to_the_ledger_files(imported):
    cached_ledger(imported)
    part = cache_dir() / f"ledger-{fingerprint(imported)}" / "uk-general-2035.json"
    header, body = part.read_bytes().split(b"\n", 1)
    part.write_bytes(header + b"\n" + body.replace(b"19000", b"91000"))
    facts = LedgerIndex(cached_ledger(imported)).facts("uk-general-2035")
    assert facts.votes("bob-baker", Round.FIRST).value == 19_000


def test_cached_and_freshly_validated_ledgers_give_the_same_facts(imported):
    cached_ledger(imported)
    cached, fresh = LedgerIndex(cached_ledger(imported)), LedgerIndex(load_ledger(imported))
    assert (cache_dir() / f"ledger-{fingerprint(imported)}" / "ledger.json").is_file()
    for eid in ("uk-general-2035", "uk-general-2030", "testcity-mayor-2035"):
        a = [(f.kind, f.subject, f.scope, f.value, f.formula) for f in cached.standard_facts(eid)]
        b = [(f.kind, f.subject, f.scope, f.value, f.formula) for f in fresh.standard_facts(eid)]
        assert a == b and a
    assert cached.vote_counts == fresh.vote_counts
    assert cached.candidacies == fresh.candidacies


def test_the_cache_is_plain_json_after_its_checksum_line(imported):
    cached_ledger(imported)
    header, body = (cache_dir() / f"ledger-{fingerprint(imported)}" / "ledger.json").read_bytes().split(b"\n", 1)
    assert set(json.loads(header)) == {"key", "sha256", "format"}
    assert json.loads(body)["directory"] == str(imported)
