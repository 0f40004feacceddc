"""Pages and feeds served by the loopback server of the watch tests (invented reports in the genre)."""

from __future__ import annotations

ARTICLES = {
    "/a.html": ("Thủ tướng tiếp Đại sứ Hàn Quốc", "2025-06-03",
                "Chiều 3/6/2025, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young Sam đến chào xã giao nhân dịp nhận nhiệm vụ."),
    "/b.html": ("Bộ trưởng Ngoại giao điện đàm với Ngoại trưởng Australia", "2025-06-04",
                "Ngày 4/6/2025, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm với Ngoại trưởng Australia Penny Wong về hợp tác song phương và các vấn đề khu vực."),
    "/c.html": ("Chủ tịch Quốc hội hội kiến Tổng thống Indonesia", "2025-06-05",
                "Sáng 5/6/2025, tại Jakarta, Chủ tịch Quốc hội Trần Thanh Mẫn đã hội kiến Tổng thống Indonesia Prabowo Subianto."),
    "/d.html": ("Phó Thủ tướng gặp Bộ trưởng Ngoại giao Lào", "2025-06-06",
                "Chiều 6/6/2025, tại Viêng Chăn, Phó Thủ tướng Bùi Thanh Sơn đã gặp Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane."),
    "/flaky.html": ("Chủ tịch nước tiếp Đại sứ Brazil", "2025-06-07",
                    "Chiều 7/6/2025, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã tiếp Đại sứ Brazil tại Việt Nam Marco Farani đến chào từ biệt."),
    "/slow.html": ("Thứ trưởng Ngoại giao tiếp Đại sứ Ấn Độ", "2025-06-08",
                   "Ngày 8/6/2025, Thứ trưởng Ngoại giao Đặng Hoàng Giang đã tiếp Đại sứ Ấn Độ tại Việt Nam Sandeep Arya."),
}


def page(path: str) -> bytes:
    title, day, text = ARTICLES[path]
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{day}T08:00:00+07:00"></head>
<body><article><h1>{title}</h1><p>{text}</p>
<p>Hai bên nhất trí tiếp tục thúc đẩy quan hệ hợp tác trên các lĩnh vực chính trị, kinh tế, thương mại, giáo dục và giao lưu nhân dân, vì lợi ích của nhân dân hai nước.</p>
</article></body></html>""".encode()


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link><pubDate>Tue, 03 Jun 2025 08:00:00 +0700"
                    f"</pubDate></item>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Đối ngoại</title>'
            f"<link>{base}/</link><description>tin</description>{items}</channel></rss>").encode()


def atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(f'<entry><title>{p}</title><link href="{base}{p}"/><id>{base}{p}</id>'
                      f"<updated>2025-06-04T08:00:00+07:00</updated></entry>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Thế giới'
            f"</title><id>{base}/atom</id><updated>2025-06-04T08:00:00+07:00</updated>{entries}</feed>").encode()


def sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2025-06-06</lastmod></url>" for p in paths)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>").encode()


def sitemap_index(base: str, maps: list[str]) -> bytes:
    items = "".join(f"<sitemap><loc>{base}{m}</loc></sitemap>" for m in maps)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{items}</sitemapindex>").encode()
