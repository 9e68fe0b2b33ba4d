"""Forked worker processes for --jobs that survive one of them dying, and stop when the run is interrupted.

multiprocessing.Pool loses the task of a worker killed mid-task (by the OOM killer, a signal, a crash in
native code) and waits for it forever. ProcessPoolExecutor notices instead: every task in flight fails
with BrokenProcessPool. Those tasks are then run again one at a time in a fresh pool, and a task that
kills its worker alone is split into single articles, so only an article that kills a worker by itself
is lost, and it is reported as that article's error.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def _quiet_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and stops the workers, which must not
    # print tracebacks of their own. SIGTERM (from the parent, or anyone) ends a worker at once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class Workers(Generic[Item, Result]):
    """`map(batches)` runs `work(batch)` in `jobs` forked processes and yields the results in order;
    `lost(item, why)` stands for the result of a single item whose process died running it."""

    def __init__(self, jobs: int, work: Callable[[list[Item]], list[Result]],
                 lost: Callable[[Item, str], list[Result]]):
        self.jobs, self.work, self.lost = jobs, work, lost
        self.window = 2 * jobs  # batches in flight: enough to keep every worker busy, few enough to keep memory flat
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers[Item, Result]:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self._stop(kill=kind is not None)

    def map(self, batches: list[list[Item]]) -> Iterator[list[Result]]:
        waiting = deque(batches)
        running: deque[tuple[list[Item], Future]] = deque()
        while waiting or running:
            while waiting and len(running) < self.window:
                batch = waiting.popleft()
                running.append((batch, self._pool().submit(self.work, batch)))
            batch, future = running.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                lost = [batch] + [b for b, _ in running]
                running.clear()
                self._stop(kill=True)
                for batch in lost:  # in order: nothing after them has been submitted
                    yield self._alone(batch)

    def _alone(self, batch: list[Item]) -> list[Result]:
        """Run a batch by itself; if its process dies again, each of its items by itself."""
        try:
            return self._pool().submit(self.work, batch).result()
        except BrokenProcessPool:
            self._stop(kill=True)
        if len(batch) > 1:
            return [result for item in batch for result in self._alone([item])]
        return self.lost(batch[0], "killed or crashed, twice")

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_quiet_worker)
        return self.pool

    def _stop(self, kill: bool) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if kill:
            # No public way to stop a busy executor before Python 3.14: end its processes, then shut it down.
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        # Waiting is quick once the processes are gone, and it lets the executor's own thread finish now: left to
        # the interpreter's exit, that thread can find its wake-up pipe closed and print a traceback.
        pool.shutdown(wait=True, cancel_futures=True)
