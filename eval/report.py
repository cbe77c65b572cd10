"""The evaluation report: one JSON document with every number, one Markdown page to read.

The JSON is the record (what a later run is compared with); the Markdown is for a person
deciding whether the model is good enough, so it puts the model next to the rule
baseline in every table and ends with every error in its sentence, where most
judgements about *why* a score is what it is get made.
"""
from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quoteattr.eval.score import HEADLINE, KINDS, MENTION_TYPES

POLNEAR_ROWS = (
    ("CONTENT", "content (all)"),
    ("CONTENT_DIRECT", "content (direct)"),
    ("SOURCE", "source"),
    ("CUE", "cue"),
    ("ATTRIBUTION", "attribution"),
)
ERROR_LABELS = {
    "missed": "missed",
    "spurious": "spurious",
    "boundary": "boundary",
    "wrong_kind": "wrong kind",
    "wrong_speaker": "wrong speaker",
}


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def build_report(meta: dict[str, Any], labelled: dict[str, dict[str, Any]],
                 polnear: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON report: run metadata, then scores keyed by system name (model first)."""
    return {"meta": {"date": utc_now(), **meta}, "labelled": labelled, "polnear": polnear}


def write_reports(report: dict[str, Any], out_dir: Path) -> tuple[Path, Path]:
    """Write ``report.json`` and ``REPORT.md`` into ``out_dir`` (created if missing)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    js, md = out_dir / "report.json", out_dir / "REPORT.md"
    js.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md.write_text(render_markdown(report), encoding="utf-8")
    return js, md


# --------------------------------------------------------------------------- formatting


def fmt(value: Any) -> str:
    """Three decimals for scores, ints as they are, ``n/a`` for undefined."""
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def cell(value: Any) -> str:
    """A table cell: formatted, with pipes and newlines that would break the row escaped."""
    return fmt(value).replace("|", "\\|").replace("\n", " ")


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Markdown table lines; the first column left-aligned, the rest right-aligned."""
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def _speaker_cell(right: int, matched: int, acc: float | None) -> str:
    return f"{fmt(acc)} ({right}/{matched})"


# --------------------------------------------------------------------------- sections


def _header(meta: dict[str, Any]) -> list[str]:
    lines = ["# Quote attribution: evaluation report", ""]
    lines.append(f"- **Command:** `{meta.get('command', '?')}`")
    lines.append(f"- **Model:** `{meta.get('model', '?')}`")
    lines.append(f"- **Labelled set:** `{meta.get('labelled', '?')}`, split **{meta.get('split', '?')}** "
                 f"({meta.get('n_articles', 0)} articles, {meta.get('n_gold', 0)} gold quotes: "
                 f"{meta.get('n_gold_direct', 0)} direct, {meta.get('n_gold_indirect', 0)} indirect)")
    if meta.get("polnear"):
        limit = f", limit {meta['polnear_limit']}" if meta.get("polnear_limit") else ""
        lines.append(f"- **PolNeAR:** `{meta['polnear']}`, split **{meta.get('polnear_split')}** "
                     f"({meta.get('polnear_articles', 0)} articles{limit})")
    else:
        lines.append("- **PolNeAR:** not scored (no `--polnear` given)")
    lines.append(f"- **Date:** {meta.get('date', '?')}")
    lines += [
        "",
        "How to read: *exact* spans are equal after trimming quotation marks, whitespace and edge "
        "punctuation; *lenient* spans overlap by at least half the longer one; matching is one to one, "
        "greedy by overlap. *Speaker acc* is on lenient matches (casefolded, aliases accepted, "
        "no speaker = null); *e2e* needs a lenient match and the right speaker. "
        "`n/a`: nothing to score.",
        "",
    ]
    return lines


def _headline(labelled: dict[str, dict[str, Any]]) -> list[str]:
    header = ["quotes", "system", "gold", "pred", *HEADLINE]
    rows = []
    for kind in KINDS:
        for system, res in labelled.items():
            k = res["kinds"][kind]
            rows.append([kind, system, k["n_gold"], k["n_pred"], *(get(k) for get in HEADLINE.values())])
    return ["## Quotes in the labelled articles", "", *table(header, rows), ""]


def _mentions(labelled: dict[str, dict[str, Any]]) -> list[str]:
    systems = list(labelled)
    header = ["gold mention", "gold"] + [f"{s} speaker acc (right/matched)" for s in systems]
    first = labelled[systems[0]]["mention_types"]
    types = list(MENTION_TYPES) + [m for m in first if m not in MENTION_TYPES]
    rows = []
    for m in types:
        row: list[Any] = [m, first.get(m, {}).get("n_gold", 0)]
        for s in systems:
            t = labelled[s]["mention_types"].get(m, {"right": 0, "matched": 0, "accuracy": None})
            row.append(_speaker_cell(t["right"], t["matched"], t["accuracy"]))
        rows.append(row)
    return ["## Speaker accuracy by gold mention type", "",
            "How the gold speaker is mentioned next to the quote; pronouns and descriptions must be "
            "resolved to the named speaker.", "", *table(header, rows), ""]


def _articles(labelled: dict[str, dict[str, Any]]) -> list[str]:
    systems = list(labelled)
    header = ["article", "gold"]
    for s in systems:
        header += [f"{s} pred", f"{s} exact F1", f"{s} lenient F1", f"{s} speaker", f"{s} e2e F1", f"{s} errors"]
    by_sys = {s: {r["id"]: r for r in labelled[s]["articles"]} for s in systems}
    rows = []
    for r0 in labelled[systems[0]]["articles"]:
        row: list[Any] = [f"`{r0['id']}`", r0["n_gold"]]
        for s in systems:
            r = by_sys[s][r0["id"]]
            row += [r["n_pred"], r["exact_f1"], r["lenient_f1"],
                    _speaker_cell(r["speaker_right"], r["matched"], r["speaker_accuracy"]),
                    r["e2e_f1"], r["n_errors"]]
        rows.append(row)
    return ["## Per article", "", *table(header, rows), ""]


def _polnear(polnear: dict[str, dict[str, Any]] | None) -> list[str]:
    if not polnear:
        return []
    systems = list(polnear)
    first = polnear[systems[0]]
    header = ["span", "gold"]
    for s in systems:
        header += [f"{s} pred", f"{s} exact P", f"{s} exact R", f"{s} exact F1", f"{s} lenient F1", f"{s} token F1"]
    rows = []
    for key, label in POLNEAR_ROWS:
        row: list[Any] = [label, first["rows"][key]["n_gold"]]
        for s in systems:
            r = polnear[s]["rows"][key]
            ex = r["exact"]
            row += [r["n_pred"], ex["precision"], ex["recall"], ex["f1"], r["lenient"]["f1"],
                    r.get("token", {}).get("f1")]
        rows.append(row)
    return [
        "## PolNeAR", "",
        f"{first['n_articles']} articles. Spans are scored part by part; *direct* content starts with a "
        "quotation mark; *token F1* is seqeval over word-token BIO tags. An attribution is right when its "
        "content matches a gold content part and its source matches that attribution's source; "
        f"{first['n_gold_without_source']} of {first['n_gold_attribution_units']} gold attribution units "
        "have no source and are right only when no source is predicted. PolNeAR also annotates beliefs "
        "and reported events that are not quotes, so content recall here is not quote recall.",
        "", *table(header, rows), "",
    ]


def _quote(text: str | None, limit: int = 140) -> str:
    if text is None:
        return "—"
    text = " ".join(text.split())
    if len(text) > limit:  # keep both ends: a boundary error is usually at one of them
        keep = (limit - 3) // 2
        text = text[:keep] + " … " + text[-keep:]
    return "“" + text + "”"


def _md(text: str) -> str:
    """Keep article text from opening HTML tags (the error lists sit in ``<details>``)."""
    return text.replace("<", "&lt;")


def _who(name: str | None) -> str:
    return f"*{name}*" if name else "*(none)*"


def error_line(e: dict[str, Any]) -> list[str]:
    """One error as a Markdown bullet plus its sentence in context."""
    label = ERROR_LABELS.get(e["type"], e["type"])
    if e["type"] == "missed":
        what = f"{e['kind']} {_quote(e['gold_text'])}; gold speaker {_who(e['gold_speaker'])} ({e['mention_type']})"
    elif e["type"] == "spurious":
        what = f"{e['pred_kind']} {_quote(e['pred_text'])}; predicted speaker {_who(e['pred_speaker'])}"
    elif e["type"] == "boundary":
        what = f"gold {_quote(e['gold_text'], 80)} vs predicted {_quote(e['pred_text'], 80)}"
    elif e["type"] == "wrong_kind":
        what = f"gold {e['kind']}, predicted {e['pred_kind']}: {_quote(e['gold_text'], 80)}"
    else:
        via = f" via “{e['pred_mention']}”" if e.get("pred_mention") and e["pred_mention"] != e["pred_speaker"] else ""
        what = (f"{_quote(e['gold_text'], 80)}: gold {_who(e['gold_speaker'])} ({e['mention_type']}), "
                f"predicted {_who(e['pred_speaker'])}{via}")
    return [f"- **{label}** {_md(what)}", f"  > {_md(e['context'])}"]


def _errors(system: str, res: dict[str, Any], collapsed: bool) -> list[str]:
    errors = res["errors"]
    counts = ", ".join(f"{ERROR_LABELS.get(k, k)} {v}" for k, v in sorted(res["error_counts"].items()))
    lines = []
    if collapsed:
        lines += ["<details>", f"<summary>Errors: {system} ({len(errors)}: {counts or 'none'})</summary>", ""]
    else:
        lines += [f"## Errors: {system}", "", f"{len(errors)} errors ({counts or 'none'}), against lenient "
                  "matching; the quote is marked ⟦ ⟧ in its sentence.", ""]
    current = None
    for e in errors:
        if e["article"] != current:
            current = e["article"]
            n = sum(1 for x in errors if x["article"] == current)
            lines += ["", f"### `{current}` ({n})", ""]
        lines += error_line(e)
    if not errors:
        lines.append("No errors.")
    lines.append("")
    if collapsed:
        lines += ["</details>", ""]
    return lines


def render_markdown(report: dict[str, Any]) -> str:
    """The Markdown page: header, headline, mention types, per article, PolNeAR, errors.

    The first system (the model) gets its errors in full; the others' are folded away
    in ``<details>`` so the page stays about the model.
    """
    labelled = report["labelled"]
    lines = _header(report["meta"])
    lines += _headline(labelled) + _mentions(labelled) + _articles(labelled) + _polnear(report.get("polnear"))
    for i, (system, res) in enumerate(labelled.items()):
        lines += _errors(system, res, collapsed=i > 0)
    return "\n".join(lines).rstrip() + "\n"
