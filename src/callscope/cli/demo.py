"""`callscope demo`: run the pipeline on the bundled Northwind Robotics sample calls."""

from __future__ import annotations

from ..pipeline import read
from ..samples import paths as sample_paths
from .app import app, out
from .show_view import render_call, summary_line


@app.command()
def demo() -> None:
    """Parse the bundled sample calls (a fictional company, three quarters) and show the latest one."""
    calls = [read(p) for p in sample_paths()]
    for call in calls:
        out.print(summary_line(call), highlight=False, markup=False)
    out.print()
    render_call(out, calls[-1])
