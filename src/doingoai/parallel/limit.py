"""The page time limit on a Dask worker, where pages run outside the main thread and no timer signal can
reach them: a watchdog thread raises ``PageTimeout`` in the page's thread (``PyThreadState_SetAsyncExc``),
between two Python steps as the signal would, again every ``AGAIN`` seconds until the page gives up (a
``PageTimeout`` swallowed on the way is raised again), and never once the page is done.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from doingoai.pipeline import PageTimeout

__all__ = ["thread_time_limit"]

AGAIN = 0.1


def _raise_in(thread: int, exc: type[BaseException] | None) -> None:
    # None clears an exception set but not raised yet
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc else None)


@contextmanager
def thread_time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``PageTimeout`` in this thread after ``seconds`` of wall-clock time in the block."""
    if seconds is None:
        yield
        return
    target = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()
    armed = [True]

    def watch() -> None:
        if done.wait(seconds):
            return
        while True:
            with lock:
                if not armed[0]:
                    return
                _raise_in(target, PageTimeout)
            if done.wait(AGAIN):
                return

    threading.Thread(target=watch, daemon=True, name="doingoai-page-limit").start()
    try:
        yield
    finally:
        while True:  # a PageTimeout landing right here must not escape the limit
            try:
                with lock:
                    armed[0] = False
                    done.set()
                _raise_in(target, None)
                break
            except PageTimeout:
                continue
