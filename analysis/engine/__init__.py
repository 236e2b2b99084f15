"""Engines that run the per-article stages: local processes, or a Dask cluster."""

from .local import Progress, run_extraction

__all__ = ["Progress", "run_extraction"]
