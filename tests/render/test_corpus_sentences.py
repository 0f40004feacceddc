"""Every event, relation and figure of the shared seeds, dev and dev2 pages gets an English sentence, and a
reviewed sample of them reads word for word as a careful reader wrote it (skipped without the shared corpus)."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from doingoai.config import PipelineConfig
from doingoai.pipeline import extract_paths

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DOINGOAI_SHARED", ROOT.parent / "shared"))
CORPUS = [SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev" / "dev.jsonl",
          SHARED / "corpus" / "dev2" / "dev2.jsonl"]

pytestmark = pytest.mark.skipif(not all(p.exists() for p in CORPUS), reason="the shared corpus is not here")


@cache
def _records() -> list[dict[str, Any]]:
    _, _, results = extract_paths([str(p) for p in CORPUS], PipelineConfig())
    return [r for _, r in results if isinstance(r, dict)]


def _sentences() -> set[str]:
    return {item["en"] for r in _records() for part in ("events", "relations", "figures") for item in r[part]}


# Reviewed by reading each against its Vietnamese evidence: correct English, the right people, titles and dates.
REVIEWED = [
    "On the afternoon of 24 April 2025 at the Party Central Committee's headquarters, General Secretary Tô Lâm "
    "received Philippine Ambassador Meynardo Los Banos Montealegre.",
    "In January 2024, Philippine President Ferdinand Marcos Jr. visited Vietnam.",
    "On 6 November 2024 in Kunming, China, Prime Minister Phạm Minh Chính met Lao Prime Minister Sonexay Siphandone.",
    "On 6 November 2024 in Kunming, China, Prime Minister Phạm Minh Chính attended the GMS conference.",
    "From 21 to 27 September 2024 in Cuba, General Secretary and President Tô Lâm is scheduled to hold talks with "
    "Cuban First Secretary and President Miguel Díaz-Canel.",
    "From 21 to 27 September 2024, General Secretary and President Tô Lâm is scheduled to visit the United States.",
    "On the morning of 4 September 2025 in Beijing, China, President Lương Cường held talks with Chinese General "
    "Secretary and President Xi Jinping.",
    "On the afternoon of 3 September 2025, President Lương Cường met Russian President Vladimir Putin.",
    "On 3 September 2025 in Beijing, China, President Lương Cường met Cambodian King Norodom Sihamoni.",
    "On 16 February 2013, Foreign Minister Phạm Bình Minh held a phone call with US Secretary of State John Kerry.",
    "On the afternoon of 13 January 2026 at the National Assembly House, National Assembly Chairman Trần Thanh Mẫn "
    "received US Ambassador Marc Knapper.",
    "On 6 April 2025 in Tashkent, Uzbekistan, National Assembly Chairman Trần Thanh Mẫn met Russian Federation "
    "Council Speaker Valentina Matvienko.",
    "On 7 March 2024, Vietnam and Australia upgraded their relations to a comprehensive strategic partnership.",
    "On 18 January 1950, Vietnam and China established diplomatic relations.",
    # (the title as printed, "Bí thư thứ nhất Ban Chấp hành Trung ương Đảng Cộng sản Cuba, Chủ tịch nước", 2026-12-08)
    "On 19 July 2022, Cuban General Raúl Castro and First Secretary of the Communist Party of Cuba and President "
    "Miguel Díaz-Canel sent a message to General Secretary Nguyễn Phú Trọng.",
    "In March 2018, a Vietnamese delegation visited Cuba.",
    "From 18 to 20 August 2024 in Beijing, China, Chinese General Secretary and President Xi Jinping received "
    "General Secretary and President Tô Lâm.",
    "From 18 to 20 August 2024 in China, General Secretary and President Tô Lâm is scheduled to pay a courtesy call "
    "on Chinese Premier Li Qiang.",
    "On 16 April 2021, Foreign Minister Bùi Thanh Sơn held a phone call with Chinese State Councilor and Foreign "
    "Minister Wang Yi.",
    "On the afternoon of 5 April 2021, Lao General Secretary and President Thongloun Sisoulith held a phone call "
    "with President Nguyễn Xuân Phúc.",
    "On 22 October 2020, Singaporean Foreign Minister Vivian Balakrishnan sent a message to Deputy Prime Minister "
    "and Foreign Minister Phạm Bình Minh.",
    "On 19 August 2024 at the Great Hall of the People, General Secretary and President Tô Lâm signed an agreement "
    "with Chinese General Secretary and President Xi Jinping.",
    "On 30 September 2025 in Busan, South Korea, South Korean President Lee Jae Myung held talks with Japanese "
    "Prime Minister Shigeru Ishiba.",
    "On 28 October in Hanoi, Secretary of the Hanoi Municipal Party Committee Phạm Quang Nghị received Secretary "
    "of the Qinghai Provincial Party Committee Luo Huining.",
    "On the morning of 27 July in Vientiane, Laos, Lao General Secretary and President Thongloun Sisoulith received "
    "President of the Vietnam Fatherland Front Central Committee Đỗ Văn Chiến.",
    "From 11 to 12 October 2011, German Chancellor Angela Merkel is scheduled to visit Vietnam.",
    "On the afternoon of 11 September 2025 at the Ministry of Foreign Affairs, Acting Foreign Minister Lê Hoài "
    "Trung received Chinese Ambassador He Wei.",
    "On 9 January 2026, Foreign Ministry Spokesperson Phạm Thu Hằng protested against actions by China.",
    "Vietnam and the Philippines have had a strategic partnership since 2015.",
    "Vietnam and the Philippines target two-way trade of USD 10 billion.",
    "Trade between Vietnam and China reached USD 171.9 billion.",
]

_BAD = re.compile(r"\bNone\b|\{|\}|  |_")


def test_every_item_has_an_english_sentence() -> None:
    records = _records()
    events = [e for r in records for e in r["events"]]
    assert len(events) > 100
    for r in records:
        for part in ("events", "relations", "figures"):
            for item in r[part]:
                en = item.get("en")
                assert isinstance(en, str), (r["source"], item)
                assert en[:1].isupper(), en
                assert en.endswith("."), en
                assert not _BAD.search(en), en


def test_every_title_of_the_corpus_is_in_the_english_table() -> None:
    from doingoai.render.titles import english_title

    unknown = {p["title"] for r in _records() for e in r["events"] for p in e["participants"]
               if p["title"] and not english_title(p["title"], p["country"]).known}
    assert unknown == set()


def test_a_reviewed_sample_word_for_word() -> None:
    assert len(REVIEWED) >= 30
    found = _sentences()
    assert [s for s in REVIEWED if s not in found] == []
