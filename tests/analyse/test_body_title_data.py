"""Integrity checks for the body, title and honorific lexicons in src/doingoai/data/.

The TSV files are parsed here with the csv module on purpose: these tests guard the data
itself and must not depend on (or be masked by) the loader in doingoai.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "doingoai" / "data"
BODIES = DATA / "bodies.tsv"
TITLES = DATA / "titles.tsv"
HONORIFICS = DATA / "honorifics.tsv"
ALL_FILES = [BODIES, TITLES, HONORIFICS]

# The canonical keys listed in shared/spec/output-format.md, "Canonical keys for multilateral bodies".
# fmt: off
SPEC_BODY_KEYS = [
    "UN", "ASEAN", "APEC", "ASEM", "G20", "G7", "BRICS", "SCO", "EU", "GMS", "ACMECS", "CLMV",
    "MERCOSUR", "EFTA", "AU", "SACU", "GCC", "WTO", "UNESCO", "WHO", "OECD", "IMF", "WB", "ADB",
    "CPTPP", "RCEP", "AIPA", "IPU", "WEF", "FAO", "ILO", "Mekong-Lancang", "Mekong-Japan",
    "Mekong-Korea", "EAS", "ARF", "APT", "ADMM", "NAM", "OIF", "CICA",
]
PILLARS = {
    "party", "state", "government", "parliament", "local", "diplomatic", "military", "people",
    "international", "royal",
}
# fmt: on

TITLE_KINDS = {"office", "rank", "role"}
HONORIFIC_KINDS = {"honorific", "academic", "spouse", "royal_honorific"}

# Old-style tone placement: the mark on the second vowel of "oa", "oe", "uy" when the syllable
# ends there ("hoà", "khoẻ", "thuỷ"). After "q" the "u" is part of the consonant ("quý" is right).
OLD_STYLE_TONE = re.compile(r"(?<!q)(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])$")
SYLLABLE = re.compile(r"\w+")


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and data rows of a lexicon, skipping its leading '#' comment lines."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header, *body = list(reader)
    return header, [dict(zip(header, row, strict=True)) for row in body]


def _split(field: str) -> list[str]:
    return [form for form in field.split("|") if form]


def _fold(form: str) -> str:
    return unicodedata.normalize("NFC", form).casefold()


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_file_starts_with_provenance_comments(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = []
    for line in lines:
        if not line.startswith("#"):
            break
        comments.append(line.lower())
    assert len(comments) >= 3
    text = "\n".join(comments)
    assert "provenance" in text
    assert re.search(r"date: \d{4}-\d{2}-\d{2}", text)


@pytest.mark.parametrize(
    ("path", "columns"),
    [
        (BODIES, ["key", "names", "acronyms", "note"]),
        (TITLES, ["title", "rank", "pillar", "kind", "note"]),
        (HONORIFICS, ["form", "kind", "note"]),
    ],
    ids=["bodies", "titles", "honorifics"],
)
def test_header_and_row_width(path: Path, columns: list[str]) -> None:
    header, rows = _rows(path)
    assert header == columns
    assert rows
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("#"):
                continue
            assert line.count("\t") == len(columns) - 1, f"{path.name}:{number}"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_nfc_and_new_style_tone_placement(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    bad = sorted({syllable for syllable in SYLLABLE.findall(text.lower()) if OLD_STYLE_TONE.search(syllable)})
    assert not bad, f"old-style tone placement in {path.name}: {bad}"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_fields_are_clean(path: Path) -> None:
    _, rows = _rows(path)
    for row in rows:
        for column, value in row.items():
            assert value == value.strip(), (column, value)
            assert "  " not in value, (column, value)
            if column != "note":
                for form in value.split("|"):
                    assert form == form.strip(), (column, value)


def test_body_keys_unique_and_nonempty() -> None:
    _, rows = _rows(BODIES)
    keys = [row["key"] for row in rows]
    assert all(keys)
    assert [key for key, count in Counter(keys).items() if count > 1] == []


def test_every_spec_body_key_present() -> None:
    _, rows = _rows(BODIES)
    keys = {row["key"] for row in rows}
    assert [key for key in SPEC_BODY_KEYS if key not in keys] == []


def test_every_body_has_a_form() -> None:
    _, rows = _rows(BODIES)
    for row in rows:
        assert _split(row["names"]) or _split(row["acronyms"]), row["key"]
        assert "||" not in row["names"], row["key"]
        assert "||" not in row["acronyms"], row["key"]


def test_body_forms_unique_across_file() -> None:
    _, rows = _rows(BODIES)
    owners: dict[str, list[str]] = {}
    for row in rows:
        for form in _split(row["names"]) + _split(row["acronyms"]):
            owners.setdefault(_fold(form), []).append(row["key"])
    duplicates = {form: keys for form, keys in owners.items() if len(keys) > 1}
    assert duplicates == {}


def test_acronyms_are_bare() -> None:
    """The matcher adds session numbers itself: no "GMS 8", "AIPA-46" or "APEC 2025" here."""
    _, rows = _rows(BODIES)
    for row in rows:
        for acronym in _split(row["acronyms"]):
            assert not re.search(r"[ -]\d+$", acronym), (row["key"], acronym)


@pytest.mark.parametrize(
    ("form", "key"),
    [
        ("Liên hợp quốc", "UN"),
        ("Hội đồng Bảo an", "UN"),
        ("Hội nghị Thượng đỉnh Tương lai", "UN"),
        ("LHQ", "UN"),
        ("Hội nghị Cấp cao ASEAN", "ASEAN"),
        ("AMM", "ASEAN"),
        ("Liên minh châu Âu", "EU"),
        ("Ủy ban châu Âu", "EU"),
        ("Tiểu vùng Mekong mở rộng", "GMS"),
        ("Liên minh Nghị viện thế giới", "IPU"),
        ("Đại hội đồng Liên nghị viện ASEAN", "AIPA"),
        ("Liên minh châu Phi", "AU"),
        ("Hội nghị Cấp cao Đông Á", "EAS"),
        ("Diễn đàn Khu vực ASEAN", "ARF"),
        ("ASEAN+3", "APT"),
        ("Phong trào Không liên kết", "NAM"),
        ("Cộng đồng Pháp ngữ", "OIF"),
        ("Ngân hàng Thế giới", "WB"),
        ("Hợp tác Mekong - Lan Thương", "Mekong-Lancang"),
    ],
)
def test_known_forms_map_to_their_key(form: str, key: str) -> None:
    _, rows = _rows(BODIES)
    owner = {_fold(f): row["key"] for row in rows for f in _split(row["names"]) + _split(row["acronyms"])}
    assert owner.get(_fold(form)) == key


def test_titles_unique() -> None:
    _, rows = _rows(TITLES)
    folded = Counter(_fold(row["title"]) for row in rows)
    assert [title for title, count in folded.items() if count > 1] == []


def test_title_rank_pillar_kind() -> None:
    _, rows = _rows(TITLES)
    for row in rows:
        assert row["title"], row
        assert row["rank"] in {"1", "2", "3", "4", "5"}, row
        assert row["pillar"] in PILLARS, row
        assert row["kind"] in TITLE_KINDS, row


@pytest.mark.parametrize(
    ("title", "rank", "pillar"),
    [
        ("Tổng Bí thư", "1", "party"),
        ("Chủ tịch nước", "1", "state"),
        ("Thủ tướng", "1", "government"),
        ("Chủ tịch Quốc hội", "1", "parliament"),
        ("Quốc vương", "1", "royal"),
        ("Phó Thủ tướng", "2", "government"),
        ("Bộ trưởng Ngoại giao", "2", "government"),
        ("Thứ trưởng Ngoại giao", "3", "government"),
        ("Đại sứ", "3", "diplomatic"),
        ("Tổng Lãnh sự", "4", "diplomatic"),
        ("Tổng Thư ký Liên hợp quốc", "2", "international"),
    ],
)
def test_anchor_titles(title: str, rank: str, pillar: str) -> None:
    _, rows = _rows(TITLES)
    by_title = {_fold(row["title"]): row for row in rows}
    row = by_title[_fold(title)]
    assert (row["rank"], row["pillar"]) == (rank, pillar)


def test_titles_named_in_gold_are_known() -> None:
    """Every single office in the gold files' title chains is in the lexicon."""
    # fmt: off
    gold = [
        "Thủ tướng", "Chủ tịch nước", "Tổng Bí thư", "Chủ tịch Quốc hội", "Tổng thống", "Đại sứ",
        "Ngoại trưởng", "Chủ tịch Hội đồng Liên bang", "Người phát ngôn Bộ Ngoại giao", "Bí thư thứ nhất",
        "Phó Thủ tướng", "Bộ trưởng Ngoại giao", "Phó Phát ngôn", "Chủ tịch Duma Quốc gia",
        "Chủ tịch Hạ viện", "Chủ tịch UBND tỉnh", "Tổng lãnh sự", "Quốc vương", "Chủ tịch",
        "Chủ tịch Đảng", "Đại tướng",
    ]
    # fmt: on
    _, rows = _rows(TITLES)
    known = {_fold(row["title"]) for row in rows}
    assert [title for title in gold if _fold(title) not in known] == []


def test_honorifics_unique_and_kinds() -> None:
    _, rows = _rows(HONORIFICS)
    folded = Counter(_fold(row["form"]) for row in rows)
    assert [form for form, count in folded.items() if count > 1] == []
    for row in rows:
        assert row["form"], row
        assert row["kind"] in HONORIFIC_KINDS, row


def test_honorifics_and_titles_do_not_overlap() -> None:
    """A form is either an honorific (dropped) or a title (reported), never both."""
    _, titles = _rows(TITLES)
    _, honorifics = _rows(HONORIFICS)
    overlap = {_fold(row["title"]) for row in titles} & {_fold(row["form"]) for row in honorifics}
    assert overlap == set()
