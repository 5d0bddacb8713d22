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


def reader(
    name: str,
    description: str,
    example: str,
    sniff: Callable[[str], float],
    parse: Callable[[str, str], RawTranscript],
) -> Reader:
    return Reader(name, description, example, sniff, parse)
