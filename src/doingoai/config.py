"""One settings object, validated when built, handed to every stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from doingoai.errors import UsageError

__all__ = ["DEFAULT_CONFIG", "HOME", "PipelineConfig"]

# The state whose diplomacy doingoai records: "Việt Nam" is the home side of every act.
HOME = "VN"

# News pages are small: the largest real page seen (HTML with inline scripts) is about 3 MB. Anything
# much larger is a dump, a log or a mistake, and reading it whole would stall a batch.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


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

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise UsageError(f"max_bytes must be positive, not {self.max_bytes}")
        if len(self.home) != 2 or not self.home.isupper():
            raise UsageError(f"home must be an ISO 3166-1 alpha-2 code, not {self.home!r}")


DEFAULT_CONFIG = PipelineConfig()
