"""Events: one per act and per counterpart, with participants, states, bodies, place, date, status,
salience and the sentence that states it (shared/spec/annotation-guide.md, "Events")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from doingoai.analyse.dates import DateExpr
from doingoai.analyse.mentions import PlaceMention, StateMention
from doingoai.analyse.people import PersonMention
from doingoai.analyse.sentences import Sentence
from doingoai.extract.arguments import Sides, sides_of
from doingoai.extract.cues import Cue, find_cues, is_planned_before
from doingoai.extract.document import HOME, Doc
from doingoai.extract.timeline import Reference, resolve
from doingoai.model import Event, EventDate, Evidence, Participant, Place

__all__ = ["extract_events"]

PAIRWISE = {"reception", "talks", "courtesy_call", "meeting", "phone_call"}
# An act dated this many days before the story's occasion belongs to an earlier occasion.
BACKGROUND_GAP_DAYS = 45
_BACKGROUND_MARKER = re.compile(r"\b(?:sau|kể từ|từ sau|trước đây|hồi|năm ngoái|lần trước|trước đó nữa)\s+(?:\S+\s+){0,3}$",
                                re.IGNORECASE)
_ANNIVERSARY_BEFORE = re.compile(r"(?:kỷ niệm|đánh dấu|tròn|kể từ khi|từ khi|sau khi|năm)\s+(?:\S+\s+){0,6}$",
                                 re.IGNORECASE)
_LATER = re.compile(r"\bsắp tới\b", re.IGNORECASE)


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


def _country(doc: Doc, m: PersonMention) -> str | None:
    p = doc.person_of(m)
    return (p.country if p else None) or m.country


def _participants(doc: Doc, mentions: list[PersonMention]) -> tuple[Participant, ...]:
    out: list[Participant] = []
    seen: set[str] = set()
    for m in mentions:
        p = doc.person_of(m)
        name = p.name if p else m.name
        if not name or name in seen:
            continue
        seen.add(name)
        title = m.title or (p.title if p else None)
        out.append(Participant(name, title, _country(doc, m), (p.org if p else None) or m.org))
    return tuple(out)


def _unique(items: list[str | None]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def _agent_countries(doc: Doc, sides: Sides) -> list[str]:
    found = _unique([_country(doc, m) for m in sides.agents])
    if not found and sides.states_before:
        found = _unique([s.code for s in sides.states_before[-1:]])
    return found


def _pairwise(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    agents = _agent_countries(doc, sides)
    groups: dict[str, list[PersonMention]] = {}
    for m in sides.others:
        c = _country(doc, m)
        if c and c not in agents:
            groups.setdefault(c, []).append(m)
    if not groups and not sides.others:
        for s in sides.states:
            if s.code not in agents:
                groups.setdefault(s.code, [])
    drafts = []
    for code, people in groups.items():
        drafts.append(Draft(cue.type, sent, cue, [*sides.agents, *people], _unique([*agents, code])))
    if not drafts and len(agents) >= 2:
        drafts.append(Draft(cue.type, sent, cue, list(sides.agents), agents))
    if not drafts and agents and agents != [HOME] and HOME not in agents and sides.others:
        drafts.append(Draft(cue.type, sent, cue, [*sides.agents, *sides.others], _unique([*agents, HOME])))
    return drafts


def _visit(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    dest = sides.destination
    if dest is None:
        return []
    code = dest.code if isinstance(dest, StateMention) else dest.country
    visitors = sides.agents or sides.others[:1]
    agents = _unique([_country(doc, m) for m in visitors]) or ([HOME] if code != HOME else [])
    if not agents or agents == [code]:
        return []
    name = dest.name if isinstance(dest, PlaceMention) else None
    return [Draft("visit", sent, cue, [*visitors, *sides.inviters], _unique([*agents, code]), place=Place(name, code))]


def _conference(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    agents = _agent_countries(doc, sides) or [HOME]
    keys = _unique([b.key for b in sides.bodies])
    if keys:
        return [Draft("conference", sent, cue, list(sides.agents), agents, [k]) for k in keys]
    others = _unique([*(s.code for s in sides.states), *(_country(doc, m) for m in [*sides.others, *sides.inviters])])
    return [Draft("conference", sent, cue, list(sides.agents), _unique([*agents, *others]))]


def _agreement(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    states = _unique([*_agent_countries(doc, sides), *(_country(doc, m) for m in sides.others),
                      *(s.code for s in sides.states)])
    if len(states) == 1 and doc.main_partner and states[0] != doc.main_partner:
        states.append(doc.main_partner)
    if len(states) < 2:
        return []
    base = states[0] if HOME not in states else HOME
    return [Draft("agreement", sent, cue, list(sides.agents), [base, s]) for s in states if s != base]


def _upgrade(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    before = doc.text[sent.start:cue.start]
    if _ANNIVERSARY_BEFORE.search(before[-60:]):
        return []
    states = _unique([*_agent_countries(doc, sides), *(s.code for s in sides.states),
                      *(s.code for s in sides.states_before)])
    if HOME not in states:
        states.insert(0, HOME) if len(states) < 2 else None
    if len(states) < 2 and doc.main_partner and doc.main_partner not in states:
        states.append(doc.main_partner)
    if len(states) < 2:
        return []
    return [Draft("relation_upgrade", sent, cue, list(sides.agents), states[:2])]


def _message(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    senders = sides.agents
    recipients = sides.others
    if not senders and sides.others and re.match(r"\s*của\b", doc.text[cue.end:cue.end + 6]):
        senders, recipients = sides.others[:1], sides.others[1:]
    by_state: dict[str, list[PersonMention]] = {}
    for m in senders:
        c = _country(doc, m)
        if c:
            by_state.setdefault(c, []).append(m)
    if not by_state:
        for s in sides.states_before:
            by_state.setdefault(s.code, [])
    targets = _unique([_country(doc, m) for m in recipients]) or [HOME]
    drafts = []
    for code, people in by_state.items():
        to = [t for t in targets if t != code] or ([HOME] if code != HOME else [])
        if not to and doc.main_partner:
            to = [doc.main_partner]
        drafts.append(Draft("message", sent, cue, [*people, *recipients], _unique([code, *to])))
    return drafts


def _statement(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    people = doc.in_span(doc.mentions, sent.start, sent.end)
    speakers = [m for m in people if m.title and "phát ngôn" in m.title.casefold()]
    if not speakers:
        return []
    code = _country(doc, speakers[0]) or HOME
    return [Draft("statement", sent, cue, speakers[:1], [code])]


def _negotiation(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    agents = _agent_countries(doc, sides) or [HOME]
    drafts = [Draft("negotiation", sent, cue, list(sides.agents), agents, [b]) for b in _unique(
        [b.key for b in sides.bodies])]
    drafts += [Draft("negotiation", sent, cue, list(sides.agents), _unique([*agents, s])) for s in _unique(
        [s.code for s in sides.states]) if s not in agents]
    return drafts


_BUILDERS = {"visit": _visit, "conference": _conference, "agreement": _agreement,
             "relation_upgrade": _upgrade, "message": _message, "statement": _statement,
             "negotiation": _negotiation}


def _place(doc: Doc, sent: Sentence, draft: Draft, sides: Sides) -> Place:
    if draft.type == "visit":
        return draft.place
    for p in sorted(sides.places, key=lambda p: abs(p.start - draft.cue.start)):
        before = doc.text[max(sent.start, p.start - 25):p.start].casefold()
        if "tại" in before or "ở" in before.split():
            return Place(p.name, p.country)
    for s in sides.states_before + sides.states:
        before = doc.text[max(sent.start, s.start - 8):s.start].casefold()
        if before.rstrip().endswith(("tại", "ở")):
            return Place(None, s.code)
    return Place(None, None)


def _date_for(doc: Doc, sent: Sentence, cue: Cue, next_cue: Cue | None) -> DateExpr | None:
    exprs = [d for d in doc.in_span(doc.dates, sent.start, sent.end) if d.month or d.relative is not None or d.year]
    before = [d for d in exprs if d.end <= cue.start and not _inside_people(doc, d)]
    if before:
        return before[-1]
    stop = next_cue.start if next_cue else sent.end
    after = [d for d in exprs if cue.end <= d.start < stop]
    return after[0] if after else None


def _inside_people(doc: Doc, d: DateExpr) -> bool:
    return any(p.start <= d.start and d.end <= p.end for p in doc.mentions)


def drafts_for(doc: Doc) -> list[Draft]:
    drafts: list[Draft] = []
    for sent in doc.sentences:
        cues = find_cues(sent.text, sent.start)
        for k, cue in enumerate(cues):
            nxt = cues[k + 1] if k + 1 < len(cues) else None
            prv = cues[k - 1] if k else None
            sides = sides_of(doc, sent, cue, nxt, prv)
            builder = _BUILDERS.get(cue.type, _pairwise)
            for d in builder(doc, cue, sent, sides):
                d.place = _place(doc, sent, d, sides)
                d.date = _date_for(doc, sent, cue, nxt)
                before = doc.text[sent.start:cue.start]
                later = bool(_LATER.search(doc.text[cue.end:nxt.start if nxt else sent.end]))
                d.planned = is_planned_before(before) or later
                d.background = bool(_BACKGROUND_MARKER.search(before[-40:])) or (
                    d.date is not None and d.date.marker == "hồi")
                drafts.append(d)
    return drafts


def _to_event(doc: Doc, d: Draft, ref: Reference, occasion: Draft | None) -> Event:
    date = d.date if d.date is not None else (occasion.date if occasion and not d.background else None)
    start, end, part = resolve(date, ref, d.planned)
    if d.date is None:
        part = None
    if ref.date and start and len(start) == 10 and start > ref.date.isoformat():
        planned = True
    elif ref.date and start and len(start) == 10 and start < ref.date.isoformat():
        planned = d.planned and False
    else:
        planned = d.planned
    place = d.place
    if place.country is None and occasion is not None and not d.background and d.type not in (
            "message", "statement", "relation_upgrade"):
        place = occasion.place
    countries = tuple(_unique(d.countries))
    return Event(
        type=d.type, section="article", salience="background" if d.background else "main",
        status="planned" if planned else "occurred", date=EventDate(start, end, part), place=place,
        participants=_participants(doc, d.people), countries=countries, organizations=tuple(d.organizations),
        evidence=Evidence(d.sentence.text, d.sentence.start, d.sentence.end))


def _same_act(a: Event, b: Event) -> bool:
    if set(a.countries) != set(b.countries) or set(a.organizations) != set(b.organizations):
        return False
    if a.type != b.type and {a.type, b.type} != {"reception", "courtesy_call"}:
        return False
    da, db = a.date.start, b.date.start
    return not da or not db or da.startswith(db) or db.startswith(da) or a.salience == b.salience == "main"


def _merge(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for e in events:
        same = next((k for k, o in enumerate(out) if _same_act(o, e)), None)
        if same is None:
            out.append(e)
            continue
        o = out[same]
        keep = o if o.type == "reception" or e.type != "reception" else e
        other = e if keep is o else o
        names = {p.name for p in keep.participants}
        participants = keep.participants + tuple(p for p in other.participants if p.name not in names)
        date = keep.date if keep.date.start and (not other.date.start or len(keep.date.start) >= len(
            other.date.start)) else other.date
        place = keep.place if keep.place.country else other.place
        out[same] = replace(keep, participants=participants, date=date, place=place)
    return out


def extract_events(doc: Doc, ref: Reference) -> list[Event]:
    drafts = drafts_for(doc)
    occasion = next((d for d in drafts if not d.background and d.date is not None), None)
    if occasion is not None:
        first = resolve(occasion.date, ref, occasion.planned)[0]
        for d in drafts:
            own = resolve(d.date, ref, d.planned)[0] if d.date else None
            if own and first and len(own) >= 7 and len(first) >= 7 and own[:7] < first[:7] and _months_apart(
                    own, first) * 30 > BACKGROUND_GAP_DAYS:
                d.background = True
    events = [_to_event(doc, d, ref, occasion) for d in drafts]
    return _merge(events)


def _months_apart(a: str, b: str) -> int:
    def months(s: str) -> int:
        if s.startswith("--"):
            return int(s[2:4])
        return int(s[:4]) * 12 + int(s[5:7])
    return abs(months(b) - months(a))
