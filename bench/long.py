"""Long texts: extraction time and peak memory per text length, one article of each length.

    .venv/bin/python bench/long.py [--sizes 100000,200000,400000,1600000]

The article is the example reports repeated until it has the length asked for. Each length runs
in a child process of its own (so that its peak memory is its own): the child loads the pipeline,
warms it up on one report, then extracts the long article once. Prints, per length, the CPU
seconds, the microseconds per character and the peak resident memory above the loaded pipeline,
then the ratio of the slowest to the fastest time per character (1.0: time exactly linear in
length; goal <= 1.5). CPU time, not wall time, so that other work on the machine does not count.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100_000, 200_000, 400_000, 1_600_000)


def long_text(size: int) -> str:
    """The example reports, one after another, repeated to ``size`` characters."""
    from habeas.model import Rejected
    from habeas.sources import read_sources

    reports = [d.text for d in read_sources([str(ROOT / "examples" / "reports")])
               if not isinstance(d, Rejected)]
    block = "\n\n".join(reports) + "\n\n"
    return (block * (size // len(block) + 1))[:size]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def measure(size: int) -> dict:
    """One length, in this process."""
    from habeas.config import DEFAULT_MODEL
    from habeas.model import Document
    from habeas.nlp.pipeline import extract_text, make_nlp

    nlp = make_nlp(DEFAULT_MODEL)
    text = long_text(size)
    extract_text(nlp, Document(text=text[:5000], source="warm-up"))
    before = peak_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    extraction = extract_text(nlp, Document(text=text, source=f"long-{size}"))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"chars": size, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
            "us_per_char": round(cpu / size * 1e6, 2),
            "peak_mb_above_pipeline": round(peak_mb() - before, 1),
            "events": len(extraction.events), "persons": len(extraction.persons)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="comma-separated lengths in characters")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's length
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True,
                               capture_output=True, text=True)
        rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
        row = rows[-1]
        print(f"{row['chars']:>10,} chars  {row['cpu_s']:8.2f} s CPU  "
              f"{row['us_per_char']:7.2f} us/char  {row['peak_mb_above_pipeline']:8.1f} MB peak",
              flush=True)
    rates = [r["us_per_char"] for r in rows]
    ratio = max(rates) / min(rates)
    print(f"time per character, slowest / fastest: {ratio:.2f}  (goal <= 1.5)")
    print(json.dumps({"sizes": rows, "ratio_max_min_per_char": round(ratio, 3)}))


if __name__ == "__main__":
    main()
