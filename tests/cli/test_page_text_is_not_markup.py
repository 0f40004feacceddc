"""Page text is shown as it is, never acted on (issue 12, item 3): Rich markup ("[bold]", "[link=...]"),
terminal escape sequences, control characters and bidirectional overrides in a page reach every table
command as plain characters or not at all, and no command fails on them."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import db_url, doingoai  # noqa: F401  (db_url: SQLite and PostgreSQL)
from tests.store import fixtures as fx

ESC = "\x1b"
# A reception whose evidence, title, names and text carry what a terminal or Rich would act on.
PAGE = ("[bold]Tổng Bí thư[/bold] tiếp Đại sứ Lào [link=http://evil.example]bấm[/link]\n"
        "Thứ Ba, 04/06/2024 10:00\n\n"
        f"Sáng 3/6, tại Hà Nội, Tổng Bí thư Tô Lâm đã tiếp Đại sứ Lào tại Việt Nam Khamphao Ernthavanh "
        f"[/bold] [red]đỏ[/red] {ESC}]8;;http://evil.example{ESC}\\liên kết{ESC}]8;;{ESC}\\ {ESC}[2J "
        "\u202egnạh\u202c :smile: kết thúc.\n")


def _shows_nothing_unsafe(out: str) -> None:
    assert ESC not in out, "an escape sequence from the page reached the terminal"
    assert "\u202e" not in out, "a bidirectional override reached the terminal"
    assert "\u202c" not in out, "a bidirectional override reached the terminal"


def test_every_table_command_shows_page_text_as_text(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    pages = fx.write(tmp_path / "pages", [("markup.txt", PAGE)])
    done = doingoai("ingest", *pages, "--db", db_url)
    assert done.returncode == 0, done.stderr
    for args in (["events"], ["country", "LA"], ["person", "Tô Lâm"], ["search", "Khamphao"]):
        ran = doingoai(*args, "--db", db_url, columns=400)
        assert ran.returncode == 0, (args, ran.stderr)
        _shows_nothing_unsafe(ran.stdout)
        assert "internal error" not in ran.stderr
    # markup in the page is printed as the characters the page holds, not applied
    found = doingoai("search", "Khamphao", "--db", db_url, columns=400).stdout
    assert "[bold]Tổng Bí thư[/bold]" in found
    assert "[link=http://evil.example]" in found
    assert "[/bold] [red]đỏ[/red]" in found
    partner = doingoai("country", "LA", "--db", db_url, columns=400).stdout
    assert "[/bold] [red]đỏ[/red]" in partner  # the last top-level contact's evidence


def test_extract_table_shows_the_title_as_text(tmp_path: Path) -> None:
    page = tmp_path / "markup.txt"
    page.write_text(PAGE, encoding="utf-8")
    ran = doingoai("extract", str(page), "--format", "table", columns=400)
    assert ran.returncode == 0, ran.stderr
    assert "[bold]Tổng Bí thư[/bold]" in ran.stdout
    _shows_nothing_unsafe(ran.stdout)
