"""The ``doingoai/1`` validator: it accepts what the extractor makes of real pages and names each fault."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from doingoai.model import Page
from doingoai.pipeline import extract_page
from doingoai.validate import problems

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    page = EXAMPLES / "tiep-dai-su-brazil.txt"
    return extract_page(Page(str(page), page.read_text(encoding="utf-8"), "text"))[1]


def test_real_records_are_valid(record: dict[str, Any]) -> None:
    assert record["events"], "the example must exercise events"
    assert record["relations"], "the example must exercise relations"
    assert problems(record) == []
    for path in sorted(EXAMPLES.iterdir()):
        markup = "html" if path.suffix == ".html" else "text"
        assert problems(extract_page(Page(str(path), path.read_text(encoding="utf-8"), markup))[1]) == [], path


def _broken(record: dict[str, Any], change: Any) -> list[str]:
    bad = copy.deepcopy(record)
    change(bad)
    return problems(bad)


@pytest.mark.parametrize(("change", "fault"), [
    (lambda r: r["article"].update(published="2024-02-30"), "article.published '2024-02-30' is no date"),
    (lambda r: r["article"].update(published="2024-13"), "article.published '2024-13' is no date"),
    (lambda r: r["article"].update(published="0000"), "article.published '0000' is no date"),
    (lambda r: r["events"][0]["date"].update(start="--02-30"), "events[0].date.start '--02-30' is no date"),
    (lambda r: r["events"][0]["date"].update(start="2025-04-31"), "events[0].date.start '2025-04-31' is no date"),
    (lambda r: r["events"][0]["evidence"].update(start=r["events"][0]["evidence"]["start"] + 1),
     "events[0].evidence ["),
    (lambda r: r["events"][0]["evidence"].update(end=10**9), "events[0].evidence ["),
    (lambda r: r["events"][0].update(type="party"), "events[0].type is 'party'"),
    (lambda r: r["events"][0].update(countries=["vn"]), "events[0].countries must be"),
    (lambda r: r["relations"][0].update(since=-5), "relations[0].since is -5"),
    (lambda r: r["article"].update(text=None), "article.text is not a string"),
    (lambda r: r.update(format="doingoai/2"), "format is 'doingoai/2'"),
])
def test_faults_are_named(record: dict[str, Any], change: Any, fault: str) -> None:
    found = _broken(record, change)
    assert any(f.startswith(fault) for f in found), found


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 1e300, 10**20, True, "5"])
def test_a_figure_is_a_finite_bounded_number(record: dict[str, Any], value: object) -> None:
    figure = {"kind": "trade_target", "countries": ["BR", "VN"], "value": value, "unit": "USD", "qualifier": None,
              "what": None, "section": "article", "evidence": record["events"][0]["evidence"]}
    bad = {**record, "figures": [figure]}
    assert any("value" in f for f in problems(bad))
    assert problems({**record, "figures": [{**figure, "value": 10_000_000_000}]}) == []


def test_leap_days_exist(record: dict[str, Any]) -> None:
    assert problems(_with_date(record, "2024-02-29")) == []
    assert problems(_with_date(record, "--02-29")) == []
    assert problems(_with_date(record, "2023-02-29")) != []


def _with_date(record: dict[str, Any], day: str) -> dict[str, Any]:
    bad = copy.deepcopy(record)
    bad["events"][0]["date"]["start"] = day
    return bad
