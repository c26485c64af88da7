"""Events: triggers found by lemma and dependency context, arguments read from the parse.

A trigger is a verb or noun of the vocabulary ("arrested", "release", "hunger strike"). Its
persons are the ones it happens to: the passive subject, the active object, the subject of an
intransitive ("both men headed to Ankara"), the "of" phrase of a noun ("the release of Umerov");
pronouns are resolved by ``Discourse``. Requests, threats and plans are not events ("prosecutors
asked for 23 years") unless negated ("they hadn't submitted any requests for pardons").
Within one article the same event told twice is merged into one with several sources.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
import re

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from ..model import EventRecord, PersonRecord
from ..model import Span as TextSpan
from . import dates, terms
from .discourse import FIRST_PERSON, KIN, ROLE_WORDS, Discourse, hedge_cues, who_antecedent
from .lang import RuleSet, predicates
from .lang.en import RULES, syntax
from .lexicon import (HEDGE_WORDS, IRREALIS_HEADS, IRREALIS_NOUNS, REPORTING_VERBS,
                      countries, fold, places)
from .sharing import (ALSO, COURT_STEPS, COURTS, FACILITIES, NO_DAY, NOT_PLACES, OWN_DATE,
                      PLACE_PREPOSITIONS, RELATIVE, SAID_ON, SETTLEMENTS, batch_release_day,
                      clause_date, clause_place, is_court, penalties_apart, places_told,
                      share_arguments)
from .persons import ROLE_NOUNS
from .spans import (doc_text, entities, entity_at, entity_text, has_word, sentence_ents,
                    span_text, spans_within, word_ids)

VERB_TRIGGERS = RULES.trigger_table("VERB")
NOUN_TRIGGERS = RULES.trigger_table("NOUN")
OBSERVER_VERBS = RULES.words("observer_verbs")
RECIPIENT_VERBS = RULES.words("recipient_verbs")
INTRANSITIVE = RULES.words("intransitive_triggers")
LEAVING_VERBS = RULES.words("leaving_verbs")
LIGHT_VERBS = RULES.words("light_verbs")
INCLUSION_VERBS = RULES.words("inclusion_verbs")
PHRASE_VERBS = RULES.words("phrase_verbs")
SEARCH_OBJECTS = RULES.words("search_objects")
PARTICIPATION = RULES.words("participation_verbs")
# Verbs of arrival name their destination with "in"/"at": "landed in a prison hospital".
ARRIVAL_VERBS = RULES.words("arrival_verbs")
CHARGE_TYPES = {"arrest", "charge", "trial", "conviction", "sentence", "acquittal", "search",
                "charges_dropped", "appeal"}
MODE_CUES = RULES.release_modes
# A higher court deciding on a verdict: "upheld the sentence", "overturned his conviction" is an
# appeal, never a new sentence; some verbs only with a court as subject ("a source confirmed").
APPEAL_DECISION_VERBS = RULES.words("appeal_decision_verbs")
COURT_ONLY_DECISIONS = RULES.words("court_only_decisions")
DECISION_NOUNS = RULES.words("decision_nouns")


def find_events(doc: Doc, person_spans, persons: list[PersonRecord], *,
                rules: RuleSet = RULES) -> list[EventRecord]:
    discourse = Discourse(doc, person_spans, persons)
    published = dates.parse_published(doc._.published)
    events: list[EventRecord] = []
    previous: list[EventRecord] = []
    # Every dated telling so far, with or without a person named: what "the sentence" and "the
    # searches" refer back to ("jailed a scholar for life on Monday ... passed the sentence
    # after finding X guilty").
    told: list[EventRecord] = []
    named = named_by_a_row(doc, trigger_words(rules))
    text = doc_text(doc)
    for sent in doc.sents:
        found = []
        if FURNITURE.match(text[sent.start_char: sent.end_char]):  # sent.text, not rebuilt
            continue  # "Read also: Russian court jails ...", "Photo: ... at a rally in 2014"
        # (trigger_types itself says [] for a word no row names: asked only of the others)
        tokens = [doc[i] for i in range(sent.start, sent.end) if named[i]]
        triggers = {t.i: trigger_types(t, rules) for t in tokens}
        owners = {i for i, types in triggers.items() if types}
        unnamed = []
        for token in tokens:
            for etype in triggers[token.i]:
                built = build(token, etype, discourse, published, owners)
                found.extend(built)
                if not built and etype in EPISODE_TYPES:
                    unnamed.append(unnamed_telling(token, etype, published, discourse, owners))
        found = equal_terms(split_terms(found, discourse))
        freed_and_brought_home(found, doc)
        found += claims_denied(sent, found, events, discourse)
        found += among_them(sent, found, previous, discourse, events)
        found += named_of_them(sent, found, discourse, events)
        previous = found
        refer_back(doc, found, told, published)
        events.extend(found)
        told.extend(e for e in found + unnamed if e.date)
        dated = [e for e in found if e.date and e.trigger is not None]
        if dated:
            # "two weeks later", "the same month" count from the sentence's main event
            main = min(dated, key=lambda e: len(list(trigger_token(doc, e).ancestors)))
            discourse.anchor = main.date
        elif (day := sentence_day(sent, published)) is not None:
            discourse.anchor = day  # "On April 11, 2022, a pensioner complained ..."
    sentence_of = {s.start_char: n for n, s in enumerate(doc.sents)}
    named = [e for e in events if not e.persons[0].startswith("group:")]
    groups = [e for e in events if e.persons[0].startswith("group:")]
    for event in groups:
        event.extras["group"] = event.persons[0].removeprefix("group:")
        event.persons = []
    doc._.group_events = groups
    batch_release_mode(named, list(doc.sents), sentence_of)
    the_facility_named(doc, named)
    same_body_as_before(named)
    courts = named_courts(doc)
    events = share_arguments(not_yet_sentenced(merge(named)), sentence_of, courts,
                             court_dates(doc, published, discourse), places_told(doc))
    lead_episode(events, groups + [e for e in told if not e.persons], sentence_of)
    batch_release_day(events, groups)
    during_custody(events)
    for event in events:
        event.extras.pop(OWN_DATE, None)
        event.extras.pop(RELATIVE, None)
        event.extras.pop(ALSO, None)
        event.extras.pop(SAID_ON, None)
        event.extras.pop(NO_DAY, None)
        if DENIED_OWN in event.extras:
            # "The ministry said all the detainees had been treated in line with the law": a
            # denial tells no day or place but its own, not those of what it denies
            event.date, event.place = event.extras.pop(DENIED_OWN)
        for name in ("place", "agent"):  # "the Kurdakhani detention centre, where": no comma
            value = getattr(event, name)
            if value and (value[-1] in TRAILING_MARKS or QUOTE_MARKS.search(value)):
                # nor the quote marks of 'an "unknown" location'
                value = re.sub(r"\s+", " ", QUOTE_MARKS.sub("", value))
                setattr(event, name, value.rstrip(TRAILING_MARKS + " ") or None)
    defined = acronyms(doc_text(doc))
    for event in events:
        if event.attributed_to in defined:
            # "RSF has also learned ...", after "Reporters Without Borders (RSF)": the name
            event.attributed_to = defined[event.attributed_to]
    place = dateline_place(doc)
    if place and published:
        # A court report filed from "Rostov-on-Don." tells a hearing held there: the court's
        # steps of these days, placed nowhere else, happened in the dateline's city.
        for event in events:
            if event.place is None and event.type in COURT_STEPS and event.date and \
                    len(event.date) == 10 and 0 <= (published - dt.date.fromisoformat(
                        event.date)).days <= RECENT_DAYS:
                event.place = place
    return events


# "Reporters Without Borders (RSF)", "the State Committee for National Security (GKNB)": a
# name of capitalised words (and the small words inside names) with its acronym in brackets.
ACRONYM_DEFINED = re.compile(r"\b((?:[A-Z][\w'’.-]*[ \t]+(?:(?:for|of|the|and|without|on|in|"
                             r"to)[ \t]+)*){1,8})\((?P<acronym>[A-Z][A-Za-z]{1,7})\)")


def acronyms(text: str) -> dict[str, str]:
    """Acronym -> the name it was introduced with, "Name (ACRONYM)": two or more capitalised
    words before an acronym in brackets (its initials need not spell it: "RSF")."""
    found = {}
    for match in ACRONYM_DEFINED.finditer(text):
        words, acronym = match.group(1).split(), match.group("acronym")
        while words and (words[0] in ("The", "the") or words[0].lower() in ACRONYM_LEADS):
            words = words[1:]  # "Officers of the State Committee ...": the body's name
            while words and words[0] in ("of", "the", "for"):
                words = words[1:]
        if sum(w[:1].isupper() for w in words) >= 2 and acronym.isupper():
            # (its initials need not spell it: "Reporters Without Borders (RSF)")
            found.setdefault(acronym, f"{' '.join(words)} ({acronym})")
    return found


ACRONYM_LEADS = RULES.words("acronym_leads")


# Denied events that keep only their own words' day and place ("no force was used", "he
# never stopped eating"), and the key their own values wait under while arguments are shared.
DENIALS_OWN_WORDS = frozenset({"ill_treatment", "hunger_strike"})
DENIED_OWN = "_denied_own"
TRAILING_MARKS = ",;:—–-"
QUOTE_MARKS = re.compile(r'["“”«»]')
YEAR = re.compile(r"(?:19|20)\d\d")
# How far into the report a lead may tell the day of a round-up: the headline, the lead.
LEAD_SENTENCES = 3


def lead_episode(events: list[EventRecord], groups: list[EventRecord],
                 sentence_of: dict[int, int]) -> None:
    """ "At least 47 people were detained on Saturday ... In St Petersburg, police detained X":
    a round-up the lead dates, of people it does not name, dates the same events of the
    persons the report names after it, where their own words give no day."""
    lead = next((g for g in sorted(groups, key=lambda g: g.sources[0].start)
                 if g.date and len(g.date) == 10 and not g.negated
                 and sentence_of.get(g.sources[0].start, LEAD_SENTENCES) < LEAD_SENTENCES), None)
    if lead is None:
        return
    for event in events:
        if event.type == lead.type and event.date is None and not event.negated and \
                event.sources[0].start > lead.sources[0].start and not any(
                    event.extras.get(k) for k in (OWN_DATE, RELATIVE, "earlier")):
            event.date = lead.date


def the_facility_named(doc: Doc, events: list[EventRecord]) -> None:
    """ "kept in penal colony IK-6 near Vologda ... began a hunger strike in the penal
    colony": a building told only by its kind is the one of that kind the report named before
    (else the one it names after: a lead's "the penal colony", named in the body)."""
    bare = [e for e in events if e.place and e.type != "transfer" and e.place == e.place.lower()
            and e.place.split()[-1] in FACILITIES]
    if not bare:
        return
    kinds = {e.place.split()[-1] for e in bare}
    named: list[tuple[int, str, str]] = []
    for token in doc:
        if token.lower_ in kinds and any(
                t.pos_ == "PROPN" or any(c.isdigit() for c in t.text)
                for t in token.subtree if t.i < token.i):  # "IK-2", "No. 1", "Vilnius"
            named.append((token.idx, token.lower_, noun_phrase(token)))
    for event in bare:
        start = event.sources[0].start
        same = [(at, text) for at, head, text in named if head == event.place.split()[-1]]
        earlier = [text for at, text in same if at < start]
        later = [text for at, text in same if at > start]  # a lead names it further down
        if earlier or later:
            event.place = earlier[-1] if earlier else later[0]


# Modes that a report tells once for a batch of releases, in a sentence of their own.
BATCH_MODES = ("negotiated", "exchange")
# How many sentences from a release its batch's mode may be told.
BATCH_DISTANCE = 2


def batch_release_mode(events: list[EventRecord], sents: list[Span],
                       sentence_of: dict[int, int]) -> None:
    """ "A was released along with 13 other prisoners. Last week, the president secured the
    release of 14 people": a release with no mode of its own takes a negotiated or exchange mode
    told of a release within two sentences."""
    for event in events:
        if event.type != "release" or event.release_mode or event.negated:
            continue
        at = sentence_of.get(event.sources[0].start)
        if at is None:
            continue
        for sent in sents[max(at - BATCH_DISTANCE, 0): at + BATCH_DISTANCE + 1]:
            if not any(t.lemma_ in RELEASE_WORDS for t in sent):
                continue
            mode = next((m for m, pattern in MODE_CUES if m in BATCH_MODES and
                         pattern.search(sent.text)), None)
            if mode:
                event.release_mode = mode
                break


RELEASE_WORDS = {"release", "free", "freedom", "exchange", "swap"}


SAME_BODY = re.compile(r"(?:the\s+)?same\s+(\w+)", re.I)


def same_body_as_before(events: list[EventRecord]) -> None:
    """ "That day the same court also convicted X": the court of the step told before, when
    the report named it by a description ("a district court in the Belarusian capital")."""
    last: dict[str, str] = {}
    for event in events:
        same = SAME_BODY.fullmatch(event.agent or "")
        if same and same.group(1).lower() in last:
            event.agent = last[same.group(1).lower()]
        elif event.agent:
            for word in re.findall(r"\w+", event.agent.lower()):
                if word in GENERIC_BODIES:
                    last[word] = event.agent


# How many days before publication a dated hearing is the one the report is filed about.
RECENT_DAYS = 7


def dateline_place(doc: Doc) -> str | None:
    """The place a report is filed from: "KYIV, Ukraine —", "PENZA, Russia —", "Rostov-on-Don.
    Yesterday ..." at the start of a paragraph among the first lines."""
    for sent in list(doc.sents)[:6]:
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.ent_type_ not in ("GPE", "LOC") and not (
                first.is_upper and len(first.text) > 2):
            continue
        ent = entity_at(first)
        end = ent.end if ent is not None else first.i + 1
        if end < sent.end and doc[end].text in (",", ".", *DASHES) and (
                doc[end].text != "." or end + 1 < sent.end or sent.end < len(doc)):
            text = doc[first.i: end].text
            return text.title() if text.isupper() else text
    return None


FURNITURE = RULES.pattern("furniture")


EPISODE_NOUNS = RULES.table("episode_nouns")
# The events a definite noun can refer back to ("the searches", "the rally").
EPISODE_TYPES = frozenset(EPISODE_NOUNS.values())


CLAIM_NOUNS = RULES.words("claim_nouns")
CLAIM_REACH = 3  # sentences back
DENYING_VERBS = RULES.words("denying_verbs")


def claims_denied(sent: Span, found: list[EventRecord], events: list[EventRecord],
                  discourse: Discourse) -> list[EventRecord]:
    """ "X said he was beaten and denied medicine. The Penitentiary Service denied both
    claims": the ill-treatment of the last sentence that told one, denied by who denies the
    claims (one denial for all its persons), unless the sentence tells its own."""
    if any(e.type == "ill_treatment" for e in found):
        return []
    verb = next((t for t in sent if t.lemma_ in DENYING_VERBS and t.pos_ == "VERB" and
                 not syntax.is_negated(t) and any(o.lemma_.lower() in CLAIM_NOUNS
                                                   for o in syntax.objects(t))), None)
    if verb is None:
        return []
    claimed = [e for e in events if e.type == "ill_treatment" and not e.negated]
    first = discourse.sents[max(discourse.sent_index[sent.start] - CLAIM_REACH, 0)]
    if not claimed or claimed[-1].sources[0].start < first.start_char:
        return []  # (a claim of the last few sentences)
    last = claimed[-1].sources[0].start
    persons = list(dict.fromkeys(p for e in claimed if e.sources[0].start == last
                                 for p in e.persons))
    if any(s.pos_ == "PRON" or any(t.i in discourse.cluster_at for t in s.subtree)
           for s in syntax.subjects(verb)):
        return []  # "Orlov denied the allegations", "He denied": the accused, the charges
    source = next((phrase(s) for s in syntax.subjects(verb)), None)
    if source is not None:
        source = re.sub(r"^(?:the|a|an)\s+", "", source, flags=re.I)
    said = doc_text(sent.doc)[sent.start_char: sent.end_char].strip()
    return [EventRecord(type="ill_treatment", persons=persons, negated=True,
                        attributed_to=source, evidence=said,
                        sources=[TextSpan(sent.start_char, sent.end_char, said)],
                        trigger=TextSpan(verb.idx, verb.idx + len(verb.text), verb.text))]


def unnamed_telling(trigger: Token, etype: str, published: dt.date | None,
                    discourse: Discourse, owners: set[int]) -> EventRecord:
    """An event told without a person named ("jailed a scholar for life on Monday",
    "searched homes on Wednesday"): its date and place, for a later "the sentence", "the
    searches" to refer back to."""
    date = find_date(trigger, published, None, discourse.anchor) or \
        clause_date(trigger, published, owners, discourse.anchor)
    sent = trigger.sent
    return EventRecord(type=etype, persons=[], date=date,
                       place=find_place(trigger, etype) or clause_place(trigger, owners, etype),
                       sources=[TextSpan(sent.start_char, sent.end_char,
                                         span_text(sent).strip())])


def refer_back(doc: Doc, found: list[EventRecord], before: list[EventRecord],
               published: dt.date | None) -> None:
    for event in found:
        if event.date is not None or event.trigger is None:
            continue
        trigger = trigger_token(doc, event)
        nouns = [trigger] if trigger.lower_ in EPISODE_NOUNS else []
        for noun in nouns:  # "the rally" itself, told before with its date
            if any(c.lower_ == "the" for c in noun.children):
                earlier = next((e for e in reversed(before) if e.type == event.type and e.date),
                               None)
                if earlier is not None:
                    event.date = earlier.date
                    event.place = event.place or earlier.place
                    break
        for prep in trigger.children:
            if syntax.is_preposition(prep) and prep.lower_ == "after":
                # "detained two weeks after the rally": the rally's date plus two weeks
                noun = syntax.prep_object(prep)
                span = [c for c in prep.children if c.ent_type_ == "DATE"] or [
                    c for c in trigger.children if c.ent_type_ == "DATE" and c.i < prep.i]
                earlier = next((e for e in reversed(before) if noun is not None and
                                e.type == EPISODE_NOUNS.get(noun.lower_) and e.date), None)
                if span and earlier is not None and len(earlier.date) == 10:
                    ent = entity_at(span[0])
                    event.date = dates.resolve(f"{ent.text} later",
                                               published, earlier.date)
                    continue
            if not syntax.is_preposition(prep) or prep.lower_ not in ("at", "during", "in"):
                continue
            for noun in prep.children:
                etype = EPISODE_NOUNS.get(noun.lower_)
                if not syntax.is_prep_object(noun) or etype is None or not any(
                        c.lower_ == "the" for c in noun.children):
                    continue
                earlier = next((e for e in reversed(before) if e.type == etype and e.date), None)
                if earlier is not None:
                    event.date = earlier.date
                    event.place = event.place or earlier.place


# Words that set ill-treatment within the detention itself: "beaten in the police van", "kept
# in handcuffs all day", "during the search", "on the way to the FSB building".
DURING_DETENTION = re.compile(
    r"\b(?:van|car|on the way|handcuff(?:s|ed)?|first (?:night|day|days|hours) in custody|"
    r"during (?:the |his |her |their )?(?:search|detention|arrest|interrogations?|questioning))\b",
    re.I)


def during_custody(events: list[EventRecord]) -> None:
    """Ill-treatment told without a date but within the detention ("was beaten in the car on
    the way to the FSB building") happened on the day of that person's one dated arrest; so did
    a search told with the arrest."""
    arrested: dict[str, set[str]] = {}
    for event in events:
        if event.type == "arrest" and event.date and not event.negated:
            for person in event.persons:
                arrested.setdefault(person, set()).add(event.date)
    for event in events:
        if event.type != "ill_treatment" or event.date or event.negated or \
                not DURING_DETENTION.search(event.evidence or ""):
            continue
        days = {d for p in event.persons for d in arrested.get(p, ())}
        if len(days) == 1:
            event.date = days.pop()
    # "was detained right after investigators searched his apartment": a search told in the
    # same sentence as the arrest (dated where the report first told it) was that day's
    for event in events:
        if event.type != "search" or event.date or event.negated:
            continue
        told_with = {e.date for e in events if e.type == "arrest" and e.date and not e.negated
                     and set(e.persons) & set(event.persons)
                     and any(s.start == event.sources[0].start for s in e.sources)}
        if len(told_with) == 1:
            event.date = told_with.pop()


PARTICIPANT_NOUNS = RULES.table("participant_nouns")
# How many events back "among the pardoned" may find the pardon.
AMONG_WINDOW = 8


def participant_type(token: Token) -> str | None:
    """The event a noun for its participants names: "appellants" an appeal, "the pardoned" (a
    participle as a noun) a release."""
    if token.lemma_.lower() in PARTICIPANT_NOUNS:
        return PARTICIPANT_NOUNS[token.lemma_.lower()]
    word = token.lower_
    if not word.endswith("ed") or not any(c.lower_ in ("the", "those", "these")
                                          for c in token.children):
        return None  # "the pardoned", "those freed"
    return next((VERB_TRIGGERS[stem] for stem in (word[:-2], word[:-1], word[:-3])
                 if stem in VERB_TRIGGERS), None)


def among_them(sent: Span, found: list[EventRecord], previous: list[EventRecord],
               discourse: Discourse, earlier: list[EventRecord] = ()) -> list[EventRecord]:
    """ "Dozens were detained after the rally. Among them were A and B": what happened to the
    group told just before happened to the persons listed as among them."""
    root = sent.root
    among = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "among"), None)
    if among is None and root.lemma_ in INCLUSION_VERBS:
        return members_listed(sent, found, discourse, earlier)
    if among is None or root.lemma_ != "be":
        return []
    group = next((o for o in among.children if o.dep_ == "pobj"), None)
    if group is None:
        return []
    etype = None
    told = next((VERB_TRIGGERS.get(c.lemma_) for c in group.children
                 if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"), None)
    if group.lower_ in ("those", "these") and told is not None:
        # "Among those freed was X", "X was not among those released": the group's release,
        # the last told, not the other events of the sentence before
        etype = told
        previous = [e for e in earlier[-AMONG_WINDOW:] if e.type == etype][-1:]
    elif group.lower_ not in ("them", "those", "these"):
        # "Among the appellants are A and B", "Also among the pardoned were A and B"
        etype = participant_type(group)
        if etype is None:
            return []
        previous = [e for e in earlier[-AMONG_WINDOW:] if e.type == etype][-1:]
    listed = [cid for c in root.children if c.dep_ in ("nsubj", "attr")
              for cid in discourse.persons_in(c)]
    # not what "Among those detained" itself tells: that is the group's event, told again
    phrase = sent.doc[among.left_edge.i: among.right_edge.i + 1]

    def in_phrase(e: EventRecord) -> bool:
        return e.trigger is not None and phrase.start_char <= e.trigger.start < phrase.end_char

    if not listed:
        return []
    out = []
    for event in previous:
        if event.negated or etype is not None and event.type != etype:
            continue
        # not again what the sentence itself tells of them ("Among them was X, who was
        # detained" keeps X's own arrest; the group's release is still his)
        persons = [cid for cid in listed if not any(
            f.type == event.type and cid in f.persons for f in found if not in_phrase(f))]
        if not persons:
            continue
        copy = _copy(event, persons=persons, evidence=sent.text.strip())
        # "X was not among those released": left out of what the group went through
        copy.negated = syntax.is_negated(root) or any(syntax.is_negation(t)
                                                      for t in among.subtree)
        # who tells of them here, else who told of the group
        copy.attributed_to = discourse.attribution(root)[0] or event.attributed_to
        group = event.persons[0].removeprefix("group:")
        if event.agent and group != event.persons[0] and (event.agent in group or
                                                          group in event.agent):
            copy.agent = None  # "16 of the 22 convicts filed appeals": they are the appellants
        copy.sources = [TextSpan(sent.start_char, sent.end_char, sent.text.strip())]
        out.append(copy)
    if out:
        discourse.victims.update(listed)
        found[:] = [e for e in found if not in_phrase(e)]  # the group's event stands for it
    return out


GROUP_NOUNS = RULES.words("group_nouns")


def named_of_them(sent: Span, found: list[EventRecord], discourse: Discourse,
                  earlier: list[EventRecord]) -> list[EventRecord]:
    """ "Seven believers were charged with extremism. Three of them, A, B and C, were later
    convicted": the persons named as part of a group told just before went through what the
    group went through."""
    part = next((t for t in sent if (t.tag_ == "CD" or t.lower_ in ("some", "several", "most"))
                 and any(syntax.is_preposition(p) and p.lower_ == "of" and any(
                     o.lower_ in ("them", "those", "these") for o in p.children)
                         for p in t.children)), None)
    if part is None:
        return []
    of = next(p for p in part.children if syntax.is_preposition(p) and p.lower_ == "of")
    if of.right_edge.i + 1 >= sent.end or sent.doc[of.right_edge.i + 1].text != ",":
        return []
    start = of.right_edge.i + 2
    end = next((t.i for t in sent.doc[start: sent.end] if t.text == "," and not (
        t.i + 1 < sent.end and (t.nbor(1).i in discourse.cluster_at or t.nbor(1).lower_ == "and"))),
               sent.end)
    listed = list(dict.fromkeys(discourse.cluster_at[i] for i in range(start, end)
                                if i in discourse.cluster_at))
    groups = [e for e in earlier[-AMONG_WINDOW:] if e.persons[0].startswith("group:")
              and not e.negated]
    if not listed or not groups:
        return []
    latest = groups[-1].persons[0]
    out = []
    for event in (e for e in groups if e.persons[0] == latest):
        if any(f.type == event.type and set(listed) <= set(f.persons) for f in found):
            continue
        copy = _copy(event, persons=list(listed))
        out.append(copy)
    discourse.victims.update(listed)
    return out


def members_listed(sent: Span, found: list[EventRecord], discourse: Discourse,
                   earlier: list[EventRecord]) -> list[EventRecord]:
    """ "The 47 defendants, charged with subversion, appeared in court. ... The group
    included A, B and C": what happened to the unnamed group told shortly before happened to
    the persons it is said to include."""
    root = sent.root
    subject = next((c for c in root.children if syntax.is_active_subject(c)), None)
    if subject is None or subject.i in discourse.cluster_at or not (
            subject.lemma_.lower() in GROUP_NOUNS or group_of(subject)):
        return []
    listed = [cid for o in syntax.objects(root) for cid in discourse.persons_in(o)]
    have = {p for e in found for p in e.persons}
    listed = list(dict.fromkeys(cid for cid in listed if cid not in have))
    groups = [e for e in earlier[-AMONG_WINDOW:] if e.persons[0].startswith("group:")
              and not e.negated]
    if not listed or not groups:
        return []
    # the group the report has told most of, the latest when as much
    told = Counter(e.persons[0] for e in groups)
    salient = max(reversed([e.persons[0] for e in groups]), key=told.get)
    groups = [e for e in groups if e.persons[0] == salient]
    out = []
    for event in groups:
        copy = _copy(event, persons=list(listed), evidence=sent.text.strip())
        copy.sources = [TextSpan(sent.start_char, sent.end_char, sent.text.strip())]
        out.append(copy)
    discourse.victims.update(listed)
    return out


def named_by_a_row(doc: Doc, words: frozenset[str]) -> list[bool]:
    """For each token, whether its lowercased lemma or its lowercased text is in ``words``
    (``token.lemma_.lower() in words or token.lower_ in words``), read from the LEMMA and
    LOWER columns: a lemma's answer is kept across documents (hashes are the same in every
    vocabulary), the text's is a set lookup; no Token is made for a word."""
    strings = doc.vocab.strings
    lemmas, lowers = doc.to_array([LEMMA, LOWER]).T.tolist()
    known = _LEMMAS_NAMED.setdefault(words, {})
    if len(known) > LEMMAS_KEPT:
        known.clear()  # an archive's vocabulary keeps growing: a bounded memory
    named = set()
    for value in set(lemmas):
        if value not in known:
            known[value] = strings[value].lower() in words
        if known[value]:
            named.add(value)
    texts = word_ids(words)
    return [lemma in named or lower in texts for lemma, lower in zip(lemmas, lowers)]


# Per list of trigger words: lemma hash -> whether its lowercased lemma is one of them.
_LEMMAS_NAMED: dict[frozenset[str], dict[int, bool]] = {}
LEMMAS_KEPT = 200_000


@functools.lru_cache(maxsize=8)
def trigger_words(rules: RuleSet) -> frozenset[str]:
    """Every lemma and word some trigger row names, of any part of speech."""
    return frozenset(word for _, _, word in rules.index)


def trigger_types(token: Token, rules: RuleSet = RULES) -> list[str]:
    """The event a token names, if any: the first of its trigger rows (``triggers.toml``: the
    constructions for its lemma or its text, then its table row) whose checks hold."""
    lemma = token.lemma_.lower()
    words = trigger_words(rules)
    if lemma not in words and token.lower_ not in words:
        return []  # no row names the word (the checks below only ever veto a row)
    if token.dep_ in ("aux", "auxpass"):
        return []  # "has been", "had bruises" aside: an auxiliary names no event
    pos = syntax.word_class(token)
    index = rules.index
    if (pos, "lemma", lemma) not in index and (pos, "table", lemma) not in index and \
            (pos, "word", token.lower_) not in index:
        return []
    if token.pos_ in ("NOUN", "PROPN") and etype_blocked_by_context(token):
        return []
    if token.is_title and token.ent_type_ == "ORG" and token.i > 0 and \
            token.nbor(-1).ent_type_ != "ORG" and (ent := entity_at(token)) is not None and \
            len(ent) > 1 and ent.start == token.i:
        return []  # "Amnesty International", "Release International": a body's name opens
        # with the word, no amnesty told
    if is_state(token):
        return []
    if pos == "NOUN" and token.dep_ in ("compound", "amod") and token.head.pos_ == "NOUN" and \
            rules.trigger_table("NOUN").get(lemma) != "hunger_strike" and not (
                token.dep_ == "compound" and token.head.lemma_ in APPLICATION_NOUNS):
        return []  # "detention centre", "trial court": a kind of thing, not an event (but
        # "his bail applications were refused": the application's decision tells one)
    if pos == "NOUN" and token.i + 1 < len(token.doc) and token.nbor().lemma_.lower() in \
            FACILITIES and token.nbor().pos_ in ("NOUN", "PROPN"):
        return []  # "Tashkent's Detention Center №1", whatever the parser made of it
    if inside_a_charge(token):
        return []  # "charged with organising a rally": what the charge says, not an event
    if pos == "NOUN" and token.i > 0 and token.nbor(-1).lower_ == "pending":
        return []  # "held pending trial", "jailed pending an appeal": what he waits for
    checks = predicates(rules.language)
    for row in rules.rows(pos, lemma, token.lower_):
        if all(checks[name](token) for name in row.when) and \
                not any(checks[name](token) for name in row.unless):
            return [] if row.type == "none" else [row.type]
    return []


BACKGROUND_PREPOSITIONS = RULES.words("background_prepositions")
ACCUSING_WORDS = RULES.words("accusing_words")


def inside_a_charge(token: Token) -> bool:
    """The token is in what a charge says: "accused of transferring explosives", "charged with
    organising a rally", "on charges of calling for protests", "guilty of organizing protests"."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ in ("relcl", "acl") and ancestor.pos_ in ("VERB", "AUX"):
            return False  # "ties to the men accused of the bombing": their own charge
        if syntax.is_preposition(ancestor) and ancestor.lower_ in ("of", "with") and \
                ancestor.head.lemma_.lower() in ACCUSING_WORDS:
            return True
    return False


TIME_NOUNS = RULES.words("time_nouns")


SITTING_NOUNS = RULES.words("sitting_nouns")
# The units of administrative arrest: "15 days of arrest" (a term of years is served, not given).
SHORT_UNITS = frozenset({"day", "week"})
MOVEMENT_WORDS = RULES.words("movement_words")


def etype_blocked_by_context(token: Token) -> bool:
    head, trigger = token.head, token
    if token.lemma_ in SITTING_NOUNS and syntax.is_prep_object(token) and \
            head.lower_ in ("for", "to") and head.head.lemma_ in MOVEMENT_WORDS:
        return True  # "taken to Rostov-on-Don for the trial", "on the way to a court hearing":
        # where he was taken, not a sitting told
    if syntax.is_prep_object(token) and head.lower_ == "of" and \
            head.head.lemma_.lower() in ("extension", "prolongation"):
        return True  # "her complaint against the extension of her detention": custody
        # prolonged, no new arrest
    if syntax.is_prep_object(token) and head.lower_ == "of" and head.head.lemma_ == "date" and \
            not syntax.is_prep_object(head.head):
        return True  # "the date of his trial has not been set": when, of one to come
    if syntax.is_prep_object(token) and head.lower_ == "of" and \
            head.head.lemma_.lower() in TIME_NOUNS and syntax.is_prep_object(head.head):
        return True  # "on the night of her arrest", "the anniversary of his release": when,
        # by an event told elsewhere
    if token.dep_ in ("dobj", "nsubjpass") and token in decided_verdicts(head):
        return True  # "upheld the sentence": the appeal's object, not a new sentence
    if syntax.is_prep_object(token) and syntax.is_preposition(head) and \
            head.lower_ in ("against", "of") and \
            head.head.lemma_ in ("appeal", "review", "challenge", "complaint") or \
            syntax.is_direct_object(token) and head.lemma_ in ("appeal", "challenge"):
        return True  # "an appeal against Voloshin's acquittal", "appealed the acquittal"
        # point back to the acquittal
    while syntax.is_prep_object(token) and head.lower_ == "of" and \
            syntax.is_prep_object(head.head) and \
            head.head.lemma_ in SERIES_NOUNS:
        token, head = head.head, head.head.head  # "during a wave of raids on Viasna offices"
    if syntax.is_prep_object(token) and head.lower_ in BACKGROUND_PREPOSITIONS and \
            not dated(token) and not (token == trigger and any(
                c.lower_ in ("a", "an") for c in token.children)) and not (
                token == trigger and counted_from(token) is not None):
        return True  # "after the trial"; but "since his arrest in March" is an arrest,
        # "after a search of his home" tells one the report had not told, and "a week after
        # her arrival at the colony" dates one
    if syntax.is_prep_object(token) and head.lower_ == "in" and token.lemma_ == "protest" and \
            not any(c.dep_ == "det" for c in token.children) and \
            head.head.lemma_ not in ("part", "participate") and not any(
                c.lemma_ == "part" for c in head.head.children):
        return True  # "in protest against" (not "for taking part in protests")
    if syntax.is_prep_object(token) and head.lower_ == "of" and \
            head.head.head.lemma_ == "serve" and head.head.lemma_ not in SHORT_UNITS:
        return True  # "serving two years of a five-year term": a term, not an event (but
        # "had served 10 days of administrative arrest" is a sentence: the arrest row's
        # days_of_administrative_arrest)
    return False


# Custody as a state, not an event: "remains in detention", "is under house arrest".
STATE_NOUNS = RULES.words("state_nouns")
PLACING_VERBS = RULES.words("placing_verbs")
CUSTODY_ASPECTS = RULES.words("custody_aspects")


def is_state(token: Token) -> bool:
    """A participle before its noun describes ("the two imprisoned leaders", "the jailed
    blogger"); a custody noun after "in"/"under" is where someone is ("remains in detention",
    "held under arrest"), unless someone was put there ("placed under arrest")."""
    if token.dep_ == "amod" and token.tag_ == "VBN" and token.i < token.head.i and \
            not any(syntax.is_subject(c) for c in token.children) and \
            misread_doer(token) is None:
        return True  # not "the court sentenced editor X", a verb the parser took for a modifier
    if token.pos_ == "NOUN" and token.lemma_.lower() in STATE_NOUNS and \
            syntax.is_prep_object(token) and token.head.lower_ == "of" and \
            token.head.head.lemma_.lower() in CUSTODY_ASPECTS and not dated(token):
        return True  # "protested against the conditions of her detention"
    if token.pos_ == "NOUN" and token.lemma_.lower() in STATE_NOUNS and \
            syntax.is_prep_object(token) and token.head.lower_ in ("in", "under"):
        return token.head.head.lemma_.lower() not in PLACING_VERBS and not dated(token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in STATE_NOUNS and \
            syntax.is_prep_object(token) and token.head.lower_ == "from" and not dated(token):
        return True  # "moved from pretrial detention to house arrest": the custody he left
    if token.pos_ == "NOUN" and token.lemma_.lower() in STATE_NOUNS and not dated(token) and \
            any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children) and (
                syntax.is_prep_object(token) and token.head.lower_ in ("against", "at", "over")
                or syntax.is_direct_object(token) and token.head.lemma_ == "protest"):
        return True  # "a hunger strike in protest at his detention": the custody he is in
    return False


def dated(noun: Token) -> bool:
    """The noun carries its own date: "his arrest in March", "detention on 12 May"."""
    return any(c.ent_type_ == "DATE" or syntax.is_preposition(c) and any(
        g.ent_type_ == "DATE" for g in c.children) for c in noun.children)


# Verbs that lay a charge named as a noun: "faced charges", "charges were brought against".
CHARGING_VERBS = RULES.words("charging_verbs")
CASE_NOUNS = RULES.words("case_nouns")


AWAITING_WORDS = RULES.words("awaiting_words")


def trial_awaited_on(token: Token) -> bool:
    """ "awaits trial on a fraud charge", "released pending trial on the charge of X", "faces
    trial on charges of treason": a charge laid, the person yet to be tried on it (not
    "sentenced on charges of X", told with its verdict)."""
    if not (syntax.is_prep_object(token) and token.head.lower_ == "on"):
        return False
    above = token.head.head
    trial = above if above.lemma_ == "trial" else next(
        (o for o in syntax.objects(above) if o.lemma_ == "trial"), None)
    return trial is not None and trial.i > 0 and trial.nbor(-1).lower_ in AWAITING_WORDS


def dropped_objects(verb: Token) -> list[Token]:
    """What was dropped or closed, if it is a case or a charge: the object or passive subject,
    or, when the parser lost it ("..., the criminal cases against both men were closed"), the
    nearest case noun before the verb."""
    found = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")
             and (c.lemma_ in CASE_NOUNS or c.lemma_ in DROPPED_NOUNS)]  # "dropped a count"
    if found or not any(syntax.is_passive_auxiliary(c) for c in verb.children):
        return found
    if any(syntax.is_subject(c) for c in verb.children):
        return []
    before = [t for t in verb.sent if t.i < verb.i and t.lemma_ in CASE_NOUNS]
    return before[-1:]


def case_against(verb: Token) -> list[Token]:
    """Whom a criminal case was opened against: "opened a case against X", "a case against X
    was opened" (the objects of "against")."""
    cases = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in (
        "case", "charge", "proceeding", "prosecution")]
    return [o for holder in [verb, *cases] for o in syntax.objects_of(holder, "against")] \
        if cases else []


def decided_verdicts(verb: Token) -> list[Token]:
    """The verdicts a higher court decided on: "upheld the verdict", "the sentence was
    overturned", "left the sentence unchanged", "set aside his conviction"."""
    lemma = verb.lemma_.lower()
    if lemma not in APPEAL_DECISION_VERBS:
        return []
    if lemma == "leave" and not any(c.lower_ in ("unchanged", "intact", "standing", "in")
                                    for c in verb.children):
        return []
    if lemma == "set" and not any(c.lower_ == "aside" for c in verb.children):
        return []
    # "The court rejected the appeal and left unchanged the sentence": a conjunct's doer is
    # the first verb's
    doer = verb.head if syntax.is_conjunct(verb) and not syntax.subjects(verb) else verb
    if lemma in COURT_ONLY_DECISIONS and not any(
            c.lemma_.lower() in GENERIC_BODIES or any(p.lemma_.lower() in GENERIC_BODIES
                                                      for p in c.children if p.dep_ == "pobj")
            for c in doer.children if c.dep_ in ("nsubj", "agent")):
        return []  # "a source confirmed the verdict": told, not decided
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
            and c.lemma_.lower() in DECISION_NOUNS]


def upheld_sentences(verb: Token, published: dt.date | None,
                     anchor: str | None) -> list[tuple[Token, int | None, str | None]]:
    """(the noun, term in months, date passed) of each sentence an appeal decision names with its term
    or its kind ("a sentence of two years imposed on X", "the death sentence passed last
    year on X"); not a bare "his sentence", which tells nothing new."""
    found = []
    for noun in decided_verdicts(verb):
        if noun.lemma_.lower() not in ("sentence", "term"):
            continue
        phrase = noun.doc[noun.left_edge.i: noun.right_edge.i + 1]
        terms_found = terms.find_terms(phrase.text)
        kind = any(c.lower_ in ("death", "life") for c in noun.children)
        if not terms_found and not kind:
            continue
        passed = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")),
                      None)
        found.append((noun, terms_found[0].months if terms_found else None,
                      _date_of(passed, published, anchor) if passed is not None else None))
    return found


def appellants(verb: Token) -> list[Token]:
    """Whose verdict it was: "upheld Ametov's sentence", "the verdict against the three men",
    "the conviction of X", "the sentence handed to X"."""
    return [o for verdict in decided_verdicts(verb) for o in verdict_owners(verdict)]


def appealed_verdicts(verb: Token) -> list[Token]:
    """ "appealed the acquittal", "appealed against his sentence": the verdict appealed."""
    return [o for o in syntax.objects(verb) + syntax.objects_of(verb, "against")
            if o.lemma_.lower() in DECISION_NOUNS] if verb.lemma_ == "appeal" else []


def verdict_owners(verdict: Token) -> list[Token]:
    """Whose a verdict is: "Ametov's sentence", "the sentences of journalists A and B" (the
    names the parser hung on the verdict), "the verdict against the three men"."""
    return [c for c in verdict.children if c.dep_ in ("poss", "appos")] + [
        o for p in verdict.subtree if p.dep_ == "prep" and p.lower_ in (
            "of", "against", "for", "on", "to") for o in p.children if o.dep_ == "pobj"]


CARE_NOUNS = RULES.words("ill_treatment_objects")
CARE_GIVERS = RULES.words("care_givers")


def care_kept_from(verb: Token) -> list[Token]:
    """Whom care was kept from: "denied him insulin", "withheld her painkillers", "withheld
    medication from X", "did not call a doctor for X"."""
    if verb.lemma_ not in ("deny", "refuse", "withhold", "call", "summon", "take"):
        return []
    care = [o for o in syntax.objects(verb) if o.lemma_.lower() in CARE_NOUNS | CARE_GIVERS]
    if not care:
        return []
    return [c for c in verb.children if c.dep_ == "dative"] or [
        p for o in care for p in o.children if p.dep_ == "poss"] or \
        syntax.objects_of(verb, "from", "for") or [
            s for o in care for r in o.children if r.dep_ == "relcl"  # "took away the
            for s in syntax.subjects(r)]  # inhaler Savelyev needs": who needs it


def left_out_of(trigger: Token) -> bool:
    """ "was left out of the exchange", "excluded from the amnesty": not freed by it."""
    head = trigger.head
    if not syntax.is_prep_object(trigger):
        return False
    if head.lower_ == "of" and head.head.lower_ == "out":
        return head.head.head.lemma_ == "leave"
    return head.lower_ == "from" and head.head.lemma_ == "exclude"


NEITHER = frozenset({"neither"})
CARE = "_care"
CARE_VERBS = RULES.words("care_verbs")


def care_withheld(trigger: Token) -> bool:
    """An ill-treatment that withholds care ("refused to let him take his medication", "his
    diabetes went untreated"), not one of force: its own words, not those of a clause joined
    to it ("beaten and denied insulin" is two)."""
    if trigger.lemma_ in CARE_VERBS and trigger.dep_ == "xcomp" or trigger.lemma_ == "go" or \
            care_requests(trigger):
        return True
    stack = [c for c in trigger.children if c.dep_ != "conj"]
    while stack:
        word = stack.pop()
        if word.lemma_.lower() in CARE_NOUNS | CARE_GIVERS:
            return True
        stack.extend(c for c in word.children if c.dep_ != "conj")
    return False


REQUEST_NOUNS = RULES.words("request_nouns")
RELEASE_REQUESTS = RULES.words("release_requests")


def care_requests(verb: Token) -> list[Token]:
    """The requests for care a verb refuses: "ignored his requests to see a cardiologist",
    "requests for a doctor were ignored" (not "requests for medical parole", a release)."""
    held = syntax.subjects(verb) if syntax.is_passive(verb) else [
        o for o in syntax.objects(verb) if syntax.is_direct_object(o)]
    found = []
    for request in (r for r in held if r.lemma_.lower() in REQUEST_NOUNS):
        words = {t.lemma_.lower() for t in asked(request)}
        if words & (CARE_NOUNS | CARE_GIVERS) and not words & RELEASE_REQUESTS:
            found.append(request)
    return found


def asked(request: Token) -> list[Token]:
    """A request's words, with what it asks when the parser hung that on the verb: "ignored
    requests from his lawyer [to send him to a hospital]"."""
    verb = request.head
    return [*request.subtree] + [
        t for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > request.i and
        any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for t in c.subtree]


def care_asked_for(verb: Token) -> list[Token]:
    """Whom refused care was asked for: the one a request would send or let see a doctor
    ("requests ... to send his father to a civilian hospital"), else the one who asked ("his
    requests")."""
    requests = care_requests(verb)
    sent = [o for r in requests for t in asked(r) if t.pos_ == "VERB" and t.i != r.i
            for o in syntax.objects(t) if syntax.is_direct_object(o) and
            o.lemma_.lower() not in CARE_NOUNS | CARE_GIVERS]
    return sent or [c for r in requests for c in r.children if c.dep_ == "poss"]


def let_have_care(verb: Token) -> list[Token]:
    """Whom a carer would not let have care: "would not let him take his medication" (the
    complement's subject), "refused to let a cardiologist examine her" (its object, when the
    subject is the one who gives care)."""
    found = [o for o in syntax.objects(verb) if syntax.is_direct_object(o)]
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        doers = syntax.subjects(clause)
        if doers and all(d.lemma_.lower() in CARE_GIVERS for d in doers):
            found += [o for o in syntax.objects(clause) if syntax.is_direct_object(o)]
        else:
            found += doers
    return found


INJURED_PARTS = RULES.words("injured_parts")
# The verbs that summon care (the rows of care_summoned): "has not called a doctor".
SUMMONING_VERBS = RULES.lemmas_checked_by("care_summoned")
PRONOUN_AGREEMENT = ("Person", "Number", "Gender")


def limb_owners(verb: Token) -> list[Token]:
    """Whose limb the verb twists or breaks: "twisted her arm", "broke Karimov's ribs"; none
    when the doer's own ("he broke his leg", "Karimov broke his leg": a possessive pronoun
    that agrees with a pronoun subject, or any after a named one)."""
    doers = [s for s in verb.children if syntax.is_active_subject(s)]
    return [c for o in syntax.objects(verb) if o.lemma_.lower() in INJURED_PARTS
            for c in o.children if c.dep_ == "poss" and not (c.pos_ == "PRON" and any(
                d.pos_ == "PROPN" or d.pos_ == "PRON" and all(
                    d.morph.get(f) == c.morph.get(f) for f in PRONOUN_AGREEMENT)
                for d in doers))]


def put_in_position(verb: Token) -> list[Token]:
    """Whom "made" or "forced" into a position, however the parser hung it: "made him lie face
    down", "made her husband lie face down" (the words between the verb and the position)."""
    found = [o for o in syntax.objects(verb) if syntax.is_direct_object(o)]
    heads = [w for w in before_a_position(verb) or () if w.pos_ in ("PRON", "PROPN", "NOUN")
             and w.dep_ != "poss"]
    return found or heads[-1:]


def before_a_position(verb: Token) -> list[Token] | None:
    """The words of an object between "made"/"forced" and a position word right after it
    ("made [her husband] lie face down"), or None when no position follows."""
    between: list[Token] = []
    for word in verb.doc[verb.i + 1: min(verb.i + 5, verb.sent.end)]:
        if word.lower_ in FORCED_POSITIONS:
            return between
        if word.lower_ != "to":
            if word.pos_ not in ("PRON", "DET", "PROPN", "NOUN"):
                return None
            between.append(word)
    return None


FORCED_POSITIONS = RULES.words("forced_positions")
BODY_WORDS = RULES.words("bruised_bodies")
LIMBS = RULES.words("body_parts") | RULES.words("injured_parts")
# The verbs that leave an illness untreated (the rows of untreated): "left his diabetes".
UNTREATED_VERBS = RULES.lemmas_checked_by("untreated")
# The verbs that show the marks of a beating (the rows of shows_injuries): "was covered in".
INJURY_SHOWN = RULES.lemmas_checked_by("shows_injuries")


def destinations(token: Token) -> list[Token]:
    """Places after "to"/"via" attached to a transfer verb, in the order of the route."""
    found = []
    towards = {"to", "into", "via", "through"}
    if token.lemma_.lower() in ARRIVAL_VERBS:
        towards |= {"in", "at"}
    for child in token.subtree:
        if child.dep_ not in ("prep", "conj", "dative") or child.lower_ not in towards:
            continue  # "sent to Dagestan": the parser may call that "to" a dative
        chain = child.head if child.dep_ == "dative" and child.head == token else child
        while chain != token and (syntax.is_preposition(chain) or syntax.is_conjunct(chain)
                                  and chain.pos_ not in ("VERB", "AUX") or
                                  syntax.is_prep_object(chain) and chain.lemma_ in VEHICLES or
                                  chain.dep_ == "advmod" and chain.lower_ == "back" and (
                                      syntax.is_passive(token) or syntax.objects(token))):
            chain = chain.head  # "put on a flight from Moscow to Dushanbe"; "was driven back
            # to the prison", "took him back to" (not "flew back to Belfast": a trip)
        if chain == token:
            place = first_place(child)
            if place is not None:
                found.append(place)
    if not found and token.lemma_.lower() == "commit":
        # "committed to a psychiatric hospital": a hospital too, when one is committed to it
        found = [o for p in syntax.prepositions(token, "to") for o in syntax.prep_objects(p)][:1]
    if not found and token.lemma_.lower() in PLACING_VERBS:
        # "was placed in a detention centre in Moscow": where, when no "to" says it
        found = [place for p in syntax.prepositions(token, "in")
                 if (place := first_place(p)) is not None][:1]
    return found


VEHICLES = RULES.words("vehicles")
MEANS = RULES.words("means_nouns")
CUSTODY_ROOMS = RULES.words("custody_rooms")


# Buildings a prisoner is taken to without being moved in custody: "taken to hospital", "to
# court", "to a clinic".
NOT_CUSTODY = frozenset({"hospital", "clinic", "court", "courtroom", "airport"})


def first_place(prep: Token) -> Token | None:
    """The object of "to"/"via" when it is a place: a named place or a building ("a police base
    in Gudermes", "penal colony No. 2 in Salavat")."""
    pobj = syntax.prep_object(prep)
    if pobj is None:
        # "taken to Rostov-on-Don two weeks later", the town hung on the weeks: a known place
        # right after "to"
        after = prep.nbor() if prep.i + 1 < len(prep.doc) else None
        return after if after is not None and after.pos_ == "PROPN" and \
            fold(after.text) in places() else None
    if pobj.lemma_ == "location" and any(c.lower_ in ("unknown", "undisclosed")
                                         for c in pobj.children):
        return pobj  # "moved to an unknown location"
    # Custody buildings only: "taken to hospital" or "to court" is no transfer of a prisoner.
    if pobj.lemma_.lower() in FACILITIES - NOT_CUSTODY or any(
            t.ent_type_ in ("GPE", "LOC", "FAC") for t in pobj.subtree) or any(
            t.lemma_.lower() in FACILITIES - NOT_CUSTODY
            and t.dep_ in ("compound", "nmod") and t.head == pobj for t in pobj.children):
        return pobj  # "to the city's new pre-trial detention center No. 2"
    if pobj.lemma_.lower() in ("hospital", "clinic") and any(
            c.lower_ == "psychiatric" for c in pobj.children):
        return pobj  # "taken to a psychiatric hospital": a confinement of its own
    if prep.lower_ == "to" and any(t.lemma_.lower() in CUSTODY_ROOMS
                                   for t in pobj.subtree if t.i <= pobj.i) and not any(
            c.dep_ == "poss" for c in pobj.children):
        return pobj  # "moved to a punishment cell", "to a cell-type room" (not "sent back to
        # his cell": kept where he was)
    return None


def stop_text(pobj: Token) -> str:
    """How a stop of a route is named: a building by its whole phrase ("a police base in
    Gudermes", "penal colony No. 2 in Salavat"), anything else by the place it names ("the
    Russian city of Krasnodar", "the Turkish capital Ankara" -> "Krasnodar", "Ankara")."""
    if pobj.lemma_.lower() in FACILITIES or any(
            t.lemma_.lower() in FACILITIES and t.dep_ in ("compound", "nmod")
            for t in pobj.children):
        return numbered(noun_phrase(pobj), pobj)
    if pobj.ent_type_ in ("GPE", "LOC", "FAC"):
        return ent_text(pobj)
    named = [t for t in pobj.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")]
    return ent_text(named[-1]) if named else noun_phrase(pobj)


def glued_by_hyphen(token: Token) -> bool:
    """ "Don" of "Rostov-on-Don", which the parser may make a subject of its own."""
    return token.i > 0 and token.nbor(-1).text in ("-", "‑") and not token.nbor(-1).whitespace_


def labels_a_line(token: Token) -> bool:
    """ "Minsk: Supreme Court upholds ...": a word before a colon that opens a headline is
    where the story is filed, not who acts."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == ":" and \
        token.left_edge.i == token.sent.start


def cut_number(head: Token) -> Token | None:
    """The number of "No. 4" that the model's tokenizer cuts off from "No" ("No", ".", "4")."""
    doc, at = head.doc, head.i
    return doc[at + 2] if head.lower_ == "no" and at + 2 < len(doc) and \
        doc[at + 1].text == "." and doc[at + 2].like_num else None


def numbered(phrase: str, head: Token) -> str:
    """ "Women's Prison No. 4": the number the parser cut off after "No."."""
    number = cut_number(head)
    return f"{phrase}. {number.text}" if number is not None and phrase.endswith(head.text) \
        else phrase


def ent_text(token: Token) -> str:
    ent = entity_at(token)
    return entity_text(ent) if ent is not None else token.text


# ------------------------------------------------------------------- arguments


PEOPLE_NOUNS = RULES.words("people_nouns")
# "a wave of raids", "the latest in a series of releases": many events, none told here
SERIES_NOUNS = RULES.words("series_nouns")
FAMILY = RULES.words("household_nouns")


def group_of(token: Token) -> str | None:
    """ "Protesters", "a number of people", "thousands": unnamed persons an event is about."""
    words = [t for t in token.subtree if t.i - token.i < 6] or [token]
    if token.lemma_.lower() in PEOPLE_NOUNS or token.lower_ in PEOPLE_NOUNS or any(
            t.lower_ in PEOPLE_NOUNS and t.dep_ in ("pobj", "compound") for t in words):
        return token.doc[token.left_edge.i: min(token.right_edge.i, token.i + 4) + 1].text
    return None


def participants(trigger: Token, etype: str, discourse: Discourse, skip: set[int]) -> list[str]:
    """Person ids the event happens to, or ["group:<phrase>"] when they are not named."""
    args: list[Token] = []
    if trigger.pos_ == "NOUN" or trigger.pos_ == "PROPN":
        # "detained at Saturday's rally": a possessive of time says when the protest was, not
        # who protested
        args = [c for c in trigger.children if c.dep_ in ("poss",) and not (
            etype == "protest" and c.ent_type_ in ("DATE", "TIME"))]
        if etype == "charge" and trigger.lemma_ == "charge" and trigger.head.lemma_ in \
                CHARGING_VERBS:
            verb = trigger.head
            args = [o for h in (verb, trigger) for p in h.children if p.dep_ == "prep" and
                    p.lower_ == "against" for o in p.children if o.dep_ == "pobj"] or (
                subjects(verb) if verb.lemma_ == "face" else [])
        # "passed a guilty verdict in the case of A": the case told on the verb that carries it
        carriers = [trigger] + ([trigger.head] if syntax.is_direct_object(trigger) else [])
        for child in (c for h in carriers for c in h.children):
            if child.head != trigger and not (syntax.is_preposition(child) and
                                              child.lower_ in ("in", "on")):
                continue
            if child.lower_ == "of" and trigger.lemma_ in ACCUSING_WORDS:
                continue  # "charges of treason": what he is accused of, not who
            if syntax.is_preposition(child) and (
                    child.lower_ in ("of", "for") or
                    child.lower_ == "by" and etype == "appeal" or  # "an appeal by X"
                    child.lower_ == "against" and etype != "protest" or
                    child.lower_ == "to" and etype == "sentence"):
                # "appeals against the verdict": the verdict is no participant, nor "for two
                # months" a person
                args.extend(c for c in child.children if syntax.is_prep_object(c) and
                            c.lemma_.lower() not in DECISION_NOUNS and
                            c.lemma_.lower() not in TERM_UNITS and c.ent_type_ != "DATE")
                if etype == "appeal":  # "an appeal against Beridze's sentence": his
                    args.extend(o for c in child.children if syntax.is_prep_object(c) and
                                c.lemma_.lower() in DECISION_NOUNS for o in verdict_owners(c))
            elif syntax.is_preposition(child) and child.lower_ in ("in", "on"):
                # "the session in the case of X", "the trial in the case against", "hearings
                # in X's case"
                args.extend(o for case in child.children if syntax.is_prep_object(case) and
                            case.lemma_.lower() in CASE_NOUNS
                            for p in case.children if syntax.is_preposition(p) and
                            p.lower_ in ("of", "against")
                            for o in p.children if syntax.is_prep_object(o))
                args.extend(o for case in child.children if syntax.is_prep_object(case) and
                            case.lemma_.lower() in CASE_NOUNS
                            for o in case.children if o.dep_ == "poss" and o.pos_ == "PROPN")
        args.extend(c for c in trigger.children if c.dep_ == "compound" and
                    c.i in discourse.cluster_at)
        if etype == "protest":  # "spoke at a rally of several hundred people": its size, not
            # who took part (the speaker did)
            args = [a for a in args if a.dep_ == "poss" or any(
                t.i in discourse.cluster_at for t in a.subtree)]
        if etype == "appeal":
            # "heard an appeal filed by eight protesters": who files an appeal appeals
            args.extend(o for acl in trigger.children if acl.dep_ == "acl"
                        for by in acl.children if by.dep_ == "agent"
                        for o in by.children if syntax.is_prep_object(o))
        if etype == "search":
            # "searches at the homes of A and B", "searches were carried out at the homes of"
            holders = [trigger] + ([trigger.head] if syntax.is_subject(trigger) or
                                   syntax.is_direct_object(trigger) else [])
            args.extend(o for h in holders for prep in h.children
                        if syntax.is_preposition(prep) and prep.lower_ in ("at", "in")
                        for place in prep.children if syntax.is_prep_object(place) and
                        place.lower_ in SEARCH_OBJECTS
                        for p in place.children if syntax.is_preposition(p) and p.lower_ == "of"
                        for o in p.children if syntax.is_prep_object(o))
        if etype == "search":
            # "after a search of his home", "of their family's house": whose home it is
            args = [w for a in args if a.lemma_.lower() in SEARCH_OBJECTS
                    for c in a.children if c.dep_ == "poss"
                    for w in ([c] if c.pos_ == "PRON" else [g for g in c.children if
                              g.dep_ == "poss" and g.pos_ == "PRON" and
                              c.lemma_.lower() in KIN | FAMILY])
                    ] + args
        if etype == "search" and not args:
            args = searched_where(trigger)
        if not args and trigger.head.lower_ == "for" and trigger.head.head.pos_ == "NOUN":
            # "refused Ng's application for bail", "his request for a pardon": whose request,
            # not who refused it
            args = [c for c in trigger.head.head.children if c.dep_ == "poss"]
        if not args and trigger.dep_ == "compound" and trigger.head.lemma_ in APPLICATION_NOUNS:
            args = [c for c in trigger.head.children if c.dep_ == "poss"]  # "his bail requests"
        if etype == "charge" and trial_awaited_on(trigger) and not any(
                t.i in discourse.cluster_at or t.pos_ == "PRON" for a in args for t in a.subtree):
            # "was released on bail pending trial on the charge of X": whoever awaits it (not
            # "the state" of "propaganda against the state")
            verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX") and
                         a.lower_ != "pending"), None)
            args = subjects(verb) if verb is not None else []
        if not args:
            verb = clause_verb(trigger.head)
            if any(a.lower_ in OTHER_PEOPLE for a in trigger.ancestors if verb in a.ancestors):
                pass  # "expressed support for victims of a police raid": the victims'
            elif syntax.is_subject(trigger) and verb.lemma_ in INCLUSION_VERBS:
                args = syntax.objects(verb)  # "The pardon included A and B"
            elif trigger.head.lower_ == "without" and not syntax.is_passive(verb) and \
                    syntax.objects(verb):
                args = syntax.objects(verb)  # "kept him without any charge": he was not charged
            elif trigger.head.lower_ == "without" and etype == "charge":
                args = subjects(verb)  # "was detained and released without any charges"
            elif etype == "arrest" and syntax.is_prep_object(trigger) and \
                    trigger.head.head.i == verb.i and verb.lemma_ in PLACING_VERBS and \
                    syntax.objects(verb):
                args = syntax.objects(verb)  # "placed X in pre-trial detention"
            elif syntax.is_direct_object(trigger) and verb.i == trigger.head.i and \
                    etype not in PROTEST_ACTS and recipients(verb):
                args = recipients(verb)  # "granted bail to X", "granted X bail"; but a
                # protest is given to no one ("led a march to parliament": he marched)
            elif syntax.is_prep_object(trigger) and trigger.head.lower_ == "of" and \
                    syntax.is_direct_object(trigger.head.head) and \
                    trigger.head.head.head.i == verb.i and recipients(verb):
                args = recipients(verb)  # "gave X 15 days of administrative arrest"
            elif etype == "search" and syntax.is_prep_object(trigger) and \
                    trigger.head.head.i == verb.i and "arrest" in trigger_types(verb):
                # "arrested X at his home after a six-hour search": the one arrested was
                # searched
                args = subjects(verb) if syntax.is_passive(verb) else syntax.objects(verb)
            elif recorded(trigger):
                pass  # "filming a live video of the picket": they filmed it
            elif etype in COURT_STEPS and any(is_court(name_phrase(s)) for s in subjects(verb)) \
                    and not syntax.is_passive(verb):
                # "At a closed hearing, Judge X sentenced Y": the hearing is Y's, the judge
                # holds it
                args = syntax.objects(verb)
            elif syntax.is_prep_object(trigger) and trigger.head.lower_ == "of" and \
                    trigger.head.head.lemma_ in SERIES_NOUNS:
                pass  # "the latest in a series of releases": releases of no one named here
            elif etype == "protest" and syntax.is_prep_object(trigger) and \
                    trigger.head.lower_ in ("at", "during") and trigger.head.head.i == verb.i \
                    and not syntax.is_passive(verb) and "arrest" in trigger_types(verb):
                # "police detained X at a rally": the one detained was at it, not the police
                args = syntax.objects(verb)
            elif verb.lemma_ not in OBSERVER_VERBS or etype == "protest" and \
                    verb.lemma_ == "attend":
                args = subjects(verb)  # not "after filming a search": he filmed it
    else:
        passive = syntax.is_passive(trigger)
        if etype == "charge" and case_against(trigger):
            args = case_against(trigger)
        elif etype == "appeal" and decided_verdicts(trigger):
            args = appellants(trigger)
        elif etype == "appeal" and appealed_verdicts(trigger):
            # "prosecutors appealed (against) the acquittal of X": X's case goes up
            args = [o for v in appealed_verdicts(trigger) for o in verdict_owners(v)] or \
                subjects(trigger)  # "Petrov appealed the verdict"
        elif etype == "ill_treatment" and trigger.lemma_ == "use":
            args = used_against(trigger)  # "used force against him"
        elif etype == "ill_treatment" and trigger.lemma_ == "lay":
            args = [o for h in [trigger, *syntax.objects(trigger)]  # "laid a hand on him"
                    for o in syntax.objects_of(h, "on")]
        elif etype == "ill_treatment" and not passive and care_kept_from(trigger):
            args = care_kept_from(trigger)  # "withheld her painkillers", "denied him insulin"
        elif etype == "ill_treatment" and (asked_for := care_asked_for(trigger)):
            args = asked_for  # "ignored his requests to see a cardiologist"
        elif etype == "ill_treatment" and trigger.lemma_ in CARE_VERBS and not passive:
            # "refused to examine him"; "to check his blood sugar": whose
            args = [w for o in syntax.objects(trigger) if syntax.is_direct_object(o)
                    for w in ([c for c in o.children if c.dep_ == "poss"] or [o])]
        elif etype == "ill_treatment" and trigger.lemma_ == "let" and \
                (let_have := let_have_care(trigger)):
            args = let_have  # "would not let him take his medication"
        elif etype == "ill_treatment" and trigger.lemma_ in SUMMONING_VERBS and not passive:
            # "has not called a doctor for him": for whom; else (below) the prisoner told of
            args = [o for h in [trigger, *syntax.objects(trigger)]
                    for o in syntax.objects_of(h, "for")]
        elif etype == "ill_treatment" and not passive and (limbs := limb_owners(trigger)):
            args = limbs  # "twisted her arm"
        elif etype == "ill_treatment" and trigger.lemma_ in ("make", "force") and not passive \
                and (positioned := put_in_position(trigger)):
            args = positioned  # "made him lie face down"
        elif etype == "abduction" and whereabouts_of(trigger):
            # "knew nothing of her whereabouts": whose whereabouts
            args = [c for w in whereabouts_of(trigger) for c in w.children if c.dep_ == "poss"]
        elif etype == "abduction" and trigger.lemma_ == "hear":
            args = syntax.objects_of(trigger, "from") or (  # "nothing has been heard from
                subjects(trigger) if passive else [])  # him", "has not been heard from since"
        elif etype == "charges_dropped":
            objects = dropped_objects(trigger)
            args = [t for a in objects for t in a.subtree if syntax.is_prep_object(t)] or [
                c for a in objects for c in a.children if c.dep_ == "poss"] or \
                syntax.objects_of(trigger, "against") or (  # "closed her case", "dropped the
                    subjects(trigger) if passive else [])  # case against her" (on the verb)
            if passive and syntax.is_conjunct(trigger) and not any(
                    t.i in discourse.cluster_at for a in args for t in a.subtree):
                # "was charged with fraud, but that charge was later dropped": the first
                # clause's person
                args = subjects(trigger.head)
        elif passive or trigger.lemma_.lower() in INTRANSITIVE or etype in (
                "hunger_strike", "protest", "death_in_custody") or (
                etype == "release" and trigger.lemma_ in LEAVING_VERBS) or (
                etype == "transfer" and trigger.lemma_ == "return" and
                not syntax.objects(trigger)) or (  # "returned to Ukraine in an exchange"
                etype in ("sentence", "ill_treatment", "charge") and
                trigger.lemma_ in RECIPIENT_VERBS) or \
                trigger.lemma_ == "be":  # a copula: "A and B are prisoners of conscience"
            args = subjects(trigger) or ([
                c for a in trigger.children if a.dep_ == "auxpass" for c in a.children
                if c.dep_ in ("attr", "nsubj") and (c.i > a.i or c.pos_ == "PRON")]
                if passive else [])
            # "Also released were A and B": the subject after the inverted auxiliary; "He
            # was refused treatment", the pronoun hung on the auxiliary
            if etype == "search":  # "his home was searched": whose home
                args = [c for a in args if a.lemma_.lower() in SEARCH_OBJECTS
                        for c in a.children if c.dep_ == "poss" and c.pos_ == "PRON"] + args
        elif trigger.lemma_ == "find":
            args = syntax.objects(trigger) + [
                g for c in trigger.children if c.lower_ == "guilty"
                for g in c.children if syntax.is_active_subject(g)]
        else:
            args = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "dative")
                    and not (c.lemma_ in ("rouble", "ruble", "dollar", "euro", "sentence",
                                          "term", "year", "month"))
                    and c.ent_type_ not in ("DATE", "TIME")
                    and not (c.i > 0 and c.nbor(-1).lower_ == "pending")]  # "jailed pending
            # trial", which the parser may make the verb's object
            args += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "as" and
                     any(w.lower_ == "well" for w in p.children) for o in syntax.prep_objects(p)]
            # "searched the union's offices as well as their homes": theirs too
            if not args and etype == "sentence":
                # "fined activist X 10,000 roubles": the name the parser hung inside the sum
                args = [t for c in trigger.children if c.dep_ == "dobj" for t in c.subtree
                        if t.dep_ == "appos" and t.i in discourse.cluster_at]
            if not args and syntax.is_conjunct(trigger):
                args = subjects(trigger)  # "was detained at the rally and released the same
                # evening": the conjunct shares the passive subject
            if not args and syntax.is_direct_object(trigger):
                args = recipients(trigger.head)  # "granted him bail", "bail" tagged a verb
            if trigger.lemma_ in ("give", "hand"):  # "handed down sentences to five men"
                args += syntax.objects_of(trigger, "to")
            if trigger.lemma_ == "impose":  # "imposed a fine of 500 roubles on X": X only
                args = [o for t in trigger.subtree if t == trigger or t.head == trigger and
                         syntax.is_direct_object(t) or t.dep_ == "pobj" and t.head.head.i != t.i
                         for o in syntax.objects_of(t, "on")]
            declared = [c for c in trigger.children if c.dep_ in ("ccomp", "oprd", "xcomp")]
            if not args and etype in ("conviction", "acquittal"):
                # "declared X guilty", "ruled that X was (not) guilty": the clause's subject
                args = [t for c in declared for t in c.children if syntax.is_subject(t)]
            if not args and etype == "designation":
                # "considered Karimov a political prisoner", whatever the parse made of it;
                # "declared him a prisoner of conscience": "him" the small clause's subject
                args = [t for c in declared for t in c.subtree if t.i in discourse.cluster_at] \
                    or [t for c in declared for t in c.children
                        if syntax.is_subject(t) and t.pos_ == "PRON"]
            if not args and trigger.dep_ == "acl" and trigger.head.lower_ in ("those", "people") \
                    and syntax.is_subject(trigger.head) and \
                    trigger.head.head.lemma_ in INCLUSION_VERBS:
                args = syntax.objects(trigger.head.head)  # "Those convicted include A and B"
            if not args and trigger.dep_ in ("acl", "relcl") or trigger.dep_ == "amod":
                args = [list_head(trigger.head) if trigger.dep_ == "acl" and
                        trigger.tag_ == "VBN" else who_antecedent(trigger)]
                if misread_object(trigger) != trigger:
                    args = [misread_object(trigger)]  # "the court sentenced editor X"
            if not args and trigger.dep_ in ("ccomp", "xcomp", "oprd"):
                args = [c for c in trigger.head.children if syntax.is_direct_object(c)] or (
                    subjects(trigger) if trigger.head.lemma_ in ORDERING_VERBS else []) or \
                    misread_recipients(trigger)  # "refused him bail"
                # "ordered Matanov held until trial", whether the parser makes him the
                # order's object or the small clause's subject
            headline = not span_text(trigger.sent).rstrip().endswith((".", "!", "?", '"', "”"))
            if not args and (trigger.tag_ == "VBN" or trigger.tag_ == "VBD" and headline) and \
                    not any(c.dep_ in ("ccomp", "xcomp") for c in trigger.children):
                args = subjects(trigger)  # a headline's "Activist Enver Ametov sentenced to"
            if etype == "search" and not args:
                args = syntax.objects_of(trigger, "into")  # "burst into the homes of A, B"
            if etype == "search":
                # "searched the homes of A and B"; "the flat she shared with Vetrova" is hers
                args = [t for a in args for t in a.subtree if t.dep_ in ("pobj", "poss") and
                        not any(x.dep_ in ("relcl", "acl") for x in t.ancestors
                                if a in x.ancestors or x == a) and not (
                            t.dep_ == "pobj" and t.head.lower_ == "of" and
                            t.head.head.lemma_.lower() in KIN)] + [
                    # (not "the apartment of the parents of X": theirs)
                    c for a in args for r in a.children if r.dep_ == "relcl"
                    for c in r.children if syntax.is_active_subject(c)] + args
    bodies = [a for a in args if a.lemma_.lower() in BODY_WORDS or (
        a.lemma_.lower() in LIMBS or trigger.lemma_ in UNTREATED_VERBS) and any(
        c.dep_ == "poss" for c in a.children) or (
        a.lower_ == "it" and trigger.lemma_ in INJURY_SHOWN)] if etype == "ill_treatment" \
        else []
    if bodies:  # "his body was covered in bruises", "her arms were covered in bruises": whose
        # body; "it was covered in bruises" (no person is "it"): the body's, told before;
        # "left his diabetes untreated": whose illness (what care is kept from is no person)
        args = [o for a in args for o in ([c for c in a.children if c.dep_ == "poss"]
                                          if a in bodies else [a])]
    args += companions(trigger)  # "was tried along with B", "together with B": B too
    if etype == "appeal":  # "lawyers for X filed an appeal": X appeals through them
        args = [o for a in args for o in counsel_client(a) or [a]]
    found: list[str] = []
    for arg in args:
        # "detained three of them, including the brothers' mother, Zore Emirova": the one named
        included = [p for c in arg.children if syntax.is_preposition(c) and c.lower_ == "including"
                    for p in c.children if syntax.is_prep_object(p)]
        named = [cid for p in included for cid in discourse.persons_in(p, skip=skip)]
        named = named or role_then_name(arg, discourse, skip) or \
            described_then_name(arg, discourse, skip)
        for cid in named or discourse.persons_in(arg, skip=skip) or one_of(
                arg, discourse, skip) or discourse.definite_victim(arg):
            if cid not in found:
                found.append(cid)
    if not found and not args and trigger.pos_ == "VERB" and syntax.is_passive(trigger):
        # "Lenur Usmanov was released", the name read as an adverb: the name right before
        # the auxiliary is the subject the parser lost
        aux = min((c.i for c in trigger.children if c.dep_ in ("aux", "auxpass")),
                  default=trigger.i)
        before = trigger.doc[aux - 1] if aux > trigger.sent.start else None
        if before is not None and before.i in discourse.cluster_at and before.i not in skip:
            found = [discourse.cluster_at[before.i]]
    if not found and args:
        # "rounded up 30 activists on Monday, including X": the parser hung "including" on
        # the verb
        found = list(dict.fromkeys(
            cid for c in trigger.children if syntax.is_preposition(c) and
            c.lower_ == "including" for p in c.children if syntax.is_prep_object(p)
            for cid in discourse.persons_in(p, skip=skip)))
    if not found:
        for arg in args:
            group = group_of(arg)
            if group or arg.tag_ == "NNS" and any(c.dep_ == "nummod" for c in arg.children):
                # "detained four farmers: A, B, C and D"
                listed = listed_after(arg, discourse, skip) or (
                    named_among(arg, discourse, skip) if trigger.dep_ not in ("acl", "amod")
                    else [])  # not "pardoned 37 people convicted of X, among them A"
                if listed or group:
                    return listed or [f"group:{group}"]
    if not found and trigger.pos_ == "NOUN" and trigger.tag_ == "NN" and etype in (
            "trial", "appeal", "conviction") and any(
            c.lower_ in ("the", "this") or c.lower_ in ("a", "an") and trigger.dep_ ==
            "nsubjpass" for c in trigger.children):
        # "The trial opened in June": the trial of the person the report is about
        found = discourse.last_victim(trigger.i)
    if not found and etype == "ill_treatment" and trigger.lemma_ in SUMMONING_VERBS and not args:
        found = discourse.last_victim(trigger.i)  # "She has lost six kilograms, but the
        # administration has not called a doctor once"
    if not found and bodies and not args:
        found = discourse.last_victim(trigger.i)  # "the body was covered in bruises": the
        # dead prisoner's the report told of
    verdicts = decided_verdicts(trigger) if not found and etype == "appeal" else []
    if verdicts and all(v.dep_ == "nsubjpass" or any(c.lower_ in ("the", "this", "that")
                                                     for c in v.children) for v in verdicts):
        found = discourse.last_victim(trigger.i)  # "The court upheld the verdict": his
    if not found and etype == "search" and trigger.pos_ == "VERB":
        found = [cid for a in searched_with_the_arrest(trigger)
                 for cid in discourse.persons_in(a, skip=skip)]
    return found


def whereabouts_of(verb: Token) -> list[Token]:
    """The "whereabouts" a family knows nothing of: "knew nothing of her whereabouts", "had no
    information about his whereabouts", "heard nothing about their whereabouts"."""
    nothing = [o for o in syntax.objects(verb) if o.lower_ == "nothing" or any(
        c.lower_ == "no" for c in o.children) or o.lower_ == "anything" and syntax.is_negated(
        verb)]  # "did not know anything about his fate"
    return [w for h in [verb, *nothing] for w in syntax.objects_of(h, "of", "about", "on")
            if w.lower_ in ("whereabouts", "fate")] if nothing else []


def doers_clause(trigger: Token) -> Token | None:
    """The doers a clause of "who" tells more of, when they are the doers of a passive: "by
    security officers, who searched the flat", "by agents of the Guards, who searched"."""
    if trigger.dep_ != "relcl" or not any(syntax.is_active_subject(c) and c.lower_ in (
            "who", "that") for c in trigger.children):
        return None
    doers = trigger.head
    while syntax.is_prep_object(doers) and doers.head.lower_ == "of":
        doers = doers.head.head  # "agents of the Revolutionary Guards, who"
    return doers if syntax.is_prep_object(doers) and doers.head.lower_ == "by" else None


def dated_by(verb: Token) -> list[Token]:
    """The "by" of "detained on 2 March by police" when the parser hung it on the date."""
    return [b for p in syntax.prepositions(verb, "on", "in") for d in syntax.prep_objects(p)
            if d.ent_type_ in ("DATE", "TIME") for b in syntax.prepositions(d, "by")]


def companions(trigger: Token) -> list[Token]:
    """Who went through it too: "was tried along with B", "together with B", "alongside B"."""
    return [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("along", "together")
            for w in p.children if w.dep_ == "prep" and w.lower_ == "with"
            for o in w.children if o.dep_ == "pobj"] + [
        o for w in trigger.children if w.dep_ == "prep" and w.lower_ == "with" and any(
            a.lower_ in ("along", "together") for a in w.children if a.dep_ == "advmod")
        for o in w.children if o.dep_ == "pobj"] + [  # "together" parsed as the adverb
        o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "alongside"
        for o in p.children if o.dep_ == "pobj"]


def searched_with_the_arrest(trigger: Token) -> list[Token]:
    """A search told with an arrest, of premises no one named owns: the arrested are searched.
    "was arrested at her home by intelligence agents, who searched the house" (a clause on the
    arrest's doer); "were detained after police raided the outlet's office" (a clause on the
    arrest)."""
    arrest = None
    doers = doers_clause(trigger)
    if doers is not None:
        by = doers.head  # "by [agents], who searched"
        arrest = by.head
        if by in dated_by(arrest.head.head):
            arrest = arrest.head.head  # "on 2 March by agents, who searched"
    elif not any(p.pos_ == "PRON" or p.lemma_.lower() in KIN | FAMILY
                 for o in syntax.objects(trigger) for p in o.children if p.dep_ == "poss"):
        # "were detained after police raided the outlet's office", "raided the editorial
        # office of Toplum TV and detained A and B" (not "the family's flat", "his flat":
        # theirs, his)
        arrest = trigger.head if trigger.dep_ == "advcl" else next(
            (c for c in trigger.conjuncts if c.pos_ == "VERB" and
             VERB_TRIGGERS.get(c.lemma_) == "arrest"), None)
    if arrest is None or arrest.pos_ != "VERB" or VERB_TRIGGERS.get(arrest.lemma_) != "arrest":
        return []
    return (subjects(arrest) if syntax.is_passive(arrest) else syntax.objects(arrest)) + \
        companions(arrest)


def searched_where(trigger: Token) -> list[Token]:
    """ "at his flat in Brest, where officers carried out a search": whose home the clause
    of "where" describes."""
    clause = next((a for a in [trigger, *trigger.ancestors] if a.dep_ == "relcl"), None)
    if clause is None or not any(c.lower_ == "where" for c in clause.children):
        return []
    place = clause.head
    while place.lemma_.lower() not in SEARCH_OBJECTS and syntax.is_prep_object(place) and \
            place.head.lower_ in ("in", "on") and place.head.head.pos_ == "NOUN":
        place = place.head.head  # "his flat in Brest, where"
    if place.lemma_.lower() not in SEARCH_OBJECTS:
        return []
    return [c for c in place.children if c.dep_ == "poss"] + syntax.objects_of(place, "of")


def role_then_name(arg: Token, discourse: Discourse, skip: set[int]) -> list[str]:
    """ "jailed blogger Otabek Sattoriy", "arrested opposition politician X": the role noun
    the parser made the object, and right after it the name it split off (an adverb or an
    apposition of the verb)."""
    if arg.lower_ not in ROLE_NOUNS or any(c.dep_ not in ("det", "compound", "amod") or
                                           c.i > arg.i for c in arg.children) or \
            arg.i + 1 >= arg.sent.end:
        return []
    after = arg.doc[arg.i + 1]
    cid = discourse.cluster_at.get(after.i)
    if cid is None or after.i in skip or after.i in (t.i for t in arg.subtree):
        return []
    return [cid]


def described_then_name(arg: Token, discourse: Discourse, skip: set[int]) -> list[str]:
    """ "sentenced another man from Dzhankoi, Server Aliyev, to 13 years": a person described
    by a noun and where he comes from, then named; the parser hung the place on the verb and
    the name on the place."""
    if arg.lower_ not in ROLE_NOUNS | PEOPLE_NOUNS or arg.right_edge.i + 1 >= arg.sent.end:
        return []
    after = arg.doc[arg.right_edge.i + 1]  # "another man | from Dzhankoi", hung on the verb
    preps = syntax.prepositions(arg, "from", "in") or (
        [after] if after.lower_ in ("from", "in") and after.dep_ == "prep" else [])
    return [cid for p in preps[:1] for place in syntax.prep_objects(p) for a in place.children
            if a.dep_ == "appos" and a.i not in skip
            for cid in discourse.persons_in(a, skip=skip)]


def in_relative_clause(trigger: Token) -> bool:
    """ "Protasevich, who was arrested after his plane was forced to land, was pardoned": an
    event told in a relative clause that describes a person."""
    for token in [trigger, *trigger.ancestors]:
        if token.dep_ == "relcl":
            return True
        if token.dep_ in ("ROOT", "ccomp", "advcl"):
            return False
    return False


def misread_object(trigger: Token) -> Token:
    """ "the court sentenced editor X to nine years": a verb with a subject that the parser
    made a modifier of its object's role noun; the name it is part of holds the verb's object
    and the rest of its clause. Else the trigger itself."""
    if trigger.dep_ != "amod" or trigger.pos_ != "VERB" or not any(
            syntax.is_subject(c) for c in trigger.children) and misread_doer(trigger) is None:
        return trigger
    named = trigger.head
    while named.dep_ == "compound" and named.head.i != named.i:
        named = named.head
    return named


def clause_end(trigger: Token) -> int:
    """The last token of a trigger's clause: its subtree's, or, for a verb the parser made a
    modifier, the misread object's, followed by the prepositions the parser hung on the doer
    ("A court in Moscow jailed journalist X [for six years] [on charges of treason]")."""
    end = trigger.right_edge.i
    named = misread_object(trigger)
    if named is trigger:
        return end
    end = max(end, named.right_edge.i)
    doer = misread_doer(trigger)
    for child in doer.rights if doer is not None else ():
        if child.i == end + 1 and child.dep_ == "prep":
            end = child.right_edge.i
    return end


def misread_doer(trigger: Token) -> Token | None:
    """ "An Azerbaijani court jailed journalist X": the noun right before a verb the parser made
    a modifier ("court" + "jailed journalist"), not "the jailed journalist" nor "Belarusian
    jailed blogger"."""
    if trigger.dep_ != "amod" or trigger.pos_ != "VERB" or trigger.i == trigger.sent.start:
        return None
    before = trigger.nbor(-1)
    # "A court in Minsk on Friday jailed journalist X": a time between doer and verb ("on
    # Friday", "yesterday"), then a place the doer's own phrase ends with ("in Minsk")
    while before.ent_type_ in ("DATE", "TIME") and before.i > trigger.sent.start:
        before = before.nbor(-1)
        if before.pos_ == "ADP" and before.i > trigger.sent.start:
            before = before.nbor(-1)
    if before.ent_type_ == "GPE" and before.i - 2 >= trigger.sent.start and \
            before.nbor(-1).pos_ == "ADP" and before.nbor(-2).pos_ in ("NOUN", "PROPN"):
        before = before.nbor(-2)
    if before.pos_ == "NOUN" or before.pos_ == "PROPN" and before.ent_type_ not in (
            "NORP", "PERSON", "DATE"):
        return before
    return None


def phrase(token: Token) -> str:
    return token.doc[token.left_edge.i: token.right_edge.i + 1].text


def name_phrase(token: Token) -> str:
    """The noun and the words of its name: "Judge X", "the Moscow City Court", "the court of
    appeal"; not what describes it ("Her court-appointed lawyer" is a lawyer)."""
    return " ".join(t.text for t in token.subtree if t == token or t.dep_ in (
        "compound", "flat") and t.head.i in (token.i, *(c.i for c in token.children)) or
        syntax.is_preposition(t) and t.head == token and t.lower_ == "of" or
        syntax.is_prep_object(t) and t.head.head == token and t.head.lower_ == "of")


def recipients(verb: Token) -> list[Token]:
    """Whom a verb gives its object to: "to X" of "granted bail to X", "X" of "granted X bail"."""
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN",
                                                                          "PRON")] + [
        o for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
        for o in c.children if syntax.is_prep_object(o)]


LIST_MARKS = (":", "–", "—", "-", "--")
# People an event noun below them happened to, not the verb's subject: "expressed support for
# victims of a police raid", "met families of the detained".
OTHER_PEOPLE = (RULES.words("people_nouns") | RULES.words("relatives_nouns")) - \
    RULES.words("people_quantities")


def listed_after(group: Token, discourse: Discourse, skip: set[int]) -> list[str]:
    """ "detained five Crimean Tatars: A, B, C, D and E", "five more civilians - A, B and C":
    the persons named after a colon or a dash that follows the group, to the sentence's end,
    when nothing but names, commas and "and" come after it."""
    sent = group.sent
    mark = next((t for t in sent if t.i > group.i and t.text in LIST_MARKS and t.whitespace_),
                None)
    if mark is None:
        return []
    # the list runs to the sentence's end, or to a closing dash: "civilians – A, B and C – are"
    close = next((t.i for t in sent if t.i > mark.i and t.text in LIST_MARKS[1:] and
                  t.whitespace_), sent.end)
    rest = [t for t in sent if mark.i < t.i < close and not t.is_punct and
            t.lower_ not in ("and", "&")]
    named = [t for t in rest if t.i in discourse.cluster_at and t.i not in skip]
    if len(named) < 2 or len(named) < len(rest) * 2 / 3:
        return []
    return list(dict.fromkeys(discourse.cluster_at[t.i] for t in named))


def named_among(group: Token, discourse: Discourse, skip: set[int]) -> list[str]:
    """ "Dozens of protesters were detained, among them the activist A and the blogger B":
    the persons named after "among them" that follows the group in its sentence."""
    sent = group.sent
    among = next((t for t in sent if t.i > group.i and t.lower_ == "among" and
                  t.i + 1 < sent.end and t.nbor().lower_ in ("them", "those") and
                  t.i > sent.start and t.nbor(-1).text in LIST_MARKS + (",", "(")), None)
    if among is None:
        return []
    return list(dict.fromkeys(cid for at, cid in discourse.between(among.i + 2, sent.end)
                              if at not in skip))


def one_of(token: Token, discourse: Discourse, skip: set[int]) -> list[str]:
    """ "Korneyeva was one of 16 prisoners freed ...": the freed prisoners include her; so do
    "Among those taken away were A, B and C"."""
    of = token.head
    if syntax.is_prep_object(token) and of.lower_ == "among" and of.head.lemma_ == "be":
        named = [c for c in of.head.children if c.dep_ in ("nsubj", "attr")]
        return [cid for c in named for cid in discourse.persons_in(c, skip=skip)]
    if not syntax.is_prep_object(token) or of.lower_ != "of" or of.head.lower_ != "one":
        return []
    one = of.head
    if one.dep_ == "attr":  # "X was one of": the copula's subject
        subject = next((c for c in one.head.children if syntax.is_subject(c)), None)
    elif one.dep_ == "appos":  # "X, one of 16 prisoners freed"
        subject = one.head
    else:
        return []
    return discourse.persons_in(subject, skip=skip) if subject is not None else []


def subjects(verb: Token) -> list[Token]:
    """The subject of a verb, inherited through conjunctions and relative clauses."""
    current = verb
    for _ in range(4):
        subj = syntax.subjects(current) or syntax.parenthetical_subjects(current)
        if subj and current.dep_ == "relcl" and all(
                s.lower_ in ("who", "that", "which", "whom") for s in subj):
            return [who_antecedent(current)]  # "five civilians who were captured": the
            # civilians; "X from Baranavichy, who was serving": X
        if subj:
            return listed_before(current, subj) + subj
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return [who_antecedent(current)]
        if current.dep_ == "xcomp" and (syntax.is_passive(current) or
                                         current.head.lemma_ in ORDERING_VERBS) and (
                controller := [c for c in current.head.children if syntax.is_direct_object(c)]):
            return controller  # "ordered Petrov to be detained": the object is detained;
            # "ordered Petrov to pay a fine": the object pays
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "acomp" and current.tag_ == "VBN" and current.head.lemma_ == "be":
            current = current.head  # "He was committed to a psychiatric hospital", the
            continue  # participle parsed as the copula's complement: a passive all the same
        if current.dep_ == "pcomp" and syntax.is_preposition(current.head):
            current = current.head.head  # "arrested for taking part in a protest"
            while syntax.is_prep_object(current) and current.pos_ == "NOUN" and \
                    syntax.is_preposition(current.head) and current.head.head.pos_ == "VERB":
                current = current.head.head  # "jailed for 15 days for taking part in a rally"
            continue
        break
    return []


def listed_before(verb: Token, subj: list[Token]) -> list[Token]:
    """ "A, B and C were given sentences": the first name of a list, parsed as the verb's
    modifier, cut from the rest by a comma."""
    first = min(t.left_edge.i for t in subj)
    return [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"
            and c.i < first and c.right_edge.i + 2 == first
            and c.doc[c.right_edge.i + 1].text == "," and any(
                t.dep_ == "conj" for s in subj for t in s.subtree)]


def direct_modifiers(trigger: Token, *, through_light_verb: bool = True) -> list[Token]:
    """Tokens attached to the trigger by prepositions and noun modifiers only (not clauses)."""
    roots = [trigger]
    if through_light_verb and trigger.pos_ == "NOUN":
        head = trigger.head
        while head.dep_ in ("prep", "pobj", "dobj", "compound") and head.head.i != head.i:
            if head.pos_ in ("VERB",):
                break
            head = head.head
        if head.pos_ == "VERB" and head.lemma_ in LIGHT_VERBS:
            roots.append(head)
        elif syntax.is_subject(trigger) and trigger.head.lemma_ in OCCURRENCE_VERBS:
            roots.append(trigger.head)  # "his trial opened in Moscow on Monday"
    # "went missing in Bakhchysarai", "walked free in Minsk": the word that completes the verb
    roots += [c for c in trigger.children if c.lower_ in ("missing", "free") and c.dep_ in (
        "acomp", "oprd", "xcomp", "advcl")]
    out = []
    for root in roots:
        stack = [c for c in root.children if c.dep_ in (
            "prep", "npadvmod", "advmod", "agent", "pobj", "compound", "nmod", "appos", "tmod")]
        while stack:
            t = stack.pop()
            out.append(t)
            if (t.lemma_ in VERB_TRIGGERS or t.pos_ == "VERB") and not (
                    syntax.is_prep_object(t) and t.head.lower_ in ("at", "under", "in", "during")):
                continue  # "detained at a protest in Makhachkala": the protest's place is his;
                # "freed under a pardon on 16 March", "detained in dawn raids on Tuesday",
                # "beaten during questioning on Monday": that day is the event's
            stack.extend(c for c in t.children if c.dep_ in (
                "prep", "pobj", "compound", "nmod", "amod", "nummod", "appos", "npadvmod",
                "det", "quantmod"))
    return out


DAY_WORDS = RULES.words("day_words")


BOUND_PREPOSITIONS = RULES.words("bound_prepositions")


def sentence_day(sent: Span, published: dt.date | None, before: int | None = None) -> str | None:
    """The last full date a sentence names in its own words (not a dateline, not a bound),
    or the last before token ``before``."""
    cache = sent.doc.user_data.setdefault("habeas_sentence_days", {})
    if sent.start not in cache:
        cache[sent.start] = [
            (ent.end, value) for ent in sentence_ents(sent)
            if ent.label_ == "DATE" and ent.root.head.lower_ not in BOUND_PREPOSITIONS
            and not dates.ANCHORED.search(text := span_text(ent))
            and (value := dates.resolve(text, published)) and len(value) == 10]
    days = [value for end, value in cache[sent.start] if before is None or end <= before]
    return days[-1] if days else None


DASHES = ("-", "–", "—", "--")


def date_expression(token: Token) -> str | None:
    """The date text a token belongs to: a DATE entity, or a day word."""
    if token.ent_type_ in ("DATE", "TIME"):
        ent = entity_at(token)
        if ent.root.head.lower_ in BOUND_PREPOSITIONS:
            return None
        # "sentenced later that year to six years": the model glued the term to the date
        text = TERM_AFTER_DATE.sub("", ent.text)
        if dates.is_duration(text) and not dates.ANCHORED.search(text) or \
                text.isdigit() and len(text) < 4:
            return None  # "eight years" is a term, "52" an age
        return text
    if token.lower_ in DAY_WORDS:
        return token.text
    if token.lower_ in DAY_PARTS and token.dep_ in ("npadvmod", "tmod", "pobj") and any(
            c.lower_ == "same" for c in token.children):
        return token.doc[token.left_edge.i: token.i + 1].text  # "the same evening"
    return None


DAY_PARTS = ("day", "morning", "afternoon", "evening", "night")
TERM_AFTER_DATE = re.compile(r"\s+to\s+\S+(?:\s+and\s+a\s+half)?\s+(?:years?|months?|days?)\b.*$",
                             re.I)


# Events that last, told as states that began on the date after "since".
LASTING = {"arrest", "hunger_strike"}


def since_entity(trigger: Token) -> Span | None:
    """The date after the trigger's "since" ("held since April 2022"), not a duration."""
    for prep in syntax.prepositions(trigger, "since"):
        ent = next((entity_at(c) for c in prep.children if syntax.is_prep_object(c)
                    and c.ent_type_ == "DATE"), None)
        if ent is not None and not dates.is_duration(ent.text):
            return ent
    return None


def since_date(trigger: Token, published: dt.date | None) -> str | None:
    """ "have been detained since September 2019", "held since April": a detention that still
    lasts began, with the arrest, on the date after "since"."""
    ent = since_entity(trigger)
    return dates.resolve(ent.text, published) if ent is not None else None


def clause_verb(token: Token) -> Token:
    """The token if a verb, else the nearest verb above it ("pardon" of "never wrote a petition
    for pardon": "wrote"), else the root."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def serving(trigger: Token) -> Token | None:
    """The verb "serve" when the event is a term being served: the verb itself, or a noun in
    its clause ("serving a term on several convictions")."""
    if trigger.lemma_ == "end" and trigger.pos_ == "NOUN":
        return trigger  # "at the end of a 20-month sentence": served, passed long before
    verb = clause_verb(trigger)
    return verb if verb.lemma_ in ("serve", "complete", "finish") and (
        verb == trigger or trigger.pos_ == "NOUN") else None


APPLICATION_NOUNS = RULES.words("application_nouns")
BAIL_DECISIONS = RULES.words("application_decisions")
BAIL_REFUSALS = RULES.words("application_refusals")


def bail_application_decision(token: Token) -> Token | None:
    """The verb that decided an application for bail or parole: "his application for bail was
    rejected", "his bail applications were refused three times", "submitted an application for
    bail, but it was rejected"."""
    if syntax.is_prep_object(token) and token.head.lower_ == "for" and \
            token.head.head.lemma_ in APPLICATION_NOUNS:
        application = token.head.head
    elif token.dep_ == "compound" and token.head.lemma_ in APPLICATION_NOUNS:
        application = token.head
    else:
        return None
    if application.head.lemma_ in BAIL_DECISIONS and (
            syntax.is_direct_object(application) or syntax.is_passive_subject(application)):
        return application.head
    verb = application.head
    return next((c for c in verb.children if syntax.is_conjunct(c) and c.lemma_ in BAIL_DECISIONS
                 and any(s.lower_ == "it" for s in syntax.subjects(c))), None)


LATER_WORDS = RULES.words("later_words")


def judged(trigger: Token) -> bool:
    """ "his detention was arbitrary": an event noun judged by a copula, told again."""
    return trigger.pos_ == "NOUN" and syntax.is_subject(trigger) and \
        trigger.head.lemma_ == "be" and any(c.dep_ == "acomp" for c in trigger.head.children)


def told_later(trigger: Token) -> bool:
    """ "and later deported", "subsequently charged": after the day told before it."""
    return any(c.dep_ == "advmod" and c.lower_ in LATER_WORDS and not any(
        g.dep_ in ("npadvmod", "pobj") for g in c.children) for c in trigger.children)


def find_date(trigger: Token, published: dt.date | None, speaker_verb: Token | None,
              anchor: str | None = None) -> str | None:
    """The trigger's own date, else its governing verb's ("searched seven homes on Thursday
    and took four men into custody", "obtained bail last month"), else the speaker's."""
    counted = counted_from(trigger)
    if counted is not None:
        # "was detained on 3 March, two days after police searched her flat": the search two
        # days before the day the detention names
        quantity, later, head = counted
        head_day = _date_of(head, published, anchor) or next(  # "began a hunger strike on
            (d for o in syntax.objects(head) if (d := _date_of(o, published, anchor))), None)
        # Jan. 12, a week after her arrival": the day the parser hung on the object
        if head_day and len(head_day) == 10 and (value := dates.resolve(
                f"{quantity} {'before' if later else 'after'}", published, head_day)):
            return value
    head = trigger.head if syntax.is_conjunct(trigger) and trigger.head.pos_ == "VERB" or \
        trigger.pos_ == "NOUN" and syntax.is_direct_object(trigger) and \
        trigger.head.pos_ == "VERB" else None
    head_date = find_date(head, published, None, anchor) if head is not None else None
    if head_date and told_later(trigger):
        # "detained in April 2022 and later deported": some other day, which it does not say
        return _date_of(trigger, published, head_date)
    # "arrested in 2005 and sentenced two years later": later than the arrest
    return _date_of(trigger, published, head_date or anchor) or head_date or \
        _trailing_date(trigger, published, anchor) or next(
            (d for c in while_clauses(trigger) if (d := _date_of(c, published, anchor))),
            None) or (
        _date_of(speaker_verb, published, anchor) if speaker_verb is not None else None)


TAKING_VERBS = RULES.words("taking_verbs")
PROMPT_PENALTY = RULES.pattern("prompt_penalty")


def verdict_after_arrest(trigger: Token, said: str) -> bool:
    """ "X was arrested in July 2019 and sentenced to seven years": a verdict told as the
    conjunct of a verb of taking into custody, which gives it no day of its own (not days of
    administrative arrest or a fine, passed at once: "detained on Sunday and fined")."""
    return syntax.is_conjunct(trigger) and trigger.head.lemma_ in TAKING_VERBS and \
        not PROMPT_PENALTY.search(said)


def counted_from(trigger: Token) -> tuple[str, bool, Token] | None:
    """ "two days after police searched her flat", "a week after her arrival": (the count,
    whether the head's event came after the trigger's, the head) when the trigger is what a
    span of days, weeks or months is counted from."""
    clause = trigger.head if syntax.is_subject(trigger) and trigger.pos_ == "NOUN" and \
        trigger.head.dep_ == "advcl" else trigger  # "a week before his trial began"
    if clause.dep_ == "advcl":
        mark = next((c for c in clause.children if c.dep_ == "mark" and
                     c.lower_ in ("after", "before")), None)
        holder, head = clause, clause.head
    elif syntax.is_prep_object(trigger) and trigger.head.lower_ in ("after", "before"):
        mark = holder = trigger.head
        head = trigger.head.head
    else:
        return None
    if mark is None:
        return None
    unit = next((c for c in holder.children if c.dep_ == "npadvmod" and
                 c.lemma_.lower() in ("day", "week", "month")), None)
    count = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None) \
        if unit is not None else None
    if count is None or count.lower_ == "the":
        return None
    return f"{count.lower_} {unit.lower_}", mark.lower_ == "after", head


def _trailing_date(trigger: Token, published: dt.date | None, anchor: str | None) -> str | None:
    """ "sentenced on charges of fraud, which he says are fabricated, on 17 September": the
    day after a comma that ends the sentence, which the parser hung inside the relative clause
    before it."""
    if trigger.pos_ != "VERB":
        return None
    end = trigger.sent.end - 1
    while end > trigger.i and trigger.doc[end].is_punct:
        end -= 1
    prep = trigger.doc[end].head
    if not (syntax.is_preposition(prep) and prep.lower_ in ("on", "in") and prep.i > 0 and
            trigger.doc[prep.i - 1].text == "," and prep.right_edge.i == end and
            trigger.doc[end].ent_type_ == "DATE"):
        return None
    if not any(a.dep_ == "relcl" for a in prep.ancestors if trigger in a.ancestors):
        return None
    return dates.resolve(date_expression(trigger.doc[end]) or "", published, anchor)


def _date_of(source: Token, published: dt.date | None, anchor: str | None) -> str | None:
    for token in sorted(direct_modifiers(source), key=lambda t: t.i):
        text = date_expression(token)
        if text and token.ent_type_ == "TIME":
            # "on the morning of April 29", "the night of 5 May": the day named after "of"
            text = next((date_expression(o) for p in token.children if syntax.is_preposition(p)
                         and p.lower_ == "of" for o in p.children if syntax.is_prep_object(o)
                         and date_expression(o)), text)
        if text:
            value = dates.resolve(text, published, anchor)
            if value:
                return value
        if token.lower_ == "now" and token.dep_ == "advmod" and token.head == source:
            return published.isoformat() if published else None
        if anchor and token.dep_ == "advmod" and token.head == source and right_after(token):
            return anchor  # "was released shortly after", "detained immediately": that day
    return None


SOON_WORDS = RULES.words("soon_words")


def right_after(token: Token) -> bool:
    """ "shortly after", "soon afterwards", "immediately": at once after what was told last."""
    return token.lower_ in ("after", "afterwards", "afterward", "thereafter") and any(
        c.lower_ in SOON_WORDS for c in token.children) or token.lower_ == "immediately"


def known_place(token: Token) -> bool:
    """A town the model took for a person or an organisation ("went missing in Bakhchysarai"):
    a proper noun alone that the gazetteer knows as a place."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "ORG", "") and \
        syntax.is_prep_object(token) and not any(c.dep_ == "compound" for c in token.children) \
        and fold(token.text) in places()


CAPITALS = RULES.words("capital_nouns")


def numbered_facility(token: Token, etype: str) -> str | None:
    """ "in Penal Colony No. 15 in Mahilioŭ", "out of Women's Prison No. 4 near Baku": a place
    of custody named by its number, with the town the clause gives right after it (the parser
    hangs the town on the verb)."""
    left = {"of", "from"} if etype == "release" else set()  # "released from", "out of"
    number = cut_number(token)
    if number is None or not (
            syntax.is_prep_object(token) and token.head.lower_ in PLACE_PREPOSITIONS | left and
            any(t.lemma_.lower() in FACILITIES for t in token.subtree)):
        return None
    doc = token.doc
    name = doc[token.left_edge.i: number.i + 1]
    after = doc[name.end] if name.end < len(doc) else None
    town = next((o for o in syntax.prep_objects(after) if o.ent_type_ in ("GPE", "LOC")),
                None) if after is not None and after.lower_ in ("in", "near") else None
    return span_text(name) + (f" {after.text} {ent_text(town)}" if town is not None else "")


def find_place(trigger: Token, etype: str) -> str | None:
    if etype == "transfer":
        stops = destinations(trigger)
        return stop_text(stops[-1]) if stops else None
    if etype in ("protest", "arrest"):
        beside = beside_a_building(trigger if etype == "protest" else next(
            (o for o in syntax.objects_of(trigger, "at") if o.lemma_.lower() in GATHERINGS),
            None))
        if beside is not None:
            return beside  # "a picket outside the court"; "detained at a rally outside
            # Parliament"
    for token in sorted(direct_modifiers(trigger), key=lambda t: t.i):
        if etype not in ("sentence", "conviction") and (numbered := numbered_facility(token, etype)):
            return numbered  # "died in Penal Colony No. 15 in Mahilioŭ"
        if etype not in ("sentence", "conviction") and token.lemma_.lower() in FACILITIES and \
                syntax.is_prep_object(token) and token.head.lower_ in PLACE_PREPOSITIONS and any(
                    c.ent_type_ in ("GPE", "LOC") and c.dep_ in ("compound", "nmod", "amod")
                    for c in token.children) and token.lemma_.lower() not in COURTS:
            return noun_phrase(token)  # "in the Izhevsk pre-trial detention center"
        if token.ent_type_ == "FAC" and any(t.lemma_.lower() in COURTS for t in token.subtree):
            continue  # "at the Vasileostrovsky District Court": the court acts, it is no place
        if etype == "release" and token.lemma_.lower() in FACILITIES and \
                syntax.is_prep_object(token) and (token.head.lower_ == "from" or
                                                  token.head.lower_ == "of" and
                                                  token.head.head.lower_ == "out") and any(
                    t.ent_type_ in ("GPE", "LOC") or t.pos_ == "PROPN" and t.dep_ == "compound"
                    and t.head == token for t in token.subtree):
            return noun_phrase(token)  # "walked out of a colony in the Mordovia region",
            # "released from Tora prison"
        if token.lemma_.lower() in CAPITALS and syntax.is_prep_object(token) and \
                token.head.lower_ in PLACE_PREPOSITIONS and not any(
                    c.dep_ == "appos" for c in token.children) and any(
                    c.ent_type_ in ("NORP", "GPE") and c.dep_ in ("amod", "compound", "poss")
                    for c in token.children):
            return noun_phrase(token)  # "in the Belarusian capital", no town named beside it
        settlement = token.head.head if token.head.lower_ == "of" else None
        if settlement is not None and token.pos_ == "PROPN" and \
                settlement.lemma_.lower() in SETTLEMENTS and syntax.is_prep_object(settlement) \
                and settlement.head.lower_ in PLACE_PREPOSITIONS:
            return ent_text(token)  # "in the village of Strogonovka", whatever the model says
        if (token.ent_type_ in ("GPE", "LOC", "FAC") or known_place(token)) and (
                token.head.lower_ in PLACE_PREPOSITIONS or token.head.lower_ == "on" and
                token.ent_type_ == "FAC" or token.head.lower_ == "across" and
                token.ent_type_ in ("GPE", "LOC")) and token.text.lower() not in NOT_PLACES:
            # (also "on Independence Square", "in raids across Crimea")
            building = token.head.head
            if etype not in ("sentence", "conviction") and token.head.lower_ == "in" and \
                    building.lemma_.lower() in FACILITIES and syntax.is_prep_object(building) and \
                    (building.head.lower_ in PLACE_PREPOSITIONS or etype == "release" and
                     building.head.lower_ == "from"):
                return noun_phrase(building)  # "died in a prison hospital in Minsk",
                # "released from a psychiatric clinic in Simferopol"
            if token.head.lower_ == "in" and building.ent_type_ in ("FAC", "ORG") and \
                    building.pos_ == "PROPN" and syntax.is_prep_object(building) and \
                    building.head.lower_ in PLACE_PREPOSITIONS and building.head.head == trigger \
                    and not any(t.lemma_.lower() in COURTS for t in building.subtree):
                # "near the Palace of Sports in Minsk": the most specific place, with its town
                return f"{ent_text(building)} in {ent_text(token)}"
            town = next((o for o in syntax.objects_of(token, "in") if o.ent_type_ in (
                "GPE", "LOC")), None) if token.ent_type_ == "FAC" else None
            owner = next((c for c in token.children if c.dep_ == "poss" and c.ent_type_ in (
                "GPE", "LOC")), None) if token.ent_type_ == "FAC" else None
            if owner is not None:  # "on Yekaterinburg's Labor Square"
                return f"{ent_text(owner)}'s {ent_text(token)}"
            return f"{ent_text(token)} in {ent_text(town)}" if town is not None else \
                ent_text(token)
    if etype == "search":
        return premises_place(trigger)
    # "detained while filming a protest outside the Defence Ministry in Baku": where he was
    # when it happened
    return next((place for clause in while_clauses(trigger)
                 for word in [clause, *syntax.objects(clause)]
                 if (place := find_place(word, etype)) is not None), None)


def while_clauses(trigger: Token) -> list[Token]:
    """The verbs of the trigger's "while ..." clauses: what went on as it happened."""
    return [c for c in trigger.children if c.dep_ == "advcl" and c.pos_ == "VERB" and
            any(m.dep_ == "mark" and m.lower_ == "while" for m in c.children)]


def premises_place(trigger: Token) -> str | None:
    """ "searched the Kyiv apartment of X", "his Simferopol home was searched": the town that
    names the premises searched is where the search was."""
    searched = syntax.objects(trigger) + [s for s in syntax.subjects(trigger)
                                          if syntax.is_passive_subject(s)]
    # the town before the premises, then after "in" ("the family home in Azovske")
    towns = [t for p in searched if p.lemma_.lower() in SEARCH_OBJECTS for t in [
        *(c for c in p.children if c.dep_ in ("compound", "nmod", "amod", "poss") and
          c.ent_type_ in ("GPE", "LOC") and c.i < p.i),
        *(o for o in syntax.objects_of(p, "in") if o.ent_type_ in ("GPE", "LOC") or
          known_place(o))] if t.lower_ not in NOT_PLACES]
    return ent_text(towns[0]) if towns else None


GENERIC_BODIES = RULES.words("generic_bodies")


GRANTS = RULES.words("grant_nouns")


def granted_by(trigger: Token) -> str | None:
    """ "released after receiving a pardon from Lukashenka": who granted what freed him."""
    if trigger.lemma_ not in VERB_TRIGGERS or VERB_TRIGGERS[trigger.lemma_] != "release":
        return None
    grant = next((t for t in trigger.subtree if t.lemma_.lower() in GRANTS and
                  t.pos_ == "NOUN" and t != trigger and all(
                      a.dep_ in ("prep", "pcomp", "pobj", "dobj", "advcl")
                      for a in t.ancestors if trigger in a.ancestors)), None)
    if grant is None:
        return None
    # "a pardon from X", "receiving a pardon from X" (the parser's "from" on the verb)
    givers = syntax.objects_of(grant, "from", "by") or (
        syntax.objects_of(grant.head, "from") if syntax.is_direct_object(grant) else [])
    return noun_phrase(givers[0]) if givers else None


def find_agent(trigger: Token, victim_tokens: set[int], discourse: Discourse) -> str | None:
    if trigger.lemma_ == "be" and (trigger.dep_ != "ccomp" or syntax.prepositions(trigger, "on")):
        return None  # "has been in a detention centre since April": a state, no doer; "was
        # not on the list, his wife said": she told it, she did not leave him out
    if whereabouts_of(trigger):
        return None  # "her relatives knew nothing of her whereabouts": they did nothing
    agent = _find_agent(trigger, victim_tokens, discourse) or granted_by(trigger)
    if agent is None and syntax.is_passive(trigger):
        # "was recognised as a political prisoner by Memorial": the "by" the parser hung on
        # what he was recognised as
        agent = next((noun_phrase(o) for p in syntax.prepositions(trigger, "as")
                      for n in syntax.prep_objects(p) for b in syntax.prepositions(n, "by")
                      for o in syntax.prep_objects(b) if o.pos_ in ("PROPN", "NOUN")), None)
    words = re.findall(r"\w+", agent.lower()) if agent else []
    if words and {words[0].rstrip("s"), words[-1].rstrip("s")} & COUNSEL_NOUNS:
        return None  # "Lawyers for X filed an appeal", "her court-appointed lawyer appealed":
        # they act for him, they do nothing to him
    if (agent is None or agent.lower() in ("who", "that")) and doers_clause(trigger):
        # "was detained by security officers, who searched the flat": the doer of the one is
        # the doer of the other (not "X, a lawyer who is serving ten years")
        return noun_phrase(doers_clause(trigger))
    if agent and agent.lower() in ("who", "whom", "which", "what", "whoever"):
        return None  # "refused to say by whom she was being held": the question, no doer
    if agent and syntax.is_negated(trigger) and agent.split()[-1].lower() in CARE_GIVERS:
        return None  # "has not been seen by a doctor": whom he was kept from, not the doer
    if agent and agent.split()[-1].lower() in BODY_HOLDS:
        # "dragged her by the hair": where she was held, not who did it
        doers = [c for c in trigger.children if syntax.is_active_subject(c)]
        agent = noun_phrase(doers[0]) if doers and doers[0].pos_ != "PRON" else None
    bare = agent.lower().removeprefix("the ").removeprefix("same ").strip() if agent else ""
    if agent and bare in GENERIC_BODIES:
        # "the court", "the same court": the one the report named last
        named = last_named_body(trigger, agent.lower().split()[-1])
        return named or agent
    return agent


COURT_WORDS = RULES.words("court_words")


def court_dates(doc: Doc, published: dt.date | None,
                discourse: Discourse) -> list[tuple[int, str, set[str]]]:
    """Days on which the article says a court sat: a full date in a sentence about a court,
    with the persons that sentence names (the defendants of that hearing)."""
    found = []
    # which words are court words, from the LOWER column (a Token for every word costs more)
    court = numpy.isin(doc.to_array(LOWER), hashes(doc, COURT_WORDS))
    for sent in doc.sents:
        if not court[sent.start: sent.end].any():
            continue
        for ent in sentence_ents(sent):
            if ent.label_ == "DATE" and not dates.is_duration(text := span_text(ent)):
                value = dates.resolve(text, published)
                if value and len(value) == 10:
                    named = {discourse.cluster_at[i] for i in range(sent.start, sent.end)
                             if i in discourse.cluster_at}
                    found.append((sent.start_char, value, named))
                    break
    return found


def hashes(doc: Doc, words) -> numpy.ndarray:
    """The vocabulary's hashes of ``words``, to compare with a column of ``Doc.to_array``."""
    return numpy.array([doc.vocab.strings[w] for w in words], dtype=numpy.uint64)


POSSESSIVE_END = re.compile(r"\s*['’]s?$")


def court_name(ent: Span) -> str:
    """ "the Supreme Court of" (the model cut the entity before "Crimea"): the whole phrase."""
    if ent[-1].lower_ == "of" or ent.root.lower_ in GENERIC_BODIES:
        return noun_phrase(ent.root)
    return POSSESSIVE_END.sub("", entity_text(ent))  # "the Supreme Court's ruling"


def named_courts(doc: Doc) -> list[tuple[int, str]]:
    """Courts the article names: entities, and capitalised phrases headed by "Court" that the
    model did not tag ("the Southern District Military Court")."""
    found = {ent.start_char: court_name(ent) for ent in entities(doc)
             if ent.label_ in ("ORG", "FAC") and any(t.lower_ in GENERIC_BODIES for t in ent)}
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH),
                                          hashes(doc, ("Court", "Tribunal")))).tolist():
        token = doc[i]
        if token.ent_type_ not in ("ORG", "FAC"):
            words = [t for t in token.subtree if t.i <= token.i and t.text[:1].isupper()]
            if len(words) >= 2:
                found.setdefault(doc[words[0].i].idx, noun_phrase(token))
    return sorted((at, POSSESSIVE_END.sub("", name)) for at, name in found.items())


def last_named_body(trigger: Token, word: str) -> str | None:
    """The last organisation named before ``trigger`` whose name holds ``word`` ("court")."""
    for ent in reversed(entities(trigger.doc)):
        if ent.start < trigger.i and ent.label_ in ("ORG", "FAC") and \
                any(t.lower_ == word for t in ent):
            return POSSESSIVE_END.sub("", entity_text(ent))
    return None


DOER_VERBS = RULES.words("doer_verbs")


def misread_recipients(trigger: Token) -> list[Token]:
    """ "refused him bail": the object pronoun the parser made the subject of a clause "him
    bail" under the verb that gives or refuses it (an accusative subject is no subject)."""
    if trigger.dep_ not in ("ccomp", "xcomp", "oprd"):
        return []
    return [s for s in syntax.subjects(trigger) if s.morph.get("Case") == ["Acc"]]


def _find_agent(trigger: Token, victim_tokens: set[int], discourse: Discourse) -> str | None:
    if trigger.dep_ in ("ccomp", "xcomp") and trigger.head.lemma_ in ("allow", "let", "permit") \
            and trigger.head.dep_ == "xcomp":
        # "the administration refused to let a cardiologist examine him": who refused, not
        # the one kept from him
        doer = next((s for s in subjects(trigger.head.head) if s.pos_ != "PRON"), None)
        return noun_phrase(doer) if doer is not None and doer.i not in victim_tokens else None
    if trigger.lemma_ in UNTREATED_VERBS:
        # "his diabetes went untreated because the prison doctor refused to prescribe insulin":
        # the one who refused
        doer = next((s for c in trigger.children if c.dep_ == "advcl" and c.lemma_ in (
            "decline", "fail", "refuse") for s in syntax.subjects(c)), None)
        if doer is not None and doer.pos_ != "PRON" and doer.i not in victim_tokens:
            return noun_phrase(doer)
    if misread_recipients(trigger) and trigger.head.lemma_ in DOER_VERBS:
        # "The magistrate refused him bail": the one who refused, as for "refused X bail"
        doer = next((s for s in trigger.head.children if syntax.is_active_subject(s)), None)
        return noun_phrase(doer) if doer is not None and doer.pos_ != "PRON" and \
            doer.i not in victim_tokens else None
    if trigger.lemma_ == "be" and trigger.dep_ == "ccomp" and (
            trigger.head.lemma_ in REPORTING_VERBS or trigger.head.lemma_ in BELIEF_VERBS):
        # "Amnesty believes that A and B are prisoners of conscience": who holds it
        holder = next((c for c in trigger.head.children if syntax.is_active_subject(c)), None)
        return noun_phrase(holder) if holder is not None and holder.pos_ != "PRON" else None
    for child in trigger.children:
        if syntax.is_agent(child) or syntax.is_preposition(child) and child.lower_ == "by":
            pobj = syntax.prep_object(child)
            if pobj is not None and pobj.i not in victim_tokens and not any(
                    t.lemma_.lower() in VEHICLES | MEANS for t in [pobj, *syntax.objects_of(
                        pobj, "of")]):  # ("by a total of seven aircraft")
                return noun_phrase(pobj)  # not "by two aircraft", "by video link": the means
                # (but "by officers in the police van": the officers)
    if trigger.pos_ == "VERB" and (syntax.is_passive(trigger) or syntax.is_conjunct(trigger)
                                   and syntax.is_passive(trigger.head)):
        # "sentenced to seven years in a penal colony by the Minsk City Court": the court the
        # parser hung on the place of the term
        court = next((o for t in trigger.subtree if t.lower_ == "by" and t.head.i != trigger.i
                      and t.head.pos_ == "NOUN" and not _inside_clause(t, trigger)
                      and not any(a.dep_ == "conj" and a.pos_ == "VERB" for a in t.ancestors
                                  if trigger in a.ancestors)
                      for o in t.children if syntax.is_prep_object(o)
                      and is_court(noun_phrase(o))), None)
        if court is not None:
            return noun_phrase(court)
        # "was arrested at her home on 2 March by intelligence agents": the doer the parser
        # hung on the date
        dated = next((o for d in dated_by(trigger) for o in syntax.prep_objects(d)
                      if o.i not in victim_tokens), None)
        if dated is not None:
            return noun_phrase(dated)
    if trigger.lemma_ in APPEARING_VERBS:
        bench = appeared_before(trigger)  # "appeared before Chief Magistrate X"
        if bench is not None:
            return bench
    if trigger.pos_ == "NOUN" and syntax.is_passive_subject(trigger):
        # "his appeal was rejected by the Supreme Court": the court that decided it
        court = next((o for o in syntax.agents(trigger.head) if is_court(noun_phrase(o))),
                     None)
        if court is not None:
            return noun_phrase(court)
    if trigger.pos_ == "NOUN":
        for child in trigger.children:  # "his trial at the Tomsk Regional Court"
            if syntax.is_preposition(child) and child.lower_ in ("at", "in", "before"):
                court = next((c for c in child.children if syntax.is_prep_object(c)
                              and c.lower_ in GENERIC_BODIES and any(
                                  d.dep_ in ("det", "compound", "amod", "poss")
                                  for d in c.children)), None)  # not "sessions in court"
                if court is not None:
                    return noun_phrase(court)
        given = trigger.head.head if syntax.is_prep_object(trigger) and \
            trigger.head.lower_ == "of" and trigger.head.head.lemma_ in TERM_UNITS else trigger
        # "gave him 15 days of administrative arrest": the giver
        if (syntax.is_direct_object(given) or given.dep_ == "xcomp") and \
                given.head.lemma_ in DOER_VERBS:  # ("refused Karimov bail": "bail" an xcomp)
            subj = next((c for c in given.head.children if syntax.is_active_subject(c)), None)
            if subj is not None and subj.pos_ != "PRON" and subj.i not in victim_tokens and \
                    group_of(subj) is None:  # "16 of the 22 convicts filed appeals": theirs
                return noun_phrase(subj)
        for clause in (c for c in trigger.children if c.dep_ == "relcl" and any(
                syntax.is_direct_object(o) and o.lower_ in ("which", "that") for o in c.children)):
            # "The pardon, which the president signed": who issued it
            subj = next((c for c in clause.children if syntax.is_active_subject(c)), None)
            if subj is not None and subj.pos_ != "PRON" and subj.i not in victim_tokens:
                return noun_phrase(subj)
    if misread_object(trigger) != trigger and not any(
            syntax.is_subject(c) for c in trigger.children):
        # "An Azerbaijani court jailed X", "A court in Minsk sentenced X": what is before it
        return noun_phrase(misread_doer(trigger), until=trigger.i)
    if trigger.lemma_ in LEAVING_VERBS and not decided_verdicts(trigger):
        return None  # "left the detention centre": who left, not who freed him ("the court
        # left the verdict unchanged" is the court's)
    if trigger.pos_ == "VERB" and trigger.lemma_ not in INTRANSITIVE | RECIPIENT_VERBS and not any(
            c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children) and not (
            trigger.tag_ == "VBN" and not any(c.dep_ == "aux" or syntax.is_direct_object(c)
                                              for c in trigger.children)):
        # (not a participle without auxiliary or object: "Three Tatars detained last week")
        # the subject nearest the verb: not a dateline's "MINSK, 14 May (Viasna) —" the
        # parser made a second subject
        actives = [c for c in trigger.children if syntax.is_active_subject(c)]
        subj = next((c for c in sorted(actives, key=lambda c: -c.i)
                     if not labels_a_line(c) and not (glued_by_hyphen(c) and any(
                         a.i < c.i for a in actives))), None)  # (not "Don" of "the Court
        # in Rostov-on-Don", which the parser made a second subject)
        if subj is not None and subj.pos_ == "NOUN" and trigger_types(subj):
            # "The pardon, which Aliyev signed on Friday, freed X": who made the pardon
            return _find_agent(subj, victim_tokens, discourse)
        if subj is None and (trigger.dep_ in ("pcomp", "advcl", "xcomp") and trigger.tag_ == "VBG"
                             or trigger.dep_ == "xcomp" and trigger.tag_ == "VB"
                             or syntax.is_conjunct(trigger) and trigger.head.pos_ == "VERB"):
            # "the court gave him two years and fined her": the court fined her too
            # "FSB officers detained them after searching their homes": the searcher
            actors = subjects(trigger)
            subj = actors[0] if actors and not any(
                syntax.is_passive_subject(a) for a in actors) else None
        if subj is not None and subj.lower_ in ("it", "they") and trigger.dep_ == "ccomp" and \
                trigger.head.lemma_ in REPORTING_VERBS:
            # "the FSB said it had detained X": the body that speaks did it
            speaker = next((c for c in trigger.head.children if syntax.is_active_subject(c)
                            and c.pos_ in ("NOUN", "PROPN") and c.i not in discourse.cluster_at),
                           None)
            subj = speaker if speaker is not None else subj
        if subj is not None and subj.pos_ != "PRON" and subj.i not in discourse.cluster_at \
                and (subj.lemma_.lower() not in HELD_PEOPLE or any(
                    c.lower_ in UNNAMED_DOERS for c in subj.children) or any(
                    o.lower_ in DOERS_DRESS for o in syntax.objects_of(subj, "in"))):
            # ("masked men", "men in civilian clothes")
            return owner_of(subj) + noun_phrase(subj)
        if subj is not None and subj.i in discourse.cluster_at and (any(
                t.lower_ in ACTING_TITLES for t in subj.subtree if t.i < subj.i) or
                trigger.lemma_ == "pardon"):
            return noun_phrase(subj)  # "Judge Irina Dolgova sentenced Kuzmin"; only a head of
            # state pardons: "Belarusian leader Alexander Lukashenko pardoned 37 people"
    if trigger.pos_ == "VERB" and trigger.dep_ in ("xcomp", "ccomp") and (
            syntax.is_passive(trigger) or trigger.tag_ in ("VBN", "VBD") or
            trigger.lemma_ in RECIPIENT_VERBS) and trigger.head.lemma_ in ORDERING_VERBS:
        # ("ordered him to pay a fine": the court that ordered it)
        # "ordered Jabbar to be detained", "ordered her held for four months"
        body = next((c for c in trigger.head.children if syntax.is_active_subject(c)), None)
        if body is not None and body.pos_ != "PRON" and (body.i not in discourse.cluster_at or any(
                t.lower_ in ACTING_TITLES for t in body.subtree if t.i < body.i)):
            # "the court ordered Jabbar to be detained": the court; "Judge X of the Y Court
            # ordered that she be held": the judge
            return noun_phrase(body)
    if trigger.pos_ == "VERB" and syntax.is_passive(trigger):
        # "was detained on 13 June after police searched her flat": the searchers
        for clause in (c for c in trigger.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "after" for m in c.children)):
            actor = next((c for c in clause.children if syntax.is_active_subject(c)), None)
            if actor is not None and actor.pos_ != "PRON" and actor.i not in discourse.cluster_at \
                    and actor.lemma_.lower() not in HELD_PEOPLE and clause.lemma_ in (
                        "search", "raid", "find", "stop", "break", "storm", "come", "arrive"):
                return noun_phrase(actor)
    return None


ACTING_TITLES = RULES.words("acting_titles")
UNNAMED_DOERS = RULES.words("unnamed_doers")
DOERS_DRESS = RULES.words("doers_dress")
BELIEF_VERBS = RULES.words("belief_verbs")
ORDERING_VERBS = RULES.words("ordering_verbs")
DECIDING_VERBS = RULES.words("deciding_verbs")


APPEARING_VERBS = {"appear"}


def bench_objects(verb: Token) -> list[Token]:
    """What a verb happened before, in or at: "appeared before a magistrate", "in front of
    Chief Magistrate X", "at the district court"."""
    objects = [o for p in syntax.prepositions(verb, "before", "in", "at")
               for o in syntax.prep_objects(p)]
    return [o for f in objects for o in (
        syntax.objects_of(f, "of") if f.lower_ == "front" else [f])]


def appeared_before(verb: Token) -> str | None:
    """Who a defendant appeared before: a judge by title and name, else the court."""
    objects = bench_objects(verb)
    judges = [o for o in objects if any(t.lower_ in ACTING_TITLES for t in o.subtree)]
    courts = [o for o in objects if o.lemma_.lower() in COURTS]
    found = judges or courts
    return noun_phrase(found[0]) if found else None


def owner_of(head: Token) -> str:
    """ "the FSB claims its officers detained him": whose officers ("FSB "), else ""."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
        return ""
    owner = next((e for e in reversed(sentence_ents(head.sent))
                  if e.end <= head.i and e.label_ == "ORG"), None)
    return entity_text(owner) + " " if owner is not None else ""


HELD_PEOPLE = RULES.words("held_people")
# Longest agent phrase kept: "officers of the National Security Committee in Almaty".
MAX_AGENT_TOKENS = 10


# A gathering held beside a building, not in it: "a rally outside Parliament", "a picket near
# the court".
BESIDE_PREPOSITIONS = RULES.words("beside_prepositions")
GATHERINGS = RULES.words("gathering_nouns")


def beside_a_building(gathering: Token | None) -> str | None:
    """ "a picket outside the court", "a rally outside Parliament": where a gathering stood,
    with its preposition, as reports tell it."""
    if gathering is None:
        return None
    for prep in syntax.prepositions(gathering, *BESIDE_PREPOSITIONS):
        objs = syntax.prep_objects(prep)
        if objs and objs[0].pos_ in ("NOUN", "PROPN") and objs[0].ent_type_ not in (
                "DATE", "TIME", "PERSON"):
            return f"{prep.text} {noun_phrase(objs[0])}"
    return None


def noun_phrase(head: Token, until: int | None = None) -> str:
    """The phrase headed by ``head`` with its "of"/"in" attachments and conjuncts ("police and
    FSB officers", "the District Court of Minsk"), without clauses or appositions; it ends
    before token ``until`` when given."""
    keep = [head]
    stack = list(head.children)
    while stack:
        token = stack.pop()
        if token.dep_ in ("relcl", "acl", "appos", "punct", "advcl", "prep") and \
                token.lower_ not in ("of", "in", "from", "near", "outside") or \
                token.ent_type_ == "DATE":
            continue
        keep.append(token)
        stack.extend(token.children)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    # Nothing left of a dash or bracket before the head: "MAKHACHKALA, Oct 6 (EWS) - Investigators"
    cut = [t.i for t in doc[start: head.i] if t.text in ("–", "—", "(", ")", ":", "#") or
           t.text == "-" and (t.whitespace_ or doc[t.i - 1].whitespace_)]  # not "pre-trial"
    if cut:
        start = cut[-1] + 1
    while start < end and (doc[start].dep_ in ("det", "case", "punct") or
                           doc[start].dep_ == "poss" and doc[start].pos_ == "PRON"):
        start += 1  # "his flat" -> "flat"; "the women's prison" keeps "women's"
    # "a court in Rostov-on-Don", the town hung elsewhere: a phrase does not end on its
    # preposition
    if end < len(doc) and doc[end - 1].pos_ == "ADP" and doc[end].pos_ == "PROPN" and \
            end - 1 > head.i:
        end += 1
    # "Rostov-on-Don": a hyphenated word is one word, whatever the parser hung its parts on
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in (doc[end].text,
                                                                     doc[end - 1].text):
        end += 1
    # "officers of the Centre for Combating Extremism": a name ends where the entity ends,
    # whatever the parser hung its last words on
    if doc[end - 1].ent_type_ in ("ORG", "FAC") and end < len(doc) and \
            doc[end].ent_iob_ == "I":
        end = next((t.i for t in doc[end:] if t.ent_iob_ != "I"), len(doc))
    if until is not None:
        end = min(end, until)
    if end - start > MAX_AGENT_TOKENS:
        end = start + MAX_AGENT_TOKENS
    return doc[start:end].text.strip(" ,")


def named_on_the_noun(trigger: Token) -> str | None:
    """ "added a smuggling charge against X", "faced treason charges": the accusation told as
    the charge noun's modifier."""
    if trigger.lemma_ != "charge" or trigger.pos_ != "NOUN":
        return None
    words = [c for c in trigger.children if c.dep_ in ("compound", "amod") and c.i < trigger.i
             and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "CARDINAL")]
    return trigger.doc[words[0].left_edge.i: trigger.i].text if words else None


# The nouns of what is dropped when a charge is: "dropped the charges", "withdrew the count".
DROPPED_NOUNS = RULES.words("dropped_nouns")


def charge_words(phrase: Span) -> str | None:
    """A charge's words, up to whom it was against or when ("insulting an officer against X in
    May"), without its quote marks ('"false news" against X')."""
    words = []
    quoted = phrase[0].is_quote
    for token in phrase:
        if token.lower_ == "against" or syntax.is_preposition(token) and any(
                o.ent_type_ in ("DATE", "TIME") for o in syntax.prep_objects(token)):
            break
        if token.is_quote and quoted and words:
            break
        words.append(token)
    text = "".join(t.text_with_ws for t in words).strip("\"“”'‘’ ,")
    return text or None


def dropped_charge(trigger: Token) -> str | None:
    """ "withdrew the charge of insulting an officer against X", "dropped charges of 'false
    news'", "dropped the treason charge", "the charges of hooliganism were dropped": what the
    dropped charge's own noun names ("the same charge" to be read later)."""
    for noun in trigger.children:
        if noun.dep_ not in ("dobj", "nsubjpass") or noun.lemma_.lower() not in DROPPED_NOUNS:
            continue
        if any(c.lower_ == "same" for c in noun.children):
            return f"same {noun.text}"
        for of in syntax.prepositions(noun, "of"):
            told = [c for c in of.children if c.dep_ in ("pobj", "pcomp")]
            if told:
                return charge_words(trigger.doc[told[0].left_edge.i: told[0].right_edge.i + 1])
        return named_on_the_noun(noun)
    return None


def _term_of(unit: Token, trigger: Token) -> bool:
    """ "sentenced to six years", "to six years and 11 months" (the months a conjunct of the
    years, or of the verb itself): a term unit told as the trigger's term."""
    while syntax.is_conjunct(unit) and unit.head.i != trigger.i:
        unit = unit.head
    return syntax.is_conjunct(unit) or syntax.is_prep_object(unit) and unit.head.head.i == \
        trigger.i


PURPOSES = RULES.words("custody_purposes")


def find_charge(trigger: Token) -> str | None:
    charge = _find_charge(trigger) or named_on_the_noun(trigger)
    if charge and charge.lower() in QUESTION_WORDS:
        return None  # "What was she accused of?": a question asks the charge, names none
    if charge and ARTICLE_OF_LAW.match(charge):
        # 'under Article 331 ("abusing democratic freedoms")', 'Article 117 of the Criminal
        # Code, "making ... materials against the State"': the article's words (FORMAT: the
        # article only where the text gives nothing else)
        inside = DESCRIBED_ARTICLE.search(charge)
        if inside and inside.group().lstrip().startswith("("):
            return inside.group(1).strip()  # the brackets read with the article
        text = doc_text(trigger.doc)
        sent = trigger.sent
        at = text.find(charge, sent.start_char, sent.end_char)
        described = DESCRIBED_ARTICLE.match(text, at + len(charge), sent.end_char) \
            if at >= 0 else None
        if described:
            return described.group(1).strip()
    # 'on charges of "discrediting the Republic of Belarus."': the sentence's full stop, which
    # the quotation held, is no part of the charge ("Art." keeps its own)
    if charge and charge.endswith(".") and not ABBREVIATED.search(charge):
        charge = charge.rstrip(".").rstrip()
    return charge


QUESTION_WORDS = RULES.words("question_words")
# An article of law ("Article 331 of the Penal Code") and the words in quotes right after it,
# between commas or brackets: what it punishes.
ARTICLE_OF_LAW = re.compile(r"(?:article|art\.|section|paragraph|part)\s+\d", re.I)
DESCRIBED_ARTICLE = re.compile(r"\s*(?:,|\()\s*[\"“]([^\"“”\n]{3,160})[\"”]")
ABBREVIATED = re.compile(r"(?:\b\w|\b(?:art|arts|no|para|pt|sec|st|cl|ch)|\d)\.$", re.I)


def _find_charge(trigger: Token) -> str | None:
    doc = trigger.doc
    children = list(trigger.children)
    subtree = list(trigger.subtree)  # walked three times below
    named = misread_object(trigger)
    if named != trigger:  # "sentenced editor X ... on charges of"
        children += [c for c in named.children if syntax.is_preposition(c)]
        end = clause_end(trigger)  # "A court in Minsk jailed X ... on charges of": the doer's
        doer = misread_doer(trigger)
        children += [c for c in (doer.rights if doer is not None else ())
                     if syntax.is_preposition(c) and named.right_edge.i < c.i <= end]
    children += [g for c in subtree if c.lower_ in PLEA_WORDS
                 and not _inside_clause(c, trigger) for g in c.children]
    # "sentenced him to eight years in a colony for organising mass riots"
    children += [t for t in direct_modifiers(trigger, through_light_verb=False)
                 if syntax.is_preposition(t) and t.lower_ == "for" and t not in children]
    # "fined her 300,000 roubles for holding religious meetings"
    # "acquitted Jehovah's Witness Andrei Voloshin of extremism charges"
    children += [p for o in trigger.children if o.dep_ in ("dobj", "dative")
                 for p in o.children if syntax.is_preposition(p) and (p.lower_ == "for" or (
                     p.lower_ == "of" and trigger.lemma_ in ("convict", "acquit", "accuse")))]
    # "convicted X, the founder of a website, of extremism": the "of" the parser hung on the
    # apposition, after the comma that closes it; "convicted in absentia of treason": on
    # "absentia"
    if trigger.lemma_ in ("convict", "acquit", "accuse"):
        children += [p for o in syntax.objects_of(trigger, "in") if o.lower_ == "absentia"
                     for p in o.children if syntax.is_preposition(p) and p.lower_ == "of"]
        children += [p for o in trigger.children if o.dep_ == "dobj" for a in o.children
                     if a.dep_ == "appos" for p in a.children if syntax.is_preposition(p)
                     and p.lower_ == "of" and doc[p.i - 1].text == ","]
    # "a criminal case for participating in an extremist organisation was opened against"
    children += [p for c in trigger.children if c.dep_ in ("nsubjpass", "dobj") and c.lemma_ in (
        "case", "proceeding", "prosecution") for p in c.children if syntax.is_preposition(p)
        and p.lower_ in ("for", "under", "over") and p not in children]
    # "was added to a new case on charges of X": the case's
    children += [p for o in syntax.objects_of(trigger, "to") if trigger.lemma_ == "add" and
                 o.lemma_.lower() in CASE_NOUNS for p in o.children
                 if syntax.is_preposition(p) and p.lower_ in ("on", "for", "under")]
    # "placed in pre-trial detention for two months on charges of X": the placing verb's;
    # "gave him 15 days of administrative arrest over a post": the giving verb's
    holder = trigger.head.head if trigger.pos_ == "NOUN" and syntax.is_prep_object(trigger) \
        else trigger.head if trigger.pos_ == "NOUN" and syntax.is_direct_object(trigger) and \
        trigger.head.lemma_ in ORDERING_VERBS else None  # "ordered the arrest of X ... on
    # charges of Y"
    if holder is not None and holder.lemma_ in TERM_UNITS and holder.head.pos_ == "VERB" and \
            syntax.is_direct_object(holder):
        holder = holder.head
    if holder is not None and (holder.lemma_ in PLACING_VERBS | DOER_VERBS | ORDERING_VERBS or
                               holder.lemma_ == "go" and trigger.lemma_ == "trial"):
        # ("went on trial on charges of X": the going's)
        children += [p for p in holder.children if syntax.is_preposition(p) and
                     p.lower_ in ("on", "for", "over") and p not in children]
        # "ordered his arrest pending trial on charges of X"
        children += [p for t in holder.children if t.lower_ == "pending"
                     for o in t.children if syntax.is_prep_object(o)
                     for p in o.children if syntax.is_preposition(p) and p.lower_ == "on"]
    # "remanded for two months pending investigation on fraud charges"
    children += [p for t in subtree if t.lower_ == "pending" and
                 not _inside_clause(t, trigger) for o in t.children if syntax.is_prep_object(o)
                 for p in o.children if syntax.is_preposition(p) and p.lower_ == "on"]
    # "gave her a two-year suspended sentence for discrediting the army", "jailed for six
    # years on charges of espionage", "serving a term on charges of X": what the term is for
    # hangs on the term's own noun
    children += [p for t in subtree if t.i != trigger.i and (
                     t.lemma_ in ("sentence", "term") and trigger.pos_ == "VERB" or
                     t.lemma_ in TERM_UNITS and _term_of(t, trigger)) and
                 not _inside_clause(t, trigger)
                 for p in [*t.children, *(g for a in t.children if a.dep_ == "acl"
                                          and a.tag_ == "VBN" for g in a.children)]
                 if syntax.is_preposition(p) and p.lower_ in ("for", "on", "over")
                 and p not in children]  # ("jailed for two years over articles criticising";
    # "serving a sentence imposed in 2024 for X")
    # "found guilty on Monday of sedition": the "of" the parser hung on the day
    if trigger.lemma_ in ("convict", "acquit", "find"):
        children += [p for d in syntax.objects_of(trigger, "on") if d.ent_type_ == "DATE"
                     for p in d.children if syntax.is_preposition(p) and p.lower_ == "of"]
    # "sentenced ... in connection with his posts": what a verdict gives as its reason (an
    # arrest "in connection with a protest" names where he was, not a charge)
    if trigger.lemma_ in VERDICT_VERBS:
        children += [w for o in syntax.objects_of(trigger, "in") if o.lower_ == "connection"
                     for w in o.children if syntax.is_preposition(w) and w.lower_ == "with"]
    law = None
    for child in children:
        if not syntax.is_preposition(child) or child.lower_ not in ("for", "with", "under", "on",
                                                                    "of", "over"):
            continue
        if child.ent_iob_ == "I" and child.ent_type_ in ("ORG", "FAC"):
            continue  # "the Centre for Combating Extremism": a word of a name, no charge
        if child.lower_ == "of" and trigger.lemma_ not in ("convict", "acquit", "accuse",
                                                          "find", "conviction", "acquittal",
                                                          "charge", "suspect"):
            continue  # "the appeal of Anatoly Gubkin" names the appellant, not a charge
        if child.lower_ == "with" and trigger.lemma_ not in ACCUSING_WORDS and not (
                child.head.lower_ == "connection"):
            continue  # "arrested with no warning", "tried together with Tsikhanouski"
        objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if not objs or objs[0].ent_type_ in ("DATE", "TIME") or \
                objs[0].lemma_ in TERM_UNITS + ("time", "life") or \
                child.lower_ == "for" and objs[0].lower_ in PURPOSES:
            continue  # not "for six years", "for the fourth time", "jailed for life", "taken
            # in for questioning"
        obj = objs[0]
        if child.lower_ == "for" and obj.lemma_ in SITTING_NOUNS:
            continue  # "taken to Rostov for the trial": what for, no charge
        if child.lower_ == "of" and trigger.pos_ == "NOUN" and any(
                o.ent_type_ == "PERSON" or o.lemma_.lower() in ROLE_WORDS for o in objs):
            continue  # "the conviction of poet Dariga Seitkali": whose conviction, not what for
        if child.lower_ == "for" and obj.ent_type_ == "ORG" and obj.pos_ == "PROPN":
            continue  # "his work for Radio Liberty": whom for, not what for
        if child.lower_ == "on" and obj.lemma_ not in ("charge", "suspicion", "accusation",
                                                       "count", "conviction"):
            continue
        if obj.lemma_ in ("charge", "accusation", "count") and all(
                c.dep_ in ("det", "predet") or c.lower_ in RANK_WORDS for c in obj.children):
            continue  # "acquitted of all charges", "cleared of the accusations", "six years on
            # the first charge": none named
        rest: list[Token] = []
        if child.lower_ == "of" and obj.lemma_ in JOINING_NOUNS:
            # "accused of membership in a terrorist organisation": the "in" phrase the parser
            # hung on the verb belongs to the membership
            rest = [t for p in syntax.prepositions(trigger, "in")
                    if p.i == child.right_edge.i + 1 and not any(
                        o.ent_type_ in ("GPE", "LOC", "DATE") or o.lower_ == "absentia"
                        for o in syntax.prep_objects(p)) for t in p.subtree]
        if child.lower_ == "on":
            of = next(iter(syntax.prepositions(obj, "of")), None)
            if of is not None:
                # "on suspicion of involvement in a criminal group": what the parser hung on
                # "suspicion" right after the "of" phrase belongs to it
                rest = [t for p in syntax.prepositions(obj, "in", "with", "to")
                        if p.i == of.right_edge.i + 1 for t in p.subtree]
                obj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), obj)
        tokens = [t for t in obj.subtree if not _inside_clause(t, obj) and not any(
            a.dep_ == "appos" and a.lemma_ in ("charge", "accusation") for a in
            [t, *t.ancestors] if a.i > obj.i and a.i <= obj.right_edge.i)] + rest
        # "guilty of smuggling and of financing ...": the second charge hangs from the first "of"
        for conj in (c for c in child.children if syntax.is_conjunct(c) and c.pos_ == "ADP"):
            tokens.extend(t for t in conj.subtree if not _inside_clause(t, conj))
        tokens.sort(key=lambda t: t.i)
        while tokens and (tokens[0].lower_ in HEDGE_WORDS or tokens[0].dep_ == "det"):
            tokens = tokens[1:]
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].text == ",") and \
                tokens[-1].i > obj.i:
            tokens.pop()  # "of calling for unrest and [given two years]"
        if not tokens:
            continue
        end = tokens[-1].i + 1
        # "of conspiring to seize power, calling for actions ..., and incitement": the rest of
        # a list of gerunds the parser hung on the verb as a clause of its own
        while end + 1 < trigger.sent.end and doc[end].text == "," and \
                doc[end + 1].tag_ == "VBG" and doc[end + 1].dep_ == "advcl" and \
                doc[end + 1].head.i == trigger.i and obj.tag_ == "VBG":
            end = doc[end + 1].right_edge.i + 1
        # "of financing and participating in an extremist group": a gerund coordinated with
        # the charge that the parser hung elsewhere
        while end + 1 < trigger.sent.end and doc[end].lower_ in ("and", "or") and \
                doc[end + 1].tag_ == "VBG" and obj.lower_.endswith("ing") and \
                doc[end + 1].right_edge.i >= end + 1 and doc[end + 1].head.i != end - 1:
            end = doc[end + 1].right_edge.i + 1
        if obj.ent_type_ == "LAW" and (law_ent := entity_at(obj)) is not None and \
                law_ent.end > end:
            end = law_ent.end  # "under Article 361-1 of the Criminal Code", "361-1" misparsed
        # Trailing "in March 2015" belongs to the date, not the charge; "on terrorism charges
        # in Dushanbe" to the place (a charge noun has no place of its own)
        for t in tokens:
            if syntax.is_preposition(t) and t.i > tokens[0].i and any(
                    c.ent_type_ in ("DATE", "TIME") or t.lower_ == "in" and t.head == obj and
                    obj.lemma_ in ("charge", "accusation") and c.ent_type_ == "GPE"
                    for c in t.children):
                end = min(end, t.i)
        # "under Article 282.2 (participation in an extremist organisation)": the words in
        # brackets say what the article of law is
        while end < trigger.sent.end and doc[end].is_space:
            end += 1
        if end < trigger.sent.end and doc[end].text == "(":
            close = next((t.i for t in doc[end: trigger.sent.end] if t.text == ")"), None)
            if close is not None:
                end = close + 1
        elif any(t.text == "(" for t in doc[tokens[0].i: end]) and not any(
                t.text == ")" for t in doc[tokens[0].i: end]):
            end = next(t.i for t in doc[tokens[0].i: end] if t.text == "(")  # "(Art." cut off
        opening = doc[tokens[0].i - 1] if tokens[0].i > trigger.sent.start else None
        if opening is not None and opening.is_quote:
            # 'for "organising riots, blocking roads, inciting hatred"':
            # the quoted list, to its closing quote
            close = next((t.i for t in doc[tokens[0].i: min(trigger.sent.end, tokens[0].i +
                                                              MAX_QUOTED_CHARGE)]
                          if t.is_quote), None)
            if close is not None:
                end = max(end, close)
                more = quoted_charges_after(doc, close, trigger.sent.end)
                if more:
                    first = re.sub(r'\s*["“”‘’]\s*', " ", doc[tokens[0].i: close].text)
                    return "; ".join([first.strip(" ,"), *more])
        text = doc[tokens[0].i: end].text.strip(" ,")
        if opening is not None and opening.is_quote:
            text = re.sub(r'\s*["“”‘’]\s*', " ", text).strip(" ,")
        if text.startswith("'") or opening is not None and opening.text == "'":
            # "for 'discrediting' the army": quote marks, not the apostrophe of "Jehovah's"
            text = re.sub(r"(?<!\w)'\s*|(?<=\w)'(?!\w)", "", text).strip(" ,")
        if text and counted_charges(obj):
            # "guilty of multiple offenses, including A and B", "on four charges: A, B and C":
            # the charges the count lists; a verdict "on seven counts" says none (it takes the
            # case's charge), an indictment "on seven counts" says that
            return listed_charges(obj, trigger) or (text if trigger.lemma_ in ACCUSING_WORDS
                                                    else None)
        if text and LAW_ONLY.match(text) and law is None:
            described = law_described(doc, end, trigger.sent.end)
            if described:
                return described  # "under Article 206.3.2, smuggling committed by a group"
            law = text  # "under Article 207.3 for posts criticising the war": what it says
            continue
        if text:
            return text
    return law


def law_described(doc: Doc, end: int, sent_end: int) -> str | None:
    """What an article of law is, said in apposition after it: "under Article 206.3.2 of the
    Criminal Code, smuggling committed by a group," (a noun phrase, not a clause or a name)."""
    if end + 1 >= sent_end or doc[end].text != "," or not doc[end + 1].is_lower or \
            doc[end + 1].pos_ not in ("NOUN", "VERB", "ADJ"):
        return None
    stop = next((t.i for t in doc[end + 1: sent_end] if t.text in (",", ";", ".", "(", ")")),
                sent_end)
    phrase = doc[end + 1: stop]
    if not 1 <= len(phrase) <= MAX_DESCRIBED_LAW or any(
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.lower_ in ("which", "who", "that")
            for t in phrase):
        return None
    return phrase.text


MAX_DESCRIBED_LAW = 14

# An article of law alone, with nothing that says what it is about.
LAW_ONLY = re.compile(r"(?:(?:part|paragraph|clause)\s+\S+\s+of\s+)?(?:article|art\.?|section)"
                      r"\s+\d[\w.()-]*(?:\s+of\s+the\s+[\w\s'’]+)?$", re.I)
VAGUE_CHARGES = RULES.words("counted_charge_nouns")
JOINING_NOUNS = RULES.words("joining_nouns")
RANK_WORDS = RULES.words("rank_words")
VERDICT_VERBS = RULES.words("verdict_verbs")
TERM_UNITS = ("year", "month", "week", "day")
VAGUE_QUANTITIES = RULES.words("vague_quantities")


def counted_charges(obj: Token) -> bool:
    """ "multiple offenses", "seven counts", "10 articles of the criminal code"."""
    return obj.lemma_.lower() in VAGUE_CHARGES and obj.tag_ == "NNS" and any(
        c.dep_ == "nummod" or c.lower_ in VAGUE_QUANTITIES for c in obj.children)


def listed_charges(obj: Token, trigger: Token) -> str | None:
    """The charges a count of charges lists: after "including" (on the count or on the verb)
    or after a colon."""
    doc, sent = obj.doc, obj.sent
    holders = [obj, trigger, clause_verb(trigger)] + [a for a in obj.ancestors
                                                     if a.lower_ == "guilty"]
    including = next((p for h in holders for p in h.children if p.lower_ == "including"
                      and p.i > obj.i), None)
    if including is not None:
        start = including.i + 1
        end = including.right_edge.i + 1
    elif obj.i + 1 < sent.end and doc[obj.i + 1].text == ":":
        start, end = obj.i + 2, sent.end
    else:
        return None
    text = doc[start: end].text.strip(" ,.;\n")
    return text or None

MAX_QUOTED_CHARGE = 40


def quoted_charges_after(doc: Doc, close: int, end: int) -> list[str]:
    """ "for 'A' (Art. 361-3); 'B' (Article 357-1) and 'C'": the quoted charges that follow the
    first, each after its article in brackets and a semicolon, a comma or "and"."""
    found, i = [], close + 1
    while i < end:
        if doc[i].text == "(":
            i = next((t.i + 1 for t in doc[i: min(end, i + 12)] if t.text == ")"), end)
        while i < end and (doc[i].text in (";", ",") or doc[i].lower_ == "and"):
            i += 1
        if i >= end or not doc[i].is_quote:
            break
        closing = next((t.i for t in doc[i + 1: min(end, i + 1 + MAX_QUOTED_CHARGE)]
                        if t.is_quote), None)
        if closing is None:
            break
        found.append(doc[i + 1: closing].text.strip(" ,"))
        i = closing + 1
    return found


RELATIVE_WORDS = RULES.words("relative_pronouns")
# Who acts for a defendant: "lawyers for X filed an appeal".
COUNSEL_NOUNS = RULES.words("counsel_nouns")


def counsel_client(token: Token) -> list[Token]:
    """Whom a lawyer acts for: "lawyers for X", "His lawyer, Y, appealed", "Y, her lawyer,
    appealed" (X; "his", "her": the client the pronoun means)."""
    for counsel in [token, *(c for c in token.children if c.dep_ == "appos")]:
        if counsel.lemma_.lower() in COUNSEL_NOUNS:
            return syntax.objects_of(counsel, "for") or [
                c for c in counsel.children if c.dep_ == "poss"]
    return []
# What a clause on a charge says of it, not what it is: "charges that he denies", "that his
# supporters call politically motivated".
OPINION_VERBS = RULES.words("opinion_verbs")


def _inside_clause(token: Token, root: Token) -> bool:
    current = token
    while current.i != root.i:
        if current.dep_ == "relcl" and current.lemma_ in OPINION_VERBS:
            return True  # "on smuggling charges that appear to be politically motivated"
        if current.dep_ == "relcl" and any(c.lower_ in ("that", "which") and c.dep_ in (
                "nsubj", "nsubjpass") for c in current.children) and not (
                current.left_edge.i > 0 and token.doc[current.left_edge.i - 1].text == ","):
            current = current.head  # "actions that grossly violated public order" describes
            continue                # the charge itself; not ", which carries up to 7 years"
        if listed_gerund(current, root):
            current = current.head  # "of conspiring to seize power, calling for actions ...,
            continue                # and incitement": a list the parser made a clause of
        if current.dep_ in ("acl", "relcl") and current.lemma_ in OPINION_VERBS and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_WORDS
                for c in current.children):
            return True  # "on fraud charges [that his supporters say are fabricated]", "[he
            # denies]"; not "for statements he made in an interview" (what the charge is)
        if current.dep_ in ("advcl", "relcl", "ccomp", "parataxis") and current.head.i != root.i \
                or current.dep_ == "advcl" or current.dep_ == "punct" and current.head == root:
            return True
        if current.dep_ == "conj" and current.tag_ in ("VBN", "VBD") and \
                current.head.tag_ == "VBG":
            return True  # "convicted of calling for unrest and given two years": the verb's
            # second clause, which the parser joined to the charge's gerund
        current = current.head
    return False


def listed_gerund(token: Token, root: Token) -> bool:
    """A gerund after a comma hung as a clause on the first item of a charge list."""
    doc = token.doc
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.i == root.i and \
        token.i > 0 and doc[token.i - 1].text == "," and root.tag_ == "VBG"


MAX_TERM_TOKENS = 10


# A range of terms told for several people: "from two to [six years]", "between two and
# [four years]".
TERM_RANGE = re.compile(r"\b(?:from\s+[^,;]{1,20}?\s+to|between\s+[^,;]{1,20}?\s+and)\s+$",
                        re.I)


def find_term(trigger: Token) -> tuple[int | None, dict]:
    doc = trigger.doc
    extras: dict = {}
    window = doc[trigger.i: clause_end(trigger) + 1]
    text = span_text(window)
    if trigger.pos_ == "NOUN":
        # "a three-year and four-month sentence": the noun's modifiers, or the words before it
        start = max(trigger.sent.start, trigger.i - MAX_TERM_TOKENS,
                    min(trigger.left_edge.i, trigger.i - 4))
        left = span_text(doc[start: trigger.i + 1])
        found = terms.find_terms(left) or terms.find_terms(text)
        if not found and syntax.is_subject(trigger):
            # "his sentence was increased on appeal to 15 years": what the verb made it
            changed = [o for p in syntax.prepositions(trigger.head, "to")
                       for o in syntax.prep_objects(p)]
            if changed:
                text = doc[changed[0].left_edge.i: changed[0].right_edge.i + 1].text
                found = terms.find_terms(text)
    else:
        found = terms.find_terms(text)
    if re.search(r"\branging\s+from\b|\bfrom\s+a\s+fine\s+to\b", text, re.I) or found and \
            TERM_RANGE.search(text[:found[0].start]):
        return None, extras  # "punishments ranging from a fine to six years", "sentences from
        # two to six years", "between two and four years": each their own
    if terms.SUSPENDED.search(text):
        extras["suspended"] = True
    if terms.LIFE.search(text):
        extras["life"] = True
    if terms.HOUSE_ARREST.search(text):
        extras["house_arrest"] = True
    if trigger.lemma_ == "fine" or terms.FINE.search(text) and not found:
        extras["fine"] = True
        return None, extras
    if len(found) > 1 and re.fullmatch(r"\s+of\s+(?:a|an|his|her|their)\s+",
                                       text[found[0].end: found[1].start]):
        found = found[1:]  # "served two years of a four-year sentence": the sentence's term
    if found and terms.APPROXIMATE.search(text[:found[0].start]):
        extras["approximate"] = True  # "nearly 14 years"
    return (found[0].months if found else None), extras


# Modal auxiliaries: "must be released", "could face", "will be tried" tell no event.
MODALS = RULES.words("modal_auxiliaries")
# Triggers whose own "not" tells the event, a harm or a disappearance: the trigger rows that
# need it (when = ["negated"]: "was not given insulin", "has not been seen since").
NEGATION_IS_THE_EVENT = {(row.type, row.lemma) for row in RULES.constructions + RULES.triggers
                         if {"negated", "with_not_guilty", "withheld"} & set(row.when)}


ENDING_VERBS = RULES.words("ending_verbs")
PLEA_WORDS = ("guilty", "innocent")
OCCURRENCE_VERBS = RULES.words("occurrence_verbs")


# What is used against someone: force, and the weapons of riot police ("used tear gas and
# batons against him").
FORCE_WORDS = RULES.words("force_words")


def used_against(verb: Token) -> list[Token]:
    """Whom force was used against: "used force against him" (the phrase on the verb or on
    "force"), "no force was used against the detainees"."""
    force = [t for t in syntax.objects(verb) + [c for c in verb.children
                                                 if syntax.is_passive_subject(c)]
             if t.lemma_ in FORCE_WORDS or any(c.lemma_ in FORCE_WORDS for c in t.conjuncts)]
    if not force:
        return []
    return syntax.objects_of(verb, "against") + [o for f in force
                                                 for o in syntax.objects_of(f, "against")]


FULL_CARE_WORDS = RULES.words("full_care_words")
LAWFUL_NOUNS = RULES.words("lawful_nouns")


def affirms(trigger: Token) -> bool:
    """Words that deny ill-treatment by saying all was well: "was receiving all necessary
    medical care", "had received all the treatment he needed", "were treated in line with the
    law"."""
    if trigger.lemma_ in ("receive", "get", "give", "provide"):
        return any(o.lemma_.lower() in CARE_NOUNS and any(
            t.lower_ in FULL_CARE_WORDS for t in o.subtree) for o in syntax.objects(trigger))
    if trigger.lemma_ == "treat":
        return any(o.lemma_.lower() in LAWFUL_NOUNS and any(
            w.lemma_.lower() == "law" for w in o.subtree)
            for o in syntax.objects_of(trigger, "in"))
    return False


def irrealis(trigger: Token) -> tuple[bool, bool]:
    """(is a request/threat/plan, is negated), looking up the trigger's clause chain."""
    negated = any(syntax.is_negation(c) or c.lower_ in ("never", "no") and c.dep_ in ("neg", "det")
                  for c in trigger.children) or any(
        g.lower_ == "neither" for c in trigger.children if syntax.is_subject(c)
        for g in c.children) or any(  # "neither Forest nor Luz Fernandez were tried"
        syntax.is_subject(c) and (c.lower_ in ("none", "neither", "nobody") or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in trigger.children)  # "None of the three has asked for a pardon", "no force
    # was used against him"
    if negated and whereabouts_of(trigger):
        negated = False  # "did not know anything about his fate": not knowing is the event
    if trigger.pos_ == "NOUN" and syntax.is_prep_object(trigger) and \
            trigger.head.lower_ == "without":
        negated = True  # "freed without charge", "held for a year without trial"
    if trigger.lemma_ == "be" and any(syntax.is_preposition(c) and syntax.is_negated(c)
                                      for c in trigger.children):
        negated = True  # "Not on the list was X": the copula's phrase denied
    if affirms(trigger):
        negated = not negated  # "was receiving all necessary medical care": denied
    is_irrealis = any(c.dep_ == "aux" and c.lower_ in MODALS
                      or c.dep_ == "mark" and c.lower_ in ("if", "unless")
                      for c in trigger.children)
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ == "be" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        is_irrealis = True  # "She is to be tried separately": not yet
    clause = trigger.head if syntax.is_subject(trigger) else trigger
    if clause is not trigger and trigger.pos_ == "NOUN" and any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in clause.children):
        is_irrealis = True  # "a hearing will be held on 20 October": not yet
    if any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in clause.children) and \
            clause.tag_ in ("VBZ", "VBP", "VB", "VBN") and not any(
                c.tag_ == "VBD" for c in clause.children if c.dep_ in ("aux", "auxpass")):
        is_irrealis = True  # "where he will remain until his appeal is heard"
    current = trigger
    ending = False
    for _ in range(6):
        head = current.head
        if current.dep_ == "relcl":
            break  # "Hüseynova, who is serving four years, was not among those pardoned"
        if current.dep_ in ("ccomp", "advcl", "xcomp", "acl", "pcomp") and any(
                c.dep_ == "advmod" and c.lower_ in ("where", "why", "how")
                for c in current.children):
            break  # "did not know where he was held", "did not say why he was detained":
            # what the question is about happened
        if head.i == current.i or head.lemma_ in REPORTING_VERBS and current.dep_ not in (
                "dobj", "dative"):  # "never wrote a request for a pardon" reports nothing
            if head.lemma_ == "deny" and (current.dep_ == "ccomp" or current.dep_ == "xcomp"
                                          and current.tag_ == "VBG"):
                negated = True  # "The Penitentiary Service denied that he had been mistreated",
                # "police denied beating him"
            break
        if syntax.is_preposition(current) and head.pos_ in ("VERB", "AUX") and \
                head.lemma_ not in IRREALIS_HEADS and current.lower_ != "among" and \
                head.lemma_ not in INCLUSION_VERBS and head.lemma_ not in PHRASE_VERBS:
            # ("was not included in the amnesty"; "is not on hunger strike", "did not go on
            # hunger strike", "was never put on trial": the verb's phrase is what it says)
            break  # an adjunct: "for most of the trial he was not brought" negates "brought"
        if current != trigger and syntax.is_subject(current) and head.lemma_ not in \
                OCCURRENCE_VERBS:
            break  # "the reason for his release has not been given": the reason was not given
        # A conjunct is its own clause: "never asked for a pardon and called his removal a
        # deportation"; but negation spreads over "or": "hadn't submitted ... or signed".
        disjunct = syntax.is_conjunct(current) and any(c.lower_ in ("or", "nor")
                                                  for c in head.children)
        if syntax.is_conjunct(current) and not disjunct:
            if current.pos_ == "VERB" and not any(c.dep_ in ("aux", "auxpass", "nsubj")
                                                  for c in current.children) and any(
                    c.dep_ == "aux" and c.lower_ in MODALS for c in head.children):
                is_irrealis = True  # "should quash the verdict and release him": both asked
            current = head
            continue
        decided = head.lemma_ in APPLICATION_NOUNS and head.head.lemma_ in BAIL_DECISIONS and (
            syntax.is_direct_object(head) or syntax.is_passive_subject(head)) and \
            current.dep_ in ("acl", "relcl", "xcomp") and \
            current.lemma_ in ("move", "transfer", "release", "free", "place")
        if decided:
            # "turned down the request to move him to house arrest", "granted her request to
            # be released on bail": a request decided, no longer only asked for
            if head.head.lemma_ in BAIL_REFUSALS:
                negated = True
            break
        if head.lemma_ in IRREALIS_HEADS or head.lemma_ in IRREALIS_NOUNS:
            is_irrealis = True
        if syntax.is_preposition(current) and head.lemma_ in PHRASE_VERBS and any(
                c.dep_ == "aux" and c.lower_ in MODALS for c in head.children):
            is_irrealis = True  # "will go on trial next month": not yet
        if head.lemma_ in ENDING_VERBS:
            ending = True
        elif head.lemma_ in ("refuse", "decline", "fail", "deny", "escape", "avoid", "evade") \
                and (current == trigger or current.dep_ in ("xcomp", "ccomp")) and not ending \
                and current.dep_ != "advcl":
            negated = True  # "refused to release him"; not "refused entry to her trial", nor
            # "refused to stop the hunger strike" (it went on), nor "refusing food after she
            # was moved" (an adverbial clause tells its own event)
        decided = current == trigger and trigger.pos_ == "NOUN" and \
            syntax.is_direct_object(trigger) and head.lemma_ in DECIDING_VERBS
        if any(syntax.is_negation(c) or c.dep_ == "det" and c.lower_ == "no" or c.dep_ in (
                "nsubj", "nsubjpass") and c.lower_ in ("none", "neither", "nobody")
                for c in head.children) and current.dep_ not in ("advcl",) and not decided \
                and head.lower_ not in PLEA_WORDS:
            negated = True  # "had no record of detaining him", "neither of them asked"; not
            # "pleaded not guilty to X at the start of his trial": a plea, the trial went on
        if syntax.is_conjunct(head) and syntax.is_negated(head.head) and \
                any(c.lower_ in ("or", "nor") for c in head.head.children):
            negated = True
        current = head
    return is_irrealis, negated


LEFT_OUT_OF = re.compile(r"\b(pardon|amnesty|exchange|swap)", re.I)
LEFT_OUT_OF_MODES = {"pardon": "pardon", "exchange": "exchange", "swap": "exchange"}


def release_mode(trigger: Token) -> str | None:
    """The mode said by the trigger itself ("pardoned"), else by its own phrase ("freed in a
    prisoner exchange"), else by its sentence."""
    phrase = span_text(trigger.doc[trigger.left_edge.i: trigger.right_edge.i + 1])
    for text in (trigger.lower_, phrase, span_text(trigger.sent)):
        for mode, pattern in MODE_CUES:
            if pattern.search(text):
                return mode
    return None


# The first-person words of one who took part in what the sentence tells.
NARRATOR_WORDS = RULES.words("narrator_pronouns")


def first_person_in(sent: Span) -> bool:
    """Whether a word of ``sent`` is a first-person pronoun ("I", "my"), from the LOWER
    column read once per document."""
    return has_word(sent, FIRST_PERSON, "first_person")


def build(trigger: Token, etype: str, discourse: Discourse, published: dt.date | None,
          owners: set[int] = frozenset()) -> list[EventRecord]:
    skip = set()
    for verb in discourse.reporting_verbs(trigger.sent):
        skip.update(discourse.speaker_mentions(verb))
    # "Oleg Sentsov, freed on Saturday, said ...": the speaker's own description is about him
    described = {t.i for a in trigger.ancestors for t in [a] if a.i in skip}
    path = [trigger]  # the trigger, and for his own acts its heads up to the speaker ("who
    # was fined for holding a picket": the picket is his, told in his description)
    for a in trigger.ancestors if etype in PROTEST_ACTS else ():
        if a.i in skip:
            break
        path.append(a)
    if described and any(a.dep_ in ("acl", "relcl", "appos", "amod") for a in path):
        skip -= {i for i in skip if discourse.cluster_at.get(i) in
                 {discourse.cluster_at[d] for d in described}}
    if etype == "protest" and trigger.pos_ == "NOUN" and trigger.tag_ == "NNS" and not any(
            c.dep_ in ("det", "poss", "nummod") for c in trigger.children) and any(
            a.lower_ in ("for", "of") and syntax.is_preposition(a) for a in trigger.ancestors):
        verb = next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)
        if verb is None or verb.lemma_ not in PARTICIPATION:
            return []  # "for organizing protests": an accusation, not a protest
    if etype in ("transfer", "release") and trigger.pos_ == "VERB" and any(
            a.lemma_.lower() in BODY_WORDS for a in subjects(trigger) + syntax.objects(trigger)):
        return []  # "his body was handed over to the family": no living person moved
    if etype == "protest" and manner_of_another(trigger, owners):
        return []  # "was on hunger strike, protesting against ...": why he starved, no rally
    persons = participants(trigger, etype, discourse, skip)
    if not persons and skip and (verb := own_report(trigger, discourse)) is not None:
        # "Orlov complained of not receiving medical help": the speaker's own experience
        persons = participants(trigger, etype, discourse, skip - discourse.speaker_mentions(verb))
    if not persons and etype in COURT_STEPS:
        # "handed down the sentence after convicting X", "convicted X in a two-day trial": one
        # proceeding, whose person the step told with a verb names
        persons = next((found for step in linked_steps(trigger, etype, owners)
                        if (found := participants(step, etype, discourse, skip))), [])
    excepted = excepted_persons(trigger, discourse, skip)
    if excepted:
        # "All were freed except for A and B": A and B were not
        persons = [p for p in persons if p not in excepted] or [
            f"group:{' '.join(t.text for t in subjects(trigger)) or trigger.text}"]
    if not persons:
        return []
    is_irrealis, negated = irrealis(trigger)
    if etype == "release" and left_out_of(trigger):
        negated = True  # "He was left out of the exchange"
    if has_word(trigger.sent, NEITHER, "neither") and any(
            s.lower_ == "neither" for s in subjects(clause_verb(trigger))):
        negated = True  # "Neither was included in the pardon decree"
    if etype == "ill_treatment" and trigger.lemma_ == "use" and any(
            d.lower_ == "no" and d.dep_ == "det" for o in syntax.objects(trigger)
            for d in o.children):
        negated = True  # "officers acted lawfully and used no force against him": denied
    if etype == "charge" and trigger.head.lemma_ == "face" and trigger.dep_ == "dobj" and not \
            irrealis(trigger.head)[0]:
        is_irrealis = False  # "faced charges of smuggling": charged, unlike "faces ten years"
    if etype == "charge" and trial_awaited_on(trigger):
        is_irrealis = False  # "faces trial on charges of treason": the trial is to come, the
        # charge is laid
    if etype == "release" and trigger.lemma_ in ("bail", "parole") and (
            decision := bail_application_decision(trigger)) is not None:
        negated = decision.lemma_ in BAIL_REFUSALS or negated  # "it was rejected"
    if (etype, trigger.lemma_) in NEGATION_IS_THE_EVENT:
        # "was not given insulin", "has not been seen since"; but "was receiving all necessary
        # care" denies it
        negated = affirms(trigger) and not syntax.is_negated(trigger)
    if is_irrealis and not negated:
        return []
    discourse.victims.update(p for p in persons if not p.startswith("group:"))
    source, hedged_by_verb, speaker_verb = discourse.attribution(trigger)
    if source and speaker_verb is not None and speaker_verb not in trigger.ancestors and \
            source in {discourse.names.get(p) for p in persons}:
        source = None  # "was arrested ... over videos he posted": his own act, not his claim
    if described and any(a.dep_ in ("acl", "relcl", "appos", "amod") for a in path):
        source = None  # "Sentsov, freed on Saturday, said ...": the report's words, not his
    verb = clause_verb(trigger)  # "I never wrote a petition for pardon": the verb of "pardon"
    # (looked for only where it can matter: no source yet, a first-person word in the sentence)
    me = next((c for v in {trigger, verb} for o in [v, *syntax.objects(v)] for c in o.children
               if c.lower_ in FIRST_PERSON and (c.dep_ == "poss" and o.lemma_.lower() in
                                                SEARCH_OBJECTS or o is v and c.dep_ in (
                   "nsubj", "nsubjpass", "dobj", "poss"))), None) \
        if source is None and first_person_in(trigger.sent) else None
    # ("searched my flat" too; not "sentenced my client": the speaker's client)
    if source is None and me is not None and (own := discourse.first_person(me)) in persons:
        source = discourse.names[own]  # "In January 2023 I refused food": her own account
    elif source is None and first_person_in(trigger.sent) and (i_me := next(
            (t for t in trigger.sent if t.lower_ in NARRATOR_WORDS), None)) is not None:
        # an interview's answers: "a judge found me guilty", "They arrested him with me": told
        # by the one who says "I" (not "my husband", "my client": a relative's or a lawyer's
        # statement, the report's own voice)
        narrator = discourse.first_person(i_me)
        if narrator is not None:
            source = discourse.names[narrator]
    victim_tokens = discourse.tokens_of(persons)
    sent = trigger.sent
    said = doc_text(trigger.doc)[sent.start_char: sent.end_char].strip()  # sent.text, not rebuilt
    event = EventRecord(
        type=etype, persons=persons, negated=negated,
        hedged=hedged_by_verb or hedge_cues(trigger), attributed_to=source,
        evidence=said, sources=[TextSpan(sent.start_char, sent.end_char, said)],
        trigger=TextSpan(trigger.idx, trigger.idx + len(trigger.text), trigger.text),
    )
    if in_relative_clause(trigger):
        event.extras[RELATIVE] = True
    # "detained him on Nov. 20 and searched his flat the next day": the day before, in the
    # same sentence, is what "the next day" counts from
    anchor = sentence_day(sent, published, before=trigger.i) or discourse.anchor
    earlier = pluperfect(trigger)
    event.date = find_date(trigger, published, None, anchor)
    if etype in ("sentence", "conviction") and event.date and verdict_after_arrest(trigger, said):
        # "was arrested in July 2019 and sentenced to seven years": not the arrest's day
        head_day = find_date(trigger.head, published, None, anchor)
        if event.date == head_day and _date_of(trigger, published, head_day) is None:
            event.date = None
            event.extras[NO_DAY] = True
    served = serving(trigger)
    if served is not None:
        # "was serving a 12-year term" at the time told: the sentence was passed earlier, on
        # the date only its own words give ("a seven-year term passed in May 2021")
        event.extras[OWN_DATE] = True
        event.date = next((d for o in syntax.objects(served) for acl in o.children
                           if acl.dep_ in ("acl", "relcl")
                           and (d := _date_of(acl, published, anchor))), None) or \
            since_date(served, published)  # "has been serving a life sentence since 2014"
    if event.date is None and etype in LASTING:
        # "have been detained since September", "has been on hunger strike since May 5"
        verb = clause_verb(trigger)
        event.date = since_date(trigger, published) or (
            since_date(verb, published) if verb.lemma_ == "be" else None)
    if event.date is None:
        maker = next((c for c in trigger.children if syntax.is_active_subject(c)
                      and c.pos_ == "NOUN"), None) if trigger.pos_ == "VERB" else trigger
        if maker is not None and maker.pos_ == "NOUN":
            event.date = issued_on(maker, published, anchor)  # "the pardon, signed on ..."
    own_words_only = told_later(trigger) or judged(trigger)
    if own_words_only:
        event.extras[OWN_DATE] = True  # "detained in April and later deported": not April;
        # "In 2020 the UN found that his detention was arbitrary": not 2020
    if event.date is None and not (etype == "charge" or trigger.lemma_ in RECIPIENT_VERBS or
                                   served is not None or earlier or own_words_only):
        # a charge or a term being served is dated only by its own words: the clause's date is
        # the verdict's, or the hunger strike's
        event.date = clause_date(trigger, published, owners, anchor)
    if event.date is None and speaker_verb is not None and not earlier and served is None:
        # "..., his lawyer said on Monday": when it was told, when nothing in the clause says
        event.date = _date_of(speaker_verb, published, anchor)
        if event.date:
            event.extras[SAID_ON] = True
    event.place = find_place(trigger, etype) or (
        clause_place(trigger, owners, etype) if etype != "transfer" and not (
            syntax.is_prep_object(trigger) and trigger.head.lower_ == "since") else None)
    # (not "has been in prison since his arrest": where he is now, not where he was arrested)
    if trigger.lemma_ == "be" or trigger.lemma_ == "hold" and since_entity(trigger) is not None:
        event.place = None  # "has been in a detention centre since April", "held in Russia
        # since 2022": where held now
    event.agent = find_agent(trigger, victim_tokens, discourse)
    if etype in CHARGE_TYPES:
        event.charge = find_charge(trigger)
        if event.charge is None and trigger.pos_ == "NOUN" and any(
                c.lower_ == "same" for c in trigger.children):
            event.charge = f"same {trigger.text}"  # "who faced the same charges": read later
        if event.charge and event.place and event.place in event.charge and not \
                find_place(trigger, etype):
            event.place = None  # "charged with organising a rally in Minsk": the charge's place
        if event.charge is None and etype == "charges_dropped" and syntax.is_conjunct(trigger):
            event.charge = find_charge(trigger.head)  # "charged with X, but that charge was
            # dropped": the charge the first clause names
        if event.charge is None and etype == "charges_dropped":
            event.charge = dropped_charge(trigger)  # "dropped the charge of X against him"
    if etype in ("sentence", "conviction"):
        event.term_months, extras = find_term(trigger)
        event.extras.update(extras)
    if etype == "release":
        event.release_mode = release_mode(trigger)
        if event.release_mode is None and trigger.lemma_ == "be":
            # "was not on the list": the list of the pardon or the exchange told before
            told = LEFT_OUT_OF.findall(doc_text(trigger.doc)[:trigger.idx])
            event.release_mode = LEFT_OUT_OF_MODES.get(told[-1].lower()) if told else None
    if etype == "sentence" and trigger.pos_ == "NOUN" and trigger.lemma_ in ("arrest",
                                                                             "detention"):
        event.extras["days"] = True  # "15 days of administrative arrest": no prison term
    if etype == "sentence" and event.term_months is None and (
            trigger.lemma_ in ("fine", "fin") or trigger.lower_ in ("fined", "fines")):
        event.extras["fine"] = True  # "was also fined 150,000 rubles": a penalty of its own
    if any(c.lower_ in EARLIER_WORDS and c.dep_ == "advmod" for v in {trigger, verb}
           for c in v.children):
        event.extras["earlier"] = True  # "had earlier been jailed for three years"
    if any(c.lower_ == "also" and c.dep_ == "advmod" for c in trigger.children) and \
            trigger.pos_ == "VERB":
        event.extras[ALSO] = True  # "Also released were A and B": in the release told before
    if negated and etype in DENIALS_OWN_WORDS:
        event.extras[DENIED_OWN] = (event.date, event.place)
    if etype == "ill_treatment" and care_withheld(trigger):
        event.extras[CARE] = True  # care withheld is not the beating told beside it
    out = [event]
    each = respective_dates(sent, len(persons), published)
    if each and etype not in ("conviction", "transfer") and not any(
            p.startswith("group:") for p in persons):
        # "A and B walked free on 3 and 5 May respectively": one event each, its day
        out = [_copy(event, persons=[person], date=day) for person, day in zip(persons, each)]
        event = out[0]
    terms_each, others = [], []
    if etype == "sentence":
        terms_each = respective_terms(sent, len(persons))
        if not terms_each:
            # "A and B were sentenced (alongside him) to 15 and 13 years": in order, for the
            # persons the sentence names; one meant by a pronoun keeps his own term
            here = {discourse.cluster_at.get(t.i) for t in sent}
            named = [p for p in persons if p in here]
            terms_each = respective_terms(sent, len(named), implied=True)
            if terms_each:
                others, persons = [p for p in persons if p not in here], named
    if terms_each and not any(p.startswith("group:") for p in persons):
        # "sentenced A and B to 11 and 10 years respectively": one event each, its term
        split = [_copy(e, persons=[person], term_months=months) for e in out
                 for person, months in zip(persons, terms_each) if person in e.persons]
        if others:
            split.append(_copy(out[0], persons=others, term_months=None))
        out, event = split, split[0]
    if etype == "arrest" and not event.negated and (until := custody_end(trigger, published)):
        # "was jailed from 2014 to 2016": held, and freed when the span ends
        out.append(_copy(event, type="release", date=until, agent=None, charge=None))
    if etype == "sentence" and not event.negated and full_term_served(trigger):
        # "who had served her full five-year term": the term, and the release at its end
        out.append(_copy(event, type="release", release_mode="end_of_term", term_months=None,
                         date=None, agent=None, charge=None))
    if excepted:
        out.append(_copy(event, persons=excepted, negated=not event.negated, agent=None))
    if etype == "conviction" and event.term_months is not None:
        out.append(_copy(event, type="sentence"))
        event.term_months = None
    if etype == "appeal" and not event.negated and trigger.lemma_ in TERM_CHANGING_VERBS and \
            (months := new_term(trigger)) is not None:
        # "reduced his sentence to five years", "increased the prison term of X to 27 years":
        # a sentence passed anew, on the appeal's day, by the appeal's court
        out.append(_copy(event, type="sentence", term_months=months))
    if etype == "appeal" and not event.negated:
        # "upheld a sentence of two years imposed on X", "upheld the death sentence passed
        # last year on X": the sentence the decision names, as it was passed
        for noun, months, when in upheld_sentences(trigger, published, anchor):
            passed = _copy(event, type="sentence", agent=None, term_months=months, date=when)
            passed.trigger = TextSpan(noun.idx, noun.idx + len(noun.text), noun.text)
            passed.place = None  # where the appeal court sits, not the trial court
            passed.extras[OWN_DATE] = True  # nor the day of the appeal
            out.append(passed)
    if etype == "transfer":
        # A route "first to Simferopol, then to Krasnodar, and on to Ankara": one leg each.
        for stop in destinations(trigger)[:-1]:
            out.append(_copy(event, place=stop_text(stop)))
    return out


EXCEPT = RULES.words("exception_prepositions")
TERM_CHANGING_VERBS = RULES.words("term_changing_verbs")
BODY_HOLDS = RULES.words("held_by") | RULES.words("body_parts")


def new_term(verb: Token) -> int | None:
    """The term a decision gave: "to five years" of "reduced his sentence to five years"."""
    for prep in syntax.prepositions(verb, "to"):
        found = terms.find_terms(verb.doc[prep.i: prep.right_edge.i + 1].text)
        if found:
            return found[0].months
    return None


# Acts of protest in themselves: a participle "protesting against ..." hung on one tells why.
PROTEST_ACTS = {"hunger_strike", "protest"}


OBSERVER_NOUNS = RULES.words("observer_nouns")


def recorded(trigger: Token) -> bool:
    """An event noun that is what a record shows: "a live stream of the rally", "footage of
    the raid"."""
    head = trigger.head
    return syntax.is_prep_object(trigger) and head.lower_ == "of" and \
        head.head.lemma_.lower() in OBSERVER_NOUNS


def list_head(token: Token) -> Token:
    """ "A, B, C released in a swap": a participle hung on the last name of a list is said of
    the whole list."""
    while token.dep_ == "conj" and token.pos_ == "PROPN" and token.head.pos_ == "PROPN":
        token = token.head
    return token


FULL_WORDS = RULES.words("full_words")


def full_term_served(trigger: Token) -> bool:
    """ "who had served her full five-year term", "has served his entire sentence": the term
    over (a perfect of "serve" with a full term), unlike "is serving" or "served two years of"."""
    return trigger.lemma_ == "serve" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in trigger.children) and any(
        a.lower_ in FULL_WORDS for o in syntax.objects(trigger) for a in o.children)


def manner_of_another(trigger: Token, owners: set[int]) -> bool:
    """A participle clause that says why a protest of another kind was made: "was on hunger
    strike, protesting against ..."; not "detained while protesting" (a protest of its own)."""
    if trigger.tag_ != "VBG" or trigger.dep_ not in ("advcl", "xcomp", "acl", "conj") or any(
            c.dep_ == "mark" for c in trigger.children):
        return False
    inside = {t.i for t in trigger.subtree}
    return any(t.i in owners and t.i not in inside and PROTEST_ACTS & set(trigger_types(t))
               for t in trigger.head.subtree)


def issued_on(noun: Token, published: dt.date | None, anchor: str | None) -> str | None:
    """ "The amnesty, which the president announced in a decree on May 9": an event noun
    dated by the relative clause that tells its making."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or not any(c.lower_ in ("which", "that") for c in
                                             clause.children):
            continue
        for token in clause.subtree:
            if token.pos_ == "VERB" and (date := _date_of(token, published, anchor)):
                return date
    for clause in noun.subtree:
        # "the appeal against the forced examination, which was filed on August 15": the
        # clause of filing hung on a noun of the event noun's phrase is still the event's
        if clause.dep_ == "relcl" and clause.lemma_ in FILING_VERBS and clause.head is not noun \
                and any(c.lower_ in ("which", "that") for c in clause.children):
            return _date_of(clause, published, anchor)
    return None


FILING_VERBS = RULES.words("filing_verbs")


# "on 11 and 12 April", "on April 11 and 12", "on 3, 4 and 9 May": days of one month.
DAY_LIST = re.compile(r"\b(?P<days>\d{1,2}(?:\s*,\s*\d{1,2})*\s+and\s+\d{1,2})\s+(?P<month>[A-Z][a-z]+)"
                      r"|\b(?P<month2>[A-Z][a-z]+)\s+(?P<days2>\d{1,2}(?:\s*,\s*\d{1,2})*\s+and\s+"
                      r"\d{1,2})\b")


def respective_dates(sent: Span, count: int, published: dt.date | None) -> list[str]:
    """The days a sentence pairs "respectively" with its ``count`` persons."""
    if count < 2 or not any(t.lower_ == "respectively" for t in sent):
        return []
    match = DAY_LIST.search(sent.text)
    if match is None:
        return []
    days = re.findall(r"\d{1,2}", match.group("days") or match.group("days2"))
    month = match.group("month") or match.group("month2")
    found = [dates.resolve(f"{day} {month}", published) for day in days]
    return found if len(found) == count and all(d and len(d) == 10 for d in found) else []


NUMBER_WORDS = RULES.number_words(1, 30)
_NUMBER = r"(?:\d{1,2}(?:\.5)?|" + "|".join(NUMBER_WORDS) + r")(?:\s+and\s+a\s+half)?"
TERM_LIST = re.compile(rf"\b(?P<terms>{_NUMBER}(?:\s*,\s*{_NUMBER})*\s*,?\s+and\s+{_NUMBER})"
                       r"\s+(?P<unit>years?|months?)\b", re.I)


def respective_terms(sent: Span, count: int, implied: bool = False) -> list[int]:
    """ "sentenced A and B to 11 and 10 years respectively": the terms, in months, that a
    sentence pairs "respectively" with its ``count`` persons; ``implied``: "A and B were
    sentenced to 15 and 13 years" pairs them in order without saying so."""
    if count < 2 or not implied and not any(t.lower_ == "respectively" for t in sent):
        return []
    match = TERM_LIST.search(sent.text)
    if match is None:
        return []
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+(?!a\s+half)", match["terms"])
    unit = 12 if match["unit"].lower().startswith("year") else 1
    months = []
    for part in parts:
        number, half = re.subn(r"\s+and\s+a\s+half$", "", part.strip().lower())
        value = float(number) if number[0].isdigit() else NUMBER_WORDS.get(number)
        if value is None:
            return []
        months.append(int(round((value + 0.5 * half) * unit)))
    return months if len(months) == count else []


def custody_end(trigger: Token, published: dt.date | None) -> str | None:
    """The end of a custody told as a span: "jailed from 2014 to 2016", "held in custody from
    March 2019 until June 2020"."""
    holders = [trigger] + [o for p in syntax.prepositions(trigger, "in")
                           for o in syntax.prep_objects(p) if o.lower_ == "custody"]
    starts = [p for h in holders for p in syntax.prepositions(h, "from")]
    if not any(c.ent_type_ == "DATE" for p in starts for c in p.subtree):
        return None
    doc = trigger.doc
    ends = [t for p in starts for t in p.subtree if t.lower_ in ("to", "until", "till")] + [
        p for h in holders for p in syntax.prepositions(h, "to", "until", "till")]
    for prep in ends:
        date = next((t for t in doc[prep.i + 1: prep.i + 4] if t.ent_type_ == "DATE"), None)
        if date is None:
            year = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
            if year is not None and YEAR.fullmatch(year.text):
                return year.text  # "from 2012 to 2016", the model tagging only the first year
            continue
        ent = entity_at(date)
        text = doc[max(ent.start, prep.i + 1): ent.end].text  # "[from 2014 to] 2016"
        if not dates.is_duration(text):
            return dates.resolve(text, published)
    return None


def linked_steps(trigger: Token, etype: str, owners: set[int]) -> Iterator[Token]:
    """The court steps told with a verb that a court step told as a noun belongs to: the verbs
    it hangs from ("convicting X in a two-day [trial]"), and the verbs a clause of the verb it
    is the object of leads to ("handed down the [sentence] after convicting X"). A verb of the
    noun's own type tells the same step ("served a year of a six-year [sentence]")."""
    if trigger.pos_ != "NOUN":
        return
    verb = clause_verb(trigger)
    for token in [*trigger.ancestors][:4]:
        if token.i in owners and token.pos_ == "VERB" and other_step(token, etype):
            yield token
        if token == verb:
            break
    if not syntax.is_direct_object(trigger) or trigger.head != verb:
        return
    for token in verb.subtree:
        if token.i in owners and token.pos_ == "VERB" and token != verb and \
                token.dep_ in ("advcl", "pcomp", "conj") and \
                other_step(token, etype):
            yield token


# One step, two outcomes: "found not guilty" is read as a conviction, then unsaid.
OUTCOMES = {"conviction", "acquittal"}


def other_step(token: Token, etype: str) -> bool:
    """``token`` tells a court step other than ``etype``."""
    types = set(trigger_types(token))
    same = types | OUTCOMES if types & OUTCOMES else types
    return bool(COURT_STEPS & types) and etype not in same


def pluperfect(trigger: Token) -> bool:
    """ "On Wednesday they received confirmation she had been detained": a past perfect under
    another clause happened before that clause's time, so it does not take its date."""
    verb = clause_verb(trigger)
    return verb.dep_ in ("ccomp", "acl", "relcl", "advcl", "xcomp") and any(
        c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in verb.children)


def excepted_persons(trigger: Token, discourse: Discourse, skip: set[int]) -> list[str]:
    """The persons an event did not happen to: "were freed except for A and B", "all but A"."""
    found: list[str] = []
    heads = [trigger] + [c for c in trigger.children if syntax.is_subject(c) or
                         syntax.is_direct_object(c)]  # "released everyone except A"
    for prep in (c for h in heads for c in h.children):
        if not syntax.is_preposition(prep) or prep.lower_ not in EXCEPT:
            continue
        objects = [o for o in prep.children if syntax.is_prep_object(o)] + [
            o for p in prep.children if syntax.is_preposition(p) and p.lower_ == "for"
            for o in p.children if syntax.is_prep_object(o)]
        for obj in objects:
            found += [c for c in discourse.persons_in(obj, skip=skip) if c not in found]
    return found


def own_report(trigger: Token, discourse: Discourse) -> Token | None:
    """The reporting verb whose subject a subjectless trigger shares: "complained of being
    beaten", "said he was tortured" is not; "complained of not receiving help" is."""
    verbs = discourse.reporting_verbs(trigger.sent)
    current = trigger
    for _ in range(4):
        if syntax.subjects(current):
            return None
        head = current.head
        if current.dep_ == "pcomp" and syntax.is_preposition(head):
            head = head.head
        elif syntax.is_prep_object(current) and head.lower_ in ("of", "about") and \
                head.head.lemma_ == "complain":
            head = head.head  # "complained of beatings in custody": his own
        elif current.dep_ not in ("xcomp", "conj"):
            return None
        if head in verbs:
            return head
        current = head
    return None


def _copy(event: EventRecord, **changes) -> EventRecord:
    data = dict(event.__dict__)
    data.update(changes)
    data["sources"] = list(event.sources)
    data["extras"] = dict(event.extras)
    return EventRecord(**data)


ELLIPTIC_FINE = re.compile(r"^\W*(?:\d{1,3}\W+)?(?:(?:was|were)\s+)?(?:fined|a\s+fine)\b")
ELLIPTIC_TERM = re.compile(r"^\W*(?:\d{1,3}\W+)?(?:(?:was|were)\s+)?"  # (", 26, to 18 months")
                           r"(?:(?:sentenced|jailed|given)\s+)?"
                           r"(?:to\s+)(\d+|[a-z]+(?:-[a-z]+)?)\b(?![,.]?\d)"
                           r"(?P<half>\s+and\s+a\s+half\b)?"
                           r"(?=[\s-]*(?:[,;.)]|and\b|years?\b|months?\b|$))")


# "A got 19 years, B 17 and C 16": a bare number right after the name (no comma: "B, 47," is an
# age).
ELLIPTIC_BARE = re.compile(r"^\s+(\d{1,2}|[a-z]+(?:-[a-z]+)?)"  # "and B 13", "and blogger B eight"
                           r"(?=\s*(?:[,;.]|and\b|years?\b|months?\b|$))")


# After a term, what says whose it is: "nine years (in prison) for the director, A".
FOR_AFTER_TERM = re.compile(r"(?:\s+in\s+(?:prison|jail|a\s+\w+\s+colony))?\s+for\b")
ELLIPTIC_FOR = re.compile(r"(?:^|[,;:]|\band)\s*(\w+)(?P<half>\s+and\s+a\s+half)?\s+for\s")


def terms_before_names(text: str, mentions: list[tuple[int, int, str]]) -> dict[str, int]:
    """ "nine years for the director, A, eight and a half years for the editor, B, and seven
    for C": each name's term told before it, followed by "for"."""
    found: dict[str, int] = {}
    previous, unit = 0, 12
    for start, end, cid in mentions:
        segment, previous = text[previous:start], end
        told = terms.find_terms(segment)
        if told and FOR_AFTER_TERM.match(segment, told[-1].end):
            found[cid] = told[-1].months
            unit = 1 if "month" in segment[told[-1].start: told[-1].end] else 12
            continue
        elliptic = list(ELLIPTIC_FOR.finditer(segment))
        if elliptic and found and (value := terms.number(elliptic[-1].group(1))):
            found[cid] = int((value + (0.5 if elliptic[-1].group("half") else 0)) * unit)
    return found


# Between two names that share what follows them: "A and B to eight years", "A, B".
JOINED_NAMES = re.compile(r"\s*(?:,|and|,\s*and)\s*")


def trigger_token(doc: Doc, event: EventRecord) -> Token:
    """The token an event was read from (its trigger's span, as the parser heads it)."""
    return doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand").root


def freed_and_brought_home(found: list[EventRecord], doc: Doc) -> None:
    """ "X, who was released on 13 December, has arrived in Lithuania", "arrived in Vilnius on
    Thursday after being released": a release and the journey home told in one clause and the
    one hung on the other are one episode; the day given for either is the other's too."""
    steps = [(e, trigger_token(doc, e)) for e in found
             if e.type in ("release", "transfer") and e.trigger is not None]
    for event, here in steps:
        if event.date is not None:
            continue
        days = {e.date for e, there in steps if e.type != event.type and e.date and
                not e.negated and set(e.persons) & set(event.persons) and (
                    there in (here.head, here.head.head) or here in (there.head, there.head.head))}
        if len(days) == 1:
            event.date = days.pop()


# Between a name and its term in a clause without a verb: an age at most ("B, 24, three years").
GAPPED_TERM = re.compile(r"\s*(?:,\s*\d{1,3}\s*,)?\s*(?:to\s+)?", re.I)


def split_terms(events: list[EventRecord], discourse: Discourse) -> list[EventRecord]:
    """ "A was sentenced to 17 years, B to 15 and C to 13": one sentence event per term."""
    out = []
    for event in events:
        if event.type != "sentence" or event.trigger is None:
            out.append(event)
            continue
        doc = discourse.doc
        sent = doc.char_span(event.sources[0].start, event.sources[0].end,
                             alignment_mode="expand")
        offset = sent.start_char
        text = span_text(sent)
        mentions = [(s.start_char - offset, s.end_char - offset, s.label_)
                    for s in spans_within(doc, "habeas_persons", sent.start, sent.end)]
        assigned: dict[str, int] = {}
        unit = 12
        if len(event.persons) == 1 and event.term_months and not any(
                cid == event.persons[0] for _, _, cid in mentions):
            assigned[event.persons[0]] = event.term_months  # "sentenced him to 20 years, and
            # Kolchenko to 10": the pronoun's term first
        for n, (start, end, cid) in enumerate(mentions):
            following = mentions[n + 1][0] if n + 1 < len(mentions) else len(text)
            segment = text[end:following]
            found = terms.find_terms(segment)
            if found and cid not in event.persons and assigned and \
                    GAPPED_TERM.fullmatch(segment[:found[0].start]):
                # "A received four years, and the brothers B and C three years each": a
                # clause whose verb is left out gives its own persons their term
                event.persons = [*event.persons, cid]
            if found and cid in event.persons:
                assigned[cid] = found[0].months
                unit = 1 if "month" in segment[found[0].start:found[0].end] else 12
                continue
            match = ELLIPTIC_TERM.match(segment) or ELLIPTIC_BARE.match(segment)
            if match and assigned and (value := terms.number(match.group(1))):
                if match.groupdict().get("half"):
                    value += 0.5  # "and B to three and a half"
                assigned[cid] = int(value * unit)
            elif assigned and ELLIPTIC_FINE.match(segment):
                assigned[cid] = None  # "and Lopatina, 47, a fine of 400,000 roubles"
        for n in range(len(mentions) - 2, -1, -1):
            cid, following = mentions[n][2], mentions[n + 1][2]
            if cid not in assigned and following in assigned and \
                    JOINED_NAMES.fullmatch(text[mentions[n][1]:mentions[n + 1][0]]):
                assigned[cid] = assigned[following]  # "..., and A and B to eight years"
        before = terms_before_names(text, mentions)
        if len(before) >= 2 and len(set(before.values())) >= 2 and \
                set(before) >= set(event.persons) & {cid for _, _, cid in mentions}:
            assigned = before  # "nine years for A, eight and a half for B and seven for C"
        if len(set(assigned.values())) < 2:
            out.append(event)
            continue
        by_term: dict[int | None, list[str]] = {}
        for cid, months in assigned.items():
            by_term.setdefault(months, []).append(cid)  # equal terms: one event for all
        for months, persons in by_term.items():
            out.append(_copy(event, persons=persons, term_months=months))
    return out


def equal_terms(events: list[EventRecord]) -> list[EventRecord]:
    """ "A got 3.5 years, and B 3.5 years": one sentence told the same term for both, one event
    for both."""
    out: list[EventRecord] = []
    for event in events:
        same = next((e for e in out if e.type == "sentence" == event.type and e.term_months
                     and e.term_months == event.term_months and e.negated == event.negated
                     and e.date == event.date), None)
        if same is None:
            out.append(event)
        elif is_group(same) != is_group(event):
            # the same sentence told of a group phrase and of the names in it: the names
            if is_group(same):
                out[out.index(same)] = event
        else:
            same.persons.extend(p for p in event.persons if p not in same.persons)
    return out


def is_group(event: EventRecord) -> bool:
    return bool(event.persons) and event.persons[0].startswith("group:")


# ----------------------------------------------------------------- merging

# Types a person goes through once in a report: "freed on Saturday" in the lead and "Sentsov and
# 34 others were exchanged" below are one release, told of one and then of all.
ONCE_PER_REPORT = {"release"}
# Types a person goes through once in a life: "died on March 17 ... the family was told of his
# death two weeks later" is one death, whatever day its second telling seems to give it.
ONCE_IN_LIFE = {"death_in_custody"}


# How far apart an approximate term ("nearly 14 years") and an exact one may be and be one.
APPROXIMATE_MONTHS = 12


EARLIER_WORDS = RULES.words("earlier_words")


def compatible(a: EventRecord, b: EventRecord) -> bool:
    if a.type != b.type or a.negated != b.negated or a.extras.get(CARE) != b.extras.get(CARE) or \
            a.extras.get("earlier") != b.extras.get("earlier") or \
            a.extras.get("days") and b.term_months or b.extras.get("days") and a.term_months:
        return False  # (nor days of administrative arrest and a prison term)
    if penalties_apart(a, b):
        return False  # "sentenced to 4.5 years ... He was also fined 150,000 rubles"
    same = set(a.persons) == set(b.persons)
    if same and a.type in ONCE_IN_LIFE and not is_group(a):
        return True
    nested = set(a.persons) <= set(b.persons) or set(b.persons) <= set(a.persons)
    if not same and not (nested and (a.type in ONCE_PER_REPORT or told_again(a) or
                                     told_again(b) or facing(a) or facing(b))):
        return False
    for name in ("term_months", "release_mode", "place"):
        x, y = getattr(a, name), getattr(b, name)
        if x is not None and y is not None and x != y:
            if name == "release_mode" and "negotiated" in (x, y):
                continue
            if name == "term_months" and (a.extras.get("approximate") or b.extras.get(
                    "approximate")) and abs(x - y) < APPROXIMATE_MONTHS:
                continue  # "nearly 14 years" in the headline, "13 years, 9 months" below
            if name == "place" and within(x, y):
                continue  # "Rostov" and "a detention centre in Rostov-on-Don"
            if name == "place" and (place_words(x) | place_words(y)) & CUSTODY_ROOMS:
                continue  # "moved to another colony" and, in his words, "to an isolation
                # cell" there: a room is within whatever building the other names
            return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if a.type == "arrest" and a.agent and b.agent and is_court(a.agent) != is_court(b.agent) \
            and not {fold(a.agent), fold(b.agent)} & countries():
        return False  # police detain, then a court remands: two steps of custody
    return True


def facing(event: EventRecord) -> bool:
    """ "X faces up to ten years in prison": the charge told before, of X and others, with the
    term it carries."""
    return event.type == "charge" and event.trigger is not None and \
        event.trigger.text.lower() in ("face", "faces", "faced", "facing")


def not_yet_sentenced(events: list[EventRecord]) -> list[EventRecord]:
    """ "X was found guilty ... X faces up to 20 years in prison": after a verdict the term he
    faces is the sentence to come, not a charge."""
    convicted = {p for e in events if e.type in ("conviction", "sentence") and not e.negated
                 for p in e.persons}
    return [e for e in events if not (facing(e) and set(e.persons) <= convicted)]


def told_again(event: EventRecord) -> bool:
    """ "The searches took place at the flats of A, B and C": a definite noun tells again
    an event told before, whoever the parser kept of its persons."""
    if event.trigger is None or event.trigger.text.lower() not in EPISODE_NOUNS:
        return False
    source = event.sources[0]
    before = source.text[:event.trigger.start - source.start].split()
    return bool(before) and before[-1].lower() in ("the", "these", "those")


def within(a: str, b: str) -> bool:
    """One place names the other's town: "Rostov" in "a detention centre in Rostov-on-Don";
    or its words: "FSB directorate" in "the FSB's directorate in Crimea"."""
    x, y = a.lower(), b.lower()
    if re.search(rf"\b{re.escape(x)}\b", y) or re.search(rf"\b{re.escape(y)}\b", x):
        return True
    words_x, words_y = place_words(x), place_words(y)
    return bool(words_x and words_y) and (words_x <= words_y or words_y <= words_x)


def place_words(place: str) -> set[str]:
    return {w for w in re.findall(r"\w+", re.sub(r"['’]s\b", "", place))
            if w not in ("the", "a", "an", "of", "in")}


STATED = ("date", "place", "agent", "charge", "term_months")


def stated(event: EventRecord) -> int:
    """How fully a telling states its event: the arguments it names."""
    return sum(getattr(event, name) is not None for name in STATED)


def merge(events: list[EventRecord]) -> list[EventRecord]:
    """The same event told twice in one article is one event with two sources."""
    merged: list[EventRecord] = []
    fullest: dict[int, tuple[int, int]] = {}  # event -> its fullest telling's persons, arguments
    from_headline: set[int] = set()
    headline_told: set[int] = set()
    for event in events:
        target = next((m for m in merged if compatible(m, event)), None)
        if target is None:
            merged.append(event)
            if event.sources[0].start == 0 and not event.sources[0].text.rstrip().endswith(
                    (".", "!", "?", '"', "”")):
                from_headline.add(id(event))  # a headline; not a lead that opens the page
                headline_told.add(id(event))
            continue
        # "serving a three-year sentence for X" told before the verdict itself: the verdict's
        # own telling says what it was for
        served_first = target.extras.get(OWN_DATE) and not event.extras.get(OWN_DATE)
        fullest.setdefault(id(target), (len(target.persons), stated(target)))
        for name in STATED:
            if getattr(event, name) is not None and (
                    getattr(target, name) is None or served_first and name == "charge"):
                setattr(target, name, getattr(event, name))
        if target.extras.get("approximate") and event.term_months is not None and \
                not event.extras.get("approximate"):
            target.term_months = event.term_months  # the exact term over "nearly 14 years"
            target.extras.pop("approximate")
            event.extras.pop("approximate", None)
        if target.type in COURT_STEPS and target.agent and fold(target.agent) in countries() \
                and is_court(event.agent):
            target.agent = event.agent  # "Egypt jails X", then the court that sentenced him
        if target.place and event.place and len(event.place) > len(target.place) and not \
                place_words(event.place.lower()) & CUSTODY_ROOMS:
            target.place = event.place  # the fuller of two names of one place (the building
            # over a room in it)
        if target.attributed_to is None and event.attributed_to and target.hedged:
            target.attributed_to = event.attributed_to  # told in the report's voice wins
        elif len(event.persons) >= fullest[id(target)][0] and (
                stated(event) > fullest[id(target)][1] or target.attributed_to is None and
                event.attributed_to and not target.negated and
                stated(event) == fullest[id(target)][1]):
            # the telling that states the event most fully is its evidence (FORMAT), and
            # whoever told it is the source: "X was jailed" in the lead, then the verdict with
            # its day, court, charge and term "according to BAJ"; not a telling of fewer of
            # its persons ("A, B and C released in swap", then "A and B were released by
            # Russia, Biden confirmed"); a source's telling as full as the report's own voice
            # says whose it is ("X was freed on Friday", then "..., according to the agency"),
            # but a denial stays the report's
            target.attributed_to = event.attributed_to
            fullest[id(target)] = (len(event.persons), stated(event))
        target.persons.extend(p for p in event.persons if p not in target.persons)
        if id(target) in headline_told:
            # the body's telling is the evidence (FORMAT: a headline repeats the body), and
            # its sentence's arguments are shared with it
            target.sources.insert(0, event.sources[0])
            target.evidence, target.trigger = event.evidence, event.trigger
            headline_told.discard(id(target))
        if id(target) in from_headline and event.attributed_to:
            # A headline's "Diaspora leader says ..." yields to the body's first named source.
            target.attributed_to = event.attributed_to
            from_headline.discard(id(target))
        if event.date and target.date and len(event.date) > len(target.date):
            target.date = event.date
        if event.date and target.extras.get(SAID_ON) and not event.extras.get(SAID_ON):
            target.date = event.date  # "died, his family said Tuesday", then "died on June 6"
            target.extras.pop(SAID_ON)
        if event.release_mode and (target.release_mode in (None, "negotiated")):
            target.release_mode = event.release_mode if target.release_mode is None or \
                event.release_mode != "negotiated" else target.release_mode
        if not facing(event):  # "faces up to ten years": the term, not the charge's truth
            target.hedged = target.hedged and event.hedged if target.sources[0].start != \
                event.sources[0].start else target.hedged or event.hedged
        if all(s.start != event.sources[0].start for s in target.sources):
            target.sources.extend(event.sources)
        target.extras.update(event.extras)
    return merged
