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
