"""Figures: trade targets and values, investment, aid, rankings and counts of diplomatic activity.

Numbers follow Vietnamese usage: "1,8" is 1.8, "1.100" is 1100; scale words multiply ("10 tỷ USD" is
10,000,000,000 USD; "3 tỷ 370 triệu" is 3,370,000,000); "hơn/trên" -> more_than, "gần/khoảng/xấp xỉ" ->
about, "dưới" -> less_than. The words that decide a figure's kind live in ``data/figures.yaml``:

* an amount of money takes the kind of the nearest cue before it in its clause ("kim ngạch" -> trade,
  "vốn đăng ký" -> investment, "viện trợ" -> aid; "xuất khẩu" alone, "GDP", "thiệt hại" -> no figure);
  an amount with no cue of its own continues the one before it ("2,5 tỷ USD vào năm 2026 và 4 tỷ USD vào
  năm 2030"); a trade amount is a target after "phấn đấu", "mục tiêu", "nâng kim ngạch lên" ...;
* a ranking is Vietnam ranked among another state's partners ("Việt Nam là đối tác thương mại lớn thứ 8
  của Mỹ"); a partner ranked among Vietnam's ("Hàn Quốc là nhà đầu tư lớn nhất của Việt Nam") is not;
* a count is of diplomatic activity only: documents signed, delegations, diplomatic activities and
  meetings, states whose relations were upgraded. Projects, tourists and people are not counted.

Partner states: the foreign state the clause names (nearest before the figure, else after it), else the
one ``Doc.partner_near`` finds; Vietnam alone for counts of its own activity and for money from many donors.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from doingoai.analyse.sentences import Sentence
from doingoai.config import HOME
from doingoai.extract.document import Doc
from doingoai.lexicon import LexiconError, Table, load_yaml, patterns, prefiltered, word_lists
from doingoai.model import Evidence, Figure
from doingoai.prefilter import ARTICLE, DIGIT, Prefiltered

__all__ = ["extract_figures", "parse_amount", "parse_number", "qualifier_of"]


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_figures.yaml``."""
    return patterns("patterns_figures.yaml")


@cache
def _pf() -> Table[Prefiltered]:
    """The prefiltered patterns of ``data/patterns_figures.yaml``."""
    return prefiltered("patterns_figures.yaml", ())


@cache
def _seqs() -> Table[tuple[str, ...]]:
    """The word lists of ``data/patterns_figures.yaml``."""
    return word_lists("patterns_figures.yaml")


_DATA = "figures.yaml"
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
# Currency names that may also stand before the amount ("NZD$170.000", "USD 5 triệu"): codes.
_CODE = re.compile(r"[A-Z]+(?:\\\$)?")


class _Add(Protocol):
    def __call__(self, fig: Figure, sort: str = "") -> None: ...


@dataclass(frozen=True, slots=True)
class _Lex:
    scales: dict[str, float]
    words: dict[str, float]
    units: dict[str, str]
    qualifiers: dict[str, str]
    money: Prefiltered
    cues: re.Pattern[str]
    cue_after: re.Pattern[str]
    foreign_side: re.Pattern[str]
    targets: re.Pattern[str]
    target_after: re.Pattern[str]
    ranking: Prefiltered
    ellipsis: re.Pattern[str]
    standing: Prefiltered
    standing_ctx: re.Pattern[str]
    ordinals: dict[str, int]
    copula: re.Pattern[str]
    counts: Prefiltered
    word_counts: Prefiltered
    doc_context: re.Pattern[str]
    del_context: re.Pattern[str]
    del_not_before: re.Pattern[str]
    del_not_after: re.Pattern[str]
    act_after: re.Pattern[str]
    rel_before: re.Pattern[str]
    rel_after: re.Pattern[str]
    pair_markers: re.Pattern[str]
    many_donors: re.Pattern[str]


def _alt(items: Any) -> str:
    """An alternation of regex pieces, longest first (so "nghìn tỷ" wins over "nghìn")."""
    return "|".join(sorted((str(i) for i in items), key=len, reverse=True))


def _literal_alt(items: Any) -> str:
    return "|".join(re.escape(str(i)) for i in sorted(items, key=len, reverse=True))


def _plain(alternation: str) -> list[str] | None:
    """The words of an alternation of plain words ("đối tác|thị trường"); None when it holds regex syntax."""
    words = alternation.split("|")
    return words if all(w and re.escape(w) == w.replace(" ", "\\ ") for w in words) else None


def _compile(pattern: str, what: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"{_DATA}: bad pattern in {what}: {exc}") from exc


@cache
def _lex() -> _Lex:
    d = load_yaml(_DATA)
    scales = {str(k): float(v) for k, v in d["scales"].items()}
    words = {str(k): float(v) for k, v in d["number_words"].items()}
    units: dict[str, str] = {}
    for code, names in d["currencies"].items():
        for name in names:
            units[name.replace("\\", "").casefold()] = str(code)
    qualifiers = {str(k): str(v) for k, v in d["qualifiers"].items()}
    unit_alt = _alt(n for names in d["currencies"].values() for n in names)
    prefix_alt = _alt(n for names in d["currencies"].values() for n in names if _CODE.fullmatch(n))
    q_alt = _literal_alt(qualifiers)
    scale_alt = _literal_alt(scales)
    word_alt = _literal_alt(words)
    money = (rf"(?<![\w.,/])(?:(?P<q>{q_alt})\s+)?(?:(?P<pre>{prefix_alt})\s*)?"
             rf"(?P<num>{_NUM}|(?<!\w)(?:{word_alt})(?=\s+(?:{scale_alt})\b))(?:\s*(?P<scale>{scale_alt})\b)?"
             rf"(?:\s+(?P<num2>\d{{1,3}}(?:,\d+)?)\s*(?P<scale2>{scale_alt})\b)?"
             rf"(?:\s*(?P<unit>{unit_alt})(?![\w$]))?")
    mc = d["money_cues"]
    order = ("trade", "block", "investment", "aid", "aid_weak")
    cues = "|".join(f"(?P<{k}>{'|'.join(mc[k])})" for k in order)
    cue_after = "|".join(f"(?P<{k}>{'|'.join(mc[k])})" for k in ("investment", "aid"))
    r = d["ranking"]
    ordinals = {str(k): int(v) for k, v in r["ordinals"].items()}
    ord_alt = _literal_alt(ordinals)
    rank_tail = (rf"(?:lớn\s+nhất|(?:{r['adjectives']})\s+thứ\s+(?P<n>\d{{1,3}}|(?:{ord_alt})\b)|"
                 rf"số\s+(?P<one>một|1)\b)")
    ranking = (rf"(?<!\w)(?P<head>{r['heads']})(?P<mod>(?:\s+(?!lớn\b|quan trọng\b|số\b)[^\s,.;:()]+){{0,5}}?)"
               rf"\s+{rank_tail}")
    ellipsis = rf"\s*(?:,|\bvà\b)\s+(?:là\s+)?(?:đối tác\s+)?{rank_tail}"
    standing = (rf"\b(?:đứng|xếp)\s+(?:ở\s+)?(?:vị trí\s+|hàng\s+)?(?:thứ\s+(?P<n>\d{{1,3}}|(?:{ord_alt})\b)|"
                rf"(?P<top>đầu|số\s+(?:một|1)\b))")
    c = d["counts"]
    nouns = "|".join(f"(?P<{k}>{c[k]['nouns']})" for k in ("documents", "delegations", "activities", "meetings",
                                                            "relations"))
    counts = (rf"(?<![\w.,/])(?:(?P<q>{q_alt})\s+)?(?P<num>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?P<den>/\d+)?\s+(?:{nouns})"
              r"(?!\w)")
    not_counts = set(d["not_counts"])
    word_counts = (rf"(?<!\w)(?:(?P<q>{q_alt})\s+)?(?P<num>{_literal_alt(k for k in words if k not in not_counts)})"
                   rf"\s+(?P<documents>{c['documents']['nouns']})(?!\w)")
    return _Lex(
        scales=scales, words=words, units=units, qualifiers=qualifiers,
        # the words a match starts with (``prefilter``), from the lists the patterns are built of
        money=Prefiltered(_compile(money, "money"), ARTICLE, starts=[
            *qualifiers, *words, DIGIT,
            *(n.replace("\\", "") for names in d["currencies"].values() for n in names if _CODE.fullmatch(n))]),
        cues=_compile(rf"(?<!\w)(?:{cues})(?!\w)", "money_cues"),
        cue_after=_compile(rf"^\s*(?:\S+\s+){{0,2}}?(?:{cue_after})(?!\w)", "money_cues"),
        foreign_side=_compile(d["foreign_side"], "foreign_side"),
        targets=_compile(rf"(?<!\w)(?:{'|'.join(d['target_cues'])})(?!\w)", "target_cues"),
        target_after=_compile(d["target_after"], "target_after"),
        ranking=Prefiltered(_compile(ranking, "ranking"), ARTICLE, starts=_plain(r["heads"])),
        ellipsis=_compile(ellipsis, "ranking"),
        standing=Prefiltered(_compile(standing, "ranking"), ARTICLE, starts=["đứng", "xếp"]),
        standing_ctx=_compile(r["standing_context"], "ranking.standing_context"),
        ordinals=ordinals,
        copula=_compile(rf"(?<!\w)(?:{r['copulas']})(?!\w)", "ranking.copulas"),
        counts=Prefiltered(_compile(counts, "counts"), ARTICLE, starts=[*qualifiers, DIGIT]),
        word_counts=Prefiltered(_compile(word_counts, "counts"), ARTICLE,
                                starts=[*qualifiers, *(k for k in words if k not in not_counts)]),
        doc_context=_compile(c["documents"]["context"], "counts.documents"),
        del_context=_compile(c["delegations"]["context"], "counts.delegations"),
        del_not_before=_compile(c["delegations"]["not_before"], "counts.delegations"),
        del_not_after=_compile(c["delegations"]["not_after"], "counts.delegations"),
        act_after=_compile(c["activities"]["after"], "counts.activities"),
        rel_before=_compile(c["relations"]["before"], "counts.relations"),
        rel_after=_compile(c["relations"]["after"], "counts.relations"),
        pair_markers=_compile(d["pair_markers"], "pair_markers"),
        many_donors=_compile(d["many_donors"], "many_donors"),
    )


# ---------------------------------------------------------------------------------------------- numbers


# The largest value a figure may have. The largest amounts the genre reports (a state budget in đồng) are
# about 1e16; a digit string of hundreds of digits is a table or a corrupted page, and its value (or inf, past
# 1e308) fits neither JSON readers nor the knowledge base's 64-bit integer column (2**63 is about 9.2e18).
MAX_VALUE = 1e18


def parse_number(text: str) -> float:
    """Vietnamese number notation: "1,8" -> 1.8, "1.100" -> 1100, "1.500.000,5" -> 1500000.5, "10" -> 10.

    A dot followed by groups of exactly three digits separates thousands; a lone dot with one, two or
    four and more digits after it is a decimal point written the English way ("2.5 tỷ").
    """
    text = text.strip()
    if _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def qualifier_of(word: str | None) -> str | None:
    """"hơn" -> "more_than", "khoảng" -> "about", "dưới" -> "less_than"; None for no word."""
    return _lex().qualifiers.get((word or "").strip().lower()) if word else None


def _unit(name: str | None) -> str | None:
    if not name:
        return None
    return _lex().units.get(re.sub(r"\s+", " ", name).casefold())


def _number(token: str) -> float:
    lex = _lex()
    low = token.lower()
    return lex.words[low] if low in lex.words else parse_number(token)


def _amount(m: re.Match[str]) -> tuple[float, str | None] | None:
    """Value and currency of a money match, or None when it names no currency."""
    lex = _lex()
    unit = _unit(m.group("unit")) or _unit(m.group("pre"))
    if unit is None:
        return None
    value = _number(m.group("num")) * lex.scales.get((m.group("scale") or "").lower(), 1.0)
    if m.group("num2") and m.group("scale2"):
        value += parse_number(m.group("num2")) * lex.scales[m.group("scale2").lower()]
    return value, unit


def parse_amount(text: str) -> tuple[float, str, str | None] | None:
    """The first amount of money in ``text``: (value, ISO 4217 code, qualifier), e.g.
    "hơn 1,5 tỷ USD" -> (1500000000.0, "USD", "more_than"); None when there is none."""
    for m in _lex().money.pattern.finditer(text):
        got = _amount(m)
        if got:
            return got[0], str(got[1]), qualifier_of(m.group("q"))
    return None


# ---------------------------------------------------------------------------------------------- partners


def _foreign(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """Foreign states named in [start, end), in order ("US" of "US$" is a currency, not a state)."""
    return [(s.start, s.code) for s in doc.in_span(doc.states, start, end)
            if s.code != HOME and doc.text[s.end:s.end + 1] != "$"]


def _names_home(doc: Doc, sent: Sentence) -> bool:
    if any(s.code == HOME for s in doc.in_span(doc.states, sent.start, sent.end)) or _rx().self.search(sent.text):
        return True
    for i in doc.people_idx_in(sent.start, sent.end):
        p = doc.people[doc.who[i]] if i in doc.who else None
        if ((p.country if p else None) or doc.mentions[i].country) == HOME:
            return True
    return False


def _pair(partner: str | None) -> tuple[str, ...]:
    return tuple(sorted({HOME, partner})) if partner and partner != HOME else (HOME,)


def _other_pair(doc: Doc, sent: Sentence, found: str, start: int, end: int) -> tuple[str, ...] | None:
    """Two foreign states and no Vietnam in the sentence ("Hàn Quốc và Nhật Bản ký 3 văn kiện"): the pair."""
    if _names_home(doc, sent):
        return None
    others = [(at, c) for at, c in _foreign(doc, start, end) if c != found]
    if not others:
        return None
    marked = bool(_lex().pair_markers.search(sent.text))
    found_at = max((at for at, c in _foreign(doc, start, end) if c == found), default=start)
    marked = marked or bool(_rx().prep_before.search(doc.text[max(sent.start, found_at - 12):found_at]))
    for at, code in sorted(others, key=lambda x: abs(x[0] - found_at)):
        if marked or _rx().prep_before.search(doc.text[max(sent.start, at - 12):at]):
            return tuple(sorted({found, code}))
    return None


def _nearest_foreign(doc: Doc, spans: list[tuple[int, int, bool]]) -> str | None:
    """The foreign state of the first span that names one: the last one before (``True``) or the first after."""
    for start, end, last in spans:
        if end <= start:
            continue
        found = _foreign(doc, start, end)
        if found:
            return found[-1][1] if last else found[0][1]
    return None


# ---------------------------------------------------------------------------------------------- money


@dataclass(slots=True)
class _Money:
    kind: str | None
    target: bool
    what: str | None
    end: int
    unit: str | None


def _what(before: str, after: str = "") -> str | None:
    """What an amount measures: the cue's phrase before it ("kim ngạch thương mại song phương"), and what
    follows it when that says what for ("viện trợ ... cho chương trình thích ứng biến đổi khí hậu")."""
    words = _rx().what_stop.sub("", before.strip(" ,;:")).split()[:10]
    tail = _rx().what_after.match(after)
    if tail and len(words) <= 3:
        words += tail.group(0).split()[:10]
    return " ".join(words).strip(" ,;:") or None


def _clauses(doc: Doc, sent: Sentence) -> list[tuple[int, int]]:
    """Clause bounds (sentence-relative) for the kind and partner of a figure."""
    bounds, start = [], 0
    for m in doc.finditer(_pf().clause_end, sent):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(sent.text)))
    return bounds


def _money_figures(doc: Doc, sent: Sentence, ev: Evidence, add: _Add) -> None:
    lex = _lex()
    text = sent.text
    if text.rstrip(" \"”'»)").endswith("?"):
        return  # a question asserts no amount ("Ai sẽ giúp các nhà đầu tư ... 1 tỷ USD?")
    clauses = _clauses(doc, sent)
    prev: _Money | None = None
    prev_clause = -1
    for m in doc.finditer(lex.money, sent):
        got = _amount(m)
        if got is None:
            continue
        value, unit = got
        if prev is not None and prev.unit != unit and _rx().conversion.fullmatch(text, prev.end, m.start()):
            continue  # "300.000 bảng Anh (khoảng 10 tỷ đồng)": the same amount restated in another currency
        n0 = m.start("q") if m.group("q") else m.start("pre") if m.group("pre") else m.start("num")
        ci = next(i for i, (a, b) in enumerate(clauses) if a <= n0 <= b)
        c_start, c_end = clauses[ci]
        if ci != prev_clause:
            # a new clause: "trong khi B dành 45 triệu euro" may continue the kind of the clause before,
            # what follows a semicolon starts afresh
            if prev is not None and ";" in text[prev.end:c_start]:
                prev = None
            prev_clause = ci
        seg_start = max(c_start, prev.end if prev else 0, n0 - 220)
        cue = None
        cue_start = 0
        for cm in lex.cues.finditer(text, seg_start, n0):
            # a run of cues of one kind ("kim ngạch thương mại song phương") starts at its first
            cue_start = cue_start if cue is not None and cue.lastgroup == cm.lastgroup and \
                cm.start() - cue.end() <= 1 else cm.start()
            cue = cm
        after = text[m.end():m.end() + 120]
        if cue is not None:
            kind = cue.lastgroup
            tstart = max(c_start, cue_start - 60, prev.end if prev else 0)
            target = bool(lex.targets.search(text, tstart, n0))
            what = _what(text[cue_start:n0], after)
        elif prev is not None:
            kind, target, what = prev.kind, prev.target or bool(lex.targets.search(text, prev.end, n0)), prev.what
        else:
            # the cue may follow the amount, past a restatement: "2.550 tỷ yen, tương đương 23 tỷ USD vốn ODA"
            conv = _rx().conversion.match(after)
            again = lex.money.pattern.match(after, conv.end()) if conv else None
            ca = lex.cue_after.match(after[again.end():] if again and _amount(again) else after)
            kind = ca.lastgroup if ca else None
            target, what = False, (_what(ca.group(0), after[ca.end():]) if ca else None)
        prev = _Money(kind, target, what, m.end(), unit)
        if kind in (None, "block"):
            continue
        if kind == "aid_weak" and cue is not None and any(
                c.lastgroup == "aid" for c in lex.cues.finditer(text, seg_start, cue.start())):
            kind = "aid"  # "ODA vốn vay cho Chương trình hỗ trợ ...": the strong cue names the money
        if kind == "aid_weak":
            if not (_foreign(doc, sent.start, sent.end) or doc.in_span(doc.bodies, sent.start, sent.end)
                    or lex.foreign_side.search(text)):
                continue
            kind = "aid"
        if kind == "trade":
            target = target or bool(lex.target_after.search(after))
            kind = "trade_target" if target else "trade_value"
            prev.kind = "trade"
        countries = _money_partners(doc, sent, (c_start, c_end), seg_start, n0, m.end(), kind)
        if countries == (HOME,) and unit == "VND" and doc.partner_near(sent.start + n0) is None \
                and not _foreign(doc, sent.start, sent.end) and not _names_body(doc, sent, c_start, n0):
            continue  # đồng with no other party anywhere: a domestic budget or a family's gift, not diplomacy
        add(Figure(kind, countries, value, unit, qualifier_of(m.group("q")), what, "article", ev))


def _money_partners(doc: Doc, sent: Sentence, clause: tuple[int, int], seg_start: int, n0: int, n1: int,
                    kind: str) -> tuple[str, ...]:
    o = sent.start
    c_start, c_end = clause
    partner = _nearest_foreign(doc, [(o + seg_start, o + n0, True), (o + c_start, o + n0, True),
                                     (o + n1, o + c_end, False)])
    if partner is None:
        if kind in ("aid", "investment") and _names_body(doc, sent, c_start, n0):
            return (HOME,)
        partner = _nearest_foreign(doc, [(sent.start, sent.end, False)])
    if partner is None:
        partner = doc.partner_near(o + n0, prefer_main=True)
        return _pair(partner)
    return _other_pair(doc, sent, partner, o + c_start, o + c_end) or _pair(partner)


def _names_body(doc: Doc, sent: Sentence, c_start: int, n0: int) -> bool:
    """An international body or many donors give the money: it is aid to Vietnam, whatever the currency."""
    before = sent.text[c_start:n0]
    return bool(_lex().many_donors.search(before) or doc.in_span(doc.bodies, sent.start + c_start, sent.start + n0))


# ---------------------------------------------------------------------------------------------- rankings


_VN, _FOREIGN, _OTHER, _UNKNOWN, _INHERIT = "VN", "foreign", "other", "unknown", "inherit"


def _subject(doc: Doc, sent: Sentence, at: int) -> str:
    """Who is ranked: the state before the copula ("Việt Nam hiện là ...") that governs position ``at``."""
    lex = _lex()
    text = sent.text
    cop = None
    for cm in lex.copula.finditer(text, max(0, at - 140), at):
        cop = cm
    if cop is None:
        return _UNKNOWN
    head = text[:cop.start()]
    cut = 0
    for dm in _rx().delims.finditer(head):
        cut = dm.end()
    subj = head[cut:]
    states = [s.code for s in doc.in_span(doc.states, sent.start + cut, sent.start + cop.start())]
    if states:
        return _VN if states[-1] == HOME else _FOREIGN
    if _rx().self.search(subj):
        return _VN
    return _INHERIT if not _rx().adverbs.sub("", subj).strip() else _OTHER


def _rank_partner(doc: Doc, sent: Sentence, start: int) -> tuple[str | None, bool]:
    """Whose partner Vietnam is ranked among: the first state named after ``start`` in the clause.
    Returns (code, explicit); code HOME means Vietnam's own partners (no ranking)."""
    text = sent.text
    stop = _pf().clause_end.pattern.search(text, start)
    end = stop.start() if stop else len(text)
    if _rx().self_after.search(text[start:end]):
        return HOME, True
    for s in doc.in_span(doc.states, sent.start + start, sent.start + end):
        # "của Mỹ", "tại Lào" name whose partner; "sau Mỹ, Nhật Bản" names the ones ranked above
        if _rx().of_state.search(text, max(start, s.start - sent.start - 16), s.start - sent.start):
            return s.code, True
    return None, False


def _rank_value(lex: _Lex, m: re.Match[str]) -> float:
    """"thứ 8" -> 8, "thứ hai" -> 2; "lớn nhất", "số một", "đứng đầu" -> 1."""
    n = m.group("n")
    if n:
        return float(n) if n.isdigit() else float(lex.ordinals.get(n.lower(), 0))
    return 1.0




def _tail(text: str, end: int) -> str:
    """What follows a ranking up to the clause's next turn: " của Australia trong ASEAN"."""
    rest = _rx().tail.match(text, end)
    return rest.group(0) if rest else ""


def _ranking_figures(doc: Doc, sent: Sentence, ev: Evidence, add: _Add) -> None:
    lex = _lex()
    text = sent.text
    prev_subject = _UNKNOWN
    prev_partner: str | None = None
    prev_end = -1
    found: list[tuple[re.Match[str], bool]] = [(m, False) for m in doc.finditer(lex.ranking, sent)]
    for m, _ in list(found):
        e = lex.ellipsis.match(text, m.end() + len(_tail(text, m.end())))
        if e:
            found.append((e, True))
    found.sort(key=lambda x: x[0].start())
    for m, elliptic in found:
        value = _rank_value(lex, m)
        if value <= 0:
            continue
        subject = _subject(doc, sent, m.start()) if not elliptic else _INHERIT
        if subject == _INHERIT:
            subject = prev_subject if prev_end >= 0 else _UNKNOWN
        partner, explicit = _rank_partner(doc, sent, m.start())
        if elliptic and not explicit:
            partner, explicit = prev_partner, prev_partner is not None
        prev_subject, prev_partner, prev_end = subject, partner, m.end()
        if subject in (_FOREIGN, _OTHER) or partner == HOME:
            continue
        if subject == _UNKNOWN and not explicit:
            continue
        if partner is None:
            partner = doc.partner_near(sent.start + m.start())
        what = _rx().what_lead.sub("", m.group(0) + _tail(text, m.end())).strip(" ,")
        add(Figure("ranking", _pair(partner), value, None, None, what, "article", ev))
    for m in doc.finditer(lex.standing, sent):
        if not lex.standing_ctx.search(text, m.end(), m.end() + 60):
            continue
        if _subject(doc, sent, m.end()) != _VN:
            continue
        value = _rank_value(lex, m)
        partner, _ = _rank_partner(doc, sent, m.end())
        if partner == HOME or value <= 0:
            continue
        partner = partner or doc.partner_near(sent.start + m.start())
        add(Figure("ranking", _pair(partner), value, None, None, (m.group(0) + _tail(text, m.end())).strip(" ,"),
                   "article", ev))


# ---------------------------------------------------------------------------------------------- counts


def _count_ok(lex: _Lex, text: str, m: re.Match[str], cls: str) -> bool:
    before = text[max(0, m.start() - 80):m.start()]
    after = text[m.end():m.end() + 60]
    if _rx().ordinal_before.search(text[:m.start("num")]) or _rx().denominator.search(text[:m.start()]):
        return False
    if cls == "documents":
        return bool(lex.doc_context.search(before) or lex.doc_context.search(text, m.end(), m.end() + 90))
    if cls == "delegations":
        if lex.del_not_before.search(before) or lex.del_not_after.search(after):
            return False
        return bool(lex.del_context.search(before[-50:]) or lex.del_context.search(after))
    if cls == "activities":
        return bool(lex.act_after.search(after))
    if cls == "relations":
        return bool(lex.rel_before.search(before[-60:]) or lex.rel_after.search(after))
    return cls == "meetings"


def _count_partners(doc: Doc, sent: Sentence, cls: str, at: int) -> tuple[str, ...]:
    if cls == "relations":
        return (HOME,)
    foreign = _foreign(doc, sent.start, sent.end)
    if foreign:
        before = [c for s, c in foreign if s < at]
        partner = before[-1] if before else foreign[0][1]
        return _other_pair(doc, sent, partner, sent.start, sent.end) or _pair(partner)
    if cls in ("documents", "delegations", "meetings") and _lex().pair_markers.search(sent.text):
        return _pair(doc.partner_near(at))
    return (HOME,)




def _count_what(text: str, m: re.Match[str], cls: str) -> str:
    if cls == "relations":
        verbs = list(_rx().rel_verb.finditer(text, max(0, m.start() - 60), m.start()))
        if verbs:
            return f"{m.group(cls)} được {verbs[-1].group(1)}{verbs[-1].group(2) or ''}"
    rest = _rx().count_rest.match(text, m.end())
    return (m.group(cls) + (rest.group(0) if rest else "")).strip()


def _count_figures(doc: Doc, sent: Sentence, ev: Evidence, add: _Add) -> None:
    lex = _lex()
    text = sent.text
    for rx in (lex.counts, lex.word_counts):
        for m in doc.finditer(rx, sent):
            cls = m.lastgroup or ""
            if cls not in ("documents", "delegations", "activities", "meetings", "relations"):
                continue
            if _rx().unit_after.match(text, m.end("num")):
                continue
            if not _count_ok(lex, text, m, cls):
                continue
            value = _number(m.group("num"))
            add(Figure("count", _count_partners(doc, sent, cls, sent.start + m.start()), value, None,
                       qualifier_of(m.group("q")), _count_what(text, m, cls), "article", ev), cls)


# ---------------------------------------------------------------------------------------------- all


_DECIMAL = re.compile(r"\d")


@cache
def _sentence_patterns() -> tuple[Prefiltered, ...]:
    """The patterns a figure starts with: a sentence where none can match holds no figure."""
    lex = _lex()
    return lex.money, lex.ranking, lex.standing, lex.counts, lex.word_counts


# The characters that may be a digit other than a decimal one: all but the ranges of Latin and Vietnamese
# letters, their combining marks and ASCII, which hold none but "²", "³" and "¹" (tests/extract/test_figures_digits.py
# checks the ranges).
_OTHER_DIGIT_RANGES = "\x00-\xb1\xb4-\xb8\xba-\u036f\u1e00-\u1eff"
_MAYBE_OTHER_DIGIT = re.compile(f"[^{_OTHER_DIGIT_RANGES}]")


def _has_digit(text: str) -> bool:
    """Any character ``str.isdigit`` accepts: a decimal digit, found by the regex engine at C speed,
    else one of the other digits ("²", "①"), looked for among the few characters outside the Latin and
    Vietnamese letters (a look at every character of every sentence cost a percent of the extraction)."""
    return _DECIMAL.search(text) is not None or any(map(str.isdigit, _MAYBE_OTHER_DIGIT.findall(text)))


def extract_figures(doc: Doc) -> list[Figure]:
    out: list[Figure] = []
    seen: set[tuple[str, float, tuple[str, ...], str]] = set()

    def add(fig: Figure, sort: str = "") -> None:
        """Once per kind, value, partners (and, for counts, sort of thing counted): a title restating
        the body's figure adds nothing. A value that is no finite number within ``MAX_VALUE`` is no figure."""
        if not (math.isfinite(fig.value) and 0 <= fig.value <= MAX_VALUE):
            return
        key = (fig.kind, fig.value, fig.countries, sort)
        if key not in seen:
            seen.add(key)
            out.append(fig)

    for sent in doc.sentences:
        low = sent.text.lower()
        if not any(w in low for w in _seqs().hints) and not _has_digit(low):
            continue
        if not doc.may_match(_sentence_patterns(), sent.start, sent.end):
            continue  # no amount, ranking nor count can start in it
        ev = Evidence(sent.text, sent.start, sent.end)
        _money_figures(doc, sent, ev, add)
        _ranking_figures(doc, sent, ev, add)
        _count_figures(doc, sent, ev, add)
    return out
