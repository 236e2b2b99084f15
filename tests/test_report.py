"""The report: page structure and titles (read back with pypdf), PNG sizes, the plot_*
functions' artists, and re-rendering from saved tables."""

import struct
from types import SimpleNamespace

import pandas as pd
import pytest
from click.testing import CliRunner
from matplotlib.figure import Figure
from pypdf import PdfReader

from analysis import (
    analyse,
    plot_conflict_summary,
    plot_credentials,
    plot_dose_ranges,
    plot_legal_status,
    plot_stance,
    plot_topic_matrix,
)
from analysis.cli import main
from analysis.report.pdf import render_pdf
from benchmarks.synthetic import write_batch
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds_report")
    run = analyse(SEEDS)
    run.write_report(out)
    return run, out


def _page_texts(path):
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _png_size(path):
    with open(path, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_pdf_has_summary_charts_conflicts_and_manifest(seeds_report):
    run, out = seeds_report
    texts = _page_texts(out / "report.pdf")
    assert texts[0].startswith("crosscheck report — summary")
    assert "5 articles analysed" in texts[0]
    joined = "\n".join(texts)
    for title in ("Source × topic", "Conflicts per topic", "Dose ranges per article",
                  "Addiction risk stance per article", "Legal status by jurisdiction",
                  "Author and reviewer credentials", "Conflicts, quoted",
                  "Appendix: input manifest"):
        assert title in joined, title
    conflict_pages = [t for t in texts if t.startswith("Conflicts, quoted")]
    assert len(conflict_pages) == -(-len(run.conflicts) // 4)
    # every conflict's first quote is findable in the PDF's text
    flat = " ".join(joined.split())
    for evidence in run.conflicts["evidence"]:
        first = evidence.split(" ‖ ")[0]
        assert " ".join(first.split())[:40] in flat


def test_each_chart_is_a_png_of_sensible_size(seeds_report):
    _, out = seeds_report
    names = ["topic_matrix", "conflicts_per_topic", "dose_ranges", "stance_addiction_risk",
             "legal_status", "author_credentials"]
    for name in names:
        width, height = _png_size(out / f"{name}.png")
        assert 600 <= width <= 4000 and 300 <= height <= 6000, (name, width, height)


def test_plot_functions_return_figures_with_one_artist_per_claim(seeds_report):
    run, _ = seeds_report
    fig = plot_dose_ranges(run)
    assert isinstance(fig, Figure)
    drawn = [a for ax in fig.axes for a in ax.get_children() if a.get_gid() == "dose-claim"]
    assert len(drawn) == (run.assertions["topic"] == "dose").sum()
    fig = plot_stance(run)
    dots = [a for ax in fig.axes for a in ax.collections if a.get_gid() == "stance-claim"]
    assert len(dots) == (run.assertions["topic"] == "addiction_risk").sum()
    for plot in (plot_legal_status, plot_credentials, plot_topic_matrix, plot_conflict_summary):
        assert isinstance(plot(run), Figure)


def test_plot_functions_draw_on_a_given_axes(seeds_report):
    import matplotlib.pyplot as plt

    run, _ = seeds_report
    fig, ax = plt.subplots()
    assert plot_stance(run, ax=ax) is fig
    assert plot_dose_ranges(run, ax=ax) is fig
    plt.close(fig)


def test_report_command_rerenders_the_same_pages(seeds_report, tmp_path):
    _, out = seeds_report
    copy = tmp_path / "copy"
    copy.mkdir()
    for table in out.glob("*.csv"):
        (copy / table.name).write_bytes(table.read_bytes())
    result = CliRunner().invoke(main, ["report", str(copy)])
    assert result.exit_code == 0, result.output
    assert _page_texts(copy / "report.pdf") == _page_texts(out / "report.pdf")
    assert (copy / "dose_ranges.png").exists()


def test_report_rerender_follows_edited_tables(seeds_report, tmp_path):
    _, out = seeds_report
    for table in out.glob("*.csv"):
        if table.name != "conflicts.csv":
            (tmp_path / table.name).write_bytes(table.read_bytes())
    conflicts = pd.read_csv(out / "conflicts.csv")
    conflicts[conflicts["topic"] == "dose"].to_csv(tmp_path / "conflicts.csv", index=False)
    assert CliRunner().invoke(main, ["report", str(tmp_path)]).exit_code == 0
    conflict_pages = [t for t in _page_texts(tmp_path / "report.pdf")
                      if t.startswith("Conflicts, quoted")]
    assert len(conflict_pages) == 1 and "addiction_risk" not in conflict_pages[0]


def test_report_command_on_a_folder_without_tables_fails_clearly(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 1
    assert "lacks assertions, conflicts, manifest" in result.output


def test_large_batch_charts_aggregate(tmp_path):
    write_batch(60, tmp_path / "in")
    run = analyse(tmp_path / "in")
    one_subject = {"assertions": run.assertions.assign(subject="kratom"),
                   "conflicts": run.conflicts, "articles": run.articles}
    fig = plot_dose_ranges(one_subject)
    assert "articles, one line per claim" in fig.axes[0].get_title(loc="left")
    assert "articles" in plot_legal_status(one_subject).axes[0].get_title(loc="left")
    run.write_report(tmp_path / "out", formats=["pdf"])
    assert len(PdfReader(str(tmp_path / "out" / "report.pdf")).pages) <= 20


def test_charts_have_a_panel_per_subject_and_dose_axes_in_the_claims_unit():
    def row(article, subject, low, high, unit):
        return {"article": article, "subject": subject, "topic": "dose", "low": low,
                "high": high, "unit": unit, "value": f"{low}-{high} {unit}",
                "scope": "mass/day", "level": "typical"}

    rows = pd.DataFrame([row("a", "kava", 1, 3, "g"), row("b", "kava", 2, 4, "g"),
                         row("c", "kava", 500, 500, "mg"), row("a", "vitamin d", 10, 20, "mcg"),
                         row("b", "vitamin d", 1000, 2000, "IU")])
    titles = [ax.get_title(loc="left") for ax in plot_dose_ranges(rows).axes]
    assert titles == ["Dose ranges per article — kava (g)",
                      "Dose ranges per article — vitamin d (mcg)",
                      "Dose ranges per article — vitamin d (IU)"]
    axis = plot_dose_ranges(rows[rows["subject"] == "kava"]).axes[0]
    assert axis.get_xlabel() == "dose (g)"
    assert axis.get_xlim()[1] < 10  # 500 mg is drawn at 0.5 g, not 500
    stance = pd.DataFrame({"article": ["a", "b", "c"], "topic": "addiction_risk",
                           "value": ["none", "high", "low"], "hedged": False,
                           "subject": ["kava", "kava", "nicotine"]})
    titles = [ax.get_title(loc="left") for ax in plot_stance(stance).axes]
    assert [t.split(":")[0] for t in titles] == ["Addiction risk — kava",
                                                 "Addiction risk — nicotine"]


def test_charts_label_articles_with_short_titles_and_the_pdf_lists_them(tmp_path):
    ids = ["000_610849384fc569f2", "001_2f9e793eb91b9700"]
    articles = pd.DataFrame({"article": ids, "title": ["Kratom: a guide to dosing", ""]})
    rows = pd.DataFrame({"article": ids, "topic": "addiction_risk", "value": ["none", "high"],
                         "hedged": False})
    fig = plot_stance({"assertions": rows, "articles": articles})
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["000 · Kratom: a guide to dosing", "001_2f9e793eb91b9700"]
    render_pdf(SimpleNamespace(assertions=rows, articles=articles), {}, tmp_path / "r.pdf",
               failures=[])
    listing = [t for t in _page_texts(tmp_path / "r.pdf") if t.startswith("Articles:")]
    assert len(listing) == 1
    assert "000 000_610849384fc569f2 Kratom: a guide to dosing" in " ".join(listing[0].split())


def test_json_format_writes_tables(tmp_path):
    analyse(SEEDS).write_report(tmp_path, formats=["json"])
    records = pd.read_json(tmp_path / "assertions.json", orient="records")
    assert len(records) > 0 and {"evidence", "start", "end"} <= set(records.columns)
    assert (tmp_path / "manifest.csv").exists()


def test_repr_html_and_compare(seeds_report):
    run, _ = seeds_report
    assert "Strongest conflicts" in run._repr_html_()
    table = run.compare("addiction_risk")
    assert list(table.columns) == ["article", "claims", "values", "conflicts", "evidence"]
    assert table["conflicts"].sum() > 0


def test_report_command_keeps_the_tables_it_rerenders_from(tmp_path):
    out = tmp_path / "run"
    analyse(SEEDS).write_report(out, formats=["csv", "json", "png"])
    tables = sorted(p.name for p in out.glob("*.csv")) + sorted(p.name for p in out.glob("*.json"))
    for _ in range(2):  # the second re-render needs the tables the first one read
        result = CliRunner().invoke(main, ["report", str(out), "--format", "pdf"])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.csv")) + sorted(
        p.name for p in out.glob("*.json")) == tables
    assert (out / "report.pdf").is_file() and not list(out.glob("*.png"))



def test_the_legal_chart_outlines_a_states_claim_and_the_all_states_claim_it_meets():
    import pandas as pd

    from analysis import analyse, plot_legal_status
    frame = pd.DataFrame({"id": ["a", "b"], "text": [
        "Kratom law\n\nKratom is banned in Alabama and Arkansas.",
        "Kratom law\n\nKratom is legal in all 50 states."]})
    run = analyse(frame, subjects=["kratom"])
    c = run.conflicts[run.conflicts["topic"] == "legal_status"]
    assert len(c) == 1 and set(c.iloc[0]["scope"].split("; ")) == {"Alabama", "Arkansas"}
    fig = plot_legal_status(run)
    outlined = [p for ax in fig.axes for p in ax.patches if p.get_linewidth() >= 2]
    assert len(outlined) == 3  # Alabama and Arkansas for a, all US states for b
