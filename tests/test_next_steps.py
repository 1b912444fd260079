"""A role's next steps and where it comes from."""

from decimal import Decimal

import pytest
from django.urls import reverse

from careers.models import Role
from ladders.models import Promotion
from ladders.steps import describe_steps, requirements_gained

pytestmark = pytest.mark.django_db


def role(slug: str) -> Role:
    return Role.objects.with_profile().get(slug=slug)


def test_csr_next_steps_cover_every_ladder(client):
    response = client.get(reverse("careers:role-detail", args=["customer-service-representative"]))
    targets = {step.to_role.slug for step in response.context["next_steps"]}
    assert targets == set(
        Promotion.objects.filter(from_role__slug="customer-service-representative").values_list(
            "to_role__slug", flat=True
        )
    )
    assert len(targets) == 7


def test_moves_are_labelled_up_or_sideways_as_their_row_says(client, move_off_ladder):
    url = reverse("careers:role-detail", args=["customer-service-representative"])
    response = client.get(url)
    direction = {s.to_role.slug: s.promotion.direction for s in response.context["next_steps"]}
    assert direction["customer-service-training-manager"] == "up"
    assert direction["help-desk-representative"] == "up"
    move = move_off_ladder
    move.direction = Promotion.Direction.SIDEWAYS
    move.save()
    html = client.get(url).content.decode()
    # The row states no order, and its badge says so.
    assert '<span class="badge badge-sideways">Sideways move? Inferred, not stated</span>' in html


def test_no_move_is_invented_where_an_article_only_lists_a_job(client):
    # 001 describes the eCommerce CSR as another job in the field, not as a move from CSR.
    assert not Promotion.objects.filter(
        to_role__slug="ecommerce-customer-service-representative"
    ).exists()


def test_pay_change_is_worked_out_only_within_one_article():
    steps = describe_steps(
        Promotion.objects.filter(
            from_role__slug="customer-service-representative",
            to_role__slug="senior-customer-service-representative",
        )
    )
    # 001 (2007): CSR I $25,702–$33,661, senior $33,655–$50,074 -> midpoints differ by 12,183.
    assert steps[0].pay.yearly_difference == Decimal("12183")
    assert "+$12,183 a year" in steps[0].pay.summary


def test_pay_change_without_pay_for_the_next_role_says_so():
    steps = describe_steps(
        Promotion.objects.filter(
            from_role__slug="customer-service-representative",
            to_role__slug="help-desk-representative",
        )
    )
    assert steps[0].pay.yearly_difference is None
    assert steps[0].pay.summary == "No source states pay for the next role."


def test_requirements_gained_name_the_higher_education():
    gained = requirements_gained(
        role("customer-service-representative"), role("help-desk-representative")
    )
    # 004's help desk sentence names vocational certification as "either" of two choices and
    # leaves the other out, so it is a certification, not a higher education level.
    # Its hedge and its condition come with it.
    assert gained == [
        "Certification: Vocational certification (the sentence says “either” but names no "
        "other choice) (required, typically); in some cases experience may override it"
    ]


def test_requirements_gained_include_experience_and_preferred_degrees():
    gained = requirements_gained(
        role("senior-customer-service-representative"), role("customer-service-manager")
    )
    assert (
        "Education: Bachelor's degree in business, marketing or a related field "
        "(required, usually; no source states an education requirement for Senior customer "
        "service representative)"
    ) in gained
    assert "Experience: at least 7 years (required, usually)" in gained
    team = requirements_gained(role("help-desk-representative"), role("call-center-team-manager"))
    assert team == [
        # The help desk's own sentence already asks for vocational certification.
        "Education: Vocational certification in business and/or management at the very least "
        "(required, often; "
        "Help desk representative asks for High-school diploma or GED, as well as vocational "
        "certification (the sentence "
        "says “either” but names no other choice); in some cases experience may override it)",
        "Preferred: Associate (two-year) degree or higher (almost always)",
    ]


def test_profile_shows_next_steps_with_ladder_time_pay_and_needs(client):
    html = client.get(
        reverse("careers:role-detail", args=["software-support-representative"])
    ).content.decode()
    assert "Next steps" in html
    assert "Stream International support track" in html
    assert "12–18 months" in html
    assert "No source states pay for the next role." in html


def test_profile_shows_where_a_role_comes_from(client):
    html = client.get(
        reverse("careers:role-detail", args=["call-center-general-manager"])
    ).content.decode()
    assert "Comes from" in html
    assert reverse("careers:role-detail", args=["quality-assurance-representative"]) in html
    assert "No source names a move out of this role" in html


def test_a_role_nothing_leads_to_is_not_called_where_people_start(client):
    # The eCommerce CSR asks for a bachelor's and a year of technical support (suggested):
    # no move leads to it, but no source calls it a place to start either.
    html = client.get(
        reverse("careers:role-detail", args=["ecommerce-customer-service-representative"])
    ).content.decode()
    assert "No source names a role that leads here." in html
    assert "where people start" not in html.lower()
    assert "the top of" not in html


def test_a_move_whose_order_the_source_does_not_give_is_badged_as_such(client):
    html = client.get(
        reverse("careers:role-detail", args=["customer-service-representative"])
    ).content.decode()
    assert '<span class="badge badge-up">Step up? Inferred, not stated</span>' in html
    # The stated ones keep the sentence's hedge: 004's help desk "is typically the next level".
    assert '<span class="badge badge-up">Step up, typically</span>' in html
    assert '<span class="badge badge-up">Step up, for a motivated CSR</span>' in html


def test_one_year_of_experience_is_singular():
    gained = requirements_gained(
        role("customer-service-representative"), role("ecommerce-customer-service-representative")
    )
    # 001 suggests the year; it does not require it.
    assert "Suggested: experience, at least 1 year in technical support (usually)" in gained
