"""`callscope report FILE -o report.html`: one call as a single self-contained HTML file.

Same reader view as the server, with the stylesheet and script inlined, no links back to a
server and nothing fetched: the file opens offline, can be mailed, archived or attached.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .. import __version__
from . import assets
from .reader import reader_view
from .templating import render


def report_html(call: dict[str, Any]) -> str:
    """The report for one call given as the JSON contract (`Call.to_dict()`)."""
    return render(
        "report.html",
        v=reader_view(call),
        standalone=True,
        assets={"css": assets.text("callscope.css"), "reader_js": assets.text("reader.js")},
        version=__version__,
        made=dt.date.today().isoformat(),
    )


def write_report(call: dict[str, Any], out: str | Path) -> Path:
    out = Path(out)
    out.write_text(report_html(call), encoding="utf-8")
    return out
