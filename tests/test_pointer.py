"""The speaker pointer's pieces: windows, the loss, adapters, scoring and the switch rule."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from quoteattr.pointer import (LoRALinear, PointerWindow, build_window, choose, entity_scores, mention_positions,
                               pointer_loss)

SPECIAL = (101, 102, 1, 2)


def _doc(n: int) -> tuple[list[int], list[tuple[int, int]]]:
    """n one-character tokens at characters 0, 2, 4, ... (a space between each)."""
    return list(range(1000, 1000 + n)), [(2 * i, 2 * i + 1) for i in range(n)]


def test_window_marks_the_quote_and_maps_back_to_characters():
    ids, offsets = _doc(50)
    w = build_window(ids, offsets, start=40, end=49, special=SPECIAL, max_length=32, after=4)
    assert len(w.input_ids) <= 32
    assert w.input_ids[0] == 101 and w.input_ids[-1] == 102
    k_open, k_close = w.input_ids.index(1), w.input_ids.index(2)
    quote = w.spans[k_open + 1 : k_close]
    assert quote == [offsets[i] for i in range(20, 25)]  # characters 40..49 are tokens 20..24
    assert w.spans[k_close + 1 : k_close + 5] == [offsets[i] for i in range(25, 29)]  # 4 tokens after
    assert w.spans[k_open - 1] == offsets[19]  # the rest of the budget goes before


def test_window_gives_unused_after_budget_to_before_and_clips_long_quotes():
    ids, offsets = _doc(300)
    w = build_window(ids, offsets, start=20, end=100, special=SPECIAL, max_length=64, after=8, max_quote=10)
    k_open, k_close = w.input_ids.index(1), w.input_ids.index(2)
    quote = w.spans[k_open + 1 : k_close]
    assert len(quote) == 10 and quote[:5] == offsets[10:15] and quote[5:] == offsets[45:50]
    assert w.spans[1 : k_open] == offsets[0:10]  # all there is before
    assert len(w.input_ids) == 64 and w.spans[-2] == offsets[89]  # what before could not use went after


def test_entity_scores_sum_each_entitys_mass_once():
    w = PointerWindow([101, 5, 6, 7, 8, 102], [None, (0, 4), (5, 9), (10, 14), (15, 19), None])
    probs = np.array([0.0, 0.5, 0.2, 0.1, 0.2, 0.0])
    scores = entity_scores(w, probs, [(0, 9, "Ahmad Masud"), (5, 9, "Ahmad Masud"), (15, 19, "Mark Milley"), (30, 40, "Far Away")])
    assert scores == pytest.approx({"Ahmad Masud": 0.7, "Mark Milley": 0.2})
    assert mention_positions(w, 5, 14) == [2, 3]


def test_pointer_loss_is_the_log_mass_on_positives():
    logits = torch.tensor([[0.0, 0.0, 0.0, 0.0, 5.0]])
    labels = torch.tensor([[-100, 1, 1, 0, -100]])  # position 4 is a marker: not a choice
    assert float(pointer_loss(logits, labels)) == pytest.approx(-np.log(2 / 3), rel=1e-5)
    none = torch.tensor([[-100, 0, 0, 0, -100]])  # a quote nobody in the window said
    assert float(pointer_loss(logits, none)) == 0.0


def test_merged_adapter_computes_what_the_adapter_did():
    torch.manual_seed(0)
    base = nn.Linear(8, 6)
    lora = LoRALinear(base, r=2, alpha=4.0)
    nn.init.normal_(lora.lora_b)
    x = torch.randn(3, 8)
    with torch.no_grad():
        expected = lora(x)
        merged = lora.merged()
        assert torch.allclose(merged(x), expected, atol=1e-5)


@pytest.mark.parametrize("scores,rule,expected", [
    ({"A": 0.95, "B": 0.05}, "B", "A"),  # confident, clear margin: switch
    ({"A": 0.95, "B": 0.05}, "A", None),  # agrees with the rules
    ({"A": 0.6, "B": 0.3}, "B", None),  # not confident enough
    ({"A": 0.91, "B": 0.85}, "B", None),  # confident but no margin over the rules' choice
    ({"A": 0.95}, None, "A"),  # the rules had no speaker
    ({}, "B", None),  # nothing named in the window
])
def test_choose_switches_only_on_confident_clear_picks(scores, rule, expected):
    assert choose(scores, rule, threshold=0.9, margin=0.2) == expected


def test_training_windows_point_at_every_name_of_the_gold_speaker_only():
    from quoteattr.encoder import load_tokenizer
    from quoteattr.eval.format import load_labelled
    from quoteattr.train.pointer import PointerConfig, article_examples

    tok = load_tokenizer()
    art = next(a for a in load_labelled() if a.id == "panjshir")
    examples = article_examples(art, tok, PointerConfig(max_length=256))
    assert len(examples) == len(art.quotes)
    by_speaker = {}
    for q, ex in zip(art.quotes, examples):
        assert len(ex["input_ids"]) == len(ex["labels"]) <= 256
        words = tok.convert_ids_to_tokens([i for i, l in zip(ex["input_ids"], ex["labels"]) if l == 1])
        by_speaker.setdefault(q.speaker, set()).update(words)
    assert by_speaker["Mark Milley"] <= {"mark", "mill", "##ey"} and "mill" in by_speaker["Mark Milley"]
    assert "he" not in by_speaker["Amrullah Saleh"]  # pronouns are never what the pointer answers
    assert by_speaker["Ahmad Masud"] and "shah" not in by_speaker["Ahmad Masud"]  # not his late father


class _FixedPointer:
    """Stands in for a trained pointer: every quote gets the same scores."""

    scope = "not_name"

    def __init__(self, scores):
        self._scores = scores
        self.asked = 0

    def scores(self, text, spans, mentions):
        self.asked += len(spans)
        return [dict(self._scores) for _ in spans]

    def choose(self, scores, rule_speaker):
        return choose(scores, rule_speaker, 0.9, 0.2)


def test_the_pointer_re_attributes_only_pronoun_and_description_quotes(shipped):
    text = ("Mark Milley, the general, spoke on Monday. \"We will see,\" Milley said. "
            "\"It may be long,\" he said.")
    rules = shipped(text)
    fake = _FixedPointer({"Anne Other": 0.99})
    shipped.pointer = fake
    try:
        quotes = shipped(text)
    finally:
        shipped.pointer = None
    assert [q.speaker for q in rules] == ["Mark Milley", "Mark Milley"]
    assert [q.speaker for q in quotes] == ["Mark Milley", "Anne Other"]  # the name-linked quote stays
    assert fake.asked == 1


def test_a_trained_pointer_is_saved_and_loaded_beside_the_tagger(tmp_path):
    import json
    import shutil

    from safetensors.torch import save_file

    from quoteattr import QuoteAttributor
    from quoteattr.attributor import SHIPPED_DIR
    from quoteattr.encoder import load_tokenizer
    from quoteattr.eval.format import load_labelled
    from quoteattr.pointer import POINTER_CONFIG, POINTER_FILE, trained_state
    from quoteattr.train.pointer import PointerConfig, article_examples, pointer_settings, train_pointer

    cfg = PointerConfig(max_length=128, max_steps=2, batch_size=2, lora_r=2, output_dir=str(tmp_path / "run"),
                        encoder_from="tagger")
    art = next(a for a in load_labelled() if a.id == "panjshir")
    model = train_pointer(cfg, article_examples(art, load_tokenizer(), cfg)[:4], tmp_path / "run")
    ckpt = tmp_path / "ckpt"
    shutil.copytree(SHIPPED_DIR, ckpt)
    save_file(trained_state(model), str(ckpt / POINTER_FILE))
    (ckpt / POINTER_CONFIG).write_text(json.dumps(pointer_settings(cfg, {"threshold": 0.99, "margin": 0.5})))
    qa = QuoteAttributor.load(ckpt, device="cpu")
    assert qa.pointer is not None and qa.pointer.threshold == 0.99
    # Its layers are the tagger's plus the adapters, not the base's.
    tagger_q = qa.model.bert.encoder.layer[0].attention.self.query.weight
    pointer_q = qa.pointer.model.bert.encoder.layer[0].attention.self.query.weight
    assert torch.allclose(pointer_q.float(), tagger_q.float(), atol=0.05) and not torch.equal(pointer_q, tagger_q)
    assert QuoteAttributor.load(ckpt, device="cpu", pointer=False).pointer is None
    quotes = qa(art.text)
    assert len(quotes) >= 9 and all(q.speaker is None or isinstance(q.speaker, str) for q in quotes)
