"""Who is who across articles: one person for "Tô Lâm" in every article, whatever title it gives him, and one
person for "Meynardo Los Banos Montealegre" and "Maynardo L.B. Montealegre".

The rule is conservative: a wrong merge hides a person, a missed one only splits their record (and
``doingoai person --merge`` or an alias file joins it). Two spellings are one person when

* their keys are equal (case, diacritics, dots and hyphens ignored: "Díaz-Canel" = "Diaz Canel"); or
* the officeholder table (data/officeholders.tsv) names the same officeholder for both ("Lý Cường" and
  "Li Qiang"); it also keeps apart two officeholders whose names nest ("Lý Cường" is not "Lý Khắc Cường"); or
* both are in foreign spelling, of the same state, and their words align in order (``compatible``): the
  first words agree, every word of the shorter name matches a word of the longer one, exactly, as an
  initial ("L.B." for "Los Banos") or by one vowel of transliteration ("Meynardo"/"Maynardo"), at least
  one word of three letters or more is equal, and generational suffixes (Jr., Sr.) do not differ.
  Names in Vietnamese spelling (Vietnamese and Sino-Vietnamese) merge only on equal keys: their middle
  names are not dropped by the press, and two of them that nest are two people.
"""

from __future__ import annotations

import re
from functools import cache

from doingoai.analyse.officeholders import terms_of, vietnamese_spelling
from doingoai.clean.normalize import fold
from doingoai.lexicon import Table, word_sets

__all__ = [
    "compatible", "generational_suffixes", "last_word", "name_key", "officeholder", "same_name", "vietnamese_spelling",
]

_NOT_WORD = re.compile(r"[^\w\s]")


@cache
def _words() -> Table[frozenset[str]]:
    return word_sets("patterns_resolve.yaml")


def generational_suffixes() -> frozenset[str]:
    return _words().generational_suffixes


def name_key(name: str) -> str:
    """Case, diacritics, dots and hyphens ignored: "Díaz-Canel" and "Diaz Canel" share a key."""
    return " ".join(_NOT_WORD.sub(" ", fold(name)).split())


def last_word(name: str) -> str:
    words = name_key(name).split()
    return words[-1] if words else ""


@cache
def officeholder(name: str) -> str | None:
    """The officeholder table's identity of a name ("CU:Miguel Díaz-Canel"), when the name is listed."""
    people = {(t.state, t.name) for t in terms_of(name)}
    if len(people) != 1:
        return None
    state, canonical = people.pop()
    return f"{state}:{canonical}"


def _one_letter_apart(a: str, b: str) -> bool:
    """One vowel changed, added, dropped or swapped with a neighbouring vowel: how transliterations differ
    ("meynardo"/"maynardo", "sisoulith"/"sisolith"). A consonant or a digit tells names apart
    ("Hansen"/"Jansen", "Sato12"/"Sato13")."""
    if a == b or abs(len(a) - len(b)) > 1 or not (a.isalpha() and b.isalpha()):
        return False
    vowels = _words().transliteration_vowels
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return a[diff[0]] in vowels and b[diff[0]] in vowels
        return (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
                and a[diff[0]] in vowels and a[diff[1]] in vowels)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:] and long_[i] in vowels


def _word_match(a: str, b: str) -> str | None:
    """How two words of names agree: "exact", "initial", "near" (one letter apart, long words), or not at all."""
    if a == b:
        return "exact"
    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return "initial"
    if min(len(a), len(b)) >= 5 and _one_letter_apart(a, b):
        return "near"
    return None


def _align(short: list[str], long_: list[str]) -> list[str] | None:
    """The kinds of an in-order alignment of every word of ``short`` with words of ``long_`` (first with first),
    the alignment with the most exact words; None when there is none."""
    best: list[str] | None = None

    def walk(i: int, j: int, kinds: list[str]) -> None:
        nonlocal best
        if i == len(short):
            if best is None or kinds.count("exact") > best.count("exact"):
                best = list(kinds)
            return
        for k in range(j, len(long_) - (len(short) - i) + 1):
            kind = _word_match(short[i], long_[k])
            if kind is not None:
                walk(i + 1, k + 1, [*kinds, kind])
            if i == 0:
                break  # the first words must agree

    walk(0, 0, [])
    return best


def compatible(a: str, b: str) -> bool:
    """Two foreign-spelled names of one state that can be one person's (see the module's rule)."""
    ta, tb = name_key(a).split(), name_key(b).split()
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    suffixes = _words().generational_suffixes
    sa, sb = set(ta) & suffixes, set(tb) & suffixes
    if sa and sb and sa != sb:
        return False
    ta, tb = [w for w in ta if w not in suffixes], [w for w in tb if w not in suffixes]
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) < 2:
        return False  # a lone surname is no evidence on its own
    kinds = _align(short, long_)
    if kinds is None:
        return False
    exact_long = any(k == "exact" and len(w) >= 3 for k, w in zip(kinds, short, strict=True))
    return exact_long and kinds.count("near") <= 1


def same_name(a: str, b: str) -> bool:
    """Two spellings of one person's name, states aside: equal keys, the same officeholder, or (both in
    foreign spelling) words that align (``compatible``). Two different officeholders are never one."""
    if name_key(a) == name_key(b):
        return True
    oa, ob = officeholder(a), officeholder(b)
    if oa and ob:
        return oa == ob
    if vietnamese_spelling(a) or vietnamese_spelling(b):
        return False
    return compatible(a, b)
