"""The `callscope` command: a thin face over the library (no logic of its own).

Each command lives in its own module and registers on `app`; errors from the library arrive as
`CallscopeError` and are printed as one line with a non-zero exit, never a traceback.
"""

from __future__ import annotations

from . import corpus_cmds as _corpus_cmds  # noqa: F401  (registers ingest, search, export, companies, timeline, guidance)
from . import figures as _figures  # noqa: F401  (registers figures)
from . import measures as _measures  # noqa: F401  (registers measures)
from . import parse as _parse  # noqa: F401  (registers parse, show, formats)
from . import web_cmds as _web_cmds  # noqa: F401  (registers serve, report, demo)
from .app import app, main

__all__ = ["app", "main"]
