"""The command line: thin commands that parse options, call the library and format its output."""

from __future__ import annotations

import contextlib
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


def _formats():
    from factcheck.report import Format

    return list(Format)


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


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@ledger_option
@click.option("--election", default=None, metavar="ID", help="Force the election (for example london-mayor-2021).")
@click.option("--format", "fmt", type=click.Choice([f.value for f in _formats()]), default=None,
              help="Output format (default: text).")
@click.option("--fail-on", type=click.Choice(["contradicted", "imprecise", "never"]), default=None,
              help="Exit 1 when a finding is at or above this level (default: contradicted).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write a Markdown and an HTML report per article, and report.json, to this folder.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Check with this many processes.")
@click.option("--max-size", "max_size_mb", type=click.FloatRange(min=0.001), default=None,
              help="Skip files larger than this many MB (default 10).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Configuration file (default: factcheck.toml or pyproject.toml [tool.factcheck], searched upward).")
@click.option("--no-color", is_flag=True, help="Plain output even on a terminal.")
@render_errors
def check(paths: tuple[str, ...], ledger_dir: Path | None, election: str | None, fmt: str | None,
          fail_on: str | None, out_dir: Path | None, jobs: int | None, max_size_mb: float | None,
          config_path: Path | None, no_color: bool) -> None:
    """Check the result claims in articles: files, folders (.txt .md .html .docx, recursively), or - for standard input.

    Exit codes: 0 nothing at or above the --fail-on level, 1 findings at or above it, 2 usage, input or
    ledger errors (the other files are still checked and reported).
    """
    from factcheck.check import Checker, CheckOptions
    from factcheck.config import find_config, load_config
    from factcheck.ingest import DEFAULT_MAX_BYTES
    from factcheck.report import Format, make_writer
    from factcheck.report.folder import FolderWriter
    from factcheck.report.model import FailOn, Summary
    from factcheck.run import run, write

    config, _ = (load_config(config_path), config_path) if config_path else find_config()
    options = CheckOptions(
        ledger=str(ledger_dir) if ledger_dir else config.ledger,
        election=election,
        kinds=frozenset(config.kinds) if config.kinds else None,
        max_bytes=int((max_size_mb or config.max_file_size_mb or DEFAULT_MAX_BYTES / 1_048_576) * 1_048_576),
        **({"fuzzy_cutoff": config.fuzzy_cutoff} if config.fuzzy_cutoff else {}),
    )
    checker = Checker(options)
    stdin_data = sys.stdin.buffer.read() if "-" in paths else None
    color = not no_color and sys.stdout.isatty()
    writer = make_writer(Format(fmt or config.format or "text"), sys.stdout, checker.index, color=color)
    folder = FolderWriter(out_dir, checker.index) if out_dir else None
    summary = Summary(fail_on=FailOn(fail_on or config.fail_on or "contradicted"))
    writer.start()
    if folder:
        folder.start()
    digests = run(checker, paths, writer, folder, jobs=jobs or config.jobs or 1, stdin_data=stdin_data)
    with _progress(paths, enabled=sys.stderr.isatty() and not color) as advance:
        write(digests, writer, folder,
              on_error=lambda path, error: click.echo(f"factcheck: {_printable(error)}", err=True),
              on_article=lambda d: (summary.add(d.error, d.counts), advance()))
    writer.finish(summary)
    if folder:
        folder.finish(summary)
    sys.stdout.flush()
    sys.exit(2 if summary.errors else 1 if summary.failed else 0)


@contextlib.contextmanager
def _progress(paths: tuple[str, ...], enabled: bool):
    """A progress bar on the terminal for batches; nothing when piped or for a single file."""
    if not enabled or (len(paths) == 1 and not Path(paths[0]).is_dir()):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from factcheck.ingest import discover

    total = sum(1 for item in discover(list(paths)))
    with Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), console=Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task("check", total=total)
        yield lambda: bar.advance(task)


def _printable(text: str) -> str:
    from factcheck.report.model import clean

    return clean(text)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@ledger_option
@click.option("--election", default=None, metavar="ID", help="Force the election.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@render_errors
def extract(paths: tuple[str, ...], ledger_dir: Path | None, election: str | None, fmt: str) -> None:
    """List the result claims found in articles, one row each, with offsets (no verdicts)."""
    from factcheck.check import Checker, CheckOptions

    checker = Checker(CheckOptions(ledger=str(ledger_dir) if ledger_dir else None, election=election))
    errors = 0
    out = []
    for path in paths:
        item = checker.read(path, sys.stdin.buffer.read() if path == "-" else None)
        if not hasattr(item, "text"):
            click.echo(f"factcheck: {item.error}", err=True)
            errors += 1
            continue
        mentions = next(checker.analyse([item.text]))
        extraction = checker.extract(item, mentions)
        claims = [{"path": path, "start": s, "end": e, **c.model_dump(mode="json", exclude={"mention", "start", "end"})}
                  for c in extraction.claims for s, e in [item.to_source(c.start, c.end)]]
        if fmt == "json":
            out.append({"path": path, "election": extraction.election.election,
                        "election_basis": extraction.election.basis, "claims": claims})
        else:
            click.echo(f"{path}\t{extraction.election.election or 'election unknown'}\t({extraction.election.basis})")
            for c in claims:
                subject = ",".join(c["subject"]) or "-"
                click.echo(f"  {c['start']}-{c['end']}\t{c['text']}\t{c['kind']}\t{c['round']}\t{subject}\t"
                           f"{c['scope'] or '-'}\t{c['election'] or '-'}" + (f"\tunsure: {c['unsure']}" if c['unsure'] else ""))
    if fmt == "json":
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    sys.exit(2 if errors else 0)


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
