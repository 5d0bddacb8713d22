"""The writer's fast paths: rows built by the parsers, calls written in batches, and their fallbacks."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import msgspec
import pytest

from callscope.corpus import Corpus, Store, ingest
from callscope.corpus.rows import call_rows, decode, encode
from callscope.corpus.store import Entry
from callscope.errors import CallscopeError

from .corpus_util import dump, make_calls


def _call_json(source: str, data: bytes) -> tuple[bool, bytes | str]:
    """A parser that returns the call's JSON, as parsers did before rows (and other parsers may)."""
    from callscope.pipeline import analyze

    return True, msgspec.json.encode(analyze(data, name=source).to_dict())


def _rows(text: str = "Good afternoon.", turns: int = 2, company: str = "Acme Widgets Inc.") -> dict[str, object]:
    return {
        "call": {"format": "dash", "company": company, "ticker": None, "date": "2020-05-01", "fiscal_period": "Q1 2020"},
        "participants": [{"id": 0, "name": "Operator", "role": "operator"}],
        "turns": [{"index": i, "speaker": 0, "section": "presentation", "text": text} for i in range(turns)],
    }


def test_rows_and_call_json_payloads_build_the_same_store(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=4, companies=2)
    ingest([tmp_path / "in"], tmp_path / "rows.db", workers=1)
    ingest([tmp_path / "in"], tmp_path / "json.db", workers=1, parser=_call_json)
    with sqlite3.connect(tmp_path / "rows.db") as conn:  # only the default parser records its pipeline
        conn.execute("UPDATE calls SET pipeline = NULL")
    assert dump(tmp_path / "rows.db") == dump(tmp_path / "json.db")


def test_encoded_rows_round_trip() -> None:
    rows = call_rows(_rows("Revenue was up 3% — a record.", turns=3))
    def plain(x: object) -> object:  # tuples as lists, as they come out of msgpack
        return msgspec.json.decode(msgspec.json.encode(x))

    assert plain(decode(encode(rows))) == plain(rows)
    assert decode(msgspec.json.encode(_rows(turns=3))) == call_rows(_rows(turns=3))  # a call's JSON is accepted too


def test_call_dict_gives_the_rows_to_dict_gives() -> None:
    """Parsers skip `to_dict`'s copy of facts, guidance and measures (`call_dict`); the encoded rows are the same bytes."""
    from callscope.corpus.rows import call_dict
    from callscope.pipeline import analyze
    from callscope.samples import paths

    for path in paths():
        call = analyze(path.read_bytes(), name=path.name)
        assert call.facts and call.guidance and call.measures
        assert encode(call_rows(call_dict(call))) == encode(call_rows(call.to_dict()))


def test_a_call_dict_with_tuples_and_nan_gives_the_rows_its_json_gives() -> None:
    d = _rows(turns=2)
    d["exchanges"] = ({"analyst": 1, "question_turns": (0,), "answer_turns": (1,), "non_answer": False},)
    d["measures"] = {"call": {"net_tone": float("nan"), "uncertainty_share": 0.25}, "qa": {"non_answer_share": 0.5}}
    as_json = msgspec.json.decode(msgspec.json.encode(d))  # tuples become lists, NaN becomes null
    rows = call_rows(d)
    assert rows == call_rows(as_json)
    assert rows.measures is not None and rows.measures[:3] == (None, 0.25, 0.5)
    assert '"net_tone":null' in rows.measures[3] and rows.exchanges[0][2:4] == ("[0]", "[1]")


def test_a_call_that_does_not_fit_fails_alone_inside_a_batch(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store(db) as store:
        too_big = call_rows(_rows(turns=2, company="Too Big Corp"))._replace(too_big=True)
        out = store.write_batch([
            Entry("a.txt", "ha", 10, call_rows(_rows("First call."))),
            Entry("b.txt", "hb", 10, too_big),
            Entry("c.txt", None, error="empty file"),
            Entry("d.txt", "hd", 10, call_rows(_rows("Last call."))),
        ], run="r1")
        assert [s for s, _ in out] == ["stored", "failed", "failed", "stored"]
        assert "too many turns (2)" in (out[1][1] or "")
        conn = store.conn
        assert conn.execute("SELECT id, source FROM calls ORDER BY id").fetchall() == [(1, "a.txt"), (2, "d.txt")]
        assert [r[0] for r in conn.execute("SELECT name FROM companies")] == ["Acme Widgets Inc."]  # Too Big Corp rolled back
        assert conn.execute("SELECT source, status, call_id FROM ingest_log ORDER BY id").fetchall() == [
            ("a.txt", "stored", 1), ("b.txt", "failed", None), ("c.txt", "failed", None), ("d.txt", "stored", 2)]
        assert conn.execute("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'call'").fetchone()[0] == 4


def test_call_ids_past_the_layout_fail_alone_inside_a_batch(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        store.conn.execute("INSERT INTO calls(id, source, content_hash, size_bytes, n_turns, n_words, qa_words, n_exchanges) "
                           "VALUES (?, 'a.txt', 'ha', 0, 0, 0, 0, 0)", ((1 << 24) - 1,))
        out = store.write_batch([Entry("b.txt", "hb", 10, call_rows(_rows())), Entry("c.txt", "hc", 10, call_rows(_rows()))])
        assert [s for s, _ in out] == ["failed", "failed"]
        assert store.conn.execute("SELECT count(*), (SELECT count(*) FROM companies) FROM calls").fetchone() == (1, 0)


def _duplicate_turns_in_q3(source: str, data: bytes) -> tuple[bool, bytes | str]:
    from callscope.corpus.ingest import parse_payload

    ok, payload = parse_payload(source, data)
    if ok and source.endswith("HBWX_2018_Q3.txt"):
        assert isinstance(payload, bytes)
        rows = decode(payload)
        return True, encode(rows._replace(turns=[rows.turns[0], *rows.turns]))  # a turn id twice: the store refuses it
    return ok, payload


def test_a_batch_that_fails_is_written_again_call_by_call(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=6, companies=1)
    db = tmp_path / "c.db"
    with pytest.raises(CallscopeError, match=r"c\.db: cannot write to the store: UNIQUE constraint failed"):
        ingest([tmp_path / "in"], db, workers=1, parser=_duplicate_turns_in_q3)
    with Corpus(db) as corpus:  # what came before the bad call in its batch is stored, as without batches
        assert [r[0].rsplit("/", 1)[1] for r in corpus.conn.execute("SELECT source FROM calls ORDER BY id")] == [
            "HBWX_2018_Q1.txt", "HBWX_2018_Q2.txt"]
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    report = ingest([tmp_path / "in"], db, workers=1)
    assert (report.unchanged, report.stored, report.failures) == (2, 4, [])


def test_slow_parsing_still_commits_within_the_time_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_calls(tmp_path / "in", quarters=4, companies=1)
    monkeypatch.setattr(sys.modules["callscope.corpus.ingest"], "BATCH_SECONDS", 0.0)
    commits: list[int] = []
    real = Store.write_batch

    def spy(self: Store, entries: list[Entry], **kw: object) -> list[tuple[str, str | None]]:
        commits.append(len(entries))
        return real(self, entries, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "write_batch", spy)
    assert ingest([tmp_path / "in"], tmp_path / "c.db", workers=1).stored == 4
    assert commits == [1, 1, 1, 1]


def _interrupt_at_q3(source: str, data: bytes) -> tuple[bool, bytes | str]:
    from callscope.corpus.ingest import parse_payload

    if source.endswith("HBWX_2018_Q3.txt"):
        raise KeyboardInterrupt
    return parse_payload(source, data)


def test_ctrl_c_commits_the_calls_parsed_so_far(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=4, companies=1)
    db = tmp_path / "c.db"
    with pytest.raises(KeyboardInterrupt):
        ingest([tmp_path / "in"], db, workers=1, parser=_interrupt_at_q3)
    with Corpus(db) as corpus:
        assert len(corpus) == 2
    assert ingest([tmp_path / "in"], db, workers=1).stored == 2


def test_a_failed_batch_leaves_nothing_staged_for_the_next_one(tmp_path: Path) -> None:
    """Turns reach the FTS index through a temporary staging table; a batch that fails must take its staged
    turns with it, so the same connection's next batch stores exactly what a fresh store would."""
    entries = [Entry(f"/x/{i}.txt", f"h{i}", 10, call_rows(_rows(f"Revenue grew in quarter {i}.", turns=3))) for i in range(3)]
    with Store(tmp_path / "a.db") as store:
        store.conn.execute(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.turns WHEN new.text LIKE '%quarter 2.' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
        with pytest.raises(CallscopeError, match="refused"):
            store.write_batch(entries, run="r")  # the whole batch, then call by call up to the third call
        assert store.conn.execute("SELECT count(*) FROM temp.turns_stage").fetchone() == (0,)
        store.conn.execute("DROP TRIGGER temp.refuse")
        store.write_batch(entries[2:], run="r")
    with Store(tmp_path / "b.db") as store:
        store.write_batch(entries, run="r")
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")


def test_new_stores_merge_their_fts_index_eight_segments_at_a_time(tmp_path: Path) -> None:
    Store(tmp_path / "c.db").close()
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("SELECT v FROM turns_fts_config WHERE k = 'automerge'").fetchone() == (8,)
