"""Throughput and memory of `doingoai extract`, against underthesea on the same text.

    .venv/bin/python bench/benchmark.py                 # ~1,000 articles, sizes 100/300/1000
    .venv/bin/python bench/benchmark.py --sizes 50 200 --ner-sample 50 --json bench/out/latest.json

Every measurement runs in a fresh subprocess on one core, so that its peak memory (ru_maxrss) is its
own; times are the child's CPU time (both tools run on one thread), so that other work on a shared machine
disturbs the ratio less than it would wall-clock time. The corpus is built from the pages the repository
ships (examples/, tests/segment/pages/) and, when present, the workplace's shared/ seed and dev pages, cycled
until the wanted size. underthesea is an
optional dependency (`pip install -e '.[bench]'`); without it, its rows are skipped.

It also times the HTML pages alone (`--html-pages`, 300 by default, cycling through the distinct ones) through
doingoai and through `trafilatura.extract` alone with its defaults, and reports doingoai's speed as a share of
trafilatura's (issue 14 asks for at least 0.8×): CPU time of the child, best of three passes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOINGOAI_SHARED", ROOT.parent / "shared"))


def _sources() -> list[Path]:
    found = sorted((ROOT / "examples").glob("*"))
    found += sorted(p for p in (ROOT / "tests" / "segment" / "pages").glob("*") if p.suffix in {".txt", ".html"})
    if (SHARED / "corpus" / "seeds").is_dir():
        found += sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    return found


def _pages(n: int) -> list[tuple[str, str, str]]:
    """(source, content, markup) for n pages, cycling through the available ones."""
    from doingoai.read.sources import Input, read_input

    base = []
    for path in _sources():
        for page in read_input(Input(str(path), path)):
            if not hasattr(page, "content"):
                continue
            base.append((page.source, page.content, page.markup))
    dev = SHARED / "corpus" / "dev" / "dev.jsonl"
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            base.append((rec["source"], rec["text"], "text"))
    return [base[i % len(base)] for i in range(n)]


def _page_text(page: object) -> str:
    """The text a reader of the page sees: what both tools are given (for HTML, its visible text)."""
    import lxml.html

    from doingoai.clean.normalize import normalize
    from doingoai.segment.html import _visible_text

    content, markup = page.content, page.markup  # type: ignore[attr-defined]
    return normalize(_visible_text(lxml.html.fromstring(content)) if markup == "html" else content)


def _html_pages(n: int) -> list[tuple[str, str, str]]:
    """n HTML pages, cycling through the distinct ones available."""
    base = list(dict.fromkeys(p for p in _pages(len(_sources()) * 2 + 100) if p[2] == "html"))
    return [base[i % len(base)] for i in range(n)] if base else []


def _measure(task: str, n: int, ner_sample: int) -> dict[str, float]:
    """Runs in the child: one task over n pages; returns timings and sizes."""
    from doingoai.model import Page
    from doingoai.pipeline import extract_page, settle

    if task in ("html", "trafilatura"):
        return _measure_html(task, n)
    pages = [Page(source=s, content=c, markup=m) for s, c, m in _pages(n)]  # type: ignore[arg-type]
    if task == "doingoai":
        extract_page(pages[0])  # load the lexicons outside the timed loop, as a long batch amortizes them
        settle()  # as the batch functions do after their first page
        chars = sum(len(_page_text(p)) for p in pages)
        start = time.process_time()
        for page in pages:
            extract_page(page)
        elapsed = time.process_time() - start
        count = len(pages)
    else:
        texts = [_page_text(p) for p in pages]
        if task == "ner":
            texts = texts[:ner_sample]
        import underthesea

        fn = underthesea.word_tokenize if task == "word_tokenize" else underthesea.ner
        fn("Khởi động.")
        start = time.process_time()
        chars = 0
        for text in texts:
            for line in text.split("\n"):
                if line.strip():
                    fn(line)
            chars += len(text)
        elapsed = time.process_time() - start
        count = len(texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": count, "chars": chars, "seconds": elapsed, "articles_per_s": count / elapsed,
            "chars_per_s": chars / elapsed, "peak_mb": peak_mb}


def _measure_html(task: str, n: int) -> dict[str, float]:
    """The whole of ``extract_page`` (task ``html``), or ``trafilatura.extract`` alone with its defaults
    (task ``trafilatura``), over the same n HTML pages: CPU time of this process, the best of three runs
    (the machine is shared; the best run is the least disturbed)."""
    import trafilatura

    from doingoai.model import Page
    from doingoai.pipeline import extract_page, settle

    pages = [Page(source=s, content=c, markup=m) for s, c, m in _html_pages(n)]  # type: ignore[arg-type]
    if task == "html":
        extract_page(pages[0])
        settle()

        def run(page: Page) -> object:
            return extract_page(page)
    else:
        trafilatura.extract(pages[0].content)

        def run(page: Page) -> object:
            return trafilatura.extract(page.content, url=page.url)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for page in pages:
            run(page)
        best = min(best, time.process_time() - start)
    chars = sum(len(p.content) for p in pages)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(pages), "chars": chars, "seconds": best, "articles_per_s": len(pages) / best,
            "chars_per_s": chars / best, "peak_mb": peak_mb}


def _run_child(task: str, n: int, ner_sample: int) -> dict[str, float] | None:
    cmd = [sys.executable, __file__, "--child", task, str(n), str(ner_sample)]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    try:
        done = subprocess.run(["taskset", "-c", "0", *cmd], capture_output=True, text=True, env=env, check=True)
    except FileNotFoundError:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    except subprocess.CalledProcessError as exc:
        if "No module named 'underthesea'" in exc.stderr:
            return None
        raise
    return json.loads(done.stdout.strip().splitlines()[-1])


def _html_comparison(n: int) -> list[dict[str, Any]]:
    """HTML pages through doingoai (segment + extract) against ``trafilatura.extract`` alone on the same
    pages (issue 14: at least 0.8 of trafilatura's own speed)."""
    ours = _run_child("html", n, 0)
    theirs = _run_child("trafilatura", n, 0)
    assert ours is not None
    assert theirs is not None
    rows: list[dict[str, Any]] = [
        {"tool": "doingoai extract, HTML pages", "size": n, **ours},
        {"tool": "trafilatura.extract alone, same HTML pages", "size": n, **theirs},
    ]
    speed = ours["articles_per_s"] / theirs["articles_per_s"]
    print()
    print("| HTML pages | pages | CPU seconds (best of 3) | pages/s |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['tool']} | {r['articles']:.0f} | {r['seconds']:.3f} | {r['articles_per_s']:.1f} |")
    print(f"\nHTML: doingoai runs at {speed:.2f}× trafilatura.extract's speed "
          f"(its time is {1 / speed:.2f}× trafilatura's; the target is ≥ 0.8×)")
    return rows


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(_measure(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000],
                    help="corpus sizes for doingoai (the largest is also used for underthesea)")
    ap.add_argument("--ner-sample", type=int, default=100,
                    help="articles given to underthesea.ner (it is slow; its rate is per article)")
    ap.add_argument("--html-pages", type=int, default=300,
                    help="HTML pages timed through doingoai and through trafilatura.extract alone (0: skip)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    a = ap.parse_args()
    rows = []
    for n in a.sizes:
        r = _run_child("doingoai", n, a.ner_sample)
        assert r is not None
        rows.append({"tool": "doingoai extract (segment + extract)", "size": n, **r})
        print(f"doingoai n={n}: {r['articles_per_s']:.1f} articles/s, {r['peak_mb']:.0f} MB", file=sys.stderr)
    largest = max(a.sizes)
    for task, label in (("word_tokenize", "underthesea.word_tokenize"), ("ner", "underthesea.ner")):
        if task == "ner" and a.ner_sample <= 0:
            continue  # --ner-sample 0: no NER row
        r = _run_child(task, largest, a.ner_sample)
        if r is None:
            print(f"{label}: underthesea is not installed; skipped", file=sys.stderr)
            continue
        rows.append({"tool": label, "size": r["articles"], **r})
        print(f"{label}: {r['articles_per_s']:.1f} articles/s", file=sys.stderr)
    ours = next(r for r in reversed(rows) if r["tool"].startswith("doingoai"))
    print("| tool | articles | articles/s | chars/s | peak memory | doingoai (largest run) ÷ this |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        ratio = "—" if r["tool"].startswith("doingoai") else f"{ours['articles_per_s'] / r['articles_per_s']:.1f}×"
        print(f"| {r['tool']} | {r['articles']:.0f} | {r['articles_per_s']:.1f} | {r['chars_per_s']:,.0f} | "
              f"{r['peak_mb']:.0f} MB | {ratio} |")
    html_rows = _html_comparison(a.html_pages) if a.html_pages > 0 else []
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(rows + html_rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
