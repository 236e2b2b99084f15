"""The charts, one public `plot_*` function each: tables (or an Analysis) in, a
matplotlib Figure out, drawing on `ax` when one is given.

Charts must stay readable from 2 to 200+ articles: ids are shortened, and past
`MAX_ROWS` articles a chart shows the articles with most claims plus a note of how many
were left out (the CSVs always hold everything).
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from ..errors import Failure, run_stage  # noqa: E402

MAX_ROWS = 25
MAX_TABLE_ROWS = 20
MAX_SEGMENTS = 3000  # dose claims drawn in the aggregate view (counts use all)
MAX_PANELS = 6  # subjects (and dose units) drawn as panels of one chart
MAX_HEIGHT = 40  # inches
#: Levels of use, gentlest first ("high" is the older name of "strong").
LEVEL_COLOURS = {"start": "#4C9BE8", "typical": "#2CA58D", "strong": "#E07A5F",
                 "high": "#E07A5F", "max": "#6D597A"}
STANCE_COLOURS = {"none": "#2CA58D", "low": "#8AC926", "possible": "#F4A261", "high": "#D62828"}
#: Statuses, most permissive first.
STATUS_COLOURS = {"legal": "#2CA58D", "approved": "#57CC99", "authorized": "#80B918",
                  "unregulated": "#B5E48C", "regulated": "#8AC926", "unapproved": "#F4D35E",
                  "varies": "#A8DADC", "uncertain": "#CCCCCC", "controlled": "#F4A261",
                  "revoked": "#E76F51", "banned": "#D62828"}
CELL_COLOURS = {"silent": "#F2F2F2", "speaks": "#BFD7EA", "agrees": "#2CA58D",
                "disagrees": "#E07A5F", "contradicts itself": "#9D0208"}


def clip(label: Any, width: int = 22) -> str:
    """One line of at most `width` characters (whitespace collapsed, '…' where cut)."""
    text = " ".join(str(label).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def short(label: Any, width: int = 22) -> str:
    """`clip`, made safe for matplotlib: a '$' is shown, never read as mathtext."""
    return clip(label, width).replace("$", r"\$")


# Columns the charts read, and how a missing or malformed value reads: text becomes "",
# numbers NaN (never inf), flags False. Charts then never meet None, NaN in text, or a
# mix of str and float that sorted() or str methods would trip over.
_TEXT_COLUMNS = ("article", "topic", "value", "unit", "qualifier", "level", "scope", "kind",
                 "subject", "name", "role", "degrees", "certifications", "affiliations",
                 "flags", "evidence", "section", "detail", "summary", "articles", "locations",
                 "sections", "title", "input", "format", "encoding", "status", "reason")
_NUMBER_COLUMNS = ("low", "high", "years_experience", "start", "end", "severity", "folded",
                   "line", "bytes")
_NEEDED = {"assertions": ("article", "topic", "value", "low", "high", "unit", "qualifier",
                          "level", "scope", "kind", "hedged", "start", "degrees",
                          "certifications", "years_experience", "affiliations", "flags"),
           "conflicts": ("topic", "kind", "articles", "summary", "evidence", "severity",
                         "scope"),
           "articles": ("article",),
           "topics": ("article", "topic", "schema"),
           "manifest": ("input", "line", "status", "reason", "article")}


def _clean(frame: pd.DataFrame | None, needed: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame(columns=list(needed)) if frame is None else frame
    out = {}
    for col in frame.columns:
        series = frame[col]
        if col in _TEXT_COLUMNS:
            out[col] = series.astype(object).where(series.notna(), "").astype(str)
        elif col in _NUMBER_COLUMNS:
            values = pd.to_numeric(series, errors="coerce").astype(float)
            out[col] = values.where(np.isfinite(values))
        elif col in ("hedged", "schema"):
            out[col] = series.isin([True, 1, "True", "true"])
        else:
            out[col] = series
    for col in needed:
        if col not in out:
            out[col] = (pd.Series(np.nan, index=frame.index) if col in _NUMBER_COLUMNS
                        else pd.Series(False, index=frame.index) if col in ("hedged", "schema")
                        else pd.Series("", index=frame.index, dtype=object))
    return pd.DataFrame(out, index=frame.index)


def prepare(data: Any) -> Any:
    """The run's tables as the charts and pages read them (see `_clean`); the run's other
    attributes (schema, topics, studies, ...) pass through. Idempotent."""
    if getattr(data, "_prepared", False):
        return data
    if hasattr(data, "assertions"):
        source = data
        tables = {"assertions": data.assertions, "conflicts": getattr(data, "conflicts", None),
                  "articles": getattr(data, "articles", None),
                  "topics": getattr(data, "topics", None),
                  "manifest": getattr(data, "manifest", None)}
    elif isinstance(data, dict):
        source = SimpleNamespace(**data)
        tables = {k: data.get(k) for k in _NEEDED}
    elif isinstance(data, pd.DataFrame):
        source = SimpleNamespace()
        tables = {k: data if k == "assertions" else None for k in _NEEDED}
    else:
        raise TypeError("pass an Analysis, a dict of tables, or the assertions DataFrame")
    view = SimpleNamespace(**{k: v for k, v in vars(source).items() if not k.startswith("_")})
    for name, frame in tables.items():
        setattr(view, name, _clean(frame, _NEEDED[name]))
    view._prepared = True
    return view


def _tables(data: Any) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(assertions, conflicts, articles) from an Analysis or a dict/tuple of tables."""
    view = prepare(data)
    return view.assertions, view.conflicts, view.articles


def _figure(ax, width: float, height: float):
    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return fig, ax


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555",
            transform=ax.transAxes)
    ax.set_axis_off()


def _top_articles(rows: pd.DataFrame, limit: int = MAX_ROWS) -> tuple[list[str], int]:
    counts = rows.groupby("article").size().sort_values(ascending=False, kind="stable")
    keep = sorted(counts.index[:limit])
    return keep, max(0, len(counts) - limit)


# ------------------------------------------------------------------------ labels
KEY_WIDTH = 15
ID_WIDTH = 24
TITLE_WIDTH = 30


def article_keys(ids: Any) -> dict[str, str]:
    """A short handle per article id: the id itself when short; else its first or last
    word ('000' for '000_610849384fc569f2', '0042' for 'news_0042') when no other article
    shares it; else the id clipped."""
    ids = [str(i) for i in dict.fromkeys(ids)]
    keys = {i: i for i in ids if len(i) <= KEY_WIDTH}
    taken = set(keys)
    words = {i: [w for w in re.split(r"[\s_\-.]+", i) if w] for i in ids if i not in keys}
    for position in (0, -1):
        counts = Counter(w[position] for w in words.values() if w)
        for i, w in words.items():
            if i in keys or not w:
                continue
            word = w[position]
            if 2 <= len(word) <= KEY_WIDTH and counts[word] == 1 and word not in taken:
                keys[i] = word
                taken.add(word)
    for i in words:
        keys.setdefault(i, clip(i, KEY_WIDTH))
    return keys


def article_titles(articles: pd.DataFrame) -> dict[str, str]:
    """Article id -> its title (from the HTML title or the first line), when it has one
    that says more than the id."""
    if "title" not in articles or not len(articles):
        return {}
    return {a: " ".join(t.split()) for a, t in zip(articles["article"], articles["title"])
            if t.strip() and t.strip() != a}


def _labels(view: Any) -> dict[str, str]:
    """Row labels for the charts: 'key · short title' where a title is known, else the id
    when it fits, else its key; the PDF's article list says which id each key is."""
    if getattr(view, "_labels", None) is None:
        ids = list(view.articles["article"]) + list(view.assertions["article"])
        keys = view._keys = article_keys(ids)
        titles = article_titles(view.articles)
        view._labels = {a: f"{keys[a]} · {clip(titles[a], TITLE_WIDTH)}" if a in titles
                        else a if len(a) <= ID_WIDTH else keys[a] for a in keys}
    return view._labels


def _label(view: Any, article: str) -> str:
    return (_labels(view).get(article) or clip(article, ID_WIDTH)).replace("$", r"\$")


def _subject_groups(rows: pd.DataFrame, limit: int = MAX_PANELS
                    ) -> tuple[list[tuple[str, pd.DataFrame]], int]:
    """[(subject, its rows)], most claims first, when the rows name several subjects;
    else [("", rows)]. Also how many subjects were left out past `limit`."""
    if "subject" not in rows or rows.loc[rows["subject"] != "", "subject"].nunique() < 2:
        return [("", rows)], 0
    order = rows.groupby("subject").size().sort_values(ascending=False, kind="stable")
    keep = list(order.index[:limit])
    return [(s, rows[rows["subject"] == s]) for s in keep], len(order) - len(keep)


def _for_subject(conflicts: pd.DataFrame, subject: str) -> pd.DataFrame:
    if not subject or "subject" not in conflicts:
        return conflicts
    return conflicts[conflicts["subject"].isin([subject, ""])]


def _panel_axes(ax, heights: list[float], width: float):
    """(figure, axes): the given ax (the first panel only), or one row per panel."""
    if ax is not None:
        return ax.figure, [ax]
    fig, axes = plt.subplots(len(heights), 1, figsize=(width, min(MAX_HEIGHT, sum(heights)
                                                                   + 0.3)),
                             layout="constrained", squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    return fig, list(axes[:, 0])


def _more_panels(fig, ax, shown: int, left_out: int, what: str, note: str = "") -> None:
    """A line above the panels: `note`, and which panels are shown when not all are."""
    if left_out:
        note += (" — " if note else "") + (f"the {shown} {what} with most claims, of "
                                           f"{shown + left_out} (all in assertions.csv)")
    if note and ax is None:
        fig.suptitle(note[:1].upper() + note[1:], x=0.01, ha="left", fontsize=9,
                     color="#444444")


def _subject_title(subject: str) -> str:
    return f" — {short(subject or '(no subject)', 30)}" if subject is not None else ""


# ------------------------------------------------------------------------ dose
#: Mass units in milligrams; a mass panel shows every claim in the unit most of its
#: claims use (grams for gram doses).
MASS_IN_MG = {"g": 1000.0, "mg": 1.0, "mcg": 0.001, "µg": 0.001, "μg": 0.001, "ug": 0.001}


def _mass_unit(units: pd.Series) -> str:
    """The mass unit most claims are written in (the larger one on a tie)."""
    counts = units[units.isin(list(MASS_IN_MG))].value_counts()
    if counts.empty:
        return "mg"
    return max(counts.index, key=lambda u: (counts[u], MASS_IN_MG[u]))


def _dose_ends(rows: pd.DataFrame, unit: str, mass: bool) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper ends as floats in the panel's unit (mass claims converted); NaN
    where an end is missing (open range) or unusable (negative), swapped where written
    high-to-low."""
    low = rows["low"].to_numpy(dtype=float, na_value=np.nan).copy()
    high = rows["high"].to_numpy(dtype=float, na_value=np.nan).copy()
    if mass:
        factor = (rows["unit"].map(MASS_IN_MG).fillna(MASS_IN_MG[unit]) / MASS_IN_MG[unit]
                  ).to_numpy(dtype=float)
        low, high = low * factor, high * factor
    low[~(low >= 0)] = np.nan  # negative, NaN, or overflowed: not a drawable end
    high[~(high >= 0)] = np.nan
    low[~np.isfinite(low)] = np.nan
    high[~np.isfinite(high)] = np.nan
    swap = low > high
    low[swap], high[swap] = high[swap], low[swap]
    return low, high


def _dose_axis(values: np.ndarray) -> tuple[float, float, bool]:
    """(left, right, log) that show every positive value with room for open ends."""
    positive = values[np.isfinite(values) & (values > 0)]
    vmin, vmax = (float(positive.min()), float(positive.max())) if len(positive) else (1.0,
                                                                                      10.0)
    log = vmax / vmin > 20
    if log:
        return vmin / 4, vmax * 4, True
    return 0.0, vmax * 1.3, False


def _dose_groups(rows: pd.DataFrame) -> tuple[list[tuple[str | None, str, pd.DataFrame]], int]:
    """Panels: (subject or None, axis unit, rows), most claims first. Mass claims share
    one axis (in the unit most of them use); every other unit has its own."""
    mass = rows["unit"].isin(list(MASS_IN_MG))
    family = rows["scope"].str.split("/").str[0]
    axis = rows["unit"].where(rows["unit"] != "", family.where(family != "", "no unit"))
    rows = rows.assign(_axis=axis.where(~mass, "mass"))
    subjects, _ = _subject_groups(rows, limit=10**6)
    several = len(subjects) > 1
    panels = []
    for subject, group in subjects:
        for key, part in group.groupby("_axis", sort=False):
            unit = _mass_unit(part["unit"]) if key == "mass" else key
            panels.append((subject if several else None, unit, part))
    panels.sort(key=lambda p: -len(p[2]))
    return panels[:MAX_PANELS], max(0, len(panels) - MAX_PANELS)


def plot_dose_ranges(data: Any, *, topic: str = "dose", ax=None) -> Figure:
    """One horizontal interval per dose claim, grouped by article, coloured by level;
    open-ended ranges end in an arrow. One panel per unit (mass claims together, in the
    unit most of them use; log scale when the values span more than a factor of 20) and,
    when the batch is about several subjects, per subject."""
    view = prepare(data)
    assertions = view.assertions
    rows = assertions[assertions["topic"] == topic]
    if rows.empty:
        fig, ax = _figure(ax, 8, 2.5)
        _empty(ax, "No dose claims found")
        return fig
    panels, left_out = _dose_groups(rows)
    heights = []
    for _, _, part in panels:
        n = 3 if part["article"].nunique() > MAX_ROWS else min(MAX_ROWS * 3, len(part))
        heights.append(1.4 + 0.42 * n)
    fig, axes = _panel_axes(ax, heights, 10)
    for (subject, unit, part), axis in zip(panels, axes):
        _dose_panel(view, axis, part, subject, unit)
    _more_panels(fig, ax, len(panels), left_out, "subject and unit panels")
    return fig


def _axis_fraction(x: float, left: float, right: float, log: bool) -> float:
    if log:
        return (np.log10(max(x, left)) - np.log10(left)) / max(
            1e-9, np.log10(right) - np.log10(left))
    return (x - left) / max(1e-9, right - left)


def _level_of(level: str) -> str:
    return level if level in LEVEL_COLOURS else ("typical" if not level else "other")


def _dose_distribution(ax, rows: pd.DataFrame, subject: str | None, unit: str) -> None:
    """Many articles: every claim as a thin translucent line in its level's band, so the
    spread across sources shows as density; medians of both ends marked."""
    from matplotlib.collections import LineCollection

    lows, highs = _dose_ends(rows, unit, unit in MASS_IN_MG)
    left, right, log = _dose_axis(np.concatenate([lows, highs]))
    all_levels = rows["level"].map(_level_of).to_numpy()
    levels = [lvl for lvl in [*LEVEL_COLOURS, "other"] if (all_levels == lvl).any()]
    rng = np.random.default_rng(0)
    sample_levels, all_lows, all_highs = all_levels, lows, highs
    if len(rows) > MAX_SEGMENTS:  # a fixed-seed sample keeps the drawing fast and stable
        keep = np.sort(np.random.default_rng(0).choice(len(rows), MAX_SEGMENTS, replace=False))
        sample_levels, lows, highs = all_levels[keep], lows[keep], highs[keep]
    for band, level in enumerate(levels):
        mask = (sample_levels == level) & ~(np.isnan(lows) & np.isnan(highs))
        every = all_levels == level  # counts and medians use every claim, not the sample
        lo = np.clip(np.where(np.isnan(lows[mask]), left, lows[mask]), left, right)
        hi = np.clip(np.where(np.isnan(highs[mask]), right, highs[mask]), left, right)
        ys = band + rng.uniform(-0.35, 0.35, size=len(lo))
        segments = [[(a, y), (b, y)] for a, b, y in zip(lo, hi, ys)]
        ax.add_collection(LineCollection(segments, colors=LEVEL_COLOURS.get(level, "#777777"),
                                         linewidths=1.2,
                                         alpha=max(0.08, min(0.8, 30 / max(1, len(lo))))))
        for values in (all_lows[every], all_highs[every]):
            vals = values[np.isfinite(values)]
            if len(vals):
                ax.plot([np.median(vals)], [band], marker="|", markersize=22, color="black")
        ax.text(right, band - 0.46, f"{every.sum()} claims ", ha="right", va="top",
                fontsize=8)
    ax.set_yticks(range(len(levels)), levels)
    ax.set_ylim(len(levels) - 0.5, -0.5)
    if log:
        ax.set_xscale("log")
    ax.set_xlim(left, right)
    ax.set_xlabel(f"dose ({short(unit, 20)})" + (" — log scale" if log else "") +
                  "; black ticks: median lower and upper ends")
    ax.set_title(f"Dose ranges{_subject_title(subject)} ({short(unit, 20)}): "
                 f"{rows['article'].nunique()} articles, one line per claim", loc="left",
                 fontsize=11)
    ax.grid(axis="x", alpha=0.3)


def _dose_panel(view: Any, ax, rows: pd.DataFrame, subject: str | None, unit: str) -> None:
    if rows["article"].nunique() > MAX_ROWS:
        _dose_distribution(ax, rows, subject, unit)
        return
    keep, dropped = _top_articles(rows, MAX_ROWS)
    rows = rows[rows["article"].isin(keep)].sort_values(["article", "start"], kind="stable")
    lows, highs = _dose_ends(rows, unit, unit in MASS_IN_MG)
    left_edge, right_edge, log = _dose_axis(np.concatenate([lows, highs]))
    y = 0
    yticks, ylabels = [], []
    articles = rows["article"].to_numpy()
    for article in dict.fromkeys(articles):  # rows are sorted: each article's rows in a run
        first = True
        for i in np.flatnonzero(articles == article):
            r = rows.iloc[i]
            # in log scale a zero end sits on the axis' left edge
            lo, hi = (max(v, left_edge) if log and np.isfinite(v) else v
                      for v in (lows[i], highs[i]))
            has_lo, has_hi = bool(np.isfinite(lo)), bool(np.isfinite(hi))
            colour = LEVEL_COLOURS.get(_level_of(r["level"]), "#777777")
            # Every claim's artist carries gid "dose-claim", so tests and users can find them.
            if has_lo and has_hi and lo == hi:
                ax.plot([lo], [y], marker="o", color=colour, markersize=8, gid="dose-claim")
                start, end = lo, hi
            elif has_lo and has_hi:
                ax.plot([lo, hi], [y, y], color=colour, linewidth=7, solid_capstyle="butt",
                        gid="dose-claim")
                start, end = lo, hi
            elif has_lo or has_hi:  # open-ended: an arrow towards the open side
                tail, head = (lo, right_edge) if has_lo else (hi, left_edge)
                ax.annotate("", xy=(head, y), xytext=(tail, y), gid="dose-claim",
                            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 5,
                                        "mutation_scale": 18, "shrinkA": 0, "shrinkB": 0})
                start, end = min(tail, head), max(tail, head)
            else:  # no usable number: a hollow marker on the left edge
                ax.plot([left_edge], [y], marker="o", markerfacecolor="white", color=colour,
                        markersize=8, gid="dose-claim", clip_on=False)
                start = end = left_edge
            label = r["value"] or "(no value)"
            if r["qualifier"]:
                label += f" · {clip(r['qualifier'], 40)}"
            if _axis_fraction(start, left_edge, right_edge, log) > 0.55:
                ax.text(end, y - 0.32, short(label, 60), fontsize=7, ha="right", va="bottom",
                        color="#333333")
            else:
                ax.text(start, y - 0.32, short(label, 60), fontsize=7, ha="left",
                        va="bottom", color="#333333")
            yticks.append(y)
            ylabels.append(_label(view, article) if first else "")
            first = False
            y += 1
        ax.axhline(y - 0.5, color="#DDDDDD", lw=0.8)
        y += 0.3
    ax.set_yticks(yticks, ylabels, fontsize=8)
    ax.set_ylim(y - 0.2, -0.8)
    if log:
        ax.set_xscale("log")
    ax.set_xlim(left_edge, right_edge)
    ax.set_xlabel(f"dose ({short(unit, 20)})" + (" — log scale" if log else ""))
    title = f"Dose ranges per article{_subject_title(subject)} ({short(unit, 20)})"
    if dropped:
        title += f"; top {len(keep)} articles, {dropped} more in assertions.csv"
    ax.set_title(title, fontsize=11, loc="left")
    ax.grid(axis="x", alpha=0.3)
    used = [lvl for lvl in [*LEVEL_COLOURS, "other"]
            if (rows["level"].map(_level_of) == lvl).any()]
    handles = [plt.Line2D([], [], color=LEVEL_COLOURS.get(k, "#777777"), lw=6, label=k)
               for k in used]
    ax.legend(handles=handles, title="level", fontsize=7, title_fontsize=8, loc="upper left",
              bbox_to_anchor=(1.01, 1))


# ------------------------------------------------------------------------ stance
def plot_stance(data: Any, *, topic: str = "addiction_risk",
                levels: tuple[str, ...] = ("none", "low", "possible", "high"), ax=None) -> Figure:
    """Each article's claims on the ordered scale: a dot per claim (hollow when hedged),
    a line joining an article's lowest and highest claim, so spread within an article
    and disagreement across articles both show. Past MAX_ROWS articles, a stacked bar
    of how many articles reach each level. One panel per subject when there are several."""
    view = prepare(data)
    assertions, conflicts = view.assertions, view.conflicts
    levels = tuple(str(lvl) for lvl in levels) or ("none", "low", "possible", "high")
    # a value off the scale (missing, or a level this schema lacks) has no place to sit
    rows = assertions[(assertions["topic"] == topic) & assertions["value"].isin(levels)]
    label = short(topic.replace("_", " "), 40)
    if rows.empty:
        fig, ax = _figure(ax, 9, 2)
        _empty(ax, f"No {label} claims found")
        return fig
    groups, left_out = _subject_groups(rows)
    several = len(groups) > 1
    heights = [1.5 + 0.35 * (len(levels) if part["article"].nunique() > MAX_ROWS
                             else part["article"].nunique()) for _, part in groups]
    fig, axes = _panel_axes(ax, heights, 9)
    for (subject, part), axis in zip(groups, axes):
        name = label.capitalize() + (_subject_title(subject) if several else "")
        _stance_panel(view, axis, part, _for_subject(conflicts, subject), topic, levels, name,
                      explain=not several)
    _more_panels(fig, ax, len(groups), left_out, "subjects",
                 "hollow = hedged; red line = contradicts itself" if several else "")
    return fig


def _stance_panel(view: Any, ax, rows: pd.DataFrame, conflicts: pd.DataFrame, topic: str,
                  levels: tuple[str, ...], name: str, *, explain: bool = True) -> None:
    rank = {lvl: i for i, lvl in enumerate(levels)}
    n_articles = rows["article"].nunique()
    if n_articles > MAX_ROWS:
        span = rows.groupby("article")["value"].agg(
            lambda v: (min(rank[x] for x in v), max(rank[x] for x in v)))
        counts = pd.Series(0, index=list(levels))
        mixed = 0
        for lo, hi in span:
            counts[levels[hi]] += 1
            mixed += hi - lo >= 2
        ax.barh(range(len(levels)), counts.values,
                color=[STANCE_COLOURS.get(x, "#888") for x in levels])
        ax.set_yticks(range(len(levels)), [short(x, 20) for x in levels])
        ax.set_xlabel("articles (by the strongest claim they make)")
        ax.set_title(f"{name}: {n_articles} articles; {mixed} contradict themselves",
                     loc="left", fontsize=11)
        return
    within = set()
    if len(conflicts):
        hits = conflicts[(conflicts["topic"] == topic) & (conflicts["kind"] == "within-source")]
        within = set(hits["articles"])
    articles = sorted(rows["article"].unique())
    for y, article in enumerate(articles):
        mine = rows[rows["article"] == article]
        xs = [rank[v] for v in mine["value"]]
        ax.plot([min(xs), max(xs)], [y, y], color="#9D0208" if article in within else "#BBBBBB",
                lw=2, zorder=1)
        offsets = np.linspace(-0.15, 0.15, len(xs)) if len(xs) > 1 else [0]
        for x, off, v, hedged in zip(xs, offsets, mine["value"], mine["hedged"]):
            colour = STANCE_COLOURS.get(v, "#888888")
            ax.scatter([x], [y + off], s=60, zorder=2, edgecolors=colour, gid="stance-claim",
                       facecolors="white" if bool(hedged) else colour, linewidths=1.5)
    ax.set_yticks(range(len(articles)), [_label(view, a) for a in articles], fontsize=8)
    ax.set_xticks(range(len(levels)), [short(x, 20) for x in levels])
    ax.set_xlim(-0.5, len(levels) - 0.5)
    ax.set_ylim(len(articles) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"{name}{':' if ' — ' in name else ''} stance per article" + (
        " (hollow = hedged; red line = contradicts itself)" if explain else ""),
        loc="left", fontsize=11)


# ------------------------------------------------------------------------ legal status
JURISDICTION_ORDER = {"US federal": 0, "all US states": 1, "general": 2, "international": 3,
                      "European Union": 4, "many US states": 5}


def plot_legal_status(data: Any, *, topic: str = "legal_status", ax=None) -> Figure:
    """Jurisdiction × article grid coloured by status (two statuses split the cell);
    cells in a cross-source conflict are outlined; federal/national scopes first. One
    panel per subject when there are several."""
    view = prepare(data)
    assertions, conflicts = view.assertions, view.conflicts
    rows = assertions[assertions["topic"] == topic]
    rows = rows.assign(scope=rows["scope"].replace("", "general"),
                       value=rows["value"].replace("", "(no status)"))
    if rows.empty:
        fig, ax = _figure(ax, 8, 2.5)
        _empty(ax, "No legal-status claims found")
        return fig
    groups, left_out = _subject_groups(rows)
    several = len(groups) > 1
    heights, widths = [], [7.0]
    for _, part in groups:
        n_juris = min(30, part["scope"].nunique())
        if part["article"].nunique() > MAX_ROWS:
            heights.append(1.6 + 0.38 * min(12 if several else 25, n_juris))
            widths.append(10)
        else:
            heights.append(2.4 + 0.42 * n_juris)
            widths.append(2 + 0.55 * min(MAX_ROWS, part["article"].nunique()))
    fig, axes = _panel_axes(ax, heights, min(14, max(widths)))
    for (subject, part), axis in zip(groups, axes):
        title = "Legal status by jurisdiction" + (_subject_title(subject) if several else "")
        if part["article"].nunique() > MAX_ROWS:
            _legal_distribution(axis, part, _for_subject(conflicts, subject), topic, title,
                                limit=12 if several else 25)
        else:
            _legal_panel(view, axis, part, _for_subject(conflicts, subject), topic, title)
    _more_panels(fig, ax, len(groups), left_out, "subjects")
    return fig


@lru_cache(maxsize=8)
def _us_states(topic: str) -> frozenset[str]:
    """The state names of the shipped schema's `topic` (none when it has no such topic)."""
    from ..topics import load_topics

    found = load_topics().topics.get(topic)
    return frozenset(found.get("jurisdictions.states", []) if found is not None else ())


def _legal_panel(view: Any, ax, rows: pd.DataFrame, conflicts: pd.DataFrame, topic: str,
                 title: str) -> None:
    keep, dropped = _top_articles(rows, MAX_ROWS)
    rows = rows[rows["article"].isin(keep)]
    juris = sorted(rows["scope"].unique(), key=lambda j: (JURISDICTION_ORDER.get(j, 9), j))
    juris = juris[:30]
    conflicted: set[tuple[str, str]] = set()
    if len(conflicts):
        for r in conflicts[(conflicts["topic"] == topic)].itertuples():
            places = str(r.scope).split("; ")  # a folded row names every place
            for a in str(r.articles).split(";"):
                for place in places:
                    conflicted.add((place, a))
                if set(places) & _us_states(topic):
                    conflicted.add(("all US states", a))  # "legal in all 50 states" met a state
    for xi, article in enumerate(keep):
        for yi, j in enumerate(juris):
            statuses = sorted(set(rows[(rows["article"] == article) &
                                       (rows["scope"] == j)]["value"]))
            if not statuses:
                ax.add_patch(Rectangle((xi, yi), 1, 1, facecolor="#F7F7F7", edgecolor="white"))
                continue
            w = 1 / len(statuses)
            for k, st in enumerate(statuses):
                ax.add_patch(Rectangle((xi + k * w, yi), w, 1,
                                       facecolor=STATUS_COLOURS.get(st, "#999999"),
                                       edgecolor="white"))
            if (j, article) in conflicted:
                ax.add_patch(Rectangle((xi + 0.04, yi + 0.04), 0.92, 0.92, fill=False,
                                       edgecolor="black", lw=2))
    ax.set_xlim(0, len(keep))
    ax.set_ylim(len(juris), 0)
    ax.set_xticks([i + 0.5 for i in range(len(keep))], [_label(view, a) for a in keep],
                  rotation=35, ha="right", fontsize=8)
    ax.set_yticks([i + 0.5 for i in range(len(juris))], [short(j, 24) for j in juris],
                  fontsize=8)
    used = sorted(set(rows["value"]), key=lambda s: (list(STATUS_COLOURS).index(s)
                                                     if s in STATUS_COLOURS else 99, s))
    handles = [Rectangle((0, 0), 1, 1, color=STATUS_COLOURS.get(s, "#999")) for s in used]
    ax.legend(handles, [short(s, 30) for s in used], fontsize=7, loc="upper left",
              bbox_to_anchor=(1.01, 1))
    title += " (outlined = in conflict)"
    if dropped:
        title += f"; top {len(keep)} articles, {dropped} more in assertions.csv"
    ax.set_title(title, loc="left", fontsize=11)


def _legal_distribution(ax, rows: pd.DataFrame, conflicts: pd.DataFrame, topic: str,
                        title: str, *, limit: int = 25) -> None:
    """Many articles: per jurisdiction (the `limit` most named), how many articles give
    each status."""
    counts = (rows.drop_duplicates(["article", "scope", "value"])
              .groupby(["scope", "value"]).size().unstack(fill_value=0))
    named = len(counts)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False).index[:limit]]
    other = [s for s in counts.columns if s not in STATUS_COLOURS]
    if other:  # statuses the palette does not know are counted together, in grey
        counts = counts.drop(columns=other).assign(other=counts[other].sum(axis=1))
    left = np.zeros(len(counts))
    positions = np.arange(len(counts))
    for status in [s for s in [*STATUS_COLOURS, "other"] if s in counts.columns]:
        ax.barh(positions, counts[status], left=left,
                color=STATUS_COLOURS.get(status, "#999999"), label=status)
        left += counts[status].to_numpy()
    ax.set_yticks(positions, [short(j, 26) for j in counts.index])
    in_conflict = set(conflicts.loc[conflicts["topic"] == topic, "scope"]) if len(
        conflicts) else set()
    for y, j in enumerate(counts.index):
        if j in in_conflict:
            ax.text(left[y], y, "  ⚠ conflict", va="center", fontsize=8, color="#9D0208")
    ax.invert_yaxis()
    ax.set_xlabel("articles")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    more = f"; top {len(counts)} of {named} jurisdictions" if named > len(counts) else ""
    ax.set_title(f"{title}: {rows['article'].nunique()} articles{more}", loc="left",
                 fontsize=11)


# ------------------------------------------------------------------------ credentials
def plot_credentials(data: Any, *, topic: str = "author_credentials", ax=None) -> Figure:
    """Authors side by side: name, degrees, certifications, years, affiliations, flags
    (copied bios and implausible credentials)."""
    view = prepare(data)
    assertions, conflicts = view.assertions, view.conflicts
    all_rows = assertions[assertions["topic"] == topic]
    rows = all_rows.head(MAX_TABLE_ROWS)
    fig, ax = _figure(ax, 12, 1.0 + 0.75 * max(1, len(rows)))
    if rows.empty:
        _empty(ax, "No author or reviewer credentials found")
        return fig
    copied: dict[str, str] = {}
    _labels(view)
    keys = view._keys
    if len(conflicts):
        for r in conflicts[(conflicts["topic"] == topic) &
                           (conflicts["kind"] == "cross-source")].itertuples():
            arts = str(r.articles).split(";")
            shown = set(rows["article"])
            for a in arts:
                if a not in shown:
                    continue
                others = [o for o in arts if o != a]
                copied[a] = ("COPIED BIO: also in " + ", ".join(keys.get(o, clip(o, 14))
                                                                 for o in others[:3])
                             + (f" +{len(others) - 3}" if len(others) > 3 else ""))
    cols = ["article", "name", "degrees", "certifications", "years", "affiliations", "flags"]
    widths = [16, 18, 22, 26, 6, 26, 34]
    ax.set_axis_off()
    ax.set_xlim(0, sum(widths))
    ax.set_ylim(len(rows) + 0.8, -0.2)
    x = 0
    for col, w in zip(cols, widths):
        ax.text(x + 0.5, 0.1, col, fontsize=8, weight="bold", va="top")
        x += w
    ax.axhline(0.55, color="#999999", lw=0.8)
    for y, r in enumerate(rows.itertuples(), start=1):
        flags = "; ".join(filter(None, [copied.get(r.article, ""), r.flags]))
        values = [_labels(view).get(r.article, r.article), r.value, r.degrees, r.certifications,
                  "" if pd.isna(r.years_experience) else f"{r.years_experience:.0f}",
                  r.affiliations, flags]
        if flags:
            ax.add_patch(Rectangle((sum(widths[:-1]), y - 0.4), widths[-1], 0.95,
                                   facecolor="#FBE3D6", edgecolor="none"))
        x = 0
        for v, w in zip(values, widths):
            text = "\n".join(textwrap.wrap(" ".join(str(v).split())[:200], int(w * 1.15))[:4])
            text = text.replace("$", r"\$") or "—"  # escaped after wrapping: '\$' stays whole
            ax.text(x + 0.5, y - 0.35, text, fontsize=7, va="top", linespacing=1.15)
            x += w
        ax.axhline(y + 0.55, color="#DDDDDD", lw=0.6)
    more = f"; first {len(rows)} of {len(all_rows)}" if len(all_rows) > len(rows) else ""
    ax.set_title(f"Author and reviewer credentials (flags: copied bio, implausible claims{more})",
                 loc="left", fontsize=11)
    return fig


# ------------------------------------------------------------------------ matrix
def topic_states(data: Any, topics_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Article × topic table of cell states: silent, speaks, agrees, disagrees,
    contradicts itself."""
    view = prepare(data)
    assertions, conflicts, articles = view.assertions, view.conflicts, view.articles
    topics_table = view.topics if topics_table is None else _clean(topics_table,
                                                                   _NEEDED["topics"])
    article_ids = list(articles["article"]) if len(articles) else sorted(
        assertions["article"].unique())
    schema = getattr(data, "schema", None)
    order = list(schema.topics) if schema is not None else []
    present = set(assertions["topic"])
    topics = [t for t in order if t in present] + sorted(present - set(order))
    if topics_table is not None and len(topics_table):
        topics += [t for t in dict.fromkeys(topics_table[~topics_table["schema"]]["topic"])
                   if t not in topics]
    # Plain dicts while filling (pandas .loc per cell is far too slow at 10,000 rows).
    cells: dict[tuple[str, str], str] = {}
    known = set(article_ids)
    columns = set(topics)
    for a, t in zip(assertions["article"], assertions["topic"]):
        if a in known:
            cells[(a, t)] = "speaks"
    if topics_table is not None and len(topics_table):
        for a, t in zip(topics_table["article"], topics_table["topic"]):
            if a in known and t in columns:
                cells.setdefault((a, t), "speaks")
    claimed = set(zip(assertions["article"], assertions["topic"]))
    by_topic: dict[str, list[str]] = {}
    for a, t in claimed:
        if a in known:
            by_topic.setdefault(t, []).append(a)
    for t, claiming in by_topic.items():
        if len(claiming) >= 2:  # several sources make claims and none is in conflict (yet)
            for a in claiming:
                cells[(a, t)] = "agrees"
    if len(conflicts):
        for t, kind, arts in zip(conflicts["topic"], conflicts["kind"], conflicts["articles"]):
            if t not in columns:
                continue
            for a in str(arts).split(";"):
                if a not in known:
                    continue
                if kind == "within-source":
                    cells[(a, t)] = "contradicts itself"
                elif cells.get((a, t)) != "contradicts itself":
                    cells[(a, t)] = "disagrees"
    grid = {t: [cells.get((a, t), "silent") for a in article_ids] for t in topics}
    return pd.DataFrame(grid, index=article_ids, columns=topics)


def plot_topic_matrix(data: Any, *, ax=None) -> Figure:
    """Articles × topics (schema topics, then shared open topics): whether each article
    speaks to a topic and whether it agrees, disagrees or contradicts itself. Past
    MAX_ROWS articles, the share of articles in each state per topic."""
    state = topic_states(data)
    n_art, n_top = state.shape
    if n_art > MAX_ROWS:
        fig, ax = _figure(ax, 10, 1.5 + 0.35 * n_top)
        shares = pd.DataFrame({s: (state == s).sum() for s in CELL_COLOURS}).loc[state.columns]
        left = np.zeros(len(shares))
        positions = np.arange(len(shares))
        for s, colour in CELL_COLOURS.items():
            ax.barh(positions, shares[s], left=left, color=colour, label=s)
            left += shares[s].values
        ax.set_yticks(positions, [short(t.replace("_", " "), 26) for t in shares.index])
        ax.invert_yaxis()
        ax.set_xlabel(f"articles (of {n_art})")
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.set_title("Source × topic: how many articles speak, agree, disagree", loc="left",
                     fontsize=11)
        return fig
    fig, ax = _figure(ax, max(7, 2.5 + 0.55 * n_top), 2 + 0.4 * n_art)
    if state.empty:
        _empty(ax, "No topics found")
        return fig
    for yi, _a in enumerate(state.index):
        for xi, _t in enumerate(state.columns):
            ax.add_patch(Rectangle((xi, yi), 1, 1, facecolor=CELL_COLOURS[state.iloc[yi, xi]],
                                   edgecolor="white", lw=1.5))
    ax.set_xlim(0, n_top)
    ax.set_ylim(n_art, 0)
    ax.set_xticks([i + 0.5 for i in range(n_top)],
                  [short(t.replace("_", " "), 22) for t in state.columns], rotation=40,
                  ha="right", fontsize=8)
    view = prepare(data)
    ax.set_yticks([i + 0.5 for i in range(n_art)], [_label(view, a) for a in state.index],
                  fontsize=8)
    handles = [Rectangle((0, 0), 1, 1, color=c) for c in CELL_COLOURS.values()]
    ax.legend(handles, list(CELL_COLOURS), fontsize=7, loc="upper left",
              bbox_to_anchor=(1.01, 1))
    ax.set_title("Source × topic", loc="left", fontsize=11)
    return fig


KIND_COLOURS = {"cross-source": "#E07A5F", "within-source": "#9D0208",
                "changed-over-time": "#F4A261"}


def plot_conflict_summary(data: Any, *, ax=None) -> Figure:
    """Conflicts per topic, split by kind (cross-source, within-source, changed over
    time), most first."""
    _, conflicts, _ = _tables(data)
    bars = conflicts.groupby(["topic", "subject"] if "subject" in conflicts else "topic").ngroups
    fig, ax = _figure(ax, 8, max(3.0, 1.2 + 0.26 * min(30, bars)))
    if conflicts.empty:
        _empty(ax, "No conflicts found")
        return fig
    kinds = conflicts["kind"].where(conflicts["kind"].isin(list(KIND_COLOURS)), "other")
    topics = conflicts["topic"].str.replace("_", " ")
    if "subject" in conflicts and conflicts.loc[conflicts["subject"] != "",
                                                "subject"].nunique() > 1:
        topics = topics.where(conflicts["subject"] == "", topics + " — " + conflicts["subject"])
    table = conflicts.assign(kind=kinds, topic=topics).groupby(["topic", "kind"]).size(
    ).unstack(fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=True).index].tail(30)
    left = np.zeros(len(table))
    positions = np.arange(len(table))
    for kind, colour in [*KIND_COLOURS.items(), ("other", "#999999")]:
        if kind in table:
            ax.barh(positions, table[kind], left=left, color=colour, label=kind)
            left += table[kind].to_numpy()
    ax.set_yticks(positions, [short(t, 40) or "(no topic)" for t in table.index])
    ax.set_xlabel("conflicts")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8)
    ax.set_title("Conflicts per topic", loc="left", fontsize=11)
    return fig


def chart_makers(analysis: Any) -> dict[str, Any]:
    """Every chart of a run as a function that draws it, keyed by its PNG file name."""
    view = prepare(analysis)
    makers = {"topic_matrix": lambda: plot_topic_matrix(view),
              "conflicts_per_topic": lambda: plot_conflict_summary(view),
              "dose_ranges": lambda: plot_dose_ranges(view)}
    schema = getattr(view, "schema", None)
    scale_topics = list(schema.of_kind("scale")) if schema is not None else []
    for t in scale_topics:
        makers[f"stance_{t.key}"] = (lambda t=t: plot_stance(
            view, topic=t.key, levels=tuple(t.get("levels", None) or ())))
    if not scale_topics:
        makers["stance_addiction_risk"] = lambda: plot_stance(view)
    makers["legal_status"] = lambda: plot_legal_status(view)
    makers["author_credentials"] = lambda: plot_credentials(view)
    return makers


def all_figures(analysis: Any, *, failures: list[Failure] | None = None,
                strict: bool = False) -> dict[str, Figure]:
    """Every chart of a run, keyed by the PNG file name it is saved under.

    A chart that fails is left out and recorded in `failures` (stage "chart:<name>");
    without a `failures` list, or with `strict`, it raises `StageError` instead.
    """
    figures: dict[str, Figure] = {}
    for name, make in chart_makers(analysis).items():
        before = set(plt.get_fignums())
        fig = run_stage(f"chart:{name}", make, failures=failures, strict=strict)
        if fig is None:  # a chart that failed half-way leaves no figure open behind it
            for num in set(plt.get_fignums()) - before:
                plt.close(num)
        else:
            figures[name] = fig
    return figures


def close_all(figures: dict[str, Figure]) -> None:
    for fig in figures.values():
        plt.close(fig)
