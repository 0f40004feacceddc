"""What a Dask worker runs: read the pages of a task's items and put each through the one pipeline function
that a single-process run calls (``pipeline.process`` for ``extract``, ``pipeline.analyse_page`` for
``ingest``). A task never raises for a page: a page that breaks is that page's ``Failure``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import orjson

from doingoai.config import PipelineConfig
from doingoai.errors import InputError
from doingoai.model import Article, Extraction, Failure, Page
from doingoai.parallel.limit import thread_time_limit
from doingoai.pipeline import PageTimeout, analyse_page, process, settle
from doingoai.read.sources import Input, read_input
from doingoai.read.spans import Span, read_span

__all__ = ["Item", "Stored", "extract_task", "ingest_task"]

# One thing a task reads: a file or a span of a JSON Lines file (read on the worker), or a page the main
# process read (standard input), or the failure to read one (passed through, to keep its place in the order).
Item = Input | Span | Page | Failure
Record = dict[str, Any]
# what ingest gets back for one page: its content hash, its analysis (None when it is stored already) and
# the search key of its story (made here, as the hash is, to spare the one process that writes)
Stored = tuple[str, tuple[Article, Extraction] | Failure | None, str | None]

_settled = [False]


def _pages(item: Item, config: PipelineConfig) -> Iterator[Page | Failure]:
    if isinstance(item, Page | Failure):
        yield item
    elif isinstance(item, Span):
        yield from read_span(item, config)
    else:
        yield from read_input(item, config)


def _settle() -> None:
    # as in one process: once the language data are loaded, keep the collector off them
    if not _settled[0]:
        settle()
        _settled[0] = True


def _timed_out(page: Page, config: PipelineConfig) -> Failure:
    return Failure(page.source, InputError.TIMEOUT,
                   f"took longer than the {config.page_timeout:g} s limit for one page (see --page-timeout)")


def _process(page: Page, config: PipelineConfig) -> Record | Failure:
    # the pipeline's own limit needs the main thread; a worker's pages run in another
    try:
        with thread_time_limit(config.page_timeout):
            return process(page, config)
    except PageTimeout:
        return _timed_out(page, config)


def _analyse(page: Page, config: PipelineConfig) -> tuple[Article, Extraction] | Failure:
    try:
        with thread_time_limit(config.page_timeout):
            return analyse_page(page, config)
    except PageTimeout:
        return _timed_out(page, config)


def extract_task(items: Sequence[Item], config: PipelineConfig,
                 encoded: bool = False) -> list[list[Record | bytes | Failure]]:
    """The records of each item's pages, in order; ``encoded``: each record as its JSON (smaller and quicker
    to send back than the record, and its writer has no more to do)."""
    out: list[list[Record | bytes | Failure]] = []
    for item in items:
        results: list[Record | bytes | Failure] = []
        for page in _pages(item, config):
            found = page if isinstance(page, Failure) else _process(page, config)
            results.append(orjson.dumps(found) if encoded and isinstance(found, dict) else found)
            _settle()
        out.append(results)
    return out


def ingest_task(items: Sequence[Item], config: PipelineConfig, stored: frozenset[str]) -> list[list[Failure | Stored]]:
    """Each page's content hash and analysis; a page whose hash is in ``stored`` (the knowledge base's
    documents when the run began) is not analysed again."""
    from doingoai.store.search_syntax import search_key
    from doingoai.store.write import content_hash  # imports SQLAlchemy: ingest only

    out: list[list[Failure | Stored]] = []
    for item in items:
        results: list[Failure | Stored] = []
        for page in _pages(item, config):
            if isinstance(page, Failure):
                results.append(page)
                continue
            digest = content_hash(page.content)
            found = None if digest in stored else _analyse(page, config)
            folded = search_key(found[0].title, found[0].text) if isinstance(found, tuple) else None
            results.append((digest, found, folded))
            _settle()
        out.append(results)
    return out
