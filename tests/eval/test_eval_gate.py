"""Whole-page regression runs: the shared seed and dev pages through the project's scorer.

Needs the workplace's ``shared/`` folder beside the repository (or ``DOINGOAI_SHARED``); elsewhere the
test is skipped, loudly. The floors live in ``baseline.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from doingoai.pipeline import extract_paths

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DOINGOAI_SHARED", ROOT.parent / "shared"))
BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))

CORPORA = {
    "seeds": (SHARED / "gold" / "seeds", SHARED / "corpus" / "seeds", [str(SHARED / "corpus" / "seeds")]),
    "dev": (SHARED / "gold" / "dev", SHARED / "corpus" / "dev" / "dev.jsonl",
            [str(SHARED / "corpus" / "dev" / "dev.jsonl")]),
}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    name = request.param
    gold, inputs, args = CORPORA[name]
    if not (SHARED / "eval" / "score.py").exists() or not gold.exists():
        pytest.skip(f"shared/ not found at {SHARED}: set DOINGOAI_SHARED to run the regression gate")
    out = tmp_path_factory.mktemp(name)
    pred = out / "pred.jsonl"
    _, failures, results = extract_paths(args)
    records = [r for _, r in results if isinstance(r, dict)]
    assert not failures
    pred.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    done = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--inputs",
                           str(inputs), "--pred", str(pred), "--json", str(out / "report.json")],
                          capture_output=True, text=True, check=True)
    print(done.stdout)
    return name, json.loads((out / "report.json").read_text(encoding="utf-8"))


def _value(report: dict, metric: str) -> float:
    row = report[metric]
    return float(row.get("f1", row.get("accuracy")) or 0.0)


def test_no_document_missing(report: tuple[str, dict]) -> None:
    assert report[1]["missing_documents"] == []


def test_floors(report: tuple[str, dict]) -> None:
    name, rep = report
    below = {m: (_value(rep, m), floor) for m, floor in BASELINE[name].items() if not m.startswith("_")
             and rep[m].get("n", 1) and _value(rep, m) + 1e-9 < floor}
    assert not below, f"{name}: below the floor (value, floor): {below}"

