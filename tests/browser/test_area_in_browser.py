"""Choosing where you are in a real browser: the figures on a role's page change to the
chosen area's, with the keyboard alone, and the pages stay accessible and fit a phone."""

import pytest
from playwright.sync_api import Page, expect

from salaries.official import WageEstimate
from tests.browser.test_role_pages_in_browser import serious_violations

CSR = "/roles/customer-service-representative/"


def median(area: str) -> str:
    row = WageEstimate.objects.get(occupation="43-4051", area=area, industry="000000")
    return f"${row.annual_median:,.0f} a year"


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_a_typed_city_changes_the_figures_on_the_role_page(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + CSR)
    headline = page.locator(".today-headline strong")
    expect(headline).to_have_text(median("0000000"))
    expect(page.locator(".area-bar")).to_contain_text("Official pay for the United States")
    # Keyboard only: the link under the menu, the typed name, Enter.
    page.locator(".area-bar a").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Where you are")
    page.locator("#area-place").focus()
    page.keyboard.type("Salt Lake City")
    page.keyboard.press("Enter")
    page.wait_for_url(site + CSR)
    expect(headline).to_have_text(median("0041620"))
    expect(page.locator(".area-bar")).to_contain_text("Salt Lake City-Murray, UT")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_state_from_the_drop_down_is_kept_on_other_pages(page: Page, site: str):
    page.goto(site + "/area/?next=" + CSR)
    page.select_option("#area-state", label="Utah")
    page.get_by_role("button", name="Use this").click()
    page.wait_for_url(site + CSR)
    expect(page.locator(".today-headline strong")).to_have_text(median("4900000"))
    page.goto(site + "/ladders/")
    expect(page.locator(".area-bar")).to_contain_text("Official pay for Utah and the nation")


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_the_chooser_and_a_local_profile_are_accessible(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/area/?place=Springfield")
    expect(page.get_by_role("link", name="Springfield, IL")).to_be_visible()
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Springfield, IL").click()
    page.goto(site + CSR)
    expect(page.locator(".area-bar")).to_contain_text("Springfield, IL")
    assert serious_violations(page) == []
