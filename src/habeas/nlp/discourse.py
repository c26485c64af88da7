"""Who an expression refers to and whose claim a clause is.

``Discourse`` indexes the person mentions of one doc: which cluster a token belongs to, which
pronoun means whom ("He was arrested" after "Chiygoz ... was sentenced"; "both men" after "Umerov
and Chiygoz"), and who speaks in a sentence ("Poroshenko wrote on Twitter", "according to
Crimea-SOS", "confirmed by Alim Aliev", "Alim Aliev, ..., who said").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator

import numpy
from spacy.attrs import DEP, HEAD, POS
from spacy.lang.en.syntax_iterators import noun_chunks as english_noun_chunks
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from ..model import PersonRecord
from ..resolve import names
from .lang.en import RULES, syntax
from .lexicon import HEDGE_WORDS, HEDGING_VERBS, REPORTING_VERBS, fold
from .spans import doc_text, entities, entity_at, entity_text, has_word

SINGULAR = RULES.words("singular_pronouns")
FIRST_PERSON = RULES.words("first_person_pronouns")
PLURAL = RULES.words("plural_pronouns")
DEFINITE = frozenset({"the", "these", "those", "all", "both", "each"})
# "the 33-year-old"
# "a source in law enforcement", "officials at the prosecutor's office", "a source close to"
SOURCE_PLACES = frozenset({"in", "at", "from", "within", "close", "inside"})
# Sources a report describes once and then calls "the source", "the official".
UNNAMED_SOURCES = RULES.words("unnamed_sources")
# What may stand between a source's head word and what describes it: "a source close to the
# court", "investigators in Moscow", "the head of the group".
DESCRIBING_WORDS = SOURCE_PLACES | {"of", "for", "to"}


def head_word(source: str) -> str:
    """A source's head word, before what describes it: "source" of "source close to the
    court"."""
    words = source.lower().split()
    return next((words[i - 1] for i in range(1, len(words)) if words[i] in DESCRIBING_WORDS),
                words[-1] if words else "")
MAX_SOURCE_TOKENS = 9
AGE_NOUN = re.compile(r"(?:the|this)\s+(\d{1,2})\s*-?\s*years?\s*-?\s*old")
# Nouns that describe the person a report is about: "the scholar", "the activist".
DESCRIPTIONS = RULES.words("subject_descriptions")
PLURAL_NOUNS = RULES.words("plural_nouns") | set(RULES.number_words(2, 10))
SIBLINGS = RULES.words("sibling_nouns")
PLURAL_DETERMINERS = RULES.words("plural_determiners") | set(RULES.number_words(2, 10))
RELATIVE_PRONOUNS = RULES.words("relative_pronouns")
SPOKESPEOPLE = RULES.words("spokespeople")


def who_antecedent(clause: Token) -> Token:
    """Whom a clause of "who" describes: "teacher Halina Sidarenka from Baranavichy, who was
    serving three years" is about her, though the parser hung it on the town."""
    head = clause.head
    if clause.dep_ != "relcl" or not any(c.lower_ in ("who", "whom", "whose")
                                         for c in clause.children):
        return head
    while head.ent_type_ in ("GPE", "LOC", "FAC") and syntax.is_prep_object(head) and \
            head.head.lower_ in ("from", "in", "of") and head.head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head.head
    return head


def noun_text(head: Token) -> str:
    """The phrase a noun heads, without its leading article or clauses."""
    words = [t for t in head.subtree if not any(
        a.dep_ in ("relcl", "acl", "appos") for a in [t, *t.ancestors] if a.i != head.i
        and head in a.ancestors)]
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    while start < end and head.doc[start].dep_ in ("det", "punct"):
        start += 1
    return head.doc[start:end].text.strip(" ,")


ORG_NOUNS = RULES.words("org_nouns")
# How many sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 3
CLIENT_NOUNS = RULES.words("client_nouns")
KIN = RULES.words("kin_nouns")
ROLE_WORDS = RULES.words("role_nouns")
KIN_OR_ROLE = KIN | ROLE_WORDS  # a relative or a role named right after it
# "according to his lawyer, X": who may be named right after the word for them
NAMED_SOURCES = KIN_OR_ROLE | RULES.words("relation_nouns") | RULES.words("counsel_nouns")
MAX_CLOSING = 8  # words of "..., X's press service reports." before the reporting word
RELATIONS = RULES.words("relation_nouns")
COUNSEL = RULES.words("counsel_nouns")
LIST_MARKS = frozenset({":", "–", "—", "-"})
# Tokens a bracket after a listed name may hold: "(Bakhchysarai district)", "(35)".
MAX_BRACKET = 8
# How many sentences back a pronoun may find the person events happened to, when the nearer
# sentences name only others.
VICTIM_WINDOW = 10
ACCUSERS = RULES.words("accusers")


class TokensOf:
    """``i in tokens``: token ``i`` is part of a mention of one of ``persons`` (without building
    the set of every such token for each event)."""

    def __init__(self, cluster_at: dict[int, str], persons: list[str]) -> None:
        self.cluster_at, self.persons = cluster_at, persons

    def __contains__(self, i: object) -> bool:
        return self.cluster_at.get(i) in self.persons


class Discourse:
    def __init__(self, doc: Doc, person_spans, persons: list[PersonRecord]) -> None:
        self.doc = doc
        self.names = {p.id: p.name for p in persons}
        self.ages = {p.id: p.age for p in persons if p.age is not None}
        # "her lawyer said": the one person the article names as a lawyer
        self.by_role: dict[str, set[str]] = {}
        for person in persons:
            for role in person.roles:
                if role.split():
                    self.by_role.setdefault(role.lower().split()[-1], set()).add(person.id)
        self.gender: dict[str, str] = {}
        self.cluster_at: dict[int, str] = {}
        self.mentions: list[tuple[int, str]] = []
        for span in person_spans:
            for token in span:
                self.cluster_at[token.i] = span.label_
            self.mentions.append((span.root.i, span.label_))
        self.mentions.sort()
        self._mention_counts = Counter(cid for _, cid in self.mentions)
        self._first_mention: dict[str, int] = {}
        for start, cid in self.mentions:
            self._first_mention.setdefault(cid, start)
        self._group_at: dict[int, list[str]] = {}
        self._group_starts: list[int] | None = None
        for person in persons:
            guessed = guess_gender(person.name)
            if guessed:
                self.gender[person.id] = guessed
        for span in person_spans:
            # "his wife Dilnoza", "Rustamov's sister, Nigora,": the relative's noun tells the
            # gender the name does not
            kin = kin_before(span)
            if kin is not None:
                self.gender.setdefault(span.label_, KIN_GENDER[kin])
        self.sents = list(doc.sents)
        self.sent_index = {s.start: n for n, s in enumerate(self.sents)}
        # The last full date an event was given: what "two weeks later" counts from.
        self.anchor: str | None = None
        self._speakers: dict[int, str | None] = {}
        self._reporting: dict[int, list[Token]] = {}
        self._mentions: dict[tuple[int, str], set[int]] = {}
        # Persons events have happened to so far: "both men" means two of them, not the two
        # presidents who negotiated their release.
        self.victims: set[str] = set()
        # The last plural expression resolved, and to whom.
        self.last_plural: tuple[int, list[str]] | None = None
        # Counted groups told before, by count: "The three were detained ... Amnesty described
        # the three convicted on Monday as prisoners of conscience" (one set, said twice).
        self.counted: dict[int, tuple[int, list[str]]] = {}
        self._quoted: dict[int, list[Token]] | None = None

    # ------------------------------------------------------------ who is meant

    def persons_in(self, token: Token, *, skip: set[int] = frozenset()) -> list[str]:
        """Persons named by the phrase headed by ``token`` (with its conjuncts and appositions),
        or meant by it if it is a pronoun or "both men"."""
        found: list[str] = []
        last = -1
        for t in self._phrase(token):
            if t.i in skip:
                continue
            cid = self.cluster_at.get(t.i)
            if cid and cid not in found:
                found.append(cid)
            if cid:
                last = max(last, t.i)
        if found:
            return found + [c for c in self.bracketed_list(last) if c not in found and c]
        if token.dep_ == "appos" and token.head.i != token.i and number_of(token) is None:
            return self.persons_in(token.head, skip=skip)  # "Hurynovič, a blogger serving"
            # (not "Searches in Crimea: three Crimean Tatars detained": a counted group)
        comma = token.left_edge.i - 1
        if comma > 0 and self.doc[comma].text == "," and comma - 1 in self.cluster_at and \
                token.pos_ == "NOUN" and token.tag_ in ("NNS", "NN") and not any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children) and not (
                    syntax.is_subject(token) and token.head.lemma_ in REPORTING_VERBS) and \
                not fronted(self.doc[comma - 1], token):
            # (not "Police detained X, her lawyer said": his lawyer is not X; nor "According to
            # their lawyer X, the men are suspected": a phrase set before the subject)
            # "against A and B, residents of Birobidzhan, charged under ...": an apposition the
            # parser attached elsewhere.
            root = self.doc[comma - 1]
            while root.dep_ in ("compound", "flat") and root.head.i != root.i:
                root = root.head
            while syntax.is_conjunct(root) and root.head.i != root.i:
                root = root.head
            return [self.cluster_at[t.i] for t in self._phrase(root) if t.i in self.cluster_at
                    and t.i not in skip] or self.antecedents(token)
        if token.lower_ in ("neither", "none", "each", "either", "all", "both"):
            of = [o for c in token.children if syntax.is_preposition(c) and c.lower_ == "of"
                  for o in c.children if syntax.is_prep_object(o)]
            if of:  # "neither of them asked for a pardon"
                group = self.persons_in(of[0], skip=skip)
                return self._whole_set(group, token) if token.lower_ == "all" else group
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl"):
            return self.persons_in(who_antecedent(token.head), skip=skip)  # "X, who was"
        return self.closing_apposition(token) or self.relative_named(token) or \
            self.described(token) or self.client(token) or self.antecedents(token) or \
            self.named_next(token)

    def relative_named(self, token: Token) -> list[str]:
        """ "the father of blogger X, Y, 72, was detained": the name the parser hung on X
        names the father (another person than X)."""
        if token.lemma_.lower() not in KIN and token.lemma_.lower() not in RELATIONS:
            return []
        of = next((o for p in token.children if syntax.is_preposition(p) and p.lower_ == "of"
                   for o in p.children if syntax.is_prep_object(o)), None)
        if of is None or of.i not in self.cluster_at:
            return []
        named = [self.cluster_at[a.i] for a in of.children if a.dep_ == "appos" and
                 a.i in self.cluster_at and self.doc[a.left_edge.i - 1].text == ","]
        return [cid for cid in named if cid != self.cluster_at[of.i]][:1]

    def closing_apposition(self, token: Token) -> list[str]:
        """ "The head of the diaspora in Kazan, Rustam Aliev, was sentenced": the name between
        the two commas that close a described subject, wherever the parser hung it."""
        if token.pos_ != "NOUN" or not syntax.is_subject(token):
            return []
        close = token.right_edge.i
        cid = self.cluster_at.get(close - 1)
        if self.doc[close].text != "," or not cid:
            return []
        i = close - 1
        while i > token.i and self.cluster_at.get(i) == cid:
            i -= 1
        return [cid] if i > token.i and self.doc[i].text == "," else []

    def _whole_set(self, group: list[str], token: Token) -> list[str]:
        """ "all of the men": everyone named in the sentence that named the last of them, not
        only the last few the parser kept together."""
        said = [at for at, cid in self.between(0, token.sent.start) if cid in group]
        if not said:
            return group
        sent = self.doc[said[-1]].sent
        named = list(dict.fromkeys(cid for _, cid in self.between(sent.start, sent.end)))
        return named if set(group) <= set(named) else group

    def bracketed_list(self, last: int) -> list[str]:
        """ "the homes of A (Kazan), B (Ufa) and C (Perm)", "A (35) and B (42)": a list whose
        names carry a bracketed town, age or role, which the parser breaks at the brackets. The
        persons named after ``last`` (a token of the list's first name), each after a bracket
        and a comma or "and"."""
        doc, found = self.doc, []
        i = last + 1
        while i < len(doc) and self.cluster_at.get(i) == self.cluster_at.get(last):
            i += 1
        while i < len(doc) and doc[i].text == "(":
            close = next((j for j in range(i + 1, min(i + MAX_BRACKET, len(doc)))
                          if doc[j].text == ")"), None)
            if close is None:
                break
            i = close + 1
            while i < len(doc) and (doc[i].text == "," or doc[i].lower_ == "and"):
                i += 1
            cid = self.cluster_at.get(i)
            if cid is None or i == close + 1:
                break
            found.append(cid)
            while i < len(doc) and self.cluster_at.get(i) == cid:
                i += 1
        return found

    def described(self, token: Token) -> list[str]:
        """ "The blogger went on hunger strike": the one person named before as a blogger."""
        if token.pos_ != "NOUN" or token.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
            return []
        holders = {cid for cid in self.by_role.get(token.lower_, set())
                   if self._first_mention.get(cid, token.i) < token.i}  # named before
        return list(holders) if len(holders) == 1 else []

    def client(self, token: Token) -> list[str]:
        """ "X, attorney for Y, stated that his client was moved": a lawyer's client is the
        other person named in the sentence, not a speaker, else the person the report is
        about."""
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"),
                     None)
        if owner is None:
            return []
        if token.lemma_.lower() not in CLIENT_NOUNS:
            return self._kin_of_speaker(token, owner)
        sent = token.sent
        speakers = {self.speaker(verb) for verb in self.reporting_verbs(sent)}
        named = [cid for _, cid in self.between(sent.start, sent.end)
                 if self.names.get(cid) not in speakers]
        named = list(dict.fromkeys(named))
        if len(named) == 1:
            return named
        # "X, attorney for A and representing B, stated that his client ...": whom he represents
        represented = list(dict.fromkeys(
            self.cluster_at[t.i] for v in sent if v.lemma_ == "represent" and v.i < token.i
            for o in v.children if syntax.is_direct_object(o) for t in o.subtree
            if t.i in self.cluster_at))
        if len(represented) == 1:
            return represented
        return [] if named else self.main_victim(token.i)

    def _kin_of_speaker(self, token: Token, owner: Token) -> list[str]:
        """ "X's mother, Y, said that her son was refused his inhaler", "His daughter said her
        father was beaten": a relative speaks of the prisoner by kinship; "her" is the speaker,
        a relative of the pronoun's gender, so the son is the one she is the mother of: the
        person her kinship noun belongs to ("X's mother", "His daughter": the man meant)."""
        if token.lemma_.lower() not in KIN or owner.lower_ not in ("his", "her"):
            return []
        want = "female" if owner.lower_ == "her" else "male"
        for verb in self.reporting_verbs(token.sent):
            subject = next((c for c in verb.children if syntax.is_active_subject(c)), None)
            if verb.i > token.i or subject is None:
                continue
            kin = next((t for t in subject.subtree if KIN_GENDER.get(t.lower_) == want and
                        t.dep_ != "poss" and t.head.dep_ != "poss"), None)
            of = next((c for c in kin.children if c.dep_ == "poss"), None) if kin else None
            named = self.cluster_at.get(subject.i)
            if of is None and named is not None and any(
                    named in self.by_role.get(k, ()) for k, g in KIN_GENDER.items() if g == want):
                # "Lan said her father ...", Lan named before as "his daughter"
                return [c for c in self.main_victim(token.i) if c != named]
            if of is None:
                continue
            if of.i in self.cluster_at:
                return [self.cluster_at[of.i]]
            if of.pos_ == "PRON":
                return self.antecedents(of) or self.main_victim(token.i)
        return []

    def named_next(self, token: Token) -> list[str]:
        """ "A leading figure in the Pamiri community ... has been sentenced to 18 years.
        Witnesses say Amriddin Alovatshoyev's trial ...": a news lead tells of someone
        described, not named, and names him in the next sentences: the first person named
        there (not a speaker)."""
        if token.pos_ != "NOUN" or token.tag_ != "NN" or not (
                token.dep_ in ("nsubj", "nsubjpass", "dobj") or
                token.dep_ == "pobj" and token.head.lower_ == "of") or \
                token.lemma_.lower() not in DESCRIPTIONS or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            return []
        index = self.sent_index.get(token.sent.start, 0)
        if index + 1 >= len(self.sents):
            return []
        start, end = self.sents[index + 1].start, self.sents[min(index + 2,
                                                                 len(self.sents) - 1)].end
        for at, cid in self.between(start, end):
            root = self.doc[at]
            if not (syntax.is_active_subject(root) and root.head.lemma_ in REPORTING_VERBS):
                return [cid]
        return []

    def definite_victim(self, token: Token) -> list[str]:
        """ "The 33-year-old was sentenced", "detained the scholar", "The former candidate was
        charged": a definite description of the person the report is about: the one of that
        age, else the one events happened to named most often so far."""
        if token.pos_ not in ("NOUN", "ADJ") or token.tag_ not in ("NN", "JJ") or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
            return []
        described = self.doc[token.left_edge.i: token.i + 1].text.lower()
        age = AGE_NOUN.match(described)
        if age and re.fullmatch(r"[\w' -]*", described[age.end():]):
            # "the 33-year-old", "the 44-year-old nurse": the one of that age
            count = int(age.group(1))
            holders = [cid for cid, years in self.ages.items() if years == count]
            if len(holders) == 1:
                return holders
            if age.end() == len(described) or token.lemma_.lower() in DESCRIPTIONS:
                return self.main_victim(token.i)
            return []
        if token.lemma_.lower() not in DESCRIPTIONS:
            return []
        holders = self.by_role.get(token.lemma_.lower(), set())
        if len(holders) == 1:
            return list(holders)  # "The student was detained": the one the report calls a
            # student, whoever it is most about
        recent = self._victim_just_before(token, None)
        if recent is not None:
            # "A court sentenced X to ten days. The student was detained at Tuesday's rally":
            # the one the sentence before happened to, as for "he"
            return [recent]
        return self.main_victim(token.i)

    def main_victim(self, before: int) -> list[str]:
        """The person the report is about so far: of those events happened to, the one named
        most often before ``before`` (the first named, when as often)."""
        counts: dict[str, int] = {}
        for start, cid in self.between(0, before):
            if start < before and cid in self.victims:
                counts[cid] = counts.get(cid, 0) + 1
        return [max(counts, key=counts.get)] if counts else []

    def _phrase(self, token: Token) -> list[Token]:
        """The token and what hangs from it by conj, appos, compound, poss, prep "of"."""
        out, stack = [], [token]
        while stack:
            t = stack.pop()
            out.append(t)
            for child in t.children:
                if child.dep_ == "appos" and any(c.dep_ == "case" for c in child.children):
                    continue  # "A and B, X's press service reports": a possessor opens a
                    # phrase of its own, whatever the parser made of it
                if child.dep_ == "poss" and (t.lemma_.lower() in KIN or
                                             t.lemma_.lower() in RELATIONS - COUNSEL):
                    continue  # "Hakobian's son Davit", "his wife", "Aliyev's colleague": the
                    # son, not his father (but "X's lawyers appealed" may stand for X)
                if child.dep_ in ("conj", "appos", "compound", "flat", "nmod", "cc", "poss",
                                  "amod", "det", "nummod", "npadvmod"):
                    stack.append(child)
                elif syntax.is_preposition(child) and child.lower_ == "of" and not (
                        t.lemma_.lower() in KIN or t.lemma_.lower() in RELATIONS and
                        t.dep_ == "appos"):
                    # not "the son of X", "Y, a colleague of X": they are not X ("the lawyers
                    # of X appealed" may stand for X)
                    stack.extend(c for c in child.children if syntax.is_prep_object(c))
        return out

    def first_person(self, token: Token) -> str | None:
        """Who "I" is: the person quoted as saying it, else (an interview, a statement) the
        person events have happened to most often, if they have happened to anyone."""
        for verb in self.reporting_verbs(token.sent):
            mentions = self.speaker_mentions(verb)
            if mentions:
                return self.cluster_at[min(mentions)]
        if not self.victims:
            return None
        counts = {cid: self._mention_counts[cid] for cid in self.victims}
        return max(counts, key=counts.get)

    def antecedents(self, token: Token) -> list[str]:
        lower = token.lower_
        if lower in FIRST_PERSON:
            me = self.first_person(token)
            return [me] if me else []
        plural = lower in PLURAL or (is_plural_people(token) and (
            any(c.lower_ in PLURAL_DETERMINERS for c in token.children) or
            token.tag_ == "CD" and token.dep_ in ("nsubj", "nsubjpass", "dobj")))
        singular = lower in SINGULAR
        if not (plural or singular):
            return []
        first_sent = self.sent_index.get(token.sent.start, 0) - PRONOUN_WINDOW
        sents = self.sents
        window_start = sents[max(first_sent, 0)].start
        if plural and token.tag_ == "CD" and any(
                syntax.is_preposition(c) and c.lower_ == "of" and any(
                    o.lower_ in ("them", "those", "these") for o in c.children)
                for c in token.children):
            return []  # "Only two of them were charged": which two, the report does not say
        if plural and token.lemma_.lower() in SIBLINGS:
            kin = self._siblings(token.i)
            if kin:  # "both brothers were accused": the two named with one surname
                return kin
        if plural:
            count = number_of(token)
            if count and token.pos_ in ("NOUN", "PROPN") and not any(
                    c.lower_ in DEFINITE or c.dep_ == "poss" for c in token.children):
                # "three journalists attending the hearing were detained": new people, not the
                # three named before; perhaps the ones named right after
                return self._next_n(count, token) or self._restated(count, token)
            group = self._last_group(token.i, window_start)
            if self.victims and not set(group) <= self.victims and count:
                group = self._last_n(count, token.i, 0) or group
            if count and len(group) != count:
                told = self.counted.get(count)
                group = (told[1] if told and told[0] < token.i else []) or self._last_n(
                    count, token.i, window_start) or group or self._next_n(count, token)
            elif not count and self.last_plural and self.last_plural[0] < token.i and \
                    len(self.last_plural[1]) > len(group) and self.last_plural[0] >= window_start:
                group = self.last_plural[1]  # "All five were convicted. The men were ..."
            if not group and not count:
                group = self._members(token.i, window_start)
            if group:
                self.last_plural = (token.i, group)
                if count and len(group) == count:
                    self.counted[count] = (token.i, group)
            return group
        return self._last_single(token, window_start)

    def _siblings(self, before: int) -> list[str]:
        """The persons of one surname named last before ``before``, two or more of them."""
        by_surname: dict[str, list[str]] = {}
        for _, cid in reversed(self.between(0, before)):
            surname = fold(self.names[cid].split()[-1])
            if cid not in by_surname.setdefault(surname, []):
                by_surname[surname].append(cid)
            if len(by_surname[surname]) >= 2:
                return sorted(by_surname[surname], key=self._first_mention.get)
        return []

    def _members(self, before: int, window_start: int) -> list[str]:
        """ "X was among 23 men detained ... Prosecutors accused them": the named members of
        the group told last, when no two persons were named together."""
        for start, cid in reversed(self.between(window_start, before)):
            token = self.doc[start]
            clause = token.head if syntax.is_subject(token) else None
            inside = [o for p in (clause.children if clause is not None else ())
                      if syntax.is_preposition(p) and p.lower_ == "among"
                      for o in p.children if syntax.is_prep_object(o) and o.tag_ == "NNS"]
            including = token.head.lower_ == "including" and token.head.head.tag_ == "NNS"
            if inside or including:
                return [cid]
        return []

    def last_victim(self, before: int) -> list[str]:
        """The last person named before ``before`` whom an event happened to."""
        for start, cid in reversed(self.between(0, before)):
            if start < before and cid in self.victims:
                return [cid]
        return []

    def _last_n(self, count: int, before: int, window_start: int) -> list[str]:
        """ "The three men", "all five": the last ``count`` persons named before."""
        found: list[str] = []
        for start, cid in reversed(self.between(window_start, before)):
            root = self.doc[start]
            if syntax.is_active_subject(root) and root.head.lemma_ in REPORTING_VERBS:
                continue  # "Polozov said that both men ...": the speaker is not one of them
            if self.victims and cid not in self.victims:
                continue
            if window_start <= start < before and cid not in found:
                found.append(cid)
                if len(found) == count:
                    return found
        return []

    def _next_n(self, count: int, token: Token) -> list[str]:
        """ "Sentences for five Crimean Tatar men. A was sentenced ..., B ...": named after."""
        sents = self.sents
        index = self.sent_index.get(token.sent.start, 0)
        end = sents[min(index + 2, len(sents) - 1)].end
        # "Three lawyers who once represented X were convicted": X is not one of them
        # (a list after a dash or a colon inside the clause names the group: "civilians who
        # were captured – A, B and C")
        clause: set[int] = set()
        for c in token.children:
            if c.dep_ in ("relcl", "acl"):
                tokens = list(c.subtree)
                cut = next((t.i for t in tokens if t.text in LIST_MARKS), tokens[-1].i + 1)
                clause.update(t.i for t in tokens if t.i < cut)
        found: list[str] = []
        for start, cid in self.between(token.i + 1, end):
            if token.i < start < end and cid not in found and start not in clause:
                found.append(cid)
        return found[:count] if len(found) >= count else []

    def _restated(self, count: int, token: Token) -> list[str]:
        """ "Three students were also sentenced" in a lead, "Three students, A, B and C, were
        also found guilty" paragraphs later: the same count of the same noun, restated with
        the names, names them."""
        for later in self.doc[token.i + 1:]:
            if later.lemma_ != token.lemma_ or later.tag_ != token.tag_ or \
                    number_of(later) != count:
                continue
            named = [self.cluster_at[t.i] for t in self._phrase(later)
                     if t.i in self.cluster_at]
            named = list(dict.fromkeys(named))
            if len(named) == count:
                return named
        return []

    def _last_group(self, before: int, window_start: int) -> list[str]:
        """The last coordination of two or more persons before ``before``, of persons events
        happened to if there are such."""
        # The persons events happened to stay in focus beyond the window.
        preferred = next((g for g in self._groups(before, 0) if set(g) <= self.victims),
                         None) if self.victims else None
        return preferred or next(self._groups(before, window_start), [])

    def _groups(self, before: int, window_start: int) -> Iterator[list[str]]:
        """The coordinations of two or more persons named in ``window_start <= i < before``,
        the last first."""
        if self._group_starts is None:  # the mentions that coordinate persons, found once
            self._group_starts = sorted({start for start, _ in self.mentions
                                         if len(self._group_of(start)) >= 2})
        starts = self._group_starts
        for start in reversed(starts[bisect_left(starts, window_start):
                                     bisect_left(starts, before)]):
            yield self._group_at[start]

    def _group_of(self, start: int) -> list[str]:
        """The persons coordinated with the mention whose root is ``start`` (built once)."""
        if start not in self._group_at:
            root = self.doc[start]
            while syntax.is_conjunct(root) and root.head.i != root.i:
                root = root.head
            group = [self.cluster_at[t.i] for t in self._phrase(root) if t.i in self.cluster_at]
            self._group_at[start] = list(dict.fromkeys(group))
        return self._group_at[start]

    def between(self, start: int, end: int) -> list[tuple[int, str]]:
        """The mentions whose root is in ``start <= i < end``, in order (by bisection: an
        article may name its persons thousands of times)."""
        return self.mentions[bisect_left(self.mentions, (start,)):
                             bisect_left(self.mentions, (end,))]

    def tokens_of(self, persons: list[str]) -> "TokensOf":
        """The tokens of the mentions of ``persons``, as a set to test membership in."""
        return TokensOf(self.cluster_at, persons)

    def _last_single(self, token: Token, window_start: int) -> list[str]:
        """A subject in the same sentence before the pronoun, else the last subject before it."""
        want = "female" if token.lower_ in ("she", "her", "herself") else "male"
        candidates = [(s, c) for s, c in self.between(window_start, token.i)
                      if window_start <= s < token.i]
        # "Voloshin's wife said that he had been denied insulin": the possessor before it
        owners = [c for s, c in candidates if s >= token.sent.start and self.gender.get(c, want)
                  == want and self.doc[s].dep_ == "poss"]
        if owners:
            return [owners[-1]]
        topic = self._previous_subject(token, want)
        if topic is not None and not any(s >= token.sent.start for s, _ in candidates):
            # "Young prisoner A is in critical condition. He's been denied medical aid": the
            # subject of the sentence just before, over a prisoner named further up
            return [topic]
        recent = self._victim_just_before(token, want)
        if recent is not None and not any(s >= token.sent.start for s, _ in candidates):
            # "The court sentenced Remzi's brother Rustem Aliev to 14 years. In December, he
            # was transferred": the one the sentence before happened to, over a subject further
            # up, when no person is that sentence's subject
            return [recent]
        if self.victims and not any(c in self.victims for _, c in candidates):
            # Quotes and a relative's words between: "her trial" is still the prisoner's, told
            # of a few paragraphs up, not the friend's who spoke last.
            sents = self.sents
            first = max(self.sent_index.get(token.sent.start, 0) - VICTIM_WINDOW, 0)
            earlier = [(s, c) for s, c in self.between(sents[first].start, window_start)
                       if sents[first].start <= s < window_start and c in self.victims
                       and self.gender.get(c, want) == want]
            if earlier:
                return [earlier[-1][1]]
        passes = [(True, True), (False, True), (True, False), (False, False)] if any(
            c in self.victims for _, c in candidates) else [(True, False), (False, False)]
        for prefer_subject, victims_only in passes:
            for start, cid in reversed(candidates):
                if self.gender.get(cid, want) != want or victims_only and cid not in self.victims:
                    continue
                head = self.doc[start]
                while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                    head = head.head
                if prefer_subject and head.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                self.gender.setdefault(cid, want)
                return [cid]
        return []

    def _victim_just_before(self, token: Token, want: str | None) -> str | None:
        """The one person of the pronoun's gender (of any, with ``want`` None) whom the
        sentence just before names as one events happened to, when the pronoun is its
        clause's subject."""
        index = self.sent_index.get(token.sent.start, 0)
        if index == 0 or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        before = self.sents[index - 1]
        named = {cid for start, cid in self.between(before.start, before.end)
                 if before.start <= start < before.end and self.doc[start].dep_ != "poss"}
        # (not "Remzi's" of "Remzi's elder brother Rustem Aliev")
        fits = {cid for cid in named if cid in self.victims and (
            want is None or self.gender.get(cid) == want)}
        return next(iter(fits)) if len(fits) == 1 else None

    def _previous_subject(self, token: Token, want: str) -> str | None:
        """The person the sentence before is about, when the pronoun is its own clause's
        subject: that sentence's main subject, not a speaker's."""
        index = self.sent_index.get(token.sent.start, 0)
        if index == 0 or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        before = self.sents[index - 1]
        root = before.root
        if root.lemma_ in REPORTING_VERBS:
            return None
        for start, cid in self.between(before.start, before.end):
            head = self.doc[start]
            while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
                head = head.head  # "Young prisoner [A] is ...": the apposition's subject
            if head.dep_ in ("nsubj", "nsubjpass") and head.head == root and \
                    self.gender.get(cid, want) == want and not (
                        token.dep_ == "nsubjpass" and self.official(start)):
                return cid
        return None

    def official(self, start: int) -> bool:
        """ "Principal Magistrate Amy Lau refused bail. He was remanded": a name under the
        title of one who decides on a prisoner is never the one things are done to."""
        first = start
        while first > 0 and self.doc[first - 1].text[:1].isupper() and \
                self.doc[first - 1].sent.start == self.doc[start].sent.start:
            first -= 1
        return any(t.lower_ in OFFICIAL_TITLES for t in self.doc[max(first - 1, 0): start])

    # ------------------------------------------------------------ who says so

    def speaker_mentions(self, verb: Token) -> set[int]:
        """The tokens that name the speaker of a reporting verb: they are not the persons an
        event in the same sentence happens to ("Polozov said ..."). A pronoun speaker names
        no token, so "he posted videos" keeps him the subject of his arrest."""
        name = self.speaker(verb)
        if name is None:
            return set()
        # the tokens depend on the verb, its speaker and the clusters only: kept per pair (the
        # speaker is None while it is being found: not kept then). Callers do not change it.
        if (verb.i, name) not in self._mentions:
            self._mentions[verb.i, name] = self._speaker_mentions(verb, name)
        return self._mentions[verb.i, name]

    def _speaker_mentions(self, verb: Token, name: str) -> set[int]:
        lent = syntax.lent_subjects(verb)
        spots = [c for c in verb.children if c.dep_ in ("nsubj", "agent") and c not in lent]
        if verb.dep_ == "relcl":
            spots.append(verb.head)
        tokens = {t.i for s in spots for t in s.subtree if t.i in self.cluster_at}
        previous = self._before_verb(verb)
        if self.doc[previous].text == "," and self._apposed_name(previous):
            previous -= 1  # ", his wife, Elvira Seitumerova, told the group"
        while previous >= verb.sent.start and previous in self.cluster_at:
            tokens.add(previous)  # "... Petro Poroshenko wrote on Twitter"
            previous -= 1
        sources = name.split(" and ")  # one of coordinated sources
        return {i for i in tokens if self.names.get(self.cluster_at[i]) in sources}

    def speaker(self, verb: Token) -> str | None:
        """The source named with a reporting verb, as a full name or organisation."""
        if verb.i not in self._speakers:
            self._speakers[verb.i] = None  # "I said": asking who "I" is asks this verb again
            self._speakers[verb.i] = self._speaker(verb)
        return self._speakers[verb.i]

    def _speaker(self, verb: Token) -> str | None:
        cited = [o for c in verb.children if c.lemma_ == "cite" and c.dep_ in ("advcl", "xcomp")
                 for o in c.children if syntax.is_direct_object(o)]
        if cited:  # "Mediazona reported, citing his lawyer": the lawyer is the source
            return self._name_of(cited[0])
        if verb.lemma_ == "accord":
            pobj = [c for c in verb.subtree if syntax.is_prep_object(c)]
            return self._name_of(pobj[0]) if pobj else None
        heard = syntax.objects_of(verb, "from") if verb.lemma_ == "learn" else []
        if heard:  # "Viasna learned from former inmates": whom it has from
            return self._name_of(heard[0])
        lent = syntax.lent_subjects(verb)  # "Ivan Petrov, his lawyer said, was ...": not him
        for child in verb.children:
            if syntax.is_active_subject(child) and child not in lent:
                if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    return self._name_of(verb.head)
                return self._name_of(child)
            if syntax.is_agent(child):
                pobj = syntax.prep_object(child)
                if pobj is not None:
                    return self._name_of(pobj)
        if syntax.is_conjunct(verb) and verb.head.lemma_ in REPORTING_VERBS:
            return self.speaker(verb.head)  # "said ..., but added that ..."
        if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and \
                verb.head.lemma_ in REPORTING_VERBS:
            return self.speaker(verb.head)  # "told AFP, adding that ...": who told
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            quoted = [o for o in verb.head.head.children if syntax.is_direct_object(o)]
            if quoted:  # "Amnesty quoted his wife as saying that ...": the one quoted
                return self._name_of(quoted[0])
        closing = self._closing_source(verb)
        if closing is not None:
            return closing
        if verb.pos_ == "NOUN":  # "X's press service reports": the words before the "verb"
            start = min((c.left_edge.i for c in verb.children if c.dep_ in (
                "compound", "poss", "amod", "det")), default=verb.i)
            return verb.doc[start: verb.i].text or None
        # "... Petro Poroshenko wrote on Twitter" with the subject lost by the parser.
        previous = self._before_verb(verb)
        if previous >= verb.sent.start and previous in self.cluster_at:
            return self.names[self.cluster_at[previous]]
        return None

    def _closing_source(self, token: Token) -> str | None:
        """ "..., Viktar Babaryka's press service reports.": a reporting word that closes its
        sentence after a comma and a short phrase names who tells the whole sentence."""
        sent = token.sent
        last = sent.end - 1
        while last > sent.start and (self.doc[last].is_punct or self.doc[last].is_space):
            last -= 1
        # at the end, or between commas: "..., the rights centre Viasna said, in the latest"
        between = token.i < last and self.doc[token.i + 1].text == ","
        told = {t.i for c in token.children if (c.dep_ in ("dobj", "dative") and token.lemma_ ==
                                                "tell" or c.dep_ == "prep" and c.lower_ == "from"
                                                and token.lemma_ == "learn") and c.i > token.i
                for t in c.subtree}  # "..., a source close to the case told Reuters.",
        # "..., Viasna learned from former inmates."
        if token.i < last and all(i in told for i in range(token.i + 1, last + 1)):
            last = token.i
        if token.i != last and not between or token.lemma_ not in REPORTING_VERBS or \
                token.i - sent.start < 6:
            return None
        comma = next((t.i for t in reversed(self.doc[max(sent.start, token.i - MAX_CLOSING):
                                                     token.i]) if t.text == ","), None)
        if comma is not None and comma == token.i - 1:
            # "..., the blogger's brother, Abdurakhmon Sattorov, told RFE/RL.": the comma
            # closes the speaker's apposition; the subject names him
            subject = next((c for c in token.children if syntax.is_active_subject(c)), None)
            if subject is None:
                # the parser took the apposition into the clause before: ", his wife, Elvira
                # Seitumerova, told the group" still names her, a relative or role before
                named = self._apposed_name(comma)
                return self.names[named] if named else None
            return self._name_of(subject) if subject.i > sent.start \
                and self.doc[subject.left_edge.i - 1].text == "," else None
        if comma is None or any(t.pos_ in ("VERB", "AUX") for t in self.doc[comma + 1: token.i]):
            return None
        start = comma + 1
        if start + 1 < token.i and self.doc[start].lower_ in ("the", "a", "an"):
            start += 1  # "..., the Association of X said": its name, as a subject gives it
        return self.doc[start: token.i].text.strip() or None

    def _apposed_name(self, comma: int) -> str | None:
        """The person named right before ``comma`` in apposition to a relative or a role
        (", his wife, Elvira Seitumerova,"), if so."""
        end = comma - 1
        cid = self.cluster_at.get(end)
        if cid is None:
            return None
        start = end
        while start - 1 in self.cluster_at and self.cluster_at[start - 1] == cid:
            start -= 1
        role = self.doc[start - 2] if start >= 2 and self.doc[start - 1].text == "," else None
        return cid if role is not None and (role.lower_ in KIN or role.lower_ in ROLE_WORDS) \
            else None

    def _before_verb(self, verb: Token) -> int:
        """The token before ``verb`` and its adverbs and auxiliaries ("Polozov also said")."""
        previous = verb.i - 1
        while previous >= verb.sent.start and self.doc[previous].pos_ in ("ADV", "AUX", "PART"):
            previous -= 1
        return previous

    def _name_of(self, token: Token) -> str | None:
        """The source a phrase names; coordinated sources together ("his wife and a court
        official said", "according to media reports and the BAJ")."""
        heads = [token]
        for head in heads:
            heads.extend(c for c in head.children if c.dep_ == "conj" and c.pos_ in (
                "NOUN", "PROPN"))
        names = [self._one_name(t) for t in heads]
        return " and ".join(dict.fromkeys(n for n in names if n)) or None

    def _one_name(self, token: Token) -> str | None:
        owner = next((c for c in token.children if c.dep_ == "poss" and c.i in self.cluster_at),
                     None) if token.pos_ == "NOUN" and token.i not in self.cluster_at else None
        if owner is not None and not any(c.dep_ == "appos" and c.i in self.cluster_at
                                         for c in token.children):
            # "Alsu Kurmasheva's lawyer said": the lawyer speaks, not Kurmasheva
            return f"{self.names[self.cluster_at[owner.i]]}'s {token.text}"
        cids = self.persons_in(token)
        if cids:
            return self.names[cids[0]]
        gatherer = self._gatherer(token)
        if gatherer is not None:
            return self._name_of(gatherer)  # "information obtained by Hengaw": Hengaw
        if token.pos_ == "PRON":
            if token.lower_ == "it":  # "In a statement, it claimed that ...": the body named last
                return self._last_org(token)
            # "after, he said, guards beat him": the man the pronoun means
            meant = self.antecedents(token) if token.lower_ in ("he", "she") else []
            if len(meant) == 1:
                return self.names[meant[0]]
            # "His wife told RFE/RL that ... She said he was charged": the unnamed relative who
            # spoke in the sentence before
            return self._previous_speaker(token) if token.lower_ in ("he", "she") and \
                token.dep_ == "nsubj" else None
        appos = [c for c in token.children if c.dep_ == "appos" and c.i in self.cluster_at]
        if appos:  # "according to his mother, Ala Sauchanka"
            return self.names[self.cluster_at[appos[0].i]]
        if token.pos_ == "NOUN" and token.i + 2 < len(token.doc) and \
                token.doc[token.i + 1].text == "," and token.i + 2 in self.cluster_at and \
                token.lower_ in KIN_OR_ROLE:
            # "According to his sister, Mailen Perdomo, he refused food": the parser hung the
            # name elsewhere
            return self.names[self.cluster_at[token.i + 2]]
        named = [c for c in token.children if c.dep_ in ("appos", "npadvmod") and
                 c.pos_ == "PROPN" and c.i > token.i]
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if after is not None and after.pos_ == "PROPN" and after.dep_ == token.dep_ and \
                after.head == token.head and token.head != token:
            named.append(after)  # "the rights centre Viasna reported" read as two subjects
        if token.pos_ == "NOUN" and named:  # "the outlet Mediazona reported"
            return entity_text(entity_at(named[0]) or token.doc[named[0].i: named[0].i + 1])
        if token.lemma_.lower() in SPOKESPEOPLE and token.pos_ == "NOUN":
            body = next(iter(syntax.objects_of(token, "for", "of")), None)
            if body is not None:  # "a spokesman for the authorities in Crimea" (not "the
                return noun_text(body)  # Federal Penitentiary Service for Mordovia": a name)
        holders = self.by_role.get(token.lower_, set()) if token.pos_ == "NOUN" else set()
        if len(holders) == 1:
            return self.names[next(iter(holders))]
        relative = self._relative_by_surname(token)
        if relative is not None:
            return relative
        if token.lemma_.lower() in ORG_NOUNS and any(c.lower_ == "the" for c in token.children) \
                and not any(t.pos_ == "PROPN" for t in token.subtree):
            # "the group said": the organisation named last
            return self._last_org(token)
        if token.lemma_.lower() in UNNAMED_SOURCES and any(
                c.lower_ == "the" for c in token.children) and \
                not any(c.dep_ in ("amod", "compound", "prep") for c in token.children):
            # "According to the source": the one the report described before ("a source close
            # to the court")
            earlier = next((t for t in reversed(self.doc[:token.i])
                            if t.lemma_.lower() == token.lemma_.lower() and t.pos_ == "NOUN"
                            and any(c.dep_ in ("amod", "compound", "prep") for c in t.children)),
                           None)
            if earlier is not None:
                described = self._one_name(earlier)
                if described:
                    return described
        span = self._chunk(token)
        ent = entity_at(token)
        if span is not None and ent is not None and ent.label_ == "ORG" and \
                ent.start <= span.start and ent.end > span.end:
            return entity_text(ent)  # "the Association of Journalists said": the whole name
        if span is not None and token.pos_ == "NOUN" and span.end == token.i + 1:
            # "a source in law enforcement", "an official at the prosecutor's office": who the
            # unnamed source is, as far as the report says
            where = next((c for c in token.rights if c.dep_ in ("prep", "amod") and
                          c.i == token.i + 1 and (c.lower_ in SOURCE_PLACES or c.lower_ == "of"
                          and any(o.ent_type_ == "ORG" for o in syntax.prep_objects(c)))),
                         None)  # "Officials of the Ministry of Internal Affairs"
            if where is not None and where.right_edge.i - span.start < MAX_SOURCE_TOKENS:
                return self.doc[span.start: where.right_edge.i + 1].text
        return span.text if span is not None else None

    @staticmethod
    def _gatherer(token: Token) -> Token | None:
        """Who gathered the information a source is named by: "information obtained by X",
        "data collected by X", "information from X"."""
        if token.lemma_.lower() not in GATHERED_NOUNS or token.pos_ != "NOUN":
            return None
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_ in GATHERING_VERBS:
                agent = next((syntax.prep_object(c) for c in child.children
                              if syntax.is_agent(c)), None)
                if agent is not None:
                    return agent
            if child.dep_ == "prep" and child.lower_ == "from":
                source = syntax.prep_object(child)
                if source is not None:
                    return source
        return None

    def _relative_by_surname(self, kin: Token) -> str | None:
        """ "his wife says" in a report that names one person of his surname (in its woman's
        form too) besides him, "Tatsiana Kazlouskaya" of "Andrei Kazlouski": that person is
        the relative who speaks."""
        want = KIN_GENDER.get(kin.lower_)
        owner = next((c for c in kin.children if c.dep_ == "poss"), None)
        if want is None or kin.pos_ != "NOUN" or owner is None:
            return None
        owners = [self.cluster_at[owner.i]] if owner.i in self.cluster_at else \
            self.antecedents(owner) if owner.lower_ in ("his", "her") else []
        if len(owners) != 1 or len(self.names[owners[0]].split()) < 2:
            return None
        surname = names.skeleton(fold(self.names[owners[0]].split()[-1]))
        found = []
        for cid, name in self.names.items():
            words = name.split()
            theirs = names.skeleton(fold(words[-1]))
            if cid == owners[0] or len(words) < 2 or not (
                    theirs == surname or names.gendered_pair(theirs, surname)):
                continue
            form = names.surname_gender(theirs)
            if self.gender.get(cid, want) != want or form and form != want[0]:
                continue  # "his wife" is no man of the family
            found.append(name)
        return found[0] if len(found) == 1 else None

    def _previous_speaker(self, pronoun: Token) -> str | None:
        """The relative of the pronoun's gender who was the speaker of the sentence before,
        named by kinship only ("his wife", "her brother")."""
        index = bisect_right([s.start for s in self.sents], pronoun.sent.start) - 2
        if index < 0:
            return None
        want = "female" if pronoun.lower_ == "she" else "male"
        for verb in self.reporting_verbs(self.sents[index]):
            subject = next((c for c in verb.children if syntax.is_active_subject(c)), None)
            if subject is not None and subject.lower_ in KIN_GENDER and \
                    KIN_GENDER[subject.lower_] == want and subject.i not in self.cluster_at:
                return self.speaker(verb)
        return None

    def _last_org(self, token: Token) -> str | None:
        org = next((e for e in reversed(entities(self.doc)) if e.end <= token.i
                    and e.label_ == "ORG" and e.start not in self.cluster_at), None)
        return entity_text(org) if org is not None else None

    def _chunk(self, token: Token) -> Span | None:
        chunk = noun_chunk(token)
        if chunk is None:
            return token.doc[token.i: token.i + 1]
        start = chunk.start
        while start < chunk.end and chunk.doc[start].dep_ in ("det", "poss", "case"):
            start += 1
        return chunk.doc[start: chunk.end] if start < chunk.end else None

    def reporting_verbs(self, sent: Span) -> list[Token]:
        if sent.start not in self._reporting:
            self._reporting[sent.start] = self._reporting_verbs(sent)
        return self._reporting[sent.start]

    def _reporting_verbs(self, sent: Span) -> list[Token]:
        verbs = []
        for token in sent:
            if token.lower_ == "according":
                if token.i + 1 < len(self.doc) and token.nbor(1).lower_ == "to":
                    verbs.append(token)
                continue
            if token.lemma_ not in REPORTING_VERBS:
                continue
            if token.lemma_ == "add" and syntax.objects_of(token, "to"):
                continue  # "was added to a new case": no words said
            if token.lemma_ == "learn" and not any(c.dep_ == "ccomp" for c in token.children) \
                    and self._closing_source(token) is None:
                continue  # "learned of his arrest": what someone heard, not a report; "KHPG
                # has learned that", "..., Viasna learned from former inmates" report
            clause = any(c.dep_ in ("ccomp", "parataxis") for c in token.children)
            obj = any(syntax.is_direct_object(c) for c in token.children)
            if token.pos_ in ("VERB", "AUX") and (
                    clause or token.dep_ not in ("relcl", "acl") and not obj):
                # "videos he posted on YouTube" reports nothing; "Aliev, who said that",
                # "told AFP that" and "wrote on Twitter" do
                verbs.append(token)
            elif token.pos_ == "NOUN" and token.dep_ == "ROOT" and clause:
                verbs.append(token)  # "..., X's press service reports.": the verb read a noun
            elif self._closing_source(token) is not None:
                verbs.append(token)  # the same, whatever the parser made of it
        return verbs

    def attribution(self, trigger: Token) -> tuple[str | None, bool, Token | None]:
        """(source, hedged by the source's verb, the reporting verb) for a trigger."""
        sent = trigger.sent
        verbs = self.reporting_verbs(sent)
        # The nearest reporting verb that governs the trigger: the innermost speaker.
        below = trigger
        for ancestor in trigger.ancestors:
            if ancestor in verbs and syntax.is_negated(ancestor) and ancestor.lemma_ != "deny":
                return None, False, None  # "Police did not say why he was detained": words
                # not said are nobody's report
            if ancestor in verbs and not self._across_semicolon(trigger, ancestor):
                if below.dep_ == "conj" and any(syntax.is_subject(c) for c in below.children):
                    break  # "Doctors declared him fit, and he was returned": its own clause
                return self.speaker(ancestor), ancestor.lemma_ in HEDGING_VERBS, ancestor
            below = ancestor
        # "according to X" anywhere in the sentence, then a reporting clause beside it.
        for verb in verbs:
            if (verb.lemma_ == "accord" or verb.lower_ == "according") and \
                    not self._across_semicolon(trigger, verb) and \
                    not self._in_another_clause(verb, trigger):
                source = self._named_after_role(verb) or (
                    self.speaker(verb) if verb.lemma_ == "accord" else self._according(verb))
                hedged = bool(source) and head_word(source) in ACCUSERS
                return source, hedged, None
        for verb in verbs:
            if verb in trigger.subtree and verb.dep_ not in ("conj", "parataxis", "advcl") \
                    and self._closing_source(verb) is None:
                continue  # not a clause below the event; but ", X said," always tells it
            sentence_level = verb.dep_ in ("ROOT", "parataxis") or verb.head.dep_ == "ROOT" \
                and verb.dep_ in ("conj", "ccomp", "advcl")
            if not sentence_level:
                continue  # "convicted over videos he posted": not who says the conviction
            speaker = next((c for c in verb.children if syntax.is_active_subject(c)), None)
            if verb.dep_ == "conj" and verb.i > trigger.i and trigger not in verb.subtree and \
                    speaker is not None and speaker.left_edge.i > 0 and \
                    self.doc[speaker.left_edge.i - 1].lower_ in ("and", "but"):
                continue  # "The conviction was widely seen as political and the court said he
                # should be freed": a clause of its own says nothing of the first
            if trigger.dep_ == "conj" and trigger.head == verb and any(
                    syntax.is_subject(c) for c in trigger.children):
                continue  # "Doctors declared him fit to stand trial, and he was returned to
                # the detention center": a clause of its own, nobody's words
            if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ != "as"
                                            for c in verb.children):
                continue  # "held until trial, after his attorney noted that ...": when, not who
            if self._across_semicolon(trigger, verb):
                continue
            source = self.speaker(verb)
            if source:
                return source, verb.lemma_ in HEDGING_VERBS, verb
        for verb in self.quoted_by().get(sent.start, []):
            source = self.speaker(verb)
            if source:
                return source, verb.lemma_ in HEDGING_VERBS, verb
        return None, False, None

    def quoted_by(self) -> dict[int, list[Token]]:
        """Sentence start -> the reporting verbs that may name who speaks, for the sentences
        inside a quotation of several sentences: where it closes ("... All of them are now
        free," wrote Zelenskyy), then where it opens (Zelenskyy wrote: "...")."""
        if self._quoted is None:
            self._quoted = {}
            starts = [s.start_char for s in self.sents]
            for match in QUOTATION.finditer(doc_text(self.doc)):
                start, end = match.span()
                # the sentences holding the quotation's two ends, and those wholly inside it
                first, last = bisect_right(starts, start) - 1, bisect_left(starts, end) - 1
                opening, closing = self.sents[first], self.sents[last]
                inside = [s for s in self.sents[first: last + 1]
                          if s.start_char >= start and s.end_char <= end]
                if not inside or first < 0:
                    continue
                verbs = [v for v in self.reporting_verbs(closing) if v.idx >= end] + [
                    v for v in self.reporting_verbs(opening) if v.idx < start]
                for sent in inside:
                    self._quoted.setdefault(sent.start, verbs)
        return self._quoted

    def _across_semicolon(self, trigger: Token, verb: Token) -> bool:
        """ "Investigators accused him ...; Gubkin says ...": the second clause says nothing
        of the first."""
        return trigger.i < verb.i and any(t.text == ";" for t in self.doc[trigger.i: verb.i])

    def _according(self, token: Token) -> str | None:
        to = token.nbor(1)
        pobj = syntax.prep_object(to)
        if pobj is None and to.i + 1 < len(self.doc):
            pobj = self.doc[to.i + 1]
            while pobj.dep_ == "det" and pobj.i + 1 < pobj.sent.end:
                pobj = self.doc[pobj.i + 1]
        return self._name_of(pobj) if pobj is not None else None

    @staticmethod
    def _in_another_clause(according: Token, trigger: Token) -> bool:
        """ "was moved to the colony, where, according to former inmates, guards beat him":
        the source of the clause it stands in, not of the sentence's other clauses ("was
        arrested in 2022 and, according to his family, was refused treatment")."""
        clause = according.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        return clause.dep_ in ("relcl", "conj") and clause.pos_ == "VERB" and \
            according.i < clause.i and trigger not in clause.subtree
        # (fronted in its clause; one told last, "..., and sentenced her to 12 years,
        # according to media reports", speaks for the whole sentence)

    def _named_after_role(self, according: Token) -> str | None:
        """ "According to his lawyer, Elchin Rzayev, guards beat him": the name after the
        role, however the parser hung it."""
        end = min(according.i + 6, according.sent.end - 2)
        role = next((t for t in self.doc[according.i + 2: end] if t.lower_ in NAMED_SOURCES),
                    None)
        if role is None or self.doc[role.i + 1].text != "," or role.i + 2 not in self.cluster_at:
            return None
        return self.names[self.cluster_at[role.i + 2]]


# A quotation, in curly or straight quotes, long enough to hold sentences.
QUOTATION = re.compile(r"“[^”“]{20,}”|\"[^\"\n]{20,}\"")
COUNTS = {"both": 2, "neither": 2, **RULES.number_words(2, 10)}


# The nouns for people a plural may be of: "the three students", "two editors".
PEOPLE = RULES.words("subject_descriptions") | RULES.words("people_nouns") | \
    RULES.words("role_nouns")


def noun_chunk(token: Token) -> Span | None:
    """The noun chunk ``token`` is in, if it lies within one sentence (as ``sent.noun_chunks``
    gives them). spaCy's ``Span.noun_chunks`` runs over the whole document's chunks for every
    sentence asked, so the document's are read once and kept per token."""
    doc = token.doc
    chunks = doc.user_data.get("habeas_chunks")
    if chunks is None:
        chunks = doc.user_data["habeas_chunks"] = {}
        starts = {s.start for s in doc.sents}
        for chunk in document_noun_chunks(doc):
            if not any(i in starts for i in range(chunk.start + 1, chunk.end)):
                chunks.update(dict.fromkeys(range(chunk.start, chunk.end), chunk))
    return chunks.get(token.i)


# spaCy's English noun chunks: the labels of a chunk's head (spacy/lang/en/syntax_iterators.py)
CHUNK_HEADS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr",
               "ROOT")


def document_noun_chunks(doc: Doc) -> list[Span]:
    """``list(doc.noun_chunks)``: spaCy's English iterator, step for step, reading the POS,
    DEP and HEAD columns (a Token only for the nouns that may head a chunk, for their left
    edge) instead of a Token for every word. Another language's iterator runs as it is."""
    if doc.noun_chunks_iterator is not english_noun_chunks or not doc.has_annotation("DEP"):
        return list(doc.noun_chunks)
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in CHUNK_HEADS}
    conj = strings.add("conj")
    np_label = strings.add("NP")
    pos, dep, head = doc.to_array([POS, DEP, HEAD]).T
    heads = (head.astype(numpy.int64) + numpy.arange(len(doc))).tolist()
    pos, dep = pos.tolist(), dep.tolist()
    chunks = []
    prev_end = -1
    for i in range(len(doc)):
        if pos[i] not in (NOUN, PROPN, PRON) or dep[i] not in np_deps and dep[i] != conj:
            continue  # (nothing else is a chunk: asked first, it spares the left edge)
        left = doc[i].left_edge.i
        if left <= prev_end:
            continue  # no nested chunks
        if dep[i] in np_deps:
            prev_end = i
            chunks.append(Span(doc, left, i + 1, label=np_label))
        else:
            h = heads[i]
            while dep[h] == conj and heads[h] < h:
                h = heads[h]
            if dep[h] in np_deps:  # coordinated to a chunk's head: a chunk too
                prev_end = i
                chunks.append(Span(doc, left, i + 1, label=np_label))
    return chunks


def fronted(name: Token, subject: Token) -> bool:
    """The name is inside a phrase set before the subject of its clause: "According to their
    lawyer X, the men ...", "In a statement by X, the detainees ..."."""
    if not syntax.is_subject(subject):
        return False
    return any(a.dep_ == "prep" and a.head == subject.head and a.i < subject.i
               for a in [name, *name.ancestors])


def is_plural_people(token: Token) -> bool:
    """ "the defendants", "all five", "three students": a plural that may stand for persons
    named in the report."""
    return token.lower_ in PLURAL_NOUNS or token.tag_ in ("NNS", "NNPS") and \
        token.lemma_.lower() in PEOPLE  # "three Crimean Tatars" (a proper plural)


def number_of(token: Token) -> int | None:
    """How many people a plural expression names: "both", "the three men", "all five"."""
    for word in [token, *token.children]:
        if word.lower_ in COUNTS and (word is token or word.dep_ in ("nummod", "det")):
            return COUNTS[word.lower_]
        if word.like_num and word.text.isdigit() and word.dep_ == "nummod" and int(word.text) < 20:
            return int(word.text)
    return None


# Kinship nouns that tell the speaker's gender: "his wife ... She said".
GATHERED_NOUNS = RULES.words("gathered_nouns")
GATHERING_VERBS = RULES.words("gathering_verbs")
KIN_GENDER = {w: "female" for w in RULES.words("female_kin")} | {
    w: "male" for w in RULES.words("male_kin")}


def kin_before(span) -> str | None:
    """The relative's noun right before a name, or before the comma that opens it: "his wife
    Dilnoza", "His daughter, Yelena,"."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return doc[i].lower_ if i >= 0 and doc[i].lower_ in KIN_GENDER else None


# Titles of those who decide on a prisoner ("Judge", "Magistrate"; not "President").
OFFICIAL_TITLES = RULES.words("acting_titles") - {"president"}


def guess_gender(name: str) -> str | None:
    """A guess from the name alone (given-name lists, patronymic, surname ending), used only to
    keep "he" from meaning "Olena Hrytsenko"."""
    from ..resolve.names import GIVEN_GENDER, parse, skeleton

    words = fold(name).lower().split()
    if len(words) >= 3 and words[0] in FAMILY_FIRST and words[1] in GENDERED_MIDDLE_NAMES:
        return GENDERED_MIDDLE_NAMES[words[1]]  # Vietnamese "Dang Thi Hoa", "Pham Van Nam"
    parsed = parse(name)
    if len(words) == 2 and parsed.surname == skeleton(words[0]) and parsed.given and \
            parsed.given not in GIVEN_GENDER and not parsed.patronymic:
        return None  # "Shirin Rahimi" read surname first for its "-in": neither word tells
    return {"m": "male", "f": "female"}.get(parsed.gender)


FAMILY_FIRST = RULES.words("family_names_first")
# The middle names that tell a Vietnamese name's gender after the family name.
GENDERED_MIDDLE_NAMES = {w: "female" for w in RULES.words("female_middle_names")} | {
    w: "male" for w in RULES.words("male_middle_names")}


def hedge_cues(trigger: Token) -> bool:
    """A hedge word in the trigger's own clause ("was convicted ... for allegedly making")."""
    if not has_word(trigger.sent, HEDGE_WORDS, "hedge"):
        return False  # (what is asked below lies in the trigger's sentence: its tree)
    conjuncts = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    other = {t.i for c in conjuncts for t in c.subtree}  # "was kept ... and was accused of
    # allegedly damaging": the hedge is the accusation's
    subtree = list(trigger.subtree)  # walked twice
    other |= {t.i for c in subtree if c.dep_ == "relcl" and c.i != trigger.i and any(
                  w.lower_ == "where" or w.dep_ == "prep" and any(
                      o.lower_ == "which" for o in w.children) for w in c.children)
              for t in c.subtree}  # "moved to a prison, where he has reportedly been beaten":
    # what happened there, not "charged over stickers that he allegedly put up"
    for token in subtree:
        if token.lower_ in HEDGE_WORDS and token.i not in other:
            return True
    for ancestor in trigger.ancestors:
        if any(c.lower_ in HEDGE_WORDS and c.dep_ == "advmod" for c in ancestor.children):
            return True
        if ancestor.lemma_ in REPORTING_VERBS:
            break
    return False
