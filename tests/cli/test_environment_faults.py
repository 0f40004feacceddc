"""Faults of the environment are the user's to fix, told in one line (issue 12, item 7): a reader that
closes the pipe early ends the command quietly with status 0; a database URL that cannot be read is named,
without its password, with status 2 (never "internal error")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import doingoai


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    pages = [tmp_path / f"p{i}.txt" for i in range(40)]
    for i, page in enumerate(pages):
        page.write_text(f"Thủ tướng tiếp Đại sứ Lào\n\nSáng {1 + i % 28}/6/2024, tại Hà Nội, Thủ tướng Phạm Minh "
                        "Chính đã tiếp Đại sứ Lào tại Việt Nam. " * 20 + "\n", encoding="utf-8")
    exe = str(Path(sys.executable).parent / "doingoai")
    # `doingoai extract ... | head -c 100`: the reader takes 100 bytes and goes away
    producer = subprocess.Popen([exe, "extract", *map(str, pages), "-q"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
    assert producer.stdout is not None
    assert len(producer.stdout.read(100)) == 100
    producer.stdout.close()
    _, err = producer.communicate(timeout=300)
    assert producer.returncode == 0, err
    assert b"Traceback" not in err
    assert b"internal error" not in err


def test_a_database_url_that_cannot_be_read_is_named_without_its_password() -> None:
    ran = doingoai("events", "--db", "postgresql://analyst:s3cret@127.0.0.1:abc/kb")
    assert ran.returncode == 2
    assert "cannot read the database URL postgresql://analyst:***@127.0.0.1:abc/kb" in ran.stderr
    assert "s3cret" not in ran.stderr
    assert "internal error" not in ran.stderr


def _page(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / name
    page.write_text("Thủ tướng tiếp Đại sứ Lào\n\nSáng 3/6/2024, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp "
                    "Đại sứ Lào tại Việt Nam.\n", encoding="utf-8")
    return page


def test_links_that_lead_nowhere_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _page(folder, "a.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a link back up: walking through it would never end
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    ran = doingoai("extract", str(folder), str(loop), "-q")
    assert ran.returncode == 0, ran.stderr
    assert len(ran.stdout.splitlines()) == 1  # a.txt, once
    assert f"{folder / 'dangling.txt'}: no such file (or a broken link)" in ran.stderr
    assert f"{loop}: cannot read: Too many levels of symbolic links" in ran.stderr
    assert "internal error" not in ran.stderr
