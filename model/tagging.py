"""Run the tagger over whole documents: windows batched across documents, then stitched.

Returns, per document, the tag probabilities and the encoder's last hidden states for
every wordpiece, both stitched with ``windows.stitch``. The hidden states feed the
speaker linker, so one forward pass serves tagging and linking.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import torch

from quoteattr.windows import TokenizedDoc, Window, document_windows, stitch, tokenize_document

log = logging.getLogger(__name__)


@dataclass
class DocEncoding:
    """A document's tokens with stitched per-token outputs."""

    text: str
    offsets: list[tuple[int, int]]
    probs: np.ndarray  # [n_tokens, n_labels]
    hidden: np.ndarray  # [n_tokens, hidden_size]

    @cached_property
    def _bounds(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        arr = np.asarray(self.offsets, dtype=np.int64).reshape(-1, 2)
        keep = np.nonzero(arr[:, 1] > arr[:, 0])[0]
        return keep, arr[keep, 0], arr[keep, 1]

    @cached_property
    def _means(self) -> dict[tuple[int, int], np.ndarray]:
        return {}

    def span_mean(self, tok_start: int, tok_end: int) -> np.ndarray:
        """Mean hidden state over tokens [tok_start, tok_end), zeros for an empty range.
        Memoised: the linker scores every mention against each quote near it, so the
        same mention's mean was recomputed a dozen times per article."""
        key = (tok_start, tok_end)
        vec = self._means.get(key)
        if vec is None:
            if tok_end <= tok_start:
                vec = np.zeros(self.hidden.shape[1], np.float32)
            else:
                vec = self.hidden[tok_start:tok_end].mean(0)
            self._means[key] = vec
        return vec

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token index range [i, j) covering characters [start, end); (0, 0) when none
        overlap. Binary search over the offsets: an article asks this for every span and
        mention, and a linear scan per call was a tenth of inference time."""
        keep, starts, ends = self._bounds
        lo = int(np.searchsorted(ends, start, side="right"))  # first token ending after start
        hi = int(np.searchsorted(starts, end, side="left"))  # first token starting at or after end
        if hi <= lo:
            return (0, 0)
        return (int(keep[lo]), int(keep[hi - 1]) + 1)


def length_groups(lengths: list[int], batch_size: int, spread: float = 1.25) -> list[list[int]]:
    """Indices of ascending ``lengths`` cut into batches of at most ``batch_size`` whose
    longest is at most ``spread`` times their shortest.

    Why: an article's short last window padded to 512 beside its full ones made a
    quarter of a typical 1,100-token article's tokens padding; one more small forward
    pass is cheaper.
    """
    groups: list[list[int]] = []
    for i, n in enumerate(lengths):
        if not groups or len(groups[-1]) >= batch_size or n > spread * lengths[groups[-1][0]]:
            groups.append([])
        groups[-1].append(i)
    return groups


def encode_documents(
    model,
    tokenizer,
    texts: list[str],
    max_length: int = 512,
    stride: int = 128,
    batch_size: int = 16,
    progress: bool = False,
) -> list[DocEncoding]:
    """Encode many documents at once.

    Windows of all documents are pooled and sorted by length before batching, so a
    batch pads to a similar length (length bucketing) and short articles share batches
    instead of each paying for a forward pass of its own.
    """
    docs: list[TokenizedDoc] = [tokenize_document(t, tokenizer) for t in texts]
    jobs: list[tuple[int, int, Window]] = []  # (doc index, window index, window)
    per_doc: list[list[Window]] = []
    for d, doc in enumerate(docs):
        wins = document_windows(doc, tokenizer, max_length, stride) if len(doc) else []
        per_doc.append(wins)
        jobs.extend((d, k, w) for k, w in enumerate(wins))
    jobs.sort(key=lambda j: len(j[2].input_ids))
    groups = [[jobs[i] for i in g] for g in length_groups([len(j[2].input_ids) for j in jobs], batch_size)]
    probs_out: list[list[np.ndarray | None]] = [[None] * len(w) for w in per_doc]
    hid_out: list[list[np.ndarray | None]] = [[None] * len(w) for w in per_doc]
    device = next(model.parameters()).device
    pad = tokenizer.pad_token_id
    batches = groups
    if progress:
        from tqdm.auto import tqdm

        batches = tqdm(groups, desc="windows", unit="batch")
    with torch.inference_mode():
        for chunk in batches:
            # Widths rounded up to a multiple of 64: each new input shape costs the CPU
            # kernels' caches memory, and free-running widths grew a stream's RSS without bound.
            width = min(-(-max(len(j[2].input_ids) for j in chunk) // 64) * 64, max_length)
            ids = torch.full((len(chunk), width), pad, dtype=torch.long)
            mask = torch.zeros((len(chunk), width), dtype=torch.long)
            for r, (_, _, w) in enumerate(chunk):
                ids[r, : len(w.input_ids)] = torch.tensor(w.input_ids)
                mask[r, : len(w.input_ids)] = 1
            out = model(
                input_ids=ids.to(device), attention_mask=mask.to(device), output_hidden_states=True
            )
            probs = torch.softmax(out.logits.float(), -1).cpu().numpy()
            hidden = out.hidden_states[-1].float().cpu().numpy()
            for r, (d, k, w) in enumerate(chunk):
                n = w.end - w.start
                probs_out[d][k] = probs[r, 1 : n + 1]
                hid_out[d][k] = hidden[r, 1 : n + 1]
    n_labels = model.config.num_labels
    hidden_size = model.config.hidden_size
    result = []
    for d, doc in enumerate(docs):
        if not len(doc):
            result.append(
                DocEncoding(texts[d], [], np.zeros((0, n_labels), np.float32), np.zeros((0, hidden_size), np.float32))
            )
            continue
        result.append(
            DocEncoding(
                texts[d],
                doc.offsets,
                stitch(len(doc), per_doc[d], probs_out[d]),
                stitch(len(doc), per_doc[d], hid_out[d]),
            )
        )
    return result
