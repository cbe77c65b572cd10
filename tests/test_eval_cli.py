"""The evaluate command and its report, with a fake model: no checkpoint, no training."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteattr.attributor import SpanPrediction
from quoteattr.eval.cli import DEFAULT_LABELLED, build_parser, main
from quoteattr.eval.format import GoldQuote, LabelledArticle, validate_file
from quoteattr.eval.report import fmt, render_markdown
from quoteattr.quote import Quote

TEXT = (
    "Mayor Jane Porter spoke on Monday.\n\n"
    '"We have no choice but to close it," Porter said.\n\n'
    "She said that the budget was approved by the council."
)


def _gold(text: str, sub: str, kind: str, mention: str, mtype: str) -> GoldQuote:
    s = text.index(sub)
    m = text.index(mention)
    return GoldQuote(s, s + len(sub), sub, kind, "Jane Porter", ("Porter",), mention, m, m + len(mention),
                     mtype, "said")


def write_labelled(path: Path, splits: tuple[str, ...] = ("dev",)) -> Path:
    rows = []
    for i, split in enumerate(splits):
        quotes = (
            _gold(TEXT, "We have no choice but to close it,", "direct", "Porter", "name"),
            _gold(TEXT, "the budget was approved by the council", "indirect", "She", "pronoun"),
        )
        art = LabelledArticle(f"bridge-{i}", split, "Bridge", "invented", TEXT, quotes, ("pronoun_speaker",))
        rows.append(json.dumps(art.to_dict(), ensure_ascii=False))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert validate_file(path) == []
    return path


class FakeModel:
    """Finds the direct quote, names the wrong speaker, misses the indirect one."""

    def predict_batch(self, texts):
        out = []
        for t in texts:
            s = t.find("We have")
            out.append([] if s < 0 else [Quote(s, s + 34, t[s : s + 34], "direct", "Tom Ade", "Ade")])
        return out

    def predict_spans(self, texts):
        return [SpanPrediction([], []) for _ in texts]


def run(args: list[str], capsys, predictor=None) -> tuple[int, str, list[str]]:
    code = main(args, predictor=predictor)
    cap = capsys.readouterr()
    return code, cap.out, [line for line in cap.err.splitlines() if line.strip()]


# --------------------------------------------------------------------------- error paths


def test_missing_labelled_file_is_one_line_exit_1(tmp_path, capsys):
    code, _, err = run(["--labelled", str(tmp_path / "nope.jsonl"), "--out-dir", str(tmp_path)], capsys, FakeModel())
    assert code == 1 and len(err) == 1
    assert err[0].startswith("quoteattr evaluate: ") and "not found" in err[0]
    assert not (tmp_path / "REPORT.md").exists()


def test_malformed_labelled_file(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    code, _, err = run(["--labelled", str(bad), "--out-dir", str(tmp_path)], capsys, FakeModel())
    assert code == 1 and len(err) == 1 and "line 1" in err[0]


def test_empty_split_is_an_error(tmp_path, capsys):
    lab = write_labelled(tmp_path / "l.jsonl", ("dev",))
    code, _, err = run(["--labelled", str(lab), "--split", "test", "--out-dir", str(tmp_path)], capsys, FakeModel())
    assert code == 1 and len(err) == 1 and "no labelled articles" in err[0]


def test_unloadable_model_is_an_error(tmp_path, capsys):
    lab = write_labelled(tmp_path / "l.jsonl")
    code, _, err = run(["--labelled", str(lab), "--split", "dev", "--model", str(tmp_path / "nomodel"),
                        "--out-dir", str(tmp_path)], capsys)
    assert code == 1 and len(err) == 1 and "cannot load model" in err[0]


def test_missing_polnear_is_an_error(tmp_path, capsys):
    lab = write_labelled(tmp_path / "l.jsonl")
    code, _, err = run(["--labelled", str(lab), "--split", "dev", "--polnear", str(tmp_path / "nope"),
                        "--out-dir", str(tmp_path)], capsys, FakeModel())
    assert code == 1 and len(err) == 1 and "PolNeAR" in err[0]


def test_wired_into_quoteattr_command(tmp_path, capsys):
    from quoteattr.cli import main as quoteattr_main

    code = quoteattr_main(["evaluate", "--labelled", str(tmp_path / "nope.jsonl")])
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert code == 1 and len(err) == 1 and "labelled file not found" in err[0]


def test_parser_defaults_standalone_and_as_subparser():
    import argparse

    args = build_parser(None).parse_args([])
    assert args.split == "test" and args.labelled == DEFAULT_LABELLED and args.model is None
    assert DEFAULT_LABELLED == Path(__file__).resolve().parents[1] / "eval" / "data" / "labelled.jsonl"
    top = argparse.ArgumentParser()
    sub = top.add_subparsers(dest="command").add_parser("evaluate")
    assert build_parser(sub) is sub
    args = top.parse_args(["evaluate", "--split", "dev", "--polnear-limit", "5", "--no-baseline"])
    assert args.split == "dev" and args.polnear_limit == 5 and args.no_baseline


# --------------------------------------------------------------------------- a full run


def test_full_run_writes_json_and_markdown(tmp_path, capsys, tiny_corpus):
    lab = write_labelled(tmp_path / "l.jsonl", ("dev", "test"))
    out = tmp_path / "out"
    code, stdout, err = run(["--labelled", str(lab), "--split", "dev", "--polnear", str(tiny_corpus),
                             "--polnear-split", "dev", "--out-dir", str(out)], capsys, FakeModel())
    assert code == 0, err
    assert "wrote" in stdout and "model: lenient F1" in stdout

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["meta"]["split"] == "dev" and report["meta"]["n_articles"] == 1
    assert list(report["labelled"]) == ["model", "baseline"]
    model = report["labelled"]["model"]
    assert model["kinds"]["direct"]["exact"]["f1"] == 1.0
    assert model["kinds"]["all"]["lenient"]["speaker_accuracy"] == 0.0
    assert model["error_counts"] == {"missed": 1, "wrong_speaker": 1}
    assert set(report["polnear"]) == {"model", "baseline"}

    md = (out / "REPORT.md").read_text(encoding="utf-8")
    assert "`python -m quoteattr.eval --labelled" in md and "split **dev**" in md and "**Date:**" in md
    assert "| quotes | system | gold | pred | exact P | exact R | exact F1 | lenient F1 | speaker acc | e2e F1 |" in md
    assert "| direct | model | 1 | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 0.000 | 0.000 |" in md
    assert "## Speaker accuracy by gold mention type" in md and "| pronoun | 1 |" in md
    assert "## Per article" in md and "| `bridge-0` | 2 |" in md
    assert "## PolNeAR" in md and "| attribution |" in md
    assert "## Errors: model" in md and "### `bridge-0` (2)" in md
    assert "- **wrong speaker** " in md and "gold *Jane Porter* (name), predicted *Tom Ade*" in md
    assert "- **missed** indirect" in md
    assert "  > She said that \u27e6the budget was approved by the council\u27e7." in md
    assert "<summary>Errors: baseline" in md


def test_no_baseline_and_default_out_dir(tmp_path, capsys, monkeypatch):
    lab = write_labelled(tmp_path / "l.jsonl")
    work = tmp_path / "proj"
    (work / "eval").mkdir(parents=True)
    monkeypatch.chdir(work)
    code, _, err = run(["--labelled", str(lab), "--split", "all", "--no-baseline"], capsys, FakeModel())
    assert code == 0, err
    report = json.loads((work / "eval" / "report.json").read_text(encoding="utf-8"))
    assert list(report["labelled"]) == ["model"] and report["polnear"] is None
    assert "not scored" in (work / "eval" / "REPORT.md").read_text(encoding="utf-8")


def test_markdown_formatting_of_numbers():
    assert fmt(None) == "n/a" and fmt(0.5) == "0.500" and fmt(2 / 3) == "0.667" and fmt(7) == "7"
    labelled = {"model": {
        "kinds": {k: {"n_gold": 0, "n_pred": 0, **{m: {
            "precision": None, "recall": None, "f1": None, "speaker_accuracy": None, "e2e": {"f1": None},
        } for m in ("exact", "lenient")}} for k in ("direct", "indirect", "all")},
        "mention_types": {}, "articles": [], "errors": [], "error_counts": {},
    }}
    md = render_markdown({"meta": {"command": "x", "model": "m", "split": "dev"}, "labelled": labelled})
    assert "| all | model | 0 | 0 | n/a | n/a | n/a | n/a | n/a | n/a |" in md and "No errors." in md


@pytest.mark.parametrize("limit", ["0", "x"])
def test_bad_limit_is_refused_by_the_parser(limit, capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser(None).parse_args(["--polnear-limit", limit])
    assert exc.value.code == 2
