"""Cross-cutting checks for the PDF/ASR/JSON/HTML readers: registered, examples parse, no crashes."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.errors import CallscopeError
from callscope.readers import get, readers

NEW = ["se_pdf", "factset", "capiq", "asr", "flat", "json_segments", "html_page", "colon_pdf"]


def test_registered() -> None:
    names = [r.name for r in readers()]
    assert set(NEW) <= set(names)
    assert names[-1] == "prose"


@pytest.mark.parametrize("name", NEW)
def test_example_parses(name: str) -> None:
    reader = get(name)
    raw = reader.parse(reader.example, "example")
    assert raw.format == name
    assert raw.turns and all(t.paragraphs for t in raw.turns)


@pytest.mark.parametrize("name", NEW)
@settings(max_examples=40, deadline=None)
@given(
    text=st.lists(
        st.sampled_from([*"Ab :-.,\n{}[]\"<>/Q1", "Operator", "Jane Doe", "CORPORATE PARTICIPANTS", "<p><b>", "---", "\n\n"]),
        max_size=120,
    ).map("".join)
)
def test_arbitrary_text_never_crashes(name: str, text: str) -> None:
    reader = get(name)
    reader.sniff(text)
    with contextlib.suppress(CallscopeError):
        reader.parse(text, "fuzz")
