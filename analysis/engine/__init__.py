"""Engines that run the per-article stages: local processes, or a Dask cluster; the
progress protocol every stage reports through."""

from .local import run_extraction
from .progress import STAGES, Progress, TerminalProgress, track

__all__ = ["STAGES", "Progress", "TerminalProgress", "run_extraction", "track"]
