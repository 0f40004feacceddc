"""Acts reported in the teasers around a story: extracted on request, marked as related."""

from __future__ import annotations

from doingoai.config import PipelineConfig
from doingoai.model import Page
from doingoai.pipeline import extract_page

PAGE = """Thủ tướng tiếp Đại sứ Brazil
Thứ Tư, 12/03/2025 18:40

Chiều 12/3, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Brazil tại Việt Nam Marco Farani.

Hai bên nhất trí thúc đẩy hợp tác nông nghiệp và thương mại giữa hai nước.

Tin bài liên quan

Chủ tịch nước điện đàm với Tổng thống Indonesia

Chủ tịch nước điện đàm với Tổng thống Indonesia

Tối 11/3, Chủ tịch nước Lương Cường đã điện đàm với Tổng thống Indonesia Prabowo Subianto.
"""


def test_teaser_acts_only_on_request() -> None:
    page = Page(source="p.txt", content=PAGE, markup="text")
    _, plain = extract_page(page)
    assert {e["section"] for e in plain["events"]} == {"article"}
    _, record = extract_page(page, PipelineConfig(related=True))
    related = [e for e in record["events"] if e["section"] == "related"]
    assert [(e["type"], sorted(e["countries"])) for e in related] == [("phone_call", ["ID", "VN"])]
    ev = related[0]["evidence"]
    teaser = record["article"]["related"][ev["related"]]
    assert teaser["text"][ev["start"]:ev["end"]] == ev["text"]
    assert related[0]["date"]["start"] == "2025-03-11"
