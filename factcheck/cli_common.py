"""What every command shares: the error type that exits 2 with one line, the --ledger and --config options,
the output file and colour, all without importing anything heavy."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path

import click

from factcheck.errors import FactcheckError, LedgerError

CONTEXT = {"help_option_names": ["-h", "--help"]}
FAIL_ON = ["contradicted", "imprecise", "unverifiable", "never"]


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
            if len(exc.problems) == 1:
                raise UserError(f"invalid ledger: {exc.problems[0]}") from None
            raise UserError("invalid ledger:\n" + "\n".join(exc.problems)) from None
        except FactcheckError as exc:
            raise UserError(str(exc)) from None

    return wrapper


def shared_options(command):
    """--ledger and --config, which every command takes and resolves the same way."""
    command = click.option(
        "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="Configuration file (default: factcheck.toml, or [tool.factcheck] in pyproject.toml, searched upward).",
    )(command)
    return click.option(
        "--ledger", "ledger_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Ledger directory (default: the configuration's ledger, else the bundled one).",
    )(command)


def ledger_of(ledger_dir: Path | None, config_path: Path | None) -> tuple[str | None, object]:
    """The ledger directory to use (None: the bundled one) and the configuration it came from."""
    from factcheck.config import settings

    config = settings(config_path)
    return (str(ledger_dir) if ledger_dir else config.ledger), config


def index_of(ledger_dir: Path | None, config_path: Path | None):
    from factcheck.ledger import load_index

    return load_index(ledger_of(ledger_dir, config_path)[0])


def open_output(path: Path | None, append: bool = False):
    """Standard output, or the --output-file opened for writing (one clear error if it cannot be)."""
    if path is None:
        return contextlib.nullcontext(sys.stdout)
    try:
        return open(path, "a" if append else "w", encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{path}: cannot write ({exc.strerror})") from None


def use_color(no_color: bool, stream) -> bool:
    """--no-color, then NO_COLOR, then FORCE_COLOR, then whether the output is a terminal."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force.lower() not in ("0", "false", "no"):
        return True
    return stream.isatty()
