"""`--format json`: the stable, documented report (schema_version 1), streamed article by article.

`factcheck extract --format json` uses the same shapes: an article carries `claims` instead of `findings`,
each claim placed and described exactly as a finding's `claim` is.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.verify.article import ArticleReport
from factcheck.extract.claims import Claim
from factcheck.kinds import Unit
from factcheck.ledger.index import LedgerIndex
from factcheck.report.base import Writer
from factcheck.report.model import SCHEMA_VERSION, Lines, Summary, finite, ledger_json, locate
from factcheck.report.wording import message, shown
from factcheck.verify.findings import Finding


def claim_json(c: Claim, index: LedgerIndex, report: ArticleReport) -> dict[str, Any]:
    facts = index.facts(c.election) if c.election in index.elections else None
    text = report.article.text if report.article else ""
    return {
        "kind": c.kind.value, "round": c.round.value, "label": c.label,
        "subject": [facts.name(p) if facts else p for p in c.subject], "subject_ids": list(c.subject),
        "subject_text": c.subject_text, "party": c.party, "scope": c.scope, "scope_text": c.scope_text,
        "election": c.election, "election_basis": c.election_basis, "value": finite(c.value),
        "interval": [c.lo, c.hi] if finite(c.lo) is not None and finite(c.hi) is not None else None,
        "unit": c.unit.value,
        "qualifier": c.qualifier.value if c.qualifier else None, "relation": c.relation,
        "sentence": text[c.sentence_start:c.sentence_end].strip(),
    }


def placed_json(c: Claim, report: ArticleReport, lines: Lines) -> dict[str, Any]:
    """Where a claim's words are in the source file: offsets, line and column."""
    loc = locate(report, lines, c.start, c.end)
    return {"start": loc.start, "end": loc.end, "text": c.text, "line": loc.line, "column": loc.column}


def finding_json(finding: Finding, index: LedgerIndex, report: ArticleReport, lines: Lines) -> dict[str, Any]:
    related = []
    for place in finding.related:
        other = locate(report, lines, place.start, place.end)
        related.append({"start": other.start, "end": other.end, "line": other.line, "column": other.column,
                        "text": place.text})
    return {
        **placed_json(finding.claim, report, lines),
        "verdict": finding.verdict.value, "claim": claim_json(finding.claim, index, report),
        "expected": _number(finding.expected, finding.unit), "expected_text": shown(finding),
        "rule": finding.rule, "derivation": finding.derivation,
        "sources": [_source(s) for s in finding.sources], "suggestion": finding.suggestion,
        "reason": finding.reason,
        "alternative": _alternative(finding.alternative) if finding.alternative else None,
        "related": related, "suppressed": finding.suppressed,
        "message": message(finding, index, report.election),
    }


def _source(s) -> dict[str, str]:
    return {"id": s.id, "title": s.title, "url": s.url, "publisher": s.publisher}


def _alternative(a) -> dict[str, Any]:
    return {"variant": a.variant, "label": a.label, "status": a.status, "value": _number(a.value, Unit.VOTES),
            "sources": [_source(s) for s in a.sources], "note": a.note}


def _number(value: float | None, unit: Unit | None) -> float | int | None:
    if finite(value) is None:
        return None
    if unit in (Unit.VOTES, Unit.COUNT, Unit.RANK, Unit.FLAG) and float(value).is_integer():
        return int(value)
    return round(value, 4)


def article_json(report: ArticleReport, index: LedgerIndex, findings: tuple[Finding, ...] | None = None) -> dict[str, Any]:
    items = []
    if report.article is not None:
        lines = Lines(report.article.source)
        items = [finding_json(f, index, report, lines) for f in (report.findings if findings is None else findings)]
    return {"path": report.path, "election": report.election, "election_basis": report.election_basis,
            "error": report.error, "findings": items, "counts": report.counts() if not report.error else None}


def head_json(index: LedgerIndex) -> str:
    """The opening of a streamed report, up to its open `articles` list."""
    head = json.dumps({"schema_version": SCHEMA_VERSION, "ledger": ledger_json(index)}, ensure_ascii=False)
    return head[:-1] + ', "articles": [\n'


class JsonWriter(Writer):
    separator = ",\n"

    def start(self) -> None:
        self.out.write(head_json(self.index))

    def render(self, report: ArticleReport) -> str:
        return json.dumps(article_json(report, self.index, self.listed(report)), ensure_ascii=False, allow_nan=False)

    def finish(self, summary: Summary) -> None:
        self.out.write('\n], "summary": ' + json.dumps(summary.model_dump(mode="json"), ensure_ascii=False) + "}\n")
