"""The per-page time limit: a runaway page becomes a reported failure naming it, and the batch goes on.

The pages here take far longer than the limits set (hundreds of times): what is asserted is the outcome,
never a duration."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import orjson
import pytest

from doingoai.config import PipelineConfig
from doingoai.errors import InputError, UsageError
from doingoai.model import Failure, Page
from doingoai.pipeline import extract_paths, process
from tests.robust.pathological import CASES

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tiep-dai-su-brazil.txt"
# about a second of work (a line of 50,000 dates); a limit of 10 ms gives it up long before the end
SLOW = CASES["date_line"][0](200_000)[0]
TIGHT = PipelineConfig(page_timeout=0.01)


def test_a_runaway_page_is_a_failure_naming_it() -> None:
    result = process(Page("slow.txt", SLOW, "text"), TIGHT)
    assert isinstance(result, Failure)
    assert result.source == "slow.txt"
    assert result.code == InputError.TIMEOUT
    assert "0.01 s" in result.reason
    assert "--page-timeout" in result.reason


def test_without_a_limit_the_page_is_read() -> None:
    assert isinstance(process(Page("slow.txt", SLOW, "text"), PipelineConfig(page_timeout=None)), dict)


def test_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_slow.txt").write_text(CASES["date_line"][0](1_000_000)[0], encoding="utf-8")  # seconds of work
    (tmp_path / "b_good.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    _, _, results = extract_paths([str(tmp_path)], PipelineConfig(page_timeout=1.0))
    got = [r for _, r in results]
    assert isinstance(got[0], Failure)
    assert got[0].code == InputError.TIMEOUT
    assert isinstance(got[1], dict)
    assert got[1]["events"]


def test_a_timer_already_running_is_put_back() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 300)
        assert isinstance(process(Page("ok", EXAMPLE.read_text(encoding="utf-8"), "text"), TIGHT), dict | Failure)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 300
        assert signal.getsignal(signal.SIGALRM) is not None
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_the_page_runs_without_a_limit() -> None:
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.append(process(Page("slow.txt", SLOW, "text"), TIGHT)))
    worker.start()
    worker.join()
    assert isinstance(out[0], dict)


@pytest.mark.parametrize("seconds", [0.0, -1.0, float("nan")])
def test_a_limit_must_be_a_positive_number(seconds: float) -> None:
    with pytest.raises(UsageError):
        PipelineConfig(page_timeout=seconds)


def test_cli_page_timeout(tmp_path: Path) -> None:
    """Through the real CLI: the good page (first: it also loads the language data, a fraction of a second)
    is written, the runaway one (several seconds of work, here limited to one) is reported by name."""
    slow, good = tmp_path / "slow.txt", tmp_path / "good.txt"
    slow.write_text(CASES["date_line"][0](1_000_000)[0], encoding="utf-8")
    good.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    exe = Path(sys.executable).parent / "doingoai"
    run = subprocess.run([str(exe), "extract", str(good), str(slow), "--page-timeout", "1"],
                         capture_output=True, check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    records = [orjson.loads(line) for line in run.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(good)]
    assert f"{slow}: took longer than the 1 s limit for one page (see --page-timeout)" in run.stderr.decode()
