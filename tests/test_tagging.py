"""Window batching in tagging.encode_documents."""
from quoteattr.tagging import length_groups


def test_windows_of_very_different_length_are_not_padded_together():
    assert length_groups([302, 512, 512], 16) == [[0], [1, 2]]
    assert length_groups([400, 450, 500], 16) == [[0, 1, 2]]  # within 1.25x: one batch
    assert length_groups([512] * 5, 2) == [[0, 1], [2, 3], [4]]
    assert length_groups([], 16) == []


def test_batched_and_single_encodings_agree(shipped):
    import numpy as np

    from quoteattr.tagging import encode_documents

    texts = ["\u201cWe will fight on,\u201d Ahmad Masud said. " * 120, "Short one. \u201cYes,\u201d she said."]
    both = encode_documents(shipped.model, shipped.tokenizer, texts, 512, 128)
    alone = encode_documents(shipped.model, shipped.tokenizer, texts[1:], 512, 128)
    assert np.array_equal(both[1].probs.argmax(-1), alone[0].probs.argmax(-1))


def test_padded_widths_come_from_a_small_set(shipped, monkeypatch):
    """Each new input shape costs the CPU kernels' caches memory: a stream of articles of
    every length must reuse a few widths, not one per length."""
    from quoteattr.tagging import encode_documents

    widths = set()
    real_forward = shipped.model.forward

    def spy(*args, **kwargs):
        widths.add(kwargs["input_ids"].shape[1])
        return real_forward(*args, **kwargs)

    monkeypatch.setattr(shipped.model, "forward", spy)
    texts = [("word " * n).strip() for n in range(5, 300, 7)]
    encode_documents(shipped.model, shipped.tokenizer, texts, 512, 128)
    assert widths and all(w % 64 == 0 for w in widths)
