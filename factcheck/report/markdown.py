"""`--format markdown`: a report to paste into a ticket or a CMS note, problems first."""

from __future__ import annotations

from factcheck.verify.article import ArticleReport
from factcheck.ledger.index import LedgerIndex
from factcheck.report.base import Writer
from factcheck.report.model import (GENERATED, Lines, Summary, election_line, ledger_json, locate, markdown_link,
                                    markdown_text)
from factcheck.report.wording import ICON, LABEL, note, shown, what, why
from factcheck.verify.findings import Finding, Verdict


def cell(text: str | None) -> str:
    """Any text from an article, a file name or the ledger: shown as text, never as markup (see markdown_text)."""
    return markdown_text(text)


def markdown_article(report: ArticleReport, index: LedgerIndex, findings: tuple[Finding, ...] | None = None) -> str:
    """One article: its election, each problem with its evidence, what could not be checked, then every figure."""
    out = [f"## {cell(report.path)}", ""]
    if report.error:
        return "\n".join(out + [f"**Could not be checked:** {cell(report.error)}", ""])
    assert report.article is not None
    findings = report.findings if findings is None else findings
    lines = Lines(report.article.source)
    ledger = ledger_json(index)
    out += [f"Checked against: **{cell(election_line(index, report.election) or 'no election identified')}** "
            f"({cell(report.election_basis)}); ledger {cell(ledger['path'])}, version {cell(ledger['version'])}", ""]
    if not findings:
        return "\n".join(out + ["No result claims found.", ""])
    problems = [f for f in findings if f.verdict in (Verdict.CONTRADICTED, Verdict.IMPRECISE) and not f.suppressed]
    for f in sorted(problems, key=lambda f: (f.verdict is not Verdict.CONTRADICTED, f.claim.start)):
        out += _problem(f, report, lines, index)
    unchecked = [f for f in findings if f.verdict is Verdict.UNVERIFIABLE and not f.suppressed]
    if unchecked:
        out += ["### Could not be checked", ""]
        for f in unchecked:
            loc = locate(report, lines, f.claim.start, f.claim.end)
            out.append(f"- line {loc.line}: **{cell(f.claim.text)}** ({cell(what(f, index, report.election))}): "
                       f"{cell(why(f))}")
        out.append("")
    out += ["### Every figure" if len(findings) == len(report.findings) else "### Figures listed", "",
            "| where | verdict | claim | what | ledger | why |", "|---|---|---|---|---|---|"]
    for f in findings:
        loc = locate(report, lines, f.claim.start, f.claim.end)
        verdict = "accepted (ignored)" if f.suppressed else f"{ICON[f.verdict]} {f.verdict.value}"
        out.append(f"| {loc.line}:{loc.column} | {verdict} | {cell(f.claim.text)} | "
                   f"{cell(what(f, index, report.election))} | {cell(shown(f))} | {cell(why(f))} |")
    return "\n".join(out + [""])


def _problem(f: Finding, report: ArticleReport, lines: Lines, index: LedgerIndex) -> list[str]:
    assert report.article is not None
    loc = locate(report, lines, f.claim.start, f.claim.end)
    c, text = f.claim, report.article.text
    sentence = (cell(text[c.sentence_start:c.start].lstrip()) + f"**{cell(text[c.start:c.end])}**"
                + cell(text[c.end:c.sentence_end].rstrip()))
    out = [f"### {ICON[f.verdict]} {LABEL[f.verdict].upper()}: line {loc.line}: {cell(c.text)}", "",
           f"> {sentence}", "", f"- About: {cell(what(f, index, report.election))}"]
    if figure := shown(f):
        out.append(f"- Ledger figure: **{cell(figure)}**")
    if f.suggestion:
        out.append(f"- Suggested correction: **{cell(f.suggestion)}**")
    if f.derivation:
        out.append(f"- How derived: {cell(f.derivation)}")
    if f.alternative:
        out.append(f"- Matches {cell(f.alternative.label)} ({cell(f.alternative.status)}): "
                   + ", ".join(markdown_link(s.publisher, s.url) for s in f.alternative.sources))
    else:
        out.append(f"- Why: {cell(f.rule)}")
        if (explained := note(f)) and explained != f.rule:
            out.append(f"- Note: {cell(explained)}")
    if f.related:
        out.append("- See also: " + "; ".join(cell(p.text) for p in f.related))
    if f.sources:
        out.append("- Sources: " + "; ".join(markdown_link(s.title, s.url) for s in f.sources))
    return out + [""]


def markdown_summary(summary: Summary) -> str:
    return "\n".join([
        "## Summary", "",
        "| articles | unchecked | supported | imprecise | contradicted | unverifiable | ignored |",
        "|---|---|---|---|---|---|---|",
        f"| {summary.articles} | {summary.errors} | {summary.supported} | {summary.imprecise} | {summary.contradicted} "
        f"| {summary.unverifiable} | {summary.suppressed} |", "",
        f"**{summary.status()}**", "",
    ])


class MarkdownWriter(Writer):
    def start(self) -> None:
        self.out.write(f"{GENERATED}\n# factcheck report\n\n")

    def render(self, report: ArticleReport) -> str:
        findings = self.listed(report)
        if self.quiet and not findings and not report.error:
            return ""
        return markdown_article(report, self.index, findings) + "\n"

    def finish(self, summary: Summary) -> None:
        self.out.write(markdown_summary(summary))
