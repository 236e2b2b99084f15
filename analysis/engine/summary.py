"""The report of a cluster run, from what reaches the client.

The client of a cluster run holds the conflicts and, from every partition, a bounded
summary (`partition_summary`, merged by `merge_summaries`): exact totals (articles,
words, inputs by status, assertions and articles per topic), the first rows of the
tables the report quotes (credentials, copies, cited studies, signals, departures,
manifest problems first) and a bottom-k hash sample of article ids. The charts are
drawn from the rows of a bounded sample of articles (`SAMPLE_ARTICLES`): those named in
the strongest conflicts first, then the hash sample — the same articles whatever the
partitioning. The summary page states the exact totals and the size of the sample; the
Parquet datasets in the run directory hold every row.
"""

from __future__ import annotations

import hashlib
import heapq
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from .. import schema
from . import partitions as parts

SAMPLE_ARTICLES = 2_000
CONFLICT_ARTICLES = 1_000  # of the sample: articles named in the strongest conflicts
HEADS = {"credentials": 20, "copies": 6, "studies": 12, "signals": 45, "departures": 24,
         "problems": 220, "manifest": 220}


def _hash(article: str) -> int:
    return int.from_bytes(hashlib.blake2b(article.encode(), digest_size=8).digest(), "big")


def _read(run: Path, table: str, p: int, columns: list[str] | None = None) -> pd.DataFrame:
    path = parts.part_path(run, table, p)
    return pd.read_parquet(path, columns=columns) if path.exists() else pd.DataFrame()


def partition_summary(p: int, run: Path, *, sample: int = SAMPLE_ARTICLES) -> dict:
    """Totals, first rows and the article-hash sample of partition `p` (block p+1)."""
    part = p + 1
    articles = _read(run, "articles", part, ["article", "text"])
    assertions = _read(run, "assertions", part)
    manifest = _read(run, "manifest", part)
    out: dict = {"articles": len(articles),
                 "words": int(articles["text"].str.split().str.len().sum()) if len(articles)
                 else 0,
                 "assertions": len(assertions)}
    if len(assertions):
        out["per_topic"] = assertions.groupby("topic").size().to_dict()
        out["articles_per_topic"] = assertions.groupby("topic")["article"].nunique().to_dict()
        people = assertions[assertions["kind"] == "credentials"]
        out["credentials"] = people.head(HEADS["credentials"])
    out["manifest"] = _manifest_head(manifest)
    if p == 0:  # inputs that could not even be listed
        out["manifest0"] = _manifest_head(_read(run, "manifest", 0))
    for table in ("studies", "signals", "departures"):
        frame = _read(run, table, part)
        out[table] = (len(frame), frame.head(HEADS[table]))
    signals = out["signals"][1]
    if "unique_affiliations" in signals:
        full = _read(run, "signals", part)
        flagged = full[full["unique_affiliations"].fillna("") != ""]
        out["flagged"] = flagged.head(8)
    out["sample"] = heapq.nsmallest(sample, ((_hash(a), a) for a in articles["article"]))
    return out


def _manifest_head(manifest: pd.DataFrame) -> dict:
    if manifest.empty:
        return {"counts": {}, "problems": manifest, "ok": manifest}
    return {"counts": manifest["status"].value_counts().to_dict(),
            "problems": manifest[manifest["status"] != "ok"].head(HEADS["problems"]),
            "ok": manifest[manifest["status"] == "ok"].head(HEADS["manifest"])}


def merge_summaries(summaries: list[dict], *, sample: int = SAMPLE_ARTICLES) -> dict:
    """One summary for the run, from the partitions' (in partition order)."""
    total: dict = {"articles": 0, "words": 0, "assertions": 0, "per_topic": {},
                   "articles_per_topic": {}, "inputs": {}}
    heads: dict[str, list] = {k: [] for k in ("credentials", "studies", "signals",
                                               "departures", "flagged", "problems", "ok")}
    counts = {"studies": 0, "signals": 0, "departures": 0}
    for s in summaries:
        for key in ("articles", "words", "assertions"):
            total[key] += s[key]
        for key in ("per_topic", "articles_per_topic"):
            for topic, n in s.get(key, {}).items():
                total[key][topic] = total[key].get(topic, 0) + int(n)
        for m in ([s["manifest0"]] if "manifest0" in s else []) + [s["manifest"]]:
            for status, n in m["counts"].items():
                total["inputs"][status] = total["inputs"].get(status, 0) + int(n)
            heads["problems"].append(m["problems"])
            heads["ok"].append(m["ok"])
        if "credentials" in s:
            heads["credentials"].append(s["credentials"])
        for table in counts:
            n, head = s[table]
            counts[table] += n
            heads[table].append(head)
        if "flagged" in s:
            heads["flagged"].append(s["flagged"])

    def first(frames: list[pd.DataFrame], n: int) -> pd.DataFrame:
        frames = [f for f in frames if len(f.columns)]
        return pd.concat(frames, ignore_index=True).head(n) if frames else pd.DataFrame()

    total["counts"] = counts
    for key in ("credentials", "studies", "signals", "departures"):
        total[key] = first(heads[key], HEADS[key])
    total["flagged"] = first(heads["flagged"], 8)
    total["manifest"] = first([first(heads["problems"], HEADS["problems"]),
                               first(heads["ok"], HEADS["manifest"])], HEADS["manifest"])
    total["sample"] = [a for _, a in heapq.nsmallest(
        sample, (pair for s in summaries for pair in s["sample"]))]
    return total


def sample_rows(p: int, run: Path, articles: set[str]) -> dict[str, pd.DataFrame]:
    """The rows of the sampled articles in partition `p`."""
    part = p + 1
    out = {}
    for table in ("articles", "assertions", "topics"):
        frame = _read(run, table, part)
        if table == "articles":
            frame = frame.drop(columns=["text"], errors="ignore")
        if table == "topics" and len(frame):
            frame = frame.assign(_p=p)
        out[table] = frame[frame["article"].isin(articles)] if len(frame) else frame
    return out


def choose_sample(conflicts: pd.DataFrame, hashed: list[str], *,
                  size: int = SAMPLE_ARTICLES) -> set[str]:
    """Articles named in the strongest conflicts (up to CONFLICT_ARTICLES), then the
    hash sample, up to `size`."""
    chosen: dict[str, None] = {}
    for arts in conflicts["articles"].head(500) if len(conflicts) else []:
        for a in str(arts).split(";"):
            if len(chosen) >= CONFLICT_ARTICLES:
                break
            chosen.setdefault(a, None)
    for a in hashed:
        if len(chosen) >= size:
            break
        chosen.setdefault(a, None)
    return set(chosen)


def report_view(cluster, summary: dict, samples: list[dict], copies: tuple[int, pd.DataFrame],
                agreement: pd.DataFrame, topics) -> SimpleNamespace:
    """`cluster.conflicts` holds the strongest conflicts; `cluster.conflict_counts` the
    totals."""
    """What `write_run`'s charts and pages read, for a cluster run: the conflicts, the
    sampled articles' rows, the first rows of the other tables, and `totals`."""
    def cat(name: str, columns: list[str]) -> pd.DataFrame:
        frames = [s[name] for s in samples if len(s[name].columns)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
            columns=columns)

    topics_rows = cat("topics", schema.TOPICS)
    if len(topics_rows):
        topics_rows = topics_rows.sort_values(["_k", "_p", "_i"], kind="stable").drop(
            columns=["_k", "_p", "_i"]).reset_index(drop=True)
    articles = cat("articles", schema.ARTICLES)
    totals = {"articles": summary["articles"], "words": summary["words"],
              "inputs": summary["inputs"], "assertions": summary["assertions"],
              "per_topic": summary["per_topic"],
              "articles_per_topic": summary["articles_per_topic"],
              "sampled": len(articles), "copies": copies[0],
              "conflicts": cluster.conflict_counts["total"],
              "within": cluster.conflict_counts["within"],
              "conflicts_per_topic": cluster.conflict_counts["per_topic"], **{
                  f"{k}_rows": v for k, v in summary["counts"].items()}}
    return SimpleNamespace(
        assertions=cat("assertions", []), conflicts=cluster.conflicts, articles=articles,
        topics=topics_rows, manifest=summary["manifest"], schema=topics,
        subjects=cluster.subjects, messages=cluster.messages, failures=[],
        studies=summary["studies"], copies=copies[1], agreement=agreement,
        signals=summary["signals"], departures=summary["departures"],
        credentials_head=summary["credentials"], totals=totals)
