"""Errors that reach the user as one line each, never as a traceback."""

from __future__ import annotations


class FactcheckError(Exception):
    """A problem the user can fix; `str()` is the whole message."""


class InputError(FactcheckError):
    """An article could not be read; the message names the file and, where known, the position."""

    def __init__(self, message: str, *, path: str | None = None):
        self.path = path  # set where the message's leading path could not be split off safely (it may hold ':')
        super().__init__(message)


class LedgerError(FactcheckError):
    """The ledger is invalid. Carries every problem found, each as `path:line: field: message`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class ConfigError(FactcheckError):
    """A configuration file has an unknown key or a bad value."""
