"""Lexicon look-up over tokens: states, cities, Vietnamese places, multilateral bodies, titles, honorifics.

All forms are tokenized like the text and matched as token sequences (case-insensitive, dashes unified),
longest first. What a match means in context (an ambiguous "Anh", an acronym that must keep its case)
is for the caller to decide, with the flags carried by each entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import Literal

from doingoai.analyse.tokens import Token, tokenize
from doingoai.lexicon import LexiconError, Table, load_tsv, word_sets

__all__ = ["Entry", "Gazetteer", "Match", "MatchIndex", "gazetteer", "lower_title_openers"]


@cache
def _words() -> Table[frozenset[str]]:
    """The word sets of ``data/patterns_gazetteer.yaml``."""
    return word_sets("patterns_gazetteer.yaml")


def lower_title_openers() -> frozenset[str]:
    """Titles that open a person's mention even when written in lower case (``data/patterns_gazetteer.yaml``)."""
    return _words().lower_title_openers


Kind = Literal["state", "city", "vnplace", "body", "title", "honorific"]




@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    value: str  # ISO code for state/city/vnplace, body key, canonical title, honorific form
    form: str  # the form as written in the lexicon
    ambiguous: bool = False  # needs context (a common word or name)
    exact_case: bool = False  # an acronym: matches only as written
    rank: int = 5  # titles: 1 (head of state/government/party) .. 5
    pillar: str = ""  # titles: party, state, government, parliament, local, diplomatic, ...
    sub: str = ""  # vnplace kind (province/city/venue), honorific kind


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    first: int  # token index
    last: int  # token index, inclusive
    start: int  # character offsets
    end: int


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _ambiguous_forms(note: str) -> set[str]:
    return {part.split(":", 1)[1].strip() for part in note.split(";") if part.strip().startswith("ambiguous:")}


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) and " " not in form


# A token's key (``Token.key``), read without a Python step per token.
_KEY = itemgetter(Token._fields.index("key"))


class _Node:
    """A node of the gazetteer's trie: the entries whose form ends here, and the token keys that go on."""

    __slots__ = ("entries", "next")

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.next: dict[str, _Node] = {}


class Gazetteer:
    """All lexicon forms, indexed by their token keys."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._index: dict[tuple[str, ...], list[Entry]] = {}
        # the same forms as a trie of token keys: a look-up walks the text's tokens one dictionary
        # step each, and stops at the first key no form goes on with
        self._trie: dict[str, _Node] = {}
        self._exact: dict[int, str] = {}  # id(entry) -> its tokens as written, for case-exact forms
        self.max_tokens = 1
        for e in entries:
            toks = tokenize(e.form)
            key = tuple(t.key for t in toks)
            if not key:
                continue
            if e.exact_case:
                self._exact[id(e)] = " ".join(t.text for t in toks)
            self._index.setdefault(key, []).append(e)
            self.max_tokens = max(self.max_tokens, len(key))
            level = self._trie
            for k in key[:-1]:
                level = level.setdefault(k, _Node()).next
            level.setdefault(key[-1], _Node()).entries.append(e)

    def lookup(self, form: str) -> list[Entry]:
        return list(self._index.get(tuple(t.key for t in tokenize(form)), ()))

    def matches_at(self, tokens: list[Token], i: int, kinds: frozenset[str] | None = None) -> list[Match]:
        """Every entry whose form starts at token ``i``, longest first."""
        node = self._trie.get(tokens[i].key)
        return self._walk(node, tokens, i, kinds) if node is not None else []

    def _walk(self, node: _Node | None, tokens: list[Token], i: int, kinds: frozenset[str] | None) -> list[Match]:
        """The matches from token ``i``, whose key led to ``node``, longest first."""
        by_length: list[list[Match]] = []  # shortest first
        j = i
        first = tokens[i].text[0]
        capital = first.isupper() or first.isdigit()  # (``_case_ok``, for all the forms starting here)
        while node is not None:
            if node.entries:
                found = [Match(e, i, j, tokens[i].start, tokens[j].end) for e in node.entries
                         if (kinds is None or e.kind in kinds) and (
                             (capital and not e.exact_case) or self._case_ok(e, tokens, i, j))]
                if found:
                    by_length.append(found)
            j += 1
            if j >= len(tokens):
                break
            node = node.next.get(tokens[j].key)
        if len(by_length) == 1:
            return by_length[0]
        return [m for found in reversed(by_length) for m in found]

    def index(self, tokens: list[Token]) -> MatchIndex:
        """All matches of all kinds at every token, computed once for a text."""
        keys = list(map(_KEY, tokens))
        nodes = list(map(self._trie.get, keys))
        last = len(tokens) - 1
        at: dict[int, list[Match]] = {}
        for i in compress(range(len(nodes)), nodes):  # the tokens some form starts with
            node = nodes[i]
            # most of them start only longer forms, that the next token does not go on with
            if node is None or (not node.entries and (i == last or keys[i + 1] not in node.next)):
                continue
            found = self._walk(node, tokens, i, None)
            if found:
                at[i] = found
        return MatchIndex(tokens, at)

    def _case_ok(self, e: Entry, tokens: list[Token], i: int, j: int) -> bool:
        if e.exact_case:
            return " ".join(t.text for t in tokens[i:j + 1]) == self._exact[id(e)]
        if e.kind == "honorific" or (e.kind == "title" and tokens[i].key in _words().lower_title_openers):
            return True
        # proper names are written with a capital: "Lào", not "lào"; "Hội nghị Cấp cao ASEAN"
        first = tokens[i].text
        return first[0].isupper() or first[0].isdigit() or not e.form[0].isupper()

    def scan(self, tokens: list[Token], kinds: frozenset[str] | None = None) -> list[Match]:
        """Non-overlapping matches, leftmost-longest."""
        out: list[Match] = []
        i = 0
        while i < len(tokens):
            found = self.matches_at(tokens, i, kinds)
            if found:
                out.append(found[0])
                i = found[0].last + 1
            else:
                i += 1
        return out


class MatchIndex:
    """The gazetteer's matches in one text, by starting token: every later look-up is a dictionary get."""

    def __init__(self, tokens: list[Token], at: dict[int, list[Match]]) -> None:
        self.tokens = tokens
        self._at = at  # only the tokens where some form starts
        self._starts = sorted(at)
        # the first (longest) match of each kind at each token that has one
        self._by_kind: dict[str, dict[int, Match]] = {}
        for i in self._starts:
            for m in at[i]:
                self._by_kind.setdefault(m.entry.kind, {}).setdefault(i, m)

    def at(self, i: int, kinds: frozenset[str] | set[str] | None = None) -> list[Match]:
        found = self._at.get(i, [])
        return found if kinds is None else [m for m in found if m.entry.kind in kinds]

    def starts(self, kind: str) -> list[int]:
        """The tokens where a form of ``kind`` starts, in order."""
        return sorted(self._by_kind.get(kind, ()))

    def first(self, i: int, kinds: frozenset[str] | set[str]) -> Match | None:
        """The longest match of one of ``kinds`` at token ``i``."""
        if i not in self._at:
            return None
        best: Match | None = None
        for kind in kinds:
            m = self._by_kind.get(kind, {}).get(i)
            if m is not None and (best is None or m.last > best.last):
                best = m
        return best

    def scan(self, kinds: frozenset[str] | None = None) -> list[Match]:
        """Non-overlapping matches, leftmost-longest."""
        out: list[Match] = []
        free = 0
        # ``first`` for each start, inlined: the tables of the kinds, in the order ``first`` reads them
        tables = [self._by_kind.get(kind, {}) for kind in kinds] if kinds is not None else []
        for i in self._starts:
            if i < free:
                continue
            found: Match | None = None
            if kinds is None:
                found = self._at[i][0]
            else:
                for table in tables:
                    m = table.get(i)
                    if m is not None and (found is None or m.last > found.last):
                        found = m
            if found:
                out.append(found)
                free = found.last + 1
        return out


def _state_entries() -> Iterable[Entry]:
    rows = load_tsv("countries.tsv", ("code", "name", "variants", "english", "cities", "note"))
    for row in rows:
        code = row["code"]
        if len(code) != 2 or not code.isupper():
            raise LexiconError(f"countries.tsv: bad code {code!r}")
        ambiguous = _ambiguous_forms(row["note"])
        for form in [row["name"], *_split(row["variants"]), *_split(row["english"])]:
            yield Entry("state", code, form, ambiguous=form in ambiguous, exact_case=_is_acronym(form))
        for form in _split(row["cities"]):
            yield Entry("city", code, form, ambiguous=form in ambiguous)


def _vn_place_entries() -> Iterable[Entry]:
    for row in load_tsv("vn_places.tsv", ("name", "kind", "variants")):
        for form in [row["name"], *_split(row["variants"])]:
            yield Entry("vnplace", "VN", form, sub=row["kind"], exact_case=_is_acronym(form))


def _body_entries() -> Iterable[Entry]:
    for row in load_tsv("bodies.tsv", ("key", "names", "acronyms", "note")):
        for form in _split(row["names"]):
            yield Entry("body", row["key"], form)
        for form in _split(row["acronyms"]):
            yield Entry("body", row["key"], form, exact_case=True)


# Abbreviations the press uses inside titles ("Chủ tịch QH", "Chủ tịch UBND tỉnh", "Ủy viên BCH TƯ").
_TITLE_ABBREVIATIONS = (("Quốc hội", "QH"), ("Ủy ban nhân dân", "UBND"), ("Hội đồng nhân dân", "HĐND"),
                        ("Trung ương", "TƯ"), ("Ban Chấp hành", "BCH"))


def _title_forms(title: str) -> set[str]:
    forms = {title}
    for full, short in _TITLE_ABBREVIATIONS:
        forms |= {f.replace(full, short) for f in forms} | {f.replace(short, full) for f in forms}
    return forms


def _title_entries() -> Iterable[Entry]:
    for row in load_tsv("titles.tsv", ("title", "rank", "pillar", "kind", "note")):
        try:
            rank = int(row["rank"])
        except ValueError as exc:
            raise LexiconError(f"titles.tsv: rank of {row['title']!r} is not a number") from exc
        for form in _title_forms(row["title"]):
            yield Entry("title", row["title"], form, rank=rank, pillar=row["pillar"], sub=row["kind"])


def _honorific_entries() -> Iterable[Entry]:
    for row in load_tsv("honorifics.tsv", ("form", "kind", "note")):
        yield Entry("honorific", row["form"], row["form"], sub=row["kind"], exact_case=row["form"] in {"U", "Daw"})


@cache
def gazetteer() -> Gazetteer:
    """The project's gazetteer, built once from the data files."""
    return Gazetteer([*_state_entries(), *_vn_place_entries(), *_body_entries(), *_title_entries(),
                      *_honorific_entries()])
