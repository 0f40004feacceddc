"""One resolver of the states a user names: every command argument and every ``--country`` filter goes
through ``resolve_state``.

Accepted: ISO 3166-1 alpha-2 and alpha-3 codes (pycountry), the Vietnamese and English names and press
variants of ``data/countries.tsv``, and the English and Vietnamese CLDR names (Babel). Matching ignores
case, spacing around hyphens, and (when that leaves one state) tone marks: "Mỹ", "my", "Úc",
"Philippines", "CHN", "phl" all resolve. A form that is both a name and a code ("Nga" is Russia in
Vietnamese, NGA is Nigeria's alpha-3) is read as a code only when written in capitals.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale

from doingoai.clean.normalize import fold
from doingoai.errors import UsageError
from doingoai.lexicon import load_tsv

__all__ = ["State", "resolve_state", "state_names"]

_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


def _key(form: str) -> str:
    text = unicodedata.normalize("NFC", form).casefold().strip()
    return _DASHES.sub("-", _SPACES.sub(" ", text))


@dataclass(frozen=True, slots=True)
class State:
    code: str  # ISO 3166-1 alpha-2 (XK for Kosovo, as the lexicon writes it)
    name: str  # the Vietnamese press name
    name_en: str | None


@dataclass(frozen=True, slots=True)
class _Index:
    codes: dict[str, str]  # alpha-2 and alpha-3, upper case -> alpha-2
    names: dict[str, frozenset[str]]  # _key(form) -> alpha-2 codes
    folded: dict[str, frozenset[str]]  # fold(_key(form)) -> alpha-2 codes
    curated: dict[str, frozenset[str]]  # the same keys, from countries.tsv only: preferred on a tie
    states: dict[str, State]


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


@cache
def _index() -> _Index:
    rows = load_tsv("countries.tsv", ("code", "name", "variants", "english", "cities", "note"))
    codes: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    curated: dict[str, set[str]] = {}
    states: dict[str, State] = {}
    for row in rows:
        code = row["code"]
        english = _split(row["english"])
        states[code] = State(code, row["name"], english[0] if english else None)
        codes[code] = code
        for form in [row["name"], *_split(row["variants"]), *english]:
            names.setdefault(_key(form), set()).add(code)
            curated.setdefault(_key(form), set()).add(code)
    # the whole of ISO 3166-1, with the English and Vietnamese CLDR names of each code
    en, vi = Locale("en").territories, Locale("vi").territories
    for country in pycountry.countries:
        code = country.alpha_2
        codes[code] = code
        codes[country.alpha_3] = code
        forms = [country.name, getattr(country, "official_name", None), getattr(country, "common_name", None),
                 en.get(code), vi.get(code)]
        for cldr in forms:
            if cldr:
                names.setdefault(_key(cldr), set()).add(code)
        states.setdefault(code, State(code, str(vi.get(code) or country.name), str(en.get(code) or country.name)))
    folded: dict[str, set[str]] = {}
    for key, found in names.items():
        folded.setdefault(fold(key), set()).update(found)
    return _Index(codes, {k: frozenset(v) for k, v in names.items()}, {k: frozenset(v) for k, v in folded.items()},
                  {k: frozenset(v) for k, v in curated.items()}, states)


def _by_name(index: _Index, value: str) -> frozenset[str]:
    key = _key(value)
    found = index.names.get(key) or index.folded.get(fold(key), frozenset())
    if len(found) > 1:
        # CLDR and ISO sometimes give a name to a territory too ("Korea"): the press lexicon decides
        found = index.curated.get(key) or index.curated.get(fold(key)) or found
    return found


def resolve_state(value: str, option: str | None = None) -> str:
    """The ISO alpha-2 code of the state ``value`` names, or a ``UsageError`` naming the value."""
    index = _index()
    text = value.strip()
    where = f"{option} {value!r}" if option else repr(value)
    as_code = index.codes.get(text.upper()) if text.isascii() and text.isalpha() and len(text) in (2, 3) else None
    if as_code and text.isupper():
        return as_code
    found = _by_name(index, text) if text else frozenset()
    if len(found) == 1:
        return next(iter(found))
    if as_code:
        return as_code
    if len(found) > 1:
        raise UsageError(f"{where}: names several states ({', '.join(sorted(found))}); give the ISO code")
    raise UsageError(f"{where}: unknown state; give an ISO code (PH, PHL) or an English or Vietnamese name "
                     "(Philippines, Mỹ, Úc)")


def state_names(code: str) -> State | None:
    """The Vietnamese and English names of an alpha-2 code, if it is one."""
    return _index().states.get(code)
