"""Archive scale: extract and ingest of 1k to 100k documents, one process and a local Dask cluster.

    .venv/bin/python bench/archive_benchmark.py --sizes 1000 10000
    .venv/bin/python bench/archive_benchmark.py --sizes 1000 --workers 1 2 --pg ''      # SQLite only

For each size, the archive of ``bench/archive_corpus.py`` (made once, kept in --work), then, each as a fresh
``doingoai`` process on a fresh database (created and dropped on the server for PostgreSQL):

- ``doingoai extract ARCHIVE -q --workers W`` (W = 1: no Dask);
- ``doingoai ingest ARCHIVE --db DB -q --batch B --workers W`` on SQLite and on PostgreSQL (B = 500 unless
  ``--batch`` says otherwise: the writer looks up the candidates of a batch at once, and larger batches make
  fewer look-ups; one and two workers run with the same B).

Reported: wall time, documents per second, CPU seconds of the whole process tree, and the peak of the memory
the tree holds (the sum of the resident sizes of the command and its workers, sampled every 0.2 s). The
machine is shared: the load average is printed with every row, and speed-ups are ratios of wall times
measured one after the other. Prints a markdown table (and JSON lines with --json).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOINGOAI = str(Path(sys.executable).parent / "doingoai")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and every process below it."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def measure(command: list[str]) -> dict[str, float]:
    """Wall time, CPU time of the tree and peak tree memory of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak[0] / 2**20, "load": os.getloadavg()[0],
            "stderr": err.decode().strip().splitlines()[-1] if err.strip() else ""}


def _pg_database(admin: str) -> tuple[str, str]:
    name = f"doingoai_bench_{uuid.uuid4().hex[:8]}"
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    return name, admin.rsplit("/", 1)[0] + f"/{name}"


def _drop(admin: str, name: str) -> None:
    subprocess.run(["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=False,
                   capture_output=True)


def archive(work: Path, n: int) -> Path:
    path = work / f"archive-{n}.jsonl"
    if not path.is_file():
        subprocess.run([sys.executable, str(ROOT / "bench" / "archive_corpus.py"), "--n", str(n), "--out",
                        str(path)], check=True)
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres",
                    help="an admin URL of a PostgreSQL server ('' to skip PostgreSQL)")
    ap.add_argument("--no-sqlite", action="store_true", help="skip the SQLite ingests")
    ap.add_argument("--no-extract", action="store_true", help="skip the extract runs")
    ap.add_argument("--batch", type=int, default=500, help="pages a commit for ingest (default 500)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/doingoai-archive-bench"))
    ap.add_argument("--json", action="store_true", help="also print each row as a JSON line")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []

    def report(row: dict[str, object]) -> None:
        rows.append(row)
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(f"{row['docs']:>7} {row['task']:<8} {row['db']:<10} w={row['workers']} "
                  f"{row['wall_s']:8.1f} s {row['docs_per_s']:7.1f}/s cpu {row['cpu_s']:7.1f} s "
                  f"peak {row['peak_mb']:6.0f} MB load {row['load']:.1f}", file=sys.stderr, flush=True)

    for n in args.sizes:
        corpus = archive(args.work, n)
        for w in args.workers:
            if not args.no_extract:
                m = measure([DOINGOAI, "extract", str(corpus), "-q", "--workers", str(w), "-o",
                             str(args.work / "out.jsonl")])
                report({"docs": n, "task": "extract", "db": "-", "workers": w, **m, "docs_per_s": n / m["wall_s"]})
            if not args.no_sqlite:
                db = args.work / f"kb-{n}-{w}.sqlite"
                for f in args.work.glob(f"{db.name}*"):
                    f.unlink()
                m = measure([DOINGOAI, "ingest", str(corpus), "--db", str(db), "-q", "--batch", str(args.batch),
                             "--workers", str(w)])
                report({"docs": n, "task": "ingest", "db": "sqlite", "workers": w, **m,
                        "docs_per_s": n / m["wall_s"]})
            if args.pg:
                name, url = _pg_database(args.pg)
                try:
                    m = measure([DOINGOAI, "ingest", str(corpus), "--db", url, "-q", "--batch", str(args.batch),
                                 "--workers", str(w)])
                finally:
                    _drop(args.pg, name)
                report({"docs": n, "task": "ingest", "db": "postgresql", "workers": w, **m,
                        "docs_per_s": n / m["wall_s"]})
    print("| documents | run | database | workers | wall s | docs/s | CPU s (all processes) | peak MB (all "
          "processes) | load avg |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['docs']:,} | {r['task']} | {r['db']} | {r['workers']} | {r['wall_s']:.1f} | "
              f"{r['docs_per_s']:.1f} | {r['cpu_s']:.1f} | {r['peak_mb']:.0f} | {r['load']:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
