"""The writer interface every output format implements.

`render(report)` turns one article into text with no side effects on the output, so worker processes
can render in parallel; `emit(text)` writes it in order, adding whatever separator the format needs.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.verify.article import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.model import FailOn, Summary
from factcheck.verify.findings import Finding, Verdict


class Writer:
    separator = ""  # written between two non-empty articles (JSON needs a comma)
    renders = True  # render() is pure; False for writers that must draw in the parent (rich)

    def __init__(self, out: TextIO | None, index: LedgerIndex, *, color: bool = False, quiet: bool = False,
                 fail_on: FailOn = FailOn.CONTRADICTED):
        self.out = out
        self.index = index
        self.color = color
        self.quiet = quiet  # problems only: no supported or ignored figures, no clean articles
        self.fail_on = fail_on
        self._written = False

    def listed(self, report: ArticleReport) -> tuple[Finding, ...]:
        """The findings this writer lists: all of them, or with --quiet only the problems."""
        if not self.quiet:
            return report.findings
        return tuple(f for f in report.findings if f.verdict is not Verdict.SUPPORTED and not f.suppressed)

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
