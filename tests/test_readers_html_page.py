"""html_page: HTML transcript pages with bold speaker paragraphs."""

from __future__ import annotations

import pytest

import callscope
from callscope.readers import detect

PAGE = """<!DOCTYPE html><html><head><title>Northwind Robotics (NWR) Q2 2024 Earnings Call Transcript</title>
<script>var label = "<p><strong>Fake Person -- CEO</strong></p>";</script><style>p { color: red }</style></head>
<body><nav><p><strong>Home</strong></p><p><strong>Markets</strong></p></nav>
<h1>Northwind Robotics (NWR) Q2 2024 Earnings Call Transcript</h1>
<p>July 30, 2024, 5:00 p.m. ET</p>
<h2>Prepared Remarks:</h2>
<p><strong>Operator</strong></p>
<p><strong>Note:</strong> this is a bold lead-in inside speech, not a speaker.</p>
<p>Welcome to the Northwind Robotics second quarter 2024 earnings call.</p>
<p><strong>Jane Doe</strong> &mdash; <em>Chief Financial Officer</em></p>
<p>Revenue grew 12% to $48.2&nbsp;million.</p>
<p>Margins &amp; cash flow improved.</p>
<h2>Questions &amp; Answers:</h2>
<p><strong>Operator</strong></p>
<p>Our first question comes from Priya Natarajan with Harbor Point Securities.</p>
<p><b>Priya Natarajan -- Harbor Point Securities -- Analyst</b></p>
<p>How should we think about orders?</p>
<p><strong>Jane Doe:</strong> Orders remain <em>strong</em>.</p>
<p><strong>Okay.</strong></p>
<footer><p><strong>Copyright</strong> Example Media</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def call() -> callscope.Call:
    return callscope.read(PAGE.encode(), name="northwind.html")


def test_detected_and_metadata(call: callscope.Call) -> None:
    assert detect(PAGE).name == "html_page"
    info = call.call
    assert (info.format, info.ticker, info.date, info.fiscal_period) == ("html_page", "NWR", "2024-07-30", "Q2 2024")
    assert info.title == "Northwind Robotics (NWR) Q2 2024 Earnings Call Transcript"


def test_bold_labels(call: callscope.Call) -> None:
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Operator", "Jane Doe", "Priya Natarajan"}  # nothing from script/nav/footer
    assert people["Jane Doe"].title == "Chief Financial Officer"  # <strong>Name</strong> -- <em>Title</em>
    assert (people["Priya Natarajan"].firm, people["Priya Natarajan"].title) == ("Harbor Point Securities", "Analyst")
    assert people["Priya Natarajan"].role == "analyst"
    assert people["Jane Doe"].role == "executive"


def test_turns_sections_and_entities(call: callscope.Call) -> None:
    assert len(call.turns) == 5
    assert [t.section for t in call.turns] == ["presentation", "presentation", "qa", "qa", "qa"]
    assert call.turns[1].text == "Revenue grew 12% to $48.2 million.\nMargins & cash flow improved."
    # inline `<strong>Name:</strong> speech`; a bold "Okay." is speech, not a speaker
    assert call.turns[4].text == "Orders remain strong.\nOkay."
    assert len(call.exchanges) == 1


def test_not_html() -> None:
    assert detect("Operator\nWelcome.\nJane Doe - CFO\nRevenue grew.").name != "html_page"
