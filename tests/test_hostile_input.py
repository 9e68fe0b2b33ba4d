"""The issue's hostile and pathological inputs, each reproduced: linear time, offsets kept, one clear line."""

from __future__ import annotations

import math
import re

import pytest

from factcheck.ingest.html import extract_html, html_depth, html_published
from factcheck.ingest.markdown import extract_markdown
from factcheck.numbers import find_numbers
from tests.linear_time import GROWTH, MAX_RATIO, growth, superlinear

# (stage, function, unit repeated to grow the input): the issue's slow files, grown
GROWING = [
    ("markdown", extract_markdown, "\n"),
    ("markdown", extract_markdown, " "),
    ("markdown", extract_markdown, " \n \n"),
    ("markdown", extract_markdown, "`"),
    ("markdown", extract_markdown, "["),
    ("markdown", extract_markdown, "![a]("),
    ("markdown", extract_markdown, "| --- "),
    ("markdown", extract_markdown, "<a "),
    ("html", extract_html, "<a "),
    ("html", extract_html, "<meta "),
    ("html", extract_html, "<script "),
    ("html", html_depth, "<div "),
    ("html", html_published, "<meta name=date "),
    ("html", html_published, "<time datetime='"),
    ("numbers", find_numbers, "1 "),
    ("numbers", find_numbers, "1,"),
    ("numbers", find_numbers, " "),
    ("numbers", find_numbers, "twenty "),
]


@pytest.mark.parametrize("stage, function, unit", GROWING, ids=[f"{s}-{u!r}" for s, _, u in GROWING])
def test_ingestion_and_number_parsing_grow_linearly_on_the_issues_inputs(stage, function, unit):
    size, small, large = growth(lambda n: (lambda text=unit * n + "x": function(text)))
    assert not superlinear(small, large), (f"{stage} on {unit!r} x {size:,}: {small * 1e3:.2f} ms, x {size * GROWTH:,}: "
                                           f"{large * 1e3:.2f} ms ({large / small:.0f}x, limit {MAX_RATIO:g}x)")


def test_a_claim_ending_in_an_html_entity_spans_the_whole_entity():
    source = "<p>Sadiq Khan won 55.2&#37; of the vote in 2021.</p>"
    text, offsets = extract_html(source)
    start = text.index("55.2%")
    s, e = offsets.span_to_source(start, start + len("55.2%"))
    assert source[s:e] == "55.2&#37;"


def test_an_entity_opening_a_claim_maps_to_its_start():
    source = "<p>Turnout fell by &minus;3 points.</p>"
    text, offsets = extract_html(source)
    start = text.index("−3")
    s, e = offsets.span_to_source(start, start + 2)
    assert source[s:e] == "&minus;3"


def test_markdown_keeps_the_blank_line_before_a_heading():
    text, _ = extract_markdown("Intro.\n\n# Heading\nBody.\n")
    assert text == "Intro.\n\nHeading\nBody.\n"


@pytest.mark.parametrize("source, kept, dropped", [
    ("`9,999` and 1,206,034", "1,206,034", "9,999"),
    ("``1,000 votes`` and 1,206,034", "1,206,034", "1,000"),
    ("[Khan won 1,206,034](http://x.org/123) votes", "1,206,034", "123"),
    ("![chart 12%](x.png) and 40%", "40%", "12%"),
    ("| a | b |\n|---|:---:|\n| 1,206,034 | 2 |", "1,206,034", "---"),
])
def test_markdown_markup_is_still_recognised_after_the_rewrite(source, kept, dropped):
    text, _ = extract_markdown(source)
    assert kept in text and dropped not in text


@pytest.mark.parametrize("figure", ["1" * 400, "1" + "0" * 400, "9" * 5000, "0." + "0" * 400 + "1",
                                    "1" * 20 + " billion", "99,999,999,999,999,999", "hundred " * 400])
def test_a_figure_of_more_than_fifteen_digits_is_not_read_and_nothing_overflows(figure):
    mentions = find_numbers(f"Khan won {figure} votes.")
    assert all(math.isfinite(x) for m in mentions for x in (m.value, m.lo, m.hi))
    assert not [m for m in mentions if len(re.sub(r"\D", "", m.text)) > 15 or "hundred hundred" in m.text]


def test_the_largest_figure_read_has_fifteen_digits():
    [m] = find_numbers("999,999,999,999,999 votes")
    assert m.value == 999_999_999_999_999
    assert find_numbers("1,000,000,000,000,000 votes") == []
