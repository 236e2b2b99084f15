"""Progress: one callback protocol for every stage that runs longer than a moment.

The library never prints. A caller that wants progress passes `progress=` to
`analyse()` (or to a stage function): any callable taking `(stage, done, total)`.
Stages name themselves (`STAGES`), call it with `done=0` when they start and with
`done == total` when they finish, and in between at most about a hundred times, so
a slow callback cannot slow a stage down. `TerminalProgress` is the renderer the CLI
uses: one line per stage on stderr, redrawn in place, silent when stderr is not a
terminal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import Protocol, TextIO, TypeVar

T = TypeVar("T")

#: The stages that report progress, in the order a run reaches them.
STAGES = ("read", "extract", "compare", "align", "effects", "studies", "copies", "signals",
          "report")


class Progress(Protocol):
    """Called as `progress(stage, done, total)`; `done == total` ends the stage."""

    def __call__(self, stage: str, done: int, total: int) -> None: ...


def track(progress: Progress | None, stage: str, items: Iterable[T], total: int,
          *, start: int = 0, done_at_end: bool = True, updates: int = 100) -> Iterator[T]:
    """Yield `items`, telling `progress` how far `stage` is (about `updates` times).

    A stage made of several loops counts them against one `total`: each loop passes
    `start` (the steps before it), and all but the last pass `done_at_end=False`.
    """
    if progress is None:
        yield from items
        return
    step = max(1, total // updates)
    done = start
    progress(stage, done, total)
    for item in items:
        yield item
        done += 1
        if done % step == 0 and done < total:
            progress(stage, done, total)
    if done_at_end:
        progress(stage, total, total)


def stage_done(progress: Progress | None, stage: str, total: int = 1) -> None:
    """Report a stage (or a step of it) as finished."""
    if progress is not None:
        progress(stage, total, total)


class TerminalProgress:
    """Renders progress on a terminal: `stage  [#####.....]  1,234/5,000  12 s`.

    Each stage gets one line, redrawn in place at most every `interval` seconds, once
    it has run for `delay` seconds (a stage over in a moment draws nothing); when the
    stream is not a terminal (a log file, a pipe, CI) nothing is written at all.
    """

    def __init__(self, stream: TextIO | None = None, *, interval: float = 0.1,
                 delay: float = 0.3, width: int = 30, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = enabled if enabled is not None else bool(isatty and isatty())
        self.interval = interval
        self.delay = delay
        self.width = width
        self._stage: str | None = None
        self._started = 0.0
        self._drawn = 0.0
        self._visible = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if stage != self._stage:
            self.close()
            self._stage, self._started, self._drawn = stage, now, 0.0
        finished = total > 0 and done >= total
        if now - self._started < self.delay or (
                not finished and now - self._drawn < self.interval):
            return
        self._drawn, self._visible = now, True
        share = done / total if total > 0 else 1.0
        filled = int(round(self.width * min(1.0, share)))
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r{stage:<8} [{bar}] {done:>9,}/{total:<9,} "
                          f"{now - self._started:5.0f} s")
        self.stream.flush()

    def close(self) -> None:
        """End the current stage's line (called between stages and at the end)."""
        if self.enabled and self._visible:
            self.stream.write("\n")
            self.stream.flush()
        self._stage, self._visible = None, False
