"""Constructions real reports use, each on a short text written for this test: events told with
verbs of movement, appeal decisions, terms told elliptically, states that are not events."""

from __future__ import annotations

import pytest

from habeas.model import Document
from habeas.nlp.pipeline import extract_text


def events_of(nlp, text, published="2024-05-10"):
    """(type, negated, sorted person names, arguments) for each event of ``text``."""
    result = extract_text(nlp, Document(text=text, source="test", published=published)).to_json()
    names = {p["id"]: p["name"] for p in result["persons"]}
    return [(e["type"], e["negated"], sorted(names[p] for p in e["persons"]), e)
            for e in result["events"]]


def kinds(nlp, text, **kw):
    return {(etype, *names) for etype, negated, names, _ in events_of(nlp, text, **kw)
            if not negated}


@pytest.mark.parametrize("text, expected", [
    ("Lutfiye Zudiyeva was convoyed to a penal colony in Mordovia.",
     ("transfer", "Lutfiye Zudiyeva")),
    ("Emil Ziyadinov was brought to the detention centre in Simferopol on Monday.",
     ("transfer", "Emil Ziyadinov")),
    ("After a week on the road, Arsen Dzhepparov landed in a prison hospital in Saratov.",
     ("transfer", "Arsen Dzhepparov")),
    ("Guards transported Remzi Memetov to a colony in Tambov.",
     ("transfer", "Remzi Memetov")),
])
def test_movement_and_arrival_verbs_are_transfers(nlp, text, expected):
    assert expected in kinds(nlp, text)


def test_arrival_in_a_place_names_the_destination(nlp):
    (event,) = [e for t, _, _, e in events_of(
        nlp, "Dzhemil Gafarov landed in a prison hospital in Saratov.") if t == "transfer"]
    assert "Saratov" in event["place"]


def test_bringing_to_court_is_no_transfer(nlp):
    assert not kinds(nlp, "Osman Arifmemetov was brought to court in handcuffs.")


@pytest.mark.parametrize("text", [
    "The appeals court upheld the verdict against Enver Omerov on Tuesday.",
    "The Supreme Court left Enver Omerov's sentence unchanged.",
    "On Tuesday a higher court overturned the conviction of Enver Omerov.",
])
def test_a_court_ruling_on_a_verdict_is_an_appeal_not_a_new_sentence(nlp, text):
    found = kinds(nlp, text)
    assert ("appeal", "Enver Omerov") in found
    assert not {k for k in found if k[0] in ("sentence", "conviction")}


def test_the_appeal_court_does_not_become_the_sentencing_court(nlp):
    events = events_of(nlp, "In March the Supreme Court of Russia upheld the sentence of "
                            "Enver Omerov. Omerov was sentenced in 2021 to 17 years.")
    (sentence,) = [e for t, _, _, e in events if t == "sentence"]
    (appeal,) = [e for t, _, _, e in events if t == "appeal"]
    assert sentence["agent"] is None and sentence["term_months"] == 204
    assert appeal["place"] is None  # a country is no court's seat


def test_a_definite_verdict_upheld_is_the_appeal_of_the_one_sentenced(nlp):
    found = kinds(nlp, "Ernes Ametov was sentenced to 11 years in March. On Tuesday the "
                       "Supreme Court upheld the sentence.")
    assert ("appeal", "Ernes Ametov") in found


def test_terms_told_with_get_and_bare_numbers(nlp):
    events = events_of(nlp, "The judge read out the verdict: Teymur Abdullayev got 17 years, "
                            "Uzeir Abdullayev 13 and Emil Dzhemadenov 12.")
    terms = {names[0]: e["term_months"] for t, _, names, e in events if t == "sentence"}
    assert terms == {"Teymur Abdullayev": 204, "Uzeir Abdullayev": 156,
                     "Emil Dzhemadenov": 144}


def test_an_age_after_a_comma_is_no_elliptic_term(nlp):
    events = events_of(nlp, "Vilen Temeryanov got 12 years, and Ruslan Nagaev, 40, was "
                            "fined.")
    terms = {names[0]: e["term_months"] for t, _, names, e in events if t == "sentence"}
    assert terms.get("Vilen Temeryanov") == 144
    assert terms.get("Ruslan Nagaev") != 480


def test_a_court_session_held_is_a_trial(nlp):
    found = kinds(nlp, "Bekir Degermendzhi is accused of attacking a police officer. A court "
                       "session was held in Simferopol on Monday.")
    assert ("trial", "Bekir Degermendzhi") in found


@pytest.mark.parametrize("text", [
    "Mustafa Dzhemilev remains in detention in Kherson.",
    "The two imprisoned leaders, Ali Asanov and Mustafa Degermendzhi, wrote a letter.",
    "Ali Asanov must be released at once, the group said.",
    "Ali Asanov is under house arrest.",
])
def test_states_and_demands_are_not_events(nlp, text):
    assert not kinds(nlp, text)


def test_placed_under_arrest_is_an_arrest(nlp):
    assert ("arrest", "Nariman Memedeminov") in kinds(
        nlp, "Nariman Memedeminov was placed under arrest on 27 March.")


def test_equal_terms_told_per_person_are_one_event(nlp):
    events = events_of(nlp, "Three men were sentenced: Refat Alimov got 8 years, Arsen "
                            "Dzhepparov got 12 years, and Vadim Siruk 12.")
    by_term = {e["term_months"]: names for t, _, names, e in events if t == "sentence"}
    assert by_term[144] == ["Arsen Dzhepparov", "Vadim Siruk"]
    assert by_term[96] == ["Refat Alimov"]


def test_a_source_confirming_a_verdict_is_no_appeal(nlp):
    found = kinds(nlp, "Nariman Dzhelyal was sentenced to 17 years. A court official "
                       "confirmed the verdict to reporters.")
    assert not {k for k in found if k[0] == "appeal"}


@pytest.mark.parametrize("text, absent", [
    ("Court jails editor\n\nBy Jana Novak and Petr Holub, Wire\n\nA court in Baku sentenced "
     "Ulvi Hasanli to nine years.", {"Jana Novak", "Petr Holub"}),
    ("Ulvi Hasanli at his trial in Baku (AP Photo/Marek Dvorak)\n\nA court in Baku sentenced "
     "Ulvi Hasanli to nine years.", {"Marek Dvorak"}),
    ("Ulvi Hasanli in court [File: Marek Dvorak/AFP]\n\nA court in Baku sentenced Ulvi "
     "Hasanli to nine years.", {"Marek Dvorak"}),
    ("Court jails editor\n\nPhoto: Marek Dvorak\n\nA court in Baku sentenced Ulvi Hasanli to "
     "nine years.", {"Marek Dvorak"}),
])
def test_bylines_and_photo_credits_name_no_persons(nlp, text, absent):
    result = extract_text(nlp, Document(text=text, source="test", published="2024-05-03"))
    names = {p.name for p in result.persons}
    assert "Ulvi Hasanli" in names and not names & absent


@pytest.mark.parametrize("text, age", [
    ("The court in Minsk sentenced Ihar Losik on Friday. The 33-year-old was jailed for five "
     "years.", 33),
    ("Ilham Tohti was convicted of separatism, his lawyer Li Fangping said. The 44-year-old "
     "defendant denied the charge.", 44),
])
def test_ages_told_as_descriptions(nlp, text, age):
    result = extract_text(nlp, Document(text=text, source="test", published="2024-05-03"))
    ages = {p.name: p.age for p in result.persons}
    victim = next(n for n in ages if n.startswith(("Sevinj", "Ihar", "Ilham")))
    assert ages[victim] == age
    assert all(a is None for n, a in ages.items() if n != victim)


def test_among_them_lists_those_the_group_event_happened_to(nlp):
    found = kinds(nlp, "Dozens of people were detained after the rally in Minsk. Among them "
                       "were Ales Pushkin and Ihar Ilyash.")
    assert ("arrest", "Ales Pushkin", "Ihar Ilyash") in found


def test_tried_along_with_another_is_tried_too(nlp):
    found = kinds(nlp, "Ales Pushkin was tried along with Ihar Ilyash in Minsk.")
    assert ("trial", "Ales Pushkin", "Ihar Ilyash") in found


def test_appearing_in_court_is_a_trial(nlp):
    found = kinds(nlp, "Police charged Chow Hang-tung and Lee Cheuk-yan with subversion. "
                       "The two activists appeared in court on Friday.")
    assert any(k[0] == "trial" for k in found)


def test_the_court_named_later_is_not_the_earlier_verdicts_court(nlp):
    events = events_of(nlp, "On Monday Ales Pushkin was sentenced to five years. His "
                            "lawyer will appeal to the Supreme Court of Belarus.")
    (sentence,) = [e for t, _, _, e in events if t == "sentence"]
    assert sentence["agent"] is None


@pytest.mark.parametrize("text, sentences", [
    ("They were tried for extremism (Art. 361-3 of the Criminal Code) and treason.", 1),
    ("He is held in colony No. 2 in Homiel. His wife visited him.", 2),
    ("He was detained.The court in Minsk jailed him on Monday.", 2),
    ("No. It was not.", 2),
])
def test_sentences_on_saved_pages(nlp, text, sentences):
    assert len(list(nlp(text).sents)) == sentences


def test_charges_told_as_nouns(nlp):
    events = events_of(nlp, "Ulvi Hasanli faced charges of smuggling. In December charges "
                            "were brought against Sevinj Vagifgizi. Nargiz Absalamova faces "
                            "up to 12 years.")
    charges = {names[0]: e["charge"] for t, neg, names, e in events if t == "charge" and not neg}
    assert charges == {"Ulvi Hasanli": "smuggling", "Sevinj Vagifgizi": None}
