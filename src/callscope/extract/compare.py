"""Comparisons: `up 15% from $5.2 million in the second quarter of last year`.

Within a sentence each figure is a `value` (the thing reported), a `change` (`up 23%`, `a 7.5%
decline`) or a `prior` (`compared to $9.5 million`). Changes and priors are linked to the value they
qualify, which then carries a `comparison` dict; they stay figures of their own too, because the
prior quarter's number is itself a reported fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import lexicons
from . import caseless, context
from .numbers import Number
from .periods import Fiscal, PeriodMention
from .trie import trie_pattern


@dataclass
class Roles:
    role: list[str]  # per figure: value, change, prior
    head: list[int | None]  # per figure: index of the value it qualifies
    direction: list[str | None]


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    table = {k: v[0] for k, v in lexicons.load("comparison_cues").mapping().items()}
    _PRIOR_CUES.update(k for k, v in lexicons.load("comparison_cues").mapping().items() if "prior" in v[1:])
    alt = trie_pattern(table)  # longest first, like a length-sorted alternation, but one character rejects a position
    before = re.compile(
        rf"(?<![\w-])(?P<cue>{alt})\s+(?:(?P<prep>by|of|to)\s+)?(?:(?:a|an|the|approximately|about|roughly|nearly|almost|just|more|less|than|over|some|under|around|between|range|in|of)\s+)*$",
        re.I,
    )
    after = re.compile(rf"^\s*(?:[a-z-]+\s+)?(?P<cue>{alt})(?![\w-])", re.I)  # "15% growth", "15% volume growth"
    return before, after, table


_PRIOR_CUES: set[str] = set()  # cues whose figure is the prior value ("compared to $9.5 million"), from the lexicon
_CHANGE_UNITS = {"%", "bp", "pp"}


# "up 150 basis points sequentially and nearly 250 basis points year-over-year": a second change in a list
_LISTED = re.compile(
    r"(?:\s+[\w'-]+){0,5}?\s*,?\s*(?:and|or|while)\s+(?:(?:nearly|about|approximately|roughly|almost|over|more than|just over|another)\s+)*",
    re.I,
)


def _after_period(sentence: str, a: int, b: int) -> str:
    """The words between two figures with any period phrase dropped: ", and" in "59.6% for Q1, and 59.2%"."""
    gap = sentence[a:b]
    cut = max(gap.rfind(","), -1)
    return gap[cut + 1 :] if cut >= 0 else gap


@lru_cache(maxsize=1)
def _change_after() -> re.Pattern[str]:
    """Words right after a figure that make it a change: a comparison base or "higher than"."""
    bases = trie_pattern(context.words("change_base"))
    up, down = trie_pattern(context.words("change_up")), trie_pattern(context.words("change_down"))
    return re.compile(rf"^,?\s+(?:(?:{bases})\b|(?:(?P<up>{up})|(?P<down>{down}))\s+(?:than|from)\b)", re.I)


@lru_cache(maxsize=1)
def _change_noun() -> re.Pattern[str]:
    """A change noun reported with a copula before a figure: "growth was 26%", "the decline is 3%"."""
    nouns = trie_pattern(context.words("change_noun"))
    return re.compile(
        rf"\b(?:{nouns})\s+(?:rate\s+)?(?:was|were|is|came in at|of)\s+(?:(?:approximately|about|roughly|nearly|between)\s+)*$",
        re.I,
    )


_BY = caseless.Keyed(re.compile(r"\bby\s+(?:(?:approximately|about|roughly|nearly|another|an additional)\s+)?$", re.I), ("by",))


@lru_cache(maxsize=1)
def _revise_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    up, down = trie_pattern(context.words("revise_up")), trie_pattern(context.words("revise_down"))
    return re.compile(rf"\b(?:{up})\b", re.I), re.compile(rf"\b(?:{down})\b", re.I)


def _revised_by(sentence: str, nums: list[Number], i: int) -> str | None:
    """"up" / "down" when figure i is the step of a revision ("raising ... by $0.20 to $4.15"), else None."""
    n = nums[i]
    if not _BY.search(sentence[max(0, n.start - 30) : n.start]):  # most figures: no "by" right before
        return None
    pre = sentence[: n.start]  # "we have raised our sales outlook by $0.6 billion, our operating profit by $0.2 billion"
    up, down = _revise_rx()
    hits = [(m.start(), "up") for m in up.finditer(pre)] + [(m.start(), "down") for m in down.finditer(pre)]
    return max(hits)[1] if hits else None


def _priors() -> set[str]:
    _cues()
    return _PRIOR_CUES


def assign(sentence: str, nums: list[Number]) -> Roles:
    """Each figure's role in `sentence`, the value each change or prior qualifies, and its direction.

    The cue patterns are case-insensitive, so they run on the caseless fast path (`caseless.search`;
    `after_rx` is anchored with ^, so its search is a match); a cue's preposition is read from the text
    as said, as the plain search gave it."""
    before_rx, after_rx, table = _cues()
    priors = _priors()
    role: list[str] = []
    direction: list[str | None] = []
    for i, n in enumerate(nums):
        lo = nums[i - 1].end if i else max(0, n.start - 40)
        pre = sentence[max(lo, n.start - 40) : n.start]
        mb = caseless.search(before_rx, pre)
        ma = caseless.search(after_rx, sentence[n.end : n.end + 20])
        cue = mb.group("cue").lower() if mb else None
        if cue == "from" and n.is_range and re.search(r"\brang(?:e|es|ing)\s+from\s*$", pre, re.I):
            cue, mb = None, None  # "could range from $3.15 to $3.35": a range, not a prior value
        between = sentence[nums[i - 1].end : n.start] if i else ""
        listed = (
            i > 1
            and role[i - 1] == "prior"
            and (
                ("," in between and bool(re.fullmatch(r"\s*(?:and|or)\s+", _after_period(sentence, nums[i - 1].end, n.start))))
                or bool(re.fullmatch(r"(?:\s+(?:for|in|during|of)\s+[\w' ]{2,40}?)?\s*,?\s*and\s+", between))
            )
        )
        from_to = (
            cue in {"from", "up from", "down from", "increased from", "decreased from"}
            and i + 1 < len(nums)
            and bool(
                re.fullmatch(
                    r"(?:\s+[\w' ]{0,30}?)?\s+to\s+(?:(?:a|an|the|approximately|about)\s+)?", sentence[n.end : nums[i + 1].start]
                )
            )
        )
        if (cue in priors and i > 0) or listed or from_to:
            role.append("prior")
            direction.append(None)
        elif (
            cue and table[cue] != "ref" and pre[slice(*mb.span("prep"))] != "to" and (n.unit in _CHANGE_UNITS or table[cue] in {"up", "down"})
        ):
            role.append(
                "change"
            )  # "up 23%", "declined nearly $30 million", "increased by 200 million" (not "rose to $5 million")
            direction.append(table[cue])
        elif i and role[-1] == "change" and nums[i - 1].unit == n.unit and _LISTED.fullmatch(sentence[nums[i - 1].end : n.start]):
            role.append("change")  # "up 9% over the prior year second quarter, and 7% for the first half"
            direction.append(direction[-1])
        elif (
            ma
            and table[ma.group("cue").lower()] in {"up", "down"}
            and n.unit in _CHANGE_UNITS
            and not ma.group("cue").lower().endswith("from")
        ):
            role.append("change")
            direction.append(table[ma.group("cue").lower()])
        elif (mc := caseless.search(_change_after(), sentence[n.end : n.end + 40])) and (n.unit in _CHANGE_UNITS or mc.lastgroup):
            role.append("change")  # "minus 3% to plus 1% year over year", "$0.4 billion higher than our guide"
            direction.append(mc.lastgroup)
        elif (rev := _revised_by(sentence, nums, i)) is not None:
            role.append("change")  # "raising our full year revenue guide by $1.5 billion to $48.5 billion"
            direction.append(rev)
        elif n.unit in _CHANGE_UNITS and caseless.search(_change_noun(), sentence[max(lo, n.start - 40) : n.start]):
            role.append("change")  # "revenue growth was 26%"
            direction.append(None)
        else:
            role.append("value")
            direction.append(None)
    head: list[int | None] = [None] * len(nums)
    for i, r in enumerate(role):
        if r == "value":
            continue
        nxt = i + 1
        if (
            r == "change"
            and nxt < len(nums)
            and role[nxt] == "value"
            and re.fullmatch(r"\s*to\s*", sentence[nums[i].end : nums[nxt].start])
        ):
            head[i] = nxt
            continue
        if (
            r == "prior"
            and nxt < len(nums)
            and role[nxt] == "value"
            and re.search(r"\bto\s+\S*$", sentence[nums[i].end : nums[nxt].start])
        ):
            head[i] = nxt  # "from $3.10 per share to $3.30 per share"
            continue
        prev = [j for j in range(i - 1, -1, -1) if role[j] == "value"]
        if prev:
            head[i] = prev[0]
        elif r == "prior":
            later = [j for j in range(i + 1, len(nums)) if role[j] == "value"]
            head[i] = later[0] if later else None
        if head[i] is None and r == "prior":
            role[i] = "value"  # a comparison with nothing to compare: report it plainly
    return Roles(role, head, direction)


# a period phrase that is only the base of a change
CHANGE_BASE = re.compile(r"(?:year|quarter)[\s-](?:over|on)[\s-](?:year|quarter)|yoy|sequential(?:ly)?", re.I)


def rebase(sent: str, items: list[dict[str, Any]], pairs: list[tuple[Any, Any]], heads: list[int | None]) -> None:
    """"Q3 revenue growth of 1% to 4% year over year": the base is a year before the figure's own period,
    not before the call's (the comparison period was resolved against the call)."""
    for i, it in enumerate(items):
        against = pairs[i][1]
        own = re.fullmatch(r"Q([1-4]) (\d{4})", it["period"] or "")
        if against is None or own is None or not CHANGE_BASE.fullmatch(sent[against.start : against.end]):
            continue
        back = 1 if re.match(r"seq|quarter", sent[against.start : against.end], re.I) else 4
        f = Fiscal(int(own.group(1)), int(own.group(2))).shift(-back)
        pairs[i] = (pairs[i][0], PeriodMention(against.start, against.end, f"Q{f.quarter} {f.year}", against.relation))
        for j in (i, heads[i]):
            comp = items[j]["comparison"] if j is not None else None
            if comp and comp.get("prior_period") == against.period:
                comp["prior_period"] = f"Q{f.quarter} {f.year}"


def carry_base(it: dict[str, Any], fiscal: Fiscal) -> None:
    """A change's "year over year" base was resolved against the call; move it with the carried period."""
    comp, own = it.get("comparison"), re.fullmatch(r"Q([1-4]) (\d{4})", it["period"] or "")
    if not comp or not comp.get("prior_period") or own is None:
        return
    for back in (1, 4):
        if comp["prior_period"] == _quarter(fiscal.shift(-back)):
            f = Fiscal(int(own.group(1)), int(own.group(2))).shift(-back)
            comp["prior_period"] = f"Q{f.quarter} {f.year}"
            return


def signed(value: float | None, direction: str | None) -> float | None:
    """A change said as a magnitude ("down 8%") as a signed number (-8); `value` itself stays as said."""
    return -value if value is not None and value > 0 and direction == "down" else value


def no_comparison() -> dict[str, Any]:
    """A figure's comparison before anything is known about it (every key present, so outputs align)."""
    return dict.fromkeys(("prior_value", "prior_unit", "prior_period", "change", "change_unit", "direction"))


def _quarter(f: Fiscal) -> str | None:
    return f"Q{f.quarter} {f.year}" if f.quarter and f.year else None
