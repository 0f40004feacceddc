"""The name-matching rule and the title spellings the knowledge base resolves people with (pure functions)."""

from __future__ import annotations

import pytest

from doingoai.lexicon import word_sets
from doingoai.resolve.people import name_key, same_name
from doingoai.resolve.titles import canonical_title


@pytest.mark.parametrize(("a", "b"), [
    ("Meynardo Los Banos Montealegre", "Maynardo L.B. Montealegre"),  # a vowel of transliteration, initials
    ("Miguel Díaz-Canel", "Miguel Diaz-Canel Bermudez"),  # accents, a second surname
    ("Miguel Díaz-Canel Bermúdez", "Miguel Diaz-Canel Bermudez"),
    ("Gabriel Boric", "Gabriel Boric Font"),
    ("Antony J. Blinken", "Antony Blinken"),  # a middle initial
    ("Lee Jae Myung", "Lee Jae-myung"),
    ("Tô Lâm", "To Lam"),  # the same key
    ("Li Qiang", "Lý Cường"),  # one officeholder in two scripts
    ("Thongloun Sisoulith", "Thongloun Sisolith"),
])
def test_one_person(a: str, b: str) -> None:
    assert same_name(a, b)
    assert same_name(b, a)


@pytest.mark.parametrize(("a", "b"), [
    ("Lý Cường", "Lý Khắc Cường"),  # two premiers whose names nest
    ("Nguyễn Văn An", "Nguyễn An"),  # Vietnamese names merge only when equal
    ("Ferdinand Marcos Jr.", "Imee Marcos"),  # a shared surname
    ("Ferdinand Marcos Sr.", "Ferdinand Marcos Jr."),  # father and son
    ("Joe Biden", "Jill Biden"),
    ("Hun Sen", "Hun Manet"),
    ("Kim Jong Un", "Kim Jong Il"),
    ("Peter Hansen", "Peter Jansen"),  # a consonant makes another name
    ("Kenji Sato12", "Kenji Sato13"),
    ("Thongloun Sisoulith", "Thounglun Sisolith"),  # two changes: left to the user's corrections
    ("Montealegre", "Meynardo Los Banos Montealegre"),  # a lone surname is the resolver's, with a state
])
def test_two_people(a: str, b: str) -> None:
    assert not same_name(a, b)
    assert not same_name(b, a)


@pytest.mark.parametrize(("printed", "canonical"), [
    ("Chủ tịch QH", "Chủ tịch Quốc hội"),
    ("Tổng bí thư", "Tổng Bí thư"),
    ("Bí thư Thứ nhất, Chủ tịch nước", "Bí thư thứ nhất, Chủ tịch nước"),
    ("Bộ trưởng Văn hóa, Thể thao và Du lịch", "Bộ trưởng Văn hóa, Thể thao và Du lịch"),  # one title with a comma
    ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Thanh Hải", "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Thanh Hải"),
])
def test_titles_in_one_spelling(printed: str, canonical: str) -> None:
    assert canonical_title(printed) == canonical


def test_the_resolver_word_sets_are_name_keys() -> None:
    words = word_sets("patterns_resolve.yaml")
    for name in ("generational_suffixes", "transliteration_vowels"):
        entries = getattr(words, name)
        assert entries
        assert all(name_key(w) == w and w.isalpha() for w in entries), name
    assert all(len(v) == 1 for v in words.transliteration_vowels)
