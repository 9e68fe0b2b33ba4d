"""`imports/hoc-results.yaml`: what the import needs that the official files do not say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import ValidationError

from factcheck.errors import LedgerError
from factcheck.ledger.schema import Id, Model, Source, Text

SETTINGS_FILE = Path("imports") / "hoc-results.yaml"


class ElectionSettings(Model):
    file: Text  # prefix of the official files: "parl59-ge2024" for parl59-ge2024-candidacies.csv
    id: Id
    name: Text
    date: dt.date
    base: Id | None = None  # what changes are measured against; default the previous election
    speaker_former_party: Id  # the press counts the Speaker under this party (a documented variant)
    fourth_party_column: Text = "RUK"  # the constituencies file's fourth party column (UKIP in 2017)
    source: Source


class NotionalSettings(Model):
    file: Text  # the notional file's name without ".csv"
    id: Id
    name: Text
    date: dt.date
    speaker_former_party: Id
    source: Source
    # Notional party codes (without the trailing "V") that are not a candidacy abbreviation in upper case
    codes: dict[Text, Text] = {}


class Origin(Model):
    """Where a copy kept in the ledger was read: a repository file at a commit."""
    repository: Text  # https://github.com/owner/name
    commit: Text
    path: Text  # the file's path in the repository


class PartyColumnsSettings(Model):
    """An election held only as a base for a later one's changes, read from a constituencies file that gives
    each party's votes in a column of its own and names no candidates. The file has no header row, so its
    columns are listed here by the headings the publisher's later files use ("ONS ID", "Valid votes", ...);
    every column after "Majority" holds one party's votes, except `other`, which adds up all the rest."""
    file: Text  # the copy, relative to the ledger directory (it is kept with the ledger, not in SRC_DIR)
    id: Id
    name: Text
    date: dt.date
    speaker_former_party: Id
    source: Source
    origin: Origin
    sha256: Text  # of the copy, as recorded when it was made
    columns: tuple[Text, ...]
    other: Text  # the column holding every other candidate's votes
    other_party: Id  # the ledger party the rest of that column is counted under
    codes: dict[Text, Text] = {}  # a column heading or code in the file -> candidacy abbreviation


class Settings(Model):
    family: Id
    office: Text
    turnout_definition: Text
    elections: tuple[ElectionSettings, ...]
    notional: tuple[NotionalSettings, ...] = ()
    bases: tuple[PartyColumnsSettings, ...] = ()
    notes: tuple[str, ...] = ()


def load_settings(ledger_dir: Path) -> Settings:
    from factcheck.ledger.loader import _Problems
    from factcheck.ledger.yamlpos import load_yaml_with_lines

    path = ledger_dir / SETTINGS_FILE
    if not path.is_file():
        raise LedgerError([f"{path}:1:1: import settings not found (the ledger directory needs {SETTINGS_FILE})"])
    data, lines = load_yaml_with_lines(path)
    problems: list[str] = []
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        _Problems(path, lines, problems).validation(exc)
        raise LedgerError(problems) from None
