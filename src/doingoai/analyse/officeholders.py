"""Who held which top office when: names of officeholders found in text, and the years they date it to.

Foreign-affairs news names leaders far more often than it dates itself: "Chủ tịch nước Nguyễn Xuân Phúc
tiếp ..." can only have been written in 2021-2023, while "Thủ tướng Nguyễn Xuân Phúc" is 2016-2021. This
module reads the reviewed table ``doingoai/data/officeholders.tsv`` (Vietnam's five top offices since
1986, the heads of state and government and foreign ministers of its main partners since about 2000),
finds the names in a text and turns "title + name" into the years the text can speak of.

Everything here is a pure function of its arguments and of the data file: no clock is read. An open
term (still in office) ends at the ``today`` the caller passes, so that results are reproducible.

Matching rules, and why:

* case-insensitive, with a hyphen, a dash and a space equivalent ("Kim Jong-un" is also printed
  "Kim Jong Un", "Lee Jae-myung" also "Lee Jae Myung");
* names in non-Vietnamese spelling are also matched without their accents ("Diaz-Canel" for
  "Díaz-Canel"): the press and its readers drop them. Names in Vietnamese spelling (letters such as
  ă â ê ô ơ ư đ, a hook above or a dot below) are not, because there the tone marks tell names from
  ordinary words ("Tô Lâm" is not "to lam");
* whole words only ("Hun Sen" is not in "Hun Sena"), and the longest name wins ("Vla-đi-mia Pu-tin"
  over "Pu-tin").

Offsets index the text as given; it should be normalized like every text doingoai reads (NFC).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

import ahocorasick  # type: ignore[import-not-found]

from doingoai.analyse.spans import Disjoint
from doingoai.lexicon import LexiconError, Table, data_text, load_tsv, patterns, word_sets

__all__ = [
    "OFFICES",
    "OfficeMatch",
    "Term",
    "accession_years",
    "find_officeholders",
    "state_of",
    "term_spans",
    "term_years",
    "terms",
    "terms_of",
    "vietnamese_spelling",
    "windows",
    "years_consistent",
]


@cache
def _rx() -> Table[re.Pattern[str]]:
    """The plain patterns of ``data/patterns_officeholders.yaml``."""
    return patterns("patterns_officeholders.yaml")


@cache
def _words() -> Table[frozenset[str]]:
    """The word sets of ``data/patterns_officeholders.yaml``."""
    return word_sets("patterns_officeholders.yaml")


FILE = "officeholders.tsv"
COLUMNS = ("state", "office", "title", "name", "variants", "from", "to", "note")
OFFICES = ("party_leader", "head_of_state", "head_of_government", "legislature_chair", "foreign_minister")

# Titles the press writes for each office besides the one a row gives: "Ngoại trưởng" and
# "Bộ trưởng Ngoại giao" are the same post, China's president is "Chủ tịch" or "Chủ tịch nước".
OFFICE_TITLES: dict[str, tuple[str, ...]] = {
    "party_leader": ("Tổng Bí thư", "Bí thư thứ nhất", "Chủ tịch Đảng"),
    "head_of_state": ("Chủ tịch nước", "Chủ tịch", "Tổng thống", "Quốc vương", "Nhà vua", "Vua", "Nữ hoàng",
                      "Nhật hoàng", "Hoàng đế", "Quốc trưởng", "Chủ tịch Hội đồng Nhà nước",
                      "Chủ tịch Ủy ban Quốc vụ"),
    "head_of_government": ("Thủ tướng", "Thủ tướng Chính phủ", "Chủ tịch Hội đồng Bộ trưởng",
                           "Thủ tướng Quốc vụ viện", "Cố vấn Nhà nước", "Trưởng Cố vấn"),
    "legislature_chair": ("Chủ tịch Quốc hội", "Ủy viên trưởng Ủy ban Thường vụ Nhân đại toàn quốc",
                          "Ủy viên trưởng Nhân đại toàn quốc", "Chủ tịch Nhân đại"),
    "foreign_minister": ("Bộ trưởng Ngoại giao", "Bộ trưởng Bộ Ngoại giao", "Ngoại trưởng", "Cố vấn Ngoại giao",
                         "Bộ trưởng Ngoại giao và Hợp tác quốc tế", "Bộ trưởng Châu Âu và Ngoại giao",
                         "Bộ trưởng Đối ngoại", "Bộ trưởng Ngoại giao và Thương mại"),
}
_ACTING = "quyền "

# Titles and state names are short: only this much of the text before a name is read for them.
_LOOKBACK = 300

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STATE = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True, slots=True)
class Term:
    """One person's tenure of one office. ``end`` is None while the term is open."""

    state: str
    office: str
    title: str
    name: str
    variants: tuple[str, ...]
    start: date
    end: date | None
    note: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        """Every spelling of the holder's name: the canonical one first."""
        return (self.name, *self.variants)

    @property
    def acting(self) -> bool:
        return "acting" in self.note.lower()

    def years(self, today: date) -> tuple[int, int]:
        """Calendar years of the term, an open term running to ``today`` (never the clock)."""
        return self.start.year, (self.end or today).year


@dataclass(frozen=True, slots=True)
class OfficeMatch:
    """A name found in a text: ``text[start:end]`` is the name; ``terms`` are all terms of that person."""

    start: int
    end: int
    terms: tuple[Term, ...]


# --- loading -----------------------------------------------------------------------------------------


def _bad(number: int, problem: str) -> LexiconError:
    return LexiconError(f"data file {FILE!r}, line {number}: {problem}")


def _parse_date(cell: str, number: int, column: str) -> date:
    if not _DATE.fullmatch(cell):
        raise _bad(number, f"{column} {cell!r} is not YYYY-MM-DD")
    try:
        return date.fromisoformat(cell)
    except ValueError as exc:
        raise _bad(number, f"{column} {cell!r} is no date: {exc}") from exc


def _parse_row(cells: list[str], number: int) -> Term:
    if len(cells) > len(COLUMNS):
        raise _bad(number, f"{len(cells)} fields for {len(COLUMNS)} columns")
    row = dict(zip(COLUMNS, [c.strip() for c in cells] + [""] * (len(COLUMNS) - len(cells)), strict=True))
    for column, value in row.items():
        if value != unicodedata.normalize("NFC", value):
            raise _bad(number, f"{column} is not NFC")
    if not _STATE.fullmatch(row["state"]):
        raise _bad(number, f"state {row['state']!r} is not an ISO 3166-1 alpha-2 code")
    if row["office"] not in OFFICES:
        raise _bad(number, f"office {row['office']!r} is not one of {OFFICES}")
    for column in ("title", "name", "from"):
        if not row[column]:
            raise _bad(number, f"{column} is empty")
    start = _parse_date(row["from"], number, "from")
    end = _parse_date(row["to"], number, "to") if row["to"] else None
    if end is not None and end < start:
        raise _bad(number, f"to {end} is before from {start}")
    variants = tuple(v.strip() for v in row["variants"].split("|") if v.strip())
    return Term(row["state"], row["office"], row["title"], row["name"], variants, start, end, row["note"])


def parse(text: str) -> tuple[Term, ...]:
    """The terms of a file in the format of officeholders.tsv; a bad row raises with its line number.

    Public for tests and tools that check an edited file before it ships.
    """
    header_seen = False
    out: list[Term] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != COLUMNS:
                raise _bad(number, f"header must be {COLUMNS}")
            header_seen = True
            continue
        out.append(_parse_row(cells, number))
    if not header_seen:
        raise LexiconError(f"data file {FILE!r} has no header")
    return tuple(out)


@cache
def terms() -> tuple[Term, ...]:
    """All terms of the data file, in file order. Loaded once (the file ships with the package)."""
    return parse(data_text(FILE))


# --- keys: case, dashes and (for foreign spellings) accents folded, one character for one ---------------

# A dash and a space are one: the press writes both "Kim Jong-un" and "Kim Jong Un". Each maps to one
# character, so that offsets into the lowered text are offsets into the original.
_SEPARATORS = "-\u2010\u2011\u2012\u2013\u2014\u2212\t\n\r\x0b\x0c\u00a0\u202f"
_SEPARATOR_RX = re.compile("[" + re.escape(_SEPARATORS) + "]")


def _lower(text: str) -> str:
    """Lower case and unified separators, keeping every character at its offset."""
    low = text.lower()
    if len(low) != len(text):  # a letter such as "İ" lowers to two characters: keep those as written
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _SEPARATOR_RX.sub(" ", low)  # (str.translate looks up every character: slower on Vietnamese text)


@cache
def _fold_table() -> dict[int, str]:
    """Accented Latin letters to their base letter, one character each, so that offsets survive."""
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base.lower()
    return table


def _fold(lowered: str) -> str:
    return lowered.translate(_fold_table())


def _vietnamese_spelling(form: str) -> bool:
    """Whether a name is written in Vietnamese spelling, whose tone marks must not be folded away."""
    for char in form:
        if char in "đĐ":
            return True
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0].lower(), set(parts[1:])
        if marks & {"\u031b", "\u0309", "\u0323"}:  # horn (ơ ư), hook above, dot below
            return True
        if ("\u0302" in marks and base in "aeo") or ("\u0306" in marks and base == "a"):  # â ê ô, ă
            return True
    return False


def vietnamese_spelling(form: str) -> bool:
    """Whether a name is in Vietnamese spelling (``_vietnamese_spelling``): its tone marks tell names apart."""
    return _vietnamese_spelling(form)


def _key(form: str) -> str:
    return " ".join(_lower(form).split())


def _word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


_DASHES = frozenset("-\u2010\u2011")


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as whole words.

    A hyphen glued to a letter continues the word: "Park Jin" is not a name in "Park Jin-young".
    """
    if start > 0 and (_word_char(text[start - 1]) or (text[start - 1] in _DASHES and start > 1
                                                      and _word_char(text[start - 2]))):
        return False
    return end == len(text) or not (_word_char(text[end]) or (text[end] in _DASHES and end + 1 < len(text)
                                                              and _word_char(text[end + 1])))


# --- the index ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Index:
    exact: dict[str, tuple[Term, ...]]  # _key(form) -> terms
    folded: dict[str, tuple[Term, ...]]  # _fold(_key(form)) -> terms, for forms in foreign spelling
    exact_automaton: Any  # ahocorasick.Automaton: the extension ships no type stubs
    folded_automaton: Any


def _group(pairs: Iterable[tuple[str, Term]]) -> dict[str, tuple[Term, ...]]:
    out: dict[str, list[Term]] = {}
    for key, term in pairs:
        bucket = out.setdefault(key, [])
        if term not in bucket:
            bucket.append(term)
    return {k: tuple(v) for k, v in out.items()}


def _automaton(keys: dict[str, tuple[Term, ...]]) -> Any:
    automaton = ahocorasick.Automaton()
    for key, found in keys.items():
        automaton.add_word(key, (len(key), found))
    if keys:
        automaton.make_automaton()
    return automaton


@cache
def _index() -> _Index:
    all_terms = terms()
    exact = _group((_key(f), t) for t in all_terms for f in t.forms)
    folded = _group((_fold(_key(f)), t) for t in all_terms for f in t.forms if not _vietnamese_spelling(f))
    # the text is searched as written (lower-cased) only: a name printed without its accents ("Diaz-Canel")
    # is found by its folded form, listed beside the exact ones (folding every page cost more than the rest)
    both = _group([*((k, t) for k, ts in exact.items() for t in ts), *((k, t) for k, ts in folded.items() for t in ts)])
    return _Index(exact, folded, _automaton(both), _automaton({}))


def _hits(automaton: Any, haystack: str) -> Iterable[tuple[int, int, tuple[Term, ...]]]:
    if not len(automaton):
        return
    for last, (length, found) in automaton.iter(haystack):
        yield last - length + 1, last + 1, found


def find_officeholders(text: str) -> list[OfficeMatch]:
    """Every officeholder's name in ``text``, left to right, the longest name where names overlap.

    A match carries all terms of the person (all the offices he held), not a guess at which one the
    text means: ``term_years`` reads the title before the name for that.
    """
    if not text:
        return []
    index = _index()
    lowered = _lower(text)
    found: dict[tuple[int, int], list[Term]] = {}
    for automaton, haystack in ((index.exact_automaton, lowered),):
        for start, end, hit_terms in _hits(automaton, haystack):
            if _bounded(text, start, end):
                bucket = found.setdefault((start, end), [])
                bucket.extend(t for t in hit_terms if t not in bucket)
    taken = Disjoint()
    for start, end in sorted(found, key=lambda span: (span[0] - span[1], span[0])):
        if not taken.meets(start, end):
            taken.add(start, end)
    return [OfficeMatch(s, e, _sorted(found[(s, e)])) for s, e in taken.spans]


def _sorted(found: Iterable[Term]) -> tuple[Term, ...]:
    return tuple(sorted(found, key=lambda t: (t.start, t.state, t.office)))


@functools.lru_cache(maxsize=4096)
def terms_of(name: str) -> tuple[Term, ...]:
    """All terms of the person called ``name`` (any listed spelling), oldest first; () if unknown. (Cached:
    the press names the same people page after page, and each new person of a page is looked up here.)"""
    key = _key(name)
    index = _index()
    if key in index.exact:
        return _sorted(index.exact[key])
    if not _vietnamese_spelling(name):
        found = index.folded.get(_fold(key), ())
        if not found:
            # "Antony J. Blinken", "Michael R. Pompeo", "Joseph R. Biden, Jr.": the press adds middle initials and
            # generational suffixes the table leaves out
            words = key.replace(",", " ").split()
            while words and words[-1] in _words().name_suffixes:
                words.pop()
            bare = " ".join(w for w in words if not _INITIAL.fullmatch(w))
            found = index.folded.get(_fold(bare), ()) if bare != key else ()
        return _sorted(found)
    return ()


_INITIAL = re.compile(r"\w{1,2}\.")


def state_of(name: str) -> str | None:
    """The state whose officeholder ``name`` is, when all his terms agree on one."""
    states = {t.state for t in terms_of(name)}
    return states.pop() if len(states) == 1 else None


# --- titles and years ----------------------------------------------------------------------------------


@cache
def _titles() -> tuple[str, ...]:
    """Every title key the press may write before a name, longest first: ours and titles.tsv's."""
    keys = {_key(t) for titles in OFFICE_TITLES.values() for t in titles}
    keys.update(_key(t.title) for t in terms())
    keys.update(_key(row["title"]) for row in load_tsv("titles.tsv", ("title",)) if row["title"])
    return tuple(sorted(keys, key=len, reverse=True))


@cache
def _state_names() -> tuple[str, ...]:
    """State names that may stand between a title and a name ("Thủ tướng Nhật Bản Kishida Fumio")."""
    keys: set[str] = set()
    for row in load_tsv("countries.tsv", ("code", "name", "variants")):
        keys.update(_key(f) for f in [row["name"], *row["variants"].split("|")] if f.strip())
    return tuple(sorted(keys, key=len, reverse=True))




def _ending(text: str, forms: Sequence[str]) -> str | None:
    """The longest of ``forms`` that ends ``text`` as whole words."""
    # only the forms that end with the text's last word can end it (looked up, not scanned: this runs for
    # every name of every page)
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    for form in _by_last_word(tuple(forms)).get(last, ()):
        if text.endswith(form) and _bounded(text, len(text) - len(form), len(text)):
            return form
    return None


@cache
def _by_last_word(forms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``forms`` by their last word, each list longest first (as ``forms`` is ordered)."""
    out: dict[str, list[str]] = {}
    for form in forms:
        if form.split():
            out.setdefault(form.split()[-1], []).append(form)
    return {k: tuple(v) for k, v in out.items()}


def _before(text: str, start: int) -> str:
    """The text before offset ``start``, as far back as a title is read (``_title_reading`` reads no further):
    copying the whole prefix for each name made a long page's names quadratic."""
    return text[max(0, start - _LOOKBACK):start]


# The word-before mark of a title read with an elect word after it ("Tổng thống đắc cử"): no word of the text
ELECT = "\x00elect"
# How long before a term an elect is named as such: from the election to the swearing-in (the United States' November
# to January; most parliamentary systems take less)
ELECT_DAYS = 120


def _title_reading(text_before_name: str) -> tuple[str, str] | None:
    """See ``_read_title``: the same, for the last ``_LOOKBACK`` characters of the text (cached: the years
    of a text and its accessions read the same names)."""
    return _read_title(text_before_name[-_LOOKBACK:])


@functools.lru_cache(maxsize=4096)
def _read_title(text_before_name: str) -> tuple[str, str] | None:
    """The title that ends the text before a name, and the word before that title; None if no title.

    A state name may stand between title and name; the title key loses an "acting" prefix.
    """
    text = _key(text_before_name[-_LOOKBACK:].rstrip())
    candidates = [text]
    state = _ending(text, _state_names())
    if state:
        rest = text[: len(text) - len(state)].rstrip()
        candidates.append(rest)
        # "Tổng thống nước Cộng hòa Ấn Độ", "Thủ tướng Chính phủ nước CHDCND Lào": the state's long form
        rest = _rx().state_form.sub("", rest).rstrip()
        candidates.append(rest)
    for candidate in candidates:
        elect = _ending(candidate, tuple(_words().elect))
        if elect:
            # "Tổng thống đắc cử (Hoa Kỳ)": the office the person is elected to, not yet held
            title = _ending(candidate[: len(candidate) - len(elect)].rstrip(), _titles())
            if title:
                return title.removeprefix(_ACTING), ELECT
        title = _ending(candidate, _titles())
        if title:
            before = candidate[: len(candidate) - len(title)].split()
            return title.removeprefix(_ACTING), (before[-1] if before else "")
    return None


def _office_keys(term: Term) -> frozenset[str]:
    return _office_keys_of(term.office, term.title)


@cache
def _office_keys_of(office: str, title: str) -> frozenset[str]:
    return frozenset({_key(title), *(_key(t) for t in OFFICE_TITLES[office])})


def term_years(text_before_name: str, term_list: Iterable[Term], today: date) -> list[tuple[int, int]]:
    """The year ranges the name can refer to, given the text that stands before it.

    When a title ends that text ("Chủ tịch nước", or "Thủ tướng Nhật Bản" with the state between), only
    the terms of that office count; "nguyên"/"cựu"/"cố" before the title make them former terms, which
    date the text from the term's end to ``today``. A title of none of the person's offices (a deputy's
    "Phó Thủ tướng", a minister's) gives no range. With no title before the name, every term counts.
    """
    return [(lo.year, hi.year) for lo, hi in term_spans(text_before_name, term_list, today)]


def years_consistent(text: str, matches: Sequence[OfficeMatch], today: date) -> tuple[int, int] | None:
    """The first and last year in which every titled officeholder of ``text`` held the office named.

    Only names with a title before them count: a bare name ("ông Nguyễn Tấn Dũng") may be of a former
    officeholder and says nothing about the year. None when no name counts or the names contradict
    each other. The years of ``windows``: the days every name's terms share (a person who held an office
    twice keeps each term apart).
    """
    spans = windows(text, matches, today)  # the pipeline's own reading, to the day
    if not spans:
        return None
    return min(lo.year for lo, _ in spans), max(hi.year for _, hi in spans)


def term_spans(text_before_name: str, term_list: Iterable[Term], today: date) -> list[tuple[date, date]]:
    """Like ``term_years``, to the day: the spans of the terms the name can refer to, given the title that
    stands before it (a former holder's span runs from the term's end to ``today``)."""
    listed = [t for t in term_list if t.start <= today]
    reading = _title_reading(text_before_name)
    if reading is None:
        return [(t.start, t.end or today) for t in listed]
    title, before = reading
    if before in _words().deputy:
        return []
    matching = [t for t in listed if title in _office_keys(t)]
    if before == ELECT:
        return [(t.start - timedelta(days=ELECT_DAYS), t.start) for t in matching]
    if before in _words().former:
        return [(t.end, today) for t in matching if t.end is not None and t.end <= today]
    return [(t.start, t.end or today) for t in matching]


def windows(text: str, matches: Sequence[OfficeMatch], today: date) -> list[tuple[date, date]]:
    """The spans of days in which every titled officeholder of ``text`` held the office named before his name
    ("Chủ tịch nước Nguyễn Xuân Phúc" and "Thủ tướng Nhật Bản Suga Yoshihide" meet from 16/9/2020 to
    18/1/2023); none when no titled name counts or the names contradict each other (a former holder named
    with his old title). A person who held an office twice keeps each term apart: the answer lists the
    spans that remain, earliest first."""
    spans: list[tuple[date, date]] | None = None
    for match in matches:
        before = _before(text, match.start)
        if _title_reading(before) is None:
            continue
        own = term_spans(before, match.terms, today)
        if not own:
            continue
        if spans is None:
            spans = own
            continue
        spans = [(max(a[0], b[0]), min(a[1], b[1])) for a in spans for b in own if max(a[0], b[0]) <= min(a[1], b[1])]
        if not spans:
            return []
    return sorted(set(spans or []))




def accession_years(text: str, matches: Sequence[OfficeMatch], today: date) -> list[int]:
    """The years in which the text's officeholders took the office it says they were just elected to
    ("tân Thủ tướng Nhật Bản Suga Yoshihide", "Nguyễn Xuân Phúc được bầu giữ chức Chủ tịch nước")."""
    out: list[int] = []
    for match in matches:
        reading = _title_reading(_before(text, match.start))
        listed = [t for t in match.terms if t.start <= today]
        if reading is not None and reading[1] in _words().new:
            out += [t.start.year for t in listed if reading[0] in _office_keys(t)]
            continue
        after = _rx().accession_after.match(text, match.end)
        if after:
            title = _key(after.group("title"))
            out += [t.start.year for t in listed if any(title.startswith(k) for k in _office_keys(t))]
    return out
