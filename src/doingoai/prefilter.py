"""Faster runs of the project's regular expressions, with exactly the matches of the plain ones.

Most of doingoai's patterns (event cues, clutter lines, figures) are case-insensitive and open with
``\\b`` or a look-behind: Python's regex engine then has no literal to skip ahead to and tries the
pattern at every character of the text. Yet nearly every match must start with, or contain, some
literal word ("tiếp", "hội đàm", "ảnh"). ``Prefiltered`` reads those words off the parsed pattern
once; on a text it then tries the pattern only where one of them starts (``finditer``, ``search``),
or skips it outright when none occurs (``may_match``), finding them in the lower-cased text. The
pattern itself still decides every match, on the original text. The patterns run over the same texts
form a ``Group``, whose words are all found in one pass (``ARTICLE``: those run over an article).

Lower-casing must agree with the engine's case-insensitive matching for this to be exact. It does for
every letter the literals may use (ASCII, Latin and Vietnamese letters: ``_safe``), except for the
few characters that ``_GUARD`` lists ("ı" matches "i", "ſ" matches "s", "İ" lower-cases to two
characters); a text holding one of them gets the plain pattern (``lowered`` returns None).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

try:  # the regex parser of the standard library: private, but stable since Python 3.11
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without it: every pattern runs plainly
    _c = _p = None

__all__ = ["ARTICLE", "Group", "Prefiltered", "lowered"]

# Characters whose case-insensitive matches lower-case differently (or to more than one character).
_GUARD = re.compile("[\u0131\u0130\u017f\u1e9b]")  # ı İ ſ ẛ
# More alternatives than this and a literal set is not worth building (nor looking up).
_MAX_LITERALS = 64
# A character class this small is spelled out as literals ("[;,]").
_MAX_CLASS = 8
# Up to this many needed words are looked for one by one.
_FEW = 3

_Strings = frozenset[str]
_EMPTY: _Strings = frozenset({""})
# Stands in ``starts`` for "any decimal digit" ("\\d", "[0-9]"); never looked up as a string (its first
# character is one no literal can hold, see ``_safe``).
_DIGIT = "\uffff\\d"
_DIGITS = re.compile(r"\d")


def lowered(text: str, low: str | None = None) -> str | None:
    """``text`` lower-cased (``low``, when the caller has it already), its offsets those of ``text``;
    None when the literals cannot be trusted on it."""
    low = text.lower() if low is None else low
    if len(low) != len(text) or _GUARD.search(text):
        return None
    return low


def _safe(code: int) -> str | None:
    """The lower-case form of a literal character, when it is one ``lowered`` texts can be searched for."""
    ch = chr(code)
    if ch in "\u0131\u017f\u1e9b\u00df\u1e9e" or not (code < 0x80 or 0xC0 <= code < 0x250 or 0x1E00 <= code < 0x1F00):
        return None
    low = ch.lower()
    return low if len(low) == 1 else None


def _product(a: _Strings, b: _Strings) -> _Strings | None:
    if len(a) * len(b) > _MAX_LITERALS:
        return None
    return frozenset(x + y for x in a for y in b)


class _Node:
    """What the parse of a (sub)pattern tells about its matches.

    ``exact``: the finite set of strings it can match (lower-cased), or None; ``starts``: strings one of
    which every match starts with ("" when unknown); ``needs``: strings one of which every match, or its
    look-arounds, contains (None when unknown); ``optional``: it may match nothing ("X?", "X*"), and
    ``starts`` is then that of its non-empty matches.
    """

    __slots__ = ("exact", "needs", "optional", "starts")

    def __init__(self, exact: _Strings | None, starts: _Strings, needs: _Strings | None,
                 optional: bool = False) -> None:
        self.exact, self.starts, self.needs, self.optional = exact, starts, needs, optional


_UNKNOWN = _Node(None, _EMPTY, None)
_NOTHING = _Node(_EMPTY, _EMPTY, None)  # zero-width: matches the empty string


def _better(a: _Strings | None, b: _Strings | None) -> _Strings | None:
    """The more selective of two ``needs``: the longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _as_needs(exact: _Strings | None) -> _Strings | None:
    return exact if exact and "" not in exact else None


def _sequence(items: Any) -> _Node:
    nodes = [_item(op, av) for op, av in items]
    needs: _Strings | None = None
    for node in nodes:
        needs = _better(needs, node.needs)
    # runs of exact items (literals, "(?:a|b)") are literal strings too
    run: _Strings | None = _EMPTY
    for node in nodes:
        joined = _product(run, node.exact) if run is not None and node.exact is not None else None
        if joined is None:
            needs = _better(needs, _as_needs(run))
            run = node.exact
        else:
            run = joined
    needs = _better(needs, _as_needs(run))
    return _Node(_exact_of(nodes), _starts_of(nodes, 0), needs)


def _exact_of(nodes: list[_Node]) -> _Strings | None:
    out: _Strings | None = _EMPTY
    for node in nodes:
        if out is None or node.exact is None:
            return None
        out = _product(out, node.exact)
    return out


def _starts_of(nodes: list[_Node], i: int) -> _Strings:
    """The strings the matches of ``nodes[i:]`` start with."""
    prefix: _Strings = _EMPTY
    for k in range(i, len(nodes)):
        node = nodes[k]
        if node.exact is not None:
            joined = _product(prefix, node.exact)
            if joined is None:
                return prefix
            prefix = joined
            continue
        # "X?" then the rest: a match starts like X, or like what follows it
        starts = node.starts | _starts_of(nodes, k + 1) if node.optional else node.starts
        return _join(prefix, starts)
    return prefix


def _join(prefix: _Strings, starts: _Strings) -> _Strings:
    """A literal prefix, then a part that starts with one of ``starts``: how the whole starts."""
    if prefix == _EMPTY:
        return starts
    if any(_DIGIT in s for s in starts):
        return prefix  # "a digit" cannot be spelled after a literal: the literal alone then
    return _product(prefix, starts) or prefix


def _item(op: Any, av: Any) -> _Node:
    c = _c
    if op is c.LITERAL:
        low = _safe(av)
        return _Node(frozenset({low}), frozenset({low}), None) if low else _UNKNOWN
    if op is c.IN:
        if all(_is_digit_item(o, v) for o, v in av):
            return _Node(None, frozenset({_DIGIT}), None)
        chars = [_safe(v) if o is c.LITERAL else None for o, v in av]
        if len(chars) > _MAX_CLASS or not all(chars):
            return _UNKNOWN
        found = frozenset(x for x in chars if x)
        return _Node(found, found, None)
    if op in (c.AT, c.ASSERT_NOT):
        return _NOTHING
    if op is c.ASSERT:
        if av[0] < 0:  # a look-behind may read before where a search starts: it tells nothing of the span
            return _NOTHING
        inner = _sequence(av[1])
        return _Node(_EMPTY, _EMPTY, inner.needs or _as_needs(inner.exact))
    if op is c.SUBPATTERN:  # (group, flags added, flags removed, items): case-sensitive parts are safe too
        return _sequence(av[3])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op is c.BRANCH:
        return _branch([_sequence(alt) for alt in av[1]])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _repeat(av[0], av[1], _sequence(av[2]))
    return _UNKNOWN


def _cap(starts: _Strings) -> _Strings:
    """At most ``_MAX_LITERALS`` starts: shorter ones if need be ("tổng kim", "tổng thư" -> "tổng")."""
    for length in (8, 4, 2, 1):
        if len(starts) <= _MAX_LITERALS:
            return starts
        starts = frozenset(s if s == _DIGIT else s[:length] for s in starts)
    return starts if len(starts) <= _MAX_LITERALS else _EMPTY


def _is_digit_item(op: Any, av: Any) -> bool:
    """An item of a character class that only decimal digits match."""
    c = _c
    if op is c.CATEGORY:
        return bool(av in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT))
    if op is c.RANGE:
        low, high = int(av[0]), int(av[1])
        return 0x30 <= low <= high <= 0x39
    return op is c.LITERAL and 0x30 <= int(av) <= 0x39


def _branch(alts: list[_Node]) -> _Node:
    exact: _Strings | None = None
    if all(a.exact is not None for a in alts):
        exact = frozenset().union(*(a.exact for a in alts if a.exact is not None))
        if len(exact) > _MAX_LITERALS:
            exact = None
    starts = _cap(frozenset().union(*(a.starts for a in alts)))
    needs_each = [a.needs or _as_needs(a.exact) for a in alts]
    needs = None if any(n is None for n in needs_each) else frozenset().union(*(n for n in needs_each if n))
    return _Node(exact, starts, needs if needs is None or len(needs) <= _MAX_LITERALS else None)


def _repeat(low: int, high: int, sub: _Node) -> _Node:
    if low == high == 1:
        return sub
    if low == 0:
        exact = sub.exact | _EMPTY if high == 1 and sub.exact is not None else None
        return _Node(exact, sub.starts, None, optional=True)
    return _Node(None, sub.starts, sub.needs or _as_needs(sub.exact))


def _analyse(pattern: re.Pattern[str]) -> _Node:
    if _p is None or not isinstance(pattern.pattern, str):
        return _UNKNOWN
    try:
        return _sequence(_p.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unexpected parse: no prefilter, the plain pattern runs
        return _UNKNOWN


def _minimal(strings: _Strings) -> tuple[str, ...]:
    """Drop strings that another one starts: finding "tiếp" finds "tiếp xúc" too."""
    ordered = sorted(strings, key=len)
    out: list[str] = []
    for s in ordered:
        if not any(s.startswith(o) for o in out):
            out.append(s)
    return tuple(out)


def _shortest(strings: _Strings) -> tuple[str, ...]:
    """Drop strings that hold another one: a text with "hội đàm cấp cao" has "hội đàm"."""
    ordered = sorted(strings, key=len)
    out: list[str] = []
    for s in ordered:
        if not any(o in s for o in out):
            out.append(s)
    return tuple(out)


class Prefiltered:
    """A compiled pattern, with the literal strings its matches start with and contain."""

    __slots__ = ("_needed", "digit", "group", "index", "needs", "pattern", "starts")

    def __init__(self, pattern: re.Pattern[str], group: Group | None = None) -> None:
        self.pattern = pattern
        node = _analyse(pattern)
        # every match starts with one of ``starts``, or with a digit when ``digit``
        known = "" not in node.starts
        self.digit = known and _DIGIT in node.starts
        self.starts: tuple[str, ...] | None = _minimal(node.starts - {_DIGIT}) if known else None
        self.needs: tuple[str, ...] | None = _shortest(node.needs) if node.needs else None
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
        for at in candidates:
            if at < done:
                continue
            m = match(text, at, end)
            if m is None:
                continue
            if m.end() == at:  # an empty match: its successor follows rules of its own, ask the engine
                yield from self.pattern.finditer(text, at, end)
                return
            yield m
            done = m.end()


class _Scan:
    """The start strings of a group's members, compiled for one pass over a text."""

    def __init__(self, members: list[Prefiltered]) -> None:
        strings = sorted({s for m in members for s in m.starts or ()})
        # At each place the alternation finds the longest string there, and every other one there begins
        # it; so the members with a start that begins it are the ones starting there.
        self.rx = _longest_of(strings) if strings else None
        self.owners = {s: [k for k, m in enumerate(members) if any(s.startswith(t) for t in m.starts or ())]
                       for s in strings}
        # The scan resumes after each string it finds, but another one may begin inside it ("dự" inside
        # "tham dự"): the offsets inside each string where one could, to be tried there.
        self.inside = {s: tuple(k for k in range(1, len(s))
                                if any(t.startswith(s[k:]) or s[k:].startswith(t) for t in strings))
                       for s in strings}
        self.digit = [k for k, m in enumerate(members) if m.digit]

    def hits(self, low: str) -> list[tuple[int, str]]:
        """(offset, longest string there) for every offset of ``low`` where some string starts, in order."""
        rx = self.rx
        if rx is None:
            return []
        out = []
        inside, match = self.inside, rx.match
        for m in rx.finditer(low):
            at, found = m.start(), m.group()
            out.append((at, found))
            for k in inside[found]:
                again = match(low, at + k)
                if again is not None:
                    out.append((at + k, again.group()))
        return out


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
        owners = scan.owners
        for at, found in scan.hits(low):
            for k in owners[found]:
                out[k].append(at)  # type: ignore[union-attr]
        if scan.digit:
            digits = [m.start() for m in _DIGITS.finditer(low)]
            for k in scan.digit:
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
