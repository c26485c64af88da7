"""Finding persons by name: the key every name is looked up by, and matching a name to a person.

A key is the name lowercased, transliterated to ASCII with unidecode (diacritics stripped,
"Чийгоз" -> "chiigoz"), punctuation turned into spaces and spaces collapsed. Names match when
their keys are equal. A surname alone ("Chiygoz") is a weaker match: it stands for an existing
person only where exactly one person has that surname, since two Chiygoz are two people until a
reviewer says otherwise. Fuzzy matching across spellings is ``habeas.resolve``'s work, not this.
"""

from __future__ import annotations

from collections.abc import Callable

import functools
import re
from typing import Any

from sqlalchemy import ColumnElement, bindparam, or_, select
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.attributes import instance_state
from unidecode import unidecode

from .db import tuples
from .models import Person, PersonAlias

_NOT_KEY = re.compile(r"[^a-z0-9]+")
# Longest chain of merges followed before giving up (a cycle would be a bug elsewhere).
MAX_MERGE_DEPTH = 20


@functools.lru_cache(maxsize=20_000)
def name_key(name: str) -> str:
    """The lookup key of a name: "Akhtem  Chiygöz" -> "akhtem chiygoz" (kept: a writer asks
    for the same names' keys article after article, and unidecode is most of the cost)."""
    return _NOT_KEY.sub(" ", unidecode(name).lower()).strip()


def surname_of(key: str) -> str:
    """The last token of a key ("" for an empty key)."""
    parts = key.split()
    return parts[-1] if parts else ""


def is_single_token(key: str) -> bool:
    return len(key.split()) == 1


def canonical(session: Session, person: Person) -> Person:
    """The person that ``person`` was merged into (itself if never merged)."""
    seen = 0
    while person.merged_into_id is not None and seen < MAX_MERGE_DEPTH:
        person = person_by_id(session, person.merged_into_id)  # type: ignore[assignment]
        seen += 1
    return person


def person_by_id(session: Session, person_id: int) -> Person | None:
    """``session.get(Person, person_id)``: the person the session holds, unexpired, taken from
    its identity map directly (what ``Session.get`` does first, after work of its own that a
    writer repeats some 30 times an article: following merges, comparing names), else
    ``Session.get``."""
    found = session.identity_map.get((Person, (person_id,), None))
    if found is not None and not instance_state(found).expired:
        return found
    return session.get(Person, person_id)


def people_of(session: Session, ids, known: dict[int, tuple[str, int | None]] | None = None
              ) -> dict[int, tuple[str, int | None]]:
    """The name and ``merged_into_id`` of each person of ``ids`` and of every person they
    were merged into, at any depth, by id, read as columns (one statement per level of
    merges), added to ``known`` (those already there not read again). What ``canonical`` and
    a person's name need, without an ORM object each."""
    known = {} if known is None else known
    wanted = {pid for pid in ids if pid not in known}
    for _ in range(MAX_MERGE_DEPTH + 1):
        if not wanted:
            break
        for pid, name, into in tuples(session, _heads(), {"ids": sorted(wanted)}):
            known[pid] = (name, into)
        wanted = {into for pid in wanted if (into := known.get(pid, ("", None))[1]) is not None
                  and into not in known}
    return known


def root_in(people: dict[int, tuple[str, int | None]], person_id: int) -> int:
    """``canonical(...).id`` answered from ``people`` (``people_of``): the id of the person
    ``person_id`` was merged into, itself if never merged."""
    seen = 0
    while (into := people[person_id][1]) is not None and seen < MAX_MERGE_DEPTH:
        person_id = into
        seen += 1
    return person_id


@functools.cache
def _heads():
    return select(Person.id, Person.name, Person.merged_into_id).where(
        Person.id.in_(bindparam("ids", expanding=True)))


def member_roots(session: Session, roots) -> dict[int, int]:
    """Every person id merged into one of ``roots`` (at any depth, the roots included) -> the
    root it was merged into."""
    members = {root: root for root in roots}
    frontier = set(members)
    while frontier:
        found = tuples(session, _merged_into(), {"ids": list(frontier)})
        frontier = set()
        for pid, into in found:
            if pid not in members:
                members[pid] = members[into]
                frontier.add(pid)
    return members


def members_at_once(session: Session, roots) -> dict[int, int]:
    """``member_roots`` in one statement (a recursive query) instead of one per level of
    merges: the same members and roots, in no particular order."""
    if not roots:
        return {}
    return dict(tuples(session, _members_of(), {"roots": list(roots)}))


@functools.cache
def _members_of():
    """Every person merged into one of ``:roots`` at any depth, the roots included, with the
    root (UNION, not UNION ALL: a cycle of merges, a bug elsewhere, ends the walk)."""
    start = select(Person.id.label("id"), Person.id.label("root")).where(
        Person.id.in_(bindparam("roots", expanding=True))).cte("members", recursive=True)
    step = select(Person.id, start.c.root).join(start, Person.merged_into_id == start.c.id)
    members = start.union(step)
    return select(members.c.id, members.c.root)


# The statements a writer sends for every name, built once (building a statement costs more
# of the writer's CPU than SQLite's answer): the values are bound, lists as expanding
# parameters (the same SQL as ``in_`` of a list).
@functools.cache
def _merged_into():
    return select(Person.id, Person.merged_into_id).where(
        Person.merged_into_id.in_(bindparam("ids", expanding=True)))


@functools.cache
def _by_keys():
    keys = bindparam("keys", expanding=True)
    alias_owner = select(PersonAlias.person_id).where(PersonAlias.key.in_(keys))
    return (select(Person).where(or_(Person.key.in_(keys), Person.id.in_(alias_owner)))
            .options(joinedload(Person.aliases)).order_by(Person.id))


@functools.cache
def _by_surname():
    surname = bindparam("surname")
    alias_owner = select(PersonAlias.person_id).where(PersonAlias.surname == surname)
    return (select(Person).where(or_(Person.surname == surname, Person.id.in_(alias_owner)))
            .order_by(Person.id))


def _unique(session: Session, persons: list[Person]) -> list[Person]:
    out: dict[int, Person] = {}
    for person in persons:
        person = canonical(session, person)
        out.setdefault(person.id, person)
    return list(out.values())


def _persons_where(session: Session, condition: Callable[[Any], ColumnElement[bool]]
                   ) -> list[Person]:
    """Persons whose name key or any alias key meets ``condition``, merges followed, by id."""
    alias_owner = select(PersonAlias.person_id).where(condition(PersonAlias.key))
    query = select(Person).where(or_(condition(Person.key), Person.id.in_(alias_owner)))
    found = session.scalars(query.order_by(Person.id)).all()
    return _unique(session, list(found))


def persons_by_keys(session: Session, keys: set[str]) -> list[Person]:
    """Persons whose name key or any alias key is one of ``keys``, with their aliases (a
    name matched is given its spellings next: ``add_alias``)."""
    if not keys:
        return []
    found = session.scalars(_by_keys(), {"keys": sorted(keys)}).unique().all()
    return _unique(session, list(found))


def persons_keyed(session: Session, keys: set[str]) -> list[Person]:
    """The persons (merged or not) whose name key or any alias key is one of ``keys``, with
    their aliases, in one query: a writer's pool for ``persons_with_keys``."""
    if not keys:
        return []
    return list(session.scalars(_by_keys(), {"keys": sorted(keys)}).unique().all())


def persons_with_keys(session: Session, pool, keys: set[str]) -> list[Person]:
    """``persons_by_keys`` answered from ``pool``, the persons a writer read with
    ``persons_by_keys`` for every key it will ask for, plus each person it has written since
    (made, renamed or given spellings): what the query would find, in the same order, without
    a query per name."""
    if not keys:
        return []
    found = {p.id: p for p in pool
             if p.key in keys or any(a.key in keys for a in p.aliases)}
    return _unique(session, [found[i] for i in sorted(found)])


def persons_by_surname(session: Session, surname: str) -> list[Person]:
    """Persons whose name or any alias ends in the token ``surname``."""
    if not surname:
        return []
    # the key's last token, an indexed column (LIKE '% surname' read every row)
    found = session.scalars(_by_surname(), {"surname": surname}).all()
    return _unique(session, list(found))


def persons_by_substring(session: Session, fragment: str) -> list[Person]:
    """Persons whose name or alias key contains ``fragment`` (a key)."""
    return _persons_where(session, lambda column: column.contains(fragment)) if fragment else []


def match_person(session: Session, *, name: str, aliases: list[str], pool=None,
                 carried: Callable[[str], bool] | None = None) -> Person | None:
    """The existing person a name (with the article's other forms of it) stands for, or None.

    1. A full name or full alias ("akhtem chiygoz") equal to a person's name or alias key; where
       several persons match, the one whose own name key equals the name wins, then the oldest.
       (``pool``: these persons looked for among a writer's, ``persons_with_keys``.)
    2. A surname-only name matches the one person with that surname, if there is exactly one.
    3. A full name whose surname is carried by exactly one person, known so far only by that
       surname, is that person ("Chiygoz" first, "Akhtem Chiygoz" later).

    ``carried``, when given, says whether a stored person may carry a surname (a writer's
    index of the stored names: it may say yes too often, never too rarely); where it says no,
    the query for that surname is not sent, since it would find no one.
    """
    key = name_key(name)
    keys = {key} | {name_key(a) for a in aliases}
    keys.discard("")
    full = {k for k in keys if not is_single_token(k)}
    found = persons_by_keys(session, full) if pool is None else \
        persons_with_keys(session, pool, full)
    if found:
        exact = [p for p in found if p.key == key]
        return (exact or found)[0]
    if not key:
        return None
    surnames = {key} if is_single_token(key) else {surname_of(key)}
    surnames |= {k for k in keys if is_single_token(k)}
    for surname in sorted(surnames, key=lambda s: s != surname_of(key)):
        if carried is not None and not carried(surname):
            continue  # nobody has it: the query would find no one
        candidates = persons_by_surname(session, surname)
        if len(candidates) != 1:
            continue
        person = candidates[0]
        if is_single_token(key) or is_single_token(person.key):
            return person
    return None


def add_alias(session: Session, person: Person, alias: str) -> PersonAlias | None:
    """Record the spelling ``alias`` for ``person`` unless it is the name itself or already
    known ("Ахтем Чийгоз" and "Akhtem Chiigoz" share a key and are two spellings)."""
    key, text = name_key(alias), alias.strip()
    if not key or text.casefold() == person.name.casefold():
        return None
    if any(a.alias.casefold() == text.casefold() for a in person.aliases):
        return None
    row = PersonAlias(alias=text, key=key)
    person.aliases.append(row)
    return row


def promotes(person: Person, name: str) -> bool:
    """Whether ``promote_name`` would give ``person`` the name ``name``."""
    key = name_key(name)
    return is_single_token(person.key) and not is_single_token(key) and key != person.key


def promote_name(session: Session, person: Person, name: str) -> None:
    """Give a person known by surname only the fuller ``name``; the old one becomes an alias."""
    key = name_key(name)
    if promotes(person, name):
        old = person.name
        person.name, person.key = name.strip(), key
        person.aliases[:] = [a for a in person.aliases if a.key != key]
        add_alias(session, person, old)


def find_persons(*, session: Session, name: str) -> list[Person]:
    """Persons a user means by ``name``: exact name or alias, else surname, else substring."""
    key = name_key(name)
    if not key:
        return []
    found = persons_by_keys(session, {key})
    if not found and is_single_token(key):
        found = persons_by_surname(session, key)
    if not found:
        found = persons_by_substring(session, key)
    return sorted(found, key=lambda p: (p.key, p.id))


__all__ = ["add_alias", "canonical", "find_persons", "match_person", "member_roots", "name_key",
           "people_of", "person_by_id", "promote_name", "promotes", "root_in"]
