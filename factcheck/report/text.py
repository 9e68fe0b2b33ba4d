"""The terminal report: a table per article, flagged claims in their sentence, and a summary.

Colours by verdict on a terminal; plain text when piped or with --no-color.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.check import ArticleReport
from factcheck.report.base import Writer
from factcheck.report.model import Lines, Summary, clean, locate, shown, what
from factcheck.verify.findings import Finding, Verdict

STYLE = {
    Verdict.SUPPORTED: "green",
    Verdict.IMPRECISE: "yellow",
    Verdict.CONTRADICTED: "bold red",
    Verdict.UNVERIFIABLE: "dim",
}


class TextWriter(Writer):
    def start(self) -> None:
        self.console = Console(file=self.out, no_color=not self.color, force_terminal=self.color,
                               highlight=False, emoji=False, width=120 if not self.color else None)

    def article(self, report: ArticleReport) -> None:
        console = self.console
        if report.error:
            console.print(Text(f"{clean(report.error)}", style="bold red"))
            return
        assert report.article is not None
        lines = Lines(report.article.source)
        election = report.election or "election unknown"
        console.print(Text.assemble((clean(report.path), "bold"), f"  {election}", (f"  ({clean(report.election_basis or '')})", "dim")))
        shown_findings = [f for f in report.findings if self.show_supported or f.verdict is not Verdict.SUPPORTED]
        if not shown_findings:
            console.print("  no result claims found\n")
            return
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=False)
        for column in ("where", "verdict", "claim", "what", "ledger", "why"):
            table.add_column(column, overflow="fold")
        for f in shown_findings:
            loc = locate(report, lines, f.claim.start, f.claim.end)
            verdict = "ignored" if f.suppressed else f.verdict.value
            why = f.reason if f.verdict is Verdict.UNVERIFIABLE else (
                f"matches {f.alternative.label}" if f.alternative and f.verdict is Verdict.CONTRADICTED else f.rule)
            table.add_row(f"{loc.line}:{loc.column}", Text(verdict, style="dim" if f.suppressed else STYLE[f.verdict]),
                          clean(f.claim.text), what(f, self.index), shown(f) or "", clean(why or ""))
        console.print(table)
        for f in report.findings:
            if f.verdict in (Verdict.CONTRADICTED, Verdict.IMPRECISE) and not f.suppressed:
                self._detail(report, lines, f)
        console.print()

    def _detail(self, report: ArticleReport, lines: Lines, f: Finding) -> None:
        assert report.article is not None
        loc = locate(report, lines, f.claim.start, f.claim.end)
        text = report.article.text
        c = f.claim
        sentence = Text(" │ ", style="dim")
        sentence.append(clean(text[c.sentence_start:c.start].lstrip()))
        sentence.append(clean(text[c.start:c.end]), style=f"reverse {STYLE[f.verdict]}")
        sentence.append(clean(text[c.end:c.sentence_end].rstrip()))
        self.console.print(Text.assemble((f"  {report.path}:{loc.line}:{loc.column} ", "bold"),
                                         (f.verdict.value.upper(), STYLE[f.verdict]), f" {clean(c.text)}"))
        self.console.print(sentence)
        if f.derivation:
            self.console.print(f"   ledger: {clean(f.derivation)}")
        if f.alternative:
            who = ", ".join(s.publisher for s in f.alternative.sources)
            self.console.print(f"   note: matches {f.alternative.label} ({f.alternative.status}; {who})")
        elif f.reason:
            self.console.print(f"   note: {clean(f.reason)}")
        if f.related:
            self.console.print("   see also: " + "; ".join(clean(p.text) for p in f.related))
        if f.suggestion:
            self.console.print(Text.assemble("   suggest: ", (clean(f.suggestion), "bold")))
        if f.sources:
            self.console.print("   sources: " + "; ".join(f"{s.title} <{s.url}>" for s in f.sources[:3]), style="dim")

    def finish(self, summary: Summary) -> None:
        table = Table(title="Summary", box=None, show_header=True, header_style="bold")
        for column in ("articles", "errors", "supported", "imprecise", "contradicted", "unverifiable", "ignored"):
            table.add_column(column, justify="right")
        table.add_row(str(summary.articles), str(summary.errors), Text(str(summary.supported), STYLE[Verdict.SUPPORTED]),
                      Text(str(summary.imprecise), STYLE[Verdict.IMPRECISE]),
                      Text(str(summary.contradicted), STYLE[Verdict.CONTRADICTED]),
                      Text(str(summary.unverifiable), STYLE[Verdict.UNVERIFIABLE]), str(summary.suppressed))
        self.console.print(table)
        verdict = "FAIL" if summary.failed else "pass"
        self.console.print(Text(f"{verdict} (fail on: {summary.fail_on.value})",
                                style="bold red" if summary.failed else "bold green"))
