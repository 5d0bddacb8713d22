"""Machine transcripts (earningscall.biz style): a `Key: value` header, `---`, then paragraphs
that open with the speaker's name and title run straight into the speech, no delimiters.

"Dana Whitfield Vice President of Investor Relations Thank you, operator." is split with three
signals, best effort: a name is a short run of capitalised name words that recurs in the text
(introductions, other paragraphs); a title is a run of title words, optionally `, Firm` or
`at Firm`; and a speaker's title is what all of that speaker's paragraphs share (repetition beats
vocabulary). Consecutive paragraphs of one speaker are one turn (the transcriber breaks
paragraphs arbitrarily).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from . import header
from .labels import is_name
from .raw import RawTranscript, RawTurn
from .registry_types import reader
from .vocab import CONNECTORS, is_title_word, shared_title_len

_HEADER = re.compile(r"^(Company|Symbol|Exchange|Year|Quarter|Source|Extracted At(?: \(UTC\))?|Date)\s*:\s*(.*)$")
_OPERATOR = re.compile(r"^(?:Operator\s+)?(?:(?:Conference|Call|Event)\s+){0,2}(?:Operator|Moderator|Coordinator)\b\s*")
_ANON = re.compile(r"^(?:spk_?\d+|Speaker\s*\d+|Unknown(?: Speaker| Analyst| Participant)?|Unidentified(?: \w+){0,2})(?=\s)", re.I)
# words that open speech, so they end a name or a firm ("Raj Patel Analyst, Northgate Capital Thank you")
_SPEECH = re.compile(
    r"^(?:Hi|Hey|Hello|Thank|Thanks|Good|Yes|Yeah|So|Okay|OK|Great|Sure|Well|I|I'm|I'll|We|Just|My|Let|And|Maybe|"
    r"Oh|Um|Uh|Welcome|Today|Morning|Afternoon|Evening|Congrats|Congratulations|Two|One|First|On|In|The|This|That|It|All|Right|Perfect|Guys|Can|Could)\b"
)
_INITIAL = re.compile(r"^[A-Z]\.$")


def _name_word(w: str) -> bool:
    if not re.fullmatch(r"[A-Z][\w'\-]*|[A-Z]\.|(?:de|van|von|da|di|le|la|del|der)", w) or is_title_word(w):
        return False
    return bool(_INITIAL.match(w)) or w.islower() or (is_name(w) and not _SPEECH.match(w))


def _title_len(words: Sequence[str]) -> int:
    """Title words, then an optional `, Firm` / `at Firm` run of capitalised non-speech words."""
    n = 0
    while n < min(len(words), 16) and is_title_word(words[n]):
        n += 1
    while n and words[n - 1].lower().strip(",") in CONNECTORS:
        n -= 1
    if not n:
        return 0
    at = n < len(words) and words[n] == "at"
    if words[n - 1].endswith(",") or at:
        k = n + 1 if at else n
        m = k
        while m < len(words) and m - k < 5 and not _SPEECH.match(words[m]):
            w = words[m]
            inner = w in ("of", "&", "and") and m + 1 < len(words) and words[m + 1][:1].isupper() and m > k
            if not (re.match(r"^[A-Z0-9]", w) or inner):
                break
            m += 1
            if re.search(r"[.?!]$", w) and not re.fullmatch(r"(?:[A-Z]\.)+|Co\.|Inc\.", w):
                break
        if m > k:
            n = m
    return n


_EXEC_WORDS = r"CEO|CFO|COO|CTO|Chief|President|Vice President|VP|EVP|SVP|Investor Relations|Founder|Chairman|Chairwoman|Treasurer|Controller"
_EXEC = re.compile(rf"\b(?:{_EXEC_WORDS})\b", re.I)
# words that make a comma-separated tail part of the title, not a firm ("EVP, Memory Business")
_CORE_TITLE = re.compile(
    rf"\b(?:{_EXEC_WORDS}|Director|Head|Manager|Analyst|Officer|Relations|Counsel|Secretary|Partner|Principal|Business|Division|Strategy)\b",
    re.I,
)


def _role_hint(title: str | None) -> str | None:
    """What the printed title says: `Analyst` asks, an officer's title answers."""
    if not title:
        return None
    if re.search(r"\banalyst\b", title, re.I):
        return "analyst"
    return "executive" if _EXEC.search(title) else None


def _split_title(title: str) -> tuple[str | None, str | None]:
    """'Analyst, Morgan Stanley' / 'Analyst at JPMorgan' / 'CFO, Comcast Corporation' -> (title, firm)."""
    t = title.strip(" ,")
    m = re.match(r"^(.*?\S)\s+at\s+(.+)$", t)
    if m:
        return m.group(1), m.group(2)
    head, sep, tail = t.rpartition(", ")
    if sep and not _CORE_TITLE.search(tail):
        return head, tail
    return t or None, None


def _paragraphs(text: str) -> tuple[dict[str, str], list[str]]:
    meta: dict[str, str] = {}
    lines = text.split("\n")
    start = 0
    for i, ln in enumerate(lines[:30]):
        m = _HEADER.match(ln.strip())
        if m:
            meta[m.group(1).split()[0].lower()] = m.group(2).strip()
        elif ln.strip() == "---":
            start = i + 1
            break
    body = "\n".join(lines[start:])
    return meta, [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]


def _count_words(text: str, phrase: str) -> int:
    """Occurrences of `phrase` as whole words (what `\\bphrase\\b` counts), via C-speed str.find."""
    n, i, size = 0, text.find(phrase), len(phrase)
    while i != -1:
        before = text[i - 1] if i else " "
        after = text[i + size] if i + size < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            n += 1
        i = text.find(phrase, i + 1)
    return n


def parse(text: str, source: str) -> RawTranscript:
    meta, paras = _paragraphs(text)
    flat = " ".join(paras)

    seen: dict[str, int] = {}

    def mentions(name: str) -> int:
        # paragraphs open with the same few names again and again: count each once, and let a
        # substring test rule out most candidates before the regex scan
        if name not in seen:
            seen[name] = _count_words(flat, name)
        return seen[name]

    # 1. the name each paragraph opens with
    heads: list[tuple[str, str | None, list[str]]] = []  # (name, role, remaining words)
    for p in paras:
        m = _OPERATOR.match(p) or _ANON.match(p)
        if m:
            role = "operator" if m.re is _OPERATOR else "unknown"
            heads.append(("Operator" if role == "operator" else m.group(0).strip(), role, p[m.end() :].split()))
            continue
        words = p.split()
        k = 0
        # a word that could open speech ("Oh") still belongs to a name the text repeats ("Jenna Oh")
        while k < min(4, len(words)) and (
            _name_word(words[k])
            or (k and _SPEECH.match(words[k]) and re.fullmatch(r"[A-Z][a-z]+", words[k]) and mentions(" ".join(words[: k + 1])) >= 2)
        ):
            k += 1
        cands = [n for n in range(k, 0, -1) if is_name(" ".join(words[:n]))]
        if not cands:
            heads.append(("", None, words))
            continue
        n = next((c for c in cands if c > 1 and mentions(" ".join(words[:c])) >= 2), 0)
        if not n:
            n = min(cands[0], 3 if len(words) > 1 and _INITIAL.match(words[1]) else 2)
        heads.append((" ".join(words[:n]), None, words[n:]))

    # a one-word label is only a speaker's first name ("Ella" for Ella Brandt), never a product or topic
    full = {name.split()[0] for name, role, _ in heads if role is None and len(name.split()) > 1}
    for k, (name, role, rest) in enumerate(heads):
        if role is None and name and len(name.split()) == 1 and name not in full:
            heads[k] = ("", None, [name, *rest])

    # 2. each speaker's title: what their paragraphs share, capped by the title-word run
    by_name: dict[str, list[list[str]]] = defaultdict(list)
    for name, role, rest in heads:
        if name and role is None:
            by_name[name].append(rest[:20])
    title_of: dict[str, int] = {}
    for name, seqs in by_name.items():
        run = max(_title_len(s) for s in seqs)
        title_of[name] = shared_title_len(seqs, run) if len(seqs) > 1 else run

    turns: list[RawTurn] = []
    for name, role, rest in heads:
        if not name:
            if turns:
                turns[-1].paragraphs.append(" ".join(rest))
            continue
        title = firm = None
        if role is None:
            n = title_of.get(name, 0)
            n = n if rest[:n] == by_name[name][0][:n] else _title_len(rest)
            if n:
                title, firm = _split_title(" ".join(rest[:n]))
                rest = rest[n:]
        hint = role or _role_hint(title)
        speech = " ".join(rest)
        if turns and turns[-1].name == name and turns[-1].title == title:
            turns[-1].paragraphs.append(speech)
            continue
        turns.append(RawTurn(name=name, title=title, firm=firm, role=hint, paragraphs=[speech]))  # type: ignore[arg-type]
    turns = [t for t in turns if any(p.strip() for p in t.paragraphs)]

    raw = RawTranscript(source=source, format="asr", turns=turns, company=meta.get("company"), ticker=meta.get("symbol"))
    if meta.get("quarter") and meta.get("year"):
        raw.fiscal_period = f"{meta['quarter'].upper()} {meta['year']}"
        raw.title = f"{raw.company or raw.ticker} {raw.fiscal_period} Earnings Call"
    raw.date = header.find_date(meta.get("date", "")) if meta.get("date") else None
    header.fill_metadata(raw, [p for t in turns[:2] for p in t.paragraphs[:2]])
    return raw


def sniff(text: str) -> float:
    head = text[:3000]
    keys = sum(1 for ln in head.split("\n")[:15] if _HEADER.match(ln.strip()))
    if keys >= 3 and re.search(r"^---\s*$", head, re.M):
        return 0.9
    return 0.0


READER = reader(
    "asr",
    "Machine transcripts (earningscall.biz): `Company:`/`Symbol:` header, speaker name and title inline",
    "Company: Northwind\nSymbol: NWR\n---\nConference Operator Welcome.\n\nJane Doe Chief Financial Officer Revenue grew.",
    sniff,
    parse,
    max_score=0.9,  # the highest score sniff() returns
)
