"""Russian name forms without a model: a case ending stripped to compare the forms a name takes
in a sentence ("Ахтема Чийгоза", "Чийгозу", "Андреевой" are "Ахтем Чийгоз", "Андреева")."""

from __future__ import annotations

import functools
import re

# Case endings, longest first; a stem keeps at least MIN_STEM letters.
ENDINGS = ("ыми", "ими", "ого", "его", "ому", "ему", "ой", "ей", "ым", "им", "ом", "ем", "ую",
           "юю", "ая", "яя", "ий", "ый", "у", "ю", "а", "я", "е", "ы", "и")
MIN_STEM = 3
CYRILLIC = re.compile(r"[а-яёіїєґ]", re.I)


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    word = word.lower().replace("ё", "е")
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[:-len(ending)]
    return word


def same_word(a: str, b: str) -> bool:
    """Two forms of one word: equal stems, or one is the other's stem ("Ахтем", "Ахтема")."""
    a, b = a.lower().replace("ё", "е"), b.lower().replace("ё", "е")
    return a == b or stem(a) == stem(b) or stem(a) == b or stem(b) == a


def inflected_form(name: str, form: str) -> bool:
    """``form`` is ``name`` in another case: Cyrillic, as many words, each the same word."""
    a, b = name.split(), form.split()
    return (bool(CYRILLIC.search(name)) and len(a) == len(b)
            and all(same_word(x, y) for x, y in zip(a, b)))
