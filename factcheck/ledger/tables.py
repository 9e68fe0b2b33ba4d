"""The ledger's CSV tables: imported registry entries and the contests of large elections.

Why CSV: a general election has about 4,000 candidacies, too many for hand-written YAML but few
enough for a compact, line-per-row text file that diffs well in git, can be corrected in any editor
and is checked with `path:line:column` errors. The run-time cost does not matter: the validated
ledger is cached as JSON (see `cache.py`).

    people.csv          id,name,aliases,mnis              (aliases separated by "|")
    parties.csv         id,name,aliases,codes,hoc,grouping,successor_of
    constituencies.csv  id,name,aliases
    elections/<folder>/contests.csv     id,kind,code,nation,region,electorate,valid,invalid,result,sources,note
    elections/<folder>/candidacies.csv  contest,person,party,party_alternatives,ballot_name,description,
                                        votes,votes_alternatives,note

`party_alternatives` and `votes_alternatives` hold `value@variant` pairs separated by "|", such as
`labour@speaker-under-former-party`; `sources` (blank: the table's sources) holds ids separated by "|".
"""

from __future__ import annotations

from pathlib import Path

from factcheck.ledger.csvfile import Header, Problems, Row, integer, read_table, split_list, write_table
from factcheck.ledger.model import (Alternative, Candidacy, Constituency, Contest, ContestKind, Count, Party,
                                    Person)

PEOPLE = Header(("id", "name", "aliases", "mnis"), frozenset({"id", "name"}))
PARTIES = Header(("id", "name", "aliases", "codes", "hoc", "grouping", "successor_of"), frozenset({"id", "name"}))
CONSTITUENCIES = Header(("id", "name", "aliases"), frozenset({"id", "name"}))
CONTESTS = Header(("id", "kind", "code", "nation", "region", "electorate", "valid", "invalid", "result", "sources",
                   "note"), frozenset({"id", "kind"}))
CANDIDACIES = Header(("contest", "person", "party", "party_alternatives", "ballot_name", "description", "votes",
                      "votes_alternatives", "note"), frozenset({"contest", "party", "votes"}))
REGISTRY_TABLES = {"people": ("people.csv", PEOPLE), "parties": ("parties.csv", PARTIES),
                   "constituencies": ("constituencies.csv", CONSTITUENCIES)}


def _id_ok(text: str) -> bool:
    return bool(text) and text[0].isalnum() and all(c.islower() or c.isdigit() or c == "-" for c in text)


def read_registry_table(path: Path, kind: str, problems: Problems, taken: set[str]) -> dict:
    """Entries of one registry CSV file; an id already defined elsewhere is a problem."""
    header = REGISTRY_TABLES[kind][1]
    out: dict = {}
    for row, v in read_table(path, header, problems) or ():
        if not _id_ok(v["id"]):
            problems.add(row, 0, f"id {v['id']!r} must be lower-case letters, digits and hyphens")
            continue
        if v["id"] in taken or v["id"] in out:
            problems.add(row, 0, f"{kind[:-1] if kind != 'people' else 'person'} id {v['id']!r} is defined twice")
            continue
        aliases = split_list(v["aliases"])
        if kind == "people":
            mnis = integer(row, 3, problems, "mnis", required=False)
            out[v["id"]] = Person(v["name"], aliases, mnis=mnis, hand_kept=False)
        elif kind == "parties":
            if v["grouping"] not in ("", "true", "false"):
                problems.add(row, 5, f"grouping must be true, false or blank, not {v['grouping']!r}")
            out[v["id"]] = Party(v["name"], aliases, split_list(v["codes"]), v["grouping"] == "true",
                                 split_list(v["hoc"]), v["successor_of"] or None)
        else:
            out[v["id"]] = Constituency(v["name"], aliases)
    return out


def _pairs(row: Row, index: int, text: str, problems: Problems, variants: dict, number: bool) -> tuple:
    out = []
    for part in split_list(text):
        value, sep, variant = part.rpartition("@")
        if not sep or not value:
            problems.add(row, index, f"expected value@variant, not {part!r}")
            continue
        if variant not in variants:
            problems.add(row, index, f"unknown variant {variant!r}")
            continue
        if number:
            if not value.isdigit():
                problems.add(row, index, f"alternative must be a whole number, not {value!r}")
                continue
            out.append(Alternative(int(value), variant))
        else:
            out.append((value, variant))
    return tuple(out)


def read_contests(folder: Path, default_sources: tuple[str, ...], known: dict[str, set[str]],
                  constituencies: dict[str, Constituency], variants: dict, sources: dict,
                  problems: Problems) -> tuple[Contest, ...]:
    """The contests of one election from its two tables, checked against the registry and their own sums."""
    contests: dict[str, dict] = {}
    rows = read_table(folder / "contests.csv", CONTESTS, problems)
    if rows is None:
        return ()  # every candidacy would only repeat that the contests are unreadable
    for row, v in rows:
        cid = v["id"]
        if cid not in constituencies:
            problems.add(row, 0, f"unknown constituency {cid!r} (add it to constituencies.csv)")
            continue
        if cid in contests:
            problems.add(row, 0, f"contest {cid!r} is listed twice")
            continue
        try:
            kind = ContestKind(v["kind"])
        except ValueError:
            problems.add(row, 1, f"unknown contest kind {v['kind']!r}")
            continue
        for i, key in ((3, "nation"), (4, "region")):
            if v[key] and v[key] not in known["areas"]:
                problems.add(row, i, f"unknown {key} {v[key]!r} (add it to areas.yaml)")
        row_sources = split_list(v["sources"]) or default_sources
        for sid in row_sources:
            if sid not in sources:
                problems.add(row, 9, f"unknown source {sid!r}")
        figures = {key: integer(row, i, problems, key, required=False)
                   for i, key in ((5, "electorate"), (6, "valid"), (7, "invalid"))}
        contests[cid] = {"row": row, "values": v, "kind": kind, "sources": row_sources, "figures": figures,
                         "candidacies": [], "seen": set()}

    for row, v in read_table(folder / "candidacies.csv", CANDIDACIES, problems) or ():
        block = contests.get(v["contest"])
        if block is None:
            problems.add(row, 0, f"unknown contest {v['contest']!r} (not in contests.csv)")
            continue
        person = v["person"] or None
        if person is not None:
            if person not in known["people"]:
                problems.add(row, 1, f"unknown person {person!r} (add them to people.csv)")
            elif person in block["seen"]:
                problems.add(row, 1, f"{person!r} is listed twice in {v['contest']!r}")
            block["seen"].add(person)
        if v["party"] not in known["parties"]:
            problems.add(row, 2, f"unknown party {v['party']!r} (add it to parties.yaml or parties.csv)")
        votes = integer(row, 6, problems, "votes")
        party_alts = _pairs(row, 3, v["party_alternatives"], problems, variants, number=False)
        for party, _ in party_alts:
            if party not in known["parties"]:
                problems.add(row, 3, f"unknown party {party!r}")
        vote_alts = _pairs(row, 7, v["votes_alternatives"], problems, variants, number=True)
        if votes is None:
            continue
        block["candidacies"].append(Candidacy(
            person=person, party=v["party"], votes=Count(votes, block["sources"], alternatives=vote_alts),
            ballot_name=v["ballot_name"] or None, description=v["description"] or None,
            party_alternatives=party_alts, note=v["note"] or None))

    out = []
    for cid, block in contests.items():
        row, v, figures = block["row"], block["values"], block["figures"]
        if not block["candidacies"]:
            problems.add(row, 0, f"contest {cid!r} has no candidacies in candidacies.csv")
            continue
        summed = sum(c.votes.value for c in block["candidacies"])
        if figures["valid"] is not None and summed != figures["valid"]:
            problems.add(row, 6, f"candidates' votes sum to {summed:,}, not {figures['valid']:,}")
        counts = {key: Count(value, block["sources"]) if value is not None else None for key, value in figures.items()}
        out.append(Contest(
            id=cid, name=constituencies[cid].name, kind=block["kind"], candidacies=tuple(block["candidacies"]), sources=block["sources"],
            code=v["code"] or None, nation=v["nation"] or None, region=v["region"] or None,
            electorate=counts["electorate"], valid=counts["valid"], rejected=counts["invalid"],
            result=v["result"] or None))
    return tuple(out)


def write_registry_table(path: Path, kind: str, entries: dict) -> None:
    rows = []
    for eid, e in entries.items():
        if kind == "people":
            rows.append((eid, e.name, "|".join(e.aliases), e.mnis))
        elif kind == "parties":
            rows.append((eid, e.name, "|".join(e.aliases), "|".join(e.codes), "|".join(e.hoc),
                         "true" if e.grouping else "", e.successor_of))
        else:
            rows.append((eid, e.name, "|".join(e.aliases)))
    write_table(path, REGISTRY_TABLES[kind][1].columns, rows)


def write_contests(folder: Path, contests: tuple[Contest, ...], default_sources: tuple[str, ...]) -> None:
    """Write an election's two tables; figures citing the table's sources leave `sources` blank."""
    def sources(ids: tuple[str, ...]) -> str | None:
        return None if ids == default_sources else "|".join(ids)

    def value(count: Count | None) -> int | None:
        return count.value if count is not None else None

    write_table(folder / "contests.csv", CONTESTS.columns, [
        (c.id, c.kind.value, c.code, c.nation, c.region, value(c.electorate), value(c.valid), value(c.rejected),
         c.result, sources(c.sources), None) for c in contests])
    write_table(folder / "candidacies.csv", CANDIDACIES.columns, [
        (c.id, k.person, k.party, "|".join(f"{p}@{v}" for p, v in k.party_alternatives), k.ballot_name,
         k.description, k.votes.value, "|".join(f"{a.value}@{a.variant}" for a in k.votes.alternatives), k.note)
        for c in contests for k in c.candidacies])
