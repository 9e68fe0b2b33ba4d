"""Output formats, one module each, selected by name.

This package's own import is light (no spaCy, no pydantic models) so the command line can list the
format names in `--help` without paying for a check's start-up.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from factcheck.ledger.index import LedgerIndex
    from factcheck.report.base import Writer


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    GITHUB = "github"
    LINE = "line"
    JUNIT = "junit"
    CLAIMREVIEW = "claimreview"


def make_writer(fmt: Format, out: TextIO, index: LedgerIndex, **options: Any) -> Writer:
    """The writer for `fmt`; `options` are the Writer's keyword options (color, quiet, fail_on, ...)."""
    if fmt is Format.JSON:
        from factcheck.report.json_report import JsonWriter as Chosen
    elif fmt is Format.JSONL:
        from factcheck.report.jsonl import JsonLinesWriter as Chosen
    elif fmt is Format.MARKDOWN:
        from factcheck.report.markdown import MarkdownWriter as Chosen
    elif fmt is Format.SARIF:
        from factcheck.report.sarif import SarifWriter as Chosen
    elif fmt is Format.GITHUB:
        from factcheck.report.annotations import GithubWriter as Chosen
    elif fmt is Format.LINE:
        from factcheck.report.annotations import LineWriter as Chosen
    elif fmt is Format.JUNIT:
        from factcheck.report.junit import JunitWriter as Chosen
    elif fmt is Format.CLAIMREVIEW:
        from factcheck.report.claimreview import ClaimReviewWriter as Chosen
    elif options.get("color"):
        from factcheck.report.text import RichWriter as Chosen
    else:
        from factcheck.report.text import PlainWriter as Chosen
    return Chosen(out, index, **options)
