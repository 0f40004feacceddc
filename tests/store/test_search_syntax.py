"""The search language: a pure parser (Hypothesis-tested), and the SQL it compiles to giving the same
answers as the Python evaluator, tone marks kept or ignored."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import Session

from doingoai.store import schema as s
from doingoai.store.search import where
from doingoai.store.search_syntax import (
    And,
    Node,
    Not,
    Or,
    QueryError,
    Term,
    _finds_something,
    highlights,
    matches,
    parse,
    render,
    search_key,
    words,
)

# Syllables that fold onto each other ("to", "tô", "tổ"; "lam", "lâm", "làm"; "đa", "da"), so that tone
# marks decide many matches.
SYLLABLES = ["to", "tô", "tổ", "lam", "lâm", "làm", "kim", "kimchi", "đa", "da", "1"]
SEPARATORS = [" ", ", ", " - ", ". ", "\n", "-", " “", "” "]

syllable = st.sampled_from(SYLLABLES)
terms = st.builds(lambda ws, p: Term(tuple(ws), p), st.lists(syllable, min_size=1, max_size=3), st.booleans())
trees: st.SearchStrategy[Node] = st.recursive(
    terms,
    lambda inner: st.one_of(
        st.builds(Not, inner),
        st.builds(lambda cs: And(tuple(cs)), st.lists(inner, min_size=2, max_size=3)),
        st.builds(lambda cs: Or(tuple(cs)), st.lists(inner, min_size=2, max_size=3))),
    max_leaves=6)


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(syllable, st.sampled_from(SEPARATORS)), max_size=8))
    text = "".join(w + sep for w, sep in parts)
    return text.upper() if draw(st.booleans()) and text else text


@given(trees)
def test_render_then_parse_means_the_same_and_is_stable(tree: Node) -> None:
    assume(_finds_something(tree))
    again = parse(render(tree))
    assert parse(render(again)) == again


@given(trees, st.lists(texts(), min_size=1, max_size=4), st.booleans())
def test_a_rendered_query_matches_what_its_tree_matches(tree: Node, docs: list[str], folded: bool) -> None:
    assume(_finds_something(tree))
    again = parse(render(tree))
    for doc in docs:
        assert matches(again, words(doc), folded) == matches(tree, words(doc), folded)


@given(st.text(max_size=40))
def test_any_text_is_a_query_or_a_clear_error(text: str) -> None:
    try:
        tree = parse(text)
    except QueryError as exc:
        message = str(exc)
    else:
        message = ""
        assert parse(render(tree)) == tree
    assert message or tree


@given(st.lists(texts(), min_size=1, max_size=6), trees)
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_the_sql_gives_the_python_answer(docs: list[str], tree: Node) -> None:
    """Tone marks ignored, the SQL is the answer; kept, it is a superset of it (Python narrows it down)."""
    assume(_finds_something(tree))
    engine = create_engine("sqlite://")
    s.Document.__table__.create(engine)  # type: ignore[attr-defined]
    with Session(engine) as session:
        session.execute(insert(s.Document), [
            {"id": i, "content_hash": str(i), "source": str(i), "title": None, "text": doc,
             "folded": search_key(None, doc), "markup": "text", "encoding": "utf-8", "extractor_version": "t",
             "ingested_at": dt.datetime(2026, 1, 1)} for i, doc in enumerate(docs)])
        folded = set(session.scalars(select(s.Document.id).where(where(tree, exact=True))).all())
        superset = set(session.scalars(select(s.Document.id).where(where(tree, exact=False))).all())
    assert folded == {i for i, doc in enumerate(docs) if matches(tree, words(f"\n{doc}"), folded=True)}
    assert superset >= {i for i, doc in enumerate(docs) if matches(tree, words(f"\n{doc}"), folded=False)}


@pytest.mark.parametrize(("query", "tree"), [
    ("Tô Lâm", Term(("tô", "lâm"))),
    ('"Tô Lâm"', Term(("tô", "lâm"))),
    ("“Tô Lâm”", Term(("tô", "lâm"))),  # typographic quotes, as pasted from a page
    ("kim*", Term(("kim",), prefix=True)),
    ('"kim ngạch*"', Term(("kim", "ngạch"), prefix=True)),
    ('"Tô Lâm" Lào', And((Term(("tô", "lâm")), Term(("lào",))))),
    ("Tô Lâm AND Lào", And((Term(("tô", "lâm")), Term(("lào",))))),
    ("Lào OR Campuchia", Or((Term(("lào",)), Term(("campuchia",))))),
    ("Lào -Campuchia", And((Term(("lào",)), Not(Term(("campuchia",)))))),
    ("Lào NOT Campuchia", And((Term(("lào",)), Not(Term(("campuchia",)))))),
    ("(Lào OR Campuchia) AND hợp tác", And((Or((Term(("lào",)), Term(("campuchia",)))), Term(("hợp", "tác"))))),
    ("Díaz-Canel", Term(("díaz", "canel"))),
    ("kim* ngạch", And((Term(("kim",), prefix=True), Term(("ngạch",))))),
])
def test_the_syntax(query: str, tree: Node) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(("query", "message"), [
    ("", "empty query"),
    ("   ", "empty query"),
    ('"Tô Lâm', "unbalanced quote"),
    ("NOT", "NOT (at 1) needs a word"),
    ("Lào NOT", "NOT (at 5) needs a word"),
    ("NOT Lào", "only leaves words out"),
    ("-Lào", "only leaves words out"),
    ("Lào OR", "OR (at 5) needs a word or phrase on each side"),
    ("OR Lào", "OR (at 1) needs"),
    ("(Lào", "unbalanced parenthesis"),
    ("Lào)", "unbalanced parenthesis"),
    ("()", "empty parentheses"),
    ('""', "empty phrase"),
    ("%", "no letters or digits"),
    ("k*m", "* marks a prefix"),
])
def test_malformed_queries_say_why(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        parse(query)


def test_words_stay_together_and_whole() -> None:
    assert not matches(parse("to lam"), words("Ủy ban đã tổ chức buổi làm việc."), folded=True)
    assert matches(parse("to lam"), words("tổ, làm"), folded=True)  # adjacent words: -i ignores their tone marks
    page = words("Ủy ban đã tổ chức buổi làm việc. Tổng Bí thư Tô Lâm; món kimchi.")
    assert matches(parse("to lam"), page, folded=True)
    assert matches(parse("tô lâm"), page, folded=False)
    assert not matches(parse("to lam"), page, folded=False)  # tone marks matter by default
    assert not matches(parse("kim"), page, folded=False)  # whole words: "kimchi" is not "kim"
    assert matches(parse("kim*"), page, folded=False)


def test_highlights_mark_the_wanted_words_only() -> None:
    text = "Tô Lâm tiếp Đại sứ Lào; Tô Lâm hội đàm."
    spans = highlights(parse('"Tô Lâm" -Lào'), words(text), folded=False)
    assert [text[a:b] for a, b in spans] == ["Tô Lâm", "Tô Lâm"]


def test_the_search_key_is_the_folded_words_between_spaces() -> None:
    assert search_key("Tô Lâm", "tổ chức, làm việc: 100%_x") == " to lam to chuc lam viec 100 x "


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=30)), st.text(max_size=200))
def test_the_search_key_holds_the_words_of_the_search_language(title: str | None, text: str) -> None:
    # the key is built without the words' offsets, for speed: it must hold exactly the words a query is read
    # into (exotic marks included, such as one that case-folds to a letter)
    expected = [w.folded for w in words(f"{title or ''}\n{text}")]
    assert search_key(title, text).split(" ")[1:-1] == (expected or [""])


DOCS = ["Tổng Bí thư Tô Lâm tiếp Đại sứ Lào.", "Ủy ban đã tổ chức buổi làm việc với Campuchia.",
        "Món kimchi; kim ngạch thương mại 10 tỷ USD (100%_x).", "To lam: tô, lâm — tổ làm.", "Đà Nẵng, Da Nang, đa"]
QUERIES = ["to lam", '"Tô Lâm"', "tô lâm OR campuchia", "kim*", "kim ngach*", "tổ AND làm -campuchia",
           "(lào OR campuchia) AND NOT kimchi", "da", "đa", "1*", "10 tỷ"]


def test_both_databases_answer_like_the_evaluator(db_url: str) -> None:
    """The same documents and queries on SQLite and on PostgreSQL: search_documents gives exactly the
    documents the Python evaluator matches, tone marks kept or ignored."""
    from doingoai.store.engine import make_engine, migrate
    from doingoai.store.search import search_documents

    engine = make_engine(db_url)
    migrate(engine)
    with Session(engine) as session:
        session.execute(insert(s.Document), [
            {"id": i + 1, "content_hash": str(i), "source": f"d{i}", "title": None, "text": doc,
             "folded": search_key(None, doc), "markup": "text", "encoding": "utf-8", "extractor_version": "t",
             "ingested_at": dt.datetime(2026, 1, 1)} for i, doc in enumerate(DOCS)])
        session.commit()
        for query in QUERIES:
            for folded in (False, True):
                found = {h.source for h in search_documents(session, query, ignore_diacritics=folded, limit=50)}
                expected = {f"d{i}" for i, doc in enumerate(DOCS) if matches(parse(query), words(f"\n{doc}"), folded)}
                assert found == expected, (query, folded)
    engine.dispose()
