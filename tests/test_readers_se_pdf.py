"""se_pdf: StreetEvents (Thomson Reuters / Refinitiv) PDF text."""

from __future__ import annotations

from pathlib import Path

import pytest

import callscope
from callscope.readers import detect
from callscope.readers.streetevents_pdf import split_name_firm

from .conftest import shared_path

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "northwind_se_pdf.txt"


@pytest.fixture(scope="module")
def call() -> callscope.Call:
    return callscope.read(FIXTURE)


def test_detected(call: callscope.Call) -> None:
    assert call.call.format == "se_pdf"
    assert detect(FIXTURE.read_text()).name == "se_pdf"


def test_metadata(call: callscope.Call) -> None:
    info = call.call
    assert (info.company, info.ticker, info.date, info.fiscal_period) == ("Northwind Robotics Inc", "NWR", "2024-07-30", "Q2 2024")


def test_participants_split_name_from_firm(call: callscope.Call) -> None:
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Operator", "Marcus Webb", "Jane Q. Doe", "Priya Natarajan", "Thomas Edward Kline"}
    assert people["Jane Q. Doe"].firm == "Northwind Robotics Inc."
    assert people["Jane Q. Doe"].title == "CFO"
    assert people["Priya Natarajan"].firm == "Harbor Point Securities LLC, Research Division"
    # the operator says "Tom Kline": the split falls back on firm words ("Capital")
    assert people["Thomas Edward Kline"].firm == "Bayfield Capital Partners"
    assert {p.name for p in call.participants if p.role == "analyst"} == {"Priya Natarajan", "Thomas Edward Kline"}
    assert {p.name for p in call.participants if p.role == "executive"} == {"Marcus Webb", "Jane Q. Doe"}


def test_turns_sections_and_furniture(call: callscope.Call) -> None:
    assert len(call.turns) == 10
    assert [t.section for t in call.turns].count("presentation") == 3
    # the page break (number, banner, notice, running header) inside the sentence is gone
    assert "invest in our service network." in call.turns[1].text
    text = " ".join(t.text for t in call.turns)
    assert "Republication" not in text and "Client Id" not in text and "DISCLAIMER" not in text
    assert "publisher" not in text and "affiliated" not in text and "made up" not in text  # notice and disclaimer lines
    assert "Okay." in call.turns[5].text  # a short answer line stays content
    assert [e.analyst for e in call.exchanges] == [3, 4]


@pytest.mark.parametrize(
    ("left", "text", "expected"),
    [
        # fictional people and firms in the shapes of real list lines: a firm with a comma tail, one with a
        # middle initial, a two-word firm, an acronym-led firm nobody mentions
        ("Nora Quist Harbor Ridge Securities, Research Division", "question from Nora Quist with Harbor Ridge.", ("Nora Quist", "Harbor Ridge Securities, Research Division")),
        ("Lena Ruth Ortiz Whitcombe C. Ashford & Co.", "Lena Ortiz with Whitcombe C. Ashford", ("Lena Ruth Ortiz", "Whitcombe C. Ashford & Co.")),
        ("Sam Peter Hale Alder Finch & Co.", "Sam Hale with Alder Finch", ("Sam Peter Hale", "Alder Finch & Co.")),
        ("Oliver K. Brandt KTR Securities LLC", "", ("Oliver K. Brandt", "KTR Securities LLC")),
        ("Jane Doe Northwind Robotics Inc.", "", ("Jane Doe", "Northwind Robotics Inc.")),
    ],
)
def test_split_name_firm(left: str, text: str, expected: tuple[str, str]) -> None:
    assert split_name_firm(left, text) == expected


@pytest.mark.shared
def test_real_thomson_reuters_pdf() -> None:
    call = callscope.read(shared_path("transcripts", "mixed", "TXN_2018_Q1.txt"))
    assert call.call.format == "se_pdf"
    people = {p.name: p for p in call.participants}
    assert people["Vivek Arya"].firm == "BofA Merrill Lynch, Research Division"
    assert people["Vivek Arya"].role == "analyst"
    assert people["Rafael R. Lizardi"].role == "executive"
    assert abs(len(call.turns) - 55) <= 3
    assert any(t.section == "qa" for t in call.turns) and len(call.exchanges) >= 8


@pytest.mark.shared
def test_real_refinitiv_pdf_labels_without_separators() -> None:
    call = callscope.read(shared_path("transcripts", "mixed", "OKTA_2021_Q2.txt"))
    assert call.call.format == "se_pdf"
    people = {p.name: p for p in call.participants}
    assert people["Robbie David Owens"].firm == "Piper Sandler & Co., Research Division"
    assert people["Todd McKinnon"].firm == "Okta, Inc."
    assert abs(len(call.turns) - 75) <= 4
    assert sum(p.role == "analyst" for p in call.participants) >= 14
