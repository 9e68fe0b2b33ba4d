"""`factcheck ledger ...`: list, show, validate and import the results ledger."""

from __future__ import annotations

import json
from pathlib import Path

import click

from factcheck.cli_common import CONTEXT, UserError, index_of, ledger_of, render_errors, shared_options
from factcheck.errors import LedgerError

@click.group()
def ledger() -> None:
    """Inspect and validate the results ledger."""


@ledger.command("list")
@shared_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@render_errors
def ledger_list(ledger_dir: Path | None, config_path: Path | None, fmt: str) -> None:
    """List the elections in the ledger, with their family, winner or largest party, and turnout."""
    from factcheck.ledger.show import election_summaries

    rows = election_summaries(index_of(ledger_dir, config_path))
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        click.echo("\t".join([row["id"], row["family"], row["date"], row["system"], row["summary"],
                              f"turnout: {row['turnout']:.2f}%" if row["turnout"] is not None else "turnout: unknown"]))


@ledger.group("import", context_settings=CONTEXT)
def ledger_import() -> None:
    """Turn official results files into ledger data."""


@ledger_import.command("hoc-results", context_settings=CONTEXT)
@click.argument("src_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Ledger directory to write into (default: the bundled reference/ ledger).")
def ledger_import_hoc(src_dir: Path, out_dir: Path | None) -> None:
    """Import House of Commons Library general election results (candidacies, constituencies, notional).

    Every file is checked first; any problem is reported as file:line:column and nothing is written.
    """
    from factcheck.ledger import default_ledger_dir
    from factcheck.ledger.hoc.build import import_hoc_results

    try:
        summary = import_hoc_results(src_dir, out_dir or default_ledger_dir())
    except LedgerError as exc:
        raise UserError("import failed:\n" + "\n".join(exc.problems)) from None
    for eid, contests, candidacies in summary.elections:
        click.echo(f"{eid}: {contests} contests, {candidacies} candidacies")
    click.echo(f"registry: {summary.people} imported people, {summary.parties} imported parties, "
               f"{summary.constituencies} constituencies")


@ledger.command("validate")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@shared_options
@render_errors
def ledger_validate(directory: Path | None, ledger_dir: Path | None, config_path: Path | None) -> None:
    """Validate every ledger file: schema, references and arithmetic. Exit 2 on any problem.

    Validates the ledger `check` would use: --ledger (or DIRECTORY), else the configuration's, else the bundled one.
    """
    from factcheck.ledger import default_ledger_dir, load_ledger

    if directory and ledger_dir and directory != ledger_dir:
        raise UserError("give the ledger once: DIRECTORY or --ledger, not both")
    chosen, _ = ledger_of(ledger_dir or directory, config_path)
    led = load_ledger(Path(chosen) if chosen else default_ledger_dir())
    click.echo(f"ledger ok: {led.directory}: {len(led.elections)} elections")
    for e in led.elections:
        click.echo(f"  {e.id}")


@ledger.command("show")
@click.argument("election_id")
@shared_options
@click.option("--contest", "contest_name", default=None, help="One contest (constituency) by name or id.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@render_errors
def ledger_show(election_id: str, ledger_dir: Path | None, config_path: Path | None, contest_name: str | None,
                fmt: str) -> None:
    """Show an election's stored figures and every fact derived from them."""
    from factcheck.ledger.show import election_json, print_election_table

    index = index_of(ledger_dir, config_path)
    if election_id not in index.elections and election_id not in {e.id for e in index.ledger.elections}:
        raise UserError(f"unknown election {election_id!r}; known: {', '.join(index.order)}")
    contest = None
    if contest_name is not None:
        contest = index.find_contest(election_id, contest_name)
        if contest is None:
            raise UserError(f"no contest {contest_name!r} in {election_id}")
    if fmt == "json":
        click.echo(json.dumps(election_json(index, election_id, contest), indent=2, ensure_ascii=False))
    else:
        print_election_table(index, election_id, contest)
