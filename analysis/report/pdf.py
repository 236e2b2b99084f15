"""report.pdf: a summary page, the charts with captions, each conflict quoted with its
offsets, the independence and credibility pages, and the input manifest.

Pages are matplotlib figures of laid-out text, so the PDF needs nothing beyond the
charting library the charts already use.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

from .. import schema  # noqa: E402
from ..errors import Failure, run_stage  # noqa: E402
from .charts import article_keys, article_titles, clip, prepare  # noqa: E402

matplotlib.rcParams["pdf.fonttype"] = 42  # TrueType: text in the PDF stays searchable


PAGE = (8.27, 11.69)  # A4 portrait, inches
MAX_CONFLICT_PAGES = 6
CONFLICTS_PER_PAGE = 4
MANIFEST_ROWS_PER_PAGE = 55
MAX_MANIFEST_PAGES = 4
ARTICLES_PER_PAGE = 60
MAX_ARTICLE_PAGES = 2



def _safe(text: object) -> str:
    """Text for matplotlib: '$' would start mathtext."""
    return str(text).replace("$", r"\$")


def _wrap(text: object, width: int, max_lines: int | None = None) -> str:
    """Wrap each paragraph of `text` (newlines kept) to `width`; cap the line count."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        lines.extend(textwrap.wrap(" ".join(paragraph.split()), width) or [""])
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1] + "…"
    return _safe("\n".join(lines))


Block = tuple[str, float, str]  # text (already wrapped), font size, style


def _text_page(pdf: PdfPages, title: str, blocks: list[Block]) -> None:
    """A page of text blocks laid out top to bottom. Style: 'bold', 'normal' or 'mono'."""
    fig = plt.figure(figsize=PAGE)
    try:
        fig.text(0.06, 0.965, _safe(title), fontsize=15, weight="bold", va="top")
        y = 0.925
        for text, size, style in blocks:
            lines = text.count("\n") + 1
            height = lines * size * 1.32 / 72 / PAGE[1]
            if y - height < 0.03:
                fig.text(0.06, y, "… (continued in the CSV files)", fontsize=8, va="top",
                         style="italic")
                break
            fig.text(0.06, y, text, fontsize=size, va="top", linespacing=1.25,
                     weight="bold" if style == "bold" else "normal",
                     family="DejaVu Sans Mono" if style == "mono" else "DejaVu Sans")
            y -= height + 0.012
        pdf.savefig(fig)
    finally:
        plt.close(fig)


def _failure_page(pdf: PdfPages, failures: list[Failure], title: str) -> None:
    """Which parts failed and why, one line each."""
    lines = [_wrap(f"• {f.line}", 105) for f in failures]
    consequences = sorted({f.consequence for f in failures})
    _text_page(pdf, title, [
        (_wrap("The run went on without these parts: " + "; ".join(consequences) + ". Run "
               "the command again with --debug for the tracebacks.", 105), 9, "normal"),
        (_safe("\n".join(lines)), 8.5, "normal")])


def _severity(value: float) -> str:
    return "?" if pd.isna(value) else f"{value:.2f}"


def _where(r) -> str:
    """An input's file name, with its line for JSONL/CSV rows."""
    return Path(r.input).name + (f":{r.line:.0f}" if pd.notna(r.line) else "")


def _counts(run) -> dict:
    """The run's totals: counted from its tables, or — for a cluster run, whose client
    holds only a sample of its rows — taken from `run.totals` (see engine.summary)."""
    totals = getattr(run, "totals", None)
    if totals:
        inputs = totals["inputs"]
        return {"articles": totals["articles"], "words": totals["words"],
                "inputs": sum(inputs.values()), "ok": inputs.get("ok", 0),
                "skipped": inputs.get("skipped", 0), "failed": inputs.get("failed", 0),
                "assertions": totals["assertions"], "conflicts": totals["conflicts"],
                "within": totals["within"], "per_topic": pd.Series(totals["per_topic"]),
                "conflicts_per_topic": pd.Series(totals["conflicts_per_topic"]),
                "articles_per_topic": pd.Series(totals["articles_per_topic"])}
    m, art, a, c = run.manifest, run.articles, run.assertions, run.conflicts
    if "words" in art and len(art):
        words = int(art["words"].sum())
    elif "text" in art and len(art):
        words = int(art["text"].str.split().str.len().sum())
    else:
        words = 0
    none = pd.Series(dtype=int)
    return {"articles": len(art), "words": words, "inputs": len(m),
            "ok": int(m["status"].eq("ok").sum()), "skipped": int(m["status"].eq("skipped").sum()),
            "failed": int(m["status"].eq("failed").sum()), "assertions": len(a),
            "conflicts": len(c), "within": int(c["kind"].eq("within-source").sum()) if len(c)
            else 0, "per_topic": a.groupby("topic").size() if len(a) else none,
            "conflicts_per_topic": c.groupby("topic").size() if len(c) else none,
            "articles_per_topic": a.groupby("topic")["article"].nunique() if len(a) else none}


def _summary_blocks(run, failures: list[Failure] = ()) -> list[Block]:
    m = run.manifest
    n = _counts(run)
    blocks: list[Block] = [(_wrap(
        f"{n['articles']} articles analysed ({n['words']:,} words) from {n['inputs']} inputs: "
        f"{n['ok']} ok, {n['skipped']} skipped, {n['failed']} failed. {n['assertions']} "
        f"assertions, {n['conflicts']} conflicts ({n['within']} of them within one article).",
        100), 10, "normal")]
    totals = getattr(run, "totals", None)
    if totals:
        blocks.append((_wrap(
            f"A cluster run: the charts are drawn from {totals['sampled']:,} of the "
            f"{n['articles']:,} articles (those in the strongest conflicts, then a fixed "
            f"sample), and the pages quote the strongest {len(run.conflicts):,} conflicts; "
            "every row is in the run directory's Parquet datasets (assertions.parquet/, "
            "conflicts.parquet/, ...).", 100), 9, "normal"))
    if failures:
        blocks.append((_wrap(f"{len(failures)} part(s) of this run failed and were left out: "
                             + "; ".join(f.label for f in failures) + ". The next page says "
                             "why.", 100), 10, "bold"))
    bad = m[m["status"] != "ok"]
    if len(bad):
        lines = [f"• {_where(r)} — {r.status}: {r.reason}" for r in bad.head(8).itertuples()]
        unlisted = n["skipped"] + n["failed"] - 8
        if unlisted > 0:
            lines.append(f"… and {unlisted} more (see the manifest appendix)")
        blocks += [("Inputs not analysed", 11, "bold"), (_wrap("\n".join(lines), 110), 8,
                                                          "normal")]
    counts, ccounts = n["per_topic"], n["conflicts_per_topic"]
    per_article = n["articles_per_topic"]
    rows = [f"{'topic':<24}{'articles':>10}{'assertions':>12}{'conflicts':>11}"]
    for topic in sorted(set(counts.index) | set(ccounts.index)):
        rows.append(f"{str(topic)[:23]:<24}{int(per_article.get(topic, 0)):>10}"
                    f"{int(counts.get(topic, 0)):>12}{int(ccounts.get(topic, 0)):>11}")
    blocks += [("Assertions and conflicts per topic", 11, "bold"),
               (_safe("\n".join(rows)), 9, "mono"), ("Strongest conflicts", 11, "bold")]
    top = [f"{i}. [{_severity(r.severity)}] {r.topic} ({r.kind}): {r.summary}"
           for i, r in enumerate(run.conflicts.head(15).itertuples(), 1)]
    blocks.append((_wrap("\n".join(top) if top else "None found.", 112), 8, "normal"))
    return blocks


def _conflict_pages(pdf: PdfPages, conflicts: pd.DataFrame) -> int:
    shown = conflicts.head(MAX_CONFLICT_PAGES * CONFLICTS_PER_PAGE)
    pages = 0
    for start in range(0, len(shown), CONFLICTS_PER_PAGE):
        blocks: list[tuple[str, float, str]] = []
        for i, r in enumerate(shown.iloc[start:start + CONFLICTS_PER_PAGE].itertuples(),
                              start + 1):
            blocks.append((_wrap(f"{i}. {r.topic} — {r.kind} — severity "
                                 f"{_severity(r.severity)}", 90), 10, "bold"))
            blocks.append((_wrap(r.summary, 105, 3), 8.5, "normal"))
            folded = getattr(r, "folded", 0)
            if pd.notna(folded) and folded > 0:
                blocks.append((f"(+{folded:.0f} similar pairs folded into this group)", 7.5,
                               "normal"))
            quotes = str(r.evidence).split(schema.EVIDENCE_SEPARATOR)
            where = str(getattr(r, "locations", "") or "").split(schema.EVIDENCE_SEPARATOR)
            sections = str(getattr(r, "sections", "") or "").split(schema.EVIDENCE_SEPARATOR)
            for k, quote in enumerate(quotes[:4]):
                loc = where[k] if k < len(where) else ""
                sec = sections[k] if k < len(sections) and sections[k] not in ("", "nan") else ""
                head = f"{loc.replace('@', ' at characters ')}" + (f" — section “{sec[:60]}”"
                                                                     if sec else "")
                blocks.append((_wrap(head, 115), 7.5, "bold"))
                blocks.append((_wrap(f"“{quote}”", 118, 7), 7.5, "normal"))
        suffix = ""
        if start + CONFLICTS_PER_PAGE >= len(shown) and len(conflicts) > len(shown):
            suffix = f" (top {len(shown)} of {len(conflicts)}; all in conflicts.csv)"
        _text_page(pdf, "Conflicts, quoted" + suffix, blocks)
        pages += 1
    if not len(shown):
        _text_page(pdf, "Conflicts, quoted", [("No conflicts found.", 10, "normal")])
        pages += 1
    return pages


def _table_lines(frame: pd.DataFrame, columns: list[tuple], limit: int) -> str:
    """A monospace table; each column is (name, width) or (name, width, header label)."""
    cols = [(c[0], c[1], c[2] if len(c) > 2 else c[0]) for c in columns]
    lines = ["".join(f"{label[:w - 1]:<{w}}" for _, w, label in cols)]
    for r in frame.head(limit).to_dict("records"):
        lines.append("".join(f"{clip('' if pd.isna(r.get(c)) else r.get(c), w - 1):<{w}}"
                             for c, w, _ in cols))
    if len(frame) > limit:
        lines.append(f"… {len(frame) - limit} more rows in the CSV")
    return _safe("\n".join(lines))


def _beyond_pages(pdf: PdfPages, run) -> None:
    """Independence, credibility signals, cited studies, departures from the reference."""
    signals = getattr(run, "signals", pd.DataFrame())
    copies = getattr(run, "copies", pd.DataFrame())
    agreement = getattr(run, "agreement", pd.DataFrame())
    studies = getattr(run, "studies", pd.DataFrame())
    departures = getattr(run, "departures", pd.DataFrame())
    blocks: list[Block] = [(_wrap(
        "Copied text: near-identical sentences and bios in different articles (copies.csv). "
        "Articles that copy each other form one source group; agreement between copies "
        "counts once (agreement.csv).", 110), 8.5, "normal")]
    if len(copies):
        blocks.append((f"{len(copies)} copied spans", 10, "bold"))
        for r in copies.head(6).itertuples():
            blocks.append((_wrap(f"{r.kind}, {r.similarity:.0f}% — {r.article_a} at "
                                 f"{r.start_a}-{r.end_a} ≈ {r.article_b} at {r.start_b}-"
                                 f"{r.end_b}: “{str(r.text_a)[:220]}”", 120, 4), 7.5, "normal"))
    else:
        blocks.append(("No copied sentences or bios found.", 9, "normal"))
    if len(agreement):
        blocks.append(("Claims made by several articles, with independent sources", 10, "bold"))
        blocks.append((_table_lines(agreement, [("topic", 22), ("value", 22), ("scope", 18),
                                                ("n_articles", 12), ("n_independent", 14)],
                                    14), 7.5, "mono"))
    if len(studies):
        blocks.append(("Cited studies (studies.csv)", 10, "bold"))
        blocks.append((_table_lines(studies, [("article", 24), ("journal", 38), ("year", 6),
                                              ("population", 12)], 12), 7.5, "mono"))
    _text_page(pdf, "Independence, copies and cited studies", blocks)
    if len(signals):
        cols = [("article", 24), ("author_named", 24, "author"),
                ("credentials_plausible", 10, "plausible"), ("studies_cited", 8, "studies"),
                ("hedged_share", 8, "hedged"), ("absolute_claims", 9, "absolute"),
                ("date_present", 7, "dated"), ("commercial_intent", 9, "selling"),
                ("copied_sentences", 8, "copied")]
        legend = ("Columns: author named; credentials plausible (no = a flag, see "
                  "signals.csv for the evidence); identifiable studies cited; share of "
                  "hedged claims; absolute wording ('proven', 'no side effects'); a date; "
                  "commercial intent (shop links, prices, coupons); copied sentences.")
        flagged = signals[signals["unique_affiliations"].fillna("") != ""]
        extra = [(_wrap("Affiliations named nowhere else in the batch: " + "; ".join(
            f"{r.article}: {r.unique_affiliations}" for r in flagged.head(8).itertuples()),
            110), 8, "normal")] if len(flagged) else []
        _text_page(pdf, "Credibility signals per article", [
            (_wrap(legend, 110), 8.5, "normal"),
            (_table_lines(signals, cols, 45), 6.5, "mono")] + extra)
    if len(departures):
        blocks = []
        for r in departures.head(24).itertuples():
            blocks.append((_wrap(f"{r.article} — {r.topic} (severity {r.severity:.2f}): "
                                 f"{r.summary}", 110, 3), 8, "normal"))
        _text_page(pdf, "Departures from the reference", blocks)


def _article_pages(pdf: PdfPages, run) -> None:
    """The key each chart shows for an article, its id and its title — when ids are too
    long or opaque to read on a chart, or titles say what the articles are."""
    ids = list(dict.fromkeys(run.articles["article"]))
    keys = article_keys(ids + list(run.assertions["article"]))
    titles = article_titles(run.articles)
    if not titles and all(keys[a] == a for a in ids):
        return  # the charts show the ids themselves, and there is nothing to add
    shown = ids[:ARTICLES_PER_PAGE * MAX_ARTICLE_PAGES]
    with_keys = any(keys[a] != a for a in shown)
    width = max([len(keys[a]) for a in shown] + [3]) + 2 if with_keys else 0
    head = "Articles: key (as the charts show it), id and title" \
        if with_keys else "Articles: id and title"
    for start in range(0, len(shown), ARTICLES_PER_PAGE):
        lines = [f"{'key' if with_keys else '':<{width}}{'article id':<34}title"]
        lines += [f"{keys[a] if with_keys else '':<{width}}{clip(a, 32):<34}"
                  f"{clip(titles.get(a, '—'), 120 - width)}"
                  for a in shown[start:start + ARTICLES_PER_PAGE]]
        title = head
        if len(ids) > len(shown) and start + ARTICLES_PER_PAGE >= len(shown):
            title = f"Articles (first {len(shown)} of {len(ids)}; all in articles.csv)"
        _text_page(pdf, title, [(_safe("\n".join(lines)), 6.5, "mono")])


def _manifest_pages(pdf: PdfPages, manifest: pd.DataFrame) -> None:
    # Problems first: in a large batch they are what a reader looks for here.
    ordered = pd.concat([manifest[manifest["status"] != "ok"],
                         manifest[manifest["status"] == "ok"]])
    rows = ordered.head(MANIFEST_ROWS_PER_PAGE * MAX_MANIFEST_PAGES)
    for start in range(0, max(1, len(rows)), MANIFEST_ROWS_PER_PAGE):
        lines = []
        for r in rows.iloc[start:start + MANIFEST_ROWS_PER_PAGE].itertuples():
            lines.append(f"{clip(_where(r), 38):<40}{clip(r.status, 8):<9}"
                         f"{clip(r.article, 24):<26}{clip(r.reason, 60)}")
        title = "Appendix: input manifest"
        if len(manifest) > len(rows) and start + MANIFEST_ROWS_PER_PAGE >= len(rows):
            title += f" (first {len(rows)} of {len(manifest)}; all in manifest.csv)"
        _text_page(pdf, title, [(_safe("\n".join(lines) or "No inputs."), 6.5, "mono")])


CAPTIONS = {
    "topic_matrix": "Each row is an article, each column a topic (schema topics first, then "
                    "topics several articles share). Green: makes claims others share; orange:"
                    " disagrees with another article; dark red: contradicts itself.",
    "conflicts_per_topic": "How many conflicts each topic has; the conflict pages quote both "
                           "sides of each.",
    "dose_ranges": "One bar per dose claim, grouped by article; colour = level of use. "
                   "Arrows are open-ended claims (\"up to\", \"upwards of\"). Bars that do "
                   "not overlap across articles are disagreements.",
    "legal_status": "Status each article gives per jurisdiction; a split cell holds two "
                    "statuses. Outlined cells take part in a conflict for that jurisdiction.",
    "author_credentials": "Authors and reviewers as the articles present them. Flags: copied "
                          "bios under other names, and credentials that do not fit together.",
}


def _chart_page(pdf: PdfPages, name: str, fig) -> None:
    caption = CAPTIONS.get(name) or (
        "Each dot is one sentence's claim on the scale; hollow dots are hedged; a red "
        "line joins the claims of an article that contradicts itself."
        if name.startswith("stance_") else "")
    if caption:
        fig.supxlabel(_wrap(caption, 150), fontsize=7.5, x=0.01, ha="left", color="#444444")
    pdf.savefig(fig)


def render_pdf(run, figures: dict, path: Path, *, failures: list[Failure] | None = None,
               strict: bool = False) -> None:
    """report.pdf: summary, what failed (if anything), the charts, the conflicts quoted,
    independence and credibility, and the manifest.

    Each page (or group of pages) is isolated: one that fails is recorded in `failures`
    and replaced by a page saying so; without a `failures` list, or with `strict`, it
    raises `StageError` instead."""
    view = prepare(run)
    with PdfPages(path, metadata={"Title": "crosscheck report", "Creator": "crosscheck"}) as pdf:
        def part(stage: str, draw, *args) -> None:
            before = len(failures) if failures is not None else 0
            run_stage(stage, draw, pdf, *args, failures=failures, strict=strict)
            if failures is not None and len(failures) > before:
                _failure_page(pdf, failures[before:], "This part of the report failed")

        before = list(failures or [])
        run_stage("page:summary", lambda: _text_page(pdf, "crosscheck report — summary",
                                                     _summary_blocks(view, before)),
                  failures=failures, strict=strict)
        if failures:  # the batch stages and charts that failed so far, and the summary
            _failure_page(pdf, failures, "Parts of this run that failed")
        part("page:articles", _article_pages, view)
        for name, fig in figures.items():
            part(f"chart:{name}", _chart_page, name, fig)
        part("page:conflicts", _conflict_pages, view.conflicts)
        part("page:sources", _beyond_pages, view)
        part("page:manifest", _manifest_pages, view.manifest)
