"""JSON transcripts made of speaker segments (speech-to-text services, vendor APIs, scrapers).

Accepted shapes: a top-level list of `{speaker, text}` objects, or an object holding such a list
under `segments` / `transcript` / `turns` plus an optional `speakers` map
(id -> {name, title, firm|company, role}) and optional metadata (company, ticker, date, title,
fiscal_period or quarter + year). A segment names its speaker by `speaker` / `speaker_id` /
`name` (an id into `speakers` or a name), its words by `text` / `content` / `paragraphs`, and
may carry a `section`. Key names vary between producers, so each field is looked up by a short
list of synonyms rather than a fixed schema.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from ..errors import CallscopeError
from . import header
from .labels import is_operator, is_unidentified
from .raw import RawParticipant, RawTranscript, RawTurn
from .registry_types import reader

_LISTS = ("segments", "transcript", "turns", "utterances", "items")
_SPEAKER = ("speaker", "speaker_id", "speakerId", "speaker_name", "name")
_TEXT = ("text", "content", "paragraphs", "transcript")
_ROLES = {"operator": "operator", "executive": "executive", "management": "executive", "company": "executive",
          "analyst": "analyst", "unknown": "unknown"}
_SECTIONS = {"presentation": "presentation", "prepared remarks": "presentation", "prepared_remarks": "presentation",
             "qa": "qa", "q&a": "qa", "questions and answers": "qa", "question and answer": "qa", "q_and_a": "qa"}


def _first(d: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        if k in d and d[k] is not None:
            return d[k]
    return None


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = " ".join(str(v).split())
    return s or None


def _decode(text: str, source: str) -> Any:
    try:
        return msgspec.json.decode(text.encode("utf-8"))
    except msgspec.DecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(?\s*(?:at )?byte (\d+)\)?", msg)
        if m:
            pos = int(m.group(1))
            data = text.encode("utf-8")[:pos].decode("utf-8", "ignore")
            line, col = data.count("\n") + 1, len(data) - data.rfind("\n")
            msg = msg[: m.start()].replace("JSON is malformed: ", "").rstrip(" .-")
            raise CallscopeError(source, f"malformed JSON at line {line}, column {col}: {msg}") from None
        raise CallscopeError(source, f"malformed JSON: {msg}") from None


def _speakers(obj: Any) -> dict[str, dict[str, Any]]:
    """The `speakers` map as id -> record; a list of records is keyed by their `id`."""
    if isinstance(obj, dict):
        return {str(k): v if isinstance(v, dict) else {"name": v} for k, v in obj.items()}
    if isinstance(obj, list):
        return {str(v.get("id", i)): v for i, v in enumerate(obj) if isinstance(v, dict)}
    return {}


def _paragraphs(v: Any) -> list[str]:
    """A string (blank lines split paragraphs) or a list of strings / {text} objects."""
    if isinstance(v, list):
        return [p for x in v if (p := _str(x.get("text") if isinstance(x, dict) else x))]
    if v is None:
        return []
    return [p for part in re.split(r"\n\s*\n", str(v)) if (p := _str(part))]


def parse(text: str, source: str) -> RawTranscript:
    data = _decode(text, source)
    meta: dict[str, Any] = {}
    if isinstance(data, list):
        segs = data
    elif isinstance(data, dict):
        meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else data
        segs = next((data[k] for k in _LISTS if isinstance(data.get(k), list)), None)
        if segs is None:
            raise CallscopeError(source, f"JSON object has no segment list (expected one of: {', '.join(_LISTS)})")
    else:
        raise CallscopeError(source, "JSON is neither a list of segments nor an object holding one")
    speakers = _speakers(data.get("speakers") if isinstance(data, dict) else None)
    people: list[RawParticipant] = []
    for rec in speakers.values():
        name = _str(rec.get("name"))
        if name:
            role = _ROLES.get(str(rec.get("role", "")).lower())
            people.append(RawParticipant(name=name, title=_str(rec.get("title")), firm=_str(rec.get("firm") or rec.get("company")), role=role))  # type: ignore[arg-type]

    turns: list[RawTurn] = []
    for k, seg in enumerate(segs):
        if not isinstance(seg, dict):
            raise CallscopeError(source, f"segment {k} is not an object")
        who = _first(seg, _SPEAKER)
        rec = speakers.get(str(who)) if who is not None else None
        name = _str(rec.get("name")) if rec else _str(who)
        name = name or "Unidentified Speaker"
        role = _ROLES.get(str((rec or seg).get("role", "")).lower())
        if is_operator(name):
            role = "operator"
        elif is_unidentified(name):
            role = role or "unknown"
        section = _SECTIONS.get(str(seg.get("section", "")).lower().strip())
        paras = _paragraphs(_first(seg, _TEXT))
        if not paras:
            continue
        turn = RawTurn(
            name=name,
            title=_str((rec or {}).get("title") or seg.get("title")),
            firm=_str((rec or {}).get("firm") or (rec or {}).get("company") or seg.get("firm") or seg.get("company")),
            role=role,  # type: ignore[arg-type]
            section=section,  # type: ignore[arg-type]
            paragraphs=paras,
        )
        if turns and turns[-1].name == turn.name and turns[-1].section == turn.section:
            turns[-1].paragraphs += paras  # consecutive segments of one speaker are one turn
            continue
        turns.append(turn)

    raw = RawTranscript(source=source, format="json_segments", participants=people, turns=turns)
    raw.company = _str(meta.get("company") or meta.get("company_name"))
    raw.ticker = _str(meta.get("ticker") or meta.get("symbol"))
    raw.title = _str(meta.get("title") or meta.get("event"))
    date = _str(meta.get("date") or meta.get("event_date"))
    raw.date = header.find_date(date) if date else None
    fp = _str(meta.get("fiscal_period"))
    if fp is None and meta.get("quarter") and meta.get("year"):
        q = str(meta["quarter"]).upper().lstrip("Q")
        fp = f"Q{q} {meta['year']}"
    raw.fiscal_period = header.find_period(fp) if fp else None
    title = raw.title
    header.fill_metadata(raw, [p for t in turns[:2] for p in t.paragraphs[:2]])
    raw.title = title  # a title comes from the metadata, never from the first thing said
    return raw


def sniff(text: str) -> float:
    s = text.lstrip()[:5000]
    if not s.startswith(("{", "[")):
        return 0.0
    keys = set(re.findall(r'"(\w+)"\s*:', s))
    has_speaker = bool(keys & set(_SPEAKER)) or "speakers" in keys
    has_text = bool(keys & set(_TEXT)) or bool(keys & set(_LISTS))
    if has_speaker and has_text:
        return 0.9
    # any other JSON still comes here, so it fails with a JSON reason rather than being read as prose
    return 0.35 if re.match(r'^(?:\{\s*"|\[\s*[{\]])', s) else 0.0


READER = reader(
    "json_segments",
    "JSON speaker segments: a list of {speaker, text} or {segments, speakers, metadata}",
    '[{"speaker": "Operator", "text": "Welcome."}, {"speaker": "Jane Doe", "text": "Revenue grew."}]',
    sniff,
    parse,
    max_score=0.9,  # the highest score sniff() returns
)
