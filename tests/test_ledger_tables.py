"""Hand-edited ledger tables (CSV) are checked like the YAML files, with path:line:column errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import LedgerError
from factcheck.ledger.hoc.build import import_hoc_results
from factcheck.ledger.loader import load_ledger
from tests.conftest import HOC_FILES


@pytest.fixture
def tables(uk_ledger):
    import_hoc_results(HOC_FILES, uk_ledger)

    def edit(relative: str, old: str, new: str) -> tuple[Path, int, str]:
        path = uk_ledger / relative
        lines = path.read_text(encoding="utf-8").split("\n")
        number = next(i for i, line in enumerate(lines) if old in line)
        lines[number] = lines[number].replace(old, new, 1)
        path.write_text("\n".join(lines), encoding="utf-8")
        return path, number + 1, lines[number]

    return uk_ledger, edit


def problems(directory: Path) -> list[str]:
    with pytest.raises(LedgerError) as caught:
        load_ledger(directory)
    return caught.value.problems


CANDIDACIES = "elections/uk-general-2035/candidacies.csv"
CONTESTS = "elections/uk-general-2035/contests.csv"


def test_a_vote_that_is_not_a_number_names_line_and_column(tables):
    directory, edit = tables
    path, line, text = edit(CANDIDACIES, ",19000,", ",19,000,")
    found = problems(directory)
    assert any(p.startswith(f"{path}:{line}:") and "expected 9 fields, found 10" in p for p in found), found
    path, line, text = edit(CANDIDACIES, ",19,000,", ",19k,")
    [problem] = [p for p in problems(directory) if p.startswith(str(path))]
    assert problem == f"{path}:{line}:{text.index('19k') + 1}: votes must be a whole number of 0 or more, not '19k'"


def test_candidates_must_add_up_to_the_contests_valid_votes(tables):
    directory, edit = tables
    path, line, text = edit(CONTESTS, ",62000,41150,", ",62000,41151,")
    [problem] = problems(directory)
    assert problem == f"{path}:{line}:{text.index('41151') + 1}: candidates' votes sum to 41,150, not 41,151"


def test_unknown_person_party_and_variant_are_reported(tables):
    directory, edit = tables
    path, line, text = edit(CANDIDACIES, "northtown,bob-baker,labour", "northtown,bob-barker,labor")
    path2, line2, text2 = edit(CANDIDACIES, "labour@speaker-under-former-party", "labour@speaker-as-labour")
    found = problems(directory)
    assert f"{path}:{line}:{text.index('bob-barker') + 1}: unknown person 'bob-barker' (add them to people.csv)" in found
    assert f"{path}:{line}:{text.index('labor') + 1}: unknown party 'labor' (add it to parties.yaml or parties.csv)" in found
    assert f"{path2}:{line2}:{text2.index('labour@') + 1}: unknown variant 'speaker-as-labour'" in found


def test_an_id_defined_in_both_a_yaml_and_a_csv_registry_file_is_an_error(tables):
    directory, edit = tables
    path, line, _ = edit("people.csv", "bob-baker,Bob Baker", "quinn-quarry,Bob Baker")
    found = problems(directory)
    assert f"{path}:{line}:1: person id 'quinn-quarry' is defined twice" in found


def test_a_misnamed_column_is_reported_in_the_header(tables):
    directory, edit = tables
    path, _, text = edit(CONTESTS, "electorate,valid", "electorate,valid_votes")
    [problem] = problems(directory)
    assert problem.startswith(f"{path}:1:{text.index('valid_votes') + 1}: expected column 'valid', found 'valid_votes'")
