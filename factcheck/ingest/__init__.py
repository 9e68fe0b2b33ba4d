"""Reading articles: files, folders and standard input, in any format and encoding a newsroom sends.

Every problem becomes an InputError naming the file (and position where known), so a batch carries
on with the other files.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from factcheck.errors import InputError
from factcheck.ingest.decode import decode
from factcheck.ingest.html import extract_html, html_depth, html_published
from factcheck.ingest.markdown import extract_markdown, markdown_published
from factcheck.ingest.offsets import OffsetMap

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_LINE_CHARS = 100_000  # a longer line of prose is a feed, a dump or an attack, not an article
MAX_HTML_DEPTH = 500  # real pages nest a few dozen elements deep
STDIN = "-"


class Article(BaseModel):
    """An article as read: `source` is the file's text, `text` the prose analysed (the same for plain text)."""

    model_config = ConfigDict(frozen=True, defer_build=True, arbitrary_types_allowed=True)

    path: str
    source: str
    text: str
    published: dt.date | None = None
    offsets: OffsetMap | None = None  # text offsets -> source offsets; None when text is source

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_source(start, end) if self.offsets else (start, end)


def discover(paths: list[str]) -> Iterator[str | InputError]:
    """Expand folders recursively into article files, in a stable order; report paths that cannot be used."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(Path(root) / name)
                for root, dirs, files in os.walk(path)
                for name in files
                if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith(".")
            )
            if not found:
                yield InputError(f"{raw}: folder has no articles ({', '.join(ARTICLE_SUFFIXES)})", path=raw)
            yield from found
        elif path.exists():
            yield raw
        else:
            yield InputError(f"{raw}: no such file or folder", path=raw)


def read_article(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin_data: bytes | None = None) -> Article:
    data = stdin_data if path == STDIN else _read_bytes(path, max_bytes)
    name = "<stdin>" if path == STDIN else path
    if data is None:
        data = b""
    if len(data) > max_bytes:
        raise InputError(f"{name}: file is {len(data) / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:g} MB limit "
                         f"(raise it with --max-size or max_file_size_mb in the configuration)")
    suffix = Path(path).suffix.lower() if path != STDIN else ""
    if suffix == ".docx":
        return _docx(path, data)
    source = decode(data, name)
    if not source.strip():
        raise InputError(f"{name}: empty file")
    if suffix in (".html", ".htm") or (suffix == "" and source.lstrip()[:15].lower().startswith(("<!doctype", "<html"))):
        depth, where = html_depth(source)
        if depth > MAX_HTML_DEPTH:
            raise InputError(f"{name}:{source.count(chr(10), 0, where) + 1}: HTML nested {depth:,} elements deep "
                             f"(more than {MAX_HTML_DEPTH}); not an article page")
        text, offsets = extract_html(source)
        article = Article.model_construct(path=path, source=source, text=text, published=html_published(source), offsets=offsets)
    elif suffix in (".md", ".markdown"):
        text, offsets = extract_markdown(source)
        article = Article.model_construct(path=path, source=source, text=text, published=markdown_published(source), offsets=offsets)
    else:
        article = Article.model_construct(path=path, source=source, text=source)
    _check_lines(article, name)
    return article


def _check_lines(article: Article, name: str) -> None:
    start = 0
    text = article.text
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE_CHARS:
            line = article.source.count("\n", 0, article.to_source(start, start + 1)[0]) + 1
            raise InputError(f"{name}:{line}: a line of {end - start:,} characters (more than {MAX_LINE_CHARS:,}); "
                             f"not article text")
        start = end + 1


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(f"{path}: file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:g} MB limit "
                             f"(raise it with --max-size or max_file_size_mb in the configuration)")
        with open(path, "rb") as fh:
            return fh.read()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or folder") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _docx(path: str, data: bytes) -> Article:
    try:
        import io

        import docx  # python-docx: the optional [docx] extra
    except ImportError:
        raise InputError(f"{path}: reading .docx needs python-docx (pip install 'factcheck[docx]')") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a valid .docx file ({exc.__class__.__name__})") from None
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append("  ".join(cell.text for cell in row.cells))
    text = "\n".join(paragraphs)
    if not text.strip():
        raise InputError(f"{path}: empty document")
    return Article.model_construct(path=path, source=text, text=text)
