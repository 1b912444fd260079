"""The menu's Compare page, the roles a filter leaves out and a route with an inferred
move, as a person at a phone or a desk meets them."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_role_pages_in_browser import serious_violations

pytestmark = pytest.mark.browser

PAGES = [
    "/compare/",
    "/roles/?education=1&experience=2",
    "/paths/?from=customer-service-representative&to=call-center-general-manager",
    "/ladders/call-center-hierarchy/?at=customer-service-representative",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_pages_have_no_serious_accessibility_violations(page: Page, site: str, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + path)
    expect(page.locator("h1")).to_be_visible()
    for details in page.locator("details.ruled-out").all():
        details.locator("summary").click()
    assert serious_violations(page) == []


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_the_menus_compare_ticks_two_ladders_into_a_comparison(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/roles/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Compare").click()
    expect(page).to_have_url(site + "/compare/")
    page.get_by_label("Call center hierarchy").check()
    page.get_by_label("PeopleSupport CSR job ladder").check()
    page.get_by_role("button", name="Compare the ladders ticked").click()
    expect(page.locator("table.compare")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Compare ladders")
    assert "ladder=call-center-hierarchy" in page.url and "ladder=peoplesupport" in page.url
    # The page fits a phone: nothing on it runs off the side.
    page.goto(site + "/compare/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_roles_ticked_from_the_keyboard_open_their_comparison(page: Page, site: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/compare/")
    page.get_by_label("Supervisor", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_label("Executive", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Compare the roles ticked").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Compare roles")
    assert "role=supervisor" in page.url and "role=executive" in page.url


def test_the_roles_a_filter_leaves_out_open_on_request(page: Page, site: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/roles/?education=1&experience=2")
    summary = page.locator("details.ruled-out summary")
    expect(summary).to_contain_text("left out by what their sources require")
    listed = page.locator("details.ruled-out li").first
    expect(listed).to_be_hidden()
    summary.click()
    expect(page.locator("details.ruled-out")).to_contain_text("(required, usually; 2007)")
