"""Whatever a page contains, each stage returns its kind of result or a reported reason, never an exception,
and every record that leaves the extractor is a valid ``doingoai/1`` record.

Example counts are small (CI runs the whole suite in a few minutes); ``tools/fuzz.py`` runs the same
strategies for hours.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doingoai.clean.normalize import normalize
from doingoai.config import DEFAULT_CONFIG
from doingoai.errors import InputError
from doingoai.model import Article, Failure, Page
from doingoai.pipeline import extract_page, process
from doingoai.read.decode import decode
from doingoai.read.sources import _records
from doingoai.segment import segment
from doingoai.validate import problems
from tests.robust.strategies import mutate, mutate_text, mutations, pages, published, urls

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").iterdir())
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
examples = st.sampled_from(EXAMPLES)


def _valid(record: dict[str, object]) -> None:
    assert problems(record) == []
    assert problems(orjson.loads(orjson.dumps(record))) == []  # and it is writable as JSON, unchanged


# -- reader -------------------------------------------------------------------------------------------


@FEW
@given(st.binary(max_size=3000))
def test_reader_decodes_or_says_why(data: bytes) -> None:
    try:
        text, encoding = decode(data, "x")
    except InputError as exc:
        refused: InputError | None = exc
    else:
        refused = None
        assert isinstance(text, str)
        assert encoding
    if refused is not None:
        assert refused.source == "x"
        assert refused.message


@FEW
@given(examples, mutations, st.sampled_from(["utf-8", "utf-16", "cp1258", "utf-8-sig"]))
def test_reader_on_mutated_pages(path: Path, ops: list[tuple[int, int, int, int]], encoding: str) -> None:
    data = mutate(path.read_text(encoding="utf-8").encode(encoding, "replace"), ops)
    try:
        text, _ = decode(data, str(path))
    except InputError as exc:
        code = exc.code
    else:
        code = ""
        assert isinstance(text, str)
    assert code == "" or code.startswith("E10")


@FEW
@given(pages(), published, urls)
def test_records_become_pages_or_failures(text: str, date: str | None, url: str | None) -> None:
    line = orjson.dumps({"url": url, "text": text, "published": date}).decode()
    (got,) = list(_records(line, "feed.jsonl", DEFAULT_CONFIG))
    assert isinstance(got, Page | Failure)
    if isinstance(got, Failure):
        assert got.source == "feed.jsonl:line 1"
        assert got.reason


# -- normalizer ---------------------------------------------------------------------------------------


@FEW
@given(st.one_of(st.text(max_size=500), pages()))
def test_normalizer_gives_nfc_once_and_for_all(text: str) -> None:
    out = normalize(text)
    assert unicodedata.is_normalized("NFC", out)
    assert normalize(out) == out
    assert "\r" not in out


# -- segmenter ----------------------------------------------------------------------------------------


@FEW
@given(st.one_of(pages(), st.text(max_size=800)), st.sampled_from(["text", "html"]))
def test_segmenter_finds_a_story_or_none(text: str, markup: str) -> None:
    article = segment(Page("p", text, markup))  # type: ignore[arg-type]
    assert isinstance(article, Article)
    assert isinstance(article.text, str)
    assert unicodedata.is_normalized("NFC", article.text)


# -- extractor ----------------------------------------------------------------------------------------


@FEW
@given(pages(), published, urls, st.booleans())
def test_generated_pages_give_valid_records(text: str, date: str | None, url: str | None, html: bool) -> None:
    key = "html" if html else "text"
    body = f"<html><body><h1>{text[:60]}</h1><p>{text}</p></body></html>" if html else text
    line = orjson.dumps({"url": url, key: body, "published": date}).decode()
    for page in _records(line, "feed.jsonl", DEFAULT_CONFIG):
        if isinstance(page, Page):
            _valid(extract_page(page)[1])


@FEW
@given(examples, mutations)
def test_mutated_pages_give_valid_records(path: Path, ops: list[tuple[int, int, int, int]]) -> None:
    text = mutate_text(path.read_text(encoding="utf-8"), ops)
    result = process(Page(str(path), text, "html" if path.suffix == ".html" else "text"))
    if isinstance(result, Failure):  # only a page left with no story may fail, and it says so
        assert result.code == InputError.NO_CONTENT, result
        assert "could not process" not in result.reason, result
    else:
        _valid(result)
