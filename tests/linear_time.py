"""Measuring how a regular expression's running time grows with its input, by ratio and never by wall time.

Shared by tests/test_linear_time.py (every compiled pattern in the package) and benchmarks/adversarial.py.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from types import ModuleType

GROWTH = 8  # the input grows eightfold between the two measurements
# Linear work grows about 8 times; quadratic 64; cubic 512. Cache effects on large inputs push linear work to
# 10 or 12, so the line is drawn well above that and well below quadratic.
MAX_RATIO = 20.0
MEANINGFUL = 5e-4  # seconds: below this the larger input's time is mostly call overhead, so grow further
SMALLEST, LARGEST = 16, 16 * GROWTH**4  # repetitions of the adversarial unit
LOOP = 3e-4  # seconds: shorter calls are repeated for this long and averaged
GUARD = 2.0  # seconds: one call running longer is stopped and counted as growth of at least GUARD / small time

# (name, prefix, repeated unit, suffix): runs that make backtracking engines retry from every position,
# each ended by a character that makes the match fail late.
ADVERSARIAL: list[tuple[str, str, str, str]] = [
    ("spaces", "a", " ", "!"),
    ("tabs and spaces", "", " \t", "x"),
    ("blank lines", "", "\n", "x"),
    ("blank lines with spaces", "", " \n ", "x"),
    ("backticks", "", "`", "x"),
    ("backtick then spaces", "`", " ", "x"),
    ("open brackets", "", "[", "x"),
    ("brackets and text", "", "[a", "]"),
    ("link openings", "", "](", "x"),
    ("image openings", "", "![", "x"),
    ("unclosed tags", "", "<", "x"),
    ("unclosed tag names", "", "<a ", "x"),
    ("unclosed attribute", "<a ", "b=", "x"),
    ("unclosed meta", "", "<meta ", "x"),
    ("unclosed comment", "", "<!--", "x"),
    ("unclosed entities", "", "&#", "x"),
    ("ampersands", "", "&", "x"),
    ("digits", "", "1", "x"),
    ("digit commas", "", "1,", "x"),
    ("digit comma spaces", "", "1, ", "x"),
    ("digit spaces", "", "1 ", "x"),
    ("digit dots", "", "1.", "x"),
    ("grouped numbers", "", "123,456 ", "%"),
    ("letters", "", "a", "!"),
    ("words", "", "ab ", "!"),
    ("repeated words", "", "the ", "!"),
    ("repeated pairs", "", "the the ", "1"),
    ("number words", "", "twenty ", "%"),
    ("hedges", "", "more than ", "x"),
    ("emphasis", "", "*", "x"),
    ("underscores", "", "_", "x"),
    ("pipes", "", "|", "x"),
    ("table rule", "|", " --- |", "x"),
    ("hashes", "", "#", "x"),
    ("quotes", "", "> ", "x"),
    ("dashes", "", "-", "x"),
    ("apostrophes", "", "'", "x"),
    ("parentheses", "", "(", "x"),
    ("colons", "", ":", "x"),
    ("fences", "", "```\n", "x"),
    ("front matter", "---\n", "a: b\n", "x"),
    ("mixed markup", "", "[`<1, a\n *_|", "!"),
    ("mixed prose", "", "Khan, 1,0 per ", "x"),
]


def all_modules(package: str = "factcheck") -> Iterator[ModuleType]:
    root = importlib.import_module(package)
    yield root
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        if not info.name.endswith(".__main__"):  # importing it would run the command line
            yield importlib.import_module(info.name)


def _patterns_in(value, where: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern]]:
    if isinstance(value, re.Pattern):
        yield where, value
    elif depth < 4 and isinstance(value, (tuple, list, set, frozenset)):
        for i, item in enumerate(value):
            yield from _patterns_in(item, f"{where}[{i}]", depth + 1)
    elif depth < 4 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(key, f"{where} key {key!r:.30}", depth + 1)
            yield from _patterns_in(item, f"{where}[{key!r:.30}]", depth + 1)


def compiled_patterns(package: str = "factcheck") -> dict[str, re.Pattern]:
    """Every compiled pattern held at module level (also inside tuples, lists, sets and dicts), each once."""
    found: dict[str, re.Pattern] = {}
    seen: set[tuple[str, int]] = set()
    for module in all_modules(package):
        for name, value in sorted(vars(module).items()):
            for where, pattern in _patterns_in(value, f"{module.__name__}.{name}"):
                key = (str(pattern.pattern), pattern.flags)
                if key not in seen:
                    seen.add(key)
                    found[where] = pattern
    return found


class _Overrun(Exception):
    pass


def _raise_overrun(*_args) -> None:
    raise _Overrun


def seconds(run: Callable[[], object], repeat: int = 3) -> float:
    """The best time of one call; a short call is looped long enough to dwarf the timer's resolution.

    CPU time of this thread, not wall time: on a shared machine a long call is preempted more often than a
    short one, which would inflate the ratio of a linear pattern.
    """
    best = float("inf")
    for _ in range(repeat):
        once = _once(run)
        if once >= LOOP:
            best = min(best, once)
            continue
        number = int(LOOP / max(once, 1e-7)) + 1
        start = time.thread_time()
        for _ in range(number):
            run()
        best = min(best, (time.thread_time() - start) / number)
    return best


def _once(run: Callable[[], object]) -> float:
    start = time.thread_time()
    run()
    return time.thread_time() - start


def _guarded(measure: Callable[[], float], guard: float = GUARD) -> float:
    """A measurement still running after GUARD seconds is stopped (the re module checks for signals)."""
    previous = signal.signal(signal.SIGALRM, _raise_overrun)
    signal.setitimer(signal.ITIMER_REAL, guard)
    try:
        return measure()
    except _Overrun:
        return guard
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def finditer_all(pattern: re.Pattern, text: str) -> Callable[[], object]:
    subject = text.encode() if isinstance(pattern.pattern, bytes) else text  # bytes patterns read raw files
    return lambda: deque(pattern.finditer(subject), maxlen=0)


def growth(run_at: Callable[[int], Callable[[], object]], guard: float = GUARD) -> tuple[int, float, float]:
    """(size, time at size, time at GROWTH * size), at the first size whose larger input takes a measurable time.

    Single calls probe the sizes cheaply; only the final pair is timed, the two sizes in alternation so that
    a busy moment on the machine slows both rather than one. Growth that looks super-linear is measured again
    one size up: a pattern that needs a minimum length fails at once on shorter input (no time at all) and
    then scans linearly, a jump once rather than a growth that keeps going.
    """
    size = SMALLEST
    while True:
        while size * GROWTH < LARGEST and _guarded(lambda: _once(run_at(size * GROWTH)), guard) < MEANINGFUL:
            size *= GROWTH
        small, large = _pair(run_at, size, guard)
        if large >= MEANINGFUL or size * GROWTH >= LARGEST:
            break
        size *= GROWTH  # the single call that probed was slow by chance: the best of several is too short
    if superlinear(small, large) and large < guard / GROWTH and size * GROWTH * GROWTH <= LARGEST:
        again = _pair(run_at, size * GROWTH, guard)
        if not superlinear(*again):
            return size * GROWTH, *again
    return size, small, large


def _pair(run_at: Callable[[int], Callable[[], object]], size: int, guard: float) -> tuple[float, float]:
    small_run, large_run = run_at(size), run_at(size * GROWTH)
    small = large = float("inf")
    for rounds in (3, 6):  # more rounds only to confirm a failure
        for _ in range(rounds):
            small = min(small, _guarded(lambda: seconds(small_run, repeat=1), guard))
            large = min(large, _guarded(lambda: seconds(large_run, repeat=1), guard))
            if large >= guard:
                return small, large
        if not superlinear(small, large):
            break
    return small, large


def superlinear(small: float, large: float) -> bool:
    return large >= MEANINGFUL and large > MAX_RATIO * max(small, 1e-9)


@functools.lru_cache(maxsize=None)  # the same inputs serve every pattern
def adversarial_text(prefix: str, unit: str, suffix: str, size: int) -> str:
    return prefix + unit * size + suffix
