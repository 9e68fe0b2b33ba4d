"""The number parser: written forms, intervals, hedges, non-result units, and offsets (property tests)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.numbers import NumUnit, Qualifier, find_numbers, format_like

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
        "seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")


def only(text: str):
    found = [n for n in find_numbers(text)]
    assert len(found) == 1, found
    return found[0]


FILLER = st.sampled_from(["The count showed", "In total", "Reports said", "Officials put it at", "It reached"])
GROUPINGS = st.sampled_from([",", ", ", " ", "\u00a0", "\u202f"])


@given(value=st.integers(min_value=1_000, max_value=9_999_999), sep=GROUPINGS, lead=FILLER)
def test_grouped_count_parses_back_exactly_with_offsets(value: int, sep: str, lead: str):
    written = f"{value:,}".replace(",", sep)
    text = f"{lead} {written} votes."
    n = only(text)
    assert n.value == value and n.unit is NumUnit.COUNT
    assert text[n.start:n.end] == n.text == written
    assert n.lo <= value < n.hi


@given(value=st.integers(min_value=0, max_value=9999), decimals=st.integers(min_value=0, max_value=2),
       style=st.sampled_from(["%", " per cent", " percent", "pc", " per-cent"]), lead=FILLER)
def test_percentage_in_any_spelling_covers_its_rounding(value: int, decimals: int, style: str, lead: str):
    number = value / 10**decimals
    written = f"{number:.{decimals}f}{style}"
    text = f"{lead} {written} of the vote."
    n = only(text)
    assert n.unit is NumUnit.PERCENT
    assert n.value == pytest.approx(number)
    assert n.lo <= number < n.hi
    assert n.hi - n.lo == pytest.approx(10.0**-decimals)
    assert text[n.start:n.end] == n.text


@given(value=st.integers(min_value=1, max_value=99), scale=st.sampled_from([" million", "m", "bn", " billion"]),
       tenths=st.integers(min_value=0, max_value=9))
def test_scaled_count_interval_contains_value(value: int, scale: str, tenths: int):
    written = f"{value}.{tenths}{scale}"
    factor = 1e9 if "b" in scale else 1e6
    n = only(f"Roughly {written} ballots")
    true = (value + tenths / 10) * factor
    assert n.value == pytest.approx(true)
    assert n.lo <= true < n.hi
    assert n.hi - n.lo == pytest.approx(0.1 * factor)


@given(value=st.integers(min_value=0, max_value=99))
def test_number_words_parse_to_their_value(value: int):
    n = only(f"It had {words(value)} candidates.")
    assert n.words and n.value == value
    assert n.lo <= value < n.hi


@given(value=st.integers(min_value=1, max_value=99))
def test_worded_millions_are_rounded_to_the_million(value: int):
    n = only(f"a city of {words(value)} million people")
    assert n.value == value * 1e6
    assert (n.lo, n.hi) == (value * 1e6 - 5e5, value * 1e6 + 5e5)


@given(value=st.integers(min_value=1, max_value=999), decimals=st.integers(min_value=0, max_value=2),
       negative=st.booleans())
def test_signed_change_keeps_its_sign(value: int, decimals: int, negative: bool):
    number = value / 10**decimals
    written = f"{'-' if negative else '+'}{number:.{decimals}f}%"
    n = only(f"(share {written})")
    assert n.signed
    assert n.value == pytest.approx(-number if negative else number)


@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_offsets_always_slice_the_mention_out_of_any_text(text: str):
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text
        assert n.lo <= n.hi


@pytest.mark.parametrize("text, value, lo, hi", [
    ("977, 601", 977_601, 977_600.5, 977_601.5),
    ("1 206 034", 1_206_034, 1_206_033.5, 1_206_034.5),
    ("55 per cent", 55, 54.5, 55.5),
    ("1.8", 1.8, 1.75, 1.85),
    ("1.2 million", 1.2e6, 1.15e6, 1.25e6),
    ("200,000", 200_000, 150_000, 250_000),
    ("eight million", 8e6, 7.5e6, 8.5e6),
    ("8pc", 8, 7.5, 8.5),
    ("40.05%", 40.05, 40.045, 40.055),
])
def test_stated_precision_sets_the_interval(text, value, lo, hi):
    n = only(text)
    assert n.value == pytest.approx(value)
    assert (n.lo, n.hi) == (pytest.approx(lo), pytest.approx(hi))


@pytest.mark.parametrize("text, unit", [
    ("a 14-point win", NumUnit.POINTS), ("3.2 percentage points", NumUnit.POINTS), ("up 2 points", NumUnit.POINTS),
    ("6% points ahead", NumUnit.POINTS), ("came third", NumUnit.ORDINAL), ("the 6th place", NumUnit.ORDINAL),
    ("a third of the vote", NumUnit.FRACTION), ("half of voters", NumUnit.FRACTION),
    ("£10,000 deposit", NumUnit.MONEY), ("$5m", NumUnit.MONEY), ("at 11pm", NumUnit.TIME), ("8.00pm", NumUnit.TIME),
    ("on 8 May 2021", NumUnit.DATE), ("2021-05-08", NumUnit.DATE), ("in 2016", NumUnit.YEAR),
    ("aged 52", NumUnit.AGE), ("a 52-year-old", NumUnit.AGE), ("a three-year term", NumUnit.DURATION),
    ("four times as likely", NumUnit.MULTIPLE), ("10,000 pounds", NumUnit.MONEY),
])
def test_units_are_recognised(text, unit):
    assert find_numbers(text)[0].unit is unit


@pytest.mark.parametrize("text, qualifier", [
    ("more than 200,000", Qualifier.MORE_THAN), ("over eight million", Qualifier.MORE_THAN),
    ("at least 20", Qualifier.AT_LEAST), ("fewer than 30,000", Qualifier.LESS_THAN), ("under 5%", Qualifier.LESS_THAN),
    ("almost 230,000", Qualifier.ALMOST), ("nearly 40 per cent", Qualifier.ALMOST), ("just under 813,000", Qualifier.ALMOST),
    ("around 40 per cent", Qualifier.AROUND), ("about 1.2m", Qualifier.AROUND), ("roughly 3,000", Qualifier.AROUND),
    ("some 20 candidates", Qualifier.AROUND), ("approximately 45%", Qualifier.AROUND), ("just over 55%", Qualifier.JUST_OVER),
    ("a 200,000-plus majority", Qualifier.AT_LEAST),
])
def test_hedges_travel_with_the_number(text, qualifier):
    assert find_numbers(text)[-1].qualifier is qualifier


def test_just_and_only_are_emphasis_not_hedges():
    assert find_numbers("a margin of just 161,202")[0].qualifier is None
    assert find_numbers("only 1.8 per cent")[0].qualifier is None


def test_list_of_counts_is_not_merged_into_one_number():
    assert [n.value for n in find_numbers("1,013,721, 192,313")] == [1_013_721, 192_313]


@pytest.mark.parametrize("value, written, expected", [
    (161_210, "161,202", "161,210"), (1.88176, "1.8 per cent", "1.9 per cent"), (50.28, "51pc", "50pc"),
    (-4.1865, "-4.19%", "-4.19%"), (1_254_000, "1.2 million", "1.3 million"), (42.73, "41.86%", "42.73%"),
])
def test_corrections_are_written_in_the_article_style(value, written, expected):
    assert format_like(value, find_numbers(written)[0]) == expected
