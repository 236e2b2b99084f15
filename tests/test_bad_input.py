"""Bad input: every case gets a manifest row and a one-line message, the batch goes on,
nothing is lost, and output is written atomically. The corpus is generated here."""

import codecs
import json
import os

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import analyse, ingest
from analysis.cli import main
from analysis.extract import extract_article
from analysis.ingest.decode import NotText, decode
from analysis.topics import load_topics

GOOD = "Kratom is not addictive. Most people take 2-4 grams daily."


@pytest.fixture()
def bad_folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_bytes(b"  \n\t\n")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (d / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3")
    (d / "disguised.txt").write_bytes(b"%PDF-1.4 not really text")
    (d / "legacy.txt").write_bytes("Café owners say kratom is “not addictive”.".encode("cp1252"))
    (d / "wide.txt").write_bytes("Kratom is highly addictive.".encode("utf-16"))
    (d / "bom.txt").write_bytes(codecs.BOM_UTF8 + b"Kratom is banned in Alabama.")
    (d / "notes.docx").write_bytes(b"PK\x03\x04rest")
    (d / "page.html").write_text(
        "<html><head><title>T &amp; C</title><style>p{}</style>"
        "<script>var dose='take 900 mg daily';</script></head><body>"
        "<p>Take 2 g daily.</p><div hidden>Take 50 g daily.</div>"
        "<p style='display: none'>Take 70 g daily.</p></body></html>")
    (d / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD}) + "\n"
        "{not json\n"
        "[1, 2]\n"
        "\n"
        + json.dumps({"id": "j1", "text": "Kratom is banned in Ohio."}) + "\n"
        + json.dumps({"id": "j3", "text": ""}) + "\n"
        + json.dumps({"id": "j4"}) + "\n")
    (d / "rows.csv").write_text('id,text,title\nc1,"Kratom may lead to dependence.",A\n'
                                'c2,"two, fields",B,extra\n')
    (d / "wrong.csv").write_text("name,body\nx,y\n")
    os.symlink(d / "loop", d / "loop")
    return d


def _row(manifest, name, line=None):
    rows = manifest[manifest["input"].str.endswith(name)]
    if line is not None:
        rows = rows[rows["line"] == line]
    assert len(rows) == 1, (name, line, rows.to_dict("records"))
    return rows.iloc[0]


def test_every_bad_input_gets_a_manifest_row_with_a_reason(bad_folder):
    run = analyse([bad_folder, bad_folder / "missing.txt"])
    m = run.manifest
    expect = {
        "empty.txt": ("skipped", "empty file"),
        "blank.md": ("skipped", "blank file"),
        "binary.txt": ("skipped", "binary file"),
        "scan.pdf": ("skipped", "binary file (PDF)"),
        "disguised.txt": ("skipped", "binary file (PDF)"),
        "notes.docx": ("skipped", "binary file (ZIP/Office)"),
        "wrong.csv": ("failed", "no 'text' column (columns found: ['name', 'body'])"),
        "missing.txt": ("failed", "no such file or directory"),
        "loop": ("failed", "symbolic link"),
    }
    for name, (status, reason) in expect.items():
        row = _row(m, name)
        assert row["status"] == status and reason in row["reason"], (name, dict(row))
    assert _row(m, "batch.jsonl", 2)["reason"].startswith("malformed JSON")
    assert "expected a JSON object" in _row(m, "batch.jsonl", 3)["reason"]
    assert _row(m, "batch.jsonl", 5)["article"] == "j1~2"
    assert "renamed to 'j1~2'" in _row(m, "batch.jsonl", 5)["reason"]
    assert _row(m, "batch.jsonl", 6)["reason"] == "empty 'text'"
    assert _row(m, "batch.jsonl", 7)["reason"] == "missing 'text'"
    assert "row has 4 fields, header has 3" in _row(m, "rows.csv", 3)["reason"]


def test_good_inputs_survive_beside_bad_ones(bad_folder):
    run = analyse(bad_folder)
    ok = set(run.manifest.loc[run.manifest["status"] == "ok", "article"])
    assert {"good", "legacy", "wide", "bom", "page", "j1", "j1~2", "c1"} <= ok
    assert set(run.articles["article"]) == ok
    texts = dict(zip(run.articles["article"], run.articles["text"]))
    assert "“not addictive”" in texts["legacy"]
    assert texts["wide"] == "Kratom is highly addictive."
    assert not texts["bom"].startswith("\ufeff")


def test_encodings_are_recorded(bad_folder):
    m = analyse(bad_folder).manifest
    assert _row(m, "wide.txt")["encoding"] == "utf-16 (BOM)"
    assert _row(m, "bom.txt")["encoding"] == "utf-8 (BOM)"
    assert _row(m, "good.txt")["encoding"] == "utf-8"
    assert _row(m, "legacy.txt")["encoding"] not in ("", "utf-8")


def test_html_keeps_visible_text_only(bad_folder):
    run = analyse(bad_folder / "page.html", subjects=["kratom"])  # the page never names it
    text = run.articles.iloc[0]["text"]
    assert "Take 2 g daily." in text
    assert "900" not in text and "50 g" not in text and "70 g" not in text
    assert run.articles.iloc[0]["title"] == "T & C"
    assert list(run.assertions["value"]) == ["2 g"]


def test_inputs_in_equals_manifest_rows(tmp_path):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(30):
        (d / f"a{i:02}.txt").write_text(GOOD if i % 3 else "")
    lines = [json.dumps({"id": f"x{i}", "text": GOOD}) if i % 4 else "{bad" for i in range(20)]
    (d / "z.jsonl").write_text("\n".join(lines))
    m = analyse(d).manifest
    assert len(m) == 30 + 20
    assert (m["status"] == "ok").sum() == 20 + 15


def test_oversized_input_is_skipped_with_reason(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100)
    m = analyse(path, max_bytes=1000).manifest
    assert m.iloc[0]["status"] == "skipped" and "too large" in m.iloc[0]["reason"]
    assert m.iloc[0]["bytes"] == path.stat().st_size


def test_pathological_text_finishes(tmp_path):
    path = tmp_path / "runon.txt"
    path.write_text("kratom dose 1-2-3 mg addiction legal " * 20000 + "1" * 100000)
    run = analyse(path)
    assert run.manifest.iloc[0]["status"] == "ok"
    texts = dict(zip(run.articles["article"], run.articles["text"]))
    for r in run.assertions.itertuples():
        assert texts[r.article][r.start:r.end] == r.evidence


def test_deeply_nested_html_finishes(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 20000 + "Take 2 g daily." + "</div>" * 20000)
    run = analyse(path, subjects=["kratom"])  # the page never names its subject
    assert list(run.assertions["value"]) == ["2 g"]


def test_large_folder_of_files(tmp_path):
    d = tmp_path / "wide"
    d.mkdir()
    for i in range(50_000):
        (d / f"{i:05}.txt").write_bytes(b"")
    (d / "real.txt").write_text(GOOD)
    m = ingest(d).manifest
    assert len(m) == 50_001
    assert (m["status"] == "ok").sum() == 1


def test_untrusted_ids_become_safe_names():
    frame = pd.DataFrame({"id": ["../../etc/passwd", "a b<script>", ""],
                          "text": [GOOD, GOOD, GOOD]})
    ids = list(analyse(frame).articles["article"])
    assert all("/" not in i and "<" not in i and " " not in i for i in ids)
    assert len(set(ids)) == 3


def test_html_summary_escapes_titles_and_ids():
    frame = pd.DataFrame({"id": ["<b>x</b>"], "text": ["<i>Kratom</i> is not addictive. "
                                                      "Kratom is highly addictive."]})
    html = analyse(frame)._repr_html_()
    assert "<b>x</b>" not in html and "<i>Kratom" not in html


def test_cli_prints_one_line_per_problem_and_keeps_going(bad_folder, tmp_path):
    result = CliRunner().invoke(main, ["analyse", str(bad_folder), "--out",
                                       str(tmp_path / "out"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert f"skipped {bad_folder / 'scan.pdf'}: binary file (PDF), not text" in result.output
    assert f"failed {bad_folder / 'batch.jsonl'}:2: malformed JSON" in result.output
    strict = CliRunner().invoke(main, ["analyse", str(bad_folder), "--out",
                                       str(tmp_path / "out2"), "--format", "csv", "--strict"])
    assert strict.exit_code == 1


def test_out_inside_an_input_folder_is_refused(bad_folder):
    result = CliRunner().invoke(main, ["analyse", str(bad_folder), "--out",
                                       str(bad_folder / "reports")])
    assert result.exit_code == 2
    assert "inside the input folder" in result.output
    assert not (bad_folder / "reports").exists()


def test_rerun_removes_its_own_stale_files_and_nothing_else(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    analyse(src).write_report(out, formats=["csv", "png"])
    assert list(out.glob("*.png"))
    analyse(src).write_report(out, formats=["csv"])
    assert not list(out.glob("*.png"))
    assert (out / "mine.txt").read_text() == "keep me"
    assert not [p for p in out.iterdir() if p.name.startswith(".crosscheck-") and p.is_dir()]


def test_interrupted_write_leaves_previous_tables_whole(tmp_path, monkeypatch):
    src = tmp_path / "a.txt"
    src.write_text(GOOD)
    out = tmp_path / "out"
    run = analyse(src)
    run.write_report(out, formats=["csv"])
    before = (out / "assertions.csv").read_text()

    def boom(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr("analysis.report.run_dir.charts.all_figures", boom)
    with pytest.raises(KeyboardInterrupt):
        analyse(tmp_path / "a.txt").write_report(out, formats=["csv", "png"])
    assert (out / "assertions.csv").read_text() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".crosscheck-") and p.is_dir()]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600))
def test_any_text_extracts_without_error_and_keeps_offsets(text):
    _, rows = extract_article("h", text, load_topics(), frozenset({"kratom"}))
    for r in rows:
        assert text[r["start"]:r["end"]] == r["evidence"]


WORDS = st.sampled_from(["Kratom", "is", "not", "addictive", "may", "lead", "to", "dependence",
                         "take", "2-4", "grams", "up", "upwards", "of", "10", "mg", "banned",
                         "in", "Alabama", "legal", "federally", ".", ",", "\n", "Dr.", "Ann",
                         "Lee", "PhD", "About the Author", "side effects include", "nausea",
                         "and", "without", "the", "risk", "of", "addiction", "–", "(", ")"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=80).map(" ".join))
def test_topic_rich_text_keeps_offsets(text):
    _, rows = extract_article("h", text, load_topics(), frozenset({"kratom"}))
    for r in rows:
        assert text[r["start"]:r["end"]] == r["evidence"]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_give_a_reason(data):
    try:
        decoded = decode(data)
    except NotText as exc:
        assert str(exc)
    else:
        assert isinstance(decoded.text, str) and decoded.encoding
