"""The one number parser: every number in a text, with its value, unit, precision and hedge.

A written number is an interval set by how it is written: "55 per cent" covers [54.5, 55.5),
"1.8" covers [1.75, 1.85), "1.2 million" covers [1.15m, 1.25m), "200,000" covers [150,000, 250,000)
because its trailing zeros say it was rounded. Hedges written before it ("more than", "nearly",
"around") travel with the mention; the verifier applies them. Offsets are code points in the text.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from factcheck.trusted import trusted


class NumUnit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    POINTS = "points"  # percentage points
    ORDINAL = "ordinal"
    FRACTION = "fraction"  # "a third of", stated as a percentage value
    MONEY = "money"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"  # "three-year term", "eight-year hold"
    AGE = "age"
    MULTIPLE = "multiple"  # "four times as likely"


# Units that never state an election result.
NON_RESULT_UNITS = frozenset({NumUnit.MONEY, NumUnit.YEAR, NumUnit.DATE, NumUnit.TIME, NumUnit.DURATION,
                              NumUnit.AGE, NumUnit.MULTIPLE})


class Qualifier(StrEnum):
    MORE_THAN = "more than"
    AT_LEAST = "at least"
    LESS_THAN = "less than"
    AT_MOST = "at most"
    ALMOST = "almost"  # just below the stated figure
    JUST_OVER = "just over"
    AROUND = "around"


class NumberMention(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    start: int
    end: int
    text: str
    value: float
    lo: float  # the interval the written form stands for: [lo, hi)
    hi: float
    unit: NumUnit
    signed: bool = False  # written with an explicit + or -
    words: bool = False  # written in words ("twenty", "eight million")
    decimals: int = 0
    qualifier: Qualifier | None = None
    qualifier_text: str | None = None


# A figure of more than 15 digits (a quadrillion or more, or a long decimal) is no election result and is
# not read as a number: a float holds 15 significant digits exactly, and beyond ~308 it overflows to infinity
# (and infinity less infinity is NaN), which no JSON report may hold.
MAX_DIGITS = 15

# ---------------------------------------------------------------------------------------------
# Number words
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                  "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)}
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_SUFFIX_SCALE = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000,
                 "billion": 1_000_000_000, "thousand": 1_000}

_NUMWORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_WORDS = rf"(?:a\s+(?=(?:hundred|thousand|million|billion)\b))?(?:{_NUMWORD})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_NUMWORD}))*"

# Digits: grouped with one consistent separator (",", ", " as in "977, 601", a space or a
# no-break space as in "1 206 034"), or plain; then an optional decimal part.
_GROUPED = "|".join(rf"\d{{1,3}}(?:{sep}\d{{3}})+(?![\d])" for sep in (",", r",\s", "[ ]", "\u00a0", "\u202f", "\u2009"))
_DIGITS = rf"(?:{_GROUPED}|\d+)(?:\.\d+)?|\.\d+"

# "pc" stays on the figure's line and in lower case: "+3\nPC" is a change and Plaid Cymru's code
_PERCENT = r"(?:\s?(?:%|per[\s-]?cent\b|percent\b)|[ \u00a0]?(?:(?-i:pc)\b|p\.c\.))"
_POINTS = r"(?:\s?%?\s?(?:percentage[\s-]points?|points?|pts?|ppts?|pp)\b|-point\b|-percentage-point\b)"
_SCALE = r"(?:\s?(?:million|billion|thousand)\b|(?:m|mn|bn|k)\b)"
_SIGN = r"(?:(?<=[\s(\[,;:/])|^)[+\-−–](?=\d)"
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")

_MASTER = re.compile(
    rf"""
    (?P<date>
        \b\d{{4}}-\d{{2}}-\d{{2}}\b
      | \b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b
      | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?\b
      | \b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b
    )
  | (?P<time>\b\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{{1,2}}:\d{{2}}\b)
  | (?P<money>(?:£|\$|€|US\$)\s?(?:{_DIGITS})(?:{_SCALE})?)
  | (?P<fraction>\b(?:(?:a|one)[\s-](?P<frac1>half|third|quarter|fifth|tenth)
                   |(?P<fracn>two|three|four)[\s-](?P<fracd>thirds|quarters|fifths|tenths)
                   |(?P<half>half))(?=\s+(?:of|the)\b))
  | (?P<ordinal>\b\d{{1,2}}(?:st|nd|rd|th)\b|\b(?:{"|".join(_ORDINALS)})\b)
  | (?P<number>
        (?P<sign>{_SIGN})?
        (?:(?P<digits>{_DIGITS})|(?P<words>\b{_WORDS}\b))
        (?P<scale>{_SCALE})?
        (?P<unit>{_POINTS}|{_PERCENT})?
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Hedges read backwards from the number: the pattern is anchored at the end of the preceding text.
_HEDGES: list[tuple[Qualifier, str]] = [
    (Qualifier.JUST_OVER, r"just\s+(?:over|above)|a\s+little\s+over|slightly\s+(?:over|more\s+than)"),
    (Qualifier.ALMOST, r"almost|nearly|just\s+(?:under|below|short\s+of|shy\s+of)|not\s+quite|close\s+to|"
                       r"approaching|a\s+little\s+under|slightly\s+(?:under|less\s+than|below)"),
    (Qualifier.AT_LEAST, r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of"),
    (Qualifier.MORE_THAN, r"more\s+than|over|above|in\s+excess\s+of|upwards\s+of|exceeding|better\s+than"),
    (Qualifier.AT_MOST, r"at\s+most|up\s+to|as\s+(?:many|much)\s+as|no\s+more\s+than|a\s+maximum\s+of"),
    (Qualifier.LESS_THAN, r"(?:fewer|less)\s+than|under|below|short\s+of"),
    (Qualifier.AROUND, r"around|about|roughly|approximately|approx\.?|some|circa|c\.|an\s+estimated|"
                       r"estimated|in\s+the\s+region\s+of|more\s+or\s+less|or\s+so"),
]
_HEDGE_BEFORE = re.compile(
    "(?:" + "|".join(f"(?P<q{i}>\\b(?:{pattern}))" for i, (_, pattern) in enumerate(_HEDGES)) + r")\s+(?:a\s+)?$",
    re.IGNORECASE,
)
# No two runs of spaces side by side in these: "\s*(?:\s+plus)" splits a run of spaces every possible way.
_HEDGE_AFTER = re.compile(r"^(?:\+(?![\d.])|-plus\b|\s+(?:plus|or\s+more)\b|\s+(?P<orso>or\s+so)\b)", re.IGNORECASE)
_DURATION_AFTER = re.compile(r"^[\s-](?:year|month|week|day|hour|minute|decade)s?\b(?!\s+(?:ago|earlier))",
                             re.IGNORECASE)
_AGE = re.compile(r"^(?:-year-old|\s+years?\s+old)\b|^\s*(?:,\s*)?aged\b", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"\baged\s+$", re.IGNORECASE)
_MULTIPLE_AFTER = re.compile(r"^\s+times\b|^-fold\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_MONEY_AFTER = re.compile(r"^\s?(?:pounds|dollars|euros|pence|p)\b", re.IGNORECASE)


# Words that can start a number mention; with any token holding a digit or currency sign they are the only
# places worth trying the grammar above (the pipeline finds them with a lexeme flag, in C).
START_WORDS = frozenset([*_UNITS, *_TENS, *_SCALES, *_ORDINALS, "half", "a", "one", "two", "three", "four",
                         *_MONTHS.split("|")])


_DIGIT_OR_CURRENCY = re.compile(r"[\d£$€]|^[+\-−–]")


def can_start_number(token_text: str) -> bool:
    return bool(_DIGIT_OR_CURRENCY.search(token_text)) or token_text.lower() in START_WORDS


def find_numbers(text: str, starts: list[int] | None = None) -> list[NumberMention]:
    """Every number in `text`, in order, each with exact code-point offsets.

    `starts`, if given, lists the only offsets where a mention may begin (token starts the pipeline
    flagged); scanning only there gives the same mentions as scanning everywhere, much faster.
    """
    out: list[NumberMention] = []
    if starts is None:
        matches = _MASTER.finditer(text)
    else:
        matches = _matches_at(text, starts)
    for m in matches:
        mention = _mention(text, m)
        if mention is not None:
            out.append(mention)
    return out


def _matches_at(text: str, starts: list[int]):
    cursor = 0
    for start in starts:
        if start < cursor:
            continue
        m = _MASTER.match(text, start)
        if m is not None and m.end() > m.start():
            cursor = m.end()
            yield m


def _mention(text: str, m: re.Match[str]) -> NumberMention | None:
    start, end = m.start(), m.end()
    kind = m.lastgroup
    raw = m.group(0)
    if kind == "date":
        return _plain(start, end, raw, NumUnit.DATE, 0.0)
    if kind == "time":
        return _plain(start, end, raw, NumUnit.TIME, 0.0)
    if kind == "money":
        return _plain(start, end, raw, NumUnit.MONEY, 0.0)
    if kind == "fraction":
        return _fraction(text, m)
    if kind == "ordinal":
        return _plain(start, end, raw, NumUnit.ORDINAL, float(ordinal_value(raw)), words=raw.lower() in _ORDINALS)
    return _number(text, m)


def ordinal_value(word: str) -> int:
    """3 for "third" or "3rd"."""
    word = word.lower()
    return _ORDINALS.get(word) or int(re.match(r"\d+", word).group(0))  # type: ignore[union-attr]


def format_ordinal(n: int, words: bool) -> str:
    """"third" when the text spells ordinals out (up to twentieth), else "3rd"."""
    if words and n <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plain(start: int, end: int, raw: str, unit: NumUnit, value: float, words: bool = False) -> NumberMention:
    return trusted(NumberMention, start=start, end=end, text=raw, value=value, lo=value, hi=value, unit=unit,
                   signed=False, words=words, decimals=0, qualifier=None, qualifier_text=None)


def _fraction(text: str, m: re.Match[str]) -> NumberMention:
    if m.group("half"):
        value = 50.0
    elif m.group("frac1"):
        value = _FRACTIONS[m.group("frac1").lower()]
    else:
        value = _UNITS[m.group("fracn").lower()] * _FRACTIONS[m.group("fracd").lower().rstrip("s")]
    # A fraction is loose: "a third of the vote" fits roughly 30-36.7%.
    spread = max(2.5, value / 10)
    qualifier, qtext = _hedge(text, m.start(), m.end())
    return trusted(NumberMention, start=m.start(), end=m.end(), text=m.group(0), value=value, lo=value - spread,
                   hi=value + spread, unit=NumUnit.FRACTION, signed=False, words=True, decimals=0,
                   qualifier=qualifier, qualifier_text=qtext)


def _number(text: str, m: re.Match[str]) -> NumberMention | None:
    start, end = m.start(), m.end()
    digits, words, scale_text, unit_text = m.group("digits"), m.group("words"), m.group("scale"), m.group("unit")
    if words:
        value, step = _parse_words(words)
        if value is None or value >= 10.0**MAX_DIGITS:
            return None
        decimals = 0
    else:
        cleaned = _SEPARATORS.sub("", digits)
        if len(cleaned) - ("." in cleaned) > MAX_DIGITS:
            return None
        value = float(cleaned)
        decimals = len(cleaned.split(".", 1)[1]) if "." in cleaned else 0
        step = 10.0**-decimals if decimals else _rounding_step(cleaned)
    if scale_text:
        factor = _SUFFIX_SCALE[scale_text.strip().lower()]
        value *= factor
        step = (10.0**-decimals if not words else step) * factor
    sign = m.group("sign")
    if sign and sign in "-−–":
        value = -value
    unit = NumUnit.COUNT
    if unit_text:
        lowered = unit_text.lower()
        unit = NumUnit.POINTS if ("point" in lowered or "pt" in lowered or lowered.strip().startswith("pp")) else NumUnit.PERCENT
        if unit is NumUnit.PERCENT or unit is NumUnit.POINTS:
            step = 10.0**-decimals if not words else 1.0
    after = text[end:end + 24]
    before = text[max(0, start - 12):start]
    if unit is NumUnit.COUNT and not scale_text:
        if _MONEY_AFTER.match(after):
            unit = NumUnit.MONEY
        elif _AGE.match(after) or _AGED_BEFORE.search(before):
            unit = NumUnit.AGE
        elif _DURATION_AFTER.match(after):
            unit = NumUnit.DURATION
        elif _MULTIPLE_AFTER.match(after):
            unit = NumUnit.MULTIPLE
        elif not words and digits and _YEAR.fullmatch(digits) and not sign:
            unit = NumUnit.YEAR
    if unit in NON_RESULT_UNITS:
        step = 0.0
    half = step / 2
    qualifier, qtext = _hedge(text, start, end)
    return trusted(
        NumberMention, start=start, end=end, text=m.group(0), value=value, lo=value - half, hi=value + half,
        unit=unit, signed=bool(sign), words=bool(words), decimals=decimals, qualifier=qualifier, qualifier_text=qtext,
    )


def _rounding_step(integer: str) -> float:
    """Three or more trailing zeros say the figure was rounded to its last non-zero digit."""
    stripped = integer.rstrip("0")
    zeros = len(integer) - len(stripped)
    return 10.0**zeros if zeros >= 3 and stripped else 1.0


def _parse_words(phrase: str) -> tuple[float | None, float]:
    """'eight million' -> (8e6, 1e6); 'twenty-one' -> (21, 1); None past MAX_DIGITS digits."""
    total, current, step = 0, 0, 1.0
    seen = False
    for token in re.split(r"[\s-]+", phrase.lower()):
        if total >= 10**MAX_DIGITS or current >= 10**MAX_DIGITS:  # "hundred hundred hundred ..." grows without end
            return None, 1.0
        if token in ("and", "a") or not token:
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _SCALES:
            scale = _SCALES[token]
            total += max(current, 1) * scale
            current = 0
            step = float(scale)
        else:
            return None, 1.0
        seen = True
    if not seen:
        return None, 1.0
    value = float(total + current)
    return value, (step if current == 0 and total else 1.0)


_HEDGE_LAST_WORDS = frozenset(
    "than over above of excess upwards exceeding least minimum almost nearly under below shy quite to approaching "
    "over most as maximum around about roughly approximately approx approx. some circa c. estimated region less "
    "a".split())


def _hedge(text: str, start: int, end: int) -> tuple[Qualifier | None, str | None]:
    before = text[max(0, start - 40):start]
    words = before.split()
    m = _HEDGE_BEFORE.search(before) if words and words[-1].lower() in _HEDGE_LAST_WORDS else None
    if m:
        for i, (qualifier, _) in enumerate(_HEDGES):
            if m.group(f"q{i}"):
                return qualifier, m.group(f"q{i}")
    after = _HEDGE_AFTER.match(text[end:end + 12])
    if after:
        if after.group("orso"):
            return Qualifier.AROUND, after.group(0).strip()
        return Qualifier.AT_LEAST, after.group(0).strip()
    return None, None


def format_like(value: float, mention: NumberMention) -> str:
    """Write `value` in the style of `mention`: "161,210", "1.9 per cent", "8pc", "-4.19%"."""
    text = mention.text
    if mention.unit in (NumUnit.PERCENT, NumUnit.POINTS, NumUnit.FRACTION):
        decimals = max(mention.decimals, 0)
        number = f"{abs(value):.{decimals}f}" if decimals else f"{round(abs(value)):d}"
        sign = ("-" if value < 0 else "+") if mention.signed else ("-" if value < 0 else "")
        unit_match = re.search(rf"(?:{_POINTS}|{_PERCENT})$", text, re.IGNORECASE)
        suffix = unit_match.group(0) if unit_match else "%"
        return f"{sign}{number}{suffix}"
    scale = re.search(rf"{_SCALE}$", text, re.IGNORECASE)
    if scale:
        factor = _SUFFIX_SCALE[scale.group(0).strip().lower()]
        digits = mention.decimals
        return f"{value / factor:.{digits}f}{scale.group(0)}"
    if "," in text or value >= 10_000:
        return f"{round(value):,}"
    return f"{round(value)}"
