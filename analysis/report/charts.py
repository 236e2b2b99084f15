"""The charts, one public `plot_*` function each: tables (or an Analysis) in, a
matplotlib Figure out, drawing on `ax` when one is given.

Charts must stay readable from 2 to 200+ articles: ids are shortened, and past
`MAX_ROWS` articles a chart shows the articles with most claims plus a note of how many
were left out (the CSVs always hold everything).
"""

from __future__ import annotations

import textwrap
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

MAX_ROWS = 25
MAX_TABLE_ROWS = 20
MAX_SEGMENTS = 3000  # dose claims drawn in the aggregate view (counts use all)
LEVEL_COLOURS = {"start": "#4C9BE8", "typical": "#2CA58D", "high": "#E07A5F"}
STANCE_COLOURS = {"none": "#2CA58D", "low": "#8AC926", "possible": "#F4A261", "high": "#D62828"}
STATUS_COLOURS = {"legal": "#2CA58D", "regulated": "#8AC926", "unapproved": "#F4D35E",
                  "varies": "#A8DADC", "uncertain": "#CCCCCC", "controlled": "#F4A261",
                  "banned": "#D62828"}
CELL_COLOURS = {"silent": "#F2F2F2", "speaks": "#BFD7EA", "agrees": "#2CA58D",
                "disagrees": "#E07A5F", "contradicts itself": "#9D0208"}


def short(label: Any, width: int = 22) -> str:
    text = str(label).replace("$", r"\$")
    return text if len(text) <= width else text[:width - 1] + "…"


def _tables(data: Any) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(assertions, conflicts, articles) from an Analysis or a dict/tuple of tables."""
    if hasattr(data, "assertions"):
        return data.assertions, data.conflicts, data.articles
    if isinstance(data, dict):
        return (data["assertions"], data.get("conflicts", pd.DataFrame()),
                data.get("articles", pd.DataFrame()))
    if isinstance(data, pd.DataFrame):
        return data, pd.DataFrame(columns=["topic", "articles", "kind"]), pd.DataFrame()
    raise TypeError("pass an Analysis, a dict of tables, or the assertions DataFrame")


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


def _in_mg(value: float, unit: str) -> float:
    return value * 1000.0 if unit == "g" else value


# ------------------------------------------------------------------------ dose
def plot_dose_ranges(data: Any, *, topic: str = "dose", ax=None) -> Figure:
    """One horizontal interval per dose claim, grouped by article, coloured by level;
    open-ended ranges end in an arrow. One panel per unit family (mass in mg, log scale
    when the values span more than a factor of 20)."""
    assertions, _, _ = _tables(data)
    rows = assertions[assertions["topic"] == topic].copy()
    if rows.empty:
        fig, ax = _figure(ax, 8, 2.5)
        _empty(ax, "No dose claims found")
        return fig
    rows["family"] = rows["scope"].fillna("other/any").str.split("/").str[0]
    families = rows.groupby("family").size().sort_values(ascending=False).index.tolist()
    if ax is not None:
        families = families[:1]
        axes = [ax]
        fig = ax.figure
    else:
        heights = []
        for fam in families:
            sub = rows[rows["family"] == fam]
            n = 3 if sub["article"].nunique() > MAX_ROWS else min(MAX_ROWS * 3, len(sub))
            heights.append(1.4 + 0.42 * n)
        fig, axes = plt.subplots(len(families), 1, figsize=(10, min(40, sum(heights) + 0.6)),
                                 layout="constrained", squeeze=False,
                                 gridspec_kw={"height_ratios": heights})
        axes = list(axes[:, 0])
    for fam, axis in zip(families, axes):
        _dose_panel(axis, rows[rows["family"] == fam], fam)
    return fig


def _axis_fraction(x: float, left: float, right: float, log: bool) -> float:
    if log:
        return (np.log10(max(x, 1e-12)) - np.log10(max(left, 1e-12))) / max(
            1e-9, np.log10(right) - np.log10(max(left, 1e-12)))
    return (x - left) / max(1e-9, right - left)


def _dose_distribution(ax, rows: pd.DataFrame, family: str) -> None:
    """Many articles: every claim as a thin translucent line in its level's band, so the
    spread across sources shows as density; medians of both ends marked."""
    from matplotlib.collections import LineCollection

    mass = family == "mass"
    unit = "mg" if mass else (rows["unit"].iloc[0] if len(rows) else "")
    lows = np.array([(_in_mg(v, u) if mass else v) if pd.notna(v) else np.nan
                     for v, u in zip(rows["low"], rows["unit"])], dtype=float)
    highs = np.array([(_in_mg(v, u) if mass else v) if pd.notna(v) else np.nan
                      for v, u in zip(rows["high"], rows["unit"])], dtype=float)
    finite = np.concatenate([lows[np.isfinite(lows)], highs[np.isfinite(highs)]])
    finite = finite[finite > 0]
    vmin, vmax = (finite.min(), finite.max()) if len(finite) else (1.0, 10.0)
    log = vmax / max(vmin, 1e-9) > 20
    left, right = (vmin / 4, vmax * 4) if log else (0, vmax * 1.3 + 1e-9)
    levels = [lvl for lvl in LEVEL_COLOURS if (rows["level"] == lvl).any()] or ["typical"]
    rng = np.random.default_rng(0)
    all_levels = rows["level"].fillna("typical").to_numpy()
    all_lows, all_highs = lows, highs
    if len(rows) > MAX_SEGMENTS:  # a fixed-seed sample keeps the drawing fast and stable
        keep = np.sort(np.random.default_rng(0).choice(len(rows), MAX_SEGMENTS, replace=False))
        rows, lows, highs = rows.iloc[keep], lows[keep], highs[keep]
    for band, level in enumerate(levels):
        mask = (rows["level"].fillna("typical") == level).to_numpy()
        every = all_levels == level  # counts and medians use every claim, not the sample
        lo = np.where(np.isnan(lows[mask]), left, lows[mask])
        hi = np.where(np.isnan(highs[mask]), right, highs[mask])
        ys = band + rng.uniform(-0.35, 0.35, size=len(lo))
        segments = [[(a, y), (b, y)] for a, b, y in zip(lo, hi, ys)]
        ax.add_collection(LineCollection(segments, colors=LEVEL_COLOURS[level], linewidths=1.2,
                                         alpha=max(0.08, min(0.8, 30 / max(1, len(lo))))))
        for values, marker in ((all_lows[every], "|"), (all_highs[every], "|")):
            vals = values[np.isfinite(values)]
            if len(vals):
                ax.plot([np.median(vals)], [band], marker=marker, markersize=22, color="black")
        ax.text(right, band - 0.42, f"{every.sum()} claims", ha="right", va="bottom",
                fontsize=8)
    ax.set_yticks(range(len(levels)), levels)
    ax.set_ylim(len(levels) - 0.5, -0.5)
    if log:
        ax.set_xscale("log")
    ax.set_xlim(left, right)
    ax.set_xlabel(f"dose ({unit})" + (" — log scale" if log else "") +
                  "; black ticks: median lower and upper ends")
    ax.set_title(f"Dose ranges — {family}: {rows['article'].nunique()} articles, one line per "
                 "claim", loc="left", fontsize=11)
    ax.grid(axis="x", alpha=0.3)


def _dose_panel(ax, rows: pd.DataFrame, family: str) -> None:
    if rows["article"].nunique() > MAX_ROWS:
        _dose_distribution(ax, rows, family)
        return
    keep, dropped = _top_articles(rows, MAX_ROWS)
    rows = rows[rows["article"].isin(keep)].sort_values(["article", "start"], kind="stable")
    mass = family == "mass"
    unit = "mg" if mass else (rows["unit"].iloc[0] if len(rows) else "")

    def scaled(v, u):
        return (_in_mg(v, u) if mass else v) if pd.notna(v) else None

    values = [v for lo, hi, u in zip(rows["low"], rows["high"], rows["unit"])
              for v in (scaled(lo, u), scaled(hi, u)) if v is not None and v > 0]
    vmin, vmax = (min(values), max(values)) if values else (1, 10)
    log = vmax / max(vmin, 1e-9) > 20
    left_edge = vmin / 4 if log else 0
    right_edge = vmax * 4 if log else vmax * 1.3 + 1e-9
    y = 0
    yticks, ylabels = [], []
    for article, group in rows.groupby("article", sort=True):
        first = True
        for r in group.itertuples():
            lo, hi = scaled(r.low, r.unit), scaled(r.high, r.unit)
            colour = LEVEL_COLOURS.get(r.level or "typical", "#777777")
            # Every claim's artist carries gid "dose-claim", so tests and users can find them.
            if lo is not None and hi is not None and lo == hi:
                ax.plot([lo], [y], marker="o", color=colour, markersize=8, gid="dose-claim")
                start = lo
            elif lo is not None and hi is not None:
                ax.plot([lo, hi], [y, y], color=colour, linewidth=7, solid_capstyle="butt",
                        gid="dose-claim")
                start = lo
            else:  # open-ended: an arrow towards the open side
                tail, head = (lo, right_edge) if hi is None else (hi, left_edge)
                ax.annotate("", xy=(head, y), xytext=(tail, y), gid="dose-claim",
                            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 5,
                                        "mutation_scale": 18, "shrinkA": 0, "shrinkB": 0})
                start = min(tail, head)
            label = str(r.value)
            if r.qualifier:
                label += f" · {short(r.qualifier, 40)}"
            end = max(v for v in (lo, hi, start) if v is not None)
            if hi is None:
                end = right_edge
            if _axis_fraction(start, left_edge, right_edge, log) > 0.55:
                ax.text(end, y - 0.32, short(label, 60), fontsize=7, ha="right", va="bottom",
                        color="#333333")
            else:
                ax.text(start, y - 0.32, short(label, 60), fontsize=7, ha="left",
                        va="bottom", color="#333333")
            yticks.append(y)
            ylabels.append(short(article) if first else "")
            first = False
            y += 1
        ax.axhline(y - 0.5, color="#DDDDDD", lw=0.8)
        y += 0.3
    ax.set_yticks(yticks, ylabels, fontsize=8)
    ax.set_ylim(y - 0.2, -0.8)
    if log:
        ax.set_xscale("log")
    ax.set_xlim(left_edge if log else 0, right_edge)
    ax.set_xlabel(f"dose ({unit})" + (" — log scale" if log else ""))
    title = f"Dose ranges per article — {family}"
    if dropped:
        title += f" (top {len(keep)} articles; {dropped} more in assertions.csv)"
    ax.set_title(title, fontsize=11, loc="left")
    ax.grid(axis="x", alpha=0.3)
    handles = [plt.Line2D([], [], color=c, lw=6, label=k) for k, c in LEVEL_COLOURS.items()]
    ax.legend(handles=handles, title="level", fontsize=7, title_fontsize=8, loc="upper left",
              bbox_to_anchor=(1.01, 1))


# ------------------------------------------------------------------------ stance
def plot_stance(data: Any, *, topic: str = "addiction_risk",
                levels: tuple[str, ...] = ("none", "low", "possible", "high"), ax=None) -> Figure:
    """Each article's claims on the ordered scale: a dot per claim (hollow when hedged),
    a line joining an article's lowest and highest claim, so spread within an article
    and disagreement across articles both show. Past MAX_ROWS articles, a stacked bar
    of how many articles reach each level."""
    assertions, conflicts, _ = _tables(data)
    rows = assertions[assertions["topic"] == topic]
    label = topic.replace("_", " ")
    n_articles = rows["article"].nunique()
    fig, ax = _figure(ax, 9, 1.5 + 0.35 * min(n_articles, MAX_ROWS))
    if rows.empty:
        _empty(ax, f"No {label} claims found")
        return fig
    rank = {lvl: i for i, lvl in enumerate(levels)}
    if n_articles > MAX_ROWS:
        span = rows.groupby("article")["value"].agg(
            lambda v: (min(rank.get(x, 0) for x in v), max(rank.get(x, 0) for x in v)))
        counts = pd.Series(0, index=list(levels))
        mixed = 0
        for lo, hi in span:
            counts[levels[hi]] += 1
            mixed += hi - lo >= 2
        ax.barh(list(levels), counts.values, color=[STANCE_COLOURS.get(x, "#888") for x in levels])
        ax.set_xlabel("articles (by the strongest claim they make)")
        ax.set_title(f"{label.capitalize()}: {n_articles} articles; {mixed} contradict "
                     "themselves", loc="left", fontsize=11)
        return fig
    within = set()
    if len(conflicts):
        hits = conflicts[(conflicts["topic"] == topic) & (conflicts["kind"] == "within-source")]
        within = set(hits["articles"])
    articles = sorted(rows["article"].unique())
    for y, article in enumerate(articles):
        mine = rows[rows["article"] == article]
        xs = [rank.get(v, 0) for v in mine["value"]]
        ax.plot([min(xs), max(xs)], [y, y], color="#9D0208" if article in within else "#BBBBBB",
                lw=2, zorder=1)
        offsets = np.linspace(-0.15, 0.15, len(xs)) if len(xs) > 1 else [0]
        for x, off, v, hedged in zip(xs, offsets, mine["value"], mine["hedged"]):
            colour = STANCE_COLOURS.get(v, "#888888")
            ax.scatter([x], [y + off], s=60, zorder=2, edgecolors=colour, gid="stance-claim",
                       facecolors="white" if bool(hedged) else colour, linewidths=1.5)
    ax.set_yticks(range(len(articles)), [short(a) for a in articles], fontsize=8)
    ax.set_xticks(range(len(levels)), levels)
    ax.set_xlim(-0.5, len(levels) - 0.5)
    ax.set_ylim(len(articles) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"{label.capitalize()} stance per article (hollow = hedged; red line = "
                 "contradicts itself)", loc="left", fontsize=11)
    return fig


# ------------------------------------------------------------------------ legal status
def plot_legal_status(data: Any, *, topic: str = "legal_status", ax=None) -> Figure:
    """Jurisdiction × article grid coloured by status (two statuses split the cell);
    cells in a cross-source conflict are outlined; federal/national scopes first."""
    assertions, conflicts, _ = _tables(data)
    rows = assertions[assertions["topic"] == topic]
    if rows.empty:
        fig, ax = _figure(ax, 8, 2.5)
        _empty(ax, "No legal-status claims found")
        return fig
    if rows["article"].nunique() > MAX_ROWS:
        return _legal_distribution(rows, conflicts, topic, ax)
    keep, dropped = _top_articles(rows, MAX_ROWS)
    rows = rows[rows["article"].isin(keep)]
    order = {"US federal": 0, "all US states": 1, "general": 2, "international": 3,
             "European Union": 4, "many US states": 5}
    juris = sorted(rows["scope"].fillna("general").unique(), key=lambda j: (order.get(j, 9), j))
    juris = juris[:30]
    fig, ax = _figure(ax, max(7, 2 + 0.55 * len(keep)), 1.6 + 0.42 * len(juris))
    conflicted: set[tuple[str, str]] = set()
    if len(conflicts):
        for r in conflicts[(conflicts["topic"] == topic)].itertuples():
            for a in str(r.articles).split(";"):
                conflicted.add((r.scope, a))
    for xi, article in enumerate(keep):
        for yi, j in enumerate(juris):
            statuses = sorted(set(rows[(rows["article"] == article) &
                                       (rows["scope"].fillna("general") == j)]["value"]))
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
    ax.set_xticks([i + 0.5 for i in range(len(keep))], [short(a, 22) for a in keep],
                  rotation=35, ha="right", fontsize=8)
    ax.set_yticks([i + 0.5 for i in range(len(juris))], [short(j, 24) for j in juris],
                  fontsize=8)
    used = sorted(set(rows["value"]))
    handles = [Rectangle((0, 0), 1, 1, color=STATUS_COLOURS.get(s, "#999")) for s in used]
    ax.legend(handles, used, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    title = "Legal status by jurisdiction (outlined = in conflict)"
    if dropped:
        title += f"; top {len(keep)} articles, {dropped} more in assertions.csv"
    ax.set_title(title, loc="left", fontsize=11)
    return fig


def _legal_distribution(rows: pd.DataFrame, conflicts: pd.DataFrame, topic: str, ax) -> Figure:
    """Many articles: per jurisdiction, how many articles give each status."""
    counts = (rows.drop_duplicates(["article", "scope", "value"])
              .groupby(["scope", "value"]).size().unstack(fill_value=0))
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False).index[:25]]
    fig, ax = _figure(ax, 10, 1.6 + 0.38 * len(counts))
    left = np.zeros(len(counts))
    for status in [s for s in STATUS_COLOURS if s in counts.columns]:
        ax.barh([short(j, 26) for j in counts.index], counts[status], left=left,
                color=STATUS_COLOURS[status], label=status)
        left += counts[status].to_numpy()
    in_conflict = set(conflicts.loc[conflicts["topic"] == topic, "scope"]) if len(
        conflicts) else set()
    for y, j in enumerate(counts.index):
        if j in in_conflict:
            ax.text(left[y], y, "  ⚠ conflict", va="center", fontsize=8, color="#9D0208")
    ax.invert_yaxis()
    ax.set_xlabel("articles")
    ax.legend(fontsize=7, loc="lower right")
    ax.set_title(f"Legal status by jurisdiction: {rows['article'].nunique()} articles",
                 loc="left", fontsize=11)
    return fig


# ------------------------------------------------------------------------ credentials
def plot_credentials(data: Any, *, topic: str = "author_credentials", ax=None) -> Figure:
    """Authors side by side: name, degrees, certifications, years, affiliations, flags
    (copied bios and implausible credentials)."""
    assertions, conflicts, _ = _tables(data)
    all_rows = assertions[assertions["topic"] == topic]
    rows = all_rows.head(MAX_TABLE_ROWS)
    fig, ax = _figure(ax, 12, 1.0 + 0.75 * max(1, len(rows)))
    if rows.empty:
        _empty(ax, "No author or reviewer credentials found")
        return fig
    copied: dict[str, str] = {}
    if len(conflicts):
        for r in conflicts[(conflicts["topic"] == topic) &
                           (conflicts["kind"] == "cross-source")].itertuples():
            arts = str(r.articles).split(";")
            shown = set(rows["article"])
            for a in arts:
                if a not in shown:
                    continue
                others = [o for o in arts if o != a]
                copied[a] = ("COPIED BIO: also in " + ", ".join(short(o, 14) for o in others[:3])
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
        flags = "; ".join(filter(None, [copied.get(r.article, ""), str(r.flags or "")]))
        values = [r.article, r.value, r.degrees or "", r.certifications or "",
                  "" if pd.isna(r.years_experience) else f"{int(r.years_experience)}",
                  r.affiliations or "", flags]
        if flags:
            ax.add_patch(Rectangle((sum(widths[:-1]), y - 0.4), widths[-1], 0.95,
                                   facecolor="#FBE3D6", edgecolor="none"))
        x = 0
        for v, w in zip(values, widths):
            text = "\n".join(textwrap.wrap(short(v, 200), int(w * 1.15))[:4]) or "—"
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
    assertions, conflicts, articles = _tables(data)
    if topics_table is None and hasattr(data, "topics"):
        topics_table = data.topics
    article_ids = list(articles["article"]) if len(articles) else sorted(
        assertions["article"].unique())
    schema = getattr(data, "schema", None)
    order = list(schema.topics) if schema is not None else []
    present = set(assertions["topic"])
    topics = [t for t in order if t in present] + sorted(present - set(order))
    if topics_table is not None and len(topics_table):
        topics += [t for t in dict.fromkeys(topics_table[~topics_table["schema"].astype(bool)]
                                            ["topic"]) if t not in topics]
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
        for s, colour in CELL_COLOURS.items():
            ax.barh([short(t, 26) for t in shares.index], shares[s], left=left, color=colour,
                    label=s)
            left += shares[s].values
        ax.invert_yaxis()
        ax.set_xlabel(f"articles (of {n_art})")
        ax.legend(fontsize=7, loc="lower right")
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
    ax.set_yticks([i + 0.5 for i in range(n_art)], [short(a) for a in state.index], fontsize=8)
    handles = [Rectangle((0, 0), 1, 1, color=c) for c in CELL_COLOURS.values()]
    ax.legend(handles, list(CELL_COLOURS), fontsize=7, loc="upper left",
              bbox_to_anchor=(1.01, 1))
    ax.set_title("Source × topic", loc="left", fontsize=11)
    return fig


def plot_conflict_summary(data: Any, *, ax=None) -> Figure:
    """Conflicts per topic, split into cross-source and within-source, most first."""
    _, conflicts, _ = _tables(data)
    fig, ax = _figure(ax, 8, 3)
    if conflicts is None or conflicts.empty:
        _empty(ax, "No conflicts found")
        return fig
    table = conflicts.groupby(["topic", "kind"]).size().unstack(fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=True).index]
    left = np.zeros(len(table))
    for kind, colour in (("cross-source", "#E07A5F"), ("within-source", "#9D0208")):
        if kind in table:
            ax.barh([t.replace("_", " ") for t in table.index], table[kind], left=left,
                    color=colour, label=kind)
            left += table[kind].values
    ax.set_xlabel("conflicts")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8)
    ax.set_title("Conflicts per topic", loc="left", fontsize=11)
    return fig


def all_figures(analysis: Any) -> dict[str, Figure]:
    """Every chart of a run, keyed by the PNG file name it is saved under."""
    figures = {
        "topic_matrix": plot_topic_matrix(analysis),
        "conflicts_per_topic": plot_conflict_summary(analysis),
        "dose_ranges": plot_dose_ranges(analysis),
    }
    schema = getattr(analysis, "schema", None)
    scale_topics = [t for t in schema.of_kind("scale")] if schema else []
    for t in scale_topics or []:
        figures[f"stance_{t.key}"] = plot_stance(analysis, topic=t.key,
                                                 levels=tuple(t.get("levels", [])))
    if not scale_topics:
        figures["stance_addiction_risk"] = plot_stance(analysis)
    figures["legal_status"] = plot_legal_status(analysis)
    figures["author_credentials"] = plot_credentials(analysis)
    return figures


def close_all(figures: dict[str, Figure]) -> None:
    for fig in figures.values():
        plt.close(fig)
