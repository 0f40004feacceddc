"""People's names in English: the usual English form of a foreign leader's name (Tập Cận Bình -> Xi Jinping,
"Vla-đi-mia Pu-tin" -> Vladimir Putin); every other name, Vietnamese names first of all, as printed."""

from __future__ import annotations

from functools import cache

from doingoai.analyse.officeholders import terms_of, vietnamese_spelling
from doingoai.render.tables import key, names

__all__ = ["english_name"]


@cache
def english_name(name: str) -> str:
    table = names()
    if key(name) in table:
        return table[key(name)]
    canonical = {t.name for t in terms_of(name)}
    if len(canonical) == 1:
        person = canonical.pop()
        if key(person) in table:
            return table[key(person)]
        # the officeholder table spells foreign names in Latin letters: its canonical form is the English one
        # (a Vietnamese officeholder is printed as the press prints him, diacritics kept)
        if not vietnamese_spelling(person) or not vietnamese_spelling(name):
            return person
    return name
