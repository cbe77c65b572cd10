from quoteattr.marks import find_marked_spans, is_single_term, looks_like_title


def bodies(text):
    return [text[m.start : m.end] for m in find_marked_spans(text)]


def test_curly_straight_and_mismatched_pairs():
    text = "“One two,” he said. \"Three four,\" she said. “Five six,\" they said."
    assert bodies(text) == ["One two,", "Three four,", "Five six,"]


def test_apostrophes_are_not_quote_marks():
    text = "Masud's father and the leaders’ request were discussed. Pakistan's role too."
    assert bodies(text) == []


def test_single_quotes_and_guillemets():
    text = "He called it 'a disgrace'. Elle a dit : « Nous restons ici. »"
    assert bodies(text) == ["a disgrace", "Nous restons ici."]


def test_split_quote_is_two_spans_and_nested_single_stays_inside():
    text = "“A first part,” he said, “and the ‘second’ part.”"
    assert bodies(text) == ["A first part,", "and the ‘second’ part."]


def test_quote_left_open_runs_to_paragraph_end():
    text = "“First paragraph of the quote.\n\n“Second and last paragraph,” she said."
    spans = find_marked_spans(text)
    assert [text[m.start : m.end] for m in spans] == ["First paragraph of the quote.", "Second and last paragraph,"]
    assert spans[0].close_mark is None


def test_titles_nicknames_and_terms():
    assert looks_like_title("Lion Of Panjshir")
    assert looks_like_title("Saturday Night Live")
    assert not looks_like_title("We are defending our country.")
    assert not looks_like_title("broader civil war")
    assert is_single_term("patriots") and not is_single_term("No,")


def test_german_reversed_guillemets_and_french_inner_quotes():
    assert bodies("»Wir schreiben Verluste«, sagte Eberlein. Das Werk sprach von »Wortbruch«.") == [
        "Wir schreiben Verluste", "Wortbruch"]
    # « … “ … ” … »: the inner marks are a quote within, not the end of the outer one
    text = "« Elle m’avait dit : “Maman, ce sera lui.” Je n’ai rien su faire », raconte-t-elle."
    assert bodies(text) == ["Elle m’avait dit : “Maman, ce sera lui.” Je n’ai rien su faire"]
    # a French closing mark after a no-break space never opens a quote
    assert bodies("«\u00a0Non\u00a0», a-t-il dit. «\u00a0Oui\u00a0».") == ["Non", "Oui"]


def test_english_marks_keep_every_offset():
    from quoteattr.marks import english_marks

    for text, want in (("« Non », dit-il.", "“ Non ”, dit-il."), ("„Ja“, sagte er.", "“Ja”, sagte er."),
                       ("»Ja«, sagte er.", "“Ja”, sagte er."), ("He said \"no\".", "He said \"no\".")):
        assert english_marks(text) == want and len(english_marks(text)) == len(text)


def test_double_marks_inside_single_ones_are_the_outer_quotes():
    text = ("\u2018My daughter asked whether it was \u201ca real dinosaur\u201d, and I said it isn\u2019t,\u2019 "
            "she said. \u2018Just about.\u2019")
    assert bodies(text) == ["My daughter asked whether it was \u201ca real dinosaur\u201d, and I said it isn\u2019t,",
                            "Just about."]
    text = "'Jonny said, \"Are you sure?\" and I said yes,' he said."
    assert bodies(text) == ["Jonny said, \"Are you sure?\" and I said yes,"]
    # no single mark closes after it: the double quote is a quote of its own
    assert bodies("The '90s are over, they said, \"for good\".") == ["for good"]


def test_a_single_quote_runs_on_when_the_next_paragraph_opens_with_one():
    text = ("Then she said:\n\n\u2018People assume it was the crowds.\n\n\u2018But it was the car park.\u2019\n\n"
            "The '90s were over.\n\nShe left.")
    assert bodies(text) == ["People assume it was the crowds.", "But it was the car park."]


def test_names_people_in_general_use_are_terms_not_quotes():
    from quoteattr.marks import introduced_as_name

    def named(text: str) -> bool:
        return introduced_as_name(text, text.index("\u201c"))

    assert named("a stretch of road that locals call the \u201cplastics mile\u201d")
    assert named("shelved under what the trade calls \u201cbook club fiction\u201d")
    assert named("Forecasters call such storms \u201cweather bombs\u201d")
    assert named("published under the title \u201cRapid carbon burial\u201d")
    assert named("the measure, known in Morvanja as the \u201cflood decree\u201d")
    assert not named("Vrost calls it \u201cthe worst month of my life\u201d")  # her own words
    assert not named("in what she called \u201ca very tight budget\u201d")
    assert not named("told analysts on a conference call: \u201cBatteries are where the grid is going")


def test_a_paragraph_of_many_quotes_after_a_stray_single_mark():
    # an apostrophe-like opening far before: each double quote stands alone, found in one pass
    text = "The '90s " + " ".join(f"he said \u201cword {i}\u201d and" for i in range(3000)) + " it\u2019s over.\u2019"
    spans = find_marked_spans(text)
    assert len(spans) == 3000 and text[spans[-1].start : spans[-1].end] == "word 2999"
