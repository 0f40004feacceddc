"""The pipeline's records travel between processes (Dask workers send each page's analysis back to the one
process that writes): pickled by their fields in order (``model._pickled_by_fields``), they come back equal,
of the same class, still frozen, and copies are equal too."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from doingoai import model
from doingoai.model import Article, Extraction, Page
from doingoai.pipeline import analyse_page

TEXT = ("Thủ tướng tiếp Đại sứ Nhật Bản\nThứ Hai, 14/04/2025 10:00\n\nSáng 14/4, tại Hà Nội, Thủ tướng Phạm Minh "
        "Chính đã tiếp Đại sứ Nhật Bản tại Việt Nam Ito Naoki. Hai bên nhất trí nâng kim ngạch thương mại lên 60 tỷ "
        "USD. Chiều cùng ngày, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng Lào.\n")


def _analysis() -> tuple[Article, Extraction]:
    found = analyse_page(Page("p.txt", TEXT, "text"))
    assert isinstance(found, tuple), found
    return found


@pytest.mark.parametrize("protocol", [2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_a_pages_analysis_comes_back_equal(protocol: int) -> None:
    article, extraction = _analysis()
    assert extraction.events
    assert extraction.figures
    back = pickle.loads(pickle.dumps((article, extraction), protocol=protocol))
    assert back == (article, extraction)
    assert type(back[1].events[0].date) is type(extraction.events[0].date)
    with pytest.raises(dataclasses.FrozenInstanceError):
        back[0].title = "x"  # type: ignore[misc]


def test_copies_are_equal() -> None:
    article, extraction = _analysis()
    assert copy.deepcopy(extraction) == extraction
    assert copy.copy(article) == article


def test_every_record_of_the_model_pickles_by_its_fields() -> None:
    records = [getattr(model, name) for name in model.__all__]
    assert records
    for cls in records:
        assert cls.__reduce__ is not object.__reduce__, cls  # (the default looks the fields up for each object)
