"""The lexicon registry: every word list and pattern set callscope uses is data loaded here.

A lexicon is a text file in `lexicons/data/` whose `# key: value` header lines record its name,
version and source (so outputs can say which list produced a number), followed by one entry per
line. Entries may carry tab-separated fields (`term<TAB>field...`). Larger research dictionaries
(Loughran-McDonald, GLZ non-answer patterns) register their own loaders with `register()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    name: str
    version: str
    source: str
    entries: tuple[tuple[str, ...], ...]  # each entry: (term, *fields)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(e[0] for e in self.entries)

    def mapping(self) -> dict[str, tuple[str, ...]]:
        """term -> its remaining fields."""
        return {e[0]: e[1:] for e in self.entries}

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "source": self.source}


_LOADERS: dict[str, Callable[[], Any]] = {}


def register(name: str, loader: Callable[[], Any]) -> None:
    """Register a loader for a lexicon that is not a plain data file (e.g. a CSV from a package)."""
    _LOADERS[name] = loader
    load.cache_clear()


def parse_lexicon(name: str, text: str) -> Lexicon:
    meta: dict[str, str] = {}
    entries: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip()
            continue
        entries.append(tuple(part.strip() for part in line.split("\t")))
    return Lexicon(
        name=meta.get("name", name),
        version=meta.get("version", "unversioned"),
        source=meta.get("source", "callscope"),
        entries=tuple(entries),
        meta=meta,
    )


@cache
def load(name: str) -> Any:
    """The lexicon called `name`: a registered loader's result, or `data/<name>.txt`."""
    if name in _LOADERS:
        return _LOADERS[name]()
    ref = resources.files("callscope.lexicons").joinpath(f"data/{name}.txt")
    if not ref.is_file():
        raise KeyError(f"no lexicon named {name!r}")
    return parse_lexicon(name, ref.read_text("utf-8"))


def available() -> list[str]:
    files = resources.files("callscope.lexicons").joinpath("data")
    names = {p.name[:-4] for p in files.iterdir() if p.name.endswith(".txt")}
    return sorted(names | set(_LOADERS))
