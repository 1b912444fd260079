"""Pay today on the ladders, the walk, the path finder and both comparisons: BLS's median
where the reader is, the change of every step (both ends from one release and one area),
in a bounded number of queries whatever the number of rungs or roles."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import Role
from explorer.compare.export import safe_cell
from ladders.models import Ladder
from salaries.official import NATIONAL, Area, RoleOccupation, WageEstimate
from tests.csv_columns import rows_by_name

pytestmark = pytest.mark.django_db

SALT_LAKE_CITY = "0041620"
UTAH = "4900000"
HTMX = {"HX-Request": "true"}


def median_of(slug: str, area: str = NATIONAL) -> WageEstimate:
    occupation = RoleOccupation.objects.get(role__slug=slug).occupation_id
    return WageEstimate.objects.get(occupation=occupation, area=area, industry="000000")


def money(amount) -> str:
    return f"${abs(amount):,.0f}"


def rung_html(html: str, position: int) -> str:
    start = html.index(f'<li class="rung" id="rung-{position}">')
    return html[start : html.index("</li>", start)]


def in_area(client, code: str) -> None:
    client.cookies["area"] = code


def test_every_rung_shows_the_median_of_the_chosen_area(client):
    in_area(client, SALT_LAKE_CITY)
    html = client.get("/ladders/call-center-hierarchy/").content.decode()
    ladder = Ladder.objects.get(slug="call-center-hierarchy")
    for rung in ladder.rungs.select_related("role"):
        cell = rung_html(html, rung.position)
        if rung.role.slug == "quality-assurance-representative":
            assert "No official figures: no federal category fits" in cell
            continue
        estimate = median_of(rung.role.slug, SALT_LAKE_CITY)
        assert (
            f"<strong>{money(estimate.annual_median)}</strong>" in cell
            and "median a year, Salt Lake City-Murray, UT" in cell
            and "BLS May 2025" in cell
        ), rung


def test_each_step_between_rungs_shows_the_change_in_the_chosen_area(client):
    in_area(client, SALT_LAKE_CITY)
    html = client.get("/ladders/call-center-hierarchy/").content.decode()
    before = median_of("customer-service-representative", SALT_LAKE_CITY).annual_median
    after = median_of("help-desk-representative", SALT_LAKE_CITY).annual_median
    percent = round((after - before) * 100 / before)
    assert after > before
    assert (
        f"Change from rung 1: +{money(after - before)} a year (+{percent}%), "
        f"from {money(before)} to {money(after)} (Salt Lake City-Murray, UT, BLS May 2025)"
    ) in rung_html(html, 2)


def test_the_same_occupation_on_both_rungs_says_bls_shows_no_difference(client):
    in_area(client, UTAH)
    html = client.get("/ladders/customer-service-track/").content.decode()
    # CSR and senior CSR both map to 43-4051.
    assert (
        "Change from rung 1: The same federal occupation: BLS’s figures cannot tell these "
        "roles apart" in rung_html(html, 2)
    )


def test_no_change_is_worked_out_between_rungs_no_move_links(client):
    # The customer service track's moves both start from the CSR: none from rung 2 to 3.
    in_area(client, UTAH)
    html = client.get("/ladders/customer-service-track/").content.decode()
    assert "Change from rung" not in rung_html(html, 3)
    walk = client.get("/ladders/customer-service-track/", {"at": "customer-service-manager"})
    assert "Change from Senior" not in walk.content.decode()


def test_a_step_to_a_role_with_no_federal_category_has_no_change_and_says_why(client):
    html = client.get("/ladders/call-center-hierarchy/").content.decode()
    for position in (4, 5):  # into and out of the QA representative's rung
        cell = rung_html(html, position)
        assert (
            "No change can be worked out: Quality assurance representative has no federal "
            "category that fits it."
        ) in cell
        assert "a year (+" not in cell[cell.index("Change from") :]


def test_a_change_bls_has_no_local_figures_for_is_the_nations_and_says_so(client):
    in_area(client, SALT_LAKE_CITY)
    html = client.get("/ladders/convergys/").content.decode()
    # Top Executives (11-1000) is published nationally only.
    assert not WageEstimate.objects.filter(occupation="11-1000", area=SALT_LAKE_CITY).exists()
    before = median_of("manager").annual_median
    after = median_of("executive").annual_median
    sign = "+" if after >= before else "−"
    assert f"Change from rung 3: {sign}{money(after - before)} a year" in rung_html(html, 4)
    assert (
        "(National, BLS May 2025: BLS publishes no median for Executive in "
        "Salt Lake City-Murray, UT)"
    ) in rung_html(html, 4)
    # The local median is not used for one end and the national one for the other.
    local_manager = median_of("manager", SALT_LAKE_CITY).annual_median
    assert local_manager != before
    assert money(after - local_manager) not in rung_html(html, 4)


def test_the_walk_shows_both_changes_of_the_rung_as_fragment_and_page(client):
    in_area(client, UTAH)
    url = "/ladders/call-center-hierarchy/?at=help-desk-representative"
    page = client.get(url).content.decode()
    fragment = client.get(url, headers=HTMX).content.decode()

    def detail(html: str) -> str:
        start = html.index('<div id="rung-detail"')
        return html[start : html.index("</dl>", start)]

    assert detail(page) == detail(fragment)
    shown = detail(page)
    help_desk = median_of("help-desk-representative", UTAH).annual_median
    csr = median_of("customer-service-representative", UTAH).annual_median
    team = median_of("call-center-team-manager", UTAH).annual_median
    assert "Utah, BLS May 2025" in shown
    assert (
        f"Change from Customer service representative (CSR)</dt><dd>+{money(help_desk - csr)}"
        in (shown)
    )
    assert f"{money(team - help_desk)} a year" in shown


def pay_queries(captured) -> list[str]:
    return [
        query["sql"]
        for query in captured
        if "salaries_roleoccupation" in query["sql"] or "salaries_wageestimate" in query["sql"]
    ]


@pytest.mark.parametrize("slug", ["call-center-hierarchy", "stream-international", "convergys"])
def test_a_ladder_page_asks_for_pay_today_twice_whatever_its_rungs(client, slug):
    ladder = Ladder.objects.get(slug=slug)
    counts = []
    for area in (None, SALT_LAKE_CITY):
        if area:
            in_area(client, area)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(ladder.get_absolute_url()).status_code == 200
        assert len(pay_queries(captured)) == 2, ladder.rungs.count()
        counts.append(len(captured))
    assert counts[0] == counts[1]  # the area costs no query of its own


def test_a_ladder_page_costs_the_same_with_and_without_an_area(client, django_assert_num_queries):
    url = "/ladders/call-center-hierarchy/?at=call-center-team-manager"
    with CaptureQueriesContext(connection) as national:
        client.get(url)
    in_area(client, SALT_LAKE_CITY)
    with django_assert_num_queries(len(national)):
        client.get(url)


def test_the_path_finder_shows_each_roles_median_each_hop_and_the_whole_change(client):
    in_area(client, SALT_LAKE_CITY)
    response = client.get(
        "/paths/", {"from": "customer-service-representative", "to": "call-center-team-manager"}
    )
    html = response.content.decode()
    start = median_of("customer-service-representative", SALT_LAKE_CITY).annual_median
    middle = median_of("help-desk-representative", SALT_LAKE_CITY).annual_median
    goal = median_of("call-center-team-manager", SALT_LAKE_CITY).annual_median
    for amount in (start, middle, goal):
        assert f"<strong>{money(amount)}</strong>" in html
    assert f"Change: +{money(middle - start)} a year" in html
    assert f"Change: +{money(goal - middle)} a year" in html
    total = f"<dt>Change from start to goal</dt><dd>+{money(goal - start)} a year"
    assert total in html
    steps = response.context["steps"]
    assert [step.today.change.area.code for step in steps] == [SALT_LAKE_CITY] * 2


def test_the_path_finder_asks_for_pay_today_twice_whatever_the_route(client):
    for goal in ("help-desk-representative", "call-center-general-manager"):
        with CaptureQueriesContext(connection) as captured:
            client.get("/paths/", {"from": "customer-service-representative", "to": goal})
        assert len(pay_queries(captured)) == 2, goal


def test_the_ladder_comparison_has_a_labelled_row_of_medians_and_the_steps_change(client):
    in_area(client, UTAH)
    html = client.get(
        "/compare/ladders/", {"ladder": ["customer-service-track", "stream-international"]}
    ).content.decode()
    label = '<dt><span class="no-print">Median pay today (BLS OEWS, May 2025, Utah)</span>'
    assert html.count(label) == 6  # one per rung: 3 + 3
    for slug in ["customer-service-manager", "software-support-representative"]:
        assert f"<strong>{money(median_of(slug, UTAH).annual_median)}</strong>" in html
    csr = median_of("customer-service-representative", UTAH).annual_median
    manager = median_of("customer-service-manager", UTAH).annual_median
    assert '<span class="no-print">Median pay change to the next rung (BLS)</span>' in html
    assert "BLS median: Median pay today (BLS OEWS, May 2025, Utah)" in html  # the handout
    totals = html[html.index('<tbody class="totals">') :]
    assert f"+{money(manager - csr)} a year" in totals
    # The articles' pay keeps its own label.
    assert "<dt>Pay</dt>" in html


def test_the_role_comparison_has_a_row_of_medians_apart_from_the_articles_pay(client):
    in_area(client, SALT_LAKE_CITY)
    html = client.get(
        "/compare/roles/", {"role": ["customer-service-representative", "subject-matter-expert"]}
    ).content.decode()
    row_start = html.index(
        '<th scope="row">Median pay today (BLS OEWS, May 2025, Salt Lake City-Murray, UT)</th>'
    )
    row = html[row_start : html.index("</tr>", row_start)]
    csr = median_of("customer-service-representative", SALT_LAKE_CITY).annual_median
    assert f"<strong>{money(csr)}</strong>" in row
    assert "43-4051 Customer Service Representatives" in row
    assert "No official figures: no federal category fits" in row
    assert html.index('<th scope="row">Pay</th>') < row_start


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/compare/ladders/", {"ladder": ["call-center-hierarchy", "convergys"]}),
        ("/compare/roles/", {"role": ["supervisor", "executive", "manager"]}),
    ],
)
def test_a_comparison_costs_the_same_with_and_without_an_area(
    client, django_assert_num_queries, url, query
):
    with CaptureQueriesContext(connection) as national:
        client.get(url, query)
    assert len(pay_queries(national)) == 2
    in_area(client, UTAH)
    with django_assert_num_queries(len(national)):
        client.get(url, query)


def test_the_role_csv_has_todays_median_as_a_plain_number_with_area_and_occupation(client):
    in_area(client, SALT_LAKE_CITY)
    roles = ["customer-service-representative", "quality-assurance-representative"]
    rows = rows_by_name(client.get("/compare/roles/", {"role": roles, "format": "csv"}))
    today = {r["role"]: r for r in rows if r["attribute"] == "median pay today (BLS)"}
    csr = today["Customer service representative (CSR)"]
    estimate = median_of("customer-service-representative", SALT_LAKE_CITY)
    assert csr["today_median"] == str(int(estimate.annual_median))
    assert csr["today_area"] == Area.objects.get(code=SALT_LAKE_CITY).name
    assert csr["today_release"] == estimate.release.name == "May 2025"
    assert csr["soc"] == "43-4051 Customer Service Representatives"
    assert csr["closeness"] == "the same occupation"
    assert csr["source"] == estimate.release.source.title
    assert csr["low"] == csr["yearly_low"] == ""  # the articles' columns stay theirs
    qa = today["Quality assurance representative"]
    assert qa["today_median"] == "" and qa["closeness"] == "no federal category fits"
    assert qa["today_note"].startswith("No federal category fits this role:")
    # Every article row leaves the official columns blank.
    assert all(r["today_median"] == "" for r in rows if r["attribute"] == "pay")


def test_the_role_csv_says_when_the_median_is_the_nations(client):
    in_area(client, SALT_LAKE_CITY)
    rows = rows_by_name(
        client.get("/compare/roles/", {"role": ["executive", "manager"], "format": "csv"})
    )
    executive = next(
        r for r in rows if r["role"] == "Executive" and r["attribute"] == "median pay today (BLS)"
    )
    assert executive["today_median"] == str(int(median_of("executive").annual_median))
    assert executive["today_area"] == Area.objects.get(code=NATIONAL).name
    assert "no figure for this occupation in Salt Lake City-Murray, UT" in executive["today_note"]


def test_the_ladder_csv_has_each_rungs_median_and_each_steps_change(client):
    in_area(client, UTAH)
    rows = rows_by_name(
        client.get(
            "/compare/ladders/",
            {"ladder": ["customer-service-track", "call-center-hierarchy"], "format": "csv"},
        )
    )
    track = [r for r in rows if r["ladder"] == "Customer service track"]
    medians = {r["rung"]: r for r in track if r["attribute"] == "median pay today (BLS)"}
    assert set(medians) == {"1", "2", "3"}
    for rung in Ladder.objects.get(slug="customer-service-track").rungs.select_related("role"):
        expected = median_of(rung.role.slug, UTAH).annual_median
        assert medians[str(rung.position)]["today_median"] == str(int(expected))
        assert medians[str(rung.position)]["today_area"] == "Utah"
    changes = {
        r["rung"]: r for r in track if r["attribute"] == "median pay change to next rung (BLS)"
    }
    assert changes["1"]["today_change"] == ""  # one occupation: no difference to show
    assert "BLS’s figures cannot tell these roles apart" in changes["1"]["today_note"]
    assert "2" not in changes  # no move from rung 2 to rung 3: no change worked out
    total = next(
        r for r in track if r["attribute"] == "median pay change, rung 1 to the last rung (BLS)"
    )
    csr = median_of("customer-service-representative", UTAH).annual_median
    manager = median_of("customer-service-manager", UTAH).annual_median
    assert int(total["today_change"]) == manager - csr
    qa = [
        r
        for r in rows
        if r["ladder"] == "Call center hierarchy"
        and r["attribute"] == "median pay change to next rung (BLS)"
        and r["rung"] in ("3", "4")
    ]
    assert [r["today_change"] for r in qa] == ["", ""]
    assert all("has no federal category that fits it" in r["today_note"] for r in qa)
    assert sum(int(r["today_median"]) for r in medians.values()) > 0


def test_a_negative_number_is_left_plain_but_a_formula_is_not():
    assert safe_cell("-1234") == "-1234"
    assert safe_cell("-12.50") == "-12.50"
    assert safe_cell("-1+2") == "'-1+2"
    assert safe_cell("-A1") == "'-A1"


def test_a_role_on_no_ladder_page_still_has_its_figures_in_the_comparison(client):
    new = Role.objects.create(title="Chat agent", slug="chat-agent")
    html = client.get("/compare/roles/", {"role": ["chat-agent", "supervisor"]}).content.decode()
    assert "No official figures: no federal occupation chosen yet" in html
    rows = rows_by_name(
        client.get("/compare/roles/", {"role": ["chat-agent", "supervisor"], "format": "csv"})
    )
    chat = next(
        r for r in rows if r["role"] == new.title and r["attribute"] == "median pay today (BLS)"
    )
    assert chat["closeness"] == "no federal occupation chosen yet"
    assert re.match(r"No federal occupation has been chosen", chat["today_note"])
