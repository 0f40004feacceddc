"""Titles in English: a title chain as printed ("Ủy viên Bộ Chính trị, Phó Thủ tướng, Bộ trưởng Ngoại giao")
becomes the English of its offices ("Deputy Prime Minister and Foreign Minister"), from data/titles_en.tsv.

A printed title may carry a place or an organisation after the office ("Bí thư Tỉnh ủy Thanh Hải", "Chủ tịch
Đảng Xã hội"): the longest listed title that starts it gives the office, and the rest is named in English from
data/places_en.tsv (or kept as printed: Vietnamese names keep their diacritics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from doingoai.render.tables import EnglishTitle, key, places, titles

__all__ = ["EnglishTitleChain", "english_title", "split_chain"]

# words that only say what kind of place follows ("tỉnh Tứ Xuyên", "thành phố Hà Nội"): English says it in the title
_PLACE_WORDS = re.compile(r"^(?:tỉnh|thành phố|tp\.?|bang|thủ đô|khu tự trị|quận|huyện)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EnglishTitleChain:
    text: str  # "Deputy Prime Minister and Foreign Minister"; "" when the record gives no title
    qualified: bool  # a place or organisation is named in it: no adjective of nationality goes before it
    known: bool  # every office of the chain is in the table


def split_chain(title: str) -> list[str]:
    """The offices of a printed chain: split on ", " and " kiêm ", but never inside a listed title that holds a
    comma ("Bộ trưởng Văn hóa, Thể thao và Du lịch")."""
    parts: list[str] = []
    for piece in re.split(r"\s+kiêm\s+", title.strip()):
        words = [w.strip() for w in piece.split(",") if w.strip()]
        i = 0
        while i < len(words):
            # the longest run of comma-joined pieces that is a listed title
            for j in range(len(words), i, -1):
                joined = ", ".join(words[i:j])
                if j - i > 1 and key(joined) in titles():
                    parts.append(joined)
                    i = j
                    break
            else:
                parts.append(words[i])
                i += 1
    return parts


def _place(rest: str) -> str:
    found = places().get(key(rest))
    if found:
        return found.english
    bare = _PLACE_WORDS.sub("", rest.strip())
    found = places().get(key(bare))
    return found.english if found else bare


@cache
def _office(part: str, country: str | None) -> tuple[str, bool, EnglishTitle | None]:
    table = titles()
    words = part.split()
    whole = table.get(key(part))
    if whole is not None:
        return whole.overrides.get(country or "", whole.english), False, whole
    # a remainder named in places_en.tsv wins over a longer title ("Chủ tịch" + "Đảng Xã hội", not "Chủ tịch
    # Đảng" + "Xã hội")
    for n in range(len(words) - 1, 0, -1):
        entry = table.get(key(" ".join(words[:n])))
        rest = " ".join(words[n:])
        if entry is not None and key(rest) in places():
            return entry.qualified.replace("{}", places()[key(rest)].english), True, entry
    for n in range(len(words), 0, -1):
        entry = table.get(key(" ".join(words[:n])))
        if entry is None:
            continue
        rest = " ".join(words[n:])
        if not rest:
            return entry.overrides.get(country or "", entry.english), False, entry
        return entry.qualified.replace("{}", _place(rest)), True, entry
    return part, False, None


def english_title(title: str | None, country: str | None = None) -> EnglishTitleChain:
    if not title or not title.strip():
        return EnglishTitleChain("", False, True)
    offices = [_office(part, country) for part in split_chain(title)]
    # English news names the office, not the memberships and the roles of the occasion, when there is an office
    kept = [o for o in offices if not (o[2] and o[2].drop)] or offices[-1:]
    texts: list[str] = []
    for text, _, _ in kept:
        if text not in texts:
            texts.append(text)
    joined = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]
    return EnglishTitleChain(joined, any(q for _, q, _ in kept), all(e is not None for _, _, e in offices))
