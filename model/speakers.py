"""Speaker mention -> canonical entity, following the labelling guideline.

The canonical name is the fullest name the article itself uses for the entity. Names
are found as runs of capitalised words with leading titles stripped (``U.S. General
Mark Milley`` -> ``Mark Milley``). A short form (``Milley``, ``Masud``) maps to a full
name that ends with it; when several do (Ahmad Masud, Ahmad Shah Masud) the one that
speaks in the article wins, then the one introduced first: news copy introduces its
main subject before relatives or namesakes. Pronouns and descriptions resolve to the
nearest preceding speaking entity; a description with a name bound to it in the text
(``spokesman Bilal Karimi``, ``Noor, the head of ...``) resolves to that name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

PRONOUNS = frozenset("i me we us you he him she her they them it who his its their our my".split())
DETERMINERS = frozenset("the a an its his her their this that these those our my".split())
# Words that precede a name without being part of it. Kept small: ranks, offices and
# honorifics common in wire copy; capitalised adjectives of place are caught separately.
TITLE_WORDS = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady rev rev. fr fr. sen sen. rep rep.
    gov gov. gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. adm adm. cmdr
    president vice prime minister secretary general chairman chairwoman chair chief director
    senator governor mayor judge justice king queen prince princess sheikh commander colonel
    captain sergeant admiral lieutenant major spokesman spokeswoman spokesperson ambassador
    former deputy acting interim foreign defence defense interior finance state head leader
    coach manager ceo cfo founder professor doctor officer inspector detective superintendent
    constable attorney representative councillor councilman councilwoman mp
    prosecutor lawyer counsel barrister solicitor defendant economist analyst teacher
    striker midfielder defender goalkeeper forward player referee skipper official aide
    minister-president premier chancellor bishop archbishop pastor imam rabbi
    """.split()
)
# A capitalised word, an initialism (U.S.), or a title abbreviation (Gen., Dr.); a full
# stop ends a run otherwise, so runs never cross a sentence end. Runs never cross a line.
_NAME_WORD = (
    r"(?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev)\."
    r"|[A-Z]\.(?=[ \t]+[A-Z])|[A-Z][\w\-]*(?:[’'](?!s\b)\w+)*(?:(?<=s)[’'](?=[ \t]+[A-Z]))?)"
)
_NAME_RUN = re.compile(
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:of|the|de|da|del|van|von|bin|ibn|al|el|la|le|e)[ \t]+)*{_NAME_WORD})*"
)
_POSSESSIVE = re.compile(r"[’']s$")


_POSTMODIFIER = re.compile(r"\s+(?:of|for|at|in|from|with|who|that|which|whose|on|to)\b.*$", re.IGNORECASE)


def mention_core(mention: str) -> str:
    """The noun phrase a mention is about: leading sentence adverbs, appositives after a
    comma and post-modifiers (``of ...``, ``who ...``) removed."""
    parts = [p.strip() for p in mention.strip().split(",") if p.strip()]
    while len(parts) > 1 and parts[0].lower() in SENTENCE_ADVERBS:
        parts = parts[1:]
    core = parts[0] if parts else ""
    return _POSTMODIFIER.sub("", core).strip()


def mention_name(mention: str) -> str | None:
    """The name a mention carries, looking through appositives.

    ``Hanak's lawyer, Matej Sokol`` -> ``Matej Sokol``; ``One protester, primary school
    teacher Gwen Rhys`` -> ``Gwen Rhys``; ``a police spokesman`` -> None.
    """
    parts = [p.strip() for p in mention.strip().split(",") if p.strip()]
    while len(parts) > 1 and parts[0].lower() in SENTENCE_ADVERBS:
        parts = parts[1:]
    for part in parts:
        core = _POSTMODIFIER.sub("", part).strip()
        words = core.split()
        if not words:
            continue
        head = _POSSESSIVE.sub("", words[-1]).strip(".,;:()")
        if head[:1].isupper() and head.lower() not in TITLE_WORDS and head.lower() not in PRONOUNS:
            if _DEMONYM_NOUN.fullmatch(core):
                return None  # "the Finn": a description of a person, not a name
            # The whole name run holding the head, post-modifiers included:
            # "the National Resistance Front of Afghanistan".
            head_at = len(core) - 1
            for run in _NAME_RUN.finditer(part):
                if run.start() <= head_at < run.end():
                    return strip_titles(run.group(0))
            return strip_titles(core)
    return None


# "the Finn", "the Spaniard", "the 34-year-old Briton": nationality nouns used as descriptions.
_DEMONYM_NOUN = re.compile(
    r"(?:the|a|an)\s+(?:[\w\-]+\s+)?(?:Finn|Dane|Swede|Pole|Briton|Scot|Turk|Czech|Greek|Spaniard|Frenchman|"
    r"Frenchwoman|Dutchman|Dutchwoman|Swiss|Thai|Kiwi|Aussie|Welshman|Irishman|Englishman|"
    r"[A-Z][a-z]+(?:ian|ean|ese|ard))",
    re.IGNORECASE,
)


def mention_head(mention: str) -> str:
    """The head word of the mention's noun phrase (its last word), possessive dropped."""
    words = mention_core(mention).split()
    return _POSSESSIVE.sub("", words[-1]).strip(".,;:()") if words else ""


def mention_type(mention: str) -> str:
    """name, pronoun or description, judged from the head of the mention's noun phrase.

    ``the Taliban``, ``the Interior Ministry`` and ``Taliban spokesman Bilal Karimi`` are
    names (capitalised head); ``Afghan media outlets`` and ``a leader of the Front`` are
    descriptions (lower-case head).
    """
    words = mention.strip().split()
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower().strip(".,") in PRONOUNS:
        return "pronoun"
    head = mention_head(mention)
    if head.lower() in PRONOUNS and len(mention_core(mention).split()) == 1:
        return "pronoun"
    return "name" if mention_name(mention) else "description"


# Capitalised only because they open a sentence: "Meanwhile, Atta Mohammad Noor, ..."
SENTENCE_ADVERBS = frozenset(
    """meanwhile however earlier later separately also but and still instead yesterday today
    tomorrow now then moreover furthermore additionally finally recently previously
    afterwards nevertheless nonetheless indeed thus therefore so yet in on at after before
    when while as since""".split()
)


# Modifiers of an office ("Vice President", "Interior Minister") are only titles when a
# title follows; alone they start an organisation's name ("Interior Ministry").
TITLE_MODIFIERS = frozenset(
    "former deputy acting interim foreign defence defense interior finance state vice chief head".split()
)


def _is_title(word: str, nxt: str | None = None) -> bool:
    w = word.lower().strip(".")
    if w in TITLE_MODIFIERS:
        # "Former Afghan Vice President": a modifier may stand before a demonym too.
        return nxt is not None and (_is_title(nxt) or nxt.lower().strip(".") in TITLE_MODIFIERS
                                    or _DEMONYM.fullmatch(nxt) is not None)
    return w in TITLE_WORDS


_DEMONYM = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]+(?:an|ese|ish|i|ch)")


def _is_demonym_before_title(words: list[str], i: int) -> bool:
    """``Afghan``/``U.S.`` directly before a title word (``Afghan Vice President``)."""
    if i + 1 >= len(words) or not _is_title(words[i + 1], words[i + 2] if i + 2 < len(words) else None):
        return False
    return _DEMONYM.fullmatch(words[i]) is not None


def strip_titles(name: str) -> str:
    """The name inside a mention: appositive cut, last capitalised run, titles dropped.

    ``Taliban spokesman Bilal Karimi`` -> ``Bilal Karimi``; ``U.S. General Mark Milley``
    -> ``Mark Milley``; ``Ahmad Masud, head of the NRFA`` -> ``Ahmad Masud``.
    """
    parts = [p.strip() for p in name.strip().split(",") if p.strip()]
    while len(parts) > 1 and parts[0].lower() in SENTENCE_ADVERBS:
        parts = parts[1:]
    head = _POSSESSIVE.sub("", parts[0] if parts else "")
    runs = [r for r in _NAME_RUN.finditer(head) if r.group(0).lower() not in SENTENCE_ADVERBS]
    if not runs:
        return head
    words = runs[-1].group(0).split()
    i = 0
    while i < len(words) - 1 and (
        _is_title(words[i], words[i + 1]) or words[i].lower() in DETERMINERS or _is_demonym_before_title(words, i)
    ):
        i += 1
    core = " ".join(words[i:])
    return _POSSESSIVE.sub("", core).rstrip("’'")


@dataclass
class NameMention:
    start: int
    end: int
    name: str  # titles stripped


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines in Title Case (headlines, captions of related stories): not prose, so their
    capitalised runs are not names and nothing binds to them."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line.group(0)) if len(w) > 3]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7:
            out.append(line.span())
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


_ACRONYM = re.compile(rf"({_NAME_RUN.pattern})\s*\(([A-Z][A-Z\-&]{{1,9}})\)")


def find_names(text: str) -> list[NameMention]:
    """Capitalised runs in the prose that look like names (titles stripped)."""
    out = []
    skip = headline_spans(text)
    for m in _NAME_RUN.finditer(text):
        if _inside(m.start(), skip):
            continue
        raw = m.group(0)
        name = strip_titles(raw)
        if not name or name.lower() in PRONOUNS or name.lower() in DETERMINERS:
            continue
        if len(name.split()) == 1 and name.lower() in TITLE_WORDS:
            continue
        out.append(NameMention(m.start() + raw.find(name.split()[0]), m.end(), name))
    return out


def _tokens(name: str) -> list[str]:
    return [w.lower().strip(".,") for w in name.split()]


@dataclass
class SpeakerResolver:
    """Resolves mentions to canonical names within one article."""

    text: str
    source_spans: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.names = find_names(self.text)
        self.headlines = headline_spans(self.text)
        # "the National Resistance Front of Afghanistan (NRFA)": NRFA names that entity.
        self.acronyms = {m.group(2): strip_titles(m.group(1)) for m in _ACRONYM.finditer(self.text)}
        # Names the model tagged as a source somewhere: entities that speak.
        self.speaking: set[str] = set()
        for s, e in self.source_spans:
            if mention_type(self.text[s:e]) == "name":
                self.speaking.add(strip_titles(self.text[s:e]).lower())

    def full_forms(self, short: str, before: int) -> list[NameMention]:
        toks = _tokens(short)
        n = len(toks)
        out = []
        for m in self.names:
            words = m.name.split()
            if len(words) < n or _tokens(m.name)[-n:] != toks:
                continue
            # A fuller form only adds name words: "Ahmad Shah Masud" for "Masud", never
            # "Members of the National Resistance Front" for "National Resistance Front".
            if all(w[:1].isupper() for w in words[: len(words) - n]):
                out.append(m)
        return out

    def canonical_name(self, mention: str, position: int) -> str:
        """The fullest form of a name mention, decided by who speaks and who came first."""
        short = mention_name(mention) or strip_titles(mention)
        if short in self.acronyms:
            return self.acronyms[short]
        forms = self.full_forms(short, position)
        if not forms:
            return short
        by_name: dict[str, NameMention] = {}
        for f in forms:
            by_name.setdefault(f.name, f)  # first occurrence of each form
        earlier = {n: f for n, f in by_name.items() if f.start <= position} or by_name
        # Keep maximal forms only: "Ahmad Masud" and "Ahmad Shah Masud" both end in
        # "Masud" and are different people; "Masud" itself is not a candidate if a
        # longer one exists.
        longest = max(len(n.split()) for n in earlier)
        cands = {n: f for n, f in earlier.items() if len(n.split()) > 1} if longest > 1 else earlier

        def rank(item: tuple[str, NameMention]):
            n, f = item
            speaks = any(s == n.lower() or s.endswith(" " + n.lower()) for s in self.speaking)
            return (not speaks, f.start)

        return min(cands.items(), key=rank)[0]

    def bound_name(self, description: str, position: int) -> str | None:
        """A name the text ties to a description: 'spokesman Bilal Karimi', 'Noor, the head of'.

        ``position`` is where the description starts; the search runs up to its end, so
        an appositive (``Emergency, an Italian aid group``) binds to the name before it.
        """
        head = mention_head(description).lower()
        if not head or head in PRONOUNS:
            return None
        window = self.text[max(0, position - 3000) : position + len(description)]
        hits = []
        # Only the head word ignores case: the name pattern relies on capitals.
        pat_before = re.compile(rf"\b(?i:{re.escape(head)})\s+({_NAME_RUN.pattern})")
        pat_after = re.compile(
            rf"({_NAME_RUN.pattern}),\s+(?:the|a|an|its|their)\s+(?:[\w\-]+\s+){{0,4}}(?i:{re.escape(head)})\b"
        )
        offset = max(0, position - 3000)
        for pat in (pat_before, pat_after):
            for m in pat.finditer(window):
                if not _inside(offset + m.start(), self.headlines):
                    hits.append((m.start(), m.group(1)))
        if not hits:
            return None
        return self.canonical_name(max(hits)[1], position)

    def relative_antecedent(self, position: int) -> str | None:
        """The name a relative pronoun hangs on: 'Ahmad Masud, who said ...'."""
        before = self.text[max(0, position - 200) : position].rstrip(" ,")
        for m in reversed(list(_NAME_RUN.finditer(before))):
            if m.end() == len(before):
                return self.canonical_name(m.group(0), position)
            break
        return None
