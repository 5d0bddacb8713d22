"""Full-text search over a store built from synthetic calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from callscope.corpus import Corpus
from callscope.corpus.search import fts_query
from callscope.errors import CallscopeError

from .corpus_util import make_calls


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    tmp = tmp_path_factory.mktemp("search")
    make_calls(tmp / "in", quarters=8, companies=3)
    c = Corpus(tmp / "c.db")
    c.ingest([tmp / "in"], workers=1)
    return c


def test_plain_words_are_a_phrase() -> None:
    assert fts_query("supply chain") == '"supply chain"'
    assert fts_query('"supply chain" OR freight') == '"supply chain" OR freight'
    assert fts_query("suppl*") == "suppl*"


def test_phrase_hits_come_newest_first_with_context(corpus: Corpus) -> None:
    hits = corpus.search("supply chain", limit=20)
    assert len(hits) == 20
    dates = [h.date for h in hits]
    assert dates == sorted(dates, reverse=True)
    assert all("[supply chain]" in h.snippet.lower() for h in hits)
    assert hits[0].speaker and hits[0].company and hits[0].fiscal_period


def test_prefix_and_near_queries(corpus: Corpus) -> None:
    assert corpus.search("logist*")
    assert corpus.search("NEAR(freight logistics, 8)")
    assert not corpus.search("NEAR(freight widget, 1)")


def test_filters(corpus: Corpus) -> None:
    qa = corpus.search("supply chain", section="qa", limit=500)
    assert qa and all(h.section == "qa" for h in qa)
    analysts = corpus.search("supply chain", role="analyst", limit=500)
    assert analysts and all(h.role == "analyst" for h in analysts)
    execs = corpus.search("supply chain", role="executive", limit=500)
    assert execs and all(h.role == "executive" for h in execs)
    assert {h.ticker for h in corpus.search("supply chain", company="qfpc", limit=500)} == {"QFPC"}
    assert {h.ticker for h in corpus.search("supply chain", company="Ostrava", limit=500)} == {"OSRB"}
    since = corpus.search("supply chain", since="2019-06-01", limit=500)
    assert since and min(h.date for h in since) >= "2019-06-01"
    assert corpus.search("supply chain", company="No Such Firm") == []


def test_bad_queries_are_clear_errors(corpus: Corpus) -> None:
    with pytest.raises(CallscopeError, match="invalid search query"):
        corpus.search('"unbalanced')
    with pytest.raises(CallscopeError, match="unknown role"):
        corpus.search("supply", role="ceo")
    with pytest.raises(CallscopeError, match="empty search query"):
        corpus.search("  ")


def test_readonly_missing_store(tmp_path: Path) -> None:
    with pytest.raises(CallscopeError, match="no such corpus store"):
        Corpus(tmp_path / "nope.db", readonly=True)


def test_company_search_per_call_matches_the_full_scan(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    from callscope.corpus import search as search_mod

    per_call = corpus.search("supply chain", company="HBWX", limit=7)
    monkeypatch.setattr(search_mod, "PER_CALL_MAX", 0)
    assert corpus.search("supply chain", company="HBWX", limit=7) == per_call
    assert len(per_call) == 7


def test_date_bounds(corpus: Corpus) -> None:
    hits = corpus.search("quarter", since="2019-01-01", until="2019-06-30", limit=500)
    assert hits and all("2019-01-01" <= h.date <= "2019-06-30" for h in hits)
    everything = corpus.search("quarter", limit=5000)
    assert len(hits) == sum(1 for h in everything if "2019-01-01" <= h.date <= "2019-06-30")


def test_words_are_searched_in_the_text_only(corpus: Corpus) -> None:
    assert corpus.conn.execute("SELECT count(*) FROM turns WHERE role = 'analyst' AND section = 'qa'").fetchone()[0] > 0
    assert corpus.search("analyst") == [] and corpus.search("qa") == []  # role/section values are not words of the turn
    rare = corpus.search("supply chain", role="analyst", section="presentation")
    assert rare == []  # analysts only speak in Q&A in these calls


def test_limit_is_at_least_one(corpus: Corpus) -> None:
    assert len(corpus.search("supply chain", limit=-1)) == 1
