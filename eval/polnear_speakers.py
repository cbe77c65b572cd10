"""Speaker accuracy on real news: PolNeAR's direct quotes with hand-labelled speakers.

The labelled articles are mostly invented copy, and rules tuned on invented copy may not
carry to real news. PolNeAR is real news (US election coverage, 2015-2016), and its
annotators marked each quote's source mention, but a source such as 'he' or 'the campaign'
does not say who that is. ``data/polnear_dev_speakers.jsonl`` adds, for each direct quote of
PolNeAR's dev compartment, the canonical speaker under our labelling guideline (the fullest
name the article uses, a description when it never names the speaker, or null). The file
is standoff: article id and character offsets, no article text, so scoring needs the
user's own clone of PolNeAR:

    python -m quoteattr.eval.polnear_speakers --polnear PolNeAR/data --out-dir eval

writes ``polnear_speakers.json`` (scores and every error in context) and
``POLNEAR_SPEAKERS.md`` (the table the README copies) into the directory.

``--split train`` scores ``data/polnear_train_speakers.jsonl`` instead: the direct quotes of
448 articles sampled from PolNeAR's train compartment, labelled the same way, and writes
``polnear_train_speakers.json`` and ``POLNEAR_TRAIN_SPEAKERS.md``. The tagger was trained on
that compartment, so there it finds quotes and source mentions it has seen; the set is a
second, larger measure of what comes after tagging (linking a quote to its mention and
resolving the mention to a name), not of the tagger, and dev stays the fair test.

A labelled quote counts as matched when a predicted direct quote overlaps it (one to one,
largest overlap first), and as right when the predicted speaker is the label or one of its
aliases, exactly as ``quoteattr evaluate`` scores the labelled articles. Errors are listed
by article id and offset, without PolNeAR's text, so the report can be committed.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quoteattr.eval.score import ratio, speaker_right

log = logging.getLogger(__name__)

SPLITS = ("dev", "train")


def labels_path(split: str) -> Path:
    """The packaged labels of one PolNeAR compartment."""
    return Path(__file__).parent / "data" / f"polnear_{split}_speakers.jsonl"


LABELS_PATH = labels_path("dev")


def report_names(split: str) -> tuple[str, str]:
    """The JSON and Markdown file names a split's report is written to (dev keeps the old ones)."""
    tag = "" if split == "dev" else f"{split}_"
    return f"polnear_{tag}speakers.json", f"POLNEAR_{tag.upper()}SPEAKERS.md"


MENTION_TYPES = ("name", "pronoun", "description", "none")


@dataclass(frozen=True)
class SpeakerLabel:
    """One PolNeAR direct quote (``start``/``end`` as PolNeAR marks its content) and its speaker."""

    doc_id: str
    start: int
    end: int
    speaker: str | None
    aliases: tuple[str, ...]
    mention_type: str
    not_quote: bool = False


def load_labels(path: str | Path = LABELS_PATH) -> dict[str, list[SpeakerLabel]]:
    """Labels by article id, in text order; a malformed line raises ValueError naming it."""
    out: dict[str, list[SpeakerLabel]] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            lab = SpeakerLabel(str(d["id"]), int(d["start"]), int(d["end"]), d["speaker"],
                               tuple(d.get("aliases") or ()), d["mention_type"], bool(d.get("not_quote", False)))
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{path}:{n}: {e}") from None
        if lab.mention_type not in MENTION_TYPES or lab.end <= lab.start:
            raise ValueError(f"{path}:{n}: bad mention_type or offsets")
        out.setdefault(lab.doc_id, []).append(lab)
    for labs in out.values():
        labs.sort(key=lambda x: x.start)
    return out


def _pairs(gold: Sequence[SpeakerLabel], pred: Sequence[Any]) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) pairs of overlapping spans, largest overlap first."""
    cand = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                cand.append((-ov, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cand):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score(labels: dict[str, list[SpeakerLabel]],
          predictions: dict[str, Sequence[Any]]) -> dict[str, Any]:
    """Matched and right counts, overall and by mention type, with every error."""
    tally = {t: [0, 0, 0] for t in ("all", *MENTION_TYPES)}  # labelled, matched, right
    errors = []
    for doc_id in sorted(labels):
        gold = [g for g in labels[doc_id] if not g.not_quote]
        pred = [q for q in predictions.get(doc_id, ()) if q.kind == "direct"]
        matched = dict(_pairs(gold, pred))
        for i, g in enumerate(gold):
            for key in ("all", g.mention_type):
                tally[key][0] += 1
            if i not in matched:
                continue
            q = pred[matched[i]]
            right = speaker_right(g.speaker, g.aliases, q.speaker)
            for key in ("all", g.mention_type):
                tally[key][1] += 1
                tally[key][2] += right
            if not right:
                errors.append({"article": doc_id, "start": g.start, "mention_type": g.mention_type,
                               "gold_speaker": g.speaker, "pred_speaker": q.speaker,
                               "pred_mention": q.speaker_mention})
    rows = {k: {"labelled": n, "matched": m, "right": r, "accuracy": ratio(r, m), "recall": ratio(m, n)}
            for k, (n, m, r) in tally.items()}
    return {"articles": len(labels), "rows": rows, "errors": errors}


def markdown(result: dict[str, Any]) -> str:
    """The report: the command that made it, then matched and right counts by mention type."""
    lines = [f"# Speakers of PolNeAR {result.get('split', 'dev')}'s direct quotes", "",
             f"Produced by `{result['command']}` ({result['articles']} articles).", "",
             "| gold mention | labelled | matched | right | speaker acc |", "|:---|---:|---:|---:|---:|"]
    for key, row in result["rows"].items():
        acc = "n/a" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
        lines.append(f"| {key} | {row['labelled']} | {row['matched']} | {row['right']} | {acc} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m quoteattr.eval.polnear_speakers", description=__doc__.split("\n")[0])
    p.add_argument("--polnear", type=Path, required=True, help="PolNeAR data directory (holding dev/ and train/)")
    p.add_argument("--split", choices=SPLITS, default="dev", help="PolNeAR compartment to score (default: dev)")
    p.add_argument("--labels", type=Path, help="speaker labels (default: the packaged file of --split)")
    p.add_argument("--model", help="checkpoint directory (default: the shipped model)")
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--out-dir", type=Path, help="write polnear_speakers.json and POLNEAR_SPEAKERS.md here")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from quoteattr.train.polnear import PolnearFormatError, read_split

    try:
        labels = load_labels(args.labels or labels_path(args.split))
        articles = {a.doc_id: a.text for a in read_split(args.polnear, args.split)}
    except (OSError, ValueError, PolnearFormatError) as e:
        print(f"{p.prog}: {' '.join(str(e).split())}", file=sys.stderr)
        return 1
    missing = sorted(set(labels) - set(articles))
    if missing:
        print(f"{p.prog}: {len(missing)} labelled articles are not in {args.polnear}/{args.split} (e.g. {missing[0]})",
              file=sys.stderr)
        return 1
    from quoteattr.attributor import QuoteAttributor

    qa = QuoteAttributor.load(args.model)
    ids = sorted(labels)
    preds = dict(zip(ids, qa.predict_batch([articles[i] for i in ids], batch_size=args.batch_size, progress=True)))
    result = score(labels, preds)
    result["split"] = args.split
    result["command"] = " ".join(["python -m quoteattr.eval.polnear_speakers", *(argv if argv is not None else sys.argv[1:])])
    for key, row in result["rows"].items():
        log.info("%-12s matched %4d/%-4d right %4d/%-4d (%.3f)", key, row["matched"], row["labelled"],
                 row["right"], row["matched"], row["accuracy"] or 0.0)
    if args.out_dir:
        json_name, md_name = report_names(args.split)
        args.out_dir.mkdir(parents=True, exist_ok=True)
        (args.out_dir / json_name).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
        (args.out_dir / md_name).write_text(markdown(result), encoding="utf-8")
        log.info("wrote %s", args.out_dir / md_name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
