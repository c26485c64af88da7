"""The Habeas spaCy components. Each is registered with ``@Language.factory`` under a versioned
name, takes a Doc, writes to ``doc.spans`` or ``Doc._`` and does no I/O. The components that read
language data take their rule set from the config (``rules``, a registered name such as
``habeas.rules.en.v13``); its version and hash are stored with every claim."""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .events import find_events
from .gazetteer import correct_entities
from ..errors import ModelError
from .lang import RuleSet, predicates
from .lang import ru
from .lang.en import RULES
from .persons import describe, find_clusters, learn_common_nouns
from .spans import doc_text, entities, forget_entities, index_sentences
from .statistics import find_statistics

ru.register()  # the Russian rule set, named for the config like the English one

PERSON_SPANS = "habeas_persons"
# The rule set a component reads unless habeas.cfg names another.
RULES_CONFIG = {"rules": {"@misc": RULES.version}}

for name, default in (("published", None), ("persons", None), ("events", None),
                      ("group_events", None), ("statistics", None)):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=default)


@Language.factory("habeas_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> "ParagraphBreaks":
    return ParagraphBreaks()


class ParagraphBreaks:
    """A line break ends a sentence: headlines and list items are never glued to the next line.
    And a line's first word is never a sentence by itself (the parser would otherwise cut
    "Police | in Grozny detained ..." after a headline)."""

    version = "habeas.paragraphs.v3"

    def __call__(self, doc: Doc) -> Doc:
        # Token index -> starts a sentence, the last word winning; written at the end in one
        # go (setting ``Token.is_sent_start`` scans the whole doc each time: quadratic).
        marks: dict[int, bool] = {}
        # Each token's text and space once, as strings: ``doc[i]`` makes a new Token each time,
        # and a list of Tokens would keep thousands of objects alive for the collector.
        texts = [t.text for t in doc]
        spaces = [t.whitespace_ for t in doc]
        starts = [doc[0]] if len(doc) else []
        for i in range(len(doc) - 1):
            if "\n" in spaces[i] or "\n" in texts[i] and doc[i].is_space:
                first = doc[i + 1]
                marks[first.i] = True
                starts.append(first)
                if (first.is_alpha and first.i + 1 < len(doc) and doc[first.i + 1].is_alpha
                        and "\n" not in first.whitespace_):
                    marks[first.i + 1] = False
        for i in range(1, len(doc)):
            before = texts[i - 1]
            if before.endswith(".") and after_abbreviation(doc[i]):  # (which needs a stop before)
                marks[i] = False  # "(Art. 361-3)", "colony No. 2"
            elif before in (".", "!", "?") and not spaces[i - 1] and \
                    doc[i].is_title and i - 1 > 0 and doc[i - 2].is_lower:
                marks[i] = True  # "was detained.The court": a glued sentence
        # A wire story's dateline stands apart ("MINSK -- | Belarusian ruler ... pardoned"):
        # glued to the lead, the parser takes the city for the subject of the whole sentence.
        text = doc_text(doc)
        for first in starts:
            match = DATELINE.match(text, first.idx)
            if match:
                after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
                if after is not None and after.start > first.i + 1:
                    marks[after.start] = True
                    for token in doc[first.i + 1: after.start]:
                        marks[token.i] = False
        if marks:
            values = doc.to_array([SENT_START])
            for i, start in marks.items():
                values[i] = 1 if start else NOT_A_START
            doc.from_array([SENT_START], values)
        return doc


# ``SENT_START`` of a token that does not start a sentence (-1), as ``Doc.to_array`` writes it.
NOT_A_START = numpy.uint64(2**64 - 1)


# Abbreviations a full stop does not end a sentence after, before a number ("Art. 361-3").
ABBREVIATIONS = RULES.words("number_abbreviations")


def after_abbreviation(token) -> bool:
    """``token`` follows "Art." or "No." and a number, or "St." and a name, on one line."""
    stop = token.doc[token.i - 1]
    word = token.doc[stop.i - 1] if stop.text == "." and stop.i > 0 else stop  # "Art" "."
    if "\n" in stop.whitespace_ or word is stop and not word.text.endswith("."):
        return False
    name = word.lower_.rstrip(".")
    return name in ABBREVIATIONS and token.text[:1].isdigit() or name == "st" and token.is_title
# "MINSK -- ", "KYIV, Ukraine — ", "MAKHACHKALA, Oct 6 (EWS) - ", "ALMATY, Kazakhstan -- "
DATELINE = re.compile(r"[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*(?:, [A-Z][\w.]*(?: [\w.]+){0,2})?"
                      r"(?: \([^)\n]{1,40}\))? ?(?:--|—|–|-) (?=\S)")


@Language.factory("habeas_gazetteer", assigns=["doc.ents"], requires=["doc.ents"],
                  default_config=RULES_CONFIG)
def make_gazetteer(nlp: Language, name: str, rules: RuleSet) -> "Gazetteer":
    return Gazetteer(rules)


class Gazetteer:
    """Corrects the model's entity labels with place and organisation lists."""

    version = "habeas.gazetteer.v1"

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        index_sentences(doc)  # the first component after the parser: sentences are final
        doc.ents = correct_entities(doc)
        forget_entities(doc)
        return doc


@Language.factory("habeas_persons", assigns=["doc.spans", "doc._.persons"],
                  requires=["doc.ents", "token.dep"], default_config=RULES_CONFIG)
def make_persons(nlp: Language, name: str, rules: RuleSet) -> "Persons":
    learn_common_nouns(nlp)  # "Verdict in one of the last trials": a word, not a name
    return Persons(rules)


class Persons:
    """Person mentions clustered within the article, with age, roles, groups."""

    version = "habeas.persons.v1"

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        clusters = find_clusters(doc)
        group = []
        for cluster in clusters:
            for span in cluster.spans:
                group.append(Span(doc, span.start, span.end, label=cluster.id))
        doc.spans[PERSON_SPANS] = group
        relabel_persons(doc, group)
        doc._.persons = describe(doc, clusters)
        return doc


def relabel_persons(doc: Doc, persons: list[Span]) -> None:
    """The entities agree with the persons found: a name the model glued into a date, a body or
    a place ("detained on [May 3: Ilya Petrov]" DATE, "the homes of [Rustam Aliev]" FAC) is a
    PERSON entity, so that no later step takes it for a date, a place or an agent; what came
    before the name keeps its label ("May 3")."""
    at = {i: span for span in persons for i in range(span.start, span.end)}
    kept, cut = [], []
    for ent in entities(doc):  # doc.ents, built once (the persons read it)
        inside = [i for i in range(ent.start, ent.end) if i in at]
        if ent.label_ == "PERSON" or not inside:
            kept.append(ent)
            continue
        cut.extend(at[i] for i in inside)
        end = inside[0]
        while end > ent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end > ent.start:
            kept.append(Span(doc, ent.start, end, label=ent.label_))
    if not cut:
        return
    used = {i for ent in kept for i in range(ent.start, ent.end)}
    for span in dict.fromkeys(cut):
        if not used.intersection(range(span.start, span.end)):
            kept.append(Span(doc, span.start, span.end, label="PERSON"))
            used.update(range(span.start, span.end))
    doc.ents = sorted(kept, key=lambda e: e.start)
    forget_entities(doc)


@Language.factory("habeas_events", assigns=["doc._.events"],
                  requires=["doc._.persons", "token.dep"], default_config=RULES_CONFIG)
def make_events(nlp: Language, name: str, rules: RuleSet) -> "Events":
    return Events(rules)


class Events:
    """Event triggers with persons, date, place, agent, charge, term, mode, attribution."""

    version = "habeas.events.v1"

    def __init__(self, rules: RuleSet) -> None:
        unknown = rules.predicate_names() - set(predicates(rules.language))
        if unknown:
            raise ModelError(f"the trigger rows of {rules.version} name checks that "
                             f"lang/{rules.language}/predicates.py lacks: {sorted(unknown)}")
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc, doc.spans[PERSON_SPANS], doc._.persons,
                                   rules=self.rules)
        return doc


@Language.factory("habeas_statistics", assigns=["doc._.statistics"], requires=["doc.ents"],
                  default_config=RULES_CONFIG)
def make_statistics(nlp: Language, name: str, rules: RuleSet) -> "Statistics":
    return Statistics(rules)


class Statistics:
    """Counted facts: "at least 355 cases", "20 Crimean Tatars were detained"."""

    version = "habeas.statistics.v1"

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        doc._.statistics = find_statistics(doc)
        return doc
