"""A JSON Lines file cut into spans of whole lines reads, span after span, exactly as the whole file reads:
the same pages and the same failures, named by the same line numbers, whatever the span size and whatever
the file holds (blank lines, broken records, an over-long record, no line end at the end)."""

from __future__ import annotations

import itertools
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doingoai.config import PipelineConfig
from doingoai.model import Failure, Page
from doingoai.read.sources import Input, read_input
from doingoai.read.spans import Span, read_span, record_spans

CONFIG = PipelineConfig(max_bytes=300)


def _record(i: int, text: str) -> bytes:
    return orjson.dumps({"source": f"r{i}", "text": f"Hà Nội, ngày {i % 28 + 1}/3. {text}"})


def _by_spans(item: Input, size: int, config: PipelineConfig = CONFIG) -> list[Page | Failure]:
    spans = record_spans(item, size)
    assert spans is not None
    return [found for span in spans for found in read_span(span, config)]


# a line of the file: a record, a blank line, broken JSON, a record over the 300-byte limit, not a page
LINES = st.one_of(
    st.builds(_record, st.integers(0, 999), st.text(max_size=60)),
    st.sampled_from([b"", b"   ", b"{broken", b"[1, 2]", b'{"text": 5}', _record(1, "x" * 400)]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINES, min_size=1, max_size=25), size=st.integers(1, 600), crlf=st.booleans(),
       last_newline=st.booleans())
def test_spans_read_as_the_whole_file_reads(tmp_path: Path, lines: list[bytes], size: int, crlf: bool,
                                            last_newline: bool) -> None:
    end = b"\r\n" if crlf else b"\n"
    data = end.join(lines) + (end if last_newline else b"")
    path = tmp_path / "archive.jsonl"
    path.write_bytes(data)
    item = Input("archive.jsonl", path)
    if not data.strip():
        assert record_spans(item, size) is None  # a blank file is read whole, to be reported as blank
        return
    assert _by_spans(item, size) == list(read_input(item, CONFIG))


def test_spans_are_whole_lines_that_cover_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\n".join(_record(i, "Thủ tướng hội đàm.") for i in range(100)) + b"\n")
    spans = record_spans(Input("a.jsonl", path), 500)
    assert spans is not None
    assert len(spans) > 5
    data = path.read_bytes()
    assert spans[0].start == 0
    assert spans[-1].end == len(data)
    for a, b in itertools.pairwise(spans):
        assert a.end == b.start
        assert data[a.end - 1:a.end] == b"\n"
        assert b.first_line == a.first_line + data[a.start:a.end].count(b"\n")
    assert all(s.end - s.start >= 500 for s in spans[:-1])


def test_a_failure_in_a_later_span_names_its_line_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\n".join([_record(i, "Bộ trưởng tiếp Đại sứ.") for i in range(40)] + [b"{oops"]) + b"\n")
    item = Input("a.jsonl", path)
    found = _by_spans(item, 200)
    [bad] = [f for f in found if isinstance(f, Failure)]
    assert bad.source == "a.jsonl:line 41"
    assert len(record_spans(item, 200) or []) > 1


def test_files_not_cut(tmp_path: Path) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_bytes(b"\n  \n")
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes(_record(1, "Hà Nội").decode().encode("utf-16"))
    page = tmp_path / "page.txt"
    page.write_text("Hà Nội, ngày 3/3. Thủ tướng hội đàm.", encoding="utf-8")
    for path in (blank, wide, page, tmp_path / "missing.jsonl"):
        assert record_spans(Input(path.name, path)) is None, path.name
    assert record_spans(Input("-", None)) is None


def test_a_span_whose_file_went_away_is_a_failure_naming_the_file(tmp_path: Path) -> None:
    gone = Span(Input("gone.jsonl", tmp_path / "gone.jsonl"), 0, 10, 1)
    [failure] = list(read_span(gone, CONFIG))
    assert isinstance(failure, Failure)
    assert failure.source == "gone.jsonl"
