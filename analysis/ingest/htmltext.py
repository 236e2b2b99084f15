"""Visible text of an HTML page, with its title and author meta tags.

The standard library's tokenizer is enough here and never touches the network;
scripts, styles, templates and hidden elements are dropped, and block elements become
line breaks so headings and paragraphs segment the way a reader sees them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
         "head", "button", "select", "option", "textarea", "math"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
          "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr",
          "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "form", "address",
          "br", "hr", "caption", "summary", "details", "tbody", "thead"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MAX_DEPTH = 2000


@dataclass(frozen=True)
class Page:
    text: str
    title: str
    author: str


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key in {"author", "article:author", "og:title", "dc.creator"} and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in _VOID:
            if tag in _BLOCK:
                self._newline()
            return
        hides = (tag in _SKIP or "hidden" in a or a.get("aria-hidden", "").lower() == "true"
                 or bool(_HIDDEN_STYLE.search(a.get("style", ""))))
        if len(self.stack) < _MAX_DEPTH:
            self.stack.append((tag, hides))
            self.hidden += hides
        if tag in _BLOCK:
            self._newline()
        elif tag in {"td", "th"} and not self.hidden:
            # A table row stays one line ("Low | 1–2 g | energy"), so its cells keep
            # each other as context.
            if self.parts and not self.parts[-1].endswith("\n"):
                self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in _BLOCK:
            self._newline()
        # Pop back to the matching open tag; a stray end tag with no opener is ignored.
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 50), -1):
            if self.stack[i][0] == tag:
                for _, hides in self.stack[i:]:
                    self.hidden -= hides
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)

    def _newline(self) -> None:
        if not self.hidden:
            self.parts.append("\n")


def html_to_page(markup: str) -> Page:
    """Visible text with block boundaries as blank lines; title and author from the head."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    raw = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in raw.split("\n")]
    text = "\n\n".join(line for line in lines if line)
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or parser.meta.get("og:title", "")
    author = parser.meta.get("author") or parser.meta.get("article:author") or parser.meta.get(
        "dc.creator", "")
    return Page(text=text, title=title, author=author)


def looks_like_html(text: str) -> bool:
    """True for a document that is HTML markup rather than prose with a stray tag."""
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or head.count("<p>") >= 2
