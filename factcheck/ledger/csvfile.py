"""CSV reading that names the file, line and column of every problem.

Imported ledger tables and the official results files are CSV. A problem is reported as
`path:line:column: message`, the column being the 1-based character position of the field, so an
editor can jump to it. Each row keeps its line and the start of each field for that purpose.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class Row:
    path: Path
    line: int
    fields: list[str]
    raw: str

    def column(self, index: int) -> int:
        """1-based character column where field `index` starts (past the end for a missing field)."""
        starts = field_starts(self.raw)
        return starts[index] if index < len(starts) else len(self.raw) + 1

    def at(self, index: int) -> str:
        return f"{self.path}:{self.line}:{self.column(index)}"


def field_starts(raw: str) -> list[int]:
    """Where each field of one CSV line starts, honouring quotes (only called on the error path)."""
    starts, quoted, i = [1], False, 0
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            starts.append(i + 2)
        i += 1
    return starts


class Problems(list):
    """Problems found so far, each a `path:line:column: message` line."""

    def add(self, row: Row, index: int, message: str) -> None:
        self.append(f"{row.at(index)}: {message}")

    def at_file(self, path: Path, message: str, line: int = 1, column: int = 1) -> None:
        self.append(f"{path}:{line}:{column}: {message}")


def read_rows(path: Path, problems: Problems) -> Iterator[Row]:
    """Every non-blank line of a CSV file as a Row; unreadable files become one problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.at_file(path, f"file is not valid UTF-8 (byte {exc.start})")
        return
    except OSError as exc:
        problems.at_file(path, f"cannot read file ({exc.strerror})")
        return
    # One line is one row: a quoted field may not span lines, so line numbers stay exact.
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            fields = next(csv.reader([raw], strict=True))
        except csv.Error as exc:
            problems.at_file(path, f"CSV syntax error: {exc}", line=number)
            continue
        yield Row(path, number, fields, raw)


def integer(row: Row, index: int, problems: Problems, what: str, *, required: bool = True) -> int | None:
    """A non-negative whole number in field `index`, or a problem naming where it is."""
    text = row.fields[index].strip() if index < len(row.fields) else ""
    if not text:
        if required:
            problems.add(row, index, f"{what} is missing")
        return None
    if not text.isdigit():
        problems.add(row, index, f"{what} must be a whole number of 0 or more, not {text!r}")
        return None
    return int(text)


@dataclass(frozen=True, slots=True)
class Header:
    """A CSV file's expected columns: names in order, and which must be filled in."""

    columns: tuple[str, ...]
    required: frozenset[str] = frozenset()

    def check(self, row: Row, problems: Problems) -> bool:
        if tuple(c.strip() for c in row.fields) == self.columns:
            return True
        for i, name in enumerate(self.columns):
            got = row.fields[i].strip() if i < len(row.fields) else None
            if got != name:
                problems.add(row, i, f"expected column {name!r}, found {got!r} (columns: {', '.join(self.columns)})")
                return False
        problems.add(row, len(self.columns), f"unexpected extra column; columns: {', '.join(self.columns)}")
        return False


def read_table(path: Path, header: Header, problems: Problems) -> list[tuple[Row, dict[str, str]]] | None:
    """Rows of a headed CSV file as {column: text}, after checking the header and the field count.

    None when the file cannot be read at all (missing, empty or a wrong header), already reported."""
    out: list[tuple[Row, dict[str, str]]] = []
    before = len(problems)
    rows = read_rows(path, problems)
    first = next(rows, None)
    if first is None:
        if len(problems) == before:
            problems.at_file(path, "file is empty (expected a header row)")
        return None
    if not header.check(first, problems):
        return None
    width = len(header.columns)
    for row in rows:
        if len(row.fields) != width:
            problems.add(row, min(len(row.fields), width), f"expected {width} fields, found {len(row.fields)}")
            continue
        values = {name: value.strip() for name, value in zip(header.columns, row.fields)}
        missing = [name for name in header.columns if name in header.required and not values[name]]
        for name in missing:
            problems.add(row, header.columns.index(name), f"{name} is missing")
        if not missing:
            out.append((row, values))
    return out


def split_list(text: str, separator: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator) if part.strip()) if text else ()


def write_table(path: Path, columns: tuple[str, ...], rows: list[tuple], encode: Callable[[object], str] = str) -> None:
    """Write a headed CSV file deterministically (LF line ends, minimal quoting)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if value is None else encode(value) for value in row])
