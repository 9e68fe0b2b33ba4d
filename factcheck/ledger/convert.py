"""Validated YAML entries (schema.py) into the in-memory model (model.py).

A mayoral election file keeps its format: its candidate list becomes the `area` contest and each
constituency block a `breakdown` contest holding first preferences of the same area-wide contest.
"""

from __future__ import annotations

from factcheck.ledger import model as m
from factcheck.ledger import schema as s


def count(c: s.Count | None) -> m.Count | None:
    if c is None:
        return None
    return m.Count(c.value, c.sources, c.note, tuple(m.Alternative(a.value, a.variant) for a in c.alternatives),
                   c.discrepancy)


def printed(p: s.Percentage | None) -> m.Printed | None:
    return None if p is None else m.Printed(p.value, p.sources, p.note, p.discrepancy)


def source(src: s.Source) -> m.Source:
    return m.Source(src.title, src.publisher, src.kind, src.url, tuple(m.Via(v.title, v.url) for v in src.via),
                    src.seen, src.note)


def person(p: s.Person) -> m.Person:
    return m.Person(p.name, p.aliases, p.not_in, p.mnis, hand_kept=True)


def party(p: s.Party) -> m.Party:
    return m.Party(p.name, p.aliases, p.codes, p.grouping, p.hoc, p.successor_of)


def constituency(c: s.Constituency) -> m.Constituency:
    return m.Constituency(c.name, c.aliases, c.boroughs, c.nation, c.region)


def family(f: s.Family) -> m.Family:
    return m.Family(f.name, f.words)


def area(a: s.Area) -> m.Area:
    return m.Area(a.name, a.kind, a.aliases, a.nation)


def provenance(p: s.Provenance | None) -> m.Provenance | None:
    if p is None:
        return None
    return m.Provenance(p.importer, p.imported.isoformat(), p.repository, p.commit, p.folder,
                        tuple((f.name, f.sha256) for f in p.files))


def area_contests(e: s.Election, registry: m.Registry) -> tuple[m.Contest, ...]:
    """The area contest and its constituency breakdowns, from a mayoral election file."""
    candidacies = tuple(
        m.Candidacy(person=c.person, party=c.party, votes=count(c.first_round), ballot_name=c.ballot_name,
                    description=c.description, transfers=count(c.transfers), final=count(c.final),
                    first_share_printed=printed(c.first_round_share_printed),
                    final_share_printed=printed(c.final_share_printed), note=c.note)
        for c in e.candidates)
    t = e.turnout
    turnout = m.Turnout(t.sources, t.value, t.note,
                        tuple(m.TurnoutAlternative(a.value, a.variant, a.definition) for a in t.alternatives),
                        t.discrepancy)
    sources = tuple(dict.fromkeys(sid for c in e.candidates for sid in c.first_round.sources))
    area_contest = m.Contest(
        id=e.id, name=e.name, kind=m.ContestKind.AREA, candidacies=candidacies, sources=sources,
        electorate=count(e.electorate), ballots=count(e.ballots), rejected=count(e.rejected),
        valid=count(e.valid_first_preferences), turnout=turnout)
    parties = {c.person: c.party for c in e.candidates}
    breakdowns = []
    for block in e.constituencies:
        place = registry.constituencies.get(block.constituency)
        breakdowns.append(m.Contest(
            id=block.constituency, name=place.name if place else block.constituency, kind=m.ContestKind.BREAKDOWN,
            candidacies=tuple(m.Candidacy(person=p, party=parties.get(p, ""), votes=m.Count(v, block.sources))
                              for p, v in block.votes.items()),
            sources=block.sources, complete=block.complete,
            nation=place.nation if place else None, region=place.region if place else None,
            shares_printed=tuple((p, printed(pc)) for p, pc in block.shares_printed.items())))
    return (area_contest, *breakdowns)


_RANK = {m.SourceKind.OFFICIAL: 0, m.SourceKind.OFFICIAL_REPORT: 1}


def primary_first(e: s.Election) -> s.Election:
    """The election with every figure's sources cited primary first: official publications, then official
    reports, then the rest in the order the file gives them."""
    def order(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda sid: _RANK.get(e.sources[sid].kind, 2) if sid in e.sources else 2))

    def walk(value):
        if isinstance(value, dict):
            return {k: (order(tuple(v)) if k == "sources" and isinstance(v, (list, tuple)) else walk(v))
                    for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [walk(v) for v in value]
        return value

    data = e.model_dump(mode="python", exclude={"sources"})
    return s.Election.model_validate({**walk(data), "sources": e.sources})


def election(e: s.Election, contests: tuple[m.Contest, ...]) -> m.Election:
    return m.Election(
        id=e.id, name=e.name, family=e.family, office=e.office, date=e.date, system=e.system,
        sources={sid: source(src) for sid, src in e.sources.items()}, contests=contests,
        turnout_definition=e.turnout.definition, turnout_basis=e.turnout.basis,
        turnout_other_basis=e.turnout.other_basis,
        deposit_threshold=e.deposit_threshold,
        variants={vid: m.Variant(v.label, v.status, v.sources, v.note) for vid, v in e.variants.items()},
        base=e.base, notional=e.notional, base_only=e.base_only, notes=e.notes, provenance=provenance(e.provenance))
