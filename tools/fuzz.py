"""Fuzz the extractor for long local runs: generated Vietnamese news-like pages and byte-level mutations
of real pages, each read, extracted and checked as a ``doingoai/1`` record.

    .venv/bin/python tools/fuzz.py generate --count 20000
    .venv/bin/python tools/fuzz.py mutate --count 50000 --corpus ../shared/corpus --seed 1
    .venv/bin/python tools/fuzz.py pathological [--scale 0.1]

Counts what it tried, the exceptions that escaped (by the place they were raised), the invalid records (by
fault) and the slowest pages (seconds per 100 KB, a page under 100 KB counting as 100 KB). Exits 1 when
anything escaped or was invalid, printing one example of each kind; ``--save DIR`` keeps the failing pages.
The robustness tests run the same properties with a few dozen examples; this script is for the long runs.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.robust.strategies

from doingoai.config import DEFAULT_CONFIG, PipelineConfig
from doingoai.errors import DoingoaiError
from doingoai.model import Failure, Page
from doingoai.pipeline import extract_page, process
from doingoai.read.decode import decode
from doingoai.read.sources import _records, sniff_markup
from doingoai.validate import problems

KB100 = 100_000


class Tally:
    """What a run saw."""

    def __init__(self, save: Path | None) -> None:
        self.tried = 0
        self.refused = 0
        self.errors: Counter[str] = Counter()
        self.invalid: Counter[str] = Counter()
        self.examples: dict[str, str] = {}
        self.slowest: list[tuple[float, float, int, str]] = []  # (s per 100 KB, seconds, size, label)
        self.save = save

    def run(self, page: Page, label: str, config: PipelineConfig = DEFAULT_CONFIG) -> None:
        self.tried += 1
        size = len(page.content.encode("utf-8", "surrogatepass"))
        began = time.process_time()
        try:
            record = extract_page(page, config)[1]
        except DoingoaiError:
            self.refused += 1
            return
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno} {type(exc).__name__}"
            self._keep(self.errors, where, page, f"{label}: {exc}")
            return
        finally:
            took = time.process_time() - began
            self.slowest = sorted([*self.slowest, (took * KB100 / max(size, KB100), took, size, label)])[-5:]
        try:
            faults = problems(orjson.loads(orjson.dumps(record))) + problems(record)
        except TypeError as exc:  # what the CLI's writer would die of
            faults = [f"record cannot be written as JSON ({exc})"]
        for fault in dict.fromkeys(faults):
            kind = re.sub(r"'[^']*'|\d+", "_", fault)[:100]
            self._keep(self.invalid, kind, page, f"{label}: {fault}")

    def _keep(self, counter: Counter[str], kind: str, page: Page, example: str) -> None:
        counter[kind] += 1
        if kind not in self.examples:
            self.examples[kind] = example
            if self.save:
                self.save.mkdir(parents=True, exist_ok=True)
                name = f"{len(self.examples):03d}.{'html' if page.markup == 'html' else 'txt'}"
                (self.save / name).write_text(page.content, encoding="utf-8", errors="surrogatepass")

    def report(self) -> int:
        print(f"tried {self.tried} pages ({self.refused} refused with a reason)")
        print(f"exceptions: {sum(self.errors.values())}")
        for kind, n in self.errors.most_common():
            print(f"  {n:6d}  {kind}   e.g. {self.examples[kind][:200]!r}")
        print(f"invalid records: {sum(self.invalid.values())}")
        for kind, n in self.invalid.most_common():
            print(f"  {n:6d}  {kind}   e.g. {self.examples[kind][:200]!r}")
        print("slowest pages (s per 100 KB, CPU s, bytes):")
        for rate, took, size, label in reversed(self.slowest):
            print(f"  {rate:7.3f}  {took:7.3f}  {size:9d}  {label}")
        return 1 if self.errors or self.invalid else 0


def corpus_pages(root: Path) -> Iterator[tuple[str, bytes, str, str | None, str | None]]:
    """(label, body bytes, markup, published, record line) of every page under ``root``: .txt/.html files
    and the "text"/"html" bodies of JSON Lines records (with the record's whole line)."""
    for path in sorted(root.rglob("*")):
        if path.suffix in (".txt", ".html"):
            yield str(path), path.read_bytes(), "html" if path.suffix == ".html" else "text", None, None
        elif path.suffix == ".jsonl":
            for n, line in enumerate(path.read_bytes().splitlines(), 1):
                if line.strip():
                    rec = orjson.loads(line)
                    body = rec.get("html") or rec.get("text") or ""
                    yield (f"{path}:{n}", body.encode("utf-8"), "html" if rec.get("html") else "text",
                           rec.get("published"), line.decode("utf-8"))


def mutate_run(args: argparse.Namespace, tally: Tally) -> None:
    from tests.robust.strategies import mutate, mutate_text

    pages = list(corpus_pages(Path(args.corpus)))
    if not pages:
        sys.exit(f"{args.corpus}: no .txt, .html or .jsonl pages")
    rng = random.Random(args.seed)
    with_related = PipelineConfig(related=True)
    for i in range(args.count):
        label, body, markup, published, line = rng.choice(pages)
        config = with_related if i % 3 == 0 else DEFAULT_CONFIG  # the teasers' extraction too
        if line is not None and rng.random() < 0.3:  # the whole record: its "published", "url" and JSON too
            ops = [(rng.randrange(4), rng.randrange(2**31), rng.randrange(1, 40), rng.randrange(256))
                   for _ in range(rng.randrange(1, 4))]
            for page in _records(mutate_text(line, ops), f"{label}#m{i}", config):
                if isinstance(page, Failure):
                    tally.tried += 1
                    tally.refused += 1
                else:
                    tally.run(page, f"{label}#m{i} (record)", config)
            continue
        if rng.random() < 0.3:  # splice in a piece of another page
            other = rng.choice(pages)[1]
            cut = rng.randrange(len(other) + 1)
            body = body[:rng.randrange(len(body) + 1)] + other[cut:cut + rng.randrange(1, 4000)]
        ops = [(rng.randrange(4), rng.randrange(2**31), rng.randrange(1, 400), rng.randrange(256))
               for _ in range(rng.randrange(1, 9))]
        if rng.random() < 0.25:  # bytes: what a broken download or a wrong encoding makes
            try:
                text, encoding = decode(mutate(body, ops), label)
            except DoingoaiError:
                tally.tried += 1
                tally.refused += 1
                continue
        else:  # characters: a page the reader takes, with broken markup, dates, numbers and words
            text, encoding = mutate_text(body.decode("utf-8", "ignore"), ops), "utf-8"  # a splice may cut a character
        kind = markup if markup == "html" else sniff_markup(text)
        tally.run(Page(source=f"{label}#m{i}", content=text, markup=kind, published=published,  # type: ignore[arg-type]
                       encoding=encoding), f"{label}#m{i}", config)


def generate_run(args: argparse.Namespace, tally: Tally) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from tests.robust.strategies import pages, published, urls

    counter = iter(range(args.count))

    @settings(max_examples=args.count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(pages(), published, urls)
    def one(text: str, date: str | None, url: str | None) -> None:
        n = next(counter, args.count)
        label = f"generated-{n} (published {date!r}, url {url!r}): {text[:300]}"
        # some as HTML: the same words through the HTML segmenter
        key = "html" if n % 7 == 0 else "text"
        body = f"<html><body><h1>{text[:80]}</h1><p>{text}</p></body></html>" if key == "html" else text
        # as a JSON Lines record, read the way ``doingoai extract`` reads one
        line = orjson.dumps({"source": f"generated-{n}", "url": url, key: body, "published": date}).decode()
        for page in _records(line, f"generated-{n}", DEFAULT_CONFIG):
            if isinstance(page, Failure):
                tally.tried += 1
                tally.refused += 1
            else:
                tally.run(page, label)

    one()


def pathological_run(args: argparse.Namespace, tally: Tally) -> None:
    """Each pathological page at full size (``--scale`` times it) through ``process``, with the default
    per-page limit: its time and outcome."""
    from tests.robust.pathological import CASES

    for name, (make, size) in CASES.items():
        content, markup = make(int(size * args.scale))
        began, cpu = time.monotonic(), time.process_time()
        result = process(Page(source=name, content=content, markup=markup))
        took, cpu = time.monotonic() - began, time.process_time() - cpu
        outcome = (f"{len(result['events'])} events" + ("" if not problems(result) else ", INVALID")
                   if isinstance(result, dict) else f"failure: {result.reason}")
        print(f"{name:24s} {len(content):10d} chars {took:7.2f} s ({cpu:.2f} CPU s)  {outcome}", flush=True)
        tally.tried += 1
        if not isinstance(result, dict) or problems(result):
            tally.errors[name] += 1
            tally.examples[name] = outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("generate", "mutate", "pathological"))
    parser.add_argument("--count", type=int, default=1000, help="pages to try (default 1000)")
    parser.add_argument("--corpus", default="../shared/corpus", help="pages to mutate (a folder; default %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the mutations (default 0)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="pathological: size of the pages relative to the reported cases (default 1)")
    parser.add_argument("--save", type=Path, help="folder to keep one failing page of each kind in")
    args = parser.parse_args()
    tally = Tally(args.save)
    began = time.monotonic()
    {"generate": generate_run, "mutate": mutate_run, "pathological": pathological_run}[args.mode](args, tally)
    status = tally.report()
    print(f"wall time {time.monotonic() - began:.0f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
