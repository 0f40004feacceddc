"""The English tables (data/titles_en.tsv, states_en.tsv, names_en.tsv, places_en.tsv, render_en.yaml), read once."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from doingoai.lexicon import LexiconError, load_tsv, load_yaml

__all__ = ["EnglishTitle", "Place", "key", "names", "phrases", "places", "states", "titles"]


def key(text: str) -> str:
    """The look-up key of a Vietnamese form: NFC, case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class EnglishTitle:
    title: str
    english: str
    qualified: str  # with "{}" for a place or organisation that follows the title
    drop: str  # "member", "role" or ""
    overrides: dict[str, str]


@dataclass(frozen=True, slots=True)
class Place:
    english: str
    kind: str  # city, province, venue, org


@cache
def titles() -> dict[str, EnglishTitle]:
    out: dict[str, EnglishTitle] = {}
    for row in load_tsv("titles_en.tsv", ("title", "english", "qualified", "drop", "overrides")):
        overrides = dict(part.split("=", 1) for part in row["overrides"].split(";") if "=" in part)
        qualified = row["qualified"] or row["english"] + " of {}"
        if key(row["title"]) in out:
            raise LexiconError(f"titles_en.tsv: {row['title']!r} is listed twice")
        out[key(row["title"])] = EnglishTitle(row["title"], row["english"], qualified, row["drop"], overrides)
    return out


@cache
def states() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in load_tsv("states_en.tsv", ("code", "article", "adjective", "name"))}


@cache
def names() -> dict[str, str]:
    return {key(row["name"]): row["english"] for row in load_tsv("names_en.tsv", ("name", "english", "state"))}


@cache
def places() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for row in load_tsv("places_en.tsv", ("name", "english", "kind", "variants")):
        for form in [row["name"], *(v for v in row["variants"].split("|") if v.strip())]:
            if key(form) in out:
                raise LexiconError(f"places_en.tsv: {form!r} is listed twice")
            out[key(form)] = Place(row["english"], row["kind"])
    return out


@cache
def phrases() -> dict[str, Any]:
    data = load_yaml("render_en.yaml")
    if not isinstance(data, dict):
        raise LexiconError("render_en.yaml is not a mapping")
    return data
