"""The command line: output contracts and every error path, on a tiny checkpoint."""
import io
import json
import subprocess
import sys

import pytest

from quoteattr.cli import main, parse_jsonl_line, InputError, run_jsonl


def run_cli(args, stdin=""):
    proc = subprocess.run([sys.executable, "-m", "quoteattr", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def test_missing_and_non_utf8_files_give_one_line_errors(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02")
    code = main(["predict", str(tmp_path / "nope.txt"), str(bad), str(binary), str(tmp_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 4 and all(line.startswith("quoteattr: ") for line in err)
    assert "no such file" in err[0] and "not UTF-8" in err[1] and "binary" in err[2] and "directory" in err[3]
    assert "Traceback" not in "\n".join(err)


def test_missing_model_is_a_clear_error(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text("Hello.")
    assert main(["predict", "--model", str(tmp_path / "nomodel"), str(art)]) == 1
    assert "cannot load model" in capsys.readouterr().err


def test_no_arguments_is_an_error(capsys):
    assert main(["predict"]) == 1
    assert "needs FILE" in capsys.readouterr().err


@pytest.mark.parametrize(
    "line,reason",
    [("{bad json", "not valid JSON"), ("[1, 2]", "JSON object"), ('{"id": 1}', 'no "text"'),
     ('{"id": 1, "text": 5}', "must be a string")],
)
def test_jsonl_line_errors_name_the_line(line, reason):
    with pytest.raises(InputError, match=f"line 7: .*{reason}"):
        parse_jsonl_line(line, 7)


def test_jsonl_keeps_one_output_line_per_input_line_in_order(tiny_checkpoint):
    lines = [
        json.dumps({"id": "a", "text": "“We will win,” the coach said."}),
        '{"id": "b"}',
        "not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": "Ein Text ohne Zitate."}),
    ]
    code, out, err = run_cli(["predict", "--jsonl", "--model", str(tiny_checkpoint), "--batch-size", "2"],
                             "\n".join(lines) + "\n")
    rows = [json.loads(r) for r in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", 3, "c", "d"]
    assert rows[3]["quotes"] == [] and "error" in rows[1] and "error" in rows[2]
    assert code == 1 and "line 2" in err and "line 3" in err and "Traceback" not in err


def test_jsonl_strict_stops_at_first_bad_line(tiny_checkpoint):
    code, out, err = run_cli(["predict", "--jsonl", "--strict", "--model", str(tiny_checkpoint)],
                             '{"id": 1, "text": "ok"}\n{"id": 2}\n')
    assert code == 1 and "--strict" in err and "Traceback" not in err


def test_file_mode_prints_readable_and_json_output(tiny_checkpoint, tmp_path):
    art = tmp_path / "article.txt"
    art.write_text("“Stay away,” an officer said.\n", encoding="utf-8")
    code, out, err = run_cli(["predict", "--model", str(tiny_checkpoint), str(art)])
    assert code == 0 and out.startswith(f"== {art}:")
    code, out, _ = run_cli(["predict", "--json", "--model", str(tiny_checkpoint), str(art)])
    assert code == 0 and json.loads(out)["id"] == str(art)


def test_run_jsonl_streams_in_batches(tiny_checkpoint):
    """Output for the first batch is written before later input is read."""
    from quoteattr import QuoteAttributor

    qa = QuoteAttributor.load(tiny_checkpoint)
    seen = []

    class Src:
        def __iter__(self):
            for i in range(5):
                seen.append(("read", i))
                yield json.dumps({"id": i, "text": "He said so."}) + "\n"

    class Sink(io.StringIO):
        def flush(self):
            seen.append(("flush", None))

    sink = Sink()
    assert run_jsonl(qa, Src(), sink, batch_size=2, strict=False, progress=False) == 0
    assert seen.index(("flush", None)) < seen.index(("read", 2))
    assert len(sink.getvalue().splitlines()) == 5


@pytest.mark.parametrize("opts,reason", [(["--window", "600"], "window must be between"),
                                         (["--window", "256", "--overlap", "200"], "overlap must be between")])
def test_bad_window_settings_are_clear_errors(tiny_checkpoint, tmp_path, capsys, opts, reason):
    art = tmp_path / "a.txt"
    art.write_text("He said so.")
    assert main(["predict", "--model", str(tiny_checkpoint), *opts, str(art)]) == 1
    err = capsys.readouterr().err
    assert reason in err and "Traceback" not in err


def test_window_and_overlap_override_the_checkpoint(tiny_checkpoint):
    from quoteattr import QuoteAttributor

    text = " ".join(f"Word{i} said the plan for item {i} would work." for i in range(40))
    default = QuoteAttributor.load(tiny_checkpoint)
    short = QuoteAttributor.load(tiny_checkpoint, window=32, overlap=8)
    assert (short.max_length, short.stride) == (32, 8)
    assert (default.max_length, default.stride) != (32, 8)
    # Quotes from shorter windows still come out once each, with offsets into the text.
    quotes = short(text)
    assert all(text[q.start : q.end] == q.text for q in quotes)
    assert len({(q.start, q.end) for q in quotes}) == len(quotes)


def test_jsonl_workers_give_the_single_process_output(tiny_checkpoint):
    lines = [json.dumps({"id": i, "text": f"“We will win game {i},” the coach said. Nobody else spoke."})
             for i in range(7)]
    lines.insert(3, "not json")
    stdin = "\n".join(lines) + "\n"
    args = ["predict", "--jsonl", "--model", str(tiny_checkpoint), "--batch-size", "2"]
    code1, out1, _ = run_cli(args, stdin)
    code2, out2, err2 = run_cli(args + ["--workers", "2"], stdin)
    assert out2 == out1 and code2 == code1 == 1
    assert [json.loads(r)["id"] for r in out2.splitlines()] == [0, 1, 2, 4, 3, 4, 5, 6]  # the bad line 4 answered in place
    assert "line 4" in err2 and "Traceback" not in err2


@pytest.mark.parametrize("opts, reason", [(["--workers", "0"], "at least 1"), (["--model", "/no/such/dir", "--workers", "2"], "not found")])
def test_bad_worker_settings_are_clear_errors(opts, reason):
    code, out, err = run_cli(["predict", "--jsonl", *opts], '{"id": 1, "text": "x"}\n')
    assert code == 1 and reason in err and "Traceback" not in err and out == ""
