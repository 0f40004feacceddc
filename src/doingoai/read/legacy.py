"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI-Windows and Windows-1258, to NFC Unicode.

The byte tables live in ``doingoai/data/encodings/*.tsv`` with their provenance; this module only
reads them. Decoders refuse (``ValueError``) rather than guess at bytes their table lacks.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from importlib.resources import files
from typing import NamedTuple

__all__ = [
    "GUESS_MARGIN",
    "MIN_MARKED_SCORE",
    "MIN_MARKED_WORDS",
    "VIETNAMESE_THRESHOLD",
    "decode_cp1258",
    "decode_tcvn3",
    "decode_vni",
    "encode_tcvn3",
    "encode_vni",
    "guess_legacy",
    "vietnamese_score",
]


# --- tables -------------------------------------------------------------------------------------


@functools.cache
def _load_table(name: str) -> dict[bytes, str]:
    """Read one ``bytes_hex<TAB>unicode`` table from the package data."""
    resource = files("doingoai") / "data" / "encodings" / name
    table: dict[bytes, str] = {}
    for number, line in enumerate(resource.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        hex_bytes, tab, char = line.partition("\t")
        # A broken data file must fail loudly here, not decode text wrongly later.
        try:
            key = bytes.fromhex(hex_bytes)
        except ValueError as exc:
            raise ValueError(f"{name}:{number}: bad hex {hex_bytes!r}") from exc
        if not tab or not key or len(char) != 1 or unicodedata.normalize("NFC", char) != char:
            raise ValueError(f"{name}:{number}: expected bytes_hex<TAB>one NFC character")
        if key in table:
            raise ValueError(f"{name}:{number}: duplicate bytes {hex_bytes}")
        table[key] = char
    return table


def _inverse(table: dict[bytes, str], name: str) -> dict[str, bytes]:
    inverse: dict[str, bytes] = {}
    for key, char in table.items():
        if char in inverse:
            raise ValueError(f"{name}: {char!r} is listed twice")
        inverse[char] = key
    return inverse


@functools.cache
def _tcvn3_decoding() -> tuple[dict[int, str], re.Pattern[bytes]]:
    table = _load_table("tcvn3.tsv")
    if any(len(key) != 1 or key[0] < 0x80 for key in table):
        raise ValueError("tcvn3.tsv: every row must be a single byte 80-FF")
    by_byte = {key[0]: char for key, char in table.items()}
    unlisted = bytes(b for b in range(0x80, 0x100) if b not in by_byte)
    return by_byte, re.compile(b"[" + re.escape(unlisted) + b"]")


@functools.cache
def _tcvn3_encoding() -> dict[str, bytes]:
    return _inverse(_load_table("tcvn3.tsv"), "tcvn3.tsv")


@functools.cache
def _vni_decoding() -> tuple[dict[str, str], re.Pattern[str]]:
    # Matching on the Windows-1252 reading of the bytes lets one regex do the longest-match scan
    # and leaves every unlisted byte as Windows-1252, as the table header promises.
    table = {key.decode("cp1252"): char for key, char in _load_table("vni.tsv").items()}
    keys = sorted(table, key=len, reverse=True)
    return table, re.compile("|".join(map(re.escape, keys)))


@functools.cache
def _vni_encoding() -> tuple[dict[str, bytes], frozenset[str]]:
    table = _load_table("vni.tsv")
    used = {b for key in table for b in key if b >= 0x80}
    # A Windows-1252 character may pass through only if its byte is not a VNI letter or mark
    # byte; otherwise it would come back from decode_vni as a different letter.
    passthrough = frozenset(char for b in range(0x80, 0x100) if b not in used and (char := _cp1252_char(b)) is not None)
    return _inverse(table, "vni.tsv"), passthrough


def _cp1252_char(byte: int) -> str | None:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return None


# --- codecs -------------------------------------------------------------------------------------


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 (ABC) bytes; raise ``ValueError`` on a byte outside the table."""
    by_byte, unlisted = _tcvn3_decoding()
    bad = unlisted.search(data)
    if bad is not None:
        raise UnicodeDecodeError("tcvn3", data, bad.start(), bad.end(), "byte not in TCVN3 (VN3)")
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(by_byte))


def _encode(text: str, table: dict[str, bytes], passthrough: frozenset[str] | set[str], name: str) -> bytes:
    """ASCII as is, table letters as their bytes, ``passthrough`` characters as Windows-1252; else refuse."""
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for index, char in enumerate(text):
        if char < "\x80":
            out.append(ord(char))
        elif char in table:
            out += table[char]
        elif char in passthrough:
            out += char.encode("cp1252")
        else:
            raise UnicodeEncodeError(name, text, index, index + 1, f"not expressible in {name.upper()}")
    return bytes(out)


def encode_tcvn3(text: str) -> bytes:
    """Encode NFC-normalised text as TCVN3; raise ``ValueError`` for what TCVN3 cannot express."""
    return _encode(text, _tcvn3_encoding(), frozenset(), "tcvn3")


def decode_vni(data: bytes) -> str:
    """Decode VNI-Windows bytes; raise ``ValueError`` on bytes Windows-1252 leaves undefined."""
    table, sequences = _vni_decoding()
    text = data.decode("cp1252")
    return unicodedata.normalize("NFC", sequences.sub(lambda m: table[m.group()], text))


def encode_vni(text: str) -> bytes:
    """Encode NFC-normalised text as VNI-Windows; raise ``ValueError`` for what VNI cannot express."""
    table, passthrough = _vni_encoding()
    return _encode(text, table, passthrough, "vni")


def decode_cp1258(data: bytes) -> str:
    """Decode Windows-1258 bytes to NFC; raise ``ValueError`` on undefined bytes."""
    # Windows-1258 stores most tones as combining marks after the letter; NFC joins them.
    return unicodedata.normalize("NFC", data.decode("cp1258"))


# --- scoring ------------------------------------------------------------------------------------

# Combining marks stay inside a word so that a tone stranded on a consonant counts against it.
_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")

_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_TONES = frozenset({_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT})
_SHAPE_MARKS = frozenset({"\u0302", "\u0306", "\u031b"})  # circumflex, breve, horn
_VOWELS = frozenset("aeiouy")

_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# Which nuclei take which final consonant follows Vietnamese phonotactics (ch/nh only after a,
# ê, i, y, oa, uê, uy; ng/c never after ê, i, ơ), so that mis-decoded text rarely passes.
_RHYME = (
    "(?:(?:uyê|uô|ươ|iê|yê|oa|oă|oe|uâ|uê|uy|[aăâeêioôơuưy])[mnpt]"
    "|(?:uô|ươ|iê|yê|oa|oă|oo|uâ|[aăâeoôuư])(?:ng|c)"
    "|(?:oa|uê|uy|[aêiy])(?:nh|ch)"
    "|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|uya|uyu"
    "|ia|ua|ưa|oa|oe|uê|uy|uơ|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|[aeêioôơuưy])"
)
_SYLLABLE = re.compile(_ONSET + _RHYME)
# Syllables closed by a stop take only the acute or dot-below tone.
_STOP_ENDINGS = ("p", "t", "c", "ch")


@functools.lru_cache(maxsize=1 << 16)
def _is_syllable(word: str) -> bool:
    """True if a lower-case non-ASCII word is one well-formed Vietnamese syllable."""
    tone = ""
    base = ""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        if char in _TONES:
            if tone or base not in _VOWELS:
                return False
            tone = char
        else:
            if unicodedata.combining(char):
                if char not in _SHAPE_MARKS:
                    return False
            else:
                base = char
            kept.append(char)
    toneless = unicodedata.normalize("NFC", "".join(kept))
    if _SYLLABLE.fullmatch(toneless) is None:
        return False
    return tone in ("", _ACUTE, _DOT) or not toneless.endswith(_STOP_ENDINGS)


class _Stats(NamedTuple):
    words: int
    ascii_words: int
    marked_words: int  # words with at least one non-ASCII letter or mark
    marked_good: int  # of those, well-formed Vietnamese syllables

    @property
    def score(self) -> float:
        return (self.ascii_words + self.marked_good) / self.words if self.words else 0.0

    @property
    def marked_score(self) -> float:
        return self.marked_good / self.marked_words if self.marked_words else 0.0


def _stats(text: str) -> _Stats:
    words = ascii_words = marked_words = marked_good = 0
    for match in _WORD.finditer(text):
        word = match.group()
        words += 1
        if word.isascii():
            ascii_words += 1
        else:
            marked_words += 1
            marked_good += _is_syllable(word.lower())
    return _Stats(words, ascii_words, marked_words, marked_good)


def vietnamese_score(text: str) -> float:
    """Share (0..1) of words that are well-formed Vietnamese syllables or plain ASCII words."""
    return _stats(text).score


# --- guessing -----------------------------------------------------------------------------------

# Calibration: seven news paragraphs (alone, joined, and inside HTML boilerplate) were encoded in
# each encoding they fit and decoded by all three decoders; French and German paragraphs were
# encoded as Latin-1 and Windows-1252; random bytes and random Latin-1 letters were added.
# vietnamese_score was 1.00 for every right decoding, 0.08-0.77 for wrong decodings of Vietnamese,
# at most 0.23 for random letters, but 0.74-0.79 for French/German text and 0.90-0.94 once HTML
# markup adds ASCII words. So this threshold, which leaves room for foreign names and typos,
# rejects wrong decodings of Vietnamese but not other Latin-script text...
VIETNAMESE_THRESHOLD = 0.9
# ...which the non-ASCII words expose: the share of them that are well-formed syllables was 1.00
# for every right decoding, 0.00-0.37 for wrong decodings, at most 0.15 for French, German and
# random letters. 0.8 tolerates place names such as "Đắk Lắk" and names like "François".
MIN_MARKED_SCORE = 0.8
# Fewer non-ASCII words than this is too little evidence to name an encoding.
MIN_MARKED_WORDS = 5
# The winner must beat every other candidate's non-ASCII share by this much; in calibration the
# gap between a right decoding and its runner-up was at least 0.63.
GUESS_MARGIN = 0.3

_DECODERS: tuple[tuple[str, Callable[[bytes], str]], ...] = (
    ("windows-1258", decode_cp1258),
    ("vni", decode_vni),
    ("tcvn3", decode_tcvn3),
)


def guess_legacy(data: bytes) -> tuple[str, str] | None:
    """Return ``(encoding, text)`` if non-UTF-8 ``data`` is clearly Vietnamese in one legacy encoding."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    # Loaded before the loop below, so that a broken data file is not taken for undecodable input.
    _tcvn3_decoding()
    _vni_decoding()
    candidates: list[tuple[_Stats, str, str]] = []
    for name, decoder in _DECODERS:
        try:
            text = decoder(data)
        except ValueError:
            continue
        candidates.append((_stats(text), name, text))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0].score, c[0].marked_score), reverse=True)
    best, name, text = candidates[0]
    if (
        best.score < VIETNAMESE_THRESHOLD
        or best.marked_score < MIN_MARKED_SCORE
        or best.marked_good < MIN_MARKED_WORDS
        or any(best.marked_score - other.marked_score < GUESS_MARGIN for other, _, _ in candidates[1:])
    ):
        return None
    return name, text
