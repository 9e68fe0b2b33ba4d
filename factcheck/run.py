"""A batch run: check articles and stream each one's rendered output, in order, from one or more processes.

Workers check and render their articles (and write any --out files) and send back only text and counts,
so the parent process does little more than write; that keeps --jobs scaling on small machines.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from factcheck.check import ArticleReport, Checker
from factcheck.errors import InputError
from factcheck.ingest import discover
from factcheck.report.base import Writer
from factcheck.report.folder import FolderWriter


class Digest(BaseModel):
    """What the parent needs of one article: counts for the summary and the text to write."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    path: str
    error: str | None = None
    counts: dict[str, int] | None = None
    rendered: str = ""
    report: ArticleReport | None = None  # only for writers that must draw in the parent
    folder_name: str | None = None
    folder_json: str | None = None


class Task(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    path: str
    data: bytes | None = None
    folder_name: str | None = None


def digest(report: ArticleReport, task: Task, writer: Writer, folder: FolderWriter | None) -> Digest:
    counts = None if report.error else report.counts()
    return Digest.model_construct(
        path=report.path, error=report.error, counts=counts,
        rendered=writer.render(report) if writer.renders else "",
        report=None if writer.renders else report,
        folder_name=task.folder_name,
        folder_json=folder.render(report, task.folder_name) if folder and task.folder_name else None,
    )


# Module state a forked worker inherits (the checker with its built pipeline, and the writers).
_STATE: tuple[Checker, Writer, FolderWriter | None] | None = None


def _work(batch: list[Task]) -> list[Digest]:
    assert _STATE is not None
    checker, writer, folder = _STATE
    reports = checker.check_batch([checker.read(t.path, t.data) for t in batch])
    return [digest(r, t, writer, folder) for r, t in zip(reports, batch)]


def run(checker: Checker, paths: Iterable[str], writer: Writer, folder: FolderWriter | None = None,
        jobs: int = 1, stdin_data: bytes | None = None) -> Iterator[Digest]:
    """Digests in input order. Unreadable paths become error digests; the rest of the batch goes on."""
    global _STATE
    _STATE = (checker, writer, folder)
    size = checker.options.batch_size
    items: list[Task | Digest] = []
    skip = (folder.folder,) if folder else ()
    for item in discover(list(paths), exclude=checker.options.exclude, skip=skip):
        if isinstance(item, InputError):
            path = item.path or str(item)
            task = Task.model_construct(path=path, folder_name=folder.name(path) if folder else None)
            items.append(digest(ArticleReport.model_construct(path=path, error=str(item)), task, writer, folder))
        else:
            shown = checker.options.stdin_name or item if item == "-" else item
            items.append(Task.model_construct(path=item, data=stdin_data if item == "-" else None,
                                              folder_name=folder.name(shown) if folder else None))
    batches: list[list[Task] | Digest] = []
    current: list[Task] = []
    for item in items:
        if isinstance(item, Digest):
            if current:
                batches.append(current)
                current = []
            batches.append(item)
            continue
        current.append(item)
        if len(current) >= (size if jobs == 1 else max(2, size // 2)):
            batches.append(current)
            current = []
    if current:
        batches.append(current)
    if jobs == 1 or not writer.renders:
        for batch in batches:
            yield from ([batch] if isinstance(batch, Digest) else _work(batch))
        return
    yield from _parallel(batches, jobs)


def _parallel(batches: list[list[Task] | Digest], jobs: int) -> Iterator[Digest]:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" not in methods:  # workers must inherit the built checker; without fork, check here
        for batch in batches:
            yield from ([batch] if isinstance(batch, Digest) else _work(batch))
        return
    context = multiprocessing.get_context("fork")
    work = [b for b in batches if not isinstance(b, Digest)]
    with context.Pool(jobs) as pool:
        results = pool.imap(_work, work, chunksize=1)
        for batch in batches:
            if isinstance(batch, Digest):
                yield batch
            else:
                yield from next(results)


def write(digests: Iterable[Digest], writer: Writer, folder: FolderWriter | None, on_error, on_article) -> None:
    """Emit digests in order: errors to `on_error`, rendered text to the writer and folder."""
    for d in digests:
        if d.error:
            on_error(d.path, d.error)
            writer.error(d.path, d.error)
        if d.report is not None:
            writer.article(d.report)
        else:
            writer.emit(d.rendered)
        if folder is not None and d.folder_name is not None:
            folder.emit(d.path, d.folder_name, d.folder_json or "", d.counts, d.error)
        on_article(d)
