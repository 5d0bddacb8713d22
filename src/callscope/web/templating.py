"""One Jinja2 environment for the server and the report: package templates, autoescaping always on.

Autoescaping is what keeps untrusted transcript text inert; templates never mark text as safe
(only the project's own CSS/JS are inlined with `|safe`, in the report).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader

from .format import FILTERS


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("callscope.web", "templates"),
        autoescape=True,
        trim_blocks=False,
        lstrip_blocks=False,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env


def render(name: str, **context: Any) -> str:
    context.setdefault("standalone", False)
    context.setdefault("query", "")
    return environment().get_template(name).render(**context)
