"""The page time limit holds on Dask workers too, where pages run outside the main thread: a runaway page is
a reported failure naming it, and the pages after it are extracted."""

from __future__ import annotations

import threading
from pathlib import Path

from distributed import Client

from doingoai.config import PipelineConfig
from doingoai.errors import InputError
from doingoai.model import Failure, Page
from doingoai.parallel.tasks import extract_task
from doingoai.pipeline import extract_paths
from tests.robust.pathological import CASES

from . import fixtures as fx

SLOW = CASES["date_line"][0](3_000_000)[0]  # many seconds of work
LIMIT = PipelineConfig(page_timeout=1.0)


def _warm() -> None:
    # the first page loads the language data: not a page's own time
    extract_task([Page("warm.txt", fx.filler(0), "text")], PipelineConfig(page_timeout=None))


def test_a_runaway_page_in_a_worker_thread_is_a_failure() -> None:
    out: list[object] = []
    pages = [Page("slow.txt", SLOW, "text"), Page("good.txt", fx.filler(1), "text")]
    _warm()
    worker = threading.Thread(target=lambda: out.append(extract_task(pages, LIMIT)))
    worker.start()
    worker.join()
    [[slow], [good]] = out[0]  # type: ignore[misc]
    assert isinstance(slow, Failure)
    assert (slow.source, slow.code) == ("slow.txt", InputError.TIMEOUT)
    assert isinstance(good, dict)
    assert good["events"]


def test_a_runaway_page_on_the_cluster_is_reported_and_the_batch_goes_on(tmp_path: Path, scheduler: str) -> None:
    (tmp_path / "a_slow.txt").write_text(SLOW, encoding="utf-8")
    (tmp_path / "b_good.txt").write_text(fx.filler(2), encoding="utf-8")
    with Client(scheduler) as client:
        client.run(_warm)
    _, _, results = extract_paths([str(tmp_path)], LIMIT, scheduler=scheduler)
    got = [r for _, r in results]
    assert isinstance(got[0], Failure)
    assert got[0].code == InputError.TIMEOUT
    assert isinstance(got[1], dict)


def test_pages_in_a_worker_thread_share_one_watchdog() -> None:
    # a watchdog thread a page (started and woken at every page) cost a third of a worker's time: the limit
    # is kept by one thread for the whole process, and no thread is left behind per page
    pages = [Page(f"p{i}.txt", fx.filler(i), "text") for i in range(12)]
    _warm()
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.append(extract_task(pages, LIMIT)))
    before = {t.ident for t in threading.enumerate()}
    worker.start()
    worker.join()
    after = [t for t in threading.enumerate() if t.ident not in before]
    assert len(after) <= 1  # at most the watchdog, if no page of this process started it before
    assert all(t.name == "doingoai-page-limit" for t in after)
    assert all(isinstance(r, dict) for [r] in out[0])  # type: ignore[attr-defined]


def test_local_workers_run_without_the_interactive_profiler() -> None:
    from dask import config

    from doingoai.parallel.cluster import dask_client

    with dask_client(1) as client:
        [seen] = client.run(lambda: (config.get("distributed.worker.profile.enabled"),
                                     config.get("distributed.admin.tick.interval"))).values()
    assert seen == (False, "500ms")
