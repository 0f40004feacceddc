"""Each failure site found by fuzzing, fixed where the bad value is read (issue 12)."""

from __future__ import annotations

import random

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.analyse.sentences import MAX_SENTENCE, split_sentences
from doingoai.analyse.spans import Disjoint, Spans
from doingoai.config import DEFAULT_CONFIG
from doingoai.errors import InputError
from doingoai.extract.timeline import reference_of
from doingoai.model import Failure, Page
from doingoai.pipeline import extract_page
from doingoai.read.sources import _records
from doingoai.segment.html import MAX_ATTRIBUTES, trim_attributes
from doingoai.segment.outlet import outlet_of
from doingoai.validate import problems

STORY = ("Sáng 6/11, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Lào Sonexay Siphandone. "
         "Hai bên nhất trí phấn đấu đưa kim ngạch thương mại hai chiều lên {n} tỷ USD.\n")


def _record_line(**fields: object) -> Page | Failure:
    (got,) = list(_records(orjson.dumps({"text": STORY.format(n=5), **fields}).decode(), "f.jsonl", DEFAULT_CONFIG))
    return got


@pytest.mark.parametrize("day", ["2024-02-30", "2023-02-29", "2024-13", "2024-00", "0000", "2024-04-31"])
def test_a_record_with_an_impossible_published_date_is_refused(day: str) -> None:
    got = _record_line(published=day)
    assert isinstance(got, Failure)
    assert got.code == InputError.BAD_RECORD
    assert day in got.reason
    assert "calendar" in got.reason


@pytest.mark.parametrize("day", ["2024-02-29", "2024-12", "2024"])
def test_a_record_with_a_real_published_date_is_read(day: str) -> None:
    got = _record_line(published=day)
    assert isinstance(got, Page)
    assert got.published == day
    assert extract_page(got)[1]["article"]["published"] == day


def test_the_timeline_reads_an_impossible_date_as_none() -> None:
    ref = reference_of("2024-02-30", "Sáng 6/11, Thủ tướng hội đàm.")
    assert ref.date is None


@pytest.mark.parametrize(("url", "outlet"), [("http://[::1", None), ("http://[vn]/", None),
                                             ("https://vov.vn:99999/a", "vov.vn"), ("https://x.vn:8a/", "x.vn")])
def test_a_broken_url_costs_nothing(url: str, outlet: str | None) -> None:
    assert outlet_of(url, [], None) == outlet
    got = _record_line(url=url)
    assert isinstance(got, Page)
    record = extract_page(got)[1]
    assert record["events"]
    assert problems(record) == []


@pytest.mark.parametrize("digits", [25, 400, 1000])
def test_a_number_of_hundreds_of_digits_is_no_figure(digits: int) -> None:
    page = Page("f", STORY.format(n="9" * digits), "text")
    record = extract_page(page)[1]
    assert problems(record) == []
    assert record["figures"] == []
    assert orjson.loads(orjson.dumps(record)) == record  # a JSON writer takes it whole


def test_an_ordinary_figure_is_kept() -> None:
    record = extract_page(Page("f", STORY.format(n=5), "text"))[1]
    assert [f["value"] for f in record["figures"]] == [5_000_000_000]


def test_an_endless_sentence_is_cut_at_clause_breaks() -> None:
    text = "Mở đầu. V" + ", ".join(f"vế {i} của câu" for i in range(2000))[1:] + ". Kết thúc."
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE and text[s.start:s.end] == s.text for s in sentences)
    assert sentences[0].text == "Mở đầu."
    assert sentences[-1].text == "Kết thúc."
    assert all(s.text.endswith(",") for s in sentences[1:-2])  # cut after a comma, not inside a clause
    assert " ".join(s.text for s in sentences[1:-1]).casefold().count("vế") == 2000  # nothing lost


def test_a_sentence_without_spaces_is_cut_too() -> None:
    text = "x" * (3 * MAX_SENTENCE + 5)
    assert [len(s.text) for s in split_sentences(text)] == [MAX_SENTENCE] * 3 + [5]


def test_an_element_keeps_its_first_attributes() -> None:
    attributes = " ".join(f'data-a{i}="x y"' for i in range(5000))
    html = f'<p id="lead" {attributes}>Tin</p><a href="/x">y</a>'
    trimmed = trim_attributes(html)
    assert trimmed.startswith('<p id="lead" data-a0="x y"')
    assert trimmed.endswith('>Tin</p><a href="/x">y</a>')
    assert trimmed.split(">")[0].count("=") == MAX_ATTRIBUTES
    ordinary = '<div class="a" style="color: red">' + "<img src='data:" + "A" * 10_000 + "'>"
    assert trim_attributes(ordinary) == ordinary


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=30)


@settings(max_examples=200)
@given(spans, st.integers(0, 80), st.integers(0, 20))
def test_spans_answer_as_a_scan_would(items: list[tuple[int, int]], start: int, length: int) -> None:
    end = start + length
    index = Spans(items)
    assert index.holds(start, end) == any(s <= start and end <= e for s, e in items)
    assert index.meets(start, end) == any(s < end and start < e for s, e in items)


@settings(max_examples=200)
@given(spans)
def test_disjoint_spans_keep_the_first_of_overlapping_ones(items: list[tuple[int, int]]) -> None:
    kept, taken = [], Disjoint()
    for s, e in items:
        if all(e <= a or s >= b for a, b in kept):
            kept.append((s, e))
        assert taken.meets(s, e) == (not all(e <= a or s >= b for a, b in taken.spans))
        if not taken.meets(s, e):
            taken.add(s, e)
    assert taken.spans == sorted(kept)


def test_many_mentions_and_dates_read_as_few() -> None:
    """The rules that asked every mention about every state (cubic) answer the same on a long page."""
    rng = random.Random(3)
    lines = [STORY.format(n=rng.randrange(1, 90)).replace("6/11", f"{rng.randrange(1, 28)}/{rng.randrange(1, 12)}")
             for _ in range(60)]
    record = extract_page(Page("long", "".join(lines), "text"))[1]
    assert problems(record) == []
    assert record["events"]
