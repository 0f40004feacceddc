"""Hypothesis strategies for pages a careless or hostile site could serve: Vietnamese news-like text built
from the project's own vocabulary (syllables of the example pages, titles, office holders, states, event
cues) mixed with dates that may not exist, numbers of any length, and mutations of real pages.

Shared by the robustness tests (small example counts) and ``tools/fuzz.py`` (long local runs).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from doingoai.lexicon import load_tsv, load_yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@cache
def syllables() -> tuple[str, ...]:
    """The words of the example pages: real Vietnamese syllables with their tone marks."""
    words: set[str] = set()
    for path in sorted(EXAMPLES.iterdir()):
        words.update(re.findall(r"[^\W\d_]+", re.sub(r"<[^>]*>", " ", path.read_text(encoding="utf-8"))))
    return tuple(sorted(words))


@cache
def phrases() -> tuple[str, ...]:
    """Names, titles, states and the openings of event cues from the data files."""
    out: set[str] = set()
    out.update(r["title"] for r in load_tsv("titles.tsv", ("title",)))
    out.update(r["name"] for r in load_tsv("officeholders.tsv", ("name",)))
    out.update(r["name"] for r in load_tsv("countries.tsv", ("name",)))
    for cues in load_yaml("event_cues.yaml").values():
        for cue in cues:
            out.update(cue.get("starts", []))
    out.update(_CONTEXT)
    return tuple(sorted(p for p in out if p))


# Words around figures, relations and anniversaries, so that generated numbers and years get read.
_CONTEXT = ("kim ngạch thương mại hai chiều", "đạt", "phấn đấu đưa", "lên", "mục tiêu", "vốn đầu tư", "viện trợ",
            "đối tác thương mại lớn thứ", "nhà đầu tư lớn thứ", "kỷ niệm", "năm thiết lập quan hệ ngoại giao",
            "Đối tác chiến lược toàn diện", "nâng cấp quan hệ lên", "ký", "bản ghi nhớ", "hiệp định", "lần thứ",
            "khóa", "Đại hội đồng Liên hợp quốc", "AIPA-", "IPU-", "Cùng ngày", "Tiếp đó", "Sau đó", "dự kiến",
            "sẽ", "hồi", "tháng", "năm", "ngày", "sáng", "chiều", "tối", "Thứ Hai,", "Tết Nguyên đán", "Quý Tỵ")


_DAY = st.integers(0, 40)
_MONTH = st.integers(0, 14)
_YEAR = st.one_of(st.integers(1900, 2100), st.integers(0, 99999))


def _date(parts: tuple[int, int, int, int]) -> str:
    day, month, year, form = parts
    return (f"ngày {day}/{month}/{year}", f"{day:02d}/{month:02d}/{year}", f"{year:04d}-{month:02d}-{day:02d}",
            f"ngày {day} tháng {month} năm {year}", f"tháng {month}/{year}", f"Sáng {day}/{month}",
            f"từ {day}-{day + 2}/{month}", f"{day}.{month}.{year}", f"năm {year}",
            f"07:00 | {day:02d}/{month:02d}/{year}")[form % 10]


dates = st.tuples(_DAY, _MONTH, _YEAR, st.integers(0, 9)).map(_date)

_UNITS = ("tỷ USD", "triệu USD", "USD", "tỷ đồng", "triệu đồng", "%", "lần", "đoàn", "văn kiện", "nghìn tỷ USD")


def _number(parts: tuple[str, int, str, int]) -> str:
    digits, sep_at, unit, qual = parts
    if 0 < sep_at < len(digits):
        digits = digits[:sep_at] + (",", ".")[sep_at % 2] + digits[sep_at:]
    return f"{('', 'hơn ', 'khoảng ', 'gần ', 'dưới ')[qual]}{digits} {unit}"


numbers = st.tuples(st.text("0123456789", min_size=1, max_size=450), st.integers(0, 12), st.sampled_from(_UNITS),
                    st.integers(0, 4)).map(_number)


@st.composite
def words(draw: st.DrawFn) -> str:
    return draw(st.one_of(st.sampled_from(syllables()), st.sampled_from(phrases())))


_PIECE = st.one_of(words(), words(), words(), dates, numbers, st.sampled_from((",", ".", ":", "-", "(", ")", '"')))


@st.composite
def sentences(draw: st.DrawFn) -> str:
    text = " ".join(draw(st.lists(_PIECE, min_size=1, max_size=40)))
    return text[:1].upper() + text[1:] + draw(st.sampled_from((".", ".", "", ";", "!")))


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page: an optional header with a date line and a title, then paragraphs of sentences."""
    lines = []
    if draw(st.booleans()):
        lines += [draw(dates), " ".join(draw(st.lists(words(), min_size=1, max_size=12)))]
    for _ in range(draw(st.integers(1, 6))):
        lines.append(" ".join(draw(st.lists(sentences(), min_size=1, max_size=5))))
    return "\n".join(lines) + "\n"


# A record's "published" as a feed may give it, possibly a day or month that does not exist.
published = st.one_of(st.none(), st.tuples(st.integers(0, 9999), st.integers(0, 14), st.integers(0, 40),
                                           st.integers(0, 2)).map(
    lambda p: (f"{p[0]:04d}", f"{p[0]:04d}-{p[1]:02d}", f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}")[p[3]]))

# A record's "url": mostly news URLs, sometimes broken ones (an unclosed IPv6 bracket, a bad port).
urls = st.one_of(st.none(), st.sampled_from(("https://vnexpress.net/a-1.html", "https://www.baoquocte.vn/x",
                                             "http://[::1", "http://[vn]/", "https://vov.vn:99999/a", "http://",
                                             "mailto:x@y.vn", "https://user:pw@nhandan.vn:8a/")),
                 st.text(max_size=40).map(lambda t: "http://" + t))


def mutate(data: bytes, ops: list[tuple[int, int, int, int]]) -> bytes:
    """Apply byte-level mutations: (kind, position, length, value) as drawn by ``mutations``: flip a byte,
    cut a span, splice a span elsewhere, repeat a span."""
    buf = bytearray(data)
    for kind, pos, length, value in ops:
        if not buf:
            break
        i = pos % len(buf)
        j = min(len(buf), i + length)
        if kind == 0:
            buf[i] = value
        elif kind == 1:
            del buf[i:j]
        elif kind == 2:
            piece = bytes(buf[i:j])
            k = value * 257 % (len(buf) + 1)
            buf[k:k] = piece
        else:
            buf[i:j] = bytes(buf[i:j]) * (1 + value % 8)
    return bytes(buf)


# What a flipped character becomes: markup, separators, digits, stray controls, a NUL, bidi and zero-width
# characters, a surrogate-free astral character, and letters with and without tone marks.
PALETTE = "<>&/\\\"'.,;:-–()[]{}0123456789 \n\t\r\x00\x07\x1b\u00a0\u200b\u202e\ufeff\U0001f600aăâđêôơưáàảãạĐỲ"


def mutate_text(text: str, ops: list[tuple[int, int, int, int]]) -> str:
    """``mutate`` on characters instead of bytes: a byte flip mostly makes UTF-8 that the reader refuses,
    a character flip makes a page it reads."""
    chars = list(text)
    for kind, pos, length, value in ops:
        if not chars:
            break
        i = pos % len(chars)
        j = min(len(chars), i + length)
        if kind == 0:
            chars[i] = PALETTE[value % len(PALETTE)]
        elif kind == 1:
            del chars[i:j]
        elif kind == 2:
            k = value * 257 % (len(chars) + 1)
            chars[k:k] = chars[i:j]
        else:
            chars[i:j] = chars[i:j] * (1 + value % 8)
    return "".join(chars)


mutations = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2**31), st.integers(1, 400), st.integers(0, 255)),
                     min_size=1, max_size=8)
