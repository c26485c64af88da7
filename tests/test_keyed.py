"""The model's attribute ruler and lemmatizer answering by key (``nlp.keyed``) set every token's
attributes as the original components do."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, POS, TAG

from habeas.config import DEFAULT_MODEL
from habeas.nlp.keyed import KeyedAttributeRuler, KeyedEnglishLemmatizer, keyed

ATTRIBUTES = [TAG, POS, MORPH, LEMMA, DEP, HEAD, LOWER]

# Texts of our own that reach the ruler's exceptions: patterns of two tokens ("gon na",
# "ai n't", "let 's", "there is"), contractions, pronouns as objects, spaces of their own,
# an auxiliary, a determiner as a pronoun; and some plain reporting.
TEXTS = [
    "I'm gonna tell you: he ain't coming back, and they've gotta let 's go.",
    "There is a court in the town.  There are two lawyers.\n\nHe said that it was him.",
    "They took it from me and gave it to you. That is what was done; those were taken.",
    "The journalist was detained on Monday and has been held since, his wife said.",
    "Y'all know nothin' 'bout it, she'd said. C'mon, let's go! Do you? I did.",
    "Did the judge have the files? He had. Whether or not they do, it's over.",
]


@pytest.fixture(scope="module")
def pipelines():
    original = spacy.load(DEFAULT_MODEL)
    faster = spacy.load(DEFAULT_MODEL)
    keyed(faster)
    return original, faster


def test_the_components_are_the_keyed_ones(pipelines, nlp):
    for loaded in (pipelines[1], nlp):
        assert isinstance(loaded.get_pipe("attribute_ruler"), KeyedAttributeRuler)
        assert isinstance(loaded.get_pipe("lemmatizer"), KeyedEnglishLemmatizer)


def test_every_token_as_the_original_components_set_it(pipelines):
    original, faster = pipelines
    for _ in range(2):  # the second time from what was kept
        for text in TEXTS:
            a, b = original(text), faster(text)
            assert numpy.array_equal(a.to_array(ATTRIBUTES), b.to_array(ATTRIBUTES)), text
            assert [(t.lemma_, t.pos_, str(t.morph)) for t in a] == \
                [(t.lemma_, t.pos_, str(t.morph)) for t in b]
    # and the keyed paths were the ones taken, not spaCy's own code as a fallback
    assert faster.get_pipe("attribute_ruler")._habeas_plan[2] is not None
    assert faster.get_pipe("lemmatizer")._habeas_kept[1]


def test_a_pattern_of_two_tokens_still_applies(pipelines):
    doc = pipelines[1]("We are gonna win.")
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]


def test_patterns_added_or_cleared_later_are_followed():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.__class__ = KeyedAttributeRuler
    ruler.add([[{"LOWER": "ex"}]], {"LEMMA": "first"})
    assert [t.lemma_ for t in nlp("Ex or ex")] == ["first", "", "first"]
    ruler.add([[{"LOWER": "ex"}]], {"LEMMA": "second"})  # a later pattern overrides
    assert nlp("ex")[0].lemma_ == "second"
    ruler.clear()
    ruler.add([[{"LOWER": "or"}]], {"LEMMA": "third"})
    assert [t.lemma_ for t in nlp("ex or")] == ["", "third"]
