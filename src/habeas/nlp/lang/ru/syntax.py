"""The Russian parse as Habeas reads it: sentences of words with UD relations (slovnet), and the
few questions the rules ask of them. Components read labels through this module only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import RULES

# The infinitive a participle is lemmatised to ("осуждённый" -> "осудить"), and the suffixes
# of an active participle ("живший", "стоящий"); what is left of a participle is passive.
INFINITIVE = re.compile(r"(?:ть|ться|ти|тись|чь|чься)$")
# Participles of a person's status, used as nouns: their verbs' lemmas.
STATUS_PARTICIPLES = RULES.words("status_participles")
# The endings of a verbal noun's lemma ("водворение", "задержание").
VERBAL_NOUN_ENDINGS = ("ение", "ание")
# A participle's adjectival ending ("осуждённого", "обвиняемая", "осуждённых").
ADJECTIVE_ENDING = re.compile(r"(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ой|ей|ому|ему|ым|им|ых|их|ыми|ими|ую|юю)$")
ACTIVE_PARTICIPLE = re.compile(r"(?:вш|ш|ущ|ющ|ащ|ящ)(?:ий|ая|ее|ие|его|ей|ему|им|их|ими|ую|ем)(?:ся|сь)?$")


@dataclass
class Word:
    i: int                 # index in its sentence
    text: str
    lemma: str
    pos: str
    feats: dict
    head: int | None       # index of the head in the sentence, None for the root
    rel: str
    start: int             # character offsets in the article
    end: int
    kind: str | None = field(default=None, repr=False, compare=False)  # word_class, once made


@dataclass
class Sentence:
    text: str
    start: int
    words: list[Word]
    kids: dict[int, list[int]] = field(default_factory=dict)
    # The event type each word triggers, once asked (``events.trigger_type``).
    triggers: dict[int, str | None] = field(default_factory=dict, repr=False, compare=False)
    # A word's children by relation, once asked (``children``).
    asked: dict[tuple, list[Word]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for word in self.words:
            if word.head is not None:
                self.kids.setdefault(word.head, []).append(word.i)

    def children(self, word: Word, rels: tuple[str, ...] | frozenset[str] | None = None
                 ) -> list[Word]:
        key = (word.i, rels)  # the same questions come back: each answered once, a copy
        found = self.asked.get(key)  # given (callers may add to it)
        if found is None:
            found = self.asked[key] = [self.words[k] for k in self.kids.get(word.i, ())
                                       if rels is None or self.words[k].rel in rels]
        return list(found)

    def head(self, word: Word) -> Word | None:
        return self.words[word.head] if word.head is not None else None

    def ancestors(self, word: Word) -> list[Word]:
        """The word's head, its head's head, ... up to the root (a parse may hold a cycle)."""
        found, seen, head = [], {word.i}, self.head(word)
        while head is not None and head.i not in seen:
            seen.add(head.i)
            found.append(head)
            head = self.head(head)
        return found

    def climb(self, word: Word, rels, stop: int | None = None) -> Word:
        """The word's head, its head's head, ... while the word hangs by one of ``rels`` (and
        is not ``stop``): the top of a name ("flat:name") or of joined verbs ("conj"). A parse
        may hold a cycle; the climb ends where it would go round."""
        seen = {word.i}
        while word.rel in rels and word.head is not None and word.i != stop and \
                word.head not in seen:
            word = self.words[word.head]
            seen.add(word.i)
        return word

    def subtree(self, word: Word, rels: frozenset[str] | None = None) -> list[Word]:
        """The word and what hangs from it (through ``rels`` only, if given), in text order."""
        found, todo, seen = [word], [word], {word.i}
        while todo:
            for kid in self.children(todo.pop(), rels):
                if kid.i not in seen:  # a parse may hold a cycle
                    seen.add(kid.i)
                    found.append(kid)
                    todo.append(kid)
        return sorted(found, key=lambda w: w.i)

    def span_text(self, words: list[Word]) -> str:
        return self.text[words[0].start - self.start:words[-1].end - self.start] if words else ""


def read_participle(word: Word) -> None:
    """A participle the tagger read as a noun where it describes one ("Петров, осуждённый
    весной на три года, ..."; lemmatised to its verb, "осудить"): marked a participle, as
    the rules read participles (passive unless its suffix is active). A participle of a
    person's status used as a noun ("Мать осуждённого", "Осуждённый по делу ... Эрнест
    Ибрагимов", "Обвиняемого в госизмене учёного"; tagged a noun or, opening a sentence, a
    name) is a participle too, marked ``Substantive``: what it tells happened to the person."""
    if word.pos == "NOUN" and word.rel in ("acl", "amod") and INFINITIVE.search(word.lemma):
        word.feats["VerbForm"] = "Part"
        if ACTIVE_PARTICIPLE.search(word.text.lower()):
            word.feats["Voice"] = "Act"
    elif word.pos in ("NOUN", "PROPN") and word.lemma in STATUS_PARTICIPLES and (
            word.feats.get("Number") != "Plur") and (  # not "из осуждённых": a group
            ADJECTIVE_ENDING.search(word.text.lower())):
        word.feats["VerbForm"] = "Part"
        word.feats["Substantive"] = "Yes"


def word_class(word: Word) -> str:
    """"VERB" (verbs, participles, short passive forms), "NOUN", or "OTHER"; made once per word
    (after ``read_participle``, which the parse runs first)."""
    if word.kind is None:
        word.kind = _word_class(word)
    return word.kind


def _word_class(word: Word) -> str:
    if word.pos in ("VERB", "AUX") or word.feats.get("VerbForm") == "Part":
        if word.lemma.endswith(VERBAL_NOUN_ENDINGS) and word.feats.get("VerbForm") not in (
                "Fin", "Inf"):  # "против водворения в ШИЗО" tagged as a participle: the
            return "NOUN"  # dictionary's lemma is the noun's
        return "VERB"
    if word.pos in ("NOUN", "PROPN"):
        return "NOUN"
    return "OTHER"


def is_passive(word: Word) -> bool:
    """"задержан", "был арестован", "задержанный": the subject undergoes it."""
    return word.feats.get("Voice") == "Pass" or (
        word.feats.get("VerbForm") == "Part" and word.feats.get("Voice") != "Act")


def case(word: Word) -> str | None:
    return word.feats.get("Case")


def preposition(sentence: Sentence, word: Word) -> str | None:
    """The lowercased preposition of a nominal ("в", "к", "по"), if it has one."""
    for kid in sentence.children(word, ("case",)):
        return kid.text.lower()
    return None


# Prepositions of time: an event noun behind them took place, whatever the verb says.
TIME_PREPOSITIONS = RULES.words("time_prepositions")


def before_or_after(sentence: Sentence, word: Word) -> bool:
    """An event noun that only times another event ("После приговора его этапировали в
    Красноярский край", "перед судом"): the verb's place and date are the verb's own where the
    verb tells an event of its own (a verb of the trigger table); not "После избиения
    опустили голову в унитаз в камере", whose place is the beating's too."""
    head = sentence.head(word)
    return timing(sentence, word) and head is not None and bool(
        RULES.rows("VERB", head.lemma, head.text.lower()))


def timing(sentence: Sentence, word: Word) -> bool:
    """An event noun behind a preposition of time ("после голодовки", "перед судом"): it took
    place, whatever the verb it times says."""
    return word_class(word) == "NOUN" and preposition(sentence, word) in TIME_PREPOSITIONS
