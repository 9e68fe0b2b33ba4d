"""HTML to prose: tags, scripts and styles dropped, entities decoded, offsets mapped to the source.

A single linear scan with regular expressions, so deeply nested or broken markup costs no more than
flat markup and never recurses.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from factcheck.ingest.offsets import OffsetMap, TextBuilder

# Linear time: no unbounded run may scan past the character that starts another match ("<" or "&"), so
# no two attempts scan the same text; an unclosed tag is left as text rather than searched for its end.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|<(?P<raw>script|style|template|noscript|svg)\b[^<>]*>.*?(?:</(?P=raw)\s*>|$)"
    r"|<!\[CDATA\[.*?(?:\]\]>|$)"
    r"|<(?P<close>/)?(?P<tag>[A-Za-z][A-Za-z0-9:-]*)\b(?P<attrs>[^<>]*)>"
    r"|<![^<>]*>|<\?[^<>]*>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    re.DOTALL | re.IGNORECASE,
)
_BLOCK = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot section article header footer "
                   "blockquote pre figure figcaption dt dd dl hr title aside nav main caption form".split())
_CELL = frozenset({"td", "th"})
_DATE_META = re.compile(
    r"""<meta\b[^<>]*?\b(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|date|pubdate|publishdate|"""
    r"""datePublished|dc\.date|og:published_time)["'][^<>]*>|<time\b[^<>]*?\bdatetime\s*=\s*["'][^"'<>]+["'][^<>]*>""",
    re.IGNORECASE,
)
_DATE_VALUE = re.compile(r"""(?:content|datetime)\s*=\s*["'](\d{4}-\d{2}-\d{2})""", re.IGNORECASE)


def extract_html(source: str) -> tuple[str, OffsetMap]:
    out = TextBuilder()
    position = 0
    for m in _TOKEN.finditer(source):
        out.copy(source, position, m.start())
        position = m.end()
        token = m.group(0)
        if token.startswith("&"):
            decoded = html.unescape(token)
            out.put(decoded if decoded != token else token, m.start(), m.end())
            continue
        tag = (m.group("tag") or "").lower()
        if tag in _BLOCK or m.group("raw"):
            out.put("\n", m.start(), m.end())
        elif tag in _CELL:
            out.put("  ", m.start(), m.end())
    out.copy(source, position, len(source))
    return out.build()


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def html_depth(source: str) -> tuple[int, int]:
    """The deepest element nesting, and where it is reached (a linear scan; no parser recursion)."""
    depth = deepest = where = 0
    for m in _TOKEN.finditer(source):
        tag = (m.group("tag") or "").lower()
        if not tag or tag in _VOID or m.group(0).endswith("/>"):
            continue
        if m.group("close"):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest, where = depth, m.start()
    return deepest, where


def html_published(source: str) -> dt.date | None:
    for meta in _DATE_META.finditer(source[:200_000]):
        value = _DATE_VALUE.search(meta.group(0))
        if value:
            try:
                return dt.date.fromisoformat(value.group(1))
            except ValueError:
                continue
    return None
