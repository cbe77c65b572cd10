"""PolNeAR brat reader: articles, their Source/Cue/Content spans and the relations tying them.

PolNeAR ships one ``.ann`` file per (article, annotator). Spans may be discontinuous
(``start end;start end``) and an attribution is an ``E`` line naming its Content, Cue
and Source ``T`` spans. When an article has several annotators we keep one, chosen
deterministically, rather than mixing annotations that disagree on the same tokens.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

Parts = tuple[tuple[int, int], ...]
ROLES = ("Source", "Cue", "Content")


class PolnearFormatError(ValueError):
    """An .ann file line that cannot be read; carries the file and line number."""


@dataclass(frozen=True)
class Span:
    """A possibly discontinuous span: its (start, end) parts and surface text."""

    id: str
    type: str
    parts: Parts
    text: str

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True)
class Attribution:
    """One attribution relation: content, and the cue and source when annotated."""

    id: str
    content: Span
    cue: Span | None
    source: Span | None


@dataclass
class Article:
    doc_id: str
    text: str
    annotator: str
    attributions: list[Attribution] = field(default_factory=list)

    def role_spans(self) -> list[tuple[str, int, int]]:
        """Every (TYPE, start, end) part of every Source/Cue/Content, deduplicated."""
        out: set[tuple[str, int, int]] = set()
        for a in self.attributions:
            for role, span in (("CONTENT", a.content), ("CUE", a.cue), ("SOURCE", a.source)):
                if span is not None:
                    out.update((role, s, e) for s, e in span.parts)
        return sorted(out, key=lambda t: (t[1], t[2], t[0]))


_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)(?:\t(.*))?$")
_ANN_LINE = re.compile(r"^[TERAMN#]\d*\t")


def parse_ann(ann: str, text: str, path: str = "<ann>") -> list[Attribution]:
    """Parse one brat standoff file into attributions.

    Raises PolnearFormatError on a malformed T or E line or a span outside the text;
    other line types (notes, attributes) are skipped because training does not use them.
    """
    spans: dict[str, Span] = {}
    events: list[tuple[int, str, dict[str, str]]] = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        if not line.strip() or not _ANN_LINE.match(line):
            # A span whose surface text holds newlines runs on over several lines;
            # those continuation lines carry no offsets and are not annotations.
            continue
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if not m:
                raise PolnearFormatError(f"{path}:{lineno}: malformed span line")
            tid, typ, offs, surface = m.groups()
            try:
                parts = tuple(
                    (int(a), int(b)) for a, b in (p.split() for p in offs.split(";"))
                )
            except ValueError as exc:
                raise PolnearFormatError(f"{path}:{lineno}: bad offsets {offs!r}") from exc
            if any(s < 0 or e > len(text) or e < s for s, e in parts):
                raise PolnearFormatError(f"{path}:{lineno}: span {offs} outside the text")
            spans[tid] = Span(tid, typ, parts, surface or "")
        elif line.startswith("E"):
            eid, _, args = line.partition("\t")
            roles = {}
            for arg in args.split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append((lineno, eid, roles))

    attributions = []
    for lineno, eid, roles in events:
        content_id = roles.get("Content")
        if content_id is None or content_id not in spans:
            log.debug("%s:%d: attribution %s has no content; skipped", path, lineno, eid)
            continue
        get = lambda r: spans.get(roles[r]) if r in roles else None  # noqa: E731
        attributions.append(Attribution(eid, spans[content_id], get("Cue"), get("Source")))
    return attributions


def read_split(root: str | Path, split: str, limit: int | None = None) -> list[Article]:
    """Read ``root/<split>/text/*.txt`` with their attributions, one annotator per article.

    The annotator kept is the first in sorted order, so runs are reproducible.
    """
    base = Path(root) / split
    text_dir, ann_dir = base / "text", base / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(
            f"{base} is not a PolNeAR split (expected {text_dir} and {ann_dir}); "
            "clone the PolNeAR repository and pass its data directory"
        )
    anns: dict[str, list[Path]] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        doc_id, _, annotator = p.stem.rpartition("_")
        anns.setdefault(doc_id, []).append(p)
    articles = []
    for txt in sorted(text_dir.glob("*.txt")):
        doc_id = txt.stem
        if doc_id not in anns:
            log.warning("%s has no annotation file; skipped", txt.name)
            continue
        ann_path = anns[doc_id][0]
        text = txt.read_text(encoding="utf-8")
        attrs = parse_ann(ann_path.read_text(encoding="utf-8"), text, str(ann_path))
        articles.append(Article(doc_id, text, ann_path.stem.rpartition("_")[2], attrs))
        if limit is not None and len(articles) >= limit:
            break
    log.info("read %d %s articles from %s", len(articles), split, base)
    return articles
