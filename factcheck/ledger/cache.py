"""The validated ledger, cached as JSON keyed by the content of the ledger files and of this code.

Validation (YAML, schema, CSV, arithmetic) is most of a one-article run's start-up time, and an
unchanged ledger need not be validated again.

The cache is a folder per key: `ledger.json` (registry and elections) and one file per election
with its contests, read and decoded on first use (`LazyContests`), so a London article never builds
the thousands of general election candidacies. What election resolution needs from every election
(who stood, which vote counts appear, which contests it has) is kept in `ledger.json`, so it costs no
decoding either.

It is JSON rebuilt into the model by explicit constructors, never pickle: a cache file someone plants
or corrupts can at worst be ignored, it cannot run code. Each file's first line holds the key and the
sha256 of the rest; a file whose content does not hash to it is not used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.ledger import model as m
from factcheck.memory import paused_gc

FORMAT = 4


def cached_ledger(directory: Path) -> m.Ledger:
    """The validated ledger, from the cache when its key and checksums match, else loaded afresh."""
    try:
        key = fingerprint(directory)
    except OSError:
        key = None
    folder = cache_dir() / f"ledger-{key}"
    ledger = read_cache(folder, key, directory) if key else None
    if ledger is not None:
        return ledger
    from factcheck.ledger.loader import load_ledger  # YAML, CSV and validation only on a cache miss

    ledger = load_ledger(directory)
    if key is None:
        return ledger
    write_cache(folder, key, ledger)
    return ledger


def fingerprint(directory: Path) -> str:
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    code = Path(__file__).parent
    files = sorted(code.glob("*.py")) + sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".csv"))
    for path in files:
        digest.update(str(path.relative_to(path.parents[1] if path.is_relative_to(code) else directory)).encode())
        digest.update(path.read_bytes())
    digest.update(str(directory.resolve()).encode())
    return digest.hexdigest()[:24]


def cache_dir() -> Path:
    base = os.environ.get("FACTCHECK_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


def _sign(body: bytes, **header: Any) -> bytes:
    return json.dumps({**header, "sha256": hashlib.sha256(body).hexdigest(), "format": FORMAT}).encode() + b"\n" + body


def _verified(path: Path, **expected: Any) -> Any:
    """The JSON body of a cache file whose checksum (and header fields) match, else ValueError."""
    with open(path, "rb") as fh:
        header = json.loads(fh.readline())
        body = fh.read()
    if header.get("sha256") != hashlib.sha256(body).hexdigest() or header.get("format") != FORMAT or any(
            header.get(k) != v for k, v in expected.items()):
        raise ValueError(f"{path}: checksum or key mismatch")
    return json.loads(body)


_ERRORS = (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError)


def read_cache(folder: Path, key: str, directory: Path) -> m.Ledger | None:
    try:
        data = _verified(folder / "ledger.json", key=key)
        if data["directory"] != str(directory):
            return None

        def part(eid: str) -> list:
            try:
                return _verified(folder / f"{eid}.json", key=key, election=eid)
            except _ERRORS:  # damaged since the run began: take the contests from the ledger files
                from factcheck.ledger.loader import load_ledger

                fresh = next(e for e in load_ledger(directory).elections if e.id == eid)
                return [_Encoder(data["sources"]).contest(c) for c in fresh.contests[1:]]

        return decode_ledger(data, part)
    except _ERRORS:
        return None  # unreadable, truncated or foreign: validate afresh


def write_cache(folder: Path, key: str, ledger: m.Ledger) -> None:
    main, parts = encode_ledger(ledger)
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for eid, contests in parts.items():
            body = json.dumps(contests, ensure_ascii=False, separators=(",", ":")).encode()
            (tmp / f"{eid}.json").write_bytes(_sign(body, key=key, election=eid))
        body = json.dumps(main, ensure_ascii=False, separators=(",", ":")).encode()
        (tmp / "ledger.json").write_bytes(_sign(body, key=key))
        os.replace(tmp, folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # a read-only cache or a concurrent writer only costs speed


# -- encoding: lists with trailing empty fields dropped, shared source lists interned ----------------
def _trim(values: list) -> list:
    while values and (values[-1] is None or values[-1] is False or values[-1] == [] or values[-1] == ()):
        values.pop()
    return values


class _Encoder:
    def __init__(self, table: list[list[str]] | None = None) -> None:
        self.sources: dict[tuple[str, ...], int] = {tuple(ids): i for i, ids in enumerate(table or [])}

    def ids(self, ids: tuple[str, ...]) -> int:
        return self.sources.setdefault(tuple(ids), len(self.sources))

    def count(self, c: m.Count | None) -> list | None:
        if c is None:
            return None
        return _trim([c.value, self.ids(c.sources), c.note, [[a.value, a.variant] for a in c.alternatives],
                      c.discrepancy])

    def printed(self, p: m.Printed | None) -> list | None:
        return None if p is None else _trim([str(p.value), self.ids(p.sources), p.note, p.discrepancy])

    def candidacy(self, k: m.Candidacy) -> list:
        return _trim([k.person, k.party, self.count(k.votes), k.ballot_name, k.description, self.count(k.transfers),
                      self.count(k.final), self.printed(k.first_share_printed), self.printed(k.final_share_printed),
                      [list(p) for p in k.party_alternatives], k.note])

    def contest(self, c: m.Contest) -> list:
        turnout = None
        if c.turnout is not None:
            t = c.turnout
            turnout = [self.ids(t.sources), None if t.value is None else str(t.value), t.note,
                       [[str(a.value), a.variant, a.definition] for a in t.alternatives], t.discrepancy]
        return _trim([c.id, c.name, c.kind.value, [self.candidacy(k) for k in c.candidacies], self.ids(c.sources),
                      c.complete, c.code, c.nation, c.region, self.count(c.electorate), self.count(c.ballots),
                      self.count(c.rejected), self.count(c.valid), turnout, c.result,
                      [[p, self.printed(s)] for p, s in c.shares_printed]])


def encode_ledger(ledger: m.Ledger) -> tuple[dict[str, Any], dict[str, list]]:
    """The main cache record, and each election's contests after the first (kept in their own files)."""
    enc = _Encoder()
    elections = []
    parts = {}
    for e in ledger.elections:
        elections.append({
            "id": e.id, "name": e.name, "family": e.family, "office": e.office, "date": e.date.isoformat(),
            "system": e.system.value, "turnout_definition": e.turnout_definition,
            "turnout_basis": e.turnout_basis.value, "turnout_other_basis": e.turnout_other_basis,
            "deposit_threshold": str(e.deposit_threshold), "base": e.base, "notional": e.notional,
            "base_only": e.base_only,
            "notes": list(e.notes),
            "sources": {sid: [s.title, s.publisher, s.kind.value, s.url, [[v.title, v.url] for v in s.via], s.seen,
                              s.note] for sid, s in e.sources.items()},
            "variants": {vid: [v.label, v.status.value, list(v.sources), v.note] for vid, v in e.variants.items()},
            "provenance": None if e.provenance is None else [
                e.provenance.importer, e.provenance.imported, e.provenance.repository, e.provenance.commit,
                e.provenance.folder, [list(f) for f in e.provenance.files]],
            "first": enc.contest(e.contests[0]) if e.contests else None,
            "persons": list(dict.fromkeys(k.person for c in e.contests for k in c.candidacies if k.person)),
            "counts": sorted(vote_counts(e)),
            "contest_ids": [c.id for c in e.contests if c.kind is not m.ContestKind.AREA],
        })
        parts[e.id] = [enc.contest(c) for c in e.contests[1:]]
    r = ledger.registry
    return {
        "directory": ledger.directory,
        "people": {k: [p.name, p.aliases, p.not_in, p.mnis, p.hand_kept] for k, p in r.people.items()},
        "parties": {k: [p.name, list(p.aliases), list(p.codes), p.grouping, list(p.hoc), p.successor_of]
                    for k, p in r.parties.items()},
        "constituencies": {k: _trim([c.name, list(c.aliases), list(c.boroughs), c.nation, c.region])
                           for k, c in r.constituencies.items()},
        "areas": {k: [a.name, a.kind, list(a.aliases), a.nation] for k, a in r.areas.items()},
        "families": {k: [f.name, list(f.words)] for k, f in r.families.items()},
        "elections": elections,
        "sources": [list(ids) for ids in enc.sources],
    }, parts


def vote_counts(e: m.Election, floor: int = 10_000) -> set[int]:
    """Every vote count of `floor` or more in an election's record, documented alternatives included."""
    figures: set[int] = set()
    for c in e.contests:
        for k in c.candidacies:
            for count in (k.votes, k.transfers, k.final):
                if count is not None:
                    figures.add(count.value)
                    figures.update(a.value for a in count.alternatives)
    return {f for f in figures if f >= floor}


class LazyContests(Sequence):
    """An election's contests, decoded from the cache on first use; the first is decoded at once so
    `Election.area` (is this a mayoralty?) costs nothing."""

    __slots__ = ("_load", "_decode", "_items", "first", "persons", "counts", "contest_ids")

    def __init__(self, first, load, decode, persons: list[str], counts: list[int], contest_ids: list[str]):
        self.first, self._load, self._decode, self._items = first, load, decode, None
        self.persons, self.counts, self.contest_ids = persons, set(counts), contest_ids

    def _all(self) -> tuple:
        if self._items is None:
            with paused_gc():
                rest = tuple(self._decode(v) for v in self._load())
            self._items = ((self.first,) if self.first is not None else ()) + rest
        return self._items

    def __getitem__(self, i):
        if i == 0 and self._items is None and self.first is not None:
            return self.first
        return self._all()[i]

    def __len__(self) -> int:
        return len(self._all())

    def __bool__(self) -> bool:  # without decoding: a cached election always has a first contest
        return self.first is not None

    def __iter__(self):
        return iter(self._all())


# -- decoding: explicit constructors only -------------------------------------------------------------
def _at(values: list, i: int, default=None):
    return values[i] if i < len(values) else default


def decode_ledger(data: dict[str, Any], part) -> m.Ledger:
    """The ledger from the main cache record; `part(election_id)` gives that election's other contests."""
    table = [tuple(ids) for ids in data["sources"]]

    def count(v: list | None) -> m.Count | None:
        if v is None:
            return None
        return m.Count(int(v[0]), table[v[1]], _at(v, 2), tuple(m.Alternative(int(a), str(b)) for a, b in _at(v, 3, ())),
                       _at(v, 4))

    def printed(v: list | None) -> m.Printed | None:
        return None if v is None else m.Printed(Decimal(v[0]), table[v[1]], _at(v, 2), _at(v, 3))

    def candidacy(v: list) -> m.Candidacy:
        return m.Candidacy(v[0], v[1], count(v[2]), _at(v, 3), _at(v, 4), count(_at(v, 5)), count(_at(v, 6)),
                           printed(_at(v, 7)), printed(_at(v, 8)), tuple(tuple(p) for p in _at(v, 9, ())), _at(v, 10))

    def turnout(v: list | None) -> m.Turnout | None:
        if v is None:
            return None
        return m.Turnout(table[v[0]], None if _at(v, 1) is None else Decimal(v[1]), _at(v, 2),
                         tuple(m.TurnoutAlternative(Decimal(a), b, c) for a, b, c in _at(v, 3, ())), _at(v, 4))

    def contest(v: list) -> m.Contest:
        return m.Contest(v[0], v[1], m.ContestKind(v[2]), tuple(candidacy(k) for k in v[3]), table[v[4]],
                         bool(_at(v, 5, False)), _at(v, 6), _at(v, 7), _at(v, 8), count(_at(v, 9)), count(_at(v, 10)),
                         count(_at(v, 11)), count(_at(v, 12)), turnout(_at(v, 13)), _at(v, 14),
                         tuple((p, printed(s)) for p, s in _at(v, 15, ())))

    elections = []
    for e in data["elections"]:
        p = e["provenance"]
        elections.append(m.Election(
            id=e["id"], name=e["name"], family=e["family"], office=e["office"], date=dt.date.fromisoformat(e["date"]),
            system=m.System(e["system"]),
            sources={sid: m.Source(s[0], s[1], m.SourceKind(s[2]), s[3], tuple(m.Via(a, b) for a, b in s[4]), s[5],
                                   s[6]) for sid, s in e["sources"].items()},
            contests=LazyContests(contest(e["first"]) if e["first"] is not None else None,
                                  lambda eid=e["id"]: part(eid), contest, e["persons"], e["counts"],
                                  e["contest_ids"]),
            turnout_definition=e["turnout_definition"],
            turnout_basis=m.TurnoutBasis(e["turnout_basis"]), turnout_other_basis=e["turnout_other_basis"],
            deposit_threshold=Decimal(e["deposit_threshold"]),
            variants={vid: m.Variant(v[0], m.VariantStatus(v[1]), tuple(v[2]), v[3]) for vid, v in e["variants"].items()},
            base=e["base"], notional=bool(e["notional"]),
            base_only=bool(e["base_only"]), notes=tuple(e["notes"]),
            provenance=None if p is None else m.Provenance(p[0], p[1], p[2], p[3], p[4], tuple(tuple(f) for f in p[5]))))
    registry = m.Registry(
        people={k: m.Person(v[0], tuple(v[1]), tuple(v[2]), v[3], v[4]) for k, v in data["people"].items()},
        parties={k: m.Party(v[0], tuple(v[1]), tuple(v[2]), bool(v[3]), tuple(v[4]), v[5])
                 for k, v in data["parties"].items()},
        constituencies={k: m.Constituency(v[0], tuple(_at(v, 1, ())), tuple(_at(v, 2, ())), _at(v, 3), _at(v, 4))
                        for k, v in data["constituencies"].items()},
        areas={k: m.Area(v[0], v[1], tuple(v[2]), v[3]) for k, v in data["areas"].items()},
        families={k: m.Family(v[0], tuple(v[1])) for k, v in data.get("families", {}).items()})
    return m.Ledger(directory=str(data["directory"]), registry=registry, elections=tuple(elections))
