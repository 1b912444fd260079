"""An editor's round trip in a real browser: log in, fix a pay figure inline, see it on
the public page, revert it from the history."""

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from core.editors import EDITORS, ensure_editors_group
from tests.browser.test_role_pages_in_browser import serious_violations

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor_site(site):
    ensure_editors_group()
    user = User.objects.create_user("edna", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return site


def log_in(page: Page, site: str):
    page.goto(site + "/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("edna")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Keep the career data right")).to_be_visible()


def test_editor_edits_pay_inline_sees_it_and_reverts_it(page: Page, editor_site: str):
    site = editor_site
    log_in(page, site)
    page.goto(site + "/roles/senior-customer-service-representative/")
    page.get_by_role("link", name="Edit this role").click()
    expect(page.get_by_role("heading", name=re.compile("Change role"))).to_be_visible()
    assert serious_violations(page) == []

    high = page.locator("#id_salary_figures-0-high")
    high.fill("52000.00")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(site + "/roles/senior-customer-service-representative/")
    expect(page.locator(".pay .amount")).to_have_text(
        "can make $33,655–$52,000 (a year, as we read it)"
    )

    # The figure's own history, newest first: a second edit, this edit, the seed's version.
    # Edit again, then revert to this edit, and the public page follows.
    page.get_by_role("link", name="Edit this role").click()
    page.locator("#id_salary_figures-0-high").fill("53000.00")
    page.get_by_role("button", name="Save", exact=True).click()
    page.goto(site + "/admin/salaries/salaryfigure/")
    page.get_by_role("link", name="can make $33,655–$53,000 (a year, as we read it)").click()
    page.get_by_role("link", name="History").click()
    assert serious_violations(page) == []
    expect(page.locator("#change-history")).to_contain_text("52000")
    versions = page.locator("#change-history tbody tr")
    expect(versions).to_have_count(3)
    expect(versions.last).to_contain_text("Loaded from fixtures/salaries.json")
    versions.nth(1).get_by_role("link").first.click()
    expect(page.get_by_role("heading", name=re.compile("Revert"))).to_be_visible()
    page.get_by_role("button", name=re.compile("Revert")).click()
    page.goto(site + "/roles/senior-customer-service-representative/")
    expect(page.locator(".pay .amount")).to_have_text(
        "can make $33,655–$52,000 (a year, as we read it)"
    )


def test_admin_pages_an_editor_uses_have_no_serious_violations(page: Page, editor_site: str):
    site = editor_site
    log_in(page, site)
    for path in [
        "/admin/",
        "/admin/salaries/salaryfigure/?dated=no",
        "/admin/careers/role/",
        "/admin/ladders/ladder/1/change/",
    ]:
        page.goto(site + path)
        assert serious_violations(page) == [], path


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_the_roles_history_names_an_inline_pay_edit(page: Page, editor_site: str, width: int):
    site = editor_site
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, site)
    page.goto(site + "/admin/careers/role/")
    page.get_by_role("link", name="Senior customer service representative").click()
    page.locator("#id_salary_figures-0-high").fill("52000.00")
    page.get_by_role("button", name="Save and continue editing").click()
    # The new high figure is not in the quote: saved, with a warning naming the number.
    expect(page.locator(".messagelist .warning")).to_contain_text("does not state $52,000")

    page.get_by_role("link", name="History").click()
    history = page.locator("#change-history")
    newest = history.locator("tbody tr").first
    expect(newest).to_contain_text("can make $33,655–$52,000 (a year, as we read it)”, high:")
    expect(newest).to_contain_text("“50074.00” →  “52000.00”")
    expect(newest).to_contain_text("edna")
    expect(history).not_to_contain_text("None")
    assert serious_violations(page) == []
    # On a phone the table scrolls in its own box; the page itself does not widen.
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
