"""Word documents: the text of word/document.xml, read as a stream under limits.

A .docx is a zip of XML, so it can be a zip bomb (a few MB expanding to gigabytes), an entity bomb or
external-entity attack (DTDs), or XML nested a million deep. The document part is decompressed in chunks
and refused past limits.docx_mb, parsed by defusedxml (no DTD, no entities) as a stream of events with
each element cleared once read, and refused past limits.html_depth of nesting. Paragraphs become lines
and table rows become lines of cells, in document order.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from factcheck.errors import InputError
from factcheck.ingest.limits import MB, Limits

_DOCUMENT = "word/document.xml"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"  # a copy of the Choice


class _Bounded(io.RawIOBase):
    """A stream that refuses to yield more than `budget` bytes in all."""

    def __init__(self, stream, budget: int, name: str):
        self.stream, self.left, self.name, self.budget = stream, budget, name, budget

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(min(size if size >= 0 else 1 << 16, self.left + 1))
        self.left -= len(chunk)
        if self.left < 0:
            raise InputError(f"{self.name}: the document expands to more than {self.budget / MB:g} MB "
                             f"(limits.docx_mb); not read", path=self.name)
        return chunk


def docx_text(data: bytes, name: str, limits: Limits) -> str:
    budget = int(limits.docx_mb * MB)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo(_DOCUMENT)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise InputError(f"{name}: not a valid .docx file ({exc.__class__.__name__})", path=name) from None
    if info.file_size > budget:
        raise InputError(f"{name}: the document expands to {info.file_size / MB:,.0f} MB, more than "
                         f"{limits.docx_mb:g} MB (limits.docx_mb); not read", path=name)
    try:
        with archive.open(info) as part:
            return _text(_Bounded(part, budget, name), name, limits)
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise InputError(f"{name}: not a valid .docx file (malformed XML in {_DOCUMENT} at line {line}, "
                         f"column {column + 1})", path=name) from None
    except DefusedXmlException as exc:
        raise InputError(f"{name}: refused: {_DOCUMENT} declares a DTD or entities "
                         f"({exc.__class__.__name__}), which a Word document never needs", path=name) from None
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise InputError(f"{name}: not a valid .docx file ({exc.__class__.__name__}: {exc})", path=name) from None


def _text(stream, name: str, limits: Limits) -> str:
    lines: list[str] = []
    paragraph: list[str] = []
    cells: list[list[str]] = []  # one list of cell texts per open table row
    cell: list[list[str]] = []  # one list of paragraph texts per open cell
    open_elements: list = []
    skipping = 0
    for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True, forbid_entities=True,
                                    forbid_external=True):
        tag = element.tag
        if event == "start":
            open_elements.append(element)
            if len(open_elements) > limits.html_depth:
                raise InputError(f"{name}: {_DOCUMENT} nested more than {limits.html_depth} elements deep "
                                 f"(limits.html_depth); not a Word document", path=name)
            skipping += tag == _FALLBACK
            local = tag.rpartition("}")[2]
            if local == "tr":
                cells.append([])
            elif local == "tc":
                cell.append([])
            continue
        open_elements.pop()
        local = tag.rpartition("}")[2]
        if tag == _FALLBACK:
            skipping -= 1
        elif skipping:
            pass
        elif local == "t":
            paragraph.append(element.text or "")
        elif local == "tab":
            paragraph.append("\t")
        elif local in ("br", "cr"):
            paragraph.append("\n")
        elif local == "p":
            text = "".join(paragraph)
            paragraph = []
            (cell[-1] if cell else lines).append(text)
        elif local == "tc" and cell:
            text = " ".join(p for p in cell.pop() if p)
            (cells[-1] if cells else lines).append(text)
        elif local == "tr" and cells:
            row = "  ".join(cells.pop())
            (cell[-1] if cell else lines).append(row)
        # Memory stays flat: a finished element is emptied and dropped from its parent, where (every earlier
        # sibling being gone already) it is the first child.
        element.clear()
        if open_elements and len(open_elements[-1]) and open_elements[-1][0] is element:
            del open_elements[-1][0]
    return "\n".join(lines)
