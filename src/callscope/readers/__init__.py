"""Readers: detect a transcript's format and turn its text into a `RawTranscript`.

Each reader module exposes a `READER` (name, description, `sniff(text) -> float`, `parse`).
Detection asks every reader how sure it is and takes the most confident one; `format=`
forces a reader by name.
"""

from __future__ import annotations

from pathlib import PurePath

from ..errors import CallscopeError
from . import header
from .raw import RawParticipant, RawTranscript, RawTurn
from .registry_types import Reader


def _registry() -> list[Reader]:
    from . import (
        asr,
        capiq,
        colon,
        colon_pdf,
        dash,
        factset,
        flat,
        fool,
        html_page,
        json_segments,
        prose,
        refinitiv,
        streetevents,
        streetevents_pdf,
    )

    return [
        streetevents.READER,
        refinitiv.READER,
        fool.READER,
        dash.READER,
        colon.READER,
        streetevents_pdf.READER,
        flat.READER,
        factset.READER,
        capiq.READER,
        asr.READER,
        colon_pdf.READER,
        json_segments.READER,
        html_page.READER,
        prose.READER,
    ]


_READERS: list[Reader] | None = None


def readers() -> list[Reader]:
    global _READERS
    if _READERS is None:
        _READERS = _registry()
    return _READERS


def get(name: str) -> Reader:
    for r in readers():
        if r.name == name:
            return r
    names = ", ".join(r.name for r in readers())
    raise CallscopeError(None, f"unknown format {name!r} (known: {names})")


def detect(text: str) -> Reader:
    """The reader most confident it understands `text` (prose when nobody is)."""
    head = text[:60_000]  # every format shows itself in its first pages; sniffing more only costs time
    best, best_score = get("prose"), 0.0
    for r in readers():
        # a reader whose highest possible score is no better than the best so far cannot win (a tie
        # keeps the earlier reader), so its sniff is not run: once streetevents or se_pdf scores
        # 0.95, or fool 0.9, most of the remaining readers are skipped
        if r.name == "prose" or r.max_score <= best_score:
            continue
        score = r.sniff(head)
        if score > best_score:
            best, best_score = r, score
    return best if best_score >= 0.3 else get("prose")


def read_raw(text: str, source: str, format: str | None = None) -> RawTranscript:
    reader = get(format) if format else detect(text)
    raw = reader.parse(text, source)
    raw.source = source
    header.fill_from_filename(raw, PurePath(source).stem)
    if not raw.turns:
        raise CallscopeError(source, f"no transcript text found (read as {reader.name})")
    return raw


__all__ = ["RawParticipant", "RawTranscript", "RawTurn", "Reader", "detect", "get", "read_raw", "readers"]
