"""The site's chrome on a phone: the menu on one line, nothing wider than the screen, and
form controls that show their whole text."""

import pytest
from playwright.sync_api import Page, expect

PAGES = ["/roles/", "/paths/", "/ladders/", "/compare/ladders/", "/sources/"]


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_the_main_menu_fits_on_one_line(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + "/roles/")
    tops = page.evaluate(
        "() => Array.from(document.querySelectorAll('.site-header nav li'))"
        ".map(li => Math.round(li.getBoundingClientRect().top))"
    )
    assert len(tops) >= 6 and len(set(tops)) == 1, tops
    # Every item is still named, whichever label the width shows.
    names = page.get_by_role("navigation", name="Main").get_by_role("link").all_inner_texts()
    assert names[:6] == (
        ["Roles", "Ladders", "Map", "Paths", "Compare", "Sources"]
        if width < 640
        else ["Roles", "Ladders", "Career map", "Path finder", "Compare", "Sources"]
    )


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_on_a_phone(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in PAGES:
        page.goto(site + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, (path, overflow)


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_buttons_stay_on_one_line_and_selects_show_whole_names(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + "/roles/")
    button = page.get_by_role("button", name="Show roles")
    line = page.evaluate(
        "(el) => parseFloat(getComputedStyle(el).lineHeight) || 24", button.element_handle()
    )
    assert button.bounding_box()["height"] < 2 * line + 16
    page.goto(site + "/paths/")
    for select in ("#id_start", "#id_goal"):
        longest = page.evaluate(
            """(sel) => {
              const s = document.querySelector(sel);
              const probe = document.createElement('span');
              probe.style.font = getComputedStyle(s).font;
              probe.style.whiteSpace = 'nowrap';
              document.body.append(probe);
              let most = 0;
              for (const o of s.options) {
                probe.textContent = o.text;
                most = Math.max(most, probe.offsetWidth);
              }
              probe.remove();
              const style = getComputedStyle(s);
              const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
              const inner = s.clientWidth - padding;
              return [most, inner];
            }""",
            select,
        )
        text, box = longest
        assert text + 24 <= box, (select, text, box)  # and room for the arrow


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_a_keyboard_step_up_the_ladder_shows_the_opened_rung(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + "/ladders/call-center-hierarchy/?at=help-desk-representative")
    heading = page.locator("#walk-position")
    buttons = page.locator(".walk-buttons a.button")
    # Up comes before down, on screen and in Tab order.
    assert buttons.nth(0).get_attribute("rel") == "next"
    assert buttons.nth(1).get_attribute("rel") == "prev"
    buttons.nth(0).focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'walk-position'"
    )
    assert "rung 3" in heading.inner_text()
    box = page.locator("#rung-detail").bounding_box()
    assert 0 <= box["y"] < 800, box  # the opened rung starts on screen
    controls = page.locator("#walk-controls").bounding_box()
    assert controls["y"] + controls["height"] <= box["y"] + 1  # and is not hidden behind them
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('rel')") == "next"


LADDER = "/ladders/call-center-hierarchy/"


def controls_cover_a_rung(page: Page) -> list:
    """The rung cards on screen that the walk controls are drawn over."""
    return page.evaluate(
        """() => {
          const bar = document.getElementById('walk-controls').getBoundingClientRect();
          return Array.from(document.querySelectorAll('.rung'))
            .map(el => [el.id, el.getBoundingClientRect()])
            .filter(([, r]) => r.bottom > 0 && r.top < innerHeight)
            .filter(([, r]) => bar.bottom > r.top + 1 && bar.top < r.bottom - 1)
            .map(([id]) => id);
        }"""
    )


def test_before_a_rung_is_chosen_the_walk_controls_scroll_away(page: Page, site: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + LADDER)
    page.evaluate(
        "() => scrollBy(0, document.getElementById('rung-3').getBoundingClientRect().top)"
    )
    assert page.locator("#rung-3").bounding_box()["y"] < 50  # the cards fill the screen
    assert controls_cover_a_rung(page) == []
    assert page.locator("#walk-controls").bounding_box()["y"] < 0


def test_with_a_rung_chosen_the_walk_controls_stay_at_the_top(page: Page, site: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + LADDER + "?at=customer-service-representative")
    page.evaluate("() => scrollTo(0, document.getElementById('rung-1').offsetTop)")
    assert abs(page.locator("#walk-controls").bounding_box()["y"]) <= 1
    # Choosing and leaving a rung by htmx turns the holding on and off again.
    page.goto(site + LADDER)
    page.get_by_role("link", name="start at rung 1").click()
    expect(page.locator("#walk-position")).to_be_focused()
    page.evaluate("() => scrollTo(0, document.getElementById('rung-4').offsetTop)")
    assert abs(page.locator("#walk-controls").bounding_box()["y"]) <= 1
    page.get_by_role("link", name="See the whole ladder").click()
    expect(page.locator("#walk-start")).to_be_focused()
    page.evaluate("() => scrollTo(0, document.getElementById('rung-3').offsetTop)")
    assert controls_cover_a_rung(page) == []
