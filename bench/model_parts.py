"""The parts of an NLP worker's CPU that the eighth round changed, each timed apart (CPU seconds,
``time.process_time``), on the end-to-end texts of ``bench/throughput.py --end-to-end``:

    .venv/bin/python bench/model_parts.py [--articles 400] [--rounds 3] [--gc]
    .venv/bin/python bench/model_parts.py --extract     # only the worker's part, for a profiler

- the model's attribute ruler and lemmatizer, spaCy's own against Habeas's keyed ones
  (``habeas.nlp.keyed``), on the same Docs (parsed once, copied for each), and whether every
  token's attributes come out the same;
- the place gazetteer (``lexicon.places``) made from its packages against read from its kept
  file (``habeas.nlp.kept``), each in a fresh process;
- with ``--gc``: the garbage collector's CPU in one process extracting the texts (as a worker
  does), with and without ``gc.freeze`` after the pipeline is loaded and warmed up (as the
  forkserver does now), each in a fresh process;
- with ``--extract``, nothing of that: the texts extracted in this process as an NLP worker
  extracts them (``workers.extract_batch``, batches of 32), its CPU printed; to be run under a
  profiler (``py-spy record -r 200 -f raw -o out.txt -- .venv/bin/python bench/model_parts.py
  --extract``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, POS, TAG
from spacy.tokens import Doc

from habeas.config import DEFAULT_MODEL
from habeas.nlp.keyed import keyed
from throughput import ROOT, load_documents

ATTRIBUTES = [TAG, POS, MORPH, LEMMA, DEP, HEAD, LOWER]


def texts(articles: int) -> list[str]:
    folders = [ROOT / "examples", ROOT / "tests" / "gold", ROOT.parent / "shared" / "gold" / "real"]
    english = [d for d in load_documents(folders) if d.language in (None, "en")]
    return [f"{english[n % len(english)].text}\n\n(Copy {n // len(english) + 1}.)"
            for n in range(articles)]


def components(articles: int, rounds: int) -> None:
    parser = spacy.load(DEFAULT_MODEL)
    with parser.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(parser.pipe(texts(articles), batch_size=32))
    print(f"{len(docs)} texts, {sum(len(d) for d in docs)} tokens (tagged and parsed once)")
    blobs = [doc.to_bytes(exclude=["tensor"]) for doc in docs]
    for round_ in range(rounds):  # each round with freshly loaded components: nothing kept yet
        original, faster = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
        keyed(faster)
        seconds, outputs = {}, {}
        for name, nlp in (("spacy", original), ("keyed", faster)):
            copies = [Doc(nlp.vocab).from_bytes(blob) for blob in blobs]  # its own vocab
            for part in ("attribute_ruler", "lemmatizer"):
                component = nlp.get_pipe(part)
                start = time.process_time()
                for doc in copies:
                    component(doc)
                seconds[name, part] = time.process_time() - start
            outputs[name] = copies
        same = all(numpy.array_equal(a.to_array(ATTRIBUTES), b.to_array(ATTRIBUTES))
                   and [t.lemma_ for t in a] == [t.lemma_ for t in b]
                   for a, b in zip(outputs["spacy"], outputs["keyed"]))
        print(f"  round {round_ + 1}: attribute ruler {seconds['spacy', 'attribute_ruler']:.2f}"
              f" -> {seconds['keyed', 'attribute_ruler']:.2f} s, lemmatizer "
              f"{seconds['spacy', 'lemmatizer']:.2f} -> {seconds['keyed', 'lemmatizer']:.2f} s"
              f" (spaCy's -> keyed); every token the same: {same}", flush=True)


PLACES = """
import sys, time
from habeas.nlp import lexicon
t = time.process_time()
if sys.argv[1] == "made":
    lexicon._places()
else:
    lexicon.places()
print(time.process_time() - t)
"""


def places(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, HABEAS_CACHE_DIR=folder)
        run = lambda how: float(subprocess.run(  # noqa: E731
            [sys.executable, "-c", PLACES, how], env=env, capture_output=True, text=True,
            check=True).stdout)
        run("kept")  # writes the file
        made = [run("made") for _ in range(rounds)]
        kept = [run("kept") for _ in range(rounds)]
    print(f"place gazetteer, CPU of making it / reading it from its file, each in a new process "
          f"(median of {rounds}): {statistics.median(made):.3f} / {statistics.median(kept):.3f} s")


GC = """
import gc, json, sys, time
from habeas.config import DEFAULT_MODEL
from habeas.model import Document
from habeas.nlp.preload import WARM_UP
from habeas.nlp.workers import extract_batch
spent = [0.0, 0.0]
def watch(phase, info):
    if phase == "start":
        spent[1] = time.process_time()
    else:
        spent[0] += time.process_time() - spent[1]
extract_batch(DEFAULT_MODEL, 32, [Document(text=WARM_UP, title="", language="en", source="w")])
if sys.argv[2] == "frozen":
    gc.freeze()
texts = json.load(open(sys.argv[1]))
documents = [Document(text=t, title=f"Text {n}", language="en", source=f"t{n}")
             for n, t in enumerate(texts)]
gc.callbacks.append(watch)
start = time.process_time()
for n in range(0, len(documents), 32):
    extract_batch(DEFAULT_MODEL, 32, documents[n:n + 32])
print(json.dumps([spent[0], time.process_time() - start]))
"""


def collector(articles: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "texts.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(texts(articles), out)
        for round_ in range(rounds):
            row = []
            for how in ("frozen", "not frozen"):
                gc_s, all_s = json.loads(subprocess.run(
                    [sys.executable, "-c", GC, path, how], capture_output=True, text=True,
                    check=True).stdout)
                row.append(f"{how}: collector {gc_s:.2f} s of {all_s:.1f} s")
            print(f"  round {round_ + 1}: " + "; ".join(row), flush=True)


def extract(articles: int) -> None:
    from habeas.model import Document
    from habeas.nlp.pipeline import load_nlp
    from habeas.nlp.workers import extract_batch

    start = time.process_time()
    load_nlp(DEFAULT_MODEL)
    loaded = time.process_time()
    documents = [Document(text=t, title=f"Text {n}", language="en", source=f"t{n}")
                 for n, t in enumerate(texts(articles))]
    begun = time.process_time()
    for n in range(0, len(documents), 32):
        extract_batch(DEFAULT_MODEL, 32, documents[n:n + 32])
    print(f"pipeline loaded {loaded - start:.2f} s, {len(documents)} texts extracted "
          f"{time.process_time() - begun:.2f} s (CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--gc", action="store_true", help="also the collector (slow)")
    parser.add_argument("--extract", action="store_true",
                        help="only extract the texts in this process (for a profiler)")
    args = parser.parse_args()
    if args.extract:
        extract(args.articles)
        return
    components(args.articles, args.rounds)
    places(args.rounds)
    if args.gc:
        collector(args.articles, max(1, args.rounds - 1))
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
