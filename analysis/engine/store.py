"""Runs that grow: `crosscheck analyse NEW... --into RUN_DIR` adds articles to a run.

A growing run keeps, beside its tables and report, a store in `RUN_DIR/.crosscheck-store/`:
the articles with their text and content hash, the manifest, and each article's
extraction (sentence offsets and assertion rows) keyed by content hash under a
fingerprint of everything extraction depends on — the topic schema, the package version
and extraction code, and the batch subjects extraction is still given. Adding a batch:

1. reads the new inputs (ids that clash with the run's are renamed as in one batch);
   an article whose text is already in the run is recorded as skipped, not added twice;
2. extracts only articles whose (hash, fingerprint) is not stored — all of them when
   the fingerprint changed (a schema edit, a new version, batch subjects that moved);
3. compares, aligns and finds copies over the whole run, so the tables and the report
   cover everything, exactly as one run over all the inputs in the order they came;
4. writes the new store files, tables and report beside the old ones and only then
   commits: the store's `CURRENT` file is replaced in one atomic step and the new report
   files are moved over the old. A failure before that leaves the run as it was.

Store files are immutable; `CURRENT` names the ones that make up the run, and files no
longer named are deleted after the commit.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from ..errors import InputError, RunDirError
from ..extract import ASSERTION_COLUMNS, batch_subjects, with_user_subjects
from ..ingest import DEFAULT_MAX_BYTES, Ingested, ingest
from ..topics import TopicSchema, load_topics
from .local import _sentences_from_offsets, run_extraction
from .progress import Progress

STORE_DIR = ".crosscheck-store"
CURRENT = "CURRENT"
RUN_RECORD = ".crosscheck-run.json"  # what write_run leaves in a run directory


def content_hash(text: str) -> str:
    """The identity of an article's text: sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The extraction code itself: a development edit re-extracts like a new version."""
    digest = hashlib.sha256()
    folder = Path(__file__).resolve().parent.parent / "extract"
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def extraction_fingerprint(topics: TopicSchema, subjects: frozenset[str]) -> str:
    """What an article's extraction depends on besides its text: the topic schema (every
    topic, vocabulary and lexicon table), the package version and extraction code, and
    the batch subjects (until extraction no longer takes them)."""
    from .. import __version__
    payload = {"version": __version__, "code": _code_digest(),
               "topics": {k: t.config for k, t in topics.topics.items()},
               "batch": topics.batch, "tables": topics.tables, "subjects": sorted(subjects)}
    text = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class StoreState:
    """The files that make up a growing run (named in `CURRENT`)."""

    generation: int = 0
    fingerprint: str = ""
    subjects: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    manifest: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    assertions: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    def files(self) -> set[str]:
        return {*self.articles, *self.manifest, *self.sentences, *self.assertions}


@dataclass
class Growth:
    """What `add_to_run` did: the whole run's Analysis (None when nothing was added and
    the run was left untouched) and what this batch brought."""

    analysis: object  # pipeline.Analysis
    added: int
    duplicates: int
    reextracted: bool
    written: list[Path]
    messages: list[str] = field(default_factory=list)  # this batch's inputs only


def read_state(run_dir: str | os.PathLike) -> StoreState | None:
    """The run's current store state, or None when the folder holds no growing run."""
    path = Path(run_dir) / STORE_DIR / CURRENT
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise RunDirError(f"cannot read {path}: {exc}") from exc
    return StoreState(**data)


def _read_parts(store: Path, names: list[str]) -> pd.DataFrame | None:
    frames = [pd.read_parquet(store / name) for name in names]
    frames = [f for f in frames if len(f.columns)]
    return pd.concat(frames, ignore_index=True) if frames else None


def _write(frame: pd.DataFrame, path: Path) -> None:
    frame.to_parquet(path, index=False)


def _cache_frames(articles: pd.DataFrame, sentences: pd.DataFrame, assertions: pd.DataFrame
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Extraction results keyed by content hash instead of article id."""
    hashes = dict(zip(articles["article"], articles["hash"]))
    units = pd.DataFrame({"hash": sentences["article"].map(hashes),
                          "start": sentences["start"].astype("int64"),
                          "end": sentences["end"].astype("int64"),
                          "is_heading": sentences["is_heading"].astype(bool)})
    rows = assertions.assign(hash=assertions["article"].map(hashes)).drop(columns=["article"])
    return units, rows


def _positions(keys: pd.Series) -> dict[str, np.ndarray]:
    """Row positions of each key, in row order."""
    return {k: np.asarray(v) for k, v in keys.groupby(keys, sort=False).indices.items()}


def _assemble(articles: pd.DataFrame, units: pd.DataFrame, rows: pd.DataFrame
              ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sentences and assertions tables of `articles`, in article order, from stored
    extraction results (an article's rows are those of its text's hash)."""
    unit_at, row_at = _positions(units["hash"]), _positions(rows["hash"])
    empty = np.array([], dtype=np.int64)
    sentence_rows: list[dict] = []
    starts, ends, heads = (units["start"].to_numpy(), units["end"].to_numpy(),
                           units["is_heading"].to_numpy())
    picks, ids = [], []
    for article, text, h in zip(articles["article"], articles["text"], articles["hash"]):
        at = unit_at.get(h, empty)
        sentence_rows.extend(_sentences_from_offsets(
            article, text, list(zip(starts[at].tolist(), ends[at].tolist(),
                                    heads[at].tolist()))))
        mine = row_at.get(h, empty)
        picks.append(mine)
        ids.extend([article] * len(mine))
    sentences = (pd.DataFrame(sentence_rows, columns=schema.SENTENCES) if sentence_rows
                 else schema.empty(schema.SENTENCES))
    index = np.concatenate(picks) if picks else empty
    assertions = rows.iloc[index].drop(columns=["hash"]).reset_index(drop=True)
    assertions.insert(0, "article", pd.Series(ids, dtype=object))
    assertions = assertions[[c for c in ASSERTION_COLUMNS if c in assertions.columns]]
    if assertions.empty:
        assertions = schema.empty(ASSERTION_COLUMNS)
    return sentences, assertions


def _mark_duplicates(ingested: Ingested, known: dict[str, str]
                     ) -> tuple[pd.DataFrame, pd.DataFrame, list[str], int]:
    """New articles minus those whose text is already in the run; their manifest rows
    say so."""
    articles = ingested.articles.assign(hash=ingested.articles["text"].map(content_hash))
    manifest = ingested.manifest.copy()
    messages = list(ingested.messages)
    dup = articles["hash"].isin(known)
    if dup.any():
        already = {a: known[h] for a, h in zip(articles.loc[dup, "article"],
                                                articles.loc[dup, "hash"])}
        hit = manifest["article"].isin(already) & manifest["status"].eq("ok")
        for i in manifest.index[hit]:
            row = manifest.loc[i]
            reason = f"already in the run as {already[row['article']]} (same text)"
            manifest.loc[i, ["status", "reason", "article"]] = ["skipped", reason, ""]
            where = f"{row['input']}:{row['line']}" if pd.notna(row["line"]) else row["input"]
            messages.append(f"skipped {where}: {reason}")
    return articles[~dup].reset_index(drop=True), manifest, messages, int(dup.sum())


def add_to_run(run_dir: str | os.PathLike, inputs: str | os.PathLike | Sequence, *,
               topics: TopicSchema | str | os.PathLike | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, max_pairs: int = 50,
               reference: Sequence[str | os.PathLike] | None = None,
               formats: Sequence[str] = ("pdf", "png", "csv"),
               subjects: Sequence[str] = (), progress: Progress | None = None) -> Growth:
    """Add `inputs` to the growing run in `run_dir` (created when missing); write its
    tables and report over the whole run; return what happened. On any failure the run
    directory is left exactly as it was. `subjects`: substances named by the user, as
    for `analyse`."""
    from ..compare import compare
    from ..pipeline import build_analysis
    from ..report import write_run

    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise InputError("--into needs pyarrow: pip install 'crosscheck[parquet]'") from exc
    run_dir = Path(run_dir)
    if run_dir.exists() and not run_dir.is_dir():
        raise InputError(f"--into {run_dir} exists and is not a folder")
    created = not run_dir.exists()
    state = read_state(run_dir)
    if state is None and (run_dir / RUN_RECORD).exists():
        raise RunDirError(f"{run_dir} holds a run written with --out, which keeps no article "
                          "texts to compare new ones with; grow a run started with --into")
    state = state or StoreState()
    schema_ = with_user_subjects(
        topics if isinstance(topics, TopicSchema) else load_topics(topics), subjects)
    store = run_dir / STORE_DIR
    store.mkdir(parents=True, exist_ok=True)
    old = _read_parts(store, state.articles)
    old_manifest = _read_parts(store, state.manifest)
    inputs = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    ingested = ingest(inputs, max_bytes=max_bytes,
                      reserved_ids=[] if old is None else old["article"].tolist())
    known = {} if old is None else dict(zip(old["hash"], old["article"]))
    new, manifest, messages, duplicates = _mark_duplicates(ingested, known)
    if new.empty:  # nothing to add: the run is not touched
        if created:
            shutil.rmtree(run_dir, ignore_errors=True)
        return Growth(analysis=None, added=0, duplicates=duplicates, reextracted=False,
                      written=[], messages=messages)
    articles = new if old is None else pd.concat([old, new], ignore_index=True)
    manifest_all = manifest if old_manifest is None else pd.concat(
        [old_manifest, manifest], ignore_index=True)
    for col in ("line", "bytes"):
        manifest_all[col] = manifest_all[col].astype("Int64")
    references = list(dict.fromkeys(state.references + [str(Path(r).resolve())
                                                         for r in reference or []]))
    found = batch_subjects(articles["text"], schema_)
    fingerprint = extraction_fingerprint(schema_, found)
    reextract = bool(state.fingerprint) and fingerprint != state.fingerprint
    if reextract:
        changed = ("batch subjects changed ({} -> {})".format(
            ", ".join(state.subjects) or "none", ", ".join(sorted(found)) or "none")
            if sorted(found) != state.subjects else
            "the topic schema or crosscheck version changed")
        messages.append(f"{changed}: every article of the run is extracted again")
    generation = state.generation + 1
    new_files: list[Path] = []
    staging = Path(tempfile.mkdtemp(prefix=".crosscheck-add-", dir=run_dir))
    try:
        cached_units = cached_rows = None
        if not reextract:
            cached_units = _read_parts(store, state.sentences)
            cached_rows = _read_parts(store, state.assertions)
        have = set() if cached_units is None else set(cached_units["hash"])
        if cached_rows is not None:
            have |= set(cached_rows["hash"])
        todo = articles[~articles["hash"].isin(have)].drop_duplicates("hash")
        sentences, assertions = run_extraction(todo, schema_, found, jobs=jobs,
                                               progress=progress)
        units, rows = _cache_frames(todo, sentences, assertions)
        tag = f"{generation:06d}-{fingerprint}"
        files = {"articles": f"articles-{generation:06d}.parquet",
                 "manifest": f"manifest-{generation:06d}.parquet",
                 "sentences": f"sentences-{tag}.parquet",
                 "assertions": f"assertions-{tag}.parquet"}
        for name, frame in (("articles", new), ("manifest", manifest), ("sentences", units),
                            ("assertions", rows)):
            new_files.append(store / files[name])
            _write(frame, new_files[-1])
        all_units = units if cached_units is None else pd.concat([cached_units, units],
                                                                 ignore_index=True)
        all_rows = rows if cached_rows is None else pd.concat([cached_rows, rows],
                                                              ignore_index=True)
        sentences, assertions = _assemble(articles, all_units, all_rows)
        conflicts = compare(assertions, schema_, max_pairs=max_pairs, progress=progress)
        whole = Ingested(articles.drop(columns=["hash"]), manifest_all, messages)
        run = build_analysis(whole, sentences, assertions, conflicts, schema_, found,
                             max_pairs=max_pairs, reference=references, progress=progress)
        written = write_run(run, staging, formats=formats, progress=progress)
        keep = [] if reextract else None
        new_state = StoreState(
            generation=generation, fingerprint=fingerprint, subjects=sorted(found),
            articles=state.articles + [files["articles"]],
            manifest=state.manifest + [files["manifest"]],
            sentences=(state.sentences if keep is None else keep) + [files["sentences"]],
            assertions=(state.assertions if keep is None else keep) + [files["assertions"]],
            references=references)
        pending = store / f"{CURRENT}.{generation}"
        pending.write_text(json.dumps(new_state.__dict__, indent=1), encoding="utf-8")
        new_files.append(pending)
        previous = _previous_files(run_dir)
        os.replace(pending, store / CURRENT)  # the commit: one atomic step
        new_files = []
    except BaseException:
        for path in new_files:  # nothing was committed: the run stays as it was
            path.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(run_dir, ignore_errors=True)
        raise
    try:  # committed: put the report in place, then drop what the run no longer uses
        names = [p.name for p in written]
        for name in names + [RUN_RECORD]:
            os.replace(staging / name, run_dir / name)
        for name in previous - set(names):
            stale = run_dir / name
            if stale.is_file() and stale.parent == run_dir:
                stale.unlink()
        for name in state.files() - new_state.files():
            (store / name).unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Growth(analysis=run, added=len(new), duplicates=duplicates,
                  reextracted=reextract, written=[run_dir / p.name for p in written],
                  messages=messages)


def _previous_files(run_dir: Path) -> set[str]:
    """The files the run directory's last report wrote (to remove those not rewritten)."""
    try:
        record = json.loads((run_dir / RUN_RECORD).read_text(encoding="utf-8"))
        return {Path(n).name for n in record.get("written", [])}
    except (OSError, ValueError):
        return set()
