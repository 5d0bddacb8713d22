"""HTML transcript pages (news sites, IR pages, saved Motley Fool articles).

The speaker structure lives in the markup, not the text: a speaker is a paragraph that is all
bold (`<p><strong>Jane Doe -- CFO</strong></p>`, `<p><b>Jane Doe</b></p>`) or opens with a bold
`Name:` run; a Q&A heading is an h2/h3 or a bold paragraph. Scripts, styles and navigation are
dropped, entities are decoded by the parser (selectolax, lexbor backend), and the blocks are handed to the same
`segment()` machinery as text readers, with the bold labels pre-marked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from . import header
from .dash import split_label
from .labels import is_name, is_operator, is_unidentified
from .lines import segment
from .raw import RawTranscript, RawTurn
from .registry_types import reader

_DROP = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, template"
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dt", "dd"}
_FIX = str.maketrans({"\u2014": " -- ", "\u2013": "-", "\u00a0": " ", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_LABEL_MARK = "\x00L"


def _norm(s: str) -> str:
    return " ".join(s.translate(_FIX).split())


def _bold_text(node: Node) -> str:
    return _norm(" ".join(b.text(deep=True) for b in node.css("strong, b")))


def _label(text: str) -> RawTurn | None:
    """`Name -- Title` / `Name - Firm - Title` / `Name, Title` / `Name` / `Operator` -> a turn header."""
    s = text.strip().rstrip(":").strip()
    if not s or len(s) > 160:
        return None
    if is_operator(s):
        return RawTurn(name="Operator", role="operator")
    if is_unidentified(s):
        return RawTurn(name=s, role="unknown")
    hit = split_label(s.replace(" -- ", " - "))
    if hit is not None:
        return hit
    name, sep, rest = s.partition(", ")
    if is_name(name):
        return RawTurn(name=name, title=rest or None) if sep else RawTurn(name=name)
    return None


def _inline_label(bold: str) -> bool:
    """`<b>Jane Doe:</b> speech` is a label; a one-word lead-in (`<b>Note:</b>`) is not, unless it is the operator."""
    name = bold.rstrip(":").strip()
    return _label(bold) is not None and (is_operator(name) or is_unidentified(name) or len(name.split()) >= 2)


def blocks(html: str) -> tuple[list[str], str | None]:
    """The page as lines: label lines prefixed with a mark, headings and paragraphs as text."""
    tree = HTMLParser(html)
    for node in tree.css(_DROP):
        node.decompose()
    title_node = tree.css_first("h1") or tree.css_first("title")
    title = _norm(title_node.text(deep=True)) if title_node else None
    root = tree.body or tree.root
    out: list[str] = []
    if root is None:
        return out, title
    for node in root.traverse(include_text=False):
        if node.tag not in _BLOCKS or any(p.tag in _BLOCKS for p in _ancestors(node)):
            continue
        text = _norm(node.text(deep=True))
        if not text:
            continue
        bold = _bold_text(node)
        if node.tag in {"h2", "h3", "h4"} and header.section_heading(text):
            out += ["", text, ""]
        elif bold and bold == text and (header.section_heading(text) or _label(text) is not None):
            out += ["", text if header.section_heading(text) else _LABEL_MARK + text, ""]
        elif bold and text.startswith(bold) and re.match(r"\s*(?:--|-|,)\s", text[len(bold) :]) and len(text) < 160 and _label(text):
            out += ["", _LABEL_MARK + text, ""]  # <strong>Name</strong> -- <em>Title</em>
        elif bold and text.startswith(bold) and bold.endswith(":") and _inline_label(bold):
            out += ["", _LABEL_MARK + bold, text[len(bold) :].strip(), ""]  # <b>Name:</b> speech
        else:
            out += [text, ""]
    return out, title


def _ancestors(node: Node) -> list[Node]:
    out = []
    p = node.parent
    while p is not None:
        out.append(p)
        p = p.parent
    return out


def parse(text: str, source: str) -> RawTranscript:
    lines, title = blocks(text)

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        if not ls[i].startswith(_LABEL_MARK):
            return None
        hit = _label(ls[i][len(_LABEL_MARK) :])
        return (hit, 1) if hit is not None else None

    turns = segment(lines, label, section_of=header.section_heading)
    raw = RawTranscript(source=source, format="html_page", turns=turns, title=title)
    first = next((i for i, ln in enumerate(lines) if ln.startswith(_LABEL_MARK)), 0)
    header.fill_metadata(raw, [title or ""] + lines[:first] + [p for t in turns[:2] for p in t.paragraphs[:2]])
    return raw


def sniff(text: str) -> float:
    head = text[:20_000].lstrip().lower()
    if not re.match(r"^(?:<!doctype html|<html|<head|<body|<div|<p[ >]|<article|<section|<meta|<!--)", head):
        return 0.0
    bold_paras = len(re.findall(r"<p[^>]*>\s*<(?:strong|b)\b", head))
    return 0.85 if bold_paras >= 2 else 0.5


READER = reader(
    "html_page",
    "HTML transcript pages: bold speaker paragraphs, Q&A heading (scripts/nav stripped)",
    "<p><strong>Jane Doe -- CFO</strong></p><p>Revenue grew.</p>",
    sniff,
    parse,
    max_score=0.85,  # the highest score sniff() returns
)
