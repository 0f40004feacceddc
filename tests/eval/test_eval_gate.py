"""Whole-page regression gate: the shared seeds, dev and dev2 pages through the project's scorer.

Needs the workplace's ``shared/`` folder beside the repository (or ``DOINGOAI_SHARED``); elsewhere the
corpus tests are skipped, loudly. The floors live in ``baseline.json``, each corpus's pinned to the
sha256 of the corpus it was measured on; they are written by ``bench/floors.py --update`` only, which
logs every change in ``floor_history.jsonl`` (checked here: no floor is lowered without a reason).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.eval.bench_floors import load_floors

ROOT = Path(__file__).resolve().parents[2]


floors = load_floors()
SHARED = floors.default_shared()
BASELINE = floors.load_baseline()
FLOORS, SHA256 = floors.baseline_state(BASELINE)


def test_baseline_is_the_last_history_entry_and_no_floor_was_lowered_quietly() -> None:
    problems = floors.history_problems(floors.load_history(), BASELINE)
    assert not problems, "\n".join(problems)


def test_baseline_covers_every_corpus_and_metric() -> None:
    assert {k: sorted(v) for k, v in FLOORS.items()} == {k: sorted(v) for k, v in floors.METRICS.items()}
    assert all(SHA256.get(k) for k in floors.METRICS)


@pytest.fixture(scope="module", params=sorted(floors.METRICS))
def measured(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[str, str | None, dict[str, Any] | None]:
    """(corpus, why its floors do not apply or None, scorer report or None): each corpus run once."""
    name = request.param
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"shared/ not found at {SHARED}: set DOINGOAI_SHARED to run the regression gate")
    problem = floors.corpus_problem(name, SHA256.get(name), SHARED)
    if problem:
        return name, problem, None
    report = floors.measure(SHARED, floors.corpora(SHARED)[name], tmp_path_factory.mktemp(name))
    return name, None, report


def _report(measured: tuple[str, str | None, dict[str, Any] | None]) -> tuple[str, dict[str, Any]]:
    name, problem, report = measured
    if problem or report is None:
        pytest.fail(problem or f"{name}: not measured")
    return name, report


def test_corpus_is_the_one_the_floors_were_measured_on(
        measured: tuple[str, str | None, dict[str, Any] | None]) -> None:
    assert measured[1] is None, measured[1]


def test_no_document_missing(measured: tuple[str, str | None, dict[str, Any] | None]) -> None:
    name, report = _report(measured)
    assert report["missing_documents"] == [], name


def test_floors(measured: tuple[str, str | None, dict[str, Any] | None]) -> None:
    name, report = _report(measured)
    below = {}
    for metric, floor in FLOORS[name].items():
        v = floors.value(report, metric)
        if v is not None and v + 1e-9 < floor:
            below[metric] = (v, floor)
    assert not below, f"{name}: below the floor (value, floor): {below}"
