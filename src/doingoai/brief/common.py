"""What partner and period briefs share: the words of a language, and an event as a cited line."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from doingoai.brief.model import Citation, Line
from doingoai.config import HOME
from doingoai.lexicon import LexiconError, load_yaml
from doingoai.render.rows import event_row_sentence
from doingoai.store.queries import Cited, EventRow, documents_cited, relation_levels

__all__ = ["LANGS", "cited", "event_lines", "home_rank", "words"]

LANGS = ("vi", "en")


def words(lang: str) -> dict[str, Any]:
    data = load_yaml("brief_text.yaml")
    if not isinstance(data, dict) or lang not in data:
        raise LexiconError(f"brief_text.yaml has no {lang!r} section")
    out: dict[str, Any] = data[lang]
    return out


def cited(c: Cited) -> Citation:
    return Citation(c.quote, c.outlet, c.published, c.url, c.source)


def home_rank(e: EventRow) -> int:
    ranks = [int(p["rank"]) for p in e.participants if p["country"] == HOME and p.get("rank") is not None]
    return min(ranks) if ranks else 9


def _vi_text(e: EventRow) -> str:
    types: dict[str, Any] = load_yaml("event_types.yaml")
    who = "; ".join(f"{(p['title'] + ' ') if p['title'] else ''}{p['name']} ({p['country'] or '?'})"
                    for p in e.participants) or ", ".join(e.countries)
    when = e.when + (f"…{e.date_end}" if e.date_end else "")
    planned = " (dự kiến)" if e.status == "planned" else ""
    return f"{when} · {types.get(e.type, {}).get('vi', e.type)}{planned} · {who}"


def event_lines(session: Session, events: list[EventRow], lang: str, suffix: dict[int, str] | None = None) -> \
        tuple[Line, ...]:
    """One cited line per event: its first report's sentence, outlet, date and address."""
    docs = documents_cited(session, {int(src["document"]) for e in events for src in e.sources[:1]})
    levels = relation_levels(session) if lang == "en" and any(e.type == "relation_upgrade" for e in events) else None
    out = []
    for e in events:
        if not e.sources:
            continue  # an event with no stored report cannot be cited: it is not written
        src = e.sources[0]
        outlet, published, url, source = docs.get(int(src["document"]), (None, src.get("published"), src.get("url"),
                                                                           str(src.get("source"))))
        text = event_row_sentence(e, levels) if lang == "en" else _vi_text(e)
        extra = (suffix or {}).get(e.id)
        out.append(Line(text + (f" ({extra})" if extra else ""),
                        Citation(str(src.get("evidence") or e.evidence), outlet, published, url, source)))
    return tuple(out)
