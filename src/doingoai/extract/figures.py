"""Figures: trade targets and values, investment, aid, rankings and counts of diplomatic activity.

Numbers follow Vietnamese usage: "1,8" is 1.8, "1.100" is 1100; scale words multiply ("10 tỷ USD" is
10,000,000,000 USD); "hơn/trên" -> more_than, "gần/khoảng/xấp xỉ" -> about, "dưới" -> less_than.
"""

from __future__ import annotations

import re

from doingoai.analyse.sentences import Sentence
from doingoai.extract.document import HOME, Doc
from doingoai.model import Evidence, Figure

__all__ = ["extract_figures", "parse_number"]

_SCALES = {"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3}
_UNITS = {"usd": "USD", "đô la mỹ": "USD", "đô-la mỹ": "USD", "đô la": "USD", "đôla": "USD", "đồng": "VND",
          "vnd": "VND", "eur": "EUR", "euro": "EUR", "yên": "JPY", "nhân dân tệ": "CNY", "bảng anh": "GBP",
          "won": "KRW", "rúp": "RUB", "đô la úc": "AUD", "aud": "AUD", "sgd": "SGD", "đô la singapore": "SGD"}
_QUALIFIERS = {"hơn": "more_than", "trên": "more_than", "vượt": "more_than", "gần": "about", "khoảng": "about",
               "xấp xỉ": "about", "ước": "about", "ước đạt": "about", "dưới": "less_than", "chưa đến": "less_than"}
_Q = r"(?P<q>hơn|trên|gần|khoảng|xấp xỉ|dưới|chưa đến|ước đạt|ước)?\s*"
_NUM = r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
_MONEY = re.compile(_Q + _NUM + r"\s*(?P<scale>nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?P<unit>USD|đô la Mỹ|"
                    r"đô-la Mỹ|đô la Úc|đô la Singapore|đô la|đôla|đồng|VND|EUR|euro|Euro|yên|nhân dân tệ|bảng Anh|won|"
                    r"rúp|AUD|SGD)\b", re.IGNORECASE)
_RANK_WORDS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
               "mười": 10}
_RANKING = re.compile(r"(?P<what>(?:đối tác|thị trường|nhà đầu tư|nhà cung cấp|bạn hàng|nhà tài trợ|điểm đến)"
                      r"[^,.;]{0,40}?)\s+lớn (?:thứ\s+(?P<n>\d{1,3}|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)|nhất)"
                      r"(?P<rest>[^,.;]{0,50})", re.IGNORECASE)
_COUNT = re.compile(_Q + r"(?P<num>\d{1,3}(?:\.\d{3})*|\d+)(?:/\d+)?\s+(?P<what>(?:cam kết|thỏa thuận|văn kiện|"
                    r"hiệp định|bản ghi nhớ|đoàn|hoạt động|chuyến thăm|cuộc gặp|cuộc tiếp xúc|cuộc điện đàm|sự kiện|"
                    r"đối tác|nước|quốc gia)[^,.;]{0,60})", re.IGNORECASE)
_COUNT_CONTEXT = re.compile(r"ký|ký kết|trao|nâng cấp|xúc tiến|đối ngoại|ngoại giao|thiết lập|hợp tác|tiếp|đón",
                            re.IGNORECASE)
_TARGET = re.compile(r"phấn đấu|mục tiêu|đưa kim ngạch|hướng tới|sớm đạt|nâng kim ngạch|lên mức|lên\s+\S+\s+tỷ|"
                     r"tăng lên|sớm đưa|đặt mục tiêu|nỗ lực đạt", re.IGNORECASE)
_TRADE = re.compile(r"kim ngạch|thương mại song phương|thương mại hai chiều|trao đổi thương mại", re.IGNORECASE)
_INVEST = re.compile(r"vốn đầu tư|tổng vốn|đầu tư trực tiếp|FDI|dự án đầu tư|vốn đăng ký|đầu tư", re.IGNORECASE)
_AID = re.compile(r"viện trợ|hỗ trợ|tài trợ|ủng hộ|trao tặng|quyên góp|cứu trợ|tặng|ODA", re.IGNORECASE)


def parse_number(text: str) -> float:
    """Vietnamese number notation: "1,8" -> 1.8, "1.100" -> 1100, "10" -> 10."""
    if "." in text and re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def _partners(doc: Doc, sent: Sentence, at: int) -> tuple[str, ...]:
    codes = []
    for s in doc.in_span(doc.states, sent.start, sent.end):
        if s.code not in codes:
            codes.append(s.code)
    partner = next((c for c in codes if c != HOME), None) or doc.partner_near(at)
    return tuple(sorted({HOME, partner})) if partner and partner != HOME else (HOME,)


def _kind(before: str) -> str | None:
    if _TRADE.search(before):
        return "trade_target" if _TARGET.search(before[-90:]) else "trade_value"
    if _INVEST.search(before[-80:]):
        return "investment"
    if _AID.search(before[-80:]):
        return "aid"
    return None


def extract_figures(doc: Doc) -> list[Figure]:
    out: list[Figure] = []
    seen: set[tuple[str, float, tuple[str, ...]]] = set()

    def add(fig: Figure) -> None:
        key = (fig.kind, fig.value, fig.countries)
        if key not in seen:
            seen.add(key)
            out.append(fig)

    for sent in doc.sentences:
        text = sent.text
        ev = Evidence(sent.text, sent.start, sent.end)
        for m in _MONEY.finditer(text):
            kind = _kind(text[:m.start()])
            if kind is None:
                continue
            value = parse_number(m.group("num")) * _SCALES.get((m.group("scale") or "").lower(), 1)
            unit = _UNITS.get(m.group("unit").lower())
            qualifier = _QUALIFIERS.get((m.group("q") or "").lower())
            what = "kim ngạch thương mại" if kind.startswith("trade") else None
            add(Figure(kind, _partners(doc, sent, sent.start + m.start()), value, unit, qualifier, what, "article", ev))
        for m in _RANKING.finditer(text):
            n = m.group("n")
            value = 1.0 if not n else float(n) if n.isdigit() else float(_RANK_WORDS.get(n.lower(), 0))
            if value <= 0:
                continue
            add(Figure("ranking", _partners(doc, sent, sent.start + m.start()), value, None, None, m.group(0).strip(), "article", ev))
        for m in _COUNT.finditer(text):
            if not _COUNT_CONTEXT.search(text[max(0, m.start() - 60):m.end() + 40]):
                continue
            if re.match(r"\s*(?:năm|tháng|ngày|giờ|%|phần trăm)", text[m.end("num"):m.end("num") + 10]):
                continue
            value = parse_number(m.group("num"))
            qualifier = _QUALIFIERS.get((m.group("q") or "").lower())
            add(Figure("count", (HOME,), value, None, qualifier, m.group("what").strip(), "article", ev))
    return out
