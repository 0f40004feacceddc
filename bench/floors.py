"""Measure the whole-page regression corpora and ratchet the floors in tests/eval/baseline.json.

    .venv/bin/python bench/floors.py                      # measure seeds, dev, dev2; show measured vs floors
    .venv/bin/python bench/floors.py --update             # raise the floors to what was measured
    .venv/bin/python bench/floors.py --update --corpus dev2
    .venv/bin/python bench/floors.py --update --allow-lower "gold of dev h07 corrected: one event less"
    .venv/bin/python bench/floors.py --save m.json        # keep a measurement; --measured m.json reuses it

Each corpus's floors are pinned to the corpus they were measured on: baseline.json records a sha256 over
its input files and gold files, and the gate (tests/eval/test_eval_gate.py) fails when the corpus on disk
hashes differently. A floor is the measured value rounded down to 2 decimals. --update never lowers a
floor (nor drops a metric or a corpus) unless --allow-lower gives the reason; every write appends an
entry (date, floors, hashes, reasons) to tests/eval/floor_history.jsonl, and the tests check that
baseline.json equals the last entry and that every decrease in the history carries its reason.

Standard library and doingoai only; the scorer is ../shared/eval/score.py (or $DOINGOAI_SHARED).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "eval" / "baseline.json"
HISTORY = ROOT / "tests" / "eval" / "floor_history.jsonl"

_ARTICLE = ["title", "published", "body", "evidence"]
_EVENTS = ["events.main", "events.all", "participants", "relations"]
_ATTRS = ["status", "place"]
# The metrics the gate holds each corpus to (names as in the scorer's --json report).
METRICS: dict[str, list[str]] = {
    "seeds": [*_ARTICLE, *_EVENTS, "figures", *_ATTRS],
    "dev": [*_ARTICLE, *_EVENTS, *_ATTRS],
    "dev2": [*_ARTICLE, *_EVENTS, "figures", *_ATTRS],
}
COMMENT = ("Floors of the whole-page regression gate (tests/eval/test_eval_gate.py), each pinned to the sha256 "
           "of the corpus it was measured on. Written by bench/floors.py --update only: it must equal the last "
           "entry of floor_history.jsonl, and a lowered floor needs --allow-lower REASON.")

Floors = dict[str, dict[str, float]]


@dataclass(frozen=True)
class Corpus:
    name: str
    gold: Path  # folder of gold .json files
    inputs: Path  # the scorer's --inputs and the extractor's argument: a folder or a .jsonl file


def default_shared() -> Path:
    return Path(os.environ.get("DOINGOAI_SHARED", ROOT.parent / "shared"))


def corpora(shared: Path) -> dict[str, Corpus]:
    return {
        "seeds": Corpus("seeds", shared / "gold" / "seeds", shared / "corpus" / "seeds"),
        "dev": Corpus("dev", shared / "gold" / "dev", shared / "corpus" / "dev" / "dev.jsonl"),
        "dev2": Corpus("dev2", shared / "gold" / "dev2", shared / "corpus" / "dev2" / "dev2.jsonl"),
    }


# --- pinning a corpus ---------------------------------------------------------------------------------------

def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        return [p for p in path.rglob("*") if p.is_file()]
    raise FileNotFoundError(path)


def corpus_hash(shared: Path, corpus: Corpus) -> str:
    """sha256 over the corpus's input files and gold files: sorted paths (relative to shared/), then bytes."""
    files = {p.relative_to(shared).as_posix(): p for p in _files(corpus.inputs) + _files(corpus.gold)}
    h = hashlib.sha256()
    for rel in sorted(files):
        data = files[rel].read_bytes()
        for part in (rel.encode("utf-8"), data):
            h.update(len(part).to_bytes(8, "big"))
            h.update(part)
    return h.hexdigest()


def corpus_problem(name: str, recorded: str | None, shared: Path) -> str | None:
    """Why the floors of ``name`` do not apply to the corpus on disk, or None when they do."""
    corpus = corpora(shared).get(name)
    if corpus is None:
        return f"{name}: no such corpus (known: {', '.join(corpora(shared))})"
    try:
        now = corpus_hash(shared, corpus)
    except FileNotFoundError as e:
        now = f"missing {e}"
    if now == recorded:
        return None
    return (f"corpus {name!r} is not the one its floors were measured on (baseline.json sha256 {recorded}, "
            f"on disk {now}): re-measure with `.venv/bin/python bench/floors.py --update --corpus {name}` "
            f"(add --allow-lower \"REASON\" if a floor goes down)")


# --- measuring ----------------------------------------------------------------------------------------------

def measure(shared: Path, corpus: Corpus, workdir: Path) -> dict[str, Any]:
    """Extract the corpus with doingoai.pipeline.extract_paths and score it with shared/eval/score.py --json."""
    import orjson

    from doingoai.pipeline import extract_paths

    _, failures, results = extract_paths([str(corpus.inputs)])
    if failures:
        raise RuntimeError(f"{corpus.name}: inputs not found: {failures}")
    records = [r for _, r in results if isinstance(r, dict)]
    pred, out = workdir / f"{corpus.name}.pred.jsonl", workdir / f"{corpus.name}.report.json"
    pred.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(corpus.gold), "--inputs",
                    str(corpus.inputs), "--pred", str(pred), "--json", str(out)],
                   capture_output=True, text=True, check=True)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def value(report: dict[str, Any], metric: str) -> float | None:
    """The metric's F1 or accuracy; None when the corpus gives it nothing to count."""
    row = report[metric]
    if row.get("n", 1) == 0:
        return None
    return float(row.get("f1", row.get("accuracy")) or 0.0)


def floor_of(v: float | None) -> float:
    """Rounded down to 2 decimals: never above the measured value."""
    if v is None:
        return 0.0
    return float(Decimal(repr(v)).quantize(Decimal("0.01"), rounding=ROUND_FLOOR))


def floors_of(report: dict[str, Any], metrics: list[str]) -> dict[str, float]:
    return {m: floor_of(value(report, m)) for m in metrics}


# --- baseline and history -----------------------------------------------------------------------------------

def load_baseline(path: Path = BASELINE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def baseline_state(baseline: dict[str, Any]) -> tuple[Floors, dict[str, str]]:
    """(floors, sha256) per corpus, as recorded in baseline.json."""
    corp = {k: v for k, v in baseline.items() if not k.startswith("_")}
    return ({k: dict(v.get("floors") or {}) for k, v in corp.items()}, {k: v.get("sha256") for k, v in corp.items()})


def make_baseline(floors: Floors, sha256: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"_comment": COMMENT}
    for name in sorted(floors):
        out[name] = {"sha256": sha256[name], "floors": dict(floors[name])}
    return out


def load_history(path: Path = HISTORY) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def decreases(old: Floors, new: Floors) -> list[str]:
    """``corpus/metric`` for each floor that went down, or was dropped (with its corpus or alone)."""
    out = []
    for name, metrics in sorted(old.items()):
        for metric, floor in sorted(metrics.items()):
            now = new.get(name, {}).get(metric)
            if now is None or now + 1e-9 < floor:
                out.append(f"{name}/{metric}")
    return out


def history_problems(history: list[dict[str, Any]], baseline: dict[str, Any]) -> list[str]:
    """Why baseline.json and floor_history.jsonl do not tell one honest story (empty when they do)."""
    if not history:
        return ["floor_history.jsonl is empty: baseline.json has no recorded origin"]
    problems = []
    for i, entry in enumerate(history, 1):
        if not isinstance(entry.get("floors"), dict) or not isinstance(entry.get("sha256"), dict):
            problems.append(f"history entry {i}: no floors or sha256")
    if problems:
        return problems
    floors, sha256 = baseline_state(baseline)
    last = history[-1]
    if floors != last["floors"] or sha256 != last["sha256"]:
        problems.append("baseline.json differs from the last entry of floor_history.jsonl: floors are written by "
                        "`bench/floors.py --update` only (restore baseline.json, then run it)")
    for i in range(1, len(history)):
        reasons = history[i].get("reasons") or {}
        for key in decreases(history[i - 1]["floors"], history[i]["floors"]):
            if not str(reasons.get(key) or "").strip():
                problems.append(f"history entry {i + 1} ({history[i].get('date')}): {key} lowered from "
                                f"{history[i - 1]['floors'].get(key.split('/')[0], {}).get(key.split('/')[1])} "
                                "without a reason")
    return problems


def update(baseline_path: Path, history_path: Path, measured: dict[str, dict[str, Any]], date: str,
           allow_lower: str | None) -> tuple[int, str]:
    """Write the new floors for the measured corpora; returns (exit status, message)."""
    history = load_history(history_path)
    if not history and baseline_path.exists():
        return 1, f"refusing to update: {history_path} is missing or empty, so {baseline_path} has no recorded origin"
    problems = history_problems(history, load_baseline(baseline_path)) if history else []
    if problems:
        return 1, "refusing to update:\n  " + "\n  ".join(problems)
    old_floors: Floors = copy.deepcopy(history[-1]["floors"]) if history else {}
    old_sha: dict[str, str] = dict(history[-1]["sha256"]) if history else {}
    new_floors, new_sha = copy.deepcopy(old_floors), dict(old_sha)
    for name, m in sorted(measured.items()):
        if name not in METRICS:
            return 1, f"unknown corpus {name!r} (known: {', '.join(METRICS)})"
        new_floors[name] = floors_of(m["report"], METRICS[name])
        new_sha[name] = m["sha256"]
    lowered = decreases(old_floors, new_floors)
    if lowered and not (allow_lower or "").strip():
        detail = ", ".join(f"{k} {old_floors[k.split('/')[0]][k.split('/')[1]]} -> "
                           f"{new_floors.get(k.split('/')[0], {}).get(k.split('/')[1])}" for k in lowered)
        return 1, f"refusing to lower floors without --allow-lower \"REASON\": {detail}"
    if new_floors == old_floors and new_sha == old_sha:
        return 0, "floors and hashes unchanged: nothing written"
    entry = {"date": date, "floors": new_floors, "sha256": new_sha,
             "reasons": {k: str(allow_lower).strip() for k in lowered}}
    baseline_path.write_text(json.dumps(make_baseline(new_floors, new_sha), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    with open(history_path, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    return 0, f"wrote {baseline_path} and appended to {history_path}" + (f" (lowered: {', '.join(lowered)})"
                                                                          if lowered else "")


# --- command line -------------------------------------------------------------------------------------------

def _show(measured: dict[str, dict[str, Any]], floors: Floors, sha256: dict[str, str]) -> None:
    for name, m in sorted(measured.items()):
        pinned = ("new: not in baseline.json" if name not in sha256 else "same corpus as baseline.json"
                  if sha256[name] == m["sha256"] else "CORPUS DIFFERS from baseline.json")
        print(f"{name} (sha256 {m['sha256'][:12]}…, {pinned})")
        print(f"  {'metric':<14}{'measured':>10}{'floor':>8}{'new':>8}")
        for metric in METRICS[name]:
            v = value(m["report"], metric)
            old = floors.get(name, {}).get(metric)
            flag = "  BELOW" if v is not None and old is not None and v + 1e-9 < old else ""
            print(f"  {metric:<14}{'-' if v is None else f'{v:.4f}':>10}{'-' if old is None else f'{old:.2f}':>8}"
                  f"{floor_of(v):>8.2f}{flag}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", action="append", choices=sorted(METRICS), help="measure only this corpus (repeatable)")
    ap.add_argument("--shared", type=Path, help="the shared/ folder (default: ../shared, or $DOINGOAI_SHARED)")
    ap.add_argument("--measured", type=Path, help="read the measurement from this JSON file instead of extracting: "
                    '{"CORPUS": {"sha256": HEX, "report": SCORER_JSON_REPORT}, ...}')
    ap.add_argument("--save", type=Path, help="write the measurement here (the --measured format)")
    ap.add_argument("--update", action="store_true", help="write baseline.json and append to floor_history.jsonl")
    ap.add_argument("--allow-lower", metavar="REASON", help="allow lowering floors; the reason is kept in the history")
    ap.add_argument("--date", help="date of the history entry (default: today)")
    ap.add_argument("--baseline", type=Path, default=BASELINE)
    ap.add_argument("--history", type=Path, default=HISTORY)
    a = ap.parse_args(argv)

    shared = a.shared or default_shared()
    if a.measured:
        measured: dict[str, dict[str, Any]] = json.loads(a.measured.read_text(encoding="utf-8"))
        if a.corpus:
            missing = sorted(set(a.corpus) - set(measured))
            if missing:
                print(f"{a.measured} has no measurement for {', '.join(missing)}", file=sys.stderr)
                return 2
            measured = {k: v for k, v in measured.items() if k in a.corpus}
        for name, m in measured.items():
            if "sha256" not in m:
                m["sha256"] = corpus_hash(shared, corpora(shared)[name])
    else:
        if not (shared / "eval" / "score.py").exists():
            print(f"shared/ not found at {shared}: pass --shared or set DOINGOAI_SHARED", file=sys.stderr)
            return 2
        measured = {}
        with tempfile.TemporaryDirectory() as tmp:
            for name in a.corpus or sorted(METRICS):
                corpus = corpora(shared)[name]
                measured[name] = {"sha256": corpus_hash(shared, corpus),
                                  "report": measure(shared, corpus, Path(tmp))}
    if a.save:
        a.save.write_text(json.dumps(measured, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    floors, sha256 = baseline_state(load_baseline(a.baseline)) if a.baseline.exists() else ({}, {})
    _show(measured, floors, sha256)
    if not a.update:
        return 0
    status, message = update(a.baseline, a.history, measured, a.date or dt.date.today().isoformat(), a.allow_lower)
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main())
