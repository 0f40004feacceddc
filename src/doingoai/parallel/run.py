"""The main process's side: cut the inputs into small tasks, keep a bounded window of them on the cluster,
and hand the results back in the order of the inputs (so that the output of ``--workers N`` is that of
one process, and memory stays flat however many pages there are).

Files are read by the workers: a JSON Lines file is cut here into spans of whole lines (``read.spans``, a scan
for line ends) and each worker reads its spans' records itself, so that one file of many pages is spread over
every worker without this process reading, parsing and shipping each record. Standard input is read here
and travels as pages. On a cluster given by ``--scheduler`` every input is read here: its workers need not
see this machine's files.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from distributed import Client, Future

from doingoai.config import PipelineConfig
from doingoai.errors import InputError
from doingoai.model import Failure
from doingoai.parallel.cluster import dask_client
from doingoai.parallel.tasks import Item, Record, extract_task
from doingoai.read.sources import Input, read_input
from doingoai.read.spans import Span, record_spans

__all__ = ["PAGES_PER_TASK", "Task", "extract_stream", "in_order", "plan"]

# Items a task carries (files of a page each, or pages read here): a tenth of a second of work or so, so that
# the scheduler's few milliseconds a task are little, while a slow page holds back little. A span of a JSON
# Lines file (many pages) is a task of its own.
PAGES_PER_TASK = 8
# Tasks on the cluster (running, queued or done and waiting for an earlier one) per worker thread: enough
# that no worker waits for the next, few enough that memory stays flat
TASKS_PER_WORKER = 3
_RECORD_FILES = {".jsonl", ".ndjson"}

Task = tuple[list[Input], list[Item]]
R = TypeVar("R")


def _read_here(item: Input, everything: bool) -> bool:
    return everything or item.path is None or item.path.suffix.lower() in _RECORD_FILES


def plan(inputs: Iterable[Input], config: PipelineConfig, read_everything_here: bool = False,
         per_task: int = PAGES_PER_TASK) -> Iterator[Task]:
    """The inputs as tasks of ``per_task`` items, each item with the input it comes from, in order; each span
    of a JSON Lines file read on the workers is a task of its own."""
    owners: list[Input] = []
    items: list[Item] = []
    for source in inputs:
        spans = None if read_everything_here else record_spans(source)
        if spans is not None:
            if items:
                yield owners, items
                owners, items = [], []
            for span in spans:
                yield [source], [span]
            continue
        found: Iterable[Item] = (read_input(source, config) if _read_here(source, read_everything_here)
                                           else (source,))
        for item in found:
            owners.append(source)
            items.append(item)
            if len(items) >= per_task:
                yield owners, items
                owners, items = [], []
    if items:
        yield owners, items


def _name(item: Item) -> str:
    if isinstance(item, Span):
        return f"{item.source.name}:line {item.first_line} and after"
    return item.name if isinstance(item, Input) else item.source


def in_order(client: Client, fn: Callable[..., list[list[R]]], tasks: Iterable[Task], *shared: Any,
             window: int | None = None) -> Iterator[tuple[list[Input], list[list[R] | list[Failure]]]]:
    """``fn(items, *shared)`` of each task on the cluster, at most ``window`` tasks at once, results yielded in
    the order of the tasks. A task whose workers died every time the scheduler retried it (a page that
    crashes the interpreter, or runs it out of memory) fails its pages, not the run."""
    if window is None:
        window = max(2, TASKS_PER_WORKER * _threads(client))
    pending: deque[tuple[Task, Future[list[list[R]]]]] = deque()

    def oldest() -> tuple[list[Input], list[list[R] | list[Failure]]]:
        (owners, items), future = pending.popleft()
        try:
            results: list[list[R] | list[Failure]] = list(future.result())
        except Exception as exc:  # KilledWorker, or a bug that escaped the pipeline's guard
            reason = f"lost on the cluster ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
            results = [[Failure(_name(it), InputError.NO_CONTENT, reason)] for it in items]
        finally:
            future.release()
        return owners, results

    for task in tasks:
        pending.append((task, client.submit(fn, task[1], *shared, pure=False)))
        if len(pending) >= window:
            yield oldest()
    while pending:
        yield oldest()


def _threads(client: Client) -> int:
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))


def extract_stream(inputs: Sequence[Input], config: PipelineConfig, workers: int, scheduler: str | None = None,
                   encoded: bool = False) -> Iterator[tuple[Input, Record | bytes | Failure]]:
    """``(input, record or failure)`` of every page, in the order one process gives them; ``encoded``: each
    record as its JSON, encoded on the worker."""
    with dask_client(workers, scheduler) as client:
        tasks = plan(inputs, config, scheduler is not None)
        for owners, results in in_order(client, extract_task, tasks, config, encoded):
            for owner, found in zip(owners, results, strict=True):
                for result in found:
                    yield owner, result
