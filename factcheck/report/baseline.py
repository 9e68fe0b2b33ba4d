"""`--write-baseline FILE`: the findings a desk accepts as they stand, for `--baseline FILE` to silence later.

Every finding that is not supported is recorded (accepted ones from an earlier baseline included, so
rewriting a baseline keeps them); figures silenced inline need no entry.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.verify.article import ArticleReport
from factcheck.report.base import Writer
from factcheck.report.model import Lines, Summary, locate
from factcheck.suppress import BASELINE_VERSION, baseline_path, fingerprints, inline_ignored
from factcheck.verify.findings import Verdict


class BaselineWriter(Writer):
    separator = ",\n"

    def __init__(self, out, index, *, root: Path, **options):
        super().__init__(out, index, **options)
        self.root = root  # the baseline file's folder: paths are recorded relative to it
        self.count = 0

    def start(self) -> None:
        self.out.write(f'{{"factcheck_baseline": {BASELINE_VERSION},\n"findings": [\n')

    def render(self, report: ArticleReport) -> str:
        if report.error or report.article is None:
            return ""
        article = report.article
        lines = Lines(article.source)
        path = baseline_path(report.path, self.root)
        entries = []
        for f, fp in zip(report.findings, fingerprints(article, report.findings)):
            if f.verdict is Verdict.SUPPORTED or (f.suppressed and inline_ignored(article, f)):
                continue
            loc = locate(report, lines, f.claim.start, f.claim.end)
            entries.append(json.dumps({"path": path, "fingerprint": fp, "verdict": f.verdict.value,
                                       "line": loc.line, "text": f.claim.text}, ensure_ascii=False))
        return ",\n".join(entries)

    def emit(self, rendered: str) -> None:
        if rendered:
            self.count += rendered.count('"fingerprint"')
        super().emit(rendered)

    def finish(self, summary: Summary) -> None:
        self.out.write("\n]}\n")
