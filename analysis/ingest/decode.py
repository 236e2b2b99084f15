"""Bytes to text: BOMs first, then strict UTF-8, then charset-normalizer for legacy text.

Scraped folders mix UTF-8, UTF-16 and Windows-1252 files and binaries with a .txt name;
guessing by hand gets the legacy cases wrong, so anything that is not BOM-marked or
valid UTF-8 goes to charset-normalizer. Binaries are recognised by magic bytes and NULs
so they are skipped with a reason that says what they are.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_MAGIC = [
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"SQLite format 3", "SQLite database"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"RIFF", "RIFF media"),
]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


class NotText(ValueError):
    """The bytes are not text we can analyse; the message is the manifest reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of `data`, or None when it looks like text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        # UTF-16 without a BOM has NULs in every other byte; anything else is binary.
        even, odd = head[0::2], head[1::2]
        for zeros, other in ((even, odd), (odd, even)):
            printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in other)
            if zeros.count(0) > 0.6 * len(zeros) and printable > 0.7 * len(other):
                return None
        return "NUL bytes"
    return None


def decode(data: bytes) -> Decoded:
    """Decode `data` to text or raise NotText with a one-line reason."""
    if not data.strip():
        raise NotText("empty file" if not data else "blank file (whitespace only)")
    kind = binary_kind(data)
    if kind:
        raise NotText(f"binary file ({kind}), not text")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.replace("-sig", "") + " (BOM)")
            except UnicodeDecodeError:
                break
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:1_000_000]
    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise NotText("undecodable bytes: no text encoding fits")
    # Windows-1252 is the web's usual legacy encoding; on short, ambiguous samples the
    # detector may name a rarer code page that fits no better, so cp1252 wins ties.
    western = from_bytes(sample, cp_isolation=["cp1252"]).best()
    if western is not None and western.chaos <= best.chaos:
        best = western
    text = data.decode(best.encoding, errors="replace")
    if _control_share(text) > 0.05:
        raise NotText(f"binary data (decodes as {best.encoding} only with control bytes)")
    return Decoded(text, best.encoding)


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
