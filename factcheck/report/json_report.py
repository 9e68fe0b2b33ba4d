"""`--format json`: the stable, documented report (schema_version 1), streamed article by article."""

from __future__ import annotations

import json
from typing import Any

from factcheck.check import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.base import Writer
from factcheck.report.model import SCHEMA_VERSION, Lines, Summary, finding_json, ledger_json


def article_json(report: ArticleReport, index: LedgerIndex) -> dict[str, Any]:
    findings = []
    if report.article is not None:
        lines = Lines(report.article.source)
        findings = [finding_json(f, index, report, lines) for f in report.findings]
    return {"path": report.path, "election": report.election, "election_basis": report.election_basis,
            "error": report.error, "findings": findings, "counts": report.counts() if not report.error else None}


class JsonWriter(Writer):
    separator = ",\n"

    def start(self) -> None:
        head = json.dumps({"schema_version": SCHEMA_VERSION, "ledger": ledger_json(self.index)}, ensure_ascii=False)
        self.out.write(head[:-1] + ', "articles": [\n')

    def render(self, report: ArticleReport) -> str:
        return json.dumps(article_json(report, self.index), ensure_ascii=False)

    def finish(self, summary: Summary) -> None:
        self.out.write('\n], "summary": ' + json.dumps(summary.model_dump(mode="json"), ensure_ascii=False) + "}\n")
