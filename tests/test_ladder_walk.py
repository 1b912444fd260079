"""Ladder pages and walking a ladder rung by rung."""

import pytest
from django.urls import reverse

from ladders.models import Ladder

pytestmark = pytest.mark.django_db

HIERARCHY = "/ladders/call-center-hierarchy/"
HTMX = {"HX-Request": "true"}


def test_ladder_list_shows_every_ladder_with_its_rungs(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("ladders:ladder-list"))
    html = response.content.decode()
    for ladder in Ladder.objects.all():
        assert ladder.get_absolute_url() in html
    assert "The source lists these rungs without saying their order" in html


def test_ladder_page_numbers_the_rungs_in_order(client):
    html = client.get(HIERARCHY).content.decode()
    positions = [
        html.index(title)
        for title in [
            "Call center general manager",
            "Quality assurance representative",
            "Call center team manager",
            "Help desk representative",
        ]
    ]
    assert positions == sorted(positions)  # the top rung is drawn first
    assert '<ol class="rungs" reversed>' in html


def test_unordered_ladder_says_so(client):
    html = client.get("/ladders/peoplesupport/").content.decode()
    assert "without saying their order" in html
    html = client.get("/ladders/peoplesupport/?at=supervisor").content.decode()
    assert "Next listed" in html and "Step up" not in html


def test_standing_on_a_rung_expands_it_with_steps_up_and_down(client):
    html = client.get(HIERARCHY, {"at": "help-desk-representative"}).content.decode()
    assert "You are on rung 2: Help desk representative" in html
    assert "?at=call-center-team-manager" in html and "Step up" in html
    assert "?at=customer-service-representative" in html and "Step down" in html
    assert "Getting here from Customer service representative (CSR)" in html
    assert "Education: Vocational certification (before: High-school diploma or GED)" in html


def test_top_rung_has_no_step_up(client):
    html = client.get(HIERARCHY, {"at": "call-center-general-manager"}).content.decode()
    assert "This is the top rung of this ladder." in html
    assert "Step up" not in html


def test_a_step_returns_only_the_walk_fragment(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(13):
        response = client.get(HIERARCHY, {"at": "call-center-team-manager"}, headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<section id="ladder-walk"')
    assert "You are on rung 3: Call center team manager" in html
    assert "HX-Request" in response["Vary"]


def test_full_page_walk_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(13):
        assert client.get(HIERARCHY, {"at": "help-desk-representative"}).status_code == 200


def test_a_role_not_on_the_ladder_is_ignored_with_a_message(client):
    response = client.get(HIERARCHY, {"at": "executive"})
    assert response.status_code == 200
    assert "That role is not on this ladder" in response.content.decode()


def test_a_hostile_at_parameter_is_answered_calmly(client):
    response = client.get(HIERARCHY, {"at": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert b"That role is not on this ladder" in response.content


def test_unknown_ladder_is_a_helpful_404(client):
    response = client.get("/ladders/no-such-ladder/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content


def test_moves_off_the_ladder_are_listed(client):
    html = client.get("/ladders/customer-service-track/").content.decode()
    assert "Moves off this ladder" in html
    assert "Customer service training manager" in html


def test_a_role_reached_by_a_move_off_the_ladder_stands_on_the_rung_it_leaves_from(client):
    # A profile's "Next steps" links the ladder at the next role, which may not be a rung.
    response = client.get(
        "/ladders/customer-service-track/", {"at": "customer-service-training-manager"}
    )
    assert response.context["current"].role.slug == "customer-service-representative"
    html = response.content.decode()
    assert "Customer service training manager is not a rung of this ladder" in html
    assert "You are on rung 1: Customer service representative (CSR)" in html


def test_a_role_with_no_place_on_the_ladder_selects_no_rung(client):
    response = client.get("/ladders/call-center-hierarchy/", {"at": "executive"})
    assert response.context["current"] is None
    assert "That role is not on this ladder" in response.content.decode()
