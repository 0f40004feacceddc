"""Relations: the level two states give their relationship, and since when.

A level formula ("Đối tác chiến lược toàn diện", "hữu nghị truyền thống", "quan hệ ngoại giao", ...; the
list is ``data/relation_levels.yaml``) names a relation when its pair of states can be told:

* named right after it: "quan hệ Đối tác chiến lược Việt Nam - Philippines", "giữa Việt Nam và Cuba",
  "với Indonesia" (with the subject of the clause: "Nga coi trọng quan hệ ... với Việt Nam"),
  "Đối tác chiến lược toàn diện thứ 7 của Việt Nam (sau Trung Quốc, Liên bang Nga, ...)" (a list names
  one pair each), "Việt - Trung";
* "giữa hai nước", "của hai nước", "hai nước ... nâng cấp quan hệ": the two countries of the passage;
* the subject of the clause: "Việt Nam và Cuba thiết lập quan hệ ngoại giao", "Thủ tướng Phạm Minh Chính
  và Thủ tướng New Zealand ... công bố nâng cấp quan hệ";
* formulas listed together share their pair: "quan hệ hữu nghị truyền thống và Đối tác chiến lược toàn
  diện giữa hai nước".

Relations with a multilateral body ("ASEAN - Trung Quốc", "Việt Nam - EU") and counts ("10/13 đối tác
chiến lược toàn diện", "có quan hệ ngoại giao với 193 quốc gia") name no pair and give nothing; nor does a
level only proposed ("đề nghị thiết lập khuôn khổ quan hệ Đối tác toàn diện").

``since`` is the year the level began, when the text gives or implies it:

* a date in brackets after it: "quan hệ ngoại giao Việt Nam - Uruguay (11/8/1993)", "(5/2008)";
* an anniversary: "năm 2025 ... kỷ niệm 10 năm thiết lập quan hệ Đối tác chiến lược" (2015), "sang 2026
  sẽ kỷ niệm 50 năm" (1976), "hướng tới kỷ niệm 30 năm" (the next year's thirtieth), "... vào năm 2027",
  "một năm hai nước thiết lập ...", "và 14 năm quan hệ Đối tác chiến lược";
* its establishment or an upgrade to it: "thiết lập quan hệ ngoại giao ngày 18/1/1950", "Đối tác hợp tác
  chiến lược được thiết lập năm 2009", "nâng cấp quan hệ lên Đối tác chiến lược toàn diện vào tháng
  12/2022", "Tháng 9/2023, ... hai nước đã nâng cấp ...", and, told as the story's news with no date, the
  story's year ("công bố nâng cấp quan hệ ... lên Đối tác chiến lược toàn diện").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from doingoai.analyse.sentences import Sentence
from doingoai.config import HOME
from doingoai.extract.document import PARTNER_LOOKBACK, Doc
from doingoai.extract.timeline import Reference
from doingoai.lexicon import Table, load_yaml, number_words, patterns, prefiltered, word_sets
from doingoai.model import Evidence, Relation
from doingoai.prefilter import ARTICLE, Group, Prefiltered

__all__ = ["extract_relations"]


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_relations.yaml``."""
    return patterns("patterns_relations.yaml")


@cache
def _pf() -> Table[Prefiltered]:
    """The prefiltered patterns of ``data/patterns_relations.yaml``."""
    return prefiltered("patterns_relations.yaml", (("clauses", _CLAUSES),))


@cache
def _words() -> Table[frozenset[str]]:
    """The word sets of ``data/patterns_relations.yaml``."""
    return word_sets("patterns_relations.yaml")


_I = re.IGNORECASE
_DASH = r"\s*[-–—]\s*"


@dataclass(frozen=True, slots=True)
class _Hit:
    """A level formula found in a sentence."""

    start: int
    end: int
    level: str
    optional: bool


@dataclass(frozen=True, slots=True)
class _Party:
    """A state or body named in a sentence, or the country of a person named there."""

    start: int
    end: int
    code: str
    body: bool = False
    person: bool = False
    titled: bool = False  # a state inside a person's title ("Thủ tướng New Zealand Christopher Luxon")
    place: bool = False  # "tại Hoa Kỳ", "thăm chính thức Australia"


@dataclass(frozen=True, slots=True)
class _Slot:
    """What follows a formula: who it is between (``kind``), and where that part of the text ends."""

    kind: str  # pair | with | of | both | body | generic | none
    codes: tuple[str, ...] = ()
    end: int = 0
    extra: tuple[str, ...] = ()  # "(sau Trung Quốc, Liên bang Nga, ...)": more partners of Việt Nam


# The patterns run over every sentence are ``Prefiltered``: where each may match is found once per text,
# for all the article's patterns together (``ARTICLE``), and each sentence tries them there only.
@cache
def _levels() -> tuple[tuple[Prefiltered, str, bool], ...]:
    rows = load_yaml("relation_levels.yaml")["levels"]
    return tuple((Prefiltered(re.compile(r["pattern"], _I), ARTICLE, starts=r.get("starts"), needs=r.get("needs")),
                  r["level"], bool(r.get("optional"))) for r in rows)


@cache
def _short_forms() -> tuple[dict[str, str], Prefiltered]:
    forms: dict[str, str] = dict(load_yaml("relation_levels.yaml").get("short_forms") or {})
    words = "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) or "(?!)"
    return forms, Prefiltered(re.compile(rf"\bViệt(?!\s+Nam\b)(?={_DASH}(?:{words})\b)|(?<=\bViệt)({_DASH})({words})\b|"
                                         rf"\b({words})(?={_DASH}Việt\b(?!\s+Nam\b))"), ARTICLE,
                                         needs=["việt", *forms])  # every match holds "Việt" or a short form




# -- the formulas of a sentence ---------------------------------------------------------------------------------



@cache
def _level_patterns() -> tuple[Prefiltered, ...]:
    """The level formulas: a sentence where none can match names no level."""
    return tuple(pattern for pattern, _level, _optional in _levels())


def _hits(doc: Doc, sent: Sentence) -> list[_Hit]:
    if not doc.may_match(_level_patterns(), sent.start, sent.end):
        return []  # most sentences name no level
    levels = _levels()
    text = doc.text
    found: list[_Hit] = []
    for pattern, level, optional in levels:
        for m in doc.finditer(pattern, sent):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(h.start < e and s < h.end for h in found):
                continue
            before = text[max(sent.start, s - 40):s]
            if m.group(0).casefold().startswith("đối tác") and (_rx().counted.search(before)
                                                               or _rx().agreement.search(before)):
                continue
            if level == "diplomatic_relations" and (not _rx().diplomatic_cue.search(before)
                                                    or _rx().raised_after.match(text[e:e + 5])):
                continue
            found.append(_Hit(s, e, level, optional))
    found.sort(key=lambda h: h.start)
    out: list[_Hit] = []
    for h in found:
        if h.optional:
            # "quan hệ hợp tác toàn diện" without "Đối tác" may be plain cooperation: read, so that it keeps
            # other formulas off its words, but never reported as a level (an analyst's headline level would
            # then come from praise: Laos and Cambodia heading with a "comprehensive partnership")
            continue
        out.append(h)
    return out


# -- who a formula is between -----------------------------------------------------------------------------------

# The patterns searched for in parts of the sentences that name a level (``Doc.search``): tried only where
# their first words stand, found for all of them in one pass over the text, when the text needs them.
_CLAUSES = Group()



def _parties(doc: Doc, sent: Sentence) -> list[_Party]:
    """The parties of a sentence: read once per sentence (``_bilateral`` reads the sentences before, again)."""
    key = ("relation parties", sent.start)
    found: list[_Party] | None = doc.memo.get(key)
    if found is None:
        found = doc.memo[key] = _read_parties(doc, sent)
    return list(found)


def _read_parties(doc: Doc, sent: Sentence) -> list[_Party]:
    text = doc.text
    persons: list[tuple[int, int, str | None]] = []
    for i in doc.people_idx_in(sent.start, sent.end):
        p = doc.people[doc.who[i]] if i in doc.who else None
        pm = doc.mentions[i]
        persons.append((pm.start, pm.end, (p.country if p else None) or pm.country))
    out = [_Party(ps, pe, c, person=True) for ps, pe, c in persons if c]
    for s in doc.in_span(doc.states, sent.start, sent.end):
        titled = any(ps <= s.start and s.end <= pe for ps, pe, _ in persons)
        place = bool(doc.search(_pf().place_before, max(sent.start, s.start - 30), s.start))
        out.append(_Party(s.start, s.end, s.code, titled=titled, place=place))
    for b in doc.in_span(doc.bodies, sent.start, sent.end):
        out.append(_Party(b.start, b.end, b.key, body=True))
    forms, pattern = _short_forms()
    for m in doc.finditer(pattern, sent):
        if m.group(2):
            out.append(_Party(sent.start + m.start(2), sent.start + m.end(2), forms[m.group(2)]))
        elif m.group(3):
            out.append(_Party(sent.start + m.start(3), sent.start + m.end(3), forms[m.group(3)]))
            viet = _rx().dash_viet.match(text[sent.start + m.end(3):])
            if viet:
                end = sent.start + m.end(3) + viet.end()
                out.append(_Party(end - 4, end, HOME))
        else:
            out.append(_Party(sent.start + m.start(), sent.start + m.end(), HOME))
    # "Việt - Nhật", "Lào-Việt": "Việt" next to a state name
    for m in doc.finditer(_pf().viet, sent):
        s, e = sent.start + m.start(), sent.start + m.end()
        if any(p.start == s for p in out):
            continue
        after = re.match(_DASH, text[e:])
        before = re.search(_DASH + "$", text[sent.start:s])
        if (after and any(p.start == e + after.end() and not p.person for p in out)) or (
                before and any(p.end == s - len(before.group(0)) and not p.person for p in out)):
            out.append(_Party(s, e, HOME))
    return sorted(out, key=lambda p: (p.start, p.person))


def _at(parties: list[_Party], pos: int) -> _Party | None:
    return next((p for p in parties if p.start == pos and not p.person), None)


def _chain(text: str, parties: list[_Party], first: _Party) -> tuple[list[_Party], str]:
    """``first`` and the parties listed after it: "A - B" (a pair), or "A, B và C" (a list)."""
    dash = re.match(_DASH, text[first.end:])
    if dash:
        second = _at(parties, first.end + dash.end())
        if second:
            return [first, second], "pair"
    items = [first]
    while True:
        sep = _rx().list_sep.match(text, items[-1].end)
        nxt = _at(parties, sep.end()) if sep else None
        if nxt is None:
            return items, "list"
        items.append(nxt)


def _after(doc: Doc, parties: list[_Party], hit: _Hit, limit: int) -> _Slot:
    text = doc.text
    window = min(limit, hit.end + 160)
    candidates: list[tuple[int, str]] = [(p.start, "party") for p in parties
                                         if hit.end <= p.start < window and not p.person]
    candidates += [(hit.end + m.start(), "both") for m in _rx().both.finditer(text[hit.end:window])]
    for pos, what in sorted(candidates):
        gap = _rx().gap.fullmatch(text, hit.end, pos)
        if gap is None:
            continue
        conn = (gap.group("conn") or "").casefold()
        if what == "both":
            if not conn.startswith(("giữa", "của")) and text[hit.end:pos].strip():
                continue
            both = _rx().both.match(text, pos)
            end = both.end() if both else pos
            named = re.match(r"\s+", text[end:])
            first = _at(parties, end + (named.end() if named else 0))
            if first:
                items, how = _chain(text, parties, first)
                if len(items) == 2:
                    return _slot_of(text, parties, "pair", items, items[-1].end)
            return _Slot("both", (), end)
        first = _at(parties, pos)
        if first is None:
            continue
        items, how = _chain(text, parties, first)
        if how == "pair" or (conn in ("giữa", "") and len(items) == 2):
            return _slot_of(text, parties, "pair", items[:2], items[1].end)
        kind = "of" if conn.endswith("của") else "with"
        return _slot_of(text, parties, kind, items, items[-1].end)
    generic = _rx().generic.match(text, hit.end, limit)
    if generic:
        intro = _rx().list_intro.match(text, generic.end(), limit)
        first = _at(parties, intro.end()) if intro else None
        if first:
            items, _ = _chain(text, parties, first)
            return _slot_of(text, parties, "with", items, items[-1].end)
        return _Slot("generic", (), generic.end())
    return _Slot("none", (), hit.end)


def _slot_of(text: str, parties: list[_Party], kind: str, items: list[_Party], end: int) -> _Slot:
    if any(p.body for p in items):
        return _Slot("body", (), end)
    extra: tuple[str, ...] = ()
    paren = _rx().paren_list.match(text, end)
    first = _at(parties, paren.end()) if paren else None
    if first:
        listed, _ = _chain(text, parties, first)
        if not any(p.body for p in listed):
            extra = tuple(p.code for p in listed)
    return _Slot(kind, tuple(p.code for p in items), end, extra)




def _sides(parties: list[_Party]) -> tuple[bool, list[str], bool]:
    """Whether Việt Nam takes part, the foreign sides (most likely last), whether a body does."""
    home = any(p.code == HOME and not p.body for p in parties)
    states = [p for p in parties if not p.body and not p.titled]
    foreign = [p.code for p in states if p.code != HOME and p.place] + [p.code for p in states
                                                                       if p.code != HOME and not p.place]
    return home, foreign, any(p.body for p in parties)


def _coordinated(text: str, parties: list[_Party]) -> tuple[str, str] | None:
    """The last two foreign states named together: "Trung Quốc và Palestine", "Ấn Độ, Nhật Bản"."""
    states = [p for p in parties if not p.body and not p.person and p.code != HOME]
    for a, b in zip(reversed(states[:-1]), reversed(states[1:]), strict=True):
        if a.code != b.code and _rx().state_pair_join.fullmatch(text[a.end:b.start]):
            return (a.code, b.code)
    return None


def _bilateral(doc: Doc, offset: int) -> tuple[str, str] | None:
    """The two countries "hai nước" means at ``offset``: Việt Nam and the partner of the passage, or the two
    foreign states of a passage where Việt Nam takes no part."""
    idx = next((k for k, s in enumerate(doc.sentences) if s.start <= offset < s.end), len(doc.sentences) - 1)
    seen: list[str] = []
    home = False
    for k in range(idx, max(-1, idx - PARTNER_LOOKBACK - 1), -1):
        s = doc.sentences[k]
        limit = offset if k == idx else s.end
        for p in reversed([p for p in _parties(doc, s) if p.start < limit and not p.body]):
            if p.code == HOME:
                home = True
            elif p.code not in seen:
                seen.append(p.code)
    if not home and len(seen) >= 2:
        return (seen[0], seen[1])
    partner = doc.partner_near(offset)
    return (HOME, partner) if partner and partner != HOME else None


def _with_subject(doc: Doc, before: list[_Party], partners: tuple[str, ...], offset: int) -> list[tuple[str, str]]:
    """Pairs for "quan hệ ... với X" (or "... của X"): X with the subject of the clause."""
    home, foreign, _ = _sides(before)
    out: list[tuple[str, str]] = []
    for x in partners:
        if x == HOME:
            other = foreign[-1] if foreign else doc.partner_near(offset)
            if other and other != HOME:
                out.append((HOME, other))
        elif not home and foreign and foreign[-1] != x and any(
                p.code == foreign[-1] and not p.person and not p.titled for p in before):
            out.append((foreign[-1], x))
        else:
            out.append((HOME, x))
    return out


def _own_pairs(doc: Doc, parties: list[_Party], hit: _Hit, slot: _Slot,
               clause: tuple[int, int]) -> list[tuple[str, str]]:
    """The pairs a formula names: after it, else the clause's subject, else "hai nước" of the passage."""
    text = doc.text
    before = [p for p in parties if clause[0] <= p.start and p.end <= hit.start]
    if slot.kind in ("body", "generic"):
        return []
    if slot.kind == "pair":
        return [(slot.codes[0], slot.codes[1])]
    if slot.kind in ("with", "of"):
        home, foreign, body = _sides(before)
        if body and not home and not foreign:
            return []  # "EU coi trọng quan hệ ... với Việt Nam"
        return _with_subject(doc, before, slot.codes, hit.start)
    if slot.kind == "both":
        pair = _bilateral(doc, hit.start)
        return [pair] if pair else []
    home, foreign, body = _sides(before)
    if body and not home:
        return []  # "ASEAN và Nhật Bản nâng cấp quan hệ lên ...": a body's relation
    if foreign:
        if not home:
            two = _coordinated(text, before)
            if two:
                return [two]
            if len(set(foreign)) >= 2 and doc.search(_pf().bilateral, clause[0], hit.start):
                # "Thủ tướng New Zealand X cho biết, ông và Thủ tướng Thái Lan Y nhất trí hai nước sẽ nâng cấp":
                # two other states' leaders, then "hai nước": their pair, Việt Nam is not in it
                pair = _bilateral(doc, hit.start)
                if pair:
                    return [pair]
        return [(HOME, foreign[-1])]
    rest = [p for p in parties if hit.end <= p.start and p.end <= clause[1]]
    r_home, r_foreign, r_body = _sides(rest)
    if r_foreign and (home or r_home) and not r_body:
        return [(HOME, r_foreign[0])]
    if r_foreign and not r_body:
        two = _coordinated(text, rest)
        if two:
            return [two]
    if doc.search(_pf().bilateral, clause[0], clause[1]) or home or _rx().relation_before.search(
            text[max(clause[0], hit.start - 30):hit.start]):
        pair = _bilateral(doc, hit.start)
        return [pair] if pair else []
    return []


# -- since when -------------------------------------------------------------------------------------------------

_RELATIVE = {"năm nay": 0, "năm tới": 1, "năm sau": 1, "sang năm": 1}


def _number(word: str) -> int | None:
    w = word.casefold()
    return int(w) if w.isdigit() else number_words().get(w)


def _anniversary(doc: Doc, sent: Sentence, hit: _Hit, slot_end: int, clause_start: int,
                 ref: Reference) -> tuple[int, int | None] | None:
    """An anniversary told right before the formula ("kỷ niệm 10 năm thiết lập quan hệ"): how many years,
    and the year it falls in when the text or the story's year tells it."""
    text = doc.text
    found = None
    for m in _pf().n_years.finditer(text, doc.low, clause_start, hit.start):
        found = m
    if found is None:
        return None
    filler = text[found.end():hit.start]
    for p in doc.in_span(doc.states, found.end(), hit.start):
        filler = filler.replace(text[p.start:p.end], " ")
    words = [w for w in re.split(r"[\s“”\"']+", filler.casefold()) if w]
    ws = _words()
    if any(w not in ws.anniversary_filler for w in words) or (found.group("pre") or "").casefold() in ws.duration:
        return None
    n = _number(found.group("n"))
    if n is None:
        return None
    year: int | None = None
    after = _rx().anchor_after.match(text, slot_end)
    if after:
        year = int(after.group(1)) if after.group(1) else (ref.year + _RELATIVE[after.group(2).casefold()]
                                                           if ref.year else None)
    else:
        anchors = [a for a in _rx().anchor.finditer(text, sent.start, found.start("n"))
                   if not _rx().target_before.search(text[max(sent.start, a.start() - 12):a.start()])]
        if anchors:
            a = anchors[-1]
            year = int(a.group(1)) if a.group(1) else (ref.year + _RELATIVE[a.group(2).casefold()]
                                                       if ref.year else None)
        elif ref.year:
            # "hướng tới kỷ niệm 30 năm": the coming anniversary, next year's unless the story is early in its year
            upcoming = _rx().future_anniversary.search(text[clause_start:found.start("n")])
            year = ref.year + (1 if upcoming and not (ref.month and ref.month <= 3) else 0)
    return n, year


def _date_years(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _rx().date_year.finditer(text, start, end):
        if _rx().target_before.search(text[max(0, m.start() - 14):m.start()]):
            continue
        out.append((m.start(), int(m.group(1) or m.group(2))))
    return out


def _timing(doc: Doc, sent: Sentence, hit: _Hit, slot_end: int, prev_end: int, next_start: int,
            clause: tuple[int, int], ref: Reference) -> tuple[int | None, bool]:
    """``since`` for a formula, and whether the level is only proposed ("đề nghị nâng cấp quan hệ lên ...")."""
    text = doc.text
    anniversary = _anniversary(doc, sent, hit, slot_end, clause[0], ref)
    paren = _rx().paren_year.match(text, slot_end) or _rx().paren_year.match(text, hit.end)
    if paren:
        year = int(paren.group(1))
        if anniversary and anniversary[1] and not paren.group("range") and abs(year - anniversary[1]) <= 1:
            return year - anniversary[0], False  # "kỷ niệm 10 năm ... (tháng 9/2020)": the anniversary's date
        return year, False
    if anniversary:
        return (anniversary[1] - anniversary[0] if anniversary[1] else None), False
    before = text[clause[0]:hit.start]
    passive = _rx().passive.match(text, slot_end, clause[1])
    verb = doc.search(_pf().establish, clause[0], hit.start) or doc.search(_pf().upgrade, clause[0], hit.start)
    if verb is None and not _rx().raised_to.match(text[slot_end:clause[1]]):
        verb = doc.search(_pf().upgrade_named, clause[0], hit.start)  # "nâng cấp quan hệ “Đối tác ...” với Nhật Bản"
    if not (verb or passive):
        return None, False
    verb_at = clause[0] + verb.start() if verb else hit.start
    if verb and doc.search(_pf().proposed, max(clause[0], verb_at - 50), verb_at):
        return None, True
    # a date right after: "thiết lập quan hệ ngoại giao ngày 18/1/1950", "... lên Đối tác ... vào tháng 12/2022",
    # or in the occasion told after it: "... nhân chuyến thăm ... của Tổng Bí thư (9/2024)"
    after_end = min(next_start, clause[1])
    occasion = _rx().occasion.match(text, slot_end, after_end)
    for pos, y in _date_years(text, slot_end, after_end):
        if occasion and pos - slot_end <= 150:
            return y, False
        if pos - slot_end <= 45 and "," not in text[slot_end:pos].replace(", vào", "").replace(", từ", ""):
            return y, False
        break
    if verb is None:
        return None, False
    origin = _rx().from_before.search(before)
    if origin or doc.search(_pf().planned, max(clause[0], verb_at - 40), verb_at):
        return None, False
    # a date before, in the same sentence: "Tháng 9/2023, ... hai nước đã nâng cấp quan hệ lên ..."
    dates = _date_years(text, max(sent.start, prev_end), verb_at)
    if dates:
        return dates[-1][1], False
    if doc.search(_pf().background, max(clause[0], verb_at - 40), verb_at):
        return None, False
    # told as the story's news: announced, agreed, just done, or dated with the story's day
    if doc.search(_pf().news, max(clause[0], verb_at - 80), verb_at) \
            or _rx().story_day.search(text[sent.start:verb_at]):
        return ref.year, False
    return None, False


# -- the relations of a text ------------------------------------------------------------------------------------

def _clause(text: str, sent: Sentence, hit: _Hit) -> tuple[int, int]:
    start = text.rfind(";", sent.start, hit.start)
    end = text.find(";", hit.end, sent.end)
    return (start + 1 if start >= 0 else sent.start, end if end >= 0 else sent.end)


def _sentence_relations(doc: Doc, sent: Sentence, ref: Reference) -> list[tuple[tuple[str, str], str, int | None]]:
    text = doc.text
    hits = _hits(doc, sent)
    if not hits:
        return []
    parties = _parties(doc, sent)
    results: list[tuple[list[tuple[str, str]], int | None, _Hit]] = []
    pairs_next: list[tuple[str, str]] | None = None
    for k in range(len(hits) - 1, -1, -1):
        hit = hits[k]
        clause = _clause(text, sent, hit)
        next_start = hits[k + 1].start if k + 1 < len(hits) else sent.end
        slot = _after(doc, parties, hit, min(next_start, clause[1]))
        pairs = _own_pairs(doc, parties, hit, slot, clause)
        listed = k + 1 < len(hits) and bool(_rx().listed.match(text[hit.end:hits[k + 1].start]))
        if listed and pairs_next is not None and slot.kind == "none":
            pairs = list(pairs_next)
        prev_end = hits[k - 1].end if k else sent.start
        since, proposed = _timing(doc, sent, hit, slot.end, prev_end, next_start, clause, ref)
        if proposed:
            pairs = []
        results.append((pairs, since, hit))
        # partners listed in brackets ("(sau Trung Quốc, Liên bang Nga, ...)") share the level, not its date
        if slot.extra and pairs and any(HOME in p for p in pairs):
            results.append(([(HOME, c) for c in slot.extra], None, hit))
        pairs_next = pairs
    out: list[tuple[tuple[str, str], str, int | None]] = []
    for pairs, since, hit in reversed(results):
        for a, b in pairs:
            if a != b:
                out.append(((min(a, b), max(a, b)), hit.level, since))
    return out


def extract_relations(doc: Doc, ref: Reference) -> list[Relation]:
    found: dict[tuple[tuple[str, str], str], Relation] = {}
    for sent in doc.sentences:
        for pair, level, since in _sentence_relations(doc, sent, ref):
            key = (pair, level)
            if key in found:
                if since and not found[key].since:
                    found[key] = Relation(pair, level, since, "article", found[key].evidence)
                continue
            found[key] = Relation(pair, level, since, "article", Evidence(sent.text, sent.start, sent.end))
    return list(found.values())
