"""The dashboard's two languages: Vietnamese (the default) and English, from ``data/ui_text.tsv`` and the
names of the event types in ``data/event_types.yaml``."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from doingoai.extract.cues import event_types
from doingoai.lexicon import load_tsv

__all__ = ["LANGUAGES", "language", "translator", "ui_text"]

LANGUAGES = ("vi", "en")


@cache
def ui_text() -> dict[str, dict[str, str]]:
    """key -> {"vi": ..., "en": ...}."""
    return {row["key"]: {"vi": row["vi"], "en": row["en"]} for row in load_tsv("ui_text.tsv", ("key", "vi", "en"))}


def language(value: str | None) -> str:
    """The language asked for; anything else is the default (a language is a preference, not an error)."""
    return value if value in LANGUAGES else LANGUAGES[0]


def translator(lang: str) -> Callable[[str], str]:
    """``t(key)``: the text of ``key`` in ``lang``; an event type's key gives its name; an unknown key is
    shown as it is (so that a new level or type is readable before it is translated)."""
    texts = ui_text()
    types = event_types()

    def t(key: str) -> str:
        if key in texts:
            return texts[key][lang]
        if key.startswith("type.") and key[5:] in types:
            name = str(types[key[5:]].get(lang, key[5:]))
            return name.split(",")[0].strip()
        return key.split(".", 1)[-1].replace("_", " ")

    return t
