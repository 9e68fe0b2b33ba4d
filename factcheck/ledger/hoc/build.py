"""`factcheck ledger import hoc-results`: official files in, checked ledger tables out.

Nothing is written unless every input file passes every check. The output is then loaded with
the ledger's own loader, so the written tables are validated exactly as a hand edit would be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from factcheck.errors import LedgerError
from factcheck.ledger.csvfile import Problems
from factcheck.ledger.hoc import files as hoc
from factcheck.ledger.hoc.identity import People, constituencies_for, parties_for, repair, slug
from factcheck.ledger.hoc.partycolumns import PartySeat, check_party_columns, read_party_columns
from factcheck.ledger.hoc.settings import ElectionSettings, NotionalSettings, PartyColumnsSettings, Settings, load_settings
from factcheck.ledger.model import Candidacy, Contest, ContestKind, Count, Party
from factcheck.ledger.tables import write_contests, write_registry_table

IMPORTER = "factcheck ledger import hoc-results"
SPEAKER_VARIANT = "speaker-under-former-party"
TURNOUT_VARIANT = "turnout-including-invalid"


@dataclass
class Summary:
    elections: list[tuple[str, int, int]]  # (election id, contests, candidacies)
    people: int
    parties: int
    constituencies: int


def import_hoc_results(src: Path, out: Path, today: dt.date | None = None) -> Summary:
    """Read, check and convert the files in `src`; write ledger tables into the ledger directory `out`."""
    from factcheck.ledger.loader import REGISTRY_FILES, _load_registry_file, load_ledger

    problems = Problems()
    settings = load_settings(out)
    curated: dict[str, dict] = {}
    for key, (filename, schema, to_model, required) in REGISTRY_FILES.items():
        path = out / filename
        entries = _load_registry_file(path, schema, problems)[0] if path.is_file() or required else {}
        curated[key] = {k: to_model(v) for k, v in entries.items()}
    if problems:
        raise LedgerError(list(problems))

    inputs: list[Path] = []
    official: list[tuple[ElectionSettings, list[hoc.Seat], list[hoc.Candidacy]]] = []
    for es in settings.elections:
        paths = [src / f"{es.file}-candidacies.csv", src / f"{es.file}-constituencies.csv"]
        if not _present(paths, problems):
            continue
        inputs += paths
        broken: set[str] = set()
        candidacies, seats = hoc.read_candidacies(paths[0], problems, broken), hoc.read_seats(paths[1], problems, broken)
        hoc.check_seats(seats, candidacies, es.fourth_party_column, broken, problems)
        official.append((es, seats, candidacies))
    all_rows = [c for _, _, rows in official for c in rows]
    usual = hoc.check_party_codes(all_rows, problems)
    party_of, imported_parties = parties_for(all_rows, usual, curated["parties"])
    codes = {c.code for c in all_rows} | {code for p in curated["parties"].values() for code in p.hoc}
    for _, seats, _ in official:
        hoc.check_results(seats, codes, problems)
    notional: list[tuple[NotionalSettings, list[hoc.NotionalSeat]]] = []
    for ns in settings.notional:
        path = src / f"{ns.file}.csv"
        if _present([path], problems):
            inputs.append(path)
            seats = hoc.read_notional(path, problems)
            hoc.check_notional(seats, problems)
            notional.append((ns, seats))
    checksums = hoc.check_checksums(src, inputs, problems)
    bases: list[tuple[PartyColumnsSettings, list[PartySeat]]] = []
    for bs in settings.bases:
        path = out / bs.file  # kept with the ledger: a copy the data folder does not hold
        if _present([path], problems):
            checksums[path.name] = hoc.sha256(path)
            if checksums[path.name] != bs.sha256:
                problems.at_file(path, f"sha256 {checksums[path.name]} does not match the import settings "
                                       f"({bs.sha256}): the file is not the recorded copy")
            seats = read_party_columns(path, bs.columns, bs.other, problems)
            check_party_columns(seats, bs.columns, bs.codes, problems)
            bases.append((bs, seats))
    if problems:
        raise LedgerError(sorted(problems, key=_position))

    builder = _Builder(settings, curated, party_of, imported_parties, hoc.provenance_from_sources_md(src),
                       checksums, today or dt.date.today(), problems)
    written = [builder.election(es, seats, rows) for es, seats, rows in official]
    written += [builder.notional(ns, seats, official) for ns, seats in notional]
    written += [builder.party_columns(bs, seats, official) for bs, seats in bases]
    if problems:
        raise LedgerError(sorted(problems, key=_position))
    builder.write(out, written)
    load_ledger(out)  # the written tables pass the same checks as a hand edit
    return Summary([(e, len(c), sum(len(x.candidacies) for x in c)) for e, c, _ in written], len(builder.people.new),
                   len(imported_parties), len(builder.places))


def _present(paths: list[Path], problems: Problems) -> bool:
    missing = [p for p in paths if not p.is_file()]
    for p in missing:
        problems.at_file(p, "file not found")
    return not missing


def _position(problem: str) -> tuple:
    path, _, rest = problem.partition(":")
    parts = rest.split(":")
    return (path, *(int(p) if p.isdigit() else 0 for p in parts[:2]))


class _Builder:
    def __init__(self, settings: Settings, curated: dict[str, dict], party_of: dict[str, str],
                 imported_parties: dict[str, Party], origin: dict, checksums: dict[str, str], today: dt.date,
                 problems: Problems):
        self.settings, self.curated, self.party_of = settings, curated, party_of
        self.imported_parties, self.origin, self.checksums, self.today = imported_parties, origin, checksums, today
        self.problems = problems
        self.people = People(curated["people"])
        self.places: dict[str, str] = {}  # constituency id -> latest official name
        self.areas = curated["areas"]
        self.region_of: dict[str, tuple[str | None, str | None]] = {}  # ONS id -> (nation, region)
        self.id_of: dict[str, str] = {}  # ONS id -> constituency id, from the official files

    def _area(self, name: str, row, column: int) -> str | None:
        aid = slug(name)
        if aid not in self.areas:
            self.problems.add(row, column, f"unknown nation or region {name!r} (add {aid!r} to areas.yaml)")
            return None
        return aid

    def _place(self, name: str, latest: bool = True) -> str:
        """The constituency id for an official name; `latest=False` for an earlier election, whose name never
        replaces the one a later election prints."""
        cid = slug(name)
        if cid in self.curated["constituencies"]:
            cid = f"{cid}-constituency"  # a hand-kept area of the same name (a London Assembly seat) keeps its id
        if latest or cid not in self.places:
            self.places[cid] = name
        return cid

    def election(self, es: ElectionSettings, seats: list[hoc.Seat], rows: list[hoc.Candidacy]):
        person_of = self.people.assign(rows)
        sid = _source_id(es.file)
        contests = []
        for seat in seats:
            nation = self._area(seat.country, seat.row, 5)
            region = self._area(seat.region, seat.row, 4) if seat.region != seat.country else None
            self.region_of[seat.ons] = (nation, region)
            candidacies = []
            for c in seat.candidacies:
                pid, party = person_of[id(c)], self.party_of[c.mnis_party]
                name = repair(c.name)
                registered = self.people.curated.get(pid) or self.people.new.get(pid)
                alternatives = ((es.speaker_former_party, SPEAKER_VARIANT),) if party == "speaker" else ()
                candidacies.append(Candidacy(
                    person=pid, party=party, votes=Count(c.votes, (sid,)),
                    ballot_name=None if registered and registered.name == name else c.name,
                    description=c.party_name, party_alternatives=alternatives))
            cid = self.id_of[seat.ons] = self._place(seat.name)
            contests.append(Contest(
                id=cid, name=seat.name, kind=ContestKind.CONSTITUENCY,
                candidacies=tuple(candidacies), sources=(sid,), code=seat.ons, nation=nation, region=region,
                electorate=Count(seat.electorate, (sid,)), valid=Count(seat.valid, (sid,)),
                rejected=Count(seat.invalid, (sid,)), result=seat.result))
        return es.id, contests, self._record(es, sid, self._counted_variants(es.speaker_former_party, sid), TURNOUT_VARIANT,
                                             [f"{es.file}-candidacies.csv", f"{es.file}-constituencies.csv"])

    def _by_code(self, official) -> dict[str, str]:
        """Party abbreviation in upper case -> ledger party, from the candidacies and parties.yaml's `hoc`."""
        like = {c.code.upper(): self.party_of[c.mnis_party] for _, _, rows in official for c in rows}
        like.update({code.upper(): pid for pid, p in self.curated["parties"].items() for code in p.hoc})
        return like

    def notional(self, ns: NotionalSettings, seats: list[hoc.NotionalSeat], official):
        sid = _source_id(ns.file)
        like = self._by_code(official)
        contests = []
        for seat in seats:
            if seat.ons not in self.region_of:
                self.problems.add(seat.row, 2, f"{seat.ons} ({seat.name}) is not a constituency of any imported "
                                               "election, so its nation and region are unknown")
                continue
            nation, region = self.region_of[seat.ons]
            candidacies = []
            for p in seat.parties:
                code = ns.codes.get(p.code, p.code)
                party = like.get(code.upper())
                if party is None:
                    self.problems.add(p.row, 11, f"unknown party code {p.code!r} ({p.name}); map it under "
                                                 "`codes:` in the import settings")
                    continue
                alternatives = ((ns.speaker_former_party, SPEAKER_VARIANT),) if party == "speaker" else ()
                candidacies.append(Candidacy(person=None, party=party, votes=Count(p.votes, (sid,)),
                                             description=p.name, party_alternatives=alternatives))
            contests.append(Contest(
                id=self._place(seat.name), name=seat.name, kind=ContestKind.CONSTITUENCY,
                candidacies=tuple(candidacies), sources=(sid,), code=seat.ons, nation=nation, region=region,
                electorate=Count(seat.electorate, (sid,)), valid=Count(seat.valid, (sid,))))
        variants = {SPEAKER_VARIANT: _speaker_variant(ns.speaker_former_party,
                                                      self._party_name(ns.speaker_former_party), sid)}
        record = self._record(ns, sid, variants, None, [f"{ns.file}.csv"])
        record["notional"] = True
        return ns.id, contests, record

    def party_columns(self, bs: PartyColumnsSettings, seats: list[PartySeat], official):
        """An earlier election held only as a base: party rows per seat, the seats matched by code."""
        sid = _source_id(Path(bs.file).stem)
        like = self._by_code(official)
        known = {**self.curated["parties"], **self.imported_parties}
        contests = []
        for seat in seats:
            nation = self._area(seat.country, seat.row, 5)
            region = self._area(seat.region, seat.row, 4) if seat.region != seat.country else None
            candidacies = []
            for p in seat.parties:
                party = bs.other_party if p.code == bs.other else like.get(bs.codes.get(p.code, p.code).upper())
                if party is None or party not in known:
                    self.problems.add(seat.row, 12, f"unknown party {p.code!r} in {seat.name}; map it under "
                                                    "`codes:` in the import settings or add it to parties.yaml")
                    continue
                alternatives = ((bs.speaker_former_party, SPEAKER_VARIANT),) if party == "speaker" else ()
                candidacies.append(Candidacy(person=None, party=party, votes=Count(p.votes, (sid,)),
                                             description=p.code, party_alternatives=alternatives,
                                             note=f"votes {p.derived}" if p.derived else None))
            contests.append(Contest(
                id=self.id_of.get(seat.ons) or self._place(seat.name, latest=False), name=seat.name, kind=ContestKind.CONSTITUENCY,
                candidacies=tuple(candidacies), sources=(sid,), code=seat.ons, nation=nation, region=region,
                electorate=Count(seat.electorate, (sid,)), valid=Count(seat.valid, (sid,)),
                rejected=Count(seat.invalid, (sid,)), result=seat.result))
        folder, _, name = bs.origin.path.rpartition("/")
        origin = {"repository": bs.origin.repository, "commit": bs.origin.commit, "folder": f"{folder}/" if folder else None}
        record = self._record(bs, sid, self._counted_variants(bs.speaker_former_party, sid), TURNOUT_VARIANT,
                              [Path(bs.file).name], origin=origin, copy_of=name)
        record["base_only"] = True
        return bs.id, contests, record

    def _counted_variants(self, speaker_former_party: str, sid: str) -> dict:
        """The other-basis variants of a counted result: the Speaker's former party, turnout with invalid votes."""
        return {
            SPEAKER_VARIANT: _speaker_variant(speaker_former_party, self._party_name(speaker_former_party), sid),
            TURNOUT_VARIANT: {"label": "turnout including invalid votes (valid and invalid votes over electorate)",
                              "status": "other-basis", "sources": [sid],
                              "note": "The Commons Library divides valid votes by the electorate; much of the press "
                                      "counts rejected ballot papers too, which gives a slightly higher turnout."}}

    def _party_name(self, pid: str) -> str:
        party = self.curated["parties"].get(pid) or self.imported_parties.get(pid)
        return party.name if party else pid

    def _record(self, es, sid: str, variants: dict, other_basis: str | None, names: list[str],
                origin: dict | None = None, copy_of: str | None = None) -> dict:
        """`origin` (repository, commit, folder) where it is not the data folder's; `copy_of` the file's name there."""
        origin = origin or self.origin
        source = es.source.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        repo, commit, folder = origin["repository"], origin["commit"], origin["folder"]
        if repo:
            where = f"{repo}/tree/{commit}/{folder or ''}".rstrip("/") if commit else repo
            copies = f"{folder or ''}{copy_of} (byte copy kept as {', '.join(names)}" if copy_of else \
                f"{folder or ''}{', '.join(names)} (byte copies"
            source["via"] = [*source.get("via", []), {
                "title": f"{repo.removeprefix('https://')} at commit {commit[:7] if commit else '?'}, "
                         f"{copies}, sha256 in the provenance below)",
                "url": where}]
        record = {
            "id": es.id, "name": es.name, "family": self.settings.family, "office": self.settings.office,
            "date": es.date, "system": "first-past-the-post",
            **({"base": es.base} if getattr(es, "base", None) else {}),
            "sources": {sid: source}, "variants": variants,
            "turnout": {"definition": self.settings.turnout_definition, "basis": "valid",
                        **({"other_basis": other_basis} if other_basis else {}), "sources": [sid]},
            "tables": {"folder": es.id, "sources": [sid]},
            "provenance": {"importer": IMPORTER, "imported": self.today,
                           **{k: v for k, v in origin.items() if v},
                           "files": [{"name": n, "sha256": self.checksums[n]} for n in names]},
        }
        if self.settings.notes:
            record["notes"] = list(self.settings.notes)
        return record

    def write(self, out: Path, written) -> None:
        reserved = _reserved(self.curated, self.imported_parties, constituencies_for(self.places))
        write_registry_table(out / "people.csv", "people", self.people.entries(reserved))
        write_registry_table(out / "parties.csv", "parties", self.imported_parties)
        write_registry_table(out / "constituencies.csv", "constituencies", constituencies_for(self.places))
        for eid, contests, record in written:
            sid = next(iter(record["sources"]))
            write_contests(out / "elections" / eid, tuple(contests), (sid,))
            text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=110)
            header = (f"# {record['name']}: generated by `{IMPORTER}`\n"
                      "# from the House of Commons Library files named in `provenance`. Do not edit by hand: correct the\n"
                      "# import (or its settings in imports/) and run it again. The contests and candidacies are in the\n"
                      "# folder named under `tables`.\n")
            (out / "elections" / f"{eid}.yaml").write_text(header + text, encoding="utf-8")


def _speaker_variant(former: str, former_name: str, sid: str) -> dict:
    return {"label": f"the Speaker counted under his former party ({former_name})", "status": "other-basis",
            "sources": [sid],
            "note": f"The ledger counts the Speaker as a party of his own; the press usually counts him under the "
                    f"party he sat for before he became Speaker ({former_name})."}


def _source_id(file: str) -> str:
    return "hoc-" + slug(file)


def _reserved(curated: dict, imported_parties: dict, places: dict) -> set[str]:
    """Words that already name a party, a place or an area: not safe as a bare surname."""
    words: set[str] = set()
    for p in [*curated["parties"].values(), *imported_parties.values()]:
        words.update((p.name, *p.aliases))
    for c in [*curated["constituencies"].values(), *places.values()]:
        words.update((c.name, *c.aliases))
    for a in curated["areas"].values():
        words.update((a.name, *a.aliases))
    return words

