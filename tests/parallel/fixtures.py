"""Pages for the parallel tests (invented reports in the genre), and a dump of a knowledge base to compare two."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.engine import make_engine

# One act — talks in Hà Nội on 12 June 2025 — told by three outlets, each with the trade target.
REPRINTS = [
    ("bao-a.txt", "Thủ tướng hội đàm với Thủ tướng Malaysia\nThứ Năm, 12/06/2025 19:00\n\n"
                  "Chiều 12/6, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Malaysia "
                  "Anwar Ibrahim đang thăm chính thức Việt Nam. Hai bên nhất trí phấn đấu nâng kim ngạch thương mại "
                  "song phương lên 18 tỷ USD.\n"),
    ("bao-b.txt", "Việt Nam - Malaysia thúc đẩy hợp tác kinh tế\nThứ Năm, 12/06/2025 21:30\n\n"
                  "Chiều nay, tại Hà Nội, Thủ tướng Phạm Minh Chính và Thủ tướng Malaysia Anwar Ibrahim đã hội đàm, "
                  "nhất trí phấn đấu nâng kim ngạch thương mại song phương lên 18 tỷ USD.\n"),
    ("bao-c.txt", "Hội đàm cấp cao Việt Nam - Malaysia\nThứ Sáu, 13/06/2025 07:00\n\n"
                  "Chiều 12/6, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Malaysia Anwar "
                  "Ibrahim. Hai nhà lãnh đạo nhất trí phấn đấu nâng kim ngạch thương mại song phương lên 18 tỷ USD.\n"),
]

PARTNERS = ["Nhật Bản", "Hàn Quốc", "Lào", "Cuba", "Ấn Độ", "Brazil"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Khánh", "Lan", "Minh", "Nam", "Phong"]


def filler(i: int) -> str:
    """A distinct short reception report, one a number."""
    partner = PARTNERS[i % len(PARTNERS)]
    day, month = i % 28 + 1, i % 12 + 1
    return (f"Tin đối ngoại số {i}\nThứ Hai, {day:02d}/{month:02d}/2024 09:00\n\n"
            f"Sáng {day}/{month}, tại Hà Nội, Thứ trưởng Ngoại giao Nguyễn Văn {GIVEN[i % len(GIVEN)]} đã tiếp "
            f"Đại sứ {partner} tại Việt Nam Kenji Sato{i}. Hai bên trao đổi về hợp tác song phương.\n")


def pages(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"page-{i:04d}.txt").write_text(filler(i), encoding="utf-8")
    return folder


def records(path: Path, texts: list[str], bad_at: int | None = None) -> Path:
    """A JSON Lines file of ``texts``; a line that is not JSON at ``bad_at``."""
    lines = [orjson.dumps({"source": f"rec-{i}", "text": t}) for i, t in enumerate(texts)]
    if bad_at is not None:
        lines.insert(bad_at, b"{not json")
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def dump(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, by primary key, without the clock's columns (when a page was ingested)."""
    engine = make_engine(db)
    out: dict[str, list[tuple[Any, ...]]] = {}
    with Session(engine) as session:
        for table in s.Base.metadata.sorted_tables:
            if table.name == "write_counter":  # (advanced by every batch: how many, not what, was written)
                continue
            columns = [c for c in table.columns if c.name != "ingested_at"]
            rows = session.execute(select(*columns).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(v.isoformat() if isinstance(v, dt.datetime) else v for v in r) for r in rows]
    engine.dispose()
    return out
