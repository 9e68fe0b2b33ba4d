"""The check: articles in, one report per article out. The CLI only wires this to options and output.

Stages run in one direction: text -> mentions (spaCy) -> claims -> findings. The pipeline and ledger
index are built once per process; articles stream through `nlp.pipe`, so memory stays flat.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from factcheck.errors import FactcheckError, InputError
from factcheck.extract.readings import Extraction, extract_claims
from factcheck.extract.election import ElectionChoice
from factcheck.nlp.mentions import Mentions, Sentence
from factcheck.ingest import STDIN, Article, Limits, read_article
from factcheck.kinds import Kind
from factcheck.ledger.index import LedgerIndex, load_index
from factcheck.nlp.pipeline import DEFAULT_FUZZY_CUTOFF, build_pipeline, make_doc, to_mentions
from factcheck.resume import Done, RecordedReport, content_hash
from factcheck.suppress import Baseline
from factcheck.suppress import apply as apply_suppressions
from factcheck.verify.consistency import apply_consistency
from factcheck.verify.article import ArticleReport
from factcheck.verify.findings import Verdict
from factcheck.verify.verifier import verify_claims

CHUNK_CHARS = 100_000  # long texts are analysed in pieces so no single doc grows without bound
_FIT_KINDS = frozenset({Kind.VOTES, Kind.SHARE, Kind.MARGIN_VOTES, Kind.TRANSFERS, Kind.RANK})


class CheckOptions(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    ledger: str | None = None
    election: str | None = None
    fuzzy_cutoff: float = DEFAULT_FUZZY_CUTOFF
    kinds: frozenset[Kind] | None = None  # None: every kind
    limits: Limits = Limits()
    batch_size: int = 16
    baseline: Baseline | None = None  # findings a desk has accepted
    stdin_name: str | None = None  # the file standard input stands for (--stdin-filename)
    exclude: tuple[str, ...] = ()  # globs left out when walking folders


class Checker:
    def __init__(self, options: CheckOptions | None = None):
        self.options = options or CheckOptions()
        self.done: Done | None = None  # results an earlier run already holds (--resume): not checked again
        self.index: LedgerIndex = load_index(self.options.ledger)
        if self.options.election and self.options.election not in self.index.elections:
            raise FactcheckError(f"unknown election {self.options.election!r}; known: {', '.join(self.index.order)}")
        self.nlp = build_pipeline(self.options.ledger, self.options.fuzzy_cutoff)
        self.nlp.max_length = max(self.nlp.max_length, CHUNK_CHARS * 2)
        self._runoff = {eid: self.index.facts(eid).is_runoff for eid in self.index.elections}
        # The pipeline, vocabulary and ledger are long-lived; keep the cyclic garbage collector from
        # rescanning their million-odd objects on every collection during the run.
        gc.freeze()

    # -- stages -------------------------------------------------------------------------------
    def analyse(self, texts: list[str]) -> Iterator[Mentions]:
        """Mentions for each text, in order; long texts are split at paragraph or sentence breaks."""
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, chunk)
        for i, text in enumerate(texts):
            for offset, chunk in _chunks(text):
                pieces.append((i, offset, chunk))
        merged: list[list[tuple[int, Mentions]]] = [[] for _ in texts]
        docs = self.nlp.pipe((make_doc(self.nlp, chunk) for _, _, chunk in pieces), batch_size=self.options.batch_size)
        for (i, offset, _), doc in zip(pieces, docs):
            merged[i].append((offset, to_mentions(doc)))
        for parts in merged:
            yield _merge(parts)

    def extract(self, article: Article, mentions: Mentions) -> Extraction:
        """The claims and their readings, exactly as `check` verifies them (`factcheck extract` shows these)."""
        extraction = extract_claims(article.text, mentions, self.index, forced_election=self.options.election,
                                    published=article.published)
        if extraction.election.election is None and extraction.election.candidates:
            extraction = self._best_fit(article, mentions, extraction)
        return extraction

    def findings(self, article: Article, mentions: Mentions) -> ArticleReport:
        return self.verify(article, self.extract(article, mentions))

    def verify(self, article: Article, extraction: Extraction) -> ArticleReport:
        """Verdicts for the extracted claims, checked for consistency and with accepted findings marked."""
        claims = [c for c in extraction.claims if self.options.kinds is None or c.kind in self.options.kinds]
        findings = verify_claims(claims, self.index)
        findings = apply_consistency(findings, self._runoff)
        findings = apply_suppressions(article, sorted(findings, key=lambda f: (f.claim.start, f.claim.end)),
                                      self.options.baseline)
        return ArticleReport.model_construct(path=article.path, article=article, election=extraction.election.election,
                                             election_basis=extraction.election.basis, findings=tuple(findings))

    def _best_fit(self, article: Article, mentions: Mentions, undecided: Extraction) -> Extraction:
        """When names and dates leave a tie, the election whose record fits clearly more figures."""
        fits = []
        for eid in undecided.election.candidates:
            trial = extract_claims(article.text, mentions, self.index, forced_election=eid, published=article.published)
            exact = [c for c in trial.claims if c.kind in _FIT_KINDS]
            supported = sum(1 for f in verify_claims(exact, self.index) if f.verdict is Verdict.SUPPORTED)
            fits.append((supported, eid, trial))
        fits.sort(key=lambda t: -t[0])
        if len(fits) >= 2 and fits[0][0] >= fits[1][0] + 2:
            supported, eid, trial = fits[0]
            basis = (f"{undecided.election.basis}; its figures fit {eid} best "
                     f"({supported} supported against {fits[1][0]} for {fits[1][1]})")
            choice = ElectionChoice.model_construct(election=eid, basis=basis, firm=False)
            trial = extract_claims(article.text, mentions, self.index, forced_election=eid, published=article.published,
                                   choice=choice)
            return trial
        return undecided

    # -- drivers ------------------------------------------------------------------------------
    def check_articles(self, articles: list[Article]) -> list[ArticleReport]:
        return [self.findings(a, m) for a, m in zip(articles, self.analyse([a.text for a in articles]))]

    def check_text(self, text: str, path: str = "<text>") -> ArticleReport:
        return self.check_articles([Article.model_construct(path=path, source=text, text=text)])[0]

    def read(self, path: str, stdin_data: bytes | None = None, root: str | None = None) -> Article | ArticleReport:
        """Read one article; a relative `path` is found under `root` (a cluster worker's view of the client's
        folder) but named as given, so reports and messages read the same wherever the check ran."""
        stdin_name = self.options.stdin_name if path == "-" else None
        source = os.path.join(root, path) if root and path != "-" and not os.path.isabs(path) else path
        try:
            article = read_article(source, limits=self.options.limits, stdin_data=stdin_data, stdin_name=stdin_name)
        except InputError as exc:
            message = str(exc)
            if source != path and message.startswith(source):
                message = path + message[len(source):]
            return ArticleReport.model_construct(path=stdin_name or path, error=message)
        return article if source == path else article.model_copy(update={"path": path})

    def read_text(self, text: str, name: str = "<text>") -> Article | ArticleReport:
        """A text read as a file called `name` would be (its suffix picks plain text, Markdown or HTML)."""
        try:
            return read_article(STDIN, limits=self.options.limits, stdin_data=text.encode("utf-8", "surrogatepass"),
                                stdin_name=name)
        except InputError as exc:
            return ArticleReport.model_construct(path=name, error=str(exc))

    def check_batch(self, batch: list[Article | ArticleReport]) -> list[ArticleReport]:
        """Check the articles together (one nlp.pipe call); reports already made (read errors) pass through,
        and so do articles an earlier run already checked (see `done`)."""
        if self.done is not None:
            batch = [self._recorded(item) if isinstance(item, Article) else item for item in batch]
        articles = [a for a in batch if isinstance(a, Article)]
        reports = iter(self.check_articles(articles)) if articles else iter(())
        return [next(reports) if isinstance(item, Article) else item for item in batch]

    def _recorded(self, article: Article) -> Article | ArticleReport:
        assert self.done is not None
        counts = self.done.recorded(article.path, content_hash(article.source))
        if counts is None:
            return article
        return RecordedReport.model_construct(path=article.path, recorded=counts)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    if len(text) <= CHUNK_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            window = text[start + CHUNK_CHARS // 2:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut >= 0:
                    end = start + CHUNK_CHARS // 2 + cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


def _merge(parts: list[tuple[int, Mentions]]) -> Mentions:
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    sentences, numbers, entities = [], [], []
    for offset, m in parts:
        sentences += [Sentence.model_construct(start=s.start + offset, end=s.end + offset) for s in m.sentences]
        numbers += [n.model_copy(update={"start": n.start + offset, "end": n.end + offset}) for n in m.numbers]
        entities += [e.model_copy(update={"start": e.start + offset, "end": e.end + offset}) for e in m.entities]
    return Mentions.model_construct(sentences=tuple(sentences), numbers=tuple(numbers), entities=tuple(entities))
