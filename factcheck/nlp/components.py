"""Our spaCy components, registered as `factcheck_*`.

Each component finds its mentions with a `match(doc)` method and writes them as a list of typed
mentions on a Doc extension, so the finding logic can be tested on a hand-built doc.
"""

from __future__ import annotations

import re
from statistics import median

import numpy
from rapidfuzz import fuzz, process
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from factcheck.nlp.mentions import EntityKind, EntityMention
from factcheck.ledger.index import load_index
from factcheck.nlp.names import TITLES, NameTable, looks_like_other_first_name
from factcheck.numbers import NumberMention, can_start_number, find_numbers
from factcheck.trusted import trusted

for _name in ("fc_numbers", "fc_entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# A party code heading a table row ("Con   365   +48", "| LD | 11 |", "SF\n7"): the first cell of its line,
# a figure straight after it.
_ROW_START = re.compile(r"(?:^|\n)[ \t|*•-]*$")
_ROW_FIGURE = re.compile(r"(?<![ \t|:])[ \t|:]*(?:\n[ \t|]*)?[+\-−–]?\d")
_PLACE_NOUNS = frozenset({"Street", "Road", "Lane", "Avenue", "Square", "Park", "Hall", "Bridge", "Place",
                          "Gardens", "Way", "Hill", "Station", "House", "Court", "Estate"})
_TERMINAL = re.compile(r"""[.!?:;"'”’)\]]\s*$""")


def doc_text(doc: Doc) -> str:
    """The text a doc was made from: kept on the doc, because `doc.text` rebuilds it token by token."""
    text = doc.user_data.get("fc_text")
    return text if text is not None else doc.text


@Language.factory("factcheck_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp)


class SentenceSplitter:
    """Sentence starts: after sentence-final punctuation (spaCy's sentencizer rule) and at line breaks
    (headlines, tables, captions), except soft wraps inside hard-wrapped prose. Vectorised over token
    arrays, because a loop over Token objects costs as much as tokenising."""

    def __init__(self, nlp: Language):
        from spacy.pipeline import Sentencizer

        punct_chars = frozenset(Sentencizer.default_punct_chars)
        self.end_flag = nlp.vocab.add_flag(lambda text: text in punct_chars)  # once per word type, in C

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        array = doc.to_array([self.end_flag, IS_PUNCT, IS_SPACE, IDX]).astype("int64", copy=False)
        ends, punct, space, idx = array[:, 0] == 1, array[:, 1], array[:, 2], array[:, 3]
        words = numpy.flatnonzero((punct == 0) & ~ends)
        starts = set()
        period = numpy.flatnonzero(ends)
        if len(period) and len(words):
            following = numpy.searchsorted(words, period, side="right")
            starts.update(words[following[following < len(words)]].tolist())
        starts.update(self._line_starts(doc_text(doc), idx, space))
        starts.discard(0)
        # SENT_START is 1 for a start and -1 for "not a start"; from_array wants uint64, so -1 wraps
        sent_starts = numpy.full(len(doc), -1, dtype="int64")
        sent_starts[0] = 1
        if starts:
            sent_starts[sorted(starts)] = 1
        doc.from_array([SENT_START], sent_starts.astype("uint64").reshape(-1, 1))
        return doc

    @staticmethod
    def _line_starts(text: str, idx, space) -> list[int]:
        if "\n" not in text:
            return []
        lines = text.split("\n")
        long_lines = [len(line) for line in lines if len(line) >= 50]
        wrapped = len(long_lines) >= 5 and sum(
            1 for line in lines if len(line) >= 50 and not _TERMINAL.search(line)) >= 0.6 * len(long_lines)
        width = median(long_lines) if wrapped else 0
        out = []
        position = text.find("\n")
        while position >= 0:
            end = position
            while end < len(text) and text[end].isspace():
                end += 1
            i = int(numpy.searchsorted(idx, end))
            if i < len(idx) and not space[i]:
                soft = False
                if "\n\n" not in text[position:end]:
                    line_start = text.rfind("\n", 0, position) + 1
                    previous_line = text[line_start:position].rstrip()
                    open_ended = bool(previous_line) and not _TERMINAL.search(previous_line)
                    # a hard-wrapped paragraph: lines of about the same width, or a line running on in lower case
                    soft = open_ended and ((wrapped and len(previous_line) >= 0.75 * width) or text[end].islower())
                if not soft:
                    out.append(i)
            position = text.find("\n", end)
        return out


@Language.factory("factcheck_numbers")
def make_numbers(nlp: Language, name: str) -> NumberFinder:
    return NumberFinder(nlp)


class NumberFinder:
    """Number mentions, parsed by the one number parser at the tokens that can start one."""

    def __init__(self, nlp: Language):
        # A lexeme flag is computed once per word type, so finding candidates is a vectorised lookup.
        self.flag = nlp.vocab.add_flag(can_start_number)

    def __call__(self, doc: Doc) -> Doc:
        doc._.fc_numbers = self.match(doc)
        return doc

    def match(self, doc: Doc) -> list[NumberMention]:
        array = doc.to_array([self.flag, IDX])
        starts = array[array[:, 0] == 1][:, 1].tolist()
        return find_numbers(doc_text(doc), starts)


@Language.factory("factcheck_names", default_config={"ledger": None, "fuzzy_cutoff": 88.0})
def make_names(nlp: Language, name: str, ledger: str | None, fuzzy_cutoff: float) -> NameFinder:
    return NameFinder(nlp, ledger, fuzzy_cutoff)


class NameFinder:
    """Candidates, parties, constituencies and boroughs, from the ledger's aliases."""

    def __init__(self, nlp: Language, ledger: str | None, fuzzy_cutoff: float):
        self.table = NameTable.from_registry(load_index(ledger).registry)
        self.fuzzy_cutoff = fuzzy_cutoff
        self._close: dict[str, tuple[str, ...]] = {}
        # Place names are left out: a title before one ("Mr Livingston") makes it a misspelt surname.
        known = self.table.name_words
        # A capitalised word of six letters or more that is not an alias may be a misspelt surname.
        self.fuzzy_flag = nlp.vocab.add_flag(
            lambda w: len(w) >= 6 and w[:1].isupper() and w.isalpha() and not w.isupper() and w not in known)

    def __call__(self, doc: Doc) -> Doc:
        doc._.fc_entities = self.match(doc)
        return doc

    def match(self, doc: Doc) -> list[EntityMention]:
        text = doc_text(doc)
        array = doc.to_array([IDX, LENGTH])
        starts = array[:, 0].tolist() if len(doc) else []
        ends = {start + length: i for i, (start, length) in enumerate(array.tolist())} if len(doc) else {}
        spans = [Span(doc, first, last + 1, label=alias) for first, last, alias in self.table.find(text, starts, ends)]
        blocked = self.table.blocked_ranges(text) if self.table.not_in else []
        found: list[EntityMention] = []
        for span in filter_spans(spans):
            mention = self._accept(doc, text, span, blocked)
            if mention is not None:
                found.append(mention)
        if self.fuzzy_cutoff < 100:
            found.extend(self._fuzzy(doc, found))
            found.sort(key=lambda m: m.start)
        return found

    def _accept(self, doc: Doc, text: str, span, blocked) -> EntityMention | None:
        targets = self.table.aliases[span.label_]
        start, end = span.start_char, span.end_char
        kept = []
        for target in targets:
            if target.code and not (text[start - 1:start] == "(" and text[end:end + 1] in (")", ",", "/")) \
                    and not _row_code(text, start, end):
                continue
            if target.kind is EntityKind.PERSON:
                if any(b0 <= start and end <= b1 and pid == target.id for b0, b1, pid in blocked):
                    continue
                if target.bare and span.end < len(doc) and doc[span.end].text in _PLACE_NOUNS:
                    continue  # "Downing Street", "Johnson Road": a surname naming a place
                if target.bare and span.start > 0:
                    previous = doc[span.start - 1]
                    if previous.whitespace_ and looks_like_other_first_name(previous.text, self.table):
                        continue
            if target.kind in (EntityKind.CONSTITUENCY, EntityKind.AREA) and not _standalone_place(
                    doc, span, self.table.party_words):
                continue
            kept.append(target)
        if not kept:
            return None
        kinds = {t.kind for t in kept}
        kind = EntityKind.PERSON if EntityKind.PERSON in kinds else kept[0].kind
        ids = tuple(t.id for t in kept if t.kind is kind)
        return trusted(EntityMention, start=start, end=end, text=span.text, kind=kind, ids=ids, fuzzy=False)

    def _fuzzy(self, doc: Doc, found: list[EntityMention]) -> list[EntityMention]:
        """Misspelt surnames ("Livingston", "Porrit"): capitalised words close to a ledger surname."""
        array = doc.to_array([self.fuzzy_flag, SENT_START, IDX, LENGTH])
        flagged = array[array[:, 0] == 1]
        if not len(flagged):
            return []
        covered = {i for m in found for i in range(m.start, m.end)}
        choices = self.table.fuzzy_choices
        text = doc_text(doc)
        out = []
        for _, sent_start, at, length in flagged.tolist():
            word = text[at:at + length]
            if sent_start == 1 or at in covered or word.lower() in choices:
                continue
            ids = self._closest(word.lower())
            if ids:
                out.append(trusted(EntityMention, start=at, end=at + length, text=word, kind=EntityKind.PERSON,
                                   ids=ids, fuzzy=True))
        return out

    def _closest(self, word: str) -> tuple[str, ...]:
        """The people whose surname `word` may misspell; remembered, as the same words recur in every article."""
        ids = self._close.get(word)
        if ids is None:
            choices = self.table.fuzzy_choices
            best = process.extractOne(word, choices.keys(), scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
            ids = tuple(choices[best[0]]) if best is not None else ()
            if len(self._close) >= 100_000:  # an archive's vocabulary is unbounded; the cache is not
                self._close.clear()
            self._close[word] = ids
        return ids


def _standalone_place(doc: Doc, span, party_words: frozenset[str] = frozenset()) -> bool:
    """A one-word place name stands alone: not after a title ("Mr Livingston" is a person) and not
    before another capitalised word ("Gordon Brown", "Buckingham Palace", "Scotland Yard"), unless that word
    names a party ("Scottish Labour", "Welsh Conservatives")."""
    if len(span) > 1:
        return True
    if span.start > 0 and doc[span.start - 1].text in TITLES:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return not (after is not None and span[-1].whitespace_ and after.is_alpha and after.text[:1].isupper()
                and not after.is_sent_start and after.text not in party_words)


def _row_code(text: str, start: int, end: int) -> bool:
    """A code of two to four letters that opens a line and is followed by a figure. One-letter codes and
    codes that are words ("Women") stay bracket-only: a line may open with those in other tables."""
    if not 2 <= end - start <= 4 or text[start:end].lower() in _WORD_CODES:
        return False
    return bool(_ROW_START.search(text, max(0, start - 8), start) and _ROW_FIGURE.match(text, end))


_WORD_CODES = frozenset({"pink", "lib", "ref"})
