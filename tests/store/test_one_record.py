"""One record per person and per figure (issue 11, item 3), on SQLite and on PostgreSQL, through the CLI:
reprints of the seeds, undated acts, name variants, titles, and the user's corrections."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.engine import make_engine

from . import fixtures as fx

SHARED = Path(os.environ.get("DOINGOAI_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "doingoai"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, "COLUMNS": "200"})


def ok(*args: str) -> subprocess.CompletedProcess[str]:
    done = run(*args)
    assert done.returncode == 0, done.stderr
    return done


def people(db: str, name: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(ok("person", name, "--format", "json", "--db", db).stdout)
    return found


def receptions(db: str) -> list[tuple[int, str | None]]:
    with Session(make_engine(db)) as session:
        return sorted((n, d) for n, d in session.execute(
            select(s.Event.n_sources, s.Event.date_start).where(s.Event.type == "reception")).all())


def test_a_thousand_reprints_of_the_seeds(db_url: str, tmp_path: Path) -> None:
    """1,000 reprints of the Philippine seed (and ten of each other seed) hold as many events as one copy of
    each, and `country PH` shows one trade target with 1,000 sources."""
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip(f"shared/ not found at {SHARED}")
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    philippines = next(i for i, t in enumerate(texts) if "10 tỷ USD" in t and "Philippines" in t)
    once = tmp_path / "once.jsonl"
    for i, text in enumerate(texts):
        fx.reprints(once, text, 1, start=100_000 + i)
    reference = str(tmp_path / "once.sqlite")
    ok("ingest", str(once), "--db", reference, "-q")

    many = tmp_path / "many"  # files of 100 records (the --max-size of a whole file is another matter)
    many.mkdir()
    for i, text in enumerate(texts):
        for at in range(0, 1000 if i == philippines else 10, 100):
            fx.reprints(many / f"{i}-{at}.jsonl", text, min(100, 10 if i != philippines else 100),
                        start=i * 10_000 + at)
    done = ok("ingest", str(many), "--db", db_url, "-q", "--batch", "100")
    assert "1040 new, 0 already stored, 0 failed" in done.stderr

    profile = json.loads(ok("country", "PH", "--format", "json", "--db", db_url).stdout)
    targets = [f for f in profile["figures"] if f["kind"] == "trade_target"]
    assert len(targets) == 1
    [target] = targets
    assert (target["value"], target["unit"], target["partner"]) == (10_000_000_000, "USD", "PH")
    assert target["n_sources"] == 1000
    assert len({src["url"] for src in target["sources"]}) == 1000
    assert "10 tỷ USD" in target["evidence"]
    assert "qualifier" in target
    assert "what" in target
    table = ok("country", "PH", "--db", db_url).stdout
    assert table.count("trade_target") == 1
    assert " 1000 " in table

    with Session(make_engine(reference)) as session:
        acts = session.scalar(select(func.count()).select_from(s.Event))
        figures = session.scalar(select(func.count()).select_from(s.Figure))
    with Session(make_engine(db_url)) as session:
        assert session.scalar(select(func.count()).select_from(s.Event)) == acts
        assert session.scalar(select(func.count()).select_from(s.Figure)) == figures
        # each figure keeps every report: 1,000 for those of the Philippine page, 10 for the others
        assert sorted({n for (n,) in session.execute(select(s.Figure.n_sources))}) in ([10, 1000], [1000])
        assert session.scalar(select(func.count()).select_from(s.FigureSource)) == session.scalar(
            select(func.sum(s.Figure.n_sources)))
        assert session.scalar(select(func.max(s.Event.n_sources))) == 1000


def test_reprints_of_an_undated_act_are_one_event(db_url: str, tmp_path: Path) -> None:
    pages = tmp_path / "undated.jsonl"
    fx.reprints(pages, fx.UNDATED, 75, published="2025-03-02")
    fx.reprints(pages, fx.UNDATED_OTHER, 2, published="2025-03-02", start=500)  # another act, same people
    fx.reprints(pages, fx.UNDATED, 3, published="2026-03-05", start=900)  # the same words a year later
    assert "80 new" in ok("ingest", str(pages), "--db", db_url, "-q", "--batch", "7").stderr
    assert receptions(db_url) == [(2, None), (3, None), (75, None)]
    # again, in one batch, and re-extracted: the same three acts
    ok("ingest", "--reprocess", "--all", "--db", db_url)
    assert receptions(db_url) == [(2, None), (3, None), (75, None)]


def test_name_variants_are_one_person_and_namesakes_are_not(db_url: str, tmp_path: Path) -> None:
    ok("ingest", *fx.write(tmp_path / "p", fx.SPELLINGS), "--db", db_url, "-q")
    [envoy] = people(db_url, "Montealegre")
    assert set(envoy["names"]) == {"Meynardo Los Banos Montealegre", "Maynardo L.B. Montealegre"}
    assert len(envoy["events"]) == 2
    [cuba] = people(db_url, "Canel")
    assert set(cuba["names"]) == {"Miguel Díaz-Canel", "Miguel Diaz-Canel Bermudez"}
    assert cuba["country"] == "CU"
    assert len(people(db_url, "Marcos")) == 2  # Ferdinand Marcos Jr. and Imee Marcos: a surname is not a person
    assert {p["name"] for p in people(db_url, "Cường")} >= {"Lý Cường", "Lý Khắc Cường"}  # two premiers
    # one title, however the press abbreviated it
    [speaker] = people(db_url, "Trần Thanh Mẫn")
    assert [(t["title"], t["mentions"]) for t in speaker["titles"]] == [("Chủ tịch Quốc hội", 2)]
    [other] = people(db_url, "Nguyễn Thị Kim Ngân")
    assert [t["title"] for t in other["titles"]] == ["Chủ tịch Quốc hội"]


def test_person_merge_survives_reprocess_and_later_pages(db_url: str, tmp_path: Path) -> None:
    ok("ingest", *fx.write(tmp_path / "la", fx.LAO), "--db", db_url, "-q")
    assert len(people(db_url, "Sisoulith")) + len(people(db_url, "Sisolith")) == 2  # no rule joins them
    merged = ok("person", "--merge", "Thongloun Sisoulith", "Thounglun Sisolith", "--db", db_url)
    assert "merged 'Thounglun Sisolith' into 'Thongloun Sisoulith'" in merged.stdout
    [leader] = people(db_url, "Sisolith")
    assert set(leader["names"]) == {"Thongloun Sisoulith", "Thounglun Sisolith"}
    assert [(t["title"], t["mentions"]) for t in leader["titles"]] == [("Tổng Bí thư, Chủ tịch nước", 2)]
    assert len(leader["events"]) == 2
    ok("ingest", "--reprocess", "--all", "--db", db_url)
    [again] = people(db_url, "Sisolith")
    assert again["titles"] == leader["titles"]
    assert len(again["events"]) == 2
    ok("ingest", *fx.write(tmp_path / "later", [fx.LAO_LATER]), "--db", db_url, "-q")
    [later] = people(db_url, "Sisolith")
    assert later["id"] == leader["id"]
    assert len(later["events"]) == 3


def test_person_merge_mistakes_are_errors(db_url: str, tmp_path: Path) -> None:
    ok("ingest", *fx.write(tmp_path / "p", fx.SPELLINGS), "--db", db_url, "-q")
    nobody = run("person", "--merge", "Tô Lâm", "Nobody Known", "--db", db_url)
    assert nobody.returncode == 2
    assert "nobody called 'Nobody Known'" in nobody.stderr
    same = run("person", "--merge", "Miguel Díaz-Canel", "Miguel Diaz-Canel Bermudez", "--db", db_url)
    assert same.returncode == 2
    assert "one person already" in same.stderr
    vague = run("person", "--merge", "Tô Lâm", "Marcos", "--db", db_url)
    assert vague.returncode == 2
    assert "names 2 people" in vague.stderr


def test_alias_file_applies_before_and_after_ingest(db_url: str, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# my corrections\nalias\tcanonical\nThounglun Sisolith\tThongloun Sisoulith\n",
                       encoding="utf-8")
    assert "recorded" in ok("person", "--aliases", str(aliases), "--db", db_url).stdout
    ok("ingest", *fx.write(tmp_path / "la", fx.LAO), "--db", db_url, "-q")
    [leader] = people(db_url, "Sisoulith")
    assert set(leader["names"]) == {"Thongloun Sisoulith", "Thounglun Sisolith"}
    ok("ingest", "--reprocess", "--all", "--db", db_url)
    assert [p["id"] for p in people(db_url, "Sisolith")] == [leader["id"]]


def test_alias_file_merges_people_already_stored(db_url: str, tmp_path: Path) -> None:
    ok("ingest", *fx.write(tmp_path / "la", fx.LAO), "--db", db_url, "-q")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Thounglun Sisolith\tThongloun Sisoulith\n", encoding="utf-8")
    assert "merged 'Thounglun Sisolith' into 'Thongloun Sisoulith'" in ok(
        "person", "--aliases", str(aliases), "--db", db_url).stdout
    assert len(people(db_url, "Sisolith")) == 1


@pytest.mark.parametrize(("content", "message"), [
    ("Thounglun Sisolith\n", "aliases.tsv:1: expected two tab-separated names"),
    ("# only a comment\n", "holds no correction"),
    ("Tô Lâm\tTo Lam\n", "the same name already"),
])
def test_alias_file_mistakes_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text(content, encoding="utf-8")
    done = run("person", "--aliases", str(aliases), "--db", str(tmp_path / "kb.sqlite"))
    assert done.returncode == 2
    assert message in done.stderr


def test_ingest_related_stores_the_teasers_acts_as_extract_does(db_url: str, tmp_path: Path) -> None:
    """`ingest --related` runs the pipeline `extract --related` runs: the teasers' acts are stored too."""
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip(f"shared/ not found at {SHARED}")
    records = [json.loads(line) for line in ok("extract", *map(str, seeds), "--related", "-q").stdout.splitlines()]
    teasers = sum(1 for r in records for e in r["events"] if e["section"] == "related")
    assert teasers > 0
    ok("ingest", *map(str, seeds), "--related", "--db", db_url, "-q")
    with Session(make_engine(db_url)) as session:
        stored = session.scalar(select(func.count()).select_from(s.EventSource).where(
            s.EventSource.section == "related"))
    assert stored == teasers
    plain = str(tmp_path / "plain.sqlite")
    ok("ingest", *map(str, seeds), "--db", plain, "-q")
    with Session(make_engine(plain)) as session:
        assert session.scalar(select(func.count()).select_from(s.EventSource).where(
            s.EventSource.section == "related")) == 0


def test_a_lone_surname_joins_one_person_only(db_url: str, tmp_path: Path) -> None:
    """"Montealegre" alone is the one Philippine Montealegre; "Marcos" alone is nobody's (two Marcoses)."""
    pages = [*fx.SPELLINGS, ("ph-4.txt", "Thứ Sáu, 16/01/2026 18:00\n\nChiều 16/1, Bộ trưởng Ngoại giao Lê Hoài Trung "
                                         "đã tiếp Đại sứ Philippines Montealegre.\n"),
             ("ph-5.txt", "Thứ Sáu, 16/01/2026 18:00\n\nChiều 16/1, Thủ tướng Phạm Minh Chính đã điện đàm với "
                          "Tổng thống Philippines Marcos.\n")]
    ok("ingest", *fx.write(tmp_path / "p", pages), "--db", db_url, "-q")
    [envoy] = people(db_url, "Montealegre")
    assert "Montealegre" in envoy["names"]
    assert len(envoy["events"]) == 3
    marcoses = people(db_url, "Marcos")
    assert ["Marcos"] in [p["names"] for p in marcoses]  # a record of its own, not Imee's or Ferdinand's
