"""Who acts and who is acted upon, for one cue in one sentence.

The genre's word order is fixed enough for a few rules: the acting side stands before an active cue
("A tiếp B", "A và B hội đàm"), the other side after it up to the next cue ("hội kiến B; C; chào D");
a nominal cue takes its sides after it ("cuộc gặp giữa A và B", "chuyến thăm của A tới X"); a
passive cue swaps them ("B được A tiếp").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from doingoai.analyse.mentions import BodyMention, PlaceMention, StateMention
from doingoai.analyse.people import PersonMention, grammar
from doingoai.analyse.sentences import Sentence
from doingoai.analyse.spans import Spans
from doingoai.extract.cues import Cue
from doingoai.extract.document import Doc
from doingoai.lexicon import Table, patterns

__all__ = ["Sides", "sides_of"]


def _home_office(m: PersonMention) -> bool:
    """A Vietnamese office named alone ("Chủ tịch nước sẽ thăm ..."): a side of the act, Vietnam's."""
    return m.name is None and m.country is None and (m.title or "").casefold() in grammar().home_titles


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_arguments.yaml``."""
    return patterns("patterns_arguments.yaml")




@dataclass(slots=True)
class Sides:
    agents: list[PersonMention] = field(default_factory=list)
    others: list[PersonMention] = field(default_factory=list)
    inviters: list[PersonMention] = field(default_factory=list)
    states: list[StateMention] = field(default_factory=list)  # states named after the cue, outside people
    states_before: list[StateMention] = field(default_factory=list)
    bodies: list[BodyMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    destination: StateMention | PlaceMention | None = None


def _free(items: list, cover: Spans) -> list:  # type: ignore[type-arg]
    """Mentions that are not part of a person's title ("Đại sứ Philippines tại Việt Nam"); ``cover``: the
    people's spans."""
    return [x for x in items if not cover.holds(x.start, x.end)]


def _coordinated_before(doc: Doc, before: list[PersonMention], after: int = -1) -> list[PersonMention]:
    """The nearest person before the cue and those joined to them by "và", "cùng", ","; by ";" too from ``after`` on
    (where no other act stands before them in the sentence): "A; B; C đã gửi điện mừng" lists the senders, while in
    "A gửi điện tới B; C gửi điện" C alone sends."""
    if not before:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        gap = doc.text[m.end:group[0].start]
        if _rx().coordination.match(gap) and (";" not in gap or m.start >= after >= 0):
            group.insert(0, m)
        else:
            break
    return group


def sides_of(doc: Doc, sent: Sentence, cue: Cue, next_cue: Cue | None, prev_cue: Cue | None) -> Sides:
    # named people, people a title refers back to, and unnamed office holders of a stated state
    people = [m for m in doc.in_span(doc.mentions, sent.start, sent.end)
              if m.name or doc.person_of(m) or m.country or _home_office(m)]
    stop = next_cue.start if next_cue else sent.end
    if next_cue is not None and next_cue.start < sent.end and doc.text[next_cue.start] not in ";,":
        # "A gửi điện tới B; C gửi điện tới D": C, after the last ";" before the next act and right before it, is that
        # act's subject (not "hội kiến A; B và đến chào C" nor "hội kiến A; B; chào C", where B is one more of those
        # A's act meets)
        semi = doc.text.rfind(";", cue.end, next_cue.start)
        subject = [p for p in people if semi < p.start and p.end <= next_cue.start] if semi >= 0 else []
        if subject and _rx().verb_gap.match(doc.text[subject[-1].end:next_cue.start]):
            stop = semi
    start_before = sent.start
    before = [p for p in people if start_before <= p.start and p.end <= cue.start]
    after = [p for p in people if p.start >= cue.end and p.start < stop]
    inviters = [p for p in after if _rx().invitation.search(doc.text[max(sent.start, p.start - 30):p.start])]
    after = [p for p in after if p not in inviters]
    sides = Sides(inviters=inviters)
    # (looked for only when someone stands before the cue: nothing to read otherwise)
    invited = _rx().invited_by.search(doc.text, sent.start, cue.start) if before else None
    if invited and before and before[0].start >= invited.end():
        # "Nhận lời mời của A và B, C sẽ thăm ...": A and B invite, C (after the last comma) acts
        comma = doc.text.rfind(",", invited.end(), before[-1].start)
        acting = [p for p in before if p.start > comma] if comma >= 0 else before[-1:]
        sides.inviters = [*[p for p in before if p not in acting], *sides.inviters]
        before = acting
    if cue.type == "reception" and _rx().fronted_host.match(doc.text[sent.start:cue.end]):
        # "Tiếp Tổng lãnh sự Lào có Chủ tịch UBND tỉnh X - ông Y": the hosts come after "có"
        host_at = doc.text.find(" có ", cue.end, sent.end)
        if host_at > 0:
            sides.others = [p for p in after if p.start < host_at]
            sides.agents = [p for p in after if p.start > host_at][:1]
            after = []
    if sides.agents or sides.others:
        pass
    elif cue.voice == "passive":
        # "B được A tiếp": the host stands inside the construction
        inside = [p for p in people if cue.start <= p.start and p.end <= cue.end]
        in_turn = doc.text[cue.start:cue.end].casefold().startswith("lần lượt")
        sides.agents = (inside or after) if in_turn else (inside or after)[:1]
        sides.others = _coordinated_before(doc, before)
    elif cue.voice == "noun":
        # a nominal's sides stand in its own phrase: up to the clause's end
        phrase_end = _phrase_end(doc.text, cue.end, stop)
        if _rx().with_or_between.match(doc.text[cue.end:cue.end + 20]):
            phrase_end = stop  # "các cuộc tiếp xúc với A, B và C": the list is the object
        after = [p for p in after if p.start < phrase_end]
        vn = [p for p in after if (doc.person_of(p) and doc.person_of(p).country == "VN")]  # type: ignore[union-attr]
        if after and cue.type == "visit":
            sides.agents, sides.others = after[:1], after[1:]
        elif vn and len(after) > len(vn):
            sides.agents, sides.others = vn, [p for p in after if p not in vn]
        elif after:
            sides.others = after
            sides.agents = _coordinated_before(doc, before) or [p for p in people if p.start >= stop][:1]
        elif before and _rx().subject_gap.match(doc.text[before[-1].end:cue.start]):
            # "A và phu nhân đang có chuyến thăm ...": the subject of the light verb makes the act
            sides.agents = _coordinated_before(doc, before)
    else:
        # (a list joined by ";" reads as one only when no other act comes before it in the sentence)
        alone = sent.start if prev_cue is None or prev_cue.end <= sent.start else -1
        sides.agents, sides.others = _coordinated_before(doc, before, alone), after
    if not sides.agents and len(sides.others) > 1 and _rx().between.match(doc.text, cue.end):
        sides.agents, sides.others = sides.others[:1], sides.others[1:]  # "cuộc điện đàm giữa A và B": the two sides
    end = _phrase_end(doc.text, cue.end, stop)
    if not sides.agents and cue.voice == "noun" and _rx().own.match(doc.text[end - 14:end].rstrip(" .")):
        sides.agents = before[-1:]  # "nhân chuyến công tác tại Việt Nam của ông": the person just named
    if not sides.agents and sides.others and not before and cue.type == "reception":
        # "Chiều 6/8, tại trụ sở Chính phủ, tiếp Bộ trưởng X đang thăm chính thức Việt Nam, Thủ tướng Y khẳng định":
        # the host of a reception told first is the subject after the clause, past the guest's own trip
        comma = doc.text.find(",", sides.others[-1].end, sent.end)
        host = [p for p in people if comma >= 0 and p.start > comma]
        if host and host[0].country != sides.others[0].country:
            sides.agents = host[:1]
    if not sides.agents:
        _agents_elsewhere(doc, sides, people, _phrase_end(doc.text, cue.end, stop))
    cover = Spans((p.start, p.end) for p in people)  # (once for states and places)
    states = _free(doc.in_span(doc.states, sent.start, sent.end), cover)
    sides.states = [s for s in states if cue.end <= s.start < stop]
    sides.states_before = [s for s in states if s.end <= cue.start and (prev_cue is None or s.start >= prev_cue.end)]
    sides.bodies = [b for b in doc.in_span(doc.bodies, sent.start, sent.end) if cue.end <= b.start < stop]
    sides.places = _free(doc.in_span(doc.places, sent.start, sent.end), cover)
    sides.destination = _destination(doc, cue, stop, sides)
    return sides


def _agents_elsewhere(doc: Doc, sides: Sides, people: list[PersonMention], phrase_end: int) -> None:
    """No one stands before the cue: "Trong cuộc điện đàm, A và B ...", "Trong khuôn khổ chuyến thăm X, A ..."."""
    home = [p for p in sides.others if (q := doc.person_of(p)) is not None and q.country == "VN"]
    if home:
        sides.agents = home
        sides.others = [p for p in sides.others if p not in home]
        return
    if not sides.others:
        later = [p for p in people if p.start >= phrase_end and p not in sides.inviters]
        sides.agents = _coordinated_after(doc, later)


def _coordinated_after(doc: Doc, later: list[PersonMention]) -> list[PersonMention]:
    if not later:
        return []
    group = [later[0]]
    for m in later[1:]:
        if _rx().coordination.match(doc.text[group[-1].end:m.start]):
            group.append(m)
        else:
            break
    return group


def _phrase_end(text: str, start: int, stop: int) -> int:
    m = re.search(r"[;,]", text[start:stop])
    return start + m.start() if m else stop


def _destination(doc: Doc, cue: Cue, stop: int, sides: Sides) -> StateMention | PlaceMention | None:
    """Where a visit goes: the first state or place after the cue, directly or after "tới/đến/sang"."""
    candidates: list[StateMention | PlaceMention] = [*sides.states, *(p for p in sides.places
                                                                      if cue.end <= p.start < stop)]
    candidates.sort(key=lambda x: x.start)
    for c in candidates:
        gap = doc.text[cue.end:c.start]
        if len(gap) <= 40 or _rx().destination_word.search(gap):
            return c
    return None
