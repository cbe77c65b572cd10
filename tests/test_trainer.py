"""A few-step training run on a corpus the tests write, end to end through loading."""
import json

import pytest
import yaml

from quoteattr.train.trainer import TrainConfig, main as train_main, seqeval_metrics


def test_checkpoint_is_compact_and_complete(tiny_checkpoint):
    names = {p.name for p in tiny_checkpoint.iterdir()}
    assert {"tagger.safetensors", "quoteattr.json", "linker.json", "MODEL_CARD.md"} <= names
    from safetensors import safe_open

    with safe_open(str(tiny_checkpoint / "tagger.safetensors"), "pt") as f:
        keys = list(f.keys())
        assert not any("embeddings" in k for k in keys)  # frozen: not stored
        assert any(k.startswith("classifier") for k in keys)
        assert all(str(f.get_tensor(k).dtype) == "torch.float16" for k in keys)
    card = (tiny_checkpoint / "MODEL_CARD.md").read_text()
    assert "pytest tiny run" in card and "CONTENT F1" in card
    summary = json.loads((tiny_checkpoint / "tagger_summary.json").read_text())
    assert summary["steps"] == 2


def test_checkpoint_loads_and_predicts(tiny_checkpoint):
    from quoteattr import Quote, QuoteAttributor

    qa = QuoteAttributor.load(tiny_checkpoint)
    quotes = qa("“We are ready,” the minister said. " * 3)
    assert isinstance(quotes, list) and all(isinstance(q, Quote) for q in quotes)


def test_rerun_skips_finished_phases(tiny_checkpoint, tiny_corpus, caplog):
    cfg = TrainConfig(name="tiny", max_length=64, stride=16, max_steps=2, batch_size=2,
                      output_dir=str(tiny_checkpoint), cache_dir=str(tiny_checkpoint / "cache"))
    from quoteattr.train.trainer import run

    before = (tiny_checkpoint / "tagger.safetensors").stat().st_mtime_ns
    with caplog.at_level("INFO"):
        run(cfg, tiny_corpus, "again")
    assert (tiny_checkpoint / "tagger.safetensors").stat().st_mtime_ns == before
    assert "skipping phase 1" in caplog.text and "skipping phase 2" in caplog.text


def test_dataset_is_cached(tiny_corpus, tokenizer, tmp_path, monkeypatch):
    from quoteattr.train import dataset

    first = dataset.build_split(tiny_corpus, "train", tokenizer, 64, 16, cache_dir=tmp_path)
    monkeypatch.setattr(dataset, "read_split", lambda *a, **k: pytest.fail("re-read the corpus"))
    second = dataset.build_split(tiny_corpus, "train", tokenizer, 64, 16, cache_dir=tmp_path)
    assert first["input_ids"] == second["input_ids"] and first["labels"] == second["labels"]


def test_training_windows_use_the_inference_windowing(tiny_corpus, tokenizer):
    from quoteattr.train.dataset import article_examples
    from quoteattr.train.polnear import read_split
    from quoteattr.windows import document_windows, tokenize_document

    art = read_split(tiny_corpus, "train")[0]
    ex = article_examples(art, tokenizer, 16, 4)
    wins = document_windows(tokenize_document(art.text, tokenizer), tokenizer, 16, 4)
    assert [e["input_ids"] for e in ex] == [w.input_ids for w in wins]
    assert all(len(e["labels"]) == len(e["input_ids"]) for e in ex)


def test_config_rejects_unknown_keys(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml.safe_dump({"epochs": 1, "learnin_rate": 3}))
    with pytest.raises(ValueError, match="learnin_rate"):
        TrainConfig.from_yaml(cfg)


def test_shipped_config_is_valid():
    from pathlib import Path

    cfg = TrainConfig.from_yaml(Path(__file__).resolve().parents[1] / "configs" / "minilm-polnear.yaml")
    assert cfg.freeze_embeddings and cfg.max_length == 512


def test_seqeval_metrics_per_type():
    import numpy as np

    from quoteattr.labels import IGNORE_INDEX, LABEL2ID as L

    gold = np.array([[IGNORE_INDEX, L["B-SOURCE"], L["B-CUE"], L["B-CONTENT"], L["I-CONTENT"], IGNORE_INDEX]])
    pred = np.array([[0, L["B-SOURCE"], L["O"], L["B-CONTENT"], L["I-CONTENT"], 0]])
    m = seqeval_metrics(pred, gold)
    assert m["source_f1"] == 1.0 and m["content_f1"] == 1.0 and m["cue_f1"] == 0.0


def test_distill_loss_is_zero_for_the_teacher_and_ignores_padding():
    import torch

    from quoteattr.train.trainer import distill_loss

    t = torch.randn(2, 5, 7)
    mask = torch.tensor([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]])
    assert distill_loss(t, t, mask, 2.0).item() == pytest.approx(0.0, abs=1e-6)
    s = torch.randn(2, 5, 7)
    assert distill_loss(s, t, mask, 2.0).item() > 0
    s_pad = s.clone()
    s_pad[0, 3:] += 100.0  # padded positions must not count
    assert distill_loss(s_pad, t, mask, 2.0).item() == pytest.approx(distill_loss(s, t, mask, 2.0).item(), rel=1e-5)


def test_student_starts_from_the_teachers_layers(tiny_checkpoint):
    import torch

    from quoteattr.train.trainer import build_model

    cfg = TrainConfig(init_from=str(tiny_checkpoint), num_layers=2, layer_map=[0, 5])
    student, teacher = build_model(cfg)
    assert student.config.num_hidden_layers == 2 and teacher.config.num_hidden_layers == 6
    assert all(p.dtype == torch.float32 for p in student.parameters())
    s_layers, t_layers = student.base_model.encoder.layer, teacher.base_model.encoder.layer
    assert torch.equal(s_layers[1].output.dense.weight, t_layers[5].output.dense.weight)
    assert torch.equal(s_layers[0].attention.self.query.weight, t_layers[0].attention.self.query.weight)
    assert torch.equal(student.classifier.weight, teacher.classifier.weight)


def test_distillation_needs_a_teacher():
    from quoteattr.train.trainer import build_model

    with pytest.raises(ValueError, match="init_from"):
        build_model(TrainConfig(distill_alpha=0.5))


def test_student_run_saves_a_smaller_checkpoint_that_loads(tiny_checkpoint, tiny_corpus, tmp_path):
    from quoteattr import QuoteAttributor
    from quoteattr.train.trainer import run

    cfg = TrainConfig(name="tiny-student", init_from=str(tiny_checkpoint), num_layers=2, distill_alpha=0.5,
                      max_length=64, stride=16, max_steps=2, batch_size=2, eval_batch_size=2, save_steps=1,
                      logging_steps=1, output_dir=str(tmp_path / "s"), cache_dir=str(tmp_path / "cache"))
    out = run(cfg, tiny_corpus, "pytest student run")
    assert json.loads((out / "quoteattr.json").read_text())["num_layers"] == 2
    assert (out / "tagger.safetensors").stat().st_size < 0.5 * (tiny_checkpoint / "tagger.safetensors").stat().st_size
    qa = QuoteAttributor.load(out)
    assert qa.model.config.num_hidden_layers == 2
    assert isinstance(qa("“We are ready,” the minister said."), list)


def test_student_config_is_valid():
    from pathlib import Path

    cfg = TrainConfig.from_yaml(Path(__file__).resolve().parents[1] / "configs" / "minilm-polnear-student.yaml")
    assert cfg.num_layers == 3 and cfg.init_from == "model/weights" and 0 < cfg.distill_alpha < 1
