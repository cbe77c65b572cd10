"""A learned ranker for the person a he/she refers to.

The hand rules in ``attributor`` order the evidence (same paragraph, gender, who spoke
last) by fixed priorities. This ranker weighs the same evidence with a logistic
regression fitted on the dev articles' gold speakers (``python -m quoteattr.train.resolver``),
so the priorities come from data. Each candidate entity gets a feature row; the best
scoring one wins. Weights are plain numbers in ``resolver.json`` (no pickle).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

RESOLVER_FILE = "resolver.json"
FEATURES = (
    "recency_rank", "log_distance", "same_paragraph", "previous_paragraph",
    "gender_agrees", "gender_unknown", "gender_conflicts",
    "last_speaker", "has_spoken", "times_spoken", "sentence_subject", "tagged_source",
    "only_named", "rule_choice", "bias",
)


@dataclass
class Candidate:
    """One entity a pronoun may refer to, with where and how the article showed it."""

    name: str
    position: int  # latest occurrence before the pronoun
    kinds: set[str] = field(default_factory=set)  # "spoke", "subject", "source", "named"
    times_spoken: int = 0


def collect_candidates(history: list[tuple[int, str]], sources: list[tuple[int, str]],
                       subjects: list[tuple[int, str]], named: list[tuple[int, str]], pos: int) -> list[Candidate]:
    """Merge every source of candidates into one entry per entity."""
    by_name: dict[str, Candidate] = {}
    for kind, items in (("spoke", history), ("source", sources), ("subject", subjects), ("named", named)):
        for p, name in items:
            if p >= pos or not name:
                continue
            c = by_name.setdefault(name, Candidate(name, p))
            c.position = max(c.position, p)
            c.kinds.add(kind)
            if kind == "spoke":
                c.times_spoken += 1
    return sorted(by_name.values(), key=lambda c: -c.position)


def candidate_features(cands: list[Candidate], pos: int, para_start: int, prev_para_start: int,
                       genders: list[str | None], want: str, last_speaker: str | None,
                       rule_choice: str | None) -> np.ndarray:
    """One row per candidate (most recent first), columns as ``FEATURES``."""
    rows = []
    for rank, (c, g) in enumerate(zip(cands, genders)):
        rows.append([
            min(rank, 5) / 5.0,
            math.log1p(max(pos - c.position, 0)) / 8.0,
            float(c.position >= para_start),
            float(prev_para_start <= c.position < para_start),
            float(g == want),
            float(g is None),
            float(g is not None and g != want),
            float(c.name == last_speaker),
            float("spoke" in c.kinds),
            math.log1p(c.times_spoken) / 2.0,
            float("subject" in c.kinds),
            float("source" in c.kinds),
            float(c.kinds == {"named"}),
            float(c.name == rule_choice),
            1.0,
        ])
    return np.array(rows, np.float32).reshape(len(rows), len(FEATURES))


class PronounRanker:
    """Logistic-regression scores over candidate rows; the argmax is the referent."""

    def __init__(self, coef: np.ndarray, meta: dict | None = None):
        self.coef = np.asarray(coef, np.float32)
        self.meta = meta or {}

    def best(self, feats: np.ndarray) -> int:
        return int((feats @ self.coef).argmax())

    def to_json(self, path: str | Path) -> None:
        data = {"features": list(FEATURES), "coef": self.coef.tolist(), **self.meta}
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, path: str | Path) -> "PronounRanker":
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        if list(d.get("features", [])) != list(FEATURES):
            raise ValueError(f"{path}: features {d.get('features')} do not match this version's {FEATURES}")
        meta = {k: v for k, v in d.items() if k not in ("features", "coef")}
        return cls(np.array(d["coef"]), meta)
