"""The corpus: many calls in one SQLite store, searchable, linked by company, exportable.

`Corpus(path)` is the entry point; `ingest()` fills a store from files and archives.
"""

from __future__ import annotations

from .corpus import Corpus
from .ingest import IngestReport, ingest
from .search import Hit
from .store import Store

__all__ = ["Corpus", "Hit", "IngestReport", "Store", "ingest"]
