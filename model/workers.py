"""Worker processes, each holding its own model, for large ``predict --jsonl`` runs.

One process alternates between the encoder (which uses every core through intra-op
threads) and the Python half of inference (spans, linking, speakers), which uses one core
and leaves the others idle. Several single-threaded processes keep every core busy and
avoid the poor scaling of intra-op threads on small matrices (benchmarks/RESULTS.md gives
the figures). Each worker costs one model load and its own memory (~0.5 GB).

Workers are started with ``spawn``: forking a process that has started torch's thread
pools can deadlock.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
from multiprocessing.pool import AsyncResult
from typing import Any

log = logging.getLogger(__name__)

_QA: Any = None
_LOAD_ERROR: str | None = None


def _init(load_kwargs: dict[str, Any], threads: int) -> None:
    """Load the model once per worker. A failure is kept and reported on the first task:
    an initializer that raises makes the pool respawn workers forever."""
    global _QA, _LOAD_ERROR
    try:
        import torch

        torch.set_num_threads(threads)
        from quoteattr.attributor import QuoteAttributor

        _QA = QuoteAttributor.load(**load_kwargs)
    except Exception as exc:  # noqa: BLE001 - reported to the parent on first use
        _LOAD_ERROR = f"{type(exc).__name__}: {exc}"


def _predict(texts: list[str]) -> list[list[dict[str, Any]]]:
    if _QA is None:
        raise RuntimeError(f"worker could not load the model: {_LOAD_ERROR}")
    return [[q.to_dict() for q in quotes] for quotes in _QA.predict_batch(texts)]


class WorkerPool:
    """``workers`` processes with one model each; ``submit`` returns an ``AsyncResult``
    whose value is, per text, its quotes as dicts (``Quote.to_dict``)."""

    def __init__(self, workers: int, load_kwargs: dict[str, Any], threads_per_worker: int = 1) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        ctx = mp.get_context("spawn")
        self._pool = ctx.Pool(workers, initializer=_init, initargs=(load_kwargs, threads_per_worker))
        log.info("started %d worker processes", workers)

    def submit(self, texts: list[str]) -> AsyncResult:
        return self._pool.apply_async(_predict, (texts,))

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def terminate(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()
