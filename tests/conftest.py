"""Shared test fixtures: the bundled samples and the team's real data in ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TOOLS = ROOT.parent / "shared" / "tools"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data; the calling test is skipped when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    return p


def tool_path(name: str) -> Path:
    p = TOOLS / name
    if not p.exists():
        pytest.skip(f"shared scoring tool not available: {p}")
    return p


@pytest.fixture
def seeds() -> Path:
    return shared_path("seeds")
