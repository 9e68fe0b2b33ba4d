"""The HTML report: the article as text, every claim highlighted by verdict with its evidence on hover,
focus or click, a summary linking to each flagged claim, and a printable findings table.

Self-contained (no network). Article text is only ever inserted through Jinja's autoescaping, so an
article containing markup or scripts is shown as text.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.check import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.model import Lines, clean, locate, note, shown, what, why
from factcheck.verify.findings import Verdict


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("factcheck", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=False, lstrip_blocks=False)
    return env.get_template("article.html")


def render_html(report: ArticleReport, index: LedgerIndex) -> str:
    assert report.article is not None
    text = report.article.text
    lines = Lines(report.article.source)
    findings = []
    for i, f in enumerate(report.findings):
        loc = locate(report, lines, f.claim.start, f.claim.end)
        findings.append({
            "id": f"c{i + 1}", "anchor": f"c{i + 1}", "finding": f, "start": f.claim.start, "end": f.claim.end,
            "line": loc.line, "column": loc.column, "text": clean(f.claim.text), "verdict": f.verdict.value,
            "suppressed": f.suppressed, "what": what(f, index), "expected": shown(f), "rule": f.rule,
            "derivation": f.derivation, "note": note(f), "suggestion": f.suggestion, "sources": f.sources,
            "why": why(f),
        })
    parts, cursor, last = [], 0, None
    for item in sorted(findings, key=lambda x: (x["start"], -x["end"])):
        if item["start"] < cursor:
            item["anchor"] = last["id"] if last else item["id"]  # overlapping claim: link to the enclosing mark
            continue
        parts.append({"text": text[cursor:item["start"]], "finding": None})
        parts.append({"text": text[item["start"]:item["end"]], "finding": item})
        cursor, last = item["end"], item
    parts.append({"text": text[cursor:], "finding": None})
    counts = [(v.value, sum(1 for f in report.findings if f.verdict is v and not f.suppressed)) for v in Verdict]
    flagged = [f for f in findings if f["verdict"] in ("contradicted", "imprecise") and not f["suppressed"]]
    return _template().render(path=report.path, election=report.election, basis=report.election_basis,
                              counts=counts, flagged=flagged, parts=parts, findings=findings)
