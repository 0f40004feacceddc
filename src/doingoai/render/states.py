"""States in English prose: CLDR's name (Babel) with the article English sets before it, and the adjective."""

from __future__ import annotations

from functools import cache

from babel import Locale

from doingoai.render.tables import states

__all__ = ["adjective", "possessive", "state_name"]


@cache
def _cldr() -> dict[str, str]:
    return {str(k): str(v) for k, v in Locale("en").territories.items()}


def state_name(code: str) -> str:
    """"the Philippines", "Vietnam", "the Democratic Republic of the Congo"; an unknown code as it is."""
    row = states().get(code)
    name = (row["name"] if row and row["name"] else None) or _cldr().get(code) or code
    return f"{row['article']} {name}" if row and row["article"] else name


def adjective(code: str) -> str | None:
    """"Philippine", "Lao", "US"; None when the table has none (the caller then names the state)."""
    row = states().get(code)
    return row["adjective"] if row and row["adjective"] else None


def possessive(name: str) -> str:
    """"China's", "the Philippines'"."""
    return name + ("'" if name.endswith("s") else "'s")
