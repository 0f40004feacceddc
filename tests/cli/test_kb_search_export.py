"""`doingoai search` and `doingoai export` end to end, through the real command, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from doingoai.cli import app
from tests.store import fixtures as fx
from tests.store.conftest import (
    db_url,  # noqa: F401  (the SQLite and PostgreSQL databases of the KB tests)
    fresh_database,
)

PAGES = [
    ("tolam.txt", "Tổng Bí thư tiếp Đại sứ Lào\nThứ Ba, 04/06/2024 10:00\n\nSáng 3/6, tại Hà Nội, Tổng Bí thư Tô Lâm "
                  "đã tiếp Đại sứ Lào tại Việt Nam Khamphao Ernthavanh.\n"),
    ("tochuc.txt", "Làm việc với đoàn Campuchia\nThứ Tư, 05/06/2024 10:00\n\nỦy ban đã tổ chức buổi làm việc với "
                   "đoàn Campuchia về hợp tác biên giới.\n"),
    ("markup.txt", "Ẩm thực\nThứ Năm, 06/06/2024 10:00\n\nMón kimchi [bold red]Tô Lâm[/bold red] và [link=x]Campuchia"
                   "[/link] trong một bài viết thử.\n"),
]
MESSAGES = [
    ("msg-la.txt", "Điện mừng Quốc khánh Việt Nam\nThứ Hai, 02/09/2024 08:00\n\nNhân dịp kỷ niệm 79 năm Quốc khánh "
                   "nước Cộng hòa xã hội chủ nghĩa Việt Nam, Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith đã "
                   "gửi điện mừng tới Tổng Bí thư, Chủ tịch nước Tô Lâm.\n"),
    ("msg-vn.txt", "Điện mừng Quốc khánh Lào\nThứ Hai, 02/12/2024 08:00\n\nNhân dịp kỷ niệm 49 năm Quốc khánh nước "
                   "Cộng hòa Dân chủ Nhân dân Lào, Chủ tịch Quốc hội Trần Thanh Mẫn đã gửi điện mừng tới Chủ tịch "
                   "Quốc hội Lào Saysomphone Phomvihane.\n"),
    ("protest.txt", "Việt Nam phản đối\nThứ Năm, 09/01/2026 17:00\n\nNgày 9/1, Người phát ngôn Bộ Ngoại giao Phạm "
                    "Thu Hằng cho biết Việt Nam kiên quyết phản đối việc Trung Quốc khai trương trung tâm nghiên cứu "
                    "trên đảo Phú Lâm thuộc quần đảo Hoàng Sa của Việt Nam.\n"),
]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "doingoai"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "COLUMNS": "200", **(env or {})})


def run_bytes(*args: str) -> subprocess.CompletedProcess[bytes]:
    exe = Path(sys.executable).parent / "doingoai"
    return subprocess.run([str(exe), *args], capture_output=True, timeout=300, check=False)


def ingest(db: str, folder: Path, pages: list[tuple[str, str]]) -> None:
    done = run("ingest", *fx.write(folder, pages), "--db", db)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def search_kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One knowledge base of PAGES per database kind, shared by the tests that only read it."""
    folder = tmp_path_factory.mktemp("search_kb")
    with fresh_database(request.param, folder) as db:
        ingest(db, folder / "pages", PAGES)
        yield db


def sources(db: str, *query: str) -> list[str]:
    # in-process (typer's runner) for the many successful queries: a process per query costs seconds
    done = CliRunner().invoke(app, ["search", *query, "--format", "json", "--db", db])
    assert done.exit_code == 0, done.output
    return sorted(Path(h["source"]).name for h in json.loads(done.stdout))


def test_words_typed_together_are_found_together(search_kb: str) -> None:
    # "tổ chức ... làm việc" holds "to" and "lam" once tone marks go, but not next to each other
    assert sources(search_kb, "to lam", "-i") == ["markup.txt", "tolam.txt"]
    assert sources(search_kb, '"Tô Lâm"') == ["markup.txt", "tolam.txt"]
    assert sources(search_kb, "to lam") == []  # tone marks matter without -i
    assert sources(search_kb, "tổ làm") == []  # both words are there, apart
    assert sources(search_kb, "tổ AND làm") == ["tochuc.txt"]


def test_or_not_prefix_and_groups(search_kb: str) -> None:
    assert sources(search_kb, "Lào OR Campuchia") == ["markup.txt", "tochuc.txt", "tolam.txt"]
    assert sources(search_kb, '"Tô Lâm" -Lào') == ["markup.txt"]
    assert sources(search_kb, '"Tô Lâm" NOT Lào') == ["markup.txt"]
    assert sources(search_kb, "kim") == []  # whole words: "kimchi" is not "kim"
    assert sources(search_kb, "kim*") == ["markup.txt"]
    assert sources(search_kb, "(Lào OR Campuchia) AND hợp tác") == ["tochuc.txt"]


def test_snippets_mark_the_match(search_kb: str) -> None:
    done = run("search", '"Tô Lâm"', "--format", "json", "--db", search_kb)
    hits = json.loads(done.stdout)
    assert hits
    for hit in hits:
        assert [hit["snippet"][a:b] for a, b in hit["matches"]] == ["Tô Lâm"]


def test_the_table_highlights_and_never_reads_page_text_as_markup(search_kb: str) -> None:
    done = run("search", "Campuchia", "--db", search_kb, env={"FORCE_COLOR": "1", "TERM": "xterm"})
    assert done.returncode == 0, done.stderr
    assert "[link=x]" in done.stdout  # the page's own brackets, printed as they are
    assert "\x1b[1;7mCampuchia" in done.stdout  # the match in bold reverse
    plain = run("search", "kimchi", "--db", search_kb)
    assert "[bold red]Tô Lâm[/bold red]" in plain.stdout


MALFORMED = [
    ('"Tô Lâm', "unbalanced quote"),
    ("NOT", "NOT (at 1) needs a word or phrase after it"),
    ("", "empty query"),
    ("(Lào OR", "OR (at 6) needs a word or phrase on each side"),
    ("-Lào", "only leaves words out"),
    ("%", "no letters or digits"),
]


def test_malformed_queries_are_refused(search_kb: str) -> None:
    for query, reason in MALFORMED:
        done = run("search", "--db", search_kb, "--", query)  # "--": a query may start with "-"
        assert done.returncode == 2, query
        assert "cannot read the query" in done.stderr
        assert reason in done.stderr
        assert "Traceback" not in done.stderr
        assert done.stdout == ""


def test_like_wildcards_are_letters(search_kb: str) -> None:
    for name in ("%", "_", "%%"):
        done = run("person", name, "--db", search_kb)
        assert done.returncode == 2, (name, done.stdout)
        assert "nobody called" in done.stderr
    assert run("person", "Tô Lâm", "--db", search_kb).returncode == 0
    everything = json.loads(run("events", "--format", "json", "--db", search_kb).stdout)
    assert everything
    assert json.loads(run("events", "--text", "%", "--format", "json", "--db", search_kb).stdout) == []
    assert json.loads(run("events", "--text", "_", "--format", "json", "--db", search_kb).stdout) == []


# --- export -------------------------------------------------------------------------------------------------


def test_the_format_follows_the_extension_or_format(search_kb: str, tmp_path: Path) -> None:
    parquet = tmp_path / "e.parquet"
    done = run("export", "events", "--output", str(parquet), "--db", search_kb)
    assert done.returncode == 0, done.stderr
    assert parquet.read_bytes()[:4] == b"PAR1"
    assert pq.read_table(parquet).num_rows >= 1
    jsonl = tmp_path / "r.jsonl"
    assert run("export", "events", "-o", str(jsonl), "--db", search_kb).returncode == 0
    assert all(json.loads(line)["event_id"] for line in jsonl.read_text(encoding="utf-8").splitlines())
    as_json = tmp_path / "r.json"
    assert run("export", "events", "-o", str(as_json), "--db", search_kb).returncode == 0
    assert isinstance(json.loads(as_json.read_text(encoding="utf-8")), list)
    named = tmp_path / "events.data"
    assert run("export", "events", "-o", str(named), "-f", "CSV", "--db", search_kb).returncode == 0
    assert named.read_text(encoding="utf-8").startswith("event_id,type,")


def test_a_mismatch_is_refused_and_touches_nothing(search_kb: str, tmp_path: Path) -> None:
    target = tmp_path / "e.parquet"
    target.write_bytes(b"previous")
    done = run("export", "events", "--format", "csv", "--output", str(target), "--db", search_kb)
    assert done.returncode == 2
    assert "--format csv does not match the extension of" in done.stderr
    assert target.read_bytes() == b"previous"
    unknown = run("export", "events", "--output", str(tmp_path / "e.txt"), "--db", search_kb)
    assert unknown.returncode == 2
    assert "cannot tell the format" in unknown.stderr
    assert not (tmp_path / "e.txt").exists()
    missing = run("export", "events", "--output", str(tmp_path / "nowhere" / "e.csv"), "--db", search_kb)
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_dash_is_standard_output(search_kb: str) -> None:
    done = run_bytes("export", "events", "--output", "-", "--db", search_kb)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").startswith("event_id,type,")
    lines = run_bytes("export", "relations", "-o", "-", "-f", "jsonl", "--db", search_kb).stdout.splitlines()
    assert all(json.loads(line)["level"] for line in lines)
    binary = run_bytes("export", "events", "-o", "-", "-f", "parquet", "--db", search_kb)
    assert binary.returncode == 2
    assert b"Parquet" in binary.stderr
    assert binary.stdout == b""


def test_an_empty_csv_still_has_its_header(search_kb: str, tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    done = run("export", "figures", "-o", str(out), "--db", search_kb)  # these pages give no figure
    assert done.returncode == 0, done.stderr
    assert "wrote 0 row(s)" in done.stderr
    assert out.read_text(encoding="utf-8").splitlines() == [
        "figure_id,document_id,kind,countries,value,unit,qualifier,what,published,evidence,en"]
    empty = tmp_path / "figures.parquet"
    assert run("export", "figures", "-o", str(empty), "--db", search_kb).returncode == 0
    assert pq.read_table(empty).column_names[:3] == ["figure_id", "document_id", "kind"]


def plover(db: str) -> list[dict[str, str]]:
    done = run("export", "plover", "-o", "-", "--db", db)
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def test_plover_codes_messages_from_sender_to_recipient(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    ingest(db_url, tmp_path / "m", MESSAGES)
    rows = plover(db_url)
    messages = {(r["source_code"], r["target_code"]) for r in rows if r["doingoai_type"] == "message"}
    # Laos's National Day message to Vietnam is sent by Laos; Vietnam's to Laos is a second act
    assert messages == {("LAOPTY", "VNMPTY"), ("VNMLEG", "LAOLEG")}
    [protest] = [r for r in rows if r["doingoai_type"] == "protest"]
    assert (protest["source_actor"], protest["target_actor"]) == ("VNM", "CHN")
    assert (protest["cameo_code"], protest["cameo_name"], protest["quad_class"]) == ("114", "Complain officially", "3")
    assert (protest["plover_event_type"], protest["plover_mode"]) == ("ACCUSE", "disapprove")


def test_plover_upgrades_are_cooperation_with_sectors(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    ingest(db_url, tmp_path / "u", fx.UPGRADES)
    upgrades = [r for r in plover(db_url) if r["doingoai_type"] == "relation_upgrade"]
    assert upgrades
    for r in upgrades:
        assert (r["cameo_code"], r["cameo_name"]) == ("050", "Engage in diplomatic cooperation")
        assert r["plover_event_type"] == "SUPPORT"
        assert (r["source_actor"], r["target_actor"]) == ("VNM", "AUS")
        assert (r["source_sectors"], r["source_code"]) == ("GOV", "VNMGOV")  # Thủ tướng: the government
        assert r["target_code"] == "AUSGOV"
