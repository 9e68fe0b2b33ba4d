"""The one ledger loader: validates every file and reports every problem at once.

YAML problems read `path:line: field: message`; CSV problems `path:line:column: message`. Beyond the
schema, the loader checks references between files and the ledger's own arithmetic (first round +
transfers = final, candidates sum to the valid total, printed shares agree with the votes); a
mismatch is an error unless the figure documents it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from factcheck.errors import LedgerError
from factcheck.kinds import Round
from factcheck.ledger import convert
from factcheck.ledger import model as m
from factcheck.ledger.csvfile import Problems
from factcheck.ledger.facts import Facts, printed_mismatch
from factcheck.ledger.schema import Area, Constituency, Election, Family, Id, Party, Person
from factcheck.ledger.tables import REGISTRY_TABLES, read_contests, read_registry_table
from factcheck.ledger.yamlpos import FieldPath, dotted, line_of, load_yaml_with_lines

REGISTRY_FILES = {
    "people": ("people.yaml", Person, convert.person, True),
    "parties": ("parties.yaml", Party, convert.party, True),
    "constituencies": ("constituencies.yaml", Constituency, convert.constituency, True),
    "areas": ("areas.yaml", Area, convert.area, False),  # nations and regions; only general elections need them
    "families": ("families.yaml", Family, convert.family, False),  # the words for each family's elections
}
_ID = TypeAdapter(Id)
ELECTIONS_DIR = "elections"


class _Problems:
    """Collects problems for one YAML file, turning field paths into line numbers."""

    def __init__(self, path: Path, lines: dict[FieldPath, int], sink: list[str]):
        self.path, self.lines, self.sink = path, lines, sink

    def add(self, at: FieldPath, message: str) -> None:
        self.sink.append(f"{self.path}:{line_of(self.lines, at)}: {dotted(at)}: {message}")

    def validation(self, error: ValidationError, prefix: FieldPath = ()) -> None:
        errors = error.errors(include_url=False)
        locs = [prefix + tuple(part for part in err["loc"] if part != "[key]") for err in errors]
        for err, at in zip(errors, locs):
            if any(len(other) > len(at) and other[: len(at)] == at for other in locs):
                continue  # a deeper error already says what is wrong inside this field
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                message = "unknown key (misspelt?)"
            elif err["type"] == "missing":
                message = "required field is missing"
            self.add(at, message)


def load_ledger(directory: Path) -> m.Ledger:
    """Load and check a ledger directory; raise LedgerError listing every problem."""
    directory = Path(directory)
    problems = Problems()
    if not directory.is_dir():
        raise LedgerError([f"{directory}:1: ledger directory not found"])
    registry, known = _load_registry(directory, problems)

    election_files = sorted((directory / ELECTIONS_DIR).glob("*.yaml"))
    if not election_files:
        problems.append(f"{directory / ELECTIONS_DIR}:1: (directory): no election files (*.yaml) found")
    elections: list[m.Election] = []
    base_lines: dict[str, tuple[_Problems, str]] = {}
    to_check: list[tuple[Election, m.Election, _Problems]] = []
    for path in election_files:
        parsed = _parse(path, problems)
        if parsed is None:
            continue
        data, lines = parsed
        report = _Problems(path, lines, problems)
        try:
            election = Election.model_validate(data)
        except ValidationError as exc:
            report.validation(exc)
            continue
        if election.id != path.stem:
            report.add(("id",), f"election id {election.id!r} must match the file name {path.stem!r}")
        before = len(problems)
        _check_references(election, known, report)
        if election.tables is not None:
            folder = path.parent / election.tables.folder
            contests = read_contests(folder, election.tables.sources, known, registry.constituencies,
                                     election.variants, election.sources, problems)
            built = convert.election(election, contests)
        else:
            election = convert.primary_first(election)
            built = convert.election(election, convert.area_contests(election, registry))
            if len(problems) == before:  # arithmetic on dangling references would only add noise
                to_check.append((election, built, report))
        if election.base:
            base_lines[election.id] = (report, election.base)
        elections.append(built)
    # Which constituencies make up a mayoralty's whole area: every one its family's breakdowns use.
    places: dict[str, set[str]] = {}
    for election, built, _ in to_check:
        places.setdefault(built.family, set()).update(b.constituency for b in election.constituencies)
    for election, built, report in to_check:
        _check_arithmetic(election, built, registry, report, places[built.family])
    ids = {e.id for e in elections}
    for eid, (report, base) in base_lines.items():
        if base not in ids:
            report.add(("base",), f"unknown base election {base!r}")
    if problems:
        raise LedgerError(sorted(problems, key=_file_and_line))
    elections.sort(key=lambda e: (e.date, e.id))
    return m.Ledger(directory=str(directory), registry=registry, elections=tuple(elections))


def _file_and_line(problem: str) -> tuple[str, int, int]:
    path, _, rest = problem.partition(":")
    parts = rest.split(":", 2)
    line = int(parts[0]) if parts[0].isdigit() else 0
    column = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    return path, line, column


def _load_registry(directory: Path, problems: Problems) -> tuple[m.Registry, dict[str, set[str]]]:
    """The hand-kept YAML registry files, then the imported CSV ones; an id may be defined only once.

    Also returns the ids each part names, valid entries or not, so a broken entry is reported once
    rather than again as a dangling reference."""
    parts: dict[str, dict[str, Any]] = {}
    known: dict[str, set[str]] = {}
    for key, (filename, schema, to_model, required) in REGISTRY_FILES.items():
        path = directory / filename
        if not path.is_file() and not required:
            parts[key], known[key] = {}, set()
            continue
        entries, known[key] = _load_registry_file(path, schema, problems)
        parts[key] = {eid: to_model(entry) for eid, entry in entries.items()}
    for key, (filename, _) in REGISTRY_TABLES.items():
        path = directory / filename
        if path.is_file():
            parts[key].update(read_registry_table(path, key, problems, known[key]))
            known[key] |= set(parts[key])
    return m.Registry(**parts), known


def _load_registry_file(path: Path, model, problems: list[str]) -> tuple[dict[str, Any], set[str]]:
    """Validate a registry file entry by entry, so one bad entry does not hide the rest."""
    if not path.is_file():
        problems.append(f"{path}:1: (file): required ledger file is missing")
        return {}, set()
    parsed = _parse(path, problems)
    if parsed is None:
        return {}, set()
    data, lines = parsed
    report = _Problems(path, lines, problems)
    if not isinstance(data, dict):
        report.add((), "expected a mapping of ids to entries")
        return {}, set()
    entries: dict[str, Any] = {}
    for entry_id, value in data.items():
        try:
            _ID.validate_python(entry_id)
            entries[entry_id] = model.model_validate(value)
        except ValidationError as exc:
            report.validation(exc, prefix=(entry_id,))
    return entries, {str(k) for k in data}


def _parse(path: Path, problems: list[str]):
    try:
        return load_yaml_with_lines(path)
    except LedgerError as exc:
        problems.extend(exc.problems)
        return None


def _check_references(e: Election, known: dict[str, set[str]], report: _Problems) -> None:
    def sources(at: FieldPath, ids: tuple[str, ...]) -> None:
        for i, sid in enumerate(ids):
            if sid not in e.sources:
                report.add(at + ("sources", i), f"unknown source {sid!r} (not in this file's sources)")

    def alternatives(at: FieldPath, alts) -> None:
        for i, alt in enumerate(alts):
            if alt.variant not in e.variants:
                report.add(at + ("alternatives", i, "variant"), f"unknown variant {alt.variant!r}")

    for vid, variant in e.variants.items():
        sources(("variants", vid), variant.sources)
    if e.turnout.other_basis and e.turnout.other_basis not in e.variants:
        report.add(("turnout", "other_basis"), f"unknown variant {e.turnout.other_basis!r}")
    if e.tables is not None:
        sources(("tables",), e.tables.sources)
    for field in ("electorate", "ballots", "rejected", "valid_first_preferences", "turnout"):
        fig = getattr(e, field)
        if fig is not None:
            sources((field,), fig.sources)
            alternatives((field,), fig.alternatives)
    seen: set[str] = set()
    for ci, cand in enumerate(e.candidates):
        at: FieldPath = ("candidates", ci)
        if cand.person not in known["people"]:
            report.add(at + ("person",), f"unknown person {cand.person!r} (add them to people.yaml)")
        if cand.person in seen:
            report.add(at + ("person",), f"{cand.person!r} is listed twice")
        seen.add(cand.person)
        if cand.party not in known["parties"]:
            report.add(at + ("party",), f"unknown party {cand.party!r} (add it to parties.yaml)")
        for field in ("first_round", "transfers", "final", "first_round_share_printed", "final_share_printed"):
            fig = getattr(cand, field)
            if fig is not None:
                sources(at + (field,), fig.sources)
                alternatives(at + (field,), getattr(fig, "alternatives", ()))
    for bi, block in enumerate(e.constituencies):
        at = ("constituencies", bi)
        if block.constituency not in known["constituencies"]:
            report.add(at + ("constituency",), f"unknown constituency {block.constituency!r}")
        sources(at, block.sources)
        for person in block.votes:
            if person not in seen:
                report.add(at + ("votes", person), f"{person!r} is not a candidate in this election")
        for person, printed in block.shares_printed.items():
            if person not in block.votes:
                report.add(at + ("shares_printed", person), f"printed share for {person!r} without their votes")
            sources(at + ("shares_printed", person), printed.sources)


def _check_arithmetic(e: Election, built: m.Election, registry: m.Registry, report: _Problems,
                      all_constituencies: set[str]) -> None:
    facts = Facts(built, registry)
    for ci, cand in enumerate(e.candidates):
        at: FieldPath = ("candidates", ci)
        if cand.transfers and cand.final:
            expected = cand.first_round.value + cand.transfers.value
            if expected != cand.final.value and not cand.final.discrepancy:
                report.add(at + ("final", "value"),
                           f"first round {cand.first_round.value:,} + transfers {cand.transfers.value:,} = "
                           f"{expected:,}, but final is {cand.final.value:,}")
        if (cand.transfers or cand.final) and e.system.value == "first-past-the-post":
            report.add(at, "a first-past-the-post election has no transfers or final round")
        for field, round_ in (("first_round_share_printed", Round.FIRST), ("final_share_printed", Round.FINAL)):
            printed = getattr(cand, field)
            share = facts.share(cand.person, round_)
            if printed is not None and share is not None and not printed.discrepancy:
                mismatch = printed_mismatch(printed.value, share.value)
                if mismatch:
                    report.add(at + (field, "value"), f"{mismatch} (document a known mismatch under `discrepancy:`)")

    total = e.valid_first_preferences
    summed = sum(c.first_round.value for c in e.candidates)
    if total is not None and summed != total.value and not total.discrepancy:
        report.add(("valid_first_preferences", "value"),
                   f"candidates' first-round votes sum to {summed:,}, not {total.value:,}")
    if e.ballots and e.rejected and total:
        if total.value + e.rejected.value != e.ballots.value and not e.ballots.discrepancy:
            report.add(("ballots", "value"),
                       f"valid {total.value:,} + rejected {e.rejected.value:,} = "
                       f"{total.value + e.rejected.value:,}, not {e.ballots.value:,}")
    if e.turnout.value is None and (e.ballots is None or e.electorate is None) and facts.ballots() is None:
        report.add(("turnout", "value"), "turnout cannot be derived (no ballots and electorate), so give its value")
    if e.turnout.value is not None and e.ballots and e.electorate and not e.turnout.discrepancy:
        derived = facts.turnout()
        if derived is not None:
            mismatch = printed_mismatch(e.turnout.value, derived.value)
            if mismatch:
                report.add(("turnout", "value"), mismatch)

    for bi, block in enumerate(e.constituencies):
        at = ("constituencies", bi)
        for person, printed in block.shares_printed.items():
            share = facts.share(person, Round.FIRST, block.constituency)
            if share is not None and not printed.discrepancy:
                mismatch = printed_mismatch(printed.value, share.value)
                if mismatch:
                    report.add(at + ("shares_printed", person, "value"), mismatch)
    for ci, cand in enumerate(e.candidates):
        blocks = [b for b in e.constituencies if cand.person in b.votes]
        if blocks and {b.constituency for b in blocks} == all_constituencies:
            local = sum(b.votes[cand.person] for b in blocks)
            if local != cand.first_round.value and not cand.first_round.discrepancy:
                report.add(("candidates", ci, "first_round", "value"),
                           f"constituency figures sum to {local:,}, not {cand.first_round.value:,}")
