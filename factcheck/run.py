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
    """Check a batch together; should that fail, check its articles one by one, so one article that breaks
    the checker becomes that article's error and the others are reported in full."""
    assert _STATE is not None
    checker, writer, folder = _STATE
    try:
        reports = checker.check_batch([checker.read(t.path, t.data) for t in batch])
        return [digest(r, t, writer, folder) for r, t in zip(reports, batch)]
    except Exception:  # noqa: BLE001 - isolated below, article by article
        if len(batch) == 1:
            return [_failed(batch[0], writer, folder)]
    return [d for task in batch for d in _work([task])]


def _failed(task: Task, writer: Writer, folder: FolderWriter | None) -> Digest:
    import sys

    kind, value = sys.exc_info()[:2]
    return failed_digest(task, writer, folder, f"internal error while checking it ({kind.__name__}: {value}); the "
                                                f"rest of the batch was checked. This is a bug in factcheck; please "
                                                f"report it to whoever maintains your installation")


def failed_digest(task: Task, writer: Writer, folder: FolderWriter | None, why: str) -> Digest:
    name = "<stdin>" if task.path == "-" else task.path
    report = ArticleReport.model_construct(path=task.path, error=f"{name}: {why}")
    try:
        return digest(report, task, writer, folder)
    except Exception:  # noqa: BLE001 - a writer that cannot even render an error: send the bare error
        return Digest.model_construct(path=task.path, error=report.error, folder_name=task.folder_name)


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

    if "fork" not in multiprocessing.get_all_start_methods():  # workers must inherit the built checker
        for batch in batches:
            yield from ([batch] if isinstance(batch, Digest) else _work(batch))
        return
    from factcheck.workers import Workers

    with Workers(jobs, _work, _lost) as workers:
        results = workers.map([b for b in batches if not isinstance(b, Digest)])
        for batch in batches:
            if isinstance(batch, Digest):
                yield batch
            else:
                yield from next(results)


def _lost(task: Task, why: str) -> list[Digest]:
    """The digest of an article whose worker process died while checking it, alone, twice."""
    assert _STATE is not None
    _, writer, folder = _STATE
    return [failed_digest(task, writer, folder, f"the worker process checking it died ({why}); the rest of the "
                                                f"batch was checked")]


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
