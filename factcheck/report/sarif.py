"""`--format sarif`: SARIF 2.1.0, one run, a rule per verdict, locations by line, column and offset.

Artifact URIs are relative to the repository the run started in (the nearest folder above the working
folder holding `.git`, else the working folder itself), named by the `SRCROOT` base id, so code-scanning
services match them to files in the checkout. Each result carries `partialFingerprints` (the figure, its
kind and its sentence, not its position), so a finding keeps its identity when lines move.
Columns and offsets count Unicode code points (`columnKind: unicodeCodePoints`), as factcheck does
everywhere. A suggested correction becomes a `fix` that replaces the mention.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from factcheck.verify.article import ArticleReport
from factcheck.report.base import Writer
from factcheck.report.model import Lines, Summary, clean, locate, tool_version
from factcheck.report.wording import message
from factcheck.suppress import fingerprints, inline_ignored
from factcheck.verify.findings import Verdict

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
ROOT_ID = "SRCROOT"
FINGERPRINT = "factcheck/v1"
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


def source_root(start: Path | None = None) -> Path:
    """The repository root above `start` (the working folder), or `start` itself outside a repository."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


class SarifWriter(Writer):
    separator = ","

    @cached_property
    def root(self) -> Path:
        return source_root()

    def location(self, path: str) -> dict:
        """An artifactLocation: relative to SRCROOT when the file is inside it."""
        if path == "-":
            return {"uri": "stdin"}
        resolved = Path(path).resolve()
        try:
            return {"uri": quote(resolved.relative_to(self.root).as_posix()), "uriBaseId": ROOT_ID}
        except ValueError:
            return {"uri": resolved.as_uri()}

    def start(self) -> None:
        self._errors: list[dict] = []
        driver = {
            "name": "factcheck", "version": tool_version(),
            "rules": [{"id": verdict.value, "name": name, "shortDescription": {"text": text},
                       "defaultConfiguration": {"level": level}} for verdict, name, level, _kind, text in RULES],
        }
        head = {"$schema": SCHEMA, "version": "2.1.0",
                "runs": [{"tool": {"driver": driver},
                          "originalUriBaseIds": {ROOT_ID: {"uri": self.root.as_uri().rstrip("/") + "/"}},
                          "columnKind": "unicodeCodePoints", "results": []}]}
        text = json.dumps(head, ensure_ascii=False)
        self.out.write(text[: text.rindex('"results": []') + len('"results": [')])

    def error(self, path: str, message: str) -> None:
        self._errors.append({"level": "error", "message": {"text": clean(message)},
                             "locations": [{"physicalLocation": {"artifactLocation": self.location(path)}}]})

    def render(self, report: ArticleReport) -> str:
        if report.error or report.article is None:
            return ""
        article = report.article
        lines = Lines(article.source)
        prints = dict(zip(map(id, report.findings), fingerprints(article, report.findings)))
        artifact = self.location(report.path)
        results = []
        for f in self.listed(report):
            verdict, name, level, kind, _ = RULES[RULE_INDEX[f.verdict]]
            loc = locate(report, lines, f.claim.start, f.claim.end)
            region = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line,
                      "endColumn": loc.end_column, "charOffset": loc.start, "charLength": loc.end - loc.start,
                      "snippet": {"text": article.source[loc.start:loc.end]}}
            result = {
                # SARIF 2.1.0 (3.27.9): a result whose kind is not "fail" must have level "none"
                "ruleId": verdict.value, "ruleIndex": RULE_INDEX[f.verdict], "kind": kind,
                "level": level if kind == "fail" else "none",
                "message": {"text": clean(message(f, self.index, report.election))},
                "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
                "partialFingerprints": {FINGERPRINT: prints[id(f)]},
                "properties": {"claim": f.claim.label, "election": f.claim.election, "expected": f.expected,
                               "rule": f.rule, "derivation": f.derivation,
                               "sources": [s.url for s in f.sources if s.url], "suppressed": f.suppressed},
            }
            if f.suppressed:
                inline = inline_ignored(article, f)
                result["suppressions"] = [{"kind": "inSource" if inline else "external",
                                           "justification": "factcheck: ignore" if inline else "in the baseline file"}]
            if f.suggestion:
                result["fixes"] = [{"description": {"text": f"write {f.suggestion}"}, "artifactChanges": [{
                    "artifactLocation": artifact,
                    "replacements": [{"deletedRegion": {"charOffset": loc.start, "charLength": loc.end - loc.start},
                                      "insertedContent": {"text": f.suggestion}}]}]}]
            results.append(json.dumps(result, ensure_ascii=False, allow_nan=False))
        return ",".join(results)

    def finish(self, summary: Summary) -> None:
        invocation = {"executionSuccessful": summary.errors == 0,
                      "toolExecutionNotifications": self._errors}
        self.out.write('], "invocations": ' + json.dumps([invocation], ensure_ascii=False) + "}]}\n")
