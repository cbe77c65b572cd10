"""PolNeAR articles -> a cached ``datasets.Dataset`` of labelled token windows.

Windows come from ``quoteattr.windows.document_windows``, the same function inference
uses. The tokenized dataset is saved under a cache key built from the corpus files and
the windowing settings, so a second run with the same inputs loads it instead of
re-tokenizing.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from datasets import Dataset, load_from_disk

from quoteattr.labels import IGNORE_INDEX, char_spans_to_tags
from quoteattr.train.polnear import Article, read_split
from quoteattr.windows import document_windows, tokenize_document

log = logging.getLogger(__name__)
CACHE_VERSION = "1"


def article_examples(article: Article, tokenizer, max_length: int, stride: int) -> list[dict]:
    """One training example per window; special tokens get IGNORE_INDEX labels."""
    doc = tokenize_document(article.text, tokenizer)
    tags = char_spans_to_tags(doc.offsets, article.role_spans())
    examples = []
    for w in document_windows(doc, tokenizer, max_length, stride):
        examples.append(
            {
                "doc_id": article.doc_id,
                "window_start": w.start,
                "input_ids": w.input_ids,
                "labels": [IGNORE_INDEX, *tags[w.start : w.end], IGNORE_INDEX],
            }
        )
    return examples


def _cache_key(root: Path, split: str, tokenizer, max_length: int, stride: int, limit) -> str:
    h = hashlib.sha256()
    h.update(f"{CACHE_VERSION}|{split}|{max_length}|{stride}|{limit}|{tokenizer.name_or_path}".encode())
    for p in sorted((root / split).rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(root)}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def build_split(
    root: str | Path,
    split: str,
    tokenizer,
    max_length: int = 512,
    stride: int = 128,
    limit: int | None = None,
    cache_dir: str | Path | None = None,
) -> Dataset:
    """Labelled windows for one PolNeAR split, loaded from the cache when present."""
    root = Path(root)
    cache_path = None
    if cache_dir is not None:
        key = _cache_key(root, split, tokenizer, max_length, stride, limit)
        cache_path = Path(cache_dir) / f"polnear-{split}-{key}"
        if cache_path.exists():
            log.info("loading cached %s windows from %s", split, cache_path)
            return load_from_disk(str(cache_path))
    rows: list[dict] = []
    for article in read_split(root, split, limit=limit):
        rows.extend(article_examples(article, tokenizer, max_length, stride))
    ds = Dataset.from_list(rows)
    log.info("%s: %d windows", split, len(ds))
    if cache_path is not None:
        ds.save_to_disk(str(cache_path))
    return ds
