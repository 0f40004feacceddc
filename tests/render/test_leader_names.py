"""Forty foreign leaders under their usual English names, from the forms the Vietnamese press prints."""

from __future__ import annotations

import pytest

from doingoai.render import english_name

LEADERS = [
    ("Tập Cận Bình", "Xi Jinping"), ("Vương Nghị", "Wang Yi"), ("Lý Khắc Cường", "Li Keqiang"),
    ("Lý Cường", "Li Qiang"), ("Hồ Cẩm Đào", "Hu Jintao"), ("Giang Trạch Dân", "Jiang Zemin"),
    ("Ôn Gia Bảo", "Wen Jiabao"), ("Chu Dung Cơ", "Zhu Rongji"), ("Triệu Lạc Tế", "Zhao Leji"),
    ("Lật Chiến Thư", "Li Zhanshu"), ("Trương Đức Giang", "Zhang Dejiang"), ("Ngô Bang Quốc", "Wu Bangguo"),
    ("Dương Khiết Trì", "Yang Jiechi"), ("Tần Cương", "Qin Gang"), ("Lý Triệu Tinh", "Li Zhaoxing"),
    ("Đường Gia Triền", "Tang Jiaxuan"), ("Vương Hộ Ninh", "Wang Huning"), ("Thái Kỳ", "Cai Qi"),
    ("Hàn Chính", "Han Zheng"), ("Lý Hiển Long", "Lee Hsien Loong"), ("Ngô Tác Đống", "Goh Chok Tong"),
    ("Lý Quang Diệu", "Lee Kuan Yew"),
    ("Vla-đi-mia Pu-tin", "Vladimir Putin"), ("Pu-tin", "Vladimir Putin"),
    ("Thoong-lun Xi-xu-lít", "Thongloun Sisoulith"), ("Xỏn-xay Xi-phăn-đôn", "Sonexay Siphandone"),
    ("Bun-nhăng Vo-la-chít", "Bounnhang Vorachith"), ("Chum-ma-ly Xay-nha-xỏn", "Choummaly Sayasone"),
    ("Khăm-tày Xi-phăn-đôn", "Khamtai Siphandone"), ("Phăn-khăm Vi-pha-vẳn", "Phankham Viphavanh"),
    ("Nô-rô-đôm Xi-ha-mô-ni", "Norodom Sihamoni"), ("Nô-rô-đôm Xi-ha-núc", "Norodom Sihanouk"),
    ("Hun Xen", "Hun Sen"), ("Hun Ma-nét", "Hun Manet"), ("Prắc Xô-khon", "Prak Sokhonn"),
    ("Mi-ghen Đi-át Ca-nen", "Miguel Díaz-Canel"), ("Kim Chính Ân", "Kim Jong Un"), ("Kim Chính Nhật", "Kim Jong Il"),
    ("Rô Mu Hiên", "Roh Moo-hyun"), ("Mun Chê In", "Moon Jae-in"), ("Pra-yút Chan-ô-cha", "Prayut Chan-o-cha"),
    ("Kishida Fumio", "Fumio Kishida"), ("Abe Shinzo", "Shinzo Abe"), ("Ishiba Shigeru", "Shigeru Ishiba"),
]


def test_forty_leaders_at_least() -> None:
    assert len({english for _, english in LEADERS}) >= 40


@pytest.mark.parametrize(("printed", "english"), LEADERS)
def test_leader_in_english(printed: str, english: str) -> None:
    assert english_name(printed) == english


def test_names_file_integrity() -> None:
    from doingoai.lexicon import load_tsv
    from doingoai.render.tables import key

    rows = load_tsv("names_en.tsv", ("name", "english", "state", "note"))
    keys = [key(r["name"]) for r in rows]
    assert len(keys) == len(set(keys)), "a name is listed twice"
    assert all(r["english"] and r["state"].isupper() and len(r["state"]) == 2 for r in rows)
