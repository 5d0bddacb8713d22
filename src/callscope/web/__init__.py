"""The web face: a read-only reader over a corpus store (`create_app`) and the offline HTML report.

Imports FastAPI lazily so the rest of callscope never pays for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "report_html", "write_report"]


def create_app(db: Any) -> FastAPI:
    from .app import create_app as make

    return make(db)


def report_html(call: dict[str, Any]) -> str:
    from .report import report_html as make

    return make(call)


def write_report(call: dict[str, Any], out: Any) -> Any:
    from .report import write_report as write

    return write(call, out)
