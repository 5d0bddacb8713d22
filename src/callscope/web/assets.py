"""The reader's static files: a fixed table of names, so no request can name any other file.

plotly's JavaScript comes from the installed `plotly` package (nothing is fetched from the internet).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from ..errors import CallscopeError

_HERE = Path(__file__).parent / "static"
TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


def plotly_js() -> Path:
    """plotly.min.js inside the installed plotly distribution (found without importing plotly)."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise CallscopeError(None, "the plotly package (which ships plotly.min.js for the charts) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"


def table() -> dict[str, Path]:
    """Every file the server may send, by the only names it answers to."""
    return {
        "callscope.css": _HERE / "callscope.css",
        "reader.js": _HERE / "reader.js",
        "charts.js": _HERE / "charts.js",
        "plotly.min.js": plotly_js(),
    }


@lru_cache(maxsize=8)
def text(name: str) -> str:
    """An asset's content, for inlining into the self-contained report."""
    return table()[name].read_text(encoding="utf-8")
