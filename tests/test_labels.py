import numpy as np

from quoteattr.labels import ID2LABEL, LABEL2ID, LABELS, char_spans_to_tags, decode_spans


def onehot(tags: list[str]) -> np.ndarray:
    p = np.full((len(tags), len(LABELS)), 0.01, np.float32)
    for i, t in enumerate(tags):
        p[i, LABEL2ID[t]] = 0.9
    return p


def test_tag_set_is_bio_over_three_types():
    assert LABELS[0] == "O" and len(LABELS) == 7
    assert {ID2LABEL[i] for i in range(7)} == set(LABELS)


def test_char_spans_to_tags_marks_b_then_i():
    offsets = [(0, 3), (4, 8), (9, 13), (14, 18), (0, 0)]
    tags = char_spans_to_tags(offsets, [("SOURCE", 0, 3), ("CONTENT", 9, 18)])
    assert [ID2LABEL[t] for t in tags] == ["B-SOURCE", "O", "B-CONTENT", "I-CONTENT", "O"]


def test_nested_short_span_overwrites_outer_content():
    offsets = [(0, 2), (3, 5), (6, 8), (9, 11)]
    tags = char_spans_to_tags(offsets, [("CONTENT", 0, 11), ("SOURCE", 3, 5)])
    assert [ID2LABEL[t] for t in tags] == ["B-CONTENT", "B-SOURCE", "I-CONTENT", "I-CONTENT"]


def test_decode_spans_round_trip_in_characters():
    offsets = [(0, 3), (4, 8), (9, 13), (14, 18), (19, 22)]
    spans = decode_spans(onehot(["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "O"]), offsets)
    assert [(s.type, s.start, s.end) for s in spans] == [
        ("SOURCE", 0, 3), ("CUE", 4, 8), ("CONTENT", 9, 18)
    ]
    assert all(0 < s.score <= 1 for s in spans)


def test_decode_is_lenient_about_a_missing_b_tag_and_skips_special_tokens():
    offsets = [(0, 0), (0, 3), (4, 8), (0, 0)]
    spans = decode_spans(onehot(["O", "I-CONTENT", "I-CONTENT", "O"]), offsets)
    assert [(s.type, s.start, s.end) for s in spans] == [("CONTENT", 0, 8)]


def test_two_adjacent_spans_of_one_type_stay_apart():
    offsets = [(0, 1), (2, 3), (4, 5)]
    spans = decode_spans(onehot(["B-CONTENT", "B-CONTENT", "I-CONTENT"]), offsets)
    assert [(s.start, s.end) for s in spans] == [(0, 1), (2, 5)]
