"""Inputs to the articles table, and a manifest row for every input whatever happened to it.

Scraped folders are messy, so nothing here raises for one bad input: each file, JSONL
line or CSV row becomes exactly one manifest row (`ok`, `skipped` or `failed` with a
one-line reason), and only readable articles reach the articles table.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import schema
from .decode import NotText, decode
from .htmltext import html_to_page, looks_like_html

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000
MAX_ID_LENGTH = 80

csv.field_size_limit(2**31 - 1)


@dataclass
class Ingested:
    """What ingest produced: the readable articles and one manifest row per input."""

    articles: pd.DataFrame
    manifest: pd.DataFrame
    messages: list[str] = field(default_factory=list)


@dataclass
class _Batch:
    max_bytes: int
    articles: list[dict] = field(default_factory=list)
    manifest: list[dict] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    used_ids: dict[str, int] = field(default_factory=dict)

    def record(self, input_: str, status: str, reason: str = "", *, line: int | None = None,
               fmt: str = "", size: int | None = None, encoding: str = "",
               article: str = "") -> None:
        self.manifest.append({"input": input_, "line": line, "format": fmt, "bytes": size,
                              "encoding": encoding, "status": status, "reason": reason,
                              "article": article})
        if status != "ok":
            where = f"{input_}:{line}" if line else input_
            self.messages.append(f"{status} {where}: {reason}")

    def unique_id(self, wanted: str) -> tuple[str, str]:
        """A sanitised id not used before in this batch, plus a note when it changed."""
        clean = safe_id(wanted)
        note = "" if clean == wanted else f"id {wanted!r} sanitised to {clean!r}"
        if clean not in self.used_ids:
            self.used_ids[clean] = 1
            return clean, note
        n = self.used_ids[clean]
        while True:
            n += 1
            candidate = f"{clean}~{n}"
            if candidate not in self.used_ids:
                break
        self.used_ids[clean] = n
        self.used_ids[candidate] = 1
        clash = f"id {clean!r} already used; renamed to {candidate!r}"
        return candidate, f"{note}; {clash}" if note else clash

    def add(self, *, wanted_id: str, text: str, source: str, path: str, fmt: str,
            title: str = "", author: str = "", url: str = "", line: int | None = None,
            size: int | None = None, encoding: str = "") -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            self.record(path, "skipped", "no text after extraction", line=line, fmt=fmt,
                        size=size, encoding=encoding)
            return
        article, note = self.unique_id(wanted_id)
        if not title:
            title = _first_line_title(text)
        self.articles.append({"article": article, "source": source, "path": path,
                              "format": fmt, "title": title, "author": author, "url": url,
                              "text": text, "status": "ok"})
        self.record(path, "ok", note, line=line, fmt=fmt, size=size, encoding=encoding,
                    article=article)


def safe_id(wanted: str) -> str:
    """An article id that is safe as a file name and in a CSV cell: untrusted input."""
    clean = re.sub(r"[^\w.\-~]+", "_", str(wanted).strip(), flags=re.UNICODE).strip("._")
    return clean[:MAX_ID_LENGTH] or "article"


def _first_line_title(text: str) -> str:
    for line in text[:2000].split("\n"):
        line = line.strip().lstrip("#").strip().strip("*").strip()
        if line:
            return line[:150] if len(line) <= 150 else ""
    return ""


def discover(paths: Iterable[str | os.PathLike], batch: _Batch) -> list[Path]:
    """Every candidate file under `paths`, sorted per argument; problems go to the manifest."""
    found: list[Path] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            batch.record(str(path), "failed", "no such file or directory")
            continue
        if path.is_dir():
            found.extend(_walk(path, batch, seen))
        elif path.is_file():
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                found.append(path)
        elif path.is_symlink():
            batch.record(str(path), "failed", "broken or looping symbolic link")
        else:
            batch.record(str(path), "skipped", "not a regular file")
    return found


def _walk(root: Path, batch: _Batch, seen: set[str]) -> Iterator[Path]:
    visited_dirs: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True,
                                                onerror=lambda e: batch.record(
                                                    str(e.filename), "failed",
                                                    f"cannot list folder: {e.strerror}")):
        real = os.path.realpath(dirpath)
        if real in visited_dirs:  # a symlink loop brought us back here
            batch.record(dirpath, "skipped", "folder already visited (symbolic link loop)")
            dirnames[:] = []
            continue
        visited_dirs.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if not path.is_file():
                batch.record(str(path), "failed", "broken or looping symbolic link")
                continue
            key = os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            yield path


def ingest(paths: Iterable[str | os.PathLike] | str | os.PathLike, *,
           max_bytes: int = DEFAULT_MAX_BYTES, reserved_ids: Iterable[str] = ()) -> Ingested:
    """Read files and folders of .txt/.md/.html/.jsonl/.csv into the articles table.

    `reserved_ids`: ids already taken (by the articles of a run being added to); a new
    article wanting one is renamed as if it came after them in one batch.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    batch = _Batch(max_bytes=max_bytes)
    batch.used_ids.update(dict.fromkeys(reserved_ids, 1))
    for path in discover(paths, batch):
        _read_file(path, batch)
    return _finish(batch)


def ingest_frame(frame: pd.DataFrame, *, name: str = "<DataFrame>",
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 reserved_ids: Iterable[str] = ()) -> Ingested:
    """Articles from a DataFrame with `id`/`text` columns (notebook use)."""
    batch = _Batch(max_bytes=max_bytes)
    batch.used_ids.update(dict.fromkeys(reserved_ids, 1))
    cols = {str(c).lower(): c for c in frame.columns}
    if "text" not in cols:
        batch.record(name, "failed", f"no 'text' column (columns found: {list(frame.columns)})",
                     fmt="dataframe")
        return _finish(batch)
    for i, row in enumerate(frame.to_dict("records"), start=1):
        _add_record({str(k).lower(): v for k, v in row.items()}, batch, name, i, "dataframe")
    return _finish(batch)


def _finish(batch: _Batch) -> Ingested:
    articles = pd.DataFrame(batch.articles, columns=schema.ARTICLES)
    manifest = pd.DataFrame(batch.manifest, columns=schema.MANIFEST)
    manifest["line"] = manifest["line"].astype("Int64")
    manifest["bytes"] = manifest["bytes"].astype("Int64")
    return Ingested(articles, manifest, batch.messages)


def _read_file(path: Path, batch: _Batch) -> None:
    suffix = path.suffix.lower()
    shown = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        batch.record(shown, "failed", f"cannot read: {exc.strerror}")
        return
    if suffix not in SUPPORTED:
        reason = f"unsupported file type '{suffix or '(none)'}'"
        try:
            with path.open("rb") as fh:
                head = fh.read(64)
            from .decode import binary_kind
            kind = binary_kind(head)
            if kind:
                reason = f"binary file ({kind}), not text"
        except OSError:
            pass
        batch.record(shown, "skipped", reason, size=size)
        return
    if suffix in TABLE_SUFFIXES:
        _read_table(path, suffix, size, batch)
        return
    if size > batch.max_bytes:
        batch.record(shown, "skipped", f"too large: {size:,} bytes > --max-bytes "
                     f"{batch.max_bytes:,}", size=size, fmt=suffix.lstrip("."))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        batch.record(shown, "failed", f"cannot read: {exc.strerror}", size=size)
        return
    fmt = "html" if suffix in HTML_SUFFIXES else suffix.lstrip(".")
    try:
        decoded = decode(data)
    except NotText as exc:
        batch.record(shown, "skipped", str(exc), size=size, fmt=fmt)
        return
    text, title, author = decoded.text, "", ""
    if fmt == "html" or looks_like_html(text):
        page = html_to_page(text)
        text, title, author, fmt = page.text, page.title, page.author, "html"
    batch.add(wanted_id=path.stem, text=text, source=path.parent.name or str(path.parent),
              path=shown, fmt=fmt, title=title, author=author, size=size,
              encoding=decoded.encoding)


def _read_table(path: Path, suffix: str, size: int, batch: _Batch) -> None:
    shown = str(path)
    fmt = "csv" if suffix == ".csv" else "jsonl"
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        batch.record(shown, "failed", f"cannot read: {exc.strerror}", size=size, fmt=fmt)
        return
    if not head.strip():
        batch.record(shown, "skipped", "empty file", size=size, fmt=fmt)
        return
    try:
        encoding = decode(head if len(head) < 8192 else _cut_utf8(head)).encoding
    except NotText as exc:
        batch.record(shown, "skipped", str(exc), size=size, fmt=fmt)
        return
    codec = {"utf-8 (BOM)": "utf-8-sig", "utf-16 (BOM)": "utf-16",
             "utf-32 (BOM)": "utf-32"}.get(encoding, encoding)
    try:
        with path.open("r", encoding=codec, errors="replace", newline="") as fh:
            if fmt == "jsonl":
                _read_jsonl(fh, shown, batch, encoding)
            else:
                _read_csv(fh, shown, batch, encoding)
    except OSError as exc:
        batch.record(shown, "failed", f"cannot read: {exc.strerror}", size=size, fmt=fmt)


def _cut_utf8(head: bytes) -> bytes:
    """Drop a multi-byte character cut off at the end of a sniffed prefix."""
    for cut in range(0, 4):
        try:
            (head[:-cut] if cut else head).decode("utf-8")
            return head[:-cut] if cut else head
        except UnicodeDecodeError:
            continue
    return head


def _read_jsonl(fh: io.TextIOBase, shown: str, batch: _Batch, encoding: str, *,
                first_line: int = 1) -> None:
    """One article per line; `first_line` numbers the lines of a block of a larger file."""
    for lineno, line in enumerate(fh, start=first_line):
        if not line.strip():
            continue
        nbytes = len(line.encode("utf-8", errors="replace"))
        if nbytes > batch.max_bytes:
            batch.record(shown, "skipped", f"too large: {nbytes:,} bytes > --max-bytes "
                         f"{batch.max_bytes:,}", line=lineno, fmt="jsonl", size=nbytes,
                         encoding=encoding)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            batch.record(shown, "failed", f"malformed JSON: {exc.msg} at column {exc.colno}",
                         line=lineno, fmt="jsonl", size=nbytes, encoding=encoding)
            continue
        if not isinstance(record, dict):
            batch.record(shown, "failed", f"expected a JSON object, got {type(record).__name__}",
                         line=lineno, fmt="jsonl", size=nbytes, encoding=encoding)
            continue
        _add_record({str(k).lower(): v for k, v in record.items()}, batch, shown, lineno,
                    "jsonl", size=nbytes, encoding=encoding)


def _read_csv(fh: io.TextIOBase, shown: str, batch: _Batch, encoding: str, *,
              header: list[str] | None = None, first_line: int = 1) -> None:
    """One article per row. A block of a larger file passes the file's `header` and the
    number of its own first line."""
    reader = csv.reader(fh, strict=True)
    lines = first_line - 1  # lines before this block
    if header is None:
        try:
            header = next(reader)
        except (csv.Error, StopIteration) as exc:
            batch.record(shown, "failed", f"unreadable CSV header: {exc}", fmt="csv",
                         encoding=encoding)
            return
    names = [h.strip().lower() for h in header]
    if "text" not in names:
        batch.record(shown, "failed", f"no 'text' column (columns found: {header})",
                     fmt="csv", encoding=encoding)
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            batch.record(shown, "failed", f"malformed CSV row: {exc}", line=lines + reader.line_num,
                         fmt="csv", encoding=encoding)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            batch.record(shown, "failed", f"row has {len(row)} fields, header has "
                         f"{len(names)}", line=lines + reader.line_num, fmt="csv",
                         encoding=encoding)
            continue
        nbytes = sum(len(c) for c in row)
        if nbytes > batch.max_bytes:
            batch.record(shown, "skipped", f"too large: {nbytes:,} bytes > --max-bytes "
                         f"{batch.max_bytes:,}", line=lines + reader.line_num, fmt="csv",
                         size=nbytes, encoding=encoding)
            continue
        _add_record(dict(zip(names, row)), batch, shown, lines + reader.line_num, "csv",
                    size=nbytes, encoding=encoding)


def _add_record(record: dict, batch: _Batch, shown: str, line: int, fmt: str, *,
                size: int | None = None, encoding: str = "") -> None:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        why = "missing 'text'" if text is None else (
            "'text' is not a string" if not isinstance(text, str) else "empty 'text'")
        batch.record(shown, "skipped" if isinstance(text, str) else "failed", why, line=line,
                     fmt=fmt, size=size, encoding=encoding)
        return
    raw_id = record.get("id")
    wanted = str(raw_id) if raw_id not in (None, "") and not _is_nan(raw_id) else \
        f"{Path(shown).stem}-{line}"

    def field_(name: str) -> str:
        value = record.get(name)
        return "" if value is None or _is_nan(value) else str(value)

    if looks_like_html(text):
        page = html_to_page(text)
        text = page.text
    batch.add(wanted_id=wanted, text=text, source=field_("source") or Path(shown).name,
              path=shown, fmt=fmt, title=field_("title"), author=field_("author"),
              url=field_("url"), line=line, size=size, encoding=encoding)


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and value != value
