"""The rule baseline: marks, speech verbs, speakers, indirect quotes and its SpanPrediction."""
from __future__ import annotations

import pytest

from quoteattr.attributor import SpanPrediction
from quoteattr.eval.baseline import RuleBaseline, sentences

TEXT = (
    "Mayor Jane Porter spoke to reporters on Monday.\n\n"
    '"We have no choice but to close the bridge," Porter said.\n\n'
    "\u201cThe money is simply gone,\u201d she added.\n\n"
    'Residents compared the plan to the film "Gone With The Wind" and laughed.\n\n'
    "Council member Tom Ade said that the plan was reckless and rushed."
)


@pytest.fixture(scope="module")
def quotes():
    return RuleBaseline()(TEXT)


def test_straight_and_curly_quotes_found_title_skipped(quotes):
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["We have no choice but to close the bridge,", "The money is simply gone,"]
    for q in quotes:
        assert TEXT[q.start : q.end] == q.text
    assert all("Gone With" not in q.text for q in quotes)


def test_speaker_widened_and_pronoun_resolved(quotes):
    straight, curly = quotes[0], quotes[1]
    assert straight.speaker == "Jane Porter" and straight.speaker_mention == "Porter" and straight.cue == "said"
    assert TEXT[straight.speaker_start : straight.speaker_end] == "Porter"
    assert curly.speaker == "Jane Porter" and curly.speaker_mention == "she" and curly.cue == "added"


def test_said_that_clause_is_an_indirect_quote(quotes):
    ind = [q for q in quotes if q.kind == "indirect"]
    assert len(ind) == 1
    assert ind[0].text == "the plan was reckless and rushed"
    assert ind[0].speaker == "Tom Ade"  # the title-like "Council member" is not part of the name


def test_interrupted_quote_is_two_quotes_with_one_speaker():
    text = "\u201cWe will win,\u201d said Maria Lopez, \u201cand we will do it soon.\u201d"
    qs = RuleBaseline()(text)
    assert [q.text for q in qs] == ["We will win,", "and we will do it soon."]
    assert {q.speaker for q in qs} == {"Maria Lopez"}


def test_pronoun_without_a_named_speaker_is_none_and_lone_terms_dropped():
    text = "\u201cIt is over for all of us,\u201d he said. The so-called \u201cplan\u201d was dropped."
    qs = RuleBaseline()(text)
    assert len(qs) == 1 and qs[0].speaker is None and qs[0].speaker_mention == "he"


def test_short_quote_needs_a_speech_verb():
    assert RuleBaseline()("They called it a \u201cbig mess\u201d at first.") == []
    qs = RuleBaseline()("General Mark Milley warned about a \u201cbroader civil war\u201d in the region.")
    assert [(q.text, q.speaker) for q in qs] == [("broader civil war", "Mark Milley")]


def test_abbreviations_do_not_end_sentences():
    text = "U.S. General Mark Milley spoke. He left."
    assert [text[s:e] for s, e in sentences(text)] == ["U.S. General Mark Milley spoke.", "He left."]


def test_predict_batch_and_spans_shapes():
    bl = RuleBaseline()
    assert bl.predict_batch(["", TEXT])[0] == []
    with pytest.raises(TypeError):
        bl.predict_batch(TEXT)
    [sp] = bl.predict_spans([TEXT])
    assert isinstance(sp, SpanPrediction)
    contents = [(s, e) for t, s, e in sp.spans if t == "CONTENT"]
    assert TEXT[contents[0][0] : contents[0][1]] == '"We have no choice but to close the bridge,"'  # marks kept
    assert len(sp.attributions) == 3
    content, source, cue = sp.attributions[1]
    assert TEXT[source[0] : source[1]] == "she" and TEXT[cue[0] : cue[1]] == "added"
