"""People as the press names them: a chain of titles, the state or organisation they serve, then the name.

    Thủ tướng Lào Sonexay Siphandone
    Đại sứ Philippines tại Việt Nam Meynardo Los Banos Montealegre
    Bí thư thứ nhất Ban chấp hành Trung ương Đảng Cộng sản Cuba, Chủ tịch nước Cuba Miguel Díaz-Canel
    Chủ tịch Đảng Xã hội Chile Paulina Vodanovic
    Tổng lãnh sự Lào tại TP Hồ Chí Minh - ông Southideth Phommalat

A title with no name after it ("Tổng Bí thư đề nghị ...") is kept as a mention to be resolved later.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from doingoai.analyse.gazetteer import Match, MatchIndex, lower_title_openers
from doingoai.analyse.officeholders import terms_of
from doingoai.config import HOME
from doingoai.lexicon import Table, load_yaml, prefiltered, word_sets
from doingoai.prefilter import Prefiltered

__all__ = ["PersonMention", "find_people", "grammar", "looks_vietnamese"]


@cache
def _words() -> Table[frozenset[str]]:
    """The word sets of ``data/patterns_people.yaml``."""
    return word_sets("patterns_people.yaml")


# How far before a mention its memorial word may stand ("tượng đài " and a space)
MEMORIAL_CHARS = 20


@cache
def _memorial() -> re.Pattern[str]:
    """``memorial_words`` (``data/patterns_people.yaml``) right before a mention."""
    words = sorted(_words().memorial_words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+$", re.IGNORECASE)


@cache
def _pf() -> Table[Prefiltered]:
    """The prefiltered patterns of ``data/patterns_people.yaml``."""
    return prefiltered("patterns_people.yaml")


@cache
def _local_place_units() -> tuple[tuple[str, ...], ...]:
    """The unit words before a local office's place (``local_place_units`` and ``local_units``), as token
    keys, the longest first."""
    units = {tuple(u.split()) for u in _words().local_place_units | _words().local_units}
    return tuple(sorted(units, key=lambda u: (-len(u), u)))


MAX_NAME_WORDS = 6
# How far a portfolio may run between a title and the state ("Bộ trưởng Thương mại và Công nghiệp Singapore").
MAX_PORTFOLIO_TOKENS = 9

@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int  # the whole mention, titles included
    end: int
    titles: tuple[str, ...]  # display titles, without the state ("Bí thư thứ nhất", "Chủ tịch nước")
    name: str | None
    name_start: int | None = None
    name_end: int | None = None
    country: str | None = None  # stated in the mention
    org: str | None = None  # a party or body the office belongs to, when it is not the state
    rank: int = 5
    pillar: str = ""
    first: int = 0  # token indexes
    last: int = 0

    @property
    def title(self) -> str | None:
        """The titles as printed: a comma between them, but "kiêm" ("concurrently") kept where the text has it."""
        if not self.titles:
            return None
        out = self.titles[0].removeprefix(_KIEM)
        for t in self.titles[1:]:
            out += f" {t}" if t.startswith(_KIEM) else f", {t}"
        return out


_KIEM = "kiêm "  # marks a title the text joins to the one before with "kiêm"


@dataclass(frozen=True, slots=True)
class Grammar:
    surnames: frozenset[str]
    particles: frozenset[str]
    org_heads: tuple[tuple[str, ...], ...]
    heads_by_first: dict[str, tuple[tuple[str, ...], ...]]
    title_display: dict[str, str]
    org_words: frozenset[str]
    plural: frozenset[str]
    not_counterparts: tuple[str, ...]
    not_name_words: frozenset[str]
    home_titles: frozenset[str]
    sports: tuple[str, ...]
    title_states: dict[str, str]
    titled_seats: dict[str, tuple[tuple[str, ...], ...]]  # by first word, longest first
    elect_words: dict[str, tuple[tuple[str, ...], ...]]  # by first word, longest first


@cache
def grammar() -> Grammar:
    data = load_yaml("grammar.yaml")
    heads = tuple(sorted((tuple(h.casefold().split()) for h in data["org_heads"]), key=len, reverse=True))
    return Grammar(
        surnames=frozenset(data["vietnamese_surnames"]),
        particles=frozenset(data["name_particles"]),
        org_heads=heads,
        heads_by_first={h[0]: tuple(x for x in heads if x[0] == h[0]) for h in heads},
        title_display={k.casefold(): v for k, v in data["title_display"].items()},
        org_words=frozenset(data["org_words"]),
        plural=frozenset(data["plural_quantifiers"]),
        not_counterparts=tuple(x.casefold() for x in data["not_counterparts"]),
        not_name_words=frozenset(x.casefold() for x in data["not_name_words"]),
        home_titles=frozenset(x.casefold() for x in data["home_titles"]),
        sports=tuple(x.casefold() for x in data["sports_words"]),
        title_states={k.casefold(): v for k, v in data["title_states"].items()},
        titled_seats=_by_first_word(data["titled_seats"]),
        elect_words=_by_first_word(data["elect_words"]),
    )


def _by_first_word(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    words = sorted((tuple(x.casefold().split()) for x in phrases), key=len, reverse=True)
    return {w[0]: tuple(x for x in words if x[0] == w[0]) for w in words}


def _holder_of(p: _Parser, i: int, country: str) -> bool:
    """Whether the name at ``i`` (after honorifics) is of one who held an office of ``country`` (officeholders.tsv)."""
    j = p.skip_honorifics(i) if i < p.n else i
    span = p.name(j) if j < p.n else None
    return span is not None and any(t.state == country for t in terms_of(p.span_text(span[0], span[1] - 1)))


def looks_vietnamese(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and words[0] in grammar().surnames and all(w[:1].isupper() for w in words)


class _Parser:
    def __init__(self, text: str, ix: MatchIndex) -> None:
        self.text = text
        self.tokens = ix.tokens
        self.ix = ix
        self.n = len(self.tokens)
        self._titles: dict[int, Match | None] = {}
        # tokens inside the names of places and bodies, where a title word is part of the name
        self.covered = {k for m in ix.scan(frozenset({"vnplace", "city", "body", "title"}))
                        if m.entry.kind != "title" for k in range(m.first + 1 if m.entry.kind == "body" else m.first,
                                                                   m.last + 1)}

    def key(self, i: int) -> str:
        return self.tokens[i].key if 0 <= i < self.n else ""

    def match(self, i: int, kinds: set[str]) -> Match | None:
        return self.ix.first(i, kinds)

    def title_at(self, i: int) -> Match | None:
        if i in self._titles:
            return self._titles[i]
        self._titles[i] = found = self._title_at(i)
        return found

    def _title_at(self, i: int) -> Match | None:
        if i in self.covered:
            return None  # inside a place or a body's name: "Phủ Chủ tịch", "Văn phòng Chủ tịch nước"
        if self.key(i) in _words().title_prefixes and self.tokens[i].is_upper_initial and i + 1 < self.n:
            inner = self._title_at(i + 1)  # "Quyền Bộ trưởng": the acting holder's title, printed whole
            if inner is not None and self.match(i, {"title"}) is None:
                return Match(inner.entry, i, inner.last, self.tokens[i].start, inner.end)
        m = self.match(i, {"title"})
        # titles open a mention capitalised; the press writes a few in lower case ("người phát ngôn Bộ Ngoại
        # giao Nga", "trợ lý Bộ trưởng", "người đồng cấp Nga Sergei Lavrov"), and the lexicon lists some so
        if m and (self.tokens[i].is_upper_initial or m.entry.form[:1].islower()
                  or self.key(i) in lower_title_openers()) \
                and self.key(i - 1) not in grammar().plural \
                and self.key(m.last + 1) not in _words().compound_tails:
            return m
        return None

    def org_head_at(self, i: int) -> int:
        """Length in tokens of an organisation head word at ``i`` ("Đảng", "Tập đoàn"), 0 if none."""
        if i >= self.n or not self.tokens[i].is_upper_initial:
            return 0
        for head in grammar().heads_by_first.get(self.key(i), ()):
            if tuple(self.key(i + k) for k in range(len(head))) == head:
                return len(head)
        return 0

    def span_text(self, a: int, b: int) -> str:
        return self.text[self.tokens[a].start:self.tokens[b].end]

    # -- the parts of a mention ------------------------------------------------------------

    def qualifiers(self, i: int) -> tuple[int, str | None, str | None, str | None]:
        """After a title: the state, a party/organisation, a posting ("tại Việt Nam"), brackets.
        Returns (next index, country, org, text to append to the title)."""
        country: str | None = None
        org: str | None = None
        extra: str | None = None
        while i < self.n:
            k = self.key(i)
            elect = self.elect(i) if extra is None and org is None and country is None else None
            if elect is not None:
                # "Tổng thống đắc cử Hoa Kỳ Donald Trump": the office as printed, the state after it the person's
                extra = self.span_text(i, elect - 1)
                i = elect
                continue
            seat = self.titled_seat(i) if extra is None and org is None and country is None else None
            if seat is not None:
                # "người phát ngôn Điện Kremlin", "trợ lý Bộ trưởng Bộ Ngoại giao Trung Quốc": the seat or ministry
                # the office belongs to is part of the title as printed; the state after it is not
                extra = self.span_text(i, seat - 1)
                i = seat
                continue
            state = self.match(i + 1, {"state"}) if k == "nước" else None
            if state:
                country = country or state.entry.value
                i = state.last + 1
                continue
            state = self.match(i, {"state"})
            if state and self.tokens[i].is_upper_initial:
                country = country or state.entry.value
                i = state.last + 1
                continue
            place = self.match(i + 1, {"vnplace", "city"}) if k in {"tỉnh", "tp", "thành"} else None
            if k == "thành" and self.key(i + 1) == "phố":
                place = self.match(i + 2, {"vnplace", "city"})
            if place is None and self.tokens[i].is_upper_initial:
                place = self.match(i, {"vnplace"})
            if place:
                country = country or place.entry.value
                i = place.last + 1
                continue
            if k == "tại":
                where = self.match(i + 1, {"state", "city", "vnplace"})
                j = i + 1
                while where is None and j < self.n and self.key(j) in {"tp", "thành", "phố", "thủ", "đô", "."}:
                    j += 1
                    where = self.match(j, {"state", "city", "vnplace"})
                if where:
                    i = where.last + 1
                    continue
            if k in grammar().org_words and not self.tokens[i].is_upper_initial and i > 0:
                # "Chủ tịch Hội hữu nghị đối ngoại nhân dân Trung Quốc X": the rest of the body's name, up to its state
                j, inner_country = self._org_phrase(i)
                if inner_country is not None:
                    country = country or inner_country
                    i = j
                    continue
            if k == "của" and self.tokens[i + 1 if i + 1 < self.n else i].is_upper_initial:
                # "Đại diện cấp cao của EU", "Tổng Thư ký của Liên hợp quốc"
                owner = self.match(i + 1, {"body"}) or self.match(i + 1, {"state"})
                if owner:
                    if owner.entry.kind == "state":
                        country = country or owner.entry.value
                    else:
                        org = org or owner.entry.value
                    i = owner.last + 1
                    continue
            if k == "về":
                # "Đại diện cấp cao về chính sách an ninh và đối ngoại của Liên minh châu Âu": a remit, then its owner
                j = i + 1
                while j < self.n and j - i <= 10 and self.tokens[j].is_word and not self.tokens[j].is_upper_initial \
                        and self.key(j) != "của":
                    j += 1
                if self.key(j) == "của" and (self.match(j + 1, {"body"}) or self.match(j + 1, {"state"})):
                    i = j
                    continue
                if (org or country) and j < self.n and j > i + 1 and self.tokens[j].is_upper_initial \
                        and not self.title_at(j):
                    i = j  # "Đại diện cấp cao Liên minh châu Âu (EU) về chính sách an ninh và đối ngoại X"
                    continue
            if k == "(":
                close = next((j for j in range(i + 1, min(self.n, i + 8)) if self.key(j) == ")"), None)
                if close is not None:
                    inner = self.match(i + 1, {"state"})
                    if inner and inner.last + 1 == close:
                        country = country or inner.entry.value
                    i = close + 1
                    continue
            body = self.match(i, {"body"})
            if body and self.tokens[i].is_upper_initial:
                org = org or body.entry.value
                i = body.last + 1
                continue
            portfolio = self._portfolio(i) if not extra and country is None else None
            if portfolio is not None:
                j, state = portfolio
                extra = self.span_text(i, j - 1)
                country = state.entry.value
                i = state.last + 1
                continue
            if k in _words().local_units and i + 1 < self.n and self.tokens[i + 1].is_upper_initial:
                place = self.match(i + 1, {"city", "vnplace", "state"})
                i = place.last + 1 if place else i + 2  # "vùng Lombardia", "bang California"
                if place and place.entry.kind != "state":
                    country = country or place.entry.value
                continue
            head = self.org_head_at(i)
            if head:
                j, inner_country = self._org_phrase(i + head)
                phrase = self.span_text(i, j - 1)
                party_apparatus = phrase.casefold().startswith(("ban chấp hành", "trung ương"))
                if self.key(i) == "đảng" and not party_apparatus and org is None:
                    org, extra = phrase, phrase
                elif party_apparatus and extra is None and org is None and inner_country is not None:
                    # "Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc": the party's apparatus stays in
                    # the title as printed (the dev2 gold), its state is the person's
                    extra = phrase
                country = country or inner_country
                i = j
                continue
            break
        return i, country, org, extra

    def local_place(self, i: int) -> tuple[int, str] | None:
        """After a local office ("Bí thư Tỉnh ủy", "Tỉnh trưởng", "Thị trưởng"): its province or city, with
        the unit word the press puts first ("tỉnh Tứ Xuyên", "thành phố Hồ Chí Minh", "TP Huế"). Returns the
        index after it and the place's country."""
        j = i
        for unit in _local_place_units():
            if all(self.key(i + k) == word for k, word in enumerate(unit)):
                j = i + len(unit)
                if self.key(j) == ".":
                    j += 1  # "TP. Huế"
                break
        if j >= self.n or not self.tokens[j].is_upper_initial:
            return None
        place = self.match(j, {"city", "vnplace"})
        if place is None:
            return None
        return place.last + 1, str(place.entry.value)

    def elect(self, i: int) -> int | None:
        """The end of the words marking an office not yet taken ("đắc cử"), printed right after it."""
        for words in grammar().elect_words.get(self.key(i), ()):
            if all(self.key(i + k) == w for k, w in enumerate(words)):
                return i + len(words)
        return None

    def titled_seat(self, i: int) -> int | None:
        """The end of a seat or ministry printed after an office as part of it ("Điện Kremlin", "Bộ Ngoại giao")."""
        seats = grammar().titled_seats.get(self.key(i))  # by first word: this runs after every title
        if not seats or not self.tokens[i].is_upper_initial:
            return None
        for seat in seats:
            if all(self.key(i + k) == w for k, w in enumerate(seat)):
                return i + len(seat)
        return None

    def _portfolio(self, i: int) -> tuple[int, Match] | None:
        """"Bộ trưởng Thương mại và Công nghiệp Singapore Gan Kim Yong": a portfolio the lexicon does not
        know, then the state, then a name. Returns (index after the portfolio, the state)."""
        if self.key(i) == "và" and i + 1 < self.n and self.tokens[i + 1].is_upper_initial:
            i += 1  # "Bộ trưởng Thương mại | và Công nghiệp Ghana"
        if i >= self.n or not self.tokens[i].is_upper_initial or self.match(i, {"state", "body", "title"}) \
                or self.tokens[i].text in grammar().surnames or self.key(i) == "đảng":
            return None  # (a party's name is an organisation, read by ``qualifiers``: "Chủ tịch Đảng Xã hội Chile")
        for j in range(i + 1, min(self.n, i + MAX_PORTFOLIO_TOKENS)):
            t = self.tokens[j]
            if not t.is_word or self.title_at(j):
                return None
            state = self.match(j, {"state"})
            if state and not state.entry.ambiguous and t.is_upper_initial and state.last + 1 < self.n and \
                    self.tokens[state.last + 1].is_upper_initial and self.tokens[state.last + 1].is_word:
                return j, state
        return None

    def _org_phrase(self, j: int) -> tuple[int, str | None]:
        """Capitalised words of an organisation's name, up to and including a state name. With no state
        in it, a name follows the organisation's own: keep one word ("Đảng FRELIMO Roque Silva Samuel")."""
        start = j
        country = None
        words = grammar().org_words
        while j < self.n and self.tokens[j].is_word and (self.tokens[j].is_upper_initial or self.key(j) in words):
            state = self.match(j, {"state"})
            if state and self.tokens[j].is_upper_initial:
                country = state.entry.value
                j = state.last + 1
                break
            if self.title_at(j) and j > 0:
                break
            j += 1
        if country is None and j - start >= 3 and all(self.tokens[k].is_upper_initial for k in range(start, j)):
            return start + 1, None
        return j, country

    def name(self, i: int) -> tuple[int, int] | None:
        """Token range [i, j) of a person's name starting at ``i`` (honorifics skipped by the caller)."""
        if self.title_at(i):
            return None  # "Chủ tịch Đoàn Chủ tịch Đảng ...": an office, not a name
        j = i
        words = 0
        while j < self.n and words < MAX_NAME_WORDS:
            t = self.tokens[j]
            if j > i and "\n" in self.text[self.tokens[j - 1].end:t.start]:
                break  # a name never runs on to the next line ("Olaf Scholz" / "Tháp Rùa ..." on the line below)
            if t.is_word and t.is_upper_initial and not t.is_number:
                if j > i and self.title_at(j):
                    break
                words += 1
                j += 1
                # initials and suffixes: "R.", "L.B.", "Jr."
                if j < self.n and self.key(j) == "." and (len(t.text) <= 2 or t.key in {"jr", "sr"}) and \
                        self.tokens[j].start == t.end:
                    j += 1
                continue
            if t.key in grammar().particles and j > i and j + 1 < self.n and self.tokens[j + 1].is_upper_initial \
                    and self.tokens[j + 1].is_word:
                j += 1
                continue
            if t.key in grammar().particles and j > i and j + 2 < self.n and self.tokens[j + 1].text == "-" \
                    and self.tokens[j + 2].is_upper_initial and t.end == self.tokens[j + 1].start:
                j += 2  # "Abdel Fattah el-Sisi", "Bashar al-Assad"
                continue
            if t.text in {"-", "'", "’"} and j > i and j + 1 < self.n and self.tokens[j + 1].is_word and \
                    self.tokens[j - 1].end == t.start and t.end == self.tokens[j + 1].start:
                # a transliterated syllable ("Vi-vi-an Ba-la-cri-xnan", "Cây-xi") belongs to the name
                # whatever its case; the hyphen alone never ends one
                j += 2
                continue
            break
        if words == 0:
            return None
        # a trailing "." after a full word is the sentence's end, not an initial
        while j > i and self.key(j - 1) == "." and len(self.tokens[j - 2].text) > 2 and \
                self.tokens[j - 2].key not in {"jr", "sr"}:
            j -= 1
        if j == i + 1 and len(self.tokens[i].text) > 1 and self.tokens[i].text.isupper():
            return None  # "Chủ tịch CPP, Chủ tịch Thượng viện ... Hun Sen": an acronym alone is a body, not a name
        return i, j

    def skip_honorifics(self, i: int) -> int:
        while i < self.n:
            m = self.match(i, {"honorific"})
            if not m or m.entry.sub == "spouse":
                break
            # "ông"/"bà" before a capitalised word only
            if m.last + 1 >= self.n or not self.tokens[m.last + 1].is_upper_initial:
                break
            i = m.last + 1
        return i


def _display(title: str) -> str:
    return grammar().title_display.get(title.casefold(), title)


def find_people(text: str, ix: MatchIndex) -> list[PersonMention]:
    """Every person mention, titled or introduced by an honorific, in text order."""
    p = _Parser(text, ix)
    tokens = ix.tokens
    out: list[PersonMention] = []
    # a mention starts on a title or an honorific: the tokens in between are skipped at once
    title_starts = set(ix.starts("title"))
    prefixed = {k - 1 for k in title_starts if k > 0 and p.key(k - 1) in _words().title_prefixes}
    openers = sorted({*title_starts, *prefixed, *ix.starts("honorific")})
    i = 0
    while i < p.n:
        k = bisect_left(openers, i)
        if k == len(openers):
            break
        i = openers[k]
        title = p.title_at(i)
        if title is None:
            i = _honorific_person(p, i, out)
            continue
        start = i
        titles: list[str] = []
        chain: list[tuple[int, str | None]] = []  # each title's first token and the state it names
        country = org = None
        rank, pillar = 9, ""
        joined_by_kiem = False
        while title is not None:
            if title.last > title.first and tokens[title.last].key == "đảng" and title.last + 1 < p.n and \
                    tokens[title.last + 1].is_upper_initial:
                # "Chủ tịch Đảng Xã hội Chile": the party's name follows, parse it as the organisation
                title = Match(title.entry, title.first, title.last - 1, title.start, tokens[title.last - 1].end)
            shown = _display(p.span_text(title.first, title.last))
            if title.entry.rank < rank:
                rank, pillar = title.entry.rank, title.entry.pillar
            local = p.local_place(title.last + 1) if title.entry.pillar == "local" else None
            if local is not None:
                # a province or city is part of a local office as printed ("Bí thư Tỉnh ủy Thanh Hải"); unlike a
                # state, which the title leaves out, it says which office
                shown = f"{shown} {p.span_text(title.last + 1, local[0] - 1)}"
            i, c, o, extra = p.qualifiers(local[0] if local else title.last + 1)
            c = c or (local[1] if local else None)
            c = c or grammar().title_states.get(shown.casefold())  # "Nhật hoàng", "Giáo hoàng": their state
            if c and country and c != country:
                # "được bầu giữ chức Chủ tịch nước ... Việt Nam, Tổng Bí thư, Chủ tịch nước ... Lào X": a title
                # of another state ends the chain; the person's own titles start after the last one of it
                keep = [k for k, (_, own) in enumerate(chain) if own == country][-1] + 1
                start, titles, chain = chain[keep][0] if keep < len(chain) else title.first, titles[keep:], chain[keep:]
                country, org, rank, pillar = None, None, title.entry.rank, title.entry.pillar
            chain.append((title.first, c))
            shown = f"{shown} {extra}" if extra and (org is None or extra == o) else shown
            titles.append(f"{_KIEM}{shown}" if joined_by_kiem else shown)
            country, org = country or c, org or o
            joined_by_kiem = p.key(i) == "kiêm"
            nxt = i + 1 if p.key(i) in {",", "kiêm"} else i + 2 if p.key(i) == "đồng" and p.key(i + 1) == "thời" \
                else None
            title = p.title_at(nxt) if nxt is not None else None
            if title is not None and country is not None and country != HOME and \
                    p.span_text(title.first, title.last).casefold() in grammar().home_titles and \
                    p.qualifiers(title.last + 1)[1] is None and not _holder_of(p, title.last + 1, country):
                # "Nhận lời mời của Tổng thống Pháp, Chủ tịch nước sẽ thăm": Vietnam's office, another person (not
                # "Tổng Bí thư ... Đảng Cộng sản Trung Quốc, Chủ tịch nước Tập Cận Bình", China's own holder)
                title = None
            if title is not None:
                i = nxt  # type: ignore[assignment]
        # "Tổng lãnh sự Lào tại TP Hồ Chí Minh - ông Southideth Phommalat"
        j = i + 1 if p.key(i) in {"-", ":"} and i + 1 < p.n else i
        j = p.skip_honorifics(j)
        span = p.name(j) if j < p.n else None
        if span is None and j != i:
            span = None
        if span:
            a, b = span
            name_text = p.span_text(a, b - 1)
            out.append(PersonMention(tokens[start].start, tokens[b - 1].end, tuple(titles), name_text,
                                     tokens[a].start, tokens[b - 1].end, country, org, rank, pillar, start, b - 1))
            i = b
        else:
            out.append(PersonMention(tokens[start].start, tokens[max(start, i - 1)].end, tuple(titles), None,
                                     country=country, org=org, rank=rank, pillar=pillar, first=start,
                                     last=max(start, i - 1)))
            i = max(i, start + 1)
    return _appositions(text, out)


def _appositions(text: str, found: list[PersonMention]) -> list[PersonMention]:
    """"bà Esperança Bias, Chủ tịch Quốc hội Mozambique": a bare name followed by its title."""
    out: list[PersonMention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.name and not prev.titles and m.name is None and m.titles and \
                text[prev.end:m.start].strip() in {",", "-", "–"}:
            out[-1] = PersonMention(prev.start, m.end, m.titles, prev.name, prev.name_start, prev.name_end, m.country,
                                    m.org, m.rank, m.pillar, prev.first, m.last)
            continue
        bare = _BARE_NAME.search(text, max(prev.end if prev else 0, m.start - 60), m.start) \
            if m.name is None and m.titles else None
        if bare and not set(bare.group(1).casefold().split()) & grammar().not_name_words:
            # "Dmitry Peskov, người phát ngôn Điện Kremlin, cho biết": a name with no honorific, then its title
            out.append(PersonMention(bare.start(), m.end, m.titles, bare.group(1), bare.start(), bare.end(1),
                                     m.country, m.org, m.rank, m.pillar, m.first, m.last))
            continue
        out.append(m)
    # "vào Lăng viếng Chủ tịch Hồ Chí Minh": a tribute to the dead, no one taking part; "được Chủ tịch Hồ Chí Minh và
    # Chủ tịch Mao Trạch Đông dày công xây dựng": the founders of a relationship, honoured
    founders = [(f.start("who"), f.end("who")) for f in _pf().founders.finditer(text, None)] if out else []
    return [m for m in out if not _memorial().search(text, max(0, m.start - MEMORIAL_CHARS), m.start)
            and not any(a <= m.start and m.end <= b for a, b in founders)]


# A name of two to four capitalised words (foreign names, hyphenated or not) right before ", <title>".
_BARE_NAME = re.compile(r"(?<![\w-])((?:[A-ZÀ-ỸĐ][\w'’.-]*)(?:[ ][A-ZÀ-ỸĐ][\w'’.-]*){1,3}),[ ]$")


def _honorific_person(p: _Parser, i: int, out: list[PersonMention]) -> int:
    """"bà Paulina Vodanovic", "ông Nguyễn Văn Khang": a name introduced by an honorific only."""
    m = p.match(i, {"honorific"})
    if m is None or m.entry.sub == "spouse":
        return i + 1
    j = p.skip_honorifics(i)
    if j == i:
        return i + 1
    span = p.name(j)
    if span is None:
        return i + 1
    a, b = span
    out.append(PersonMention(p.tokens[i].start, p.tokens[b - 1].end, (), p.span_text(a, b - 1),
                             p.tokens[a].start, p.tokens[b - 1].end, first=i, last=b - 1))
    return b
