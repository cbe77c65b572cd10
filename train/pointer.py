"""Fine-tune the speaker pointer (``quoteattr.pointer``) on the labelled dev articles.

PolNeAR links each quote to one source mention but has no coreference, so it cannot say
which earlier *name* a "he" stands for. The labelled dev articles can: every gold quote
gives one window (quote between markers) whose positive tokens are every name mention the
resolver makes canonical to the gold speaker.

``--folds K`` first measures the pointer honestly: K models, each trained without one
fold of articles, run beside the rules on that fold's articles (the full pipeline, not
gold spans); the switch threshold and margin are chosen on those pooled runs and the
speaker accuracy of rules and pointer is printed side by side. Then the final pointer is
trained on all dev articles and written next to the tagger. Test articles are never read.

    python -m quoteattr.train.pointer --config configs/pointer.yaml --folds 3 --out DIR
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import shlex
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger("quoteattr.train.pointer")


@dataclass
class PointerConfig:
    name: str = "pointer"
    base_model: str = "all-MiniLM-L6-v2"
    max_length: int = 384
    after: int = 48
    lora_r: int = 16
    lora_alpha: float = 32.0
    # "tagger": adapt the tagger's fine-tuned layers (--model's) rather than the base's.
    encoder_from: str | None = None
    seed: int = 13
    epochs: float = 6.0
    learning_rate: float = 1.5e-3
    weight_decay: float = 0.0
    warmup_fraction: float = 0.06
    batch_size: int = 16
    max_steps: int = -1
    save_steps: int = 200
    logging_steps: int = 20
    output_dir: str = "runs/pointer"
    # Quotes the pointer may re-attribute: "not_name" (pronoun, description or no mention)
    # or "all"; and the switch thresholds tried when --folds picks the switch rule.
    scopes: list[str] = field(default_factory=lambda: ["not_name", "all"])
    thresholds: list[float] = field(default_factory=lambda: [0.5, 0.7, 0.9, 0.95, 0.98])
    margins: list[float] = field(default_factory=lambda: [0.0, 0.2, 0.4])


def article_examples(article, tokenizer, cfg: PointerConfig) -> list[dict[str, list[int]]]:
    """One labelled window per gold quote of the article."""
    from quoteattr.eval.score import speaker_right
    from quoteattr.pointer import build_window, entity_mentions, special_ids
    from quoteattr.speakers import SpeakerResolver
    from quoteattr.windows import tokenize_document

    text = article.text
    doc = tokenize_document(text, tokenizer)
    mentions = entity_mentions(SpeakerResolver(text))
    special = special_ids(tokenizer)
    out = []
    for q in article.quotes:
        # Only names are positives: the pointer's answer must be a name the resolver made
        # canonical, so mass put on 'he' or 'the minister' would be mass lost at inference.
        positives = [(s, e) for s, e, name in mentions if q.speaker and speaker_right(q.speaker, q.aliases, name)]
        w = build_window(doc.input_ids, doc.offsets, q.start, q.end, special, cfg.max_length, cfg.after)
        labels = [-100 if sp is None else int(any(s <= sp[0] and sp[1] <= e for s, e in positives) and sp[1] > sp[0])
                  for sp in w.spans]
        out.append({"input_ids": w.input_ids, "labels": labels})
    return out


def train_pointer(cfg: PointerConfig, examples: list[dict[str, list[int]]], out_dir: Path, resume: bool = False,
                  tagger_dir: str | Path | None = None):
    """Fine-tune adapters and head with the HF Trainer; returns the trained (unmerged) model."""
    from datasets import Dataset
    from transformers import DataCollatorForTokenClassification, Trainer, set_seed

    from quoteattr.attributor import SHIPPED_DIR
    from quoteattr.encoder import load_tokenizer
    from quoteattr.pointer import new_pointer_model, pointer_loss
    from quoteattr.train.trainer import training_arguments

    set_seed(cfg.seed)
    tokenizer = load_tokenizer(cfg.base_model)
    if cfg.encoder_from not in (None, "tagger"):
        raise ValueError(f"encoder_from must be null or 'tagger', not {cfg.encoder_from!r}")
    model = new_pointer_model(cfg.base_model, cfg.lora_r, cfg.lora_alpha,
                              (tagger_dir or SHIPPED_DIR) if cfg.encoder_from == "tagger" else None)
    ds = Dataset.from_list(examples)
    args = training_arguments(cfg, out_dir, len(ds), save_strategy="steps" if resume else "no", save_total_limit=1)

    class PointerTrainer(Trainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            labels = inputs.pop("labels")
            outputs = model(**inputs)
            loss = pointer_loss(outputs.logits[..., 0], labels)
            return (loss, outputs) if return_outputs else loss

    trainer = PointerTrainer(model=model, args=args, train_dataset=ds,
                      data_collator=DataCollatorForTokenClassification(tokenizer, pad_to_multiple_of=8))
    has_ckpt = resume and out_dir.is_dir() and any(out_dir.glob("checkpoint-*"))
    trainer.train(resume_from_checkpoint=True if has_ckpt else None)
    return model.eval()


def as_pointer(model, cfg: PointerConfig, device: str):
    """A ``SpeakerPointer`` from a freshly trained model (a merged copy; the original keeps training state)."""
    import copy

    from quoteattr.encoder import load_tokenizer
    from quoteattr.pointer import SpeakerPointer, merge_lora

    merged = merge_lora(copy.deepcopy(model)).eval().to(device)
    return SpeakerPointer(merged, load_tokenizer(cfg.base_model), pointer_settings(cfg), device)


def pointer_settings(cfg: PointerConfig, choice: dict[str, Any] | None = None) -> dict[str, Any]:
    s = {"format": 1, "name": cfg.name, "base_model": cfg.base_model, "max_length": cfg.max_length,
         "after": cfg.after, "lora_r": cfg.lora_r, "lora_alpha": cfg.lora_alpha, "encoder_from": cfg.encoder_from}
    return {**s, **(choice or {})}


def run_folds(cfg: PointerConfig, articles, examples, qa, k: int, out_dir: Path,
              limit: int | None = None, tagger_dir: str | None = None) -> list[dict[str, Any]]:
    """Rules' quotes plus the held-out pointer's scores for every quote of every article
    (of the first ``limit`` folds only, where a CPU cannot afford them all)."""
    runs: list[dict[str, Any]] = []
    for fold in range(min(k, limit or k)):
        train_ex = [ex for i, a in enumerate(articles) if i % k != fold for ex in examples[i]]
        log.info("fold %d/%d: %d training windows", fold + 1, k, len(train_ex))
        model = train_pointer(cfg, train_ex, out_dir / f"fold{fold}", tagger_dir=tagger_dir)
        qa.pointer = as_pointer(model, cfg, qa.device)
        for i, a in enumerate(articles):
            if i % k != fold:
                continue
            qa.pointer_log = []
            quotes = qa(a.text)
            runs.append({"index": i, "quotes": quotes, "log": qa.pointer_log})
        qa.pointer = qa.pointer_log = None
    return sorted(runs, key=lambda r: r["index"])


def apply_choice(runs: list[dict[str, Any]], scope: str, threshold: float, margin: float) -> list[list[Any]]:
    """Each article's quotes with the pointer's switches applied under one setting."""
    from quoteattr.pointer import choose

    out = []
    for r in runs:
        quotes = list(r["quotes"])
        for rec in r["log"]:
            if scope == "not_name" and rec["mention_type"] == "name":
                continue
            pick = choose(rec["scores"], quotes[rec["i"]].speaker, threshold, margin)
            if pick:
                quotes[rec["i"]] = dataclasses.replace(quotes[rec["i"]], speaker=pick)
        out.append(quotes)
    return out


def main(argv: list[str] | None = None) -> int:
    from quoteattr.attributor import QuoteAttributor
    from quoteattr.encoder import load_tokenizer
    from quoteattr.eval.format import load_labelled
    from quoteattr.eval.score import score_labelled
    from quoteattr.train.trainer import parse_overrides, read_config

    p = argparse.ArgumentParser(prog="python -m quoteattr.train.pointer", description=__doc__.split("\n")[0])
    p.add_argument("--config", default=None, help="YAML config (configs/pointer.yaml)")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a config value (YAML syntax)")
    p.add_argument("--labelled", default=None, help="labelled JSONL (default: the shipped set; dev articles only are used)")
    p.add_argument("--limit", type=int, default=None, help="use only the first N dev articles (smoke runs)")
    p.add_argument("--folds", type=int, default=0, help="cross-validate over K folds of articles first")
    p.add_argument("--fold-limit", type=int, default=None, help="run only the first N of the K folds")
    p.add_argument("--model", default=None, help="the tagger checkpoint the rules run on (default: shipped)")
    p.add_argument("--out", default=None, help="write pointer.safetensors and pointer.json here")
    p.add_argument("--dump", default=None, help="write the cross-validation runs (quotes and scores) as JSON here")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    cfg = read_config(PointerConfig, args.config, parse_overrides(args.set, "python -m quoteattr.train.pointer"))
    articles = [a for a in (load_labelled(args.labelled) if args.labelled else load_labelled()) if a.split == "dev"]
    articles = articles[: args.limit] if args.limit else articles
    tokenizer = load_tokenizer(cfg.base_model)
    examples = [article_examples(a, tokenizer, cfg) for a in articles]
    log.info("%d dev articles, %d windows", len(articles), sum(map(len, examples)))
    out_dir = Path(cfg.output_dir)
    summary: dict[str, Any] = {"articles": len(articles), "windows": sum(map(len, examples))}
    choice: dict[str, Any] = {}
    if args.folds > 1:
        qa = QuoteAttributor.load(args.model)
        t0 = time.time()
        runs = run_folds(cfg, articles, examples, qa, args.folds, out_dir, args.fold_limit, args.model)
        scored = [articles[r["index"]] for r in runs]
        if args.dump:
            Path(args.dump).write_text(json.dumps([{"id": articles[r["index"]].id, "quotes": [q.to_dict() for q in r["quotes"]],
                                                    "log": r["log"]} for r in runs]) + "\n", encoding="utf-8")
        rules = score_labelled(scored, [r["quotes"] for r in runs])
        grid = []
        for scope in cfg.scopes:
            for th in cfg.thresholds:
                for mg in cfg.margins:
                    rep = score_labelled(scored, apply_choice(runs, scope, th, mg))
                    grid.append({"scope": scope, "threshold": th, "margin": mg, "report": rep})
        best = max(grid, key=lambda g: (accuracy(g["report"], "all"), -g["threshold"]))
        choice = {"scope": best["scope"], "threshold": best["threshold"], "margin": best["margin"]}
        summary["cross_validation"] = {
            "command": shlex.join(["python", "-m", "quoteattr.train.pointer", *(argv if argv is not None else sys.argv[1:])]),
            "config": asdict(cfg), "folds": args.folds, "folds_run": min(args.folds, args.fold_limit or args.folds),
            "articles_scored": len(scored), "seconds": round(time.time() - t0, 1), "choice": choice,
            "rules": figures(rules), "pointer": figures(best["report"]),
            "grid": [{k: g[k] for k in ("scope", "threshold", "margin")} | {"all": accuracy(g["report"], "all")} for g in grid],
        }
        (out_dir).mkdir(parents=True, exist_ok=True)
        (out_dir / "cross_validation.json").write_text(json.dumps(summary["cross_validation"], indent=2) + "\n")
        print(json.dumps({k: v for k, v in summary["cross_validation"].items() if k != "grid"}, indent=2))
    if args.out:
        from safetensors.torch import save_file

        from quoteattr.pointer import POINTER_CONFIG, POINTER_FILE, trained_state

        t0 = time.time()
        model = train_pointer(cfg, [ex for exs in examples for ex in exs], out_dir / "final", resume=True,
                              tagger_dir=args.model)
        summary["train_seconds"] = round(time.time() - t0, 1)
        dest = Path(args.out)
        dest.mkdir(parents=True, exist_ok=True)
        save_file(trained_state(model), str(dest / POINTER_FILE))
        settings = pointer_settings(cfg, choice) | {"trained_on": summary}
        (dest / POINTER_CONFIG).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
        log.info("wrote %s", dest / POINTER_FILE)
    return 0


def accuracy(report: dict[str, Any], kind: str) -> float:
    """Speaker accuracy on lenient matches of one kind (direct, indirect, all)."""
    return float(report["kinds"][kind]["lenient"]["speaker_accuracy"] or 0.0)


def figures(report: dict[str, Any]) -> dict[str, Any]:
    """The speaker figures #4 is judged by: per kind and per gold mention type."""
    kinds = {k: {"right": report["kinds"][k]["lenient"]["speaker_right"],
                 "matched": report["kinds"][k]["lenient"]["matched"],
                 "accuracy": report["kinds"][k]["lenient"]["speaker_accuracy"],
                 "e2e_f1": report["kinds"][k]["lenient"]["e2e"]["f1"]} for k in report["kinds"]}
    return {**kinds, "mention_types": report["mention_types"]}


if __name__ == "__main__":
    sys.exit(main())
