"""Throughput: Habeas extraction vs raw ``nlp.pipe`` of the same spaCy model, same texts, one run.

    .venv/bin/python bench/throughput.py [--repeat N] [--texts DIR] [--cpu] [--rounds N]
    .venv/bin/python bench/throughput.py --end-to-end [--jobs 2] [--articles 400] [--cpu]

Prints articles/s for each and the ratio habeas/raw (1.0 would mean Habeas adds nothing). The
texts are the example articles and, where ``../shared`` is present, the seed gold file,
repeated to make a few hundred articles. Then the same for Russian: the Russian pipeline
(natasha + the rules of ``lang/ru``) vs raw natasha (segmentation, morphology, syntax, NER) on
the Russian example articles and ``tests/gold-ru``.

``--end-to-end`` times whole processes, one after the other in the same run: ``habeas run
--jobs N`` (start-up, ingest, NLP in N worker processes, storing, resolution, search index)
into a fresh SQLite store, against a process that loads the same spaCy model and runs raw
``nlp.pipe(texts, n_process=N)``, on the same English texts (the examples, ``tests/gold`` and
``../shared/gold/real``, each copy made unique by a numbered last line, since Habeas stores a
text once). Then, in this process, the NLP alone on the same texts (Habeas's pipeline against
raw ``nlp.pipe``, one process each, both warmed up): the end-to-end ratio cannot exceed it,
whatever the writer costs, so it is printed beside (``--no-ceiling`` skips it).

Wall time on a shared machine moves with the other work on it (the two processes of one run
meet different loads), so each process tree's CPU time is measured too and its ratio printed
beside: raw CPU seconds / habeas CPU seconds, the throughput ratio a machine of one's own would
show when both keep its cores busy. The CPU time of a process tree is what the kernel counts
for the processes this one waits for (``getrusage(RUSAGE_CHILDREN)``); this process makes
itself the subreaper of its descendants (Linux ``PR_SET_CHILD_SUBREAPER``), so the processes a
child leaves behind (``habeas run``'s forkserver, whose children are the NLP workers) come back
to it to be waited for and counted. ``--rounds N`` repeats the pair, alternating, and takes the
medians: of the seconds, and of each round's ratio for the ratios (the Russian pair is always
timed three times, its ratio likewise the median of the three rounds' ratios).

``--cpu`` does the same for the timings made in this process (the NLP-only ratios, English and
Russian, and the end-to-end's ceiling): beside the wall seconds of each side, its CPU seconds
(``time.process_time``: user + system of this process, all its threads; nothing else runs in
it) and their ratio, raw CPU s / habeas CPU s. The end-to-end trees' CPU is printed with or
without it. On a loaded machine read the CPU ratios: the wall ratio of the same code moves by
more than the goal's margin between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


def measured(function) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of this process, all its threads) of
    ``function()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def cpu_ratio(raw_cpu: float, habeas_cpu: float) -> float:
    """Habeas's throughput as a share of the reference's, by CPU time on the same texts: raw
    CPU seconds / habeas CPU seconds (1.0: Habeas adds nothing; the goal is >= 0.8)."""
    if raw_cpu <= 0 or habeas_cpu <= 0:
        raise ValueError(f"CPU seconds must be positive (raw {raw_cpu}, habeas {habeas_cpu})")
    return raw_cpu / habeas_cpu


def subreaper() -> bool:
    """Make this process the reaper of its orphaned descendants (Linux), so their CPU time is
    counted in ``RUSAGE_CHILDREN`` when ``tree`` waits for them; whether it could."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def tree(command: list[str], **options) -> tuple[float, float]:
    """Run ``command`` to its end: its wall seconds, and the CPU seconds (user + system) of
    its whole process tree, the descendants it left running waited for too."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, **options)
    wall = time.perf_counter() - start
    while True:  # the orphans (a forkserver and its workers, ending as the writer ended)
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40, help="copies of each text")
    parser.add_argument("--texts", type=Path, action="append",
                        help="folders of articles (default: examples/ and tests/gold/)")
    parser.add_argument("--end-to-end", action="store_true",
                        help="habeas run --jobs N against raw nlp.pipe(n_process=N), whole "
                             "processes")
    parser.add_argument("--jobs", type=int, default=2, help="with --end-to-end: processes")
    parser.add_argument("--articles", type=int, default=400,
                        help="with --end-to-end: how many articles")
    parser.add_argument("--scheduler", help="with --end-to-end: habeas run --scheduler ADDRESS "
                        "(a Dask cluster) instead of --jobs N")
    parser.add_argument("--rounds", type=int, default=1,
                        help="runs of the pair (raw, habeas), alternated; the medians")
    parser.add_argument("--no-ceiling", action="store_true",
                        help="with --end-to-end: skip the NLP-only ratio on the same texts")
    parser.add_argument("--cpu", action="store_true",
                        help="also the CPU seconds of each side of the timings made in this "
                             "process, and their ratio (the end-to-end trees' CPU is always "
                             "printed)")
    return parser


def main() -> None:
    args = parser().parse_args()
    if args.end_to_end:
        end_to_end(args.jobs, args.articles, args.texts, args.scheduler,
                   ceiling=not args.no_ceiling, rounds=args.rounds, cpu=args.cpu)
        return
    folders = args.texts or [ROOT / "examples", ROOT / "tests" / "gold"]
    loaded = load_documents(folders)
    russian = [d for d in loaded if d.language == "ru"]
    documents = [d for d in loaded if d.language in (None, "en")] * args.repeat
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    pair = timed_pair(documents, rounds=args.rounds)
    raw_rate = len(texts) / pair.raw_wall
    habeas_rate = len(texts) / pair.habeas_wall
    result = {
        "articles": len(texts), "words": words, "rounds": args.rounds,
        "raw_spacy_articles_per_s": round(raw_rate, 1),
        "habeas_articles_per_s": round(habeas_rate, 1),
        "ratio_habeas_vs_raw": round(pair.wall_ratio, 3),
    }
    print(f"{len(texts)} articles, {words} words, model {DEFAULT_MODEL}"
          f"{f', median of {args.rounds} rounds' if args.rounds > 1 else ''}")
    print(f"raw nlp.pipe : {raw_rate:8.1f} articles/s")
    print(f"habeas       : {habeas_rate:8.1f} articles/s")
    print(f"ratio        : {pair.wall_ratio:8.3f}  (habeas / raw; goal >= 0.8)")
    if args.cpu:
        cpu_report(pair, result, "CPU          ", ("raw_cpu_seconds", "habeas_cpu_seconds",
                                                   "ratio_habeas_vs_raw_cpu"),
                   f"  (raw CPU s / habeas CPU s; goal >= 0.8){rounds_of(pair)}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(json.dumps(result))
    russian_bench(russian + load_documents([ROOT / "tests" / "gold-ru"]), args.repeat,
                  cpu=args.cpu)


RAW_PIPE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
n = sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=32))
assert n == len(texts)
"""


def end_to_end(jobs: int, articles: int, folders: list[Path] | None,
               scheduler: str | None = None, *, ceiling: bool = True, rounds: int = 1,
               cpu: bool = False) -> None:
    """``habeas run --jobs N`` vs raw ``nlp.pipe(n_process=N)``: whole processes, same texts;
    wall and whole-tree CPU seconds of each."""
    folders = folders or [ROOT / "examples", ROOT / "tests" / "gold",
                          ROOT.parent / "shared" / "gold" / "real"]
    english = [d for d in load_documents(folders) if d.language in (None, "en")]
    texts = [f"{english[n % len(english)].text}\n\n(Copy {n // len(english) + 1}.)"
             for n in range(articles)]
    words = sum(len(t.split()) for t in texts)
    reaping = subreaper()
    runs: list[tuple[float, float, float, float]] = []  # raw wall, raw CPU, habeas wall, CPU
    with tempfile.TemporaryDirectory() as work:
        lines = Path(work) / "texts.jsonl"
        with lines.open("w", encoding="utf-8") as out:
            for n, text in enumerate(texts):
                out.write(json.dumps({"id": f"t{n}", "title": f"Text {n}", "language": "en",
                                      "text": text}, ensure_ascii=False) + "\n")
        raw = [sys.executable, "-c", RAW_PIPE, DEFAULT_MODEL, str(lines), str(jobs)]
        for round_ in range(rounds):
            store = Path(work) / f"bench-{round_}.db"
            habeas = [str(Path(sys.executable).parent / "habeas"), "--db", f"sqlite:///{store}",
                      "run", str(lines),
                      *(["--scheduler", scheduler] if scheduler else ["--jobs", str(jobs)])]
            raw_wall, raw_cpu = tree(raw)
            habeas_wall, habeas_cpu = tree(habeas, stdout=subprocess.DEVNULL)
            runs.append((raw_wall, raw_cpu, habeas_wall, habeas_cpu))
            if rounds > 1:
                print(f"  round {round_ + 1}: raw {raw_wall:.1f} s wall, {raw_cpu:.1f} s CPU; "
                      f"habeas {habeas_wall:.1f} s wall, {habeas_cpu:.1f} s CPU; ratios "
                      f"{raw_wall / habeas_wall:.3f} wall, {raw_cpu / habeas_cpu:.3f} CPU",
                      flush=True)
    raw_seconds, raw_cpu, habeas_seconds, habeas_cpu = (
        statistics.median(r[i] for r in runs) for i in range(4))
    wall_ratio = statistics.median(r[0] / r[2] for r in runs)
    tree_ratio = statistics.median(cpu_ratio(r[1], r[3]) for r in runs)
    raw_rate, habeas_rate = articles / raw_seconds, articles / habeas_seconds
    print(f"{articles} articles, {words} words, model {DEFAULT_MODEL}, {jobs} process(es), "
          f"whole processes{f', median of {rounds} rounds' if rounds > 1 else ''}")
    print(f"raw nlp.pipe(n_process={jobs})  : {raw_rate:8.1f} articles/s ({raw_seconds:.1f} s "
          f"wall, {raw_cpu:.1f} s CPU)")
    how = f"--scheduler {scheduler}" if scheduler else f"--jobs {jobs}"
    print(f"habeas run {how:<17}: {habeas_rate:8.1f} articles/s "
          f"({habeas_seconds:.1f} s wall, {habeas_cpu:.1f} s CPU)")
    print(f"ratio, wall                 : {wall_ratio:8.3f}  (habeas / raw articles per second; "
          "goal >= 0.8)")
    print(f"ratio, CPU of the whole trees: {tree_ratio:7.3f}  (raw CPU s / habeas CPU s; what "
          f"the load moves less{'' if reaping else '; NOT every descendant counted'})")
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(json.dumps({"articles": articles, "words": words, "jobs": jobs, "scheduler": scheduler,
                      "rounds": rounds, "raw_articles_per_s": round(raw_rate, 2),
                      "habeas_run_articles_per_s": round(habeas_rate, 2),
                      "raw_cpu_seconds": round(raw_cpu, 1),
                      "habeas_run_cpu_seconds": round(habeas_cpu, 1),
                      "ratio_end_to_end": round(wall_ratio, 3),
                      "ratio_end_to_end_cpu": round(tree_ratio, 3),
                      "descendants_counted": reaping}))
    if ceiling:
        nlp_only([Document(text=t, title=f"Text {n}", language="en", source=f"t{n}")
                  for n, t in enumerate(texts)], cpu=cpu)


@dataclass
class Pair:
    """Raw and Habeas on the same texts: wall and CPU seconds of each (medians of the rounds),
    and the ratios (medians of each round's ratio)."""

    raw_wall: float
    habeas_wall: float
    raw_cpu: float
    habeas_cpu: float
    wall_ratio: float
    cpu_ratio: float
    cpu_ratios: list[float]  # each round's, in order


def paired(rounds: list[tuple[tuple[float, float], tuple[float, float]]]) -> Pair:
    """The ``Pair`` of rounds of ((raw wall, raw CPU), (habeas wall, habeas CPU))."""
    median = statistics.median
    return Pair(raw_wall=median(raw[0] for raw, _ in rounds),
                habeas_wall=median(habeas[0] for _, habeas in rounds),
                raw_cpu=median(raw[1] for raw, _ in rounds),
                habeas_cpu=median(habeas[1] for _, habeas in rounds),
                wall_ratio=median(raw[0] / habeas[0] for raw, habeas in rounds),
                cpu_ratio=median(cpu_ratio(raw[1], habeas[1]) for raw, habeas in rounds),
                cpu_ratios=[cpu_ratio(raw[1], habeas[1]) for raw, habeas in rounds])


def rounds_of(pair: Pair) -> str:
    """Each round's CPU ratio, where there were several (the medians hide how they spread)."""
    if len(pair.cpu_ratios) < 2:
        return ""
    return "; rounds " + ", ".join(f"{r:.3f}" for r in pair.cpu_ratios)


def timed_pair(documents: list[Document], *, rounds: int = 1) -> Pair:
    """Raw ``nlp.pipe`` and Habeas's pipeline on the same documents, in this process, both
    warmed up first (lazy gazetteer, caches), then timed alternately ``rounds`` times."""
    texts = [d.text for d in documents]
    raw = spacy.load(DEFAULT_MODEL)
    habeas = make_nlp(DEFAULT_MODEL)
    list(raw.pipe(texts[:5]))
    list(process(habeas, documents[:5]))
    return paired([(measured(lambda: list(raw.pipe(texts, batch_size=32))),
                    measured(lambda: list(process(habeas, documents, batch_size=32))))
                   for _ in range(max(rounds, 1))])


def nlp_only(documents: list[Document], *, cpu: bool = False) -> None:
    """The NLP alone on the end-to-end texts, in this process: Habeas's pipeline against raw
    ``nlp.pipe`` (the ceiling of the end-to-end ratio)."""
    texts = [d.text for d in documents]
    pair = timed_pair(documents)
    print(f"NLP only, same texts, one process each: raw {len(texts) / pair.raw_wall:.1f}, habeas "
          f"{len(texts) / pair.habeas_wall:.1f} articles/s, ratio {pair.wall_ratio:.3f} (the "
          "end-to-end ratio's ceiling)")
    result = {"ratio_nlp_only_same_texts": round(pair.wall_ratio, 3)}
    if cpu:
        cpu_report(pair, result, "NLP only, CPU", ("raw_cpu_seconds_nlp_only",
                                                   "habeas_cpu_seconds_nlp_only",
                                                   "ratio_nlp_only_same_texts_cpu"))
    print(json.dumps(result))


def cpu_report(pair: Pair, result: dict, label: str, keys: tuple[str, str, str],
               note: str = "") -> None:
    """Print ``pair``'s CPU seconds and ratio after ``label``, and add them to ``result``
    under ``keys`` (raw CPU, habeas CPU, ratio)."""
    print(f"{label}: raw {pair.raw_cpu:.2f} s, habeas {pair.habeas_cpu:.2f} s, ratio "
          f"{pair.cpu_ratio:.3f}{note}")
    raw, habeas, ratio = keys
    result.update({raw: round(pair.raw_cpu, 2), habeas: round(pair.habeas_cpu, 2),
                   ratio: round(pair.cpu_ratio, 3)})


def russian_result(pair: Pair, articles: int) -> dict:
    """The Russian figures of ``pair`` (rounds over ``articles`` texts): the rates from the
    median seconds, the ratio the median of each round's ratio, as in English (it was the
    ratio of the median rates, which a round slowed on one side only moves more)."""
    return {"russian_articles": articles,
            "raw_natasha_articles_per_s": round(articles / pair.raw_wall, 1),
            "habeas_ru_articles_per_s": round(articles / pair.habeas_wall, 1),
            "ratio_habeas_ru_vs_raw": round(pair.wall_ratio, 3)}


def russian_bench(documents: list[Document], repeat: int, *, cpu: bool = False) -> None:
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

    # Warm both up on every text (natasha's morphology caches words, Habeas its lexicons), then
    # alternate three timings of each and take the medians: one timing of 35 short texts
    # (a third of a second) moved the ratio from 0.54 to 0.82 between two runs.
    [raw(d.text) for d in documents]
    list(pipeline.process(documents))
    pair = paired([(measured(lambda: [raw(d.text) for d in documents]),
                    measured(lambda: list(pipeline.process(documents)))) for _ in range(3)])
    result = russian_result(pair, len(documents))
    print(f"{len(documents)} Russian articles, median of 3 rounds")
    print(f"raw natasha  : {result['raw_natasha_articles_per_s']:8.1f} articles/s")
    print(f"habeas (ru)  : {result['habeas_ru_articles_per_s']:8.1f} articles/s")
    print(f"ratio        : {pair.wall_ratio:8.3f}  (habeas / raw natasha, the median of each "
          "round's; goal >= 0.7)")
    if cpu:
        cpu_report(pair, result, "CPU          ", ("raw_natasha_cpu_seconds",
                                                   "habeas_ru_cpu_seconds",
                                                   "ratio_habeas_ru_vs_raw_cpu"),
                   f"  (raw CPU s / habeas CPU s){rounds_of(pair)}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
