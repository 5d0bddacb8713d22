"""Synthetic calls (fictional Northwind Robotics) in each core format: speakers, roles, firms, sections."""

from __future__ import annotations

import pytest

import callscope
from callscope.samples import paths as sample_paths

SE = """Q2 2025 Northwind Robotics Inc Earnings Call
JULY 24, 2025 / 9:00PM GMT

================================================================================
Corporate Participants
================================================================================

 * Dana Whitfield
   Northwind Robotics Inc - VP of IR
 * Priya Raman
   Northwind Robotics Inc - CFO

================================================================================
Conference Call Participiants
================================================================================

 * Sarah Kim
   Harbor Securities LLC, Research Division - Senior Analyst

================================================================================
Presentation
--------------------------------------------------------------------------------
Operator    [1]
--------------------------------------------------------------------------------

          Welcome to the Northwind Robotics second quarter 2025 call. I will now turn it over to Dana Whitfield.

--------------------------------------------------------------------------------
Dana Whitfield,  Northwind Robotics Inc - VP of IR    [2]
--------------------------------------------------------------------------------

          Thanks. With me is Priya Raman, our CFO.

--------------------------------------------------------------------------------
Priya Raman,  Northwind Robotics Inc - CFO    [3]
--------------------------------------------------------------------------------

          Revenue was $163.4 million.
Margins expanded.

================================================================================
Questions and Answers
--------------------------------------------------------------------------------
Operator    [1]
--------------------------------------------------------------------------------

          Our first question comes from Sarah Kim with Harbor Securities.

--------------------------------------------------------------------------------
Sarah Kim,  Harbor Securities LLC, Research Division - Senior Analyst    [2]
--------------------------------------------------------------------------------

          How big was the grocery contract?

--------------------------------------------------------------------------------
Priya Raman,  Northwind Robotics Inc - CFO    [3]
--------------------------------------------------------------------------------

          About $4 million this quarter.

--------------------------------------------------------------------------------
Sarah Kim,  Harbor Securities LLC, Research Division - Senior Analyst    [4]
--------------------------------------------------------------------------------

          Okay.
"""

FOOL = """Northwind Robotics (NWRB) Q2 2025 Earnings Call Transcript

Prepared Remarks:

Operator

Good afternoon and welcome to the Northwind Robotics second quarter 2025 earnings call.

Dana Whitfield -- Vice President, Investor Relations

Thank you. With me is Priya Raman, our CFO.

Priya Raman -- Chief Financial Officer

Revenue was $163.4 million, up 25%.

10 stocks we like better than Northwind Robotics
When our award-winning analyst team picks a fictional stock, this made-up promo line is printed.

Questions and Answers:

Operator

Our first question comes from Sarah Kim with Harbor Securities.

Sarah Kim -- Harbor Securities -- Analyst

How big was the grocery contract?

Priya Raman -- Chief Financial Officer

About $4 million.

Sarah Kim -- Harbor Securities -- Analyst

Okay.

Operator

Our next question comes from the line of Luis Ortega with Summit Research.

Luis Ortega -- Summit Research -- Analyst

Any slowdown in Europe?

Chuck Lee -- Chief Executive Officer

No. Orders grew 19%.
"""

REFINITIV = """CORPORATE PARTICIPANTS
~
Dana Whitfield
Northwind Robotics Inc. - VP of IR
~
Priya Raman
Northwind Robotics Inc. - CFO
CONFERENCE CALL PARTICIPANTS
~
Sarah Kim
Harbor Securities LLC, Research Division - Analyst
PRESENTATION
~
Operator
Good day, and welcome to the Northwind Robotics Inc. Second Quarter 2025 Earnings Call. I would now like to turn the
conference over to Dana Whitfield.
~
Dana Whitfield
Northwind Robotics Inc. - VP of IR
Thank you. With me today is Priya Raman, our Chief Financial Officer, who will review the results for the quarter and
our outlook for the rest of the year.
~
Priya Raman
Northwind Robotics Inc. - CFO
Revenue was $163.4 million.
QUESTIONS AND ANSWERS
~
Operator
(Operator Instructions) The first question comes from Sarah Kim with Harbor Securities.
~
Sarah Kim
Harbor Securities LLC, Research Division - Analyst
How big was the grocery contract, and when does the rest of it land in revenue over the next few quarters and into next
year?
~
Priya Raman
Northwind Robotics Inc. - CFO
About $4 million this quarter.
""".replace("\n~\n", "\n \n")  # Refinitiv separates blocks with lines holding one space

COLON = """Operator: Welcome to the Northwind Robotics second quarter 2025 call. I'll hand over to Dana Whitfield.
Dana Whitfield: Thanks. With me are Marcus Lee, our CEO, and Priya Raman, our CFO.
Priya Raman: Revenue was $163.4 million.
Operator: Our first question comes from Sarah Kim with Harbor Securities.
Sarah Kim: How big was the grocery contract?
Priya Raman: About $4 million.
Sarah Kim: And the second supplier?
Marcus Lee: Qualification finishes in the third quarter.
Operator: Next, Luis Ortega with Summit Research.
Luis Ortega: Any slowdown in Europe?
Marcus Lee: No.
"""


def _roles(call: callscope.Call) -> dict[str, str]:
    return {p.name: p.role for p in call.participants}


def test_streetevents() -> None:
    call = callscope.read(SE, name="se.txt")
    assert call.call.format == "streetevents"
    assert [call.participants[t.speaker].name for t in call.turns] == [
        "Operator", "Dana Whitfield", "Priya Raman", "Operator", "Sarah Kim", "Priya Raman", "Sarah Kim",
    ]
    assert [t.section for t in call.turns] == ["presentation"] * 3 + ["qa"] * 4
    assert _roles(call) == {"Operator": "operator", "Dana Whitfield": "executive", "Priya Raman": "executive", "Sarah Kim": "analyst"}
    kim = next(p for p in call.participants if p.name == "Sarah Kim")
    assert kim.firm == "Harbor Securities LLC, Research Division" and kim.title == "Senior Analyst"
    assert call.call.date == "2025-07-24" and call.call.fiscal_period == "Q2 2025"
    assert call.call.company == "Northwind Robotics Inc"
    assert call.turns[2].text == "Revenue was $163.4 million.\nMargins expanded."
    (ex,) = call.exchanges
    assert ex.question_turns == (4, 6) and ex.answer_turns == (5,)


# the same call with transcription sync markers in the speech, in the two forms StreetEvents files use
SE_SYNC = (
    SE.replace(
        "          Welcome to the Northwind Robotics second quarter 2025 call. I will now",
        '          <Sync id="L1"/>Welcome to the Northwind Robotics second quarter 2025 call.  <Sync id="L2"time="00:00:41"/>I will now',
    )
    .replace("Thanks. With me is", 'Thanks. <Sync id="L3"/><Sync id="L4"time="00:00:52"/>With me is')
    .replace("Margins expanded.", 'Margins<Sync id="L5"/>expanded.')
    .replace("About $4 million this quarter.", 'About $4 million <Sync id="L9"/>(roughly) this quarter<Sync id="L10"/>.')
)


def test_streetevents_sync_markers_are_dropped_cleanly() -> None:
    plain, synced = callscope.read(SE, name="se.txt"), callscope.read(SE_SYNC, name="se_sync.txt")
    assert SE_SYNC.count("<Sync") == 7 and synced.call.format == "streetevents"
    assert synced.turns[2].text == "Revenue was $163.4 million.\nMargins expanded."  # no glued words
    assert synced.turns[5].text == "About $4 million (roughly) this quarter."
    # no double spaces, nothing else lost
    assert [t.text for t in synced.turns] == [t.text.replace("million this", "million (roughly) this") for t in plain.turns]
    assert [(p.name, p.role) for p in synced.participants] == [(p.name, p.role) for p in plain.participants]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('Thanks. <Sync id="L3"/>With me', "Thanks. With me"),
        ('call.  <Sync id="L2"time="00:00:41"/>I will', "call. I will"),
        ('   <Sync id="L1"/>Welcome.', "   Welcome."),  # a line's indentation stays
        ('end. <Sync id="L6"/>\nNext', "end.\nNext"),
        ('word<Sync id="L7"/>word', "word word"),
        ('a <Sync id="L8"/> <Sync id="L9"/>(inaudible)', "a (inaudible)"),
        ('(<Sync id="L5"/>laughs) quarter<Sync id="L6"/>.', "(laughs) quarter."),
        ("no markers <b>here</b>", "no markers <b>here</b>"),
    ],
)
def test_drop_sync_tags(text: str, want: str) -> None:
    from callscope.readers.source import drop_sync_tags

    assert drop_sync_tags(text) == want


def test_fool_drops_promos_and_keeps_firms() -> None:
    call = callscope.read(FOOL, name="fool.txt")
    assert call.call.format == "fool"
    assert "stocks we like" not in call.text and "award-winning" not in call.text
    assert _roles(call)["Chuck Lee"] == "executive"
    firms = {p.name: p.firm for p in call.analysts}
    assert firms == {"Sarah Kim": "Harbor Securities", "Luis Ortega": "Summit Research"}
    assert sum(t.section == "qa" for t in call.turns) == 7
    assert call.call.ticker == "NWRB"


def test_refinitiv_rejoins_wrapped_lines() -> None:
    call = callscope.read(REFINITIV, name="refinitiv.txt")
    assert call.call.format == "refinitiv"
    assert [call.participants[t.speaker].name for t in call.turns] == [
        "Operator", "Dana Whitfield", "Priya Raman", "Operator", "Sarah Kim", "Priya Raman",
    ]
    q = call.turns[4].text
    assert q.startswith("How big was the grocery contract") and q.endswith("into next year?") and "\n" not in q
    assert _roles(call)["Sarah Kim"] == "analyst"
    assert call.call.fiscal_period == "Q2 2025"


def test_colon_infers_roles_and_sections_without_titles() -> None:
    call = callscope.read(COLON, name="colon.txt")
    assert call.call.format == "colon"
    assert _roles(call) == {
        "Operator": "operator", "Dana Whitfield": "executive", "Priya Raman": "executive",
        "Sarah Kim": "analyst", "Marcus Lee": "executive", "Luis Ortega": "analyst",
    }
    assert [t.section for t in call.turns] == ["presentation"] * 3 + ["qa"] * 8
    firms = {p.name: p.firm for p in call.analysts}
    assert firms == {"Sarah Kim": "Harbor Securities", "Luis Ortega": "Summit Research"}
    assert [len(ex.question_turns) for ex in call.exchanges] == [2, 1]


def test_prose_is_one_presentation_turn() -> None:
    call = callscope.read("Revenue grew 12% this quarter.\nWe expect margins to expand.\n", name="ects.txt")
    assert call.call.format == "prose"
    assert len(call.turns) == 1 and call.turns[0].section == "presentation"
    assert call.turns[0].text == "Revenue grew 12% this quarter.\nWe expect margins to expand."


def test_name_variants_are_one_participant() -> None:
    text = FOOL.replace("Chuck Lee -- Chief Executive Officer", "Charles H. Lee -- Chief Executive Officer") + (
        "\nChuck Lee -- CEO\n\nThanks everyone.\n"
    )
    call = callscope.read(text, name="variants.txt")
    lee = [p for p in call.participants if p.name.endswith("Lee")]
    assert len(lee) == 1 and lee[0].name == "Charles H. Lee" and "Chuck Lee" in lee[0].aliases


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_bundled_samples(path) -> None:  # type: ignore[no-untyped-def]
    call = callscope.read(path)
    assert call.call.company == "Northwind Robotics Inc" and call.call.ticker == "NWRB"
    assert {p.name for p in call.executives} == {"Dana Whitfield", "Marcus Lee", "Priya Raman"}
    assert len(call.analysts) == 3 and all(p.firm for p in call.analysts)
    assert len(call.exchanges) == 3


def test_json_contract_shape() -> None:
    d = callscope.read(sample_paths()[0]).to_dict()
    assert d["schema"] == "callscope.call/1"
    assert set(d) >= {"call", "participants", "turns", "exchanges", "facts", "guidance", "measures", "warnings"}
    assert set(d["call"]) >= {"source", "format", "company", "ticker", "title", "date", "fiscal_period", "language"}
    assert all(set(p) >= {"id", "name", "title", "firm", "role"} for p in d["participants"])
    assert all(set(t) == {"index", "speaker", "section", "text"} for t in d["turns"])
    assert all(set(e) >= {"analyst", "question_turns", "answer_turns", "non_answer", "non_answer_types"} for e in d["exchanges"])
    assert [p["id"] for p in d["participants"]] == list(range(len(d["participants"])))


def test_moderator_opens_qa_without_operator() -> None:
    text = (
        "Dana Whitfield - VP, Investor Relations\nWelcome. With me is Priya Raman, our CFO.\n"
        "Priya Raman - CFO\nRevenue was $163.4 million.\n"
        "Dana Whitfield - VP, Investor Relations\nThanks, Priya. Our first question comes from Sarah Kim at Harbor Securities.\n"
        "Sarah Kim - Analyst\nHow big was the contract?\n"
        "Priya Raman - CFO\nAbout $4 million.\n"
    )
    call = callscope.read(text, name="moderated.txt")
    assert [t.section for t in call.turns] == ["presentation", "presentation", "qa", "qa", "qa"]


def test_name_made_of_dashes_does_not_crash() -> None:
    from callscope.structure.names import same_person

    assert same_person("Ann Smith-Jones", "Ann Jones")
    assert not same_person("Ann -", "Bob -")
