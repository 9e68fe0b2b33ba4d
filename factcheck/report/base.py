"""The writer interface every output format implements.

`render(report)` turns one article into text with no side effects on the output, so worker processes
can render in parallel; `emit(text)` writes it in order, adding whatever separator the format needs.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.check import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.model import Summary


class Writer:
    separator = ""  # written between two non-empty articles (JSON needs a comma)
    renders = True  # render() is pure; False for writers that must draw in the parent (rich)

    def __init__(self, out: TextIO | None, index: LedgerIndex, *, color: bool = False):
        self.out = out
        self.index = index
        self.color = color
        self._written = False

    def start(self) -> None:
        pass

    def render(self, report: ArticleReport) -> str:
        raise NotImplementedError

    def emit(self, rendered: str) -> None:
        if not rendered:
            return
        assert self.out is not None
        if self._written and self.separator:
            self.out.write(self.separator)
        self.out.write(rendered)
        self._written = True

    def article(self, report: ArticleReport) -> None:
        self.emit(self.render(report))

    def error(self, path: str, message: str) -> None:
        """An article that could not be read (already reported on standard error)."""

    def finish(self, summary: Summary) -> None:
        pass
