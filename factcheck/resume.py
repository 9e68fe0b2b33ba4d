"""`--resume`: carry on a JSON Lines run that stopped, checking only what its output does not hold yet.

An article is done when the output has a line for its path with the same content hash, ledger version
and factcheck version, and no error. A run killed mid-write leaves a partial last line; it is cut off
before new lines are added. Lines a resumed run replaces (the article changed, the ledger or factcheck
did, or it could not be read last time) are dropped when the run ends, so each path keeps one line.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.verify.article import ArticleReport

_COUNTS = ("supported", "imprecise", "contradicted", "unverifiable", "suppressed")


def content_hash(text: str) -> str:
    """What identifies an article's content in JSON Lines output (and so what --resume compares)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class RecordedReport(ArticleReport):
    """An article not checked again: the output already holds its line, and these are its counts."""

    recorded: dict[str, int]

    def counts(self) -> dict[str, int]:
        return dict(self.recorded)


class Done:
    """What an earlier run's output holds, keyed compactly so archives of millions of lines fit in memory."""

    def __init__(self, ledger: str, version: str):
        self.ledger, self.version = ledger, version
        self._results: dict[bytes, tuple[int, ...]] = {}  # path + content hash -> verdict counts
        self._lines: dict[str, list[int]] = {}  # path -> its line numbers in the file (to drop when replaced)

    def __len__(self) -> int:
        return len(self._results)

    @classmethod
    def load(cls, path: Path, ledger: str, version: str) -> Done:
        """Read an output file (a missing or empty one holds nothing), first cutting off a partial last line."""
        done = cls(ledger, version)
        if not path.exists():
            return done
        _cut_partial_line(path)
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh):
                try:
                    item = json.loads(line)
                    article = item["path"]
                except (ValueError, KeyError, TypeError):
                    raise FactcheckError(f"{path}:{number + 1}: not a factcheck JSON Lines result; --resume "
                                         f"adds only to output written with --format jsonl") from None
                done._lines.setdefault(article, []).append(number)
                counts = item.get("counts")
                if (item.get("error") is None and item.get("ledger") == ledger and item.get("factcheck") == version
                        and item.get("content_hash") and isinstance(counts, dict)):
                    done._results[_key(article, item["content_hash"])] = tuple(int(counts.get(k, 0)) for k in _COUNTS)
        return done

    def recorded(self, path: str, content_hash: str) -> dict[str, int] | None:
        """The counts recorded for this article as it is now, or None when it must be checked."""
        counts = self._results.get(_key(path, content_hash))
        return None if counts is None else dict(zip(_COUNTS, counts))

    def replaced(self, paths: Iterable[str]) -> list[int]:
        """Line numbers of earlier results for these paths (checked again in this run)."""
        return sorted(n for p in paths for n in self._lines.get(p, ()))

    def had(self, path: str) -> bool:
        return path in self._lines


def drop_lines(path: Path, numbers: list[int]) -> None:
    """Rewrite the output without the given lines (streamed through a temporary file, then swapped in)."""
    if not numbers:
        return
    dropped = set(numbers)
    temporary = path.with_name(path.name + ".resume-tmp")
    with open(path, encoding="utf-8") as source, open(temporary, "w", encoding="utf-8") as target:
        for number, line in enumerate(source):
            if number not in dropped:
                target.write(line)
    os.replace(temporary, path)


def _key(path: str, content_hash: str) -> bytes:
    return hashlib.blake2b(f"{path}\0{content_hash}".encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _cut_partial_line(path: Path) -> None:
    with open(path, "rb+") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if size == 0:
            return
        block = 1 << 16
        position = size
        while position > 0:
            start = max(0, position - block)
            fh.seek(start)
            chunk = fh.read(position - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                end = start + newline + 1
                break
            position = start
        else:
            end = 0
        if end < size:
            fh.truncate(end)
