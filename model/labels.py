"""The BIO tag set and turning per-token tags back into character spans.

Tags are per wordpiece. Decoding works on character offsets, not token indices,
because every consumer (linking, the Quote record, the scorer) speaks characters.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SPAN_TYPES: tuple[str, ...] = ("SOURCE", "CUE", "CONTENT")
LABELS: list[str] = ["O"] + [f"{p}-{t}" for t in SPAN_TYPES for p in ("B", "I")]
LABEL2ID: dict[str, int] = {label: i for i, label in enumerate(LABELS)}
ID2LABEL: dict[int, str] = dict(enumerate(LABELS))
IGNORE_INDEX = -100


@dataclass(frozen=True)
class TagSpan:
    """A decoded span: type, character offsets, mean probability of its tags."""

    type: str
    start: int
    end: int
    score: float
    token_start: int
    token_end: int  # exclusive


def decode_spans(
    probs: np.ndarray, offsets: list[tuple[int, int]] | np.ndarray, text: str | None = None
) -> list[TagSpan]:
    """Decode per-token label probabilities into spans.

    A span starts at a B- tag or at an I- tag whose type differs from the open span
    (lenient BIO, as seqeval's default scheme does), so a model that drops a B- tag
    still yields its span instead of losing it. ``offsets`` holds each token's
    (start, end); tokens with an empty range (special tokens) are skipped.
    """
    tags = probs.argmax(-1)
    spans: list[TagSpan] = []
    cur_type: str | None = None
    cur_start = cur_end = 0
    cur_tok = 0
    cur_scores: list[float] = []

    def close(tok_end: int) -> None:
        nonlocal cur_type
        if cur_type is not None:
            spans.append(
                TagSpan(cur_type, cur_start, cur_end, float(np.mean(cur_scores)), cur_tok, tok_end)
            )
        cur_type = None

    last_tok = 0
    for i, (tag_id, (s, e)) in enumerate(zip(tags, offsets)):
        if e <= s:
            continue
        label = ID2LABEL[int(tag_id)]
        if label == "O":
            close(i)
            continue
        prefix, typ = label.split("-", 1)
        if prefix == "B" or typ != cur_type:
            close(i)
            cur_type, cur_start, cur_tok, cur_scores = typ, int(s), i, []
        cur_end = int(e)
        cur_scores.append(float(probs[i, tag_id]))
        last_tok = i
    close(last_tok + 1)
    return spans


def char_spans_to_tags(
    offsets: list[tuple[int, int]], spans: list[tuple[str, int, int]]
) -> list[int]:
    """Label tokens from character spans (type, start, end).

    Longer spans are written first so that a shorter span nested inside (a source or
    cue inside another attribution's content) overwrites it: the inner attribution
    is the rarer, more specific signal.
    """
    tags = [LABEL2ID["O"]] * len(offsets)
    for typ, start, end in sorted(spans, key=lambda t: -(t[2] - t[1])):
        first = True
        for i, (s, e) in enumerate(offsets):
            if e <= s or e <= start or s >= end:
                continue
            tags[i] = LABEL2ID[("B-" if first else "I-") + typ]
            first = False
    return tags
