"""Ingest throughput of the knowledge base, on SQLite and on PostgreSQL.

    .venv/bin/python bench/ingest_benchmark.py --n 1000
    .venv/bin/python bench/ingest_benchmark.py --n 500 --pg postgresql://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/ingest_benchmark.py --n 1000 --jobs 2     # extraction on a local Dask cluster of two workers

The pages are the benchmark corpus (bench/benchmark.py), cycled and made unique with a counter line, so
that every one is new to the store. Each run is a fresh process (peak memory is its own) and a fresh
database (created and dropped on the server for PostgreSQL).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _pages(folder: Path, n: int) -> None:
    from benchmark import _pages as corpus

    for i, (source, content, markup) in enumerate(corpus(n)):
        suffix = ".html" if markup == "html" else ".txt"
        extra = f"<p>bản {i}</p>" if markup == "html" else f"\nbản {i}\n"
        (folder / f"{i:05d}-{Path(source).stem[:40]}{suffix}").write_text(content + extra, encoding="utf-8")


def _child(folder: str, db: str, jobs: str) -> dict[str, float]:
    from doingoai.store.ingest import ingest

    workers = int(jobs) if jobs else 1
    cpu = time.process_time()
    started = time.perf_counter()
    summary = ingest([folder], db=db, batch_size=100, workers=workers)
    elapsed = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime  # this process and its workers
    return {"new": summary.new, "seconds": elapsed, "docs_per_s": summary.new / elapsed, "jobs": workers,
            "cpu_ms": 1000 * cpu / max(1, summary.new),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(_child(sys.argv[2], sys.argv[3], sys.argv[4])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="pages to ingest")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres",
                    help="an admin URL of a PostgreSQL server ('' to skip)")
    ap.add_argument("--jobs", default="", help="Dask workers extracting (default: 1, no Dask, as ingest)")
    a = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        _pages(folder, a.n)
        targets = [("SQLite", str(Path(tmp) / "kb.sqlite"))]
        dbname = f"doingoai_bench_{uuid.uuid4().hex[:8]}"
        if a.pg:
            from sqlalchemy import create_engine, text

            admin = create_engine(a.pg.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.execute(text(f'CREATE DATABASE "{dbname}"'))
            targets.append(("PostgreSQL", a.pg.rsplit("/", 1)[0] + f"/{dbname}"))
        try:
            for label, db in targets:
                out = subprocess.run([sys.executable, __file__, "--child", str(folder), db, a.jobs],
                                     capture_output=True, text=True, check=True)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                rows.append((label, r))
                print(f"{label}: {r['docs_per_s']:.1f} docs/s", file=sys.stderr)
        finally:
            if a.pg:
                with admin.connect() as c:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{dbname}"'))
    print("| store | pages | seconds | pages/s | extraction processes | CPU ms/page (doingoai) | peak memory (main, "
          "each worker) |")
    print("|---|---|---|---|---|---|---|")
    for label, r in rows:
        workers = f", {r['worker_peak_mb']:.0f} MB" if r["jobs"] > 1 else ""
        print(f"| {label} | {r['new']:.0f} | {r['seconds']:.1f} | {r['docs_per_s']:.1f} | {r['jobs']:.0f} | "
              f"{r['cpu_ms']:.1f} | {r['peak_mb']:.0f} MB{workers} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
