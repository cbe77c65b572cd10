"""Scoring: span matching modes, trimming, one-to-one matching, speakers, e2e, PolNeAR."""
from __future__ import annotations

import pytest

from quoteattr.attributor import SpanPrediction
from quoteattr.eval.format import GoldQuote, LabelledArticle
from quoteattr.eval.score import (
    context,
    match_spans,
    normalise_speaker,
    prf,
    score_labelled,
    score_polnear,
    speaker_right,
    trim_span,
)
from quoteattr.quote import Quote
from quoteattr.train.polnear import Article, Attribution, Span

TEXT = (
    "Mayor Jane Porter opened the meeting on Monday.\n\n"
    "\u201cWe will rebuild the bridge,\u201d Porter said, \u201cand we will do it this year.\u201d\n\n"
    "She added that the budget had already been approved by the council.\n\n"
    "\u201cNobody asked us,\u201d a resident shouted from the back of the hall."
)


def at(sub: str, text: str = TEXT) -> tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


def gold(sub: str, kind: str = "direct", speaker: str | None = "Jane Porter",
         aliases: tuple[str, ...] = ("Porter",), mtype: str = "name") -> GoldQuote:
    s, e = at(sub)
    return GoldQuote(s, e, sub, kind, speaker, aliases if speaker else (), None, None, None,
                     mtype if speaker else "none", None)


def pred(sub: str, kind: str = "direct", speaker: str | None = "Jane Porter", text: str = TEXT) -> Quote:
    s, e = at(sub, text)
    return Quote(s, e, sub, kind, speaker)


def article(quotes: list[GoldQuote], art_id: str = "bridge") -> LabelledArticle:
    return LabelledArticle(art_id, "dev", "Bridge", "invented", TEXT, tuple(quotes), ())


Q1 = "We will rebuild the bridge,"
Q2 = "and we will do it this year."
IND = "the budget had already been approved by the council"
Q3 = "Nobody asked us,"


@pytest.fixture
def labelled() -> LabelledArticle:
    return article([
        gold(Q1),
        gold(Q2),
        gold(IND, kind="indirect", mtype="pronoun"),
        gold(Q3, speaker="a resident", aliases=(), mtype="description"),
    ])


# --------------------------------------------------------------------------- spans


def test_trim_span_drops_marks_whitespace_and_edge_punctuation():
    text = " \u201cWe will rebuild,\u201d he said."
    s, e = trim_span(text, 0, text.index("he") - 1)
    assert text[s:e] == "We will rebuild"
    assert trim_span("\u201c\u201d", 0, 2) == (0, 2)  # nothing left: unchanged


def test_exact_after_trimming_and_lenient_overlap():
    s, e = at(Q1)
    with_marks = (s - 1, e + 1)  # “We will rebuild the bridge,”
    assert match_spans(TEXT, [(s, e)], [with_marks], "exact") == [(0, 0)]
    most = (s, s + 16)  # "We will rebuild " : over half of the gold span
    assert match_spans(TEXT, [(s, e)], [most], "exact") == []
    assert match_spans(TEXT, [(s, e)], [most], "lenient") == [(0, 0)]
    little = (s, s + 7)  # "We will": under half
    assert match_spans(TEXT, [(s, e)], [little], "lenient") == []


def test_matching_is_one_to_one_greedy_by_overlap():
    s, e = at(Q1)
    preds = [(s, s + 20), (s, e)]  # the second overlaps more and wins the gold span
    assert match_spans(TEXT, [(s, e)], preds, "lenient") == [(0, 1)]


def test_split_quote_is_two_quotes(labelled):
    both = [pred(Q1), pred(Q2), pred(IND, kind="indirect"), pred(Q3, speaker="a resident")]
    res = score_labelled([labelled], [both])["kinds"]["direct"]
    assert res["exact"]["tp"] == 3 and res["exact"]["fn"] == 0
    # One prediction spanning both halves (and the attribution between) gets at most one.
    s, _ = at(Q1)
    _, e = at(Q2)
    merged = Quote(s, e, TEXT[s:e], "direct", "Jane Porter")
    res = score_labelled([labelled], [[merged, pred(Q3, speaker="a resident")]])["kinds"]["direct"]
    assert res["lenient"]["tp"] == 1 and res["lenient"]["fn"] == 2  # only Q3
    assert res["exact"]["tp"] == 1


def test_prf_uses_counts_and_is_undefined_when_empty():
    r = prf(tp=2, fp=1, fn=1)
    assert r["precision"] == pytest.approx(2 / 3) and r["recall"] == pytest.approx(2 / 3)
    assert r["f1"] == pytest.approx(2 / 3)
    assert prf(0, 0, 0)["f1"] is None
    assert prf(0, 3, 0)["precision"] == 0.0


# --------------------------------------------------------------------------- speakers


def test_speaker_normalisation_and_aliases():
    assert normalise_speaker("  The Taliban's ") == "taliban"
    assert normalise_speaker("\u201cMark Milley,\u201d") == "mark milley"
    assert normalise_speaker("the leaders\u2019") == "leaders"
    assert normalise_speaker("") is None and normalise_speaker(None) is None
    assert speaker_right("Ahmad Masud", ("Masud",), "MASUD")
    assert speaker_right("Ahmad Masud", ("Masud",), "ahmad masud's")
    assert not speaker_right("Ahmad Masud", ("Masud",), "Ahmad Shah Masud")
    assert speaker_right(None, (), None)
    assert not speaker_right(None, (), "Porter")
    assert not speaker_right("Jane Porter", (), None)


def test_mention_type_breakdown_and_e2e(labelled):
    preds = [
        pred(Q1, speaker="Porter"),  # alias: right
        pred(Q2, speaker="Jane Porter"),  # right
        pred(IND, kind="indirect", speaker="the council"),  # pronoun gold: wrong
        pred(Q3, speaker="A resident"),  # description: right after casefolding
        pred("opened the meeting on Monday", kind="indirect", speaker="Jane Porter"),  # spurious
    ]
    res = score_labelled([labelled], [preds])
    mt = res["mention_types"]
    assert mt["name"] == {"n_gold": 2, "matched": 2, "right": 2, "accuracy": 1.0}
    assert mt["pronoun"]["accuracy"] == 0.0 and mt["pronoun"]["matched"] == 1
    assert mt["description"]["accuracy"] == 1.0
    assert mt["none"] == {"n_gold": 0, "matched": 0, "right": 0, "accuracy": None}
    allk = res["kinds"]["all"]["lenient"]
    assert (allk["tp"], allk["fp"], allk["fn"]) == (4, 1, 0)
    assert allk["speaker_accuracy"] == pytest.approx(3 / 4)
    e2e = allk["e2e"]
    assert (e2e["tp"], e2e["fp"], e2e["fn"]) == (3, 2, 1)
    assert e2e["precision"] == pytest.approx(3 / 5) and e2e["recall"] == pytest.approx(3 / 4)
    ind = res["kinds"]["indirect"]["exact"]
    assert (ind["tp"], ind["fp"], ind["fn"]) == (1, 1, 0)


def test_errors_list_every_kind_with_context(labelled):
    preds = [pred(Q1, speaker="Porter"), pred(Q3, speaker="Jane Porter"),
             pred("opened the meeting on Monday", kind="indirect")]
    res = score_labelled([labelled], [preds])
    types = [e["type"] for e in res["errors"]]
    assert types.count("missed") == 2 and types.count("spurious") == 1 and types.count("wrong_speaker") == 1
    wrong = next(e for e in res["errors"] if e["type"] == "wrong_speaker")
    assert wrong["article"] == "bridge" and wrong["gold_speaker"] == "a resident"
    assert wrong["pred_speaker"] == "Jane Porter" and wrong["gold_text"] == Q3
    assert "\u27e6Nobody asked us,\u27e7" in wrong["context"] and "shouted" in wrong["context"]
    assert res["error_counts"] == {"missed": 2, "spurious": 1, "wrong_speaker": 1}
    row = res["articles"][0]
    assert row["id"] == "bridge" and row["n_gold"] == 4 and row["n_pred"] == 3 and row["n_errors"] == 4


def test_boundary_and_kind_errors(labelled):
    s, e = at(IND)
    longer = Quote(s - 5, e, TEXT[s - 5 : e], "direct", "Jane Porter")  # "that the budget ..."
    res = score_labelled([labelled], [[longer]])
    types = {e["type"] for e in res["errors"]}
    assert {"boundary", "wrong_kind"} <= types


def test_context_is_the_sentence_around_the_span():
    text = "First sentence here. Then Porter said \u201cgo\u201d loudly. Last one."
    s, e = at("go", text)
    assert context(text, s, e) == "Then Porter said \u201c\u27e6go\u27e7\u201d loudly."


# --------------------------------------------------------------------------- PolNeAR


def _span(text: str, sub: str, typ: str, sid: str, start: int = 0) -> Span:
    i = text.index(sub, start)
    return Span(sid, typ, ((i, i + len(sub)),), sub)


def test_polnear_attribution_scoring():
    text = ('"We will win," Smith said. Jones argued that taxes would rise. '
            'Prices will fall, the report suggested.')
    c1, s1 = _span(text, '"We will win,"', "Content", "T1"), _span(text, "Smith", "Source", "T2")
    q1 = _span(text, "said", "Cue", "T3")
    c2, s2 = _span(text, "taxes would rise", "Content", "T4"), _span(text, "Jones", "Source", "T5")
    c3 = _span(text, "Prices will fall", "Content", "T6")
    art = Article("doc", text, "ab12", [
        Attribution("E1", c1, q1, s1),
        Attribution("E2", c2, None, s2),
        Attribution("E3", c3, None, None),  # no source
    ])
    sp = lambda sub, start=0: (text.index(sub, start), text.index(sub, start) + len(sub))  # noqa: E731
    pred = SpanPrediction(
        spans=[("CONTENT", *sp("We will win")), ("SOURCE", *sp("Smith")), ("CUE", *sp("said")),
               ("CONTENT", *sp("taxes would rise")), ("CONTENT", *sp("Prices will fall"))],
        attributions=[
            (sp("We will win"), sp("Smith"), sp("said")),  # right (marks trimmed)
            (sp("taxes would rise"), sp("Smith"), None),  # content right, source wrong
            (sp("Prices will fall"), None, None),  # no gold source, none predicted: right
        ],
    )
    res = score_polnear([art], [pred])
    att = res["rows"]["ATTRIBUTION"]["exact"]
    assert (att["tp"], att["fp"], att["fn"]) == (2, 1, 1)
    assert res["n_gold_without_source"] == 1
    content = res["rows"]["CONTENT"]["exact"]
    assert (content["tp"], content["fp"], content["fn"]) == (3, 0, 0)
    direct = res["rows"]["CONTENT_DIRECT"]
    assert direct["n_gold"] == 1 and direct["exact"]["f1"] == 1.0
    src = res["rows"]["SOURCE"]["exact"]
    assert (src["tp"], src["fp"], src["fn"]) == (1, 0, 1)
    assert res["rows"]["CUE"]["token"]["f1"] == 1.0

    # Inventing a source for sourceless content is wrong.
    invented = SpanPrediction(pred.spans, [pred.attributions[0], pred.attributions[1],
                                           (sp("Prices will fall"), sp("report"), None)])
    att = score_polnear([art], [invented])["rows"]["ATTRIBUTION"]["exact"]
    assert att["tp"] == 1


def test_polnear_discontinuous_content_counts_each_part():
    text = '"Taxes," Smith said, "will rise."'
    first, second = text.index("Taxes"), text.index("will rise")
    content = Span("T1", "Content", ((first - 1, first + 7), (second - 1, len(text))), "")
    art = Article("doc", text, "ab12", [Attribution("E1", content, None, _span(text, "Smith", "Source", "T2"))])
    smith = (text.index("Smith"), text.index("Smith") + 5)
    pred = SpanPrediction([("CONTENT", first, first + 5), ("CONTENT", second, second + 9), ("SOURCE", *smith)],
                          [((first, first + 5), smith, None), ((second, second + 9), smith, None)])
    res = score_polnear([art], [pred])
    assert res["rows"]["ATTRIBUTION"]["exact"]["f1"] == 1.0
    assert res["rows"]["CONTENT"]["n_gold"] == 2
