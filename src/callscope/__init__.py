"""callscope: earnings-call transcripts as structured, searchable, measurable data."""

from __future__ import annotations

from .errors import CallscopeError
from .model import Call, CallInfo, Exchange, Participant, Turn
from .pipeline import analyze, read

__version__ = "0.1.0"

__all__ = ["Call", "CallInfo", "CallscopeError", "Exchange", "Participant", "Turn", "__version__", "analyze", "read"]
