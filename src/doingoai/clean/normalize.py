"""Text normalization applied once, at the edge, to everything doingoai reads.

Every later stage (segmentation, extraction, storage) sees only normalized text, and every offset in
the output points into it. The rules:

* HTML entities decoded (``&nbsp;``, ``&agrave;``, ``&#7853;``), including doubly escaped ones;
* Unicode NFC;
* one tone-mark placement, the one the ``doingoai/1`` spec prescribes: in the rhymes "oa", "oe", "uy"
  with no final consonant the mark sits on the first vowel ("hoà" -> "hòa", "thuỷ" -> "thủy");
* no-break and exotic spaces become plain spaces, zero-width characters and soft hyphens disappear,
  line breaks become ``\\n``, runs of spaces shrink to one and lines lose their edge spaces.

Tone marks are never removed. ``normalize`` is idempotent.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

__all__ = ["fold", "normalize", "normalize_line", "tone_fix"]

# Combining tone marks: grave, acute, hook above, tilde, dot below.
_TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
# First vowel -> the second vowels of the rhymes whose mark moves onto the first vowel.
_RHYMES = {"o": "ae", "u": "y"}


def _case_variants(first: str, second: str) -> list[tuple[str, str]]:
    return [(f, s) for f in (first, first.upper()) for s in (second, second.upper())]


@cache
def _tone_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for first, seconds in _RHYMES.items():
        for second in seconds:
            for f, s in _case_variants(first, second):
                for mark in _TONE_MARKS:
                    old = f + unicodedata.normalize("NFC", s + mark)
                    new = unicodedata.normalize("NFC", f + mark) + s
                    table[old] = new
    # "quý", "quỳnh": after "q" the "u" is part of the onset, so the mark stays on "y".
    # A letter after the rhyme ("hoàn", "khuỳnh") means a final consonant or glide: leave it alone.
    # Written as character classes rather than sixty alternatives: it runs over every page. Each branch
    # starts with its literal first vowel and checks the "q" behind it afterwards, so that the regex
    # engine can skip ahead to the next "o"/"u" instead of trying every position of the page.
    seconds_o = "".join(sorted({k[1] for k in table if k[0] in "oO"}))
    seconds_u = "".join(sorted({k[1] for k in table if k[0] in "uU"}))
    branches = "|".join(f"{first}(?<![qQ].)[{seconds}]" for first, seconds in
                        (("o", seconds_o), ("O", seconds_o), ("u", seconds_u), ("U", seconds_u)))
    pattern = re.compile(f"(?:{branches})(?![^\\W\\d_])")
    return pattern, table


def tone_fix(text: str) -> str:
    """Move old-style tone marks ("hoà", "Thuỷ") to the placement of the spec ("hòa", "Thủy"). Expects NFC."""
    pattern, table = _tone_table()
    return pattern.sub(lambda m: table[m.group()], text)


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Characters that print as a space, and characters that should not print at all.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                 "\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"), " ")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"), None)
_BREAKS = {ord("\u2028"): "\n", ord("\u2029"): "\n", ord("\x85"): "\n"}
# Letters that look like Vietnamese "Đ/đ" but are others (Icelandic eth, African D): old pages and
# fonts typed them for "Đ", and every cue, title and name with "Đ" is then missed ("Ðiện", "Ðảng").
_LOOKALIKES = {ord("\u00d0"): "\u0110", ord("\u00f0"): "\u0111", ord("\u0189"): "\u0110", ord("\u0256"): "\u0111"}
_TRANSLATE: dict[int, str | None] = {**_SPACES, **_INVISIBLE, **_BREAKS, **_LOOKALIKES}
_CONTROL = "".join(map(chr, [*range(0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]))
# The translated characters and the control characters are disjoint sets: one regex finds both, and
# most pages have none (``str.translate`` would look every character of the page up in the table).
_ODD = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE)) + _CONTROL) + "]")
_ODD_REPLACEMENT = {**{chr(k): v or "" for k, v in _TRANSLATE.items()}, **dict.fromkeys(_CONTROL, "")}
_RUNS = re.compile(r" {2,}")
_EDGES = re.compile(r"^ +| +$", re.MULTILINE)


def _decode_entities(text: str) -> str:
    # Scraped pages are sometimes escaped twice ("&amp;nbsp;"): decode until nothing changes.
    while "&" in text:
        decoded = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        if decoded == text:
            break
        text = decoded
    return text


def _replace_odd(m: re.Match[str]) -> str:
    return _ODD_REPLACEMENT[m.group()]


def _has_edge_spaces(text: str) -> bool:
    return text.startswith(" ") or text.endswith(" ") or "\n " in text or " \n" in text


def _normalize_once(text: str) -> tuple[str, bool]:
    """One pass of the rules, and whether it is known that another pass would change nothing: so it is when
    this one only turned line breaks into ``\n`` and removed spaces (no entity decoded, no odd character
    replaced, nothing composed, no tone mark moved). Removing spaces, at the edges of lines or in runs, makes no
    new entity, odd character, composition or tone rhyme: what it brings together is a line break (or an end of
    the text) and a character, or a space and a character as before; and it leaves no run or edge space."""
    # Each step is skipped when a cheap test shows it has nothing to do: ``normalize`` ran this twice per page,
    # the second time over text that is already clean (most pages change only their spaces: once now).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    decoded = _decode_entities(text)
    settled = decoded == text
    text = decoded
    if _ODD.search(text):
        text = _ODD.sub(_replace_odd, text)
        settled = False
    composed = unicodedata.normalize("NFC", text)
    fixed = tone_fix(composed)
    settled = settled and composed == text and fixed == composed
    text = fixed
    if "  " in text:
        text = _RUNS.sub(" ", text)
    return (_strip_edges(text) if _has_edge_spaces(text) else text), settled


def _strip_edges(text: str) -> str:
    """``_EDGES.sub("", text)``: every line without its edge spaces. The pattern has no literal to skip ahead to,
    and the engine tries both branches at every character of the page; str.strip reads only the edges."""
    return "\n".join([line.strip(" ") for line in text.split("\n")])


def normalize(text: str) -> str:
    """Normalize a whole page, keeping its line structure (one output line per input line)."""
    # One pass is enough for real text; the loop makes the function idempotent even for inputs where
    # one rule uncovers work for another (an entity that decodes to a zero-width space inside an entity).
    for _ in range(8):
        done, settled = _normalize_once(text)
        if settled or done == text:  # (settled: the next pass would give ``done`` again)
            return done
        text = done
    return text


def normalize_line(text: str) -> str:
    """Normalize a fragment that must stay on one line (a title, a teaser)."""
    return normalize(text).replace("\n", " ").strip()


@cache
def _fold_table() -> dict[int, str | None]:
    """Every accented Latin letter to its base letter, combining marks to nothing (đ/Đ to d/D)."""
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    for code in range(0x0300, 0x0370):
        table[code] = None
    return table


# ``_fold_table`` as a list indexed by code point (each character without an entry maps to itself), up to past
# the last letter it maps. ``str.translate`` looks a dict up by a new int for each character, and one without
# an entry (most of them) raises and clears a KeyError; a list hands it back. A character past the list raises
# IndexError and is kept, as a missing key is. Twice as fast on Vietnamese text.
_FOLD_SPAN = 0x2100


@cache
def _fold_list() -> list[int | str | None]:
    table = _fold_table()
    assert max(table) < _FOLD_SPAN
    return [table.get(code, code) for code in range(_FOLD_SPAN)]


def fold(text: str) -> str:
    """Case- and diacritic-insensitive key for matching and search. Never stored as text."""
    return text.translate(_fold_list()).casefold()
