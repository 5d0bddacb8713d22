"""asr: machine transcripts with the speaker's name and title run into the speech."""

from __future__ import annotations

from pathlib import Path

import pytest

import callscope
from callscope.readers import detect

from .conftest import shared_path

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "northwind_asr.txt"


@pytest.fixture(scope="module")
def call() -> callscope.Call:
    return callscope.read(FIXTURE)


def test_detected_and_header_metadata(call: callscope.Call) -> None:
    assert detect(FIXTURE.read_text()).name == "asr"
    info = call.call
    assert (info.format, info.company, info.ticker, info.fiscal_period) == ("asr", "Northwind Robotics", "NWR", "Q2 2024")


def test_names_and_titles_split_from_speech(call: callscope.Call) -> None:
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Operator", "Ella Brandt", "Marcus Webb", "Jane Doe", "Priya Natarajan", "Tom Kline"}
    assert people["Ella Brandt"].title == "Vice President of Investor Relations"
    assert people["Marcus Webb"].title == "Founder and CEO"
    assert people["Jane Doe"].title == "Chief Financial Officer"
    assert (people["Priya Natarajan"].title, people["Priya Natarajan"].firm) == ("Analyst", "Harbor Point Securities")
    assert people["Tom Kline"].title is None  # "Great, thanks." is speech, not a title
    assert {p.name for p in call.participants if p.role == "analyst"} == {"Priya Natarajan", "Tom Kline"}
    assert {p.name for p in call.participants if p.role == "executive"} == {"Ella Brandt", "Marcus Webb", "Jane Doe"}


def test_turns(call: callscope.Call) -> None:
    assert len(call.turns) == 12  # Marcus Webb's two consecutive paragraphs are one turn
    assert call.turns[2].text.startswith("Thanks, Ella. Revenue grew")
    assert "Orders from warehouse customers" in call.turns[2].text
    assert call.turns[9].text == "Great, thanks. What drove the margin improvement?"
    assert [t.section for t in call.turns].index("qa") == 4
    assert [e.analyst for e in call.exchanges] == [4, 5]


@pytest.mark.shared
def test_real_asr_call() -> None:
    call = callscope.read(shared_path("transcripts", "asr", "Roku", "2023", "Q3.txt"))
    assert call.call.format == "asr" and call.call.ticker == "ROKU" and call.call.fiscal_period == "Q3 2023"
    people = {p.name: p for p in call.participants}
    assert people["Conrad Groth"].title == "Vice President of Investor Relations"
    assert people["Anthony Wood"].title == "Founder and CEO"
    assert (people["Charlie Collier"].title, people["Charlie Collier"].firm) == ("President", "Roku Media")
    assert people["Michael Nathanson"].role == "analyst"
    assert abs(len(call.turns) - 65) <= 4
    assert len(call.exchanges) >= 8


@pytest.mark.shared
def test_real_asr_titles_with_firms() -> None:
    call = callscope.read(shared_path("transcripts", "asr", "Comcast", "2019", "Q3.txt"))
    people = {p.name: p for p in call.participants}
    assert (people["Ben Swinburne"].title, people["Ben Swinburne"].firm) == ("Analyst", "Morgan Stanley")
    assert people["Michael J. Cavanagh"].firm == "Comcast Corporation"
    assert people["Michael J. Cavanagh"].role == "executive"
