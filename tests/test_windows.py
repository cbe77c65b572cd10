import numpy as np
import pytest

from quoteattr.windows import document_windows, edge_weights, stitch, tokenize_document, window_bounds


def test_window_bounds_cover_every_token_with_overlap():
    bounds = window_bounds(1000, 100, 30)
    assert bounds[0] == (0, 100) and bounds[-1][1] == 1000
    covered = set()
    for (s, e), (s2, _) in zip(bounds, bounds[1:]):
        assert e - s2 == 30  # consecutive windows overlap by the stride
    for s, e in bounds:
        assert e - s <= 100
        covered.update(range(s, e))
    assert covered == set(range(1000))


def test_window_bounds_edge_cases():
    assert window_bounds(0, 10, 2) == [(0, 0)]
    assert window_bounds(5, 10, 2) == [(0, 5)]
    with pytest.raises(ValueError):
        window_bounds(10, 10, 10)


def test_offsets_point_back_into_the_text(tokenizer):
    text = "“Stay away,” the officer said. Dr. Müller warned that prices will rise."
    doc = tokenize_document(text, tokenizer)
    assert len(doc.input_ids) == len(doc.offsets)
    pieces = [text[s:e] for s, e in doc.offsets]
    assert "officer" in pieces and "said" in pieces
    for s, e in doc.offsets:
        assert 0 <= s <= e <= len(text)


def test_windows_carry_special_tokens_and_slice_the_document(tokenizer):
    text = " ".join(f"word{i}" for i in range(400))
    doc = tokenize_document(text, tokenizer)
    wins = document_windows(doc, tokenizer, max_length=64, stride=16)
    assert len(wins) > 1
    for w in wins:
        assert w.input_ids[0] == tokenizer.cls_token_id and w.input_ids[-1] == tokenizer.sep_token_id
        assert w.input_ids[1:-1] == doc.input_ids[w.start : w.end]
        assert len(w.input_ids) <= 64


def test_stitch_recovers_a_per_token_signal():
    n = 50
    truth = np.arange(n, dtype=np.float32)[:, None] * np.ones((1, 3), np.float32)
    from quoteattr.windows import Window

    wins = [Window(s, e, []) for s, e in window_bounds(n, 20, 8)]
    outs = [truth[w.start : w.end] for w in wins]
    np.testing.assert_allclose(stitch(n, wins, outs), truth, rtol=1e-6)


def test_stitch_prefers_the_window_where_a_token_is_central():
    from quoteattr.windows import Window

    wins = [Window(0, 10, []), Window(5, 15, [])]
    a = np.zeros((10, 1), np.float32)
    b = np.ones((10, 1), np.float32)
    out = stitch(15, wins, [a, b])
    # token 6 is near the end of window 0 and near the start of window 1: edge weights
    # are 4 (window 0) and 2 (window 1)
    assert out[6, 0] == pytest.approx(2 / 6)
    assert edge_weights(5).tolist() == [1, 2, 3, 2, 1]


def test_stitch_rejects_misaligned_outputs():
    from quoteattr.windows import Window

    with pytest.raises(ValueError):
        stitch(10, [Window(0, 10, [])], [np.zeros((9, 2))])
