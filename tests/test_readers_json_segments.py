"""json_segments: JSON speaker segments."""

from __future__ import annotations

import json

import pytest

import callscope
from callscope.errors import CallscopeError
from callscope.readers import detect

DOC = {
    "company": "Northwind Robotics",
    "ticker": "NWR",
    "date": "2024-07-30",
    "quarter": "Q2",
    "year": 2024,
    "title": "Northwind Robotics Q2 2024 Earnings Call",
    "speakers": {
        "op": {"name": "Operator", "role": "operator"},
        "1": {"name": "Jane Doe", "title": "Chief Financial Officer", "company": "Northwind Robotics", "role": "executive"},
        "2": {"name": "Priya Natarajan", "title": "Analyst", "firm": "Harbor Point Securities", "role": "analyst"},
    },
    "segments": [
        {"speaker": "op", "text": "Welcome to the Northwind Robotics second quarter call.", "section": "presentation"},
        {"speaker_id": 1, "text": "Revenue grew 12%.\n\nGross margin was 41%."},
        {"speaker_id": "1", "content": "Free cash flow was positive."},
        {"speaker": "op", "text": "Our first question comes from Priya Natarajan.", "section": "Q&A"},
        {"speaker_id": "2", "paragraphs": ["How should we think about orders?", {"text": "And margins?"}]},
        {"name": "Jane Doe", "text": "Orders remain strong."},
        {"speaker": "Unidentified Analyst", "text": "A follow-up, if I may."},
    ],
}


@pytest.fixture(scope="module")
def call() -> callscope.Call:
    return callscope.read(json.dumps(DOC).encode(), name="northwind.json")


def test_detected_and_metadata(call: callscope.Call) -> None:
    assert detect(json.dumps(DOC)).name == "json_segments"
    info = call.call
    assert (info.format, info.company, info.ticker, info.date, info.fiscal_period, info.title) == (
        "json_segments", "Northwind Robotics", "NWR", "2024-07-30", "Q2 2024", "Northwind Robotics Q2 2024 Earnings Call"
    )


def test_speakers_map_and_segment_keys(call: callscope.Call) -> None:
    people = {p.name: p for p in call.participants}
    assert (people["Jane Doe"].title, people["Jane Doe"].firm, people["Jane Doe"].role) == (
        "Chief Financial Officer", "Northwind Robotics", "executive"
    )
    assert (people["Priya Natarajan"].firm, people["Priya Natarajan"].role) == ("Harbor Point Securities", "analyst")
    assert people["Operator"].role == "operator"


def test_turns_sections_and_merging(call: callscope.Call) -> None:
    # Jane Doe's two consecutive segments are one turn; paragraphs come from blank lines and lists
    assert len(call.turns) == 6
    assert call.turns[1].text == "Revenue grew 12%.\nGross margin was 41%.\nFree cash flow was positive."
    assert call.turns[3].text == "How should we think about orders?\nAnd margins?"
    assert [t.section for t in call.turns] == ["presentation", "presentation", "qa", "qa", "qa", "qa"]
    assert call.exchanges[0].analyst == people_id(call, "Priya Natarajan")


def people_id(call: callscope.Call, name: str) -> int:
    return next(p.id for p in call.participants if p.name == name)


def test_bare_list_of_segments() -> None:
    segs = [{"speaker": "Operator", "text": "Welcome."}, {"speaker": "Jane Doe", "text": "Revenue grew."}]
    call = callscope.read(json.dumps(segs).encode(), name="list.json")
    assert call.call.format == "json_segments"
    assert [p.name for p in call.participants] == ["Operator", "Jane Doe"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"segments": [{"speaker": "A", "text": "x"},\n  {"speaker" "B"}]}', "malformed JSON at line 2, column 14"),
        ('[{"speaker": "A", "text": "x"}', "malformed JSON"),
        ('{"calls": []}', "no segment list"),
        ('[{"speaker": "A", "text": "x"}, 3]', "segment 1 is not an object"),
    ],
)
def test_bad_json_is_one_line_error(text: str, reason: str) -> None:
    with pytest.raises(CallscopeError) as err:
        callscope.read(text.encode(), name="bad.json")
    msg = str(err.value)
    assert reason in msg and "\n" not in msg and msg.startswith("bad.json: ")
