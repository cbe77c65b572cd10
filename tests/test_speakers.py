import pytest

from quoteattr.speakers import (SpeakerResolver, find_names, is_org, headline_spans, mention_head, mention_name, mention_type,
                                sentence_start, strip_titles)

PANJ = (
    "Ahmad Masud, head of the front, made the announcement. \"Peace now,\" Masud said. "
    "The attack killed Masud's father, commander Ahmad Shah Masud, in 2001. "
    "U.S. General Mark Milley warned of war. \"I don't know,\" Milley said. "
    "Taliban spokesman Bilal Karimi said the forces advanced."
)


@pytest.mark.parametrize(
    "mention,expected",
    [
        ("Taliban spokesman Bilal Karimi", "Bilal Karimi"),
        ("U.S. General Mark Milley", "Mark Milley"),
        ("Former Afghan Vice President Amrullah Saleh", "Amrullah Saleh"),
        ("Ahmad Masud, head of the NRFA", "Ahmad Masud"),
        ("Gen. John W. Smith", "John W. Smith"),
        ("Susan Mary Smith", "Susan Mary Smith"),
        ("Masud's", "Masud"),
        # a person of an organisation; occupations as titles; "&" inside a name
        ("Agronomist Eszter Lakatos of the Tokaly Research Institute", "Eszter Lakatos"),
        ("Bank of England", "Bank of England"),
        ("National Resistance Front of Afghanistan", "National Resistance Front of Afghanistan"),
        ("Supermarket chain Hollis & Grey", "Hollis & Grey"),
        ("Prof. Femke van der Linde", "Femke van der Linde"),
    ],
)
def test_strip_titles(mention, expected):
    assert strip_titles(mention) == expected


@pytest.mark.parametrize(
    "mention,kind",
    [("he", "pronoun"), ("She", "pronoun"), ("the spokeswoman", "description"),
     ("a police spokesman", "description"), ("Milley", "name"), ("the Taliban", "name"),
     ("the Interior Ministry", "name"), ("", "none")],
)
def test_mention_type(mention, kind):
    assert mention_type(mention) == kind


def test_names_do_not_cross_sentences_or_swallow_possessives():
    names = {n.name for n in find_names(PANJ)}
    assert "Ahmad Shah Masud" in names and "Ahmad Masud" in names and "Mark Milley" in names
    assert not any("'" in n or "." in n.split()[-1] for n in names)


def test_surname_goes_to_the_person_introduced_first_not_the_namesake():
    r = SpeakerResolver(PANJ, [(0, 11)])
    assert r.canonical_name("Masud", PANJ.index("Masud said")) == "Ahmad Masud"
    assert r.canonical_name("Milley", PANJ.index("Milley said")) == "Mark Milley"


def test_speaking_entity_wins_over_an_earlier_namesake():
    text = "Maria Lopez, the mayor's mother, watched. Carlos Lopez, the mayor, spoke. \"Enough,\" Lopez said."
    src = [(text.index("Carlos Lopez"), text.index("Carlos Lopez") + 12)]
    r = SpeakerResolver(text, src)
    assert r.canonical_name("Lopez", text.index("Lopez said")) == "Carlos Lopez"


def test_a_whose_clause_says_nothing_of_the_names_own_gender():
    text = "Raid\n\nThe shop's owner, Margaret Marlowe, whose grandfather opened the business in 1952, was away."
    assert SpeakerResolver(text).gender("Margaret Marlowe") == "f"


def test_a_bare_surname_is_not_the_relative_though_the_headline_names_her_first():
    text = ("Judge tells Tobias and Marisa Rendell to stop\n\nA judge told the actor Tobias Rendell and his estranged wife, "
            "the television presenter Marisa Rendell, to stop. Rendell, 47, is an actor. Marisa Rendell said no.\n\n"
            "Outside court, Rendell stopped.")
    src = [(text.index("Marisa Rendell said"), text.index("Marisa Rendell said") + 14)]  # she speaks, he not yet
    r = SpeakerResolver(text, src)
    assert r.canonical_name("Rendell", text.index("Rendell stopped")) == "Tobias Rendell"


def test_description_bound_to_a_name():
    r = SpeakerResolver(PANJ, [])
    pos = len(PANJ)
    assert r.bound_name("the spokesman", pos) == "Bilal Karimi"
    assert r.bound_name("the general", pos) == "Mark Milley"
    assert r.bound_name("a witness", pos) is None


@pytest.mark.parametrize(
    "mention,kind,name",
    [
        ("the Interior Ministry", "name", "Interior Ministry"),
        ("Meanwhile, Atta Mohammad Noor, the head of the party", "name", "Atta Mohammad Noor"),
        ("Afghan media outlets", "description", None),
        ("a leader of the National Resistance Front", "description", None),
        ("Deputy Mayor Tom Hill", "name", "Tom Hill"),
        ("Emergency, an Italian aid group that", "name", "Emergency"),
    ],
)
def test_head_of_the_noun_phrase_decides_name_or_description(mention, kind, name):
    assert mention_type(mention) == kind
    if name:
        assert strip_titles(mention) == name


def test_description_head_ignores_post_modifiers():
    text = "Bilal Karimi, the spokesman for the Taliban, spoke. Later the spokesman of the group said no."
    r = SpeakerResolver(text, [])
    assert r.bound_name("The spokesman of", text.index("Later")) == "Bilal Karimi"


@pytest.mark.parametrize(
    "mention,name",
    [
        ("The opposition, called the National Resistance Front of Afghanistan", "National Resistance Front of Afghanistan"),
        ("A local business group, the East Side Traders’ Association", "East Side Traders’ Association"),
        ("Hanak's lawyer, Matej Sokol", "Matej Sokol"),
        ("the Finn", None),
        ("the 34-year-old Briton", None),
        ("The envoy, who has spent eight months shuttling between the capital, Tollin, and the south", None),
        ("Another mother at the school gate, who gave only her first name, Sadia", "Sadia"),
        ("Republican pollster Whit Ayres -- author of 2016 and Beyond, which urged the GOP", "Whit Ayres"),
        ("Representative Peter T. King, Republican of New York", "Peter T. King"),  # a surname that is a title
        ("former secretary of state Hillary Clinton, who", "Hillary Clinton"),  # an office in lower case
        ("the secretary of state", None),
    ],
)
def test_mention_name_looks_through_appositives(mention, name):
    from quoteattr.speakers import mention_name

    assert mention_name(mention) == name


def test_relative_pronoun_and_appositive_binding():
    text = ("Members of the Front watched. Ahmad Masud, who said on Facebook that it stands, spoke. "
            "Emergency, an Italian aid group, said the road was cut.")
    r = SpeakerResolver(text, [])
    assert r.relative_antecedent(text.index("who")) == "Ahmad Masud"
    assert r.bound_name("an Italian aid group", text.index("an Italian")) == "Emergency"
    # a fuller form adds only name words, never "Members of the ..."
    assert r.canonical_name("Front", text.index("spoke")) == "Front"


def test_organisation_names_keep_their_words():
    from quoteattr.speakers import is_org, mention_name

    assert mention_name("The operator, Pellan Coach Tours") == "Pellan Coach Tours"
    assert mention_name("The Harbour and Transport Workers' Union") == "Harbour and Transport Workers' Union"
    assert mention_name("The National Women’s Basketball League") == "National Women’s Basketball League"
    assert is_org("National Resistance Front of Afghanistan") and not is_org("Mark Milley")


def test_a_given_name_outweighs_a_relatives_honorific_on_the_shared_surname():
    text = ("Claire Donnelly, 52, whose father, Brian, lay on his kitchen floor for five hours, said the family had "
            "rung 999 four times.\n\nMr Donnelly, 79, a retired bus driver, was later found to have broken his hip.")
    assert SpeakerResolver(text).gender("Claire Donnelly") == "f"


def test_a_clock_time_does_not_end_a_sentence_and_a_place_is_no_appositives_name():
    text = ("FERRAZ, Oct 3 (Wire) - The volcano erupted.\n\nThe agency raised its alert at 4:40 a.m. and said lava was "
            "flowing. At 5 p.m. The Times reported it.\n\nOutside Kelling House, a retired bus driver said he was worried.")
    assert text[sentence_start(text, text.index("lava")) :].startswith("The agency raised")
    assert text[sentence_start(text, text.index("reported")) :].startswith("The Times")  # a capital does start one
    r = SpeakerResolver(text)
    assert r.bound_name("a retired bus driver", text.index("a retired")) is None


def test_the_prosecutor_is_whoever_opens_the_case_for_the_crown():
    text = ("Manager falsified drug charts, jury told\n\nA care-home manager falsified records, a prosecutor told "
            "Ellerbridge Crown Court.\n\nOpening the case for the Crown, Rebecca Thorne KC told jurors the charts were rewritten.")
    assert SpeakerResolver(text).court_role("prosecutor") == "Rebecca Thorne"
    text = ("A care worker stole from residents, a jury has heard. The prosecutor said she treated their cards as wages.\n\n"
            "Joanne Pell, 43, denies 14 counts of theft.\n\n"
            "Opening the case at Fenby Crown Court on Monday, Rachel Okonedo KC told jurors the residents were frail.")
    r = SpeakerResolver(text)
    assert r.court_role("prosecutor") == "Rachel Okonedo" and r.court_role("defendant") == "Joanne Pell"


def test_a_role_is_named_later_by_the_noun_its_head_compounds_with():
    text = ("Rate rise\n\nFinance Minister Dagny Holt told parliament the deficit would shrink.\n\n"
            "The lender's mission chief for Marovia said the council stood ready to help.\n\n"
            "Anneliese Brook, the mission chief, will arrive in Korva on Monday.")
    pos = text.index("The lender's")
    assert SpeakerResolver(text).named_later("The lender's mission chief for Marovia", pos) == "Anneliese Brook"


def test_gender_from_honorifics_appositives_and_pronouns():
    text = ("Ms. Lena Vogt chairs the board. Tom Reyes, her deputy, said he would stay. "
            "Ngozi Okafor, his sister, disagreed. Emeka Okafor said he was tired.")
    r = SpeakerResolver(text, [])
    assert r.gender("Lena Vogt") == "f"
    assert r.gender("Tom Reyes") == "m"
    assert r.gender("Ngozi Okafor") == "f" and r.gender("Emeka Okafor") == "m"
    assert r.gender("a police spokeswoman") == "f"


def test_age_and_head_bound_descriptions():
    text = "Dario Fenn, 44, owns the shop. The Interior Ministry said roads were shut."
    r = SpeakerResolver(text, [])
    assert r.age_bound("the 44-year-old") == "Dario Fenn"
    assert r.name_with_head("ministry", len(text)) == "Interior Ministry"


_COUNT = ("Count halted\n\nAMBARI, Kelunda, Oct 14 (Wire) - The count stopped on Tuesday, as the head of an "
          "international observer mission warned of delay.\n\nDaniel Oyelo, a former central bank governor who leads "
          "the opposition Renewal Alliance, spoke. Anneke Roos, a former prime minister of Vesland who leads the "
          "140-member observer mission of the Coastal States Union, said so. \"No,\" the general secretary of the "
          "Almira Dockworkers' Union, Elena Castrelo, said.\n\nThe union leader said no.")
_MUSEUM = ("Find\n\n“Calls from three continents,” said the museum’s director.\n\n"
           "Thomas Reyburn, who has run the museum since 2011, said so.\n\nThe museum director said no.")
_COMMISSION = ("Hung parliament in Pellaria\n\nThe commission's chairwoman said the count was calm.\n\n"
               "Beatrix Hollander, who has chaired the commission since 2016, said results would be certified.")


@pytest.mark.parametrize("text,description,leader", [
    (_COUNT, "the head of an international observer mission", "Anneke Roos"),  # named after the lede
    (_COUNT, "The opposition leader", "Daniel Oyelo"),
    (_COUNT, "The union leader", "Elena Castrelo"),
    (_COUNT, "the party leader", None),  # nobody leads a party here
    (_MUSEUM, "the museum’s director", "Thomas Reyburn"),
    (_MUSEUM, "The museum director", "Thomas Reyburn"),
    (_COMMISSION, "The commission's chairwoman", "Beatrix Hollander"),  # "has chaired" it
])
def test_whoever_leads_it_is_its_head_or_leader(text, description, leader):
    r = SpeakerResolver(text)
    assert r.leader_of(description, text.find(description) if description in text else len(text)) == leader


def test_a_wire_datelines_country_is_a_place():
    assert SpeakerResolver(_COUNT).is_place("Kelunda") and not SpeakerResolver(_MUSEUM).is_place("Kelunda")


_SUMMIT = ("Summit\n\nVesterland's climate minister, Annika Brenholt, spoke. Marisol Ferreyra, the environment minister "
           "of Tavora, spoke too. Brenholt said no.\n\n\"Too high,\" the Tavoran minister said.")


@pytest.mark.parametrize("text,description,bound", [
    # a demonym: whoever the story calls that country's minister, either way round
    (_SUMMIT, "the Tavoran minister", "Marisol Ferreyra"),
    (_SUMMIT, "the Vesterlandish minister", "Annika Brenholt"),
    # an appositive's possessive is not the description's head
    ("Fire\n\nThe Industrial Safety Executive is investigating. Martin Gale, the executive's head of inspections, "
     "spoke.\n\nAccording to the executive, the company was warned.", "the executive", None),
    # a place modifier picks the appositive that names the place
    ("Dig\n\nMiriam Achterberg, an archaeologist at Western Plains University, spoke. Joan Pelletier, 61, an "
     "archaeologist at Lakeland State University, disagreed.\n\nAchterberg said no. \"Maybe,\" the Lakeland archaeologist "
     "said.", "the Lakeland archaeologist", "Joan Pelletier"),
])
def test_descriptions_bound_by_what_their_modifiers_say(text, description, bound):
    at = text.rindex(description) if description in text else text.rindex("the ")
    assert SpeakerResolver(text).bound_name(description, at) == bound


def test_a_sentence_opening_with_an_age_is_about_a_person_not_an_organisation():
    text = ("Hostage\n\nGovernor Idris Ballo told reporters. Idris Ballo said the kidnappers belonged to the Sabri Liberation Front.\n\n"
            "The 55-year-old governor added that no shot was fired.")
    assert SpeakerResolver(text).age_bound("The 55-year-old governor") == "Idris Ballo"


def test_age_bound_is_the_appositive_owner_not_a_club_after_a_preposition():
    text = "Callum Reid, a 26-year-old flanker for Harbury, a fifth-tier club, said he played on."
    assert SpeakerResolver(text, []).age_bound("the 26-year-old") == "Callum Reid"


@pytest.mark.parametrize(
    "mention,speaker",
    [("researchers at the University of Holmstad", "researchers at the University of Holmstad"),
     ("two people familiar with the matter", "two people familiar with the matter"),
     ("A longtime family friend, who asked not to be named", "A longtime family friend"),
     ("A passenger who had been sitting near the front", "A passenger"),
     ("Meanwhile, a police spokesman", "a police spokesman"),
     ("even a top GOP strategist", "a top GOP strategist")],  # a focusing adverb is not who spoke
)
def test_unnamed_speaker_keeps_its_modifiers_but_not_clauses(mention, speaker):
    from quoteattr.speakers import description_speaker

    assert description_speaker(mention) == speaker


def test_gender_of_a_description_from_what_follows_it():
    text = ("One lorry driver, stuck in a queue, said he had waited since dawn. "
            "A passenger told television from her hospital bed that the bus was fast.")
    r = SpeakerResolver(text)
    assert r.gender("One lorry driver") == "m"
    assert r.gender("A passenger") == "f"
    assert r.gender("a man standing next to her") == "m"  # the head decides, not the modifier


def test_gender_from_the_next_sentence_only_for_a_speaker_and_not_from_the_pronoun_itself():
    # "Taru" is in neither given-name list, so only the text speaks to gender here.
    text = ("Lead author Taru Ekdal, a glaciologist, said the team combined images. She said: \"Go.\"\n\n"
            "Halvorsen reported a profit. She said the plan would work.")
    ekdal = text.index("Taru")
    r = SpeakerResolver(text, [(ekdal, ekdal + len("Taru Ekdal"))])
    assert r.gender("Taru Ekdal") == "f"  # a speaker, and the next sentence opens with She
    assert r.gender("Halvorsen") is None  # not marked as speaking: the next sentence says nothing
    assert r.gender("Taru Ekdal", ignore=text.index("She said:")) is None  # not its own evidence


def test_gender_from_a_gendered_noun_before_the_name():
    r = SpeakerResolver("Family feud\n\nChairman Emeka Okafor wrote to the board on Monday. "
                        "The letter named his sister Ngozi Okafor twice.")
    assert r.gender("Emeka Okafor") == "m"
    assert r.gender("Ngozi Okafor") == "f"


def test_sentence_subjects_are_people_opening_a_sentence():
    text = "Ngozi Okafor, 57, hit back. But the board met. Many staff left. Tom Reyes agreed."
    subjects = [n for _, n in SpeakerResolver(text).sentence_subjects(len(text))]
    assert subjects == ["Ngozi Okafor", "Tom Reyes"]


FAMILY = (
    "Rescue\n\nMarek Dudek, 66, and his wife set out on Wednesday. \"It broke,\" Dudek said.\n\n"
    "His wife, Ilona Dudek, a retired nurse, said they had rationed water.\n\n"
    "Their daughter, Kasia Dudek, 31, raised the alarm. \"I knew,\" she said.\n\n"
    "Dudek said he would buy another boat. His wife said there would be no new boat. "
    "\"Stop,\" the younger Dudek said."
)


def test_bare_surname_is_not_a_relative_introduced_through_the_main_person():
    r = SpeakerResolver(FAMILY, [(FAMILY.index("Kasia"), FAMILY.index("Kasia") + 11)])
    assert r.canonical_name("Dudek", FAMILY.index("Dudek said he")) == "Marek Dudek"
    assert r.introduced_as_relative(next(n for n in r.names if n.name == "Ilona Dudek"))


def test_kin_description_binds_to_the_relative_named_with_it():
    r = SpeakerResolver(FAMILY)
    assert r.bound_name("His wife", FAMILY.index("His wife said")) == "Ilona Dudek"


def test_younger_and_elder_by_how_the_story_introduces_them():
    text = ("Talks\n\nGeneral Yusuf Haddan and his younger brother, Lieutenant General Karim Haddan, met. "
            "Karim Haddan spoke. Yusuf Haddan left.\n\nLater the younger Haddan wrote, and the elder Haddan said no.")
    r = SpeakerResolver(text)
    assert r.relative_by_age("the younger Haddan", text.index("the younger")) == "Karim Haddan"
    assert r.relative_by_age("the elder Haddan", text.index("the elder")) == "Yusuf Haddan"
    text = "Keepers\n\nEdwin Carrow kept the light. His son, Tom Carrow, keeps it now. Tom Carrow laughed.\n\nThe elder Carrow says so."
    assert SpeakerResolver(text).relative_by_age("The elder Carrow", text.index("The elder")) == "Edwin Carrow"


def test_younger_and_elder_by_age_or_by_who_the_surname_is_not():
    r = SpeakerResolver(FAMILY)
    pos = FAMILY.index("the younger")
    assert r.relative_by_age("the younger Dudek", pos) == "Kasia Dudek"  # 31 < 66 (Ilona has no age)
    text = "Sport\n\nCoach Ingrid Moberg said they ran out of energy. Aino Moberg fouled out. \"Sorry,\" the younger Moberg said."
    r = SpeakerResolver(text, [(text.index("Ingrid"), text.index("Ingrid") + 13)])
    assert r.relative_by_age("the younger Moberg", text.index("the younger")) == "Aino Moberg"
    assert r.relative_by_age("the minister", 0) is None
    # The older one's age given on the bare surname; a third Tullow has none.
    text = ("Doctor\n\nDr Agnes Tullow met a farmer, Callum Tullow, in 1987. This month Tullow, 67, retires.\n\n"
            "Her daughter, Fiona Tullow, 38, grew up there. \"I was furious,\" the younger Tullow said.")
    r = SpeakerResolver(text)
    pos = text.index("the younger")
    assert r.relative_by_age("the younger Tullow", pos) == "Fiona Tullow"
    assert r.relative_by_age("the elder Tullow", pos) == "Agnes Tullow"


def test_younger_and_elder_by_who_is_someone_s_child_or_has_a_younger_brother():
    # three who share the surname, no ages: the one a story calls their daughter is the younger
    text = ("Sculptor\n\nAgnes Coldwell began at 31, after her husband, Peter Coldwell, brought home clay for their "
            "daughter, Rosa, who was then four.\n\nRosa Coldwell runs the business. \"She is stubborn,\" the younger Coldwell says.")
    assert SpeakerResolver(text).relative_by_age("the younger Coldwell", text.index("the younger")) == "Rosa Coldwell"
    # "Joe ... his younger brother": Joe is the elder
    text = ("Football\n\nBrothers Sam and Joe Kellett scored. Joe Kellett, the captain, equalised, and his younger brother "
            "put the side in front.\n\nSam Kellett, 21, said it was a dream. The elder Kellett said he went for the ball.")
    r = SpeakerResolver(text)
    assert r.relative_by_age("The elder Kellett", text.index("The elder")) == "Joe Kellett"
    assert r.relative_by_age("the younger Kellett", text.index("The elder")) == "Sam Kellett"


def test_a_possessor_before_a_name_is_no_part_of_its_fuller_form():
    text = ("Doping\n\nThe federation suspended the doctor of Kettering’s Stenmark-Orvel team.\n\n"
            "Stenmark-Orvel said it had suspended Kettering.")
    r = SpeakerResolver(text)
    assert r.canonical_name("Stenmark-Orvel", text.rindex("Stenmark-Orvel")) == "Stenmark-Orvel"


def test_a_participle_opening_a_sentence_is_no_name():
    names = [n.name for n in find_names("Title\n\nAsked about this, her mother shrugs. Pressed on it, Ann Lee smiled.")]
    assert "Asked" not in names and "Pressed" not in names and "Ann Lee" in names


def test_organisation_head_before_of_and_a_lede_naming_it_later():
    text = "Strike\n\nNurses walked out, the coastguard said. Skerna Coastguard staff helped. The Royal Guild of Nurses agreed."
    r = SpeakerResolver(text)
    assert r.name_with_head("coastguard", text.index("the coastguard")) == "Skerna Coastguard"
    assert r.name_with_head("guild", len(text)) == "Royal Guild of Nurses"


def test_a_place_before_a_reporting_clause_is_not_an_appositive():
    text = "Rescue\n\nThey drifted for days in the Skerna Strait, the coastguard said."
    assert SpeakerResolver(text).bound_name("the coastguard", text.index("the coastguard")) is None
    text = "Aid\n\nEmergency, an Italian aid group, said the hospital was full."
    assert SpeakerResolver(text).bound_name("an Italian aid group", text.index("an Italian")) == "Emergency"


def test_resolved_pronouns_teach_the_gender_of_their_speaker():
    text = "Derby\n\nReyes, known as 'the Lighthouse', scored. Pellegrini watched on television."
    r = SpeakerResolver(text)
    assert r.gender("Reyes") is None
    r.note_gender("Reyes", "m", 500)
    assert r.gender("Reyes") == "m"
    assert r.gender("Reyes", ignore=500) is None  # not evidence for the pronoun it came from


def test_latest_organisation_before_a_position():
    text = "Markets\n\nShares in Veltrano Systems fell on Thursday. The company said demand was weak."
    assert SpeakerResolver(text).latest_org(text.index("The company")) == "Veltrano Systems"


def test_the_company_is_an_apposed_operator_not_a_harbour_office():
    text = ("The Tessaby Harbour Office said berths were full. A Tessaby Harbour Office official said ships waited.\n\n"
            "The port's operator, Corvane Terminals, said in a statement that pay would not fall.\n\n"
            "\"We regret the disruption,\" the company said.")
    assert SpeakerResolver(text).latest_org(text.index("the company")) == "Corvane Terminals"


def test_particle_surnames_and_role_appositives_bind():
    text = ("Fever\n\nProf. Femke van der Linde, who led the study, spoke. Van der Linde said so.\n\n"
            "The quartet’s cellist, Wen Liqing, said she had played it. Mayor Rhiannon Pryce and "
            "Deputy Mayor Osman Kettleby disagreed. The deputy mayor said no.")
    r = SpeakerResolver(text)
    assert r.canonical_name("Van der Linde", text.index("Van der Linde said")) == "Femke van der Linde"
    assert r.bound_name("The cellist", len(text)) == "Wen Liqing"
    assert r.bound_name("The deputy mayor", text.index("The deputy mayor")) == "Osman Kettleby"
    assert r.bound_name("the mayor", text.index("The deputy mayor")) == "Rhiannon Pryce"


def test_office_then_holder_and_relative_pronoun_past_an_appositive():
    from quoteattr.speakers import mention_name

    assert mention_name("the Speaker of the Assembly, Ivo Lindahl") == "Ivo Lindahl"
    assert mention_name("Oliver Szabo of Penrose Securities") == "Oliver Szabo"
    text = "Trial\n\nThe court heard from Elif Sarac, a former head keeper at the zoo, who said the birds arrived."
    r = SpeakerResolver(text)
    assert r.relative_antecedent(text.index("who said")) == "Elif Sarac"


def test_role_after_a_name_without_an_article_binds():
    text = "Results\n\nSo said Delphine Arkwright, chief executive of Quarrington Group. Later the chief executive said more."
    r = SpeakerResolver(text)
    assert r.bound_name("the chief executive", text.index("the chief executive")) == "Delphine Arkwright"
    text = "Quake\n\nTARSK, Aug 22 (Wire) - A quake struck, the agency said. A digger worked."
    assert SpeakerResolver(text).bound_name("a digger", text.index("A digger")) is None


def test_people_before_skips_places_and_things_named_after_people():
    text = ("Clocks\n\nEvery Thursday at dawn, Wilma Kallweit climbs the steps of St Oswin's tower "
            "by the River Asker. \"People only notice a clock when it stops,\" she says.")
    people = [n for _, n in SpeakerResolver(text).people_before(text.index("she says"))]
    assert people == ["Wilma Kallweit"]


def test_dates_places_and_occupations_are_not_names():
    from quoteattr.speakers import mention_name

    text = "Court\n\nA man was jailed on Wednesday, with the judge telling him he had erred."
    assert SpeakerResolver(text).bound_name("the judge", text.index("the judge")) is None
    assert "Wednesday" not in [n.name for n in find_names(text)]
    assert mention_name("Hallstad, Vrenland’s foreign ministry spokeswoman, Marit Sorvel") == "Marit Sorvel"
    assert mention_name("In Hallstad, the spokeswoman, Marit Sorvel") == "Marit Sorvel"
    assert strip_titles("Student Liesbeth Kramer") == "Liesbeth Kramer"
    assert strip_titles("Rancher Dale Whitford") == "Dale Whitford"  # an occupation written as a title
    assert mention_name("Emergency, an Italian aid group") == "Emergency"


@pytest.mark.parametrize(
    "mention, name",
    [
        ("On Kettleholm", "Kettleholm"),  # a sentence-opening preposition is not part of a name
        ("When Amrullah Saleh", "Amrullah Saleh"),
        ("In March the Northern Coast Health Trust", "Northern Coast Health Trust"),
        ("But Karimi", "Karimi"),
        ("Even Lindsey Graham", "Lindsey Graham"),  # a focusing adverb opening the sentence
        ("Senate Minority Leader Harry M. Reid", "Harry M. Reid"),  # "M." is an initial here
        ("South Carolina Rep. Justin T. Bamberg", "Justin T. Bamberg"),  # "Carolina Rep." is no "Larry King"
        ("Ministry spokesman M. Dupont", "Dupont"),  # and the French "Monsieur" here
        ("Senate Majority Whip John Cornyn", "John Cornyn"),  # offices and trades of US politics
        ("Senators Mitch McConnell", "Mitch McConnell"),
        ("Republican pollster Whit Ayres", "Whit Ayres"),
        ("MSNBC Host Rachel Maddow", "Rachel Maddow"),
        ("Only Kettleholm Council", "Kettleholm Council"),
        ("Prosecutor Simon Achterberg KC", "Simon Achterberg"),  # letters after a name
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("Harlan Chief Executive Dominic Reyes", "Dominic Reyes"),  # a title inside the run
        ("Sen. Tomas Brevik of Halmaria", "Tomas Brevik"),  # a titled person, then a place
        ("National Resistance Front of Afghanistan", "National Resistance Front of Afghanistan"),
        ("General Motors", "General Motors"),
        ("Former Afghan Vice President Amrullah Saleh", "Amrullah Saleh"),
        ("Chief Ray Tolland", "Ray Tolland"),  # a fire chief: "Chief" before a given name
        ("Police Chief Dana Whitfield", "Dana Whitfield"),  # "Dana" is in no list of given names
        ("Chief Executive Ana Roth", "Ana Roth"),
        # a person, then "of the" where they work, even when it is not an organisation's name
        ("Chief Ray Tolland of the Pell County Fire Protection District", "Ray Tolland"),
        ("Jane Roe of the Bronx", "Jane Roe"),
        ("Friends of the Earth", "Friends of the Earth"),
        ("Reporter Jomana Karadsheh", "Jomana Karadsheh"),  # US copy's trades and offices
        ("Assemblywoman Claudia Tenney", "Claudia Tenney"),
        ("Democrats Hillary Clinton", "Hillary Clinton"),  # "Democrats Hillary Clinton, Bernie Sanders, and ..."
        ("Democrats Abroad", "Democrats Abroad"),
        ("Maricopa County Recorder Helen Purcell", "Helen Purcell"),  # a county office
        # an organisation's head that is also a title ('Center') cuts no name short
        ("Jeffrey Lewis of the James Martin Center for Nonproliferation Studies", "Jeffrey Lewis"),
        ("Serena Kelleher-Vergantini of Washington's Institute for Science and International Security",
         "Serena Kelleher-Vergantini"),
        ("the Ministry of Wildlife and Tourism", "Ministry of Wildlife and Tourism"),
    ],
)
def test_strip_titles_keeps_only_the_name(mention, name):
    assert strip_titles(mention) == name


def test_surname_stays_with_the_person_it_was_first_used_for():
    text = (
        "Dr Teodor Malsky is still operating at dawn.\n\n"
        "Malsky, 56, has worked at the hospital for 30 years.\n\n"
        "His eldest, Ilona Malsky, 23, is a nurse there.\n\n"
        '"We stay," Malsky says.'
    )
    r = SpeakerResolver(text)
    assert r.canonical_name("Malsky", text.rindex("Malsky")) == "Teodor Malsky"


def test_description_introduces_a_person_named_next():
    text = (
        '"We warned this government," the leader of the opposition United Lirovia bloc told parliament.\n\n'
        'Dainis Rukstelis, the bloc\'s leader and a former defence minister, called the strike a failure.\n\n'
        "In the Panjshir Valley, fighting went on."
    )
    r = SpeakerResolver(text)
    pos = text.index("the leader")
    assert r.named_later("the leader of the opposition United Lirovia bloc", pos) == "Dainis Rukstelis"
    assert r.named_later("the head of the water board", pos) is None


@pytest.mark.parametrize(
    "mention, name",
    [
        ("Co-author Tom Baker", "Tom Baker"),
        ("Senate Majority Leader Paul Brennan", "Paul Brennan"),  # an organisation, its title, a person
        ("Bank of England Governor Andrew Bailey", "Andrew Bailey"),
        ("Interior Ministry", "Interior Ministry"),
    ],
)
def test_titles_after_organisations_and_co_titles(mention, name):
    assert strip_titles(mention) == name


def test_party_and_nationality_nouns_are_descriptions_not_names():
    text = 'Sen. Dale Whitcomb, R-Idaho, was angry.\n\nThe Idaho Republican said he would vote no. "Never," he said.'
    assert mention_type("The Idaho Republican") == "description"
    assert all("Republican" not in m.name for m in find_names(text))


def test_a_lone_given_name_stands_for_the_full_name():
    text = "Lotte Brannagh rides.\n\nHer sister, Maeve Brannagh, is a nurse. Harwick City lost.\n\n\"Slander,\" Lotte said."
    r = SpeakerResolver(text)
    assert r.canonical_name("Lotte", text.rindex("Lotte")) == "Lotte Brannagh"
    assert r.canonical_name("Maeve", len(text)) == "Maeve Brannagh"
    assert r.canonical_name("Harwick", len(text)) == "Harwick"  # a place, not a person's given name
    assert r.canonical_name("Lotte", text.rindex("Lotte"), given=False) == "Lotte"


def test_given_name_lists_are_clean_and_decide_he_or_she():
    from quoteattr.speakers import NAMES_DIR, first_name_gender

    lists = {}
    for file in ("male.txt", "female.txt"):
        names = (NAMES_DIR / file).read_text(encoding="utf-8").split("\n")
        names = [n for n in names if n]
        assert names == sorted(set(names)) and all(n == n.lower() and " " not in n for n in names)
        lists[file] = set(names)
    assert not lists["male.txt"] & lists["female.txt"]
    assert first_name_gender("Declan Amadi") == "m" and first_name_gender("Sunniva Vance") == "f"
    assert first_name_gender("Andrea Rossi") is None and first_name_gender("Amadi") is None

    text = ("Declan Amadi, the director, spoke first. Sunniva Vance, the union's negotiator, spoke next.\n\n"
            '"We will not move," she said.')
    r = SpeakerResolver(text)
    pos = text.index("she said")
    assert r.gender("Sunniva Vance", pos) == "f" and r.gender("Declan Amadi", pos) == "m"


def test_a_lede_description_binds_to_the_title_named_later():
    text = ("Arsonist jailed\n\nA man was jailed on Wednesday, with the judge telling him he had put a street at risk.\n\n"
            "Rory Brennard, 34, admitted arson.\n\nSentencing, Judge Philippa Ackerly said:\n\n\"You knew.\"")
    r = SpeakerResolver(text)
    assert not any(a <= text.index("Sentencing") < b for a, b in headline_spans(text))  # prose, not a headline
    assert r.bound_later("the judge", text.index("the judge")) == "Philippa Ackerly"


ROLE_TEXTS = {
    "assistant": ("Solvik head coach Rasmus Engel was sent off, leaving his assistant, Pavel Hruby, to face reporters.\n\n"
                  '"A point," the assistant coach said.'),
    "two coaches": ("Torvik coach Mattias Fjell was pleased. Sandhamn coach Henrik Sollen was not.\n\n"
                    "Fjell said tickets would sell out. The coach said it was a big day.\n\n"
                    "Sollen said the sum was agreed with Fjell's club. The coach said no more."),
    "far back": ("Prime Minister Owen Marchbank survived a vote.\n\n" + "The debate went on. " * 200 +
                 "\n\nHearthly's founder and chief executive, Sunniva Lund, apologised.\n\n"
                 "Late on Wednesday, the prime minister said: \"Tonight we won.\" The founder said sorry."),
}


@pytest.mark.parametrize(
    "text, description, at, expected",
    [
        # A role modifier picks its own holder: not "head coach Rasmus Engel".
        ("assistant", "the assistant coach", "the assistant", {"Pavel Hruby"}),
        ("assistant", "the coach", "the assistant", {"Rasmus Engel", "Pavel Hruby"}),
        # Of two people bound to a role, the last one spoken of wins (not a possessive).
        ("two coaches", "The coach", "The coach", {"Mattias Fjell"}),
        ("two coaches", "The coach", "-The coach", {"Henrik Sollen"}),
        # Bindings reach across the whole article, and through a second role.
        ("far back", "the prime minister", "the prime minister", {"Owen Marchbank"}),
        ("far back", "The founder", "The founder", {"Sunniva Lund"}),
    ],
)
def test_roles_bind_to_their_holders(text, description, at, expected):
    text = ROLE_TEXTS[text]
    pos = text.rindex(at[1:]) if at.startswith("-") else text.index(at)
    assert SpeakerResolver(text).bound_name(description, pos) in expected


def test_place_adjectives_and_for_in_names():
    assert strip_titles("the Milan-based Raffaele Conti") == "Raffaele Conti"
    assert strip_titles("The Department for Education") == "Department for Education"


def test_an_honorific_picks_the_bearer_of_its_gender():
    from quoteattr.speakers import head_gender

    text = ("Callum Mercer, 15, carried his sister out. His mother, Joanne Mercer, 41, was treated.\n\n"
            "Ms Mercer said she had been woken by the alarm. Mr Mercer was away.")
    r = SpeakerResolver(text)
    assert r.canonical_name("Ms Mercer", text.index("Ms Mercer")) == "Joanne Mercer"
    assert r.canonical_name("Mr Mercer", text.index("Mr Mercer")) == "Callum Mercer"
    assert head_gender("Her son") == "m" and head_gender("the chairwoman") == "f" and head_gender("the judge") is None


def test_a_capital_speaking_for_its_government_is_a_place():
    text = "Talks in Mirzan ended.\n\nMirzan said the release was humanitarian. Johanna Brekke thanked it."
    r = SpeakerResolver(text)
    assert r.is_place("Mirzan") and not r.is_place("Johanna Brekke") and not r.is_place("Brekke")


def test_an_organisation_of_two_things():
    assert strip_titles("The Ministry of Wildlife and Tourism") == "Ministry of Wildlife and Tourism"
    assert strip_titles("the Bank of England and Tom") == "Tom"  # a person after "and" is not part of it
    names = [n.name for n in find_names("The Ministry of Health and Oxfam Smith agreed. The Ministry of Wildlife and Tourism said no.")]
    assert "Ministry of Wildlife and Tourism" in names and "Ministry of Health" in names


def test_a_union_of_one_trade_and_allied_workers_and_its_acronym():
    text = ("The National Union of Mine and Allied Workers (NUMAW) said it had warned the company. "
            "According to NUMAW, 61 miners have died.")
    names = [n.name for n in find_names(text)]
    assert names[0] == "National Union of Mine and Allied Workers" and "Allied Workers" not in names
    r = SpeakerResolver(text)
    assert r.canonical_name("NUMAW", text.index("NUMAW,")) == "National Union of Mine and Allied Workers"
    assert r.canonical_name("The National Union of Mine and Allied Workers (NUMAW", 0) == "National Union of Mine and Allied Workers"


def test_an_organisation_name_with_several_words_after_and_or_two_ands():
    assert strip_titles("The Ministry of Agriculture and Rural Affairs") == "Ministry of Agriculture and Rural Affairs"
    assert strip_titles("the Ministry of Defence and Mark Hale") == "Mark Hale"  # a person, not the name's end
    text = "Brassington and Wendle Fire and Rescue Service said crews attended. Mark Hale agreed."
    names = [n.name for n in find_names(text)]
    assert "Brassington and Wendle Fire and Rescue Service" in names and "Mark Hale" in names
    r = SpeakerResolver(text)
    assert r.canonical_name("the Wendle Fire and Rescue Service", 70) == "Brassington and Wendle Fire and Rescue Service"


def test_more_nationality_nouns_and_institution_names():
    assert all(mention_type(d) == "description" for d in ("the Kenyan", "the Pakistani", "the Israeli", "the Mexican"))
    from quoteattr.speakers import is_org

    assert is_org("Larkfield House") and is_org("Marrowby Royal Infirmary") and not is_org("Niamh Gallagher")


def test_the_company_is_the_story_company_or_the_paragraphs_own():
    text = ("Shares in Corveth Labs fell after Corveth Labs cut 400 jobs.\n\n"
            "Analysts at Hollis Ridge Securities called the cuts overdue.\n\n"
            "The company said it would report results on Feb. 27.\n\n"
            "Ibis Cell Technologies agreed to the deal. Ibis, founded in 2011, backed the offer. "
            "The company said it would keep its headquarters.\n\n"
            "Highland Ambulance Service took 12 people to hospital. The company said sailings were cancelled.")
    r = SpeakerResolver(text)
    assert r.latest_org(text.find("The company said it would report")) == "Corveth Labs"  # named most
    assert r.latest_org(text.find("The company said it would keep")) == "Ibis Cell Technologies"  # its paragraph's
    # A public service is no company; Ibis and Corveth are named twice each: the story's
    # first, as in a takeover story whose bidder is named as often as its target.
    assert r.latest_org(text.find("The company said sailings")) == "Corveth Labs"


def test_a_name_the_story_calls_a_company_is_one():
    text = ("Vrost, 33, is the chief executive and co-founder of Tidewell, a start-up that makes sensors. "
            "The company says its sensors can locate a leak.\n\n"
            "Wavelet, the fast-growing social network, said on Wednesday it had restored service. "
            "The outage drew a response from the payments company Vessa.\n\n"
            "Four miners were killed in northern Varland, the mine’s operator said.")
    r = SpeakerResolver(text)
    assert {"Tidewell", "Wavelet", "Vessa"} <= r.described_companies
    assert "Varland" not in r.described_companies  # "…, the mine’s operator said" is an attribution
    # An analyst's firm is a company; the analyst introduced before it is not.
    analyst = SpeakerResolver("Ruth Delacourt, a banking analyst at the brokerage Arden Hale, said the bank grew too fast.")
    assert analyst.companies == {"Arden Hale"}
    assert r.latest_org(text.index("The company says")) == "Tidewell"
    assert is_org("Caldrin Metals") and is_org("Tessmoor Rail")
    # newspapers: "In a 1998 interview with the Lenmore Courier, she said" is no she
    assert is_org("Lenmore Courier") and is_org("Calderholm Posten") and is_org("Bellminster Echo")
    # a creed is no trade before a name: not "Circuit" for the "Dunmore Methodist Circuit"
    assert [n.name for n in find_names("The hall's owner, the Dunmore Methodist Circuit, has told the kitchen.")] == [
        "Dunmore Methodist Circuit"]
    assert strip_titles("Agronomist Eszter Lakatos") == "Eszter Lakatos"


def test_a_name_with_a_spokesman_or_staff_is_a_company():
    text = ("Westmere Water said tests at its works had found the parasite.\n\n"
            "Councillor Ruth Penhale said the company had questions to answer.\n\n"
            "A Westmere Water spokesman said the result had needed confirming.\n\n"
            "According to the company, bottled water is being handed out.")
    r = SpeakerResolver(text)
    assert "Westmere Water" in r.described_companies and "Ruth Penhale" not in r.described_companies
    assert r.latest_org(text.index("According to the company")) == "Westmere Water"
    street = SpeakerResolver("A Downing Street spokesman said the talks went well.")
    assert "Downing Street" not in street.described_companies  # a place's spokesman: no company


def test_the_runner_up_is_the_one_beaten_and_the_new_champion_the_one_who_beat_her():
    text = ("Marsik fights back to beat Ibarreche for Rosenthal Open title\n\n"
            "KESSING — Lena Marsik, 22, came from 4-2 down in the deciding set to beat the second seed, Carla Ibarreche, 6-4, 3-6, 7-5.\n\n"
            "\u201cThat double fault will be in my head,\u201d the runner-up admitted.")
    r = SpeakerResolver(text)
    assert r.match_side("the runner-up") == "Carla Ibarreche"  # not the headline's "Ibarreche for Rosenthal Open"
    assert r.match_side("the new champion") == "Lena Marsik"
    assert r.match_side("the defending champion") is None and r.match_side("the coach") is None


def test_mrs_is_the_mother_of_two_women_who_share_a_surname_and_ms_the_other():
    paragraphs = ["Killer recaptured", "Dean Mallory murdered Ryan Corrigan in 2017.",
                  "Ryan's mother, Janet Corrigan, said she had not slept. \"I was frightened,\" Mrs Corrigan said.",
                  "Ryan's sister, Kerry Corrigan, 27, wrote on Facebook on Saturday.",
                  "\"Nobody has called us,\" Ms Corrigan told reporters.",
                  "The chef Harriet Pellow wrote a memoir. Her mother, Maureen Pellow, 74, disputed it.",
                  "Harriet said she was sad. Asked whether she would speak to her daughter, Mrs Pellow said no."]
    text = "\n\n".join(paragraphs)
    for mention, name in (("Mrs Corrigan", "Janet Corrigan"), ("Ms Corrigan", "Kerry Corrigan"), ("Mrs Pellow", "Maureen Pellow")):
        assert SpeakerResolver(text).canonical_name(mention, text.index(mention)) == name


def test_a_second_role_after_and_is_no_place():
    text = ("A man robbed a Tellmark Bank branch on Thursday.\n\n"
            "Officers were examining CCTV from the bank and from shops along Holbeck Street.\n\n"
            "Tellmark Bank said the branch would stay closed. \u201cWe are giving the team every support,\u201d the bank said.")
    r = SpeakerResolver(text)
    assert r.bound_name("the bank", text.index("the bank said")) is None  # not "the bank and from shops along Holbeck Street"
    founder = "Hearthly's founder and chief executive, Sunniva Lund, said the app would grow."
    assert SpeakerResolver(founder).bound_name("the founder", len(founder)) == "Sunniva Lund"


def test_a_sentence_case_headline_makes_no_fuller_name():
    text = ("Teenager Reddy rescues ten-man Vale as rival boss fumes over late penalty\n\n"
            "Callum Reddy, 17, scored twice on Saturday.\n\nReddy said he wanted the ball.")
    r = SpeakerResolver(text)
    assert r.canonical_name("Reddy", text.index("Reddy said")) == "Callum Reddy"
    assert headline_spans(text, sentence_case=True) == [(0, text.index("\n"))]
    assert headline_spans(text) == []  # its names still count as names
    # a headline may end on its quote; "Dalvania’s Valdek" there is no fuller name
    text = ("Dalvania’s Valdek pardons opposition leader, who vows “no revenge”\n\n"
            "President Tomas Valdek pardoned Idris Marandi.\n\nValdek said he had signed it.")
    assert SpeakerResolver(text).canonical_name("Valdek", text.index("Valdek said")) == "Tomas Valdek"
    quoted = "“I bear no bitterness and I want no revenge.”\n\nMarandi walked out of prison."
    assert SpeakerResolver(quoted)._headline_lines == []  # a quote opening the story is no headline


def test_places_and_institutions_of_several_words_are_not_people():
    text = ("Agnes Coldwell has worked in Fennick Cross since 1961. She studied at the Vellgrad "
            "Conservatory. The winchman on the rescue helicopter said little.")
    r = SpeakerResolver(text)
    assert r.is_place("Fennick Cross") and not r.is_place("Agnes Coldwell")
    assert not r.is_place("The winchman on the rescue helicopter")
    from quoteattr.speakers import is_org

    assert is_org("Vellgrad Conservatory") and is_org("Lycée Jean-Moulin")


def test_an_organisation_head_before_for_or_of():
    text = "The Varnholt Institute for Aging Research ran the trial. The Royal Guild of Nurses objected."
    r = SpeakerResolver(text)
    assert r.name_with_head("institute", len(text)) == "Varnholt Institute for Aging Research"
    assert r.name_with_head("guild", len(text)) == "Royal Guild of Nurses"


def test_a_lawyer_referred_back_to_finds_the_named_solicitor():
    text = ("She was accompanied by the family's solicitor, Anita Roszak.\n\n"
            "\"We waited 18 months,\" her lawyer said. A lawyer for the Wrona family said little.")
    r = SpeakerResolver(text)
    assert r.bound_name("her lawyer", text.index("her lawyer")) == "Anita Roszak"
    assert r.bound_name("A lawyer for the Wrona family", text.index("A lawyer")) is None  # someone new


def test_a_person_of_an_organisation_is_two_names():
    text = "Elin Varga of Hadley & Stroud said the cuts were deep. Station Manager Colm Rourke of Lenwick Fire and Rescue Service agreed."
    names = [n.name for n in find_names(text)]
    assert "Elin Varga" in names and "Hadley & Stroud" in names
    assert "Colm Rourke" in names and "Lenwick Fire and Rescue Service" in names
    assert not any(" of " in n and n.startswith(("Elin", "Colm")) for n in names)
    assert "Ministry of Defence" in [n.name for n in find_names("The Ministry of Defence said.")]


def test_a_person_of_an_organisation_resolves_to_the_person():
    text = "\"We rescued 63 people,\" said Station Manager Colm Rourke of Lenwick Fire and Rescue Service."
    r = SpeakerResolver(text)
    assert r.canonical_name("Station Manager Colm Rourke of Lenwick Fire and Rescue Service", 30) == "Colm Rourke"
    assert r.canonical_name("Ministry of Defence", 0) == "Ministry of Defence"
    text = "His paintings of the hills above Fennick Cross will hang there."
    assert SpeakerResolver(text).is_place("Fennick Cross")


def test_an_appositive_that_introduces_the_next_person_says_nothing_of_the_first():
    # "his mother" is Anwen, who follows it, not Kiri (neither name is in the lists).
    text = "Kiri Mercer, his mother, Anwen Mercer, 41, and his sister were treated in hospital."
    r = SpeakerResolver(text)
    assert r.gender("Kiri Mercer") != "f"


def test_a_possessive_inside_the_reported_clause_is_no_evidence():
    text = ("Nicola Kelsall, 35, told reporters outside court that the family had never "
            "doubted his innocence.")
    assert SpeakerResolver(text).gender("Nicola Kelsall") is None


def test_an_honorific_surname_goes_to_the_relative_who_has_been_speaking():
    text = ("Nora Halvey, 19, was killed when a van hit her bicycle.\n\n"
            "Her mother, Carla Halvey, said: \"She loved animals.\"\n\n"
            "Outside court, Ms Halvey said the sentence was not enough.")
    r = SpeakerResolver(text)
    pos = text.index("Ms Halvey")
    assert r.canonical_name("Ms Halvey", pos) == "Nora Halvey"  # nobody has spoken yet
    r.spoken.add("Carla Halvey")
    assert r.canonical_name("Ms Halvey", pos) == "Carla Halvey"


def test_a_sentence_subject_after_a_lead_phrase_but_not_a_possessor():
    text = ("Wilma Kallweit winds the clock. On the way down, Kallweit stops at a landing. "
            "Gideon Pell sued her. In his opening statement, Pell's barrister, Ambrose Keel, spoke. "
            "Her mother, Ruth Kallweit, taught her.")
    subjects = [n for _, n in SpeakerResolver(text).sentence_subjects(len(text))]
    assert subjects.count("Wilma Kallweit") == 2  # "On the way down, Kallweit"
    assert subjects.count("Gideon Pell") == 1  # not "Pell's barrister, Ambrose Keel"
    assert "Ruth Kallweit" not in subjects  # an appositive, not a lead phrase


def test_a_description_identified_later_in_so_many_words():
    text = ("A woman who lives opposite the shop said she heard a bang. \"It was loud,\" she said.\n\n"
            "The woman, Sandra Mellick, 67, said she had lived there for 30 years.\n\n"
            "The councillor said the street was safe. Councillor Ian Brophy agreed.")
    r = SpeakerResolver(text)
    assert r.identified_later("A woman who lives opposite the shop", 0) == "Sandra Mellick"
    # Only "The <head>, <Name>," identifies: a later 'Councillor Ian Brophy' may be anyone.
    assert r.identified_later("The councillor", text.index("The councillor")) is None


def test_a_lede_description_named_later_after_its_relative_clause():
    # The tagger cuts the lede's mention at "who"; the naming sentence repeats the clause.
    text = ("\u201cWe followed the vultures,\u201d said the ranger who found them.\n\n"
            "The second ranger, Amina Sharif, said nothing.\n\n"
            "The ranger who found the carcasses, Daniel Naisho, has worked in the park for 16 years.")
    r = SpeakerResolver(text)
    assert r.identified_later("the ranger who", text.index("the ranger")) == "Daniel Naisho"


def test_a_relative_clause_or_a_month_is_no_name():
    assert mention_name("The UN envoy, who has led mediation efforts since September") is None
    assert mention_type("The UN envoy, who has led mediation efforts since September") == "description"
    assert mention_name("Hanak's lawyer, Matej Sokol") == "Matej Sokol"
    # a place before the appositive chain is where they spoke
    assert mention_name("Royal Courts of Justice, Adeyemi’s solicitor, Priya Kaur") == "Priya Kaur"


def test_a_possessive_full_name_is_still_a_person_but_a_vale_is_a_place():
    text = ("At 63, the last thatcher in Lowmere Vale is not ready to retire\n\n"
            "Mairead Cowan’s hands tell you what she does. St Oswin’s tower stands.")
    r = SpeakerResolver(text)
    people = [n for _, n in r.people_before(len(text))]
    assert "Mairead Cowan" in people and not any("Oswin" in n for n in people)
    assert r.is_place("Lowmere Vale")


def test_organisation_names_joined_by_and_stay_whole():
    text = ("Officials at the Land and Water Directorate, the government agency, said it would act. "
            "The Rail and Signal Workers' Union (RSWU) said no. The Water Directorate said yes.")
    r = SpeakerResolver(text)
    assert "Land and Water Directorate" in [n.name for n in find_names(text)]
    assert r.acronyms["RSWU"] == "Rail and Signal Workers' Union"
    assert r.canonical_name("Water Directorate", text.index("The Water")) == "Land and Water Directorate"


def test_a_sentence_opening_possessor_stays_a_subject_and_a_title_follows_who_has_spoken():
    text = ("Catherine Moyo won. Moyo’s campaign had centred on the unit.\n\n"
            "Daniel Ashcombe, 24, died in 2023. Daniel’s father, Graham Ashcombe, spoke.\n\n"
            "Mr Ashcombe, 58, said the family would take advice.")
    r = SpeakerResolver(text)
    end = len(text)
    assert [n for p, n in r.sentence_subjects(end) if p == text.index("Moyo’s")] == ["Catherine Moyo"]
    at = text.index("Ashcombe, 58")
    assert dict(r.sentence_subjects(end))[at] == "Daniel Ashcombe"  # nobody quoted yet
    r.spoken.add("Graham Ashcombe")
    assert dict(r.sentence_subjects(end))[at] == "Graham Ashcombe"


def test_a_participle_after_the_head_is_a_modifier_and_a_road_is_a_place():
    from quoteattr.speakers import mention_core

    assert mention_core("a man clearing branches") == "a man"
    assert mention_core("the acting director") == "the acting director"
    assert mention_head("the club\u2019s longest-serving player, standing by the tunnel") == "player"  # not "club"
    assert mention_head("the club's departing captain") == "captain"  # after a possessor: before its noun
    assert mention_core("Hollinsford District Council’s planning officer") == "Hollinsford District Council’s planning officer"
    r = SpeakerResolver("On Cliff Road, Linda Haskell, 67, stood in her garden. Fiona Marsh agreed.")
    assert r.is_place("Cliff Road") and not r.is_place("Fiona Marsh")


@pytest.mark.parametrize("text, description, name", [
    # 'the judge' finds 'Mr Justice'
    ("Mr Justice Owen Fairclough found for the hotel. The judge said the engineers had failed.",
     "The judge", "Owen Fairclough"),
    # a role after a name and an age binds to it
    ("Among them were Amira Selek, 31, a primary school teacher from Dorvash, and her mother, "
     "Hatice Selek, 63. \"She told me,\" the teacher said.", "the teacher", "Amira Selek"),
])
def test_a_role_binds_to_its_name(text, description, name):
    assert SpeakerResolver(text).bound_name(description, text.index(description)) == name


def test_the_lede_describes_and_the_next_paragraph_names():
    text = ("Korlund budget raises fuel duty\n\n"
            "ALDHAVEN — Korlund’s finance minister unveiled a budget on Tuesday that raises fuel duty.\n\n"
            "Helena Vostrup, presenting her second budget, said the deficit was too high.\n\n"
            "Late on Tuesday, the finance minister told KRT that she would act.")
    r = SpeakerResolver(text)
    assert r.named_after_lede("the finance minister", text.index("the finance minister told")) == "Helena Vostrup"
    brother = ("Mayor's brother guilty of fraud\n\n"
               "The brother of a former mayor of Pennock has been found guilty of fraud.\n\n"
               "Gareth Mallory, 58, was convicted on Thursday.")
    r = SpeakerResolver(brother)
    assert r.named_after_lede("the brother", len(brother) - 5) == "Gareth Mallory"
    assert r.named_after_lede("the former mayor", len(brother) - 5) is None  # not the lede's subject


def test_a_person_the_lede_names_in_what_was_said_is_not_the_one_it_describes():
    paragraphs = ["Doorman tells trial he saw defendant swing first",
                  "DUNMARSH — A nightclub doorman told a murder trial on Thursday that he saw Owen Barclay swing first.",
                  "Owen Barclay, 31, denies murder.",
                  "Jordan Sallis, 27, who was working the door that night, told the court he had been standing nearby."]
    doorman = "\n\n".join(paragraphs)
    apposed = doorman.replace("A nightclub doorman told", "A nightclub doorman, Jordan Sallis, told")
    for text, named in ((doorman, "Jordan Sallis"), (apposed, None)):  # the next paragraph opening on someone else
        assert SpeakerResolver(text).named_after_lede("A nightclub doorman", text.index("A nightclub")) == named


def test_a_role_binds_no_name_across_a_line_break():
    text = "Leak exposes 1.2 million customers\n\nVESSHOLM — The regulator opened an inquiry."
    assert SpeakerResolver(text).bound_name("customers", text.index("VESSHOLM")) is None


def test_a_title_in_marks_is_nobody():
    text = "Desmond Hale retired. In his memoir, ‘Nobody Asked Us’, he wrote about the back benches."
    assert [n for _, n in SpeakerResolver(text).people_before(len(text))] == ["Desmond Hale"]


def test_a_nickname_in_marks_inside_a_name():
    text = "Across the road lives Donald ‘Dodie’ MacAskill, 84, who fished. MacAskill says no."
    names = [(n.name, text[n.start : n.end]) for n in find_names(text)]
    assert ("Donald MacAskill", "Donald ‘Dodie’ MacAskill") in names
    assert SpeakerResolver(text).canonical_name("MacAskill", text.rindex("MacAskill")) == "Donald MacAskill"


def test_an_age_binds_through_who_is_and_through_a_sentence_that_opens_with_it():
    text = ("Walter Hartley, who is 86, inspects the loaves.\n\n"
            "Ilse Brandvold saved a match point before beating Catalina Ferro to win the Carrowmere Open.\n\n"
            "The 21-year-old, ranked 38th in the world, admitted she had no idea how.")
    r = SpeakerResolver(text)
    assert r.age_bound("the 86-year-old") == "Walter Hartley"
    assert r.age_bound("the 21-year-old") == "Ilse Brandvold"  # the sentence's first person, not its last
    assert r.age_bound("the 40-year-old") is None
    text = "He is 17 and plays for the youth side.\n\nErnest Kilby runs the shop. Kilby is 87. He still works."
    assert SpeakerResolver(text).age_bound("the 87-year-old") == "Ernest Kilby"
    assert SpeakerResolver(text).age_bound("the 17-year-old") is None  # "He is 17" names nobody


def test_an_age_no_one_is_given_goes_to_the_person_just_introduced():
    text = ("Goran Halas, 58, was pulled alive from his house. His daughter, Vesna Halas, had waited beside the rubble.\n\n"
            "\"I heard him knock on a pipe,\" the 31-year-old said.")
    r = SpeakerResolver(text)
    pos = text.index("the 31-year-old")
    assert r.age_latest("the 31-year-old", pos) == "Vesna Halas"  # not her father, whom the story makes 58
    assert r.age_latest("the 58-year-old", pos) is None  # the story says who is 58
    text = ("Bridget Halloran won the count. Her opponent, Simon Deane, conceded.\n\n"
            "Halloran thanked Gareth Lowe for his work.\n\n\"I respect that,\" the 46-year-old said.")
    # Lowe was not introduced by an age; Deane, named before, is left to the sentences about him
    assert SpeakerResolver(text).age_latest("the 46-year-old", text.index("the 46-year-old")) == "Gareth Lowe"
    text = "Count\n\nHalloran thanked Gareth Lowe.\n\nLowe spoke. Then Halloran thanked Gareth Lowe again. \"Yes,\" the 46-year-old said."
    assert SpeakerResolver(text).age_latest("the 46-year-old", text.index("the 46-year-old")) is None  # named before
    assert SpeakerResolver(text).age_latest("the 46-year-old former mayor", text.index("the 46-year-old")) is None


def test_an_age_is_not_a_day_and_a_sentence_opening_with_it_skips_names_in_quotes():
    text = ("“I did not know,” said the 24-year-old who on Sunday became the quickest man in Merrowby.\n\n"
            "Josiah Kerimo said he had run only his second marathon. The record had been set by Abel Ndaruga.\n\n"
            "“I looked back at Abel and he was laughing,” Kerimo said.\n\nThe 24-year-old said he felt fine.")
    assert SpeakerResolver(text).age_bound("The 24-year-old") == "Josiah Kerimo"  # not 'Sunday', nor the Abel quoted


def test_the_second_witness_is_not_the_witness_before_her():
    text = ("“I did change them,” the witness said.\n\n"
            "The second witness, Lisa Marr, 33, worked as a carer.\n\n"
            "The woman, Sandra Kett, told the jury she had been frightened.")
    r = SpeakerResolver(text)
    assert r.identified_later("the witness", text.index("the witness")) is None
    assert r.identified_later("A woman", 0) == "Sandra Kett"


def test_a_role_binds_through_worked_as_and_a_demonym_through_another_head():
    text = ("The second witness, Lisa Marr, 33, worked as a carer for Brightside.\n\n"
            "His Meskanan counterpart, Selim Arkadi, struck a softer tone. "
            "Talvorian Foreign Minister Aleksander Roed spoke next.\n\n"
            "A senior Meskanan official said talks would go on. The Meskanan minister said")
    r = SpeakerResolver(text)
    assert r.bound_name("the carer", len(text)) == "Lisa Marr"
    assert r.bound_name("The Meskanan minister", text.index("The Meskanan minister")) == "Selim Arkadi"
    assert r.bound_name("a senior Meskanan official", text.index("A senior")) is None  # a new, unnamed one


def test_the_council_leader_is_not_the_opposition_leader_named_after():
    text = ("The council leader said the authority had no good options.\n\n"
            "Opposition leader Councillor Owen Bracewell called the budget a con.")
    assert SpeakerResolver(text).bound_later("The council leader", 0) is None
    assert is_org("Sleep and Health Unit")


def test_the_teenager_and_an_indefinite_lede_age_name_the_person():
    text = ("A 16-year-old boy carried his six-year-old sister to a window after fire swept through the house.\n\n"
            "Callum Mercer, his mother, Joanne Mercer, 41, and his sister were treated in hospital.")
    r = SpeakerResolver(text)
    assert r.age_bound("the teenager") == "Callum Mercer" == r.age_bound("the 16-year-old")
    text = ("Brannigan said Luke Fenner had a centre-forward's head. The 19-year-old, making his fourth start, "
            "said he had been screaming.\n\nNeil Brannigan is the manager.")
    assert SpeakerResolver(text).age_bound("the 19-year-old") == "Luke Fenner"  # spoken about, not the speaker
    text = ("“Ingrid didn’t trust a number,” Miriam Achterberg said.\n\n"
            "The 68-year-old, who now directs the institute, said Halloran had been passed over.")
    assert SpeakerResolver(text).age_bound("the 68-year-old") == "Miriam Achterberg"  # a name in quotes is no one's


def test_street_and_company_words_of_invented_names():
    from quoteattr.speakers import _place_like

    assert _place_like("Ferry Row") and _place_like("Wharf Lane") and _place_like("Kelmouth Quay")
    assert _place_like("Linden Rise") and _place_like("Orchard Drive") and not _place_like("Stuart Kinnear")
    assert is_org("Carrick Lines") and is_org("Brightwater Homes") and is_org("Vell Peak Observatory")
    assert not is_org("Alan Thwaite")
    assert [m.name for m in find_names("Substitute Danny Fenwick headed the winner.")] == ["Danny Fenwick"]


def test_court_parties_are_read_from_how_the_story_introduces_them():
    text = ("Janice Pell, 67, was giving evidence at the trial of Declan Forde, 44, who denies murder.\n\n"
            "Barclay, 38, a scaffolder from Kellingford, denies murdering Lewis Hanratty.\n\n"
            "Opening the case, Nadia Carrow KC, prosecuting, told the jury about the knife.\n\n"
            "Sentencing, Judge Richard Calverley said the footage was clear.")
    r = SpeakerResolver(text)
    assert r.court_role("defendant") == "Declan Forde"
    assert r.court_role("prosecutor") == "Nadia Carrow"
    assert r.court_role("judge") == "Richard Calverley"
    assert r.court_role("witness") is None
    assert SpeakerResolver("Barclay, 38, a scaffolder from Kellingford, denies murder.").court_role("defendant") == "Barclay"


def test_the_accused_in_french_german_and_spanish_court_copy():
    fr = ("Castelnoue : trois ans requis\n\nLe procureur, Thierry Gaudin, a parlé mardi devant le tribunal, où "
          "comparaissait Ludovic Sarrazin, 46 ans, poursuivi pour escroquerie.")
    assert SpeakerResolver(fr).court_role("defendant") == "Ludovic Sarrazin"
    es = ("Juicio en Montesalce\n\nEl empresario Gonzalo Arévalo Pineda, de 61 años, acusado de arrollar a un "
          "ciclista, declaró este miércoles.")
    assert SpeakerResolver(es).court_role("defendant") == "Gonzalo Arévalo Pineda"
    de = ("Hund beißt Joggerin\n\nDie Joggerin Lisa Hartmann sagte aus. „Das war ein Fehler“, sagte Reinhard K., "
          "der sich bei Hartmann entschuldigte.")
    assert SpeakerResolver(de).court_role("defendant") == "Reinhard K"  # press code: the accused by initial


def test_a_person_of_the_organisation_is_two_names():
    text = "Her co-author, Dr Ines Calloway of the Vell Peak Observatory, said the team had ruled it out."
    assert [m.name for m in find_names(text)] == ["Ines Calloway", "Vell Peak Observatory"]
    assert [text[m.start : m.end] for m in find_names(text)] == ["Ines Calloway", "Vell Peak Observatory"]


def test_the_elder_brother_is_the_older_of_two_sharing_a_surname():
    text = ("Ray Dunning stacks cauliflowers. Down the street his brother Colin Dunning does the same.\n\n"
            "Colin, who is 63, tells the story differently.\n\n"
            "Ray, who turns 69 next month, plans to retire.")
    r = SpeakerResolver(text)
    assert r.relative_by_age("the elder brother", len(text)) == "Ray Dunning"
    assert r.relative_by_age("the younger man", len(text)) == "Colin Dunning"
    assert SpeakerResolver("Ray Dunning and Colin Dunning run shops.").relative_by_age("the elder brother", 0) is None


def test_the_daughter_of_someone_is_not_her_daughter():
    text = ("Her daughter, Johanna Marrin, said she had died peacefully.\n\n"
            "Born in the fishing town of Kelloway, the daughter of a trawlerman, Marrin began writing music.\n\n"
            "Her daughter said")
    assert SpeakerResolver(text).bound_name("Her daughter", text.rindex("Her daughter")) == "Johanna Marrin"
    text = "Born in the town of Kelloway, the daughter of a trawlerman, Marrin began writing.\n\nHer daughter said"
    assert SpeakerResolver(text).bound_name("Her daughter", text.rindex("Her daughter")) is None


def test_a_possessive_before_a_person_is_whose_not_part_of_the_name():
    text = ("Voters ended eight years in office for the Civic Alliance’s Geoffrey Tallis. Britain’s Andy Murray "
            "watched. Penhallow’s Bakery stayed open. So did St Aldric’s Hospital.")
    names = [n.name for n in find_names(text)]
    assert {"Civic Alliance", "Geoffrey Tallis", "Andy Murray", "Penhallow’s Bakery", "St Aldric’s Hospital"} <= set(names)
    assert strip_titles("the Civic Alliance’s Geoffrey Tallis") == "Geoffrey Tallis"
    assert SpeakerResolver(text + " Tallis said no.").canonical_name("Tallis", len(text) + 2) == "Geoffrey Tallis"
    # a plural owner takes the apostrophe alone
    assert strip_titles("Democracy Corps’ Stan Greenberg") == "Stan Greenberg"
    assert strip_titles("James’ Bakery") == "James’ Bakery"


def test_a_role_for_a_place_binds_the_name_after_it():
    text = ("A coroner has said she will write to the council.\n\n"
            "The area coroner for North Varrowshire, Alison Threlkeld, said the road was dark.")
    assert SpeakerResolver(text).bound_later("A coroner", 0) == "Alison Threlkeld"


def test_shops_are_organisations_and_blocks_are_places():
    assert is_org("Penhallow’s Bakery") and is_org("Dunmore Pharmacy") and is_org("Harbour Café")
    text = "Bernadette Oyelaran, 64, who has lived in Block C for 31 years, said the lifts had failed."
    assert SpeakerResolver(text).is_place("Block C") and not SpeakerResolver(text).is_place("Bernadette Oyelaran")


def test_a_name_given_with_called_is_nobody_a_description_introduces():
    text = ("The chief executive of Hollin Mills said the merger would work.\n\n"
            "The combined company will be called Hollin Carrowdale. Priyanka Dorrance, who has run Hollin "
            "since 2019, will lead it.")
    assert SpeakerResolver(text).named_later("The chief executive of Hollin Mills", 0) == "Priyanka Dorrance"


def test_a_team_or_firm_before_a_role_must_agree_with_the_description():
    text = ("Dunmarrow head coach Brian Tolland said it. Skelbridge coach Gareth Pennick said no. "
            "'Yes,' the Skelbridge coach said. 'No,' the Dunmarrow coach said.")
    for team, coach in (("Skelbridge", "Gareth Pennick"), ("Dunmarrow", "Brian Tolland")):
        description = f"the {team} coach"
        assert SpeakerResolver(text).bound_name(description, text.index(description)) == coach


def test_a_relative_is_the_other_family_member_of_that_gender():
    text = ("Bence Varga, 34, runs the vineyard with his father, Tamás Varga, and his sister, Réka Varga. "
            "Kristoffer Haldorsen works with his father, Arne Haldorsen, and his grandfather, Olav Haldorsen.")
    r = SpeakerResolver(text)
    assert r.relative_of("Bence Varga", "father", len(text)) == "Tamás Varga"
    assert r.relative_of("Bence Varga", "sister", len(text)) == "Réka Varga"
    assert r.relative_of("Kristoffer Haldorsen", "father", len(text)) == "Arne Haldorsen"  # of two men, the one called so
    assert r.relative_of("Bence Varga", "wife", len(text)) is None  # nobody given: the caller decides


def test_a_relative_named_the_other_way_round():
    text = ("Walter Pruett runs the shop with his son, Graham Pruett, 61. "
            "Kayleigh Pruett, Graham's daughter, joined them in 2019.")
    assert SpeakerResolver(text).relative_of("Kayleigh Pruett", "father", len(text)) == "Graham Pruett"


def test_people_named_by_a_given_name_alone_can_be_he_or_she():
    text = ("A man who gave his name as Yusuf was tying a sheet between two trees. He said he drove a bus.\n\n"
            "'Teddy has waited a long time,' Ruaridh Fenner said of Teddy Vahl. Talks in Amara ended.")
    people = [n for _, n in SpeakerResolver(text).people_before(len(text))]
    assert "Yusuf" in people and "Ruaridh Fenner" in people
    assert "Teddy" not in people  # at a quote's opening, and the given name of Teddy Vahl


def test_names_that_open_with_an_accented_capital():
    text = "Émilie Durand said the strike would go on. Łukasz Nowak agreed. Durand said no."
    assert [n.name for n in find_names(text)][:2] == ["Émilie Durand", "Łukasz Nowak"]
    assert SpeakerResolver(text).canonical_name("Durand", text.rindex("Durand")) == "Émilie Durand"
    assert strip_titles("Mme Émilie Durand") == "Émilie Durand" and strip_titles("Ángel Di María") == "Ángel Di María"


def test_surnames_with_particles_or_an_arabic_article_find_the_full_name():
    for text, short, full in [
        ("Syrian President Bashar al-Assad spoke. Assad said the war was over.", "Assad", "Bashar al-Assad"),
        ("Ursula von der Leyen spoke. Later von der Leyen said Europe was ready.", "von der Leyen", "Ursula von der Leyen"),
        ("Crown Prince Mohammed bin Salman met the envoy. Later bin Salman said", "bin Salman", "Mohammed bin Salman"),
    ]:
        assert SpeakerResolver(text).canonical_name(short, text.rindex(short)) == full


def test_more_titles_and_offices_of_something_before_a_name():
    for mention, name in [("Commissioner Mark Rowley", "Mark Rowley"), ("House Speaker Mike Johnson", "Mike Johnson"),
                          ("Det Insp Ray Hall", "Ray Hall"), ("Bürgermeisterin Anna Schmidt", "Anna Schmidt"),
                          ("Maître Anne Dupont", "Anne Dupont"), ("Secretary of State Antony Blinken", "Antony Blinken"),
                          ("Minister of Foreign Affairs Anna Lind", "Anna Lind")]:
        assert strip_titles(mention) == name and mention_name(mention) == name
    assert mention_type("the Secretary of State") == "description"


def test_names_the_story_treats_as_things():
    text = ("In a statement, Valbruck City Transit said it deeply regrets the disruption. The charity Open Harbour "
            "flies a spotter plane. Castlemere Aggregates, which runs the quarry, declined. Mark Hale said it was late.")
    assert {"Valbruck City Transit", "Open Harbour", "Castlemere Aggregates"} <= SpeakerResolver(text).neuter
    assert "Mark Hale" not in SpeakerResolver(text).neuter  # a person, whatever he says about 'it'


def test_a_name_used_to_name_a_thing_is_nobody():
    text = "A woman who lives on the Cherry Tree estate said she was woken. Mark Hale said it was late."
    people = [n for _, n in SpeakerResolver(text).people_before(len(text))]
    assert "Mark Hale" in people and "Cherry Tree" not in people


def test_foreign_copy_names_organisations_and_genders():
    from quoteattr.speakers import head_gender

    text = ("Les conducteurs de la Société des transports de Vallombre (STV) ont voté la grève. Presque aucun "
            "bus n’a circulé. Dans la soirée, le Syndicat autonome des conducteurs (SAC) a appelé à poursuivre. "
            "Les salariés de l’usine Brévalor de Saint-Aubin-des-Forges ont appris la nouvelle jeudi. Selon "
            "lui, Brévalor représente un emploi sur trois. Le préfet a reçu les élus mardi et la mairie a promis.")
    r = SpeakerResolver(text, [])
    names = [n.name for n in r.names]
    assert "Société des transports de Vallombre" in names and "Syndicat autonome des conducteurs" in names
    assert "Presque" not in names and "Dans" not in names  # sentence openers, not names
    assert r.canonical_name("STV", text.index("STV")) == "Société des transports de Vallombre"
    assert r.canonical_name("la STV", len(text)) == "Société des transports de Vallombre"
    assert r.canonical_name("Brévalor", len(text)) == "Brévalor"  # the company, not where its plant is
    assert r.latest_org(len(text)) in ("Brévalor", "Société des transports de Vallombre")
    assert head_gender("la directrice") == "f" and head_gender("le président") == "m"
    assert head_gender("the bürgermeisterin") == "f" and head_gender("la direction") is None
    assert is_org("Auberge du Vieux-Pont") and is_org("Industriegewerkschaft Metall") and is_org("Kultusministerium")
    assert not is_org("Erwan Cadiou")


def test_foreign_roles_bind_to_english_ones():
    text = "Across the river, the mayor of Kellbach, Ulrike Hanstein, was blunt. Le président du tribunal, Alain Vernet, a parlé."
    r = SpeakerResolver(text, [])
    assert r.bound_name("the bürgermeisterin", len(text)) == "Ulrike Hanstein"
    assert r.bound_name("the président", len(text)) == "Alain Vernet"


def test_german_nouns_are_no_names():
    text = ("Im Prozess um den Überfall auf eine Tankstelle hat der Angeklagte jede Beteiligung bestritten. Die "
            "Staatsanwaltschaft wirft Daniel K. schwere räuberische Erpressung vor, und der Zeuge sagte aus. Nach "
            "Angaben der Polizei fanden Ermittler eine Sturmhaube. Als Zeuge sagte der Kassierer aus. Ursula von "
            "der Leyen war nicht dabei, und die Hallweger Pumpenwerke AG auch nicht. Das Urteil soll im Mai fallen, "
            "sagte der Richter, und die Verteidigung will dann die Revision prüfen.")
    names = [n.name for n in SpeakerResolver(text, []).names]
    assert "Ursula von der Leyen" in names and "Hallweger Pumpenwerke AG" in names and "Daniel K" in names
    for noun in ("Prozess", "Im Prozess", "Polizei", "Zeuge", "Als Zeuge", "Erpressung", "Staatsanwaltschaft"):
        assert noun not in names


def test_french_descriptions_carry_gender_in_their_ending():
    from quoteattr.speakers import head_gender

    assert head_gender("l’avocat") == "m" and head_gender("l’avocate") == "f" and head_gender("l’agricultrice") == "f"
    assert head_gender("l’élu") == "m" and head_gender("l’élue") == "f" and head_gender("l’arbitre") is None
    assert head_gender("the jeune homme") == "m" and head_gender("la mère") == "f"
    assert head_gender("sa fille") == "f" and head_gender("son père") == "m" and head_gender("son amie") is None


def test_the_lawyer_and_the_newcomer():
    text = ("Owen Tremlett denies fraud. Prosecuting, Adrian Pell KC said the money went on a horse.\n\n"
            "Cross-examined by Nadia Brook, for the defence, Lorna Quigg said she was sure. Tom Hale was not.")
    r = SpeakerResolver(text)
    assert r.latest_lawyer(text.index("Cross")) == "Adrian Pell"
    assert r.latest_lawyer(len(text)) == "Nadia Brook"  # not the witness the sentence is about
    assert r.first_new_person(text.index("Cross"), 200) == "Nadia Brook"
    assert r.first_new_person(text.index("Lorna"), 200) == "Lorna Quigg"
    assert r.first_new_person(text.index("Quigg said"), 10) is None  # Tom Hale lies beyond its reach


def test_a_ledes_lawyer_is_the_first_named_later():
    text = "A man was convicted on old evidence, his barrister told the Court of Appeal.\n\nGethin Lowe KC, for Ashby, said so."
    r = SpeakerResolver(text)
    assert r.latest_lawyer(text.index("his"), forward=True) == "Gethin Lowe"
    assert r.latest_lawyer(text.index("his")) is None  # nobody before it
    assert r.latest_lawyer(len(text)) == "Gethin Lowe"  # "KC" inside the name's span


def test_a_lawyer_acting_for_a_party_by_name():
    text = ("Opening the case for the council, barrister Jonathan Pryce said the gate was padlocked.\n\n"
            "Adrian Kell, representing Greaves, said his client had been caring for his wife.\n\n"
            "Brian Moss, representing the ward on the council, said nothing.")
    r = SpeakerResolver(text)
    assert r.latest_lawyer(text.index("Adrian")) == "Jonathan Pryce"
    assert r.latest_lawyer(text.index("Brian")) == "Adrian Kell"  # the solicitor now, not the barrister
    assert r.latest_lawyer(len(text)) == "Adrian Kell"  # representing a ward is not acting for a party


def test_anonymous_source_modifiers_are_not_the_head():
    from quoteattr.speakers import mention_head

    assert mention_head("A diplomat close to the talks") == "diplomat"
    assert mention_head("a source familiar with the matter") == "source"
    assert mention_head("officials briefed on the plan") == "officials"


def test_a_future_name_is_not_what_a_lone_word_stands_for():
    text = ("Tennick Foods and Kestrel Kitchens will merge. The combined company, to be called Tennick "
            "Kestrel, will employ 9,600 people.\n\nTennick said the merger would save £140m.")
    r = SpeakerResolver(text)
    assert r.canonical_name("Tennick", text.index("Tennick said")) != "Tennick Kestrel"


def test_of_several_judges_the_judge_is_the_one_quoted():
    text = ("Giving the judgment, Lord Justice Ambrose, sitting with Mr Justice Farrow, said it was unsafe.\n\n"
            "\u2018The verdict cannot stand,\u2019 the judge said.")
    r = SpeakerResolver(text)
    at = text.index("the judge said")
    assert r.bound_name("the judge", at) == "Farrow"  # nobody quoted yet: the last one named
    r.spoken.add("Ambrose")
    assert r.bound_name("the judge", at) == "Ambrose"
    assert r.court_role("judge") == "Ambrose"


def test_a_name_apposed_to_the_subject_is_the_subject():
    text = ("The employers said the strike would cost millions. Its director general, Per Ekstrand, was blunter.\n\n"
            "Her son, Declan Brannigan, turns the dial. Her mother, Astrid Tollefsrud, had been the midwife.\n\n"
            "\u201cNo,\u201d he said.")
    names = [n for _, n in SpeakerResolver(text).sentence_subjects(len(text))]
    assert "Per Ekstrand" in names and "Declan Brannigan" in names
    assert "Astrid Tollefsrud" not in names  # a relative further into the paragraph is a side figure


def test_a_campaign_group_named_before_its_head_word():
    text = ("Larchgate Homes wants to build 420 houses. About 80 members of the Save Pelham Fields campaign "
            "group waited outside.\n\nIn a letter, the group said the site flooded.")
    r = SpeakerResolver(text)
    assert r.name_with_head("group", text.index("the group")) == "Save Pelham Fields"


def test_dateline_place_is_not_a_person():
    text = (
        "Wildfire tears through hillside town\n\n"
        "CARROW RIDGE — A wildfire swept through this town overnight, authorities said.\n\n"
        "The town's fire chief said crews were there within 15 minutes.\n\n"
        "He said the cause was under investigation."
    )
    assert not any("CARROW" in n.name for n in find_names(text))
    assert SpeakerResolver(text).people_before(text.index("He said")) == []
    # a name that opens a paragraph without a dash after it is still a name
    assert "AMRULLAH SALEH" in [n.name for n in find_names("It was late.\n\nAMRULLAH SALEH said so.")]


def test_dateline_town_is_a_place_and_quoted_names_are_not_new_speakers():
    text = (
        "Brenmouth unveils housing plan\n\n"
        "BRENMOUTH - The city council unveiled plans on Tuesday.\n\n"
        "The leader of the opposition group said the promise was \"worth nothing\".\n\n"
        "\"We heard this before in Castle Hill,\" Councillor Ruth Haldane said.\n"
    )
    r = SpeakerResolver(text)
    assert r.is_place("Brenmouth") and not r.is_place("Ruth Haldane")
    start = text.index("said the promise")
    assert r.first_new_person(start, len(text) - start) == "Ruth Haldane"  # not "Castle Hill", inside the quote


def test_gave_name_as_is_the_name_and_according_to_is_not_an_appositive():
    assert mention_name("a woman who gave her name only as Ilse") == "Ilse"
    assert mention_name("a man who gave his name as Yusuf Hamdi") == "Yusuf Hamdi"
    assert mention_name("a woman who gave only her first name") is None
    text = ("The boat left Ourane with 150 people, most of them from neighbouring Marsand, according to survivors. "
            "Survivors said the crew had fled.")
    assert SpeakerResolver(text).bound_name("survivors", text.index("according to survivors") + 13) is None


def test_a_role_modifier_that_differs_does_not_bind():
    text = ("Vasic, a 44-year-old battalion commander, escaped. "
            "Mikel Danek, who commands the presidential guard, spoke. Ana Roth, a senior commander, agreed.")
    r = SpeakerResolver(text)
    end = len(text)
    assert r.bound_name("the guard commander", text.index("Ana Roth")) is None  # not the battalion commander
    assert r.bound_name("the guard commander", end) == "Ana Roth"  # an adjective ('senior') is no other role
    assert r.bound_name("the commander", end) == "Ana Roth"  # no modifier of its own: the latest
    assert r.bound_name("the battalion commander", text.index("escaped")) == "Vasic"


def test_a_couple_written_with_one_surname_are_both_named_in_full():
    names = [n.name for n in find_names("Among the victims are Martin and Joanne Pelham. Joanne Pelham, 46, said so.")]
    assert "Martin Pelham" in names and "Martin" not in names
    assert "Marks Smith" not in [n.name for n in find_names("Marks and Spencer Smith said so.")]  # Marks: no given name


def test_neither_and_a_nationality_before_a_noun_are_no_names():
    names = [n.name for n in find_names("American admiral rattles Beijing.\n\nNeither Donald J. Trump nor his "
                                        "rivals wanted a fight. Italian officials said so, and Kerrigan said so.")]
    assert "Donald J. Trump" in names and "Neither Donald J. Trump" not in names
    assert "American" not in names and "Italian" not in names
    assert "Kerrigan" in names  # a surname ending like a nationality is still a name


def test_an_acronym_spells_out_a_name_holding_and_or_in():
    text = ("The request came from the watchdog group Citizens for Responsibility and Ethics in Washington (CREW). "
            "Later CREW said it would sue.")
    r = SpeakerResolver(text)
    assert r.canonical_name("CREW", text.rindex("CREW")) == "Citizens for Responsibility and Ethics in Washington"
    de = "Werk\n\nDie Industriegewerkschaft Metall und Elektro (IGME) rief auf. Laut IGME hängen 300 Stellen daran."
    assert SpeakerResolver(de).acronyms["IGME"] == "Industriegewerkschaft Metall und Elektro"
    plain = SpeakerResolver("The Harbour and Transport Workers Union (HTWU) said no. The National Resistance Front "
                            "of Afghanistan (NRFA) said.")
    assert plain.acronyms == {"HTWU": "Harbour and Transport Workers Union", "NRFA": "National Resistance Front of Afghanistan"}


def test_an_organisation_cut_short_is_the_name_its_acronym_spells_out():
    text = ("Pleno\n\nEnfrente, la Asociación de Viviendas Turísticas de la Marina (AVTM), que agrupa a unos 600 "
            "propietarios, anunció un recurso. «Se castiga a quien ha hecho las cosas bien», señaló la asociación.")
    r = SpeakerResolver(text)
    assert r.canonical_name("Asociación de Viviendas Turísticas", 40) == "Asociación de Viviendas Turísticas de la Marina"
    assert r.bound_name("la asociación", text.rindex("la asociación")) != "Enfrente"  # a sentence opener, no name


@pytest.mark.parametrize(
    "mention,head,kind,name",
    [("Le Sdis de l’Orbelle", "Sdis", "name", "Sdis de l’Orbelle"),  # the sentence's article is no part of the name
     ("El Ministerio de Sanidad", "Ministerio", "name", "Ministerio de Sanidad"),
     ("eine Sprecherin des Ministeriums", "Sprecherin", "description", None),
     ("the préfecture de la Haute-Sarre", "préfecture", "description", None),
     ("Ana de la Torre", "Torre", "name", "Ana de la Torre"),  # a name without an article keeps its particle
     ("Los del Pinar", "Pinar", "name", "Los del Pinar")],
)
def test_a_foreign_phrase_with_its_article_ends_its_head_at_de(mention, head, kind, name):
    assert mention_head(mention) == head and mention_type(mention) == kind
    if name:
        assert strip_titles(mention) == name


def test_a_couple_joined_by_a_foreign_and_are_two_people():
    # Spanish 'e'/'y' may sit inside one name run; German 'und', French 'et' stand between two
    names = [n.name for n in find_names("Cuatro décadas de madrugones: Emilio e Irene Barrientos, padre e hija.")]
    assert "Emilio Barrientos" in names and "Irene Barrientos" in names and "Emilio e Irene Barrientos" not in names
    names = [n.name for n in find_names("Titular\n\nDesde 2019, Lucía y Marta Arrieta llevan la casa.")]
    assert {"Lucía Arrieta", "Marta Arrieta"} <= set(names)
    names = [n.name for n in find_names("Titre\n\nÀ Montvalès, Claire et Thomas Montreuil ont fait du domaine un succès.")]
    assert "Claire Montreuil" in names and "Claire" not in names


def test_a_relative_pronoun_after_a_place_goes_back_to_the_person():
    text = "In the audience was Derek Amos, 67, a retired bus driver from Station Road, who said he had voted."
    assert SpeakerResolver(text).relative_antecedent(text.index("who said")) == "Derek Amos"
    text = "Ahmad Masud, who said so."
    assert SpeakerResolver(text).relative_antecedent(text.index("who")) == "Ahmad Masud"


def test_a_first_surname_stands_for_a_double_surname():
    text = 'Ramiro Estrada Cuellar, the rebel leader, signed. "It is over," Estrada said. Mary Ann Smith agreed.'
    r = SpeakerResolver(text)
    assert r.canonical_name("Estrada", text.index("Estrada said")) == "Ramiro Estrada Cuellar"
    assert r.canonical_name("Cuellar", len(text)) == "Ramiro Estrada Cuellar"


def test_a_nickname_in_marks_is_nobody_named_later():
    from quoteattr.speakers import called
    text = 'The rebel leader, known to his fighters as "El Viejo", said they would disarm. Ana Ruiz, a rebel, wept.'
    assert called(text, text.index("El Viejo"))
    assert called("a dog named Bora", 12) and not called("Bora Lind said", 0)
    r = SpeakerResolver(text)
    assert r.named_later("The rebel leader", 0) == "Ana Ruiz"  # not "El Viejo"


def test_a_group_calling_itself_by_a_name_is_bound_to_it():
    text = 'Hours later, a previously unknown group calling itself Black Meridian claimed it. "We did it," the group wrote.'
    assert SpeakerResolver(text).bound_name("the group", text.index("the group")) == "Black Meridian"
    text = "Hours later, a group of residents met Tom Hale. The group said no."
    assert SpeakerResolver(text).bound_name("The group", text.index("The group")) is None


def test_a_sibling_is_the_other_child_the_story_names():
    text = ("Gerald Penhallow handed over the keys. They went to his daughter, Nia Penhallow, 39, and his son, "
            "Owen Penhallow, 35. Owen bakes. Nia counts.")
    r = SpeakerResolver(text)
    assert r.relative_of("Nia Penhallow", "brother", len(text)) == "Owen Penhallow"  # not the father
    assert r.relative_of("Nia Penhallow", "father", len(text)) == "Gerald Penhallow"  # not the brother
    assert r.relative_of("Owen Penhallow", "sister", len(text)) == "Nia Penhallow"


def test_a_newspaper_after_a_preposition_is_no_appositive_name():
    text = ("In an email to staff seen by the Glenarrow Courier, the chief executive of Porthallow General Hospital "
            "called the closure hard.")
    pos = text.index("the chief executive")
    assert SpeakerResolver(text).bound_name("the chief executive of Porthallow General Hospital", pos) is None
    text = "The letter went to Tom Hale, the chief executive of the trust, who said it was fair."
    assert SpeakerResolver(text).bound_name("the chief executive", text.index("the chief")) == "Tom Hale"


def test_elder_and_younger_among_three_relatives():
    text = ("Ines Varrow, 52, and her younger sister, Maud Varrow, 47, are challenging the will of Edith Varrow. "
            "The elder sister spoke first. Later the younger Ms Varrow wept.")
    r = SpeakerResolver(text)
    assert r.relative_by_age("the elder sister", text.index("The elder")) == "Ines Varrow"  # their mother has no age
    assert r.relative_by_age("the younger Ms Varrow", text.index("the younger")) == "Maud Varrow"
    text = ("\u201cWe are finished,\u201d said Martin Hasketh, 54, the elder of the two. Neil Hasketh farms the lower "
            "fields. The elder Hasketh said the river was low.")
    r = SpeakerResolver(text)
    assert r.relative_by_age("The elder Hasketh", text.index("The elder")) == "Martin Hasketh"
    assert r.relative_by_age("the younger Hasketh", len(text)) == "Neil Hasketh"


def test_a_titled_surname_of_the_other_gender_is_the_relative_named_by_given_name():
    text = ("Gary Whitcombe, 52, stopped the lorry. Mr Whitcombe said he did not think.\n\n"
            "His wife, Sandra, said he rang her from the hospital. Mrs Whitcombe admitted she had cried.")
    r = SpeakerResolver(text)
    assert r.canonical_name("Mrs Whitcombe", text.index("Mrs")) == "Sandra"
    assert r.canonical_name("Mr Whitcombe", text.index("Mr ")) == "Gary Whitcombe"
    # with no relative named by given name the surname stays as written
    assert SpeakerResolver(text.replace("His wife, Sandra,", "A neighbour")).canonical_name(
        "Mrs Whitcombe", text.index("Mrs")) == "Whitcombe"


def test_a_possessed_role_is_not_the_leader_of_something_else():
    text = ("The council’s leader said the decision had been agonising.\n\n"
            "Cllr Denise Marlow told a packed meeting it was needed.\n\n"
            "Cllr Raj Bhatti, leader of the opposition Independent group, disagreed.")
    r = SpeakerResolver(text)
    assert r.bound_later("The council’s leader", 0) is None
    assert r.bound_later("The leader", 0) == "Raj Bhatti"  # no possessor: any leader binds
    text = ("Tomasz Brenner, an analyst at Calloway Securities, cut his target.\n\n"
            "\"It hurts before it helps,\" Norvale Capital's consumer analyst wrote.\n\nThe analyst, Lydia Marsh, said more.")
    r = SpeakerResolver(text)
    assert r.bound_name("Norvale Capital's consumer analyst", text.index("Norvale")) is None
    assert r.bound_name("the analyst", text.index("Norvale")) == "Tomasz Brenner"


def test_a_subject_introduced_by_a_role_without_a_comma():
    text = ("Tomas Brekk said the cap would strangle building.\n\n"
            "His party colleague Jonas Elvik, who represents the Harbour district, went further.\n\n"
            "Her daughter said Marrin had continued to compose.")
    subjects = [n for _, n in SpeakerResolver(text).sentence_subjects(len(text))]
    assert "Jonas Elvik" in subjects
    assert not any("Marrin" in n for n in subjects)  # "Her daughter said Marrin ...": a verb, not a role


def test_a_numbered_thing_is_no_name():
    names = [n.name for n in find_names("One Year 10 pupil, 15-year-old Maisie Doyle, said it was cold. "
                                        "The bus left from Platform 4 and took Route 9.")]
    assert "Maisie Doyle" in names
    assert not any(n.endswith(("Year", "Platform", "Route")) for n in names)


def test_a_relative_with_a_second_role_is_still_a_relative():
    text = ("Lena Marsik, 22, won the title, with her mother and coach, Dana Marsik, watching from the box.\n\n"
            "“I saw Mum with her hands over her face,” Marsik said.\n\nDana Marsik said she could not watch.")
    r = SpeakerResolver(text)
    assert r.introduced_as_relative(next(n for n in r.names if n.name == "Dana Marsik"))
    assert r.canonical_name("Marsik", text.index("Marsik said")) == "Lena Marsik"


def test_party_and_state_tags_are_neither_names_nor_the_speaker():
    text = ('"Subpoenas are not optional," Rep. Jason Chaffetz (R-Utah) said. Rep. Joseph Crowley (D-N.Y.), '
            'a leading advocate, agreed, as did Sen. Bernie Sanders (Vt.) and Sen. Ted Cruz, R-Texas. The (Dallas) paper.')
    names = [n.name for n in find_names(text)]
    assert "Jason Chaffetz" in names and "Ted Cruz" in names and "Dallas" in names
    assert not {"R-Utah", "D-N", "Y", "Vt", "R-Texas"} & set(names)
    assert mention_name("panel Chairman Rep. Jason Chaffetz (R-Utah") == "Jason Chaffetz"
    assert mention_name("Rep. Joseph Crowley (D-N.Y.), a leading advocate for human rights in Burma") == "Joseph Crowley"
    assert mention_name("Sen. Bernie Sanders (Vt.), who lost the Democratic primaries to Clinton") == "Bernie Sanders"
    assert mention_name("former Vermont governor Howard Dean (D), a Clinton supporter") == "Howard Dean"  # the party alone


def test_a_party_label_before_a_given_name_is_not_part_of_the_name():
    assert strip_titles("Democrat Hillary Clinton") == "Hillary Clinton"
    assert strip_titles("Republican Mike Pence") == "Mike Pence"
    assert strip_titles("Republican Party") == "Republican Party"
    assert strip_titles("Democratic National Committee") == "Democratic National Committee"


def test_a_title_case_first_line_ending_on_a_full_stop_is_still_a_headline():
    text = ("Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Developers.\n\n"
            "If Donald Trump could make money doing it, Sen. Bernie Sanders is against it. "
            "“The unfairness of the tax laws is unbelievable,” Trump said.")
    assert headline_spans(text)[0] == (0, text.index("\n"))
    assert SpeakerResolver(text).canonical_name("Trump", text.rindex("Trump")) == "Donald Trump"
    prose = "Sentencing, Judge Philippa Ackerly Said The Sentence Was Fair.\n\nMore text follows here."
    assert headline_spans("Sentencing, Judge Philippa Ackerly said the sentence was fair.\n\nMore.") == []
    assert headline_spans(prose.replace("\n\n", "\n")) == []


def test_a_descriptive_compound_and_the_words_before_it_are_not_the_name():
    assert strip_titles("Liberal Oscar-winner Sarandon") == "Sarandon"
    assert strip_titles("Emmy-winning Julia Louis-Dreyfus") == "Julia Louis-Dreyfus"
    assert strip_titles("Jean-Pierre Dupont") == "Jean-Pierre Dupont"  # a name's own hyphen stays
    assert strip_titles("Bashar al-Assad") == "Bashar al-Assad"
    text = ("Liberal Oscar-winner Sarandon ‘not sure’ about Clinton over Trump.\n\n"
            "New York (AFP) – Oscar-winning actress Susan Sarandon is not sure she can vote for Hillary Clinton.\n\n"
            "“That’s a legitimate concern,” Sarandon, 69, told MSNBC.")
    assert SpeakerResolver(text).canonical_name("Sarandon, 69", text.rindex("Sarandon")) == "Susan Sarandon"


def test_a_show_named_for_its_host_is_not_the_host():
    text = ("Hillary Clinton appeared on MSNBC's \"The Rachel Maddow Show\" on Wednesday.\n\n"
            "\"Would you consider it?\" Maddow asked.")
    assert is_org("Rachel Maddow Show") and is_org("The Joe Rogan Podcast")
    assert SpeakerResolver(text).canonical_name("Maddow", text.rindex("Maddow")) == "Maddow"


def test_an_abbreviated_titles_full_stop_opens_no_sentence():
    text = ("Donald Trump defended his remarks. Tim Scott disagreed.\n\nMr. Scott, who has called Mr. Trump's "
            "comments toxic and took aim at Sen. Marco Rubio, portrayed his party's nominee as a passing affliction."
            "\n\n''For now, he will have the loudest voice,'' he said")
    subjects = SpeakerResolver(text).sentence_subjects(len(text))
    assert [n for _, n in subjects] == ["Donald Trump", "Tim Scott", "Tim Scott"]  # not Trump after "Mr.", Rubio after "Sen."
    assert subjects[-1][0] == text.index("Scott, who")


def test_a_title_word_alone_is_a_name_when_it_is_someones_surname():
    text = ("Gloria Major, 70, volunteers at the phone bank. Stephanie Formas runs the office.\n\n"
            "For Major, a retiree, making calls is a duty.\n\n\"Bernie has a passionate speech,\" she said.")
    assert "Major" in [n.name for n in find_names(text)]
    assert "Major" not in [n.name for n in find_names("For the major, a retiree, it is a duty. Major Tom said.")]


def test_a_name_between_the_and_a_noun_is_no_sentence_subject():
    text = ("Bernie Sanders has endorsed no one.\n\n"
            "The Independent Vermont senator vowed last month to take his campaign to the convention. He sent")
    r = SpeakerResolver(text)
    assert [n for _, n in r.sentence_subjects(len(text))] == ["Bernie Sanders"]


def test_a_generation_is_part_of_the_name_and_keeps_father_and_son_apart():
    text = ("Vice President Joseph R. Biden Jr. spoke. ''Tell that to the janitor,'' Mr. Biden said.\n\n"
            "Donald Trump spoke first. His son, Donald Trump Jr., said later that his father was right. "
            "\"No,\" Donald Trump said. Martin Luther King Jr. once said it. The palace of King Obaro II burned; "
            "Samuel Obaro, his descendant, came.")
    assert strip_titles("Martin Luther King Jr.") == "Martin Luther King Jr."
    assert strip_titles("Simon Achterberg KC") == "Simon Achterberg"
    r = SpeakerResolver(text)
    assert r.canonical_name("Mr. Biden", text.index("Mr. Biden")) == "Joseph R. Biden Jr."
    assert r.canonical_name("Donald Trump", text.index("Donald Trump said")) == "Donald Trump"
    assert r.canonical_name("King", len(text) - 5) == "Martin Luther King Jr."
    assert r.canonical_name("Mr Obaro", len(text) - 1) == "Samuel Obaro"  # not the king, "Obaro II"


@pytest.mark.parametrize("mention, name", [
    ("Mr. King, 82", "King"), ("Ms. Bishop", "Bishop"), ("Larry King", "Larry King"),
    ("Mayor Bill King", "Bill King"), ("Judge Mary Major", "Mary Major"), ("Larry King Now", "Larry King Now"),
])
def test_a_surname_that_is_also_a_title_is_a_name_after_a_given_name_or_honorific(mention, name):
    assert mention_type(mention) == "name" and mention_name(mention) == name


@pytest.mark.parametrize("mention", ["the King", "the bishop", "the judge"])
def test_a_title_alone_is_still_a_description(mention):
    assert mention_type(mention) == "description"


def test_a_gendered_noun_before_a_full_name_tells_its_gender():
    text = ("“They are wrong,” said 9/11 widow Terry Strada. Businessman Robin Hale agreed. "
            "Hillary Clinton spoke later.")
    r = SpeakerResolver(text)
    assert r.gender("Terry Strada", len(text)) == "f"
    assert r.gender("Robin Hale", len(text)) == "m"


def test_a_description_is_not_named_later_by_a_place_or_by_a_name_it_merely_mentions():
    text = ("Hillary Clinton released an ad. “You pay your taxes,” a narrator in the Clinton ad asks. "
            "The committee is filing a complaint with Washington D.C. officials over Clinton. Cheryl Mills, a longtime Clinton aide, was questioned.\n\n"
            "The leader of Dunsworth Town Council defended the cut. Graham Tanner, who leads the council, said so.")
    r = SpeakerResolver(text)
    assert r.named_later("a narrator in the Clinton ad", text.index("a narrator")) is None
    assert r.named_later("The leader of Dunsworth Town Council", text.index("The leader")) == "Graham Tanner"


def test_a_hometown_after_a_name_does_not_hide_the_pronoun_that_follows():
    text = "Robin Hale, of Springfield, Va., said he had fought in Vietnam. Kim Lee, from Leeds, said she was there."
    r = SpeakerResolver(text)
    assert r.gender("Robin Hale", len(text)) == "m" and r.gender("Kim Lee", len(text)) == "f"


def test_sentence_openers_are_no_names_and_a_fronted_of_phrase_is_not_the_speaker():
    text = ("More troubling to many in the room was Trump’s unwillingness to back a united Jerusalem as the "
            "capital of Israel. Instead, the businessman has insisted his position will be strongest.")
    names = [n.name for n in find_names(text)]
    assert "More" not in names and "Instead" not in names and "Trump" in names
    r = SpeakerResolver(text)
    assert r.bound_name("the businessman", text.index("the businessman")) is None  # not "Instead, the businessman"
    assert r.is_place("Israel")  # "the capital of Israel": never he or she
    assert mention_name("Of Carson, Levine, who has given money to Marco Rubio") == "Levine"
    assert mention_name("Of Carson") == "Carson"


def test_a_role_now_is_not_the_same_role_held_before():
    text = ("Christine Todd Whitman, the former New Jersey governor, criticised him. Gov. Chris Christie defended "
            "his endorsement on his radio show. \u201cI have known him for 14 years,\u201d the governor said.")
    r = SpeakerResolver(text)
    pos = text.index("the governor said")
    assert r.bound_name("the governor", pos) != "Christine Todd Whitman"
    assert r.bound_name("the former governor", pos) == "Christine Todd Whitman"
    before = "Former Vermont governor Howard Dean backed her. \u201cShe will win,\u201d the governor said."
    r = SpeakerResolver(before)
    assert r.bound_name("the governor", before.index("the governor")) is None
    assert r.bound_name("the former governor", before.index("the governor")) == "Howard Dean"
    host = "Jimmy Fallon, the late-night host, laughed. \u201cNo,\u201d the host said."
    assert SpeakerResolver(host).bound_name("the host", host.index("the host said")) == "Jimmy Fallon"  # no 'late' role


def test_a_state_and_a_party_describe_someone_unnamed():
    for m in ("a New Hampshire Republican", "another New Hampshire Democrat", "one South Carolina Democrat"):
        assert mention_type(m) == "description" and mention_name(m) is None
    assert "Lenmore Health Board" in [n.name for n in find_names("In 2004 the Lenmore Health Board named a ward.")]
