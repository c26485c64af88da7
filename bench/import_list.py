"""Import speed of `habeas import`: a synthetic list of ROWS persons (distinct names, birth
years, arrest dates, charges, terms, statuses) into a fresh SQLite store; prints rows/s, and
the ratio to a reference measured in the same process on the same file (the CSV parsed with
the csv module and its rows written to a plain SQLite table with one executemany per 1,000
rows), so that a busy or slow machine shows in both figures alike.

Then a second version of the list is imported over the first (``CHANGED`` of the rows with a
new status, ``REMOVED`` gone, as many new ones added): the update in place, which compares every
row and writes only the difference.

    .venv/bin/python bench/import_list.py [ROWS]     # default 100,000; must take under 60 s
"""

from __future__ import annotations

import csv
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from habeas.resolve.lists import import_list
from habeas.workspace import Habeas

ROWS = 100_000
GIVEN = ["Akhtem", "Ilmi", "Server", "Nariman", "Asan", "Emir", "Remzi", "Edem", "Marlen",
         "Enver", "Olga", "Maria", "Ales", "Ihar", "Nasta", "Zarema", "Lenie", "Diliaver"]
SURNAME_ROOTS = ["Chiyg", "Umer", "Mustafay", "Dzhely", "Akhtem", "Kuk", "Bekir", "Smail",
                 "Asan", "Bialiatsk", "Stefanovich", "Lasik", "Loika", "Kolesnikov", "Sentsov"]
ENDINGS = ["ov", "ev", "in", "enko", "uk", "sky", "ich", "iev", "oz", "ly"]
CHARGES = ["mass riots", "extremism", "treason", "espionage", "terrorism", "sabotage"]
STATUSES = ["detained", "sentenced", "released", "unknown"]
BATCH = 1000
# Shares of the rows the second version changes (a status) and removes (as many are added).
CHANGED = 0.01
REMOVED = 0.005


def syllables(n: int) -> str:
    letters = "bdgklmnprstvz"
    vowels = "aeiou"
    out = ""
    while True:
        out += letters[n % len(letters)] + vowels[(n // len(letters)) % len(vowels)]
        n //= len(letters) * len(vowels)
        if not n:
            return out


def write_list(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "birth_year", "arrest_date", "charge", "sentence", "status"])
        for n in range(rows):
            surname = (rng.choice(SURNAME_ROOTS) + syllables(n) + rng.choice(ENDINGS)).title()
            writer.writerow([f"{rng.choice(GIVEN)} {surname}", rng.randint(1950, 2000),
                             f"{rng.randint(2014, 2024)}-{rng.randint(1, 12):02d}-"
                             f"{rng.randint(1, 28):02d}", rng.choice(CHARGES),
                             f"{rng.randint(1, 20)} years", rng.choice(STATUSES)])


def second_version(path: Path, target: Path, rows: int, seed: int = 8) -> int:
    """The list at ``path`` with ``CHANGED`` of its rows given another status, ``REMOVED``
    dropped and as many new rows added; the number of rows that differ."""
    rng = random.Random(seed)
    with path.open(newline="", encoding="utf-8") as f:
        header, *body = list(csv.reader(f))
    changed = set(rng.sample(range(len(body)), int(rows * CHANGED)))
    removed = set(rng.sample(sorted(set(range(len(body))) - changed), int(rows * REMOVED)))
    out = []
    for n, row in enumerate(body):
        if n in removed:
            continue
        if n in changed:
            row = [*row[:5], "released" if row[5] != "released" else "detained"]
        out.append(row)
    for n in range(len(removed)):  # new persons, named as the first version's are
        surname = (rng.choice(SURNAME_ROOTS) + syllables(rows + n) + rng.choice(ENDINGS)).title()
        out.append([f"{rng.choice(GIVEN)} {surname}", rng.randint(1950, 2000), "2023-01-02",
                    rng.choice(CHARGES), f"{rng.randint(1, 20)} years", "detained"])
    with target.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *out])
    return len(changed) + 2 * len(removed)


def reference(path: Path, database: Path) -> float:
    """Seconds to parse the list with csv and executemany its rows into a plain table, in
    batches of ``BATCH`` rows each committed (what no import can beat)."""
    start = time.perf_counter()
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, name TEXT, birth_year INT, "
                       "arrest_date TEXT, charge TEXT, sentence TEXT, status TEXT)")
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        while batch := [row for _, row in zip(range(BATCH), reader)]:
            connection.execute("BEGIN")
            connection.executemany("INSERT INTO rows (name, birth_year, arrest_date, charge, "
                                   "sentence, status) VALUES (?, ?, ?, ?, ?, ?)", batch)
            connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - start


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        write_list(path, rows)
        floor = reference(path, Path(folder) / "reference.db")
        habeas = Habeas(database_url=f"sqlite:///{folder}/bench.db")
        habeas.engine  # noqa: B018  (migrations are not the import)
        start = time.perf_counter()
        report = import_list(habeas.transaction, path)
        seconds = time.perf_counter() - start
        (Path(folder) / "v2").mkdir()
        newer = Path(folder) / "v2" / "list.csv"
        differing = second_version(path, newer, rows)
        start = time.perf_counter()
        update = import_list(habeas.transaction, newer)
        again = time.perf_counter() - start
        habeas.close()
    print(f"{rows:,} rows in {seconds:.1f} s: {rows / seconds:,.0f} rows/s "
          f"({report.count('imported')} new, {report.count('merged')} merged, "
          f"{report.count('rejected')} rejected)")
    print(f"reference (csv + plain sqlite executemany): {floor:.2f} s; import / reference = "
          f"{seconds / floor:.0f}x")
    diff = update.diff
    print(f"second version ({differing:,} rows differ: {len(diff['added'])} added, "
          f"{len(diff['removed'])} removed, {len(diff['changed'])} changed, "
          f"{diff['unchanged']:,} unchanged) in {again:.1f} s; update / reference = "
          f"{again / floor:.0f}x")


if __name__ == "__main__":
    main()
