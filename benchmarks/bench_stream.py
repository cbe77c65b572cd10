"""Memory of ``quoteattr predict --jsonl`` while it streams many lines.

Feeds ``--lines`` JSON lines (paragraphs of the labelled articles, cycled) to the CLI
in a subprocess, reads its output as it comes, and samples the subprocess's resident
memory (VmRSS) as lines go through. Flat memory means the run does not hold its input
or output: RSS after 10% of the lines and at the end should be about the same.

    python benchmarks/bench_stream.py --lines 10000
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELLED = HERE.parent / "eval" / "data" / "labelled.jsonl"


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lines", type=int, default=10000)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--out", default=str(HERE))
    args = p.parse_args()
    texts = [json.loads(l)["text"] for l in LABELLED.read_text(encoding="utf-8").splitlines() if l.strip()]
    paras = [q for t in texts for q in t.split("\n") if len(q.split()) > 20]
    proc = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", "predict", "--jsonl", "--batch-size", str(args.batch_size), "--no-progress"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )

    def feed() -> None:
        for i in range(args.lines):
            proc.stdin.write(json.dumps({"id": i, "text": paras[i % len(paras)]}) + "\n")
        proc.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    samples, done, t0 = [], 0, time.perf_counter()
    marks = {int(args.lines * f) for f in (0.1, 0.25, 0.5, 0.75)} | {args.lines}
    for line in proc.stdout:
        done += 1
        if done in marks:
            samples.append({"lines_done": done, "rss_mb": round(rss_mb(proc.pid), 1),
                            "seconds": round(time.perf_counter() - t0, 1)})
            print(samples[-1], file=sys.stderr, flush=True)
    proc.wait()
    result = {"lines": args.lines, "batch_size": args.batch_size, "returncode": proc.returncode,
              "output_lines": done, "samples": samples,
              "rss_growth_mb_after_10pct": round(samples[-1]["rss_mb"] - samples[0]["rss_mb"], 1)}
    (Path(args.out) / "stream.json").write_text(json.dumps(result, indent=2) + "\n")
    md = ["# Streaming memory", "",
          f"Produced by `python benchmarks/bench_stream.py --lines {args.lines}`: `quoteattr predict --jsonl "
          f"--batch-size {args.batch_size}` on {args.lines} lines (one paragraph each).", "",
          "| lines done | RSS (MB) | seconds |", "|---|---|---|"]
    md += [f"| {s['lines_done']} | {s['rss_mb']} | {s['seconds']} |" for s in samples]
    md += ["", f"RSS growth from 10% of the lines to the end: {result['rss_growth_mb_after_10pct']} MB; "
           f"{done} output lines for {args.lines} input lines."]
    (Path(args.out) / "STREAM.md").write_text("\n".join(md) + "\n")
    print("\n".join(md))
    return 0 if proc.returncode == 0 and done == args.lines else 1


if __name__ == "__main__":
    sys.exit(main())
