"""Quality of each inference setting the speed benchmark times, side by side.

A speed change is kept only if quality holds (within 0.5 F1 point on the labelled set
and PolNeAR dev), so every setting in benchmarks/RESULTS.md is scored here with
``quoteattr evaluate``: precision (fp32 / bf16 / int8) and window/overlap. Results go
to benchmarks/quality.json and benchmarks/QUALITY.md (the README quotes the latter).

    python benchmarks/bench_quality.py --polnear PATH/TO/PolNeAR/data
    python benchmarks/bench_quality.py --polnear ... --configs bf16:512:128,bf16:256:64
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from bench_predict import write_results  # benchmarks/ is on sys.path when run as a script

log = logging.getLogger("bench_quality")
HERE = Path(__file__).resolve().parent
DEFAULT_CONFIGS = "bf16:512:128,fp32:512:128,int8:512:128,bf16:256:64"


def score(precision: str, window: int, overlap: int, polnear: Path | None, model: str | None = None) -> dict:
    """Evaluate one setting (of the shipped model, or of ``model``) on the labelled set
    (all splits) and PolNeAR dev."""
    from quoteattr.eval.cli import build_parser, evaluate

    argv = ["--split", "all", "--no-baseline", "--window", str(window), "--overlap", str(overlap)]
    argv += {"fp32": ["--no-bf16"], "bf16": ["--bf16"], "int8": ["--quantize", "--no-bf16"]}[precision]
    if polnear is not None:
        argv += ["--polnear", str(polnear), "--polnear-split", "dev"]
    if model:
        argv += ["--model", model]
    with tempfile.TemporaryDirectory() as tmp:
        args = build_parser(None).parse_args(argv + ["--out-dir", tmp])
        report = evaluate(args, "quoteattr evaluate " + " ".join(argv))
    lab = report["labelled"]["model"]
    row = {
        "precision": precision, "window": window, "overlap": overlap,
        "model": Path(model).name if model else "shipped",
        "labelled_e2e_f1": lab["kinds"]["all"]["lenient"]["e2e"]["f1"],
        "labelled_lenient_f1": lab["kinds"]["all"]["lenient"]["f1"],
        "direct_speaker_acc": lab["kinds"]["direct"]["lenient"]["speaker_accuracy"],
    }
    if polnear is not None:
        rows = report["polnear"]["model"]["rows"]
        row.update({
            "polnear_content_f1": rows["CONTENT"]["exact"]["f1"],
            "polnear_direct_content_f1": rows["CONTENT_DIRECT"]["exact"]["f1"],
            "polnear_source_f1": rows["SOURCE"]["exact"]["f1"],
            "polnear_attribution_f1": rows["ATTRIBUTION"]["exact"]["f1"],
        })
    log.info("%s", row)
    return row


def to_markdown(meta: dict, rows: list[dict]) -> str:
    base = rows[0]
    cols = [("labelled_e2e_f1", "labelled e2e F1"), ("labelled_lenient_f1", "labelled lenient F1"),
            ("direct_speaker_acc", "direct speaker acc"), ("polnear_content_f1", "PolNeAR content F1"),
            ("polnear_direct_content_f1", "PolNeAR direct content F1"), ("polnear_source_f1", "PolNeAR source F1"),
            ("polnear_attribution_f1", "PolNeAR attribution F1")]
    cols = [c for c in cols if c[0] in base]
    models = any(r.get("model", "shipped") != "shipped" for r in rows)
    lines = [
        "# Quality of each inference setting",
        "",
        f"Produced by `{meta['command']}` on {meta['date']}: the labelled set (all {meta['articles']} "
        "articles, dev and test) and PolNeAR dev, scored by `quoteattr evaluate`. In brackets: "
        f"the change in F1 points from the first row ({base['precision']}, window "
        f"{base['window']}/{base['overlap']}), the shipped default.",
        "",
        "| precision | window/overlap | " + ("model | " if models else "") + " | ".join(c[1] for c in cols) + " |",
        "|---|---|" + ("---|" if models else "") + "---:|" * len(cols),
    ]
    for r in rows:
        cells = []
        for key, _ in cols:
            delta = 100 * (r[key] - base[key])
            cells.append(f"{r[key]:.3f}" + ("" if r is base else f" ({delta:+.1f})"))
        lines.append(f"| {r['precision']} | {r['window']}/{r['overlap']} | "
                     + (f"{r.get('model', 'shipped')} | " if models else "") + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--polnear", type=Path, help="PolNeAR data directory (dev is scored when given)")
    p.add_argument("--configs", default=DEFAULT_CONFIGS,
                   help="comma-separated PRECISION:WINDOW:OVERLAP[:MODEL_DIR] settings; the first is the "
                        "baseline; MODEL_DIR scores another checkpoint (default: the shipped model)")
    p.add_argument("--out", default=str(HERE))
    p.add_argument("--name", default="", help="suffix of the output files (quality{_NAME}.json, QUALITY{_NAME}.md)")
    args = p.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from quoteattr.eval.format import load_labelled

    n_articles = len(load_labelled())  # read once: every setting is scored on the same set
    rows = []
    for spec in args.configs.split(","):
        precision, window, overlap, *model = spec.split(":", 3)
        rows.append(score(precision, int(window), int(overlap), args.polnear, model[0] if model else None))
    meta = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
            "command": " ".join(["python", "benchmarks/bench_quality.py", *sys.argv[1:]]),
            "articles": n_articles}
    suffix = f"_{args.name}" if args.name else ""
    write_results(Path(args.out), f"quality{suffix}", f"QUALITY{suffix}", meta, rows, to_markdown(meta, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
