"""Errors that reach the user as one line each, never as a traceback."""

from __future__ import annotations


class FactcheckError(Exception):
    """A problem the user can fix; `str()` is the whole message."""


class InputError(FactcheckError):
    """An article could not be read; the message names the file and, where known, the position."""


class LedgerError(FactcheckError):
    """The ledger is invalid. Carries every problem found, each as `path:line: field: message`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class ConfigError(FactcheckError):
    """A configuration file has an unknown key or a bad value."""
