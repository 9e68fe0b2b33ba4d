"""The command line: thin commands that parse options, call the library and format its output.

Importing this module loads click and nothing heavy: spaCy, pydantic models and the ledger are imported
inside the commands that need them, so `--version` and `--help` answer at once.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sys
from pathlib import Path

import click

from factcheck.cli_common import (CONTEXT, FAIL_ON, UserError, ledger_of, open_output, render_errors, shared_options,
                                  use_color)
from factcheck.cli_ledger import ledger
from factcheck.report import Format

@click.group(context_settings=CONTEXT)
@click.version_option(package_name="factcheck")
def cli() -> None:
    """Check numeric claims about election results against an authoritative ledger."""


cli.add_command(ledger)


def input_options(command):
    """The options that choose and read articles, shared by `check` and `extract`."""
    for option in reversed([
        click.option("--election", default=None, metavar="ID", help="Force the election (for example london-mayor-2021)."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="Leave out files and folders matching GLOB when walking folders (repeatable; adds to "
                          "the configuration's exclude)."),
        click.option("--stdin-filename", default=None, metavar="NAME",
                     help="The file standard input (-) stands for: reports name it, and its suffix picks the format."),
        click.option("--output-file", "-o", "output_file", type=click.Path(dir_okay=False, path_type=Path),
                     default=None, help="Write the output to FILE instead of standard output."),
    ]):
        command = option(command)
    return command


def archive_options(command):
    """Options for whole archives: a Dask cluster, and resuming a JSON Lines run that stopped."""
    for option in reversed([
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Check in local processes (--jobs), or on a Dask cluster (needs --format jsonl; "
                          "pip install 'factcheck[dask]')."),
        click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="With --engine dask: the scheduler to use (tcp://host:8786); default: a local "
                          "cluster of --jobs worker processes."),
        click.option("--resume", is_flag=True,
                     help="With --format jsonl and -o FILE: check only articles FILE has no result for (same "
                          "content, ledger and factcheck version) and add theirs."),
    ]):
        command = option(command)
    return command


def _archive_usage(engine: str, scheduler: str | None, resume: bool, fmt: str, paths: tuple[str, ...],
                   output_file: Path | None, out_dir: Path | None, write_baseline: Path | None) -> None:
    """One clear error for an --engine, --scheduler or --resume combination that cannot work."""
    if scheduler and engine != "dask":
        raise UserError("--scheduler needs --engine dask")
    for flag, used in (("--engine dask", engine == "dask"), ("--resume", resume)):
        if not used:
            continue
        if fmt != Format.JSONL:
            raise UserError(f"{flag} writes JSON Lines: add --format jsonl")
        if out_dir or write_baseline:
            raise UserError(f"{flag} cannot be combined with {'--out' if out_dir else '--write-baseline'}")
    if engine == "dask" and "-" in paths:
        raise UserError("--engine dask reads files, not standard input")
    if resume and output_file is None:
        raise UserError("--resume adds to an output file: give it with -o FILE")


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@shared_options
@input_options
@archive_options
@click.option("--format", "fmt", type=click.Choice([f.value for f in Format]), default=None,
              help="Output format (default: text).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding is at or above this level (default: contradicted).")
@click.option("--quiet", "-q", is_flag=True, help="Problems only: leave out supported and accepted figures.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write a Markdown and an HTML report per article, report.json, summary.md and index.html "
                   "to DIR. Reports an earlier run left there for articles not checked now are removed (only "
                   "files factcheck generated); DIR is never read as input.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Accept the findings listed in this baseline file (they are counted as ignored).")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Record every finding that is not supported in this baseline file, and exit 0 unless an "
                   "input could not be read.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Check with this many processes.")
@click.option("--max-size", "max_size_mb", type=click.FloatRange(min=0.001), default=None,
              help="Skip files larger than this many MB (default 10).")
@click.option("--no-color", is_flag=True, help="Plain output even on a terminal (also NO_COLOR=1; FORCE_COLOR=1 forces colour).")
@render_errors
def check(paths: tuple[str, ...], ledger_dir: Path | None, config_path: Path | None, election: str | None,
          exclude: tuple[str, ...], stdin_filename: str | None, output_file: Path | None, engine: str,
          scheduler: str | None, resume: bool, fmt: str | None,
          fail_on: str | None, quiet: bool, out_dir: Path | None, baseline_file: Path | None,
          write_baseline: Path | None, jobs: int | None, max_size_mb: float | None, no_color: bool) -> None:
    """Check the result claims in articles: files, folders (.txt .md .html .docx, recursively), or - for standard input.

    Exit codes: 0 nothing at or above the --fail-on level, 1 findings at or above it, 2 usage, input or
    ledger errors (the other files are still checked and reported, and the run does not pass).
    """
    from factcheck.check import Checker, CheckOptions
    from factcheck.ingest import DEFAULT_MAX_BYTES, Limits
    from factcheck.ledger import load_index
    from factcheck.report import make_writer
    from factcheck.report.folder import FolderWriter
    from factcheck.report.model import FailOn, Summary
    from factcheck.run import run, write
    from factcheck.suppress import load_baseline

    ledger_path, config = ledger_of(ledger_dir, config_path)
    baseline_path = baseline_file or (Path(config.baseline) if config.baseline else None)
    options = CheckOptions(
        ledger=ledger_path, election=election, kinds=frozenset(config.kinds) if config.kinds else None,
        limits=Limits(max_bytes=int((max_size_mb or config.max_file_size_mb or DEFAULT_MAX_BYTES / 1_048_576)
                                    * 1_048_576), **config.limits.model_dump(exclude_none=True)),
        baseline=load_baseline(baseline_path) if baseline_path else None, stdin_name=stdin_filename,
        exclude=tuple(config.exclude) + exclude,
        **({"fuzzy_cutoff": config.fuzzy_cutoff} if config.fuzzy_cutoff else {}),
    )
    fmt = fmt or config.format or "text"
    _archive_usage(engine, scheduler, resume, fmt, paths, output_file, out_dir, write_baseline)
    checker = Checker(options) if engine == "local" else None  # on a cluster, each worker builds its own
    index = checker.index if checker else load_index(ledger_path)
    done = _resumed(output_file, index) if resume else None
    if checker and done is not None:
        checker.done = done
    stdin_data = _stdin(options.limits) if "-" in paths else None
    summary = Summary(fail_on=FailOn(fail_on or config.fail_on or "contradicted"))
    folder = FolderWriter(out_dir, index) if out_dir else None
    target = write_baseline or output_file
    if write_baseline:
        with contextlib.suppress(OSError):  # a folder that cannot be made is reported when opening the file
            write_baseline.parent.mkdir(parents=True, exist_ok=True)
    replaced: list[str] = []  # paths --resume checked again: their earlier lines go
    skipped = [0]  # articles --resume found already checked

    def counted(d) -> None:
        summary.add(d.error, d.counts)
        if done is not None:
            if not d.rendered:
                skipped[0] += 1
            elif done.had(d.path):
                replaced.append(d.path)

    with open_output(target, append=resume) as stream:
        color = target is None and use_color(no_color, sys.stdout)
        if write_baseline:
            from factcheck.report.baseline import BaselineWriter

            writer = BaselineWriter(stream, index, root=write_baseline.resolve().parent)
        else:
            writer = make_writer(Format(fmt), stream, index, color=color, quiet=quiet, fail_on=summary.fail_on)
        if folder:
            folder.start()
        writer.start()
        if engine == "dask":
            from factcheck.cluster import Job, run_on_cluster

            digests = run_on_cluster(Job.for_client(options, quiet), paths, writer, scheduler=scheduler,
                                     workers=jobs or config.jobs, done=done)
        else:
            digests = run(checker, paths, writer, folder, jobs=jobs or config.jobs or 1, stdin_data=stdin_data)
        show_progress = sys.stderr.isatty() and not (color or quiet)
        try:
            with _progress(paths, options.exclude, enabled=show_progress) as advance:
                write(digests, writer, folder,
                      on_error=lambda path, error: click.echo(f"factcheck: {_printable(error)}", err=True),
                      on_article=lambda d: (counted(d), advance()))
            writer.finish(summary)
            if folder:
                folder.finish(summary)
        except BaseException:  # interrupted: no half-written report.json is left behind
            if folder:
                folder.discard()
            raise
        finally:
            digests.close()  # stops any worker processes now, not when the generator is collected
        stream.flush()
    if done is not None:
        from factcheck.resume import drop_lines

        drop_lines(output_file, done.replaced(replaced))
    if fmt == Format.JSONL:  # the lines hold articles only; the run's outcome goes to standard error
        kept = f" ({skipped[0]} already checked in {output_file})" if done is not None else ""
        click.echo(f"factcheck: {summary.articles} articles{kept}; {summary.status()}", err=True)
    if write_baseline:
        click.echo(f"factcheck: wrote {writer.count} accepted findings to {write_baseline}", err=True)
        sys.exit(2 if summary.errors else 0)
    sys.exit(2 if summary.errors else 1 if summary.failed else 0)


def _resumed(output_file: Path, index):
    """What --resume finds already done in the output file."""
    from factcheck.report.model import ledger_version, tool_version
    from factcheck.resume import Done

    try:
        return Done.load(output_file, ledger_version(str(index.ledger.directory)), tool_version())
    except OSError as exc:
        raise UserError(f"{output_file}: cannot read ({exc.strerror})") from None


@contextlib.contextmanager
def _progress(paths: tuple[str, ...], exclude: tuple[str, ...], enabled: bool):
    """A progress bar on the terminal for batches; nothing when piped or for a single file."""
    if not enabled or (len(paths) == 1 and not Path(paths[0]).is_dir()):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from factcheck.ingest import discover

    total = sum(1 for item in discover(list(paths), exclude=exclude))
    with Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), console=Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task("check", total=total)
        yield lambda: bar.advance(task)


def _stdin(limits) -> bytes:
    """Standard input, read no further than one byte past the size limit (the reader then reports it as too large)."""
    return sys.stdin.buffer.read(limits.max_bytes + 1)


def _printable(text: str) -> str:
    from factcheck.report.model import one_line

    return one_line(text)


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@shared_options
@input_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@render_errors
def extract(paths: tuple[str, ...], ledger_dir: Path | None, config_path: Path | None, election: str | None,
            exclude: tuple[str, ...], stdin_filename: str | None, output_file: Path | None, fmt: str) -> None:
    """List the result claims found in articles (files, folders or -), in document order, without verdicts."""
    from factcheck.check import ArticleReport, Checker, CheckOptions
    from factcheck.errors import InputError
    from factcheck.ingest import discover
    from factcheck.report.claims import claims_json, claims_text
    from factcheck.report.json_report import head_json

    ledger_path, config = ledger_of(ledger_dir, config_path)
    checker = Checker(CheckOptions(ledger=ledger_path, election=election, stdin_name=stdin_filename,
                                   exclude=tuple(config.exclude) + exclude))
    stdin_data = _stdin(checker.options.limits) if "-" in paths else None
    articles = errors = claims = 0
    with open_output(output_file) as out:
        if fmt == "json":
            out.write(head_json(checker.index))
        first = True
        for item in discover(list(paths), exclude=checker.options.exclude):
            if isinstance(item, InputError):
                read = ArticleReport.model_construct(path=item.path or str(item), error=str(item))
            else:
                read = checker.read(item, stdin_data if item == "-" else None)
            if not isinstance(read, ArticleReport):
                try:
                    extraction = checker.extract(read, next(checker.analyse([read.text])))
                except Exception as exc:  # noqa: BLE001 - one article's failure is its own error; the others are listed
                    read = ArticleReport.model_construct(path=read.path, error=(
                        f"{read.path}: internal error while reading its claims ({type(exc).__name__}: {exc}). This "
                        f"is a bug in factcheck; please report it to whoever maintains your installation"))
            if isinstance(read, ArticleReport):
                click.echo(f"factcheck: {_printable(read.error or '')}", err=True)
                errors += 1
                report, found = read, []
            else:
                found = sorted(extraction.claims, key=lambda c: (c.start, c.end))
                report = ArticleReport.model_construct(path=read.path, article=read,
                                                       election=extraction.election.election,
                                                       election_basis=extraction.election.basis)
            articles, claims = articles + 1, claims + len(found)
            if fmt == "json":
                out.write(("" if first else ",\n") + json.dumps(claims_json(report, found, checker.index),
                                                                  ensure_ascii=False))
            elif not report.error:
                out.write(claims_text(report, found))
            first = False
        if fmt == "json":
            summary = {"articles": articles, "errors": errors, "claims": claims}
            out.write('\n], "summary": ' + json.dumps(summary) + "}\n")
    sys.exit(2 if errors else 0)


class Interrupted(BaseException):
    """SIGINT or SIGTERM. A BaseException, so that click does not turn Ctrl-C into its own exit code 1 and no
    `except Exception` on the way swallows it."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signum)


def _interrupt(signum, frame) -> None:
    raise Interrupted(signum)


def main() -> None:
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        cli(prog_name="factcheck")
    except SystemExit:
        raise
    except (Interrupted, KeyboardInterrupt) as exc:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while stopping changes nothing
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        click.echo(f"factcheck: {'terminated' if signum == signal.SIGTERM else 'interrupted'}; the run did not "
                   f"finish", err=True)
        sys.exit(128 + signum)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never show a traceback
        click.echo(
            f"factcheck: internal error ({type(exc).__name__}: {exc}). This is a bug in factcheck; please report "
            f"it to whoever maintains your installation, with the command you ran and this message.",
            err=True,
        )
        sys.exit(2)
