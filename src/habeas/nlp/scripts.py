"""Words typed in two alphabets: "Cуд" with a Latin C, "Маryia" with a Cyrillic М.

Saved pages mix Latin and Cyrillic letters that look alike, and a model reads such a word as
neither language's. Before parsing, a word written mostly in one alphabet gets that alphabet's
form of its look-alike letters from the other; the text keeps its length, so every offset and
quoted evidence stays the same.
"""

from __future__ import annotations

import re

# Latin letter -> the Cyrillic letter that looks the same.
LOOK_ALIKES = dict(zip("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху"))
TO_CYRILLIC = str.maketrans(LOOK_ALIKES)
TO_LATIN = str.maketrans({c: latin for latin, c in LOOK_ALIKES.items()})
WORD = re.compile(r"\w+")
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def unmix(text: str) -> str:
    """``text`` with each mixed-alphabet word in its main alphabet, where the letters of the
    other one all have look-alikes; same length."""
    if not (LATIN.search(text) and CYRILLIC.search(text)):
        return text

    def one(match: re.Match) -> str:
        word = match.group(0)
        latin, cyrillic = len(LATIN.findall(word)), len(CYRILLIC.findall(word))
        if not latin or not cyrillic:
            return word
        fixed = word.translate(TO_CYRILLIC if cyrillic >= latin else TO_LATIN)
        mixed = LATIN.search(fixed) and CYRILLIC.search(fixed)
        return word if mixed else fixed

    return WORD.sub(one, text)
