"""colon_pdf: hard-wrapped PDF text with `Name:` labels (company PDFs, broker-hosted calls)."""

from __future__ import annotations

from pathlib import Path

import pytest

import callscope
from callscope.readers import detect

from .conftest import shared_path

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "northwind_colon_pdf.txt"

BROKER = """1
Harbor Point Conference Call with Northwind Post 2Q24 Results Transcript
Held On: August 5, 2024 - 1pm EST
Northwind Participants:
Marcus Webb - CEO
Jane Doe - SVP, Finance and Investor Relations
Harbor Point Participants:
Priya Natarajan - Managing Director - Industrial Technology
Operator Introduction:
Good afternoon and welcome to the Harbor Point fireside chat with Northwind. I now hand the call over
to Priya Natarajan.
Priya Natarajan:
Thanks everyone for joining us this afternoon, and thank you to Marcus and Jane for being
here with us today to talk through the quarter.
Marcus Webb:
Happy to be here, Priya. It was a strong quarter for the whole team and we are pleased with
where orders ended up.
2
Priya Natarajan:
Let's start with orders. How should we think about the second half of the year given the
backlog you described on the call last week?
Marcus Webb:
We expect orders to remain strong through the end of the year and into next year as well.
Jane Doe:
And margins should hold up as pricing comes through in the second half of the year.
"""


@pytest.fixture(scope="module")
def call() -> callscope.Call:
    return callscope.read(FIXTURE)


def test_detected(call: callscope.Call) -> None:
    assert detect(FIXTURE.read_text()).name == "colon_pdf"
    assert call.call.format == "colon_pdf"
    assert (call.call.date, call.call.fiscal_period) == ("2024-07-30", "Q2 2024")


def test_labels_inline_speech_and_firms(call: callscope.Call) -> None:
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Operator", "Marcus Webb", "Jane Doe", "Priya Natarajan", "Tom Kline"}
    assert people["Priya Natarajan"].firm == "Harbor Point Securities"  # `Name - Firm:`
    assert people["Tom Kline"].firm == "Bayfield Capital"  # `Name, Firm:`
    assert {p.name for p in call.participants if p.role == "analyst"} == {"Priya Natarajan", "Tom Kline"}
    assert {p.name for p in call.participants if p.role == "executive"} == {"Marcus Webb", "Jane Doe"}


def test_wrapped_lines_and_page_numbers(call: callscope.Call) -> None:
    assert len(call.turns) == 8
    assert [t.section for t in call.turns].count("qa") == 5
    assert "customers in North America and Europe." in call.turns[1].text  # page number "2" dropped
    assert call.turns[1].text.startswith("Good morning, everyone.")
    assert call.turns[4].text.startswith("Okay.")
    assert "through the end of the year and we are adding capacity" in call.turns[4].text
    assert len(call.exchanges) == 2


def test_broker_call_participant_lists() -> None:
    call = callscope.read(BROKER.encode(), name="broker.txt")
    assert call.call.format == "colon_pdf"
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Operator", "Marcus Webb", "Jane Doe", "Priya Natarajan"}
    assert (people["Jane Doe"].title, people["Jane Doe"].firm) == ("SVP, Finance and Investor Relations", "Northwind")
    assert people["Priya Natarajan"].firm == "Harbor Point"
    assert people["Marcus Webb"].role == "executive"
    assert len(call.turns) == 6


@pytest.mark.shared
def test_real_company_pdf() -> None:
    call = callscope.read(shared_path("transcripts", "mixed", "MAR_2019_Q2.txt"))
    assert call.call.format == "colon_pdf"
    people = {p.name: p for p in call.participants}
    assert people["Shaun Kelley"].firm == "BofA Merrill Lynch"
    assert people["Shaun Kelley"].role == "analyst"
    assert people["Arne Sorenson"].role == "executive"
    assert abs(len(call.turns) - 83) <= 4
    assert len(call.exchanges) >= 15
