"""The web reader's pages, over a real store built from the bundled calls and a hostile one (no browser)."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from callscope.corpus import Corpus
from callscope.corpus.calls import load_call
from callscope.corpus.synthetic import write_calls
from callscope.web import create_app

from .web_util import HOSTILE, PAYLOADS, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "calls.db", HOSTILE)


@pytest.fixture(scope="module")
def client(store: Path) -> TestClient:
    return TestClient(create_app(store))


def _call_id(store: Path, like: str) -> int:
    with sqlite3.connect(store) as c:
        return int(c.execute("SELECT id FROM calls WHERE source LIKE ?", (f"%{like}%",)).fetchone()[0])


def test_home_lists_companies_and_latest_calls(client: TestClient) -> None:
    page = client.get("/").text
    assert "4 calls from 2 companies" in page
    assert "Northwind Robotics Inc" in page and "NWRB" in page
    assert page.index("2025-10-23") < page.index("2025-07-24") < page.index("2025-04-24")  # newest first


def test_call_reader_roster_navigator_figures_and_marks(client: TestClient, store: Path) -> None:
    call_id = _call_id(store, "northwind_2025_q2")
    page = client.get(f"/calls/{call_id}").text
    # roster with roles and firms
    roster = page[page.index('class="roster"'):page.index("</dl>")]
    for name in ("Marcus Lee", "Priya Raman", "Sarah Kim", "Tom Alvarez", "Luis Ortega"):
        assert name in roster
    assert "Harbor Securities" in roster and "Chief Financial Officer" in roster
    # navigator: three exchanges, analyst + firm + question line, the evasive one badged
    nav = page[page.index('class="exchanges"'):page.index("</ol>", page.index('class="exchanges"'))]
    items = re.findall(r"<li>.*?</li>", nav, flags=re.S)
    assert len(items) == 3
    assert "Tom Alvarez" in items[1] and "Crestline Capital" in items[1] and "non-answer" in items[1]
    assert "non-answer" not in items[0]
    assert "How much did the grocery contract contribute this quarter?" in items[0]
    # every navigator link lands on an exchange anchor that exists
    for target in re.findall(r'href="#(x\d+)"', nav):
        assert f'id="{target}"' in page
    # figures: the reported revenue is marked in the text and listed, linked by anchor
    mark = re.search(r'<span class="fact" id="(f\d+)" title="fact: [Rr]evenue \$163.4M \(Q2 2025\)">\$163.4 million</span>', page)
    assert mark, "revenue figure not marked in the text"
    assert f'href="#{mark.group(1)}"' in page
    assert re.search(r'<span class="guidance" id="g\d+"[^>]*>\$170 million to \$176 million</span>', page)
    # non-answer sentence and uncertainty words marked; one copy link and one tone cell per turn
    assert 'class="nonanswer"' in page
    assert re.search(r'<span class="uncertainty" title="uncertainty word">uncertain</span>', page)
    n_turns = len(load_call(Corpus(store, readonly=True).conn, call_id)["turns"])
    assert page.count('class="copy-link"') == n_turns
    assert len(re.findall(r'<a href="#t\d+" class="cell', page)) == n_turns
    assert 'id="measures"' in page and "Net tone" in page


def test_call_json_is_the_stored_contract(client: TestClient, store: Path) -> None:
    call_id = _call_id(store, "northwind_2025_q1")
    data = client.get(f"/calls/{call_id}.json").json()
    assert data["schema"] == "callscope.call/1"
    assert data["call"]["fiscal_period"] == "Q1 2025"
    assert {p["name"] for p in data["participants"] if p["role"] == "analyst"} == {"Sarah Kim", "Tom Alvarez", "Mei Chen"}


def test_company_page_charts_and_guidance_vs_actual(client: TestClient) -> None:
    page = client.get("/companies/1").text
    charts = json.loads(re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', page, re.S).group(1))
    titles = [c["title"] for c in charts]
    assert titles[:3] == ["Net tone (LM)", "Uncertainty words, % of words", "Non-answers, % of exchanges"]
    assert "Revenue (USD)" in titles
    revenue = next(c for c in charts if c["title"] == "Revenue (USD)")["data"][0]
    assert revenue["x"] == ["Q1 2025", "Q2 2025", "Q3 2025"]
    assert revenue["y"] == [148.6e6, 163.4e6, 168.9e6]
    table = page[page.index('id="guidance-vs-actual"'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr>.*?</tr>", table[table.index("<tbody>"):], re.S)
    assert len(rows) == 5
    assert "Revenue" in rows[0] and "$155M – $162M" in rows[0] and "$163.4M" in rows[0] and "beat" in rows[0]
    assert any("miss" in r and "$170M – $176M" in r for r in rows)
    assert 'id="guidance-revisions"' in page and "raised" in page and "lowered" in page


def test_unknown_company_and_call_are_404_pages(client: TestClient) -> None:
    for url in ("/companies/999", "/calls/999", "/calls/abc", "/calls/1.xml", "/nope"):
        r = client.get(url)
        assert r.status_code == 404 and "Nothing here." in r.text, url


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve quarters each of two fictional companies: enough hits to page through."""
    root = tmp_path_factory.mktemp("synthetic")
    files = write_calls(root / "a", company="Acme Widgets", ticker="ACME", quarters=12, seed=1)
    files += write_calls(root / "b", company="Bolt Gadgets", ticker="BOLT", quarters=12, seed=2)
    db = root / "calls.db"
    with Corpus(db) as corpus:
        assert not corpus.ingest(files, workers=1).failures
    return db


def test_search_pages_filters_and_links_into_the_reader(big_store: Path) -> None:
    client = TestClient(create_app(big_store))
    first = client.get("/search", params={"q": "supply chain"}).text
    assert "Results 1–20, more on the next page" in first
    links = re.findall(r'href="/calls/(\d+)#t(\d+)"', first)
    assert len(links) == 20
    nxt = re.search(r'<a rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(nxt).text
    links2 = re.findall(r'href="/calls/(\d+)#t(\d+)"', second)
    assert links2 and not set(links) & set(links2)
    assert '<a rel="prev"' in second
    # newest first across pages
    with sqlite3.connect(big_store) as c:
        dates = [c.execute("SELECT date FROM calls WHERE id = ?", (int(cid),)).fetchone()[0] for cid, _ in links + links2]
        assert dates == sorted(dates, reverse=True)
        # the hit's turn holds the phrase (the link lands on the right turn)
        cid, turn = links[0]
        text = c.execute("SELECT text FROM turns WHERE call_id = ? AND idx = ?", (int(cid), int(turn))).fetchone()[0]
    assert "supply chain" in text.lower()
    assert "<mark>supply</mark> <mark>chain</mark>" in first or "<mark>supply chain</mark>" in first
    # filters narrow: company, role, section, dates
    page = client.get("/search", params={"q": "supply chain", "company": "BOLT", "role": "analyst", "section": "qa"}).text
    assert "Acme Widgets" not in page.split('id="result-count"')[1]
    assert 'class="badge role-executive"' not in page and "role-analyst" in page
    page = client.get("/search", params={"q": "supply chain", "since": "2099-01-01"}).text
    assert "No matches" in page
    assert "must be a date" in client.get("/search", params={"q": "x", "since": "yesterday"}).text
    assert "invalid search query" in client.get("/search", params={"q": '"unbalanced'}).text


def test_every_page_escapes_hostile_transcript_text(client: TestClient, store: Path) -> None:
    call_id = _call_id(store, "hostile_call")
    pages = {
        "home": client.get("/").text,
        "call": client.get(f"/calls/{call_id}").text,
        "company": client.get("/companies/2").text,
        "companies": client.get("/companies").text,
        "search": client.get("/search", params={"q": "supply chain"}).text,
        "search company": client.get("/search", params={"q": "revenue", "company": "EVIL"}).text,
    }
    for name, page in pages.items():
        for payload in PAYLOADS:
            assert payload not in page, (name, payload)
    assert "Evil&lt;script&gt;window.__xss=1&lt;/script&gt; Corp" in pages["home"]
    assert "&lt;iframe src=&#34;javascript:window.__xss=7&#34;&gt;" in pages["call"]
    assert "{{ 7*7 }}" in pages["call"] and "49" not in pages["call"].split("{{ 7*7 }}")[0][-20:]  # no template injection
    # the only inline script is the chart data block, which is JSON
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", pages["company"]) == ['<script type="application/json" id="chart-data">']


def test_no_path_traversal_and_read_only(client: TestClient, store: Path) -> None:
    for url in ("/static/../pyproject.toml", "/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e/%2e%2e/etc/passwd",
                "/static/callscope.css/../../app.py", "/static/app.py", "/static/"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "[project]" not in r.text and "root:" not in r.text
    assert client.get("/static/plotly.min.js").headers["content-type"].startswith("text/javascript")
    assert client.post("/").status_code == 405
    assert client.delete(f"/calls/{_call_id(store, 'q1')}").status_code == 405
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    for url in ("/", "/companies/1", "/calls/1", "/search?q=margin"):
        assert client.get(url).status_code == 200
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before
    assert "default-src 'self'" in client.get("/").headers["content-security-policy"]


def test_store_connection_refuses_writes(store: Path) -> None:
    from callscope.web.app import create_app as make

    app = make(store)
    assert app is not None
    with Corpus(store, readonly=True) as corpus, pytest.raises(sqlite3.OperationalError):
        corpus.conn.execute("DELETE FROM calls")
