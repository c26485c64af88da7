"""Person resolution in the store: candidates by blocking key, a score from the names and the
evidence, then a merge (recorded, undoable), a suggestion for a reviewer, or nothing.

Called by ``store.crud.save_extraction`` for every person an article adds to the store, and by
``habeas import`` for every row; ``merge``, ``undo_merge``, ``split`` and ``history`` are what
a reviewer uses. Every function takes a ``session`` and never commits.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import and_, bindparam, exists, or_, select
from sqlalchemy.orm import Session, aliased

from ..errors import Conflict, NotFound, UsageError
from ..model import PersonRecord
from ..store.models import (
    Article,
    Claim,
    Event,
    EventPerson,
    EventSource,
    Mention,
    Person,
    PersonAlias,
    utcnow,
)
from ..store.db import tuples
from ..store.persons import (
    add_alias,
    canonical,
    find_persons,
    member_roots,
    name_key,
    people_of,
    person_by_id,
    root_in,
)
from ..nlp.lang.ru.forms import inflected_form
from ..store.resolution import Merge, PersonKey, Suggestion
from .events import _persons_by_id
from .evidence import Profile, birth_year, norm, weigh
from .names import block_keys, name_score, parse

log = logging.getLogger(__name__)

RESOLVER = "habeas.resolve.v1"
# At or above this score (names + evidence) and clearly ahead of the next candidate, a new
# person is merged into the candidate without asking.
AUTO_MERGE = 0.88
# From this score up to AUTO_MERGE, a suggestion waits for a reviewer.
SUGGEST = 0.6
# The best candidate must lead the second by this much to be merged without asking.
MARGIN = 0.05
# A surname alone stands for the one person in the store with that surname (or a near
# spelling of it), as ``store.persons.match_person`` does for the exact spelling.
UNIQUE_SURNAME = 0.9
MAX_SUGGESTIONS = 3
# Reasons why two names cannot be one person, whatever the other names say.
HARD_NEGATIVE_SCORE = 0.0


@dataclass
class Candidate:
    person: Person
    score: float
    reason: str


@dataclass
class Outcome:
    action: str  # "merged", "suggested", "new"
    into: Person | None = None
    score: float | None = None
    reason: str = ""


# ----------------------------------------------------------------------------- keys

def index_person(session: Session, person: Person) -> None:
    """Store the blocking keys of a person's name and aliases (new ones only)."""
    keys = person_block_keys(person)
    if person.id is None:
        session.flush()
    for key in sorted(keys - stored_keys(session, person.id)):
        session.add(PersonKey(person_id=person.id, key=key[:64]))


def person_block_keys(person: Person) -> set[str]:
    """The blocking keys of a person's name and aliases."""
    keys: set[str] = set()
    for text in [person.name, *(a.alias for a in person.aliases)]:
        keys |= block_keys(parse(text))
    return keys


def stored_keys(session: Session, person_id: int) -> set[str]:
    return set(session.scalars(select(PersonKey.key).where(PersonKey.person_id == person_id)))


def stored_keys_of(session: Session, person_ids: Collection[int]) -> dict[int, set[str]]:
    """``stored_keys`` of several persons, in one query (person id -> its keys)."""
    keys: dict[int, set[str]] = {}
    for pid, key in tuples(session, _keys_of(), {"persons": list(person_ids)}):
        keys.setdefault(pid, set()).add(key)
    return keys


@functools.cache
def _keys_of():
    return select(PersonKey.person_id, PersonKey.key).where(
        PersonKey.person_id.in_(bindparam("persons", expanding=True)))


def index_missing(session: Session) -> int:
    """Give keys to persons stored before resolution existed; returns how many."""
    missing = list(session.scalars(select(Person).where(
        ~exists().where(PersonKey.person_id == Person.id))))
    for person in missing:
        index_person(session, person)
    return len(missing)


# ----------------------------------------------------------------------------- profiles

def _member_ids(session: Session, root: Person) -> list[int]:
    return sorted(member_roots(session, [root.id]))


def names_of(session: Session, members: list[int]) -> list[str]:
    return names_by_root(session, dict.fromkeys(members, 0))[0]


def names_by_root(session: Session, roots: dict[int, int]) -> dict[int, list[str]]:
    """Each root's names, from every member of ``roots`` (member id -> root id) in two queries:
    the members' names by id, then their aliases by member and spelling (the order SQLite's
    index gave, which says which pair of names a score's reason quotes)."""
    names: dict[int, list[str]] = {root: [] for root in roots.values()}
    members = {"members": list(roots)}
    for pid, name in tuples(session, _names_of_members(), members):
        names[roots[pid]].append(name)
    for pid, alias in tuples(session, _aliases_of_members(), members):
        names[roots[pid]].append(alias)
    return {root: list(dict.fromkeys(found)) for root, found in names.items()}


# The statements ``candidates`` and the stored profiles send for every new person, built once
# (see ``store.persons``).
@functools.cache
def _names_of_members():
    return select(Person.id, Person.name).where(
        Person.id.in_(bindparam("members", expanding=True))).order_by(Person.id)


@functools.cache
def _aliases_of_members():
    return select(PersonAlias.person_id, PersonAlias.alias).where(
        PersonAlias.person_id.in_(bindparam("members", expanding=True))
    ).order_by(PersonAlias.person_id, PersonAlias.alias)


@functools.cache
def _profile_claims():
    return (select(Claim.subject_id, Claim.field, Claim.value, Article.published)
            .outerjoin(Article, Article.id == Claim.article_id)
            .where(Claim.subject_type == "person",
                   Claim.subject_id.in_(bindparam("members", expanding=True)),
                   Claim.status != "rejected",
                   Claim.field.in_(("age", "birth_year", "affiliations", "groups"))))


@functools.cache
def _named_with():
    mine, theirs = aliased(Mention), aliased(Mention)
    return (select(mine.person_id, theirs.person_id)
            .join(theirs, theirs.article_id == mine.article_id)
            .where(mine.person_id.in_(bindparam("members", expanding=True)),
                   theirs.person_id.is_not(None)).distinct())


@functools.cache
def _places_of():
    return (select(EventPerson.person_id, Event.place)
            .join(Event, EventPerson.event_id == Event.id)
            .where(EventPerson.person_id.in_(bindparam("members", expanding=True)),
                   Event.place.is_not(None)).distinct())


@functools.cache
def _keyed():
    return select(PersonKey.person_id).where(PersonKey.key.in_(bindparam("keys", expanding=True)))


@functools.cache
def _keyed_among():
    """``_keyed`` of the persons ``:among`` alone: each (person, key) pair looked up in the
    unique index of ``person_keys``, however many other persons share a loose key."""
    return select(PersonKey.person_id).where(
        PersonKey.person_id.in_(bindparam("among", expanding=True)),
        PersonKey.key.in_(bindparam("keys", expanding=True))).distinct()


# ``candidates`` looks among at most this many persons by their own keys (a few, nearly
# always); more, and it reads the keys' blocks whole, then keeps those among them.
AMONG_LOOKUPS = 400


@functools.cache
def _apart():
    """A split between the persons ``:a`` and ``:b``, and a rejected suggestion."""
    a, b = bindparam("a", expanding=True), bindparam("b", expanding=True)
    split = select(Merge.id).where(
        Merge.action == "split", Merge.undone_at.is_(None),
        or_(and_(Merge.person_id.in_(a), Merge.into_id.in_(b)),
            and_(Merge.person_id.in_(b), Merge.into_id.in_(a)))).limit(1)
    rejected = select(Suggestion.id).where(
        Suggestion.status == "rejected",
        or_(and_(Suggestion.person_id.in_(a), Suggestion.candidate_id.in_(b)),
            and_(Suggestion.person_id.in_(b), Suggestion.candidate_id.in_(a)))).limit(1)
    return split, rejected


def stored_profile(session: Session, root: Person) -> Profile:
    """What the store knows of a person (and everyone merged into them)."""
    members = dict.fromkeys(_member_ids(session, root), root.id)
    return stored_profiles(session, members, names_by_root(session, members))[root.id]


def stored_profiles(session: Session, member_of: dict[int, int],
                    names: dict[int, list[str]]) -> dict[int, Profile]:
    """``stored_profile`` of every root of ``member_of`` (member id -> root id; ``names``: each
    root's names, ``names_by_root``), in four queries for all of them, not four per root: a new
    person near many stored ones (a common surname, a large store) reads them all at once."""
    profiles = {root: Profile(names=names[root]) for root in set(member_of.values())}
    members = {"members": list(member_of)}
    if not member_of:
        return profiles
    for subject, field, value, published in tuples(session, _profile_claims(), members):
        profile = profiles[member_of[subject]]
        if field == "age":
            year = birth_year(value, published)
            if year:
                profile.birth_years.add(year)
        elif field == "birth_year" and isinstance(value, int):
            profile.birth_years.add(value)
        elif field in ("affiliations", "groups"):
            profile.affiliations.add(norm(value))
    # the persons named in an article with a member (not a member of the same root)
    others: dict[int, set[int]] = {root: set() for root in profiles}
    for member, other in tuples(session, _named_with(), members):
        root = member_of[member]
        if member_of.get(other) != root:
            others[root].add(other)
    every = set().union(*others.values())
    # their merges read as columns for all of them, not a query (or an ORM object) each
    people = people_of(session, every)
    roots = {pid: root_in(people, pid) for pid in every}
    for root, found in others.items():
        profiles[root].comentions = {roots[pid] for pid in found}
    for member, place in tuples(session, _places_of(), members):
        profiles[member_of[member]].places.add(norm(place))
    return profiles


def record_profile(record: PersonRecord, *, published: str | None,
                   comentions: set[int], places: set[str]) -> Profile:
    """What one article says of a new person."""
    profile = Profile(names=[record.name, *record.aliases], comentions=set(comentions),
                      places={norm(p) for p in places})
    if record.age is not None:
        year = birth_year(record.age, published)
        if year:
            profile.birth_years.add(year)
    profile.affiliations = {norm(v) for v in [*record.affiliations, *record.groups]}
    return profile


# ----------------------------------------------------------------------------- scoring

def names_score(a: list[str], b: list[str]) -> tuple[float, str]:
    """Two persons' names: any full-name pair that cannot be one person decides (brothers);
    else the best pair."""
    pa, pb = [parse(x) for x in _one_form_each(a)], [parse(x) for x in _one_form_each(b)]
    best, why = 0.0, "no comparable names"
    full_a, full_b = [n for n in pa if n.full], [n for n in pb if n.full]
    for x in full_a:
        for y in full_b:
            score, reason = name_score(x, y)
            if score == HARD_NEGATIVE_SCORE:
                return 0.0, f"{x.text} / {y.text}: {reason}"
    for x in pa:
        for y in pb:
            score, reason = name_score(x, y)
            if score > best:
                best, why = score, f"{x.text} / {y.text}: {reason}"
    return best, why


def _one_form_each(names: list[str]) -> list[str]:
    """The names without the inflected forms of one before them ("Ахтема Чийгоза" after "Ахтем
    Чийгоз" is the same name in the genitive, not a woman's surname)."""
    kept: list[str] = []
    for name in names:
        if not any(inflected_form(k, name) for k in kept):
            kept.append(name)
    return kept


def _kept_apart(session: Session, a: list[int], b: list[int]) -> bool:
    """A reviewer said these two are different: a split between them, or a rejected
    suggestion."""
    split, rejected = _apart()
    return bool(tuples(session, split, {"a": list(a), "b": list(b)})
                or tuples(session, rejected, {"a": list(a), "b": list(b)}))


def candidates(session: Session, person: Person | None, profile: Profile, *,
               among: set[int] | None = None) -> list[Candidate]:
    """Persons sharing a blocking key with ``profile``'s names, scored, best first (``person``
    None: for a person not stored yet).

    ``among``, when given, holds every person id that can score above zero (all the members of
    every person a name index found near: see ``resolve.bulk``); the others are not looked at,
    which changes nothing but the time, since they would score zero."""
    keys: set[str] = set()
    for text in profile.names:
        keys |= block_keys(parse(text))
    if not keys or among is not None and not among:  # nobody near: no query to make
        return []
    own = _member_ids(session, canonical(session, person)) if person is not None else []
    if among is not None and len(among) <= AMONG_LOOKUPS:
        # the block of a loose key grows with the store; the persons near, looked up by
        # their own keys, do not (the same ids: those of the blocks that are among them)
        ids = {pid for pid, in tuples(session, _keyed_among(), {
            "among": sorted(among), "keys": sorted(keys)})}
    else:
        ids = {pid for pid, in tuples(session, _keyed(), {"keys": list(keys)})}
        if among is not None:
            ids &= among
    ids -= set(own)
    if not ids:
        return []
    # one query for the persons found (canonical() then reads them from the session), one for
    # everyone merged into them, two for all their names: not a few queries per candidate, whose
    # number grows with the store
    # (held in ``found_persons``: the session keeps only weak references to what it loaded)
    found_persons = session.scalars(_persons_by_id(), {"persons": list(ids)}).all()  # noqa: F841
    roots: dict[int, Person] = {}
    for pid in sorted(ids):
        root = canonical(session, person_by_id(session, pid))
        if root.id not in own:
            roots.setdefault(root.id, root)
    member_of = member_roots(session, list(roots))
    names = names_by_root(session, member_of)
    near: list[tuple[Person, float, str]] = []
    for root in roots.values():
        score, why = names_score(profile.names, names[root.id])
        if score <= 0:
            continue
        members = sorted(m for m, r in member_of.items() if r == root.id)
        if _kept_apart(session, own, members):
            continue
        near.append((root, score, why))
    # the stored profiles of all the candidates left, read together
    kept = {root.id for root, _, _ in near}
    others = stored_profiles(session, {m: r for m, r in member_of.items() if r in kept},
                             {r: names[r] for r in kept})
    found: list[Candidate] = []
    for root, score, why in near:
        delta, reasons = weigh(profile, others[root.id])
        found.append(Candidate(root, round(max(0.0, min(1.0, score + delta)), 4),
                               "; ".join([why, *reasons])))
    full = any(parse(n).full for n in profile.names)
    if not full and len(found) == 1 and found[0].score > 0:
        only = found[0]
        if only.score >= SUGGEST * 0.9 and "do not fit" not in only.reason:
            only.score = max(only.score, UNIQUE_SURNAME)
            only.reason += "; the only person with this surname"
    return sorted(found, key=lambda c: (-c.score, c.person.id))


def resolve_person(session: Session, person: Person, profile: Profile, *,
                   by: str = RESOLVER, among: set[int] | None = None) -> Outcome:
    """Merge a newly stored person into the one they are, suggest, or leave them be
    (``among``: see ``candidates``)."""
    found = candidates(session, person, profile, among=among)
    if not found or found[0].score < SUGGEST:
        return Outcome("new")
    best = found[0]
    runner = found[1].score if len(found) > 1 else 0.0
    if best.score >= AUTO_MERGE and best.score - runner >= MARGIN:
        merge(session, person, best.person, by=by, score=best.score, reason=best.reason)
        return Outcome("merged", best.person, best.score, best.reason)
    for candidate in found[:MAX_SUGGESTIONS]:
        if candidate.score >= SUGGEST:
            suggest(session, person, candidate)
    return Outcome("suggested", best.person, best.score, best.reason)


def stays_new(session: Session, profile: Profile, *, among: set[int] | None = None) -> bool:
    """Whether ``resolve_person`` would leave a person not stored yet, with this profile, as a
    new person (no merge, no suggestion)."""
    found = candidates(session, None, profile, among=among)
    return not found or found[0].score < SUGGEST


def suggest(session: Session, person: Person, candidate: Candidate) -> Suggestion:
    existing = session.scalar(select(Suggestion).where(
        Suggestion.person_id == person.id, Suggestion.candidate_id == candidate.person.id))
    if existing is not None:
        return existing
    row = Suggestion(person_id=person.id, candidate_id=candidate.person.id,
                     score=candidate.score, reason=candidate.reason, status="pending")
    session.add(row)
    return row


# ----------------------------------------------------------------------------- review

def merge(session: Session, person: Person, into: Person, *, by: str,
          score: float | None = None, reason: str | None = None) -> Merge:
    """Merge ``person`` (and everyone merged into them) into ``into``."""
    person, into = canonical(session, person), canonical(session, into)
    if person.id == into.id:
        raise UsageError(f"{person.name} (#{person.id}) and {into.name} are already one person")
    person.merged_into_id = into.id
    row = Merge(action="merge", person_id=person.id, into_id=into.id, person_name=person.name,
                into_name=into.name, score=score, reason=reason, by=by)
    session.add(row)
    for suggestion in session.scalars(select(Suggestion).where(
            Suggestion.status == "pending",
            or_(and_(Suggestion.person_id == person.id, Suggestion.candidate_id == into.id),
                and_(Suggestion.person_id == into.id, Suggestion.candidate_id == person.id)))):
        suggestion.status, suggestion.reviewed_by, suggestion.reviewed_at = "accepted", by, utcnow()
    session.flush()
    return row


def undo_merge(session: Session, merge_id: int, *, by: str) -> Merge:
    row = session.get(Merge, merge_id)
    if row is None or row.action != "merge":
        raise NotFound(f"no merge #{merge_id}")
    if row.undone_at is not None:
        raise UsageError(f"merge #{merge_id} was already undone by {row.undone_by}")
    person = session.get(Person, row.person_id) if row.person_id else None
    if person is None:
        raise UsageError(f"merge #{merge_id} cannot be undone: {row.person_name} is gone")
    if person.merged_into_id == row.into_id:
        person.merged_into_id = None
    row.undone_at, row.undone_by = utcnow(), by
    session.flush()
    return row


def review_suggestion(session: Session, suggestion_id: int, *, accept: bool,
                      by: str) -> Suggestion:
    row = session.get(Suggestion, suggestion_id)
    if row is None:
        raise NotFound(f"no suggestion #{suggestion_id}")
    if row.status != "pending":
        raise Conflict(f"suggestion {row.id} was already {row.status}"
                       + (f" by {row.reviewed_by}" if row.reviewed_by else ""))
    settled = suggestion_settled(session, row) if accept else None
    if settled:  # e.g. accepting "Akhtemow" = Asan made "Akhtemow" = Aziz a merge of brothers
        raise Conflict(f"suggestion {row.id} cannot be accepted: {settled}; reject it to "
                       "close it")
    if accept:
        merge(session, session.get(Person, row.person_id), session.get(Person, row.candidate_id),
              by=by, score=row.score, reason=f"suggestion #{row.id} accepted: {row.reason}")
    row.status = "accepted" if accept else "rejected"
    row.reviewed_by, row.reviewed_at = by, utcnow()
    session.flush()
    return row


def pending_suggestions(session: Session) -> list[dict]:
    rows = session.scalars(select(Suggestion).where(Suggestion.status == "pending")
                           .order_by(Suggestion.score.desc(), Suggestion.id))
    out = []
    for row in rows:
        if suggestion_settled(session, row):
            continue  # settled since: one person now, or a merge made them incompatible
        person = canonical(session, session.get(Person, row.person_id))
        candidate = canonical(session, session.get(Person, row.candidate_id))
        out.append({"id": row.id, "person_id": person.id, "person": person.name,
                    "candidate_id": candidate.id, "candidate": candidate.name,
                    "score": row.score, "reason": row.reason})
    return out


def suggestion_settled(session: Session, row: Suggestion) -> str | None:
    """Why a suggestion needs no merge any more (None while it still may): its two persons
    were merged since, or a merge made them two persons who cannot be one."""
    person = canonical(session, session.get(Person, row.person_id))
    candidate = canonical(session, session.get(Person, row.candidate_id))
    if person.id == candidate.id:
        return f"both are {person.name} (#{person.id}) now"
    score, why = names_score(names_of(session, _member_ids(session, person)),
                             names_of(session, _member_ids(session, candidate)))
    if score == 0:
        return f"{person.name} (#{person.id}) and {candidate.name} (#{candidate.id}) cannot " \
               f"be one person ({why})"
    return None


def settled_suggestions(session: Session, person: Person) -> dict[int, str]:
    """The pending suggestions about ``person`` (or anyone merged into them) that a merge has
    settled, by id, with why (see ``suggestion_settled``)."""
    members = _member_ids(session, canonical(session, person))
    rows = session.scalars(select(Suggestion).where(
        Suggestion.status == "pending",
        or_(Suggestion.person_id.in_(members), Suggestion.candidate_id.in_(members)))
        .order_by(Suggestion.id))
    return {row.id: why for row in rows if (why := suggestion_settled(session, row))}


def describe_suggestion(session: Session, row: Suggestion) -> dict:
    """A suggestion for a reviewer: both persons as they stand (the persons they were merged
    into, if they were), each with their other names, the score and the reasons."""
    out: dict = {"id": row.id, "score": row.score, "reason": row.reason,
                 "reasons": [r for r in (row.reason or "").split("; ") if r],
                 "status": row.status, "created_at": row.created_at.isoformat(),
                 "reviewed_by": row.reviewed_by,
                 "reviewed_at": row.reviewed_at.isoformat() if row.reviewed_at else None}
    for side, person_id in (("person", row.person_id), ("candidate", row.candidate_id)):
        root = canonical(session, session.get(Person, person_id))
        out[f"{side}_id"], out[side] = root.id, root.name
        out[f"{side}_aliases"] = [name for name in names_of(session, _member_ids(session, root))
                                  if name != root.name]
    return out


def suggestion_page(session: Session, *, limit: int = 50,
                    offset: int = 0) -> tuple[list[dict], int]:
    """One page of the suggestions ``pending_suggestions`` lists (best first), described by
    ``describe_suggestion``, and how many there are in all."""
    pending = pending_suggestions(session)
    rows = [describe_suggestion(session, session.get(Suggestion, p["id"]))
            for p in pending[offset:offset + limit]]
    return rows, len(pending)

def split(session: Session, person: Person, aliases: list[str], *, by: str,
          reason: str | None = None) -> Person:
    """Take the names ``aliases`` out of ``person``: a person merged in under one of them is
    unmerged; a name the person itself carries becomes a new person, with the mentions, claims
    and event links of the articles that name them only that way."""
    root = canonical(session, person)
    wanted = {name_key(a) for a in aliases}
    wanted.discard("")
    if not wanted:
        raise UsageError("name at least one --alias to split off")
    members = _member_ids(session, root)
    moved_members = [m for m in members if m != root.id and
                     name_key(session.get(Person, m).name) in wanted]
    own = {a.key for a in root.aliases}
    unknown = wanted - own - {name_key(session.get(Person, m).name) for m in moved_members}
    if unknown:
        raise UsageError(f"{root.name} is not known as {', '.join(sorted(unknown))}")
    new: Person | None = None
    for member_id in moved_members:
        member = session.get(Person, member_id)
        member.merged_into_id = None
        new = new or member
    carried = wanted & own
    details: dict = {"aliases": sorted(wanted), "articles": [], "unmerged": moved_members}
    if carried:
        first = next(a for a in root.aliases if a.key in carried)
        target = new or Person(name=first.alias, key=first.key)
        if target.id is None:
            session.add(target)
            session.flush()
        for alias in [a for a in root.aliases if a.key in carried]:
            root.aliases.remove(alias)
            if alias.key != target.key:
                add_alias(session, target, alias.alias)
        details["articles"] = _move_articles(session, root, target, carried)
        index_person(session, target)
        new = target
    assert new is not None  # noqa: S101 (guarded by the unknown check above)
    session.add(Merge(action="split", person_id=new.id, into_id=root.id, person_name=new.name,
                      into_name=root.name, reason=reason or "split by a reviewer", by=by,
                      details=details))
    session.flush()
    return new


def _move_articles(session: Session, root: Person, target: Person, keys: set[str]) -> list[int]:
    """Move the facts of the articles that name ``root`` only by ``keys`` to ``target``."""
    moved: list[int] = []
    by_article: dict[int, set[str]] = {}
    for article_id, text in session.execute(select(Mention.article_id, Mention.text)
                                            .where(Mention.person_id == root.id)):
        by_article.setdefault(article_id, set()).add(name_key(text))
    for article_id, texts in sorted(by_article.items()):
        if not texts <= keys:
            continue
        moved.append(article_id)
        for mention in session.scalars(select(Mention).where(
                Mention.article_id == article_id, Mention.person_id == root.id)):
            mention.person_id = target.id
        for claim in session.scalars(select(Claim).where(
                Claim.article_id == article_id, Claim.subject_type == "person",
                Claim.subject_id == root.id)):
            claim.subject_id = target.id
        events = select(EventSource.event_id).where(EventSource.article_id == article_id)
        for link in session.scalars(select(EventPerson).where(
                EventPerson.person_id == root.id, EventPerson.event_id.in_(events))):
            session.add(EventPerson(event_id=link.event_id, person_id=target.id))
            session.delete(link)
    return moved


def history(session: Session, person: Person) -> list[dict]:
    """Every merge, split and suggestion touching the person or anyone merged into them."""
    root = canonical(session, person)
    ids = set(_member_ids(session, root))
    ids |= set(session.scalars(select(Merge.person_id).where(Merge.into_id.in_(ids))))
    ids |= set(session.scalars(select(Merge.into_id).where(Merge.person_id.in_(ids))))
    ids.discard(None)
    out: list[dict] = []
    for row in session.scalars(select(Merge).where(
            or_(Merge.person_id.in_(ids), Merge.into_id.in_(ids))).order_by(Merge.id)):
        out.append({"kind": row.action, "id": row.id, "when": row.created_at, "by": row.by,
                    "person": row.person_name, "into": row.into_name, "score": row.score,
                    "reason": row.reason, "undone_at": row.undone_at,
                    "undone_by": row.undone_by, "details": row.details})
    for row in session.scalars(select(Suggestion).where(
            or_(Suggestion.person_id.in_(ids), Suggestion.candidate_id.in_(ids)))
            .order_by(Suggestion.id)):
        out.append({"kind": "suggestion", "id": row.id, "when": row.created_at,
                    "by": row.reviewed_by or RESOLVER,
                    "person": session.get(Person, row.person_id).name,
                    "into": session.get(Person, row.candidate_id).name, "score": row.score,
                    "reason": row.reason, "status": row.status, "undone_at": None,
                    "undone_by": None, "details": None})
    return sorted(out, key=lambda h: (h["when"], h["kind"], h["id"]))


def lookup(session: Session, text: str) -> Person:
    """A person by "#12" / "12" or by name (the first match)."""
    raw = text.strip().lstrip("#")
    if raw.isdigit():
        person = session.get(Person, int(raw))
        if person is None:
            raise NotFound(f"no person #{raw}")
        return person
    found = find_persons(session=session, name=text)
    if not found:
        raise NotFound(f"no person called {text!r} in the store")
    return found[0]


# ----------------------------------------------------------------------------- articles

def separate_names(record: PersonRecord) -> list[PersonRecord]:
    """One within-article person holding two names that cannot be one person ("Asan Akhtemov"
    with the alias "Aziz Akhtemov": brothers named together) becomes one record per name; the
    mentions go with the name they spell, surname-only mentions stay with the first."""
    main = parse(record.name)
    others: dict[str, PersonRecord] = {}
    keep: list[str] = []
    for alias in record.aliases:
        name = parse(alias)
        if name.full and main.full and name_score(main, name)[0] == 0 and not inflected_form(
                record.name, alias):  # "Ахтема Чийгоза" is "Ахтем Чийгоз" in the genitive
            key = name.key()
            if key not in others:
                others[key] = PersonRecord(id=f"{record.id}+{len(others) + 1}", name=alias)
            else:
                others[key].aliases.append(alias)
        else:
            keep.append(alias)
    if not others:
        return [record]
    record.aliases = keep
    moved = []
    for span in record.mentions:
        target = next((o for o in others.values()
                       if name_key(span.text) in {name_key(o.name), *map(name_key, o.aliases)}),
                      None)
        (target.mentions if target else moved).append(span)
    record.mentions = moved
    return [record, *others.values()]

