"""flat: whole calls flattened onto one line."""

from __future__ import annotations

import pytest

import callscope
from callscope.readers import detect
from callscope.readers.flat import relines

from .conftest import shared_path

# page furniture in the layout of a Refinitiv PDF footer (banner, notice ending "affiliated companies.",
# page number glued to the running header); the notice wording is made up
BANNER = (
    "REFINITIV STREETEVENTS | www.example.com | Contact Us ©2024 Refinitiv. Sample footer for a fictional call. Reprinting "
    "this invented page, in whole or in part, is not allowed unless the imaginary publisher agrees in writing first. The "
    "names on this page are placeholders used by the publisher and its affiliated companies. "
    "2JULY 30, 2024 / 9:00PM, NWR.OQ - Q2 2024 Northwind Robotics Inc Earnings Call "
)
CALL = (
    "Operator Good day, and welcome to the Q2 2024 Northwind Robotics Earnings Call. I would like to turn the call over to "
    "Mr. Marcus Webb. Please go ahead, sir. "
    "Marcus Webb - Northwind Robotics Inc. - President & CEO Thank you. Revenue grew 12% to $48.2 million, driven by "
    "warehouse automation orders from customers in North America and " + BANNER + "Europe. Jane will now take you through "
    "the numbers. Jane Q. Doe - Northwind Robotics Inc. - CFO and Executive VP of Finance & Operations Thanks, Marcus. "
    "Gross margin was 41%. Operator? QUESTIONS AND ANSWERS Operator (Operator Instructions) Our first question comes from "
    "Priya Natarajan with Harbor Point. Priya Natarajan - Harbor Point Securities LLC, Research Division - Senior Analyst "
    "Curious how we should think about orders in the second half? "
    "Marcus Webb - Northwind Robotics Inc. - President & CEO Yes. We expect orders to remain strong. "
    "Jane Q. Doe - Northwind Robotics Inc. - CFO and Executive VP of Finance & Operations Yes, and margins too. "
    "Operator That concludes today's call."
)
PADDED = CALL + " " + ("Thank you all for joining the call today, we appreciate it. " * 40)


@pytest.fixture(scope="module")
def call() -> callscope.Call:
    return callscope.read(PADDED.encode(), name="northwind_flat.txt")


def test_detected(call: callscope.Call) -> None:
    assert detect(PADDED).name == "flat"
    assert call.call.format == "flat"
    assert (call.call.ticker, call.call.company, call.call.date, call.call.fiscal_period) == (
        "NWR", "Northwind Robotics Inc", "2024-07-30", "Q2 2024"
    )


def test_labels_resplit_with_titles(call: callscope.Call) -> None:
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Operator", "Marcus Webb", "Jane Q. Doe", "Priya Natarajan"}
    # recurring label: the title is what every occurrence shares, although both also open with "Yes"
    assert people["Marcus Webb"].title == "President & CEO"
    assert people["Jane Q. Doe"].title == "CFO and Executive VP of Finance & Operations"
    # one-off label: the title is the run of title words ("Curious" starts the speech)
    assert people["Priya Natarajan"].title == "Senior Analyst"
    assert people["Priya Natarajan"].firm == "Harbor Point Securities LLC, Research Division"
    assert people["Priya Natarajan"].role == "analyst"


def test_turns_and_sections(call: callscope.Call) -> None:
    speakers = [call.participants[t.speaker].name for t in call.turns]
    assert speakers == ["Operator", "Marcus Webb", "Jane Q. Doe", "Operator", "Priya Natarajan", "Marcus Webb", "Jane Q. Doe", "Operator"]
    assert [t.section for t in call.turns].count("qa") == 5
    assert "customers in North America and Europe." in call.turns[1].text  # page furniture removed mid-sentence
    assert "Operator?" in call.turns[2].text  # "Operator?" is speech, not a label
    assert call.turns[5].text == "Yes. We expect orders to remain strong."


def test_relines_puts_labels_on_their_own_lines() -> None:
    lines = relines("Operator Welcome. Jane Doe - Acme Inc. - CFO Thanks. Revenue grew. Operator Next question.")
    assert lines == ["Operator", "Welcome.", "Jane Doe - Acme Inc. - CFO", "Thanks. Revenue grew.", "Operator", "Next question."]


@pytest.mark.shared
def test_real_flat_call() -> None:
    call = callscope.read(shared_path("transcripts", "mixed", "ADBE_2022_Q1.txt"))
    assert call.call.format == "flat"
    people = {p.name: p for p in call.participants}
    assert people["Brent John Thill"].firm == "Jefferies LLC, Research Division"
    assert people["Brent John Thill"].title == "Equity Analyst"
    assert people["Daniel J. Durn"].title == "CFO and Executive VP of Finance, Technology Services & Operations"
    assert abs(len(call.turns) - 53) <= 3
    assert len(call.exchanges) >= 9


def test_qa_found_without_a_heading() -> None:
    text = PADDED.replace("QUESTIONS AND ANSWERS ", "")
    call = callscope.read(text.encode(), name="no_heading.txt")
    assert call.call.format == "flat"
    assert [t.section for t in call.turns].count("qa") == 5  # from the operator's "first question" cue
    assert call.exchanges and call.participants[call.exchanges[0].analyst].name == "Priya Natarajan"
