"""Checks on the reviewed lexicon files src/doingoai/data/countries.tsv and vn_places.tsv.

The files are parsed here with the csv module on purpose: this test must not depend on
any doingoai module, so that a broken loader cannot hide a broken data file.
"""

import csv
import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "doingoai" / "data"
COUNTRIES = DATA / "countries.tsv"
VN_PLACES = DATA / "vn_places.tsv"

# The 193 UN member states (ISO 3166-1 alpha-2).
# fmt: off
UN_MEMBERS = {
    "AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE",
    "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD",
    "CF", "CG", "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ",
    "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA",
    "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU",
    "ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI",
    "KM", "KN", "KP", "KR", "KW", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU",
    "LV", "LY", "MA", "MC", "MD", "ME", "MG", "MH", "MK", "ML", "MM", "MN", "MR", "MT", "MU",
    "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM",
    "PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY", "QA", "RO", "RS", "RU", "RW", "SA",
    "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
    "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TZ", "UA",
    "UG", "US", "UY", "UZ", "VC", "VE", "VN", "VU", "WS", "YE", "ZA", "ZM", "ZW",
}
# fmt: on
UN_OBSERVERS = {"VA", "PS"}
OTHER_ENTITIES = {"TW", "HK", "MO", "XK"}

# The 34 provincial-level units in force since 1 July 2025.
# fmt: off
PROVINCES_2025 = {
    "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP Hồ Chí Minh", "Cần Thơ", "Tuyên Quang",
    "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị",
    "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh",
    "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang", "Cao Bằng", "Điện Biên", "Hà Tĩnh",
    "Lai Châu", "Lạng Sơn", "Nghệ An", "Quảng Ninh", "Thanh Hóa", "Sơn La",
}
# fmt: on
# The 63 provincial-level units in force until 30 June 2025.
# fmt: off
PROVINCES_OLD = {
    "Hà Nội", "TP Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "An Giang", "Bà Rịa - Vũng Tàu",
    "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương",
    "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
}
# fmt: on

# Old-style tone placement at the end of a syllable ("hoà", "khoẻ", "thuỷ"); "quý" is fine.
OLD_STYLE_TONE = re.compile(r"(?:[oO][àáảãạÀÁẢÃẠ]|[oO][èéẻẽẹÈÉẺẼẸ]|(?<![qQ])[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)")
NOTE_FLAG = re.compile(r"^(ambiguous|historical|disputed|cities_in):.+$|^(city_state|un_observer|non_un)$")


def _read(path):
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    return reader.fieldnames, rows


def _split(value, sep="|"):
    return [x for x in value.split(sep) if x] if value else []


def _key(form):
    return unicodedata.normalize("NFC", form).casefold()


@pytest.fixture(scope="module")
def countries():
    fields, rows = _read(COUNTRIES)
    assert fields == ["code", "name", "variants", "english", "cities", "note"]
    return rows


@pytest.fixture(scope="module")
def places():
    fields, rows = _read(VN_PLACES)
    assert fields == ["name", "kind", "variants"]
    return rows


def _country_forms(rows):
    """(form, code, column) for every Vietnamese-press form: name, variants, cities."""
    out = []
    for r in rows:
        out.append((r["name"], r["code"], "name"))
        out += [(v, r["code"], "variants") for v in _split(r["variants"])]
        out += [(c, r["code"], "cities") for c in _split(r["cities"])]
    return out


@pytest.fixture(scope="module")
def form_to_code(countries):
    return {_key(form): code for form, code, _ in _country_forms(countries)}


def test_files_have_provenance_header():
    for path in (COUNTRIES, VN_PLACES):
        head = path.read_text(encoding="utf-8").splitlines()[:2]
        assert len(head) == 2, path
        assert all(line.startswith("#") for line in head), path
    assert "Babel CLDR Locale('vi').territories" in COUNTRIES.read_text(encoding="utf-8")


def test_codes_valid_and_unique(countries):
    codes = [r["code"] for r in countries]
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in codes), codes
    assert len(codes) == len(set(codes))
    assert all(r["name"] for r in countries)


def test_all_un_members_and_observers_present(countries):
    assert len(UN_MEMBERS) == 193
    codes = {r["code"] for r in countries}
    expected = UN_MEMBERS | UN_OBSERVERS
    assert not expected - codes, sorted(expected - codes)
    assert not OTHER_ENTITIES - codes, sorted(OTHER_ENTITIES - codes)
    assert not codes - expected - OTHER_ENTITIES, sorted(codes - expected - OTHER_ENTITIES)


def test_no_form_twice_across_file(countries):
    seen = {}
    dups = []
    for form, code, col in _country_forms(countries):
        k = _key(form)
        if k in seen:
            dups.append((form, seen[k], (code, col)))
        seen[k] = (code, col)
    assert not dups, dups


def test_english_names_unique_and_consistent(countries):
    vn = {_key(f): code for f, code, _ in _country_forms(countries)}
    seen = {}
    problems = []
    for r in countries:
        eng = _split(r["english"])
        assert eng, r["code"]
        for e in eng:
            k = _key(e)
            if k in seen and seen[k] != r["code"]:
                problems.append((e, seen[k], r["code"]))
            seen[k] = r["code"]
            if k in vn and vn[k] != r["code"]:
                problems.append((e, vn[k], r["code"]))
    assert not problems, problems


def test_every_state_has_a_capital_unless_flagged(countries):
    missing = [
        r["code"] for r in countries if not _split(r["cities"]) and not re.search(r"city_state|cities_in:", r["note"])
    ]
    assert not missing, missing


def test_notes_are_well_formed(countries):
    for r in countries:
        forms = {_key(f) for f in [r["name"], *_split(r["variants"]), *_split(r["cities"])]}
        for flag in _split(r["note"], ";"):
            assert NOTE_FLAG.match(flag), (r["code"], flag)
            kind, _, form = flag.partition(":")
            if kind in ("ambiguous", "historical", "disputed"):
                assert _key(form) in forms, (r["code"], flag)


def test_historical_states_map_to_successors(form_to_code):
    for form, code in [
        ("Liên Xô", "RU"),
        ("Liên bang Xô viết", "RU"),
        ("Tiệp Khắc", "CZ"),
        ("Nam Tư", "RS"),
        ("Đông Đức", "DE"),
        ("Cộng hòa Dân chủ Đức", "DE"),
    ]:
        assert form_to_code.get(_key(form)) == code, form


def test_guinea_family_does_not_collide(form_to_code):
    assert form_to_code[_key("Guinea")] == "GN"
    assert form_to_code[_key("Guinea-Bissau")] == "GW"
    assert form_to_code[_key("Guinea Xích Đạo")] == "GQ"
    assert form_to_code[_key("Papua New Guinea")] == "PG"


def _all_text(countries, places):
    for r in countries:
        yield from r.values()
    for r in places:
        yield from r.values()


def test_nfc_and_new_style_tone_placement(countries, places):
    bad_nfc, old_style = [], []
    for text in _all_text(countries, places):
        if unicodedata.normalize("NFC", text) != text:
            bad_nfc.append(text)
        old_style += OLD_STYLE_TONE.findall(text) and [text]
    raw = COUNTRIES.read_text(encoding="utf-8") + VN_PLACES.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw
    assert not bad_nfc, bad_nfc
    assert not old_style, old_style


def test_old_style_regex_itself():
    for word in ("Cộng hoà", "Khánh Hoà", "Thuỵ Sĩ", "khoẻ", "Thanh Hoá"):
        assert OLD_STYLE_TONE.search(word), word
    for word in ("Cộng hòa", "Khánh Hòa", "Thụy Sĩ", "khỏe", "quý", "Quý", "Hoàng", "thuyền", "Cô-oét"):
        assert not OLD_STYLE_TONE.search(word), word


def test_vn_places_rows(places):
    assert {r["kind"] for r in places} <= {"province", "city", "venue"}
    provinces = {r["name"] for r in places if r["kind"] == "province"}
    assert not PROVINCES_2025 - provinces, sorted(PROVINCES_2025 - provinces)
    assert len(PROVINCES_2025) == 34
    assert len(PROVINCES_OLD) == 63
    assert not PROVINCES_OLD - provinces, sorted(PROVINCES_OLD - provinces)
    for name in ("Hạ Long", "Nha Trang", "Đà Lạt", "Vũng Tàu", "Phú Quốc", "Hội An", "Sa Pa", "Điện Biên Phủ"):
        assert any(r["name"] == name and r["kind"] == "city" for r in places), name
    for name in (
        "Phủ Chủ tịch",
        "Nhà Quốc hội",
        "Trụ sở Trung ương Đảng",
        "Trụ sở Chính phủ",
        "Nhà khách Chính phủ",
        "Bộ Ngoại giao",
        "Trung tâm Hội nghị Quốc gia",
        "Dinh Độc Lập",
        "Lăng Chủ tịch Hồ Chí Minh",
    ):
        assert any(r["name"] == name and r["kind"] == "venue" for r in places), name
    hcm = next(r for r in places if r["name"] == "TP Hồ Chí Minh")
    assert {"Thành phố Hồ Chí Minh", "TP.HCM", "TP HCM", "TP. Hồ Chí Minh", "Sài Gòn"} <= set(_split(hcm["variants"]))


def test_vn_places_unique_and_disjoint_from_countries(countries, places):
    country_keys = {_key(f) for f, _, _ in _country_forms(countries)}
    country_keys |= {_key(e) for r in countries for e in _split(r["english"])}
    seen, dups, clashes = set(), [], []
    for r in places:
        for form in [r["name"], *_split(r["variants"])]:
            k = _key(form)
            if k in seen:
                dups.append(form)
            seen.add(k)
            if k in country_keys:
                clashes.append(form)
    assert not dups, dups
    assert not clashes, clashes


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Mỹ", "US"),
        ("Hoa Kỳ", "US"),
        ("Cam-pu-chia", "KH"),
        ("Liên bang Nga", "RU"),
        ("Vương quốc Campuchia", "KH"),
        ("Cộng hòa Chile", "CL"),
        ("Triều Tiên", "KP"),
        ("Hàn Quốc", "KR"),
        ("Liên Xô", "RU"),
        ("Úc", "AU"),
        ("Côn Minh", "CN"),
        ("Santiago de Chile", "CL"),
        ("New York", "US"),
        ("Cộng hòa Dân chủ Nhân dân Lào", "LA"),
        ("Cộng hòa Liên bang Đức", "DE"),
        ("Liên hiệp Vương quốc Anh và Bắc Ireland", "GB"),
        ("Ô-xtrây-li-a", "AU"),
        ("Mi-an-ma", "MM"),
        ("Niu Di-lân", "NZ"),
        ("Timor-Leste", "TL"),
        ("A-rập Xê-út", "SA"),
        ("Thổ Nhĩ Kỳ", "TR"),
        ("U-crai-na", "UA"),
        ("Bắc Kinh", "CN"),
        ("Viêng Chăn", "LA"),
        ("Phnom Penh", "KH"),
        ("Mát-xcơ-va", "RU"),
        ("Điện Kremlin", "RU"),
        ("Nhà Trắng", "US"),
        ("Xiêm Riệp", "KH"),
        ("Luông Pha Băng", "LA"),
        ("La Habana", "CU"),
        ("Đài Bắc", "TW"),
        ("Hồng Kông", "HK"),
        ("Tòa Thánh", "VA"),
        ("Nhà nước Palestine", "PS"),
    ],
)
def test_press_forms_map_to_code(form_to_code, form, code):
    assert form_to_code.get(_key(form)) == code


@pytest.mark.parametrize(("code", "form"), [("GB", "Anh"), ("IT", "Ý"), ("CZ", "Séc"), ("US", "Mỹ")])
def test_ambiguous_forms_are_flagged(countries, code, form):
    row = next(r for r in countries if r["code"] == code)
    assert f"ambiguous:{form}" in _split(row["note"], ";")
