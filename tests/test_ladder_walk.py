"""Ladder pages and walking a ladder rung by rung."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from ladders.models import Ladder

pytestmark = pytest.mark.django_db

HIERARCHY = "/ladders/call-center-hierarchy/"
HTMX = {"HX-Request": "true"}


def test_ladder_list_shows_every_ladder_with_its_rungs(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # and the cards: pay at the ends, moves
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
    assert (
        "Education: Vocational certification in business and/or management at the very least "
        "(required, often; "
        "Help desk representative asks for "
    ) in html
    assert "as well as vocational certification" in html


def test_last_rung_has_no_step_up_and_is_not_called_the_top(client):
    html = client.get(HIERARCHY, {"at": "call-center-general-manager"}).content.decode()
    assert "This ladder names no rung above this one." in html
    assert "Step up" not in html
    assert "top rung" not in html


def test_a_step_no_sentence_states_is_not_called_a_step_up(client):
    # 004 never says the QA representative leads to the general manager.
    html = client.get(HIERARCHY, {"at": "quality-assurance-representative"}).content.decode()
    assert "↑ Next rung to Call center general manager" in html
    assert "<strong>Inferred, not stated:</strong> 004 describes the general manager" in html
    html = client.get(HIERARCHY, {"at": "call-center-team-manager"}).content.decode()
    assert "↑ Step up to Quality assurance representative" in html


def test_a_walk_step_keeps_the_sentences_hedge(client):
    # 004: the CSR "typically" moves up to help desk; the button must not drop it.
    html = client.get(HIERARCHY, {"at": "customer-service-representative"}).content.decode()
    assert "↑ Step up (typically) to Help desk representative" in html
    assert "Step up (typically): Help desk representative" in html
    html = client.get(HIERARCHY, {"at": "help-desk-representative"}).content.decode()
    assert "↓ Step down (typically) to Customer service representative" in html


def test_the_ladder_counts_the_moves_the_data_holds(client):
    html = client.get("/ladders/peoplesupport/").content.decode()
    assert "4 rungs, numbered from 1 in the order the source names them;" in html
    assert "3 moves between them, 3 of them inferred." in html


def test_a_step_sends_the_controls_and_the_opened_rung_only(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):  # one for pay and place, one for the moves
        response = client.get(HIERARCHY, {"at": "call-center-team-manager"}, headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html and "<ol" not in html
    assert "<title>Call center team manager on Call center hierarchy" in html
    assert '<div id="walk-controls"' in html
    assert "You are on rung 3: Call center team manager" in html
    # Every open rung is closed, then this one opened: no other rung is sent.
    assert 'hx-swap-oob="innerHTML:#ladder-walk .rung-slot"' in html
    assert 'hx-swap-oob="innerHTML:#rung-3 .rung-slot"' in html
    assert html.count('id="rung-detail"') == 1
    assert "Getting here from Help desk representative" in html
    assert 'class="rung-title"' not in html
    assert "HX-Request" in response["Vary"]


def test_the_page_opens_the_same_rung_a_step_does(client):
    html = client.get(HIERARCHY, {"at": "call-center-team-manager"}).content.decode()
    assert html.count('id="rung-detail"') == 1
    opened = html.index('id="rung-3"')
    assert opened < html.index('id="rung-detail"') < html.index('id="rung-2"')
    assert 'aria-current="step"' in html


def test_seeing_the_whole_ladder_by_htmx_closes_the_open_rung(client):
    html = client.get(HIERARCHY, headers=HTMX).content.decode()
    assert 'id="walk-start"' in html
    assert 'hx-swap-oob="innerHTML:#ladder-walk .rung-slot"' in html
    assert "rung-detail" not in html


def test_only_a_walk_in_progress_marks_its_controls_to_stay_on_screen(client):
    # The class makes the controls sticky on a phone (site.css): before a rung is chosen
    # they would only cover the rungs.
    walking = '<div id="walk-controls" class="walk-controls walking">'
    for headers in ({}, HTMX):
        assert (
            walking
            in client.get(
                HIERARCHY, {"at": "help-desk-representative"}, headers=headers
            ).content.decode()
        )
        html = client.get(HIERARCHY, headers=headers).content.decode()
        assert '<div id="walk-controls" class="walk-controls">' in html and walking not in html


def test_history_restore_gets_the_whole_page(client):
    headers = {**HTMX, "HX-History-Restore-Request": "true"}
    html = client.get(HIERARCHY, {"at": "call-center-team-manager"}, headers=headers).content
    assert b"<html" in html and b'<ol class="rungs" reversed>' in html


def test_an_htmx_step_to_a_role_off_the_ladder_says_so_in_the_controls(client, move_off_ladder):
    html = client.get(
        "/ladders/customer-service-track/",
        {"at": "customer-service-training-manager"},
        headers=HTMX,
    ).content.decode()
    controls = html[html.index('<div id="walk-controls"') : html.index("hx-swap-oob")]
    assert "is not a rung of this ladder" in controls
    assert "#rung-1 .rung-slot" in html


def test_full_page_walk_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    # pay and place; CPI-U; employers; official pay today (2) and the moves it follows
    with django_assert_max_num_queries(19):
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


def test_moves_off_the_ladder_are_listed(client, move_off_ladder):
    html = client.get("/ladders/customer-service-track/").content.decode()
    assert "Moves off this ladder" in html
    assert "Customer service training manager" in html


def test_a_ladder_with_many_moves_off_it_shows_ten_in_full_and_lists_the_rest(
    client, django_assert_max_num_queries
):
    call_command(
        "generate_catalogue", "--roles=60", "--promotions=150", "--ladders=2", stdout=io.StringIO()
    )
    ladder = Ladder.objects.filter(slug__startswith="synthetic-").order_by("pk").first()
    moves_off = list(ladder.moves_off())
    assert len(moves_off) > 20
    with django_assert_max_num_queries(17):
        html = client.get(ladder.get_absolute_url()).content.decode()
    section = html[html.index('id="branches-heading"') :]
    assert section.count('<article class="statement step">') == 10
    listed = section[section.index('<ul class="more-moves">') :]
    assert listed.count("<li>") == len(moves_off) - 10
    assert f"{len(moves_off) - 10} more moves off this ladder" in section
    last = moves_off[-1]
    assert f'{last.from_role.title}</a> to <a href="{last.to_role.get_absolute_url()}"' in listed
    # A step never sends them: it swaps the walk only.
    rung = ladder.rungs.order_by("position").first()
    step = client.get(ladder.get_absolute_url(), {"at": rung.role.slug}, headers=HTMX)
    assert "Moves off this ladder" not in step.content.decode()


def test_a_role_reached_by_a_move_off_the_ladder_stands_on_the_rung_it_leaves_from(
    client, move_off_ladder
):
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


def test_a_name_the_site_made_up_is_marked_as_ours(client):
    html = client.get("/ladders/customer-service-track/").content.decode()
    assert "The name is ours: the source gives this ladder no name." in html
    html = client.get(HIERARCHY).content.decode()  # 004: "the call center hierarchy"
    assert "The name is ours" not in html
    listing = client.get("/ladders/").content.decode()
    assert listing.count("(our name for it)") == Ladder.objects.filter(name_is_ours=True).count()


def test_a_ladder_card_gives_pay_at_both_ends_and_the_known_time(client):
    from ladders.models import Ladder

    html = client.get("/ladders/").content.decode()
    track = Ladder.objects.get(slug="customer-service-track")
    rungs = list(track.rungs.order_by("position").select_related("role"))
    card = html[html.index(track.name) :]
    card = card[: card.index("</li>\n", card.index("card-facts"))]
    assert f"Pay on rung {rungs[-1].position} ({rungs[-1].role.title})" in card
    assert "typically $56,367–$78,468 (a year, as we read it) (2007)" in card
    assert "Time in role from rung 1 to rung 3" in card
    assert "(a move links only 1 of the 2 pairs of neighbouring rungs)" in card
    hierarchy = html[html.index("Call center hierarchy") :]
    hierarchy = hierarchy[: hierarchy.index("</dl>")]
    assert "Pay on rung 5 (Call center general manager)</dt><dd>not stated" in hierarchy


def test_a_description_said_of_another_employer_says_so_on_this_ones_ladder(client):
    said = "Supervisory jobs, which a motivated CSR at Convergys can move up to."
    other = client.get("/ladders/peoplesupport/?at=supervisor").content.decode()
    own = client.get("/ladders/convergys/?at=supervisor").content.decode()
    assert f"{said} <span" in other
    assert "(the source says this of Convergys, not of PeopleSupport, Inc.)" in other
    assert f"{said}</p>" in own and "the source says this of" not in own
