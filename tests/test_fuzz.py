"""Fuzzing the whole check, through every output format, with texts an attacker or a broken CMS might send.

Election vocabulary, every written form of a number (huge ones too), odd Unicode and markup, in plain text,
Markdown and HTML files. Every output must be produced without an exception, JSON must be strict (no NaN or
Infinity), Markdown must render no live markup, one-line formats must stay one line per finding, and every
offset must slice its mention. A few examples run by default; FACTCHECK_FUZZ_EXAMPLES=10000 runs a real campaign.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from xml.etree import ElementTree
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.check import ArticleReport, Checker, CheckOptions
from factcheck.report import Format, make_writer
from factcheck.report.model import Summary, one_line
from tests.linear_time import GROWTH, MAX_RATIO, growth, superlinear
from tests.test_report_safety import assert_inert, rendered

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "60"))
CHECKER = Checker(CheckOptions())

VOCABULARY = ["Sadiq Khan", "Khan", "Shaun Bailey", "Boris Johnson", "Ken Livingstone", "Sian Berry", "Count Binface",
              "Labour", "the Conservatives", "Lib Dems", "Green", "won", "took", "polled", "beat", "lost his deposit",
              "votes", "first preferences", "after second preferences", "a majority of", "turnout was", "per cent",
              "share", "points", "up", "down from", "more than", "almost", "around", "in 2021", "in 2004", "2016",
              "came third", "runner-up", "re-elected", "second term", "Barnet & Camden", "electorate", "rejected",
              "ballot papers", "the the the", "said", ".", ",", ";", ":", "(", ")", " - ", "—", "~", "\n", "\n\n"]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: f"{x:.1f}%"),
    st.floats(min_value=-20, max_value=20, allow_nan=False).map(lambda x: f"{x:+.2f} points"),
    st.integers(min_value=1, max_value=999).map(lambda n: f"{n} 000"),
    st.integers(min_value=1, max_value=99).map(lambda n: f"{n}\u00a0{n:03d}\u202f{n:03d}"),
    st.integers(min_value=16, max_value=600).map(lambda n: "9" * n),  # hundreds of digits
    st.integers(min_value=3, max_value=600).map(lambda n: "1" + "0" * n),  # hundreds of trailing zeros
    st.integers(min_value=1, max_value=60).map(lambda n: "0." + "0" * n + "1"),
    st.sampled_from(["one", "twenty-one", "eight million", "a third", "half", "1.2m", "3bn", "45k", "-4.19%",
                     "+0.25%", "6th", "977, 601", "1,206,034", "45.1&#37;", "12½", "٣٤٥", "１２３", "1e308", "inf",
                     "NaN", "hundred hundred hundred", "million " * 30, "£10,000", "$5m", "1/2/2021", "6 May 2021"]),
)
ODD_UNICODE = st.sampled_from(["\u200b", "\ufeff", "\u202e", "\u2066", "\u00ad", "\u0301", "\u2028", "\r", "\r\n",
                               "\t", "\x0b", "\x1b[31m", "\U0001f600", "\u00a0", "ﬁ", "İ", "ß", "\u3000"])
MARKUP = st.sampled_from(["<b>", "</b>", "<p>", "</p>", "<script>alert(1)</script>", "&amp;", "&lt;", "&#x3C;",
                          "<!--", "-->", "<![CDATA[", "<a href='javascript:alert(1)'>x</a>", "**", "__", "`", "```\n",
                          "[link](http://x.org/1)", "![img](x.png)", "# ", "> ", "| a | b |\n|---|---|\n", "---\n",
                          "<meta name=date content='2021-05-08'>", "[", "]", "<", "&"])
TEXTS = st.lists(st.one_of(st.sampled_from(VOCABULARY), NUMBERS, ODD_UNICODE, MARKUP, st.text(max_size=6)),
                 min_size=1, max_size=50).map(" ".join)
SUFFIXES = st.sampled_from([".txt", ".md", ".html"])


def strict_json(text: str):
    def refuse(constant: str):
        raise ValueError(f"{constant} in JSON output")

    return json.loads(text, parse_constant=refuse)


def render(fmt: Format, reports: list[ArticleReport]) -> str:
    out = io.StringIO()
    writer = make_writer(fmt, out, CHECKER.index)
    summary = Summary()
    writer.start()
    for report in reports:
        if report.error:
            writer.error(report.path, report.error)
        writer.article(report)
        summary.add(report.error, None if report.error else report.counts())
    writer.finish(summary)
    return out.getvalue()


def check_file(text: str, suffix: str) -> ArticleReport:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft\n<b>{suffix}"  # a hostile file name as well
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        [report] = CHECKER.check_batch([CHECKER.read(str(path))])
    return report


@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=TEXTS, suffix=SUFFIXES)
def test_every_format_survives_generated_articles(text: str, suffix: str):
    report = check_file(text, suffix)
    if report.error:
        assert "\n" not in report.error.split(": ", 1)[1]  # a bad input is one line
    else:
        article = report.article
        for f in report.findings:
            c = f.claim
            assert article.text[c.start:c.end] == c.text
            start, end = article.to_source(c.start, c.end)
            assert 0 <= start <= end <= len(article.source)
            if suffix == ".txt":
                assert article.source[start:end] == c.text
    reports = [report]
    for fmt in Format:
        output = render(fmt, reports)
        if fmt in (Format.JSON, Format.SARIF, Format.CLAIMREVIEW):
            strict_json(output)
        elif fmt is Format.MARKDOWN:
            assert_inert(rendered(output))
        elif fmt is Format.LINE:  # one line per finding, each naming the file (its newline escaped)
            lines = output.splitlines()
            assert len(lines) == len([f for f in report.findings if not f.suppressed])
            assert all(line.startswith(one_line(report.path) + ":") for line in lines)
        elif fmt is Format.JUNIT:
            ElementTree.fromstring(output)  # well-formed XML, whatever the article or its name holds
        elif fmt is Format.GITHUB:
            assert all(line.startswith(("::", "factcheck: ")) for line in output.splitlines())


@settings(max_examples=max(3, EXAMPLES // 20), deadline=None, derandomize=EXAMPLES <= 100,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=TEXTS)
def test_check_time_grows_linearly_with_the_article(text: str):
    unit = text.replace("\r", "\n") + "\n"
    # a whole check of a long article takes seconds, and more on a busy machine: a guard for hangs only
    size, small, large = growth(lambda n: (lambda: CHECKER.check_text(unit * n)), guard=120.0)
    assert not superlinear(small, large), (f"{small * 1e3:.1f} ms for {size:,} copies, {large * 1e3:.1f} ms for "
                                           f"{size * GROWTH:,} ({large / small:.0f}x, limit {MAX_RATIO:g}x)")
