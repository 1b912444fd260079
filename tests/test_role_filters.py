"""Browsing roles with the job seeker's filters, with and without htmx."""

import pytest
from django.urls import reverse

from careers.models import Role

pytestmark = pytest.mark.django_db

URL = "/roles/"
HTMX = {"HX-Request": "true"}


def listed(response) -> set[str]:
    return {role.slug for role in response.context["roles"]}


def test_high_school_education_opens_the_csr_but_not_the_customer_service_manager(client):
    slugs = listed(client.get(URL, {"education": "1"}))
    assert "customer-service-representative" in slugs
    assert "customer-service-manager" not in slugs
    assert "call-center-team-manager" not in slugs
    # No source states education for the general manager, so it is not ruled out.
    assert "call-center-general-manager" in slugs


def test_a_bachelors_degree_opens_every_role(client):
    assert listed(client.get(URL, {"education": "5"})) == set(
        Role.objects.values_list("slug", flat=True)
    )


def test_experience_filter_uses_the_least_demanding_stated_minimum(client):
    slugs = listed(client.get(URL, {"experience": "2"}))
    assert "customer-service-representative" in slugs  # 0 to 3 years
    assert "ecommerce-customer-service-representative" in slugs  # at least 1 year
    assert "customer-service-training-manager" not in slugs  # at least 5 years
    assert "customer-service-manager" not in slugs  # at least 7 years


def test_hourly_and_yearly_pay_are_compared_at_2080_hours(client):
    # $17.00 an hour x 2,080 = $35,360 a year; the CSR's highest yearly figure is $34,000
    # (000) and $33,661 (001), so only the hourly figure reaches $35,000.
    assert "customer-service-representative" in listed(client.get(URL, {"min_pay": "35000"}))
    assert "customer-service-representative" not in listed(client.get(URL, {"min_pay": "35400"}))
    hourly = listed(client.get(URL, {"min_pay": "17", "pay_period": "hour"}))
    assert "customer-service-representative" in hourly
    assert hourly == listed(client.get(URL, {"min_pay": "35360", "pay_period": "year"}))


def test_pay_filter_leaves_out_roles_with_no_stated_pay(client):
    slugs = listed(client.get(URL, {"min_pay": "1"}))
    assert "call-center-general-manager" not in slugs
    assert "customer-service-manager" in slugs


def test_free_text_searches_titles_other_titles_and_duties(client):
    assert "customer-service-representative" in listed(client.get(URL, {"q": "telesales"}))
    assert "quality-assurance-representative" in listed(client.get(URL, {"q": "firing"}))
    assert listed(client.get(URL, {"q": "Help desk"})) >= {"help-desk-representative"}


def test_filters_combine(client):
    slugs = listed(client.get(URL, {"education": "1", "min_pay": "40000"}))
    # No required education is stated for the senior CSR, and it pays above $40,000; the
    # training manager pays that too, but 001 requires a bachelor's for management posts.
    assert slugs == {"senior-customer-service-representative"}


def test_an_empty_result_says_why_and_offers_to_widen(client):
    response = client.get(URL, {"education": "1", "min_pay": "80000"})
    html = response.content.decode()
    assert "No role matches all of these filters." in html
    assert "Drop “whose stated pay reaches $80,000 a year”" in html
    assert "?education=1" in html  # the link that drops the pay filter keeps the rest


def test_invalid_filters_are_reported_and_left_out(client):
    response = client.get(URL, {"min_pay": "lots", "experience": "-3", "education": "9"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert "Enter a number." in html
    assert len(response.context["roles"]) == Role.objects.count()


def test_the_htmx_request_gets_only_the_results_fragment(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):  # one for pay and place; two for BLS's medians
        response = client.get(URL, {"q": "manager"}, headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<section id="role-results"')
    assert "Call center team manager" in html
    assert "HX-Request" in response["Vary"]


def test_the_full_page_keeps_the_form_and_the_results(client, django_assert_max_num_queries):
    # Pay and place; the CPI-U table; left out; two for BLS's medians.
    with django_assert_max_num_queries(13):
        response = client.get(URL, {"q": "manager", "education": "5", "min_pay": "10"})
    html = response.content.decode()
    assert "<html" in html and 'id="role-results"' in html
    assert 'value="manager"' in html
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_request_gets_the_full_page(client):
    response = client.get(URL, headers={**HTMX, "HX-History-Restore-Request": "true"})
    assert "<html" in response.content.decode()


def test_the_filter_form_works_without_javascript(client):
    html = client.get(reverse("careers:role-list")).content.decode()
    assert '<form class="filters" method="get" action="/roles/"' in html
    assert '<button type="submit">Show roles</button>' in html


def test_long_lists_are_paginated_and_keep_the_filters(client):
    for number in range(60):
        Role.objects.create(
            title=f"Zz synthetic role {number:02d}", slug=f"zz-synthetic-{number:02d}"
        )
    first = client.get(URL, {"q": "synthetic"})
    assert len(first.context["roles"]) == 50
    html = first.content.decode()
    assert "Roles 1–50 of 60 (page 1 of 2)" in html
    assert "?q=synthetic&amp;page=2" in html
    second = client.get(URL, {"q": "synthetic", "page": "2"})
    assert len(second.context["roles"]) == 10
    assert "?q=synthetic&amp;page=1" in second.content.decode()


@pytest.mark.parametrize("page", ["999", "0", "abc"])
def test_a_page_that_does_not_exist_is_a_400_showing_the_first_with_a_message(client, page):
    response = client.get(URL, {"page": page})
    assert response.status_code == 400
    assert f"There is no page “{page}”; showing the first page." in response.content.decode()
    assert len(response.context["roles"]) > 0


def test_an_unknown_pay_period_is_reported_and_the_amount_left_out(client):
    response = client.get(URL, {"min_pay": "20", "pay_period": "month"})
    html = response.content.decode()
    assert "Select a valid choice. month is not one of the available choices." in html
    assert len(response.context["roles"]) == Role.objects.count()
    assert "paying at least" not in html


def test_search_text_is_escaped_where_it_is_shown(client):
    response = client.get(URL, {"q": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_roles_whose_sources_state_no_education_are_kept_and_said_to_be_unstated(client):
    response = client.get(URL, {"education": "0"})
    assert "call-center-general-manager" in listed(response)
    html = response.content.decode()
    assert "no source states that requirement stays in the list" in html
    assert "No education requirement stated" in html


def test_with_an_education_filter_each_role_says_whether_sources_say_you_qualify(client):
    html = client.get(URL, {"education": "1"}).content.decode()
    rows = {
        role.slug: row
        for role in Role.objects.all()
        for row in html.split("<tr>")
        if f'href="{role.get_absolute_url()}"' in row
    }
    assert "Sources say you qualify" in rows["customer-service-representative"]
    # No source states the general manager's education: not stated, never "open".
    assert "No education requirement stated" in rows["call-center-general-manager"]
    assert "Sources say you qualify" not in rows["call-center-general-manager"]
    assert (
        "Sources say you qualify</span>" not in client.get(URL, {"q": "manager"}).content.decode()
    )


def test_a_role_whose_sources_only_suggest_a_requirement_says_so(client):
    # 004 suggests a bachelor's degree and a year for the eCommerce CSR but requires
    # neither: "none stated" alone would read as if nothing were asked.
    html = client.get(URL, {"education": "1", "experience": "0"}).content.decode()
    row = next(row for row in html.split("<tr>") if "ecommerce-customer-service-rep" in row)
    assert "No education or experience requirement stated, only suggested" in row
    general_manager = next(row for row in html.split("<tr>") if "call-center-general-man" in row)
    assert "only" not in general_manager.split('class="fit')[1].split("</span>")[0]


def test_roles_left_out_by_a_hedged_requirement_are_listed_with_the_hedge(client):
    # 003: a customer service manager "usually" needs a bachelor's degree and 7 years:
    # the filter leaves the role out, and says so with the hedge, not silently.
    response = client.get(URL, {"education": "1", "experience": "2"})
    ruled_out = response.context["ruled_out"]
    names = [role.slug for role, _ in ruled_out.listed]
    assert "customer-service-manager" in names
    assert not set(names) & listed(response)
    assert ruled_out.total == len(names) == Role.objects.count() - len(listed(response))
    html = response.content.decode()
    section = html.split('<details class="ruled-out">')[1].split("</details>")[0]
    assert "left out by what their sources require" in section
    assert (
        "Bachelor&#x27;s degree in business, marketing or a related field; at least 7 years "
        'in the field <span class="muted">(required, usually; 2007)</span>'
    ) in section
    assert "At least 5 years of experience" in section
    assert 'details class="ruled-out"' not in client.get(URL, {"q": "manager"}).content.decode()


def test_the_ruled_out_list_is_capped_with_a_count(client):
    from explorer.forms import RoleFilterForm

    form = RoleFilterForm({"education": "0"})
    form.is_valid()
    everything = form.ruled_out()
    capped = form.ruled_out(limit=1)
    assert everything.total >= 2
    assert len(capped.listed) == 1 and capped.total == everything.total
    assert capped.more == everything.total - 1


def test_the_role_list_sorts_by_title_pay_or_least_education(client):
    by_title = [role.title.lower() for role in client.get(URL).context["roles"]]
    assert by_title == sorted(by_title)
    by_pay = list(client.get(URL, {"sort": "pay"}).context["roles"])
    tops = [role.top_pay for role in by_pay]
    stated = [top for top in tops if top is not None]
    assert stated == sorted(stated, reverse=True) and stated
    assert tops == stated + [None] * (len(tops) - len(stated))  # no stated pay last
    assert by_pay[0].slug == "customer-service-manager"
    by_education = list(client.get(URL, {"sort": "education"}).context["roles"])
    levels = [role.least_required_education() for role in by_education]
    known = [level for level in levels if level is not None]
    assert known == sorted(known) and levels[: len(known)] == known


def test_drop_this_filter_links_say_how_many_roles_each_brings_back(client):
    html = client.get(URL, {"q": "billing", "min_pay": "500000"}).content.decode()
    billing = client.get(URL, {"q": "billing"}).context["roles"]
    count = len(billing)
    assert (
        "Drop “whose stated pay reaches $500,000 a year”</a>\n"
        f'        <span class="muted">({count} role' in html
    )
    assert 'Drop “matching “billing””</a>\n        <span class="muted">(still none)</span>' in html


def test_the_results_heading_says_not_ruled_out_rather_than_open(client):
    html = client.get(URL, {"education": "1", "experience": "2"}).content.decode()
    heading = html[
        html.index('id="results-heading"') : html.index("</h2>", html.index('id="results-heading"'))
    ]
    assert "not ruled out with High-school diploma" in heading
    assert "not ruled out with 2 years of experience" in heading
    assert "open with" not in heading


def test_each_compare_box_carries_a_visible_word_and_the_roles_name_for_screen_readers(client):
    html = client.get(URL).content.decode()
    assert (
        '<input type="checkbox" name="role" value="supervisor">'
        'Compare<span class="visually-hidden"> Supervisor</span></label>'
    ) in html


def test_the_hint_a_waiting_choice_fills_is_empty_as_served(client):
    html = client.get(URL).content.decode()
    assert '<span id="apply-hint" class="apply-hint" role="status"' in html
    assert 'data-hint="Press “Show roles” to apply."></span>' in html


def test_the_results_are_announced_from_a_status_region_outside_the_swapped_section(client):
    html = client.get(URL).content.decode()
    status = html.index('<p id="results-status" class="visually-hidden" role="status"')
    assert html.index("</form>") < status < html.index('<section id="role-results"')
    # The heading inside the swap is no live region of its own: it is replaced whole.
    heading = html[html.index('<h2 id="results-heading"') :]
    assert "aria-live" not in heading[: heading.index(">")]
    fragment = client.get(URL, {"q": "billing"}, headers=HTMX).content.decode()
    assert 'id="results-status"' not in fragment  # it stays on the page, outside the swap
