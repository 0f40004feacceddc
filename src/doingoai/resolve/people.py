"""Who is who across articles: one person for "Tô Lâm" in every article, whatever title it gives him."""

from __future__ import annotations

import re

from doingoai.clean.normalize import fold

__all__ = ["last_word", "name_key", "same_name"]

_NOT_WORD = re.compile(r"[^\w\s]")


def name_key(name: str) -> str:
    """Case, diacritics, dots and hyphens ignored: "Díaz-Canel" and "Diaz Canel" share a key."""
    return " ".join(_NOT_WORD.sub(" ", fold(name)).split())


def last_word(name: str) -> str:
    words = name_key(name).split()
    return words[-1] if words else ""


def same_name(a: str, b: str) -> bool:
    """The same spelling, or one name inside the other when the shorter still has two words
    ("Miguel Díaz-Canel" and "Miguel Díaz-Canel Bermúdez"); a lone surname is matched by the caller."""
    ta, tb = set(name_key(a).split()), set(name_key(b).split())
    if not ta or not tb:
        return False
    return ta == tb or (min(len(ta), len(tb)) >= 2 and (ta <= tb or tb <= ta))
