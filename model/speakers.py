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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

# Name-specific patterns are built per article; re's own cache (512 entries) thrashes on
# them, and recompiling was a fifth of the post-processing time.
cached_regex = lru_cache(maxsize=4096)(re.compile)

PRONOUNS = frozenset("i me we us you he him she her they them it who his its their our my il elle lui er sie".split())
DETERMINERS = frozenset("the a an its his her their this that these those our my".split())
# Words that precede a name without being part of it. Kept small: ranks, offices and
# honorifics common in wire copy; capitalised adjectives of place are caught separately.
TITLE_WORDS = frozenset(
    """
    m m. mme mlle me herr frau sr. sra.
    mr mr. mrs mrs. ms ms. dr dr. cllr cllr. councillor councilman councilwoman prof prof. sir dame lord lady rev rev. fr fr. sen sen. rep rep.
    gov gov. gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. adm adm. cmdr
    president vice prime minister secretary general chairman chairwoman chair chief director
    senator governor mayor judge justice king queen prince princess sheikh commander colonel
    captain sergeant admiral lieutenant major spokesman spokeswoman spokesperson ambassador
    former deputy acting interim foreign defence defense interior finance state head leader
    coach manager ceo cfo executive founder professor doctor officer inspector detective superintendent
    constable attorney representative councillor councilman councilwoman mp
    prosecutor lawyer counsel barrister solicitor defendant economist analyst teacher
    striker midfielder defender goalkeeper forward player referee skipper official aide
    minister-president premier chancellor bishop archbishop pastor imam rabbi
    student actor actress farmer nurse engineer pilot driver resident shopkeeper pensioner
    writer author singer designer chef owner worker trader researcher scientist
    guard centre center winger fullback pitcher batsman bowler substitute captain teenager
    rancher neighbour neighbor fisherman landlord landlady homeowner widow widower retiree
    volunteer publican midwife paramedic firefighter lifeguard plumber electrician
    commissioner sheriff speaker det insp supt dci monsieur madame mademoiselle maître
    whip senators sens sens. reps reps. representatives pollster host anchor adviser advisor consultant
    congressman congresswoman candidate nominee lawmaker businessman businesswoman commentator
    assemblyman assemblywoman assemblymember delegate reporter correspondent columnist editor recorder treasurer comptroller
    bürgermeister bürgermeisterin oberbürgermeister oberbürgermeisterin ministerpräsident ministerpräsidentin
    kanzler kanzlerin landrat landrätin staatsanwalt staatsanwältin richter richterin präsident präsidentin
    ministerin sprecher sprecherin polizeisprecher polizeisprecherin professorin pfarrer pfarrerin direktor
    direktorin geschäftsführer geschäftsführerin schulleiter schulleiterin doktor
    """.split()
)
# Last words of organisation names: such a run keeps its leading words ("Pellan Coach
# Tours" is not "Coach Tours"), and he/she never refer to it.
ORG_HEADS = frozenset(
    """union league ministry council party front group association federation company bank
    agency authority service court committee department office institute university club
    corporation inc ltd airlines airline police army government commission board foundation
    network news times post courier gazette herald echo chronicle journal tribune telegraph observer argus posten tours systems industries holdings team fc society organisation
    organization alliance coalition movement church hospital school college trust fund
    parliament assembly senate congress taliban coastguard brigade chamber institution
    museum library centre center academy securities capital partners energy media motors foods
    technologies labs laboratories pharmaceuticals airways logistics insurance investments
    associates consulting research data telecom communications solutions enterprises brands
    guild military navy regime administration cabinet presidency embassy consulate secretariat
    tribunal regulator watchdog charity directorate inspectorate mission highways force broadcaster mutual infirmary hospice house
    confederation rovers athletic wanderers ladies albion chemicals ferries railways shipping
    mining minerals petroleum steel electronics semiconductors software aerospace automotive
    engineering properties hotels supermarkets brewery breweries dairies textiles plastics
    utilities conservatory conservatoire lycée gallery theatre theater orchestra choir opera ballet
    festival air metals rail unit lines homes observatory district newspaper
    bakery bakeries café cafe restaurant bistro shop store stores pharmacy salon deli diner tavern
    show podcast programme program""".split()
)
# French, German and Spanish ones: their names often put the head first ('Gemeinde Moosreuth',
# 'Préfecture de la Haute-Sarre') or end a compound with it ('Weinbauverein').
FOREIGN_ORG_HEADS = frozenset(
    """société compagnie entreprise groupe syndicat fédération comité conseil mairie préfecture
    gendarmerie parquet ministère agence caisse banque auberge hôtel boulangerie pharmacie hôpital
    clinique collège école association direction municipalité ingénierie prefecture
    unternehmen firma konzern gewerkschaft polizei feuerwehr ministerium stadtverwaltung gemeinde
    verein verband kammer landgericht amtsgericht staatsanwaltschaft sparkasse klinik krankenhaus
    grundschule schule gmbh ag
    ayuntamiento empresa sindicato juzgado audiencia policía ministerio junta diputación asociación
    restaurante hospital colegio landratsamt landkreis stadt civil fiscalía agencia agrupación delegación
    subdelegación consejería conselleria fundación federación confederación cooperativa""".split()
) - ORG_HEADS - {"direction"}  # not the words English names use too
ORG_HEADS = ORG_HEADS | FOREIGN_ORG_HEADS | {"direction"}
# Capital letters, accented ones too: 'Émilie Durand', 'Łukasz Nowak', 'Øystein Ås'. Latin
# Extended-A interleaves capitals and small letters, so its whole range is taken (the small
# ones, ł, š, ž, seldom open a word in the text this reads).
LATIN1_UPPER = "A-ZÀ-ÖØ-Þ"
UPPER = LATIN1_UPPER + "Ā-ſ"


def capitals(pattern: str, upper: str = UPPER) -> str:
    """A pattern whose 'A-Z' classes also take accented capitals."""
    return pattern.replace("A-Z", upper)


# A capitalised word, an initialism (U.S.), or a title abbreviation (Gen., Dr.); a full
# stop ends a run otherwise, so runs never cross a sentence end. Runs never cross a line.
_NAME_WORD_RAW = (
    r"(?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev)\."
    r"|[A-Z]\.(?=[ \t]+[A-Z])|(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w\-]*(?:[’'](?!s\b)\w+)*"  # "al-Assad"
    r"(?:(?<=s)[’'](?=[ \t]+[A-Z])|[’']s(?=[ \t]+[A-Z]))?)"
)
_NAME_WORD = capitals(_NAME_WORD_RAW)
_NAME_RUN_RAW = (r"{w}(?:(?:[ \t]+(?:(?:of|for|the|de|da|del|der|den|ter|du|des|di|dos|das|van|von|bin|ibn|al|el|la|le|e|y|&)"
                 r"[ \t]+)*|[ \t]+(?:de[ \t]+)?[ld]['’](?=[A-Z]))"  # French elision: "Sdis de l’Orbelle", "Côte d’Ivoire"
                 r"{w})*")
_NAME_RUN = re.compile(_NAME_RUN_RAW.format(w=_NAME_WORD))
# The same with Latin-1 capitals only, for the patterns built per description or per age:
# a class reaching past Latin-1 makes each of them several times slower to compile.
_BOUND_NAME_RUN = re.compile(_NAME_RUN_RAW.format(w=capitals(_NAME_WORD_RAW, LATIN1_UPPER)))
# "Harbour and Transport Workers' Union": an organisation name may hold "and".
_ORG_AND = re.compile(rf"({_NAME_RUN.pattern})[ \t]+(?:and|&)[ \t]+$")


# Adjectives of nationality, which open a headline or sentence before a noun ('American
# admiral rattles Beijing'); a suffix alone cannot tell them from surnames ('Kerrigan').
NATIONALITIES = frozenset("""American British French German Chinese Russian Japanese Italian Spanish Mexican
    Canadian Iranian Israeli Iraqi Syrian Afghan Pakistani Indian Korean Turkish European African Asian Arab Jewish
    Palestinian Saudi Egyptian Ukrainian Polish Dutch Swedish Cuban Brazilian Australian Irish Scottish Welsh
    English Greek Libyan Yemeni Venezuelan Colombian Nigerian Kenyan Somali Lebanese Jordanian Kurdish Taiwanese
    Vietnamese Filipino Indonesian Latino Hispanic Belgian Austrian Swiss Norwegian Danish Finnish Portuguese
    Argentine Chilean Peruvian Haitian Qatari Emirati Tunisian Moroccan Algerian Sudanese Ethiopian""".split())
_ACRONYM_JOINERS = frozenset("of for and in on the und et de du des la y".split())


def _spelled_out(text: str, paren: int, acronym: str) -> str | None:
    """The name an acronym in brackets spells out when its run holds 'and' or 'in', which
    end a name run elsewhere: 'Citizens for Responsibility and Ethics in Washington (CREW)',
    'Industriegewerkschaft Metall und Elektro (IGME)'. None unless it takes in an 'and'."""
    words = text[max(0, paren - 150) : paren].split()
    best = None
    for k in range(2, min(len(words), 12) + 1):
        first = words[-k]
        if not first[:1].isupper():
            if first.lower() in _ACRONYM_JOINERS:
                continue
            break
        if re.search(r"[.,;:!?]", " ".join(words[-k:-1])):
            break
        name = " ".join(words[-k:])
        if _initials_fit(name, acronym):
            best = name
    return best if best and re.search(r" (?:and|und|et|y|&) ", best) else None


def _initials_fit(name: str, acronym: str) -> bool:
    """Whether a name's capitalised words could give ``acronym``: first and last letters
    agree and the rest come in order ('Industriegewerkschaft Metall und Elektro' for IGME)."""
    caps = [w[0] for w in name.split() if w[:1].isupper()]
    letters = [c for c in acronym if c.isalpha()]
    if len(caps) < 2 or not letters or caps[0] != letters[0] or caps[-1] != letters[-1]:
        return False
    it = iter(letters)
    return all(c in it for c in caps)


def and_lead(text: str, start: int) -> tuple[str, int] | None:
    """The words before an organisation name's 'and's, and where they start: 'Rail and'
    before "Signal Workers' Union", 'Brassington and Wendle Fire and' before 'Rescue
    Service'. The name run stops at every 'and', so the lead is read back from ``start``."""
    lead, at = None, start
    for _ in range(3):
        m = _ORG_AND.search(text, max(0, at - 80), at)
        if not m:
            break
        lead = f"{strip_titles(m.group(1))} and {lead}" if lead else strip_titles(m.group(1))
        at = m.start(1)
    return (lead, at) if lead else None


# German organisation words end compounds: 'Kultusministerium', 'Landwirtschaftskammer'.
_GERMAN_ORG_ENDINGS = ("ministerium", "gewerkschaft", "kammer", "verwaltung", "gericht", "polizei", "feuerwehr",
                       "verband", "verein", "amt", "werke", "schule", "klinik", "kasse", "partei", "fraktion", "behörde")


def org_word(word: str) -> bool:
    """An organisation head ('ministry', 'Société'), or a German compound ending in one."""
    w = word.lower().strip("’'")
    if len(w) > 6 and w.endswith("s") and w[:-1].endswith(_GERMAN_ORG_ENDINGS + ("klinikum",)):
        w = w[:-1]  # a German genitive: 'des Landratsamts', 'des Vereins'
    return w in ORG_HEADS or (len(w) > 8 and w.endswith(_GERMAN_ORG_ENDINGS))


@lru_cache(maxsize=32768)
def is_org(name: str) -> bool:
    """An organisation's name: one of its capitalised words is an organisation head
    ('National Resistance Front of Afghanistan', 'Pellan Coach Tours')."""
    return any(w[:1].isupper() and org_word(w) for w in name.split())
_POSSESSIVE = re.compile(r"[’']s$")


# "a diplomat close to the talks", "a source familiar with the matter": modifiers too
_POSTMODIFIER = re.compile(r"\s+(?:of|for|at|in|from|with|who|that|which|whose|on|to|close|familiar|briefed|involved)\b.*$",
                           re.IGNORECASE)


# A French, German or Spanish phrase opened by its article ("Le Sdis de l’Orbelle", "la
# préfecture de la Haute-Sarre", "ein Sprecher des Ministeriums") is about what precedes
# its "de"/"des"/"von": that is its head, as "of" ends an English one (also once its
# article reads "the": "the préfecture de la Haute-Sarre"). Names without an
# article ("Ana de la Torre", "Castillo de Almazor") keep their particle.
_FOREIGN_POSTMODIFIER = re.compile(r"(?i:^(?:le|la|les|l['’]|el|los|las|un|une|una|der|die|das|den|dem|ein|eine|einen|einem|the)\s*\S.*?)"
                                   r"(\s+(?:de|du|des|del|von|vom|der)\b.*)$")


def _without_foreign_postmodifier(core: str) -> str:
    foreign = _FOREIGN_POSTMODIFIER.match(core)
    return core[: foreign.start(1)] if foreign else core


# Commas set an appositive off, and so does US copy's spaced double hyphen ("Republican
# pollster Whit Ayres -- author of 2016 and Beyond, which ... --"). A spaced em dash is left
# alone: invented and British copy sets asides inside a clause with it ("skippers the
# trawler Morning Star — “the Old Lady”, as she is known — said").
_APPOSITIVE_SPLIT = re.compile(r",|[ \t]+--[ \t]+")


def appositive_parts(mention: str) -> list[str]:
    """The mention's comma- or double-hyphen-separated parts, stripped, empty ones dropped."""
    return [p.strip() for p in _APPOSITIVE_SPLIT.split(mention.strip()) if p.strip()]


@lru_cache(maxsize=32768)
def mention_core(mention: str) -> str:
    """The noun phrase a mention is about: leading sentence adverbs, appositives after a
    comma and post-modifiers (``of ...``, ``who ...``) removed."""
    parts = appositive_parts(mention)
    while len(parts) > 1 and parts[0].lower() in SENTENCE_ADVERBS:
        parts = parts[1:]
    core = _without_foreign_postmodifier(_POSTMODIFIER.sub("", parts[0] if parts else "").strip())
    words = core.split()
    for i in range(2, len(words) - 1):
        # "a man clearing branches", "a woman standing next to her": a participle after
        # "a <noun>" starts a modifier; "the UK's leading expert", "the planning officer" no.
        # Nor a compound ("the club’s longest-serving player") or one after a possessor.
        if words[i].endswith("ing") and words[i].islower() and words[i] not in _PRENOMINAL_ING and "-" not in words[i] \
                and words[i - 2].lower() in ("a", "an", "the", "one", "another") and words[i - 1].islower() \
                and not _POSSESSIVE.search(words[i - 1]):
            return " ".join(words[:i])
    return core


_PRENOMINAL_ING = frozenset("""acting leading ruling governing managing founding outgoing opposing
    visiting rising remaining working fighting striking sitting serving polling presiding
    reigning longstanding long-standing upcoming incoming winning losing caretaking ageing aging
    planning housing marketing engineering nursing training banking building mining shipping teaching
    funding parking policing lending trading farming fishing manufacturing broadcasting publishing
    advertising licensing recycling catering cleaning""".split())
_RELATIVE = re.compile(r"\s+(?:who|that|which|whose|whom)\b.*$", re.IGNORECASE)


@lru_cache(maxsize=32768)
def description_speaker(mention: str) -> str:
    """How an unnamed speaker is reported: the description up to an appositive or a
    relative clause, prepositional modifiers kept.

    'researchers at the University of Holmstad' and 'two people familiar with the
    matter' say who spoke; 'A passenger, who asked not to be named' is 'A passenger'.
    """
    parts = appositive_parts(mention)
    while len(parts) > 1 and (parts[0].lower() in SENTENCE_ADVERBS or _FRONTED_ADVERBIAL.fullmatch(parts[0])):
        parts = parts[1:]  # "Two houses down, a neighbor, an elderly woman who ..."
    first = _FOCUSED_DESCRIPTION.sub("", parts[0] if parts else "")  # "even a top GOP strategist"
    return _RELATIVE.sub("", first).strip() or mention_core(mention)


# "Even Lindsey Graham", "even a top GOP strategist": they single out who spoke, and are no
# part of the name or description.
_FOCUSING_ADVERBS = frozenset("even only just".split())
_FOCUSED_DESCRIPTION = re.compile(rf"^(?i:{'|'.join(sorted(_FOCUSING_ADVERBS))}|also)\s+"
                                  r"(?=(?i:a|an|the|one|some|two|three|several|many)\b)")
# A phrase fronted before the subject: no determiner of its own, never a person.
_FRONTED_ADVERBIAL = re.compile(r"(?i:two|three|four|five|a\s+few|several)\s+(?:houses|doors|streets|miles|blocks|metres|meters|yards)\s+"
                                r"(?:down|away|along|up|further\s+on)")


# A fronted phrase before the speaker: "In Hallstad, ...", "Of Carson, Levine ... said".
_FRONTED_PHRASE = re.compile(capitals(r"(?i:in|at|from|on|outside|inside|of|about|as for)\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*"))


@lru_cache(maxsize=32768)
def mention_name(mention: str) -> str | None:
    """The name a mention carries, looking through appositives.

    ``Hanak's lawyer, Matej Sokol`` -> ``Matej Sokol``; ``One protester, primary school
    teacher Gwen Rhys`` -> ``Gwen Rhys``; ``a police spokesman`` -> None.
    """
    given = _GAVE_NAME_AS.search(mention)
    if given:  # "a woman who gave her name only as Ilse"
        return given.group(1)
    mention = _ACRONYM_AFTER.sub("", mention)  # "The National Union of Mine and Allied Workers (NUMAW"
    mention = _PARTY_STATE.sub("", mention)  # "Rep. Jason Chaffetz (R-Utah"
    parts = appositive_parts(mention)
    while len(parts) > 1 and (parts[0].lower() in SENTENCE_ADVERBS or _FRONTED_PHRASE.fullmatch(parts[0])):
        parts = parts[1:]  # "Meanwhile, ...", "In Hallstad, ...", "Of Carson, ...": not the speaker
    if len(parts) > 2 and parts[0][:1].isupper() and _POSSESSIVE.search(parts[1].split()[0]) and parts[1].split()[-1].islower():
        parts = parts[1:]  # "[outside the] Royal Courts of Justice, Adeyemi’s solicitor, Priya Kaur": the solicitor
    for part in parts:
        if _RELATIVE.match(" " + part):
            # "The UN envoy, who has led mediation efforts since September"; what follows
            # is the clause's too ("..., who has shuttled between the capital, Tollin, and"),
            # unless it gives the name ("Another mother, who gave only her first name, Sadia").
            if _GAVE_NAME.search(part):
                continue
            break
        office = _OFFICE_OF.match(part)
        if office and _is_title(office.group(1)):
            person = strip_titles(part)  # "Secretary of State Antony Blinken"
            if len(person.split()) >= 2 and person[:1].isupper() and part.rstrip().endswith(person) and not is_org(person):
                return person
        core = _without_foreign_postmodifier(_POSTMODIFIER.sub("", _LOWER_OFFICE.sub(r"\1", part)).strip())
        words = core.split()
        if not words:
            continue
        head = _POSSESSIVE.sub("", words[-1]).strip(".,;:()")
        if head[:1].isupper() and (head.lower() not in TITLE_WORDS or _titled_surname(words)) and head.lower() not in PRONOUNS \
                and head.lower() not in _CALENDAR:
            if _DEMONYM_NOUN.fullmatch(core):
                return None  # "the Finn": a description of a person, not a name
            # The whole name run holding the head, post-modifiers included:
            # "the National Resistance Front of Afghanistan".
            head_at = len(core) - 1
            found = strip_titles(core)
            for run in _NAME_RUN.finditer(part):
                if run.start() <= head_at < run.end():
                    found = strip_titles(part[: run.end()])
                    k = of_and_tail(part, run.end())
                    if k and k.end() == len(part.rstrip()):
                        found = strip_titles(part)  # "the Ministry of Wildlife and Tourism"
                    break
            if is_org(found) or len(found.split()) == 1:
                # "the Speaker of the Assembly, Ivo Lindahl": an office, then its holder;
                # "Hallstad, Vrenland's foreign ministry spokeswoman, Marit Sorvel": a place.
                for later in parts[parts.index(part) + 1 :]:
                    person = strip_titles(later)
                    if _PERSON.fullmatch(later.strip()) and not is_org(person):
                        return person
            return found
    return None


def _titled_surname(words: list[str]) -> bool:
    """Whether a last word that is also a title ('King', 'Bishop', 'Major') is a surname
    here: after a given name ('Larry King') or an honorific ('Mr. King')."""
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].endswith("."):
        return False  # an abbreviation is no surname: "South Carolina Rep." is not "Larry King"
    before = words[-2].strip(".").lower()
    if re.fullmatch(r"[A-Z]\.", words[-2]) and len(words) > 2:
        return True  # "Peter T. King": a middle initial
    return before in ("mr", "mrs", "ms", "miss", "dr") or before in _given_names()


# An office written in lower case, whose "of" is no post-modifier: "former secretary of
# state Hillary Clinton" is Hillary Clinton.
_LOWER_OFFICE = re.compile(r"\b(secretary|minister)\s+of\s+(?:state|defen[cs]e|homeland\s+security|labor|labour|energy|"
                           r"education|agriculture|commerce|transportation|(?:the\s+)?treasury|health|housing|"
                           r"veterans\s+affairs|(?:the\s+)?interior)\b(?=\s+[A-Z])")
_GAVE_NAME = re.compile(r"\bname(?:\s+as)?$")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")  # "D.C.", "U.S.": never the last word of a person's name
_ACRONYM_AFTER = re.compile(r"(?<=\w)\s*\([A-Z][A-Z\-&]{1,9}\)?\s*$")
_GAVE_NAME_AS = re.compile(capitals(r"\b(?:gave|giving|gives)\s+(?:only\s+)?(?:her|his|their)\s+(?:first\s+)?name\s+(?:only\s+)?as\s+"
                                    r"([A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+)?)"))
_OFFICE_OF = re.compile(capitals(r"(?:the\s+)?(?:[A-Z][\w.]*\s+){0,2}?([A-Z][\w.]*)\s+(?:of|for)\s+[A-Z]"))
_PERSON = re.compile(capitals(r"(?:[A-Z][\w’'\-.]*[ \t]+){1,3}[A-Z][\w’'\-]+"))


# "the Finn", "the Spaniard", "the 34-year-old Briton": nationality nouns used as descriptions.
_DEMONYM_NOUN = re.compile(
    r"(?:one|another|the|a|an)\s+(?:[A-Z][\w\-]*\s+){0,2}(?:Republican|Democrat)|"  # "a New Hampshire Republican"
    r"(?:the|a|an)\s+(?:[\w\-]+\s+)?(?:Finn|Dane|Swede|Pole|Briton|Scot|Turk|Czech|Greek|Spaniard|Frenchman|"
    r"Frenchwoman|Dutchman|Dutchwoman|Swiss|Thai|Kiwi|Aussie|Welshman|Irishman|Englishman|"
    r"Republican|Democrat|Conservative|Tory|Socialist|Liberal|Green|"
    r"[A-Z][a-z]+(?:ian|ean|ese|ard|yan|can|ran|ean|ani|eli|aqi|adi|ali))",
    re.IGNORECASE,
)


@lru_cache(maxsize=32768)
def mention_head(mention: str) -> str:
    """The head word of the mention's noun phrase (its last word), possessive dropped."""
    words = mention_core(mention).split()
    return _POSSESSIVE.sub("", words[-1]).strip(".,;:()") if words else ""


@lru_cache(maxsize=32768)
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
    if w == "chief" and nxt is not None and (nxt.lower() in _given_names() or nxt[:1].isupper() and nxt.isalpha()
                                              and nxt.lower() not in TITLE_WORDS and nxt.lower() not in TITLE_MODIFIERS
                                              and not org_word(nxt)):
        return True  # "Chief Ray Tolland", "Police Chief Dana Whitfield": a fire or police chief
    if w in TITLE_MODIFIERS:
        # "Former Afghan Vice President": a modifier may stand before a demonym too.
        return nxt is not None and (_is_title(nxt) or nxt.lower().strip(".") in TITLE_MODIFIERS
                                    or _DEMONYM.fullmatch(nxt) is not None)
    if w in _PARTY_WORDS:
        return nxt is not None and nxt.lower() in _given_names()  # "Democrat Hillary Clinton"; not "Republican Party"
    if w.startswith("co-") and w[3:] in TITLE_WORDS:
        return True  # "Co-author Tom Baker", "co-founder"
    # Occupations ("Agronomist Eszter Lakatos", "Economist Ana Ruiz") stand before a
    # name like a title; first names do not end this way.
    return w in TITLE_WORDS or (len(w) > 5 and w.endswith(("ist", "yst")) and nxt is not None and w not in _CREEDS)


# A role someone held before: "the governor" now is not "the former governor".
_FORMER = re.compile(r"\b(?:[Ff]ormer|[Ee]x-|[Ll]ate(?=\s)|[Oo]netime|[Oo]ne-time|[Ee]rstwhile)")  # not "late-night host"
_FORMER_BEFORE = re.compile(r"\b(?:[Ff]ormer|[Ee]x-)[ \t]*(?:[A-Z][\w.\-]*[ \t]+){0,3}$")


def party_of(word: str) -> str | None:
    """Which US party a word names ('Democratic', 'GOP'), if any."""
    w = word.lower()
    return "d" if w in ("democrat", "democrats", "democratic") else "r" if w in ("republican", "republicans", "gop") else None


# A party label before a name, as US copy writes it: "Democrat Hillary Clinton".
_PARTY_WORDS = frozenset("democrat democrats democratic republican republicans gop libertarian independent".split())

# "-ist" words that name a creed, not a trade: "Dunmore Methodist Circuit", "Socialist Alliance"
_CREEDS = frozenset("""methodist baptist adventist pentecostal evangelist socialist communist nationalist unionist
    loyalist republicanist zionist marxist islamist royalist federalist populist separatist""".split())


_DEMONYM = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]+(?:an|ese|ish|i|ch)")


def _is_demonym_before_title(words: list[str], i: int) -> bool:
    """``Afghan``/``U.S.`` directly before a title word (``Afghan Vice President``)."""
    if i + 1 >= len(words) or not _is_title(words[i + 1], words[i + 2] if i + 2 < len(words) else None):
        return False
    return _DEMONYM.fullmatch(words[i]) is not None


# A capitalised foreign article before a name that runs on with "de", "del", "von": the
# sentence's first word, no part of the name ("Los del Pinar" keeps its own).
_ARTICLE_BEFORE_OF_NAME = re.compile(capitals(r"(?:La|Le|Les|El|Los|Las|Die|Der|Das)\s+([A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)*"
                                              r"[ \t]+(?:de|del|du|des|von|vom)[ \t]+\S.*)"))


@lru_cache(maxsize=32768)
def strip_titles(name: str) -> str:
    """The name inside a mention: appositive cut, last capitalised run, titles dropped.

    ``Taliban spokesman Bilal Karimi`` -> ``Bilal Karimi``; ``U.S. General Mark Milley``
    -> ``Mark Milley``; ``Ahmad Masud, head of the NRFA`` -> ``Ahmad Masud``.
    """
    if _LINKED_ORG.fullmatch(name.strip()):
        return name.strip()  # "Société des transports de Vallombre"
    article = re.fullmatch(r"(?:La|Le|Les|L['’]|Die|Der|Das|El|Los|Las)\s*([A-Z]{2,6})", name.strip())
    if article:
        return article.group(1)  # "la STV", "die IGME": the acronym
    article = _ARTICLE_BEFORE_OF_NAME.fullmatch(name.strip())
    if article:
        name = article.group(1)  # "Le Sdis de l’Orbelle", "El Ministerio de Sanidad": the article opens the sentence
    parts = appositive_parts(name)
    while len(parts) > 1 and parts[0].lower() in SENTENCE_ADVERBS:
        parts = parts[1:]
    head = _POSSESSIVE.sub("", parts[0] if parts else "")
    runs = [r for r in _NAME_RUN.finditer(head) if r.group(0).lower() not in SENTENCE_ADVERBS]
    if not runs:
        return head
    run = runs[-1]
    if len(runs) >= 2 and " of " in runs[-2].group(0) and is_org(runs[-2].group(0)) \
            and (k := of_and_tail(head, runs[-2].end())) and k.span(1) == runs[-1].span():
        inner = strip_titles(runs[-2].group(0))
        if is_org(inner):
            return inner + " and " + runs[-1].group(0)  # "Ministry of Wildlife and Tourism"
        # "Serena Kelleher-Vergantini of Washington's Institute for Science and International
        # Security": a person, then where they work
        run = runs[-2]
    words = run.group(0).split()
    lead_cut = _leading_cut(words)
    words = words[lead_cut:]  # "On Kettleholm", "When Amrullah Saleh", "In March the ... Trust"
    while len(words) > 2 and words[-1].lower().strip(".") in NAME_SUFFIXES:
        words = words[:-1]  # "Simon Achterberg KC", "Jane Hollis MP": letters after the name
    generation = words.pop() if _generation(" ".join(words)) else None
    for j in range(len(words) - 2, 0, -1):
        rest = words[j + 1 :]
        if _is_title(words[j], rest[0]) and rest[0][:1].isupper() and not _INITIAL.fullmatch(words[j]) \
                and is_org(" ".join(words[: j + 1])) \
                and not is_org(" ".join(rest)) \
                and not any(_is_title(w) and not _INITIAL.fullmatch(w) for w in rest):
            words = rest  # "Senate Majority Leader Paul Brennan", "Bank of England Governor Andrew Bailey"
            break
    left, sep, right = " ".join(words).partition(" of ")
    titled = bool(words) and _is_title(words[0], words[1] if len(words) > 1 else None)
    owned = possessor_split(" ".join(words))
    if owned:
        words = owned[1].split()  # "the Civic Alliance’s Geoffrey Tallis"
    elif sep and not is_org(left) and len(left.split()) >= 2 and (is_org(right) or titled or right.startswith("the ")):
        # "Eszter Lakatos of the Tokaly Research Institute", "Sen. Tomas Brevik of
        # Halmaria", "Ray Tolland of the Pell County Fire Protection District": a person,
        # then where they are from.
        words = left.split()
    elif is_org(" ".join(words)):
        m = and_lead(head, run.start()) if not lead_cut else None
        lead = m[0].split() + ["and"] if m else []
        while words and words[0].lower() in DETERMINERS:
            words = words[1:]
        return " ".join(lead + words)
    i = 0
    while i < len(words) - 1 and (
        _is_title(words[i], words[i + 1]) or words[i].lower() in DETERMINERS or _is_demonym_before_title(words, i)
    ):
        i += 1
    if 0 < i < len(words) - 2 and words[i] in ("of", "for"):
        # "Secretary of State Antony Blinken", "Minister for Europe Anna Lind": the office's
        # object runs up to the person's given name (or their last two words).
        i += 2
        while i < len(words) - 2 and words[i].lower() not in _given_names():
            i += 1
    words = words[i:]
    # A title inside the run ends what came before it: "Harlan Chief Executive Dominic
    # Reyes" is Dominic Reyes; "General Motors" never gets here (an organisation).
    for j in range(len(words) - 2, 0, -1):
        if _is_title(words[j], words[j + 1]) and not _INITIAL.fullmatch(words[j]) \
                and not _is_title(words[j + 1], words[j + 2] if j + 2 < len(words) else None) \
                and not _titled_surname(words[: j + 1]):  # "Larry King Now" is Larry King's show
            words = words[j + 1 :]
            break
    core = _POSSESSIVE.sub("", " ".join(words)).rstrip("’'")
    return f"{core} {generation}" if generation and core else core  # "Martin Luther King Jr.", not "Jr."


# Words that open a sentence, capitalised only for that: never the start of a name.
_LEADING_WORDS = frozenset(
    """what who whom whose which where why how whether if unless although though because once until
    till during for from with by under without like unlike despite among amid amidst inside outside
    near through across between into onto over upon via within beyond toward towards throughout
    following including against about many some several most all both few each any no another
    such more of neither either selon laut según
    asked pressed questioned challenged interviewed contacted reached speaking writing""".split()
) | SENTENCE_ADVERBS | _FOCUSING_ADVERBS
_HONORIFIC = re.compile(capitals(r"(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+[A-Z]"))
# "the Milan-based Raffaele Conti", "London-born": where someone is from, not their name.
_PLACE_ADJECTIVE = re.compile(r"[A-Z][\w’']*-(?:based|born|bred|raised|educated|trained|registered|listed|owned|led|backed)")
_DESCRIPTIVE_COMPOUND = re.compile(r"[A-Z][\w’'.]*-[a-z][\w’'\-]*")
# Letters after a name, not part of it.
NAME_SUFFIXES = frozenset("kc qc mp mep msp phd obe mbe cbe".split())
# A generation is part of the name: "Donald Trump Jr." is not his father, "Donald Trump".
GENERATIONS = frozenset("jr sr ii iii".split())


# Inside a run, "M." is a middle initial ("Harry M. Reid"), not the French "M." of "M. Dupont".
_INITIAL = re.compile(r"[A-Z]\.?")


def _generation(name: str) -> str | None:
    """'jr' for 'Joseph R. Biden Jr.' (and 'Biden Jr'), None for a name without one."""
    words = name.split()
    last = words[-1].lower().strip(".,") if len(words) > 1 else ""
    return last if last in GENERATIONS else None


def _opener(word: str) -> bool:
    """A word that only opens a sentence ('Instead', 'More', 'Of'): never a name alone."""
    return word.lower() in SENTENCE_ADVERBS or word.lower() in _LEADING_WORDS


def _leading_cut(words: list[str]) -> int:
    """How many leading words of a capitalised run only open the sentence: 'When', and
    after a preposition the date and determiner too ('In March the Northern Trust')."""
    k = 0
    while k < len(words) - 1 and (words[k].lower() in _LEADING_WORDS or _PLACE_ADJECTIVE.fullmatch(words[k])):
        k += 1
    # "Liberal Oscar-winner Sarandon", "Emmy-winning Julia Louis-Dreyfus": a compound
    # whose second part is lower case describes the person, and so do the words before it.
    k = max([k] + [j + 1 for j, w in enumerate(words[:-1]) if _DESCRIPTIVE_COMPOUND.fullmatch(w)])
    if k:
        while k < len(words) - 1 and (words[k].lower() in _CALENDAR or words[k].lower().rstrip("s") in _CALENDAR
                                      or words[k].lower() in DETERMINERS):
            k += 1
    return k


@dataclass
class NameMention:
    start: int
    end: int
    name: str  # titles stripped


_LOWER_REPORTING = re.compile(r"\b(?:said|says|told|added|wrote|asked)\b")


def headline_spans(text: str, sentence_case: bool = False) -> list[tuple[int, int]]:
    """Lines in Title Case (headlines, captions of related stories): not prose, so their
    capitalised runs are not names and nothing binds to them. ``sentence_case`` adds an
    article's first line when it reads as a headline ('Teenager Reddy rescues Harlow
    Vale'): its names are real, but its capitals do not make fuller names."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        # A first line may end on a full stop and still be a headline ("Railing Against
        # Trump, Sanders Vows To Eliminate Tax Breaks."), when a blank line follows it.
        one = line.group(0).rstrip()
        titled = line.start() == 0 and text[line.end() : line.end() + 2] == "\n\n" and one.endswith(".") \
            and ". " not in one and not _LOWER_REPORTING.search(one)  # one sentence: "Sunniva Hovland won. Mirela Dragan lost." no
        if _headline_prose(line.group(0)) and not titled:
            continue  # "Sentencing, Judge Philippa Ackerly said:" is prose, however capitalised
        words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line.group(0)) if len(w) > 3]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7:
            out.append(line.span())
    return _first_line_headline(text, out) + out if sentence_case else out


def _headline_prose(line: str) -> bool:
    return line.rstrip().endswith((":", ".")) or bool(_LOWER_REPORTING.search(line))


def _first_line_headline(text: str, title_case: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The article's first line as a sentence-case headline, when ``title_case`` (the
    Title Case lines) does not already hold it: short, unpunctuated, a blank line after."""
    end = text.find("\n")
    line = text[:end] if end > 0 else ""
    if not line or (title_case and title_case[0][0] == 0) or _headline_prose(line):
        return []
    if text[end : end + 2] != "\n\n" or len(line.split()) > 20 or re.search(r"[.?!,]\W*$", line) \
            or line.lstrip()[:1] in OPEN_MARKS:
        return []  # a headline may end on its quote ('... who vows “no revenge”'), not on a sentence
    return [(0, end)]


# "HOLMSTAD, March 5 (Wire) — ", "TOLLGARTH — ": a paragraph's opening place line.
DATELINE = re.compile(r"[A-Z][A-Z .'’\-]{2,}(?:,[^\n—–]{0,40}?)?\s*(?:\([^)\n]{1,20}\)\s*)?[—–-]+\s+")


_DATELINE_COUNTRY = re.compile(r"[^,\n]*,\s*([A-Z][\w’'.]*(?: [A-Z][\w’'.]*){0,2})\s*[,(—–-]")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Datelines ('CARROW RIDGE — '): a place in capitals, never a person a pronoun
    could mean."""
    out = []
    for para in re.finditer(r"(?:^|\n)(?=[A-Z])", text):
        m = DATELINE.match(text, para.end())
        if m:
            out.append(m.span())
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


# "... of Wildlife| and Tourism": the second half of an organisation's "of" phrase.
_OF_AND = re.compile(capitals(r"[ \t]+(?:and|&)[ \t]+((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)\b(?![ \t]+[A-Z])"))


def of_and_tail(text: str, end: int) -> re.Match | None:
    """' and Rural Affairs' after 'Ministry of Agriculture': the rest of the name, unless
    it is a person ('the Ministry of Defence and Mark Hale')."""
    k = _OF_AND.match(text, end)
    if not k or k.group(1).split()[0].lower() in _given_names():
        return None
    words = k.group(1).split()
    # Several words end in a field's noun ('Rural Affairs', 'Regional Development'), not a
    # surname ('the Ministry of Health and Oxfam Smith').
    return k if len(words) == 1 or _FIELD_NOUN.search(words[-1]) else None


_FIELD_NOUN = re.compile(r"(?:affairs|works|resources|services|health|ment|ion|ity|ure|ism|ance|ence|ing|ics|try|sport|trade|change|"
                         r"workers|employees|staff|traders|farmers|growers|producers|makers|industries|trades|professions|"
                         r"sciences|arts)$",
                         re.IGNORECASE)
# French and Spanish organisation names run on in small letters after their head: "Société
# des transports de Vallombre (STV)", "Syndicat autonome des conducteurs".
_LINKED_ORG = re.compile(capitals(
    r"\b(?:Société|Syndicat|Association|Fédération|Caisse|Agence|Compagnie|Chambre|Institut|Office|Banque|"
    r"Confédération|Mutuelle|Régie|Centre|Comité|Conseil|Direction|Sindicato|Asociación|Federación|"
    r"Compañía|Agencia|Cámara|Instituto|Confederación|Servicio|Consejo)"
    r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|del|de|des|du|d['’]|et|y|[a-zà-ÿ][\w\-]*)){1,6}?"
    r"(?:[ \t]*(?<=[ \t'’])[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)*|(?=[ \t]*\([A-Z]{2,}\)))"))
_ACRONYM = re.compile(rf"((?:{_LINKED_ORG.pattern})|{_NAME_RUN.pattern})\s*\(([A-Z][A-Z\-&]{{1,9}})\)")


# "Donald ‘Dodie’ MacAskill": a nickname in marks between a given name and a surname.
_NICKNAMED = re.compile(capitals(r"\b([A-Z][\w\-]+)[ \t]+[‘“'\"][A-Z][\w\- ]{0,20}[’”'\"][ \t]+([A-Z][\w’'\-]+)"))


_FOREIGN_WORDS = frozenset("""le la les des et du der die und das el los y que une est selon été aucun avec dans pour sont
    mais très cette leur nicht ist sind mit auf wurde haben noch sagte dijo según pero también muy""".split())


def mostly_foreign(text: str) -> bool:
    """French, German or Spanish copy (the test the labelled set's `non_english` tag uses):
    only there do the rules look for speech verbs the tagger does not know, and read the
    capitalised function words that open their sentences as no names."""
    words = text.lower().split()
    return sum(w in _FOREIGN_WORDS for w in words) >= max(4, len(words) // 20)


# Sentence openers of French, German and Spanish copy ("Presque", "Dans", "Mais", "Für").
FOREIGN_FUNCTION_WORDS = frozenset("""
    le la les l un une des du de ce cet cette ces on nous je tu vous ils elles il elle pas mais et ou donc
    car ni dans pour par sur sous avec sans chez selon après avant depuis pendant quand si comme presque
    toujours jamais aussi encore déjà deux trois quatre cinq à au aux en personne rien tout tous toute
    toutes puis alors ainsi enfin lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui
    der die das den dem des ein eine einer wir ich du ihr sie es er aber doch und oder denn auch dann
    noch schon nur nicht kein keine im am zum zur vom beim mit bei nach von zu aus für über unter vor
    seit wie als wenn dass ob montag dienstag mittwoch donnerstag freitag samstag sonntag heute gestern
    el los las una unos unas yo nosotros pero también ya según en con para por sin sobre desde hasta
    cuando como lunes martes miércoles jueves viernes sábado domingo ayer hoy
    moi toi lui eux ça cela ici oui non jährige jährigen uhr euro prozent
    entre mientras tras ante bajo contra durante mediante aunque porque luego después antes además
    enfrente allí aquí así también tampoco zugleich außerdem dennoch trotzdem inzwischen
    interrogé interrogée interrogés contacté contactée joint jointe appelé appelée preguntado preguntada
    januar februar märz april juni juli august september oktober november dezember janvier février mars
    avril juin juillet août septembre octobre novembre décembre enero febrero marzo abril mayo junio julio
    agosto septiembre octubre noviembre diciembre""".split())


_GERMAN_ARTICLE = re.compile(r"\b(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|im|am|vom|zum|zur|beim|ins|"
                             r"kein|keine|jeder|jede|jedes|diese|dieser|dieses|seine|seinen|seiner|ihre|ihren|ihrer)"
                             r"\s+(?:[a-zäöüß\-]+\s+){0,2}([A-ZÄÖÜ][a-zäöüß]+)\b")
_GERMAN_NOUN_ENDING = re.compile(r"(?:ung|heit|keit|schaft|tion|ität|nis|tum)$")
_GERMAN_LINK = re.compile(r"(?<!von)(?<!van)(?<! zu) (?:der|den|dem|des|die|das) (?=[A-ZÄÖÜ])| (?:von den|vom|von) (?=[A-ZÄÖÜ][a-zäöü]+(?:$|[^\w]))")


def _german_nouns(text: str) -> frozenset[str]:
    """Capitalised words German copy also writes after an article ('der Zeuge', 'im
    Prozess'): nouns, which German capitalises like names. Empty for other languages."""
    words = text.lower().split()
    if sum(w in ("der", "die", "das", "und", "nicht") for w in words) <= sum(w in ("le", "la", "les", "et", "el", "y") for w in words):
        return frozenset()
    return frozenset(m.group(1) for m in _GERMAN_ARTICLE.finditer(text))


class _Run:
    """A piece of a capitalised run, shaped like the re.Match find_names reads."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start : self._end]


def _runs(text: str, function_words: frozenset[str], german: bool) -> Iterable:
    """The capitalised runs; in foreign copy without their leading sentence openers ('Im
    Prozess', 'Nach Angaben der Polizei') and, in German, cut at articles ('Angaben der
    Polizei' is two nouns; 'Ursula von der Leyen' stays one name)."""
    for m in _NAME_RUN.finditer(text):
        if not function_words:
            yield m
            continue
        words = list(re.finditer(r"\S+", m.group(0)))
        k = 0
        while k < len(words) - 1 and words[k].group(0).lower() in function_words:
            k += 1
        start = m.start() + words[k].start()
        for link in _GERMAN_LINK.finditer(text, start, m.end()) if german else ():
            yield _Run(text, start, link.start())
            start = link.end()
        yield _Run(text, start, m.end())


_NUMBERED = re.compile(r"[ \t]+\d")
_NUMBERED_THINGS = frozenset("""year route channel platform gate terminal grade ward room level stage division
    highway interstate flight bus line section article chapter page block floor pier berth lot""".split())


# US copy tags a legislator with party and state: "Rep. Jason Chaffetz (R-Utah)", "Sen.
# Bernie Sanders (Vt.)", "Sen. Ted Cruz, R-Texas,". The tag is neither a name nor a person.
_STATE_ABBREVIATIONS = (r"Ala|Alaska|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Hawaii|Idaho|Ill|Ind|Iowa|Kan|Ky|La|Maine|Md|"
                        r"Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.[HJMYCD]|Ohio|Okla|Ore|Pa|R\.I|S\.[CD]|Tenn|Texas|Utah|"
                        r"Vt|Va|Wash|W\.Va|Wis|Wyo")
_PARTY_STATE = re.compile(capitals(rf"\((?:[RDI]-[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?|[RDI]|(?:{_STATE_ABBREVIATIONS})\.?)(?:\)|$)"
                                   rf"|(?<=,[ \t])[RDI]-(?:{_STATE_ABBREVIATIONS}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\.?(?=[,);]|\s|$)"))


def party_state_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` tags a legislator with party and state ('(R-Utah)', ', D-N.Y.,')."""
    return [m.span() for m in _PARTY_STATE.finditer(text)]


def find_names(text: str, foreign: bool | None = None) -> list[NameMention]:
    """Capitalised runs in the prose that look like names (titles stripped). ``foreign``:
    whether the text is French, German or Spanish copy, if the caller already knows."""
    nicknamed = [m for m in _NICKNAMED.finditer(text) if first_name_gender(f"{m.group(1)} {m.group(2)}")]
    if nicknamed:  # read it as "Donald MacAskill", the nickname blanked out
        chars = list(text)
        for m in nicknamed:
            a, b = m.end(1), m.start(2)
            chars[a:b] = " " * (b - a)
        names = find_names("".join(chars), foreign)
        for m in nicknamed:  # the span of "Donald MacAskill" is the whole written form
            for i, n in enumerate(names):
                if n.start == m.start(1) and n.end == m.end(2):
                    names[i] = NameMention(n.start, n.end, f"{m.group(1)} {m.group(2)}")
        return names
    out = []
    skip = headline_spans(text) + dateline_spans(text) + party_state_spans(text)
    foreign = mostly_foreign(text) if foreign is None else foreign
    function_words = FOREIGN_FUNCTION_WORDS if foreign else frozenset()
    nouns = _german_nouns(text) if function_words else frozenset()
    covered = 0  # the end of an organisation's name read on past its run ("... of Mine and Allied Workers")
    for m in _runs(text, function_words, bool(nouns)):
        if _inside(m.start(), skip) or m.start() < covered:
            continue
        raw = m.group(0)
        if nouns and (all(w in nouns for w in raw.split()) or _GERMAN_NOUN_ENDING.search(raw) and " " not in raw) \
                and not first_name_gender(raw):
            continue  # "Prozess", "Kopf", "Polizei", "Erpressung": German nouns, capitalised like names
        name = strip_titles(raw)
        if not name or name.lower() in PRONOUNS or name.lower() in DETERMINERS:
            continue
        if _opener(name):
            continue  # "Instead, the businessman has insisted", "More troubling ... was": openers, not names
        if function_words and (all(w.lower().strip("’'") in function_words for w in name.split())
                               or re.match(r"[LDQ][’'][a-zà-ÿ]", name)):
            continue  # "Presque", "Dans", "Für", "L’accusé": a foreign sentence opener
        if len(name.split()) == 1 and name.lower() in TITLE_WORDS and not _surname_of_someone(text, name):
            continue  # "Major" alone is a rank, unless the story names a "Gloria Major"
        if all(w.lower() in _CALENDAR - {"may"} for w in name.split()):
            continue  # "Wednesday", "March": dates, not names
        if _NUMBERED.match(text, m.end()) and name.split()[-1].lower() in _NUMBERED_THINGS:
            continue  # "One Year 10 pupil", "Route 9", "Platform 4": numbered things, not names
        if _DEMONYM_NOUN.fullmatch(raw) or _DEMONYM_NOUN.fullmatch(text[max(0, m.start() - 4) : m.end()]):
            continue  # "The Idaho Republican", "the Finn": descriptions
        if name in NATIONALITIES and re.match(r"[ \t]+[a-z]", text[m.end() : m.end() + 2]):
            continue  # "American admiral rattles Beijing": an adjective of nationality, not a name
        start = m.start() + raw.find(name.split()[0])
        end = m.end()
        if is_org(name):
            j = and_lead(text, m.start())
            if j:
                name, start = f"{j[0]} and {name}", j[1]
            k = of_and_tail(text, end) if " of " in name else None
            if k:  # "Ministry of Wildlife and Tourism"
                name, end = name + " and " + k.group(1), k.end()
                covered = end
        person = _person_of_org(name)
        p_start = text.find(f"{person} of ", start, end) if person else -1
        if p_start >= 0:
            # "Elin Varga of Hadley & Stroud", "Colm Rourke of Lenwick Fire and Rescue Service":
            # a person and where they work, not one name.
            if not any(o.start == p_start and o.name == person for o in out):
                out.append(NameMention(p_start, p_start + len(person), person))
            out.append(NameMention(p_start + len(person) + 4, end, name.partition(" of ")[2]))
            continue
        tail = _OF_THE_ORG.match(raw, raw.find(name) + len(name)) if name in raw else None
        if tail and is_org(tail.group(1)):
            # "Dr Ines Calloway of the Vell Peak Observatory": the person, then the organisation
            out.append(NameMention(start, m.start() + raw.find(name) + len(name), name))
            out.append(NameMention(m.start() + tail.start(1), end, tail.group(1)))
            continue
        owned = possessor_split(raw)
        if owned and owned[1].endswith(name):  # "the Civic Alliance’s Geoffrey Tallis": the party too
            owner = strip_titles(owned[0])
            at = text.find(owner, m.start(), end)
            out.append(NameMention(at, at + len(owner), owner))
        out.append(NameMention(start, end, name))
    if function_words:  # "l’usine Brévalor de Saint-Aubin-des-Forges": the company, then where
        alone = {n.name for n in out if len(n.name.split()) == 1}
        for i, n in enumerate(out):
            head, sep, _ = n.name.partition(" de ")
            if sep and " " not in head and head in alone and not first_name_gender(head):
                out[i] = NameMention(n.start, n.start + len(head), head)
    for couple in _COUPLE.finditer(text):  # "Martin and Joanne Pelham": Martin is a Pelham too
        first, other = couple.group(1), couple.group(2)
        if first.lower() in _given_names() and other.lower() in _given_names():
            out = [m for n in out for m in _couple_named(n, couple, text)]
    linked = [m for m in _LINKED_ORG.finditer(text) if not _inside(m.start(), skip)]
    if linked:  # the whole name, not its capitalised words
        out = [n for n in out if not any(m.start() <= n.start < m.end() for m in linked)]
        out = sorted(out + [NameMention(m.start(), m.end(), m.group(0)) for m in linked], key=lambda n: n.start)
    return out


def _couple_named(n: NameMention, couple: re.Match, text: str) -> list[NameMention]:
    """A name found where a couple sharing a surname is written, each of them named in
    full: 'Martin' of 'Martin and Joanne Pelham' is Martin Pelham; the one run that held
    both in 'Emilio e Irene Barrientos' (Spanish names may hold 'y' and 'e') is two people."""
    first, other, surname = couple.group(1), couple.group(2), couple.group(3)
    if n.start != couple.start(1):
        return [n]
    if n.name == first:
        return [NameMention(n.start, n.end, f"{first} {surname}")]
    if n.name == text[couple.start(1) : couple.end(3)]:
        return [NameMention(couple.start(1), couple.end(1), f"{first} {surname}"),
                NameMention(couple.start(2), couple.end(3), f"{other} {surname}")]
    return [n]


# "Martin and Joanne Pelham", "Theresa und Franziska Ahlers", "Claire et Thomas Montreuil", "Emilio e Irene Barrientos"
_COUPLE = re.compile(capitals(r"\b([A-Z][a-zß-ÿ]+)[ \t]+(?:and|und|et|y|e)[ \t]+([A-Z][a-zß-ÿ]+)[ \t]+([A-Z][\w’'\-]+)\b"))
_POSSESSOR = re.compile(r"(.+?)(?:[’']s|(?<=s)[’'])[ \t]+(.+)")  # "Democracy Corps’ Stan Greenberg" too


def _surname_of_someone(text: str, word: str) -> bool:
    """Whether a title word is also someone's surname in ``text`` ('Gloria Major')."""
    return any(m.group(1).lower() in _given_names()
               for m in cached_regex(rf"\b([A-Z][a-z]+)[ \t]+{re.escape(word)}\b").finditer(text))


def common_plural(text: str, name: str) -> bool:
    """A lone capitalised plural that the text also writes in lower case, as a common noun
    ('Audiences can expect him to ...' beside 'the type of audience'): a group, not a
    person, though no suffix says so."""
    if " " in name or not name[:1].isupper() or not name.endswith("s") or name.endswith("ss"):
        return False
    low = name.lower()
    stems = {low, low[:-1]} | ({low[:-2]} if low.endswith("es") else set())
    return any(cached_regex(rf"\b{re.escape(w)}\b").search(text) for w in stems if len(w) > 3)


def possessor_split(name: str) -> tuple[str, str] | None:
    """(whose, who) for a name run that holds a possessive before a person: 'Civic
    Alliance’s Geoffrey Tallis', 'Britain’s Andy Murray'. 'Penhallow’s Bakery' and
    'St Aldric’s Hospital' stay one name."""
    m = _POSSESSOR.fullmatch(name)
    if not m:
        return None
    owner, person = m.groups()
    if is_org(person) or len(person.split()) < 2 or not (is_org(owner) or first_name_gender(person)):
        return None
    return owner, person


def _other_noun_modifier(appositive: str, modifier: str) -> bool:
    """Whether an appositive's role has a noun before its head other than the
    description's own ('battalion commander' for 'the guard commander'); adjectives
    ('senior', 'military', '44-year-old') do not count."""
    before = re.search(r"\b([a-z]{3,})\s+\S+$", appositive)
    return bool(before) and modifier not in appositive.lower() and before.group(1) not in _ROLE_MODIFIERS | DETERMINERS \
        and not re.search(r"(?:-old|al|ive|ic|ed|ant|ent|ior|ary)$", before.group(1))


def _other_place_before(text: str, at: int, own: set[str]) -> bool:
    """Whether the two words before a role ('Dunmarrow head coach') name a team, firm or
    place other than the description's own ('the Skelbridge coach')."""
    before = re.findall(r"[\w’'\-]+", re.split(r"[.!?;:,\n]", text[max(0, at - 40) : at])[-1])[-2:]
    caps = {_POSSESSIVE.sub("", w) for w in before if w[:1].isupper() and w.lower() not in DETERMINERS
            and w.lower() not in PRONOUNS and w.lower() not in SENTENCE_ADVERBS}
    return bool(caps) and not caps & own


_AGE_AFTER = re.compile(r",\s+(?:who is\s+|who turns\s+|aged\s+)?(\d{1,3})\b")
_OF_THE_ORG = re.compile(capitals(r"\s+of\s+the\s+([A-Z].*)$"))


_MALE = frozenset("he his him himself mr father son brother husband man boy spokesman chairman king grandfather uncle nephew "
                  "widower businessman congressman councilman assemblyman policeman fireman sportsman grandson stepfather "
                  "stepson boyfriend prince duke "
                  "homme père fils frère hombre padre hijo hermano marido vater sohn bruder".split())
_FEMALE = frozenset("she her hers herself mrs ms mother daughter sister wife woman girl spokeswoman chairwoman queen grandmother aunt niece "
                    "widow businesswoman congresswoman councilwoman assemblywoman policewoman sportswoman granddaughter "
                    "stepmother stepdaughter girlfriend actress princess duchess baroness heiress waitress "
                    "femme mère fille sœur soeur épouse mujer madre hija hermana esposa mutter tochter schwester ehefrau".split())
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
                  "il": "m", "elle": "f", "lui": "m", "er": "m", "sie": "f"}  # French and German subjects
# Where someone is from, set off after their name: ", of Springfield, Va.,", ", from Leeds,".
_HOMETOWN = re.compile(capitals(r",[ \t]+(?:of|from)[ \t]+[A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*)*(?:,[ \t]+[A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*)*)?,"))
# The noun right before a name, or before its given name: "widow Terry Strada".
_NOUN_BEFORE_NAME = re.compile(capitals(r"\b([A-Za-z]+),?\s+(?:[A-Z][\w’'\-]*\s+)?$"))
_KIN = (r"(?:wife|husband|son|daughter|father|mother|brother|sister|sibling|uncle|aunt|nephew|niece|cousin|"
        r"grandson|granddaughter|grandfather|grandmother|widow|widower|partner|stepson|stepdaughter|"
        r"eldest|youngest|child|twin|fiancée|fiancé|fiance)")
_KIN_GENDER = {"father": "m", "son": "m", "brother": "m", "husband": "m", "grandfather": "m", "grandson": "m",
               "uncle": "m", "nephew": "m", "mother": "f", "daughter": "f", "sister": "f", "wife": "f",
               "grandmother": "f", "granddaughter": "f", "aunt": "f", "niece": "f"}
_KIN_INVERSE = {"father": "son|daughter", "mother": "son|daughter", "son": "father|mother", "daughter": "father|mother",
                "grandfather": "grandson|granddaughter", "grandmother": "grandson|granddaughter",
                "grandson": "grandfather|grandmother", "granddaughter": "grandfather|grandmother",
                "brother": "brother|sister", "sister": "brother|sister", "husband": "wife", "wife": "husband"}
# "his father", "Her husband": a relative of whoever the pronoun is.
KIN_MENTION = re.compile(rf"(his|her)\s+({'|'.join(_KIN_GENDER)})", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(
    # "his estranged wife, the television presenter Marisa Rendell"
    rf"\b(?:his|her|their|[\w\-]+['’]s)\s+(?:[\w\-]+\s+)?{_KIN}(?:\s+and\s+[a-z][\w\-]*)?,?\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){{0,2}}$",
    re.IGNORECASE  # "her mother and coach, Dana Marsik"
)
_RELATIVE_AFTER = re.compile(
    rf",\s+(?:\d{{1,3}},\s+)?(?:his|her|their|the\s+[\w\-]+['’]s|[\w\-]+['’]s)\s+(?:[\w\-]+\s+)?{_KIN}\b",
    re.IGNORECASE,
)
# A reporting verb right after a span: its subject is speaking ("Aldhelm's said",
# "the coastguard said").
REPORTING_NEXT = re.compile(r"\s+(?:said|says|told|added|warned|stated|announced|reported|explained|wrote)\b")
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december every""".split()
)
# First words of place and thing names, never of people.
_PLACE_PREFIXES = frozenset("st saint river lake mount port fort cape at in on the upper lower north south east west block".split())
# Words that tell one holder of a role from another: "head coach" / "assistant coach".
_ROLE_MODIFIERS = frozenset(
    """head assistant deputy vice chief senior junior associate acting interim former defence defense
    prosecuting goalkeeping""".split()
)
# Titles of whoever leads something: 'the head of the mission', 'the union leader'.
_LEADER = r"(?:leader|head|chief|chair(?:man|woman|person)?|president|boss|(?:general\s+)?secretary(?:[\s-]general)?)"
# Words that make a different office of the title after them.
_OTHER_OFFICE = frozenset("deputy vice assistant former acting interim shadow opposition".split())
# Organisations that 'the company' never refers to.
_NOT_COMPANIES = frozenset(
    """university college school hospital police army government ministry court council committee
    department parliament assembly senate congress church union league federation association alliance
    coalition party front movement guild district
    society institute academy museum library coastguard brigade commission authority agency service office
    gewerkschaft industriegewerkschaft syndicat sindicato verband verein""".split()
)
# What a story calls a company it names without an organisation word ("Tidewell, a
# start-up that ...", "Wavelet, the fast-growing social network").
_COMPANY_NOUNS = (r"company|firm|start-?up|business|chain|maker|manufacturer|operator|retailer|network|"
                  r"platform|app|developer|lender|bank|insurer|airline|carrier|brand|supplier|producer|provider|miner|"
                  r"brokerage|consultancy|studio|label")
_DESCRIBED_COMPANY = re.compile(rf",\s+(?:a|an|the)\s+(?:(?!(?:at|of|for|with|in|from|to)\s)[\w’'\-]+\s+){{0,4}}?(?:{_COMPANY_NOUNS})\b"
                                r"(?!\s+(?:said|says|told|added|announced|confirmed))")  # "…, the mine’s operator said"
# A match report's two sides: "came from 4-2 down to beat the second seed, Carla Ibarreche"
_MATCH_SIDES = {"runner-up": "loser", "loser": "loser", "champion": "winner", "winner": "winner", "victor": "winner"}
_BEATEN = re.compile(capitals(r"\b(?:beat|beating|defeated|defeating|overcame|overcoming|edged|edging)[ \t]+"
                              r"(?:the[ \t]+(?:[\w\-]+[ \t]+){0,3}?[\w\-]+,[ \t]+)?([A-Z])", LATIN1_UPPER))
# "Her mother, Maureen Pellow", "Ryan's mother, Janet Corrigan", "his widow, Ann Hale"
_MARRIED_BEFORE = re.compile(r"\b(?:mother|wife|widow|grandmother)\s*,\s*$")
# Who speaks or works for an organisation: "a Westmere Water spokesman", "Westmere Water staff".
_STAFF_AFTER = re.compile(r"[ \t]+(?:spokes(?:man|woman|person)|staff|employees)\b")
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:said|says|told|added|was|is|has|had|who|and|of|in|at)\b)[a-z]")


def names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands between 'the' and a noun ('on the
    Cherry Tree estate', 'at the Kent County Republican headquarters'): a thing's, not a person."""
    return text[max(0, start - 4) : start].lower() == "the " and bool(_NOUN_AFTER.match(text, end))


_NEUTER_AFTER = re.compile(r"(?:,\s+which\b|\s+(?:said|says|added|confirmed|announced|stated)\s+(?:that\s+)?(?:it|its)\b"
                           r"|\s+said\s+in\s+a\s+statement)")
_CHARITY_BEFORE = re.compile(r"\b(?:charity|group|organi[sz]ation|agency|body|campaign|watchdog|regulator|union"
                             # "le festival des Escales de Penhoët", "der Verein Nordkurve", "la peña Los del Pinar"
                             r"|festival|association|syndicat|liste|parti|club|équipe|verein|verband|partei|peña|equipo|"
                             r"asociación)(?:\s+(?:des|du|de\s+la|de|der|des|del))?\s+$", re.IGNORECASE)
_COMPANY_BEFORE = re.compile(rf"\b(?:{_COMPANY_NOUNS}|(?i:groupe|société|entreprise|firme|compagnie|"
                             r"usine|unternehmen|konzern|firma|empresa|grupo|compañía|constructora)),?\s+$")  # "The port's operator, Corvane"
# Last words of place names.
_PLACE_HEADS = frozenset(
    """valley river lake mountain mountains hills province region district county city town village
    street road avenue square bridge island islands coast bay gulf sea ocean strait border airport
    station port harbour harbor park forest desert plain plains state republic kingdom vale
    moors fens estuary peninsula canal crescent terrace row lane wharf quay rise drive gardens grove mews""".split()
)
OPEN_MARKS = frozenset("“\"‘'«„")
CLOSE_MARKS = frozenset("”\"’'»")
_STREET_HEADS = frozenset("road street avenue square lane row".split())  # never anyone's surname
# Roles news copy names with one word and refers back to with another.
_ROLE_SYNONYMS = {
    "lawyer": ("solicitor", "barrister", "attorney", "counsel"),
    "attorney": ("lawyer", "counsel"),
    "solicitor": ("lawyer",),
    "barrister": ("lawyer", "counsel"),
    "judge": ("justice", "recorder"),  # "Mr Justice Owen Fairclough ... The judge said"
}
# French, German and Spanish roles in copy that names the person in English ("the mayor of
# Kellbach, Ulrike Hanstein ... „…“, sagte die Bürgermeisterin") or the other way round.
_FOREIGN_ROLES = {
    "mayor": "maire mairesse bürgermeister bürgermeisterin oberbürgermeister oberbürgermeisterin alcalde alcaldesa "
             "regidor regidora",
    "judge": "juge richter richterin juez jueza",
    "prosecutor": "procureur procureure staatsanwalt staatsanwältin fiscal",
    "lawyer": "avocat avocate anwalt anwältin verteidiger verteidigerin abogado abogada letrado letrada",
    "spokesman": "porte-parole sprecher sprecherin portavoz",
    "director": "directeur directrice direktor direktorin directora",
    "president": "président présidente präsident präsidentin presidente presidenta",
    "minister": "ministre ministerin ministro ministra",
    "coach": "entraîneur entraîneuse trainerin entrenador entrenadora",
}


def _with_foreign_roles(synonyms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each foreign role word with its English role and the other languages' words for it."""
    out = dict(synonyms)
    for english, words in _FOREIGN_ROLES.items():
        for word in words.split():
            out[word] = (*out.get(word, ()), english, *(w for w in words.split() if w != word))
    return out


_ROLE_SYNONYMS = _with_foreign_roles(_ROLE_SYNONYMS)


def _person_of_org(name: str) -> str | None:
    """The person in 'Elin Varga of Hadley & Stroud' (a known given name before 'of'), a
    person and where they work; None for 'Ministry of Defence'."""
    person, _, employer = name.partition(" of ")
    if employer[:1].isupper() and 2 <= len(person.split()) <= 3 and first_name_gender(person) and not is_org(person):
        return person
    return None


def _place_like(name: str) -> bool:
    """A name that opens or ends like a place's: 'River Asker', 'Corran Street'."""
    words = name.lower().split()
    return bool(words) and (words[0] in _PLACE_PREFIXES or words[-1] in _PLACE_HEADS)


_CLOCK_END = re.compile(r"\b[ap]\.m\.$")
_ABBREVIATION_END = re.compile(r"\b(?:St|Dr|Mr|Mrs|Ms|No|Gen|Sen|Rep|Jr|Sr|Prof|Capt|Lt|Col|Mt|Ft|Co|Inc|Ltd)\.$")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, not fooled by 'St.' or 'Dr.'."""
    i = pos
    while True:
        j = max(text.rfind(". ", 0, i), text.rfind("? ", 0, i), text.rfind("! ", 0, i))
        nl = text.rfind("\n", 0, i)
        if nl > j:
            return nl + 1
        if j < 0:
            return 0
        if not _ABBREVIATION_END.search(text[max(0, j - 5) : j + 1]) \
                and not (_CLOCK_END.search(text, max(0, j - 5), j + 1) and text[j + 2 : j + 3].islower()):
            return j + 2  # but "at 4:40 a.m. and said" goes on
        i = j


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends: the next '. ' or line break."""
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    return min(ends) if ends else len(text)


# How court copy introduces each party: (words before the name, words after it, the name itself).
_NEVER = re.compile(r"(?!x)x")
_DEFENDANT = (re.compile(r"\b(?:trial of|jailed|sentenced|convicted|acquitted|charged"
                         # "où comparaissait Ludovic Sarrazin", "a condamné vendredi soir Sébastien Kervella",
                         # "Die Staatsanwaltschaft wirft Daniel K. ... vor", "el juicio contra Gonzalo Arévalo"
                         r"|comparaissait|comparaît|procès de|condamné(?:\s+[a-zé]+){0,2}|jugé|wirft|Prozess gegen|Angeklagten?"
                         r"|juicio contra|condenado a|condenó a)\s+$"),
              re.compile(r"(?:,\s+\d{1,3},)?(?:,?\s+(?:who|of|a|an)\b[^.]{0,60}?)?,?\s+(?:had\s+)?(?:denies|denied|admits|admitted|"
                         r"pleaded|was jailed|was sentenced|was convicted|was found guilty|is accused|was accused|"
                         r"is charged|was charged|stands trial|went on trial)\b"
                         # "Gonzalo Arévalo Pineda, de 61 años, acusado de", "Ludovic Sarrazin, 46 ans, poursuivi pour"
                         r"|(?:,\s+(?:de\s+)?\d{1,3}\s+(?:ans|años))?,\s+(?:acusad[oa]|procesad[oa]|poursuivie?|jugée?|accusée?|"
                         r"prévenue?|mise?\s+en\s+examen|angeklagt)\b"),
              # German court copy names the accused by given name and initial ('Daniel K.')
              re.compile(r"[A-ZÄÖÜ][a-zäöüß]+ [A-Z]$"))
_COURT_INTRODUCTIONS = {
    "defendant": _DEFENDANT, "accused": _DEFENDANT,
    # "Opening the case for the Crown, Rebecca Thorne KC", "Nadia Carrow KC, prosecuting"
    # "Opening the case at Fenby Crown Court on Monday, Rachel Okonedo KC told jurors": the prosecution opens
    "prosecutor": (re.compile(r"(?i:\bprosecutor)\s+$|\bfor the (?:Crown|prosecution),\s+$"
                              r"|\b[Oo]pening the (?:case|trial|prosecution)\b[^.;,\n]{0,50},\s+$"),
                   re.compile(r"(?:\s+(?:KC|QC))?,\s+(?:prosecuting|for the prosecution)\b"),
                   _NEVER),
    "judge": (re.compile(r"(?:(?i:\bjudge)|(?:Mr|Mrs|Ms|Lord|Lady) Justice|Recorder)\s+$"), _NEVER,
              re.compile(r"(?:Judge|Recorder)\s")),
}


LAWYER_HEADS = frozenset("barrister lawyer counsel solicitor attorney advocate".split())


# Words that open a place or a source, never a second role ("the bank and from shops along
# Holbeck Street" is not "the founder and chief executive, Sunniva Lund").
_PLACE_PREPOSITIONS = r"(?:from|to|in|at|on|along|of|for|with|by|into|near|outside|across|through|around)"
_PREPOSITION_BEFORE = re.compile(r"\b(?:by|to|from|with|for|in|on|at)\s+(?:the\s+)?$")
# Newspapers and broadcasters whose last word is no organisation head ('Courier', 'Times' are)
_MEDIA_NAME = re.compile(r"\b(?:Mail|Standard|Mercury|Express|Sentinel|Bulletin|Advertiser|Radio|Television|TV)$")


def _role_around(role: str) -> tuple[re.Pattern, re.Pattern]:
    """How a court story ties a name to its role: before it ('barrister Naomi Fairweather',
    'prosecuting, Adrian Pell'), or after it ('Adrian Pell KC', 'Nadia Brook, for the defence')."""
    return (re.compile(rf"(?i:\b{role}|\bprosecuting|\bdefending)[,\s]+$"),
            re.compile(rf"\s+(?:KC|QC)\b|,\s+(?:defending|prosecuting|for the (?:defence|prosecution|Crown))\b"
                       # "Adrian Kell, representing Greaves, said": acting for a party by name
                       rf"|,\s+(?:representing|acting for)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z]\w+,"
                       # "Harriet Osei, who represents Marisa Rendell."
                       rf"|,\s+who\s+(?:represents|is\s+representing|acts\s+for)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z]\w+"
                       rf"|,\s+(?:[\w’'\-]+\s+){{0,4}}?{role}\b"))


_LAWYER = rf"(?:{'|'.join(sorted(LAWYER_HEADS))}|prosecutor)"
_COURT_ROLE_BEFORE, _COURT_ROLE_AFTER = _role_around(rf"(?:{_LAWYER}|judge|recorder)")
_LAWYER_BEFORE, _LAWYER_AFTER = _role_around(_LAWYER)


_CALLED = re.compile(r"\b(?:called|named|nicknamed|dubbed|known(?:[ \t]+(?:to|by|among)[ \t]+[\w’'\-]+(?:[ \t]+[\w’'\-]+)?)?[ \t]+as)[ \t]+[“\"‘']?$")


def called(text: str, pos: int) -> bool:
    """Whether the name at ``pos`` follows 'called', 'named' or 'known as': a thing's or
    an animal's name ('the app, called Airwell'), seldom a person who speaks."""
    return bool(_CALLED.search(text, max(0, pos - 40), pos))


def in_double_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a double-quoted passage of its paragraph."""
    seg = text[text.rfind("\n", 0, pos) + 1 : pos]
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


# Words of a description that say nothing about who is meant.
_GENERIC_DESCRIPTION_WORDS = frozenset(
    """the and of for at in on with from who whom whose which that this their his her its our
    said says told senior former junior chief deputy acting new local national regional
    opposition official officials spokesman spokeswoman spokesperson person people man woman
    side talks also been have has had""".split()
)
_QUOTED = re.compile(r"[‘“\"][^’”\"\n]{0,80}[’”\"]")
_PRONOUN_WORDS = frozenset("he his him himself she her hers herself".split())


def head_gender(description: str) -> str | None:
    """The gender a description's head noun carries ('Her son' -> m, 'the chairwoman' -> f;
    'la directrice', 'die Staatsanwältin', 'el alcalde' by their article or ending)."""
    head = mention_head(description).lower()
    if head in _MALE - _PRONOUN_WORDS:
        return "m"
    if head in _FEMALE - _PRONOUN_WORDS:
        return "f"
    if head in ORG_HEADS:
        return None
    first = description.strip().split()[0].lower() if description.strip() else ""
    if first[:2] in ("l’", "l'") and head:  # "l’avocat", "l’élue": French marks a woman in the ending
        if head.endswith(("ée", "rice", "euse", "ière", "enne", "esse", "nte", "ate", "ue", "ine")):
            return "f"
        return None if head.endswith("e") else "m"  # "l’arbitre", "l’élève": either
    if first in ("la", "une", "una", "ella") or (first in ("die", "eine") and head.endswith("in")) \
            or head.endswith(("erin", "ärtin", "ältin", "ätin", "torin", "entin", "istin")):
        return "f"  # "die Richterin", "the bürgermeisterin"; a bare "die" may be plural
    if first in ("le", "un", "der", "el") or (first == "son" and not head.endswith("e")):  # "son père", not "son amie"
        return "m"
    if first == "sa":
        return "f"  # "sa mère", "sa fille"
    return None


# A sentence start, then at most a lead phrase ("On the way down, Kallweit stops") and
# three capitalised words (titles: "Chief Inspector").
_LEAD_WORDS = ("(?:On|In|At|After|Before|During|Outside|Inside|Later|Earlier|Back|Since|Among|From|With|By|For|"
               "Over|Across|Behind|Beside|Near|When|While|As|Once|Until|Despite|Today|Yesterday|Last|This|Every)")
# "Pell's barrister, Ambrose Keel": the possessor is not the subject; "Moyo's campaign had
# centred on ... she described" keeps Moyo.
_POSSESSOR_OF_NAMED = re.compile(capitals(r"[’']s\s+(?:[a-z\-]+\s+){0,3}[a-z\-]+,\s+[A-Z]"))
_GROUP_AFTER = re.compile(r"\s+(?:campaign|action|pressure|protest|residents[’']?|community|lobby)\s+group\b")
_NEXT_WORD = re.compile(r"\w+ ([a-z]+)\b")
_NOT_VERBS = frozenset("""at in on for of to from by with without about after before as and or but nor than
    into onto over under near beside behind between among during since until against across through who which
    that whose""".split())
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+$")
_ABBREVIATED_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sens?|Reps?|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Prof|Rev|Fr|Det|Cllr)\.\s+$")
# "Her son, Declan Brannigan, turns the dial": a paragraph opening on the name in
# apposition to its subject (further in, "Her mother, Astrid, had been ..." is a side figure).
# Mid-paragraph, only a role does ("Its director general, Per Ekstrand, was blunter.").
_SUBJECT_APPOSED = capitals(r"(?:(?:^|\n)[ \t]*(?:The|His|Her|Their|[A-Z][\w\-]*[’']s)[ \t]+(?:[a-z\-]+[ \t]+){0,3}[a-z\-]+"
                            rf"|[.!?][\"”’]?[ \t]+(?:The|Its|His|Her|Their)[ \t]+(?:[a-z\-]+[ \t]+){{0,3}}(?!{_KIN}\b)[a-z\-]+),[ \t]+")
# "His party colleague Jonas Elvik ... went further.": a role and the name, no comma
_SUBJECT_ROLE = capitals(r"(?:^|\n|[.!?][\"”’]?[ \t]+)[ \t]*(?:His|Her|Their)[ \t]+"
                         r"(?:(?!(?:said|says|told|added|asked|was|is|has|had|and|or|of|in|at|to|for|from|by|with|who|that|"
                         r"would|will|did|does|called|named|described)\b)[a-z\-]+[ \t]+){1,3}")
_SENTENCE_OPENING = re.compile(rf"(?:{_SUBJECT_APPOSED}|{_SUBJECT_ROLE}|(?:^|\n|[.!?][\"”’]?[ \t]+)[ \t]*"
                               rf"(?:{_LEAD_WORDS}\b[^.,;:!?\n\"“”]{{0,60}},[ \t]+)?)"
                               + capitals(r"(?:[A-Z][\w.]*[ \t]+){0,3}$"))


NAMES_DIR = Path(__file__).parent / "names"


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given names that are clearly one gender (names/male.txt, names/female.txt), a
    compiled list, not derived from any licensed name database; ambiguous names are left out."""
    out: dict[str, str] = {}
    for gender, file in (("m", "male.txt"), ("f", "female.txt")):
        path = NAMES_DIR / file
        if path.is_file():
            for line in path.read_text(encoding="utf-8").split():
                out[line.strip().lower()] = gender
    return out


def first_name_gender(name: str) -> str | None:
    """'m' or 'f' for a full name whose first word is a clearly gendered given name
    ('Declan Amadi', 'Sunniva Vance'); None for a bare surname or an unknown name. The
    article's own evidence (Mr, Ms, 'his sister', pronouns) can outvote it."""
    words = name.split()
    if len(words) < 2:
        return None
    return _given_names().get(words[0].lower())


# Past these, a possessive in the reported clause is often someone else's.
_REPORTED_CLAUSE_OPENERS = frozenset("that said says added".split())  # not "told": "told television from her bed"


def _name_free(name: str, rest: str) -> bool:
    """Whether ``rest`` (the remainder of a sentence) names nobody other than ``name``."""
    own = set(name.split())
    return all(set(m.group(0).split()) <= own for m in _NAME_RUN.finditer(rest[1:]))


def _tokens(name: str) -> list[str]:
    """Lowercase words, an Arabic article and a generation dropped: 'Assad' is the last
    word of 'Bashar al-Assad', 'Biden' of 'Joseph R. Biden Jr.'."""
    toks = [_ARTICLE_PREFIX.sub("", w.lower().strip(".,")) for w in name.split()]
    return toks[:-1] if _generation(name) else toks


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-(?=\w)")
# Lowercase words inside a full name: 'Ursula von der Leyen', 'Mohammed bin Salman'.
_NAME_PARTICLES = frozenset("von van der den de da del della di du dos das bin ibn bint al el le la ter ten zu".split())


_PLACE_WORD = r"(?:[Oo]utside|[Ii]nside|[Aa]t|[Ii]n|[Ff]rom|[Nn]ear|[Bb]ehind|[Oo]pposite)"
_PLACE_PREPOSITION = re.compile(rf"\b{_PLACE_WORD}\s+(?:the\s+)?$")
_OPENS_WITH_PLACE_WORD = re.compile(rf"{_PLACE_WORD}\s")


def at_place(text: str, start: int, name: str) -> bool:
    """Whether the capitalised run ``name`` at ``start`` stands for a place, after a
    preposition of place or opening with one: 'Outside Kelling House, a retired bus
    driver' names no driver."""
    return bool(_PLACE_PREPOSITION.search(text, max(0, start - 12), start) or _OPENS_WITH_PLACE_WORD.match(name))


@dataclass
class SpeakerResolver:
    """Resolves mentions to canonical names within one article."""

    text: str
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    # The direct quotes' spans: a name said inside one ('"Jonny said, ..." he said') is
    # nobody the narrative is about.
    quoted: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.foreign = mostly_foreign(self.text)
        self.names = find_names(self.text, self.foreign)
        self.headlines = headline_spans(self.text)
        self._headline_lines = _first_line_headline(self.text, self.headlines) + self.headlines
        # "the National Resistance Front of Afghanistan (NRFA)": NRFA names that entity.
        self.acronyms = {m.group(2): m.group(1) if _LINKED_ORG.fullmatch(m.group(1))
                         else _spelled_out(self.text, m.start(2) - 1, m.group(2))
                         or self._whole_name_ending(m.end(1)) or self._with_and_lead(strip_titles(m.group(1)), m.start())
                         for m in _ACRONYM.finditer(self.text)}
        self._name_tokens = [_tokens(m.name) for m in self.names]
        self._gender_cache: dict[str, list[tuple[str, int, int | None]]] = {}
        self._subjects: list[tuple[int, str, bool]] | None = None
        self._subject_names: dict[int, str] = {}
        self._common_plurals: dict[str, bool] = {}
        self._people: list[tuple[int, str]] | None = None
        self._noted: dict[str, list[tuple[str, int, int | None]]] = {}
        # Description heads already resolved to a named speaker ('vice-chancellor' ->
        # 'Marian Threlkeld'), filled in as quotes are attributed.
        self.roles: dict[str, str] = {}
        # Names the model tagged as a source somewhere: entities that speak.
        self.speaking: set[str] = set()
        # Full names already resolved as the speaker of a quote, filled in as quotes are
        # attributed: of two Halveys, 'Ms Halvey' is the one who has been speaking.
        self.spoken: set[str] = set()
        for s, e in self.source_spans:
            if mention_type(self.text[s:e]) == "name":
                self.speaking.add(strip_titles(self.text[s:e]).lower())

    def _whole_name_ending(self, end: int) -> str | None:
        """The name found to end at ``end`` when it runs on past one capitalised run
        ('National Union of Mine and Allied Workers (NUMAW)'), else None."""
        whole = [n for n in self.names if n.end == end and " and " in n.name]
        return whole[0].name if whole else None

    def _with_and_lead(self, name: str, start: int) -> str:
        """'Signal Workers' Union' written as 'Rail and Signal Workers' Union': the whole name."""
        lead = and_lead(self.text, start) if is_org(name) else None
        return f"{lead[0]} and {name}" if lead else name

    def full_forms(self, short: str, before: int) -> list[NameMention]:
        toks = _tokens(short)
        n = len(toks)
        out = []
        generation = _generation(short)
        for m, mtoks in zip(self.names, self._name_tokens):
            if len(mtoks) < n or mtoks[-n:] != toks:
                continue
            if _generation(m.name) != generation and (generation or n > 1 or len(mtoks) < 2):
                continue  # "Biden" may be "Joseph R. Biden Jr."; "Donald Trump" is never "Donald Trump Jr."; "Mr Obaro" is not "King Obaro II"
            words = m.name.split()
            if _generation(m.name):
                words = words[:-1]
            # A fuller form only adds name words: "Ahmad Shah Masud" for "Masud", never
            # "Members of the National Resistance Front" for "National Resistance Front".
            if _POSSESSIVE.search(words[len(words) - n - 1] if len(words) > n else ""):
                continue  # "Kettering’s Stenmark-Orvel team": the rider's team, not a fuller name of the team
            if all(w[:1].isupper() or w in _NAME_PARTICLES or (w in ("and", "&") and is_org(m.name))
                   for w in words[: len(words) - n]):
                out.append(m)  # and "Land and Water Directorate" for "Water Directorate"
        if n == 1 and all(len(m.name.split()) == 1 for m in out) and not first_name_gender(short):
            # "Ramiro Estrada Cuellar" ... "Estrada": a first surname stands for the whole
            out += [m for m, mtoks in zip(self.names, self._name_tokens)
                    if len(mtoks) >= 3 and mtoks[-2] == toks[0] and first_name_gender(m.name) and not is_org(m.name)]
        # A headline capitalises every word: 'Teenager Reddy rescues ...' is no fuller
        # name of Reddy unless the prose writes it too.
        heads = self._headline_lines
        prose = {m.name for m in out if not _inside(m.start, heads)}
        return [m for m in out if m.name in prose or not _inside(m.start, heads)]

    def introduced_as_relative(self, m: NameMention) -> bool:
        """Whether a name is written as someone's relative ('Masud's father, commander
        Ahmad Shah Masud', 'Maria Lopez, the mayor's mother')."""
        before = self.text[max(0, m.start - 50) : m.start]
        after = self.text[m.end : m.end + 60]
        return bool(_RELATIVE_BEFORE.search(before) or _RELATIVE_AFTER.match(after))

    def canonical_name(self, mention: str, position: int, given: bool = True) -> str:
        """The fullest form of a name mention, decided by who speaks and who came first.
        ``given``: a lone given name may stand for the full name ('Lotte' for 'Lotte
        Brannagh'); off where merely being named should not make a he/she candidate."""
        linked = _LINKED_ORG.fullmatch(mention.strip())
        short = linked.group(0) if linked else mention_name(mention) or strip_titles(mention)
        short = _person_of_org(short) or short  # "Colm Rourke of Lenwick Fire and Rescue Service"
        if short in self.acronyms:
            return self.acronyms[short]
        spelled = [full for full in self.acronyms.values() if full.startswith(short + " ") and " " in short and is_org(short)]
        if len(spelled) == 1:  # "Asociación de Viviendas Turísticas", cut before 'de la Marina (AVTM)'
            return spelled[0]
        forms = self.full_forms(short, position)
        if all(len(f.name.split()) == 1 for f in forms):  # no fuller form ends with it
            return (self._by_given_name(short, position) if given else None) or short
        by_name: dict[str, NameMention] = {}
        for f in forms:
            by_name.setdefault(f.name, f)  # first occurrence of each form
        honorific = _HONORIFIC.match(mention.strip())
        if honorific:
            # "Ms Mercer" is the woman of the two Mercers, "Mr Tolley" the man.
            want = "f" if honorific.group(1).lower() in ("ms", "mrs", "miss", "dame", "lady") else "m"
            other = {n: f for n, f in by_name.items()
                     if len(n.split()) < 2 or first_name_gender(n) in (want, None)}
            if not any(len(n.split()) > 1 for n in other):
                kin = self._relative_by_given_name(short, want)
                if kin:  # "Gary Whitcombe ... His wife, Sandra, said" ... "Mrs Whitcombe": Sandra
                    return kin
            by_name = other or by_name
            married = self._married(short, by_name) if want == "f" else None
            if married and honorific.group(1).lower() == "mrs":
                return married  # "Asked whether she would speak to her daughter, Mrs Pellow said": her mother
            if married and cached_regex(rf"\bMrs\.?\s+{re.escape(short)}\b").search(self.text):
                by_name = {n: f for n, f in by_name.items() if n != married} or by_name  # "Ms Corrigan": not "Mrs Corrigan"
        earlier = {n: f for n, f in by_name.items() if f.start <= position} or by_name
        # Keep maximal forms only: "Ahmad Masud" and "Ahmad Shah Masud" both end in
        # "Masud" and are different people; "Masud" itself is not a candidate if a
        # longer one exists.
        longest = max(len(n.split()) for n in earlier)
        cands = {n: f for n, f in earlier.items() if len(n.split()) > 1} if longest > 1 else earlier

        owner = self._surname_owner(short, by_name) if len(short.split()) == 1 else None
        # at any of its mentions: "Judge tells Tobias and Marisa Rendell ..." ¶ "... the actor
        # Tobias Rendell and his estranged wife, the television presenter Marisa Rendell"
        relatives = {f.name for f in forms if self.introduced_as_relative(f)}

        def rank(item: tuple[str, NameMention]):
            n, f = item
            spoke = honorific is not None and n in self.spoken  # "Ms Halvey": a living speaker
            speaks = spoke or any(s == n.lower() or s.endswith(" " + n.lower()) for s in self.speaking)
            # 'Ms Halvey', 'Mr Ashcombe' is the one of the family who has been quoted ("her
            # mother, Carla Halvey" for the cyclist who died). Otherwise a relative
            # introduced through the main person ("His wife, Ilona Dudek") is not who the
            # bare surname means; nor is anyone after the surname was given to the one
            # person named so far.
            return (not spoke if honorific and self.spoken & set(cands) else False,
                    n in relatives and not spoke, n != owner if owner else False, not speaks, f.start)

        return min(cands.items(), key=rank)[0]

    def _married(self, surname: str, by_name: dict[str, NameMention]) -> str | None:
        """Of two or more women sharing ``surname``, the one written as someone's mother,
        wife or widow ('Her mother, Maureen Pellow, 74'): who 'Mrs Pellow' is when her
        daughter is 'Ms' or has no honorific at all."""
        women = [n for n in by_name if len(n.split()) > 1 and first_name_gender(n) != "m" and n.endswith(" " + surname)]
        if len(women) < 2:
            return None
        married = [n for n in women if any(_MARRIED_BEFORE.search(self.text, max(0, f.start - 30), f.start)
                                           for f in self.names if f.name == n)]
        return married[0] if len(married) == 1 else None

    def _relative_by_given_name(self, surname: str, want: str) -> str | None:
        """The one relative of a person with ``surname`` whom the story introduces by given
        name alone ('Gary Whitcombe ... His wife, Sandra, said'), of gender ``want``: who
        'Mrs Whitcombe' is when no woman is named Whitcombe in full."""
        kins = "|".join(k for k, g in _KIN_GENDER.items() if g == want)
        found = {m.group(1) for m in cached_regex(rf"\b(?:[Hh]is|[Hh]er|{re.escape(surname)}['’]s)\s+(?:{kins}),\s+([A-Z][a-z]+),").finditer(self.text)
                 if first_name_gender(m.group(1)) in (want, None)}
        owners = any(m.name.split()[-1] == surname and len(m.name.split()) > 1 for m in self.names)
        return found.pop() if len(found) == 1 and owners else None

    def _by_given_name(self, short: str, position: int) -> str | None:
        """The full name a lone given name stands for ('Lotte laughs' after 'Lotte
        Brannagh'; 'Maeve' for 'Maeve Brannagh'): the one person named in full with it,
        else the latest such before ``position``."""
        if " " in short or not short[:1].isupper():
            return None
        people = [m for m in self.names if len(m.name.split()) > 1 and m.name.split()[0] == short
                  and not is_org(m.name) and not _place_like(m.name)
                  and not called(self.text, m.start)]  # "the combined company, to be called Tennick Kestrel"
        if not people:
            return None
        names = list(dict.fromkeys(m.name for m in people))
        if len(names) == 1:
            return names[0]
        before = [m for m in people if m.start < position]
        return before[-1].name if before else None

    def _surname_owner(self, short: str, forms: dict[str, NameMention]) -> str | None:
        """The person a bare surname was first used for, when only one full form bearing
        it had been named by then ('Dr Teodor Malsky ... Malsky, 56, ...' before 'His
        eldest, Ilona Malsky'): news copy keeps a bare surname for one person."""
        bare = [m.start for m in self.names if m.name == short]
        if not bare:
            return None
        before = [n for n, f in forms.items() if f.start < bare[0] and len(n.split()) > 1]
        return before[0] if len(before) == 1 else None

    def named_later(self, description: str, position: int, reach: int = 1200) -> str | None:
        """The person a description introduces before naming them: the first person named
        after it whose sentence (or the next) repeats one of its words ('the leader of the
        opposition bloc said ...' then 'Dainis Rukstelis, the bloc's leader'; 'the senior
        diplomat ...' then 'The diplomat, Ambassador Rikard Solheim-Berg')."""
        core = description.split(",")[0]
        # Its head noun and the proper names in it ('Civic Alliance'), not any word: 'the
        # town's fire chief' is not whoever speaks of 'this town' next.
        caps = [w for w in re.findall(r"[A-Za-z][\w\-]+", core)[1:] if w[0].isupper()]
        # and the noun the head compounds with ('the lender's mission chief' ... 'the mission chief')
        compound = re.findall(r"\b([a-z][a-z\-]+)\s+" + re.escape(mention_head(core)) + r"\b", core)
        words = {w.lower() for w in caps + compound[-1:] + [mention_head(core)]} - _GENERIC_DESCRIPTION_WORDS - DETERMINERS
        words = {w for w in words if len(w) > 3}
        if not words:
            return None
        # the words of a person's name in it ('Clinton' for Hillary Clinton in 'a narrator in
        # the Clinton ad'), not of an organisation's ('Hollin Mills', 'Dunsworth Town Council')
        person_words = {w.lower() for run in _NAME_RUN.finditer(core, 1) if not is_org(run.group(0))
                        and first_name_gender(self.canonical_name(run.group(0), position)) for w in run.group(0).split()}
        end = position + len(description)
        for m in self.names:
            if not end < m.start < end + reach or len(m.name.split()) < 2 or is_org(m.name):
                continue
            if _place_like(m.name) or called(self.text, m.start) or _INITIALS.fullmatch(m.name.split()[-1]):
                continue  # "the Panjshir Valley"; "the combined company, which will be called Hollin Carrowdale"; "Washington D.C."
            if _inside(m.start, self.headlines) or self.introduced_as_relative(m):
                continue
            lo = max(self.text.rfind(". ", 0, m.start), self.text.rfind("\n", 0, m.start)) + 1
            hi = sentence_end(self.text, sentence_end(self.text, m.end) + 2)  # its sentence and the next,
            para_end = self.text.find("\n", m.end)
            hi = hi if para_end < 0 else min(hi, para_end)  # in its paragraph
            said = {w.lower() for w in re.findall(r"[A-Za-z][\w\-]+", self.text[lo:hi])}
            shared = words & said - {w.lower() for w in m.name.split()}
            # the role itself, or more than a name it mentions: 'a narrator in the Clinton ad'
            # is not whoever is named next beside 'Clinton'
            if shared and (shared - person_words or len(shared) > 1):
                return self.canonical_name(m.name, m.start)
        return None

    def new_person_named_later(self, description: str, position: int, reach: int = 1200) -> str | None:
        """``named_later``, when that person is not named before ``position``: a description
        that introduces someone ('An engineer with the Rivers and Environment Agency' ...
        'Callum Reddish, the agency’s lead engineer') rather than one that refers back."""
        later = self.named_later(description, position, reach)
        return later if later and later not in {n for _, n in self.people_before(position)} else None

    def bound_name(self, description: str, position: int) -> str | None:
        """A name the text ties to a description: 'spokesman Bilal Karimi', 'Noor, the head of'.

        ``position`` is where the description starts; the search runs up to its end, so
        an appositive (``Emergency, an Italian aid group``) binds to the name before it.
        """
        head = mention_head(description).lower()
        if not head or head in PRONOUNS:
            return None
        core_words = mention_core(description).lower().split()
        if len(core_words) >= 3 and core_words[-2].isalpha() and core_words[-2] not in DETERMINERS:
            # "The deputy mayor": 'Deputy Mayor Osman Kettleby', not 'Mayor Rhiannon Pryce'.
            narrow = self._bound_name_head(rf"{re.escape(core_words[-2])}\s+{re.escape(head)}", position, description)
            if narrow:
                return narrow
            if core_words[-2] in ("assistant", "deputy", "associate"):
                # "the assistant coach": 'his assistant, Pavel Hruby'.
                narrow = self._bound_name_head(re.escape(core_words[-2]), position, description)
                if narrow:
                    return narrow
        modifier = mention_core(description).split()[-2:-1]
        if core_words[0] == "the" and len(core_words) == 3 and head not in ORG_HEADS \
                and re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ish|ese|i)", modifier[0]):
            # "The Meskanan minister": 'His Meskanan counterpart, Selim Arkadi'
            narrow = self._bound_name_head(rf"{modifier[0]}\s+(?:[a-z\-]+\s+){{0,2}}?[a-z\-]+", position, description)
            if narrow and len(narrow.split()) > 1 and not is_org(narrow) and not _place_like(narrow):
                return narrow
            narrow = self._of_country(modifier[0], head, position)
            if narrow:
                return narrow
        bound = self._bound_name_head(re.escape(head), position, description)
        if bound is None and description.strip().lower().startswith(("the ", "his ", "her ", "their ", "its ")):
            for other in _ROLE_SYNONYMS.get(head, ()):  # "her lawyer": "the family's solicitor, Anita Roszak"
                bound = self._bound_name_head(re.escape(other), position, description)
                if bound:
                    break
        return bound

    def _of_country(self, demonym: str, head: str, position: int) -> str | None:
        """'the Tavoran minister': the one the story calls that of Tavora before ``position``
        ('Marisol Ferreyra, the environment minister of Tavora'; 'Tavora’s minister, ...')."""
        stem = re.sub(r"(?:ian|an|ish|ese|i|n)$", "", demonym)
        country = rf"(?:{re.escape(stem)}(?:ia|a|)|{re.escape(demonym[:-1])})"
        run = _BOUND_NAME_RUN.pattern
        for pat in (rf"({run}),\s+(?:the\s+|a\s+|an\s+)?(?:[a-z\-]+\s+){{0,3}}{re.escape(head)}\s+of\s+(?:the\s+)?{country}\b",
                    rf"\b{country}[’']s\s+(?:[a-z\-]+\s+){{0,3}}{re.escape(head)},?\s+({run})"):
            hits = [h for h in cached_regex(pat).finditer(self.text, 0, position) if not is_org(h.group(1))]
            if hits:
                return self.canonical_name(hits[-1].group(1), hits[-1].start(1))
        return None

    def _bound_name_head(self, head_pattern: str, position: int, description: str,
                         forward: bool = False) -> str | None:
        """``bound_name`` for one head pattern (a word, or modifier and word); ``forward``
        searches the rest of the article after the description instead, for the first
        name bound to it ('the judge' in a lede, 'Judge Philippa Ackerly' later)."""
        offset = position + len(description) if forward else 0
        window = self.text[offset:] if forward else self.text[offset : position + len(description)]
        hits, placed = [], []
        words = mention_core(description).lower().split()
        own_modifier = words[-2] if len(words) >= 3 and words[-2] in _ROLE_MODIFIERS else None
        own_party = next((party_of(w) for w in words if party_of(w)), None)
        former = bool(_FORMER.search(description))
        noun_modifier = words[-2] if len(words) >= 3 and words[-2].isalpha() and words[-2] not in DETERMINERS \
            and not own_modifier and not head_pattern.startswith(words[-2]) else None
        core = mention_core(description).split()
        own_place = {w for w in core[1:-1] if w[:1].isupper()}  # "the Skelbridge coach"
        possessor = next((_POSSESSIVE.sub("", w).lower() for w in core[:-1] if _POSSESSIVE.search(w)),
                         None)  # "the council’s leader", "Norvale Capital's consumer analyst"
        if len(core) > 1 and core[0][:1].isupper() and _POSSESSIVE.search(core[0]):
            own_place.add(_POSSESSIVE.sub("", core[0]))  # "Deane’s campaign manager" is not "Halloran’s campaign manager, Neil Ashcombe"
        # Only the head word ignores case: the name pattern relies on capitals.
        # "spokesman Bilal Karimi"; with a comma ("His wife, Ilona Dudek", "The quartet's
        # cellist, Wen Liqing") a relative binds to any name, anyone else to a full name.
        comma = "" if re.fullmatch(_KIN, head_pattern) else capitals(r"(?=[A-Z][\w’'\-]*[ \t]+(?:[a-z]+[ \t]+)*[A-Z])", LATIN1_UPPER)
        # "Hearthly's founder and chief executive, Sunniva Lund": a second role may follow.
        pat_before = cached_regex(rf"\b(?i:{head_pattern})(?:\s+and\s+(?!{_PLACE_PREPOSITIONS}\b)[a-z][\w\-]*"
                                  rf"(?:\s+(?!{_PLACE_PREPOSITIONS}\b)[a-z][\w\-]*){{0,2}})?"
                                  # "a previously unknown group calling itself Black Meridian"
                                  r"(?:\s+(?:calling\s+(?:itself|themselves)|called|named|known\s+as))?"
                                  # "Le maire de Vallombre, Bertrand Lacombe", "the area coroner for North Varrowshire, Alison Threlkeld"
                                  + capitals(r"(?:\s+(?:of|for|de|du|des|von)\s+(?:the\s+|la\s+|l['’])?[A-Z][\w’'\-]*"
                                             r"(?:[ \t]+[A-Z][\w’'\-]*){0,3}(?=,)"
                                             # "Le président du tribunal, Alain Vernet"
                                             r"|\s+(?:du|de\s+la|des|de\s+l['’]|des|vom|der|des|del|de)\s*[\w’'\-]+(?:[ \t]+[\w’'\-]+){0,4}(?=,))?",
                                             LATIN1_UPPER)
                                  + rf"(?:[ \t]+|,[ \t]+{comma})({_BOUND_NAME_RUN.pattern})")  # never across a line
        pat_after = cached_regex(
            rf"({_BOUND_NAME_RUN.pattern}),\s+(?:\d{{1,3}},\s+)?(?:(?:who\s+)?(?:is|was|works|worked)\s+as\s+)?"  # "Lisa Marr, 33, worked as a carer"
            rf"(?:(?:(?:the|a|an|its|their|le|la|un|une|der|die|ein|eine|el|una?)\s+|l['’])(?:[\w\-]+\s+){{0,4}}"
            rf"|(?<=[a-z]{{2}}, )(?:[a-z\-]+\s+){{0,2}})(?i:{head_pattern})\b(?![’']s\b)"  # not "Martin Gale, the executive's head"
        )
        for pat in (pat_before, pat_after):
            for m in pat.finditer(window):
                if pat is pat_after and REPORTING_NEXT.match(self.text, offset + m.end()):
                    continue  # "adrift in the Skerna Strait, the coastguard said": not an appositive
                if pat is pat_after and at_place(window, m.start(), m.group(1)):
                    continue  # "Outside Kelling House, a retired bus driver ...": a place, not his name
                if pat is pat_after and _PREPOSITION_BEFORE.search(window, max(0, m.start() - 12), m.start()) \
                        and (is_org(m.group(1)) or _MEDIA_NAME.search(m.group(1))):
                    continue  # "In an email seen by the Glenarrow Courier, the chief executive ... called": not its chief
                if pat is pat_after and re.search(r"\baccording\b", m.group(0)):
                    continue  # "from neighbouring Marsand, according to survivors"
                if pat is pat_after and noun_modifier and _other_noun_modifier(m.group(0), noun_modifier):
                    continue  # "the guard commander" is not "Vasic, a 44-year-old battalion commander"
                if pat is pat_after and possessor and re.match(r" (?:of|at) ", self.text[offset + m.end() : offset + m.end() + 4]) \
                        and possessor not in self.text[offset + m.end() : offset + m.end() + 60].lower().split(",")[0]:
                    continue  # "The council’s leader" is not "Raj Bhatti, leader of the opposition Independent group"
                if pat is pat_after and re.fullmatch(_KIN, head_pattern) and self.text.startswith(" of ", offset + m.end()):
                    continue  # "the town of Kelloway, the daughter of a trawlerman": someone else's daughter
                prev = re.search(r"([A-Za-z]+)\s+$", window[max(0, m.start() - 20) : m.start()])
                if pat is pat_before and prev and prev.group(1).lower() in _OTHER_OFFICE \
                        and prev.group(1).lower() not in description.lower():
                    continue  # "the mayor" is not "Deputy Mayor Osman Kettleby"
                if not former and (_FORMER.search(m.group(0)) if pat is pat_after
                                   else _FORMER_BEFORE.search(window, max(0, m.start() - 30), m.start())):
                    continue  # "the governor" is not "Christine Todd Whitman, the former New Jersey governor"
                if pat is pat_before and prev and own_party and party_of(prev.group(1)) not in (None, own_party):
                    continue  # "the Democratic presidential candidate" is not "Republican presidential candidate Marco Rubio"
                if pat is pat_before and prev and prev.group(1).lower() in _ROLE_MODIFIERS \
                        and own_modifier and prev.group(1).lower() != own_modifier:
                    continue  # "the assistant coach" is not "head coach Rasmus Engel"
                if pat is pat_before and own_place and not own_place & set(m.group(0).split()) \
                        and _other_place_before(window, m.start(), own_place):
                    continue  # "the Skelbridge coach" is not "Dunmarrow head coach Brian Tolland"
                if all(w.lower() in _CALENDAR for w in m.group(1).split()) or re.fullmatch(r"[A-Z][a-z]+ing", m.group(1)) \
                        or _opener(m.group(1)) or self.foreign and m.group(1).lower() in FOREIGN_FUNCTION_WORDS:
                    continue  # "on Wednesday, with the judge telling him", "Sentencing, Judge ...", "Instead, the businessman", "Enfrente, la Asociación"
                if not _inside(offset + m.start(), self.headlines):
                    hits.append((m.start(), m.group(1)))
                    if own_place and own_place & set(re.findall(r"[\w’'\-]+", m.group(0) + re.split(r"[.;\n]", window[m.end() : m.end() + 80])[0])):
                        placed.append(hits[-1])  # "the Lakeland archaeologist": "Joan Pelletier, 61, an archaeologist at Lakeland State University"
        hits = placed or hits
        if not hits:
            return None
        if forward:
            return self.canonical_name(min(hits)[1], position)
        bound = {self.canonical_name(name, position) for _, name in hits}
        para = self.text.rfind("\n", 0, position) + 1
        if len(bound & self.spoken) == 1 and not forward \
                and not any(para <= offset + at for at, _ in hits):
            # Three judges on the bench, one giving the judgment: 'the judge said' is the one
            # already quoted, not the last one named (unless another is named in its paragraph).
            return next(iter(bound & self.spoken))
        if len(bound) > 1:
            # Two coaches: the one the text last spoke of ("Fjell said ... The coach said").
            last = [(m.start, self.canonical_name(m.name, m.start)) for m in self.names if m.start < position
                    and self.text[m.end : m.end + 2] not in ("'s", "’s")]  # not "Holmqvist's department"
            last = [p for p in last if p[1] in bound]
            if last:
                return max(last)[1]
        return self.canonical_name(max(hits)[1], position)

    def is_place(self, name: str) -> bool:
        """A one-word name the article also uses as a place ('talks in Mirzan' ... 'Mirzan
        said'): a capital speaking for its government, never he or she."""
        name = name.strip()
        if not name[:1].isupper():
            return False
        if name.upper() in self.dateline_places:
            return True  # "BRENMOUTH - The city council ..." then "Brenmouth unveils plan"
        if " " in name:  # 'Fennick Cross', 'Carrow Ridge': 'in Fennick Cross', and no given name
            if name.split()[-1].lower() in _STREET_HEADS and mention_type(name) == "name" and not is_org(name):
                return True  # "Cliff Road", though Cliff is a given name
            if mention_type(name) != "name" or first_name_gender(name) or is_org(name):
                return False  # "The winchman on the rescue helicopter" is someone
            return _place_like(name) or bool(cached_regex(
                rf"\b(?:in|at|near|outside|above|below|around|across|beyond|en|à|aus|nach|desde|hacia)\s+{re.escape(name)}\b(?![’']s)").search(self.text))
        return bool(cached_regex(rf"\b(?:in|to|from|at|near|outside|across|into|via|en|à|aus|nach|desde|hacia"
                                 rf"|(?:capital|state|country|people|government|embassy|borders?) of)\s+{re.escape(name)}\b").search(self.text))

    @cached_property
    def dateline_places(self) -> set[str]:
        """The places datelines name, in capitals ('CARROW RIDGE'), and the country wire
        copy writes after the town ('AMBARI, Kelunda, Oct 14 (Wire) -' gives KELUNDA)."""
        out = set()
        for a, b in dateline_spans(self.text):
            out.add(re.split(r"[,(—–-]", self.text[a:b])[0].strip())
            country = _DATELINE_COUNTRY.match(self.text, a, b)
            if country and country.group(1).split()[0].lower().rstrip(".") not in _CALENDAR \
                    and not re.match(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b", country.group(1)):
                out.add(country.group(1).upper())
        return out

    def bound_later(self, description: str, position: int) -> str | None:
        """The first name the article binds to a description's head after it: a lede's
        'the judge' is 'Judge Philippa Ackerly' of a later paragraph."""
        head = mention_head(description).lower()
        if not head or head in PRONOUNS or head in _GENERIC_DESCRIPTION_WORDS:
            return None
        return self._bound_name_head(re.escape(head), position, description, forward=True)

    def match_side(self, description: str) -> str | None:
        """Who 'the runner-up' or 'the new champion' of a match report is: the one the
        story says was beaten ('came from 4-2 down to beat the second seed, Carla
        Ibarreche'), or the subject of the sentence that says so."""
        core = mention_core(description).lower().split()
        if len(core) < 2 or core[0] != "the" or not (set(core[1:-1]) <= {"new"}):
            return None  # "the defending champion" is someone else's title
        side = _MATCH_SIDES.get(core[-1])
        if side is None:
            return None
        for m in _BEATEN.finditer(self.text):
            if _inside(m.start(), self._headline_lines):
                continue  # "Marsik fights back to beat Ibarreche for Rosenthal Open title"
            name = next((n for n in self.names if n.start == m.start(1)), None)
            if name is None or is_org(name.name) or self.is_place(name.name) or len(name.name.split()) < 2:
                continue
            if side == "loser":
                return self.canonical_name(name.name, name.start)
            start = sentence_start(self.text, m.start())
            dateline = DATELINE.match(self.text, start)  # "KESTREL BAY — Tamsin Roeder saved ... to beat"
            start = dateline.end() if dateline else start
            subject = next((n for n in self.names if n.start == start and n.end < m.start()), None)
            if subject is not None and not is_org(subject.name) and len(subject.name.split()) > 1:
                return self.canonical_name(subject.name, subject.start)
            return None
        return None

    def named_after_lede(self, description: str, position: int) -> str | None:
        """Wire copy describes in the lede and names in the next paragraph: 'Korlund's
        finance minister unveiled a budget ...' then 'Helena Vostrup, presenting her second
        budget, said ...'. The person opening that paragraph, for a description whose head
        the lede uses while naming nobody before or beside it; a paragraph opening on someone
        the lede names only in what was said ('he saw Owen Barclay swing first') is skipped."""
        head = mention_head(description).lower()
        if not head.isalpha() or head in ORG_HEADS or head in PRONOUNS or head in _GENERIC_DESCRIPTION_WORDS:
            return None
        blocks = [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", self.text)]
        if blocks and _inside(blocks[0][0], self._headline_lines):
            blocks = blocks[1:]
        if len(blocks) < 2:
            return None
        lede_start, lede_end = blocks[0]
        words = re.findall(r"[\w’'\-]+", self.text[lede_start : sentence_end(self.text, lede_start)].lower())[:10]
        if (position < lede_start and not _inside(position, self._headline_lines)) \
                or head not in words or "of" in words[: words.index(head)]:
            return None  # the lede's subject (or the headline's): "The brother of a former mayor" is no mayor
        in_lede = [(p, n) for p, n in self.people_before(lede_end) if lede_start <= p < lede_end]
        if any(p < position + len(description) + 40 for p, _ in in_lede):
            return None  # the lede names someone before or beside it: the description may be theirs
        named = {n for _, n in in_lede}
        for next_start, next_end in blocks[1:4]:
            first = [n for p, n in self.sentence_subjects(next_end) if next_start <= p < sentence_end(self.text, next_start)]
            if not first:
                return None
            if first[0] not in named:
                return first[0]
        return None

    def identified_later(self, description: str, position: int) -> str | None:
        """The name a later sentence gives the described person in so many words: 'A woman
        who lives opposite the shop said ...' then 'The woman, Sandra Mellick, 67, said'; 'the
        UN envoy ...' then 'The envoy, Halima Vestergaard'."""
        head = mention_head(description).lower()
        if not head.isalpha() or head in ORG_HEADS or head in PRONOUNS:
            return None
        # "The second witness, Lisa Marr" is someone else than the witness before her.
        intro = cached_regex(rf"\b[Tt]he\s+(?!(?:second|third|fourth|fifth|next|other|another|last|final|new)\b)"
                             rf"(?:[\w\-]+\s+){{0,2}}{re.escape(head)}"
                             r"(?:\s+(?:who|that)\s+[^,.;:\"“”\n]{1,60}?)?,\s+$")
        for m in self.names:
            if m.start > position and len(m.name.split()) > 1 and not is_org(m.name) \
                    and intro.search(self.text[max(0, m.start - 60) : m.start]) \
                    and self.text[m.end : m.end + 1] in (",", " "):
                return self.canonical_name(m.name, m.start)
        return None

    def gender(self, name: str, ignore: int | None = None) -> str | None:
        """'m', 'f' or None for a speaker, from what the article says.

        A description carries its own ('a police spokeswoman'); failing that, and for a
        name, the places the article writes it: honorifics (Mr, Ms), gendered nouns in an
        appositive ('Ngozi Okafor, his sister'), and the first he/she/his/her after it in
        its sentence, or opening the next sentence ('... 20 years. She said:'), unless
        another name comes first (then the pronoun may be theirs). ``ignore`` is the
        position of the pronoun being resolved, which cannot be evidence for itself.
        """
        if name not in self._gender_cache:
            votes = self._gender_evidence(name)
            given = first_name_gender(name) if mention_type(name) == "name" and not is_org(name) else None
            if given:
                # 'Claire Donnelly ... Mr Donnelly, 79': an honorific or a noun of the other
                # gender before her surname is a relative's; only pronouns can still outvote her name.
                votes = [v for v in votes if v[0] == given or v[2] is not None] + [(given, 2, None)]
            self._gender_cache[name] = votes
        votes = {"m": 0, "f": 0}
        for g, weight, where in self._gender_cache[name] + self._noted.get(name, []):
            if where is None or where != ignore:
                votes[g] += weight
        return None if votes["m"] == votes["f"] else ("m" if votes["m"] > votes["f"] else "f")

    def note_gender(self, name: str, gender: str, position: int) -> None:
        """Record that the he/she at ``position`` was resolved to ``name``: 'Reyes ...
        "...," he said' makes Reyes a he for the pronouns that follow."""
        self._noted.setdefault(name, []).append((gender, 1, position))

    def _gender_evidence(self, name: str) -> list[tuple[str, int, int | None]]:
        """(gender, weight, position of the pronoun it rests on or None) for ``gender``."""
        votes: list[tuple[str, int, int | None]] = []
        if mention_type(name) == "description":
            own = {"m": 0, "f": 0}
            for w in re.findall(r"[a-z]+", mention_core(name).lower()):
                if w in _MALE:
                    own["m"] += 1
                if w in _FEMALE:
                    own["f"] += 1
            votes += [(k, v, None) for k, v in own.items() if v]
            if own["m"] == own["f"]:
                pattern = rf"(?i)\b{re.escape(name)}\b"
                for m in cached_regex(pattern).finditer(self.text):
                    self._context_votes(m.start(), m.end(), votes)
        else:
            surname = name.split()[-1]
            shared = len({n.name for n in self.names if n.name.split()[-1] == surname and len(n.name.split()) > 1}) > 1
            # Two Okafors: only the full name tells them apart, and the bare surname where
            # it belongs to this one (``_surname_owner``).
            key = re.escape(name) if shared else re.escape(surname)
            spans = [m.span() for m in cached_regex(rf"\b{key}\b").finditer(self.text)]
            if shared:
                forms: dict[str, NameMention] = {}
                for n in self.names:
                    if n.name.split()[-1] == surname and len(n.name.split()) > 1:
                        forms.setdefault(n.name, n)
                if self._surname_owner(surname, forms) == name:
                    spans += [(n.start, n.end) for n in self.names if n.name == surname]
            for m_start, m_end in sorted(spans):
                before = self.text[max(0, m_start - 30) : m_start].lower()
                if re.search(r"\b(?:mr|sir|lord|king|prince)\.?\s*(?:\w+\s+)?$", before):
                    votes.append(("m", 3, None))
                if re.search(r"\b(?:mrs|ms|miss|dame|lady|queen|princess)\.?\s*(?:\w+\s+)?$", before):
                    votes.append(("f", 3, None))
                # "Chairman Emeka Okafor", "his sister, Ngozi", "9/11 widow Terry Strada"
                noun = _NOUN_BEFORE_NAME.search(self.text, max(0, m_start - 40), m_start)
                word = noun.group(1).lower() if noun else ""
                if word in _MALE - _PRONOUN_WORDS:
                    votes.append(("m", 2, None))
                if word in _FEMALE - _PRONOUN_WORDS:
                    votes.append(("f", 2, None))
                self._context_votes(m_start, m_end, votes)
        return votes

    def _context_votes(self, start: int, end: int, votes: list[tuple[str, int, int | None]]) -> None:
        """Add the gender evidence that follows one occurrence of a speaker."""
        home = _HOMETOWN.match(self.text, end)  # "Johnnie Wilson, of Springfield, Va., said he ...": not another name
        after = home.end() - 1 if home else end  # the words after the name (and its hometown)
        window = self.text[after : after + 600]
        sentences = re.split(r"(?:(?<=[.!?:])|(?<=[.!?][\"”’]))\s+", window, maxsplit=2)
        rest = sentences[0]
        appos = re.match(r",\s+((?:[\w’'\-]+\s+){0,6}?[\w’'\-]+),", rest)
        if appos and re.match(r"\s+[A-Z][a-z]", rest[appos.end() :]):
            appos = None  # "Callum Mercer, his mother, Joanne Mercer, ...": she is the mother
        if appos and appos.group(1).lower().startswith("whose "):
            appos = None  # "Margaret Marlowe, whose grandfather opened the business,": his, not her
        if appos:
            for w in re.findall(r"[a-z]+", appos.group(1).lower()):
                if w in _MALE - _PRONOUN_WORDS:
                    votes.append(("m", 2, None))
                if w in _FEMALE - _PRONOUN_WORDS:
                    votes.append(("f", 2, None))
        # An appositive's own pronouns ("Tom Reyes, her deputy,") are about someone else.
        scan = [(after + (appos.end() if appos else 0), rest[appos.end() if appos else 0 :])]
        speaks = any(s <= start and end <= e for s, e in self.source_spans)
        if speaks and len(sentences) > 1 and _name_free(self.text[start:end], rest):
            # "Maren Ekdal ... said the team had ... . She said:" - a sentence that opens
            # with a pronoun continues with the person who has just spoken.
            nxt = re.match(r"(He|She|His|Her)\b", sentences[1])  # not inside a quote: that is the speaker's own
            if nxt:
                scan.append((after + window.find(sentences[1], len(rest)), nxt.group(1)))
        for offset, chunk in scan:
            # Quoted words ("known as 'the Lighthouse'") are nicknames or titles, not people.
            chunk = _QUOTED.sub(lambda q: " " * len(q.group(0)), chunk)
            reported = False
            for tok in re.finditer(r"[A-Za-z’']+", chunk):
                w = tok.group(0)
                if w[0].isupper() and tok.start() > 0 and w.lower() not in _MALE | _FEMALE:
                    break  # another name: later pronouns may be about them
                if w.lower() in _REPORTED_CLAUSE_OPENERS:
                    reported = True
                elif reported and w.lower() in ("his", "her", "hers"):
                    continue  # "X told reporters that the family had never doubted his innocence"
                if w.lower() in ("he", "his", "himself"):  # not "him": an object is someone else
                    votes.append(("m", 1, offset + tok.start()))
                    return
                if w.lower() in ("she", "her", "hers", "herself"):
                    votes.append(("f", 1, offset + tok.start()))
                    return

    def people_before(self, position: int, surnames: bool = False, since: int | None = None) -> list[tuple[int, str]]:
        """Every person named in full before ``position``: the last resort for a pronoun
        or a role whose antecedent the tagger never marked ('Every Thursday at dawn, Wilma
        Kallweit climbs ...'. "...," she says). With ``surnames``, also the lone surnames
        that stand for someone named in full ('Late on Friday, Dahlberg sits alone'), and
        from ``since`` on those that do not act too ('Deane accused Halloran of ..., and she')."""
        if self._people is None:  # computed once per article: every pronoun may ask
            self._people = []
            for m in self.names:
                if is_org(m.name) or _inside(m.start, self.headlines):
                    continue
                lone = len(m.name.split()) < 2 and not self._known_by_given_name_only(m)
                if lone and len(self.canonical_name(m.name, m.start).split()) < 2:
                    continue
                words = [w.lower() for w in m.name.split()]
                if any(w in PRONOUNS or w in _CALENDAR for w in words) or _place_like(m.name):
                    continue  # "Every Thursday", "St Oswin", "River Asker", "Corran Street"
                if self.text[m.start - 1 : m.start] in OPEN_MARKS and self.text[m.end : m.end + 1] in CLOSE_MARKS:
                    continue  # "his memoir, ‘Nobody Asked Us’": a title
                if self.text[m.end : m.end + 2] in ("'s", "’s") and not first_name_gender(m.name):
                    continue  # "St Oswin's tower": a thing named after someone; not "Mairead Cowan's hands"
                if names_a_thing(self.text, m.start, m.end):
                    continue  # "on the Cherry Tree estate", "the Halvorsen report": a thing, not a person
                self._people.append((m.start, self.canonical_name(m.name, m.start), lone))
        return [(p, n) for p, n, lone in self._people if p < position and (
            not lone or surnames and (self._acts(p) or since is not None and p >= since))]

    def _acts(self, start: int) -> bool:
        """A lone surname followed by its verb ('Dahlberg sits alone', 'the elder Penhallow
        laughed') is someone the story is about; one followed by a preposition ('first
        played Hovland at', 'asked by the Courier in') is an object or a thing."""
        word = _NEXT_WORD.match(self.text, start)
        return bool(word) and word.group(1) not in _NOT_VERBS and not _inside(start, self.quoted)

    def _known_by_given_name_only(self, m: NameMention) -> bool:
        """'a man who gave his name as Yusuf', 'said Mariam, 34': a person the story names
        by a given name alone, never with a surname (not a surname or a place)."""
        if m.name.lower() not in _given_names() or self.is_place(m.name) or in_double_quotes(self.text, m.start) \
                or self.text[m.start - 1 : m.start] in OPEN_MARKS:  # "'Teddy has been waiting,' he said"
            return False
        return self.canonical_name(m.name, m.start) == m.name and not any(
            len(n.name.split()) > 1 and m.name in n.name.split() for n in self.names)

    def sentence_subjects(self, position: int) -> list[tuple[int, str]]:
        """People named at the opening of a sentence before ``position``: the subjects a
        later he/she most often refers to ('Ngozi Okafor, 57, ... hit back. "..." she
        said'), even when the tagger did not mark them as sources."""
        if self._subjects is None:
            self._subjects = []
            for m in self.names:
                # "Mr. Scott, who has called Mr. Trump's comments", "took aim at Sen. Marco
                # Rubio": an abbreviated title's full stop ends no sentence; the sentence must
                # open before the title.
                title = _TITLE_BEFORE.search(self.text, max(0, m.start - 6), m.start)
                abbrev = _ABBREVIATED_TITLE_BEFORE.search(self.text, max(0, m.start - 8), m.start)
                at = abbrev.start() if abbrev else m.start
                if is_org(m.name) or not _SENTENCE_OPENING.search(self.text[max(0, at - 60) : at]):
                    continue
                if _POSSESSOR_OF_NAMED.match(self.text, m.end):
                    continue  # "Pell's barrister, Ambrose Keel, told": the barrister is the subject
                if self.text[m.start - 1 : m.start] in OPEN_MARKS and self.text[m.end : m.end + 1] in CLOSE_MARKS:
                    continue  # "The bank's latest “Financial Stability Review”": a title
                if names_a_thing(self.text, m.start, m.end):
                    continue  # "The Independent Vermont senator vowed": the senator is the subject
                self._subjects.append((m.start, (title.group(0) if title else "") + m.name, title is None))
        out = []
        for start, mention, fixed in self._subjects:
            if start >= position:
                continue
            # "Mr Ashcombe, 58, ... said" is whichever man of the two Ashcombes has been
            # speaking, which changes as quotes are attributed: only untitled ones are kept.
            full = self._subject_names.get(start) if fixed else None
            if full is None:
                full = self.canonical_name(mention, start, given=False)
                if fixed:
                    self._subject_names[start] = full
            # "But", "Many", "Opposition": capitalised only at a sentence start; a lone
            # surname counts when it stands for a person named in full ("Varga has ...").
            if len(full.split()) >= 2 and not is_org(full) and not any(w.lower() in PRONOUNS for w in full.split()):
                out.append((start, full))
        return out

    def common_plural(self, name: str) -> bool:
        """``common_plural`` for this text, kept: every he and she asks it of every candidate."""
        if name not in self._common_plurals:
            self._common_plurals[name] = common_plural(self.text, name)
        return self._common_plurals[name]

    def name_with_head(self, head: str | Iterable[str], position: int) -> str | None:
        """The latest organisation named before ``position`` whose name ends in ``head``
        (or in any of several heads) ('the ministry' -> 'Interior Ministry', 'the union' ->
        '... Workers' Union'); failing that, the first one named after it (a lede: 'the
        coastguard said' before 'Skerna Coastguard' is spelled out)."""
        wanted = {head} if isinstance(head, str) else set(head)
        def heads(name: str) -> set[str]:
            # "Interior Ministry" ends in its head; "Royal Guild of Nurses" has it before "of".
            words = [w.lower().strip("’'") for w in name.split()]
            out = {words[-1]}
            # "Varnholt Institute for Aging Research", "Société des transports de Vallombre"
            for link in ("of", "for", "de", "des", "du", "del"):
                if link in words[1:]:
                    out.add(words[words.index(link, 1) - 1])
            return out

        def compound(name: str) -> bool:  # "Industriegewerkschaft Metall" for "die Gewerkschaft", "Gemeinde Moosreuth"
            return any((len(w) > len(h) + 3 and w.lower().endswith(h))
                       or (w.lower() == h and (h in FOREIGN_ORG_HEADS or (len(h) > 8 and h.endswith(_GERMAN_ORG_ENDINGS))))
                       for w in name.split() for h in wanted if len(h) > 4)

        hits = [m for m in self.names if len(m.name.split()) > 1 and (heads(m.name) & wanted or compound(m.name)
                or "group" in wanted and _GROUP_AFTER.match(self.text, m.end))]  # "the Save Pelham Fields campaign group"
        before = [m for m in hits if m.start < position]
        best = before[-1] if before else (hits[0] if hits else None)
        return self.canonical_name(best.name, best.start) if best else None

    @cached_property
    def _orgs_by_first_word(self) -> dict[str, set[str]]:
        """'Ibis' -> {'Ibis Cell Technologies'}: the organisations a lone first word may stand for."""
        full: dict[str, set[str]] = {}
        for m in self.names:
            if is_org(m.name) and len(m.name.split()) > 1:
                full.setdefault(m.name.split()[0], set()).add(m.name)
        return full

    @cached_property
    def described_companies(self) -> set[str]:
        """Names the story itself calls a company: 'Tidewell, a start-up that ...', 'the
        payments company Vessa'. Their names carry no organisation word, and without this
        'the company said' would fall to whoever spoke last."""
        out = set()
        for m in self.names:
            if _DESCRIBED_COMPANY.match(self.text, m.end) or _COMPANY_BEFORE.search(self.text, max(0, m.start - 30), m.start) \
                    or _STAFF_AFTER.match(self.text, m.end) and not _place_like(m.name) and not first_name_gender(m.name):
                out.add(self.canonical_name(m.name, m.start))  # "A Westmere Water spokesman said"
        return out

    @cached_property
    def companies(self) -> set[str]:
        """Described companies no given name makes a person: 'Ruth Delacourt, a banking
        analyst at the brokerage Arden Hale' - so the next 'she' is Ruth Delacourt."""
        return self.described_companies & self.neuter

    @cached_property
    def neuter(self) -> set[str]:
        """Names the story treats as things, whatever their words: 'Valbruck City Transit
        said it ...', 'Castlemere Aggregates, which ...', 'the charity Open Harbour'. What
        'it' can refer to besides names with an organisation word."""
        out = set(self.described_companies)
        for m in self.names:
            if _NEUTER_AFTER.match(self.text, m.end) or _CHARITY_BEFORE.search(self.text, max(0, m.start - 30), m.start):
                out.add(self.canonical_name(m.name, m.start))
        return {n for n in out if not first_name_gender(n)}

    def latest_org(self, position: int) -> str | None:
        """The company 'the company' means at ``position``: of the companies named before
        it, the first one named in its paragraph ('Shares in Veltrano Systems fell ... The
        company said' -> Veltrano Systems), else the one named most often, the first named on a
        tie. A story is about one company; an analyst's firm or a partner named once in
        between is not who 'the company' is."""
        full = self._orgs_by_first_word
        orgs = []  # (start, canonical name)
        for m in self.names:
            if m.start >= position or _inside(m.start, self.headlines):
                continue
            name = self.canonical_name(m.name, m.start)
            if name and len(name.split()) == 1 and len(full.get(name, ())) == 1:
                name = next(iter(full[name]))
            if not name or any(w.lower() in _NOT_COMPANIES for w in name.split()):
                continue
            if is_org(name) or name in self.described_companies:
                orgs.append((m.start, name, True))
            elif name in self.neuter:  # "Sierra Vale Power, which owns the line, said": in its paragraph only
                orgs.append((m.start, name, False))
        para = self.text.rfind("\n", 0, position) + 1
        in_para = [name for start, name, _ in orgs if start >= para]
        if in_para:  # "Ibis, founded in 2011, said ... The company said": the paragraph's own
            return in_para[0]
        seen: dict[str, int] = {}
        for _, name, company in orgs:
            if not company:
                continue
            seen[name] = seen.get(name, 0) + 1
        return max(seen, key=seen.__getitem__) if seen else None  # on a tie, the first named

    def court_role(self, role: str) -> str | None:
        """Who 'the defendant', 'the prosecutor' or 'the judge' is in a court story, read
        from how the story introduces people: 'the trial of Declan Forde, 44, who denies
        murder', 'Nadia Carrow KC, prosecuting', 'Judge Richard Calverley'. The first one
        introduced that way."""
        pattern = _COURT_INTRODUCTIONS.get(role)
        if pattern is None:
            return None
        for m in self.names:
            if is_org(m.name) or _inside(m.start, self.headlines) or self.is_place(m.name) or _place_like(m.name):
                continue  # "a scaffolder from Kellingford, denies murder": the man, not the town
            before = self.text[max(0, m.start - 80) : m.start]
            after = self.text[m.end : m.end + 80]
            if pattern[0].search(before) or pattern[1].match(after) or pattern[2].match(m.name):
                return self.canonical_name(m.name, m.start)
        return None

    def is_court_officer(self, name: str) -> bool:
        """Whether the article names ``name`` as a lawyer or the judge ('Mr Coyle’s barrister,
        Naomi Fairweather', 'Adrian Pell KC', 'Judge Ackerly'): never 'the witness'."""
        for m in self.names:
            if self.canonical_name(m.name, m.start) != name:
                continue
            if _COURT_ROLE_BEFORE.search(self.text, max(0, m.start - 40), m.start) \
                    or _COURT_ROLE_AFTER.match(self.text, m.end) or m.name.startswith("Judge ") or self._silk(m):
                return True
        return False

    def first_new_person(self, position: int, reach: int) -> str | None:
        """The first person named in full within ``reach`` after ``position`` whom the
        article has not named before it."""
        before = {n for _, n in self.people_before(position)}
        for p, name in self.people_before(position + reach):
            if p >= position and name not in before and len(name.split()) > 1 \
                    and not _inside(p, self.quoted) and not in_double_quotes(self.text, p):  # "in Castle Hill" in a quote
                return name
        return None

    def latest_lawyer(self, position: int, forward: bool = False, client: str | None = None) -> str | None:
        """The last lawyer named before ``position`` ('Cross-examined by Nadia Brook, for
        the defence', 'prosecuting, Adrian Pell KC'): who 'the barrister asked' is, rather
        than the witness the sentence before was about. ``forward``: failing that, the
        first one named after it (a lede's 'his barrister told the Court of Appeal').
        ``client``: only a lawyer the story ties to that person by their full name
        ('Harriet Osei, who represents Marisa Rendell'): who 'her lawyer' is."""
        found = None
        for m in self.names:
            if m.start >= position and (found or not forward):
                break
            if _LAWYER_BEFORE.search(self.text, max(0, m.start - 40), m.start) or _LAWYER_AFTER.match(self.text, m.end) \
                    or self._silk(m):
                name = self.canonical_name(m.name, m.start)
                if client is None or name != client and self._acts_for(m, client):
                    found = name
        return found

    def _acts_for(self, m: NameMention, client: str) -> bool:
        """Whether the story ties the lawyer named at ``m`` to ``client`` by full name:
        'Harriet Osei, who represents Marisa Rendell', 'Marisa Rendell’s barrister, ...'."""
        who = re.escape(client)
        return bool(cached_regex(rf",\s+(?:who\s+(?:represents|is\s+representing|acts\s+for)|representing|acting\s+for)\s+{who}\b")
                    .match(self.text, m.end)
                    or cached_regex(rf"\b{who}[’']s\s+(?:[a-z]+\s+)?(?:lawyer|barrister|solicitor|counsel|attorney),?\s+$")
                    .search(self.text, max(0, m.start - len(client) - 40), m.start))

    def _silk(self, m: NameMention) -> bool:
        """Whether a name is written with 'KC' or 'QC': its span keeps the letters ('Gethin
        Lowe KC') that the name itself drops."""
        return self.text.endswith((" KC", " QC"), m.start, m.end) or m.name.endswith((" KC", " QC"))

    def relative_of(self, owner: str, kin: str, position: int) -> str | None:
        """``owner``'s ``kin`` ('Bence Varga', 'father'): the one other person of the
        article sharing the owner's surname and of the relation's gender ('Tamás Varga'),
        or, of several, the one the text calls that relative ('his father, Arne
        Haldorsen'). None when the story gives no such person: the caller decides."""
        want = _KIN_GENDER.get(kin.lower())
        words = owner.split()
        if not want or len(words) < 2 or is_org(owner):
            return None
        family = {n for _, n in self.people_before(len(self.text))
                  if n != owner and n.split()[-1] == words[-1] and self.gender(n, position) in (want, None)}
        known = {n for n in family if self.gender(n, position) == want}
        family = known or family

        def named_as(n: str, kins: str) -> bool:  # "his father, Arne Haldorsen", "Tamás Varga, Bence's father"
            return bool(cached_regex(
                rf"\b(?:{kins})\b,?\s+(?:[a-z]+\s+)?(?:{re.escape(n)}|{re.escape(n.split()[0])}\b)"
                rf"|{re.escape(n)},\s+(?:\d{{1,3}},\s+)?(?:his|her|[\w\-]+['’]s)\s+(?:{kins})\b", re.IGNORECASE).search(self.text))

        def owns(n: str) -> bool:  # "Kayleigh Pruett, Graham's daughter": Graham is her father
            whose = rf"(?:{re.escape(n)}|{re.escape(n.split()[0])})['’]s\s+(?:{_KIN_INVERSE.get(kin.lower(), kin)})"
            return bool(cached_regex(rf"{re.escape(owner)},\s+{whose}\b|\b{whose},\s+{re.escape(owner)}").search(self.text))

        if kin.lower() in ("wife", "husband"):  # "his sister, Réka Varga" is nobody's wife
            others = "|".join(k for k in _KIN_GENDER if k not in ("wife", "husband"))
            family = {n for n in family if named_as(n, kin) or not named_as(n, others)}
        if len(family) > 1:
            named = {n for n in family if named_as(n, kin) or owns(n)}
            if not named and named_as(owner, "son|daughter"):
                # "his daughter, Nia Penhallow, and his son, Owen Penhallow" ... "her brother": a
                # sibling is the other child the story names, and "her father" is not one
                children = {n for n in family if named_as(n, "son|daughter")}
                if kin.lower() in ("brother", "sister"):
                    named = children
                elif kin.lower() in ("father", "mother", "dad", "mum", "mom"):
                    named = family - children
            family = named
        return family.pop() if len(family) == 1 else None

    def relative_by_age(self, description: str, position: int) -> str | None:
        """'the younger Aldana' -> the younger of two people sharing that surname: by the
        ages the article gives, else the one the bare surname does not refer to."""
        m = re.fullmatch(r"(?i:the\s+)?(?i:(younger|elder|older))\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?([A-Z][\w’'\-]+)",
                         description.strip())  # "the younger Ms Varrow"
        if not m:
            kin = re.fullmatch(r"(?i:the\s+(younger|elder|older|eldest|youngest)\s+(?:brother|sister|man|woman|sibling))",
                               description.strip())
            return self._sibling_by_age(kin.group(1).lower()) if kin else None
        which, surname = m.group(1).lower(), m.group(2)
        people = list(dict.fromkeys(n.name for n in self.names
                                    if len(n.name.split()) > 1 and n.name.split()[-1] == surname and not is_org(n.name)))
        if len(people) < 2:
            return people[0] if people else None
        ages = {}
        for p in people:
            a = cached_regex(rf"{re.escape(p)},\s+(\d{{1,3}}),").search(self.text)
            if a:
                ages[p] = int(a.group(1))
        for bare in cached_regex(rf"\b{re.escape(surname)},\s+(\d{{1,3}}),").finditer(self.text):
            before = self.text[max(0, bare.start() - 30) : bare.start()].split()
            if not before or not before[-1][:1].isupper():  # "... this month Tullow, 67, will close":
                ages.setdefault(self.canonical_name(surname, bare.start()), int(bare.group(1)))  # the bare surname's bearer
        if len(ages) >= 2:
            pick = min if which == "younger" else max
            return pick(ages, key=lambda p: ages[p])
        said_elder = [p for p in people if self._called_elder(p)]
        if len(said_elder) == 1 and len(people) == 2 or len(said_elder) == 1 and which != "younger":
            # "Martin Hasketh, 54, the elder of the two brothers"
            return said_elder[0] if which != "younger" else next(p for p in people if p != said_elder[0])
        said_younger = [p for p in people if self._called_younger(p)]
        if len(said_younger) == 1 and which == "younger":
            return said_younger[0]  # "their daughter, Rosa", beside her mother and father
        if len(people) == 2:
            if len(said_younger) == 1:  # "his younger brother, Lieutenant General Karim Haddan"
                return said_younger[0] if which == "younger" else next(p for p in people if p != said_younger[0])
            default = self.canonical_name(surname, position)
            others = [p for p in people if p != default]
            if len(others) == 1:
                return others[0]
        return None

    def _called_younger(self, name: str) -> bool:
        """Whether the story introduces ``name`` as the younger one of a pair: 'his younger
        brother, Karim Haddan', 'her son, Tom Carrow'."""
        given = re.escape(name.split()[0])  # "their daughter, Rosa, who was then four"
        return bool(cached_regex(rf"\b(?:(?:younger|little|kid)\s+(?:brother|sister|sibling)|(?i:his|her|their)\s+(?:son|daughter))"
                                 rf",?\s+(?:(?:[A-Z][\w.’'\-]*\s+){{0,3}}?{re.escape(name)}\b|{given}\b(?![ \t]+[A-Z]))").search(self.text))

    def _called_elder(self, name: str) -> bool:
        """Whether the story calls ``name`` the elder of a pair: 'Martin Hasketh, 54, the
        elder of the two', 'her elder sister, Ines Varrow', or gives them a younger one."""
        return bool(cached_regex(rf"{re.escape(name)},\s+(?:\d{{1,3}},\s+)?the\s+(?:elder|older|eldest)\b"
                                 # "Joe Kellett, the captain, equalised ..., and his younger brother put"
                                 rf"|{re.escape(name)}\b[^.;\n“”\"‘’]{{0,160}}\b(?:his|her)\s+(?:younger|little|kid)\s+(?:brother|sister)\b(?!,?\s+[A-Z])"
                                 rf"|\b(?:elder|older|big|eldest)\s+(?:brother|sister|sibling),?\s+(?:[A-Z][\w.’'\-]*\s+){{0,3}}?"
                                 rf"{re.escape(name)}\b").search(self.text))

    def _sibling_by_age(self, which: str) -> str | None:
        """'the elder brother' in a story about two people sharing a surname ('Ray Dunning
        ... his brother Colin Dunning'): the older or younger of the two by the ages the
        story gives ('Colin, who is 63', 'Ray, who turns 69')."""
        people = list(dict.fromkeys(self.canonical_name(n.name, n.start) for n in self.names
                                    if len(n.name.split()) > 1 and not is_org(n.name) and first_name_gender(n.name)))
        by_surname: dict[str, list[str]] = {}
        for p in people:
            by_surname.setdefault(p.split()[-1], []).append(p)
        aged: dict[str, int] = {}
        for n in self.names:
            name = self.canonical_name(n.name, n.start)
            age = _AGE_AFTER.match(self.text, n.end)
            if age and name in people:
                aged.setdefault(name, int(age.group(1)))
        # the one surname shared by two people of given ages ('Ines Varrow, 52, and her younger
        # sister, Maud Varrow, 47', their late mother Edith Varrow of no age)
        pairs = [ps for ps in by_surname.values() if len(ps) == 2 or sum(p in aged for p in ps) == 2]
        if len(pairs) != 1:
            return None
        ages = {p: aged[p] for p in pairs[0] if p in aged}
        if len(ages) < 2:
            return None
        return (min if which in ("younger", "youngest") else max)(ages, key=ages.__getitem__)

    def leader_of(self, description: str, position: int) -> str | None:
        """'the head of an international observer mission', 'the union leader': the person
        the story introduces as leading it ('Anneke Roos, a former prime minister of Vesland
        who leads the 140-member observer mission'; 'the general secretary of the Almira
        Dockworkers' Union, Elena Castrelo'), wherever in the story that is."""
        low = " ".join(description.split(",")[0].lower().split())
        m = re.fullmatch(rf"(?:the|a|an)\s+{_LEADER}\s+of\s+(?:the\s+|an?\s+|its\s+)?(?:[a-z\-]+\s+)*?([a-z\-]+)", low) \
            or re.fullmatch(r"the\s+([a-z\-]+)\s+(?:leader|chief|boss|director)", low) \
            or re.fullmatch(rf"the\s+([a-z\-]+)[’']s\s+(?:{_LEADER}|director)", low)  # "the museum’s director"
        if not m or m.group(1) in ("deputy", "vice", "assistant", "former", "new", "group", "team"):
            return None
        key = rf"(?i:{re.escape(m.group(1))})\w*"
        run = _BOUND_NAME_RUN.pattern
        for pat in (rf"({run}),\s+[^.;\n]{{0,120}}?\b(?:{_LEADER}\s+of|leads|heads|chairs|runs|(?:has|had)\s+(?:run|chaired|led|headed))"
                    r"\s+(?:the\s+|an?\s+|its\s+)?"  # "Beatrix Hollander, who has chaired the commission since 2016"
                    rf"(?:[\w’'\-]+\s+){{0,5}}?{key}\b",
                    rf"\b{_LEADER}\s+of\s+(?:the\s+)?(?:[\w’'\-]+\s+){{0,5}}?{key},\s+({run})",
                    rf"\b{key}\s+(?:leader|chief|boss)\s+({run})"):
            for hit in cached_regex(pat).finditer(self.text):
                name = self.canonical_name(hit.group(1), hit.start(1))
                if not hit.start() <= position < hit.end() and name and len(name.split()) > 1 \
                        and not is_org(name) and not self.is_place(name):  # not "Tuesday, ... as the head of"
                    return name
        return None

    def age_bound(self, description: str) -> str | None:
        """'the 44-year-old' -> the name written with that age ('Dario Fenn, 44,'); 'the
        teenager' -> the one teenage age the story gives."""
        m = re.search(r"\b(\d{1,3})-(?:year-old|[Jj]ährige[rn]?)\b", description)  # "die 58-Jährige"
        if not m and re.fullmatch(r"(?i:the\s+)teen(?:ager)?", description.strip()):
            ages = {a or b for a, b in re.findall(r"\b(1[3-9])-year-old\b|[A-Za-z], (1[3-9]),", self.text)}
            return self.age_bound(f"the {ages.pop()}-year-old") if len(ages) == 1 else None
        if not m:
            return None
        age = m.group(1)
        for pat in (rf"({_BOUND_NAME_RUN.pattern}),\s+(?:who is\s+|aged\s+)?{age}\b", rf"({_BOUND_NAME_RUN.pattern})\s+\({age}\)",
                    rf"({_BOUND_NAME_RUN.pattern})\s+(?:is|turned|turns)\s+{age}\b(?!-)",  # "Kilby is 87."
                    rf"({_BOUND_NAME_RUN.pattern}),\s+an?\s+{age}-year-old\b",  # "Callum Reid, a 26-year-old flanker"
                    rf"{age}-year-old\s+(?:(?!(?:for|of|at|from|in|with|to|who|which|that|on)\s)[a-z\-]+\s+){{0,3}}({_BOUND_NAME_RUN.pattern})"):
            hit = next((h for h in cached_regex(pat).finditer(self.text) if h.group(1).lower() not in PRONOUNS
                        and not all(w.lower() in _CALENDAR for w in h.group(1).split())), None)  # not "who on Sunday"
            if hit:  # not "He is 17": a pronoun is no name
                return self.canonical_name(hit.group(1), hit.start(1))
        lede = re.search(rf"\b[Aa]n? {age}-year-old(?:[ \t]+[a-z]+)?", self.text)
        if lede:  # "A 16-year-old boy carried his sister ..." ¶ "Callum Mercer, his mother, ..."
            named = self.named_after_lede(lede.group(0), lede.start())
            if named:
                return named
        return self._age_opening(age)

    @cached_property
    def ages(self) -> dict[str, set[str]]:
        """The ages the story gives its people ('Goran Halas, 58,'): 'the 31-year-old' is
        none of those given another age."""
        out: dict[str, set[str]] = {}
        for hit in cached_regex(rf"({_BOUND_NAME_RUN.pattern}),\s+(?:who is\s+|aged\s+)?(\d{{1,3}}),").finditer(self.text):
            if hit.group(1).lower() not in PRONOUNS:
                out.setdefault(self.canonical_name(hit.group(1), hit.start(1)), set()).add(hit.group(2))
        return out

    def other_age(self, name: str, description: str) -> bool:
        """Whether ``name`` is known to be of an age other than the description's."""
        m = re.search(r"\b(\d{1,3})-year-old\b", description)
        return bool(m) and name in self.ages and m.group(1) not in self.ages[name]

    def _age_opening(self, age: str) -> str | None:
        """'Callum Pryde scored ... ¶ The 19-year-old, on as a substitute, ...': a sentence
        that opens with the age goes on about the first person of the last sentence that
        names one ('Ilse Brandvold ... beating Catalina Ferro' is about Brandvold)."""
        opening = re.search(rf"(?:^|[.!?]\s+|\n)(The {age}-year-old)\b(?![ \t]+[A-Z])", self.text)
        if opening:
            in_last = self._last_sentence_people(0, opening.start(1))
            if in_last:
                # "Brannigan said Fenner had ...": the one spoken about, not the speaker
                said = [m.end for m, _ in in_last if REPORTING_NEXT.match(self.text, m.end)]
                about = [n for m, n in in_last if said and m.start > said[0]]
                return (about or [n for _, n in in_last])[0]
        return None

    def age_latest(self, description: str, position: int) -> str | None:
        """'the 31-year-old' that no age in the story settles: the first person of the
        last sentence before it that names one, when it introduces them ('His daughter,
        Vesna Halas, had waited ... ¶ "...," the 31-year-old said'; 'Neben ihm stand Mehmet
        Arslan, ... Der 37-Jährige sagte'), unless the story gives them another age or the
        other sex."""
        if not re.fullmatch(r"(?i:the)\s+\d{1,3}-year-old(?:\s+(?:man|woman))?", mention_core(description).strip()):
            return None  # "the 51-year-old former head teacher" has a role to go by
        if any(re.search(r"\d+", description).group(0) in ages for ages in self.ages.values()):
            return None  # "Goran Halas, 58,": the age binds, whoever was named last
        want = "m" if re.search(r"-year-old\s+man\b", description) else "f" if re.search(r"-year-old\s+woman\b", description) else None
        own = self.text.rfind("\n", 0, position)
        para = self.text.rfind("\n", 0, max(own - 1, 0)) + 1 if own > 0 else 0  # this paragraph and the one before
        in_last = self._last_sentence_people(para, position, full=True)
        if not in_last:
            return None
        # someone the sentence introduces: a person written of before is picked up by the
        # sentences about them, not by an age ("Halloran won" ... "the 46-year-old" Deane)
        start = sentence_start(self.text, in_last[-1][0].start)
        known = {self.canonical_name(m.name, m.start) for m in self.names if m.start < start}
        fits = [n for _, n in in_last if n not in known and not self.other_age(n, description)
                and (want is None or self.gender(n) in (None, want))]
        return fits[0] if fits else None

    def _last_sentence_people(self, lo: int, hi: int, full: bool = False) -> list[tuple[NameMention, str]]:
        """The people named in the last sentence between ``lo`` and ``hi`` that names one:
        whom a sentence opening with an age goes on about. People, not "Carrowmere Open" nor
        "Sabri Liberation Front" ("Josiah Kerimo ... his second marathon" is a man); outside
        quotes ('"Ingrid didn't trust ...," Achterberg said') and headlines; ``full``: named
        in full."""
        before = [(m, self.canonical_name(m.name, m.start)) for m in self.names
                  if lo <= m.start < hi and not _inside(m.start, self.headlines)
                  and not in_double_quotes(self.text, m.start) and not _inside(m.start, self.quoted)]
        before = [(m, n) for m, n in before if (first_name_gender(n) or len(n.split()) > 1 and self.gender(n))
                  and not is_org(n) and (len(n.split()) > 1 or not full)]
        if not before:
            return []
        last = sentence_end(self.text, before[-1][0].start)
        return [(m, n) for m, n in before if sentence_end(self.text, m.start) == last]

    def relative_antecedent(self, position: int) -> str | None:
        """The name a relative pronoun hangs on: 'Ahmad Masud, who said ...'."""
        before = self.text[max(0, position - 200) : position].rstrip(" ,")
        for m in reversed(list(_NAME_RUN.finditer(before))):
            if m.end() == len(before) and not (self.is_place(m.group(0)) and re.search(r"\b(?:from|in|on|at)\s+$", before[: m.start()])):
                return self.canonical_name(m.group(0), position)
            break
        # "Elif Sarac, a former head keeper at the zoo, who said"; "Derek Amos, 67, a retired
        # bus driver from Station Road, who said": past the appositive (and its place).
        appos = re.search(rf"({_BOUND_NAME_RUN.pattern}),\s+(?:\d{{1,3}},\s+)?(?:a|an|the)\s+[^,.;:]{{1,80}}$", before)
        if appos:
            return self.canonical_name(appos.group(1), position)
        return None
