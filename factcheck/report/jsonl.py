"""`--format jsonl`: one JSON object per article per line, for archives.

Nothing is held back for the end (no header, no summary line), so memory stays flat however many
articles a run checks, lines can be written in any order (a cluster finishes articles out of order),
and a later run can add to the file (`--resume`). Each line is the JSON report's article object plus
what says whether it is still current: the hash of the article's content, the ledger version and the
factcheck version.
"""

from __future__ import annotations

import json

from factcheck.report.base import Writer
from factcheck.report.json_report import article_json
from factcheck.report.model import ledger_version, tool_version
from factcheck.resume import RecordedReport, content_hash
from factcheck.verify.article import ArticleReport


class JsonLinesWriter(Writer):
    _versions: tuple[str, str] | None = None  # (ledger, factcheck): looked up once, not per article

    def render(self, report: ArticleReport) -> str:
        if isinstance(report, RecordedReport):  # an earlier run's line already stands for it
            return ""
        if self._versions is None:
            self._versions = (ledger_version(str(self.index.ledger.directory)), tool_version())
        ledger, version = self._versions
        line = {"path": report.path,
                "content_hash": content_hash(report.article.source) if report.article is not None else None,
                "ledger": ledger, "factcheck": version}
        line.update(article_json(report, self.index, self.listed(report)))
        return json.dumps(line, ensure_ascii=False) + "\n"
