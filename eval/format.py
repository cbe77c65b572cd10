"""The labelled-article JSON Lines format: data classes, loader and validator.

Every score the project reports is computed against the character offsets stored in
``eval/data/labelled.jsonl``; a span that is off by one character silently turns a hit
into a miss. So the loader refuses a file that breaks any rule, and the validator lists
every broken rule at once (``line N: reason``) so a labeller can fix a file in one pass.

Run ``python -m quoteattr.eval.format FILE...`` to check files from the shell. The
format and its conventions are described in ``eval/README.md``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

__all__ = [
    "CASE_TAG_RE",
    "CLOSING_MARKS",
    "FormatError",
    "GoldQuote",
    "KINDS",
    "LABELLED_PATH",
    "LabelledArticle",
    "MENTION_TYPES",
    "OPENING_MARKS",
    "SOURCES",
    "SPLITS",
    "load_labelled",
    "main",
    "validate_file",
]

#: The labelled set shipped with the package.
LABELLED_PATH = Path(__file__).resolve().parent / "data" / "labelled.jsonl"

KINDS = frozenset({"direct", "indirect"})
MENTION_TYPES = frozenset({"name", "pronoun", "description", "none"})
SPLITS = frozenset({"dev", "test"})
SOURCES = frozenset({"seed", "invented"})

#: Marks that may open / close a direct quote. Straight and curly marks are in both sets
#: because real copy mismatches them (an opening “ closed by a straight ").
OPENING_MARKS = frozenset("“”\"‘’'«»‹›„‚")
CLOSING_MARKS = frozenset("”“\"’‘'»«›‹")
#: Spacing allowed between a mark and the quote text (French « texte » uses no-break spaces).
_MARK_SPACING = " \u00a0\u202f\u2009"

CASE_TAG_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")

_ARTICLE_KEYS = ("id", "split", "title", "source", "text", "quotes", "cases")
_ARTICLE_OPTIONAL = ("note",)
_QUOTE_KEYS = (
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "aliases",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "mention_type",
    "cue",
)
_QUOTE_OPTIONAL = ("note", "cue_start", "cue_end")


class FormatError(ValueError):
    """A labelled file breaks the format; ``lineno`` and ``reason`` say where and why."""

    def __init__(self, lineno: int, reason: str, path: str | Path | None = None) -> None:
        self.lineno = lineno
        self.reason = reason
        self.path = None if path is None else str(path)
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}line {lineno}: {reason}")


@dataclass(frozen=True)
class GoldQuote:
    """One labelled quote. Same field names as ``quoteattr.Quote`` so the two compare directly.

    ``speaker`` is canonical (the fullest name the article uses, a description when the
    article never names the speaker, or None); ``aliases`` are the other forms the article
    uses for that speaker, so a prediction naming the speaker by an alias still counts.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    aliases: tuple[str, ...]
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    mention_type: str
    cue: str | None
    note: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None

    @property
    def speaker_names(self) -> frozenset[str]:
        """Lower-cased canonical name plus aliases: every name a prediction may use."""
        if self.speaker is None:
            return frozenset()
        return frozenset(n.casefold() for n in (self.speaker, *self.aliases))

    def speaker_matches(self, name: str | None) -> bool:
        """Whether a predicted speaker string names this quote's speaker (None matches None)."""
        if self.speaker is None or name is None:
            return self.speaker is None and name is None
        return name.strip().casefold() in self.speaker_names

    def to_dict(self) -> dict[str, Any]:
        """The JSON object written to the file (optional fields only when set)."""
        out: dict[str, Any] = {k: getattr(self, k) for k in _QUOTE_KEYS}
        out["aliases"] = list(self.aliases)
        for key in _QUOTE_OPTIONAL:
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> "GoldQuote":
        """Build from an already validated JSON object."""
        return cls(
            **{k: obj[k] for k in _QUOTE_KEYS if k != "aliases"},
            aliases=tuple(obj["aliases"]),
            **{k: obj.get(k) for k in _QUOTE_OPTIONAL},
        )


@dataclass(frozen=True)
class LabelledArticle:
    """One article with its gold quotes (sorted by ``start``, never overlapping)."""

    id: str
    split: str
    title: str
    source: str
    text: str
    quotes: tuple[GoldQuote, ...]
    cases: tuple[str, ...]
    note: str | None = None

    @property
    def direct(self) -> tuple[GoldQuote, ...]:
        return tuple(q for q in self.quotes if q.kind == "direct")

    @property
    def indirect(self) -> tuple[GoldQuote, ...]:
        return tuple(q for q in self.quotes if q.kind == "indirect")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "split": self.split,
            "title": self.title,
            "source": self.source,
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "cases": list(self.cases),
        }
        if self.note is not None:
            out["note"] = self.note
        return out

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> "LabelledArticle":
        """Build from an already validated JSON object."""
        return cls(
            id=obj["id"],
            split=obj["split"],
            title=obj["title"],
            source=obj["source"],
            text=obj["text"],
            quotes=tuple(GoldQuote.from_dict(q) for q in obj["quotes"]),
            cases=tuple(obj["cases"]),
            note=obj.get("note"),
        )


# --------------------------------------------------------------------------- checks


def _is_int(value: Any) -> bool:
    # bool is an int subclass; `true` as an offset is a labelling bug, not 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _in(value: Any, allowed: frozenset[str]) -> bool:
    # Guard the membership test: a list or dict value would raise TypeError (unhashable).
    return isinstance(value, str) and value in allowed


def _is_opt_str(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value != "")


def _keys_errors(obj: dict[str, Any], required: tuple[str, ...], optional: tuple[str, ...]) -> list[str]:
    errors = [f"missing key {k!r}" for k in required if k not in obj]
    allowed = set(required) | set(optional)
    errors += [f"unknown key {k!r}" for k in obj if k not in allowed]
    return errors


def _span_errors(text: str, start: Any, end: Any, expected: Any, what: str) -> list[str]:
    """Offsets are ints inside the text and ``text[start:end]`` equals the stored string."""
    if not (_is_int(start) and _is_int(end)):
        return [f"{what} offsets must be integers, got {start!r}, {end!r}"]
    if not 0 <= start < end <= len(text):
        return [f"{what} offsets {start}:{end} outside the text (length {len(text)}) or empty"]
    if not isinstance(expected, str):
        return [f"{what} text must be a string"]
    actual = text[start:end]
    if actual != expected:
        return [f"{what} text does not match text[{start}:{end}]: stored {expected!r}, text has {actual!r}"]
    return []


def _direct_mark_errors(text: str, start: int, end: int) -> list[str]:
    """A direct quote sits between marks; a non-final paragraph of a multi-paragraph
    quote has no closing mark and runs to the paragraph end instead."""
    errors = []
    i = start
    while i > 0 and text[i - 1] in _MARK_SPACING:
        i -= 1
    if i == 0 or text[i - 1] not in OPENING_MARKS:
        errors.append(f"direct quote at {start}:{end} is not preceded by an opening quotation mark")
    j = end
    while j < len(text) and text[j] in _MARK_SPACING:
        j += 1
    at_paragraph_end = end == len(text) or text[end] == "\n"
    if not at_paragraph_end and (j == len(text) or text[j] not in CLOSING_MARKS):
        errors.append(
            f"direct quote at {start}:{end} is followed by neither a closing quotation mark "
            "nor the end of its paragraph"
        )
    return errors


def _quote_errors(text: str, q: Any, label: str) -> list[str]:
    if not isinstance(q, dict):
        return [f"{label}: expected a JSON object"]
    errors = _keys_errors(q, _QUOTE_KEYS, _QUOTE_OPTIONAL)
    if errors:
        return [f"{label}: {e}" for e in errors]

    span = _span_errors(text, q["start"], q["end"], q["text"], "quote")
    errors += span
    if not span and q["text"] != q["text"].strip():
        errors.append("quote span has leading or trailing whitespace")
    if not _in(q["kind"], KINDS):
        errors.append(f"bad kind {q['kind']!r} (expected one of {sorted(KINDS)})")
    elif q["kind"] == "direct" and not span:
        errors += _direct_mark_errors(text, q["start"], q["end"])

    mtype = q["mention_type"]
    if not _in(mtype, MENTION_TYPES):
        errors.append(f"bad mention_type {mtype!r} (expected one of {sorted(MENTION_TYPES)})")
    speaker = q["speaker"]
    if not _is_opt_str(speaker):
        errors.append("speaker must be a non-empty string or null")
    elif (speaker is None) != (mtype == "none"):
        errors.append("speaker must be null exactly when mention_type is 'none'")

    aliases = q["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        errors.append("aliases must be a list of non-empty strings")
    elif speaker is None and aliases:
        errors.append("aliases given for a quote without a speaker")

    mention = (q["speaker_mention"], q["speaker_start"], q["speaker_end"])
    if all(v is None for v in mention):
        pass
    elif any(v is None for v in mention):
        errors.append("speaker_mention, speaker_start and speaker_end must be all null or all set")
    else:
        m_span = _span_errors(text, q["speaker_start"], q["speaker_end"], q["speaker_mention"], "speaker mention")
        errors += m_span
        if speaker is None:
            errors.append("speaker_mention given but speaker is null")
        if not m_span and not span and q["speaker_start"] < q["end"] and q["start"] < q["speaker_end"]:
            errors.append("speaker mention overlaps the quote span")

    if not _is_opt_str(q["cue"]):
        errors.append("cue must be a non-empty string or null")
    if "note" in q and not _is_opt_str(q["note"]):
        errors.append("note must be a non-empty string or null")
    cue_span = (q.get("cue_start"), q.get("cue_end"))
    if any(v is not None for v in cue_span):
        if q["cue"] is None:
            errors.append("cue_start/cue_end given but cue is null")
        else:
            errors += _span_errors(text, cue_span[0], cue_span[1], q["cue"], "cue")
    return [f"{label}: {e}" for e in errors]


def _article_errors(obj: Any) -> list[str]:
    """Every rule a single line breaks (id uniqueness is checked across lines elsewhere)."""
    if not isinstance(obj, dict):
        return ["expected a JSON object"]
    errors = _keys_errors(obj, _ARTICLE_KEYS, _ARTICLE_OPTIONAL)
    if errors:
        return errors
    if not isinstance(obj["id"], str) or not obj["id"]:
        errors.append("id must be a non-empty string")
    if not _in(obj["split"], SPLITS):
        errors.append(f"bad split {obj['split']!r} (expected one of {sorted(SPLITS)})")
    if not _in(obj["source"], SOURCES):
        errors.append(f"bad source {obj['source']!r} (expected one of {sorted(SOURCES)})")
    if not isinstance(obj["title"], str) or not obj["title"]:
        errors.append("title must be a non-empty string")
    if "note" in obj and not _is_opt_str(obj["note"]):
        errors.append("note must be a non-empty string or null")
    cases = obj["cases"]
    if not isinstance(cases, list) or not all(isinstance(c, str) and CASE_TAG_RE.match(c) for c in cases):
        errors.append("cases must be a list of snake_case strings")
    elif len(set(cases)) != len(cases):
        errors.append("cases has duplicate tags")
    text = obj["text"]
    if not isinstance(text, str) or not text:
        errors.append("text must be a non-empty string")
        return errors
    quotes = obj["quotes"]
    if not isinstance(quotes, list):
        errors.append("quotes must be a list")
        return errors
    for i, q in enumerate(quotes):
        errors += _quote_errors(text, q, f"quote {i}")
    # Order and overlap only make sense once every offset is a valid int.
    spans = [(q.get("start"), q.get("end")) for q in quotes if isinstance(q, dict)]
    if len(spans) == len(quotes) and all(_is_int(s) and _is_int(e) for s, e in spans):
        for i in range(1, len(spans)):
            (s0, e0), (s1, e1) = spans[i - 1], spans[i]
            if s1 < s0:
                errors.append(f"quote {i}: quotes not sorted by start ({s1} after {s0})")
            elif s1 < e0:
                errors.append(f"quote {i}: span {s1}:{e1} overlaps quote {i - 1} at {s0}:{e0}")
    return errors


def _iter_checked(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | None, list[str]]]:
    """Yield ``(line number, parsed object or None, errors)`` for each non-blank line.

    Raises OSError when the file cannot be opened; encoding problems are per-line errors.
    """
    seen: dict[str, int] = {}
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield lineno, None, [f"not valid UTF-8 ({exc.reason} at byte {exc.start})"]
                continue
            if not line.strip():
                continue  # tolerate blank lines, e.g. a trailing newline
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield lineno, None, [f"invalid JSON: {exc.msg} (column {exc.colno})"]
                continue
            errors = _article_errors(obj)
            if isinstance(obj, dict) and isinstance(obj.get("id"), str):
                first = seen.setdefault(obj["id"], lineno)
                if first != lineno:
                    errors.append(f"duplicate id {obj['id']!r} (first used on line {first})")
            yield lineno, obj, errors


def validate_file(path: str | Path) -> list[str]:
    """Every problem in a labelled file as ``"line N: reason"``; an empty list means valid.

    Raises OSError if the file cannot be opened (that is not a format problem).
    """
    return [f"line {lineno}: {e}" for lineno, _obj, errors in _iter_checked(path) for e in errors]


def load_labelled(path: str | Path = LABELLED_PATH) -> list[LabelledArticle]:
    """Load a labelled file, refusing it at the first bad line (FormatError says where and why).

    Defaults to the set shipped with the package.
    """
    articles = []
    for lineno, obj, errors in _iter_checked(path):
        if errors:
            raise FormatError(lineno, errors[0], path)
        assert obj is not None
        articles.append(LabelledArticle.from_dict(obj))
    return articles


def main(argv: list[str] | None = None) -> int:
    """``python -m quoteattr.eval.format FILE...``: 0 when all valid, 1 on format errors,
    2 when a file cannot be read."""
    parser = argparse.ArgumentParser(
        prog="python -m quoteattr.eval.format",
        description="Check labelled-article JSON Lines files against the format in eval/README.md.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args(argv)
    status = 0
    for name in args.files:
        try:
            errors = validate_file(name)
        except OSError as exc:
            print(f"{name}: cannot read: {exc.strerror or exc}", file=sys.stderr)
            status = max(status, 2)
            continue
        if errors:
            for err in errors:
                print(f"{name}: {err}", file=sys.stderr)
            print(f"{name}: {len(errors)} error(s)", file=sys.stderr)
            status = max(status, 1)
        else:
            articles = load_labelled(name)
            n_quotes = sum(len(a.quotes) for a in articles)
            print(f"{name}: OK ({len(articles)} articles, {n_quotes} quotes)")
    return status


if __name__ == "__main__":
    sys.exit(main())
