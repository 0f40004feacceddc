"""Multi-article fixtures written for the knowledge-base tests (invented reports in the genre)."""

from __future__ import annotations

from pathlib import Path

import orjson

# One act — talks in Hà Nội on 10 March 2025 — told by three outlets, with different wording and precision.
THREE_REPORTS = [
    ("outlet-a.txt", """Chủ tịch nước hội đàm với Tổng thống Chile
Thứ Ba, 11/03/2025 08:00

Chiều 10/3, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã hội đàm với Tổng thống Chile Gabriel Boric Font đang thăm cấp Nhà nước Việt Nam.

Hai nhà lãnh đạo nhất trí thúc đẩy quan hệ Đối tác toàn diện Việt Nam - Chile lên tầm cao mới.
"""),
    ("outlet-b.txt", """Việt Nam và Chile nhất trí tăng cường hợp tác
Thứ Hai, 10/03/2025 19:30

Chiều nay, tại Hà Nội, Chủ tịch nước Lương Cường và Tổng thống Chile Gabriel Boric đã tiến hành hội đàm, trao đổi về quan hệ song phương.

Hai bên đánh giá cao kết quả hợp tác kinh tế, thương mại giữa hai nước thời gian qua.
"""),
]
THIRD_RECORD = {"source": "outlet-c", "url": "https://example.vn/c.html", "published": "2025-03",
                "text": "Trong tháng 3/2025, Chủ tịch nước Lương Cường đã hội đàm với Tổng thống Chile Gabriel "
                        "Boric Font tại Hà Nội, nhất trí làm sâu sắc hơn quan hệ hai nước."}

# One person whose title changes over time.
TITLES_OVER_TIME = [
    ("2024-06.txt", "Thứ Ba, 04/06/2024 10:00\n\nSáng 3/6, tại Phủ Chủ tịch, Chủ tịch nước Tô Lâm đã tiếp Đại sứ "
                    "Nhật Bản tại Việt Nam Ito Naoki.\n"),
    ("2024-09.txt", "Thứ Năm, 26/09/2024 10:00\n\nChiều 25/9, tại New York, Tổng Bí thư, Chủ tịch nước Tô Lâm đã "
                    "hội đàm với Tổng thống Hoa Kỳ Joe Biden.\n"),
    ("2025-01.txt", "Thứ Tư, 15/01/2025 10:00\n\nChiều 14/1, tại Trụ sở Trung ương Đảng, Tổng Bí thư Tô Lâm đã tiếp "
                    "Đại sứ Pháp tại Việt Nam Olivier Brochet.\n"),
]

# One partnership raised step by step.
UPGRADES = [
    ("2015.txt", "Thứ Hai, 16/03/2015 10:00\n\nChiều 15/3, Thủ tướng Nguyễn Tấn Dũng đã tiếp Bộ trưởng Ngoại giao "
                 "Australia Julie Bishop, khẳng định quan hệ Đối tác toàn diện Việt Nam - Australia phát triển tốt đẹp.\n"),
    ("2018.txt", "Thứ Sáu, 16/03/2018 10:00\n\nNgày 15/3, tại Canberra, Thủ tướng Nguyễn Xuân Phúc và Thủ tướng "
                 "Australia Malcolm Turnbull đã cùng công bố nâng cấp quan hệ song phương lên Đối tác chiến lược.\n"),
    ("2024.txt", "Thứ Năm, 07/03/2024 20:00\n\nNgày 7/3/2024, tại Canberra, Thủ tướng Phạm Minh Chính và Thủ tướng "
                 "Australia Anthony Albanese đã cùng công bố nâng cấp quan hệ song phương lên Đối tác chiến lược "
                 "toàn diện.\n"),
]


def write(folder: Path, pages: list[tuple[str, str]]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in pages:
        (folder / name).write_text(content, encoding="utf-8")
    return [str(folder / name) for name, _ in pages]


def write_record(path: Path, record: dict[str, object]) -> str:
    path.write_bytes(orjson.dumps(record) + b"\n")
    return str(path)


PARTNERS = [("Nhật Bản", "Đại sứ Nhật Bản tại Việt Nam"), ("Hàn Quốc", "Đại sứ Hàn Quốc tại Việt Nam"),
            ("Lào", "Đại sứ Lào tại Việt Nam"), ("Cuba", "Đại sứ Cuba tại Việt Nam"),
            ("Ấn Độ", "Đại sứ Ấn Độ tại Việt Nam"), ("Brazil", "Đại sứ Brazil tại Việt Nam")]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Khánh", "Lan", "Minh", "Nam", "Phong"]


def many_pages(folder: Path, n: int) -> list[Path]:
    """n distinct short reception reports (for batch and interruption tests)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        _, envoy = PARTNERS[i % len(PARTNERS)]
        day, month = i % 28 + 1, i % 12 + 1
        host = f"Nguyễn Văn {GIVEN[i % len(GIVEN)]}"
        guest = f"Kenji Sato{i}"
        text = (f"Tin đối ngoại số {i}\nThứ Hai, {day:02d}/{month:02d}/2024 09:00\n\n"
                f"Sáng {day}/{month}, tại Hà Nội, Thứ trưởng Ngoại giao {host} đã tiếp {envoy} {guest}. "
                f"Hai bên trao đổi về hợp tác song phương, hướng tới kim ngạch thương mại {i + 1} tỷ USD.\n")
        path = folder / f"page-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# One person printed two ways by two outlets, and two who share a surname (they stay two people).
SPELLINGS = [
    ("ph-1.txt", "Thứ Năm, 24/04/2025 18:00\n\nChiều 24/4, tại Trụ sở Trung ương Đảng, Tổng Bí thư Tô Lâm đã tiếp "
                 "Đại sứ Philippines tại Việt Nam Meynardo Los Banos Montealegre.\n"),
    ("ph-2.txt", "Thứ Ba, 13/01/2026 18:00\n\nChiều 13/1, tại Hà Nội, Chủ tịch nước Lương Cường đã tiếp Đại sứ "
                 "Philippines Maynardo L.B. Montealegre đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác tại "
                 "Việt Nam.\n"),
    ("cu-1.txt", "Thứ Tư, 03/09/2025 18:00\n\nChiều 3/9, tại Phủ Chủ tịch, Tổng Bí thư Tô Lâm đã hội kiến Bí thư thứ "
                 "nhất, Chủ tịch nước Cuba Miguel Díaz-Canel.\n"),
    ("cu-2.txt", "Thứ Hai, 22/09/2025 18:00\n\nNgày 21/9, Chủ tịch nước Lương Cường đã điện đàm với Chủ tịch nước "
                 "Cộng hòa Cuba Miguel Diaz-Canel Bermudez.\n"),
    ("ph-3.txt", "Thứ Hai, 08/09/2025 18:00\n\nChiều 8/9, tại Manila, Thủ tướng Phạm Minh Chính đã hội kiến Tổng "
                 "thống Philippines Ferdinand Marcos Jr. và gặp Thượng nghị sĩ Philippines Imee Marcos.\n"),
    ("cn-1.txt", "Thứ Ba, 14/10/2025 18:00\n\nChiều 14/10, tại Bắc Kinh, Chủ tịch Quốc hội Trần Thanh Mẫn đã hội "
                 "kiến Thủ tướng Trung Quốc Lý Cường.\n"),
    ("cn-2.txt", "Thứ Ba, 10/10/2017 18:00\n\nChiều 10/10, tại Bắc Kinh, Chủ tịch QH Nguyễn Thị Kim Ngân đã hội "
                 "kiến Thủ tướng Trung Quốc Lý Khắc Cường.\n"),
    ("qh-1.txt", "Thứ Sáu, 07/11/2025 18:00\n\nChiều 7/11, tại Nhà Quốc hội, Chủ tịch QH Trần Thanh Mẫn đã tiếp "
                 "Đại sứ Nhật Bản tại Việt Nam Ito Naoki.\n"),
]

# A Lao leader spelled two ways that no rule may join (two letters apart in his given name): a user's
# correction does.
LAO = [
    ("la-1.txt", "Thứ Hai, 05/04/2021 18:00\n\nChiều 5/4, tại Hà Nội, Chủ tịch nước Nguyễn Xuân Phúc đã điện đàm với "
                 "Tổng Bí thư, Chủ tịch nước Lào Thounglun Sisolith.\n"),
    ("la-2.txt", "Thứ Hai, 02/09/2024 18:00\n\nChiều 2/9, tại Viêng Chăn, Chủ tịch Quốc hội Trần Thanh Mẫn đã hội kiến "
                 "Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith.\n"),
]
LAO_LATER = ("la-3.txt", "Thứ Tư, 15/01/2025 18:00\n\nChiều 15/1, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội kiến "
                         "Tổng Bí thư, Chủ tịch nước Lào Thounglun Sisolith.\n")

# Acts reported without any date: a reception reprinted by many outlets is one act; another undated
# reception (another envoy) is another act, and so is the same sentence printed a year later.
UNDATED = ("Chủ tịch nước tiếp Đại sứ Cuba\n\nChủ tịch nước Lương Cường đã tiếp Đại sứ Cuba tại Việt Nam Rogelio "
           "Polanco Fuentes đến chào nhân dịp kết thúc nhiệm kỳ công tác.\n")
UNDATED_OTHER = ("Chủ tịch nước tiếp Đại sứ Cuba mới\n\nChủ tịch nước Lương Cường đã tiếp Đại sứ Cuba tại Việt Nam "
                 "Rogelio Polanco Fuentes, trao đổi về hợp tác y tế và nông nghiệp giữa hai nước.\n")


def reprints(path: Path, text: str, n: int, published: str | None = None, start: int = 0) -> str:
    """``n`` reprints of ``text`` as JSON Lines records, each from another outlet's URL with its own
    source line (a reprint is not byte-identical: outlets add their name)."""
    with path.open("ab") as fh:
        for i in range(start, start + n):
            record: dict[str, object] = {"url": f"https://bao{i}.example.vn/tin/{i}.html",
                                         "text": f"{text}\nNguồn: bản đăng lại số {i}\n"}
            if published:
                record["published"] = published
            fh.write(orjson.dumps(record) + b"\n")
    return str(path)
