"""Snapshot of doingoai's output on every page and case the repository and the workplace hold.

    .venv/bin/python bench/snapshot.py write /tmp/before.jsonl
    .venv/bin/python bench/snapshot.py check /tmp/before.jsonl     # exit 1 and a diff summary if anything changed

For refactorings and speed work that must not change behaviour.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _records() -> list[str]:
    from benchmark import _pages  # the benchmark's own corpus, cycled once

    from doingoai.clean.normalize import normalize
    from doingoai.extract import extract
    from doingoai.model import Article, Page
    from doingoai.pipeline import extract_page

    out = []
    seen = set()
    for s, c, m in _pages(400):
        if (s, c) in seen:
            continue
        seen.add((s, c))
        out.append(json.dumps(extract_page(Page(source=s, content=c, markup=m))[1], ensure_ascii=False, sort_keys=True))
    import datetime as dt

    for path in sorted((ROOT / "tests" / "extract" / "cases").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            art = Article(source=case["id"], title=None, published=case.get("published"), outlet=None,
                          text=normalize(case["text"]))
            ex = extract(art, today=dt.date(2026, 11, 25))
            out.append(json.dumps({"id": case["id"], "events": [repr(e) for e in ex.events],
                                   "relations": [repr(r) for r in ex.relations],
                                   "figures": [repr(f) for f in ex.figures]}, ensure_ascii=False))
    return out


def main() -> int:
    mode, target = sys.argv[1], Path(sys.argv[2])
    records = _records()
    if mode == "write":
        target.write_text("\n".join(records) + "\n", encoding="utf-8")
        print(f"wrote {len(records)} records to {target}")
        return 0
    before = target.read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, records, strict=False)) if a != b]
    if len(before) != len(records):
        print(f"record count changed: {len(before)} -> {len(records)}")
        return 1
    for i in changed[:10]:
        print(f"record {i} differs:\n  before: {before[i][:300]}\n  after:  {records[i][:300]}")
    print(f"{len(changed)} of {len(records)} records differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
