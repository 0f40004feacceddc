"""`doingoai extract --workers 2` (a local Dask cluster) and `--scheduler` (a running one) print what one
process prints, in the same order, with the same failures reported; a bad page is reported, not fatal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from . import fixtures as fx


def _doingoai(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "doingoai"), "extract", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def _inputs(folder: Path) -> list[str]:
    pages = fx.pages(folder / "pages", 18)
    (pages / "page-0007-empty.txt").write_text("  \n", encoding="utf-8")
    (pages / "page-0011-reprint.html").write_text(f"<html><body><article><p>{fx.REPRINTS[0][1]}</p></article>"
                                                  "</body></html>", encoding="utf-8")
    texts = [fx.filler(50 + i) for i in range(25)]
    return [str(fx.records(folder / "records.jsonl", texts, bad_at=12)), str(pages), str(folder / "missing.txt")]


def test_two_workers_print_what_one_process_prints(tmp_path: Path, scheduler: str) -> None:
    args = _inputs(tmp_path)
    alone = _doingoai(*args, "--workers", "1")
    spread = _doingoai(*args, "--workers", "2")
    remote = _doingoai(*args, "--scheduler", scheduler)
    for run in (alone, spread, remote):
        assert run.returncode == 0, run.stderr
    lines = alone.stdout.splitlines()
    assert len(lines) == 25 + 18 + 1  # every record, every good page and the HTML page; the bad ones reported
    assert spread.stdout == alone.stdout
    assert remote.stdout == alone.stdout
    failures = [line for line in alone.stderr.splitlines() if line.startswith("doingoai: ")]
    assert any("records.jsonl:line 13" in line for line in failures)
    assert any("page-0007-empty.txt" in line for line in failures)
    assert any("missing.txt" in line for line in failures)
    assert spread.stderr.splitlines() == alone.stderr.splitlines()
    assert remote.stderr.splitlines() == alone.stderr.splitlines()


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    page = fx.pages(tmp_path / "pages", 1) / "page-0000.txt"
    run = _doingoai(str(page), "--scheduler", "tcp://127.0.0.1:9")
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1].startswith("doingoai: --scheduler tcp://127.0.0.1:9: cannot connect")
    assert run.stdout == ""


def test_a_json_lines_file_read_in_spans_by_the_workers_prints_what_one_process_prints(tmp_path: Path) -> None:
    # records padded to ~2 KB, so that the file is cut into several spans, each read by a worker; a broken
    # record in a later span is still reported by its line in the file
    from doingoai.read.sources import Input
    from doingoai.read.spans import record_spans

    background = "Hai bên nhất trí tiếp tục tăng cường trao đổi đoàn các cấp. " * 30
    texts = [f"{fx.filler(i)}\n{background}\n" for i in range(160)]
    path = fx.records(tmp_path / "archive.jsonl", texts, bad_at=150)
    spans = record_spans(Input(path.name, path))
    assert spans is not None
    assert len(spans) >= 2
    assert spans[-1].first_line <= 151
    alone = _doingoai(str(path), "--workers", "1")
    spread = _doingoai(str(path), "--workers", "2")
    assert alone.returncode == spread.returncode == 0, spread.stderr
    assert len(alone.stdout.splitlines()) == 160
    assert spread.stdout == alone.stdout
    assert spread.stderr.splitlines() == alone.stderr.splitlines()
    assert any("archive.jsonl:line 151" in line for line in alone.stderr.splitlines())
