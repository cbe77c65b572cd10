"""The labelled-article format: the shipped set is valid and honest, the validator is strict.

Every metric is computed against eval/data/labelled.jsonl, so these tests guard both the
file (valid offsets, the Panjshir labels the guideline fixes, every hard case present in the
held-out split) and the validator (a broken file is refused with its line number and why).
"""
from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from quoteattr.eval.format import (
    LABELLED_PATH,
    FormatError,
    GoldQuote,
    LabelledArticle,
    load_labelled,
    main,
    validate_file,
)

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "panjshir-article.txt"

# Hard cases the labelled set must exercise; each needs at least one `test`-split article.
REQUIRED_CASES = [
    "speaker_before", "speaker_after", "speaker_inside", "split_quote",
    "pronoun_speaker", "title_speaker", "cross_sentence_coref", "cross_paragraph_coref",
    "continuation_paragraph", "shared_surname", "multi_speaker_paragraph",
    "description_only_speaker", "unattributed_quote", "colon_introduced", "multi_paragraph_quote",
    "partial_quote", "according_to", "quoted_tweet", "written_statement", "organisation_speaker",
    "curly_double_marks", "straight_double_marks", "curly_single_marks", "straight_single_marks",
    "guillemets", "mismatched_marks",
    "title_in_marks", "nickname_in_marks", "scare_quotes", "quoted_term",
    "long_article", "no_quotes", "indirect_speech", "non_english",
]

_SPACING = " \u00a0\u202f\u2009"


@pytest.fixture(scope="module")
def articles() -> list[LabelledArticle]:
    return load_labelled(LABELLED_PATH)


@pytest.fixture(scope="module")
def by_id(articles) -> dict[str, LabelledArticle]:
    return {a.id: a for a in articles}


# --------------------------------------------------------------------------- the shipped set


def test_shipped_file_validates():
    assert validate_file(LABELLED_PATH) == []


def test_cli_accepts_shipped_file(capsys):
    assert main([str(LABELLED_PATH)]) == 0
    assert "OK" in capsys.readouterr().out


def test_splits_and_sources(articles):
    dev = [a for a in articles if a.split == "dev"]
    test = [a for a in articles if a.split == "test"]
    assert sum(a.source == "invented" for a in articles) >= 16
    assert sum(a.source == "invented" for a in dev) >= 4
    assert len(test) >= 11
    assert {a.id for a in articles if a.source == "seed"} == {"panjshir"}


def test_panjshir_is_dev_with_exact_seed_text(by_id):
    art = by_id["panjshir"]
    assert art.split == "dev"
    if SEED.exists():
        assert art.text == SEED.read_text(encoding="utf-8")


def test_panjshir_direct_quotes(by_id):
    art = by_id["panjshir"]
    direct = art.direct
    assert len(direct) == 9
    assert Counter(q.speaker for q in direct) == {
        "Ahmad Masud": 2,
        "Amrullah Saleh": 2,
        "Mark Milley": 4,
        "Atta Mohammad Noor": 1,
    }
    assert not any("Lion" in q.text for q in art.quotes)
    # The three tricky ones the guideline names.
    he = [q for q in direct if q.speaker_mention == "he"]
    assert len(he) == 1 and he[0].speaker == "Amrullah Saleh"
    assert any(q.text == "broader civil war" and q.speaker == "Mark Milley" for q in direct)
    mismatched = [q for q in direct if art.text[q.start - 1] == "“" and art.text[q.end] == '"']
    assert len(mismatched) == 1 and mismatched[0].speaker == "Mark Milley"
    # Ahmad Shah Masud, the late father, says nothing.
    assert not any(q.speaker == "Ahmad Shah Masud" for q in art.quotes)


def test_panjshir_has_indirect_quotes(by_id):
    art = by_id["panjshir"]
    texts = [q.text for q in art.indirect]
    assert any(t.startswith("the continuation of the Taliban’s attack") for t in texts)
    assert any(t == "the front’s forces were in a difficult situation" for t in texts)
    # A clause mixing reported speech with a quoted fragment gives only the fragment.
    assert not any("in turn lead" in t or "continues to stand" in t for t in texts)


def test_speaker_aliases_cover_mentions_by_name(articles):
    """A name mention must be one of the forms listed for its speaker (so matching works)."""
    for art in articles:
        for q in art.quotes:
            if q.mention_type == "name" and q.speaker_mention is not None:
                assert q.speaker_matches(q.speaker_mention), (art.id, q.speaker, q.speaker_mention)


def test_speaker_matches_aliases():
    q = GoldQuote(0, 1, "x", "direct", "Mark Milley", ("Milley",), None, None, None, "name", None)
    assert q.speaker_matches("Mark Milley") and q.speaker_matches("milley")
    assert not q.speaker_matches("Masud") and not q.speaker_matches(None)
    nobody = GoldQuote(0, 1, "x", "direct", None, (), None, None, None, "none", None)
    assert nobody.speaker_matches(None) and not nobody.speaker_matches("Milley")


def test_round_trip(articles):
    for art in articles:
        assert LabelledArticle.from_dict(json.loads(json.dumps(art.to_dict()))) == art


def test_test_split_has_many_pronoun_and_description_quotes(articles):
    n = sum(
        q.speaker_mention is not None and q.mention_type in ("pronoun", "description")
        for a in articles
        if a.split == "test"
        for q in a.quotes
    )
    assert n >= 10


# --------------------------------------------------------------------------- case tags


def _paragraph(text: str, pos: int) -> int:
    return text.count("\n\n", 0, pos)


def _open_mark(text: str, q: GoldQuote) -> tuple[int, str]:
    i = q.start
    while i > 0 and text[i - 1] in _SPACING:
        i -= 1
    return i - 1, text[i - 1]


def _close_mark(text: str, q: GoldQuote) -> str:
    j = q.end
    while j < len(text) and text[j] in _SPACING:
        j += 1
    return text[j] if j < len(text) else ""


def _marks(art: LabelledArticle, opening: str, closing: str) -> bool:
    return any(_open_mark(art.text, q)[1] == opening and _close_mark(art.text, q) == closing for q in art.direct)


def _description_only(q: GoldQuote) -> bool:
    return (
        q.mention_type == "description"
        and q.speaker_mention is not None
        and q.speaker_mention.casefold() == q.speaker.casefold()
    )


def _coref(art: LabelledArticle, same_paragraph: bool) -> bool:
    """A pronoun/description mention whose speaker was last named earlier in the text, in the
    same paragraph but another sentence, or in an earlier paragraph."""
    low = art.text.casefold()
    for q in art.quotes:
        if q.speaker_mention is None or q.mention_type not in ("pronoun", "description"):
            continue
        if q.speaker_mention.casefold() == q.speaker.casefold():
            continue
        last = max(low.rfind(n.casefold(), 0, q.speaker_start) for n in (q.speaker, *q.aliases))
        if last < 0:
            continue
        if same_paragraph:
            between = art.text[last : q.speaker_start]
            if _paragraph(art.text, last) == _paragraph(art.text, q.speaker_start) and re.search(r"[.!?][”\"’']?\s", between):
                return True
        elif _paragraph(art.text, last) < _paragraph(art.text, q.speaker_start):
            return True
    return False


def _split(art: LabelledArticle) -> bool:
    qs = art.direct
    return any(
        a.speaker_start is not None
        and a.speaker_start == b.speaker_start
        and a.speaker == b.speaker
        and a.end <= a.speaker_start < b.start
        for a, b in zip(qs, qs[1:])
    )


def _speaker_before(art: LabelledArticle) -> bool:
    for q in art.direct:
        if q.speaker_end is not None and q.speaker_end <= q.start:
            earlier = [p for p in art.direct if p.speaker_start == q.speaker_start and p.end <= q.speaker_start]
            if not earlier:
                return True
    return False


def _continuation(art: LabelledArticle) -> bool:
    t = art.text
    for q in art.direct:
        if q.speaker is None or q.speaker_mention is not None:
            continue
        i, _ = _open_mark(t, q)
        if i >= 2 and t[i - 2 : i] == "\n\n":
            prev = [p for p in art.quotes if p.end <= i - 2]
            if not prev or t[prev[-1].end : i].strip():  # previous quote did not run to its paragraph end
                return True
    return False


def _multi_speaker(art: LabelledArticle) -> bool:
    speakers: dict[int, set[str]] = {}
    for q in art.quotes:
        if q.speaker is not None:
            speakers.setdefault(_paragraph(art.text, q.start), set()).add(q.speaker)
    return any(len(s) >= 2 for s in speakers.values())


def _unlabelled_marks(art: LabelledArticle) -> bool:
    """Quotation marks that open something which is not a labelled direct quote."""
    t = art.text
    labelled = {_open_mark(t, q)[0] for q in art.direct}
    inside = [(q.start, q.end) for q in art.direct]
    for i, ch in enumerate(t[:-1]):
        if ch in "“‘«\"'" and (i == 0 or not t[i - 1].isalnum()) and t[i + 1].isalnum():
            if i not in labelled and not any(s <= i < e for s, e in inside):
                return True
    return False


def _shared_surname(art: LabelledArticle) -> bool:
    for q in art.quotes:
        if q.speaker and " " in q.speaker and q.speaker[0].isupper():
            surname = q.speaker.split()[-1]
            firsts = set(re.findall(r"\b([A-Z]\w+) " + re.escape(surname) + r"\b", art.text))
            if len(firsts) >= 2:
                return True
    return False


def _window(art: LabelledArticle, q: GoldQuote, width: int = 160) -> str:
    return art.text[max(0, q.start - width) : q.end + width]


CASE_CHECKS = {
    "no_quotes": lambda a: not a.quotes,
    "long_article": lambda a: len(a.text.split()) >= 2500 and any(q.start > 0.9 * len(a.text) for q in a.quotes),
    "indirect_speech": lambda a: bool(a.indirect),
    "unattributed_quote": lambda a: any(q.speaker is None for q in a.quotes),
    "pronoun_speaker": lambda a: any(q.mention_type == "pronoun" and q.speaker_mention for q in a.quotes),
    "description_only_speaker": lambda a: any(_description_only(q) for q in a.quotes),
    "title_speaker": lambda a: any(
        q.mention_type == "description" and q.speaker_mention and not _description_only(q)
        and not any(_description_only(p) and p.speaker == q.speaker for p in a.quotes)
        for q in a.quotes
    ),
    "cross_sentence_coref": lambda a: _coref(a, same_paragraph=True),
    "cross_paragraph_coref": lambda a: _coref(a, same_paragraph=False),
    "split_quote": _split,
    "speaker_inside": _split,
    "speaker_before": _speaker_before,
    "speaker_after": lambda a: any(q.speaker_start is not None and q.speaker_start >= q.end for q in a.direct),
    "continuation_paragraph": _continuation,
    "multi_paragraph_quote": lambda a: any(q.end < len(a.text) and a.text[q.end] == "\n" for q in a.direct),
    "multi_speaker_paragraph": _multi_speaker,
    "colon_introduced": lambda a: any(a.text[: _open_mark(a.text, q)[0]].rstrip().endswith(":") for q in a.direct),
    "partial_quote": lambda a: any(
        re.search(r"\w\s$", a.text[max(0, _open_mark(a.text, q)[0] - 3) : _open_mark(a.text, q)[0]]) for q in a.direct
    ),
    "according_to": lambda a: any((q.cue or "").casefold() in ("according to", "selon") for q in a.quotes)
    or "according to" in a.text.casefold(),
    "quoted_tweet": lambda a: any(re.search(r"on X|Twitter|tweet|post", _window(a, q)) for q in a.direct),
    "written_statement": lambda a: any(
        re.search(r"statement|letter|submission|written|wrote|communiqué", _window(a, q)) for q in a.quotes
    ),
    "curly_double_marks": lambda a: _marks(a, "“", "”"),
    "straight_double_marks": lambda a: _marks(a, '"', '"'),
    "curly_single_marks": lambda a: _marks(a, "‘", "’"),
    "straight_single_marks": lambda a: _marks(a, "'", "'"),
    "guillemets": lambda a: _marks(a, "«", "»"),
    "mismatched_marks": lambda a: _marks(a, "“", '"'),
    "title_in_marks": _unlabelled_marks,
    "nickname_in_marks": _unlabelled_marks,
    "scare_quotes": _unlabelled_marks,
    "quoted_term": _unlabelled_marks,
    "nested_marks": lambda a: any(re.search(r"[‘“«\"]", q.text) for q in a.direct),  # "..." inside '...' too
    "headline_quote": lambda a: any(q.start < a.text.find("\n") for q in a.direct),
    "shared_surname": _shared_surname,
    "non_english": lambda a: sum(w in {"le", "la", "les", "des", "et", "du", "der", "die", "und"} for w in a.text.split()) >= 10,
}


@pytest.mark.parametrize("tag", REQUIRED_CASES)
def test_required_case_covered_by_a_test_article(articles, tag):
    assert any(tag in a.cases for a in articles if a.split == "test"), f"no test-split article tagged {tag!r}"


@pytest.mark.parametrize("tag", sorted(CASE_CHECKS))
def test_case_tags_are_honest(articles, tag):
    """Every article claiming a tag really shows it (structural check on text and labels)."""
    tagged = [a for a in articles if tag in a.cases]
    bad = [a.id for a in tagged if not CASE_CHECKS[tag](a)]
    assert not bad, f"{tag!r} claimed but not found in {bad}"


def test_no_quote_article_has_no_reporting(articles):
    empty = [a for a in articles if "no_quotes" in a.cases]
    assert empty
    for art in empty:
        assert not re.search(r"\b(said|says|told|according to|warned|announced)\b", art.text)
        assert not re.search(r"[“”\"«»]", art.text)


# --------------------------------------------------------------------------- the validator

_TEXT = "Ana Lima said: “We will win.” She added that the team was ready.\n"


def _good_article(aid: str = "a1") -> dict:
    t = _TEXT
    q1s = t.find("We will win.")
    q2s = t.find("the team was ready")
    she = t.find("She")
    return {
        "id": aid,
        "split": "test",
        "title": "Lima upbeat",
        "source": "invented",
        "text": t,
        "quotes": [
            {"start": q1s, "end": q1s + 12, "text": "We will win.", "kind": "direct", "speaker": "Ana Lima",
             "aliases": ["Lima"], "speaker_mention": "Ana Lima", "speaker_start": 0, "speaker_end": 8,
             "mention_type": "name", "cue": "said"},
            {"start": q2s, "end": q2s + 18, "text": "the team was ready", "kind": "indirect",
             "speaker": "Ana Lima", "aliases": ["Lima"], "speaker_mention": "She", "speaker_start": she,
             "speaker_end": she + 3, "mention_type": "pronoun", "cue": "added"},
        ],
        "cases": ["colon_introduced"],
    }


def _write(path: Path, lines: list) -> Path:
    path.write_text(
        "".join((ln if isinstance(ln, str) else json.dumps(ln, ensure_ascii=False)) + "\n" for ln in lines),
        encoding="utf-8",
    )
    return path


def test_good_fixture_is_valid(tmp_path):
    path = _write(tmp_path / "good.jsonl", [_good_article("a1"), _good_article("a2")])
    assert validate_file(path) == []
    arts = load_labelled(path)
    assert [a.id for a in arts] == ["a1", "a2"]
    assert arts[0].quotes[0].text == "We will win."


def _mutated(fn) -> dict:
    art = copy.deepcopy(_good_article("bad"))
    fn(art)
    return art


def _set(path: list, value):
    def fn(art):
        obj = art
        for key in path[:-1]:
            obj = obj[key]
        obj[path[-1]] = value
    return fn


BAD_ARTICLES = {
    "span_mismatch": (_set(["quotes", 0, "end"], 30), "does not match"),
    "quote_text_mismatch": (_set(["quotes", 0, "text"], "We will lose."), "does not match"),
    "bad_kind": (_set(["quotes", 0, "kind"], "quoted"), "bad kind"),
    "unhashable_kind": (_set(["quotes", 0, "kind"], ["direct"]), "bad kind"),
    "bad_mention_type": (_set(["quotes", 1, "mention_type"], "pronom"), "bad mention_type"),
    "mention_mismatch": (_set(["quotes", 1, "speaker_start"], 1), "speaker mention"),
    "partial_mention": (_set(["quotes", 1, "speaker_end"], None), "all null or all set"),
    "speaker_without_type": (_set(["quotes", 0, "mention_type"], "none"), "mention_type is 'none'"),
    "null_speaker_with_type": (_set(["quotes", 1, "speaker"], None), "mention_type is 'none'"),
    "bad_split": (_set(["split"], "train"), "bad split"),
    "bad_source": (_set(["source"], "web"), "bad source"),
    "missing_key": (lambda a: a["quotes"][0].pop("cue"), "missing key 'cue'"),
    "unknown_key": (_set(["quotes", 0, "speakr"], "x"), "unknown key 'speakr'"),
    "bool_offset": (_set(["quotes", 0, "start"], True), "integers"),
    "unsorted": (lambda a: a["quotes"].reverse(), "not sorted"),
    "overlap": (lambda a: a["quotes"].append(copy.deepcopy(a["quotes"][1])), "overlaps"),
    "not_between_marks": (
        lambda a: a["quotes"].__setitem__(1, {**a["quotes"][1], "kind": "direct"}),
        "opening quotation mark",
    ),
    "bad_case_tag": (_set(["cases"], ["Split Quote"]), "snake_case"),
}


@pytest.mark.parametrize("name", sorted(BAD_ARTICLES))
def test_validator_rejects_bad_article(tmp_path, name):
    mutate, reason = BAD_ARTICLES[name]
    path = _write(tmp_path / f"{name}.jsonl", [_good_article("ok"), _mutated(mutate)])
    errors = validate_file(path)
    assert errors, f"{name} not detected"
    assert all(e.startswith("line 2: ") for e in errors), errors
    assert any(reason in e for e in errors), errors
    with pytest.raises(FormatError) as info:
        load_labelled(path)
    assert info.value.lineno == 2


def test_validator_rejects_span_not_matching_text(tmp_path):
    art = _good_article("x")
    art["text"] = art["text"].replace("We will win.", "We shall win")
    path = _write(tmp_path / "span.jsonl", [art])
    errors = validate_file(path)
    assert any(e.startswith("line 1: quote 0: quote text does not match") for e in errors), errors
    with pytest.raises(FormatError, match=r"line 1: quote 0: quote text does not match"):
        load_labelled(path)


def test_validator_rejects_duplicate_id(tmp_path):
    path = _write(tmp_path / "dup.jsonl", [_good_article("same"), _good_article("other"), _good_article("same")])
    errors = validate_file(path)
    assert errors == ["line 3: duplicate id 'same' (first used on line 1)"]
    with pytest.raises(FormatError) as info:
        load_labelled(path)
    assert info.value.lineno == 3 and "duplicate id" in info.value.reason


def test_validator_rejects_invalid_json(tmp_path):
    path = _write(tmp_path / "json.jsonl", [_good_article("a"), '{"id": "b", "split": "dev",'])
    errors = validate_file(path)
    assert len(errors) == 1 and errors[0].startswith("line 2: invalid JSON"), errors
    with pytest.raises(FormatError, match=r"line 2: invalid JSON"):
        load_labelled(path)


def test_validator_rejects_non_object_and_bad_utf8(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"[1, 2]\n" + b'{"id": "\xff"}\n')
    errors = validate_file(path)
    assert errors[0] == "line 1: expected a JSON object"
    assert errors[1].startswith("line 2: not valid UTF-8")


def test_validator_accepts_multi_paragraph_and_guillemets(tmp_path):
    t = "Elle a dit\u00a0:\n\n«\u00a0Premier paragraphe.\n\n«\u00a0Second.\u00a0»\n"
    art = _good_article("fr")
    art["text"] = t
    q = []
    for s in ("Premier paragraphe.", "Second."):
        i = t.find(s)
        q.append({"start": i, "end": i + len(s), "text": s, "kind": "direct", "speaker": "Elle", "aliases": [],
                  "speaker_mention": None, "speaker_start": None, "speaker_end": None,
                  "mention_type": "pronoun", "cue": None})
    art["quotes"] = q
    assert validate_file(_write(tmp_path / "fr.jsonl", [art])) == []


def test_blank_lines_are_ignored(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n" + json.dumps(_good_article()) + "\n\n", encoding="utf-8")
    assert validate_file(path) == []
    assert len(load_labelled(path)) == 1


def test_cli_reports_errors_without_traceback(tmp_path, capsys):
    path = _write(tmp_path / "bad.jsonl", [_mutated(_set(["quotes", 0, "kind"], "quoted"))])
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert "line 1: quote 0: bad kind 'quoted'" in err and "Traceback" not in err


def test_cli_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "nope.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err and "Traceback" not in err


def test_eval_readme_states_the_file_as_it_is(articles):
    """The counts eval/README.md gives are the file's own, so they cannot drift."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "eval" / "README.md").read_text(encoding="utf-8")
    n_quotes = sum(len(a.quotes) for a in articles)
    assert f"the set itself: {len(articles)} articles, {n_quotes} quotes." in readme
    assert f'"OK ({len(articles)} articles, {n_quotes} quotes)"' in readme
    dev_invented = sum(a.split == "dev" and a.source == "invented" for a in articles)
    test_invented = sum(a.split == "test" for a in articles)
    assert f"| `dev` | `panjshir` + {dev_invented} invented |" in readme
    assert f"| `test` | {test_invented} invented |" in readme
    listed = set(re.findall(r"^\| `([a-z0-9\-]+)` \| (?:dev|test) \|", readme, re.M))
    assert listed == {a.id for a in articles}  # one table row per article
