"""The regression gate itself, on small temporary files: it cannot be lowered quietly.

- floors are pinned to a corpus: a changed input or gold file fails the gate;
- baseline.json must be the last entry of floor_history.jsonl, and a decrease there needs a reason;
- bench/floors.py refuses to lower a floor without --allow-lower;
- a known gap whose first problem changes (or that passes) fails instead of xfailing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.eval.bench_floors import load_floors

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from test_cases import gap_verdict  # noqa: E402

floors = load_floors()

FLOORS_PY = ROOT / "bench" / "floors.py"


def _shared(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    for rel, text in {"corpus/seeds/a.txt": "Thủ tướng hội đàm\n", "corpus/seeds/b.txt": "Chủ tịch nước\n",
                      "gold/seeds/a.json": '{"source": "a.txt"}', "gold/seeds/b.json": '{"source": "b.txt"}',
                      "corpus/dev/dev.jsonl": '{"id": "x", "text": "..."}\n', "gold/dev/x.json": "{}"}.items():
        (shared / rel).parent.mkdir(parents=True, exist_ok=True)
        (shared / rel).write_text(text, encoding="utf-8")
    return shared


def _report(v: float) -> dict[str, Any]:
    """A scorer --json report with every metric at ``v``."""
    prf = {"p": v, "r": v, "f1": v, "tp": 1, "fp": 0, "fn": 0}
    acc = {"accuracy": v, "n": 3}
    out: dict[str, Any] = {m: dict(prf) for m in ("events.main", "events.all", "participants", "relations", "figures")}
    out |= {m: dict(acc) for m in ("status", "place", "title", "published", "evidence")}
    return out | {"body": {"f1": v, "n": 3}, "missing_documents": []}


# --- a corpus is pinned ---------------------------------------------------------------------------------------

def test_unchanged_corpus_passes_and_changed_corpus_fails(tmp_path: Path) -> None:
    shared = _shared(tmp_path)
    seeds = floors.corpora(shared)["seeds"]
    recorded = floors.corpus_hash(shared, seeds)
    assert floors.corpus_problem("seeds", recorded, shared) is None
    assert floors.corpus_problem("dev", floors.corpus_hash(shared, floors.corpora(shared)["dev"]), shared) is None

    (shared / "gold" / "seeds" / "b.json").write_text('{"source": "b.txt", "events": []}', encoding="utf-8")
    problem = floors.corpus_problem("seeds", recorded, shared)
    assert problem is not None
    assert "'seeds'" in problem
    assert "bench/floors.py --update --corpus seeds" in problem


@pytest.mark.parametrize("change", ["input bytes", "renamed input", "added input", "removed gold", "gone"])
def test_every_kind_of_corpus_change_changes_the_hash(tmp_path: Path, change: str) -> None:
    shared = _shared(tmp_path)
    recorded = floors.corpus_hash(shared, floors.corpora(shared)["seeds"])
    inputs = shared / "corpus" / "seeds"
    if change == "input bytes":
        (inputs / "a.txt").write_text("Thủ tướng hội đàm.\n", encoding="utf-8")
    elif change == "renamed input":
        (inputs / "a.txt").rename(inputs / "c.txt")
    elif change == "added input":
        (inputs / "c.txt").write_text("", encoding="utf-8")
    elif change == "removed gold":
        (shared / "gold" / "seeds" / "b.json").unlink()
    else:
        for p in inputs.iterdir():
            p.unlink()
        inputs.rmdir()
    problem = floors.corpus_problem("seeds", recorded, shared)
    assert problem is not None
    assert "seeds" in problem


def test_hash_does_not_depend_on_where_shared_lies(tmp_path: Path) -> None:
    a, b = _shared(tmp_path / "one"), _shared(tmp_path / "two")
    assert floors.corpus_hash(a, floors.corpora(a)["seeds"]) == floors.corpus_hash(b, floors.corpora(b)["seeds"])


# --- floors are rounded down ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("measured", "floor"), [(0.9349, 0.93), (0.29, 0.29), (1.0, 1.0), (0.0, 0.0),
                                                 (0.9999, 0.99), (0.57, 0.57), (None, 0.0)])
def test_floor_is_measured_value_rounded_down(measured: float | None, floor: float) -> None:
    assert floors.floor_of(measured) == floor
    assert measured is None or floors.floor_of(measured) <= measured


# --- the history ------------------------------------------------------------------------------------------------

def _entry(dev_title: float, reasons: dict[str, str] | None = None) -> dict[str, Any]:
    return {"date": "2000-01-01", "floors": {"dev": {"title": dev_title, "body": 0.9}}, "sha256": {"dev": "abc"},
            "reasons": reasons or {}}


def test_baseline_written_with_history_is_consistent() -> None:
    history = [_entry(0.8), _entry(0.85)]
    baseline = floors.make_baseline(history[-1]["floors"], history[-1]["sha256"])
    assert floors.history_problems(history, baseline) == []


def test_hand_lowered_baseline_fails() -> None:
    history = [_entry(0.8), _entry(0.85)]
    baseline = floors.make_baseline(history[-1]["floors"], history[-1]["sha256"])
    baseline["dev"]["floors"]["title"] = 0.5
    problems = floors.history_problems(history, baseline)
    assert any("differs from the last entry" in p for p in problems)


def test_hand_changed_hash_fails() -> None:
    history = [_entry(0.8)]
    baseline = floors.make_baseline(history[-1]["floors"], {"dev": "another corpus"})
    assert floors.history_problems(history, baseline)


def test_lowered_floor_without_reason_in_history_fails() -> None:
    history = [_entry(0.85), _entry(0.8)]
    baseline = floors.make_baseline(history[-1]["floors"], history[-1]["sha256"])
    problems = floors.history_problems(history, baseline)
    assert problems
    assert "dev/title" in problems[0]
    assert "without a reason" in problems[0]
    # a reason for another metric does not count
    history[-1]["reasons"] = {"dev/body": "gold corrected"}
    assert floors.history_problems(history, baseline)
    history[-1]["reasons"] = {"dev/title": "   "}
    assert floors.history_problems(history, baseline)
    history[-1]["reasons"] = {"dev/title": "gold of h07 corrected: its title had a typo"}
    assert floors.history_problems(history, baseline) == []


def test_dropped_metric_or_corpus_counts_as_lowered() -> None:
    dropped = _entry(0.8)
    del dropped["floors"]["dev"]["body"]
    assert floors.decreases(_entry(0.8)["floors"], dropped["floors"]) == ["dev/body"]
    assert floors.decreases(_entry(0.8)["floors"], {}) == ["dev/body", "dev/title"]
    assert floors.decreases(_entry(0.8)["floors"], _entry(0.9)["floors"]) == []


def test_empty_history_fails() -> None:
    assert floors.history_problems([], floors.make_baseline({}, {}))


# --- bench/floors.py --------------------------------------------------------------------------------------------

def _run(tmp_path: Path, measured: dict[str, Any], *extra: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "measured.json"
    path.write_text(json.dumps(measured), encoding="utf-8")
    return subprocess.run([sys.executable, str(FLOORS_PY), "--measured", str(path), "--update", "--date", "2000-01-02",
                           "--baseline", str(tmp_path / "baseline.json"), "--history", str(tmp_path / "history.jsonl"),
                           *extra], capture_output=True, text=True, check=False)


def test_floors_py_ratchets_and_refuses_to_lower_without_reason(tmp_path: Path) -> None:
    baseline, history = tmp_path / "baseline.json", tmp_path / "history.jsonl"
    done = _run(tmp_path, {"dev": {"sha256": "h1", "report": _report(0.9349)}})
    assert done.returncode == 0, done.stderr
    assert floors.load_baseline(baseline)["dev"] == {"sha256": "h1", "floors": dict.fromkeys(floors.METRICS["dev"],
                                                                                              0.93)}
    assert len(floors.load_history(history)) == 1

    # raising needs nothing
    done = _run(tmp_path, {"dev": {"sha256": "h1", "report": _report(0.951)}})
    assert done.returncode == 0, done.stderr
    assert floors.load_baseline(baseline)["dev"]["floors"]["title"] == 0.95
    assert len(floors.load_history(history)) == 2

    # nothing new: nothing written
    done = _run(tmp_path, {"dev": {"sha256": "h1", "report": _report(0.955)}})
    assert done.returncode == 0, done.stderr
    assert len(floors.load_history(history)) == 2

    # lowering is refused, and nothing is written
    before = (baseline.read_bytes(), history.read_bytes())
    low = _report(0.951)
    low["title"]["accuracy"] = 0.8
    done = _run(tmp_path, {"dev": {"sha256": "h2", "report": low}})
    assert done.returncode == 1
    assert "--allow-lower" in done.stderr
    assert "dev/title 0.95 -> 0.8" in done.stderr
    assert (baseline.read_bytes(), history.read_bytes()) == before

    # with a reason it goes through, and the reason is kept for that metric only
    done = _run(tmp_path, {"dev": {"sha256": "h2", "report": low}}, "--allow-lower", "gold titles corrected")
    assert done.returncode == 0, done.stderr
    entries = floors.load_history(history)
    assert entries[-1]["reasons"] == {"dev/title": "gold titles corrected"}
    assert entries[-1]["sha256"] == {"dev": "h2"}
    assert entries[-1]["date"] == "2000-01-02"
    assert floors.history_problems(entries, floors.load_baseline(baseline)) == []


def test_floors_py_refuses_to_build_on_a_hand_edited_baseline(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert _run(tmp_path, {"dev": {"sha256": "h1", "report": _report(0.95)}}).returncode == 0
    data = floors.load_baseline(baseline)
    data["dev"]["floors"]["title"] = 0.5
    baseline.write_text(json.dumps(data), encoding="utf-8")
    done = _run(tmp_path, {"dev": {"sha256": "h1", "report": _report(0.6)}})
    assert done.returncode == 1
    assert "differs from the last entry" in done.stderr


def test_floors_py_refuses_without_history(tmp_path: Path) -> None:
    (tmp_path / "baseline.json").write_text(json.dumps(floors.make_baseline({}, {})), encoding="utf-8")
    done = _run(tmp_path, {"dev": {"sha256": "h1", "report": _report(0.95)}})
    assert done.returncode == 1
    assert "no recorded origin" in done.stderr


# --- known gaps -------------------------------------------------------------------------------------------------

def test_known_gap_failing_for_the_recorded_reason_stays_xfail() -> None:
    assert gap_verdict("c", "missed event talks ['JP', 'KR'] []", ["missed event talks ['JP', 'KR'] []", "x"]) is None


def test_known_gap_failing_for_another_reason_fails() -> None:
    verdict = gap_verdict("c", "missed event talks ['JP', 'KR'] []", ["spurious event visit ['JP', 'KR'] []"])
    assert verdict is not None
    assert "recorded: missed event talks ['JP', 'KR'] []" in verdict
    assert "now:      spurious event visit ['JP', 'KR'] []" in verdict


def test_known_gap_that_passes_fails() -> None:
    verdict = gap_verdict("c", "missed event talks ['JP', 'KR'] []", [])
    assert verdict is not None
    assert "fixed: remove it from known_gaps.txt" in verdict
