"""Golden sentences in the old hyphenated transliteration of the pre-2010 press (added 2026-12-07).

The forms were each seen in stored pages (a Bộ Ngoại giao communiqué as printed by QĐND, vi.wikipedia
"phiên âm" lines); the sentences are written for this test.
"""

import pytest

from doingoai.analyse.gazetteer import gazetteer
from doingoai.analyse.mentions import find_places, find_states
from doingoai.analyse.tokens import tokenize


def _states(text):
    tokens = tokenize(text)
    return [m.code for m in find_states(tokens, gazetteer().index(tokens))]


def _places(text):
    tokens = tokenize(text)
    return [(p.name, p.country) for p in find_places(tokens, gazetteer().index(tokens))]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Thủ tướng Ma-lai-xi-a đã hội đàm với Thủ tướng Phan Văn Khải.", "MY"),
        ("Chủ tịch nước sẽ thăm Tòa thánh Va-ti-căng ngày 23-11.", "VA"),
        ("Đoàn đại biểu đã thăm Va-ti-căng và hội kiến Giáo hoàng.", "VA"),
        ("Tổng thống Cộng hòa I-ta-li-a đã đón Chủ tịch nước tại Rô-ma.", "IT"),
    ],
)
def test_old_state_forms(text, code):
    assert code in _states(text)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Hội nghị cấp cao Pháp ngữ lần thứ 16 diễn ra tại An-ta-na-na-ri-vô.", "An-ta-na-na-ri-vô", "MG"),
        ("Phái đoàn đã đến Rô-ma chiều 21-11.", "Rô-ma", "IT"),
        ("Đại sứ quán tại Rôma tổ chức tiệc chiêu đãi.", "Rôma", "IT"),
        ("Diễn đàn Kinh tế phương Đông họp tại Vla-đi-vô-xtốc.", "Vla-đi-vô-xtốc", "RU"),
        ("Bộ trưởng đã đến Ta-lin, thủ đô E-xtô-ni-a.", "Ta-lin", "EE"),
        ("Hội nghị được tổ chức tại Bi-sơ-kếch.", "Bi-sơ-kếch", "KG"),
    ],
)
def test_old_city_forms(text, name, code):
    assert (name, code) in _places(text)
