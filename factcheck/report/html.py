"""The HTML report: problems first (each with the ledger figure, its derivation and sources), then the
article with every claim marked by verdict, then a table of every figure.

A wrong figure is unmistakable without colour: it carries an inline label with the ledger's figure,
and the problems list spells out the evidence, so the printed page shows what the hover tip shows on
screen. Printing leaves out the correct figures unless the reader asks for them.

Self-contained (no network). Article text is only ever inserted through Jinja's autoescaping, so an
article containing markup or scripts is shown as text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from factcheck.verify.article import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.model import GENERATED, Lines, clean, election_line, ledger_json, locate, tool_version
from factcheck.report.wording import ICON, LABEL, note, shown, what, why
from factcheck.verify.findings import Verdict

PROBLEMS = (Verdict.CONTRADICTED, Verdict.IMPRECISE)


@lru_cache(maxsize=2)
def template(name: str):
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("factcheck", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template(name)


def render_html(report: ArticleReport, index: LedgerIndex) -> str:
    assert report.article is not None
    article = report.article
    text = article.text
    lines = Lines(article.source)
    findings: list[dict[str, Any]] = []
    for i, f in enumerate(report.findings):
        loc = locate(report, lines, f.claim.start, f.claim.end)
        c = f.claim
        findings.append({
            "id": f"c{i + 1}", "anchor": f"c{i + 1}", "start": c.start, "end": c.end,
            "line": loc.line, "column": loc.column, "text": clean(c.text), "verdict": f.verdict.value,
            "label": LABEL[f.verdict], "icon": ICON[f.verdict], "problem": f.verdict in PROBLEMS and not f.suppressed,
            "suppressed": f.suppressed, "what": what(f, index, report.election), "expected": shown(f),
            "rule": f.rule, "derivation": f.derivation, "note": note(f), "suggestion": f.suggestion,
            "alternative": note(f) if f.alternative else None,
            "sources": f.sources, "why": why(f),
            "sentence": (clean(text[c.sentence_start:c.start].lstrip()), clean(text[c.start:c.end]),
                         clean(text[c.end:c.sentence_end].rstrip())),
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
    counts = [(v.value, LABEL[v], ICON[v], sum(1 for f in report.findings if f.verdict is v and not f.suppressed))
              for v in (Verdict.CONTRADICTED, Verdict.IMPRECISE, Verdict.UNVERIFIABLE, Verdict.SUPPORTED)]
    ignored = sum(1 for f in report.findings if f.suppressed)
    problems = sorted((f for f in findings if f["problem"]), key=lambda f: (f["verdict"] != "contradicted", f["start"]))
    unchecked = [f for f in findings if f["verdict"] == "unverifiable" and not f["suppressed"]]
    return template("article.html").render(
        mark=GENERATED, path=report.path, election=election_line(index, report.election),
        basis=report.election_basis, ledger=ledger_json(index), version=tool_version(),
        published=article.published.isoformat() if article.published else None,
        counts=counts, ignored=ignored, problems=problems, unchecked=unchecked, parts=parts, findings=findings)
