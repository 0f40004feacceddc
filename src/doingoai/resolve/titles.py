"""One spelling per title, so that a person's titles over time are not split by how the press abbreviated
or capitalised them: "Chủ tịch QH" is "Chủ tịch Quốc hội", "Bí thư Thứ nhất" is "Bí thư thứ nhất".

The canonical forms and the abbreviations are the gazetteer's (data/titles.tsv and the title
abbreviations the extractor reads); a title the gazetteer does not know is kept as printed.
"""

from __future__ import annotations

from functools import cache

from doingoai.analyse.gazetteer import gazetteer

__all__ = ["canonical_title"]


def _lookup(part: str) -> str | None:
    for entry in gazetteer().lookup(part):
        if entry.kind == "title":
            return entry.value
    return None


@cache
def canonical_title(title: str) -> str:
    """The title chain with each title in its canonical form ("Tổng Bí thư, Chủ tịch QH" ->
    "Tổng Bí thư, Chủ tịch Quốc hội"). A title with a comma inside ("Bộ trưởng Văn hóa, Thể thao và Du
    lịch") is one title: the whole chain is tried first."""
    whole = _lookup(title.strip())
    if whole is not None:
        return whole
    return ", ".join(_lookup(part.strip()) or part.strip() for part in title.split(","))
