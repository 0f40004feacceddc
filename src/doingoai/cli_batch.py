"""What ``extract`` and ``ingest`` share: the options that spread the work over a Dask cluster, and the progress
bar (inputs done out of all, pages done and pages per second: a JSON Lines input holds many pages, and the
bar alone would stand still on it)."""

from __future__ import annotations

import math
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Annotated, Any

import typer

__all__ = ["MAX_PAGE_MB", "PageProgress", "SchedulerOption", "WorkersOption", "megabytes"]

# The largest --max-size, in MB: a page is a few MB at most; more is a typo (or a file that is not news).
MAX_PAGE_MB = 1000.0


def megabytes(value: float) -> float:
    """A --max-size value: a finite number of MB in the allowed range (nan and inf pass a range check)."""
    if not math.isfinite(value) or not 0.001 <= value <= MAX_PAGE_MB:
        raise typer.BadParameter(f"{value} is not a size in MB between 0.001 and {MAX_PAGE_MB:g}")
    return value

WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, max=1024, metavar="N", help="Read and "
                          "extract pages on N worker processes of a local Dask cluster (the same result, in the "
                          "same order); 1: in this process, without Dask.")]
SchedulerOption = Annotated[str | None, typer.Option("--scheduler", metavar="tcp://HOST:PORT", help="Use the "
                                                     "workers of this running Dask cluster instead (pages are read "
                                                     "here and sent to them).")]


def _pages_column() -> Any:
    """``1,234 pages 56.7/s``: the pages done and their rate since the start (rich is loaded only for a bar)."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class PagesColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            pages = int(task.fields.get("pages", 0))
            elapsed = task.elapsed or 0.0
            rate = f"{pages / elapsed:.1f}/s" if elapsed > 0 else "–/s"
            return Text(f"{pages:,} pages {rate}")

    return PagesColumn()


class PageProgress(AbstractContextManager["PageProgress"]):
    """A transient bar on stderr; ``page(name)`` counts one page of the input called ``name``, ``input_done``
    moves the bar on by one input."""

    def __init__(self, label: str, inputs: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), _pages_column(),
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
