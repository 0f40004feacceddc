"""Titles of people as the text gives them (annotation guide): the words printed with the office stay in it
(a local office's province or city, the seat or ministry, "kiêm", "Quyền"), the state it serves does not."""

from __future__ import annotations

import pytest

from doingoai.clean.normalize import normalize
from doingoai.extract.document import analyse

Person = tuple[str, str, str | None]  # name, title, state


def _people(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(m.name, m.title, m.country) for m in analyse(normalize(text)).mentions if m.name]


CASES: list[tuple[str, Person]] = [
    # a foreign province after a provincial party office: part of the title, and no person's name
    ("Đoàn đại biểu do ông Quách Văn Bình, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Cam Túc, làm Trưởng đoàn.",
     ("Quách Văn Bình", "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Cam Túc", "CN")),
    ("Tỉnh trưởng tỉnh Quý Châu Lý Bỉnh Quân hội kiến Đại sứ Việt Nam.",
     ("Lý Bỉnh Quân", "Tỉnh trưởng tỉnh Quý Châu", "CN")),
    ("Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Văn Thắng tiếp Tổng Lãnh sự Trung Quốc.",
     ("Nguyễn Văn Thắng", "Chủ tịch UBND tỉnh Quảng Ninh", "VN")),
    ("Bí thư Thành ủy Đà Nẵng Nguyễn Văn Quảng tiếp Đại sứ Hàn Quốc.",
     ("Nguyễn Văn Quảng", "Bí thư Thành ủy Đà Nẵng", "VN")),
    ("Thống đốc bang Washington Jay Inslee thăm Việt Nam.", ("Jay Inslee", "Thống đốc bang Washington", "US")),
    # the unit words of data/patterns_people.yaml (local_place_units): two words, an abbreviation, its full stop
    ("Thị trưởng thủ đô Viêng Chăn Atsaphangthong Siphandone tiếp Đại sứ Việt Nam.",
     ("Atsaphangthong Siphandone", "Thị trưởng thủ đô Viêng Chăn", "LA")),
    ("Thị trưởng thành phố Osaka Yokoyama Hideyuki tiếp Tổng Lãnh sự Việt Nam.",
     ("Yokoyama Hideyuki", "Thị trưởng thành phố Osaka", "JP")),
    ("Thị trưởng TP Thượng Hải Cung Chính hội kiến Đại sứ Việt Nam.", ("Cung Chính", "Thị trưởng TP Thượng Hải", "CN")),
    ("Chủ tịch UBND TP. Huế Nguyễn Văn Phương tiếp Tổng Lãnh sự Lào.",
     ("Nguyễn Văn Phương", "Chủ tịch UBND TP. Huế", "VN")),
    # a party's acronym after an office is a body, not a name: the person is the one named after it
    ("Phó Thủ tướng Bùi Thanh Sơn đến chào xã giao Chủ tịch CPP, Chủ tịch Thượng viện Vương quốc Campuchia Hun Sen.",
     ("Hun Sen", "Chủ tịch Thượng viện", "KH")),
    # a state stays out
    ("Thủ tướng Australia Anthony Albanese thăm Việt Nam.", ("Anthony Albanese", "Thủ tướng", "AU")),
    # "kiêm" (concurrently) is kept as printed; a comma stays a comma
    ("Phó Tổng thống kiêm Chủ tịch Thượng viện Ấn Độ Jagdeep Dhankhar hội kiến Chủ tịch Quốc hội.",
     ("Jagdeep Dhankhar", "Phó Tổng thống kiêm Chủ tịch Thượng viện", "IN")),
    ("Thủ tướng kiêm Bộ trưởng Ngoại giao Thái Lan Anutin Charnvirakul thăm Việt Nam.",
     ("Anutin Charnvirakul", "Thủ tướng kiêm Bộ trưởng Ngoại giao", "TH")),
    ("Phó Thủ tướng, Bộ trưởng Ngoại giao Campuchia Prak Sokhonn hội đàm với Bộ trưởng Ngoại giao.",
     ("Prak Sokhonn", "Phó Thủ tướng, Bộ trưởng Ngoại giao", "KH")),
    # the seat or ministry printed after an office is part of the title; the state after it is not
    ("Người phát ngôn Phủ Tổng thống Philippines Claire Castro cho biết.",
     ("Claire Castro", "Người phát ngôn Phủ Tổng thống", "PH")),
    ("Trợ lý Bộ trưởng Bộ Ngoại giao Nhật Bản Kenji Kanasugi tiếp đoàn.",
     ("Kenji Kanasugi", "Trợ lý Bộ trưởng Bộ Ngoại giao", "JP")),
    ("Thứ trưởng Bộ Quốc phòng Australia Richard Marles dự hội nghị.",
     ("Richard Marles", "Thứ trưởng Bộ Quốc phòng", "AU")),
    # Nicaragua's co-president, printed in lower case
    ("Chủ tịch Quốc hội hội kiến đồng Tổng thống Nicaragua Rosario Murillo tại Managua.",
     ("Rosario Murillo", "đồng Tổng thống", "NI")),
    # "Quyền" (acting) is part of the title, alone or inside a chain
    ("Quyền Bộ trưởng Ngoại giao Nguyễn Văn An tiếp Đại sứ Nhật Bản.",
     ("Nguyễn Văn An", "Quyền Bộ trưởng Ngoại giao", None)),
    ("Sáng 3/4, Ủy viên Trung ương Đảng, Quyền Bộ trưởng Công Thương Trần Văn Bình tiếp Đại sứ Hàn Quốc.",
     ("Trần Văn Bình", "Ủy viên Trung ương Đảng, Quyền Bộ trưởng Công Thương", None)),
    ("Quyền Tổng thống Peru José Jerí tiếp Đại sứ Việt Nam.", ("José Jerí", "Quyền Tổng thống", "PE")),
    # a party's name, its state with it, is part of the title (the organisation, not a portfolio)
    ("Chủ tịch Đảng Xã hội Chile Paulina Vodanovic hội kiến Tổng Bí thư.",
     ("Paulina Vodanovic", "Chủ tịch Đảng Xã hội Chile", "CL")),
    # the party's apparatus too; then a state office of the same person, as his state names it
    ("Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc, Chủ tịch nước Tập Cận Bình gửi điện mừng.",
     ("Tập Cận Bình", "Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc, Chủ tịch nước", "CN")),
    # an elect keeps the word as printed, his state after it
    ("Thủ tướng điện đàm với Tổng thống đắc cử Hoa Kỳ Donald Trump.", ("Donald Trump", "Tổng thống đắc cử", "US")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_title_as_printed(text: str, expected: Person) -> None:
    assert expected in _people(text)


@pytest.mark.parametrize("text", [
    "Phó Thủ tướng đến chào xã giao Chủ tịch CPP, Chủ tịch Thượng viện Campuchia Hun Sen.",
    "Bộ trưởng Ngoại giao tiếp Tổng Thư ký OPEC, ông Haitham al-Ghais.",
])
def test_an_acronym_alone_after_an_office_is_no_name(text: str) -> None:
    assert all(name is None or not name.isupper() for name, _, _ in _people(text)), _people(text)


@pytest.mark.parametrize("text", [
    "Sau đó, Tổng thống vào Lăng viếng Chủ tịch Hồ Chí Minh.",
    "Đoàn đã dâng hương tại tượng đài Chủ tịch Hồ Chí Minh ở Paris.",
])
def test_a_tribute_to_the_dead_names_no_one_taking_part(text: str) -> None:
    assert "Hồ Chí Minh" not in [name for name, _, _ in _people(text)]
