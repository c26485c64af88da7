"""Arguments a sentence or an article gives once for several events.

"On Wednesday a court in Minsk found them guilty and sentenced them to ten years": the date and
place belong to both the conviction and the sentence. A DATE or place attached to no other
trigger belongs to the triggers of its clause. Within an article, a charge stated for one step
of a case (charge, trial, conviction, sentence, appeal) is the charge of the other steps of the
same persons that state none.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from ..model import EventRecord
from . import dates, terms
from .lang.en import RULES, syntax
from .lexicon import NOT_NAME_WORDS, REPORTING_VERBS, countries, fold
from .spans import entity_text, sentence_ents

PLACE_PREPOSITIONS = RULES.words("place_prepositions")
# The steps of one case: a charge stated for one is the charge of the others.
CASE_STEPS = ("charge", "trial", "conviction", "sentence", "appeal", "acquittal", "arrest")
# The steps that state what a person is accused of: a hearing or an appeal is of the case, and
# reports rarely repeat the charge for it.
CHARGED_STEPS = ("charge", "conviction", "sentence", "acquittal")
SHARED_IN_SENTENCE = ("date", "place", "agent", "charge")
# Event types told in one sentence that happen in one place: "found guilty and sentenced" (the
# court), "searched and detained" (the home); not "arrested in Dzhankoi and sentenced".
SAME_PLACE = [{"conviction", "sentence", "acquittal", "trial"}, {"search", "arrest", "abduction"},
              {"release", "acquittal", "charges_dropped"}, {"protest", "arrest"}]


# A mark (removed before output) on an event dated only by its own words: a term being served
# ("was serving a 12-year term" at the time told) was passed on another day than the report's.
OWN_DATE = "_own_date"
# A mark (removed before output) on an event told in a relative clause that describes a person
# ("X, who was arrested in 2021, was pardoned"): it has no date of the main clause's.
RELATIVE = "_relative"
# A mark (removed before output) on a verdict whose words tell it was passed on a day the
# report does not give ("arrested in July 2019 and sentenced to seven years"): no day of the
# report's one verdict is lent to it.
NO_DAY = "_no_day"
# A mark (removed before output) on an event dated only by when it was told ("has died in
# custody, his family said Tuesday"): another telling's own day for it comes first.
SAID_ON = "_said_on"


def same_place(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in SAME_PLACE)


def owner(token: Token, owners: set[int]) -> int | None:
    """The nearest trigger above ``token`` in the parse, if any; -1 when a clause of its own
    (a relative or adverbial clause) comes first: "statements he made in March 2015"."""
    current = token
    for ancestor in token.ancestors:
        if current.dep_ in ("relcl", "acl", "advcl", "ccomp") and current.pos_ in ("VERB", "AUX") \
                and current.i not in owners:
            return -1
        if current.dep_ == "appos" and current.i != token.i and "DATE" not in (
                current.ent_type_, current.head.ent_type_) and current.i not in owners:
            return -1  # "X, a key figure of the 2014 protests": who he is
        if ancestor.i in owners:
            return ancestor.i
        current = ancestor
    return None


def _candidates(trigger: Token, owners: set[int], labels: tuple[str, ...]) -> list[Span]:
    found = []
    # "Viasna, whose founder is serving ten years, counts 1,200 prisoners in Belarus": an
    # event told in a relative clause takes nothing from the clause it describes, but the
    # day or place it hangs on ("on March 14, when officers searched", "in Brest, where")
    relative = next((a for a in [trigger, *trigger.ancestors] if a.dep_ == "relcl"), None)
    for ent in sentence_ents(trigger.sent):
        if ent.label_ not in labels and not ("GPE" in labels and named_settlement(ent)) or \
                relative is not None and not (
                relative.left_edge.i <= ent.root.i <= relative.right_edge.i or
                ent.start <= relative.head.i < ent.end):  # "on March 14, when officers ..."
            continue
        own = owner(ent.root, owners)
        said = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if said is not None and said.lemma_ in ARRIVAL_VERBS and said.i != trigger.i and \
                "DATE" not in labels:
            continue  # "arrived in Vilnius after being released": where he went, not where
            # he was freed
        if said is not None and said.lemma_ in REPORTING_VERBS and said.i not in owners:
            continue  # "At a press conference in Bonn, Yashin said ...": where it was said
        if own is None or own == trigger.i:
            found.append(ent)
    return sorted(found, key=lambda e: abs(e.start - trigger.i))


SETTLEMENTS = RULES.words("settlement_nouns")


def named_settlement(ent: Span) -> bool:
    """ "in the village of Strogonovka": what a village, town or city "of" names is a place,
    whatever label the model gave it."""
    head = ent.root.head
    return syntax.is_prep_object(ent.root) and head.lower_ == "of" and \
        head.head.lemma_.lower() in SETTLEMENTS and ent.label_ in ("ORG", "PERSON", "NORP", "FAC")


def clause_date(trigger: Token, published: dt.date | None, owners: set[int],
                anchor: str | None = None) -> str | None:
    for ent in _candidates(trigger, owners, ("DATE",)):
        if dates.is_duration(ent.text) and not dates.ANCHORED.search(ent.text) or \
                ent.text.isdigit() and len(ent.text) < 4:
            continue
        if any(t.lower_ in ("born", "since", "until", "for", "before", "after") for t in
               ent.root.ancestors if t.i >= ent.start - 2):
            continue  # a bound: "born 1983", "since 2014"
        value = dates.resolve(ent.text, published, anchor)
        if value:
            return value
    return None


NOT_PLACES = RULES.words("not_places")
ARRIVAL_VERBS = RULES.words("arrival_verbs")


# Verbs whose subject undergoes them ("Ukrainian journalist X died in captivity").
UNDERGONE = RULES.words("undergone_verbs")


def clause_place(trigger: Token, owners: set[int], etype: str = "") -> str | None:
    """A place in the trigger's clause: "in Minsk", "in the village of Kamenka", or the seat
    of the court that acts ("the Lieninski District Court of Minsk sentenced")."""
    heads = [c for c in trigger.children if syntax.is_active_subject(c)] + syntax.agents(trigger)
    # Places inside the acting body's name ("the District Court of Minsk"), not the body itself
    # ("Russia has released").
    agents = {t.i for h in heads for t in h.subtree if t.i != h.i and not any(
        syntax.is_conjunct(a) for a in [t, *t.ancestors] if h in a.ancestors)}  # not "Russia and
    # Belarus freed them"
    # "A leading figure in the Pamiri community ... was sentenced": who the person is
    described = {t.i for c in trigger.children if c.dep_ == "nsubjpass" or c.dep_ == "nsubj"
                 and trigger.lemma_ in UNDERGONE for t in c.subtree if t.i != c.i}
    for ent in _candidates(trigger, owners, ("GPE", "LOC", "FAC")):
        if ent.root.i in described:
            continue
        if ent.text.lower() in NOT_PLACES or dates.resolve(ent.text, None) or any(
                t.lemma_.lower() in COURTS for t in ent):
            continue  # "at the Vasileostrovsky District Court": the court acts, it is no place
        if ent.root.i in agents and fold(entity_text(ent)) in countries():
            continue  # "the Supreme Court of Russia": a country is too wide to be a court's seat
        if fold(ent.text) in NOT_NAME_WORDS:
            continue  # "Kyrgyz authorities": who they are, no place
        if ent.root.i in agents or _under_place_preposition(ent.root):
            building = ent.root.head
            if ent.root.dep_ in ("compound", "nmod", "amod") and \
                    building.lemma_.lower() in FACILITIES and ent.root.i not in agents:
                return facility(trigger, owners) or ent.text  # "the Navapolatsk penal colony"
            return entity_text(ent)
    if etype in ("sentence", "conviction"):
        return None  # "six years in a general-regime colony": where the term is served
    found = facility(trigger, owners, unnamed=etype in UNNAMED_OK)
    if found and etype in COURT_STEPS and set(found.lower().split()) & COURTS:
        return None  # "her trial at the Vasileostrovsky District Court": the court is the agent
    return found


COURTS = RULES.words("courts")
FACILITIES = RULES.words("facilities")


# Events that happen in a building whether or not it is named: "detained at a checkpoint",
# "worsened in the detention centre".
UNNAMED_OK = {"arrest", "ill_treatment", "hunger_strike", "death_in_custody", "abduction"}


def facility(trigger: Token, owners: set[int], unnamed: bool = False) -> str | None:
    for token in trigger.sent:
        if token.lemma_.lower() not in FACILITIES or not syntax.is_prep_object(token) or \
                token.head.lower_ not in PLACE_PREPOSITIONS:
            continue
        named = [t for t in token.subtree if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "FAC")]
        # "began a hunger strike in the penal colony": a building on the verb that carries
        # the trigger is the trigger's too
        own = owner(token, owners) == trigger.i or trigger.pos_ == "NOUN" and \
            carrier(token) == carrier(trigger) and owner(token, owners) in (None, -1)
        if owner(token, owners) not in (None, trigger.i) and not own or \
                not named and not (unnamed and own):
            continue
        words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl") and
                 not any(a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i in
                         {x.i for x in token.subtree} and a != token)]
        start = min(t.i for t in words)
        end = max(t.i for t in words) + 1
        doc = trigger.doc
        while start < end and doc[start].dep_ in ("det", "poss", "case"):
            start += 1
        return doc[start:end].text
    return None


def carrier(noun: Token) -> Token:
    """The verb a noun trigger hangs from ("gone" of "gone on hunger strike")."""
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _under_place_preposition(token: Token) -> bool:
    current = token
    while current.dep_ in ("pobj", "compound", "appos", "nmod", "prep") and \
            current.head.i != current.i:
        head = current.head
        if syntax.is_preposition(head) or syntax.is_prep_object(current):
            preposition = head if syntax.is_prep_object(current) else current
            if preposition.lower_ in PLACE_PREPOSITIONS:
                return True
            if preposition.lower_ != "of":
                return False
        current = head
    return False


# Events of one episode told across sentences: a verdict (conviction, sentence, acquittal, and
# the hearing it closed) has one date, place and court; a raid or a rally (search, arrest,
# protest, beating) told in adjacent sentences has one date and place.
VERDICT = {"conviction", "sentence", "acquittal"}
HEARING_DISTANCE = 2   # sentences between a hearing and its verdict
RAID = {"search", "arrest"}
RAID_DISTANCE = 1
# How far after the raid or arrest a transfer told without a day of its own is of that day:
# "... detained four men on Aug. 20 after searching their homes. [a sentence of who they are]
# All four were taken to the FSB building in Simferopol."
TRANSFER_DISTANCE = 2


def _donates(event: EventRecord, donor: EventRecord, name: str, distance: int) -> bool:
    if event.type in VERDICT and donor.type in VERDICT:
        return True
    if event.type in VERDICT and donor.type == "trial":
        # the day of a hearing, not "the trial began in March 2023"
        return distance <= HEARING_DISTANCE and (name != "date" or len(donor.date or "") == 10)
    if event.type == "trial" and donor.type in VERDICT:
        # a trial runs over days ("convicted after a two-day trial"): the verdict's day is
        # not its date; a hearing or session is one day
        return distance <= HEARING_DISTANCE and (name != "date" or _one_sitting(event))
    if name == "date" and event.type == donor.type == "arrest" and \
            is_court(event.agent) != is_court(donor.agent):
        return False  # the police's detention and the court's remand: each its own day
    if event.type == "transfer" and donor.type in RAID:
        # "Officers searched his house and took him to the FSB building": that day
        return name == "date" and distance <= TRANSFER_DISTANCE
    return event.type in RAID and donor.type in RAID and distance <= RAID_DISTANCE and \
        name != "agent"


TRIAL_WORDS = {"trial", "trials", "tried"}


def _one_sitting(event: EventRecord) -> bool:
    return event.trigger is None or event.trigger.text.lower() not in TRIAL_WORDS


# extras key: the event is told as one more of the same ("Also released were A and B").
ALSO = "also"
ALSO_DISTANCE = 2


def share_episodes(events: list[EventRecord], sentence_of: dict[int, int]) -> None:
    def index(e: EventRecord) -> int:
        return sentence_of.get(e.sources[0].start, 0)

    for event in events:
        if not event.extras.get(ALSO) or event.date or event.agent:
            continue  # not "Also on March 8, police arrested X": a day and a doer of its own
        # "A was freed on 28 June in an exchange. Also released were B and C": that release
        donor = next((d for d in reversed(events) if d is not event and d.type == event.type
                      and not d.negated and 0 <= index(event) - index(d) <= ALSO_DISTANCE
                      and index(d) < index(event)), None)
        if donor is not None:
            for name in ("date", "place", "agent", "release_mode"):
                if getattr(event, name) is None and getattr(donor, name) is not None:
                    setattr(event, name, getattr(donor, name))

    for event in events:
        if event.date and event.type in VERDICT:
            # "In early September she was sentenced", "On September 6 the court passed a
            # guilty verdict": one verdict, told to the day once
            finer = [d.date for d in events if d is not event and d.type in VERDICT and d.date
                     and len(d.date) > len(event.date) and d.date.startswith(event.date)
                     and set(d.persons) & set(event.persons)
                     and d.extras.get("earlier") == event.extras.get("earlier")]
            if finer and not event.extras.get(OWN_DATE):
                event.date = finer[0]
        for name in ("date", "place", "agent"):
            if getattr(event, name) is not None:
                continue
            for donor in events:
                if donor is event or getattr(donor, name) is None or \
                        not set(donor.persons) & set(event.persons) or \
                        donor.extras.get("earlier") != event.extras.get("earlier") or \
                        name == "date" and event.extras.get(OWN_DATE) or \
                        another_verdict(donor, event) and (bool(donor.extras.get("days")) != \
                        bool(event.extras.get("days")) or bool(donor.extras.get("fine")) !=
                        bool(event.extras.get("fine"))):
                    continue  # not to "had previously been jailed" from today's verdict, nor
                    # between days of administrative arrest and a prison term
                if _donates(event, donor, name, abs(index(donor) - index(event))):
                    setattr(event, name, getattr(donor, name))
                    break


# Steps told as part of one sitting or one raid, by the words of their sentence: (the steps, the
# words, the steps whose one day they take). "released in the courtroom", "After the verdict, X
# was taken back to" (the verdict's day); "while they searched her apartment", "in the minibus"
# (the raid's); a family that learns nothing of where he is (since his detention).
EPISODE_DAYS = (
    (("release", "arrest", "transfer"), RULES.pattern("at_the_verdict"), VERDICT),
    (("ill_treatment",), RULES.pattern("at_the_raid"), RAID),
    (("abduction",), RULES.pattern("unknown_whereabouts"), RAID),
)


def share_episode_days(events: list[EventRecord]) -> None:
    """An undated step told as part of a sitting or a raid is of the day the report gives the
    person's verdict, or search and detention, when it gives that one day."""
    for kinds, words, donors in EPISODE_DAYS:
        for event in events:
            if event.date or event.type not in kinds or event.extras.get(OWN_DATE) or \
                    not words.search(event.evidence or ""):
                continue
            days = {d.date for d in events if d.type in donors and d.date and not d.negated
                    and set(d.persons) & set(event.persons)}
            if len(days) == 1:
                event.date = days.pop()


# What happens to a prisoner inside happens where he is held: the colony a report placed him in.
INSIDE = {"hunger_strike", "ill_treatment", "death_in_custody"}
# Places one is taken through, not held in.
PASSAGES = RULES.words("passage_places")


def share_custody_place(events: list[EventRecord], sentence_of: dict[int, int]) -> None:
    def told(e: EventRecord) -> tuple[int, int, int]:
        # "moved to a colony in Yakutsk and later to ... Labytnangi": the last stop told last
        return (sentence_of.get(e.sources[0].start, 0), e.trigger.start if e.trigger else 0,
                e.sources[0].text.find(e.place) if e.place else -1)

    ordered = sorted(events, key=told)
    held: dict[str, str] = {}
    for event in ordered:
        if event.type in INSIDE and event.place is None:
            places = [held[p] for p in event.persons if p in held]
            if places:
                event.place = places[0]
        if event.place and (event.type == "transfer" or any(
                word in event.place.lower().split() for word in FACILITIES)) and not any(
                word in event.place.lower().split() for word in PASSAGES):
            for person in event.persons:
                held[person] = event.place  # (not "detained at Dushanbe airport": passed
                # through, held elsewhere)


def distribute_summaries(events: list[EventRecord]) -> list[EventRecord]:
    """ "Sentences for five men" then each man's term: the summary's date, place and court go
    to each man's sentence, and the summary itself is not counted again."""
    out = []
    for event in events:
        same = [e for e in events if e is not event and e.type == event.type
                and e.negated == event.negated and len(e.persons) < len(event.persons)
                and set(e.persons) <= set(event.persons)]
        covered = {p for e in same for p in e.persons}
        if len(event.persons) > 1 and covered >= set(event.persons) and \
                event.term_months is None:
            for specific in same:
                for name in ("date", "place", "agent", "charge", "attributed_to"):
                    if getattr(specific, name) is None and getattr(event, name) is not None:
                        setattr(specific, name, getattr(event, name))
                specific.sources.extend(s for s in event.sources if s not in specific.sources)
            continue
        out.append(event)
    return out


# The steps a court takes: without a court named in their sentence, the court the article named
# last before them is theirs; a step told of a country ("Egypt jails X") the first court after.
COURT_STEPS = {"trial", "conviction", "sentence", "acquittal", "appeal"}


def one_court(events: list[EventRecord]) -> None:
    """ "A court in Tunis has jailed ... Trabelsi received eight years ... The trial of the four
    lasted two hearings": the one court a report names by a description (no name the model
    tags) for its verdicts decided the steps of that case it tells without one, later in the
    report."""
    steps = [e for e in events if e.type in COURT_STEPS - {"appeal"} and not e.negated and
             not e.extras.get("earlier")]
    named = [e for e in steps if is_court(e.agent)]
    if len({e.agent.lower() for e in named}) != 1:
        return
    first = min(e.sources[0].start for e in named)
    # Its case: the persons of its verdicts and whoever a court step tells with them ("The trial
    # of the four"), not a man another court sentenced in a case of his own
    case = {p for e in named for p in e.persons}
    case |= {p for e in steps if set(e.persons) & case for p in e.persons}
    for event in steps:
        if event.agent is None and event.sources[0].start > first and \
                not event.extras.get(OWN_DATE) and set(event.persons) & case:
            event.agent = named[0].agent


def share_court(events: list[EventRecord], courts: list[tuple[int, str]],
                court_dates: list[tuple[int, str, set[str]]] = ()) -> None:
    """A court report dates its hearing once ("On 18 April 2023 the court delivered its
    verdict"): the court's steps told without a date happened that day."""
    for event in events:
        if event.date is not None or event.type not in COURT_STEPS | {"charges_dropped"} or \
                event.extras.get("earlier") or event.extras.get(OWN_DATE) or \
                not _one_sitting(event):
            continue
        start = event.sources[0].start
        before = [(date, named) for at, date, named in court_dates if at <= start]
        # The hearing's defendants, or a sentence naming no one (the court's own report)
        if before and (not before[-1][1] or before[-1][1] & set(event.persons)):
            event.date = before[-1][0]
    if not courts:
        return
    # A court that decided an appeal did not pass the sentence it ruled on: the appeals take
    # their court first, and a court of appeal or a supreme court one took is not the verdict's
    # ("The Supreme Court began hearing the appeals of 22 people ... On January 31, X was found
    # guilty": not by the Supreme Court).
    appellate = {e.agent for e in events if e.type == "appeal" and e.agent}
    for appeals in (True, False):
        # a court of appeal an appeal took, and the higher courts of the report with it (one
        # court named twice: "the Supreme Court", "the Judicial Board ... of the Supreme Court")
        higher = not appeals and any(e.type == "appeal" and e.agent and
                                     HIGHER_COURT.search(e.agent) for e in events)
        for event in events:
            if (event.type == "appeal") != appeals:
                continue
            # "Egypt jails activist": the court the report names is who sentenced him
            generic = event.agent is not None and (
                event.agent.lower() in ("court", "the court") or fold(event.agent) in countries())
            if event.agent is not None and not generic or event.type not in COURT_STEPS or \
                    event.extras.get("earlier") or event.extras.get(OWN_DATE):
                continue
            start = event.sources[0].start
            named = [(at, name) for at, name in courts if event.type == "appeal" or
                     name not in appellate and not (higher and HIGHER_COURT.search(name))]
            before = [name for at, name in named if at <= start]
            # "Egypt jails X ... the sentencing at the Y Court": a country's or a bare court's
            # step is the court the report names, before or after
            after = [name for at, name in named if at > start] if generic else []
            if before or after:
                event.agent = before[-1] if before else after[0]


OTHER_CASE = RULES.pattern("other_case")
HIGHER_COURT = RULES.pattern("higher_court")


def share_arguments(events: list[EventRecord], sentence_of: dict[int, int] | None = None,
                    courts: list[tuple[int, str]] = (),
                    court_dates: list[tuple[int, str, set[str]]] = (),
                    told_places: frozenset[str] = frozenset()) -> list[EventRecord]:
    events = distribute_summaries(events)
    by_sentence: dict[int, list[EventRecord]] = {}
    for event in events:
        by_sentence.setdefault(event.sources[0].start, []).append(event)
    for group in by_sentence.values():
        for name in SHARED_IN_SENTENCE:
            for event in group:
                if getattr(event, name) is not None or event.type == "transfer" and name == "place" \
                        or name == "date" and event.extras.get(OWN_DATE) or \
                        name == "charge" and event.negated:
                    continue
                case_only = name in ("charge", "agent")
                donors = [e for e in group if e is not event and getattr(e, name) is not None
                          and set(e.persons) & set(event.persons) and e.type != "transfer"
                          and not across_semicolon(e, event) and not across_contrast(e, event)
                          and (name != "place" or same_place(e.type, event.type))
                          and not (name == "date" and event.extras.get(RELATIVE) and
                                   not e.extras.get(RELATIVE))
                          and not (name in ("date", "agent") and e.extras.get(RELATIVE) and
                                   not event.extras.get(RELATIVE) and e.type in VERDICT | RAID
                                   and event.type in ("release", "transfer"))  # "X, whom a
                          # court had sentenced in 2024, returned home": not its day or doer
                          and not (name == "date" and event.type in VERDICT and
                                   e.type in RAID)  # "found guilty of X, a charge he has
                          # denied since his arrest in March 2021": not the verdict's day
                          and (not case_only or e.type in CASE_STEPS)
                          and not (name == "agent" and (e.type == "appeal") !=
                                   (event.type == "appeal"))  # the appeal court decided
                          # the appeal, not the verdict it upheld
                          and not (name == "agent" and event.type in ("charge", *RAID) and
                                   is_court(e.agent))  # a court tries, it does not charge
                          # or raid ("arrested in a raid and sentenced by the X Court")
                          and not (name == "date" and event.type == "trial" and
                                   e.type in VERDICT and not _one_sitting(event))
                          and not (name == "date" and event.type == "appeal" and
                                   e.type in VERDICT)]  # the verdict upheld was passed
                          # before the appeal decided on it
                receives = (event.type in CHARGED_STEPS if name == "charge" else
                            event.type in CASE_STEPS or event.type == "release" and
                            not term_over(event))  # no court frees one whose term is over
                if donors and (not case_only or receives):
                    setattr(event, name, getattr(donors[0], name))
    # the verdicts' own values, before any is lent from a charge or an arrest
    told = {name: {getattr(e, name) for e in events if getattr(e, name) and e.type in VERDICT}
            for name in ("charge", "date")}
    for event in events:
        if event.charge is None and event.type in CHARGED_STEPS and \
                not event.extras.get("earlier") and not event.negated:
            # (not "freed without charge": no charge was brought, none is borrowed)
            # the case's steps first; an arrest "on charges of X" where nothing else says
            donors = sorted((e for e in events if e.charge and e.type in CASE_STEPS
                             and set(e.persons) & set(event.persons)
                             and not e.extras.get("earlier") and not another_verdict(e, event)),
                            key=lambda e: e.type == "arrest")
            donor = donors[0] if donors else None
            if donor is not None:
                event.charge = donor.charge
    # One case in the report ("A fourth defendant ... was convicted in absentia"): a verdict with
    # no charge of its own takes the one charge the report gives its co-defendants' verdicts.
    # Not a verdict told as another case's ("sentenced his colleague X in a separate case"),
    # nor a term someone is serving ("His wife is herself serving an eight-year sentence").
    for name in ("charge", "date"):
        values = told[name]
        if len(values) == 1:
            for event in events:
                if getattr(event, name) is None and event.type in VERDICT and \
                        not OTHER_CASE.search(event.evidence or "") and \
                        not event.extras.get("earlier") and not event.extras.get(OWN_DATE) \
                        and not (name == "date" and (event.extras.get(NO_DAY) or
                                                     event.extras.get("fine"))) \
                        and not any(
                            another_verdict(e, event) or other_year(e, event)
                            for e in events if getattr(e, name)):
                    setattr(event, name, next(iter(values)))
    # "sentenced on the same charge", "two years for the same posts": the charge of the
    # verdict told before; "arrested in the same raid" names no charge
    for n, event in enumerate(events):
        if event.charge and re.fullmatch(r"(?:the\s+)?same\s+\w+", event.charge, re.I):
            earlier = [e.charge for e in events[:n] if e.charge and e.type in VERDICT
                       and e.charge != event.charge]
            event.charge = earlier[-1] if earlier and event.type in VERDICT | {
                "charge", "trial", "appeal"} else None
    described_charges(events)
    share_episodes(events, sentence_of or {})
    share_episode_days(events)
    share_custody_place(events, sentence_of or {})
    share_court(events, list(courts), list(court_dates))
    one_court(events)
    for event in events:
        if event.place is None and event.agent and event.type != "transfer":
            event.place = place_in_name(event.agent, told_places)
    return events


# A release at the end of a term: "after serving her full two-year sentence", "having served".
SERVED = RULES.pattern("term_served")


def term_over(release: EventRecord) -> bool:
    """ "walked out after serving her full sentence": a release no court decided."""
    return release.release_mode == "end_of_term" or bool(SERVED.search(release.evidence or ""))


BODY_WORDS = RULES.words("body_words")


SEATED_BODIES = RULES.words("seated_bodies")


BENCH_WORDS = COURTS | {"judge", "magistrate"}


# A charge told as an article of law: "article 79 of the penal code", "Art. 361-3".
LAW_ARTICLE = re.compile(r"(?:the\s+)?(?:part\s+\S+\s+of\s+)?(?:article|art\.?|section)\s*\d",
                         re.I)


def across_semicolon(a: EventRecord, b: EventRecord) -> bool:
    """ "sentenced him to 18 years in 2007; he was released in 2021": two clauses of one
    sentence, each with its own court, place and date."""
    if a.trigger is None or b.trigger is None:
        return False
    sentence = a.sources[0]
    first, last = sorted((a.trigger.start, b.trigger.start))
    return ";" in sentence.text[first - sentence.start: last - sentence.start]


def across_contrast(a: EventRecord, b: EventRecord) -> bool:
    """ "had been released on bail in October, but guards took him back into custody": a clause
    after ", but" with a doer of its own tells another step, at another time."""
    if a.trigger is None or b.trigger is None:
        return False
    sentence = a.sources[0]
    first, last = sorted((a, b), key=lambda e: e.trigger.start)
    between = sentence.text[first.trigger.start - sentence.start: last.trigger.start -
                            sentence.start]
    but = re.search(r",\s+but\s+(\w+)", between)
    return but is not None and but.group(1).lower() not in NO_DOER


# What may follow ", but" in a clause that shares the first's doer: "but was released",
# "but later freed".
NO_DOER = frozenset({"was", "were", "is", "are", "has", "had", "have", "been", "then", "later",
                     "soon", "also", "not", "never", "instead"})


def penalties_apart(a: EventRecord, b: EventRecord) -> bool:
    """A fine and a prison term told in different sentences: "sentenced to 4.5 years ... He
    was also fined 150,000 rubles" are two penalties."""
    return bool(a.extras.get("fine") and b.term_months or b.extras.get("fine") and
                a.term_months) and a.sources[0].start != b.sources[0].start


def other_year(a: EventRecord, b: EventRecord) -> bool:
    """Verdicts of different years are of different cases: "In October the court sentenced
    her ... Her husband, fined in 2024 for a picket": not one charge."""
    return bool(a.date and b.date) and a.date[:4] != b.date[:4]


def another_verdict(a: EventRecord, b: EventRecord) -> bool:
    """Two verdicts of one person with other terms or dates: "sentenced on Thursday to eight
    years ... In February 2021 she was sentenced to two years": two cases."""
    if a.type not in VERDICT or b.type not in VERDICT or not set(a.persons) & set(b.persons):
        return False  # co-defendants' terms differ in one case
    if bool(a.extras.get("days")) != bool(b.extras.get("days")):
        return True  # days of administrative arrest and a prison term: two cases
    if a.type == b.type == "sentence" and penalties_apart(a, b):
        return True  # a fine told apart from a prison term: another penalty
    return a.type == b.type == "sentence" and None not in (a.term_months, b.term_months) and \
        a.term_months != b.term_months or bool(a.date and b.date and not (
            a.date.startswith(b.date) or b.date.startswith(a.date)))


def described_charges(events: list[EventRecord]) -> None:
    """ "detained on charges of spreading false news ... jailed under article 207 of the
    criminal code": a verdict carries the description, where the report gives one for the
    same person's case, over the article of law (FORMAT.md)."""
    for event in events:
        if not event.charge or not LAW_ARTICLE.match(event.charge) or \
                event.extras.get("earlier") or event.type not in VERDICT:
            continue  # an indictment "under Article 318" stays as written
        described = next((e.charge for e in events if e.charge and e is not event
                          and not LAW_ARTICLE.match(e.charge) and e.type in CASE_STEPS
                          and set(e.persons) & set(event.persons)
                          and not e.extras.get("earlier")), None)
        if described:
            event.charge = described


def is_court(agent: str | None) -> bool:
    """A court or a judge: who tries and sentences."""
    return bool(agent) and any(w in BENCH_WORDS for w in re.findall(r"\w+", agent.lower()))


def places_told(doc) -> frozenset[str]:
    """The places the model tags anywhere in the report (folded, without "the"): the seat of a
    court whose name the gazetteer does not know ("the Polack District Court", "a criminal court
    in Duhok") is one of them."""
    return frozenset(fold(re.sub(r"^the\s+", "", ent.text, flags=re.I)) for ent in doc.ents
                     if ent.label_ in ("GPE", "LOC"))


def place_in_name(name: str, told: frozenset[str] = frozenset()) -> str | None:
    """ "Lieninski District Court of Minsk", "Moscow's Basmanny District Court" -> "Minsk",
    "Moscow": a court sits where it is named for; a place the gazetteer does not know counts, in
    a court's name, when the report tags it as a place (``told``): "Ngaba Intermediate
    People's Court", "People's Court of Thái Bình", "Phnom Penh Municipal Court"."""
    from .lexicon import places

    # "Moscow's Basmanny District Court": the possessive names the seat too
    words = re.sub(r"['’]s\b", "", name).replace(",", " ").split()
    bodies = [n for n, w in enumerate(words) if w.lower() in SEATED_BODIES]
    if len(words) < 2 or not bodies:
        return None  # "Russia and Belarus" freed them: the agents, not a place

    def seat(n: int) -> bool:
        # before the body ("Moscow City Court") or after "of"/"in" ("Court of Minsk"); not
        # the name after a title ("Judge Anna Orlova")
        return n < bodies[0] or n > 0 and words[n - 1].lower() in ("of", "in")

    for n in reversed(range(len(words))):
        word = words[n]
        if seat(n) and word[:1].isupper() and fold(word) in places() and \
                fold(word) not in BODY_WORDS:
            return None if fold(word) in countries() else word
    if not any(w.lower() in COURTS for w in words):
        return None  # (not "Kyrgyz authorities": the model may tag a demonym as a place)
    for n in reversed(range(len(words))):
        for size in (2, 1):  # "Phnom Penh", "Thái Bình"; "Urmia"
            phrase = " ".join(words[n:n + size])
            if len(words[n:n + size]) == size and seat(n) and all(
                    w[:1].isupper() for w in words[n:n + size]) and fold(phrase) in told and \
                    fold(phrase) not in countries() and \
                    not any(fold(w) in BODY_WORDS for w in words[n:n + size]):
                return phrase
    return None


# A release told as one of a batch the report told before: "Among those freed were A and B",
# "Those pardoned included C", "D was not on the list", "E was not included in the exchange".
ONE_OF_A_BATCH = RULES.pattern("one_of_a_batch")


def batch_release_day(events: list[EventRecord], groups: list[EventRecord]) -> None:
    """ "Lukashenko pardoned 52 prisoners on Thursday ... Among the freed was A ... Among those
    not released was B": a release (or one denied) told as one of a batch, with no day of its
    own, is of the day of the release told last before it (the batch's, or another freed
    with them)."""
    def start(e: EventRecord) -> int:
        return e.sources[0].start

    dated = sorted((e for e in [*events, *groups] if e.type == "release" and e.date and
                    not e.negated and not e.extras.get("earlier")), key=start)
    for event in events:
        if event.type != "release" or event.date or any(
                event.extras.get(k) for k in (OWN_DATE, RELATIVE, "earlier")) or \
                not ONE_OF_A_BATCH.search(event.evidence or ""):
            continue
        before = [d for d in dated if start(d) < start(event)]
        days = [d for d in before if len(d.date) == 10]  # the day a batch is freed, not
        # "jailed over the July 2022 unrest" read as the day of one of them
        if days or before:
            donor = (days or before)[-1]
            event.date = donor.date
            if event.agent is None and donor.release_mode == "pardon" and \
                    event.release_mode in (None, "pardon") and not event.negated:
                event.agent = donor.agent  # one who pardoned them all (not of one left out)
