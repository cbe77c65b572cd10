"""Content span -> speaker mention, by a scorer learned from PolNeAR's relations.

Each (content, candidate source) pair gets a feature vector built from the encoder's
hidden states (the candidate's representation and its interaction with the content's)
plus position features (direction, distance, sentence and paragraph breaks between,
competing candidates between, whether a reporting cue sits next to the candidate).
A logistic regression fitted on PolNeAR scores the pairs; the best-scoring candidate
wins if it clears a threshold. The weights are plain numbers in ``linker.json``, so
loading needs no pickle and no scikit-learn.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from quoteattr.labels import LABEL2ID, TagSpan
from quoteattr.speakers import DATELINE, REPORTING_NEXT, capitals, mention_head
from quoteattr.tagging import DocEncoding

PRONOUNS = frozenset(
    "i me we us you he him she her they them it who one".split()
)
_SENT_END = re.compile(r"[.!?][\"'”’»]?\s")
N_POSITION_FEATURES = 16


@dataclass(frozen=True)
class Mention:
    """A candidate speaker mention: character and token ranges."""

    start: int
    end: int
    tok_start: int
    tok_end: int


_MENTION_EDGE = "\"'“”‘’«» \t\n,.;:—–-()[]"
_BARE_DETERMINERS = frozenset("a an the this that these those some one".split())
# "told reporters", "told the public broadcaster KRT", "told the BBC": the hearer.
_RECIPIENT = re.compile(r"\b(?:told|telling|tells)\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[a-z\-]+\s+){0,2}$",
                        re.IGNORECASE)
_MEDIUM = re.compile(r"(?:on|in|via|through|at|from|during)\b", re.IGNORECASE)
# A place or time phrase set off by a comma before the subject: "At Marrowby Royal
# Infirmary, Dr Niamh Gallagher".
_LEADING_CONJUNCTION = re.compile(r"(?:though|although|while|whereas|but|and|because|since)\s+(?=\S)")
_LEADING_ADVERBIAL = re.compile(r"(?:At|In|On|Outside|Inside|From|After|Before|During|Later|Earlier)\b[^,\n]{1,60},\s+(?=\S)")


def trim_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and quotation marks the tagger left at a mention's edges."""
    brk = text.rfind("\n", start, end)
    if brk >= 0 and any(c.isalnum() for c in text[brk:end]):
        start = brk + 1  # "[Castlegate Academy\n\nA mother of three] has accused": no mention spans paragraphs
    if start == 0 or text[start - 1] == "\n":
        dateline = DATELINE.match(text, start)
        if dateline and dateline.end() < end:
            start = dateline.end()  # "[HALBURY — Tressel Bank] said": the bank, not the dateline
    while start < end and text[start] in _MENTION_EDGE:
        start += 1
    while end > start and text[end - 1] in _MENTION_EDGE:
        end -= 1
    # Wordpiece tags can stop inside a word ("TOLOnews" tagged from "LOnews"): widen to it.
    while start > 0 and end > start and (
        text[start - 1].isalnum() or (text[start - 1] == "." and start >= 2 and text[start - 2].isalpha())
    ):
        start -= 1  # also back over an initialism: "S. General" -> "U.S. General"
    while end < len(text) and end > start and text[end].isalnum():
        end += 1
    if start >= 2 and text[start - 1] in "’'" and text[start : start + 2] == "s " and text[start - 2].isalpha():
        start -= 1  # "[s largest doctors’ union]": the country’s largest doctors’ union
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if text[max(0, start - 4) : start] in ("the ", "The "):
            start -= 4
    while start > 1 and text[start : start + 1].isupper() and text[start - 1] == " ":
        prev = re.search(capitals(r"[A-Z][\w\-]*$"), text[max(0, start - 30) : start - 1])
        if not prev or re.search(r"[.!?:\n“\"]\s*$", text[max(0, start - 32) : start - 1 - len(prev.group(0))]):
            break  # a sentence's first word may be capitalised for that reason alone
        start -= len(prev.group(0)) + 1  # "Castor [Beverage Group]": the whole name
    if text[start : start + 1].islower():
        owner = re.search(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+$", text[max(0, start - 7) : start])
        if owner:
            start -= len(owner.group(0))  # "said his [father]": whose father is the speaker
    lead = _LEADING_CONJUNCTION.match(text, start, end)
    if lead and end > lead.end():
        start = lead.end()  # "though independent experts cautioned": the experts
    aside = _WHERE_ASIDE.search(text, start, end)
    if aside and aside.start() > start:
        end = aside.start()  # "[The Clinton campaign], in a Q&A on the e-mail controversy,": where, not who
    return start, end


_WHERE_ASIDE = re.compile(r",[ \t]+(?:in|on|during|via)[ \t]+(?:a|an|the|its|his|her|their)\b")


_FRAGMENT_GAP_TOKENS = 8
_FRAGMENT_MIN_PROB = 0.25


def merge_source_fragments(enc: DocEncoding, spans: list[TagSpan]) -> list[TagSpan]:
    """Join SOURCE spans that the tagger broke on a weak token inside one noun phrase.

    Long descriptive subjects ('A passenger who had been sitting near the front') often
    dip below argmax on a word or two; left broken, the linker sees two weak fragments
    and prefers a pronoun further away. Fragments merge when every token between them
    still gives SOURCE a fair probability and no other span or sentence end lies between.
    """
    src_ids = [LABEL2ID["B-SOURCE"], LABEL2ID["I-SOURCE"]]
    out: list[TagSpan] = []
    for s in sorted(spans, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (
            prev is not None and s.type == "SOURCE" and prev.type == "SOURCE"
            and 0 <= s.token_start - prev.token_end <= _FRAGMENT_GAP_TOKENS
            and not _SENT_END.search(enc.text[prev.end : s.start] + " ")
            and "\n" not in enc.text[prev.end : s.start]
            and all(
                enc.probs[i, src_ids].sum() >= _FRAGMENT_MIN_PROB
                for i in range(prev.token_end, s.token_start)
                if enc.offsets[i][1] > enc.offsets[i][0]
            )
        ):
            out[-1] = TagSpan("SOURCE", prev.start, s.end, min(prev.score, s.score), prev.token_start, s.token_end)
            continue
        out.append(s)
    return out


_NOT_A_NOUN = re.compile(r"[a-z]+(?:ed|ful|ous|ive|ly|ing|able|ible)")
_LONE_MODIFIERS = frozenset("former late new old local senior junior then".split())
_PREPOSITIONS = frozenset("to in on at for from with by into about over under after before during".split())
_CLAUSE_LINKS = frozenset("because that although though while whereas unless if and or but as since when".split())
_MEDIA_NOUNS = frozenset("website site page account blog feed channel podcast newsletter".split())
_TIME_WORDS = frozenset("""spring summer autumn winter january february march april june july august
    september october november december monday tuesday wednesday thursday friday saturday sunday
    yesterday today tonight tomorrow""".split())
_RELATIVE_TAIL = re.compile(r",\s*(?:who|which|whose|whom)\b.*$", re.DOTALL)
# Without the comma, a relative clause after a whole noun phrase: "two officials who were
# present", "a nurse who asked not to be named"; not a fragment ("old girl who has not").
_BOUND_RELATIVE_TAIL = re.compile(r"^(?:a|an|the|one|two|three|four|five|several|some|many|few|other)\s+[^,]*?(\s+(?:who|whose|whom)\b.*)$",
                                  re.DOTALL | re.IGNORECASE)
_FINITE = re.compile(r"\b(?:had|has|have|was|were|is|are|would|will|did|does)\b")


def _looks_like_noun_phrase(mention: str) -> bool:
    """Whether a tagged source could name someone: not a lone lower-case adjective,
    participle or adverb, and not a lower-case clause with a finite verb in it."""
    words = mention.split()
    if len(words) == 1 and (_NOT_A_NOUN.fullmatch(words[0]) or words[0] in _LONE_MODIFIERS) and words[0] not in PRONOUNS:
        return False  # "former" of "a former aircraft hangar"
    if words and words[0] in _PREPOSITIONS:
        return False  # "to the consultation": where it went, not who spoke
    if 1 < len(words) <= 3 and mention[:1].islower() and words[0] not in ("a", "an", "the", "one") \
            and (words[-1] in _PREPOSITIONS or words[-1] in _CLAUSE_LINKS):
        return False  # "named because", "spoke to": a clause's tail, no noun phrase
    if words and words[0].lower().strip(",") in _TIME_WORDS:
        return False  # "spring, after a two-year review": when, not who
    # "a man clearing branches, who did not want to give his name": the relative clause's verb
    # is no sign of a clause tail.
    core = _RELATIVE_TAIL.sub("", mention)
    bound = _BOUND_RELATIVE_TAIL.match(core)
    core = core[: bound.start(1)] if bound else core
    return not (mention[:1].islower() and _FINITE.search(core))


def source_mentions(enc: DocEncoding, spans: list[TagSpan]) -> list[Mention]:
    """Candidate speaker mentions: the tagger's SOURCE spans, fragments merged, trimmed.

    Spans opening with a preposition (``on Twitter``, ``in a statement``) say where
    something was said, not who said it, and are dropped. Training fits the linker
    on these same candidates, so its scores are calibrated for what inference sees.
    """
    out = []
    for s in merge_source_fragments(enc, spans):
        if s.type != "SOURCE":
            continue
        start, end = trim_mention(enc.text, s.start, s.end)
        lead = _LEADING_ADVERBIAL.match(enc.text, start, end)
        if lead and end - lead.end() > 2:
            start = lead.end()  # "At Marrowby Royal Infirmary, Dr Niamh Gallagher, ...": the doctor
        if end <= start or _MEDIUM.match(enc.text[start:end]):
            continue
        if enc.text[end - 2 : end] in ("'s", "’s") and not REPORTING_NEXT.match(enc.text, end):
            continue  # "the party's" (headquarters), "Feher's" (Civic Alliance): a possessor
        if enc.text[start:end].lower() in _BARE_DETERMINERS:
            continue  # "A" left of "A handwritten sign ... read:": no one to name
        if _RECIPIENT.search(enc.text[max(0, start - 50) : start]):
            continue  # "told reporters", "told analysts": who heard it, not who said it
        if mention_head(enc.text[start:end]).lower() in _MEDIA_NOUNS:
            continue  # "the club's website", "her Instagram account": where, not who
        if not _looks_like_noun_phrase(enc.text[start:end]):
            continue  # "unhelpful", "named", "side had won the previous two titles"
        ts, te = enc.token_range(start, end)
        if te > ts:
            out.append(Mention(start, end, ts, te))
    return out


def span_vector(enc: DocEncoding, tok_start: int, tok_end: int) -> np.ndarray:
    """Mean hidden state over a token range (zeros for an empty range)."""
    return enc.span_mean(tok_start, tok_end)


def position_features(
    enc: DocEncoding,
    content: tuple[int, int, int, int],
    cand: Mention,
    others: list[Mention],
    cue_tokens: np.ndarray,
) -> np.ndarray:
    """Direction, distance and what lies between a content span and a candidate."""
    c_start, c_end, ct_s, ct_e = content
    text = enc.text
    before = cand.end <= c_start
    inside = cand.start >= c_start and cand.end <= c_end
    after = not before and not inside
    if before:
        gap_chars = (cand.end, c_start)
        tok_dist = ct_s - cand.tok_end
    elif after:
        gap_chars = (c_end, cand.start)
        tok_dist = cand.tok_start - ct_e
    else:
        gap_chars = (cand.start, cand.start)
        tok_dist = 0
    gap = text[gap_chars[0] : gap_chars[1]]
    tok_dist = max(tok_dist, 0)
    lo, hi = (cand.tok_end, ct_s) if before else (ct_e, cand.tok_start)
    between = sum(1 for o in others if o is not cand and o.tok_start >= lo and o.tok_end <= hi)
    near = cue_tokens[max(0, cand.tok_start - 3) : cand.tok_end + 3].max() if len(cue_tokens) else 0.0
    word = text[cand.start : cand.end].strip().lower()
    return np.array(
        [
            float(before),
            float(after),
            float(inside),
            np.log1p(tok_dist) / 6.0,
            float(tok_dist <= 3),
            float(tok_dist <= 12),
            min(len(_SENT_END.findall(gap)), 5) / 5.0,
            min(gap.count("\n"), 3) / 3.0,
            min(between, 5) / 5.0,
            float(between == 0),
            float(near),
            float(word in PRONOUNS),
            float(word[:1].isupper() or text[cand.start : cand.start + 1].isupper()),
            np.log1p(cand.tok_end - cand.tok_start) / 3.0,
            float("," in gap and len(gap) < 4),
            1.0,
        ],
        np.float32,
    )


def pair_features(
    enc: DocEncoding,
    content: tuple[int, int, int, int],
    cands: list[Mention],
    cue_tokens: np.ndarray,
) -> np.ndarray:
    """Feature rows, one per candidate, for one content span."""
    if not cands:
        return np.zeros((0, 2 * enc.hidden.shape[1] + N_POSITION_FEATURES), np.float32)
    h_c = span_vector(enc, content[2], content[3])
    h_s = np.stack([span_vector(enc, c.tok_start, c.tok_end) for c in cands])
    pos = np.stack([position_features(enc, content, c, cands, cue_tokens) for c in cands])
    return np.concatenate([h_s, h_s * h_c, pos], axis=1)


def candidates_near(mentions: list[Mention], content: tuple[int, int, int, int], max_tokens: int) -> list[Mention]:
    """Mentions within ``max_tokens`` of the content span, either side or inside."""
    _, _, ts, te = content
    return [m for m in mentions if m.tok_end >= ts - max_tokens and m.tok_start <= te + max_tokens]


class Linker:
    """Logistic-regression pair scorer; the best candidate above ``threshold`` is the speaker."""

    def __init__(self, coef: np.ndarray, intercept: float, mean: np.ndarray, scale: np.ndarray,
                 threshold: float = 0.3, max_tokens: int = 400):
        self.coef = coef.astype(np.float32)
        self.intercept = float(intercept)
        self.mean = mean.astype(np.float32)
        self.scale = scale.astype(np.float32)
        self.threshold = threshold
        self.max_tokens = max_tokens

    def scores(self, feats: np.ndarray) -> np.ndarray:
        z = ((feats - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def link(
        self, enc: DocEncoding, content: tuple[int, int, int, int], mentions: list[Mention], cue_tokens: np.ndarray
    ) -> tuple[Mention | None, float]:
        cands = candidates_near(mentions, content, self.max_tokens)
        if not cands:
            return None, 0.0
        s = self.scores(pair_features(enc, content, cands, cue_tokens))
        best = int(s.argmax())
        return (cands[best], float(s[best])) if s[best] >= self.threshold else (None, float(s[best]))

    def to_json(self, path: str | Path, extra: dict | None = None) -> None:
        data = {
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "threshold": self.threshold,
            "max_tokens": self.max_tokens,
            **(extra or {}),
        }
        Path(path).write_text(json.dumps(data), encoding="utf-8")

    @classmethod
    def from_json(cls, path: str | Path) -> "Linker":
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(np.array(d["coef"]), d["intercept"], np.array(d["mean"]), np.array(d["scale"]),
                   d.get("threshold", 0.3), d.get("max_tokens", 400))
