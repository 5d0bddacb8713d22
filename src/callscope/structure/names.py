"""One person, many spellings: `Charles H. Lee` / `Chuck Lee` / `Lee`.

Two names are the same person when their surnames agree and their first names are compatible
(equal, an initial, a nickname, or one a prefix of the other). The nickname table is a data file.
"""

from __future__ import annotations

from functools import lru_cache

from .. import lexicons
from ..readers.labels import normalise_name

_SUFFIX = {"jr", "sr", "ii", "iii", "iv", "cfa", "phd", "md", "cpa"}


@lru_cache(maxsize=1)
def nicknames() -> dict[str, set[str]]:
    """first name -> every name it may be swapped with (both directions)."""
    table: dict[str, set[str]] = {}
    for formal, nicks in lexicons.load("nicknames").entries:
        group = {formal, *nicks.split(",")}
        for name in group:
            table.setdefault(name, set()).update(group)
    return table


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in normalise_name(name).split() if t not in _SUFFIX)


def surname(name: str) -> str:
    toks = tokens(name)
    return toks[-1] if toks else ""


def first_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a in nicknames().get(b, ()) or b in nicknames().get(a, ()):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short)


def same_person(a: str, b: str) -> bool:
    """Whether two full names can denote one person."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        return False  # a bare surname is resolved against the roster (participants.py), never merged blindly
    if ta[-1] != tb[-1] and not _hyphen_surname(ta[-1], tb[-1]):
        return False
    return first_compatible(ta[0], tb[0])


def _hyphen_surname(a: str, b: str) -> bool:
    """`Smith-Jones` and `Jones`: the last part of a hyphenated surname agrees."""
    pa, pb = a.replace("-", " ").split(), b.replace("-", " ").split()
    return bool(pa and pb) and pa[-1] == pb[-1] and ("-" in a or "-" in b)


def same_surname(a: str, b: str) -> bool:
    """Both names end in the same surname (how an operator's "X with Y" is tied to the next speaker)."""
    ta, tb = tokens(a), tokens(b)
    return bool(ta and tb and ta[-1] == tb[-1])
