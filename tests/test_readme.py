from pathlib import Path

import pytest

from quoteattr.eval.readme import main, markdown_table, sync

ROOT = Path(__file__).resolve().parent.parent

REPORT = """# Report

- **Command:** `quoteattr evaluate --split test`

| quotes | system | e2e F1 |
|:---|---:|---:|
| direct | model | 0.900 |

After the table.
"""


def test_markdown_table_stops_at_the_table_end():
    assert markdown_table(REPORT, "| quotes |") == (
        "| quotes | system | e2e F1 |\n|:---|---:|---:|\n| direct | model | 0.900 |\n"
    )
    with pytest.raises(KeyError):
        markdown_table(REPORT, "| span |")


def test_sync_replaces_only_known_blocks():
    readme = ("intro\n<!-- begin: eval-quotes -->\nold numbers\n<!-- end: eval-quotes -->\n"
              "<!-- begin: other -->\nkept\n<!-- end: other -->\n")
    out = sync(readme, {"eval-quotes": "| new |\n"})
    assert "old numbers" not in out and "| new |\n<!-- end: eval-quotes -->" in out
    assert "kept" in out and out.startswith("intro\n")
    assert sync(out, {"eval-quotes": "| new |\n"}) == out  # idempotent


def _reports(root: Path) -> None:
    """The two reports every README block set needs, in a project at ``root``."""
    (root / "eval").mkdir()
    (root / "benchmarks").mkdir()
    (root / "eval" / "REPORT.md").write_text(
        REPORT + "\n| gold mention | gold |\n|---|---|\n\n| span | gold |\n|---|---|\n")
    (root / "benchmarks" / "RESULTS.md").write_text("Produced by `x`.\n\n| system | a |\n|---|---|\n")


def test_check_flags_a_readme_that_drifted_from_its_reports(tmp_path):
    _reports(tmp_path)
    readme = tmp_path / "README.md"
    readme.write_text("<!-- begin: eval-quotes -->\n| typed by hand |\n<!-- end: eval-quotes -->\n")
    assert main([str(readme), "--check"]) == 1
    assert main([str(readme)]) == 0
    assert "| direct | model | 0.900 |" in readme.read_text()
    assert main([str(readme), "--check"]) == 0


def test_committed_readme_quotes_the_committed_reports():
    """Every figure table in the README is the one its report holds."""
    assert main([str(ROOT / "README.md"), "--check"]) == 0


def test_real_news_speaker_table_is_copied_when_its_report_exists(tmp_path):
    _reports(tmp_path)
    readme = tmp_path / "README.md"
    readme.write_text("<!-- begin: polnear-speakers-table -->\nold\n<!-- end: polnear-speakers-table -->\n")
    assert main([str(readme), "--check"]) == 0  # no report yet: the block is left as it is
    (tmp_path / "eval" / "POLNEAR_SPEAKERS.md").write_text(
        "# x\n\nProduced by `y`.\n\n| gold mention | labelled |\n|:---|---:|\n| all | 5 |\n")
    assert main([str(readme), "--check"]) == 1
    assert main([str(readme)]) == 0 and "| all | 5 |" in readme.read_text()
