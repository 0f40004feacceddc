"""Legacy Vietnamese encodings: TCVN3, VNI-Windows, Windows-1258, and the guesser between them."""

from __future__ import annotations

import random
import string
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doingoai.read.legacy import (
    decode_cp1258,
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
    guess_legacy,
    vietnamese_score,
)

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below
_VOWELS = "aăâeêioôơuưy"
_LOWER = [
    letter
    for base in _VOWELS
    for tone in ["", *_TONES]
    if not (letter := unicodedata.normalize("NFC", base + tone)).isascii()
] + ["đ"]
VIETNAMESE_LETTERS = _LOWER + [letter.upper() for letter in _LOWER]
TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"
TCVN3_LETTERS = _LOWER + list(TCVN3_CAPITALS)
_OTHER = list(string.ascii_letters + string.digits + " .,;:!?()-/%'\"\n")


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Windows writes it: precomposed where the code page has the letter, else a
    base letter followed by a combining tone byte."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in parts if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


# Samples in the genre the tool reads. The TCVN3 ones avoid capitals with tone marks.
NEWS = [
    "Chủ tịch nước tiếp Đại sứ Nhật Bản. Chiều 12/3, tại Phủ Chủ tịch, Chủ tịch nước đã tiếp Đại sứ "
    "Nhật Bản đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam. Chủ tịch nước đánh "
    "giá cao những đóng góp của Đại sứ đối với quan hệ Đối tác chiến lược toàn diện giữa hai nước.",
    "Thủ tướng hội đàm với Thủ tướng Lào. Hai bên nhất trí tiếp tục tăng cường hợp tác trong các lĩnh "
    "vực kinh tế, thương mại, đầu tư, giáo dục và đào tạo; phối hợp chặt chẽ tại các diễn đàn khu vực "
    "và quốc tế, nhất là trong khuôn khổ ASEAN và Liên hợp quốc.",
    "Bộ trưởng Ngoại giao đã có cuộc điện đàm với Ngoại trưởng Hoa Kỳ. Hai Bộ trưởng trao đổi về tình "
    "hình khu vực, trong đó có vấn đề Biển Đông, khẳng định tầm quan trọng của việc giải quyết các "
    "tranh chấp bằng biện pháp hòa bình, trên cơ sở luật pháp quốc tế.",
    "Người phát ngôn Bộ Ngoại giao trả lời câu hỏi của phóng viên về việc một số nước cấp thị thực cho "
    "công dân Việt Nam. Bà cho biết cơ quan chức năng đang theo dõi sát tình hình.",
]
NEWS_CAPITALS = (
    "VIỆT NAM VÀ NHẬT BẢN NÂNG CẤP QUAN HỆ. Ấn Độ và Úc cũng cử đại diện dự Hội nghị Bộ trưởng Ngoại "
    "giao ASEAN mở rộng. Ông Nguyễn Văn Ấn, Ủy viên Trung ương Đảng, phát biểu khai mạc."
)
FRENCH = (
    "Le président de la République française a reçu jeudi à l'Élysée le Premier ministre vietnamien. "
    "Les deux dirigeants ont évoqué la coopération économique, l'énergie, la sécurité maritime et les "
    "échanges culturels entre leurs deux pays. « Nous voulons aller plus loin », a déclaré le chef de l'État."
)
GERMAN = (
    "Der Bundeskanzler hat am Donnerstag den vietnamesischen Ministerpräsidenten im Kanzleramt "
    "empfangen. Beide Seiten sprachen über die Zusammenarbeit in der Wirtschaft, über Fachkräfte, "
    "Klimaschutz und die Lage im Südchinesischen Meer. Die Gespräche seien offen gewesen, hieß es."
)
HTML = (
    "<html><head><title>News</title><style>body {{font-family: Arial; margin: 0}}</style>"
    '<script type="text/javascript">function openWindow(url) {{ window.open(url, "popup"); }}</script>'
    '</head><body><table width="100%" border="0"><tr><td class="menu"><a href="index.htm">Home</a>'
    "</td></tr><tr><td><p>{}</p></td></tr></table></body></html>"
)

ENCODERS: dict[str, Callable[[str], bytes]] = {
    "windows-1258": encode_cp1258,
    "vni": encode_vni,
    "tcvn3": encode_tcvn3,
}


# --- what each encoding can express ------------------------------------------------------------


def test_letter_inventory() -> None:
    assert len(VIETNAMESE_LETTERS) == len(set(VIETNAMESE_LETTERS)) == 134


@pytest.mark.parametrize("letter", VIETNAMESE_LETTERS)
def test_vni_and_cp1258_express_every_letter(letter: str) -> None:
    assert decode_vni(encode_vni(letter)) == letter
    assert decode_cp1258(encode_cp1258(letter)) == letter


@pytest.mark.parametrize("letter", VIETNAMESE_LETTERS)
def test_tcvn3_expresses_lower_case_and_plain_capitals_only(letter: str) -> None:
    if letter in TCVN3_LETTERS:
        encoded = encode_tcvn3(letter)
        assert len(encoded) == 1
        assert encoded[0] >= 0x80
        assert decode_tcvn3(encoded) == letter
    else:
        with pytest.raises(ValueError, match="TCVN3"):
            encode_tcvn3(letter)


def test_tcvn3_covers_74_letters() -> None:
    assert len(TCVN3_LETTERS) == 74
    assert len({encode_tcvn3(letter) for letter in TCVN3_LETTERS}) == 74


# --- round trips -------------------------------------------------------------------------------

_tcvn3_text = st.text(alphabet=st.sampled_from(TCVN3_LETTERS + _OTHER))
# Windows-1252 punctuation that VNI leaves alone belongs in the VNI alphabet too.
_vni_text = st.text(alphabet=st.sampled_from([*VIETNAMESE_LETTERS, *_OTHER, "“", "”", "–", "…", "ç"]))


@given(_tcvn3_text)
def test_tcvn3_round_trip(text: str) -> None:
    assert decode_tcvn3(encode_tcvn3(text)) == text


@given(_vni_text)
def test_vni_round_trip(text: str) -> None:
    assert decode_vni(encode_vni(text)) == text


@given(st.text(alphabet=st.sampled_from(VIETNAMESE_LETTERS + _OTHER)))
def test_cp1258_round_trip(text: str) -> None:
    assert decode_cp1258(encode_cp1258(text)) == text


def test_encoders_accept_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    assert encode_vni(decomposed) == encode_vni("Việt Nam")
    assert encode_tcvn3(decomposed) == encode_tcvn3("Việt Nam")


@given(st.binary(max_size=200))
def test_decoders_return_nfc_or_refuse(data: bytes) -> None:
    for decoder in (decode_tcvn3, decode_vni, decode_cp1258):
        try:
            text = decoder(data)
        except ValueError:
            continue
        assert unicodedata.is_normalized("NFC", text)


@given(st.binary(max_size=300))
def test_guess_never_raises(data: bytes) -> None:
    result = guess_legacy(data)
    assert result is None or result[0] in ENCODERS


# --- golden bytes -------------------------------------------------------------------------------

GOLDEN_TCVN3 = [
    (b"Ch\xf1 t\xdech n\xad\xedc ti\xd5p \xa7\xb9i s\xf8 Nh\xcbt B\xb6n", "Chủ tịch nước tiếp Đại sứ Nhật Bản"),
    (
        b"Th\xf1 t\xad\xedng h\xe9i \xae\xb5m v\xedi Th\xf1 t\xad\xedng L\xb5o",
        "Thủ tướng hội đàm với Thủ tướng Lào",
    ),
    (b"B\xe9 Ngo\xb9i giao", "Bộ Ngoại giao"),
    (b"\xa7\xa4NG \xa2U", "ĐÔNG ÂU"),
    (b"qu\xe8c t\xd5: h\xdfa b\xd7nh", "quốc tế: hòa bình"),
]

# VNI as it shows when read as Windows-1252, the way it is met in the wild.
GOLDEN_VNI = [
    ("Chuû tòch nöôùc tieáp Ñaïi söù Nhaät Baûn", "Chủ tịch nước tiếp Đại sứ Nhật Bản"),
    ("Thuû töôùng hoäi ñaøm vôùi Thuû töôùng Laøo", "Thủ tướng hội đàm với Thủ tướng Lào"),
    ("VIEÄT NAM VAØ NHAÄT BAÛN", "VIỆT NAM VÀ NHẬT BẢN"),
    ("ÑAÏI SÖÙ QUAÙN", "ĐẠI SỨ QUÁN"),
    ("AÁn Ñoä vaø UÙc", "Ấn Độ và Úc"),
    ("Boä Ngoaïi giao “khaúng ñònh” – 2024", "Bộ Ngoại giao “khẳng định” – 2024"),
]

GOLDEN_CP1258 = [
    (b"Vi\xea\xf2t Nam", "Việt Nam"),
    (b"\xd0a\xf2i s\xfd\xec qua\xecn", "Đại sứ quán"),
    # Windows-1258 may also store á as one byte; both spellings decode alike.
    (b"qu\xe1n / qua\xecn", "quán / quán"),
    (b"VI\xca\xf2T NAM", "VIỆT NAM"),
]


@pytest.mark.parametrize(("data", "text"), GOLDEN_TCVN3)
def test_tcvn3_golden(data: bytes, text: str) -> None:
    assert decode_tcvn3(data) == text


@pytest.mark.parametrize(("data", "text"), GOLDEN_TCVN3)
def test_tcvn3_golden_encode(data: bytes, text: str) -> None:
    assert encode_tcvn3(text) == data


@pytest.mark.parametrize(("shown", "text"), GOLDEN_VNI)
def test_vni_golden(shown: str, text: str) -> None:
    assert decode_vni(shown.encode("cp1252")) == text
    assert encode_vni(text) == shown.encode("cp1252")


@pytest.mark.parametrize(("data", "text"), GOLDEN_CP1258)
def test_cp1258_golden(data: bytes, text: str) -> None:
    decoded = decode_cp1258(data)
    assert decoded == text
    assert unicodedata.is_normalized("NFC", decoded)


def test_tcvn3_capitals_with_tones_are_refused() -> None:
    with pytest.raises(ValueError, match="TCVN3"):
        encode_tcvn3("VIỆT NAM")


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("byte", [0x80, 0x93, 0xA0, 0xB0, 0xC0, 0xFF])
def test_tcvn3_refuses_bytes_outside_vn3(byte: int) -> None:
    with pytest.raises(ValueError, match="TCVN3"):
        decode_tcvn3(b"Vi\xd6t " + bytes([byte]))


def test_vni_and_cp1258_refuse_undefined_bytes() -> None:
    with pytest.raises(ValueError, match="byte 0x81"):
        decode_vni(b"Vie\xe4t \x81")
    with pytest.raises(ValueError, match="byte 0x8a"):
        decode_cp1258(b"Vi\xea\xf2t \x8a")


@pytest.mark.parametrize("char", ["中", "ä", "Ö", "ñ", "ü"])
def test_vni_refuses_characters_that_would_read_back_differently(char: str) -> None:
    with pytest.raises(ValueError, match="VNI"):
        encode_vni(f"Nam {char}")


# --- scoring -----------------------------------------------------------------------------------


def test_score_of_vietnamese_and_ascii() -> None:
    assert vietnamese_score(NEWS[0]) == 1.0
    assert vietnamese_score(NEWS_CAPITALS) == 1.0
    assert vietnamese_score("ASEAN summit in Jakarta") == 1.0
    assert vietnamese_score("") == 0.0
    assert vietnamese_score("12/3 -- 2024") == 0.0


@pytest.mark.parametrize(
    "word",
    ["nghiêng", "khuỷu", "quỳnh", "giường", "thuở", "hoà", "hòa", "rượu", "ếch", "Ủy", "ĐẠI"],
)
def test_well_formed_syllables(word: str) -> None:
    assert vietnamese_score(word) == 1.0


@pytest.mark.parametrize(
    "word",
    [
        "Vieät",  # VNI read as Windows-1252
        "ViÖt",  # TCVN3 read as Windows-1252
        "tiếpp",  # no such final
        "tòch",  # a stop final takes only the acute or dot-below tone
        "hóạ",  # two tones
        "b\u0301a",  # tone on a consonant
        "président",
    ],
)
def test_ill_formed_words(word: str) -> None:
    assert vietnamese_score(word) == 0.0


def test_score_is_a_share() -> None:
    assert vietnamese_score("Vieät Nam") == 0.5


# --- guessing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", list(ENCODERS))
@pytest.mark.parametrize("text", [*NEWS, " ".join(NEWS), HTML.format(NEWS[1])])
def test_guess_finds_the_encoding(encoding: str, text: str) -> None:
    assert guess_legacy(ENCODERS[encoding](text)) == (encoding, text)


@pytest.mark.parametrize("encoding", ["windows-1258", "vni"])
def test_guess_with_capitals(encoding: str) -> None:
    assert guess_legacy(ENCODERS[encoding](NEWS_CAPITALS)) == (encoding, NEWS_CAPITALS)


def test_guess_leaves_utf8_alone() -> None:
    assert guess_legacy(NEWS[0].encode("utf-8")) is None
    assert guess_legacy(b"plain ASCII") is None


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("size", [64, 1000, 20_000])
def test_guess_refuses_random_bytes(seed: int, size: int) -> None:
    data = random.Random(seed).randbytes(size)
    assert guess_legacy(data) is None


@pytest.mark.parametrize("seed", range(5))
def test_guess_refuses_random_latin_letters(seed: int) -> None:
    rnd = random.Random(seed)
    alphabet = bytes(range(0xC0, 0x100)) + b"abcdeghiklmnopqrstuvxy     "
    data = bytes(rnd.choice(alphabet) for _ in range(2000))
    assert guess_legacy(data) is None


@pytest.mark.parametrize("text", [FRENCH, GERMAN, HTML.format(FRENCH), HTML.format(GERMAN)])
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_guess_refuses_other_latin_text(text: str, codec: str) -> None:
    assert guess_legacy(text.encode(codec)) is None


def test_guess_needs_enough_vietnamese() -> None:
    # One non-ASCII word is too little to name an encoding.
    assert guess_legacy(encode_vni("Ha Noi, Viet Nam, ngày 2/9")) is None
