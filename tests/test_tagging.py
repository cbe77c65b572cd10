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
