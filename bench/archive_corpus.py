"""An archive of N distinct documents, made by varying real genre pages: the benchmark corpus for
``bench/archive_benchmark.py`` (and for anyone who wants to see ``--workers`` on a large input).

    .venv/bin/python bench/archive_corpus.py --n 10000 --out /tmp/archive-10k.jsonl

The pages are those of ``../shared/corpus`` (wild, dev, dev2 and the seeds, when present; $DOINGOAI_SHARED
elsewhere), or the repository's ``examples/`` otherwise. Document ``i`` is page ``i mod P`` with:

- its counterpart changed: every name of a partner state in the page is replaced by another state's (the
  same replacement for the whole page, a different one for each variant);
- its dates moved: days and months of ``d/m`` and ``d/m/yyyy`` dates shifted, years moved within
  2014-2025, so that the archive spans a decade as a real one does;
- its people changed: the names of the people the page's extraction found are swapped for the names of
  people of other pages, of the same side (Vietnamese for Vietnamese, foreign for foreign).

About one variant in ``--reprints`` keeps the counterpart, dates and people of an earlier variant and changes
only a sentence of framing (as a second outlet reprints a story): the knowledge base has to resolve those as
one act, so that deduplication is not trivial. Every document is distinct (content hash); the output is one
JSON Lines file of ``{"source", "url", "text"|"html", "published"?}`` records, deterministic for a given N.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOINGOAI_SHARED", ROOT.parent / "shared"))

# Partners the genre's pages name (ISO codes: their press names come from the package's gazetteer)
PARTNERS = ("JP", "KR", "LA", "KH", "SG", "IN", "BR", "AU", "TH", "ID", "MY", "PH", "US", "CN", "FR", "DE", "GB",
            "RU", "CU", "NZ", "CA", "IT", "MX", "AR", "CL", "ZA", "EG", "TR", "SA", "AE", "KZ", "MN", "BD", "PK",
            "NL", "BE", "ES", "PT", "PL", "CZ", "HU", "AT", "CH", "SE", "NO", "FI", "DK", "IE", "GR", "IL")
FRAMING = ("(Theo TTXVN)", "(Báo Quốc tế)", "Nguồn: Cổng thông tin điện tử Chính phủ.", "(Theo VOV)",
           "(Nhân Dân điện tử)", "(Theo Báo Thế giới và Việt Nam)")
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(20\d\d))?\b")
_YEAR = re.compile(r"\b(20[12]\d)\b")


@dataclass(frozen=True, slots=True)
class Base:
    source: str
    url: str | None
    body: str  # text or HTML
    markup: str  # "text" or "html"
    published: str | None
    states: tuple[str, ...]  # partner names found in the page
    home_people: tuple[str, ...]
    foreign_people: tuple[str, ...]


def _raw_pages() -> Iterator[tuple[str, str | None, str, str, str | None]]:
    corpus = SHARED / "corpus"
    files = [corpus / "wild" / "wild.jsonl", corpus / "dev" / "dev.jsonl", corpus / "dev2" / "dev2.jsonl"]
    found = False
    for f in files:
        if not f.is_file():
            continue
        for line in f.read_bytes().splitlines():
            if line.strip():
                r = orjson.loads(line)
                markup = "html" if r.get("html") else "text"
                found = True
                yield r["source"], r.get("url"), r.get("html") or r["text"], markup, r.get("published")
    seeds = corpus / "seeds"
    for p in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        found = True
        yield p.stem, None, p.read_text(encoding="utf-8"), "text", None
    if not found:
        for p in sorted((ROOT / "examples").iterdir()):
            markup = "html" if p.suffix == ".html" else "text"
            yield p.stem, None, p.read_text(encoding="utf-8"), markup, None


def bases() -> list[Base]:
    """The pages, each with the partner names and people its extraction finds."""
    from doingoai.model import Page
    from doingoai.pipeline import process
    from doingoai.resolve.states import state_names

    names = {c: n.name for c in PARTNERS if (n := state_names(c)) is not None}
    out = []
    for source, url, body, markup, published in _raw_pages():
        record = process(Page(source=source, content=body, markup=markup, url=url, published=published))  # type: ignore[arg-type]
        if not isinstance(record, dict):
            continue
        text = record["article"]["text"]
        states = tuple(n for n in names.values() if n in text and n in body)
        home, foreign = set(), set()
        for event in record["events"]:
            for p in event["participants"]:
                if p["name"] and len(p["name"]) > 5 and p["name"] in body:
                    (home if p["country"] == "VN" else foreign).add(p["name"])
        out.append(Base(source, url, body, markup, published, states, tuple(sorted(home)), tuple(sorted(foreign))))
    return out


def _shift_dates(body: str, days: int, months: int, year: int | None) -> str:
    def date(m: re.Match[str]) -> str:
        d, mo = int(m.group(1)), int(m.group(2))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return m.group(0)
        d = (d - 1 + days) % 28 + 1
        mo = (mo - 1 + months) % 12 + 1
        y = f"/{year if year else m.group(3)}" if m.group(3) else ""
        return f"{d}/{mo}{y}"

    body = _DATE.sub(date, body)
    if year is not None:
        body = _YEAR.sub(str(year), body)
    return body


def variant(base: Base, i: int, pool_home: list[str], pool_foreign: list[str], names: list[str]) -> str:
    """Page ``base`` as variant ``i``: counterparts, dates and people changed, deterministically."""
    rng = random.Random(i)
    body = base.body
    # one placeholder pass, so that a replacement is never replaced again
    swaps: dict[str, str] = {}
    for name in base.states:
        if name != "Việt Nam":
            swaps[name] = rng.choice(names)
    for name in base.home_people:
        swaps[name] = rng.choice(pool_home)
    for name in base.foreign_people:
        swaps[name] = rng.choice(pool_foreign)
    marks = {}
    for k, (old, new) in enumerate(sorted(swaps.items(), key=lambda kv: -len(kv[0]))):
        mark = f"\x00{k}\x00"
        body = body.replace(old, mark)
        marks[mark] = new
    for mark, new in marks.items():
        body = body.replace(mark, new)
    return _shift_dates(body, rng.randrange(28), rng.randrange(12), 2014 + rng.randrange(12))


def build(n: int, reprints: int = 20) -> Iterator[dict[str, str]]:
    from doingoai.resolve.states import state_names

    pages = bases()
    if not pages:
        sys.exit("archive_corpus: no pages to vary")
    names = [s.name for c in PARTNERS if (s := state_names(c)) is not None]
    pool_home = sorted({p for b in pages for p in b.home_people})
    pool_foreign = sorted({p for b in pages for p in b.foreign_people})
    seen: set[str] = set()
    made: list[tuple[Base, str]] = []
    i = 0
    while len(seen) < n:
        base = pages[i % len(pages)]
        if reprints and made and i % reprints == reprints - 1:
            # a reprint: an earlier variant of the same page with another framing sentence
            earlier = [m for m in made[-200:] if m[0] is base] or made[-1:]
            base, body = earlier[-1]
            frame = FRAMING[i % len(FRAMING)]
            body = body.replace("</body>", f"<p>{frame}</p></body>") if base.markup == "html" else f"{body}\n{frame}\n"
        else:
            body = variant(base, i, pool_home, pool_foreign, names)
            made.append((base, body))
        digest = hashlib.sha256(body.encode()).hexdigest()
        i += 1
        if digest in seen:
            continue
        seen.add(digest)
        record = {"source": f"archive-{len(seen):06d}-{base.source}"}
        if base.url:
            record["url"] = f"{base.url}?v={len(seen)}"
        record["html" if base.markup == "html" else "text"] = body
        yield record


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="documents to make")
    ap.add_argument("--out", type=Path, required=True, help="the JSON Lines file to write")
    ap.add_argument("--reprints", type=int, default=20, help="one document in this many is a reprint (0: none)")
    args = ap.parse_args()
    with open(args.out, "wb") as out:
        for record in build(args.n, args.reprints):
            out.write(orjson.dumps(record) + b"\n")
    print(f"wrote {args.n} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
