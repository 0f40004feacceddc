"""Normalization: golden cases and properties (idempotence, tone marks kept, one line per line)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.clean.normalize import fold, normalize, normalize_line, tone_fix

VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
LETTERS = VIETNAMESE + VIETNAMESE.upper() + "bcdghklmnpqrstvx"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoà bình", "hòa bình"),
        ("Hoà Bình", "Hòa Bình"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("Thuỵ Sĩ và Thuỷ", "Thụy Sĩ và Thủy"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("Uỷ ban", "Ủy ban"),
        ("quý khách", "quý khách"),  # "qu" is the onset: the mark stays
        ("hoàng hôn, ngoài trời, khuỳnh", "hoàng hôn, ngoài trời, khuỳnh"),  # final consonant or glide
        ("Vie\u0323\u0302t Nam", "Việt Nam"),  # decomposed input (Windows-1258 style)
        ("a\u00a0b\u2009c", "a b c"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        ("Tin&nbsp;tức &amp; sự kiện", "Tin tức & sự kiện"),
        ("&agrave; &#7853; &#x1EA1;", "à ậ ạ"),
        ("doubly &amp;amp; escaped", "doubly & escaped"),
        ("  lề   thừa  \n  dòng hai ", "lề thừa\ndòng hai"),
        ("windows\r\nline\rbreaks", "windows\nline\nbreaks"),
        ("AT&T không phải thực thể", "AT&T không phải thực thể"),
    ],
)
def test_golden(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_tone_fix_every_rhyme_and_mark() -> None:
    olds = ["oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ", "uỳ", "uý", "uỷ", "uỹ", "uỵ"]
    news = ["òa", "óa", "ỏa", "õa", "ọa", "òe", "óe", "ỏe", "õe", "ọe", "ùy", "úy", "ủy", "ũy", "ụy"]
    for old, new in zip(olds, news, strict=True):
        assert tone_fix("h" + old) == "h" + new
        assert tone_fix("h" + old + "n") == "h" + old + "n"


def test_normalize_line_joins_lines() -> None:
    assert normalize_line(" Tiêu đề\n  hai dòng ") == "Tiêu đề hai dòng"


def test_fold_is_for_matching_only() -> None:
    assert fold("Đối tác Chiến lược Toàn diện") == "doi tac chien luoc toan dien"


text_strategy = st.text(alphabet=st.sampled_from(list(LETTERS) + list(" \n\t.,;:!?-&#;\u00a0\u200b\u0300\u0301\u0323")),
                        max_size=200)


@settings(max_examples=400)
@given(text_strategy)
def test_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300)
@given(st.text(max_size=120))
def test_idempotent_on_any_unicode(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=300)
@given(st.lists(st.text(alphabet=st.sampled_from([*LETTERS, " "]), max_size=40), max_size=8))
def test_keeps_lines_and_tone_marks(lines: list[str]) -> None:
    """One output line per input line; the tone marks of the input are all still there."""
    text = "\n".join(lines)
    out = normalize(text)
    assert out.count("\n") == text.count("\n")
    marks = lambda s: sorted(c for c in unicodedata.normalize("NFD", s) if unicodedata.combining(c))  # noqa: E731
    assert marks(out) == marks(text)


@settings(max_examples=200)
@given(text_strategy)
def test_no_old_style_placement_survives(text: str) -> None:
    out = normalize(text)
    assert tone_fix(out) == out
