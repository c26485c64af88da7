"""Two of the spaCy model's components, the attribute ruler and the rule lemmatizer, made
cheaper with the same output, token for token.

Both decide a token from a few of its attributes, and spend their time asking again for every
token what they answered for the same attributes before:

- the **attribute ruler** (the tag map, ``POS`` and ``MORPH`` from ``TAG``, and its exceptions)
  runs a ``Matcher`` of some 180 patterns over every token: about 8 % of an English worker's
  CPU. All but a few of its patterns are of one token, and whether they match depends only on
  the attributes they name (``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE`` in the English models):
  the matches of those patterns are asked of spaCy's own ``Matcher`` once per combination of
  those attributes, on that one token, and kept; the patterns of several tokens still go
  through a ``Matcher`` of their own over the whole Doc. The attributes are then set as the
  ruler sets them: in the order of its patterns, a later one overriding, with spaCy's
  ``set_token_attrs``.
- the **rule lemmatizer** keeps its lemmas by word, POS and morphology already, but not those
  of base forms (most words), which it works out again for each; the lemma of every
  (word, POS, morphology) is kept here, as its rules make it (one function of the three).

A Doc goes through the ruler's own code when a pattern is of a kind this does not know (a token
of a pattern with an operator or an extension attribute). ``tests/test_keyed.py`` compares
the attributes of every token with the original components'.
"""

from __future__ import annotations

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Kept answers per process, at most this many of each (then forgotten and made again).
KEPT = 200_000


class KeyedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose one-token patterns are matched once per combination of the
    attributes they read."""

    def __call__(self, doc: Doc) -> Doc:
        plan = getattr(self, "_habeas_plan", None)
        # made again, with nothing kept, when the patterns change (``clear`` makes a new
        # matcher, ``add`` a new pattern)
        if plan is None or plan[0] is not self.matcher or plan[1] != len(self.attrs):
            plan = self._habeas_plan = (self.matcher, len(self.attrs), *_split_patterns(self),
                                        {})
        _, _, single, several, attrs, kept = plan
        if single is None or not len(doc):
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._set(doc, single, several, attrs, kept)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _set(self, doc: Doc, single: Matcher, several: Matcher, attrs: list[int],
             kept: dict[tuple, tuple[list[int], dict]]) -> None:
        if len(kept) > KEPT:
            kept.clear()
        strings = self.vocab.strings
        plans = []
        for n, key in enumerate(_keys(doc, attrs)):
            plan = kept.get(key)
            if plan is None:
                ids = sorted({int(strings[m]) for m, _, _ in
                              single(doc[n:n + 1], allow_missing=True)})
                merged: dict = {}
                for i in ids:  # later patterns take precedence, as in ``set_annotations``
                    merged.update(self.attrs[i])
                plan = kept[key] = (ids, merged)
            plans.append(plan)
        matches = several(doc, allow_missing=True) if len(several) else []
        if not matches:
            for token, (_, merged) in zip(doc, plans):
                if merged:
                    set_token_attrs(token, merged)
            return
        # a pattern of several tokens matched: every match applied in the ruler's order
        everything = [(i, n, n + 1) for n, (ids, _) in enumerate(plans) for i in ids]
        everything += [(int(strings[m]), start, end) for m, start, end in matches]
        everything.sort()
        for i, start, end in everything:
            set_token_attrs(doc[start:end][self.indices[i]], self.attrs[i])


def _keys(doc: Doc, attrs: list[int]) -> list[tuple[int, ...]]:
    """Each token's values of ``attrs``."""
    if not attrs:
        return [()] * len(doc)
    return [tuple(row) for row in doc.to_array(attrs).reshape(len(doc), len(attrs)).tolist()]


def _split_patterns(ruler: AttributeRuler) -> tuple[Matcher | None, Matcher | None, list[int]]:
    """Two matchers of the ruler's patterns, one-token and longer, each pattern under the key
    the ruler gives it (its index), and the attributes the one-token patterns read; no matcher
    when a pattern is of a kind the keyed matching cannot answer for."""
    single, several = Matcher(ruler.vocab), Matcher(ruler.vocab)
    read: set[str] = set()
    for i, rule in enumerate(ruler.patterns):
        for pattern in rule["patterns"]:
            if any(not isinstance(token, dict) or "OP" in token or "_" in token
                   or any(key.upper() not in IDS for key in token) for token in pattern):
                return None, None, []
            if len(pattern) == 1:
                single.add(str(i), [pattern])
                read.update(key.upper() for key in pattern[0])
            else:
                several.add(str(i), [pattern])
    return single, several, sorted(IDS[key] for key in read)


class KeyedEnglishLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, each lemma kept by (word, POS, morphology)."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            lookups, kept = getattr(self, "_habeas_kept", (None, {}))
            if lookups is not self.lookups:  # tables set again (``initialize``): kept anew
                kept = {}
                self._habeas_kept = (self.lookups, kept)
            if len(kept) > KEPT:
                kept.clear()
            for n, (orth, pos, morph, lemma) in enumerate(
                    doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
                if lemma and not self.overwrite:
                    continue
                token = doc[n]
                key = (orth, pos, morph)
                value = kept.get(key)
                if value is None:
                    value = self.lemmatize(token)[0]
                    if pos:  # without a POS, spaCy warns (W108) each time: left to it
                        kept[key] = value
                token.lemma_ = value
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)


def keyed(nlp: Language) -> None:
    """The model's attribute ruler and English rule lemmatizer, where it has them, answering
    by key (the same objects, their class changed: names, settings and data as loaded)."""
    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.__class__ = KeyedAttributeRuler
        elif type(component) is EnglishLemmatizer:
            component.__class__ = KeyedEnglishLemmatizer
