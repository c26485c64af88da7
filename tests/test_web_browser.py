"""The pages in a real browser: headless Chromium (Debian's, /usr/bin/chromium) driven by
Playwright for Python, against ``habeas serve``'s app on a free local port.

One walk through the work of a day (sign in, upload a report, see its events, accept a claim,
open the dossier, search) and one hostile report whose ``<script>`` and ``onerror=`` must not
run. The dossier's screenshot is saved under the test's tmp_path and copied to bench/out/.
Any Content-Security-Policy violation on any page fails the test.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.test_web_fixtures import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
REPORT = EXAMPLES / "reports" / "chiygoz-verdict-2017.md"
SCREENSHOT_COPY = ROOT / "bench" / "out" / "dossier.png"
HOSTILE = ("Ilmi Umerov was detained in Bakhchysarai on May 12, 2016. "
           "<script>window.pwned = 'script'; document.title = 'pwned';</script> "
           "<img src=x onerror=\"window.pwned = 'onerror'; document.title = 'pwned'\"> "
           "<svg onload=\"window.pwned = 'svg'\"></svg>")

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: install "
                       "Debian's chromium (apt-get install chromium) to run the browser tests"),
    pytest.mark.filterwarnings("ignore:Using `httpx`"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory, nlp):
    """The Habeas the server serves (a test may store things in it directly)."""
    from habeas.store import accounts
    from habeas.workspace import Habeas

    folder = tmp_path_factory.mktemp("browser")
    habeas = Habeas(database_url=f"sqlite:///{folder / 'habeas.db'}")
    habeas._nlp = nlp  # the session's loaded pipeline: load the model once per test run
    with habeas.session() as session, session.begin():
        accounts.add_user(session=session, name="editor", password=PASSWORD, role="editor")
    yield habeas
    habeas.close()


@pytest.fixture(scope="module")
def server(served):
    import uvicorn

    from habeas.web import make_app

    habeas = served
    port = free_port()
    config = uvicorn.Config(make_app(habeas), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uvicorn_server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text or m.type == "error" else None)
    page.on("pageerror", lambda e: violations.append(str(e)))
    page.violations = violations
    yield page
    context.close()


def poll(page, expression: str, timeout: float = 10.0):
    """The value of ``expression`` once truthy (``wait_for_function`` evaluates its predicate
    with eval, which the page's CSP rightly forbids)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{expression} stayed false for {timeout} s")


def sign_in(page) -> None:
    page.goto("/")
    assert "/login" in page.url
    page.fill("input[name=name]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Dashboard')")


def test_a_day_of_work(page, tmp_path):
    sign_in(page)

    # upload a report; htmx swaps in the per-item status
    page.goto("/ingest")
    page.set_input_files("input[name=files]", str(REPORT))
    page.click("#ingest-form button[type=submit]")
    page.wait_for_selector("#ingest-status")
    assert page.inner_text("#ingest-status .item-status") == "ingested"
    assert "Extracted 1 report(s)" in page.inner_text("#extract-summary")

    # its events, and the highlighted text
    page.click("#ingest-status a.report-link")
    page.wait_for_selector("#report-title")
    assert "Chiygoz eight years" in page.inner_text("#report-title")
    events = page.inner_text("table.events")
    assert "sentence" in events and "Akhtem Chiygoz" in events
    assert page.locator("#report-text a.hl-person").count() >= 2
    assert page.locator("#report-text a.hl-event").count() >= 1

    # accept a claim with the button, then another with the keyboard
    page.goto("/review")
    first = page.locator("tr.claim-row").first
    claim_id = first.get_attribute("data-claim")
    first.locator("button.accept").click()
    page.wait_for_selector(f"#claim-row-{claim_id} [data-status=accepted]")
    # after a decision the next open row has the focus: "r" rejects it
    second_id = poll(page, "document.activeElement && document.activeElement.matches("
                           "'tr.claim-row:not(.done)') && document.activeElement.dataset.claim")
    assert second_id != claim_id
    page.keyboard.press("r")
    page.wait_for_selector(f"#claim-row-{second_id} [data-status=rejected]")
    page.reload()
    assert page.locator(f"#claim-row-{claim_id}").count() == 0  # left the queue

    # the dossier, printable, saved as a screenshot
    page.goto("/persons")
    page.click("text=Akhtem Chiygoz")
    page.wait_for_selector("#person-name")
    assert page.inner_text("#person-name") == "Akhtem Chiygoz"
    assert "sentence" in page.inner_text("#timeline")
    assert page.locator("svg.chart circle").count() >= 1
    shot = tmp_path / "dossier.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    SCREENSHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, SCREENSHOT_COPY)

    # search without the accents or the full name
    page.goto("/search")
    page.fill("input[name=q]", "chiygoz")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#results")
    assert "Akhtem Chiygoz" in page.inner_text("#persons-results")
    assert "Chiygoz eight years" in page.inner_text("#reports-results")
    assert page.locator("#reports-results mark").count() >= 1

    page.goto("/statistics")
    assert page.locator("svg.chart").count() >= 3
    assert page.violations == []


def test_a_hostile_report_runs_nothing(page):
    sign_in(page)
    page.goto("/ingest")
    page.fill("input[name=title]", "<img src=x onerror=\"window.pwned='title'\">Umerov")
    page.fill("textarea[name=text]", HOSTILE)
    page.click("#ingest-form button[type=submit]")
    page.wait_for_selector("#ingest-status")
    page.click("#ingest-status a.report-link")
    page.wait_for_selector("#report-text")
    time.sleep(0.3)  # give any payload the chance to run
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title() != "pwned"
    shown = page.inner_text("#report-text")
    assert "<script>window.pwned = 'script'" in shown and "onerror=" in shown
    assert "onerror" in page.inner_text("#report-title")
    assert page.locator("#report-text script, #report-text img, #report-text svg").count() == 0
    # the same report seen from the search results and the review queue
    for path in ("/search?q=Umerov", "/review", "/reports"):
        page.goto(path)
        assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.violations == []


def test_merge_suggestions_by_keyboard(page, served):
    """Runs last: the suggestions it stores head the queue until decided."""
    from habeas.model import Document, Extraction, PersonRecord
    from habeas.resolve.article import save_extraction
    from habeas.store import add_article
    from tests.test_web_suggestions import REPORTS
    from tests.test_web_fixtures import VERSIONS, span

    for text, published, name in REPORTS:
        with served.session() as session, session.begin():
            article, _ = add_article(session=session, document=Document(
                text=text, source=f"{published}.txt", title=name, published=published))
            save_extraction(session=session, article=article, extraction=Extraction(
                document={}, persons=[PersonRecord(id="p1", name=name,
                                                   mentions=[span(text, name)])],
                events=[], versions=dict(VERSIONS)))
    sign_in(page)
    page.goto("/review")
    rows = page.locator("tr.suggestion-row")
    assert rows.count() == 2 and "Akhtemow" in rows.first.inner_text()
    first, second = (rows.nth(i).get_attribute("data-suggestion") for i in (0, 1))
    page.keyboard.press("j")  # the first row of the page: a suggestion
    page.keyboard.press("a")
    page.wait_for_selector(f"#suggestion-row-{first} [data-status=accepted]")
    # the brothers cannot both be Akhtemow: the other suggestion is settled in place
    page.wait_for_selector(f"#suggestion-row-{second} [data-status=settled]")
    assert "cannot be one person" in page.inner_text(f"#suggestion-row-{second}")
    page.click(f"#suggestion-row-{first} a[href^='/persons/']")
    page.wait_for_selector("#person-name")
    assert "Akhtemow" in page.inner_text(".dossier-head")
    page.goto("/review")
    assert page.locator("tr.suggestion-row").count() == 0
    assert page.violations == []
