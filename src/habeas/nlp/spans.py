"""Looking up a token's entity once per document.

``Doc.ents`` builds a new tuple of spans on every access, so scanning it for each token is
quadratic in the length of the article. The entities are final once the gazetteer has run
(``components.Gazetteer`` sets them); this map is built from them on first use.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_KEY = "habeas_entity_at"


def entity_at(token: Token) -> Span | None:
    """The entity ``token`` is part of, if any."""
    data = token.doc.user_data
    if _KEY not in data:
        data[_KEY] = {t: ent for ent in token.doc.ents for t in range(ent.start, ent.end)}
    return data[_KEY].get(token.i)


def doc_text(doc) -> str:
    """The document's text, built once: ``Doc.text`` joins every token on each access."""
    if "habeas_text" not in doc.user_data:
        doc.user_data["habeas_text"] = doc.text
    return doc.user_data["habeas_text"]


def forget_entities(doc) -> None:
    """Drop the map after ``doc.ents`` changed."""
    doc.user_data.pop(_KEY, None)


def entity_text(ent: Span) -> str:
    """An entity's words without a leading article: "the FSB" -> "FSB"."""
    start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
    return ent.doc[start: ent.end].text
