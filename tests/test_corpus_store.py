"""The corpus store on real SQLite files: schema, idempotent ingest, replacement, linking, failures."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from callscope.corpus import Corpus, Store, ingest
from callscope.corpus.schema import VERSION, turn_rowid
from callscope.errors import CallscopeError

from .corpus_util import dump, make_calls


def test_new_store_has_schema_wal_and_fts(tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"calls", "participants", "turns", "turns_fts", "exchanges", "facts", "guidance", "measures", "ingest_log"} <= names
    conn.close()
    Store(db).close()  # reopening is fine and does not re-migrate


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    conn.close()
    with pytest.raises(CallscopeError, match="newer than this callscope"):
        Store(db)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "calls.db"
    db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CallscopeError, match=r"calls\.db: cannot open the corpus store"):
        Store(db)


def test_turn_ids_sort_by_date() -> None:
    assert turn_rowid("2020-01-01", 1, 0) > turn_rowid("2019-12-31", 999, 500)
    assert turn_rowid(None, 5, 3) < turn_rowid("1950-01-01", 1, 0)


def test_ingest_links_companies_in_fiscal_order(tmp_path: Path) -> None:
    files = make_calls(tmp_path / "in", quarters=6, companies=2)
    report = ingest([tmp_path / "in"], tmp_path / "c.db", workers=1)
    assert (report.stored, report.failures) == (len(files), [])
    with Corpus(tmp_path / "c.db") as corpus:
        assert len(corpus) == 12
        calls = corpus.calls("HBWX")
        assert list(calls.fiscal_period) == ["Q1 2018", "Q2 2018", "Q3 2018", "Q4 2018", "Q1 2019", "Q2 2019"]
        assert calls.company_id.nunique() == 1
        assert len(corpus.calls("Quillfeather")) == 6
        companies = corpus.companies()
        assert list(companies.ticker) == ["HBWX", "QFPC"] and list(companies.calls) == [6, 6]
        assert list(companies.first_period) == ["Q1 2018"] * 2 and list(companies.last_period) == ["Q2 2019"] * 2
        stored = corpus.conn.execute("SELECT n_turns, n_exchanges FROM calls WHERE id = 1").fetchone()
        assert stored[0] > 10 and stored[1] == 3
        roles = {r[0] for r in corpus.conn.execute("SELECT DISTINCT role FROM turns")}
        assert {"executive", "analyst", "operator"} <= roles


def test_reingest_is_a_no_op(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=4)
    db = tmp_path / "c.db"
    ingest([tmp_path / "in"], db, workers=1)
    before = dump(db)
    again = ingest([tmp_path / "in"], db, workers=1)
    assert (again.stored, again.replaced, again.unchanged, again.failures) == (0, 0, 8, [])
    assert dump(db) == before


def test_changed_file_replaces_its_old_version(tmp_path: Path) -> None:
    files = make_calls(tmp_path / "in", quarters=4)
    db = tmp_path / "c.db"
    ingest([tmp_path / "in"], db, workers=1)
    text = files[0].read_text().replace("Thank you, and good afternoon.", "Thank you. Zanzibarian tariffs dominated the quarter.")
    files[0].write_text(text)
    report = ingest([tmp_path / "in"], db, workers=1)
    assert (report.replaced, report.stored, report.unchanged) == (1, 0, 7)
    with Corpus(db) as corpus:
        assert len(corpus) == 8
        assert [h.source for h in corpus.search("zanzibarian tariffs")] == [str(files[0].resolve())]
        assert corpus.search("good afternoon", company="HBWX", limit=100)  # the other quarters still say it
        assert str(files[0].resolve()) not in {h.source for h in corpus.search("good afternoon", limit=100)}
        assert corpus.conn.execute("SELECT count(*) FROM turns WHERE call_id NOT IN (SELECT id FROM calls)").fetchone()[0] == 0


def test_same_content_at_two_paths_is_stored_once(tmp_path: Path) -> None:
    files = make_calls(tmp_path / "in", quarters=2, companies=1)
    (tmp_path / "in" / "copy.txt").write_bytes(files[0].read_bytes())
    report = ingest([tmp_path / "in"], tmp_path / "c.db", workers=1)
    assert (report.stored, report.duplicates) == (2, 1)


def test_two_workers_build_the_same_store_as_one(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=8, companies=3)
    ingest([tmp_path / "in"], tmp_path / "one.db", workers=1)
    ingest([tmp_path / "in"], tmp_path / "two.db", workers=2)
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")


def test_full_disk_stops_cleanly_and_keeps_what_was_stored(tmp_path: Path) -> None:
    make_calls(tmp_path / "a", quarters=4, companies=1)
    make_calls(tmp_path / "b", quarters=8, companies=3, seed=7)
    db = tmp_path / "c.db"
    ingest([tmp_path / "a"], db, workers=1)
    before = dump(db)
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    store = Store(db, max_pages=pages + 3)  # room for a call or so, not for 24
    with pytest.raises(CallscopeError, match=r"c\.db: cannot write to the store: disk full"):
        ingest([tmp_path / "b"], store, workers=1)
    store.close()
    after = dump(db)
    assert after["calls"][: len(before["calls"])] == before["calls"]
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every stored call is whole: its turn count matches the turns stored for it
    conn = sqlite3.connect(db)
    for call_id, n in conn.execute("SELECT id, n_turns FROM calls"):
        assert conn.execute("SELECT count(*) FROM turns WHERE call_id = ?", (call_id,)).fetchone()[0] == n
    # with room again, the run completes
    report = ingest([tmp_path / "b"], db, workers=1)
    assert len(Corpus(db)) == 4 + 24 and not report.failures


def _dies_on_q3(source: str, data: bytes) -> tuple[bool, bytes | str]:
    from callscope.corpus.ingest import parse_payload

    if source.endswith("HBWX_2018_Q3.txt"):
        os._exit(9)  # a parser process killed mid-file (e.g. by the OOM killer)
    return parse_payload(source, data)


def test_dead_parser_process_stops_the_run_with_a_clear_error(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=4, companies=1)
    db = tmp_path / "c.db"
    with pytest.raises(CallscopeError, match=r"HBWX_2018_Q3\.txt: a parser process died"):
        ingest([tmp_path / "in"], db, workers=2, parser=_dies_on_q3, window=1)
    with Corpus(db) as corpus:
        assert [r[0].rsplit("/", 1)[1] for r in corpus.conn.execute("SELECT source FROM calls ORDER BY id")] == [
            "HBWX_2018_Q1.txt", "HBWX_2018_Q2.txt"]
    assert ingest([tmp_path / "in"], db, workers=2).stored == 2


def test_a_changed_file_that_no_longer_parses_keeps_its_stored_version(tmp_path: Path) -> None:
    files = make_calls(tmp_path / "in", quarters=2, companies=1)
    db = tmp_path / "c.db"
    ingest([tmp_path / "in"], db, workers=1)
    before = dump(db)
    files[0].write_bytes(b"\x00\x01binary now" * 50)
    report = ingest([tmp_path / "in"], db, workers=1)
    assert report.stored == report.replaced == 0 and "binary" in report.failures[0][1]
    assert dump(db) == before
    with Corpus(db) as corpus:
        assert corpus.failures() == report.failures


def test_a_new_migration_upgrades_an_existing_store_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from callscope.corpus import schema

    make_calls(tmp_path / "in", quarters=2, companies=1)
    db = tmp_path / "c.db"
    ingest([tmp_path / "in"], db, workers=1)
    before = dump(db)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, ["ALTER TABLE calls ADD COLUMN sector TEXT"]])
    monkeypatch.setattr(schema, "VERSION", len(schema.MIGRATIONS))
    Store(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    assert conn.execute("SELECT count(*), count(sector) FROM calls").fetchone() == (2, 0)
    assert len(dump(db)["turns"]) == len(before["turns"])


def test_a_failing_migration_leaves_the_store_at_its_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from callscope.corpus import schema

    db = tmp_path / "c.db"
    Store(db).close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, ["ALTER TABLE calls ADD COLUMN x TEXT", "THIS IS NOT SQL"]])
    monkeypatch.setattr(schema, "VERSION", len(schema.MIGRATIONS))
    with pytest.raises(CallscopeError, match="cannot create or upgrade the store schema"):
        Store(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION - 1
    assert "x" not in [r[1] for r in conn.execute("PRAGMA table_info(calls)")]


def _huge(source: str, data: bytes) -> tuple[bool, bytes | str]:
    import msgspec

    from callscope.corpus.ingest import parse_payload

    if not source.endswith("HBWX_2018_Q2.txt"):
        return parse_payload(source, data)
    turns = [{"index": i, "speaker": 0, "section": "qa", "text": "Okay."} for i in range(70_000)]
    call = {"call": {"source": source, "format": "dash"}, "participants": [{"id": 0, "name": "Operator", "role": "operator"}], "turns": turns}
    return True, msgspec.json.encode(call)


def test_a_call_too_big_for_the_id_layout_fails_alone(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=3, companies=1)
    report = ingest([tmp_path / "in"], tmp_path / "c.db", workers=1, parser=_huge)
    assert report.stored == 2 and len(report.failures) == 1 and "too many turns (70000)" in report.failures[0][1]
    with Corpus(tmp_path / "c.db") as corpus:
        assert len(corpus) == 2
        assert corpus.conn.execute("SELECT count(*) FROM turns WHERE call_id NOT IN (SELECT id FROM calls)").fetchone()[0] == 0


def test_calls_from_another_pipeline_are_stale_until_reparsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    ingest_mod = importlib.import_module("callscope.corpus.ingest")  # the module (the package exports the function)
    make_calls(tmp_path / "in", quarters=3, companies=1)
    db = tmp_path / "c.db"
    first = ingest([tmp_path / "in"], db, workers=1)
    stored = {r[0] for r in sqlite3.connect(db).execute("SELECT pipeline FROM calls")}
    assert first.stored == 3 and stored == {ingest_mod.pipeline_fingerprint()}
    monkeypatch.setattr(ingest_mod, "pipeline_fingerprint", lambda: "callscope 9.9; stages=newer")
    again = ingest([tmp_path / "in"], db, workers=1)
    assert (again.unchanged, again.stale, again.stored, again.replaced) == (3, 3, 0, 0)
    refreshed = ingest([tmp_path / "in"], db, workers=1, reparse=True)
    assert (refreshed.replaced, refreshed.stale, refreshed.stored) == (3, 0, 0)
    assert {r[0] for r in sqlite3.connect(db).execute("SELECT pipeline FROM calls")} == {"callscope 9.9; stages=newer"}
    assert ingest([tmp_path / "in"], db, workers=1, reparse=True).unchanged == 3
