"""A Dask client on a local cluster of worker processes, or on a cluster already running.

Local workers are processes with one thread each (extraction is pure Python: threads would share one
core), without the dashboard (nothing should listen on a port the user did not ask for). Each local worker
watches the process that started it and exits when it is gone (a ``kill -9``), so that no orphan outlives an
interrupted run.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dask.config
from distributed import Client, LocalCluster, WorkerPlugin

from doingoai.errors import DoingoaiError, UsageError

__all__ = ["NO_FIXED_PORT", "QUIET_WORKERS", "dask_client"]

# Without the dashboard the scheduler still serves its health page, on port 8787 unless told otherwise: a
# port of the system's choosing on this machine only, so that two runs (or another program) never collide
NO_FIXED_PORT = {"dashboard_address": "127.0.0.1:0"}
# Dask's defaults for an interactive cluster, which cost a worker of short pure-Python tasks a tenth of its
# time: a statistical profiler sampling every thread's stack every 10 ms, the event loop's health tick every
# 20 ms and the memory check every 100 ms, each taking the interpreter lock from the task's thread. A batch
# run needs none of the profiles, and the checks a few times a second at most.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
}
# how often a local worker looks whether the process that started it is still there
_WATCH_S = 0.5


def _watch(owner: int) -> None:
    while True:
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # a pid taken over by another user's process: ours is gone
            os._exit(0)
        time.sleep(_WATCH_S)


class _ExitWithOwner(WorkerPlugin):
    """Ends a local worker (and so its nanny's restarts) once the owning process is gone. A plugin, not a
    one-off call: a worker the nanny restarts gets it too."""

    name = "doingoai-exit-with-owner"

    def __init__(self, owner: int) -> None:
        self.owner = owner

    def setup(self, worker: Any) -> None:
        threading.Thread(target=_watch, args=(self.owner,), daemon=True, name="doingoai-owner-watch").start()


@contextmanager
def dask_client(workers: int, scheduler: str | None = None) -> Iterator[Client]:
    """A client on ``scheduler``, or on a new local cluster of ``workers`` processes (closed afterwards)."""
    with dask.config.set(QUIET_WORKERS):
        yield from _client(workers, scheduler)


def _client(workers: int, scheduler: str | None) -> Iterator[Client]:
    if scheduler:
        try:
            client = Client(scheduler, timeout=30, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"--scheduler {scheduler}: cannot connect ({exc})") from exc
        try:
            yield client
        finally:
            client.close()
        return
    # Dask's own logs are silenced up to ERROR: a failed page is reported by the run itself (a task's error comes
    # back to the client; a worker killed is a KilledWorker), while a worker's heartbeat racing the cluster's
    # shutdown logs an ERROR traceback that means nothing to the user (seen on a loaded machine)
    try:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, scheduler_kwargs=NO_FIXED_PORT,
                               silence_logs=logging.CRITICAL)
    except (OSError, RuntimeError, TimeoutError) as exc:  # no ports, no processes, a worker killed as it started
        raise DoingoaiError(f"--workers {workers}: could not start the local Dask cluster ({exc})") from exc
    try:
        client = Client(cluster, set_as_default=False)
        try:
            client.register_plugin(_ExitWithOwner(os.getpid()))
            yield client
        finally:
            client.close()
    finally:
        cluster.close()
