"""factset: FactSet CallStreet PDF text."""

from __future__ import annotations

from pathlib import Path

import pytest

import callscope
from callscope.readers import detect

from .conftest import shared_path

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "northwind_factset.txt"


@pytest.fixture(scope="module")
def call() -> callscope.Call:
    return callscope.read(FIXTURE)


def test_detected_and_metadata(call: callscope.Call) -> None:
    assert detect(FIXTURE.read_text()).name == "factset"
    info = call.call
    assert (info.format, info.company, info.ticker, info.date, info.fiscal_period) == (
        "factset", "Northwind Robotics, Inc.", "NWR", "2024-07-30", "Q2 2024"
    )
    assert info.title == "Q2 2024 Earnings Call"


def test_participants(call: callscope.Call) -> None:
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Operator", "Marcus Webb", "Jane Q. Doe", "Priya Natarajan", "Tom Kline"}
    # the wrapped "..., Northwind Robotics, / Inc." list entry splits on the issuer's name
    assert people["Jane Q. Doe"].title == "Chief Financial Officer & Executive Vice President"
    assert people["Jane Q. Doe"].firm == "Northwind Robotics, Inc."
    assert (people["Priya Natarajan"].title, people["Priya Natarajan"].firm) == ("Analyst", "Harbor Point Securities LLC")
    assert {p.name for p in call.participants if p.role == "analyst"} == {"Priya Natarajan", "Tom Kline"}


def test_turns_sections_and_page_block(call: callscope.Call) -> None:
    assert len(call.turns) == 10
    assert [t.section for t in call.turns] == ["presentation"] * 3 + ["qa"] * 7
    assert [call.participants[t.speaker].name for t in call.turns[3:6]] == ["Operator", "Priya Natarajan", "Marcus Webb"]
    # the repeated page block in mid-sentence is dropped and the sentence re-joined
    assert "automation orders from customers in North America" in call.turns[1].text
    text = " ".join(t.text for t in call.turns)
    assert "FACTSET" not in text and "Corrected Transcript" not in text and "Disclaimer" not in text
    assert "invented" not in text  # the closing note after "Disclaimer"
    assert " Q\n" not in text and not any(t.text.endswith((" Q", " A")) for t in call.turns)
    assert len(call.exchanges) == 2


def test_raw_transcript_name_marker_labels() -> None:
    text = FIXTURE.read_text().replace("Priya Natarajan\nAnalyst, Harbor Point Securities LLC Q\n", "Priya Natarajan Q\n")
    call = callscope.read(text.encode(), name="raw.txt")
    asker = call.participants[call.turns[4].speaker]
    assert asker.name == "Priya Natarajan" and asker.role == "analyst"


@pytest.mark.shared
def test_real_factset_call() -> None:
    call = callscope.read(shared_path("transcripts", "mixed", "SGEN_2019_Q2.txt"))
    assert call.call.format == "factset" and call.call.ticker == "SGEN"
    people = {p.name: p for p in call.participants}
    assert people["Kennen MacKay"].firm == "RBC Capital Markets LLC"
    assert people["Kennen MacKay"].role == "analyst"
    assert people["Clay B. Siegall"].firm == "Seattle Genetics, Inc."
    assert abs(len(call.turns) - 107) <= 5
    assert len(call.exchanges) >= 8


@pytest.mark.shared
def test_real_factset_formatted_report_lists() -> None:
    call = callscope.read(shared_path("transcripts", "mixed", "EXC_2021_Q4.txt"))
    people = {p.name: p for p in call.participants}
    assert people["Darrin Peller"].firm == "Wolfe Research LLC"
    assert people["Michael J. Salvino"].title == "President, Chief Executive Officer & Director"
    assert any(t.section == "qa" for t in call.turns)
