"""What ``extract`` and ``ingest`` share: the options that spread the work over a Dask cluster, and the progress
bar (inputs done out of all, pages done and pages per second: a JSON Lines input holds many pages, and the
bar alone would stand still on it)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from types import TracebackType
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

__all__ = ["PageProgress", "SchedulerOption", "WorkersOption"]

WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, max=1024, metavar="N", help="Read and "
                          "extract pages on N worker processes of a local Dask cluster (the same result, in the "
                          "same order); 1: in this process, without Dask.")]
SchedulerOption = Annotated[str | None, typer.Option("--scheduler", metavar="tcp://HOST:PORT", help="Use the "
                                                     "workers of this running Dask cluster instead (pages are read "
                                                     "here and sent to them).")]


class _PagesColumn(ProgressColumn):
    """``1,234 pages 56.7/s``: the pages done and their rate since the start."""

    def render(self, task: Task) -> Text:
        pages = int(task.fields.get("pages", 0))
        elapsed = task.elapsed or 0.0
        rate = f"{pages / elapsed:.1f}/s" if elapsed > 0 else "–/s"
        return Text(f"{pages:,} pages {rate}")


class PageProgress(AbstractContextManager["PageProgress"]):
    """A transient bar on stderr; ``page(name)`` counts one page of the input called ``name``, ``input_done``
    moves the bar on by one input."""

    def __init__(self, label: str, inputs: int) -> None:
        self.bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), _PagesColumn(),
                            TimeRemainingColumn(), TextColumn("{task.fields[name]}"), console=Console(stderr=True),
                            transient=True)
        self.task = self.bar.add_task(label, total=inputs, name="", pages=0)
        self.pages = 0

    def __enter__(self) -> PageProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.bar.__exit__(kind, value, tb)

    def page(self, name: str) -> None:
        self.pages += 1
        self.bar.update(self.task, pages=self.pages, name=name[-40:])

    def input_done(self) -> None:
        self.bar.advance(self.task)
