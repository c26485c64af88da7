"""The naive extractor every evaluation compares against: spaCy entities plus trigger words.

Per sentence: every token whose lemma is an event trigger gives an event of that type about
every PERSON entity in the sentence; no arguments, no negation, no coreference. It is what a
first attempt looks like, so that Habeas's numbers always show their gain over it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .model import Document
from .nlp.events import NOUN_TRIGGERS, VERB_TRIGGERS

TRIGGERS = {**NOUN_TRIGGERS, **VERB_TRIGGERS, "strike": "hunger_strike"}


def baseline_extract(nlp: Language, documents: Iterable[Document], *,
                     require_persons: bool = True) -> Iterator[dict]:
    """Extraction JSON v1 for each document, from the raw spaCy pipeline ``nlp``. For event
    detection alone (WikiEvents) ``require_persons=False`` keeps events with no PERSON."""
    documents = list(documents)
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents)):
        persons: dict[str, str] = {}
        events = []
        for sent in doc.sents:
            names = [e.text for e in sent.ents if e.label_ == "PERSON"]
            for name in names:
                persons.setdefault(name, f"p{len(persons) + 1}")
            ids = sorted({persons[n] for n in names})
            seen = set()
            for token in sent:
                etype = TRIGGERS.get(token.lemma_.lower())
                if etype and (ids or not require_persons) and etype not in seen:
                    seen.add(etype)
                    events.append({
                        "type": etype, "persons": ids, "date": None, "place": None,
                        "agent": None, "charge": None, "term_months": None,
                        "release_mode": None, "negated": False, "hedged": False,
                        "attributed_to": None, "evidence": sent.text.strip()})
        yield {
            "document": {"id": document.doc_id, "title": document.title,
                         "published": document.published},
            "persons": [{"id": pid, "name": name, "aliases": [], "age": None}
                        for name, pid in persons.items()],
            "events": events, "statistics": [],
        }
