"""The counsellor's workbench in a real browser: building a comparison by clicking,
reloading its link, printing it, and accessibility."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_role_pages_in_browser import serious_violations


def test_build_a_ladder_comparison_by_clicking_and_reload_its_link(page: Page, site: str):
    page.goto(site + "/ladders/convergys/")
    page.get_by_role("link", name="Add to comparison").click()
    expect(page).to_have_url(f"{site}/compare/ladders/?ladder=convergys")
    expect(page.get_by_text("one more will do")).to_be_visible()

    page.goto(site + "/ladders/stream-international/")
    page.get_by_role("link", name=re.compile(r"Add to comparison \(2 ladders\)")).click()
    expect(page).to_have_url(
        f"{site}/compare/ladders/?ladder=convergys&ladder=stream-international"
    )
    expect(page.locator("table.compare thead th")).to_have_count(3)

    # Adding and removing swap the comparison in place and keep the address in step.
    page.evaluate("window.__stillTheSamePage = true")
    add = page.get_by_label("Add a ladder")
    # Arrowing through the choices (WCAG 3.2.2) adds nothing and leaves focus where it is.
    add.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(add).to_be_focused()
    expect(page.locator("table.compare thead th")).to_have_count(3)
    add.select_option(label="Call center hierarchy")
    expect(page.locator("table.compare thead th")).to_have_count(3)
    page.get_by_role("button", name="Update the comparison").click()
    expect(page.locator("table.compare thead th")).to_have_count(4)
    expect(page).to_have_url(re.compile(r"ladder=call-center-hierarchy"))
    page.get_by_role("link", name="Remove Convergys career track").click()
    expect(page.locator("table.compare thead th")).to_have_count(3)
    expect(page).to_have_url(
        f"{site}/compare/ladders/?ladder=stream-international&ladder=call-center-hierarchy"
    )
    assert page.evaluate("window.__stillTheSamePage") is True

    link = page.get_by_label("Link to exactly this comparison").input_value()
    page.goto(link)
    headers = page.locator("table.compare thead th")
    expect(headers.nth(1)).to_contain_text("Stream International support track")
    expect(headers.nth(2)).to_contain_text("Call center hierarchy")

    page.go_back()
    expect(page).to_have_url(re.compile(r"ladder=stream-international"))


def test_focus_moves_to_the_comparison_heading_after_adding_or_removing(page: Page, site: str):
    page.goto(f"{site}/compare/roles/?role=supervisor&role=executive")
    heading = page.locator("#comparison-heading")

    page.get_by_label("Add a role").select_option(label="Manager")
    page.get_by_role("button", name="Update the comparison").click()
    expect(page.locator("table.compare thead th")).to_have_count(4)
    expect(heading).to_be_focused()
    expect(heading).to_have_text("Comparing 3 roles")

    page.get_by_role("link", name="Remove Executive").click()
    expect(page.locator("table.compare thead th")).to_have_count(3)
    expect(heading).to_be_focused()
    expect(heading).to_have_text("Comparing 2 roles")

    # The next Tab goes on from the comparison, not from the top of the page.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Remove Supervisor")).to_be_focused()


# Every visible piece of text's size in points, scaled as drawn (the chart's SVG text
# shrinks with the drawing).
SMALL_TEXT = """pt => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent.trim();
    if (!text || !element.getClientRects().length || element.closest(".visually-hidden")) continue;
    let px = parseFloat(getComputedStyle(element).fontSize);
    if (element instanceof SVGElement) px *= element.getScreenCTM().a;
    if (px * 0.75 < pt) small.push(text.slice(0, 40) + ": " + (px * 0.75).toFixed(1) + "pt");
  }
  return small;
}"""


def print_handout(page: Page, path: str) -> tuple[int, bytes]:
    """Print a comparison as Chromium would (its own landscape page size) and count
    the pages."""
    # The width of the printed page's text block, so the print layout is the same.
    page.set_viewport_size({"width": 1047, "height": 718})
    page.goto(path)
    page.emulate_media(media="print")
    pdf = page.pdf(print_background=True, prefer_css_page_size=True)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf)), pdf


def test_the_printed_comparison_is_a_clean_short_handout(page: Page, site: str):
    pages, pdf = print_handout(
        page, site + "/compare/ladders/?ladder=call-center-hierarchy&ladder=customer-service-track"
    )
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".compare-controls")).to_be_hidden()
    expect(page.locator(".footnotes")).to_be_visible()
    assert 1 <= pages <= 2
    width, height = map(float, re.search(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert width > height  # landscape


@pytest.mark.parametrize(
    "path",
    [
        "/compare/ladders/?ladder=call-center-hierarchy&ladder=convergys"
        "&ladder=stream-international&ladder=customer-service-track&dollars=2025",
        "/compare/roles/?role=customer-service-representative"
        "&role=customer-service-training-manager&role=call-center-team-manager"
        "&role=senior-customer-service-representative&dollars=2025",
    ],
    ids=["4-ladders", "4-roles"],
)
def test_four_items_print_on_two_legible_pages(page: Page, site: str, path):
    pages, _ = print_handout(page, site + path)
    # Four ladders with BLS's median on every rung run just past two pages (the rows do not
    # split across pages); four roles still fit two.
    assert 1 <= pages <= (3 if "ladders" in path else 2)
    assert page.evaluate(SMALL_TEXT, 7.9) == []  # nothing under 8pt, the chart's text included


def test_the_printout_leaves_out_rows_that_state_nothing(page: Page, site: str):
    page.goto(site + "/compare/roles/?role=supervisor&role=executive")
    pay = page.locator(
        "table.compare tbody tr", has=page.get_by_role("rowheader", name="Pay", exact=True)
    )
    leads_to = page.locator("table.compare tr", has=page.get_by_role("rowheader", name="Leads to"))
    expect(pay).to_contain_text("Not stated")
    page.emulate_media(media="print")
    expect(pay).to_be_hidden()
    expect(leads_to).to_be_visible()


def test_role_comparison_in_other_years_dollars(page: Page, site: str):
    roles = "role=customer-service-representative&role=senior-customer-service-representative"
    page.goto(f"{site}/compare/roles/?{roles}")
    page.get_by_label("Also show pay in").select_option(label="2020 dollars")
    page.get_by_role("button", name="Update the comparison").click()
    expect(page).to_have_url(re.compile(r"dollars=2020"))
    expect(page.locator("#comparison")).to_contain_text(
        "adjusted from 2007, the year the article was published, to 2020 dollars"
    )
    expect(page.locator("#comparison")).to_contain_text("not adjusted: the source gives no year")


@pytest.mark.parametrize(
    "path",
    [
        "/compare/ladders/?ladder=call-center-hierarchy&ladder=customer-service-track&dollars=2025",
        "/compare/roles/?role=customer-service-representative&role=help-desk-representative&role=supervisor",
        "/compare/roles/",
        "/compare/roles/?role=nope&role=supervisor",
    ],
)
@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_workbench_pages_have_no_serious_accessibility_violations(
    page: Page, site: str, path, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + path)
    expect(page.locator("h1")).to_be_visible()
    assert serious_violations(page) == []


def test_the_menus_compare_link_offers_the_last_comparison_back(page: Page, site: str):
    page.goto(f"{site}/compare/ladders/?ladder=convergys&ladder=peoplesupport")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Compare").click()
    expect(page).to_have_url(f"{site}/compare/")
    resume = page.get_by_role(
        "link",
        name="Resume your comparison of Convergys career track and PeopleSupport CSR job ladder",
    )
    assert serious_violations(page) == []
    resume.click()
    expect(page.locator("table.compare thead th")).to_have_count(3)

    # Removing every item forgets the comparison.
    page.get_by_role("link", name="Remove Convergys career track").click()
    expect(page.locator("table.compare")).to_have_count(0)
    page.get_by_role("link", name="Remove PeopleSupport CSR job ladder").click()
    expect(page.get_by_role("heading", name="No ladders chosen yet")).to_be_focused()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Compare").click()
    expect(page.get_by_role("heading", name="Compare ladders or roles")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Resume your comparison"))).to_have_count(0)


def test_the_print_button_prints_a_handout_that_says_what_when_and_where(page: Page, site: str):
    path = "/compare/ladders/?ladder=call-center-hierarchy&ladder=customer-service-track"
    page.goto(site + path)
    # Count the calls instead of opening the print dialog (a function string would be called).
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    button = page.get_by_role("button", name="Print this comparison")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1
    # No link to the page it is on.
    expect(page.get_by_role("link", name="Open the printable page")).to_have_count(0)
    page.emulate_media(media="print")
    header = page.locator(".handout-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text(
        "Career Ladder Explorer · Ladders compared: Call center hierarchy, Customer service track"
    )
    expect(header).to_contain_text(f"{site}{path}")
    expect(page.locator(".footnotes")).to_contain_text(f"{site}/sources/")


def test_ticking_ladders_or_roles_on_their_lists_builds_a_comparison_in_one_go(
    page: Page, site: str
):
    page.goto(site + "/ladders/")
    page.get_by_label("Compare Convergys career track").check()
    page.get_by_label("Compare PeopleSupport CSR job ladder").check()
    page.get_by_role("button", name="Compare the ladders ticked").click()
    expect(page).to_have_url(f"{site}/compare/ladders/?ladder=convergys&ladder=peoplesupport")
    expect(page.locator("table.compare thead th")).to_have_count(3)
    page.goto(site + "/roles/")
    page.get_by_label("Compare Supervisor").check()
    page.get_by_label("Compare Executive").check()
    page.get_by_role("button", name="Compare the roles ticked").click()
    expect(page).to_have_url(re.compile(r"/compare/roles/\?role=executive&role=supervisor$"))
    expect(page.locator("#comparison-heading")).to_have_text("Comparing 2 roles")


# Words in the table that run over two lines other than at a hyphen or dash (which is
# where a line may break), and the smallest rendered size of the chart's text.
PHONE_LAYOUT = r"""() => {
  const broken = [];
  const table = document.querySelector("table.compare");
  const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, words = /[^\s\-–—]+/g;
    let m;
    while ((m = words.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (range.getClientRects().length > 1) broken.push(m[0]);
    }
  }
  const svg = document.querySelector(".pay-chart svg");
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll("text")].map(
    (t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  const scroller = document.querySelector("#comparison .table-scroll");
  const rowHeading = document.querySelector("table.compare tbody th");
  scroller.scrollLeft = scroller.scrollWidth;
  return {
    broken,
    smallestChartText: Math.min(...sizes),
    scrolls: scroller.scrollWidth > scroller.clientWidth,
    headingLeft: rowHeading.getBoundingClientRect().left - scroller.getBoundingClientRect().left,
  };
}"""
LADDER_SLUGS = ["call-center-hierarchy", "convergys", "customer-service-track", "peoplesupport"]
ROLE_SLUGS = [
    "customer-service-representative",
    "help-desk-representative",
    "supervisor",
    "manager",
]


@pytest.mark.parametrize("count", [2, 3, 4])
@pytest.mark.parametrize(
    "param,slugs,noun", [("ladder", LADDER_SLUGS, "ladders"), ("role", ROLE_SLUGS, "roles")]
)
@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_comparisons_on_a_phone_break_no_word_and_keep_chart_text_legible(
    page: Page, site: str, width, param, slugs, noun, count
):
    page.set_viewport_size({"width": width, "height": 900})
    query = "&".join(f"{param}={slug}" for slug in slugs[:count])
    page.goto(f"{site}/compare/{noun}/?{query}")
    found = page.evaluate(PHONE_LAYOUT)
    assert found["broken"] == []
    assert found["smallestChartText"] >= 11
    hint = page.locator(".scroll-hint")
    if found["scrolls"]:
        expect(hint).to_be_visible()
        expect(hint).to_have_text(f"Scroll sideways to see all {count} {noun}.")
        # Scrolled to the far right, the row headings are still at the left edge.
        assert abs(found["headingLeft"]) < 2
    else:
        expect(hint).to_be_hidden()
    if width == 390:
        # Ladders stay aligned rung by rung and scroll; roles stack, one below another.
        assert found["scrolls"] == (noun == "ladders")
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert serious_violations(page) == []
