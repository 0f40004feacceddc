"""`doingoai search` on SQLite and PostgreSQL, with and without PostgreSQL's trigram index (migration 0004).

    .venv/bin/python bench/search_benchmark.py --n 5000

Ingests the first N documents of the archive corpus (bench/archive_corpus.py) into a fresh SQLite file and a
fresh PostgreSQL database (dropped afterwards), then times each query (the median of --repeat runs)
through ``store.search.search_documents``, as the command runs it. On PostgreSQL each query is also timed
with the index dropped (inside a transaction that is rolled back). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
DOINGOAI = str(Path(sys.executable).parent / "doingoai")
QUERIES = ["Canberra", "Đối tác chiến lược toàn diện", "kim ngạch thương mại", "hop tac quoc phong", "ASEAN -Mỹ",
           "Thủ tướng Chính phủ", "nông nghiệp"]


def _time(session: Session, query: str, exact: bool, repeat: int) -> tuple[float, int]:
    from doingoai.store.search import search_documents

    times, hits = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        hits = len(search_documents(session, query, ignore_diacritics=exact, limit=20))
        times.append(time.perf_counter() - started)
    return statistics.median(times), hits


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--work", type=Path, default=Path("/tmp/doingoai-search-bench"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from doingoai.store.engine import make_engine

    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / f"archive-{args.n}.jsonl"
    if not corpus.is_file():
        subprocess.run([sys.executable, str(ROOT / "bench" / "archive_corpus.py"), "--n", str(args.n), "--out",
                        str(corpus)], check=True)
    sqlite = args.work / f"kb-{args.n}.sqlite"
    if not sqlite.is_file():
        subprocess.run([DOINGOAI, "ingest", str(corpus), "--db", str(sqlite), "-q", "--batch", "100"], check=True)
    name = f"doingoai_search_{uuid.uuid4().hex[:8]}"
    subprocess.run(["psql", args.pg, "-qc", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    pg = args.pg.rsplit("/", 1)[0] + f"/{name}"
    rows = []
    try:
        subprocess.run([DOINGOAI, "ingest", str(corpus), "--db", pg, "-q", "--batch", "100"], check=True)
        lite, server = make_engine(str(sqlite)), make_engine(pg)
        with Session(lite) as ls, Session(server) as ps:
            ps.execute(text("ANALYZE documents"))
            ps.commit()
            for q in QUERIES:
                for exact in (False, True):
                    s_med, s_hits = _time(ls, q, exact, args.repeat)
                    p_med, p_hits = _time(ps, q, exact, args.repeat)
                    ps.execute(text("DROP INDEX IF EXISTS ix_documents_folded_trgm"))
                    n_med, n_hits = _time(ps, q, exact, args.repeat)
                    ps.rollback()
                    assert s_hits == p_hits == n_hits, (q, s_hits, p_hits, n_hits)
                    rows.append((q + (" (-i)" if exact else ""), s_hits, s_med, p_med, n_med))
        lite.dispose()
        server.dispose()
    finally:
        subprocess.run(["psql", args.pg, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=False,
                       capture_output=True)
    print(f"{args.n:,} documents; median of {args.repeat} runs, milliseconds")
    print("| query | hits | SQLite | PostgreSQL, trigram index | PostgreSQL, no index |")
    print("|---|---:|---:|---:|---:|")
    for q, hits, s, p, n in rows:
        print(f"| `{q}` | {hits} | {1000 * s:.1f} | {1000 * p:.1f} | {1000 * n:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
