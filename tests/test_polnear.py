import pytest

from quoteattr.train.polnear import PolnearFormatError, parse_ann, read_split

TEXT = "Sanders said that he would \u201cfight on\u201d until the convention.\nMore text."


def test_parse_ann_relations_and_discontinuous_spans():
    ann = (
        "T1\tSource 0 7\tSanders\n"
        "T2\tCue 8 12\tsaid\n"
        "T3\tContent 13 26;27 37\tthat he would \u201cfight on\u201d\n"
        "T4\tAttribution 8 12\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "#1\tAnnotatorNotes T1\tnote\n"
    )
    (a,) = parse_ann(ann, TEXT)
    assert a.source.text == "Sanders" and a.cue.text == "said"
    assert a.content.parts == ((13, 26), (27, 37))
    assert (a.content.start, a.content.end) == (13, 37)


def test_parse_ann_skips_continuation_lines_of_multiline_surface_text():
    ann = "T1\tContent 0 7;62 66\tSanders\n\nMore\nT2\tSource 8 12\tsaid\nE1\tAttribution:T9 Content:T1 Source:T2\n"
    (a,) = parse_ann(ann, TEXT)
    assert a.cue is None and a.content.parts == ((0, 7), (62, 66))


def test_attribution_without_source_is_kept():
    ann = "T1\tContent 13 26\tthat he would\nE1\tAttribution:T2 Content:T1\n"
    (a,) = parse_ann(ann, TEXT)
    assert a.source is None and a.cue is None


@pytest.mark.parametrize(
    "bad", ["T1\tContent 5 x\tfoo\n", "T1\tContent 0 999\tfoo\n"]
)
def test_malformed_spans_raise_with_line_number(bad):
    with pytest.raises(PolnearFormatError, match=r":1:"):
        parse_ann(bad, TEXT, "doc.ann")


def test_read_split_one_annotator_per_article(tiny_corpus, tmp_path):
    arts = read_split(tiny_corpus, "train")
    assert [a.doc_id for a in arts] == ["wire_a", "wire_b"]
    a = arts[0]
    assert len(a.attributions) == 3
    roles = a.role_spans()
    assert ("SOURCE", 0, 12) in roles
    assert all(a.text[s:e] for _, s, e in roles)


def test_read_split_missing_directory_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="PolNeAR"):
        read_split(tmp_path, "train")
