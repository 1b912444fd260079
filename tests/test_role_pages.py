"""The role list and role profile pages."""

import pytest
from django.urls import reverse

from careers.models import Role
from salaries.areas import known_areas
from salaries.models import SalaryFigure

pytestmark = pytest.mark.django_db


def test_role_list_shows_every_role_with_a_link(client):
    response = client.get(reverse("careers:role-list"))
    assert response.status_code == 200
    html = response.content.decode()
    for role in Role.objects.all():
        assert role.get_absolute_url() in html
        assert role.title in html


def test_role_list_shows_pay_as_stated_with_period_and_year(client):
    html = client.get(reverse("careers:role-list")).content.decode()
    assert "about $9.00–$17.00 an hour" in html
    assert (
        "Customer Service Representative I: generally $25,702–$33,661 (a year, as we read it)"
        in html
    )
    assert "(2008)" in html and "(2007)" in html
    assert "year not stated" in html


def test_role_list_shows_the_field_wide_pay_statement(client):
    html = client.get(reverse("careers:role-list")).content.decode()
    assert "on average from about $16,000, and can exceed $100,000 a year" in html


def test_role_list_shows_education_and_experience_at_a_glance(client):
    html = client.get(reverse("careers:role-list")).content.decode()
    assert "Bachelor&#x27;s degree" in html
    assert "At least 7 years in the field" in html


def test_role_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # Includes the data version that keys the page cache, and the paginator's count.
    with django_assert_max_num_queries(12):  # pay and place; the CPI-U table; BLS's medians
        client.get(reverse("careers:role-list"))


def test_role_profile_shows_every_pay_figure_with_source_year_and_quote(client):
    role = Role.objects.get(slug="customer-service-representative")
    html = client.get(role.get_absolute_url()).content.decode()
    for figure in SalaryFigure.objects.filter(role=role).select_related("source"):
        assert figure.as_stated() in html
        assert figure.year_display in html
        assert figure.source.title in html
    assert "Depending on your area and the job market" in html
    assert "13 February 2008" in html
    assert "undated" in html


def test_role_profile_shows_requirements_from_each_disagreeing_source(client):
    role = Role.objects.get(slug="customer-service-representative")
    html = client.get(role.get_absolute_url()).content.decode()
    assert "Most customer service representative jobs require only a high school diploma." in html
    assert "many customer service jobs now require an associate or bachelor’s degree." in html
    assert "0 to 3 years" in html


def test_role_profile_shows_span_of_control_and_reporting_line(client):
    html = client.get(reverse("careers:role-detail", args=["call-center-team-manager"])).content
    assert b"Typically manages a team of 10 to 30 people." in html
    qa = client.get(reverse("careers:role-detail", args=["quality-assurance-representative"]))
    assert reverse("careers:role-detail", args=["call-center-general-manager"]).encode() in (
        qa.content
    )


def test_role_profile_shows_moves_out_with_time_in_role(client):
    html = client.get(reverse("careers:role-detail", args=["software-support-representative"]))
    text = html.content.decode()
    assert "Development support representative (DSR)" in text
    assert "12–18 months" in text


def test_role_profile_says_when_a_ladder_order_is_not_stated(client):
    html = client.get(reverse("careers:role-detail", args=["shift-supervisor"])).content.decode()
    assert "does not give this ladder's order" in html


def test_role_profile_without_pay_says_so(client):
    html = client.get(reverse("careers:role-detail", args=["supervisor"])).content.decode()
    assert "No source states pay for this role;" in html


@pytest.mark.parametrize("slug", ["customer-service-representative", "call-center-general-manager"])
def test_role_profile_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, slug):
    # +1 where a source calls the role a start: the field-wide starting pay beside its own;
    # one for the CPI-U table (pay in today's dollars); two for pay today (the mapping and
    # the estimates). The areas are known already (held in memory).
    known_areas()
    with django_assert_max_num_queries(15):
        assert client.get(reverse("careers:role-detail", args=[slug])).status_code == 200


def test_unknown_role_gives_a_helpful_404(client):
    response = client.get("/roles/no-such-role/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content
    assert reverse("careers:role-list").encode() in response.content


def test_role_pages_refuse_writes(client):
    assert client.post(reverse("careers:role-list")).status_code == 405


@pytest.mark.parametrize(
    "url",
    [
        "/roles/",
        "/roles/supervisor/",
        "/ladders/",
        "/ladders/convergys/",
        "/map/",
        "/paths/",
        "/compare/ladders/",
        "/compare/roles/",
        "/sources/",
        "/api/roles/",
        "/healthz",
    ],
)
def test_link_checkers_and_monitors_may_ask_with_head(client, url):
    response = client.head(url)
    assert response.status_code == 200, url
    assert response.content == b""


def test_home_leads_to_the_role_list(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("careers:role-list")


def test_pages_load_htmx_from_our_own_static_files(client):
    html = client.get(reverse("careers:role-list")).content.decode()
    assert "/static/django_htmx/htmx" in html
    assert "https://" not in html.split("<body")[0]


def test_hourly_pay_also_shows_its_yearly_equivalent(client):
    html = client.get("/roles/customer-service-representative/").content.decode()
    # $9.00–$17.00 an hour x 2,080 hours.
    assert "That is about $18,720–$35,360 a year at 2,080 hours a year" in html
    ladder = client.get("/ladders/call-center-hierarchy/").content.decode()
    assert "worked out over a year: about $18,720–$35,360 a year at 2,080 hours" in ladder


@pytest.mark.parametrize(
    ("url", "says", "offers"),
    [
        ("/roles/no-such-role/", "There is no role at this address", "/roles/"),
        ("/ladders/no-such-ladder/", "There is no ladder at this address", "/ladders/"),
        ("/sources/no-such-source/", "There is no source article at this address", "/sources/"),
    ],
)
def test_an_unknown_address_says_what_was_not_found_and_where_to_look(client, url, says, offers):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert says in html
    assert f'href="{offers}"' in html


def test_a_role_with_no_pay_points_to_field_pay_and_only_to_paths_that_exist(client):
    html = client.get(
        reverse("careers:role-detail", args=["call-center-general-manager"])
    ).content.decode()
    assert "Not stated for this role (see pay across the field below)" in html
    assert "Where call-center pay starts, across the field:" in html
    # No move leads out of it, so no "path from this role"; moves lead in.
    assert "Find a path from this role" not in html
    assert '/paths/?to=call-center-general-manager">See every route that leads here' in html
    csr = client.get(
        reverse("careers:role-detail", args=["customer-service-representative"])
    ).content.decode()
    assert "Find a path from this role" in csr and "See every route that leads here" not in csr


def test_a_long_profile_has_contents_and_does_not_repeat_its_own_pay_per_move(client):
    html = client.get(
        reverse("careers:role-detail", args=["customer-service-representative"])
    ).content.decode()
    contents = html[
        html.index('<nav class="toc"') : html.index("</nav>", html.index('class="toc"'))
    ]
    for target in ["#pay-heading", "#requirements-heading", "#next-heading", "#from-heading"]:
        assert f'href="{target}"' in contents
        assert f'id="{target[1:]}"' in html
    next_steps = html[html.index('id="next-heading"') : html.index('id="from-heading"')]
    assert "as under “Pay” above" in next_steps
    assert "$25,702" not in next_steps  # the CSR's own figures stay in its Pay section
