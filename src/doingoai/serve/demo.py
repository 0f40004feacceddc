"""``doingoai serve --demo``: a knowledge base that looks real, built from the pages at hand — the
repository's example pages, and the workplace's shared corpus (seeds, dev, dev2, wild) when it is there."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from doingoai.store.ingest import IngestSummary, ingest

__all__ = ["build_demo", "default_demo_db", "demo_inputs"]

_CORPORA = ("seeds", "dev", "dev2", "wild")


def default_demo_db() -> str:
    return str(Path(user_data_dir("doingoai", appauthor=False)) / "demo.sqlite")


def _repository() -> Path:
    return Path(__file__).resolve().parents[3]


def demo_inputs() -> list[str]:
    """The example pages of the repository and the shared corpora found beside it (or at
    ``$DOINGOAI_SHARED``)."""
    found = []
    examples = _repository() / "examples"
    if examples.is_dir():
        found.append(str(examples))
    shared = Path(os.environ.get("DOINGOAI_SHARED", _repository().parent / "shared"))
    found += [str(shared / "corpus" / c) for c in _CORPORA if (shared / "corpus" / c).is_dir()]
    return found


def build_demo(db: str) -> IngestSummary:
    """Ingest the demo pages into ``db`` (pages stored already are skipped, so a second start is quick)."""
    inputs = demo_inputs()
    return ingest(inputs, db) if inputs else IngestSummary()
