"""Markdown to prose: markup is not prose (links keep their text, code and front matter are dropped).

Front matter's `date:` becomes the article's published date. Offsets map back to the source.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.ingest.html import extract_html
from factcheck.ingest.offsets import OffsetMap, TextBuilder

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_DATE = re.compile(r"""^(?:date|published|pubdate)[ \t]*:[ \t]*["']?(\d{4}-\d{2}-\d{2})""",
                         re.MULTILINE | re.IGNORECASE)
# Linear time, which rules out the usual regular expressions for Markdown:
# - an unbounded run never scans past the character that opens another match (a link's text stops at "[",
#   its address at "(", a tag at "<"), so no two attempts scan the same text;
# - a code span opens only at the first backtick of a run and takes the run whole (possessive), its text holds
#   no backtick and no blank line (so "``a ` b``" is not a code span; newsroom copy has none);
# - line-start constructs use [ \t], never \s, which would run across the following blank lines, and no two
#   optional runs of the same characters sit side by side.
_TOKEN = re.compile(
    r"(?P<fence>^(?P<f>```|~~~)[^\n]*\n.*?(?:^(?P=f)[ \t]*$|\Z))"
    r"|(?<!`)(?P<code>`++)(?P<codetext>(?:[^`\n]|\n(?![ \t]*\n))+)(?P=code)(?!`)"
    r"|(?P<image>!\[[^\[\]\n]*\]\([^()\n]*\))"
    r"|\[(?P<linktext>[^\[\]\n]*)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])"
    r"|(?P<autolink><(?:https?|mailto):[^<>\s]*>)"
    r"|(?P<refdef>^[ \t]{0,3}\[[^\[\]\n]+\]:[^\n]*$)"
    r"|(?P<heading>^[ \t]{0,3}#{1,6}[ \t]+)"
    r"|(?P<quote>^[ \t]{0,3}>[ \t]?)"
    r"|(?P<rule>^[ \t]{0,3}(?:[-*_][ \t]*){3,}$)"
    r"|(?P<tablesep>^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)*(?:[ \t]*:?-+:?)?[ \t]*$)"
    r"|(?P<pipe>\|)"
    r"|(?P<emph>\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_]))"
    r"|(?P<html></?[A-Za-z][^<>\n]*>)",
    re.MULTILINE | re.DOTALL,
)


def markdown_published(source: str) -> dt.date | None:
    fm = _FRONT_MATTER.match(source)
    if not fm:
        return None
    date = _FRONT_DATE.search(fm.group("body"))
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date.group(1))
    except ValueError:
        return None


def extract_markdown(source: str) -> tuple[str, OffsetMap]:
    out = TextBuilder()
    position = 0
    fm = _FRONT_MATTER.match(source)
    if fm:
        out.put("\n" * fm.group(0).count("\n"), 0, fm.end())
        position = fm.end()
    for m in _TOKEN.finditer(source, position):
        out.copy(source, position, m.start())
        position = m.end()
        kind = m.lastgroup
        if m.group("fence") is not None or m.group("refdef") is not None or m.group("tablesep") is not None:
            out.put("\n" * m.group(0).count("\n"), m.start(), m.end())
        elif m.group("linktext") is not None:
            out.copy(source, m.start("linktext"), m.end("linktext"))
        elif m.group("pipe") is not None:
            out.put(" ", m.start(), m.end())
        elif m.group("html") is not None:
            inner, _ = extract_html(m.group(0))
            out.put(inner, m.start(), m.end())
        elif kind in ("code", "codetext", "image", "autolink", "heading", "quote", "rule", "emph"):
            continue
    out.copy(source, position, len(source))
    return out.build()
