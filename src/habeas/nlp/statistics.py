"""Counted facts: "at least 355 cases of human rights violations", "20 Crimean Tatars were
detained". Unnamed groups of people are statistics, not persons."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..model import Span as TextSpan
from ..model import Statistic
from .lang.en import RULES, syntax
from .spans import entities, span_text
from .terms import number

QUALIFIERS = RULES.table("qualifiers")
# Counts below this are usually "two men", already persons in the text.
MIN_VALUE = 3


def find_statistics(doc: Doc) -> list[Statistic]:
    stats = []
    for ent in entities(doc):  # doc.ents, built once
        if ent.label_ != "CARDINAL":
            continue
        num_tokens = [t for t in ent if t.like_num]
        if not num_tokens:
            continue
        head = num_tokens[-1]
        value = number(head.text.replace(",", ""))
        if value is None or value < MIN_VALUE or head.dep_ != "nummod":
            continue
        noun = head.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ not in ("NNS", "NNPS"):
            continue
        qualifier = "exactly"
        prefix = doc[ent.start: head.i].text.lower()
        for phrase, name in QUALIFIERS.items():
            if re.search(rf"\b{phrase}\b", prefix):
                qualifier = name
                break
        what = _describe(noun, head)
        stats.append(Statistic(what=what, value=int(value), qualifier=qualifier,
                               attributed_to=_source(noun),
                               evidence=TextSpan(noun.sent.start_char, noun.sent.end_char,
                                                 span_text(noun.sent))))
    return stats


def _describe(noun, number_token) -> str:
    doc = noun.doc
    words = [t for t in noun.subtree if t.i > number_token.i and t.dep_ not in ("relcl",)
             and not any(a.dep_ == "relcl" for a in t.ancestors if a.i > noun.i - 1 and a != noun)]
    phrase = doc[number_token.i + 1: max((t.i for t in words), default=noun.i) + 1]
    text = Span(doc, phrase.start, phrase.end).text if len(phrase) else noun.text
    head = noun.head
    if noun.dep_ in ("nsubjpass", "nsubj", "dobj") and head.pos_ == "VERB":
        participle = next((t for t in head.subtree if t.i == head.i), head)
        text = f"{text} {participle.text}"
    return re.sub(r"\s+", " ", text).strip(" ,")


def _source(noun) -> str | None:
    verb = noun.head
    if syntax.is_direct_object(noun):
        subject = next((c for c in verb.children if syntax.is_active_subject(c)), None)
        if subject is not None and subject.pos_ != "PRON":
            return Span(noun.doc, subject.left_edge.i, subject.i + 1).text
    for child in verb.children if syntax.is_passive_subject(noun) else []:
        if syntax.is_agent(child):
            pobj = syntax.prep_object(child)
            if pobj is not None:
                return noun.doc[pobj.left_edge.i: pobj.right_edge.i + 1].text
    return None
