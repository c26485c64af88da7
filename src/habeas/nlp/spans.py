"""Looking up a token's or a sentence's entities once per document.

``Doc.ents`` builds a new tuple of spans on every access, and ``Span.ents`` scans it from the
start of the document, so asking either for each token or sentence is quadratic in the length of
the article. The entities are final once the gazetteer has run (``components.Gazetteer`` sets
them); the list and the map are built from them on first use.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

_KEY = "habeas_entity_at"
_LIST = "habeas_entities"


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once."""
    if _LIST not in doc.user_data:
        ents = tuple(doc.ents)
        doc.user_data[_LIST] = (ents, [ent.start for ent in ents])
    return doc.user_data[_LIST][0]


def sentence_ents(sent: Span) -> list[Span]:
    """``sent.ents`` (the entities wholly inside ``sent``) found by bisection, not by a scan."""
    ents = entities(sent.doc)
    n = bisect_left(sent.doc.user_data[_LIST][1], sent.start)
    found = []
    while n < len(ents) and ents[n].end <= sent.end:
        found.append(ents[n])
        n += 1
    return found


def entity_at(token: Token) -> Span | None:
    """The entity ``token`` is part of, if any."""
    data = token.doc.user_data
    if _KEY not in data:
        data[_KEY] = {t: ent for ent in entities(token.doc) for t in range(ent.start, ent.end)}
    return data[_KEY].get(token.i)


def spans_within(doc: Doc, key: str, start: int, end: int) -> list[Span]:
    """The spans of ``doc.spans[key]`` that start at a token in ``start <= i < end``, in the
    group's order. The index is built on first use: the group must be final (the persons
    component sets ``habeas_persons`` once)."""
    index_key = ("habeas_spans_within", key)
    if index_key not in doc.user_data:
        group = list(doc.spans[key])
        order = sorted(range(len(group)), key=lambda n: group[n].start)
        doc.user_data[index_key] = (group, order, [group[n].start for n in order])
    group, order, starts = doc.user_data[index_key]
    found = order[bisect_left(starts, start):bisect_left(starts, end)]
    return [group[n] for n in sorted(found)]


def doc_text(doc) -> str:
    """The document's text, built once: ``Doc.text`` joins every token on each access."""
    if "habeas_text" not in doc.user_data:
        doc.user_data["habeas_text"] = doc.text
    return doc.user_data["habeas_text"]


def remember_text(doc, text: str) -> None:
    """Give ``doc_text`` the text ``doc`` was tokenized from (the tokenizer keeps every
    character), so that it never joins the tokens."""
    doc.user_data["habeas_text"] = text


def forget_entities(doc) -> None:
    """Drop the map after ``doc.ents`` changed."""
    doc.user_data.pop(_KEY, None)
    doc.user_data.pop(_LIST, None)
    doc.user_data.pop("habeas_surname_starts", None)


def index_sentences(doc: Doc) -> None:
    """``token.sent`` found by bisection over the sentence starts, read once: spaCy's own
    makes two spans and scans for both boundaries on every call (some 17,000 calls over the
    English gold texts). The same span (``doc[start:end]`` of the same boundaries: what
    ``Span.sent`` and ``doc.sents`` give); the boundaries must be final (after the parser), and
    the hook stays with the Doc. No reference to the Doc in the hook: no cycle to collect."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return
    starts = [sent.start for sent in doc.sents]
    ends = starts[1:] + [len(doc)]

    def sent(token: Token) -> Span:
        n = bisect_right(starts, token.i) - 1
        return Span(token.doc, starts[n], ends[n])

    doc.user_token_hooks["sent"] = sent


def has_word(sent: Span, words: frozenset[str], name: str) -> bool:
    """Whether a word of ``sent`` is in ``words`` by its lowercase form (``token.lower_``),
    from the LOWER column, read once per document for the list called ``name``."""
    doc = sent.doc
    key = f"habeas_words_{name}"
    if key not in doc.user_data:
        ids = word_ids(words)
        doc.user_data[key] = [value in ids for value in doc.to_array(LOWER).tolist()]
    return any(doc.user_data[key][sent.start: sent.end])


@functools.lru_cache(maxsize=32)
def word_ids(words: frozenset[str]) -> frozenset[int]:
    """The ids of ``words`` in any vocabulary's string store (a hash, or a symbol's id), to
    compare with a ``Doc.to_array`` column of strings (ORTH, LOWER, LEMMA) in a set, not with
    ``numpy.isin`` (which sorts: slower than a set for a document's few hundred words)."""
    return frozenset(get_string_id(w) for w in words)


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text (``doc_text``) instead of joined from a
    Token per word: the same characters (a span's ``start_char`` and ``end_char`` are its first
    token's start and its last token's end)."""
    return doc_text(span.doc)[span.start_char: span.end_char] if len(span) else ""


def entity_text(ent: Span) -> str:
    """An entity's words without a leading article: "the FSB" -> "FSB"."""
    start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
    return ent.doc[start: ent.end].text
