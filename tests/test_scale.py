"""Parallel runs give the same tables as one process, order included (the Dask engine:
tests/test_cluster.py)."""

import pandas as pd
import pytest

from analysis import analyse
from benchmarks.synthetic import write_batch
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    write_batch(120, folder, seed=7)
    return folder


def _same(a, b):
    for name in ("articles", "sentences", "assertions", "conflicts"):
        pd.testing.assert_frame_equal(getattr(a, name).reset_index(drop=True),
                                      getattr(b, name).reset_index(drop=True),
                                      check_dtype=False)


def test_jobs_2_equals_jobs_1(batch):
    _same(analyse(batch, jobs=1), analyse(batch, jobs=2))


def test_parquet_format(tmp_path):
    pytest.importorskip("pyarrow")
    analyse(SEEDS).write_report(tmp_path, formats=["parquet"])
    table = pd.read_parquet(tmp_path / "assertions.parquet")
    assert len(table) > 0 and "evidence" in table.columns
