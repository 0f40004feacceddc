"""Check a ``doingoai/1`` record against its contract (shared/spec/output-format.md).

Used by the test suite and by ``tools/fuzz.py``: whatever a page contains, every record the extractor
emits must pass. ``problems`` lists what is wrong (empty when the record is valid) instead of stopping at
the first fault, so that a fuzz run can count the kinds of fault it meets.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

__all__ = ["problems"]

_FORMAT = "doingoai/1"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_YEARLESS = re.compile(r"^--(\d{2})(?:-(\d{2}))?$")
_CODE = re.compile(r"^[A-Z]{2}$")
_PARTS_OF_DAY = {None, "morning", "noon", "afternoon", "evening", "night"}
_EVENT_TYPES = {"reception", "talks", "courtesy_call", "meeting", "phone_call", "visit", "conference", "agreement",
                "relation_upgrade", "message", "statement", "negotiation", "protest"}
_LEVELS = {"comprehensive_strategic_partnership", "strategic_partnership", "comprehensive_partnership",
           "special_relationship", "traditional_friendship", "diplomatic_relations"}
_KINDS = {"trade_target", "trade_value", "investment", "aid", "ranking", "count"}
_QUALIFIERS = {None, "more_than", "about", "less_than"}


def _day_exists(year: int, month: int, day: int | None) -> bool:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _is_date(value: object, *, yearless: bool) -> bool:
    """A "YYYY-MM-DD", "YYYY-MM" or "YYYY" that exists on the calendar (and "--MM-DD", "--MM" when allowed)."""
    if not isinstance(value, str):
        return False
    m = _DATE.match(value)
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        return year >= 1 and (month is None or _day_exists(year, int(month), int(day) if day else None))
    m = _YEARLESS.match(value) if yearless else None
    # 2000 is a leap year: "--02-29" is a day that exists in some year
    return m is not None and _day_exists(2000, int(m.group(1)), int(m.group(2)) if m.group(2) else None)


def _is_str(value: object, *, optional: bool = False) -> bool:
    return (value is None and optional) or isinstance(value, str)


def _evidence(ev: object, article: dict[str, Any], where: str, out: list[str]) -> None:
    if not isinstance(ev, dict):
        out.append(f"{where}.evidence is not an object")
        return
    text, start, end, related = ev.get("text"), ev.get("start"), ev.get("end"), ev.get("related")
    if not isinstance(text, str) or type(start) is not int or type(end) is not int:
        out.append(f"{where}.evidence needs a text and integer start/end")
        return
    source = article.get("text")
    if related is not None:
        teasers = article.get("related")
        if type(related) is not int or not isinstance(teasers, list) or not 0 <= related < len(teasers):
            out.append(f"{where}.evidence.related {related!r} names no teaser")
            return
        source = teasers[related].get("text") if isinstance(teasers[related], dict) else None
    if not isinstance(source, str) or not 0 <= start <= end <= len(source) or source[start:end] != text:
        out.append(f"{where}.evidence [{start}:{end}] is not its text in the article")


def _countries(value: object, where: str, out: list[str]) -> None:
    if not isinstance(value, list) or not all(isinstance(c, str) and _CODE.match(c) for c in value):
        out.append(f"{where}.countries must be a list of ISO alpha-2 codes, not {value!r}")


def _section(item: dict[str, Any], where: str, out: list[str]) -> None:
    if item.get("section") not in ("article", "related"):
        out.append(f"{where}.section is {item.get('section')!r}")
    evidence = item.get("evidence")
    teaser = evidence.get("related") if isinstance(evidence, dict) else None
    if item.get("section") == "related" and not isinstance(teaser, int):
        out.append(f"{where} is from a teaser but its evidence names none")


def _event(e: dict[str, Any], article: dict[str, Any], where: str, out: list[str]) -> None:
    if e.get("type") not in _EVENT_TYPES:
        out.append(f"{where}.type is {e.get('type')!r}")
    if e.get("salience") not in ("main", "background"):
        out.append(f"{where}.salience is {e.get('salience')!r}")
    if e.get("status") not in ("occurred", "planned"):
        out.append(f"{where}.status is {e.get('status')!r}")
    date = e.get("date")
    if not isinstance(date, dict):
        out.append(f"{where}.date is not an object")
    else:
        for key in ("start", "end"):
            if date.get(key) is not None and not _is_date(date.get(key), yearless=True):
                out.append(f"{where}.date.{key} {date.get(key)!r} is no date")
        if date.get("part_of_day") not in _PARTS_OF_DAY:
            out.append(f"{where}.date.part_of_day is {date.get('part_of_day')!r}")
    place = e.get("place")
    if not isinstance(place, dict) or not _is_str(place.get("name"), optional=True) or not (
            place.get("country") is None or (isinstance(place.get("country"), str) and _CODE.match(place["country"]))):
        out.append(f"{where}.place is {place!r}")
    people = e.get("participants")
    if not isinstance(people, list):
        out.append(f"{where}.participants is not a list")
    else:
        for p in people:
            if not (isinstance(p, dict) and isinstance(p.get("name"), str) and p["name"]
                    and all(_is_str(p.get(k), optional=True) for k in ("title", "country", "org"))):
                out.append(f"{where}.participants holds {p!r}")
    _countries(e.get("countries"), where, out)
    orgs = e.get("organizations")
    if not isinstance(orgs, list) or not all(isinstance(o, str) and o for o in orgs):
        out.append(f"{where}.organizations is {orgs!r}")


def _relation(r: dict[str, Any], article: dict[str, Any], where: str, out: list[str]) -> None:
    _countries(r.get("countries"), where, out)
    if isinstance(r.get("countries"), list) and len(r["countries"]) != 2:
        out.append(f"{where}.countries is not a pair")
    if r.get("level") not in _LEVELS:
        out.append(f"{where}.level is {r.get('level')!r}")
    since = r.get("since")
    if since is not None and not (type(since) is int and 1 <= since <= 9999):
        out.append(f"{where}.since is {since!r}")


def _figure(f: dict[str, Any], article: dict[str, Any], where: str, out: list[str]) -> None:
    _countries(f.get("countries"), where, out)
    if f.get("kind") not in _KINDS:
        out.append(f"{where}.kind is {f.get('kind')!r}")
    value = f.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value) or abs(value) >= 2**63:
        out.append(f"{where}.value {value!r} is not a finite number")
    unit = f.get("unit")
    if unit is not None and not (isinstance(unit, str) and re.fullmatch(r"[A-Z]{3}", unit)):
        out.append(f"{where}.unit is {unit!r}")
    if f.get("qualifier") not in _QUALIFIERS:
        out.append(f"{where}.qualifier is {f.get('qualifier')!r}")
    if not _is_str(f.get("what"), optional=True):
        out.append(f"{where}.what is {f.get('what')!r}")


def problems(record: object) -> list[str]:
    """What keeps ``record`` from being a valid ``doingoai/1`` record; empty when it is one."""
    if not isinstance(record, dict):
        return ["record is not an object"]
    out: list[str] = []
    if record.get("format") != _FORMAT:
        out.append(f"format is {record.get('format')!r}")
    if not isinstance(record.get("source"), str):
        out.append("source is not a string")
    article = record.get("article")
    if not isinstance(article, dict):
        return [*out, "article is not an object"]
    if not isinstance(article.get("text"), str):
        out.append("article.text is not a string")
    for key in ("title", "outlet"):
        if not _is_str(article.get(key), optional=True):
            out.append(f"article.{key} is {article.get(key)!r}")
    if article.get("published") is not None and not _is_date(article.get("published"), yearless=False):
        out.append(f"article.published {article.get('published')!r} is no date")
    related = article.get("related")
    if not isinstance(related, list) or not all(
            isinstance(r, dict) and _is_str(r.get("title"), optional=True) and isinstance(r.get("text"), str)
            for r in related):
        out.append("article.related is not a list of teasers")
        article = {**article, "related": []}
    checks = (("events", _event), ("relations", _relation), ("figures", _figure))
    for key, check in checks:
        items = record.get(key)
        if not isinstance(items, list):
            out.append(f"{key} is not a list")
            continue
        for i, item in enumerate(items):
            where = f"{key}[{i}]"
            if not isinstance(item, dict):
                out.append(f"{where} is not an object")
                continue
            check(item, article, where, out)
            _section(item, where, out)
            _evidence(item.get("evidence"), article, where, out)
    return out
