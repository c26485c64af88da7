"""Arguments a sentence or an article gives once for several events.

"On Wednesday a court in Minsk found them guilty and sentenced them to ten years": the date and
place belong to both the conviction and the sentence. A DATE or place attached to no other
trigger belongs to the triggers of its clause. Within an article, a charge stated for one step
of a case (charge, trial, conviction, sentence, appeal) is the charge of the other steps of the
same persons that state none.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from ..model import EventRecord
from . import dates, terms

# Prepositions that put a place where an event happened (not "to", "from": a route; not "for",
# "with", "of": a charge or an apposition).
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside"}
# The steps of one case: a charge stated for one is the charge of the others.
CASE_STEPS = ("charge", "trial", "conviction", "sentence", "appeal", "acquittal", "arrest")
SHARED_IN_SENTENCE = ("date", "place", "agent", "charge")


def owner(token: Token, owners: set[int]) -> int | None:
    """The nearest trigger above ``token`` in the parse, if any; -1 when a clause of its own
    (a relative or adverbial clause) comes first: "statements he made in March 2015"."""
    current = token
    for ancestor in token.ancestors:
        if current.dep_ in ("relcl", "acl", "advcl", "ccomp") and current.pos_ in ("VERB", "AUX") \
                and current.i not in owners:
            return -1
        if ancestor.i in owners:
            return ancestor.i
        current = ancestor
    return None


def _candidates(trigger: Token, owners: set[int], labels: tuple[str, ...]) -> list[Span]:
    found = []
    for ent in trigger.doc.ents:
        if ent.label_ not in labels or not (trigger.sent.start <= ent.start < trigger.sent.end):
            continue
        own = owner(ent.root, owners)
        if own is None or own == trigger.i:
            found.append(ent)
    return sorted(found, key=lambda e: abs(e.start - trigger.i))


def clause_date(trigger: Token, published: dt.date | None, owners: set[int]) -> str | None:
    for ent in _candidates(trigger, owners, ("DATE",)):
        if terms.find_terms(ent.text) or ent.text.isdigit() and len(ent.text) < 4:
            continue
        if any(t.lower_ in ("born", "since", "until", "for") for t in ent.root.ancestors
               if t.i >= ent.start - 2):
            continue
        value = dates.resolve(ent.text, published)
        if value:
            return value
    return None


def clause_place(trigger: Token, owners: set[int]) -> str | None:
    for ent in _candidates(trigger, owners, ("GPE", "LOC", "FAC")):
        head = ent.root.head
        if head.dep_ == "prep" and head.lower_ in PLACE_PREPOSITIONS or \
                head.lower_ in PLACE_PREPOSITIONS:
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            return trigger.doc[start: ent.end].text
    return None


def share_arguments(events: list[EventRecord]) -> list[EventRecord]:
    by_sentence: dict[int, list[EventRecord]] = {}
    for event in events:
        by_sentence.setdefault(event.sources[0].start, []).append(event)
    for group in by_sentence.values():
        for name in SHARED_IN_SENTENCE:
            for event in group:
                if getattr(event, name) is not None or event.type == "transfer" and name == "place":
                    continue
                case_only = name in ("charge", "agent")
                donors = [e for e in group if e is not event and getattr(e, name) is not None
                          and set(e.persons) & set(event.persons) and e.type != "transfer"
                          and (not case_only or e.type in CASE_STEPS)]
                if donors and (not case_only or event.type in CASE_STEPS):
                    setattr(event, name, getattr(donors[0], name))
    for event in events:
        if event.charge is None and event.type in CASE_STEPS and event.type != "arrest":
            donor = next((e for e in events if e.charge and e.type in CASE_STEPS
                          and e.type != "arrest" and set(e.persons) & set(event.persons)), None)
            if donor is not None:
                event.charge = donor.charge
    return events
