"""Output formats, one module each, selected by name."""

from __future__ import annotations

from enum import StrEnum
from typing import TextIO

from factcheck.ledger.index import LedgerIndex
from factcheck.report.base import Writer


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    GITHUB = "github"
    LINE = "line"
    CLAIMREVIEW = "claimreview"


def make_writer(fmt: Format, out: TextIO, index: LedgerIndex, *, color: bool = False) -> Writer:
    if fmt is Format.JSON:
        from factcheck.report.json_report import JsonWriter as Chosen
    elif fmt is Format.MARKDOWN:
        from factcheck.report.markdown import MarkdownWriter as Chosen
    elif fmt is Format.SARIF:
        from factcheck.report.sarif import SarifWriter as Chosen
    elif fmt is Format.GITHUB:
        from factcheck.report.annotations import GithubWriter as Chosen
    elif fmt is Format.LINE:
        from factcheck.report.annotations import LineWriter as Chosen
    elif fmt is Format.CLAIMREVIEW:
        from factcheck.report.claimreview import ClaimReviewWriter as Chosen
    elif color:
        from factcheck.report.text import RichWriter

        return RichWriter(out, index, color=True)
    else:
        from factcheck.report.text import PlainWriter as Chosen
    return Chosen(out, index)
