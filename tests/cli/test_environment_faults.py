"""Faults of the environment are the user's to fix, told in one line (issue 12, item 7): a reader that
closes the pipe early ends the command quietly with status 0; a database URL that cannot be read is named,
without its password, with status 2 (never "internal error")."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.cli.conftest import doingoai
from tests.store.conftest import PG_ADMIN, fresh_database


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


def _immutable(*paths: Path) -> bool:
    """Make ``paths`` immutable (chattr +i), which refuses writes even to root, who ignores permission
    bits; False where the file system or the user cannot (the tests that need it then skip)."""
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True, check=False)
    return done.returncode == 0


def _mutable(*paths: Path) -> None:
    subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True, check=False)


def _read_only(path: Path) -> bool:
    """Make ``path`` read-only: permission bits for a user, immutability for root."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return True
    return _immutable(path)


def test_a_full_disk_is_told_in_one_line_with_its_own_status(tmp_path: Path) -> None:
    page = _page(tmp_path, "a.txt")
    exe = str(Path(sys.executable).parent / "doingoai")
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    # the output file on a full disk, and standard output on a full disk
    for args, stdout in (([str(page), "-q", "-o", "/dev/full"], subprocess.PIPE),
                         ([str(page), "-q"], open("/dev/full", "wb"))):  # noqa: SIM115 - closed by the run
        ran = subprocess.run([exe, "extract", *args], stdout=stdout, stderr=subprocess.PIPE, check=False)
        err = ran.stderr.decode()
        assert ran.returncode == 74, err
        assert "No space left on device" in err
        assert "internal error" not in err
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    assert Path("/dev/full").is_char_device()  # written in place, never replaced by a file


def test_an_output_file_is_replaced_whole_or_left_as_it_was(tmp_path: Path) -> None:
    page = _page(tmp_path / "in", "a.txt")
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    out.write_text("what was there\n", encoding="utf-8")
    assert doingoai("extract", str(page), "-q", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith('{"format":"doingoai/1"')
    out.write_text("what was there\n", encoding="utf-8")
    if not _read_only(out.parent):
        pytest.skip("cannot make a read-only folder here")
    try:
        ran = doingoai("extract", str(page), "-q", "-o", str(out))
    finally:
        _mutable(out.parent)
        out.parent.chmod(0o755)
    assert ran.returncode == 74, ran.stderr
    assert f"cannot write {out}" in ran.stderr
    assert out.read_text(encoding="utf-8") == "what was there\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["records.jsonl"]  # no temporary file left behind


def test_read_only_commands_work_on_a_read_only_knowledge_base(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    db = folder / "kb.sqlite"
    page = _page(tmp_path / "in", "a.txt")
    assert doingoai("ingest", str(page), "-q", "--db", str(db)).returncode == 0
    before = db.read_bytes()
    if not (_read_only(db) and _read_only(folder)):
        pytest.skip("cannot make a read-only knowledge base here")
    try:
        for args in (("events",), ("country", "LA"), ("person", "Phạm Minh Chính"), ("stats",), ("search", "Lào"),
                     ("db",), ("export", "events", "-o", str(tmp_path / "events.csv"))):
            ran = doingoai(*args, "--db", str(db))
            assert ran.returncode == 0, (args, ran.stderr)
        assert "Phạm Minh Chính" in doingoai("events", "--db", str(db)).stdout
        ran = doingoai("ingest", str(page), "-q", "--db", str(db))
        assert ran.returncode == 74, ran.stderr
        assert f"cannot write the knowledge base {db}" in ran.stderr
        assert "read-only" in ran.stderr
    finally:
        _mutable(db, folder)
        folder.chmod(0o755)
        db.chmod(0o644)
    assert db.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["kb.sqlite"]


def test_a_recursive_pattern_does_not_follow_links_back_up(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _page(folder / "a", "one.txt")
    _page(folder / "b", "two.txt")
    (folder / "a" / "self").symlink_to(".")
    (folder / "a" / "up").symlink_to("..")
    _page(folder, ".hidden.txt")
    ran = doingoai("extract", str(folder / "**" / "*.txt"), "-q")  # before: ran for ever through the links
    assert ran.returncode == 0, ran.stderr
    assert len(ran.stdout.splitlines()) == 2  # one.txt and two.txt: no link, no hidden file


def test_query_arguments_have_length_limits(tmp_path: Path) -> None:
    db = tmp_path / "kb.sqlite"
    assert doingoai("ingest", str(_page(tmp_path / "in", "a.txt")), "-q", "--db", str(db)).returncode == 0
    pasted = "Thủ tướng tiếp Đại sứ Lào. " * 200
    for args, said in ((("search", pasted), "too long (at most 1,000)"),
                       (("search", " OR ".join(["Lào"] * 100)), "too many (at most 64)"),
                       (("events", "--text", pasted), "--text: 5,400 characters is too long"),
                       (("events", "--person", pasted), "--person: 5,400 characters is too long"),
                       (("person", pasted), "too long (at most 200)")):
        ran = doingoai(*args, "--db", str(db))
        assert ran.returncode == 2, (args, ran.stderr)
        assert said in ran.stderr
        assert len(ran.stderr) < 400  # the pasted text is not echoed back whole


def test_a_postgresql_user_who_may_only_read_is_told_once(tmp_path: Path) -> None:
    role = f"doingoai_reader_{uuid.uuid4().hex[:8]}"
    with fresh_database("postgresql", tmp_path) as url:
        page = _page(tmp_path / "in", "a.txt")
        assert doingoai("ingest", str(page), "-q", "--db", url).returncode == 0
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as c:
            c.execute(text(f'CREATE ROLE "{role}" LOGIN'))
            c.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
        engine.dispose()
        reader = url.replace("postgres@", f"{role}@", 1)
        for args in (("events",), ("country", "LA"), ("stats",), ("search", "Lào"), ("db",)):
            ran = doingoai(*args, "--db", reader)
            assert ran.returncode == 0, (args, ran.stderr)
        ran = doingoai("ingest", str(_page(tmp_path / "in", "b.txt")), "-q", "--db", reader)
        assert ran.returncode == 74, ran.stderr
        assert f"the database user {role} may not write its tables" in ran.stderr
        assert len(ran.stderr.strip().splitlines()) == 1  # once, not once per page
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:  # the database is gone, and the role's grants with it
        c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()
