"""Person resolution at scale: synthetic mentions with realistic variant noise, resolved by
``habeas.resolve.cluster``, scored pairwise against the synthetic truth.

    .venv/bin/python bench/resolve.py                  # 1,000,000 mentions
    .venv/bin/python bench/resolve.py --mentions 20000

The population: persons with Russian, Ukrainian and Crimean Tatar given names and surnames,
families in it (brothers share a surname and patronymic, a son's patronymic is made from his
father's given name, wives and sisters carry the -ova form); full names are unique outside
families, since names alone cannot tell two namesakes apart; surnames are roots, middle
syllables and endings (about 8,000 surnames). Each mention is one person's name
written one way: plain, another transliteration, in Cyrillic, surname first, with the
patronymic, with a typo, as a surname alone, or with an initial.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from habeas.resolve.cluster import resolve_mentions  # noqa: E402
from habeas.resolve.lexicon import FEMALE_NAMES, MALE_NAMES, name_groups  # noqa: E402

MENTIONS_PER_PERSON = 20
ROOTS = """abdul ablaz ahmed akhtem alim ametov asan aziz bekir bilal chiygoz dzhelyal emir
enver ismail kurbedin mamut memet mustafa nuri osman refat remzi rustem seytum
server suleiman umer useinov zekiry bariev belyal chubar dzhemil eskend fevzi halil
ibragim kadyr karamet kemal lenur marlen nariman rasim seidamet sinan talat timur yagya
ziyad petr ivan sidor kozlov volk orl sokol medved lebed zaits gusev popov belous chern kovalen
shevchen bondar tkach kravchen moroz kuzmen lysen rudnev savchen karpyuk sentsov kolchen balukh
panov klykh sushch yatsen shtyblik bessarab dashkevich losik bialiatsk kalesnik roshchyn""".split()
MIDDLES = ("", "al", "ush", "bek", "im", "dor", "gar", "nes", "tup", "ziy", "ov", "erk")
MALE_SUFFIXES = ("ov", "in", "enko", "uk", "ski", "ullaev", "edinov")
NOISE = (  # (kind, weight)
    ("plain", 30), ("translit", 18), ("cyrillic", 14), ("swap", 10), ("patronymic", 5),
    ("typo", 10), ("surname", 6), ("initial", 7),
)
TRANSLIT = (("kh", "h"), ("y", "i"), ("ev", "yev"), ("iy", "ii"), ("dzh", "j"), ("v", "w"),
            ("ch", "tch"), ("ts", "tz"), ("ya", "ia"), ("yu", "iu"), ("e", "ye"))
LATIN_TO_CYRILLIC = (("shch", "щ"), ("dzh", "дж"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
                     ("ch", "ч"), ("sh", "ш"), ("ya", "я"), ("yu", "ю"), ("iy", "ий"),
                     ("y", "й"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"),
                     ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"),
                     ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
                     ("u", "у"), ("f", "ф"), ("h", "х"), ("j", "й"), ("c", "к"), ("w", "в"),
                     ("x", "кс"), ("q", "к"))


def cyrillic(word: str) -> str:
    out, i, low = [], 0, word.lower()
    while i < len(low):
        for latin, cyr in LATIN_TO_CYRILLIC:
            if low.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(low[i])
            i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:]


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(2, len(word) - 1)
    kind = rng.randrange(4)
    letter = rng.choice("aeioulnrstkm")
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + letter + word[i:]
    if kind == 2:
        return word[:i] + letter + word[i + 1:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def translit(word: str, rng: random.Random) -> str:
    options = [(a, b) for a, b in TRANSLIT if a in word.lower()]
    if not options:
        return word
    a, b = rng.choice(options)
    return word.replace(a, b, 1) if a in word else word.replace(a.capitalize(), b.capitalize(), 1)


def population(n: int, rng: random.Random) -> list[dict]:
    male = [g for g in name_groups(MALE_NAMES) if len(g[0]) > 2]
    female = name_groups(FEMALE_NAMES)
    surnames = sorted({(r + m + s).capitalize() for r in ROOTS for m in MIDDLES
                       for s in MALE_SUFFIXES})
    used: set[tuple[str, str]] = set()
    persons: list[dict] = []

    def add(given_group, surname, patronymic_of, sex):
        key = (given_group[0], surname)
        if key in used:
            return None
        used.add(key)
        stem = patronymic_of[0].capitalize()
        patronymic = stem + ("ovna" if sex == "f" else "ovich")
        persons.append({"given": given_group, "surname": surname, "patronymic": patronymic,
                        "sex": sex})
        return persons[-1]

    while len(persons) < n:
        surname = rng.choice(surnames)
        father = rng.choice(male)
        person = add(rng.choice(male), surname, father, "m")
        if person is None:
            continue
        roll = rng.random()
        if roll < 0.10 and len(persons) < n:  # a brother: same surname and patronymic
            add(rng.choice([g for g in male if g != person["given"]]), surname, father, "m")
        elif roll < 0.15 and len(persons) < n:  # his son: patronymic from his given name
            add(rng.choice([g for g in male if g != person["given"]]), surname,
                person["given"], "m")
        elif roll < 0.20 and len(persons) < n:  # wife or sister: the -a form
            add(rng.choice(female), surname + "a", rng.choice(male), "f")
    return persons[:n]


def mention(person: dict, rng: random.Random, kinds, weights) -> str:
    given = person["given"][0].capitalize()
    surname = person["surname"]
    kind = rng.choices(kinds, weights)[0]
    if kind == "plain":
        return f"{given} {surname}"
    if kind == "translit":
        other = rng.choice(person["given"]).capitalize()
        return f"{other} {translit(surname, rng)}"
    if kind == "cyrillic":
        return f"{cyrillic(given)} {cyrillic(surname)}"
    if kind == "swap":
        return f"{surname} {given}"
    if kind == "patronymic":
        return f"{surname} {given} {person['patronymic']}"
    if kind == "typo":
        return f"{given} {typo(surname, rng)}"
    if kind == "surname":
        return surname
    return f"{given[0]}. {surname}"


def pairwise(truth: list[int], labels: list[int]) -> tuple[float, float]:
    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(Counter(zip(truth, labels)))
    predicted, actual = pairs(Counter(labels)), pairs(Counter(truth))
    return (both / predicted if predicted else 1.0), (both / actual if actual else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    persons = population(max(1, args.mentions // MENTIONS_PER_PERSON), rng)
    kinds, weights = zip(*NOISE)
    truth = [rng.randrange(len(persons)) for _ in range(args.mentions)]
    texts = [mention(persons[t], rng, kinds, weights) for t in truth]
    print(f"{args.mentions:,} mentions of {len(persons):,} persons "
          f"({len(set(texts)):,} distinct spellings)")
    started = time.perf_counter()
    labels = resolve_mentions(texts)
    seconds = time.perf_counter() - started
    precision, recall = pairwise(truth, labels)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"resolved in {seconds:.1f} s: {args.mentions / seconds:,.0f} mentions/s; "
          f"{len(set(labels)):,} persons found")
    print(f"peak RSS {peak:,.0f} MB")
    print(f"pairwise precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f}")


if __name__ == "__main__":
    main()
