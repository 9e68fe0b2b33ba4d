"""What every output format shares: locations, safe text, the run summary and the ledger it checked against."""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from factcheck.verify.article import ArticleReport
from factcheck.ingest import GENERATED_MARK
from factcheck.ledger.index import LedgerIndex
from factcheck.trusted import trusted

SCHEMA_VERSION = 1
GENERATED = f"{GENERATED_MARK}: a report, not an article; factcheck check skips it -->"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class FailOn(StrEnum):
    """The least severe verdict that fails a run; each level also fails on every level above it."""

    CONTRADICTED = "contradicted"
    IMPRECISE = "imprecise"
    UNVERIFIABLE = "unverifiable"
    NEVER = "never"


FAILING = {FailOn.CONTRADICTED: ("contradicted",), FailOn.IMPRECISE: ("contradicted", "imprecise"),
           FailOn.UNVERIFIABLE: ("contradicted", "imprecise", "unverifiable"), FailOn.NEVER: ()}


class Location(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    start: int  # code-point offsets into the article as read
    end: int
    line: int  # 1-based
    column: int  # 1-based, in code points
    end_line: int
    end_column: int


class Lines:
    """Line and column lookups for one source text."""

    def __init__(self, source: str):
        self.source = source
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.source)
        return self.source[start:end]


def locate(report: ArticleReport, lines: Lines, start: int, end: int) -> Location:
    assert report.article is not None
    s, e = report.article.to_source(start, end)
    line, column = lines.at(s)
    end_line, end_column = lines.at(max(s, e))
    return trusted(Location, start=s, end=e, line=line, column=column, end_line=end_line, end_column=end_column)


def clean(text: str) -> str:
    """Text safe for a terminal or an annotation: no control or bidi-override characters."""
    return _CONTROL.sub("\ufffd", text)


_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\r?\n\s*")


def flat(text: str) -> str:
    """Article text for one line of a report: a figure or sentence wrapped in the source reads as it would in print."""
    return _LINE_BREAK.sub(" ", clean(text))


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """Text that stays on one line and shows what it holds: a file name with a newline or an escape sequence in
    it cannot forge a line of output or drive the terminal ("a\\nb.txt", "\\u001b[31m")."""
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


_MARKDOWN = re.compile(r"[\\`*_\[\]#|~<>&]")  # with "[" escaped no link or image can open, so "(" and "!" need not be
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def markdown_text(text: str | None) -> str:
    """Article text or a file name as Markdown that renders as exactly that text, on one line: no HTML, link,
    image, code or emphasis can start in it, and it cannot end a table cell."""
    flat = " ".join(clean(text or "").split("\n"))
    return _MARKDOWN.sub(lambda m: _ENTITY.get(m.group(), "\\" + m.group()), flat.replace("\r", " "))


def markdown_link(title: str, url: str) -> str:
    """A link only to an http(s) address (a ledger's source); anything else is shown as text."""
    if not url:  # a primary publication whose address is not known
        return markdown_text(title)
    if not re.match(r"https?://", url, re.IGNORECASE):
        return f"{markdown_text(title)} ({markdown_text(url)})"
    target = re.sub(r"[\s<>()\\]", lambda m: f"%{ord(m.group()):02X}", clean(url))
    return f"[{markdown_text(title)}](<{target}>)"


def finite(value: float | None) -> float | None:
    """JSON has no NaN or infinity; a figure beyond what a float holds is reported as unknown."""
    return value if value is None or math.isfinite(value) else None


class Summary(BaseModel):
    articles: int = 0
    errors: int = 0  # inputs that could not be checked: the run cannot pass
    claims: int = 0
    supported: int = 0
    imprecise: int = 0
    contradicted: int = 0
    unverifiable: int = 0
    suppressed: int = 0
    fail_on: FailOn = FailOn.CONTRADICTED
    failed: bool = False

    def add(self, error: str | None, counts: dict[str, int] | None) -> None:
        """Count one article: its error, or its verdict counts (suppressed findings counted apart)."""
        self.articles += 1
        if error or counts is None:
            self.errors += 1
            self.failed = True
            return
        for key, n in counts.items():
            setattr(self, key, getattr(self, key) + n)
            if key != "suppressed":
                self.claims += n
        self.failed = self.failed or fails(counts, self.fail_on)

    @property
    def failing(self) -> int:
        """Findings at or above the --fail-on level."""
        return sum(getattr(self, verdict) for verdict in FAILING[self.fail_on])

    def status(self) -> str:
        """The run's outcome in one line: FAIL with every reason, or pass."""
        reasons = []
        if self.errors:
            reasons.append(f"{self.errors} of {self.articles} {'input' if self.articles == 1 else 'inputs'} "
                           f"could not be checked")
        if self.failing:
            reasons.append(f"{self.failing} {'finding' if self.failing == 1 else 'findings'} at or above "
                           f"{self.fail_on.value}")
        if reasons:
            return f"FAIL: {'; '.join(reasons)} (fail on: {self.fail_on.value})"
        return f"pass (fail on: {self.fail_on.value})"


def fails(counts: dict[str, int], fail_on: FailOn) -> bool:
    return any(counts.get(verdict, 0) for verdict in FAILING[fail_on])


def ledger_json(index: LedgerIndex) -> dict[str, Any]:
    """The ledger used, by a path relative to the working folder where possible, so reports are reproducible."""
    path = Path(index.ledger.directory)
    try:
        shown_path = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        shown_path = str(path)
    return {"path": shown_path, "version": ledger_version(str(path)), "elections": list(index.order)}


def election_line(index: LedgerIndex, election: str | None, short: bool = False) -> str | None:
    """"2004 Mayor of London election, 10 June 2004 (london-mayor-2004)", or with `short` only its name."""
    if election not in index.elections:
        return None
    e = index.elections[election]
    return e.name if short else f"{e.name}, {e.date.day} {e.date:%B %Y} ({e.id})"


@lru_cache(maxsize=4)
def ledger_version(directory: str) -> str:
    """A short digest of the ledger's files: two reports with the same version checked against the same figures."""
    digest = hashlib.sha256()
    root = Path(directory)
    for path in sorted(root.rglob("*.yaml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return "sha256:" + digest.hexdigest()[:12]


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:
        return "unknown"
