"""Building the pipeline and turning a processed Doc into an ``Extraction``."""

from __future__ import annotations

import configparser
import functools
import logging
import re
from importlib import resources
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ExtractionError, ModelError
from ..model import Document, Extraction
from . import components  # noqa: F401  (registers the factories)
from . import headlines, pieces
from .keyed import keyed
from .scripts import unmix
from .spans import doc_text

log = logging.getLogger(__name__)

# A failure's reason is stored with the article: the first line of the error, cut to this length.
MESSAGE_CHARS = 300


def pipeline_config() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read_string(resources.files("habeas").joinpath("habeas.cfg").read_text())
    return config


def make_nlp(model: str) -> Language:
    """Load the spaCy model and add the Habeas components listed in ``habeas.cfg``."""
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as e:
        raise ModelError(f"{model!r} is not installed ({e.__class__.__name__})") from e
    keyed(nlp)  # the attribute ruler and the lemmatizer: the same output, cheaper
    glued_sentences(nlp)
    config = pipeline_config()
    rules = config["rules"].get(nlp.lang)
    if rules is None:
        raise ModelError(f"habeas.cfg names no rule set for the language {nlp.lang!r}")
    for name in config["pipeline"]["components"].split():
        options = dict(config[name]) if config.has_section(name) else {}
        settings = {"rules": {"@misc": rules}} if "rules" in nlp.get_factory_meta(
            name).default_config else {}
        before = options.get("before")
        if before and before in nlp.pipe_names:
            nlp.add_pipe(name, before=before, config=settings)
        else:
            nlp.add_pipe(name, config=settings)
    return nlp


# "was detained.The court ...": saved pages lose the space after a full stop; the stop is a token
# of its own so that the paragraph component can start a sentence after it.
GLUED_STOP = r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])"


def glued_sentences(nlp: Language) -> None:
    infixes = [*nlp.Defaults.infixes, GLUED_STOP]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


@functools.lru_cache(maxsize=2)
def load_nlp(model: str) -> Language:
    """One loaded pipeline per model and process."""
    return make_nlp(model)


def versions(nlp: Language) -> dict[str, str]:
    """What made an extraction: the model, each component's versioned name, and the rule set the
    components read ("rules": its version, "rules_hash": the hash of its data files)."""
    out = {"model": f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"}
    for name, component in nlp.pipeline:
        if hasattr(component, "version"):
            out[name] = component.version
        if getattr(component, "rules", None) is not None:
            out["rules"], out["rules_hash"] = component.rules.version, component.rules.hash
    return out


# Characters saved pages carry that show nothing: emoji variation selectors ("️On September
# 6" after a pictogram), zero-width spaces, byte-order marks. Glued to a word they hide it from
# the model; each becomes a space, so the text keeps its length and its offsets.
INVISIBLE = {c: " " for c in [*range(0xFE00, 0xFE10), 0x200B, 0x2060, 0xFEFF]}
# Whether a text holds any (one search is cheaper than ``str.translate`` over every character).
ANY_INVISIBLE = re.compile("[%s]" % "".join(map(chr, INVISIBLE)))


def model_text(document: Document, verbs: frozenset[str] = frozenset()) -> str:
    """The text the model reads: the article's, same length, with invisible characters as
    spaces, words typed in two alphabets in one (``scripts.unmix``) and title-case headlines in
    sentence case (evidence is quoted from the original)."""
    text = document.text
    if ANY_INVISIBLE.search(text):
        text = text.translate(INVISIBLE)
    return headlines.sentence_case(unmix(text), verbs)


def make_doc(nlp: Language, document: Document) -> Doc:
    doc = pieces.make_doc(nlp, model_text(document, headlines.known_verbs(nlp)))
    doc._.published = document.published
    return doc


def process(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32
            ) -> Iterator[tuple[Document, Extraction | ExtractionError]]:
    """Run the pipeline over documents, yielding each with its extraction, in order. A document
    the pipeline fails on comes with an ``ExtractionError`` instead, and the others go on."""
    stamp = versions(nlp)
    for batch in spacy.util.minibatch(documents, size=batch_size):
        for document, parsed in _parse(nlp, batch):
            if isinstance(parsed, Doc):
                try:
                    parsed = to_extraction(parsed, document, stamp)
                except Exception as e:
                    parsed = _failure(document, e)
            yield document, parsed


def _parse(nlp: Language, batch: list[Document]
           ) -> Iterator[tuple[Document, Doc | ExtractionError]]:
    """Each document of ``batch`` with its Doc or its ``ExtractionError``. Texts of normal
    length are parsed together; when one of them breaks that, each is parsed alone."""
    short = [n for n, d in enumerate(batch) if len(d.text) <= pieces.PIECE_CHARS]
    try:
        parsed = dict(zip(short, nlp.pipe((make_doc(nlp, batch[n]) for n in short),
                                          batch_size=max(len(short), 1))))
    except Exception:  # one document broke the batch: the others must not pay for it
        parsed = {}
    for n, document in enumerate(batch):
        if n in parsed:
            yield document, parsed[n]
            continue
        try:
            yield document, parse_one(nlp, document)
        except Exception as e:
            yield document, _failure(document, e)


def parse_one(nlp: Language, document: Document) -> Doc:
    """One document's Doc; a text longer than ``pieces.PIECE_CHARS`` is parsed in pieces."""
    if len(document.text) <= pieces.PIECE_CHARS:
        return nlp(make_doc(nlp, document))
    doc = pieces.parse_in_pieces(nlp, model_text(document, headlines.known_verbs(nlp)))
    doc._.published = document.published
    return pieces.finish(nlp, doc)


def _failure(document: Document, error: Exception) -> ExtractionError:
    log.debug("extraction of %s failed", document.source, exc_info=error)
    message = (str(error).strip().splitlines() or [""])[0][:MESSAGE_CHARS]
    failure = ExtractionError(f"a text of {len(document.text):,} characters "
                              f"({error.__class__.__name__}: {message})")
    failure.__cause__ = error
    return failure


def to_extraction(doc: Doc, document: Document, stamp: dict[str, str]) -> Extraction:
    meta = {"id": document.doc_id, "title": document.title, "published": document.published,
            "outlet": document.outlet, "url": document.url, "language": document.language}
    persons = doc._.persons or []
    events = doc._.events or []
    if doc_text(doc) != document.text:  # a headline was parsed in sentence case: quote the original
        for event in events + (doc._.group_events or []):
            headlines.requote([*event.sources, event.trigger], document.text)
            event.evidence = event.sources[0].text if event.sources else event.evidence
        for person in persons:
            headlines.requote(person.evidence.values(), document.text)
        headlines.requote([s.evidence for s in doc._.statistics or []], document.text)
    return Extraction(document=meta, persons=persons, events=events,
                      statistics=doc._.statistics or [], group_events=doc._.group_events or [],
                      versions=dict(stamp))


def extract_text(nlp: Language, document: Document) -> Extraction:
    """One document's extraction; raises its ``ExtractionError``."""
    extraction = next(process(nlp, [document]))[1]
    if isinstance(extraction, ExtractionError):
        raise extraction
    return extraction
