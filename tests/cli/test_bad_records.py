"""One bad record never blocks the rest (issue 12, item 4): values a database would refuse are made
storable at the edge (NUL and other control characters in a record's source or URL; a site name longer
than any outlet's), on SQLite and PostgreSQL alike, and a re-run adds nothing."""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlalchemy import create_engine, text

from doingoai.store.engine import resolve_url
from tests.cli.conftest import db_url, doingoai  # noqa: F401  (db_url: SQLite and PostgreSQL)

STORY = "Sáng 3/6/2024, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Lào tại Việt Nam."


def test_records_with_unstorable_values_are_stored_cleaned(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    records = [{"source": f"good{i}", "text": f"{STORY} Số {i}."} for i in range(4)]
    records[1:1] = [{"source": "nul\x00source\x07", "url": "https://baoquocte.vn/\x00bai", "text": f"{STORY} NUL."}]
    records[3:3] = [{"source": "long-site", "url": "https://" + "a" * 250 + ".vn/bai", "text": f"{STORY} Site."}]
    records[4:4] = [{"source": "long-title", "html": "<html><head><title>" + "Tiêu đề dài " * 40
                     + f"</title></head><body><p>{STORY} Title.</p></body></html>"}]
    archive = tmp_path / "bad.jsonl"
    archive.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    first = doingoai("ingest", str(archive), "--db", db_url)
    assert first.returncode == 0, first.stderr
    assert "7 new, 0 already stored, 0 failed" in first.stderr
    again = doingoai("ingest", str(archive), "--db", db_url)
    assert "0 new, 7 already stored, 0 failed" in again.stderr
    engine = create_engine(resolve_url(db_url))
    with engine.connect() as c:
        rows = dict(c.execute(text("select source, coalesce(url, '') || '|' || coalesce(outlet, '') "
                                   "from documents")).all())
    engine.dispose()
    assert rows["nulsource"] == "https://baoquocte.vn/bai|baoquocte.vn"
    assert rows["long-site"].endswith("|")  # no outlet: no site has such a name
