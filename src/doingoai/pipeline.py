"""The whole pipeline for one page and for a batch: read -> clean -> segment -> extract -> record.

Every stage is a plain function; this module only strings them together and turns the failure of one
page into a ``Failure`` so that the batch goes on.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import Any, TypeVar

import orjson

from doingoai.config import DEFAULT_CONFIG, PipelineConfig
from doingoai.errors import DoingoaiError, InputError
from doingoai.extract import extract
from doingoai.model import Article, Extraction, Failure, Page
from doingoai.read.sources import Input, expand, read_input
from doingoai.record import to_record
from doingoai.segment import segment

__all__ = ["PageTimeout", "analyse_article", "analyse_page", "extract_page", "extract_paths", "process", "settle",
           "time_limit"]

Record = dict[str, Any]


def extract_page(page: Page, config: PipelineConfig = DEFAULT_CONFIG) -> tuple[Article, Record]:
    """The story of one page and its ``doingoai/1`` record."""
    article = segment(page, today=config.today)
    return article, to_record(article, extract(article, today=config.today, related=config.related))


def settle() -> None:
    """Call once the first page of a batch is done: the lexicons it loaded live as long as the process
    and never change, so they are moved out of the cyclic garbage collector's sight. Otherwise every
    full collection walks their hundreds of thousands of objects again (a few percent of a batch)."""
    gc.freeze()


class PageTimeout(BaseException):
    """Raised inside a page's extraction when its time is up (never escapes ``process``). A BaseException,
    like KeyboardInterrupt, so that no ``except Exception`` of a library on the way swallows it."""


# Whether a page's time limit is running: the alarm handler raises only then (an alarm arriving as the limit is
# taken down raises nothing). After the first alarm the timer fires again every ``_AGAIN`` seconds, so that a
# ``PageTimeout`` that some code swallows (an ``__del__`` or a weakref callback it happened to interrupt) is
# raised again.
_armed = [False]
_AGAIN = 0.1


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    if _armed[0]:
        raise PageTimeout


def _disarm(previous: signal.Handlers | Callable[[int, FrameType | None], Any] | int | None) -> None:
    _armed[0] = False
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[bool]:
    """Raise ``PageTimeout`` in the block after ``seconds`` of wall-clock time; yields whether the limit is
    enforced.

    A timer signal (SIGALRM) interrupts the running page between two Python steps (long regex searches check
    for signals too), which stops a runaway page without a second process or thread to feed the page to. Signal
    handlers can only be set in the main thread (and SIGALRM does not exist on Windows): elsewhere the page runs
    without a limit, bounded only by the linear-time rules. A timer already running (a test runner's) is put
    back when the block ends, less the time the block took."""
    if seconds is None or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _armed[0] = True
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds, _AGAIN)
    began = time.monotonic()
    try:
        yield True
    finally:
        while True:  # an alarm landing right here must not leave the timer armed
            try:
                _disarm(previous)
                break
            except PageTimeout:
                continue
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - began), 1e-3))


def analyse_page(page: Page, config: PipelineConfig = DEFAULT_CONFIG) -> tuple[Article, Extraction] | Failure:
    """The story of one page and what it asserts; a page that breaks a stage, or runs past
    ``config.page_timeout``, becomes a ``Failure`` naming the page. ``extract`` and ``ingest`` both go
    through here: the same stages, options, time limit and error rules."""

    def work() -> tuple[Article, Extraction]:
        article = segment(page, today=config.today)
        return article, extract(article, today=config.today, related=config.related)

    return _guarded(page.source, config, work)


def analyse_article(article: Article, config: PipelineConfig = DEFAULT_CONFIG) -> Extraction | Failure:
    """What a story asserts (``ingest --reprocess`` re-reads stored stories through here)."""
    return _guarded(article.source, config, lambda: extract(article, today=config.today, related=config.related))


T = TypeVar("T")

_PAGE_BUGS = (ValueError, TypeError, KeyError, IndexError, RecursionError, MemoryError)


def _guarded(source: str, config: PipelineConfig, work: Callable[[], T]) -> T | Failure:
    """``work()`` under the page's time limit; what goes wrong becomes this page's ``Failure``."""
    try:
        with time_limit(config.page_timeout):
            return work()
    except PageTimeout:
        return Failure(source, InputError.TIMEOUT,
                       f"took longer than the {config.page_timeout:g} s limit for one page (see --page-timeout)")
    except DoingoaiError as exc:
        return Failure(source, exc.code, exc.message)
    except _PAGE_BUGS as exc:
        return _bug(source, exc)


def _bug(source: str, exc: BaseException) -> Failure:
    # A bug or a pathological page: report it as this page's failure, keep the batch going.
    return Failure(source, InputError.NO_CONTENT, f"could not process the page ({type(exc).__name__}: {exc})")


def process(page: Page, config: PipelineConfig = DEFAULT_CONFIG) -> Record | Failure:
    """Like ``extract_page``, but a page that breaks a stage, or runs past ``config.page_timeout``, becomes a
    ``Failure`` naming the page."""
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
    args: Sequence[str], config: PipelineConfig = DEFAULT_CONFIG, workers: int = 1, scheduler: str | None = None,
    encoded: bool = False,
) -> tuple[list[Input], list[Failure], Iterator[tuple[Input, Record | bytes | Failure]]]:
    """Resolve ``args``; returns the inputs, the arguments that named nothing, and a lazy stream of results.
    ``workers`` > 1 or a ``scheduler`` address: the pages are extracted on a Dask cluster (the results come in
    the same order); one worker extracts here, without starting Dask. ``encoded``: each record comes as its
    JSON (``orjson.dumps``), made where the page was extracted (for a writer of JSON, whose process then
    neither decodes nor encodes what a worker sent)."""
    inputs, failures = expand(args, config)
    if workers > 1 or scheduler:
        from doingoai.parallel.run import extract_stream  # Dask is imported only when asked for

        return inputs, failures, extract_stream(inputs, config, workers, scheduler, encoded)

    def stream() -> Iterator[tuple[Input, Record | bytes | Failure]]:
        settled = False
        for item in inputs:
            for page in read_input(item, config):
                found = page if isinstance(page, Failure) else process(page, config)
                yield item, orjson.dumps(found) if encoded and isinstance(found, dict) else found
                if not settled:
                    settle()
                    settled = True

    return inputs, failures, stream()
