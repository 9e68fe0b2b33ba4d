"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), or Windows-1252; anything else is
an error. Lone carriage returns (classic Mac line endings) become line feeds, one character for one, so
offsets are unchanged and every line has its own number."""

from __future__ import annotations

import codecs
import re

from factcheck.errors import InputError

_CP1252_UNDEFINED_BYTE = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_LONE_CR = re.compile(r"\r(?!\n)")


def decode(data: bytes, name: str) -> str:
    text = _decode(data, name)
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name, offset=3)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    nul = data.find(b"\x00")
    if nul >= 0 and (encoding := _utf16_without_bom(data)):
        return _strict(data, encoding, name)
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at byte {nul}); expected text, HTML, Markdown or .docx")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    undefined = _CP1252_UNDEFINED_BYTE.search(data)
    bad = undefined.start() if undefined else None
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: Latin text puts a NUL in every other byte, on one side only."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    pairs = len(sample) // 2
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.6 * pairs and even_nul == 0:
        return "utf-16-le"
    if even_nul >= 0.6 * pairs and odd_nul == 0:
        return "utf-16-be"
    return None
