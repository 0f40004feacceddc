"""``ends_terminal`` reads a line's last two characters; it agrees with the pattern it stands for on every
ending built from sentence stops, closers, colons, letters and spaces (Unicode ones too)."""

from __future__ import annotations

import itertools
import re

from doingoai.segment.lines import ends_terminal

# what a sentence's end looked like when it was a pattern (any run of spaces may follow it)
PATTERN = re.compile(r"""(?:[.!?…;]|\.\.\.|[.!?…]["”’»)\]]|:["”]?)\s*$""")
PIECES = [".", "!", "?", "…", ";", ":", '"', "”", "’", "»", ")", "]", "'", "a", "đ", "1", ",", "-", " ", "\u00a0",
          "\n", "\t", "\u2003"]


def test_agrees_with_the_pattern_on_every_short_ending() -> None:
    endings = ["".join(p) for n in range(5) for p in itertools.product(PIECES, repeat=n)]
    checked = 0
    for ending in endings:
        for line in (ending, "Hai bên ký kết" + ending, "Ông nói" + ending):
            assert ends_terminal(line) == bool(PATTERN.search(line)), repr(line)
            checked += 1
    assert checked > 3 * 280_000


def test_examples() -> None:
    assert ends_terminal("Hai bên nhất trí tăng cường hợp tác.")
    assert ends_terminal('Ông nói: "Việt Nam là đối tác tin cậy."  ')
    assert ends_terminal("Các văn kiện gồm:")
    assert not ends_terminal("Thủ tướng tiếp Đại sứ Ấn Độ")
    assert not ends_terminal("Ảnh: TTXVN)")
    assert not ends_terminal("   ")
