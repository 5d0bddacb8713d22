"""The reader's view model: no text is ever lost or duplicated by marking, whatever the marks overlap."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from callscope import read
from callscope.samples import paths as sample_paths
from callscope.web import report_html
from callscope.web.format import figure_value, number
from callscope.web.reader import Mark, reader_view, segments

TEXT = st.text(alphabet=st.sampled_from("ab c.\n<>&\"'"), max_size=80)


@st.composite
def text_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(TEXT)
    marks = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        marks.append(Mark(a, b, draw(st.sampled_from(["fact", "guidance", "nonanswer", "uncertainty"])), draw(st.none() | st.just("f1"))))
    return text, marks


@given(text_and_marks())
def test_segments_keep_every_character_once(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    paragraphs = segments(text, marks)
    kept = [p for p in text.split("\n") if p.strip()]
    assert ["".join(s.text for s in para) for para in paragraphs] == kept
    for para in paragraphs:
        assert sum(1 for s in para if s.anchor == "f1") <= 1  # an anchor id appears once per paragraph at most


def test_segments_carry_the_classes_of_overlapping_marks() -> None:
    text = "Revenue was $5 million, which is uncertain."
    segs = segments(text, [Mark(0, 43, "nonanswer"), Mark(12, 22, "fact", "f0", "fact: revenue"), Mark(33, 42, "uncertainty")])[0]
    assert [(s.text, s.cls) for s in segs] == [
        ("Revenue was ", "nonanswer"), ("$5 million", "fact nonanswer"), (", which is ", "nonanswer"),
        ("uncertain", "nonanswer uncertainty"), (".", "nonanswer"),
    ]
    assert segs[1].anchor == "f0" and segs[1].title == "fact: revenue"


def test_view_of_a_call_without_measures_or_figures() -> None:
    call = read(sample_paths()[0]).to_dict()
    bare = {**call, "measures": None, "facts": [], "guidance": [], "exchanges": []}
    view = reader_view(bare)
    assert view.exchanges == [] and view.facts == [] and view.measure_rows == []
    assert len(view.turns) == len(call["turns"])
    html = report_html(bare)
    assert "No measures were stored for this call." in html


def test_view_of_a_parsed_call() -> None:
    view = reader_view(read(sample_paths()[1]).to_dict())
    assert [x.analyst for x in view.exchanges] == ["Sarah Kim", "Tom Alvarez", "Luis Ortega"]
    assert [x.non_answer for x in view.exchanges] == [False, True, False]
    assert view.qa_start is not None and view.turns[view.qa_start].section == "qa"
    assert {g.value for g in view.guidance} >= {"$170M – $176M", "$0.42 – $0.46/share"}
    assert view.measure_rows[0][0] == "Whole call"


def test_numbers_read_like_an_analyst_writes_them() -> None:
    assert number(163_400_000.0, "USD") == "$163.4M"
    assert number(2_350_000_000, "EUR") == "€2.35B"
    assert number(0.41, "USD/share") == "$0.41/share"
    assert number(-8, "%") == "-8%"
    assert number(25, "bp") == "25 bp"
    assert number(1385.0, "units") == "1,385 units"
    assert number(None, "USD") == "–"
    assert figure_value({"low": 1.7e8, "high": 1.76e8, "unit": "USD", "approx": True}) == "~$170M – $176M"
    assert figure_value({"low": 0.05, "high": None, "unit": "%"}) == "≥ 0.05%"


def test_a_signed_change_reads_once_with_its_direction() -> None:
    from callscope.web.reader import _comparison

    assert _comparison({"unit": "%", "comparison": {"direction": "down", "change": -40.0, "change_unit": "%"}}) == "down 40%"
    assert _comparison({"unit": "USD", "comparison": {"change": -5e6, "prior_value": 2e7, "prior_period": "Q1 2021"}}) == "-$5M from $20M (Q1 2021)"
