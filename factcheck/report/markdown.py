"""`--format markdown`: a report to paste into a ticket or a CMS note."""

from __future__ import annotations

from factcheck.check import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.base import Writer
from factcheck.report.model import Lines, Summary, clean, locate, shown, what
from factcheck.verify.findings import Finding, Verdict

ICON = {Verdict.SUPPORTED: "✅", Verdict.IMPRECISE: "⚠️", Verdict.CONTRADICTED: "❌", Verdict.UNVERIFIABLE: "❔"}


def cell(text: str | None) -> str:
    return clean(text or "").replace("|", "\\|").replace("\n", " ")


def markdown_article(report: ArticleReport, index: LedgerIndex) -> str:
    out = [f"## {cell(report.path)}", ""]
    if report.error:
        return "\n".join(out + [f"**Error:** {cell(report.error)}", ""])
    assert report.article is not None
    lines = Lines(report.article.source)
    out += [f"Election: **{report.election or 'unknown'}** ({cell(report.election_basis)})", ""]
    if not report.findings:
        return "\n".join(out + ["No result claims found.", ""])
    out += ["| where | verdict | claim | what | ledger | why |", "|---|---|---|---|---|---|"]
    for f in report.findings:
        loc = locate(report, lines, f.claim.start, f.claim.end)
        verdict = "ignored" if f.suppressed else f"{ICON[f.verdict]} {f.verdict.value}"
        why = f.reason if f.verdict is Verdict.UNVERIFIABLE else f.rule
        out.append(f"| {loc.line}:{loc.column} | {verdict} | {cell(f.claim.text)} | {cell(what(f, index))} | "
                   f"{cell(shown(f))} | {cell(why)} |")
    flagged = [f for f in report.findings if f.verdict in (Verdict.CONTRADICTED, Verdict.IMPRECISE) and not f.suppressed]
    for f in flagged:
        loc = locate(report, lines, f.claim.start, f.claim.end)
        c = f.claim
        text = report.article.text
        sentence = (cell(text[c.sentence_start:c.start].lstrip()) + f"**{cell(text[c.start:c.end])}**"
                    + cell(text[c.end:c.sentence_end].rstrip()))
        out += ["", f"### {ICON[f.verdict]} line {loc.line}: {cell(c.text)} ({f.verdict.value})", "", f"> {sentence}", ""]
        if f.derivation:
            out.append(f"- Ledger: {cell(f.derivation)}")
        if f.alternative:
            out.append(f"- Matches {cell(f.alternative.label)} ({f.alternative.status}): "
                       + ", ".join(f"[{cell(s.publisher)}]({s.url})" for s in f.alternative.sources))
        elif f.reason:
            out.append(f"- Note: {cell(f.reason)}")
        if f.related:
            out.append("- See also: " + "; ".join(cell(p.text) for p in f.related))
        if f.suggestion:
            out.append(f"- Suggested correction: **{cell(f.suggestion)}**")
        if f.sources:
            out.append("- Sources: " + "; ".join(f"[{cell(s.title)}]({s.url})" for s in f.sources))
    return "\n".join(out + [""])



def markdown_summary(summary: Summary) -> str:
    return "\n".join([
        "## Summary", "",
        "| articles | errors | supported | imprecise | contradicted | unverifiable | ignored |",
        "|---|---|---|---|---|---|---|",
        f"| {summary.articles} | {summary.errors} | {summary.supported} | {summary.imprecise} | {summary.contradicted} "
        f"| {summary.unverifiable} | {summary.suppressed} |", "",
        f"**{'FAIL' if summary.failed else 'pass'}** (fail on: {summary.fail_on.value})", "",
    ])


class MarkdownWriter(Writer):
    def start(self) -> None:
        self.out.write("# factcheck report\n\n")

    def render(self, report: ArticleReport) -> str:
        return markdown_article(report, self.index) + "\n"

    def finish(self, summary: Summary) -> None:
        self.out.write(markdown_summary(summary))
