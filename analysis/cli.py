"""The `crosscheck` command: option parsing around the library, nothing more.

Each command calls one library function; the package's own exceptions become one-line
`ClickException`s, and problems with single inputs are printed one line each. A stage,
chart or page that failed (and was isolated) is one warning line; its traceback, like that
of any unexpected error, is printed only with --debug.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .engine.progress import TerminalProgress
from .errors import UNEXPECTED, CrosscheckError, Failure, one_line
from .ingest import DEFAULT_MAX_BYTES
from .pipeline import analyse as run_analysis
from .report import FORMATS, load_run, write_run

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = "reports"


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    ctx.meta["crosscheck.debug"] = value


debug_option = click.option(
    "--debug", is_flag=True, expose_value=False, callback=_set_debug,
    help="Print the traceback of any failed stage, chart or page, and of unexpected errors.")


def _debug() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get("crosscheck.debug"))


def _as_click(exc: Exception) -> click.ClickException:
    """The package's own errors, and (unless --debug) any other, as one line; with
    --debug, or for click's own exceptions, the exception itself is raised again."""
    if isinstance(exc, click.ClickException) or _debug():
        raise exc
    if isinstance(exc, CrosscheckError):
        return click.ClickException(str(exc))
    return click.ClickException(UNEXPECTED.format(reason=one_line(exc)))


def _warn(messages: list[str], shown: list[str], failures: list[Failure]) -> None:
    """Print the messages not yet shown; with --debug, each failure's traceback."""
    for message in messages:
        if message not in shown:
            click.echo(message, err=True)
    if _debug():
        for failure in failures:
            if failure.trace:
                click.echo(f"--- {failure.label}:\n{failure.trace}", err=True)


def _default_inputs() -> list[str]:
    if Path(DEFAULT_INPUT).is_dir():
        return [DEFAULT_INPUT]
    bundled = Path(__file__).resolve().parent.parent / DEFAULT_INPUT
    return [str(bundled)] if bundled.is_dir() else [DEFAULT_INPUT]


def _formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = sorted(set(formats) - FORMATS)
    if unknown:
        raise click.BadParameter(f"unknown format(s) {', '.join(unknown)}; choose from "
                                 f"{', '.join(sorted(FORMATS))}", param_hint="--format")
    return formats


def _check_out(out: Path, inputs: list[str]) -> None:
    target = out.resolve()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            src = path.resolve()
            if target == src or src in target.parents:
                raise click.BadParameter(
                    f"{out} is inside the input folder {raw}; its tables would be read as "
                    "articles next time. Choose a folder outside the inputs.",
                    param_hint="--out")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="crosscheck")
def main() -> None:
    """crosscheck: find where articles disagree, and quote the sentences behind it.

    Reads a batch of articles (.txt, .md, .html, .jsonl, .csv), extracts claims per
    topic (dose, addiction risk, legal status, author credentials, side effects, and
    topics the articles share), and reports cross-source and within-article conflicts
    as CSV tables, one PNG per chart, a PDF report and an HTML report to explore.
    """


@main.command("analyse")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--out", "-o", type=click.Path(path_type=Path), default=DEFAULT_OUT,
              show_default=True,
              help="Run directory to write tables, charts, report.pdf and report.html.")
@click.option("--topics", "topics_file", type=click.Path(exists=True, dir_okay=False),
              help="A topic schema TOML merged over the shipped one (new or replaced topics).")
@click.option("--format", "formats", default="pdf,png,csv,html", show_default=True,
              help="What to write, comma-separated: pdf, png, csv, json, parquet, html.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Skip any single article larger than this.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for extraction; 0 = all cores.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Run the stages locally or on a Dask cluster.")
@click.option("--scheduler", help="Dask scheduler address (tcp://HOST:PORT); default: a "
              "LocalCluster. Only with --engine dask.")
@click.option("--max-pairs", type=click.IntRange(min=1), default=50, show_default=True,
              help="Most conflict rows per topic and group; the rest are counted as folded.")
@click.option("--reference", "references", multiple=True,
              type=click.Path(exists=True, path_type=str),
              help="An input (file or folder) to treat as the reference; the report lists "
              "where each other article departs from it. Repeatable; it is analysed too.")
@click.option("--subject", "subject_names", multiple=True, metavar="NAME",
              help="A substance the batch is about (repeatable). Tracked by name even if no "
              "lexicon knows it; with one --subject, a claim that names no substance is "
              "about it. Substances are otherwise found by name (drugs, brands, "
              "supplements, herbs) and claims are only compared within one subject.")
@click.option("--into", type=click.Path(file_okay=False, path_type=Path),
              help="Add PATHS to the growing run in this folder (created if missing) instead "
              "of writing --out: only new articles are extracted, they are compared with "
              "everything already there, and the tables and report cover the whole run. "
              "An article already in the run (same text) is skipped. A failure leaves the "
              "run as it was.")
@click.option("--strict", is_flag=True, help="Exit 1 if any input failed or was skipped, or "
              "any stage, chart or page failed (the rest is written all the same).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@debug_option
def analyse_cmd(paths: tuple[str, ...], out: Path, topics_file: str | None, formats: str,
                max_bytes: int, jobs: int, engine: str, scheduler: str | None, max_pairs: int,
                references: tuple[str, ...], subject_names: tuple[str, ...],
                into: Path | None, strict: bool, quiet: bool) -> None:
    """Analyse PATHS (files or folders; default: the seeds/ folder) into --out.

    Every input gets a row in manifest.csv with what happened to it; a bad input is
    reported on one line and the rest of the batch still runs. The tables are written
    first; a stage, chart or page that fails is one warning line and a page of the PDF,
    and the rest is written. Exit status: 0 when something was analysed, 1 when nothing
    was (or, with --strict, when any input was skipped or failed, or any part failed), 2
    for usage errors.
    """
    inputs = list(paths) or _default_inputs()
    inputs += [r for r in references if r not in inputs]
    chosen = _formats(formats)
    if into is not None:
        if click.get_current_context().get_parameter_source("out") is not \
                click.core.ParameterSource.DEFAULT:
            raise click.BadParameter("give --out or --into, not both", param_hint="--into")
        if engine != "local":
            raise click.BadParameter("a growing run uses the local engine", param_hint="--into")
        out = into
    _check_out(out, inputs)
    # Progress of every stage on stderr; silent with -q or when stderr is not a terminal.
    progress = TerminalProgress(sys.stderr, enabled=False if quiet else None)
    if into is not None:
        _grow(into, inputs, topics_file, chosen, max_bytes, jobs, max_pairs, references,
              subject_names, strict, quiet, progress)
        return
    if engine == "dask":
        _cluster(inputs, out, topics_file, chosen, max_bytes, max_pairs, references,
                 subject_names, scheduler, strict, quiet, progress)
        return
    try:
        run = run_analysis(inputs, topics=topics_file, max_bytes=max_bytes,
                           jobs=jobs or (os.cpu_count() or 1), engine=engine,
                           scheduler=scheduler, progress=progress, max_pairs=max_pairs,
                           reference=list(references), subjects=list(subject_names))
        progress.close()
        for message in run.messages:
            click.echo(message, err=True)
        if run.articles.empty:
            raise click.ClickException(
                f"nothing to analyse in {', '.join(inputs)}: no readable .txt/.md/.html/"
                ".jsonl/.csv article (see the lines above)")
        shown = list(run.messages)
        written = write_run(run, out, formats=chosen, progress=progress)
    except Exception as exc:
        raise _as_click(exc) from exc
    finally:
        progress.close()
    _warn(run.messages, shown, run.failures)
    s = run.summary()
    if not quiet:
        click.echo(f"{s['articles']} articles, {s['assertions']} assertions, "
                   f"{s['conflicts']} conflicts; {s['inputs_skipped']} inputs skipped, "
                   f"{s['inputs_failed']} failed. Wrote {len(written)} files to {out}/")
    if strict and (s["inputs_skipped"] or s["inputs_failed"] or run.failures):
        sys.exit(1)


def _cluster(inputs: list[str], out: Path, topics_file: str | None, formats: list[str],
             max_bytes: int, max_pairs: int, references: tuple[str, ...],
             subject_names: tuple[str, ...], scheduler: str | None, strict: bool, quiet: bool,
             progress: TerminalProgress) -> None:
    """`analyse --engine dask`: workers read, extract and write the datasets into --out;
    the client only gets conflicts and the report's aggregates (analysis.engine.dask)."""
    from .engine.dask import run_dask, write_cluster_report
    from .extract import with_user_subjects
    from .topics import load_topics
    try:
        topics = with_user_subjects(load_topics(topics_file), subject_names)
        cluster = run_dask(inputs, out, topics, scheduler=scheduler, max_bytes=max_bytes,
                           max_pairs=max_pairs, reference=list(references), progress=progress)
        progress.close()
        for message in cluster.messages:
            click.echo(message, err=True)
        if not cluster.counts["articles"]:
            raise click.ClickException(
                f"nothing to analyse in {', '.join(inputs)}: no readable .txt/.md/.html/"
                ".jsonl/.csv article (see the lines above)")
        written = write_cluster_report(cluster, topics, formats=formats, progress=progress)
    except click.ClickException:
        raise
    except Exception as exc:
        raise _as_click(exc) from exc
    finally:
        progress.close()
    c = cluster.counts
    if not quiet:
        click.echo(f"{c['articles']} articles, {c['assertions']} assertions, "
                   f"{cluster.conflict_counts['total']} conflicts; {len(cluster.messages)} "
                   "inputs not "
                   f"analysed. Wrote {len(written)} files and the Parquet datasets "
                   f"(assertions.parquet/, sentences.parquet/, ...) to {out}/")
    if strict and cluster.messages:
        sys.exit(1)


def _grow(into: Path, inputs: list[str], topics_file: str | None, formats: list[str],
          max_bytes: int, jobs: int, max_pairs: int, references: tuple[str, ...],
          subject_names: tuple[str, ...], strict: bool, quiet: bool,
          progress: TerminalProgress) -> None:
    """`analyse --into`: add the inputs to a growing run (analysis.engine.store)."""
    from .engine.store import add_to_run
    try:
        growth = add_to_run(into, inputs, topics=topics_file, max_bytes=max_bytes,
                            jobs=jobs or (os.cpu_count() or 1), max_pairs=max_pairs,
                            reference=list(references), formats=formats,
                            subjects=subject_names, progress=progress)
    except Exception as exc:
        raise _as_click(exc) from exc
    finally:
        progress.close()
    failures = growth.analysis.failures if growth.analysis is not None else []
    _warn(growth.messages + [f.message for f in failures], [], failures)
    if growth.analysis is None:
        if not growth.duplicates:
            raise click.ClickException(
                f"nothing to add from {', '.join(inputs)}: no readable .txt/.md/.html/"
                ".jsonl/.csv article (see the lines above)")
        if not quiet:
            click.echo(f"Nothing new: {growth.duplicates} articles already in {into}/; the "
                       "run was left as it was.")
    elif not quiet:
        s = growth.analysis.summary()
        click.echo(f"Added {growth.added} articles ({growth.duplicates} already in the run); "
                   f"the run now holds {s['articles']} articles, {s['assertions']} assertions, "
                   f"{s['conflicts']} conflicts. Wrote {len(growth.written)} files to {into}/")
    if strict and (failures or any(m.startswith(("skipped", "failed"))
                                   for m in growth.messages)):
        sys.exit(1)


@main.command("report")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Where to write (default: RUN_DIR itself).")
@click.option("--format", "formats", default="pdf,png,html", show_default=True,
              help="What to write, comma-separated: pdf, png, csv, json, parquet, html.")
@click.option("--topics", "topics_file", type=click.Path(exists=True, dir_okay=False),
              help="The topic schema the run used, if not the shipped one.")
@click.option("--strict", is_flag=True, help="Exit 1 if any stage, chart or page failed.")
@debug_option
def report_cmd(run_dir: Path, out: Path | None, formats: str, topics_file: str | None,
               strict: bool) -> None:
    """Re-render report.pdf, report.html and the PNGs from RUN_DIR's saved tables, without
    re-analysing: edit or filter the CSVs, then run this."""
    chosen = _formats(formats)
    try:
        run = load_run(run_dir, topics=topics_file)
        written = write_run(run, out or run_dir, formats=chosen)
    except Exception as exc:
        raise _as_click(exc) from exc
    _warn(run.messages, [], run.failures)
    click.echo(f"Wrote {len(written)} files to {out or run_dir}/")
    if strict and run.failures:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
