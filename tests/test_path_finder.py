"""Finding the shortest route of promotions between two roles."""

import pytest
from django.urls import reverse

from careers.models import Role

pytestmark = pytest.mark.django_db

URL = "/paths/"
HTMX = {"HX-Request": "true"}


def test_csr_to_general_manager_goes_up_the_call_center_hierarchy(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):  # 2 of them for official pay today
        response = client.get(
            URL, {"from": "customer-service-representative", "to": "call-center-general-manager"}
        )
    assert response.status_code == 200
    steps = response.context["steps"]
    assert [step.to_role.slug for step in steps] == [
        "help-desk-representative",
        "call-center-team-manager",
        "quality-assurance-representative",
        "call-center-general-manager",
    ]
    assert {step.ladder.slug for step in steps} == {"call-center-hierarchy"}
    html = response.content.decode()
    # 004 never states the last move (QA representative to general manager): the
    # summary says so, so "4 moves" does not pass for four stated ones.
    assert "4 moves, 1 of them inferred</h2>" in html
    assert "no source says how long any of the 4 moves takes" in html
    assert (
        "<strong>The route:</strong> Customer service representative (CSR) → Help desk "
        "representative → Call center team manager → Quality assurance representative → "
        'Call center general manager <span class="inferred-mark">(inferred: no sentence '
        "states this move)</span></p>"
    ) in html
    assert (
        'href="?from=call-center-general-manager&amp;to=customer-service-representative">'
        "⇅ Swap: from Call center general manager to Customer service representative (CSR)</a>"
    ) in html


def test_path_across_stream_adds_up_the_known_time(client):
    response = client.get(
        URL, {"from": "customer-service-representative", "to": "development-support-representative"}
    )
    html = response.content.decode()
    assert "12–18 months, plus 1 move no source gives a time for" in html
    assert "2 moves</h2>" in html and "inferred-mark" not in html


def test_no_route_says_so_and_offers_the_nearest_roles(client):
    response = client.get(
        URL, {"from": "call-center-general-manager", "to": "customer-service-representative"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "No route from Call center general manager to Customer service representative" in html
    assert "No source names a move out of Call center general manager." in html
    # No move in is not a claim that people start there.
    assert "No source names a move into Customer service representative (CSR).</p>" in html
    assert "entry point" not in html


def slugs_by_moves(reach) -> dict[int, list[str]]:
    return {moves: [role.slug for role in roles] for moves, roles in reach.groups}


def test_no_route_between_branches_lists_every_reachable_role_by_moves(client):
    response = client.get(URL, {"from": "help-desk-representative", "to": "executive"})
    assert slugs_by_moves(response.context["from_start"]) == {
        1: ["call-center-team-manager"],
        2: ["quality-assurance-representative"],
        3: ["call-center-general-manager"],
    }
    assert slugs_by_moves(response.context["to_goal"]) == {
        1: ["manager"],
        2: ["supervisor"],
        3: ["customer-service-representative"],
    }


def test_from_alone_shows_every_role_it_can_lead_to_not_a_required_field(client):
    from ladders.graph_store import current_graph

    csr = Role.objects.get(slug="customer-service-representative")
    response = client.get(URL, {"from": csr.slug}, headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required" not in html
    assert "Where Customer service representative (CSR) can lead" in html
    reach = response.context["from_start"]
    listed = [slug for slugs in slugs_by_moves(reach).values() for slug in slugs]
    assert sorted(listed) == sorted(
        Role.objects.filter(pk__in=current_graph().reachable_from(csr.pk)).values_list(
            "slug", flat=True
        )
    )
    assert reach.total == len(listed) > 6 and reach.more == 0  # 6 was the old silent cut
    assert f"{reach.total} roles, fewest moves first" in html
    assert '<a href="?from=customer-service-representative&amp;to=executive">Executive</a>' in html


def test_to_alone_shows_what_leads_there(client):
    response = client.get(URL, {"to": "call-center-team-manager"})
    assert "What leads to Call center team manager" in response.content.decode()
    assert slugs_by_moves(response.context["to_goal"]) == {
        1: ["help-desk-representative"],
        2: ["customer-service-representative"],
    }


def test_a_long_reach_lists_the_first_hundred_and_says_how_many_more(client):
    from ladders.paths import reach

    roles = Role.objects.bulk_create(Role(title=f"Role {n}", slug=f"role-{n}") for n in range(130))
    found = reach({role.pk: 1 + n % 3 for n, role in enumerate(roles)})
    assert (found.total, found.listed, found.more) == (130, 100, 30)
    assert [moves for moves, _ in found.groups] == [1, 2, 3]


def test_unknown_role_is_a_form_error_inside_the_form(client):
    response = client.get(URL, {"from": "nobody", "to": "executive"})
    assert response.status_code == 200
    assert "From: There is no role with that name" in response.content.decode()


def test_same_role_twice_is_a_form_error_and_an_htmx_swap_keeps_the_page(client):
    response = client.get(URL, {"from": "executive", "to": "executive"}, headers=HTMX)
    # A 200 fragment: htmx swaps it into #path-result; an error status would not be.
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="path-result"')
    assert "Choose two different roles: you are already there." in html


def test_htmx_gets_only_the_result_fragment(client):
    response = client.get(URL, {"from": "supervisor", "to": "executive"}, headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="path-result"')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_the_form_keeps_the_chosen_roles(client):
    html = client.get(URL, {"from": "supervisor", "to": "executive"}).content.decode()
    assert '<option value="supervisor" selected>' in html
    assert '<option value="executive" selected>' in html


def test_profile_links_to_the_path_finder(client):
    html = client.get(reverse("careers:role-detail", args=["supervisor"])).content.decode()
    assert "/paths/?from=supervisor" in html


def test_with_many_roles_the_form_takes_role_names_instead_of_a_drop_down(client):
    Role.objects.bulk_create(Role(title=f"Role {n}", slug=f"role-{n}") for n in range(300))
    html = client.get(URL).content.decode()
    assert '<input type="text" name="from"' in html and "<select" not in html
    response = client.get(URL, {"from": "supervisor", "to": "executive"})
    assert [s.to_role.slug for s in response.context["steps"]] == ["manager", "executive"]


def test_the_graph_is_built_once_per_data_version(django_assert_num_queries):
    from core.models import DataVersion
    from ladders.graph_store import current_graph

    first = current_graph()
    with django_assert_num_queries(1):  # the version only
        assert current_graph() is first
    DataVersion.bump()
    assert current_graph() is not first
    assert Role.objects.exists()


def test_no_debug_script_swaps_an_error_over_the_page_even_under_debug(client, settings):
    settings.DEBUG = True
    html = client.get(URL).content.decode()
    assert "django_htmx/htmx-2.min.js" in html
    assert "django-htmx.js" not in html
    assert '<p id="htmx-notice" class="notice" role="alert" hidden></p>' in html
