"""A partner brief: the relationship's current level and history, contacts by year and rank, the last top-level
contact, acts planned ahead, targets against reported values, and protests; every line cites its source."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from doingoai.brief.common import cited, event_lines, home_rank, words
from doingoai.brief.model import Brief, Line, Section
from doingoai.config import HOME
from doingoai.render.rows import figure_row_sentence, relation_row_sentence
from doingoai.render.states import state_name
from doingoai.resolve.states import state_names
from doingoai.store import schema as s
from doingoai.store.queries import (
    CONTACT_TYPES,
    EventFilter,
    EventRow,
    country_profile,
    figure_reports,
    find_events,
    relation_reports,
)

__all__ = ["partner_brief"]


def _year(e: EventRow) -> str:
    if e.date_start and e.date_start[:4].isdigit():
        return e.date_start[:4]
    published = [str(src["published"]) for src in e.sources if src.get("published")]
    return min(published)[:4] if published else "?"


def _as_of(session: Session) -> str:
    """The newest publication date in the knowledge base: a brief is dated by its data, not by the clock."""
    return str(session.scalar(select(func.max(s.Document.published))) or dt.date.min.isoformat())


def partner_brief(session: Session, code: str, lang: str = "en", since: str | None = None) -> Brief:
    w = words(lang)
    code = code.upper()
    known = state_names(code)
    name = state_name(code) if lang == "en" else (known.name if known else code)
    as_of = _as_of(session)
    n_docs = session.scalar(select(func.count()).select_from(s.Document)) or 0
    profile = country_profile(session, code)
    sections: list[Section] = []

    # current level and history: every report of every level of the pair, each cited
    reports = relation_reports(session, HOME, code)
    level_words = w["levels"]
    current = profile.current_level
    if current:
        heading = w["current"].format(level=level_words.get(current, current)) + (
            f" ({w['since'].format(since=profile.current_since)})" if profile.current_since else "")
        latest = [r for r in reports if r[0] == current][-3:]
        sections.append(Section(heading, tuple(
            Line(_relation_text(lang, code, level, since_, level_words), cited(c)) for level, since_, c in latest)))
    else:
        sections.append(Section(w["current_none"]))
    history: list[Line] = []
    seen: set[str] = set()
    for level, since_, c in reports:
        if level not in seen:  # the first report of each level, oldest first
            seen.add(level)
            history.append(Line(_relation_text(lang, code, level, since_, level_words), cited(c)))
    history.extend(event_lines(session, list(reversed(profile.upgrades)), lang))
    sections.append(Section(w["history"], tuple(history)))

    # contacts by year and rank of the Vietnamese side
    events = find_events(session, EventFilter(country=code, since=since))
    contacts = [e for e in events if e.type in CONTACT_TYPES and HOME in e.countries and e.status == "occurred"]
    by_year: dict[str, list[EventRow]] = defaultdict(list)
    for e in contacts:
        by_year[_year(e)].append(e)
    years = []
    for year in sorted(by_year, reverse=True):
        ranks = Counter(home_rank(e) for e in by_year[year])
        label = ", ".join(w["rank"].format(rank=r, n=n) if r < 9 else w["unranked"].format(n=n)
                          for r, n in sorted(ranks.items()))
        years.append(Section(w["contacts_year"].format(year=year, n=len(by_year[year]), ranks=label),
                             event_lines(session, by_year[year], lang)))
    sections.append(Section(w["contacts"], subsections=tuple(years)))

    top = [e for e in contacts if home_rank(e) == 1]
    sections.append(Section(w["last_top"], event_lines(session, top[:1], lang)))

    # acts planned ahead: announced acts dated on or after the newest article's day
    planned = [e for e in events if e.status == "planned" and (e.date_start or "") >= as_of[:len(e.date_start or "")]
               and e.date_start and e.date_start[:1].isdigit()]
    sections.append(Section(w["planned"], event_lines(session, sorted(planned, key=lambda e: e.when), lang)))

    # targets against reported values: trade targets first, then the values reported, oldest first
    figures = [(f, c) for f, c in figure_reports(session, code) if not since or str(f["published"] or "") >= since]
    order = {"trade_target": 0, "trade_value": 1}
    figures.sort(key=lambda fc: (order.get(str(fc[0]["kind"]), 2), str(fc[0]["published"] or "")))
    sections.append(Section(w["figures"], tuple(
        Line(_figure_text(lang, code, f), cited(c)) for f, c in figures)))

    protests = [e for e in events if e.type == "protest"]
    targets = {e.id: w["target"].format(state=_target(e, lang)) for e in protests}
    sections.append(Section(w["protests"], event_lines(session, protests, lang, targets)))

    # a section with nothing to cite says so in its heading: every written line is a cited one
    sections = [sec if sec.lines or sec.subsections else Section(f"{sec.heading}: {w['none']}")
                for sec in sections]
    title = w["partner_title"].format(name=name[:1].upper() + name[1:], code=code) + " — " + \
        w["as_of"].format(date=as_of, n=n_docs)
    return Brief(title, tuple(sections))


def _target(e: EventRow, lang: str) -> str:
    """The state a protest objects to: the states other than the objecting one (the initiator)."""
    objector = e.initiator or (e.countries[0] if e.countries else None)
    others = [c for c in e.countries if c != objector] or e.countries
    if lang == "en":
        return ", ".join(state_name(c) for c in others)
    return ", ".join((state_names(c).name if state_names(c) else c) for c in others)  # type: ignore[union-attr]


def _relation_text(lang: str, code: str, level: str, since: int | None, level_words: dict[str, str]) -> str:
    if lang == "en":
        return relation_row_sentence(HOME, code, level, since)
    return level_words.get(level, level) + (f" (từ {since})" if since else "")


def _figure_text(lang: str, code: str, f: dict[str, object]) -> str:
    countries = ",".join(sorted({HOME, code, *(str(f["partner"] or "").split(",") if f.get("partner") else [])}))
    if lang == "en":
        return figure_row_sentence(str(f["kind"]), countries, float(str(f["value"])), f["unit"],  # type: ignore[arg-type]
                                   f["qualifier"], f["what"])  # type: ignore[arg-type]
    value = float(str(f["value"]))
    return f"{f['kind']}: {value:,.0f} {f['unit'] or ''} ({f['what'] or ''})".replace("  ", " ")
