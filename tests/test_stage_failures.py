"""One failing stage, chart or page never loses a run (issue 9): each batch-level stage and
each chart is made to fail on purpose, and the tables, the PDF's failure page, the one-line
warning and the exit code are checked; --strict, --debug and analyse(strict=True) too."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from analysis import StageError, analyse, load_run, write_run
from analysis.cli import main
from analysis.report.pdf import render_pdf

TEXTS = {
    "a.txt": "Kratom dosage\nMost people take 2-4 grams daily. Kratom is not addictive. "
             "Kratom is legal in Texas.\nAbout the Author\nDr. Ann Lee, PhD, has 10 years of "
             "experience in herbal medicine.",
    "b.txt": "Kratom guide\nUsers take upwards of 10 grams a day. Kratom can lead to "
             "dependence. Kratom is banned in Alabama and illegal in Texas.",
    "c.txt": "Kratom facts\nNever take more than 8 grams of kratom. Kratom is not addictive, "
             "and it is legal in Texas.",
}

# stage -> (where the pipeline calls it, what the reader calls it, the table it leaves empty)
STAGES = {
    "align": ("analysis.pipeline.align_topics", "topic alignment", "topics.csv"),
    "effects": ("analysis.pipeline.extract_effects", "effect polarity", None),
    "studies": ("analysis.pipeline.find_studies", "cited studies", "studies.csv"),
    "copies": ("analysis.pipeline.find_copies", "copy detection", "copies.csv"),
    "agreement": ("analysis.pipeline.agreement", "independent agreement", "agreement.csv"),
    "signals": ("analysis.pipeline.credibility_signals", "credibility signals", "signals.csv"),
    "reference": ("analysis.pipeline.departures", "reference departures", "departures.csv"),
}

CHARTS = {
    "dose_ranges": ("plot_dose_ranges", "dose chart"),
    "stance_addiction_risk": ("plot_stance", "addiction risk stance chart"),
    "legal_status": ("plot_legal_status", "legal-status chart"),
    "author_credentials": ("plot_credentials", "credentials chart"),
    "topic_matrix": ("plot_topic_matrix", "topic matrix chart"),
    "conflicts_per_topic": ("plot_conflict_summary", "conflicts-per-topic chart"),
}


def _boom(*_args, **_kwargs):
    raise RuntimeError("boom on purpose")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def run_dir(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    analyse(inputs).write_report(out, formats=["csv"])
    return out


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("stage", list(STAGES))
def test_a_failing_stage_is_one_warning_and_the_tables_are_written(stage, inputs, tmp_path,
                                                                   monkeypatch):
    target, label, table = STAGES[stage]
    monkeypatch.setattr(target, _boom)
    out = tmp_path / "out"
    args = ["analyse", str(inputs), "--out", str(out), "--format", "csv", "--jobs", "1"]
    if stage == "reference":
        args += ["--reference", str(inputs / "a.txt")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"warning: {label} failed: RuntimeError: boom on purpose; " in result.output
    assert "Traceback" not in result.output
    for name in ("assertions.csv", "conflicts.csv", "manifest.csv", "articles.csv"):
        assert (out / name).stat().st_size > 0, name
    assert len(pd.read_csv(out / "assertions.csv")) > 0
    if table:  # the failed stage's table is there, with its columns and no rows
        frame = pd.read_csv(out / table)
        assert len(frame.columns) and frame.empty

    run = load_run(out)
    assert [f.stage for f in run.failures] == [stage]  # carried over to a re-render
    render_pdf(run, {}, tmp_path / "report.pdf", failures=run.failures)
    text = _pdf_text(tmp_path / "report.pdf")
    assert "Parts of this run that failed" in text
    assert f"{label} failed: RuntimeError: boom on purpose" in " ".join(text.split())


@pytest.mark.parametrize("stage", ["align", "copies", "signals"])
def test_library_records_a_failed_stage_or_raises_stage_error_when_strict(stage, inputs,
                                                                          monkeypatch):
    target, label, _ = STAGES[stage]
    monkeypatch.setattr(target, _boom)
    run = analyse(inputs)
    assert [f.stage for f in run.failures] == [stage]
    assert any(m.startswith(f"warning: {label} failed: RuntimeError: boom on purpose")
               for m in run.messages)
    with pytest.raises(StageError) as caught:
        analyse(inputs, strict=True)
    assert caught.value.stage == stage
    assert str(caught.value) == f"{label} failed: RuntimeError: boom on purpose"


@pytest.mark.parametrize("chart", list(CHARTS))
def test_a_failing_chart_is_left_out_and_everything_else_is_written(chart, run_dir, tmp_path,
                                                                     monkeypatch):
    function, label = CHARTS[chart]
    monkeypatch.setattr(f"analysis.report.charts.{function}", _boom)
    run = tmp_path / "run"
    shutil.copytree(run_dir, run)
    before = (run / "assertions.csv").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(run), "--format", "csv,png"])
    assert result.exit_code == 0, result.output
    assert (f"warning: {label} failed: RuntimeError: boom on purpose; the tables are complete"
            in result.output)
    assert "Traceback" not in result.output
    assert (run / "assertions.csv").read_text(encoding="utf-8") == before
    pngs = {p.stem for p in run.glob("*.png")}
    assert chart not in pngs and pngs == set(CHARTS) - {chart}


def test_strict_exits_1_after_writing_everything_else(inputs, run_dir, tmp_path,
                                                      monkeypatch):
    monkeypatch.setattr("analysis.pipeline.find_copies", _boom)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyse", str(inputs), "--out", str(out), "--format",
                                       "csv", "--jobs", "1", "--strict"])
    assert result.exit_code == 1
    assert "warning: copy detection failed: RuntimeError: boom on purpose" in result.output
    assert (out / "assertions.csv").exists() and (out / "copies.csv").exists()
    monkeypatch.setattr("analysis.report.charts.plot_stance", _boom)
    run = tmp_path / "run"
    shutil.copytree(run_dir, run)
    strict = CliRunner().invoke(main, ["report", str(run), "--format", "png", "--strict"])
    assert strict.exit_code == 1
    assert "addiction risk stance chart failed" in strict.output
    assert (run / "dose_ranges.png").exists()


def test_failed_chart_gets_a_pdf_page_naming_it(run_dir, tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.report.charts.plot_dose_ranges", _boom)
    out = tmp_path / "out"
    run = load_run(run_dir)
    written = write_run(run, out, formats=["pdf", "csv"])
    assert {p.name for p in written} >= {"report.pdf", "assertions.csv", "conflicts.csv"}
    text = " ".join(_pdf_text(out / "report.pdf").split())
    assert "Parts of this run that failed" in text
    assert "dose chart failed: RuntimeError: boom on purpose" in text
    assert "Dose ranges per article" not in text
    assert "Legal status by jurisdiction" in text  # the other charts are there
    with pytest.raises(StageError, match="dose chart failed"):
        write_run(load_run(run_dir), tmp_path / "strict", formats=["pdf"], strict=True)


def test_a_failing_page_is_replaced_by_a_page_saying_so(run_dir, tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.report.pdf._conflict_pages", _boom)
    run = load_run(run_dir)
    render_pdf(run, {}, tmp_path / "report.pdf", failures=run.failures)
    text = " ".join(_pdf_text(tmp_path / "report.pdf").split())
    assert "This part of the report failed" in text
    assert "conflict pages failed: RuntimeError: boom on purpose" in text
    assert "Appendix: input manifest" in text  # the pages after it are still there
    assert [f.stage for f in run.failures] == ["page:conflicts"]


def test_debug_prints_the_traceback_and_only_then(run_dir, tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.report.charts.plot_credentials", _boom)
    run = tmp_path / "run"
    shutil.copytree(run_dir, run)
    quiet = CliRunner().invoke(main, ["report", str(run), "--format", "png"])
    assert "Traceback" not in quiet.output
    loud = CliRunner().invoke(main, ["report", str(run), "--format", "png", "--debug"])
    assert loud.exit_code == 0
    assert "Traceback" in loud.output and "RuntimeError: boom on purpose" in loud.output


def test_an_unexpected_error_in_extraction_is_one_line_naming_the_stage(inputs, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr("analysis.pipeline.run_extraction", _boom)
    args = ["analyse", str(inputs), "--out", str(tmp_path / "out"), "--jobs", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "Error: extraction failed: RuntimeError: boom on purpose" in result.output
    assert "Traceback" not in result.output
    debug = CliRunner().invoke(main, args + ["--debug"])
    assert isinstance(debug.exception, StageError)


def test_the_open_ended_dose_that_broke_the_chart_draws(tmp_path):
    """The issue's case: a claim open at one end (and one with no number at all) beside
    closed ranges, in grams and milligrams."""
    from analysis import plot_dose_ranges

    rows = pd.DataFrame({
        "article": ["a", "a", "b", "c", "c"], "topic": "dose",
        "value": ["2–4 g", "≥ 10 g", "≤ 8 g", "500 mg", "some"],
        "low": [2.0, 10.0, None, 500.0, None], "high": [4.0, None, 8.0, 500.0, None],
        "unit": ["g", "g", "g", "mg", None], "scope": "mass/day", "level": "typical",
        "qualifier": "", "start": [0, 10, 0, 0, 5]})
    fig = plot_dose_ranges(rows)
    drawn = [a for ax in fig.axes for a in ax.get_children() if a.get_gid() == "dose-claim"]
    assert len(drawn) == len(rows)
    fig.savefig(tmp_path / "dose.png")
