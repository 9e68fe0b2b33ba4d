"""`factcheck ledger import hoc-results`: official-style files in, checked ledger tables out; a broken
copy fails with file:line:column, exit 2 and nothing written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import LedgerError
from factcheck.ledger.hoc.build import import_hoc_results
from factcheck.ledger.loader import load_ledger
from tests.conftest import HOC_FILES

CANDIDACIES_2030 = "parl90-ge2030-candidacies.csv"
SEATS_2030 = "parl90-ge2030-constituencies.csv"
CANDIDACIES_2035 = "parl91-ge2035-candidacies.csv"


@pytest.fixture
def broken(tmp_path: Path):
    """A copy of the official-style files, and a helper that edits one line of one file (SHA256SUMS kept in step)."""
    src = tmp_path / "hoc"
    shutil.copytree(HOC_FILES, src)

    def edit(name: str, old: str, new: str, *, resum: bool = True) -> tuple[Path, int, str]:
        path = src / name
        lines = path.read_bytes().decode("utf-8").split("\r\n")
        [number] = [i for i, line in enumerate(lines) if old in line][:1]
        lines[number] = lines[number].replace(old, new, 1)
        path.write_bytes("\r\n".join(lines).encode("utf-8"))
        if resum:
            sums = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in sorted(src.glob("*.csv")))
            (src / "SHA256SUMS").write_text(sums)
        return path, number + 1, lines[number]

    return src, edit


def problems(src: Path, out: Path) -> list[str]:
    with pytest.raises(LedgerError) as caught:
        import_hoc_results(src, out)
    return caught.value.problems


def column(line: str, text: str) -> int:
    return line.index(text) + 1


def test_import_writes_tables_registry_and_provenance(uk_ledger):
    summary = import_hoc_results(HOC_FILES, uk_ledger)
    assert summary.elections == [("uk-general-2030", 4, 14), ("uk-general-2035", 4, 15),
                                 ("uk-general-2030-notional", 4, 13)]
    ledger = load_ledger(uk_ledger)
    e2035 = next(e for e in ledger.elections if e.id == "uk-general-2035")
    northtown = next(c for c in e2035.contests if c.id == "northtown")
    assert (northtown.code, northtown.nation, northtown.region) == ("E14001901", "england", "north-east")
    assert (northtown.electorate.value, northtown.valid.value, northtown.rejected.value) == (62000, 41150, 120)
    assert northtown.result == "Lab gain from Con"
    assert [(k.person, k.party, k.votes.value) for k in northtown.candidacies][:2] == [
        ("bob-baker", "labour", 19000), ("alice-able", "conservative", 14000)]
    sha = hashlib.sha256((HOC_FILES / CANDIDACIES_2035).read_bytes()).hexdigest()
    assert (CANDIDACIES_2035, sha) in e2035.provenance.files
    assert e2035.provenance.commit == "0123456789abcdef0123456789abcdef01234567"
    [source] = e2035.sources.values()
    assert source.url == "https://example.org/ge2035"  # the publication first...
    assert "github.com/ukparliament/psephology" in source.via[0].title  # ...the repository copy as "read via"
    assert "read via" in source.citation()


def test_labour_and_cooperative_is_labour_with_its_ballot_description(uk_index):
    southville = uk_index.facts("uk-general-2035").contest("southville-east")
    [dyer] = [k for k in southville.candidacies if k.person == "dan-dyer"]
    assert (dyer.party, dyer.description) == ("labour", "Labour and Co-operative")


def test_people_keep_their_id_across_years_but_two_namesakes_in_one_election_are_two_people(uk_index):
    assert uk_index.candidacies["bob-baker"] == ["uk-general-2030", "uk-general-2035"]
    assert uk_index.candidacies["alice-able"] == ["uk-general-2030", "uk-general-2035"]  # hand-kept entry, by member id
    smiths = [p for p, person in uk_index.registry.people.items() if person.name == "Sam Smith"]
    assert len(smiths) == 2
    assert {tuple(uk_index.candidacies[p]) for p in smiths} == {("uk-general-2035",)}


def test_constituencies_get_the_spellings_the_press_uses(uk_index):
    places = uk_index.registry.constituencies
    assert places["southville-east"].name == "Southville, East"
    assert "Southville East" in places["southville-east"].aliases
    assert "Westham" in places["westham-downs"].aliases
    assert uk_index.registry.parties["official-monster-raving-loony-party"].hoc == ("MRLP",)  # imported minor party


def test_wrong_column_count_names_file_line_and_column(uk_ledger, broken):
    src, edit = broken
    path, line, text = edit(CANDIDACIES_2030, ",Cara,Cole,", ",Cara Cole,")
    found = problems(src, uk_ledger)
    assert f"{path}:{line}:{len(text) + 1}: expected 21 columns, found 20" in found


def test_vote_that_is_not_a_whole_number_is_rejected_at_its_column(uk_ledger, broken):
    src, edit = broken
    path, line, text = edit(CANDIDACIES_2035, ",19000,", ",19000.5,")
    [problem] = problems(src, uk_ledger)
    assert problem == f"{path}:{line}:{column(text, '19000.5')}: votes must be a whole number of 0 or more, not '19000.5'"


def test_candidates_not_summing_to_valid_votes_is_an_error_at_the_valid_votes_column(uk_ledger, broken):
    src, edit = broken
    path, line, text = edit(SEATS_2030, ",55000,32000,80,", ",55000,32001,80,")
    found = problems(src, uk_ledger)
    assert f"{path}:{line}:{column(text, '32001')}: candidates' votes in Southville, East sum to 32,000, not 32,001" in found


def test_majority_that_is_not_first_minus_second_is_an_error(uk_ledger, broken):
    src, edit = broken
    path, line, text = edit(SEATS_2030, ",60000,38000,100,5000,", ",60000,38000,100,5001,")
    [problem] = problems(src, uk_ledger)
    assert problem.startswith(f"{path}:{line}:{column(text, '5001')}: majority 5,001 is not first minus second")


def test_unknown_party_code_in_a_candidacy_is_an_error(uk_ledger, broken):
    src, edit = broken
    path, line, text = edit(CANDIDACIES_2035, ",Labour,Lab,PP53,15,,Lee,", ",Labour,Lbr,PP53,15,,Lee,")
    found = problems(src, uk_ledger)
    assert any(p.startswith(f"{path}:{line}:{column(text, 'Lbr')}: unknown party code 'Lbr'") for p in found), found


def test_unknown_party_code_in_a_result_is_an_error(uk_ledger, broken):
    src, edit = broken
    path, line, text = edit("parl91-ge2035-constituencies.csv", "Lab gain from SNP", "Lab gain from XYZ")
    [problem] = problems(src, uk_ledger)
    assert problem == f"{path}:{line}:{column(text, 'Lab gain')}: unknown party code 'XYZ' in result 'Lab gain from XYZ'"


def test_file_that_does_not_match_sha256sums_is_refused(uk_ledger, broken):
    src, edit = broken
    path, _, _ = edit(SEATS_2030, "Con hold", "Con hold", resum=False)  # same text: rewritten bytes are identical
    assert import_hoc_results(src, uk_ledger)  # identical bytes still match
    path, _, _ = edit(SEATS_2030, "County,,Alice", "County,,Alicia", resum=False)
    found = problems(src, uk_ledger)
    assert any(p.startswith(f"{path}:1:1: sha256 ") and "does not match SHA256SUMS" in p for p in found)


def test_failed_import_writes_nothing_and_the_cli_exits_2_without_a_traceback(uk_ledger, broken):
    src, edit = broken
    edit(CANDIDACIES_2035, ",19000,", ",lots,")
    result = CliRunner().invoke(cli, ["ledger", "import", "hoc-results", str(src), "--out", str(uk_ledger)])
    assert result.exit_code == 2
    assert "import failed:" in result.output and "votes must be a whole number" in result.output
    assert "Traceback" not in result.output
    assert not (uk_ledger / "people.csv").exists()
    assert not list((uk_ledger / "elections").glob("uk-general-*"))


def test_cli_import_reports_what_it_wrote(uk_ledger):
    result = CliRunner().invoke(cli, ["ledger", "import", "hoc-results", str(HOC_FILES), "--out", str(uk_ledger)])
    assert result.exit_code == 0, result.output
    assert "uk-general-2035: 4 contests, 15 candidacies" in result.output
