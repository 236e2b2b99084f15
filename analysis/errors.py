"""The package's own exceptions, every message a user reads about a failure, and the one
mechanism that isolates a failing stage, chart or page (`run_stage`).

A batch-level stage (alignment, effects, studies, copies, signals, reference), a chart or a
report page that fails does not lose the run: `run_stage` records a `Failure` (one line for
the CLI and the PDF, the traceback for `--debug`) and hands back a fallback, unless the
caller asked for `strict`, in which case it raises `StageError` naming the stage.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


class CrosscheckError(Exception):
    """Base class: anything the CLI reports as a one-line error rather than a traceback."""


class InputError(CrosscheckError):
    """An input path or option cannot be used at all (missing path, output inside input)."""


class TopicSchemaError(CrosscheckError):
    """The topic schema file is missing, malformed, or names an unknown kind."""


class StageError(CrosscheckError):
    """A pipeline stage, chart or report page failed, or produced a table that breaks its
    documented contract. `stage` names it (see `STAGES`), so a failure points at the code
    that broke."""

    def __init__(self, stage: str, problem: str) -> None:
        super().__init__(f"{stage_label(stage)} failed: {problem}")
        self.stage = stage
        self.problem = problem


class RunDirError(CrosscheckError):
    """A run directory lacks the saved tables needed to re-render a report."""


# ---------------------------------------------------------------- names and messages
#: What a reader calls each stage. Charts are "chart:<png name>", report pages
#: "page:<name>"; names not listed are derived from the key.
STAGES: dict[str, str] = {
    "ingest": "ingest",
    "extract": "extraction",
    "compare": "comparison",
    "align": "topic alignment",
    "effects": "effect polarity",
    "studies": "cited studies",
    "copies": "copy detection",
    "agreement": "independent agreement",
    "signals": "credibility signals",
    "reference": "reference departures",
    "chart:topic_matrix": "topic matrix chart",
    "chart:conflicts_per_topic": "conflicts-per-topic chart",
    "chart:dose_ranges": "dose chart",
    "chart:legal_status": "legal-status chart",
    "chart:author_credentials": "credentials chart",
    "page:summary": "summary page",
    "page:articles": "article list page",
    "page:conflicts": "conflict pages",
    "page:sources": "independence and credibility pages",
    "page:manifest": "manifest pages",
    "page:html": "HTML report",
}

#: What a failed batch-level stage leaves out of the tables.
LEFT_OUT: dict[str, str] = {
    "align": "topics.csv is empty",
    "effects": "assertions.csv lacks the effect-polarity claims",
    "studies": "studies.csv is empty",
    "copies": "copies.csv is empty and every article counts as its own source",
    "agreement": "agreement.csv is empty",
    "signals": "signals.csv is empty",
    "reference": "departures.csv is empty",
}

MAX_REASON = 200

#: The CLI's line for an error that is not the package's own (a bug): no traceback
#: unless asked for.
UNEXPECTED = "unexpected error: {reason} (run again with --debug for the traceback)"


def stage_label(stage: str) -> str:
    """'chart:dose_ranges' -> 'dose chart'; 'chart:stance_addiction_risk' -> 'addiction
    risk stance chart'; unknown keys read as their words."""
    if stage in STAGES:
        return STAGES[stage]
    kind, _, name = stage.partition(":")
    words = name.replace("_", " ").strip()
    if kind == "chart" and name.startswith("stance_"):
        return f"{name[len('stance_'):].replace('_', ' ')} stance chart"
    if kind in ("chart", "page") and words:
        return f"{words} {kind}"
    return stage.replace("_", " ")


def one_line(exc: BaseException) -> str:
    """An exception as one short line: its type and its message, whitespace collapsed."""
    if isinstance(exc, StageError):
        text = exc.problem
    else:
        text = " ".join(str(exc).split())
        text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text if len(text) <= MAX_REASON else text[:MAX_REASON - 1] + "…"


@dataclass(frozen=True)
class Failure:
    """One isolated failure: which stage, why (one line), and the traceback for --debug."""

    stage: str
    reason: str
    trace: str = field(default="", compare=False, repr=False)

    @property
    def label(self) -> str:
        return stage_label(self.stage)

    @property
    def consequence(self) -> str:
        if self.stage in LEFT_OUT:
            return f"{LEFT_OUT[self.stage]}; the other tables are complete"
        return "the tables are complete"

    @property
    def line(self) -> str:
        """'dose chart failed: TypeError: …' (the PDF's failure page)."""
        return f"{self.label} failed: {self.reason}"

    @property
    def message(self) -> str:
        """The CLI's warning line."""
        return f"warning: {self.line}; {self.consequence}"

    def as_dict(self) -> dict[str, str]:
        return {"stage": self.stage, "reason": self.reason}


def run_stage(stage: str, fn: Callable[..., T], *args: Any,
              failures: list[Failure] | None = None, fallback: Callable[[], T] | None = None,
              strict: bool = False, **kwargs: Any) -> T:
    """`fn(*args, **kwargs)`, isolated: if it raises, append a `Failure` to `failures` and
    return `fallback()` (None without one). With `strict`, or with no `failures` list to
    record in (a stage the run cannot go on without), raise `StageError` naming the stage.

    Only `Exception`s are isolated: an interrupt still stops the run.
    """
    try:
        return fn(*args, **kwargs)
    except Exception as exc:
        if strict or failures is None:
            if isinstance(exc, StageError):
                raise
            raise StageError(stage, one_line(exc)) from exc
        failure = Failure(stage, one_line(exc), traceback.format_exc())
        if failure not in failures:
            failures.append(failure)
        return fallback() if fallback is not None else None  # type: ignore[return-value]


def sync_messages(run: Any) -> None:
    """Add the warning line of each of `run.failures` to `run.messages` (once each)."""
    messages = getattr(run, "messages", None)
    if messages is None:
        return
    for failure in getattr(run, "failures", []):
        if failure.message not in messages:
            messages.append(failure.message)
