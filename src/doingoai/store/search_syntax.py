"""The search language of ``doingoai search``: words, "phrases", prefixes (``kim*``), OR, NOT and
parentheses, parsed into a small tree that the store compiles to SQL and that Python can evaluate.

Pure functions only (no database): the same tree answers on SQLite and PostgreSQL because both run the
plain ``LIKE`` that :func:`like_pattern` builds over the document's search key (:func:`search_key`).

Words are runs of letters and digits (tone marks and other combining marks belong to their letter), so a
Vietnamese syllable is a word and spaces and punctuation separate words. A phrase matches its words
whole, adjacent and in order; a word is a one-word phrase; ``*`` at the end of a word (or of a phrase's
last word) matches any word that starts with it. Bare words typed one after the other are one phrase,
because a Vietnamese word is often several syllables ("kim ngạch", "Tô Lâm"): ``to lam`` never matches
"tổ chức ... làm". ``AND``, quotes and parentheses separate what must be found apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from doingoai.clean.normalize import fold
from doingoai.store.filters import MAX_QUERY_CHARS, MAX_QUERY_TERMS

__all__ = [
    "SYNTAX_HELP", "And", "Node", "Not", "Or", "QueryError", "Term", "Word", "highlights", "like_pattern",
    "matches", "parse", "positive_terms", "render", "search_key", "words",
]

SYNTAX_HELP = (
    "Words typed together are found together: Tô Lâm (or \"Tô Lâm\") finds the two words adjacent and in "
    "that order, whole (kim finds \"kim\", not \"kimchi\"). AND joins what must all be found: \"Tô Lâm\" AND "
    "Lào (quoted phrases and groups next to each other are joined by AND too: \"Tô Lâm\" \"Lào\"). A OR B "
    "finds either; NOT A or -A leaves out documents with A; parentheses group: (Lào OR Campuchia) AND "
    "\"hợp tác\". kim* finds words that start with kim; \"kim ngạch*\" a phrase whose last word does. OR, "
    "AND and NOT are operators in capitals. Case never matters; tone marks matter unless -i is given. A query "
    "that starts with - goes after --: doingoai search -- '-Lào \"Tô Lâm\"'.")

# A word: letters and digits, with the combining marks that follow them ("_" is punctuation here).
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# Straight and typographic double quotes both open and close a phrase (typed or pasted).
_QUOTES = "\"“”„"
_OPERATORS = ("OR", "AND", "NOT")


class QueryError(ValueError):
    """A query that cannot be read: the message says where and why."""


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a text: its case-folded spelling (tone marks kept), its folded key, and where it stands."""

    exact: str
    folded: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, with their offsets in ``text`` (which should be NFC)."""
    out = []
    for m in _WORD.finditer(text):
        exact, folded = _spellings(m.group(0))
        if folded:  # a lone combining mark is no word
            out.append(Word(exact, folded, m.start(), m.end()))
    return out


@lru_cache(maxsize=1 << 16)
def _spellings(word: str) -> tuple[str, str]:
    """A word's case-folded spelling and its folded key, for ``words`` and ``search_key`` alike: a language
    has a few tens of thousands of word forms, so each is worked out once, not at every occurrence."""
    exact = word.casefold()
    return exact, fold(exact)


def search_key(title: str | None, text: str) -> str:
    """What the store searches: the folded words of the title and the text, one space between and around
    them, so that ``LIKE '% to lam %'`` finds the whole words "Tô Lâm" and never "tổ chức ... làm". The
    words are those of :func:`words`, without their offsets."""
    folded = (_spellings(w)[1] for w in _WORD.findall(f"{title or ''}\n{text}"))
    return " " + " ".join(f for f in folded if f) + " "


# --- the tree ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """A word or a phrase: its words (case-folded, tone marks kept, NFC) and whether the last is a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Not | And | Or


# --- reading a query ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "term", "(", ")", "OR", "AND", "NOT"
    at: int
    term: Term | None = None
    bare: bool = False  # a term typed without quotes: it joins the bare words next to it into one phrase


def _term(raw: str, at: int, quoted: bool) -> Term:
    shown = f'"{raw}"' if quoted else raw
    body = raw.rstrip()
    prefix = body.endswith("*")
    if prefix:
        body = body[:-1]
    if "*" in body:
        raise QueryError(f"{shown!s} (at {at + 1}): * marks a prefix and goes at the end of a word (kim*)")
    found = tuple(w.exact for w in words(body))
    if not found:
        what = "an empty phrase" if quoted else f"{shown} has no letters or digits to search for"
        raise QueryError(f"{what} (at {at + 1})")
    if prefix and body and not _WORD.fullmatch(body[-1]):
        raise QueryError(f"{shown} (at {at + 1}): * goes right after a word (kim*), not after a space or a sign")
    return Term(found, prefix)


def _tokens(query: str) -> Iterator[_Token]:
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif c in _QUOTES:
            close = next((j for j in range(i + 1, n) if query[j] in _QUOTES), -1)
            if close < 0:
                raise QueryError(f"unbalanced quote: the phrase opened at {i + 1} is never closed")
            yield _Token("term", i, _term(query[i + 1:close], i, quoted=True))
            i = close + 1
        elif c in "()":
            yield _Token(c, i)
            i += 1
        elif c == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] != "-":
            yield _Token("NOT", i)  # "-kim": leave kim out
            i += 1
        else:
            j = i
            while j < n and not query[j].isspace() and query[j] not in _QUOTES and query[j] not in "()":
                j += 1
            chunk = query[i:j]
            yield _Token(chunk, i) if chunk in _OPERATORS else _Token("term", i, _term(chunk, i, quoted=False), True)
            i = j


class _Parser:
    def __init__(self, query: str) -> None:
        self.tokens = list(_tokens(query))
        self.i = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def either(self) -> Node:
        parts = [self.both()]
        while (t := self.peek()) is not None and t.kind == "OR":
            self.take()
            if (after := self.peek()) is None or after.kind in ("OR", "AND", ")"):
                raise QueryError(f"OR (at {t.at + 1}) needs a word or phrase on each side")
            parts.append(self.both())
        return _flat(Or, parts)

    def both(self) -> Node:
        first = self.peek()
        if first is None:
            raise QueryError("the query ends where a word or phrase was expected")
        if first.kind == ")":
            raise QueryError(f"unbalanced parenthesis: the one at {first.at + 1} closes nothing")
        if first.kind in ("OR", "AND"):
            raise QueryError(f"{first.kind} (at {first.at + 1}) needs a word or phrase on each side")
        parts = [self.unary()]
        while (t := self.peek()) is not None and t.kind not in ("OR", ")"):
            if t.kind == "AND":
                self.take()
                if (after := self.peek()) is None or after.kind in ("OR", "AND", ")"):
                    raise QueryError(f"AND (at {t.at + 1}) needs a word or phrase on each side")
            parts.append(self.unary())
        return _flat(And, parts)

    def unary(self) -> Node:
        t = self.take()
        if t.kind == "NOT":
            after = self.peek()
            if after is None or after.kind in ("OR", "AND", ")"):
                raise QueryError(f"NOT (at {t.at + 1}) needs a word or phrase after it")
            child = self.unary()
            return child.child if isinstance(child, Not) else Not(child)
        if t.kind == "(":
            if (after := self.peek()) is not None and after.kind == ")":
                raise QueryError(f"empty parentheses (at {t.at + 1})")
            inner = self.either()
            close = self.peek()
            if close is None or close.kind != ")":
                raise QueryError(f"unbalanced parenthesis: the one opened at {t.at + 1} is never closed")
            self.take()
            return inner
        if t.kind == "term" and t.term is not None:
            term = t.term
            # bare words typed one after the other are one phrase, up to a word that ends with *
            while t.bare and not term.prefix and (nxt := self.peek()) is not None and nxt.bare and nxt.term:
                self.take()
                term = Term(term.words + nxt.term.words, nxt.term.prefix)
            return term
        raise QueryError(f"{t.kind} (at {t.at + 1}) is out of place")


def _flat(kind: type[And] | type[Or], parts: list[Node]) -> Node:
    flat: list[Node] = []
    for p in parts:
        flat.extend(p.children if isinstance(p, kind) else (p,))
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


def _finds_something(node: Node) -> bool:
    """Whether every way the query can match needs a word to be found (not only words to be absent)."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(_finds_something(c) for c in node.children)
    return all(_finds_something(c) for c in node.children)


def parse(query: str) -> Node:
    """The tree of a query; :class:`QueryError` says what is wrong with a query that cannot be read."""
    query = unicodedata.normalize("NFC", query)
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"{len(query):,} characters is too long (at most {MAX_QUERY_CHARS:,}): give words or "
                         "phrases to find, not a text")
    parser = _Parser(query)
    if not parser.tokens:
        raise QueryError("empty query: give words to find (see --help for the syntax)")
    if (terms := sum(t.kind == "term" for t in parser.tokens)) > MAX_QUERY_TERMS:
        raise QueryError(f"{terms} words or phrases is too many (at most {MAX_QUERY_TERMS})")
    tree = parser.either()
    if (rest := parser.peek()) is not None:
        if rest.kind == ")":
            raise QueryError(f"unbalanced parenthesis: the one at {rest.at + 1} closes nothing")
        raise QueryError(f"{rest.kind} (at {rest.at + 1}) is out of place")
    if not _finds_something(tree):
        raise QueryError("the query only leaves words out (NOT ...): add a word or phrase to find")
    return tree


def render(node: Node) -> str:
    """A query that :func:`parse` reads back as ``node`` (for messages and tests)."""
    if isinstance(node, Term):
        star = "*" if node.prefix else ""
        if len(node.words) == 1 and node.words[0].upper() not in _OPERATORS:
            return node.words[0] + star
        return '"' + " ".join(node.words) + star + '"'
    if isinstance(node, Not):
        inner = render(node.child)
        return "NOT " + (f"({inner})" if isinstance(node.child, And | Or) else inner)
    if isinstance(node, And):
        return " AND ".join(f"({render(c)})" if isinstance(c, Or) else render(c) for c in node.children)
    return " OR ".join(render(c) for c in node.children)


# --- evaluating --------------------------------------------------------------------------------------------


def _keys(term: Term, folded: bool) -> tuple[str, ...]:
    return tuple(fold(w) for w in term.words) if folded else term.words


def _spans(term: Term, text_words: list[Word], folded: bool) -> Iterator[tuple[int, int]]:
    keys = _keys(term, folded)
    seen = [w.folded if folded else w.exact for w in text_words]
    n = len(keys)
    for i in range(len(seen) - n + 1):
        if seen[i:i + n - 1] != list(keys[:-1]):
            continue
        last = seen[i + n - 1]
        if last == keys[-1] or (term.prefix and last.startswith(keys[-1])):
            yield text_words[i].start, text_words[i + n - 1].end


def matches(node: Node, text_words: list[Word], folded: bool) -> bool:
    """Whether a text (given as its :func:`words`) matches the query; ``folded`` ignores tone marks."""
    if isinstance(node, Term):
        return next(_spans(node, text_words, folded), None) is not None
    if isinstance(node, Not):
        return not matches(node.child, text_words, folded)
    if isinstance(node, And):
        return all(matches(c, text_words, folded) for c in node.children)
    return any(matches(c, text_words, folded) for c in node.children)


def positive_terms(node: Node) -> Iterator[Term]:
    """The terms a matching document may show (not those under NOT)."""
    if isinstance(node, Term):
        yield node
    elif isinstance(node, And | Or):
        for c in node.children:
            yield from positive_terms(c)


def highlights(node: Node, text_words: list[Word], folded: bool) -> list[tuple[int, int]]:
    """Where the query's wanted terms stand in a text: sorted, non-overlapping (start, end) offsets."""
    spans = sorted({s for t in positive_terms(node) for s in _spans(t, text_words, folded)})
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(term: Term) -> str:
    """The ``LIKE`` pattern (escape character ``\\``) that finds ``term`` in a :func:`search_key`, tone
    marks ignored."""
    body = " " + " ".join(_escape_like(k) for k in _keys(term, folded=True))
    return "%" + body + ("%" if term.prefix else " %")
