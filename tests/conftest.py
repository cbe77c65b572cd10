"""Shared fixtures: the base tokenizer and a tiny PolNeAR-shaped corpus written on the fly."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SHIPPED = Path(__file__).resolve().parents[1] / "model" / "weights"
LABELLED = Path(__file__).resolve().parents[1] / "eval" / "data" / "labelled.jsonl"

# Each attribution: (content, cue, source) substrings, located in order of appearance.
ARTICLES = {
    "train": {
        "wire_a": (
            "The minister said on Monday that the budget would be cut.\n\n"
            "\u201cWe have no choice,\u201d Jane Doe said. \u201cThe money is gone.\u201d\n\n"
            "Critics, however, told reporters that the plan was reckless.",
            [
                ("that the budget would be cut", "said", "The minister"),
                ("\u201cWe have no choice,\u201d", "said.", "Jane Doe"),
                ("that the plan was reckless", "told", "Critics"),
            ],
        ),
        "wire_b": (
            "\"It is over,\" the coach said after the match.\n\n"
            "According to the league, the result stands.",
            [
                ("\"It is over,\"", "said", "the coach"),
                ("the result stands", "According to", "the league"),
            ],
        ),
    },
    "dev": {
        "wire_c": (
            "Police said the road was closed. \u201cStay away,\u201d an officer said.",
            [
                ("the road was closed", "said", "Police"),
                ("\u201cStay away,\u201d", "said.", "an officer"),
            ],
        ),
    },
}


def locate(text: str, triples) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """Character spans of each (content, cue, source), searching after the previous content."""
    out, pos = [], 0
    for content, cue, source in triples:
        c = text.index(content, pos)
        spans = []
        for sub in (content, cue, source):
            i = text.index(sub, max(0, c - 40)) if sub != content else c
            spans.append((i, i + len(sub)))
        out.append(tuple(spans))
        pos = c + 1
    return out


def write_corpus(root: Path) -> Path:
    """Write ARTICLES as a brat corpus: text/*.txt and attributions/*_<annotator>.ann."""
    for split, docs in ARTICLES.items():
        (root / split / "text").mkdir(parents=True, exist_ok=True)
        (root / split / "attributions").mkdir(parents=True, exist_ok=True)
        for name, (text, triples) in docs.items():
            (root / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
            lines, t = [], 0
            for k, spans in enumerate(locate(text, triples), 1):
                ids = []
                for typ, (s, e) in zip(("Content", "Cue", "Source"), spans):
                    t += 1
                    ids.append(f"T{t}")
                    lines.append(f"T{t}\t{typ} {s} {e}\t{text[s:e]}")
                lines.append(f"E{k}\tAttribution:{ids[1]} Content:{ids[0]} Cue:{ids[1]} Source:{ids[2]}")
            (root / split / "attributions" / f"{name}_ab12.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def tokenizer():
    from quoteattr.encoder import load_tokenizer

    return load_tokenizer()


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("polnear"))


@pytest.fixture(scope="session")
def shipped():
    """The shipped model, loaded once per test session."""
    from quoteattr import QuoteAttributor

    if not (SHIPPED / "tagger.safetensors").exists():
        pytest.fail("the shipped model is missing from model/weights")
    return QuoteAttributor.load()


@pytest.fixture(scope="session")
def labelled() -> dict:
    """The hand-labelled articles by id (raw JSON, so tests do not depend on eval code)."""
    import json

    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="session")
def tiny_checkpoint(tiny_corpus, tmp_path_factory) -> Path:
    """A checkpoint from a two-step training run on the tiny corpus (both phases)."""
    from quoteattr.train.trainer import TrainConfig, run

    out = tmp_path_factory.mktemp("ckpt")
    cfg = TrainConfig(
        name="tiny", max_length=64, stride=16, max_steps=2, batch_size=2, eval_batch_size=2,
        save_steps=1, logging_steps=1, output_dir=str(out), cache_dir=str(out / "cache"),
    )
    run(cfg, tiny_corpus, "pytest tiny run")
    return out
