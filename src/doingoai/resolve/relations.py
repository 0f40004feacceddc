"""Relationship levels in order, so that a pair's history reads as upgrades."""

from __future__ import annotations

__all__ = ["LEVEL_RANK", "PARTNERSHIPS", "highest"]

# The partnership ladder of Vietnamese diplomacy, highest first; the other levels qualify a relationship
# rather than rank it.
PARTNERSHIPS = ("comprehensive_strategic_partnership", "strategic_partnership", "comprehensive_partnership")
LEVEL_RANK = {level: i for i, level in enumerate(PARTNERSHIPS)}


def highest(levels: list[str]) -> str | None:
    ranked = [lv for lv in levels if lv in LEVEL_RANK]
    return min(ranked, key=LEVEL_RANK.__getitem__) if ranked else None
