"""Extraction in worker processes while the main process writes: the ingest of a large input uses every core.

The pool is forked when a second batch of pages shows up (one batch is extracted in the main process:
starting workers costs more than it saves there). Workers ignore
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

__all__ = ["Extractors", "Result", "default_jobs"]

Result = tuple[Article, Extraction] | Failure
# forked workers share the language data the main process loaded; elsewhere (no fork) extraction stays here
_FORK = "fork"


def default_jobs() -> int:
    """One worker per core the process may use (at most 4: the writer is the bottleneck beyond that)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(0)
        time.sleep(0.5)


def _init(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


class Extractors:
    """``analyse_page`` over batches of pages, in the main process or in a pool of ``jobs`` workers."""

    def __init__(self, config: PipelineConfig, jobs: int) -> None:
        self.config = config
        self.jobs = jobs
        self.pool: Pool | None = None

    def start(self, final: bool) -> None:
        """Start the workers (unless this is the last batch anyway: one batch is extracted here)."""
        forkable = _FORK in multiprocessing.get_all_start_methods()
        if self.jobs > 1 and not final and self.pool is None and forkable:
            self.pool = multiprocessing.get_context(_FORK).Pool(self.jobs, initializer=_init, initargs=(os.getpid(),))

    def submit(self, pages: Sequence[Page]) -> AsyncResult[list[Result]] | list[Result]:
        """Start extracting ``pages``: a pending result from the pool, or the results themselves."""
        work = partial(analyse_page, config=self.config)
        if self.pool is None:
            return [work(p) for p in pages]
        return self.pool.map_async(work, pages, chunksize=max(1, len(pages) // (self.jobs * 4)))

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
