"""The named checks of the English trigger rows (``triggers.toml``: ``when`` and ``unless``).

Each is a plain function of the candidate token, registered under its own name with
``@predicate``; a row names the ones it needs. Helpers shared with the argument readers
(``destinations``, ``case_against``, ``dropped_objects``) stay in ``nlp/events.py``.
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Token

from ... import events, terms
from ...sharing import BENCH_WORDS, FACILITIES
from ...spans import doc_text, span_text
from . import RULES, syntax

PREDICATES: dict[str, Callable[[Token], bool]] = {}

CUSTODY_WORDS = RULES.words("custody_words")
SERVING_PLACES = RULES.words("serving_places")
SEARCH_OBJECTS = RULES.words("search_objects")
ILL_TREATMENT_OBJECTS = RULES.words("ill_treatment_objects")
CASE_NOUNS = RULES.words("case_nouns")
DESIGNATION_WORDS = RULES.pattern("designation")
BASIC_NEEDS = RULES.words("basic_needs")
ILL_TREATMENT_KINDS = RULES.words("ill_treatment_kinds")
RESTRAINTS = RULES.words("restraints")
HARMS = RULES.words("harms")
BELIEF_VERBS = RULES.words("belief_verbs")
CUSTODY_PLACES = RULES.words("custody_places")
KNOWING_VERBS = RULES.words("knowing_verbs")
TRANSIT_WORDS = RULES.words("transit_words")
BODY_PARTS = RULES.words("body_parts")
HELD_BY = RULES.words("held_by")
SURFACES = RULES.words("surfaces")
POSITIONS = RULES.words("forced_positions")
HEALTH_WORDS = RULES.words("health_words")
EXCHANGE_WORDS = RULES.words("exchange_words")
# Words that make a place one where people are held: "the detention centre", "the Badr prison
# complex" (not a "centre" alone).
HOLDING_WORDS = CUSTODY_PLACES - {"centre", "center", "custody"} | {"penitentiary", "remand"}


def predicate(function: Callable[[Token], bool]) -> Callable[[Token], bool]:
    PREDICATES[function.__name__] = function
    return function


def _children_say(token: Token, *words: str) -> bool:
    return any(c.lower_ in words for c in token.children)


def clause_text(token: Token) -> str:
    return token.doc[token.i: events.clause_end(token) + 1].text


# ----------------------------------------------------------------- terms and sentences

@predicate
def term_in_clause(token: Token) -> bool:
    """A prison term follows in the clause: "received 12 and a half years", "jailed for
    life"."""
    text = clause_text(token)
    return bool(terms.find_terms(text) or terms.LIFE.search(text))


@predicate
def end_of_a_term(token: Token) -> bool:
    """ "walked out at the end of a 20-month sentence": the term served, told with its
    length."""
    return any(p.lower_ == "of" and any(o.lemma_ in ("sentence", "term") for o in p.children)
               for p in token.children) and term_in_clause(token)


@predicate
def gives_a_term(token: Token) -> bool:
    """ "handed him a sentence", "gave him ten years"."""
    return any(t.lemma_ in ("sentence", "term") for t in token.subtree) or term_in_clause(token)


@predicate
def imposes_a_penalty(token: Token) -> bool:
    """ "imposed a six-year sentence on X", "imposed a fine on X"; not "imposed sanctions"."""
    return any(t.lemma_ in ("sentence", "term", "fine", "penalty") for c in token.children
               if syntax.is_direct_object(c) for t in c.subtree) or term_in_clause(token)


@predicate
def pays_a_fine(token: Token) -> bool:
    """ "ordered to pay a fine": a fine as a sentence (not "pay a fine" in general talk: a
    court or judge orders it)."""
    return any(c.lemma_ == "fine" for c in token.children if syntax.is_direct_object(c)) and \
        token.dep_ == "xcomp" and token.head.lemma_ in ("order", "sentence")


@predicate
def imposed(token: Token) -> bool:
    """The sentence of "imposed a sentence on X": told by the verb."""
    return syntax.is_direct_object(token) and token.head.lemma_ == "impose"


@predicate
def serves_as(token: Token) -> bool:
    """ "served as a deputy": an office, not a term."""
    return any(syntax.is_preposition(c) and c.lower_ == "as" for c in token.children)


@predicate
def served_out(token: Token) -> bool:
    """ "after serving his full sentence" (no term given): its end, told with the release;
    not "is serving a life sentence", a sentence told by its kind."""
    phrase = token.doc[token.left_edge.i: token.right_edge.i + 1].text
    return syntax.is_direct_object(token) and token.head.lemma_ in (
        "serve", "complete", "finish") and not terms.find_terms(phrase) and \
        not terms.LIFE.search(phrase)


@predicate
def under_a_sentence(token: Token) -> bool:
    """ "under a sentence"."""
    return syntax.is_prep_object(token) and token.head.lower_ in ("under",)


@predicate
def days_of_administrative_arrest(token: Token) -> bool:
    """ "given 15 days of administrative arrest", "gave him 15 days of arrest", "had served 10
    days of arrest over a post": a sentence."""
    if not (syntax.is_prep_object(token) and token.head.lower_ == "of" and
            token.head.head.lemma_ in ("day", "week", "month")):
        return False
    days = token.head.head
    return any(c.lower_ == "administrative" for c in token.children) or \
        syntax.is_direct_object(days) and days.head.lemma_ in (
            "give", "hand", "receive", "get", "serve")


CLEARED_OF = RULES.words("cleared_of")
RELEASING_ACTS = RULES.words("exchange_words") | RULES.words("grant_nouns")


@predicate
def in_a_release(token: Token) -> bool:
    """ "was not included in Saturday's exchange", "included in the amnesty": one of those an
    exchange or a pardon freed (or, denied, did not)."""
    return any(o.lemma_.lower() in RELEASING_ACTS or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in RELEASING_ACTS
        for c in o.children) for o in syntax.objects_of(token, "in"))
    # ("included in the pardon decree")


@predicate
def of_charges(token: Token) -> bool:
    """ "was cleared of all charges", "cleared of the accusation": charges as the object of
    "of" (not "cleared of debris", "cleared the square")."""
    return any(o.lemma_.lower() in CLEARED_OF for o in syntax.objects_of(token, "of"))


@predicate
def after_house(token: Token) -> bool:
    """ "house arrest"."""
    return token.i > 0 and token.nbor(-1).lower_ == "house"


# ----------------------------------------------------------------- verdicts and cases

@predicate
def finds_guilty(token: Token) -> bool:
    """ "found three Jehovah's Witnesses — A, B and C — guilty" (guilty hung on C)."""
    return any(t.lower_ == "guilty" and not events._inside_clause(t, token)
               for t in token.subtree)


def _declared_guilty(token: Token) -> Token | None:
    """ "Judges declared X guilty", "The court ruled that X was guilty of extremism": the
    "guilty" of the clause the verb declares."""
    for c in token.children:
        if c.dep_ not in ("ccomp", "oprd", "xcomp"):
            continue
        if c.lower_ == "guilty":
            return c
        if c.lemma_ == "be":
            found = next((a for a in c.children if a.dep_ == "acomp" and a.lower_ == "guilty"),
                         None)
            if found is not None:
                return found
    return None


@predicate
def declared_guilty(token: Token) -> bool:
    return _declared_guilty(token) is not None


@predicate
def declared_not_guilty(token: Token) -> bool:
    guilty = _declared_guilty(token)
    return guilty is not None and (syntax.is_negated(guilty) or syntax.is_negated(guilty.head)
                                   or token.doc[guilty.i - 1].lower_ == "not")


@predicate
def with_not(token: Token) -> bool:
    """ "did not find him guilty", "found him not guilty" (the "not" on the verb, or on
    "guilty" where the parser made it a clause of its own)."""
    return syntax.is_negated(token) or _children_say(token, "not") or any(
        t.lower_ == "guilty" and (syntax.is_negated(t) or token.doc[t.i - 1].lower_ == "not")
        for t in token.subtree if not events._inside_clause(t, token))


@predicate
def guilty_modifier(token: Token) -> bool:
    """ "a guilty verdict", "a not-guilty verdict"."""
    return any(c.lower_ == "guilty" for c in token.children)


@predicate
def with_not_guilty(token: Token) -> bool:
    """ "a not guilty verdict": the "not" hangs on "guilty" or on the noun."""
    return any(c.lower_ == "guilty" and (_children_say(c, "not") or c.i > 0 and
                                         token.doc[c.i - 1].lower_ in ("not", "not-"))
               for c in token.children)


@predicate
def drops_a_case(token: Token) -> bool:
    """What is dropped or closed is a case or a charge; not "dismissed the charges as
    politically motivated", a view of them."""
    return bool(events.dropped_objects(token)) and not any(
        c.lower_ == "as" and c.i > token.i for c in token.sent if c.head == token or
        c.head.head == token and c.head.dep_ in ("advcl", "oprd", "xcomp"))


@predicate
def case_against(token: Token) -> bool:
    """ "a criminal case was opened against the Lopatins"."""
    return bool(events.case_against(token))


@predicate
def says_charge_or_person(token: Token) -> bool:
    """ "charged with treason", "charged him": not "the prosecutor in charge"."""
    return _children_say(token, "with", "under", "for") or any(
        c.dep_ in ("nsubjpass", "dobj") for c in token.children)


@predicate
def pleaded_to(token: Token) -> bool:
    """ "pleaded not guilty to charges of lying"."""
    if not syntax.is_prep_object(token):
        return False
    above = token.head.head  # "pleaded to", or "pleaded not guilty to" (on "guilty")
    return above.lemma_ == "plead" or above.lower_ in events.PLEA_WORDS and above.head.lemma_ == "plead"


@predicate
def trial_awaited_on(token: Token) -> bool:
    """ "awaits trial on a fraud charge", "released pending trial on the charge of X"."""
    return events.trial_awaited_on(token)


@predicate
def without_a_verb(token: Token) -> bool:
    """ "released without charge", "held without charge for a week", "released the next
    morning without any charges", "kept for a week without charge": no charge was laid."""
    if not (syntax.is_prep_object(token) and token.head.lower_ == "without"):
        return False
    above = token.head.head
    if syntax.is_prep_object(above) and syntax.is_preposition(above.head):
        above = above.head.head  # "for a week without charge": the week's verb
    return above.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("det", "poss", "nummod", "amod") and c.lower_ != "any"
        for c in token.children)


# ----------------------------------------------------------------- custody and release

@predicate
def custody_order(verb: Token) -> bool:
    """ "held until trial", "kept in custody pending trial", "held without bail", "held for
    two months pending trial" (the parser may hang "pending" on the months); "a court ordered
    her held for four months": what an order says."""
    if verb.dep_ in ("ccomp", "xcomp") and verb.tag_ in ("VBN", "VBD") and \
            verb.head.lemma_ in RULES.words("ordering_verbs"):
        return True
    preps = [c for c in verb.children if syntax.is_preposition(c)]
    preps += [p for f in preps if f.lower_ == "for" for o in syntax.prep_objects(f)
              for p in o.children if syntax.is_preposition(p)]
    for prep in preps:
        objects = {c.lemma_.lower() for c in prep.children if syntax.is_prep_object(c)}
        if prep.lower_ in ("until", "pending") and objects & {"trial", "hearing", "verdict"} or \
                prep.lower_ == "without" and objects & {"bail", "charge", "trial"} or \
                prep.lower_ == "in" and objects & {"custody", "detention"}:
            return True
    return False


@predicate
def in_custody(token: Token) -> bool:
    """The sentence puts it in custody: "died in the colony", "died while serving his sentence",
    "X, who was serving seven years, died"."""
    return any(t.lower_ in CUSTODY_WORDS for t in token.sent) or any(
        t.lower_ == "serving" and any(o.lemma_.lower() in SERVED_TERMS or o.like_num
                                      for o in t.subtree) for t in token.sent)


SERVED_TERMS = RULES.words("served_terms")


@predicate
def in_custody_there(token: Token) -> bool:
    """ "was killed in custody", "in his cell", "in the colony": custody where the verb says it
    happened (not "killed in a gun battle with police")."""
    return any(t.lower_ in HELD_THERE for p in syntax.prepositions(token, "in", "behind", "at")
               for t in p.subtree)


HELD_THERE = CUSTODY_WORDS - {"police", "station"}


@predicate
def caused_by_violence(token: Token) -> bool:
    """ "was beaten to death", "tortured to death": a killing told by its means (the verb
    tells the beating)."""
    return syntax.is_prep_object(token) and token.head.lower_ == "to" and \
        token.head.head.lemma_.lower() in KILLING_MEANS


KILLING_MEANS = RULES.words("killing_means")


@predicate
def took_own_life(token: Token) -> bool:
    """ "had committed suicide", "took his own life"."""
    return any(o.lemma_.lower() == "suicide" for o in syntax.objects(token)) or (
        token.lemma_ == "take" and any(o.lemma_ == "life" and any(
            c.lower_ == "own" for c in o.subtree) for o in syntax.objects(token)))


@predicate
def to_injuries(token: Token) -> bool:
    """ "succumbed to his injuries", "to the wounds"."""
    return any(o.lemma_.lower() in WOUNDS for o in syntax.objects_of(token, "to"))


WOUNDS = RULES.words("wounds")


@predicate
def passed_away(token: Token) -> bool:
    """ "passed away in prison"."""
    return _children_say(token, "away")


@predicate
def lost_life(token: Token) -> bool:
    """ "lost his life in custody"."""
    return any(syntax.is_direct_object(o) and o.lemma_ == "life" for o in token.children)


@predicate
def found_dead(token: Token) -> bool:
    """ "was found dead in his cell"."""
    return any(c.lower_ == "dead" for c in token.children)


@predicate
def into_custody(token: Token) -> bool:
    """ "was taken into custody in the courtroom", "took him back into custody"."""
    holders = [token] + [c for c in token.children if c.lower_ == "back"]
    return any(p.lower_ == "into" and any(o.lemma_ == "custody" for o in p.children)
               for h in holders for p in h.children if syntax.is_preposition(p))


@predicate
def to_house_arrest(token: Token) -> bool:
    """ "moved him from the detention centre to house arrest"."""
    return any(
        o.lemma_ == "arrest" and o.head.lower_ in ("under", "to", "into") and any(
            c.lower_ == "house" for c in o.children) and all(
            a.dep_ in ("prep", "pobj") for a in [o, *o.ancestors] if a.i != token.i
            and token in a.ancestors) for o in token.subtree)


@predicate
def into_facility(token: Token) -> bool:
    """ "placed in pre-trial detention centre No. 3 in Homiel" (not in a court or hospital)."""
    return any(
        p.lower_ in ("in", "into") and any(o.lemma_.lower() in FACILITIES and o.lemma_.lower()
                                           not in ("court", "courtroom", "hospital")
                                           for o in p.children)
        for p in token.children if syntax.is_preposition(p))


FORCING_VERBS = RULES.words("forcing_verbs")
LAW_ENFORCEMENT = RULES.words("law_enforcement")
VEHICLES = events.VEHICLES | {"vehicle"}  # "forced into an unmarked vehicle"


@predicate
def into_a_vehicle(token: Token) -> bool:
    """ "was forced into a car", "bundled him into a van": a person taken by force, whom the
    verb's object or passive subject names."""
    return token.lemma_ in FORCING_VERBS and any(
        o.lemma_.lower() in VEHICLES for o in syntax.objects_of(token, "into")) and any(
        syntax.is_direct_object(c) or syntax.is_passive_subject(c) for c in token.children)


@predicate
def driven_on_to(token: Token) -> bool:
    """ "pushed me into a car and drove me to the police station": the ride's end tells a
    transfer, which the verb of driving names."""
    verbs = [token, *(c for c in token.children if syntax.is_conjunct(c) and c.pos_ == "VERB")]
    return any(events.first_place(p) is not None for v in verbs
               for p in syntax.prepositions(v, "to"))


@predicate
def by_law_enforcement(token: Token) -> bool:
    """ "police officers pushed him into a van", "was forced into a car by riot police": the
    doer is the police, so a detention rather than an abduction."""
    doers = [c for c in token.children if syntax.is_active_subject(c)] + syntax.agents(token)
    return any(d.lower_ in LAW_ENFORCEMENT for d in doers)  # not "men in police uniforms"


@predicate
def has_destination(token: Token) -> bool:
    """ "taken to Rostov": a place after "to" or "via"."""
    return bool(events.destinations(token))


# Buildings of custody one is returned to; one is committed to a hospital too.
COMMITTED_TO = FACILITIES - {"court", "courtroom", "airport"}
RETURNED_TO = COMMITTED_TO - {"hospital", "clinic"}


@predicate
def taken_away(token: Token) -> bool:
    """ "guards took away the inhaler he needs", "took away his blood pressure pills"."""
    return any(c.dep_ == "prt" and c.lower_ == "away" for c in token.children)


@predicate
def at_a_facility(token: Token) -> bool:
    """ "a week after her arrival at the colony", "arrived at the pre-trial detention centre in
    Simferopol": come to a building of custody."""
    return any(syntax.is_preposition(c) and c.lower_ in ("at", "in") and any(
        o.lemma_.lower() in RETURNED_TO for o in syntax.prep_objects(c)) for c in token.children)


@predicate
def to_a_facility(token: Token) -> bool:
    """ "returned to the colony", "committed to a psychiatric hospital": a building of custody
    (not "returned to Ukraine", "returned home")."""
    kinds = COMMITTED_TO if token.lemma_ == "commit" else RETURNED_TO
    return any(syntax.is_preposition(c) and c.lower_ == "to" and any(
        o.lemma_.lower() in kinds or any(t.lemma_.lower() in kinds and t.dep_ in (
            "compound", "amod", "nmod") for t in o.children)
        for o in c.children if syntax.is_prep_object(o)) for c in token.children)


@predicate
def away(token: Token) -> bool:
    """ "Among those taken away were ..."."""
    return _children_say(token, "away")


@predicate
def free(token: Token) -> bool:
    """ "walked free", "was set free"."""
    return _children_say(token, "free")


@predicate
def instead_of(token: Token) -> bool:
    """ "Instead of being set free, he was taken to a deportation centre"."""
    of = token.head
    return of.lower_ == "of" and (of.head.lower_ == "instead" or any(
        c.lower_ == "instead" for c in of.children))


@predicate
def leaves_custody(token: Token) -> bool:
    """ "left the detention centre in April", "never left the prison complex": a place of
    custody left; "never left police custody": custody itself (not "the custody of his
    children")."""
    return any(syntax.is_direct_object(o) and o.lemma_.lower() not in ROOMS and (any(
        t.lemma_.lower() in HOLDING_WORDS for t in o.doc[o.left_edge.i: o.i + 1]) or (
        o.lemma_.lower() == "custody" and not syntax.objects_of(o, "of")))
        for o in token.children)


# Rooms inside a prison: "does not leave his prison cell" is no release.
ROOMS = frozenset({"cell", "room", "ward", "barrack", "barracks", "yard"})


@predicate
def out_of_custody(token: Token) -> bool:
    """ "walked out of a penal colony in Lgov", "came out of the colony on Friday"."""
    return _children_say(token, "out") and any(
        p.lower_ == "of" and any(o.lemma_.lower() in FACILITIES for o in p.subtree)
        for p in token.subtree
        if syntax.is_preposition(p) and (p.head.lower_ == "out" or p.head == token))


@predicate
def freedom_regained(token: Token) -> bool:
    """ "regained his freedom", "regained her liberty"."""
    return any(o.lemma_.lower() in ("freedom", "liberty") for o in syntax.objects(token))


# ----------------------------------------------------------------- harm and disappearance

@predicate
def negated(token: Token) -> bool:
    return syntax.is_negated(token)


@predicate
def about_care(token: Token) -> bool:
    """Medical care in the phrase: "insulin", "medical care", "a doctor"."""
    return any(c.lemma_ in ILL_TREATMENT_OBJECTS for c in token.subtree)


@predicate
def to_care(token: Token) -> bool:
    """ "was not taken to a hospital", "never sent to a doctor" (with "negated"): care a prisoner
    was not brought to."""
    return any(o.lemma_.lower() in ILL_TREATMENT_OBJECTS for o in syntax.objects_of(token, "to"))


@predicate
def care_in_full(token: Token) -> bool:
    """ "was receiving all necessary medical care", "had received all the treatment he needed":
    an official's denial that care was withheld (the event is denied: ``events.affirms``)."""
    return events.affirms(token)


@predicate
def lawfully(token: Token) -> bool:
    """ "all the detainees had been treated in line with the law" (denied: ``events.affirms``)."""
    return events.affirms(token)


@predicate
def hand_on(token: Token) -> bool:
    """ "nobody laid a hand on him"."""
    hands = [o for o in syntax.objects(token) if o.lemma_ == "hand"]
    return any(syntax.prep_objects(p) for h in [token, *hands]
               for p in syntax.prepositions(h, "on")) and bool(hands)


@predicate
def seen_by_care(token: Token) -> bool:
    """ "has not been seen by a doctor since his arrest": care withheld (with "negated")."""
    return any(o.lemma_.lower() in events.CARE_GIVERS for o in syntax.agents(token))


@predicate
def care_summoned(token: Token) -> bool:
    """ "has not called a doctor once", "never summoned an ambulance" (with "negated")."""
    return any(o.lemma_.lower() in events.CARE_GIVERS for o in syntax.objects(token))


HIGHER_COURT = RULES.pattern("higher_court")


@predicate
def before_a_higher_court(token: Token) -> bool:
    """ "An appeal court rejected his challenge", "the Court of Appeal dismissed their
    complaints": what a court of appeal decides (not "filed a complaint with the police")."""
    verb = token.head
    if not syntax.is_direct_object(token) or verb.pos_ != "VERB":
        return False
    return any(syntax.is_active_subject(s) and HIGHER_COURT.search(
        span_text(s.doc[s.left_edge.i: s.right_edge.i + 1])) and any(
        t.lemma_.lower() in ("court", "chamber", "tribunal") for t in s.subtree)
        for s in verb.children)


@predicate
def marched_in_protest(token: Token) -> bool:
    """ "marched with other students against the coup", "marched to the Supreme Court": people
    marching somewhere or against something (not "were marched to a camp", prisoners moved)."""
    return not syntax.is_passive(token) and any(
        syntax.is_preposition(c) and c.lower_ in MARCH_PREPOSITIONS for c in token.children)


MARCH_PREPOSITIONS = RULES.words("march_prepositions")


@predicate
def not_a_date(token: Token) -> bool:
    """ "a march through the city", not "March 13"."""
    return token.text[:1].islower() and token.ent_type_ != "DATE"


@predicate
def sit_in(token: Token) -> bool:
    """ "a sit-in outside parliament", which the tokenizer cuts into "sit", "-", "in"."""
    return token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "sit"


@predicate
def care_of_a_patient(token: Token) -> bool:
    """ "refused to examine him", "would not treat her", "refused to check his blood sugar":
    what a carer does to a patient (not "examine the evidence")."""
    return any(o.pos_ == "PRON" and o.lower_ not in ("it", "this", "that") or
               o.pos_ == "PROPN" or o.lemma_.lower() in HEALTH_WORDS or
               any(t.lemma_.lower() in HEALTH_WORDS for t in o.subtree)
               for o in syntax.objects(token) if syntax.is_direct_object(o))


@predicate
def care_request_refused(token: Token) -> bool:
    """ "ignored his requests to see a cardiologist", "turned down repeated requests to send
    him to a hospital", "requests for a doctor were ignored": care asked for and not given
    (not "requests for medical parole" or "to be moved to house arrest", a release asked)."""
    if token.lemma_ == "turn" and not _children_say(token, "down"):
        return False
    return bool(events.care_requests(token))


@predicate
def withheld(token: Token) -> bool:
    """ "refused to send him to a hospital", "declined to give her the medication": what the
    refusing verb kept from someone."""
    if token.dep_ in ("ccomp", "xcomp") and token.head.lemma_ in ("allow", "let", "permit"):
        token = token.head  # "refused to let a specialist examine him"
    return token.dep_ == "xcomp" and token.head.lemma_ in ("decline", "deny", "fail", "refuse")


@predicate
def holding_denied(token: Token) -> bool:
    """ "the government denies holding him": someone's custody denied (not "denied holding a
    rally", which names no one held)."""
    return token.dep_ == "xcomp" and token.tag_ == "VBG" and token.head.lemma_ == "deny" and \
        any(o.pos_ in ("PRON", "PROPN") for o in syntax.objects(token)
            if syntax.is_direct_object(o))


@predicate
def by_a_carer(token: Token) -> bool:
    """ "the prison dentist refused to see him": the one who refuses gives care (with
    "withheld": the refusing verb is the head)."""
    return any(s.lemma_.lower() in events.CARE_GIVERS for s in events.subjects(token.head))


@predicate
def force_against(token: Token) -> bool:
    """ "used force against him", "no physical force was used against the journalists"."""
    return bool(events.used_against(token))


@predicate
def from_a_facility(token: Token) -> bool:
    """ "vanished from a Moscow jail": a prisoner lost in transit, not taken from freedom."""
    return any(o.lemma_.lower() in FACILITIES for o in syntax.objects_of(token, "from"))


LIST_CONTEXT = re.compile(r"pardon|amnest|releas|freed|exchang|swap", re.I)


@predicate
def off_the_list(token: Token) -> bool:
    """ "X was not on the list", "Not on the list was X": left out of a pardon, an amnesty or an
    exchange the report told before."""
    on = [p for p in syntax.prepositions(token, "on") if any(
        o.lemma_ == "list" for o in syntax.prep_objects(p))]
    return bool(on) and (syntax.is_negated(token) or any(syntax.is_negated(p) for p in on)) and \
        bool(LIST_CONTEXT.search(doc_text(token.doc)[:token.idx]))


@predicate
def home_after_release(token: Token) -> bool:
    """ "has returned to Ukraine in the latest exchange", "was among the civilians returned to
    Ukraine": taken to a country on being freed (not "returned to Russia, where he was
    arrested")."""
    return any(d.ent_type_ in ("GPE", "LOC") for d in events.destinations(token)) and \
        bool(LIST_CONTEXT.search(span_text(token.sent)))  # (not "to their families in Nukus")


@predicate
def to_a_case(token: Token) -> bool:
    """ "was added to a new case", "added him to the case against the editors"."""
    return any(o.lemma_.lower() in CASE_NOUNS for o in syntax.objects_of(token, "to"))


@predicate
def stopped(token: Token) -> bool:
    """ "stopped giving him insulin", "ceased providing treatment"."""
    return token.dep_ == "xcomp" and token.head.lemma_ in ("stop", "cease")


@predicate
def passive_or_object(token: Token) -> bool:
    """ "was refused medical care", "denied him insulin"."""
    return token.tag_ == "VBN" or any(c.dep_ in ("dative", "dobj") for c in token.children)


@predicate
def untreated(token: Token) -> bool:
    """ "his diabetes went untreated", "left his wound untreated"."""
    return _children_say(token, "untreated") or any(
        _children_say(o, "untreated") for o in syntax.objects(token))


@predicate
def missing(token: Token) -> bool:
    """ "went missing" (the small model also parses "missing" as a clause of its own)."""
    return any(c.lower_ == "missing" and c.dep_ in ("acomp", "oprd", "advcl", "xcomp")
               for c in token.children)


NEWS_NOUNS = RULES.words("news_nouns")


@predicate
def whereabouts_withheld(token: Token) -> bool:
    """ "his family had no idea where he was", "relatives did not know where she was being
    held", "has not been told where he is": a disappearance told by what the family cannot
    learn."""
    if not any(c.lower_ == "where" and c.dep_ == "advmod" for c in token.children):
        return False
    head = token.head
    if head.lemma_ in KNOWING_VERBS:  # "refused to say where he had been taken"
        return syntax.is_negated(head) or head.dep_ == "xcomp" and head.head.lemma_ in (
            "refuse", "decline")
    if syntax.is_preposition(head) and head.lower_ in ("about", "of", "on", "as"):
        head = head.head  # "were given no information about where he was being held"
    if head.lemma_ in NEWS_NOUNS:
        return any(c.lower_ == "no" for c in head.children)
    return head.lower_ in ("unknown", "unclear")


@predicate
def nothing_of_whereabouts(token: Token) -> bool:
    """ "his relatives knew nothing of her whereabouts", "had no information about his
    whereabouts": a disappearance told by what the family does not know."""
    return bool(events.whereabouts_of(token))


@predicate
def on_the_body(token: Token) -> bool:
    """ "struck him in the face", "was struck on the head with a baton": a blow, not a strike
    or a deal."""
    return any(syntax.is_preposition(p) and p.lower_ in ("in", "on", "across", "with") and any(
        o.lemma_.lower() in BODY_PARTS for o in syntax.prep_objects(p)) for p in token.children)


@predicate
def handed_over_in_exchange(token: Token) -> bool:
    """ "In return, Warsaw handed over X", "handed over as part of the exchange": a release in
    an exchange (not "handed over to the FSB")."""
    return _children_say(token, "over") and not syntax.prepositions(token, "to") and any(
        t.lemma_.lower() in EXCHANGE_WORDS for t in token.sent)


@predicate
def handed_over_to(token: Token) -> bool:
    """ "was handed over to the Uzbek security services": into the custody of others (not a
    term "handed down", nor a release in an exchange, nor "handing himself over to
    authorities", a surrender)."""
    return _children_say(token, "over") and bool(syntax.prepositions(token, "to")) and not any(
        o.lower_.endswith(("self", "selves")) for o in syntax.objects(token))


@predicate
def by_the_body(token: Token) -> bool:
    """ "dragged her by the hair", "pulled him by the neck": force on the body."""
    return any(syntax.is_preposition(p) and p.lower_ == "by" and any(
        o.lemma_.lower() in HELD_BY for o in syntax.prep_objects(p)) for p in token.children)


@predicate
def limb_of_another(token: Token) -> bool:
    """ "an officer twisted her arm", "guards broke his ribs": a limb of someone the doer is not
    (not "he broke his leg when he fell")."""
    return bool(events.limb_owners(token))


@predicate
def against_a_surface(token: Token) -> bool:
    """ "pushed her against a wall", "threw him to the ground", "slammed him onto the floor"."""
    return any(syntax.is_preposition(p) and p.lower_ in ("against", "to", "onto", "into") and
               any(o.lemma_.lower() in SURFACES for o in syntax.prep_objects(p))
               for p in token.children)


@predicate
def forced_position(token: Token) -> bool:
    """ "forced him to kneel", "was made to stand for hours", "made to lie face down",
    "made her husband lie face down on the floor" (the small model hangs "to lie" on the
    subject or reads "lie" as a noun: the words right after the verb tell it)."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in POSITIONS
               for c in token.children) or events.before_a_position(token) is not None


@predicate
def kept_bound_or_awake(token: Token) -> bool:
    """ "kept her handcuffed behind her back", "kept him awake for days"."""
    return any(c.dep_ in ("xcomp", "acomp", "oprd", "ccomp", "advcl") and (
        c.lower_ in ("awake", "handcuffed", "shackled", "cuffed", "blindfolded", "hooded"))
        for c in token.children)


@predicate
def takes_away_care(token: Token) -> bool:
    """ "took away his blood pressure pills", "took away the inhaler he needs": care taken from
    someone (not "took him away" from a clinic)."""
    return _children_say(token, "away") and any(
        syntax.is_direct_object(o) and any(t.lemma_ in ILL_TREATMENT_OBJECTS
                                           for t in o.doc[o.left_edge.i: o.i + 1])
        for o in token.children)


@predicate
def in_transit(token: Token) -> bool:
    """ "spent six weeks in transit, and his family did not know where he was": the silence of
    a transfer between prisons, not a disappearance."""
    return any(t.lemma_.lower() in TRANSIT_WORDS for t in token.sent)


@predicate
def nothing_heard(token: Token) -> bool:
    """ "nothing has been heard from him since": no word from someone taken."""
    return any(syntax.is_subject(c) and c.lower_ in ("nothing", "nobody")
               for c in token.children) and bool(syntax.objects_of(token, "from"))


@predicate
def heard_from_since(token: Token) -> bool:
    """ "was taken away by police and has not been heard from since" (with "negated")."""
    return any(syntax.is_preposition(c) and c.lower_ == "from" and not syntax.prep_objects(c)
               for c in token.children) and any(c.lower_ == "since" for c in token.subtree)


@predicate
def unknown_whereabouts(token: Token) -> bool:
    """ "the whereabouts of X remain unknown", "his whereabouts are unknown"."""
    holder = token.head if syntax.is_subject(token) else token
    return any(c.lower_ in ("unknown", "unclear") for c in holder.children)


@predicate
def with_be(token: Token) -> bool:
    """ "has been missing since last Thursday"."""
    return _children_say(token, "been", "be", "is", "was", "are", "were")


@predicate
def since(token: Token) -> bool:
    return _children_say(token, "since")


@predicate
def passive_auxiliary(token: Token) -> bool:
    """ "has not been seen": a passive auxiliary of its own."""
    return any(syntax.is_passive_auxiliary(c) for c in token.children)


@predicate
def refuses_food(token: Token) -> bool:
    """ "I refused food for 16 days", "stopped eating", "refused to eat"."""
    return any(syntax.is_direct_object(c) and c.lemma_ in ("food", "meal", "eating") or
               c.dep_ == "xcomp" and c.lemma_ == "eat" and not syntax.objects(c)
               for c in token.children)


@predicate
def after_hunger(token: Token) -> bool:
    """ "hunger strike", "hunger-strike" split by the tokenizer."""
    return any(c.lower_ == "hunger" for c in token.children) or \
        token.i > 0 and token.nbor(-1).lower_ in ("hunger", "hunger-")


# ----------------------------------------------------------------- other events

@predicate
def to_trial(token: Token) -> bool:
    """ "stood trial"."""
    return any(c.lower_ == "trial" for c in token.subtree)


@predicate
def attempt(token: Token) -> bool:
    """ "tried to leave": an attempt, not a trial."""
    return any(c.dep_ == "xcomp" for c in token.children)


@predicate
def purpose(token: Token) -> bool:
    """ "went on hunger strike to protest against the conditions"."""
    return token.dep_ in ("advcl", "xcomp") and any(
        c.lower_ == "to" and c.dep_ == "aux" for c in token.children)


@predicate
def names_political_prisoners(token: Token) -> bool:
    """ "declared him a political prisoner", "recognised as a prisoner of conscience"."""
    return bool(DESIGNATION_WORDS.search(
        span_text(token.doc[token.left_edge.i: token.right_edge.i + 1])))


@predicate
def into_premises(token: Token) -> bool:
    """ "burst into the homes of": a forced entry into premises."""
    return any(o.lower_ in SEARCH_OBJECTS for o in syntax.objects_of(token, "into"))


@predicate
def of_premises(token: Token) -> bool:
    """ "searched his flat": a search of premises."""
    return any(c.lower_ in SEARCH_OBJECTS for c in token.subtree)


# ----------------------------------------------------------------- courts and charges


@predicate
def decides_a_verdict(token: Token) -> bool:
    """ "upheld the sentence", "the conviction was overturned": a verdict decided on."""
    return bool(events.decided_verdicts(token))


@predicate
def before_a_court(token: Token) -> bool:
    """ "appeared in court", "appeared before a magistrate", "appeared in front of Chief
    Magistrate X at the district court"."""
    return any(t.lemma_.lower() in BENCH_WORDS for o in events.bench_objects(token)
               for t in [o, *(c for c in o.children if c.dep_ == "compound")])


@predicate
def of_a_court(token: Token) -> bool:
    """ "a court session", "a judicial session", "their first session in court"."""
    return any(c.lemma_.lower() in ("court", "judicial", "trial") for c in token.children
               if c.dep_ in ("compound", "amod")) or any(
        o.lemma_.lower() in BENCH_WORDS for o in events.bench_objects(token))


@predicate
def laid_by_a_verb(token: Token) -> bool:
    """ "faced charges", "charges were brought against", not "did not bring charges"."""
    verb = token.head
    return token.dep_ in ("dobj", "nsubjpass") and verb.lemma_ in events.CHARGING_VERBS and \
        not any(syntax.is_negation(c) for c in verb.children)


@predicate
def in_particle(token: Token) -> bool:
    """ "was taken in for questioning"."""
    return any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children)


@predicate
def lets_go(token: Token) -> bool:
    """ "was let go", "police let him go"."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_ == "go" for c in token.children)


@predicate
def up(token: Token) -> bool:
    """ "rounded up the team"."""
    return any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)


# Verbs that decide bail: "was granted bail", "obtained bail", "denied bail".
BAIL_VERBS = frozenset({"grant", "obtain", "get", "receive", "win", "secure", "give", "allow",
                        "deny", "refuse"})


@predicate
def bail_decided(token: Token) -> bool:
    """ "was granted bail", "became the latest to obtain bail", "bail was denied": a decision
    on bail (a release on bail, or, denied, none); not "applied for bail"."""
    return token.dep_ in ("dobj", "nsubjpass", "oprd", "xcomp") and token.head.lemma_ in BAIL_VERBS


@predicate
def bail_application_decided(token: Token) -> bool:
    """ "an application for bail was rejected": a decision on bail (none, if refused)."""
    return events.bail_application_decision(token) is not None


@predicate
def of_basic_needs(token: Token) -> bool:
    """ "deprived of sleep", "deprived of food and water"."""
    return any(syntax.is_preposition(c) and c.lower_ == "of" and any(
        t.lemma_ in BASIC_NEEDS for t in c.subtree) for c in token.children)


@predicate
def basic_needs_denied(token: Token) -> bool:
    """ "was denied food and water", "denied him sleep": what a prisoner needs, refused."""
    return any(t.lemma_ in BASIC_NEEDS for o in syntax.objects(token)
               if o.dep_ != "dative" for t in [o, *o.conjuncts])


@predicate
def ill_or_cruel(token: Token) -> bool:
    """ "complained of ill-treatment", "cruel and degrading treatment": the treatment a prisoner
    undergoes, not the care he is denied."""
    verb = token.head.head if syntax.is_prep_object(token) else token.head
    if verb.pos_ == "VERB" and harm_undergone(verb):
        return False  # "was never subjected to ill-treatment": the verb tells it (and denies it)
    return any(c.dep_ == "amod" and c.lower_ in ILL_TREATMENT_KINDS for c in token.children)


PLACARDS = RULES.words("placards")
PROTESTERS = RULES.words("protesters")


@predicate
def to_the_streets(token: Token) -> bool:
    """ "took to the streets"."""
    return any(o.lemma_.lower() == "street" for o in syntax.objects_of(token, "to"))


@predicate
def shows_a_placard(token: Token) -> bool:
    """ "held a placard outside the court", "stood with a poster reading 'No to war'"."""
    shown = syntax.objects(token) + syntax.objects_of(token, "with")
    return any(o.lemma_.lower() in PLACARDS for o in shown)


@predicate
def among_protesters(token: Token) -> bool:
    """ "was among the protesters who gathered outside parliament"."""
    return any(o.lemma_.lower() in PROTESTERS for o in syntax.objects_of(token, "among"))


PROTEST_GATHERINGS = RULES.words("protest_gatherings")


@predicate
def joins_protesters(token: Token) -> bool:
    """ "joined protesters outside the court", "joined thousands of demonstrators"; "joined the
    crowd", "joined the Civil Disobedience Movement": a gathering or a movement of protest, by
    its head noun or a word compounded with it."""
    joined = syntax.objects(token)
    if any(t.lemma_.lower() in PROTESTERS for o in joined
           for t in [o, *syntax.objects_of(o, "of")]):
        return True
    return any(t.lemma_.lower() in PROTEST_GATHERINGS and not syntax.objects_of(o, "of")
               for o in joined
               for t in [o, *(c for c in o.children if c.dep_ == "compound")])


DWELLINGS = RULES.words("dwellings")
UNKNOWN_CAPTORS = RULES.words("unknown_captors")


@predicate
def taken_from_home_by_unknown_men(token: Token) -> bool:
    """ "armed men in balaclavas took him from his flat", "was taken from his house by masked
    men": a person taken from where he lives by men whom the report does not name as police."""
    if not any(o.lemma_.lower() in DWELLINGS for o in syntax.objects_of(token, "from")):
        return False
    if not any((syntax.is_direct_object(c) or syntax.is_passive_subject(c))
               and (c.ent_type_ == "PERSON" or c.pos_ in ("PRON", "PROPN"))
               for c in token.children):
        return False
    doers = [c for c in token.children if syntax.is_active_subject(c)] + syntax.agents(token)
    return any(d.lemma_.lower() in UNKNOWN_CAPTORS for d in doers)


@predicate
def without_basic_needs(token: Token) -> bool:
    """ "was kept without food and water", "left without medical treatment": a prisoner held
    without what he needs (not "released without charge", "held without trial")."""
    return any(t.lemma_ in BASIC_NEEDS for o in syntax.objects_of(token, "without")
               for t in [o, *o.conjuncts])


@predicate
def no_care(token: Token) -> bool:
    """ "received no medical help", "got no treatment": care denied by its determiner."""
    return any(any(c.lower_ == "no" for c in o.children) and
               any(t.lemma_ in ILL_TREATMENT_OBJECTS for t in o.subtree)
               for o in syntax.objects(token))


@predicate
def harm_undergone(token: Token) -> bool:
    """ "has endured isolation and psychological pressure", "was subjected to torture",
    "suffered beatings": a harm as the object of a verb of undergoing."""
    objects = syntax.objects(token) + [
        o for p in token.children if syntax.is_preposition(p) and p.lower_ == "to"
        for o in p.children if syntax.is_prep_object(o)]
    return any(t.lemma_.lower() in HARMS or t.lower_ in HARMS or
               span_text(t.doc[t.left_edge.i: t.i + 1]).lower().split()[-1] in HARMS
               for o in objects for t in [o, *o.conjuncts])  # "ill-treatment" in three tokens


INJURIES = RULES.words("injuries")


@predicate
def shows_injuries(token: Token) -> bool:
    """ "He had bruises on his face and ribs", "his body was covered in bruises": the marks of
    a beating on someone the verb's subject names (not "suffered injuries in a car crash",
    which "suffer" does not ask here)."""
    if token.lemma_ == "have":
        found = [o for o in syntax.objects(token) if syntax.is_direct_object(o)]
    else:  # "covered in/with bruises"
        found = syntax.objects_of(token, "in", "with")
    return any(t.lower_ in INJURIES and not any(d.lower_ == "no" for d in t.children)
               for o in found for t in [o, *o.conjuncts]) and (syntax.is_conjunct(token) or any(
        syntax.is_subject(c) and c.pos_ in ("PROPN", "PRON", "NOUN") for c in token.children))
    # ("was released but had bruises on his back": the first verb's subject)


@predicate
def in_restraints(token: Token) -> bool:
    """ "kept in handcuffs", "held in shackles for two days"."""
    return any(syntax.is_preposition(c) and c.lower_ == "in" and any(
        t.lower_ in RESTRAINTS for t in c.subtree) for c in token.children)


@predicate
def complement_of_belief(token: Token) -> bool:
    """ "Amnesty believes that A and B are prisoners of conscience": what someone holds."""
    return token.dep_ == "ccomp" and token.head.lemma_ in BELIEF_VERBS


@predicate
def held_political_prisoner(token: Token) -> bool:
    """ "considered him a political prisoner", "regards him as a political prisoner",
    "described the three convicted on Monday as prisoners of conscience": the designation is
    the verb's complement (or its "as" phrase, wherever the parser hung it in the object), not
    a word elsewhere in its clause."""
    as_phrases = [p for o in [token, *syntax.objects(token)] for c in o.children
                  for p in ([c] if c.dep_ == "prep" else [
                      g for g in c.children if g.dep_ == "prep"] if c.dep_ == "acl" else [])
                  if p.lower_ == "as"]
    return any(c.dep_ in ("oprd", "xcomp", "ccomp", "dobj") and DESIGNATION_WORDS.search(
        token.doc[c.left_edge.i: c.right_edge.i + 1].text) for c in token.children) or any(
        DESIGNATION_WORDS.search(token.doc[p.i: p.right_edge.i + 1].text) for p in as_phrases)


@predicate
def to_a_list(token: Token) -> bool:
    """ "added him to its list of political prisoners"."""
    return any(o.lemma_.lower() == "list" for o in syntax.objects_of(token, "to"))


BELONGINGS = RULES.words("belongings")


@predicate
def seizes_things(token: Token) -> bool:
    """ "police seized his phone and laptop": things taken, no person."""
    objects = [o for o in syntax.objects(token) if syntax.is_direct_object(o)]
    return bool(objects) and all(o.lemma_.lower() in BELONGINGS for o in objects)


@predicate
def has_object(token: Token) -> bool:
    """ "demonstrated true leadership": a thing shown, not a protest."""
    return any(syntax.is_direct_object(c) for c in token.children)


@predicate
def accused_by_a_person(token: Token) -> bool:
    """ "He accused the officials of ...", "Navalny accused the Kremlin": a person's reproach,
    not a charge (which investigators and prosecutors bring, or the passive tells)."""
    subject = next((c for c in token.children if syntax.is_active_subject(c)), None)
    return subject is not None and (subject.pos_ == "PRON" or subject.ent_type_ == "PERSON")


def _since_a_date(token: Token) -> bool:
    return events.since_entity(token) is not None


@predicate
def in_custody_since(token: Token) -> bool:
    """ "Since May 2021 he has been in a remand prison", "has been behind bars since 2023":
    held since then."""
    return _since_a_date(token) and any(
        syntax.is_preposition(c) and (c.lower_ == "in" and any(
            t.lemma_.lower() in CUSTODY_PLACES for t in c.subtree) or c.lower_ == "behind" and
            any(t.lower_ == "bars" for t in c.children)) for c in token.children)


SHORT_SPANS = RULES.words("short_spans")
CUSTODY_PURPOSES = RULES.words("custody_purposes") - {"absence", "lack"}  # (not "held for
# lack of evidence": why a case closed)


@predicate
def held_then_freed(token: Token) -> bool:
    """ "was held with him and released the next morning", "held overnight and let go": a
    detention told by its end in the same clause (a passive "held")."""
    return any(syntax.is_passive_auxiliary(c) for c in token.children) and any(
        c.dep_ == "conj" and events.trigger_types(c) == ["release"] for c in token.children) \
        and not any(t.lemma_.lower() in TERM_PLACES
                    for p in syntax.prepositions(token, "in") for t in p.subtree)
    # (not "was held in the colony and released in May": a term served)


TERM_PLACES = SERVING_PLACES | {"prison"}


@predicate
def held_for_questioning(token: Token) -> bool:
    """ "was held for questioning", "detained for interrogation": kept for what custody is for
    (a passive "held")."""
    return any(syntax.is_passive_auxiliary(c) for c in token.children) and any(
        o.lower_ in CUSTODY_PURPOSES or o.lemma_.lower() in CUSTODY_PURPOSES
        for p in syntax.prepositions(token, "for") for o in p.children)  # ("questioning"
    # may be parsed a verb)


@predicate
def picked_up_by_police(token: Token) -> bool:
    """ "was picked up by police outside his home", "officers picked him up": taken by those who
    arrest (not "picked up his daughter from school")."""
    if not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return False
    doers = [o for a in token.children if a.dep_ == "agent" for o in a.children] + [
        s for s in token.children if syntax.is_active_subject(s)]
    return any(t.lower_ in LAW_ENFORCEMENT for d in doers for t in d.subtree) or (
        not doers and any(syntax.is_passive_auxiliary(c) for c in token.children) and
        any(t.lower_ in CUSTODY_WORDS for t in token.sent))


@predicate
def held_for_a_while(token: Token) -> bool:
    """ "was held for 48 hours at a police station", "held overnight": a person kept for
    hours or days (a passive "held"; "a rally was held for two hours" names no person, and a
    term "for two years" is no detention of hours)."""
    passive = any(syntax.is_passive_auxiliary(c) for c in token.children) or \
        syntax.is_conjunct(token) and syntax.is_passive(token.head)  # "summoned and held"
    return passive and (
        any(c.lower_ == "overnight" for c in token.children) or any(
            o.lemma_.lower() in SHORT_SPANS for p in syntax.prepositions(token, "for")
            for o in syntax.prep_objects(p)))


@predicate
def held_since(token: Token) -> bool:
    """ "has been held in Russia since March 2022": a person held from that day (a passive
    "held"; "talks have been held since" names no person)."""
    return _since_a_date(token) and any(syntax.is_passive_auxiliary(c) for c in token.children) \
        and not any(t.lemma_.lower() in SERVING_PLACES for c in token.children
                    if syntax.is_preposition(c) and c.lower_ == "in" for t in c.subtree)
    # not "has been held in Penal Colony No. 17 since 2021": serving a term there


@predicate
def held_captive_since(token: Token) -> bool:
    """ "have been held captive since 2018"."""
    return _since_a_date(token) and _children_say(token, "captive", "hostage")
