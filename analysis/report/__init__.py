"""The report: the run directory's tables, one PNG per chart, and report.pdf."""

from .charts import all_figures, close_all
from .run_dir import FORMATS, TABLES, article_table, load_run, write_run

__all__ = ["FORMATS", "TABLES", "all_figures", "article_table", "close_all", "load_run",
           "write_run"]
