"""Text extracted from markup, with a map from each extracted character back to the source."""

from __future__ import annotations

import bisect


class TextBuilder:
    """Appends pieces of extracted text, remembering where each piece came from in the source."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts: list[int] = []  # text offset where each segment starts
        self._sources: list[int] = []  # source offset of that segment's first character
        self._copied: list[bool] = []  # copied verbatim (offsets advance together) or a replacement
        self._length = 0

    def copy(self, source: str, start: int, end: int) -> None:
        """Copy source[start:end] verbatim."""
        if end > start:
            self._add(source[start:end], start, True)

    def put(self, text: str, source_offset: int) -> None:
        """Insert text that stands for markup at `source_offset` (a decoded entity, a line break)."""
        if text:
            self._add(text, source_offset, False)

    def _add(self, text: str, source_offset: int, copied: bool) -> None:
        self._parts.append(text)
        self._starts.append(self._length)
        self._sources.append(source_offset)
        self._copied.append(copied)
        self._length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(self._starts, self._sources, self._copied)


class OffsetMap:
    def __init__(self, starts: list[int], sources: list[int], copied: list[bool]):
        self._starts, self._sources, self._copied = starts, sources, copied

    def to_source(self, offset: int) -> int:
        """The source offset of an extracted-text offset."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        return self._sources[i] + (offset - self._starts[i] if self._copied[i] else 0)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span; the end maps from its last character so it stays tight."""
        s = self.to_source(start)
        e = self.to_source(end - 1) + 1 if end > start else s
        return s, max(s, e)
