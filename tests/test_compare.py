"""Ladders and roles side by side; the selection; CSV; links that reproduce a comparison."""

import pytest
from django.urls import reverse

from careers.models import Necessity, RequirementStatement, Role
from careers.requirements import said_once
from ladders.comparison import Column
from ladders.models import Ladder
from salaries.models import CpiYear

pytestmark = pytest.mark.django_db

LADDERS = "/compare/ladders/"
ROLES = "/compare/roles/"
HTMX = {"HX-Request": "true"}


def test_ladders_are_aligned_rung_by_rung_from_entry(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):  # 2 of them for official pay today
        response = client.get(
            LADDERS, {"ladder": ["call-center-hierarchy", "stream-international"]}
        )
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == 5
    first = [cell.role.slug for cell in rows[0][1]]
    assert first == ["customer-service-representative", "customer-service-representative"]
    assert rows[3][1][1] is None  # Stream has only three rungs
    html = response.content.decode()
    assert "No rung 4" in html


def test_ladder_totals_show_time_education_and_pay(client):
    response = client.get(LADDERS, {"ladder": ["stream-international", "customer-service-track"]})
    stream, track = response.context["columns"]
    assert stream.time.display == "12–18 months, plus 1 move no source gives a time for"
    assert track.education_added == (
        "High-school diploma or an equivalent (rung 1) → Bachelor's degree in business, "
        "marketing or a related field (rung 3); one source: Associate (two-year) degree or "
        "bachelor's degree at rung 1 (many jobs now)."
    )
    assert track.degree_at == 3 and stream.degree_at is None
    html = response.content.decode()
    assert (
        "<li><strong>Customer service track</strong> requires a degree soonest, at rung 3."
        " Its rung order is not stated.</li>"
    ) in html
    # pay at the top of the customer-service track, with its hedge
    assert "typically $56,367–$78,468 (a year, as we read it)" in html


def test_role_comparison_shows_disagreeing_sources(client):
    response = client.get(
        ROLES, {"role": ["customer-service-representative", "help-desk-representative"]}
    )
    html = response.content.decode()
    assert "The sources disagree about the education this role needs." in html
    assert "Associate (two-year) degree" in html
    assert "Vocational certification" in html


def test_qualifiers_say_a_scope_the_necessity_already_says_once():
    assert said_once("required on the way up", "at Convergys, on the way up", "") == (
        "required on the way up, at Convergys"
    )
    # Only whole words count as said: "usually" is not in "unusually".
    assert said_once("required", "unusually, usually") == "required, unusually, usually"
    assert said_once("required", "", "applied from a general statement") == (
        "required, applied from a general statement"
    )
    exam = RequirementStatement(necessity=Necessity.ON_THE_WAY, scope="at Convergys, on the way up")
    assert exam.qualifiers == "required on the way up, at Convergys"


def test_the_role_comparison_prints_each_qualifier_once(client):
    response = client.get(
        ROLES, {"role": ["customer-service-representative", "call-center-team-manager"]}
    )
    html = response.content.decode()
    assert "(required on the way up, at Convergys)" in html
    assert "on the way up, at Convergys, on the way up" not in html


def test_order_of_choice_is_kept(client):
    response = client.get(ROLES, {"role": ["supervisor", "executive", "manager"]})
    assert [role.slug for role in response.context["roles"]] == [
        "supervisor",
        "executive",
        "manager",
    ]


def test_fewer_than_two_items_asks_for_more(client):
    response = client.get(ROLES, {"role": "supervisor"})
    assert response.status_code == 200
    assert "Choose at least two roles to compare — one more will do." in response.content.decode()


def test_too_many_items_compares_the_first_four_and_names_the_one_left_out(client):
    slugs = ["supervisor", "executive", "manager", "shift-supervisor", "subject-matter-expert"]
    response = client.get(ROLES, {"role": slugs})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Comparing 4 roles" in html
    assert '<table class="compare">' in html
    assert "one more will do" not in html
    assert (
        "Only 4 roles can be compared at once, so Subject matter expert (coach) was left out."
        in html
    )
    swap = "role=supervisor&amp;role=executive&amp;role=manager&amp;role=subject-matter-expert"
    assert f'href="{ROLES}?{swap}"' in html


def test_five_ladders_show_a_table_of_four_and_a_swap_link(client):
    slugs = ["call-center-hierarchy", "convergys", "customer-service-track", "peoplesupport"]
    response = client.get(LADDERS, {"ladder": [*slugs, "stream-international"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Comparing 4 ladders" in html and "one more will do" not in html
    assert "so Stream International" in html and "was left out" in html
    assert "instead of PeopleSupport CSR job ladder" in html


def test_unknown_item_is_a_clear_400(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "<b>nope</b>"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no ladder called" in html
    assert "<b>nope</b>" not in html


def test_bad_dollars_year_is_ignored_with_a_message(client):
    response = client.get(ROLES, {"role": ["supervisor", "executive"], "dollars": "1492"})
    assert response.status_code == 200
    assert "Pay can be shown in the dollars of any year from 1950 to" in response.content.decode()


def test_dollars_year_shows_adjusted_pay_and_says_when_it_cannot(client):
    response = client.get(
        ROLES,
        {
            "role": ["customer-service-representative", "senior-customer-service-representative"],
            "dollars": "2025",
        },
    )
    html = response.content.decode()
    assert "adjusted from 2007, the year the article was published, to 2025 dollars" in html
    assert "not adjusted: the source gives no year" in html
    assert "the table runs to 2025" in html


def test_the_link_reproduces_the_comparison_exactly(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"], "dollars": "2020"})
    html = response.content.decode()
    assert "/compare/ladders/?ladder=convergys&amp;ladder=peoplesupport&amp;dollars=2020" in html
    again = client.get("/compare/ladders/?ladder=convergys&ladder=peoplesupport&dollars=2020")
    assert [c.ladder.slug for c in again.context["columns"]] == ["convergys", "peoplesupport"]
    assert again.context["dollars_of"] == 2020


def test_htmx_swaps_only_the_comparison(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"]}, headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="comparison"')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_removing_an_item_keeps_the_others_and_the_dollars(client):
    response = client.get(
        ROLES, {"role": ["supervisor", "executive", "manager"], "dollars": "2020"}
    )
    html = response.content.decode()
    assert 'href="/compare/roles/?role=executive&amp;role=manager&amp;dollars=2020"' in html


def test_add_to_comparison_builds_on_the_remembered_selection(client):
    client.get(ROLES, {"role": ["supervisor", "executive"]})
    html = client.get(reverse("careers:role-detail", args=["manager"])).content.decode()
    assert 'href="/compare/roles/?role=supervisor&amp;role=executive&amp;role=manager"' in html
    html = client.get(reverse("careers:role-detail", args=["executive"])).content.decode()
    assert "In your comparison of 2 roles" in html


def test_add_to_comparison_from_a_ladder_page(client):
    html = client.get("/ladders/convergys/").content.decode()
    assert 'href="/compare/ladders/?ladder=convergys"' in html


def test_a_full_comparison_says_so(client):
    client.get(ROLES, {"role": ["supervisor", "executive", "manager", "shift-supervisor"]})
    html = client.get(
        reverse("careers:role-detail", args=["subject-matter-expert"])
    ).content.decode()
    assert "Your comparison is full (4 roles)" in html


def test_print_stylesheet_hides_controls_and_keeps_footnotes(client):
    html = client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"]}).content.decode()
    assert 'class="compare-controls no-print"' in html
    assert '<section class="footnotes"' in html
    assert 'id="source-1"' in html
    css = client.get("/static/css/site.css")
    text = b"".join(css.streaming_content).decode() if css.streaming else css.content.decode()
    assert "@media print" in text and ".no-print" in text


@pytest.mark.parametrize("dollars", ["²", "2" * 1000, "-1", "20.5", "1492"])
def test_odd_dollar_years_are_ignored_with_a_message(client, dollars):
    response = client.get(ROLES, {"role": ["supervisor", "executive"], "dollars": dollars})
    assert response.status_code == 200
    assert "Pay can be shown in the dollars of any year" in response.content.decode()


def test_a_ladder_without_rungs_can_be_compared(client):
    from careers.models import Source
    from ladders.models import Ladder

    source = Source.objects.first()
    Ladder.objects.create(name="Empty", slug="empty", source=source, quote="q")
    response = client.get(LADDERS, {"ladder": ["empty", "convergys"]})
    assert response.status_code == 200
    assert "No rungs yet" in response.content.decode()


def test_remembering_a_comparison_creates_no_session(client):
    from django.contrib.sessions.models import Session

    response = client.get(ROLES, {"role": ["supervisor", "executive"]})
    assert "sessionid" not in response.cookies
    assert response.cookies["compare_role"].value == "supervisor,executive"
    assert Session.objects.count() == 0


def test_a_repeated_comparison_is_served_from_the_cache_and_still_remembered(client):
    client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"]})
    client.cookies.clear()
    again = client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"]})
    assert again["X-Cache"] == "hit"
    assert again.cookies["compare_ladder"].value == "convergys,peoplesupport"


def test_a_comparison_of_one_ladder_is_not_called_ladders(client):
    client.get(LADDERS, {"ladder": "convergys"})
    html = client.get("/ladders/convergys/").content.decode()
    assert "In your comparison of 1 ladder: open it" in html
    assert "1 ladders" not in html


def test_leads_to_says_the_time_in_role_is_unstated_and_names_the_ladder_of_a_repeat(client):
    response = client.get(
        ROLES, {"role": ["customer-service-representative", "software-support-representative"]}
    )
    html = response.content.decode()
    assert "; not stated)" not in html
    csr, _ = response.context["roles"]
    stated, inferred = csr.leads_to
    assert stated.label == "Step up, time in role not stated"
    assert {move.to_role.slug for move in stated.moves} == {
        "help-desk-representative",
        "supervisor",
        "software-support-representative",
    }
    # PeopleSupport's list, CSR -> senior CSR and CSR -> customer service manager.
    assert inferred.label == "Step up, time in role not stated; inferred, order not stated"
    assert len(stated.moves) + len(inferred.moves) == 8
    # CSR to supervisor is stated twice, on two ladders.
    ours = '<span class="muted small">(our name for it)</span>'
    hedge = '<span class="muted small">(for a motivated CSR)</span>'
    assert (
        f"Supervisor</a> {hedge} "
        f'<span class="muted small">(on Convergys career track {ours})</span>' in html
    )
    assert (
        'Supervisor</a> <span class="muted small">(on PeopleSupport CSR job ladder)</span>' in html
    )
    assert 'Help desk representative</a> <span class="muted small">(typically)</span></li>' in html
    assert '<span class="muted small">Step up, 12–18 months in role:</span>' in html


def test_adjusted_pay_says_from_which_year_to_which(client):
    response = client.get(
        ROLES,
        {"role": ["customer-service-representative", "supervisor"], "dollars": "2025"},
    )
    html = response.content.decode()
    assert "adjusted from 2008, the year the article was published, to 2025 dollars" in html
    assert "dollars in 2025 dollars" not in html


def test_a_bare_comparison_page_offers_to_resume_the_remembered_one(
    client, django_assert_max_num_queries
):
    client.get(LADDERS, {"ladder": ["convergys", "stream-international"]})
    client.get(ROLES, {"role": ["supervisor", "executive", "manager"]})
    with django_assert_max_num_queries(8):
        response = client.get(LADDERS)  # where the main menu's "Compare" goes
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<a class="button primary" href="/compare/ladders/?ladder=convergys&amp;'
        'ladder=stream-international">Resume your comparison of Convergys career track and '
        "Stream International support track</a>"
    ) in html
    assert "Resume your comparison of Supervisor, Executive and Manager" in html
    assert 'href="/compare/roles/?role=supervisor&amp;role=executive&amp;role=manager"' in html
    assert "compare_ladder" not in response.cookies  # opening the page forgets nothing
    assert "Cookie" in response["Vary"]


def test_nothing_to_resume_without_a_remembered_comparison(client):
    html = client.get(LADDERS).content.decode()
    assert "Resume your comparison" not in html
    assert "Choose at least two ladders to compare." in html


def test_removing_every_item_forgets_the_comparison(client):
    client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"]})
    html = client.get(LADDERS, {"ladder": ["convergys"], "dollars": "2020"}).content.decode()
    assert 'href="/compare/ladders/?dollars=2020&amp;cleared=1"' in html  # its Remove link
    response = client.get(LADDERS, {"dollars": "2020", "cleared": "1"})
    assert response.status_code == 200
    assert response.cookies["compare_ladder"]["max-age"] == 0
    assert "Resume your comparison" not in response.content.decode()
    assert "Resume your comparison" not in client.get(LADDERS).content.decode()


def test_a_rung_shows_where_sources_disagree_about_its_education(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "stream-international"]})
    csr = response.context["rows"][0][1][0]
    assert csr.education.get_education_display() == "High-school diploma"
    [dissent] = csr.education_dissent
    assert dissent.text == "Associate (two-year) degree or bachelor's degree"
    assert dissent.scope == "many jobs now"
    html = response.content.decode()
    number = response.context["source_numbers"][dissent.statements[0].source_id]
    assert (
        "one source: Associate (two-year) degree or bachelor&#x27;s degree (many jobs now)"
        f'<sup class="fn">'
        f'<a href="#source-{number}">{number}</a></sup>'
    ) in html
    assert "Sources disagree" in html


def test_a_rung_shows_where_sources_disagree_about_its_experience(client):
    from careers.models import RequirementStatement, Role, Source

    RequirementStatement.objects.create(
        role=Role.objects.get(slug="customer-service-representative"),
        source=Source.objects.get(seed_file__startswith="004"),
        quote="q",
        summary="A year on the phones",
        necessity="required",
        scope="some call centers",
        experience_min_years=1,
    )
    response = client.get(LADDERS, {"ladder": ["convergys", "stream-international"]})
    html = response.content.decode()
    assert "0 to 3 years" in html
    assert "one source: at least 1 year (some call centers)" in html


def test_ladder_totals_do_not_hide_a_degree_one_source_asks_for(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "stream-international"]})
    _, stream = response.context["columns"]
    assert stream.degree_at is None
    assert stream.degree_display == "None by every source; one source: rung 1 (many jobs now)"
    assert stream.education_added == (
        "High-school diploma or an equivalent throughout (where stated); "
        "one source: Associate (two-year) degree or bachelor's degree at rung 1 (many jobs now)."
    )
    html = response.content.decode()
    assert "has no rung where any source requires a degree" not in html
    assert (
        "<strong>Stream International support track</strong> has no rung where all sources"
        " require a degree; one source asks for one at rung 1 (many jobs now).</li>"
    ) in html


def test_what_sets_each_ladder_apart_reads_as_sentences_after_its_name(client):
    response = client.get(LADDERS, {"ladder": ["call-center-hierarchy", "convergys"]})
    hierarchy, convergys = response.context["columns"]
    assert hierarchy.summary == (
        "has the most rungs (5). It has no rung where all sources require a degree; one"
        " source asks for one at rung 1 (many jobs now), and a degree is preferred at rung 3."
    )
    assert convergys.summary == (
        "has no rung where all sources require a degree; one source asks for one at"
        " rung 1 (many jobs now)."
    )
    html = response.content.decode()
    assert "<li><strong>Call center hierarchy</strong> has the most rungs (5). It has" in html
    assert "Most rungs" not in html and "; Most" not in html


def test_a_ladder_summary_naming_rungs_of_an_unordered_ladder_says_so(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"]})
    convergys, peoplesupport = response.context["columns"]
    # Both have four rungs: neither has the most.
    assert "most rungs" not in convergys.summary + peoplesupport.summary
    assert "order" not in convergys.summary
    assert peoplesupport.summary.endswith(
        "at rung 1 (many jobs now). Its rung order is not stated."
    )
    # A count of rungs needs no order, so alone it does not say so.
    counted = Column(Ladder(order_is_stated=False), [], None, stand_out=["has the most rungs (4)"])
    assert counted.summary == "has the most rungs (4)."


def test_the_chosen_dollars_year_goes_with_add_and_resume_links(client):
    client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"], "dollars": "2020"})
    page = client.get(reverse("ladders:ladder-detail", args=["stream-international"]))
    assert (
        "/compare/ladders/?ladder=convergys&amp;ladder=peoplesupport"
        "&amp;ladder=stream-international&amp;dollars=2020"
    ) in page.content.decode()
    resume = client.get(LADDERS).content.decode()
    assert "?ladder=convergys&amp;ladder=peoplesupport&amp;dollars=2020" in resume
    # "As stated only" forgets it.
    client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"], "dollars": ""})
    assert "dollars=" not in client.get(LADDERS).content.decode().split("resume")[1][:400]


def test_the_dollars_list_offers_the_useful_years_not_every_year(client):
    response = client.get(LADDERS, {"ladder": ["call-center-hierarchy", "convergys"]})
    years = response.context["cpi_years"]
    latest = max(CpiYear.objects.values_list("year", flat=True))
    assert years[0] == latest and len(years) < 10
    assert {2007, 2008} <= set(years)  # the years the CSR's figures date from
    chosen = client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"], "dollars": "1990"})
    assert 1990 in chosen.context["cpi_years"]


def test_ladder_comparison_explains_its_shading_and_points_to_rung_1_for_entry_pay(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "customer-service-track"]})
    html = response.content.decode()
    assert html.count('class="legend small no-print"') == 1
    assert "A shaded cell is a rung where every source" in html
    shaded = html.count('<td class="degree">')
    assert shaded >= 1
    assert html.count("Highlighted: every source that states it requires a degree") == shaded
    assert "Shown in rung 1, the first row of the table." in html


def test_no_legend_when_no_rung_is_shaded(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"]})
    html = response.content.decode()
    assert '<td class="degree">' not in html
    assert 'class="legend small no-print"' not in html


def test_the_menus_compare_opens_a_page_to_tick_ladders_or_roles(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        response = client.get("/compare/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/compare/" aria-current="page">Compare</a>' in " ".join(html.split())
    # Every ladder and every role can be ticked, each form going to its comparison.
    ladders = html.split('action="/compare/ladders/"')[1].split("</form>")[0]
    roles = html.split('action="/compare/roles/"')[1].split("</form>")[0]
    for ladder in Ladder.objects.all():
        assert f'name="ladder" value="{ladder.slug}"' in ladders
    for role in Role.objects.all():
        assert f'name="role" value="{role.slug}"' in roles
    assert " rungs</span>" in ladders
    assert "Resume your comparison" not in html
    # Ticking two submits an ordinary comparison address.
    ticked = client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"]})
    assert ticked.status_code == 200 and ticked.context["selection"].ready


def test_the_compare_page_offers_the_remembered_comparisons(client):
    client.get(ROLES, {"role": ["supervisor", "executive"]})
    html = client.get("/compare/").content.decode()
    assert "Resume your comparison of Supervisor and Executive" in html
    assert 'href="/compare/roles/?role=supervisor&amp;role=executive"' in html


@pytest.mark.parametrize(
    "asked",
    [
        ["executive\u3000", "manager"],  # a non-Latin-1 space after a slug
        [" executive", "manager"],
        ["executive", "manager", "executive"],  # a repeat
        ["executive", "", "manager"],  # an empty "add a role" field
    ],
)
def test_an_odd_spelling_of_a_selection_is_sent_to_its_one_address(client, asked):
    response = client.get("/compare/roles/", {"role": asked})
    assert response.status_code == 302
    assert response["Location"] == "/compare/roles/?role=executive&role=manager"
    assert "compare_role" not in response.cookies


def test_the_sources_name_bls_with_its_caveat_where_official_medians_are_shown(client):
    page = client.get("/compare/roles/", {"role": ["executive", "manager"]}).content.decode()
    sources = page[page.index('id="sources-heading"') :]
    assert "Official medians:" in sources and "BLS OEWS, May 2025" in sources
    assert "BLS.gov cannot vouch for the data" in sources
