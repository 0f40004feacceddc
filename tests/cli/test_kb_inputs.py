"""Every input of the query commands is checked: a typo is an error that names it, never an empty result
(issue 11, item 1), and every query command also speaks JSON Lines (item 5). Run on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Ran, doingoai


def _json(*args: str) -> list[dict[str, object]]:
    done = doingoai(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _ids(kb: str, *args: str) -> list[int]:
    return [int(str(e["id"])) for e in _json("events", *args, "--db", kb)]


def _refused(done: Ran, *words: str) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    err = done.stderr
    assert "internal error" not in err
    assert "Traceback" not in err
    for w in words:
        assert w in err, (w, err)


def test_one_state_resolver_for_the_argument_and_the_filter(kb: str) -> None:
    for name in ("Mỹ", "Hoa Kỳ", "US", "usa", "USA", "United States"):
        profile = json.loads(doingoai("country", name, "--format", "json", "--db", kb).stdout)
        assert profile["code"] == "US", name
    for name in ("Úc", "Australia", "AUS", "Ô-xtrây-li-a"):
        profile = json.loads(doingoai("country", name, "--format", "json", "--db", kb).stdout)
        assert profile["code"] == "AU", name
        assert profile["current_level"] == "comprehensive_strategic_partnership"
    chile = _ids(kb, "--country", "CL")
    assert chile
    for name in ("Chile", "CHL", "chl", "Chi-lê"):
        assert _ids(kb, "--country", name) == chile, name
    philippines = _ids(kb, "--country", "PH")
    assert philippines
    assert _ids(kb, "--country", "Philippines") == _ids(kb, "--country", "PHL") == philippines
    # "Nga" is Russia in Vietnamese, NGA Nigeria's ISO code: capitals make it a code
    assert json.loads(doingoai("country", "Nga", "-f", "json", "--db", kb).stdout)["code"] == "RU"
    assert json.loads(doingoai("country", "NGA", "-f", "json", "--db", kb).stdout)["code"] == "NG"


def test_unknown_states_are_errors_naming_the_value(kb: str) -> None:
    _refused(doingoai("country", "XX", "--db", kb), "'XX'", "unknown state")
    _refused(doingoai("country", "Atlantis", "--db", kb), "'Atlantis'")
    _refused(doingoai("events", "--country", "QQ", "--db", kb), "--country 'QQ'", "unknown state")


def test_type_status_and_body_are_checked_case_insensitively(kb: str) -> None:
    calls = _ids(kb, "--type", "courtesy_call")
    assert calls
    for spelling in ("courtesy call", "Courtesy-Call", "COURTESY_CALL", "hội kiến"):
        assert _ids(kb, "--type", spelling) == calls, spelling
    _refused(doingoai("events", "--type", "chat", "--db", kb), "--type 'chat'", "courtesy_call", "reception")
    planned = _ids(kb, "--status", "planned")
    occurred = _ids(kb, "--status", "Occurred")
    assert occurred
    assert set(planned).isdisjoint(occurred)
    assert _ids(kb, "--status", "PLANNED") == planned
    _refused(doingoai("events", "--status", "done", "--db", kb), "--status 'done'", "occurred, planned")
    un = _ids(kb, "--body", "UN")
    assert un
    assert _ids(kb, "--body", "un") == _ids(kb, "--body", "Liên hợp quốc") == un
    _refused(doingoai("events", "--body", "Galactic Senate", "--db", kb), "--body 'Galactic Senate'", "ASEAN")


def test_help_lists_the_valid_values() -> None:
    shown = doingoai("events", "--help").stdout
    for value in ("courtesy_call", "relation_upgrade", "occurred, planned", "ASEAN", "Mekong-Lancang"):
        assert value in shown, value


@pytest.mark.parametrize(("option", "value"), [
    ("--since", "2024-13"), ("--since", "2024-02-30"), ("--since", "yesterday"), ("--until", "2024-00"),
    ("--until", "24-09"), ("--since", "2023-02-29"),
])
def test_impossible_dates_are_errors(kb: str, option: str, value: str) -> None:
    _refused(doingoai("events", option, value, "--db", kb), f"{option} {value!r}")


def test_a_range_after_its_end_is_an_error(kb: str) -> None:
    _refused(doingoai("events", "--since", "2025", "--until", "2024-06", "--db", kb), "after")


def test_dates_select_events_whose_interval_overlaps_the_range(kb: str) -> None:
    """The visit lasts from 21 to 27 September 2024: any range that meets that week finds it."""
    events = _json("events", "--type", "visit", "--country", "US", "--db", kb)
    visit = next(e for e in events if e["date_start"] == "2024-09-21")
    assert visit["date_end"] == "2024-09-27"
    for since, until in (("2024-09-25", "2024-09-30"), ("2024-09-27", "2024-09-27"), ("2024-09", "2024-09"),
                         ("2024-09-01", "2024-09-21"), ("2024", "2024")):
        assert visit["id"] in _ids(kb, "--since", since, "--until", until), (since, until)
    for since, until in (("2024-09-28", "2024-12"), ("2024-01", "2024-09-20")):
        assert visit["id"] not in _ids(kb, "--since", since, "--until", until), (since, until)
    # one-day events still follow their day: the talks of 25/9 are in September, not in October
    assert {e["date_start"] for e in _json("events", "--since", "2024-09-25", "--until", "2024-09-25",
                                           "--type", "talks", "--db", kb)} == {"2024-09-25"}
    assert not _json("events", "--since", "2024-10", "--until", "2024-10", "--type", "talks", "--db", kb)


def test_stats_compare_checks_the_period_and_shows_the_change(kb: str) -> None:
    _refused(doingoai("stats", "--by", "month", "--compare", "2024-13", "--db", kb), "--compare '2024-13'")
    _refused(doingoai("stats", "--by", "year", "--compare", "2024-Q3", "--db", kb), "quarter", "--by is year")
    _refused(doingoai("stats", "--compare", "last year", "--db", kb), "--compare 'last year'")
    _refused(doingoai("stats", "--by", "week", "--db", kb), "--by 'week'")
    rows = _json("stats", "--by", "year", "--compare", "2018", "--db", kb)
    assert [r["period"] for r in rows] == ["2018", "2025", "change 2018→2025"]
    for metric in ("visits_abroad", "visits_received", "top_level_contacts", "phone_calls", "agreements"):
        assert rows[2][metric] == rows[1][metric] - rows[0][metric], metric
    # a valid period without events is a row of zeros, not a missing row
    empty = _json("stats", "--by", "quarter", "--compare", "2019-q2", "--db", kb)
    assert empty[0]["period"] == "2019-Q2"
    assert not any(empty[0][m] for m in ("visits_abroad", "top_level_contacts", "upgrades"))
    table = doingoai("stats", "--by", "year", "--compare", "2018", "--db", kb).stdout
    assert "change 2018→2025" in table


def test_user_mistakes_get_a_message_not_an_internal_error(kb: str, tmp_path: object) -> None:
    _refused(doingoai("events", "--limit", "99999999999999999999", "--db", kb), "--limit")
    _refused(doingoai("search", "Lâm", "--limit", "99999999999999999999", "--db", kb), "--limit")
    _refused(doingoai("export", "events", "--output", "/no/such/folder/e.csv", "--db", kb), "does not exist",
             "/no/such/folder")
    for size in ("1e20", "nan", "inf", "0"):
        _refused(doingoai("ingest", "x.txt", "--max-size", size, "--db", kb), "--max-size")
        _refused(doingoai("extract", "x.txt", "--max-size", size), "--max-size")


@pytest.mark.parametrize("args", [("events",), ("country", "AU"), ("person", "Tô Lâm"), ("stats",),
                                  ("search", "Canberra")])
def test_every_query_command_speaks_json_lines(kb: str, args: tuple[str, ...]) -> None:
    lines = doingoai(*args, "--format", "jsonl", "--db", kb)
    assert lines.returncode == 0, lines.stderr
    records = [json.loads(line) for line in lines.stdout.splitlines()]
    whole = json.loads(doingoai(*args, "--format", "json", "--db", kb).stdout)
    assert records == (whole if isinstance(whole, list) else [whole])
    assert records


def test_a_state_with_no_data_is_told_apart_from_a_typo(kb: str) -> None:
    done = doingoai("country", "Bra-xin", "--db", kb)
    assert done.returncode == 0
    assert "the knowledge base holds nothing on Brazil (BR) yet" in done.stderr
    assert "holds nothing" not in doingoai("country", "Úc", "--db", kb).stderr


def test_an_unknown_person_is_an_error_not_an_empty_list(kb: str) -> None:
    assert _ids(kb, "--person", "to lam")
    _refused(doingoai("events", "--person", "Tô Lầm Lũi", "--db", kb), "--person 'Tô Lầm Lũi'", "nobody")
