"""Bundled sample calls: a fictional company (Northwind Robotics, NWRB) over three consecutive quarters.

Written by the project for demos and tests; no real company or transcript provider is involved.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def paths() -> list[Path]:
    """The sample transcript files, oldest quarter first."""
    root = resources.files("callscope.samples")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".txt"))
