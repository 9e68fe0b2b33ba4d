"""Our spaCy components, registered as `factcheck_*`.

Each component finds its mentions with a `match(doc)` method and writes them as a list of typed
mentions on a Doc extension, so the finding logic can be tested on a hand-built doc.
"""

from __future__ import annotations

import re
from statistics import median

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from factcheck.extract.mentions import EntityKind, EntityMention
from factcheck.ledger.index import load_index
from factcheck.nlp.names import NameTable, looks_like_other_first_name
from factcheck.numbers import find_numbers

for _name in ("fc_numbers", "fc_entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_TERMINAL = re.compile(r"""[.!?:;"'”’)\]]\s*$""")


@Language.component("factcheck_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence (headlines, tables, captions), except inside hard-wrapped prose."""
    lines = doc.text.split("\n")
    long_lines = [len(line) for line in lines if len(line) >= 50]
    wrapped = len(long_lines) >= 5 and sum(
        1 for line in lines if len(line) >= 50 and not _TERMINAL.search(line)) >= 0.6 * len(long_lines)
    width = median(long_lines) if wrapped else 0
    for token in doc[:-1]:
        if "\n" not in token.text and "\n" not in token.whitespace_:
            continue
        nxt = doc[token.i + 1]
        if nxt.is_space:
            continue
        if wrapped and "\n\n" not in token.text + token.whitespace_:
            line_start = doc.text.rfind("\n", 0, token.idx) + 1
            previous_line = doc.text[line_start:token.idx + len(token.text)].rstrip()
            if len(previous_line) >= 0.75 * width and not _TERMINAL.search(previous_line):
                continue  # a soft wrap inside a sentence
        nxt.is_sent_start = True
    return doc


@Language.component("factcheck_numbers")
def numbers(doc: Doc) -> Doc:
    doc._.fc_numbers = find_numbers(doc.text)
    return doc


@Language.factory("factcheck_names", default_config={"ledger": None, "fuzzy_cutoff": 88.0})
def make_names(nlp: Language, name: str, ledger: str | None, fuzzy_cutoff: float) -> NameFinder:
    return NameFinder(nlp, ledger, fuzzy_cutoff)


class NameFinder:
    """Candidates, parties, constituencies and boroughs, from the ledger's aliases."""

    def __init__(self, nlp: Language, ledger: str | None, fuzzy_cutoff: float):
        self.table = NameTable.from_registry(load_index(ledger).registry)
        self.fuzzy_cutoff = fuzzy_cutoff
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys: dict[int, str] = {}
        for alias in self.table.aliases:
            key = nlp.vocab.strings.add(alias)
            self._keys[key] = alias
            self.matcher.add(alias, [nlp.make_doc(alias)])

    def __call__(self, doc: Doc) -> Doc:
        doc._.fc_entities = self.match(doc)
        return doc

    def match(self, doc: Doc) -> list[EntityMention]:
        spans = []
        for key, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = self._keys[key]
            spans.append(span)
        blocked = self.table.blocked_ranges(doc.text) if self.table.not_in else []
        found: list[EntityMention] = []
        for span in filter_spans(spans):
            mention = self._accept(doc, span, blocked)
            if mention is not None:
                found.append(mention)
        if self.fuzzy_cutoff < 100:
            found.extend(self._fuzzy(doc, found))
            found.sort(key=lambda m: m.start)
        return found

    def _accept(self, doc: Doc, span, blocked) -> EntityMention | None:
        targets = self.table.aliases[span.label_]
        text = doc.text
        start, end = span.start_char, span.end_char
        kept = []
        for target in targets:
            if target.code and not (text[start - 1:start] == "(" and text[end:end + 1] in (")", ",", "/")):
                continue
            if target.kind is EntityKind.PERSON:
                if any(b0 <= start and end <= b1 and pid == target.id for b0, b1, pid in blocked):
                    continue
                if target.bare and span.start > 0:
                    previous = doc[span.start - 1]
                    if previous.whitespace_ and looks_like_other_first_name(previous.text, self.table):
                        continue
            kept.append(target)
        if not kept:
            return None
        kinds = {t.kind for t in kept}
        kind = EntityKind.PERSON if EntityKind.PERSON in kinds else kept[0].kind
        ids = tuple(t.id for t in kept if t.kind is kind)
        return EntityMention.model_construct(start=start, end=end, text=span.text, kind=kind, ids=ids, fuzzy=False)

    def _fuzzy(self, doc: Doc, found: list[EntityMention]) -> list[EntityMention]:
        """Misspelt surnames ("Livingston", "Porrit"): capitalised words close to a ledger surname."""
        covered = {i for m in found for i in range(m.start, m.end)}
        choices = self.table.fuzzy_choices
        out = []
        for token in doc:
            word = token.text
            if (len(word) < 6 or not word[0].isupper() or not word.isalpha() or token.is_sent_start
                    or token.idx in covered or word.lower() in choices or word.isupper()):
                continue
            best = process.extractOne(word.lower(), choices.keys(), scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
            if best is None:
                continue
            out.append(EntityMention.model_construct(
                start=token.idx, end=token.idx + len(word), text=word, kind=EntityKind.PERSON,
                ids=tuple(choices[best[0]]), fuzzy=True))
        return out

