"""Peak memory of `doingoai extract` on one large JSON Lines file, as the number of records grows.

    .venv/bin/python bench/memory_benchmark.py                       # 1,000 / 5,000 / 20,000 records
    .venv/bin/python bench/memory_benchmark.py --records 20000 --corpus ../shared/corpus

The records are real pages (the wild and dev2 pages of the shared corpus when present; the repository's
examples otherwise), drawn at random, each made distinct with a counter line, the short ones doubled so
that a record averages about 4 KB as JSON (ASCII escapes, as most tools write it): 20,000 records make a
file of 70-85 MB. Each size runs in a fresh process; its peak resident memory is read from the kernel
(``getrusage`` of the child). A reader that keeps every record shows memory growing with the records;
one that streams them stays flat.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sources(corpus: Path) -> list[dict[str, str]]:
    records: list[dict[str, str]] = []
    for name in ("wild/wild.jsonl", "dev2/dev2.jsonl"):
        path = corpus / name
        if path.is_file():
            records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not records:
        records = [{"source": p.name, "html" if p.suffix == ".html" else "text": p.read_text(encoding="utf-8")}
                   for p in sorted((ROOT / "examples").iterdir()) if p.suffix in (".txt", ".html")]
    return records


def build(path: Path, n: int, corpus: Path, seed: int = 2) -> int:
    """Write ``n`` distinct records to ``path``; return the file's size in bytes."""
    rng = random.Random(seed)
    sources = _sources(corpus)
    size = 0
    with open(path, "w", encoding="ascii") as out:
        for i in range(n):
            record = dict(rng.choice(sources))
            for key in ("text", "html"):
                if record.get(key):
                    body = record[key]
                    if len(json.dumps(body)) < 3000:
                        body = body + "\n\n" + body
                    record[key] = body + f"\n\nBài số {i}."
            record["source"] = f"record-{i}"
            line = json.dumps(record) + "\n"
            out.write(line)
            size += len(line)
    return size


def measure(path: Path) -> tuple[float, float]:
    """Seconds and peak MiB of one `doingoai extract` of ``path`` in a fresh process."""
    exe = str(Path(sys.executable).parent / "doingoai")
    start = time.perf_counter()
    subprocess.run([exe, "extract", str(path), "-q", "-o", "/dev/null"], check=True)
    seconds = time.perf_counter() - start
    # ru_maxrss of the children is the largest of the children so far: each size runs after a smaller one
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    print("| records | file MB | seconds | records/s | peak MiB |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.records):
            path = Path(tmp) / f"records-{n}.jsonl"
            size = build(path, n, args.corpus)
            seconds, peak = measure(path)
            print(f"| {n:,} | {size / 1e6:.1f} | {seconds:.1f} | {n / seconds:.0f} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main()
