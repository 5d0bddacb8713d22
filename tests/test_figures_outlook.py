"""`opens_outlook` reads an ASCII sentence's end before searching it: the answer is the plain definition's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import guidance
from callscope.extract.guidance import opens_outlook

PIECES = ["Our", "outlook", "Outlook", "guidance", "GUIDANCE", "expectations", "expectation", "for", "the", "quarter",
          "is", "IS", "are", "Are", "as follows", "follows", "Follows", "this", "analysis", "care", ":", ".", "?", " ",
          "  ", "\n", "\t", "-", "ſ", "é", "İ"]


def _plain(sentence: str) -> bool:
    return guidance._OUTLOOK_WORD.search(sentence) is not None and bool(guidance._OUTLOOK_OPENER.search(sentence.strip()))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map(lambda ws: " ".join(ws[:-2]) + "".join(ws[-2:])))
def test_opens_outlook_equals_its_plain_definition(sentence: str) -> None:
    assert opens_outlook(sentence) == _plain(sentence)


def test_openers() -> None:
    assert opens_outlook("Our guidance for the third quarter is as follows: ")
    assert opens_outlook("Turning to our outlook, which is:\n") and opens_outlook("Expectations ARE. ")
    assert not opens_outlook("Our outlook is unchanged this year.")
