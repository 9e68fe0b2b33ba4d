"""The command line: thin commands that parse options, call the library and format its output."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from factcheck.errors import FactcheckError, LedgerError

REPORT_BUGS = "https://github.com/factcheck-newsroom/factcheck/issues"


class UserError(click.ClickException):
    """A problem with input, configuration or the ledger: exit code 2, one line per problem."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"factcheck: {self.format_message()}", err=True)


def render_errors(command):
    """Turn library errors into user errors so no traceback reaches the user."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except LedgerError as exc:
            raise UserError("invalid ledger:\n" + "\n".join(exc.problems)) from None
        except FactcheckError as exc:
            raise UserError(str(exc)) from None

    return wrapper


def ledger_option(command):
    return click.option(
        "--ledger", "ledger_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Ledger directory (default: the bundled reference/ ledger).",
    )(command)


def _index(ledger_dir: Path | None):
    from factcheck.ledger import load_index

    return load_index(str(ledger_dir) if ledger_dir else None)


@click.group()
@click.version_option(package_name="factcheck")
def cli() -> None:
    """Check numeric claims about election results against an authoritative ledger."""


@cli.group()
def ledger() -> None:
    """Inspect and validate the results ledger."""


@ledger.command("list")
@ledger_option
@render_errors
def ledger_list(ledger_dir: Path | None) -> None:
    """List the elections in the ledger."""
    index = _index(ledger_dir)
    for eid in index.order:
        e = index.elections[eid]
        facts = index.facts(eid)
        winner = facts.winner()
        turnout = facts.turnout()
        click.echo(
            f"{eid}\t{e.date.isoformat()}\t{e.system.value}\t{len(e.candidates)} candidates\t"
            f"winner: {facts.name(winner) if winner else '?'}\t"
            f"turnout: {f'{turnout.value:.2f}%' if turnout else 'unknown'}"
        )


@ledger.command("validate")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@render_errors
def ledger_validate(directory: Path | None) -> None:
    """Validate every ledger file: schema, references and arithmetic. Exit 2 on any problem."""
    from factcheck.ledger import default_ledger_dir, load_ledger

    led = load_ledger(directory or default_ledger_dir())
    click.echo(f"ledger ok: {led.directory}: {len(led.elections)} elections")
    for e in led.elections:
        click.echo(f"  {e.id}")


@ledger.command("show")
@click.argument("election_id")
@ledger_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@render_errors
def ledger_show(election_id: str, ledger_dir: Path | None, fmt: str) -> None:
    """Show an election's stored figures and every fact derived from them."""
    from factcheck.ledger.show import election_json, print_election_table

    index = _index(ledger_dir)
    if election_id not in index.elections:
        raise UserError(f"unknown election {election_id!r}; known: {', '.join(index.order)}")
    if fmt == "json":
        click.echo(json.dumps(election_json(index, election_id), indent=2, ensure_ascii=False))
    else:
        print_election_table(index, election_id)


def main() -> None:
    try:
        cli(prog_name="factcheck")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("factcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never show a traceback
        click.echo(
            f"factcheck: internal error ({type(exc).__name__}: {exc}). This is a bug; please report it with "
            f"the command you ran at {REPORT_BUGS}",
            err=True,
        )
        sys.exit(2)
