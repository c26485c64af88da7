"""Round 9b: names of other languages (Turkish, Arabic, Persian, Azerbaijani, Central Asian,
Chinese, Vietnamese, African) that the small model misses or mislabels, found by their shape
and position; each class on sentences written for this test, with the non-persons (places,
outlets, bylines, photo credits) that must stay out."""

from __future__ import annotations

import pytest

from habeas.model import Document
from habeas.nlp.pipeline import extract_text


def persons_of(nlp, text, published="2024-05-10"):
    result = extract_text(nlp, Document(text=text, source="test", published=published)).to_json()
    return sorted(p["name"] for p in result["persons"])


def events_of(nlp, text, published="2024-05-10"):
    result = extract_text(nlp, Document(text=text, source="test", published=published)).to_json()
    names = {p["id"]: p["name"] for p in result["persons"]}
    return {(e["type"], *sorted(names[p] for p in e["persons"])) for e in result["events"]
            if not e["negated"]}


@pytest.mark.parametrize("text, expected", [
    # a plural role noun before the name: "journalists X" (X a building to the model)
    ("Turkish police detained journalists Fatih Yilmaz and Elif Kaya in Istanbul on Tuesday.",
     ["Elif Kaya", "Fatih Yilmaz"]),
    # a role noun before a name the model calls a nationality
    ("The activist Sepideh Gholian was rearrested.", ["Sepideh Gholian"]),
    # the role noun opening the sentence is no part of the name
    ("Journalists Hatice Kamer and Deniz Yücel were arrested.", ["Deniz Yücel", "Hatice Kamer"]),
])
def test_a_name_after_a_plural_role_noun(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the second of two, an organisation to the model
    ("Moroccan journalists Omar Radi and Soulaimane Raissouni were jailed.",
     ["Omar Radi", "Soulaimane Raissouni"]),
    # the last of three, after commas
    ("Police detained reporters Ferhat Celik, Aydin Keser and Nurcan Baysal.",
     ["Aydin Keser", "Ferhat Celik", "Nurcan Baysal"]),
    ("Journalists Ferhat Celik, Aydin Keser and Nurcan Baysal were detained.",
     ["Aydin Keser", "Ferhat Celik", "Nurcan Baysal"]),
    # the parser coordinates the second name with the role noun itself
    ("Myanmar journalists Kyaw Soe Oo and Wa Lone were released.", ["Kyaw Soe Oo", "Wa Lone"]),
])
def test_a_list_of_names_after_a_role_noun(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Police detained journalists Thursday in Ankara.",
    "Journalists Monday protested outside the court.",
    "Students Istanbul University protested the arrests.",
    "Journalists Associated Press and Reuters were barred.",
    "Journalists at Meydan TV and Abzas Media were arrested in Baku.",
    "Reporters from Bianet and Evrensel Daily were detained.",
    "Lawyers in Tehran and Mashhad said the trials were unfair.",
    "The UN condemned the arrest of Al Jazeera reporters.",
    "Police detained Silivri Prison guards.",
    "(AP Photo/Emrah Gurel)",
    "By Ece Toksabay and Huseyin Hayatsever",
    "Reporting by Parisa Hafezi; Editing by William Maclean",
])
def test_outlets_places_days_and_credits_after_role_nouns_are_no_persons(nlp, text):
    assert persons_of(nlp, text) == []


def test_an_outlet_listed_after_a_found_name_is_no_person(nlp):
    text = "Reporters Tarkan Oral and Al Jazeera Mubasher covered the hearing."
    assert "Al Jazeera Mubasher" not in persons_of(nlp, text)


@pytest.mark.parametrize("text, name", [
    # the model's place for the given name alone, before the surname it calls a person
    ("The prosecutor asked for a ten-year term for Tofig Yagublu.", "Tofig Yagublu"),
    # a given name before a hyphenated surname, after a nationality
    ("British-Iranian Nazanin Zaghari-Ratcliffe was released.", "Nazanin Zaghari-Ratcliffe"),
])
def test_a_given_name_the_model_left_out(nlp, text, name):
    assert persons_of(nlp, text) == [name]


def test_a_headline_name_after_a_role_noun(nlp):
    assert "Fatih Yilmaz" in persons_of(nlp, "Turkey Detains Journalists Fatih Yilmaz and Elif "
                                             "Kaya")


@pytest.mark.parametrize("text, name, etype", [
    # the noun of a custody event with "of", a place to the model
    ("A court in Istanbul ordered the arrest of Furkan Karabay.", "Furkan Karabay", "arrest"),
    # the given name is also a district's name
    ("Rights groups condemned the detention of Fatih Yilmaz on Monday.", "Fatih Yilmaz",
     "arrest"),
    # a compound hanging from the word after it ("Golrokh" -> "Ebrahimi" -> "Iraee")
    ("Authorities arrested Golrokh Ebrahimi Iraee again.", "Golrokh Ebrahimi Iraee", "arrest"),
])
def test_a_name_where_only_a_person_fits(nlp, text, name, etype):
    assert persons_of(nlp, text) == [name]
    assert (etype, name) in events_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The trial of Gezi Park protesters resumed.",
    "A court ordered the arrest of Istanbul Bar Association members.",
    "The court ordered the release of Cumhuriyet staff.",
    "Prosecutors demanded the detention of Tahrir Square protesters.",
])
def test_bodies_and_places_after_an_event_noun_are_no_persons(nlp, text):
    assert persons_of(nlp, text) == []


def test_whose_relative_someone_is_is_a_person(nlp):
    assert persons_of(nlp, "The court jailed Afgan Sadigov's wife Sevinj Sadigova.") == [
        "Afgan Sadigov", "Sevinj Sadigova"]


@pytest.mark.parametrize("text, expected", [
    # "-oglu" inside a word ends a Turkish surname: two people, not a given name and patronymic
    ("Journalists Barış Pehlivan and Barış Terkoğlu were arrested.",
     ["Barış Pehlivan", "Barış Terkoğlu"]),
    # and the bare surname is the three-word name's
    ("Police detained Ömer Faruk Gergerlioğlu at parliament. Gergerlioğlu said he would "
     "appeal.", ["Ömer Faruk Gergerlioğlu"]),
    # a Turkic patronymic written apart, in lower case, ends the name
    ("Kyrgyz police detained Makhabat Tazhibek kyzy and Azamat Ishenbekov.",
     ["Azamat Ishenbekov", "Makhabat Tazhibek kyzy"]),
])
def test_turkic_surnames_and_patronymics(nlp, text, expected):
    assert persons_of(nlp, text) == expected


def test_surname_of_a_name_with_a_patronymic_word():
    from habeas.nlp.persons import surname_of

    assert surname_of(["makhabat", "tazhibek", "kyzy"]) == "tazhibek"
    assert surname_of(["mammadov", "ilgar", "eldar", "oglu"]) == "mammadov"
    assert surname_of(["omer", "faruk", "gergerlioglu"]) == "gergerlioglu"
    assert surname_of(["aliev", "muslim", "nuriyevich"]) == "aliev"


def test_an_apostrophe_inside_a_name(nlp):
    assert persons_of(nlp, "Zimbabwean journalist Hopewell Chin'ono was arrested.") == [
        "Hopewell Chin'ono"]


def test_known_as_after_a_name_gives_another_name_of_that_person(nlp):
    assert persons_of(nlp, "Police took away Yang Maodong, known as Guo Feixiong.") == [
        "Yang Maodong"]


def test_plural_role_nouns():
    from habeas.nlp.persons import ROLE_FORMS, plural

    assert plural("journalist") == "journalists"
    assert plural("wife") == "wives"
    assert plural("cameraman") == "cameramen"
    assert plural("secretary") == "secretaries"
    assert plural("witness") == "witnesses"
    assert {"journalists", "reporters", "lawyers", "students"} <= ROLE_FORMS


def test_a_list_where_only_persons_fit(nlp):
    # the object of "detained": the second name, an organisation to the model, is a person too
    assert persons_of(nlp, "Police detained Fariba Adelkhah and Roland Marchal.") == [
        "Fariba Adelkhah", "Roland Marchal"]


def test_a_plural_role_noun_is_no_part_of_a_name(nlp):
    # the model's person "Students Ankara" is a group and a town
    assert persons_of(nlp, "Students Ankara protested on Friday.") == []


@pytest.mark.parametrize("text, name", [
    # Vietnamese family names the tagger reads as English auxiliaries
    ("The court sentenced Do Nam Trung to ten years.", "Do Nam Trung"),
    ("Police arrested Can Thi Theu and her sons.", "Can Thi Theu"),
])
def test_a_capitalised_auxiliary_inside_a_name(nlp, text, name):
    assert persons_of(nlp, text) == [name]


def test_a_capitalised_auxiliary_opening_a_sentence_is_no_name(nlp):
    assert persons_of(nlp, "Do Turkish courts jail journalists? Many say so.") == []


@pytest.mark.parametrize("text, name", [
    # a release out of custody frees only persons (an organisation to the model)
    ("A court released Nurcan Baysal on bail.", "Nurcan Baysal"),
    ("The court released Dawit Kebede from prison.", "Dawit Kebede"),
    # a nationality to the model, where only a person fits
    ("Sepideh Gholian was arrested again.", "Sepideh Gholian"),
    # two proper nouns the model left unlabelled: who speaks, whose family or lawyers
    ("Arash Sadeghi said the charges were fabricated.", "Arash Sadeghi"),
    ("The family of Arash Sadeghi said he was ill.", "Arash Sadeghi"),
    ("Lawyers for Hatice Kamer said she was innocent.", "Hatice Kamer"),
])
def test_more_places_only_persons_fill(nlp, text, name):
    assert persons_of(nlp, text) == [name]


@pytest.mark.parametrize("text", [
    "The ministry released a statement on Monday.",
    "Shia Muslims were arrested in the raid.",
    "Police detained Crimean Tatars in Bakhchysarai.",
    "Press Freedom Index said the country ranked low.",
    "Lawyers for Meta Platforms said the fine was unlawful.",
    # "leader of", "member of" name bodies; an article says a body
    "Ramirez, the leader of the Nueva Esperanza party, was detained.",
])
def test_statements_groups_and_bodies_in_those_places_are_no_persons(nlp, text):
    assert [n for n in persons_of(nlp, text) if n != "Ramirez"] == []


def test_whose_of_names_a_person():
    from habeas.nlp.persons import PEOPLE_AROUND

    assert {"family", "lawyers", "wife", "friends", "relatives"} <= PEOPLE_AROUND
    assert not {"leader", "member", "members", "head", "supporters"} & PEOPLE_AROUND


@pytest.mark.parametrize("text, name", [
    # the model's organisation, then the surname alone as the passive subject of a sentence
    ("Soulaimane Raissouni went on hunger strike. Raissouni was sentenced to five years.",
     "Soulaimane Raissouni"),
    # the surname alone the object of "detained" (a nationality to the model)
    ("Dawit Kebede wrote about the war. Police detained Kebede at his home.", "Dawit Kebede"),
    # the model's person for the surname alone, its organisation for the given name
    ("Supporters of Sinan Aygul gathered outside. Aygul was detained on Monday.", "Sinan Aygul"),
])
def test_a_bare_surname_where_a_person_is_names_the_longer_name_before(nlp, text, name):
    assert persons_of(nlp, text) == [name]


@pytest.mark.parametrize("text", [
    "The Voluntad Popular party denounced the verdict. Popular was banned.",
    "Human Rights Watch criticised the trial. Watch was not allowed in court.",
    "Protesters marched down Kebede Street. Police detained Kebede supporters.",
])
def test_a_body_or_street_ending_with_the_word_is_no_name(nlp, text):
    assert persons_of(nlp, text) == []


def test_a_photo_credit_lines_below_is_no_credit_of_a_name_after_a_dateline(nlp):
    text = ("ANKARA, May 3 (Wire) - Police detained the reporter Mert Sahin on Tuesday, his "
            "lawyer said.\nHe was questioned for hours.\n(Photo: Cem Oral/AFP)")
    assert persons_of(nlp, text) == ["Mert Sahin"]


# ------------------------------------------------------------ round 12 (rules en.v9)

@pytest.mark.parametrize("text, expected", [
    ("Police detained Timur Bagirov in Derbent on Monday, according to his sister Patimat.",
     ["Patimat", "Timur Bagirov"]),
    ("Timur Bagirov was beaten in custody, her mother Dzhamilya said.",
     ["Dzhamilya", "Timur Bagirov"]),
])
def test_a_relatives_given_name_after_the_kin_noun_is_a_person(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Police detained Timur Bagirov in Derbent on Monday.\n\nSubscribe to Vot Tak on "
    "Telegram and YouTube.",
    "A court in Derbent convicts a blogger\n\nThe case of Timur Bagirov shows how the law is "
    "used, writes Laura Pennington\n\nPolice detained Timur Bagirov in Derbent on Monday.",
])
def test_the_outlet_a_page_calls_readers_to_and_the_author_of_a_standfirst_are_no_persons(
        nlp, text):
    assert persons_of(nlp, text) == ["Timur Bagirov"]


def test_a_speaker_closing_a_paragraph_is_still_a_person(nlp):
    text = "Police detained Timur Bagirov in Derbent on Monday, writes his lawyer, Oleg Sidorov."
    assert "Oleg Sidorov" in persons_of(nlp, text)


def test_a_given_name_alone_is_the_person_it_was_first_written_for(nlp):
    text = ("Political prisoner Volha Kazhamiaka (Olga Kozhemyako) was detained again on Monday. "
            "Her mother says that Volha never wrote a petition for pardon.")
    assert persons_of(nlp, text) == ["Volha Kazhamiaka"]


@pytest.mark.parametrize("text", [
    "Jailed Novosibirsk Librarian Ends Hunger Strike\n\nYelena Sorokina, 51, ended a hunger "
    "strike, her lawyer said. The court of appeal in Novosibirsk upheld the verdict.",
    "Tomsk Student Jailed for Five Years\n\nYelena Sorokina was sentenced to five years in "
    "Tomsk.",
    "Jailed Novosibirsk Librarian Ends Hunger Strike After Move to Prison Hospital\n\nYelena "
    "Sorokina, 51, ended a hunger strike, her lawyer said. The Fifth Court of Appeal in "
    "Novosibirsk upheld the verdict in December.",
])
def test_a_town_and_a_role_noun_name_no_one(nlp, text):
    assert persons_of(nlp, text) == ["Yelena Sorokina"]


def test_a_person_whose_surname_is_a_town_is_still_one(nlp):
    assert persons_of(nlp, "Jack London was detained in Paris on Monday.") == ["Jack London"]


@pytest.mark.parametrize("text", [
    # the author, her post, the time filed with its clock and zone
    "Kazakhstan Jails Poet Over Posts\n\nMarina Kovalenko\nSenior Researcher, Central Asia "
    "Program\n\nFebruary 12, 2026 9:30AM EST\n\nPolice in Almaty detained poet Arman Dauletov "
    "on Monday.",
    # the author above a weekday and a time filed
    "Poet jailed over online posts\n\nPeter Holloway\nTue 10 Mar 2026 11.20 GMT\n\nA court in "
    "Almaty jailed poet Arman Dauletov on Monday.",
    # a credit in a caption: "Credit...", and a name with a slash and an outlet in brackets
    "The court building in Almaty. Credit...Chan Wing for The New York Times\n\nA judge "
    "convicted poet Arman Dauletov of inciting discord on Monday.",
    "Police detained poet Arman Dauletov in Almaty.\n\nHis wife holds his portrait at home in "
    "Almaty [Nadia Karimova/Al Jazeera]\n\nHe faces seven years.",
    "Police detained poet Arman Dauletov in Almaty.\n\nHis wife at home in Almaty in May. "
    "Photograph: Sergei Ivanov\n\nHe faces seven years.",
    # the closing line of the authors and where they wrote from
    "Police released poet Arman Dauletov on Monday.\n\nGrace Holden reported from London and "
    "Reza Mohammadi from Dubai.",
    "Police released poet Arman Dauletov on Monday.\n\nGrace Holden contributed reporting from "
    "Almaty.",
])
def test_authors_posts_and_credits_of_a_page_are_no_persons(nlp, text):
    assert persons_of(nlp, text) == ["Arman Dauletov"]


def test_a_person_who_reported_from_a_place_in_a_sentence_is_still_one(nlp):
    text = ("Police detained reporter Grace Holden in Almaty on Monday.\n\nGrace Holden reported "
            "from the trial of Arman Dauletov for two weeks before her arrest.")
    assert "Grace Holden" in persons_of(nlp, text)


@pytest.mark.parametrize("text", [
    # the outlet a source told what was reported before
    "Police detained Omar Fathy in March, his lawyer Serdar Kilic told Al-Monitor.",
    "Police detained Omar Fathy in March. \"He was beaten,\" his sister Aigul Serikova told "
    "Vlast by phone.",
])
def test_the_outlet_told_what_was_reported_is_no_person(nlp, text):
    assert "Al-Monitor" not in persons_of(nlp, text) and "Vlast" not in persons_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("The officer told Ivan Petrov that he would be released. Police detained Ivan Petrov in "
     "Minsk.", ["Ivan Petrov"]),
    ("Prosecutors charged Ivan Petrov, Viasna told Anna Sidorova.", ["Anna Sidorova",
                                                                     "Ivan Petrov"]),
    ("Police detained Ivan Petrov in Minsk and Anna Sidorova in Hrodna.", ["Anna Sidorova",
                                                                           "Ivan Petrov"]),
    ("Oleg Orlov, co-chair of the human rights centre Memorial, was detained. \"He is "
     "innocent,\" said the head of the rights centre Anna Sidorova.", ["Anna Sidorova",
                                                                       "Oleg Orlov"]),
    ("Free Nabeel Rajab, rights groups demand\n\nPolice detained Nabeel Rajab in Manama.",
     ["Nabeel Rajab"]),
])
def test_persons_told_listed_or_after_a_body_stay_persons(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # a body's common noun right before its name
    "The rights foundation Adil Soz said the case was political. Police detained Omar Fathy.",
    # a name listed with places after a preposition of place
    "Two prisoners, Omar Fathy and Ali Nasser, left colonies in Horki and Shklou after "
    "serving their terms.",
    # a page's call to act
    "Police deported Omar Fathy to Turkmenistan.\n\nTake action: Tell Kazakhstan to stop "
    "deporting critics to Turkmenistan",
])
def test_bodies_places_and_calls_named_like_persons_are_none(nlp, text):
    assert persons_of(nlp, text) in (["Omar Fathy"], ["Ali Nasser", "Omar Fathy"])


HEADLINE = "Belarus jails poet for seven years\n\n"
BODY = "\n\nPolice detained poet Ivan Petrov in Minsk."


@pytest.mark.parametrize("text", [
    # authors with their towns above the time filed
    HEADLINE + "Max Hollis in Riga and Petra Lind in Berlin\n\nPublished March 3 2026" + BODY,
    HEADLINE + "Tom Brandt, Vilnius\n03.03.2026" + BODY,
    # the author, her post, the time with a separator or a place for its zone
    HEADLINE + "Tom Brandt\nSenior Foreign Correspondent\n3 March 2026 • 1:45pm" + BODY,
    HEADLINE + "Tom Brandt\nEurope correspondent @tombrandt\nWednesday 4 March 2026 11:29, UK"
    + BODY,
    # the author, her town and outlet, the day and the clock
    HEADLINE + "Tom Brandt\nBelgrade\nBIRN\nMarch 3, 2026\n09:45" + BODY,
    # the author under the time filed, at the page's head
    "Belarus jails poet for seven years\nMarch 3, 2026 4:15 PM ET\nTom Brandt" + BODY,
    # credits by their words
    HEADLINE + "Text by: Tom Brandt\nVideo by: Anna Weiss" + BODY,
    HEADLINE + "Tom Brandt | Rudaw" + BODY,
    "Police detained poet Ivan Petrov in Minsk.\n\nAbout the author: Tom Brandt is a "
    "journalist based in Vilnius.",
    "Police detained poet Ivan Petrov in Minsk.\n\nContact the author: Tom Brandt",
    "Police detained poet Ivan Petrov in Minsk.\n\nIvan Petrov at a hearing in Minsk in 2024. "
    "Image: Tom Brandt",
    "Police detained poet Ivan Petrov in Minsk.\n\nIvan Petrov at a hearing in Minsk in 2024. "
    "© Tom Brandt",
    "Police detained poet Ivan Petrov in Minsk.\n\nIvan Petrov at a hearing in Minsk in 2024. "
    "Photo courtesy of Anna Weiss",
])
def test_authors_of_more_pages_are_no_persons(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text, expected", [
    # a caption's person with a town, no time filed near it
    (HEADLINE + "Anna Sidorova in Minsk\n\nPolice detained poet Ivan Petrov in Minsk.",
     ["Anna Sidorova", "Ivan Petrov"]),
    # a person named as a heading over her story
    ("Belarus: prisoners of the week\n\nAnna Sidorova\nA teacher from Hrodna, she was "
     "sentenced to three years in March.", ["Anna Sidorova"]),
])
def test_persons_on_lines_of_their_own_stay_persons(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # an item of a page's menu of places, between places alone on their lines
    "Conflict Zones\n\nArmenia\nLachin Corridor\nGeorgia\n\nPolice detained Ivan Petrov in Minsk.",
    # the region's contested territories are places
    "Regions\n\nAbkhazia\nNagorno Karabakh\nSouth Ossetia\n\nPolice detained Ivan Petrov in "
    "Minsk.",
])
def test_a_menu_of_places_names_no_one(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


def test_a_person_under_a_country_heading_stays_a_person(nlp):
    text = ("Belarus\nAnna Sidorova\nA teacher from Hrodna, she was sentenced to three years in "
            "March.")
    assert persons_of(nlp, text) == ["Anna Sidorova"]


def test_the_sender_in_a_notes_header_fields_is_no_person(nlp):
    text = ("Press briefing notes on Belarus\n\nSpokesperson for the UN Human Rights Office: "
            "Martin Kessler\nLocation: Geneva\nDate: 6 March 2026\nSubject: Belarus\n\nWe are "
            "concerned by the sentence handed to Ivan Petrov.")
    assert persons_of(nlp, text) == ["Ivan Petrov"]


# ------------------------------------------------------------ round 13 (persons, helper)

@pytest.mark.parametrize("text, expected", [
    # a named person's relative, named between commas
    ("Olga Petrova was detained. Petrova's daughter, Yelena, said the colony refused to send "
     "her to hospital.", ["Olga Petrova", "Yelena"]),
    ("Ivan Petrov's younger brother, Bakhtiyor, was detained in early 2024.",
     ["Bakhtiyor", "Ivan Petrov"]),
    # the model's nationality in that place
    ("Al-Mutairi's younger brother, Turki, was detained in early 2024.",
     ["Al-Mutairi", "Turki"]),
])
def test_a_relatives_given_name_between_commas_is_a_person(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Ivan Petrov's wife, Russian by birth, said nothing.",
    "Ivan Petrov's lawyer, Moscow-based, said nothing.",
])
def test_a_word_between_commas_after_a_relative_is_no_name_unless_it_is_one(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text", [
    # a page's closing line on what the outlet is
    "Police detained poet Ivan Petrov in Minsk.\n\nMinsk Monitor is an independent news outlet. "
    "Support us",
    # named before as the one told, and described so after
    "His mother told Eastbound Watch that he had gone on hunger strike. Police detained poet "
    "Ivan Petrov in Minsk.\n\nEastbound Watch is an independent information platform on "
    "politics in Eastern Europe.",
])
def test_a_name_the_page_says_is_an_outlet_is_no_person(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


def test_a_person_said_to_work_at_an_outlet_stays_one(nlp):
    text = ("Police detained Ivan Petrov in Minsk on Monday.\n\nPetrov is a journalist at "
            "Minsk Monitor, an independent outlet.")
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text", [
    # the note on the author closing the page
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nJane Harwood is a freelance "
    "journalist based in Vilnius.",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nJane Harwood\nJane Harwood is a "
    "correspondent covering Belarus and Ukraine.",
    # the author's name over her post or her handle under the headline, or with a dot
    "Belarus jails poet for seven years\n\nJane Harwood\nStaff writer\n\nPolice detained poet "
    "Ivan Petrov in Minsk on Monday.",
    "Belarus jails poet for seven years\nJane Harwood · Vilnius\n\nPolice detained poet Ivan "
    "Petrov in Minsk on Monday.",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nJane Harwood\n@jharwood",
    # the time filed as hours ago, or with the reading time
    "Belarus jails poet for seven years\n\nJane Harwood\n5 hours ago\n\nPolice detained poet "
    "Ivan Petrov in Minsk on Monday.",
    "Belarus jails poet for seven years\n\nJane Harwood\nMar 3, 2026 · 4 min read\n\nPolice "
    "detained poet Ivan Petrov in Minsk on Monday.",
    # a column's head, a byline of a post, links to the author's pages
    "Opinion | Jane Harwood\n\nPolice detained poet Ivan Petrov in Minsk on Monday.",
    "Belarus jails poet for seven years\nPosted by Jane Harwood on March 3, 2026\n\nPolice "
    "detained poet Ivan Petrov in Minsk on Monday.",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nMore from Jane Harwood",
    # more credits
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nIllustration by Jane Harwood",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nCover photo: Jane Harwood",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nPhoto illustration by Jane Harwood",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nIvan Petrov in court. Image "
    "source, Jane Harwood",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nThis story was reported by Jane "
    "Harwood.",
    # whom to call for more
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nFor more information and media "
    "requests, please contact: Jane Harwood (+41 22 917 0000 / jane@example.org)",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nPress contact\nJane Harwood\n+44 20 "
    "7946 0000",
])
def test_authors_credits_and_contacts_of_more_pages_are_no_persons(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text, expected", [
    # a person introduced on the page's last line, not as what an author is
    ("Belarus jails poet\n\nPolice detained Ivan Petrov in Minsk on Monday. His lawyer said he "
     "was beaten.\n\nAnna Sidorova is a lawyer who has defended many political prisoners.",
     ["Anna Sidorova", "Ivan Petrov"]),
    # the person of the report said on the last line to be a journalist
    ("Belarus jails poet\n\nPolice detained Ivan Petrov in Minsk on Monday.\n\nPetrov is a "
     "journalist at Eastbound Review.", ["Ivan Petrov"]),
    # a one-word name opening sentences, a given name
    ("Grace was detained in Minsk on Monday. Police said Grace had no lawyer.", ["Grace"]),
    # a person's contact details in a sentence with no cue of a page's contacts
    ("Police detained Ivan Petrov in Minsk on Monday. His wife Anna Sidorova (+375 29 123 "
     "4567) asked for help.", ["Anna Sidorova", "Ivan Petrov"]),
])
def test_persons_near_authors_notes_stay_persons(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # a common noun opening a standfirst before a preposition, the model's person
    "Hong Kong court convicts two union leaders of subversion\n\nVerdict in one of the last "
    "big security trials is watched closely by diplomats\n\nPolice detained Ivan Petrov in "
    "Minsk.",
])
def test_a_common_noun_opening_a_line_is_no_name(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text", [
    # the time filed with its clock first, or in ISO form, under the author
    "Belarus jails poet for seven years\n\nJane Harwood\n14:20, 3 March 2026\n\nPolice "
    "detained poet Ivan Petrov in Minsk on Monday.",
    "Belarus jails poet for seven years\n\nJane Harwood\n2026-03-03 14:20\n\nPolice detained "
    "poet Ivan Petrov in Minsk on Monday.",
    # the time filed, then the author
    "Belarus jails poet for seven years\n\n3 March 2026 | Jane Harwood\n\nPolice detained poet "
    "Ivan Petrov in Minsk on Monday.",
    # a broadcaster's credits by their labels
    "Belarus jails poet for seven years\n\nReporter: Jane Harwood\nCamera: Tom Ellis\n\nPolice "
    "detained poet Ivan Petrov in Minsk on Monday.",
    "Police detained poet Ivan Petrov in Minsk on Monday.\n\nProducer: Jane Harwood. Presenter: "
    "Tom Ellis.",
])
def test_times_filed_and_labelled_credits_of_more_pages_name_no_persons(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text, expected", [
    # capitalised words of a post run on into the name
    ("The Commissioner for Human Rights Tatiana Moskalkova said the prisoners would be "
     "exchanged.", ["Tatiana Moskalkova"]),
    ("The Chairman of the Supreme Court Ivan Petrov said the case was closed.", ["Ivan Petrov"]),
])
def test_a_name_after_the_capitalised_words_of_a_post_is_a_person(nlp, text, expected):
    assert persons_of(nlp, text) == expected


def test_a_law_in_a_place_only_a_person_fills_is_no_person(nlp):
    text = ("Police detained Ivan Petrov in May. He had been serving a 10-year sentence under "
            "Section 52(a) of the Counter-Terrorism Law since 2023.")
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text", [
    # a subheading of common nouns alone on its line
    "Police detained Ivan Petrov in Minsk on Monday.\n\nHunger Strike\n\nPetrov stopped eating "
    "in May.",
    # the page's call to follow its author
    "Police detained Ivan Petrov in Minsk on Monday.\n\nFollow Jane Harwood on X",
    # a fact-checker's credit
    "Police detained Ivan Petrov in Minsk on Monday.\n\nEditor: Jane Harwood\nFact check: Tom "
    "Ellis",
    # a blog named after its common noun
    "Police detained Ivan Petrov in Minsk on Monday. He ran the blog Belarus Diary.",
])
def test_headings_calls_and_blogs_name_no_one(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


def test_a_person_alone_on_a_line_under_a_heading_stays_one(nlp):
    text = ("Prisoners of the week\n\nAnna Sidorova\nA teacher from Hrodna, she was sentenced "
            "to three years in March.\n\nGrace Holden\nA nurse, she was detained in May.")
    assert persons_of(nlp, text) == ["Anna Sidorova", "Grace Holden"]


@pytest.mark.parametrize("text", [
    # an outlet named only as the source of what is told
    "Police detained Ivan Petrov on Monday, Ekho Moskvy reported.",
    "According to Netgazeti, police detained Ivan Petrov on Monday.",
    "In an interview with Kavkaz Uzel, his lawyer said Ivan Petrov was beaten.",
    # prizes, places and bodies named after persons
    "Ivan Petrov, who won the Andrei Sakharov Prize in 2021, was detained on Monday.",
    "Ivan Petrov received the Anna Politkovskaya Award last year. He was detained on Monday.",
    "Ivan Petrov was detained on Monday outside the Ivan Franko Theatre.",
    "Ivan Petrov studied at Taras Shevchenko National University before he was detained.",
])
def test_sources_prizes_and_places_named_like_persons_are_none(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text, expected", [
    # a relative who reports, named before after the kin noun
    ("Police detained Ivan Petrov on Monday, his sister Patimat said. Patimat reported that he "
     "was beaten.", ["Ivan Petrov", "Patimat"]),
    # a person in whose memory a rally was held
    ("Ivan Petrov was detained on Monday at a rally in memory of Boris Nemtsov.",
     ["Boris Nemtsov", "Ivan Petrov"]),
])
def test_persons_near_sources_and_memorials_stay_persons(nlp, text, expected):
    assert persons_of(nlp, text) == expected


def ages_of(nlp, text, published="2024-05-10"):
    result = extract_text(nlp, Document(text=text, source="test", published=published)).to_json()
    return {p["name"]: p.get("age") for p in result["persons"]}


@pytest.mark.parametrize("text, name, age", [
    # the age in the clause of the apposition
    ("Not among the freed was Pavel Sinkevich, a former bus driver who turned 58 in the colony "
     "and is serving eight years.", "Pavel Sinkevich", 58),
    # "the N-year-old" after a name beside the subject, not the subject of a paragraph before
    ("Police said Anton Lysenko was beaten during the search.\n\nOn Friday, his family learned "
     "where the teacher from Kamianske, Oleh Bondar, is held. The 47-year-old was taken from "
     "his school on May 2.", "Oleh Bondar", 47),
])
def test_ages_in_an_apposition_and_after_a_name_beside_the_subject(nlp, text, name, age):
    assert ages_of(nlp, text)[name] == age


@pytest.mark.parametrize("text, name", [
    ("Ukrainian Ombudswoman Lyudmyla Denysenko said the men were taken to Simferopol.",
     "Lyudmyla Denysenko"),
    ("Party chairperson Olena Marchuk said the men were taken to Simferopol.", "Olena Marchuk"),
])
def test_a_title_in_its_other_gender_is_no_part_of_the_name(nlp, text, name):
    assert name in persons_of(nlp, text)


# ------------------------------------------------------------ round 14 (persons, helper)

@pytest.mark.parametrize("text, expected", [
    # a name in another language or script, in brackets after the name
    ("Police in Lhasa detained the monk Tenzin Norbu in March. Norbu (Chinese: Dan Zeng Nuo Bu) "
     "was later sentenced to four years.", ["Tenzin Norbu"]),
    # a particle written apart and joined
    ("Khaled Ben Salah was jailed for ten years on Monday. Relatives of Khaled Bensalah said he "
     "would appeal.", ["Khaled Ben Salah"]),
    ("A court in Cairo sentenced Alaa Abd El-Fattah to five years. Abdel Fattah denied the "
     "charges.", ["Alaa Abd El-Fattah"]),
    # Azerbaijani Q for the G of English spellings
    ("Azerbaijani police arrested journalist Farid Gasimli on Monday. A photo showed Farid "
     "Qasimli at the court in Baku.", ["Farid Gasimli"]),
    # South Slavic đ written dj
    ("Serbian police detained student Đorđe Marković on Friday. Djordje Markovic was released two "
     "days later.", ["Đorđe Marković"]),
    # a surname with and without its Russian ending
    ("Tajik police detained the poet Daler Imomali in May. A court later sentenced Daler "
     "Imomaliev to ten years.", ["Daler Imomali"]),
    # the family name first and last
    ("Gao Zhen jailed for seven years\n\nA court in Beijing sentenced the artist Zhen Gao to seven "
     "years on Monday.", ["Zhen Gao"]),
    # a short surname spelt two ways
    ("Ahmed Douma jailed for seven years\n\nA court sentenced the activist Ahmad Duma to seven "
     "years on Monday.", ["Ahmad Duma"]),
    # the headline's spelling of the body's person
    ("Nariman Dzhelyal jailed for 17 years\n\nA court in Rostov sentenced Nariman Celal to 17 "
     "years on Monday.", ["Nariman Celal"]),
])
def test_one_person_spelt_two_ways_is_one(nlp, text, expected):
    assert persons_of(nlp, text) == expected


def test_the_name_in_another_language_is_an_alias_not_the_name(nlp):
    result = extract_text(nlp, Document(
        text="Police detained the monk Tenzin Norbu in March. Norbu (Chinese: Dan Zeng Nuo Bu) "
             "was later sentenced to four years.", source="test", published="2024-05-10")).to_json()
    (person,) = result["persons"]
    assert person["name"] == "Tenzin Norbu" and "Dan Zeng Nuo Bu" in person["aliases"]


@pytest.mark.parametrize("text, expected", [
    # a capitalised common noun qualifying a noun, a people's or language's name
    ("Riot police beat the crowd. A court later jailed the Bashkir language activist Ruslan "
     "Garayev for two years.", ["Ruslan Garayev"]),
    # a name that only ever qualifies a noun: a movement, an event named after it
    ("Prosecutors said the school was run by the Gülen movement. A Gülen-linked union was "
     "closed after police detained teacher Ayse Kaya.", ["Ayse Kaya"]),
    # the page's credited outlet, told what happened
    ("Police detained Rustam Karimov on Monday, his lawyer told Darka English.\n\nPhoto: Darka\n\n"
     "Copyright © Darka Media Network", ["Rustam Karimov"]),
    # a body described with its owner
    ("Police detained Reza Karimi on Monday. Ghalam, the state's official news agency, later "
     "called the arrest lawful.", ["Reza Karimi"]),
    # a town the gazetteer lacks, only ever after "in"
    ("Her parents in Homiel had not been told where she was, Olga Ivanova's lawyer said.",
     ["Olga Ivanova"]),
    # streets, rules and initiatives named after persons
    ("Ivan Petrov was detained on Monday on Yevhen Konovalets Street in Kyiv.", ["Ivan Petrov"]),
    ("Ivan Petrov was detained on Monday. The UN's Nelson Mandela Rules forbid solitary "
     "confinement beyond 15 days.", ["Ivan Petrov"]),
    ("Ivan Petrov was detained on Monday. He is a member of the Ilham Tohti Initiative.",
     ["Ivan Petrov"]),
    # a name in the quoted title of a work
    ("Ivan Petrov was detained on Monday. He had published the book \"Letters to Anna Karenina\" "
     "in 2019.", ["Ivan Petrov"]),
])
def test_words_movements_outlets_and_titles_name_no_one(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the caption's photographer stays out, the person of the caption in
    ("Photo: Gunel Rustamova. Eastbound\n\nGunel Rustamova was detained in Baku on Monday.",
     ["Gunel Rustamova"]),
    # a person whose name qualifies a noun and who is named again
    ("Officers detained Ivan Petrov over posts about the Navalny case. Navalny was poisoned in "
     "2020.", ["Ivan Petrov", "Navalny"]),
    # a shorter given name inside another's is another person
    ("Police detained Marianna Ivanova on Monday. Anna Ivanova, her sister, said she was "
     "beaten.", ["Anna Ivanova", "Marianna Ivanova"]),
    # a person described by her post at an outlet
    ("Police detained Reza Karimi on Monday. Leila Ahmadi, the agency's editor, said he was "
     "beaten.", ["Leila Ahmadi", "Reza Karimi"]),
])
def test_persons_beside_those_classes_stay(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Burmese names the model cuts in pieces
    ("The court in Mandalay sentenced the cartoonist Aung Kyaw Min Oo to five years.",
     ["Aung Kyaw Min Oo"]),
    ("Police later beat Ko Min Thura Aung in the prison yard, a cellmate said.",
     ["Ko Min Thura Aung"]),
    # not into a body's word, nor in a headline of capitalised words
    ("Ivan Petrov worked for the Boris Nemtsov Foundation before he was detained on Monday.",
     ["Ivan Petrov"]),
])
def test_a_long_name_runs_on_over_its_compounds(nlp, text, expected):
    assert persons_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Police detained Ivan Petrov in Minsk on Monday.\n\nTags: Belarus, political prisoners, "
    "Tom Ellis",
    "Police detained Ivan Petrov in Minsk on Monday.\n\nFile photo by Jane Harwood",
    "Police detained Ivan Petrov in Minsk on Monday.\n\nWords: Jane Harwood. Pictures: Tom Ellis",
    "Police detained Ivan Petrov in Minsk on Monday.\nPhoto courtesy: Tom Ellis",
    "Police detained Ivan Petrov in Minsk on Monday.\n(Source: Tom Ellis)",
    "Police detained Ivan Petrov in Minsk on Monday.\n\nListen to this article. Narrated by Jane "
    "Harwood.",
    "Police detained Ivan Petrov in Minsk on Monday.\nTranslated from Russian by Jane Harwood.",
    "Police detained Ivan Petrov in Minsk on Monday.\n\nScreenshot from Jane Harwood's video",
    "Police detained Ivan Petrov in Minsk on Monday.\n\nEditor's note: Jane Harwood contributed "
    "to this report.",
])
def test_tags_credits_and_notes_name_no_one(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


def test_an_amnesty_is_no_pardon(nlp):
    result = extract_text(nlp, Document(
        text="Blogger Rauf Aliyev was freed in an amnesty on Monday. Journalist Nigar Mammadova "
             "was pardoned by the president on Tuesday.", source="test",
        published="2024-05-10")).to_json()
    names = {p["id"]: p["name"] for p in result["persons"]}
    modes = {names[e["persons"][0]]: e["release_mode"] for e in result["events"]
             if e["type"] == "release"}
    assert modes == {"Rauf Aliyev": None, "Nigar Mammadova": "pardon"}


# Round 16: page furniture and places of pages from outlets the rules were not written for.
@pytest.mark.parametrize("text", [
    # the fields of the page's head on one line, the time filed among them
    "Court jails blogger over posts\n\nNews | Tom Ellis | 3 Mar 2024 4:05 PM\n\nA court in Minsk "
    "jailed Ivan Petrov for two years on Monday.",
    "Weekly Roundup, March 1-7, 2024\n\nThe Rights Project | March 7, 2024 | Compiled by Jane "
    "Harwood\n\nA court in Minsk jailed Ivan Petrov for two years on Monday.",
    # the holder of a credit in brackets before its word
    "Ivan Petrov leaves the court in a prison van. (Tang Wai-man photo)\n\nA court in Minsk "
    "jailed Ivan Petrov for two years on Monday.",
    # the masthead and its section over the headline
    "Steppe Chronicles\nPolitics\n\nBlogger jailed for two years over his posts\n\nA court in "
    "Minsk jailed Ivan Petrov for two years on Monday.\n\nSteppe Chronicles is reader-funded.",
    "Steppe Voice\nExplainer\n\nWhy a blogger is back in prison\n\nA court in Minsk jailed Ivan "
    "Petrov for two years on Monday.",
    # subheadings: a line of capitals, one common noun alone between paragraphs
    "A court in Minsk jailed Ivan Petrov for two years on Monday.\n\nACTIVISTS AT RISK\n\nHe was "
    "beaten in the colony.",
    "A court in Minsk jailed Ivan Petrov for two years on Monday.\n\nBackground\n\nHe was first "
    "detained in 2022.",
    # the author and her town closing the page
    "Ivan Petrov was jailed for two years on Monday in Kyiv.\n\nOlena Koval, Kharkiv",
    # the dateline's city
    "Addis Abeba – Police detained the journalist Ivan Petrov on Monday.",
    # districts the gazetteer lacks, joined to another or before a place noun
    "Police searched homes in Bole and Kolfe Keranio before detaining Ivan Petrov.",
    "Ivan Petrov was moved from the prison in Dong Nai to a camp, his sister said. Police in "
    "Dong Thap province later detained his son.",
    # a Spanish article opening a prison's name
    "How long were you held?\nEight months. Then the guards took me to La Modelo, in Tipitapa."
    "\n\nIvan Petrov was freed in February.",
    # a headquarters named alone and whole
    "Photo: Coordination Headquarters for the Return of Prisoners\n\nIvan Petrov was freed in a "
    "swap, the Coordination Headquarters for the Return of Prisoners reported.\n\nAccording to "
    "the Headquarters, 50 people came home.",
])
def test_round16_furniture_and_places_name_no_one(nlp, text):
    assert persons_of(nlp, text) == ["Ivan Petrov"]


@pytest.mark.parametrize("text, expected", [
    # a headline opening the page with a name stays a person's
    ("Ivan Petrov\nBlogger\n\nA court in Minsk jailed Ivan Petrov for two years on Monday.",
     ["Ivan Petrov"]),
    # a person quoted on a line of capitals in the text
    ("A court in Minsk jailed Ivan Petrov for two years on Monday. His lawyer Anna Sidorova said "
     "he would appeal.", ["Anna Sidorova", "Ivan Petrov"]),
    # a person after "in" with a known given name
    ("Police showed no interest in Anna Sidorova before they detained Ivan Petrov.",
     ["Anna Sidorova", "Ivan Petrov"]),
])
def test_round16_persons_beside_those_classes_stay(nlp, text, expected):
    assert persons_of(nlp, text) == expected


def test_round16_the_name_in_another_language_with_the_language_after_it(nlp):
    text = ("Aliaksandr Kazloŭski (Alexander Kozlovsky in Russian-language court papers) was "
            "jailed for two years on Monday.")
    assert persons_of(nlp, text) == ["Aliaksandr Kazloŭski"]


def test_round16_a_frontier_in_a_headlines_capitals_is_no_one(nlp):
    text = ("Ivan Petrov was jailed for two years on Monday.\n\nRead more: Students Escape to "
            "Thai Border")
    assert "Thai Border" not in persons_of(nlp, text)


def test_round16_title_case_words_of_a_read_more_line_name_no_one(nlp):
    text = ("Ivan Petrov was jailed for two years on Monday.\n\nRead more: Students Escape to "
            "Thai Border")
    assert persons_of(nlp, text) == ["Ivan Petrov"]
    text = ("Ivan Petrov was jailed for two years on Monday.\n\nRead more: Court Jails Activist "
            "Anna Sidorova for Three Years")
    assert persons_of(nlp, text) == ["Anna Sidorova", "Ivan Petrov"]
