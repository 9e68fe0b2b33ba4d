"""The ledger loader rejects broken files with `path:line: field: message` and exit code 2."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import LedgerError
from factcheck.ledger import load_ledger

ELECTION_2021 = "elections/london-mayor-2021.yaml"


def line_of(path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(text)


def problems(directory) -> list[str]:
    with pytest.raises(LedgerError) as caught:
        load_ledger(directory)
    return caught.value.problems


def test_bundled_ledger_validates_and_lists_seven_elections():
    result = CliRunner().invoke(cli, ["ledger", "validate"])
    assert result.exit_code == 0, result.output
    years = re.findall(r"london-mayor-(\d{4})", result.output)
    assert years == ["2000", "2004", "2008", "2012", "2016", "2021", "2024"]


def test_broken_final_total_names_file_line_and_field(ledger_copy):
    directory, edit = ledger_copy
    path = edit(ELECTION_2021, "value: 1206034", "value: 1206035")
    [problem] = problems(directory)
    assert problem.startswith(f"{path}:{line_of(path, 'value: 1206035')}: candidates[0].final.value: ")
    assert "1,013,721 + transfers 192,313 = 1,206,034, but final is 1,206,035" in problem


def test_misspelt_key_is_rejected_at_its_line(ledger_copy):
    directory, edit = ledger_copy
    path = edit(ELECTION_2021, "  transfers:\n    value: 192313", "  transfer:\n    value: 192313")
    found = problems(directory)
    assert f"{path}:{line_of(path, 'transfer:')}: candidates[0].transfer: unknown key (misspelt?)" in found


def test_vote_count_that_is_not_a_number_is_rejected(ledger_copy):
    directory, edit = ledger_copy
    path = edit(ELECTION_2021, "value: 893051", "value: 893,051")
    [problem] = problems(directory)
    assert problem.startswith(f"{path}:{line_of(path, 'value: 893,051')}: candidates[1].first_round.value: ")
    assert "integer" in problem


def test_fractional_vote_count_is_rejected(ledger_copy):
    directory, edit = ledger_copy
    edit(ELECTION_2021, "value: 893051", "value: 893051.5")
    [problem] = problems(directory)
    assert "candidates[1].first_round.value" in problem


def test_candidates_must_sum_to_the_valid_total(ledger_copy):
    directory, edit = ledger_copy
    edit(ELECTION_2021, "value: 2531357", "value: 2531358")
    found = problems(directory)
    assert any("valid_first_preferences.value: candidates' first-round votes sum to 2,531,357, not 2,531,358" in p
               for p in found)


def test_undocumented_printed_share_mismatch_is_an_error(ledger_copy):
    directory, edit = ledger_copy
    edit("elections/london-mayor-2008.yaml", "    discrepancy: politicsresources prints 2.86%", "    note: politicsresources prints 2.86%")
    [problem] = problems(directory)
    assert "candidates[4].first_round_share_printed.value: printed 2.86% but the figures give 2.89%" in problem


def test_wrong_printed_share_is_an_error(ledger_copy):
    directory, edit = ledger_copy
    edit(ELECTION_2021, "value: 55.2", "value: 56.2")
    [problem] = problems(directory)
    assert "candidates[0].final_share_printed.value: printed 56.2% but the figures give 55.23%" in problem


def test_unknown_source_and_variant_references_are_errors(ledger_copy):
    directory, edit = ledger_copy
    edit("elections/london-mayor-2004.yaml", "{value: 685541, variant: night-of}", "{value: 685541, variant: nite-of}")
    edit(ELECTION_2021, "sources: [london-elects-2021]", "sources: [london-elect-2021]")
    found = problems(directory)
    assert any("alternatives[0].variant: unknown variant 'nite-of'" in p for p in found)
    assert any("unknown source 'london-elect-2021'" in p for p in found)


def test_every_problem_in_every_file_is_reported_at_once(ledger_copy):
    directory, edit = ledger_copy
    edit(ELECTION_2021, "value: 893051", "value: lots")
    edit("elections/london-mayor-2012.yaml", "party: labour", "party: labor")
    edit("people.yaml", "name: Boris Johnson", "nmae: Boris Johnson")
    found = problems(directory)
    assert len(found) == 4, found  # people.yaml: unknown key and missing name; one in each election file
    assert {p.split(":")[0].rsplit("/", 1)[-1] for p in found} == {
        "people.yaml", "london-mayor-2012.yaml", "london-mayor-2021.yaml"}


def test_yaml_syntax_error_names_its_line(ledger_copy):
    directory, edit = ledger_copy
    path = edit(ELECTION_2021, "office: Mayor of London", "office: [Mayor of London")
    [problem] = problems(directory)
    assert problem.startswith(f"{path}:")
    assert "YAML syntax error" in problem


def test_duplicate_key_is_an_error(ledger_copy):
    directory, edit = ledger_copy
    edit(ELECTION_2021, "office: Mayor of London", "office: Mayor of London\noffice: Mayor")
    [problem] = problems(directory)
    assert "office: duplicate key" in problem


def test_election_id_must_match_its_file_name(ledger_copy):
    directory, edit = ledger_copy
    edit(ELECTION_2021, "id: london-mayor-2021", "id: london-mayor-2020")
    [problem] = problems(directory)
    assert "id: election id 'london-mayor-2020' must match the file name 'london-mayor-2021'" in problem


def test_cli_reports_broken_ledger_with_exit_2_and_no_traceback(ledger_copy):
    directory, edit = ledger_copy
    edit(ELECTION_2021, "value: 893051", "value: x")
    result = CliRunner().invoke(cli, ["ledger", "validate", str(directory)])
    assert result.exit_code == 2
    assert "candidates[1].first_round.value" in result.output
    assert "Traceback" not in result.output
