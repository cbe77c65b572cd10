"""Phase 2 of training: fit the speaker linker on PolNeAR's attribution relations.

For each gold attribution that has a source, the candidates are the article's gold
source mentions near its content; the pair scorer learns to pick the annotated one.
Features come from the tagger trained in phase 1 (its hidden states and cue
probabilities), so the linker is fitted to the representations it will see in use.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np

from quoteattr.encoder import load_compact, load_tokenizer
from quoteattr.labels import LABEL2ID, decode_spans
from quoteattr.linking import Linker, Mention, candidates_near, pair_features, source_mentions
from quoteattr.tagging import DocEncoding, encode_documents
from quoteattr.train.polnear import Article, read_split

log = logging.getLogger(__name__)
LINKER_FILE = "linker.json"
ARTICLES_PER_BATCH = 32


def cue_probability(enc: DocEncoding) -> np.ndarray:
    return enc.probs[:, LABEL2ID["B-CUE"]] + enc.probs[:, LABEL2ID["I-CUE"]]


def article_pairs(article: Article, enc: DocEncoding, max_tokens: int):
    """(features, labels, group ids) for every sourced attribution of one article.

    Candidates are the gold source mentions plus the tagger's own predicted mentions
    that do not overlap a gold one, so the scorer learns to reject the spurious
    mentions it will meet in use.
    """
    mentions: dict[tuple[int, int], Mention] = {}
    for a in article.attributions:
        if a.source is not None:
            ts, te = enc.token_range(a.source.start, a.source.end)
            if te > ts:
                mentions[(a.source.start, a.source.end)] = Mention(a.source.start, a.source.end, ts, te)
    gold = list(mentions.values())
    for m in source_mentions(enc, decode_spans(enc.probs, enc.offsets)):
        if not any(m.start < g.end and g.start < m.end for g in gold):
            mentions[(m.start, m.end)] = m
    cands_all = sorted(mentions.values(), key=lambda m: m.start)
    cue = cue_probability(enc)
    feats, labels, groups = [], [], []
    for k, a in enumerate(article.attributions):
        if a.source is None:
            continue
        ts, te = enc.token_range(a.content.start, a.content.end)
        if te <= ts:
            continue
        content = (a.content.start, a.content.end, ts, te)
        cands = candidates_near(cands_all, content, max_tokens)
        gold = [(m.start, m.end) == (a.source.start, a.source.end) for m in cands]
        if not any(gold) or len(cands) < 1:
            continue
        feats.append(pair_features(enc, content, cands, cue))
        labels.extend(gold)
        groups.extend([k] * len(cands))
    if not feats:
        return None
    return np.concatenate(feats), np.array(labels, bool), np.array(groups)


def collect(model, tokenizer, articles: list[Article], settings: dict, max_tokens: int):
    """Pair features for a list of articles, encoding them in batches to bound memory."""
    from tqdm.auto import tqdm

    X, y, g = [], [], []
    offset = 0
    for b in tqdm(range(0, len(articles), ARTICLES_PER_BATCH), desc="linker features", unit="batch"):
        chunk = articles[b : b + ARTICLES_PER_BATCH]
        encs = encode_documents(model, tokenizer, [a.text for a in chunk],
                                settings["max_length"], settings["stride"])
        for art, enc in zip(chunk, encs):
            res = article_pairs(art, enc, max_tokens)
            if res is None:
                continue
            X.append(res[0]); y.append(res[1]); g.append(res[2] + offset)
            offset = g[-1].max() + 1
    return np.concatenate(X), np.concatenate(y), np.concatenate(g)


def group_accuracy(scores: np.ndarray, y: np.ndarray, groups: np.ndarray) -> float:
    """Share of attributions whose best-scoring candidate is the annotated source."""
    right = total = 0
    for gid in np.unique(groups):
        idx = np.flatnonzero(groups == gid)
        right += bool(y[idx[scores[idx].argmax()]])
        total += 1
    return right / max(total, 1)


def nearest_accuracy(X: np.ndarray, y: np.ndarray, groups: np.ndarray, dist_col: int) -> float:
    """The same accuracy for the fixed rule 'nearest candidate wins', for comparison."""
    return group_accuracy(-X[:, dist_col], y, groups)


def train_linker(cfg, data: Path, out: Path) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    model, settings = load_compact(out)
    import torch

    if torch.cuda.is_available():  # the features are the encoder's; a GPU makes them quick
        model.to("cuda")
    tokenizer = load_tokenizer(settings.get("base_model"))
    limit = cfg.extra.get("linker_train_articles", 400) if isinstance(cfg.extra, dict) else 400
    train = read_split(data, "train", limit=cfg.train_limit)[: limit]
    dev = read_split(data, "dev", limit=cfg.dev_limit)
    Xtr, ytr, gtr = collect(model, tokenizer, train, settings, cfg.linker_max_distance)
    Xdv, ydv, gdv = collect(model, tokenizer, dev, settings, cfg.linker_max_distance)
    if len(np.unique(ytr)) < 2:
        raise ValueError("the linker needs training articles in which a content span has more "
                         "than one source mention nearby; the corpus given has none")
    scaler = StandardScaler().fit(Xtr)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    clf = LogisticRegression(C=cfg.linker_c, max_iter=3000, class_weight="balanced")
    clf.fit((Xtr - scaler.mean_) / scale, ytr)
    linker = Linker(clf.coef_[0], clf.intercept_[0], scaler.mean_, scale, max_tokens=cfg.linker_max_distance)
    dist_col = 2 * model.config.hidden_size + 3
    summary = {
        "train_attributions": int(len(np.unique(gtr))),
        "dev_attributions": int(len(np.unique(gdv))),
        "dev_accuracy": round(group_accuracy(linker.scores(Xdv), ydv, gdv), 4),
        "dev_accuracy_nearest_mention_rule": round(nearest_accuracy(Xdv, ydv, gdv, dist_col), 4),
        "train_accuracy": round(group_accuracy(linker.scores(Xtr), ytr, gtr), 4),
    }
    log.info("linker: %s", summary)
    linker.to_json(out / LINKER_FILE)
    (out / "linker_summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary
