import shutil
from pathlib import Path

import numpy as np
import pytest

from quoteattr.resolver import FEATURES, Candidate, PronounRanker, candidate_features, collect_candidates


def test_candidates_merge_per_entity_and_keep_the_latest_position():
    cands = collect_candidates(
        history=[(10, "Ana Ruiz"), (50, "Ana Ruiz")], sources=[(40, "Karel Dubrava")],
        subjects=[(5, "Ana Ruiz")], named=[(30, "Tom Reyes"), (200, "Later Person")], pos=100,
    )
    assert [c.name for c in cands] == ["Ana Ruiz", "Karel Dubrava", "Tom Reyes"]  # most recent first
    ruiz = cands[0]
    assert ruiz.position == 50 and ruiz.times_spoken == 2 and ruiz.kinds == {"spoke", "subject"}
    assert cands[2].kinds == {"named"}


def test_feature_rows_follow_the_feature_names():
    cands = [Candidate("A", 90, {"spoke"}, 1), Candidate("B", 10, {"named"})]
    X = candidate_features(cands, pos=100, para_start=80, prev_para_start=40, genders=["f", "m"], want="f",
                           last_speaker="A", rule_choice="A")
    row = dict(zip(FEATURES, X[0]))
    assert X.shape == (2, len(FEATURES))
    assert row["same_paragraph"] == 1 and row["gender_agrees"] == 1 and row["last_speaker"] == 1
    other = dict(zip(FEATURES, X[1]))
    assert other["gender_conflicts"] == 1 and other["only_named"] == 1 and other["same_paragraph"] == 0


def test_ranker_json_round_trip_and_feature_check(tmp_path):
    coef = np.zeros(len(FEATURES))
    coef[FEATURES.index("gender_agrees")] = 2.0
    ranker = PronounRanker(coef, {"note": "test"})
    ranker.to_json(tmp_path / "r.json")
    again = PronounRanker.from_json(tmp_path / "r.json")
    X = np.zeros((2, len(FEATURES)), np.float32)
    X[1, FEATURES.index("gender_agrees")] = 1
    assert again.best(X) == 1 and again.meta["note"] == "test"
    (tmp_path / "bad.json").write_text('{"features": ["x"], "coef": [1.0]}')
    with pytest.raises(ValueError):
        PronounRanker.from_json(tmp_path / "bad.json")


TEXT = (
    "Harbour vote\n\n"
    "Mayor Ana Ruiz defended the plan on Monday. \u201cWe have waited long enough,\u201d she said.\n\n"
    "Opposition leader Karel Dubrava said the plan was rushed. \u201cNobody read it,\u201d he said.\n\n"
    "\u201cThey had two years,\u201d she said.\n"
)


def _article():
    from quoteattr.eval.format import GoldQuote, LabelledArticle

    def gold(quote, speaker, mention):
        s = TEXT.index(quote)
        m = TEXT.index(mention, s + len(quote))
        return GoldQuote(s, s + len(quote), quote, "direct", speaker, (), mention, m, m + len(mention),
                         "pronoun", "said")

    quotes = (gold("We have waited long enough,", "Ana Ruiz", "she"), gold("Nobody read it,", "Karel Dubrava", "he"),
              gold("They had two years,", "Ana Ruiz", "she"))
    return LabelledArticle("harbour-vote", "dev", "Harbour vote", "invented", TEXT, quotes, ("pronoun_speaker",))


def test_collect_labels_each_pronoun_decision_and_fit_ranks_them(shipped):
    from quoteattr.train.resolver import accuracy, collect, fit

    X, Y, groups = collect(shipped, [_article()])
    assert shipped.pronoun_log is None  # switched off again after collecting
    assert X and len(X) == len(Y) == len(groups)
    assert all(x.shape == (len(y), len(FEATURES)) and y.sum() >= 1 for x, y in zip(X, Y))
    coef = fit(X * 3, Y * 3, 1.0)
    assert 0.0 <= accuracy(coef, X, Y) <= 1.0


def test_a_checkpoint_with_resolver_json_uses_the_ranker(shipped, tmp_path):
    from quoteattr import QuoteAttributor
    from quoteattr.attributor import SHIPPED_DIR

    ckpt = tmp_path / "ckpt"
    shutil.copytree(SHIPPED_DIR, ckpt)
    coef = np.zeros(len(FEATURES))
    coef[FEATURES.index("gender_agrees")] = 3.0
    coef[FEATURES.index("recency_rank")] = -1.0
    PronounRanker(coef).to_json(ckpt / "resolver.json")
    qa = QuoteAttributor.load(ckpt)
    assert qa.ranker is not None and shipped.ranker is None  # the shipped model ships no ranker
    got = {q.text: q.speaker for q in qa(TEXT)}
    assert got["They had two years,"] == "Ana Ruiz"
