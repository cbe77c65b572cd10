from quoteattr.foreign import (according_to, english_mention, foreign_name, reported_clauses, speaker_beside,
                               subject_in)
from quoteattr.speakers import mostly_foreign


def test_foreign_mentions_are_read_in_english_shape():
    assert english_mention("la maire") == "the maire"
    assert english_mention("die Bürgermeisterin") == "the bürgermeisterin"
    assert english_mention("a-t-elle") == "elle"
    assert english_mention("Selon Météo-Massifs") == "Météo-Massifs"
    assert english_mention("the mayor") == "the mayor" and english_mention("Le Pen") == "Le Pen"
    assert english_mention("sein Verteidiger") == "his verteidiger" and english_mention("Seine Mutter") == "his mother"
    assert english_mention("der 56-Jährige") == "the 56-year-old man" and english_mention("ella") == "she"
    assert foreign_name("Die Schulleiterin Monika Albers-Deeg") == "Monika Albers-Deeg"
    assert foreign_name("Martin Strobl von den Grünen") == "Martin Strobl"
    assert not mostly_foreign("The mayor said the budget was the best the council could do. " * 5)


def test_tagger_mentions_are_cut_to_their_subject():
    text = ("qui dit avoir proposé une table ronde. « Non », a répondu la directrice générale. Le président du "
            "tribunal, Alain Vernet, lui a demandé. Le directeur des ressources humaines du groupe, Laurent "
            "Vasseur, assure que « personne ne sera laissé ».")

    def cut(words: str) -> str | None:
        i = text.index(words)
        span = subject_in(text, i, i + len(words))
        return None if span is None else text[span[0] : span[1]]

    assert cut("dit avoir") is None  # the tagger's English reading of a French verb
    assert cut("répondu la directrice générale") == "la directrice"
    assert cut("tribunal, Alain Vernet, lui") == "Alain Vernet"
    assert cut("Le directeur") == "Laurent Vasseur"  # named in the apposition after its complement


def test_speakers_beside_the_marks_and_by_whom_it_is_according_to():
    def said(text: str, quote: str, foreign: bool = True) -> str | None:
        i = text.index(quote)
        span = speaker_beside(text, i, i + len(quote), foreign)
        return None if span is None else text[span[0] : span[1]]

    assert said("« On ira mercredi », a résumé le délégué syndical.", "On ira mercredi") == "le délégué syndical"
    assert said("„Das tut weh“, sagte die Bürgermeisterin am Dienstag.", "Das tut weh") == "die Bürgermeisterin"
    assert said("«Ustedes han encontrado un culpable», le espetó a Ferrando.", "Ustedes") is None  # said to him
    assert said("« Non », a-t-elle lancé.", "Non", foreign=False) == "elle"  # English copy quoting in French
    assert said('"Yes," so Smith went home.', "Yes,", foreign=False) is None
    text = "Selon la politiste Anne-Laure Pichon, le résultat tient « au rejet du maire »."
    span = according_to(text, text.index("au rejet"))
    assert text[span[0] : span[1]] == "Anne-Laure Pichon"


def test_reported_clauses_with_their_subjects():
    text = ("Hélène Marchal, en poste depuis janvier, a toutefois assuré qu’aucune sanction ne serait prise. "
            "Zugleich räumte Haslinger ein, die Verwaltung hätte früher informieren müssen. "
            "« On ira », a dit le délégué, qui réclame « plus ». "
            "Er kündigte an, im Zivilverfahren Schmerzensgeld zu fordern.")
    found = {text[s:e]: text[a:b] for s, e, (a, b) in reported_clauses(text)}
    assert found == {"aucune sanction ne serait prise": "Hélène Marchal",
                     "die Verwaltung hätte früher informieren müssen": "Haslinger"}


def test_a_short_french_text_is_foreign_copy_and_a_short_english_one_is_not():
    assert mostly_foreign("« Nous ne négocierons pas », a répondu la directrice, Hélène Marchal. "
                          "Selon la préfecture, aucun incident n’a été signalé.")
    assert not mostly_foreign("Los Angeles and Las Vegas police said the suspect was caught on Friday, "
                              "and the mayor said the city would not press charges.")


def test_a_foreign_headline_names_its_speaker_before_a_verb_or_a_colon():
    text = "El Almazor cae en la final de la Copa Norte y Sastre pide “levantar la cabeza”\n\nEl equipo de Álvaro Sastre perdió."
    start = text.index("levantar")
    assert text[slice(*speaker_beside(text, start, text.index("”"), True))] == "Sastre"
    text = "Eislöwen Riedenburg holen Kanadier McAllister – Trainer Laaksonen: »Genau der Spielertyp«\n\nRiedenburg – Die"
    start = text.index("Genau")
    assert text[slice(*speaker_beside(text, start, text.index("«"), True))] == "Trainer Laaksonen"
    body = "Titel\n\nDer Verein holt McAllister – Trainer Laaksonen „Genau der Spielertyp“"
    assert speaker_beside(body, body.index("Genau"), body.index("“"), True) is None  # headlines only


def test_a_word_opening_a_sentence_that_the_text_also_writes_in_lower_case_is_no_subject():
    text = ("Seule exception : le gâteau aux noix, tiré de « Quarante ans de fourneaux ». « C’est la seule recette "
            "que je n’ai pas touchée », reconnaît-elle. Elle a raconté la nuit : « Vers une heure »")
    assert subject_in(text, 0, len("Seule")) is None
    at = text.index("Elle a")
    assert subject_in(text, at, at + 4) == (at, at + 4)  # a pronoun stays one


def test_foreign_court_roles_read_as_the_english_ones():
    assert english_mention("le prévenu") == "the defendant"
    assert english_mention("Der Angeklagte") == "the defendant"
    assert english_mention("la testigo") == "the witness"
    assert english_mention("la maire") == "the maire"  # other roles keep their word: the role synonyms read it
