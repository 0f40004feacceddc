"""Bytes to text: UTF-8 (with or without BOM), UTF-16, and the legacy Vietnamese encodings.

Anything else is refused with a reason the user can act on, never guessed into mojibake.
"""

from __future__ import annotations

import codecs

from doingoai.errors import InputError
from doingoai.read.legacy import guess_legacy

__all__ = ["decode"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF media file"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Text has almost no control characters besides tab and line breaks; binary data is full of them.
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_MAX_CONTROL_SHARE = 0.01
# the bytes that are not control bytes: deleting them leaves the control bytes, counted in C (a Python loop
# over every byte of every page cost more than the rest of reading it)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_SNIFF = 4096


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 saved without a BOM shows NUL bytes in every other position for Latin-script text."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"declared {encoding.upper()} but byte {exc.start} is invalid",
                         code=InputError.ENCODING) from exc
    return text.lstrip("\ufeff")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode one input. Returns ``(text, encoding name)``; raises ``InputError`` with the reason."""
    if not data.strip():
        raise InputError(source, "empty file" if not data else "file holds only white space",
                         code=InputError.EMPTY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, source), encoding.removesuffix("-sig")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"binary file ({what}), not a news page", code=InputError.BINARY)
    head = data[:_SNIFF]
    utf16 = _utf16_without_bom(head)
    if utf16:
        return _strict(data, utf16, source), utf16
    if b"\x00" in head or len(head.translate(None, _NOT_CONTROL)) > _MAX_CONTROL_SHARE * len(head):
        raise InputError(source, "binary file (control bytes in the text), not a news page",
                         code=InputError.BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    guessed = guess_legacy(data)
    if guessed is not None:
        encoding, text = guessed
        return text, encoding
    raise InputError(
        source,
        f"not UTF-8 (invalid byte 0x{data[first_bad]:02x} at offset {first_bad}) and not a recognised "
        "Vietnamese legacy encoding (Windows-1258, VNI, TCVN3); convert it to UTF-8 first",
        code=InputError.ENCODING,
    )
