"""`Corpus(path)`: the Python face of a store (ingest, search, linked calls, views, export)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CallscopeError
from .ingest import IngestReport, Progress, ingest
from .search import Hit, search
from .store import Store

if TYPE_CHECKING:
    import pandas as pd


class Corpus:
    """A corpus store on disk; created on first use unless `readonly`."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.store = Store(path, readonly=readonly)
        self.conn = self.store.conn

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM calls").fetchone()[0])

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r}, calls={len(self)})"

    # ----- building -----

    def ingest(self, paths: Iterable[str | Path], *, workers: int | None = None, progress: Progress | None = None) -> IngestReport:
        return ingest(paths, self.store, workers=workers, progress=progress)

    # ----- reading -----

    def search(self, query: str, **filters: Any) -> list[Hit]:
        """FTS5 search over turns; filters: company, role, section, since, until, limit, context."""
        return search(self.conn, query, label=str(self.path), **filters)

    def failures(self, run: str | None = None) -> list[tuple[str, str]]:
        """(source, reason) of failed files: for one run, or every source whose latest ingest failed.

        A source can be failed and still have a call stored: the older version that last parsed.
        """
        if run:
            rows = self.conn.execute("SELECT source, error FROM ingest_log WHERE run = ? AND status = 'failed' ORDER BY id", (run,))
        else:
            rows = self.conn.execute(
                """SELECT source, error FROM ingest_log
                   WHERE id IN (SELECT max(id) FROM ingest_log GROUP BY source) AND status = 'failed'
                   ORDER BY source"""
            )
        return [(s, e) for s, e in rows]

    def company(self, name_or_ticker: str) -> int:
        """The company id for a ticker (exact) or a name (unique partial match)."""
        key = name_or_ticker.strip()
        row = self.conn.execute("SELECT id FROM companies WHERE ticker = ? COLLATE NOCASE", (key,)).fetchone()
        if row:
            return int(row[0])
        # a ticker some calls gave although their company is filed under another one
        rows = self.conn.execute("SELECT DISTINCT company_id FROM calls WHERE ticker = ? COLLATE NOCASE AND company_id IS NOT NULL", (key,)).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
        rows = self.conn.execute("SELECT id, name FROM companies WHERE name LIKE ? OR name_key = ?", (f"%{key}%", key.lower())).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
        if not rows:
            raise CallscopeError(str(self.path), f"no company matches {name_or_ticker!r}")
        names = ", ".join(sorted({str(r[1]) for r in rows})[:5])
        raise CallscopeError(str(self.path), f"{name_or_ticker!r} matches several companies ({names}); use the ticker or a longer name")

    def companies(self) -> pd.DataFrame:
        """One row per linked company: ticker, name, number of calls, first and last call date and period."""
        import pandas as pd

        return pd.read_sql_query(
            """SELECT co.id, co.ticker, co.name, count(c.id) AS calls, min(c.date) AS first_date, max(c.date) AS last_date,
                      (SELECT fiscal_period FROM calls f WHERE f.company_id = co.id ORDER BY f.period_key, f.date LIMIT 1) AS first_period,
                      (SELECT fiscal_period FROM calls l WHERE l.company_id = co.id ORDER BY l.period_key DESC, l.date DESC LIMIT 1)
                          AS last_period
               FROM companies co LEFT JOIN calls c ON c.company_id = co.id
               GROUP BY co.id ORDER BY co.name COLLATE NOCASE""",
            self.conn,
        )

    def calls(self, company: str | None = None) -> pd.DataFrame:
        """One row per call (ordered by company, fiscal period, date)."""
        import pandas as pd

        sql = """SELECT c.id, c.company_id, co.ticker AS company_ticker, c.company, c.ticker, c.date, c.fiscal_period,
                        c.period_key, c.format, c.n_turns, c.n_words, c.qa_words, c.n_exchanges, c.source
                 FROM calls c LEFT JOIN companies co ON co.id = c.company_id"""
        args: tuple[Any, ...] = ()
        if company:
            sql += " WHERE c.company_id = ?"
            args = (self.company(company),)
        sql += " ORDER BY c.company_id, c.period_key, c.date, c.id"
        return pd.read_sql_query(sql, self.conn, params=args)

    def export(self, out: str | Path, format: str = "parquet", tables: list[str] | None = None, *, overwrite: bool = False) -> dict[str, Path]:
        """Tables as Parquet (hive-partitioned by call year), CSV or JSON Lines under `out`."""
        from .export import export

        return export(self.path, out, format, tables, overwrite=overwrite)

    def timeline(self, company: str) -> pd.DataFrame:
        from .views import timeline

        return timeline(self.conn, self.company(company))

    def guidance_vs_actual(self, company: str | None = None) -> pd.DataFrame:
        from .views import guidance_vs_actual

        return guidance_vs_actual(self.conn, self.company(company) if company else None)

    def guidance_revisions(self, company: str | None = None) -> pd.DataFrame:
        from .views import guidance_revisions

        return guidance_revisions(self.conn, self.company(company) if company else None)
