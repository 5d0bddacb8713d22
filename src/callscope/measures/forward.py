"""Forward-looking sentences, by the cue rule Bushee, Gow & Taylor ship in `ling_features` (fls.py).

The rule is kept as published, cue words matched as prefixes ("plan" also matches "planned"), so
shares compare with theirs; the patterns are data in the lexicon registry.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    by_kind = {kind: pattern for kind, pattern in lexicons.load("forward_looking").entries}
    return re.compile(by_kind["cue"], re.I), re.compile(by_kind["past"], re.I)


def is_forward_looking(sentence: str) -> bool:
    cue, past = _patterns()
    return cue.search(sentence) is not None and past.search(sentence) is None
