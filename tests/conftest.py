"""Shared helpers: extraction of single sentences, and the corpora the tests use."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.extract import assertions_frame, extract_article
from analysis.topics import load_topics

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="session")
def topics():
    return load_topics()


def claims(text: str, topic: str | None = None, subjects=frozenset({"kratom"}),
           article: str = "t") -> pd.DataFrame:
    """Assertions found in `text` (optionally one topic), as a DataFrame. The batch is
    about `subjects`: with one, a sentence that names no substance is about it."""
    rows = extract_article(article, text, load_topics(), frozenset(subjects))[1]
    frame = assertions_frame(rows)
    return frame[frame["topic"] == topic] if topic else frame
