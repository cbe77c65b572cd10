"""``quoteattr evaluate`` / ``python -m quoteattr.eval``: score a model (and the rule
baseline) on the labelled articles and, optionally, PolNeAR; write report.json and REPORT.md.

Input checking lives here so that scoring code can assume clean input: a missing or
malformed labelled file, an empty split, an unloadable model or a missing PolNeAR
directory each end the run with one line on stderr and exit status 1.
"""
from __future__ import annotations

import argparse
import logging
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PROG = "quoteattr evaluate"
EXIT_BAD_INPUT = 1
EXIT_FAILURE = 2
DEFAULT_LABELLED = Path(__file__).parent / "data" / "labelled.jsonl"
SPLITS = ("dev", "test", "all")


class EvalInputError(ValueError):
    """Input the command refuses, with the one-line message the user sees."""


def _err(msg: str) -> None:
    print(f"{PROG}: {' '.join(str(msg).split())}", file=sys.stderr, flush=True)


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """Add the evaluate options to ``parser`` (a ``quoteattr`` subparser), or build a
    standalone parser when given None."""
    standalone = parser is None
    if parser is None:
        parser = argparse.ArgumentParser(
            prog="python -m quoteattr.eval",
            description="Score a quote-attribution model (and a rule baseline) on labelled articles and PolNeAR.",
        )
    parser.add_argument("--model", help="checkpoint directory (default: the shipped model)")
    parser.add_argument("--labelled", type=Path, default=DEFAULT_LABELLED,
                        help="labelled articles, JSON Lines (default: the packaged eval/data/labelled.jsonl)")
    parser.add_argument("--split", choices=SPLITS, default="test",
                        help="labelled split to score (default: test, the held-out one)")
    parser.add_argument("--polnear", type=Path, help="PolNeAR data directory (optional; skipped when not given)")
    parser.add_argument("--polnear-split", default="dev", help="PolNeAR split (default: dev)")
    parser.add_argument("--polnear-limit", type=_positive_int, metavar="N", help="score only the first N PolNeAR articles")
    parser.add_argument("--out-dir", type=Path,
                        help="where report.json and REPORT.md go (default: ./eval if it exists, else .)")
    parser.add_argument("--no-baseline", action="store_true", help="do not run the rule baseline")
    parser.add_argument("--batch-size", type=_positive_int, default=16, help="articles per prediction batch (default 16)")
    parser.add_argument("--device", help="torch device for the model (default: cuda if available, else cpu)")
    parser.add_argument("--bf16", action=argparse.BooleanOptionalAction, default=None,
                        help="run the model in bfloat16 (default: where the hardware has bf16 arithmetic)")
    parser.add_argument("--window", type=_positive_int, metavar="TOKENS",
                        help="window length in tokens at inference (default: the checkpoint's)")
    parser.add_argument("--overlap", type=int, metavar="TOKENS",
                        help="overlap between windows in tokens (default: the checkpoint's)")
    parser.add_argument("--quantize", action="store_true",
                        help="score the model with dynamic int8 linear layers (CPU), to weigh speed against quality")
    if standalone:
        parser.add_argument("--debug", action="store_true", help="debug logging and tracebacks")
    parser.set_defaults(eval_standalone=standalone)
    return parser


# --------------------------------------------------------------------------- steps


def load_articles(path: Path, split: str) -> list[Any]:
    """The labelled articles of ``split`` ('all': every split), or EvalInputError."""
    from quoteattr.eval.format import FormatError, load_labelled

    if not path.exists():
        raise EvalInputError(f"labelled file not found: {path}")
    if path.is_dir():
        raise EvalInputError(f"labelled file is a directory: {path}")
    try:
        articles = load_labelled(path)
    except FormatError as exc:
        raise EvalInputError(f"bad labelled file: {exc}") from exc
    except OSError as exc:
        raise EvalInputError(f"cannot read labelled file {path}: {exc.strerror or exc}") from exc
    chosen = [a for a in articles if split == "all" or a.split == split]
    if not chosen:
        raise EvalInputError(f"no labelled articles in split {split!r} of {path}")
    log.info("%d labelled articles (split %s) from %s", len(chosen), split, path)
    return chosen


def load_model(path: str | None, device: str | None, quantize: bool = False, bf16: bool | None = None,
               window: int | None = None, overlap: int | None = None) -> Any:
    """The model to score, or EvalInputError saying why it cannot be loaded."""
    try:
        from quoteattr.attributor import QuoteAttributor

        return QuoteAttributor.load(path, device=device, quantize=quantize, bf16=bf16, window=window, overlap=overlap)
    except (FileNotFoundError, ValueError, OSError, KeyError) as exc:
        raise EvalInputError(f"cannot load model: {exc}") from exc


def load_polnear(root: Path, split: str, limit: int | None) -> list[Any]:
    from quoteattr.train.polnear import PolnearFormatError, read_split

    try:
        articles = read_split(root, split, limit)
    except (FileNotFoundError, PolnearFormatError, OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"cannot read PolNeAR: {exc}") from exc
    if not articles:
        raise EvalInputError(f"no PolNeAR articles in {root / split}")
    return articles


def predict_in_chunks(fn: Callable[[list[str]], list[Any]], texts: Sequence[str], desc: str,
                      batch_size: int, progress: bool) -> list[Any]:
    """``fn`` over ``texts`` in chunks, with a progress bar per article.

    Chunking here (rather than trusting each predictor's own batching) gives every
    system, the baseline and injected test doubles included, the same progress bar.
    """
    from tqdm.auto import tqdm

    out: list[Any] = []
    with tqdm(total=len(texts), desc=desc, unit="art", disable=not progress, file=sys.stderr) as bar:
        for i in range(0, len(texts), batch_size):
            chunk = list(texts[i : i + batch_size])
            res = list(fn(chunk))
            if len(res) != len(chunk):
                raise RuntimeError(f"{desc}: {len(res)} results for {len(chunk)} texts")
            out += res
            bar.update(len(chunk))
    return out


def default_out_dir() -> Path:
    """``./eval`` when run from the project root, else the current directory."""
    return Path("eval") if Path("eval").is_dir() else Path(".")


def command_line(argv: Sequence[str] | None, standalone: bool) -> str:
    """The command as a user would retype it, for the report header."""
    if argv is not None:
        return shlex.join(["python", "-m", "quoteattr.eval", *argv] if standalone else ["quoteattr", *argv])
    rest = sys.argv[1:]
    return shlex.join(["python", "-m", "quoteattr.eval", *rest] if standalone else ["quoteattr", *rest])


# --------------------------------------------------------------------------- the run


def evaluate(args: argparse.Namespace, command: str, predictor: Any | None = None) -> dict[str, Any]:
    """Run every step and return the report dict (also written to ``--out-dir``)."""
    from quoteattr.eval.report import build_report, write_reports
    from quoteattr.eval.score import score_labelled, score_polnear

    articles = load_articles(Path(args.labelled), args.split)
    polnear_articles = load_polnear(args.polnear, args.polnear_split, args.polnear_limit) if args.polnear else None
    out_dir = args.out_dir if args.out_dir is not None else default_out_dir()
    if out_dir.exists() and not out_dir.is_dir():
        raise EvalInputError(f"--out-dir is not a directory: {out_dir}")

    systems: dict[str, Any] = {"model": predictor if predictor is not None else load_model(
        args.model, args.device, getattr(args, "quantize", False), getattr(args, "bf16", None),
        getattr(args, "window", None), getattr(args, "overlap", None))}
    if not args.no_baseline:
        from quoteattr.eval.baseline import RuleBaseline

        systems["baseline"] = RuleBaseline()
    progress = sys.stderr.isatty()

    texts = [a.text for a in articles]
    labelled: dict[str, dict[str, Any]] = {}
    for name, system in systems.items():
        preds = predict_in_chunks(system.predict_batch, texts, f"{name}: labelled", args.batch_size, progress)
        labelled[name] = score_labelled(articles, preds)
        log.info("%s: %d errors on %d labelled articles", name, len(labelled[name]["errors"]), len(articles))

    polnear = None
    if polnear_articles is not None:
        polnear = {}
        ptexts = [a.text for a in polnear_articles]
        for name, system in systems.items():
            if not hasattr(system, "predict_spans"):
                log.warning("%s has no predict_spans; not scored on PolNeAR", name)
                continue
            preds = predict_in_chunks(system.predict_spans, ptexts, f"{name}: PolNeAR", args.batch_size, progress)
            polnear[name] = score_polnear(polnear_articles, preds)

    meta = {
        "command": command,
        "model": (args.model if args.model else "shipped (quoteattr/weights)")
        + (" [int8]" if getattr(args, "quantize", False) else "")
        + {True: " [bf16]", False: " [fp32]", None: ""}[getattr(args, "bf16", None)]
        + (f" [window {args.window}]" if getattr(args, "window", None) else "")
        + (f" [overlap {args.overlap}]" if getattr(args, "overlap", None) is not None else ""),
        "labelled": str(args.labelled),
        "split": args.split,
        "n_articles": len(articles),
        "n_gold": sum(len(a.quotes) for a in articles),
        "n_gold_direct": sum(q.kind == "direct" for a in articles for q in a.quotes),
        "n_gold_indirect": sum(q.kind == "indirect" for a in articles for q in a.quotes),
        "systems": list(systems),
        "polnear": str(args.polnear) if args.polnear else None,
        "polnear_split": args.polnear_split if args.polnear else None,
        "polnear_limit": args.polnear_limit if args.polnear else None,
        "polnear_articles": len(polnear_articles) if polnear_articles is not None else 0,
    }
    report = build_report(meta, labelled, polnear)
    try:
        paths = write_reports(report, out_dir)
    except OSError as exc:
        raise EvalInputError(f"cannot write the report to {out_dir}: {exc.strerror or exc}") from exc
    report["_paths"] = [str(p) for p in paths]
    return report


def _summary(report: dict[str, Any]) -> str:
    from quoteattr.eval.report import fmt

    parts = []
    for name, res in report["labelled"].items():
        k = res["kinds"]["all"]
        parts.append(f"{name}: lenient F1 {fmt(k['lenient']['f1'])}, speaker acc "
                     f"{fmt(k['lenient']['speaker_accuracy'])}, e2e F1 {fmt(k['lenient']['e2e']['f1'])}")
    return "; ".join(parts)


def main(argv: Sequence[str] | None = None, args: argparse.Namespace | None = None,
         predictor: Any | None = None) -> int:
    """Run the evaluation; 0 on success, 1 on bad input (one line on stderr).

    ``args`` comes from the ``quoteattr`` command, which has already parsed them;
    ``argv`` is for standalone and test use. ``predictor`` stands in for the model
    (anything with ``predict_batch`` and optionally ``predict_spans``), so tests need
    no trained checkpoint.
    """
    if args is None:
        args = build_parser(None).parse_args(argv)
    standalone = bool(getattr(args, "eval_standalone", False))
    debug = bool(getattr(args, "debug", False))
    if standalone:
        logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                            format="%(levelname)s %(name)s: %(message)s")
    try:
        report = evaluate(args, command_line(argv, standalone), predictor)
    except EvalInputError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - standalone promise: no tracebacks
        if not standalone or debug:
            raise  # under `quoteattr`, its main turns this into one line (exit 2)
        _err(f"failed: {type(exc).__name__}: {exc} (rerun with --debug for details)")
        return EXIT_FAILURE
    for path in report["_paths"]:
        print(f"wrote {path}")
    print(_summary(report))
    return 0
