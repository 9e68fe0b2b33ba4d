"""`--format junit`: JUnit XML for CI systems that read test reports (Jenkins, GitLab, Azure, CircleCI).

An article is a test suite and each figure a test case. A figure at or above the --fail-on level is a
failure; an unverifiable figure below it, or an accepted one, is skipped; an article that could not be
read is a suite with one error.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from factcheck.verify.article import ArticleReport
from factcheck.report.base import Writer
from factcheck.report.model import FAILING, Lines, Summary, clean, locate
from factcheck.report.wording import message, what
from factcheck.verify.findings import Verdict


def _attr(text: str) -> str:
    return quoteattr(clean(text))


class JunitWriter(Writer):
    separator = "\n"

    def start(self) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="factcheck">\n')

    def render(self, report: ArticleReport) -> str:
        path = _attr(report.path)
        if report.error or report.article is None:
            return (f'<testsuite name={path} tests="1" failures="0" errors="1" skipped="0">\n'
                    f'  <testcase classname={path} name="read" file={path}>'
                    f'<error type="input" message={_attr(report.error or "")}/></testcase>\n</testsuite>')
        failing = set(FAILING[self.fail_on])
        lines = Lines(report.article.source)
        cases, failures, skipped = [], 0, 0
        for f in self.listed(report):
            loc = locate(report, lines, f.claim.start, f.claim.end)
            name = _attr(f"{loc.line}:{loc.column} {f.claim.text} ({what(f, self.index, report.election)})")
            text = message(f, self.index, report.election)
            if f.suppressed:
                body, skipped = f"<skipped message={_attr('accepted: ' + f.verdict.value)}/>", skipped + 1
            elif f.verdict.value in failing:
                body = (f"<failure type={_attr(f.verdict.value)} message={_attr(f.verdict.value + ': ' + text)}>"
                        f"{escape(clean(text))}</failure>")
                failures += 1
            elif f.verdict is Verdict.UNVERIFIABLE:
                body, skipped = f"<skipped message={_attr('unverifiable: ' + text)}/>", skipped + 1
            elif f.verdict is Verdict.SUPPORTED:
                body = ""
            else:
                body = f"<system-out>{escape(clean(f.verdict.value + ': ' + text))}</system-out>"
            cases.append(f'  <testcase classname={path} name={name} file={path} line="{loc.line}">{body}</testcase>')
        if self.quiet and not cases:
            return ""
        return (f'<testsuite name={path} tests="{len(cases)}" failures="{failures}" errors="0" skipped="{skipped}">\n'
                + "".join(c + "\n" for c in cases) + "</testsuite>")

    def finish(self, summary: Summary) -> None:
        self.out.write(("\n" if self._written else "") + "</testsuites>\n")
