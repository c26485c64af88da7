"""Long texts parsed in pieces.

The statistical model (tagger, parser, entity recogniser) sees one sentence window at a time, but
spaCy refuses a text over ``nlp.max_length`` characters (error E088) and its memory grows with
the length of what it is given. A text longer than ``PIECE_CHARS`` is cut at paragraph breaks
(else line breaks, sentence ends, spaces) into pieces no longer than that; the model and the
paragraph component run on each piece, the pieces are joined back into one Doc whose text is the
whole article (so every offset is an offset into the article), and the Habeas components that
need the whole article (persons named once and referred to later, court dates, the dateline) run
on that Doc. A text of at most ``PIECE_CHARS`` characters is parsed whole, as before.

spaCy's tokenizer takes time quadratic in the length of a "word" it strips prefixes and
suffixes from ("[[[[...]]]]", 20,000 characters: minutes). A run of more than ``LONG_WORD``
characters without a space is never a word: it becomes one token, unsplit.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .spans import remember_text

# Longest text the model is given at once. Well under spaCy's ``max_length`` (1,000,000); above
# some 100,000 characters a single parse only costs memory, it gains no context.
PIECE_CHARS = 100_000
# Where a piece may end, best first: a paragraph break, a line break, a sentence end, a space.
BREAKS = ("\n\n", "\n", ". ", " ")
# Longest run of non-space characters given to the tokenizer; a longer one is a token by itself.
LONG_WORD = 1_000
LONG_RUN = re.compile(r"\S{%d,}" % (LONG_WORD + 1))
# A break is looked for in the last part of a piece only, so that no piece is tiny.
SHORTEST_SHARE = 0.5


def split_text(text: str, *, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to ``text``."""
    pieces = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    earliest = start + int((limit - start) * SHORTEST_SHARE)
    for mark in BREAKS:
        found = text.rfind(mark, earliest, limit - len(mark) + 1)
        if found >= 0:
            return found + len(mark)
    return limit  # one 50,000-character word: cut it


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, except that each run of more than ``LONG_WORD`` non-space
    characters is one token that the tokenizer never sees."""
    if LONG_RUN.search(text) is None:
        doc = nlp.make_doc(text)
        remember_text(doc, text)
        return doc
    parts, start = [], 0
    for match in LONG_RUN.finditer(text):
        if match.start() > start:
            parts.append(nlp.make_doc(text[start:match.start()]))
        parts.append(Doc(nlp.vocab, words=[match.group()], spaces=[False]))
        start = match.end()
    if start < len(text):
        parts.append(nlp.make_doc(text[start:]))
    return Doc.from_docs(parts, ensure_whitespace=False)


def whole_article_components(nlp: Language) -> list[str]:
    """The components that run on the joined Doc: the Habeas ones after the model's last."""
    names = nlp.pipe_names
    last_model = max((n for n, name in enumerate(names) if not name.startswith("habeas_")),
                     default=-1)
    return names[last_model + 1:]


def parse_in_pieces(nlp: Language, text: str, *, size: int = PIECE_CHARS) -> Doc:
    """One Doc for ``text``: the model run on pieces, then joined (no tensors: no Habeas
    component reads them, and they would be the largest part of a long Doc)."""
    parsed = []
    with nlp.select_pipes(disable=whole_article_components(nlp)):
        pending = (make_doc(nlp, piece) for piece in split_text(text, size=size))
        for piece in nlp.pipe(pending, batch_size=1):
            piece.tensor = piece.tensor[:0]
            parsed.append(piece)
    return Doc.from_docs(parsed, ensure_whitespace=False, exclude=["tensor", "user_data"])


def finish(nlp: Language, doc: Doc) -> Doc:
    """Run the whole-article components on a Doc joined by ``parse_in_pieces``."""
    for name in whole_article_components(nlp):
        doc = nlp.get_pipe(name)(doc)
    return doc

