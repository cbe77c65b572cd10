"""A rule-based baseline, in the style of textacy's direct-quotation extractor.

It exists so that every score of the model has something to be compared with: if a
learned tagger cannot beat regexes and a verb list, the tagger is not earning its
keep. It shares no code with the model on purpose (not even the quotation-mark
scanner), so a bug in the model's pipeline cannot flatter the comparison.

Rules:
- direct quotes: text between paired double quotation marks (curly or straight, and
  the mismatched “…" pairs found in real copy), one paragraph at most. Titles (every
  word capitalised, no final punctuation) and single quoted words are dropped, and a
  quote under four words needs a speech verb in its sentence;
- indirect quotes: ``X said [up to six words] that CLAUSE`` with a speech verb, the
  clause running to the end of the sentence and holding no quotation mark;
- speaker: the capitalised name next to the speech verb nearest the quote (``Masud
  said``, ``said Milley``, ``Noor, the head of ..., warned``), else the nearest
  capitalised name in the sentence; a pronoun gives the previous named speaker; a
  surname alone is widened to the fullest earlier name ending with it.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quoteattr.attributor import SpanPrediction
from quoteattr.quote import Quote

log = logging.getLogger(__name__)

OPEN_MARKS = "“\"„«"
CLOSE_MARKS = "”\"»“"
_QUOTE_RE = re.compile(r"[“\"„«](?P<body>[^“”\"„«»\n]+)[”\"»“]")
ALL_MARKS = set(OPEN_MARKS + CLOSE_MARKS + "‘’'")

SPEECH_VERBS = frozenset(
    """say says said saying tell tells told add adds added warn warns warned claim claims claimed
    argue argues argued insist insists insisted explain explains explained note notes noted
    write writes wrote tweet tweets tweeted state states stated declare declares declared
    announce announces announced acknowledge acknowledges acknowledged admit admits admitted
    vow vows vowed promise promises promised reply replies replied respond responds responded
    ask asks asked urge urges urged suggest suggests suggested continue continues continued
    recall recalls recalled remark remarks remarked report reports reported confirm confirms
    confirmed deny denies denied predict predicts predicted complain complains complained
    admit concede concedes conceded testify testifies testified allege alleges alleged
    assert asserts asserted boast boasts boasted caution cautions cautioned stress stresses
    stressed emphasize emphasizes emphasized emphasise emphasises emphasised posted""".split()
)
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
_ADVERBS = r"(?:also|earlier|later|then|has|had|have|was|is|will|would|previously|once|again|further|reportedly|repeatedly|later|first|recently)"
_BEFORE_GAP = re.compile(rf"^(?:,\s*who)?\s+(?:{_ADVERBS}\s+){{0,2}}$", re.IGNORECASE)
TITLE_WORDS = frozenset(
    """president vice general gen. former senator sen. rep. representative gov. governor mr. mrs.
    ms. dr. secretary minister prime chairman chairwoman chief spokesman spokeswoman spokesperson
    judge mayor commander lt. col. sgt. capt. prof. professor king queen prince pope ambassador
    director leader sheikh""".split()
)
_STOP_CAPS = frozenset(
    """the a an this that these those it its he she they we i you your his her their our my but
    and or so yet if when while after before since as at on in of for from with by to meanwhile
    earlier later however although though still also there here then now today yesterday
    tomorrow monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec see what who why how where according""".split()
)
_CONNECT = frozenset({"of", "de", "al", "bin", "van", "von", "la", "du", "da", "del", "the"})
_WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’.]\w+)*")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Jr|Sr|Lt|Col|Sgt|Capt|Prof|No|Sept|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec|vs|etc|Inc|Corp|Co|Ltd))$"
)
_BOUNDARY = re.compile(r"[.!?][\"”’»]?\s+(?=[\"“‘«(\[]?[A-Z0-9])")
_INDIRECT_RE = re.compile(
    r"\b(?P<cue>" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b"
    r"(?P<mid>(?:\s+[^\s.,;:!?\"“”]+){0,6}?)\s+that\s+",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Mention:
    """A candidate speaker mention: a capitalised name or a pronoun."""

    start: int
    end: int
    text: str
    pronoun: bool


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int


@dataclass
class _Found:
    """A quote before speaker resolution."""

    start: int
    end: int
    kind: str
    content: tuple[int, int]  # PolNeAR-style content span (marks included for direct)
    cue: _Cue | None
    sentence: tuple[int, int]


# --------------------------------------------------------------------------- text helpers


def _mask_quotes(text: str, quotes: Sequence[tuple[int, int]]) -> str:
    """The text with quote bodies blanked to 'x' (length kept), so sentences and names
    are found in the narrative only. A final .!? inside the marks is kept: it ends the
    sentence."""
    chars = list(text)
    for s, e in quotes:
        for k in range(s, e):
            if not (k == e - 1 and chars[k] in ".!?") and not chars[k].isspace():
                chars[k] = "x"
    return "".join(chars)


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, never across a paragraph or inside a quote."""
    out = []
    for para in re.finditer(r"[^\n]+", masked):
        start = para.start()
        for m in _BOUNDARY.finditer(masked, para.start(), para.end()):
            word = masked[max(para.start(), m.start() - 12) : m.start()]
            if _ABBREV.search(word):
                continue
            out.append((start, m.start() + 1))
            start = m.end()
        out.append((start, para.end()))
    return out


def _sentence_of(sents: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return (pos, pos)


def _mentions(masked: str) -> list[_Mention]:
    """Capitalised name sequences (titles stripped) and pronouns, in text order."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD_RE.finditer(masked)]
    out: list[_Mention] = []
    k = 0
    while k < len(words):
        s, e, w = words[k]
        if w.lower() in PRONOUNS:
            out.append(_Mention(s, e, w, True))
            k += 1
            continue
        if not _is_cap(w):
            k += 1
            continue
        seq = [words[k]]
        j = k + 1
        while j < len(words) and masked[seq[-1][1] : words[j][0]] == " ":
            nxt = words[j][2]
            if _is_cap(nxt) or (nxt.lower() in _CONNECT and j + 1 < len(words) and _is_cap(words[j + 1][2])
                                and masked[words[j][1] : words[j + 1][0]] == " "):
                seq.append(words[j])
                j += 1
            else:
                break
        k = j
        name = _strip_titles(seq)
        if name:
            out.append(_Mention(name[0][0], name[-1][1], masked[name[0][0] : name[-1][1]], False))
    return out


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _STOP_CAPS and not re.fullmatch(r"x+", word)


def _strip_titles(seq: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop everything up to the last title word (``Former Afghan Vice President``) and a
    leading initialism (``U.S.``); a possessive (``Masud's father``) is not a speaker."""
    last = -1
    for i, (_, _, w) in enumerate(seq):
        if w.lower() in TITLE_WORDS or w.lower().rstrip(".") + "." in TITLE_WORDS:
            last = i
    seq = seq[last + 1 :]
    while seq and re.fullmatch(r"(?:[A-Z]\.){2,}", seq[0][2]):
        seq = seq[1:]
    while seq and seq[-1][2].lower() in _CONNECT:
        seq = seq[:-1]
    if not seq or re.search(r"['’]s$", seq[-1][2]):
        return []
    return seq


def _cues(masked: str, lo: int, hi: int) -> list[_Cue]:
    """Speech verbs and ``according to`` in ``masked[lo:hi]``."""
    out = [_Cue(m.start(), m.end()) for m in _WORD_RE.finditer(masked, lo, hi) if m.group(0).lower() in SPEECH_VERBS]
    out += [_Cue(m.start(), m.end()) for m in _ACCORDING.finditer(masked, lo, hi)]
    return sorted(out, key=lambda c: c.start)


def _looks_like_title(body: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", body)]
    if len(words) < 2 or body.rstrip()[-1:] in ".,!?;:":
        return False
    return all(w[0].isupper() or w.lower() in _CONNECT | {"a", "an", "and", "in", "on", "to", "for", "with"} for w in words)


# --------------------------------------------------------------------------- the baseline


class RuleBaseline:
    """Regexes and a speech-verb list; same calls as QuoteAttributor where scoring needs them."""

    name = "baseline"

    def __call__(self, text: str) -> list[Quote]:
        return self._analyse(text)[0]

    def predict_batch(self, texts: Iterable[str], batch_size: int | None = None, progress: bool = False) -> list[list[Quote]]:
        """Quotes for each text (``batch_size`` and ``progress`` accepted for parity)."""
        if isinstance(texts, str):
            raise TypeError("predict_batch takes a list of texts; for one text call the baseline itself")
        return [self(t) for t in texts]

    def predict_spans(self, texts: Iterable[str], batch_size: int | None = None, progress: bool = False) -> list[SpanPrediction]:
        """PolNeAR-style spans: direct content with its marks, source mentions and cues."""
        return [self._analyse(t)[1] for t in texts]

    # -- one text ------------------------------------------------------------------------

    def _analyse(self, text: str) -> tuple[list[Quote], SpanPrediction]:
        if not text.strip():
            return [], SpanPrediction([], [])
        direct = self._direct(text)
        masked = _mask_quotes(text, [(f.content[0] + 1, f.content[1] - 1) for f in direct])
        sents = sentences(masked)
        mentions = _mentions(masked)
        for f in direct:
            f.sentence = _sentence_of(sents, f.start)
            f.cue = self._nearest_cue(masked, f)
        direct = [f for f in direct if f.cue is not None or len(text[f.start : f.end].split()) >= 4]
        found = sorted(direct + self._indirect(text, masked, sents), key=lambda f: f.start)
        return self._attribute(text, found, mentions)

    def _direct(self, text: str) -> list[_Found]:
        out = []
        for m in _QUOTE_RE.finditer(text):
            s, e = m.span("body")
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            body = text[s:e]
            if len(body.split()) < 2 or _looks_like_title(body):
                continue
            out.append(_Found(s, e, "direct", m.span(), None, (s, e)))
        return out

    def _nearest_cue(self, masked: str, f: _Found) -> _Cue | None:
        lo, hi = f.sentence
        cues = [c for c in _cues(masked, lo, hi) if not (f.content[0] <= c.start < f.content[1])]
        if not cues:
            return None
        return min(cues, key=lambda c: min(abs(c.start - f.content[1]), abs(f.content[0] - c.end)))

    def _indirect(self, text: str, masked: str, sents: Sequence[tuple[int, int]]) -> list[_Found]:
        out = []
        for m in _INDIRECT_RE.finditer(masked):
            sent = _sentence_of(sents, m.start())
            s, e = m.end(), sent[1]
            while e > s and text[e - 1] in " .!?;:,\"”’":
                e -= 1
            clause = text[s:e]
            if len(clause.split()) < 3 or any(ch in ALL_MARKS - {"'", "’"} for ch in clause) or "x" * 3 in masked[s:e]:
                continue
            out.append(_Found(s, e, "indirect", (s, e), _Cue(*m.span("cue")), sent))
        return out

    def _attribute(self, text: str, found: list[_Found], mentions: list[_Mention]) -> tuple[list[Quote], SpanPrediction]:
        quotes: list[Quote] = []
        spans: set[tuple[str, int, int]] = set()
        attrs = []
        last_named: str | None = None
        names = [m for m in mentions if not m.pronoun]
        for f in found:
            mention = _speaker_mention(text, f, mentions) if f.cue is not None else None
            speaker = None
            if mention is not None and mention.pronoun:
                speaker = last_named
            elif mention is not None:
                speaker = _canonical(mention, names)
                last_named = speaker
            cue_text = text[f.cue.start : f.cue.end] if f.cue else None
            score = 1.0 if f.cue is not None else 0.5
            quotes.append(Quote(
                start=f.start, end=f.end, text=text[f.start : f.end], kind=f.kind, speaker=speaker,
                speaker_mention=mention.text if mention else None,
                speaker_start=mention.start if mention else None, speaker_end=mention.end if mention else None,
                cue=cue_text, score=score, cue_start=f.cue.start if f.cue else None,
                cue_end=f.cue.end if f.cue else None,
            ))
            spans.add(("CONTENT", *f.content))
            src = (mention.start, mention.end) if mention else None
            cue = (f.cue.start, f.cue.end) if f.cue else None
            if src:
                spans.add(("SOURCE", *src))
            if cue:
                spans.add(("CUE", *cue))
            attrs.append((f.content, src, cue))
        ordered = sorted(spans, key=lambda t: (t[1], t[2], t[0]))
        return quotes, SpanPrediction(ordered, attrs)


def _speaker_mention(text: str, f: _Found, mentions: list[_Mention]) -> _Mention | None:
    """The mention next to the quote's cue: adjacent before it (a couple of adverbs
    allowed), right after it, the subject of an appositive (``Noor, the head of ...,
    warned``), else the nearest name in the sentence outside the quote."""
    assert f.cue is not None
    lo, hi = f.sentence
    cs, ce = f.cue.start, f.cue.end
    inside = [m for m in mentions if lo <= m.start and m.end <= hi
              and not (f.content[0] <= m.start < f.content[1])]
    before = [m for m in inside if m.end <= cs]
    after = [m for m in inside if m.start >= ce]
    if before and _BEFORE_GAP.match(text[before[-1].end : cs]):
        return before[-1]
    if after and text[ce : after[0].start].strip() == "" and text[ce : after[0].start] != "":
        return after[0]
    if before and re.search(r",\s*$", text[before[-1].end : cs]):
        for m in before:
            if not m.pronoun and text[m.end : m.end + 1] == ",":
                return m
    names = [m for m in inside if not m.pronoun]
    if not names:
        return None
    return min(names, key=lambda m: min(abs(m.start - ce), abs(cs - m.end)))


def _canonical(mention: _Mention, names: list[_Mention]) -> str:
    """A one-word name widened to the fullest name ending with it, the latest one before
    the mention first (``Masud`` -> ``Ahmad Masud``, not his father named later)."""
    words = mention.text.split()
    if len(words) != 1:
        return mention.text
    longer = [n for n in names if len(n.text.split()) > 1 and n.text.split()[-1] == words[0]]
    earlier = [n for n in longer if n.start < mention.start]
    if earlier:
        return earlier[-1].text
    return longer[0].text if longer else mention.text
