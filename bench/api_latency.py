"""Latency of filtered ``GET /api/v1/events`` queries on a knowledge base of 10,000+ events (issue 13).

    .venv/bin/python bench/api_latency.py                       # SQLite, 10,000 pages
    .venv/bin/python bench/api_latency.py --n 12000 --db /tmp/kb.sqlite --requests 400
    .venv/bin/python bench/api_latency.py --db postgresql://postgres@127.0.0.1:5432/bench_api

Pages are invented reception reports (one act each, over 2015-2025, six partners, many hosts and guests),
ingested once into ``--db`` (kept: a second run reuses them). The server is the real one (`doingoai serve`
in its own process, on a loopback port); requests go over HTTP one at a time with a mix of the CLI's
filters, each page 50 events. Prints p50, p95 and the slowest per filter and overall, with the machine's
load average (a loaded machine slows every figure). ``--in-process`` times the query function
(``event_page``) alone instead, without the server: the median of ``--repeat`` runs per filter, which
shows the database's share when other processes compete for the cores. A benchmark, not a test: nothing
is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARTNERS = [("Nhật Bản", "Đại sứ Nhật Bản tại Việt Nam"), ("Hàn Quốc", "Đại sứ Hàn Quốc tại Việt Nam"),
            ("Lào", "Đại sứ Lào tại Việt Nam"), ("Cuba", "Đại sứ Cuba tại Việt Nam"),
            ("Ấn Độ", "Đại sứ Ấn Độ tại Việt Nam"), ("Brazil", "Đại sứ Brazil tại Việt Nam")]
HOSTS = ["An", "Bình", "Chi", "Dũng", "Hà", "Khánh", "Lan", "Minh", "Nam", "Phong", "Quang", "Sơn"]


def _pages(folder: Path, n: int) -> None:
    for i in range(n):
        _, envoy = PARTNERS[i % len(PARTNERS)]
        year, month, day = 2015 + (i // 336) % 11, (i // 28) % 12 + 1, i % 28 + 1
        host = f"Nguyễn Văn {HOSTS[(i // 7) % len(HOSTS)]}"
        text = (f"Tin đối ngoại số {i}\nThứ Hai, {day:02d}/{month:02d}/{year} 09:00\n\n"
                f"Sáng {day}/{month}, tại Hà Nội, Thứ trưởng Ngoại giao {host} đã tiếp {envoy} Kenji Sato{i}. "
                f"Hai bên trao đổi về hợp tác song phương.\n")
        (folder / f"page-{i:05d}.txt").write_text(text, encoding="utf-8")


FILTERS = {
    "none": lambda r: {},
    "country": lambda r: {"country": r.choice(["JP", "Hàn Quốc", "LA", "Cuba", "IN", "BR"])},
    "country+since": lambda r: {"country": r.choice(["JP", "KR", "LA"]), "since": str(r.randint(2015, 2025))},
    "range": lambda r: {"since": f"{r.randint(2015, 2024)}-{r.randint(1, 12):02d}", "until": "2025-12"},
    "type+status": lambda r: {"type": "reception", "status": "occurred"},
    "person": lambda r: {"person": f"Nguyễn Văn {r.choice(HOSTS)}"},
    "text": lambda r: {"text": r.choice(["hợp tác", "song phương", "Sato17"])},
    "page 20": lambda r: {"offset": 1000, "sort": r.choice(["newest", "oldest"])},
}


def _in_process(db: str, repeat: int) -> int:
    """The median time of ``event_page`` per filter, each filter's parameters drawn as the server's are."""
    from sqlalchemy.orm import Session

    from doingoai.serve.params import EventQuery, event_filter
    from doingoai.store.engine import make_engine
    from doingoai.store.queries import event_page

    engine = make_engine(db)
    rng = random.Random(13)
    with Session(engine) as session:
        event_page(session, event_filter(session, EventQuery()))  # warm-up
        for name, draw in FILTERS.items():
            ms = []
            for _ in range(repeat):
                params = draw(rng)
                query = EventQuery(**{k: v for k, v in params.items() if k not in ("offset", "sort")})
                started = time.perf_counter()
                event_page(session, event_filter(session, query), int(params.get("offset", 0)), 50,
                           str(params.get("sort", "newest")))
                ms.append((time.perf_counter() - started) * 1000)
            print(f"{name:<14} n={len(ms):<4} median {statistics.median(ms):6.1f} ms  max {max(ms):6.1f} ms")
    engine.dispose()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="pages to ingest when the database is new")
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "doingoai-api-bench.sqlite"))
    ap.add_argument("--requests", type=int, default=320, help="requests in all, spread over the filters")
    ap.add_argument("--in-process", action="store_true", help="time event_page itself, without the server")
    ap.add_argument("--repeat", type=int, default=15, help="runs per filter with --in-process")
    args = ap.parse_args()

    import httpx
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from doingoai.store import schema as s
    from doingoai.store.engine import make_engine, migrate
    from doingoai.store.ingest import ingest

    engine = make_engine(args.db)
    migrate(engine)
    with Session(engine) as session:
        events = session.scalar(select(func.count()).select_from(s.Event)) or 0
    if events < args.n:
        with tempfile.TemporaryDirectory() as folder:
            _pages(Path(folder), args.n)
            started = time.perf_counter()
            summary = ingest([folder], args.db, batch_size=200)
            print(f"ingested: {summary.line()} in {time.perf_counter() - started:.0f} s")
        with Session(engine) as session:
            events = session.scalar(select(func.count()).select_from(s.Event)) or 0
    engine.dispose()
    print(f"events in the knowledge base: {events}")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if args.in_process:
        return _in_process(args.db, args.repeat)

    # the server in its own process, as `doingoai serve` runs it: a client in the same process would share
    # its interpreter lock and count its own time as the server's
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exe = Path(sys.executable).parent / "doingoai"
    server = subprocess.Popen([str(exe), "serve", "--db", args.db, "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/api/v1/health", timeout=5)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    rng = random.Random(13)
    times: dict[str, list[float]] = {k: [] for k in FILTERS}
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(3):  # warm-up: caches of the interpreter and the database
            client.get("/api/v1/events")
        for k in range(args.requests):
            name = list(FILTERS)[k % len(FILTERS)]
            params = FILTERS[name](rng)
            started = time.perf_counter()
            r = client.get("/api/v1/events", params=params)
            times[name].append((time.perf_counter() - started) * 1000)
            if r.status_code != 200:
                print(f"{name} {params}: {r.status_code} {r.text[:200]}")
    server.terminate()
    server.wait(timeout=30)

    def line(label: str, ms: list[float]) -> str:
        q = statistics.quantiles(ms, n=20, method="inclusive") if len(ms) > 1 else ms * 19
        return (f"{label:<14} n={len(ms):<4} p50 {statistics.median(ms):6.1f} ms  p95 {q[18]:6.1f} ms  "
                f"max {max(ms):6.1f} ms")

    for name, ms in times.items():
        print(line(name, ms))
    print(line("all", [t for ms in times.values() for t in ms]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
