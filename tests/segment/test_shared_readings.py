"""A line's reading depends on its text alone: segmenting a page with readings shared with another text (an
HTML page's main text, then its whole visible text) gives what segmenting it afresh gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from doingoai.clean.normalize import normalize
from doingoai.segment.text import Readings, segment_lines

PAGES = sorted((Path(__file__).resolve().parent / "pages").glob("*.txt"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_shared_readings_change_nothing(path: Path) -> None:
    lines = normalize(path.read_text(encoding="utf-8")).split("\n")
    fresh = segment_lines(lines)
    read = Readings()
    # a part of the page first (as an HTML page's main text is), then the whole page with the same readings
    part = segment_lines(lines[len(lines) // 2:], read)
    shared = segment_lines(lines, read)
    assert fresh.body  # a real story, not two empty results
    assert (shared.title, shared.published, shared.body, shared.related, shared.header, shared.below) == (
        fresh.title, fresh.published, fresh.body, fresh.related, fresh.header, fresh.below)
    assert part.body != fresh.body or len(lines) < 2
