"""What only a browser shows: htmx swaps, the address bar, Back, focus, no-JS fallbacks
and accessibility of every explorer page."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_role_pages_in_browser import serious_violations

HIERARCHY = [
    ("customer-service-representative", "Customer service representative (CSR)"),
    ("help-desk-representative", "Help desk representative"),
    ("call-center-team-manager", "Call center team manager"),
    ("quality-assurance-representative", "Quality assurance representative"),
    ("call-center-general-manager", "Call center general manager"),
]


def walk_heading(page: Page):
    return page.locator("#walk-position")


def test_walking_up_from_csr_to_general_manager_swaps_only_the_ladder(page: Page, site: str):
    page.goto(site + "/ladders/call-center-hierarchy/")
    # A marker that a full page load would wipe out.
    page.evaluate("window.__stillTheSamePage = true")
    page.get_by_role("link", name=re.compile("start at rung 1")).click()
    expect(walk_heading(page)).to_have_text(f"You are on rung 1: {HIERARCHY[0][1]}")
    for position, (slug, title) in enumerate(HIERARCHY[1:], start=2):
        page.get_by_role(
            "link", name=re.compile(f"(Step up|Next rung)( \\([^)]*\\))? to {re.escape(title)}")
        ).click()
        expect(walk_heading(page)).to_have_text(f"You are on rung {position}: {title}")
        expect(page).to_have_url(f"{site}/ladders/call-center-hierarchy/?at={slug}")
        # Focus follows the swap so keyboard and screen-reader users land on the new rung.
        expect(walk_heading(page)).to_be_focused()
    expect(page.get_by_text("This ladder names no rung above this one.")).to_be_visible()
    assert page.evaluate("window.__stillTheSamePage") is True


def test_seeing_the_whole_ladder_again_keeps_focus_in_the_ladder(page: Page, site: str):
    page.goto(site + "/ladders/call-center-hierarchy/?at=help-desk-representative")
    page.get_by_role("link", name="See the whole ladder").click()
    expect(page).to_have_url(f"{site}/ladders/call-center-hierarchy/")
    expect(page.locator("#walk-start")).to_be_focused()


def test_back_and_forward_retrace_the_walk(page: Page, site: str):
    page.goto(site + "/ladders/call-center-hierarchy/?at=customer-service-representative")
    page.get_by_role("link", name=re.compile(r"Step up \(typically\) to Help desk")).click()
    expect(walk_heading(page)).to_contain_text("Help desk representative")
    page.get_by_role(
        "link", name=re.compile(r"Step up \(typically\) to Call center team manager")
    ).click()
    expect(walk_heading(page)).to_contain_text("Call center team manager")
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?at=help-desk-representative$"))
    expect(walk_heading(page)).to_contain_text("Help desk representative")
    page.go_back()
    expect(walk_heading(page)).to_contain_text("Customer service representative (CSR)")
    page.go_forward()
    expect(walk_heading(page)).to_contain_text("Help desk representative")


def test_walking_the_ladder_works_without_javascript(browser: Browser, site: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/ladders/call-center-hierarchy/")
    page.get_by_role("link", name=re.compile("start at rung 1")).click()
    for position, (slug, title) in enumerate(HIERARCHY[1:], start=2):
        page.get_by_role(
            "link", name=re.compile(f"(Step up|Next rung)( \\([^)]*\\))? to {re.escape(title)}")
        ).click()
        expect(page).to_have_url(f"{site}/ladders/call-center-hierarchy/?at={slug}")
        expect(walk_heading(page)).to_have_text(f"You are on rung {position}: {title}")
    page.go_back()
    expect(walk_heading(page)).to_contain_text("Quality assurance representative")
    context.close()


def test_role_filters_update_results_and_address_as_you_type(page: Page, site: str):
    page.goto(site + "/roles/")
    page.evaluate("window.__stillTheSamePage = true")
    page.get_by_label("Search titles and duties").fill("billing")
    expect(page).to_have_url(re.compile(r"q=billing"))
    expect(page.locator("#results-heading")).to_contain_text("matching “billing”")
    rows = page.locator("#role-results tbody tr")
    expect(rows).not_to_have_count(0)
    # A select waits for the button (WCAG 3.2.2): choosing alone changes nothing.
    page.get_by_label("Education I have").select_option(label="High-school diploma")
    expect(page).not_to_have_url(re.compile(r"education=1"))
    page.get_by_role("button", name="Show roles").click()
    expect(page).to_have_url(re.compile(r"education=1"))
    assert page.evaluate("window.__stillTheSamePage") is True


def test_after_back_the_role_filters_show_what_the_list_is_filtered_by(page: Page, site: str):
    page.goto(site + "/roles/")
    search = page.get_by_label("Search titles and duties")
    education = page.get_by_label("Education I have")
    search.fill("manager")
    expect(page).to_have_url(re.compile(r"q=manager"))
    education.select_option(label="High-school diploma")
    page.get_by_role("button", name="Show roles").click()
    expect(page).to_have_url(re.compile(r"education=1"))
    search.fill("")
    education.select_option(label="Any")
    page.get_by_role("button", name="Show roles").click()
    expect(page).to_have_url(
        f"{site}/roles/?q=&education=&experience=&min_pay=&pay_period=year&pay_from=&sort="
    )
    page.go_back()
    expect(page).to_have_url(re.compile(r"q=manager&education=1"))
    expect(search).to_have_value("manager")
    expect(education).to_have_value("1")
    page.go_back()
    expect(search).to_have_value("manager")
    expect(education).to_have_value("")


def test_role_filters_work_without_javascript(browser: Browser, site: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/roles/")
    page.get_by_label("Amount in US dollars").fill("80000")
    page.get_by_role("button", name="Show roles").click()
    expect(page).to_have_url(re.compile(r"min_pay=80000"))
    expect(page.locator("#results-heading")).to_contain_text(
        "whose stated pay reaches $80,000 a year"
    )
    expect(page.get_by_text("No role matches all of these filters.")).to_be_visible()
    # Without a script nothing fills the hint: the button is the only way, and always works.
    expect(page.locator("#apply-hint")).to_have_text("")
    context.close()


def test_path_finder_answers_on_the_button_never_on_a_select_alone(page: Page, site: str):
    page.goto(site + "/paths/")
    start = page.get_by_label("From the role I have")
    start.focus()
    # Arrowing through a select (WCAG 3.2.2) neither submits nor moves focus.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(start).to_be_focused()
    expect(page).to_have_url(f"{site}/paths/")
    start.select_option(label="Customer service representative (CSR)")
    page.get_by_label("To the role I want").select_option(label="Call center general manager")
    expect(page).to_have_url(f"{site}/paths/")
    page.get_by_role("button", name="Find a path").click()
    expect(page.locator("#path-heading")).to_contain_text("4 moves")
    expect(page.locator(".route-summary")).to_contain_text(
        "Customer service representative (CSR) → Help desk representative →"
    )
    expect(page).to_have_url(
        re.compile(r"from=customer-service-representative&to=call-center-general-manager")
    )
    page.get_by_role("link", name=re.compile("Swap: from Call center general manager")).click()
    expect(page.locator("#path-heading")).to_contain_text("No route from Call center general")


def test_path_finder_same_role_twice_answers_inside_the_form(page: Page, site: str):
    page.goto(site + "/paths/")
    page.evaluate("window.__stillTheSamePage = true")
    page.get_by_label("From the role I have").select_option(label="Executive")
    page.get_by_label("To the role I want").select_option(label="Executive")
    page.get_by_role("button", name="Find a path").click()
    expect(page.locator("#path-result [role=alert]")).to_contain_text("Choose two different roles")
    # The page is still the path finder, not a bare error swapped over the document.
    expect(page.get_by_role("heading", level=1)).to_have_text("Path finder")
    assert page.evaluate("window.__stillTheSamePage") is True
    page.go_back()
    expect(page).to_have_url(f"{site}/paths/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Path finder")


def test_path_finder_from_alone_lists_where_the_role_can_lead(page: Page, site: str):
    page.goto(site + "/paths/")
    page.get_by_label("From the role I have").select_option(label="Supervisor")
    page.get_by_role("button", name="Find a path").click()
    expect(page.locator("#path-heading")).to_have_text("Where Supervisor can lead")
    expect(page.locator("#path-result")).not_to_contain_text("required")
    expect(page.locator("#path-result .reach a")).to_have_count(2)


def test_a_failed_update_keeps_the_page_and_says_so(page: Page, site: str):
    page.goto(site + "/paths/")
    # A real error answer from the real server: point the form at an address it refuses.
    page.evaluate(
        "const form = document.querySelector('form.filters');"
        "form.setAttribute('hx-get', '/paths/gone/'); htmx.process(form);"
    )
    page.get_by_label("From the role I have").select_option(label="Supervisor")
    page.get_by_role("button", name="Find a path").click()
    expect(page.locator("#htmx-notice")).to_contain_text("could not be updated (error 404)")
    expect(page.locator("#path-result")).to_contain_text("Choose where you are")
    expect(page.get_by_role("heading", level=1)).to_have_text("Path finder")


ALL_PAGES = [
    "/roles/?education=1&min_pay=30000",
    "/roles/?education=1&min_pay=80000",
    "/ladders/",
    "/ladders/call-center-hierarchy/?at=help-desk-representative",
    "/ladders/peoplesupport/",
    "/map/",
    "/paths/",
    "/paths/?from=customer-service-representative&to=development-support-representative",
    "/paths/?from=call-center-general-manager&to=supervisor",
    "/paths/?from=nobody&to=supervisor",
    "/sources/",
    "/sources/crm-customer-support-careers/",
]


@pytest.mark.parametrize("path", ALL_PAGES)
@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_explorer_pages_have_no_serious_accessibility_violations(
    page: Page, site: str, path, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + path)
    expect(page.locator("h1")).to_be_visible()
    assert serious_violations(page) == []


def test_on_a_phone_the_map_opens_at_its_middle(browser: Browser, site: str):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site + "/map/")
    drawing = page.locator(".map-scroll")
    expect(drawing).to_be_visible()
    left, room = drawing.evaluate("box => [box.scrollLeft, box.scrollWidth - box.clientWidth]")
    assert room > 0 and abs(left - room / 2) <= 1
    context.close()


def test_a_choice_that_waits_for_the_button_says_so_until_the_results_update(page: Page, site: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/roles/")
    hint = page.locator("#apply-hint")
    button = page.get_by_role("button", name="Show roles")
    expect(hint).to_have_text("")
    expect(hint).to_have_attribute("role", "status")
    changes = [
        lambda: page.get_by_label("Education I have").select_option(label="High-school diploma"),
        lambda: page.get_by_label("Per", exact=True).select_option("hour"),
        lambda: page.get_by_label("Count the articles' dated figures").check(),
    ]
    for change in changes:
        change()
        expect(hint).to_have_text("Press “Show roles” to apply.")
        expect(hint).to_be_visible()
        near, under = hint.bounding_box(), button.bounding_box()
        assert abs(near["y"] - under["y"]) < 3 * under["height"], (near, under)  # by the button
        assert near["x"] + near["width"] <= 390
        button.click()
        expect(hint).to_have_text("")
    # Typing sends the whole form, so it applies a waiting choice and clears the hint too.
    page.get_by_label("Education I have").select_option(label="Any")
    expect(hint).not_to_have_text("")
    page.get_by_label("Search titles and duties").fill("manager")
    expect(page.locator("#results-heading")).to_contain_text("matching “manager”")
    expect(hint).to_have_text("")
    # Back shows the page as it was after an update, without a stale hint.
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"q=manager"))
    expect(hint).to_have_text("")


def test_a_status_outside_the_swapped_results_announces_each_update(page: Page, site: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/roles/")
    status = page.locator("#results-status")
    expect(status).to_have_attribute("role", "status")
    assert status.evaluate("el => !el.closest('#role-results')")
    page.get_by_label("Search titles and duties").fill("billing")
    expect(status).to_have_text(re.compile(r"^\d+ of 16 roles matching “billing”$"))
    page.get_by_label("Search titles and duties").fill("manager")
    expect(status).to_have_text(re.compile(r"^\d+ of 16 roles matching “manager”$"))
    # The region itself stays: screen readers keep listening to the same element.
    assert status.evaluate(
        "el => el.isConnected && el === document.getElementById('results-status')"
    )


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_the_map_page_opens_at_its_top_unless_the_address_names_a_place(
    browser: Browser, site: str, width
):
    phone = width < 640
    context = browser.new_context(
        viewport={"width": width, "height": 844}, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.goto(site + "/map/")
    expect(page.locator(".map-scroll")).to_be_visible()
    page.wait_for_load_state("load")
    # Centring the drawing sideways (map.js) leaves the page itself where it opened.
    assert page.evaluate("() => [scrollX, scrollY]") == [0, 0]
    assert page.get_by_role("heading", name="Career map", level=1).bounding_box()["y"] < 844
    # Arriving by a link that names a place (the list below the drawing) opens there.
    page.goto(site + "/map/#map-as-text")
    page.wait_for_load_state("load")
    top = page.locator("#map-as-text").bounding_box()["y"]
    assert abs(top) <= 2, top
    context.close()
