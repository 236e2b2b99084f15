"""Property-based tests of the report: generated assertion and conflict tables (missing
values in any column, open and zero-width and enormous ranges, every unit family, one to
500 articles, hostile ids and titles, topics without rows) must draw every chart and
write every requested file, from the library and from `crosscheck report RUN`."""

from __future__ import annotations

import math
from types import SimpleNamespace

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis import (
    plot_conflict_summary,
    plot_credentials,
    plot_dose_ranges,
    plot_legal_status,
    plot_stance,
    plot_topic_matrix,
    schema,
    write_run,
)
from analysis.cli import main
from analysis.report.charts import chart_makers
from analysis.topics import load_topics

TOPICS = load_topics()
FAST = settings(max_examples=12, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

HOSTILE = ["$x$", "$", "a\\b", "a\nb", "\t", "<script>alert(1)</script>", "../../etc/passwd",
           "%s %d {0} {}", "🙂" * 40, "x" * 400, "nan", "None", "NaN", "001", " ", "a;b",
           "a ‖ b", "العربية", "中文标题", "Ω≈ç√∫", "\u200b", "\x00", "\x1b[31m", "_", "-1",
           "=1+1", "null", "true", "1e5", "  padded  "]
TEXT = st.one_of(st.sampled_from(HOSTILE),
                 st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
                         min_size=1, max_size=60))
MAYBE_TEXT = st.one_of(st.none(), st.just(float("nan")), st.just(""), TEXT)
NUMBER = st.one_of(st.none(), st.just(float("nan")), st.just(0.0), st.just(1e-9),
                   st.just(1e12), st.just(-5.0), st.just(float("inf")),
                   st.floats(min_value=0.001, max_value=1e5, allow_nan=False))
UNITS = ["g", "mg", "mcg", "ml", "IU", "capsules", "tablets", "teaspoons", "tablespoons",
         "mg/kg", "drops", None, ""]
FAMILIES = {"g": "mass", "mg": "mass", "mcg": "mass", "ml": "volume", "IU": "IU",
            "capsules": "count", "tablets": "count", "teaspoons": "count",
            "tablespoons": "count", "mg/kg": "mg/kg"}
LEVELS = st.sampled_from(["start", "typical", "high", None, "", "heroic"])
STANCES = st.sampled_from(["none", "low", "possible", "high", None, "", "unheard-of"])
STATUSES = st.sampled_from(["legal", "regulated", "unregulated", "unapproved", "controlled",
                            "banned", "varies", "uncertain", None, "", "weird"])
SCOPES = st.sampled_from(["US federal", "all US states", "Alabama", "Thailand", "general",
                          None, "", "x" * 80])
OPEN_TOPICS = ["hyperpigmentation", "sleep quality", "ünïcode topic", "a" * 70]


@st.composite
def dose_row(draw):
    low, high = draw(NUMBER), draw(NUMBER)
    shape = draw(st.sampled_from(["as drawn", "open above", "open below", "zero width",
                                  "both missing", "enormous"]))
    if shape == "open above":
        high = None
    elif shape == "open below":
        low = None
    elif shape == "zero width":
        high = low
    elif shape == "both missing":
        low = high = None
    elif shape == "enormous":
        low, high = 1e-6, 1e15
    unit = draw(st.sampled_from(UNITS))
    family = FAMILIES.get(unit or "", "other")
    return {"topic": "dose", "kind": "quantity", "low": low, "high": high, "unit": unit,
            "value": draw(MAYBE_TEXT), "level": draw(LEVELS), "qualifier": draw(MAYBE_TEXT),
            "scope": draw(st.sampled_from([f"{family}/day", f"{family}/any", None, "",
                                           "/", "weird"]))}


@st.composite
def other_row(draw):
    kind = draw(st.sampled_from(["scale", "status", "credentials", "mentions", "effect"]))
    if kind == "scale":
        return {"topic": "addiction_risk", "kind": kind, "value": draw(STANCES),
                "hedged": draw(st.sampled_from([True, False, None]))}
    if kind == "status":
        return {"topic": "legal_status", "kind": kind, "value": draw(STATUSES),
                "scope": draw(SCOPES)}
    if kind == "credentials":
        return {"topic": "author_credentials", "kind": kind, "value": draw(MAYBE_TEXT),
                "degrees": draw(MAYBE_TEXT), "certifications": draw(MAYBE_TEXT),
                "affiliations": draw(MAYBE_TEXT), "flags": draw(MAYBE_TEXT),
                "years_experience": draw(NUMBER)}
    if kind == "mentions":
        return {"topic": "side_effects", "kind": kind, "value": draw(MAYBE_TEXT)}
    return {"topic": draw(st.sampled_from(OPEN_TOPICS)), "kind": kind,
            "value": draw(st.sampled_from(["benefit", "harmless", "adverse", None]))}


COLUMNS = list(dict.fromkeys(schema.ASSERTIONS + ["subject", "name", "role", "degrees",
                                                  "certifications", "years_experience",
                                                  "affiliations", "flags"]))


@st.composite
def batches(draw, sizes=(1, 2, 3, 30, 500)):
    """(articles, assertions, conflicts, manifest) for one generated batch."""
    n = draw(st.sampled_from(sizes))
    prefix = draw(TEXT)
    ids = list(dict.fromkeys([draw(TEXT) for _ in range(min(n, 4))] +
                             [f"{prefix}{i}" for i in range(n)]))[:n]
    titles = {a: draw(MAYBE_TEXT) for a in ids[:5]}
    articles = pd.DataFrame({"article": ids, "title": [titles.get(a, f"Title of {a}")
                                                       for a in ids],
                             "status": "ok"})
    subjects = draw(st.sampled_from([None, ["kava"], ["kava", "vitamin d", ""]]))
    rows = []
    # a few drawn rows spread over the articles, then (for big batches) cheap filler rows
    drawn = draw(st.lists(st.one_of(dose_row(), other_row()), max_size=25))
    nulls = draw(st.lists(st.sets(st.sampled_from(COLUMNS), max_size=3), min_size=len(drawn),
                          max_size=len(drawn)))
    for i, (row, null) in enumerate(zip(drawn, nulls)):
        row = {"article": ids[(i * 7) % n], **row}
        for col in null:
            row[col] = None
        rows.append(row)
    if n > 30:
        units = ["g", "mg", "IU"]
        for i in range(n * 2):
            rows.append({"article": ids[i % n], "topic": "dose", "kind": "quantity",
                         "low": float(i % 7 or "nan"), "high": float(i % 11 + 7),
                         "unit": units[i % 3], "scope": f"{FAMILIES[units[i % 3]]}/day",
                         "value": f"{i} u", "level": "typical"})
            rows.append({"article": ids[i % n], "topic": "addiction_risk", "kind": "scale",
                         "value": ["none", "low", "high"][i % 3], "hedged": bool(i % 2)})
            rows.append({"article": ids[i % n], "topic": "legal_status", "kind": "status",
                         "value": ["legal", "banned"][i % 2], "scope": "Alabama"})
    if subjects:
        for i, row in enumerate(rows):
            row.setdefault("subject", subjects[i % len(subjects)])
    assertions = pd.DataFrame(rows, columns=COLUMNS if subjects else
                              [c for c in COLUMNS if c != "subject"])
    conflicts = pd.DataFrame(draw(st.lists(st.fixed_dictionaries({
        "topic": st.sampled_from(["dose", "addiction_risk", "legal_status",
                                  "author_credentials", "side_effects", OPEN_TOPICS[0], None]),
        "kind": st.sampled_from(["cross-source", "within-source", "changed-over-time", None]),
        "articles": st.one_of(st.none(), st.lists(st.sampled_from(ids), min_size=1,
                                                  max_size=4).map(";".join)),
        "summary": MAYBE_TEXT, "evidence": MAYBE_TEXT, "scope": MAYBE_TEXT,
        "severity": st.one_of(st.none(), st.floats(0, 1), st.just(float("nan"))),
        "detail": MAYBE_TEXT, "locations": MAYBE_TEXT, "sections": MAYBE_TEXT,
        "folded": st.one_of(st.none(), st.integers(0, 10**6), st.just(float("nan"))),
    }), max_size=8)), columns=schema.CONFLICTS + ["locations", "sections", "folded"])
    manifest = pd.DataFrame({"input": [f"in/{a}.txt" for a in ids[:50]] + [draw(MAYBE_TEXT)],
                             "line": [None] * min(n, 50) + [draw(st.sampled_from([None, 3]))],
                             "format": "txt", "bytes": 10, "encoding": "utf-8",
                             "status": ["ok"] * min(n, 50) + [draw(st.sampled_from(
                                 ["ok", "skipped", "failed", None]))],
                             "reason": [""] * min(n, 50) + [draw(MAYBE_TEXT)],
                             "article": ids[:50] + [draw(MAYBE_TEXT)]})
    return articles, assertions, conflicts, manifest


def _run(articles, assertions, conflicts, manifest):
    return SimpleNamespace(articles=articles, assertions=assertions, conflicts=conflicts,
                           manifest=manifest, topics=schema.empty(schema.TOPICS),
                           schema=TOPICS)


PLOTS = [plot_dose_ranges, plot_stance, plot_legal_status, plot_credentials,
         plot_topic_matrix, plot_conflict_summary]


@FAST
@given(batches())
def test_every_plot_returns_a_figure_for_any_table(batch):
    run = _run(*batch)
    for plot in PLOTS:
        fig = plot(run)
        try:
            assert isinstance(fig, Figure), plot.__name__
            fig.canvas.draw()  # layout and text rendering fail here, not at creation
        finally:
            plt.close(fig)


@FAST
@given(batches(sizes=(1, 2, 30)))
def test_plots_draw_on_a_small_given_axes(batch):
    run = _run(*batch)
    for plot in PLOTS:
        fig, ax = plt.subplots(figsize=(3, 2))
        try:
            assert plot(run, ax=ax) is fig, plot.__name__
        finally:
            plt.close(fig)


def _expected_files(run, formats):
    names = {f"{t}.csv" for t in ("assertions", "conflicts", "manifest", "topics",
                                  "articles")}
    if "png" in formats:
        names |= {f"{name}.png" for name in chart_makers(run)}
    if "pdf" in formats:
        names.add("report.pdf")
    return names


def _small_png(fig, path):
    fig.savefig(path, dpi=20)  # what is checked is that it is written, not how it looks
    return True


@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(batches(sizes=(1, 500)))
def test_write_run_and_report_command_write_every_requested_file(tmp_path_factory, batch):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("analysis.report.run_dir._save_png", _small_png)
        _write_and_rerender(tmp_path_factory, batch)


def _write_and_rerender(tmp_path_factory, batch):
    """The library writes the tables and PNGs from the frames as generated; the CLI then
    renders the PDF and PNGs again from the CSVs (one PDF per example keeps this fast)."""
    run = _run(*batch)
    out = tmp_path_factory.mktemp("run")
    written = write_run(run, out, formats=["png", "csv"])
    expected = _expected_files(run, {"png"})
    assert {p.name for p in written} == expected
    assert all((out / name).stat().st_size > 0 for name in expected)
    assert run.failures == []  # no chart or page needed isolating
    for png in out.glob("*.png"):
        png.unlink()
    result = CliRunner().invoke(main, ["report", str(out), "--format", "pdf,png"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output, result.output
    for name in _expected_files(run, {"pdf", "png"}):
        assert (out / name).stat().st_size > 0, name


def test_generated_tables_cover_the_hard_cases():
    """The strategy really produces open, zero-width, missing and huge ranges."""
    seen = set()

    @settings(max_examples=200, deadline=None, derandomize=True)
    @given(dose_row())
    def collect(row):
        low, high = row["low"], row["high"]
        missing = [v is None or (isinstance(v, float) and math.isnan(v)) for v in (low, high)]
        seen.add(("missing", tuple(missing)))
        if not any(missing) and low == high:
            seen.add("zero width")
        if not any(missing) and max(abs(low), abs(high)) >= 1e12:
            seen.add("enormous")

    collect()
    assert {("missing", (True, False)), ("missing", (False, True)), ("missing", (True, True)),
            "zero width", "enormous"} <= seen
