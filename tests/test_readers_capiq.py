"""capiq: S&P Capital IQ / Market Intelligence exports."""

from __future__ import annotations

from pathlib import Path

import pytest

import callscope
from callscope.readers import detect

from .conftest import shared_path

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "northwind_capiq.txt"


@pytest.fixture(scope="module")
def call() -> callscope.Call:
    return callscope.read(FIXTURE)


def test_detected_and_metadata(call: callscope.Call) -> None:
    assert detect(FIXTURE.read_text()).name == "capiq"
    info = call.call
    assert (info.format, info.company, info.ticker, info.date, info.fiscal_period) == (
        "capiq", "Northwind Robotics, Inc.", "NWR", "2024-07-30", "Q2 2024"
    )


def test_participants_from_wrapped_lists(call: callscope.Call) -> None:
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Operator", "Marcus Webb", "Jane Q. Doe", "Priya Natarajan", "Thomas Kline"}
    assert people["Jane Q. Doe"].title == "Chief Financial Officer & Executive Vice President"
    assert people["Jane Q. Doe"].firm == "Northwind Robotics, Inc."
    assert people["Priya Natarajan"].firm == "Harbor Point Securities LLC, Research Division"
    # a firm line that reads like a name ("Bayfield Capital Partners") is not a person
    assert people["Thomas Kline"].firm == "Bayfield Capital Partners"
    assert {p.name for p in call.participants if p.role == "analyst"} == {"Priya Natarajan", "Thomas Kline"}


def test_turns_skip_estimates_and_contents(call: callscope.Call) -> None:
    assert len(call.turns) == 8
    assert [t.section for t in call.turns] == ["presentation"] * 3 + ["qa"] * 5
    assert "orders from customers in North America and Europe." in call.turns[1].text
    text = " ".join(t.text for t in call.turns)
    assert "CONSENSUS" not in text and "spglobal" not in text and "EARNINGS CALL |" not in text
    assert "Copyright" not in text and "made up" not in text and "invented" not in text  # page and closing notices
    assert call.turns[5].text == "Okay.\nWe expect orders to remain strong."
    assert len(call.exchanges) == 2


@pytest.mark.shared
def test_real_capiq_export() -> None:
    call = callscope.read(shared_path("transcripts", "mixed", "NFLX_2019_Q2.txt"))
    assert call.call.format == "capiq"
    people = {p.name: p for p in call.participants}
    assert people["Michael C. Morris"].firm == "Guggenheim Securities, LLC, Research Division"
    assert people["Michael C. Morris"].role == "analyst"
    assert people["Spencer Wang"].title == "Vice President of Finance & Investor Relations"
    assert "Chief Financial Officer" not in people  # a wrapped title line is not a person
    assert abs(len(call.turns) - 70) <= 3
    assert sum(t.section == "qa" for t in call.turns) >= 60
