"""Speed and memory of the shipped model (and the rule baseline) on realistic articles.

Articles are the labelled set's texts, joined and cut into ~800-word articles at
paragraph breaks, repeated to ``--articles``. Each configuration runs in its own
subprocess so its model load time and peak RSS are its own. Results go to
benchmarks/results.json and benchmarks/RESULTS.md (the README quotes the latter).

    python benchmarks/bench_predict.py                 # defaults: 200 articles
    python benchmarks/bench_predict.py --articles 50   # quicker
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger("bench")
HERE = Path(__file__).resolve().parent
LABELLED = HERE.parent / "eval" / "data" / "labelled.jsonl"


def make_articles(n: int, words: int = 800) -> list[str]:
    """~``words``-word articles cut at paragraph breaks from the labelled texts."""
    texts = [json.loads(l)["text"] for l in LABELLED.read_text(encoding="utf-8").splitlines() if l.strip()]
    paras = [p for t in texts for p in t.split("\n") if p.strip()]
    arts, cur, count, i = [], [], 0, 0
    while len(arts) < n:
        p = paras[i % len(paras)]
        i += 1
        cur.append(p)
        count += len(p.split())
        if count >= words:
            arts.append("\n\n".join(cur))
            cur, count = [], 0
    return arts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def worker(mode: str, batch: int, n: int, device: str, precision: str,
           window: int | None = None, overlap: int | None = None, model: str | None = None) -> dict:
    """One configuration, measured inside this (fresh) process."""
    import torch

    arts = make_articles(n)
    if mode.startswith("workers"):
        return _time_workers(int(mode.split(":")[1]), batch, arts, precision, window, overlap)
    t0 = time.perf_counter()
    if mode == "baseline":
        from quoteattr.eval.baseline import RuleBaseline

        qa = RuleBaseline()
    else:
        from quoteattr import QuoteAttributor

        qa = QuoteAttributor.load(model, device=device, quantize=precision == "int8", bf16=precision == "bf16",
                                  window=window, overlap=overlap)
    load_s = time.perf_counter() - t0
    if mode != "baseline":
        tokens = sum(len(qa.tokenizer(a, add_special_tokens=False, verbose=False)["input_ids"]) for a in arts)
        qa.predict_batch(arts[:2])  # warm-up: first-call allocations, not steady state
    else:
        tokens = 0
    t0 = time.perf_counter()
    n_quotes = 0
    if batch == 1:
        for a in arts:
            n_quotes += len(qa(a))
    else:
        for i in range(0, len(arts), batch):
            n_quotes += sum(len(q) for q in qa.predict_batch(arts[i : i + batch]))
    if device.startswith("cuda"):
        torch.cuda.synchronize()
    run_s = time.perf_counter() - t0
    return {
        "mode": mode, "batch": batch, "device": device, "precision": precision, "articles": len(arts),
        **({"model": Path(model).name} if model and mode != "baseline" else {}),
        "window": None if mode == "baseline" else f"{qa.max_length}/{qa.stride}",
        "words_per_article": round(sum(len(a.split()) for a in arts) / len(arts)),
        "load_s": round(load_s, 3), "run_s": round(run_s, 3),
        "articles_per_s": round(len(arts) / run_s, 2),
        "tokens_per_s": round(tokens / run_s) if tokens else None,
        "peak_rss_mb": round(peak_rss_mb(), 1), "quotes": n_quotes,
        **({"peak_gpu_mb": round(torch.cuda.max_memory_allocated() / 2**20, 1)} if device.startswith("cuda") else {}),
    }


def _time_workers(workers: int, batch: int, arts: list[str], precision: str,
                  window: int | None, overlap: int | None) -> dict:
    """``quoteattr predict --jsonl --workers N``'s code path, timed in this process:
    JSON Lines in, JSON Lines out, batches spread over N single-threaded processes.
    Peak RSS is this process plus N times the largest worker's."""
    import io

    from quoteattr.cli import run_jsonl
    from quoteattr.workers import WorkerPool

    if precision not in ("bf16", "fp32"):
        raise ValueError("worker processes are timed in bf16 or fp32")
    t0 = time.perf_counter()
    kwargs = {"device": "cpu", "bf16": precision == "bf16", "window": window, "overlap": overlap}
    with WorkerPool(workers, kwargs) as pool:
        for r in [pool.submit(arts[:1]) for _ in range(workers)]:
            r.get()  # every worker loaded and warm
        load_s = time.perf_counter() - t0
        stdin = io.StringIO("".join(json.dumps({"id": i, "text": a}) + "\n" for i, a in enumerate(arts)))
        stdout = io.StringIO()
        t0 = time.perf_counter()
        run_jsonl(None, stdin, stdout, batch, False, False, pool=pool)
        run_s = time.perf_counter() - t0
    n_quotes = sum(len(json.loads(line)["quotes"]) for line in stdout.getvalue().splitlines())
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    from quoteattr.encoder import load_tokenizer

    tok = load_tokenizer()
    tokens = sum(len(tok(a, add_special_tokens=False, verbose=False)["input_ids"]) for a in arts)
    return {
        "mode": "workers", "workers": workers, "batch": batch, "device": "cpu", "precision": precision,
        "articles": len(arts), "window": f"{window}/{overlap}" if window else "512/128",
        "words_per_article": round(sum(len(a.split()) for a in arts) / len(arts)),
        "load_s": round(load_s, 3), "run_s": round(run_s, 3),
        "articles_per_s": round(len(arts) / run_s, 2), "tokens_per_s": round(tokens / run_s),
        "peak_rss_mb": round(peak_rss_mb() + workers * child, 1), "quotes": n_quotes,
    }


def run_config(args: argparse.Namespace, mode: str, batch: int, device: str, precision: str,
               window: tuple[int, int] | None = None, model: str | None = None) -> dict:
    cmd = [sys.executable, __file__, "--worker", mode, "--batch", str(batch), "--articles", str(args.articles),
           "--device", device, "--precision", precision]
    if window is not None:
        cmd += ["--window", str(window[0]), "--overlap", str(window[1])]
    if model:
        cmd += ["--model", model]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    res = json.loads(out.stdout.strip().splitlines()[-1])
    log.info("%s", res)
    return res


def write_results(out: Path, json_stem: str, md_stem: str, meta: dict, rows: list[dict], markdown: str) -> None:
    """The JSON (for scripts) and Markdown (for people and the README) of one run."""
    (out / f"{json_stem}.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=2) + "\n")
    (out / f"{md_stem}.md").write_text(markdown)
    print(markdown)


def to_markdown(meta: dict, rows: list[dict]) -> str:
    lines = [
        "# Inference benchmark",
        "",
        f"Produced by `{meta['command']}` on {meta['date']}: "
        f"{meta['machine']}, torch {meta['torch']}, {meta['threads']} threads"
        + (f", GPU {meta['gpu']}." if meta.get("gpu") else "."),
        "",
        "| system | device | precision | window/overlap | batch | articles/s | tokens/s | model load (s) | peak RSS (MB) | quotes |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        system = {"baseline": "rule baseline", "workers": f"quoteattr, {r.get('workers')} worker processes"}.get(
            r["mode"], f"quoteattr ({r['model']})" if r.get("model") else "quoteattr (shipped)")
        lines.append(
            f"| {system} | {r['device']} | {r['precision']} | {r.get('window') or '-'} | {r['batch']} | {r['articles_per_s']} | "
            f"{r['tokens_per_s'] or '-'} | {r['load_s']} | {r['peak_rss_mb']}"
            + (f" (GPU {r['peak_gpu_mb']})" if r.get("peak_gpu_mb") else "") + f" | {r['quotes']} |"
        )
    lines += ["", f"Articles: {meta['articles']} of about {rows[0]['words_per_article']} words, cut from the labelled set. "
              "Quality per precision: `quoteattr evaluate --bf16` / `--no-bf16` / `--quantize` (see README). "
              "Worker rows time `quoteattr predict --jsonl --workers N` (N processes, one thread and one model "
              "each; output identical to one process); their load is the time until every worker is ready, "
              "their peak RSS the parent's plus N times the largest worker's."]
    return "\n".join(lines) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--batches", default="1,16,32", help="comma-separated batch sizes")
    p.add_argument("--out", default=str(HERE))
    p.add_argument("--precisions", default="fp32,bf16,int8",
                   help="encoder precisions to time (bf16 is the default where the CPU has bf16 arithmetic)")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--batch", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument("--windows", default="512:128,256:64",
                   help="comma-separated WINDOW:OVERLAP token settings to time (512:128 is the shipped model's)")
    p.add_argument("--workers", default="2" if (os.cpu_count() or 1) > 1 else "",
                   help="comma-separated worker-process counts to time with predict --jsonl --workers "
                        "(bf16 where fast, else fp32; 512/128 windows; the smallest batch size); '' for none")
    p.add_argument("--devices", default="auto",
                   help="comma-separated devices to time the model on; 'auto' is cpu plus cuda when present")
    p.add_argument("--name", default="",
                   help="suffix of the output files (results{_NAME}.json, RESULTS{_NAME}.md), so a GPU "
                        "machine's run does not overwrite this machine's table")
    p.add_argument("--models", default="shipped",
                   help="comma-separated checkpoint directories to time; 'shipped' is the shipped model "
                        "(a student from configs/minilm-polnear-student.yaml, say)")
    p.add_argument("--model", help=argparse.SUPPRESS)
    p.add_argument("--window", type=int, help=argparse.SUPPRESS)
    p.add_argument("--overlap", type=int, help=argparse.SUPPRESS)
    p.add_argument("--device", default="cpu", help=argparse.SUPPRESS)
    p.add_argument("--precision", default="fp32", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.batch, args.articles, args.device, args.precision,
                                args.window, args.overlap, args.model)))
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.model and args.models == "shipped":
        args.models = args.model
    import torch

    if args.devices == "auto":
        devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    else:
        devices = [d for d in args.devices.split(",") if d]
    rows = [run_config(args, "baseline", 1, "cpu", "-")]
    for device in devices:
        for prec in args.precisions.split(","):
            if device != "cpu" and prec == "int8":
                continue
            for spec in args.windows.split(","):
                window = tuple(int(x) for x in spec.split(":"))
                for b in (int(x) for x in args.batches.split(",")):
                    for model in args.models.split(","):
                        rows.append(run_config(args, "model", b, device, prec, window,
                                               None if model == "shipped" else model))
    from quoteattr.attributor import _has_fast_bf16

    for n in (int(x) for x in args.workers.split(",") if x and "cpu" in devices):
        batch = min(int(x) for x in args.batches.split(","))  # small batches keep every worker busy
        rows.append(run_config(args, f"workers:{n}", batch, "cpu", "bf16" if _has_fast_bf16("cpu") else "fp32"))
    meta = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d"), "articles": args.articles,
            "command": " ".join(["python", "benchmarks/bench_predict.py", *sys.argv[1:]]),
            "machine": f"{platform.machine()} {os.cpu_count()} cores", "torch": torch.__version__,
            "threads": torch.get_num_threads()}
    if "cuda" in devices:
        meta["gpu"] = torch.cuda.get_device_name(0)
    suffix = f"_{args.name}" if args.name else ""
    write_results(Path(args.out), f"results{suffix}", f"RESULTS{suffix}", meta, rows, to_markdown(meta, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
