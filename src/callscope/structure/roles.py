"""Decide each participant's role and each turn's section.

Evidence, strongest first: the transcript's own hints (participant lists, `Analyst` titles,
explicit section headings), the issuer's firm, speaking in the prepared remarks, being
introduced by the operator in Q&A, and finally how a person behaves in Q&A (asking after the
operator vs answering an analyst).
"""

from __future__ import annotations

import re
from collections import Counter

from ..readers.labels import is_unidentified
from ..readers.raw import RawTurn
from .intros import find_intros
from .names import same_surname, tokens
from .participants import Person

EXEC_TITLE = re.compile(
    r"\b(ceo|cfo|coo|cto|cio|cmo|cao|chief|president|chairman|chair|chairwoman|founder|officer|"
    r"vice president|vp|svp|evp|treasurer|controller|investor relations|ir|director|head|counsel|"
    r"secretary|managing director of investor|executive|general manager|manager|corporate)\b",
    re.I,
)
ANALYST_TITLE = re.compile(r"\banalyst\b|\bresearch\b|\bassociate\b", re.I)
ANALYST_FIRM = re.compile(r"\bresearch division\b|\bequity research\b", re.I)
QA_CUE = re.compile(
    r"\b(first|next|following|our|last|final)\s+question(er)?s?\b|\bquestion\s+(comes|is)\s+from\b|\bline of\b|"
    r"question[- ]and[- ]answer\s+(session|portion|period)\s+(will\s+)?(now\s+)?(begin|start)|"
    r"\bbegin\s+the\s+question",
    re.I,
)
MODERATOR_CUE = re.compile(r"\b(?:first|next)\s+question\s+(?:comes|is coming|will come|is|today is)\s+from\b", re.I)
_FIRM_NOISE = {"inc", "llc", "co", "corp", "corporation", "the", "ltd", "plc", "group", "company", "holdings", "n", "v", "sa", "ag", "lp"}


def firm_key(firm: str | None) -> frozenset[str]:
    if not firm:
        return frozenset()
    words = re.sub(r"[^a-z0-9 ]", " ", firm.lower()).split()
    return frozenset(w for w in words if w not in _FIRM_NOISE and len(w) > 1)


def same_firm(a: str | None, b: str | None) -> bool:
    ka, kb = firm_key(a), firm_key(b)
    return bool(ka and kb and (ka <= kb or kb <= ka or len(ka & kb) >= 2))


def assign_sections(raw_turns: list[RawTurn], speakers: list[int], people: list[Person]) -> list[str]:
    """Explicit headings win; otherwise Q&A starts at the operator turn that calls the first question."""
    if any(t.section == "qa" for t in raw_turns):
        out, seen_qa = [], False
        for t in raw_turns:
            seen_qa = seen_qa or t.section == "qa"
            out.append(t.section or ("qa" if seen_qa else "presentation"))
        return out
    start = qa_start(raw_turns, speakers, people)
    return ["presentation" if i < start else "qa" for i in range(len(raw_turns))]


def qa_start(raw_turns: list[RawTurn], speakers: list[int], people: list[Person]) -> int:
    """Index of the first Q&A turn: the earliest operator call for questions, or the first analyst."""
    n = len(raw_turns)
    starts = [n]
    first_analyst = next((i for i, s in enumerate(speakers) if people[s].role == "analyst"), None)
    if first_analyst is not None:
        starts.append(_back_over_operator(first_analyst, speakers, people))
    for i in range(1, min(starts)):
        if people[speakers[i]].role != "operator":
            # a host or IR officer who moderates ("our first question comes from ...") opens Q&A too
            if MODERATOR_CUE.search(" ".join(raw_turns[i].paragraphs)):
                starts.append(i)
                break
            continue
        nxt = speakers[i + 1] if i + 1 < n else None
        if nxt is None or people[nxt].role in ("operator", "executive"):
            continue
        text = " ".join(raw_turns[i].paragraphs)
        if QA_CUE.search(text) or find_intros(text):
            starts.append(_back_over_operator(i, speakers, people))
            break
    return min(starts)


def _back_over_operator(i: int, speakers: list[int], people: list[Person]) -> int:
    while i > 0 and people[speakers[i - 1]].role == "operator":
        i -= 1
    return i


def assign_roles(
    people: list[Person], speakers: list[int], raw_turns: list[RawTurn], sections: list[str], company: str | None = None
) -> None:
    """Fill `Person.role` for everyone (operator / executive / analyst / unknown)."""
    pres = {s for s, sec in zip(speakers, sections, strict=True) if sec == "presentation"}
    for s in pres:
        p = people[s]
        if p.role is None and not is_unidentified(p.name):
            p.role = "executive"
    exec_firms = [p.firm for p in people if p.role == "executive" and p.firm]
    issuer = Counter(exec_firms).most_common(1)[0][0] if exec_firms else company
    if issuer and not exec_firms:
        exec_firms = [issuer]
    for p in people:
        if p.role is not None:
            continue
        if ((p.title and ANALYST_TITLE.search(p.title)) or (p.firm and ANALYST_FIRM.search(p.firm))) and not (
            issuer and same_firm(p.firm, issuer)
        ):
            p.role = "analyst"
        elif issuer and p.firm:
            p.role = "executive" if any(same_firm(p.firm, f) for f in exec_firms) else "analyst"
        elif p.title and EXEC_TITLE.search(p.title):
            p.role = "executive"
    _roles_from_qa(people, speakers, raw_turns, sections)


def _roles_from_qa(people: list[Person], speakers: list[int], raw_turns: list[RawTurn], sections: list[str]) -> None:
    """Undecided people, by evidence: named in the prepared remarks or answering analysts -> executive;
    introduced by the operator or speaking right after the operator -> analyst. Two passes, so roles
    inferred in the first (who the analysts are) sharpen the second."""
    pres_text = " ".join(" ".join(t.paragraphs) for t, sec in zip(raw_turns, sections, strict=True) if sec == "presentation")
    undecided = [i for i, p in enumerate(people) if p.role in (None, "unknown") and not is_unidentified(p.name)]
    if not undecided:
        return
    named_in_pres = {i for i in undecided if _named_in(pres_text, people[i].name)}
    provisional: dict[int, str] = {}
    for _ in range(2):
        score: Counter[int] = Counter()
        for i, s in enumerate(speakers):
            if sections[i] != "qa" or s not in undecided or i == 0:
                continue
            prev_id = speakers[i - 1]
            prev_role = people[prev_id].role or provisional.get(prev_id)
            if prev_role == "operator":
                text = " ".join(raw_turns[i - 1].paragraphs)
                named = any(same_surname(x.name, people[s].name) for x in find_intros(text))
                score[s] += 3 if named else 1
            elif prev_role == "analyst" and prev_id != s:
                score[s] -= 1
        for i in undecided:
            evidence = score[i] - (3 if i in named_in_pres else 0)
            provisional[i] = "analyst" if evidence > 0 else "executive" if evidence < 0 or i in named_in_pres else "unknown"
    for i in undecided:
        people[i].role = provisional[i]


def _named_in(text: str, name: str) -> bool:
    """The person is named in `text`: full name, or a capitalised surname that is not also an ordinary
    word there ("May", "Long" and "Moore" need the first name too)."""
    toks = tokens(name)
    if not toks:
        return False
    last = toks[-1]
    if last not in text.lower():
        return False
    first_last = re.compile(r"\b" + re.escape(toks[0]) + r"\b.{0,20}\b" + re.escape(last) + r"\b", re.I)
    if len(toks) > 1 and first_last.search(text):
        return True
    if len(last) < 3 or re.search(r"\b" + re.escape(last) + r"\b", text) is not None:
        return False  # the surname occurs in lower case: an ordinary word, not evidence
    return re.search(r"\b" + re.escape(last.capitalize()) + r"\b", text) is not None
