"""Pages written for the CLI tests (invented reports in the genre)."""

from __future__ import annotations

# A visit that lasts a week (21-27/9/2024) with a courtesy call and a UN summit inside it, and talks that
# set a trade target: the filters, the date ranges and the evidence trimming need them.
PAGES = [
    ("visit.txt", """Tổng Bí thư, Chủ tịch nước Tô Lâm thăm Hoa Kỳ
Thứ Bảy, 21/09/2024 08:00

Từ ngày 21 đến 27/9/2024, Tổng Bí thư, Chủ tịch nước Tô Lâm dẫn đầu Đoàn đại biểu cấp cao Việt Nam thăm làm việc tại Hoa Kỳ và dự Hội nghị Thượng đỉnh Tương lai của Liên hợp quốc.

Chiều 23/9, tại New York, Tổng Bí thư, Chủ tịch nước Tô Lâm đã hội kiến Tổng thư ký Liên hợp quốc António Guterres, hai bên khẳng định quan hệ hợp tác tốt đẹp, trong đó Việt Nam cam kết đóng góp tích cực vào các hoạt động gìn giữ hòa bình của Liên hợp quốc.
"""),
    ("ph.txt", """Việt Nam và Philippines nhất trí đưa kim ngạch thương mại lên 10 tỷ USD
Thứ Năm, 30/01/2025 10:00

Chiều 30/1/2025, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với Tổng thống Philippines Ferdinand Marcos Jr., trong không khí hữu nghị, tin cậy và thẳng thắn, hai nhà lãnh đạo nhất trí phấn đấu sớm đưa kim ngạch thương mại song phương lên 10 tỷ USD, đồng thời tăng cường hợp tác trong các lĩnh vực nông nghiệp, an ninh lương thực, năng lượng và kinh tế số.
"""),
]

