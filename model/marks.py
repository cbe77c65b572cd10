"""Quotation marks -> candidate direct-quote spans.

The tagger decides *whether* a stretch is a quote; the marks decide exactly *where* it
starts and ends, which a wordpiece tagger cannot do to the character. Handles curly,
straight, single and guillemet marks, mismatched pairs (“…"), apostrophes (Masud's,
leaders’), and quotes left open at a paragraph end (a quote running over several
paragraphs is one quote per paragraph, per the labelling guideline).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“«„‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "’›"
STRAIGHT = "\"'"
_OPEN_BEFORE = set(" \t\n([{—–-/:;") | set(DOUBLE_OPEN + SINGLE_OPEN)
_CLOSE_AFTER = set(" \t\n)]}.,;:!?—–-…") | set(DOUBLE_CLOSE + SINGLE_CLOSE) | set(STRAIGHT)


@dataclass(frozen=True)
class MarkedSpan:
    """Text between a pair of quotation marks (marks excluded, whitespace trimmed)."""

    start: int
    end: int
    open_mark: str
    close_mark: str | None  # None: left open at the paragraph end
    open_at: int = -1  # where the marks themselves are
    close_at: int | None = None

    @property
    def single(self) -> bool:
        return self.open_mark in SINGLE_OPEN or self.open_mark == "'"


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _OPEN_BEFORE or prev.isspace()) and not nxt.isspace()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt in _CLOSE_AFTER or nxt.isspace())


def _reversed_open(text: str, i: int) -> bool:
    """'»' opening a quote, as German and Danish copy writes it (»Wir schreiben …«, sagte
    er): a mark after a space and before a word. A French closing '»' follows the words
    or a no-break space, so it never reads as one."""
    return text[i] == "»" and _can_open(text, i) and (text[i + 1 : i + 2].isalnum() or text[i + 1 : i + 2] in "…'‚›")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _closes(text: str, i: int, opened: str) -> bool:
    """Whether the mark at ``i`` closes a double quote opened with ``opened``."""
    ch = text[i]
    if opened == "»":  # »…«: German and Danish copy
        return ch == "«" or (ch in '"“' and _can_close(text, i))
    if opened == "«":  # « … “ … ” … »: the inner marks are a quote within
        return ch == "»"
    return ch in DOUBLE_CLOSE or (ch in '"“' and _can_close(text, i))


def _nested_double(text: str, i: int, end: int, reach: int = 2000) -> int | None:
    """Where a double quote opened at ``i`` inside an open single one closes, when the
    single one closes after it in the paragraph (‘… “…” …’); else None. Both searches stop
    ``reach`` characters on, so a paragraph of thousands of quotes stays linear."""
    close = next((j for j in range(i + 1, min(end, i + reach)) if _closes(text, j, text[i])), None)
    if close is None:
        return None
    after = any((text[j] in SINGLE_CLOSE or text[j] == "'") and _can_close(text, j)
                for j in range(close + 1, min(end, close + reach)))
    return close if after else None


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every stretch enclosed by quotation marks, in order, one per paragraph piece.

    Double marks are paired first; single marks count only outside an open double
    quote (inside one they are nested quotes or apostrophes, part of the content) and
    only when an opening and a closing single mark pair up within the paragraph.
    """
    spans: list[MarkedSpan] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, p1 = para.span()
        d_open: tuple[int, str] | None = None
        s_open: tuple[int, str] | None = None
        skip_to = -1
        for i in range(p0, p1):
            if i <= skip_to:
                continue
            ch = text[i]
            if d_open is None:
                if ch in DOUBLE_OPEN or (ch in '"”' and _can_open(text, i)) or _reversed_open(text, i):
                    inner = _nested_double(text, i, p1) if s_open is not None else None
                    if inner is not None:  # ‘… “a real dinosaur” … isn’t,’: a quote within the single one
                        skip_to = inner
                        continue
                    d_open = (i, ch)
                    s_open = None
                    continue
                if ch in SINGLE_OPEN or (ch == "'" and _can_open(text, i)):
                    if s_open is None:
                        s_open = (i, ch)
                        continue
                if s_open is not None and (ch in SINGLE_CLOSE or ch == "'") and _can_close(text, i):
                    s, e = _trim(text, s_open[0] + 1, i)
                    if e > s:
                        spans.append(MarkedSpan(s, e, s_open[1], ch, s_open[0], i))
                    s_open = None
            else:
                if _closes(text, i, d_open[1]):
                    s, e = _trim(text, d_open[0] + 1, i)
                    if e > s:
                        spans.append(MarkedSpan(s, e, d_open[1], ch, d_open[0], i))
                    d_open = None
        # A quote left open at the paragraph end runs on in the next one. Single marks
        # count so only when the next paragraph opens with one too ('‘...' ¶ '‘...'):
        # an apostrophe ('the '90s') is no quote.
        if s_open is not None and d_open is None and text[p1 + 2 : p1 + 3] in (s_open[1], "‘"):
            d_open = s_open
        if d_open is not None:
            s, e = _trim(text, d_open[0] + 1, p1)
            if e > s:
                spans.append(MarkedSpan(s, e, d_open[1], None, d_open[0]))
    return spans


def english_marks(text: str) -> str:
    """The text with every paired quotation mark written the English way (« », „ “, » «,
    ‚ ‘ -> “ ” and ‘ ’), one character for one so every offset stays. The tagger learned
    quotes from English copy and reads guillemets and low marks as noise around them."""
    chars = None
    for m in find_marked_spans(text):
        double = m.open_mark not in SINGLE_OPEN and m.open_mark != "'"
        for at, mark in ((m.open_at, "“" if double else "‘"), (m.close_at, "”" if double else "’")):
            if at is not None and at >= 0 and text[at] != mark and text[at] not in "\"'":
                if chars is None:
                    chars = list(text)
                chars[at] = mark
    return text if chars is None else "".join(chars)


_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "de", "la", "le", "von", "van", "al"}


def looks_like_title(span_text: str) -> bool:
    """Title Case without sentence punctuation: a title of a work, a nickname, an epithet.

    The guideline excludes these from quotes; a spoken quote almost never capitalizes
    every word.
    """
    words = re.findall(r"[^\W\d_][\w'’\-]*", span_text)
    if not words or len(words) > 8 or re.search(r"[.!?,;:]\s*$", span_text.strip()):
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[0].isupper() for w in content) and len(words) > 1


def is_single_term(span_text: str) -> bool:
    """One word with no punctuation: a word quoted as a term or scare quote."""
    return bool(re.fullmatch(r"[\w'’\-]+", span_text.strip()))


_NAMING = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|known(?:\s+[\w’'\-]+){0,3}\s+as|titled|entitled|named|branded|labell?ed"
    r"|headlined|under the title"
    # "locals call the road the “plastics mile”", "what the trade calls ‘book club fiction’": a
    # name people in general use; "Vrost calls it “the worst month”", "what she called “a very
    # tight budget”" are someone's own words
    r"|\b(?:locals|residents|people|staff|critics|officials|experts|doctors|many|some|[a-z]+ers|[a-z]+ists"
    r"|what\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)\s+calls?(?:\s+[\w’'\-]+){0,3})(?:\s+(?:the|a|an))?[,:]?\s*$",
    re.IGNORECASE,
)


def introduced_as_name(text: str, open_pos: int) -> bool:
    """The marks follow a naming word (``the so-called "AI premium"``): a term, not a quote."""
    return bool(_NAMING.search(text[max(0, open_pos - 45) : open_pos]))


def is_short(span_text: str) -> bool:
    """At most two words and no sentence punctuation: a term unless someone is quoted saying it."""
    return len(span_text.split()) <= 2 and not re.search(r"[.!?,;:]", span_text)
