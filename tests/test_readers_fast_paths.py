"""Reader shortcuts: every fast sniffer, line test and text clean-up answers exactly what its plain definition answers.

The sniffers turn most text away with substring tests before their regex and line scans; these
property tests build text from the pieces each format is recognised by (so both the shortcut and
the full scan get exercised) and compare the two.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.errors import CallscopeError
from callscope.readers import (
    colon,
    colon_pdf,
    dash,
    detect,
    factset,
    flat,
    fool,
    header,
    readers,
    refinitiv,
    streetevents,
    streetevents_pdf,
)
from callscope.readers.colon_pdf import _PAGE, _colon_ok, _compact
from callscope.readers.labels import is_name, is_operator, normalise_name
from callscope.readers.lines import RULE, head_lines, paragraphs
from callscope.readers.source import _BAD, _REPLACE, _SYNC, _bad_count, _unsync, clean
from callscope.readers.streetevents_pdf import _mentioned


def texts(pieces: list[str], max_lines: int = 60) -> st.SearchStrategy[str]:
    """Lines glued from `pieces` and filler (some empty, some padded), so lines start, end and repeat in many ways."""
    line = st.lists(st.sampled_from([*pieces, " ", "x", "Jane Doe"]), max_size=4).map("".join)
    return st.lists(line, max_size=max_lines).map("\n".join)


@settings(max_examples=400)
@given(texts(["Republication or redistribution", "THOMSON REUTERS", " STREETEVENTS", "REFINITIV", " |", ""] * 2, max_lines=80))
def test_se_pdf_notice_count_shortcut(text: str) -> None:
    assert streetevents_pdf.sniff(text) == streetevents_pdf._sniff_notices(text)


def _refinitiv_plain(text: str) -> float:
    head = text[:20_000]
    if re.search(r"^CORPORATE PARTICIPANTS\s*$", head, re.M) and re.search(r"^PRESENTATION\s*$", text, re.M):
        if "THOMSON REUTERS" in head or "Thomson Reuters" in head:
            return 0.5
        return 0.9
    return 0.0


@settings(max_examples=300)
@given(texts(["CORPORATE PARTICIPANTS", "PRESENTATION", "THOMSON REUTERS", "Thomson Reuters", "  "]))
def test_refinitiv_substring_shortcut(text: str) -> None:
    assert refinitiv.sniff(text) == _refinitiv_plain(text)


def _label_share_plain(text: str, sep: re.Pattern[str]) -> float:
    lines = [ln.strip() for ln in text[:40_000].split("\n") if ln.strip()]
    hits = sum(1 for ln in lines if len(ln) < 160 and sep.search(ln) and dash.split_label(ln, sep) is not None)
    ops = sum(1 for ln in lines if len(ln) < 40 and is_operator(ln))
    if hits < 2 or hits + ops < 3:
        return 0.0
    return min(0.8, 0.3 + (hits + ops) / max(8.0, len(lines) * 0.15))


LABEL_PIECES = ["Jane Doe", "Marcus Webb", " - ", " -- ", "-", "--", " \u2013 ", "\u2013", "\t-\t", "\x0b", " \x85", "CFO",
                "Northwind Robotics", "Analyst", "Operator", "Revenue grew by a lot this year.", "  "]


@settings(max_examples=500)
@given(texts(LABEL_PIECES))
def test_label_share_marks_shortcut(text: str) -> None:
    for sep, marks in ((dash.SEP, dash.SEP_MARKS), (fool.SEP, fool.SEP_MARKS)):
        assert dash.label_share(text, sep, marks) == _label_share_plain(text, sep)
        assert all(any(m in ln for m in marks) for ln in text.split("\n") if sep.search(ln))


@settings(max_examples=1000)
@given(st.text(alphabet=" \t\x0b\x1c\x85\u2028\u3000-\u2013\u2014ab", max_size=12))
def test_every_separator_match_holds_a_mark(line: str) -> None:
    for sep, marks in ((dash.SEP, dash.SEP_MARKS), (fool.SEP, fool.SEP_MARKS)):
        if sep.search(line):
            assert any(m in line for m in marks)


@settings(max_examples=1000)
@given(st.text(alphabet=".?!:\"'`;,a \n\t", max_size=6))
def test_sentence_end_test_equals_its_regex(line: str) -> None:
    s = line.strip()
    assert s.endswith(colon_pdf._SENTENCE_ENDS) == bool(re.search(r"[.?!:\"']$", s))


def _colon_pdf_plain(text: str) -> float:
    lines = [ln.strip() for ln in text[:40_000].split("\n")]
    long = [ln for ln in lines if 60 <= len(ln) <= 130]
    wrapped = sum(1 for ln in long if not re.search(r"[.?!:\"']$", ln))
    if wrapped < 4 or wrapped < 0.3 * len(long):
        return 0.0
    colon = sum(1 for ln in lines if ":" in ln and _colon_ok(ln, set()))
    bare_ops = sum(1 for ln in lines if ln in ("Operator", "Operator:"))
    pages = sum(1 for ln in lines if _PAGE.match(ln))
    spaced = any(_compact(ln) in ("CORPORATEPARTICIPANTS", "PRESENTATION") and "  " not in ln and ln.count(" ") > 5 for ln in lines[:60])
    if colon >= 3:
        return min(0.75, 0.6 + colon / 30)
    if (bare_ops >= 1 or spaced) and pages >= 2:
        return 0.6
    return 0.0


WRAP_PIECES = ["the company grew its revenue in every region and segment over ", "the year", ".", "?", ":", '"', "'", "!",
               " \t", "Operator", "Operator:", "Jane Doe: ", "Marcus Webb:", "1", "Page 2", "P R E S E N T A T I O N"]


WRAP_LINES = [
    "the company grew its revenue in every region and segment over the",
    "the company grew its revenue in every region and segment this year.",
    "Operator",
    "Operator:",
    "1",
    "Page 2",
    "P R E S E N T A T I O N",
    "C O R P O R A T E P A R T I C I P A N T S",
    "P R E S E N T A T I O N  N O W",
    "Jane Doe:  Thanks, and good morning to you all.",
    "Marcus Webb:",
    "",
]


@settings(max_examples=400)
@given(texts(WRAP_PIECES))
def test_colon_pdf_wrapped_shortcut(text: str) -> None:
    assert colon_pdf.sniff(text) == _colon_pdf_plain(text)


@settings(max_examples=600)
@given(st.lists(st.sampled_from(WRAP_LINES), max_size=40).map("\n".join))
def test_colon_pdf_label_scan(text: str) -> None:
    assert colon_pdf.sniff(text) == _colon_pdf_plain(text)


@given(texts(LABEL_PIECES, max_lines=8), texts(LABEL_PIECES, max_lines=8))
def test_head_lines_follows_the_text_it_is_given(a: str, b: str) -> None:
    for text in (a, b, a, "".join([a]), b):
        assert list(head_lines(text)) == [ln.strip() for ln in text[:40_000].split("\n") if ln.strip()]


def _streetevents_plain(text: str) -> float:
    lines = text[:40_000].split("\n")
    heads = sum(
        1
        for i, ln in enumerate(lines[1:], 1)
        if ln.endswith("]") and streetevents.HEAD.match(ln.strip()) and RULE.match(lines[i - 1].strip() or "x")
    )
    rules = sum(1 for ln in lines[:50] if ln.startswith("====="))
    if heads >= 2:
        return 0.95
    if rules >= 2 and re.search(r"^(PRESENTATION SUMMARY|Presentation|Corporate Participants)\s*$", text, re.M):
        return 0.9
    return 0.0


@settings(max_examples=400)
@given(texts(["=====", "-----", "Operator", "  [1]", "[2]", "]", "Presentation", "Jane Doe,  Northwind - CFO"], max_lines=70))
def test_streetevents_header_shortcut(text: str) -> None:
    assert streetevents.sniff(text) == _streetevents_plain(text)


@settings(max_examples=500)
@given(st.text(alphabet="]\nx ", max_size=20))
def test_streetevents_header_gate_misses_no_header_line(text: str) -> None:
    if any(ln.endswith("]") for ln in text.split("\n")[1:]):
        assert streetevents._may_hold_headers(text)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["", "", "", " ", "\t", "x"]), max_size=100).map("\n".join))
def test_flat_line_gate_only_fires_on_many_lines(text: str) -> None:
    if flat._many_lines(text):
        assert len([ln for ln in text.split("\n") if ln.strip()]) > 8


SE_LINES = ["-----", "=====", "Operator  [1]", "Jane Doe,  Northwind - CFO  [2]", "Presentation", "Revenue grew.", "", "  [3] "]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(SE_LINES), max_size=30).map("\n".join))
def test_streetevents_header_lines(text: str) -> None:
    assert streetevents.sniff(text) == _streetevents_plain(text)


def _flat_plain(text: str) -> float:
    head = text[:200_000]
    lines = [ln for ln in head.split("\n") if ln.strip()]
    if not lines or len(head) < 3000 or len(lines) > 8 or max(len(x) for x in lines) < 2000:
        return 0.0
    s = " ".join(head.split())
    hits = sum(1 for m in flat.LABEL.finditer(s) if m.group("firm") and is_name(m.group("name")))
    ops = len(flat.OPERATOR.findall(s))
    return 0.85 if hits + ops >= 3 else 0.0


FLAT_PIECES = ["Operator Welcome. ", "Jane Doe - Northwind Robotics - CFO Revenue grew. ", "Marcus Webb - Harbor Point - Analyst What? ",
               "the quarter was good " * 25, "   "]


@settings(max_examples=300)
@given(texts(FLAT_PIECES, max_lines=80))
def test_flat_line_count_shortcut(text: str) -> None:
    assert flat.sniff(text) == _flat_plain(text)


def _colon_plain(text: str) -> float:
    lines = [ln for ln in text[:40_000].split("\n") if ln.strip()]
    if not lines:
        return 0.0
    ok = colon._accepted(lines)
    hits = sum(1 for ln in lines if (w := colon._who(ln)) is not None and normalise_name(w[0]) in ok)
    if hits < 3:
        return 0.0
    return min(0.7, 0.2 + hits / max(6.0, len(lines) * 0.3))


@settings(max_examples=400)
@given(texts(["Jane Doe:", "Marcus Webb: ", "Operator: ", "Jane:", "Note:", " Revenue grew.", ":", "  "]))
def test_colon_labels_found_once(text: str) -> None:
    assert colon.sniff(text) == _colon_plain(text)


LABEL_LINES = ["Jane Doe -- Chief Financial Officer", "Jane Doe - Chief Financial Officer", "Marcus Webb \u2013 Harbor Point Securities \u2013 Research Analyst",
               "Unidentified Company Representative", "Nora Quist \u2013 Analyst",
               "Operator", "Unidentified Speaker", "Jane Doe", "Prepared Remarks:", "Questions and Answers:", "Revenue grew - a lot.",
               "Thanks -- and welcome.", "", " ", "Okay."]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(LABEL_LINES), max_size=30).map("\n".join))
def test_labelled_lines_mark_gate(text: str) -> None:
    # marks ("", "") are in every line: the gate lets everything through, as before it existed
    for sep, marks in ((dash.SEP, dash.SEP_MARKS), (fool.SEP, fool.SEP_MARKS)):
        assert dash.labelled_lines(text, sep, marks, "dash") == dash.labelled_lines(text, sep, ("", ""), "dash")
        assert dash.split_label("", sep) is None


def _paragraphs_plain(body: list[str], *, wrapped: bool = False) -> list[str]:
    out: list[str] = []
    cur: list[str] = []
    width = max((len(x) for x in body), default=0)
    for ln in body:
        s = ln.strip()
        if not s or RULE.match(s):
            if cur:
                out.append(" ".join(cur))
                cur = []
            continue
        if not wrapped:
            if cur:
                out.append(" ".join(cur))
            cur = [s]
            continue
        cur.append(s)
        if len(s) < 0.75 * width and re.search(r"""[.?!:;"')\]]\s*$""", s):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return [(" ".join(p.split()) if "  " in p else p.strip()) for p in out if p]


RULE_PIECES = ["---", "- - -", "===", "__", "...", "*", "~", "  ", "Revenue  grew", "a \t b", "\u2028", "\x1c", " ", "\t", "Revenue grew", ".", "the long line goes on and on"]


@settings(max_examples=500)
@given(st.lists(st.lists(st.sampled_from(RULE_PIECES), max_size=5).map("".join), max_size=12), st.booleans())
def test_paragraphs_rule_shortcut(body: list[str], wrapped: bool) -> None:
    assert paragraphs(body, wrapped=wrapped) == _paragraphs_plain(body, wrapped=wrapped)


ODD_CHARS = "\x00\x01\x08\t\n\x0b\x0c\r\x1b\x1f \x7f\x80\u00a0\u00e9\u2013\u2014\u2019\ufeff\ufffd\ud800\U0001f600ab<"


@settings(max_examples=1000)
@given(st.text(alphabet=ODD_CHARS, max_size=60))
def test_bad_count_equals_the_regex(sample: str) -> None:
    assert _bad_count(sample) == len(_BAD.findall(sample))


def _clean_plain(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    text = _SYNC.sub(_unsync, text) if "<Sync" in text or "<sync" in text else text
    if not text.strip():
        raise CallscopeError("x", "empty file")
    sample = text[:100_000]
    bad = len(_BAD.findall(sample))
    if bad > max(20, len(sample) // 50):
        raise CallscopeError("x", "not text (too many control or undecodable characters)")
    return text


def _outcome(fn, text: str) -> str:  # type: ignore[no-untyped-def]
    try:
        return "ok:" + fn(text, "x") if fn is clean else "ok:" + fn(text)
    except CallscopeError as exc:
        return "error:" + str(exc)


CLEAN_PIECES = [ODD_CHARS[i] for i in range(len(ODD_CHARS))] + ['<Sync id="L1"/>', "<sync/>", "<SYNC/>", "e\u0301", "Revenue grew. "]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(CLEAN_PIECES), max_size=40).map("".join))
def test_clean_equals_the_plain_definition(text: str) -> None:
    assert _outcome(clean, text) == _outcome(_clean_plain, text)


def _colon_pdf_section_plain(line: str) -> str | None:
    c = re.sub(r"[^A-Z&]", "", line.upper())
    if len(line) < 45 and c in {"PRESENTATION", "PREPAREDREMARKS"}:
        return "presentation"
    if len(line) < 45 and c.startswith(("QUESTIONSANDANSWER", "QUESTIONANDANSWER", "QA")) and len(c) < 30:
        return "qa"
    return header.section_heading(line)


SECTION_PIECES = ["PRESENTATION", "P R E S E N T A T I O N", "Prepared Remarks", "Q&A", "QUESTIONS AND ANSWERS", "Question-and-Answer Session",
                  " ", "          ", "- - - - -", ":", "x", "1", "&"]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(SECTION_PIECES), max_size=8).map("".join))
def test_colon_pdf_section_compacts_only_short_lines(line: str) -> None:
    assert colon_pdf._section(line) == _colon_pdf_section_plain(line)


@settings(max_examples=300)
@given(st.text(alphabet='[]().,"\' aZ\t\u00c9', max_size=20))
def test_normalise_name_with_compiled_pattern(name: str) -> None:
    assert normalise_name(name) == " ".join(re.sub(r"[\[\]().,\"]", " ", name.lower()).split())


def _mentioned_plain(name_words: list[str], text: str) -> bool:
    if len(name_words) < 2:
        return False
    if re.fullmatch(r"[A-Z]\.?|[A-Z&]{2,}", name_words[-1].rstrip(",")) or streetevents_pdf.is_firm_word(name_words[-1]):
        return False
    last = re.escape(name_words[-1].rstrip(","))
    firsts = {re.escape(w.rstrip(".,")) for w in name_words[:-1] if len(w.rstrip(".,")) > 1}
    firsts.add(re.escape(name_words[0][0]) + r"[a-z]+")
    if name_words[-1].rstrip(",") not in text:
        return False
    pat = r"\b(?:" + "|".join(sorted(firsts)) + r")\s+(?:[A-Z]\.\s+)?" + last + r"\b"
    return re.search(pat, text) is not None


MENTION_NAMES = [["Thomas", "Kline"], ["Thomas", "Edward", "Kline"], ["Jane", "Q.", "Lee"], ["Kieran", "O'Dell"], ["Ng", "Lee,"], ["Edward", "T.", "Kline"]]
MENTION_WORDS = ["Tom", "Thomas", "T", "Edward", "Kline", "Lee", "Jane", "Kieran", "O'Dell", "Ng", "Q.", "x", "\u00e9"]
MENTION_GAPS = [" ", " ", "  ", "\n", "", ".", " Q. ", "_"]
mention_texts = st.lists(st.tuples(st.sampled_from(MENTION_WORDS), st.sampled_from(MENTION_GAPS)).map("".join), max_size=10).map("".join)


@settings(max_examples=1000)
@given(mention_texts)
def test_mentioned_by_mirrored_search(text: str) -> None:
    for name_words in MENTION_NAMES:
        assert _mentioned(name_words, text) == _mentioned_plain(name_words, text), name_words
        assert _mentioned(name_words, text + "") == _mentioned_plain(name_words, text)  # the mirrored text is cached per text


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Jane", "Doe", "Q.", "van", "Jr.", "[Nora", "Quist]", "Okay.", "O'Dell", "3", "revenue", ","]), max_size=7).map(" ".join))
def test_is_name_cache_answers_what_the_function_does(label: str) -> None:
    assert is_name(label) == is_name.__wrapped__(label)
    assert is_name(label, max_words=2) == is_name.__wrapped__(label, max_words=2)


FIXTURES = sorted((Path(__file__).parent / "fixtures" / "readers").glob("*.txt")) + sorted(
    (Path(__file__).resolve().parents[1] / "src" / "callscope" / "samples").glob("*.txt")
)
ALL_LINES = LABEL_LINES + WRAP_LINES + SE_LINES + ["CORPORATE PARTICIPANTS", "PRESENTATION", "Call Participants", "S&P Capital IQ",
                                                   "Company: Northwind", "Symbol: NWR", "Quarter: Q1", "---", '[{"speaker": "A", "text": "b"}]']


def _detect_plain(text: str) -> str:
    head = text[:60_000]
    best, best_score = "prose", 0.0
    for r in readers():
        if r.name == "prose":
            continue
        score = r.sniff(head)
        if score > best_score:
            best, best_score = r.name, score
    return best if best_score >= 0.3 else "prose"


def test_detect_skips_only_readers_that_cannot_win_on_fixtures() -> None:
    assert FIXTURES
    for path in FIXTURES:
        text = path.read_text()
        assert detect(text).name == _detect_plain(text), path.name
        for r in readers():
            assert r.sniff(text[:60_000]) <= r.max_score, (r.name, path.name)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(ALL_LINES), max_size=60).map("\n".join))
def test_detect_skips_only_readers_that_cannot_win(text: str) -> None:
    assert detect(text).name == _detect_plain(text)
    for r in readers():
        if r.name != "prose":
            assert r.sniff(text) <= r.max_score, r.name


@settings(max_examples=800)
@given(st.text(alphabet="QAq a\t\n\u2028x]", max_size=8))
def test_qa_mark_shortcut_equals_the_search(s: str) -> None:
    fast, plain = factset._qa_mark(s), factset._QA_MARK.search(s)
    assert (fast and (fast.span(), fast.group(1))) == (plain and (plain.span(), plain.group(1)))


def _se_label_plain(lines: list[str], i: int) -> object:
    m = streetevents.HEAD.match(lines[i].strip())
    if not m or i == 0 or not RULE.match(lines[i - 1].strip() or "x"):
        return None
    return streetevents.split_who(m.group("who")), 1


@settings(max_examples=400)
@given(st.lists(st.sampled_from([*SE_LINES, "Operator  [1]  ", "Jane Doe  [2]\n", "x]", "  [4]\t"]), min_size=1, max_size=12))
def test_streetevents_label_needs_a_closing_bracket(lines: list[str]) -> None:
    for i in range(len(lines)):
        assert streetevents._label(lines, i) == _se_label_plain(lines, i)
