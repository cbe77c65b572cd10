"""Fit the he/she ranker (``quoteattr.resolver``) on the dev articles' gold speakers.

PolNeAR links a quote to its source mention but says nothing about which entity a
pronoun mention refers to, so the data is the labelled dev articles: every quote the
model attributes through he/she gives one candidate list (from the rules' run), labelled
by the gold speaker. Leave-one-article-out accuracy is reported beside the rules' own,
and ``--out`` writes the weights only when asked; test articles are never read.

    python -m quoteattr.train.resolver --out model/weights/resolver.json
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def collect(qa, articles) -> tuple[list[np.ndarray], list[np.ndarray], list[int]]:
    """(feature rows, labels, article index) per he/she decision that has a gold speaker."""
    from quoteattr.eval.score import speaker_right

    X, Y, groups = [], [], []
    for k, art in enumerate(articles):
        qa.pronoun_log = []
        quotes = qa(art.text)
        decisions = {d["position"]: d for d in qa.pronoun_log}
        qa.pronoun_log = None
        for q in quotes:
            d = decisions.get(q.speaker_start)
            if d is None:
                continue
            gold = [g for g in art.quotes if min(g.end, q.end) - max(g.start, q.start) >= 0.5 * max(g.end - g.start, q.end - q.start)]
            if not gold or gold[0].speaker is None:
                continue
            y = np.array([speaker_right(gold[0].speaker, gold[0].aliases, n) for n in d["names"]], np.float32)
            if y.sum() == 0 or len(y) < 2:
                continue  # the right entity is not among the candidates, or nothing to choose
            X.append(d["features"])
            Y.append(y)
            groups.append(k)
    return X, Y, groups


def fit(X: list[np.ndarray], Y: list[np.ndarray], c: float, drop: tuple[int, ...] = ()) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    from quoteattr.resolver import FEATURES

    keep = [i for i in range(len(FEATURES)) if i not in drop and FEATURES[i] != "bias"]
    xs = np.concatenate(X)[:, keep]
    ys = np.concatenate(Y)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(xs, ys)
    coef = np.zeros(len(FEATURES), np.float32)
    coef[keep] = clf.coef_[0]
    coef[FEATURES.index("bias")] = clf.intercept_[0]
    return coef


def accuracy(coef: np.ndarray, X: list[np.ndarray], Y: list[np.ndarray]) -> float:
    return float(np.mean([y[int((x @ coef).argmax())] > 0 for x, y in zip(X, Y)])) if X else float("nan")


def main(argv: list[str] | None = None) -> int:
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.eval.format import load_labelled
    from quoteattr.resolver import FEATURES, PronounRanker

    p = argparse.ArgumentParser(prog="python -m quoteattr.train.resolver", description=__doc__.split("\n")[0])
    p.add_argument("--model", help="checkpoint directory (default: the shipped model)")
    p.add_argument("--labelled", default=None, help="labelled JSONL (default: the shipped set)")
    p.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    p.add_argument("--with-rule", action="store_true", help="let the ranker see the rules' choice as a feature")
    p.add_argument("--out", help="write the fitted ranker here (e.g. model/weights/resolver.json)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    qa = QuoteAttributor.load(args.model)
    qa.ranker = None  # candidates and features come from the rules' run
    articles = [a for a in (load_labelled(args.labelled) if args.labelled else load_labelled()) if a.split == "dev"]
    X, Y, groups = collect(qa, articles)
    drop = () if args.with_rule else (FEATURES.index("rule_choice"),)
    rule = float(np.mean([y[int(x[:, FEATURES.index("rule_choice")].argmax())] > 0 for x, y in zip(X, Y)]))
    hits = []
    for k in sorted(set(groups)):  # leave one article out
        tr = [i for i, g in enumerate(groups) if g != k]
        te = [i for i, g in enumerate(groups) if g == k]
        coef = fit([X[i] for i in tr], [Y[i] for i in tr], args.c, drop)
        hits += [Y[i][int((X[i] @ coef).argmax())] > 0 for i in te]
    coef = fit(X, Y, args.c, drop)
    summary = {
        "decisions": len(X), "articles": len(set(groups)),
        "rules_accuracy": round(rule, 4),
        "ranker_leave_one_article_out_accuracy": round(float(np.mean(hits)), 4),
        "ranker_train_accuracy": round(accuracy(coef, X, Y), 4),
        "with_rule_feature": bool(args.with_rule), "c": args.c,
    }
    print(json.dumps(summary, indent=2))
    if args.out:
        PronounRanker(coef, {"fitted_on": "labelled dev articles", **summary}).to_json(args.out)
        log.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
