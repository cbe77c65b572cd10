"""French, German and Spanish copy: who speaks and what is reported where the tagger,
trained on English news, does not see it.

The tagger finds most quotes in marks in any language, but not the speech verbs around
them ('a rétorqué', 'sagte', 'dijo') nor reported speech that has no marks. These rules read
them, and put foreign mentions ('la maire', 'die Bürgermeisterin', 'der 56-Jährige') in the
shape the English speaker rules in ``speakers`` and ``attributor`` read.
"""
from __future__ import annotations

import re

from quoteattr.speakers import FOREIGN_FUNCTION_WORDS, PRONOUN_GENDER, cached_regex, first_name_gender, org_word, sentence_start

# Reporting in French, German and Spanish copy, which the tagger (trained on English) rarely
# marks: a speech verb and its subject next to the marks.
_FOREIGN_VERB = (r"(?:(?:a|avait|ont|avaient)\s+(?:(?:aussi|encore|alors|ensuite|également|aussitôt|pourtant|toutefois|simplement|"
                 r"au\s+contraire)\s+)?|s['’]est\s+|s['’]était\s+|se\s+|(?:le|les|nos|me)\s+(?=[a-zñ]+(?:ó|ió|a|e)\b))?"
                 r"(?:dit|déclaré|affirmé|expliqué|ajouté|précisé|estimé|souligné|lancé|assuré|raconté|"
                 r"confié|indiqué|poursuivi|repris|répondu|insisté|conclu|martelé|reconnu|admis|rappelé|rétorqué|"
                 r"réagi|réjoui|réjouie|inquiété|inquiétée|interrogé|interrogée|lâché|dénoncé|accusé|regretté|prévenu|"
                 r"résumé|plaidé|témoigné|commenté|observé|noté|annoncé|promis|jugé|décrit|écrit|tranché|avancé|"
                 r"glissé|soupiré|sourit|souri|murmuré|protesté|réclamé|fait\s+savoir|exprimé|défendu|détaillé|"
                 r"déclare|affirme|explique|ajoute|précise|estime|souligne|lance|assure|raconte|confie|indique|poursuit|"
                 r"reprend|répond|insiste|conclut|martèle|reconnaît|rappelle|rétorque|dénonce|accuse|regrette|"
                 r"prévient|résume|plaide|témoigne|commente|observe|note|annonce|promet|juge|décrit|écrit|tranche|"
                 r"glisse|soupire|murmure|proteste|réclame|fait\s+savoir|s['’]inquiète|se\s+réjouit|s['’]agace|"
                 r"analyse|invoque|détaille|défend|"
                 r"sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|ergänzte|ergänzt|berichtete|berichtet|"
                 r"fügte\s+hinzu|kritisierte|kritisiert|warnte|warnt|räumte\s+ein|so|schrieb|schreibt|teilte|"
                 r"versicherte|versichert|bestätigte|bestätigt|forderte|fordert|fragte|fragt|antwortete|antwortet|"
                 r"sprach|spricht|erzählte|erzählt|erinnerte|erinnert|entgegnete|sagte\s+dazu|"
                 r"dijo|afirmó|explicó|declaró|señaló|añadió|aseguró|dice|afirma|explica|señala|añade|asegura|"
                 r"indicó|indica|apuntó|apunta|subrayó|subraya|recordó|recuerda|lamentó|lamenta|advirtió|advierte|"
                 r"insistió|insiste|reconoció|reconoce|respondió|responde|manifestó|comentó|comenta|precisó|precisa|"
                 r"sostuvo|sostiene|denunció|denuncia|criticó|critica|contó|cuenta|relató|relata|concluyó|"
                 r"aseveró|expresó|destacó|destaca|espetó|bromea|bromeó|resumía|resume|resumió|admite|admitió|calificó|"
                 r"acusó|informó|anunció|defendió|defiende|pide|pidió|lamentaba|explicaba|decía|aseguraba|contaba|"
                 r"recordaba|reconocía|insistía|advertía|apostilla|apostilló|sentenció|zanjó|replicó|confesó|confiesa|"
                 r"agregó|agrega|admitía|subrayaba|relataba|"
                 r"wandte|kündigte|wies|gab|stellte|hob|machte|gestand|erinnerte|räumte|fügte|unterstrich|bekräftigte)")
FOREIGN_VERB_RE = re.compile(rf"(?<![\w’'\-]){_FOREIGN_VERB}(?![\w’'\-])")
_FOREIGN_DET = r"(?:(?i:les|le|la|une|un|der|die|das|den|dem|des|eine|ein|el|los|las|una)\s|(?i:l['’]))"
_NOT_SUBJECT = ("(?!(?:" + "|".join(re.escape(w.capitalize()) for w in sorted(FOREIGN_FUNCTION_WORDS, key=len, reverse=True))
                + r"|D['’]après|Sa|Son|Ses|Leur)\b)")  # "Dans", "Jeudi", "Für": sentence openers
_FOREIGN_SUBJECT = (rf"(?:(?:(?:M\.|Mme|Mlle|Me|Dr|Prof\.|Herr|Frau|Sr\.|Sra\.)\s+)?{_NOT_SUBJECT}[A-ZÉÈÀÂÖÜÄÑ][\w’'\-]+"
                    r"(?:\s+(?:(?:de|du|von|van|del)\s+)?[A-ZÉÈÀÂÖÜÄÑ][\w’'\-]+)*"
                    # "la Guardia Civil", "le Crédit Agricole": French and Spanish capitalise no common
                    # noun, so an article before capitals opens a name
                    r"|(?:El|La|Los|Las|Le|Les|el|la|los|las|le|les)\s+[A-ZÉÈÀÂÑ][\w’'\-]+"
                    r"(?:\s+(?:(?:de|del|des|du|de\s+la)\s+)?[A-ZÉÈÀÂÑ][\w’'\-]+)+"
                    # "la direction de la STV", "der Sprecher der IGME": whose it is, when named
                    rf"|{_FOREIGN_DET}\s*(?!(?i:mañana|tarde|noche|semana|matin|soir|journée|semaine|nuit|morgen|abend|nacht|tag|woche)\b)"
                    r"[\w’'\-]+(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|der|del)\s*[A-ZÉÈÀÂÖÜÄÑ][\w’'\-]+|\s+[a-zà-ÿ]+(?=\s*[.,;!?]))?"
                    r"|(?i:son|sa|ses|leur|sein|seine|ihr|ihre|su|sus)\s+[\w’'\-]+"  # "son frère", "ihr Sohn"
                    r"|(?i:il|elle|lui|er|sie|él|ella)\b)")
_FOREIGN_OPENING = re.compile(rf"(?:[A-ZÉÀ][^,.!?«»„“\n]{{0,60}},\s+)?({_FOREIGN_SUBJECT})(?:,[^,.!?\n]{{0,80}},)?\s+(?:s['’]est\s+|a\s+|hat\s+)?[a-zéèêàâîôûçäöü]")
_APPOSED_NAME = re.compile(r",[\s\u00a0]+(?:(?:M\.|Mme|Me|Dr|Herr|Frau)\s+)?([A-ZÉÈÀÂÖÜÄÑ][\w’'\-]+(?:[ \t]+[A-ZÉÈÀÂÖÜÄÑ][\w’'\-]+)+)\b")
_APPOSED_AFTER = re.compile(r"(?:[ \t]+[^,.;:!?«»„“\n]{0,60}?)?"
                            + _APPOSED_NAME.pattern)
_TITLED_NAME = re.compile(r"[ \t]+([A-ZÉÈÀÂÖÜÄÑ][\w’'\-]+(?:[ \t]+[A-ZÉÈÀÂÖÜÄÑ][\w’'\-]+)+)\b")  # "la politiste Anne-Laure Pichon"
# "Le critique gastronomique Antoine Ferrier"; not "die Bürgermeisterin dem Kellbacher Boten" (to whom)
_TITLED_AFTER = re.compile(r"(?:[ \t]+(?!(?:dem|den|der|des|à|au|aux|de|du|a|al|del)\b)[a-zà-ÿ][\w’'\-]*){0,2}"
                           + _TITLED_NAME.pattern)
_FOREIGN_INVERTED = re.compile(r"[\s\u00a0\u202f,]*[\w’'éèêàâîôûç]+(?:-t)?-(il|elle)\b")  # « … », dit-il / a-t-elle
# « … », a déclaré le maire; «…», explicó a primera hora de la mañana el jefe de Protección Civil
_FOREIGN_AFTER = re.compile(rf"[\s\u00a0\u202f,]*{_FOREIGN_VERB}"
                            # "informó entonces la Guardia Civil", "a ensuite précisé le maire", "sagte dann der Trainer"
                            r"(?:\s+(?:entonces|también|luego|después|además|ensuite|alors|aussi|encore|dann|auch|noch|später|zudem))?"
                            r"(?:\s+(?:a|à|au|en|ante|tras|este|esta|devant|lors|am|vor|gegenüber|nach|im)\b[^,.;:«»“”„\n]{1,40}?)?"
                            rf"\s+({_FOREIGN_SUBJECT})")
# «…», dijo. / «…», añadió tras la reunión: the subject is not written
FOREIGN_BARE = re.compile(rf"[\s\u00a0\u202f,]*{_FOREIGN_VERB}(?:\s*(?:[.;]|$)|\s+(?:a|en|ante|tras|con|sin|mientras|antes|después|"
                           r"desde|para|por|al|entre)\b)")
_FOREIGN_BEFORE = re.compile(rf"({_FOREIGN_SUBJECT})(?:,[^,.!?«»„“\n]{{0,80}},)?\s+{_FOREIGN_VERB}[^.!?«»„“\"\n]{{0,60}}:"
                             r"[\s\u00a0\u202f]*[«„“\"»]?[\s\u00a0\u202f]*$")


_HEADLINE_BEFORE = re.compile(rf"(?:^|[–—:,]\s+|\s(?:y|und|et)\s+)({_FOREIGN_SUBJECT})(?:\s+{_FOREIGN_VERB}\s*|\s*:\s*)"
                             r"[«„“\"»][\s\u00a0\u202f]*$")


def after_marks(text: str, end: int) -> int:
    """Where the words after a quote's closing marks (and spaces) begin."""
    after = text[end : end + 80]
    return end + len(after) - len(after.lstrip("»”“\"'’‘«„\u00a0\u202f "))


def speaker_beside(text: str, start: int, end: int, foreign: bool) -> tuple[int, int] | None:
    """The subject of a French, German or Spanish speech verb next to a direct quote
    (``start``-``end``): '« … », a-t-il affirmé', '„…“, sagte die Bürgermeisterin', 'Renate
    Schollmeyer sagte: „…“'. Right after the marks the verbs are unmistakable, so English
    copy quoting someone in French gets them too; the verb before the quote only in
    foreign copy."""
    for pattern in (_FOREIGN_INVERTED, _FOREIGN_AFTER):
        m = pattern.match(text, after_marks(text, end))
        if m and (foreign or text[m.start() : m.start(1)].strip(" ,\u00a0\u202f") != "so"):  # '", so Smith went'
            named = _APPOSED_AFTER.match(text, m.end(1))  # "a interrogé son frère, Thomas Garnier"
            return named.span(1) if named else m.span(1)
    before = _FOREIGN_BEFORE.search(text, max(0, start - 160), start) if foreign else None
    if before is None and foreign and "\n" not in text[:start]:
        # a headline's 'Sastre pide “…”', 'Trainer Laaksonen: »…«': a verb or a colon is enough
        before = _HEADLINE_BEFORE.search(text, max(0, start - 80), start)
    return before.span(1) if before else None


_FOREIGN_ACCORDING = re.compile(rf"(?:Selon|D['’]après|Laut|Según|De acuerdo con|Nach Angaben (?:von|der|des))\s+"
                                rf"({_FOREIGN_SUBJECT}|lui|eux|[a-zñáéíóú]+\s+(?:del\s+[a-zñáéíóú]+|[a-zñáéíóú]+)(?=,))")  # "Según fuentes municipales,"


def according_to(text: str, start: int) -> tuple[int, int] | None:
    """'Selon la politiste Anne-Laure Pichon, le résultat tient « … »', 'D’après elle, la
    direction « joue la montre »': a sentence opened by whom it is according to."""
    m = _FOREIGN_ACCORDING.match(text, sentence_start(text, start))
    if m is None or m.end() > start:
        return None
    named = _APPOSED_NAME.match(text, m.end(1)) or _TITLED_NAME.match(text, m.end(1))
    return named.span(1) if named else m.span(1)


_FOREIGN_THAT = re.compile(rf"(?<![\w’'\-])({_FOREIGN_VERB})(?:[ \t]+[\w’'\-]+){{0,4}}?(?:[ \t]+(?:que|qu['’])[ \t]*|,[ \t]+(?:dass[ \t]+)?)(?=\S)")
_BEFORE_VERB = re.compile(r"(?:[\s\u00a0]+[\w’'\-]+){0,3}(?:,[^,.!?\n]{0,80},)?[\s\u00a0]*(?:[\w’'\-]+[\s\u00a0]+){0,3}")  # ", en poste depuis janvier, a toutefois"
_AFTER_CLOSING = re.compile(r"[”“»«\"][ \t]+(?=[A-ZÄÖÜÉÀ])")
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?](?![ \t\n]|$)[^\n.!?]*)*")
_QUOTE_MARKS = re.compile(r"[«»„“”\"]")


def reported_clauses(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """(start, end, subject span) of the reported speech in French, German and Spanish
    copy, which the tagger (trained on English) does not find: '… a assuré qu’aucune
    sanction ne serait prise', 'Renner sagte, ein maskierter Mann habe …', 'Selon les
    enquêteurs, le prévenu sonnait …', '…, a-t-il prévenu'. A clause holding marks reports
    only what is inside them."""
    out = []
    for sent in _SENTENCE.finditer(text):
        s0, s1 = sent.span()
        s0 += len(sent.group(0)) - len(sent.group(0).lstrip())
        closed = list(_AFTER_CLOSING.finditer(text, s0, s1))
        if closed:  # '„… ‚Der tut nichts!‘“ Seitdem könne sie …': the sentence after the quote
            s0 = closed[-1].end()
        found = _reported_clause(text, s0, s1) if s1 - s0 >= 20 else None
        if found is None or _QUOTE_MARKS.search(text, found[0], found[1] + 1) or len(text[found[0] : found[1]].split()) < 4:
            continue
        if re.fullmatch(r"[^,]*\bzu\s+\w+", text[found[0] : found[1]]):
            continue  # "…, im Zivilverfahren Schmerzensgeld zu fordern": an intention, not words reported
        out.append(found)
    return out


def _reported_clause(text: str, s0: int, s1: int) -> tuple[int, int, tuple[int, int]] | None:
    """(start, end, subject span) of the clause a foreign sentence reports, if it does."""
    as_said = _AS_SAID.match(text, s0, s1)
    if as_said:  # "Wie eine Sprecherin des Klinikums sagte, mussten …"
        return as_said.end(), s1, as_said.span(1)
    according = _FOREIGN_ACCORDING.match(text, s0)
    if according:  # "Selon les enquêteurs, …", "Laut Renner …"
        named = _APPOSED_NAME.match(text, according.end(1)) or _TITLED_NAME.match(text, according.end(1))
        start = re.compile(r"[ \t,]*").match(text, (named or according).end()).end()
        return start, s1, named.span(1) if named else according.span(1)
    for comma in re.finditer(",", text[s0:s1]):  # '…, a-t-il prévenu.', '…, teilte das Unternehmen am Mittwoch mit.'
        after = _FOREIGN_INVERTED.match(text, s0 + comma.start()) or _FOREIGN_AFTER.match(text, s0 + comma.start())
        if after and len(text[after.end() : s1].split()) <= 8:
            return s0, s0 + comma.start(), after.span(1)
    for that in _FOREIGN_THAT.finditer(text, s0, s1):
        if _QUOTE_MARKS.search(text, that.end(), s1 + 1):
            continue  # 'reconoció que … «…», aunque defendió que …': the next one
        if _RELATIVE_START.match(text, that.end()):
            continue  # '…», explicó el joven, que todavía no ha podido volver': about him, not his words
        if "," in text[that.end(1) : that.end()] and not _GERMAN_SAYS.fullmatch(that.group(1).split()[-1]):
            continue  # 'a déclaré Franck Dumoulin, délégué du SAC': an apposition; only German reports after a comma
        inverted = _FOREIGN_SUBJECT_RE.match(text, that.end(1) + 1, that.end())
        if inverted and inverted.group(0).lower() not in ("ein", "une", "un", "una"):
            return that.end(), s1, inverted.span()  # "Zugleich räumte Haslinger ein, …": German puts it after the verb
        subject = _subject_before(text, s0, that.start())
        return (that.end(), s1, subject) if subject else None
    return None


_GERMAN_SAYS = re.compile(r"sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|ergänzte|ergänzt|berichtete|berichtet|"
                         r"warnte|warnt|schrieb|schreibt|teilte|versicherte|versichert|bestätigte|bestätigt|forderte|fordert|"
                         r"antwortete|antwortet|erzählte|erzählt|erinnerte|erinnert|entgegnete|kritisierte|kritisiert|"
                         r"wandte|kündigte|wies|gab|stellte|hob|machte|gestand|räumte|fügte|unterstrich|bekräftigte|"
                         r"ein|an|hinzu|mit|zurück|zu|daran|fest|hervor|klar")  # the last word of a German speech verb
_AS_SAID = re.compile(rf"Wie\s+({_FOREIGN_SUBJECT})[^,.;:!?«»„“\n]{{0,40}}?,[ \t]+")
_RELATIVE_START = re.compile(r"(?:que|qui|quien|quienes|donde|dont|où|cuyo|cuya|lequel|laquelle|(?:a\s+)?(?:la|el|lo|los|las)\s+que)\b")
_LEAD = re.compile(r"(?:[A-ZÉÀ][^,.!?\n]{0,60},[ \t]+)(?:[^,.!?\n]{0,60},[ \t]+)?")  # "Dans un communiqué, "


def _subject_before(text: str, s0: int, verb: int) -> tuple[int, int] | None:
    """The subject of a speech verb at ``verb``, from the sentence start or after a lead
    phrase: a name, a pronoun, or a noun phrase with its article ('Ein als Sachverständiger
    geladener Hundetrainer'); an apposed name stands for it ('El abogado defensor, Fernando
    Lucena, sostuvo')."""
    lead = _LEAD.match(text, s0, verb)
    for at in (s0, lead.end()) if lead else (s0,):
        subject = _FOREIGN_SUBJECT_RE.match(text, at, verb)
        gap = _BEFORE_VERB.fullmatch(text, subject.end(), verb) if subject else None
        if gap is None:
            continue
        named = _APPOSED_AFTER.match(text, subject.end(), verb)
        if named:
            return named.span(1)
        if re.match(_FOREIGN_DET, subject.group(0)):  # up to an apposition: "Ein 72 Jahre alter Mann, dessen …,"
            return subject.start(), subject.end() + len(gap.group(0).split(",")[0].rstrip())
        return subject.span()
    return None


def opening_subject(text: str, start: int) -> tuple[int, int] | None:
    """A fragment inside a sentence with no verb next to it: the sentence's subject said
    it ('Le syndicaliste affirme que la direction « … »')."""
    s0 = sentence_start(text, start)
    subject = _FOREIGN_OPENING.match(text, s0) if s0 < start - 1 else None
    return subject.span(1) if subject else None


_FOREIGN_SUBJECT_RE = re.compile(rf"\b(?:{_FOREIGN_SUBJECT})(?![\w’'\-])")


def written_subject(text: str, pos: int) -> str | None:
    """The subject as written at ``pos`` ('la mère'), whose article tells a gender the
    English reading ('the mère') has lost."""
    m = _FOREIGN_SUBJECT_RE.match(text, pos)
    return m.group(0) if m else None


_FOREIGN_PRONOUNS = frozenset("il elle ils elles lui er sie él ella ellos ellas".split())
_GERMAN_OBJECT = re.compile(r"(?<![\w’'\-])(?:den|dem|einen|einem|einer)[ \t]+$")


def subject_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A mention the tagger found in foreign copy (``start``-``end``), kept when it reads as
    a subject (a name, a pronoun, a determiner and noun) and cut to the first one inside it
    otherwise: it reads the words as English and marks 'dit avoir', 'répondu la directrice
    générale' or 'tribunal, Alain Vernet, lui'. A name apposed to a noun stands for it."""
    words = text[start:end]
    if _GERMAN_OBJECT.search(text, max(0, start - 8), start) and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+", words):
        return None  # "Lohmann schüttelte den Kopf:": a noun after 'den', 'dem', 'einen', never a subject
    if re.fullmatch(r"[A-ZÀ-Þ][a-zß-ÿ]+", words) and words.lower() not in PRONOUN_GENDER \
            and words.lower() not in _FOREIGN_PRONOUNS \
            and cached_regex(rf"(?<![\w’'\-]){re.escape(words.lower())}(?![\w’'\-])").search(text):
        return None  # "Seule exception :" beside "la seule recette": a word opening a sentence, not a name
    if words.lower() in PRONOUN_GENDER or _FOREIGN_SUBJECT_RE.fullmatch(words):
        inside = _FOREIGN_SUBJECT_RE.fullmatch(words) or re.fullmatch(r".+", words)
    else:
        inside = _FOREIGN_SUBJECT_RE.search(words)
    if inside is None:
        return None
    cut = start + inside.end()
    determined = re.match(_FOREIGN_DET, inside.group(0))
    named = (_APPOSED_AFTER.match(text, cut) or _TITLED_AFTER.match(text, cut)) if determined else None
    if named:  # "Le directeur des ressources humaines du groupe, Laurent Vasseur, assure", "Le critique gastronomique Antoine Ferrier"
        return named.span(1)
    return start + inside.start(), cut


def foreign_name(speaker: str) -> str:
    """A German or French name with the capitalised nouns and words before it dropped
    ('Die Schulleiterin Monika Albers-Deeg', 'Auch Heinrich Dreyer'): from the first
    given name on."""
    speaker = re.sub(r" (?:von den|vom|aus dem|aus der) [A-ZÄÖÜ]\w+$", "", speaker)  # "Martin Strobl von den Grünen"
    words = speaker.split()
    for i in range(1, len(words) - 1):
        if first_name_gender(" ".join(words[i:])) and not first_name_gender(" ".join(words[i - 1 :])):
            return " ".join(words[i:])
    return speaker


_ENGLISH_DET = {"le": "the", "la": "the", "les": "the", "l'": "the", "l’": "the", "der": "the", "die": "the",
                "das": "the", "den": "the", "dem": "the", "des": "the", "el": "the", "los": "the", "las": "the",
                "sein": "his", "seine": "his", "ihr": "her", "ihre": "her", "son": "the", "sa": "the", "su": "the",
                "un": "a", "une": "a", "ein": "a", "eine": "a", "una": "a"}


# The parties to a trial, whom court copy calls by role: who they are is read from how the
# story introduces them ("où comparaissait Ludovic Sarrazin", "Gonzalo Arévalo, acusado de").
_COURT_HEADS = {w: "defendant" for w in "prévenu prévenue accusé accusée angeklagte angeklagter acusado acusada "
                "procesado procesada".split()} | {w: "witness" for w in "témoin zeuge zeugin testigo".split()}
_SPANISH_PRONOUNS = {"ella": "she", "él": "he", "Él": "he"}
_GERMAN_KIN = {"mutter": "mother", "vater": "father", "sohn": "son", "tochter": "daughter", "bruder": "brother",
               "schwester": "sister", "frau": "wife", "mann": "husband", "ehefrau": "wife", "ehemann": "husband"}


def english_mention(mention: str) -> str:
    """A French, German or Spanish mention in the shape the English rules read: 'la maire'
    -> 'the maire', 'die Bürgermeisterin' -> 'the bürgermeisterin' (a German noun is not a
    name); anything else unchanged."""
    if mention.strip() in _SPANISH_PRONOUNS:  # "explica ella"; "Ella" is a name in English copy
        return _SPANISH_PRONOUNS[mention.strip()]
    inverted = re.fullmatch(r"[\w’'éèêàâîôûç]+(?:-t)?-(il|elle)", mention.strip())
    if inverted:
        return inverted.group(1)  # "a-t-elle"
    according = re.match(r"(?:Selon|Laut|Según)\s+(.+)$", mention.strip())
    if according:
        return according.group(1)  # "Selon Météo-Massifs"
    m = re.match(r"((?i:l['’])|[A-Za-z]+)\s*(.*)$", mention.strip(), re.DOTALL)
    if not m or m.group(1).lower() not in _ENGLISH_DET or not m.group(2):
        return mention
    rest = m.group(2)
    age = re.fullmatch(r"(\d{1,3})-[Jj]ährigen?", rest)
    if age and m.group(1).lower() in ("der", "die"):  # "der 56-Jährige": a man of 56
        return f"the {age.group(1)}-year-old {'man' if m.group(1).lower() == 'der' else 'woman'}"
    if m.group(1).lower() in ("sein", "seine", "ihr", "ihre") and rest.lower() in _GERMAN_KIN:
        return f"{_ENGLISH_DET[m.group(1).lower()]} {_GERMAN_KIN[rest.lower()]}"  # "Seine Mutter": his mother
    if m.group(1).lower() in ("der", "die", "das", "den", "dem", "des", "ein", "eine", "sein", "seine", "ihr", "ihre"):
        # German capitalises nouns: 'die Bürgermeisterin', 'ein Sprecher des Ministeriums', 'Ein 72
        # Jahre alter Mann' are no names (a word before another capital may start one)
        rest = rest[0].lower() + rest[1:]
        rest = re.sub(r"\b([A-ZÄÖÜ][a-zäöüß]+)\b(?![ \t]+[A-ZÄÖÜ])", lambda g: g.group(1) if first_name_gender(g.group(1))
                      else g.group(1).lower(), rest)
    if not (rest[:1].islower() or rest[:1].isdigit()) and not (" " not in rest and org_word(rest)):
        return mention  # "Le Pen", "Die Linke": a name; "la Asociación" is the one named before
    if rest.lower() in _COURT_HEADS:  # "le prévenu", "der Angeklagte": the English court rules read them
        return f"{_ENGLISH_DET[m.group(1).lower()]} {_COURT_HEADS[rest.lower()]}"
    return f"{_ENGLISH_DET[m.group(1).lower()]} {rest if rest[:1].islower() else rest.lower()}"


