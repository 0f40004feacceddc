"""A user's corrections of who is who: ``doingoai person --merge A B`` and alias files.

A correction is stored twice: the two records are merged now, and the alias (every spelling of the merged
person -> the kept person's name) is kept in ``person_aliases``, which the resolver reads before any rule.
So a correction survives ``ingest --reprocess`` and applies to pages ingested later, even to a knowledge
base rebuilt from the same alias file.

Alias file format (UTF-8, tab-separated, one correction a line; ``#`` starts a comment line; an optional
header line ``alias<TAB>canonical``)::

    # alias	canonical
    Thounglun Sisolith	Thongloun Sisoulith
    Li Qiang	Lý Cường
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from doingoai.errors import UsageError
from doingoai.resolve.people import name_key
from doingoai.store import schema as s

__all__ = ["Alias", "apply_aliases", "merge_people", "read_alias_file"]


@dataclass(frozen=True, slots=True)
class Alias:
    alias: str
    canonical: str


def read_alias_file(path: Path) -> list[Alias]:
    """The corrections of an alias file; a malformed line is an error naming the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UsageError(f"alias file {path} does not exist") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"alias file {path} cannot be read as UTF-8 text: {exc}") from exc
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if [c.casefold() for c in cells] == ["alias", "canonical"]:
            continue
        if len(cells) != 2 or not all(cells):
            raise UsageError(f"{path}:{number}: expected two tab-separated names (alias, canonical), got {line!r}")
        if not name_key(cells[0]) or not name_key(cells[1]):
            raise UsageError(f"{path}:{number}: {line!r} has no letters in a name")
        if name_key(cells[0]) == name_key(cells[1]):
            raise UsageError(f"{path}:{number}: {cells[0]!r} and {cells[1]!r} are the same name already")
        out.append(Alias(cells[0], cells[1]))
    if not out:
        raise UsageError(f"alias file {path} holds no correction (lines: alias<TAB>canonical)")
    return out


def _exact(session: Session, name: str) -> list[s.Person]:
    return list(session.scalars(select(s.Person).join(s.PersonName).where(s.PersonName.key == name_key(name))
                                .order_by(s.Person.id)).unique().all())


def _one(session: Session, name: str) -> s.Person:
    """The one person a name designates (any spelling of theirs, diacritics optional)."""
    found = _exact(session, name)
    if not found:
        words = name_key(name).split()
        query = select(s.Person).join(s.PersonName)
        for w in words:
            query = query.where(s.PersonName.key.contains(w, autoescape=True))
        found = list(session.scalars(query.order_by(s.Person.id)).unique().all()) if words else []
    if not found:
        raise UsageError(f"nobody called {name!r} in the knowledge base")
    if len(found) > 1:
        listed = "; ".join(f"{p.name} ({p.country or '?'})" for p in found[:8])
        raise UsageError(f"{name!r} names {len(found)} people ({listed}): give a fuller spelling")
    return found[0]


def _record(session: Session, alias: str, canonical: str) -> None:
    key = name_key(alias)
    row = session.get(s.PersonAlias, key)
    if row is None:
        session.add(s.PersonAlias(alias_key=key, alias=alias, canonical=canonical, canonical_key=name_key(canonical)))
    else:
        row.alias, row.canonical, row.canonical_key = alias, canonical, name_key(canonical)
    # a name that was canonical for others now points on: keep every alias one step from its person
    for other in session.scalars(select(s.PersonAlias).where(s.PersonAlias.canonical_key == key)):
        other.canonical, other.canonical_key = canonical, name_key(canonical)
    session.flush()


def _merge(session: Session, keep: s.Person, other: s.Person) -> None:
    """Move everything of ``other`` onto ``keep`` and delete ``other``."""
    ep, pt, pn = s.EventParticipant, s.PersonTitle, s.PersonName
    both = select(ep.event_id).where(ep.person_id == keep.id)
    session.execute(delete(ep).where(ep.person_id == other.id, ep.event_id.in_(both)))
    session.execute(update(ep).where(ep.person_id == other.id).values(person_id=keep.id))
    held = {t.title: t for t in keep.titles}
    for t in list(other.titles):
        mine = held.get(t.title)
        if mine is None:
            continue
        mine.mentions = (mine.mentions or 0) + (t.mentions or 0)
        mine.first_seen = min(filter(None, [mine.first_seen, t.first_seen]), default=None)
        mine.last_seen = max(filter(None, [mine.last_seen, t.last_seen]), default=None)
        session.delete(t)
    session.flush()
    session.execute(update(pt).where(pt.person_id == other.id).values(person_id=keep.id))
    session.execute(update(s.PersonMention).where(s.PersonMention.person_id == other.id).values(person_id=keep.id))
    keys = {n.key for n in keep.names}
    session.execute(delete(pn).where(pn.person_id == other.id, pn.key.in_(keys)))
    session.execute(update(pn).where(pn.person_id == other.id).values(person_id=keep.id))
    if len(other.name) > len(keep.name):
        keep.name = other.name  # the fullest spelling names the person
    keep.country = keep.country or other.country
    session.flush()
    session.expire(keep)
    session.execute(delete(s.Person).where(s.Person.id == other.id))
    session.expunge(other)
    session.flush()


def merge_people(session: Session, keep_name: str, other_name: str) -> s.Person:
    """Merge the person called ``other_name`` into the one called ``keep_name``; every spelling of the merged
    person becomes an alias of the kept one. Returns the kept person."""
    keep, other = _one(session, keep_name), _one(session, other_name)
    if keep.id == other.id:
        raise UsageError(f"{keep_name!r} and {other_name!r} are one person already ({keep.name})")
    spellings = [n.name for n in other.names]
    canonical = keep.name
    _merge(session, keep, other)
    for spelling in spellings:
        _record(session, spelling, canonical)
    return keep


def apply_aliases(session: Session, aliases: list[Alias]) -> list[str]:
    """Store the corrections and merge the records they join now; one line of report per correction."""
    report = []
    for a in aliases:
        _record(session, a.alias, a.canonical)
        keep, other = _exact(session, a.canonical), _exact(session, a.alias)
        if len(keep) == 1 and len(other) == 1 and keep[0].id != other[0].id:
            spellings = [n.name for n in other[0].names]
            _merge(session, keep[0], other[0])
            for spelling in spellings:
                if name_key(spelling) != name_key(a.alias):
                    _record(session, spelling, a.canonical)
            report.append(f"merged {a.alias!r} into {a.canonical!r}")
        elif len(keep) > 1 or len(other) > 1:
            report.append(f"recorded {a.alias!r} = {a.canonical!r}; not merged now: a name is several people's "
                          "(use person --merge with fuller spellings)")
        else:
            report.append(f"recorded {a.alias!r} = {a.canonical!r} (applies to pages ingested from now on)")
    return report
