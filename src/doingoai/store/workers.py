"""Extraction in worker processes while the main process writes: the ingest of a large input uses every core.

The pool is forked when a second batch of pages shows up (one batch is extracted in the main process:
starting workers costs more than it saves there), right after the main process extracted one page: the
language data are loaded once, and the forked workers share them. Workers ignore
Ctrl-C (the main process handles it and stops them) and exit on their own when the main process is gone
(a ``kill -9``), so that no orphan outlives an interrupted ingest.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Sequence
from functools import partial
from multiprocessing.pool import AsyncResult, Pool

from doingoai.config import PipelineConfig
from doingoai.model import Article, Extraction, Failure, Page
from doingoai.pipeline import analyse_page

__all__ = ["Extractors", "Pending", "Result"]

Result = tuple[Article, Extraction] | Failure
# forked workers share the language data the main process loaded; elsewhere (no fork) extraction stays here
_FORK = "fork"


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(0)
        time.sleep(0.5)


def _init(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


class Pending:
    """The results of a batch: some computed here already, the others coming from the workers."""

    def __init__(self, done: list[Result], coming: AsyncResult[list[Result]] | None = None) -> None:
        self.done = done
        self.coming = coming

    def results(self) -> list[Result]:
        return self.done + (self.coming.get() if self.coming is not None else [])


class Extractors:
    """``analyse_page`` over batches of pages, in the main process or in a pool of ``jobs`` workers."""

    def __init__(self, config: PipelineConfig, jobs: int) -> None:
        self.config = config
        self.jobs = jobs
        self.pool: Pool | None = None
        self.work = partial(analyse_page, config=self.config)
        self.wanted = False

    def want_workers(self) -> None:
        """From now on, extract in workers (when ``jobs`` > 1 and processes can be forked)."""
        self.wanted = self.jobs > 1 and _FORK in multiprocessing.get_all_start_methods()

    def submit(self, pages: Sequence[Page]) -> Pending:
        """Start extracting ``pages``. The workers start with the first pages submitted once they are wanted:
        the first page is extracted here, which loads the language data once, for the workers forked after
        it to share."""
        if self.wanted and self.pool is None and pages:
            first = [self.work(pages[0])]
            self.pool = multiprocessing.get_context(_FORK).Pool(self.jobs, initializer=_init, initargs=(os.getpid(),))
            return Pending(first, self._map(pages[1:]))
        if self.pool is None:
            return Pending([self.work(p) for p in pages])
        return Pending([], self._map(pages))

    def _map(self, pages: Sequence[Page]) -> AsyncResult[list[Result]]:
        assert self.pool is not None
        return self.pool.map_async(self.work, pages, chunksize=max(1, len(pages) // (self.jobs * 4)))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()
            self.pool = None

    def terminate(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
