"""The writer interface every output format implements: start, one call per article, finish."""

from __future__ import annotations

from typing import TextIO

from factcheck.check import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.model import Summary


class Writer:
    """Streams a run: formats that need the whole run (JSON, SARIF) still write article by article."""

    def __init__(self, out: TextIO, index: LedgerIndex, *, color: bool = False, show_supported: bool = True):
        self.out = out
        self.index = index
        self.color = color
        self.show_supported = show_supported

    def start(self) -> None:
        pass

    def article(self, report: ArticleReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass
