"""The two seed calls (plain `Name - Title` text) parse into the known speakers, roles and firms."""

from __future__ import annotations

import callscope

from .conftest import shared_path


def _firms(call: callscope.Call) -> dict[str, str | None]:
    return {(p.introduced_as or p.name): p.firm for p in call.analysts}


def test_juniper_q2_2006_turns_and_analysts() -> None:
    call = callscope.read(shared_path("seeds", "000_b01783c883e1784e.txt"))
    assert call.call.format == "dash"
    assert len(call.turns) == 50
    assert _firms(call) == {
        "Nikos Theodosopoulos": "UBS",
        "Jeung Shau": "Lehman Brothers",
        "Alex Henderson": "Citigroup",
        "Tal Liani": "Merrill Lynch",  # asked as "Unidentified Speaker" right after the operator's introduction
        "Tim Daubenspeck": "Pacific Crest Securities",
        "Subu Subrahmanyan": "Sanders Morris Harris",
        "Samuel Wilson": "JMP Securities",
        "Simon Leopold": "Morgan Keegan",
    }
    stand_in = next(p for p in call.analysts if p.introduced_as == "Tal Liani")
    assert stand_in.name == "Unidentified Speaker"
    assert {p.name for p in call.executives} == {"Randi Feigin", "Scott Kriens", "Bob Dykes"}
    assert call.call.company == "Juniper Networks, Inc."
    assert call.call.fiscal_period == "Q2 2006"
    assert call.call.date == "2006-07-19"
    # prepared remarks are the first four turns; every exchange belongs to one analyst
    assert [t.section for t in call.turns[:5]] == ["presentation"] * 4 + ["qa"]
    assert len(call.exchanges) == 8
    first = call.exchanges[0]
    assert call.participants[first.analyst].name == "Nikos Theodosopoulos"
    assert all(call.participants[call.turns[t].speaker].role == "executive" for ex in call.exchanges for t in ex.answer_turns)


def test_adtran_q2_2007_turns_and_firms() -> None:
    call = callscope.read(shared_path("seeds", "002_fab12e6d9bbcd3a6.txt"))
    assert len(call.turns) == 180
    firms = _firms(call)
    # 14 distinct analysts ask questions in this call (each announced by the operator by name)
    assert len(firms) == 14
    assert firms["Brian Coyne"] == "Friedman, Billings"
    assert firms["Nikos Theodosopoulos"] == "UBS"  # the operator said "UPS -- UBS"
    assert firms["Todd Koffman"] == "Raymond James"  # "the line off to Todd Koffman"
    assert firms["Ari Bensinger"] == "Standard & Poor's"
    assert all(firms.values())
    # short answers ("Okay.", "Correct.", "Go ahead.") are content, never speakers
    assert {p.name for p in call.participants if p.role != "analyst"} == {"Operator", "Tom Stanton", "Jim Matthews"}
    assert call.call.fiscal_period == "Q2 2007"
