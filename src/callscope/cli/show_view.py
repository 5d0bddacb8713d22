"""Rich rendering of a Call for `callscope show` and the one-line `parse` summary."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from ..model import Call


def summary_line(call: Call) -> str:
    info = call.call
    sec = {s: sum(1 for t in call.turns if t.section == s) for s in ("presentation", "qa")}
    bits = [
        info.source,
        f"[{info.format}]",
        info.company or "?",
        info.fiscal_period or "",
        info.date or "",
        f"{len(call.turns)} turns ({sec['presentation']} presentation, {sec['qa']} Q&A)",
        f"{len(call.executives)} executives",
        f"{len(call.analysts)} analysts",
        f"{len(call.exchanges)} exchanges",
    ]
    if call.facts or call.guidance:
        bits.append(f"{len(call.facts)} facts, {len(call.guidance)} guidance")
    return "  ".join(b for b in bits if b)


def _words(text: str) -> int:
    return len(text.split())


def render_call(console: Console, call: Call) -> None:
    info = call.call
    head = " · ".join(x for x in (info.company, info.ticker, info.fiscal_period, info.date) if x) or info.source
    console.print(Panel(f"[bold]{head}[/]\n{info.title or ''}\n[dim]{info.source} ({info.format})[/]", expand=False))

    roster = Table(title="Participants", show_edge=False)
    for col in ("role", "name", "title", "firm", "turns", "words"):
        roster.add_column(col)
    order = {"executive": 0, "analyst": 1, "operator": 2, "unknown": 3}
    for p in sorted(call.participants, key=lambda p: (order[p.role], p.id)):
        spoken = [t for t in call.turns if t.speaker == p.id]
        name = p.name + (f" (as {p.introduced_as})" if p.introduced_as else "")
        roster.add_row(p.role, name, p.title or "", p.firm or "", str(len(spoken)), str(sum(_words(t.text) for t in spoken)))
    console.print(roster)

    sections = Table(title="Sections", show_edge=False)
    for col in ("section", "turns", "words"):
        sections.add_column(col)
    for s in ("presentation", "qa"):
        ts = call.section_turns(s)  # type: ignore[arg-type]
        sections.add_row(s, str(len(ts)), str(sum(_words(t.text) for t in ts)))
    console.print(sections)

    nav = Table(title=f"Q&A navigator ({len(call.exchanges)} exchanges)", show_edge=False)
    for col in ("#", "analyst", "firm", "question", "answered by", "turns"):
        nav.add_column(col, overflow="fold")
    for k, ex in enumerate(call.exchanges, 1):
        a = call.participants[ex.analyst]
        q = call.turns[ex.question_turns[0]].text.split("\n")[0]
        q = q if len(q) <= 90 else q[:87] + "..."
        who = []
        for t in ex.answer_turns:
            n = call.participants[call.turns[t].speaker].name
            if n not in who:
                who.append(n)
        flag = " [red]non-answer[/]" if ex.non_answer else ""
        nav.add_row(str(k), (a.introduced_as or a.name) + flag, a.firm or "", q, ", ".join(who), f"{ex.question_turns[0]}-{(ex.answer_turns or ex.question_turns)[-1]}")
    console.print(nav)
