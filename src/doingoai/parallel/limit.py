"""The page time limit on a Dask worker, where pages run outside the main thread and no timer signal can
reach them: one watchdog thread per process raises ``PageTimeout`` in a page's thread
(``PyThreadState_SetAsyncExc``) once its deadline has passed, between two Python steps as the signal would,
again every ``AGAIN`` seconds until the page gives up (a ``PageTimeout`` swallowed on the way is raised
again), and never once the page is done.

One long-lived watchdog, not a thread a page: starting a thread and waking it at the end of each page cost a
third of a worker's time on pages of a few milliseconds (each start and wake hands the interpreter lock to
another thread and back). The watchdog looks at the deadlines every ``AGAIN`` seconds, so a page is stopped
at most that much after its limit.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from doingoai.pipeline import PageTimeout

__all__ = ["AGAIN", "thread_time_limit"]

AGAIN = 0.1


def _raise_in(thread: int, exc: type[BaseException] | None) -> None:
    # None clears an exception set but not raised yet
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc else None)


class _Watchdog:
    """The deadlines of the pages running in this process's threads, and the thread that enforces them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.deadlines: dict[int, float] = {}  # thread ident -> time.monotonic() deadline
        self.thread: threading.Thread | None = None
        self.pid = 0

    def arm(self, thread: int, seconds: float) -> None:
        with self.lock:
            self.deadlines[thread] = time.monotonic() + seconds
            if self.thread is None or self.pid != os.getpid() or not self.thread.is_alive():
                # the first page of this process (or of a child forked from it: threads do not survive a fork)
                self.pid = os.getpid()
                self.thread = threading.Thread(target=self._watch, daemon=True, name="doingoai-page-limit")
                self.thread.start()

    def disarm(self, thread: int) -> None:
        with self.lock:
            self.deadlines.pop(thread, None)
            _raise_in(thread, None)

    def _watch(self) -> None:
        while True:
            time.sleep(AGAIN)
            now = time.monotonic()
            with self.lock:
                for thread, deadline in self.deadlines.items():
                    if now >= deadline:
                        _raise_in(thread, PageTimeout)


_WATCHDOG = _Watchdog()


@contextmanager
def thread_time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``PageTimeout`` in this thread after ``seconds`` of wall-clock time in the block."""
    if seconds is None:
        yield
        return
    target = threading.get_ident()
    _WATCHDOG.arm(target, seconds)
    try:
        yield
    finally:
        while True:  # a PageTimeout landing right here must not escape the limit
            try:
                _WATCHDOG.disarm(target)
                break
            except PageTimeout:
                continue
