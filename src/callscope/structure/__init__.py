"""Structure stage: `structure(raw) -> Call` with participants, roles, sections and Q&A exchanges."""

from __future__ import annotations

from ..model import Call, CallInfo, Participant, Turn
from ..readers.labels import is_unidentified
from ..readers.raw import RawTranscript
from .exchanges import pair_exchanges
from .intros import find_intros
from .names import same_person, same_surname
from .participants import MERGED, Person, resolve
from .roles import assign_roles, assign_sections


def structure(raw: RawTranscript) -> Call:
    turns = [t for t in raw.turns if any(p.strip() for p in t.paragraphs)]
    raw.turns = turns
    people, speakers = resolve(raw)
    sections = assign_sections(turns, speakers, people)
    assign_roles(people, speakers, turns, sections, raw.company)
    _firms_from_intros(people, speakers, raw, sections)
    pids, participants = _number(people, speakers)
    call_turns = tuple(
        Turn(index=i, speaker=pids[s], section=sections[i], text="\n".join(p for p in t.paragraphs if p.strip()))  # type: ignore[arg-type]
        for i, (t, s) in enumerate(zip(turns, speakers, strict=True))
    )
    exchanges = pair_exchanges(call_turns, participants)
    company = raw.company or _issuer(people)
    info = CallInfo(
        source=raw.source,
        format=raw.format,
        company=company,
        ticker=raw.ticker,
        title=raw.title,
        date=raw.date,
        fiscal_period=raw.fiscal_period,
    )
    return Call(
        call=info,
        participants=participants,
        turns=call_turns,
        exchanges=exchanges,
        warnings=tuple(raw.warnings),
    )


def _firms_from_intros(people: list[Person], speakers: list[int], raw: RawTranscript, sections: list[str]) -> None:
    """Give analysts the firm the operator announced; split unidentified askers by introduction."""
    for i in range(1, len(speakers)):
        prev, cur = people[speakers[i - 1]], people[speakers[i]]
        if prev.role != "operator" or sections[i] != "qa":
            continue
        intros = find_intros(" ".join(raw.turns[i - 1].paragraphs))
        if not intros:
            continue
        if is_unidentified(cur.name) and cur.role in ("unknown", "analyst", None):
            intro = intros[-1]
            speakers[i] = _unidentified_asker(people, speakers, i, intro.name, intro.firm)
            continue
        if cur.role != "analyst":
            continue
        for intro in intros:
            if same_person(intro.name, cur.name) or same_surname(intro.name, cur.name):
                if not cur.firm and intro.firm:
                    cur.firm = intro.firm
                break


def _unidentified_asker(people: list[Person], speakers: list[int], i: int, name: str, firm: str | None) -> int:
    """An unidentified speaker right after an introduction is the introduced analyst; later turns of
    the same label until the next operator turn are that analyst too."""
    label = people[speakers[i]].name
    asker = Person(name=label, firm=firm, role="analyst", introduced_as=name)
    people.append(asker)
    new = len(people) - 1
    old = speakers[i]
    j = i
    while j < len(speakers) and people[speakers[j]].role != "operator":
        if speakers[j] == old:
            speakers[j] = new
        j += 1
    return new


def _number(people: list[Person], speakers: list[int]) -> tuple[dict[int, int], tuple[Participant, ...]]:
    """Participant ids in order of first speech, then silent listed participants."""
    order: list[int] = []
    for s in speakers:
        if s not in order:
            order.append(s)
    for k, p in enumerate(people):
        if k not in order and p.listed and p.role != MERGED:
            order.append(k)
    pids = {k: n for n, k in enumerate(order)}
    parts = tuple(
        Participant(
            id=pids[k],
            name=people[k].name,
            title=people[k].title,
            firm=people[k].firm,
            role=people[k].role if people[k].role in ("operator", "executive", "analyst") else "unknown",  # type: ignore[arg-type]
            aliases=tuple(people[k].aliases),
            introduced_as=people[k].introduced_as,
        )
        for k in order
    )
    return pids, parts


def _issuer(people: list[Person]) -> str | None:
    firms = [p.firm for p in people if p.role == "executive" and p.firm]
    return max(set(firms), key=firms.count) if firms else None


__all__ = ["structure"]
