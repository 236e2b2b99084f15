"""The Dask engine: the same stage functions, mapped over a cluster.

Extraction is a per-article map (articles travel in chunks to keep task overhead low);
comparison is a group-by on topic, each topic's rows compared by `compare_topic` on a
worker. With no scheduler address a LocalCluster is started for the run and closed
after it. Results equal the local engine's, order included.
"""

from __future__ import annotations

import pandas as pd

from .. import schema
from ..compare import compare_topic, conflicts_frame
from ..errors import InputError
from ..extract import assertions_frame, extract_article
from ..topics import TopicSchema

CHUNK = 200


def _extract_chunk(items: list[tuple[str, str]], topics: TopicSchema,
                   subjects: frozenset[str]) -> list[tuple[list[dict], list[dict]]]:
    return [extract_article(a, t, topics, subjects) for a, t in items]


def run_dask(articles: pd.DataFrame, topics: TopicSchema, subjects: frozenset[str], *,
             scheduler: str | None = None, max_pairs: int = 50, workers: int = 2
             ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(sentences, assertions, conflicts) computed on a Dask cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise InputError("--engine dask needs the optional extra: pip install "
                         "'crosscheck[dask]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        items = list(zip(articles["article"], articles["text"]))
        chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
        topics_f = client.scatter(topics, broadcast=True)
        futures = client.map(_extract_chunk, chunks, topics=topics_f, subjects=subjects,
                             pure=False)
        results = [r for chunk in client.gather(futures) for r in chunk]
        sentence_rows = [r for s, _ in results for r in s]
        assertions = assertions_frame([r for _, a in results for r in a])
        sentences = (pd.DataFrame(sentence_rows, columns=schema.SENTENCES) if sentence_rows
                     else schema.empty(schema.SENTENCES))
        frame = assertions.astype(object).where(assertions.notna(), None)
        groups = [(topics.topics[key], group.to_dict("records"))
                  for key, group in frame.groupby("topic", sort=True) if key in topics.topics]
        conflict_futures = [client.submit(compare_topic, topic, rows, max_pairs=max_pairs,
                                          pure=False) for topic, rows in groups]
        conflicts = conflicts_frame(r for rows in client.gather(conflict_futures)
                                    for r in rows)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return sentences, assertions, conflicts
