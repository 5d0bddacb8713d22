"""Prose with no speaker labels (e.g. ECTSum: one sentence per line): one presentation turn."""

from __future__ import annotations

from .lines import paragraphs, strip_lines
from .raw import RawTranscript, RawTurn
from .registry_types import reader


def parse(text: str, source: str) -> RawTranscript:
    lines = strip_lines(text)
    paras = paragraphs(lines)
    turn = RawTurn(name="Unidentified Speaker", role="unknown", section="presentation", paragraphs=paras)
    return RawTranscript(source=source, format="prose", turns=[turn] if paras else [])


READER = reader(
    "prose",
    "Unlabelled prose (one turn, presentation), e.g. ECTSum sentences",
    "We delivered record revenue this quarter.\nMargins expanded.",
    lambda text: 0.01,
    parse,
)
