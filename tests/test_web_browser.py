"""The reader in a real browser: Playwright driving Debian's Chromium (never a downloaded browser).

The demo test runs the README's main command (`callscope demo`) as a real process and uses the
reader the way an analyst does: search, open a hit, jump to an exchange, follow a figure, toggle
marks, copy a link, open the company page and wait for its charts. Screenshots go to
`test-artifacts/screenshots/` (or `$CALLSCOPE_ARTIFACTS/screenshots/`). Without Chromium the
tests skip, unless `CALLSCOPE_REQUIRE_BROWSER=1` (set by `.ci/run`) makes that a failure.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .web_util import HOSTILE, build_store, free_port, live_server

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("CALLSCOPE_CHROMIUM", "/usr/bin/chromium"))
# as root in a container, with no network: no sandbox, no GPU, no background calls home
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
SHOTS = Path(os.environ.get("CALLSCOPE_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CALLSCOPE_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records console errors and uncaught exceptions (asserted empty by the tests)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


@pytest.fixture(scope="module")
def demo_url() -> Iterator[str]:
    """`callscope demo` as a user runs it: ingests the bundled calls into a temporary store and serves them."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from callscope.cli import main; main()", "demo", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "COLUMNS": "200"},
    )
    assert proc.stdout is not None
    url, lines, deadline = None, [], time.monotonic() + 120
    while url is None and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        m = re.search(r"reader at (http://\S+)", line)
        url = m.group(1).rstrip("/") if m else None
    if url is None:
        proc.kill()
        pytest.fail("callscope demo did not start serving:\n" + "".join(lines))
    yield url
    proc.send_signal(signal.SIGINT)
    assert proc.wait(20) == 0  # Ctrl-C ends the demo cleanly


def _in_view(page: Any, selector: str) -> bool:
    return bool(page.evaluate(
        """sel => { const r = document.querySelector(sel).getBoundingClientRect();
                    return r.bottom > 0 && r.top < window.innerHeight; }""",
        selector,
    ))


def _shot(page: Any, name: str, full: bool = False) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def test_demo_search_open_hit_jump_and_company_charts(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "/")
    assert page.inner_text("h1") == "3 calls from 1 company"
    _shot(page, "01-home")

    page.fill(".bigsearch input[name=q]", "gross margin")
    page.press(".bigsearch input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=gross\+margin"))
    hits = page.locator("li.hit")
    assert hits.count() >= 3
    assert page.locator("li.hit mark").first.inner_text().lower() in ("gross", "gross margin")
    _shot(page, "02-search")

    # filters: executives in Q&A only
    page.select_option("select[name=role]", "executive")
    page.select_option("select[name=section]", "qa")
    page.click(".filters button[type=submit]")
    page.wait_for_url(re.compile(r"role=executive"))
    assert all(b == "executive" for b in page.locator("li.hit .badge[class*=role-]").all_inner_texts())

    page.go_back()
    page.wait_for_url(re.compile(r"/search\?q=gross\+margin$"))
    href = page.locator("a.hit-link").first.get_attribute("href")
    page.click("a.hit-link >> nth=0")
    page.wait_for_url(re.compile(r"/calls/\d+#t\d+$"))
    turn = "#" + href.split("#")[1]
    assert page.evaluate("document.querySelector(':target').id") == turn[1:]
    assert _in_view(page, turn)
    assert "gross margin" in page.inner_text(turn).lower()
    _shot(page, "03-hit-in-reader")

    # jump to the second exchange from the navigator
    page.click("ol.exchanges a[data-exchange='1']")
    page.wait_for_url(re.compile(r"#x1$"))
    assert _in_view(page, "#x1")
    question = page.locator("#x1 + section.turn")
    assert "question" in question.get_attribute("class")
    assert page.locator("ol.exchanges li >> nth=1").inner_text().split("\n")[0].startswith(question.locator(".who").inner_text())
    _shot(page, "04-exchange")

    # a figure in the side panel leads to its sentence in the text
    figure = page.locator(".fig-panel ul.fact a").first
    anchor = figure.get_attribute("href")
    figure.click()
    page.wait_for_url(re.compile(anchor + "$"))
    assert _in_view(page, anchor)
    assert "fact" in page.locator(anchor).get_attribute("class").split()

    # marks can be switched off and on
    background = "getComputedStyle(document.querySelector('.transcript span.fact')).backgroundColor"
    assert page.evaluate(background) != "rgba(0, 0, 0, 0)"
    page.uncheck("input[data-toggle=fact]")
    assert page.evaluate(background) == "rgba(0, 0, 0, 0)"
    page.check("input[data-toggle=fact]")
    assert page.evaluate(background) != "rgba(0, 0, 0, 0)"

    # copy a link to a turn: the clipboard holds this call's URL with the turn anchor
    link = page.locator("a.copy-link >> nth=3")
    link.click()
    page.wait_for_function("document.querySelectorAll('a.copy-link')[3].dataset.copied !== undefined")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert re.fullmatch(re.escape(demo_url) + r"/calls/\d+#t3", copied), copied

    # the company page draws every chart with plotly served by the reader itself
    page.click("text=Company page")
    page.wait_for_url(re.compile(r"/companies/\d+$"))
    n = page.locator(".plot").count()
    assert n >= 6
    page.wait_for_function(f"document.querySelectorAll('.plot[data-rendered=\"1\"]').length === {n}", timeout=20000)
    assert page.locator(".plot svg.main-svg").count() >= n
    assert page.locator("#guidance-vs-actual tbody tr").count() == 5
    assert page.locator("#guidance-vs-actual .badge").all_inner_texts().count("beat") == 3
    _shot(page, "05-company", full=True)
    assert page.errors == []


def test_hostile_transcript_stays_inert_in_the_browser(page: Any, tmp_path: Path) -> None:
    db = build_store(tmp_path / "calls.db", HOSTILE)
    with live_server(db) as url:
        for path in ("/", "/calls/4", "/companies/2", "/search?q=supply+chain", "/search?q=revenue&company=EVIL"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            page.mouse.move(400, 400)
            for el in page.locator("span.fact").all()[:5]:
                el.hover()
            assert page.evaluate("window.__xss") is None, path
            assert page.locator("main iframe, main img, main svg[onload], main style").count() == 0, path
        page.goto(url + "/calls/4")
        assert "<script>" in page.inner_text("h1")  # shown as text, exactly as the transcript has it
        _shot(page, "06-hostile-call", full=True)
    assert page.errors == []


def test_offline_report_needs_no_server_or_network(page: Any, tmp_path: Path) -> None:
    from callscope import read
    from callscope.samples import paths
    from callscope.web import write_report

    out = write_report(read(paths()[-1]).to_dict(), tmp_path / "report.html")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    assert page.locator(".turn").count() > 10
    assert page.evaluate("getComputedStyle(document.querySelector('.top')).position") == "sticky"  # inline CSS applied
    page.uncheck("input[data-toggle=guidance]")  # inline script works
    assert "show-guidance" not in page.get_attribute("body", "class")
    page.click("ol.exchanges a[data-exchange='2']")
    assert _in_view(page, "#x2")
    assert [r for r in requests if not r.startswith("file://")] == []
    _shot(page, "07-report", full=True)
    assert page.errors == []
