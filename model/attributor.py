"""QuoteAttributor: text in, quotes with canonical speakers out.

Pipeline per article: one tokenization, windows batched across the articles in a call
(``tagging.encode_documents``), stitched tag probabilities and hidden states, then
- direct quotes: stretches between quotation marks (``marks``) that the tagger reads
  as content (titles, nicknames and single quoted terms are dropped);
- indirect quotes: content spans the tagger decodes outside quotation marks that have
  a reporting cue beside them;
- each quote's speaker mention: the learned pair scorer (``linking``) over the source
  mentions the tagger found; its canonical name: ``speakers``.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from quoteattr.labels import LABEL2ID, TagSpan, decode_spans
from quoteattr.linking import Linker, Mention, source_mentions
from quoteattr.resolver import RESOLVER_FILE, PronounRanker, candidate_features, collect_candidates
from quoteattr.foreign import (FOREIGN_BARE, FOREIGN_VERB_RE, according_to, after_marks, english_mention, foreign_name,
                               opening_subject, reported_clauses, speaker_beside, subject_in, written_subject)
from quoteattr.marks import english_marks, find_marked_spans, introduced_as_name, is_short, looks_like_title
from quoteattr.quote import Quote
from quoteattr.speakers import (CLOSE_MARKS, DATELINE, NATIONALITIES, DETERMINERS, dateline_spans, FOREIGN_FUNCTION_WORDS, KIN_MENTION, LAWYER_HEADS, OPEN_MARKS, PRONOUN_GENDER, REPORTING_NEXT, TITLE_WORDS,
                                SpeakerResolver, at_place, cached_regex, called, capitals, description_speaker, first_name_gender, head_gender,
                                in_double_quotes, is_org, names_a_thing, mention_core, mention_head, mention_name, mention_type, org_word, party_of,
                                sentence_end, sentence_start, strip_titles)
from quoteattr.tagging import DocEncoding, encode_documents

if TYPE_CHECKING:
    from quoteattr.pointer import SpeakerPointer

log = logging.getLogger(__name__)

SHIPPED_DIR = Path(__file__).parent / "weights"
LINKER_FILE = "linker.json"

# First words of reporting cues that introduce reported speech (the guideline's
# indirect quotes). PolNeAR also annotates beliefs and wishes (thinks, hopes, likes);
# those are not quotes, so an indirect span needs one of these beside it.
REPORTING_STEMS = tuple(
    """say said tell told warn claim add announc argu acknowledg vow accord report stat writ
    wrote tweet insist explain note confirm deni deny suggest ask urg call declar assert
    predict promis pledg admit alleg charg accus complain respond repl reveal disclos
    estimat recall comment conced describ indicat point observ mention emphasi stress
    maintain contend testif post quot forecast threaten propos demand signal agre disagre
    cit recount boast lament mus told conclud assur advis caution urg testif""".split()
)


@dataclass(frozen=True)
class SpanPrediction:
    """The tagger's raw view of one document, in PolNeAR's terms.

    ``spans`` are decoded (TYPE, start, end) spans; ``attributions`` tie each CONTENT
    span to its linked SOURCE span and nearest CUE span (None when absent). Used to
    score against PolNeAR, whose content spans include beliefs and quotation marks.
    """

    spans: list[tuple[str, int, int]]
    attributions: list[tuple[tuple[int, int], tuple[int, int] | None, tuple[int, int] | None]]


@dataclass
class _Unit:
    """A quote before speaker resolution."""

    start: int
    end: int
    kind: str
    score: float
    tok: tuple[int, int]
    short: bool = False  # a one- or two-word direct quote: kept only with a speaker and a cue
    subject: tuple[int, int] | None = None  # a foreign reported clause's subject, found with it


def _content_prob(enc: DocEncoding) -> np.ndarray:
    return enc.probs[:, LABEL2ID["B-CONTENT"]] + enc.probs[:, LABEL2ID["I-CONTENT"]]


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _previous_paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph before ``pos``'s own starts: how far back 'recent' reaches."""
    return _paragraph_start(text, max(_paragraph_start(text, pos) - 2, 0))


class QuoteAttributor:
    """Finds quotes and their speakers. Build with :meth:`load`."""

    def __init__(self, model, tokenizer, linker: Linker, settings: dict, device: str = "cpu",
                 batch_size: int = 16, direct_threshold: float = 0.35, indirect_threshold: float = 0.5):
        self.model = model
        self.tokenizer = tokenizer
        self.linker = linker
        self.settings = settings
        self.device = device
        self.batch_size = batch_size
        self.direct_threshold = direct_threshold
        self.indirect_threshold = indirect_threshold
        self.max_length = int(settings.get("max_length", 512))
        self.stride = int(settings.get("stride", 128))
        self.ranker: PronounRanker | None = None  # learned he/she resolution, when shipped
        self.pronoun_log: list[dict] | None = None  # set by training to record decisions
        self.pointer: SpeakerPointer | None = None  # learned speaker choice, when shipped
        self.pointer_log: list[dict] | None = None  # set by training: score every quote, switch none

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, device: str | None = None,
             quantize: bool = False, bf16: bool | None = None, window: int | None = None,
             overlap: int | None = None, pointer: bool = True, **kwargs) -> "QuoteAttributor":
        """Load a checkpoint directory written by training; without one, the shipped model.

        ``quantize=True`` converts the linear layers to dynamic int8 (CPU only): faster
        on CPUs with int8 dot products, at a cost in accuracy (see benchmarks/).
        ``bf16`` runs the encoder in bfloat16; by default (None) it does so where the
        hardware has bf16 arithmetic (CPUs with AVX512-BF16/AMX, recent GPUs), where it is
        about 1.7x faster with the same quality on the labelled set and PolNeAR dev
        (benchmarks/RESULTS.md, eval reports).
        A ``resolver.json`` in the checkpoint (``python -m quoteattr.train.resolver --out``)
        switches he/she resolution from the rules to the learned ranker; the shipped
        model has none, as the ranker did not beat the rules on held-out dev articles.
        A ``pointer.safetensors`` (``python -m quoteattr.train.pointer --out``) adds the
        learned speaker pointer (``pointer=False`` skips it); the shipped model has none.
        ``window``/``overlap`` override the checkpoint's window length and overlap in
        tokens at inference; attention costs grow with the window, so shorter windows
        are faster (benchmarks/RESULTS.md gives the speed and quality of each).
        """
        import torch

        from quoteattr.encoder import load_compact, load_tokenizer

        ckpt = Path(path) if path is not None else SHIPPED_DIR
        if not ckpt.is_dir():
            raise FileNotFoundError(f"model directory not found: {ckpt}")
        model, settings = load_compact(ckpt)
        settings = dict(settings)
        if window is not None:
            settings["max_length"] = int(window)
        if overlap is not None:
            settings["stride"] = int(overlap)
        _check_windows(int(settings.get("max_length", 512)), int(settings.get("stride", 128)))
        linker_path = ckpt / LINKER_FILE
        if not linker_path.is_file():
            raise FileNotFoundError(f"{ckpt} has no {LINKER_FILE}: training did not finish phase 2")
        device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        if quantize:
            if device != "cpu":
                raise ValueError("int8 quantization is for CPU inference; use device='cpu'")
            # Per-channel weight scales: per-tensor ones cost 6.7 labelled e2e F1 points,
            # per-channel 2.0 (benchmarks/QUALITY.md).
            from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

            model = quantize_dynamic(model, {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8)
        model.to(device)
        if bf16 is None:
            bf16 = not quantize and _has_fast_bf16(device)
        if bf16:
            model.to(torch.bfloat16)
        qa = cls(model, load_tokenizer(settings.get("base_model")), Linker.from_json(linker_path),
                 settings, device=device, **kwargs)
        if (ckpt / RESOLVER_FILE).is_file():
            qa.ranker = PronounRanker.from_json(ckpt / RESOLVER_FILE)
        from quoteattr.pointer import POINTER_FILE, SpeakerPointer

        if pointer and (ckpt / POINTER_FILE).is_file():
            qa.pointer = SpeakerPointer.load(ckpt, device=device, dtype=torch.bfloat16 if bf16 else None)
        return qa

    def __call__(self, text: str) -> list[Quote]:
        return self.predict_batch([text])[0]

    def predict_batch(self, texts: list[str], batch_size: int | None = None, progress: bool = False) -> list[list[Quote]]:
        """Quotes for each text, windows batched across all of them."""
        if isinstance(texts, str):
            raise TypeError("predict_batch takes a list of texts; for one text call the attributor itself")
        texts = list(texts)
        bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
        if bad:
            raise TypeError(
                f"every text must be a str; item(s) {bad[:5]} are {type(texts[bad[0]]).__name__}"
            )
        # Lone surrogates (from badly decoded input) break the tokenizer; swapping each
        # for U+FFFD keeps every character offset where it was.
        clean = [t.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(t) else t for t in texts]
        encs = self._encode(clean, batch_size, progress)
        return [self._quotes(t, enc) for t, enc in zip(texts, encs)]

    def _encode(self, texts: list[str], batch_size: int | None, progress: bool) -> list[DocEncoding]:
        """Tag probabilities for each text, the tagger reading every pair of quotation
        marks as English ones (“ ”): it learned quotes from English copy, and finds far
        fewer inside « », „ “ or » «. Offsets are the same; each encoding keeps its own text."""
        encs = encode_documents(self.model, self.tokenizer, [english_marks(t) for t in texts], self.max_length,
                                self.stride, batch_size or self.batch_size, progress=progress)
        return [enc if enc.text == t else replace(enc, text=t) for t, enc in zip(texts, encs)]

    def predict_spans(self, texts: list[str], batch_size: int | None = None, progress: bool = False) -> list[SpanPrediction]:
        """Raw tagged spans and linked attributions per text (see SpanPrediction)."""
        encs = self._encode(list(texts), batch_size, progress)
        out = []
        for enc in encs:
            spans, mentions = self.analyse(enc)
            cue_prob = enc.probs[:, LABEL2ID["B-CUE"]] + enc.probs[:, LABEL2ID["I-CUE"]]
            cues = [s for s in spans if s.type == "CUE"]
            attrs = []
            for s in spans:
                if s.type != "CONTENT":
                    continue
                unit = _Unit(s.start, s.end, "indirect", s.score, (s.token_start, s.token_end))
                mention, _ = self.linker.link(enc, (s.start, s.end, s.token_start, s.token_end), mentions, cue_prob)
                cue = _nearest_cue(cues, mention, unit, enc.text)
                attrs.append(((s.start, s.end), (mention.start, mention.end) if mention else None,
                              (cue.start, cue.end) if cue else None))
            out.append(SpanPrediction([(s.type, s.start, s.end) for s in spans], attrs))
        return out

    # -- per document -------------------------------------------------------------------

    def analyse(self, enc: DocEncoding) -> tuple[list[TagSpan], list[Mention]]:
        """Decoded tag spans and the source mentions among them."""
        spans = decode_spans(enc.probs, enc.offsets)
        return spans, source_mentions(enc, spans)

    def _direct_units(self, text: str, enc: DocEncoding) -> list[_Unit]:
        content = _content_prob(enc)
        units = []
        for m in find_marked_spans(text):
            body = text[m.start : m.end]
            if looks_like_title(body) or introduced_as_name(text, m.start - 1):
                continue
            ts, te = enc.token_range(m.start, m.end)
            if te <= ts:
                continue
            score = float(content[ts:te].mean())
            if score >= self.direct_threshold:
                units.append(_Unit(m.start, m.end, "direct", score, (ts, te), short=is_short(body)))
        return units

    def _indirect_units(self, text: str, enc: DocEncoding, spans: list[TagSpan], direct: list[_Unit]) -> list[_Unit]:
        marked = [(m.start - 1, m.end + 1) for m in find_marked_spans(text)]
        cues = [s for s in spans if s.type == "CUE"]
        headline_end = _headline_end(text)
        units = []
        # A reported clause never runs over a paragraph break: a span the tagger ran on
        # ('... until Wednesday.' ¶ 'Crews carried out 300 rescues, according to ...') is two.
        pieces = [(s, a, b) for s in spans if s.type == "CONTENT" and s.score >= self.indirect_threshold
                  for a, b in _paragraph_pieces(text, s.start, s.end)]
        for s, a, b in pieces:
            start, end = _trim_indirect(text, *_lede_start(text, a, b))
            body = text[start:end]
            if len(body.split()) < 3 or _mostly_capitalised(body) or not _is_reported_clause(body):
                continue
            if _NOT_REPORTED.match(body) or start < headline_end:
                continue  # "(asked) not to be named", "which killed ...", a headline's words
            if any(d.start < end and start < d.end for d in direct):
                continue  # a clause holding a quoted fragment reports only the fragment
            inside = sum(max(0, min(end, b) - max(start, a)) for a, b in marked)
            if inside > 0.5 * (end - start):
                continue
            if not _has_reporting_cue(text, cues, start, end):
                continue
            # Only for a clause that already qualifies: its own subject, its closing modifier.
            start, end = _clause_start(text, start, end), _trailing_modifier_end(text, end)
            ts, te = enc.token_range(start, end)
            units.append(_Unit(start, end, "indirect", s.score, (ts, te)))
        return units

    @staticmethod
    def _foreign_units(text: str, enc: DocEncoding) -> list[_Unit]:
        """Reported speech the foreign rules find (``foreign.reported_clauses``), each with
        its subject and the tagger's content score over it."""
        content = _content_prob(enc)
        units = []
        for start, end, subject in reported_clauses(text):
            ts, te = enc.token_range(start, end)
            if te > ts:
                units.append(_Unit(start, end, "indirect", float(content[ts:te].mean()), (ts, te), subject=subject))
        return units

    def _quotes(self, text: str, enc: DocEncoding) -> list[Quote]:
        if not text.strip() or not enc.offsets:
            return []
        spans, mentions = self.analyse(enc)
        direct = self._direct_units(text, enc)
        units = direct + self._indirect_units(text, enc, spans, direct)
        resolver = SpeakerResolver(text, [(m.start, m.end) for m in mentions], [(u.start, u.end) for u in direct])
        foreign = resolver.foreign
        if foreign:
            units += [u for u in self._foreign_units(text, enc) if not any(o.start < u.end and u.start < o.end for o in units)]
        units.sort(key=lambda u: u.start)
        cue_prob = enc.probs[:, LABEL2ID["B-CUE"]] + enc.probs[:, LABEL2ID["I-CUE"]]
        cues = [s for s in spans if s.type == "CUE"]
        quotes: list[Quote] = []
        history: list[tuple[int, str]] = []  # (position, canonical) of resolved name speakers
        datelines = dateline_spans(text)
        for u in units:
            near = _candidate_mentions(mentions, u, datelines)
            after = _ACCORDING_AFTER.match(text, u.end)
            named = [m for m in near if after and m.start == after.end() and mention_type(text[m.start : m.end]) == "name"]
            signed = _DASH_SIGNED.match(text, after_marks(text, u.end)) if u.kind == "direct" else None
            if signed and mention_type(signed.group(1)) == "name":
                mention = Mention(signed.start(1), signed.end(1), *u.tok)  # '“...” ― Carla Sanchez'
            elif u.subject is not None:  # found with the clause it reports
                mention = Mention(*u.subject, *u.tok)
                mention = _relative_clause_antecedent(text, mention, resolver, near) or mention
            elif named:  # '..., according to Brightline Research.': the sentence names who (not 'to her data')
                mention = named[0]
            else:
                mention, _ = self.linker.link(enc, (u.start, u.end, *u.tok), near, cue_prob)
                mention = _relative_clause_antecedent(text, mention, resolver, near) or mention
            foreign_short = foreign and u.short and FOREIGN_VERB_RE.search(text, sentence_start(text, u.start), u.start)
            if u.short and not foreign_short and (mention is None or not _reporting_cue_in_sentence(text, cues, u)):
                continue  # a quoted term or scare quote, not words someone said
            if u.kind == "direct" and _INSCRIBED.search(text[sentence_start(text, u.start) : u.start]):
                mention = None  # 'A banner hung from the gallery rail read: "..."': nobody said it
            elif mention is None and u.kind == "direct":
                mention = _colon_paragraph_speaker(text, u, mentions)  # "... read a statement:" ¶ "..."
            if not foreign:
                mention = _parenthesised_subject(text, u, mention) or mention  # "One rescuer, [his overalls] caked ..., said"
            if mention is None and not foreign:
                mention = _subject_before(text, u, resolver)  # "Outside Kelling House, a retired bus driver ... said he"
            speaker = mention_text = None
            m_start = m_end = None
            mention = _shared_attribution(text, u, quotes[-1] if quotes else None, mention, mentions) or mention
            mention = _reporting_subject(text, u, mention, near) or _clause_speaker(text, u, mention, near) \
                or _coordinated_subject(text, u, mention, near) or mention
            if u.kind == "direct" and mention is not None and mention.start < sentence_start(text, u.start):
                mention = _named_after(text, u, resolver) or _mention_after(text, u, near) or mention  # "'...,' Cllr Duckworth shot back."
            elif u.kind == "direct" and mention is None:
                mention = _mention_after(text, u, near)  # '“When they’re empty,” the 87-year-old says.' left unlinked
            if u.kind == "direct" and (foreign or mention is None):
                # « … », a déclaré le maire / „…“, sagte sie: in foreign copy the verb next to
                # the marks beats the tagger's English reading of the sentence
                beside = speaker_beside(text, u.start, u.end, foreign)
                mention = Mention(*beside, *u.tok) if beside else mention
            if u.kind == "direct" and mention is None and not foreign:
                said = _said_name_after(text, u, resolver)
                mention = Mention(*said, *u.tok) if said else None  # '"…," said Rudolph Tanzi, a neurology professor'
            if foreign and mention is not None and u.subject is None:
                subject = subject_in(text, mention.start, mention.end)  # not "dit avoir", "répondu la directrice"
                mention = replace(mention, start=subject[0], end=subject[1]) if subject else None
            if mention is None and u.kind == "direct" and foreign:
                opening = according_to(text, u.start) or opening_subject(text, u.start)
                subject = subject_in(text, *opening) if opening else None
                mention = Mention(*subject, *u.tok) if subject else None
            if mention is None and u.kind == "direct" and not any(q.speaker and not _in_headline(text, q.start) for q in quotes):
                opener = _opening_quote_subject(text, u, resolver)
                mention = Mention(*opener, *u.tok) if opener else None  # "« … » Le procureur, Thierry Gaudin, n’a pas …"
            if mention is not None:
                mention = _data_owner(text, _inverted_pronoun(text, _whole_possessive(text, _apposed_edges(text, mention))))
                mention_text = text[mention.start : mention.end]
                m_start, m_end = mention.start, mention.end
                resolvable = english_mention(mention_text)  # "la maire": "the maire"
                same = [q.speaker for q in quotes if q.speaker_start == mention.start]
                if same:  # '"A," she said. "B."': one mention, one speaker for both halves
                    speaker = same[-1]
                else:
                    speaker = self._canonical(resolver, _sentence_case(text, mention.start, resolvable), mention.start,
                                              history, mentions, text, text[u.start : u.end])
                    speaker = _answerer(resolver, text, mention, speaker, quotes, history) or speaker
                    if resolvable != mention_text and speaker == description_speaker(resolvable):
                        speaker = description_speaker(mention_text)  # "un habitant", as written: not "a habitant"
            elif foreign and u.kind == "direct" and FOREIGN_BARE.match(text, after_marks(text, u.end)):
                speaker = _unwritten_subject(resolver, text, u.start, quotes)  # «…», dijo.
            elif (u.kind == "direct" and quotes and quotes[-1].speaker
                  and mention_type(quotes[-1].speaker) == "name" and _continues_previous(text, u, quotes[-1])):
                # The news pattern: a paragraph names a speaker, the next is their quote alone.
                speaker = quotes[-1].speaker
            elif u.kind == "direct" and quotes and quotes[-1].speaker and _goes_on(resolver, text, u, quotes[-1]):
                # "Howard continued his scathing remarks." ¶ "...": the speaker before, taken up again
                speaker = quotes[-1].speaker
            elif (u.kind == "direct" and foreign and quotes and quotes[-1].speaker
                  and "\n" not in text[quotes[-1].end : u.start]):
                speaker = quotes[-1].speaker  # « A », a-t-il ajouté. « B » : the same speaker goes on
            if foreign_short and mention is None:
                continue  # "la fin des « coupures »": a word in marks nobody is said to have said
            if speaker and foreign:
                speaker = foreign_name(speaker)  # "Die Schulleiterin Monika Albers-Deeg" -> "Monika Albers-Deeg"
            if speaker and mention_type(speaker) == "name":
                resolver.spoken.add(speaker)
            if speaker and mention is not None:
                history.append((mention.start, speaker))
                if mention_type(mention_text) == "description" and mention_type(speaker) == "name":
                    resolver.roles[mention_head(mention_text).lower()] = speaker  # "its vice-chancellor" -> Threlkeld
                    resolver.roles[_role_key(mention_text)] = speaker  # and "the Republican candidate" apart
                g = PRONOUN_GENDER.get(mention_text.strip().lower())
                if g and mention_type(speaker) == "name":
                    resolver.note_gender(speaker, g, mention.start)
            cue = _cue_span(text, _nearest_cue(cues, mention, u, text))
            quotes.append(
                Quote(
                    start=u.start, end=u.end, text=text[u.start : u.end], kind=u.kind, speaker=speaker,
                    speaker_mention=mention_text, speaker_start=m_start, speaker_end=m_end,
                    cue=text[cue[0] : cue[1]] if cue else None, score=round(u.score, 4),
                    cue_start=cue[0] if cue else None, cue_end=cue[1] if cue else None,
                )
            )
        quotes = _headline_quotes_from_body(text, quotes)
        if self.pointer is not None and quotes:
            quotes = self._point(text, quotes, resolver)
        return quotes

    def _point(self, text: str, quotes: list[Quote], resolver: SpeakerResolver) -> list[Quote]:
        """Let the learned pointer re-attribute the quotes in its scope.

        The rules almost never miss a name mention ('said Mark Milley'), so by default
        only quotes whose mention is a pronoun, a description or missing are asked about;
        that is also where the pointer's cost goes."""
        record = self.pointer_log
        scope = [i for i, q in enumerate(quotes)
                 if record is not None or self.pointer.scope == "all"
                 or not q.speaker_mention or mention_type(q.speaker_mention) != "name"]
        if not scope:
            return quotes
        from quoteattr.pointer import entity_mentions

        scores = self.pointer.scores(text, [(quotes[i].start, quotes[i].end) for i in scope], entity_mentions(resolver))
        out = list(quotes)
        for i, sc in zip(scope, scores):
            q = quotes[i]
            if record is not None:
                record.append({"i": i, "scores": sc, "mention_type": mention_type(q.speaker_mention) if q.speaker_mention else None})
                continue
            pick = self.pointer.choose(sc, q.speaker)
            if pick:
                out[i] = replace(q, speaker=pick)
        return out

    def _rank_pronoun(self, resolver: SpeakerResolver, text: str, pos: int, want: str,
                      spoke: list[tuple[int, str]], sources: list[tuple[int, str]],
                      rule_choice: str | None) -> str | None:
        """The learned ranker's referent for a he/she (None: no ranker, or no candidate).

        With ``pronoun_log`` set (training), the candidates and their features are
        recorded and the rule's choice stands.
        """
        def person(items):
            return [(p, n) for p, n in items if not is_org(n) and not _is_plural(n)]

        cands = collect_candidates(person(spoke), person(sources), person(resolver.sentence_subjects(pos)),
                                   person(resolver.people_before(pos)), pos)
        if not cands:
            return None
        para = _paragraph_start(text, pos)
        feats = candidate_features(
            cands, pos, para, _previous_paragraph_start(text, pos),
            [resolver.gender(c.name, pos) for c in cands], want,
            spoke[-1][1] if spoke else None, rule_choice,
        )
        if self.pronoun_log is not None:
            self.pronoun_log.append({"position": pos, "names": [c.name for c in cands], "features": feats})
            return None
        return cands[self.ranker.best(feats)].name

    def _canonical(self, resolver: SpeakerResolver, mention: str, pos: int,
                   history: list[tuple[int, str]], mentions: list[Mention], text: str,
                   quote: str = "") -> str | None:
        """The speaker a linked mention stands for.

        ``history`` holds (position, speaker) of earlier resolved quotes, names and
        descriptions alike, so 'she' can go back to 'a witness' and 'the official' to
        'a senior police official'.
        """
        mention = _REFLEXIVE.sub("", mention)  # "Brandt herself said" is Brandt
        kind = mention_type(mention)
        if _VERB_PHRASE.match(mention.strip()):
            # "RoseAnn DeMoro, executive director of ..., a union that has been [busing its
            # members across the country to] campaign for him, also said": a clause cut out of
            # the sentence, whose subject is the speaker
            subject = [c for c in resolver.sentence_subjects(pos) if c[0] >= sentence_start(text, pos)]
            return max(subject)[1] if subject else None
        by_age = resolver.relative_by_age(mention, pos)  # "the younger Moberg"
        if by_age:
            return by_age
        who = _TRAILING_WHO.search(mention.rstrip())
        if who and who.start() > 0 and mention[: who.start()].rstrip().endswith(","):
            # "Sen. Curtis Vail, [a Republican from Millerton and a former county sheriff, who]
            # argued": a mention cut inside the appositive hangs on the name before it
            antecedent = resolver.relative_antecedent(pos + who.start())
            if antecedent and not is_org(antecedent) and antecedent.split()[-1] not in mention:
                return antecedent  # not "Nadia Brennan, a researcher at ... Greyline Security, who": named inside
        if kind == "name":
            return resolver.canonical_name(mention, pos)
        low = mention.strip().lower()
        kin = KIN_MENTION.fullmatch(mention_core(mention).lower())  # "Her mother, who still works ..."
        relative = self._relative(resolver, kin, pos, history, mentions, text, quote) if kin else None
        if relative:  # "his father laughed": the father of whoever 'his' is
            return relative
        if low in ("who", "which", "that") or low.startswith(("who ", "which ")):
            named = resolver.relative_antecedent(pos)  # "Kenneth Marsh, who gave Reddy his debut in April, said"
            described = None if named else _DESCRIBED_ANTECEDENT.search(text, max(0, pos - 80), pos)
            if described:  # "That was disputed by the bank, which said": the bank
                return self._canonical(resolver, described.group(1), described.start(1), history, mentions, text, quote)
            return named
        if kind == "description":
            apposed = _apposed_person(resolver, text, pos, pos + len(mention.rstrip(" ,")))
            if apposed:  # "Jay DiPietro, [the club's president and general manager], suggested"
                return apposed
            settled, speaker = self._description_referent(resolver, mention, pos, history, text)
            if settled:
                return speaker
            introduced = _introduced_next(resolver, text, pos, mention)
            if introduced:  # "…, a confié la mère de la victime. Martine Garnier, 63 ans, a assisté …"
                return introduced
        # Pronouns and definite descriptions left open: the latest compatible speaker
        # before, from earlier quotes, names the tagger marked as sources, and subjects.
        spoke = [(p, n) for p, n in history if p < pos]
        sources = []
        said = {p for p, _ in spoke}
        for m in mentions:
            mt = text[m.start : m.end]
            # A mention already resolved as a quote's speaker counts as that speaker: "the
            # younger Moberg" is Aino Moberg, not whoever the bare surname names.
            if m.start < pos and m.start not in said and mention_type(mt) == "name" \
                    and not _inside_word(text, m.start) and mt.strip() not in NATIONALITIES \
                    and not (resolver.foreign and mt.strip().lower() in FOREIGN_FUNCTION_WORDS):  # "Enfrente"
                sources.append((m.start, resolver.canonical_name(mt, m.start)))
        cands = spoke + sources
        want = PRONOUN_GENDER.get(low)
        if kind == "pronoun":
            if low in ("it", "its"):
                cands = [c for c in cands if _org_like(c[1]) or c[1] in resolver.neuter] or cands
            elif low in ("they", "them", "their"):
                cands += resolver.sentence_subjects(pos)  # a group or organisation first, else a person
                # "The council's planning officers have recommended approval. In a report ...,
                # they said": a group the paragraph opens a sentence with
                cands += [(m.start(1), description_speaker(m.group(1)))
                          for m in _PLURAL_SUBJECT.finditer(text, _paragraph_start(text, pos), pos) if _is_plural(m.group(1))]
            elif want or low in ("i", "me", "we", "us", "you"):
                people = [c for c in cands if not _org_like(c[1])] or cands
                if want and low in ("he", "she"):
                    asked = _put_to(resolver, text, pos, want, quote)
                    if asked:  # 'Conroy asked Sanders whether ... ¶ "Sure it is," he said': Sanders answers
                        return asked
                if want:
                    people = self._gendered_people(resolver, text, pos, want,
                                                   people + self._described_subjects(resolver, text, pos, history, mentions),
                                                   quote)
                    if low in ("he", "she") and (self.ranker is not None or self.pronoun_log is not None):
                        ranked = self._rank_pronoun(resolver, text, pos, want, spoke, sources,
                                                    max(people)[1] if people else None)
                        if ranked is not None:
                            return ranked
                cands = people
        elif kind == "description":
            cands = [c for c in cands if mention_type(c[1]) == "name" and not _is_plural(c[1])]
            person = not _is_org_head(mention_head(mention))
            if person:  # "the chief executive" is a person, not an organisation or the dateline's town
                cands = [c for c in cands if not _org_like(c[1]) and c[1].upper() not in resolver.dateline_places
                         and not _titled_thing(text, c[1])]  # nor "the Halden Masters"
            written = written_subject(text, pos)  # "la mère", before it was read as "the mère"
            g = head_gender(mention) or (head_gender(written) if written else None) \
                or _own_pronoun_gender(text, pos + len(mention)) or _opening_pronoun_gender(text, pos)
            if g:  # "Her son" is not the woman named before; "the prosecutor ... in her speech" is a woman
                cands = [c for c in cands if resolver.gender(c[1], pos) in (g, None)]
            if person and cands:
                # "Tallis arrived at the count ..." then "the incumbent told reporters": a
                # recent sentence's subject competes with the earlier speakers, though the
                # tagger never marked it. With no speaker before, the lede rules decide.
                near = _previous_paragraph_start(text, pos)
                taken = {c[0] for c in cands}
                cands += [c for c in resolver.sentence_subjects(pos) if c[0] >= near and c[0] not in taken
                          and not _org_like(c[1]) and not resolver.is_place(c[1]) and not _titled_thing(text, c[1])
                          and not c[1].isupper() and not in_double_quotes(text, c[0])
                          and (g is None or resolver.gender(c[1], pos) in (g, None))]
            cands = [c for c in cands if not resolver.other_age(c[1], mention)]  # "the 31-year-old" is not "Goran Halas, 58"
        if not cands and (want or low in ("they", "them")):
            people = resolver.people_before(pos)
            if want:  # nor a town: 'cuando en Quintanar del Robledal solo está encendida la farola'
                people = [c for c in people if resolver.gender(c[1], pos) in (want, None) and not resolver.is_place(c[1])]
            cands = people
        if kind == "description" and person and cands:
            # "The visiting coach admitted ..." then "Gareth Lomax, the Carrow coach": a role
            # the next new person is given is theirs, not the last speaker's. Not when someone
            # is named in its paragraph, or in the one before when its paragraph opens with the
            # quote ('Ian Brophy, who represents Abbotsholm on the county council, said ...
            # "...," the councillor said').
            para = _paragraph_start(text, pos)
            here = max(cands)[0] >= (para if text[para : para + 1] not in OPEN_MARKS else _previous_paragraph_start(text, pos))
            later = None if here else resolver.new_person_named_later(mention, pos, reach=600)
            if later:
                return later
        if cands:
            return max(cands)[1]
        if kind == "description":
            return self._lede_description(resolver, mention, pos, mentions, text)
        return None

    def _relative(self, resolver: SpeakerResolver, kin: re.Match, pos: int, history: list[tuple[int, str]],
                  mentions: list[Mention], text: str, quote: str) -> str | None:
        """'his father', 'Her husband': the relative of whoever the possessive refers to,
        when that person is one the last two paragraphs speak of ("The boy, Callum, ..."
        then "his mother said" is not the mother of a man named pages before)."""
        owner = self._canonical(resolver, kin.group(1), pos, history, mentions, text, quote)
        if not owner:
            return None
        near = _previous_paragraph_start(text, pos)
        last = max(((p, n) for p, n in history if p < pos), default=None)
        recent = any(near <= p < pos and n == owner for p, n in history) or any(
            near <= m.start < pos and resolver.canonical_name(m.name, m.start) == owner for m in resolver.names) \
            or last is not None and last[1] == owner and pos - last[0] < 600 and not any(
                sentence_end(text, last[0]) < m.start < pos for m in resolver.names)  # her quotes run on, nobody else named since
        return resolver.relative_of(owner, kin.group(2), pos) if recent else None

    def _description_referent(self, resolver: SpeakerResolver, mention: str, pos: int,
                              history: list[tuple[int, str]], text: str) -> tuple[bool, str | None]:
        """(settled, speaker) for a description; unsettled ones ('the chief executive'
        with nothing bound to it) go on to the candidates before them."""
        low = mention.strip().lower()
        head = mention_head(mention).lower()
        if head in _INSCRIPTIONS:
            return True, None  # "A banner read:", "someone had written on the wall:" - no speaker
        if head in _DOCUMENTS and low.startswith("the "):
            # "In a statement, the National Bank of Kaldoria said ..." then "the statement
            # said": whoever issued it, the latest speaker whose sentence names one.
            issued = [(p, n) for p, n in history if p < pos
                      and cached_regex(rf"\b{head}\b").search(text, sentence_start(text, p), sentence_end(text, p))]
            if issued:
                return True, max(issued)[1]
        author = _AUTHORED_BY.search(mention) if _AUTHORED & set(mention_core(mention).lower().split()) else None
        if author:  # "an interim report published on Thursday by the Air Accidents Investigation Board"
            return True, resolver.canonical_name(author.group(1), pos + author.start(1))
        owner = _OF_NAMED.search(mention.split(",")[0]) if head in _GENERIC_ORG else None
        if owner:  # "la direction de la STV": the organisation named
            return True, resolver.canonical_name(owner.group(1), pos + owner.start(1))
        if _ANONYMOUS.search(text[pos : sentence_end(text, pos)]):
            return True, description_speaker(mention)  # "an official, who asked not to be named"
        if _in_headline(text, pos) and low.split()[0] not in DETERMINERS and not _is_org_head(head):
            # A headline's bare role ("president vows “no mercy”"): whoever the story titles so
            later = resolver.bound_later(mention, pos)
            if later:
                return True, later
        campaign = _NAMED_CAMPAIGN.fullmatch(mention_core(mention))
        if campaign:
            return True, resolver.canonical_name(campaign.group(1), pos + mention.find(campaign.group(1)))
        role = _NAME_AS_ROLE.match(mention.strip())
        if role:  # "Baltazinho as Rovers striker"
            return True, resolver.canonical_name(role.group(1), pos)
        client = _possessor(resolver, text, mention, pos) if head in LAWYER_HEADS else None
        lawyer = resolver.latest_lawyer(pos, client=client) if client else None
        if lawyer:  # "Marisa Rendell ... sat beside her legal team. Her lawyer said": hers, not "Rendell’s barrister"
            return True, lawyer
        side = resolver.match_side(mention)
        if side:  # "the runner-up admitted": the one beaten, "the new champion" the one who beat her
            return True, side
        # "the 118-year-old maker of Marlow Creams" after a comma describes someone else
        bound = resolver.age_bound(mention.split(",")[0]) or resolver.bound_name(mention, pos)
        if bound and _is_org_head(head) and not is_org(bound) and len(bound.split()) > 1 and resolver.gender(bound, pos):
            bound = None  # "the interior ministry" is not "Petar Lonjak, whose ministry"
        words = bound.lower().split() if bound else []
        if len(words) > 1 and words[0] == head and words[-1] != head and "of" not in words and is_org(bound):
            bound = None  # "the airline" is not the "Airline Pilots' Union": its head is "Union"
        if bound and _is_plural(mention_core(mention)) and mention_type(bound) == "name" and not _org_like(bound) \
                and resolver.gender(bound, pos) is not None:
            bound = None  # "The race director, Colm Brannigan, said organisers had ...": a group is no one person
        if bound and not _is_org_head(head) and resolver.is_place(bound) and not is_org(bound):
            bound = None  # "As he walked along Bridge Street, one man shouted": a person, not the street
        if bound and low.startswith(_NEW_SOMEONE) and any(m.start < pos and resolver.canonical_name(m.name, m.start) == bound
                                                          for m in resolver.names):
            bound = None  # "another supporter wrote": someone new, not the supporter named before
        if bound:
            return True, bound
        led = resolver.leader_of(mention, pos) if not _is_org_head(head) else None
        if led:  # "the head of an international observer mission" ... "Anneke Roos, ... who leads the observer mission"
            return True, led
        if head in ("defendant", "accused", "prosecutor", "judge") and not low.startswith(("a ", "an ")) \
                or low.startswith("a judge who") \
                or low == "a prosecutor" and _in_lede(text, pos):  # a lede's "a prosecutor told ... Crown Court"
            party = resolver.court_role(head)  # "the defendant replied": Owen Barclay, who denies murder
            if party:
                return True, party
        if head in LAWYER_HEADS and low.startswith(("the ", "his ", "her ", "their ")):
            # "Cross-examined by Nadia Brook, for the defence, ..." then "the barrister asked"; a
            # lede's "his barrister told the Court of Appeal" before "Gethin Lowe KC, for Ashby"
            lawyer = resolver.latest_lawyer(pos, forward=_in_lede(text, pos))
            if lawyer:
                return True, lawyer
        if _NEW_ONE.match(low) and not _is_org_head(head):
            # "The first witness, a retired nurse, told the court ..." then "Lorna Quigg, 78,
            # said": someone not yet met, never a person spoken of before.
            return True, resolver.first_new_person(pos + len(mention), 400) or description_speaker(mention)
        named = resolver.identified_later(mention, pos)
        if named:
            return True, named  # "A woman who lives opposite ..." until "The woman, Sandra Mellick, said"
        if low.startswith("the ") and (head == "teenager" or "-year-old" in low):
            # "The winner came from a 19-year-old who drives a forklift ... '...,' the teenager
            # said" ¶ "Jamie Orton’s goal, ...": the unnamed one just introduced, named next
            intro = list(_INDEFINITE_AGE.finditer(text, _previous_paragraph_start(text, pos), pos))
            people = resolver.people_before(pos)
            if intro and all(p < intro[-1].start() for p, _ in people):  # nobody named since the introduction
                known = {n for _, n in people}
                later = next((n for m in resolver.names if pos + len(mention) <= m.start < pos + 600
                              and len(m.name.split()) > 1 and not is_org(m.name) and not resolver.is_place(m.name)
                              and not any(a <= m.start < b for a, b in resolver.quoted)
                              and (n := resolver.canonical_name(m.name, m.start)) not in known), None)
                if later and not resolver.other_age(later, intro[-1].group(0)):
                    return True, later
        if low.startswith("the ") and "-year-old" in low:
            latest = resolver.age_latest(mention, pos)
            if latest:  # "His daughter, Vesna Halas, had waited ... ¶ "...," the 31-year-old said"
                return True, latest
        determined = low.startswith(("the ", "this ", "his ", "her ", "their ", "its ")) \
            or bool(_OWNED_ROLE.match(mention.strip()))  # "Albion’s manager" is as definite as "the manager"
        if not _is_org_head(head):
            # "Korlund's finance minister unveiled ..." ¶ "Helena Vostrup, ..., said"; but "A
            # judge jailed ..." is whoever is called 'Judge Philippa Ackerly' later.
            lede = resolver.named_after_lede(mention, pos)
            if lede and not resolver.bound_later(mention, pos):
                return True, lede
        if low in ("police", "the police"):
            # "police said" in a story that names "Northmoor Police" is that force speaking;
            # with no force named it stays "police".
            force = resolver.name_with_head("police", pos) or resolver.name_with_head("constabulary", pos) \
                or _police_force(resolver, pos)
            return True, force or description_speaker(mention)
        if not _is_org_head(head) and not low.startswith(("a ", "an ")) and _opens_attribution(text, pos, resolver.quoted) \
                and not _is_plural(mention_core(mention)):
            named = _named_next(text, pos, resolver)
            if named:  # "Tennick’s chief executive said ... Adrian Kell, who will run the group, told"
                return True, named
        if low.startswith(("its ", "their ")) and not _is_org_head(head):
            # "The search is coordinated from the coastguard’s rescue centre. Its duty commander
            # said ..." ¶ "..., Commander Peter Lowry told reporters": bound by the next paragraph
            later = resolver.bound_later(mention, pos)
            # a lede's role may be named further on ("Kaldoria's central bank ... and its governor warned")
            if later and (_in_lede(text, pos) or any(pos < m.start < _next_paragraph_end(text, pos) and resolver.canonical_name(m.name, m.start) == later
                                      for m in resolver.names)):
                return True, later
        if not determined:
            # "An engineer with the Rivers and Environment Agency, who ..." until "says Callum
            # Reddish, the agency’s lead engineer": someone new, named later by its words.
            # a lede's "An engineer who examined her gear" may be named anywhere further on
            reach = len(text) if _in_lede(text, pos) else 1200
            later = resolver.new_person_named_later(mention, pos, reach) if low.startswith(("a ", "an ")) \
                and not _is_org_head(head) and _POSTMODIFIED.search(mention + " ") and not head.startswith("spokes") \
                and not _is_plural(mention_core(mention)) else None
            if later:
                return True, later
            return True, description_speaker(mention)  # "a police spokesman": a new, unnamed speaker
        if head == "witness" and low.startswith("the "):
            # Cross-examination: "the witness replied" after "the defence barrister went on"
            # is the last speaker who is not one of the lawyers or the judge.
            lay = [(p, n) for p, n in history if p < pos and mention_type(n) == "name"
                   and not _org_like(n) and not resolver.is_court_officer(n)]
            if lay:
                return True, max(lay)[1]
        role = _role_key(mention)
        if role in resolver.roles and not _is_org_head(head):
            # "The vice-chancellor" again: whoever it was before; "the Democratic presidential
            # candidate" is not whoever "the Republican candidate" was
            return True, resolver.roles[role]
        # A definite description refers back: to an earlier unnamed speaker with the
        # same head ('the official'), or an organisation named with it ('the ministry').
        org = resolver.name_with_head(head, pos)
        # "the agency": the Northern Health Protection Agency the story has already named,
        # not the headline's "health agency"; otherwise an earlier description with its head.
        named_at = [m.start for m in resolver.names if org is not None and _is_org_head(head) and m.start < pos
                    and resolver.canonical_name(m.name, m.start) == org]
        for at, earlier in sorted(history, reverse=True):
            if named_at and at < named_at[-1]:
                break  # named since: "the agency" is the agency the story has named
            # "The governor's office said ..." then "the office said": that office, though
            # the sheriff's office was named before it
            if mention_type(earlier) == "description" and mention_head(earlier).lower() == head \
                    and _modifier_fits(mention, earlier):  # "The Ostrelian coastguard" is not "Caldria's coastguard"
                return True, earlier
        if not org and (head in _ORG_SYNONYMS or head in _GENERIC_ORG):
            # "Harlow Vale said in a statement ... '…,' the club said": the paragraph's own
            # organisation that has spoken, whose name has no word of its kind
            para = _paragraph_start(text, pos)
            own = [(p, n) for p, n in history if para <= p < pos and mention_type(n) == "name"
                   and n in resolver.neuter and not is_org(n)]
            org = max(own)[1] if own else None
        if not org:  # "the force": "Northmoor Police"; "the club": whichever club was named last
            org = resolver.name_with_head(_ORG_SYNONYMS.get(head, ()), pos)
        org = org or (resolver.latest_org(pos) if head in _GENERIC_ORG else None)
        if org and head not in _GENERIC_ORG and not _modifier_fits(mention, org):
            org = None  # "the agriculture ministry" is not the "Ministry of Defence"
        if org and not _is_org_head(head) and _only_modifies(text, org):
            org = None  # "The Republican" is not "the Kent County Republican headquarters"
        if org:
            return True, org
        if _is_org_head(head) and head not in _GENERIC_ORG:
            described = _described_org(text, mention, pos) if low in (f"the {head}", f"its {head}") else None
            return True, described or description_speaker(mention)  # "the municipal council", never named: not a person
        if _POSTMODIFIED.search(mention.split(",")[0]) or re.search(r",\s+who\s", mention):
            # "The vice-chancellor, who was at a meeting ... when the occupation began, said"
            later = resolver.named_later(mention, pos)  # "the leader of the opposition bloc said", named next
            if later:
                return True, later
            if not _is_org_head(head):
                # "The UN special envoy for Marvessa said ..." ¶ '"...," Amara Lindqvist told a
                # news conference': someone new who speaks by the next paragraph's end
                later = resolver.first_new_person(sentence_end(text, pos), _next_paragraph_end(text, pos) - pos)
                g = head_gender(mention)  # "the mother ..." is not the man named next
                if later and strip_titles(later).lower() in resolver.speaking and (g is None or resolver.gender(later, pos) in (g, None)):
                    return True, later
        if _is_plural(mention_core(mention)):
            return True, description_speaker(mention)  # "the researchers": a group, never one person
        if low.startswith("the ") and not _is_org_head(head) and _introduced_unnamed(resolver, text, head, pos):
            # "... were greeted by an organizer at a field office. '...,' the organizer told
            # them": the one just introduced, whom nobody has named since
            return True, description_speaker(mention)
        return False, None

    def _described_subjects(self, resolver: SpeakerResolver, text: str, pos: int,
                            history: list[tuple[int, str]], mentions: list[Mention]) -> list[tuple[int, str]]:
        """Named people a sentence of the pronoun's paragraph opens with by role ('Adjourning
        the case, the judge told jurors ... "...," he said'; 'His wife was less certain.'):
        subjects as much as names are."""
        out = []
        for m in _DESCRIBED_SUBJECT.finditer(text, _paragraph_start(text, pos), pos):
            if m.start(1) == pos or _is_org_head(mention_head(m.group(1))) \
                    or any(a <= m.start(1) < b for a, b in resolver.quoted):  # '"... Belmarra’s tariff is none of those things"'
                continue
            kin = KIN_MENTION.fullmatch(m.group(1).lower())
            if kin and m.group(2) == "had":
                continue  # "Her mother had spent her last weeks, she said, ...": reported, not the subject
            if kin:
                who = self._relative(resolver, kin, m.start(1), history, mentions, text, "")
                if who:
                    out.append((m.start(1), who))
                continue
            settled, who = self._description_referent(resolver, m.group(1), m.start(1), history, text)
            if settled and who and (mention_type(who) == "name" or m.group(1)[:1] in "Aa" and head_gender(who)):
                out.append((m.start(1), who))  # a named person, or "a man from the fisheries office"
        return out

    @staticmethod
    def _gendered_people(resolver: SpeakerResolver, text: str, pos: int, want: str,
                         people: list[tuple[int, str]], quote: str) -> list[tuple[int, str]]:
        """The he/she candidates the rules prefer, most preferred set first."""
        people = people + resolver.sentence_subjects(pos) + _unnamed_subjects(text, pos, want)
        para = _paragraph_start(text, pos)
        for d in _AGED_DESCRIPTION.finditer(text, para, pos):  # "the younger man was quiet. '...,' he said"
            who = resolver.relative_by_age(d.group(0), d.start()) or resolver.age_bound(d.group(0))
            if who:
                people.append((d.start(), who))
        # Nobody names themselves: '"Hector told me ..." he said' is not Hector.
        people = [c for c in people if not _named_in(c[1], quote)] or people
        people = [c for c in people if not _is_plural(c[1]) and not resolver.common_plural(c[1])]  # "Opposition MPs" is never a she
        people = [c for c in people if c[1] not in resolver.companies]  # nor "the brokerage Arden Hale"
        people = [c for c in people if not resolver.is_place(c[1])]  # nor "Mirzan" (its government)
        people = [c for c in people if not _titled_thing(text, c[1])]  # nor "The Salt Ledger"
        people = [c for c in people if not _marked_title(text, c[1])]  # nor the bank's “Financial Stability Review”
        # nor who asked: 'Asked by a Dnevna Linija reporter whether he would apologise, he replied'
        sentence = sentence_start(text, pos)
        people = [c for c in people if not (sentence <= c[0] < pos and _ASKED_BY.search(text, sentence, c[0]))]
        # nor "the app, called Airwell", "a German shepherd called Bora": a thing's or an animal's name
        people = [c for c in people if not called(text, c[0])] or people
        # In the pronoun's own paragraph the latest compatible person wins; further back,
        # a speaker known to match beats a nearer one of unknown gender. Speakers known
        # to be of the other gender are skipped.
        if not any(c[0] >= para and resolver.gender(c[1], pos) == want for c in people):
            # Nobody of the right gender among the paragraph's speakers and subjects: someone
            # named in it otherwise ('embraced by his mother, Hélène Reinholt ... "...," she told').
            people += [c for c in resolver.people_before(pos, surnames=True) if c[0] >= para and c not in people
                       and resolver.gender(c[1], pos) == want and not _named_in(c[1], quote) and not _is_plural(c[1])]
            # Also anyone whose given name says that gender, named earlier in its sentence
            # ('Deane accused Halloran of having “…”, and she called his proposal “…”'; not
            # 'Asked by the Courier in 1998, she said').
            people += [c for c in resolver.people_before(pos, surnames=True, since=sentence) if c[0] >= sentence
                       and c not in people and first_name_gender(c[1]) == want and not _named_in(c[1], quote)]
            # and whoever the paragraph introduces ('Among the survivors was Yusef, a 24-year-old
            # car mechanic ... he said'), though no list knows the name's gender
            people += [(n.start, resolver.canonical_name(n.name, n.start)) for n in resolver.names
                       if para <= n.start < pos and _EXISTENTIAL.search(text, max(0, n.start - 12), n.start)
                       and re.match(r",\s+an?\s", text[n.end : n.end + 5]) and not is_org(n.name)
                       and resolver.gender(n.name, pos) in (want, None)]
        fits = [c for c in people if resolver.gender(c[1], pos) in (want, None)]
        fits = _without_reported(text, fits) or fits
        here = [c for c in fits if c[0] >= para]
        agree = [c for c in fits if resolver.gender(c[1], pos) == want]
        if not here and fits and text[para : para + 1] in OPEN_MARKS:
            before = _previous_paragraph_start(text, pos)
            # The paragraph before ends by handing over to someone: '... as Eleanor's mother,
            # Margaret Whitlow, read a statement to the court.' then '"...," she said'.
            tail = max(text.rfind(". ", before, para - 2) + 2, before)
            handed = [c for c in resolver.people_before(pos) if c[0] >= tail and not _org_like(c[1]) and not _is_plural(c[1])
                      and c[1] not in resolver.companies
                      and not _titled_thing(text, c[1])
                      and not _IN_RELATIVE.search(text, tail, c[0])  # "Alison Threlfall, who chairs [Friends of ...]"
                      and resolver.gender(c[1], pos) in (want, None)
                      and (_hands_over(text, c[0], para) or _EXISTENTIAL.search(text, max(0, c[0] - 12), c[0]))]
            # not someone named in a speaker's reported clause ('Aparna Mathur ... said Ivanka
            # Trump's statement didn't clarify the matter.' ¶ '"...," she said')
            handed = [h for h in handed if h in _without_reported(text, fits + [h])]
            if handed and max(handed)[0] > max(fits)[0]:  # named after whoever spoke last
                return [max(handed)]
            # A paragraph that opens with a quote and a he/she goes on with whoever the
            # paragraph before was about, even of unknown gender ('The cabinet member,
            # Cllr Deborah Hale, said ...' then '"...," she said').
            last = max(fits)
            if last[0] >= before and not any(c[0] > last[0] for c in agree):
                return [last]
        return here or agree or fits  # never someone known to be of the other gender

    @staticmethod
    def _lede_description(resolver: SpeakerResolver, mention: str, pos: int,
                          mentions: list[Mention], text: str) -> str:
        """A description nothing before binds: a lede that describes before it names
        ('The leader of the front said ...', then 'Ahmad Masud, head of the front'), a
        role for someone named before, or the description itself."""
        low = mention.strip().lower()
        later = resolver.bound_later(mention, pos) if low.startswith("the ") else None
        if later and (not _is_org_head(mention_head(mention)) or is_org(later)):
            return later  # "the judge" in a lede, "Judge Philippa Ackerly" further down
        if "-year-old" in low and not _is_org_head(mention_head(mention)):
            people = [c for c in resolver.people_before(pos) if not resolver.other_age(c[1], mention)]  # someone named
            g = head_gender(mention) or _own_pronoun_gender(text, pos + len(mention)) or _opening_pronoun_gender(text, pos)
            if g:  # "In her acceptance speech, the 51-year-old ..." is a woman, known to be one if anyone is
                people = [c for c in people if resolver.gender(c[1], pos) == g] \
                    or [c for c in people if resolver.gender(c[1], pos) is None]
            if people:
                return max(people)[1]
        end = pos + len(mention)  # not a name inside it ("the 118-year-old maker of Marlow Creams")
        after = [m for m in mentions if end <= m.start < pos + 600 and mention_type(text[m.start : m.end]) == "name"]
        if _is_org_head(mention_head(mention)):  # "the company said": an organisation, never a person
            after = [m for m in after if is_org(name := resolver.canonical_name(text[m.start : m.end], m.start))
                     or name in resolver.described_companies]
        else:  # "Her husband", "the teenager": a person, never an organisation, a place or a thing
            after = [m for m in after if not _org_like(name := resolver.canonical_name(text[m.start : m.end], m.start))
                     and not resolver.is_place(name) and not called(text, m.start)]
        if after:
            return resolver.canonical_name(text[after[0].start : after[0].end], after[0].start)
        if low.startswith("the ") and not _is_org_head(mention_head(mention)):
            g = head_gender(mention)  # "the grandfather of five said": someone named before, not a woman
            people = [c for c in resolver.people_before(pos) if g is None or resolver.gender(c[1], pos) in (g, None)]
            if people:
                return max(people)[1]
        return description_speaker(mention)


def _possessor(resolver: SpeakerResolver, text: str, mention: str, pos: int) -> str | None:
    """Whom 'her' of 'Her lawyer said' means when the sentence before in its paragraph opens
    on a person of that gender ('Marisa Rendell, wearing a cream trouser suit, sat beside
    her legal team.'); None otherwise."""
    want = {"his": "m", "her": "f"}.get(mention.strip().split()[0].lower())
    start = sentence_start(text, pos)
    before = sentence_start(text, start - 1)  # the sentence before, which must open on the person
    subjects = [(p, n) for p, n in resolver.sentence_subjects(pos) if p == before and _paragraph_start(text, pos) <= p < start]
    if want is None or not subjects or resolver.gender(subjects[-1][1], pos) != want:
        return None
    return subjects[-1][1]


def _described_org(text: str, mention: str, pos: int) -> str | None:
    """The organisation a bare 'the ministry' goes back to when the story described it in
    lower case just before: 'The Tarsanian defence ministry rejected the accusation.
    "...," the ministry said' -> 'Tarsanian defence ministry'."""
    head = mention_head(mention).lower()
    found = [m.group(1) for m in cached_regex(rf"\b[Tt]he\s+([A-Z][\w\-]+(?:\s+[a-z]+){{0,2}}\s+{re.escape(head)})\b").finditer(
        text, _previous_paragraph_start(text, pos), pos) if m.start() != pos and _modifier_fits(mention, m.group(1))]
    return found[-1] if found else None


def _introduced_next(resolver: SpeakerResolver, text: str, pos: int, mention: str) -> str | None:
    """A definite role the story has bound to nobody, when the next sentence of its
    paragraph opens by naming someone new: the role introduced them ('« … », a répondu la
    directrice générale de la STV. Hélène Marchal, en poste depuis janvier, a assuré …')."""
    low = mention.strip().lower()
    if not (low.startswith("the ") or _OWNED_ROLE.match(mention.strip())) or _is_org_head(mention_head(mention)) \
            or _is_plural(mention_core(mention)):
        return None
    end = sentence_end(text, pos)
    next_paragraph = text[end : end + 1] == "\n" and text[end - 1 : end] == "." and "\n" not in text[pos:end]
    if text[end : end + 2] != ". " and not next_paragraph:
        return None
    at = end + 1 if next_paragraph else end + 2
    while text[at : at + 1] in (" ", "\u00a0", "\n"):
        at += 1
    name = None if next_paragraph else next((n for n in resolver.names if n.start == at), None)
    if name is None and text[at : at + 1] in OPEN_MARKS:
        # "Albion’s manager admitted ... ‘For an hour we were nowhere near it ...,’ said Stuart
        # Denning": the quote that follows names him; a paragraph's last sentence, the quote
        # opening the next ('The health minister said ... ¶ “…,” Nerys Calloway told reporters')
        para_end = text.find("\n", at)
        for said in _SAID_AFTER_QUOTE.finditer(text, at, len(text) if para_end < 0 else para_end):
            name = next((n for n in resolver.names if n.start == said.end()), None)
            if said.group(1) or name is not None and _VERB_NEXT.match(text, name.end):
                break
            name = None
    if name is None or len(name.name.split()) < 2 or is_org(name.name) or resolver.is_place(name.name) \
            or not first_name_gender(name.name):
        return None
    who = resolver.canonical_name(name.name, name.start)
    if who in {n for _, n in resolver.people_before(pos)}:
        return None  # someone named before: the role may be anyone's
    written = written_subject(text, pos)
    g = head_gender(mention) or (head_gender(written) if written else None)
    return who if g is None or resolver.gender(who, at) in (g, None) else None


# "Albion’s manager": a team's or firm's role, as definite as "the manager"
_OWNED_ROLE = re.compile(capitals(r"[A-Z][\w\-]*[’']s\s+(?!(?:campaign|team|side|camp|office|family|government|administration|party)$)"
                                   r"[a-z][\w\-]*$"))  # not "Pellow’s campaign", a body of people
_SAID_AFTER_QUOTE = re.compile(r"[,?!][’'\"”][ \t]+((?:said|says|added)[ \t]+)?")
_VERB_NEXT = re.compile(r"[ \t]+(?:said|says|added|told)\b")  # '“…,” Nerys Calloway told reporters'

_SAID_NAME = re.compile(capitals(
    r"[\s,]*(?:said|says|added|wrote|asked|explained|recalled|noted|argued|insisted|warned|continued|told\s+\w+)[ \t]+"
    r"(?:[a-z][\w\-]*[ \t]+){0,4}?((?:[A-Z][\w.’'\-]*[ \t]+){0,3}[A-Z][\w’'\-]+)"
    r"|[\s,]*((?:[A-Z][\w.’'\-]*[ \t]+){0,3}[A-Z][\w’'\-]+)[ \t]+(?:said|says|added|wrote|told)\b"))


def _said_name_after(text: str, u: _Unit, resolver: SpeakerResolver) -> tuple[int, int] | None:
    """'"…," said Rudolph Tanzi, a neurology professor', '"…," former State policy planning
    director Anne-Marie Slaughter wrote': the name beside a speech verb right after the
    marks, when the tagger marked no source there."""
    if text[u.start : u.end].rstrip()[-1:] not in (",", "?", "!"):
        return None  # '"…." Penhallow said the nurses …' is a new sentence, perhaps about someone else
    m = _SAID_NAME.match(text, after_marks(text, u.end))
    if m is None or "\n" in text[u.end : m.end()]:
        return None
    span = m.span(1) if m.group(1) else m.span(2)
    name = next((n for n in resolver.names if span[0] <= n.start and n.end == span[1]), None)
    if name is None or resolver.is_place(name.name):
        return None
    return name.start, name.end


_LEDE_LEAD = re.compile(capitals(r"(?:[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*[ \t]*[—–][ \t]*)?[«“\"„‘]?[ \t\u00a0\u202f]*"))
# The next sentence's subject: a name, or a role with the name apposed ('The public
# prosecutor, Thierry Gaudin,'), followed by its verb
_LEDE_SUBJECT = re.compile(capitals(
    r"(?:(?:The|Le|La|L['’]|Der|Die|El)[ \t]+[^,.;:!?«»“”„\"\n]{1,60},[ \t]+)?"
    r"((?:[A-Z][\w’'\-]+[ \t]+){1,3}[A-Z][\w’'\-]+)(?:,|[ \t]+(?=[a-zà-ÿ]))"))


def _opening_quote_subject(text: str, u: _Unit, resolver: SpeakerResolver) -> tuple[int, int] | None:
    """A story that opens with a quote standing alone, before anyone has spoken, and then
    names who said it as the next sentence's subject: '« Vous êtes un prédateur. » Le
    procureur de la République, Thierry Gaudin, n’a pas pris de gants'. The sentence need
    not say 'said'."""
    para = _paragraph_start(text, u.start)
    if not _LEDE_LEAD.fullmatch(text, para, u.start) or text[u.start : u.end].rstrip()[-1:] not in ".!?":
        return None
    at = after_marks(text, u.end)
    if at == u.end or "\n" in text[u.end : at]:
        return None
    m = _LEDE_SUBJECT.match(text, at)
    if m is None:
        return None
    name = next((n for n in resolver.names if n.start == m.start(1) and n.end == m.end(1)), None)
    if name is None or is_org(name.name) or resolver.is_place(name.name) or not first_name_gender(name.name):
        return None
    return m.span(1)


def _in_headline(text: str, pos: int) -> bool:
    """Whether ``pos`` is in an article's first line when that line is a headline: short,
    with a blank line after (it may end with a quote: 'Doorman tells trial he saw defendant
    "swing first"')."""
    end = text.find("\n")
    return 0 < end and pos < end and text.startswith("\n\n", end) and len(text[:end].split()) <= 25


def _candidate_mentions(mentions: list[Mention], u: _Unit, datelines: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that may attribute a unit: never words inside a direct quote's own marks
    ('"A deputy knocked on the door and said, ..." she said'), nor a dateline's place
    ('LOMARI, March 14 - The army colonel ... promised "..."')."""
    return [m for m in mentions if not (u.kind == "direct" and u.start <= m.start and m.end <= u.end)
            and not any(a <= m.start < b for a, b in datelines)]


def _headline_quotes_from_body(text: str, quotes: list[Quote]) -> list[Quote]:
    """A headline or lede quote whose speaker is unnamed ('Kouvessa coup leader promises
    elections "when the nation is ready"'; 'Rail walkout "only the beginning", warns union
    chief'; 'A nightclub doorman told a murder trial he saw the defendant "swing first"')
    belongs to whoever says those words again further on, when the story names them."""
    first = text.find("\n")
    if not 0 < first < 300 or text[first : first + 2] != "\n\n":
        return quotes
    def words(s: str) -> str:
        return " ".join(re.findall(r"\w+", s.casefold()))
    lede = text.find("\n\n", first + 2)
    lede = lede if lede > 0 else len(text)
    said = [f" {words(q.text)} " for q in quotes]
    out = list(quotes)
    for i, q in enumerate(quotes):
        if q.kind != "direct" or q.start >= lede or (q.speaker and mention_type(q.speaker) == "name") or not said[i].strip():
            continue
        after = first if q.start < first else lede
        again = [p for j, p in enumerate(quotes[i + 1 :], i + 1) if p.kind == "direct" and p.start > after and p.speaker
                 and mention_type(p.speaker) == "name" and said[i] in said[j]]
        if again:
            out[i] = replace(q, speaker=again[0].speaker)
    return out


def _in_lede(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in the story's first paragraph (after any headline): where a
    role is often given before the person is named."""
    return pos < _next_paragraph_end(text, _headline_end(text))


def _headline_end(text: str) -> int:
    """Where a headline ends (0 without one): a first line that is short and ends without
    a full stop, followed by more text ("Couple rescued after four days adrift"). Its
    words are not reported speech."""
    first_break = text.find("\n")
    if not 0 < first_break < 300 or text.find("\n", first_break + 1) < 0:
        return 0
    return 0 if text[:first_break].rstrip().endswith((".", "!", "?", "\"", "”", "’", "'")) else first_break


# Clauses the tagger takes for reported speech that never are: the anonymity request's
# infinitive and relative clauses.
_NOT_REPORTED = re.compile(r"(?:not to be\b|which\s|who\s|whose\s)", re.IGNORECASE)
# "the head of the authority", "the diplomat who led the talks": a description that
# says enough to introduce someone new, not just refer back.
_POSTMODIFIED = re.compile(r"\s(?:of(?!\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)|who|that|at|for|from|in)\s",
                           re.IGNORECASE)  # "The mother of two" is someone met before
# Indefinites that bring in someone not met before ("one Sanders supporter", "another voter").
_NEW_SOMEONE = ("one ", "another ")
_NEW_ONE = re.compile(r"the (?:first|second|third|fourth|fifth|next) ")
_ANONYMOUS = re.compile(
    r"not to be (?:named|identified)|condition of anonymity|not authori[sz]ed to speak|declined to be named",
    re.IGNORECASE,
)


# Descriptions any organisation can go by ('the company', 'the firm'); a union or a
# ministry is only an organisation whose name says so.
_GENERIC_ORG = frozenset(
    "company firm group chain business corporation airline carrier operator retailer manufacturer "
    "maker organisation organization charity insurer lender "
    "entreprise société direction groupe compagnie unternehmen konzern firma empresa grupo compañía".split()
)


_CAPITALISED_WORD = re.compile(capitals(r"\s[A-Z][a-z]"))
_OWN_PRONOUN = re.compile(r"[^.!?\n]*?\b(his|her|himself|herself)\b", re.IGNORECASE)


def _own_pronoun_gender(text: str, end: int) -> str | None:
    """The gender a description's own sentence gives it: 'the prosecutor told the jury in
    her opening speech'. Only when no capitalised name comes between (then it may be theirs)."""
    m = _OWN_PRONOUN.match(text, end, sentence_end(text, end))
    if not m or _CAPITALISED_WORD.search(m.group(0)):
        return None
    return "f" if m.group(1).lower() in ("her", "herself") else "m"


def _opening_pronoun_gender(text: str, pos: int) -> str | None:
    """The gender a possessive before a description in its sentence gives it ('In her
    acceptance speech, the 51-year-old'), with no capitalised name between."""
    start = sentence_start(text, pos)
    close = [c.end() for c in _CLOSING_MARK.finditer(text, start, pos)]
    m = _OPENING_PRONOUN.search(text, close[-1] if close else start, pos)  # not in a quote before it
    if not m or _CAPITALISED_WORD.search(m.group(0)):
        return None
    return "f" if m.group(1).lower() == "her" else "m"


# "Adjourning the case until Tuesday, the judge told jurors": a role opening a sentence, then its verb
_SUBJECT_ADVERB = r"(?:later|also|then|again|quickly|briefly)"  # between a subject and its verb
_DESCRIBED_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:[A-Z][^,.!?\n“\"‘]{0,60},\s+(?:[a-z][^,.!?\n“\"‘]{0,60},\s+)?)?"
                                rf"([Tt]he\s+(?:[\w\-]+\s+){{0,2}}(?!{_SUBJECT_ADVERB}\b)[a-z\-]+|(?:[Hh]is|[Hh]er)\s+[a-z]+"
                                # "Corveth's chief executive ended his memo on a note of defiance"
                                r"|[A-Z][\w\-]+[’']s\s+(?:[a-z\-]+\s+)?[a-z\-]+"
                                # "a man from the fisheries office drove out to the pier"
                                r"|[Aa]n?\s+(?:[a-z\-]+\s+){0,2}(?:man|woman|boy|girl)(?:\s+from\s+the\s+[a-z]+(?:\s+[a-z]+)?)?)\s+"
                                rf"(?:{_SUBJECT_ADVERB}\s+)?"  # "The opposition leader later appealed for calm"
                                r"(said|says|told|tells|asked|added|warned|ruled|replied|insisted|urged|ordered|stressed|was|is|"
                                r"drove|walked|came|went|stood|sat|had|appealed|posted|wrote|spoke|ended|began|opened|"
                                # "Asked about this, her mother shrugs. “...,” she says."
                                r"shrugs|shrugged|laughs|laughed|smiles|smiled|nods|nodded|sighs|sighed|grins|grinned)\b",
                                re.MULTILINE)
_CLOSING_MARK = re.compile(r"[”\"]|[’'](?=[\s,.])")
_OPENING_PRONOUN = re.compile(r"\b(his|her)\b[^.!?\n]*$", re.IGNORECASE)
_REPLY = re.compile(r"\s*(?:replied|answered|responded)\b")
_QUESTION_CUE = re.compile(r"\b(?:asked|put it to|pressed|suggested)\b")


def _put_to(resolver: SpeakerResolver, text: str, pos: int, want: str, quote: str) -> str | None:
    """The person a question was put to in the sentence just before the quote ('Scott Conroy
    asked Sanders whether questions about his health were fair game.' then '"Sure it is,"
    he said'): the he/she after the answer is whoever was asked, not who asked."""
    at = text.rfind(quote[:40], 0, pos) if quote.strip() else -1
    if at < 0 or not text[max(0, at - 1) : at] in OPEN_MARKS:
        return None
    opening = at - 1
    while opening > 0 and text[opening - 1] in " \t\n":
        opening -= 1
    if opening <= 0 or text[opening - 1] not in ".!?":
        return None  # the quote opens no sentence: its subject is the sentence's own
    before = sentence_start(text, opening - 1)
    for n in resolver.names:
        if before <= n.start < opening and _ASKED.search(text, max(0, n.start - 8), n.start) \
                and _QUESTION_AFTER.match(text, n.end) and not is_org(n.name):
            name = resolver.canonical_name(n.name, n.start)
            if resolver.gender(name, pos) in (want, None) and not _named_in(name, quote):
                return name
    return None


# "asked Sanders whether ...", "asked Trump if ...": a question put to someone named.
_ASKED = re.compile(r"\basked\s+$")
_QUESTION_AFTER = re.compile(r"\s+(?:whether|if|about|why|how|what|when|where|who)\b")


# A gerund with its object ("busing its members ..."): a verb phrase, never who spoke.
_VERB_PHRASE = re.compile(r"[a-z]+ing\s+(?:its|his|her|their|the|a|an)\s")


def _inside_word(text: str, start: int) -> bool:
    """Whether a mention starts inside a word: 'Ledger' of 'The Star-Ledger' is nobody."""
    return text[start - 1 : start] in ("-", "\u2010") or text[start - 1 : start].isalnum()


def _role_key(mention: str) -> str:
    """How a role is remembered for the next description with its head: the head, with
    the party that qualifies it where US copy gives one ('d:candidate')."""
    head = mention_head(mention).lower()
    party = next((p for w in mention_core(mention).split() if (p := party_of(w))), None)
    return f"{party}:{head}" if party else head


def _answerer(resolver: SpeakerResolver, text: str, mention: Mention, speaker: str | None,
              quotes: list[Quote], history: list[tuple[int, str]]) -> str | None:
    """'"..., didn't you?" Mr Rathbone asked.' then '"I said that," he replied.': a he/she
    who replies to a question is not the one who asked it but the person it was put to,
    the latest other speaker of that gender."""
    want = PRONOUN_GENDER.get(text[mention.start : mention.end].strip().lower())
    if not want or not speaker or not quotes or quotes[-1].speaker != speaker:
        return None
    if not _REPLY.match(text, mention.end) or not _QUESTION_CUE.search(quotes[-1].cue or ""):
        return None
    others = [n for p, n in sorted(history) if p < mention.start and n != speaker
              and mention_type(n) == "name" and not _org_like(n) and resolver.gender(n, mention.start) in (want, None)]
    return others[-1] if others else None


def _unwritten_subject(resolver: SpeakerResolver, text: str, pos: int, quotes: list[Quote]) -> str | None:
    """Who '«…», dijo.' is, Spanish copy leaving the subject out: the person the paragraph
    has been about (its latest sentence subject), else whoever spoke last in this or the
    paragraph before."""
    para = _paragraph_start(text, pos)
    subjects = [c for c in resolver.sentence_subjects(pos) if c[0] >= para and not _org_like(c[1])
                and not resolver.is_place(c[1])]
    named = [c for c in resolver.people_before(pos) if c[0] >= para and not resolver.is_place(c[1])]
    if subjects or named:  # 'El concejal de Urbanismo, Andrés Climent, fue el encargado … «…», afirmó.'
        return max(subjects or named)[1]
    if quotes and quotes[-1].speaker and quotes[-1].end >= _previous_paragraph_start(text, pos):
        return quotes[-1].speaker
    people = [c for c in resolver.people_before(pos) if c[0] >= _previous_paragraph_start(text, pos)]
    return max(people)[1] if people else None


def _next_paragraph_end(text: str, pos: int) -> int:
    """Where the paragraph after the one holding ``pos`` ends (the text's end if none)."""
    here = text.find("\n", pos)
    if here < 0:
        return len(text)
    start = re.compile(r"\s*").match(text, here).end()
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at its paragraph breaks, each piece without the break."""
    pieces = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", text[start:end])]
    if len(pieces) < 2:
        return [(start, end)]
    # A piece that opens with a mark or right after one is a quote's, not reported speech.
    return [(a, b) for a, b in pieces if text[a] not in OPEN_MARKS and text[a - 1 : a] not in OPEN_MARKS]


_TO_NEXT_SENTENCE = re.compile(r"[.!?\"”’']*[ \t]*")


# A relative clause still open where a name stands: 'Alison Threlfall, who chairs the
# campaign group [Friends of Ferrington Libraries]': the name is what the clause is about.
_IN_RELATIVE = re.compile(r",\s+(?:who|whose)\s[^,.;]*$")


# The verb right before a clause or quote the linker found no speaker for ('a retired bus
# driver who has lived on the sixth floor since 1979 said he would believe it').
_SAYS = "said|says|added|warned|argued|insisted|claimed"  # the verbs every subject-before-verb pattern reads
_VERB_BEFORE_UNIT = re.compile(rf"\b(?:{_SAYS}|explained|told\s+(?:the\s+)?\w+)"
                               r"(?:[ \t]+in[ \t]+(?:a|an|its|his|her|their)[ \t]+(?:written[ \t]+)?statement)?"  # "said in a statement that"
                               r":?\s+(?:that\s+)?[“\"‘']?$")
# "... said in a statement that the cap was “welcome but years late”": a partial quote
# ending the clause its subject reported; not when the clause has a speaker of its own
# ("said that Smith had called it “a disaster”").
_VERB_THAT_BEFORE_UNIT = re.compile(rf"\b(?:{_SAYS}|explained)"
                                    r"(?:[ \t]+in[ \t]+(?:a|an|its|his|her|their)[ \t]+(?:[\w\-]+[ \t]+){0,2}?"
                                    r"(?:statement|letter|email|post|submission)"  # "said in a letter to Idrissi that"
                                    r"(?:[ \t]+to[ \t]+(?:the[ \t]+)?[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,3})?)?"
                                    r"[ \t]+that[ \t]+([^.;:!?\n“”\"‘’]{1,80}?)[ \t]+[“\"‘']$"
                                    # "..., telling reporters that he would ‘rather be right ...’"
                                    r"|,[ \t]+(?:telling[ \t]+(?:the[ \t]+)?\w+|saying)[ \t]+(?:that[ \t]+)?([^.;:!?\n“”\"‘’,]{1,60}?)[ \t]+[“\"‘']$")
_OWN_SPEECH = re.compile(r"\b(?:call|described|describ|dub|label|term|said|says|told|tells|wrote|writes|warn|quot|put\s+it)", re.IGNORECASE)
_PARENTHESIS_BEFORE_VERB = re.compile(r"[^,.;:!?\n]{2,80},[ \t]+")
_COLON_BEFORE_UNIT = re.compile(r":[ \t]*[“\"‘']?$")
_SUBJECT_PRONOUN = re.compile(r"(?:He|She|he|she)\b(?![’']s)")
_DESCRIBED_OPENING = re.compile(r"(?:[A-Z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,5},[ \t]+)?"
                                r"((?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)[ \t]+[a-z][\w’'\-]*(?:[ \t]+[a-z][\w’'\-]*){0,4}?)"
                                rf"(?=,|[ \t]+(?:who|whose|from|at|in|with|of)\b|[ \t]+(?:{_SAYS}|explained|told)\b)")


def _subject_before(text: str, u: _Unit, resolver: SpeakerResolver) -> Mention | None:
    """The sentence's own subject, for a unit whose sentence opens 'SUBJECT ... said': a
    name the sentence opens with ('Lund, for her part, said'), a he or she, or a described
    person ('a retired bus driver'). A direct quote after a colon is the words of a he or
    she the sentence opens with ('Before pushing off, she turns back: "..."'), never of a
    name or thing there ('One placard read:')."""
    start = sentence_start(text, u.start)
    verb = _VERB_BEFORE_UNIT.search(text, start, u.start)
    if not verb and u.kind == "direct":
        verb = _VERB_THAT_BEFORE_UNIT.search(text, start, u.start)
        verb = None if verb and _OWN_SPEECH.search(verb.group(1) or verb.group(2)) else verb
    colon = _COLON_BEFORE_UNIT.search(text, start, u.start) if u.kind == "direct" and not verb else None
    if colon:  # "Before pushing off, she turns back: '...'": a colon introduces its sentence's subject's words
        verb = colon
    if not verb or verb.start() <= start:
        return None
    lead = _FRONTED_PHRASE.match(text, start, verb.start())
    if lead and u.kind == "direct" and re.match(r"(?:which|who)\s", text[lead.end() : lead.end() + 6]):
        lead = None  # "The Wetland Trust of Odrava, which first warned ..., said": the subject and its clause
    opening = lead.end() if lead else start
    pronoun = _SUBJECT_PRONOUN.match(text, opening, verb.start())
    if pronoun:  # "He won Carrick Vale in 1979 and in his maiden speech told the house: '...'"
        return Mention(pronoun.start(), pronoun.end(), *u.tok)
    if colon:
        return None  # "One placard read:", "Graffiti on the wall says:": not someone speaking
    the = re.match(r"[Tt]he[ \t]+", text[opening : opening + 4])
    opening += the.end() if the else 0  # "The National Civil Protection Agency raised ... and said"
    for m in resolver.names:
        if m.start == opening and m.end <= verb.start():
            return Mention(m.start, m.end, *u.tok)
        if lead and m.start == start and m.end == lead.end() - 2 and not resolver.is_place(m.name) \
                and _PARENTHESIS_BEFORE_VERB.fullmatch(text, lead.end(), verb.start()):
            return Mention(m.start, m.end, *u.tok)  # "Lund, for her part, said"
    described = _DESCRIBED_OPENING.match(text, start, verb.start())
    if described and not _is_org_head(mention_head(described.group(1))):
        return Mention(described.start(1), described.end(1), *u.tok)
    return None


# "One rescuer, his overalls caked in grey mud ..., said"; "The rebel leader, known to his
# fighters as "El Viejo", said"
_SUBJECT_PARENTHESIS_VERB = re.compile(
    r"((?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \t]+[^,.;:!?\n\"“”]{1,60}?),[ \t]+"
    r"([^.;:!?\n]{3,160}?),[ \t]+(?:said|says|told|added|warned|explained|insisted|admitted|argued)\b")


def _parenthesised_subject(text: str, u: _Unit, mention: Mention | None) -> Mention | None:
    """The subject a sentence opens with, when an appositive or absolute phrase stands
    between it and its verb of saying and the linker chose a word inside that phrase: the
    phrase's nouns ('his overalls', 'his fighters') are not who speaks. Not when the phrase
    names them ('His sister, Nia Pryce, 24, ..., said'; 'a man named Tomas Erkin')."""
    start = sentence_start(text, u.start)
    m = _SUBJECT_PARENTHESIS_VERB.match(text, start, u.start)
    if not m or m.end() > u.start:
        return None
    if re.match(r"(?:[A-Z][\w’'\-]+[ \t]*)+(?:,|$)|[^,]*\b(?:named|called)\b", m.group(2)):
        # "His sister, Nia Pryce, 24, ..., said", "a man named Tomas Erkin": the appositive names
        # them; "who asked not to be named": whether they are named is for the other rules
        return None
    if mention is None or not m.start(2) <= mention.start < mention.end <= m.end(2) \
            or mention_type(text[mention.start : mention.end]) == "name":
        return None
    return Mention(m.start(1), m.end(1), *u.tok)


# "who declined to give his name", "who asked that her name not be used": someone who stays unnamed
_GIVING_NO_NAME = re.compile(r"\b(?:declined|refused|did\s+not\s+want|asked\s+not|would\s+not)\s+(?:to\s+)?(?:give|be|have|use)\s+"
                             r"(his|her)\s+(?:full\s+|first\s+|last\s+)?name|\basked\s+that\s+(his|her)\s+name\b")


def _unnamed_subjects(text: str, pos: int, want: str) -> list[tuple[int, str]]:
    """Unnamed people a sentence of the pronoun's paragraph opens with, who decline to give
    a name of the pronoun's gender ('A retired teacher in the Bel-Air district, who
    declined to give his name, was less hopeful. He said: "..."'): as much a he or she
    as anyone named. (Any his or her in the sentence is not enough: 'a woman in her
    seventies' is often named next.)"""
    out = []
    para = _paragraph_start(text, pos)
    for m in _DESCRIBED_OPENING.finditer(text, para, pos):
        start = m.start()
        if start != para and not re.search(r"[.!?][”\"’']?\s$", text[max(0, start - 3) : start]):
            continue
        if not re.match(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s", m.group(1)) or _is_org_head(mention_head(m.group(1))):
            continue
        end = sentence_end(text, m.end(1))
        if end > pos:
            continue
        own = _GIVING_NO_NAME.search(text, m.end(1), end)
        if own and ("f" if (own.group(1) or own.group(2)).lower() == "her" else "m") == want:
            whole = re.match(r"[^,.;:!?\n]+?(?=,|\s+who\b|\s+(?:was|is|said|says|told)\b)", text[m.start(1) : end])
            out.append((m.start(1), description_speaker(whole.group(0) if whole else m.group(1))))
    if text[para : para + 1] in OPEN_MARKS and para > 0:
        # '"...," she said' opening the paragraph after 'A former employee who ..., and who
        # asked not to be named, said staff had been told ...': that anonymous source goes on
        before = _previous_paragraph_start(text, pos)
        m = _DESCRIBED_OPENING.match(text, before)
        if m and re.match(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s", m.group(1)) and not _is_org_head(mention_head(m.group(1))) \
                and head_gender(m.group(1)) in (want, None) and m.start(1) == before:
            end = sentence_end(text, m.end(1))
            if _ANONYMOUS.search(text, m.end(1), end) and cached_regex(rf"\b(?:{_SAYS}|told)\b").search(text, m.end(1), end):
                out.append((m.start(1), description_speaker(m.group(1))))
    return out


def _opens_attribution(text: str, pos: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a mention opens its sentence, or follows only the quote that does ('"...,"
    Deane’s campaign manager told reporters.', '« ... », a plaidé l’avocate de la défense')."""
    start = sentence_start(text, pos)
    if start == pos or _FRONTED_PHRASE.fullmatch(text, start, pos):  # "Outside the court, Ashby’s older sister said"
        return True
    closing = _AFTER_CLOSING_MARK.search(text, max(0, pos - 40), pos)
    # The quote opens the sentence, or began in an earlier one: a quote of several sentences.
    return bool(closing) and (text[start : start + 1] in OPEN_MARKS
                              or any(s < start and closing.start() <= e <= closing.end() for s, e in quoted))


_FRONTED_PHRASE = re.compile(r"[A-Z][\w’'\-]*(?:[ \t]+[\w’'\-]+){0,5},[ \t]+")
# '"...," Deane’s campaign manager told', and inverted: '"...," said the', '« ... », a plaidé l’'
_AFTER_CLOSING_MARK = re.compile(r"(?:[,!?][’'\"”]|[,!?]?[ \t]?[»“„]?[ \t]*,)(?:[ \t]+[\w\-]+){0,2}[ \t]+$")


def _police_force(resolver: SpeakerResolver, pos: int) -> str | None:
    """A force whose name holds 'Police' without ending in it ('Halden Falls Police
    Department', 'Police Service of Kelvia'): the last named before ``pos``, else the first after."""
    forces = [(m.start, resolver.canonical_name(m.name, m.start)) for m in resolver.names
              if "Police" in m.name.split() and len(m.name.split()) > 1 and is_org(m.name)]
    forces = [(p, n) for p, n in forces if n and "Police" in n.split()]  # not the chief named with it
    before = [f for f in forces if f[0] < pos]
    return (before[-1] if before else forces[0])[1] if forces else None


def _named_next(text: str, pos: int, resolver: SpeakerResolver) -> str | None:
    """The person opening the next sentence of the paragraph, when the story has not named
    them before: wire copy describes a speaker, then names them."""
    end = sentence_end(text, pos)
    nxt = _TO_NEXT_SENTENCE.match(text, end).end()
    before = {n for _, n in resolver.people_before(pos)}
    for p, name in resolver.sentence_subjects(nxt + 1):
        if p == nxt and name not in before and not is_org(name):
            return name
    return None


def _named_after(text: str, u: _Unit, resolver: SpeakerResolver) -> Mention | None:
    """The name right after a quote's closing mark and comma, with its verb ('"...,"
    Cllr Duckworth shot back.'): the quote's own attribution, though the tagger linked a
    mention of a sentence before."""
    after = _NAME_AFTER_QUOTE.match(text, u.end)
    if not after:
        return None
    m = next((m for m in resolver.names if m.start == after.end()), None)
    verb = _VERB_AFTER_NAME.match(text, m.end) if m is not None else None
    if verb is None and m is not None and _closed_by(text, u, after.start(), ","):  # not '“…?” Cllr Tanner replied that
        verb = _ANY_VERB_AFTER_NAME.match(text, m.end)  # "'…,' Nessa called from the wheelhouse."
    if m is None or is_org(m.name) or not verb or _INTRODUCES_NEXT.match(text, m.end):
        return None
    return Mention(m.start, m.end, *u.tok)


def _closed_by(text: str, u: _Unit, at: int, marks: str) -> bool:
    """Whether a quote ends on one of ``marks``, inside its quotation marks or at ``at``
    just after them ('"…," said', '"…", said'): an attribution may follow in its sentence."""
    return text[at : at + 1] in tuple(marks) or text[u.start : u.end].rstrip()[-1:] in tuple(marks)


def _mention_after(text: str, u: _Unit, mentions: list[Mention]) -> Mention | None:
    """A tagged mention right after a quote's closing mark and comma with its reporting verb
    ('"...," the United Nations special envoy for Ketara, Teresa Valdane, said'): the quote's
    own attribution, not the 'according to a reporter' of the paragraph before."""
    verb_first = _VERB_AFTER_QUOTE.match(text, u.end)
    if verb_first and _closed_by(text, u, verb_first.start(), ",!?"):
        # '“…,” said Dr. Irena Kolar, a spokeswoman for the hospital.'
        m = next((m for m in mentions if m.start == verb_first.end()), None)
        if m is not None:
            return m
    after = _NAME_AFTER_QUOTE.match(text, u.end)
    if not after:
        return None
    m = next((m for m in mentions if m.start == after.end()), None)
    if m is None or not _ANSWERING_NEXT.match(text[m.end : m.end + 40].lstrip(",")) or _INTRODUCES_NEXT.match(text, m.end):
        return None  # nor '"... again." His fiancée, Hannah Reid, added: "..."': it opens the next quote
    return m


# A reporting verb, or the verbs of an exchange: '"I'll pay you back," his son replied.'
_ANSWERING_NEXT = re.compile(rf"{REPORTING_NEXT.pattern}|\s+(?:replied|answered|asked|admitted|insisted)\b")
# "His fiancée, Hannah Reid, added: "..."": a verb and colon that introduce the next quote
_INTRODUCES_NEXT = re.compile(r",?[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:said|says|added|adds|continued|replied|told[ \t]+\w+)[ \t]*:[ \t]*[“\"‘'«]")
_VERB_AFTER_QUOTE = re.compile(r"[,!?]?[’'\"”][ \t]+(?:said|says|added|adds|replied|asked|wrote|explained|continued)[ \t]+")
_NAME_AFTER_QUOTE = re.compile(r"[,!?]?[’'\"”][ \t]+(?:(?:Cllr|Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?")
_VERB_AFTER_NAME = re.compile(r"[ \t]+(?:\w+ly[ \t]+)?[a-z]+(?:[ \t]+(?:back|out|up|in|on|\w+ly))?[.,;]")
# After a quote closed by a comma the name's next word is its verb, whatever follows it; a
# past tense, not a noun ("'…,' Clinton campaign chair John Podesta said").
_ANY_VERB_AFTER_NAME = re.compile(r"[ \t]+(?:\w+ly[ \t]+)?(?:[a-z]{2,}ed|said|told|wrote|spoke|shot|began|went)\b")


def _shared_attribution(text: str, u: _Unit, prev: Quote | None, mention: Mention | None,
                        mentions: list[Mention]) -> Mention | None:
    """The previous half's mention for the second half of a split quote: '"A," Brightwater's
    director, Neil Garside, said at a public exhibition of the plans. "B."' has one
    attribution between the halves, and it serves both."""
    if mention is None or u.kind != "direct" or prev is None or prev.kind != "direct" or prev.speaker_start is None:
        return None
    if not (prev.end < prev.speaker_start < u.start and prev.end < mention.start < u.start) \
            or mention.start == prev.speaker_start or "\n" in text[prev.end : u.start] \
            or not _OPENS_AFTER_CLAUSE.search(text, prev.end, u.start):
        return None
    return next((m for m in mentions if m.start == prev.speaker_start), None)


_OPENS_AFTER_CLAUSE = re.compile(r"[.,:;!?]\s*[“\"‘'«]\s*$")  # '... said. "B' (not 'had been “massaged')
_ENDS_IN_RELATIVE = re.compile(r",\s+(?:who|which)$")  # the tagger's "A second-year student, who"
# ", who ...", ", presenting her second budget since the ...": a clause inside the subject's commas
_INTO_RELATIVE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:who|which|whose|[a-z]{3,}ing)\b[^,;.!?\n]*$")
_OUT_OF_RELATIVE = re.compile(r"[^,;.!?\n]*,(?=\s+(?:said|says|told|added|warned|stated|announced|confirmed|calls|called)\b)")


# '..., said the report pointed to "a system failure"': a mention right after the verb
# opens the clause the verb reports, and its own verb stands before the quote.
_VERB_BEFORE_MENTION = re.compile(rf"\b(?:{_SAYS}|noted|stated)\s+(?:that\s+)?(?:(?:the|a|an|its|his|her|their)\s+)?$")
_CLAUSE_VERB = re.compile(r"(?:\s+[\w’'\-]+){1,4}\s*[\"'“‘«„]?")
_RELATIVE_BEFORE_VERB = re.compile(r",?\s+(?:which|who)\s+$")


def _reporting_subject(text: str, u: _Unit, mention: Mention | None, near: list[Mention]) -> Mention | None:
    """For a direct quote inside a reported clause ('The Airline Pilots' Union, which
    represents both crew members, said the report pointed to "a system failure"'), the
    subject of the reporting verb, not the clause's own subject the linker chose."""
    if u.kind != "direct" or mention is None or mention.end > u.start:
        return None
    start = sentence_start(text, u.start)
    verb = _VERB_BEFORE_MENTION.search(text, start, mention.start) if mention.start >= start else None
    if not verb or not _CLAUSE_VERB.fullmatch(text, mention.end, u.start):
        return None
    before = [m for m in near if start <= m.start and m.end <= verb.start()]
    # "the Criminal Cases Review Commission, which said": the name the relative hangs on
    hung = [m for m in before if _RELATIVE_BEFORE_VERB.fullmatch(text, m.end, verb.start())]
    if _RELATIVE_BEFORE_VERB.search(text, start, verb.start()):
        return hung[0] if hung else None
    return before[0] if before else None


_REPORTING_VERB = re.compile(rf"\b(?:{_SAYS}|told|explained|stated|noted|announced|confirmed)\b")
# "Tait said [Orrin] had asked ...": a person the subject's reported clause speaks of
_REPORTED_BETWEEN = re.compile(rf"[^.!?\n“”\"]*?\b(?:{_SAYS}|explained|recalled)[ \t]+(?:that[ \t]+)?(?:[a-z]+[ \t]+){{0,2}}")


def _without_reported(text: str, cands: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The candidates less those named in another candidate's reported clause ('Tait said
    Orrin had asked to take the kick. "...," he said' is Tait; 'The champion said her father
    had been more nervous' is the champion): the next he/she goes on with the one saying."""
    return [c for c in cands if not any(
        d[1] != c[1] and sentence_start(text, c[0]) <= d[0] < c[0] and _REPORTED_BETWEEN.fullmatch(text, d[0], c[0])
        for d in cands)]


# words by which the mention itself would be the one speaking or writing the quote
_OWN_SPEECH = re.compile(r"\b(?:(?:said|told|called|described|warned|added|wrote|insisted|argued|claimed|accused|urged|promised|"
                         r"pledged|vowed|declared|announced|cautioned|stressed|suggested|predicted|acknowledged|admitted|"
                         r"conceded|countered|replied|noted|stated|explained|maintained|alleged|complained|dubbed|branded|"
                         r"termed|labell?ed|quoted|cited)|(?:says|tells|calls|warns|writes|claims|vows|promises|pledges|"
                         r"declares|announces|urges|insists|argues|accuses|cautions|stresses|admits|notes|states|explains)"
                         r"|say|saying|call|calling|according|put it|as)\b")


def _clause_speaker(text: str, u: _Unit, mention: Mention | None, near: list[Mention]) -> Mention | None:
    """For a quote whose linked mention sits after an earlier reporting verb of its sentence
    and does not say the quote itself ('Governor Mirela Dascu told a news conference that the
    platform had been taken offline after engineers detected "abnormal activity"'; 'Miriam
    Tulei ... said in a statement issued by her office that Serrami had "walked away"';
    'Abena-Tsoli told reporters at the bloc's headquarters that [heads of state would
    meet]'), the subject of that reporting verb: the linker's nearer noun is the clause's
    or the verb's object, not who speaks. Not when the mention has its own verb of saying
    ('the minister said the union had called it "insulting"')."""
    if mention is None or mention.end > u.start:
        return None
    start = sentence_start(text, u.start)
    if mention.start < start or _OWN_SPEECH.search(text, mention.end, u.start):
        return None
    verbs = [v for v in _REPORTING_VERB.finditer(text, start, mention.start) if not in_double_quotes(text, v.start())]
    if not verbs:
        return None
    verb = verbs[0]
    before = [m for m in near if start <= m.start and m.end <= verb.start()]
    return before[0] if before else None


# "... congratulated Brierley but said [that] ...": a second verb of the subject's, after its object
_COORDINATED_SAYING = re.compile(rf"[ \t]+(?:but|and)[ \t]+(?:also[ \t]+|then[ \t]+)?(?:{_SAYS}|warned|insisted|argued|added)"
                                 r"[ \t]+(?:that[ \t]+)?[\"'“‘]?$")
_OBJECT_VERB = re.compile(r"\b[a-z]{3,}(?:ed|s)[ \t]+$")


def _coordinated_subject(text: str, u: _Unit, mention: Mention | None, near: list[Mention]) -> Mention | None:
    """For a reported clause after 'X congratulated Y but said', X: the linker's mention is
    the first verb's object, and the verb of saying is its subject's second verb."""
    if mention is None or mention.end > u.start or not _COORDINATED_SAYING.match(text[mention.end : u.start]):
        return None
    start = sentence_start(text, u.start)
    if mention.start < start or not _OBJECT_VERB.search(text, max(start, mention.start - 30), mention.start):
        return None
    return next((m for m in near if m.start == start and m.end < mention.start), None)


def _relative_clause_antecedent(text: str, mention: Mention | None, resolver: SpeakerResolver,
                                mentions: list[Mention]) -> Mention | None:
    """The subject a relative clause hangs on, for a mention inside that clause:
    'Ellesmoor County Council, which ended its contract with Brightside in 2022, said' is
    the council speaking, not Brightside."""
    if mention is None or not _OUT_OF_RELATIVE.match(text, mention.end):
        return None
    start = sentence_start(text, mention.start)
    for m in reversed(resolver.names):
        if start <= m.start and m.end <= mention.start and _INTO_RELATIVE.search(text, m.end, mention.start):
            same = [x for x in mentions if x.start == m.start]
            return same[0] if same else Mention(m.start, m.end, mention.tok_start, mention.tok_end)
    for x in mentions:  # "A second-year student, who asked not to be named because he feared ..., said"
        if start <= x.start and x.end <= mention.start and mention_type(text[x.start : x.end]) == "description" \
                and (_INTO_RELATIVE.search(text, x.end, mention.start)
                     or _ENDS_IN_RELATIVE.search(text, x.start, x.end) and not re.search(r"[,;.!?]", text[x.end : mention.start])):
            return x
    return None


# Descriptions the resolver can name by age alone: 'the younger man', 'the 19-year-old', 'the teenager'.
_AGED_DESCRIPTION = re.compile(r"\b[Tt]he\s+(?:(?:younger|elder|older)\s+(?:brother|sister|man|woman)|\d{1,3}-year-old|teenager)\b"
                               r"(?!\s+(?:said|says|told|added|replied))")


def _only_modifies(text: str, name: str) -> bool:
    """Whether every time the text writes ``name`` it is between 'the' and a noun ('at the
    Kent County Republican headquarters'): the name of a thing's owner or kind, never a
    person speaking."""
    spots = list(cached_regex(rf"\b{re.escape(name)}\b").finditer(text))
    return bool(spots) and all(names_a_thing(text, m.start(), m.end()) for m in spots)


def _titled_thing(text: str, name: str) -> bool:
    """A name the article writes as 'The Salt Ledger' inside a sentence: a play, a ship,
    a pub; 'The' is never part of a person's name."""
    if cached_regex(rf"[a-z,;]\s+The\s+{re.escape(name)}\b").search(text):
        return True
    # "before the Halden Masters, where she is the defending champion": an event, a team
    return len(name.split()) > 1 and not first_name_gender(name) \
        and bool(cached_regex(rf"\b[a-z]+\s+the\s+{re.escape(name)}\b(?![’']s)").search(text))


# 'That was disputed by the bank, which said'; 'A woman buying picture hooks, who did not want to give her name, said'
_DESCRIBED_ANTECEDENT = re.compile(r"\b((?:the|its|their|his|her|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-’']+\s+){0,4}[a-z][\w\-]*),\s*$")
# "The Ostrevan delegation, led by Deputy Foreign Minister Goran Petrakis, rejected it."
_PLURAL_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([Tt]he\s+(?:[\w’'\-]+\s+){0,3}?[a-z]+)(?:,[^,.!?\n]{1,80},)?\s+"
                             r"(?:have|had|are|were|said|say|will|would|[a-z]{3,}ed)\b", re.MULTILINE)
_TRAILING_WHO = re.compile(r"\bwho$")
_REFLEXIVE = re.compile(r"(?<=\w)\s+(?:himself|herself|themselves|itself)$")
_ASKED_BY = re.compile(r"\b[Aa]sked\s+by\s+(?:an?\s+|the\s+)?$")
# "Among those waiting at the crossing was Samira Tahan, ...": the one the paragraph introduces
_EXISTENTIAL = re.compile(r"\b(?:was|were|is|are)\s+$")


def _marked_title(text: str, name: str) -> bool:
    """A name the article only ever writes inside its own quotation marks: a title
    ('the bank's latest “Financial Stability Review”'), not a person."""
    spots = [m.start() for m in cached_regex(rf"\b{re.escape(name)}\b").finditer(text)]
    return bool(spots) and all(text[p - 1 : p] in OPEN_MARKS and text[p + len(name) : p + len(name) + 1] in CLOSE_MARKS
                               for p in spots)


def _hands_over(text: str, pos: int, end: int) -> bool:
    """Whether the person named at ``pos`` goes on to speak before ``end`` ('Margaret
    Whitlow, read a statement'). A verb joined on with 'but'/'and' straight after the
    name has the sentence's earlier subject ('... about the referee, Stuart Penrose, but
    added that ...'), unlike 'Rachel Vantell, sat beside the detective and read'."""
    act = _SPEECH_ACT.search(text, pos, end)
    return bool(act) and not _JOINED_VERB.match(text[pos : act.start()])


def _sentence_case(text: str, start: int, mention: str) -> str:
    """A mention whose first word is capitalised only because it opens the sentence
    ('Analysts at Corbel Securities said', 'Neighbour Janice Pell' is a name, 'Doorman'
    alone is not): lowered when it is a role word or the article writes it in lower case elsewhere."""
    first = mention.split()[0] if mention.split() else ""
    if not first[:1].isupper() or not first[1:].islower() or sentence_start(text, start) != start:
        return mention
    if len(mention_core(mention).split()) != 1:
        return mention  # "Janice Pell", "Regional Fire Chief Helena Marsh"
    person = mention_name(mention)
    if person and len(person.split()) > 1 and not is_org(person):
        return mention  # "Secretary of State John F. Kerry": an office and its holder, not "the secretary"
    words = mention.split()
    if len(words) > 1 and not first.endswith(",") and words[1][:1].islower():
        return mention[:1].lower() + mention[1:]  # "Sources close to Harstad": a noun and its modifier
    low = first.lower()
    if low not in TITLE_WORDS and low.removesuffix("s") not in TITLE_WORDS \
            and not cached_regex(rf"\b{re.escape(low)}\b").search(text):
        return mention
    return mention[:1].lower() + mention[1:]


def _named_in(name: str, quote: str) -> bool:
    """Whether a quote mentions this person by first name or surname."""
    words = [w for w in name.split() if len(w) > 2 and w[0].isupper()]
    return len(name.split()) >= 2 and any(cached_regex(rf"\b{re.escape(w)}\b").search(quote) for w in words)


def _is_org_head(word: str) -> bool:
    """'ministry', 'company', and the generic 'firm', 'operator', 'retailer': never a person."""
    return org_word(word) or word.lower().strip("’'") in _GENERIC_ORG


# Words that hand a paragraph over to someone about to be quoted.
_SPEECH_ACT = re.compile(r"\b(?:read (?:a|an|the|out)|statement|addressed|told|said|says|spoke|recalled|"
                         r"explained|replied|answered|added)\b")
_ACCORDING_AFTER = re.compile(r"[\"'”’»]?\s*,\s*according to\s+")
# A quote signed after a dash, as in vox pops and epigraphs: '“...” ― Carla Sanchez'.
_DASH_SIGNED = re.compile(capitals(r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][\w’'\-]*(?:\.(?=[ \t]+[A-Z]))?(?:[ \t]+[A-Z][\w’'\-]*(?:\.(?=[ \t]+[A-Z]))?){0,4})"
                                  r"(?=[ \t\u00a0]*(?:[,.(\n]|$))"))
_JOINED_VERB = re.compile(r"[^,.;]*,\s*(?:but|and)\s+(?:\w+ly\s+)?$")
# Descriptions of an organisation by another word than its name's head.
_ORG_SYNONYMS = {"force": ("police", "constabulary"), "charity": ("trust", "foundation", "fund"),
                 "union": ("guild", "federation"), "broadcaster": ("radio", "television", "tv"),
                 "station": ("radio", "fm", "television", "tv"), "school": ("academy", "college"),
                 "club": ("fc", "united", "rovers", "athletic", "wanderers", "albion", "city", "town", "county"),
                 "airline": ("air", "airways", "airlines"), "carrier": ("air", "airways", "airlines"),
                 "agency": ("office", "authority", "inspectorate", "directorate", "organisation", "organization", "programme"),
                 "regulator": ("authority", "commission", "office", "board", "inspectorate", "agency", "directorate"),
                 "watchdog": ("authority", "commission", "office", "board", "inspectorate", "agency", "directorate"),
                 # "the conservative-leaning newspaper wrote": The Wall Street Journal
                 "newspaper": ("times", "post", "journal", "herald", "tribune", "gazette", "courier", "telegraph",
                               "guardian", "chronicle", "observer", "examiner", "inquirer", "register", "globe", "sentinel")}
# Modifiers that do not tell one organisation of a kind from another.
_LOOSE_MODIFIERS = frozenset("local new national regional state federal city country's same former main two central".split())


def _modifier_fits(description: str, org: str) -> bool:
    """Whether an organisation's name agrees with the word before a description's head:
    'the interior ministry' fits 'Interior Ministry', 'the agriculture ministry' does not
    fit 'Karvonian Ministry of Defence'."""
    written = mention_core(description).split()
    words = [w.lower() for w in written]
    if len(words) < 2 or words[-2] in DETERMINERS or words[-2] in _LOOSE_MODIFIERS or re.match(r"\d", words[-2]):  # "the 14-nation union"
        return True
    if re.fullmatch(r"[a-z]+-(?:leaning|based|owned|run|funded|backed)", words[-2]):
        return True  # "the conservative-leaning newspaper", "the London-based charity": no part of a name
    if words[-2].endswith(("’s", "'s")):
        # "Kolvaria's ministry" is any ministry of Kolvaria's; "the governor's office" is no
        # "Pell County Sheriff's Office"
        return written[-2][:1].isupper() or words[-2][:-2] in org.lower()
    return words[-2].rstrip("’'") in org.lower()  # "the drivers' union": "Rail Drivers and Guards Union"


def _org_like(speaker: str) -> bool:
    """An organisation by name ('Interior Ministry') or by description ('Aldermark's
    foreign ministry'): never he or she."""
    head = mention_head(speaker).lower()
    if re.fullmatch(r"[A-Z][A-Z&]{1,5}", speaker.strip()):
        return True  # "NPSB", "UN": an acronym is an organisation
    if mention_type(speaker) == "description":  # "A spokeswoman for Kelland Highways" is a woman
        return _is_org_head(head) and head != "police"
    return is_org(speaker)


_AUTHORED = frozenset("report readout study survey review analysis statement letter paper audit quote remark remarks "
                      "comment comments".split())  # "That quote from Alabama Securities Commissioner Thomas Krebs"
_AUTHORED_BY = re.compile(capitals(r"\b(?:by|from)\s+(?:the\s+)?((?:[A-Z][\w’'\-]*)(?:\s+(?:of|for|and|[A-Z][\w’'\-]*))*)"))
_DOCUMENTS = frozenset("statement communique communiqué release letter".split())
_INSCRIPTIONS = frozenset("banner sign placard poster graffiti inscription plaque notice slogan someone announcement "
                          "banderole pancarte affiche panneau transparent plakat schild pancarta cartel".split())
# A quote introduced by what is written on a thing: 'a banner in the home end read:'.
_INSCRIBED = re.compile(
    r"\b(?:banner|sign|placard|poster|graffiti|inscription|plaque|notice|slogan|board|billboard|mural|headstone|petition|"
    r"chalkboard|blackboard|whiteboard|t-shirt|sticker|wreath)s?\b[^.!?\n]{0,80}\breads?\s*:?\s*[“\"‘'«„]?$"
    # "Another, propped against the war memorial, read: "..."": one more of the signs just described
    r"|^(?:Another|One)\b[^.!?\n]{0,80}\breads?\s*:?\s*[“\"‘'«„]?$"
    # "Someone had chalked "We are not terrorists" on the side of a bus"
    r"|\b(?:chalked|scrawled|spray-painted|daubed|graffitied)\s*:?\s*[“\"‘'«„]?$",
    re.IGNORECASE,
)


# Nouns for groups that never take he or she.
_COLLECTIVE = frozenset("police people staff personnel crew family public authorities crowd audience delegation couple".split())
_GROUP_SUFFIXES = ("ers", "ists", "ets", "ents", "ians", "ants", "ors", "ees")


def _is_plural(name: str) -> bool:
    """'Opposition MPs', 'officials', 'residents of the town': groups, never he or she."""
    words = name.split()
    if not words:
        return False
    last = mention_head(name)
    if re.fullmatch(r"[A-Z]{2,}s", last) or last.lower() in _COLLECTIVE:
        return True
    if len(words) == 1 and last[:1].isupper() and last.lower().endswith(_GROUP_SUFFIXES):
        return True  # "Researchers", "Pickets": a group capitalised at a sentence start
    if _PARTY_PLURAL.fullmatch(last):
        return True  # "Social Democrats", "the Greens": a party's members, never she
    return mention_type(name) == "description" and len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _apposed_person(resolver: SpeakerResolver, text: str, pos: int, end: int) -> str | None:
    """The person a description (``text[pos:end]``) stands in apposition to, when the
    tagger marked the description alone: set off by commas right after a name ('Jay
    DiPietro, the club's president, suggested'), not after a place ('At Boca West, the
    club's ...') nor opening the clause ('Earlier, Afghan media outlets reported')."""
    comma = re.search(r",[ \t]{1,3}$", text[:pos])
    if not comma or text[end : end + 1] != ",":
        return None
    for m in resolver.names:
        if m.end == comma.start() and not is_org(m.name) and not resolver.is_place(m.name) \
                and not re.search(r"\b(?:[Ii]n|[Oo]n|[Aa]t|[Ff]rom|[Tt]o|[Ww]ith|[Ff]or|[Bb]y|[Nn]ear)\s+$", text[max(0, m.start - 8) : m.start]):
            name = resolver.canonical_name(m.name, m.start)
            return name if len(name.split()) > 1 else None  # a person named in full, not "Earlier"
    return None


_PARTY_PLURAL = re.compile(r"[A-Z]\w*(?:crats|licans|vatives|berals|ialists|ionalists|unists|ionists)|Greens|Tories")
_POSSESSED = re.compile(r"[ \t]+([a-z][\w\-]+)\b")


_INVERTED_PRONOUN = re.compile(r"(?<=-)(il|elle|ils|elles)\b")


def _inverted_pronoun(text: str, mention: Mention) -> Mention:
    """'a-t-elle lancé' read as the mention 'elle lancé': the French inverted subject is
    the pronoun alone, in English copy too when it quotes someone in French."""
    m = _INVERTED_PRONOUN.match(text, mention.start)
    return replace(mention, end=m.end()) if m and mention.end > m.end() else mention


def _whole_possessive(text: str, mention: Mention) -> Mention:
    """'said her brother' with the mention cut to 'her': a possessive is never the speaker
    itself, so the noun after it joins the mention."""
    noun = _POSSESSED.match(text, mention.end) if text[mention.start : mention.end].lower() in ("his", "her", "their") else None
    return replace(mention, end=noun.end()) if noun else mention


def _apposed_edges(text: str, mention: Mention) -> Mention:
    """A mention the tagger cut at an appositive's comma: 'Her husband, [a delivery driver]'
    is her husband; '(seen by the) [Glenarrow Courier, the chief executive]' is the chief
    executive, the newspaper being an object."""
    kin = _KIN_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if kin and mention_type(text[mention.start : mention.end]) == "description":
        return replace(mention, start=kin.start(1))
    named = _NAME_BEFORE_APPOSITIVE.search(text, max(0, mention.start - 60), mention.start)
    if named and mention_type(text[mention.start : mention.end]) == "description" and not at_place(text, named.start(1), named.group(1)):
        return replace(mention, start=named.start(1), end=named.end(1))  # "Tom Rafferty, 38, a [father of two]"
    if text[mention.start : mention.start + 1].islower() and re.search(r"\b[Tt]he[ \t]+$", text[max(0, mention.start - 4) : mention.start]) \
            and mention_type(text[mention.start : mention.end]) == "description":
        return replace(mention, start=mention.start - 4)  # "with [the] former army general who leads the rebels declaring"
    lead = _LOWER_LEAD.match(text, mention.start, mention.end)
    if lead and mention_type(text[lead.end() : mention.end]) == "name":
        return replace(mention, start=lead.end())  # "Speaking outside the town [hall, Ms Delahaye, 44], said"
    comma = text.find(", ", mention.start, mention.end)
    if comma > 0 and _OBJECT_BEFORE.search(text, max(0, mention.start - 12), mention.start) \
            and mention_type(text[mention.start : comma]) == "name":
        return replace(mention, start=comma + 2)
    return mention


# A name and its appositive, the mention cut after the article: 'Tom Rafferty, 38, a [father of two]'.
_NAME_BEFORE_APPOSITIVE = re.compile(r"([A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){1,3}),[ \t]+(?:\d{1,3},[ \t]+)?an?[ \t]+$")
_KIN_BEFORE = re.compile(rf"\b({KIN_MENTION.pattern}),\s+$", re.IGNORECASE)
_LOWER_LEAD = re.compile(r"(?!(?:the|a|an|his|her|its|their|our|my|your)\b)[a-z][\w’'\-]*(?:[ \t]+[a-z][\w’'\-]*){0,2},[ \t]+(?=[A-Z])")
_OBJECT_BEFORE = re.compile(r"\b(?:by|to|from|with|in)\s+the\s+$")


def _data_owner(text: str, mention: Mention) -> Mention:
    """'according to her estimates', 'the operator’s own figures': whose figures they
    are is who speaks ('her', 'the operator')."""
    m = _OWNED_DATA.fullmatch(text, mention.start, mention.end)
    return replace(mention, end=mention.start + len(m.group(1))) if m else mention


_OWNED_DATA = re.compile(r"(his|her|their|its|(?:the\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}?(?=[’']s\s))(?:[’']s)?\s+(?:own\s+)?"
                         # "the Civic Alliance’s own canvass returns", "the federation’s published decision"
                         r"(?:[a-z\-]+\s+)?(?:estimates?|figures|analysis|data|calculations?|count|research|records|tally|"
                         r"projections?|modell?ing|numbers|returns|decision|ruling|report|survey|poll|accounts)", re.IGNORECASE)
_OF_NAMED = re.compile(capitals(r"\s(?:of|de\s+la|de\s+l['’]|du|des|de|der|del)\s+(?:the\s+)?([A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*)$"))
def _introduced_unnamed(resolver: SpeakerResolver, text: str, head: str, pos: int) -> bool:
    """Whether 'the <head>' at ``pos`` takes up 'a/an ... <head>' from this paragraph or the
    one before, said of someone never named: no person is named from there to ``pos``, and
    the indefinite is neither apposed to a name ('Jo Lee, an organizer') nor predicated of
    one ('she became an organizer')."""
    intro = None
    for m in cached_regex(rf"\b[Aa]n?\s+(?:[\w’'\-]+\s+){{0,3}}?{re.escape(head)}\b").finditer(
            text, _previous_paragraph_start(text, pos), pos):
        if not any(a <= m.start() < b for a, b in resolver.quoted):
            intro = m
    if intro is None:
        return False
    before = text[max(0, intro.start() - 40) : intro.start()].rstrip()
    if before.endswith((",", "--", "—", "–", "(")) or _PREDICATIVE.search(before):
        return False
    return not any(p >= intro.start() and not resolver.is_place(n) for p, n in resolver.people_before(pos, surnames=True))


# "she became an organizer", "who is now an oceanographer": a description said of someone already there.
_PREDICATIVE = re.compile(r"\b(?:is|was|are|were|be|been|being|became|becomes|become|as|named|appointed|remains|remained)(?:\s+(?:now|also|still|then|later|already|once|since))?$",
                          re.IGNORECASE)
_INDEFINITE_AGE = re.compile(r"\b[Aa]n?\s+(?:\d{1,3}-year-old|teenager|teenage)\b")
_NAME_AS_ROLE = re.compile(capitals(r"([A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+)*)[ \t]+as[ \t]+[\w’'\-]"))
# "The Save Brackenholt Libraries campaign said": the campaign is the name it carries.
_NAMED_CAMPAIGN = re.compile(capitals(r"(?i:the)[ \t]+([A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+)+)[ \t]+(?:campaign|campaign group)"))


def _check_windows(window: int, overlap: int) -> None:
    """Windows must hold some text besides [CLS]/[SEP] and move forward each step."""
    if not 16 <= window <= 512:
        raise ValueError(f"window must be between 16 and 512 tokens, got {window}")
    if not 0 <= overlap <= window // 2:
        raise ValueError(f"overlap must be between 0 and half the window ({window // 2}), got {overlap}")


def _has_fast_bf16(device: str) -> bool:
    """Whether bfloat16 arithmetic runs natively here (else it is emulated and slow)."""
    import torch

    if device.startswith("cuda"):
        return torch.cuda.is_bf16_supported()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            flags = f.read()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


_EDGE = "\"'“”‘’«» \t\n,.;:—–-"


def _mostly_capitalised(span: str) -> bool:
    """Headline or name list rather than a reported clause."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", span) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7


_TRAILING_FUNCTION = re.compile(
    r"(?:[\s,;:—–-]+(?:in|of|from|to|the|a|an|and|but|or|he|she|they|it|who|that|with|for|on|at|by|as))+$",
    re.IGNORECASE,
)
# A reported clause has a finite verb; PolNeAR also tags noun phrases ("warned of the
# possibility of war"), which the guideline does not count as quotes. Auxiliaries,
# modals, past forms and common present forms are enough to tell the two apart.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|had|has|have|will|would|could|can|should|shall|may|might|must|"
    r"did|does|do|won't|can't|wasn't|isn't|aren't|weren't|hasn't|haven't|hadn't|didn't|doesn't|"
    r"says|goes|needs|wants|remains|continues|plans|faces|expects|intends|believes|knows|agrees|"
    r"supports|opposes|lacks|means|makes|takes|gives|shows|hopes|seems|stands|holds|"
    r"[a-z]{2,}ed)\b",
    re.IGNORECASE,
)


def _lede_start(text: str, start: int, end: int) -> tuple[int, int]:
    """Put a reported clause's start where its paragraph's sentence starts when the
    tagger ran into the headline or dateline ('study finds HOLMSTAD, March 5 (Wire) —
    Glaciers ...') or stopped a word or two short ('hailstorm lasting' for 'A hailstorm')."""
    last_nl = text.rfind("\n", start, start + (end - start) // 2)
    if last_nl >= 0:
        start = last_nl + 1  # a reported clause does not run on from the paragraph before
    para = _paragraph_start(text, start)
    date = DATELINE.match(text, para)  # where a lede's first sentence starts
    if date is None:
        return start, end
    lede = date.end()
    gap = text[lede:start]
    if start <= lede or (len(gap.split()) <= 3 and not re.search(r"[,;:]", gap)):
        return lede, end  # the clause is the lede's first words: start where they start
    return start, end


_CUE_BEFORE = re.compile(
    r"\b(?:said|says|added|warned|stated|claimed|insisted|announced|reported|confirmed|argued|explained|"
    r"noted|acknowledged|predicted|estimated|alleged|admitted|denied|believes|believed|thinks|thought|"
    r"agreed|recalled|wrote|told\s+(?:[\w’'\-]+\s+){1,6}?that)\b"
    r"(?:\s+(?:on|in|late|earlier|last|this)(?:\s+[\w’'\-]+){1,2})?(?:\s+that)?\s+")


def _clause_start(text: str, start: int, end: int) -> int:
    """Move a reported clause's start back over its own subject when the tagger began it
    mid-clause ('said [the central bank] had all but promised', 'About 1,[400 people]'):
    to just after the reporting verb before it, or over a number split at its comma."""
    sent = sentence_start(text, start)
    before = text[sent:start]
    if not before.strip() or re.search(r"(?:\bthat|\bwhether|\bif|[:,;—–-])\s*$", before) and not re.search(r"\d,$", before):
        return start  # already right after 'that', a colon or a comma
    if re.search(r"\baccording to\b", before, re.IGNORECASE):
        return start
    cues = list(_CUE_BEFORE.finditer(before))
    if cues:
        gap = before[cues[-1].end() :]
        if gap and len(gap.split()) <= 8 and not re.search(r"[,;:]\s", gap):
            return sent + cues[-1].end()
        return start
    number = re.search(r"(?:^|\s)([A-Z]?[a-z]*\s*[\d,.]*\d,)$", before)
    if number:  # 'About 1,[400 people]': a number the tagger split at its comma
        return start - len(number.group(1))
    return start


# Who was told, before the clause told: 'told [the eight artists who rent space there]
# that the building ...', 'told [Gareth Mallory] he should expect ...'.
_HEARER_THAT = re.compile(r"((?:[\w’'\-]+\s+){1,8}?)that\s+")
_HEARER = re.compile(r"((?:[\w’'\-]+\s+){1,8}?)(?:that\s+)?(?=(?:he|she|it|they|we|I|the|a|an|his|her|its|their|there)\s)")


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Tags stop on wordpieces, a clause never does: a word cut at the end is kept whole
    ('conviction quash|ed'), and at the start the larger part of the cut word decides
    ('told ju|rors the trial' drops 'rors'; 'at Pen|moor has moved' takes 'Penmoor')."""
    if 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        head = tail = start
        while head > 0 and text[head - 1].isalnum():
            head -= 1
        while tail < end and text[tail].isalnum():
            tail += 1
        start = tail if tail - start < start - head else head
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _trim_indirect(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge marks and punctuation, a leading complementiser ('that') and trailing
    function words left where the tagger stopped early ('clashes in', ', but he')."""
    start, end = _whole_words(text, start, end)
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if re.search(r"\btold\s+$", text[max(0, start - 10) : start]):
        m = _HEARER_THAT.match(text, start, end) or _HEARER.match(text, start, end)  # not the jurors
        if m and not _FINITE.search(m.group(1)):
            start = m.end()
    m = re.match(r"(?:that|whether|if)\s+", text[start:end], re.IGNORECASE)
    if m and end - start > m.end():
        start += m.end()
    m = _TRAILING_FUNCTION.search(text[start:end])
    if m:
        end = start + m.start()
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


_NEW_CLAUSE = re.compile(
    r",\s*(?:as|but|and|while|whereas|although|though|then|when|so|because|or|according|who|saying|adding|"
    r"a\s+claim|a\s+promise|a\s+figure|a\s+decision|the\s+[a-z]+\s+said)\b", re.IGNORECASE)


_REPORTED_HERE = re.compile(
    r"\b(?:said|says|told|tells|added|adds|warned|reported|stated|claimed|insisted|announced|wrote|"
    r"explained|noted|confirmed|according|argued|replied)\b")


def _trailing_modifier_end(text: str, end: int) -> int:
    """Extend a reported clause the tagger stopped at a comma over the modifier that ends
    its sentence (', subject to approval by regulators', ', many of them found ...'),
    but not over a new clause (', but he vowed ...', ', as both sides claimed gains'),
    a reporting verb, or quoted words."""
    stop = sentence_end(text, end)
    rest = text[end:stop]
    if not rest.startswith(",") or len(rest) > 150 or _NEW_CLAUSE.match(rest):
        return end
    if any(ch in rest for ch in "“”\"‘’«»") or _REPORTED_HERE.search(rest):
        return end
    while stop > end and text[stop - 1] in ".;:!? \t":
        stop -= 1
    return stop


def _is_reported_clause(span: str) -> bool:
    """A finite clause, not an infinitive complement ('to continue') or a noun phrase."""
    return not re.match(r"to\s", span, re.IGNORECASE) and bool(_FINITE.search(span))


def _has_reporting_cue(text: str, cues: list[TagSpan], start: int, end: int) -> bool:
    for c in cues:
        if c.end <= start - 200 or c.start >= end + 200:
            continue
        first = text[c.start : c.end].strip().lower()
        if first.startswith(REPORTING_STEMS):
            return True
    return False


def _reporting_cue_in_sentence(text: str, cues: list[TagSpan], u: _Unit) -> bool:
    lo = max(text.rfind(". ", 0, u.start), text.rfind("\n", 0, u.start), 0)
    hi_candidates = [i for i in (text.find(". ", u.end), text.find("\n", u.end)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return any(lo <= c.start and c.end <= hi and text[c.start : c.end].strip().lower().startswith(REPORTING_STEMS)
               for c in cues)


def _cue_span(text: str, cue: TagSpan | None) -> tuple[int, int] | None:
    """The cue's characters without trailing function words ('said in' -> 'said')."""
    if cue is None:
        return None
    start, end = cue.start, cue.end
    m = _TRAILING_FUNCTION.search(text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    return (start, end)


def _nearest_cue(cues: list[TagSpan], mention: Mention | None, u: _Unit, text: str) -> TagSpan | None:
    anchor = (mention.start + mention.end) // 2 if mention else u.start
    near = [c for c in cues if abs((c.start + c.end) // 2 - anchor) < 120 and not (u.start <= c.start < u.end)]
    return min(near, key=lambda c: abs((c.start + c.end) // 2 - anchor)) if near else None


def _colon_paragraph_speaker(text: str, u: _Unit, mentions: list[Mention]) -> Mention | None:
    """The speaker of a quote that opens its paragraph right after a paragraph ending in
    a colon ('Police chief Helena Vask read a prepared statement:'): that paragraph's
    last source mention."""
    para = _paragraph_start(text, u.start)
    if text[para : u.start].strip() not in ('"', "“", "«", "‘", "'") or para == 0:
        return None
    prev_end = len(text[:para].rstrip())
    if not text[:prev_end].endswith(":"):
        return None
    prev_start = _paragraph_start(text, max(prev_end - 1, 0))
    inside = [m for m in mentions if prev_start <= m.start and m.end <= prev_end]
    return inside[-1] if inside else None


def _goes_on(resolver: SpeakerResolver, text: str, u: _Unit, prev: Quote) -> bool:
    """A quote opening its paragraph, after a paragraph without marks whose subject is the
    previous quote's speaker ('“...,” Howard said.' ¶ 'Howard continued his scathing
    remarks.' ¶ '“...”'): that speaker goes on."""
    para = _paragraph_start(text, u.start)
    if text[para : u.start].strip() not in OPEN_MARKS or para < 2:
        return False
    before = _paragraph_start(text, para - 2)
    if prev.start < _paragraph_start(text, max(before - 2, 0)) or any(c in OPEN_MARKS for c in text[before:para]):
        return False  # the quote before is further back, or the paragraph between has words in marks
    subjects = [c for c in resolver.sentence_subjects(para - 1) if c[0] >= before]
    return bool(subjects) and max(subjects)[1] == prev.speaker


def _continues_previous(text: str, u: _Unit, prev: Quote) -> bool:
    """A quote opening its paragraph with no attribution of its own continues the
    previous quote's speaker when that quote is in the same or the preceding paragraph."""
    para = _paragraph_start(text, u.start)
    if text[para : u.start].strip() not in ('"', "“", "«", "‘", "'", "„", "»", "‚", "›"):  # „ and » open German quotes
        return False
    prev_para = _paragraph_start(text, max(para - 2, 0))
    return prev.start >= prev_para
