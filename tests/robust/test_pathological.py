"""The pages that once hung, crawled or crashed the extractor, made by their generators at a size that keeps
the suite quick, with the outcome each must have. Durations are not asserted (``tools/fuzz.py pathological``
measures them at full size): the test is that each completes, under the default per-page limit, with a valid
record. A quadratic rule at these sizes would still show as a suite that takes minutes instead of seconds."""

from __future__ import annotations

import pytest

from doingoai.model import Failure, Page
from doingoai.pipeline import process
from doingoai.validate import problems
from tests.robust.pathological import CASES

# Share of each case's full size run here, and the least number of events its page must still give (the
# cases built from real sentences are read; the degenerate ones give none).
SCALE = 0.05
LEAST_EVENTS = {"cue_sentence": 1, "long_sentence": 1, "lines_without_periods": 1, "wide_element": 1,
                "many_paragraphs": 1}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_page_completes_with_a_valid_record(name: str) -> None:
    make, size = CASES[name]
    content, markup = make(int(size * SCALE) if name != "big_article" else 400_000)
    result = process(Page(name, content, markup))
    assert not isinstance(result, Failure), result
    assert problems(result) == []
    assert len(result["events"]) >= LEAST_EVENTS.get(name, 0)


def test_a_sentence_of_many_cues_gives_events() -> None:
    """A 200,000-character "sentence" of cues (here a tenth of it) is read in pieces, not dropped."""
    content, markup = CASES["cue_sentence"][0](20_000)
    result = process(Page("cues", content, markup))
    assert isinstance(result, dict)
    assert result["events"]
    assert all(len(e["evidence"]["text"]) <= 3000 for e in result["events"])
