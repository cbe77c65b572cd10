"""Text -> overlapping token windows with character offsets; window outputs -> one document.

This is the one place windowing and stitching live. Training builds its examples with
``document_windows`` and inference uses the same function, so what the model saw in
training is what it sees in use. A document is tokenized once, by the fast tokenizer,
and windows are slices of that one tokenization: offsets never need re-aligning.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TokenizedDoc:
    """One tokenization of a whole document, without special tokens."""

    input_ids: list[int]
    offsets: list[tuple[int, int]]

    def __len__(self) -> int:
        return len(self.input_ids)


@dataclass(frozen=True)
class Window:
    """A slice ``[start, end)`` of a document's tokens, ready for the encoder."""

    start: int
    end: int
    input_ids: list[int]  # with [CLS] ... [SEP]


def tokenize_document(text: str, tokenizer) -> TokenizedDoc:
    """Tokenize a whole article once; longer-than-model input is expected and fine."""
    enc = tokenizer(
        text,
        add_special_tokens=False,
        return_offsets_mapping=True,
        return_attention_mask=False,
        verbose=False,
    )
    return TokenizedDoc(list(enc["input_ids"]), [tuple(o) for o in enc["offset_mapping"]])


def window_bounds(n_tokens: int, max_tokens: int, stride: int) -> list[tuple[int, int]]:
    """Token ranges of at most ``max_tokens`` that overlap by ``stride`` tokens.

    The overlap lets every token be read with context on both sides in some window,
    so a quote that straddles an edge is still seen whole once.
    """
    if max_tokens <= 0 or not 0 <= stride < max_tokens:
        raise ValueError(f"need 0 <= stride < max_tokens, got {stride=} {max_tokens=}")
    if n_tokens == 0:
        return [(0, 0)]
    bounds = []
    start = 0
    while True:
        end = min(start + max_tokens, n_tokens)
        bounds.append((start, end))
        if end == n_tokens:
            return bounds
        start = end - stride


def document_windows(
    doc: TokenizedDoc, tokenizer, max_length: int = 512, stride: int = 128
) -> list[Window]:
    """Cut a tokenized document into encoder-ready windows of at most ``max_length``."""
    inner = max_length - 2
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    return [
        Window(s, e, [cls, *doc.input_ids[s:e], sep])
        for s, e in window_bounds(len(doc), inner, min(stride, inner - 1))
    ]


def edge_weights(length: int) -> np.ndarray:
    """Weight of each position in a window: low at the edges, where context is cut."""
    pos = np.arange(length)
    return np.minimum(pos, length - 1 - pos).astype(np.float32) + 1.0


def stitch(n_tokens: int, windows: list[Window], outputs: list[np.ndarray]) -> np.ndarray:
    """Merge per-window outputs (``[len(window)-2, ...]``, specials dropped) into one array.

    Overlapping positions are averaged with weights that favour the window in which a
    token sits furthest from an edge, so each token is judged where it had most context.
    """
    if not outputs:
        raise ValueError("no window outputs to stitch")
    tail = outputs[0].shape[1:]
    total = np.zeros((n_tokens, *tail), dtype=np.float32)
    weight = np.zeros(n_tokens, dtype=np.float32)
    for w, out in zip(windows, outputs):
        n = w.end - w.start
        if out.shape[0] != n:
            raise ValueError(f"window {w.start}:{w.end} has {out.shape[0]} outputs, expected {n}")
        wt = edge_weights(n)
        total[w.start : w.end] += out * wt.reshape(-1, *([1] * len(tail)))
        weight[w.start : w.end] += wt
    weight[weight == 0] = 1.0
    return total / weight.reshape(-1, *([1] * len(tail)))
