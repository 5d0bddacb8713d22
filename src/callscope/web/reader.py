"""The reader's view of one call: text cut into marked segments, the exchange navigator, figure panel, tone strip.

Input is the `callscope.call/1` dict (from `Call.to_dict()` or `corpus.calls.load_call`), so the
served reader and the offline report show the same thing. Marks never nest: each paragraph is
cut at every mark boundary into flat segments that carry the classes of the marks covering them,
which keeps the HTML valid whatever overlaps (a figure inside a non-answer sentence, an
uncertainty word inside a figure). The text itself is only ever escaped by the template.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ..measures.marks import category_spans, category_words
from .format import figure_value

MARK_CATEGORIES = ("uncertainty",)
_QUESTION = re.compile(r"[^.?!]*\?")
LINE_CHARS = 150


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    anchor: str | None = None
    title: str | None = None


@dataclass
class Segment:
    text: str
    cls: str = ""
    anchor: str | None = None
    title: str | None = None


@dataclass
class TurnView:
    index: int
    speaker: dict[str, Any]
    section: str
    paragraphs: list[list[Segment]]
    words: int
    tone: float | None
    exchange: int | None = None
    part: str | None = None  # "question" or "answer" inside an exchange
    non_answer: bool = False


@dataclass
class ExchangeView:
    index: int
    analyst: str
    firm: str | None
    question: str
    first_turn: int
    non_answer: bool
    types: list[str]
    probability: float | None


@dataclass
class FigureView:
    anchor: str
    kind: str  # "fact" or "guidance"
    metric: str
    value: str
    period: str | None
    turn: int
    speaker: str
    sentence: str
    comparison: str | None = None


@dataclass
class ReaderView:
    call: dict[str, Any]
    roster: dict[str, list[dict[str, Any]]]
    turns: list[TurnView]
    exchanges: list[ExchangeView]
    facts: list[FigureView]
    guidance: list[FigureView]
    measures: dict[str, Any] | None
    qa_start: int | None
    counts: dict[str, int] = field(default_factory=dict)
    measure_rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


_LEVEL_NAMES = {"presentation": "Prepared remarks", "qa": "Q&A", "executive": "Executives", "analyst": "Analysts", "operator": "Operator"}


def _measure_rows(m: dict[str, Any] | None) -> list[tuple[str, dict[str, Any]]]:
    """The call, then each section, then each role: the rows of the measures table."""
    if not m or not isinstance(m.get("call"), dict):
        return []
    rows = [("Whole call", m["call"])]
    for level in ("sections", "roles"):
        for key, row in (m.get(level) or {}).items():
            rows.append((_LEVEL_NAMES.get(key, key.capitalize()), row))
    return rows


def segments(text: str, marks: list[Mark]) -> list[list[Segment]]:
    """Paragraphs (split at newlines) of flat segments, each with the classes of the marks over it."""
    paragraphs = []
    pos = 0
    for para in text.split("\n"):
        start, end = pos, pos + len(para)
        pos = end + 1
        if not para.strip():
            continue
        inside = [m for m in marks if m.start < end and m.end > start]
        cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
        segs = []
        anchored: set[str] = set()
        for a, b in itertools.pairwise(cuts):
            over = [m for m in inside if m.start <= a and m.end >= b]
            anchor = next((m.anchor for m in over if m.anchor and m.anchor not in anchored), None)
            if anchor:
                anchored.add(anchor)
            title = " · ".join(m.title for m in over if m.title) or None
            segs.append(Segment(text[a:b], " ".join(sorted({m.cls for m in over})), anchor, title))
        paragraphs.append(segs)
    return paragraphs


def _figure_span(text: str, f: dict[str, Any]) -> tuple[int, int] | None:
    """Where a figure is in its turn: its span if the text there matches, else found via its sentence."""
    span, said = f.get("span"), f.get("text") or ""
    valid = isinstance(span, list | tuple) and len(span) == 2 and 0 <= span[0] < span[1] <= len(text)
    if valid and (not said or text[span[0]:span[1]] == said):
        return int(span[0]), int(span[1])
    sentence = f.get("sentence") or ""
    at = text.find(sentence) if sentence else -1
    if at >= 0 and said:
        inner = sentence.find(said)
        if inner >= 0:
            return at + inner, at + inner + len(said)
    if at >= 0:
        return at, at + len(sentence)
    return None


def _figures(call: dict[str, Any], names: dict[int, str], turns: dict[int, str]) -> tuple[list[FigureView], list[FigureView], dict[int, list[Mark]]]:
    marks: dict[int, list[Mark]] = {}
    out: dict[str, list[FigureView]] = {"facts": [], "guidance": []}
    for table, kind, prefix in (("facts", "fact", "f"), ("guidance", "guidance", "g")):
        for i, f in enumerate(call.get(table) or []):
            turn = f.get("turn")
            if not isinstance(turn, int) or turn not in turns:
                continue
            anchor = f"{prefix}{i}"
            value = figure_value(f)
            metric = str(f.get("label") or f.get("metric") or "figure").replace("_", " ")
            if f.get("role") in ("change", "prior"):
                metric += " (change)" if f["role"] == "change" else " (prior)"
            comparison = _comparison(f)
            out[table].append(
                FigureView(anchor, kind, metric, value, f.get("period"), turn, names.get(f.get("speaker", -1), ""), f.get("sentence") or "", comparison)
            )
            span = _figure_span(turns[turn], f)
            if span:
                title = f"{kind}: {metric} {value}" + (f" ({f['period']})" if f.get("period") else "")
                marks.setdefault(turn, []).append(Mark(span[0], span[1], kind, anchor, title))
    return out["facts"], out["guidance"], marks


def _comparison(f: dict[str, Any]) -> str | None:
    c = f.get("comparison")
    if not isinstance(c, dict):
        return None
    parts = []
    if c.get("direction"):
        parts.append(str(c["direction"]))
    change = c.get("change")
    if isinstance(change, int | float):
        # "down 40%", not "down -40%": the direction already says the sign
        shown = abs(change) if c.get("direction") in ("up", "down") else change
        parts.append(figure_value({"value": shown, "unit": c.get("change_unit") or f.get("unit")}))
    if c.get("prior_value") is not None:
        parts.append("from " + figure_value({"value": c["prior_value"], "unit": c.get("prior_unit") or f.get("unit")}))
    if c.get("prior_period"):
        parts.append(f"({c['prior_period']})")
    return " ".join(parts) or None


def _one_line(text: str) -> str:
    """The analyst's question in one line: the first sentence that asks something, else the opening."""
    flat = " ".join(text.split())
    m = _QUESTION.search(flat)
    line = m.group().strip() if m and len(m.group().strip()) > 15 else flat
    return line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 1].rstrip() + "…"


def reader_view(call: dict[str, Any]) -> ReaderView:
    """Everything the reader template needs, computed once."""
    people = {p["id"]: p for p in call.get("participants") or []}
    names = {pid: p["name"] for pid, p in people.items()}
    texts = {t["index"]: t["text"] for t in call.get("turns") or []}
    measures = call.get("measures") or None
    facts, guidance, marks = _figures(call, names, texts)

    for s in (measures or {}).get("sentences") or []:
        types = s.get("non_answer") or []
        if types and s.get("turn") in texts:
            a, b = s["span"]
            marks.setdefault(s["turn"], []).append(Mark(a, b, "nonanswer", None, "non-answer: " + ", ".join(types)))
    turn_tone = {t.get("turn"): t for t in (measures or {}).get("turns") or []}

    exchanges: list[ExchangeView] = []
    placement: dict[int, tuple[int, str]] = {}
    ex_measures = {e.get("exchange"): e for e in (measures or {}).get("exchanges") or []}
    for i, e in enumerate(call.get("exchanges") or []):
        q = e.get("question_turns") or []
        for t in q:
            placement[t] = (i, "question")
        for t in e.get("answer_turns") or []:
            placement[t] = (i, "answer")
        if not q:
            continue
        analyst = people.get(e.get("analyst"), {})
        em = ex_measures.get(i, {})
        exchanges.append(
            ExchangeView(
                i, analyst.get("name", "?"), analyst.get("firm"), _one_line(texts.get(q[0], "")), q[0],
                bool(e.get("non_answer")), list(e.get("non_answer_types") or []), em.get("non_answer_probability"),
            )
        )
    non_answer_ex = {x.index for x in exchanges if x.non_answer}

    turns = []
    qa_start = None
    n_marked = 0
    lexicon = category_words(MARK_CATEGORIES)
    for t in call.get("turns") or []:
        idx, text = t["index"], t["text"]
        if qa_start is None and t.get("section") == "qa":
            qa_start = idx
        speaker = people.get(t["speaker"], {"name": "?", "role": "unknown"})
        words = [Mark(a, b, c, None, f"{c} word") for a, b, c in category_spans(text, lexicon)]
        n_marked += len(words)
        ex, part = placement.get(idx, (None, None))
        tm = turn_tone.get(idx, {})
        turns.append(
            TurnView(
                idx, speaker, t.get("section", "presentation"), segments(text, marks.get(idx, []) + words),
                int(tm.get("words") or len(text.split())), tm.get("net_tone"), ex, part,
                part == "answer" and ex in non_answer_ex,
            )
        )
    roster: dict[str, list[dict[str, Any]]] = {}
    for p in people.values():
        roster.setdefault(p.get("role") or "unknown", []).append(p)
    ordered = {r: roster[r] for r in ("executive", "analyst", "operator", "unknown") if r in roster}
    counts = {
        "turns": len(turns),
        "words": sum(t.words for t in turns),
        "non_answers": len(non_answer_ex),
        "uncertainty": n_marked,
    }
    return ReaderView(
        call.get("call") or {}, ordered, turns, exchanges, facts, guidance, measures, qa_start, counts, _measure_rows(measures)
    )
