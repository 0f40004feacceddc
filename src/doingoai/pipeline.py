"""The whole pipeline for one page and for a batch: read -> clean -> segment -> extract -> record.

Every stage is a plain function; this module only strings them together and turns the failure of one
page into a ``Failure`` so that the batch goes on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from typing import Any

from doingoai.config import DEFAULT_CONFIG, PipelineConfig
from doingoai.errors import DoingoaiError, InputError
from doingoai.extract import extract
from doingoai.model import Article, Extraction, Failure, Page
from doingoai.read.sources import Input, expand, read_input
from doingoai.record import to_record
from doingoai.segment import segment

__all__ = ["analyse_article", "analyse_page", "extract_page", "extract_paths", "process", "settle"]

Record = dict[str, Any]


def extract_page(page: Page, config: PipelineConfig = DEFAULT_CONFIG) -> tuple[Article, Record]:
    """The story of one page and its ``doingoai/1`` record."""
    article = segment(page)
    return article, to_record(article, extract(article, today=config.today, related=config.related))


def settle() -> None:
    """Call once the first page of a batch is done: the lexicons it loaded live as long as the process
    and never change, so they are moved out of the cyclic garbage collector's sight. Otherwise every
    full collection walks their hundreds of thousands of objects again (a few percent of a batch)."""
    gc.freeze()


def analyse_page(page: Page, config: PipelineConfig = DEFAULT_CONFIG) -> tuple[Article, Extraction] | Failure:
    """The story of one page and what it asserts; a page that breaks a stage becomes a ``Failure`` naming the
    page. ``extract`` and ``ingest`` both go through here: the same stages, options and error rules."""
    try:
        article = segment(page)
    except DoingoaiError as exc:
        return Failure(page.source, exc.code, exc.message)
    except _PAGE_BUGS as exc:
        return _bug(page.source, exc)
    found = analyse_article(article, config)
    return found if isinstance(found, Failure) else (article, found)


def analyse_article(article: Article, config: PipelineConfig = DEFAULT_CONFIG) -> Extraction | Failure:
    """What a story asserts (``ingest --reprocess`` re-reads stored stories through here)."""
    try:
        return extract(article, today=config.today, related=config.related)
    except DoingoaiError as exc:
        return Failure(article.source, exc.code, exc.message)
    except _PAGE_BUGS as exc:
        return _bug(article.source, exc)


_PAGE_BUGS = (ValueError, TypeError, KeyError, IndexError, RecursionError, MemoryError)


def _bug(source: str, exc: BaseException) -> Failure:
    # A bug or a pathological page: report it as this page's failure, keep the batch going.
    return Failure(source, InputError.NO_CONTENT, f"could not process the page ({type(exc).__name__}: {exc})")


def process(page: Page, config: PipelineConfig = DEFAULT_CONFIG) -> Record | Failure:
    """Like ``extract_page``, but a page that breaks a stage becomes a ``Failure`` naming the page."""
    found = analyse_page(page, config)
    if isinstance(found, Failure):
        return found
    try:
        return to_record(*found)
    except DoingoaiError as exc:
        return Failure(page.source, exc.code, exc.message)
    except _PAGE_BUGS as exc:
        return _bug(page.source, exc)


def extract_paths(
    args: Sequence[str], config: PipelineConfig = DEFAULT_CONFIG
) -> tuple[list[Input], list[Failure], Iterator[tuple[Input, Record | Failure]]]:
    """Resolve ``args``; returns the inputs, the arguments that named nothing, and a lazy stream of results."""
    inputs, failures = expand(args, config)

    def stream() -> Iterator[tuple[Input, Record | Failure]]:
        settled = False
        for item in inputs:
            for page in read_input(item, config):
                yield item, page if isinstance(page, Failure) else process(page, config)
                if not settled:
                    settle()
                    settled = True

    return inputs, failures, stream()
