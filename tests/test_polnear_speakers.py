"""The real-news speaker scorer: label loading, matching and counting."""
from __future__ import annotations

import json

import pytest

from quoteattr import Quote
from quoteattr.eval.polnear_speakers import (LABELS_PATH, SPLITS, SpeakerLabel, labels_path, load_labels, main,
                                             markdown, report_names, score)

TEXT = '"We will win," Trump said. "It is rigged," he added. Critics called it a "sham" deal.'


def _label(start: int, end: int, speaker: str | None, mention_type: str = "name", **kw) -> SpeakerLabel:
    return SpeakerLabel("doc1", start, end, speaker, tuple(kw.pop("aliases", ())), mention_type, **kw)


def _quote(start: int, end: int, speaker: str | None, kind: str = "direct") -> Quote:
    return Quote(start, end, TEXT[start:end], kind, speaker)


def test_right_wrong_and_unmatched_are_counted_by_mention_type():
    labels = {"doc1": [_label(0, 14, "Donald Trump", aliases=("Trump",)),
                       _label(27, 42, "Donald Trump", "pronoun"),
                       _label(74, 80, None, "none", not_quote=True)]}
    preds = {"doc1": [_quote(1, 12, "Trump"), _quote(28, 40, "Hillary Clinton")]}
    rows = score(labels, preds)["rows"]
    assert rows["all"] == {"labelled": 2, "matched": 2, "right": 1, "accuracy": 0.5, "recall": 1.0}
    assert rows["name"]["right"] == 1 and rows["pronoun"]["right"] == 0
    assert rows["none"]["labelled"] == 0  # the scare-quoted "sham" is not a quote


def test_errors_name_both_speakers_and_indirect_predictions_never_match():
    labels = {"doc1": [_label(27, 42, "Donald Trump", "pronoun")]}
    result = score(labels, {"doc1": [_quote(27, 42, "Donald Trump", kind="indirect")]})
    assert result["rows"]["all"]["matched"] == 0 and result["errors"] == []
    result = score(labels, {"doc1": [_quote(28, 40, None)]})
    assert result["errors"][0]["gold_speaker"] == "Donald Trump" and result["errors"][0]["pred_speaker"] is None


def test_one_prediction_matches_one_label_only():
    labels = {"doc1": [_label(0, 14, "Donald Trump"), _label(0, 14, "Donald Trump")]}
    assert score(labels, {"doc1": [_quote(1, 12, "Donald Trump")]})["rows"]["all"]["matched"] == 1


def test_packaged_labels_load_in_text_order():
    labels = load_labels()
    assert len(labels) > 50
    for labs in labels.values():
        assert [x.start for x in labs] == sorted(x.start for x in labs)
        assert all(x.speaker is None for x in labs if x.not_quote)


def test_malformed_labels_name_the_line(tmp_path):
    bad = tmp_path / "labels.jsonl"
    bad.write_text(json.dumps({"id": "a", "start": 5, "end": 9, "speaker": "X", "mention_type": "name"}) + "\n"
                   + json.dumps({"id": "a", "start": 5, "end": 9, "speaker": "X", "mention_type": "nickname"}) + "\n")
    with pytest.raises(ValueError, match=":2:"):
        load_labels(bad)


def test_missing_corpus_is_one_line_on_stderr(tmp_path, capsys):
    assert main(["--polnear", str(tmp_path / "nowhere"), "--labels", str(LABELS_PATH)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "polnear_speakers" in err


def test_each_split_has_its_labels_and_report_files():
    assert labels_path("dev") == LABELS_PATH
    assert report_names("dev") == ("polnear_speakers.json", "POLNEAR_SPEAKERS.md")  # the names the README reads
    assert report_names("train") == ("polnear_train_speakers.json", "POLNEAR_TRAIN_SPEAKERS.md")
    result = score({"doc1": [_label(0, 14, "Donald Trump")]}, {"doc1": [_quote(1, 12, "Donald Trump")]})
    result.update(command="cmd", split="train")
    assert markdown(result).startswith("# Speakers of PolNeAR train's direct quotes")


@pytest.mark.parametrize("split", SPLITS)
def test_packaged_labels_of_every_split_load(split):
    labels = load_labels(labels_path(split))
    assert len(labels) > 50 and all(labs for labs in labels.values())


def test_a_split_missing_from_the_corpus_is_one_line_on_stderr(tmp_path, capsys):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    assert main(["--polnear", str(tmp_path), "--split", "train"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "train" in err
