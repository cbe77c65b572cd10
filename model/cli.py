"""The ``quoteattr`` command: predict, train, evaluate.

Input checking and error messages live here; every piece of logic is in the API the
command calls. Bad input gets one line on stderr and a non-zero exit, never a
traceback, and one bad document never costs the others their output.
"""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

log = logging.getLogger("quoteattr")
EXIT_BAD_INPUT = 1
EXIT_FAILURE = 2


class InputError(ValueError):
    """Input the command refuses, with the message the user sees."""


def _err(msg: str) -> None:
    print(f"quoteattr: {msg}", file=sys.stderr, flush=True)


def read_text_file(path: str) -> str:
    """A file's text, or InputError saying why it is not usable UTF-8 text."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from exc


def parse_jsonl_line(line: str, lineno: int) -> tuple[object, str]:
    """(id, text) from one input line, or InputError naming the line and the reason."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {lineno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(obj, dict):
        raise InputError(f"line {lineno}: expected a JSON object with \"text\"")
    if "text" not in obj:
        raise InputError(f"line {lineno}: no \"text\" field")
    if not isinstance(obj["text"], str):
        raise InputError(f"line {lineno}: \"text\" must be a string, got {type(obj['text']).__name__}")
    return obj.get("id", lineno), obj["text"]


def format_quotes(name: str, quotes) -> str:
    """Quotes laid out for a person to read."""
    lines = [f"== {name}: {len(quotes)} quote{'s' if len(quotes) != 1 else ''} =="]
    for i, q in enumerate(quotes, 1):
        who = q.speaker or "(no speaker)"
        extra = []
        if q.speaker_mention and q.speaker_mention != q.speaker:
            extra.append(f"via “{q.speaker_mention}”")
        if q.cue:
            extra.append(f"cue “{q.cue}”")
        tail = f"  [{', '.join(extra)}]" if extra else ""
        lines.append(f"{i:>3}. {q.kind:<8} {who}{tail}  score {q.score:.2f}")
        lines.append(f"     “{q.text}”  ({q.start}-{q.end})")
    return "\n".join(lines)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_jsonl(qa, stdin: TextIO, stdout: TextIO, batch_size: int, strict: bool, progress: bool,
              pool=None) -> int:
    """Stream JSON Lines: read a batch, predict, write, flush; memory stays flat.

    A bad line is answered in place, as ``{"id": ..., "quotes": [], "error": ...}``, so
    the output keeps one line per input line in the same order. With a ``pool``
    (``workers.WorkerPool``) batches go to worker processes; at most two per worker are
    in flight, so memory stays flat there too, and output keeps the input order.
    """
    from tqdm.auto import tqdm

    failures = 0
    pending: deque = deque()  # (parsed lines, result) in input order

    def write_oldest() -> None:
        nonlocal failures
        parsed, result = pending.popleft()
        if result is None:
            quotes = iter([])
        elif pool is None:
            quotes = iter(result)
        else:
            try:
                quotes = iter(result.get())
            except RuntimeError as exc:
                raise InputError(str(exc)) from exc
        for lineno, doc_id, text, error in parsed:
            if error is not None:
                failures += 1
                _err(error)
                out = {"id": doc_id, "quotes": [], "error": error}
            else:
                found = next(quotes)
                out = {"id": doc_id, "quotes": found if pool is not None else [q.to_dict() for q in found]}
            stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()

    lines = tqdm(enumerate(stdin, 1), desc="articles", unit="art", disable=not progress, file=sys.stderr)
    for chunk in _chunks(lines, batch_size):
        parsed: list[tuple[int, object, str | None, str | None]] = []
        for lineno, line in chunk:
            if not line.strip():
                parsed.append((lineno, lineno, None, f"line {lineno}: empty line"))
                continue
            try:
                doc_id, text = parse_jsonl_line(line, lineno)
                parsed.append((lineno, doc_id, text, None))
            except InputError as exc:
                if strict:
                    while pending:  # earlier batches still get their output
                        write_oldest()
                    _err(f"{exc} (stopping: --strict)")
                    return EXIT_BAD_INPUT
                parsed.append((lineno, _id_of(line, lineno), None, str(exc)))
        texts = [t for _, _, t, _ in parsed if t is not None]
        if not texts:
            pending.append((parsed, None))
        elif pool is None:
            pending.append((parsed, qa.predict_batch(texts)))
        else:
            pending.append((parsed, pool.submit(texts)))
        while len(pending) > (2 * pool.workers if pool is not None else 0):
            write_oldest()
    while pending:
        write_oldest()
    return EXIT_BAD_INPUT if failures else 0


def _id_of(line: str, lineno: int) -> object:
    try:
        obj = json.loads(line)
        return obj.get("id", lineno) if isinstance(obj, dict) else lineno
    except json.JSONDecodeError:
        return lineno


def load_model(path: str | None, device: str | None, window: int | None = None, overlap: int | None = None):
    """The attributor, or InputError when the checkpoint is missing or unreadable."""
    from quoteattr.attributor import QuoteAttributor

    try:
        return QuoteAttributor.load(path, device=device, window=window, overlap=overlap)
    except (FileNotFoundError, ValueError) as exc:
        raise InputError(f"cannot load model: {exc}") from exc


def check_model(path: str | None) -> None:
    """The checks ``QuoteAttributor.load`` makes on a checkpoint's files, without loading
    it: worker processes load their own copies, and a bad path must fail here, once."""
    from quoteattr.attributor import LINKER_FILE, SHIPPED_DIR
    from quoteattr.encoder import TAGGER_FILE

    ckpt = Path(path) if path else SHIPPED_DIR
    if not ckpt.is_dir():
        raise InputError(f"cannot load model: model directory not found: {ckpt}")
    for name in (TAGGER_FILE, LINKER_FILE):
        if not (ckpt / name).is_file():
            raise InputError(f"cannot load model: {ckpt} has no {name}")


def cmd_predict(args: argparse.Namespace) -> int:
    if not args.jsonl and not args.files:
        raise InputError("predict needs FILE arguments, or --jsonl to read JSON Lines from stdin")
    if args.batch_size < 1:
        raise InputError("--batch-size must be at least 1")
    status = 0
    texts, names = [], []
    if not args.jsonl:
        # Read and check every file before paying for the model, so bad paths fail fast.
        for path in args.files:
            try:
                texts.append(sys.stdin.read() if path == "-" else read_text_file(path))
                names.append("<stdin>" if path == "-" else path)
            except InputError as exc:
                _err(str(exc))
                status = EXIT_BAD_INPUT
                if args.strict:
                    return status
        if not texts:
            return status
    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    if args.workers > 1 and not args.jsonl:
        raise InputError("--workers is for --jsonl input")
    if args.jsonl and args.workers > 1:
        from quoteattr.workers import WorkerPool

        check_model(args.model)
        progress = args.progress if args.progress is not None else sys.stderr.isatty()
        load_kwargs = {"path": args.model, "device": args.device or "cpu", "window": args.window, "overlap": args.overlap}
        with WorkerPool(args.workers, load_kwargs) as pool:
            return run_jsonl(None, sys.stdin, sys.stdout, args.batch_size, args.strict, progress, pool=pool)
    qa = load_model(args.model, args.device, args.window, args.overlap)
    if args.jsonl:
        progress = args.progress if args.progress is not None else sys.stderr.isatty()
        return run_jsonl(qa, sys.stdin, sys.stdout, args.batch_size, args.strict, progress)
    for chunk_names, chunk_texts in zip(_chunks(names, args.batch_size), _chunks(texts, args.batch_size)):
        for name, quotes in zip(chunk_names, qa.predict_batch(chunk_texts)):
            if args.json:
                print(json.dumps({"id": name, "quotes": [q.to_dict() for q in quotes]}, ensure_ascii=False))
            else:
                print(format_quotes(name, quotes) + "\n")
    return status


def _delegate(module: str, parser_fn: str = "build_parser"):
    """Subcommands whose code lives in quoteattr.train / quoteattr.eval, imported on use
    so that ``predict`` never loads training or evaluation code."""

    def add(sub: argparse.ArgumentParser) -> None:
        getattr(importlib.import_module(module), parser_fn)(sub)

    def run(args: argparse.Namespace) -> int:
        return importlib.import_module(module).main(args=args)

    return add, run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quoteattr", description="Find the quotations in news articles and who said them.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = subs.add_parser("predict", help="print the quotes of articles")
    p.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files ('-' for stdin)")
    p.add_argument("--jsonl", action="store_true", help='read {"id", "text"} lines on stdin, write {"id", "quotes"} lines')
    p.add_argument("--json", action="store_true", help="with FILEs: one JSON line per file instead of text")
    p.add_argument("--model", help="checkpoint directory (default: the shipped model)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad input")
    p.add_argument("--batch-size", type=int, default=16, help="articles per batch (default 16)")
    p.add_argument("--device", help="torch device (default: cuda if available, else cpu)")
    p.add_argument("--window", type=int, metavar="TOKENS",
                   help="window length in tokens (default: the model's; shorter is faster, see benchmarks/)")
    p.add_argument("--overlap", type=int, metavar="TOKENS",
                   help="overlap between windows in tokens (default: the model's)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="with --jsonl: N worker processes with one model and one thread each "
                        "(faster on multi-core CPUs; ~0.5 GB memory per worker; default 1)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    p.set_defaults(func=cmd_predict)

    for name, module, help_ in (
        ("train", "quoteattr.train.trainer", "fine-tune a model on PolNeAR from a YAML config"),
        ("evaluate", "quoteattr.eval.cli", "score a model on labelled articles and PolNeAR"),
    ):
        sp = subs.add_parser(name, help=help_)
        add, run = _delegate(module)
        try:
            add(sp)
        except ImportError as exc:  # training/eval extras missing in a minimal install
            sp.set_defaults(func=lambda a, exc=exc, name=name: (_err(f"{name} is unavailable: {exc}"), EXIT_FAILURE)[1])
            continue
        sp.set_defaults(func=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the CLI's promise: no tracebacks
        if args.debug:
            raise
        _err(f"failed: {type(exc).__name__}: {exc} (rerun with --debug for details)")
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
