"""A call as the rows the store inserts, built in the parser process rather than in the writer.

Ingest has many parsers but one writer, and the writer's CPU competes with the parsers for the
same cores. So everything that does not need the store (word counts, company and period keys,
turn-id bits, the JSON text of warnings, exchanges, extras and measures, the promoted measures)
is computed here, next to the parse; the writer only adds the call id and inserts.

`call_rows()` is the one place that maps a call dict to rows, whichever process runs it and whether
the dict is `Call.to_dict()` itself or decoded from a call's JSON (other parsers, `Store.write_call`):
the two differ only in tuples against lists, which every column treats alike, so a store is the same
either way (a test checks it). `encode`/`decode` carry rows between processes as msgpack
behind a marker byte that JSON text never starts with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import msgspec

from .periods import company_key
from .schema import CALL_BITS, TURN_BITS, day_number, period_key

if TYPE_CHECKING:
    from ..model import Call

CORE = ("metric", "label", "value", "low", "high", "unit", "period", "turn", "sentence")
_CORE = frozenset(CORE)
# Where the measures stage puts each promoted figure (callscope.measures/1), then names to look for anywhere.
_PATHS = {
    "tone": [("call", "net_tone")],
    "uncertainty": [("call", "uncertainty_share")],
    "non_answer_rate": [("qa", "non_answer_share")],
}
_PROMOTED = {
    "tone": ("tone", "lm_tone", "net_tone"),
    "uncertainty": ("uncertainty", "lm_uncertainty", "uncertainty_share", "uncertainty_rate"),
    "non_answer_rate": ("non_answer_rate", "nonanswer_rate", "non_answer_share"),
}
MARKER = b"\xc1"  # never the first byte of JSON text (nor valid msgpack): tells encoded rows from call JSON
_JSON = msgspec.json.Encoder()
_MSGPACK = msgspec.msgpack.Encoder()
_UNPACK = msgspec.msgpack.Decoder()


def to_json(value: Any) -> str:
    """The JSON text stored in JSON columns: compact, UTF-8, numbers as `callscope parse --json` writes them
    (msgspec: ~4x faster than `json.dumps`, and NaN becomes null instead of invalid JSON)."""
    return _JSON.encode(value).decode()


def _is_number(v: Any) -> bool:
    """A number JSON can hold (NaN is null there, as if the measure were missing)."""
    return isinstance(v, int | float) and not isinstance(v, bool) and v == v


def promoted(measures: dict[str, Any], key: str) -> float | None:
    """The number at the measures stage's path for `key`, else the first under one of its names (shallow first)."""
    for path in _PATHS[key]:
        v: Any = measures
        for part in path:
            v = v.get(part) if isinstance(v, dict) else None
        if _is_number(v):
            return float(v)
    names = _PROMOTED[key]
    level: list[dict[str, Any]] = [measures]
    while level:
        for d in level:
            for name in names:
                v = d.get(name)
                if _is_number(v):
                    return float(v)
        level = [v for d in level for v in d.values() if isinstance(v, dict)]
    return None


class CallRows(NamedTuple):
    """Everything `Store` writes for one call except what only the store knows (ids, source, hash, size)."""

    call: tuple[Any, ...]  # calls columns format .. warnings, in table order
    company: tuple[str | None, str | None, str | None]  # (name, upper-cased ticker, company_key(name))
    too_big: bool  # more turns (or a higher turn index) than the turn-id layout holds
    participants: list[tuple[Any, ...]]  # (pid, name, title, firm, role)
    turns: list[tuple[Any, ...]]  # (day and index bits of the turn id, idx, speaker, role, section, n_words, text)
    exchanges: list[tuple[Any, ...]]  # table columns after call_id
    facts: list[tuple[Any, ...]]  # idx, CORE..., extra JSON
    guidance: list[tuple[Any, ...]]
    measures: tuple[Any, ...] | None  # (tone, uncertainty, non_answer_rate, data JSON)


def _figures(items: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """facts/guidance rows: the core columns, and every other key as `extra` JSON."""
    core, encode = _CORE, _JSON.encode
    return [(i, *map(f.get, CORE), encode({k: v for k, v in f.items() if k not in core}).decode()) for i, f in enumerate(items)]


def call_dict(call: Call) -> dict[str, Any]:
    """What `call_rows` needs of `call.to_dict()`, sharing the facts, guidance and measures instead of copying them.

    Those are already plain dicts and lists (built by their stages); `to_dict` copies them item by item,
    about 0.5 ms per call, only for `call_rows` to read them once. Tuples stay tuples, which the rows
    treat as lists (see the module doc)."""
    d = msgspec.structs.replace(call, facts=(), guidance=(), measures={}).to_dict()
    d.update(facts=call.facts, guidance=call.guidance, measures=call.measures)
    return d


def call_rows(d: dict[str, Any]) -> CallRows:
    """Rows for a call dict: `Call.to_dict()`, or the same decoded from the call's JSON."""
    info = d.get("call", {})
    parts = d.get("participants", [])
    turns = d.get("turns", [])
    exchanges = d.get("exchanges", [])
    roles = {p["id"]: p.get("role", "unknown") for p in parts}
    words = [len(t["text"].split()) for t in turns]
    qa_words = sum(w for t, w in zip(turns, words, strict=True) if t.get("section") == "qa")
    date, name, ticker = info.get("date"), info.get("company"), info.get("ticker")
    call = (
        info.get("format"), name, ticker, info.get("title"), date, info.get("fiscal_period"),
        period_key(info.get("fiscal_period"), date), info.get("language"), len(turns), sum(words), qa_words,
        len(exchanges), to_json(list(d.get("warnings", []))),
    )
    company = (name, ticker.strip().upper() if ticker and ticker.strip() else None, company_key(name))
    too_big = len(turns) > 1 << TURN_BITS or any(t["index"] >= 1 << TURN_BITS for t in turns)
    day = day_number(date) << (CALL_BITS + TURN_BITS)
    rows = CallRows(
        call, company, too_big,
        [(p["id"], p["name"], p.get("title"), p.get("firm"), p.get("role", "unknown")) for p in parts],
        [
            (day | t["index"], t["index"], t["speaker"], roles.get(t["speaker"], "unknown"), t.get("section", "presentation"), w, t["text"])
            for t, w in zip(turns, words, strict=True)
        ],
        [
            (i, e["analyst"], to_json(e.get("question_turns", [])), to_json(e.get("answer_turns", [])),
             int(bool(e.get("non_answer"))), to_json(e.get("non_answer_types", [])))
            for i, e in enumerate(exchanges)
        ],
        _figures(d.get("facts", [])), _figures(d.get("guidance", [])), None,
    )
    measures = d.get("measures") or {}
    if measures:
        rate = promoted(measures, "non_answer_rate")
        if rate is None and exchanges:
            rate = sum(bool(e.get("non_answer")) for e in exchanges) / len(exchanges)
        rows = rows._replace(measures=(promoted(measures, "tone"), promoted(measures, "uncertainty"), rate, to_json(measures)))
    return rows


def encode(rows: CallRows) -> bytes:
    """Rows as bytes for the trip to the writer (a process pool result or a Parquet shard)."""
    return MARKER + _MSGPACK.encode(rows)


def decode(payload: bytes) -> CallRows:
    """Rows from `encode()`'s bytes, or from a call's JSON (what other parsers return)."""
    if payload[:1] == MARKER:
        return CallRows(*_UNPACK.decode(memoryview(payload)[1:]))
    return call_rows(msgspec.json.decode(payload))
