"""Prefiltered patterns find exactly what the plain patterns find, on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.extract.cues import _cues
from doingoai.extract.figures import _lex
from doingoai.extract.relations import _CLAUSES, _levels, _short_forms
from doingoai.lexicon import page_clutter
from doingoai.prefilter import _GUARD, ARTICLE, Group, Prefiltered, _longest_of, _safe, lowered

_GROUPS = (ARTICLE, _CLAUSES)


def _project_patterns() -> list[Prefiltered]:
    from doingoai.extract import cues, events, figures, relations, timeline

    _cues()
    _lex()
    _levels()
    _short_forms()
    for module in (cues, events, figures, relations, timeline):
        module._pf()
    clutter = page_clutter()
    return [*ARTICLE.members, *_CLAUSES.members, clutter.captions, clutter.story_ends]


def test_lowered_agrees_with_case_insensitive_matching() -> None:
    """Every character a literal ``_safe`` accepts matches, case-insensitively, only characters that
    lower-case to it, or ones ``lowered`` refuses (``_GUARD``): so a match's literals are in the lowered
    text, at the match's offsets."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    safe = {chr(c): _safe(c) for c in range(0x2000) if _safe(c)}
    matched = set(re.findall("[" + re.escape("".join(safe)) + "]", every, re.IGNORECASE))
    literals = {c: re.compile(re.escape(c), re.IGNORECASE) for c in safe}
    wrong = [(x, c) for x in matched if not _GUARD.search(x)
             for c, literal in literals.items() if literal.fullmatch(x) and x.lower() != safe[c]]
    assert wrong == []


def test_lowered_refuses_what_would_shift_offsets() -> None:
    assert lowered("Việt Nam") == "việt nam"
    assert lowered("İstanbul") is None  # "İ" lower-cases to two characters
    assert lowered("tıếp") is None  # "ı" matches "i" case-insensitively


@pytest.mark.parametrize(("starts", "kept", "digit"), [
    (["đón tiếp", "tiếp xã giao", "Tiếp"], ("tiếp", "đón tiếp"), False),  # "tiếp" finds "tiếp xã giao"
    (["c", "abc"], ("c", "abc"), False),
    (["\\d", "ngày"], ("ngày",), True),
])
def test_declared_starts(starts: list[str], kept: tuple[str, ...], digit: bool) -> None:
    found = Prefiltered(re.compile("x"), starts=starts)
    assert set(found.starts or ()) == set(kept)
    assert found.digit == digit


def test_words_the_lowered_text_cannot_hold_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot be searched"):
        Prefiltered(re.compile("x"), starts=["\u0131"])


def test_undeclared_patterns_run_plainly() -> None:
    p = Prefiltered(re.compile(r"\bno words declared\b"))
    assert p.starts is None
    assert p.needs is None
    assert p.candidates("no words declared") is None


def test_longest_of_is_a_trie_finding_the_longest() -> None:
    rx = _longest_of(["tiếp", "tiếp xúc", "thăm", "dự", "dự và phát biểu tại"])
    assert rx.pattern == r"dự(?:\ và\ phát\ biểu\ tại)?|t(?:hăm|iếp(?:\ xúc)?)"
    assert [m.group() for m in rx.finditer("tiếp xúc, dự và thăm; tiếp")] == ["tiếp xúc", "dự", "thăm", "tiếp"]


_WORDS = ["tiếp", "Tiếp", "TIẾP", "đón tiếp", "tiếp tục", "kế tiếp", "chào", "đến chào xã giao", "hội đàm", "dự",
          "tham dự", "Hội nghị", "ký", "hiệp định", "quan hệ", "Đối tác chiến lược toàn diện", "hữu nghị",
          "truyền thống", "Việt", "Việt Nam", "Trung", "-", "–", "ba", "hai", "năm", "2024", "10", "1,5", "tỷ",
          "USD", "US$", "ngày", "tháng", "6/11", "13-1-2026", "qua", "nay", "hôm qua", "sáng", "(ảnh:", "Ảnh",
          "TTXVN)", "|", "./.", "hết", "ı", "İ", "ſ", "ẛ", "ß", "K", ";", ",", ".", " ", " ", "\n", "phát ngôn",
          "cho biết", "đối tác", "lớn thứ", "thứ 8", "văn kiện", "đoàn", "liệu", "hay không", "sắp tới", "đã",
          "nâng cấp", "thiết lập", "lên", "tại", "của", "hai nước", "song phương", "đề nghị", "kể từ khi", "sẽ",
          "vừa", "“"]
_TEXTS = st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_prefiltered_matches_are_the_plain_ones(text: str) -> None:
    low = lowered(text)
    patterns = _project_patterns()
    candidates = {group: group.candidates(text) for group in _GROUPS}
    for p in patterns:
        want = [(m.span(), m.group()) for m in p.pattern.finditer(text)]
        assert [(m.span(), m.group()) for m in p.finditer(text, low)] == want, p.pattern.pattern
        first = p.pattern.search(text)
        got = p.search(text, low)
        assert (got.span() if got else None) == (first.span() if first else None)
        if p.group in candidates:
            found = p.finditer_in(text, 0, candidates[p.group][p.index])
            assert [(m.span(), m.group()) for m in found] == want


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.integers(0, 60), st.integers(0, 60))
def test_prefiltered_matches_in_a_part_of_a_text(text: str, a: int, b: int) -> None:
    """As a sentence of a text: the part's own matches, the candidates being the whole text's."""
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    part = text[start:end]
    _project_patterns()
    for group in _GROUPS:
        candidates = group.candidates(text)
        for p in group.members:
            want = [(m.span(), m.group()) for m in p.pattern.finditer(part)]
            assert [(m.span(), m.group()) for m in p.finditer_in(part, start, candidates[p.index])] == want


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcđ ;,-1", max_size=40))
def test_group_candidates_are_the_members_own(low: str) -> None:
    group = Group()
    members = [Prefiltered(re.compile(p), group, starts=w) for p, w in (
        (r"ab|b", ["ab", "b"]), (r"\bcđ", ["cđ"]), (r"a\d", ["a"]), (r"\d+", ["\\d"]), (r"(?:bc)?a", ["a", "bc"]),
        (r"c.", ["c"]), (r"\d|đ", ["\\d", "đ"]))]
    assert group.candidates(low, low) == [m.candidates(low) for m in members]


def test_empty_matches_follow_the_engine() -> None:
    p = Prefiltered(re.compile(r"x?(?=a)|ab"), starts=["x", "a"])
    text = "xab ab a"
    assert [m.span() for m in p.finditer(text, lowered(text))] == [m.span() for m in p.pattern.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.integers(0, 60), st.integers(0, 60))
def test_prefiltered_matches_between_offsets(text: str, a: int, b: int) -> None:
    """``finditer(text, low, pos, endpos)``: the engine's own search between offsets, look-behinds reading
    before ``pos``."""
    from doingoai.extract.relations import _pf

    pos, end = sorted((min(a, len(text)), min(b, len(text))))
    low = lowered(text)
    after = Prefiltered(re.compile(r"(?<=phát ngôn)\b.{0,20}?cho biết"), needs=["cho biết"])
    for p in [*_project_patterns(), _pf().n_years, after]:
        want = [(m.span(), m.group()) for m in p.pattern.finditer(text, pos, end)]
        assert [(m.span(), m.group()) for m in p.finditer(text, low, pos, end)] == want, p.pattern.pattern


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab/-. 1290", max_size=40))
def test_a_digit_pattern_is_given_no_places_in_a_text_without_its_needed_words(text: str) -> None:
    """A pattern that starts on any digit is tried at every digit only when the text holds a word it needs;
    its matches stay the plain ones either way."""
    group = Group()
    dated = Prefiltered(re.compile(r"(?<!\d)\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?"), group, starts=["\\d"], needs=["/"])
    dashed = Prefiltered(re.compile(r"\d+-\d+"), group, starts=["\\d"], needs=["-"])
    candidates = group.candidates(text, text)
    for p in (dated, dashed):
        assert [m.span() for m in p.finditer_in(text, 0, candidates[p.index])] == [
            m.span() for m in p.pattern.finditer(text)]
        if not p.may_match(text):
            assert candidates[p.index] == []
        else:
            assert candidates[p.index] == [i for i, ch in enumerate(text) if ch.isdigit()]


@pytest.mark.parametrize(("pattern", "opening"), [
    (r"(?<!\w)tiếp", "after"), (r"(?<![\w.,/])(?:ước|\d+)", "after"), (r"\b(?:tiếp|dự)", "boundary"),
    (r"(?:(?<!\w)a|(?<!\w)b)", "after"), (r"((?<!\w)a)", "after"),
    (r"(?<!\w)a|b", None), (r"(?<![^\w])a", None), (r"(?<!\w\s)a", None), (r"(?<=\w)a", None), (r"a\b", None),
    (r"(?a)(?<!\w)a", None), (r"(?i:(?<!\w)a)", None),
])
def test_the_opening_is_read_from_the_engines_parse(pattern: str, opening: str | None) -> None:
    from doingoai.prefilter import _AFTER_NON_WORD, _BOUNDARY, _opening

    expected = {"after": _AFTER_NON_WORD, "boundary": _BOUNDARY, None: None}[opening]
    assert _opening(re.compile(pattern, re.IGNORECASE)) == expected


# Word characters of every kind the engine's \w knows (letters, digits of other scripts, "_", "²"), and
# characters that are not (marks, punctuation, spaces), around the start words.
_AROUND = st.lists(st.sampled_from(["n", "ước", "qua", "quan", "Qua", "_", "²", "٣", "ǅ", "\u0301", "-", " ", ".",
                                    "/", "1", "dự", "tiếp", "Tiếp", "ş"]), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(_AROUND, st.integers(0, 30), st.integers(0, 30))
def test_candidates_inside_a_word_are_dropped_exactly(text: str, a: int, b: int) -> None:
    """The opening's test on the characters around a candidate agrees with the engine's: the matches stay the
    plain ones, at any offsets."""
    pos, end = sorted((min(a, len(text)), min(b, len(text))))
    low = lowered(text)
    for pattern, starts in ((r"(?<!\w)(?:ước|qua)\S*", ["ước", "qua"]), (r"(?<![\w.,/])(?:\d+|qua)", ["\\d", "qua"]),
                            (r"\b(?:tiếp|dự|-)", ["tiếp", "dự", "-"]), (r"\b(?:ước|_)", ["ước", "_"])):
        p = Prefiltered(re.compile(pattern, re.IGNORECASE), starts=starts)
        assert p.opening is not None
        want = [m.span() for m in p.pattern.finditer(text, pos, end)]
        assert [m.span() for m in p.finditer(text, low, pos, end)] == want, pattern


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Việt Nam", "VIỆT NAM", "İstanbul", "tıếp", "", "Hà Nội"]), max_size=8))
def test_lowered_keeps_the_last_answer_only_for_the_same_string(texts: list[str]) -> None:
    """The answer kept for the last text is that text's: asked again, or after another text, or with the
    caller's own lower-casing, every answer is the one computed afresh."""
    def fresh(text: str) -> str | None:
        low = text.lower()
        return None if len(low) != len(text) or _GUARD.search(text) else low

    for text in texts:
        copy = "".join(list(text))  # an equal string, another object
        assert lowered(text) == fresh(text)
        assert lowered(text) == fresh(text)
        assert lowered(copy, copy.lower()) == fresh(text)
