"""crosscheck: find where health and science articles disagree, with the sentences behind it.

    from analysis import analyse
    run = analyse("seeds/")          # or a DataFrame with id/text columns
    run.conflicts.head()             # pandas DataFrames: articles, assertions, conflicts, ...
    run.write_report("reports/")     # CSVs, one PNG per chart, report.pdf

Stage functions (`ingest`, `segment`, `extract`, `compare`, `align_topics`) take and
return DataFrames whose columns are documented in `analysis.schema`; every `plot_*`
takes the tables (or an Analysis) and `ax=None` and returns a matplotlib Figure.
"""

from .align import align_topics
from .compare import compare
from .engine.store import add_to_run
from .errors import CrosscheckError, InputError, RunDirError, StageError, TopicSchemaError
from .extract import extract
from .extract.segment import segment
from .ingest import ingest
from .pipeline import Analysis, analyse
from .report import load_run, write_run
from .report.charts import (
    plot_conflict_summary,
    plot_credentials,
    plot_dose_ranges,
    plot_legal_status,
    plot_stance,
    plot_topic_matrix,
)
from .topics import load_topics

__version__ = "0.1.0"

__all__ = [
    "Analysis", "CrosscheckError", "InputError", "RunDirError", "StageError",
    "TopicSchemaError", "add_to_run", "align_topics", "analyse", "compare", "extract", "ingest",
    "load_run", "load_topics", "plot_conflict_summary", "plot_credentials",
    "plot_dose_ranges", "plot_legal_status", "plot_stance", "plot_topic_matrix", "segment",
    "write_run",
]
