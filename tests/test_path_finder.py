"""Finding the shortest route of promotions between two roles."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/paths/"
HTMX = {"HX-Request": "true"}


def test_csr_to_general_manager_goes_up_the_call_center_hierarchy(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
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
    assert "4 steps" in html
    assert "not stated for any step (4 steps)" in html


def test_path_across_stream_adds_up_the_known_time(client):
    response = client.get(
        URL, {"from": "customer-service-representative", "to": "development-support-representative"}
    )
    html = response.content.decode()
    assert "12–18 months, plus 1 step whose time is not stated" in html


def test_no_route_says_so_and_offers_the_nearest_roles(client):
    response = client.get(
        URL, {"from": "call-center-general-manager", "to": "customer-service-representative"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "No route from Call center general manager to Customer service representative" in html
    assert "No source names a move out of Call center general manager." in html
    assert (
        "No source names a move into Customer service representative (CSR); it is an entry point."
        in html
    )


def test_no_route_between_branches_lists_reachable_roles(client):
    response = client.get(URL, {"from": "help-desk-representative", "to": "executive"})
    near = [role.slug for role, _ in response.context["nearest_from_start"]]
    assert near[:1] == ["call-center-team-manager"]
    lead = [role.slug for role, _ in response.context["nearest_to_goal"]]
    assert "manager" in lead and "customer-service-representative" in lead


def test_unknown_role_is_a_400_with_a_message(client):
    response = client.get(URL, {"from": "nobody", "to": "executive"})
    assert response.status_code == 400
    assert "There is no role with that name" in response.content.decode()


def test_same_role_twice_is_a_400_with_a_message(client):
    response = client.get(URL, {"from": "executive", "to": "executive"})
    assert response.status_code == 400
    assert "Choose two different roles." in response.content.decode()


def test_half_chosen_form_is_not_an_error(client):
    response = client.get(URL, {"from": "executive", "to": ""}, headers=HTMX)
    assert response.status_code == 200


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
    from careers.models import Role

    Role.objects.bulk_create(Role(title=f"Role {n}", slug=f"role-{n}") for n in range(300))
    html = client.get(URL).content.decode()
    assert '<input type="text" name="from"' in html and "<select" not in html
    response = client.get(URL, {"from": "supervisor", "to": "executive"})
    assert [s.to_role.slug for s in response.context["steps"]] == ["manager", "executive"]


def test_the_graph_is_built_once_per_data_version(django_assert_num_queries):
    from careers.models import Role
    from core.models import DataVersion
    from ladders.graph_store import current_graph

    first = current_graph()
    with django_assert_num_queries(1):  # the version only
        assert current_graph() is first
    DataVersion.bump()
    assert current_graph() is not first
    assert Role.objects.exists()
