"""The package's own exceptions, in one place so the CLI can turn each into one line."""

from __future__ import annotations


class CrosscheckError(Exception):
    """Base class: anything the CLI reports as a one-line error rather than a traceback."""


class InputError(CrosscheckError):
    """An input path or option cannot be used at all (missing path, output inside input)."""


class TopicSchemaError(CrosscheckError):
    """The topic schema file is missing, malformed, or names an unknown kind."""


class StageError(CrosscheckError):
    """A pipeline stage produced a table that breaks its documented contract.

    The message names the stage, so a failure points at the code that broke it.
    """

    def __init__(self, stage: str, problem: str) -> None:
        super().__init__(f"stage '{stage}' produced a bad table: {problem}")
        self.stage = stage
        self.problem = problem


class RunDirError(CrosscheckError):
    """A run directory lacks the saved tables needed to re-render a report."""
