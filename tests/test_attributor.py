"""Attributor helpers on hand-made inputs, and the shipped model on real articles."""
import pytest

from quoteattr.attributor import _continues_previous, _mostly_capitalised, _trim_indirect, _Unit
from quoteattr.linking import trim_mention as _trim_mention
from quoteattr.quote import Quote


def test_trim_indirect_drops_complementiser_and_edge_punctuation():
    text = "Noor warned that the attack will lead to another war."
    s, e = _trim_indirect(text, text.index("that"), len(text))
    assert text[s:e] == "the attack will lead to another war"


def test_trim_mention_and_headline_filter():
    text = ", Afghan media outlets"
    assert text[slice(*_trim_mention(text, 0, len(text)))] == "Afghan media outlets"
    assert _mostly_capitalised("Ready For Negotiations To End Panjshir Fighting")
    assert not _mostly_capitalised("the Taliban had reached the village of Anabah")


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
