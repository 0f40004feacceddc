"""A Dask cluster shared by the tests of a module (starting one takes seconds)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local cluster of 2 single-threaded worker processes, for ``--scheduler``."""
    from distributed import LocalCluster

    from doingoai.parallel.cluster import NO_FIXED_PORT

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, scheduler_kwargs=NO_FIXED_PORT, silence_logs=logging.ERROR)
    try:
        yield str(cluster.scheduler_address)
    finally:
        cluster.close()
