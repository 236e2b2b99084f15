"""The local engine: extraction over a process pool, results in article order.

Each article is extracted by the pure `extract_article`, so `--jobs N` gives the same
tables as one process; sentences travel back from workers as offsets only.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

from .. import schema
from ..extract import assertions_frame, extract_article
from ..topics import TopicSchema
from .progress import Progress


def _extract_chunk(args: tuple) -> list[tuple[list[tuple], list[dict]]]:
    """Worker side: sentences travel back as offsets only (the parent has the text),
    which keeps inter-process traffic a fraction of the input size."""
    items, topics, subjects = args
    out = []
    for a, t in items:
        sentences, assertions = extract_article(a, t, topics, subjects)
        out.append(([(r["start"], r["end"], r["is_heading"]) for r in sentences], assertions))
    return out


def _sentences_from_offsets(article: str, text: str, units: list[tuple]) -> list[dict]:
    rows, section = [], ""
    for start, end, heading in units:
        piece = text[start:end]
        if heading:
            section = piece
        rows.append({"article": article, "section": section, "text": piece, "start": start,
                     "end": end, "is_heading": heading})
    return rows


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run_extraction(articles: pd.DataFrame, topics: TopicSchema, subjects: frozenset[str], *,
                   jobs: int = 1, progress: Progress | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sentences, assertions) for all articles, in article order, on `jobs` processes."""
    items = list(zip(articles["article"], articles["text"]))
    results: list[tuple[list[dict], list[dict]]] = []
    total = len(items)
    if progress:
        progress("extract", 0, total)
    if jobs <= 1 or total < 8:
        step = max(1, total // 100)
        for i, (a, t) in enumerate(items, 1):
            results.append(extract_article(a, t, topics, subjects))
            if progress and (i % step == 0 or i == total):
                progress("extract", i, total)
    else:
        size = max(1, min(200, total // (jobs * 4) or 1))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            done = 0
            chunks = list(_chunks(items, size))
            for chunk, chunk_result in zip(chunks, pool.map(
                    _extract_chunk, [(c, topics, subjects) for c in chunks])):
                for (a, t), (units, found) in zip(chunk, chunk_result):
                    results.append((_sentences_from_offsets(a, t, units), found))
                done += len(chunk_result)
                if progress:
                    progress("extract", done, total)
    sentence_rows = [r for s, _ in results for r in s]
    assertion_rows = [r for _, a in results for r in a]
    sentences = (pd.DataFrame(sentence_rows, columns=schema.SENTENCES) if sentence_rows
                 else schema.empty(schema.SENTENCES))
    return sentences, assertions_frame(assertion_rows)
