"""One builder per event type: from a cue and its sides to draft events, one per act and counterpart."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from doingoai.analyse.dates import DateExpr
from doingoai.analyse.mentions import PlaceMention, StateMention
from doingoai.analyse.people import PersonMention, grammar
from doingoai.analyse.sentences import Sentence
from doingoai.config import HOME
from doingoai.extract.arguments import Sides
from doingoai.extract.cues import Cue
from doingoai.extract.document import Doc
from doingoai.lexicon import Table, load_yaml, patterns
from doingoai.model import Place

__all__ = ["BUILDERS", "ONE_BY_ONE", "Draft", "country_of", "home_office", "may_state", "objects", "unique"]


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_builders.yaml``."""
    return patterns("patterns_builders.yaml")



ONE_BY_ONE = {"courtesy_call", "meeting"}  # acts a list of hosts makes one each ("hội kiến A; B")




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
    done: bool = False  # told as done ("đã", "vừa") in its own sentence
    background: bool = False
    accepted: bool = False  # a visit invited and accepted ("nhận lời mời thăm"): to come, another occasion


def unique(items: list[str | None]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def country_of(doc: Doc, m: PersonMention, fallback: str | None = None) -> str | None:
    p = doc.person_of(m)
    return (p.country if p else None) or m.country or (HOME if home_office(m) else fallback)


def home_office(m: PersonMention) -> bool:
    """A Vietnamese office named alone, with no name and no state: "Chủ tịch nước sẽ thăm ..." """
    return m.name is None and m.country is None and (m.title or "").casefold() in grammar().home_titles


def _agent_countries(doc: Doc, sides: Sides) -> list[str]:
    found = unique([country_of(doc, m) for m in sides.agents])
    if not found and sides.states_before:
        # the last state named before the act, and those joined to it ("Mỹ và Trung Quốc đã tiến hành tham vấn")
        joined = sides.states_before[-1:]
        for st in reversed(sides.states_before[:-1]):
            if not _rx().list_join.fullmatch(doc.text, st.end, joined[0].start):
                break
            joined.insert(0, st)
        found = unique([s.code for s in joined])
    return found


def _two_sides(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """"hai bên", "hai nhà lãnh đạo" around the cue: asked only of a cue with no side found (three searches)."""
    return bool(_rx().two_sides.match(doc.text[cue.end:cue.end + 40]) or _rx().two_sides_before.search(
        doc.text[sent.start:cue.start]) or _rx().both_sides.search(doc.text, sent.start, sent.end))


def _names_sport(folded: str) -> bool:
    """A sport's word in the case-folded sentence (folded once, not once per word)."""
    return any(w in folded for w in grammar().sports)


def _pairwise(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    if doc.text[cue.end:cue.end + 30].strip().casefold().startswith(grammar().not_counterparts):
        return []
    if cue.voice == "noun" and not sides.others and _rx().plural_before.search(
            doc.text, max(sent.start, cue.start - 12), cue.start):
        return []  # "các cuộc gặp giữa các nhà lãnh đạo hai quốc gia": talk of contacts in general, no act
    if cue.type == "meeting" and _names_sport(sent.text.casefold()):
        return []  # "U23 Việt Nam gặp U23 Thái Lan", "đội tuyển ... gặp Thái Lan": a match, not a meeting
    if cue.type == "meeting" and _rx().negotiators.match(doc.text, cue.end, min(sent.end, cue.end + 40)):
        return []  # "cuộc gặp giữa hai đoàn đàm phán": the negotiation's round, told by its own cue
    agents = _agent_countries(doc, sides)
    if not agents and not sides.agents and _rx().pronoun_subject.match(doc.text, sent.start, cue.start):
        # "A tiếp B. Ông cũng đã điện đàm với Tổng thống Mexico": the subject of the sentence before (A), not Vietnam
        # by default
        prev = next((x for x in reversed(doc.sentences) if x.end <= sent.start), None)
        subject = doc.people_idx_in(prev.start, prev.end)[:1] if prev is not None else []
        if subject:
            sides.agents = [doc.mentions[subject[0]]]
            agents = unique([country_of(doc, sides.agents[0])])
    agent_bodies = unique([_body_of(doc, m) for m in sides.agents])
    if agent_bodies and not agents:
        # "Đại diện cấp cao Liên minh châu Âu (EU) X hội kiến Chủ tịch nước Tô Lâm": the body's official acts
        hosts = unique([country_of(doc, m) for m in sides.others]) or [HOME]
        return [Draft(cue.type, sent, cue, [*sides.agents, *sides.others], hosts[:1], agent_bodies[:1])]
    known = Counter(c for m in sides.others if (c := country_of(doc, m)) and c not in agents)
    guess = known.most_common(1)[0][0] if known else None
    groups: dict[str, list[PersonMention]] = {}
    bodies: dict[str, list[PersonMention]] = {}
    for m in sides.others:
        body = _body_of(doc, m)
        if body is not None:
            bodies.setdefault(body, []).append(m)  # "Đại diện cấp cao ... của Liên minh châu Âu (EU) Joseph Borell"
            continue
        c = country_of(doc, m) or guess or doc.partner_near(m.start)
        if c and c not in agents:
            groups.setdefault(c, []).append(m)
    if not groups and not sides.others:
        for s in sides.states:
            if s.code not in agents and not _rx().at_place.search(doc.text, max(sent.start, s.start - 16), s.start):
                groups.setdefault(s.code, [])  # (not "tại Vienna (Áo)": where the act is)
        # "chào xã giao lãnh đạo UBND tỉnh Tiền Giang": a place stands for its authorities
        for p in sides.places:
            if _rx().at_place.search(doc.text, max(sent.start, p.start - 16), p.start):
                continue  # "hội đàm ... tại thành phố Busan": where the act is, not with whom
            if p.start >= cue.end and p.country not in agents and (not sides.states or p.start < sides.states[0].start):
                groups.setdefault(p.country, [])
                break
    if not groups and not sides.others and _rx().the_delegation.match(doc.text, cue.end, min(sent.end, cue.end + 20)):
        # "thân mật tiếp Đoàn": the delegation the story is about
        partner = doc.partner_near(cue.start)
        if partner and partner not in agents:
            groups[partner] = _last_of(doc, [partner], cue.start)  # the delegation's head, named before
    if not groups and not sides.others and cue.type == "phone_call" and agents and HOME not in agents:
        # "Nhân dịp đồng chí A được bầu giữ chức Thủ tướng, ngày 6/4, Thủ tướng Lào B đã gọi điện chúc mừng": a foreign
        # leader's call with no counterpart after the verb is to the Vietnamese the sentence names before it
        home = [m for m in doc.in_span(doc.mentions, sent.start, cue.start) if country_of(doc, m) == HOME]
        if home:
            groups[HOME] = home[:1]
    if not groups and not sides.others and not sides.agents and _two_sides(doc, cue, sent):
        # "hai nhà lãnh đạo đã hội đàm": the two states the passage is about, Vietnam or not
        pair = doc.pair_near(cue.start)
        if len(pair) == 2:
            return [Draft(cue.type, sent, cue, _last_of(doc, pair, cue.start), pair)]
    if _rx().delegation_object.match(doc.text, cue.end, min(sent.end, cue.end + 30)):
        # "hội đàm với Đoàn đại biểu Đảng Cộng sản Trung Quốc": the delegation's head, named before, takes part
        for code, people in groups.items():
            if not people:
                people.extend(_last_of(doc, [code], cue.start))
    if not agents and len(groups) == 2 and _two_sides(doc, cue, sent):
        # "Hai bên tiến hành tham vấn dưới sự chủ trì của A (Trung Quốc) và B (Mỹ)": the two sides are the two named
        pair = list(groups)
        return [Draft(cue.type, sent, cue, [m for code in pair for m in groups[code]], pair)]
    host_groups: list[list[PersonMention]] = [list(sides.agents)]
    if len(sides.agents) > 1 and _rx().in_turn.search(doc.text, sent.start, cue.end):
        host_groups = [[a] for a in sides.agents]  # "lần lượt được A, B, C tiếp": one reception by each
    drafts = [Draft(cue.type, sent, cue, [*host, *part], unique([*agents, code]))
              for code, people in groups.items() for part in _split_list(doc, people, cue, sent)
              for host in host_groups]
    drafts += [Draft(cue.type, sent, cue, [*sides.agents, *people], agents or [HOME], [key])
               for key, people in bodies.items()]
    if not drafts and len(agents) >= 2:
        drafts.append(Draft(cue.type, sent, cue, list(sides.agents), agents))
    if drafts and not agents:
        # the acting side is not named in this sentence: the story's own side (Vietnam) acts; in a story where no
        # Vietnamese takes part (Xi Jinping's talks with Vladimir Putin, as the press reports them), the other state
        # of the pair the passage is about
        home_acts = _home_takes_part(doc)
        seen: dict[frozenset[str], Draft] = {}
        for d in drafts:
            own = HOME if home_acts else next((c for c in doc.pair_near(cue.start) if c not in d.countries), None)
            d.countries = unique([own, *d.countries])
            same = seen.setdefault(frozenset(d.countries), d)
            if same is not d:  # two counterparts of one pair: one act ("hội đàm với Putin, Tập Cận Bình ...")
                same.people += [m for m in d.people if m not in same.people]
        drafts = [d for d in drafts if seen.get(frozenset(d.countries)) is d]
    return [d for d in drafts if len(d.countries) >= 2 or d.organizations]


def _home_takes_part(doc: Doc) -> bool:
    """Whether the story names Vietnam or a Vietnamese (once per story)."""
    if "home_takes_part" not in doc.memo:
        doc.memo["home_takes_part"] = any(s.code == HOME for s in doc.states) or any(
            country_of(doc, m) == HOME for m in doc.mentions)
    return bool(doc.memo["home_takes_part"])


def _own_range(doc: Doc, start: int, end: int) -> DateExpr | None:
    """The dates right after a destination of a trip of several ("Ai Cập từ ngày 4 đến 6/8 và Angola từ ngày 6
    đến 8/8"): each stop's own, when one stands there."""
    following: list[DateExpr] = [d for d in doc.in_span(doc.dates, start, end) if d.month is not None]
    if following and re.fullmatch(r"[\s(]*", doc.text[start:following[0].start]):
        return following[0]
    return None


def _without_dates(doc: Doc, start: int, end: int) -> str:
    """``text[start:end]`` with its date expressions (and brackets around them) and "tới/đến/sang" taken out."""
    text = doc.text
    parts, at = [], start
    for d in doc.in_span(doc.dates, start, end):
        parts.append(text[at:d.start])
        at = d.end
    parts.append(text[at:end])
    return _rx().place_words.sub(" ", "".join(parts))


def _last_of(doc: Doc, states: list[str], offset: int) -> list[PersonMention]:
    """The leader of each of ``states`` in the passage before ``offset`` ("hai lãnh đạo", "hai Thủ tướng": the
    two just named): the highest-ranked person named for the state, the last named of equal rank."""
    best: dict[str, PersonMention] = {}
    for i in doc.people_idx_in(max(0, offset - 1500), offset):
        m = doc.mentions[i]
        c = country_of(doc, m)
        if not (m.name or doc.person_of(m)) or c not in states:
            continue
        if c not in best or m.rank <= best[c].rank:
            best[c] = m
    return sorted(best.values(), key=lambda m: m.start)


def _body_of(doc: Doc, m: PersonMention) -> str | None:
    """The multilateral body an official serves when his mention names one and no state ("Tổng Thư ký
    ASEAN", "Đại diện cấp cao ... của Liên minh châu Âu (EU)")."""
    if country_of(doc, m):
        return None
    found = doc.in_span(doc.bodies, m.start, m.end)
    return found[0].key if found else None




def _split_list(doc: Doc, people: list[PersonMention], cue: Cue, sent: Sentence) -> list[list[PersonMention]]:
    """People of one state listed with ";" ("hội kiến A; B"), with "," after a call or meeting cue, or
    with anything after "lần lượt" (in turn) are met one by one: one act each."""
    if len(people) < 2:
        return [people]
    in_turn = bool(_rx().in_turn.search(doc.text, sent.start, cue.start))
    seps = (";", ",", " và ") if in_turn else (";", ",") if cue.type in ONE_BY_ONE else (";",)
    parts = [[people[0]]]
    for a, b in pairwise(people):
        if any(x in doc.text[a.end:b.start] for x in seps) and doc.person_of(b) is not doc.person_of(a):
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
    elif _rx().joined_visit.match(doc.text, cue.start, cue.end):
        # "đã thăm và đồng chủ trì ... tại Thủ đô Vientiane, Lào": the place the joined act is held at
        for p in doc.in_span(doc.places, cue.end, sent.end):
            if _rx().at_place.search(doc.text, max(sent.start, p.start - 16), p.start):
                code, name = p.country, (p.name if p.kind != "state" else None)
                break
    if code is None and agents == [HOME] and cue.voice == "noun":
        # "sau chuyến thăm của Chủ tịch nước ... vào tháng 7/2024": the partner the passage is about
        code = doc.partner_near(cue.start)
    elif code is None and cue.voice == "noun" and len(agents) == 1 and agents[0] not in (None, HOME) and \
            sides.agents and all(m.start >= cue.end for m in sides.agents) and any(
            country_of(doc, m) == HOME for m in doc.in_span(doc.mentions, sent.start, sent.end)):
        # "Trong khuôn khổ chuyến thăm, Thủ tướng Campuchia Hun Sen đã hội đàm với Thủ tướng Nguyễn Xuân Phúc": a
        # foreign visitor named after the trip that frames the sentence, with Vietnam's leaders: a visit to Vietnam
        code = HOME
    if code is None:
        return []
    if not agents:
        # no visitor named: Vietnam's own trip, unless the passage is about two other states
        # ("Chuyến thăm diễn ra trong bối cảnh Seoul và Tokyo ...")
        home_people = any(country_of(doc, m) == HOME for m in doc.in_span(doc.mentions, sent.start, sent.end))
        agents = [HOME] if code != HOME and (home_people or HOME in doc.pair_near(cue.start)) else []
    if cue.voice == "noun" and agents in ([], [code]):
        # "A hội đàm với B, nhân chuyến thăm chính thức Việt Nam (của Thủ tướng Bạn)": the trip that frames the act is
        # the guest's, the one person (or delegation) of another state the sentence names
        guests = [m for m in doc.in_span(doc.mentions, sent.start, sent.end) if country_of(doc, m) not in (None, code)]
        if len(unique([country_of(doc, m) for m in guests])) == 1:
            visitors, agents = guests, unique([country_of(doc, m) for m in guests])
    if not agents or agents == [code]:
        return []
    # "Nhận lời mời của Tổng thống Ai Cập A và Tổng thống Angola B, C sẽ thăm Ai Cập ... và Angola ...": each
    # visit names the inviter of its own destination
    def inviters(dest_code: str) -> list[PersonMention]:
        return [m for m in sides.inviters if country_of(doc, m) in (dest_code, None)]

    drafts = [Draft("visit", sent, cue, [*visitors, *inviters(code)], unique([*agents, code]), place=Place(name, code))]
    if dest is not None and len(sides.states) > 1:
        drafts[0].date = _own_range(doc, dest.end, sent.end)
    # "chuyến công du 3 nước gồm Malaysia, Lào và Việt Nam": one visit to each state of the list
    previous_end = dest.end if dest is not None else cue.end
    for st in sides.states:
        if dest is None or st.start <= dest.start:
            continue
        if not _rx().list_join.fullmatch(_without_dates(doc, previous_end, st.start)):
            break  # "tới Ấn Độ từ ngày 11 đến 13-10 và tới Sri Lanka từ ngày 13 đến 15-10" joins too
        previous_end = st.end
        if st.code not in (code, *agents):
            drafts.append(Draft("visit", sent, cue, [*visitors, *inviters(st.code)], unique([*agents, st.code]),
                                place=Place(None, st.code), date=_own_range(doc, st.end, sent.end)))
    return drafts


# How far back a gathering named by its common noun alone ("tham dự hội nghị") looks for the body it is of
BARE_GATHERING_CHARS = 800


def _conference(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    if _rx().bilateral_summit.match(doc.text, cue.end, min(sent.end, cue.end + 60)):
        return []  # "tham dự hội nghị thượng đỉnh với Thủ tướng Nhật Bản": talks (a cue of its own)
    if sides.agents and sides.agents[-1].end <= cue.start and _rx().frame_opened.search(
            doc.text, sides.agents[-1].end, cue.start):
        # "A hội đàm với B trong khuôn khổ chuyến thăm ... và tham dự Hội nghị ...": A, the sentence's subject, attends
        first = doc.in_span(doc.mentions, sent.start, sides.agents[-1].start)
        if first:
            sides.agents = first[:1]
    agents = _agent_countries(doc, sides)
    if not agents and _rx().pronoun_subject.match(doc.text, sent.start, cue.start):
        # "Ông dự kiến cũng sẽ tham dự ...": the person the story was just about
        before = doc.people_idx_in(max(0, sent.start - 600), sent.start)
        agents = unique([country_of(doc, doc.mentions[before[-1]])]) if before else []
    agents = agents or [HOME]
    keys = unique([b.key for b in sides.bodies])
    if not keys and _rx().bare_gathering.match(doc.text, cue.end, sent.end):
        # "dẫn đầu Đoàn đại biểu Việt Nam tham dự hội nghị": the body whose gathering the story named before
        named = doc.in_span(doc.bodies, max(0, cue.start - BARE_GATHERING_CHARS), cue.start)
        keys = [named[-1].key] if named else []
    if keys:
        return [Draft("conference", sent, cue, list(sides.agents), agents, [k]) for k in keys]
    others = unique([*(s.code for s in sides.states),
                     *(country_of(doc, m) for m in [*sides.others, *sides.inviters])])
    countries = unique([*agents, *others])
    if countries == [HOME] and not _rx().foreign_affairs.search(doc.text[cue.end:sent.end]):
        return []  # a domestic meeting is no diplomatic act
    return [Draft("conference", sent, cue, list(sides.agents), countries)]


def _agreement(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    # "Bộ Quốc phòng Việt Nam và Bộ Ngoại giao Hoa Kỳ ký Bản ghi nhớ": the signing ministries' states
    signers = [] if sides.agents else [st.code for st in doc.in_span(doc.states, sent.start, cue.start)
                                       if _rx().signer.search(doc.text, max(sent.start, st.start - 40), st.start)]
    states = unique([*_agent_countries(doc, sides), *signers, *(country_of(doc, m) for m in sides.others),
                     *(s.code for s in sides.states)])
    leaders = bool(_rx().both_sides.search(doc.text, sent.start, cue.start))
    before = doc.text[sent.start:cue.start]
    two_sides = leaders or bool(_rx().two_sides_before.search(before) or _rx().two_sides_named.search(before))
    body = None if two_sides else _signed_body(doc, cue, sent)
    if cue.voice == "noun":
        # "12 văn kiện hợp tác (giữa hai nước) được ký kết": the documents of the states they name, else of the
        # passage's two sides
        states = unique([*states, *(st.code for st in doc.in_span(doc.states, cue.start, cue.end))])
        two_sides = body is None
    signing = unique([*_agent_countries(doc, sides), *signers,
                      *(st.code for st in doc.in_span(doc.states, sent.start, cue.start))])
    if body is not None and len(signing) <= 1:
        # "Việt Nam ký kết Hiệp định CPTPP", "ký thỏa thuận với Ngân hàng Thế giới": the state signs with the body
        return [Draft("agreement", sent, cue, list(sides.agents), signing or [HOME], [body])]
    if len(states) <= 1 and (len(states) == 1 or two_sides):
        partner = doc.partner_near(cue.start)
        states = unique([*(states or [HOME]), partner])
    if len(states) < 2:
        return []
    base = states[0] if HOME not in states else HOME
    # "hai Thủ tướng chứng kiến lễ ký": the two leaders just named sign (or witness)
    return [Draft("agreement", sent, cue, list(sides.agents) or (_last_of(doc, [base, s], cue.start) if leaders
                                                                  else []), [base, s])
            for s in states if s != base]


def _signed_body(doc: Doc, cue: Cue, sent: Sentence) -> str | None:
    """The multilateral body or framework whose document is signed ("ký kết Hiệp định CPTPP", "ký Nghị định thư ...
    Hiệp định Thương mại Hàng hóa ASEAN", "ký thỏa thuận với Ngân hàng Thế giới"): a body named after the cue in the
    same clause, with no state named between (then the document is the body's, not a state's)."""
    # (the documents before the verb, as its subject: "Hiệp định CPTPP được ký kết", the cue's own span)
    begin = cue.start if cue.voice == "noun" else cue.end
    end = _rx().clause_end.search(doc.text, cue.end, sent.end)
    stop = min(end.start() if end else sent.end, cue.end + 120)
    bodies = doc.in_span(doc.bodies, begin, stop)
    if not bodies or doc.in_span(doc.states, begin, bodies[0].start):
        return None
    key: str = bodies[0].key
    return key


def _upgrade(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    before = doc.text[sent.start:cue.start]
    if _rx().anniversary_before.search(before[-60:]):
        return []
    if _rx().counted_object.match(doc.text[cue.end:cue.end + 40]):
        return []  # "nâng cấp quan hệ với 10 nước": a tally of upgrades, told as a figure
    states = unique([*_agent_countries(doc, sides), *(s.code for s in sides.states),
                     *(s.code for s in sides.states_before)])
    if len(states) < 2:
        # "hai nước sẽ nâng cấp quan hệ": the pair the passage is about (Vietnam's own, or two others)
        pair = doc.pair_near(cue.start)
        states = unique([*states, *(c for c in pair if not states or c != states[0])])
        if len(states) > 2 and states[0] not in pair:
            states = pair
    if len(states) < 2:
        return []
    return [Draft("relation_upgrade", sent, cue, list(sides.agents), states[:2])]


def _message(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    senders, recipients = sides.agents, sides.others
    if senders and all(m.start > cue.end for m in senders) and _rx().to_recipient.search(
            doc.text, cue.end, senders[0].start):
        # "X đã gửi thư chia buồn đến Tổng Bí thư Tô Lâm": who comes after "đến/tới" receives, not sends
        senders, recipients = [], [*senders, *recipients]
    if not senders and sides.others and _rx().of_after.match(doc.text[cue.end:cue.end + 6]):
        senders, recipients = sides.others[:1], sides.others[1:]
    by_state: dict[str, list[PersonMention]] = {}
    for m in senders:
        # "Tổng thống Nicaragua A và đồng Tổng thống B gửi thư": B serves the state named just before
        c = country_of(doc, m) or doc.partner_near(m.start, back=0)
        if c:
            by_state.setdefault(c, []).append(m)
    if by_state and senders:
        # "Lãnh đạo các nước Lào, Cuba, ... và Nhà vua Nhật Bản đã có điện mừng": the states listed after the leaders,
        # before the people named, send too
        lead = max((m.end() for m in _rx().leaders_of.finditer(doc.text, sent.start, senders[0].start)), default=-1)
        for s in sides.states_before if lead >= 0 else ():
            if lead <= s.start < senders[0].start and s.code != HOME:
                by_state.setdefault(s.code, [])
    if not by_state:
        # "lãnh đạo các nước Lào, Cuba ... đã có điện mừng": the states named before send; Vietnam named
        # among them ("Quốc khánh nước ... Việt Nam") is the occasion's, not a sender, when others are
        # "Sau vụ động đất tại Thái Lan và Myanmar, lãnh đạo Việt Nam đã gửi điện": only the states named
        # after the leaders send
        lead = max((m.end() for m in _rx().leaders_of.finditer(doc.text, sent.start, cue.start)), default=sent.start)
        named = [s.code for s in sides.states_before if s.start >= lead] or [s.code for s in sides.states_before]
        for code in [c for c in named if c != HOME] or named:
            by_state.setdefault(code, [])
    targets = unique([country_of(doc, m) for m in recipients]) or [HOME]
    exchange = bool(_rx().exchange_before.search(doc.text[max(sent.start, cue.start - 12):cue.start]))
    if exchange and len(by_state) == 2:
        # "A và B đã trao đổi điện mừng": each sends to the other; both take part in each message
        return [Draft("message", sent, cue, list(senders), [code, *(c for c in by_state if c != code)])
                for code in by_state]
    if exchange and len(by_state) == 1:
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


@cache
def _speakers() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """Institutions that speak for a state, seats named for their state, and the words of an objection
    (grammar.yaml)."""
    data = load_yaml("grammar.yaml")
    seats = {k.casefold(): v for k, v in data["statement_seats"].items()}
    names = sorted([*data["statement_institutions"], *data["statement_seats"]], key=len, reverse=True)
    objection = sorted(data["objection_words"], key=len, reverse=True)
    return (re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE), seats,
            re.compile(r"\b(?:" + "|".join(re.escape(w) for w in objection) + r")\b", re.IGNORECASE))


# How far before its verb a speaking institution may stand: "Bộ Ngoại giao Ukraine ngày 25/8 cho biết".
SPEAKER_CHARS = 60


def _institution_state(doc: Doc, sent: Sentence, cue: Cue) -> str | None:
    """The state an institution before ``cue`` speaks for: the state named right after it, or its seat's."""
    start = max(sent.start, cue.start - SPEAKER_CHARS)
    pattern, seats, _ = _speakers()
    found = None
    for m in pattern.finditer(doc.text, start, cue.start):
        rx = _rx()
        if not rx.at_place.search(doc.text, max(sent.start, m.start() - 12), m.start()) and not rx.source_before.search(
                doc.text, max(sent.start, m.start() - 20), m.start()):
            found = m  # "Trong cuộc hội đàm tại Nhà Trắng, Tổng thống ... khẳng định": a place, not a speaker
    if found is None:
        return None
    seat = seats.get(found.group(0).casefold())
    if seat:
        return seat
    after = [st for st in doc.in_span(doc.states, found.end(), cue.start) if st.start - found.end() <= 2]
    return after[0].code if after else None


def may_state(doc: Doc, cue: Cue, sent: Sentence) -> bool:
    """Whether a statement cue can make a statement here (a spokesperson in the sentence, or an institution
    speaking for a state before the cue): most "cho biết" are a minister's words, and the sides of a cue are
    costly to read."""
    if cue.type != "statement" or cue.voice != "active":
        return True
    if any(m.title and "phát ngôn" in m.title.casefold() for m in doc.in_span(doc.mentions, sent.start, sent.end)):
        return True
    return doc.text[cue.start:cue.end].casefold() != "dẫn lời" and _institution_state(doc, sent, cue) is not None


def _statement(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    people = doc.in_span(doc.mentions, sent.start, sent.end)
    speakers = [m for m in people if m.title and "phát ngôn" in m.title.casefold()]
    if speakers:
        # "Dmitry Peskov, người phát ngôn Điện Kremlin": the seat in the title names the state
        seat = _speakers()[1]
        title = doc.text[speakers[0].start:speakers[0].end + 40].casefold()
        speaker_code = country_of(doc, speakers[0]) or next((c for k, c in seat.items() if k in title), None) or HOME
        return [Draft("statement", sent, cue, speakers[:1], [speaker_code])]
    if cue.voice != "active" or doc.text[cue.start:cue.end].casefold() == "dẫn lời":
        return []
    code = _institution_state(doc, sent, cue)
    return [Draft("statement", sent, cue, [], [code])] if code else []


def objects(doc: Doc, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` states an objection ("kiên quyết phản đối", "lên án")."""
    return bool(_speakers()[2].search(doc.text, start, end))


def _protest(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    """"Việt Nam kiên quyết phản đối việc Trung Quốc ...": the objecting state before, the target after."""
    subject = _agent_countries(doc, sides) or unique([s.code for s in sides.states_before[-1:]])
    if not subject:
        speakers = [m for m in doc.in_span(doc.mentions, sent.start, cue.start)
                    if m.title and "phát ngôn" in m.title.casefold()]
        subject = unique([country_of(doc, m) or HOME for m in speakers[-1:]])
    targets = [s.code for s in sides.states if s.code not in subject]
    if not subject or not targets:
        return []
    return [Draft("protest", sent, cue, list(sides.agents), [subject[0], targets[0]])]


def _negotiation(doc: Doc, cue: Cue, sent: Sentence, sides: Sides) -> list[Draft]:
    agents = _agent_countries(doc, sides) or [HOME]
    drafts = [Draft("negotiation", sent, cue, list(sides.agents), agents, [b])
              for b in unique([b.key for b in sides.bodies])]
    drafts += [Draft("negotiation", sent, cue, list(sides.agents), unique([*agents, s]))
               for s in unique([s.code for s in [*sides.states_before, *sides.states]]) if s not in agents]
    if not drafts and len(agents) >= 2:
        drafts.append(Draft("negotiation", sent, cue, list(sides.agents), agents))  # "Việt Nam và Hàn Quốc đã ..."
    return drafts


Builder = Callable[[Doc, Cue, Sentence, Sides], list[Draft]]
BUILDERS: dict[str, Builder] = {
    "reception": _pairwise, "talks": _pairwise, "courtesy_call": _pairwise, "meeting": _pairwise,
    "phone_call": _pairwise, "visit": _visit, "conference": _conference, "agreement": _agreement,
    "relation_upgrade": _upgrade, "message": _message, "statement": _statement, "negotiation": _negotiation,
    "protest": _protest,
}
