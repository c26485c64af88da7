"""Title-case headlines, parsed as sentences.

"Crimean Tatar Activist Sentenced To 12 Years In Prison" reads to a small parser as a row of
names: every word capitalised, no verb. Before parsing, a headline line gets sentence case for
the words that are plainly common words (function words and the event vocabulary), so that
"Court Convicts Friend of Boston Bombing Suspect" parses as "Court convicts friend of Boston
bombing suspect". Only letters change case, so every character offset stays the same, and
evidence is quoted from the original text.
"""

from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS

from .lang.en import RULES
from .lexicon import MONTHS

COMMON = RULES.words("headline_words")
WORD = re.compile(r"[A-Za-z][a-z]+(?:'[a-z]+)?")
# A headline: a short line whose words are capitalised (at least this share of them).
CAPITALISED_SHARE = 0.7
MAX_WORDS = 25


@functools.lru_cache(maxsize=1)
def event_words() -> frozenset[str]:
    """Every form of the event vocabulary a headline may use: "Frees", "Jails", "Sentences"."""
    from .events import NOUN_TRIGGERS, VERB_TRIGGERS

    forms = set(NOUN_TRIGGERS) | {n + "s" for n in NOUN_TRIGGERS}
    for verb in VERB_TRIGGERS:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "es", stem + "ed", verb + "d", stem + "ing"}
    return frozenset(forms)


def is_title_case(line: str) -> bool:
    if line.rstrip().endswith((".", "?", "!", ":")):
        return False  # (asked first: most lines of a report are sentences)
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not 3 <= len(words) <= MAX_WORDS:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    # Sentence-case lines have most function words in lower case: "Russia releases ... and".
    return capitalised / len(words) >= CAPITALISED_SHARE


def known_verbs(nlp) -> frozenset[str]:
    """The verbs the model's lemmatizer knows ("leave", "walk"), read once per pipeline and
    kept on it."""
    verbs = getattr(nlp, "_habeas_verbs", None)
    if verbs is None:
        verbs = frozenset()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
                if "verb" in index:
                    verbs = frozenset(index["verb"])
        nlp._habeas_verbs = verbs
    return verbs


def headline_verb(low: str, verbs: frozenset[str]) -> bool:
    """ "leaves", "walks", "faces": a verb in the present tense of headlines."""
    if len(low) < 4 or not low.endswith("s") or low.endswith("ss"):
        return False
    stems = [low[:-1], low[:-2] if low.endswith("es") else "",
             low[:-3] + "y" if low.endswith("ies") else ""]
    return any(s in verbs for s in stems if s)


def sentence_case(text: str, verbs: frozenset[str] = frozenset()) -> str:
    """``text`` with its title-case lines' common words in lower case, same length. With
    ``verbs`` (the model's), a verb in the headline's present tense ("Lawyer Tang Jianguo Leaves
    Prison") is a common word too, unless the body writes it capitalised inside a sentence (a
    name: "Burns", "Banks")."""
    if not text:
        return text
    lines = text.splitlines(keepends=True)
    titles = [is_title_case(line) for line in lines]
    if not any(titles):
        return text
    # Words the article itself writes in lower case are common words, in its headline too
    # ("Music Teacher" when the body says "a music teacher"); names never are.
    body = {w for line, title in zip(lines, titles) if not title
            for w in re.findall(r"\b[a-z][a-z'’-]+\b", line)}
    named = {m.group(1).lower() for line, title in zip(lines, titles) if not title
             for m in re.finditer(r"(?<=[\w,;:’'] )([A-Z][a-z]+s)\b", line)} if verbs else set()
    out = []
    for line, title in zip(lines, titles):
        if title:
            first = True

            def lower(match: re.Match) -> str:
                nonlocal first
                word = match.group(0)
                keep = first
                first = False
                low = word.lower()
                if keep or not word[0].isupper() or low in MONTHS or (
                        low not in STOP_WORDS and low not in COMMON and low not in body
                        and low not in event_words()
                        and not (low.endswith("ing") and len(low) > 5)
                        and not (low not in named and headline_verb(low, verbs))):
                    return word
                return low

            line = WORD.sub(lower, line)
        out.append(line)
    return "".join(out)


def requote(spans, original: str) -> None:
    """Quote ``spans`` (anything with start, end and text) from the original text again."""
    for span in spans:
        if span is not None:
            span.text = original[span.start: span.end].strip()
