"""The `Reader` record readers register themselves with (kept apart to avoid import cycles)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .raw import RawTranscript


@dataclass(frozen=True)
class Reader:
    name: str
    description: str
    example: str
    sniff: Callable[[str], float]  # 0..1: how sure the reader is that it understands the text
    parse: Callable[[str, str], RawTranscript]  # (text, source) -> RawTranscript
    # an upper bound on sniff(): detection skips a reader that cannot beat the best score so far
    max_score: float = 1.0


def reader(
    name: str,
    description: str,
    example: str,
    sniff: Callable[[str], float],
    parse: Callable[[str, str], RawTranscript],
    max_score: float = 1.0,
) -> Reader:
    return Reader(name, description, example, sniff, parse, max_score)
