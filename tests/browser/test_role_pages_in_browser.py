import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

SERIOUS = {"serious", "critical"}


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/roles/",
        "/roles/customer-service-representative/",
        "/roles/call-center-team-manager/",
        "/roles/no-such-role/",
    ],
)
@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_pages_have_no_serious_accessibility_violations(page: Page, site: str, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + path)
    expect(page.locator("h1")).to_be_visible()
    assert serious_violations(page) == []


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_role_list_fits_the_screen_without_sideways_scrolling(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/roles/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_choosing_a_role_opens_its_profile_with_sourced_pay(page: Page, site: str):
    page.goto(site + "/roles/")
    page.get_by_role("link", name="Senior customer service representative").click()
    expect(page).to_have_url(site + "/roles/senior-customer-service-representative/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Senior customer service representative"
    )
    expect(page.locator(".pay .amount")).to_have_text(
        "can make $33,655–$50,074 (a year, as we read it)"
    )
    expect(page.get_by_text("20 August 2007").first).to_be_visible()


def test_htmx_is_served_locally_and_loads(page: Page, site: str):
    external = []
    page.on(
        "request",
        lambda request: (
            external.append(request.url)
            if not request.url.startswith(site) and not request.url.startswith("data:")
            else None
        ),
    )
    page.goto(site + "/roles/")
    assert page.evaluate("typeof window.htmx") == "object"
    assert external == []


def test_the_accessibility_check_reports_a_real_violation(page: Page, site: str):
    """Guards the guard: an image without alt text must be reported."""
    page.goto(site + "/roles/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')"
    )
    assert any(v.startswith("image-alt") for v in serious_violations(page))


def test_the_content_security_policy_blocks_an_inline_script(page: Page, site: str):
    page.goto(site + "/roles/")
    page.evaluate(
        """() => {
            window.__violations = [];
            document.addEventListener(
                "securitypolicyviolation",
                (event) => window.__violations.push(event.violatedDirective),
            );
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true;";
            document.body.appendChild(script);
        }"""
    )
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__inlineRan") is None
    assert any("script-src" in v for v in page.evaluate("window.__violations"))
    # htmx, a script from this site, still runs under the same policy.
    assert page.evaluate("typeof window.htmx") == "object"


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_a_statements_sentence_opens_from_the_keyboard(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/roles/customer-service-representative/")
    duties = page.locator("section", has=page.get_by_role("heading", name="Duties"))
    first = duties.locator("details.quote-details").first
    quote = first.locator("blockquote")
    expect(quote).to_be_hidden()
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(quote).to_be_visible()
    assert quote.inner_text().strip()
    # The article is named once above its statements, with a working link.
    href = duties.locator(".from-source a").first.get_attribute("href")
    assert href.startswith("/sources/")


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_the_pay_filter_in_todays_dollars_survives_back(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/roles/")
    page.get_by_label("Amount in US dollars").fill("80000")
    box = page.get_by_label("Count the articles' dated figures in", exact=False)
    box.check()
    page.get_by_role("button", name="Show roles").click()
    expect(page.locator("#results-heading")).to_contain_text("in 2025 dollars")
    expect(page.locator("#role-results")).to_contain_text("Customer service manager")
    page.get_by_role("link", name="Customer service manager", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Customer service manager")
    expect(page.locator(".today-dollars")).to_contain_text("In 2025 dollars:")
    page.go_back()
    expect(page.locator("#results-heading")).to_contain_text("in 2025 dollars")
    expect(page.get_by_label("Count the articles' dated figures in", exact=False)).to_be_checked()
    assert serious_violations(page) == []


def test_every_role_profile_prints_on_at_most_four_pages(page: Page, site: str):
    import re

    from careers.models import Role

    page.emulate_media(media="print")
    hidden = 0
    for slug in Role.objects.values_list("slug", flat=True):
        page.goto(f"{site}/roles/{slug}/")
        # What the browser's Print does first (page.pdf() alone would not): moves' details open.
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        closed = page.locator("details[data-open-for-print]:not([open])")
        assert closed.count() == 0, slug
        # The handout names each statement's source; the sentences stay online.
        toggles = page.locator("summary:visible", has_text="The sentence it comes from")
        hidden += page.locator("summary", has_text="The sentence it comes from").count()
        assert toggles.count() == 0, slug
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper)
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            assert 1 <= pages <= 4, (slug, paper, pages)
    assert hidden > 0  # the toggles exist on screen, so the check above checks something


def test_the_print_button_prints_a_profile_with_its_handout_header(page: Page, site: str):
    page.goto(site + "/roles/customer-service-representative/")
    page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    page.get_by_role("button", name="Print this profile").click()
    assert page.evaluate("() => window.__printed") == 1
    page.emulate_media(media="print")
    header = page.locator(".handout-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text("Career Ladder Explorer")
    expect(header).to_contain_text("/roles/customer-service-representative/")
    expect(page.get_by_role("button", name="Print this profile")).to_be_hidden()


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_a_next_steps_pay_and_needs_open_on_request(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/roles/customer-service-representative/")
    more = page.locator("details.step-more").first
    details = more.locator(".step-details")
    expect(details).to_be_hidden()
    more.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(details).to_be_visible()
    expect(details).to_contain_text("Needs beyond")


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_each_roles_compare_box_says_so_on_screen(page: Page, site: str, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/roles/")
    labels = page.locator("#role-results label.pick")
    expect(labels).not_to_have_count(0)
    for label in labels.all():
        label.scroll_into_view_if_needed()
        # The word a sighted reader sees: text drawn wider than a visually hidden pixel.
        shown = label.evaluate(
            """(el) => Array.from(el.childNodes)
              .filter(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim())
              .map(n => {
                const range = document.createRange();
                range.selectNodeContents(n);
                return [n.textContent.trim(), range.getBoundingClientRect().width];
              })"""
        )
        assert [text for text, drawn in shown if drawn > 20] == ["Compare"], shown
        box = label.bounding_box()
        assert box["width"] > 40 and box["height"] >= 24, box  # legible, and a finger's target
        # The box and its word stand above the role's name, not run into it.
        title = label.locator("xpath=following-sibling::a[1]").bounding_box()
        assert box["y"] + box["height"] <= title["y"] + 1, (box, title)
    # A screen reader still hears which role; the word itself ticks the box.
    tick = page.get_by_role("checkbox", name="Compare Supervisor", exact=True)
    page.locator("#role-results label.pick", has=tick).get_by_text("Compare").click()
    expect(tick).to_be_checked()
