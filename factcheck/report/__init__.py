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


def make_writer(fmt: Format, out: TextIO, index: LedgerIndex, *, color: bool = False) -> Writer:
    if fmt is Format.JSON:
        from factcheck.report.json_report import JsonWriter

        return JsonWriter(out, index)
    if fmt is Format.MARKDOWN:
        from factcheck.report.markdown import MarkdownWriter

        return MarkdownWriter(out, index)
    from factcheck.report.text import PlainWriter, RichWriter

    return RichWriter(out, index, color=True) if color else PlainWriter(out, index)
