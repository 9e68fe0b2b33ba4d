"""Bulk construction without the cyclic garbage collector.

Loading the ledger and building the name table create hundreds of thousands of small objects with
no reference cycles. Every few hundred allocations the collector would rescan them (and spaCy's
vocabulary), which doubled the cost of those steps in measurement; pausing it for the duration
changes nothing else.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
