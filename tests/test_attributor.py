"""Attributor helpers on hand-made inputs, and the shipped model on real articles."""
import pytest

from quoteattr.attributor import (_only_modifies, _apposed_edges, _titled_thing, _without_reported, _clause_speaker, _parenthesised_subject, _continues_previous, _is_reported_clause, _mention_after, _mostly_capitalised, _reporting_subject,
                                  _subject_before, _trim_indirect, _Unit)
from quoteattr.linking import Mention
from quoteattr.speakers import SpeakerResolver
from quoteattr.linking import trim_mention as _trim_mention
from quoteattr.quote import Quote


def _speaker(shipped, text: str, part: str) -> str | None:
    """The shipped model's speaker for the first quote of ``text`` that holds ``part``."""
    return next(q for q in shipped(text) if part in q.text).speaker


def _reported(shipped, text: str) -> dict[str, str | None]:
    """The shipped model's reported (indirect) quotes of ``text``, each with its speaker."""
    return {q.text: q.speaker for q in shipped(text) if q.kind == "indirect"}


def test_trim_indirect_drops_complementiser_and_edge_punctuation():
    text = "Noor warned that the attack will lead to another war."
    s, e = _trim_indirect(text, text.index("that"), len(text))
    assert text[s:e] == "the attack will lead to another war"


@pytest.mark.parametrize(
    "raw,trimmed,clause",
    [
        ("the front’s forces were in a difficult situation, but he", "the front’s forces were in a difficult situation", True),
        ("heavy clashes in", "heavy clashes", False),
        ("to continue resisting", "to continue resisting", False),
        ("the possibility of civil war", "the possibility of civil war", False),
        ("that the attack will lead to another war.", "the attack will lead to another war", True),
    ],
)
def test_indirect_spans_are_trimmed_and_must_be_reported_clauses(raw, trimmed, clause):
    s, e = _trim_indirect(raw, 0, len(raw))
    assert raw[s:e] == trimmed
    assert _is_reported_clause(raw[s:e]) is clause


@pytest.mark.parametrize(
    "text,cut,expected",
    [
        ("The judge told jurors the trial would last three weeks.", "rors the trial would last three weeks",
         "the trial would last three weeks"),  # a sliver of a word's tail is dropped
        ("The sea wall at Penmoor has moved four centimetres.", "moor has moved four centimetres", "Penmoor has moved four centimetres"),
        ("He has always denied it and had his conviction quashed by the court.", "had his conviction quash",
         "had his conviction quashed"),  # a cut word at the end is kept whole
    ],
)
def test_indirect_spans_are_whole_words(text, cut, expected):
    start = text.index(cut)
    a, b = _trim_indirect(text, start, start + len(cut))
    assert text[a:b] == expected


def test_trim_mention_and_headline_filter():
    text = ", Afghan media outlets"
    assert text[slice(*_trim_mention(text, 0, len(text)))] == "Afghan media outlets"
    text = "according to TOLOnews."
    assert text[slice(*_trim_mention(text, text.index("LO"), len(text)))] == "TOLOnews"
    assert _mostly_capitalised("Ready For Negotiations To End Panjshir Fighting")
    assert not _mostly_capitalised("the Taliban had reached the village of Anabah")


def test_the_mention_right_after_a_quote_with_its_verb_is_the_quotes_own():
    from quoteattr.linking import Mention
    text = ("They shook hands, according to a reporter in the room.\n\n"
            "“Two brothers have brought their country to ruin,” the UN envoy for Ketara, Teresa Valdane, said. "
            "“Peace,” the envoy for Ketara in her speech.")
    def mention(words: str) -> Mention:
        return Mention(text.index(words), text.index(words) + len(words), 0, 1)
    mentions = [mention("a reporter in the room"), mention("the UN envoy for Ketara, Teresa Valdane"),
                mention("the envoy for Ketara")]
    first = _Unit(text.index("“Two") + 1, text.index("ruin,") + 5, "direct", 1.0, (0, 1))
    assert _mention_after(text, first, mentions) == mentions[1]
    second = _Unit(text.index("“Peace") + 1, text.index("Peace,") + 6, "direct", 1.0, (0, 1))
    assert _mention_after(text, second, mentions) is None  # no reporting verb after it


def test_the_verbs_of_an_exchange_attribute_the_quote_before_them():
    text = "“He still owes me for the boots,” he said. “I’ll pay you back in the next round,” his son replied."
    son = Mention(text.index("his son"), text.index("his son") + 7, 0, 1)
    u = _Unit(text.index("I’ll"), text.index("round,") + 6, "direct", 1.0, (0, 1))
    assert _mention_after(text, u, [son]) == son


def test_a_mention_after_the_verb_that_follows_the_marks_is_the_quotes_own():
    text = ("\u201cThe marks tell you something,\u201d the official said.\n\n"
            "\u201cThree are in a serious condition,\u201d said Dr. Irena Kolar, a spokeswoman for the hospital.")
    kolar = Mention(text.index("Dr. Irena"), text.index("Kolar") + 5, 0, 1)
    u = _Unit(text.index("Three"), text.index("condition,") + 10, "direct", 1.0, (0, 1))
    assert _mention_after(text, u, [kolar]) == kolar
    closed = text.replace("condition,\u201d", "condition.\u201d")
    u = _Unit(closed.index("Three"), closed.index("condition.") + 10, "direct", 1.0, (0, 1))
    assert _mention_after(closed, u, [kolar]) is None  # a full stop: what follows is a new sentence


def test_a_mention_whose_verb_and_colon_open_the_next_quote_is_not_the_quotes_before():
    text = '"We paid a lot," he said. "I won\'t watch it again." His fiancée, Hannah Reid, added: "I still can\'t."'
    her = Mention(text.index("His fiancée"), text.index("Reid") + 4, 0, 1)
    u = _Unit(text.index("I won"), text.index("again.") + 6, "direct", 1.0, (0, 1))
    assert _mention_after(text, u, [her]) is None
    said = text.replace("added: \"I still can't.\"", "added.")
    assert _mention_after(said, u, [her]) == her


@pytest.mark.parametrize(
    "text,quote,linked,speaker",
    [
        ("The Airline Pilots' Union, which represents both crew members, said the report pointed to 'a system failure'.",
         "a system failure", "report", "The Airline Pilots' Union"),
        ("It was sent back by the Criminal Cases Review Commission, which said new expert evidence raised 'a real possibility'.",
         "a real possibility", "new expert", "the Criminal Cases Review Commission"),
        ("The minister said the report: 'We will read it.'", "We will read it.", "report", None),  # its own colon
    ],
)
def test_a_quote_inside_a_reported_clause_is_the_reporting_subjects(text, quote, linked, speaker):
    def at(part: str) -> Mention:
        return Mention(text.index(part), text.index(part) + len(part), 0, 0)

    near = [at(part) for part in ("The Airline Pilots' Union", "the Criminal Cases Review Commission", "both crew members",
                                  "The minister") if part in text] + [at(linked)]
    u = _Unit(text.index(quote), text.index(quote) + len(quote), "direct", 1.0, (0, 0))
    got = _reporting_subject(text, u, at(linked), sorted(near, key=lambda m: m.start))
    assert (text[got.start : got.end] if got else None) == speaker


@pytest.mark.parametrize(
    "text,quote,kind,linked,speaker",
    [
        ("Governor Mirela Dascu told a news conference that the platform had been taken offline after engineers "
         "detected 'abnormal activity' on its servers.", "abnormal activity", "direct", "engineers", "Governor Mirela Dascu"),
        ("Miriam Tulei said in a statement issued by her office that Serrami had 'walked away from the table'.",
         "walked away from the table", "direct", "her office", "Miriam Tulei"),
        ("Marguerite Abena-Tsoli told reporters at the bloc's headquarters that heads of state would meet on Saturday.",
         "heads of state would meet on Saturday", "indirect", "the bloc's headquarters", "Marguerite Abena-Tsoli"),
        # the mention says the quote itself: it stays
        ("The minister said the union had called the offer 'insulting'.", "insulting", "direct", "the union", None),
        ("Researchers said on Wednesday, though independent experts cautioned that the findings need repeating.",
         "the findings need repeating", "indirect", "independent experts", None),
        # no reporting verb before the mention
        ("After engineers detected 'abnormal activity', the bank shut the system.", "abnormal activity", "direct",
         "engineers", None),
    ],
)
def test_a_mention_inside_the_reported_clause_gives_way_to_the_reporting_subject(text, quote, kind, linked, speaker):
    def at(part: str) -> Mention:
        return Mention(text.index(part), text.index(part) + len(part), 0, 0)

    near = sorted([at(p) for p in ("Governor Mirela Dascu", "Miriam Tulei", "Marguerite Abena-Tsoli", "The minister",
                                   "Researchers", "the bank") if p in text] + [at(linked)], key=lambda m: m.start)
    u = _Unit(text.index(quote), text.index(quote) + len(quote), kind, 1.0, (0, 0))
    got = _clause_speaker(text, u, at(linked), near)
    assert (text[got.start : got.end] if got else None) == speaker


@pytest.mark.parametrize(
    "text,unit,subject",
    [
        ("Outside Kelling House, a retired bus driver who has lived there since 1979 said he would believe it when he saw it.",
         "he would believe it", "a retired bus driver"),
        ("The National Civil Protection Agency (NCPA) raised its alert at 4:40 a.m. and said lava was flowing to the coast.",
         "lava was flowing", "National Civil Protection Agency"),
        ("One supporter, still wearing his scarf an hour after the final whistle, said: \u201cI have never seen anything like it.\u201d",
         "I have never seen", "One supporter"),
        ("The lava was flowing to the coast, which worried the islanders.", "flowing to the coast", None),  # no verb of saying
        ("Lindsworth Health Trust, which runs St Edrin's, said in a statement that it accepted the findings.",
         "it accepted the findings", "Lindsworth Health Trust"),
        ("Lund, for her part, said she hoped the case would persuade companies.", "she hoped the case", "Lund"),
        # a colon introduces the words of a he or she the sentence opens with, not of a placard
        ("He won the seat in 1979 and in his maiden speech told the house: 'I was sent here by people.'",
         "I was sent here by people.", "He"),
        ("Before pushing off, she turns back: 'Write that I was on time.'", "Write that I was on time.", "she"),
        ("One placard read: 'Hands off our hospital.'", "Hands off our hospital.", None),
    ],
)
def test_a_unit_with_no_linked_mention_takes_its_sentences_subject(text, unit, subject):
    kind = "direct" if text[text.index(unit) - 1] == "'" else "indirect"
    u = _Unit(text.index(unit), text.index(unit) + len(unit), kind, 1.0, (0, 0))
    got = _subject_before(text, u, SpeakerResolver(text))
    assert (text[got.start : got.end] if got else None) == subject


@pytest.mark.parametrize(
    "text,cut,expected",
    [
        ("The petition was started by Tom Rafferty, 38, a father of two from the Westfield estate, who wrote on Facebook:",
         "father of two from the Westfield estate", "Tom Rafferty"),
        ("Outside Kelling House, a retired bus driver said he was worried.", "retired bus driver", "retired bus driver"),
        # a mention that took in the end of the phrase before the name
        ("Speaking outside the town hall, Ms Delahaye, 44, said: 'We made mistakes.'", "hall, Ms Delahaye, 44",
         "Ms Delahaye, 44"),
        ("'It is hard,' the chief executive, Miriam Castell, told reporters.", "the chief executive, Miriam Castell",
         "the chief executive, Miriam Castell"),  # a description and its name stay together
        ("The deal was signed, with the former army general who leads the rebels declaring that 'the war is over'.",
         "former army general who leads the rebels", "the former army general who leads the rebels"),  # its article
    ],
)
def test_a_mention_cut_inside_an_appositive_goes_back_to_the_name(text, cut, expected):
    m = _apposed_edges(text, Mention(text.index(cut), text.index(cut) + len(cut), 0, 0))
    assert text[m.start : m.end] == expected


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("A woman buying picture hooks, who did not want to give her name, said: \u201cI came in for two hooks.\u201d",
         "a woman buying picture hooks"),
        ("That was disputed by the bank, which said its figures were right.", "the bank"),
    ],
)
def test_who_and_which_after_a_description_are_that_description(shipped, text, speaker):
    pos = text.index(", wh") + 2
    word = text[pos : text.index(" ", pos)]
    assert shipped._canonical(SpeakerResolver(text), word, pos, [], [], text).casefold() == speaker  # as the scorer compares


def test_quote_paragraph_continues_the_previous_speaker():
    text = "“First,” Lee said.\n\n“Second paragraph quote.”\n\nOther news.\n\n“Third.”"
    prev = Quote(1, 7, "First,", "direct", speaker="Lee")
    second = _Unit(text.index("Second"), text.index("quote.") + 6, "direct", 0.9, (0, 1))
    third = _Unit(text.index("Third"), text.index("Third") + 6, "direct", 0.9, (0, 1))
    assert _continues_previous(text, second, prev)
    assert not _continues_previous(text, third, prev)  # a paragraph between: not continued


def test_bad_batch_input_is_a_clear_type_error(shipped):
    with pytest.raises(TypeError, match="item"):
        shipped.predict_batch(["fine", None])
    with pytest.raises(TypeError, match="list of texts"):
        shipped.predict_batch("a string")


# --- the shipped model -------------------------------------------------------------------


def norm(name):
    return (name or "").casefold().removeprefix("the ").strip()


def test_panjshir_direct_quotes_exactly_right(shipped, labelled):
    art = labelled["panjshir"]
    gold = [q for q in art["quotes"] if q["kind"] == "direct"]
    pred = [q for q in shipped(art["text"]) if q.kind == "direct"]
    assert [(q.start, q.end) for q in pred] == [(g["start"], g["end"]) for g in gold]
    for q, g in zip(pred, gold):
        assert norm(q.speaker) in {norm(g["speaker"]), *map(norm, g["aliases"])}, (q.text, q.speaker)
    assert not any("Lion" in q.text for q in pred)
    from collections import Counter

    assert Counter(q.speaker for q in pred) == Counter(
        {"Mark Milley": 4, "Ahmad Masud": 2, "Amrullah Saleh": 2, "Atta Mohammad Noor": 1}
    )


def test_panjshir_indirect_quotes_come_out_marked_indirect(shipped, labelled):
    text = labelled["panjshir"]["text"]
    indirect = [q for q in shipped(text) if q.kind == "indirect"]
    assert indirect, "no reported speech found"
    noor = text.index("the continuation of the Taliban")
    assert any(q.start <= noor < q.end for q in indirect)


def test_offsets_are_consistent(shipped, labelled):
    text = labelled["panjshir"]["text"]
    for q in shipped(text):
        assert text[q.start : q.end] == q.text and 0 <= q.score <= 1
        if q.speaker_mention is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_mention
        if q.cue is not None:
            assert text[q.cue_start : q.cue_end] == q.cue


def test_long_article_is_stitched_without_duplicates(shipped, labelled):
    """Six copies of the article: many window edges, each quote once, whole."""
    one = labelled["panjshir"]["text"]
    text = "\n\n".join([one] * 6)
    single = [(q.start, q.end, q.speaker) for q in shipped(one) if q.kind == "direct"]
    many = [(q.start, q.end, q.speaker) for q in shipped(text) if q.kind == "direct"]
    step = len(one) + 2
    expected = [(s + k * step, e + k * step, spk) for k in range(6) for s, e, spk in single]
    assert many == expected


def key(quotes):
    """What a quote is, without the score (padding shifts low-precision scores a hair)."""
    return [(q.start, q.end, q.kind, q.speaker, q.speaker_start, q.cue) for q in quotes]


def test_batch_equals_one_at_a_time(shipped, labelled):
    texts = [labelled["panjshir"]["text"], "“Short one,” she said.", ""]
    assert [key(q) for q in shipped.predict_batch(texts, batch_size=4)] == [key(shipped(t)) for t in texts]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "The council met on Tuesday. The budget passed without debate.",
     "Der Minister sagte am Montag: «Wir geben nicht auf.» Danach ging er.",
     "東京で会議が開かれた。「問題はない」と彼は述べた。", "\"unclosed quote at the end of the text",
     "x" * 20000, "\ud800 broken surrogate \"quote,\" he said."],
)
def test_odd_inputs_never_crash(shipped, text):
    quotes = shipped(text)
    assert isinstance(quotes, list)
    for q in quotes:
        assert text[q.start : q.end] == q.text


def test_no_quotes_article_gives_nothing_direct(shipped):
    text = "Shares closed higher on Friday. Trading volume was light ahead of the holiday weekend."
    assert [q for q in shipped(text) if q.kind == "direct"] == []


DROZD = (  # the paragraph's subject is no tagged source ("hit back"); a man of the family spoke before
    "Chairman Pavel Drozd, 61, told shareholders in a letter that the firm needed "
    "\u2018a fresh pair of hands\u2019.\n\n"
    "Lena Drozd, 57, who has run the company since 2011, hit back within hours. "
    "\u2018My brother has not been to a board meeting in two years,\u2019 she said.\n"
)
BALTAZAR = (
    "Striker says he will retire\n\n"
    "DRUMMOND \u2014 Marco Baltazar has scored 141 goals for Drummond Rovers.\n\n"
    "\u201cI still feel 20,\u201d said Marco Baltazar as the Rovers striker laughed.\n\n"
    "A club official, who asked not to be named, said the contract would not be renewed.\n"
)
VASK = (
    "Raids\n\n"
    "Police chief Helena Vask read a prepared statement to reporters:\n\n"
    "\u201cAt 5.30 this morning more than 400 officers entered 22 addresses.\n\n"
    "\u201cI want to thank the officers who worked on this case.\u201d\n\n"
    "A banner strung across the gates read: \u2018Born here. Staying here.\u2019\n\n"
    "A banner hung from the gallery rail read: \u201cSave our lido.\u201d A group of supporters sang.\n"
)
DAHL = (  # the paragraph's subject is a lone surname after an adverbial; another woman spoke last
    "Conductor opens new hall\n\n"
    "Katrin Dahlberg has led the Varsholm Philharmonic for nine years.\n\n"
    "The violinist Mirela Vasko joined in 2019. \u2018Nobody has played here yet,\u2019 she says.\n\n"
    "Late on Friday night, after the final rehearsal, Dahlberg sits alone in the stalls. "
    "\u2018I wanted to hear what it sounds like when it is quiet,\u2019 she says.\n"
)
COURT = (  # "the barrister" is the lawyer named before, not the witness; "the first witness" is someone new
    "Solar boss on trial\n\n"
    "Owen Tremlett, 52, denies fraud at Daventon Crown Court.\n\n"
    "The first witness, a retired nurse, told the court she had paid a deposit in March. "
    "Lorna Quigg, 78, said the salesman had been \u201ccharming and very sure of himself\u201d.\n\n"
    "Cross-examined by Nadia Brook, for the defence, Mrs Quigg accepted that she had received two letters.\n\n"
    "\u201cSo the firm told you it was running late?\u201d the barrister asked.\n\n"
    "\u201cSixteen weeks became sixty,\u201d she replied.\n"
)
RUSEK = (  # a relative described with a clause after it is still a relative
    "Miners rescued\n\n"
    "Two brothers, Dawid Rusek and Marek Rusek, were trapped for three days.\n\n"
    "Marek Rusek, 41, was brought up first. \u201cI thought of my children,\u201d he said.\n\n"
    "His brother, who is 38, said the men had shared two bottles of water between them.\n"
)
BAKERY = (  # a paragraph opening on "Her son, <name>," is about him
    "Bakery turns 50\n\n"
    "At dawn Rosalind Brannigan is arguing with her son about the radio.\n\n"
    "\u2018He wants the sport, I want the news,\u2019 she says.\n\n"
    "Her son, Declan Brannigan, turns the dial anyway. \u2018She says that every morning,\u2019 the 36-year-old says.\n"
)

COUNCIL = (  # a quote's own "..., Cllr Duckworth shot back" beats the "she said" of the sentence before
    "Casting vote decides housing row\n\n"
    "Cllr Janet Morrow chaired the meeting. Cllr Helen Duckworth spoke against the plan.\n\n"
    "Cllr Morrow interrupted her at one point. 'There is a school in the plans,' she said. "
    "'A school that won't open until the last house is sold,' Cllr Duckworth shot back.\n"
)
VALE = (  # "the club" is the paragraph's own club that spoke, not the one named after it
    "Reddy rescues Harlow Vale\n\nA 17-year-old scored twice for Harlow Vale on Saturday.\n\n"
    "Harlow Vale said in a statement on Saturday evening that the supporter who ran onto the pitch would be "
    "banned from the ground. 'We understand the emotion. We cannot allow it,' the club said.\n\n"
    "Bielak's side stay fourth in the table, two points behind the leaders, Orsett Town.\n"
)
FERRY = (  # a name after a comma-closed quote takes any past tense as its verb ("called from the wheelhouse")
    "Twin sisters run the ferry\n\n"
    "Rhona Garvie and Nessa Garvie took over the ferry in 2001.\n\n"
    "Rhona said the old boat had plenty of life left. \u2018She\u2019s older than us,\u2019 she said. "
    "\u2018Don\u2019t tell her that,\u2019 Nessa called from the wheelhouse.\n"
)
TALKS = (  # "they" after a sentence whose subject is a delegation led by someone: the delegation
    "Water talks collapse\n\nVarrland\u2019s foreign minister, Ilse Marquardt, told reporters: \u00abWe came here to "
    "solve a problem, not to win an argument.\u00bb\n\nThe Ostrevan delegation, led by Deputy Foreign Minister Goran "
    "Petrakis, rejected the criticism. \u00abWe did not walk away from anything. We asked for time to consult our "
    "farmers,\u00bb they said in a statement.\n"
)
MERGER = (  # wire copy describes a speaker, then names them in the next sentence
    "Ready-meal makers to merge\n\n"
    "Tennick Foods and Kestrel Kitchens will merge, cutting 1,400 jobs.\n\n"
    "Tennick\u2019s chief executive said the closures had been \u201cthe hardest decision of my working life\u201d. "
    "Adrian Kell, who will run the merged group, told analysts the closures were unavoidable.\n"
)
MERGER_INVERTED = (  # the same after a quote of two sentences and an inverted verb: '"...," said the ...'
    "Ready-meal makers to merge\n\n"
    "Tennick Foods and Kestrel Kitchens will merge, cutting 1,400 jobs. Union leader Dora Pike called it a betrayal.\n\n"
    "\u201cThe closures were the hardest decision of my working life. We had no other choice,\u201d said "
    "Tennick\u2019s chief executive. Adrian Kell, who will run the merged group, told analysts the savings would reach \u00a340m.\n"
)
HARBOUR = (  # an indefinite description with its own clause, named later by its head word
    "Harbour wall is moving, survey finds\n\nThe sea wall at Penmoor has moved four centimetres in a year. "
    "An engineer with the Coastal Works Agency, who has surveyed the wall since 2019, says the movement is serious.\n\n"
    "The town council said repairs would start in the spring.\n\n"
    "\u201cThe wall is not failing yet, but it is tired,\u201d says Tomas Hale, the agency\u2019s senior engineer for the coast.\n"
)
RUNWAY = (  # "the airline" is not the "Airline Pilots' Union", whose head is "Union"
    "Jet overran runway, report finds\n\nAn interim report blamed the crew of the Skylane Airways flight. "
    "Skylane Airways said it was cooperating with the investigation.\n\n"
    "The Airline Pilots' Union, which represents both crew members, said the report pointed to 'a system failure, not a pilot failure'.\n\n"
    "The airline said it did not recognise the union's description of its culture.\n"
)
LIBRARY = (  # a group named inside the relative clause of the woman who speaks for it is not her 'she'
    "Library hours cut in budget\n\nFerrington Council will cut the opening hours of six branch libraries from April.\n\n"
    "Alison Threlfall, who chairs the campaign group Friends of Ferrington Libraries, said more than 11,000 people had "
    "signed a petition against the cuts.\n\n"
    "\u201cThe people who use a branch library on a Tuesday morning are the people who have nowhere else to go,\u201d she said.\n"
)
CUP = (  # a role no one before was given is the new person named next by its word, not the last speaker
    "Cragholme stun Carrow in cup\n\nCragholme Town beat Carrow City 2-1 on Saturday.\n\n"
    "\u201cWe were the better side for the last half-hour,\u201d Steve Mardell said.\n\n"
    "The visiting coach admitted that his side had been second best after the break.\n\n"
    "Gareth Lomax, the Carrow coach, defended his selection, saying the squad had played three games in a week.\n"
)
ENVOY = (  # a description that introduces someone new, who speaks in the next paragraph
    "Ceasefire talks stall\n\n"
    "Marvessa's foreign minister, Irena Vasko, told reporters the rebels had walked away. "
    "\"Our door remains open,\" she said.\n\n"
    "The UN special envoy for Marvessa said both delegations had agreed to stay for two more days.\n\n"
    "\"Nobody has left the building,\" Amara Lindqvist told a news conference.\n"
)

ELECTION = (  # whose campaign manager; an age and 'her'; a she for the woman just named as an object
    "Halloran wins mayoralty after recount\n\n"
    "Bridget Halloran of the Civic Alliance was elected mayor on Friday, beating Simon Deane of Regional Forward.\n\n"
    "The returning officer, Gareth Lowe, said turnout had been 38.7 per cent.\n\n"
    "In her acceptance speech, the 51-year-old former head teacher promised to \u201cget the buses running on time\u201d.\n\n"
    "Halloran\u2019s campaign manager, Neil Ashcombe, said the seat had been won \u201cstreet by street\u201d.\n\n"
    "\u201cIf you reject 1,100 ballots, you owe people an explanation,\u201d Deane\u2019s campaign manager told reporters. "
    "Priya Soames, a former council leader, said the party would write to the returning officer.\n\n"
    "During the debate, Deane accused Halloran of having \u201cno plan beyond a bus timetable\u201d, and she called "
    "his airport plan \u201ca runway to nowhere\u201d.\n\n"
    "According to the Civic Alliance\u2019s own canvass returns, Halloran gained ground in every ward.\n"
)
WILDFIRE = (  # a fire district is an organisation; a company with no organisation word is 'the company'
    "Fire jumps highway\n\n"
    "MARLOW SPRINGS \u2014 The fire had burned 14,200 acres, according to the Tallis County Fire Protection District.\n\n"
    "The district's fire chief said crews had pulled back twice. \"We had a line,\" she told reporters.\n\n"
    "Chief Dolores Vickery, who has led the district for nine years, urged people to leave.\n\n"
    "Sierra Vale Power, which owns the line, said it was cooperating with investigators. "
    "The company said it had not cut power because winds had been \"below our threshold.\"\n"
)

CAMPUS = (  # a role opening a sentence is who 'he' is; '..., who ...' descriptions named next paragraph
    "Students occupy senate house\n\n"
    "Nadia Farrant, the union president, addressed the crowd. \u201cWe have come to be consulted,\u201d she said.\n\n"
    "The vice-chancellor, who was at a meeting in the capital when the occupation began, said in a statement that "
    "the university \u201crespects the right to protest\u201d but would not reverse decisions \u201ctaken after a long "
    "and careful process\u201d.\n\n"
    "Professor Graham Whitlock, who has led Caldmoor since 2019, later told a radio station the cuts were needed. "
    "\u201cI did not come into this job to close departments,\u201d he said.\n\n"
    "Marek Dunn, a porter, said the doors had been chained.\n\n"
    "Adjourning the meeting, the vice-chancellor told staff not to speak to reporters. "
    "\u201cThe evidence is what you hear in this room,\u201d he said.\n"
)

COASTGUARD = (  # "Its duty commander" is named with his title in the next paragraph
    "Two crew missing after cargo ship capsizes\n\n"
    "The harbour authority of Port Kellan said the ship had been cleared to sail.\n\n"
    "The search is coordinated from the coastguard\u2019s rescue centre at Wendry Head. Its duty commander said "
    "anyone in the water without a survival suit would struggle to last more than a few hours.\n\n"
    "\u201cWe are still searching,\u201d Commander Peter Lowry told reporters at the lifeboat station.\n"
)

APPEAL = (  # a street is nobody; a fronted phrase before a description named in the next sentence
    "Flood town demands answers\n\n"
    "Environment Minister Tomas Hale visited Dunraith on Sunday and said the government would \"stand behind\" the town.\n\n"
    "As he walked along the flood barrier on Bridge Street, one man shouted \"Where were you in March?\" at him.\n\n"
    "Outside the court, Ashby\u2019s older sister said she had sat through every day of his trial. "
    "Carla Ashby, 42, held up a photograph of her brother.\n"
)

QUAKE = (  # an age nobody else has; a place phrase before the description; graffiti is nobody's
    "Earthquake kills dozens\n\n"
    "Goran Halas, 58, was pulled alive from his house after nine hours. His daughter, Vesna Halas, had waited "
    "beside the rubble all morning.\n\n"
    "\"I heard him knock on a pipe,\" the 31-year-old said.\n\n"
    "Two houses down, a neighbor, an elderly woman who did not want to be named, said a family was still trapped.\n\n"
    "Someone had chalked \"We are not terrorists\" on the side of a bus.\n"
)
SANCTIONS = (  # a numbered union; a title in marks is no she; a role as a sentence's subject
    "Union imposes sanctions\n\n"
    "The Serran Union on Tuesday imposed sanctions on Varnesia. \u201cThese measures are reversible,\u201d the "
    "14-nation union said in a statement.\n\n"
    "Central bank governor Marta Sedlak told a news conference the reserves were sufficient. The bank\u2019s latest "
    "\u201cFinancial Stability Review\u201d put reserves at $38 billion. \u201cWe prefer to act one day too early,\u201d she said.\n\n"
    "Hilde Aasen, the rebels\u2019 negotiator, welcomed the talks. \u201cI will take all three,\u201d she said.\n\n"
    "The UN envoy, Grace Mwale, said the talks would resume. The UN envoy was more guarded in private. "
    "Late on Thursday she wrote on X: \u201cTalking is not peace.\u201d\n"
)

WIRE = (  # a headline's bare role; a ministry described in lower case; 'Among those waiting was X'
    "Army foils coup attempt, president vows \u201cno mercy\u201d for plotters\n\n"
    "OSTRA, May 2 (Wire) - Soldiers loyal to President Aurelio Danek put down a coup attempt on Sunday.\n\n"
    "The Ostrevian defence ministry rejected the rebels\u2019 account. \u201cOur forces stayed within the "
    "positions agreed in March,\u201d the ministry said in a statement.\n\n"
    "Lena Farrow, a UN official, said 14,000 people had crossed. \u201cThe numbers are rising,\u201d she said.\n\n"
    "Among those waiting at the crossing was Samira Tahan, a 34-year-old pharmacist, who arrived with her children.\n\n"
    "\u201cThey shelled the market on Monday morning,\u201d she said.\n"
)

FARM = (  # a relative opening a sentence ('His wife was less certain.'); 'Among those waiting is X'
    "Parents back strike\n\n"
    "Bernadette Quayle, the union's leader, said the strike would go ahead. \"We have no choice,\" she said.\n\n"
    "Tom Reddaway and his wife, Alison Reddaway, kept their daughters at home. \"We both work,\" Tom Reddaway said.\n\n"
    "His wife was less certain. \"I back the teachers, I do,\" she said.\n\n"
    "Among those waiting is Dolores Breck, 71, a retired school cook.\n\n"
    "\"Some days I can't get up my own stairs,\" she said.\n"
)

CREELS = (  # an unnamed man who is the subject of the sentence before is 'he'
    "The last creel boats\n\n"
    "Donald MacAskill says the harbour once had eleven boats.\n\n"
    "In 1987, when the government was paying owners to scrap their boats, a man from the fisheries office drove out "
    "to the pier with the forms. \u2018Take the money while it\u2019s on the table,\u2019 he told him.\n"
)

BUDGET = (  # a name inside a participial phrase between the subject's commas is not the speaker
    "Budget raises fuel duty\n\n"
    "Helena Vostrup, presenting her second budget since the Social Alliance took office, said the deficit was on "
    "course to reach 4.1 percent of output.\n"
)

ENVOY_ASKED = (  # who asked is not who replied; a role that 'had' something to say is a she
    "Ambassador summoned over leaked cable\n\n"
    "Anton Reisz, the ambassador, was summoned on Wednesday.\n\n"
    "Reisz was seen leaving his residence on Thursday. Asked by a Dnevna Linija reporter whether he intended to "
    "apologise, he replied only: \u201cI have said what I have to say.\u201d\n\n"
    "Dr Niamh Gallagher, a consultant at the infirmary, said admissions had doubled. Doris Kemp, 88, was among them. "
    "\u201cI felt faint,\u201d she said.\n\n"
    "Back at the infirmary, the consultant had a simple message. \u201cDrink water before you are thirsty,\u201d she said.\n"
)


@pytest.mark.parametrize(
    "text,quote,speaker",
    [
        (ENVOY_ASKED, "I have said what I have to say.", "Anton Reisz"),
        (ENVOY_ASKED, "Drink water before you are thirsty,", "Niamh Gallagher"),
        (BUDGET, "the deficit was on course to reach 4.1 percent of output", "Helena Vostrup"),
        (CREELS, "Take the money while it\u2019s on the table,", "a man from the fisheries office"),
        (FARM, "I back the teachers, I do,", "Alison Reddaway"),
        (FARM, "Some days I can't get up my own stairs,", "Dolores Breck"),
        (WIRE, "no mercy", "Aurelio Danek"),
        (WIRE, "Our forces stayed within the positions agreed in March,", "Ostrevian defence ministry"),
        (WIRE, "They shelled the market on Monday morning,", "Samira Tahan"),
        (QUAKE, "I heard him knock on a pipe,", "Vesna Halas"),
        (QUAKE, "a family was still trapped", "a neighbor"),
        (QUAKE, "We are not terrorists", None),
        (SANCTIONS, "These measures are reversible,", "Serran Union"),
        (SANCTIONS, "We prefer to act one day too early,", "Marta Sedlak"),
        (SANCTIONS, "Talking is not peace.", "Grace Mwale"),
        (APPEAL, "Where were you in March?", "one man"),
        (APPEAL, "she had sat through every day of his trial", "Carla Ashby"),
        (COASTGUARD, "anyone in the water without a survival suit would struggle to last more than a few hours",
         "Peter Lowry"),
        (CAMPUS, "respects the right to protest", "Graham Whitlock"),
        (CAMPUS, "The evidence is what you hear in this room,", "Graham Whitlock"),
        (ELECTION, "get the buses running on time", "Bridget Halloran"),
        (ELECTION, "If you reject 1,100 ballots, you owe people an explanation,", "Priya Soames"),
        (ELECTION, "a runway to nowhere", "Bridget Halloran"),
        (ELECTION, "Halloran gained ground in every ward", "Civic Alliance"),
        (WILDFIRE, "crews had pulled back twice", "Dolores Vickery"),
        (WILDFIRE, "We had a line,", "Dolores Vickery"),
        (WILDFIRE, "below our threshold.", "Sierra Vale Power"),
        (ENVOY, "both delegations had agreed to stay for two more days", "Amara Lindqvist"),
        (MERGER, "the hardest decision of my working life", "Adrian Kell"),
        (HARBOUR, "the movement is serious", "Tomas Hale"),
        (RUNWAY, "it did not recognise the union's description of its culture", "Skylane Airways"),
        (LIBRARY, "The people who use a branch library on a Tuesday morning are the people who have nowhere else to go,",
         "Alison Threlfall"),
        (CUP, "his side had been second best after the break", "Gareth Lomax"),
        (MERGER_INVERTED, "The closures were the hardest decision of my working life. We had no other choice,", "Adrian Kell"),
        (COUNCIL, "There is a school in the plans,", "Janet Morrow"),
        (COUNCIL, "A school that won't open until the last house is sold,", "Helen Duckworth"),
        (VALE, "We understand the emotion. We cannot allow it,", "Harlow Vale"),
        (FERRY, "Don\u2019t tell her that,", "Nessa Garvie"),
        (TALKS, "We did not walk away from anything. We asked for time to consult our farmers,", "The Ostrevan delegation"),
        (RUSEK, "the men had shared two bottles of water between them", "Dawid Rusek"),
        (BAKERY, "She says that every morning,", "Declan Brannigan"),
        (COURT, "she had paid a deposit in March", "Lorna Quigg"),
        (COURT, "So the firm told you it was running late?", "Nadia Brook"),
        (COURT, "Sixteen weeks became sixty,", "Lorna Quigg"),
        (DAHL, "I wanted to hear what it sounds like when it is quiet,", "Katrin Dahlberg"),
        (DROZD, "My brother has not been to a board meeting in two years,", "Lena Drozd"),  # paragraph subject
        (BALTAZAR, "I still feel 20,", "Marco Baltazar"),  # "X as the striker"
        (BALTAZAR, "the contract would not be renewed", "A club official"),  # anonymous description
        (VASK, "I want to thank the officers who worked on this case.", "Helena Vask"),  # after "statement:"
        (VASK, "Born here. Staying here.", None),  # a banner is nobody (or no quote at all)
        (VASK, "Save our lido.", None),  # not the rail it hung from, nor the supporters after it
    ],
)
def test_speaker_patterns_on_the_shipped_model(shipped, text, quote, speaker):
    got = {q.text: q.speaker for q in shipped(text)}
    assert quote in got and got[quote] == speaker


def test_a_lone_surname_counts_as_a_person_only_when_it_acts():
    from quoteattr.speakers import SpeakerResolver

    text = ("Sunniva Hovland won. Mirela Dragan lost.\n\n"
            "Dragan first played Hovland at a junior event. Asked by the Courier in May, she smiled. "
            "\u2018Dragan said, no,\u2019 she added.")
    r = SpeakerResolver(text, quoted=[(text.index("Dragan said"), text.index(",\u2019"))])
    lone = [n for p, n in r.people_before(len(text), surnames=True) if p > text.index("\n\n")]
    assert lone == ["Mirela Dragan"]  # not the object "Hovland", nor the name said inside the quote
    assert all(p < text.index("\n\n") for p, _ in r.people_before(len(text)))


def test_plural_groups_are_not_he_or_she():
    from quoteattr.attributor import _is_plural

    assert _is_plural("Opposition MPs") and _is_plural("residents of the town") and _is_plural("Researchers")
    assert not _is_plural("Marek Dudek") and not _is_plural("the witness") and not _is_plural("Ruiz")
    assert _is_plural("The crowd") and _is_plural("the audience")  # a crowd chants; it is never he or the last speaker


def test_a_description_set_off_after_a_name_is_that_person():
    from quoteattr.attributor import _apposed_person

    text = ("At Boca West, where it costs $70,000 to join, Jay DiPietro, the club's president and general "
            "manager, suggested the troubles were poor management. Earlier, Afghan media outlets, citing "
            "no one, reported it.")
    r = SpeakerResolver(text)
    desc = text.index("the club's")
    assert _apposed_person(r, text, desc, text.index(", suggested")) == "Jay DiPietro"
    assert _apposed_person(r, text, desc, desc + len("the club's president")) is None  # not closed by a comma
    media = text.index("Afghan media")
    assert _apposed_person(r, text, media, text.index(", citing")) is None  # "Earlier" is no one


def test_the_role_someone_unnamed_was_just_introduced_with_stays_unnamed():
    from quoteattr.attributor import _introduced_unnamed

    text = ("Betsy Ebeling and her husband, Tom, were greeted by an organizer at a field office in Des Moines.\n\n"
            "\u201cYou guys are gonna be the most effective messengers,\u201d the organizer told them.")
    assert _introduced_unnamed(SpeakerResolver(text), text, "organizer", text.index("the organizer"))
    named = text.replace("Des Moines.", "Des Moines. Jo Pratt, who runs it, waved.")
    assert not _introduced_unnamed(SpeakerResolver(named), named, "organizer", named.index("the organizer"))
    apposed = text.replace("by an organizer", "by Jo Pratt, an organizer,")
    assert not _introduced_unnamed(SpeakerResolver(apposed), apposed, "organizer", apposed.index("the organizer"))
    said_of = ("Tamsin Oduya, who is now an oceanographer at the University of Kessel, spent four summers there.\n\n"
               "\u201cShe outworked all of us,\u201d the oceanographer said.")
    assert not _introduced_unnamed(SpeakerResolver(said_of), said_of, "oceanographer", said_of.index("the oceanographer"))


def test_another_supporter_is_someone_new_not_the_supporter_named_before():
    from quoteattr.attributor import QuoteAttributor

    text = ('"Are they reading some chain email?" said Bob Mulholland, a California superdelegate and Clinton supporter.\n\n'
            '"Yet another state we would have won," another supporter wrote on Reddit.')
    r = SpeakerResolver(text)
    pos = text.index("another supporter")
    assert QuoteAttributor._description_referent(None, r, "another supporter", pos, [], text) == (True, "another supporter")
    one = text.replace("another supporter wrote", "one Clinton supporter wrote")
    pos = one.index("one Clinton supporter")
    assert QuoteAttributor._description_referent(None, SpeakerResolver(one), "one Clinton supporter", pos, [], one) == \
        (True, "one Clinton supporter")


def test_the_one_a_question_was_put_to_answers_it():
    from quoteattr.attributor import _put_to

    text = ("Last month, The Huffington Post\u2019s Scott Conroy asked Bernie Sanders whether questions about his "
            "health were fair game. \u201cSure it is. I would not have run if I was not blessed,\u201d he said.")
    quote = "Sure it is. I would not have run if I was not blessed,"
    he = text.index("he said")
    assert _put_to(SpeakerResolver(text), text, he, "m", quote) == "Bernie Sanders"
    told = text.replace("asked Bernie Sanders whether", "told Bernie Sanders that")
    assert _put_to(SpeakerResolver(told), told, told.index("he said"), "m", quote) is None
    inside = text.replace(". \u201cSure", ", and \u201cSure")  # the quote opens no sentence
    assert _put_to(SpeakerResolver(inside), inside, inside.index("he said"), "m", quote) is None


def test_a_capitalised_plural_the_text_also_writes_in_lower_case_is_not_he_or_she():
    from quoteattr.speakers import common_plural as _common_plural

    text = "Audiences can expect him to take risks. “It is the type of audience that will appreciate it,” he said."
    assert _common_plural(text, "Audiences")
    assert not _common_plural(text, "Sanders") and not _common_plural(text, "Marek Dudek")
    assert not _common_plural("Banks said the Bank of England was wrong.", "Banks")  # never in lower case


def test_a_source_inside_the_marks_is_the_quotes_not_its_speaker(shipped):
    text = ("Teresa Alvaro, 58, said she had been given 20 minutes to leave her house.\n\n"
            "\"A deputy knocked on the door and said, 'It's time, ma'am, right now.' I grabbed the cat,\" "
            "she said.")
    outer = [q for q in shipped(text) if q.text.startswith("A deputy")]
    assert len(outer) == 1 and outer[0].speaker == "Teresa Alvaro"
    assert outer[0].speaker_mention == "she"


def test_a_person_named_inside_the_quote_is_not_its_speaker():
    from quoteattr.attributor import _named_in

    assert _named_in("Hector Gale", "Hector told me on my first night: nobody listens")
    assert not _named_in("Lambert Vandersloot", "Hector told me on my first night: nobody listens")
    assert not _named_in("Gale", "Gale force winds")  # a lone surname is too weak to rule anyone out


@pytest.mark.parametrize(
    "text,tagged,expected",
    [
        ("Glaciers shrink, study finds\n\nHOLMSTAD, March 5 (Wire) \u2014 Glaciers lost ice fast, researchers said.",
         "study finds\n\nHOLMSTAD, March 5 (Wire) \u2014 Glaciers lost ice fast", "Glaciers lost ice fast"),
        ("Hail\n\nTOKALY, Sept 3 (Wire) \u2014 A hailstorm destroyed half the harvest, the association said.",
         "hailstorm destroyed half the harvest", "A hailstorm destroyed half the harvest"),
        ("Vote\n\nThe mayor said the plan, which passed, would work.", "the plan, which passed, would work",
         "the plan, which passed, would work"),  # no dateline: unchanged
    ],
)
def test_lede_clauses_start_after_the_dateline(text, tagged, expected):
    from quoteattr.attributor import _lede_start

    s = text.index(tagged)
    start, end = _lede_start(text, s, s + len(tagged))
    assert text[start:end] == expected


def test_organisation_descriptions_and_their_modifiers():
    from quoteattr.attributor import _modifier_fits, _org_like

    assert _org_like("Aldermark's foreign ministry") and _org_like("the Lirovian military")
    assert _org_like("Interior Ministry") and not _org_like("police") and not _org_like("a witness")
    assert _modifier_fits("the interior ministry", "Interior Ministry")
    assert not _modifier_fits("the agriculture ministry", "Karvonian Ministry of Defence")
    assert _modifier_fits("the ministry", "Karvonian Ministry of Defence")
    assert _modifier_fits("the country's ministry", "Karvonian Ministry of Defence")
    assert _modifier_fits("the drivers' union", "Rail Drivers and Guards Union")  # a plural possessive
    assert not _modifier_fits("the teachers' union", "Rail Drivers and Guards Union")
    assert _modifier_fits("the central bank", "Bank of Ilvaria")  # what a central bank is called varies
    assert not _modifier_fits("the governor's office", "Pell County Sheriff's Office")  # someone else's office
    assert _modifier_fits("the sheriff's office", "Pell County Sheriff's Office")
    assert _modifier_fits("Kolvaria's ministry", "Ministry of Defence")
    assert _modifier_fits("the conservative-leaning newspaper", "The Wall Street Journal")  # a leaning is no name
    assert _org_like("the conservative-leaning newspaper")  # a newspaper is never he or she


def test_the_latest_description_with_the_head_beats_an_organisation_named_before_it(shipped):
    text = ("Pell County Sheriff's Office said roads were closed. The governor's office said money would flow. "
            '"Nobody is alone," the office said.')
    r = SpeakerResolver(text)
    gov, pos = text.index("The governor's office"), text.index("the office")
    assert shipped._description_referent(r, "the office", pos, [(gov, "The governor's office")], text) == (True, "The governor's office")
    assert shipped._description_referent(r, "the office", pos, [], text) == (True, "Pell County Sheriff's Office")


def test_clauses_that_are_never_reported_speech():
    from quoteattr.attributor import _NOT_REPORTED

    assert _NOT_REPORTED.match("not to be named because the talks were confidential")
    assert _NOT_REPORTED.match("which killed two people")
    assert not _NOT_REPORTED.match("the talks had failed")


def test_a_role_keeps_the_person_it_was_resolved_to(shipped):
    text = (
        "University to close departments\n\n"
        "Eskerby University will close three departments, its vice-chancellor told staff on Monday.\n\n"
        "In an email, Professor Marian Threlkeld said the university faced a deficit.\n\n"
        "The union's branch secretary, Dr Emlyn Tennent, said members would strike.\n\n"
        "The vice-chancellor said in a second message that no student would be affected."
    )
    by_start = {q.start: q for q in shipped(text) if q.kind == "indirect"}
    first = next(q for s, q in by_start.items() if s < text.index("In an email"))
    last = next(q for s, q in by_start.items() if s > text.index("The vice-chancellor"))
    assert first.speaker == "Marian Threlkeld" and last.speaker == "Marian Threlkeld"


def test_organisations_described_by_another_word(shipped):
    text = ("Man found dead on towpath\n\n"
            "A man was found dead on a canal towpath, Northmoor Police said on Friday.\n\n"
            "Detective Superintendent Jonathan Reese said officers were keeping an open mind.\n\n"
            "“We understand the strength of feeling in the community,” the force said in a statement.")
    quotes = shipped(text)
    last = next(q for q in quotes if q.text.startswith("We understand"))
    assert last.speaker == "Northmoor Police"


def test_a_description_with_another_modifier_is_another_speaker():
    from quoteattr.attributor import _modifier_fits

    assert not _modifier_fits("The Ostrelian coastguard", "Caldria's coastguard")
    assert _modifier_fits("the coastguard", "Caldria's coastguard")
    from quoteattr.speakers import is_org

    assert is_org("Kilbarran Ladies") and is_org("Confederation of Lusmark Enterprise") and not is_org("United Nations")


def test_words_a_thing_reads_have_no_speaker():
    from quoteattr.attributor import _INSCRIBED

    assert _INSCRIBED.search("A banner hung from the gallery rail read: \u201c")
    assert _INSCRIBED.search("an online petition sign reads: '")
    assert _INSCRIBED.search("A hand-painted board above the counter reads: '")
    assert not _INSCRIBED.search("The minister read a statement: \u201c")
    assert not _INSCRIBED.search("She signed the letter, which read: \u201c")  # "signed" is no sign
    assert _INSCRIBED.search("An online petition against it, which had 6,340 signatures by Monday, reads: \u2018")
    assert _INSCRIBED.search("A chalkboard by the pass reads: \u201c")
    assert _INSCRIBED.search("One, held aloft by a boy of about ten, read \u201c")  # one more of the placards
    assert not _INSCRIBED.search("One witness read: \u201c".replace("read", "said"))


def test_a_descriptions_own_sentence_can_give_its_gender():
    from quoteattr.attributor import _own_pronoun_gender

    text = "the prosecutor told the jury in her opening speech. Then he left."
    assert _own_pronoun_gender(text, len("the prosecutor")) == "f"
    text = "the prosecutor told Daniel Pryce his case was weak."
    assert _own_pronoun_gender(text, len("the prosecutor")) is None  # his may be Pryce's
    assert _own_pronoun_gender("the prosecutor said. His case", len("the prosecutor")) is None


def test_who_was_told_is_not_part_of_the_reported_clause():
    from quoteattr.attributor import _trim_indirect

    for text, clause in [
        ("Judge Ottilie Brandvold told jurors the trial was expected to last three weeks.",
         "the trial was expected to last three weeks"),
        ("The council has told the eight artists who rent space there that the building may be sold.",
         "the building may be sold"),
        ("The judge told Gareth Mallory he should expect to go to prison.", "he should expect to go to prison"),
    ]:
        i = text.index("told ") + 5
        s, e = _trim_indirect(text, i, len(text) - 1)
        assert text[s:e] == clause
    text = "She said the trial would last three weeks."
    i = text.index("the trial")
    assert _trim_indirect(text, i, len(text) - 1) == (i, len(text) - 1)  # no 'told': untouched


def test_a_reported_clause_keeps_the_modifier_that_ends_its_sentence():
    from quoteattr.attributor import _trailing_modifier_end

    def extend(text: str, clause_end: str) -> str:
        end = text.index(clause_end) + len(clause_end)
        return text[:_trailing_modifier_end(text, end)]

    t = "It said the deal would close in May, subject to approval by regulators. Shares rose."
    assert extend(t, "close in May").endswith("subject to approval by regulators")
    t = "He said the fighting had stopped, but he vowed to continue resisting."
    assert extend(t, "had stopped").endswith("had stopped")  # a new clause
    t = "She said the plan would fail, Reuters reported."
    assert extend(t, "would fail").endswith("would fail")  # a reporting verb
    t = "He said costs would rise, \u201cfar too fast\u201d."
    assert extend(t, "would rise").endswith("would rise")  # quoted words


def test_a_reported_clause_starts_at_its_own_subject():
    from quoteattr.attributor import _clause_start

    t = "He said the central bank had all but promised a March cut."
    assert t[_clause_start(t, t.index("had all"), len(t) - 1):].startswith("the central bank had")
    t = "About 1,400 people spent the night at the fairgrounds, officials said."
    assert t[_clause_start(t, t.index("400"), t.index(",", 10)):].startswith("About 1,400 people")
    t = "The monastery of St. Ilian said that the icon was back."
    assert _clause_start(t, t.index("the icon"), len(t) - 1) == t.index("the icon")  # after 'that'
    t = "According to the firm, the bank had known."
    assert _clause_start(t, t.index("had known"), len(t) - 1) == t.index("had known")


def test_a_name_after_called_is_no_he_or_she():
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.speakers import SpeakerResolver

    text = ("Dr Leonie Farraday said the app, called Airwell, sends reminders. "
            "She said it helped.")
    r = SpeakerResolver(text)
    pos = text.index("She said")
    people = [(text.index("Leonie"), "Leonie Farraday"), (text.index("Airwell"), "Airwell")]
    chosen = QuoteAttributor._gendered_people(r, text, pos, "f", people, "")
    assert max(chosen)[1] == "Leonie Farraday"


def test_a_quote_paragraph_goes_to_the_person_the_paragraph_before_handed_over_to():
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.speakers import SpeakerResolver

    text = ("The prosecutor, Harriet Doyle, said the phone was in use.\n\n"
            "Ashcroft sat with his head bowed as Eleanor's mother, Margaret Whitlow, read a statement "
            "to the court.\n\n"
            "\"Eleanor was training to be a midwife,\" she said.")
    r = SpeakerResolver(text)
    pos = text.index("she said")
    spoke = [(text.index("Harriet"), "Harriet Doyle")]
    chosen = QuoteAttributor._gendered_people(r, text, pos, "f", spoke, "Eleanor was training")
    assert chosen == [(text.index("Margaret"), "Margaret Whitlow")]


def test_a_spokeswoman_for_an_organisation_is_a_person():
    from quoteattr.attributor import _org_like

    assert not _org_like("A spokeswoman for Kelland Highways")
    assert _org_like("Kelland Highways") and _org_like("the interior ministry")


def test_he_never_goes_to_someone_known_to_be_a_woman():
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.speakers import SpeakerResolver

    text = ("Mariam, 34, gave only her first name. She said the walk took two days.\n\n"
            "A man was tying a sheet between two trees. \"That is my whole house,\" he said.")
    r = SpeakerResolver(text)
    pos = text.index("he said")
    assert QuoteAttributor._gendered_people(r, text, pos, "m", [(0, "Mariam")], "") == []


def test_a_role_word_capitalised_by_the_sentence_is_lowered():
    from quoteattr.attributor import _sentence_case

    text = "Shares fell. Analysts at Corbel Securities said the recall could cost £15m. Janice Pell agreed."
    assert _sentence_case(text, text.index("Analysts"), "Analysts at Corbel Securities") == \
        "analysts at Corbel Securities"
    assert _sentence_case(text, text.index("Janice"), "Janice Pell") == "Janice Pell"
    text = "Harstad was sacked. Sources close to Harstad said she was told late. Emergency, an aid group, said no."
    assert _sentence_case(text, text.index("Sources"), "Sources close to Harstad") == "sources close to Harstad"
    assert _sentence_case(text, text.index("Emergency"), "Emergency, an aid group") == "Emergency, an aid group"


def test_he_who_replies_is_not_the_one_who_asked():
    from quoteattr.attributor import _answerer
    from quoteattr.linking import Mention
    from quoteattr.speakers import SpeakerResolver

    text = ("Jordan Sallis, a doorman, said he saw the punch.\n\n"
            "\"You told the officers it was nothing, didn't you?\" Mr Simon Rathbone asked.\n\n"
            "\"I said that, yeah,\" he replied.")
    r = SpeakerResolver(text)
    asked = Quote(start=text.index("You told"), end=text.index("?") + 1, text="", kind="direct",
                  speaker="Simon Rathbone", cue="asked")
    he = text.index("he replied")
    history = [(0, "Jordan Sallis"), (text.index("Mr Simon"), "Simon Rathbone")]
    mention = Mention(he, he + 2, 0, 1)
    assert _answerer(r, text, mention, "Simon Rathbone", [asked], history) == "Jordan Sallis"
    said = Quote(start=asked.start, end=asked.end, text="", kind="direct", speaker="Simon Rathbone", cue="said")
    assert _answerer(r, text, mention, "Simon Rathbone", [said], history) is None


def test_the_statement_is_whoever_issued_it():
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.speakers import SpeakerResolver

    text = ("In a statement after a two-day meeting, the National Bank of Kaldoria said prices rose. "
            "Seven members voted for the increase. \"We act,\" the statement said.")
    r = SpeakerResolver(text)
    history = [(text.index("the National"), "National Bank of Kaldoria")]
    pos = text.index("the statement said")
    assert QuoteAttributor._description_referent(None, r, "the statement", pos, history, text) == \
        (True, "National Bank of Kaldoria")


def test_a_name_is_handed_over_to_only_when_it_is_the_speech_acts_subject():
    from quoteattr.attributor import _hands_over

    text = ("The Ashcombe manager said he would not be contacting the league about the referee, "
            "Stuart Penrose, but added that his players felt hard done by.")
    assert not _hands_over(text, text.index("Stuart"), len(text))
    text = "Her mother, Rachel Vantell, sat beside the detective and read a short appeal to her daughter."
    assert _hands_over(text, text.index("Rachel"), len(text))


def test_an_indefinite_lede_and_its_headline_are_the_person_named_next(shipped):
    text = ("Pub worker tells brewery arson trial accused ‘smelled of petrol’ hours before fire\n\n"
            "A pub worker told a jury on Wednesday that the man accused of burning down a Cranholt brewery "
            "‘smelled of petrol’ when he came into her bar.\n\n"
            "Ellen Marsh, 41, was giving evidence on the third day of the trial of Gareth Pollard, 56, who denies arson.")
    quotes = [q for q in shipped(text) if q.text == "smelled of petrol"]
    assert len(quotes) == 2 and {q.speaker for q in quotes} == {"Ellen Marsh"}


def test_both_halves_of_a_split_quote_have_the_one_speaker(shipped):
    text = ("Dr Agnes Tullow, 67, is retiring after 38 years.\n\n"
            "Her daughter, Fiona Tullow, 38, said she would not apply for the post.\n\n"
            "Her mother, listening from the doorway, shook her head. \"Fiona will end up here,\" she said. "
            "\"They always end up in the valley.\"")
    quotes = {q.text: q.speaker for q in shipped(text) if q.kind == "direct"}
    assert quotes["Fiona will end up here,"] == quotes["They always end up in the valley."] == "Agnes Tullow"


def test_bare_police_is_the_force_the_story_names(shipped):
    text = ("Man found dead on canal towpath\n\n"
            "A man was found dead on a canal towpath in Bramwell on Sunday, Northmoor Police said.\n\n"
            "A 31-year-old man has been arrested on suspicion of murder, police said.")
    quotes = {q.text: q.speaker for q in shipped(text) if q.kind == "indirect"}
    arrested = next(t for t in quotes if "arrested" in t)
    assert quotes[arrested] == "Northmoor Police"
    text = "Man found dead\n\nA man was found dead on a towpath on Sunday, police said."
    assert {q.speaker for q in shipped(text)} == {"police"}
    from quoteattr.attributor import _police_force
    from quoteattr.speakers import SpeakerResolver
    text = ("Bus crash\n\nSix students were hurt, police said.\n\nPolice Chief Dana Whitfield spoke. "
            "The Halden Falls Police Department said the road was icy.")
    assert _police_force(SpeakerResolver(text), text.index("police said")) == "Halden Falls Police Department"


def test_the_witness_is_the_last_speaker_who_is_not_a_lawyer(shipped):
    text = ("Neighbour heard victim scream, jury told\n\n"
            "Janice Pell, 67, told Wethercombe Crown Court she had heard raised voices.\n\n"
            "‘It was two men, I’m sure of that,’ Ms Pell said.\n\n"
            "Cross-examined by Martin Steele KC, for the defence, Ms Pell agreed that she had not seen either man.\n\n"
            "‘Could the second voice have been the television?’ Mr Steele said.\n\n"
            "‘No,’ the witness replied.")
    q = next(q for q in shipped(text) if q.text == "No,")
    assert q.speaker == "Janice Pell"


def test_a_mention_inside_a_relative_clause_gives_way_to_the_subject(shipped):
    text = ("Care boss on trial\n\n"
            "Ellesmoor County Council, which ended its contract with Brightside in 2022, said it could not "
            "comment while the trial was continuing.")
    q = next(q for q in shipped(text) if q.kind == "indirect")
    assert q.speaker == "Ellesmoor County Council"
    text = ("Hiker missing\n\nHis sister, Nia Pryce, 24, who raised the alarm when Gareth Lowe called her on "
            "Sunday, said the family had been overwhelmed by the response from strangers.")
    q = next(q for q in shipped(text) if q.kind == "indirect")
    assert q.speaker == "Nia Pryce"


def test_the_one_attribution_between_split_halves_serves_both(shipped):
    """'"A," Brightwater's development director, Neil Garside, said at a public exhibition of
    the plans on Tuesday. "B."': in the whole article the tagger offers the exhibition for B."""
    from quoteattr.eval.format import load_labelled

    article = next(a for a in load_labelled() if a.id == "b22b-kelmouth-ferry-wharf-tower-brightwater-civic-trust")
    quote = next(q for q in shipped(article.text) if q.text.startswith("We could build 412 flats"))
    assert quote.speaker == "Neil Garside"


def test_a_report_by_an_organisation_is_that_organisation():
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.speakers import SpeakerResolver

    text = ("Jet overran runway\n\nThe jet stopped in the grass, according to an interim report published on "
            "Thursday by the Air Accidents Investigation Board.")
    r = SpeakerResolver(text)
    mention = "an interim report published on Thursday by the Air Accidents Investigation Board"
    assert QuoteAttributor._description_referent(None, r, mention, text.index("an interim"), [], text) == \
        (True, "Air Accidents Investigation Board")


def test_a_mention_cut_inside_an_appositive_hangs_on_the_name_before_it(shipped):
    from quoteattr.speakers import SpeakerResolver
    text = ("Leading the opposition was Sen. Curtis Vail, a Republican from Millerton and a former county sheriff, who "
            "argued that the bill would burden gun owners. The breach was spotted by Nadia Brennan, a researcher at the "
            "firm Greyline Security, who said she found the data.")
    r = SpeakerResolver(text)
    cut = "Republican from Millerton and a former county sheriff, who"
    assert shipped._canonical(r, cut, text.index(cut), [], [], text) == "Curtis Vail"
    whole = "Nadia Brennan, a researcher at the firm Greyline Security, who"
    assert shipped._canonical(r, whole, text.index(whole), [], [], text) == "Nadia Brennan"  # named inside


def test_a_reflexive_after_a_name_is_the_name(shipped):
    from quoteattr.speakers import SpeakerResolver
    text = "Nurse freed\n\nIlona Brandt, 34, was freed on Monday. Brandt herself said she had not decided."
    assert shipped._canonical(SpeakerResolver(text), "Brandt herself", text.index("Brandt herself"), [], [], text) == "Ilona Brandt"


def test_which_after_a_description_is_what_the_description_names(shipped):
    from quoteattr.speakers import SpeakerResolver
    text = ("Bank breach\n\nAldergate Bank said on Monday that records had been exposed.\n\n"
            "That was disputed by the bank, which said no records had been taken.")
    r = SpeakerResolver(text)
    assert shipped._canonical(r, "which", text.index("which said"), [], [], text) == "Aldergate Bank"


def test_a_mention_inside_a_relative_clause_before_calls_gives_way_to_the_subject():
    from quoteattr.attributor import _relative_clause_antecedent
    from quoteattr.linking import Mention
    from quoteattr.speakers import SpeakerResolver
    text = ("Not everyone is fond of him. Lionel Ashgrove, who has led the Farmers’ Alliance since 2011 and fought Rask "
            "for the Kelvary North seat three times, calls him “a brilliant speaker”.")
    inner = Mention(text.index("Kelvary"), text.index(" three times") + 12, 0, 1)
    found = _relative_clause_antecedent(text, inner, SpeakerResolver(text), [inner])
    assert text[found.start : found.end] == "Lionel Ashgrove"


def test_a_mention_opening_with_who_is_the_name_the_clause_hangs_on():
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.speakers import SpeakerResolver

    text = "Kenneth Marsh, who gave Reddy his debut in April, said the club had turned down two approaches."
    mention = "who gave Reddy his debut in April"
    pos = text.index(mention)
    assert QuoteAttributor._canonical(None, SpeakerResolver(text), mention, pos, [], [], text) == "Kenneth Marsh"


def test_the_agency_is_the_named_agency_not_the_headlines_description():
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.speakers import SpeakerResolver

    text = ("Town told to boil water as health agency warns of risk\n\n"
            "The Northern Health Protection Agency said 11 people had been confirmed ill.\n\n"
            "\"There is a real risk,\" the agency said.")
    r = SpeakerResolver(text)
    history = [(text.index("health agency"), "health agency")]  # the headline's description spoke first
    pos = text.index("the agency said")
    assert QuoteAttributor._description_referent(None, r, "the agency", pos, history, text) == \
        (True, "Northern Health Protection Agency")


def test_french_and_german_speech_verbs_give_the_speaker(shipped):
    text = ("Vallombre : grève des conducteurs de bus\n\n"
            "Le mouvement, lancé à l’appel du syndicat, réclame 150 euros de plus par mois et la fin des coupures "
            "dans les journées de travail des conducteurs de la ville.\n\n"
            "« On nous demande d’être au volant à 5 h 30. Ce n’est plus tenable », a déclaré Franck Dumoulin, "
            "délégué du syndicat, devant le dépôt de la rue des Tanneurs.\n\n"
            "« Nous avons envoyé trois courriers. Trois. Pas une seule réponse », a-t-il ajouté. « Rien. »")
    quotes = {q.text: q.speaker for q in shipped(text) if q.kind == "direct"}
    assert quotes["Nous avons envoyé trois courriers. Trois. Pas une seule réponse"] == "Franck Dumoulin"
    assert quotes["Rien."] == "Franck Dumoulin"
    text = ("Streit um die Grundschule\n\n"
            "Die Stadt will die Schule im Ortsteil schließen, weil die Zahl der Kinder seit Jahren sinkt und "
            "das Gebäude saniert werden müsste. Der Rat entscheidet im März über die Pläne der Verwaltung.\n\n"
            "„Ich weiß, dass das wehtut“, sagte Bürgermeisterin Renate Schollmeyer am Dienstag.")
    assert {q.speaker for q in shipped(text) if q.kind == "direct"} == {"Renate Schollmeyer"}


def test_his_father_and_her_mother_are_relatives_of_the_last_speaker(shipped):
    text = ("Hail ruins vineyard\n\n"
            "Bence Varga runs the vineyard with his father, Tamás Varga.\n\n"
            "“My father grew up in a world where the weather was just the weather,” Bence Varga said.\n\n"
            "Asked whether he would replant, his father laughed: “What else would I do?”\n\n"
            "Falcons coach Ingrid Moberg said her team had run out of energy. Falcons centre Aino Moberg, the "
            "coach’s daughter, fouled out.\n\n"
            "“I let the team down tonight,” the younger Moberg said.\n\n"
            "“She has nothing to apologise for,” her mother said.")
    assert _speaker(shipped, text, "What else") == "Tamás Varga"
    assert _speaker(shipped, text, "She has nothing") == "Ingrid Moberg"


def test_a_party_named_in_the_plural_is_never_she():
    from quoteattr.attributor import _is_plural

    assert _is_plural("Social Democrats") and _is_plural("Conservatives") and _is_plural("the Greens")
    assert not _is_plural("Hanna Oberle") and not _is_plural("Ceri Williams")


def test_a_possessive_cut_from_its_noun_is_read_with_it():
    from quoteattr.attributor import _whole_possessive
    from quoteattr.linking import Mention

    text = "“She’s the boss,” said her brother, nodding. According to his son, Tom, it was late."
    for cut, whole in (("her", "her brother"), ("his", "his son")):
        i = text.index(cut + " ")
        m = _whole_possessive(text, Mention(i, i + len(cut), 0, 1))
        assert text[m.start : m.end] == whole
    i = text.index("Tom")
    assert _whole_possessive(text, Mention(i, i + 3, 0, 1)) == Mention(i, i + 3, 0, 1)


@pytest.mark.parametrize("text,part,speaker", [
    pytest.param(
        "Veltrix Foods said on Thursday that its profit fell 31%.\n\n"
        "Operating profit was 184 million crowns, the company said. Analysts had on average expected "
        "211 million crowns, according to Brightline Research.",
        "211 million", "Brightline Research", id="according_to_a_name_after_the_clause_is_its_speaker"),
    pytest.param(
        "Former mayor jailed for bribery\n\n"
        "The National Anti-Corruption Office, which brought the case, welcomed the verdict.\n\n"
        "According to the agency, it is investigating 14 other current and former local officials.",
        "investigating", "National Anti-Corruption Office", id="the_agency_is_the_office_named_before"),
    pytest.param(
        "Wrexholm edge ten-man Tarnbury\n\n"
        "Pryde will start next week’s game at Holbury Rovers, his manager said.\n\n"
        "Tarnbury City said in a statement that Marc Oduya had been taken to hospital.\n\n"
        "“Marc was conscious throughout and is in good spirits,” the club said.",
        "Marc was conscious", "Tarnbury City", id="the_club_is_the_club_named_last_whatever_its_name_ends_in"),
    pytest.param(
        "Festival opens\n\n"
        "The most talked-about premiere is The Salt Ledger, a two-hander by Owen Marrack.\n\n"
        "Imogen Thorne, who programmed The Salt Ledger after reading an early draft, said she was not worried "
        "by the reviews.\n\n"
        "“Some nights the house will be half-empty,” she said.",
        "Some nights", "Imogen Thorne", id="a_title_written_with_the_is_nobodys_she"),
    pytest.param(
        "Brothers who never speak\n\n"
        "Ray Dunning, 68, runs one shop. His brother Colin Dunning, 63, runs the other.\n\n"
        "“He won’t come,” Ray said.\n\n"
        "Told that his brother might retire, the younger man was quiet for a moment. “He’s never said that before,” he said.",
        "He’s never", "Colin Dunning", id="he_after_a_sentence_about_the_younger_man_is_him"),
    # "the incumbent" is never bound to a name: it is the man the sentence before was
    # about, not the returning officer who spoke last.
    pytest.param(
        "Morcombe ousts Tallis in Corran Valley\n\n"
        "Aled Morcombe was elected mayor on Friday, ending eight years in office for the Civic Alliance’s "
        "Geoffrey Tallis.\n\n"
        "“I am satisfied that every valid vote has been counted,” the returning officer, Colin Dray, said.\n\n"
        "Tallis arrived at the count shortly after 3am, when his party’s agents were already looking glum.\n\n"
        "“If the result goes against us, I will accept it,” the incumbent told reporters.",
        "If the result", "Geoffrey Tallis", id="an_unbound_description_can_be_the_last_sentence_subject"),
    pytest.param(
        "Count halted as both candidates claim victory\n\n"
        "Daniel Oyelo, a former central bank governor who leads the opposition Renewal Alliance, told supporters he had won.\n\n"
        "“We will publish every result,” President Elias Mbeko said in a televised address.\n\n"
        "The opposition leader later appealed for calm on Facebook. “Stay peaceful,” he wrote.",
        "Stay peaceful", "Daniel Oyelo", id="he_after_the_leader_of_the_opposition_opens_a_sentence_is_him"),
    pytest.param(
        "School bus slides off icy road\n\n"
        "Tasha Greer, whose daughters were on the bus, said she had emailed the district twice.\n\n"
        "\"I have the emails,\" Greer told Channel 9.\n\n"
        "The mother of two said both girls were bruised. \"She's 11. That should not be her job,\" she said.\n\n"
        "Superintendent Gregory Lindqvist said the district would review its routes.",
        "both girls", "Tasha Greer", id="the_mother_of_two_is_someone_met_before_not_the_man_named_next"),
    pytest.param(
        "Fourteen hours adrift\n\n"
        "A coastguard spokeswoman said 58 people had been rescued.\n\n"
        "Lieutenant Eleni Sarrou said the survivors had been taken to a former aircraft hangar known locally as ‘the Tin Shed’.\n\n"
        "Among the survivors was Yusef, a 24-year-old car mechanic who asked not to be identified by his family name. "
        "Sitting on the quay, he said the dinghy had left on Wednesday night with 60 people on board.",
        "the dinghy", "Yusef", id="he_after_among_them_was_a_lone_given_name_is_him"),
    pytest.param(
        "Tower plan backed\n\n"
        "Neil Garside, Brightwater's director, said the loss of light was within guidelines. 'We have nothing to hide,' he said.\n\n"
        "The council's planning officers have recommended approval. In a report published on Friday, they said the new "
        "homes 'outweigh the harm' to the area.",
        "outweigh the harm", "The council's planning officers", id="they_after_a_group_opening_a_sentence_is_the_group"),
    pytest.param(
        "Bakers agree merger\n\n"
        "The Fair Trading Authority, which must approve the deal, said it had been notified of the merger.\n\n"
        "According to the regulator, the two companies supply about 40 per cent of the flour used by bakers.",
        "40 per cent", "Fair Trading Authority", id="the_regulator_is_the_authority_named_before"),
])
def test_the_speaker_of_a_quote(shipped, text, part, speaker):
    """One quote of a short story and who said it, by the shipped model."""
    assert _speaker(shipped, text, part) == speaker


def test_french_attributions_beside_and_before_the_marks(shipped):
    text = ("Grève à l’usine de Vallombre\n\n"
            "VALLOMBRE — Les conducteurs de la Société des transports de Vallombre (STV) sont en grève depuis "
            "lundi à l’appel du Syndicat autonome des conducteurs (SAC), qui réclame une hausse des salaires.\n\n"
            "Dans un communiqué, la direction de la STV a jugé ces revendications « irréalistes dans le "
            "contexte actuel ». « La STV reste attachée au dialogue social », écrit l’entreprise.\n\n"
            "« Les électeurs ne sont la propriété de personne », a rétorqué Thierry Lozac’h, joint par "
            "téléphone.\n\n"
            "Selon la politiste Anne-Laure Pichon, le résultat tient « davantage au rejet du maire sortant ».\n\n"
            "« Ma sœur avait peur de lui depuis des mois », a interrogé son frère, Thomas Garnier.\n\n"
            "« Ça fait dix ans qu’on demande des travaux », lance un habitant, furieux.")
    want = {"irréalistes": "Société des transports de Vallombre", "dialogue social": "Société des transports de Vallombre",
            "propriété de personne": "Thierry Lozac’h", "davantage au rejet": "Anne-Laure Pichon",
            "Ma sœur": "Thomas Garnier", "dix ans": "un habitant"}  # as written, not "a habitant"
    assert {part: _speaker(shipped, text, part) for part in want} == want


def test_german_copy_with_reversed_guillemets_and_english_copy_quoting_in_french(shipped):
    text = ("Pumpenwerk schließt\n\n"
            "Die Hallweger Pumpenwerke AG gibt ihren Standort in Brakenfeld auf. Das Unternehmen teilte die "
            "Entscheidung am Mittwoch mit, die Beschäftigten erfuhren es aus dem Radio. Die Produktion "
            "wird in das Stammwerk und nach Tschechien verlagert, und der Betriebsrat will dagegen kämpfen. "
            "Die Stadt und das Land wollen helfen.\n\n"
            "Vorstandschef Matthias Eberlein begründete den Schritt mit hohen Energiekosten. »Wir schreiben "
            "seit drei Jahren Verluste«, sagte Eberlein bei einer Pressekonferenz.")
    assert _speaker(shipped, text, "Verluste") == "Matthias Eberlein"
    # a paragraph that is a quote alone goes on with the speaker before, „…“ and »…« as “…”
    for opening, closing in (("»", "«"), ("„", "“")):
        more = f"{text}\n\n{opening}Wir werden für jeden eine faire Lösung suchen.{closing}"
        assert _speaker(shipped, more, "faire Lösung") == "Matthias Eberlein"
    text = ("Across the river, the mayor of Kellbach, Ulrike Hanstein, was just as blunt. „Ohne die Brücke sind "
            "wir zwei Dörfer“, sagte die Bürgermeisterin dem Kellbacher Boten.\n\n"
            "Back at the café, Sandrine Keller was stacking chairs on the terrace. « On a survécu au Covid, on "
            "survivra bien à une fissure », a-t-elle lancé.")
    assert _speaker(shipped, text, "Ohne die Brücke") == "Ulrike Hanstein"
    assert _speaker(shipped, text, "survécu") == "Sandrine Keller"


def test_foreign_reported_speech_is_found_with_its_speaker(shipped):
    french = ("Grève des conducteurs à Vallombre\n\n"
              "Presque aucun bus n’a circulé lundi à Vallombre, au premier jour d’une grève des conducteurs. Selon "
              "les enquêteurs, le mouvement est suivi par neuf conducteurs sur dix dans la ville.\n\n"
              "Hélène Marchal, en poste depuis janvier, a toutefois assuré qu’aucune sanction ne serait prise "
              "contre les grévistes. La grève ne sera pas suspendue avant la réunion de mercredi, a-t-il prévenu.")
    german = ("Streit um die Grundschule\n\n"
              "Die Stadt will die Schule im Ortsteil schließen, weil die Zahl der Kinder seit Jahren sinkt und das "
              "Gebäude saniert werden müsste. Bürgermeisterin Renate Schollmeyer sagte, die Zahl der Erstklässler "
              "sei in den vergangenen zehn Jahren um ein Drittel gesunken. Laut Schollmeyer gibt es in der Stadt "
              "genug freie Räume für alle Kinder.")
    # 'Wie X sagte, …', and a noun phrase with an apposition as the speaker
    clinic = ("Warnstreik am Klinikum\n\n"
              "Die Gewerkschaft hat die Beschäftigten des Klinikums zu einem Warnstreik aufgerufen, und die Stadt "
              "ist besorgt. Wie eine Sprecherin des Klinikums sagte, mussten dennoch 23 planbare Operationen "
              "verschoben werden. Ein 72 Jahre alter Mann, dessen Knieoperation verschoben wurde, sagte, er habe "
              "Verständnis für die Pflegekräfte.")
    want = {french: {"aucune sanction ne serait prise contre les grévistes": "Hélène Marchal",
                     "le mouvement est suivi par neuf conducteurs sur dix dans la ville": "les enquêteurs"},
            german: {"die Zahl der Erstklässler sei in den vergangenen zehn Jahren um ein Drittel gesunken":
                     "Renate Schollmeyer",
                     "gibt es in der Stadt genug freie Räume für alle Kinder": "Renate Schollmeyer"},
            clinic: {"mussten dennoch 23 planbare Operationen verschoben werden": "eine Sprecherin des Klinikums",
                     "er habe Verständnis für die Pflegekräfte": "Ein 72 Jahre alter Mann"}}
    for text, speakers in want.items():
        reported = _reported(shipped, text)
        assert {part: reported.get(part, "missing") for part in speakers} == speakers
    assert "La grève ne sera pas suspendue avant la réunion de mercredi" in _reported(shipped, french)


def test_spanish_unwritten_subjects_and_german_inverted_ones(shipped):
    text = ("Juicio por el atropello de un ciclista\n\n"
            "La conductora que lo encontró, Rocío Aranda, relató que vio la bicicleta retorcida en la cuneta y "
            "que fue ella quien llamó al 112. Aranda declaró que no llegó a ver la matrícula. «Solo sé que era "
            "blanca y que no frenó», dijo.\n\n"
            "Quiroga no pareció convencida. «Usted llevó la furgoneta a un taller a 200 kilómetros de su casa "
            "dos días después», le recordó la fiscal, Marta Quiroga.")
    assert _speaker(shipped, text, "Solo sé") == "Rocío Aranda"  # «…», dijo: the paragraph's subject
    assert _speaker(shipped, text, "Usted llevó") == "Marta Quiroga"  # a clitic before the verb
    text = ("Pleno sobre los pisos turísticos\n\n"
            "«No estamos en contra de nadie», dijo el alcalde, Joaquín Ferrando, en su intervención final.\n\n"
            "El concejal de Urbanismo, Andrés Climent, fue el encargado de defender el texto. «Hoy el problema "
            "no son los que cumplen», afirmó.\n\n"
            "El portavoz de la oposición, Rafael Soler, votó en contra. «Ustedes han encontrado un culpable "
            "fácil», le espetó a Ferrando.")
    assert _speaker(shipped, text, "Hoy el problema") == "Andrés Climent"  # named in the paragraph
    assert _speaker(shipped, text, "Ustedes han") == "Rafael Soler"  # 'a Ferrando' is who he said it to
    # a word or two in marks is a quote in foreign copy when a speech verb leads to it
    text = ("Pumpenwerk schließt\n\n"
            "Die Hallweger Pumpenwerke AG gibt ihren Standort in Brakenfeld auf, und die Beschäftigten sind "
            "empört. Betriebsratschef Uwe Kasparek sprach von »Wortbruch«. Die Stadt hofft auf die »Zukunft«.")
    assert {q.text: q.speaker for q in shipped(text)} == {"Wortbruch": "Uwe Kasparek"}
    text = ("Windpark spaltet den Gemeinderat\n\n"
            "Der Gemeinderat hat mit knapper Mehrheit für die Pläne gestimmt, und die Bürger sind gespalten. "
            "Bürgermeister Georg Haslinger verteidigte das Projekt. Zugleich räumte Haslinger ein, die "
            "Verwaltung hätte die Bürger früher und besser informieren müssen.")
    reported = _reported(shipped, text)
    assert reported["die Verwaltung hätte die Bürger früher und besser informieren müssen"] == "Georg Haslinger"


def test_spanish_reported_speech_and_pronouns(shipped):
    text = ("Pleno sobre los pisos turísticos\n\n"
            "El pleno aprobó la moratoria con los votos del gobierno municipal. Según fuentes municipales, en esas "
            "tres zonas hay ya una vivienda turística por cada cinco residentes.\n\n"
            "El abogado defensor, Fernando Lucena, sostuvo que su cliente sufre una pérdida de audición en el oído "
            "derecho. «Nadie discute que hubo un accidente», explicó el joven, que todavía no ha podido volver a su "
            "trabajo.\n\n"
            "Ella Barnes, a British visitor, said the flats were lovely. “We will come back,” Ella said.")
    quotes = {q.text: q.speaker for q in shipped(text)}
    assert quotes["en esas tres zonas hay ya una vivienda turística por cada cinco residentes"] == "fuentes municipales"
    assert quotes["su cliente sufre una pérdida de audición en el oído derecho"] == "Fernando Lucena"
    assert not any(t.startswith("que todavía") for t in quotes)  # a relative clause about him, not his words
    assert quotes["We will come back,"] == "Ella Barnes"  # 'Ella' is a name in English copy


def test_a_daughter_named_with_her_father_in_the_headline_is_she(shipped):
    text = ("Cuatro décadas de madrugones: Emilio e Irene Barrientos, padre e hija al frente del horno\n\n"
            "QUINTANAR. Emilio Barrientos lleva 40 años en el horno. Desde hace seis no amasa solo: su hija Irene, "
            "de 38 años, dejó un empleo en la capital para volver al pueblo.\n\n"
            "“Yo le decía que estaba loca”, cuenta Emilio, de 66 años.\n\n"
            "“No fue una decisión romántica, fue una cuenta”, explica ella, con harina hasta en las cejas.")
    assert _speaker(shipped, text, "decisión romántica") == "Irene Barrientos"


def test_the_accused_in_foreign_court_copy_is_the_one_on_trial(shipped):
    text = ("Castelnoue : trois ans de prison requis contre un faux couvreur\n\n"
            "Le procureur de la République, Thierry Gaudin, a parlé mardi devant le tribunal correctionnel, où "
            "comparaissait Ludovic Sarrazin, 46 ans, poursuivi pour escroquerie.\n\n"
            "« Il m’a dit que le toit allait s’effondrer », a raconté Alain Vernet, 81 ans, l’une des victimes. "
            "« Je ne sais pas quoi vous dire », a lâché le prévenu, les yeux baissés.")
    assert _speaker(shipped, text, "Je ne sais pas") == "Ludovic Sarrazin"


def test_foreign_subjects_after_an_adverb_a_long_lead_or_an_article_and_capitals(shipped):
    es = ("Juicio en Montesalce\n\n«El vehículo presentaba daños recientes en la parte delantera», informó "
          "entonces la Guardia Civil en un comunicado.")
    assert _speaker(shipped, es, "El vehículo presentaba") == "Guardia Civil"
    fr = ("Fermeture de l’usine Brévalor\n\nDans un communiqué diffusé dans la matinée, la direction de Brévalor "
          "invoque « un effondrement durable des commandes » des constructeurs européens.")
    assert _speaker(shipped, fr, "un effondrement durable") == "Brévalor"
    de = ("Werk schließt\n\n»Meine Frau hat mich angerufen«, sagte Mehmet Arslan.\n\n"
          "Stefan Lohmann arbeitet seit 1998 im Werk. Lohmann schüttelte den Kopf: »Aus dem Radio. So geht man "
          "mit Leuten um.«")
    assert _speaker(shipped, de, "Aus dem Radio") == "Stefan Lohmann"  # 'den Kopf' is no one


def test_a_foreign_organisation_with_de_is_its_whole_name_and_a_body_of_a_place_its_description(shipped):
    fr = ("Crue de l’Orbelle\n\nSelon Météo-Massifs, l’Orbelle est montée de 4,20 mètres en six heures.\n\n"
          "Le Sdis de l’Orbelle a précisé mercredi que 230 sapeurs-pompiers avaient été mobilisés.")
    assert _speaker(shipped, fr, "230 sapeurs-pompiers") == "Sdis de l’Orbelle"  # not the 'Météo-Massifs, l’Orbelle' before
    fr = ("Grève à la STV\n\nLes bus restent au dépôt, a expliqué Nadia Ferhat, déléguée CGT.\n\n"
          "La préfecture de la Haute-Sarre a indiqué lundi soir qu’aucun incident n’avait été signalé aux abords des dépôts.")
    assert _speaker(shipped, fr, "aucun incident").casefold() == "la préfecture de la haute-sarre"  # not the place 'Haute-Sarre'


def test_her_mother_after_her_daughter_s_quotes_is_the_mother(shipped):
    text = ("Sculptor still pouring bronze\n\nAgnes Coldwell, 84, has worked the foundry for fifty years. Her daughter, "
            "Rosa Coldwell, 56, runs the business side.\n\n\u201cI found her on a stool by the furnace,\u201d the younger "
            "Coldwell says.\n\n\u201cI was furious.\u201d\n\nAsked about this, her mother shrugs. \u201cI was sitting "
            "down,\u201d she says.")
    assert _speaker(shipped, text, "I found her") == "Rosa Coldwell"
    assert _speaker(shipped, text, "I was sitting down") == "Agnes Coldwell"  # her mother, the sentence's subject


def test_a_split_quote_s_first_half_has_the_attribution_after_it(shipped):
    text = ("Ironmonger at 87\n\nErnest Kilby has run the shop on Fallowgate since 1961. Derek Amadi, who runs the "
            "hardware chain, said he admired him. \u201cHe knows every screw,\u201d he says.\n\nAsked when he will "
            "retire, Kilby points at the rows of drawers behind him, each with a handwritten label.\n\n\u201cWhen they\u2019re "
            "empty,\u201d the 87-year-old says. \u201cAnd they\u2019re never empty. That\u2019s the trick of it.\u201d")
    assert _speaker(shipped, text, "When they") == _speaker(shipped, text, "never empty") == "Ernest Kilby"


@pytest.fixture
def unlinked(shipped, monkeypatch):
    """The shipped model with a linker that links no quote, as it left some in dev articles."""
    monkeypatch.setattr(shipped.linker, "link", lambda *a, **k: (None, 0.0))
    return shipped


def test_a_quote_the_linker_leaves_unlinked_takes_the_mention_and_verb_after_its_marks(unlinked):
    text = ("Ironmonger\n\nErnest Kilby, 87, has run the shop since 1961.\n\n"
            "\u201cWhen they\u2019re empty,\u201d the 87-year-old says.")
    assert _speaker(unlinked, text, "When they") == "Ernest Kilby"


def test_a_role_bound_to_nobody_is_whoever_the_quote_after_it_names(shipped):
    text = ("Corran beat Albion\n\nCorran Rovers won 2-1 at Ashbrook on Saturday.\n\n"
            "Albion\u2019s manager admitted his side had been second best for long spells. \u2018For an hour we were "
            "nowhere near it,\u2019 said Stuart Denning, whose team had won six of their last eight games.")
    assert _reported(shipped, text).get("his side had been second best for long spells") == "Stuart Denning"
    text = ("Trains cancelled\n\nCalderway Trains cancelled 400 services last week.\n\n"
            "The operator's managing director said the company had underestimated how many drivers would refuse overtime. "
            "\"We got that wrong,\" said Owen Pritchard, who joined in March.")
    assert _reported(shipped, text).get("the company had underestimated how many drivers would refuse overtime") == "Owen Pritchard"


def test_a_partial_quote_ending_a_reported_clause_is_its_subject_s(unlinked):
    text = ("Cranes leave Kessel\n\nThe Wetland Trust of Odrava, which first warned of falling water levels in its 2019 "
            "report, said in a statement that the cap was \u201cwelcome but years late\u201d.")
    assert _speaker(unlinked, text, "welcome but years late") == "Wetland Trust of Odrava"
    text = ("Dam filling\n\nThe Lower Meshra Growers\u2019 Cooperative, which represents 18,000 farmers, said in a letter "
            "to Idrissi that river levels had fallen \u201cwell below normal\u201d.")
    assert _speaker(unlinked, text, "well below normal") == "Lower Meshra Growers\u2019 Cooperative"
    text = ("Obituary\n\nHale served briefly as his party\u2019s spokesman on pensions but resigned after eight months, "
            "telling reporters that he would \u2018rather be right on the back benches\u2019.")
    assert _speaker(unlinked, text, "rather be right") == "Hale"
    # the clause's own speaker owns its quote: not the subject who reports it
    from quoteattr.attributor import _OWN_SPEECH, _VERB_THAT_BEFORE_UNIT
    clause = _VERB_THAT_BEFORE_UNIT.search("The Harbour Trust said that Mayor Ann Hale had called the plan \u201c")
    assert clause and _OWN_SPEECH.search(clause.group(1))


def test_a_story_opening_with_a_quote_then_naming_its_speaker(shipped):
    fr = ("Faux couvreur\n\nCASTELNOUE — « Vous n’êtes pas un artisan, monsieur. Vous êtes un prédateur. » Le "
          "procureur de la République, Thierry Gaudin, n’a pas pris de gants, mardi, devant le tribunal, où "
          "comparaissait Ludovic Sarrazin, 46 ans.")
    assert _speaker(shipped, fr, "Vous n’êtes pas") == "Thierry Gaudin"
    en = ("Fake roofer\n\nCASTELNOUE — \u201cYou are not a craftsman, sir. You are a predator.\u201d The public "
          "prosecutor, Thierry Gaudin, did not mince his words on Tuesday.")
    assert _speaker(shipped, en, "You are not a craftsman") == "Thierry Gaudin"
    nobody = "Fire\n\n\u201cIt was chaos.\u201d Firefighters arrived at the scene at 3am."
    assert _speaker(shipped, nobody, "It was chaos") is None  # no one named: no one invented


def test_a_role_bound_to_nobody_is_whoever_the_next_sentence_introduces(shipped):
    text = ("Assises de l’Aven : vingt-deux ans pour le meurtre de Julie Garnier\n\n"
            "KERLEVENAN — La cour d’assises a condamné vendredi Sébastien Kervella, 41 ans, pour le meurtre de son "
            "ancienne compagne, Julie Garnier.\n\n"
            "« Vingt-deux ans, ce n’est rien à côté de ce qu’il nous a pris », a confié la mère de la victime à la "
            "sortie de l’audience. Martine Garnier, 63 ans, a assisté aux cinq journées du procès.")
    assert _speaker(shipped, text, "Vingt-deux ans") == "Martine Garnier"  # not the victim
    known = ("Strike at the depot\n\nFranck Dumoulin and Hélène Marchal met on Monday.\n\n"
             "\u201cWe will not pay,\u201d the director said. Franck Dumoulin, the union delegate, walked out.")
    assert _speaker(shipped, known, "We will not pay") != "Franck Dumoulin"  # named before: not introduced here


def test_said_and_a_name_after_the_marks_when_the_tagger_marked_no_source():
    from quoteattr.attributor import _Unit, _said_name_after

    text = ('From 2000 to 2013, deaths increased 71%. "It is the red-haired stepchild among the top diseases," '
            "said Rudolph Tanzi, a neurology professor. He oversees a research center.\n\n"
            '"The nurses were wonderful." Penhallow said the wait had been long.')
    r = SpeakerResolver(text)
    first = text.index("It is the")
    u = _Unit(first, text.index(',"') + 1, "direct", 0.9, (0, 0))
    assert text[slice(*_said_name_after(text, u, r))] == "Rudolph Tanzi"
    second = text.index("The nurses")
    u = _Unit(second, text.index('."', second) + 1, "direct", 0.9, (0, 0))
    assert _said_name_after(text, u, r) is None  # a new sentence after a full stop may be about anyone


def test_a_nationality_the_tagger_marked_is_no_one_a_pronoun_can_mean(shipped):
    text = ("American admiral rattles Beijing.\n\n"
            "These are the words of Adm. Harry B. Harris Jr., who has turned into a blunt critic. It is his job to "
            "talk to Congress, the American public and allies.\n\n"
            "\u201cThere is a natural tension,\u201d he said.")
    american = text.index("American public")
    sources = [Mention(american, american + len("American"), 0, 0)]  # as the tagger once marked it
    pos = text.index("he said")
    assert shipped._canonical(SpeakerResolver(text), "he", pos, [], sources, text) == "Harry B. Harris Jr."


def test_a_quote_from_someone_is_theirs(shipped):
    text = ("With Clinton, FBI's bad rep grows\n\n\"I'd rather have a sister in a whorehouse than a brother in the "
            "FBI.\" That quote from Alabama Securities Commissioner Thomas Krebs appeared on the front page.")
    r = SpeakerResolver(text)
    mention = "That quote from Alabama Securities Commissioner Thomas Krebs"
    assert shipped._canonical(r, mention, text.index(mention), [], [], text) == "Thomas Krebs"


def test_a_description_with_a_gender_never_falls_back_to_someone_of_the_other(shipped):
    text = ("Daniel Hart was jailed for life on Friday for the murder.\n\n"
            "“We can breathe again,” the grandmother of the victim said outside court.")
    assert _speaker(shipped, text, "breathe again") == "the grandmother of the victim"


def test_a_reported_clause_stops_at_the_paragraph():
    from quoteattr.attributor import _paragraph_pieces

    text = ("Ferrow said the council had opened three rest centres.\n\n"
            "Crews carried out 300 rescues, according to the fire service.\n\n"
            "\u2018We waded through water,\u2019 he said.")
    start = text.index("the council")
    pieces = _paragraph_pieces(text, start, len(text))
    assert [text[a:b] for a, b in pieces] == [
        "the council had opened three rest centres.",
        "Crews carried out 300 rescues, according to the fire service.",
    ]  # the quote paragraph is a quote's, not reported speech
    assert _paragraph_pieces(text, start, start + 10) == [(start, start + 10)]


def test_whose_figures_they_are_is_who_speaks():
    from quoteattr.attributor import _data_owner
    from quoteattr.linking import Mention

    def owner(t: str) -> str:
        m = _data_owner(t, Mention(0, len(t), 0, 0))
        return t[m.start : m.end]

    assert owner("her estimates") == "her"
    assert owner("the operator’s own figures") == "the operator"
    assert owner("her brother") == "her brother"


def test_an_anonymous_source_is_never_bound_to_a_name(shipped):
    from quoteattr.speakers import SpeakerResolver

    text = ("Bohumil Havlicek, the owner of the shop, said two men had smashed the cabinets.\n\n"
            "The owner of the caf\u00e9 next door, who asked not to be named, said traders had asked for cameras.")
    mention = "The owner of the caf\u00e9 next door, who asked not to be named"
    got = shipped._description_referent(SpeakerResolver(text), mention, text.index(mention), [], text)
    assert got == (True, "The owner of the caf\u00e9 next door")


def test_a_possessive_before_a_description_gives_its_gender_unless_quoted():
    from quoteattr.attributor import _opening_pronoun_gender

    text = "In her acceptance speech, the 51-year-old thanked everyone."
    assert _opening_pronoun_gender(text, text.index("the 51")) == "f"
    text = "\u201cNot one note in her music is there to impress,\u201d the 78-year-old said."
    assert _opening_pronoun_gender(text, text.index("the 78")) is None  # 'her' is inside the quote
    text = "In his letter to Marrin, the 40-year-old said he was sorry."
    assert _opening_pronoun_gender(text, text.index("the 40")) is None  # a name comes between


def test_ages_titles_in_marks_and_described_subjects():
    from quoteattr.attributor import _DESCRIBED_SUBJECT, _marked_title
    from quoteattr.speakers import SpeakerResolver

    r = SpeakerResolver("Goran Halas, 58, was pulled out. His daughter, Vesna Halas, waited.")
    assert r.other_age("Goran Halas", "the 31-year-old") and not r.other_age("Vesna Halas", "the 31-year-old")
    assert not r.other_age("Goran Halas", "the 58-year-old")
    text = "The bank\u2019s latest \u201cFinancial Stability Review\u201d was out. Marta Sedlak spoke."
    assert _marked_title(text, "Financial Stability Review") and not _marked_title(text, "Marta Sedlak")
    text = "Mwale spoke. The UN envoy was more guarded. Adjourning, the judge told jurors to go."
    assert [m.group(1) for m in _DESCRIBED_SUBJECT.finditer(text)] == ["The UN envoy", "the judge"]
    text = "Tom Reddaway kept the girls home. His wife was less certain. Out in the yard, her husband was loading hay."
    assert [m.group(1) for m in _DESCRIBED_SUBJECT.finditer(text)] == ["His wife", "her husband"]
    text = "In 1987, when the government was paying owners, a man from the fisheries office drove out to the pier."
    assert [m.group(1) for m in _DESCRIBED_SUBJECT.finditer(text)] == ["a man from the fisheries office"]
    text = "Back at the infirmary, the consultant had a simple message."
    assert [m.group(1) for m in _DESCRIBED_SUBJECT.finditer(text)] == ["the consultant"]


def test_in_headline():
    from quoteattr.attributor import _in_headline

    text = 'Doorman tells murder trial he saw defendant "swing first"\n\nA doorman told a jury on Monday ...'
    assert _in_headline(text, 0) and not _in_headline(text, text.index("A doorman"))
    assert not _in_headline("One long paragraph with no headline at all. It goes on.", 0)


def test_a_mention_cut_at_an_appositive_comma_is_mended():
    from quoteattr.attributor import Mention, _apposed_edges

    t = ("Priya spoke. Her husband, a delivery driver, said the family cut back. "
         "In an email seen by the Glenarrow Courier, the chief executive of Porthallow General Hospital called it hard.")
    i = t.index("a delivery")
    m = _apposed_edges(t, Mention(i, i + len("a delivery driver"), 0, 0))
    assert t[m.start : m.end] == "Her husband, a delivery driver"  # the relative, not a new driver
    i, j = t.index("Glenarrow Courier"), t.index(" called")
    m = _apposed_edges(t, Mention(i, j, 0, 0))
    assert t[m.start : m.end] == "the chief executive of Porthallow General Hospital"  # the paper is an object
    i = t.index("Priya")
    assert _apposed_edges(t, Mention(i, i + 5, 0, 0)) == Mention(i, i + 5, 0, 0)


@pytest.mark.parametrize(
    "text,linked,subject",
    [
        ("One rescuer, his overalls caked in grey mud as he emerged from the shaft, said he had been underground for hours.",
         "his overalls", "One rescuer"),
        ('The rebel leader, known to his fighters as "El Viejo", said the combatants would disarm.', "his fighters",
         "The rebel leader"),
        ("His sister, Nia Pryce, 24, who raised the alarm, said the family was overwhelmed.", "Nia Pryce", None),
        ("Its commander, a man named Tomas Erkin who fights as Falcon, said his men had pulled back.", "Falcon", None),
        ("A nurse, who asked not to be named by the hospital, said staff knew.", "the hospital", None),
    ],
)
def test_a_word_inside_the_subjects_appositive_is_not_who_speaks(text, linked, subject):
    u = _Unit(text.index(" said ") + 6, len(text) - 1, "indirect", 1.0, (0, 0))
    got = _parenthesised_subject(text, u, Mention(text.index(linked), text.index(linked) + len(linked), 0, 0))
    assert (text[got.start : got.end] if got else None) == subject


def test_an_unnamed_person_who_declines_a_name_is_the_next_he_or_she():
    from quoteattr.attributor import _unnamed_subjects

    text = ("A senior diplomat said the army was split.\n\nA retired teacher in the Bel-Air district, who declined to "
            "give his name, was less hopeful. He said: \"I have seen three coups.\"")
    pos = text.index("He said")
    assert _unnamed_subjects(text, pos, "m") == [(text.index("A retired"), "A retired teacher in the Bel-Air district")]
    assert _unnamed_subjects(text, pos, "f") == []
    named_next = "A woman in her seventies sat on the steps. She said: \"We lost everything.\""
    assert _unnamed_subjects(named_next, named_next.index("She said"), "f") == []  # any 'her' is not enough


def test_a_ledes_its_role_is_bound_by_a_title_further_on(shipped):
    text = ("Central bank raises rates\n\nRESSBERG, March 12 (Wire) - Kaldoria's central bank raised its main rate on "
            "Wednesday, and its governor warned borrowers not to expect relief \"any time soon\".\n\n"
            "Inflation rose to 4.8 percent in February.\n\n"
            "Speaking at a news conference in Ressberg, Governor Matthias Edling said the decision was hard.")
    pos = text.index("its governor")
    assert shipped._description_referent(SpeakerResolver(text), "its governor", pos, [], text) == (True, "Matthias Edling")


def test_a_headline_quote_belongs_to_whoever_says_it_again_by_name():
    from quoteattr.attributor import _headline_quotes_from_body

    text = ('Rail walkout "only the beginning", warns union chief\n\n'
            'Declan Fairweather said: "This is only the beginning." A commuter said: "Only the beginning of misery."')

    def q(part: str, speaker: str | None) -> Quote:
        i = text.index(part)
        return Quote(start=i, end=i + len(part), text=part, kind="direct", speaker=speaker, speaker_mention=None,
                     speaker_start=None, speaker_end=None, cue=None)

    quotes = [q("only the beginning", "union chief"), q("This is only the beginning.", "Declan Fairweather"),
              q("Only the beginning of misery.", "A commuter")]
    assert [x.speaker for x in _headline_quotes_from_body(text, quotes)] == ["Declan Fairweather", "Declan Fairweather", "A commuter"]
    named = [q("only the beginning", "Tom Hale")] + quotes[1:]
    assert _headline_quotes_from_body(text, named)[0].speaker == "Tom Hale"  # a name in the headline stands
    text = ('Doorman tells trial of fight\n\nA nightclub doorman said he saw Owen Barclay "swing first".\n\n'
            'Jordan Sallis, 31, told the jury: "I saw him swing first, no question."')
    quotes = [q("swing first", "A nightclub doorman"), q("I saw him swing first, no question.", "Jordan Sallis")]
    assert _headline_quotes_from_body(text, quotes)[0].speaker == "Jordan Sallis"  # the lede's words, said again


def test_a_possessive_role_opening_the_paragraph_is_the_next_he(shipped):
    text = ("Corveth's chief executive, Martin Eckhart, sent a memo. Devin Carraway, an analyst, said it was overdue.\n\n"
            "Corveth's chief executive ended his memo on a note of defiance. \"We will build the best products,\" he wrote.")
    pos = text.index("he wrote")
    got = shipped._described_subjects(SpeakerResolver(text), text, pos, [], [])
    assert got == [(text.index("Corveth's chief executive ended"), "Martin Eckhart")]
    quoted = ("Corveth's chief executive, Martin Eckhart, sent a memo.\n\n"
              "\"We asked for talks. Corveth's chief executive is wrong,\" he said.")
    r = SpeakerResolver(quoted, quoted=[(1, quoted.index(",\" he"))])
    assert shipped._described_subjects(r, quoted, quoted.index("he said"), [], []) == []  # not inside the quote


def test_a_dateline_place_or_a_word_inside_the_marks_never_attributes():
    from quoteattr.attributor import _candidate_mentions
    from quoteattr.speakers import dateline_spans

    text = 'Coup leader vows vote\n\nLOMARI, March 14 - The colonel promised to return to civilian rule "when the nation is ready".'
    at = lambda part: Mention(text.index(part), text.index(part) + len(part), 0, 0)
    u = _Unit(text.index("when the"), text.index("ready") + 5, "direct", 1.0, (0, 0))
    mentions = [at("LOMARI"), at("The colonel"), at("the nation")]
    assert dateline_spans(text) and _candidate_mentions(mentions, u, dateline_spans(text)) == [at("The colonel")]


def test_she_is_never_a_company_named_like_a_person(shipped):
    text = ("Savers queued outside Merrowgate's branches on Monday.\n\n"
            "Ruth Delacourt, a banking analyst at the brokerage Arden Hale, said Merrowgate had grown too quickly.\n\n"
            "\"This was a small, careful building society,\" she said.")
    quotes = [q for q in shipped(text) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Ruth Delacourt"]


def test_a_campaign_speaks_under_the_name_it_carries(shipped):
    text = ("Helen Ashdown, who runs Fernside library, watched the vote. \"We are not just books,\" she said.\n\n"
            "The Save Brackenholt Libraries campaign said it would now seek a judicial review.")
    r = SpeakerResolver(text)
    pos = text.index("The Save")
    assert shipped._description_referent(r, "The Save Brackenholt Libraries campaign", pos, [], text) == (
        True, "Save Brackenholt Libraries")
    assert shipped._description_referent(r, "The campaign", pos, [], text)[1] != "Helen Ashdown"


def test_the_agency_is_an_organisation_the_story_named(shipped):
    text = ("The International Health Organisation (IHO) said it was sending epidemiologists.\n\n"
            "The agency said it was not recommending any restrictions on travel.")
    r = SpeakerResolver(text)
    pos = text.index("The agency")
    assert shipped._description_referent(r, "The agency", pos, [], text) == (True, "International Health Organisation")
    text = "The Water and Environment Directorate said it had taken samples.\n\n\"It is too early to say,\" the regulator said."
    r = SpeakerResolver(text)
    assert shipped._description_referent(r, "the regulator", text.index("the regulator"), [], text) == (
        True, "Water and Environment Directorate")


def test_a_person_in_the_subjects_reported_clause_is_not_the_next_he(shipped):
    text = ("Raiders captain Callum Tait said the comeback started at half-time.\n\n"
            "Tait said Orrin had asked to take the final kick. \"He just put his hand out for the ball,\" he said.")
    tait, orrin = text.index("\n\nTait") + 2, text.index("Orrin had")
    assert _without_reported(text, [(tait, "Callum Tait"), (orrin, "Jamie Orrin")]) == [(tait, "Callum Tait")]
    # in separate sentences both stay
    apart = "Tait was calm. Orrin had asked for the ball."
    cands = [(0, "Callum Tait"), (apart.index("Orrin"), "Jamie Orrin")]
    assert _without_reported(apart, cands) == cands
    quotes = [q for q in shipped(text) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Callum Tait"]


def test_a_name_written_after_the_is_a_thing_not_a_person():
    text = ("She will rest before the Halden Masters, where she is the defending champion. "
            "He took the Morag Ann out. Members of The Salt Ledger cast met Ahmad Masud.")
    assert _titled_thing(text, "Halden Masters") and _titled_thing(text, "Salt Ledger")
    assert not _titled_thing(text, "Ahmad Masud")
    assert not _titled_thing("She met the Tamsin Roeder fans.", "Tamsin Roeder")  # a given name is a person's


def test_a_lede_description_is_named_anywhere_further_on(shipped):
    filler = "The hearing was told about the route, the weather and the rope in great detail. " * 20
    text = ("A climber died when a slab of rock broke away, an inquest has heard. An engineer who examined her gear "
            "told the hearing it had been 'placed perfectly'.\n\n" + filler + "\n\n"
            "Dr Nicholas Vane, a consulting engineer who examined the equipment for the coroner, said the devices held.")
    r = SpeakerResolver(text)
    pos = text.index("An engineer")
    assert shipped._description_referent(r, "An engineer who examined her gear", pos, [], text) == (True, "Nicholas Vane")


def test_the_teenager_is_the_unnamed_one_just_introduced_and_named_next(shipped):
    text = ("Harrowby knocked Castlemere out of the cup, a win that their manager called a great day.\n\n"
            "The winner came from a 19-year-old who drives a forklift at a builders’ merchant.\n\n"
            "“I’m still shaking,” the teenager said afterwards.\n\n"
            "Jamie Orton’s goal, a low finish at the near post, came after a mistake by Lee Fairbrother.\n\n"
            "Gary Pellow, the Harrowby manager, said he was proud.")
    r = SpeakerResolver(text)
    pos = text.index("the teenager")
    assert shipped._description_referent(r, "the teenager", pos, [(text.index("their manager"), "Gary Pellow")], text) == (
        True, "Jamie Orton")


def test_a_quote_signed_after_a_dash_is_the_signers(shipped):
    text = ("Readers told us what they made of the debate.\n\n"
            "“He represents our greatest shame.” ― Sonya Herridge\n"
            "“He makes simple blanket statements about people he knows nothing about.”―\u00a0Pamela Padilla\u00a0\n"
            "“Maybe we can build a wall around him.” ― Edwin G. Monroy.\n")
    got = [(q.text[:10], q.speaker) for q in shipped(text) if q.kind == "direct"]
    assert got == [("He represe", "Sonya Herridge"), ("He makes s", "Pamela Padilla"), ("Maybe we c", "Edwin G. Monroy")]


def test_an_office_and_its_holder_opening_a_sentence_stay_a_name():
    from quoteattr.attributor import _sentence_case

    text = ("Ban Ki-moon condemned the test. Secretary of State John F. Kerry said the United States would act, "
            "and he urged talks. Spokesman for the mission said little.")
    at = text.index("Secretary")
    assert _sentence_case(text, at, "Secretary of State John F. Kerry") == "Secretary of State John F. Kerry"
    at = text.index("Spokesman")
    assert _sentence_case(text, at, "Spokesman for the mission") == "spokesman for the mission"


def test_a_woman_named_in_a_speakers_reported_clause_is_not_handed_the_next_quote(shipped):
    text = ("Ivanka Trump unveiled the plan on Tuesday. “It is for every family,” she said.\n\n"
            "Michael Tanner, a fellow at the Cato Institute, said it was vague.\n\n"
            "Conservative economist Aparna Mathur, who studies tax policy at the American Enterprise Institute, "
            "said Ivanka Trump's statement didn't clarify the matter.\n\n"
            "“I don't see details about who is left out,” she said.")
    last = [q for q in shipped(text) if q.kind == "direct"][-1]
    assert last.text.startswith("I don't see") and last.speaker == "Aparna Mathur"


def test_a_person_description_is_not_a_name_only_ever_written_before_a_noun(shipped):
    text = ("Donald Trump spoke in Michigan. “We will win,” he said.\n\n"
            "Trump made the comments at the Kent County Republican headquarters.\n\n"
            "The Republican also told supporters to ask why he had issues. He says: “I wonder why it was bad.”")
    r = SpeakerResolver(text)
    pos = text.index("The Republican")
    settled, speaker = shipped._description_referent(r, "The Republican", pos, [(text.index("he said"), "Donald Trump")], text)
    assert speaker != "Kent County Republican"
    assert _only_modifies(text, "Kent County Republican") and not _only_modifies(text, "Donald Trump")


def test_the_newspaper_is_the_paper_the_story_named():
    from quoteattr.attributor import QuoteAttributor

    text = ("In a scathing opinion piece, The Wall Street Journal called on Trump to get his act together. "
            "\u201cHe needs to stop blaming everyone else,\u201d the conservative-leaning newspaper wrote.")
    pos = text.index("the conservative-leaning")
    assert QuoteAttributor._description_referent(None, SpeakerResolver(text), "the conservative-leaning newspaper", pos, [], text) \
        == (True, "Wall Street Journal")


def test_a_role_remembered_keeps_its_party():
    from quoteattr.attributor import _role_key

    assert _role_key("the Democratic presidential candidate") == "d:candidate"
    assert _role_key("the GOP presidential candidate") == "r:candidate"
    assert _role_key("the vice-chancellor") == "vice-chancellor"
    text = ("Republican presidential candidate Marco Rubio responded first. Sen. Bernie Sanders also called on China.\n\n"
            "\u201cChina is equally concerned,\u201d the independent Vermont senator and Democratic presidential candidate told ABC.")
    r = SpeakerResolver(text)
    assert r.bound_name("the Democratic presidential candidate", text.index("the independent")) is None  # not Rubio
    assert r.bound_name("the Republican presidential candidate", text.index("the independent")) == "Marco Rubio"


def test_a_verb_phrase_cut_out_as_a_mention_is_the_sentences_subject(shipped):
    text = ("RoseAnn DeMoro, executive director of National Nurses United, a union that has been busing its members "
            "across the country to campaign for him, also said her group planned to take part.")
    pos = text.index("busing")
    mention = "busing its members across the country to"
    assert shipped._canonical(SpeakerResolver(text), mention, pos, [], [], text) == "RoseAnn DeMoro"
    loose = "Busing its members across the country, a union said its group planned to take part."
    assert shipped._canonical(SpeakerResolver(loose), "busing its members", 0, [], [], loose) is None


def test_a_mention_inside_a_hyphenated_name_is_nobody(shipped):
    text = ("Republican Christine Todd Whitman told The Star-Ledger of Newark last week she would rather vote for "
            "Hillary Clinton. \u201cI am ashamed,\u201d she said.")
    ledger = text.index("Ledger")
    she = text.index("she said")
    mentions = [Mention(ledger, ledger + len("Ledger"), 0, 1)]
    assert shipped._canonical(SpeakerResolver(text), "she", she, [], mentions, text, "I am ashamed,") == "Christine Todd Whitman"


def test_a_paragraph_whose_subject_spoke_last_hands_the_next_quote_back_to_them():
    from quoteattr.attributor import _goes_on, _Unit

    text = ("\u201cShe is a bitter old grandma,\u201d Clint Howard said recently.\n\n"
            "Howard continued his scathing remarks.\n\n"
            "\u201cEight years ago she was the presumed nominee.\u201d")
    prev = Quote(start=1, end=text.index(",\u201d"), text="", kind="direct", speaker="Clint Howard")
    u = _Unit(text.index("Eight"), text.index("nominee.") + 8, "direct", 1.0, (0, 1))
    assert _goes_on(SpeakerResolver(text), text, u, prev)
    other = text.replace("Howard continued his scathing remarks.", "Marta Lind disagreed with him.")
    u2 = _Unit(other.index("Eight"), other.index("nominee.") + 8, "direct", 1.0, (0, 1))
    assert not _goes_on(SpeakerResolver(other), other, u2, prev)


def test_a_name_and_verb_after_a_quote_may_end_on_an_adverb():
    from quoteattr.attributor import _named_after
    from quoteattr.speakers import SpeakerResolver

    text = ("Tom Redfern gave evidence. \u2018Did she say anything?\u2019 the coroner asked. "
            "\u2018No,\u2019 Mr Redfern said quietly.")
    u = _Unit(text.index("No,"), text.index("No,") + 3, "direct", 1.0, (0, 1))
    m = _named_after(text, u, SpeakerResolver(text))
    assert m is not None and text[m.start : m.end] == "Redfern"
    question = "\u2018Where has the budget gone?\u2019 Cllr Tanner replied that spending was fair."
    u = _Unit(question.index("Where"), question.index("gone?") + 5, "direct", 1.0, (0, 1))
    assert _named_after(question, u, SpeakerResolver(question)) is None  # a question ends its sentence
    noun = "Clinton spoke in Ohio. \u2018We will win,\u2019 Clinton campaign chair John Podesta said."
    u = _Unit(noun.index("We will"), noun.index("win,") + 4, "direct", 1.0, (0, 1))
    assert _named_after(noun, u, SpeakerResolver(noun)) is None  # a noun after the name, not its verb


def test_a_second_verb_of_saying_after_an_object_is_the_subject_s():
    from quoteattr.attributor import _coordinated_subject

    text = ("Brierley won by 41 votes. Moss, a former councillor, congratulated Brierley but said the result "
            "reflected anger at the national party.")
    def mention(words: str) -> Mention:
        return Mention(text.index(words), text.index(words) + len(words), 0, 1)
    moss, brierley = mention("Moss, a former councillor"), mention("Brierley but")
    brierley = Mention(brierley.start, brierley.start + 8, 0, 1)
    u = _Unit(text.index("the result"), len(text) - 1, "indirect", 1.0, (0, 1))
    assert _coordinated_subject(text, u, brierley, [moss, brierley]) == moss
    own = text.replace("congratulated Brierley but said", "said Brierley had said")
    u = _Unit(own.index("the result"), len(own) - 1, "indirect", 1.0, (0, 1))
    b = Mention(own.index("Brierley had"), own.index("Brierley had") + 8, 0, 1)
    assert _coordinated_subject(own, u, b, [moss, b]) is None  # no second verb of the subject's


def test_a_role_ending_its_paragraph_is_whoever_the_next_paragraphs_quote_names():
    from quoteattr.attributor import _introduced_next
    from quoteattr.speakers import SpeakerResolver

    text = ("Trolley waits\n\nDennis Penhallow, 84, waited 29 hours. His daughter, Claire Penhallow, said he lay "
            "under the lights.\n\nThe health minister said on Thursday that the figures were \u201cnot good enough\u201d "
            "and that she had asked for a plan.\n\n\u201cCorridor care must never become normal,\u201d Nerys Calloway "
            "told reporters.\n")
    pos = text.index("The health minister")
    assert _introduced_next(SpeakerResolver(text), text, pos, "The health minister") == "Nerys Calloway"
    before = text.replace("Nerys Calloway told", "Claire Penhallow told")
    assert _introduced_next(SpeakerResolver(before), before, pos, "The health minister") is None  # named before
    on = text.replace("for a plan.\n\n", "for a plan. Beds are short.\n\n")
    assert _introduced_next(SpeakerResolver(on), on, pos, "The health minister") is None  # not its paragraph's end


def test_a_quote_paragraph_s_she_may_be_the_anonymous_source_of_the_paragraph_before():
    from quoteattr.attributor import _unnamed_subjects

    text = ("\"We will look closely,\" said Beatrice Kwan, a lawyer.\n\n"
            "A former employee who worked on the battery line, and who asked not to be named, said staff had been told "
            "that a deal was close.\n\n\"People turned down other job offers,\" she said.")
    pos = text.index("she said")
    assert _unnamed_subjects(text, pos, "f") == [(text.index("A former"), "A former employee")]
    named = text.replace(", and who asked not to be named,", "")
    assert _unnamed_subjects(named, named.index("she said"), "f") == []  # no anonymity: perhaps named next


def test_a_plural_description_is_never_the_one_person_named_beside_it(shipped):
    text = ("Heat hits marathon\n\nThe race director, Colm Brannigan, said organisers had added four extra water "
            "stations along the route.\n\nSixty-two runners were treated for heat exhaustion and nine were taken to "
            "hospital, organisers said.")
    got = _reported(shipped, text)
    said = next(k for k in got if k.startswith("Sixty-two runners"))
    assert got[said] == "organisers"  # not Colm Brannigan, "said organisers" being no appositive


def test_her_lawyer_is_the_one_acting_for_the_woman_the_sentence_before_opens_on():
    from quoteattr.attributor import _possessor
    from quoteattr.speakers import SpeakerResolver

    text = ("The couple's assets are worth about £31 million, according to Harriet Osei, who represents Marisa "
            "Rendell.\n\nRendell’s barrister, Philippa Crane, said the couple had signed an agreement.\n\n"
            "Marisa Rendell, wearing a cream trouser suit, sat beside her legal team. Her lawyer said the agreement "
            "made no provision for children.")
    r, pos = SpeakerResolver(text), text.index("Her lawyer")
    assert _possessor(r, text, "Her lawyer", pos) == "Marisa Rendell"
    assert r.latest_lawyer(pos) == "Philippa Crane"  # the last lawyer named, her husband's
    assert r.latest_lawyer(pos, client="Marisa Rendell") == "Harriet Osei"
    assert _possessor(r, text, "His lawyer", pos) is None  # she is no he
