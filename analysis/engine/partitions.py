"""What a Dask worker does to one partition of a run, reading and writing the run
directory itself.

A partition is one input block (see `blocks`): its articles, their sentences and
assertions, and every per-article table, written as `<table>.parquet/part-NNNNN.parquet`
in the run directory (`part-00000` of the manifest holds the rows for inputs that could
not be listed; blocks are parts 1, 2, ...). Partitions are numbered in input order and
rows keep their order inside a part, so the concatenated parts are the local engine's
tables. Each function returns only what the client (or the next reduction) needs:
counts, a few hundred candidate phrases, the ids that must be renamed.

Batch-level stages are split into a per-partition map and a merge: batch subjects
(main substance per article, counted), topic alignment (heading terms per article,
phrase counts per article), affiliations named across the batch, copies (shingle keys,
shuffled) and source groups (links, merged). Comparison, cited-study conflicts,
copies and agreement group rows by a key and are shuffled on the cluster (`dask.py`).
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from ..align import (
    ending_words,
    heading_rows,
    open_topic_rows,
    phrase_counts,
    phrase_finder,
)
from ..extract import (
    ASSERTION_COLUMNS,
    assertions_frame,
    extract_article,
    main_subjects,
    subject_stats,
    with_article_subjects,
)
from ..extract import word_stats as extract_word_stats
from ..extract.effects import extract_effects
from ..sources.copies import COPY_COLUMNS, body_sentences, is_copy, shingles, words_key
from ..sources.signals import affiliation_counts, credibility_signals
from ..sources.studies import STUDY_COLUMNS, find_studies
from ..topics import TopicSchema
from .blocks import BlockResult, apply_ids, read_block

TOPIC_ORDER = ["_k", "_i"]  # topics rows: heading rows (_k=0), then open topic k (_k=k+1)


def part_name(p: int) -> str:
    return f"part-{p:05d}.parquet"


def table_dir(run: Path, table: str) -> Path:
    return run / f"{table}.parquet"


def part_path(run: Path, table: str, p: int) -> Path:
    return table_dir(run, table) / part_name(p)


def staging(run: Path, name: str, p: int) -> Path:
    return run / "_staging" / f"{name}-{p:05d}.parquet"


def write_part(frame: pd.DataFrame, path: Path) -> None:
    """One Parquet part; text columns are written as strings even when empty or all
    missing, so every part of a table has the same schema."""
    import pyarrow as pa

    path.parent.mkdir(parents=True, exist_ok=True)
    fields = []
    for col in frame.columns:
        dtype = frame[col].dtype
        if pd.api.types.is_bool_dtype(dtype):
            fields.append(pa.field(col, pa.bool_()))
        elif pd.api.types.is_integer_dtype(dtype):
            fields.append(pa.field(col, pa.int64()))
        elif pd.api.types.is_float_dtype(dtype):
            fields.append(pa.field(col, pa.float64()))
        else:
            fields.append(pa.field(col, pa.string()))
    table = pa.Table.from_pandas(frame, schema=pa.schema(fields), preserve_index=False)
    tmp = path.with_suffix(".tmp")
    import pyarrow.parquet as pq
    pq.write_table(table, tmp)
    tmp.replace(path)


def read_part(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    return pd.read_parquet(path, columns=columns)


# ---------------------------------------------------------------- read
def read_task(plan, p: int, run: Path, max_bytes: int, topics: TopicSchema) -> dict:
    """Read block `p`; stage its articles (ids as wanted) and manifest rows."""
    result = read_block(plan.blocks[p], max_bytes=max_bytes)
    articles = result.articles.assign(_wanted=pd.Series(result.wanted, dtype=object))
    write_part(articles, staging(run, "read", p))
    write_part(result.manifest, staging(run, "manifest", p))
    docs, mains = subject_stats(result.articles["text"], topics)
    return {"articles": len(result.articles), "messages": result.messages,
            "docs": docs, "mains": mains}


def wanted_ids(run: Path, parts: int) -> list[list[str]]:
    return [read_part(staging(run, "read", p), ["_wanted"])["_wanted"].tolist()
            for p in range(parts)]


# ---------------------------------------------------------------- subjects
def word_stats(p: int, run: Path, topics: TopicSchema) -> tuple[Counter[str], Counter[str]]:
    """`word_stats` of partition `p`'s texts: the fallback of `batch_subjects` when no
    known substance dominates, summed by `frequent_words`."""
    return extract_word_stats(read_part(staging(run, "read", p), ["text"])["text"], topics)


# ---------------------------------------------------------------- extract
def extract_task(p: int, run: Path, topics: TopicSchema, subjects: frozenset[str],
                 renames: dict[int, tuple[str, str]], references: list[str]) -> dict:
    """Extract partition `p`: final ids, sentences, base assertions, heading rows; return
    the partition's share of the batch-level counts."""
    from ..sources.reference import reference_ids

    staged = read_part(staging(run, "read", p))
    manifest = read_part(staging(run, "manifest", p))
    for col in ("line", "bytes"):
        manifest[col] = manifest[col].astype("Int64")
    result = apply_ids(BlockResult(staged.drop(columns=["_wanted"]), manifest, [], []),
                       renames)
    articles, manifest = result.articles, result.manifest
    sentence_rows: list[dict] = []
    assertion_rows: list[dict] = []
    for article, text in zip(articles["article"], articles["text"]):
        s, a = extract_article(article, text, topics, subjects)
        sentence_rows.extend(s)
        assertion_rows.extend(a)
    sentences = (pd.DataFrame(sentence_rows, columns=schema.SENTENCES) if sentence_rows
                 else schema.empty(schema.SENTENCES))
    sentences["start"] = sentences["start"].astype("int64")
    sentences["end"] = sentences["end"].astype("int64")
    sentences["is_heading"] = sentences["is_heading"].astype(bool)
    write_part(manifest, part_path(run, "manifest", p + 1))
    write_part(articles, staging(run, "articles", p))
    write_part(sentences, part_path(run, "sentences", p + 1))
    write_part(assertions_frame(assertion_rows), staging(run, "assertions", p))
    headings = sentences[sentences["is_heading"]]
    rows, heading_df = heading_rows(headings, topics, subjects)
    write_part(pd.DataFrame(rows, columns=schema.TOPICS), staging(run, "headings", p))
    refs = reference_ids(manifest, references) if references else set()
    return {"heading_df": heading_df, "endings": ending_words(articles["text"], topics),
            "affiliations": affiliation_counts(articles["text"]), "references": refs,
            "articles": len(articles), "sentences": len(sentences)}


def phrase_df_task(p: int, run: Path, candidates: list[str]) -> Counter[str]:
    """In how many of partition `p`'s articles each candidate phrase occurs."""
    articles = read_part(staging(run, "articles", p), ["article", "text"])
    df: Counter[str] = Counter()
    for counts in phrase_counts(zip(articles["article"], articles["text"]),
                                phrase_finder(candidates)).values():
        df.update(counts.keys())
    return df


def finish_task(p: int, run: Path, topics: TopicSchema, subjects: frozenset[str],
                candidates: list[str], chosen: list[str]) -> dict:
    """Partition `p`'s topics rows, effect claims merged into its assertions, each
    article's main subject (the articles' `subject` column, and the subject of claims
    that name none — after comparison, as the local pipeline does: the claims as
    extracted are staged for it), and cited studies."""
    articles = read_part(staging(run, "articles", p))
    sentences = read_part(part_path(run, "sentences", p + 1))
    head = read_part(staging(run, "headings", p))
    per_article = phrase_counts(zip(articles["article"], articles["text"]),
                                phrase_finder(candidates))
    parts = [head.assign(_k=0, _i=np.arange(len(head)))]
    for k, phrase in enumerate(chosen, start=1):
        rows = pd.DataFrame(open_topic_rows(phrase, per_article), columns=schema.TOPICS)
        parts.append(rows.assign(_k=k, _i=np.arange(len(rows))))
    topics_part = pd.concat(parts, ignore_index=True)
    topics_part["score"] = topics_part["score"].astype(float)
    topics_part["schema"] = topics_part["schema"].astype(bool)
    write_part(topics_part, part_path(run, "topics", p + 1))
    base = read_part(staging(run, "assertions", p))
    effects = extract_effects(sentences, topics_part[schema.TOPICS], topics, subjects)
    assertions = base
    mains = main_subjects(articles, topics, subjects)
    if effects:
        order = {a: i for i, a in enumerate(articles["article"])}
        assertions = pd.concat([base, with_article_subjects(assertions_frame(effects), mains)],
                               ignore_index=True)
        assertions = assertions.sort_values(
            ["article", "start", "topic"], kind="stable",
            key=lambda c: c.map(order) if c.name == "article" else c).reset_index(drop=True)
    assertions = assertions_frame(assertions.astype(object).where(assertions.notna(), None)
                                  .to_dict("records")) if len(assertions) else \
        schema.empty(ASSERTION_COLUMNS)
    write_part(assertions, staging(run, "compared", p))
    articles = articles.assign(subject=articles["article"].map(mains).fillna(""))
    blank = assertions["subject"].fillna("").eq("") & assertions["kind"].ne("credentials")
    if blank.any():
        assertions.loc[blank, "subject"] = assertions.loc[blank, "article"].map(mains)
    schema.check("extract", assertions, ASSERTION_COLUMNS)
    schema.check_offsets(articles, assertions)
    write_part(assertions, part_path(run, "assertions", p + 1))
    write_part(articles, staging(run, "articles", p))
    studies = find_studies(sentences, topics)
    studies = studies if len(studies) else pd.DataFrame(columns=STUDY_COLUMNS)
    write_part(studies, part_path(run, "studies", p + 1))
    return {"assertions": len(assertions), "effects": len(effects), "studies": len(studies)}


# ---------------------------------------------------------------- copies
def copy_keys(p: int, run: Path) -> pd.DataFrame:
    """Body sentences of partition `p` as (sentence id, blocking key): the id orders
    sentences as the local engine does (partition, then position)."""
    body = body_sentences(read_part(part_path(run, "sentences", p + 1),
                                    ["text", "is_heading"]))
    ids = (np.int64(p) << 32) + np.arange(len(body), dtype=np.int64)
    return pd.DataFrame({"sid": ids, "key": [words_key(t) for t in body["text"]]})


def distinct_keys(frame: pd.DataFrame) -> pd.DataFrame:
    """After a shuffle on `key`: one row per distinct key (its first sentence is the
    representative, `weight` how many sentences share it) and, for shared keys, each
    member's representative."""
    if frame.empty:
        return pd.DataFrame({"rep": pd.Series(dtype="int64"), "key": pd.Series(dtype=str),
                             "weight": pd.Series(dtype="int64")})
    grouped = frame.groupby("key", sort=False)["sid"]
    reps = grouped.min()
    return pd.DataFrame({"rep": reps.to_numpy(), "key": reps.index.to_numpy(),
                         "weight": grouped.size().loc[reps.index].to_numpy()})


def key_members(frame: pd.DataFrame) -> pd.DataFrame:
    """(sid, rep) for sentences whose key other sentences share."""
    if frame.empty:
        return pd.DataFrame({"sid": pd.Series(dtype="int64"), "rep": pd.Series(dtype="int64")})
    rep = frame.groupby("key", sort=False)["sid"].transform("min")
    size = frame.groupby("key", sort=False)["sid"].transform("size")
    shared = size > 1
    return pd.DataFrame({"sid": frame["sid"][shared].to_numpy(),
                         "rep": rep[shared].to_numpy()})


def explode_shingles(reps: pd.DataFrame) -> pd.DataFrame:
    """One row per (shingle, representative) with the representative's weight."""
    out_sh, out_rep, out_w = [], [], []
    for rep, key, weight in zip(reps["rep"], reps["key"], reps["weight"]):
        for sh in shingles(key):
            out_sh.append(sh)
            out_rep.append(rep)
            out_w.append(weight)
    return pd.DataFrame({"shingle": pd.Series(out_sh, dtype=str),
                         "rep": pd.Series(out_rep, dtype="int64"),
                         "weight": pd.Series(out_w, dtype="int64")})


def bucket_pairs(frame: pd.DataFrame, *, max_bucket: int) -> pd.DataFrame:
    """After a shuffle on `shingle`: every pair of representatives sharing a shingle
    held by at most `max_bucket` sentences (x < y), and (r, r) for a representative
    whose own sentences share it."""
    xs, ys = [], []
    for _, group in frame.groupby("shingle", sort=False):
        n = len(group)
        if n > max_bucket:
            continue
        size = int(group["weight"].sum())
        if size < 2 or size > max_bucket:
            continue
        members = np.sort(group["rep"].to_numpy())
        weights = dict(zip(group["rep"], group["weight"]))
        for i, x in enumerate(members):
            if weights[x] > 1:
                xs.append(x)
                ys.append(x)
            for y in members[i + 1:]:
                xs.append(x)
                ys.append(y)
    return pd.DataFrame({"x": pd.Series(xs, dtype="int64"), "y": pd.Series(ys, dtype="int64")})


def count_pairs(frame: pd.DataFrame, *, min_shared: int) -> pd.DataFrame:
    """After a shuffle on (x, y): the pairs counted at least `min_shared` times."""
    if frame.empty:
        return frame
    counts = frame.groupby(["x", "y"], sort=False).size()
    kept = counts[counts >= min_shared]
    return pd.DataFrame({"x": kept.index.get_level_values(0).to_numpy(dtype="int64"),
                         "y": kept.index.get_level_values(1).to_numpy(dtype="int64")})


def sentence_lookup(p: int, run: Path) -> pd.DataFrame:
    """Body sentences of partition `p` with their ids, to verify candidate pairs."""
    body = body_sentences(read_part(part_path(run, "sentences", p + 1)))
    ids = (np.int64(p) << 32) + np.arange(len(body), dtype=np.int64)
    return pd.DataFrame({"sid": ids, "article": body["article"].to_numpy(),
                         "start": body["start"].to_numpy(), "end": body["end"].to_numpy(),
                         "text": body["text"].to_numpy()})


def verify_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """Candidate sentence pairs (with both sides' article, offsets, text) that are copies:
    copy rows, plus the pair's ids `_a` < `_b` to order them."""
    rows, a_ids, b_ids = [], [], []
    for r in frame.itertuples(index=False):
        if r.article_i == r.article_j:
            continue
        score = is_copy(r.text_i, r.text_j)
        if score is None:
            continue
        rows.append({"kind": "sentence", "article_a": r.article_i, "start_a": r.start_i,
                     "end_a": r.end_i, "article_b": r.article_j, "start_b": r.start_j,
                     "end_b": r.end_j, "similarity": round(score, 1), "text_a": r.text_i,
                     "text_b": r.text_j})
        a_ids.append(r.i)
        b_ids.append(r.j)
    out = pd.DataFrame(rows, columns=COPY_COLUMNS)
    for col in ("start_a", "end_a", "start_b", "end_b"):
        out[col] = out[col].astype("int64")
    out["similarity"] = out["similarity"].astype(float)
    return out.assign(_a=pd.Series(a_ids, dtype="int64"), _b=pd.Series(b_ids, dtype="int64"))


# ---------------------------------------------------------------- signals
def signals_task(p: int, run: Path, topics: TopicSchema, affiliations: dict[str, int],
                 copied: dict[str, int], groups: dict[str, str], references: set[str]
                 ) -> dict:
    """Partition `p`'s credibility signals and its final articles table."""
    articles = read_part(staging(run, "articles", p))
    assertions = read_part(part_path(run, "assertions", p + 1))
    studies = read_part(part_path(run, "studies", p + 1))
    articles = articles.assign(reference=articles["article"].isin(references),
                               source_group=articles["article"].map(
                                   lambda a: groups.get(a, a)))
    signals = credibility_signals(articles, assertions, studies, None,
                                  {a: groups.get(a, a) for a in articles["article"]},
                                  topics, affiliations=affiliations, copied=copied)
    write_part(signals, part_path(run, "signals", p + 1))
    write_part(articles, part_path(run, "articles", p + 1))
    return {"signals": len(signals)}


def departures_task(p: int, run: Path, topics: TopicSchema, references: set[str],
                    reference_rows: pd.DataFrame) -> int:
    """Where partition `p`'s articles depart from the reference articles."""
    from ..sources.reference import departures

    assertions = read_part(part_path(run, "assertions", p + 1))
    mine = assertions[~assertions["article"].isin(references)]
    frame = pd.concat([mine, reference_rows], ignore_index=True) if len(reference_rows) \
        else mine
    rows = departures(frame, references, topics)
    write_part(rows, part_path(run, "departures", p + 1))
    return len(rows)


def clear_staging(run: Path) -> None:
    shutil.rmtree(run / "_staging", ignore_errors=True)
