"""Limits on what one article may hold, so every article costs time and memory in proportion to its size.

Each limit is far above anything a newsroom writes and is set in the configuration's `[limits]` table;
breaking one is an InputError naming the file, the position and the key that raises it.
"""

from __future__ import annotations

import functools
import re

from pydantic import BaseModel, ConfigDict, Field

from factcheck.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MB = 1_048_576


class Limits(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, ge=1)  # set by --max-size or max_file_size_mb
    line_chars: int = Field(default=100_000, ge=1)  # a longer line is a feed, a dump or an attack, not prose
    # spaCy's tokenizer splits punctuation off a word one character at a time, re-reading the rest each time:
    # a run of n brackets or quotes costs n^2. Real copy has rules of a few dozen "*" or "_" at most.
    symbol_run: int = Field(default=100, ge=1)
    figures: int = Field(default=10_000, ge=1)  # a national results table has a few thousand
    html_depth: int = Field(default=500, ge=1)  # real pages nest a few dozen elements deep
    docx_mb: float = Field(default=50.0, gt=0)  # the .docx parts read, uncompressed (a zip bomb expands 1,000 times)


def size_error(name: str, size: int, limits: Limits) -> InputError:
    return InputError(f"{name}: file is {size / MB:.1f} MB, over the {limits.max_bytes / MB:g} MB limit "
                      f"(raise it with --max-size or max_file_size_mb in the configuration)", path=name)


# Starts only where a run starts, so no character is read twice: linear time.
@functools.lru_cache(maxsize=8)
def _symbol_run(limit: int) -> re.Pattern[str]:
    return re.compile(rf"(?<!_)(?<![^\w\s])(?:_|[^\w\s]){{{limit + 1}}}")


_SYMBOL_RUN = _symbol_run(Limits().symbol_run)  # the default, at module level where the linear-time test finds it
_SYMBOLS = re.compile(r"(?:_|[^\w\s])*")
_FIGURE_END = re.compile(r"\d(?!\d|[.,]\d)")  # the last digit of each figure: "1,206,034" counts once


def check_text(text: str, name: str, limits: Limits, position) -> None:
    """Raise an InputError for the first limit `text` (the prose to analyse) breaks.

    `position(offset)` gives the "line:column" in the file of an offset into `text`.
    """
    lines = text.split("\n")
    if max(map(len, lines)) > limits.line_chars:
        start = 0
        for line in lines:
            if len(line) > limits.line_chars:
                raise InputError(f"{name}:{position(start)}: a line of {len(line):,} characters (more than "
                                 f"{limits.line_chars:,}); not article text (limits.line_chars)", path=name)
            start += len(line) + 1
    run = _symbol_run(limits.symbol_run).search(text)
    if run:
        length = _SYMBOLS.match(text, run.start()).end() - run.start()
        raise InputError(f"{name}:{position(run.start())}: a run of {length:,} punctuation characters "
                         f"(more than {limits.symbol_run:,}); not article text (limits.symbol_run)", path=name)
    figures = len(_FIGURE_END.findall(text))
    if figures > limits.figures:
        raise InputError(f"{name}: {figures:,} figures (more than {limits.figures:,}); not an article "
                         f"(limits.figures)", path=name)
