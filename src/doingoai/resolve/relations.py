"""Relationship levels in order, so that a pair's history reads as upgrades."""

from __future__ import annotations

__all__ = ["LADDER", "LEVEL_RANK", "PARTNERSHIPS", "highest"]

# The ladder of Vietnamese diplomacy, highest first: the special relationship (Laos, Cuba) stands above the
# partnerships in Vietnam's own protocol, then the three partnerships; traditional friendship and plain
# diplomatic relations head a pair's profile only when the text names no higher level.
PARTNERSHIPS = ("comprehensive_strategic_partnership", "strategic_partnership", "comprehensive_partnership")
LADDER = ("special_relationship", *PARTNERSHIPS, "traditional_friendship", "diplomatic_relations")
LEVEL_RANK = {level: i for i, level in enumerate(LADDER)}


def highest(levels: list[str]) -> str | None:
    ranked = [lv for lv in levels if lv in LEVEL_RANK]
    return min(ranked, key=LEVEL_RANK.__getitem__) if ranked else None
