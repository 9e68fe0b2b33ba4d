"""The terminal report: a table per article, flagged claims in their sentence, and a summary.

On a terminal it is drawn with rich, coloured by verdict. Piped, or with --no-color, it is plain
text laid out the same way, without loading rich at all (a one-article check starts faster).
"""

from __future__ import annotations

from factcheck.verify.article import ArticleReport
from factcheck.report.base import Writer
from factcheck.report.model import Lines, Summary, clean, flat, locate, one_line
from factcheck.report.wording import note, shown, what, why
from factcheck.verify.findings import Finding, Verdict

STYLE = {
    Verdict.SUPPORTED: "green",
    Verdict.IMPRECISE: "yellow",
    Verdict.CONTRADICTED: "bold red",
    Verdict.UNVERIFIABLE: "dim",
}
COLUMNS = ("where", "verdict", "claim", "what", "ledger", "why")


def rows(report: ArticleReport, lines: Lines, index, findings: tuple[Finding, ...]) -> list[tuple[Finding, tuple[str, ...]]]:
    out = []
    for f in findings:
        loc = locate(report, lines, f.claim.start, f.claim.end)
        verdict = "ignored" if f.suppressed else f.verdict.value
        out.append((f, (f"{loc.line}:{loc.column}", verdict, flat(f.claim.text), what(f, index, report.election),
                        shown(f) or "", flat(why(f)))))
    return out


def details(report: ArticleReport, lines: Lines, f: Finding) -> tuple[str, tuple[str, str, str], list[str]]:
    """(heading, sentence split around the claim, note lines) for a flagged claim."""
    assert report.article is not None
    loc = locate(report, lines, f.claim.start, f.claim.end)
    text, c = report.article.text, f.claim
    sentence = (flat(text[c.sentence_start:c.start].lstrip()), flat(text[c.start:c.end]),
                flat(text[c.end:c.sentence_end].rstrip()))
    notes = []
    if f.derivation:
        notes.append(f"ledger: {clean(f.derivation)}")
    if text_note := note(f):
        notes.append(f"note: {clean(text_note)}")
    if f.related:
        notes.append("see also: " + "; ".join(flat(p.text) for p in f.related))
    if f.suggestion:
        notes.append(f"suggest: {clean(f.suggestion)}")
    if f.sources:
        notes.append("sources: " + "; ".join(f"{s.title} <{s.url}>" if s.url else s.title for s in f.sources[:3]))
    return f"{one_line(report.path)}:{loc.line}:{loc.column} {f.verdict.value.upper()} {flat(c.text)}", sentence, notes


def flagged(report: ArticleReport) -> list[Finding]:
    return [f for f in report.findings if f.verdict in (Verdict.CONTRADICTED, Verdict.IMPRECISE) and not f.suppressed]


SUMMARY_COLUMNS = ("articles", "unchecked", "supported", "imprecise", "contradicted", "unverifiable", "ignored")


def summary_values(s: Summary) -> tuple[int, ...]:
    return (s.articles, s.errors, s.supported, s.imprecise, s.contradicted, s.unverifiable, s.suppressed)


class PlainWriter(Writer):
    """Plain text, for pipes, logs and --no-color."""

    def render(self, report: ArticleReport) -> str:
        parts: list[str] = []
        write = parts.append
        if report.error or report.article is None:
            return ""  # already reported on standard error, one line per problem
        shown_findings = self.listed(report)
        if self.quiet and not shown_findings:
            return ""
        lines = Lines(report.article.source)
        write(f"{one_line(report.path)}  {report.election or 'election unknown'}  ({clean(report.election_basis or '')})\n")
        table = rows(report, lines, self.index, shown_findings)
        if not table:
            write("  no result claims found\n\n")
            return "".join(parts)
        widths = [min(40, max(len(COLUMNS[i]), *(len(r[i]) for _, r in table))) for i in range(len(COLUMNS) - 1)]
        write("  " + "  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths + [0])).rstrip() + "\n")
        for _, r in table:
            write("  " + "  ".join(v.ljust(w) for v, w in zip(r, widths + [0])).rstrip() + "\n")
        for f in flagged(report):
            heading, (before, mention, after), notes = details(report, lines, f)
            write(f"\n  {heading}\n   | {before}[{mention}]{after}\n")
            for note in notes:
                write(f"   {note}\n")
        write("\n")
        return "".join(parts)

    def finish(self, summary: Summary) -> None:
        if self.quiet:
            return
        values = summary_values(summary)
        write = self.out.write
        write("Summary: " + ", ".join(f"{v} {c}" for c, v in zip(SUMMARY_COLUMNS, values)) + "\n")
        write(summary.status() + "\n")


class RichWriter(Writer):
    """Colour on a terminal: verdicts coloured, the claim highlighted in its sentence."""

    renders = False

    def start(self) -> None:
        from rich.console import Console

        # colour was asked for (a terminal, or FORCE_COLOR): draw it even into a pipe
        self.console = Console(file=self.out, highlight=False, emoji=False, force_terminal=True, no_color=False)

    def article(self, report: ArticleReport) -> None:
        from rich.table import Table
        from rich.text import Text

        console = self.console
        if report.error:
            return  # already reported on standard error, one line per problem
        assert report.article is not None
        shown_findings = self.listed(report)
        if self.quiet and not shown_findings:
            return
        lines = Lines(report.article.source)
        console.print(Text.assemble((one_line(report.path), "bold"), f"  {report.election or 'election unknown'}",
                                    (f"  ({clean(report.election_basis or '')})", "dim")))
        table_rows = rows(report, lines, self.index, shown_findings)
        if not table_rows:
            console.print("  no result claims found\n")
            return
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        for column in COLUMNS:
            table.add_column(column, overflow="fold")
        for f, r in table_rows:
            style = "dim" if f.suppressed else STYLE[f.verdict]
            table.add_row(r[0], Text(r[1], style=style), *r[2:])
        console.print(table)
        for f in flagged(report):
            heading, (before, mention, after), notes = details(report, lines, f)
            console.print(Text(f"  {heading}", style="bold"))
            console.print(Text.assemble(" │ ", before, (mention, f"reverse {STYLE[f.verdict]}"), after))
            for note in notes:
                console.print(f"   {note}", style="dim" if note.startswith("sources") else None)
        console.print()

    def finish(self, summary: Summary) -> None:
        from rich.table import Table
        from rich.text import Text

        if self.quiet:
            return
        table = Table(title="Summary", box=None, show_header=True, header_style="bold")
        for column in SUMMARY_COLUMNS:
            table.add_column(column, justify="right")
        styles = [None, None, STYLE[Verdict.SUPPORTED], STYLE[Verdict.IMPRECISE], STYLE[Verdict.CONTRADICTED],
                  STYLE[Verdict.UNVERIFIABLE], None]
        table.add_row(*(Text(str(v), style=s or "") for v, s in zip(summary_values(summary), styles)))
        self.console.print(table)
        self.console.print(Text(summary.status(), style="bold red" if summary.failed else "bold green"))
