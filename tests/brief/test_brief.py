"""Partner and period briefs: every written line cites its source and quotes the sentence (own pages in the
genre, on a real SQLite knowledge base; the shared corpus when it is here)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.brief.fixtures import PAGES
from tests.cli.conftest import doingoai

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DOINGOAI_SHARED", ROOT.parent / "shared"))

_CITED = re.compile(r"^- .+ — “.+” \([^,]+, [^,]+, <[^>]+>\)$")


def _check_every_line_cited(text: str) -> int:
    """Every line is a heading or a bullet ending with “quote” (outlet, date, <address>); returns the bullets."""
    bullets = 0
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        assert _CITED.match(line), line
        bullets += 1
    return bullets


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("pages")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path_factory.mktemp("kb") / "kb.sqlite")
    ran = doingoai("ingest", str(folder), "--db", db, "-q")
    assert ran.returncode == 0, ran.stderr
    return db


def test_partner_brief_in_english_cites_every_line(small_kb: str) -> None:
    ran = doingoai("brief", "TH", "--lang", "en", "--db", small_kb)
    assert ran.returncode == 0, ran.stderr
    assert _check_every_line_cited(ran.stdout) >= 3
    assert ran.stdout.startswith("# Partner brief: Thailand (TH)")
    assert "Prime Minister Phạm Minh Chính held talks with Thai Prime Minister Paetongtarn Shinawatra" in ran.stdout
    assert "## Last top-level contact" in ran.stdout
    assert "Vietnam and Thailand target two-way trade of USD 25 billion." in ran.stdout
    assert "## Protests: none in the knowledge base" in ran.stdout


def test_partner_brief_in_vietnamese_and_since(small_kb: str) -> None:
    ran = doingoai("brief", "Thái Lan", "--since", "2025-04", "--db", small_kb)
    assert ran.returncode == 0, ran.stderr
    _check_every_line_cited(ran.stdout)
    assert "Hồ sơ đối tác: Thái Lan (TH)" in ran.stdout
    assert "hội đàm" in ran.stdout
    assert "Urawadee" not in ran.stdout  # the March reception is before --since


def test_protests_name_their_target(small_kb: str) -> None:
    ran = doingoai("brief", "CN", "--lang", "en", "--db", small_kb)
    assert ran.returncode == 0, ran.stderr
    _check_every_line_cited(ran.stdout)
    protests = ran.stdout.split("## Protests", 1)[1]
    assert "protested against actions by China" in protests
    assert "(target: China)" in protests


def test_html_brief_escapes_and_links(small_kb: str) -> None:
    ran = doingoai("brief", "TH", "--lang", "en", "--format", "html", "--db", small_kb)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("<!DOCTYPE html>")
    assert ran.stdout.count("<li>") == ran.stdout.count("<cite>") >= 3


def test_period_brief_shows_the_yardsticks_against_a_year_before(small_kb: str) -> None:
    ran = doingoai("brief", "--period", "2025-H1", "--lang", "en", "--db", small_kb)
    assert ran.returncode == 0, ran.stderr
    _check_every_line_cited(ran.stdout)
    for label in ("Delegations out", "Delegations in", "Top-level contacts", "Phone calls", "Documents signed",
                  "Upgrades"):
        assert f"## {label}" in ran.stdout
    # the talks of 16 May and the reception of 11 March are top-level contacts; nothing in 2024-H1
    assert "## Top-level contacts: 2 (2024-H1: 0; +2)" in ran.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["brief", "TH", "--format", "pdf"], "pdf: not offered"),
    (["brief"], "give a partner"),
    (["brief", "TH", "--period", "2025"], "give a partner"),
    (["brief", "--period", "2025-H3"], "a half (2025-H1)"),
    (["brief", "TH", "--lang", "fr"], "--lang 'fr'"),
    (["brief", "Atlantis"], "unknown state"),
])
def test_bad_options_are_refused_in_one_line(small_kb: str, args: list[str], message: str) -> None:
    ran = doingoai(*args, "--db", small_kb)
    assert ran.returncode == 2
    assert message in ran.stderr


@pytest.mark.skipif(not (SHARED / "corpus" / "dev2" / "dev2.jsonl").exists(), reason="the shared corpus is not here")
def test_corpus_brief_of_the_philippines_cites_every_line(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    corpus = SHARED / "corpus"
    ran = doingoai("ingest", str(corpus / "seeds"), str(corpus / "dev" / "dev.jsonl"),
                   str(corpus / "dev2" / "dev2.jsonl"), "--db", db, "-q")
    assert ran.returncode == 0, ran.stderr
    ran = doingoai("brief", "PH", "--lang", "en", "--db", db)
    assert ran.returncode == 0, ran.stderr
    assert _check_every_line_cited(ran.stdout) >= 5
    assert "## Current level: strategic partnership" in ran.stdout
    ran = doingoai("brief", "--period", "2025-H1", "--lang", "en", "--db", db)
    assert ran.returncode == 0, ran.stderr
    _check_every_line_cited(ran.stdout)
    assert re.search(r"^## Top-level contacts: \d+ \(2024-H1: \d+; [+-]\d+\)$", ran.stdout, re.M)


def test_protests_are_filterable_in_english_and_in_the_plover_export(small_kb: str) -> None:
    import json

    ran = doingoai("events", "--type", "protest", "--country", "CN", "--lang", "en", "-f", "jsonl", "--db", small_kb)
    assert ran.returncode == 0, ran.stderr
    [row] = [json.loads(line) for line in ran.stdout.splitlines()]
    assert row["type"] == "protest"
    assert row["en"] == ("On 10 July 2025, Foreign Ministry Spokesperson Phạm Thu Hằng protested against actions "
                         "by China.")
    ran = doingoai("export", "plover", "-o", "-", "-f", "jsonl", "--db", small_kb)
    [plover] = [r for r in map(json.loads, ran.stdout.splitlines()) if r["doingoai_type"] == "protest"]
    assert (plover["source_actor"], plover["target_actor"], plover["cameo_code"]) == ("VNM", "CHN", "114")


def test_events_table_in_english_and_the_en_column_of_exports(small_kb: str) -> None:
    import json

    ran = doingoai("events", "--country", "TH", "--lang", "en", "--db", small_kb, columns=400)
    assert ran.returncode == 0, ran.stderr
    assert "President Lương Cường received Thai Ambassador Urawadee Sriphiromya." in ran.stdout
    rows = [json.loads(line) for line in doingoai("export", "events", "-o", "-", "-f", "jsonl", "--db",
                                                  small_kb).stdout.splitlines()]
    assert all(r["en"].endswith(".") for r in rows)
    assert any(r["en"].startswith("On the morning of 16 May 2025 in Hanoi, Prime Minister Phạm Minh Chính held talks")
               for r in rows)
    figures = [json.loads(line) for line in doingoai("export", "figures", "-o", "-", "-f", "jsonl", "--db",
                                                     small_kb).stdout.splitlines()]
    assert [f["en"] for f in figures] == ["Vietnam and Thailand target two-way trade of USD 25 billion."]
