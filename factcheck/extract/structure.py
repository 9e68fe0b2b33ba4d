"""Structure around prose: results rows, table columns and section headings.

A results row ("2. Jane Smith (Party) 412,345 (21.07%)", "Smith, Green: 197,976", a table row whose cells
the header names) binds its figures to the row's name as firmly as a clause does. A heading ("First
count", "Barnet and Camden", "London Assembly results") sets the round, the contest, or another body,
for the lines below it until prose resumes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.context import ArticleText, Sent
from factcheck.nlp.mentions import EntityKind, EntityMention
from factcheck.kinds import Kind, Round
from factcheck.numbers import NON_RESULT_UNITS, NumberMention, NumUnit

I = re.IGNORECASE

LIST_MARKER = re.compile(r"(?<![ \t])[ \t]*+(?:\d{1,2}[.)]|[-•*–·▪►]|\(\w\))\s+")
# What may sit between a row's name and its first figure: a party in brackets, a ballot description
# after a comma, a colon or dash, a few capitalised words, a verb of the kind results lines use.
ROW_LABEL_TAIL = re.compile(
    r"^(?:['’]s?)?(?:\s*+(?:\([^()\d]{0,40}\)|[,:|–—-]|[A-Z][\w’'&.-]*+|and|of|the|for|Co-operative|"
    r"(?:won|got|polled|took|had|on|with|received|secured|up|down|from|rose|fell)\b|(?i:(?:first|second|final|1st|2nd)[\s-]"
    r"(?:preferences?|round|count|choice)|votes?|share)))*+\s*$")
# What may follow a figure in a row: more figures, units and brackets, never prose.
ROW_TAIL = re.compile(
    r"^(?:\s*+(?:[\d.,%()+=\-−–/|:]|per\s*cent|percent|pc|votes?|first[\s-]preferences?|second[\s-]preferences?|"
    r"pts?|points?|seats?|(?:first|second|final)\s+(?:round|count)|total|to|from|[A-Z][\w’'&.-]*+(?=\s*[(:\d|])))*+\s*$", I)
# A row naming what it counts rather than whose it is: "| Turnout |", "Electorate:", "Majority".
TOTALS_LABEL = re.compile(r"(?<![\w’'-])(?:turnout|electorate|registered\s+voters|majority|margin|valid\s+votes|"
                          r"rejected(?:\s+ballots)?|spoilt\s+ballots|ballots\s+cast|votes\s+cast|total\s+votes?|"
                          r"(?:[\w’'-]++,?\s+){1,3}(?:first|second|final)[\s-](?:preferences?|round|count))[\s|:,*]*(?:[–—-]\s*)?", I)

CELL_SPLIT = re.compile(r"\t|\s{2,}|\|")  # cells are stripped, so "| " needs no pattern of its own

# Column headings and what a figure under them counts.
COLUMN_KINDS: tuple[tuple[re.Pattern[str], Kind | None, Round | None], ...] = (
    (re.compile(r"^(?:\+/?-|±|change|chg|swing|diff(?:erence)?)(?!\w)", I), Kind.SHARE_CHANGE, None),
    (re.compile(r"^(?:1st|first)[\s-]*(?:round|count|pref(?:erence)?s?|choice)\b.*(?:%|share|per\s*cent)", I),
     Kind.SHARE, Round.FIRST),
    (re.compile(r"^(?:2nd|second|final)[\s-]*(?:round|count|stage)\b.*(?:%|share|per\s*cent)", I),
     Kind.SHARE, Round.FINAL),
    (re.compile(r"^(?:%|share|per\s*cent|percent|vote\s+share|pct)", I), Kind.SHARE, None),
    (re.compile(r"^(?:1st|first)[\s-]*(?:round|count|pref(?:erence)?s?|choice)", I), Kind.VOTES, Round.FIRST),
    (re.compile(r"^(?:2nd|second)[\s-]*(?:pref(?:erence)?s?|choice)|^transfers?", I), Kind.TRANSFERS, Round.FINAL),
    (re.compile(r"^(?:final|second\s+round|2nd\s+round|total|run-?off)", I), Kind.VOTES, Round.FINAL),
    (re.compile(r"^seats?\b", I), Kind.SEATS, None),
    (re.compile(r"^(?:majority|margin)\b", I), Kind.MARGIN_VOTES, None),
    (re.compile(r"^turnout\b", I), Kind.TURNOUT, None),
    (re.compile(r"^votes?\b", I), Kind.VOTES, None),
    (re.compile(r"^(?:candidate|name|party|constituency|seat|description|affiliation|mp|winner)\b", I), None, None),
)
HEADING_WORDS = re.compile(r"^[\w&’'(),.\s:/-]{1,70}$")
FIRST_HEADING = re.compile(r"\b(?:first|1st)[\s-]*(?:round|count|pref\w*|choice|stage)", I)
FINAL_HEADING = re.compile(r"\b(?:second|2nd|final)[\s-]*(?:round|count|stage)|\bafter\s+(?:second|2nd)[\s-]*pref|"
                           r"\brun-?off\b|\bfinal\s+result", I)
TRANSFER_HEADING = re.compile(r"\b(?:second|2nd)[\s-]*(?:pref\w*|choice)|\btransfers?\b", I)
# A heading over another body's or another contest's results; cues from English, the bodies from the data.
OTHER_BODY_HEADING = re.compile(r"\b(?:assembly|council|councils|councillors|(?:party|london-?wide|regional|additional)\s+"
                                r"list|list\s+(?:votes?|seats?|members?|results?|candidates?|ballots?)|by-?election|locals?|"
                                r"local\s+elections?|police|commissioner|referendum|europe(?:an)?|"
                                r"nationally|national\s+(?:results?|picture|vote)|elsewhere|poll(?:s|ing)?)\b", I)


_NOT_FIGURES = NON_RESULT_UNITS | {NumUnit.ORDINAL}


@dataclass(frozen=True, slots=True)
class Column:
    """What a header says of the figures below it: what they count, which round, which election's."""

    kind: Kind | None = None
    round: Round | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """A results row: its name (or, in a table of totals, the words naming what it counts), and what its
    figure's column says."""

    label: EntityMention | None
    start: int  # the line
    end: int
    column: Column | None = None  # the figure's column, when a header names it
    counts: int = 1  # how many vote-sized counts the row holds ("1,043,761 42.48% 124,977 1,168,738": three)
    label_text: str = ""  # the row's opening words


@dataclass(slots=True)
class Section:
    """What a heading says about the lines below it."""

    round: Round | None = None
    scope: EntityMention | None = None
    other_body: str | None = None  # the heading, when it introduces another body's results
    columns: tuple[Column, ...] | None = None
    label_cells: int = 0
    rows_follow: bool = False  # the heading shares its sentence with the rows below it


def heading(article: ArticleText, sent: Sent) -> Section | None:
    """The section a heading line opens, or None when the sentence is not a heading.

    A table's header row may be run together with the rows below it into one "sentence"; it still counts,
    and the caller goes on to read the rows (see `header_line`)."""
    text = article.text[sent.start:sent.end].strip()
    first_line = header_line(article, sent)
    if first_line is not None:
        return first_line
    if not text or len(text) > 160 or text.endswith((".", "?", "!")):
        return None
    if any(n.unit not in (NumUnit.ORDINAL, NumUnit.YEAR, NumUnit.DATE) for n in sent.numbers):
        return None
    columns = _columns(text)
    if columns is not None:
        kinds, labels = columns
        return Section(columns=kinds, label_cells=labels)
    if len(text) > 70 or len(text.split()) > 8 or not HEADING_WORDS.match(text):
        return None
    if OTHER_BODY_HEADING.search(text):
        return Section(other_body=text)
    if FIRST_HEADING.search(text):
        return Section(round=Round.FIRST)
    if FINAL_HEADING.search(text):
        return Section(round=Round.FINAL)
    if TRANSFER_HEADING.search(text):
        return Section()  # rows below give transfers, often with the sums they make: no one round
    places = [e for e in sent.entities if e.kind is EntityKind.CONSTITUENCY]
    if len(places) == 1 and not sent.people():
        return Section(scope=places[0])
    return None


# Column headings as they run together when a table is pasted as text: "Party 1st choice votes 1st choice %".
COLUMN_SCAN = re.compile(
    r"(?:candidate(?:\s+name)?|name|party(?:\s+name)?|description|constituency)(?=\s|$)|"
    r"(?:1st|first|2nd|second|final)[\s-]*(?:round|count|pref(?:erence)?s?|choice)?[\s-]*(?:votes?|%|share|per\s*cent)?|"
    r"(?:total|final)\s+votes?|vote\s+share|votes?|%|share|change|\+/-|±|transfers?|seats?|majority|turnout", I)


YEAR_CELL = re.compile(r"(?:19|20)\d\d")


def _columns(text: str) -> tuple[tuple[Column, ...], int] | None:
    """A table's header row: two or more cells, at least one naming a figure column (or an election's year)."""
    cells = [c.strip() for c in CELL_SPLIT.split(text) if c.strip()]
    if len(cells) < 2:
        cells = _scanned_cells(text)
    if len(cells) < 2:
        return None
    kinds: list[Column] = []
    labels = 0
    for cell in cells:
        if YEAR_CELL.fullmatch(cell):
            kinds.append(Column(year=int(cell)))
            continue
        for pattern, kind, round_ in COLUMN_KINDS:
            if pattern.search(cell):
                if kind is None:
                    labels += 1
                else:
                    kinds.append(Column(kind, round_))
                break
        else:
            return None
    return (tuple(_changes_follow(kinds)), labels) if kinds else None


# A bare "Change" column changes the figure to its left: seats, a share, or votes (which the ledger has no
# change for, so the figure is left unclear rather than read as a share).
_CHANGE_OF = {Kind.SEATS: Kind.SEAT_CHANGE, Kind.SHARE: Kind.SHARE_CHANGE, Kind.TURNOUT: Kind.TURNOUT_CHANGE,
              Kind.VOTES: Kind.UNKNOWN}


def _changes_follow(columns: list[Column]) -> list[Column]:
    out: list[Column] = []
    for column in columns:
        if column.kind is Kind.SHARE_CHANGE and out and out[-1].kind in _CHANGE_OF:
            column = Column(_CHANGE_OF[out[-1].kind], column.round, column.year)
        out.append(column)
    return out


def header_line(article: ArticleText, sent: Sent) -> Section | None:
    """A column header on the first line of a sentence that runs on into table rows."""
    start, end = article.line_of(sent.start)
    if end >= sent.end - 1:
        return None
    line = article.text[start:end].strip()
    if not line or any(start <= n.start < end and n.unit not in (NumUnit.ORDINAL, NumUnit.YEAR) for n in sent.numbers):
        return None
    columns = _columns(line)
    return Section(columns=columns[0], label_cells=columns[1], rows_follow=True) if columns else None


def _scanned_cells(text: str) -> list[str]:
    """Header cells read off a line whose cells are separated by single spaces, if every word belongs to one."""
    cells, position = [], 0
    for m in COLUMN_SCAN.finditer(text):
        if text[position:m.start()].strip():
            return []
        cells.append(m.group(0))
        position = m.end()
    return cells if not text[position:].strip() else []


def row_of(article: ArticleText, sent: Sent, number: NumberMention, section: Section | None) -> Row | None:
    """The results row holding `number`, if its line is one."""
    start, end = article.line_of(number.start)
    if end - start > 160:
        return None
    text = article.text
    marker = LIST_MARKER.match(text, start, end)
    label_from = marker.end() if marker else start
    labels = [e for e in sent.entities if start <= e.start and e.end <= number.start
              and e.kind in (EntityKind.PERSON, EntityKind.PARTY)]
    figures = [n for n in sent.numbers if start <= n.start < end and n.unit not in _NOT_FIGURES]
    if not figures or not ROW_TAIL.match(_without(text, figures, figures[0].start, end)):
        return None
    first = _first_figure(sent, start, end)
    label: EntityMention | None = None
    if labels:
        label = labels[0]
        if text[label_from:label.start].strip(" \t|*") or not ROW_LABEL_TAIL.match(text[label.end:first]):
            return None
    elif not (TOTALS_LABEL.fullmatch(text, _skip(text, label_from, first), first) and (
            section is not None and section.columns or _set_off(text[label_from:first]))):
        return None  # a row of totals ("| Turnout | 45.3% | 38.8% |", "Turnout: 67.2%")
    column = None
    if section is not None and section.columns:
        position = [n.start for n in figures].index(number.start) if number in figures else -1
        if 0 <= position < len(section.columns) and len(figures) <= len(section.columns):
            column = section.columns[position]
            if not _fits(column, number):
                column = None  # the header was misread, or the cells are out of line: trust neither
    counts = sum(1 for n in figures if n.unit is NumUnit.COUNT and n.value >= 100)
    return Row(label=label, start=start, end=end, column=column, counts=counts,
               label_text=text[label_from:first].strip(" \t|*:,–—-"))


_COUNT_COLUMNS = frozenset({Kind.VOTES, Kind.SEATS, Kind.MARGIN_VOTES, Kind.TRANSFERS})
_SHARE_COLUMNS = frozenset({Kind.SHARE, Kind.TURNOUT})


def _fits(column: Column, number: NumberMention) -> bool:
    """Whether a figure can be what its column heading says: no percentage counts votes or seats, and
    no count of a hundred or more is a share."""
    if column.kind in _COUNT_COLUMNS:
        return number.unit is not NumUnit.PERCENT
    if column.kind in _SHARE_COLUMNS:
        return not (number.unit is NumUnit.COUNT and number.value >= 100)
    return True


# A results card laid out one value per line, as widgets scrape: "LAB / 411 / +211", "Con / 318 / Net change / -13".
CARD_CAPTION = re.compile(r"(?:net\s+)?(?:change|gains?|loss(?:es)?|seats?(?:\s+won)?|votes?|(?:vote\s+)?share|\+/-)",
                          re.IGNORECASE)  # words between a card's values: "Net change"
CARD_VALUE = re.compile(r"[+\-−–]?[\d,.]+%?|\(?[+\-−–]?\d+\)?")  # a line holding one value and nothing else
CARD_SEATS = re.compile(r"\bseats?\b", re.IGNORECASE)


def card_of(article: ArticleText, number: NumberMention) -> tuple[EntityMention, int] | None:
    """The name heading the card that holds `number` alone on its line, and which value of the card it is
    (0 for the first), if the lines above are a name line followed only by values and captions."""
    text = article.text
    start, end = article.line_of(number.start)
    if text[start:end].strip() != number.text:
        return None
    position, line_end = 0, start - 1
    for _ in range(4):
        if line_end < 0:
            return None
        line_start, _ = article.line_of(line_end)
        line = text[line_start:line_end].strip()
        label = article.entity_at(line_start, line_end)
        if label is not None and text[label.start:label.end].strip() == line and \
                label.kind in (EntityKind.PARTY, EntityKind.PERSON):
            return label, position
        if not line or not (_figure_line(line) or CARD_CAPTION.fullmatch(line)):
            return None
        position += _figure_line(line)
        line_end = line_start - 1
    return None


def _figure_line(line: str) -> bool:
    return bool(CARD_VALUE.fullmatch(line))


def card_kind(article: ArticleText, number: NumberMention, position: int, seats: bool) -> Kind | None:
    """What a card's value counts: seats and their change, where seats are elected and the line just above the
    block of cards says it counts seats ("650 of 650 seats declared", "Number of seats won"). Cards of votes
    carry no such caption and are left alone: whose contest they are is not on the card."""
    if not seats or number.unit is not NumUnit.COUNT or number.decimals or abs(number.value) >= 650:
        return None
    if not CARD_SEATS.search(_caption_above_cards(article, number)):
        return None
    return Kind.SEAT_CHANGE if number.signed or position > 0 else Kind.SEATS


def _caption_above_cards(article: ArticleText, number: NumberMention) -> str:
    """The first line above the block of card lines (names, values, captions) holding `number`."""
    text = article.text
    end = article.line_of(number.start)[0] - 1
    for _ in range(200):
        if end < 0:
            return ""
        start, _ = article.line_of(end)
        line = text[start:end].strip()
        if line and not (_figure_line(line) or CARD_CAPTION.fullmatch(line) or len(line) <= 24 and
                         article.entity_at(start, end) is not None):
            return line
        end = start - 1
    return ""


def _set_off(label: str) -> bool:
    """Outside a table a totals row needs its label set off: "Turnout: 67.2%", "Electorate - 71,000"."""
    label = label.rstrip()
    return label.endswith(":") or (len(label) > 1 and label[-1] in "-–—" and label[-2].isspace())


def _skip(text: str, start: int, end: int) -> int:
    """The first position in [start, end) that is not space or table rule."""
    while start < end and text[start] in " \t|*":
        start += 1
    return start


def _first_figure(sent: Sent, start: int, end: int) -> int:
    for n in sent.numbers:
        if start <= n.start < end and n.unit not in _NOT_FIGURES:
            return n.start
    return end


def _without(text: str, figures: list[NumberMention], start: int, end: int) -> str:
    """The text of [start, end) with the figures blanked out, so only what joins them remains."""
    out, position = [], start
    for n in figures:
        if n.start < position:
            continue
        out.append(text[position:n.start])
        out.append(" ")
        position = n.end
    out.append(text[position:end])
    return "".join(out)
