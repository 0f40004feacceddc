"""One settings object, validated when built, handed to every stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from doingoai.errors import UsageError

__all__ = ["DEFAULT_CONFIG", "DEFAULT_PAGE_TIMEOUT", "HOME", "PipelineConfig"]

# The state whose diplomacy doingoai records: "Việt Nam" is the home side of every act.
HOME = "VN"

# News pages are small: the largest real page seen (HTML with inline scripts) is about 3 MB. Anything
# much larger is a dump, a log or a mistake, and reading it whole would stall a batch.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# The most seconds one page may take. Extraction grows linearly with a page's size (under a second per
# 100 KB), so a real page takes well under a second and a 10 MB one about a minute at most on a slow machine;
# a page that runs longer is a runaway (a case the rules do not bound yet) and is reported, not waited for.
DEFAULT_PAGE_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    max_bytes: int = DEFAULT_MAX_BYTES
    # Files picked up when a directory is given; named files are read whatever their extension.
    extensions: tuple[str, ...] = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson")
    home: str = HOME
    # Also extract what the teasers around a story report (section "related"): costs about a tenth more.
    related: bool = False
    # "Today" for reading undated stories (an office holder still in office is so until today; no story is
    # told after it). None: the day the language data were reviewed, so results never follow the clock.
    today: dt.date | None = None
    # Wall-clock seconds one page may take before it is given up as a failure; None: no limit.
    page_timeout: float | None = DEFAULT_PAGE_TIMEOUT

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise UsageError(f"max_bytes must be positive, not {self.max_bytes}")
        if self.page_timeout is not None and not 0 < self.page_timeout < 1e9:
            raise UsageError(f"page_timeout must be a positive number of seconds, not {self.page_timeout}")
        if len(self.home) != 2 or not self.home.isupper():
            raise UsageError(f"home must be an ISO 3166-1 alpha-2 code, not {self.home!r}")


DEFAULT_CONFIG = PipelineConfig()
