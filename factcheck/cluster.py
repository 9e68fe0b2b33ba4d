"""Checking archives on a Dask cluster (`factcheck check --engine dask`, or `check_bag` from Python).

Each worker process builds the pipeline and ledger index once, on its first task, and keeps them for
every later one. Work goes out in small batches of paths and comes back as JSON Lines, one article per
line, in whatever order workers finish; the client never holds more than a few batches, so memory stays
flat over millions of articles. Workers read the files themselves: they must see the same files as the
client (a shared filesystem), and run the same factcheck with the same ledger (checked on each worker).

Dask is an optional extra: `pip install 'factcheck[dask]'`.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from factcheck.check import ArticleReport, Checker, CheckOptions
from factcheck.errors import FactcheckError, InputError
from factcheck.ingest import Article, discover
from factcheck.ledger.index import default_ledger_dir
from factcheck.report.jsonl import JsonLinesWriter
from factcheck.report.model import ledger_version, tool_version
from factcheck.resume import Done
from factcheck.run import Digest, Task, digest

BATCH = 32  # paths per task: enough to amortise a round trip, few enough to spread work evenly


class Job(BaseModel):
    """Everything a worker needs to check items exactly as the client would."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    options: CheckOptions
    quiet: bool = False
    root: str  # the client's working folder: relative paths are found under it and named as given
    ledger: str  # the ledger version the client checks against
    version: str  # the factcheck version the client runs

    @classmethod
    def for_client(cls, options: CheckOptions | None = None, quiet: bool = False) -> Job:
        options = options or CheckOptions()
        if options.ledger:  # workers may start elsewhere: give them the ledger's full path
            options = options.model_copy(update={"ledger": str(Path(options.ledger).resolve())})
        directory = options.ledger or str(default_ledger_dir())
        return cls(options=options, quiet=quiet, root=os.getcwd(), ledger=ledger_version(directory),
                   version=tool_version())


def check_bag(bag: Any, options: CheckOptions | None = None, *, texts: bool = False, quiet: bool = False,
              done: Done | None = None) -> Any:
    """A Dask bag of JSON lines (strings, no newline), one per article, from a bag of paths or of texts.

    Paths may be files or folders (walked as the command line walks them). With `texts=True` the items
    are article texts, or (name, text) pairs to name them in the output. Lines are those
    `factcheck check --format jsonl` writes; `done` (see factcheck.resume) skips articles already checked.
    Write them with `bag.to_textfiles(...)`, or `.map(json.loads)` for dicts.
    """
    from dask import delayed

    job = Job.for_client(options, quiet)
    if not texts:
        bag = bag.map_partitions(_walk, job)
    return bag.map_partitions(_lines, job, texts, delayed(done) if done is not None else None)


def run_on_cluster(job: Job, paths: Iterable[str], writer: JsonLinesWriter, *, scheduler: str | None = None,
                   workers: int | None = None, done: Done | None = None) -> Iterator[Digest]:
    """Digests for every article under `paths`, as workers finish them (the order is not the input's)."""
    import logging

    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise FactcheckError("--engine dask needs Dask: pip install 'factcheck[dask]'") from None

    logging.getLogger("distributed").setLevel(logging.ERROR)  # its connection chatter is not ours to show
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    try:
        with Client(cluster or scheduler) as client:
            remembered = client.scatter(done, broadcast=True) if done is not None else None
            limit = 4 * max(1, sum(client.nthreads().values()))  # enough queued to keep every worker busy
            running = as_completed()
            batch: list[str] = []
            for item in discover(list(paths), exclude=job.options.exclude):
                if isinstance(item, InputError):
                    report = ArticleReport.model_construct(path=item.path or str(item), error=str(item))
                    yield digest(report, Task.model_construct(path=report.path), writer, None)
                    continue
                batch.append(item)
                if len(batch) >= BATCH:
                    running.add(client.submit(_check_paths, batch, job, remembered, pure=False))
                    batch = []
                    while running.count() >= limit:
                        yield from next(running).result()
            if batch:
                running.add(client.submit(_check_paths, batch, job, remembered, pure=False))
            for future in running:
                yield from future.result()
    finally:
        if cluster is not None:
            cluster.close()


# -- on the workers ------------------------------------------------------------------------------
_CHECKERS: dict[str, Checker] = {}
_LOCK = threading.Lock()  # one check at a time per checker, whatever the worker's thread count


def _checker(job: Job) -> Checker:
    key = job.options.model_dump_json()
    checker = _CHECKERS.get(key)
    if checker is None:
        checker = Checker(job.options)
        have = ledger_version(str(checker.index.ledger.directory))
        if have != job.ledger:
            raise FactcheckError(f"worker {socket.gethostname()} has ledger {have}, the client {job.ledger}: "
                                 f"give every worker the same ledger")
        if tool_version() != job.version:
            raise FactcheckError(f"worker {socket.gethostname()} runs factcheck {tool_version()}, the client "
                                 f"{job.version}: install the same version everywhere")
        _CHECKERS[key] = checker
    return checker


def _check(items: list[Article | ArticleReport], job: Job, done: Done | None) -> list[Digest]:
    with _LOCK:
        checker = _checker(job)
        writer = JsonLinesWriter(None, checker.index, quiet=job.quiet)
        checker.done = done
        try:
            out = []
            size = checker.options.batch_size
            for start in range(0, len(items), size):
                for report in checker.check_batch(items[start:start + size]):
                    out.append(digest(report, Task.model_construct(path=report.path), writer, None))
            return out
        finally:
            checker.done = None


def _check_paths(paths: list[str], job: Job, done: Done | None) -> list[Digest]:
    with _LOCK:
        checker = _checker(job)
    return _check([checker.read(p, root=job.root) for p in paths], job, done)


def _walk(items: Iterable[str], job: Job) -> list[str | InputError]:
    """Files under each path, named as `discover` names them on the client."""
    found: list[str | InputError] = []
    for path in items:
        located = path if os.path.isabs(path) else os.path.join(job.root, path)
        for item in discover([located], exclude=job.options.exclude):
            if isinstance(item, InputError):
                found.append(InputError(str(item).replace(located, path, 1), path=path))
            elif item == located or located == path:
                found.append(path if item == located else item)
            else:
                found.append(os.path.relpath(item, job.root))
    return found


def _lines(items: Iterable[Any], job: Job, texts: bool, done: Done | None) -> list[str]:
    batch: list[Article | ArticleReport] = []
    for item in items:
        if isinstance(item, InputError):
            batch.append(ArticleReport.model_construct(path=item.path or str(item), error=str(item)))
        else:
            with _LOCK:
                checker = _checker(job)
            if texts:
                name, text = item if isinstance(item, tuple) else ("<text>", item)
                batch.append(checker.read_text(text, name))
            else:
                batch.append(checker.read(item, root=job.root))
    return [d.rendered.rstrip("\n") for d in _check(batch, job, done) if d.rendered]
