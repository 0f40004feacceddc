"""One builder per event type: from a cue and its sides to draft events, one per act and counterpart."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from doingoai.analyse.dates import DateExpr
from doingoai.analyse.mentions import PlaceMention, StateMention
from doingoai.analyse.people import PersonMention, grammar
from doingoai.analyse.sentences import Sentence
from doingoai.config import HOME
from doingoai.extract.arguments import Sides
from doingoai.extract.cues import Cue
from doingoai.extract.document import Doc
from doingoai.model import Place

__all__ = ["BUILDERS", "Draft", "country_of", "unique"]

_ANNIVERSARY_BEFORE = re.compile(r"(?:(?:kỷ niệm|đánh dấu|tròn)\s+(?:\S+\s+){0,6}|(?:kể từ khi|từ khi|kể từ|sau khi)\s+"
                                 r"(?:\S+\s+){0,3}|(?:\d+|một|hai|ba|bốn|năm|mười)\s+năm\s+(?:\S+\s+){0,3})$",
                                 re.IGNORECASE)
# What makes a meeting held in Vietnam among Vietnamese a foreign-affairs act.
_FOREIGN_AFFAIRS = re.compile(r"đối ngoại|ngoại giao|Cơ quan đại diện|Đại sứ|quốc tế|nước ngoài|kiều bào|"
                              r"người Việt Nam ở nước ngoài|hội nhập", re.IGNORECASE)
_TWO_SIDES_BEFORE = re.compile(r"\bhai\s+(?:nhà lãnh đạo|Thủ tướng|bên|Bộ trưởng|Chủ tịch|Ngoại trưởng|Tổng thống|"
                               r"Tổng Bí thư|đoàn|nguyên thủ|Chủ tịch Quốc hội)\s+(?:\S+\s+){0,2}"
                               r"(?:đã|tiến hành|có cuộc|có buổi|cùng)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
_COUNTED_OBJECT = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:với\s+)?(?:hơn\s+|gần\s+)?\d+(?:/\d+)?\s+"
                             r"(?:nước|quốc gia|đối tác)", re.IGNORECASE)
_TWO_SIDES = re.compile(r"^\s*(?:giữa\s+)?hai\s+(?:Bộ Chính trị|Đảng|nước|bên|Thủ tướng|Bộ trưởng|Chủ tịch|"
                        r"nhà lãnh đạo|Ngoại trưởng|Tổng Bí thư|Quốc hội|Chính phủ|đoàn)", re.IGNORECASE)


@dataclass(slots=True)
class Draft:
    """An event being built: mentions still attached, resolved into an ``Event`` at the end."""

    type: str
    sentence: Sentence
    cue: Cue
    people: list[PersonMention] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    place: Place = field(default_factory=lambda: Place(None, None))
    date: DateExpr | None = None
    planned: bool = False
    background: bool = False


def unique(items: list[str | None]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def country_of(doc: Doc, m: PersonMention, fallback: str | None = None) -> str | None:
    p = doc.person_of(m)
    return (p.country if p else None) or m.country or fallback


def _agent_countries(doc: Doc, sides: Sides) -> list[str]:
    found = unique([country_of(doc, m) for m in sides.agents])
    if not found and sides.states_before:
        found = unique([s.code for s in sides.states_before[-1:]])
    return found


def _pairwise(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    if doc.text[cue.end:cue.end + 30].strip().casefold().startswith(grammar().not_counterparts):
        return []
    agents = _agent_countries(doc, sides)
    known = Counter(c for m in sides.others if (c := country_of(doc, m)) and c not in agents)
    guess = known.most_common(1)[0][0] if known else None
    groups: dict[str, list[PersonMention]] = {}
    for m in sides.others:
        c = country_of(doc, m) or guess or doc.partner_near(m.start)
        if c and c not in agents:
            groups.setdefault(c, []).append(m)
    if not groups and not sides.others:
        for s in sides.states:
            if s.code not in agents:
                groups.setdefault(s.code, [])
        # "chào xã giao lãnh đạo UBND tỉnh Tiền Giang": a place stands for its authorities
        for p in sides.places:
            if p.start >= cue.end and p.country not in agents and (not sides.states or p.start < sides.states[0].start):
                groups.setdefault(p.country, [])
                break
    two_sides = _TWO_SIDES.match(doc.text[cue.end:cue.end + 40]) or _TWO_SIDES_BEFORE.search(
        doc.text[sent.start:cue.start])
    if not groups and not sides.others and not sides.agents and two_sides:
        partner = doc.partner_near(cue.start)
        if partner:
            groups[partner] = []
    drafts = [Draft(cue.type, sent, cue, [*sides.agents, *part], unique([*agents, code]))
              for code, people in groups.items() for part in _split_list(doc, people)]
    if not drafts and len(agents) >= 2:
        drafts.append(Draft(cue.type, sent, cue, list(sides.agents), agents))
    if drafts and not agents:
        # the acting side is not named in this sentence: the story's own side (Vietnam) acts
        for d in drafts:
            d.countries = unique([HOME, *d.countries])
    return [d for d in drafts if len(d.countries) >= 2]


def _split_list(doc: Doc, people: list[PersonMention]) -> list[list[PersonMention]]:
    """People of one state listed with ";" ("hội kiến A; B") are met one by one: one act each."""
    if len(people) < 2:
        return [people]
    parts = [[people[0]]]
    for a, b in pairwise(people):
        if ";" in doc.text[a.end:b.start]:
            parts.append([b])
        else:
            parts[-1].append(b)
    return parts


def _visit(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    visitors = sides.agents or sides.others[:1]
    agents = unique([country_of(doc, m) for m in visitors])
    dest = sides.destination
    code: str | None = None
    name: str | None = None
    if dest is not None:
        code = dest.code if isinstance(dest, StateMention) else dest.country
        name = dest.name if isinstance(dest, PlaceMention) else None
    elif agents == [HOME] and cue.voice == "noun":
        # "sau chuyến thăm của Chủ tịch nước ... vào tháng 7/2024": the partner the passage is about
        code = doc.partner_near(cue.start)
    if code is None:
        return []
    if not agents:
        agents = [HOME] if code != HOME else []
    if not agents or agents == [code]:
        return []
    return [Draft("visit", sent, cue, [*visitors, *sides.inviters], unique([*agents, code]), place=Place(name, code))]


def _conference(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    agents = _agent_countries(doc, sides) or [HOME]
    keys = unique([b.key for b in sides.bodies])
    if keys:
        return [Draft("conference", sent, cue, list(sides.agents), agents, [k]) for k in keys]
    others = unique([*(s.code for s in sides.states),
                     *(country_of(doc, m) for m in [*sides.others, *sides.inviters])])
    countries = unique([*agents, *others])
    if countries == [HOME] and not _FOREIGN_AFFAIRS.search(doc.text[cue.end:sent.end]):
        return []  # a domestic meeting is no diplomatic act
    return [Draft("conference", sent, cue, list(sides.agents), countries)]


def _agreement(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    states = unique([*_agent_countries(doc, sides), *(country_of(doc, m) for m in sides.others),
                     *(s.code for s in sides.states)])
    if len(states) <= 1 and (len(states) == 1 or _TWO_SIDES_BEFORE.search(doc.text[sent.start:cue.start])
                             or re.search(r"\b(?:hai bên|hai nước|hai Phó Thủ tướng|hai Bộ trưởng|hai Thủ tướng)\b",
                                          doc.text[sent.start:cue.start], re.IGNORECASE)):
        partner = doc.partner_near(cue.start)
        states = unique([*(states or [HOME]), partner])
    if len(states) < 2:
        return []
    base = states[0] if HOME not in states else HOME
    return [Draft("agreement", sent, cue, list(sides.agents), [base, s]) for s in states if s != base]


def _upgrade(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    before = doc.text[sent.start:cue.start]
    if _ANNIVERSARY_BEFORE.search(before[-60:]):
        return []
    if _COUNTED_OBJECT.match(doc.text[cue.end:cue.end + 40]):
        return []  # "nâng cấp quan hệ với 10 nước": a tally of upgrades, told as a figure
    states = unique([*_agent_countries(doc, sides), *(s.code for s in sides.states),
                     *(s.code for s in sides.states_before)])
    if len(states) < 2 and HOME not in states:
        states.insert(0, HOME)
    if len(states) < 2:
        partner = doc.partner_near(cue.start)
        if partner and partner not in states:
            states.append(partner)
    if len(states) < 2:
        return []
    return [Draft("relation_upgrade", sent, cue, list(sides.agents), states[:2])]


def _message(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    senders, recipients = sides.agents, sides.others
    if not senders and sides.others and re.match(r"\s*của\b", doc.text[cue.end:cue.end + 6]):
        senders, recipients = sides.others[:1], sides.others[1:]
    by_state: dict[str, list[PersonMention]] = {}
    for m in senders:
        c = country_of(doc, m)
        if c:
            by_state.setdefault(c, []).append(m)
    if not by_state:
        for s in sides.states_before:
            by_state.setdefault(s.code, [])
    targets = unique([country_of(doc, m) for m in recipients]) or [HOME]
    if re.search(r"trao đổi\s*$", doc.text[max(sent.start, cue.start - 12):cue.start]) and len(by_state) == 1:
        # "trao đổi điện mừng": each side sends one
        for t in targets:
            if t not in by_state:
                by_state[t] = [m for m in recipients if country_of(doc, m) == t]
    drafts = []
    for code, people in by_state.items():
        to = [t for t in targets if t != code] or ([HOME] if code != HOME else [])
        if not to:
            partner = doc.partner_near(cue.start)
            to = [partner] if partner and partner != code else []
        drafts.append(Draft("message", sent, cue, [*people, *recipients], unique([code, *to])))
    return [d for d in drafts if len(d.countries) >= 2]


def _statement(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    people = doc.in_span(doc.mentions, sent.start, sent.end)
    speakers = [m for m in people if m.title and "phát ngôn" in m.title.casefold()]
    if not speakers:
        return []
    code = country_of(doc, speakers[0]) or HOME
    return [Draft("statement", sent, cue, speakers[:1], [code])]


def _negotiation(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    agents = _agent_countries(doc, sides) or [HOME]
    drafts = [Draft("negotiation", sent, cue, list(sides.agents), agents, [b])
              for b in unique([b.key for b in sides.bodies])]
    drafts += [Draft("negotiation", sent, cue, list(sides.agents), unique([*agents, s]))
               for s in unique([s.code for s in [*sides.states_before, *sides.states]]) if s not in agents]
    return drafts


Builder = Callable[[Doc, Cue, Sentence, Sides], list[Draft]]
BUILDERS: dict[str, Builder] = {
    "reception": _pairwise, "talks": _pairwise, "courtesy_call": _pairwise, "meeting": _pairwise,
    "phone_call": _pairwise, "visit": _visit, "conference": _conference, "agreement": _agreement,
    "relation_upgrade": _upgrade, "message": _message, "statement": _statement, "negotiation": _negotiation,
}
