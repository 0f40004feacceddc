"""`doingoai extract` end to end, through a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

PAGE = """Trang chủ | Thời sự | Thế giới
Thứ Tư, 12/03/2025 18:40

Bộ trưởng Ngoại giao tiếp Đại sứ Brazil chào từ biệt

Chiều 12/3, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã tiếp Đại sứ Brazil tại Việt Nam Marco Farani.
Bộ trưởng Bùi Thanh Sơn và Đại sứ Marco Farani. (Ảnh: Tuấn Anh)

Bộ trưởng đánh giá cao những đóng góp của Đại sứ cho quan hệ Đối tác toàn diện Việt Nam - Brazil.
"""

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Thủ tướng tiếp Đại sứ Ấn Độ - Báo Tin tức</title>
<meta property="og:title" content="Thủ tướng tiếp Đại sứ Ấn Độ"></head>
<body><nav><a href="/">Trang chủ</a> <a href="/tg">Thế giới</a></nav>
<article><h1>Thủ tướng tiếp Đại sứ Ấn Độ</h1>
<p>Sáng 5/6, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Ấn Độ tại Việt Nam
Sandeep Arya nhân dịp Đại sứ đến chào xã giao.</p>
<p>Thủ tướng đề nghị hai bên phấn đấu đưa kim ngạch thương mại song phương lên 20 tỷ USD trong thời gian tới.</p>
</article></body></html>"""


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    exe = Path(sys.executable).parent / "doingoai"
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, cwd=cwd, timeout=120,
                          env={**os.environ, "COLUMNS": "160"}, check=False)


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    return tmp_path


def test_jsonl_output_follows_the_contract(pages: Path) -> None:
    done = run("extract", str(pages / "a.txt"), str(pages / "b.html"))
    assert done.returncode == 0, done.stderr
    records = [orjson.loads(line) for line in done.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.html"]
    for r in records:
        assert r["format"] == "doingoai/1"
        assert set(r) == {"format", "source", "article", "events", "relations", "figures"}
        assert set(r["article"]) == {"title", "published", "outlet", "text", "related"}
    text_page, html_page = records
    assert text_page["article"]["title"] == "Bộ trưởng Ngoại giao tiếp Đại sứ Brazil chào từ biệt"
    assert text_page["article"]["published"] == "2025-03-12"
    assert "Ảnh" not in text_page["article"]["text"]
    assert html_page["article"]["title"] == "Thủ tướng tiếp Đại sứ Ấn Độ"
    assert "Sandeep Arya" in html_page["article"]["text"]
    assert "Trang chủ" not in html_page["article"]["text"]


def test_json_array_table_and_output_file(pages: Path, tmp_path: Path) -> None:
    done = run("extract", str(pages), "--format", "json")
    assert done.returncode == 0
    assert len(orjson.loads(done.stdout)) == 2
    table = run("extract", str(pages), "--format", "table")
    assert b"published" in table.stdout
    assert b"2025-03-12" in table.stdout
    out = tmp_path / "out.jsonl"
    written = run("extract", str(pages / "a.txt"), "-o", str(out))
    assert written.returncode == 0
    assert written.stdout == b""
    assert orjson.loads(out.read_bytes().splitlines()[0])["source"].endswith("a.txt")


def test_stdin() -> None:
    done = run("extract", "-", stdin=PAGE.encode("utf-16"))
    assert done.returncode == 0
    record = orjson.loads(done.stdout)
    assert record["source"] == "-"
    assert record["article"]["published"] == "2025-03-12"


def test_bad_inputs_are_named_and_the_batch_goes_on(pages: Path) -> None:
    (pages / "empty.txt").write_bytes(b"")
    (pages / "binary.txt").write_bytes(os.urandom(4096))
    (pages / "latin1.txt").write_bytes("Élève française, déjà occupée à Noël. ".encode("latin-1") * 5)
    (pages / "huge.txt").write_bytes(b"Tin ngoai giao. " * (50 * 1024 * 1024 // 16))
    done = run("extract", str(pages), str(pages / "missing.txt"))
    assert done.returncode == 0
    err = done.stderr.decode()
    assert b"Traceback" not in done.stderr
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "not UTF-8"),
                         ("huge.txt", "MB"), ("missing.txt", "no such file")]:
        line = next((ln for ln in err.splitlines() if name in ln), "")
        assert reason in line, (name, err)
    assert len(done.stdout.splitlines()) == 2


def test_nothing_processed_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    done = run("extract", str(tmp_path / "empty.txt"))
    assert done.returncode == 2
    assert b"empty.txt: empty file" in done.stderr
    assert b"Traceback" not in done.stderr


def test_wrong_arguments_get_a_clear_message(pages: Path) -> None:
    done = run("extract", str(pages), "--format", "xml")
    assert done.returncode == 2
    assert b"xml" in done.stderr
    assert b"Traceback" not in done.stderr
    assert run("extract").returncode == 2


def test_help_explains_with_examples() -> None:
    done = run("extract", "--help")
    assert done.returncode == 0
    assert b"Examples" in done.stdout
    assert b"--format" in done.stdout
    assert run("--version").stdout.startswith(b"doingoai ")


# A dateless story whose year only the officeholders tell: Nguyễn Xuân Phúc was State President from April
# 2021, so "today" decides whether a later term may still be running.
UNDATED = ("Chiều 10/6, tại Phủ Chủ tịch, Chủ tịch nước Nguyễn Xuân Phúc đã tiếp Đại sứ Nhật Bản tại Việt Nam "
           "Yamada Takio đến chào từ biệt.\n")


def test_today_is_a_parameter_never_the_clock(tmp_path: Path) -> None:
    page = tmp_path / "undated.txt"
    page.write_text(UNDATED, encoding="utf-8")
    early = orjson.loads(run("extract", str(page), "--today", "2021-08-01").stdout)
    later = orjson.loads(run("extract", str(page), "--today", "2022-12-31").stdout)
    default = orjson.loads(run("extract", str(page)).stdout)
    # with "today" in August 2021 only June 2021 fits his term; by the end of 2022 June 2022 fits too
    assert early["events"][0]["date"]["start"] == "2021-06-10"
    assert later["events"][0]["date"]["start"] == "--06-10"
    assert default == orjson.loads(run("extract", str(page)).stdout)  # the default is fixed, not the clock


def test_bad_today_is_a_usage_error(pages: Path) -> None:
    done = run("extract", str(pages), "--today", "2025-13-01")
    assert done.returncode == 2
    assert b"--today '2025-13-01'" in done.stderr
    assert b"Traceback" not in done.stderr
