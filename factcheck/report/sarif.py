"""`--format sarif`: SARIF 2.1.0, one run, a rule per verdict, locations by line, column and offset.

Columns and offsets count Unicode code points (`columnKind: unicodeCodePoints`), as factcheck does
everywhere. A suggested correction becomes a `fix` that replaces the mention.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version

from factcheck.check import ArticleReport
from factcheck.report.base import Writer
from factcheck.report.model import Lines, Summary, clean, locate, message
from factcheck.verify.findings import Verdict

RULES = [
    (Verdict.CONTRADICTED, "ContradictedClaim", "error", "fail",
     "A figure disagrees with the results ledger (or matches only a superseded or misprinted figure)."),
    (Verdict.IMPRECISE, "ImpreciseClaim", "warning", "fail",
     "A figure is outside its stated rounding but is the ledger figure cut short or one off in its last digit."),
    (Verdict.UNVERIFIABLE, "UnverifiableClaim", "note", "review",
     "A result claim the ledger cannot check: the election, subject or figure is unknown."),
    (Verdict.SUPPORTED, "SupportedClaim", "none", "pass", "A figure agrees with the results ledger."),
]
RULE_INDEX = {verdict: i for i, (verdict, *_rest) in enumerate(RULES)}


def tool_version() -> str:
    try:
        return version("factcheck")
    except PackageNotFoundError:
        return "0"


class SarifWriter(Writer):
    separator = ","

    def start(self) -> None:
        self._errors: list[dict] = []
        driver = {
            "name": "factcheck", "version": tool_version(),
            "informationUri": "https://github.com/factcheck-newsroom/factcheck",
            "rules": [{"id": verdict.value, "name": name, "shortDescription": {"text": text},
                       "defaultConfiguration": {"level": level}} for verdict, name, level, _kind, text in RULES],
        }
        head = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
                "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": []}]}
        text = json.dumps(head, ensure_ascii=False)
        self.out.write(text[: text.rindex('"results": []') + len('"results": [')])

    def error(self, path: str, message: str) -> None:
        self._errors.append({"level": "error", "message": {"text": clean(message)},
                             "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]})

    def render(self, report: ArticleReport) -> str:
        if report.error or report.article is None:
            return ""
        lines = Lines(report.article.source)
        results = []
        for f in report.findings:
            verdict, name, level, kind, _ = RULES[RULE_INDEX[f.verdict]]
            loc = locate(report, lines, f.claim.start, f.claim.end)
            region = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line,
                      "endColumn": loc.end_column, "charOffset": loc.start, "charLength": loc.end - loc.start,
                      "snippet": {"text": report.article.source[loc.start:loc.end]}}
            result = {
                "ruleId": verdict.value, "ruleIndex": RULE_INDEX[f.verdict], "kind": kind, "level": level,
                "message": {"text": clean(message(f, self.index))},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(report.path)},
                                                    "region": region}}],
                "properties": {"claim": f.claim.label, "election": f.claim.election, "expected": f.expected,
                               "rule": f.rule, "derivation": f.derivation,
                               "sources": [s.url for s in f.sources], "suppressed": f.suppressed},
            }
            if f.suppressed:
                result["suppressions"] = [{"kind": "inSource", "justification": "factcheck: ignore"}]
            if f.suggestion:
                result["fixes"] = [{"description": {"text": f"write {f.suggestion}"}, "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(report.path)},
                    "replacements": [{"deletedRegion": {"charOffset": loc.start, "charLength": loc.end - loc.start},
                                      "insertedContent": {"text": f.suggestion}}]}]}]
            results.append(json.dumps(result, ensure_ascii=False))
        return ",".join(results)

    def finish(self, summary: Summary) -> None:
        invocation = {"executionSuccessful": summary.errors == 0,
                      "toolExecutionNotifications": self._errors}
        self.out.write('], "invocations": ' + json.dumps([invocation], ensure_ascii=False) + "}]}\n")


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    from urllib.parse import quote

    return quote(path.replace("\\", "/"))
