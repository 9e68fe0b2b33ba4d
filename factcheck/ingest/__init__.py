"""Reading articles: files, folders and standard input, in any format and encoding a newsroom sends.

Every problem becomes an InputError naming the file (and position where known), so a batch carries
on with the other files.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from factcheck.errors import InputError
from factcheck.ingest.decode import decode
from factcheck.ingest.dates import dateline_date
from factcheck.ingest.files import ARTICLE_SUFFIXES, GENERATED_MARK, STDIN, discover, is_generated, read_file, read_stream
from factcheck.ingest.html import extract_html, html_depth, html_published
from factcheck.ingest.limits import DEFAULT_MAX_BYTES, Limits, check_text, size_error
from factcheck.ingest.markdown import extract_markdown, markdown_published
from factcheck.ingest.offsets import INVISIBLE, OffsetMap, TextBuilder

_OVERRIDE = re.compile("[\u202d\u202e]")  # left-to-right and right-to-left override: they reorder the digits shown

__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_MAX_BYTES", "GENERATED_MARK", "STDIN", "Article", "Limits", "discover",
           "is_generated", "read_article", "read_stream"]


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


def read_article(path: str, *, limits: Limits | None = None, stdin_data: bytes | None = None,
                 stdin_name: str | None = None) -> Article:
    """Read, decode and strip one article; every problem is an InputError naming the file and position.
    `stdin_name` is the file standard input stands for (its name and suffix are used)."""
    limits = limits or Limits()
    data = (stdin_data or b"") if path == STDIN else read_file(path, limits)
    name = (stdin_name or "<stdin>") if path == STDIN else path
    path = stdin_name if path == STDIN and stdin_name else path
    if len(data) > limits.max_bytes:
        raise size_error(name, len(data), limits)
    suffix = Path(path).suffix.lower() if path != STDIN else ""
    if suffix == ".docx":
        from factcheck.ingest.docx import docx_text

        text = docx_text(data, name, limits)
        if not text.strip():
            raise InputError(f"{name}: empty document", path=path)
        article = Article.model_construct(path=path, source=text, text=text)
    else:
        article = _text_article(path, name, decode(data, name), suffix, limits)
    check_text(article.text, name, limits, lambda offset: _position(article, offset))
    override = _OVERRIDE.search(article.text)  # the text: an HTML entity (&#8238;) is an override too
    if override:
        raise InputError(f"{name}:{_position(article, override.start())}: a bidirectional "
                         f"override (U+{ord(override.group()):04X}) makes the text display other than it reads, so "
                         f"a figure could be checked that no reader sees; remove it", path=path)
    if article.published is None and (dated := dateline_date(article.text)):
        article = article.model_copy(update={"published": dated})
    return article


def _text_article(path: str, name: str, source: str, suffix: str, limits: Limits) -> Article:
    if not source.strip():
        raise InputError(f"{name}: empty file", path=path)
    if suffix in (".html", ".htm") or (suffix == "" and source.lstrip()[:15].lower().startswith(("<!doctype", "<html"))):
        depth, where = html_depth(source)
        if depth > limits.html_depth:
            raise InputError(f"{name}:{source.count(chr(10), 0, where) + 1}: HTML nested {depth:,} elements deep "
                             f"(more than {limits.html_depth}); not an article page (limits.html_depth)", path=path)
        text, offsets = extract_html(source)
        return Article.model_construct(path=path, source=source, text=text, published=html_published(source),
                                       offsets=offsets)
    if suffix in (".md", ".markdown"):
        text, offsets = extract_markdown(source)
        return Article.model_construct(path=path, source=source, text=text, published=markdown_published(source),
                                       offsets=offsets)
    if INVISIBLE.search(source):
        builder = TextBuilder()
        builder.copy(source, 0, len(source))
        text, offsets = builder.build()
        return Article.model_construct(path=path, source=source, text=text, offsets=offsets)
    return Article.model_construct(path=path, source=source, text=source)


def _position(article: Article, offset: int) -> str:
    """"line:column" in the file of an offset into the analysed text."""
    at = article.to_source(offset, offset + 1)[0]
    line_start = article.source.rfind("\n", 0, at) + 1
    return f"{article.source.count(chr(10), 0, at) + 1}:{at - line_start + 1}"
