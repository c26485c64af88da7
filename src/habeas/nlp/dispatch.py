"""One pipeline per language: each article is read by the pipeline of its language.

English articles go through the spaCy pipeline (``pipeline.process``), Russian ones through the
natasha pipeline (``lang.ru.pipeline``), Ukrainian ones through the persons-only pipeline
(``lang.uk.pipeline``: names, no events; its versions say so); an article in any other language
yields an empty extraction whose versions say "no extraction for LANG yet", so it is stored,
searchable and reported, and never read with another language's rules. Runs of consecutive articles in one
language are batched together; the order of the articles is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby

from spacy.language import Language

from ..model import Document, Extraction
from .language import language_of, unsupported_note


def process_documents(english: Callable[[], Language], documents: Iterable[Document], *,
                      batch_size: int = 32) -> Iterator[tuple[Document, Extraction]]:
    """Each document with its extraction, in order; ``english()`` gives the English pipeline
    (loaded only when an English article comes)."""
    documents = list(documents)
    for document in documents:
        document.language = language_of(document.text, document.language)
    for language, run in groupby(documents, key=lambda d: d.language):
        yield from _process_run(language, list(run), english, batch_size)


def _process_run(language: str, run: list[Document], english: Callable[[], Language],
                 batch_size: int) -> Iterator[tuple[Document, Extraction]]:
    if language == "en":
        from .pipeline import process

        yield from process(english(), run, batch_size=batch_size)
    elif language == "ru":
        from .lang.ru.pipeline import process as process_ru

        yield from process_ru(run)
    elif language == "uk":
        from .lang.uk.pipeline import process as process_uk

        yield from process_uk(run)
    else:
        for document in run:
            yield document, unsupported(document)


def unsupported(document: Document) -> Extraction:
    """The extraction of an article in a language without a pipeline: nothing, and why."""
    meta = {"id": document.doc_id, "title": document.title, "published": document.published,
            "outlet": document.outlet, "url": document.url, "language": document.language}
    return Extraction(document=meta, versions={"skipped": unsupported_note(document.language)})
