"""Throughput: Habeas extraction vs raw ``nlp.pipe`` of the same spaCy model, same texts, one run.

    .venv/bin/python bench/throughput.py [--repeat N] [--texts DIR]

Prints articles/s for each and the ratio habeas/raw (1.0 would mean Habeas adds nothing). The
texts are the example articles and, where ``../shared`` is present, the seed gold file,
repeated to make a few hundred articles.
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
    documents = load_documents(folders) * args.repeat
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


if __name__ == "__main__":
    main()
