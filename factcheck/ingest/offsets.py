"""Text extracted from markup, with a map from each extracted character back to the source."""

from __future__ import annotations

import bisect
import re

# Characters that show as nothing but split a word or a number in two for the tokenizer ("1,2\u200b06,034"):
# zero-width space, non-joiner and joiner, word joiner, a byte-order mark inside the text, soft hyphen.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


class TextBuilder:
    """Appends pieces of extracted text, remembering where each piece came from in the source."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts: list[int] = []  # text offset where each segment starts
        self._sources: list[int] = []  # source offset of that segment's first character
        self._source_ends: list[int] = []  # source offset just past the markup a replacement stands for
        self._copied: list[bool] = []  # copied verbatim (offsets advance together) or a replacement
        self._length = 0

    def copy(self, source: str, start: int, end: int) -> None:
        """Copy source[start:end] verbatim, less any invisible characters."""
        for gap in INVISIBLE.finditer(source, start, end):
            if gap.start() > start:
                self._add(source[start:gap.start()], start, gap.start(), True)
            start = gap.end()
        if end > start:
            self._add(source[start:end], start, end, True)

    def put(self, text: str, source_start: int, source_end: int) -> None:
        """Insert text that stands for the markup source[source_start:source_end] (a decoded entity, a line break)."""
        if text:
            self._add(text, source_start, source_end, False)

    def _add(self, text: str, source_start: int, source_end: int, copied: bool) -> None:
        self._parts.append(text)
        self._starts.append(self._length)
        self._sources.append(source_start)
        self._source_ends.append(source_end)
        self._copied.append(copied)
        self._length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(self._starts, self._sources, self._source_ends, self._copied)


class OffsetMap:
    def __init__(self, starts: list[int], sources: list[int], source_ends: list[int], copied: list[bool]):
        self._starts, self._sources, self._source_ends, self._copied = starts, sources, source_ends, copied

    def _segment(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def to_source(self, offset: int) -> int:
        """The source offset of an extracted-text offset (a replacement's characters all map to its start)."""
        i = self._segment(offset)
        if i < 0:
            return offset
        return self._sources[i] + (offset - self._starts[i] if self._copied[i] else 0)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span. The end maps from its last character, so it stays tight, and a span ending
        in a replacement ("45.1&#37;" read as "45.1%") ends after the whole markup it replaced."""
        s = self.to_source(start)
        if end <= start:
            return s, s
        i = self._segment(end - 1)
        if i < 0:
            e = end
        elif self._copied[i]:
            e = self._sources[i] + (end - 1 - self._starts[i]) + 1
        else:
            e = self._source_ends[i]
        return s, max(s, e)
