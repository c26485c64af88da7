"""CPU seconds of Habeas's own English components, apart from the spaCy model's.

    .venv/bin/python bench/rules_cpu.py [--passes N] [--rounds N]

On the texts of the English gold files (``tests/gold``, ``tests/heldout/*/`` and, where
``../shared`` is present, ``../shared/gold/real``), two figures, each the median of its runs:

- components: the model run once on every text (with ``habeas_paragraphs``, before the parser),
  then the Habeas components after it (gazetteer, persons, events, statistics) timed with
  ``time.process_time`` on fresh copies of the parsed Docs, ``--passes`` times (no cache of one
  pass reaches the next);
- extraction minus raw: ``Habeas().extract_documents`` of the texts against raw ``nlp.pipe`` of
  the same model on the same texts, alternated ``--rounds`` times (noisier: it subtracts two
  large figures, and the model's own CPU moves with the load).

CPU time still moves with the other work on a shared machine (caches, frequency): compare
runs made one after the other, and say the load (printed).
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from habeas.evaluate import gold_documents
from habeas.nlp.pipeline import make_doc, make_nlp
from habeas.workspace import Habeas

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "tests" / "gold", *sorted((ROOT / "tests" / "heldout").glob("*/")),
           ROOT.parent / "shared" / "gold" / "real"]
AFTER_THE_MODEL = ["habeas_gazetteer", "habeas_persons", "habeas_events", "habeas_statistics"]


def english_documents():
    paths = [p for folder in FOLDERS for p in sorted(glob.glob(f"{folder}/*.json"))]
    _, documents = gold_documents(paths)
    return [d for d in documents if d.language in (None, "en")]


def components(documents, passes: int) -> list[float]:
    habeas = Habeas()
    nlp = make_nlp(habeas.model)
    with nlp.select_pipes(disable=AFTER_THE_MODEL):
        parsed = [nlp(make_doc(nlp, d)).to_bytes() for d in documents]
    steps = [nlp.get_pipe(name) for name in AFTER_THE_MODEL]

    def one_pass() -> float:
        docs = [Doc(nlp.vocab).from_bytes(b) for b in parsed]
        start = time.process_time()
        for doc in docs:
            for step in steps:
                doc = step(doc)
        return time.process_time() - start

    one_pass()  # warm-up: lazy gazetteers, lexicons
    return [one_pass() for _ in range(passes)]


def extraction_minus_raw(documents, rounds: int) -> list[tuple[float, float]]:
    habeas = Habeas()
    raw = spacy.load(habeas.model)
    texts = [d.text for d in documents]
    list(habeas.extract_documents(documents))
    list(raw.pipe(texts, batch_size=32))
    out = []
    for _ in range(rounds):
        start = time.process_time()
        list(raw.pipe(texts, batch_size=32))
        raw_cpu = time.process_time() - start
        start = time.process_time()
        list(habeas.extract_documents(documents))
        out.append((time.process_time() - start, raw_cpu))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=7, help="timed passes of the components")
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternated extraction/raw rounds (0: skip)")
    args = parser.parse_args()
    documents = english_documents()
    median = statistics.median
    own = components(documents, args.passes)
    print(f"{len(documents)} English texts; Habeas components after the model: median "
          f"{median(own):.3f} s CPU over {args.passes} passes "
          f"({', '.join(f'{s:.3f}' for s in own)}); load {os.getloadavg()[0]:.2f}")
    if args.rounds:
        pairs = extraction_minus_raw(documents, args.rounds)
        print(f"extract_documents {median(h for h, _ in pairs):.2f} s CPU, raw nlp.pipe "
              f"{median(r for _, r in pairs):.2f} s, difference median "
              f"{median(h - r for h, r in pairs):.2f} s over {args.rounds} rounds; "
              f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
