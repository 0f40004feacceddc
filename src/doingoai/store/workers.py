"""Ingest on a Dask cluster: the workers read the pages, skip the ones the knowledge base held when the run
began, and extract the others; the results come back in the order of the inputs and one writer (this
process) stores them in the batches a single process would: the same knowledge base, whatever the number
of workers. The writer is the one process that writes, on SQLite (one writer at a time anyway) and on
PostgreSQL alike: resolution across outlets sees every earlier page, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from distributed import Future

from doingoai.model import Failure
from doingoai.parallel.cluster import dask_client
from doingoai.parallel.run import in_order, plan
from doingoai.parallel.tasks import ingest_task
from doingoai.read.sources import Input

if TYPE_CHECKING:
    from doingoai.store.ingest import _Ingest

__all__ = ["ingest_on_cluster"]


def ingest_on_cluster(run: _Ingest, inputs: Sequence[Input], stored: frozenset[str], workers: int,
                      scheduler: str | None, check: Callable[[], None], on_input: Callable[[Input], None] | None,
                      on_page: Callable[[Input], None] | None) -> None:
    """Every page of ``inputs`` through ``run``; ``stored``: the content hashes in the knowledge base now
    (sent once to every worker); ``check`` is called between pages (Ctrl-C)."""
    with dask_client(workers, scheduler) as client:
        # a task, not scattered data: a worker killed while holding it would lose scattered data for good, while
        # the scheduler computes a lost task again
        known: Future[frozenset[str]] = client.submit(frozenset, sorted(stored), pure=False)
        last: Input | None = None
        tasks = plan(inputs, run.config, read_everything_here=scheduler is not None)
        for owners, results in in_order(client, ingest_task, tasks, run.config, known):
            for owner, found in zip(owners, results, strict=True):
                for result in found:
                    if owner is not last:
                        last = owner
                        if on_input is not None:
                            on_input(owner)
                    check()
                    if isinstance(result, Failure):
                        run.summary.failed.append(result)
                    else:
                        run.analysed(*result)
                    if on_page is not None:
                        on_page(owner)
