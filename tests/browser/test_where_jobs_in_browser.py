"""Where the jobs are, on a phone: the map and tables fit the screen (the tables scroll
inside their own wrappers), and axe finds nothing serious."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_role_pages_in_browser import serious_violations


@pytest.mark.parametrize(
    "path",
    [
        "/roles/customer-service-representative/jobs/",
        "/roles/development-support-representative/jobs/?measure=annual_median&sort=name",
        "/roles/quality-assurance-representative/jobs/",
        "/checked/",
    ],
)
def test_the_jobs_pages_fit_a_phone_and_pass_axe(page: Page, site: str, path):
    page.context.add_cookies([{"name": "area", "value": "0041620", "url": site}])
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site + path)
    expect(page.locator("h1")).to_be_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, overflow
    assert serious_violations(page) == []


def test_the_map_is_drawn_within_the_screen_and_the_measure_form_works(page: Page, site: str):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site + "/roles/customer-service-representative/jobs/")
    box = page.locator("svg.tile-map-svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.get_by_label("Median pay a year").check()
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(
        site + "/roles/customer-service-representative/jobs/?measure=annual_median#map-heading"
    )
    expect(page.get_by_role("heading", name="Median pay a year by state")).to_be_visible()
