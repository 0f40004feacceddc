"""Regenerate tests/extract/known_gaps.txt: the hand-written cases the extractor does not pass yet.

    .venv/bin/python bench/known_gaps.py            # rewrite the list
    .venv/bin/python bench/known_gaps.py --check    # exit 1 (with a diff) if the list is out of date

Each line is a case id and the first problem found, so the list reads as a to-do list. The test
suite runs these cases as strict xfails that hold the reason: a listed case that starts passing, or
whose first problem is no longer the recorded one, fails the suite until the list is regenerated.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAPS = ROOT / "tests" / "extract" / "known_gaps.txt"
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from test_cases import CASES, _compare  # noqa: E402


def render() -> tuple[str, int]:
    """The list as it should read now, and how many gaps it holds."""
    lines = ["# Hand-written cases the extractor does not pass yet: case id, then the first problem found.",
             "# Regenerate with: .venv/bin/python bench/known_gaps.py (--check: exit 1 if out of date)"]
    for case in CASES:
        problems = _compare(case)
        if problems:
            lines.append(f"{case['id']} {problems[0]}")
    return "\n".join(lines) + "\n", len(lines) - 2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Regenerate tests/extract/known_gaps.txt.")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file is out of date")
    a = ap.parse_args(argv)
    text, n = render()
    old = GAPS.read_text(encoding="utf-8") if GAPS.exists() else ""
    if a.check:
        if old == text:
            print(f"{GAPS} is up to date ({n} known gaps of {len(CASES)} cases)")
            return 0
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(keepends=True), text.splitlines(keepends=True),
                                                   str(GAPS), "now"))
        print(f"{GAPS} is out of date: run .venv/bin/python bench/known_gaps.py", file=sys.stderr)
        return 1
    GAPS.write_text(text, encoding="utf-8")
    print(f"{n} known gaps of {len(CASES)} cases written to {GAPS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
