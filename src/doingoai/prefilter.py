"""Faster runs of the project's regular expressions, with exactly the matches of the plain ones.

Most of doingoai's patterns (event cues, clutter lines, figures) are case-insensitive and open with
``\\b`` or a look-behind: Python's regex engine then has no literal to skip ahead to and tries the
pattern at every character of the text. Yet nearly every match must start with, or contain, some
literal word ("tiếp", "hội đàm", "ảnh"). The data files declare those words next to each pattern
(``starts:``, the words one of which every match starts with, ``\\d`` standing for a decimal digit;
``needs:``, the words one of which every match or its look-aheads contains; tools/prefilter_words.py
suggests them and tests/test_prefilter_words.py checks them on the repository's texts). ``Prefiltered``
tries the pattern only where one of its ``starts`` begins (``finditer``, ``search``), or skips it
outright when none of its ``needs`` occurs (``may_match``), finding them in the lower-cased text. The
pattern itself still decides every match, on the original text; a pattern that declares no words runs
plainly. The patterns run over the same texts form a ``Group``, whose words are all found in one pass,
by an Aho-Corasick automaton (``ARTICLE``: those run over an article).

Lower-casing must agree with the engine's case-insensitive matching for this to be exact. It does for
every letter the words may use (ASCII, Latin and Vietnamese letters: ``_safe``), except for the
few characters that ``_GUARD`` lists ("ı" matches "i", "ſ" matches "s", "İ" lower-cases to two
characters); a text holding one of them gets the plain pattern (``lowered`` returns None).
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import ahocorasick  # type: ignore[import-not-found]

__all__ = ["ARTICLE", "DIGIT", "Group", "Prefiltered", "lowered"]

# The engine's own parser of patterns (private, and unstubbed: looked up by name), for ``_opening``.
_sre_parse: Any = importlib.import_module("re._parser")

# Characters whose case-insensitive matches lower-case differently (or to more than one character).
_GUARD = re.compile("[\u0131\u0130\u017f\u1e9b]")  # ı İ ſ ẛ
# Up to this many needed words are looked for one by one.
_FEW = 3
# The word that stands, in a ``starts`` list, for "any decimal digit".
DIGIT = "\\d"
_DIGITS = re.compile(r"\d")


def lowered(text: str, low: str | None = None) -> str | None:
    """``text`` lower-cased (``low``, when the caller has it already), its offsets those of ``text``;
    None when the words cannot be trusted on it. The stages that read an article (and a line) ask about the
    same string several times in a row: the answer for the last one is kept."""
    last = _last_lowered
    if last[0] is text:
        return last[1]
    low = text.lower() if low is None else low
    found = None if len(low) != len(text) or _GUARD.search(text) else low
    _remember_lowered(text, found)
    return found


# The last text ``lowered`` read and its answer (one tuple, swapped whole: a reader in another thread sees
# either the old pair or the new one).
_last_lowered: tuple[str | None, str | None] = (None, None)


def _remember_lowered(text: str, found: str | None) -> None:
    global _last_lowered
    _last_lowered = (text, found)


def _safe(code: int) -> str | None:
    """The lower-case form of a character, when it is one ``lowered`` texts can be searched for."""
    ch = chr(code)
    if ch in "\u0131\u017f\u1e9b\u00df\u1e9e" or not (code < 0x80 or 0xC0 <= code < 0x250 or 0x1E00 <= code < 0x1F00):
        return None
    low = ch.lower()
    return low if len(low) == 1 else None


def _words(words: Iterable[str], pattern: re.Pattern[str]) -> frozenset[str]:
    """Declared words, lower-cased; each must be searchable in ``lowered`` texts."""
    out = set()
    for word in words:
        low = "".join(_safe(ord(ch)) or "\0" for ch in str(word))
        if not word or "\0" in low:
            raise ValueError(f"prefilter word {word!r} of {pattern.pattern!r} cannot be searched for")
        out.add(low)
    return frozenset(out)


def _minimal(strings: Iterable[str]) -> tuple[str, ...]:
    """Drop strings that another one starts: finding "tiếp" finds "tiếp xúc" too."""
    ordered = sorted(strings, key=len)
    out: list[str] = []
    for s in ordered:
        if not any(s.startswith(o) for o in out):
            out.append(s)
    return tuple(out)


def _shortest(strings: Iterable[str]) -> tuple[str, ...]:
    """Drop strings that hold another one: a text with "hội đàm cấp cao" has "hội đàm"."""
    ordered = sorted(strings, key=len)
    out: list[str] = []
    for s in ordered:
        if not any(o in s for o in out):
            out.append(s)
    return tuple(out)


class Prefiltered:
    """A compiled pattern, with the words its matches start with and contain."""

    __slots__ = ("_needed", "digit", "group", "index", "needs", "opening", "pattern", "starts")

    def __init__(self, pattern: re.Pattern[str], group: Group | None = None, *,
                 starts: Iterable[str] | None = None, needs: Iterable[str] | None = None) -> None:
        """``starts``/``needs``: the words the data (or the reader of dates, from its data) declares for the
        pattern (module docstring); a pattern without them runs plainly."""
        self.pattern = pattern
        # what every match asks of the characters around its start (``_opening``): a candidate inside a word
        # is dropped before the engine is called there ("ước" in "nước", "qua" in "quan" start no amount)
        self.opening = _opening(pattern)
        start_words = None if starts is None else set(starts)
        # every match starts with one of ``starts``, or with a digit when ``digit``
        self.digit = start_words is not None and DIGIT in start_words
        self.starts: tuple[str, ...] | None = (
            None if start_words is None else _minimal(_words(start_words - {DIGIT}, pattern)))
        if needs is None and start_words is not None and DIGIT not in start_words:
            needs = start_words  # a match that starts with a word contains it
        need_words = None if needs is None else _words(needs, pattern)
        self.needs: tuple[str, ...] | None = _shortest(need_words) if need_words else None
        # many words are looked for at once by a case-sensitive alternation, which the regex engine
        # scans for quickly (by their first characters); a few, one ``in`` each
        many = self.needs is not None and len(self.needs) > _FEW
        self._needed = _longest_of(self.needs or ()).search if many else None
        # the patterns run over the same texts: their candidates are found together, in one pass
        self.group = group if group is not None else Group()
        self.index = self.group.add(self)  # its place in the group

    def may_match(self, low: str | None, pos: int = 0, endpos: int | None = None) -> bool:
        """False when a text (given lower-cased, None for unknown) cannot hold a match in [pos, endpos)
        (what a match needs is read in it, or in look-aheads, which cannot see past ``endpos`` either)."""
        if low is None or self.needs is None:
            return True
        end = len(low) if endpos is None else endpos
        if self._needed is not None:
            return self._needed(low, pos, end) is not None
        return any(low.find(w, pos, end) >= 0 for w in self.needs)

    def candidates(self, low: str | None) -> list[int] | None:
        """The offsets of a text (``low``: its ``lowered`` form) where a match may start, in order;
        None when it may start anywhere."""
        if low is None:
            return None
        if self.starts is None:
            return None if self.may_match(low) else []
        return _positions(low, self.starts, self.digit, 0, len(low))

    def finditer(self, text: str, low: str | None, pos: int = 0,
                 endpos: int | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``; ``low`` is ``lowered(text)``."""
        end = len(text) if endpos is None else endpos
        if low is None or self.starts is None:
            return self.pattern.finditer(text, pos, end) if self.may_match(low, pos, end) else iter(())
        return self._scan(text, _positions(low, self.starts, self.digit, pos, end), pos, end)

    def finditer_in(self, text: str, offset: int, candidates: list[int] | None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, for ``text`` a part, at ``offset``, of a longer one whose
        ``candidates`` are known: a sentence of an article, looked at sentence by sentence."""
        if candidates is None:
            return self.pattern.finditer(text)
        lo = bisect_left(candidates, offset)
        hi = bisect_left(candidates, offset + len(text), lo)
        if lo == hi:
            return iter(())
        return self._scan(text, [at - offset for at in candidates[lo:hi]], 0, len(text))

    def search(self, text: str, low: str | None, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``; ``low`` is ``lowered(text)``."""
        return next(self.finditer(text, low, pos, endpos), None)

    def _scan(self, text: str, candidates: list[int], pos: int, end: int) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text, pos, end)``, knowing that they start at ``candidates``:
        the pattern is tried at those places only."""
        match = self.pattern.match
        done = pos  # where the last match ended: the next one starts there or later
        opening = self.opening
        for at in candidates:
            if at < done:
                continue
            if opening and at:
                before = text[at - 1]
                if (before.isalnum() or before == "_") and (
                        opening is _AFTER_NON_WORD or (text[at].isalnum() or text[at] == "_")):
                    continue  # the engine would fail here: see ``_opening``
            m = match(text, at, end)
            if m is None:
                continue
            if m.end() == at:  # an empty match: its successor follows rules of its own, ask the engine
                yield from self.pattern.finditer(text, at, end)
                return
            yield m
            done = m.end()


# What a pattern's opening asks of the place a match starts (``_opening``): no word character before it
# ("(?<!\\w)", "(?<![\\w.,/])"), or a word boundary there ("\\b").
_AFTER_NON_WORD = "after a non-word character"
_BOUNDARY = "at a word boundary"


def _opening(pattern: re.Pattern[str]) -> str | None:
    """``_AFTER_NON_WORD`` when every match of ``pattern`` starts after no word character (its every branch
    opens with a look-behind that refuses one), ``_BOUNDARY`` when every match starts at a word boundary
    (``\\b``), else None. Read from the engine's own parse of the pattern. A word character is what the
    engine's Unicode ``\\w`` is: ``str.isalnum()`` or "_" (an ASCII-only pattern is left alone)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.ASCII:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:  # (it compiled: cannot happen)
        return None
    return _opening_of(list(parsed))


def _opening_of(items: list[Any]) -> str | None:
    if not items:
        return None
    op, av = items[0]
    name = str(op)
    if name == "ASSERT_NOT" and av[0] == -1 and len(av[1]) == 1:
        inner_op, inner = next(iter(av[1]))
        if str(inner_op) == "IN" and inner and str(inner[0][0]) != "NEGATE" and any(
                str(o) == "CATEGORY" and str(a) == "CATEGORY_WORD" for o, a in inner):
            return _AFTER_NON_WORD
        return None
    if name == "AT" and str(av) == "AT_BOUNDARY":
        return _BOUNDARY
    if name == "SUBPATTERN" and not av[1] and not av[2]:  # a group, with no flags of its own
        return _opening_of(list(av[3]))
    if name == "BRANCH":
        found = {_opening_of(list(branch)) for branch in av[1]}
        return found.pop() if len(found) == 1 else None
    return None


class _Scan:
    """The start words of a group's members, in one Aho-Corasick automaton: one pass over a text finds
    every place where any of them starts, and the members it is a start of."""

    def __init__(self, members: list[Prefiltered]) -> None:
        owners: dict[str, list[int]] = {}
        for k, m in enumerate(members):
            for s in m.starts or ():
                owners.setdefault(s, []).append(k)
        self.automaton: Any = None  # ahocorasick.Automaton: the extension ships no type stubs
        if owners:
            self.automaton = ahocorasick.Automaton()
            for s, ks in owners.items():
                self.automaton.add_word(s, (len(s) - 1, tuple(ks)))
            self.automaton.make_automaton()
        # the members whose several starts may be found out of order (the automaton reports by end)
        self.unsorted = [k for k, m in enumerate(members) if m.starts is not None and len(m.starts) > 1]
        self.digit = [k for k, m in enumerate(members) if m.digit]


class Group:
    """Prefiltered patterns that run over the same texts: the candidates of them all are found in one
    pass over a text, not one pass each. A pattern joins the group it is made with."""

    def __init__(self) -> None:
        self.members: list[Prefiltered] = []
        self._scan: _Scan | None = None
        self._last: tuple[str, list[list[int] | None]] | None = None  # the last text and its candidates

    def add(self, pattern: Prefiltered) -> int:
        self.members.append(pattern)
        self._scan = None
        return len(self.members) - 1

    def candidates(self, text: str, low: str | None = None) -> list[list[int] | None]:
        """``member.candidates(lowered(text))`` for every member, in the order they joined; ``low`` is
        ``lowered(text)`` when the caller has it. The stages that read one article all ask about its
        text (the same string): the answer for the last text is kept."""
        last = self._last
        if last is not None and last[0] is text and len(last[1]) == len(self.members):
            return last[1]
        found = self._candidates(lowered(text) if low is None else low)
        self._last = (text, found)
        return found

    def _candidates(self, low: str | None) -> list[list[int] | None]:
        if low is None:
            return [None] * len(self.members)
        if self._scan is None:
            self._scan = _Scan(self.members)
        scan = self._scan
        out: list[list[int] | None] = [[] if m.starts is not None else m.candidates(low) for m in self.members]
        if scan.automaton is not None:
            lists = out
            for end, (back, owners) in scan.automaton.iter(low):
                at = end - back
                for k in owners:
                    lists[k].append(at)
            for k in scan.unsorted:
                found = out[k]
                if found:
                    found.sort()
        # A pattern that may start on any digit would be tried at every digit of the text; one whose needed
        # words the text lacks cannot match in it, nor in any part of it: it is given no places at all.
        digits: list[int] | None = None
        for k in scan.digit:
            if not self.members[k].may_match(low):
                out[k] = []
                continue
            if digits is None:
                digits = [m.start() for m in _DIGITS.finditer(low)]
            out[k] = sorted([*(out[k] or ()), *digits])
        return out


# The patterns that run over an article's text, in analysis and extraction (dates, cues, level formulas,
# amounts ...): where each may match in a text is found once, by one pass over it.
ARTICLE = Group()


def _positions(low: str, starts: tuple[str, ...], digit: bool, pos: int, end: int) -> list[int]:
    """Every offset in [pos, end) of ``low`` where one of ``starts`` begins (or a digit stands), in order."""
    found: list[int] = []
    if len(starts) <= _FEW:
        find = low.find
        for s in starts:
            at = find(s, pos, end)
            while at >= 0:
                found.append(at)
                at = find(s, at + 1, end)
    elif starts:
        # one scan for them all: a case-sensitive alternation of literals, which the engine skips ahead
        # in by their first characters; resumed one character after each hit, for overlapping ones
        search = _alternation(starts).search
        hit = search(low, pos, end)
        while hit is not None:
            at = hit.start()
            found.append(at)
            hit = search(low, at + 1, end)
    if digit:
        found += [m.start() for m in _DIGITS.finditer(low, pos, end)]
        found.sort()
    elif len(starts) > 1:
        found.sort()
    return found


@cache
def _alternation(strings: tuple[str, ...]) -> re.Pattern[str]:
    return _longest_of(strings)


def _longest_of(strings: Iterable[str]) -> re.Pattern[str]:
    """A case-sensitive pattern matching the longest of ``strings`` at a place. Written as their trie
    ("t(?:iếp(?: xúc)?|hăm)" rather than "tiếp xúc|tiếp|thăm"), so the engine reads each character once
    instead of trying every string in turn; its first characters let it skip ahead between matches."""
    trie: dict[str, Any] = {}
    for string in strings:
        node = trie
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}  # a string ends here

    def spell(node: dict[str, Any], top: bool = False) -> str:
        branches = [re.escape(ch) + spell(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if top:
            return "|".join(branches)
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer string first, else this one

    return re.compile(spell(trie, top=True))
