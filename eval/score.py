"""Scores for quote finding and attribution: labelled articles and PolNeAR.

Two questions are asked of every system, so the scores are split the same way:
*did it find the quote* (span precision / recall / F1) and *did it name the right
speaker* (speaker accuracy on the quotes it found, and end-to-end F1 where a hit needs
both). Spans are compared in two modes because a quote that is off by a quotation mark
or a trailing comma is a different failure from a quote that was not found at all:

- ``exact``: equal offsets once quotation marks, whitespace and edge punctuation are
  trimmed from both spans (``trim_span``);
- ``lenient``: the (trimmed) spans overlap by at least half the longer one.

Matching is one-to-one and greedy by overlap (largest overlap first), so a prediction
that swallows two gold quotes (``"A," he said, "B."`` read as one quote) earns at most
one hit and the other gold quote is missed.

Counting goes through scikit-learn's ``precision_recall_fscore_support`` on aligned
match vectors (one position per matched pair, missed gold quote or spurious prediction)
and seqeval for PolNeAR's token-level table, so the arithmetic is the libraries' and not
ours. A metric with nothing to count (no gold and no predictions) is ``None``: it is
undefined, and reporting 0 or 1 would both mislead.

Every function returns plain dicts, lists, ints, floats, strings and None, so the
report is ``json.dumps`` of what comes back.
"""
from __future__ import annotations

import logging
import re
import string
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Protocol

from seqeval.metrics import f1_score as seq_f1
from seqeval.metrics import precision_score as seq_precision
from seqeval.metrics import recall_score as seq_recall
from seqeval.metrics.sequence_labeling import get_entities
from sklearn.metrics import precision_recall_fscore_support

if TYPE_CHECKING:  # imported for annotations only: scoring needs neither module at runtime
    from quoteattr.attributor import SpanPrediction
    from quoteattr.eval.format import LabelledArticle
    from quoteattr.train.polnear import Article

log = logging.getLogger(__name__)

#: Quote-kind subsets reported; ``all`` matches regardless of kind.
KINDS = ("direct", "indirect", "all")
#: Span comparison modes.
MODES = ("exact", "lenient")
#: Gold mention types of the labelled set (see eval/format.py).
MENTION_TYPES = ("name", "pronoun", "description", "none")
#: PolNeAR span roles, as the tagger names them.
ROLES = ("CONTENT", "SOURCE", "CUE")

QUOTE_MARKS = "\"'“”‘’«»„‟‚‛‹›`´"
_EDGE = QUOTE_MARKS + string.whitespace + "\u00a0\u202f\u2009" + ".,;:!?…—–-()[]{}"
_NAME_EDGE = QUOTE_MARKS + string.whitespace + "\u00a0.,;:!?…—–-()[]{}*_"
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")

Span = tuple[int, int]


class _PredQuote(Protocol):
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None


# --------------------------------------------------------------------------- counting


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 from counts, via sklearn on aligned match vectors.

    Each matched pair is a (1, 1) position, each missed gold item (1, 0), each spurious
    prediction (0, 1). All three are None when there is nothing to count.
    """
    out: dict[str, Any] = {"tp": tp, "fp": fp, "fn": fn}
    if tp + fp + fn == 0:
        return {**out, "precision": None, "recall": None, "f1": None}
    y_true = [1] * tp + [1] * fn + [0] * fp
    y_pred = [1] * tp + [0] * fn + [1] * fp
    p, r, f, _ = precision_recall_fscore_support(
        y_true, y_pred, average="binary", pos_label=1, zero_division=0.0
    )
    return {**out, "precision": float(p), "recall": float(r), "f1": float(f)}


def ratio(num: int, den: int) -> float | None:
    """num/den, or None when there is nothing to divide (no matched quotes)."""
    return num / den if den else None


# --------------------------------------------------------------------------- spans


def trim_span(text: str, start: int, end: int) -> Span:
    """The span without quotation marks, whitespace or punctuation at either edge.

    Labellers and PolNeAR disagree on whether the marks and a final comma belong to a
    quote; trimming both sides the same way keeps that disagreement out of the score.
    A span made only of such characters is returned unchanged.
    """
    s, e = start, end
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return (s, e) if s < e else (start, end)


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_agree(a: Span, b: Span, mode: str) -> bool:
    """Whether two already trimmed spans count as the same span in ``mode``."""
    if mode == "exact":
        return a == b
    ov = overlap(a, b)
    return ov > 0 and 2 * ov >= max(a[1] - a[0], b[1] - b[0])


def match_spans(text: str, gold: Sequence[Span], pred: Sequence[Span], mode: str) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, greedy by overlap of the trimmed spans.

    Largest overlap first; ties go to the pair whose edges are closest, then to the
    earlier gold span, so the result does not depend on dict or set order.
    """
    if mode not in MODES:
        raise ValueError(f"unknown matching mode {mode!r} (expected one of {MODES})")
    g = [trim_span(text, s, e) for s, e in gold]
    p = [trim_span(text, s, e) for s, e in pred]
    cands = []
    for i, a in enumerate(g):
        for j, b in enumerate(p):
            if spans_agree(a, b, mode):
                cands.append((-overlap(a, b), abs(a[0] - b[0]) + abs(a[1] - b[1]), i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def is_direct_span(text: str, start: int, end: int) -> bool:
    """A content span that starts with a quotation mark, or sits right after one.

    PolNeAR content spans include their marks; a system may tag the words without them,
    so a mark just before the span also makes it direct.
    """
    s = start
    while s < end and text[s].isspace():
        s += 1
    if s < end and text[s] in QUOTE_MARKS:
        return True
    b = start - 1
    while b >= 0 and text[b] in " \u00a0":
        b -= 1
    return b >= 0 and text[b] in QUOTE_MARKS


# --------------------------------------------------------------------------- speakers


def normalise_speaker(name: str | None) -> str | None:
    """The comparable form of a speaker name (None for no speaker).

    Casefolded, whitespace collapsed, a leading ``the`` and a possessive ``'s`` dropped,
    surrounding punctuation stripped: ``"The Taliban's"`` and ``taliban`` are one speaker.
    """
    if name is None:
        return None
    s = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    prev = None
    while s != prev:  # each step can expose another edge to strip
        prev = s
        s = s.strip(_NAME_EDGE)
        s = re.sub(r"^the\s+", "", s)
        s = _POSSESSIVE.sub(lambda m: "" if m.group(0)[0] in "'’" else "s", s)
    return s or None


def speaker_right(gold_speaker: str | None, aliases: Sequence[str], predicted: str | None) -> bool:
    """Whether ``predicted`` names the gold speaker (or one of its aliases); None == None."""
    pred = normalise_speaker(predicted)
    if gold_speaker is None:
        return pred is None
    names = {normalise_speaker(n) for n in (gold_speaker, *aliases)}
    return pred is not None and pred in names


# --------------------------------------------------------------------------- context


def context(text: str, start: int, end: int, width: int = 200, max_quote: int = 160) -> str:
    """The sentence around ``text[start:end]``, ~``width`` characters, the span in ⟦ ⟧.

    Cut at the paragraph and, within reach, at sentence ends, so the attribution after
    a quote (``..., Masud said.``) stays visible. Long spans keep their two ends.
    """
    half = width // 2
    lo, hi = max(0, start - half), min(len(text), end + half)
    nl = text.rfind("\n", lo, start)
    if nl != -1:
        lo = nl + 1
    nl = text.find("\n", end, hi)
    if nl != -1:
        hi = nl
    before = list(re.finditer(r"[.!?][\"”’]?\s+", text[lo:start]))
    if before:
        lo = lo + before[-1].end()
    after = re.search(r"[.!?][\"”’]?(?=\s|$)", text[end:hi])
    if after:
        hi = end + after.end()
    body = text[start:end]
    if len(body) > max_quote:
        keep = max_quote // 2 - 2
        body = body[:keep] + " … " + body[-keep:]
    left = ("…" if lo > 0 and text[lo - 1] not in "\n" and not before else "") + text[lo:start]
    right = text[end:hi] + ("…" if hi < len(text) and text[hi] != "\n" and not after else "")
    return " ".join(f"{left}⟦{body}⟧{right}".split())


# --------------------------------------------------------------------------- labelled set


@dataclass
class Tally:
    """Counts for one subset (kind) and mode; adds up across articles."""

    n_gold: int = 0
    n_pred: int = 0
    matched: int = 0
    speaker_right: int = 0

    def add(self, other: "Tally") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def metrics(self) -> dict[str, Any]:
        span = prf(self.matched, self.n_pred - self.matched, self.n_gold - self.matched)
        e2e = prf(self.speaker_right, self.n_pred - self.speaker_right, self.n_gold - self.speaker_right)
        return {
            **span,
            "matched": self.matched,
            "speaker_right": self.speaker_right,
            "speaker_accuracy": ratio(self.speaker_right, self.matched),
            "e2e": e2e,
        }


@dataclass
class MentionTally:
    """Speaker accuracy for one gold mention type (on lenient matches)."""

    n_gold: int = 0
    matched: int = 0
    right: int = 0

    def add(self, other: "MentionTally") -> None:
        self.n_gold += other.n_gold
        self.matched += other.matched
        self.right += other.right

    def metrics(self) -> dict[str, Any]:
        return {"n_gold": self.n_gold, "matched": self.matched, "right": self.right,
                "accuracy": ratio(self.right, self.matched)}


@dataclass
class ArticleResult:
    """One article's tallies, mention-type counts and errors."""

    id: str
    tallies: dict[tuple[str, str], Tally]
    mentions: dict[str, MentionTally]
    errors: list[dict[str, Any]] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        """The per-article summary row of the report."""
        ex, le = self.tallies[("all", "exact")].metrics(), self.tallies[("all", "lenient")].metrics()
        return {
            "id": self.id,
            "n_gold": le["tp"] + le["fn"],
            "n_pred": le["tp"] + le["fp"],
            "exact_f1": ex["f1"],
            "lenient_f1": le["f1"],
            "matched": le["matched"],
            "speaker_right": le["speaker_right"],
            "speaker_accuracy": le["speaker_accuracy"],
            "e2e_f1": le["e2e"]["f1"],
            "n_errors": len(self.errors),
        }


def _subset(items: Sequence[Any], kind: str) -> list[Any]:
    return list(items) if kind == "all" else [q for q in items if q.kind == kind]


def _tally(text: str, gold: Sequence[Any], pred: Sequence[_PredQuote], mode: str) -> tuple[Tally, list[tuple[int, int]]]:
    pairs = match_spans(text, [(g.start, g.end) for g in gold], [(p.start, p.end) for p in pred], mode)
    right = sum(speaker_right(gold[i].speaker, gold[i].aliases, pred[j].speaker) for i, j in pairs)
    return Tally(len(gold), len(pred), len(pairs), right), pairs


def _error(article_id: str, text: str, etype: str, gold: Any | None, pred: _PredQuote | None) -> dict[str, Any]:
    """One error record; the context is around the gold quote when there is one."""
    anchor = gold if gold is not None else pred
    return {
        "article": article_id,
        "type": etype,
        "kind": anchor.kind,
        "pred_kind": pred.kind if pred is not None else None,
        "start": anchor.start,
        "end": anchor.end,
        "gold_text": gold.text if gold is not None else None,
        "pred_text": pred.text if pred is not None else None,
        "pred_start": pred.start if pred is not None else None,
        "pred_end": pred.end if pred is not None else None,
        "gold_speaker": gold.speaker if gold is not None else None,
        "gold_aliases": list(gold.aliases) if gold is not None else [],
        "mention_type": gold.mention_type if gold is not None else None,
        "pred_speaker": pred.speaker if pred is not None else None,
        "pred_mention": getattr(pred, "speaker_mention", None) if pred is not None else None,
        "context": context(text, anchor.start, anchor.end),
    }


def _errors(article_id: str, text: str, gold: Sequence[Any], pred: Sequence[_PredQuote],
            pairs: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Every error against the kind-agnostic lenient matching, in text order.

    missed / spurious: unmatched gold / prediction. For a matched pair, each problem is
    its own entry: ``boundary`` (spans differ after trimming), ``wrong_kind``,
    ``wrong_speaker``.
    """
    out = []
    hit_g = {i for i, _ in pairs}
    hit_p = {j for _, j in pairs}
    out += [_error(article_id, text, "missed", g, None) for i, g in enumerate(gold) if i not in hit_g]
    out += [_error(article_id, text, "spurious", None, p) for j, p in enumerate(pred) if j not in hit_p]
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if trim_span(text, g.start, g.end) != trim_span(text, p.start, p.end):
            out.append(_error(article_id, text, "boundary", g, p))
        if g.kind != p.kind:
            out.append(_error(article_id, text, "wrong_kind", g, p))
        if not speaker_right(g.speaker, g.aliases, p.speaker):
            out.append(_error(article_id, text, "wrong_speaker", g, p))
    order = {"missed": 0, "spurious": 0, "boundary": 1, "wrong_kind": 2, "wrong_speaker": 3}
    return sorted(out, key=lambda e: (e["start"], order[e["type"]]))


def score_article(article: "LabelledArticle", pred: Sequence[_PredQuote]) -> ArticleResult:
    """Tallies for every (kind, mode), mention-type counts and errors for one article."""
    gold = list(article.quotes)
    pred = sorted(pred, key=lambda q: (q.start, q.end))
    tallies: dict[tuple[str, str], Tally] = {}
    lenient_all: list[tuple[int, int]] = []
    for kind in KINDS:
        g, p = _subset(gold, kind), _subset(pred, kind)
        for mode in MODES:
            tallies[(kind, mode)], pairs = _tally(article.text, g, p, mode)
            if (kind, mode) == ("all", "lenient"):
                lenient_all = pairs
    mentions = {m: MentionTally() for m in MENTION_TYPES}
    for g in gold:
        mentions.setdefault(g.mention_type, MentionTally()).n_gold += 1
    for i, j in lenient_all:
        mt = mentions[gold[i].mention_type]
        mt.matched += 1
        mt.right += speaker_right(gold[i].speaker, gold[i].aliases, pred[j].speaker)
    errors = _errors(article.id, article.text, gold, pred, lenient_all)
    return ArticleResult(article.id, tallies, mentions, errors)


def score_labelled(articles: Sequence["LabelledArticle"], predictions: Sequence[Sequence[_PredQuote]]) -> dict[str, Any]:
    """Scores over labelled articles: per kind and mode, by mention type, per article, errors.

    Speaker accuracy and end-to-end scores are given for both modes; the headline uses
    lenient matches, because a speaker can be right for a quote whose edges are off.
    ``all`` matches across kinds, while ``direct``/``indirect`` match only predictions of
    that kind, so calling a direct quote indirect costs it in both per-kind rows.
    """
    if len(articles) != len(predictions):
        raise ValueError(f"{len(articles)} articles but {len(predictions)} prediction lists")
    totals = {(k, m): Tally() for k in KINDS for m in MODES}
    mentions = {m: MentionTally() for m in MENTION_TYPES}
    rows, errors = [], []
    for article, pred in zip(articles, predictions):
        res = score_article(article, pred)
        for key, t in res.tallies.items():
            totals[key].add(t)
        for m, t in res.mentions.items():
            mentions.setdefault(m, MentionTally()).add(t)
        rows.append(res.row())
        errors += res.errors
    return {
        "n_articles": len(articles),
        "kinds": {
            k: {"n_gold": totals[(k, "exact")].n_gold, "n_pred": totals[(k, "exact")].n_pred,
                **{m: totals[(k, m)].metrics() for m in MODES}}
            for k in KINDS
        },
        "mention_types": {m: t.metrics() for m, t in mentions.items()},
        "articles": rows,
        "errors": errors,
        "error_counts": _count_by(errors, "type"),
    }


def _count_by(items: Sequence[dict[str, Any]], key: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for it in items:
        out[it[key]] = out.get(it[key], 0) + 1
    return out


# --------------------------------------------------------------------------- PolNeAR


def _bio(text: str, spans: Sequence[Span], label: str) -> list[str]:
    """BIO tags over word/punctuation tokens for trimmed spans of one type.

    A token belongs to a span when they overlap. Overlapping spans of one type (nested
    PolNeAR contents) cannot both be encoded; the earlier, longer one is kept.
    """
    toks = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    tags = ["O"] * len(toks)
    for s, e in sorted((trim_span(text, s, e) for s, e in spans), key=lambda x: (x[0], -x[1])):
        idx = [k for k, (a, b) in enumerate(toks) if a < e and s < b]
        if not idx or any(tags[k] != "O" for k in idx):
            continue
        tags[idx[0]] = f"B-{label}"
        for k in idx[1:]:
            tags[k] = f"I-{label}"
    return tags


def _token_scores(y_true: list[list[str]], y_pred: list[list[str]]) -> dict[str, Any]:
    """seqeval entity scores over token BIO sequences (spans at token granularity)."""
    n_true = sum(len(get_entities(s)) for s in y_true)
    n_pred = sum(len(get_entities(s)) for s in y_pred)
    if n_true + n_pred == 0:
        return {"n_gold": 0, "n_pred": 0, "precision": None, "recall": None, "f1": None}
    return {
        "n_gold": n_true,
        "n_pred": n_pred,
        "precision": float(seq_precision(y_true, y_pred, zero_division=0)),
        "recall": float(seq_recall(y_true, y_pred, zero_division=0)),
        "f1": float(seq_f1(y_true, y_pred, zero_division=0)),
    }


@dataclass(frozen=True)
class _GoldUnit:
    """One gold attribution per content part: its part and the attribution's source parts."""

    content: Span
    source: tuple[Span, ...] | None


def _gold_units(article: "Article") -> list[_GoldUnit]:
    units = []
    for a in article.attributions:
        src = tuple(a.source.parts) if a.source is not None else None
        units += [_GoldUnit(part, src) for part in a.content.parts]
    return sorted(set(units), key=lambda u: (u.content, u.source or ()))


def _source_right(text: str, gold: tuple[Span, ...] | None, pred: Span | None, mode: str) -> bool:
    """A gold source matches a predicted one when any of its parts (or its hull) does;
    a gold attribution without a source is right only when none is predicted."""
    if gold is None or pred is None:
        return gold is None and pred is None
    p = trim_span(text, *pred)
    candidates = list(gold) + ([(gold[0][0], gold[-1][1])] if len(gold) > 1 else [])
    return any(spans_agree(trim_span(text, *g), p, mode) for g in candidates)


def score_polnear(articles: Sequence["Article"], predictions: Sequence["SpanPrediction"]) -> dict[str, Any]:
    """PolNeAR scores: span P/R/F1 per role, direct content, and attributions.

    - Spans are scored part by part: a discontinuous gold span contributes each part,
      as the tagger predicts contiguous spans.
    - ``CONTENT_DIRECT`` keeps gold and predicted content spans that start with (or sit
      right after) a quotation mark, the stretch comparable to direct quotes.
    - ``token``: seqeval entity F1 over BIO tags on word tokens (trimmed spans).
    - Attributions: one gold unit per content part, carrying its attribution's source.
      A predicted attribution is right when its content matches a unit's content
      (one-to-one, in the mode) and its source matches that unit's source. Gold
      attributions with no source count as right only when the prediction has no
      source either: inventing a speaker for sourceless content is an error, and
      missing a real one is too.
    """
    if len(articles) != len(predictions):
        raise ValueError(f"{len(articles)} articles but {len(predictions)} predictions")
    counts: dict[tuple[str, str], list[int]] = {}
    tok_true: dict[str, list[list[str]]] = {r: [] for r in ROLES}
    tok_pred: dict[str, list[list[str]]] = {r: [] for r in ROLES}
    n_units = n_unsourced = 0

    def add(key: tuple[str, str], tp: int, n_gold: int, n_pred: int) -> None:
        c = counts.setdefault(key, [0, 0, 0])
        c[0] += tp
        c[1] += n_pred - tp
        c[2] += n_gold - tp

    for art, pred in zip(articles, predictions):
        text = art.text
        gold_spans = art.role_spans()
        pred_spans = sorted(set(pred.spans), key=lambda t: (t[1], t[2], t[0]))
        for role in ROLES:
            g = [(s, e) for t, s, e in gold_spans if t == role]
            p = [(s, e) for t, s, e in pred_spans if t == role]
            tok_true[role].append(_bio(text, g, role))
            tok_pred[role].append(_bio(text, p, role))
            subsets = [(role, g, p)]
            if role == "CONTENT":
                subsets.append(("CONTENT_DIRECT", [x for x in g if is_direct_span(text, *x)],
                                [x for x in p if is_direct_span(text, *x)]))
            for name, gs, ps in subsets:
                for mode in MODES:
                    add((name, mode), len(match_spans(text, gs, ps, mode)), len(gs), len(ps))
        units = _gold_units(art)
        n_units += len(units)
        n_unsourced += sum(u.source is None for u in units)
        pattrs = list(pred.attributions)
        for mode in MODES:
            pairs = match_spans(text, [u.content for u in units], [a[0] for a in pattrs], mode)
            tp = sum(_source_right(text, units[i].source, pattrs[j][1], mode) for i, j in pairs)
            add(("ATTRIBUTION", mode), tp, len(units), len(pattrs))

    rows: dict[str, Any] = {}
    for name in ("CONTENT", "CONTENT_DIRECT", "SOURCE", "CUE", "ATTRIBUTION"):
        row: dict[str, Any] = {}
        for mode in MODES:
            tp, fp, fn = counts.get((name, mode), [0, 0, 0])
            row[mode] = prf(tp, fp, fn)
        row["n_gold"] = row["exact"]["tp"] + row["exact"]["fn"]
        row["n_pred"] = row["exact"]["tp"] + row["exact"]["fp"]
        if name in ROLES:
            row["token"] = _token_scores(tok_true[name], tok_pred[name])
        rows[name] = row
    return {"n_articles": len(articles), "n_gold_attribution_units": n_units,
            "n_gold_without_source": n_unsourced, "rows": rows}


#: What the report headline reads from a labelled-set score, by column.
HEADLINE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "exact P": lambda k: k["exact"]["precision"],
    "exact R": lambda k: k["exact"]["recall"],
    "exact F1": lambda k: k["exact"]["f1"],
    "lenient F1": lambda k: k["lenient"]["f1"],
    "speaker acc": lambda k: k["lenient"]["speaker_accuracy"],
    "e2e F1": lambda k: k["lenient"]["e2e"]["f1"],
}
