"""Where ``habeas run --jobs N`` spends its CPU: each process of the tree, on the end-to-end texts.

    .venv/bin/python bench/processes.py [--jobs 2] [--articles 400] [--rounds 1]

Runs ``habeas run --jobs N`` into a fresh SQLite store on the texts of ``bench/throughput.py
--end-to-end`` (the English examples, ``tests/gold`` and ``../shared/gold/real``, each copy made
unique) and reads the CPU time (user + system) and the memory (RSS) of each of its processes
five times a second (psutil): the writer (ingest, storing, resolution, search index), the
forkserver (which loads the English pipeline once, ``habeas.nlp.preload``) and the NLP
workers. A worker's last moment before it ends may fall between two readings, so the sum is a
little under the tree's CPU that ``bench/throughput.py --end-to-end`` counts; the CPU of the
workers is their sum, the memory that of the largest (RSS counts the pages a worker shares with
the forkserver it was forked from, the model's, in each). Then the writer's
parts apart, each in a process of its own: ``habeas --help`` (start-up and imports) and
``habeas ingest`` of the same texts (start-up, a fresh store's migrations, ingest). With
``--rounds N``, the medians.
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
from pathlib import Path

import psutil

from throughput import ROOT, load_documents

HABEAS = str(Path(sys.executable).parent / "habeas")


def texts_file(path: Path, articles: int) -> None:
    """The end-to-end texts, as ``bench/throughput.py --end-to-end`` makes them."""
    folders = [ROOT / "examples", ROOT / "tests" / "gold", ROOT.parent / "shared" / "gold" / "real"]
    english = [d for d in load_documents(folders) if d.language in (None, "en")]
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            text = f"{english[n % len(english)].text}\n\n(Copy {n // len(english) + 1}.)"
            out.write(json.dumps({"id": f"t{n}", "title": f"Text {n}", "language": "en",
                                  "text": text}, ensure_ascii=False) + "\n")


def role(process: psutil.Process, writer: int) -> str:
    if process.pid == writer:
        return "writer"
    command = " ".join(process.cmdline())
    if "resource_tracker" in command:
        return "resource tracker"
    # the workers are forked from the forkserver (same command line), which the writer started
    if "forkserver" in command and process.ppid() == writer:
        return "forkserver"
    return "NLP worker"


def watched(command: list[str]) -> dict[int, tuple[str, float, int]]:
    """Run ``command``; each of its processes: (role, CPU seconds, peak RSS in MB), as last
    read."""
    seen: dict[int, tuple[str, float, int]] = {}
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    writer = psutil.Process(child.pid)
    while child.poll() is None:
        try:
            family = [writer, *writer.children(recursive=True)]
        except psutil.Error:
            family = []
        for process in family:
            try:
                with process.oneshot():
                    cpu = process.cpu_times()
                    rss = process.memory_info().rss >> 20
                    name = seen[process.pid][0] if process.pid in seen else \
                        role(process, child.pid)
            except psutil.Error:
                continue
            peak = max(rss, seen.get(process.pid, ("", 0.0, 0))[2])
            seen[process.pid] = (name, cpu.user + cpu.system, peak)
        time.sleep(0.2)
    if child.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode})")
    return seen


def cpu_of(command: list[str]) -> float:
    """CPU seconds of a process that leaves nothing running behind."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        lines = work / "texts.jsonl"
        texts_file(lines, args.articles)
        for round_ in range(args.rounds):
            store = f"sqlite:///{work / f'run-{round_}.db'}"
            seen = watched([HABEAS, "--db", store, "run", str(lines), "--jobs", str(args.jobs)])
            row: dict[str, float] = {}
            for name, cpu, rss in seen.values():
                row[f"{name} CPU s"] = row.get(f"{name} CPU s", 0.0) + cpu
                row[f"{name} peak MB"] = max(row.get(f"{name} peak MB", 0), rss)
            row["all CPU s"] = sum(cpu for _, cpu, _ in seen.values())
            row["start-up (habeas --help) CPU s"] = cpu_of([HABEAS, "--help"])
            row["start-up + ingest (habeas ingest) CPU s"] = cpu_of(
                [HABEAS, "--db", f"sqlite:///{work / f'ingest-{round_}.db'}", "ingest",
                 str(lines)])
            rows.append(row)
            print(f"  round {round_ + 1}: " + ", ".join(f"{k} {v:.1f}" for k, v in row.items()),
                  flush=True)
    names = list(dict.fromkeys(k for row in rows for k in row))
    medians = {k: round(statistics.median(r.get(k, 0.0) for r in rows), 2) for k in names}
    print(f"habeas run --jobs {args.jobs}, {args.articles} articles"
          f"{f', median of {args.rounds} rounds' if args.rounds > 1 else ''}:")
    for name, value in medians.items():
        print(f"  {name:<42} {value:8.2f}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(json.dumps(medians))


if __name__ == "__main__":
    main()
