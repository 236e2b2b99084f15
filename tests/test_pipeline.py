"""The library call, the CLI, provenance over every row, and the acceptance scorer."""

import subprocess
import sys

import pandas as pd
import pytest
from click.testing import CliRunner

from analysis import Analysis, analyse
from analysis.cli import main
from tests.conftest import CORPUS, SEEDS, SHARED


@pytest.fixture(scope="module")
def seeds_run() -> Analysis:
    return analyse(SEEDS)


def _batches():
    yield SEEDS
    if (SHARED / "practice" / "cbd").is_dir():
        yield SHARED / "practice" / "cbd"
    yield CORPUS


@pytest.mark.parametrize("batch", list(_batches()), ids=lambda p: p.name)
def test_every_evidence_is_its_article_text_at_its_offsets(batch):
    run = analyse(batch)
    texts = dict(zip(run.articles["article"], run.articles["text"]))
    assert len(run.assertions) > 0
    for row in run.assertions.itertuples():
        assert texts[row.article][row.start:row.end] == row.evidence


def test_library_call_returns_dataframes(seeds_run):
    assert isinstance(seeds_run.articles, pd.DataFrame)
    assert set(seeds_run.articles["article"]) == {p.stem for p in SEEDS.glob("*.txt")}
    for topic in ("dose", "addiction_risk", "legal_status", "author_credentials",
                  "side_effects"):
        assert (seeds_run.assertions["topic"] == topic).any(), topic
    assert {"cross-source", "within-source"} <= set(seeds_run.conflicts["kind"])
    assert seeds_run.conflicts["severity"].between(0, 1).all()


def test_library_accepts_a_dataframe():
    frame = pd.DataFrame({"id": ["x", "y"], "text": ["Kratom is not addictive.",
                                                     "Kratom is highly addictive."]})
    run = analyse(frame)
    assert list(run.articles["article"]) == ["x", "y"]
    assert len(run.conflicts) == 1


def test_compare_gives_one_row_per_article(seeds_run):
    table = seeds_run.compare("dose")
    assert list(table["article"]) == list(seeds_run.articles["article"])
    assert table.loc[table["article"].str.startswith("002"), "values"].iloc[0].startswith("4–10 g")


def test_html_summary_mentions_the_counts(seeds_run):
    html = seeds_run._repr_html_()
    assert f"{len(seeds_run.articles)} articles" in html and "<table>" in html


def test_cli_analyse_writes_the_run_directory(tmp_path):
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["analyse", str(SEEDS), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    for name in ("assertions.csv", "conflicts.csv", "manifest.csv", "report.pdf",
                 "dose_ranges.png", "legal_status.png", "author_credentials.png",
                 "stance_addiction_risk.png"):
        assert (out / name).is_file(), name
    manifest = pd.read_csv(out / "manifest.csv")
    assert len(manifest) == 5 and set(manifest["status"]) == {"ok"}


def test_cli_format_csv_only(tmp_path):
    result = CliRunner().invoke(main, ["analyse", str(SEEDS), "--out", str(tmp_path),
                                       "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("*.png")) and not (tmp_path / "report.pdf").exists()


def test_cli_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["analyse", "--format", "docx"]).exit_code == 2
    assert runner.invoke(main, ["analyse", "--nope"]).exit_code == 2
    inside = runner.invoke(main, ["analyse", str(tmp_path), "--out", str(tmp_path / "o")])
    assert inside.exit_code == 2 and "inside the input folder" in inside.output


def test_cli_exits_1_when_nothing_was_analysed(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["analyse", str(tmp_path / "empty.txt"),
                                       "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "skipped" in result.output and "empty file" in result.output


def test_cli_help_explains_every_command():
    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    for command in ("analyse", "report"):
        assert command in top.output
        text = runner.invoke(main, [command, "--help"]).output
        assert len(text.split()) > 30


@pytest.mark.skipif(not (SHARED / "acceptance" / "score.py").exists(),
                    reason="shared acceptance material not beside the checkout")
@pytest.mark.parametrize("batch, expected", [
    ("seeds", "acceptance/seeds_expected.json"),
    ("practice/cbd", "practice/cbd_expected.json"),
])
def test_acceptance_scorer_finds_every_must_item(tmp_path, batch, expected):
    source = SEEDS if batch == "seeds" else SHARED / batch
    analyse(source).write_report(tmp_path, formats=["csv"])
    result = subprocess.run([sys.executable, str(SHARED / "acceptance" / "score.py"),
                             str(SHARED / expected), str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert "must share 1.00" in result.stdout, result.stdout


def test_sentences_end_after_their_citation_marks():
    from analysis.extract.segment import segment_text
    text = ("They are marketed as legal.[22] However, it is disputed.[23][24] As of 2020, "
            "it is banned in Utah.[9-11] Next.")
    units = [r["text"] for r in segment_text("a", text)]
    assert units == ["They are marketed as legal.[22]", "However, it is disputed.[23][24]",
                     "As of 2020, it is banned in Utah.[9-11]", "Next."]


def test_a_sentence_wrapped_over_fixed_width_lines_is_one_sentence():
    from analysis.extract.segment import segment_text
    text = ("Kratom news\n\nIt is sold under many brand names in shops across the country,\n"
            "Vicks among them, and in corner stores. Kratom, though, is\none of the few herbal "
            "products with any serious recreational\nuse/abuse potential.\n\nThese States Now "
            "Allow Kratom, and More May Follow, as the new laws come in\nby Jane Doe, Kratom "
            "Today\n")
    rows = segment_text("a", text)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    units = [r["text"] for r in rows]
    assert ("Kratom, though, is\none of the few herbal products with any serious recreational\n"
            "use/abuse potential.") in units
    assert ("It is sold under many brand names in shops across the country,\nVicks among "
            "them, and in corner stores." in units)
    assert "by Jane Doe, Kratom Today" in units  # a byline under a title stays its own line


def test_a_title_case_line_with_a_note_in_brackets_is_a_heading():
    from analysis.extract.segment import segment_text
    rows = segment_text("a", "Loading Phase (Optional but Effective)\n"
                             "Take it with food (see below)\n")
    assert [r["is_heading"] for r in rows] == [True, False]


def test_a_sentence_glued_to_the_next_and_one_ending_in_etc_are_split():
    from analysis.extract.segment import segment_text
    text = ("It is odorless and tasteless.Although rare, it is sold. It helps sleep, "
            "anxiety, etc.   Kratom is old. Dr. Smith agrees.")
    units = [r["text"] for r in segment_text("a", text)]
    assert units == ["It is odorless and tasteless.", "Although rare, it is sold.",
                     "It helps sleep, anxiety, etc.", "Kratom is old.", "Dr. Smith agrees."]


def test_a_footnote_number_a_bracket_before_a_glued_sentence_and_a_question_end_sentences():
    from analysis.extract.segment import segment_text
    text = ("It cut deaths with reduced ejection fraction.11 Entresto is given with others. "
            "The limit is 4,000 IU (100 micrograms).Toxicity is rare. Is it legal in the U.S.? "
            "No. See fig.12 Below.")
    units = [r["text"] for r in segment_text("a", text)]
    assert units == ["It cut deaths with reduced ejection fraction.11",
                     "Entresto is given with others.", "The limit is 4,000 IU (100 micrograms).",
                     "Toxicity is rare.", "Is it legal in the U.S.?", "No.", "See fig.12 Below."]
