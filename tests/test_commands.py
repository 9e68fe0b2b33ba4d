"""One configuration for every command: check, extract and the ledger commands read the same file and
take the same options; bad values are one line naming the key; the CLI starts without the checker."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli, main

FIXTURES = Path(__file__).parent / "fixtures"
CLASSIC = FIXTURES / "classic-2004.txt"
RENAMED = "A renamed copy of the 2004 election"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def configured_copy(ledger_copy, tmp_path: Path, monkeypatch):
    """A working folder whose factcheck.toml names an edited copy of the ledger."""
    directory, edit = ledger_copy
    edit("elections/london-mayor-2004.yaml", "name: 2004 Mayor of London election", f"name: {RENAMED}")
    work = tmp_path / "work"
    work.mkdir()
    (work / "factcheck.toml").write_text(f'ledger = "{directory}"\n')
    monkeypatch.chdir(work)
    return directory


def test_every_command_uses_the_configured_ledger(configured_copy: Path):
    shown = json.loads(invoke("ledger", "show", "london-mayor-2004", "--format", "json").stdout)
    assert shown["election"]["name"] == RENAMED
    validated = invoke("ledger", "validate")
    assert validated.exit_code == 0 and f"ledger ok: {configured_copy}" in validated.stdout
    assert invoke("ledger", "list").stdout.startswith("london-mayor-2000")
    extracted = json.loads(invoke("extract", str(CLASSIC), "--format", "json").stdout)
    checked = json.loads(invoke("check", str(CLASSIC), "--format", "json").stdout)
    assert extracted["ledger"]["path"] == checked["ledger"]["path"] == str(configured_copy)
    html = invoke("check", str(CLASSIC), "--out", "out")
    assert html.exit_code == 1 and RENAMED in next(Path("out").glob("*.html")).read_text()


def test_a_configured_ledger_that_is_missing_fails_every_command_alike(tmp_path: Path, monkeypatch):
    (tmp_path / "factcheck.toml").write_text('ledger = "no-such-ledger"\n')
    monkeypatch.chdir(tmp_path)
    results = {name: invoke(*args) for name, args in {
        "check": ("check", str(CLASSIC)), "extract": ("extract", str(CLASSIC)), "list": ("ledger", "list"),
        "validate": ("ledger", "validate"), "show": ("ledger", "show", "london-mayor-2004")}.items()}
    expected = f"factcheck: invalid ledger: {tmp_path.resolve() / 'no-such-ledger'}:1: ledger directory not found"
    for name, result in results.items():
        assert result.exit_code == 2, name
        assert result.stderr.splitlines() == [expected], (name, result.stderr)


def test_ledger_option_is_taken_by_every_command(ledger_copy):
    directory, edit = ledger_copy
    edit("elections/london-mayor-2004.yaml", "name: 2004 Mayor of London election", f"name: {RENAMED}")
    assert invoke("ledger", "validate", "--ledger", str(directory)).exit_code == 0
    assert invoke("ledger", "validate", str(directory)).exit_code == 0  # the folder as an argument still works
    assert RENAMED in invoke("ledger", "show", "london-mayor-2004", "--ledger", str(directory), "--format", "json").stdout
    assert invoke("ledger", "list", "--ledger", str(directory)).exit_code == 0
    for command in ("check", "extract"):
        data = json.loads(invoke(command, str(CLASSIC), "--ledger", str(directory), "--format", "json").stdout)
        assert data["ledger"]["path"] == str(directory)


@pytest.mark.parametrize("setting, key", [
    ('format = "xml"', "format: 'xml' is not one of 'text', 'json'"),
    ('fail_on = "sometimes"', "fail_on: 'sometimes' is not one of"),
    ('kinds = ["votes", "vibes"]', "kinds[1]: 'vibes' is not one of"),
    ('jobs = 0', "jobs: Input should be greater than or equal to 1"),
    ('exclude = "drafts"', "exclude: Input should be a list"),
    ('ledgr = "reference"', "ledgr: unknown key"),
])
@pytest.mark.parametrize("command", [("check", str(CLASSIC)), ("extract", str(CLASSIC)), ("ledger", "list")])
def test_a_bad_configuration_value_is_one_line_naming_the_file_and_key(tmp_path: Path, monkeypatch, setting, key,
                                                                         command):
    (tmp_path / "factcheck.toml").write_text(setting + "\n")
    monkeypatch.chdir(tmp_path)
    result = invoke(*command)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"factcheck: {tmp_path.resolve() / 'factcheck.toml'}: {key}"), line


def test_extract_walks_folders_and_lists_claims_by_line_and_column_in_document_order(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(CLASSIC.read_text())
    (tmp_path / "a.md").write_text("# Result\n\n" + (FIXTURES / "clean-2021.txt").read_text())
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 0
    blocks = result.stdout.split("\n" + str(tmp_path))
    assert blocks[0].startswith(str(tmp_path / "a.md")) and "sub/b.txt" in blocks[1]
    places = [tuple(map(int, line.split("\t")[0].split(":"))) for line in blocks[1].splitlines()[1:]]
    assert places == sorted(places) and (3, CLASSIC.read_text().splitlines()[2].index("161,202") + 1) in places


def test_extract_reports_unreadable_files_and_goes_on(tmp_path: Path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    result = invoke("extract", str(tmp_path / "bad.txt"), str(CLASSIC), "--format", "json")
    assert result.exit_code == 2 and "bad.txt: binary file" in result.stderr
    data = json.loads(result.stdout)
    assert [bool(a["error"]) for a in data["articles"]] == [True, False] and data["summary"]["errors"] == 1


def test_format_names_are_the_same_across_commands():
    assert invoke("ledger", "show", "london-mayor-2004", "--format", "text").exit_code == 0
    assert invoke("extract", str(CLASSIC), "--format", "text").exit_code == 0
    assert invoke("check", str(CLASSIC), "--format", "text").exit_code == 1


@pytest.mark.parametrize("args", [("-h",), ("check", "-h"), ("extract", "-h"), ("ledger", "-h"), ("ledger", "show", "-h")])
def test_short_help_works_everywhere(args):
    result = invoke(*args)
    assert result.exit_code == 0 and result.stdout.startswith("Usage: ")


def test_help_and_version_do_not_import_the_checker():
    code = ("import sys; from factcheck.cli import cli\n"
            "for args in (['--version'], ['--help'], ['check', '--help']):\n"
            "    try: cli(args, prog_name='factcheck')\n"
            "    except SystemExit: pass\n"
            "print(sorted(m for m in ('spacy', 'pydantic', 'rapidfuzz', 'yaml', 'jinja2', 'rich') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[]"


def test_an_internal_error_names_no_made_up_place_to_report_it(monkeypatch, capsys):
    import factcheck.ledger

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(factcheck.ledger, "load_index", broken)
    monkeypatch.setattr(sys, "argv", ["factcheck", "ledger", "list"])
    with pytest.raises(SystemExit) as exit_:
        main()
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "internal error (RuntimeError: boom)" in err
    assert "http" not in err and "Traceback" not in err


def test_package_metadata_names_no_made_up_home():
    meta = metadata("factcheck")
    urls = (meta.get_all("Project-URL") or []) + (meta.get_all("Home-page") or [])
    assert not any("factcheck-newsroom" in url for url in urls)


def test_ci_runs_the_readme_test_command_verbatim():
    root = Path(__file__).parents[1]
    readme = (root / "README.md").read_text()
    command = next(line for line in readme.splitlines() if line.endswith(".venv/bin/python -m pytest"))
    assert "apt-get update" in command and command in (root / ".ci" / "run").read_text()
