"""The run directory: tables (CSV/JSON/Parquet), one PNG per chart, and report.pdf.

Everything is written to a temporary folder beside the target and moved into place
file by file, so an interrupted run never leaves a half-written table; the tables are
moved first, before any chart or page is drawn, so a chart or page that fails (it is
isolated and reported, see `errors.run_stage`) never costs them. Files that a previous
run wrote and this one does not are removed, and nothing else is touched. `load_run()`
reads a run directory back so `crosscheck report` can re-render it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from .. import schema
from ..engine.progress import Progress
from ..errors import Failure, InputError, RunDirError, run_stage, sync_messages
from ..topics import load_topics
from . import charts
from .html import TEXTS_FILE, load_texts, render_html, save_texts
from .pdf import render_pdf

FORMATS = {"pdf", "png", "csv", "json", "parquet", "html"}
DEFAULT_FORMATS = ("pdf", "png", "csv", "html")
RUN_RECORD = ".crosscheck-run.json"
TABLES = ("assertions", "conflicts", "manifest", "topics", "articles", "studies", "copies",
          "agreement", "signals", "departures")
def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles without their text (the text stays in the inputs), plus sizes."""
    out = articles.drop(columns=["text"], errors="ignore").copy()
    if "text" in articles:
        out["chars"] = articles["text"].str.len()
        out["words"] = articles["text"].str.split().str.len()
    return out


def _write_tables(run, tmp: Path, formats: set[str]) -> list[str]:
    tables = {"assertions": run.assertions, "conflicts": run.conflicts,
              "manifest": run.manifest, "topics": run.topics,
              "articles": article_table(run.articles)}
    for name in ("studies", "copies", "agreement", "signals", "departures"):
        frame = getattr(run, name, None)
        if frame is not None and len(frame.columns):
            tables[name] = frame
    written = []
    for name, frame in tables.items():
        if "csv" in formats or name == "manifest":
            frame.to_csv(tmp / f"{name}.csv", index=False)
            written.append(f"{name}.csv")
        if "json" in formats:
            frame.to_json(tmp / f"{name}.json", orient="records", force_ascii=False, indent=1)
            written.append(f"{name}.json")
        if "parquet" in formats:
            try:
                frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object}
                             ).to_parquet(tmp / f"{name}.parquet", index=False)
            except ImportError as exc:
                raise InputError("--format parquet needs pyarrow: pip install "
                                 "'crosscheck[parquet]'") from exc
            written.append(f"{name}.parquet")
    return written


def _failures_of(run) -> list[Failure]:
    """The run's list of failures, which the charts and pages add to."""
    failures = getattr(run, "failures", None)
    if failures is None:
        failures = []
        try:
            run.failures = failures
        except AttributeError:  # a read-only object: the failures are reported, not kept
            pass
    return failures


def _save_png(fig, path: Path) -> bool:
    fig.savefig(path, dpi=150)
    return True


def write_run(run, out_dir: Path, *, formats: Sequence[str] = DEFAULT_FORMATS,
              progress: Progress | None = None, strict: bool = False) -> list[Path]:
    """Write `run` (an Analysis or a loaded run) into `out_dir`; returns the files.
    `progress` hears stage "report": tables, charts, then each file rendered.

    The tables come first, each moved into place whole. A chart or page that fails is
    left out, recorded in `run.failures` and `run.messages`, and named on a page of the
    PDF; the rest is written. With `strict` it raises `StageError` naming it instead."""
    formats = {f.strip().lower() for f in formats if f.strip()}
    unknown = formats - FORMATS
    if unknown:
        raise InputError(f"unknown format(s) {sorted(unknown)}; choose from "
                         f"{', '.join(sorted(FORMATS))}")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out {out_dir} exists and is not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".crosscheck-", dir=out_dir))
    steps = 2 + len(formats & {"png", "pdf", "html"})
    report = (lambda done: progress("report", done, steps)) if progress else (lambda done: None)
    failures = _failures_of(run)
    try:
        report(0)
        written = _write_tables(run, tmp, formats)
        if "html" in formats and "text" in run.articles:  # so `crosscheck report` can redo it
            save_texts(run.articles, tmp / TEXTS_FILE)
            written.append(TEXTS_FILE)
        for name in written:  # the tables are in place before anything is drawn
            os.replace(tmp / name, out_dir / name)
        placed = len(written)
        report(1)
        if formats & {"png", "pdf", "html"}:
            figures = charts.all_figures(run, failures=failures, strict=strict)
            report(2)
            try:
                if "png" in formats:
                    for name, fig in list(figures.items()):
                        if run_stage(f"chart:{name}", _save_png, fig, tmp / f"{name}.png",
                                     failures=failures, strict=strict, fallback=lambda: False):
                            written.append(f"{name}.png")
                        else:  # a chart that cannot be drawn is left out everywhere
                            charts.close_all({name: figures.pop(name)})
                    report(3)
                if "html" in formats:
                    if run_stage("page:html", lambda: render_html(
                            run, figures, tmp / "report.html", png_dir=tmp) or True,
                            failures=failures, strict=strict, fallback=lambda: False):
                        written.append("report.html")
                    report(steps - 1 if "pdf" in formats else steps)
                if "pdf" in formats:
                    render_pdf(run, figures, tmp / "report.pdf", failures=failures,
                               strict=strict)
                    written.append("report.pdf")
            finally:
                charts.close_all(figures)
        sync_messages(run)
        previous = _previous_files(out_dir)
        # A re-render (`crosscheck report RUN`) keeps the tables it was rendered from.
        kept = sorted(previous & _sources_in(run, out_dir) - set(written))
        record = {"written": written + kept, "formats": sorted(formats),
                  "finished": datetime.now(UTC).isoformat(timespec="seconds"),
                  "failures": [f.as_dict() for f in failures]}
        (tmp / RUN_RECORD).write_text(json.dumps(record, indent=1), encoding="utf-8")
        for name in written[placed:] + [RUN_RECORD]:
            os.replace(tmp / name, out_dir / name)
        report(steps)
        for name in previous - set(written) - set(kept):
            stale = out_dir / name
            if stale.is_file() and stale.parent == out_dir:
                stale.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [out_dir / name for name in written]


def _sources_in(run, out_dir: Path) -> set[str]:
    """Files `load_run` read `run` from, when that was `out_dir` itself."""
    source = getattr(run, "run_dir", None)
    if source is None or Path(source).resolve() != out_dir.resolve():
        return set()
    return set(getattr(run, "source_files", ()))


def _previous_files(out_dir: Path) -> set[str]:
    try:
        record = json.loads((out_dir / RUN_RECORD).read_text(encoding="utf-8"))
        return {Path(n).name for n in record.get("written", [])}
    except (OSError, ValueError, AttributeError):
        return set()


def _stage_failures(run_dir: Path) -> list[Failure]:
    """The batch-level stages that failed when the run was analysed (charts and pages are
    drawn again, so theirs are not carried over)."""
    try:
        record = json.loads((run_dir / RUN_RECORD).read_text(encoding="utf-8"))
        return [Failure(str(f["stage"]), str(f["reason"])) for f in record.get("failures", [])
                if ":" not in str(f["stage"])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


# Columns that look numeric but are labels: keep "2017" and id "001" as written.
_TEXT_COLUMNS = {c: str for c in ("article", "article_a", "article_b", "year", "as_of",
                                  "reference", "source_group", "study")}


def _read_csv(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=_TEXT_COLUMNS)
    for col in _TEXT_COLUMNS:
        if col in frame:
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
    return frame


def load_run(run_dir: str | os.PathLike, *, topics=None) -> SimpleNamespace:
    """Read the tables of a run directory back (CSV, else Parquet, else JSON)."""
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise RunDirError(f"{run_dir} is not a folder")
    tables = {}
    for name in TABLES:
        for ext, reader in (("csv", _read_csv), ("parquet", pd.read_parquet),
                            ("json", lambda p: pd.read_json(p, orient="records"))):
            path = run_dir / f"{name}.{ext}"
            if path.exists():
                try:
                    tables[name] = reader(path)
                except (ValueError, OSError, ImportError) as exc:
                    raise RunDirError(f"cannot read {path}: {exc}") from exc
                break
    # Every saved table, in any format: a re-render into this folder keeps them.
    sources = {f"{n}.{ext}" for n in TABLES for ext in ("csv", "parquet", "json")
               if (run_dir / f"{n}.{ext}").is_file()}
    missing = [n for n in ("assertions", "conflicts", "manifest") if n not in tables]
    if missing:
        raise RunDirError(f"{run_dir} lacks {', '.join(missing)} (.csv/.parquet/.json): is it "
                          "a crosscheck run directory?")
    a = tables["assertions"]
    for col in ("qualifier", "flags", "degrees", "certifications", "affiliations", "scope",
                "level", "detail", "section"):
        if col in a:
            a[col] = a[col].astype(object).where(a[col].notna(), "")
    for col in ("hedged", "negated"):
        if col in a:
            a[col] = a[col].fillna(False).astype(bool)
    conflicts = tables["conflicts"]
    for col in ("scope", "locations", "sections", "evidence", "summary"):
        if col in conflicts:
            conflicts[col] = conflicts[col].astype(object).where(conflicts[col].notna(), "")
    manifest = tables["manifest"]
    for col in ("reason", "article", "encoding", "format"):
        if col in manifest:
            manifest[col] = manifest[col].astype(object).where(manifest[col].notna(), "")
    topics_table = tables.get("topics", schema.empty(schema.TOPICS))
    articles = tables.get("articles")
    if articles is None:
        articles = pd.DataFrame({"article": sorted(a["article"].unique())})
    if (run_dir / TEXTS_FILE).is_file():
        try:
            texts = load_texts(run_dir / TEXTS_FILE)
        except (OSError, ValueError, KeyError) as exc:
            raise RunDirError(f"cannot read {run_dir / TEXTS_FILE}: {exc}") from exc
        articles = articles.assign(text=articles["article"].astype(str).map(texts))
        sources.add(TEXTS_FILE)
    others = {n: tables.get(n, pd.DataFrame()) for n in ("studies", "copies", "agreement",
                                                        "signals", "departures")}
    return SimpleNamespace(assertions=a, conflicts=conflicts, manifest=tables["manifest"],
                           topics=topics_table, articles=articles, **others,
                           run_dir=run_dir, source_files=sources,
                           failures=_stage_failures(run_dir), messages=[],
                           schema=load_topics(topics) if not hasattr(topics, "topics")
                           else topics)
