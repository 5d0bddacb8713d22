"""`analyze()`: the whole pipeline, one stage after another, each a plain function over the model."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from .model import Call
from .readers import read_raw
from .readers.source import load
from .structure import structure

Stage = Callable[[Call], Call]


def default_stages() -> list[Stage]:
    """Stages after structure, in order (figures, then measures, as they land)."""
    from .measures import measure  # imported here so reading a call never pays for loading the dictionaries

    return [measure]


def analyze(
    source: str | os.PathLike[str] | bytes,
    *,
    format: str | None = None,
    name: str | None = None,
    stages: Sequence[Stage] | None = None,
) -> Call:
    """Read a transcript (path, bytes or text) and run every stage over it."""
    label, text = load(source, name)
    call = structure(read_raw(text, label, format))
    for stage in default_stages() if stages is None else stages:
        call = stage(call)
    return call


def read(source: str | os.PathLike[str] | bytes, format: str | None = None, *, name: str | None = None) -> Call:
    """`callscope.read(path_or_text)`: the fully analysed Call."""
    return analyze(source, format=format, name=name)
