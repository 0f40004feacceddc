"""The dashboard's pure parts: evidence marks, half-years, SVG charts, the map, the words of both languages."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from doingoai.resolve.relations import LADDER
from doingoai.serve import charts, worldmap
from doingoai.serve.i18n import language, translator, ui_text
from doingoai.serve.pages import halves, pieces
from doingoai.store.queries import METRICS, DocumentView, Span, StatRow

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "doingoai" / "serve" / "templates"


def _doc(text: str, spans: list[Span]) -> DocumentView:
    return DocumentView(1, "s", None, None, None, None, text, spans)


def test_pieces_mark_each_span_and_merge_overlaps() -> None:
    text = "Một. Hai ba bốn. Năm sáu."
    spans = [Span(5, 16, "event", 7, "talks"), Span(5, 16, "relation", 2, "strategic_partnership"),
             Span(12, 24, "figure", 3, "trade_target")]
    out = pieces(_doc(text, spans), "event-7")
    assert "".join(p.text for p in out) == text  # nothing lost, nothing doubled
    marked = [p for p in out if p.anchors]
    assert len(marked) == 1
    assert marked[0].anchors == ("event-7", "relation-2", "figure-3")
    assert marked[0].focus
    assert marked[0].text == "Hai ba bốn. Năm sáu"


def test_pieces_without_spans_is_the_text() -> None:
    out = pieces(_doc("abc", []), None)
    assert [(p.text, p.anchors) for p in out] == [("abc", ())]


def test_halves_sum_quarters_and_leave_undated_years_out() -> None:
    def row(period: str, n: int) -> StatRow:
        return StatRow(period, {**dict.fromkeys(METRICS, 0), "phone_calls": n})

    out = halves([row("2024", 9), row("2024-Q1", 1), row("2024-Q2", 2), row("2024-Q3", 4), row("2025-Q1", 8)])
    assert [(h.period, h.values["phone_calls"]) for h in out] == [("2024-H1", 3), ("2024-H2", 4), ("2025-H1", 8)]


def test_charts_escape_the_data() -> None:
    svg = charts.bars(["<b>2024</b>"], [("a&b", [3])], "t<i>")
    root = etree.fromstring(svg.encode())
    assert root.tag.endswith("svg")
    assert "<b>" not in svg
    assert "&lt;b&gt;2024" in svg
    net = charts.network("VN", [charts.Node("JP", "<x>", 3, "lv-none", "/states/JP?a=1&b=2")], "n")
    assert etree.fromstring(net.encode()) is not None
    assert "&amp;b=2" in net


def test_the_world_map_colours_the_countries_given() -> None:
    assert worldmap.available()
    svg = worldmap.world_map({"JP": "lv-strategic_partnership"}, {"JP": "Nhật <Bản>"}, {"JP": "/states/JP"}, "m")
    root = etree.fromstring(svg.encode())
    ns = {"s": "http://www.w3.org/2000/svg"}
    japan = root.xpath("//s:a[@href='/states/JP']/s:g", namespaces=ns)
    assert len(japan) == 1
    assert japan[0].get("class") == "country lv-strategic_partnership"
    assert japan[0].find("s:title", ns).text == "Nhật <Bản>"
    others = root.xpath("//s:g[contains(@class, 'country')]", namespaces=ns)
    assert len(others) > 150  # the world, not one country


def test_ui_text_has_both_languages_for_every_key_the_templates_use() -> None:
    texts = ui_text()
    assert all(v["vi"].strip() and v["en"].strip() for v in texts.values())
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"t\('([a-z_]+\.[a-z_]+)'\)", template.read_text(encoding="utf-8")))
    used |= {f"level.{lv}" for lv in LADDER} | {f"metric.{m}" for m in METRICS}
    assert sorted(k for k in used if k not in texts) == []


def test_translator_names_types_and_falls_back() -> None:
    vi, en = translator("vi"), translator("en")
    assert vi("type.phone_call") == "điện đàm"
    assert en("type.courtesy_call") == "courtesy call"
    assert vi("level.unheard_of") == "unheard of"
    assert language("fr") == "vi"
    assert language("en") == "en"
