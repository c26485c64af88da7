"""Entity corrections from the gazetteers: a place is a GPE, an organisation an ORG, whatever the
small model thought ("Crimea" as PERSON, "Simferopol" as ORG, "Twitter" as PERSON)."""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from . import dates
from .lexicon import fold, orgs, places
from .persons import given_not_place, is_org_or_place
from .spans import span_text


def correct_entities(doc: Doc) -> list[Span]:
    corrected = []
    for ent in doc.ents:
        text = span_text(ent)
        folded = fold(text.removeprefix("the ").removeprefix("The "))
        label = ent.label_
        if len(ent) == 1 and dates.NUMERIC_DAY.fullmatch(text):
            label = "DATE"  # "on 12.03.2023"
        elif label == "PERSON" and given_not_place(ent):
            pass  # "his wife Anna" (a town is called Anna too)
        elif folded in places():
            label = "GPE"
        elif folded in orgs():
            label = "ORG"
        elif label == "PERSON" and len(ent) == 1 and is_org_or_place(text):
            label = "ORG"
        corrected.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
    corrected = _hyphenated_places(doc, corrected)
    known = {t.i for e in corrected for t in e}
    # Places the model missed altogether ("Krasnodar" untagged after a preposition). The proper
    # nouns are found in the POS column: a Token made for every word costs more than the test.
    for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist():
        if i not in known and fold(doc[i].text) in places():
            corrected.append(Span(doc, i, i + 1, label="GPE"))
    return sorted(corrected, key=lambda s: s.start)


def _hyphenated_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Rostov-on-Don" is three tokens to spaCy and one place (not a person called Don)."""
    found = []
    # the hyphens, from the ORTH column (few words are one)
    hyphen = numpy.uint64(doc.vocab.strings["-"])
    for i in numpy.flatnonzero(doc.to_array(ORTH) == hyphen).tolist():
        token = doc[i]
        if token.whitespace_ or token.i == 0:
            continue
        start, end = token.i - 1, token.i + 2
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2
        while end > token.i + 1:
            span = doc[start:end]
            if fold(span.text) in places():
                found.append(span)
                break
            end -= 2
    if not found:
        return ents
    cover = {i for s in found for i in range(s.start, s.end)}
    kept = [e for e in ents if not cover.intersection(range(e.start, e.end))]
    kept.extend(Span(doc, s.start, s.end, label="GPE") for s in found)
    return sorted(kept, key=lambda s: s.start)
