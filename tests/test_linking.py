import numpy as np

from quoteattr.linking import Linker, Mention, N_POSITION_FEATURES, candidates_near, pair_features
from quoteattr.tagging import DocEncoding


def make_enc(text: str, hidden: int = 4) -> DocEncoding:
    import re

    offsets = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    rng = np.random.default_rng(0)
    return DocEncoding(text, offsets, np.zeros((len(offsets), 7), np.float32),
                       rng.normal(size=(len(offsets), hidden)).astype(np.float32))


TEXT = "Smith said the plan failed . Later , Jones said nothing ."


def mention(enc, word):
    i = [enc.text[s:e] for s, e in enc.offsets].index(word)
    s, e = enc.offsets[i]
    return Mention(s, e, i, i + 1)


def test_pair_features_shape_and_direction():
    enc = make_enc(TEXT)
    smith, jones = mention(enc, "Smith"), mention(enc, "Jones")
    content = (11, 26, 2, 5)  # "the plan failed"
    f = pair_features(enc, content, [smith, jones], np.zeros(len(enc.offsets)))
    assert f.shape == (2, 2 * 4 + N_POSITION_FEATURES)
    pos = f[:, 8:]
    assert pos[0, 0] == 1.0 and pos[0, 1] == 0.0  # Smith comes before the content
    assert pos[1, 0] == 0.0 and pos[1, 1] == 1.0  # Jones after it
    assert pos[0, 3] < pos[1, 3]  # and Smith is nearer


def test_linker_scores_pick_the_best_and_respect_threshold(tmp_path):
    enc = make_enc(TEXT)
    cands = [mention(enc, "Smith"), mention(enc, "Jones")]
    dim = 2 * 4 + N_POSITION_FEATURES
    coef = np.zeros(dim)
    coef[8 + 0] = 5.0  # prefer candidates before the content
    lk = Linker(coef, -2.0, np.zeros(dim), np.ones(dim), threshold=0.5)
    best, score = lk.link(enc, (11, 26, 2, 5), cands, np.zeros(len(enc.offsets)))
    assert best == cands[0] and score > 0.9
    lk.to_json(tmp_path / "linker.json")
    again = Linker.from_json(tmp_path / "linker.json")
    assert again.link(enc, (11, 26, 2, 5), cands, np.zeros(len(enc.offsets)))[0] == cands[0]
    strict = Linker(coef, -20.0, np.zeros(dim), np.ones(dim), threshold=0.5)
    assert strict.link(enc, (11, 26, 2, 5), cands, np.zeros(len(enc.offsets)))[0] is None


def test_candidates_near_limits_distance():
    ms = [Mention(0, 1, 0, 1), Mention(0, 1, 500, 501)]
    assert candidates_near(ms, (0, 0, 10, 12), 100) == [ms[0]]


def _probs_with_source(enc: DocEncoding, source: dict[str, float]) -> None:
    """Give each token the SOURCE probability named for it (O for the rest)."""
    from quoteattr.labels import LABEL2ID

    for i, (s, e) in enumerate(enc.offsets):
        p = source.get(enc.text[s:e], 0.0)
        enc.probs[i, :] = 0.0
        enc.probs[i, LABEL2ID["I-SOURCE"]] = p
        enc.probs[i, LABEL2ID["O"]] = 1.0 - p


def test_source_fragments_broken_on_a_weak_word_are_merged():
    from quoteattr.labels import TagSpan
    from quoteattr.linking import merge_source_fragments, source_mentions

    enc = make_enc("A passenger who was sitting near the front told reporters the bus was fast .")
    _probs_with_source(enc, {"A": .8, "passenger": .8, "who": .8, "was": .6, "sitting": .4,
                             "near": .6, "the": .6, "front": .6})
    words = [enc.text[s:e] for s, e in enc.offsets]
    first = TagSpan("SOURCE", 0, enc.offsets[3][1], .7, 0, 4)  # "A passenger who was"
    second = TagSpan("SOURCE", enc.offsets[5][0], enc.offsets[7][1], .6, 5, 8)  # "near the front"
    merged = merge_source_fragments(enc, [first, second])
    assert len(merged) == 1 and enc.text[merged[0].start : merged[0].end] == " ".join(words[:8])
    [m] = source_mentions(enc, [first, second])
    assert enc.text[m.start : m.end] == "A passenger who was sitting near the front"


def test_source_fragments_stay_apart_across_a_weak_gap_or_a_sentence_end():
    from quoteattr.labels import TagSpan
    from quoteattr.linking import merge_source_fragments

    enc = make_enc("Smith told Jones the plan failed .")
    _probs_with_source(enc, {"Smith": .9, "told": .05, "Jones": .9})
    a = TagSpan("SOURCE", 0, 5, .9, 0, 1)
    b = TagSpan("SOURCE", 11, 16, .9, 2, 3)
    assert len(merge_source_fragments(enc, [a, b])) == 2
    enc = make_enc("It was Smith . Jones said so .")
    _probs_with_source(enc, {"Smith": .9, ".": .9, "Jones": .9})
    a = TagSpan("SOURCE", 7, 12, .9, 2, 3)
    b = TagSpan("SOURCE", 15, 20, .9, 4, 5)
    assert len(merge_source_fragments(enc, [a, b])) == 2


def test_recipients_possessors_and_bare_determiners_are_not_speaker_mentions():
    from quoteattr.labels import TagSpan
    from quoteattr.linking import source_mentions

    enc = make_enc("Sorlie told analysts : go . A sign read : stop . at the party's office . Aldhelm's said so .")
    words = [enc.text[s:e] for s, e in enc.offsets]

    def span(word):
        i = words.index(word)
        return TagSpan("SOURCE", enc.offsets[i][0], enc.offsets[i][1], .9, i, i + 1)

    got = [enc.text[m.start : m.end]
           for m in source_mentions(enc, [span("Sorlie"), span("analysts"), span("A"), span("party's"),
                                          span("Aldhelm's")])]
    assert got == ["Sorlie", "Aldhelm's"]  # a possessive name that itself says something stays


def test_source_spans_that_cannot_name_a_speaker():
    from quoteattr.linking import _looks_like_noun_phrase

    assert not _looks_like_noun_phrase("to the consultation")
    assert not _looks_like_noun_phrase("unhelpful") and not _looks_like_noun_phrase("named")
    assert not _looks_like_noun_phrase("former")  # of "a former aircraft hangar"
    assert not _looks_like_noun_phrase("side had won the previous two titles")
    assert _looks_like_noun_phrase("police") and _looks_like_noun_phrase("the union") and _looks_like_noun_phrase("she")
    assert not _looks_like_noun_phrase("named because")  # "asked not to be named because ..."
    assert _looks_like_noun_phrase("one nurse on the picket line who gave her name only as")
    # a relative clause without a comma after a whole noun phrase: "..., according to two officials who were present"
    assert _looks_like_noun_phrase("two officials who were present")
    assert not _looks_like_noun_phrase("old girl who has not been seen")  # a fragment of "a 15-year-old girl who ..."


def test_a_leading_conjunction_is_not_part_of_a_mention():
    from quoteattr.linking import trim_mention

    text = "the trial said, though independent experts cautioned that"
    s, e = trim_mention(text, text.index("though"), text.index(" cautioned"))
    assert text[s:e] == "independent experts"


def test_a_mention_never_spans_a_paragraph_break_or_a_dateline():
    from quoteattr.linking import trim_mention

    text = "Anger at the sea cap\n\nFishermen in Skelby have warned that quotas will hurt."
    s, e = trim_mention(text, text.index("sea cap"), text.index(" have"))
    assert text[s:e] == "Fishermen in Skelby"
    text = "Bank hacked\n\nHALBURY — Tressel Bank said on Wednesday that hackers had struck."
    s, e = trim_mention(text, text.index("hacked"), text.index(" said"))
    assert text[s:e] == "Tressel Bank"
    s, e = trim_mention(text, 0, text.index(" hacked"))
    assert text[s:e] == "Bank"  # a headline's own words stay


def test_a_possessive_before_a_mention_belongs_to_it():
    from quoteattr.linking import trim_mention

    text = "“He gets that from his mother,” said his father, watching from the wall."
    s, e = trim_mention(text, text.index("father"), text.index(", watching"))
    assert text[s:e] == "his father"
    s, e = trim_mention(text, text.index("He gets"), text.index(" gets"))
    assert text[s:e] == "He"



def test_the_hearer_of_told_is_not_a_speaker():
    from quoteattr.labels import TagSpan
    from quoteattr.linking import source_mentions

    text = "The finance minister told the public broadcaster KRT that she would act."
    enc = make_enc(text)
    spans = [TagSpan("SOURCE", text.index(w), text.index(w) + len(w), 0.9, 0, 1)
             for w in ("The finance minister", "KRT")]
    assert [text[m.start : m.end] for m in source_mentions(enc, spans)] == ["The finance minister"]


def test_a_leading_place_phrase_does_not_hide_the_speaker():
    from quoteattr.linking import _LEADING_ADVERBIAL

    text = "At Marrowby Royal Infirmary, Dr Niamh Gallagher, a consultant,"
    m = _LEADING_ADVERBIAL.match(text)
    assert m and text[m.end():].startswith("Dr Niamh Gallagher")
    assert not _LEADING_ADVERBIAL.match("Atta Mohammad Noor, the governor,")


def test_a_time_phrase_is_no_mention_but_a_relative_clause_does_not_spoil_one():
    from quoteattr.linking import _looks_like_noun_phrase

    assert not _looks_like_noun_phrase("spring, after a two-year review of the collection")
    assert _looks_like_noun_phrase("a man clearing branches, who did not want to give his name")
    assert not _looks_like_noun_phrase("side had won the previous two titles")


def test_trim_widens_to_the_possessor_and_the_whole_capitalised_name():
    from quoteattr.linking import trim_mention

    def trimmed(text, first, last):
        s, e = trim_mention(text, text.index(first), text.index(last))
        return text[s:e]

    assert trimmed("after the country’s largest doctors’ union accused", "s largest", " accused") == \
        "the country’s largest doctors’ union"
    assert trimmed("an offer from the drinks group Castor Beverage Group, saying", "Beverage", ", saying") == \
        "Castor Beverage Group"
    assert trimmed("He left. Beverage Group said", "Beverage", " said") == "Beverage Group"


def test_a_website_is_where_not_who_but_a_named_website_speaks():
    from quoteattr.labels import TagSpan
    from quoteattr.linking import source_mentions

    text = ("Kirschner said in a statement on the club's website that Rudge was not for sale . "
            "About 31,000 passengers were booked , according to FlightLedger, a flight-tracking website .")
    enc = make_enc(text)
    spans = [TagSpan("SOURCE", text.index(w), text.index(w) + len(w), 0.9, 0, 1)
             for w in ("Kirschner", "club's website", "FlightLedger, a flight-tracking website")]
    assert [text[m.start : m.end] for m in source_mentions(enc, spans)] == \
        ["Kirschner", "FlightLedger, a flight-tracking website"]


def test_a_mention_stops_before_an_aside_saying_where():
    from quoteattr.linking import trim_mention

    text = 'The Clinton campaign, in a Q&A on the e-mail controversy, worded it carefully: "Her practice was ..."'
    start, end = trim_mention(text, 0, text.index(", worded"))
    assert text[start:end] == "The Clinton campaign"  # not a speaker 'A' from 'Q&A'
