"""`factcheck extract`: the claims found in an article, in document order, without verdicts.

The JSON has the shape of the check report: the same head (schema version and ledger), the same
article fields, and each claim placed and described exactly as a finding's `claim` is, with every reading
the sentence allows (strongest first) beside it.
"""

from __future__ import annotations

from typing import Any

from factcheck.verify.article import ArticleReport
from factcheck.extract.claims import Claim
from factcheck.ledger.index import LedgerIndex
from factcheck.report.json_report import claim_json, placed_json
from factcheck.report.model import Lines, clean, locate, one_line


def claims_json(report: ArticleReport, claims: list[Claim], index: LedgerIndex) -> dict[str, Any]:
    items = []
    if report.article is not None:
        lines = Lines(report.article.source)
        items = [{**placed_json(c, report, lines), "claim": claim_json(c, index, report), "unsure": c.unsure,
                  "readings": [r.model_dump(mode="json") for r in c.readings]} for c in claims]
    return {"path": report.path, "election": report.election, "election_basis": report.election_basis,
            "error": report.error, "claims": items}


def claims_text(report: ArticleReport, claims: list[Claim]) -> str:
    assert report.article is not None
    lines = Lines(report.article.source)
    out = [f"{one_line(report.path)}\t{report.election or 'election unknown'}\t({one_line(report.election_basis or '')})\n"]
    for c in claims:
        loc = locate(report, lines, c.start, c.end)
        subject = ",".join(c.subject) or "-"
        out.append(f"  {loc.line}:{loc.column}\t{one_line(c.text)}\t{c.kind.value}\t{c.round.value}\t{subject}\t"
                   f"{c.scope or '-'}\t{c.election or '-'}" + (f"\tunsure: {clean(c.unsure)}" if c.unsure else "") + "\n")
    return "".join(out)
