"""Keep the README's figures equal to the reports that produced them.

The README quotes tables from ``eval/REPORT.md`` (written by ``quoteattr evaluate``),
``eval/POLNEAR_SPEAKERS.md`` and ``eval/POLNEAR_TRAIN_SPEAKERS.md`` (written by
``python -m quoteattr.eval.polnear_speakers``) and
``benchmarks/RESULTS.md`` (written by ``benchmarks/bench_predict.py``), and a listing from
``quoteattr predict`` on the Panjshir article. Copying them by hand invites typed numbers
that drift from the runs, so each quoted block sits between markers::

    <!-- begin: eval-quotes -->
    ...
    <!-- end: eval-quotes -->

and this module rewrites the blocks from their sources. ``--check`` (used by the tests)
fails when the README no longer matches the committed reports.

    python -m quoteattr.eval.readme README.md            # rewrite the blocks
    python -m quoteattr.eval.readme README.md --check    # exit 1 if out of date
    python -m quoteattr.eval.readme README.md --panjshir # also re-run predict on Panjshir
"""
from __future__ import annotations

import argparse
import logging
import re
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

_BLOCK = re.compile(r"(<!-- begin: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- end: (?P=name) -->)", re.DOTALL)


def markdown_table(markdown: str, header_start: str) -> str:
    """The table in ``markdown`` whose header row starts with ``header_start``."""
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(header_start):
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            return "\n".join(lines[i:j]) + "\n"
    raise KeyError(f"no table starting {header_start!r}")


def report_line(markdown: str, prefix: str) -> str:
    """The first line of ``markdown`` that starts with ``prefix``."""
    for line in markdown.splitlines():
        if line.startswith(prefix):
            return line + "\n"
    raise KeyError(f"no line starting {prefix!r}")


def blocks(root: Path, panjshir: str | None = None) -> dict[str, str]:
    """The current text of every block, from the committed reports (and a fresh run)."""
    report = (root / "eval" / "REPORT.md").read_text(encoding="utf-8")
    bench = (root / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    out = {
        "eval-command": report_line(report, "- **Command:**"),
        "eval-quotes": markdown_table(report, "| quotes |"),
        "eval-mentions": markdown_table(report, "| gold mention |"),
        "eval-polnear": markdown_table(report, "| span |"),
        "bench-command": report_line(bench, "Produced by"),
        "bench-table": markdown_table(bench, "| system |"),
    }
    gpu = root / "benchmarks" / "RESULTS_gpu.md"
    if gpu.exists():  # written on a GPU machine, when one was at hand
        gpu_md = gpu.read_text(encoding="utf-8")
        out["bench-gpu-command"] = report_line(gpu_md, "Produced by")
        out["bench-gpu-table"] = markdown_table(gpu_md, "| system |")
    for stem, key, header in (("RESULTS_students", "students-speed", "| system |"),
                              ("QUALITY_students", "students-quality", "| precision |")):
        path = root / "benchmarks" / f"{stem}.md"
        if path.exists():  # smaller students of the shipped model, timed and scored beside it
            text = path.read_text(encoding="utf-8")
            out[f"{key}-command"] = report_line(text, "Produced by")
            out[f"{key}-table"] = markdown_table(text, header)
    for stem, key in (("POLNEAR_SPEAKERS", "polnear-speakers"), ("POLNEAR_TRAIN_SPEAKERS", "polnear-train-speakers")):
        speakers = root / "eval" / f"{stem}.md"
        if speakers.exists():  # written by quoteattr.eval.polnear_speakers from the user's PolNeAR clone
            text = speakers.read_text(encoding="utf-8")
            out[f"{key}-command"] = report_line(text, "Produced by")
            out[f"{key}-table"] = markdown_table(text, "| gold mention |")
    quality = root / "benchmarks" / "QUALITY.md"
    if quality.exists():
        out["quality-table"] = markdown_table(quality.read_text(encoding="utf-8"), "| precision |")
    if panjshir is not None:
        out["panjshir"] = "```\n" + panjshir.rstrip("\n") + "\n```\n"
    return out


def run_panjshir(root: Path) -> str:
    """What ``quoteattr predict`` prints for the Panjshir article with the shipped model."""
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "predict", "eval/data/panjshir-article.txt"],
        cwd=root, capture_output=True, text=True, check=True,
    )
    return proc.stdout


def sync(readme: str, new: dict[str, str]) -> str:
    """``readme`` with every marked block that ``new`` knows replaced."""
    def repl(m: re.Match) -> str:
        name = m.group("name")
        return m.group(1) + new[name] + m.group(4) if name in new else m.group(0)

    return _BLOCK.sub(repl, readme)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m quoteattr.eval.readme", description=__doc__.split("\n")[0])
    p.add_argument("readme", type=Path)
    p.add_argument("--check", action="store_true", help="exit 1 if a block differs from its source")
    p.add_argument("--panjshir", action="store_true", help="re-run predict on the Panjshir article")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    root = args.readme.resolve().parent
    text = args.readme.read_text(encoding="utf-8")
    new = sync(text, blocks(root, run_panjshir(root) if args.panjshir else None))
    if args.check:
        stale = [m.group("name") for m, n in zip(_BLOCK.finditer(text), _BLOCK.finditer(new))
                 if m.group(0) != n.group(0)]
        if stale:
            print(f"{args.readme}: out of date with the reports: {', '.join(stale)}", file=sys.stderr)
            return 1
        return 0
    if new != text:
        args.readme.write_text(new, encoding="utf-8")
        log.info("updated %s", args.readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
