"""Suggest the words a data pattern declares for ``doingoai.prefilter`` (its ``starts:`` / ``needs:``).

    .venv/bin/python tools/prefilter_words.py '\\b(?:đón tiếp|tiếp xã giao)\\b'    # case-insensitive
    .venv/bin/python tools/prefilter_words.py --case '\\bViệt\\b'

The words are read off the parsed pattern with the standard library's private regex parser (``re._parser``),
which is why this is a tool for editing the data, not part of the package: the package only reads the words
the data declares. Every word list is checked by tests/test_prefilter_words.py on the repository's texts.
``starts``: every match starts with one of them (``\\d``: with a decimal digit); ``needs``: every match, or
its look-aheads, contains one of them. None: nothing sure could be read (the pattern runs plainly).
"""

from __future__ import annotations

import re
import sys
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

# the library's own rules: which letters lowered texts can be searched for, which words make others redundant
from doingoai.prefilter import _minimal, _safe, _shortest

# More alternatives than this and a literal set is not worth building (nor looking up).
_MAX_LITERALS = 64
# A character class this small is spelled out as literals ("[;,]").
_MAX_CLASS = 8
DIGIT_WORD = "\\d"


_Strings = frozenset[str]
_EMPTY: _Strings = frozenset({""})
# Stands in ``starts`` for "any decimal digit" ("\\d", "[0-9]"); never looked up as a string (its first
# character is one no literal can hold, see ``_safe``).
_DIGIT = "\uffff\\d"


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



def derive(pattern: str, flags: int = re.IGNORECASE) -> tuple[list[str] | None, list[str] | None]:
    """(starts, needs) of a pattern, as the data declares them (``\\d`` for a digit)."""
    node = _analyse(re.compile(pattern, flags))
    starts: list[str] | None = None
    if "" not in node.starts:
        starts = list(_minimal(node.starts - {_DIGIT}))
        if _DIGIT in node.starts:
            starts.append(DIGIT_WORD)
    needs = list(_shortest(node.needs)) if node.needs else None
    return starts, needs


def main() -> int:
    args = sys.argv[1:]
    flags = int(re.IGNORECASE)
    if args and args[0] == "--case":
        flags, args = 0, args[1:]
    for pattern in args:
        starts, needs = derive(pattern, flags)
        print(f"starts: {starts}\nneeds: {needs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
