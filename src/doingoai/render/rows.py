"""English sentences for the knowledge base's rows (events, relations, figures), which carry the record's
fields under other names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from doingoai.config import HOME
from doingoai.render.sentences import render_event, render_figure, render_relation

__all__ = ["event_row_sentence", "figure_row_sentence", "relation_row_sentence"]


Levels = Mapping[tuple[str, str], list[tuple[str, int | None]]]


def _level(e: Any, levels: Levels | None) -> str | None:
    """The level an upgrade reached: the pair's level whose first year is the event's year."""
    if e.type != "relation_upgrade" or not levels or len(e.countries) != 2 or not e.date_start:
        return None
    year = str(e.date_start)[:4]
    found = {lv for lv, since in levels.get(tuple(sorted(e.countries)), []) if since is not None and str(since) == year}
    return found.pop() if len(found) == 1 else None


def event_row_sentence(e: Any, levels: Levels | None = None) -> str:
    """The sentence of a ``store.queries.EventRow``: the stored initiator names the acting state of a message,
    statement or protest (the row's states are sorted). ``levels`` (``store.queries.relation_levels``) tells
    what an upgrade reached."""
    countries = list(e.countries)
    if e.initiator in countries:
        countries = [e.initiator] + [c for c in countries if c != e.initiator]
    # the knowledge base merges the reports of an act and does not keep who the record named first: the side
    # that acts is told by the act (the initiator sends; the host of the place receives; the visitor travels),
    # and Vietnam by default, as the Vietnamese press tells it
    if e.initiator:
        first = e.initiator
    elif e.type == "reception" and e.place_country:
        first = e.place_country
    elif e.type == "visit" and e.place_country:
        first = next((p["country"] for p in e.participants if p["country"] != e.place_country), HOME)
    else:
        first = HOME
    people = sorted(e.participants, key=lambda p: p["country"] != first)
    return render_event({
        "type": e.type, "status": e.status,
        "date": {"start": e.date_start, "end": e.date_end, "part_of_day": e.part_of_day},
        "place": {"name": e.place_name, "country": e.place_country},
        "participants": people, "countries": countries, "organizations": list(e.bodies),
        "initiator": e.initiator}, level=_level(e, levels))


def relation_row_sentence(a: str, b: str, level: str, since: int | None) -> str:
    return render_relation({"countries": [a, b], "level": level, "since": since})


def figure_row_sentence(kind: str, countries: str, value: float, unit: str | None, qualifier: str | None,
                        what: str | None) -> str:
    return render_figure({"kind": kind, "countries": [c for c in countries.split(",") if c], "value": value,
                          "unit": unit, "qualifier": qualifier, "what": what})
