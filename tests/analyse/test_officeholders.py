"""Checks on src/doingoai/data/officeholders.tsv and on doingoai.analyse.officeholders.

The integrity checks read the file with the csv module, not with the loader, so that a broken loader
cannot hide a broken data file; the behaviour checks run the module on hand-written sentences of the
genre.
"""

import csv
import io
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.analyse.officeholders import (
    OFFICES,
    OfficeMatch,
    find_officeholders,
    parse,
    state_of,
    term_years,
    terms,
    terms_of,
    years_consistent,
)
from doingoai.clean.normalize import fold
from doingoai.lexicon import LexiconError

DATA = Path(__file__).resolve().parents[2] / "src" / "doingoai" / "data" / "officeholders.tsv"
COLUMNS = ["state", "office", "title", "name", "variants", "from", "to", "note"]
REVIEWED = date(2026, 11, 30)
MAX_OVERLAP = timedelta(days=31)
MAX_VN_GAP = timedelta(days=120)
VN_SINCE = date(1986, 1, 1)


def _text() -> str:
    return DATA.read_text(encoding="utf-8")


def _rows() -> list[tuple[int, dict[str, str]]]:
    """(file line number, row) for every data row."""
    lines = enumerate(_text().splitlines(), 1)
    numbered = [(n, line) for n, line in lines if line.strip() and not line.startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(line for _, line in numbered)), delimiter="\t", quoting=csv.QUOTE_NONE)
    parsed = list(reader)
    assert parsed[0] == COLUMNS
    out = []
    for (number, _), cells in zip(numbered[1:], parsed[1:], strict=True):
        assert len(cells) == len(COLUMNS), f"line {number}: {len(cells)} fields"
        out.append((number, dict(zip(COLUMNS, cells, strict=True))))
    return out


def _day(cell: str) -> date:
    return date.fromisoformat(cell)


def _end(row: dict[str, str]) -> date:
    return _day(row["to"]) if row["to"] else REVIEWED


def _acting(row: dict[str, str]) -> bool:
    return "acting" in row["note"].lower()


def _form_key(form: str) -> str:
    """How forms are compared for collisions: the matcher's folding, at its most lenient."""
    return " ".join(fold(form).replace("-", " ").split())


def _allowed_ambiguity() -> set[str]:
    for line in _text().splitlines():
        if line.startswith("# Allowed ambiguity:"):
            value = line.split(":", 1)[1].strip().rstrip(".")
            head = value.split(".")[0].strip()
            return set() if head.lower() == "none" else {_form_key(f) for f in head.split("|") if f.strip()}
    raise AssertionError("the header must say which forms may name more than one person ('# Allowed ambiguity:')")


# --- integrity --------------------------------------------------------------------------------------------


def test_header_gives_provenance_and_columns() -> None:
    comments = "\n".join(line for line in _text().splitlines() if line.startswith("#"))
    for needed in ("Provenance", "Reviewed: 2026-11-30", "Columns", "Wikipedia"):
        assert needed in comments


def test_file_is_nfc() -> None:
    text = _text()
    assert text == unicodedata.normalize("NFC", text)


def test_every_row_parses_and_loader_agrees() -> None:
    rows = _rows()
    assert len(rows) > 600
    assert len(terms()) == len(rows)
    for (_, row), term in zip(rows, terms(), strict=True):
        assert (term.state, term.office, term.name) == (row["state"], row["office"], row["name"])


def test_cells_are_trimmed_and_filled() -> None:
    for number, row in _rows():
        for column, value in row.items():
            assert value == value.strip(), f"line {number}: {column} has edge spaces"
        for column in ("state", "office", "title", "name", "from"):
            assert row[column], f"line {number}: {column} is empty"
        assert row["name"] not in row["variants"].split("|"), f"line {number}: name repeated in variants"


def test_states_are_iso_alpha2() -> None:
    for number, row in _rows():
        assert pycountry.countries.get(alpha_2=row["state"]) is not None, f"line {number}: {row['state']}"


def test_offices_are_from_the_fixed_set() -> None:
    for number, row in _rows():
        assert row["office"] in OFFICES, f"line {number}: {row['office']}"


def test_dates_are_iso_and_ordered() -> None:
    for number, row in _rows():
        start = _day(row["from"])
        assert len(row["from"]) == 10
        if row["to"]:
            assert len(row["to"]) == 10
            assert start <= _day(row["to"]), f"line {number}"
        assert _end(row) <= REVIEWED, f"line {number}: ends after the review date"


def test_same_office_holders_do_not_overlap() -> None:
    by_office: dict[tuple[str, str], list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for number, row in _rows():
        by_office[(row["state"], row["office"])].append((number, row))
    for held in by_office.values():
        for i, (n1, a) in enumerate(held):
            for n2, b in held[i + 1:]:
                overlap = min(_end(a), _end(b)) - max(_day(a["from"]), _day(b["from"]))
                if overlap > MAX_OVERLAP:
                    assert _acting(a) or _acting(b), f"lines {n1} and {n2} overlap by {overlap.days} days"


@pytest.mark.parametrize("office", OFFICES)
def test_vietnamese_offices_have_no_gaps_since_1986(office: str) -> None:
    held = sorted((_day(r["from"]), _end(r), n) for n, r in _rows() if r["state"] == "VN" and r["office"] == office)
    assert held, office
    assert held[0][0] <= VN_SINCE, f"{office}: first holder starts after 1986"
    covered = held[0][1]
    for start, end, number in held[1:]:
        assert start - covered <= MAX_VN_GAP, f"{office}: gap of {(start - covered).days} days before line {number}"
        covered = max(covered, end)
    assert covered == REVIEWED, f"{office}: nobody in office at the review date"
    assert sum(1 for n, r in _rows() if r["state"] == "VN" and r["office"] == office and not r["to"]) == 1


def test_forms_do_not_collide_across_people() -> None:
    allowed = _allowed_ambiguity()
    people: dict[str, set[str]] = defaultdict(set)
    for _, row in _rows():
        for form in [row["name"], *filter(None, row["variants"].split("|"))]:
            people[_form_key(form)].add(row["name"])
    clashes = {k: v for k, v in people.items() if len(v) > 1 and k not in allowed}
    assert not clashes


def test_one_person_one_state() -> None:
    states: dict[str, set[str]] = defaultdict(set)
    for _, row in _rows():
        states[row["name"]].add(row["state"])
    assert {k: v for k, v in states.items() if len(v) > 1} == {}


def test_required_2024_2026_changes() -> None:
    def term(name: str, office: str) -> list[tuple[date, date | None]]:
        return [(t.start, t.end) for t in terms() if t.state == "VN" and t.name == name and t.office == office]

    assert (date(2024, 5, 22), date(2024, 10, 21)) in term("Tô Lâm", "head_of_state")
    assert term("Tô Lâm", "party_leader") == [(date(2024, 8, 3), None)]
    assert term("Lương Cường", "head_of_state")[0][0] == date(2024, 10, 21)
    assert term("Trần Thanh Mẫn", "legislature_chair") == [(date(2024, 5, 20), None)]
    assert term("Bùi Thanh Sơn", "foreign_minister")[0][0] == date(2021, 4, 8)
    assert term("Lê Hoài Trung", "foreign_minister")[0][1] is None
    assert term("Võ Văn Thưởng", "head_of_state") == [(date(2023, 3, 2), date(2024, 3, 21))]
    assert term("Nguyễn Xuân Phúc", "head_of_state") == [(date(2021, 4, 5), date(2023, 1, 18))]
    assert term("Nguyễn Xuân Phúc", "head_of_government") == [(date(2016, 4, 7), date(2021, 4, 5))]


@pytest.mark.parametrize("state", ["CN", "LA", "KH", "US", "RU", "JP", "KR", "IN", "AU", "FR", "DE", "GB", "IT", "ES",
                                   "CA", "NZ", "SG", "MY", "TH", "ID", "PH", "MM", "BN", "TL", "CU", "BR", "AR", "CL",
                                   "MX", "ZA", "EG", "TR", "AE", "SA", "IL", "PK", "BD", "KP", "UA", "BY", "KZ", "NL",
                                   "BE", "PL", "HU", "CZ", "NO", "SE", "FI", "DK", "IE"])
def test_partner_has_a_current_leader(state: str) -> None:
    current = [t for t in terms() if t.state == state and t.end is None]
    assert {t.office for t in current} & {"head_of_state", "head_of_government"}, state


# --- loader errors ----------------------------------------------------------------------------------------

_HEADER = "# a comment\n" + "\t".join(COLUMNS) + "\n"


@pytest.mark.parametrize(("row", "words"), [
    ("XX1\thead_of_state\tTổng thống\tA\t\t2000-01-01\t\t", "state"),
    ("US\tpresident\tTổng thống\tA\t\t2000-01-01\t\t", "office"),
    ("US\thead_of_state\tTổng thống\tA\t\t2000-1-1\t\t", "from"),
    ("US\thead_of_state\tTổng thống\tA\t\t2000-02-30\t\t", "no date"),
    ("US\thead_of_state\tTổng thống\tA\t\t2001-01-01\t2000-01-01\t", "before"),
    ("US\thead_of_state\tTổng thống\t\t\t2000-01-01\t\t", "name"),
    ("US\thead_of_state\tTổng thống\tA\t\t2000-01-01\t\t\textra", "fields"),
    ("VN\thead_of_state\tChu\u0309 tịch\tA\t\t2000-01-01\t\t", "NFC"),
])
def test_bad_rows_raise_with_file_and_line(row: str, words: str) -> None:
    with pytest.raises(LexiconError) as caught:
        parse(_HEADER + row + "\n")
    assert "officeholders.tsv" in caught.value.message
    assert "line 3" in caught.value.message
    assert words in caught.value.message
    assert caught.value.code == "E900"


def test_bad_header_raises() -> None:
    with pytest.raises(LexiconError, match="line 1"):
        parse("state\toffice\n")


def test_short_rows_are_padded() -> None:
    (term,) = parse(_HEADER + "US\thead_of_state\tTổng thống\tA\tB|C\t2000-01-01\n")
    assert term.end is None
    assert term.variants == ("B", "C")
    assert term.note == ""


# --- behaviour on sentences of the genre ----------------------------------------------------------------

TODAY = date(2026, 11, 30)


def _names(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_officeholders(text)]


def _years(text: str, name: str, today: date = TODAY) -> list[tuple[int, int]]:
    (match,) = [m for m in find_officeholders(text) if text[m.start:m.end] == name]
    return term_years(text[:match.start], match.terms, today)


def test_president_phuc_is_2021_2023() -> None:
    text = "Chủ tịch nước Nguyễn Xuân Phúc tiếp Đại sứ Hàn Quốc tại Việt Nam nhân dịp kết thúc nhiệm kỳ công tác."
    assert _names(text) == ["Nguyễn Xuân Phúc"]
    assert _years(text, "Nguyễn Xuân Phúc") == [(2021, 2023)]
    assert years_consistent(text, find_officeholders(text), TODAY) == (2021, 2023)


def test_prime_minister_phuc_is_2016_2021() -> None:
    text = "Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Nhật Bản Abe Shinzo tại Tokyo."
    assert _names(text) == ["Nguyễn Xuân Phúc", "Abe Shinzo"]
    assert _years(text, "Nguyễn Xuân Phúc") == [(2016, 2021)]
    assert years_consistent(text, find_officeholders(text), TODAY) == (2016, 2020)


def test_old_lao_transliteration() -> None:
    text = "Thủ tướng Thoong-lun Xi-xu-lít khẳng định Lào coi trọng quan hệ đặc biệt với Việt Nam."
    (match,) = find_officeholders(text)
    assert text[match.start:match.end] == "Thoong-lun Xi-xu-lít"
    assert {t.state for t in match.terms} == {"LA"}
    assert state_of("Thoong-lun Xi-xu-lít") == "LA"
    assert _years(text, "Thoong-lun Xi-xu-lít") == [(2016, 2021)]


def test_accents_folded_for_foreign_spellings() -> None:
    text = "Bí thư thứ nhất, Chủ tịch Cuba Miguel Diaz-Canel gửi điện mừng."
    assert _names(text) == ["Miguel Diaz-Canel"]
    assert state_of("Diaz-Canel") == "CU"
    assert _years(text, "Miguel Diaz-Canel") == [(2018, 2026)]


def test_vietnamese_spellings_are_not_folded() -> None:
    assert _names("Tổng Bí thư Tô Lâm") == ["Tô Lâm"]
    assert _names("to lam viec voi doan cong tac") == []
    assert _names("Tô làm việc với đoàn") == []


def test_whole_words_only() -> None:
    assert _names("Ca sĩ Hun Sena biểu diễn tại Phnom Penh.") == []
    assert _names("Thủ tướng Hun Sen và Thủ tướng Hun Manet.") == ["Hun Sen", "Hun Manet"]
    assert _names("Xihun Sen") == []
    assert _names("Ca sĩ Park Jin-young và Bộ trưởng Ngoại giao Park Jin") == ["Park Jin"]


def test_case_and_hyphen_variants() -> None:
    assert _names("THỦ TƯỚNG HUN SEN") == ["HUN SEN"]
    assert _names("Chủ tịch Kim Jong Un và Kim Jong-un") == ["Kim Jong Un", "Kim Jong-un"]


def test_longest_match_wins() -> None:
    text = "Tổng thống Nga Vla-đi-mia Pu-tin tiếp Ngoại trưởng Xéc-gây La-vrốp; Pu-tin phát biểu."
    assert _names(text) == ["Vla-đi-mia Pu-tin", "Xéc-gây La-vrốp", "Pu-tin"]


def test_state_name_between_title_and_name() -> None:
    text = "Ngoại trưởng Mỹ Antony Blinken thăm Hà Nội."
    assert _years(text, "Antony Blinken") == [(2021, 2025)]
    text = "Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình đón Tổng Bí thư Tô Lâm."
    assert _years(text, "Tập Cận Bình") == [(2013, 2026)]


def test_title_chain_takes_the_last_title() -> None:
    text = "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh tiếp Đại sứ."
    assert _years(text, "Phạm Bình Minh") == [(2011, 2021)]


def test_deputy_title_gives_no_years() -> None:
    text = "Phó Chủ tịch nước Võ Thị Ánh Xuân dự lễ."
    assert _years(text, "Võ Thị Ánh Xuân") == []
    assert years_consistent(text, find_officeholders(text), TODAY) is None


def test_acting_title() -> None:
    text = "Quyền Chủ tịch nước Võ Thị Ánh Xuân gửi điện mừng."
    assert _years(text, "Võ Thị Ánh Xuân") == [(2023, 2023), (2024, 2024)]


def test_former_title_dates_from_the_end_of_the_term() -> None:
    text = "nguyên Thủ tướng Nguyễn Tấn Dũng dự lễ kỷ niệm."
    assert _years(text, "Nguyễn Tấn Dũng") == [(2016, 2026)]


def test_no_title_means_every_term() -> None:
    text = "Ông Nguyễn Xuân Phúc dự lễ."
    assert _years(text, "Nguyễn Xuân Phúc") == [(2016, 2021), (2021, 2023)]
    assert years_consistent(text, find_officeholders(text), TODAY) is None  # bare names do not date a text


def test_open_terms_end_at_the_given_day() -> None:
    text = "Thủ tướng Lý Cường hội kiến."
    assert _years(text, "Lý Cường", today=date(2024, 6, 1)) == [(2023, 2024)]
    assert _years(text, "Lý Cường", today=date(2022, 6, 1)) == []  # not yet in office


def test_inconsistent_names_give_none() -> None:
    text = "Chủ tịch nước Võ Văn Thưởng tiếp Thủ tướng Lào Phankham Viphavanh."
    assert years_consistent(text, find_officeholders(text), TODAY) is None


def test_consistent_names_intersect() -> None:
    text = "Tổng thống Joe Biden điện đàm với Tổng thống Hàn Quốc Yoon Suk Yeol."
    assert years_consistent(text, find_officeholders(text), TODAY) == (2022, 2025)


def test_legislature_and_china_titles() -> None:
    text = "Chủ tịch Quốc hội Vương Đình Huệ hội kiến Ủy viên trưởng Ủy ban Thường vụ Nhân đại toàn quốc Triệu Lạc Tế."
    assert _years(text, "Vương Đình Huệ") == [(2021, 2024)]
    assert _years(text, "Triệu Lạc Tế") == [(2023, 2026)]


def test_japanese_names_both_orders() -> None:
    assert state_of("Ishiba Shigeru") == state_of("Shigeru Ishiba") == "JP"
    assert _names("Thủ tướng Shigeru Ishiba và Thủ tướng Ishiba Shigeru") == ["Shigeru Ishiba", "Ishiba Shigeru"]


def test_terms_of_and_state_of() -> None:
    assert terms_of("Lee Hsien Loong") == terms_of("lý hiển long") != ()
    assert state_of("Lee Hsien Loong") == "SG"
    assert terms_of("Nobody Atall") == ()
    assert state_of("Nobody Atall") is None
    assert [t.office for t in terms_of("Tô Lâm")] == ["head_of_state", "party_leader", "head_of_state"]
    assert state_of("Hillary Clinton") == "US"


def test_empty_text() -> None:
    assert find_officeholders("") == []
    assert years_consistent("", [], TODAY) is None


# --- properties -------------------------------------------------------------------------------------------

FORMS = sorted({f for t in terms() for f in t.forms})
FILLERS = ["Thủ tướng ", "Chủ tịch nước ", " ", ", ", "-", "a", "ông ", "\n"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    part = st.one_of(st.sampled_from(FORMS), st.sampled_from(FILLERS), st.text(max_size=12))
    parts = draw(st.lists(part, max_size=12))
    return "".join(parts)


def _check(text: str, matches: list[OfficeMatch]) -> None:
    previous_end = 0
    for m in matches:
        assert 0 <= previous_end <= m.start < m.end <= len(text)
        previous_end = m.end
        assert m.terms
        assert _form_key(text[m.start:m.end]) in {_form_key(f) for t in m.terms for f in t.forms}


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_find_never_raises_and_offsets_slice_a_name(text: str) -> None:
    matches = find_officeholders(text)
    _check(text, matches)
    years_consistent(text, matches, TODAY)
    for m in matches:
        term_years(text[:m.start], m.terms, TODAY)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(FORMS), st.sampled_from(["", "Ông ", "Thủ tướng ", "("]),
       st.sampled_from(["", ".", " nói", ")"]))
def test_every_form_is_found_in_context(form: str, before: str, after: str) -> None:
    text = before + form + after
    matches = find_officeholders(text)
    _check(text, matches)
    assert any(m.start == len(before) and m.end == len(before) + len(form) for m in matches)
