"""`--out DIR`: a Markdown and an HTML report per article, report.json, summary.md and index.html.

The folder is factcheck's: each run rewrites it, and removes the reports an earlier run left there for
articles this run did not check, so the folder never shows stale results. It only ever removes files
that carry factcheck's generated mark; anything else in the folder is left alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from factcheck.verify.article import ArticleReport
from factcheck.errors import FactcheckError
from factcheck.ingest import is_generated
from factcheck.ledger.index import LedgerIndex
from factcheck.report.html import render_html, template
from factcheck.report.json_report import JsonWriter
from factcheck.report.markdown import markdown_article, markdown_summary
from factcheck.report.model import GENERATED, Summary, election_line, ledger_json, tool_version
from factcheck.report.wording import ICON, LABEL
from factcheck.verify.findings import Verdict

REPORT_SUFFIXES = (".html", ".md")


def report_name(path: str) -> str:
    """A stable file name for an article's reports: its path with separators flattened."""
    if path == "-":
        return "stdin"
    name = re.sub(r"^(?:\.{1,2}/)+", "", path.replace("\\", "/")).strip("/")
    name = name.replace("../", "up--").replace("/", "--")
    return re.sub(r"[^\w.@+-]", "_", name) or "article"


class FolderWriter:
    def __init__(self, folder: Path, index: LedgerIndex):
        self.folder = folder
        self.index = index
        self.entries: list[dict] = []
        self._names: set[str] = set()

    def start(self) -> None:
        """Create the folder and open report.json; a folder that cannot be written is one clear error."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._json_file = open(self.folder / "report.json", "w", encoding="utf-8")
        except FileExistsError:
            raise FactcheckError(f"--out {self.folder}: exists and is not a folder") from None
        except OSError as exc:
            raise FactcheckError(f"--out {self.folder}: cannot write there ({exc.strerror})") from None
        self._json = JsonWriter(self._json_file, self.index)
        self._json.start()

    def name(self, path: str) -> str:
        """A unique file name for this article's reports (assigned in input order, so runs agree)."""
        name = report_name(path)
        while name in self._names:
            name += "_"
        self._names.add(name)
        return name

    def render(self, report: ArticleReport, name: str) -> str:
        """Write the article's Markdown and HTML reports; return its part of report.json."""
        if not report.error:
            (self.folder / f"{name}.md").write_text(f"{GENERATED}\n# factcheck report\n\n"
                                                    + markdown_article(report, self.index), encoding="utf-8")
            (self.folder / f"{name}.html").write_text(render_html(report, self.index), encoding="utf-8")
        return self._json.render(report)

    def emit(self, path: str, name: str, fragment: str, counts: dict[str, int] | None, error: str | None) -> None:
        self._json.emit(fragment)
        election = json.loads(fragment).get("election") if fragment and not error else None
        reason = error[len(path) + 2:] if error and error.startswith(f"{path}: ") else error  # the row names the file
        self.entries.append({"path": path, "name": name, "counts": counts, "error": reason,
                             "election": election_line(self.index, election, short=True) or election})

    def finish(self, summary: Summary) -> None:
        self._json.finish(summary)
        self._json_file.close()
        verdicts = [(v.value, LABEL[v], ICON[v], getattr(summary, v.value))
                    for v in (Verdict.CONTRADICTED, Verdict.IMPRECISE, Verdict.UNVERIFIABLE, Verdict.SUPPORTED)]
        page = template("index.html").render(
            mark=GENERATED, summary=summary, status=summary.status(), verdicts=verdicts, entries=self.entries,
            errors=[e for e in self.entries if e["error"]], ledger=ledger_json(self.index), version=tool_version())
        (self.folder / "index.html").write_text(page, encoding="utf-8")
        (self.folder / "summary.md").write_text(f"{GENERATED}\n" + markdown_summary(summary), encoding="utf-8")
        self._remove_stale()

    def _remove_stale(self) -> None:
        written = {"index.html", "summary.md"} | {f"{e['name']}{s}" for e in self.entries if not e["error"]
                                                   for s in REPORT_SUFFIXES}
        for path in self.folder.iterdir():
            if path.suffix in REPORT_SUFFIXES and path.name not in written and path.is_file() and is_generated(path):
                path.unlink(missing_ok=True)
