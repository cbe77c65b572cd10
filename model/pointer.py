"""A learned speaker pointer: which named entity said a quote, read off the text around it.

The rules in ``attributor`` link a quote to its nearest source mention and then resolve
that mention (he, the minister, Masud) to a canonical name. Where the mention is a
pronoun or a description, that chain breaks on copy the rules were never tuned on. The
pointer reads a window of text with the quote between two marker tokens and spreads one
unit of probability over the window's tokens, trained to put it on the quote speaker's
mentions (a pointer network's objective, softmax over positions). Each entity named in
the window is scored by the mass on its mentions, so the model only chooses among names
the resolver has already made canonical: it never invents a speaker.

It is all-MiniLM-L6-v2 with low-rank adapters (LoRA) on every linear layer of the
encoder and a one-logit token head. Only the adapters and the head are stored (about a
megabyte); they are merged into the bundled base at load time, so inference is a plain
encoder pass per quote asked about.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import torch
from torch import nn

POINTER_FILE = "pointer.safetensors"
POINTER_CONFIG = "pointer.json"
QUOTE_OPEN, QUOTE_CLOSE = "[unused0]", "[unused1]"


class LoRALinear(nn.Module):
    """``base(x) + scale * B(A(x))`` with ``base`` frozen; B starts at zero so training
    begins from the base encoder's own behaviour."""

    def __init__(self, base: nn.Linear, r: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        self.lora_a = nn.Parameter(torch.empty(r, base.in_features))
        self.lora_b = nn.Parameter(torch.zeros(base.out_features, r))
        nn.init.kaiming_uniform_(self.lora_a, a=math.sqrt(5))
        self.scale = alpha / r

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_a.T @ self.lora_b.T) * self.scale

    def merged(self) -> nn.Linear:
        with torch.no_grad():
            self.base.weight += (self.lora_b @ self.lora_a).to(self.base.weight.dtype) * self.scale
        return self.base


def add_lora(model: nn.Module, r: int, alpha: float) -> nn.Module:
    """Wrap every linear layer of the transformer blocks; freeze all but adapters and head."""
    for p in model.parameters():
        p.requires_grad = False
    targets = [(name, mod) for name, mod in model.named_modules()
               if isinstance(mod, nn.Linear) and ".encoder.layer." in f".{name}"]
    for name, mod in targets:
        parent_name, _, attr = name.rpartition(".")
        setattr(model.get_submodule(parent_name), attr, LoRALinear(mod, r, alpha))
    for p in model.classifier.parameters():
        p.requires_grad = True
    return model


def merge_lora(model: nn.Module) -> nn.Module:
    for name, mod in list(model.named_modules()):
        if isinstance(mod, LoRALinear):
            parent_name, _, attr = name.rpartition(".")
            setattr(model.get_submodule(parent_name), attr, mod.merged())
    return model


def trained_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """What training changed: the adapters and the head (the base comes from the wheel)."""
    return {k: v.detach().to(torch.float16).contiguous() for k, v in model.state_dict().items()
            if ".lora_" in k or k.startswith("classifier.")}


def new_pointer_model(base: str | None, r: int, alpha: float, encoder_from: str | Path | None = None) -> nn.Module:
    """The base encoder with a fresh one-logit token head and fresh adapters.

    ``encoder_from``, a tagger checkpoint directory: start from the tagger's fine-tuned
    transformer layers instead of the base's (then the pointer belongs to that tagger)."""
    from transformers import AutoModelForTokenClassification
    from transformers.utils import logging as hf_logging

    from quoteattr.encoder import resolve_base

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        model = AutoModelForTokenClassification.from_pretrained(
            str(resolve_base(base)), dtype=torch.float32, num_labels=1,
            id2label={0: "SPEAKER"}, label2id={"SPEAKER": 0})
    finally:
        hf_logging.set_verbosity(level)
    if encoder_from is not None:
        from safetensors.torch import load_file

        from quoteattr.encoder import TAGGER_FILE

        layers = {k: v.float() for k, v in load_file(str(Path(encoder_from) / TAGGER_FILE)).items()
                  if k.startswith("bert.encoder.")}
        if not layers:
            raise ValueError(f"{encoder_from}: no transformer layers in {TAGGER_FILE}")
        model.load_state_dict(layers, strict=False)
    return add_lora(model, r, alpha)


@dataclass(frozen=True)
class PointerWindow:
    """Encoder input for one quote: ``[CLS] before [Q] quote [/Q] after [SEP]``.

    ``spans`` gives each position's character span in the article (None for the special
    and marker tokens), so token scores map back to mentions.
    """

    input_ids: list[int]
    spans: list[tuple[int, int] | None]


def build_window(ids: Sequence[int], offsets: Sequence[tuple[int, int]], start: int, end: int,
                 special: tuple[int, int, int, int], max_length: int = 384, after: int = 48,
                 max_quote: int = 96) -> PointerWindow:
    """The window for the quote at characters ``[start, end)``.

    Most speakers are named before their quote or in the words right after it, so the
    context after is capped (``after`` tokens) and the rest of the budget goes before.
    A long quote keeps its first and last ``max_quote // 2`` tokens: the attribution sits
    at its edges, never in its middle.
    """
    cls_id, sep_id, open_id, close_id = special
    n = len(ids)
    qs = next((i for i, (s, e) in enumerate(offsets) if e > start), n)
    qe = next((i for i in range(qs, n) if offsets[i][0] >= end), n)
    quote = list(range(qs, qe))
    if len(quote) > max_quote:
        quote = quote[: max_quote // 2] + quote[-(max_quote // 2):]
    budget = max_length - 4 - len(quote)
    n_after = min(after, n - qe, budget)
    n_before = min(qs, budget - n_after)
    n_after = min(n - qe, budget - n_before)
    positions = [None] + list(range(qs - n_before, qs)) + [None] + quote + [None] + list(range(qe, qe + n_after)) + [None]
    marks = {0: cls_id, 1 + n_before: open_id, 2 + n_before + len(quote): close_id, len(positions) - 1: sep_id}
    input_ids = [marks[k] if p is None else ids[p] for k, p in enumerate(positions)]
    spans = [None if p is None else tuple(offsets[p]) for p in positions]
    return PointerWindow(input_ids, spans)


def special_ids(tokenizer) -> tuple[int, int, int, int]:
    return (tokenizer.cls_token_id, tokenizer.sep_token_id,
            *tokenizer.convert_tokens_to_ids([QUOTE_OPEN, QUOTE_CLOSE]))


def mention_positions(window: PointerWindow, start: int, end: int) -> list[int]:
    return [k for k, s in enumerate(window.spans) if s is not None and s[0] >= start and s[1] <= end and s[1] > s[0]]


def pointer_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """-log of the probability mass a window's softmax over positions puts on its positive
    tokens; labels: 1 positive, 0 negative, -100 not a position (special, marker, padding).
    Windows with no positive (a quote nobody said) add nothing."""
    valid = labels != -100
    scores = logits.float().masked_fill(~valid, float("-inf"))
    pos = scores.masked_fill(labels != 1, float("-inf"))
    has = (labels == 1).any(-1)
    if not has.any():
        return logits.sum() * 0.0
    loss = torch.logsumexp(scores[has], -1) - torch.logsumexp(pos[has], -1)
    return loss.mean()


def entity_mentions(resolver) -> list[tuple[int, int, str]]:
    """Every name mention in the article with the canonical name the resolver gives it:
    the pointer's candidates, and in training its positives."""
    return [(m.start, m.end, resolver.canonical_name(m.name, m.start)) for m in resolver.names]


def entity_scores(window: PointerWindow, probs: np.ndarray,
                  mentions: Iterable[tuple[int, int, str]]) -> dict[str, float]:
    """Each entity's score: the probability mass on its mentions' tokens in the window."""
    out: dict[str, float] = {}
    seen: set[int] = set()
    for s, e, name in mentions:
        ks = [k for k in mention_positions(window, s, e) if k not in seen]
        if ks:
            seen.update(ks)
            out[name] = out.get(name, 0.0) + float(probs[ks].sum())
    return out


class SpeakerPointer:
    """The trained pointer, merged and ready: ``scores(text, spans, mentions)``."""

    def __init__(self, model: nn.Module, tokenizer, settings: dict, device: str = "cpu") -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.settings = settings
        self.device = device
        self.special = special_ids(tokenizer)
        self.max_length = int(settings.get("max_length", 384))
        self.after = int(settings.get("after", 48))
        # Switch from the rules' speaker only on a confident pick, by a clear margin
        # (both fitted by cross-validation on the dev articles; see train/pointer.py).
        self.threshold = float(settings.get("threshold", 0.5))
        self.margin = float(settings.get("margin", 0.0))
        self.scope = settings.get("scope", "not_name")

    @classmethod
    def load(cls, path: str | os.PathLike, device: str = "cpu", dtype: torch.dtype | None = None) -> "SpeakerPointer":
        from safetensors.torch import load_file

        from quoteattr.encoder import load_tokenizer

        ckpt = Path(path)
        settings = json.loads((ckpt / POINTER_CONFIG).read_text(encoding="utf-8"))
        model = new_pointer_model(settings.get("base_model"), int(settings["lora_r"]), float(settings["lora_alpha"]),
                                  ckpt if settings.get("encoder_from") == "tagger" else None)
        state = {k: v.float() for k, v in load_file(str(ckpt / POINTER_FILE)).items()}
        unknown = sorted(set(state) - set(model.state_dict()))
        if unknown:
            raise ValueError(f"{ckpt}: pointer weights do not fit the base encoder: {unknown[:3]}")
        model.load_state_dict(state, strict=False)
        model = merge_lora(model).eval().to(device)
        if dtype is not None:
            model.to(dtype)
        return cls(model, load_tokenizer(settings.get("base_model")), settings, device)

    def windows(self, text: str, spans: Sequence[tuple[int, int]]) -> list[PointerWindow]:
        from quoteattr.windows import tokenize_document

        doc = tokenize_document(text, self.tokenizer)
        return [build_window(doc.input_ids, doc.offsets, s, e, self.special, self.max_length, self.after)
                for s, e in spans]

    @torch.inference_mode()
    def token_probs(self, windows: Sequence[PointerWindow], batch_size: int = 16) -> list[np.ndarray]:
        out: list[np.ndarray] = []
        for i in range(0, len(windows), batch_size):
            chunk = windows[i : i + batch_size]
            width = max(len(w.input_ids) for w in chunk)
            ids = torch.zeros(len(chunk), width, dtype=torch.long)
            mask = torch.zeros(len(chunk), width, dtype=torch.long)
            valid = torch.zeros(len(chunk), width, dtype=torch.bool)  # article tokens: what can be pointed at
            for k, w in enumerate(chunk):
                ids[k, : len(w.input_ids)] = torch.tensor(w.input_ids)
                mask[k, : len(w.input_ids)] = 1
                valid[k, [j for j, sp in enumerate(w.spans) if sp is not None]] = True
            logits = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device)).logits[..., 0]
            probs = torch.softmax(logits.float().cpu().masked_fill(~valid, float("-inf")), -1).numpy()
            out += [probs[k, : len(w.input_ids)] for k, w in enumerate(chunk)]
        return out

    def scores(self, text: str, spans: Sequence[tuple[int, int]],
               mentions: Sequence[tuple[int, int, str]]) -> list[dict[str, float]]:
        """For each quote span, every candidate entity's score."""
        if not spans:
            return []
        wins = self.windows(text, spans)
        return [entity_scores(w, p, mentions) for w, p in zip(wins, self.token_probs(wins))]

    def choose(self, scores: dict[str, float], rule_speaker: str | None) -> str | None:
        """The entity to attribute to, or None to keep the rules' speaker."""
        return choose(scores, rule_speaker, self.threshold, self.margin)


def choose(scores: dict[str, float], rule_speaker: str | None, threshold: float, margin: float) -> str | None:
    """The pointer's pick where it is confident (``threshold``) and clearly ahead of the
    rules' own speaker (``margin``); None keeps the rules' speaker."""
    if not scores:
        return None
    best = max(scores, key=scores.get)
    if best == rule_speaker or scores[best] < threshold:
        return None
    if rule_speaker in scores and scores[best] - scores[rule_speaker] < margin:
        return None
    return best
