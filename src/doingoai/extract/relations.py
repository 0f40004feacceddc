"""Relations: the level two states give their relationship, and since when (``since`` from the text:
"thiết lập quan hệ ngoại giao năm 1971", "năm 2025 ... kỷ niệm 10 năm thiết lập quan hệ Đối tác chiến lược")."""

from __future__ import annotations

import re
from functools import cache

from doingoai.analyse.sentences import Sentence
from doingoai.extract.document import HOME, Doc
from doingoai.extract.timeline import Reference
from doingoai.lexicon import load_yaml
from doingoai.model import Evidence, Relation

__all__ = ["extract_relations"]

_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                 "mười": 10}
_ANNIVERSARY = re.compile(r"(?:kỷ niệm|tròn|đánh dấu)\s+(\d{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+năm",
                          re.IGNORECASE)
_SINCE_YEAR = re.compile(r"(?:thiết lập|nâng cấp|nâng|xác lập|ký|công bố)[^.;]{0,80}?(?:năm|tháng \d{1,2}/|ngày \d{1,2}/"
                         r"\d{1,2}/|\(\d{1,2}/)\s*((?:19|20)\d{2})", re.IGNORECASE)
_PAREN_YEAR = re.compile(r"^\s*\((?:\d{1,2}/)?((?:19|20)\d{2})\)")
_FUTURE = re.compile(r"\b(?:sang|sẽ|hướng tới|tới đây|sắp tới|năm tới)\b", re.IGNORECASE)
_EXPLICIT_YEAR = re.compile(r"(?:năm|sang)\s+((?:19|20)\d{2})")


@cache
def _levels() -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    rows = load_yaml("relation_levels.yaml")["levels"]
    return tuple((re.compile(r["pattern"], re.IGNORECASE), r["level"], bool(r.get("optional"))) for r in rows)


_BILATERAL = re.compile(r"hai nước|hai bên|song phương|hai Đảng|hai dân tộc|giữa hai|hai quốc gia", re.IGNORECASE)


def _pair(doc: Doc, sent: Sentence, start: int, end: int) -> tuple[str, str] | None:
    """The two states a level formula is about: named around it, else "hai nước" of the passage."""
    near = [s for s in doc.in_span(doc.states, sent.start, sent.end) if start - 12 <= s.start <= end + 60]
    codes: list[str] = []
    for s in sorted(near, key=lambda s: s.start):
        if s.code not in codes:
            codes.append(s.code)
    if len(codes) >= 2:
        pair = codes[:2] if HOME not in codes else [HOME, next(c for c in codes if c != HOME)]
        return (min(pair), max(pair))
    partner = next((c for c in codes if c != HOME), None)
    if partner is None and (_BILATERAL.search(sent.text) or re.search(
            r"quan hệ\s+(?:\S+\s+){0,3}$", doc.text[max(sent.start, start - 30):start])):
        partner = doc.partner_near(start)
    if partner and partner != HOME:
        return (min(HOME, partner), max(HOME, partner))
    return None


def _since(doc: Doc, sent: Sentence, start: int, end: int, ref: Reference) -> int | None:
    text = doc.text[sent.start:sent.end]
    local = start - sent.start
    m = _PAREN_YEAR.match(doc.text[end:end + 12])
    if m:
        return int(m.group(1))
    for y in _SINCE_YEAR.finditer(text):
        if abs(y.start() - local) < 120:
            return int(y.group(1))
    for a in _ANNIVERSARY.finditer(text):
        if not (0 <= local - a.end() <= 70):
            continue
        word = a.group(1).lower()
        n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        if n is None:
            continue
        clause = text[max(0, a.start() - 60):a.start()]
        explicit = _EXPLICIT_YEAR.findall(clause)
        year = int(explicit[-1]) if explicit else ref.year
        if year is None:
            return None
        if not explicit and _FUTURE.search(clause[-25:]):
            year += 1
        return year - n
    return None


def extract_relations(doc: Doc, ref: Reference) -> list[Relation]:
    found: dict[tuple[tuple[str, str], str], Relation] = {}
    for sent in doc.sentences:
        taken: list[tuple[int, int]] = []
        for pattern, level, optional in _levels():
            for m in pattern.finditer(sent.text):
                s, e = sent.start + m.start(), sent.start + m.end()
                if any(a < e and s < b for a, b in taken):
                    continue
                if level == "diplomatic_relations" and not re.search(
                        r"(?:thiết lập|kỷ niệm|năm)\s+(?:\S+\s+){0,4}$", doc.text[max(sent.start, s - 40):s]):
                    continue
                taken.append((s, e))
                pair = _pair(doc, sent, s, e)
                if pair is None or pair[0] == pair[1]:
                    continue
                key = (pair, level)
                since = _since(doc, sent, s, e, ref)
                if key in found:
                    if since and not found[key].since:
                        found[key] = Relation(pair, level, since, "article", found[key].evidence)
                    continue
                found[key] = Relation(pair, level, since, "article", Evidence(sent.text, sent.start, sent.end))
    return list(found.values())
