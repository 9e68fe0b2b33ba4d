"""`--out DIR`: a Markdown and an HTML report per article, report.json for the run, and an index page."""

from __future__ import annotations

import html
import re
from pathlib import Path

from factcheck.check import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.html import render_html
from factcheck.report.json_report import JsonWriter
from factcheck.report.markdown import markdown_article, markdown_summary
from factcheck.report.model import Summary


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
        self.entries: list[tuple[str, str, dict[str, int] | None, str | None]] = []
        self._names: set[str] = set()

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._json_file = open(self.folder / "report.json", "w", encoding="utf-8")
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
            (self.folder / f"{name}.md").write_text("# factcheck report\n\n" + markdown_article(report, self.index),
                                                    encoding="utf-8")
            (self.folder / f"{name}.html").write_text(render_html(report, self.index), encoding="utf-8")
        return self._json.render(report)

    def emit(self, path: str, name: str, fragment: str, counts: dict[str, int] | None, error: str | None) -> None:
        self._json.emit(fragment)
        self.entries.append((path, name, counts, error))

    def finish(self, summary: Summary) -> None:
        self._json.finish(summary)
        self._json_file.close()
        rows = []
        for path, name, counts, error in self.entries:
            if error:
                rows.append(f"<tr><td>{html.escape(path)}</td><td colspan=4>{html.escape(error)}</td></tr>")
                continue
            assert counts is not None
            rows.append(f'<tr><td><a href="{html.escape(name)}.html">{html.escape(path)}</a> '
                        f'(<a href="{html.escape(name)}.md">md</a>)</td><td>{counts["contradicted"]}</td>'
                        f'<td>{counts["imprecise"]}</td><td>{counts["unverifiable"]}</td><td>{counts["supported"]}</td></tr>')
        page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>factcheck reports</title>"
                "<style>body{font:15px/1.5 -apple-system,Helvetica,Arial,sans-serif;max-width:50rem;margin:2rem auto}"
                "td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style></head><body>"
                "<h1>factcheck reports</h1><table><tr><th>Article</th><th>Contradicted</th><th>Imprecise</th>"
                "<th>Unverifiable</th><th>Supported</th></tr>" + "".join(rows) + "</table>"
                f"<p>{'FAIL' if summary.failed else 'pass'} (fail on: {summary.fail_on.value})</p></body></html>\n")
        (self.folder / "index.html").write_text(page, encoding="utf-8")
        (self.folder / "summary.md").write_text(markdown_summary(summary), encoding="utf-8")
