"""Inputs cut into blocks that a worker reads by itself.

`plan_inputs` walks the inputs (on a worker: the client never lists them) and cuts them
into blocks: runs of small files (about `FILES_BYTES` of them), and byte ranges of large
JSONL and CSV files (about `TABLE_BYTES` each). A range starts just after a line end —
for CSV one outside any quoted field, found by counting quote characters, as RFC 4180
quoting makes an even count mean "between rows" — and knows the number of its first
line, so manifest rows and ids built from line numbers are those of one reader going
through the whole file. A CSV range also gets the file's header row. Files whose text
encoding is not ASCII-compatible (UTF-16/32), whose header lacks a `text` column, or
that are empty or binary, stay whole.

`read_block` reads one block with the ingest module's own readers, so every article,
manifest row and message is the one `ingest()` would make — except the article id,
which depends on ids taken earlier in the batch: a block records the id each article
wants, and `resolve_ids` replays the batch-wide renaming (`x`, `x~2`, ...) over all
blocks in order, returning only the few ids that change.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import schema
from ..ingest import (
    TABLE_SUFFIXES,
    _Batch,
    _cut_utf8,
    _read_csv,
    _read_file,
    _read_jsonl,
    decode,
    discover,
    safe_id,
)
from ..ingest.decode import NotText

FILES_BYTES = 8_000_000  # small files per block, by size
MAX_FILES = 4_000  # and by count
TABLE_BYTES = 16_000_000  # bytes per block of a large JSONL/CSV file
_CHUNK = 8_000_000  # bytes scanned at a time when cutting a file


@dataclass(frozen=True)
class FilesBlock:
    """Whole files, read one after another: (path as shown, path to open)."""

    files: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableBlock:
    """Bytes [start, end) of a JSONL or CSV file; `first_line` is the number of its first
    line, `header` the CSV header row (None for JSONL and for the block holding it)."""

    shown: str
    path: str
    fmt: str
    encoding: str
    codec: str
    start: int
    end: int
    first_line: int
    header: tuple[str, ...] | None = None


Block = FilesBlock | TableBlock


@dataclass
class Plan:
    blocks: list[Block]
    manifest: list[dict]  # rows for inputs that could not even be listed
    messages: list[str] = field(default_factory=list)


class _BlockBatch(_Batch):
    """A `_Batch` that leaves batch-wide renaming to `resolve_ids`: each article keeps
    the id it wants (sanitised), and the raw id is recorded in order."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(max_bytes=max_bytes)
        self.wanted: list[str] = []

    def unique_id(self, wanted: str) -> tuple[str, str]:
        clean = safe_id(wanted)
        self.wanted.append(wanted)
        return clean, "" if clean == wanted else f"id {wanted!r} sanitised to {clean!r}"


def _shown_paths(inputs: list[tuple[str, str]]) -> tuple[list[str], dict[str, str]]:
    """Absolute roots to walk, and how to turn a path under each back into the path as
    the user gave it (so manifests match a local run's)."""
    roots, back = [], {}
    for given, absolute in inputs:
        roots.append(absolute)
        back[absolute] = str(Path(given))
    return roots, back


def _unshow(path: str, back: dict[str, str]) -> str:
    for absolute, given in back.items():
        if path == absolute or path.startswith(absolute.rstrip(os.sep) + os.sep):
            return given + path[len(absolute.rstrip(os.sep)) if path != absolute
                                else len(absolute):]
    return path


def plan_inputs(inputs: list[tuple[str, str]], *, max_bytes: int,
                files_bytes: int = FILES_BYTES, table_bytes: int = TABLE_BYTES) -> Plan:
    """Blocks for `inputs`, given as (path as the user wrote it, absolute path)."""
    roots, back = _shown_paths(inputs)
    batch = _Batch(max_bytes=max_bytes)
    found = discover(roots, batch)
    for row in batch.manifest:
        row["input"] = _unshow(row["input"], back)
    blocks: list[Block] = []
    pending: list[tuple[str, str]] = []
    size = 0

    def flush() -> None:
        nonlocal pending, size
        if pending:
            blocks.append(FilesBlock(tuple(pending)))
        pending, size = [], 0

    for path in found:
        absolute = str(path)
        shown = _unshow(absolute, back)
        try:
            nbytes = path.stat().st_size
        except OSError:
            nbytes = 0
        table = _table_blocks(shown, absolute, nbytes, table_bytes) if (
            path.suffix.lower() in TABLE_SUFFIXES and nbytes > table_bytes) else None
        if table:
            flush()
            blocks.extend(table)
            continue
        pending.append((shown, absolute))
        size += nbytes
        if size >= files_bytes or len(pending) >= MAX_FILES:
            flush()
    flush()
    return Plan(blocks, batch.manifest, messages_of(batch.manifest))


def messages_of(manifest: list[dict]) -> list[str]:
    """The one-line messages `ingest` prints for manifest rows that are not ok."""
    out = []
    for row in manifest:
        if row["status"] != "ok":
            line = row["line"]
            where = f"{row['input']}:{line}" if line and not pd.isna(line) else row["input"]
            out.append(f"{row['status']} {where}: {row['reason']}")
    return out


def _ascii_compatible(codec: str) -> bool:
    try:
        return "\n".encode(codec) == b"\n" and '"'.encode(codec) == b'"' and \
            codecs.lookup(codec).name not in ("utf-16", "utf-32")
    except (LookupError, UnicodeError):
        return False


def _terminators(data: bytes, start: int = 0, end: int | None = None) -> int:
    """Line ends in data[start:end] as Python's universal newlines count them."""
    end = len(data) if end is None else end
    return (data.count(b"\n", start, end) + data.count(b"\r", start, end)
            - data.count(b"\r\n", start, end))


def _table_blocks(shown: str, path: str, size: int, table_bytes: int) -> list[TableBlock]:
    """Byte ranges of one large JSONL/CSV file, or [] to read it whole."""
    fmt = "csv" if path.lower().endswith(".csv") else "jsonl"
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
        if not head.strip():
            return []
        encoding = decode(head if len(head) < 8192 else _cut_utf8(head)).encoding
    except (OSError, NotText):
        return []
    codec = {"utf-8 (BOM)": "utf-8-sig", "utf-16 (BOM)": "utf-16",
             "utf-32 (BOM)": "utf-32"}.get(encoding, encoding)
    if not _ascii_compatible(codec):
        return []
    cuts = _cut_points(path, table_bytes, quoted=fmt == "csv")
    if len(cuts) < 2:
        return []
    header = None
    if fmt == "csv":
        header = _csv_header(path, codec, cuts)
        if header is None:
            return []
    bounds = cuts + [(size, 0)]
    rest_codec = "utf-8" if codec == "utf-8-sig" else codec
    return [TableBlock(shown=shown, path=path, fmt=fmt, encoding=encoding,
                       codec=codec if k == 0 else rest_codec, start=start,
                       end=bounds[k + 1][0], first_line=lines + 1,
                       header=None if k == 0 else header)
            for k, (start, lines) in enumerate(cuts) if bounds[k + 1][0] > start]


def _cut_points(path: str, table_bytes: int, *, quoted: bool) -> list[tuple[int, int]]:
    """(byte offset, lines before it) for each block start: the first line end at or
    after every `table_bytes` (outside quotes for CSV). Streams the file."""
    cuts = [(0, 0)]
    target = table_bytes
    pos = lines = quotes = 0
    prev_cr = False
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            straddle = 1 if prev_cr and chunk[:1] == b"\n" else 0  # "\r|\n" across chunks
            search = max(0, target - pos)
            while search < len(chunk):
                j = chunk.find(b"\n", search)
                if j < 0:
                    break
                if quoted and (quotes + chunk.count(b'"', 0, j)) % 2:
                    search = j + 1  # inside a quoted field: not a row end
                    continue
                cut = pos + j + 1
                cuts.append((cut, lines + _terminators(chunk, 0, j + 1) - straddle))
                target = cut + table_bytes
                search = max(j + 1, target - pos)
            lines += _terminators(chunk) - straddle
            quotes += chunk.count(b'"') if quoted else 0
            prev_cr = chunk.endswith(b"\r")
            pos += len(chunk)
    if cuts[-1][0] >= pos:
        cuts.pop()  # a cut at the very end starts no block
    return cuts


def _csv_header(path: str, codec: str, cuts: list[tuple[int, int]]) -> tuple[str, ...] | None:
    """The header row, when it is readable and has a `text` column (else None: the
    file is read whole, so its one manifest row says what is wrong)."""
    with open(path, "rb") as fh:
        first = fh.read(cuts[1][0])
    try:
        header = next(csv.reader(io.StringIO(first.decode(codec, errors="replace"),
                                             newline=""), strict=True))
    except (csv.Error, StopIteration):
        return None
    if "text" not in [h.strip().lower() for h in header]:
        return None
    return tuple(header)


@dataclass
class BlockResult:
    """One block's articles (ids as wanted) and manifest rows, plus the raw ids."""

    articles: pd.DataFrame
    manifest: pd.DataFrame
    messages: list[str]
    wanted: list[str]


def read_block(block: Block, *, max_bytes: int) -> BlockResult:
    batch = _BlockBatch(max_bytes)
    if isinstance(block, FilesBlock):
        for shown, path in block.files:
            rows, made = len(batch.manifest), len(batch.articles)
            _read_file(Path(path), batch)
            # Read from the absolute path; shown (and sourced) as the user gave it.
            for row in batch.manifest[rows:]:
                row["input"] = shown
            for row in batch.articles[made:]:
                if row["format"] not in ("jsonl", "csv"):  # a folder name, not a field
                    row["source"] = Path(shown).parent.name or str(Path(shown).parent)
                row["path"] = shown
    else:
        _read_range(block, batch)
    articles = pd.DataFrame(batch.articles, columns=schema.ARTICLES)
    manifest = pd.DataFrame(batch.manifest, columns=schema.MANIFEST)
    for col in ("line", "bytes"):
        manifest[col] = manifest[col].astype("Int64")
    return BlockResult(articles, manifest, messages_of(batch.manifest), batch.wanted)


def _read_range(block: TableBlock, batch: _Batch) -> None:
    with open(block.path, "rb") as fh:
        fh.seek(block.start)
        data = fh.read(block.end - block.start)
    stream = io.StringIO(data.decode(block.codec, errors="replace"), newline="")
    if block.fmt == "jsonl":
        _read_jsonl(stream, block.shown, batch, block.encoding, first_line=block.first_line)
    else:
        _read_csv(stream, block.shown, batch, block.encoding,
                  header=list(block.header) if block.header is not None else None,
                  first_line=block.first_line)


def resolve_ids(wanted: list[list[str]]) -> dict[tuple[int, int], tuple[str, str]]:
    """Replay the batch-wide id renaming over every block's wanted ids, in order:
    {(block, position): (id, manifest note)} for the articles whose id is not simply
    their sanitised wish."""
    batch = _Batch(max_bytes=0)
    renames = {}
    for b, ids in enumerate(wanted):
        for q, w in enumerate(ids):
            final, note = batch.unique_id(w)
            if final != safe_id(w):
                renames[(b, q)] = (final, note)
    return renames


def absolute_inputs(inputs: list[str | os.PathLike]) -> list[tuple[str, str]]:
    """(as given, absolute) for each input, resolved against this process's folder."""
    return [(str(p), os.path.abspath(p)) for p in inputs]


def apply_ids(result: BlockResult, renames: dict[int, tuple[str, str]]) -> BlockResult:
    """The block with the batch-wide ids (`renames`: position -> (id, note))."""
    if not renames:
        return result
    articles, manifest = result.articles.copy(), result.manifest.copy()
    ok = manifest.index[manifest["status"] == "ok"]
    for q, (final, note) in renames.items():
        articles.loc[q, "article"] = final
        manifest.loc[ok[q], ["article", "reason"]] = [final, note]
    return BlockResult(articles, manifest, result.messages, result.wanted)


def read_in_blocks(inputs: list[str | os.PathLike], *, max_bytes: int,
                   files_bytes: int = FILES_BYTES, table_bytes: int = TABLE_BYTES):
    """`ingest()` by way of blocks, in one process: what the cluster engine does spread
    over workers (a reference for tests)."""
    from ..ingest import Ingested

    plan = plan_inputs(absolute_inputs(inputs), max_bytes=max_bytes,
                       files_bytes=files_bytes, table_bytes=table_bytes)
    results = [read_block(b, max_bytes=max_bytes) for b in plan.blocks]
    renames = resolve_ids([r.wanted for r in results])
    results = [apply_ids(r, {q: v for (b, q), v in renames.items() if b == i})
               for i, r in enumerate(results)]
    head = pd.DataFrame(plan.manifest, columns=schema.MANIFEST)
    manifest = pd.concat([head] + [r.manifest for r in results], ignore_index=True)
    for col in ("line", "bytes"):
        manifest[col] = manifest[col].astype("Int64")
    articles = pd.concat([pd.DataFrame(columns=schema.ARTICLES)] +
                         [r.articles for r in results], ignore_index=True)
    messages = plan.messages + [m for r in results for m in r.messages]
    return Ingested(articles, manifest, messages), len(plan.blocks)
