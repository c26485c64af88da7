"""English syntax: the dependency labels of spaCy's English models (ClearNLP style) behind a few
named questions, so that the rules ask "is this the passive subject?" and never compare labels.
Another language's parser (UD labels: nsubj:pass, obl, case) gets its own module like this one.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT = "nsubj"
PASSIVE_SUBJECT = "nsubjpass"
SUBJECTS = (SUBJECT, PASSIVE_SUBJECT)
DIRECT_OBJECT = "dobj"
OBJECTS = (DIRECT_OBJECT, "obj")
PASSIVE_AUXILIARY = "auxpass"
PREPOSITION = "prep"
PREP_OBJECT = "pobj"
NEGATION = "neg"
CONJUNCT = "conj"
AGENT = "agent"          # "by" of a passive: "detained by police"


def word_class(token: Token) -> str:
    """The part of speech a trigger row names: "VERB" (verbs, auxiliaries and participles the
    small model tags otherwise), "NOUN" (nouns and proper nouns) or "OTHER"."""
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG"):
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return "OTHER"


def is_subject(token: Token) -> bool:
    return token.dep_ in SUBJECTS


def is_active_subject(token: Token) -> bool:
    return token.dep_ == SUBJECT


def is_passive_subject(token: Token) -> bool:
    return token.dep_ == PASSIVE_SUBJECT


def is_direct_object(token: Token) -> bool:
    return token.dep_ == DIRECT_OBJECT


def is_object(token: Token) -> bool:
    return token.dep_ in OBJECTS


def is_preposition(token: Token) -> bool:
    """A preposition attached to its head: "in" of "detained in Minsk"."""
    return token.dep_ == PREPOSITION


def is_prep_object(token: Token) -> bool:
    """The object of a preposition: "Minsk" of "in Minsk"."""
    return token.dep_ == PREP_OBJECT


def is_negation(token: Token) -> bool:
    return token.dep_ == NEGATION


def is_conjunct(token: Token) -> bool:
    return token.dep_ == CONJUNCT


def is_agent(token: Token) -> bool:
    return token.dep_ == AGENT


def is_passive_auxiliary(token: Token) -> bool:
    return token.dep_ == PASSIVE_AUXILIARY


def is_passive(verb: Token) -> bool:
    """ "was detained": the verb has a passive subject or a passive auxiliary."""
    return any(c.dep_ in (PASSIVE_SUBJECT, PASSIVE_AUXILIARY) for c in verb.children)


def is_negated(token: Token) -> bool:
    """The token has its own negation: "did not release", "not given"."""
    return any(c.dep_ == NEGATION for c in token.children)


def subjects(verb: Token) -> list[Token]:
    """The verb's own subjects, active or passive (not inherited from a conjunct)."""
    found = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(found) > 1 and verb.dep_ == "parataxis":
        lent = lent_subjects(verb)
        found = [c for c in found if c not in lent]
    return found


def lent_subjects(verb: Token) -> list[Token]:
    """ "Ivan Petrov, his lawyer said, was beaten": a clause set off by commas inside another
    takes that clause's subject as a second subject of its own; the earlier one, before the
    comma, is the outer verb's."""
    if verb.dep_ != "parataxis":
        return []
    own = [c for c in verb.children if c.dep_ == SUBJECT]
    return [c for c in own[:-1] if any(t.text == "," for t in verb.doc[c.i: own[-1].left_edge.i])
            ] if len(own) > 1 else []


def parenthetical_subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb`` that a parenthetical clause inside it took (lent_subjects)."""
    return [s for c in verb.children if c.dep_ == "parataxis" for s in lent_subjects(c)]


def objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in OBJECTS]


def prepositions(token: Token, *words: str) -> list[Token]:
    """The prepositions attached to ``token``; with ``words``, only those ("against")."""
    return [c for c in token.children if c.dep_ == PREPOSITION and (not words or c.lower_ in words)]


def prep_objects(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == PREP_OBJECT]


def prep_object(prep: Token) -> Token | None:
    """The first object of a preposition, if any."""
    return next((c for c in prep.children if c.dep_ == PREP_OBJECT), None)


def agents(verb: Token) -> list[Token]:
    """Who a passive names as the doer: "police" of "detained by police"."""
    return [o for c in verb.children if c.dep_ == AGENT for o in prep_objects(c)]


def objects_of(token: Token, *words: str) -> list[Token]:
    """The objects of the token's prepositions ``words``: "X" of "a case against X"."""
    return [o for p in prepositions(token, *words) for o in prep_objects(p)]
