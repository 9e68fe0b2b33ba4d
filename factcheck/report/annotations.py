"""One-line formats for CI: `--format line` (path:line:col: verdict: message) and `--format github`
(GitHub Actions workflow commands that annotate the article in a pull request)."""

from __future__ import annotations

from factcheck.verify.article import ArticleReport
from factcheck.report.base import Writer
from factcheck.report.model import Lines, Summary, clean, locate, one_line
from factcheck.report.wording import message
from factcheck.verify.findings import Verdict

GITHUB_LEVEL = {Verdict.CONTRADICTED: "error", Verdict.IMPRECISE: "warning", Verdict.UNVERIFIABLE: "notice"}


def github_data(text: str) -> str:
    """Escape a workflow-command message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a workflow-command property value (file, title); control characters never reach the log raw."""
    return github_data(clean(text)).replace(":", "%3A").replace(",", "%2C")


class LineWriter(Writer):
    def render(self, report: ArticleReport) -> str:
        if report.error or report.article is None:
            return ""  # already reported on standard error
        lines = Lines(report.article.source)
        out = []
        for f in self.listed(report):
            if f.suppressed:
                continue
            loc = locate(report, lines, f.claim.start, f.claim.end)
            out.append(f"{one_line(report.path)}:{loc.line}:{loc.column}: {f.verdict.value}: "
                       f"{one_line(message(f, self.index, report.election))}\n")
        return "".join(out)


class GithubWriter(Writer):
    def render(self, report: ArticleReport) -> str:
        if report.error or report.article is None:
            return f"::error file={github_property(report.path)}::{github_data(clean(report.error or ''))}\n"
        lines = Lines(report.article.source)
        out = []
        for f in self.listed(report):
            level = GITHUB_LEVEL.get(f.verdict)
            if level is None or f.suppressed:
                continue
            loc = locate(report, lines, f.claim.start, f.claim.end)
            title = f"factcheck: {f.verdict.value} {f.claim.label}"
            out.append(f"::{level} file={github_property(report.path)},line={loc.line},col={loc.column},"
                       f"endLine={loc.end_line},endColumn={loc.end_column},title={github_property(title)}::"
                       f"{github_data(clean(message(f, self.index, report.election)))}\n")
        return "".join(out)

    def finish(self, summary: Summary) -> None:
        if self.quiet:
            return
        self.out.write(f"factcheck: {summary.contradicted} contradicted, {summary.imprecise} imprecise, "
                       f"{summary.unverifiable} unverifiable, {summary.supported} supported; {summary.status()}\n")
