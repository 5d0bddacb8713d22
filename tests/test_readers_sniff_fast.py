"""Detection shortcuts: every fast sniffer scores exactly what its plain definition scores.

The sniffers turn most text away with substring tests before their regex and line scans; these
property tests build text from the pieces each format is recognised by (so both the shortcut and
the full scan get exercised) and compare the two.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.readers import refinitiv, streetevents_pdf


def texts(pieces: list[str], max_lines: int = 60) -> st.SearchStrategy[str]:
    """Lines glued from `pieces` and filler (some empty, some padded), so lines start, end and repeat in many ways."""
    line = st.lists(st.sampled_from([*pieces, " ", "x", "Jane Doe"]), max_size=4).map("".join)
    return st.lists(line, max_size=max_lines).map("\n".join)


@settings(max_examples=400)
@given(texts(["Republication or redistribution", "THOMSON REUTERS", " STREETEVENTS", "REFINITIV", " |", ""] * 2, max_lines=80))
def test_se_pdf_notice_count_shortcut(text: str) -> None:
    assert streetevents_pdf.sniff(text) == streetevents_pdf._sniff_notices(text)


def _refinitiv_plain(text: str) -> float:
    head = text[:20_000]
    if re.search(r"^CORPORATE PARTICIPANTS\s*$", head, re.M) and re.search(r"^PRESENTATION\s*$", text, re.M):
        if "THOMSON REUTERS" in head or "Thomson Reuters" in head:
            return 0.5
        return 0.9
    return 0.0


@settings(max_examples=300)
@given(texts(["CORPORATE PARTICIPANTS", "PRESENTATION", "THOMSON REUTERS", "Thomson Reuters", "  "]))
def test_refinitiv_substring_shortcut(text: str) -> None:
    assert refinitiv.sniff(text) == _refinitiv_plain(text)
