"""Re-extraction that keeps reviewers' work: an article extracted again (after a rules change)
keeps every decision, edit and manual merge that still applies, and says which no longer do.

Before the article's facts are replaced, each chain of claims a reviewer worked on (a claim
accepted or rejected, or edited: ``supersedes_id`` links an edit to what it replaced) is read
with a key that does not depend on ids: the claim's subject (a person, followed through merges;
an event, by its type and persons), its field and value, and where it was read (offsets, else
the sentence). Those chains are kept, as history, while the rest of the article's facts are
replaced (``article.save_extraction(keep=...)``, which also keeps the article's persons, so a
person named again keeps its id and its merges). Each new claim whose key is a kept chain's
carries the decision on: it supersedes the chain's head, with the same status, reviewer and
time; an edit is made again on top of it. Nothing is overwritten: the old claims stay, and
``review.claim_history`` shows extraction, decision, re-extraction and decision in turn.

A chain no new claim matches, and a manual merge of persons the article no longer names, are
reported (``Kept.lost``, ``Kept.merges_lost``), not dropped: the claims stay in the store.
Keys are tried from the strictest to the loosest (``TIERS``), each chain taken once.

Core code: keyword arguments after ``*``; the caller owns the transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..model import Extraction
from ..store.crud import persons_of_article
from ..store.models import Article, Claim, Event, Person
from ..store.persons import canonical
from ..store.resolution import Merge
from ..store.review import EDITOR_NAME, SET_COLUMNS
from ..store.tally import derive
from .article import save_extraction

# Who the resolver is in ``merges.by`` (resolve.persons.RESOLVER): its merges are not a
# reviewer's work, and are made again by the resolver itself.
RESOLVER_PREFIX = "habeas.resolve"
# The keys a chain is matched by, strictest first: subject, field, value and then the offsets;
# the sentence; nothing more; and (events) the sentence with the event's type alone, for an
# event whose persons the new rules read otherwise.
TIERS = ("offsets", "sentence", "value", "loose")


@dataclass
class Chain:
    """One claim a reviewer worked on, with the claims before it (kept as history)."""

    ids: list[int]
    head: dict[str, Any]  # the claim reviewers see now
    edit: bool  # the head is an edit (a value a reviewer typed)
    keys: dict[str, tuple]
    matched: int | None = None


@dataclass
class Kept:
    """What one article's re-extraction kept and what it could not."""

    article_id: int
    title: str
    counts: dict[str, int] = field(default_factory=dict)
    carried: list[dict[str, Any]] = field(default_factory=list)
    lost: list[dict[str, Any]] = field(default_factory=list)
    merges_kept: list[dict[str, Any]] = field(default_factory=list)
    merges_lost: list[dict[str, Any]] = field(default_factory=list)


def reextract(*, session: Session, article: Article, extraction: Extraction) -> Kept:
    """Replace ``article``'s facts with ``extraction``'s, keeping reviewers' work."""
    kept = Kept(article.id, article.title or article.source)
    chains = worked_chains(session=session, article=article)
    merges = manual_merges(session=session, article=article)
    keep = [cid for chain in chains for cid in chain.ids]
    kept.counts = save_extraction(session=session, article=article, extraction=extraction,
                                  keep=keep)
    session.flush()
    known = set(keep)
    fresh = [c for c in session.scalars(select(Claim).where(Claim.article_id == article.id)
                                         .order_by(Claim.id)) if c.id not in known]
    signatures = _signatures(session, fresh)
    _match(chains, {c.id: _keys(session, c, signatures) for c in fresh})
    by_id = {c.id: c for c in fresh}
    for chain in chains:
        if chain.matched is None:
            kept.lost.append(chain.head)
            continue
        _carry(session, chain, by_id[chain.matched])
        kept.carried.append({**chain.head, "now": chain.matched})
    # the claims a decision was carried onto, and those they supersede, changed what is live:
    # their events are derived again from their claims, as a reviewer's decision derives its
    # event (``store.tally.reviewed``), their tallies counted afresh
    touched = {by_id[c.matched].subject_id for c in chains
               if c.matched is not None and by_id[c.matched].subject_type == "event"}
    events = [e for e in (session.get(Event, i) for i in sorted(touched)) if e is not None]
    if events:
        derive(session, events)
    _check_merges(session, article, merges, kept)
    return kept


# ----------------------------------------------------------------------------- reading

def worked_chains(*, session: Session, article: Article) -> list[Chain]:
    """The article's chains of claims whose newest claim a reviewer decided or wrote."""
    claims = list(session.scalars(select(Claim).where(Claim.article_id == article.id)
                                  .order_by(Claim.id)))
    by_id = {c.id: c for c in claims}
    superseded = {c.supersedes_id for c in claims if c.supersedes_id is not None}
    signatures = _signatures(session, claims)
    chains = []
    for head in claims:
        if head.id in superseded or head.status == "proposed":
            continue
        chain = [head]
        while chain[-1].supersedes_id in by_id and len(chain) <= len(claims):
            chain.append(by_id[chain[-1].supersedes_id])
        base = next((c for c in chain if c.extractor != EDITOR_NAME), chain[-1])
        chains.append(Chain(ids=[c.id for c in chain], head=_describe(head),
                            edit=head.extractor == EDITOR_NAME,
                            keys=_keys(session, base, signatures)))
    return chains


def _describe(claim: Claim) -> dict[str, Any]:
    return {"id": claim.id, "subject_type": claim.subject_type,
            "subject_id": claim.subject_id, "field": claim.field, "value": claim.value,
            "status": claim.status, "reviewed_by": claim.reviewed_by,
            "reviewed_at": claim.reviewed_at, "sentence": claim.sentence,
            "extractor": claim.extractor, "extractor_version": claim.extractor_version,
            "confidence": claim.confidence, "attributed_to": claim.attributed_to}


def _root(session: Session, person_id: int) -> int:
    person = session.get(Person, person_id)
    return canonical(session, person).id if person is not None else person_id


def _signatures(session: Session, claims: list[Claim]) -> dict[int, tuple[str, frozenset]]:
    """Each event the claims are about -> (its type, its persons' roots), as the article's
    extracted claims say (an edit does not change what an event is)."""
    types: dict[int, str] = {}
    persons: dict[int, frozenset] = {}
    for claim in claims:
        if claim.subject_type != "event" or claim.extractor == EDITOR_NAME:
            continue
        if claim.field == "type":
            types[claim.subject_id] = claim.value
        elif claim.field == "persons" and isinstance(claim.value, list):
            persons[claim.subject_id] = frozenset(_root(session, p) for p in claim.value)
    return {eid: (types.get(eid, ""), persons.get(eid, frozenset())) for eid in types}


def _keys(session: Session, claim: Claim, signatures: dict[int, tuple]) -> dict[str, tuple]:
    """The keys of ``claim`` (``TIERS``), free of ids that a re-extraction renumbers."""
    if claim.subject_type == "person":
        subject: tuple = ("person", _root(session, claim.subject_id))
        loose = subject
    else:
        kind, persons = signatures.get(claim.subject_id, ("", frozenset()))
        subject, loose = ("event", kind, persons), ("event", kind)
    value = claim.value
    if claim.field == "persons" and isinstance(value, list):
        value = sorted({_root(session, p) for p in value})
    what = (claim.field, json.dumps(value, sort_keys=True, ensure_ascii=False))
    return {"offsets": (subject, *what, claim.start_char, claim.end_char),
            "sentence": (subject, *what, claim.sentence),
            "value": (subject, *what),
            "loose": (loose, *what, claim.sentence)}


def _match(chains: list[Chain], fresh: dict[int, dict[str, tuple]]) -> None:
    """Pair chains with new claims, strictest key first, each taken once."""
    free = dict(fresh)
    for tier in TIERS:
        by_key: dict[tuple, list[int]] = {}
        for cid, keys in free.items():
            by_key.setdefault(keys[tier], []).append(cid)
        for chain in chains:
            if chain.matched is not None:
                continue
            found = by_key.get(chain.keys[tier])
            if found:
                chain.matched = found.pop(0)
                del free[chain.matched]


# ----------------------------------------------------------------------------- carrying

def _carry(session: Session, chain: Chain, new: Claim) -> None:
    """The decision of ``chain`` on the new claim: the same status (or the edit made again on
    top of it), the chain's head superseded, nothing of it changed."""
    head = chain.head
    new.supersedes_id = head["id"]
    if not chain.edit:
        new.status, new.reviewed_by = head["status"], head["reviewed_by"]
        new.reviewed_at = head["reviewed_at"]
        session.flush()
        return
    session.flush()
    edit = Claim(subject_type=new.subject_type, subject_id=new.subject_id, field=new.field,
                 value=head["value"], article_id=new.article_id, start_char=new.start_char,
                 end_char=new.end_char, sentence=new.sentence,
                 attributed_to=head["attributed_to"], extractor=EDITOR_NAME,
                 extractor_version=head["extractor_version"], confidence=head["confidence"],
                 status=head["status"], reviewed_by=head["reviewed_by"],
                 reviewed_at=head["reviewed_at"], supersedes_id=new.id)
    session.add(edit)
    if new.subject_type == "event" and new.field in SET_COLUMNS:  # the others: derived
        event = session.get(Event, new.subject_id)
        if event is not None:
            setattr(event, new.field, head["value"])
    session.flush()


# ----------------------------------------------------------------------------- merges

def manual_merges(*, session: Session, article: Article) -> list[dict[str, Any]]:
    """The merges in force that a reviewer made touching the persons the article names."""
    persons = persons_of_article(session, article.id)
    roots = {_root(session, pid) for pid in persons}
    ids = persons | roots
    rows = session.scalars(select(Merge).where(
        Merge.action == "merge", Merge.undone_at.is_(None),
        or_(Merge.person_id.in_(ids), Merge.into_id.in_(ids))).order_by(Merge.id))
    return [{"id": m.id, "person_id": m.person_id, "into_id": m.into_id,
             "person": m.person_name, "into": m.into_name, "by": m.by}
            for m in rows if not m.by.startswith(RESOLVER_PREFIX)]


def _check_merges(session: Session, article: Article, merges: list[dict[str, Any]],
                  kept: Kept) -> None:
    """A manual merge still applies when its two persons are one and the article still names
    them; one the article no longer names is reported (the merge itself stays in force)."""
    named = {_root(session, pid) for pid in persons_of_article(session, article.id)}
    for merge in merges:
        person = session.get(Person, merge["person_id"]) if merge["person_id"] else None
        into = session.get(Person, merge["into_id"]) if merge["into_id"] else None
        one = person is not None and into is not None and \
            canonical(session, person).id == canonical(session, into).id
        if one and canonical(session, into).id in named:
            kept.merges_kept.append(merge)
        else:
            kept.merges_lost.append(merge)
