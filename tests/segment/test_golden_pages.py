"""Golden pages: realistic text and HTML pages written for the tests (tests/segment/pages/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doingoai.clean.normalize import normalize_line
from doingoai.read.sources import Input, read_input
from doingoai.segment import segment

PAGES = Path(__file__).parent / "pages"
CASES = sorted(p for p in PAGES.iterdir() if p.suffix in {".txt", ".html"})


def _norm(text: str) -> str:
    return normalize_line(text).casefold()


@pytest.fixture(scope="module", params=CASES, ids=[p.name for p in CASES])
def case(request: pytest.FixtureRequest) -> tuple[dict, object]:
    path: Path = request.param
    expect = json.loads(path.with_name(path.stem + ".expect.json").read_text(encoding="utf-8"))
    page = next(iter(read_input(Input(str(path), path))))
    return expect, segment(page)  # type: ignore[arg-type]


def test_title(case: tuple[dict, object]) -> None:
    expect, art = case
    if expect["title"] is not None:
        assert art.title is not None
        assert _norm(art.title) == _norm(expect["title"])


def test_published(case: tuple[dict, object]) -> None:
    expect, art = case
    assert art.published == expect["published"]


def test_outlet(case: tuple[dict, object]) -> None:
    expect, art = case
    if expect["outlet"]:
        assert art.outlet == expect["outlet"]


def test_body_bounds(case: tuple[dict, object]) -> None:
    expect, art = case
    body = _norm(art.text)
    assert _norm(expect["body_first"]) in body[:400]
    assert _norm(expect["body_last"]) in body[-400:]


def test_body_contains_and_excludes(case: tuple[dict, object]) -> None:
    expect, art = case
    body = _norm(art.text)
    missing = [s for s in expect["body_contains"] if _norm(s) not in body]
    leaked = [s for s in expect["body_excludes"] if _norm(s) in body]
    assert not missing, f"missing from the body: {missing}"
    assert not leaked, f"clutter in the body: {leaked}"


def test_related_titles(case: tuple[dict, object]) -> None:
    expect, art = case
    got = {_norm(r.title or "") for r in art.related}
    wanted = [t for t in expect["related_titles"] if _norm(t) not in got]
    share = 1 - len(wanted) / max(1, len(expect["related_titles"]))
    assert share >= 0.5, f"related titles not found: {wanted}"
