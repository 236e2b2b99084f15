"""`analyse()`: inputs in, an `Analysis` with every table out; the one entry point that
the CLI, notebooks and the benchmarks share."""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .align import align_topics
from .compare import compare, conflicts_frame
from .engine import Progress, run_extraction
from .errors import Failure, InputError, run_stage, sync_messages
from .extract import (
    ASSERTION_COLUMNS,
    assertions_frame,
    batch_subjects,
    main_subjects,
    with_article_subjects,
    with_user_subjects,
)
from .extract.effects import extract_effects
from .ingest import DEFAULT_MAX_BYTES, Ingested, ingest, ingest_frame
from .sources.copies import COPY_COLUMNS, agreement, find_copies, source_groups
from .sources.reference import DEPARTURE_COLUMNS, departures, reference_ids
from .sources.signals import SIGNAL_COLUMNS, credibility_signals
from .sources.studies import STUDY_COLUMNS, find_studies, study_conflicts
from .topics import TopicSchema, load_topics


@dataclass
class Analysis:
    """Every table of one run, plus the helpers to look at them.

    Tables (columns documented in `analysis.schema`): `articles`, `manifest`,
    `sentences`, `assertions`, `conflicts`, `topics` (heading/key-phrase alignment),
    and the layer beyond: `studies` (cited studies), `copies` (near-duplicate spans),
    `agreement` (claims with their independent-source counts), `signals` (credibility
    signals per article) and `departures` (from `reference` articles, when given).

    `failures`: the batch-level stages, charts and report pages that failed and were
    isolated (their warning lines are in `messages` too); `strict` runs raise instead.
    """

    articles: pd.DataFrame
    manifest: pd.DataFrame
    sentences: pd.DataFrame
    assertions: pd.DataFrame
    conflicts: pd.DataFrame
    topics: pd.DataFrame
    schema: TopicSchema = field(repr=False)
    messages: list[str] = field(default_factory=list)
    subjects: frozenset[str] = frozenset()
    studies: pd.DataFrame = field(default_factory=pd.DataFrame)
    copies: pd.DataFrame = field(default_factory=pd.DataFrame)
    agreement: pd.DataFrame = field(default_factory=pd.DataFrame)
    signals: pd.DataFrame = field(default_factory=pd.DataFrame)
    departures: pd.DataFrame = field(default_factory=pd.DataFrame)
    failures: list[Failure] = field(default_factory=list)
    strict: bool = False

    @property
    def credentials(self) -> pd.DataFrame:
        """One row per person named as author or reviewer."""
        rows = self.assertions[self.assertions["topic"].isin(
            [t.key for t in self.schema.of_kind("credentials")])]
        return rows[[c for c in schema.CREDENTIALS if c in rows.columns]].reset_index(drop=True)

    def compare(self, topic: str) -> pd.DataFrame:
        """One row per article (per article and subject when the batch has several) with
        its claims on `topic` side by side, and how many conflicts they are part of."""
        rows = self.assertions[self.assertions["topic"] == topic]
        subjects = rows["subject"].fillna("") if "subject" in rows else pd.Series(
            "", index=rows.index)
        several = subjects.nunique() > 1
        out = []
        keys = (sorted(set(zip(rows["article"], subjects)), key=lambda k: (k[1], k[0]))
                if several else [(a, None) for a in self.articles["article"]])
        for article, subject in keys:
            mine = rows[(rows["article"] == article) & (
                subjects == subject if subject is not None else True)]
            claims = [f"{v} ({q})" if q else str(v) for v, q in
                      zip(mine["value"], mine["qualifier"].fillna(""))]
            hit = self.conflicts["articles"].str.split(";").apply(
                lambda a, art=article: art in a) & (self.conflicts["topic"] == topic)
            if subject is not None and "subject" in self.conflicts:
                hit &= self.conflicts["subject"].fillna("") == subject
            out.append({"subject": subject or "", "article": article, "claims": len(mine),
                        "values": "; ".join(dict.fromkeys(claims)),
                        "conflicts": int(hit.sum()),
                        "evidence": " ‖ ".join(dict.fromkeys(mine["evidence"].tolist()))[:500]})
        columns = ["subject", "article", "claims", "values", "conflicts", "evidence"]
        frame = pd.DataFrame(out, columns=columns)
        return frame if several else frame.drop(columns="subject")

    def figures(self) -> dict[str, Any]:
        """Every chart as a matplotlib Figure, keyed by its PNG name."""
        from .report import all_figures
        figures = all_figures(self, failures=self.failures, strict=self.strict)
        sync_messages(self)
        return figures

    def write_report(self, out_dir: str | os.PathLike = "reports", *,
                     formats: Sequence[str] = ("pdf", "png", "csv", "html"),
                     progress: Progress | None = None) -> list[Path]:
        """Write the run directory (tables, charts, PDF); returns the files written."""
        from .report import write_run
        return write_run(self, Path(out_dir), formats=formats, progress=progress,
                         strict=self.strict)

    def summary(self) -> dict[str, Any]:
        ok = self.manifest["status"].eq("ok").sum() if len(self.manifest) else 0
        return {
            "articles": int(len(self.articles)),
            "inputs": int(len(self.manifest)),
            "inputs_ok": int(ok),
            "inputs_skipped": int(self.manifest["status"].eq("skipped").sum()),
            "inputs_failed": int(self.manifest["status"].eq("failed").sum()),
            "words": int(self.articles["text"].str.split().str.len().sum())
            if len(self.articles) else 0,
            "assertions": int(len(self.assertions)),
            "conflicts": int(len(self.conflicts)),
        }

    def _repr_html_(self) -> str:
        s = self.summary()
        by_topic = self.assertions.groupby("topic").size() if len(self.assertions) else {}
        conflicts = self.conflicts.groupby("topic").size() if len(self.conflicts) else {}
        rows = "".join(
            f"<tr><td>{html.escape(str(t))}</td><td>{int(n)}</td>"
            f"<td>{int(conflicts.get(t, 0)) if len(self.conflicts) else 0}</td></tr>"
            for t, n in by_topic.items())
        top = "".join(f"<li>{html.escape(str(r.summary))} <small>(severity {r.severity:.2f})"
                      f"</small></li>" for r in self.conflicts.head(5).itertuples())
        return (f"<div><b>crosscheck analysis</b>: {s['articles']} articles, {s['words']:,} "
                f"words, {s['assertions']} assertions, {s['conflicts']} conflicts; "
                f"{s['inputs_skipped']} inputs skipped, {s['inputs_failed']} failed."
                f"<table><tr><th>topic</th><th>assertions</th><th>conflicts</th></tr>{rows}"
                f"</table><p>Strongest conflicts:</p><ol>{top}</ol></div>")

    def __repr__(self) -> str:
        s = self.summary()
        return (f"Analysis({s['articles']} articles, {s['assertions']} assertions, "
                f"{s['conflicts']} conflicts)")


def _article_order(articles: pd.DataFrame):
    order = {a: i for i, a in enumerate(articles["article"])}

    def key(column: pd.Series) -> pd.Series:
        return column.map(order) if column.name == "article" else column
    return key


def analyse(inputs: str | os.PathLike | Sequence[str | os.PathLike] | pd.DataFrame = "seeds",
            *, topics: TopicSchema | str | os.PathLike | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = 1,
            engine: str = "local", scheduler: str | None = None,
            progress: Progress | None = None, max_pairs: int = 50,
            reference: Sequence[str | os.PathLike] | None = None,
            strict: bool = False, subjects: Sequence[str] = ()) -> Analysis:
    """Analyse a batch: files/folders (or a DataFrame with `id`/`text`) to an Analysis.

    `jobs` processes run extraction (None = all cores); `engine="dask"` runs the same
    stage functions on a Dask cluster (`scheduler` address, or a LocalCluster).
    A batch-level stage that fails (alignment, effects, studies, copies, agreement,
    signals, reference) leaves its table empty and a line in `messages`; with `strict`
    it raises `StageError` naming the stage, and so do the run's charts and pages later.
    Extraction and comparison always raise `StageError` when they fail.
    `subjects` names substances the batch is about (as `--subject` does): they are
    tracked by name, and a claim that names no substance is about the only one given.
    """
    schema_ = topics if isinstance(topics, TopicSchema) else load_topics(topics)
    schema_ = with_user_subjects(schema_, subjects)
    if engine == "dask":  # workers read the inputs themselves: nothing is read here
        if isinstance(inputs, pd.DataFrame):
            raise InputError("the Dask engine reads its inputs on the workers: pass files "
                             "or folders, not a DataFrame")
        from .engine.dask import analyse_on_cluster
        return analyse_on_cluster(inputs, schema_, scheduler=scheduler, max_bytes=max_bytes,
                                  max_pairs=max_pairs, reference=reference, progress=progress)
    if isinstance(inputs, pd.DataFrame):
        ingested: Ingested = ingest_frame(inputs, max_bytes=max_bytes)
    else:
        ingested = ingest(inputs, max_bytes=max_bytes)
    articles = ingested.articles
    jobs = (os.cpu_count() or 1) if jobs is None else max(1, int(jobs))
    subjects = batch_subjects(articles["text"], schema_)
    if engine == "local":
        sentences, assertions = run_stage("extract", run_extraction, articles, schema_,
                                          subjects, jobs=jobs, progress=progress)
        conflicts = run_stage("compare", compare, assertions, schema_, max_pairs=max_pairs,
                              progress=progress)
    else:
        raise InputError(f"unknown engine {engine!r} (choose 'local' or 'dask')")
    return build_analysis(ingested, sentences, assertions, conflicts, schema_, subjects,
                          max_pairs=max_pairs, reference=reference, progress=progress,
                          strict=strict)


def build_analysis(ingested: Ingested, sentences: pd.DataFrame, assertions: pd.DataFrame,
                   conflicts: pd.DataFrame, schema_: TopicSchema, subjects: frozenset[str], *,
                   max_pairs: int = 50,
                   reference: Sequence[str | os.PathLike] | None = None,
                   progress: Progress | None = None, strict: bool = False) -> Analysis:
    """The batch-level stages after extraction and comparison: topic alignment, effect
    polarity, cited studies, copies and independence, signals, reference departures.

    Each runs through `run_stage`: one that fails leaves its table empty (with its
    columns), is recorded in `failures` and `messages`, and the others go on; with
    `strict` it raises `StageError` naming the stage instead.
    """
    articles = ingested.articles
    failures: list[Failure] = []

    def stage(name: str, fn, *args, fallback, **kwargs):
        return run_stage(name, fn, *args, failures=failures, fallback=fallback, strict=strict,
                         **kwargs)

    topics_table = stage("align", align_topics, articles, sentences, schema_, subjects=subjects,
                         progress=progress, fallback=lambda: schema.empty(schema.TOPICS))
    mains = main_subjects(articles, schema_, subjects)
    assertions, conflicts = stage(
        "effects", _with_effects, articles, sentences, assertions, conflicts, topics_table,
        schema_, subjects, mains, max_pairs=max_pairs, progress=progress,
        fallback=lambda a=assertions, c=conflicts: (a, c))
    articles = articles.assign(subject=articles["article"].map(mains).fillna(""))
    blank = assertions["subject"].fillna("").eq("") & assertions["kind"].ne("credentials")
    if blank.any():  # effect claims are read batch-wide: they are about the article's subject
        assertions.loc[blank, "subject"] = assertions.loc[blank, "article"].map(mains)
    schema.check("extract", assertions, ASSERTION_COLUMNS)
    schema.check_offsets(articles, assertions)
    studies, conflicts = stage(
        "studies", _with_studies, sentences, conflicts, schema_, progress=progress,
        fallback=lambda c=conflicts: (pd.DataFrame(columns=STUDY_COLUMNS), c))
    ids = list(articles["article"])
    copies, groups = stage(
        "copies", _copies_and_groups, ids, sentences, assertions, conflicts,
        progress=progress,
        fallback=lambda: (pd.DataFrame(columns=COPY_COLUMNS), {a: a for a in ids}))
    if len(set(groups.values())) < len(groups):  # copies count once in dose consensus
        conflicts = stage("compare", _regroup, assertions, conflicts, schema_, groups,
                          max_pairs=max_pairs, progress=progress,
                          fallback=lambda c=conflicts: c)
    refs = stage("reference", reference_ids, ingested.manifest, list(reference or []),
                 fallback=set)
    articles = articles.assign(reference=articles["article"].isin(refs),
                               source_group=articles["article"].map(groups))
    agreement_table = stage("agreement", agreement, assertions, groups,
                            fallback=lambda: pd.DataFrame(columns=AGREEMENT_COLUMNS))
    signals = stage("signals", credibility_signals, articles, assertions, studies, copies,
                    groups, schema_, progress=progress,
                    fallback=lambda: pd.DataFrame(columns=SIGNAL_COLUMNS))
    departures_table = stage("reference", departures, assertions, refs, schema_,
                             fallback=lambda: pd.DataFrame(columns=DEPARTURE_COLUMNS))
    run = Analysis(articles=articles, manifest=ingested.manifest, sentences=sentences,
                   assertions=assertions, conflicts=conflicts, topics=topics_table,
                   schema=schema_, messages=list(ingested.messages), subjects=subjects,
                   studies=studies, copies=copies, agreement=agreement_table,
                   signals=signals, departures=departures_table, failures=failures,
                   strict=strict)
    sync_messages(run)
    return run


AGREEMENT_COLUMNS = ["topic", "value", "scope", "articles", "n_articles", "n_independent"]


def _with_effects(articles, sentences, assertions, conflicts, topics_table, schema_, subjects,
                  mains, *, max_pairs, progress):
    """Effect polarity: open topics are known only now, so their claims (and conflicts)
    join the tables here."""
    effect_rows = extract_effects(sentences, topics_table, schema_, subjects,
                                  progress=progress)
    if not effect_rows:
        return assertions, conflicts
    effects = with_article_subjects(assertions_frame(effect_rows), mains)
    assertions = pd.concat([assertions, effects], ignore_index=True)
    assertions = assertions.sort_values(["article", "start", "topic"], kind="stable",
                                        key=_article_order(articles)).reset_index(drop=True)
    conflicts = conflicts_frame(list(conflicts.to_dict("records")) + list(
        compare(effects, schema_, max_pairs=max_pairs).to_dict("records")))
    return assertions, conflicts


def _regroup(assertions, conflicts, schema_, groups, *, max_pairs, progress=None):
    """Dose conflicts again, with articles that copy each other as one source."""
    quantity = {t.key for t in schema_.of_kind("quantity")}
    kept = conflicts[~conflicts["topic"].isin(quantity)]
    again = compare(assertions[assertions["topic"].isin(quantity)], schema_,
                    max_pairs=max_pairs, groups=groups, progress=progress)
    return conflicts_frame(list(kept.to_dict("records")) + list(again.to_dict("records")))


def _with_studies(sentences, conflicts, schema_, *, progress):
    studies = find_studies(sentences, schema_, progress=progress)
    extra = study_conflicts(studies)
    if extra:
        conflicts = conflicts_frame(list(conflicts.to_dict("records")) + extra)
    return studies, conflicts


def _copies_and_groups(ids, sentences, assertions, conflicts, *, progress):
    """Copied sentences and bios, and the source groups they make."""
    credentials = assertions[assertions["kind"] == "credentials"]
    copies = find_copies(sentences, credentials, conflicts, progress=progress)
    return copies, source_groups(ids, copies)
