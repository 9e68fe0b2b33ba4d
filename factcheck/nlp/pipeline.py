"""The one place that builds the spaCy pipeline; built once per process and reused for every article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from factcheck.nlp.components import doc_text  # also registers the factcheck_* components
from factcheck.nlp.mentions import Mentions, Sentence
from factcheck.trusted import trusted

DEFAULT_FUZZY_CUTOFF = 88.0


@lru_cache(maxsize=4)
def build_pipeline(ledger: str | None = None, fuzzy_cutoff: float = DEFAULT_FUZZY_CUTOFF,
                   model: str | None = None) -> Language:
    """`spacy.blank("en")` plus our components; a trained pipeline is used only when asked for by name."""
    if model:
        nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
            nlp.add_pipe("factcheck_sentences")
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("factcheck_sentences")
    nlp.add_pipe("factcheck_numbers")
    nlp.add_pipe("factcheck_names", config={"ledger": ledger, "fuzzy_cutoff": float(fuzzy_cutoff)})
    return nlp


def to_mentions(doc: Doc) -> Mentions:
    """Convert a processed doc to plain typed mentions: spaCy stops here."""
    sentences = tuple(trusted(Sentence, start=s, end=e) for s, e in sentence_bounds(doc))
    return trusted(Mentions, sentences=sentences, numbers=tuple(doc._.fc_numbers or ()),
                   entities=tuple(doc._.fc_entities or ()))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character spans, read from arrays rather than by walking tokens in Python."""
    if not len(doc):
        return []
    array = doc.to_array([SENT_START, IDX])
    starts = array[array[:, 0] == 1][:, 1].tolist() or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    length = len(doc_text(doc))
    return [(s, e) for s, e in zip(starts, starts[1:] + [length])]


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenise, keeping the text on the doc so components need not rebuild it."""
    doc = nlp.make_doc(text)
    doc.user_data["fc_text"] = text
    return doc


def analyse(texts: Iterable[str], nlp: Language, batch_size: int = 32) -> Iterator[Mentions]:
    for doc in nlp.pipe((make_doc(nlp, t) for t in texts), batch_size=batch_size):
        yield to_mentions(doc)
