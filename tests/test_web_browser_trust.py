"""The trust items in a real browser (headless Debian Chromium through Playwright, like
``test_web_browser``): a second factor set up from its QR page and asked for at sign-in, an
editor sent to set one up when an admin requires it, a stale review page shown the newer
decision instead of overturning it, and the persons list told apart by role."""

from __future__ import annotations

import time

import pyotp
import pytest

from tests.test_web_browser import CHROMIUM, browser, page, poll, server  # noqa: F401
from tests.test_web_fixtures import PASSWORD, make_web

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: install "
                       "Debian's chromium (apt-get install chromium) to run the browser tests"),
    pytest.mark.filterwarnings("ignore:Using `httpx`"),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Two stored reports with hand-made extractions and three users (no model needed)."""
    made = make_web(tmp_path_factory.mktemp("browser-trust"))
    yield made.habeas
    made.habeas.close()


def sign_in(page, name: str) -> None:
    page.goto("/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def csp_violations(page) -> list[str]:
    return [v for v in page.violations if "Content Security Policy" in v]


def set_up_second_factor(page) -> pyotp.TOTP:
    page.click("text=Set up a second factor")
    page.wait_for_selector("#totp-secret")
    assert page.locator(".qr svg").count() == 1  # the QR code, drawn on the server
    assert page.inner_text("#totp-uri").startswith("otpauth://totp/Habeas:")
    totp = pyotp.TOTP(page.inner_text("#totp-secret"))
    page.fill("input[name=code]", totp.now())
    page.click("text=Turn it on")
    return totp


def test_second_factor_set_up_and_asked_at_sign_in(page):
    sign_in(page, "viewer")
    page.wait_for_selector("h1:has-text('Dashboard')")
    page.click("header .who a")  # the user's name leads to the second-factor page
    page.wait_for_selector("#totp-status")
    assert "off" in page.inner_text("#totp-status")
    totp = set_up_second_factor(page)
    page.wait_for_selector("#totp-status strong:has-text('on')")
    page.click("text=Sign out")
    sign_in(page, "viewer")
    page.wait_for_selector("input[name=code]")
    assert "/login/code" in page.url
    page.fill("input[name=code]", "000000" if totp.now() != "000000" else "111111")
    page.click("button[type=submit]")
    assert "Wrong or already used code" in page.inner_text("[role=alert]")
    page.fill("input[name=code]", totp.at(time.time() + 30))  # the next step: still in time
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Dashboard')")
    assert csp_violations(page) == []


def test_a_required_second_factor_sends_an_editor_to_set_it_up(page, served):
    from habeas.store import second_factor

    with served.session() as session, session.begin():
        second_factor.set_required(session=session, value=True)
    try:
        sign_in(page, "editor")
        page.wait_for_selector("text=requires a second factor")
        assert "/account/totp" in page.url
        page.goto("/persons")
        assert "/login" in page.url  # not signed in before the second factor
        page.goto("/account/totp")
        set_up_second_factor(page)
        page.wait_for_selector("h1:has-text('Dashboard')")
    finally:
        with served.session() as session, session.begin():
            second_factor.set_required(session=session, value=False)
    assert csp_violations(page) == []


def test_a_stale_review_page_shows_the_newer_decision(browser, server):  # noqa: F811
    contexts = [browser.new_context(base_url=server) for _ in range(2)]
    ayla, bora = (c.new_page() for c in contexts)
    try:
        for tab in (ayla, bora):
            tab.on("console", lambda m, tab=tab: tab.csp.append(m.text)
                   if "Content Security Policy" in m.text else None)
            tab.csp = []
            sign_in(tab, "admin")
            tab.wait_for_selector("h1:has-text('Dashboard')")
            tab.goto("/review")
        row = ayla.locator("tr.claim-row").first
        claim_id = row.get_attribute("data-claim")
        row.locator("button.accept").click()
        ayla.wait_for_selector(f"#claim-row-{claim_id} [data-status=accepted]")
        # bora's page still shows the claim as proposed; rejecting it now is refused in place
        bora.locator(f"#claim-row-{claim_id} button.reject").click()
        bora.wait_for_selector(f"#claim-row-{claim_id} .conflict[role=alert]")
        message = bora.inner_text(f"#claim-row-{claim_id} .conflict")
        assert "accepted by admin" in message and "nothing was changed" in message
        assert bora.locator(f"#claim-row-{claim_id} [data-status=accepted]").count() == 1
        bora.reload()
        assert bora.locator(f"#claim-row-{claim_id}").count() == 0  # decided: out of the queue
        assert ayla.csp == [] and bora.csp == []
    finally:
        for context in contexts:
            context.close()


def test_the_persons_list_tells_subjects_from_speakers(page):
    sign_in(page, "admin")
    page.wait_for_selector("h1:has-text('Dashboard')")
    page.goto("/persons")
    rows = page.locator("table tbody tr")
    first = rows.first.inner_text()
    assert "Akhtem Chiygoz" in first and "subject" in first  # subjects first
    assert "Erdoğan" in page.inner_text("table")  # speakers are listed too
    page.select_option("select[name=role]", "speaker")
    page.click("form.filters button[type=submit]")
    poll(page, "location.search.includes('role=speaker')")
    table = page.inner_text("table")
    assert "Erdoğan" in table and "Akhtem Chiygoz" not in table and "speaks or acts" in table
    assert csp_violations(page) == []
