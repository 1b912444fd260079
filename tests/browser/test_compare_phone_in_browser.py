"""Comparisons on a phone, measured in the browser: no text runs out of its cell, no row
heading overlaps the cells beside it, and every compared role or ladder is on screen or one
sideways scroll away, under a hint that says so only when it is true."""

import pytest
from playwright.sync_api import Page, expect

ROLES = [
    "customer-service-representative",
    "call-center-team-manager",
    "supervisor",
    "help-desk-representative",
]
SCROLLER = ".table-scroll:has(> table.compare)"
ROLE_TITLES = [
    "Customer service representative (CSR)",
    "Call center team manager",
    "Supervisor",
    "Help desk representative",
]

# Each cell's text that runs out of its box, and each row heading that overlaps another
# cell of its row, as [heading, cell text] pairs.
MEASURE = r"""() => {
  const outside = [], overlaps = [];
  const table = document.querySelector("table.compare");
  for (const cell of table.querySelectorAll("th, td")) {
    const box = cell.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(cell);
    for (const r of range.getClientRects()) {
      if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) {
        outside.push(cell.textContent.trim().slice(0, 40));
        break;
      }
    }
  }
  for (const row of table.querySelectorAll("tr")) {
    const heading = row.querySelector("th");
    const h = heading.getBoundingClientRect();
    for (const cell of row.querySelectorAll("td")) {
      const c = cell.getBoundingClientRect();
      const apart = c.left >= h.right - 1 || c.right <= h.left + 1
        || c.top >= h.bottom - 1 || c.bottom <= h.top + 1;
      if (!apart) overlaps.push([heading.textContent.trim(), cell.textContent.trim().slice(0, 30)]);
    }
  }
  return {outside, overlaps};
}"""


def across_the_screen(page: Page, locator) -> bool:
    """Whether the element is wholly within the screen's width (whatever the height)."""
    box = locator.bounding_box()
    return box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]


def measure(page: Page) -> dict:
    found = page.evaluate(MEASURE)
    assert found["outside"] == []
    assert found["overlaps"] == []
    return found


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("count", [2, 3, 4])
def test_on_a_phone_each_role_is_named_beside_its_cell_and_nothing_scrolls(
    page: Page, site: str, width, count
):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(site + "/compare/roles/?" + "&".join(f"role={slug}" for slug in ROLES[:count]))
    measure(page)
    scroller = page.locator(SCROLLER)
    assert scroller.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    # Nothing scrolls sideways, so no hint says it does.
    expect(page.locator("#scroll-hint")).to_be_hidden()
    titles = ROLE_TITLES[:count]
    for link in page.locator("table.compare thead a").all():
        assert across_the_screen(page, link)
    for name in ["Pay", "Certifications", "Leads to"]:
        row = page.locator(
            "table.compare tbody tr", has=page.get_by_role("rowheader", name=name, exact=True)
        )
        cells = row.locator("td")
        expect(cells).to_have_count(count)
        labels = [
            cell.evaluate("el => getComputedStyle(el, '::before').content") for cell in cells.all()
        ]
        assert [label.strip('"').removesuffix(": ") for label in labels] == titles
        assert all(across_the_screen(page, cell) for cell in cells.all()), name


def test_between_phone_and_desk_the_role_headings_fit_and_the_last_role_is_a_scroll_away(
    page: Page, site: str
):
    page.set_viewport_size({"width": 700, "height": 900})
    page.goto(site + "/compare/roles/?" + "&".join(f"role={slug}" for slug in ROLES))
    measure(page)  # "Certifications" stays inside its heading cell
    expect(page.locator("#scroll-hint")).to_have_text("Scroll sideways to see all 4 roles.")
    scroller = page.locator(SCROLLER)
    last = page.locator("table.compare thead th").last
    assert not across_the_screen(page, last)
    scroller.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert across_the_screen(page, last)
    expect(last).to_have_text(ROLE_TITLES[-1])


def test_on_a_phone_the_ladder_totals_headings_keep_off_their_cells(page: Page, site: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/compare/ladders/?ladder=call-center-hierarchy&ladder=convergys")
    measure(page)  # "Moves joining neighbouring rungs" runs under no cell
    expect(page.locator("#scroll-hint")).to_have_text("Scroll sideways to see all 2 ladders.")
    last = page.locator("table.compare thead th").last
    assert not across_the_screen(page, last)
    page.locator(SCROLLER).evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert across_the_screen(page, last)
