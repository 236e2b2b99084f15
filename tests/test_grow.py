"""Runs that grow (`analyse --into`): adding a batch in parts gives the tables of one run
over all of it; only new articles are extracted; a text already in the run is skipped;
a failure part-way leaves the run as it was."""

import hashlib
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

import analysis.report
from analysis import analyse
from analysis.cli import main
from analysis.engine.store import STORE_DIR, add_to_run, read_state
from benchmarks.synthetic import write_batch
from tests.conftest import SEEDS

pytest.importorskip("pyarrow")

TABLES = ("articles", "manifest", "sentences", "assertions", "conflicts", "topics", "studies",
          "copies", "agreement", "signals")


def _same_tables(a, b):
    for name in TABLES:
        left, right = getattr(a, name), getattr(b, name)
        pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True),
                                      check_dtype=False, obj=name)


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    root = tmp_path_factory.mktemp("parts")
    write_batch(60, root / "all", seed=11)
    files = sorted((root / "all").glob("*.txt"))
    folders = []
    for k in range(3):
        folder = root / f"part{k}"
        folder.mkdir()
        for f in files[k * 20:(k + 1) * 20]:
            shutil.copy(f, folder / f.name)
        folders.append(folder)
    # An id the first part already has: renamed synthetic_000005~2 in both ways of running.
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folders[1] / "synthetic_000005.txt")
    return folders


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_adding_a_batch_in_three_parts_equals_one_run(parts, tmp_path):
    whole = analyse(parts)
    for folder in parts:
        growth = add_to_run(tmp_path / "run", [folder], formats=["csv"])
    _same_tables(whole, growth.analysis)
    assert growth.added == 20
    on_disk = pd.read_csv(tmp_path / "run" / "conflicts.csv")
    assert len(on_disk) == len(whole.conflicts)


def _one_subject_batch(folder, start, n):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"k{i:03d}.txt").write_text(
            f"Kratom guide {i}\n\nMost people take {i % 5 + 1}-{i % 5 + 4} grams of kratom "
            f"for pain. Kratom is {'not addictive' if i % 2 else 'highly addictive'}, "
            f"writer {i} says. Kratom is legal in all 50 states.\n")
    return folder


def test_only_new_articles_are_extracted(tmp_path):
    first = _one_subject_batch(tmp_path / "a", 0, 6)
    second = _one_subject_batch(tmp_path / "b", 6, 4)
    totals = []

    def progress(stage, done, total):
        if stage == "extract" and done == total:
            totals.append(total)
    add_to_run(tmp_path / "run", [first], formats=["csv"], progress=progress)
    growth = add_to_run(tmp_path / "run", [second], formats=["csv"], progress=progress)
    assert not growth.reextracted
    assert totals == [6, 4]
    assert len(growth.analysis.articles) == 10
    assert read_state(tmp_path / "run").generation == 2


def test_an_article_already_in_the_run_is_skipped_not_added_twice(tmp_path):
    first = _one_subject_batch(tmp_path / "a", 0, 4)
    again = tmp_path / "again"
    shutil.copytree(first, again)
    _one_subject_batch(again, 4, 1)  # one new article beside four known texts
    add_to_run(tmp_path / "run", [first], formats=["csv"])
    growth = add_to_run(tmp_path / "run", [again], formats=["csv"])
    assert (growth.added, growth.duplicates) == (1, 4)
    assert len(growth.analysis.articles) == 5
    manifest = growth.analysis.manifest
    skipped = manifest[manifest["reason"].str.contains("already in the run", na=False)]
    assert len(skipped) == 4 and set(skipped["status"]) == {"skipped"}
    assert any("already in the run as k000" in m for m in growth.messages)
    nothing = add_to_run(tmp_path / "run", [first], formats=["csv"])
    assert nothing.analysis is None and nothing.duplicates == 4


def test_a_failure_part_way_leaves_the_run_as_it_was(tmp_path, monkeypatch):
    add_to_run(tmp_path / "run", [_one_subject_batch(tmp_path / "a", 0, 4)], formats=["csv"])
    before = _snapshot(tmp_path / "run")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(analysis.report, "write_run", broken)
    with pytest.raises(RuntimeError):
        add_to_run(tmp_path / "run", [_one_subject_batch(tmp_path / "b", 4, 3)],
                   formats=["csv"])
    assert _snapshot(tmp_path / "run") == before


def test_a_new_topic_schema_extracts_everything_again(tmp_path):
    add_to_run(tmp_path / "run", [_one_subject_batch(tmp_path / "a", 0, 3)], formats=["csv"])
    extra = tmp_path / "extra.toml"
    extra.write_text('[[topic]]\nkey = "sleep_quality"\nkind = "mentions"\n'
                     'label = "Sleep quality"\n')
    growth = add_to_run(tmp_path / "run", [_one_subject_batch(tmp_path / "b", 3, 2)],
                        formats=["csv"], topics=extra)
    assert growth.reextracted
    assert any("extracted again" in m for m in growth.messages)
    store = tmp_path / "run" / STORE_DIR
    state = read_state(tmp_path / "run")
    assert len(state.sentences) == 1  # the old fingerprint's files are gone
    assert {p.name for p in store.glob("sentences-*")} == set(state.sentences)


def test_cli_into_grows_a_run_and_refuses_out_with_it(tmp_path):
    runner = CliRunner()
    run = tmp_path / "run"
    first = runner.invoke(main, ["analyse", str(_one_subject_batch(tmp_path / "a", 0, 3)),
                                 "--into", str(run), "--format", "csv"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(main, ["analyse", str(_one_subject_batch(tmp_path / "b", 3, 2)),
                                  "--into", str(run), "--format", "csv"])
    assert second.exit_code == 0, second.output
    assert "Added 2 articles" in second.output and "holds 5 articles" in second.output
    assert len(pd.read_csv(run / "articles.csv")) == 5
    both = runner.invoke(main, ["analyse", str(tmp_path / "a"), "--into", str(run),
                                "--out", str(tmp_path / "x")])
    assert both.exit_code == 2
