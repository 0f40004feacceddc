"""Events: one per act and per counterpart, with participants, states, bodies, place, date, status,
salience and the sentence that states it (shared/spec/annotation-guide.md, "Events").

Per sentence: find the cues, find each cue's sides, let the type's builder make drafts; then, over the
whole story: merge drafts that tell one act twice, find the story's occasion (its first dated act), date
and place what the text leaves implicit from it, and mark acts of other occasions as background.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace as dc_replace
from functools import cache

from doingoai.analyse.dates import BRACKET, DateExpr
from doingoai.analyse.officeholders import terms_of
from doingoai.analyse.sentences import Sentence
from doingoai.extract.arguments import Sides, sides_of
from doingoai.extract.builders import BUILDERS, ONE_BY_ONE, Draft, country_of, may_state, objects, unique
from doingoai.extract.cues import EVENT_TYPES, Cue, find_cues, is_planned_before, types_where
from doingoai.extract.document import Doc
from doingoai.extract.timeline import Reference, resolve
from doingoai.lexicon import Table, patterns, prefiltered
from doingoai.model import Event, EventDate, Evidence, Participant, Place
from doingoai.prefilter import Prefiltered

__all__ = ["extract_events"]


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_events.yaml``."""
    return patterns("patterns_events.yaml")


@cache
def _pf() -> Table[Prefiltered]:
    """The prefiltered patterns of ``data/patterns_events.yaml``."""
    return prefiltered("patterns_events.yaml", ())


# Verbs whose object is the other side of the act (so a list after them names more counterparts).
_OBJECT_VERBS = {"reception", "talks", "courtesy_call", "meeting", "phone_call"}
# Acts that last several days: two mentions in one month are one act ("Lễ kỷ niệm" on the 3rd and the 4th).
_MULTI_DAY = types_where("multi_day")
# Types whose acts frame the story rather than report it: a press briefing announcing a trip is not the trip.
_NOT_OCCASION = frozenset(EVENT_TYPES) - types_where("occasion")


# An act dated this many days before the story's occasion belongs to an earlier occasion.
BACKGROUND_GAP_DAYS = 45
# A date printed after its cue belongs to it only close by ("... gặp song phương với A và B vào ngày 6/11").
AFTER_CUE_CHARS = 160
# A cue this close to its sentence's start frames the sentence ("Trong khuôn khổ chuyến thăm ..., chiều 10/11,
# A tiếp B"): the date after it is the whole sentence's, not its own.
FRAME_CHARS = 30
# A briefing's own date follows its noun closely: "tại cuộc họp báo thường kỳ chiều 19/9".
STATEMENT_DATE_GAP = 25


def _participants(doc: Doc, d: Draft) -> tuple[Participant, ...]:
    out: list[Participant] = []
    seen: set[str] = set()
    others = [c for c in d.countries if c != "VN"]
    for m in d.people:
        p = doc.person_of(m)
        name = p.name if p else m.name
        if not name or name in seen:
            continue
        seen.add(name)
        title = m.title or (p.title if p else None)
        country = country_of(doc, m) or (others[0] if len(others) == 1 else None)
        out.append(Participant(name, title, country, (p.org if p else None) or m.org))
    return tuple(out)


def _place(doc: Doc, sent: Sentence, d: Draft, sides: Sides) -> Place:
    """Where an act happened: the place after "tại"/"ở" nearest to its cue ("tại Thủ đô Santiago de Chile",
    "Tại Cuba, ..."); a visit's place is where it goes."""
    if d.type == "visit":
        return d.place
    # a statement's place is its own ("Tại cuộc họp báo ... ở Bắc Kinh"), never one of what it announces
    limit = d.cue.end if d.type in ("statement", "protest") else sent.end
    free_states = [s for s in doc.in_span(doc.states, sent.start, sent.end)
                   if not doc.covered(doc.mentions, s.start, s.end)]
    candidates: list[tuple[int, Place]] = []
    for p in sides.places:
        if p.start >= limit:
            continue
        words = doc.text[max(sent.start, p.start - 25):p.start].casefold().split()
        if "tại" in words or "ở" in words or (words and words[-1] in ("(giờ", "giờ")):
            candidates.append((abs(p.start - d.cue.start), Place(p.name, p.country)))
    for st in free_states:
        if st.start >= limit:
            continue
        lead = doc.text[max(sent.start, st.start - 8):st.start].casefold().rstrip()
        if lead.endswith(("tại", "ở")):
            candidates.append((abs(st.start - d.cue.start) + 1, Place(None, st.code)))
    return min(candidates, key=lambda c: c[0])[1] if candidates else Place(None, None)


# How far before a date its "since" clause may open ("kể từ chuyến công du của bà Angela Merkel hồi")
SINCE_CHARS = 70


def _in_since_clause(doc: Doc, sent: Sentence, d: DateExpr, cue: Cue) -> bool:
    """Whether ``d`` dates a "since" clause ("kể từ khi nhậm chức tháng 12/2021") that ``cue`` stands outside of."""
    begin = max(sent.start, d.start - SINCE_CHARS)
    m = doc.search(_pf().since, begin, d.start)
    return m is not None and not begin + m.start() <= cue.start < d.start


def _date_for(doc: Doc, sent: Sentence, cue: Cue, claimed: set[int], next_cue: Cue | None) -> DateExpr | None:
    """The date told with a cue: the nearest before it that an earlier act did not take as its own, else
    one soon after it; a range after the cue ("thăm ... từ ngày 8 đến 10/9") wins over a day before it."""
    exprs = [d for d in doc.in_span(doc.dates, sent.start, sent.end)
             if (d.month or d.relative is not None or d.week is not None or d.year or d.is_anaphoric)
             and not _inside_people(doc, d)
             and not doc.search(_pf().holiday, max(sent.start, d.start - 14), d.start)
             and not _in_since_clause(doc, sent, d, cue)
             and not (d.year and d.end_year and d.end_year - d.year > 1)]  # "(2/9/1945-2/9/2024)": an anniversary
    # (a bracketed month closes an item of a list: "X điện đàm với Y (6/2021); Z gặp W (9/2021)")
    before: list[DateExpr] = [d for d in exprs if d.end <= cue.start and d.start not in claimed
                              and not (d.marker == BRACKET and ";" in doc.text[d.end:cue.start])]
    stop = min(next_cue.start if next_cue else sent.end, cue.end + AFTER_CUE_CHARS)
    after: list[DateExpr] = [d for d in exprs if cue.end <= d.start < stop]
    if after and before and _rx().reported_by.match(doc.text, before[-1].end):
        before = before[:-1]  # "Ngày 26-10, theo Đài NHK, cuộc điện đàm ... diễn ra ngày 25-10": the report's day
    if before and after and is_planned_before(doc.text[before[-1].end:cue.start]) and (
            after[0].year or after[0].month) and not after[0].is_anaphoric:
        # "Hôm nay (17/4), hai nước nhất trí sẽ nâng cấp quan hệ ... vào năm 2026": the day of the telling
        # stands before the modal, the act's own date after the cue
        return after[0]
    if before:
        ranges = [d for d in exprs if cue.type in _MULTI_DAY and d.start >= cue.end and d.is_range
                  and d.month == before[-1].month and d.day is not None and before[-1].day is not None
                  and d.day <= before[-1].day]
        return ranges[0] if ranges else before[-1]
    if after and (cue.type not in ("statement", "message") or after[0].start - cue.end <= STATEMENT_DATE_GAP):
        framing = cue.start - sent.start < FRAME_CHARS or cue.type in ("statement", "message")
        if not framing:
            claimed.add(after[0].start)
        elif cue.type == "conference" and after[0].day is not None and "," in doc.text[cue.end:after[0].start]:
            # "Nhân dịp tham dự Hội nghị ..., chiều 6/11, Thủ tướng gặp ...": the day is the meeting's; the
            # summit it frames is known to that month only
            return dc_replace(after[0], day=None, end_day=None, end_month=None, end_year=None, part_of_day=None)
        return after[0]
    if cue.type in _MULTI_DAY and next_cue is None:
        # "tham dự hội nghị cấp cao ASEAN lần thứ 11 và các hội nghị cấp cao ASEAN+3 (...), ASEAN+1 (...) tại
        # Kuala Lumpur từ ngày 11 đến 14-12-2005": a window printed right after the place, however far from the
        # cue, is where and when the act is held (not a trip's window: "Chuyến công tác ... diễn ra từ ngày ...")
        late: list[DateExpr] = [d for d in exprs if d.start >= cue.end and d.is_range and d.start not in claimed
                and d.day is not None and not d.is_anaphoric
                and _rx().place_before_window.search(doc.text[max(cue.end, d.start - 80):d.start])]
        if late:
            return late[0]
    return None


# How far before its cue a hope or an intention may open ("mong muốn Tổng thống Brazil sớm thăm chính thức"):
# one clause of the genre, a subject and an adverb or two.
HOPE_CHARS = 100


def _hoped(doc: Doc, sent: Sentence, cue: Cue) -> bool:
    """Whether a cue is the act of a hope, wish or proposal whose clause runs on to it ("kỳ vọng sớm ký kết",
    "mong muốn Tổng thống Brazil sớm thăm"); an act named by its noun only when a verb brings it about ("đề nghị
    ... thu xếp chuyến thăm"), not the real act a hope is about ("hy vọng qua chuyến thăm này")."""
    pf = _pf()
    if cue.voice == "noun" and not doc.search(pf.arranged, max(sent.start, cue.start - 20), cue.start):
        return False
    if _rx().done_cue.match(doc.text, cue.start, cue.end):
        return False  # "mong muốn tăng cường hợp tác ... và đã ký Bản ghi nhớ": the clause of the hope has ended
    return doc.search(pf.hoped, max(sent.start, cue.start - HOPE_CHARS), cue.start) is not None


def _accepted(doc: Doc, sent: Sentence, cue: Cue) -> bool:
    """Whether a visit is one invited and accepted: "nhận lời mời thăm Việt Nam" right before its cue, or "mời
    A sớm thăm Việt Nam; A vui vẻ nhận lời" after it, in its sentence or the next (data/patterns_events.yaml)."""
    pf = _pf()
    if doc.search(pf.accepting, max(sent.start, cue.start - 40), cue.start):
        return True
    if not doc.search(pf.invited, max(sent.start, cue.start - 120), cue.start):
        return False
    k = doc.sentences.index(sent)
    end = doc.sentences[k + 1].end if k + 1 < len(doc.sentences) else sent.end
    return doc.search(pf.accepted_after, cue.end, end) is not None


def _inside_people(doc: Doc, d: DateExpr) -> bool:
    return doc.covered(doc.mentions, d.start, d.end)


# The most cues read in one sentence. Each cue's sides, date and place are looked for across its sentence, so a
# sentence costs (its cues) x (its length); a line of a thousand repeated cues made that quadratic. No sentence
# of the seed, dev, dev2 and wild pages has more than 6 cues: one with dozens is a list, a table or garbage,
# and only its first ``MAX_CUES`` are read.
MAX_CUES = 24


def _drafts(doc: Doc) -> list[Draft]:
    drafts: list[Draft] = []
    all_cues = find_cues(doc.text)  # in order of their starts
    cue_starts = [c.start for c in all_cues]
    for sent in doc.sentences:
        cues = [c for c in all_cues[bisect_left(cue_starts, sent.start):bisect_right(cue_starts, sent.end)]
                if c.end <= sent.end][:MAX_CUES]
        question = doc.search(_pf().question, sent.start, sent.end)
        previous: Sides | None = None
        previous_type = ""
        claimed: set[int] = set()  # dates that an act after them took as its own
        for k, cue in enumerate(cues):
            if question and sent.start + question.start() < cue.start:
                break
            nxt = cues[k + 1] if k + 1 < len(cues) else None
            prv = cues[k - 1] if k else None
            # "Ngày 6-12, Bộ Ngoại giao ra thông cáo ...": that day is the telling's (the statement's, when it
            # makes one), not the acts' it reports
            told = [d.start for d in doc.in_span(doc.dates, sent.start, cue.start) if d.day is not None] \
                if cue.type == "statement" and _rx().reporting.fullmatch(doc.text, cue.start, cue.end) else []
            if cue.type == "phone_call" and "trao đổi" in doc.text[cue.start:cue.end].casefold() and not (
                    _rx().call_words.search(doc.headline) or _rx().call_words.search(sent.text)):
                continue  # "có cuộc trao đổi với": a call only under a headline (or in a sentence) that says so
            if not may_state(doc, cue, sent):
                claimed.update(told[-1:])
                continue  # a minister's "cho biết": no statement, and no side of another act
            if _told_before(doc, sent, cue, drafts):
                continue
            sides = sides_of(doc, sent, cue, nxt, prv)
            follows = previous is not None and bool(sides.agents) and all(a in previous.others for a in sides.agents)
            if follows and previous_type == "reception" and cue.type == "courtesy_call":
                continue  # "A tiếp B đến chào từ biệt": one act, told from the host's side
            if previous is not None and previous_type in _OBJECT_VERBS and previous.agents and all(
                    a in previous.others for a in sides.agents) and (
                    not sides.agents or doc.text[cue.start] in ";,"
                    or _rx().list_gap.match(doc.text[sides.agents[-1].end:cue.start]) or cue.type == "conference"):
                # "hội kiến A; B; chào C": C is met by the same side as A and B
                sides.agents = previous.agents
            previous, previous_type = sides, cue.type
            pf = _pf()
            agreed = bool(cue.type == "relation_upgrade" and doc.search(pf.agreed, max(sent.start, cue.start - 30),
                                                                        cue.start))
            accepted = cue.type == "visit" and _accepted(doc, sent, cue)
            if _no_act_held(doc, sent, cue, agreed, accepted):
                continue
            made = BUILDERS[cue.type](doc, cue, sent, sides)
            for d in made:
                d.place = _place(doc, sent, d, sides)
                d.date = d.date or _date_for(doc, sent, cue, claimed, nxt)  # a builder may know better
                if d.type == "statement" and d.date is not None and d.date.end <= cue.start:
                    # "Ngày 9/1, Phủ Tổng thống thông báo, A sẽ thăm ...": the day of the telling, not of the trip
                    claimed.add(d.date.start)
                before = doc.text[sent.start:cue.start]
                low = doc.lower(sent.start, cue.start)
                if cue.voice == "noun" and (verb := _rx().signed_verb.search(doc.text, cue.start, cue.end)):
                    before, low = f"{before} {verb.group(0)}", None  # "văn kiện ... sẽ được ký kết": the verb's modal
                d.planned = bool(agreed) or accepted or is_planned_before(before, low) or bool(
                    doc.search(pf.possible, max(sent.start, cue.start - 30), cue.start)) or bool(
                    doc.search(_pf().later, cue.end, nxt.start if nxt else sent.end)) or (
                    bool(doc.search(pf.intended, max(sent.start, cue.start - HOPE_CHARS), cue.start))
                    and not _rx().done_cue.match(doc.text, cue.start, cue.end))
                # (the cue may hold the word itself: "Hai nước đã ký nhiều hiệp định")
                d.done = not d.planned and bool(_rx().told_done.search(before[-30:]) or _rx().told_done.match(
                    _first_word(doc, cue)))
                d.background = bool(doc.search(pf.background_marker, max(sent.start, cue.start - 40), cue.start)) or (
                    d.date is not None and d.date.marker == "hồi") or bool(_rx().other_year.match(sent.text)) or (
                    cue.voice == "noun" and bool(_rx().recent_past_after.match(doc.text, cue.end, sent.end)))
                if accepted:
                    # a visit invited and accepted is to come: the day before it is the invitation's ("Ngày 9/5,
                    # Thủ tướng mời ... sớm thăm ...; ... nhận lời")
                    d.accepted = True
                    if d.date is not None and d.date.end <= cue.start:
                        d.date = None
                drafts.append(d)
            claimed.update(told[-1:])
    return drafts


def _told_before(doc: Doc, sent: Sentence, cue: Cue, drafts: list[Draft]) -> bool:
    """Whether a cue names an act the story has told already, so that it makes none of its own. A sentence opening
    on the act's day ("Cuộc điện đàm diễn ra ngày 25-10, ...") gives that act its day."""
    if _rx().back_reference.fullmatch(doc.text, sent.start, cue.start) and _rx().bare_act.match(
            doc.text, cue.end, sent.end) and any(p.type == cue.type and not p.background for p in drafts):
        return True  # "Tại hội đàm, A chuyển lời thăm hỏi của ... đến ...": the act told before, not another
    if _rx().about_act.fullmatch(doc.text, sent.start, cue.start):
        return True  # "Thông tin về cuộc điện đàm được đăng ...": the news of an act told elsewhere
    if not _rx().act_opening.fullmatch(doc.text, sent.start, cue.start):
        return False  # (tested first: the drafts are searched only for a sentence that opens on the act)
    day = next((d for d in doc.in_span(doc.dates, cue.end, sent.end) if d.day is not None), None)
    told = next((p for p in reversed(drafts) if p.type == cue.type and not p.background), None)
    if told is not None and day is not None and _rx().held_on.fullmatch(doc.text, cue.end, day.start):
        told.date = day  # "Cuộc điện đàm diễn ra ngày 25-10": the day of the act told before
        return True
    return False


def _no_act_held(doc: Doc, sent: Sentence, cue: Cue, agreed: bool, accepted: bool) -> bool:
    """Whether the words around a cue tell an act wished, proposed, invited, hoped for, denied, talked about or
    carried out from before, rather than held. ``agreed``: an upgrade the sides agreed on; ``accepted``: a visit
    invited and accepted (``_accepted``)."""
    pf = _pf()
    if not agreed and doc.search(pf.wish, max(sent.start, cue.start - 30), cue.start):
        return True  # "tăng cường trao đổi tiếp xúc", "đề nghị sớm ký kết": content, not an act
    if cue.type == "agreement" and cue.voice == "noun" and (
            doc.search(pf.carried_out, max(sent.start, cue.start - 60), cue.start)
            or doc.search(pf.tallied, max(sent.start, cue.start - 40), cue.start)):
        # "thực hiện nghiêm túc các văn kiện đã được ký kết": documents of before, to carry out; "hơn 200 cam kết,
        # thỏa thuận được ký kết": a tally (a count figure)
        return True
    if cue.type == "relation_upgrade" and doc.search(pf.prospect, max(sent.start, cue.start - 80), cue.start):
        return True  # "đề nghị 2 bên sớm thống nhất về lộ trình nâng cấp quan hệ": a proposal
    if cue.type in ("visit", "conference") and not accepted and doc.search(
            pf.invited, max(sent.start, cue.start - 120), cue.start):
        # "đã trân trọng mời Chủ tịch QH sớm thăm chính thức Jordan", "đã mời Tổng thống dự Hội nghị Cấp cao APEC":
        # an invitation, no visit or attendance yet
        return True
    if not agreed and _hoped(doc, sent, cue):
        return True  # "Hai bên kỳ vọng sớm ký kết Hiệp định": a hope, the meeting's content, not an act
    if doc.search(pf.negated, max(sent.start, cue.start - 20), cue.start):
        return True  # "Thủ tướng Thái Lan không tham dự Hội nghị": an act that did not take place
    # "quá trình đàm phán hiện nay", "trao đổi về ..., trong đó có đàm phán về ...": a topic
    return cue.type == "negotiation" and doc.search(pf.negotiation_topic, max(sent.start, cue.start - 150),
                                                    cue.start) is not None


def _home_names(doc: Doc, d: Draft) -> set[str]:
    return {p.name for m in d.people if (p := doc.person_of(m)) and p.country == "VN"}


def _foreign_names(doc: Doc, d: Draft) -> set[str]:
    """The draft's foreign people, an officeholder under the table's name ("Joseph R. Biden, Jr." is "Joe Biden")."""
    out = set()
    for m in d.people:
        p = doc.person_of(m)
        if p and p.country != "VN":
            out.add(next((t.name for t in terms_of(p.name)), p.name))
    return out


# How many sentences after a statement its quoted words may run ("... nhấn mạnh:" then the quote).
QUOTE_SENTENCES = 3


def _protests(doc: Doc, drafts: list[Draft]) -> None:
    """A statement that objects to another state's act is a protest: the speaker's state and the state
    named in the statement's sentence (its topic), when the statement or its quote objects."""
    for d in drafts:
        if d.type != "statement":
            continue
        k = doc.sentences.index(d.sentence)
        span = doc.sentences[k:k + 1 + QUOTE_SENTENCES]
        if not objects(doc, d.sentence.start, span[-1].end):
            continue
        targets = [s.code for s in doc.in_span(doc.states, d.sentence.start, d.sentence.end)
                   if s.code not in d.countries and not doc.covered(doc.mentions, s.start, s.start + 1)]
        if targets:
            d.type, d.countries = "protest", [*d.countries[:1], targets[0]]


# How many sentences after a negotiation its heads of delegation may be named ("Trưởng đoàn Việt Nam là ...").
HEADS_SENTENCES = 2


def _heads_of_delegation(doc: Doc, drafts: list[Draft]) -> None:
    """A negotiation's participants are the heads of its delegations, often named in the sentences after it:
    "... phiên họp toàn thể Đoàn đàm phán ... Trưởng đoàn Việt Nam là Thứ trưởng Ngoại giao A. Trưởng đoàn Trung
    Quốc là Thứ trưởng Ngoại giao B.", "do ... A làm Trưởng đoàn"."""
    for d in drafts:
        if d.type != "negotiation":
            continue
        k = doc.sentences.index(d.sentence)
        for sent in doc.sentences[k:k + 1 + HEADS_SENTENCES]:
            for i in doc.people_idx_in(sent.start, sent.end):
                m = doc.mentions[i]
                around = doc.text[max(sent.start, m.start - 40):min(sent.end, m.end + 30)].casefold()
                if "trưởng đoàn" not in around or m in d.people or not (m.name or doc.person_of(m)):
                    continue
                # "Trưởng đoàn Lào là Thứ trưởng Ngoại giao X": the state of the delegation he heads
                named = [st.code for st in doc.in_span(doc.states, max(sent.start, m.start - 40), m.start)]
                if (country_of(doc, m) or (named[-1] if named else None)) in d.countries:
                    d.people.append(m)


def _same_speakers(doc: Doc, a: Draft, b: Draft) -> bool:
    """Two statements of one state by different named speakers are two acts (Zakharova, then Peskov)."""
    na = {p.name for m in a.people if (p := doc.person_of(m))}
    nb = {p.name for m in b.people if (p := doc.person_of(m))}
    return not (na and nb and not na & nb)


def _same_act(doc: Doc, a: Draft, b: Draft, foreign: Callable[[Draft], set[str]] | None = None) -> bool:
    """``foreign``: ``_foreign_names`` for a draft, when the caller keeps them."""
    if a.cue == b.cue:
        return False  # one cue's drafts are the acts its builder told apart ("lần lượt được A, B tiếp")
    if a.date is not None and b.date is not None and a.date.year and b.date.year and a.date.year != b.date.year:
        return False  # "thiết lập năm 2009 ... nâng cấp vào tháng 12/2022": two acts years apart
    if set(a.countries) != set(b.countries) or set(a.organizations) != set(b.organizations):
        return False
    if a.type in ("statement", "protest") and not _same_speakers(doc, a, b):
        return False
    if a.type == b.type and a.type in ("statement", "protest") and a.sentence.start == b.sentence.start and \
            a.background == b.background:
        # "... cho biết về phản ứng của Việt Nam đối với việc Trung Quốc tập trận từ 29/7 đến 2/8, Người Phát ngôn
        # nêu rõ": one telling, whatever dates its object holds
        return True
    if a.type != b.type and {a.type, b.type} != {"reception", "courtesy_call"}:
        return False
    if a.background != b.background:
        return False
    if a.type == "message":
        # one event per sending state on one occasion, however many of its leaders send (spec, "message")
        return a.countries[0] == b.countries[0] and _compatible_days(a.date, b.date)
    fa, fb = (foreign(a), foreign(b)) if foreign else (_foreign_names(doc, a), _foreign_names(doc, b))
    if fa and fb and not fa & fb and a.type != "relation_upgrade":  # (an upgrade is the pair's, whoever tells it)
        return False  # two acts with different counterparts ("hội kiến A; B; chào C")
    if a.type == b.type and a.type in ONE_BY_ONE:
        ha, hb = _home_names(doc, a), _home_names(doc, b)
        if ha and hb and not ha & hb:
            return False  # a visitor meets one leader, then another ("nhóm họp với A, B, C")
    if a.type != b.type or a.date is None or b.date is None:
        return True  # "A tiếp B" and "B đến chào A" tell one act
    if a.type in _MULTI_DAY:
        return a.date.month == b.date.month or a.date.month is None or b.date.month is None
    return (a.date.month, a.date.day) == (b.date.month, b.date.day) or a.date.day is None or b.date.day is None


def _compatible_days(a: DateExpr | None, b: DateExpr | None) -> bool:
    if a is None or b is None or a.month is None or b.month is None:
        return True
    return a.month == b.month and (a.day is None or b.day is None or a.day == b.day)


def _merge(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    # Drafts are compared only with those that can be the same act: the same states and bodies, the same
    # kind of act (a reception and a courtesy call may be one), both background or both not (``_same_act``
    # refuses the others, and merging changes none of these). The foreign names of a draft are kept until a
    # merge changes its people. Comparing every draft with every event made a long page quadratic.
    groups: dict[tuple[frozenset[str], frozenset[str], str, bool], list[Draft]] = {}
    names: dict[int, set[str]] = {}

    def foreign(d: Draft) -> set[str]:
        if id(d) not in names:
            names[id(d)] = _foreign_names(doc, d)
        return names[id(d)]

    for d in drafts:
        kind = "reception" if d.type == "courtesy_call" else d.type
        group = groups.setdefault((frozenset(d.countries), frozenset(d.organizations), kind, d.background), [])
        same = next((o for o in group if _same_act(doc, o, d, foreign)), None)
        if same is None:
            out.append(d)
            group.append(d)
            continue
        names.pop(id(same), None)  # its people change below
        if d.type == "reception" and same.type == "courtesy_call":
            # told from both sides: the host's telling names the act; the host comes first
            same.type, same.date, same.place = "reception", d.date or same.date, d.place
            same.people = [*d.people, *(m for m in same.people if m not in d.people)]
            continue
        same.people += [m for m in d.people if m not in same.people]
        if (same.date is None and d.date is not None) or (
                d.date is not None and same.date is not None and same.date.day is None and d.date.day is not None) or (
                d.type in _MULTI_DAY and d.date is not None and same.date is not None and d.date.is_range
                and not same.date.is_range and d.date.month == same.date.month):
            # ("Tối 12/7, ... về tới Hà Nội, kết thúc chuyến thăm" and "thăm ... từ ngày 8-12/7": the range)
            same.date, same.planned = d.date, d.planned
        elif d.type == "relation_upgrade" and same.planned and d.planned and d.date is not None and d.date.year and \
                same.date is not None and (same.date.year or 0) < d.date.year:
            # "Hôm nay (17/4), hai nước nhất trí sẽ nâng cấp ..." and "... sẽ nâng cấp ... vào năm 2026": the
            # upgrade is the later year's; the first is the day it was agreed
            same.date = d.date
        if same.place.country is None:
            same.place = d.place
    return out


def _months(s: str) -> int | None:
    if s.startswith("--"):
        return None
    if len(s) == 4:
        return int(s) * 12 + 12  # a year alone: compare with its last month
    return int(s[:4]) * 12 + int(s[5:7])


def _mark_background(drafts: list[Draft], occasion: Draft | None, ref: Reference) -> None:
    first = resolve(occasion.date, ref, occasion.planned)[0] if occasion is not None else None
    base = _months(first) if first else None
    if base is None and ref.earliest is not None:
        # no dated occasion: the story is told no earlier than its window (who held office when)
        base = ref.earliest.year * 12 + ref.earliest.month
    if base is None:
        return
    for d in drafts:
        own = resolve(d.date, ref, d.planned)[0] if d.date else None
        m = _months(own) if own else None
        month_only = d.date is not None and d.date.day is None and d.date.month is not None
        if m is not None and ((base - m) * 30 > BACKGROUND_GAP_DAYS or (month_only and m < base)):
            d.background = True  # "sau chuyến công du ... vào tháng 8" in a story of 30/9: an earlier trip


def _before_page(drafts: list[Draft], ref: Reference) -> None:
    """Acts told with a date well before the page's own (a photo caption's "ngày 30/10/2025" in a story of
    9/1/2026) are of another occasion: they cannot be the story's occasion."""
    if ref.date is None:
        return
    page = ref.date.year * 12 + ref.date.month
    old: list[Draft] = []
    recent = False
    for d in drafts:
        if d.date is None or d.date.is_anaphoric or d.planned:
            continue
        start = resolve(d.date, ref, d.planned)[0]
        m = _months(start) if start else None
        if m is None:
            continue
        if (page - m) * 30 > BACKGROUND_GAP_DAYS:
            old.append(d)
        else:
            recent = True
    # only when some act is near the page's date: a page date far after all the story's acts is a site's clock
    # or a late reprint, and then the story's own first act stays its occasion
    for d in old if recent else ():
        d.background = True


def _gathering_days(doc: Doc, drafts: list[Draft]) -> None:
    """A conference told without its day ("Tham dự hội nghị gồm lãnh đạo 10 nước ...") takes the day the story gives
    its body's gathering elsewhere ("Hội nghị các nhà lãnh đạo ASEAN khai mạc chiều 24/4 tại Jakarta"): a date right
    after the gathering's verb that follows the body's name in its sentence."""
    wanted = {k for d in drafts if d.type == "conference" and d.date is None and not d.background
              for k in d.organizations}
    if not wanted:
        return
    days: dict[str, DateExpr] = {}
    for body in doc.bodies:
        if body.key not in wanted or body.key in days:
            continue
        sent = doc.sentence_at(body.start)
        if sent is None or not _rx().gathering_subject.fullmatch(doc.text, sent.start, body.start):
            continue
        for expr in doc.in_span(doc.dates, body.end, min(sent.end, body.end + 120)):
            if expr.day is not None and _rx().gathering_day.fullmatch(doc.text, body.end, expr.start):
                days[body.key] = expr
            break
    for d in drafts:
        if d.type == "conference" and d.date is None and not d.background:
            d.date = next((days[k] for k in d.organizations if k in days), None)


def _first_word(doc: Doc, cue: Cue) -> str:
    """The cue's first word and the space after it ("đã " of "đã ký"), as the text writes it."""
    end = doc.text.find(" ", cue.start, cue.end)
    return doc.text[cue.start:end + 1] if end >= 0 else ""


def _done_before_trip(drafts: list[Draft], occasion: Draft | None, ref: Reference) -> None:
    """An act told as done, without a day of its own, on a page announcing a trip still to come ("Hai nước đã ký
    nhiều hiệp định" in the preview of a visit) happened before the trip: an earlier occasion (background), not
    an act of the trip's window. A trip not begun holds no done act; a trip under way (begun by the page's date)
    does. Without the page's date, whether the trip has begun is unknown (a story told during a trip announces its
    evening's programme beside the morning's acts): nothing changes."""
    if occasion is None or not occasion.planned or occasion.date is None or ref.date is None:
        return
    start, _, _ = resolve(occasion.date, ref, True)
    if start is None or len(start) != 10 or start <= ref.date.isoformat():
        return
    for d in drafts:
        if d.done and d.date is None and d is not occasion:
            d.background = True


def _status(start: str | None, ref: Reference, planned: bool) -> str:
    if ref.date and start and len(start) == 10:
        day = dt.date.fromisoformat(start)
        if day > ref.date:
            return "planned"
        if day < ref.date - dt.timedelta(days=1):
            return "occurred"
    return "planned" if planned else "occurred"


def _to_event(doc: Doc, d: Draft, ref: Reference, occasion: Draft | None) -> Event:
    # (a telling is done when told: it takes no day of an act still to come, "TASS dẫn lời ... cho biết" beside "dự
    # kiến tiến hành cuộc điện đàm vào ngày 28/1 tới")
    inherit = d.date is None and occasion is not None and not d.background and not (
        d.type in ("statement", "protest") and occasion.planned)
    if occasion is not None and occasion.date is not None and d.date is not None and not d.background:
        o, own = occasion.date, d.date
        # "sẽ ... vào cuối tháng 11, hội kiến ..." inside a visit of 27-30/11: the visit's days say more
        inherit = own.day is None and own.month is not None and own.month == o.month and o.day is not None \
            and own.year in (None, o.year)
    date = occasion.date if inherit and occasion else d.date
    # an act told as done ("Trong chuyến thăm, A đã hội đàm với B") is done, whatever its trip's status
    planned = d.planned or (inherit and occasion is not None and occasion.planned and not d.done)
    start, end, part = resolve(date, ref, planned)
    if inherit:
        part = None
    place = d.place
    if place.country is None and occasion is not None and not d.background and d.type not in (
            "message", "statement", "relation_upgrade", "protest"):
        place = occasion.place
    if place.country is None and d.type == "reception":
        host = next((c for m in d.people[:1] if (c := country_of(doc, m))), None)
        place = Place(None, host) if host else place  # a host receives at home unless the text says otherwise
    status = "occurred" if d.type == "statement" else _status(start, ref, planned)  # announcing is done
    return Event(
        type=d.type, section="article", salience="background" if d.background else "main",
        status=status, date=EventDate(start, end, part), place=place,
        participants=_participants(doc, d), countries=tuple(unique(list(d.countries))),
        organizations=tuple(d.organizations),
        evidence=Evidence(d.sentence.text, d.sentence.start, d.sentence.end))


def _resolve_anaphora(doc: Doc, drafts: list[Draft], occasion: Draft | None) -> None:
    """"Cùng ngày", "Sau đó": the day told last before them, in an act's date or in a sentence of its own
    ("Trong lễ đón ... sáng 19/8, ... Hai lãnh đạo sau đó hội đàm"), or the day the act before inherits
    from the occasion; "Chiều cùng ngày" keeps its own part of day."""
    last: DateExpr | None = None
    last_at = -1
    for d in drafts:
        if d.date is not None and d.date.is_anaphoric:
            told = [x for x in doc.dates if x.end <= d.date.start and x.day is not None and not x.is_anaphoric
                    and x.marker != "hồi" and x.start > last_at]
            day = told[-1] if told else last
            d.date = None if day is None else dc_replace(day, part_of_day=d.date.part_of_day, end_day=None,
                                                         end_month=None, end_year=None)
        if d.background:
            continue
        if d.date is not None:
            last, last_at = d.date, d.date.start
        elif occasion is not None and occasion.date is not None:
            last, last_at = occasion.date, d.cue.start


def extract_events(doc: Doc, ref: Reference) -> list[Event]:
    drafts = _drafts(doc)
    _protests(doc, drafts)
    _heads_of_delegation(doc, drafts)
    _before_page(drafts, ref)

    def dated(d: Draft) -> bool:
        return not d.background and d.date is not None and not d.date.is_anaphoric

    for d in drafts:
        if ref.year is not None and d.date is not None and d.date.year is not None and d.date.year < ref.year \
                and not d.planned:
            # "đề cập chuyến thăm ... đến Cuba vào tháng 3/2018" in a story of a later year: an earlier occasion
            d.background = True

    _gathering_days(doc, drafts)
    occasion = next((d for d in drafts if dated(d) and d.type not in _NOT_OCCASION), None) or next(
        (d for d in drafts if dated(d)), None)
    for d in drafts:
        if d.accepted and occasion is not None and d is not occasion:
            # an invitation accepted during the story's occasion (a call, talks) opens another occasion, to come
            d.background = True
    _resolve_anaphora(doc, drafts, occasion)
    _mark_background(drafts, occasion, ref)
    _done_before_trip(drafts, occasion, ref)
    merged = _merge(doc, drafts)
    if occasion is not None and occasion not in merged:
        occasion = next((d for d in merged if d.date == occasion.date), occasion)
    return [_to_event(doc, d, ref, occasion) for d in merged]
