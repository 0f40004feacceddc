"""Regenerate tests/extract/known_gaps.txt: the hand-written cases the extractor does not pass yet.

    .venv/bin/python bench/known_gaps.py

Each line is a case id and the first problem found, so the list reads as a to-do list. The test
suite runs these cases as strict xfails: a case that starts passing fails the suite until it is
removed from the list (run this script again).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from test_cases import CASES, _compare  # noqa: E402


def main() -> int:
    lines = ["# Hand-written cases the extractor does not pass yet: case id, then the first problem found.",
             "# Regenerate with: .venv/bin/python bench/known_gaps.py"]
    for case in CASES:
        problems = _compare(case)
        if problems:
            lines.append(f"{case['id']} {problems[0]}")
    out = ROOT / "tests" / "extract" / "known_gaps.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 2} known gaps of {len(CASES)} cases written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
