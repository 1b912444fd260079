"""A source page in a real browser: a highlighted passage leads to the rows it backs, each
row leads back to its passage, on a phone and a desktop, with nothing to scroll sideways."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_role_pages_in_browser import serious_violations

HIERARCHY = "/sources/call-center-jobs-hierarchy/"
SENTENCE = (
    "The help desk representative is typically the next level in the call center environment."
)
WIDTHS = pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])


def in_view(page: Page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => { const box = document.querySelector(selector).getBoundingClientRect();
        return box.top >= -1 && box.top < window.innerHeight; }""",  # -1: sub-pixel scrolling
        selector,
    )


@WIDTHS
def test_a_passage_leads_to_its_rows_and_each_row_back_to_it(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + HIERARCHY)
    mark = page.locator("mark", has_text=SENTENCE)
    anchor = mark.get_attribute("id")
    mark.get_by_role("link").click()
    expect(page).to_have_url(f"{site}{HIERARCHY}#backs-{anchor}")
    backs = page.locator(f"#backs-{anchor}")
    assert in_view(page, f"#backs-{anchor}")
    row_link = backs.locator(".quoted-rows a").first
    expect(row_link).to_contain_text(
        "Customer service representative (CSR) → Help desk representative"
    )
    row = row_link.get_attribute("href")
    row_link.click()
    expect(page).to_have_url(f"{site}{HIERARCHY}{row}")
    assert in_view(page, row)
    expect(page.locator(row).locator("blockquote")).to_have_text(SENTENCE)
    page.locator(row).get_by_role("link", name="↑ This sentence in the article").click()
    expect(page).to_have_url(f"{site}{HIERARCHY}#{anchor}")
    assert in_view(page, f"#{anchor}")


def test_the_keyboard_reaches_a_passage_and_follows_it(page: Page, site: str):
    page.goto(site + HIERARCHY)
    page.get_by_role("link", name="Read the article").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}{HIERARCHY}#s-article")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "document.activeElement.closest('mark') && document.activeElement.closest('mark').id"
    )
    assert focused == "q-1"
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}{HIERARCHY}#backs-q-1")


@WIDTHS
def test_a_source_page_is_accessible_and_fits_the_screen(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in ["/sources/", HIERARCHY, "/sources/crm-customer-support-careers/"]:
        page.goto(site + path)
        expect(page.locator("h1")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, path
        assert serious_violations(page) == [], path
    measure = page.evaluate(
        "document.querySelector('.article-text p').getBoundingClientRect().width"
    )
    font = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.article-text p')).fontSize)"
    )
    assert measure / font <= 41  # about 75 characters a line at most


def test_after_a_swap_to_the_next_rows_a_passage_links_to_the_rows_now_shown(page: Page, site: str):
    page.goto(site + "/sources/crm-customer-support-careers/")
    page.get_by_role("link", name="Next →").click()
    expect(page).to_have_url(site + "/sources/crm-customer-support-careers/?page=2")
    first_row = page.locator("#source-rows li[id^='row-']").first.get_attribute("id")
    link = page.locator(f"#backings a[href='#{first_row}']")
    expect(link).to_have_count(1)
    link.click()
    assert in_view(page, f"#{first_row}")
