"""Pages written for the brief tests (invented reports in the genre)."""

from __future__ import annotations

# Invented reports: a reception with a partner, talks with a trade target, a protest, a planned visit.
PAGES = {
    "a.txt": """Chủ tịch nước tiếp Đại sứ Thái Lan
Thứ Ba, 11/03/2025 15:00

Chiều 11/3/2025, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã tiếp Đại sứ Thái Lan tại Việt Nam Urawadee Sriphiromya đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.
""",
    "b.txt": """Việt Nam và Thái Lan phấn đấu đưa thương mại lên 25 tỷ USD
Thứ Sáu, 16/05/2025 09:00

Sáng 16/5/2025, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Thái Lan Paetongtarn Shinawatra; hai bên nhất trí phấn đấu sớm đưa kim ngạch thương mại song phương lên 25 tỷ USD.
""",
    "c.txt": """Việt Nam phản đối Trung Quốc tập trận tại Hoàng Sa
Thứ Năm, 10/07/2025 16:00

Ngày 10/7/2025, Người phát ngôn Bộ Ngoại giao Phạm Thu Hằng cho biết Việt Nam kiên quyết phản đối việc Trung Quốc tổ chức tập trận tại quần đảo Hoàng Sa của Việt Nam.
""",
}
