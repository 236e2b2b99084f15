"""The Dask engine on a LocalCluster: workers read the inputs in blocks and write the
datasets; the tables read back equal the local engine's, order included."""

import csv
import json
import random

import pandas as pd
import pytest
from click.testing import CliRunner

from analysis import InputError, analyse
from analysis.cli import main
from analysis.engine.blocks import read_in_blocks
from analysis.engine.dask import analyse_on_cluster, read_table
from analysis.extract import batch_subjects, subject_stats, subjects_from_mains
from analysis.ingest import ingest
from analysis.topics import load_topics
from benchmarks.synthetic import generate_batch, write_batch
from tests.conftest import SEEDS

TABLES = ("articles", "manifest", "sentences", "assertions", "conflicts", "topics", "studies",
          "copies", "agreement", "signals", "departures")


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values read the same whether a column holds None or NaN."""
    frame = frame.reset_index(drop=True)
    return frame.astype(object).where(frame.notna(), None)


def _same_tables(a, b):
    for name in TABLES:
        pd.testing.assert_frame_equal(_plain(getattr(a, name)), _plain(getattr(b, name)),
                                      check_dtype=False, obj=name)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Text files, a JSONL file and a CSV file (quoted newlines, an id used twice)."""
    root = tmp_path_factory.mktemp("cluster")
    write_batch(30, root / "files", seed=3)
    rows = generate_batch(40, seed=4)
    with (root / "more.jsonl").open("w", encoding="utf-8") as fh:
        for i, (ident, text, _) in enumerate(rows[:25]):
            fh.write(json.dumps({"id": "synthetic_000001" if i == 3 else ident + "j",
                                 "text": text}) + "\n")
        fh.write("{not json\n")
    with (root / "more.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text", "source"])
        for ident, text, _ in rows[25:]:
            writer.writerow([ident + "c", text.replace("\n\n", '\n"quoted"\r\n'), "feed"])
    return root


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def test_cluster_tables_equal_the_local_engine(batch, cluster, tmp_path):
    inputs = [batch / "files", batch / "more.jsonl", batch / "more.csv", SEEDS]
    local = analyse(inputs, reference=[SEEDS])
    # Small blocks: several runs of files, and the JSONL and CSV files cut into ranges.
    remote = analyse_on_cluster(inputs, load_topics(), run_dir=tmp_path, scheduler=cluster,
                                reference=[SEEDS], files_bytes=80_000, table_bytes=50_000)
    assert len(list((tmp_path / "assertions.parquet").glob("part-*.parquet"))) >= 5
    assert len(local.departures) and len(local.copies) and len(local.conflicts)
    _same_tables(local, remote)
    pd.testing.assert_frame_equal(_plain(read_table(tmp_path, "assertions")),
                                  _plain(local.assertions), check_dtype=False)


def test_library_call_on_a_cluster_returns_the_local_tables(cluster):
    _same_tables(analyse(SEEDS), analyse(SEEDS, engine="dask", scheduler=cluster))
    with pytest.raises(InputError):
        analyse(pd.DataFrame({"id": ["a"], "text": ["Kratom."]}), engine="dask")


def test_a_batch_about_an_unknown_substance_finds_its_subject_on_a_cluster(cluster, tmp_path):
    """No lexicon name dominates: the subject is the word named throughout, counted per
    partition on the workers."""
    texts = [f"Zorblax is a herb from the hills. Zorblax powder is sold online. Users take "
             f"{n} g of zorblax a day. Zorblax is addictive, says writer {n}."
             for n in (1, 2, 3, 8)]
    for i, text in enumerate(texts):
        (tmp_path / f"z{i}.txt").write_text(text, encoding="utf-8")
    local = analyse(tmp_path)
    remote = analyse(tmp_path, engine="dask", scheduler=cluster)
    assert set(local.assertions["subject"]) == {"zorblax"}
    _same_tables(local, remote)


def test_cli_engine_dask_writes_datasets_conflicts_and_report(cluster, tmp_path):
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["analyse", str(SEEDS), "--engine", "dask",
                                       "--scheduler", cluster, "--out", str(out), "-q",
                                       "--format", "csv,pdf"])
    assert result.exit_code == 0, result.output
    for name in ("assertions", "sentences", "articles", "topics", "signals"):
        assert list((out / f"{name}.parquet").glob("part-*.parquet")), name
    assert (out / "report.pdf").stat().st_size > 10_000
    analyse(SEEDS).write_report(tmp_path / "local", formats=["csv"])
    for table in ("conflicts", "manifest"):  # streamed part by part, byte for byte the same
        assert (out / f"{table}.csv").read_text() == \
            (tmp_path / "local" / f"{table}.csv").read_text(), table
    assert not (out / "_staging").exists()


def test_blocks_read_exactly_what_ingest_reads(batch, tmp_path):
    weird = tmp_path / "weird.jsonl"
    lines = [json.dumps({"id": "dup", "text": f"Kratom note {i}.\nSecond line."})
             for i in range(40)]
    lines[7] = "not json"
    weird.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    inputs = [batch, weird, tmp_path / "missing.txt"]
    expected = ingest(inputs)
    for size in (300, 2_000, 10**9):
        got, blocks = read_in_blocks(inputs, max_bytes=20_000_000, files_bytes=size,
                                     table_bytes=size)
        pd.testing.assert_frame_equal(_plain(got.articles), _plain(expected.articles),
                                      check_dtype=False)
        pd.testing.assert_frame_equal(_plain(got.manifest), _plain(expected.manifest),
                                      check_dtype=False)
        assert got.messages == expected.messages
    assert blocks < 10  # the last size: whole files, a few blocks


def test_batch_subjects_from_partition_counts(topics):
    rng = random.Random(5)
    texts = [t for _, t, _ in generate_batch(60, seed=6)] + [SEEDS.joinpath(p.name).read_text()
                                                            for p in sorted(SEEDS.glob("*"))]
    rng.shuffle(texts)
    docs, mains = 0, None
    for part in (texts[:20], texts[20:45], texts[45:]):
        n, counted = subject_stats(part, topics)
        docs += n
        mains = counted if mains is None else mains + counted
    assert subjects_from_mains(docs, mains) == batch_subjects(texts, topics)
