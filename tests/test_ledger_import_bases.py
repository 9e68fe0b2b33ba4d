"""`ledger import hoc-results` with a party-level base: a constituencies file with one vote column per party,
kept in the ledger, becomes a base-only election; a broken or altered copy fails at file:line:column."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from factcheck.errors import LedgerError
from factcheck.ledger.hoc.build import import_hoc_results
from factcheck.ledger.index import LedgerIndex
from factcheck.ledger.loader import load_ledger
from tests.conftest import HOC_FILES

COLUMNS = ["ONS ID", "ONS region ID", "Constituency name", "County name", "Region name", "Country name",
           "Constituency type", "Declaration time", "Member first name", "Member surname", "Member gender", "Result",
           "First party", "Second party", "Electorate", "Valid votes", "Invalid votes", "Majority", "Con", "Lab", "LD",
           "Other"]
# Northtown: Labour wins (Conservative in 2030); Westham: the Speaker is inside Other (Con 8,000 + majority
# 12,000 = 20,000, leaving 2,000); Glenmore: the SNP is inside Other (Lab 11,000 + 3,000 = 14,000, leaving 1,000).
ROWS = [
    'E14000901,E92000001,Northtown,,North East ,England,County,,Bob,Baker,M,Lab hold,Lab,Con,'
    '59000,37000,90,4000,15000,19000,2000,1000',
    'E14000902,E92000001,"Southville, East",,London,England,County,,Dan,Dyer,F,Lab gain from Con,Lab,Con,'
    '54000,30500,70,5000,12000,17000,1000,500',
    'E14000903,E92000001,Westham (Downs),,South East,England,County,,Hal,Hart,F,Spk hold,Spk,Con,'
    '49000,32000,60,12000,8000,0,2000,22000',
    'S14000904,S92000003,Glenmore,,Scotland,Scotland,County,,Kai,Kerr,F,SNP gain from Lab,SNP,Lab,'
    '57000,31500,80,3000,5000,11000,500,15000',
]
FILE = "imports/sources/parl89-ge2025-constituencies.csv"


def write_base(ledger: Path, rows: list[str], *, recorded: str | None = None) -> Path:
    """Put the party-level copy in the ledger and name it in the settings (its sha256 as recorded, or its own)."""
    path = ledger / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("\r\n".join(rows).encode("utf-8"))
    settings_path = ledger / "imports" / "hoc-results.yaml"
    settings = yaml.safe_load(settings_path.read_text())
    settings["elections"][0]["base"] = "uk-general-2025"
    settings["bases"] = [{
        "file": FILE, "id": "uk-general-2025", "name": "2025 test general election", "date": "2025-05-01",
        "speaker_former_party": "conservative",
        "source": {"title": "Test Library, general election 2025 results", "url": "https://example.org/ge2025",
                   "publisher": "Test Library", "kind": "official"},
        "origin": {"repository": "https://github.com/example/results", "commit": "f" * 40,
                   "path": "data/2025/constituencies.csv"},
        "sha256": recorded or hashlib.sha256(path.read_bytes()).hexdigest(),
        "columns": COLUMNS, "other": "Other", "other_party": "other-candidates"}]
    settings_path.write_text(yaml.safe_dump(settings, sort_keys=False))
    with (ledger / "parties.yaml").open("a") as parties:
        parties.write("other-candidates:\n  name: All other candidates\n  grouping: true\n")
    return path


def problems(ledger: Path) -> list[str]:
    with pytest.raises(LedgerError) as caught:
        import_hoc_results(HOC_FILES, ledger)
    assert not (ledger / "elections" / "uk-general-2025.yaml").exists()  # nothing written
    return caught.value.problems


def test_party_columns_file_becomes_a_base_only_election_that_the_next_one_is_measured_against(uk_ledger):
    write_base(uk_ledger, ROWS)
    summary = import_hoc_results(HOC_FILES, uk_ledger)
    assert ("uk-general-2025", 4, 17) in summary.elections  # party rows, the Other column included
    index = LedgerIndex(load_ledger(uk_ledger))
    assert "uk-general-2025" not in index.elections and index.base_id("uk-general-2030") == "uk-general-2025"
    f30, base = index.facts("uk-general-2030"), index.base("uk-general-2030")
    assert base.election.base_only and base.election.provenance.commit == "f" * 40
    assert f30.party_seat_change("conservative", base).value == 1  # Northtown
    assert f30.party_seat_change("labour", base).value == -1
    assert base.contest("northtown").code == "E14000901" and base.contest("northtown").region == "north-east"


def test_first_or_second_party_inside_the_other_column_is_derived_from_the_majority(uk_ledger):
    write_base(uk_ledger, ROWS)
    import_hoc_results(HOC_FILES, uk_ledger)
    base = LedgerIndex(load_ledger(uk_ledger)).facts("uk-general-2025")
    westham = {k.party: k for k in base.contest("westham-downs").candidacies}
    assert (westham["speaker"].votes.value, westham["other-candidates"].votes.value) == (20000, 2000)
    assert "plus the majority of 12,000" in westham["speaker"].note
    assert westham["speaker"].party_alternatives == (("conservative", "speaker-under-former-party"),)
    glenmore = {k.party: k.votes.value for k in base.contest("glenmore").candidacies}
    assert glenmore == {"conservative": 5000, "labour": 11000, "liberal-democrats": 500, "snp": 14000,
                        "other-candidates": 1000}


def test_copy_that_differs_from_its_recorded_sha256_is_refused(uk_ledger):
    path = write_base(uk_ledger, ROWS, recorded="0" * 64)
    [problem] = problems(uk_ledger)
    assert problem.startswith(f"{path}:1:1: sha256 ") and "does not match the import settings" in problem


def test_party_columns_not_adding_up_to_valid_votes_is_an_error_at_the_valid_votes_column(uk_ledger):
    rows = [ROWS[0].replace(",2000,1000", ",2000,1001"), *ROWS[1:]]
    path = write_base(uk_ledger, rows)
    [problem] = problems(uk_ledger)
    assert problem == f"{path}:1:{rows[0].index(',37000,') + 2}: party columns in Northtown sum to 37,001, not 37,000"


def test_majority_that_is_not_first_minus_second_is_an_error_at_the_majority_column(uk_ledger):
    rows = [ROWS[0].replace(",90,4000,", ",90,4001,"), *ROWS[1:]]
    path = write_base(uk_ledger, rows)
    [problem] = problems(uk_ledger)
    assert problem == f"{path}:1:{rows[0].index(',4001,') + 2}: majority 4,001 is not first minus second (19,000 − 15,000)"


def test_row_with_a_missing_column_is_an_error_naming_the_count(uk_ledger):
    rows = [ROWS[0].rsplit(",", 1)[0], *ROWS[1:]]
    path = write_base(uk_ledger, rows)
    [problem] = problems(uk_ledger)
    assert problem == f"{path}:1:{len(rows[0]) + 1}: expected 22 columns, found 21"
