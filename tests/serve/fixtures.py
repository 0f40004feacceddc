"""Invented reports in the genre for the web-layer tests: several partners, years, levels, a figure."""

from __future__ import annotations

PAGES = [
    ("sv-jp-2023.txt", "Thủ tướng hội đàm với Thủ tướng Nhật Bản\nThứ Hai, 27/11/2023 20:00\n\nChiều 27/11, tại Tokyo, "
                       "Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Nhật Bản Kishida Fumio. Hai bên ra Tuyên bố "
                       "chung về việc nâng cấp quan hệ Việt Nam - Nhật Bản lên Đối tác chiến lược toàn diện vì hòa bình "
                       "và thịnh vượng tại châu Á và trên thế giới.\n"),
    ("sv-kr-2024.txt", "Chủ tịch nước tiếp Đại sứ Hàn Quốc\nThứ Ba, 14/05/2024 18:00\n\nChiều 14/5, tại Phủ Chủ tịch, "
                       "Chủ tịch nước Võ Văn Thưởng đã tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam. Hai bên nhất "
                       "trí phấn đấu đưa kim ngạch thương mại song phương đạt 100 tỷ USD vào năm 2025.\n"),
    ("sv-kr-2025.txt", "Điện đàm với Tổng thống Hàn Quốc\nThứ Sáu, 16/05/2025 21:00\n\nTối 16/5, Thủ tướng Phạm Minh "
                       "Chính đã điện đàm với Tổng thống Hàn Quốc Lee Jae-myung, nhất trí thúc đẩy quan hệ Đối tác chiến "
                       "lược toàn diện Việt Nam - Hàn Quốc.\n"),
    ("sv-fr-2025.txt", "Bộ trưởng Ngoại giao tiếp Đại sứ Pháp\nThứ Tư, 21/05/2025 17:00\n\nChiều 21/5, tại Hà Nội, Bộ "
                       "trưởng Ngoại giao Bùi Thanh Sơn đã tiếp Đại sứ Pháp tại Việt Nam Olivier Brochet.\n"),
]
