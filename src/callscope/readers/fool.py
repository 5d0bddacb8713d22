"""Motley Fool transcripts: `Name -- Title` / `Name -- Firm -- Analyst` labels, blank-line paragraphs,
`Prepared Remarks:` / `Questions and Answers:` headings, and promotional inserts to drop."""

from __future__ import annotations

import re

from .dash import label_share, labelled_lines
from .raw import RawTranscript
from .registry_types import reader

SEP = re.compile(r"\s+--\s+")
SEP_MARKS = ("--",)  # every SEP match holds this (a test checks it)
# the site's own inserts inside the transcript text
PROMO = re.compile(
    r"^(?:\d+ stocks we like better than|when our award-winning analyst team|\*?stock advisor returns as of|"
    r"see the \d+ stocks|they just revealed what they believe|motley fool|more \w+ analysis|"
    r"all earnings call transcripts|this article is a transcript|duration:|call participants:$)",
    re.I,
)


def parse(text: str, source: str) -> RawTranscript:
    raw = labelled_lines(text, SEP, SEP_MARKS, "fool", skip=PROMO.match)
    raw.source = source
    return raw


def sniff(text: str) -> float:
    score = label_share(text, SEP, SEP_MARKS)
    return min(0.9, score + 0.1) if score else 0.0


READER = reader(
    "fool",
    "Motley Fool: `Name -- Title` / `Name -- Firm -- Analyst`, Prepared Remarks / Questions and Answers",
    "Prepared Remarks:\n\nOperator\n\nWelcome.\n\nJane Doe -- Chief Financial Officer\n\nRevenue grew.",
    sniff,
    parse,
    max_score=0.9,  # the highest score sniff() returns
)
