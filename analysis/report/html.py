"""report.html: one self-contained page to explore a run in a browser.

Everything the page shows travels inside it: charts as PNG data URIs, the style sheet
and a small script inline, nothing fetched. It reads with JavaScript off — every
section, table and quote is plain HTML, each conflict a <details> that expands to the
sentences of every side inside their paragraphs, and each side links to the article's
full text, where every assertion is highlighted and labelled. The script only adds
sorting, filtering and paging to the conflicts table.

Article texts, titles and ids are hostile input: the templates are Jinja2 with
autoescaping on, article text is handed to them as plain strings (never as markup), and
the page's Content-Security-Policy lets only its own script and style run (by hash), so a
page full of `<script>` and `onerror=` shows as text and runs nothing.

Size: the page stays under 20 MB (MAX_BYTES). Each side's context is trimmed to a
window that shrinks as the number of sides grows, and full article texts are embedded
most-conflicted first up to a budget (articles past it show their quotes only); a page
still too large is rendered again without paragraph context, then with quotes for the
most severe rows only, and says so.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import schema

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEXTS_FILE = "article_texts.jsonl.gz"
SEP = schema.EVIDENCE_SEPARATOR

MAX_BYTES = 19_000_000  # the page stays under 20 MB: past this, it is rendered leaner
# (characters of full article text embedded, characters of paragraph context around all
# quoted sentences, conflict rows that carry their quotes): the normal page, then leaner ones
LEVELS = ((4_000_000, 1_500_000, None), (2_000_000, 0, None), (1_000_000, 0, 2_000))
CONTEXT_MAX, CONTEXT_MIN = 360, 30  # characters each side of a quoted sentence
TITLE_WIDTH = 90
_LINES = re.compile(r"[^\n]*\n+|[^\n]+")
TOP_CONFLICTS = 10
TABLE_ROWS = 1000  # rows per appendix table (credentials, copies, signals, manifest)


# ---------------------------------------------------------------------------- texts


def save_texts(articles: pd.DataFrame, path: Path) -> None:
    """Article texts as gzipped JSON lines ({"article", "text"}), byte-identical for the
    same texts (no timestamp in the gzip header)."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                 mtime=0, compresslevel=6) as fh:
        for article, text in zip(articles["article"], articles["text"]):
            if not isinstance(text, str):
                continue
            line = json.dumps({"article": str(article), "text": str(text)},
                              ensure_ascii=False)
            fh.write(line.encode("utf-8") + b"\n")


def load_texts(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                texts[str(record["article"])] = str(record["text"])
    return texts


# --------------------------------------------------------------------------- helpers


def _str(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] if " " in text[:width] else text[:width]
    return cut.rstrip(" ,;:.") + "…"


def display_titles(articles: pd.DataFrame) -> dict[str, str]:
    """The article's title, else its first line (cut to a readable length)."""
    titles: dict[str, str] = {}
    n = len(articles)
    # plain lists: iterating a pandas string column goes cell by cell through pyarrow
    given = articles["title"].tolist() if "title" in articles else [""] * n
    texts = articles["text"].tolist() if "text" in articles else [None] * n
    for article, title, text in zip(articles["article"].tolist(), given, texts):
        title = _str(title)
        if not title.strip() and text is not None:
            title = next((line for line in _str(text).splitlines() if line.strip()), "")
        titles[str(article)] = _cut(title, TITLE_WIDTH) if title.strip() else ""
    return titles


def _locations(value: Any) -> list[tuple[str, int, int] | None]:
    out: list[tuple[str, int, int] | None] = []
    for loc in _str(value).split(SEP) if _str(value) else []:
        article, _, span = loc.strip().rpartition("@")
        start, _, end = span.partition("-")
        try:
            out.append((article, int(start), int(end)))
        except ValueError:
            out.append(None)
    return out


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str, str]:
    """(before, sentence, after): the sentence inside its paragraph (the lines it
    touches), trimmed to `width` characters either side at a word boundary."""
    if width <= 0:
        return "", text[start:end], ""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[max(para_start, start - width):start]
    after = text[end:min(para_end, end + width)]
    if start - width > para_start:
        before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
    if end + width < para_end:
        after = after.rsplit(" ", 1)[0] + " …" if " " in after else after + "…"
    return before, text[start:end], after


def _tokens(text: str, spans: dict[tuple[int, int], tuple[str, str, str]]) -> list[tuple]:
    """The text cut into a flat stream for the template: (0, text), (1, id, class, label)
    to open a mark, (2,) to close one. Nested spans nest; a span that crosses an open one
    is clipped to it (none do today: assertion spans are sentences or whole bios)."""
    tokens: list[tuple] = []
    pos = 0
    stack: list[int] = []
    for (start, end) in sorted(spans, key=lambda se: (se[0], -se[1])):
        if not 0 <= start < end <= len(text):
            continue
        while stack and stack[-1] <= start:
            close = stack.pop()
            if close > pos:
                tokens.append((0, text[pos:close]))
                pos = close
            tokens.append((2,))
        ident, cls, label = spans[(start, end)]
        if stack:
            end = min(end, stack[-1])
        if start > pos:
            tokens.append((0, text[pos:start]))
            pos = start
        tokens.append((1, ident, cls, label))
        stack.append(end)
    while stack:
        close = stack.pop()
        if close > pos:
            tokens.append((0, text[pos:close]))
            pos = close
        tokens.append((2,))
    if pos < len(text):
        tokens.append((0, text[pos:]))
    return _paragraph_gaps(tokens)


def _paragraph_gaps(tokens: list[tuple]) -> list[tuple]:
    """After a single line break, a (3,) token: the template draws it as an empty block
    so paragraphs separated by one newline read apart (the text itself is unchanged)."""
    out: list[tuple] = []
    for token in tokens:
        if token[0] != 0 or "\n" not in token[1]:
            out.append(token)
            continue
        for match in _LINES.finditer(token[1]):
            out.append((0, match.group(0)))
            if match.group(0).endswith("\n") and not match.group(0).endswith("\n\n"):
                out.append((3,))
    return out


def _severity_band(severity: float) -> str:
    return "high" if severity >= 0.75 else "mid" if severity >= 0.4 else "low"


def _frame(run, name: str) -> pd.DataFrame:
    frame = getattr(run, name, None)
    return frame if isinstance(frame, pd.DataFrame) else pd.DataFrame()


def _subjects(frame: pd.DataFrame) -> pd.Series:
    if "subject" not in frame:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame["subject"].map(_str).str.strip().str.lower()


# ----------------------------------------------------------------------- the context


class _Articles:
    """Ids, titles, anchors and (within the budget) texts of the run's articles."""

    def __init__(self, run, conflicts: pd.DataFrame, assertions: pd.DataFrame,
                 text_budget: int):
        articles = _frame(run, "articles")
        if "article" not in articles:
            articles = pd.DataFrame({"article": sorted(assertions["article"].map(str).unique())
                                     if "article" in assertions else []})
        self.ids = [str(a) for a in articles["article"]]
        self.titles = display_titles(articles)
        texts = ({str(a): _str(t) for a, t in zip(articles["article"].tolist(),
                                                  articles["text"].tolist())}
                 if "text" in articles else {})
        self.anchor = {a: f"a{k}" for k, a in enumerate(self.ids)}
        # Most-conflicted first, then those with assertions, then the rest, to the budget.
        order: dict[str, None] = {}
        for value in conflicts.get("articles", pd.Series(dtype=object)):
            for a in _str(value).split(";"):
                order.setdefault(a, None)
        for a in assertions.get("article", pd.Series(dtype=object)).unique().tolist():
            order.setdefault(str(a), None)
        for a in self.ids:
            order.setdefault(a, None)
        self.all_texts = texts  # for the context around quotes
        self.texts: dict[str, str] = {}  # embedded in full
        used = 0
        for a in order:
            text = texts.get(a)
            if text and used + len(text) <= text_budget:
                self.texts[a] = text
                used += len(text)
        self.missing_texts = not texts
        self.left_out = sum(1 for a in self.ids if texts.get(a) and a not in self.texts)

    def title(self, article: str) -> str:
        return self.titles.get(article, "")

    def ref(self, article: str) -> dict:
        return {"id": article, "title": self.title(article),
                "href": f"#{self.anchor[article]}" if article in self.texts else ""}


def _mark_id(arts: _Articles, article: str, start: int, end: int) -> str:
    return f"{arts.anchor[article]}-{start}-{end}"


def _conflict_rows(conflicts: pd.DataFrame, arts: _Articles, context_budget: int,
                   quoted_rows: int | None) -> list[dict]:
    n_sides = sum(len(_locations(v)) for v in conflicts.get("locations", []))
    width = int(max(CONTEXT_MIN, min(CONTEXT_MAX, context_budget / max(1, 2 * n_sides))))
    width = width if context_budget else 0
    subjects = _subjects(conflicts).tolist()
    rows = []
    for i, r in enumerate(conflicts.to_dict("records")):
        severity = float(r.get("severity") or 0.0)
        quotes = _str(r.get("evidence")).split(SEP)
        locations = _locations(r.get("locations"))
        sections = _str(r.get("sections")).split(SEP)
        sides = []
        for k, quote in enumerate(quotes):
            loc = locations[k] if k < len(locations) else None
            section = sections[k].strip() if k < len(sections) else ""
            side = {"article": "", "title": "", "section": section, "start": None, "end": None,
                    "before": "", "sentence": quote, "after": "", "href": ""}
            if loc is not None:
                article, start, end = loc
                side.update(article=article, title=arts.title(article), start=start, end=end)
                text = arts.all_texts.get(article)
                if text is not None and text[start:end] == quote:
                    side["before"], _, side["after"] = _context(text, start, end, width)
                    if article in arts.texts:
                        side["href"] = "#" + _mark_id(arts, article, start, end)
            sides.append(side)
        if quoted_rows is not None and i >= quoted_rows:
            sides = []
        ids = [a for a in _str(r.get("articles")).split(";") if a]
        folded = r.get("folded")
        rows.append({
            "n": i + 1, "anchor": f"c-{i + 1}", "severity": severity,
            "band": _severity_band(severity), "topic": _str(r.get("topic")),
            "kind": _str(r.get("kind")), "subject": subjects[i],
            "articles": [arts.ref(a) if a in arts.anchor else {"id": a, "title": "", "href": ""}
                         for a in ids],
            "article_ids": ";".join(ids), "summary": _str(r.get("summary")),
            "scope": _str(r.get("scope")), "detail": _str(r.get("detail")),
            "folded": int(folded) if _str(folded) not in ("", "0") and float(folded) > 0
            else 0,
            "sides": sides,
        })
    return rows


def _article_texts(assertions: pd.DataFrame, conflicts: pd.DataFrame,
                   arts: _Articles) -> list[dict]:
    """Each embedded article's text with every assertion (and conflict side) marked."""
    labels: dict[str, dict[tuple[int, int], list[str]]] = defaultdict(lambda: defaultdict(list))
    if len(assertions):
        shown = assertions[assertions["article"].astype(str).isin(arts.texts)]
        for a, s, e, topic, value in zip(shown["article"].astype(str).tolist(),
                                         shown["start"].tolist(), shown["end"].tolist(),
                                         shown["topic"].tolist(), shown["value"].tolist()):
            if a in arts.texts:
                label = f"{_str(topic)}: {_str(value)}"
                spans = labels[a][(int(s), int(e))]
                if label not in spans:
                    spans.append(label)
    in_conflict: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for value in conflicts.get("locations", []):
        for loc in _locations(value):
            if loc is not None and loc[0] in arts.texts:
                in_conflict[loc[0]].add((loc[1], loc[2]))
                labels[loc[0]].setdefault((loc[1], loc[2]), [])
    out = []
    for article in arts.ids:
        text = arts.texts.get(article)
        if text is None:
            continue
        spans = {}
        for (s, e), names in labels.get(article, {}).items():
            cls = "claim conflict" if (s, e) in in_conflict[article] else "claim"
            label = "; ".join(names) if names else "quoted in a conflict"
            spans[(s, e)] = (_mark_id(arts, article, s, e), cls, label)
        out.append({"id": article, "anchor": arts.anchor[article],
                    "title": arts.title(article), "chars": len(text),
                    "claims": len(spans), "tokens": _tokens(text, spans)})
    return out


def _topic_rows(assertions: pd.DataFrame, conflicts: pd.DataFrame) -> list[dict]:
    counts = assertions.groupby("topic").size() if len(assertions) else pd.Series(dtype=int)
    per_article = (assertions.groupby("topic")["article"].nunique() if len(assertions)
                   else pd.Series(dtype=int))
    ccounts = conflicts.groupby("topic").size() if len(conflicts) else pd.Series(dtype=int)
    return [{"topic": str(t), "articles": int(per_article.get(t, 0)),
             "assertions": int(counts.get(t, 0)), "conflicts": int(ccounts.get(t, 0))}
            for t in sorted(set(counts.index) | set(ccounts.index), key=str)]


def _subject_sections(assertions: pd.DataFrame, conflicts: pd.DataFrame,
                      rows: list[dict]) -> list[dict]:
    """One section per subject, only when the batch has several."""
    a_subjects = _subjects(assertions)
    c_subjects = _subjects(conflicts)
    names = sorted((set(a_subjects) | set(c_subjects)) - {""})
    if len(names) < 2:
        return []
    out = []
    for name in names:
        mine = assertions[a_subjects == name]
        theirs = conflicts[c_subjects == name]
        top = [r for r in rows if r["subject"] == name][:5]
        out.append({"name": name, "slug": f"subject-{names.index(name)}",
                    "articles": int(mine["article"].nunique()) if len(mine) else 0,
                    "assertions": len(mine), "conflicts": len(theirs),
                    "topics": _topic_rows(mine, theirs), "top": top})
    return out


def _cell(value: Any, arts: _Articles | None = None, evidence: Any = None) -> dict:
    text = _str(value)
    if isinstance(value, bool) or text in ("True", "False"):
        text = "yes" if text == "True" else "no"
    elif isinstance(value, float) and not math.isnan(value) and value != int(value):
        text = f"{value:.2f}"
    elif isinstance(value, float) and not math.isnan(value):
        text = str(int(value))
    cell = {"text": text, "href": "", "title": _str(evidence)}
    if arts is not None and text in arts.texts:
        cell["href"] = f"#{arts.anchor[text]}"
        cell["title"] = cell["title"] or arts.title(text)
    return cell


def _table(frame: pd.DataFrame, ident: str, nav: str, title: str, note: str,
           columns: list[tuple[str, str]], arts: _Articles, *, article_cols=("article",),
           evidence: dict[str, str] | None = None) -> dict:
    columns = [(c, label) for c, label in columns if c in frame]
    evidence = evidence or {}
    rows = []
    for r in frame.head(TABLE_ROWS).to_dict("records"):
        rows.append([_cell(r.get(c), arts if c in article_cols else None,
                           r.get(evidence[c]) if c in evidence else None) for c, _ in columns])
    return {"id": ident, "nav": nav, "title": title, "note": note,
            "columns": [lab for _, lab in columns], "rows": rows, "total": len(frame),
            "more": max(0, len(frame) - TABLE_ROWS)}


def _tables(run, assertions: pd.DataFrame, arts: _Articles) -> list[dict]:
    tables = []
    creds = (assertions[assertions["kind"] == "credentials"] if "kind" in assertions
             else assertions.iloc[0:0])
    tables.append(_table(
        creds, "credentials", "Credentials", "Author and reviewer credentials",
        "Every person named as author or reviewer, as the article presents them; flags mark "
        "credentials that do not fit together.",
        [("article", "article"), ("name", "name"), ("role", "role"), ("degrees", "degrees"),
         ("certifications", "certifications"), ("years_experience", "years"),
         ("affiliations", "affiliations"), ("flags", "flags")], arts))
    copies = _frame(run, "copies")
    tables.append(_table(
        copies, "copies", "Copies", "Copied text",
        "Near-identical sentences and bios in different articles (copies.csv); articles that "
        "copy each other count as one source.",
        [("kind", "kind"), ("article_a", "article A"), ("start_a", "from"), ("end_a", "to"),
         ("article_b", "article B"), ("start_b", "from"), ("end_b", "to"),
         ("similarity", "similarity %"), ("text_a", "text (A)")], arts,
        article_cols=("article_a", "article_b")))
    signals = _frame(run, "signals")
    tables.append(_table(
        signals, "signals", "Signals", "Credibility signals per article",
        "Hover a value for the sentence behind it. Columns: author named; credentials "
        "plausible; identifiable studies cited; share of hedged claims; absolute wording; a "
        "date; commercial intent; copied sentences; source group.",
        [("article", "article"), ("author_named", "author"),
         ("credentials_plausible", "plausible"), ("studies_cited", "studies"),
         ("hedged_share", "hedged"), ("absolute_claims", "absolute"),
         ("date_present", "dated"), ("commercial_intent", "selling"),
         ("copied_sentences", "copied"), ("source_group", "source group")], arts,
        evidence={c: f"{c}_evidence" for c in signals.columns
                  if f"{c}_evidence" in signals}))
    departures = _frame(run, "departures")
    if len(departures):
        tables.append(_table(
            departures, "departures", "Departures", "Departures from the reference",
            "Where each article departs from the reference articles, by topic.",
            [("article", "article"), ("topic", "topic"), ("severity", "severity"),
             ("summary", "summary")], arts))
    manifest = _frame(run, "manifest")
    if "status" in manifest:  # problems first: in a large batch they are what one looks for
        manifest = pd.concat([manifest[manifest["status"] != "ok"],
                              manifest[manifest["status"] == "ok"]])
    tables.append(_table(
        manifest, "manifest", "Manifest", "Input manifest",
        "Every input and what happened to it (manifest.csv), problems first.",
        [("input", "input"), ("line", "line"), ("format", "format"), ("bytes", "bytes"),
         ("encoding", "encoding"), ("status", "status"), ("reason", "reason"),
         ("article", "article")], arts))
    return tables


def _summary(run, assertions: pd.DataFrame, conflicts: pd.DataFrame, arts: _Articles) -> dict:
    manifest = _frame(run, "manifest")
    articles = _frame(run, "articles")
    if "words" in articles and len(articles):
        words = int(pd.to_numeric(articles["words"], errors="coerce").fillna(0).sum())
    elif "text" in articles and len(articles):
        words = sum(len(_str(t).split()) for t in articles["text"].tolist())
    else:
        words = 0
    status = manifest["status"] if "status" in manifest else pd.Series(dtype=object)
    within = int(conflicts["kind"].eq("within-source").sum()) if "kind" in conflicts else 0
    bad = manifest[status != "ok"] if len(manifest) else manifest
    subjects = sorted(set(_subjects(assertions)) - {""})
    return {"articles": len(arts.ids), "words": words, "inputs": len(manifest),
            "ok": int(status.eq("ok").sum()), "skipped": int(status.eq("skipped").sum()),
            "failed": int(status.eq("failed").sum()), "assertions": len(assertions),
            "conflicts": len(conflicts), "within": within, "subjects": subjects,
            "bad": [{"input": Path(_str(r.get("input"))).name, "status": _str(r.get("status")),
                     "reason": _str(r.get("reason"))}
                    for r in bad.head(8).to_dict("records")],
            "bad_more": max(0, len(bad) - 8)}


def _charts(figures: dict, png_dir: Path | None) -> list[dict]:
    from . import pdf as pdf_module

    captions = getattr(pdf_module, "CAPTIONS", {})
    out = []
    for name, fig in figures.items():
        path = png_dir / f"{name}.png" if png_dir is not None else None
        if path is not None and path.is_file():
            data = path.read_bytes()
        else:
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=150)
            data = buffer.getvalue()
        caption = captions.get(name) or (
            "Each dot is one sentence's claim on the scale; hollow dots are hedged; a red line "
            "joins the claims of an article that contradicts itself."
            if name.startswith("stance_") else "")
        title = ""
        for ax in fig.axes:
            title = ax.get_title(loc="left") or ax.get_title()
            if title:
                break
        out.append({"name": name, "title": title or name.replace("_", " "),
                    "caption": caption,
                    "src": "data:image/png;base64," + base64.b64encode(data).decode("ascii")})
    return out


# Run before the body is parsed: until the table script has paged the rows, rows past the
# first page are not laid out (report.css), which makes a page with 10,000 conflicts open
# in seconds rather than tens of seconds. Without JavaScript every row shows.
HEAD_SCRIPT = 'document.documentElement.classList.add("cc-loading");'


def _asset(name: str, text: str | None = None) -> tuple[Markup, str]:
    """A packaged script or style sheet (trusted), and its CSP hash."""
    text = (TEMPLATES / name).read_text(encoding="utf-8") if text is None else text
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def build_context(run, charts: list[dict], *, level: int = 0,
                  shared: dict | None = None) -> dict:
    """Everything the template shows, as plain values (strings are escaped on output).
    `level` picks the budgets (LEVELS): higher is leaner. `shared` keeps what no level
    changes (the summary, the topic table) between the levels render_html tries."""
    shared = {} if shared is None else shared
    text_budget, context_budget, quoted_rows = LEVELS[level]
    assertions = _frame(run, "assertions")
    conflicts = _frame(run, "conflicts").reset_index(drop=True)
    arts = _Articles(run, conflicts, assertions, text_budget)
    rows = _conflict_rows(conflicts, arts, context_budget, quoted_rows)
    script, script_hash = _asset("report.js")
    head_script, head_hash = _asset("", HEAD_SCRIPT)
    style, style_hash = _asset("report.css")
    subjects = sorted({r["subject"] for r in rows} - {""})
    in_conflicts = {a["id"] for r in rows for a in r["articles"]}
    return {
        "summary": shared.get("summary") or shared.setdefault(
            "summary", _summary(run, assertions, conflicts, arts)),
        "topics": shared.get("topics") or shared.setdefault(
            "topics", _topic_rows(assertions, conflicts)),
        "top": rows[:TOP_CONFLICTS],
        "subject_sections": _subject_sections(assertions, conflicts, rows),
        "charts": charts,
        "lean": level > 0 and not context_budget,
        "quoted_rows": quoted_rows if quoted_rows is not None and len(rows) > quoted_rows
        else None,
        "rows": rows,
        "filters": {"subjects": subjects if len(subjects) >= 2 else [],
                    "topics": sorted({r["topic"] for r in rows}),
                    "kinds": sorted({r["kind"] for r in rows}),
                    "articles": [arts.ref(a) for a in arts.ids if a in in_conflicts]},
        "tables": _tables(run, assertions, arts),
        "texts": _article_texts(assertions, conflicts, arts),
        "texts_missing": arts.missing_texts, "texts_left_out": arts.left_out,
        "text_file": TEXTS_FILE,
        "script": script, "style": style, "head_script": head_script,
        "csp": (f"default-src 'none'; img-src data:; style-src {style_hash}; "
                f"script-src {head_hash} {script_hash}; base-uri 'none'; form-action 'none'"),
    }


def _estimate(ctx: dict) -> int:
    """About how many bytes the page will take (10-20% over), to skip rendering a level
    whose page would surely be too large."""
    size = 60_000 + sum(len(c["src"]) for c in ctx["charts"])
    for r in ctx["rows"]:
        size += 420 + len(r["summary"]) + 2 * len(r["article_ids"])
        size += sum(40 + len(a["id"]) + len(a["title"]) for a in r["articles"][:4])
        for side in r["sides"]:
            size += 190 + 2 * len(side["article"]) + len(side["title"]) + len(side["section"])
            size += len(side["before"]) + len(side["sentence"]) + len(side["after"])
    for t in ctx["texts"]:
        size += 300 + sum(len(k[1]) if k[0] == 0 else 90 if k[0] == 1 else 20
                          for k in t["tokens"])
    for table in ctx["tables"]:
        size += sum(20 + len(c["text"]) + len(c["title"]) for row in table["rows"] for c in row)
    return int(size * 1.05)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["fmt_int"] = lambda v: f"{int(v):,}"
    env.filters["count"] = lambda v, word: f"{int(v):,} {word}{'' if int(v) == 1 else 's'}"
    return env


def render_html(run, figures: dict, path: Path, *, png_dir: Path | None = None) -> None:
    """Write report.html for `run` (an Analysis or a loaded run directory); PNGs already
    saved in `png_dir` are reused. A page over MAX_BYTES is rendered again, leaner."""
    template = _environment().get_template("report.html")
    charts = _charts(figures, png_dir)
    last = len(LEVELS) - 1
    shared: dict = {}
    for level in range(len(LEVELS)):
        context = build_context(run, charts, level=level, shared=shared)
        if level < last and _estimate(context) > MAX_BYTES * 1.2:  # surely too large
            continue
        data = template.render(**context).encode("utf-8")
        if len(data) <= MAX_BYTES or level == last:
            break
    Path(path).write_bytes(data)
