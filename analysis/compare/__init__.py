"""Assertions to conflicts: each topic kind compared the way that fits it.

Rules (each documented where it lives):
- quantity: ranges for compatible levels and the same unit family / per-unit that do
  not overlap, or barely share anything, or open-ended bounds far apart;
- scale: claims two or more steps apart on the ordered scale (none vs possible);
- status: statuses that cannot both hold for the same jurisdiction (a state is also
  covered by "all US states"; "general" and "international" are one scope);
- credentials: the same bio under different names, and credentials that do not fit;
- mentions: "few side effects" against a list of serious ones.

Comparison never builds all pairs of assertions: rows are grouped by topic and scope,
article pairs are ranked by severity inside a group, and only the top `max_pairs` per
topic become rows; `folded` says how many more pairs each row stands for.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from .. import schema
from ..engine.progress import Progress, track
from ..topics import Topic, TopicSchema, load_topics
from .common import CONFLICT_COLUMNS, DEFAULT_MAX_PAIRS, SEP, Conflict, _short
from .credentials import _credential_conflicts, candidate_pairs
from .mentions import _effect_conflicts, _mention_conflicts
from .quantity import _quantity_conflicts, dose_severity
from .scale import _scale_conflicts
from .status import _status_conflicts

__all__ = ["CONFLICT_COLUMNS", "SEP", "Conflict", "candidate_pairs", "compare",
           "compare_topic", "conflicts_frame", "dose_severity", "_short"]

_COMPARATORS = {"quantity": _quantity_conflicts, "effect": _effect_conflicts,
                "scale": _scale_conflicts, "status": _status_conflicts,
                "credentials": _credential_conflicts, "mentions": _mention_conflicts}


def compare_topic(topic: Topic, rows: list[dict], *, max_pairs: int = DEFAULT_MAX_PAIRS
                  ) -> list[dict]:
    """Conflict rows for one topic's assertion rows (a pure function: Dask maps it)."""
    comparator = _COMPARATORS.get(topic.kind)
    if comparator is None or not rows:
        return []
    for r in rows:
        for key in ("low", "high"):
            v = r.get(key)
            r[key] = None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
    return [c.row() for c in comparator(topic, rows, max_pairs)]


def conflicts_frame(rows: Iterable[dict]) -> pd.DataFrame:
    rows = list(rows)
    if not rows:
        return schema.empty(CONFLICT_COLUMNS)
    frame = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    frame = frame.sort_values(["severity", "subject", "topic", "kind", "articles"],
                              ascending=[False, True, True, True, True], kind="stable")
    return frame.reset_index(drop=True)


def compare(assertions: pd.DataFrame, topics: TopicSchema | None = None, *,
            max_pairs: int = DEFAULT_MAX_PAIRS, progress: Progress | None = None,
            groups: dict[str, str] | None = None) -> pd.DataFrame:
    """The conflicts table: every topic's disagreements, most severe first. Claims are
    only compared with claims about the same subject; `groups` (article -> source group,
    from copy detection) makes articles that copy each other one source."""
    schema.check("compare", assertions, ["article", "topic", "value", "evidence", "start", "end"])
    topics = topics or load_topics()
    rows: list[dict] = []
    frame = assertions.astype(object).where(assertions.notna(), None)
    if "subject" not in frame:
        frame["subject"] = ""
    frame["subject"] = frame["subject"].fillna("")
    if groups:
        frame["source"] = frame["article"].map(lambda a: groups.get(a, a))
    effect = next(iter(topics.of_kind("effect")), None)
    # plain dicts built column-wise: DataFrame.to_dict boxes every cell one by one
    columns = list(frame.columns)
    records = [dict(zip(columns, values))
               for values in zip(*(frame[c].tolist() for c in columns))]
    groups = frame.groupby(["subject", "topic"], sort=True).indices
    for (_subject, key) in track(progress, "compare", sorted(groups), len(groups)):
        group = [records[i] for i in groups[(_subject, key)]]
        topic = topics.topics.get(key)
        if topic is None and effect is not None and all(
                r.get("kind") == "effect" for r in group):
            topic = effect  # an open topic the articles share: compared by polarity
        if topic is not None:
            rows.extend(compare_topic(topic, group, max_pairs=max_pairs))
    return conflicts_frame(rows)
