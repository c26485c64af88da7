"""Resolving many name mentions at once, in memory: the same scorer as the store uses
(``names.name_score``), behind blocking, so a million mentions take minutes, not days.

1. Each distinct spelling is parsed once; spellings with the same key (given-name group and
   surname skeleton: "Ахтем Чийгоз" = "Chiygoz Akhtem") are one name.
2. Full names are compared within blocks (``names.block_keys``: initial + surname prefix,
   initial + surname suffix); rapidfuzz's ``cdist`` scores the surnames of a block in C and
   only pairs with similar surnames are scored in full.
3. Pairs at or above ``names.SAME_NAME`` are joined best first, never joining two groups whose
   given names cannot be one person (so "A. Akhtemov" cannot chain two brothers together).
4. A surname alone (or an initial and a surname) joins the one group with that surname; where
   there are several (brothers), each such mention stays on its own.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from .names import SAME_NAME, SURNAME_SIMILAR, Name, block_keys, name_score, parse

# Blocks larger than this are compared in slices of this many rows (bounds cdist's memory).
MAX_BLOCK_ROWS = 2000


class Groups:
    """Union-find over names, each group remembering its given names and genders."""

    def __init__(self, names: list[Name], weights: list[int]) -> None:
        self.parent = list(range(len(names)))
        # the surname most of a group's mentions carry, and how many mentions it has
        self.surname = [n.surname for n in names]
        self.weight = list(weights)
        self.given = [{n.given} if n.given else set() for n in names]
        self.gender = [{n.gender} if n.gender else set() for n in names]

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def compatible(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if len(self.gender[ra] | self.gender[rb]) > 1:
            return False
        if self.surname[ra] and self.surname[rb] and self.surname[ra] != self.surname[rb] and \
                OSA.normalized_similarity(self.surname[ra], self.surname[rb]) < SURNAME_SIMILAR:
            return False  # a typo may sit between two surnames; it cannot join them
        for x in self.given[ra]:
            for y in self.given[rb]:
                if x != y and not (x[0] == y[0] and
                                   Levenshtein.normalized_similarity(x, y) >= 0.8):
                    return False
        return True

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.compatible(ra, rb):
            return False
        if self.weight[ra] < self.weight[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.weight[ra] += self.weight[rb]
        self.surname[ra] = self.surname[ra] or self.surname[rb]
        self.given[ra] |= self.given[rb]
        self.gender[ra] |= self.gender[rb]
        self.given[rb] = self.gender[rb] = set()
        return True


def resolve_mentions(texts: list[str]) -> list[int]:
    """A group number for every mention: mentions with one number are one person."""
    spelling: dict[str, int] = {}
    codes = np.empty(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        codes[i] = spelling.setdefault(text, len(spelling))
    parsed = [parse(text) for text in spelling]
    by_key: dict[str, int] = {}
    names: list[Name] = []
    of_spelling = np.empty(len(parsed), dtype=np.int64)
    for i, name in enumerate(parsed):
        key = name.key() if name.full else f"?{name.text}"
        if key not in by_key:
            by_key[key] = len(names)
            names.append(name)
        of_spelling[i] = by_key[key]
    weights = np.bincount(of_spelling[codes], minlength=len(names)).tolist()
    groups = Groups(names, weights)
    full = [i for i, n in enumerate(names) if n.full]
    pairs = _candidate_pairs(names, full)
    pairs.sort(key=lambda p: -p[0])
    for _, a, b in pairs:
        groups.union(a, b)
    attached = _attach_partial(names, groups, full)
    labels = np.array([groups.find(i) for i in range(len(names))], dtype=np.int64)
    out = labels[of_spelling[codes]]
    # a partial name that fits several persons (or none) says nothing about who it is: each
    # such mention is left on its own
    alone = np.array([not n.full and i not in attached for i, n in enumerate(names)])
    lone = alone[of_spelling[codes]]
    out[lone] = len(names) + np.arange(int(lone.sum()))
    return out.tolist()


def _candidate_pairs(names: list[Name], full: list[int]) -> list[tuple[float, int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in full:
        for key in block_keys(names[i]):
            if not key.startswith("s:"):
                blocks[key].append(i)
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int]] = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        surnames = [names[i].surname for i in members]
        for start in range(0, len(members), MAX_BLOCK_ROWS):
            rows = surnames[start:start + MAX_BLOCK_ROWS]
            matrix = process.cdist(rows, surnames, scorer=OSA.normalized_similarity,
                                   score_cutoff=SURNAME_SIMILAR, dtype=np.float32, workers=-1)
            for r, c in zip(*np.nonzero(matrix)):
                a, b = members[start + r], members[c]
                if a >= b or (a, b) in seen:
                    continue
                seen.add((a, b))
                score, _ = name_score(names[a], names[b])
                if score >= SAME_NAME:
                    pairs.append((score, a, b))
    return pairs


def _attach_partial(names: list[Name], groups: Groups, full: list[int]) -> set[int]:
    """Surname-only and initial-only names join the one group carrying their surname; returns
    those that did."""
    attached: set[int] = set()
    by_surname: dict[str, set[int]] = defaultdict(set)
    for i in full:
        by_surname[names[i].surname].add(groups.find(i))
    for i, name in enumerate(names):
        if name.full or not name.surname:
            continue
        found = by_surname.get(name.surname, set())
        if name.initial:
            found = {g for g in found if any(x[:1] == name.initial for x in groups.given[g])}
        if name.gender:
            found = {g for g in found if not groups.gender[g] or name.gender in groups.gender[g]}
        if len(found) == 1 and groups.union(i, next(iter(found))):
            attached.add(i)
    return attached
