"""The career map: an SVG drawn on the server, with the same content as a list."""

import re

import pytest
from django.urls import reverse

from careers.models import Role
from ladders.models import Promotion

pytestmark = pytest.mark.django_db


def test_every_role_is_a_linked_box_and_every_move_an_arrow(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = client.get(reverse("ladders:career-map"))
    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    for role in Role.objects.all():
        assert f'<a href="{role.get_absolute_url()}" class="role-box">' in svg
    pairs = set(Promotion.objects.values_list("from_role", "to_role"))
    assert svg.count("<line ") == len(pairs)
    sideways = set(
        Promotion.objects.filter(direction="sideways").values_list("from_role", "to_role")
    )
    assert svg.count('class="arrow sideways"') == len(sideways)


def test_a_sideways_move_is_drawn_dashed(client):
    # No article states a sideways move, so an editor's row stands in for one.
    promotion = Promotion.objects.filter(to_role__slug="customer-service-training-manager").first()
    assert (
        'class="arrow sideways"' not in client.get(reverse("ladders:career-map")).content.decode()
    )
    promotion.direction = Promotion.Direction.SIDEWAYS
    promotion.save()
    html = client.get(reverse("ladders:career-map")).content.decode()
    assert html.count('class="arrow sideways"') == 1


def test_entry_level_is_drawn_at_the_bottom(client):
    html = client.get(reverse("ladders:career-map")).content.decode()

    def box_y(slug):
        match = re.search(
            rf'href="/roles/{slug}/" class="role-box">\s*<rect x="\d+" y="(\d+)"', html
        )
        return int(match.group(1))

    assert box_y("customer-service-representative") > box_y("help-desk-representative")
    assert box_y("help-desk-representative") > box_y("call-center-team-manager")
    assert box_y("quality-assurance-representative") > box_y("call-center-general-manager")


def test_map_has_a_title_description_and_text_version(client):
    html = client.get(reverse("ladders:career-map")).content.decode()
    assert '<title id="map-title">' in html and '<desc id="map-desc">' in html
    outline = html[html.index('id="map-as-text"') :]
    assert 'leads to <a href="/roles/help-desk-representative/">' in outline
    for role in Role.objects.all():
        assert role.get_absolute_url() in outline


def test_no_script_is_needed_for_the_map(client):
    html = client.get(reverse("ladders:career-map")).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "<script" not in svg


def test_too_many_roles_to_draw_says_so_and_offers_other_ways(client):
    Role.objects.bulk_create(Role(title=f"Role {n}", slug=f"role-{n}") for n in range(300))
    html = client.get(reverse("ladders:career-map")).content.decode()
    assert "The map draws up to 300 roles, and there are 316." in html
    assert "<svg" not in html
