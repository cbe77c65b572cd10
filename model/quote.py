"""The one record the package hands back to users.

Kept frozen and flat (plain ints and strings) so results can be hashed, compared in
tests and written straight to JSON Lines without a custom encoder.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Quote:
    """A quotation found in a text, with its speaker.

    Offsets follow spaCy's ``Span.start_char``/``end_char`` convention: ``text[start:end]``
    is the quote content; for a direct quote that is the text between the marks.
    """

    start: int
    end: int
    text: str
    kind: str  # "direct" or "indirect"
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    score: float = 0.0
    cue_start: int | None = None
    cue_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
