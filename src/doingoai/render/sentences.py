"""One English sentence per event, relation and figure of a ``doingoai/1`` record (or of a knowledge-base row
in the same shape): "On 24 April 2025 in Hanoi, General Secretary Tô Lâm received Philippine Ambassador
Meynardo Los Banos Montealegre."

Only the record's fields are used: the type gives the verb, the participants the subject and the other side
(the first participant acts: the host of a reception, the sender of a message), the date and the place the
opening phrase. Everything language-specific is data (render_en.yaml and the *_en.tsv tables).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from doingoai.config import HOME
from doingoai.render.names import english_name
from doingoai.render.states import adjective, possessive, state_name
from doingoai.render.tables import key, phrases, places
from doingoai.render.titles import english_title

__all__ = ["date_phrase", "person_phrase", "place_phrase", "render_event", "render_figure", "render_relation"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_YEARLESS_DAY = re.compile(r"^--(\d{2})-(\d{2})$")
_YEARLESS_MONTH = re.compile(r"^--(\d{2})$")


def _month(number: str) -> str:
    months: list[str] = phrases()["months"]
    return months[int(number) - 1]


def _parts(value: str) -> tuple[str | None, str | None, str | None]:
    """(year, month name, day) of a record date; None where the record does not say."""
    if m := _DAY.match(value):
        return m[1], _month(m[2]), str(int(m[3]))
    if m := _MONTH.match(value):
        return m[1], _month(m[2]), None
    if m := _YEAR.match(value):
        return m[1], None, None
    if m := _YEARLESS_DAY.match(value):
        return None, _month(m[1]), str(int(m[2]))
    if m := _YEARLESS_MONTH.match(value):
        return None, _month(m[1]), None
    return None, None, None


def _written(year: str | None, month: str | None, day: str | None) -> str:
    return " ".join(x for x in (day, month, year) if x)


def date_phrase(date: Mapping[str, Any] | None) -> str:
    """"On 24 April 2025", "On the afternoon of 24 April 2025", "In April 2025", "From 18 to 20 August 2024"."""
    if not date or not date.get("start"):
        return ""
    year, month, day = _parts(str(date["start"]))
    if not (year or month):
        return ""
    end = date.get("end")
    if end and end != date["start"]:
        y2, m2, d2 = _parts(str(end))
        if (year and y2 and y2 != year) or not (d2 and day):
            return f"From {_written(year, month, day)} to {_written(y2, m2, d2)}"
        if m2 == month:
            return f"From {day} to {_written(y2 or year, m2, d2)}"
        return f"From {_written(None, month, day)} to {_written(y2 or year, m2, d2)}"
    if day:
        part = date.get("part_of_day")
        lead: str = phrases()["parts_of_day"].get(part, "") if part else ""
        at = "At" if part == "noon" else "On"
        return f"{at} {lead + ' ' if lead else ''}{_written(year, month, day)}"
    return f"In {_written(year, month, day)}"


def place_phrase(place: Mapping[str, Any] | None) -> str:
    """"in Hanoi", "in Kunming, China", "at the Great Hall of the People", "in Laos"; "" when none is given."""
    if not place:
        return ""
    name, country = place.get("name"), place.get("country")
    if not name:
        return f"in {state_name(country)}" if country else ""
    found = places().get(key(name))
    if found and found.kind == "venue":
        return f"at {found.english}"
    english = found.english if found else name
    if country and country != HOME and key(english) != key(state_name(country).removeprefix("the ")):
        return f"in {english}, {state_name(country)}"
    return f"in {english}"


def person_phrase(person: Mapping[str, Any]) -> str:
    """"Philippine Ambassador Meynardo Los Banos Montealegre", "General Secretary Tô Lâm", "Raul Castro of Cuba"."""
    name = english_name(str(person.get("name") or ""))
    country = person.get("country")
    title = english_title(person.get("title"), country)
    foreign = bool(country) and country != HOME
    if not title.text:
        return f"{name} of {state_name(country)}" if foreign and country else name
    adj = adjective(country) if foreign and country else None
    if adj and not title.qualified:
        return f"{adj} {title.text} {name}"
    org = person.get("org")
    if not country and org and str(org).isupper() and not title.qualified:
        return f"{org} {title.text} {name}"  # an officer of a body: "EU High Representative"
    return f"{title.text} {name}"


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _states(codes: Sequence[str]) -> str:
    # Vietnam first, as Vietnamese reports and their English versions name the pair
    ordered = sorted(dict.fromkeys(codes), key=lambda c: (c != HOME, list(codes).index(c)))
    return _and([state_name(c) for c in ordered])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _upgrade_level(event: Mapping[str, Any], relations: Sequence[Mapping[str, Any]]) -> str | None:
    """The level a relation_upgrade reached, when the same record names it for the same states in the same
    sentence (the event itself carries no level)."""
    ev = event.get("evidence") or {}
    same = [r for r in relations if sorted(r.get("countries") or []) == sorted(event.get("countries") or [])
            and (r.get("evidence") or {}).get("related") == ev.get("related")
            and (r.get("evidence") or {}).get("start", -1) < ev.get("end", -1)
            and ev.get("start", -1) < (r.get("evidence") or {}).get("end", -1)]
    year = str((event.get("date") or {}).get("start") or "")[:4]
    dated = [r for r in same if r.get("since") and str(r["since"]) == year]
    chosen = dated or (same if len({r.get("level") for r in same}) == 1 else [])
    return str(chosen[0]["level"]) if chosen else None


def render_event(event: Mapping[str, Any], relations: Sequence[Mapping[str, Any]] = (),
                 level: str | None = None) -> str:
    """The English sentence of one event (a record's ``events[i]`` or a knowledge-base row in that shape).
    ``relations``: the record's, where an upgrade finds the level it reached; ``level``: that level, when the
    caller knows it otherwise (the knowledge base)."""
    ph = phrases()
    kind = str(event.get("type"))
    verbs: dict[str, str] = ph["events"].get(kind) or ph["events"]["meeting"]
    planned = event.get("status") == "planned"
    people: list[Mapping[str, Any]] = list(event.get("participants") or [])
    countries: list[str] = list(event.get("countries") or [])
    place = dict(event.get("place") or {})
    bodies: list[str] = list(event.get("organizations") or event.get("bodies") or [])
    directed = kind in ("message", "statement", "protest")
    initiator = event.get("initiator") or (countries[0] if directed and countries else None)

    # the subject: the first participant and those of his state named with him; the other side: the rest
    if people:
        first = people[0].get("country")
        n = 1
        while n < len(people) and people[n].get("country") == first:
            n += 1
        subject = [person_phrase(p) for p in people[:n]]
        others = [person_phrase(p) for p in people[n:]]
        acting = {first} if first else set()
    else:
        acting = {initiator} if initiator else set()
        subject, others = [], []
    plural = len(subject) > 1
    other_states = [c for c in countries if c not in acting]

    obj: str | None = None
    if kind == "visit":
        target = place.get("country")
        if target and target not in acting:
            obj = state_name(target)
            place = {}
        elif other_states:
            obj = _states(other_states)
            place = {}  # the place a report gives is then the visitor's side, not the destination
        if not subject:
            visitors = [c for c in countries if c != target]
            adj = adjective(visitors[0]) if len(visitors) == 1 else None
            subject = [ph["delegation"].format(adj) if adj else _states(visitors)] if visitors else []
    elif kind == "conference":
        obj = ph["conference_of"].format(" and ".join(bodies)) if bodies else None
    elif kind == "relation_upgrade":
        subject, plural = [_states(countries)] if countries else subject, True
        obj = None
    elif others:
        obj = _and(others)
    elif other_states and (subject or directed):
        obj = _states(other_states) if directed or kind in ("agreement", "negotiation") else \
            ph["representatives_of"].format(_states(other_states))
    if not subject:
        if directed and initiator:
            subject = [state_name(initiator)]
        elif countries:
            subject, plural = [_states(countries)], len(set(countries)) > 1
            obj = None if kind not in ("visit", "conference") else obj
        else:
            subject = ["An unnamed party"]

    if kind == "relation_upgrade":
        level = level or _upgrade_level(event, list(relations))
        if level == "diplomatic_relations":
            verb = ph["upgrade_to"]["diplomatic_relations"]["base" if planned else "past"]
        elif level:
            verb = ph["upgrade_to"]["other"]["base" if planned else "past"].format(ph["levels"][level])
        else:
            verb = verbs["alone_base" if planned else "alone"]
    elif obj:
        verb = verbs["base" if planned else "past"].format(o=obj)
    else:
        verb = verbs["alone_base" if planned else "alone"]
    if planned:
        verb = ph["planned"].format("are" if plural else "is", verb)
    clause = f"{_and(subject)} {verb}"
    opening = " ".join(x for x in (date_phrase(event.get("date")), place_phrase(place)) if x)
    sentence = f"{opening}, {clause}" if opening else clause
    return _capital(sentence.rstrip(".")) + "."


def render_relation(relation: Mapping[str, Any]) -> str:
    """"Vietnam and the Philippines have had a strategic partnership since 2015." """
    ph = phrases()
    codes = list(relation.get("countries") or relation.get("pair") or [])
    ordered = sorted(codes, key=lambda c: (c != HOME, c))
    a, b = (state_name(ordered[0]), state_name(ordered[1])) if len(ordered) == 2 else (_states(ordered), "")
    level = ph["levels"].get(str(relation.get("level")), str(relation.get("level")).replace("_", " "))
    since = relation.get("since")
    pattern = ph["relation"]["since" if since else "now"]
    return _capital(pattern.format(a=a, b=b, level=level, since=since))


def _number(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(value: float, unit: str | None, qualifier: str | None) -> str:
    """"more than USD 10 billion", "about 30"."""
    ph = phrases()
    text = _number(float(value))
    if unit:
        text = f"{unit} {text}"
    lead = ph["qualifiers"].get(qualifier) if qualifier else None
    return f"{lead} {text}" if lead else text


def render_figure(figure: Mapping[str, Any]) -> str:
    """"Vietnam and the Philippines target two-way trade of USD 10 billion." """
    ph = phrases()
    codes = list(figure.get("countries") or [])
    partners = [c for c in codes if c != HOME]
    pattern: str = ph["figures"].get(str(figure.get("kind")), ph["figures"]["count"])
    value = float(figure.get("value") or 0)
    text = pattern.format(
        states=_states(codes) if codes else "Vietnam", amount=amount(value, figure.get("unit"),
                                                                     figure.get("qualifier")),
        value=_number(value), partner=_and([state_name(c) for c in partners]) if partners else "its partners",
        what=figure.get("what") or "")
    return _capital(text.replace(" (“”)", ""))


def possessive_state(code: str) -> str:
    return possessive(state_name(code))
