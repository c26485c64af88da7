"""Throughput: Habeas extraction vs raw ``nlp.pipe`` of the same spaCy model, same texts, one run.

    .venv/bin/python bench/throughput.py [--repeat N] [--texts DIR]

Prints articles/s for each and the ratio habeas/raw (1.0 would mean Habeas adds nothing). The
texts are the example articles and, where ``../shared`` is present, the seed gold file,
repeated to make a few hundred articles. Then the same for Russian: the Russian pipeline
(natasha + the rules of ``lang/ru``) vs raw natasha (segmentation, morphology, syntax, NER) on
the Russian example articles and ``tests/gold-ru``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from habeas.config import DEFAULT_MODEL
from habeas.model import Document, Rejected
from habeas.nlp.pipeline import make_nlp, process
from habeas.sources import read_sources

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "gold" / "dev" / "kp-2017-umerov-chiygoz.json"


def load_documents(folders: list[Path]) -> list[Document]:
    paths = [str(f) for f in folders if f.exists()]
    if SEED.exists():
        paths.append(str(SEED))
    return [d for d in read_sources(paths) if not isinstance(d, Rejected)]


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40, help="copies of each text")
    parser.add_argument("--texts", type=Path, action="append",
                        help="folders of articles (default: examples/ and tests/gold/)")
    args = parser.parse_args()
    folders = args.texts or [ROOT / "examples", ROOT / "tests" / "gold"]
    loaded = load_documents(folders)
    russian = [d for d in loaded if d.language == "ru"]
    documents = [d for d in loaded if d.language in (None, "en")] * args.repeat
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)

    raw = spacy.load(DEFAULT_MODEL)
    habeas = make_nlp(DEFAULT_MODEL)
    # Warm both up so that neither pays for first-call costs (lazy gazetteer, caches).
    list(raw.pipe(texts[:5]))
    list(process(habeas, documents[:5]))

    raw_seconds = timed(lambda: list(raw.pipe(texts, batch_size=32)))
    habeas_seconds = timed(lambda: list(process(habeas, documents, batch_size=32)))
    raw_rate = len(texts) / raw_seconds
    habeas_rate = len(texts) / habeas_seconds
    result = {
        "articles": len(texts), "words": words,
        "raw_spacy_articles_per_s": round(raw_rate, 1),
        "habeas_articles_per_s": round(habeas_rate, 1),
        "ratio_habeas_vs_raw": round(habeas_rate / raw_rate, 3),
    }
    print(f"{len(texts)} articles, {words} words, model {DEFAULT_MODEL}")
    print(f"raw nlp.pipe : {raw_rate:8.1f} articles/s")
    print(f"habeas       : {habeas_rate:8.1f} articles/s")
    print(f"ratio        : {habeas_rate / raw_rate:8.3f}  (habeas / raw; goal >= 0.8)")
    print(json.dumps(result))
    russian_bench(russian + load_documents([ROOT / "tests" / "gold-ru"]), args.repeat)


def russian_bench(documents: list[Document], repeat: int) -> None:
    """Russian articles/s through Habeas vs raw natasha (NER + morph + syntax), same texts."""
    from natasha import Doc

    from habeas.nlp.lang.ru import pipeline

    documents = [d for d in documents if d.language == "ru"] * max(1, repeat // 4)
    models = pipeline.models()

    def raw(text: str) -> None:
        doc = Doc(text)
        doc.segment(models.segmenter)
        doc.tag_morph(models.morph)
        doc.parse_syntax(models.syntax)
        doc.tag_ner(models.ner)

    raw(documents[0].text)
    pipeline.extract(documents[0])
    raw_seconds = timed(lambda: [raw(d.text) for d in documents])
    habeas_seconds = timed(lambda: list(pipeline.process(documents)))
    raw_rate, habeas_rate = len(documents) / raw_seconds, len(documents) / habeas_seconds
    print(f"{len(documents)} Russian articles")
    print(f"raw natasha  : {raw_rate:8.1f} articles/s")
    print(f"habeas (ru)  : {habeas_rate:8.1f} articles/s")
    print(f"ratio        : {habeas_rate / raw_rate:8.3f}  (habeas / raw natasha; goal >= 0.7)")
    print(json.dumps({"russian_articles": len(documents),
                      "raw_natasha_articles_per_s": round(raw_rate, 1),
                      "habeas_ru_articles_per_s": round(habeas_rate, 1),
                      "ratio_habeas_ru_vs_raw": round(habeas_rate / raw_rate, 3)}))


if __name__ == "__main__":
    main()
