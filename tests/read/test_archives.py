"""Archives as they come (issue 11, item 8): ``--max-size`` limits each page, and a JSON Lines file holds many
pages, so a file of records larger than the limit is read a record at a time, not refused whole."""

from __future__ import annotations

from pathlib import Path

import orjson

from doingoai.config import PipelineConfig
from doingoai.errors import InputError
from doingoai.model import Failure, Page
from doingoai.read.sources import read_inputs

SENTENCE = "Chủ tịch nước Tô Lâm tiếp Đại sứ Philippines tại Hà Nội, hai bên trao đổi về hợp tác song phương. "


def _archive(path: Path, n: int, repeat: int) -> Path:
    path.write_bytes(b"".join(orjson.dumps({"source": f"r{i}", "text": SENTENCE * repeat + str(i)}) + b"\n"
                              for i in range(n)))
    return path


def test_a_large_json_lines_file_is_5000_pages(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "archive.jsonl", 5000, 28)
    assert archive.stat().st_size > 15_000_000
    found = list(read_inputs([str(archive)]))  # the default limit: 10 MB
    assert len(found) == 5000
    assert all(isinstance(p, Page) for p in found)
    assert [p.source for p in found[:2]] == ["r0", "r1"]  # type: ignore[union-attr]


def test_records_past_the_limit_are_sniffed_whatever_the_extension(tmp_path: Path) -> None:
    dump = _archive(tmp_path / "dump.txt", 300, 10)
    found = list(read_inputs([str(dump)], PipelineConfig(max_bytes=100_000)))
    assert len(found) == 300
    assert all(isinstance(p, Page) for p in found)


def test_an_overlong_record_fails_alone(tmp_path: Path) -> None:
    archive = tmp_path / "a.jsonl"
    lines = [{"text": SENTENCE}, {"text": "x" * 5000}, {"text": SENTENCE + "2"}]
    archive.write_bytes(b"\n".join(orjson.dumps(r) for r in lines) + b"\n")
    found = list(read_inputs([str(archive)], PipelineConfig(max_bytes=4000)))
    assert [type(p) for p in found] == [Page, Failure, Page]
    bad = found[1]
    assert isinstance(bad, Failure)
    assert bad.source == f"{archive}:line 2"
    assert bad.code == InputError.TOO_LARGE


def test_a_page_past_the_limit_is_still_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SENTENCE * 100, encoding="utf-8")
    found = list(read_inputs([str(page)], PipelineConfig(max_bytes=1000)))
    assert len(found) == 1
    assert isinstance(found[0], Failure)
    assert found[0].code == InputError.TOO_LARGE


def test_an_empty_archive_says_so(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "w.jsonl").write_bytes(b"\n \n")
    found = list(read_inputs([str(tmp_path / "e.jsonl"), str(tmp_path / "w.jsonl")]))
    assert [(type(f), f.code) for f in found] == [(Failure, InputError.EMPTY)] * 2  # type: ignore[union-attr]
