"""Resolve raw speaker labels into participants: merge name variants, attach titles and firms.

Input is every label the reader saw (turn labels and header participant lists); output is one
mutable record per person plus, for each raw turn, the index of its speaker record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..readers.labels import is_operator, is_unidentified, normalise_name
from ..readers.raw import RawTranscript
from .names import same_person, tokens

MERGED = "merged"  # role of a record folded into another person


@dataclass
class Person:
    name: str
    title: str | None = None
    firm: str | None = None
    role: str | None = None  # hint from the transcript; final role is decided in roles.py
    aliases: list[str] = field(default_factory=list)
    introduced_as: str | None = None
    listed: bool = False  # appears in a header participant list

    def absorb(self, name: str, title: str | None, firm: str | None, role: str | None) -> None:
        if name != self.name and name not in self.aliases:
            # keep the fullest spelling as the display name
            if len(tokens(name)) > len(tokens(self.name)) or (
                len(tokens(name)) == len(tokens(self.name)) and len(name) > len(self.name)
            ):
                self.aliases.append(self.name)
                self.name = name
            else:
                self.aliases.append(name)
        self.title = self.title or title
        self.firm = self.firm or firm
        if role and (self.role is None or self.role == "unknown"):
            self.role = role


def resolve(raw: RawTranscript) -> tuple[list[Person], list[int]]:
    """Return people and, per raw turn, the person index speaking it."""
    people: list[Person] = []
    exact: dict[str, int] = {}
    operator: int | None = None

    def find(name: str) -> int | None:
        key = normalise_name(name)
        if key in exact:
            return exact[key]
        for i, p in enumerate(people):
            if p.role in ("operator",) or is_unidentified(p.name):
                continue
            if same_person(p.name, name) or any(same_person(a, name) for a in p.aliases):
                return i
        return None

    def add(name: str, title: str | None, firm: str | None, role: str | None, listed: bool = False) -> int:
        nonlocal operator
        if is_operator(name) or role == "operator":
            if operator is None:
                people.append(Person(name="Operator", role="operator"))
                operator = len(people) - 1
            return operator
        key = normalise_name(name)
        if is_unidentified(name):
            # each unidentified label is its own voice; roles.py may split it further by intro
            if key not in exact:
                people.append(Person(name=name, title=title, firm=firm, role=role or "unknown"))
                exact[key] = len(people) - 1
            return exact[key]
        idx = find(name)
        if idx is None:
            people.append(Person(name=name, title=title, firm=firm, role=role, listed=listed))
            idx = len(people) - 1
        else:
            people[idx].absorb(name, title, firm, role)
            people[idx].listed = people[idx].listed or listed
        exact[key] = idx
        return idx

    for rp in raw.participants:
        add(rp.name, rp.title, rp.firm, rp.role, listed=True)
    speakers = [add(t.name, t.title, t.firm, t.role) for t in raw.turns]
    _resolve_bare_surnames(people, speakers)
    return people, speakers


def _resolve_bare_surnames(people: list[Person], speakers: list[int]) -> None:
    """A one-word label ("Lee") that matches exactly one person's surname is that person."""
    for i, p in enumerate(people):
        toks = tokens(p.name)
        if len(toks) != 1 or p.role == "operator" or is_unidentified(p.name):
            continue
        matches = [j for j, q in enumerate(people) if j != i and len(tokens(q.name)) > 1 and tokens(q.name)[-1] == toks[0]]
        if len(matches) == 1:
            target = people[matches[0]]
            target.absorb(p.name, p.title, p.firm, p.role)
            p.role = MERGED
            for k, s in enumerate(speakers):
                if s == i:
                    speakers[k] = matches[0]
