"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; anything else is an error."""

from __future__ import annotations

import codecs

from factcheck.errors import InputError

_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name, offset=3)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at byte {nul}); expected text, HTML, Markdown or .docx")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    bad = next((i for i, b in enumerate(data) if b in _CP1252_UNDEFINED), None)
    if bad is None and _looks_like_text(data):
        return data.decode("cp1252")  # Windows-1252: smart quotes and pound signs from older CMS exports
    position = bad if bad is not None else utf8_error.start
    line = data.count(b"\n", 0, position) + 1
    raise InputError(f"{name}:{line}: undecodable byte 0x{data[position]:02x} at byte {position} "
                     f"(not UTF-8, UTF-16 or Windows-1252)")


def _strict(data: bytes, encoding: str, name: str, offset: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        position = exc.start + offset
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{name}:{line}: invalid {encoding.upper()} at byte {position}") from None


def _looks_like_text(data: bytes) -> bool:
    controls = sum(1 for b in data[:65536] if b < 32 and b not in (9, 10, 13, 12))
    return controls <= 0.01 * min(len(data), 65536)
