"""The people of the knowledge base in memory, so that a batch's participants are resolved without a query
each: names, the tokens of names, the officeholders they are, and the user's aliases.

Refreshed once per batch: new names are read incrementally (by id); a merge or a deletion by another
process (the count no longer adds up) reloads the whole index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from doingoai.model import Participant
from doingoai.resolve.people import compatible, generational_suffixes, name_key, officeholder, vietnamese_spelling
from doingoai.store import schema as s

__all__ = ["People", "PersonRec"]

_MIN_TOKEN = 3  # shorter words ("le", "kim") say too little to look a person up by


@dataclass(eq=False, slots=True)
class PersonRec:
    """A person as the batch knows it; ``id`` is None until the batch is written."""

    id: int | None
    name: str
    country: str | None
    names: dict[str, str] = field(default_factory=dict)  # key -> spelling
    new_names: list[tuple[str, str]] = field(default_factory=list)  # (spelling, key) to insert
    offices: set[str] = field(default_factory=set)  # officeholder identities of its names
    dirty: bool = False  # name or country changed


def _edges(key: str) -> set[str]:
    """The first and last words of a name key, generational suffixes aside ("ferdinand marcos jr": marcos)."""
    words = [w for w in key.split() if w not in generational_suffixes()]
    return {words[0], words[-1]} if words else set()


def _country_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


class People:
    def __init__(self) -> None:
        self.generation = 0  # one more at each reload: records of an earlier generation are stale
        self._reset()

    def _reset(self) -> None:
        self.generation += 1
        self.by_id: dict[int, PersonRec] = {}
        self.by_key: dict[str, list[PersonRec]] = defaultdict(list)
        self.by_token: dict[tuple[str | None, str], set[PersonRec]] = defaultdict(set)
        self.by_office: dict[str, PersonRec] = {}
        self.aliases: dict[str, str] = {}  # alias key -> canonical key
        self.reverse: dict[str, set[str]] = defaultdict(set)  # canonical key -> alias keys
        self._names = 0
        self._max_name_id = 0

    # --- loading ---------------------------------------------------------------------------------------

    def refresh(self, conn: Connection) -> None:
        """Bring the index in step with the database (call at the start of each batch)."""
        count, top = conn.execute(select(func.count(), func.max(s.PersonName.id))).one()
        top = top or 0
        if (count, top) != (self._names, self._max_name_id):
            rows = conn.execute(select(s.PersonName.id, s.PersonName.person_id, s.PersonName.name,
                                       s.PersonName.key, s.Person.name, s.Person.country)
                                .join(s.Person, s.Person.id == s.PersonName.person_id)
                                .where(s.PersonName.id > self._max_name_id).order_by(s.PersonName.id)).all()
            if self._names + len(rows) != count:  # something was merged or deleted: start over
                self._reset()
                rows = conn.execute(select(s.PersonName.id, s.PersonName.person_id, s.PersonName.name,
                                           s.PersonName.key, s.Person.name, s.Person.country)
                                    .join(s.Person, s.Person.id == s.PersonName.person_id)
                                    .order_by(s.PersonName.id)).all()
            for name_id, person_id, spelling, key, person_name, country in rows:
                rec = self.by_id.get(person_id)
                if rec is None:
                    rec = self.by_id[person_id] = PersonRec(person_id, person_name, country)
                self._index(rec, key, spelling)
                self._max_name_id = max(self._max_name_id, name_id)
            self._names = count
        self.aliases.clear()
        self.reverse.clear()
        for alias_key, canonical_key in conn.execute(select(s.PersonAlias.alias_key, s.PersonAlias.canonical_key)):
            self.aliases[alias_key] = canonical_key
            self.reverse[canonical_key].add(alias_key)

    def _index(self, rec: PersonRec, key: str, spelling: str) -> None:
        rec.names[key] = spelling
        if rec not in self.by_key[key]:
            self.by_key[key].append(rec)
        for token in key.split():
            if len(token) >= _MIN_TOKEN:
                self.by_token[(rec.country, token)].add(rec)
        office = officeholder(spelling)
        if office:
            rec.offices.add(office)
            self.by_office.setdefault(office, rec)

    def forget_new(self) -> None:
        """Drop what a failed batch added (people and names not written): the next refresh reloads."""
        self._reset()

    # --- resolving -------------------------------------------------------------------------------------

    def resolve(self, p: Participant) -> PersonRec:
        """The person ``p`` names: known under this spelling, an alias, the same officeholder, or a compatible
        spelling (``doingoai.resolve.people``) — else a new person."""
        key = name_key(p.name) or p.name
        found = self._find(p, key)
        if found is None:
            found = PersonRec(None, p.name, p.country)
        self.add_name(found, p.name, key)
        if found.country is None and p.country:
            found.country = p.country
            found.dirty = found.id is not None
            for k in found.names:
                for token in k.split():
                    if len(token) >= _MIN_TOKEN:
                        self.by_token[(found.country, token)].add(found)
        return found

    def add_name(self, rec: PersonRec, spelling: str, key: str) -> None:
        if key in rec.names:
            return
        rec.new_names.append((spelling, key))
        self._index(rec, key, spelling)
        if len(spelling) > len(rec.name):
            rec.name = spelling  # the fullest spelling names the person
            rec.dirty = rec.id is not None

    def _find(self, p: Participant, key: str) -> PersonRec | None:
        target = self.aliases.get(key, key)
        aliased = target != key or key in self.reverse
        for k in (target, key, *sorted(self.reverse.get(target, ()))):
            for rec in self.by_key.get(k, ()):
                if aliased or _country_ok(p.country, rec.country):
                    return rec
        office = officeholder(p.name)
        if office:
            holder = self.by_office.get(office)
            if holder is not None and _country_ok(p.country, holder.country):
                return holder
        if not p.country or vietnamese_spelling(p.name):
            return None
        tokens = [t for t in key.split() if len(t) >= _MIN_TOKEN]
        candidates: set[PersonRec] = set()
        for token in tokens:
            candidates |= self.by_token.get((p.country, token), set())
        if len(key.split()) == 1:
            # a lone surname ("Montealegre"): the one person of that state whose name starts or ends with it,
            # and nobody when that is several people or an officeholder the table does not list it for
            found = [rec for rec in candidates if rec.country == p.country and any(
                _edges(k) & {key} for k in rec.names)]
            if len(found) == 1 and found[0].offices:
                return None
        else:
            found = [rec for rec in candidates if rec.country == p.country and self._fits(p.name, office, rec)]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _fits(name: str, office: str | None, rec: PersonRec) -> bool:
        if office and rec.offices and office not in rec.offices:
            return False  # two different officeholders
        return any(not vietnamese_spelling(other) and compatible(name, other) for other in rec.names.values())
