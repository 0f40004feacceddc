"""Hand-written extraction cases (tests/extract/cases/*.yaml): each text with its complete expected record.

A case lists every event (and, when the key is given, every relation and figure) a careful analyst
reads out of the text, following shared/spec/annotation-guide.md. Items marked ``optional`` are
neither required nor counted as errors. Fields a case leaves out are not checked.

Cases the extractor does not handle yet are listed in ``known_gaps.txt`` with the first problem found;
they run as strict xfails that also hold the reason: a listed case that passes fails ("fixed: remove it
from known_gaps.txt"), and so does one whose first problem is no longer the recorded one (a gap that
turns into another error is noticed). Regenerate the list with ``bench/known_gaps.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from doingoai.clean.normalize import normalize
from doingoai.extract import extract
from doingoai.model import Article, Event

CASES_DIR = Path(__file__).parent / "cases"
TODAY = dt.date(2026, 11, 25)


def _load() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            case["_file"] = path.name
            cases.append(case)
    return cases


def _gaps() -> dict[str, str]:
    path = Path(__file__).parent / "known_gaps.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if line.strip() and not line.startswith("#"):
            cid, _, why = line.partition(" ")
            out[cid] = why.strip()
    return out


CASES = _load()
GAPS = _gaps()


def _words(name: str | None) -> set[str]:
    return set(re.findall(r"\w+", (name or "").casefold()))


def _same_person(a: str | None, b: str | None) -> bool:
    ta, tb = _words(a), _words(b)
    return bool(ta and tb) and (ta == tb or (min(len(ta), len(tb)) >= 2 and (ta <= tb or tb <= ta)))


def _parse(s: str | None) -> tuple[int | None, int | None, int | None] | None:
    m = re.fullmatch(r"(\d{4}|-)(?:-(\d{2}))?(?:-(\d{2}))?", s or "")
    if not m:
        return None
    return (None if m.group(1) == "-" else int(m.group(1)), int(m.group(2)) if m.group(2) else None,
            int(m.group(3)) if m.group(3) else None)


def _date_ok(start: str, end: str | None, got: str | None) -> bool:
    """As the project's scorer reads dates: the prediction lies in the expected interval, at its precision."""
    g0, p = _parse(start), _parse(got)
    if g0 is None:
        return True
    if p is None or (g0[0] is not None and p[0] is None):
        return False
    g1 = _parse(end) or g0
    parts = [i for i in range(3) if g0[i] is not None]
    if any(p[i] is None for i in parts):
        return False
    key = lambda d: tuple(d[i] or 0 for i in parts)  # noqa: E731
    return key(g0) <= key(p) <= key(g1)


def _event_key(e: dict[str, Any]) -> tuple[str, frozenset[str], frozenset[str]]:
    return (e["type"], frozenset(e.get("countries") or []), frozenset(e.get("organizations") or []))


def _pred_key(e: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    return (e.type, frozenset(e.countries), frozenset(e.organizations))


def _check_event(want: dict[str, Any], got: Event) -> list[str]:
    problems = []
    for field in ("status", "salience"):
        if field in want and want[field] != getattr(got, field):
            problems.append(f"{field} {getattr(got, field)} != {want[field]}")
    date = want.get("date") or {}
    if date.get("start") and not _date_ok(date["start"], date.get("end"), got.date.start):
        problems.append(f"date.start {got.date.start} not in {date['start']}..{date.get('end')}")
    if date.get("end") and not _date_ok(date["end"], None, got.date.end):
        problems.append(f"date.end {got.date.end} != {date['end']}")
    if date.get("part_of_day") and date["part_of_day"] != got.date.part_of_day:
        problems.append(f"date.part_of_day {got.date.part_of_day} != {date['part_of_day']}")
    place = want.get("place") or {}
    if place.get("country") and place["country"] != got.place.country:
        problems.append(f"place.country {got.place.country} != {place['country']}")
    if "participants" in want:
        names = [p.name for p in got.participants]
        for p in want["participants"] or []:
            if not any(_same_person(p["name"], n) for n in names):
                problems.append(f"missing participant {p['name']} (got {names})")
        for n in names:
            if not any(_same_person(p["name"], n) for p in want["participants"] or []):
                problems.append(f"extra participant {n}")
    return problems


def _compare(case: dict[str, Any]) -> list[str]:
    article = Article(source=case["id"], title=None, published=case.get("published"), outlet=None,
                      text=normalize(case["text"]))
    ex = extract(article, today=TODAY)
    problems: list[str] = []
    preds = list(ex.events)
    wanted = case.get("events") or []
    used: set[int] = set()
    for want in sorted(wanted, key=lambda w: bool(w.get("optional"))):
        key = _event_key(want)
        k = next((i for i, e in enumerate(preds) if i not in used and _pred_key(e) == key), None)
        if k is None:
            if not want.get("optional"):
                problems.append(f"missed event {key[0]} {sorted(key[1])} {sorted(key[2])}")
            continue
        used.add(k)
        problems += [f"{key[0]} {sorted(key[1])}: {p}" for p in _check_event(want, preds[k])]
    problems += [f"spurious event {e.type} {sorted(e.countries)} {sorted(e.organizations)}"
                 for i, e in enumerate(preds) if i not in used]
    if "relations" in case:
        want_r = {(frozenset(r["countries"]), r["level"]): r for r in case["relations"] or []}
        got_r = {(frozenset(r.countries), r.level): r for r in ex.relations}
        for key, r in want_r.items():
            if key not in got_r and not r.get("optional"):
                problems.append(f"missed relation {sorted(key[0])} {key[1]}")
            elif key in got_r and r.get("since") and got_r[key].since != r["since"]:
                problems.append(f"relation {sorted(key[0])} {key[1]} since {got_r[key].since} != {r['since']}")
        problems += [f"spurious relation {sorted(k[0])} {k[1]}" for k in got_r if k not in want_r]
    if "figures" in case:
        remaining = list(ex.figures)
        for f in sorted(case["figures"] or [], key=lambda f: bool(f.get("optional"))):
            hit = next((g for g in remaining if g.kind == f["kind"] and abs(g.value - float(f["value"])) <= 0.01 * max(
                abs(float(f["value"])), 1)), None)
            if hit is None:
                if not f.get("optional"):
                    problems.append(f"missed figure {f['kind']} {f['value']}")
                continue
            remaining.remove(hit)
            for field in ("unit", "qualifier"):
                if field in f and (f[field] or None) != (getattr(hit, field) or None):
                    problems.append(f"figure {f['kind']} {field} {getattr(hit, field)} != {f[field]}")
        optional = [f for f in case["figures"] or [] if f.get("optional")]
        problems += [f"spurious figure {g.kind} {g.value}" for g in remaining
                     if not any(o["kind"] == g.kind for o in optional)]
    return problems


def test_cases_are_many_and_well_formed() -> None:
    assert len(CASES) >= 150
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        for e in c.get("events") or []:
            if e.get("evidence"):
                assert e["evidence"] in c["text"], c["id"]


def test_known_gaps_name_real_cases() -> None:
    assert set(GAPS) <= {c["id"] for c in CASES}


def gap_verdict(case_id: str, recorded: str, problems: list[str]) -> str | None:
    """For a case listed in known_gaps.txt: None when it still fails for the recorded reason, else why not."""
    regen = "check the change, then regenerate the list with: .venv/bin/python bench/known_gaps.py"
    if not problems:
        return f"{case_id} fixed: remove it from known_gaps.txt ({regen})"
    if problems[0].strip() != recorded.strip():
        return (f"{case_id} still fails, but for another reason than known_gaps.txt records:\n"
                f"  recorded: {recorded.strip()}\n  now:      {problems[0].strip()}\n{regen}")
    return None


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    problems = _compare(case)
    if case["id"] in GAPS:
        verdict = gap_verdict(case["id"], GAPS[case["id"]], problems)
        if verdict:
            pytest.fail(verdict)
        pytest.xfail(GAPS[case["id"]])
    assert not problems, f"{case['_file']} {case['id']}: " + "; ".join(problems)
