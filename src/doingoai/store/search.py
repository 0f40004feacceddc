"""``doingoai search``: documents that match a query of the search language (``search_syntax``).

The query is compiled to plain ``LIKE`` over ``documents.folded`` (the document's search key: its folded
words between spaces), which SQLite and PostgreSQL answer alike. Ignoring tone marks (``-i``) that is
the whole answer; otherwise the SQL answer is a superset (a text that matches with its tone marks
matches without them) that Python narrows down word by word, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, not_, or_, select, true
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.search_syntax import And, Node, Not, Term, highlights, like_pattern, matches, parse, words

__all__ = ["DocumentHit", "search_documents", "where"]

# Characters of context on each side of the first match in a snippet.
SNIPPET_CONTEXT = 80
# Documents read at a time when Python checks tone marks.
_CHUNK = 100


@dataclass(frozen=True, slots=True)
class DocumentHit:
    id: int
    source: str
    title: str | None
    published: str | None
    snippet: str
    # where the query's words stand in ``snippet``: [start, end) offsets, for highlighting
    matches: list[tuple[int, int]] = field(default_factory=list)


def where(node: Node, exact: bool) -> ColumnElement[bool]:
    """SQL for ``node`` over the search key. ``exact`` (tone marks ignored) gives the exact answer;
    otherwise the condition may let through documents that Python then drops, so a NOT, whose word may
    differ only in tone marks from the text's, lets everything through."""
    if isinstance(node, Term):
        return s.Document.folded.like(like_pattern(node), escape="\\")
    if isinstance(node, Not):
        return not_(where(node.child, exact)) if exact else true()
    if isinstance(node, And):
        return and_(*(where(c, exact) for c in node.children))
    return or_(*(where(c, exact) for c in node.children))


def _snippet(text: str, spans: list[tuple[int, int]],
             context: int = SNIPPET_CONTEXT) -> tuple[str, list[tuple[int, int]]]:
    """The text around the first match, cut at spaces, with the matches inside it shifted to it."""
    if not spans:
        cut = text[:context * 2]
        return (cut + "…" if len(text) > len(cut) else cut), []
    first_start, first_end = spans[0]
    lo = max(0, first_start - context)
    hi = min(len(text), first_end + context)
    if lo > 0:
        space = text.find(" ", lo, first_start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", first_end, hi)
        hi = space if space >= 0 else hi
    head = "…" if lo > 0 else ""
    body = text[lo:hi].replace("\n", " ")
    shift = len(head) - lo
    inside = [(a + shift, b + shift) for a, b in spans if a >= lo and b <= hi]
    return head + body + ("…" if hi < len(text) else ""), inside


def _hit(doc: s.Document, tree: Node, folded: bool) -> DocumentHit:
    snippet, spans = _snippet(doc.text, highlights(tree, words(doc.text), folded))
    return DocumentHit(doc.id, doc.source, doc.title, doc.published, snippet, spans)


def _documents(session: Session, ids: list[int]) -> Iterator[s.Document]:
    for k in range(0, len(ids), _CHUNK):
        chunk = ids[k:k + _CHUNK]
        found = {d.id: d for d in session.scalars(select(s.Document).where(s.Document.id.in_(chunk))).all()}
        yield from (found[i] for i in chunk if i in found)


def search_documents(session: Session, query: str, ignore_diacritics: bool = False,
                     limit: int = 20) -> list[DocumentHit]:
    """Documents matching ``query``, newest first (then by id). Raises ``QueryError`` for a query that
    cannot be read."""
    tree = parse(query)
    order = (s.Document.published.desc().nulls_last(), s.Document.id.desc())
    ids_query = select(s.Document.id).where(where(tree, exact=ignore_diacritics)).order_by(*order)
    if ignore_diacritics:
        ids = list(session.scalars(ids_query.limit(limit)).all())
        return [_hit(d, tree, folded=True) for d in _documents(session, ids)]
    hits: list[DocumentHit] = []
    for doc in _documents(session, list(session.scalars(ids_query).all())):
        if matches(tree, words(f"{doc.title or ''}\n{doc.text}"), folded=False):
            hits.append(_hit(doc, tree, folded=False))
            if len(hits) >= limit:
                break
    return hits
