"""The Dask engine: the batch never passes through the client.

With `--engine dask` the client only plans and merges. Workers list the inputs, read
them in blocks (runs of files; byte ranges of large JSONL and CSV files), extract, and
write every per-article table into the run directory as a partitioned Parquet dataset
(`assertions.parquet/part-NNNNN.parquet`, `sentences.parquet/`, `articles.parquet/`,
...; see `partitions`). Batch-level stages are a map over partitions and a small merge
(batch subjects, aligned topics, affiliations), or a shuffle on the cluster:

- comparison: assertions shuffled by (subject, topic) — the groups `compare()` compares
  within — and each group compared on a worker;
- cited-study conflicts: studies shuffled by study;
- copies: sentences shuffled by their words, then (weighted) shingle keys shuffled into
  buckets, candidate pairs shuffled to count shared shingles, joined back to their text
  and verified, all on workers; the links they make are merged into source groups on a
  worker;
- agreement: claims shuffled by (topic, value, scope).

Only conflicts, counts and the report's aggregates (`report.aggregates`) reach the
client, whose memory therefore stays flat as the batch grows; the report renders from
them. Reading the dataset back (`load_analysis`) gives the local engine's tables.

Not sharded further: a (subject, topic) group is compared on one worker, because the
comparators compare every claim of a group with the others (a dose with the consensus of
its unit family; a state's status with "all US states"): splitting a group by scope
would change what is compared with what.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from ..align import choose_open_topics, open_candidates
from ..compare import CONFLICT_COLUMNS, compare
from ..errors import InputError
from ..extract import ASSERTION_COLUMNS, frequent_words, given_subjects, subjects_from_mains
from ..ingest import DEFAULT_MAX_BYTES
from ..sources.copies import (
    AGREEING_KINDS,
    AGREEMENT_COLUMNS,
    COPY_COLUMNS,
    MAX_BUCKET,
    MIN_SHARED,
    bio_copies,
    claim_table,
    link_counts,
    linked_groups,
    order_agreement,
)
from ..sources.signals import copy_counts
from ..sources.studies import STUDY_COLUMNS, study_conflicts
from ..topics import TopicSchema
from . import partitions as parts
from . import summary
from .blocks import absolute_inputs, plan_inputs, resolve_ids
from .progress import Progress

ORDER = {"topics": ["_k", "_p", "_i"], "copies": ["_a", "_b"]}


@dataclass
class ClusterRun:
    """What reaches the client from a cluster run: the strongest conflicts (all of them
    are in `conflicts.parquet/`), counts and the report's summary."""

    run_dir: Path
    conflicts: pd.DataFrame  # the first CONFLICT_HEAD, in the local engine's order
    messages: list[str]
    counts: dict[str, int]
    subjects: frozenset[str]
    references: set[str] = field(default_factory=set)
    timings: dict[str, float] = field(default_factory=dict)
    aggregates: dict = field(default_factory=dict)
    conflict_counts: dict = field(default_factory=dict)  # total, within, per topic


def _client(scheduler: str | None, workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise InputError("--engine dask needs the optional extra: pip install "
                         "'crosscheck[dask]'") from exc
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def _track(futures, progress: Progress | None, stage: str) -> None:
    """Wait for `futures`, reporting progress as they finish (results stay on workers)."""
    from distributed import as_completed

    total = len(futures)
    if progress:
        progress(stage, 0, total)
    for done, future in enumerate(as_completed(futures), 1):
        if future.status == "error":
            future.result()  # raises the task's exception here
        if progress:
            progress(stage, done, total)


def _wait(futures, progress: Progress | None, stage: str) -> list:
    """Results of `futures` in order, reporting progress as they finish. Only for
    results whose size does not grow with the batch: anything per partition that does
    (counters, first rows) is merged on a worker instead."""
    _track(futures, progress, stage)
    return [f.result() for f in futures]


def _merge_df(dfs: list[Counter[str]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for d in dfs:
        total.update(d)
    return dict(total)


# ------------------------------------------------------------------ merges (on workers)
def _plan_size(plan) -> int:
    return len(plan.blocks)


def _plan_head(plan) -> tuple[list[dict], list[str]]:
    return plan.manifest, plan.messages


def _resolve(run: Path, n: int) -> dict[tuple[int, int], tuple[str, str]]:
    return resolve_ids(parts.wanted_ids(run, n))


def _merge_align(results: list[dict], topics: TopicSchema, subjects: frozenset[str]
                 ) -> tuple[list[str], dict[str, int]]:
    heading_df: Counter[str] = Counter()
    endings: set[str] = set()
    for r in results:
        heading_df.update(r["heading_df"])
        endings |= r["endings"]
    candidates = open_candidates(heading_df, endings, topics, subjects)
    return candidates, {p: heading_df[p] for p in candidates if heading_df[p]}


def _merge_affiliations(results: list[dict]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for r in results:
        total.update(r["affiliations"])
    return dict(total)


def _merge_words(stats: list, docs: int):
    return frequent_words(stats, docs)


def _copy_stats(path: str) -> tuple[dict, dict]:
    frame = pd.read_parquet(path, columns=["kind", "article_a", "article_b"])
    return dict(link_counts(frame)), copy_counts(frame)


def _merge_groups(stats: list[tuple[dict, dict]]) -> dict[str, str]:
    links: Counter = Counter()
    for lk, _ in stats:
        links.update(lk)
    return linked_groups(links)


def _merge_copied(stats: list[tuple[dict, dict]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for _, counted in stats:
        total.update(counted)
    return dict(total)


def _credential_rows(path: str, locations: set[str]) -> list[dict]:
    frame = pd.read_parquet(path)
    frame = frame[frame["kind"] == "credentials"]
    where = frame["article"] + "@" + frame["start"].astype(str) + "-" + frame["end"].astype(str)
    hit = frame[where.isin(locations)]
    return hit.astype(object).where(hit.notna(), None).to_dict("records")


def _reference_rows(path: str, references: set[str]) -> pd.DataFrame:
    frame = pd.read_parquet(path)
    return frame[frame["article"].isin(references)]


# ------------------------------------------------------------------ shuffled stages
def _load_with_order(p: int, run: str, table: str, staged: bool = False) -> pd.DataFrame:
    path = (parts.staging(Path(run), table, p) if staged else
            parts.part_path(Path(run), table, p + 1))
    frame = pd.read_parquet(path)
    return frame.assign(_p=np.int64(p), _r=np.arange(len(frame), dtype=np.int64))


def _restore(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.sort_values(["_p", "_r"], kind="stable").drop(columns=["_p", "_r", "_g"],
                                                                errors="ignore")
    return frame.astype(object).where(frame.notna(), None).reset_index(drop=True)


def _compare_group(frame: pd.DataFrame, topics: TopicSchema, max_pairs: int,
                   groups: dict[str, str] | None = None) -> pd.DataFrame:
    """Compare the (subject, topic) groups a shuffle put together, rows in run order."""
    frame = _restore(frame)
    if frame.empty:
        return _typed_conflicts(pd.DataFrame(columns=CONFLICT_COLUMNS))
    return _typed_conflicts(compare(frame, topics, max_pairs=max_pairs, groups=groups))


def _nontrivial(groups: dict[str, str]) -> bool:
    return any(a != root for a, root in groups.items())


def _quantity_rows(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame[frame["topic"].isin(keys)]


def _typed_conflicts(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reindex(columns=CONFLICT_COLUMNS).astype(object)
    out["severity"] = out["severity"].astype(float)
    out["folded"] = out["folded"].fillna(0).astype("int64")
    return out


def _study_group(frame: pd.DataFrame) -> pd.DataFrame:
    frame = _restore(frame)
    return _typed_conflicts(pd.DataFrame(study_conflicts(frame), columns=CONFLICT_COLUMNS))


def _claims(frame: pd.DataFrame) -> pd.DataFrame:
    claims = frame[frame["kind"].isin(AGREEING_KINDS)][["article", "topic", "value", "scope",
                                                        "kind", "_p", "_r"]]
    return claims.assign(scope=claims["scope"].fillna(""))


def _claim_group(frame: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    table = claim_table(_restore(frame), groups)
    table["n_articles"] = table["n_articles"].astype("int64")
    table["n_independent"] = table["n_independent"].astype("int64")
    return table.astype({c: object for c in ("topic", "value", "scope", "articles")})


def _pairs_from_members(frame: pd.DataFrame) -> pd.DataFrame:
    """Rep pairs joined with their members -> sentence pairs (i < j)."""
    i = frame["i"].fillna(frame["x"]).astype("int64")
    j = frame["j"].fillna(frame["y"]).astype("int64")
    same = frame["x"].to_numpy() == frame["y"].to_numpy()
    keep = ~same | (i.to_numpy() < j.to_numpy())
    lo = np.minimum(i.to_numpy(), j.to_numpy())[keep]
    hi = np.maximum(i.to_numpy(), j.to_numpy())[keep]
    return pd.DataFrame({"i": lo, "j": hi})


def _meta(columns: dict[str, str]) -> pd.DataFrame:
    """An empty frame of these dtypes (text columns as strings, which Parquet needs)."""
    return pd.DataFrame({c: pd.Series(dtype="str" if t is object else t)
                         for c, t in columns.items()})


def _conflict_meta() -> pd.DataFrame:
    return _meta({c: ("float64" if c == "severity" else "int64" if c == "folded" else object)
                  for c in CONFLICT_COLUMNS})


def _shuffled(frame, on: list[str], npartitions: int):
    return frame.shuffle(on=on, npartitions=npartitions)


# ------------------------------------------------------------------ the run
def run_dask(inputs, run_dir: str | os.PathLike, topics: TopicSchema, *,
             scheduler: str | None = None, workers: int = 2,
             max_bytes: int = DEFAULT_MAX_BYTES, max_pairs: int = 50,
             reference=None, progress: Progress | None = None,
             files_bytes: int | None = None, table_bytes: int | None = None) -> ClusterRun:
    """Analyse `inputs` on a Dask cluster into `run_dir` (datasets, conflicts.csv,
    manifest.csv); return what reached the client."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise InputError("--engine dask writes Parquet: pip install 'crosscheck[dask]'") \
            from exc
    import dask
    import dask.dataframe as dd

    run = Path(run_dir).resolve()
    run.mkdir(parents=True, exist_ok=True)
    for table in ("articles", "manifest", "sentences", "assertions", "topics", "studies",
                  "copies", "agreement", "signals", "departures"):
        _clear_dataset(parts.table_dir(run, table))
    parts.clear_staging(run)
    inputs = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    references = [str(Path(r).resolve()) for r in reference or []]
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    client, cluster = _client(scheduler, workers)
    try:
        with dask.config.set({"dataframe.shuffle.method": "p2p"}):
            result = _run(client, dd, inputs, run, topics, max_bytes, max_pairs, references,
                          progress, files_bytes, table_bytes, lap)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    parts.clear_staging(run)
    result.timings = timings
    return result


def _clear_dataset(folder: Path) -> None:
    if folder.is_dir():
        for f in folder.glob("part-*.parquet"):
            f.unlink()


def _run(client, dd, inputs, run: Path, topics: TopicSchema, max_bytes: int, max_pairs: int,
         references: list[str], progress, files_bytes, table_bytes, lap) -> ClusterRun:
    topics_f = client.scatter(topics, broadcast=True)
    sizes = {}
    if files_bytes:
        sizes["files_bytes"] = files_bytes
    if table_bytes:
        sizes["table_bytes"] = table_bytes
    plan_f = client.submit(plan_inputs, absolute_inputs(inputs), max_bytes=max_bytes, **sizes)
    n = client.submit(_plan_size, plan_f).result()
    head, messages = client.submit(_plan_head, plan_f).result()
    head_frame = pd.DataFrame(head, columns=schema.MANIFEST)
    for col in ("line", "bytes"):
        head_frame[col] = head_frame[col].astype("Int64")
    parts.write_part(head_frame, parts.part_path(run, "manifest", 0))
    read = _wait([client.submit(parts.read_task, plan_f, p, run, max_bytes, topics_f,
                                pure=False) for p in range(n)], progress, "read")
    del plan_f
    messages = messages + [m for r in read for m in r["messages"]]
    lap("read")
    renames = client.submit(_resolve, run, n, pure=False).result()
    docs = sum(r["docs"] for r in read)
    mains: Counter[str] = Counter()
    for r in read:
        mains.update(r["mains"])
    subjects = subjects_from_mains(docs, mains) or given_subjects(topics, mains)
    if subjects is None:
        stats = [client.submit(parts.word_stats, p, run, topics_f, pure=False)
                 for p in range(n)]
        subjects = client.submit(_merge_words, stats, docs, pure=False).result()
    lap("subjects")
    extracted = [client.submit(parts.extract_task, p, run, topics_f, subjects,
                               {q: v for (b, q), v in renames.items() if b == p}, references,
                               pure=False) for p in range(n)]
    counts = _wait([client.submit(_counts_of, f, pure=False) for f in extracted], progress,
                   "extract")
    align_f = client.submit(_merge_align, extracted, topics_f, subjects, pure=False)
    affiliations_f = client.submit(_merge_affiliations, extracted, pure=False)
    refs = set().union(*(c["references"] for c in counts)) if counts else set()
    candidates, heading_df = align_f.result()
    lap("extract")
    dfs = [client.submit(parts.phrase_df_task, p, run, candidates, pure=False)
           for p in range(n)]
    _track(dfs, progress, "align")
    df = Counter(client.submit(_merge_df, dfs, pure=False).result())
    del dfs
    chosen = choose_open_topics(candidates, df, Counter(heading_df))
    finished = _wait([client.submit(parts.finish_task, p, run, topics_f, subjects, candidates,
                                    chosen, pure=False) for p in range(n)], progress, "effects")
    del extracted
    lap("align+effects+studies")
    npart = max(1, min(n, 64))
    # ---- compare: a shuffle by (subject, topic), each group compared on a worker. As in
    # the local pipeline, claims are compared as extracted (subject "" when they name
    # none), and doses again once copies have made source groups.
    meta = _load_with_order_meta(ASSERTION_COLUMNS)

    def by_group(frame):
        has_subject = "subject" in ASSERTION_COLUMNS
        return frame.assign(_g=frame["subject"].fillna("") if has_subject else "")

    extracted_rows = by_group(dd.from_map(_load_with_order, list(range(n)), run=str(run),
                                          table="compared", staged=True, meta=meta))
    assertions = by_group(dd.from_map(_load_with_order, list(range(n)), run=str(run),
                                      table="assertions", meta=meta))
    if progress:
        progress("compare", 0, 3)
    stage = run / "_staging"
    _to_parquet(_shuffled(extracted_rows, ["_g", "topic"], npart).map_partitions(
        _compare_group, topics_f, max_pairs, meta=_conflict_meta()), stage / "conflicts")
    studies = dd.from_map(_load_with_order, list(range(n)), run=str(run), table="studies",
                          meta=_load_with_order_meta(STUDY_COLUMNS))
    _to_parquet(_shuffled(studies, ["study"], npart).map_partitions(
        _study_group, meta=_conflict_meta()), stage / "cited")
    if progress:
        progress("compare", 1, 3)
    bios = pd.DataFrame([r for rows in client.gather(
        [client.submit(_bio_rows, str(f), pure=False)
         for f in sorted((stage / "conflicts").glob("part-*.parquet"))]) for r in rows],
        columns=CONFLICT_COLUMNS)
    lap("compare")
    # ---- copies: shingle blocking as shuffles
    copied_files = _copies(client, dd, run, n, npart, bios, progress)
    stats = [client.submit(_copy_stats, f, pure=False) for f in copied_files]
    groups_f = client.submit(_merge_groups, stats, pure=False)
    copied_f = client.submit(_merge_copied, stats, pure=False)
    lap("copies")
    replaced: list[str] = []
    if client.submit(_nontrivial, groups_f, pure=False).result():
        replaced = [t.key for t in topics.of_kind("quantity")]
        _to_parquet(_shuffled(assertions.map_partitions(_quantity_rows, replaced,
                                                        meta=assertions),
                              ["_g", "topic"], npart).map_partitions(
            _compare_group, topics_f, max_pairs, groups_f, meta=_conflict_meta()),
            stage / "sources")
        lap("compare sources")
    if progress:
        progress("compare", 2, 3)
    conflict_parts = _final_conflicts(client, run, replaced)
    _track(conflict_parts, None, "compare")
    head, conflict_counts = client.submit(_conflict_head, conflict_parts, pure=False).result()
    del conflict_parts
    if progress:
        progress("compare", 3, 3)
    # ---- agreement: claims shuffled by (topic, value, scope)
    claims = assertions.map_partitions(_claims, meta=_meta(
        {"article": object, "topic": object, "value": object, "scope": object,
         "kind": object, "_p": "int64", "_r": "int64"}))
    table = _shuffled(claims, ["topic", "value", "scope"], npart).map_partitions(
        _claim_group, groups_f, meta=_meta({"topic": object, "value": object, "scope": object,
                                            "articles": object, "n_articles": "int64",
                                            "n_independent": "int64"}))
    table.to_parquet(parts.table_dir(run, "agreement"), write_index=False,
                     name_function=lambda i: f"part-{i:05d}.parquet")
    # ---- signals, final articles, departures
    _wait([client.submit(parts.signals_task, p, run, topics_f, affiliations_f, copied_f,
                         groups_f, refs, pure=False) for p in range(n)], progress, "signals")
    if references and refs:
        ref_rows = pd.concat(client.gather([client.submit(
            _reference_rows, str(parts.part_path(run, "assertions", p + 1)), refs, pure=False)
            for p in range(n)]), ignore_index=True)
        _wait([client.submit(parts.departures_task, p, run, topics_f, refs, ref_rows,
                             pure=False) for p in range(n)], None, "departures")
    lap("agreement+signals")
    result = ClusterRun(run_dir=run, conflicts=head, messages=messages,
                        counts=_totals(read, counts, finished), subjects=subjects,
                        references=refs, conflict_counts=conflict_counts)
    # ---- what the report needs: totals, first rows, a bounded sample of articles
    summaries = [client.submit(summary.partition_summary, p, run, pure=False)
                 for p in range(n)]
    _track(summaries, progress, "summary")
    merged = client.submit(summary.merge_summaries, summaries, pure=False).result()
    del summaries
    chosen_ids = summary.choose_sample(head, merged["sample"])
    samples = client.gather([client.submit(summary.sample_rows, p, run, chosen_ids,
                                           pure=False) for p in range(n)])
    heads = client.gather([client.submit(_copies_head, f, pure=False) for f in copied_files])
    copies_head = pd.concat([h for _, h in heads], ignore_index=True) if heads else \
        pd.DataFrame(columns=COPY_COLUMNS)
    if len(copies_head):
        copies_head = copies_head.sort_values(["_a", "_b"]).head(summary.HEADS["copies"])
        copies_head = copies_head.drop(columns=["_a", "_b"]).reset_index(drop=True)
    agreement = _agreement_without_articles(run)
    result.aggregates = {"summary": merged, "samples": samples,
                         "copies": (sum(n for n, _ in heads), copies_head),
                         "agreement": agreement}
    lap("summary")
    return result


CONFLICT_HEAD = 2_000
CONFLICT_ORDER = ["severity", "subject", "topic", "kind", "articles", "_study", "_part", "_r"]


def _to_parquet(frame, folder: Path) -> None:
    frame.to_parquet(folder, write_index=False, name_function=lambda i: f"part-{i:05d}.parquet")


def _bio_rows(path: str) -> list[dict]:
    """Copied-bio conflicts: the copies stage needs them (one per cluster: few)."""
    frame = pd.read_parquet(path)
    hit = frame[frame["scope"] == "bio template"]
    return hit.astype(object).where(hit.notna(), None).to_dict("records")


def _conflict_part(src: str, dst: str, part: int, study: bool, dropped: list[str]) -> dict:
    """One part of `conflicts.parquet/`: rows in the local engine's order within the
    part, with the keys that order parts against each other (`_study`: a cited study's
    key, as the local engine lists those; `_part`, `_r`)."""
    frame = pd.read_parquet(src)
    if dropped:
        frame = frame[~frame["topic"].isin(dropped)]
    frame = frame.assign(_study=frame["scope"].fillna("") if study else "")
    if study:
        frame = frame.sort_values(CONFLICT_ORDER[:6], ascending=[False] + [True] * 5,
                                  kind="stable", na_position="last")
    frame = frame.assign(_part=np.int64(part), _r=np.arange(len(frame), dtype=np.int64))
    frame = frame.reset_index(drop=True)
    parts.write_part(frame, Path(dst))
    counts = frame.groupby(["topic", "kind"]).size().to_dict() if len(frame) else {}
    return {"rows": len(frame), "counts": counts, "head": frame.head(CONFLICT_HEAD)}


def _final_conflicts(client, run: Path, dropped: list[str]) -> list:
    stage = run / "_staging"
    sources = [(f, False, dropped) for f in sorted((stage / "conflicts").glob("part-*"))]
    sources += [(f, True, []) for f in sorted((stage / "cited").glob("part-*"))]
    sources += [(f, False, []) for f in sorted((stage / "sources").glob("part-*"))]
    folder = parts.table_dir(run, "conflicts")
    return [client.submit(_conflict_part, str(src), str(folder / parts.part_name(i)), i, study,
                          drop, pure=False) for i, (src, study, drop) in enumerate(sources)]


def order_conflicts(frame: pd.DataFrame) -> pd.DataFrame:
    """Conflict parts in the local engine's order (`conflicts_frame`'s, ties kept as the
    comparators made them); the ordering keys dropped."""
    frame = frame.sort_values(CONFLICT_ORDER, ascending=[False] + [True] * 7, kind="stable",
                              na_position="last")
    return frame.drop(columns=["_study", "_part", "_r"]).reset_index(drop=True)


def _conflict_head(results: list[dict]) -> tuple[pd.DataFrame, dict]:
    heads = [r["head"] for r in results if len(r["head"])]
    head = order_conflicts(pd.concat(heads, ignore_index=True)).head(CONFLICT_HEAD) if heads \
        else pd.DataFrame(columns=CONFLICT_COLUMNS)
    head = head.astype(object).where(head.notna(), None)
    for col in ("severity", "folded"):
        head[col] = pd.to_numeric(head[col])
    per: Counter = Counter()
    for r in results:
        per.update(r["counts"])
    topics: Counter = Counter()
    for (topic, _kind), k in per.items():
        topics[topic] += k
    return head, {"total": sum(r["rows"] for r in results),
                  "within": sum(k for (_t, kind), k in per.items() if kind == "within-source"),
                  "per_topic": dict(topics)}


def _conflict_rows(path: Path, batch: int = 256):
    """The rows of one conflicts part, a few hundred at a time, with their order key."""
    import pyarrow.parquet as pq

    def na(value):
        return (1, "") if value is None else (0, value)

    for chunk in pq.ParquetFile(path).iter_batches(batch_size=batch):
        for row in chunk.to_pylist():
            key = (-row["severity"], na(row["subject"]), na(row["topic"]), na(row["kind"]),
                   na(row["articles"]), row["_study"], row["_part"], row["_r"])
            yield key, row


def _stream_conflicts(run: Path, fmt: str, chunk: int = 500) -> Path:
    """conflicts.csv (or .json) in the local engine's order, merged part by part from
    `conflicts.parquet/` a few hundred rows at a time: never the whole table in memory."""
    import heapq
    import json as json_

    files = sorted(parts.table_dir(run, "conflicts").glob("part-*.parquet"))
    merged = heapq.merge(*(_conflict_rows(f) for f in files), key=lambda kv: kv[0])
    target = run / f"conflicts.{fmt}"
    tmp = target.with_suffix(f".{fmt}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        rows: list[dict] = []
        written = 0

        def flush() -> None:
            nonlocal written, rows
            frame = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
            if fmt == "csv":
                frame.to_csv(fh, index=False, header=written == 0)
            else:
                for record in json_.loads(frame.to_json(orient="records", force_ascii=False)):
                    fh.write(("[\n" if written == 0 else ",\n") +
                             json_.dumps(record, ensure_ascii=False))
                    written += 1
            written += len(rows) if fmt == "csv" else 0
            rows = []

        for _, row in merged:
            rows.append({c: row.get(c) for c in CONFLICT_COLUMNS})
            if len(rows) >= chunk:
                flush()
        if rows or written == 0:
            flush()
        if fmt == "json":
            fh.write("\n]\n" if written else "[]\n")
    tmp.replace(target)
    return target


def _copies_head(path: str) -> tuple[int, pd.DataFrame]:
    frame = pd.read_parquet(path)
    return len(frame), frame.nsmallest(summary.HEADS["copies"], ["_a", "_b"])


def _agreement_without_articles(run: Path) -> pd.DataFrame:
    folder = parts.table_dir(run, "agreement")
    files = sorted(folder.glob("part-*.parquet"))
    columns = [c for c in AGREEMENT_COLUMNS if c != "articles"]
    if not files:
        return pd.DataFrame(columns=columns)
    frame = pd.concat([pd.read_parquet(f, columns=columns) for f in files], ignore_index=True)
    frame = frame.sort_values(["topic", "value", "scope"], kind="stable").reset_index(drop=True)
    return order_agreement(frame)


def report_view(cluster: ClusterRun, topics: TopicSchema):
    """The tables `write_run` draws the charts and pages from (see `summary`)."""
    agg = cluster.aggregates
    return summary.report_view(cluster, agg["summary"], agg["samples"], agg["copies"],
                               agg["agreement"], topics)


def write_cluster_report(cluster: ClusterRun, topics: TopicSchema, *, formats=("pdf", "png"),
                         progress: Progress | None = None) -> list[Path]:
    """The run directory's report of a cluster run: report.pdf and the PNGs from the
    report view, conflicts (CSV/JSON/Parquet as asked) and manifest.csv, streamed from
    the manifest dataset part by part. The Parquet datasets are the other tables."""
    from ..report import write_run

    run = cluster.run_dir
    formats = {f.strip().lower() for f in formats if f.strip()}
    drawn = sorted(formats & {"pdf", "png"})
    written = write_run(report_view(cluster, topics), run, formats=drawn,
                        progress=progress) if drawn else []
    for fmt in sorted(formats & {"csv", "json"}):
        written.append(_stream_conflicts(run, fmt))
    target = run / "manifest.csv"
    tmp = run / ".manifest.csv.tmp"
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        for i, f in enumerate(sorted(parts.table_dir(run, "manifest").glob("part-*.parquet"))):
            pd.read_parquet(f).to_csv(fh, index=False, header=i == 0)
    tmp.replace(target)
    written.append(target)
    return written


def _counts_of(result: dict) -> dict:
    return {"articles": result["articles"], "sentences": result["sentences"],
            "references": result["references"]}


def _totals(read: list[dict], counts: list[dict], finished: list[dict]) -> dict[str, int]:
    return {"articles": sum(c["articles"] for c in counts),
            "sentences": sum(c["sentences"] for c in counts),
            "assertions": sum(f["assertions"] for f in finished),
            "studies": sum(f["studies"] for f in finished)}


def _none(row: dict) -> dict:
    return {k: (None if v is pd.NA or (isinstance(v, float) and np.isnan(v) and k != "severity")
                else v) for k, v in row.items()}


def _load_with_order_meta(columns: list[str]) -> pd.DataFrame:
    numeric = {"low": "float64", "high": "float64", "years_experience": "float64",
               "start": "int64", "end": "int64", "hedged": bool, "negated": bool}
    meta = {c: numeric.get(c, object) for c in columns}
    meta.update({"_p": "int64", "_r": "int64"})
    return _meta(meta)


def _copies(client, dd, run: Path, n: int, npart: int, conflicts: pd.DataFrame,
            progress) -> list[str]:
    """Copied sentences by shingle blocking, as shuffles on the cluster; writes
    `copies.parquet/` and returns its part files."""
    stage = run / "_staging"
    if progress:
        progress("copies", 0, 5)
    keys = dd.from_map(parts.copy_keys, list(range(n)), run=run,
                       meta=_meta({"sid": "int64", "key": object}))
    by_key = _shuffled(keys, ["key"], npart)
    by_key.to_parquet(stage / "keys", write_index=False)
    by_key = dd.read_parquet(stage / "keys")
    reps = by_key.map_partitions(parts.distinct_keys,
                                 meta=_meta({"rep": "int64", "key": object, "weight": "int64"}))
    members = by_key.map_partitions(parts.key_members,
                                    meta=_meta({"sid": "int64", "rep": "int64"}))
    members.to_parquet(stage / "members", write_index=False)
    if progress:
        progress("copies", 1, 5)
    shingled = reps.map_partitions(parts.explode_shingles, meta=_meta(
        {"shingle": object, "rep": "int64", "weight": "int64"}))
    pairs = _shuffled(shingled, ["shingle"], npart).map_partitions(
        parts.bucket_pairs, max_bucket=MAX_BUCKET, meta=_meta({"x": "int64", "y": "int64"}))
    counted = _shuffled(pairs, ["x", "y"], npart).map_partitions(
        parts.count_pairs, min_shared=MIN_SHARED, meta=_meta({"x": "int64", "y": "int64"}))
    counted.to_parquet(stage / "candidates", write_index=False)
    if progress:
        progress("copies", 2, 5)
    members = dd.read_parquet(stage / "members")
    candidates = dd.read_parquet(stage / "candidates")
    joined = candidates.merge(members.rename(columns={"sid": "i", "rep": "x"}), on="x",
                              how="left", npartitions=npart)
    joined = joined.merge(members.rename(columns={"sid": "j", "rep": "y"}), on="y",
                          how="left", npartitions=npart)
    sentence_pairs = joined.map_partitions(_pairs_from_members,
                                           meta=_meta({"i": "int64", "j": "int64"}))
    sentence_pairs.to_parquet(stage / "pairs", write_index=False)
    if progress:
        progress("copies", 3, 5)
    lookup = dd.from_map(parts.sentence_lookup, list(range(n)), run=run, meta=_meta(
        {"sid": "int64", "article": object, "start": "int64", "end": "int64",
         "text": object}))
    lookup.to_parquet(stage / "lookup", write_index=False)
    lookup = dd.read_parquet(stage / "lookup")
    pairs = dd.read_parquet(stage / "pairs")
    side_i = lookup.rename(columns={c: f"{c}_i" for c in ("article", "start", "end", "text")}
                           ).rename(columns={"sid": "i"})
    side_j = lookup.rename(columns={c: f"{c}_j" for c in ("article", "start", "end", "text")}
                           ).rename(columns={"sid": "j"})
    full = pairs.merge(side_i, on="i", how="inner", npartitions=npart)
    full = full.merge(side_j, on="j", how="inner", npartitions=npart)
    copy_meta = {c: ("int64" if c in ("start_a", "end_a", "start_b", "end_b") else
                     "float64" if c == "similarity" else object) for c in COPY_COLUMNS}
    copy_meta.update({"_a": "int64", "_b": "int64"})
    verified = full.map_partitions(parts.verify_pairs, meta=_meta(copy_meta))
    folder = parts.table_dir(run, "copies")
    verified.to_parquet(folder, write_index=False,
                        name_function=lambda i: f"part-{i:05d}.parquet")
    if progress:
        progress("copies", 4, 5)
    bios = conflicts[conflicts["scope"] == "bio template"]
    if len(bios):
        locations = {loc for locs in bios["locations"] for loc in str(locs).split(" ‖ ")}
        found = client.gather([client.submit(
            _credential_rows, str(parts.part_path(run, "assertions", p + 1)), locations,
            pure=False) for p in range(n)])
        credentials = pd.DataFrame([r for rows in found for r in rows])
        rows = pd.DataFrame(bio_copies(credentials, bios), columns=COPY_COLUMNS)
        if len(rows):
            big = np.int64(1) << 62
            rows = rows.assign(_a=big + np.arange(len(rows), dtype=np.int64),
                               _b=np.int64(0))
            parts.write_part(rows, folder / "part-bio.parquet")
    if progress:
        progress("copies", 5, 5)
    return sorted(str(p) for p in folder.glob("part-*.parquet"))


# ------------------------------------------------------------------ reading a run back
def read_table(run_dir: str | os.PathLike, table: str) -> pd.DataFrame:
    """A dataset of a cluster run as one table, in the local engine's row order."""
    folder = parts.table_dir(Path(run_dir), table)
    files = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    if not files:
        return pd.DataFrame()
    frames = [pd.read_parquet(f) for f in files]
    if table in ORDER:
        frames = [f.assign(_p=np.int64(i)) for i, f in enumerate(frames)]
    frame = pd.concat(frames, ignore_index=True)
    if table == "conflicts":
        frame = order_conflicts(frame)
    elif table == "topics":
        frame = frame.sort_values(["_k", "_p", "_i"], kind="stable")
    elif table == "copies":
        frame = frame.sort_values(["_a", "_b"], kind="stable")
    elif table == "agreement":
        frame = order_agreement(frame.sort_values(["topic", "value", "scope"], kind="stable")
                                .reset_index(drop=True))
    elif table == "departures":
        frame = frame.sort_values(["topic", "article"], kind="stable")
    frame = frame.drop(columns=[c for c in frame.columns if c.startswith("_")])
    return frame.reset_index(drop=True)


def load_analysis(cluster: ClusterRun, topics: TopicSchema):
    """The whole run as an `Analysis` (reads every dataset into memory: for notebooks
    and tests, not for batches larger than memory)."""
    from ..pipeline import Analysis
    from ..sources.copies import COPY_COLUMNS as COPIES
    from ..sources.reference import DEPARTURE_COLUMNS
    from ..sources.signals import SIGNAL_COLUMNS

    run = cluster.run_dir

    def table(name: str, columns: list[str]) -> pd.DataFrame:
        frame = read_table(run, name)
        return frame if len(frame.columns) else pd.DataFrame(columns=columns)

    manifest = table("manifest", schema.MANIFEST)
    for col in ("line", "bytes"):
        manifest[col] = manifest[col].astype("Int64")
    return Analysis(
        articles=table("articles", schema.ARTICLES + ["subject", "reference", "source_group"]),
        manifest=manifest, sentences=table("sentences", schema.SENTENCES),
        assertions=table("assertions", ASSERTION_COLUMNS),
        conflicts=table("conflicts", CONFLICT_COLUMNS),
        topics=table("topics", schema.TOPICS), schema=topics, messages=cluster.messages,
        subjects=cluster.subjects, studies=table("studies", STUDY_COLUMNS),
        copies=table("copies", COPIES), agreement=table("agreement", AGREEMENT_COLUMNS),
        signals=table("signals", SIGNAL_COLUMNS),
        departures=table("departures", DEPARTURE_COLUMNS))


def analyse_on_cluster(inputs, topics: TopicSchema, *, run_dir=None, **kw):
    """`analyse(engine="dask")`: run on the cluster, then read the tables back."""
    if run_dir is not None:
        return load_analysis(run_dask(inputs, run_dir, topics, **kw), topics)
    with tempfile.TemporaryDirectory(prefix="crosscheck-dask-") as tmp:
        return load_analysis(run_dask(inputs, tmp, topics, **kw), topics)


def write_record(run: Path, written: list[str]) -> None:
    (run / ".crosscheck-cluster.json").write_text(json.dumps({"written": written}, indent=1),
                                                  encoding="utf-8")
