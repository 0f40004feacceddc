"""``doingoai extract pages/ > pages/out.jsonl``: the shell creates the output file in the folder being read before the
command starts; the run leaves out the file it writes its records to (standard output or ``--output``) and says so,
instead of reading it back as a page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _pages(folder: Path) -> None:
    folder.mkdir()
    for page in sorted((REPO / "examples").glob("*.txt"))[:2]:
        (folder / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")


def test_records_redirected_into_the_folder_read_are_not_read_back(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    _pages(pages)
    exe = Path(sys.executable).parent / "doingoai"
    with (pages / "out.jsonl").open("w", encoding="utf-8") as out:
        done = subprocess.run([str(exe), "extract", str(pages)], stdout=out, stderr=subprocess.PIPE, text=True,
                              timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "leaving out 1 file(s) this run writes its records to" in done.stderr
    records = [json.loads(line) for line in (pages / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["source"]).name for r in records) == sorted(p.name for p in pages.glob("*.txt"))


def test_an_output_file_named_in_the_folder_is_left_out(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    _pages(pages)
    target = pages / "records.jsonl"
    target.write_text("", encoding="utf-8")  # there from an earlier run
    exe = Path(sys.executable).parent / "doingoai"
    done = subprocess.run([str(exe), "extract", str(pages), "-o", str(target)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "leaving out 1 file(s) this run writes its records to" in done.stderr
    assert "2 page(s) extracted, 0 input(s) failed" in done.stderr  # (read back, the empty file failed)
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2
