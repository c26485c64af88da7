"""The Russian pipeline: natasha (razdel segmentation, slovnet morphology, UD syntax and NER on
navec embeddings; all inside the PyPI wheels) reads the text, then the rules of ``lang/ru/`` find
persons (``persons``) and events (``events``); the result is an ``Extraction`` like English's."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ....model import Document, Extraction
from ...scripts import unmix
from . import RULES
from .syntax import Sentence, Word, read_participle

# A line break before a line that does not go on in lower case.
LINE_BREAK = re.compile(r"\s*\n\s*(?=[^\sа-яёa-z])")
# How far a quote may run on after a full stop inside it and still be a name ("«Поддержка
# политзаключённых. Мемориал»").
QUOTED_NAME = 40
# The dot inside an outlet's name ("Крым.Реалии", "Кавказ.Реалии", "Газета.Ru").
DOTTED_NAME = re.compile(r"(?<=[а-яёa-z])\.(?=(?:Реалии|Ru|Ру)\b)")
# The version of this pipeline, stored with every claim it makes (with the rule set's).
VERSION = "habeas.russian.v12"


@dataclass(frozen=True)
class Models:
    segmenter: object
    morph_vocab: object
    morph: object
    syntax: object
    ner: object


@functools.cache
def models() -> Models:
    """natasha's models, loaded once per process (about 7 s)."""
    from natasha import (MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                         NewsSyntaxParser, Segmenter)

    embedding = NewsEmbedding()
    return Models(Segmenter(), MorphVocab(), NewsMorphTagger(embedding),
                  NewsSyntaxParser(embedding), NewsNERTagger(embedding))


@dataclass
class Parsed:
    """An article as natasha read it: sentences of words, and named spans (PER, LOC, ORG) with
    their nominative forms."""

    text: str
    sentences: list[Sentence]
    spans: list[tuple[str, int, int, str]]   # (type, start, end, normal)


def parse(text: str) -> Parsed:
    from natasha import Doc

    m = models()
    doc = Doc(DOTTED_NAME.sub("-", unmix(text)))  # "Cуд" with a Latin C: one alphabet;
    # "Крым.Реалии" one word (razdel would end a sentence at its dot); offsets unchanged
    doc.segment(m.segmenter)
    _split_lines(doc)
    doc.tag_morph(m.morph)
    doc.parse_syntax(m.syntax)
    doc.tag_ner(m.ner)
    sentences = []
    for sent in doc.sents:
        index = {token.id: n for n, token in enumerate(sent.tokens)}
        words = []
        for n, token in enumerate(sent.tokens):
            token.lemma = natasha_lemma(token.text, token.pos,
                                        tuple(sorted((token.feats or {}).items())))
            words.append(Word(i=n, text=token.text, lemma=(token.lemma or token.text).lower(),
                              pos=token.pos or "X", feats=dict(token.feats or {}),
                              head=index.get(token.head_id), rel=token.rel or "dep",
                              start=token.start, end=token.stop))
            read_participle(words[-1])
        sentences.append(Sentence(text=text[sent.start: sent.stop], start=sent.start,
                                  words=words))  # the sentence as written
    spans = []
    for span in doc.spans:
        span.normalize(m.morph_vocab)
        spans.append(_last_line(text, span.type, span.start, span.stop,
                                span.normal or span.text))
    return Parsed(text=text, sentences=sentences, spans=spans)


def _last_line(text: str, kind: str, start: int, stop: int, normal: str
               ) -> tuple[str, int, int, str]:
    """A named span the tagger ran across a line break ("Фото: «Крымская солидарность»\n\nЮжный
    окружной военный суд", "Крым.Реалии\n\nАсан Куртсеитов"): a caption's or a dateline's end
    and the next line's name are two things; the name is the last line's words."""
    cut = text.rfind("\n", start, stop)
    if cut < 0:
        return kind, start, stop, normal
    begin = cut + 1
    while begin < stop and text[begin].isspace():
        begin += 1
    words = len(text[begin:stop].split())
    if not words:
        return kind, start, stop, normal
    return kind, begin, stop, " ".join(normal.split()[-words:])


@functools.lru_cache(maxsize=1 << 16)
def natasha_lemma(text: str, pos: str | None,
                  feats: tuple[tuple[str, str], ...]) -> str | None:
    """natasha's lemma of a word with its part of speech and features, kept: the same words
    come back sentence after sentence, and each lemma is a pymorphy analysis (a sixth of the
    Russian extraction's CPU before it was kept)."""
    return models().morph_vocab.lemmatize(text, pos, dict(feats))


def _split_lines(doc) -> None:
    """A line break ends a sentence where the next line starts a new one (not in lower case):
    a headline, a dateline or a caption has no full stop, and razdel would join it to the
    first sentence of the text ("... арестовали еще на 25 суток\nНовость\n2 марта 2018")."""
    from natasha.doc import DocSent

    sents = []
    for sent in doc.sents:
        start = 0
        for match in LINE_BREAK.finditer(sent.text):
            piece = sent.text[start:match.start()].strip()
            if piece:
                at = sent.start + sent.text.index(piece, start)
                sents.append(DocSent(at, at + len(piece), piece))
            start = match.end()
        piece = sent.text[start:].strip()
        if piece:
            at = sent.start + sent.text.index(piece, start)
            sents.append(DocSent(at, at + len(piece), piece))
    joined: list = []
    for sent in sents:  # "Проект «Поддержка политзаключённых. Мемориал» признал ...": no end
        last = joined[-1] if joined else None  # of a sentence inside quotes
        if last is not None and last.text.count("«") > last.text.count("»") and (
                "\n" not in doc.text[last.stop:sent.start]) and _name_goes_on(last.text,
                                                                         sent.text):
            text = doc.text[last.start:sent.stop]
            joined[-1] = DocSent(last.start, sent.stop, text)
        else:
            joined.append(sent)
    doc.sents = joined
    doc.envelop_sent_tokens()


def _name_goes_on(before: str, after: str) -> bool:
    """A short name in quotes with a full stop inside ("«Поддержка политзаключённых.
    Мемориал»"): its quote closes within a few words of the next piece, before any full stop;
    not a quotation of several sentences."""
    opened = before[before.rfind("«"):]
    closing = after.find("»")
    return 0 < closing <= QUOTED_NAME and "." not in after[:closing] and (
        len(opened) + closing <= 2 * QUOTED_NAME)


def lemma_of(word: str) -> str:
    """The normal form of a word out of context (pymorphy's first parse)."""
    parses = models().morph_vocab.parse(word)
    return parses[0].normal_form if parses else word.lower()


def inflect(word: str, case: str = "Nom") -> str:
    """A word put in a case ("возбуждении" -> "возбуждение"), its capitals kept; an
    abbreviation in capitals ("СИЗО", "ШИЗО", "ОВД") does not decline and stays as written."""
    if len(word) > 1 and word.isupper():
        return word
    parses = models().morph_vocab.parse(word)
    if not parses:
        return word
    form = parses[0].inflect({case})
    out = form.word if form is not None else word
    return out.capitalize() if word[:1].isupper() else out


def inflect_as(word: str, grams: set[str]) -> str:
    """An adjective put in the given form ("екатеринбургском" -> "екатеринбургский")."""
    parse = next((p for p in models().morph_vocab.parse(word) if "ADJF" in str(p.tag)), None)
    form = parse.inflect(grams) if parse is not None else None
    return form.word if form is not None else word


def nominative_phrase(words: list[str]) -> list[str]:
    """A phrase's adjectives and their noun put in the nominative, agreeing ("мелком
    хулиганстве" -> "мелкое хулиганство", "незаконном пересечении" -> "незаконное
    пересечение"); the words after the noun as written. Words that are no such run are
    returned as they are, the first one in the nominative."""
    vocab = models().morph_vocab
    n = 0
    while n < len(words) and any("ADJF" in str(p.tag) for p in vocab.parse(words[n])):
        n += 1
    if n == 0 or n == len(words):
        return [inflect(words[0]), *words[1:]] if words else words
    nouns = [p for p in vocab.parse(words[n]) if "NOUN" in str(p.tag)]
    if not nouns:
        return [inflect(words[0]), *words[1:]]
    noun = nouns[0]
    tag = str(noun.tag)
    gender = next((ud for oc, ud in (("masc", "Masc"), ("femn", "Fem"), ("neut", "Neut"))
                   if oc in tag), None)
    number = "Plur" if "plur" in tag else "Sing"
    out = []
    for word in words[:n]:
        out.append(inflect_as(word, {"Nom", number} | (
            {gender} if gender and number == "Sing" else set())))
    form = noun.inflect({"Nom"})
    out.append(form.word if form is not None else words[n])
    return out + words[n + 1:]


def without_links(parsed: Parsed) -> Parsed:
    """The article less the lines that link to other stories ("Читайте также: В Ярославле
    пенсионерку оштрафовали ...", or "Смотрите также" on a line of its own and the linked title
    on the next): no person of the report is named there and nothing happens to one."""
    link, alone = RULES.pattern("related_link"), RULES.pattern("related_link_alone")
    dropped: list[Sentence] = []
    for n, sentence in enumerate(parsed.sentences):
        if link.match(sentence.text) or (n and alone.match(parsed.sentences[n - 1].text) and (
                "\n" in parsed.text[parsed.sentences[n - 1].start:sentence.start])):
            dropped.append(sentence)
    if not dropped:
        return parsed
    spans = [(s.start, s.start + len(s.text)) for s in dropped]
    gone = {id(s) for s in dropped}
    return Parsed(parsed.text, [s for s in parsed.sentences if id(s) not in gone],
                  [span for span in parsed.spans if not any(
                      start <= span[1] < end for start, end in spans)])


def versions() -> dict[str, str]:
    return {"model": "natasha-1.6.0", "habeas_russian": VERSION, "rules": RULES.version,
            "rules_hash": RULES.hash}


def process(documents: Iterable[Document]) -> Iterator[tuple[Document, Extraction]]:
    """Each Russian document with its extraction, in order; a document the pipeline fails on
    comes with an ``ExtractionError`` instead (as in English), and the others go on."""
    from ...pipeline import _failure

    for document in documents:
        try:
            yield document, extract(document)
        except Exception as e:  # one bad article must not stop the batch
            yield document, _failure(document, e)


def extract(document: Document) -> Extraction:
    from .events import find_events
    from .organisations import fuller_names, own_voice
    from .persons import find_persons

    parsed = without_links(parse(document.text))
    persons, mentions = find_persons(parsed)
    events = find_events(parsed, persons, mentions, published=document.published)
    own_voice(events, document.text, document.outlet)
    fuller_names(events, document.text, document.outlet)
    meta = {"id": document.doc_id, "title": document.title, "published": document.published,
            "outlet": document.outlet, "url": document.url, "language": "ru"}
    return Extraction(document=meta, persons=persons, events=events, versions=versions())
